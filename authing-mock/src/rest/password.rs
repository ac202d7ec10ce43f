//! `POST /api/v2/password/check` (mgmtgaps): whether a password meets the pool's strength
//! rule (`MockAuthingBuilder::password_strength`), the REST twin of `checkPasswordStrength`
//! that `ManagementClient::is_password_valid` sends.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::post;
use serde_json::json;

use super::body::{field, json_object_or_empty};
use super::envelope::{answer, call};
use crate::auth::{Access, RequestContext};
use crate::domain::password_reset;
use crate::failure::{Failure, OK};
use crate::fake::Fake;

/// The routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new().route("/api/v2/password/check", post(check))
}

/// `{password}` (plain text) → `{valid, message}`; 2231 without a password. The password is
/// never echoed.
async fn check(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let body = match json_object_or_empty(request).await {
        Ok(body) => body,
        Err(failure) => return answer(rc.lang, Err(failure)),
    };
    call(&fake, &rc, Access::SignedOrApp, |call| {
        let password = field(&body, "password")
            .ok_or_else(|| Failure::invalid_params("password must be a string"))?;
        let strength = call.pool(|pool| Ok(pool.logins.password_strength))?;
        let lang = call.rc.lang;
        Ok(match password_reset::check_strength(strength, password) {
            Ok(()) => json!({ "valid": true, "message": OK.pick(lang) }),
            Err(lacks) => json!({ "valid": false, "message": lacks.pick(lang) }),
        })
    })
}
