//! [`ClientOptions`]: the settings every client shares, the
//! [`client_options_setters!`](crate::client_options_setters) that give a builder its setters
//! for them, and [`NoTransport`], the transport of a builder that has none yet.
//!
//! `ManagementClientBuilder`, `AuthenticationClientBuilder` and
//! [`ApiClientBuilder`](crate::ApiClientBuilder) keep these settings in one `ClientOptions`
//! field, expose the same setters for them, and hand them to
//! [`ApiClientBuilder::options`](crate::ApiClientBuilder::options), whose
//! [`build`](crate::ApiClientBuilder::build) validates them and makes the
//! [`ApiClient`](crate::ApiClient).

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::encrypt::Encryptor;
use crate::error::Error;
use crate::lang::Lang;

/// A callback run on every error a client returns, before it is returned; the Rust form of
/// the `on_error` option of Authing's other SDKs. `Result` stays the primary channel.
pub type OnError = Arc<dyn Fn(&Error) + Send + Sync>;

/// The settings every Authing client shares: host, language, password encryption, per-call
/// deadline and error hook. Nothing is checked here;
/// [`ApiClientBuilder::build`](crate::ApiClientBuilder::build) checks it all.
///
/// ```
/// use std::time::Duration;
/// use authing_core::{ApiClient, ClientOptions, Lang, transport_fn};
///
/// # let transport = transport_fn(|_r: http::Request<bytes::Bytes>| async {
/// #     Ok(http::Response::new(bytes::Bytes::new()))
/// # });
/// let mut options = ClientOptions::default();
/// options.host = Some("https://auth.example.com".into());
/// options.lang = Lang::EnUs;
/// options.timeout = Some(Duration::from_secs(10));
/// let api = ApiClient::builder(transport).options(options).build()?;
/// assert_eq!(api.lang(), Lang::EnUs);
/// # Ok::<(), authing_core::Error>(())
/// ```
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct ClientOptions {
    /// The Authing host; `None` is [`DEFAULT_HOST`](crate::DEFAULT_HOST).
    pub host: Option<String>,
    /// The language of Authing's messages.
    pub lang: Lang,
    /// A PEM public key passwords are encrypted with; `None` is Authing's public cloud key.
    pub enc_public_key: Option<String>,
    /// A password encryptor; takes precedence over `enc_public_key`.
    pub encryptor: Option<Arc<dyn Encryptor>>,
    /// A deadline for each call, on top of the transport's own timeouts.
    pub timeout: Option<Duration>,
    /// The hook run on every error a call returns.
    pub on_error: Option<OnError>,
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field(
                "host",
                &self.host.as_deref().map(crate::host::without_credentials),
            )
            .field("lang", &self.lang)
            .field(
                "enc_public_key",
                &self.enc_public_key.as_ref().map(|_| "PEM"),
            )
            .field("encryptor", &self.encryptor)
            .field("timeout", &self.timeout)
            .field("on_error", &self.on_error.as_ref().map(|_| "Fn"))
            .finish()
    }
}

/// The transport of a client builder before one is chosen: `build` needs a real
/// [`Transport`](crate::Transport), so forgetting `.transport(..)` is a compile error.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoTransport;

/// Generates the setters of the shared [`ClientOptions`] on a builder that keeps them in the
/// field named by the argument: `host`, `lang`, `enc_public_key`, `encryptor`, `timeout` and
/// `on_error`, each taking `self` and returning `Self`.
///
/// Every client builder of the SDK uses it, so the options are set the same way, with the
/// same names and documentation, on all of them.
///
/// ```
/// use authing_core::{ClientOptions, Lang};
///
/// #[derive(Default)]
/// struct MyBuilder {
///     options: ClientOptions,
/// }
///
/// impl MyBuilder {
///     authing_core::client_options_setters!(options);
/// }
///
/// let builder = MyBuilder::default().host("https://auth.example.com").lang(Lang::EnUs);
/// assert_eq!(builder.options.host.as_deref(), Some("https://auth.example.com"));
/// ```
#[macro_export]
macro_rules! client_options_setters {
    ($options:ident) => {
        /// The Authing host (default `https://core.authing.cn`); private deployments pass
        /// theirs. It must be an absolute `http(s)` URL.
        pub fn host(mut self, host: impl ::core::convert::Into<::std::string::String>) -> Self {
            self.$options.host = ::core::option::Option::Some(host.into());
            self
        }

        /// The language of Authing's messages (default `zh-CN`).
        pub fn lang(mut self, lang: $crate::Lang) -> Self {
            self.$options.lang = lang;
            self
        }

        /// The PEM public key passwords are encrypted with (default: Authing's public cloud
        /// key); private deployments pass theirs.
        pub fn enc_public_key(
            mut self,
            pem: impl ::core::convert::Into<::std::string::String>,
        ) -> Self {
            self.$options.enc_public_key = ::core::option::Option::Some(pem.into());
            self
        }

        /// A password encryptor of your own; takes precedence over
        /// [`enc_public_key`](Self::enc_public_key).
        pub fn encryptor(mut self, encryptor: ::std::sync::Arc<dyn $crate::Encryptor>) -> Self {
            self.$options.encryptor = ::core::option::Option::Some(encryptor);
            self
        }

        /// A deadline for each call, on top of the transport's own timeouts; it must be
        /// longer than zero.
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.$options.timeout = ::core::option::Option::Some(timeout);
            self
        }

        /// A hook run on every error a call returns, just before it is returned. Errors the
        /// client recovers from itself (such as a rejected management token it refreshes)
        /// do not reach it.
        pub fn on_error(mut self, hook: $crate::OnError) -> Self {
            self.$options.on_error = ::core::option::Option::Some(hook);
            self
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_does_not_print_credentials_in_the_host() {
        let options = ClientOptions {
            host: Some("https://alice:hunter2@idp.example.com".into()),
            ..ClientOptions::default()
        };
        let debug = format!("{options:?}");
        assert!(
            !debug.contains("alice") && !debug.contains("hunter2"),
            "{debug}"
        );
        assert!(debug.contains("https://***@idp.example.com"), "{debug}");
    }
}
