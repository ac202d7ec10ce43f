//! The claims of Authing's tokens and userinfo answers: [`IdTokenClaims`],
//! [`AccessTokenClaims`], [`UserInfo`], [`Address`], [`Audience`].

use serde::Deserialize;
use serde_json::{Map, Value};

/// A token's `aud`: one audience or several.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Audience {
    /// A single audience.
    One(String),
    /// Several audiences.
    Many(Vec<String>),
}

impl Audience {
    /// Whether `audience` is among them.
    pub fn contains(&self, audience: &str) -> bool {
        match self {
            Self::One(one) => one == audience,
            Self::Many(many) => many.iter().any(|a| a == audience),
        }
    }

    /// How many audiences there are.
    pub fn len(&self) -> usize {
        match self {
            Self::One(_) => 1,
            Self::Many(many) => many.len(),
        }
    }

    /// Whether there is none (an empty list).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The claims of an Authing id token (OIDC Core §2 and §5.1), after validation.
///
/// Which profile claims are present depends on the scopes granted; the rest, including
/// claims added by Authing pipelines, are in [`other`](Self::other).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct IdTokenClaims {
    /// The issuer, `{app_host}/oidc`.
    pub iss: String,
    /// The user id.
    pub sub: String,
    /// The audience: the app id.
    pub aud: Audience,
    /// Expiry, seconds since the epoch.
    pub exp: i64,
    /// Issue time, seconds since the epoch.
    pub iat: i64,
    /// The nonce of the authorize request.
    #[serde(default)]
    pub nonce: Option<String>,
    /// The authorized party, when there are several audiences.
    #[serde(default)]
    pub azp: Option<String>,
    /// The half-hash of the access token issued with it.
    #[serde(default)]
    pub at_hash: Option<String>,
    /// The half-hash of the authorization code issued with it (hybrid flow).
    #[serde(default)]
    pub c_hash: Option<String>,
    /// The login session id.
    #[serde(default)]
    pub sid: Option<String>,
    /// When the user authenticated.
    #[serde(default)]
    pub auth_time: Option<i64>,
    /// Full name (scope `profile`).
    #[serde(default)]
    pub name: Option<String>,
    /// Nickname (scope `profile`).
    #[serde(default)]
    pub nickname: Option<String>,
    /// Preferred username (scope `profile`).
    #[serde(default)]
    pub preferred_username: Option<String>,
    /// Picture URL (scope `profile`).
    #[serde(default)]
    pub picture: Option<String>,
    /// Email address (scope `email`).
    #[serde(default)]
    pub email: Option<String>,
    /// Whether the email address is verified (scope `email`).
    #[serde(default)]
    pub email_verified: Option<bool>,
    /// Phone number (scope `phone`).
    #[serde(default)]
    pub phone_number: Option<String>,
    /// Whether the phone number is verified (scope `phone`).
    #[serde(default)]
    pub phone_number_verified: Option<bool>,
    /// Every other claim.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The claims of an Authing access token, after validation.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AccessTokenClaims {
    /// The issuer, `{app_host}/oidc`.
    pub iss: String,
    /// The user id (the app id for client-credentials tokens).
    #[serde(default)]
    pub sub: Option<String>,
    /// The audience: the app id.
    pub aud: Audience,
    /// Expiry, seconds since the epoch.
    pub exp: i64,
    /// Issue time, seconds since the epoch.
    pub iat: i64,
    /// The token id.
    #[serde(default)]
    pub jti: Option<String>,
    /// The scopes granted, space-separated.
    #[serde(default)]
    pub scope: Option<String>,
    /// Every other claim.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl AccessTokenClaims {
    /// Whether `scope` was granted.
    pub fn has_scope(&self, scope: &str) -> bool {
        self.scope
            .as_deref()
            .is_some_and(|s| s.split(' ').any(|granted| granted == scope))
    }
}

/// A postal address (OIDC Core §5.1.1), from userinfo, id tokens or CAS attributes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// The full address for display.
    #[serde(default)]
    pub formatted: Option<String>,
    /// Street address.
    #[serde(default)]
    pub street_address: Option<String>,
    /// City or locality.
    #[serde(default)]
    pub locality: Option<String>,
    /// State, province or region.
    #[serde(default)]
    pub region: Option<String>,
    /// Postal code.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// Country.
    #[serde(default)]
    pub country: Option<String>,
}

/// What the userinfo endpoint says about the user (OIDC Core §5.3.2): `sub`, plus the
/// claims of the scopes the access token carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct UserInfo {
    /// The user id.
    pub sub: String,
    /// Full name (scope `profile`).
    #[serde(default)]
    pub name: Option<String>,
    /// Given name (scope `profile`).
    #[serde(default)]
    pub given_name: Option<String>,
    /// Family name (scope `profile`).
    #[serde(default)]
    pub family_name: Option<String>,
    /// Middle name (scope `profile`).
    #[serde(default)]
    pub middle_name: Option<String>,
    /// Nickname (scope `profile`).
    #[serde(default)]
    pub nickname: Option<String>,
    /// Preferred username (scope `profile`).
    #[serde(default)]
    pub preferred_username: Option<String>,
    /// Profile page URL (scope `profile`).
    #[serde(default)]
    pub profile: Option<String>,
    /// Picture URL (scope `profile`).
    #[serde(default)]
    pub picture: Option<String>,
    /// Web site (scope `profile`).
    #[serde(default)]
    pub website: Option<String>,
    /// Gender (scope `profile`).
    #[serde(default)]
    pub gender: Option<String>,
    /// Birth date (scope `profile`).
    #[serde(default)]
    pub birthdate: Option<String>,
    /// Time zone (scope `profile`).
    #[serde(default)]
    pub zoneinfo: Option<String>,
    /// Locale (scope `profile`).
    #[serde(default)]
    pub locale: Option<String>,
    /// Email address (scope `email`).
    #[serde(default)]
    pub email: Option<String>,
    /// Whether the email address is verified (scope `email`).
    #[serde(default)]
    pub email_verified: Option<bool>,
    /// Phone number (scope `phone`).
    #[serde(default)]
    pub phone_number: Option<String>,
    /// Whether the phone number is verified (scope `phone`).
    #[serde(default)]
    pub phone_number_verified: Option<bool>,
    /// Postal address (scope `address`).
    #[serde(default)]
    pub address: Option<Address>,
    /// Username (scope `username`).
    #[serde(default)]
    pub username: Option<String>,
    /// Every other claim (`updated_at`, `roles`, `unionid`, `external_id`, ...).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}
