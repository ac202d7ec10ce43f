//! [`ProtocolClient`]: one Authing application's OIDC, OAuth 2.0, CAS and SAML endpoints, and
//! its builder.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use authing_core::{Clock, Error, NoTransport, Secret, SystemClock, Transport};

use super::endpoints::{Endpoints, Protocol};
use super::validate::{SigningAlgorithm, Validator};
use super::wire::{ClientAuthMethod, ClientCredentials};

/// The standard-protocol side of one Authing application: authorize URLs and PKCE, the
/// token endpoint's grants, userinfo, introspection, revocation, local and online token
/// validation, logout URLs, [CAS](Self::cas) and [SAML](Self::saml).
///
/// Every call that talks to Authing has a pure `prepare()`, which returns the
/// `http::Request` it would send (to inspect or send yourself), and a `send()` over the
/// client's [`Transport`]; awaiting the call sends it. URL builders do no I/O.
///
/// The client is one `Arc`: `Clone` is cheap, and clones share the cached signing keys.
/// `T` is the transport; the default, `Arc<dyn Transport>`, is the type to name in fields.
///
/// ```
/// use authing_authentication::protocols::{ClientAuthMethod, ProtocolClient};
/// # let transport = authing_core::transport_fn(|_r: http::Request<bytes::Bytes>| async {
/// #     Ok(http::Response::new(bytes::Bytes::new()))
/// # });
///
/// let client = ProtocolClient::builder("https://my-app.authing.cn", "APP_ID")
///     .secret("APP_SECRET")
///     .redirect_uri("https://my-site.example.com/callback")
///     .token_auth_method(ClientAuthMethod::ClientSecretBasic)
///     .transport(transport)
///     .build()?; // validates everything; no I/O
/// assert_eq!(client.endpoints().issuer(), "https://my-app.authing.cn/oidc");
/// # Ok::<(), authing_core::Error>(())
/// ```
pub struct ProtocolClient<T = Arc<dyn Transport>> {
    pub(crate) inner: Arc<Inner<T>>,
}

pub(crate) struct Inner<T> {
    pub(crate) transport: T,
    pub(crate) app_id: String,
    pub(crate) secret: Option<Secret>,
    pub(crate) endpoints: Endpoints,
    pub(crate) protocol: Protocol,
    pub(crate) redirect_uri: Option<String>,
    pub(crate) token_auth: ClientAuthMethod,
    pub(crate) introspection_auth: ClientAuthMethod,
    pub(crate) revocation_auth: ClientAuthMethod,
    pub(crate) validator: Validator,
}

impl<T> Clone for ProtocolClient<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for ProtocolClient<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        f.debug_struct("ProtocolClient")
            .field("app_id", &inner.app_id)
            .field("secret", &inner.secret)
            .field("host", &inner.endpoints.host())
            .field("protocol", &inner.protocol)
            .field("redirect_uri", &inner.redirect_uri)
            .field("token_auth", &inner.token_auth)
            .field("introspection_auth", &inner.introspection_auth)
            .field("revocation_auth", &inner.revocation_auth)
            .field("validator", &inner.validator)
            .field("transport", &inner.transport)
            .finish()
    }
}

impl ProtocolClient<NoTransport> {
    /// Starts configuring the client of application `app_id` served at `app_host`
    /// (`https://my-app.authing.cn`, or a private deployment's application host).
    pub fn builder(
        app_host: impl Into<String>,
        app_id: impl Into<String>,
    ) -> ProtocolClientBuilder<NoTransport> {
        ProtocolClientBuilder {
            transport: NoTransport,
            app_host: app_host.into(),
            app_id: app_id.into(),
            secret: None,
            protocol: Protocol::Oidc,
            issuer: None,
            redirect_uri: None,
            token_auth: None,
            introspection_auth: None,
            revocation_auth: None,
            id_token_algorithm: SigningAlgorithm::Rs256,
            clock: None,
            leeway: Duration::from_secs(60),
            jwks_refresh_interval: Duration::from_secs(60),
        }
    }
}

