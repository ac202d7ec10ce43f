//! The user operations, one declaration each (see [`authing_core::operation!`]).

use authing_core::model::{
    CommonMessage, CreateUserInput, CustomData, PaginatedUsers, SortBy, UpdateUserInput, User,
};
use authing_core::shared_operations::user_relations::user_not_found;
use authing_core::{Error, Lang, Secret, Wire, operation};
use serde_json::{Map, Value};

use super::options::{BatchField, SearchUserDepartmentOpt, SearchUserGroupOpt, SearchUserRoleOpt};
use crate::checks::check_page;
use crate::graphql;

/// The most identifiers one `userBatch` call takes.
pub const MAX_BATCH_IDS: usize = 80;

operation! {
    /// One page of the pool's users (`users`): page 1 of 10, newest first, unless set.
    pub struct ListUsers -> PaginatedUsers {
        wire: Wire::Graphql(&graphql::USERS),
        auth: Management,
        optional {
            /// The order (default newest first).
            sort_by: SortBy,
        }
        defaults {
            /// The page, 1-based (default 1).
            page: u32 = 1,
            /// Users per page (default 10).
            limit: u32 = 10,
            /// Whether to fetch each user's custom data too (default no).
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            with_custom_data: bool = false,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_page(self.page, self.limit)
            }
        }
    }
}

operation! {
    /// Creates a user (`createUser`). A `password` in the input is encrypted with the
    /// client's key before it is sent.
    pub struct CreateUser -> User {
        wire: Wire::Graphql(&graphql::CREATE_USER),
        auth: Management,
        required {
            /// The new user's profile.
            user_info: CreateUserInput,
        }
        optional {
            /// Store the password as given, without Authing's own hashing (for pools with a
            /// custom password function). Default `false`. The password is still encrypted
            /// in transit.
            keep_password: bool,
            /// Make the user choose a new password at first login. Default `false`.
            reset_password_on_first_login: bool,
            /// Initial custom data, as key–value pairs (the keys must be custom fields
            /// defined for users), sent as `params`. Setting it also makes the answer carry
            /// the user's custom data.
            #[serde(rename = "params")]
            custom_data: CustomData,
        }
        defaults {
            /// Whether the answer carries the user's custom data (default: only when
            /// [`custom_data`](Self::custom_data) is set).
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            with_custom_data: bool = false,
        }
        impl {
            fn passwords(&self) -> Vec<(&'static str, &Secret)> {
                self.user_info.password.iter().map(|p| ("/userInfo/password", p)).collect()
            }

            fn amend(&self, arguments: &mut Map<String, Value>) {
                if arguments.contains_key("params") {
                    arguments.insert("withCustomData".to_owned(), Value::Bool(true));
                }
            }
        }
    }
}

operation! {
    /// Changes a user's fields (`updateUser`); unset fields are left alone. A `password` in
    /// the input is encrypted with the client's key before it is sent.
    pub struct UpdateUser -> User {
        wire: Wire::Graphql(&authing_core::graphql::documents::UPDATE_USER),
        auth: Management,
        required {
            /// The user's id.
            id: String,
            /// The fields to change.
            input: UpdateUserInput,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require_id(&self.id)
            }

            fn passwords(&self) -> Vec<(&'static str, &Secret)> {
                self.input.password.iter().map(|p| ("/input/password", p)).collect()
            }
        }
    }
}

operation! {
    /// One user by id (`user`). A user that does not exist is [`Error::Api`] with code
    /// `2004`, whether Authing says so with an error or with a `null` user.
    pub struct UserDetail -> User {
        wire: Wire::Graphql(&graphql::USER),
        auth: Management,
        answer: Option<User>,
        required {
            /// The user's id.
            id: String,
        }
        defaults {
            /// Whether to fetch the user's custom data too (default no).
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            with_custom_data: bool = false,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require_id(&self.id)
            }

            fn finish(answer: Option<User>, lang: Lang) -> Result<User, Error> {
                answer.ok_or_else(|| user_not_found(lang))
            }
        }
    }
}

operation! {
    /// The user with a given username, email, phone or external id (`findUser`), or `None`.
    /// Without any criterion, or with an empty one, it is [`Error::InvalidArgument`] and
    /// nothing is sent.
    pub struct FindUser -> Option<User> {
        wire: Wire::Graphql(&graphql::FIND_USER),
        auth: Management,
        optional {
            /// The username (case-sensitive).
            username: String,
            /// The email address (case-insensitive).
            email: String,
            /// The phone number.
            phone: String,
            /// The user's id in an external system.
            external_id: String,
        }
        defaults {
            /// Whether to fetch the user's custom data too (default no).
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            with_custom_data: bool = false,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_criteria("find", [
                    ("username", &self.username),
                    ("email", &self.email),
                    ("phone", &self.phone),
                    ("externalId", &self.external_id),
                ])
            }
        }
    }
}

