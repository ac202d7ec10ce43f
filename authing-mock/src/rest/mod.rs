//! Authing's REST endpoints under `/api/v2`, one router per resource, answering
//! `{code, message, data}` envelopes (code 200 is success; business errors come with HTTP
//! 200, like Authing's).

// auth-flows
mod body;
mod codes;
mod envelope;
mod identity;
mod keys;
mod page;
mod users;
// roles-groups
mod roles;
// Session / MFA area.
mod mfa;
// applications area
mod access_accounts;
mod acl;
mod application_users;
mod applications;
mod logins;
mod me;
mod qrcode;
mod users_admin;
// mgmtgaps
mod app_config;
mod password;

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
        .merge(logins::routes())
        .merge(me::routes())
        .merge(qrcode::routes())
        .merge(acl::routes())
        .merge(access_accounts::routes())
        .merge(application_users::routes())
        .merge(users_admin::routes())
        // mgmtgaps
        .merge(password::routes())
        .merge(app_config::routes())
}
