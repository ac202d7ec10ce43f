//! How a resolver runs: [`call`] (the caller resolved by [`Fake::call`]), [`answer`] (no
//! caller), and the Authing-shaped error a failure becomes.

use std::sync::Arc;

use async_graphql::{Context, ErrorExtensions as _};
use authing_core::Lang;

use crate::auth::{Access, Call, RequestContext};
use crate::failure::Failure;
use crate::fake::Fake;

/// The extension key that carries an Authing error from a resolver to `execute`.
pub(super) const AUTHING_ERROR: &str = "authingError";

/// The fake and the request context of a resolver.
pub(crate) fn door<'a>(
    ctx: &'a Context<'_>,
) -> async_graphql::Result<(&'a Fake, &'a RequestContext)> {
    let fake = ctx.data::<Arc<Fake>>()?;
    let rc = ctx.data::<RequestContext>()?;
    Ok((fake, rc))
}

/// The one way a resolver runs: resolves the caller `access` asks for (see
/// [`Fake::call`]) and runs `body`, turning its failure into an Authing-shaped error.
pub(crate) fn call<T>(
    ctx: &Context<'_>,
    access: Access,
    body: impl FnOnce(Call<'_>) -> Result<T, Failure>,
) -> async_graphql::Result<T> {
    let (fake, rc) = door(ctx)?;
    fake.call(rc, access, body)
        .map_err(|failure| graphql_error(&failure, rc.lang))
}

/// Runs `body`, which needs no caller (its pool comes from its arguments), turning its
/// failure into an Authing-shaped error.
pub(crate) fn answer<T>(
    ctx: &Context<'_>,
    body: impl FnOnce(&Fake, &RequestContext) -> Result<T, Failure>,
) -> async_graphql::Result<T> {
    let (fake, rc) = door(ctx)?;
    body(fake, rc).map_err(|failure| graphql_error(&failure, rc.lang))
}

/// A GraphQL error carrying `failure` for `execute` to rewrite.
pub(super) fn graphql_error(failure: &Failure, lang: Lang) -> async_graphql::Error {
    let object = async_graphql::Value::from_json(failure.to_json(lang))
        .unwrap_or(async_graphql::Value::Null);
    async_graphql::Error::new(failure.message(lang))
        .extend_with(|_, extensions| extensions.set(AUTHING_ERROR, object.clone()))
}

/// A `CommonMessage` saying `message` (Authing's success code, 200) in the caller's language.
pub(crate) fn done(
    call: &Call<'_>,
    message: crate::failure::Message,
) -> super::types::CommonMessage {
    super::types::CommonMessage {
        code: Some(200),
        message: Some(message.pick(call.rc.lang).to_owned()),
    }
}
