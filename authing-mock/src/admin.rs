//! Test-only endpoints under `/__authing_mock/`, for clients in any language; the table is
//! in the crate docs.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::{get, post};
use http::StatusCode;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::auth::RequestContext;
use crate::clock::iso;
use crate::fake::Fake;
use crate::faults::FaultSpec;
use crate::rest::{envelope, success};

/// The reserved path prefix of the test-only endpoints.
pub(crate) const PREFIX: &str = "/__authing_mock";

/// The test-only routes, to nest under [`PREFIX`].
pub(crate) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route("/reset", post(reset))
        .route("/clock", get(clock))
        .route("/clock/advance", post(advance_clock))
        .route("/requests", get(requests))
        .route("/faults", post(add_fault).delete(clear_faults))
        .route("/pools", get(pools).post(create_pool))
        .route("/snapshot", post(save_snapshot))
        .route("/restore", post(restore_snapshot))
}

fn bad_request(why: impl std::fmt::Display) -> Response {
    envelope(
        StatusCode::BAD_REQUEST,
        400,
        &format!("malformed request body: {why}"),
        Value::Null,
    )
}

/// Reads and parses a JSON body (up to 1 MiB); an empty body reads as `{}`.
async fn read_json<T: DeserializeOwned>(request: Request) -> Result<T, Box<Response>> {
    let bytes: Bytes = axum::body::to_bytes(request.into_body(), 1 << 20)
        .await
        .map_err(|error| Box::new(bad_request(error)))?;
    let body: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        &bytes
    };
    serde_json::from_slice(body).map_err(|e| Box::new(bad_request(e)))
}

async fn reset(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    mock.reset();
    success(rc.lang, Value::Null)
}

async fn clock(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    success(rc.lang, json!({ "now": iso(mock.now()) }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Advance {
    seconds: f64,
}

async fn advance_clock(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let advance: Advance = match read_json(request).await {
        Ok(advance) => advance,
        Err(response) => return *response,
    };
    let Ok(by) = Duration::try_from_secs_f64(advance.seconds) else {
        return bad_request("seconds must be a non-negative number");
    };
    mock.advance_clock(by);
    success(rc.lang, json!({ "now": iso(mock.now()) }))
}

async fn requests(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    success(
        rc.lang,
        serde_json::to_value(mock.requests()).unwrap_or(Value::Null),
    )
}

async fn add_fault(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let spec: FaultSpec = match read_json(request).await {
        Ok(spec) => spec,
        Err(response) => return *response,
    };
    mock.inject_fault(spec.into_fault());
    success(rc.lang, Value::Null)
}

async fn clear_faults(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    mock.clear_faults();
    success(rc.lang, Value::Null)
}

async fn pools(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let pools: Vec<Value> = mock
        .all_credentials(&rc.origin)
        .iter()
        .map(|p| p.to_json())
        .collect();
    success(rc.lang, Value::Array(pools))
}

async fn create_pool(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    success(rc.lang, mock.create_pool(&rc.origin).to_json())
}

async fn save_snapshot(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    success(rc.lang, json!({ "id": mock.save_snapshot() }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Restore {
    id: String,
}

async fn restore_snapshot(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let restore: Restore = match read_json(request).await {
        Ok(restore) => restore,
        Err(response) => return *response,
    };
    if !mock.restore_saved(&restore.id) {
        return envelope(
            StatusCode::NOT_FOUND,
            404,
            "no snapshot with this id (saved snapshots beyond the last 32 are forgotten)",
            Value::Null,
        );
    }
    success(rc.lang, Value::Null)
}
