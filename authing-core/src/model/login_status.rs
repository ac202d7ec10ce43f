//! `JWTTokenStatus`: whether a token is a live login.

use serde::Deserialize;

/// `JWTTokenStatus`: the answer of `checkLoginStatus`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LoginStatus {
    /// 200 when logged in; otherwise why not (e.g. 2206: expired).
    pub code: Option<i64>,
    /// A human-readable message.
    pub message: Option<String>,
    /// Whether the token is a live login.
    pub status: Option<bool>,
    /// Expiry, in seconds since the Unix epoch.
    pub exp: Option<i64>,
    /// Issue time, in seconds since the Unix epoch.
    pub iat: Option<i64>,
    /// Who the token belongs to.
    pub data: Option<LoginStatusDetail>,
}

impl LoginStatus {
    /// Whether the token is a live login.
    pub fn is_logged_in(&self) -> bool {
        self.status == Some(true)
    }
}

/// `JWTTokenStatusDetail`: the owner of a checked token.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoginStatusDetail {
    /// The user's id.
    pub id: Option<String>,
    /// The user's pool.
    pub user_pool_id: Option<String>,
    /// The user's ARN.
    pub arn: Option<String>,
}
