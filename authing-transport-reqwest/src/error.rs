//! How a [`reqwest::Error`] becomes a [`TransportError`].

use std::error::Error as StdError;

use authing_core::TransportError;

/// Classifies a reqwest error, keeping it as the source.
///
/// The URL is stripped from the kept error: some Authing endpoints take a token in the query
/// string, and errors get logged.
///
/// Timeouts are checked first: reqwest reports a connect timeout as both a connect error and a
/// timeout, and a caller asking [`TransportError::is_timeout`] expects `true` for it; it is
/// marked not sent, as it happened before the request was written.
pub(crate) fn classify(error: reqwest::Error) -> TransportError {
    let error = error.without_url();
    if error.is_timeout() {
        let connecting = error.is_connect();
        return TransportError::timeout(error).with_maybe_sent(!connecting);
    }
    if error.is_connect() {
        return if has_tls_error(&error) {
            TransportError::tls(error)
        } else {
            TransportError::connect(error)
        };
    }
    if error.is_builder() {
        return TransportError::other(error).with_maybe_sent(false);
    }
    if error.is_request() || error.is_body() || error.is_decode() {
        return TransportError::io(error);
    }
    TransportError::other(error)
}

/// Whether a rustls error is somewhere in the source chain.
///
/// `std::io::Error::source` skips the error it wraps (it returns that error's own source), so
/// the errors inside `io::Error`s are checked by hand.
fn has_tls_error(error: &(dyn StdError + 'static)) -> bool {
    let mut next = Some(error);
    while let Some(error) = next {
        if error.is::<rustls::Error>() {
            return true;
        }
        if let Some(io) = error.downcast_ref::<std::io::Error>()
            && let Some(inner) = io.get_ref()
            && has_tls_error(inner)
        {
            return true;
        }
        next = error.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_rustls_errors_inside_io_errors() {
        let rustls = rustls::Error::General("bad".into());
        let io = std::io::Error::new(std::io::ErrorKind::InvalidData, rustls);
        assert!(has_tls_error(&io));
        assert!(!has_tls_error(&std::io::Error::other("refused")));
    }
}
