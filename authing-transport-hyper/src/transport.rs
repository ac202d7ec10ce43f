//! [`HyperTransport`]: [`Transport`] over hyper-util's pooled client.

use std::fmt;
use std::time::Duration;

use async_trait::async_trait;
use authing_core::{BodyCollector, DEFAULT_MAX_RESPONSE_BYTES, Error, Transport, TransportError};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Body as _;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::{Connect, HttpConnector};

use crate::builder::HyperTransportBuilder;
use crate::error::{TimedOut, check_uri, classify_body, classify_request};

/// How long a whole request may take by default: 10 seconds.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long connecting over TCP may take by default, with [`HyperTransport::new`]: 5 seconds.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The connector of [`HyperTransport::new`]: rustls over hyper-util's TCP connector, for
/// `https://` and `http://` URLs.
pub type DefaultConnector = HttpsConnector<HttpConnector>;

/// The hyper-util client a [`HyperTransport`] wraps.
pub type HyperClient<C = DefaultConnector> = Client<C, Full<Bytes>>;

/// A [`Transport`] over hyper-util's pooled [`Client`], generic over its connector.
///
/// [`new`](HyperTransport::new) and [`builder`](HyperTransport::builder) make one with the
/// [`DefaultConnector`]; [`from_client`](Self::from_client) wraps a client you built. hyper has
/// no request timeout of its own, so the transport bounds each request, from connecting to the
/// last byte of the body, with `tokio::time::timeout` ([`DEFAULT_TIMEOUT`] unless changed
/// with [`with_timeout`](Self::with_timeout)).
///
/// Every HTTP status, 3xx and 5xx included, comes back as `Ok(response)` with its headers and
/// whole body. Failures map to [`TransportErrorKind`](authing_core::TransportErrorKind)s:
///
/// | hyper says | kind | `maybe_sent` |
/// | --- | --- | --- |
/// | connect failed, TLS error in its source chain | `Tls` | no |
/// | connect failed, timed out | `Timeout` | no |
/// | connect failed | `Connect` | no |
/// | no complete response within the timeout | `Timeout` | yes |
/// | the connection broke while sending or reading | `Io` | yes |
/// | the URI is not absolute `http(s)://` | `Other` | no |
/// | the answer is larger than [`max_response_bytes`](Self::max_response_bytes) | `ResponseTooLarge` | yes |
/// | anything else | `Other` | yes |
///
/// An answer is read up to [`DEFAULT_MAX_RESPONSE_BYTES`] (32 MiB) unless set otherwise with
/// [`HyperTransportBuilder::max_response_bytes`] or
/// [`with_max_response_bytes`](Self::with_max_response_bytes): a larger `Content-Length` is
/// refused before the body is read, and a body without one is read no further than the limit.
///
/// The hyper error is kept as the [`source`](std::error::Error::source).
///
/// Cloning is cheap: clones share the connection pool.
///
/// ```no_run
/// use authing_core::Transport;
/// use authing_transport_hyper::HyperTransport;
/// use bytes::Bytes;
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let transport = HyperTransport::new()?;
/// let request = http::Request::post("https://core.authing.cn/graphql/v2")
///     .header("content-type", "application/json")
///     .body(Bytes::from_static(br#"{"query":"{ __typename }"}"#))?;
/// let response = transport.send(request).await?;
/// assert!(response.status().is_success());
/// # Ok(())
/// # }
/// ```
pub struct HyperTransport<C = DefaultConnector> {
    client: HyperClient<C>,
    timeout: Duration,
    max_response_bytes: usize,
}

impl HyperTransport {
    /// A transport with the [`DefaultConnector`] and the defaults; see
    /// [`HyperTransportBuilder`].
    ///
    /// ```
    /// use authing_transport_hyper::HyperTransport;
    ///
    /// let transport = HyperTransport::new()?;
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn new() -> Result<Self, Error> {
        Self::builder().build()
    }

    /// A builder to set timeouts and certificate checks.
    ///
    /// ```
    /// use std::time::Duration;
    /// use authing_transport_hyper::HyperTransport;
    ///
    /// let transport = HyperTransport::builder()
    ///     .timeout(Duration::from_secs(5))
    ///     .build()?;
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn builder() -> HyperTransportBuilder {
        HyperTransportBuilder::new()
    }
}

