//! A [reqwest] transport for the Authing SDK.
//!
//! [`ReqwestTransport`] implements [`authing_core::Transport`] over a [`reqwest::Client`]. It
//! keeps the transport contract: every HTTP status comes back as a response, redirects are
//! never followed, and failures are classified as [`authing_core::TransportErrorKind`]s.
//!
//! ```no_run
//! use authing_core::Transport;
//! use authing_transport_reqwest::ReqwestTransport;
//! use bytes::Bytes;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let transport = ReqwestTransport::new()?;
//! let request = http::Request::get("https://core.authing.cn/api/v2/users/me")
//!     .body(Bytes::new())?;
//! let response = transport.send(request).await?;
//! println!("{} {:?}", response.status(), response.body());
//! # Ok(())
//! # }
//! ```
//!
//! Already have a configured client (proxy, pool, certificates)? Wrap it:
//! `ReqwestTransport::from(client)`; see [`ReqwestTransport`] for what it must be set up with.

mod builder;
mod error;
mod transport;

pub use authing_core::DEFAULT_MAX_RESPONSE_BYTES;
pub use builder::ReqwestTransportBuilder;
pub use transport::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, ReqwestTransport};
