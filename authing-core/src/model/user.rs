//! `User` and what hangs off it.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::de::list_skipping_nulls;
use crate::secret::Secret;

/// A user of a user pool: every field of the schema's `User` type.
///
/// Which fields are filled depends on what the operation selects; the SDK's documents select
/// all scalar fields. `token` and `password` are [`Secret`]s and never print.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// The user's id.
    pub id: String,
    /// The user's ARN.
    #[serde(default)]
    pub arn: String,
    /// Account status.
    pub status: Option<UserStatus>,
    /// The pool the user belongs to.
    #[serde(default)]
    pub user_pool_id: String,
    /// Username.
    pub username: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Whether the email is verified.
    pub email_verified: Option<bool>,
    /// Phone number.
    pub phone: Option<String>,
    /// Whether the phone is verified.
    pub phone_verified: Option<bool>,
    /// WeChat unionid, or another social union id.
    pub unionid: Option<String>,
    /// Social openid.
    pub openid: Option<String>,
    /// External identities bound to the user.
    #[serde(default, deserialize_with = "list_skipping_nulls")]
    pub identities: Option<Vec<Identity>>,
    /// Nickname.
    pub nickname: Option<String>,
    /// How the user registered.
    pub register_source: Option<Vec<String>>,
    /// Avatar URL.
    pub photo: Option<String>,
    /// The stored password hash, when Authing returns it.
    pub password: Option<Secret>,
    /// Raw OAuth profile data.
    pub oauth: Option<String>,
    /// The user's login token (a JWT), after a login or register-with-login.
    pub token: Option<Secret>,
    /// When `token` expires.
    pub token_expired_at: Option<String>,
    /// How many times the user logged in.
    pub logins_count: Option<i64>,
    /// Last login time.
    pub last_login: Option<String>,
    /// IP of the last login.
    #[serde(rename = "lastIP")]
    pub last_ip: Option<String>,
    /// Registration time.
    pub signed_up: Option<String>,
    /// Whether the account is blocked.
    pub blocked: Option<bool>,
    /// Whether the account is deleted.
    pub is_deleted: Option<bool>,
    /// Device of the last login.
    pub device: Option<String>,
    /// Browser of the last login.
    pub browser: Option<String>,
    /// Company.
    pub company: Option<String>,
    /// Full name.
    pub name: Option<String>,
    /// Given name.
    pub given_name: Option<String>,
    /// Family name.
    pub family_name: Option<String>,
    /// Middle name.
    pub middle_name: Option<String>,
    /// Profile page URL.
    pub profile: Option<String>,
    /// Preferred username.
    pub preferred_username: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Gender (`M`, `F`, `U`).
    pub gender: Option<String>,
    /// Birth date.
    pub birthdate: Option<String>,
    /// Time zone.
    pub zoneinfo: Option<String>,
    /// Locale.
    pub locale: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// Formatted address.
    pub formatted: Option<String>,
    /// Street address.
    pub street_address: Option<String>,
    /// Locality.
    pub locality: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Province.
    pub province: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// Creation time.
    pub created_at: Option<String>,
    /// Last update time.
    pub updated_at: Option<String>,
    /// The id of the user in an external system.
    pub external_id: Option<String>,
    /// Custom (user-defined) data, when asked for; see [`User::custom_data_map`].
    #[serde(default, deserialize_with = "list_skipping_nulls")]
    pub custom_data: Option<Vec<UserCustomData>>,
}

impl User {
    /// The custom data as a map from key to value, each value converted by its data type:
    /// `NUMBER`, `BOOLEAN` and `OBJECT` values are parsed as JSON (falling back to the raw
    /// string when they do not parse), `STRING` and `DATETIME` stay strings.
    ///
    /// ```
    /// # use authing_core::model::User;
    /// let user: User = serde_json::from_value(serde_json::json!({
    ///     "id": "u1",
    ///     "customData": [
    ///         {"key": "age", "value": "42", "dataType": "NUMBER"},
    ///         {"key": "city", "value": "Beijing", "dataType": "STRING"},
    ///     ],
    /// })).unwrap();
    /// let data = user.custom_data_map();
    /// assert_eq!(data["age"], 42);
    /// assert_eq!(data["city"], "Beijing");
    /// ```
    pub fn custom_data_map(&self) -> Map<String, Value> {
        self.custom_data
            .iter()
            .flatten()
            .map(|item| (item.key.clone(), item.typed_value()))
            .collect()
    }
}

