//! [`AuthenticationClient`], its builder, and the state its clones share.

use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use authing_core::model::User;
use authing_core::operation::BoxFuture;
use authing_core::{
    ApiClient, Auth, BaseUrl, Client, ClientOptions, Error, NoTransport, Secret, SessionEffect,
    Transport,
};

use crate::session::Session;

/// The end-user API of Authing: register, log in, read and change one's own profile, check
/// and end a login.
///
/// A client acts for at most one user at a time, its *session*: after a successful login it
/// holds that user and their token, so calls such as
/// [`update_profile`](Self::update_profile) just work. Calls that need a user and have none
/// fail with [`Error::NotLoggedIn`] without sending anything.
///
/// The client is two `Arc`s: the configuration (transport, host, ids, password encryptor)
/// and the session. [`Clone`] shares both; [`with_token`](Self::with_token) and
/// [`without_session`](Self::without_session) share the configuration but start a session of
/// their own, with no I/O and no key parsing, which is how a server makes one client per
/// incoming request:
///
/// ```
/// # use authing_authentication::AuthenticationClient;
/// # use authing_core::transport_fn;
/// # let transport = transport_fn(|_r: http::Request<bytes::Bytes>| async {
/// #     Ok(http::Response::new(bytes::Bytes::new()))
/// # });
/// let shared = AuthenticationClient::builder()
///     .app_id("APP_ID")
///     .app_host("https://my-app.authing.cn")
///     .transport(transport)
///     .build()?;
///
/// // For each request, a client acting for the user whose token came with it:
/// let per_request = shared.with_token("the user's token");
/// assert!(per_request.token().is_some());
/// assert!(shared.token().is_none(), "sessions are not shared");
/// # Ok::<(), authing_core::Error>(())
/// ```
///
/// `T` is the [`Transport`]; the default, `Arc<dyn Transport>`, is the type to name when a
/// field or function must hold any client. Its `Debug` never prints the token or any
/// password.
pub struct AuthenticationClient<T = Arc<dyn Transport>> {
    pub(crate) shared: Arc<Shared<T>>,
    session: Arc<Mutex<Session>>,
}

/// What every client made from one builder shares.
pub(crate) struct Shared<T> {
    pub(crate) api: ApiClient<T>,
    pub(crate) app_id: Option<String>,
    pub(crate) user_pool_id: Option<String>,
    /// Where AD logins go (authlogin).
    pub(crate) websocket_host: BaseUrl,
}

impl<T> Clone for AuthenticationClient<T> {
    /// A client sharing this one's configuration **and session**: a login through either is
    /// seen by both. Use [`with_token`](Self::with_token) or
    /// [`without_session`](Self::without_session) for a session of its own.
    fn clone(&self) -> Self {
        Self {
            shared: Arc::clone(&self.shared),
            session: Arc::clone(&self.session),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for AuthenticationClient<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthenticationClient")
            .field("app_id", &self.shared.app_id)
            .field("user_pool_id", &self.shared.user_pool_id)
            .field("session", &*self.session())
            .field("api", &self.shared.api)
            .finish()
    }
}

impl AuthenticationClient<NoTransport> {
    /// Starts configuring a client. Set an app id and/or a user pool id, and a transport.
    ///
    /// ```
    /// use authing_authentication::AuthenticationClient;
    /// use authing_core::{Error, transport_fn};
    ///
    /// # let transport = transport_fn(|_r: http::Request<bytes::Bytes>| async {
    /// #     Ok(http::Response::new(bytes::Bytes::new()))
    /// # });
    /// let error = AuthenticationClient::builder()
    ///     .transport(transport)
    ///     .build()
    ///     .unwrap_err();
    /// assert!(matches!(error, Error::Config(_)));
    /// ```
    pub fn builder() -> AuthenticationClientBuilder<NoTransport> {
        AuthenticationClientBuilder {
            transport: NoTransport,
            app_id: None,
            user_pool_id: None,
            app_host: None,
            websocket_host: None,
            token: None,
            options: ClientOptions::default(),
        }
    }
}

impl<T> AuthenticationClient<T> {
    /// The app id, sent as `x-authing-app-id`.
    pub fn app_id(&self) -> Option<&str> {
        self.shared.app_id.as_deref()
    }

