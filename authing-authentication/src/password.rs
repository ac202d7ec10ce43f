//! Passwords a login demands, and how strong a password is: the resets by the token of a
//! first login (code 1639) or a forced reset (code 2058), the pool's strength check, and
//! [`compute_password_security_level`], a local estimate.
//!
//! A login that must set a new password first fails with 1639 or 2058;
//! [`reset_token`] reads the reset token from that error:
//!
//! ```no_run
//! # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
//! use authing_authentication::password::reset_token;
//! use authing_core::codes;
//!
//! if let Err(error) = auth.login_by_username("ada", "initial password").await {
//!     match reset_token(&error) {
//!         Some(token) if error.is(codes::FIRST_LOGIN_RESET_PASSWORD) => {
//!             auth.reset_password_by_first_login_token(&token, "a new password").await?;
//!             auth.login_by_username("ada", "a new password").await?;
//!         }
//!         _ => return Err(error),
//!     }
//! }
//! # Ok(()) }
//! ```

use authing_core::model::CommonMessage;
use authing_core::{Error, Secret, Transport, Wire, codes, operation};
use serde::Deserialize;

use crate::client::AuthenticationClient;
use crate::graphql::{
    CHECK_PASSWORD_STRENGTH, RESET_PASSWORD_BY_FIRST_LOGIN_TOKEN,
    RESET_PASSWORD_BY_FORCE_RESET_TOKEN,
};
use crate::status::AsToken;

/// The reset token of a login that must set a new password first (codes 1639 and 2058), if
/// `error` is such a login's.
///
/// ```
/// use authing_authentication::password::reset_token;
///
/// let error = authing_core::Error::Api {
///     code: 1639,
///     message: "first login".into(),
///     data: Some(serde_json::json!({"token": "reset-1"})),
///     status: http::StatusCode::OK,
/// };
/// assert_eq!(reset_token(&error).map(|t| t.expose().to_owned()).as_deref(), Some("reset-1"));
/// ```
pub fn reset_token(error: &Error) -> Option<Secret> {
    match error {
        Error::Api {
            code: codes::FIRST_LOGIN_RESET_PASSWORD | codes::FORCED_PASSWORD_RESET,
            data: Some(data),
            ..
        } => data
            .get("token")
            .and_then(serde_json::Value::as_str)
            .filter(|token| !token.is_empty())
            .map(Secret::from),
        _ => None,
    }
}

/// How strong a password looks, computed locally as Authing's JavaScript SDK does: `3` for
/// at least 12 characters with lower- and upper-case letters and a digit, `2` for at least
/// 8 characters with a letter and a digit, else `1`. (Authing's Python SDK gets this wrong;
/// this follows the JavaScript one.)
///
/// ```
/// use authing_authentication::password::compute_password_security_level;
///
/// assert_eq!(compute_password_security_level("Correct1Horse"), 3);
/// assert_eq!(compute_password_security_level("horse123"), 2);
/// assert_eq!(compute_password_security_level("horse"), 1);
/// ```
pub fn compute_password_security_level(password: &str) -> u8 {
    let length = password.chars().count();
    let lower = password.chars().any(char::is_lowercase);
    let upper = password.chars().any(char::is_uppercase);
    let digit = password.chars().any(|c| c.is_ascii_digit());
    let letter = password.chars().any(char::is_alphabetic);
    if length >= 12 && lower && upper && digit {
        3
    } else if length >= 8 && letter && digit {
        2
    } else {
        1
    }
}

impl<T: Transport> AuthenticationClient<T> {
    /// Sets the password a first login demanded (`resetPasswordByFirstLoginToken`), with
    /// that login's reset token (see [`reset_token`]); the password is encrypted before it
    /// leaves. The user then logs in with it.
    pub fn reset_password_by_first_login_token(
        &self,
        token: impl AsToken,
        password: impl Into<Secret>,
    ) -> ResetPasswordByFirstLoginToken<Self> {
        ResetPasswordByFirstLoginToken::new(self.clone(), token.as_token(), password)
    }

