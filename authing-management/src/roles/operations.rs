//! The role operations, one declaration each (see [`authing_core::operation!`]).

use authing_core::model::{CommonMessage, PaginatedRoles, Role, SortBy};
use authing_core::{Error, Wire, operation};

use crate::checks::{check_page, require};
use crate::graphql;

operation! {
    /// One page of the roles of a namespace (`roles`): page 1 of 10, newest first, unless
    /// set.
    pub struct ListRoles -> PaginatedRoles {
        wire: Wire::Graphql(&graphql::ROLES),
        auth: Management,
        optional {
            /// The namespace code (default: the pool's default namespace).
            namespace: String,
            /// The order (default newest first).
            sort_by: SortBy,
        }
        defaults {
            /// The page, 1-based (default 1).
            page: u32 = 1,
            /// Roles per page (default 10).
            limit: u32 = 10,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_page(self.page, self.limit)
            }
        }
    }
}

operation! {
    /// Creates a role (`createRole`), under the role `parent` (a code of the same
    /// namespace) when set, whose grants it then inherits. A taken code is refused with
    /// [`ROLE_EXISTS`](authing_core::codes::ROLE_EXISTS), a missing parent with
    /// [`ROLE_NOT_FOUND`](authing_core::codes::ROLE_NOT_FOUND).
    pub struct CreateRole -> Role {
        wire: Wire::Graphql(&graphql::CREATE_ROLE),
        auth: Management,
        required {
            /// The role's code, unique in its namespace.
            code: String,
        }
        optional {
            /// The namespace code (default: the pool's default namespace).
            namespace: String,
            /// A description.
            description: String,
            /// The parent role's code.
            parent: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("code", &self.code)
            }
        }
    }
}

operation! {
    /// One role by code (`role`); `None` when there is no such role.
    pub struct RoleDetail -> Option<Role> {
        wire: Wire::Graphql(&graphql::ROLE),
        auth: Management,
        required {
            /// The role's code.
            code: String,
        }
        optional {
            /// The namespace code (default: the pool's default namespace).
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("code", &self.code)
            }
        }
    }
}

operation! {
    /// Changes a role's description or code (`updateRole`). A missing role is
    /// [`ROLE_NOT_FOUND`](authing_core::codes::ROLE_NOT_FOUND), a taken new code
    /// [`ROLE_EXISTS`](authing_core::codes::ROLE_EXISTS).
    pub struct UpdateRole -> Role {
        wire: Wire::Graphql(&graphql::UPDATE_ROLE),
        auth: Management,
        required {
            /// The role's code.
            code: String,
        }
        optional {
            /// The namespace code (default: the pool's default namespace).
            namespace: String,
            /// The new description.
            description: String,
            /// The new code.
            new_code: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("code", &self.code)?;
                self.new_code.as_deref().map_or(Ok(()), |code| require("new code", code))
            }
        }
    }
}

operation! {
    /// Deletes a role (`deleteRole`): its users and groups lose it, its children their
    /// parent. A missing role is [`ROLE_NOT_FOUND`](authing_core::codes::ROLE_NOT_FOUND).
    pub struct DeleteRole -> CommonMessage {
        wire: Wire::Graphql(&graphql::DELETE_ROLE),
        auth: Management,
        required {
            /// The role's code.
            code: String,
        }
        optional {
            /// The namespace code (default: the pool's default namespace).
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("code", &self.code)
            }
        }
    }
}

operation! {
    /// Deletes roles (`deleteRoles`), all or none. An empty list is
    /// [`Error::InvalidArgument`].
    pub struct DeleteRoles -> CommonMessage {
        wire: Wire::Graphql(&graphql::DELETE_ROLES),
        auth: Management,
        required {
            /// The roles' codes.
            code_list: Vec<String>,
        }
        optional {
            /// The namespace code (default: the pool's default namespace).
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.code_list.is_empty() {
                    return Err(Error::invalid_argument("delete_many needs at least one role code"));
                }
                self.code_list.iter().try_for_each(|code| require("code", code))
            }
        }
    }
}
