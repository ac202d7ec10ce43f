//! Groups of fields the output `User` shares with the inputs that write a user, so that each
//! field is declared once: [`ProfileFields`] (in `User`, `CreateUserInput`, `UpdateUserInput`
//! and `RegisterProfile`) and [`AccountFields`] (in `User`, `CreateUserInput` and
//! `UpdateUserInput`).
//!
//! Each type that has a group flattens it in, for GraphQL (`#[graphql(flatten)]`) and for
//! serde (`#[serde(flatten)]`), so the schema and the wire show its fields as plain fields of
//! that type. The groups' own GraphQL types (`ProfileFields`, `ProfileFieldsInput`, ...) are
//! the type of no field, so async-graphql leaves them out of the schema.

use async_graphql::{InputObject, SimpleObject};
use serde::{Deserialize, Serialize};

/// The profile fields of a user, by their names in Authing's v2 schema.
#[derive(SimpleObject, InputObject, Clone, Default, Serialize, Deserialize)]
#[graphql(input_name = "ProfileFieldsInput")]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct ProfileFields {
    /// Username, unique in the pool.
    pub(crate) username: Option<String>,
    /// Nickname.
    pub(crate) nickname: Option<String>,
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
}

/// The identifiers and account state of a user, as an administrator sets them.
#[derive(SimpleObject, InputObject, Clone, Default, Serialize, Deserialize)]
#[graphql(input_name = "AccountFieldsInput")]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct AccountFields {
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
    /// The user's id in an external system, unique in the pool.
    pub(crate) external_id: Option<String>,
    /// Last login time.
    pub(crate) last_login: Option<String>,
    /// IP of the last login.
    #[graphql(name = "lastIP")]
    #[serde(rename = "lastIP")]
    pub(crate) last_ip: Option<String>,
    /// Whether the account is blocked.
    pub(crate) blocked: Option<bool>,
}

#[cfg(test)]
mod tests {
    /// Flattened groups must not show up as types of their own.
    #[test]
    fn groups_are_not_schema_types() {
        let sdl = super::super::sdl();
        for group in [
            "ProfileFields",
            "AccountFields",
            "RegisterOptions",
            "LoginOptions",
        ] {
            assert!(!sdl.contains(group), "{group} leaked into the schema");
        }
        assert!(sdl.contains("givenName"), "but their fields are there");
    }
}