    /// The user pool id, sent as `x-authing-userpool-id`.
    pub fn user_pool_id(&self) -> Option<&str> {
        self.shared.user_pool_id.as_deref()
    }

    /// The websocket host, where [`login_by_ad`](Self::login_by_ad) goes: as set with
    /// [`websocket_host`](AuthenticationClientBuilder::websocket_host), else derived from
    /// the host.
    pub fn websocket_host(&self) -> &BaseUrl {
        &self.shared.websocket_host
    }

    /// The request executor underneath (host, headers, encryptor, transport).
    pub fn api(&self) -> &ApiClient<T> {
        &self.shared.api
    }

    /// A [`ProtocolClient`](crate::protocols::ProtocolClient) builder for this client's
    /// application: its host, its id and a clone of its transport. Add the app secret
    /// (for confidential clients), the redirect URI and so on, then `build()`.
    ///
    /// Fails with [`Error::Config`] when the client has no app id (a user-pool-only client
    /// has no application to speak OIDC / OAuth / CAS / SAML for).
    ///
    /// ```
    /// # let transport = authing_core::transport_fn(|_r: http::Request<bytes::Bytes>| async {
    /// #     Ok(http::Response::new(bytes::Bytes::new()))
    /// # });
    /// use authing_authentication::AuthenticationClient;
    ///
    /// let auth = AuthenticationClient::builder()
    ///     .app_id("APP_ID")
    ///     .app_host("https://my-app.authing.cn")
    ///     .transport(transport)
    ///     .build()?;
    /// let oidc = auth
    ///     .protocols()?
    ///     .secret("APP_SECRET")
    ///     .redirect_uri("https://my-site.example.com/callback")
    ///     .build()?;
    /// assert_eq!(oidc.endpoints().issuer(), "https://my-app.authing.cn/oidc");
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn protocols(&self) -> Result<crate::protocols::ProtocolClientBuilder<T>, Error>
    where
        T: Transport + Clone,
    {
        let app_id = self.shared.app_id.clone().ok_or_else(|| {
            Error::config(
                "protocols() needs the client's app id: set .app_id(..) on the \
                 AuthenticationClient builder",
            )
        })?;
        Ok(crate::protocols::ProtocolClient::builder(
            self.shared.api.host().as_str().to_owned(),
            app_id,
        )
        .transport(self.shared.api.transport().clone()))
    }

    /// The token of the user this client acts for.
    pub fn token(&self) -> Option<Secret> {
        self.session().token().cloned()
    }

    /// The user this client acts for, as last returned by Authing (after a login, a
    /// register that logged in, [`get_current_user`](Self::get_current_user) or
    /// [`update_profile`](Self::update_profile)).
    pub fn current_user(&self) -> Option<User> {
        self.session().user().cloned()
    }

    /// Acts for the user `token` belongs to from now on (an empty token logs out locally).
    /// Affects every clone sharing this session.
    pub fn set_token(&self, token: impl Into<Secret>) {
        self.session().set_token(token.into());
    }

    /// Forgets the user locally, without telling Authing (see [`logout`](Self::logout)).
    /// Affects every clone sharing this session.
    #[doc(alias = "clear_current_user")]
    pub fn clear_session(&self) {
        self.session().clear();
    }

    /// A new client sharing this one's configuration and transport, acting for the user
    /// `token` belongs to in a session of its own. Costs an `Arc` clone: no I/O, no parsing.
    pub fn with_token(&self, token: impl Into<Secret>) -> Self {
        Self {
            shared: Arc::clone(&self.shared),
            session: Arc::new(Mutex::new(Session::with_token(token.into()))),
        }
    }