/// `UserStatus`.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum UserStatus {
    /// Suspended by an administrator.
    Suspended,
    /// Left the organisation.
    Resigned,
    /// Active.
    Activated,
    /// Archived.
    Archived,
    /// A status this SDK does not know yet.
    #[serde(other)]
    Unknown,
}

/// `Identity`: an external identity (social or enterprise) bound to a user.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    /// The openid at the provider.
    pub openid: Option<String>,
    /// The user's id at the provider.
    pub user_id_in_idp: Option<String>,
    /// The Authing user id.
    pub user_id: Option<String>,
    /// The external identity provider's id.
    pub ext_idp_id: Option<String>,
    /// Whether the provider is a social one.
    pub is_social: Option<bool>,
    /// The provider's code.
    pub provider: Option<String>,
    /// The pool.
    pub user_pool_id: Option<String>,
    /// The provider's refresh token.
    pub refresh_token: Option<Secret>,
    /// The provider's access token.
    pub access_token: Option<Secret>,
}

/// `UserCustomData`: one custom (user-defined) field of a user.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserCustomData {
    /// The field's key.
    pub key: String,
    /// The value, as Authing stores it: a string.
    pub value: Option<String>,
    /// The field's label.
    pub label: Option<String>,
    /// How to read `value`.
    pub data_type: UdfDataType,
}

impl UserCustomData {
    /// The value converted by its data type (see [`User::custom_data_map`]).
    pub fn typed_value(&self) -> Value {
        let Some(raw) = &self.value else {
            return Value::Null;
        };
        match self.data_type {
            UdfDataType::Number | UdfDataType::Boolean | UdfDataType::Object => {
                serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.clone()))
            }
            _ => Value::String(raw.clone()),
        }
    }
}

/// `UDFDataType`: the type of a custom field.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum UdfDataType {
    /// Text.
    String,
    /// A number.
    Number,
    /// A date and time.
    Datetime,
    /// true / false.
    Boolean,
    /// A JSON object.
    Object,
    /// A type this SDK does not know yet.
    #[serde(other)]
    Unknown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_full_user_and_hides_its_token() {
        let user: User = serde_json::from_value(serde_json::json!({
            "id": "5f8d", "arn": "arn:cn:authing:pool:user:5f8d", "status": "Activated",
            "userPoolId": "pool", "username": "bob", "email": "bob@example.com",
            "token": "eyJ.secret.token", "password": "hash", "lastIP": "1.2.3.4",
            "registerSource": ["import:manual"], "loginsCount": 3,
            "identities": [null, {"provider": "github", "accessToken": "gho_secret"}],
            "customData": null, "status2": "ignored"
        }))
        .expect("decodes");
        assert_eq!(user.status, Some(UserStatus::Activated));
        assert_eq!(user.last_ip.as_deref(), Some("1.2.3.4"));
        assert_eq!(user.identities.as_ref().map(Vec::len), Some(1));
        assert_eq!(
            user.token.as_ref().map(Secret::expose),
            Some("eyJ.secret.token")
        );
        let debug = format!("{user:?}");
        for secret in ["eyJ.secret.token", "hash\"", "gho_secret"] {
            assert!(!debug.contains(secret), "{secret} leaked: {debug}");
        }
    }

    #[test]
    fn unknown_status_and_bad_custom_values_do_not_fail() {
        let user: User = serde_json::from_value(serde_json::json!({
            "id": "1", "status": "Frozen",
            "customData": [{"key": "n", "value": "not a number", "dataType": "NUMBER"},
                           {"key": "o", "value": "{\"a\":1}", "dataType": "OBJECT"}]
        }))
        .expect("decodes");
        assert_eq!(user.status, Some(UserStatus::Unknown));
        let map = user.custom_data_map();
        assert_eq!(map["n"], "not a number");
        assert_eq!(map["o"]["a"], 1);
    }
}
