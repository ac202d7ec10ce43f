//! Input types and enums, named and typed exactly as in Authing's v2 schema.
//!
//! They are also `Serialize` with the schema's field names, which is how their profile
//! fields are written into a user's record (see [`crate::state`]).

use async_graphql::{Enum, InputObject};
use serde::Serialize;
use serde_json::{Map, Value};

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

/// The fields of a new user (`createUser`).
#[derive(InputObject, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CreateUserInput {
    /// Username, unique in the pool.
    pub(crate) username: Option<String>,
    /// Email, unique in the pool (case-insensitive).
    pub(crate) email: Option<String>,
    /// Whether the email is verified.
    pub(crate) email_verified: Option<bool>,
    /// Phone number, unique in the pool.
    pub(crate) phone: Option<String>,
    /// Whether the phone number is verified.
    pub(crate) phone_verified: Option<bool>,
    /// Social union id.
    pub(crate) unionid: Option<String>,
    /// Social openid.
    pub(crate) openid: Option<String>,
    /// Nickname.
    pub(crate) nickname: Option<String>,
    /// Avatar URL.
    pub(crate) photo: Option<String>,
    /// The password, RSA-encrypted and base64-encoded.
    #[serde(skip)]
    pub(crate) password: Option<String>,
    /// How the user registered.
    pub(crate) register_source: Option<Vec<String>>,
    /// Browser.
    pub(crate) browser: Option<String>,
    /// Raw social profile.
    pub(crate) oauth: Option<String>,
    /// Login count (for migrations).
    pub(crate) logins_count: Option<i32>,
    /// Last login time.
    pub(crate) last_login: Option<String>,
    /// Company.
    pub(crate) company: Option<String>,
    /// IP of the last login.
    #[graphql(name = "lastIP")]
    #[serde(rename = "lastIP")]
    pub(crate) last_ip: Option<String>,
    /// Registration time (for migrations).
    pub(crate) signed_up: Option<String>,
    /// Whether the account is blocked.
    pub(crate) blocked: Option<bool>,
    /// Whether the account is soft-deleted.
    pub(crate) is_deleted: Option<bool>,
    /// Device.
    pub(crate) device: Option<String>,
    /// Full name.
    pub(crate) name: Option<String>,
    /// Given name.
    pub(crate) given_name: Option<String>,
    /// Family name.
    pub(crate) family_name: Option<String>,
    /// Middle name.
    pub(crate) middle_name: Option<String>,
    /// Profile URL.
    pub(crate) profile: Option<String>,
    /// Preferred username.
    pub(crate) preferred_username: Option<String>,
    /// Website.
    pub(crate) website: Option<String>,
    /// Gender.
    pub(crate) gender: Option<String>,
    /// Birth date.
    pub(crate) birthdate: Option<String>,
    /// Time zone.
    pub(crate) zoneinfo: Option<String>,
    /// Locale.
    pub(crate) locale: Option<String>,
    /// Address.
    pub(crate) address: Option<String>,
    /// Formatted address.
    pub(crate) formatted: Option<String>,
    /// Street address.
    pub(crate) street_address: Option<String>,
    /// Locality.
    pub(crate) locality: Option<String>,
    /// Region.
    pub(crate) region: Option<String>,
    /// Postal code.
    pub(crate) postal_code: Option<String>,
    /// Country.
    pub(crate) country: Option<String>,
    /// The user's id in an external system, unique in the pool.
    pub(crate) external_id: Option<String>,
}

