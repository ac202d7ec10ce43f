//! What a user belongs to: roles, groups, departments, organisations and tenants.
//!
//! Assigning roles and groups, and the user's policies, custom data and authorized
//! resources, are the families' calls with the user filled in (see [`UsersHandler`]).
//!
//! [`UsersHandler`]: super::UsersHandler

use authing_core::model::{OrgNode, PaginatedGroups, PaginatedRoles, User};
use authing_core::{Error, Lang, Wire, operation};
use http::Method;
use serde::Deserialize;

use crate::checks::require;
use crate::graphql;
use authing_core::shared_operations::user_relations::user_not_found;
pub use authing_core::shared_operations::{ListUserDepartments, ListUserRoles};

operation! {
    /// A user's roles of a namespace over REST (`GET /api/v2/users/{userId}/roles`), the
    /// same as [`ListUserRoles`]. Code 2004: no such user.
    pub struct GetUserRoleList -> PaginatedRoles {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/users/{userId}/roles" },
        auth: Management,
        required {
            /// The user's id.
            user_id: String,
        }
        optional {
            /// The namespace (permission group) code.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)
            }
        }
    }
}

/// `user { groups }`.
#[derive(Debug, Deserialize)]
pub struct WithGroups {
    groups: Option<PaginatedGroups>,
}

operation! {
    /// The groups a user belongs to (`user(id) { groups }`). Code 2004: no such user.
    pub struct ListUserGroups -> PaginatedGroups {
        wire: Wire::Graphql(&graphql::USER_GROUPS),
        auth: Management,
        answer: Option<WithGroups>,
        required {
            /// The user's id.
            id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.id)
            }

            fn finish(answer: Option<WithGroups>, lang: Lang) -> Result<PaginatedGroups, Error> {
                let groups = answer.ok_or_else(|| user_not_found(lang))?.groups;
                Ok(groups.unwrap_or_default())
            }
        }
    }
}

operation! {
    /// The organisations a user belongs to (`GET /api/v2/users/{userId}/orgs`): one list
    /// per organisation, the user's node path in it from the root. Code 2004: no such user.
    pub struct ListUserOrgs -> Vec<Vec<OrgNode>> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/users/{userId}/orgs" },
        auth: Management,
        answer: Option<Vec<Vec<OrgNode>>>,
        required {
            /// The user's id.
            user_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)
            }

            fn finish(answer: Option<Vec<Vec<OrgNode>>>, _lang: Lang) -> Result<Vec<Vec<OrgNode>>, Error> {
                Ok(answer.unwrap_or_default())
            }
        }
    }
}

/// A tenant of a user pool.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tenant {
    /// The tenant's id.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its logo URL.
    #[serde(default)]
    pub logo: Option<String>,
}

/// A user and the tenants they belong to (`GET /api/v2/users/{userId}/tenants`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UserWithTenants {
    /// The user.
    #[serde(flatten)]
    pub user: User,
    /// Their tenants.
    #[serde(default)]
    pub tenants: Vec<Tenant>,
}

operation! {
    /// A user with the tenants they belong to (`GET /api/v2/users/{userId}/tenants`). Code
    /// 2004: no such user.
    pub struct GetUserTenants -> UserWithTenants {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/users/{userId}/tenants" },
        auth: Management,
        required {
            /// The user's id.
            user_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)
            }
        }
    }
}
