//! One user over REST, and users by conditions on their fields
//! (`POST /api/v2/users/filter`).

use authing_core::model::{PaginatedUsers, User};
use authing_core::{Error, Wire, operation};
use http::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::checks::{check_page, require};

operation! {
    /// One user over REST (`GET /api/v2/users/{userId}`), the twin of
    /// [`UserDetail`](super::UserDetail). Code 2004: no such user.
    pub struct UserInfo -> User {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/users/{userId}" },
        auth: Management,
        required {
            /// The user's id.
            user_id: String,
        }
        defaults {
            /// Whether the answer carries the user's custom data (default no).
            #[serde(rename = "with_custom_data")]
            with_custom_data: bool = false,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)
            }
        }
    }
}

/// Which kind of field a [`UserFilter`] looks at.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FilterFieldKind {
    /// A profile field, by its wire name (`city`, `username`, ...).
    #[serde(rename = "OtherFields")]
    Profile,
    /// A custom (user-defined) field, by its key.
    #[serde(rename = "userDefinedFields")]
    Custom,
}

/// The field a [`UserFilter`] looks at.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterField {
    /// Profile or custom field.
    #[serde(rename = "type")]
    pub kind: FilterFieldKind,
    /// The field's wire name or key.
    pub value: String,
}

/// How a [`UserFilter`] compares.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FilterOperator {
    /// Equal.
    #[serde(rename = "EQ")]
    Eq,
    /// Not equal.
    #[serde(rename = "NEQ")]
    Neq,
}

/// One condition of [`FilterUsers`]: `[field, operator, operand]` on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserFilter(pub FilterField, pub FilterOperator, pub Value);

impl UserFilter {
    /// Profile field `name` (its wire name) compared with `operand`.
    pub fn profile(
        name: impl Into<String>,
        operator: FilterOperator,
        operand: impl Into<Value>,
    ) -> Self {
        let field = FilterField {
            kind: FilterFieldKind::Profile,
            value: name.into(),
        };
        Self(field, operator, operand.into())
    }

    /// Custom field `key` compared with `operand`.
    pub fn custom(
        key: impl Into<String>,
        operator: FilterOperator,
        operand: impl Into<Value>,
    ) -> Self {
        let field = FilterField {
            kind: FilterFieldKind::Custom,
            value: key.into(),
        };
        Self(field, operator, operand.into())
    }
}

operation! {
    /// One page of the users meeting every condition (`POST /api/v2/users/filter`), newest
    /// first; page 1 of 10 unless set. Code 2231: a malformed condition.
    pub struct FilterUsers -> PaginatedUsers {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/users/filter" },
        auth: Management,
        required {
            /// The conditions, all of which must hold.
            filter: Vec<UserFilter>,
        }
        defaults {
            /// The page, 1-based (default 1).
            page: u32 = 1,
            /// Users per page (default 10).
            limit: u32 = 10,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_page(self.page, self.limit)?;
                self.filter.iter().try_for_each(|UserFilter(field, _, _)| require("filter field", &field.value))
            }
        }
    }
}