/// The fields to change on a user (`updateUser`); null fields stay as they are.
#[derive(InputObject, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UpdateUserInput {
    /// Email (administrators only).
    pub(crate) email: Option<String>,
    /// Social union id.
    pub(crate) unionid: Option<String>,
    /// Social openid.
    pub(crate) openid: Option<String>,
    /// Whether the email is verified (administrators only).
    pub(crate) email_verified: Option<bool>,
    /// Phone number (administrators only).
    pub(crate) phone: Option<String>,
    /// Whether the phone number is verified (administrators only).
    pub(crate) phone_verified: Option<bool>,
    /// Username, unique in the pool.
    pub(crate) username: Option<String>,
    /// Nickname.
    pub(crate) nickname: Option<String>,
    /// New password, RSA-encrypted (administrators only).
    #[serde(skip)]
    pub(crate) password: Option<String>,
    /// Avatar URL.
    pub(crate) photo: Option<String>,
    /// Company.
    pub(crate) company: Option<String>,
    /// Browser.
    pub(crate) browser: Option<String>,
    /// Device.
    pub(crate) device: Option<String>,
    /// Raw social profile.
    pub(crate) oauth: Option<String>,
    /// When the token expires.
    pub(crate) token_expired_at: Option<String>,
    /// Login count.
    pub(crate) logins_count: Option<i32>,
    /// Last login time.
    pub(crate) last_login: Option<String>,
    /// IP of the last login.
    #[graphql(name = "lastIP")]
    #[serde(rename = "lastIP")]
    pub(crate) last_ip: Option<String>,
    /// Whether the account is blocked (administrators only).
    pub(crate) blocked: Option<bool>,
    /// Full name.
    pub(crate) name: Option<String>,
    /// Given name.
    pub(crate) given_name: Option<String>,
    /// Family name.
    pub(crate) family_name: Option<String>,
    /// Middle name.
    pub(crate) middle_name: Option<String>,
    /// Profile URL.
    pub(crate) profile: Option<String>,
    /// Preferred username.
    pub(crate) preferred_username: Option<String>,
    /// Website.
    pub(crate) website: Option<String>,
    /// Gender.
    pub(crate) gender: Option<String>,
    /// Birth date.
    pub(crate) birthdate: Option<String>,
    /// Time zone.
    pub(crate) zoneinfo: Option<String>,
    /// Locale.
    pub(crate) locale: Option<String>,
    /// Address.
    pub(crate) address: Option<String>,
    /// Formatted address.
    pub(crate) formatted: Option<String>,
    /// Street address.
    pub(crate) street_address: Option<String>,
    /// Locality.
    pub(crate) locality: Option<String>,
    /// Region.
    pub(crate) region: Option<String>,
    /// Postal code.
    pub(crate) postal_code: Option<String>,
    /// City.
    pub(crate) city: Option<String>,
    /// Province.
    pub(crate) province: Option<String>,
    /// Country.
    pub(crate) country: Option<String>,
    /// The user's id in an external system, unique in the pool.
    pub(crate) external_id: Option<String>,
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
#[serde(rename_all = "camelCase")]
pub(crate) struct RegisterProfile {
    /// The client's IP.
    #[serde(skip)]
    pub(crate) ip: Option<String>,
    /// Raw social profile.
    pub(crate) oauth: Option<String>,
    /// Username, unique in the pool.
    pub(crate) username: Option<String>,
    /// Nickname.
    pub(crate) nickname: Option<String>,
    /// Company.
    pub(crate) company: Option<String>,
    /// Avatar URL.
    pub(crate) photo: Option<String>,
    /// Device.
    pub(crate) device: Option<String>,
    /// Browser.
    pub(crate) browser: Option<String>,
    /// Full name.
    pub(crate) name: Option<String>,
    /// Given name.
    pub(crate) given_name: Option<String>,
    /// Family name.
    pub(crate) family_name: Option<String>,
    /// Middle name.
    pub(crate) middle_name: Option<String>,
    /// Profile URL.
    pub(crate) profile: Option<String>,
    /// Preferred username.
    pub(crate) preferred_username: Option<String>,
    /// Website.
    pub(crate) website: Option<String>,
    /// Gender.
    pub(crate) gender: Option<String>,
    /// Birth date.
    pub(crate) birthdate: Option<String>,
    /// Time zone.
    pub(crate) zoneinfo: Option<String>,
    /// Locale.
    pub(crate) locale: Option<String>,
    /// Address.
    pub(crate) address: Option<String>,
    /// Formatted address.
    pub(crate) formatted: Option<String>,
    /// Street address.
    pub(crate) street_address: Option<String>,
    /// Locality.
    pub(crate) locality: Option<String>,
    /// Region.
    pub(crate) region: Option<String>,
    /// Postal code.
    pub(crate) postal_code: Option<String>,
    /// Country.
    pub(crate) country: Option<String>,
    /// Custom values.
    #[serde(skip)]
    pub(crate) udf: Option<Vec<UserDdfInput>>,
}

/// Registration with an email and a password.
#[derive(InputObject)]
pub(crate) struct RegisterByEmailInput {
    /// Email.
    pub(crate) email: String,
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

/// Registration with a username and a password.
#[derive(InputObject)]
pub(crate) struct RegisterByUsernameInput {
    /// Username.
    pub(crate) username: String,
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

/// Login with an email and a password.
#[derive(InputObject)]
pub(crate) struct LoginByEmailInput {
    /// Email.
    pub(crate) email: String,
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

/// Login with a username and a password.
#[derive(InputObject)]
pub(crate) struct LoginByUsernameInput {
    /// Username.
    pub(crate) username: String,
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
