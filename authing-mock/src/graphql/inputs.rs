//! Input types and enums, named and typed exactly as in Authing's v2 schema.
//!
//! They are also `Serialize` with the schema's field names, which is how their profile
//! fields are written into a user's record (see [`crate::store::UserRecord`]).

use async_graphql::{Enum, InputObject};
use serde::Serialize;
use serde_json::{Map, Value};

use super::fields::{AccountFields, ProfileFields};
use crate::domain::users::UserOrder;

/// How to sort a list of users.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum SortByEnum {
    /// Newest first.
    #[default]
    #[graphql(name = "CREATEDAT_DESC")]
    CreatedatDesc,
    /// Oldest first.
    #[graphql(name = "CREATEDAT_ASC")]
    CreatedatAsc,
    /// Most recently updated first.
    #[graphql(name = "UPDATEDAT_DESC")]
    UpdatedatDesc,
    /// Least recently updated first.
    #[graphql(name = "UPDATEDAT_ASC")]
    UpdatedatAsc,
}

impl From<SortByEnum> for UserOrder {
    fn from(sort: SortByEnum) -> Self {
        match sort {
            SortByEnum::CreatedatDesc => Self::CreatedDesc,
            SortByEnum::CreatedatAsc => Self::CreatedAsc,
            SortByEnum::UpdatedatDesc => Self::UpdatedDesc,
            SortByEnum::UpdatedatAsc => Self::UpdatedAsc,
        }
    }
}

/// The fields of a new user (`createUser`).
#[derive(InputObject, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CreateUserInput {
    /// The profile fields it shares with `User`.
    #[graphql(flatten)]
    #[serde(flatten)]
    pub(crate) profile: ProfileFields,
    /// The account fields it shares with `User`.
    #[graphql(flatten)]
    #[serde(flatten)]
    pub(crate) account: AccountFields,
    /// The password, RSA-encrypted and base64-encoded.
    #[serde(skip)]
    pub(crate) password: Option<String>,
    /// How the user registered.
    pub(crate) register_source: Option<Vec<String>>,
    /// Login count (for migrations).
    pub(crate) logins_count: Option<i32>,
    /// Registration time (for migrations).
    pub(crate) signed_up: Option<String>,
    /// Whether the account is soft-deleted.
    pub(crate) is_deleted: Option<bool>,
}

/// The fields to change on a user (`updateUser`); null fields stay as they are. Only
/// administrators may change the email, the phone number, their verification flags, the
/// blocked flag and the password.
#[derive(InputObject, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UpdateUserInput {
    /// The profile fields it shares with `User`.
    #[graphql(flatten)]
    #[serde(flatten)]
    pub(crate) profile: ProfileFields,
    /// The account fields it shares with `User`.
    #[graphql(flatten)]
    #[serde(flatten)]
    pub(crate) account: AccountFields,
    /// New password, RSA-encrypted (administrators only).
    #[serde(skip)]
    pub(crate) password: Option<String>,
    /// When the token expires.
    pub(crate) token_expired_at: Option<String>,
    /// Login count.
    pub(crate) logins_count: Option<i32>,
    /// City.
    pub(crate) city: Option<String>,
    /// Province.
    pub(crate) province: Option<String>,
    /// The phone number's country code (an SDK addition).
    pub(crate) phone_country_code: Option<String>,
    /// The user's main department by id (an SDK addition; the fake has no departments yet,
    /// so giving it answers "not supported").
    #[serde(skip)]
    pub(crate) main_department_id: Option<String>,
    /// The user's main department by code (an SDK addition; see `main_department_id`).
    #[serde(skip)]
    pub(crate) main_department_code: Option<String>,
}

/// One custom value given at registration.
#[derive(InputObject, Serialize, Clone)]
pub(crate) struct UserDdfInput {
    /// The field's key.
    pub(crate) key: String,
    /// The value.
    pub(crate) value: String,
}

/// Profile fields given at registration.
#[derive(InputObject, Serialize, Default)]
pub(crate) struct RegisterProfile {
    /// The client's IP.
    #[serde(skip)]
    pub(crate) ip: Option<String>,
    /// The profile fields it shares with `User`.
    #[graphql(flatten)]
    #[serde(flatten)]
    pub(crate) fields: ProfileFields,
    /// Custom values.
    #[serde(skip)]
    pub(crate) udf: Option<Vec<UserDdfInput>>,
}

