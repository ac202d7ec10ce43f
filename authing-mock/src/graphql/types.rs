//! Output types, named and typed as in Authing's v2 schema.
//!
//! `User` and the types under it are also `serde` types with the same field names, so the
//! REST side (`/api/v2/users/me`) answers with exactly the object GraphQL would.

use async_graphql::{Enum, SimpleObject};
use serde::de::value::MapDeserializer;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::fields::{AccountFields, ProfileFields};
use super::selected::SelectedList;
use crate::auth::Call;
use crate::clock::iso;
use crate::domain::Caller;
use crate::domain::identity::LoggedIn;
use crate::store::{CustomDatum, DataType, Paged, UserRecord};

/// The status of a user in the organisation.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[graphql(rename_items = "PascalCase")]
pub(crate) enum UserStatus {
    /// Suspended.
    Suspended,
    /// Left the organisation.
    Resigned,
    /// Active (the normal state).
    Activated,
    /// Archived.
    Archived,
}

/// The data type of a custom field.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[graphql(name = "UDFDataType")]
#[serde(rename_all = "UPPERCASE")]
pub(crate) enum UdfDataType {
    /// Text.
    String,
    /// A number.
    Number,
    /// A date and time.
    Datetime,
    /// `true` or `false`.
    Boolean,
    /// A JSON object.
    Object,
}

impl From<DataType> for UdfDataType {
    fn from(value: DataType) -> Self {
        match value {
            DataType::String => Self::String,
            DataType::Number => Self::Number,
            DataType::Datetime => Self::Datetime,
            DataType::Boolean => Self::Boolean,
            DataType::Object => Self::Object,
        }
    }
}

/// An external identity bound to a user.
#[derive(SimpleObject, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Identity {
    /// The openid at the provider.
    pub(crate) openid: Option<String>,
    /// The user's id at the provider.
    pub(crate) user_id_in_idp: Option<String>,
    /// The Authing user id.
    pub(crate) user_id: Option<String>,
    /// The identity provider's id.
    pub(crate) ext_idp_id: Option<String>,
    /// Whether the provider is a social one.
    pub(crate) is_social: Option<bool>,
    /// The provider's code.
    pub(crate) provider: Option<String>,
    /// The user pool.
    pub(crate) user_pool_id: Option<String>,
    /// The provider's refresh token.
    pub(crate) refresh_token: Option<String>,
    /// The provider's access token.
    pub(crate) access_token: Option<String>,
    /// The connection's id (an SDK addition: the older name of `extIdpId`).
    pub(crate) connection_id: Option<String>,
    /// The identity's kind (an SDK addition).
    #[graphql(name = "type")]
    #[serde(rename = "type")]
    pub(crate) kind: Option<String>,
}

/// One custom value of a user.
#[derive(SimpleObject, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UserCustomData {
    /// The field's key.
    pub(crate) key: String,
    /// The value, as a string.
    pub(crate) value: Option<String>,
    /// The field's label.
    pub(crate) label: Option<String>,
    /// How to read the value.
    pub(crate) data_type: UdfDataType,
}

impl From<&CustomDatum> for UserCustomData {
    fn from(datum: &CustomDatum) -> Self {
        Self {
            key: datum.key.clone(),
            value: datum.value.clone(),
            label: None,
            data_type: datum.data_type.into(),
        }
    }
}

/// A user: every field of Authing's `User`; the relations (roles, groups, ...) are in
/// `user_relations.rs`.
#[derive(SimpleObject, Clone, Default, Serialize, Deserialize)]
#[graphql(complex)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct User {
    /// The user's id.
    pub(crate) id: String,
    /// The user's ARN.
    pub(crate) arn: String,
    /// The user's status in the organisation.
    pub(crate) status: Option<UserStatus>,
    /// The user pool.
    pub(crate) user_pool_id: String,
    /// Username, nickname, photo, name, address and the other profile fields.
    #[graphql(flatten)]
    #[serde(flatten)]
    pub(crate) profile: ProfileFields,
    /// Email, phone, their verification, the last login, the blocked flag, ...
    #[graphql(flatten)]
    #[serde(flatten)]
    pub(crate) account: AccountFields,
    /// External identities.
    pub(crate) identities: Option<Vec<Option<Identity>>>,
    /// How the user registered.
    pub(crate) register_source: Option<Vec<String>>,
    /// Always null: the fake never hands out password material.
    pub(crate) password: Option<String>,
    /// The login token, on the answers of logins and registrations that log in.
    pub(crate) token: Option<String>,
    /// When the last issued login token expires.
    pub(crate) token_expired_at: Option<String>,
    /// How many times the user logged in.
    pub(crate) logins_count: Option<i64>,
    /// Registration time.
    pub(crate) signed_up: Option<String>,
    /// Whether the account is soft-deleted.
    pub(crate) is_deleted: Option<bool>,
    /// City.
    pub(crate) city: Option<String>,
    /// Province.
    pub(crate) province: Option<String>,
    /// Creation time.
    pub(crate) created_at: Option<String>,
    /// Last update time.
    pub(crate) updated_at: Option<String>,
    /// Custom data.
    pub(crate) custom_data: Option<Vec<Option<UserCustomData>>>,
    /// The phone number's country code, e.g. `+86` (an SDK addition, set by `updateUser`).
    pub(crate) phone_country_code: Option<String>,
    /// On a login's answer, whether the login created the user (an auto-registration);
    /// null elsewhere. JS 4.23's login documents select it.
    pub(crate) newly_created: Option<bool>,
    /// When the account stops being valid; the fake's accounts do not expire (null). JS
    /// 4.23's `updateUser` document selects it.
    pub(crate) expired_at: Option<String>,
    /// The user's direct manager; the fake has no reporting lines (null). JS 4.23's
    /// `updateUser` document selects it.
    pub(crate) direct_management: Option<String>,
}