impl<T> ProtocolClient<T> {
    /// The application id (the OAuth `client_id`).
    pub fn app_id(&self) -> &str {
        &self.inner.app_id
    }

    /// The application's protocol URLs.
    pub fn endpoints(&self) -> &Endpoints {
        &self.inner.endpoints
    }

    /// Whether token calls go to `/oidc/...` or `/oauth/...`.
    pub fn protocol(&self) -> Protocol {
        self.inner.protocol
    }

    /// The transport requests go through.
    pub fn transport(&self) -> &T {
        &self.inner.transport
    }

    /// The credentials a request to an endpoint authenticated by `method` carries.
    pub(crate) fn credentials(&self, method: ClientAuthMethod) -> ClientCredentials<'_> {
        ClientCredentials {
            id: &self.inner.app_id,
            secret: self.inner.secret.as_ref(),
            method,
        }
    }

    /// The redirect URI of a call: its own, else the client's; an error naming both setters
    /// when neither is set.
    pub(crate) fn redirect_uri<'a>(&'a self, own: Option<&'a str>) -> Result<&'a str, Error> {
        own.or(self.inner.redirect_uri.as_deref()).ok_or_else(|| {
            Error::invalid_argument(
                "no redirect URI: set one with `.redirect_uri(..)` on the builder or on this call",
            )
        })
    }
}

/// Configures a [`ProtocolClient`]; made by [`ProtocolClient::builder`].
///
/// Nothing is checked until [`build`](Self::build), which checks everything and does no I/O.
pub struct ProtocolClientBuilder<T> {
    transport: T,
    app_host: String,
    app_id: String,
    secret: Option<Secret>,
    protocol: Protocol,
    issuer: Option<String>,
    redirect_uri: Option<String>,
    token_auth: Option<ClientAuthMethod>,
    introspection_auth: Option<ClientAuthMethod>,
    revocation_auth: Option<ClientAuthMethod>,
    id_token_algorithm: SigningAlgorithm,
    clock: Option<Arc<dyn Clock>>,
    leeway: Duration,
    jwks_refresh_interval: Duration,
}

impl<T: fmt::Debug> fmt::Debug for ProtocolClientBuilder<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProtocolClientBuilder")
            .field("app_host", &self.app_host)
            .field("app_id", &self.app_id)
            .field("secret", &self.secret)
            .field("protocol", &self.protocol)
            .field("redirect_uri", &self.redirect_uri)
            .field("transport", &self.transport)
            .finish_non_exhaustive()
    }
}

impl<T> ProtocolClientBuilder<T> {
    /// The transport requests go through.
    pub fn transport<U: Transport>(self, transport: U) -> ProtocolClientBuilder<U> {
        ProtocolClientBuilder {
            transport,
            app_host: self.app_host,
            app_id: self.app_id,
            secret: self.secret,
            protocol: self.protocol,
            issuer: self.issuer,
            redirect_uri: self.redirect_uri,
            token_auth: self.token_auth,
            introspection_auth: self.introspection_auth,
            revocation_auth: self.revocation_auth,
            id_token_algorithm: self.id_token_algorithm,
            clock: self.clock,
            leeway: self.leeway,
            jwks_refresh_interval: self.jwks_refresh_interval,
        }
    }

    /// The application's secret: client authentication, and the HS256 key of id tokens.
    pub fn secret(mut self, secret: impl Into<Secret>) -> Self {
        self.secret = Some(secret.into());
        self
    }

    /// OIDC (the default) or plain OAuth 2.0 endpoints for authorize, token, userinfo,
    /// introspection and revocation.
    pub fn protocol(mut self, protocol: Protocol) -> Self {
        self.protocol = protocol;
        self
    }

    /// The `iss` tokens must carry, when it is not `{app_host}/oidc` (`/oauth` for OAuth 2.0),
    /// as in some private deployments.
    pub fn issuer(mut self, issuer: impl Into<String>) -> Self {
        self.issuer = Some(issuer.into());
        self
    }

