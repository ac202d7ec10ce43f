//! Reading a REST call's JSON body: one size limit and one error for every route.

use axum::body::to_bytes;
use axum::extract::Request;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::failure::{Code, Failure};

/// The largest JSON body these calls take.
const MAX_BODY_BYTES: usize = 64 * 1024;

/// A request's JSON object body (2231 otherwise, without quoting it).
pub(super) async fn json_object(request: Request) -> Result<Value, Failure> {
    let bytes = read(request).await?;
    parse_object(&bytes)
}

/// A request's JSON object body, an empty body being `{}`; 2231 otherwise, without quoting it.
pub(super) async fn json_object_or_empty(request: Request) -> Result<Value, Failure> {
    let bytes = read(request).await?;
    if bytes.is_empty() {
        return Ok(Value::Object(serde_json::Map::new()));
    }
    parse_object(&bytes)
}

/// The request's JSON body as `T` (2231 naming no value when it is not one).
pub(super) async fn typed<T: DeserializeOwned>(request: Request) -> Result<T, Failure> {
    let bytes = read(request).await?;
    // serde's message may quote values (secrets): keep only where it failed.
    serde_json::from_slice(&bytes).map_err(|error| {
        Failure::with_text(
            Code::InvalidParams,
            format!("body (line {}, column {})", error.line(), error.column()),
        )
    })
}

/// The string field `name` of a body, if it is one.
pub(super) fn field<'v>(body: &'v Value, name: &str) -> Option<&'v str> {
    body.get(name).and_then(Value::as_str)
}

/// The body's bytes, up to [`MAX_BODY_BYTES`].
pub(super) async fn read(request: Request) -> Result<axum::body::Bytes, Failure> {
    to_bytes(request.into_body(), MAX_BODY_BYTES)
        .await
        .map_err(|_| Failure::invalid_params("the body is too large"))
}

/// The bytes as a JSON object; the error never quotes them.
fn parse_object(bytes: &[u8]) -> Result<Value, Failure> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value @ Value::Object(_)) => Ok(value),
        _ => Err(Failure::invalid_params("the body is not a JSON object")),
    }
}