    /// Sets the password a login demanded (`resetPasswordByForceResetToken`, code 2058),
    /// with that login's reset token and the old password (both passwords are encrypted
    /// before they leave). A wrong old password is code 2203.
    ///
    /// Authing's published schema lacks this field; Authing's JavaScript and Go SDKs send it.
    pub fn reset_password_by_force_reset_token(
        &self,
        token: impl AsToken,
        old_password: impl Into<Secret>,
        new_password: impl Into<Secret>,
    ) -> ResetPasswordByForceResetToken<Self> {
        ResetPasswordByForceResetToken::new(
            self.clone(),
            token.as_token(),
            old_password,
            new_password,
        )
    }

    /// Whether `password` meets the user pool's strength rule (`checkPasswordStrength`),
    /// and if not, what it lacks. Authing takes the password in plain text here.
    pub fn check_password_strength(
        &self,
        password: impl Into<Secret>,
    ) -> CheckPasswordStrength<Self> {
        CheckPasswordStrength::new(self.clone(), password)
    }
}

/// The answer of [`AuthenticationClient::check_password_strength`].
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PasswordStrengthCheck {
    /// Whether the password meets the rule.
    pub valid: bool,
    /// What it lacks, or a success message.
    #[serde(default)]
    pub message: Option<String>,
}

operation! {
    /// A new password with the reset token of a first login
    /// (`resetPasswordByFirstLoginToken`); made by
    /// [`AuthenticationClient::reset_password_by_first_login_token`].
    pub struct ResetPasswordByFirstLoginToken -> CommonMessage {
        wire: Wire::Graphql(&RESET_PASSWORD_BY_FIRST_LOGIN_TOKEN),
        auth: None,
        required {
            /// The reset token the login's error carried.
            #[serde(serialize_with = "operation::expose_secret")]
            token: Secret,
            /// The new password, encrypted before it leaves.
            #[serde(skip_serializing)]
            password: Secret,
        }
        impl {
            fn passwords(&self) -> Vec<(&'static str, &Secret)> {
                vec![("/password", &self.password)]
            }
        }
    }
}

operation! {
    /// A new password with the reset token of a forced reset and the old password
    /// (`resetPasswordByForceResetToken`); made by
    /// [`AuthenticationClient::reset_password_by_force_reset_token`].
    pub struct ResetPasswordByForceResetToken -> CommonMessage {
        wire: Wire::Graphql(&RESET_PASSWORD_BY_FORCE_RESET_TOKEN),
        auth: None,
        required {
            /// The reset token the login's error carried.
            #[serde(serialize_with = "operation::expose_secret")]
            token: Secret,
            /// The old password, encrypted before it leaves.
            #[serde(skip_serializing)]
            old_password: Secret,
            /// The new password, encrypted before it leaves.
            #[serde(skip_serializing)]
            new_password: Secret,
        }
        impl {
            fn passwords(&self) -> Vec<(&'static str, &Secret)> {
                vec![
                    ("/oldPassword", &self.old_password),
                    ("/newPassword", &self.new_password),
                ]
            }
        }
    }
}

operation! {
    /// Whether a password meets the pool's strength rule (`checkPasswordStrength`); made by
    /// [`AuthenticationClient::check_password_strength`].
    pub struct CheckPasswordStrength -> PasswordStrengthCheck {
        wire: Wire::Graphql(&CHECK_PASSWORD_STRENGTH),
        auth: None,
        required {
            /// The password, in plain text (Authing checks it as typed).
            #[serde(serialize_with = "operation::expose_secret")]
            password: Secret,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_levels_follow_the_javascript_sdk() {
        for (password, level) in [
            ("", 1),
            ("abcdefgh", 1),
            ("abcdefg1", 2),
            ("abcdefghijk1", 2),
            ("Abcdefghijk1", 3),
            ("Abc1", 1),
        ] {
            assert_eq!(
                compute_password_security_level(password),
                level,
                "{password:?}"
            );
        }
    }

    #[test]
    fn reset_tokens_come_only_from_reset_codes() {
        let error = |code| Error::Api {
            code,
            message: String::new(),
            data: Some(serde_json::json!({"token": "t"})),
            status: http::StatusCode::OK,
        };
        assert!(reset_token(&error(codes::FORCED_PASSWORD_RESET)).is_some());
        assert!(reset_token(&error(codes::WRONG_CREDENTIALS)).is_none());
    }
}
