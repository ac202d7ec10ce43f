//! authing-mock's integration tests, one binary: each module drives the fake through one of
//! its doors (in process, over a socket) or checks its schema.

mod common;
mod graphql;
mod hardening;
mod logins;
mod rest;
mod schema_conformance;
mod server;
mod snapshots;
