//! [`Error`]: every way an SDK call can fail.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use http::StatusCode;
use serde_json::Value;

use crate::response_headers::ResponseHeaders;
use crate::transport_error::TransportError;

/// Every way a call to Authing can fail.
///
/// - [`Api`](Self::Api): Authing answered and said no (GraphQL `errors[].message` objects and
///   REST `{code, message, data}` envelopes alike), e.g. code `2004`, user not found.
/// - [`Transport`](Self::Transport): the request got no complete response.
/// - [`Http`](Self::Http): a non-2xx answer that is not an Authing envelope (a proxy's HTML
///   502, a gateway's 429, say); keeps the status, the body, and the headers a caller acts on
///   ([`retry_after`](Self::retry_after), [`request_id`](Self::request_id)).
/// - [`Decode`](Self::Decode): a 2xx answer that does not parse; keeps the status and body.
/// - [`Config`](Self::Config): a client was configured wrongly (bad host, key, empty pool id).
/// - [`InvalidArgument`](Self::InvalidArgument): a call's arguments cannot be sent as given.
/// - [`NotLoggedIn`](Self::NotLoggedIn): a user call on a client that holds no user token.
/// - [`Encrypt`](Self::Encrypt): a password could not be encrypted.
///
/// Neither `Debug` nor `Display` prints secrets: bodies print as their length, and the `data`
/// of an API error (which may carry an MFA token) prints as its keys.
///
/// ```
/// # fn check(error: authing_core::Error) {
/// use authing_core::Error;
///
/// match error {
///     Error::Api { code: 2004, .. } => println!("no such user"),
///     Error::Api { code, message, .. } => println!("Authing said {code}: {message}"),
///     Error::Transport(e) if e.is_timeout() => println!("timed out"),
///     other => println!("{other}"),
/// }
/// # }
/// ```
#[non_exhaustive]
#[derive(thiserror::Error)]
pub enum Error {
    /// Authing answered with an error code.
    #[error("Authing error {code}: {message}")]
    Api {
        /// Authing's business code (e.g. `2004`: user not found, `2333`: wrong credentials).
        code: i64,
        /// Authing's message, in the client's language.
        message: String,
        /// Extra data Authing attached (e.g. `{"mfaToken": ...}` for code 1635).
        data: Option<Value>,
        /// The HTTP status of the answer that carried the error.
        status: StatusCode,
    },
    /// The request got no complete response.
    #[error("request to Authing failed: {0}")]
    Transport(#[from] TransportError),
    /// A non-2xx answer that is not an Authing envelope.
    #[error("Authing answered HTTP {status} without an Authing error envelope ({body})")]
    Http {
        /// The HTTP status.
        status: StatusCode,
        /// The body as received.
        body: ResponseBody,
        /// `Retry-After` and the request id, when the answer had them.
        headers: ResponseHeaders,
    },
    /// A 2xx answer that could not be decoded.
    #[error("could not decode Authing's answer (HTTP {status}, {body}): {reason}")]
    Decode {
        /// The HTTP status.
        status: StatusCode,
        /// The body as received.
        body: ResponseBody,
        /// What did not parse.
        reason: String,
    },
    /// The client was configured wrongly; the message says what to fix.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// The call's arguments cannot be sent as given; the message says what to fix.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// The call acts for a user, and the client holds no user token.
    #[error("not logged in: log in first, or build the client with a user token")]
    NotLoggedIn,
    /// A password could not be encrypted.
    #[error("could not encrypt the password: {0}")]
    Encrypt(String),
}

impl Error {
    /// A [`Config`](Self::Config) error.
    pub fn config(message: impl Into<String>) -> Self {
        Self::Config(message.into())
    }

    /// An [`InvalidArgument`](Self::InvalidArgument) error.
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Self::InvalidArgument(message.into())
    }

    /// Authing's error code, for [`Api`](Self::Api) errors.
    pub fn code(&self) -> Option<i64> {
        match self {
            Self::Api { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// Authing's message, for [`Api`](Self::Api) errors, in the client's language.
    pub fn message(&self) -> Option<&str> {
        match self {
            Self::Api { message, .. } => Some(message),
            _ => None,
        }
    }

    /// Whether this is Authing's error `code`; compare with the names in
    /// [`codes`](crate::codes).
    ///
    /// ```
    /// use authing_core::{Error, codes};
    ///
    /// let error = Error::Api {
    ///     code: 2004,
    ///     message: "user not found".into(),
    ///     data: None,
    ///     status: http::StatusCode::OK,
    /// };
    /// assert!(error.is(codes::USER_NOT_FOUND));
    /// assert!(!error.is(codes::WRONG_CREDENTIALS));
    /// ```
    pub fn is(&self, code: i64) -> bool {
        self.code() == Some(code)
    }

    /// The HTTP status of the answer, where there was one.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Self::Api { status, .. } | Self::Http { status, .. } | Self::Decode { status, .. } => {
                Some(*status)
            }
            _ => None,
        }
    }

