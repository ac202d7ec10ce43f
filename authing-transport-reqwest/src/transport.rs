//! [`ReqwestTransport`]: [`Transport`] over a [`reqwest::Client`].

use std::time::Duration;

use async_trait::async_trait;
use authing_core::{BodyCollector, DEFAULT_MAX_RESPONSE_BYTES, Error, Transport, TransportError};
use bytes::Bytes;

use crate::builder::ReqwestTransportBuilder;
use crate::error::classify;

/// How long a whole request may take by default: 10 seconds.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long connecting (TCP and TLS) may take by default: 5 seconds.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A [`Transport`] over a [`reqwest::Client`].
///
/// [`new`](Self::new) and [`builder`](Self::builder) make a client that keeps the transport
/// contract: rustls, redirects never followed, a [`DEFAULT_TIMEOUT`] for the whole request and a
/// [`DEFAULT_CONNECT_TIMEOUT`]. Every HTTP status, 3xx and 5xx included, comes back as
/// `Ok(response)` with its headers and whole body. Failures map to
/// [`TransportErrorKind`](authing_core::TransportErrorKind)s:
///
/// | reqwest says | kind | `maybe_sent` |
/// | --- | --- | --- |
/// | connect failed, TLS error in its source chain | `Tls` | no |
/// | connect failed | `Connect` | no |
/// | timed out while connecting | `Timeout` | no |
/// | timed out | `Timeout` | yes |
/// | request or body failed mid-flight | `Io` | yes |
/// | the request could not be built | `Other` | no |
/// | the answer is larger than [`max_response_bytes`](Self::max_response_bytes) | `ResponseTooLarge` | yes |
///
/// An answer is read up to [`DEFAULT_MAX_RESPONSE_BYTES`] (32 MiB) unless set otherwise with
/// [`ReqwestTransportBuilder::max_response_bytes`] or
/// [`with_max_response_bytes`](Self::with_max_response_bytes): a larger `Content-Length` is
/// refused before the body is read, and a body without one is read no further than the limit.
///
/// The reqwest error is kept as the [`source`](std::error::Error::source), without the request
/// URL (some Authing endpoints take a token in the query string).
///
/// Cloning is cheap: clones share reqwest's connection pool.
///
/// ```no_run
/// use authing_core::Transport;
/// use authing_transport_reqwest::ReqwestTransport;
/// use bytes::Bytes;
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let transport = ReqwestTransport::new()?;
/// let request = http::Request::post("https://core.authing.cn/graphql/v2")
///     .header("content-type", "application/json")
///     .body(Bytes::from_static(br#"{"query":"{ __typename }"}"#))?;
/// let response = transport.send(request).await?;
/// assert!(response.status().is_success());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
    max_response_bytes: usize,
}

impl ReqwestTransport {
    /// A transport with the defaults; see [`ReqwestTransportBuilder`].
    ///
    /// ```
    /// use authing_transport_reqwest::ReqwestTransport;
    ///
    /// let transport = ReqwestTransport::new()?;
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn new() -> Result<Self, Error> {
        Self::builder().build()
    }

    /// A builder to set timeouts and certificate checks.
    ///
    /// ```
    /// use std::time::Duration;
    /// use authing_transport_reqwest::ReqwestTransport;
    ///
    /// let transport = ReqwestTransport::builder()
    ///     .timeout(Duration::from_secs(5))
    ///     .build()?;
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn builder() -> ReqwestTransportBuilder {
        ReqwestTransportBuilder::new()
    }

    /// The wrapped client.
    ///
    /// ```
    /// # use authing_transport_reqwest::ReqwestTransport;
    /// let transport = ReqwestTransport::new()?;
    /// let client: &reqwest::Client = transport.inner();
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn inner(&self) -> &reqwest::Client {
        &self.client
    }

    /// The same transport, reading answers of at most `max_response_bytes` bytes (see
    /// [`ReqwestTransportBuilder::max_response_bytes`]); for a client wrapped with
    /// [`From`].
    ///
    /// ```
    /// use authing_transport_reqwest::ReqwestTransport;
    ///
    /// let transport = ReqwestTransport::from(reqwest::Client::new())
    ///     .with_max_response_bytes(4 * 1024 * 1024);
    /// assert_eq!(transport.max_response_bytes(), 4 * 1024 * 1024);
    /// ```
    #[must_use]
    pub fn with_max_response_bytes(mut self, max_response_bytes: usize) -> Self {
        self.max_response_bytes = max_response_bytes;
        self
    }

    /// The largest answer, in bytes, this transport reads.
    ///
    /// ```
    /// use authing_core::DEFAULT_MAX_RESPONSE_BYTES;
    /// use authing_transport_reqwest::ReqwestTransport;
    ///
    /// assert_eq!(ReqwestTransport::new()?.max_response_bytes(), DEFAULT_MAX_RESPONSE_BYTES);
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn max_response_bytes(&self) -> usize {
        self.max_response_bytes
    }
}

/// Wraps a client you configured yourself (proxy, pool, extra root certificates).
///
/// Answers are read up to [`DEFAULT_MAX_RESPONSE_BYTES`]; change it with
/// [`with_max_response_bytes`](ReqwestTransport::with_max_response_bytes). Set the client up
/// to keep the transport contract: build it with
/// `.redirect(reqwest::redirect::Policy::none())` (requests carry tokens, and reqwest follows
/// up to 10 redirects by default) and with a timeout.
///
/// ```
/// use std::time::Duration;
/// use authing_transport_reqwest::ReqwestTransport;
///
/// let client = reqwest::Client::builder()
///     .redirect(reqwest::redirect::Policy::none())
///     .timeout(Duration::from_secs(10))
///     .build()?;
/// let transport = ReqwestTransport::from(client);
/// # Ok::<(), reqwest::Error>(())
/// ```
impl From<reqwest::Client> for ReqwestTransport {
    fn from(client: reqwest::Client) -> Self {
        Self {
            client,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

#[async_trait]
impl Transport for ReqwestTransport {
    async fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        let request = reqwest::Request::try_from(request).map_err(classify)?;
        let mut response = self.client.execute(request).await.map_err(classify)?;
        let status = response.status();
        let version = response.version();
        let headers = std::mem::take(response.headers_mut());
        // Dropping `response` at an error closes the connection: nothing more is read.
        let mut body = BodyCollector::new(self.max_response_bytes, response.content_length())?;
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            body.push(chunk)?;
        }
        let body = body.finish();

        let mut out = http::Response::new(body);
        *out.status_mut() = status;
        *out.version_mut() = version;
        *out.headers_mut() = headers;
        Ok(out)
    }
}