/// What a registration says besides its account (email or username); flattened into
/// `RegisterByEmailInput` and `RegisterByUsernameInput`.
#[derive(InputObject)]
pub(crate) struct RegisterOptions {
    /// Password, RSA-encrypted.
    pub(crate) password: String,
    /// Profile.
    pub(crate) profile: Option<RegisterProfile>,
    /// Log the user in (count the login, issue a token).
    pub(crate) force_login: Option<bool>,
    /// Issue a token without counting a login.
    pub(crate) generate_token: Option<bool>,
    /// The client's IP.
    pub(crate) client_ip: Option<String>,
    /// Custom data: a JSON array of `{key, value}`.
    pub(crate) params: Option<String>,
    /// Request context for pipelines (ignored by the fake).
    pub(crate) context: Option<String>,
}

/// Registration with an email and a password.
#[derive(InputObject)]
pub(crate) struct RegisterByEmailInput {
    /// Email.
    pub(crate) email: String,
    /// Proof of a verified phone number to bind (an SDK addition; the fake sends no codes,
    /// so giving it answers "not supported").
    pub(crate) phone_token: Option<String>,
    /// Password, profile and the rest.
    #[graphql(flatten)]
    pub(crate) options: RegisterOptions,
}

/// Registration with a username and a password.
#[derive(InputObject)]
pub(crate) struct RegisterByUsernameInput {
    /// Username.
    pub(crate) username: String,
    /// Proof of a verified phone number to bind (an SDK addition; see `RegisterByEmailInput`).
    pub(crate) phone_token: Option<String>,
    /// Proof of a verified email to bind (an SDK addition; answers "not supported" when given).
    pub(crate) email_token: Option<String>,
    /// Password, profile and the rest.
    #[graphql(flatten)]
    pub(crate) options: RegisterOptions,
}

/// What a login says besides its account (email or username); flattened into
/// `LoginByEmailInput` and `LoginByUsernameInput`.
#[derive(InputObject)]
pub(crate) struct LoginOptions {
    /// Password, RSA-encrypted.
    pub(crate) password: String,
    /// Image captcha answer (ignored by the fake).
    pub(crate) captcha_code: Option<String>,
    /// Create the account when it does not exist.
    pub(crate) auto_register: Option<bool>,
    /// The client's IP.
    pub(crate) client_ip: Option<String>,
    /// Custom data: a JSON array of `{key, value}`.
    pub(crate) params: Option<String>,
    /// Request context for pipelines (ignored by the fake).
    pub(crate) context: Option<String>,
}

/// Login with an email and a password.
#[derive(InputObject)]
pub(crate) struct LoginByEmailInput {
    /// Email.
    pub(crate) email: String,
    /// Password, captcha and the rest.
    #[graphql(flatten)]
    pub(crate) options: LoginOptions,
}

/// Login with a username and a password.
#[derive(InputObject)]
pub(crate) struct LoginByUsernameInput {
    /// Username.
    pub(crate) username: String,
    /// Password, captcha and the rest.
    #[graphql(flatten)]
    pub(crate) options: LoginOptions,
}

/// Search filter: members of a department.
#[derive(InputObject)]
pub(crate) struct SearchUserDepartmentOpt {
    /// The department.
    pub(crate) department_id: Option<String>,
    /// Whether sub-departments count.
    pub(crate) include_children_departments: Option<bool>,
}

/// Search filter: members of a group.
#[derive(InputObject)]
pub(crate) struct SearchUserGroupOpt {
    /// The group's code.
    pub(crate) code: Option<String>,
}

/// Search filter: holders of a role.
#[derive(InputObject)]
pub(crate) struct SearchUserRoleOpt {
    /// The role's namespace.
    pub(crate) namespace: Option<String>,
    /// The role's code.
    pub(crate) code: String,
}

/// The non-null fields of `input`, by wire name.
pub(crate) fn non_null_fields<T: Serialize>(input: &T) -> Map<String, Value> {
    match serde_json::to_value(input) {
        Ok(Value::Object(map)) => map.into_iter().filter(|(_, v)| !v.is_null()).collect(),
        _ => Map::new(),
    }
}