    /// A new client sharing this one's configuration and transport, with an empty session.
    pub fn without_session(&self) -> Self {
        Self {
            shared: Arc::clone(&self.shared),
            session: Arc::default(),
        }
    }

    /// The session, locked. Never held across an `.await`. A panic while it was held leaves
    /// it consistent (every change is a single assignment), so poisoning is ignored.
    pub(crate) fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The held token, or [`Error::NotLoggedIn`] (reported to the `on_error` hook).
    pub(crate) fn require_token(&self) -> Result<Secret, Error> {
        self.token()
            .ok_or_else(|| self.shared.api.report(Error::NotLoggedIn))
    }
}

/// How operations are sent for the user: the held token, and the session effects of
/// logins, profile reads and logouts, all here.
impl<T: Transport> Client for AuthenticationClient<T> {
    type Transport = T;

    fn api(&self) -> &ApiClient<T> {
        &self.shared.api
    }

    fn own_auth(&self) -> Auth {
        Auth::User
    }

    fn token(&self, auth: Auth) -> BoxFuture<'_, Result<Option<Secret>, Error>> {
        let token = match auth {
            Auth::User => self.token().map(Some).ok_or(Error::NotLoggedIn),
            Auth::Management => Err(Error::invalid_argument(
                "an AuthenticationClient has no management token: use a ManagementClient",
            )),
            _ => Ok(None),
        };
        Box::pin(std::future::ready(token))
    }

    fn apply_session(&self, effect: SessionEffect<'_>, token: Option<&Secret>) {
        let mut session = self.session();
        let holds_token = token.is_some() && session.token() == token;
        match effect {
            SessionEffect::Remember(user) => session.remember(user),
            SessionEffect::RememberForToken(user) if holds_token => session.remember(user),
            SessionEffect::ForgetToken if holds_token => session.clear(),
            _ => {}
        }
    }
}

/// Configures an [`AuthenticationClient`]; made by [`AuthenticationClient::builder`]. Every
/// setting is validated in [`build`](Self::build).
///
/// The settings every client shares (`host`, `lang`, `enc_public_key`, `encryptor`,
/// `timeout`, `on_error`) are [`ClientOptions`]; [`app_host`](Self::app_host), when set,
/// takes precedence over [`host`](Self::host).
#[must_use]
pub struct AuthenticationClientBuilder<T = NoTransport> {
    transport: T,
    app_id: Option<String>,
    user_pool_id: Option<String>,
    app_host: Option<String>,
    websocket_host: Option<String>,
    token: Option<Secret>,
    options: ClientOptions,
}

impl<T: fmt::Debug> fmt::Debug for AuthenticationClientBuilder<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthenticationClientBuilder")
            .field("app_id", &self.app_id)
            .field("user_pool_id", &self.user_pool_id)
            .field(
                "app_host",
                &self
                    .app_host
                    .as_deref()
                    .map(authing_core::host::without_credentials),
            )
            .field(
                "websocket_host",
                &self
                    .websocket_host
                    .as_deref()
                    .map(authing_core::host::without_credentials),
            )
            .field("token", &self.token)
            .field("options", &self.options)
            .field("transport", &self.transport)
            .finish()
    }
}

impl<T> AuthenticationClientBuilder<T> {
    /// The application's id (from the Authing console), sent as `x-authing-app-id` and
    /// used by [`logout`](AuthenticationClient::logout). Either this or
    /// [`user_pool_id`](Self::user_pool_id) is required.
    pub fn app_id(mut self, app_id: impl Into<String>) -> Self {
        self.app_id = Some(app_id.into());
        self
    }

    /// The user pool's id, sent as `x-authing-userpool-id`. Either this or
    /// [`app_id`](Self::app_id) is required.
    pub fn user_pool_id(mut self, user_pool_id: impl Into<String>) -> Self {
        self.user_pool_id = Some(user_pool_id.into());
        self
    }