    /// The default `redirect_uri` of authorize URLs and code exchanges; calls can override it.
    pub fn redirect_uri(mut self, redirect_uri: impl Into<String>) -> Self {
        self.redirect_uri = Some(redirect_uri.into());
        self
    }

    /// How token requests authenticate. Default: `client_secret_post` with a secret, `none`
    /// without.
    pub fn token_auth_method(mut self, method: ClientAuthMethod) -> Self {
        self.token_auth = Some(method);
        self
    }

    /// How introspection requests authenticate. Default as for
    /// [`token_auth_method`](Self::token_auth_method).
    pub fn introspection_auth_method(mut self, method: ClientAuthMethod) -> Self {
        self.introspection_auth = Some(method);
        self
    }

    /// How revocation requests authenticate. Default as for
    /// [`token_auth_method`](Self::token_auth_method).
    pub fn revocation_auth_method(mut self, method: ClientAuthMethod) -> Self {
        self.revocation_auth = Some(method);
        self
    }

    /// The algorithm the application signs id tokens with (an application setting in
    /// Authing): RS256 (the default; keys from the JWKS) or HS256 (the app secret). Tokens
    /// signed with the other are refused, whatever their header says.
    pub fn id_token_algorithm(mut self, algorithm: SigningAlgorithm) -> Self {
        self.id_token_algorithm = algorithm;
        self
    }

    /// The clock token validation reads; default the system's.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }

    /// How far `exp`, `iat` and `nbf` may be off, for clocks that drift; default 60 s.
    pub fn leeway(mut self, leeway: Duration) -> Self {
        self.leeway = leeway;
        self
    }

    /// The shortest time between two JWKS fetches caused by unknown key ids; default 60 s.
    /// A token with an unknown `kid` refetches the keys at most this often.
    pub fn jwks_refresh_interval(mut self, interval: Duration) -> Self {
        self.jwks_refresh_interval = interval;
        self
    }
}

impl<T: Transport> ProtocolClientBuilder<T> {
    /// Checks the configuration and builds the client. No I/O.
    ///
    /// Fails with [`Error::Config`] saying what to fix: a host that is not an absolute URL,
    /// an empty app id or secret, a redirect URI that is not an absolute URL, a client
    /// authentication method or HS256 id tokens without a secret, a leeway over ten minutes.
    pub fn build(self) -> Result<ProtocolClient<T>, Error> {
        let endpoints = Endpoints::new(&self.app_host, &self.app_id, self.protocol)?;
        if self.secret.as_ref().is_some_and(Secret::is_empty) {
            return Err(Error::config(
                "the app secret is empty: pass the application's secret, or do not set one",
            ));
        }
        if let Some(uri) = &self.redirect_uri {
            check_absolute_url(uri, "the redirect URI")?;
        }
        let issuer = match self.issuer {
            Some(issuer) => {
                if issuer.trim().is_empty() {
                    return Err(Error::config("the issuer is empty"));
                }
                issuer
            }
            None => endpoints.issuer().to_owned(),
        };
        let has_secret = self.secret.is_some();
        let default_auth = if has_secret {
            ClientAuthMethod::ClientSecretPost
        } else {
            ClientAuthMethod::None
        };
        let methods = [
            ("token", self.token_auth),
            ("introspection", self.introspection_auth),
            ("revocation", self.revocation_auth),
        ];
        for (endpoint, method) in methods {
            if let Some(method) = method.filter(|m| m.needs_secret() && !has_secret) {
                return Err(Error::config(format!(
                    "the {endpoint} endpoint's client authentication `{}` needs the app secret: \
                     set `.secret(..)`, or use `ClientAuthMethod::None`",
                    method.as_str()
                )));
            }
        }
        if self.id_token_algorithm == SigningAlgorithm::Hs256 && !has_secret {
            return Err(Error::config(
                "HS256 id tokens are signed with the app secret: set `.secret(..)`",
            ));
        }
        if self.leeway > Duration::from_secs(600) {
            return Err(Error::config(format!(
                "a leeway of {:?} would accept long-expired tokens: use at most ten minutes",
                self.leeway
            )));
        }
        let clock = self.clock.unwrap_or_else(|| Arc::new(SystemClock));
        let validator = Validator::new(
            issuer,
            self.app_id.clone(),
            self.id_token_algorithm,
            self.secret.as_ref(),
            clock,
            self.leeway,
            self.jwks_refresh_interval,
        );
        Ok(ProtocolClient {
            inner: Arc::new(Inner {
                transport: self.transport,
                app_id: self.app_id,
                secret: self.secret,
                endpoints,
                protocol: self.protocol,
                redirect_uri: self.redirect_uri,
                token_auth: self.token_auth.unwrap_or(default_auth),
                introspection_auth: self.introspection_auth.unwrap_or(default_auth),
                revocation_auth: self.revocation_auth.unwrap_or(default_auth),
                validator,
            }),
        })
    }
}

