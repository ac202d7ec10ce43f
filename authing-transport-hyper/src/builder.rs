//! [`HyperTransportBuilder`]: a [`HyperTransport`] with its own timeouts and TLS checks.

use std::sync::Arc;
use std::time::Duration;

use authing_core::{DEFAULT_MAX_RESPONSE_BYTES, Error};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use rustls::ClientConfig;
use rustls::crypto::CryptoProvider;

use crate::danger::DangerousAcceptAnyServerCert;
use crate::transport::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, HyperTransport};

/// Builds a [`HyperTransport`] with the [`DefaultConnector`](crate::DefaultConnector); made
/// by [`HyperTransport::builder`].
///
/// The connector uses rustls with the `ring` provider, set on this client only (no process-wide
/// provider is installed or needed), Mozilla's root certificates, ALPN for HTTP/2 and
/// HTTP/1.1, and accepts `https://` and `http://` URLs.
///
/// ```
/// use std::time::Duration;
/// use authing_transport_hyper::HyperTransport;
///
/// let transport = HyperTransport::builder()
///     .timeout(Duration::from_secs(30))
///     .connect_timeout(Duration::from_secs(3))
///     .build()?;
/// # Ok::<(), authing_core::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct HyperTransportBuilder {
    timeout: Duration,
    connect_timeout: Duration,
    danger_accept_invalid_certs: bool,
    max_response_bytes: usize,
}

impl Default for HyperTransportBuilder {
    fn default() -> Self {
        Self {
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            danger_accept_invalid_certs: false,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

impl HyperTransportBuilder {
    /// A builder with the defaults: [`DEFAULT_TIMEOUT`], [`DEFAULT_CONNECT_TIMEOUT`],
    /// certificates verified, and answers of up to [`DEFAULT_MAX_RESPONSE_BYTES`] (32 MiB).
    pub fn new() -> Self {
        Self::default()
    }

    /// How long a whole request may take, from connecting to the last byte of the body.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use authing_transport_hyper::HyperTransport;
    /// let builder = HyperTransport::builder().timeout(Duration::from_secs(30));
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long opening the TCP connection may take (the TLS handshake counts against
    /// [`timeout`](Self::timeout) only).
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use authing_transport_hyper::HyperTransport;
    /// let builder = HyperTransport::builder().connect_timeout(Duration::from_secs(2));
    /// ```
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The largest answer, in bytes, the transport reads ([`DEFAULT_MAX_RESPONSE_BYTES`], 32
    /// MiB, unless set). A larger answer fails with
    /// [`TransportErrorKind::ResponseTooLarge`](authing_core::TransportErrorKind::ResponseTooLarge):
    /// a `Content-Length` above it is refused before the body is read, and a body without one
    /// is read no further than the limit. It bounds the memory a broken or hostile server can
    /// make a call use.
    ///
    /// ```
    /// # use authing_transport_hyper::HyperTransport;
    /// let transport = HyperTransport::builder()
    ///     .max_response_bytes(4 * 1024 * 1024)
    ///     .build()?;
    /// assert_eq!(transport.max_response_bytes(), 4 * 1024 * 1024);
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn max_response_bytes(mut self, max_response_bytes: usize) -> Self {
        self.max_response_bytes = max_response_bytes;
        self
    }

    /// Accepts any server certificate: self-signed, expired, or for another host. Off by default.
    ///
    /// This is the other Authing SDKs' `use_unverified_ssl`. It is dangerous: with it, anyone
    /// who can intercept the connection can pose as Authing and read every request, including
    /// the app secret, passwords and tokens. Use it only against a test server with a
    /// self-signed certificate; for a private deployment with its own CA, build a client whose
    /// connector trusts that CA and use [`HyperTransport::from_client`] instead.
    ///
    /// ```
    /// # use authing_transport_hyper::HyperTransport;
    /// // Only against a local test server!
    /// let transport = HyperTransport::builder()
    ///     .danger_accept_invalid_certs(true)
    ///     .build()?;
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn danger_accept_invalid_certs(mut self, accept: bool) -> Self {
        self.danger_accept_invalid_certs = accept;
        self
    }

    /// Builds the transport; a [`Config`](Error::Config) error if rustls rejects the
    /// configuration.
    ///
    /// ```
    /// # use authing_transport_hyper::HyperTransport;
    /// let transport = HyperTransport::builder().build()?;
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn build(self) -> Result<HyperTransport, Error> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let tls = self.tls_config(provider)?;

        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(Some(self.connect_timeout));

        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .enable_http2()
            .wrap_connector(http);
        let client = Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .timer(TokioTimer::new())
            .build(connector);
        Ok(HyperTransport::from_client(client)
            .with_timeout(self.timeout)
            .with_max_response_bytes(self.max_response_bytes))
    }

    fn tls_config(&self, provider: Arc<CryptoProvider>) -> Result<ClientConfig, Error> {
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::config(format!("could not configure TLS: {e}")))?;
        let config = if self.danger_accept_invalid_certs {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(DangerousAcceptAnyServerCert::new(
                    provider,
                )))
                .with_no_client_auth()
        } else {
            let roots = rustls::RootCertStore {
                roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
            };
            builder.with_root_certificates(roots).with_no_client_auth()
        };
        Ok(config)
    }
}
