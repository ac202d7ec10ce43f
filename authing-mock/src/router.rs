//! The fake's HTTP surface: one axum router for every door (in-process, socket), with a
//! layer that records each request and applies injected faults.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};

use crate::auth::RequestContext;
use crate::failure::Failure;
use crate::fake::Fake;
use crate::graphql::PreparedSlot;
use crate::journal::recorded_body;
use crate::record::{GraphqlSummary, RecordedRequest, redact_query};
use crate::{admin, graphql, protocols, rest};

/// The largest request body the fake reads (1 MiB, the usual front proxy's default): a
/// larger one is refused with 413 before the fake holds more of it, so the bodies in flight
/// cost at most this times the connection cap.
const MAX_BODY: usize = 1 << 20;

/// The router of `mock`.
pub(crate) fn router(mock: Arc<Fake>) -> Router {
    Router::new()
        .route("/graphql/v2", post(graphql_endpoint))
        .merge(rest::routes())
        .merge(protocols::routes())
        .nest(admin::PREFIX, admin::routes(&mock))
        .fallback(rest::not_found)
        .method_not_allowed_fallback(rest::method_not_allowed)
        .layer(middleware::from_fn_with_state(mock.clone(), observe))
        .with_state(mock)
}

/// `POST /graphql/v2`: runs the body the recording layer prepared (or reads it, if the
/// router runs without that layer).
async fn graphql_endpoint(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let rc = RequestContext::from_parts(&parts);
    let prepared = match parts
        .extensions
        .get::<PreparedSlot>()
        .and_then(PreparedSlot::take)
    {
        Some(prepared) => prepared,
        None => match to_bytes(body, MAX_BODY).await {
            Ok(body) => graphql::prepare(&body),
            Err(error) => {
                return rest::failure(rc.lang, &Failure::invalid_params(error.to_string()));
            }
        },
    };
    let (status, answer) = graphql::execute(&mock, rc, prepared).await;
    (
        status,
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        answer,
    )
        .into_response()
}

/// Records the request and applies the first matching fault (not for the test-only
/// endpoints).
async fn observe(State(mock): State<Arc<Fake>>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if path == admin::PREFIX || path.starts_with(&format!("{}/", admin::PREFIX)) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (app_id, user_pool_id, lang) = (
        header("x-authing-app-id"),
        header("x-authing-userpool-id"),
        header("x-authing-lang"),
    );
    let authorized = parts.headers.contains_key(http::header::AUTHORIZATION);
    let method = parts.method.to_string();
    let query = parts.uri.query().map(redact_query);

    let body = match to_bytes(body, MAX_BODY).await {
        Ok(body) => body,
        Err(_) => {
            return rest::envelope(
                StatusCode::PAYLOAD_TOO_LARGE,
                413,
                "request body too large",
                serde_json::Value::Null,
            );
        }
    };
    let (summary, prepared) = if path == "/graphql/v2" && parts.method == http::Method::POST {
        let prepared = graphql::prepare(&body);
        (prepared.summary.clone(), Some(PreparedSlot::new(prepared)))
    } else {
        (GraphqlSummary::default(), None)
    };
    let plan = mock.faults().take(&path, &summary.root_fields);
    let plan = plan.unwrap_or_default();
    if let Some(delay) = plan.delay {
        tokio::time::sleep(delay).await;
    }
    let mut response = match plan.respond {
        Some((status, content_type, body)) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
            let mut response = (status, body).into_response();
            if let Ok(value) = HeaderValue::from_str(&content_type) {
                response.headers_mut().insert(CONTENT_TYPE, value);
            }
            response
        }
        None => {
            let mut request = Request::from_parts(parts, Body::from(body.clone()));
            if let Some(prepared) = prepared {
                request.extensions_mut().insert(prepared);
            }
            next.run(request).await
        }
    };
    if plan.truncate {
        response = truncate(response).await;
    }
    let (body, body_truncated) = recorded_body(&body);
    mock.record(RecordedRequest {
        method,
        path,
        query,
        operation_name: summary.operation_name,
        graphql_fields: summary.root_fields,
        status: response.status().as_u16(),
        authorized,
        app_id,
        user_pool_id,
        lang,
        at: mock.now(),
        body,
        body_truncated,
    });
    response
}

/// The response with only the first half of its body (at least one byte fewer).
async fn truncate(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let keep = if bytes.len() <= 1 { 0 } else { bytes.len() / 2 };
    let cut = if bytes.is_empty() {
        axum::body::Bytes::from_static(b"{\"data\":")
    } else {
        bytes.slice(..keep)
    };
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(cut))
}