impl User {
    /// The answer for `record` of pool `pool_id`, with `token` when the call issued one.
    pub(crate) fn from_record(record: &UserRecord, pool_id: &str, token: Option<String>) -> Self {
        // Read straight from the stored map (a page of users is the fake's hottest answer:
        // no copy of it), leaving out what the record does not keep in its profile.
        let profile = record
            .fields
            .iter()
            .filter(|(key, _)| {
                !["id", "arn", "userPoolId", "password", "token"].contains(&key.as_str())
            })
            .map(|(key, value)| (key.as_str(), value));
        let profile = MapDeserializer::<_, serde_json::Error>::new(profile);
        let mut user: User = match User::deserialize(profile) {
            Ok(user) => user,
            Err(error) => {
                // Every stored field was written from a typed input; this cannot happen.
                tracing::error!(%error, user = %record.id, "a stored user does not read back");
                User::default()
            }
        };
        user.id = record.id.clone();
        user.arn = arn(pool_id, &record.id);
        user.user_pool_id = pool_id.to_owned();
        user.password = None;
        user.token = token;
        user.created_at = Some(iso(record.created_at));
        user.updated_at = Some(iso(record.updated_at));
        user.identities.get_or_insert_with(Vec::new);
        user.custom_data = Some(
            record
                .custom_data
                .iter()
                .map(|datum| Some(UserCustomData::from(datum)))
                .collect(),
        );
        user
    }

    /// The answer of a login: the user with their new token, and whether the login created
    /// them (`newlyCreated`).
    pub(crate) fn logged_in(logged_in: LoggedIn<'_>, pool_id: &str) -> Self {
        let mut user = Self::from_record(logged_in.user, pool_id, Some(logged_in.token));
        user.newly_created = Some(logged_in.newly_created);
        user
    }

    /// The answer for `record` to `call`: when the caller is that user, with the token they
    /// called with, as Authing answers a user's own reads and changes (the JS SDK keeps the
    /// `token` of such answers as its session's); without a token to anyone else.
    pub(crate) fn for_caller(record: &UserRecord, call: &Call<'_>) -> Self {
        let own_token = match &call.caller {
            Caller::User { user_id, .. } if *user_id == record.id => call
                .rc
                .bearer
                .as_ref()
                .map(|token| token.expose().to_owned()),
            _ => None,
        };
        Self::from_record(record, call.pool_id(), own_token)
    }

    /// The user as a JSON object with the wire field names.
    pub(crate) fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// `arn:cn:authing:{poolId}:user:{userId}`.
pub(crate) fn arn(pool_id: &str, user_id: &str) -> String {
    format!("arn:cn:authing:{pool_id}:user:{user_id}")
}

/// A page of users.
#[derive(SimpleObject)]
pub(crate) struct PaginatedUsers {
    /// How many users match, across all pages.
    pub(crate) total_count: i64,
    /// This page.
    // Answered through `SelectedList`: a page of full users is the fake's hottest answer.
    pub(crate) list: SelectedList<User>,
}

impl PaginatedUsers {
    /// The page `records` of pool `pool_id`.
    pub(crate) fn of(records: Paged<&UserRecord>, pool_id: &str) -> Self {
        Self {
            total_count: records.total,
            list: SelectedList(
                records
                    .items
                    .into_iter()
                    .map(|u| User::from_record(u, pool_id, None))
                    .collect(),
            ),
        }
    }
}

/// The answer of operations that return no object.
#[derive(SimpleObject)]
pub(crate) struct CommonMessage {
    /// A human-readable message.
    pub(crate) message: Option<String>,
    /// Business code; 200 is success.
    pub(crate) code: Option<i64>,
}

/// Whether a token is a live login.
#[derive(SimpleObject, Default)]
#[graphql(name = "JWTTokenStatus")]
pub(crate) struct JwtTokenStatus {
    /// 200 when logged in; otherwise why not.
    pub(crate) code: Option<i64>,
    /// A human-readable message.
    pub(crate) message: Option<String>,
    /// Whether the token is a live login.
    pub(crate) status: Option<bool>,
    /// Expiry, Unix seconds.
    pub(crate) exp: Option<i64>,
    /// Issue time, Unix seconds.
    pub(crate) iat: Option<i64>,
    /// Whose token it is.
    pub(crate) data: Option<JwtTokenStatusDetail>,
}

/// The owner of a checked token.
#[derive(SimpleObject)]
#[graphql(name = "JWTTokenStatusDetail")]
pub(crate) struct JwtTokenStatusDetail {
    /// The user's id.
    pub(crate) id: Option<String>,
    /// The user's pool.
    pub(crate) user_pool_id: Option<String>,
    /// The user's ARN.
    pub(crate) arn: Option<String>,
}

/// A management access token.
#[derive(SimpleObject)]
pub(crate) struct AccessTokenRes {
    /// The token.
    pub(crate) access_token: Option<String>,
    /// Expiry, Unix seconds.
    pub(crate) exp: Option<i64>,
    /// Issue time, Unix seconds.
    pub(crate) iat: Option<i64>,
}

/// A refreshed user token.
#[derive(SimpleObject)]
pub(crate) struct RefreshToken {
    /// The new token.
    pub(crate) token: Option<String>,
    /// Issue time, Unix seconds.
    pub(crate) iat: Option<i64>,
    /// Expiry, Unix seconds.
    pub(crate) exp: Option<i64>,
}
