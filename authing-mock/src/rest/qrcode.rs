//! QR-code login under `/api/v2/qrcode`: make a code (`gene`), read
//! its status (`check?random=`), exchange a confirmed code's ticket for the user and a
//! token (`userinfo`). The phone's side is played by the control endpoints.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Query, Request, State};
use axum::response::Response;
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::Value;

use super::body::json_object;
use super::envelope::{answer, call};
use crate::auth::{Access, RequestContext};
use crate::domain::qrcode;
use crate::fake::Fake;
use crate::graphql::types::User;

/// The routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route("/api/v2/qrcode/gene", post(gene))
        .route("/api/v2/qrcode/check", get(check))
        .route("/api/v2/qrcode/userinfo", post(exchange))
}

/// A new QR code for `{scene}`, for the application the headers name.
async fn gene(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let body = match json_object(request).await {
        Ok(body) => body,
        Err(failure) => return answer(rc.lang, Err(failure)),
    };
    call(&fake, &rc, Access::App, |call| {
        let app_id = call.caller.app_id().unwrap_or_default().to_owned();
        let now = call.now();
        let origin = call.rc.origin.clone();
        let scene = body.get("scene").and_then(Value::as_str);
        call.pool(|pool| qrcode::gene(pool, scene, &app_id, &origin, now))
    })
}

/// `?random=`.
#[derive(Debug, Deserialize)]
struct RandomQuery {
    random: Option<String>,
}

/// A QR code's status.
async fn check(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let random = Query::<RandomQuery>::try_from_uri(request.uri())
        .ok()
        .and_then(|Query(query)| query.random);
    call(&fake, &rc, Access::App, |call| {
        let now = call.now();
        call.pool(|pool| qrcode::check(pool, random.as_deref(), now))
    })
}

/// The user of a confirmed QR code for its `{ticket}`, with a token; once per ticket.
async fn exchange(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let body = match json_object(request).await {
        Ok(body) => body,
        Err(failure) => return answer(rc.lang, Err(failure)),
    };
    call(&fake, &rc, Access::App, |call| {
        let issuer = call.issuer();
        let pool_id = call.pool_id().to_owned();
        let ticket = body.get("ticket").and_then(Value::as_str);
        call.pool(|pool| {
            let (user, token) = qrcode::exchange(pool, &issuer, ticket)?;
            Ok(User::from_record(user, &pool_id, Some(token)).to_json())
        })
    })
}
