//! Phone logins and registrations, and password strength.

use async_graphql::{InputObject, SimpleObject};

use crate::graphql::inputs::RegisterProfile;

/// Whether a password meets the pool's strength rule.
#[derive(SimpleObject)]
pub(crate) struct CheckPasswordStrengthResult {
    pub(crate) valid: bool,
    pub(crate) message: Option<String>,
}

/// Login with a phone number and an SMS code.
#[derive(InputObject)]
pub(crate) struct LoginByPhoneCodeInput {
    pub(crate) phone: String,
    pub(crate) code: String,
    pub(crate) auto_register: Option<bool>,
    pub(crate) client_ip: Option<String>,
    pub(crate) params: Option<String>,
    pub(crate) context: Option<String>,
    /// The phone number's country code (an SDK addition: JavaScript 4.23).
    pub(crate) phone_country_code: Option<String>,
}

/// Login with a phone number and a password.
#[derive(InputObject)]
pub(crate) struct LoginByPhonePasswordInput {
    pub(crate) phone: String,
    pub(crate) password: String,
    pub(crate) captcha_code: Option<String>,
    pub(crate) auto_register: Option<bool>,
    pub(crate) client_ip: Option<String>,
    pub(crate) params: Option<String>,
    pub(crate) context: Option<String>,
}

/// Registration with a phone number and an SMS code.
#[derive(InputObject)]
pub(crate) struct RegisterByPhoneCodeInput {
    pub(crate) phone: String,
    pub(crate) code: String,
    pub(crate) password: Option<String>,
    pub(crate) profile: Option<RegisterProfile>,
    pub(crate) force_login: Option<bool>,
    pub(crate) generate_token: Option<bool>,
    pub(crate) client_ip: Option<String>,
    pub(crate) params: Option<String>,
    pub(crate) context: Option<String>,
    /// The phone number's country code (an SDK addition: JavaScript 4.23).
    pub(crate) phone_country_code: Option<String>,
    /// Proof of a verified email to bind (an SDK addition: JavaScript 4.23).
    pub(crate) email_token: Option<String>,
}
