//! [`ReqwestTransportBuilder`]: a [`ReqwestTransport`] with its own timeouts and TLS checks.

use std::time::Duration;

use authing_core::{DEFAULT_MAX_RESPONSE_BYTES, Error};

use crate::transport::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, ReqwestTransport};

/// Builds a [`ReqwestTransport`]; made by [`ReqwestTransport::builder`].
///
/// Whatever is set here, the client uses rustls and never follows redirects.
///
/// ```
/// use std::time::Duration;
/// use authing_transport_reqwest::ReqwestTransport;
///
/// let transport = ReqwestTransport::builder()
///     .timeout(Duration::from_secs(30))
///     .connect_timeout(Duration::from_secs(3))
///     .build()?;
/// # Ok::<(), authing_core::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ReqwestTransportBuilder {
    timeout: Duration,
    connect_timeout: Duration,
    danger_accept_invalid_certs: bool,
    max_response_bytes: usize,
}

impl Default for ReqwestTransportBuilder {
    fn default() -> Self {
        Self {
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            danger_accept_invalid_certs: false,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

impl ReqwestTransportBuilder {
    /// A builder with the defaults: [`DEFAULT_TIMEOUT`], [`DEFAULT_CONNECT_TIMEOUT`],
    /// certificates verified, and answers of up to [`DEFAULT_MAX_RESPONSE_BYTES`] (32 MiB).
    pub fn new() -> Self {
        Self::default()
    }

    /// How long a whole request may take, from connecting to the last byte of the body.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use authing_transport_reqwest::ReqwestTransport;
    /// let builder = ReqwestTransport::builder().timeout(Duration::from_secs(30));
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long connecting (TCP and TLS) may take.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use authing_transport_reqwest::ReqwestTransport;
    /// let builder = ReqwestTransport::builder().connect_timeout(Duration::from_secs(2));
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
    /// # use authing_transport_reqwest::ReqwestTransport;
    /// let transport = ReqwestTransport::builder()
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
    /// self-signed certificate; for a private deployment with its own CA, give a configured
    /// [`reqwest::Client`] that trusts that CA to [`ReqwestTransport::from`] instead.
    ///
    /// ```
    /// # use authing_transport_reqwest::ReqwestTransport;
    /// // Only against a local test server!
    /// let transport = ReqwestTransport::builder()
    ///     .danger_accept_invalid_certs(true)
    ///     .build()?;
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn danger_accept_invalid_certs(mut self, accept: bool) -> Self {
        self.danger_accept_invalid_certs = accept;
        self
    }

    /// Builds the transport; a [`Config`](Error::Config) error if reqwest cannot build its
    /// client (e.g. the TLS backend fails to initialise).
    ///
    /// ```
    /// # use authing_transport_reqwest::ReqwestTransport;
    /// let transport = ReqwestTransport::builder().build()?;
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn build(self) -> Result<ReqwestTransport, Error> {
        reqwest::Client::builder()
            .use_rustls_tls()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .danger_accept_invalid_certs(self.danger_accept_invalid_certs)
            .build()
            .map(|client| {
                ReqwestTransport::from(client).with_max_response_bytes(self.max_response_bytes)
            })
            .map_err(|e| Error::config(format!("could not build the reqwest client: {e}")))
    }
}