    /// How long to wait before trying again, when the answer said so with `Retry-After`
    /// (in seconds or as a date), for [`Http`](Self::Http) errors.
    ///
    /// ```
    /// use std::time::Duration;
    /// use authing_core::{Error, ResponseBody, ResponseHeaders};
    ///
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("retry-after", "5".parse().unwrap());
    /// let error = Error::Http {
    ///     status: http::StatusCode::TOO_MANY_REQUESTS,
    ///     body: ResponseBody::new(bytes::Bytes::from_static(b"slow down")),
    ///     headers: ResponseHeaders::from_headers(&headers),
    /// };
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(5)));
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        self.response_headers()?.retry_after()
    }

    /// The id the answer gave the request (`x-authing-request-id`, else `x-request-id`), to
    /// quote to Authing's support, for [`Http`](Self::Http) errors.
    pub fn request_id(&self) -> Option<&str> {
        self.response_headers()?.request_id()
    }

    /// The kept headers of the answer, for [`Http`](Self::Http) errors.
    pub fn response_headers(&self) -> Option<&ResponseHeaders> {
        match self {
            Self::Http { headers, .. } => Some(headers),
            _ => None,
        }
    }

    /// The body of the answer, for [`Http`](Self::Http) and [`Decode`](Self::Decode) errors.
    pub fn body(&self) -> Option<&ResponseBody> {
        match self {
            Self::Http { body, .. } | Self::Decode { body, .. } => Some(body),
            _ => None,
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api {
                code,
                message,
                data,
                status,
            } => f
                .debug_struct("Api")
                .field("code", code)
                .field("message", message)
                .field("data", &data.as_ref().map(DataShape))
                .field("status", status)
                .finish(),
            Self::Transport(e) => f.debug_tuple("Transport").field(e).finish(),
            Self::Http {
                status,
                body,
                headers,
            } => f
                .debug_struct("Http")
                .field("status", status)
                .field("body", body)
                .field("headers", headers)
                .finish(),
            Self::Decode {
                status,
                body,
                reason,
            } => f
                .debug_struct("Decode")
                .field("status", status)
                .field("body", body)
                .field("reason", reason)
                .finish(),
            Self::Config(m) => f.debug_tuple("Config").field(m).finish(),
            Self::InvalidArgument(m) => f.debug_tuple("InvalidArgument").field(m).finish(),
            Self::NotLoggedIn => f.write_str("NotLoggedIn"),
            Self::Encrypt(m) => f.debug_tuple("Encrypt").field(m).finish(),
        }
    }
}

/// Prints the shape of error data (its keys), never its values, which may be tokens.
struct DataShape<'a>(&'a Value);

impl fmt::Debug for DataShape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Value::Object(map) => f.debug_set().entries(map.keys()).finish(),
            Value::Null => f.write_str("null"),
            _ => f.write_str("[value]"),
        }
    }
}

/// The body of an answer that could not be used, kept for diagnosis.
///
/// It prints as its length and content type guess only (a body can hold tokens); read it with
/// [`as_bytes`](Self::as_bytes) or [`text`](Self::text).
#[derive(Clone, PartialEq, Eq)]
pub struct ResponseBody(Bytes);

impl ResponseBody {
    /// Wraps the bytes of a body.
    pub fn new(bytes: Bytes) -> Self {
        Self(bytes)
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &Bytes {
        &self.0
    }

    /// The body as text, with invalid UTF-8 replaced.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.0)
    }

    /// The body's length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the body is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn looks_like(&self) -> &'static str {
        let start = self.0.iter().copied().find(|b| !b.is_ascii_whitespace());
        match start {
            None => "empty",
            Some(b'{' | b'[') => "JSON",
            Some(b'<') => "HTML",
            Some(_) => "text",
        }
    }
}

impl fmt::Debug for ResponseBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ResponseBody({} bytes, {})",
            self.0.len(),
            self.looks_like()
        )
    }
}

impl fmt::Display for ResponseBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} bytes of {}", self.0.len(), self.looks_like())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_data_values_and_bodies() {
        let error = Error::Api {
            code: 1635,
            message: "MFA required".into(),
            data: Some(serde_json::json!({"mfaToken": "very-secret-mfa-token"})),
            status: StatusCode::OK,
        };
        let debug = format!("{error:?}");
        assert!(
            debug.contains("mfaToken") && debug.contains("1635"),
            "{debug}"
        );
        assert!(!debug.contains("very-secret"), "{debug}");

        let error = Error::Decode {
            status: StatusCode::OK,
            body: ResponseBody::new(Bytes::from_static(b"{\"token\":\"tok-secret\"")),
            reason: "EOF".into(),
        };
        assert!(!format!("{error:?}").contains("tok-secret"));
        assert!(!error.to_string().contains("tok-secret"));
        assert_eq!(
            error.body().map(|b| b.text().into_owned()).as_deref(),
            Some("{\"token\":\"tok-secret\"")
        );
    }
}
