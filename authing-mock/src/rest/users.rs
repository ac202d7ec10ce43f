//! `GET /api/v2/users/me`: the user of the bearer token.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::get;

use super::answer;
use crate::auth::RequestContext;
use crate::domain::identity;
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
    let result = (|| {
        let token = rc.bearer.as_ref().ok_or(Code::NotLoggedIn)?;
        let store = fake.store();
        let verified = fake.verify(&store, token.expose())?;
        let named = fake.named_pool(&store, &rc);
        let (pool, user) =
            identity::token_user(&store, &verified, named.as_deref(), Code::NoPermission)?;
        Ok(User::from_record(user, &pool.id, Some(token.expose().to_owned())).to_json())
    })();
    answer(rc.lang, result)
}
