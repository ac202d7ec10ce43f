//! [`TransportError`]: a request that got no complete response.

use std::error::Error as StdError;
use std::fmt;

/// What kind of failure a [`TransportError`] is.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransportErrorKind {
    /// Could not reach the server (DNS, refused, unreachable). The request was not sent.
    Connect,
    /// No complete response in time.
    Timeout,
    /// The connection failed while the request or response was in flight.
    Io,
    /// TLS negotiation or certificate verification failed. The request was not sent.
    Tls,
    /// The answer was larger than the transport's limit (see
    /// [`DEFAULT_MAX_RESPONSE_BYTES`](crate::DEFAULT_MAX_RESPONSE_BYTES)) and was read no
    /// further. The request was sent.
    ResponseTooLarge,
    /// Anything else the transport could not do (an invalid request, a broken client).
    Other,
}

impl fmt::Display for TransportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Connect => "could not connect",
            Self::Timeout => "timed out",
            Self::Io => "connection failed",
            Self::Tls => "TLS failed",
            Self::ResponseTooLarge => "the answer is too large",
            Self::Other => "transport failed",
        })
    }
}

/// A request that got no complete response from Authing.
///
/// It says what went wrong ([`kind`](Self::kind)), whether the server may have received the
/// request ([`maybe_sent`](Self::maybe_sent): a call that may have been sent is not safe to
/// retry blindly when it is not idempotent), and keeps the underlying error as its
/// [`source`](StdError::source).
///
/// Transport crates build it with the kind constructors:
///
/// ```
/// use authing_core::{TransportError, TransportErrorKind};
///
/// let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused");
/// let error = TransportError::connect(io);
/// assert_eq!(error.kind(), TransportErrorKind::Connect);
/// assert!(!error.maybe_sent());
/// ```
pub struct TransportError {
    kind: TransportErrorKind,
    maybe_sent: bool,
    source: Option<Box<dyn StdError + Send + Sync>>,
}

impl TransportError {
    /// An error of `kind`, with its source; `maybe_sent` follows the kind (see the
    /// constructors) and can be overridden with [`with_maybe_sent`](Self::with_maybe_sent).
    pub fn new(
        kind: TransportErrorKind,
        source: impl Into<Box<dyn StdError + Send + Sync>>,
    ) -> Self {
        let maybe_sent = !matches!(kind, TransportErrorKind::Connect | TransportErrorKind::Tls);
        Self {
            kind,
            maybe_sent,
            source: Some(source.into()),
        }
    }

    /// Could not connect; the request was not sent.
    pub fn connect(source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        Self::new(TransportErrorKind::Connect, source)
    }

    /// Timed out; the request may have been sent.
    pub fn timeout(source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        Self::new(TransportErrorKind::Timeout, source)
    }

    /// The connection failed mid-flight; the request may have been sent.
    pub fn io(source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        Self::new(TransportErrorKind::Io, source)
    }

    /// TLS failed; the request was not sent.
    pub fn tls(source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        Self::new(TransportErrorKind::Tls, source)
    }

    /// The answer is larger than `limit` bytes (it said it would be `declared_length` bytes,
    /// when it said so up front); the request was sent.
    ///
    /// ```
    /// use authing_core::{TransportError, TransportErrorKind};
    ///
    /// let error = TransportError::response_too_large(1024, Some(4096));
    /// assert_eq!(error.kind(), TransportErrorKind::ResponseTooLarge);
    /// assert!(error.maybe_sent());
    /// assert_eq!(
    ///     error.to_string(),
    ///     "the answer is too large: it declared 4096 bytes, more than the limit of 1024 bytes"
    /// );
    /// ```
    pub fn response_too_large(limit: usize, declared_length: Option<u64>) -> Self {
        Self::new(
            TransportErrorKind::ResponseTooLarge,
            TooLarge {
                limit,
                declared_length,
            },
        )
    }

    /// Any other failure; the request may have been sent.
    pub fn other(source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        Self::new(TransportErrorKind::Other, source)
    }

    /// Overrides whether the request may have reached the server.
    #[must_use]
    pub fn with_maybe_sent(mut self, maybe_sent: bool) -> Self {
        self.maybe_sent = maybe_sent;
        self
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether the server may have received the request.
    pub fn maybe_sent(&self) -> bool {
        self.maybe_sent
    }

    /// Whether this is a timeout.
    pub fn is_timeout(&self) -> bool {
        self.kind == TransportErrorKind::Timeout
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("maybe_sent", &self.maybe_sent)
            .field("source", &self.source)
            .finish()
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)?;
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn StdError + 'static))
    }
}

/// The source of a [`TransportErrorKind::ResponseTooLarge`] error.
#[derive(Debug)]
struct TooLarge {
    limit: usize,
    declared_length: Option<u64>,
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.declared_length {
            Some(length) => write!(
                f,
                "it declared {length} bytes, more than the limit of {} bytes",
                self.limit
            ),
            None => write!(f, "it went past the limit of {} bytes", self.limit),
        }
    }
}

impl StdError for TooLarge {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_decide_maybe_sent() {
        let e = || std::io::Error::other("x");
        assert!(!TransportError::connect(e()).maybe_sent());
        assert!(!TransportError::tls(e()).maybe_sent());
        assert!(TransportError::timeout(e()).maybe_sent());
        assert!(TransportError::io(e()).maybe_sent());
        assert!(TransportError::other(e()).maybe_sent());
        assert!(
            !TransportError::other(e())
                .with_maybe_sent(false)
                .maybe_sent()
        );
    }

    #[test]
    fn keeps_its_source() {
        let error = TransportError::io(std::io::Error::other("reset by peer"));
        assert!(error.to_string().contains("reset by peer"));
        assert!(StdError::source(&error).is_some());
    }
}
