//! The Authing SDK for Rust.
//!
//! This crate re-exports the workspace's crates behind features, so one dependency is enough:
//!
//! | feature | what it brings |
//! |---|---|
//! | `reqwest` (default) | `ReqwestTransport`, the transport most services want |
//! | `hyper` | `HyperTransport`, for people on a bare hyper stack |
//! | `mock` | `mock`, the fake Authing for tests, in-process or on a socket |
//!
//! # Example
//!
//! ```no_run
//! # #[cfg(feature = "reqwest")]
//! # async fn run() -> Result<(), authing::Error> {
//! use authing::{ManagementClient, ReqwestTransport};
//!
//! let client = ManagementClient::builder("YOUR_USERPOOL_ID", "YOUR_USERPOOL_SECRET")
//!     .transport(ReqwestTransport::new()?)
//!     .build()?;
//! let page = client.users().list().page(1).limit(10).await?;
//! println!("{} users", page.total_count);
//! # Ok(())
//! # }
//! ```

pub use authing_core::{
    ApiClient, BaseUrl, Clock, DEFAULT_MAX_RESPONSE_BYTES, Encryptor, Error, GraphQlOperation,
    Lang, OnError, ResponseHeaders, Result, RsaEncryptor, Secret, SystemClock, Transport,
    TransportError, TransportErrorKind, model, transport_fn,
};

/// The administrator API: [`ManagementClient`] and its handlers.
pub use authing_management as management;
pub use authing_management::ManagementClient;

/// The end-user API: [`AuthenticationClient`].
pub use authing_authentication as authentication;
pub use authing_authentication::AuthenticationClient;

/// Everything of `authing-core`.
pub use authing_core as core;

#[cfg(feature = "reqwest")]
pub use authing_transport_reqwest::ReqwestTransport;

#[cfg(feature = "hyper")]
pub use authing_transport_hyper::HyperTransport;

/// The fake Authing for tests (feature `mock`).
#[cfg(feature = "mock")]
pub use authing_mock as mock;

// The README's examples compile as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;
