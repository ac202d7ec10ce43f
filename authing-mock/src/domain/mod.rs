//! The fake's rules, one module per resource: plain functions on a [`Pool`](crate::store::Pool)
//! (or the [`Store`](crate::store::Store)) returning `Result<_, Failure>`, tested without HTTP.
//! The doors (`graphql/`, `rest/`) only resolve the caller and translate.
//!
//! # Adding a resource (roles, groups, ...)
//!
//! 1. `store/role.rs`: the record (`RoleRecord`) and its `Record` impl: its
//!    `KIND`, its id, its unique keys (e.g. `code` per namespace); then a
//!    `roles: Table<RoleRecord>` field on `Pool`, cleared in `Pool::clear`. Many-to-many
//!    links are `Link` constants (`USER_ROLES = Link { name: "userRoles", left: "user",
//!    right: "role" }`) kept in `Pool::links`; deleting through `Relations::delete` clears them.
//! 2. Its codes: one row each in `failure.rs`'s table.
//! 3. `domain/roles.rs`: plain functions on `&mut Pool` returning `Result<_, Failure>`,
//!    mapping the table's `Refusal`s to Authing's codes, with unit tests.
//! 4. Doors: `graphql/roles.rs` (a `RolesQuery` / `RolesMutation` part added to the
//!    `Query` / `Mutation` roots) and `rest/roles.rs` (a router merged in `rest::routes`),
//!    each resolver one `call(ctx, Access::Admin, |call| call.pool(|pool| roles::...))`.
//! 5. Tests: a module of `tests/it/`.

pub(crate) mod identity;
// Protocols (issue 9).
pub(crate) mod cas;
pub(crate) mod protocols;
pub(crate) mod saml;
pub(crate) mod users;
// Custom fields and values (users-udf).
pub(crate) mod udf;
pub(crate) mod udv;
// roles-groups
pub(crate) mod groups;
pub(crate) mod roles;
// auth-flows: one-time codes and the flows that use them.
pub(crate) mod codes;
pub(crate) mod flows;
// Session / MFA area.
pub(crate) mod mfa;
// applications area
pub(crate) mod agreements;
pub(crate) mod applications;
// Policies and ACL.
pub(crate) mod authz;
pub(crate) mod me;
pub(crate) mod policies;
// Directory and sub-account logins, password resets, linking, app MFA.
pub(crate) mod access_accounts;
pub(crate) mod acl;
pub(crate) mod app_mfa;
pub(crate) mod directory;
pub(crate) mod linking;
pub(crate) mod namespaces;
pub(crate) mod password_reset;
pub(crate) mod principal;
pub(crate) mod qrcode;
pub(crate) mod user_actions;
pub(crate) mod user_filter;
pub(crate) mod user_identities;
pub(crate) mod user_status;
// mgmtgaps
pub(crate) mod app_config;
pub(crate) mod target_refs;
pub(crate) mod user_search;

use crate::failure::{Code, Failure};

/// Who is calling, once their token (or the request's headers) checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Caller {
    /// An administrator of a pool (a management token).
    Admin { pool_id: String },
    /// A logged-in user.
    User {
        pool_id: String,
        user_id: String,
        app_id: String,
    },
    /// Someone without a token, talking to an application of a pool (register, log in).
    Visitor { pool_id: String, app_id: String },
}

impl Caller {
    /// The caller's pool.
    pub(crate) fn pool_id(&self) -> &str {
        match self {
            Self::Admin { pool_id }
            | Self::User { pool_id, .. }
            | Self::Visitor { pool_id, .. } => pool_id,
        }
    }

    /// The application the caller came through: a user's token names it, a visitor's
    /// headers do; an administrator has none.
    pub(crate) fn app_id(&self) -> Option<&str> {
        match self {
            Self::User { app_id, .. } | Self::Visitor { app_id, .. } => Some(app_id),
            Self::Admin { .. } => None,
        }
    }

    /// The user a call about one user is about: an administrator must name one (2004
    /// otherwise); a user may name only themselves (1001 otherwise), or no one; a visitor
    /// is not logged in (2020).
    pub(crate) fn subject(&self, id: Option<String>) -> Result<String, Failure> {
        match (self, id) {
            (Self::Admin { .. }, Some(id)) => Ok(id),
            (Self::Admin { .. }, None) => Err(Code::UserNotFound.into()),
            (Self::User { user_id, .. }, None) => Ok(user_id.clone()),
            (Self::User { user_id, .. }, Some(id)) if &id == user_id => Ok(id),
            (Self::User { .. }, Some(_)) => Err(Code::NoPermission.into()),
            (Self::Visitor { .. }, _) => Err(Code::NotLoggedIn.into()),
        }
    }
}

/// The namespace a call works in: the one it names, else the pool's default one.
pub(crate) fn namespace_or_default(namespace: Option<&str>) -> &str {
    match namespace.map(str::trim) {
        Some(namespace) if !namespace.is_empty() => namespace,
        _ => crate::store::DEFAULT_NAMESPACE,
    }
}

#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects() {
        let admin = Caller::Admin {
            pool_id: "p".into(),
        };
        let user = Caller::User {
            pool_id: "p".into(),
            user_id: "u".into(),
            app_id: "a".into(),
        };
        assert_eq!(admin.subject(Some("x".into())).expect("any"), "x");
        assert_eq!(admin.subject(None).expect_err("must name").number(), 2004);
        assert_eq!(user.subject(None).expect("self"), "u");
        assert_eq!(user.subject(Some("u".into())).expect("self"), "u");
        assert_eq!(
            user.subject(Some("x".into())).expect_err("other").number(),
            1001
        );
        let visitor = Caller::Visitor {
            pool_id: "p".into(),
            app_id: "a".into(),
        };
        assert_eq!(visitor.subject(None).expect_err("anonymous").number(), 2020);
        assert_eq!(visitor.pool_id(), "p");
    }
}
