//! `GET /api/v2/.well-known`: the public key passwords are encrypted with.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::get;
use serde_json::json;

use super::envelope::success;
use crate::auth::RequestContext;
use crate::fake::Fake;

/// The routes of the fake's keys.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new().route("/api/v2/.well-known", get(well_known))
}

async fn well_known(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    success(rc.lang, json!({ "publicKey": fake.public_key_pem() }))
}
