//! [`ApiClient`]: the request executor under `ManagementClient` and `AuthenticationClient`.
//!
//! It owns what every call shares: the transport, the validated host, the common headers
//! (built once), the password encryptor, the per-call deadline and the `on_error` hook.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::header::{AUTHORIZATION, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, Method};

use crate::encrypt::{Encryptor, RsaEncryptor};
use crate::error::Error;
use crate::headers;
use crate::host::BaseUrl;
use crate::lang::Lang;
use crate::options::{ClientOptions, OnError};
use crate::secret::Secret;
use crate::transport::Transport;
use crate::transport_error::TransportError;

/// Sends GraphQL and REST requests to one Authing host with the common headers.
pub struct ApiClient<T> {
    transport: T,
    pub(crate) host: BaseUrl,
    pub(crate) graphql_url: String,
    common_headers: HeaderMap,
    pub(crate) encryptor: Arc<dyn Encryptor>,
    timeout: Option<Duration>,
    on_error: Option<OnError>,
    lang: Lang,
}

impl<T: Clone> Clone for ApiClient<T> {
    fn clone(&self) -> Self {
        Self {
            transport: self.transport.clone(),
            host: self.host.clone(),
            graphql_url: self.graphql_url.clone(),
            common_headers: self.common_headers.clone(),
            encryptor: Arc::clone(&self.encryptor),
            timeout: self.timeout,
            on_error: self.on_error.clone(),
            lang: self.lang,
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for ApiClient<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiClient")
            .field("host", &self.host)
            .field("lang", &self.lang)
            .field("timeout", &self.timeout)
            .field("encryptor", &self.encryptor)
            .field("on_error", &self.on_error.as_ref().map(|_| "Fn"))
            .field("transport", &self.transport)
            .finish()
    }
}

impl<T> ApiClient<T> {
    /// The host every request goes to.
    pub fn host(&self) -> &BaseUrl {
        &self.host
    }

    /// The language of Authing's messages.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The same client with Authing's messages in `lang` (`x-authing-lang`): a clone with
    /// one header changed, no parsing.
    pub fn with_lang(&self, lang: Lang) -> Self
    where
        T: Clone,
    {
        let mut client = self.clone();
        client
            .common_headers
            .insert(headers::LANG, HeaderValue::from_static(lang.as_str()));
        client.lang = lang;
        client
    }

    /// The transport.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// Encrypts a password with this client's key.
    pub fn encrypt(&self, password: &Secret) -> Result<String, Error> {
        self.encryptor.encrypt(password.expose())
    }

    /// Runs the `on_error` hook on `error`, then hands it back. [`send`](crate::operation::send)
    /// calls it once per failed call.
    pub fn report(&self, error: Error) -> Error {
        if let Some(hook) = &self.on_error {
            hook(&error);
        }
        error
    }

    /// A request to `url` with the common headers, and a JSON `body` when given.
    pub(crate) fn request(
        &self,
        method: Method,
        url: &str,
        body: Option<Bytes>,
    ) -> Result<http::Request<Bytes>, Error> {
        let has_body = body.is_some();
        let mut request = http::Request::builder()
            .method(method)
            .uri(url)
            .body(body.unwrap_or_default())
            .map_err(|e| {
                Error::invalid_argument(format!("cannot build a request to {url}: {e}"))
            })?;
        let headers = request.headers_mut();
        headers.extend(self.common_headers.clone());
        if has_body {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        Ok(request)
    }
}

impl<T: Transport> ApiClient<T> {
    /// Starts building a client over `transport`.
    pub fn builder(transport: T) -> ApiClientBuilder<T> {
        ApiClientBuilder {
            transport,
            user_pool_id: None,
            app_id: None,
            options: ClientOptions::default(),
        }
    }

    /// Sends a prepared request, authorised by `token` when given, within the client's
    /// deadline. Every HTTP status is `Ok` here; decoding decides what it means.
    pub async fn execute(
        &self,
        mut request: http::Request<Bytes>,
        token: Option<&Secret>,
    ) -> Result<http::Response<Bytes>, Error> {
        if let Some(token) = token {
            let mut value =
                HeaderValue::try_from(format!("Bearer {}", token.expose())).map_err(|_| {
                    Error::invalid_argument("the token contains characters a header cannot carry")
                })?;
            value.set_sensitive(true);
            request.headers_mut().insert(AUTHORIZATION, value);
        }
        let sent = self.transport.send(request);
        let response = match self.timeout {
            Some(limit) => tokio::time::timeout(limit, sent)
                .await
                .map_err(|_| TransportError::timeout(format!("no answer within {limit:?}")))??,
            None => sent.await?,
        };
        Ok(response)
    }
}

/// Builds an [`ApiClient`]; every setting is validated in [`build`](Self::build).
///
/// This is where every client's [`ClientOptions`] are checked and turned into an
/// `ApiClient`: `ManagementClientBuilder` and `AuthenticationClientBuilder` pass theirs with
/// [`options`](Self::options).
#[must_use]
pub struct ApiClientBuilder<T> {
    transport: T,
    user_pool_id: Option<String>,
    app_id: Option<String>,
    options: ClientOptions,
}

impl<T: Transport> ApiClientBuilder<T> {
    crate::client_options_setters!(options);

