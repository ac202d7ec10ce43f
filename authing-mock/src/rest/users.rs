//! `GET /api/v2/users/me`: the user of the bearer token.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::get;

use super::envelope::call;
use crate::auth::{Access, RequestContext};
use crate::domain::users;
use crate::failure::Code;
use crate::fake::Fake;
use crate::graphql::types::User;

/// The user routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new().route("/api/v2/users/me", get(me))
}

/// The user of the bearer token, with that token. No token is 2020, an expired one 2206,
/// an invalid or revoked one (or one of another pool than the headers name) 2207, a
/// management token 1001, a deleted user 2004.
async fn me(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::User, |call| {
        let named = fake.named_pool(&fake.store(), call.rc);
        if named.is_some_and(|named| named != call.pool_id()) {
            return Err(Code::LoginInvalid.into());
        }
        let user_id = call.caller.subject(None)?;
        call.pool(|pool| Ok(User::for_caller(users::get(pool, &user_id)?, &call).to_json()))
    })
}