operation! {
    /// Whether a user with a given username, email, phone or external id exists
    /// (`isUserExists`). Without any criterion, or with an empty one, it is
    /// [`Error::InvalidArgument`] and nothing is sent. A `null` answer counts as `false`.
    pub struct UserExists -> bool {
        wire: Wire::Graphql(&authing_core::graphql::documents::IS_USER_EXISTS),
        auth: Management,
        answer: Option<bool>,
        optional {
            /// The username (case-sensitive).
            username: String,
            /// The email address (case-insensitive).
            email: String,
            /// The phone number.
            phone: String,
            /// The user's id in an external system.
            external_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_criteria("exists", [
                    ("username", &self.username),
                    ("email", &self.email),
                    ("phone", &self.phone),
                    ("externalId", &self.external_id),
                ])
            }

            fn finish(answer: Option<bool>, _lang: Lang) -> Result<bool, Error> {
                Ok(answer.unwrap_or(false))
            }
        }
    }
}

operation! {
    /// Users matching a full-text query (`searchUser`).
    pub struct SearchUsers -> PaginatedUsers {
        wire: Wire::Graphql(&graphql::SEARCH_USER),
        auth: Management,
        required {
            /// The text to look for.
            query: String,
        }
        optional {
            /// The fields to search in, by their schema names (`username`, `email`, `phone`,
            /// `nickname`, ...); default: Authing's choice.
            fields: Vec<String>,
            /// Only users in these departments.
            department_opts: Vec<SearchUserDepartmentOpt>,
            /// Only users in these groups.
            group_opts: Vec<SearchUserGroupOpt>,
            /// Only users with these roles.
            role_opts: Vec<SearchUserRoleOpt>,
        }
        defaults {
            /// The page, 1-based (default 1).
            page: u32 = 1,
            /// Users per page (default 10).
            limit: u32 = 10,
            /// Whether to fetch each user's custom data too (default no).
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            with_custom_data: bool = false,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_page(self.page, self.limit)
            }
        }
    }
}

operation! {
    /// Up to [`MAX_BATCH_IDS`] users by id, or by another field with
    /// [`by`](Self::by) (`userBatch`); identifiers that match no user are left out of the
    /// answer. More than [`MAX_BATCH_IDS`] identifiers is [`Error::InvalidArgument`] and
    /// nothing is sent; none at all answers an empty list without a request.
    pub struct BatchGetUsers -> Vec<User> {
        wire: Wire::Graphql(&graphql::USER_BATCH),
        auth: Management,
        required {
            /// The identifiers.
            ids: Vec<String>,
        }
        defaults {
            /// Which field the identifiers are (default [`BatchField::Id`]).
            #[serde(rename = "type")]
            by: BatchField = BatchField::Id,
            /// Whether to fetch each user's custom data too (default no).
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            with_custom_data: bool = false,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.ids.len() > MAX_BATCH_IDS {
                    return Err(Error::invalid_argument(format!(
                        "batch_get takes at most {MAX_BATCH_IDS} identifiers per call, not {}; \
                         split them into chunks",
                        self.ids.len()
                    )));
                }
                Ok(())
            }

            fn answered_locally(&self) -> Option<Vec<User>> {
                self.ids.is_empty().then(Vec::new)
            }
        }
    }
}

operation! {
    /// Deletes a user (`deleteUser`).
    pub struct DeleteUser -> CommonMessage {
        wire: Wire::Graphql(&graphql::DELETE_USER),
        auth: Management,
        required {
            /// The user's id.
            id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require_id(&self.id)
            }
        }
    }
}

operation! {
    /// Deletes several users (`deleteUsers`). An empty list is [`Error::InvalidArgument`].
    pub struct DeleteUsers -> CommonMessage {
        wire: Wire::Graphql(&graphql::DELETE_USERS),
        auth: Management,
        required {
            /// The users' ids.
            ids: Vec<String>,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.ids.is_empty() {
                    return Err(Error::invalid_argument("delete_many needs at least one user id"));
                }
                self.ids.iter().try_for_each(|id| require_id(id))
            }
        }
    }
}

/// `Err(InvalidArgument)` for an empty or blank user id.
fn require_id(user_id: &str) -> Result<(), Error> {
    if user_id.trim().is_empty() {
        Err(Error::invalid_argument("the user id is empty"))
    } else {
        Ok(())
    }
}

/// `Err(InvalidArgument)` when no criterion is set, or one is empty.
fn check_criteria(call: &str, criteria: [(&str, &Option<String>); 4]) -> Result<(), Error> {
    let mut any = false;
    for (name, value) in criteria {
        if let Some(value) = value {
            if value.trim().is_empty() {
                return Err(Error::invalid_argument(format!(
                    "{call}: the {name} to look for is empty"
                )));
            }
            any = true;
        }
    }
    if !any {
        return Err(Error::invalid_argument(format!(
            "{call} needs a criterion: set username, email, phone or external_id"
        )));
    }
    Ok(())
}
