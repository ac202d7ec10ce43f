//! The types of Authing's v2 schema that the fake does not produce yet, one file per area,
//! named and typed exactly as in Authing's schema (the † additions the official SDKs send are
//! listed in `tests/schema_conformance.rs`).
//!
//! Most of them are the output of root fields that answer "not supported" until a later
//! change gives the fake that resource; they exist so that clients which introspect the schema
//! and validate their documents first (the official Python SDK) work unchanged. Nothing
//! constructs or reads them yet, hence the `dead_code` allowance.

#![allow(
    dead_code,
    unused_variables,
    reason = "the schema of resources the fake does not implement yet; later changes build and read them"
)]

pub(crate) mod account;
pub(crate) mod acl;
pub(crate) mod common;
pub(crate) mod email;
pub(crate) mod functions;
pub(crate) mod groups;
pub(crate) mod identity;
pub(crate) mod mfa;
mod object;
pub(crate) mod org;
pub(crate) mod policies;
pub(crate) mod roles;
pub(crate) mod social;
pub(crate) mod udf;
pub(crate) mod userpool;
pub(crate) mod whitelist;

pub(crate) use object::ObjectValue;
