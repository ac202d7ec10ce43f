//! How hyper's errors become [`TransportError`]s.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use authing_core::TransportError;

/// The source of a [`TransportError`] for a request that outlived the transport's timeout.
#[derive(Debug)]
pub(crate) struct TimedOut(pub(crate) Duration);

impl fmt::Display for TimedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no complete response within {:?}", self.0)
    }
}

impl StdError for TimedOut {}

/// Rejects URIs the client cannot send (hyper-util wants `http(s)://authority/...`), before
/// anything is sent.
pub(crate) fn check_uri(uri: &http::Uri) -> Result<(), TransportError> {
    let scheme_ok = matches!(uri.scheme_str(), Some("http" | "https"));
    if scheme_ok && uri.authority().is_some() {
        Ok(())
    } else {
        Err(TransportError::other(format!(
            "the request URI must be absolute http:// or https://, got `{}{}`",
            uri.scheme_str()
                .map(|s| format!("{s}://"))
                .unwrap_or_default(),
            uri.path()
        ))
        .with_maybe_sent(false))
    }
}

/// Classifies a failure to get a response head, keeping the error as the source.
pub(crate) fn classify_request(error: hyper_util::client::legacy::Error) -> TransportError {
    if error.is_connect() {
        return if has_tls_error(&error) {
            TransportError::tls(error)
        } else if has_io_kind(&error, std::io::ErrorKind::TimedOut) {
            TransportError::timeout(error).with_maybe_sent(false)
        } else {
            TransportError::connect(error)
        };
    }
    let hyper_error = chain(&error).find_map(|e| e.downcast_ref::<hyper::Error>());
    match hyper_error {
        Some(e) if e.is_timeout() => TransportError::timeout(error),
        Some(e) if e.is_user() => TransportError::other(error),
        Some(_) => TransportError::io(error),
        None => TransportError::other(error),
    }
}

/// Classifies a failure to read the response body, keeping the error as the source.
pub(crate) fn classify_body(error: hyper::Error) -> TransportError {
    if error.is_timeout() {
        TransportError::timeout(error)
    } else {
        TransportError::io(error)
    }
}

/// The error and its sources, looking inside `io::Error`s too.
///
/// `std::io::Error::source` skips the error it wraps (it returns that error's own source), so
/// the error inside an `io::Error` is visited by hand.
fn chain<'a>(
    error: &'a (dyn StdError + 'static),
) -> impl Iterator<Item = &'a (dyn StdError + 'static)> {
    let mut next = Some(error);
    std::iter::from_fn(move || {
        let current = next?;
        next = current
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .map(|inner| inner as &(dyn StdError + 'static))
            .or_else(|| current.source());
        Some(current)
    })
}

/// Whether a rustls error is somewhere in the chain.
fn has_tls_error(error: &(dyn StdError + 'static)) -> bool {
    chain(error).any(|e| e.is::<rustls::Error>())
}

/// Whether an `io::Error` of `kind` is somewhere in the chain.
fn has_io_kind(error: &(dyn StdError + 'static), kind: std::io::ErrorKind) -> bool {
    chain(error).any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == kind)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_rustls_errors_inside_nested_io_errors() {
        let rustls = rustls::Error::General("bad".into());
        let inner = std::io::Error::new(std::io::ErrorKind::InvalidData, rustls);
        let outer = std::io::Error::other(inner);
        assert!(has_tls_error(&outer));
        assert!(!has_tls_error(&std::io::Error::other("refused")));
    }

    #[test]
    fn finds_io_kinds() {
        let timed_out = std::io::Error::other(std::io::Error::from(std::io::ErrorKind::TimedOut));
        assert!(has_io_kind(&timed_out, std::io::ErrorKind::TimedOut));
        assert!(!has_io_kind(
            &timed_out,
            std::io::ErrorKind::ConnectionRefused
        ));
    }

    #[test]
    fn relative_uris_are_rejected_before_sending() {
        let error = check_uri(&http::Uri::from_static("/graphql/v2")).expect_err("relative");
        assert!(!error.maybe_sent());
        assert!(check_uri(&http::Uri::from_static("ftp://host/x")).is_err());
        assert!(check_uri(&http::Uri::from_static("https://core.authing.cn/x")).is_ok());
    }
}
