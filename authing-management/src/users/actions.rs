//! What users did: Authing's user-action log (`GET /api/v2/analysis/user-action`).

use authing_core::model::Paginated;
use authing_core::{Error, Wire, operation};
use http::Method;
use serde::Deserialize;
use serde_json::Value;

use crate::checks::check_page;

/// The user an action is about (in [`UserAction`]).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserActionUser {
    /// The user's id.
    #[serde(default)]
    pub id: Option<String>,
    /// Their display name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Their photo URL.
    #[serde(default)]
    pub photo: Option<String>,
}

/// One action of a user, as the log records it (Authing's raw record, whose fields are
/// snake_case).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UserAction {
    /// What the user did: `login`, `register`, `logout`, `updatePassword`,
    /// `refreshToken`, ...
    #[serde(default)]
    pub operation_name: Option<String>,
    /// A description of it.
    #[serde(default)]
    pub operation_desc: Option<String>,
    /// Who did it: `arn:cn:authing:<userPoolId>:user:<userId>`.
    #[serde(default)]
    pub operator_arn: Option<String>,
    /// When (ISO-8601 text, or a number on some deployments).
    #[serde(default)]
    pub timestamp: Option<Value>,
    /// The client's IP, when known.
    #[serde(default, rename = "clientip")]
    pub client_ip: Option<String>,
    /// The application it went through, when known.
    #[serde(default)]
    pub app_id: Option<String>,
    /// The user pool.
    #[serde(default, rename = "userpool_id")]
    pub user_pool_id: Option<String>,
    /// The user.
    #[serde(default)]
    pub user: Option<UserActionUser>,
}

operation! {
    /// One page of the pool's user actions, newest first
    /// (`GET /api/v2/analysis/user-action`), filtered by what is set. Lists travel as one
    /// JSON array per key (`operation_name=["login","logout"]`).
    pub struct ListUserActions -> Paginated<UserAction> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/analysis/user-action" },
        auth: Management,
        optional {
            /// Only actions from this client IP.
            #[serde(rename = "clientip")]
            client_ip: String,
            /// Only these operations (`login`, `register`, ...).
            #[serde(rename = "operation_name")]
            operation_names: Vec<String>,
            /// Only these users, by ARN (`arn:cn:authing:<userPoolId>:user:<userId>`); see
            /// [`UsersHandler::actions_of`](super::UsersHandler::actions_of).
            #[serde(rename = "operator_arn")]
            operator_arns: Vec<String>,
            /// Only actions through these applications.
            #[serde(rename = "app_id")]
            app_ids: Vec<String>,
            /// Only actions at or after this instant (Unix milliseconds).
            start: i64,
            /// Only actions at or before this instant (Unix milliseconds).
            end: i64,
        }
        defaults {
            /// The page, 1-based (default 1).
            page: u32 = 1,
            /// Actions per page (default 10).
            limit: u32 = 10,
            /// Only actions made through an application (default no); sent as
            /// `exclude_non_app_records=1`, and only when set.
            #[serde(
                rename = "exclude_non_app_records",
                default,
                skip_serializing_if = "std::ops::Not::not",
                serialize_with = "one_if_set"
            )]
            app_records_only: bool = false,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_page(self.page, self.limit)
            }
        }
    }
}

/// A set flag as Authing's query wants it: `1`.
fn one_if_set<S: serde::Serializer>(set: &bool, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u8(u8::from(*set))
}
