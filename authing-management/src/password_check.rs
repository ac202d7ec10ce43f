//! [`ManagementClient::is_password_valid`]: whether a password meets the pool's password
//! strength rule, asked before setting it.

use authing_core::{Error, Secret, Transport, Wire, operation};
use http::Method;
use serde::Deserialize;

use crate::client::ManagementClient;

/// Whether a password meets the pool's rule (`POST /api/v2/password/check`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PasswordValidity {
    /// Whether the password meets the rule.
    pub valid: bool,
    /// What it lacks, or a success message, in the client's language.
    #[serde(default)]
    pub message: Option<String>,
}

operation! {
    /// Whether `password` meets the pool's password strength rule
    /// (`POST /api/v2/password/check`, js `isPasswordValid`). A weak password is not an
    /// error: the answer's `valid` is false and its `message` says what is missing. The
    /// password is sent in plain text (over TLS), as Authing takes it, and never logged.
    pub struct IsPasswordValid -> PasswordValidity {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/password/check" },
        auth: Management,
        required {
            /// The password to check.
            #[serde(serialize_with = "operation::expose_secret")]
            password: Secret,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.password.expose().is_empty() {
                    return Err(Error::invalid_argument("the password is empty"));
                }
                Ok(())
            }
        }
    }
}

impl<T: Transport> ManagementClient<T> {
    /// Whether `password` meets the pool's password strength rule (see [`IsPasswordValid`]).
    pub fn is_password_valid(&self, password: impl Into<Secret>) -> IsPasswordValid<Self> {
        IsPasswordValid::new(self.clone(), password.into())
    }
}
