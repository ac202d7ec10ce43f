//! [`OAuthError`]: the `{error, error_description}` answers of OAuth 2.0 endpoints.

use authing_core::Error;
use bytes::Bytes;
use http::StatusCode;
use serde::Deserialize;

/// An OAuth 2.0 error answer (RFC 6749 §5.2), such as
/// `400 {"error":"invalid_grant","error_description":"invalid credentials provided"}`.
///
/// Protocol calls return [`authing_core::Error`]; an OAuth error arrives as
/// [`Error::Http`] (non-2xx, the usual case) or [`Error::Decode`] (a 2xx carrying an
/// `error`), both keeping the status and body. [`OAuthError::from_error`] reads it back,
/// typed:
///
/// ```
/// use authing_authentication::protocols::{OAuthError, OAuthErrorKind};
/// use authing_core::{Error, ResponseBody};
///
/// let error = Error::Http {
///     status: http::StatusCode::BAD_REQUEST,
///     body: ResponseBody::new(r#"{"error":"invalid_grant","error_description":"code expired"}"#.into()),
///     headers: Default::default(),
/// };
/// let oauth = OAuthError::from_error(&error).expect("an OAuth error");
/// assert_eq!(oauth.kind(), OAuthErrorKind::InvalidGrant);
/// assert_eq!(oauth.description.as_deref(), Some("code expired"));
/// assert_eq!(oauth.status, http::StatusCode::BAD_REQUEST);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OAuthError {
    /// The error code as sent, e.g. `invalid_grant`.
    pub error: String,
    /// The server's human-readable explanation.
    pub description: Option<String>,
    /// A page about the error.
    pub uri: Option<String>,
    /// The HTTP status it came with.
    pub status: StatusCode,
}

#[derive(Deserialize)]
struct Wire {
    error: String,
    error_description: Option<String>,
    error_uri: Option<String>,
}

impl OAuthError {
    /// The OAuth error an [`Error`] carries, if its body is one.
    pub fn from_error(error: &Error) -> Option<Self> {
        let status = error.status()?;
        let body = error.body()?;
        Self::parse(status, body.as_bytes())
    }

    /// The OAuth error in `body`, if it is one.
    pub fn parse(status: StatusCode, body: &Bytes) -> Option<Self> {
        let wire: Wire = serde_json::from_slice(body).ok()?;
        Some(Self {
            error: wire.error,
            description: wire.error_description,
            uri: wire.error_uri,
            status,
        })
    }

    /// The error code, typed.
    pub fn kind(&self) -> OAuthErrorKind {
        OAuthErrorKind::from_code(&self.error)
    }
}

/// The error codes of RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3.1 and RFC 7009 §2.2.1.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OAuthErrorKind {
    /// `invalid_request`: a parameter is missing, repeated or malformed.
    InvalidRequest,
    /// `invalid_client`: client authentication failed.
    InvalidClient,
    /// `invalid_grant`: the code, refresh token or password is invalid, expired or used.
    InvalidGrant,
    /// `unauthorized_client`: the client may not use this grant.
    UnauthorizedClient,
    /// `unsupported_grant_type`: the server does not know the grant.
    UnsupportedGrantType,
    /// `invalid_scope`: the scope is invalid or exceeds what was granted.
    InvalidScope,
    /// `access_denied`: the user or server refused.
    AccessDenied,
    /// `unsupported_response_type`: the authorization server refuses this response type.
    UnsupportedResponseType,
    /// `server_error`: the server failed.
    ServerError,
    /// `temporarily_unavailable`: try again later.
    TemporarilyUnavailable,
    /// `invalid_token`: the access token is expired, revoked or malformed.
    InvalidToken,
    /// `insufficient_scope`: the token lacks the scope the call needs.
    InsufficientScope,
    /// `unsupported_token_type`: the revocation endpoint does not revoke this token type.
    UnsupportedTokenType,
    /// A code not listed here; read [`OAuthError::error`].
    Other,
}

impl OAuthErrorKind {
    fn from_code(code: &str) -> Self {
        match code {
            "invalid_request" => Self::InvalidRequest,
            "invalid_client" => Self::InvalidClient,
            "invalid_grant" => Self::InvalidGrant,
            "unauthorized_client" => Self::UnauthorizedClient,
            "unsupported_grant_type" => Self::UnsupportedGrantType,
            "invalid_scope" => Self::InvalidScope,
            "access_denied" => Self::AccessDenied,
            "unsupported_response_type" => Self::UnsupportedResponseType,
            "server_error" => Self::ServerError,
            "temporarily_unavailable" => Self::TemporarilyUnavailable,
            "invalid_token" => Self::InvalidToken,
            "insufficient_scope" => Self::InsufficientScope,
            "unsupported_token_type" => Self::UnsupportedTokenType,
            _ => Self::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use authing_core::ResponseBody;

    #[test]
    fn reads_oauth_errors_from_http_and_decode_errors_only() {
        let body = Bytes::from_static(br#"{"error":"slow_down"}"#);
        let http = Error::Http {
            status: StatusCode::BAD_REQUEST,
            body: ResponseBody::new(body.clone()),
            headers: Default::default(),
        };
        let oauth = OAuthError::from_error(&http).expect("oauth error");
        assert_eq!(oauth.kind(), OAuthErrorKind::Other);
        assert_eq!(oauth.error, "slow_down");
        assert_eq!(oauth.description, None);

        let not_oauth = Error::Http {
            status: StatusCode::BAD_GATEWAY,
            body: ResponseBody::new(Bytes::from_static(b"<html>bad gateway</html>")),
            headers: Default::default(),
        };
        assert_eq!(OAuthError::from_error(&not_oauth), None);
        assert_eq!(OAuthError::from_error(&Error::NotLoggedIn), None);
    }
}
