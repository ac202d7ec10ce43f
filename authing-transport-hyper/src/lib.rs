//! A [hyper] transport for the Authing SDK.
//!
//! [`HyperTransport`] implements [`authing_core::Transport`] over hyper-util's pooled
//! [`Client`](hyper_util::client::legacy::Client). By default it connects with rustls (the
//! `ring` provider, Mozilla's root certificates from `webpki-roots`), speaks HTTP/1.1 and
//! HTTP/2, and gives every request [`DEFAULT_TIMEOUT`]. It keeps the transport contract:
//! every HTTP status comes back as a response, redirects are never followed (hyper has no
//! redirect support), and failures are classified as
//! [`TransportErrorKind`](authing_core::TransportErrorKind)s.
//!
//! ```no_run
//! use authing_core::Transport;
//! use authing_transport_hyper::HyperTransport;
//! use bytes::Bytes;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let transport = HyperTransport::new()?;
//! let request = http::Request::get("https://core.authing.cn/api/v2/users/me")
//!     .body(Bytes::new())?;
//! let response = transport.send(request).await?;
//! println!("{} {:?}", response.status(), response.body());
//! # Ok(())
//! # }
//! ```
//!
//! Have your own connector (a proxy, a custom resolver, client certificates)? Build a
//! `Client<C, Full<Bytes>>` with it and hand it to [`HyperTransport::from_client`].
//!
//! The transport spawns connection tasks and uses `tokio::time`, so it must run inside a
//! tokio runtime.

mod builder;
mod danger;
mod error;
mod transport;

pub use authing_core::DEFAULT_MAX_RESPONSE_BYTES;
pub use builder::HyperTransportBuilder;
pub use transport::{
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, DefaultConnector, HyperClient, HyperTransport,
};
