//! The test-only endpoints that set up the other ways in (authlogin), under
//! `/__authing_mock/`; see the crate docs' table.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::post;
use serde::Deserialize;
use serde_json::Value;

use crate::admin::{bad_request, read_json};
use crate::auth::RequestContext;
use crate::failure::Failure;
use crate::fake::Fake;
use crate::rest::{failure, success};
use crate::store::{AppMfa, PasswordStrength};

/// The routes, merged into the test-only ones (behind their access rule).
pub(crate) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route("/ldap-users", post(add_ldap_user))
        .route("/sub-accounts", post(add_sub_account))
        .route("/password-resets", post(require_password_reset))
        .route("/app-mfa", post(require_app_mfa))
        .route("/password-strength", post(set_password_strength))
}

/// The envelope of a set-up call: `data: null` or Authing's code.
fn done(rc: &RequestContext, result: Result<(), Failure>) -> Response {
    match result {
        Ok(()) => success(rc.lang, Value::Null),
        Err(refused) => failure(rc.lang, &refused),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct LdapUser {
    username: String,
    password: String,
    #[serde(default)]
    profile: Value,
    user_pool_id: Option<String>,
}

async fn add_ldap_user(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let entry: LdapUser = match read_json(request).await {
        Ok(entry) => entry,
        Err(response) => return *response,
    };
    let pool = entry.user_pool_id.as_deref();
    let result = fake.add_ldap_user(pool, &entry.username, &entry.password, entry.profile);
    done(&rc, result)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct NewSubAccount {
    user_id: String,
    account: String,
    password: String,
}

async fn add_sub_account(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let sub: NewSubAccount = match read_json(request).await {
        Ok(sub) => sub,
        Err(response) => return *response,
    };
    done(
        &rc,
        fake.add_sub_account(&sub.user_id, &sub.account, &sub.password),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct UserRef {
    user_id: String,
}

async fn require_password_reset(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let user: UserRef = match read_json(request).await {
        Ok(user) => user,
        Err(response) => return *response,
    };
    done(&rc, fake.require_password_reset(&user.user_id))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct AppMfaSetting {
    app_id: String,
    /// `SMS`, `EMAIL`, `FACE`, or null for none.
    mfa: Option<String>,
}

async fn require_app_mfa(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let setting: AppMfaSetting = match read_json(request).await {
        Ok(setting) => setting,
        Err(response) => return *response,
    };
    let mfa = match setting.mfa.as_deref() {
        None => None,
        Some("SMS") => Some(AppMfa::Sms),
        Some("EMAIL") => Some(AppMfa::Email),
        Some("FACE") => Some(AppMfa::Face),
        Some(_) => return bad_request("mfa must be SMS, EMAIL, FACE or null"),
    };
    done(&rc, fake.require_app_mfa(&setting.app_id, mfa))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Strength {
    /// 0: any, 1: at least 6 characters, 2: and two kinds, 3: and three kinds.
    level: u8,
    user_pool_id: Option<String>,
}

async fn set_password_strength(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let setting: Strength = match read_json(request).await {
        Ok(setting) => setting,
        Err(response) => return *response,
    };
    let strength = match setting.level {
        0 => PasswordStrength::Any,
        1 => PasswordStrength::AtLeast6,
        2 => PasswordStrength::TwoKinds,
        3 => PasswordStrength::ThreeKinds,
        _ => return bad_request("level must be 0, 1, 2 or 3"),
    };
    let pool = setting.user_pool_id.as_deref();
    done(&rc, fake.set_password_strength(pool, strength))
}
