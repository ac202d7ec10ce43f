//! The group operations, one declaration each (see [`authing_core::operation!`]).

use authing_core::model::{CommonMessage, Group, PaginatedGroups, SortBy};
use authing_core::{Error, Wire, operation};

use crate::checks::{check_page, require};
use crate::graphql;

operation! {
    /// One page of the groups (`groups`): page 1 of 10, newest first, unless set; with
    /// `user_id`, only that user's groups.
    pub struct ListGroups -> PaginatedGroups {
        wire: Wire::Graphql(&graphql::GROUPS),
        auth: Management,
        optional {
            /// Only the groups of this user.
            user_id: String,
            /// The order (default newest first).
            sort_by: SortBy,
        }
        defaults {
            /// The page, 1-based (default 1).
            page: u32 = 1,
            /// Groups per page (default 10).
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
    /// Creates a group (`createGroup`). A taken code is
    /// [`GROUP_EXISTS`](authing_core::codes::GROUP_EXISTS).
    pub struct CreateGroup -> Group {
        wire: Wire::Graphql(&graphql::CREATE_GROUP),
        auth: Management,
        required {
            /// The group's code, unique in the pool.
            code: String,
            /// Its display name.
            name: String,
        }
        optional {
            /// A description.
            description: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("code", &self.code)
            }
        }
    }
}

operation! {
    /// One group by code (`group`); `None` when there is no such group.
    pub struct GroupDetail -> Option<Group> {
        wire: Wire::Graphql(&graphql::GROUP),
        auth: Management,
        required {
            /// The group's code.
            code: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("code", &self.code)
            }
        }
    }
}

operation! {
    /// Changes a group's name, description or code (`updateGroup`). A missing group is
    /// [`GROUP_NOT_FOUND`](authing_core::codes::GROUP_NOT_FOUND), a taken new code
    /// [`GROUP_EXISTS`](authing_core::codes::GROUP_EXISTS).
    pub struct UpdateGroup -> Group {
        wire: Wire::Graphql(&graphql::UPDATE_GROUP),
        auth: Management,
        required {
            /// The group's code.
            code: String,
        }
        optional {
            /// The new name.
            name: String,
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
    /// Deletes groups (`deleteGroups`), all or none: their members leave them and their
    /// roles go. A missing group is [`GROUP_NOT_FOUND`](authing_core::codes::GROUP_NOT_FOUND);
    /// an empty list is [`Error::InvalidArgument`].
    pub struct DeleteGroups -> CommonMessage {
        wire: Wire::Graphql(&graphql::DELETE_GROUPS),
        auth: Management,
        required {
            /// The groups' codes.
            code_list: Vec<String>,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.code_list.is_empty() {
                    return Err(Error::invalid_argument("delete_many needs at least one group code"));
                }
                self.code_list.iter().try_for_each(|code| require("code", code))
            }
        }
    }
}