/// `Ok` when `value` is an absolute URL; a config error naming `what` otherwise.
fn check_absolute_url(value: &str, what: &str) -> Result<(), Error> {
    match url::Url::parse(value) {
        Ok(url) if !url.cannot_be_a_base() => Ok(()),
        _ => Err(Error::config(format!(
            "{what} {value:?} is not an absolute URL such as \"https://my-site.example.com/callback\""
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use authing_core::transport_fn;
    use bytes::Bytes;

    fn builder() -> ProtocolClientBuilder<impl Transport> {
        ProtocolClient::builder("https://app.example.com", "app1").transport(transport_fn(
            |_r: http::Request<Bytes>| async { Ok(http::Response::new(Bytes::new())) },
        ))
    }

    fn config_error(builder: ProtocolClientBuilder<impl Transport>) -> String {
        match builder.build() {
            Err(Error::Config(message)) => message,
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    #[test]
    fn auth_methods_default_to_post_with_a_secret_and_none_without() {
        let with = builder().secret("s").build().expect("valid");
        assert_eq!(with.inner.token_auth, ClientAuthMethod::ClientSecretPost);
        assert_eq!(
            with.inner.revocation_auth,
            ClientAuthMethod::ClientSecretPost
        );
        let without = builder().build().expect("valid");
        assert_eq!(without.inner.introspection_auth, ClientAuthMethod::None);
    }

    #[test]
    fn build_refuses_what_cannot_work_and_says_why() {
        let m = config_error(builder().token_auth_method(ClientAuthMethod::ClientSecretBasic));
        assert!(
            m.contains("client_secret_basic") && m.contains("secret"),
            "{m}"
        );
        let m = config_error(builder().revocation_auth_method(ClientAuthMethod::ClientSecretPost));
        assert!(m.contains("revocation"), "{m}");
        let m = config_error(builder().id_token_algorithm(SigningAlgorithm::Hs256));
        assert!(m.contains("HS256"), "{m}");
        let m = config_error(builder().secret(""));
        assert!(m.contains("secret is empty"), "{m}");
        let m = config_error(builder().redirect_uri("/callback"));
        assert!(m.contains("redirect URI"), "{m}");
        let m = config_error(builder().leeway(Duration::from_secs(3600)));
        assert!(m.contains("leeway"), "{m}");
        let m = config_error(builder().issuer(" "));
        assert!(m.contains("issuer"), "{m}");
        let m = config_error(
            ProtocolClient::builder("app.example.com", "app1").transport(transport_fn(
                |_r: http::Request<Bytes>| async { Ok(http::Response::new(Bytes::new())) },
            )),
        );
        assert!(m.contains("application host"), "{m}");
    }

    #[test]
    fn debug_never_prints_the_secret() {
        let client = builder().secret("app-secret-value").build().expect("valid");
        let debug = format!("{client:?}");
        assert!(debug.contains("app1"), "{debug}");
        assert!(!debug.contains("app-secret-value"), "{debug}");
    }
}
