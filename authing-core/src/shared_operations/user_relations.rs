//! A user's roles and departments, read through `user(id)`.

use http::StatusCode;
use serde::Deserialize;

use super::require;
use crate::graphql::documents::{GET_USER_DEPARTMENTS, GET_USER_ROLES};
use crate::model::{Paginated, PaginatedRoles, UserDepartment};
use crate::{Error, Lang, Wire, codes, operation};

/// Authing's 2004, "user does not exist", in the client's language: what a `user(id)`
/// answer of `null` means.
pub fn user_not_found(lang: Lang) -> Error {
    let message = match lang {
        Lang::EnUs => "User does not exist",
        _ => "用户不存在",
    };
    Error::Api {
        code: codes::USER_NOT_FOUND,
        message: message.to_owned(),
        data: None,
        status: StatusCode::OK,
    }
}

/// `user { roles }`.
#[doc(hidden)]
#[derive(Debug, Deserialize)]
pub struct RolesField {
    roles: Option<PaginatedRoles>,
}

/// `user { departments }`.
#[doc(hidden)]
#[derive(Debug, Deserialize)]
pub struct DepartmentsField {
    departments: Option<Paginated<UserDepartment>>,
}

operation! {
    /// A user's roles of a namespace (`user(id) { roles(namespace) }`): assigned directly,
    /// through the user's groups, and inherited from parent roles; the default namespace
    /// unless [`namespace`](Self::namespace) is set. Code 2004: no such user.
    pub struct ListUserRoles -> PaginatedRoles {
        wire: Wire::Graphql(&GET_USER_ROLES),
        auth: Client,
        answer: Option<RolesField>,
        required {
            /// The user's id (a user sending it for themselves: their own).
            id: String,
        }
        optional {
            /// The namespace (permission group) code.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.id)
            }

            fn finish(answer: Option<RolesField>, lang: Lang) -> Result<PaginatedRoles, Error> {
                let roles = answer.ok_or_else(|| user_not_found(lang))?.roles;
                Ok(roles.unwrap_or_default())
            }
        }
    }
}

operation! {
    /// The departments a user belongs to (`user(id) { departments(orgId) }`), in one
    /// organisation when [`org_id`](Self::org_id) is set. Code 2004: no such user.
    pub struct ListUserDepartments -> Paginated<UserDepartment> {
        wire: Wire::Graphql(&GET_USER_DEPARTMENTS),
        auth: Client,
        answer: Option<DepartmentsField>,
        required {
            /// The user's id (a user sending it for themselves: their own).
            id: String,
        }
        optional {
            /// Only this organisation.
            org_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.id)
            }

            fn finish(
                answer: Option<DepartmentsField>,
                lang: Lang,
            ) -> Result<Paginated<UserDepartment>, Error> {
                let departments = answer.ok_or_else(|| user_not_found(lang))?.departments;
                Ok(departments.unwrap_or_default())
            }
        }
    }
}
