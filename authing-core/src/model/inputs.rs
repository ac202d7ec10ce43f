//! Inputs of user operations, named as in Authing's v2 schema.

use serde::{Deserialize, Serialize};

use crate::secret::Secret;

/// `CreateUserInput`: the profile of a user an administrator creates.
///
/// Unset fields are not sent. A `password` is encrypted by the client before it leaves.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateUserInput {
    /// `username`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// `email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `emailVerified`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_verified: Option<bool>,
    /// `phone`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `phoneVerified`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_verified: Option<bool>,
    /// `unionid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// `openid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openid: Option<String>,
    /// `nickname`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// `photo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// The password, in plain text here: the client encrypts it before sending.
    #[serde(skip_serializing, default)]
    pub password: Option<Secret>,
    /// `registerSource`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub register_source: Option<Vec<String>>,
    /// `browser`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub browser: Option<String>,
    /// `oauth`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth: Option<String>,
    /// `loginsCount`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logins_count: Option<i64>,
    /// `lastLogin`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_login: Option<String>,
    /// `company`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// `lastIP`.
    #[serde(rename = "lastIP", skip_serializing_if = "Option::is_none")]
    pub last_ip: Option<String>,
    /// `signedUp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_up: Option<String>,
    /// `blocked`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked: Option<bool>,
    /// `isDeleted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_deleted: Option<bool>,
    /// `device`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `givenName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// `familyName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// `middleName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// `profile`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// `preferredUsername`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_username: Option<String>,
    /// `website`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// `gender`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// `birthdate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birthdate: Option<String>,
    /// `zoneinfo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zoneinfo: Option<String>,
    /// `locale`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// `address`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// `formatted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formatted: Option<String>,
    /// `streetAddress`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    /// `locality`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// `region`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// `postalCode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// `country`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `externalId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

/// `UpdateUserInput`: the fields of a user to change.
///
/// Unset fields are not sent. A `password` is encrypted by the client before it leaves.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateUserInput {
    /// `email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `unionid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// `openid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openid: Option<String>,
    /// `emailVerified`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_verified: Option<bool>,
    /// `phone`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `phoneVerified`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_verified: Option<bool>,
    /// `username`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// `nickname`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The password, in plain text here: the client encrypts it before sending.
    #[serde(skip_serializing, default)]
    pub password: Option<Secret>,
    /// `photo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// `company`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// `browser`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub browser: Option<String>,
    /// `device`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// `oauth`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth: Option<String>,
    /// `tokenExpiredAt`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_expired_at: Option<String>,
    /// `loginsCount`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logins_count: Option<i64>,
    /// `lastLogin`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_login: Option<String>,
    /// `lastIP`.
    #[serde(rename = "lastIP", skip_serializing_if = "Option::is_none")]
    pub last_ip: Option<String>,
    /// `blocked`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked: Option<bool>,
    /// `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `givenName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// `familyName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// `middleName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// `profile`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// `preferredUsername`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_username: Option<String>,
    /// `website`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// `gender`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// `birthdate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birthdate: Option<String>,
    /// `zoneinfo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zoneinfo: Option<String>,
    /// `locale`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// `address`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// `formatted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formatted: Option<String>,
    /// `streetAddress`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    /// `locality`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// `region`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// `postalCode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// `city`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// `province`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// `country`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `externalId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

/// `RegisterProfile`: profile fields given at registration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegisterProfile {
    /// `ip`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// `oauth`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth: Option<String>,
    /// `username`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// `nickname`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// `company`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// `photo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// `device`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// `browser`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub browser: Option<String>,
    /// `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `givenName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// `familyName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// `middleName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// `profile`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// `preferredUsername`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_username: Option<String>,
    /// `website`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// `gender`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// `birthdate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birthdate: Option<String>,
    /// `zoneinfo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zoneinfo: Option<String>,
    /// `locale`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// `address`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// `formatted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formatted: Option<String>,
    /// `streetAddress`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    /// `locality`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// `region`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// `postalCode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// `country`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `udf`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub udf: Option<Vec<UserDdfInput>>,
}

/// `UserDdfInput`: a custom field value given at registration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserDdfInput {
    /// The field's key.
    pub key: String,
    /// The value, as a string.
    pub value: String,
}

/// `SortByEnum`: the order of a list.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SortBy {
    /// Newest first (the default).
    #[default]
    #[serde(rename = "CREATEDAT_DESC")]
    CreatedAtDesc,
    /// Oldest first.
    #[serde(rename = "CREATEDAT_ASC")]
    CreatedAtAsc,
    /// Most recently updated first.
    #[serde(rename = "UPDATEDAT_DESC")]
    UpdatedAtDesc,
    /// Least recently updated first.
    #[serde(rename = "UPDATEDAT_ASC")]
    UpdatedAtAsc,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_fields_and_passwords_are_not_serialised() {
        let input = CreateUserInput {
            username: Some("bob".into()),
            password: Some(Secret::from("plain")),
            last_ip: Some("1.1.1.1".into()),
            ..Default::default()
        };
        let json = serde_json::to_value(&input).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({"username": "bob", "lastIP": "1.1.1.1"})
        );
        assert!(!format!("{input:?}").contains("plain"));
        assert_eq!(
            serde_json::to_value(SortBy::UpdatedAtAsc).expect("ok"),
            "UPDATEDAT_ASC"
        );
    }
}
