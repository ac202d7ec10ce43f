//! Core of the Authing Rust SDK.
//!
//! This crate has no HTTP client of its own. It defines the seams the rest of the SDK is
//! built on and the types every crate shares:
//!
//! - [`Transport`]: how a request reaches Authing (implemented by `authing-transport-reqwest`,
//!   `authing-transport-hyper`, the in-process fake in `authing-mock`, or your own stack);
//! - [`Encryptor`]: how passwords are encrypted before they leave the process
//!   ([`RsaEncryptor`] by default, with Authing's public-cloud key built in);
//! - [`Error`]: one error type for every way a call can fail, and [`codes`]: Authing's error
//!   codes by name; [`ResponseHeaders`]: what a failed answer's headers say to do next;
//! - [`BodyCollector`] and [`DEFAULT_MAX_RESPONSE_BYTES`]: how a transport reads an answer
//!   without reading past a size limit;
//! - [`Secret`]: secrets, passwords and tokens that never print;
//! - [`ApiClient`]: the request executor both `ManagementClient` and
//!   `AuthenticationClient` are built on (common headers, GraphQL and REST envelopes);
//! - [`ClientOptions`]: the settings every client shares, validated in one place
//!   ([`ApiClientBuilder::build`]), with the setters every builder exposes for them
//!   ([`client_options_setters!`]);
//! - [`Operation`], [`operation::send`] and [`operation!`]: every call as data, sent by one
//!   path;
//! - [`GraphQlOperation`] and the GraphQL documents and fragments the SDK's clients share
//!   ([`graphql_operations!`], [`graphql::documents`], [`graphql::fragments`]);
//! - [`model`]: the data Authing returns and the inputs it takes.

mod answer;
pub mod api;
pub mod body_limit;
pub mod clock;
pub mod codes;
mod decode_reason;
pub mod encrypt;
pub mod error;
pub mod graphql;
pub mod headers;
pub mod host;
pub mod lang;
pub mod model;
pub mod operation;
pub mod options;
pub mod response_headers;
pub mod rest;
pub mod secret;
pub mod shared_operations;
pub mod totp;
pub mod transport;
pub mod transport_error;

pub use api::{ApiClient, ApiClientBuilder};
pub use body_limit::{BodyCollector, DEFAULT_MAX_RESPONSE_BYTES};
pub use clock::{Clock, SystemClock};
pub use encrypt::{Encryptor, RsaEncryptor};
pub use error::{Error, ResponseBody};
pub use graphql::GraphQlOperation;
pub use host::BaseUrl;
pub use lang::Lang;
pub use operation::{Auth, Client, Operation, SessionEffect, Wire};
pub use options::{ClientOptions, NoTransport, OnError};
pub use response_headers::ResponseHeaders;
pub use secret::Secret;
pub use transport::{FnTransport, Transport, transport_fn};
pub use transport_error::{TransportError, TransportErrorKind};

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The version of this SDK, sent as `x-authing-sdk-version: rust:<version>`.
pub const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Authing's public cloud, the default host of every client.
pub const DEFAULT_HOST: &str = "https://core.authing.cn";
