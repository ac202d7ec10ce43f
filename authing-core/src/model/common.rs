//! Small result types shared by many operations.

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