    /// Sent as `x-authing-userpool-id`.
    pub fn user_pool_id(mut self, user_pool_id: impl Into<String>) -> Self {
        self.user_pool_id = Some(user_pool_id.into());
        self
    }

    /// Sent as `x-authing-app-id`.
    pub fn app_id(mut self, app_id: impl Into<String>) -> Self {
        self.app_id = Some(app_id.into());
        self
    }

    /// Replaces every shared option (host, language, encryption, timeout, error hook) at
    /// once.
    pub fn options(mut self, options: ClientOptions) -> Self {
        self.options = options;
        self
    }

    /// Validates the settings and builds the client.
    pub fn build(self) -> Result<ApiClient<T>, Error> {
        let ClientOptions {
            host,
            lang,
            enc_public_key,
            encryptor,
            timeout,
            on_error,
        } = self.options;
        let host = BaseUrl::parse(host.as_deref().unwrap_or(crate::DEFAULT_HOST))?;
        let encryptor: Arc<dyn Encryptor> = match (encryptor, enc_public_key) {
            (Some(encryptor), _) => encryptor,
            (None, Some(pem)) => Arc::new(RsaEncryptor::from_pem(&pem)?),
            (None, None) => RsaEncryptor::authing_public_cloud()?,
        };
        if timeout == Some(Duration::ZERO) {
            return Err(Error::config("the timeout must be longer than zero"));
        }
        let mut common_headers = HeaderMap::new();
        let sdk_version = format!("rust:{}", crate::SDK_VERSION);
        common_headers.insert(headers::REQUEST_FROM, HeaderValue::from_static("sdk"));
        common_headers.insert(
            headers::SDK_VERSION,
            header_value("SDK version", &sdk_version)?,
        );
        common_headers.insert(headers::LANG, HeaderValue::from_static(lang.as_str()));
        if let Some(pool) = &self.user_pool_id {
            common_headers.insert(headers::USERPOOL_ID, header_value("user pool id", pool)?);
        }
        if let Some(app) = &self.app_id {
            common_headers.insert(headers::APP_ID, header_value("app id", app)?);
        }
        Ok(ApiClient {
            transport: self.transport,
            graphql_url: host.join("/graphql/v2"),
            host,
            common_headers,
            encryptor,
            timeout,
            on_error,
            lang,
        })
    }
}

/// `value` as a header; the error says where the bad character is but does not quote the
/// value (a secret pasted into the wrong setting must not end up in logs).
fn header_value(what: &str, value: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(value).map_err(|_| {
        let position = value
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_graphic() || *c == ' ' || *c == '\t'))
            .map_or_else(String::new, |(at, _)| format!(" (at byte {at})"));
        Error::config(format!(
            "the {what} contains a character an HTTP header cannot carry{position}; \
             copy it again from the Authing console"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::transport_fn;

    fn recording(answer: &'static str) -> impl Transport {
        transport_fn(move |_request: http::Request<Bytes>| async move {
            Ok(http::Response::new(Bytes::from_static(answer.as_bytes())))
        })
    }

    #[test]
    fn bad_settings_fail_at_build() {
        let transport = recording("{}");
        let transport = Arc::new(transport);
        let error = ApiClient::builder(Arc::clone(&transport))
            .host("nope")
            .build()
            .expect_err("bad host");
        assert!(matches!(error, Error::Config(_)));
        let error = ApiClient::builder(Arc::clone(&transport))
            .user_pool_id("a\nb")
            .build()
            .expect_err("bad header");
        assert!(error.to_string().contains("user pool id"), "{error}");
        let error = ApiClient::builder(Arc::clone(&transport))
            .app_id("app-id-with-secret-42\n")
            .build()
            .expect_err("bad header");
        for printed in [error.to_string(), format!("{error:?}")] {
            assert!(!printed.contains("secret-42"), "{printed}");
            assert!(
                printed.contains("app id") && printed.contains("at byte 21"),
                "{printed}"
            );
        }
        let error = ApiClient::builder(Arc::clone(&transport))
            .enc_public_key("xx")
            .build()
            .expect_err("bad key");
        assert!(matches!(error, Error::Config(_)));
    }
}
