//! `GET /api/v2/logout?app_id=...`: revokes the bearer token.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::get;
use serde_json::Value;

use super::envelope::answer;
use crate::auth::RequestContext;
use crate::domain::identity;
use crate::failure::{Code, Failure};
use crate::fake::Fake;

/// The identity routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new().route("/api/v2/logout", get(logout))
}

/// Any token that is not a live user login (missing, expired, invalid, a management
/// token) is 2020.
async fn logout(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let result = (|| {
        let token = rc.bearer.as_ref().ok_or(Code::NotLoggedIn)?;
        let mut store = fake.store();
        let verified = fake
            .verify(&store, token.expose())
            .map_err(|_| Failure::from(Code::NotLoggedIn))?;
        identity::logout(&mut store, verified, fake.now())?;
        Ok(Value::Null)
    })();
    answer(rc.lang, result)
}
