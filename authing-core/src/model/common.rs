//! Small result types shared by many operations.

use std::fmt;

use serde::Deserialize;

use crate::secret::Secret;

/// `CommonMessage`: the answer of operations that return no object.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CommonMessage {
    /// A human-readable message.
    pub message: Option<String>,
    /// Authing's business code; 200 means success.
    pub code: Option<i64>,
}

/// `BatchOperationResult`: the outcome of a batch operation.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchOperationResult {
    /// How many items succeeded.
    pub succeed_count: i64,
    /// How many items failed.
    pub failed_count: i64,
    /// A summary message.
    pub message: Option<String>,
    /// One message per failed item.
    pub errors: Option<Vec<String>>,
}

/// `AccessTokenRes`: a management access token and its lifetime.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessToken {
    /// The token (a JWT).
    pub access_token: Option<Secret>,
    /// Expiry, in seconds since the Unix epoch.
    pub exp: Option<i64>,
    /// Issue time, in seconds since the Unix epoch.
    pub iat: Option<i64>,
}

/// `RefreshToken`: a fresh login token and its lifetime (`refreshToken`). `Debug` hides the
/// token.
#[non_exhaustive]
#[derive(Clone, Deserialize)]
pub struct RefreshedToken {
    /// The new token.
    pub token: Secret,
    /// When it was issued (Unix seconds).
    #[serde(default)]
    pub iat: Option<i64>,
    /// When it expires (Unix seconds).
    #[serde(default)]
    pub exp: Option<i64>,
}

impl fmt::Debug for RefreshedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshedToken")
            .field("iat", &self.iat)
            .field("exp", &self.exp)
            .finish_non_exhaustive()
    }
}