impl<C> HyperTransport<C> {
    /// Wraps a client you built, with [`DEFAULT_TIMEOUT`] per request and answers of up to
    /// [`DEFAULT_MAX_RESPONSE_BYTES`].
    ///
    /// hyper never follows redirects, so any client keeps that part of the contract.
    ///
    /// ```
    /// use authing_transport_hyper::{HyperClient, HyperTransport};
    /// use hyper_util::client::legacy::Client;
    /// use hyper_util::client::legacy::connect::HttpConnector;
    /// use hyper_util::rt::TokioExecutor;
    ///
    /// // Plain HTTP only, e.g. for a fake Authing on localhost.
    /// let client: HyperClient<HttpConnector> =
    ///     Client::builder(TokioExecutor::new()).build(HttpConnector::new());
    /// let transport = HyperTransport::from_client(client);
    /// ```
    pub fn from_client(client: HyperClient<C>) -> Self {
        Self {
            client,
            timeout: DEFAULT_TIMEOUT,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    /// The same transport with another per-request timeout.
    ///
    /// ```
    /// use std::time::Duration;
    /// use authing_transport_hyper::HyperTransport;
    ///
    /// let transport = HyperTransport::new()?.with_timeout(Duration::from_secs(30));
    /// assert_eq!(transport.timeout(), Duration::from_secs(30));
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long a whole request may take.
    ///
    /// ```
    /// use authing_transport_hyper::{DEFAULT_TIMEOUT, HyperTransport};
    ///
    /// assert_eq!(HyperTransport::new()?.timeout(), DEFAULT_TIMEOUT);
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The same transport, reading answers of at most `max_response_bytes` bytes (see
    /// [`HyperTransportBuilder::max_response_bytes`]).
    ///
    /// ```
    /// use authing_transport_hyper::HyperTransport;
    ///
    /// let transport = HyperTransport::new()?.with_max_response_bytes(4 * 1024 * 1024);
    /// assert_eq!(transport.max_response_bytes(), 4 * 1024 * 1024);
    /// # Ok::<(), authing_core::Error>(())
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
    /// use authing_transport_hyper::HyperTransport;
    ///
    /// assert_eq!(HyperTransport::new()?.max_response_bytes(), DEFAULT_MAX_RESPONSE_BYTES);
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn max_response_bytes(&self) -> usize {
        self.max_response_bytes
    }

    /// The wrapped client.
    ///
    /// ```
    /// use authing_transport_hyper::{HyperClient, HyperTransport};
    ///
    /// let transport = HyperTransport::new()?;
    /// let client: &HyperClient = transport.inner();
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn inner(&self) -> &HyperClient<C> {
        &self.client
    }
}

/// Wraps a client you built, like [`HyperTransport::from_client`].
///
/// ```
/// use authing_transport_hyper::{HyperClient, HyperTransport};
/// use hyper_util::client::legacy::Client;
/// use hyper_util::client::legacy::connect::HttpConnector;
/// use hyper_util::rt::TokioExecutor;
///
/// let client: HyperClient<HttpConnector> =
///     Client::builder(TokioExecutor::new()).build(HttpConnector::new());
/// let transport = HyperTransport::from(client);
/// ```
impl<C> From<HyperClient<C>> for HyperTransport<C> {
    fn from(client: HyperClient<C>) -> Self {
        Self::from_client(client)
    }
}

impl<C: Clone> Clone for HyperTransport<C> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
            timeout: self.timeout,
            max_response_bytes: self.max_response_bytes,
        }
    }
}

impl<C> fmt::Debug for HyperTransport<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HyperTransport")
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

#[async_trait]
impl<C> Transport for HyperTransport<C>
where
    C: Connect + Clone + Send + Sync + 'static,
{
    async fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        check_uri(request.uri())?;
        let request = request.map(Full::new);
        let exchange = async {
            let response = self
                .client
                .request(request)
                .await
                .map_err(classify_request)?;
            let (parts, mut body) = response.into_parts();
            // Dropping `body` at an error closes the connection: nothing more is read.
            let mut collected =
                BodyCollector::new(self.max_response_bytes, body.size_hint().exact())?;
            while let Some(frame) = body.frame().await {
                if let Ok(data) = frame.map_err(classify_body)?.into_data() {
                    collected.push(data)?;
                }
            }
            Ok(http::Response::from_parts(parts, collected.finish()))
        };
        tokio::time::timeout(self.timeout, exchange)
            .await
            .unwrap_or_else(|_| Err(TransportError::timeout(TimedOut(self.timeout))))
    }
}