    /// The application's own domain, such as `https://my-app.authing.cn`; takes precedence
    /// over [`host`](Self::host).
    pub fn app_host(mut self, app_host: impl Into<String>) -> Self {
        self.app_host = Some(app_host.into());
        self
    }

    /// Where AD logins go ([`login_by_ad`](AuthenticationClient::login_by_ad)): Authing
    /// serves them on its websocket host, by default `https://ws.<parent domain of the
    /// host>` (`https://ws.authing.cn` for `https://my-app.authing.cn`; a host that is an IP
    /// address or `localhost` is its own). A private deployment sets its own.
    pub fn websocket_host(mut self, websocket_host: impl Into<String>) -> Self {
        self.websocket_host = Some(websocket_host.into());
        self
    }

    /// Acts for the user `token` belongs to from the start (an empty token is none).
    pub fn token(mut self, token: impl Into<Secret>) -> Self {
        self.token = Some(token.into());
        self
    }

    authing_core::client_options_setters!(options);

    /// The transport requests go through (reqwest, hyper, the fake Authing, your own).
    pub fn transport<U: Transport>(self, transport: U) -> AuthenticationClientBuilder<U> {
        AuthenticationClientBuilder {
            transport,
            app_id: self.app_id,
            user_pool_id: self.user_pool_id,
            app_host: self.app_host,
            websocket_host: self.websocket_host,
            token: self.token,
            options: self.options,
        }
    }
}

impl<T: Transport> AuthenticationClientBuilder<T> {
    /// Validates the settings and builds the client.
    ///
    /// Fails with [`Error::Config`], saying what to fix, when neither an app id nor a user
    /// pool id is set, when either is blank, or when the host, the websocket host or the
    /// public key is invalid.
    pub fn build(self) -> Result<AuthenticationClient<T>, Error> {
        let app_id = checked_id("app id", ".app_id(..)", self.app_id)?;
        let user_pool_id = checked_id("user pool id", ".user_pool_id(..)", self.user_pool_id)?;
        if app_id.is_none() && user_pool_id.is_none() {
            return Err(Error::config(
                "an AuthenticationClient needs an app id or a user pool id: set \
                 .app_id(..) to the application's ID or .user_pool_id(..) to the user pool's \
                 ID, both shown in the Authing console",
            ));
        }
        let mut options = self.options;
        if let Some(app_host) = self.app_host {
            options.host = Some(app_host);
        }
        let mut api = ApiClient::builder(self.transport).options(options);
        if let Some(id) = &app_id {
            api = api.app_id(id.clone());
        }
        if let Some(id) = &user_pool_id {
            api = api.user_pool_id(id.clone());
        }
        let api = api.build()?;
        let websocket_host = match &self.websocket_host {
            Some(host) => BaseUrl::parse(host)?,
            None => crate::websocket_host::default_for(api.host())?,
        };
        let shared = Shared {
            api,
            app_id,
            user_pool_id,
            websocket_host,
        };
        let session = self.token.map(Session::with_token).unwrap_or_default();
        Ok(AuthenticationClient {
            shared: Arc::new(shared),
            session: Arc::new(Mutex::new(session)),
        })
    }
}

/// `None` stays `None`; a blank id is a configuration error; others are trimmed.
fn checked_id(what: &str, setter: &str, id: Option<String>) -> Result<Option<String>, Error> {
    match id {
        None => Ok(None),
        Some(id) if id.trim().is_empty() => Err(Error::config(format!(
            "the {what} is empty: pass the {what} shown in the Authing console to {setter}, \
             or leave {setter} out"
        ))),
        Some(id) => Ok(Some(id.trim().to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_debug_does_not_print_credentials_in_the_hosts() {
        let builder = AuthenticationClient::builder()
            .app_host("https://alice:hunter2@my-app.example.com")
            .host("https://carol:swordfish@idp.example.com");
        let debug = format!("{builder:?}");
        for secret in ["alice", "hunter2", "carol", "swordfish"] {
            assert!(!debug.contains(secret), "{debug}");
        }
    }
}
