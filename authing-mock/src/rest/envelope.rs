//! The `{code, message, data}` envelopes every REST answer comes in, and [`call`], the one
//! way a REST handler runs.

use authing_core::Lang;
use axum::Json;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use serde_json::{Value, json};

use crate::auth::{Access, Call, RequestContext};
use crate::failure::{self, Code, Failure};
use crate::fake::Fake;

/// `{code, message, data}` with HTTP `status`.
pub(crate) fn envelope(status: StatusCode, code: i64, message: &str, data: Value) -> Response {
    (
        status,
        Json(json!({ "code": code, "message": message, "data": data })),
    )
        .into_response()
}

/// A success envelope with `data`.
pub(crate) fn success(lang: Lang, data: Value) -> Response {
    envelope(StatusCode::OK, 200, failure::OK.pick(lang), data)
}

/// A failure envelope (HTTP 200, like Authing's business errors; 404 and 500 for those).
pub(crate) fn failure(lang: Lang, failure: &Failure) -> Response {
    let status = match failure.code() {
        Code::NotFound => StatusCode::NOT_FOUND,
        Code::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::OK,
    };
    envelope(
        status,
        failure.number(),
        &failure.message(lang),
        failure.data().cloned().unwrap_or(Value::Null),
    )
}

/// The envelope of `result`: its data on success, its failure otherwise.
pub(crate) fn answer(lang: Lang, result: Result<Value, Failure>) -> Response {
    match result {
        Ok(data) => success(lang, data),
        Err(error) => failure(lang, &error),
    }
}

/// The one way a REST handler runs: resolves the caller `access` asks for (see
/// [`Fake::call`]) and answers the envelope of `body`'s result.
pub(crate) fn call(
    fake: &Fake,
    rc: &RequestContext,
    access: Access,
    body: impl FnOnce(Call<'_>) -> Result<Value, Failure>,
) -> Response {
    answer(rc.lang, fake.call(rc, access, body))
}

/// Any other path: HTTP 404 with an envelope.
pub(crate) async fn not_found(request: Request) -> Response {
    failure(RequestContext::of(&request).lang, &Code::NotFound.into())
}

/// A known path with the wrong method: HTTP 405 with an envelope.
pub(crate) async fn method_not_allowed(request: Request) -> Response {
    let lang = RequestContext::of(&request).lang;
    let message = failure::Message {
        zh: "不支持的请求方法",
        en: "Method Not Allowed",
    };
    envelope(
        StatusCode::METHOD_NOT_ALLOWED,
        405,
        message.pick(lang),
        Value::Null,
    )
}
