//! TOTP MFA under `/api/v2/mfa`: enrolment for a logged-in user (`authenticator`,
//! `totp/associate`, `totp/associate/confirm`) and the answers to a login's MFA step
//! (`totp/verify`, `totp/recovery`), authorised by the step's `mfaToken` as bearer.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::Value;

use super::body::{field, json_object_or_empty};
use super::envelope::{answer, call};
use crate::auth::{Access, RequestContext};
use crate::domain::mfa;
use crate::failure::Failure;
use crate::fake::Fake;
use crate::graphql::types::User;

/// The MFA routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route("/api/v2/mfa/authenticator", get(authenticators))
        .route(
            "/api/v2/mfa/totp/associate",
            post(associate).delete(delete_authenticator),
        )
        .route("/api/v2/mfa/totp/associate/confirm", post(confirm))
        .route("/api/v2/mfa/totp/verify", post(verify_totp))
        .route("/api/v2/mfa/totp/recovery", post(verify_recovery_code))
}

/// The caller's TOTP authenticators (`?type=totp&source=SELF`).
async fn authenticators(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::User, |call| {
        let user_id = call.caller.subject(None)?;
        call.pool(|pool| mfa::list(pool, &user_id))
    })
}

/// Starts the caller's TOTP enrolment: secret, `otpauth://` URI and recovery code.
async fn associate(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::User, |call| {
        let user_id = call.caller.subject(None)?;
        let now = call.now();
        call.pool(|pool| mfa::associate(pool, &user_id, "Authing", now))
    })
}

/// Removes the caller's TOTP authenticator.
async fn delete_authenticator(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::User, |call| {
        let user_id = call.caller.subject(None)?;
        call.pool(|pool| mfa::delete(pool, &user_id))?;
        Ok(Value::Null)
    })
}

/// Confirms the caller's enrolment with a first code (`{totp}`).
async fn confirm(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let body = match json_object_or_empty(request).await {
        Ok(body) => body,
        Err(failure) => return answer(rc.lang, Err(failure)),
    };
    call(&fake, &rc, Access::User, |call| {
        let user_id = call.caller.subject(None)?;
        let now = call.now();
        call.pool(|pool| mfa::confirm(pool, &user_id, field(&body, "totp"), now))?;
        Ok(Value::Null)
    })
}

/// Answers a login's MFA step with a TOTP code (`{totp}`): the user, with their token.
async fn verify_totp(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    answer_step(fake, request, "totp", mfa::verify_totp).await
}

/// Answers a login's MFA step with the recovery code (`{recoveryCode}`).
async fn verify_recovery_code(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    answer_step(fake, request, "recoveryCode", mfa::verify_recovery_code).await
}

/// How a step is answered: `(pool, issuer, mfaToken, code)`.
type StepAnswer = for<'p, 'i, 'a> fn(
    &'p mut crate::store::Pool,
    &crate::domain::identity::Issuer<'i>,
    Option<&'a str>,
    Option<&'a str>,
) -> Result<(&'p crate::store::UserRecord, String), Failure>;

/// Answers the step whose `mfaToken` is the bearer with the body's field `code_field`, on
/// the pool the request's headers name.
async fn answer_step(
    fake: Arc<Fake>,
    request: Request,
    code_field: &str,
    verify: StepAnswer,
) -> Response {
    let rc = RequestContext::of(&request);
    let body = match json_object_or_empty(request).await {
        Ok(body) => body,
        Err(failure) => return answer(rc.lang, Err(failure)),
    };
    call(&fake, &rc, Access::App, |call| {
        let mfa_token = call.rc.bearer.as_ref().map(|token| token.expose());
        let issuer = call.issuer();
        let pool_id = call.pool_id().to_owned();
        call.pool(|pool| {
            let (user, token) = verify(pool, &issuer, mfa_token, field(&body, code_field))?;
            Ok(User::from_record(user, &pool_id, Some(token)).to_json())
        })
    })
}
