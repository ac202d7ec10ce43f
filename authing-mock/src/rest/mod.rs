//! Authing's REST endpoints under `/api/v2`, one router per resource, answering
//! `{code, message, data}` envelopes (code 200 is success; business errors come with HTTP
//! 200, like Authing's).

// auth-flows
mod body;
mod codes;
mod envelope;
mod identity;
mod keys;
mod users;
// roles-groups
mod roles;
// Session / MFA area.
mod mfa;
// applications area
mod applications;
// authlogin (round 2)
mod logins;
// authuser (round 2)
mod me;
mod qrcode;
// acl (round 2)
mod access_accounts;
mod acl;
mod application_users;
// users (round 2)
mod users_admin;
// mgmtgaps
mod password;
// authgaps (round 2)
mod app_config;

use std::sync::Arc;

use axum::Router;

use crate::fake::Fake;

pub(crate) use envelope::{answer, envelope, failure, method_not_allowed, not_found, success};

/// Every REST route, to mount at the root.
pub(crate) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .merge(keys::routes())
        .merge(users::routes())
        .merge(identity::routes())
        .merge(roles::routes())
        .merge(codes::routes())
        // Session / MFA area.
        .merge(mfa::routes())
        // applications area
        .merge(applications::routes())
        // authlogin (round 2)
        .merge(logins::routes())
        // authuser (round 2)
        .merge(me::routes())
        .merge(qrcode::routes())
        // acl (round 2)
        .merge(acl::routes())
        .merge(access_accounts::routes())
        .merge(application_users::routes())
        // users (round 2)
        .merge(users_admin::routes())
        // mgmtgaps
        .merge(password::routes())
        // authgaps (round 2)
        .merge(app_config::routes())
}
