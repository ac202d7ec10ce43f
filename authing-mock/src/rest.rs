//! Authing's REST endpoints under `/api/v2`, answering `{code, message, data}` envelopes
//! (code 200 is success; business errors come with HTTP 200, like Authing's).

use authing_core::Lang;
use axum::Json;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use serde_json::{Value, json};

use crate::auth::RequestContext;
use crate::graphql::types::User;
use crate::i18n::{Failure, ok};
use crate::mock::MockAuthing;
use crate::tokens::TokenOwner;

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
    envelope(StatusCode::OK, 200, ok(lang), data)
}

/// A failure envelope (HTTP 200, like Authing's business errors).
pub(crate) fn failure(lang: Lang, failure: &Failure) -> Response {
    let status = match failure {
        Failure::NotFound => StatusCode::NOT_FOUND,
        Failure::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::OK,
    };
    envelope(
        status,
        failure.code(),
        &failure.message(lang),
        failure.data().unwrap_or(Value::Null),
    )
}

fn context(request: &Request) -> RequestContext {
    RequestContext::of(request)
}

/// `GET /api/v2/.well-known`: the public key passwords are encrypted with.
pub(crate) async fn well_known(State(mock): State<MockAuthing>, request: Request) -> Response {
    let rc = context(&request);
    success(rc.lang, json!({ "publicKey": mock.public_key_pem() }))
}

/// `GET /api/v2/users/me`: the user of the bearer token, with that token. No token is 2020,
/// an expired one 2206, an invalid or revoked one (or one of another pool than the headers
/// name) 2207, a management token 1001, a deleted user 2004.
pub(crate) async fn me(State(mock): State<MockAuthing>, request: Request) -> Response {
    let rc = context(&request);
    let result = (|| {
        let token = rc.bearer.as_ref().ok_or(Failure::NotLoggedIn)?;
        let verified = mock.inner.check_token(token.expose())?;
        let TokenOwner::User {
            pool_id, user_id, ..
        } = verified.owner
        else {
            return Err(Failure::NoPermission);
        };
        if mock
            .inner
            .named_pool(&rc)
            .is_some_and(|named| named != pool_id)
        {
            return Err(Failure::LoginInvalid);
        }
        let store = mock.inner.store();
        let user = store
            .pools
            .get(&pool_id)
            .and_then(|pool| pool.user(&user_id))
            .ok_or_else(Failure::user_not_found)?;
        Ok(User::from_record(user, &pool_id, Some(token.expose().to_owned())).to_json())
    })();
    match result {
        Ok(user) => success(rc.lang, user),
        Err(error) => failure(rc.lang, &error),
    }
}

/// `GET /api/v2/logout?app_id=...`: revokes the bearer token. Any token that is not a live
/// user login (missing, expired, invalid, a management token) is 2020.
pub(crate) async fn logout(State(mock): State<MockAuthing>, request: Request) -> Response {
    let rc = context(&request);
    let verified = rc
        .bearer
        .as_ref()
        .and_then(|token| mock.inner.check_token(token.expose()).ok())
        .filter(|verified| matches!(verified.owner, TokenOwner::User { .. }));
    match verified {
        Some(verified) => {
            mock.inner.store().revoked.insert(verified.jti);
            success(rc.lang, Value::Null)
        }
        None => failure(rc.lang, &Failure::NotLoggedIn),
    }
}

/// Any other path: HTTP 404 with an envelope.
pub(crate) async fn not_found(request: Request) -> Response {
    failure(context(&request).lang, &Failure::NotFound)
}

/// A known path with the wrong method: HTTP 405 with an envelope.
pub(crate) async fn method_not_allowed(request: Request) -> Response {
    let lang = context(&request).lang;
    let message = match lang {
        Lang::EnUs => "Method Not Allowed",
        _ => "不支持的请求方法",
    };
    envelope(StatusCode::METHOD_NOT_ALLOWED, 405, message, Value::Null)
}
