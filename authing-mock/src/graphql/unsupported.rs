//! The one answer of every field the fake has in its schema but does not implement yet:
//! Authing's error shape with [`Failure::unsupported`], naming the field.
//!
//! Such fields exist so that clients which validate their documents against the schema work
//! unchanged; a later change replaces each with a real resolver.

use async_graphql::Context;
use authing_core::Lang;

use super::resolve::graphql_error;
use crate::auth::RequestContext;
use crate::failure::Failure;

/// The "not supported by the fake yet" error for `field` (a root field's name, or
/// `Type.field` for a field of an object type).
pub(crate) fn unsupported(ctx: &Context<'_>, field: &'static str) -> async_graphql::Error {
    let lang = ctx
        .data_opt::<RequestContext>()
        .map_or_else(Lang::default, |rc| rc.lang);
    graphql_error(&Failure::unsupported(field), lang)
}
