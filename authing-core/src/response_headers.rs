//! [`ResponseHeaders`]: the headers of a failed answer that a caller can act on.

use std::fmt;
use std::time::{Duration, SystemTime};

use http::{HeaderMap, HeaderName, header};

/// The request id headers Authing's gateways set, in order of preference.
const REQUEST_ID_HEADERS: [HeaderName; 2] = [
    HeaderName::from_static("x-authing-request-id"),
    HeaderName::from_static("x-request-id"),
];

/// The longest request id kept; anything longer is not an id.
const MAX_REQUEST_ID_LEN: usize = 128;

/// What an answer's headers say that a caller can act on: when to try again
/// (`Retry-After`) and the id Authing gave the request (`x-authing-request-id`, else
/// `x-request-id`), to quote to Authing's support.
///
/// Only these are kept, never cookies or credentials. Read them through the error:
/// [`Error::retry_after`](crate::Error::retry_after) and
/// [`Error::request_id`](crate::Error::request_id).
///
/// ```
/// use std::time::Duration;
/// use authing_core::ResponseHeaders;
/// use http::HeaderMap;
///
/// let mut headers = HeaderMap::new();
/// headers.insert("retry-after", "30".parse().unwrap());
/// headers.insert("x-request-id", "req-7f3a".parse().unwrap());
/// headers.insert("set-cookie", "session=secret".parse().unwrap());
/// let kept = ResponseHeaders::from_headers(&headers);
/// assert_eq!(kept.retry_after(), Some(Duration::from_secs(30)));
/// assert_eq!(kept.request_id(), Some("req-7f3a"));
/// assert!(!format!("{kept:?}").contains("secret"));
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ResponseHeaders {
    retry_after: Option<RetryAfter>,
    request_id: Option<Box<str>>,
}

/// `Retry-After`: a delay in seconds or an HTTP date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RetryAfter {
    Delay(Duration),
    At(SystemTime),
}

impl ResponseHeaders {
    /// Keeps `Retry-After` and the request id of `headers`, when present and well-formed.
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let retry_after = headers
            .get(header::RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(parse_retry_after);
        let request_id = REQUEST_ID_HEADERS
            .iter()
            .filter_map(|name| headers.get(name))
            .filter_map(|value| value.to_str().ok())
            .map(str::trim)
            .find(|id| !id.is_empty() && id.len() <= MAX_REQUEST_ID_LEN)
            .map(Box::from);
        Self {
            retry_after,
            request_id,
        }
    }

    /// How long to wait before trying again, from `Retry-After` (seconds, or an HTTP date
    /// counted from now; a date in the past is zero).
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after.map(|retry| match retry {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::At(at) => at
                .duration_since(SystemTime::now())
                .unwrap_or(Duration::ZERO),
        })
    }

    /// The id of the request, as the answer named it.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Whether no header worth keeping was present.
    pub fn is_empty(&self) -> bool {
        self.retry_after.is_none() && self.request_id.is_none()
    }
}

fn parse_retry_after(value: &str) -> Option<RetryAfter> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(RetryAfter::Delay(Duration::from_secs(seconds)));
    }
    httpdate::parse_http_date(value).ok().map(RetryAfter::At)
}

impl fmt::Debug for ResponseHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("ResponseHeaders");
        if let Some(retry_after) = self.retry_after {
            s.field("retry_after", &retry_after);
        }
        if let Some(request_id) = &self.request_id {
            s.field("request_id", request_id);
        }
        s.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(pairs: &[(&'static str, &str)]) -> ResponseHeaders {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(*name, value.parse().expect("header value"));
        }
        ResponseHeaders::from_headers(&headers)
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(
            kept(&[("retry-after", " 120 ")]).retry_after(),
            Some(Duration::from_secs(120))
        );
        let in_an_hour = SystemTime::now() + Duration::from_secs(3600);
        let date = httpdate::fmt_http_date(in_an_hour);
        let wait = kept(&[("retry-after", &date)])
            .retry_after()
            .expect("a date parses");
        assert!(
            wait > Duration::from_secs(3500) && wait <= Duration::from_secs(3600),
            "{wait:?}"
        );
        assert_eq!(
            kept(&[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")]).retry_after(),
            Some(Duration::ZERO)
        );
        assert_eq!(kept(&[("retry-after", "soon")]).retry_after(), None);
        assert_eq!(kept(&[("retry-after", "-5")]).retry_after(), None);
    }

    #[test]
    fn authings_request_id_wins_over_the_generic_one() {
        let both = kept(&[
            ("x-request-id", "generic"),
            ("x-authing-request-id", "authing"),
        ]);
        assert_eq!(both.request_id(), Some("authing"));
        assert_eq!(kept(&[("x-request-id", "r-1")]).request_id(), Some("r-1"));
        assert_eq!(
            kept(&[("x-request-id", &"x".repeat(500))]).request_id(),
            None
        );
        assert!(kept(&[("set-cookie", "a=1")]).is_empty());
    }
}
