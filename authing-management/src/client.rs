//! [`ManagementClient`] and its builder.

use std::fmt;
use std::sync::Arc;

use authing_core::model::LoginStatus;
use authing_core::operation::raw::{RawGraphql, RawRest};
use authing_core::{
    ApiClient, Auth, Client, ClientOptions, Clock, Error, GraphQlOperation, Lang, NoTransport,
    Secret, SystemClock, Transport, Wire, operation,
};
use futures::future::BoxFuture;
use http::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::graphql;
use crate::token::{AccessTokenAnswer, TokenCache};

/// The administrator client of one Authing user pool.
///
/// It authorises every call with the pool's management token, which it fetches with the
/// pool secret, caches, and refreshes shortly before it expires (see
/// [`access_token`](Self::access_token)).
///
/// The client is an `Arc` around its configuration, transport and token cache: cloning is a
/// pointer copy, and clones share one token. It is `Send + Sync`; share it across tasks.
///
/// ```
/// # async fn run() -> Result<(), authing_core::Error> {
/// use authing_core::transport_fn;
/// use authing_management::ManagementClient;
///
/// # let transport = transport_fn(|_req: http::Request<bytes::Bytes>| async {
/// #     Ok(http::Response::new(bytes::Bytes::new()))
/// # });
/// let client = ManagementClient::builder("USER_POOL_ID", "USER_POOL_SECRET")
///     .transport(transport) // e.g. authing_transport_reqwest::ReqwestTransport
///     .build()?;
/// let exists = client.users().exists().username("bob").await?;
/// # let _ = exists;
/// # Ok(())
/// # }
/// ```
///
/// `T` is the [`Transport`]; the default, `Arc<dyn Transport>`, is the type to name when a
/// field or function must hold any client.
pub struct ManagementClient<T = Arc<dyn Transport>> {
    inner: Arc<Inner<T>>,
}

struct Inner<T> {
    /// Shared with the token fetch in flight, which must not hold the whole client: the
    /// token cache holds that fetch, and a fetch holding the client would keep it alive.
    api: Arc<ApiClient<T>>,
    user_pool_id: String,
    secret: Secret,
    /// Shared by the clients [`ManagementClient::with_lang`] makes: one pool, one token.
    tokens: Arc<TokenCache>,
}

impl<T> Clone for ManagementClient<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for ManagementClient<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ManagementClient")
            .field("user_pool_id", &self.inner.user_pool_id)
            .field("secret", &self.inner.secret)
            .field("api", &self.inner.api)
            .field("tokens", &self.inner.tokens)
            .finish()
    }
}

impl ManagementClient<NoTransport> {
    /// Starts configuring a client for the pool `user_pool_id`, authenticated by its
    /// `secret` (both from the Authing console). Choose a transport with
    /// [`transport`](ManagementClientBuilder::transport), then [`build`](ManagementClientBuilder::build).
    pub fn builder(
        user_pool_id: impl Into<String>,
        secret: impl Into<Secret>,
    ) -> ManagementClientBuilder<NoTransport> {
        ManagementClientBuilder {
            transport: NoTransport,
            user_pool_id: user_pool_id.into(),
            secret: secret.into(),
            options: ClientOptions::default(),
            clock: None,
        }
    }
}

impl<T: Transport> ManagementClient<T> {
    /// The pool this client manages.
    pub fn user_pool_id(&self) -> &str {
        &self.inner.user_pool_id
    }

    /// The request executor underneath (host, language, encryptor, transport).
    pub fn api(&self) -> &ApiClient<T> {
        &self.inner.api
    }

    /// The management token, from the cache or freshly fetched with `accessToken`.
    ///
    /// The token is kept until fewer than `min(1 hour, half its lifetime)` remain. However
    /// many tasks ask at once, one request fetches it; if that request fails, every task
    /// that waited for it gets the error and the next call tries again.
    pub async fn access_token(&self) -> Result<Secret, Error> {
        self.token().await.map_err(|e| self.inner.api.report(e))
    }

    /// The same client with Authing's messages in `lang` (`x-authing-lang`; js `setLang`):
    /// it shares this client's transport and management token, so switching costs no
    /// request. The client it is made from keeps its language.
    pub fn with_lang(&self, lang: Lang) -> Self
    where
        T: Clone,
    {
        Self {
            inner: Arc::new(Inner {
                api: Arc::new(self.inner.api.with_lang(lang)),
                user_pool_id: self.inner.user_pool_id.clone(),
                secret: self.inner.secret.clone(),
                tokens: Arc::clone(&self.inner.tokens),
            }),
        }
    }

    /// Checks a user's token with `checkLoginStatus`: whether it is a live login, and whose.
    ///
    /// An expired or forged token is not an error: the answer says so in
    /// [`LoginStatus::code`] and [`LoginStatus::status`].
    pub fn check_login_status(&self, token: impl Into<Secret>) -> CheckLoginStatus<Self> {
        CheckLoginStatus::new(self.clone(), token.into())
    }

    /// Runs any GraphQL `operation` as the administrator and decodes its root field: the
    /// escape hatch for operations this crate does not wrap yet. It is authorised and retried
    /// like every other call, and like them sends no `null` variable (Authing's default
    /// applies).
    pub async fn graphql<R: DeserializeOwned + Send>(
        &self,
        operation: &GraphQlOperation,
        variables: Value,
    ) -> Result<R, Error> {
        let raw = RawGraphql::new(operation, &variables, Auth::Management);
        operation::send(self, &raw).await
    }

    /// Sends a REST request to `{host}{path_and_query}` as the administrator and decodes the
    /// `data` of Authing's `{code, message, data}` answer: the escape hatch for REST
    /// endpoints this crate does not wrap yet. For a GET or DELETE, `body`'s members go to the
    /// query string; a POST or PUT
    /// sends `body` (an object, `{}` when `None`) without its `null` members.
    pub async fn rest<R: DeserializeOwned + Send>(
        &self,
        method: Method,
        path_and_query: &str,
        body: Option<&Value>,
    ) -> Result<R, Error> {
        let raw = RawRest::new(method, path_and_query, body, Auth::Management);
        operation::send(self, &raw).await
    }

    async fn token(&self) -> Result<Secret, Error> {
        self.inner.tokens.get(self.token_fetch()).await
    }

    /// The `accessToken` request, for the cache to start when it needs a token. Its future
    /// owns what it uses (the request executor and the variables), not the client: the cache
    /// runs it to its end even when the call that started it is cancelled, and it must not
    /// keep the client alive.
    fn token_fetch(
        &self,
    ) -> impl FnOnce() -> BoxFuture<'static, Result<AccessTokenAnswer, Error>> + '_ {
        move || {
            let api = Arc::clone(&self.inner.api);
            let request = AccessToken::new(
                (),
                self.inner.user_pool_id.clone(),
                self.inner.secret.clone(),
            );
            Box::pin(async move { operation::call(&*api, &request, None).await })
        }
    }
}

impl<T: Transport> Client for ManagementClient<T> {
    type Transport = T;

    fn api(&self) -> &ApiClient<T> {
        &self.inner.api
    }

    fn own_auth(&self) -> Auth {
        Auth::Management
    }

    fn token(&self, auth: Auth) -> BoxFuture<'_, Result<Option<Secret>, Error>> {
        Box::pin(async move {
            match auth {
                Auth::Management => self.token().await.map(Some),
                Auth::User => Err(Error::NotLoggedIn),
                _ => Ok(None),
            }
        })
    }

    fn refresh_token<'a>(
        &'a self,
        auth: Auth,
        rejected: &'a Secret,
    ) -> BoxFuture<'a, Result<Option<Secret>, Error>> {
        Box::pin(async move {
            if auth != Auth::Management {
                return Ok(None);
            }
            self.inner
                .tokens
                .replace_rejected(rejected, self.token_fetch())
                .await
                .map(Some)
        })
    }
}

operation! {
    /// The pool's management token (`accessToken`), sent without a token: what
    /// [`ManagementClient`] fetches for its token cache.
    pub struct AccessToken -> AccessTokenAnswer {
        wire: Wire::Graphql(&graphql::ACCESS_TOKEN),
        auth: None,
        required {
            /// The pool's id.
            user_pool_id: String,
            /// The pool's secret.
            #[serde(serialize_with = "operation::expose_secret")]
            secret: Secret,
        }
    }
}

operation! {
    /// Whether a user's token is a live login, and whose (`checkLoginStatus`), asked as the
    /// administrator; made by [`ManagementClient::check_login_status`].
    pub struct CheckLoginStatus -> LoginStatus {
        wire: Wire::Graphql(&authing_core::graphql::documents::CHECK_LOGIN_STATUS),
        auth: Management,
        answer: Option<LoginStatus>,
        required {
            /// The user's token.
            #[serde(serialize_with = "operation::expose_secret")]
            token: Secret,
        }
        impl {
            fn finish(answer: Option<LoginStatus>, _lang: Lang) -> Result<LoginStatus, Error> {
                answer.ok_or_else(|| Error::Decode {
                    status: StatusCode::OK,
                    body: authing_core::ResponseBody::new(bytes::Bytes::new()),
                    reason: "checkLoginStatus answered null instead of a token status".to_owned(),
                })
            }
        }
    }
}

/// Configures a [`ManagementClient`]; every setting is checked in [`build`](Self::build).
///
/// The settings every client shares (`host`, `lang`, `enc_public_key`, `encryptor`,
/// `timeout`, `on_error`) are [`ClientOptions`]; the `on_error` hook sees each call's final
/// error once, not the rejected-token error a retry recovers from.
#[must_use]
pub struct ManagementClientBuilder<T> {
    transport: T,
    user_pool_id: String,
    secret: Secret,
    options: ClientOptions,
    clock: Option<Arc<dyn Clock>>,
}

impl<T: fmt::Debug> fmt::Debug for ManagementClientBuilder<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ManagementClientBuilder")
            .field("user_pool_id", &self.user_pool_id)
            .field("secret", &self.secret)
            .field("options", &self.options)
            .field("clock", &self.clock)
            .field("transport", &self.transport)
            .finish()
    }
}

impl<T> ManagementClientBuilder<T> {
    /// The transport requests go through (any [`Transport`]: reqwest, hyper, the fake
    /// Authing's in-process transport, `Arc<dyn Transport>`, ...).
    pub fn transport<U: Transport>(self, transport: U) -> ManagementClientBuilder<U> {
        ManagementClientBuilder {
            transport,
            user_pool_id: self.user_pool_id,
            secret: self.secret,
            options: self.options,
            clock: self.clock,
        }
    }

    authing_core::client_options_setters!(options);

    /// Where the client reads the time to decide when the token expires (default
    /// [`SystemClock`]); tests pass a clock they can move.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }
}

impl<T: Transport> ManagementClientBuilder<T> {
    /// Checks the settings and builds the client. No request is sent.
    ///
    /// Fails with [`Error::Config`], saying what to fix, for an empty user pool id or
    /// secret, a host that is not an absolute `http(s)` URL, a public key that does not
    /// parse, or a zero timeout.
    pub fn build(self) -> Result<ManagementClient<T>, Error> {
        let user_pool_id = self.user_pool_id;
        if user_pool_id.trim().is_empty() {
            return Err(Error::config(
                "the user pool id is empty: pass the id shown in the Authing console \
                 (Settings > Basic information)",
            ));
        }
        if user_pool_id.trim() != user_pool_id {
            return Err(Error::config(format!(
                "the user pool id {user_pool_id:?} has leading or trailing whitespace: \
                 copy it again from the Authing console"
            )));
        }
        if self.secret.expose().trim().is_empty() {
            return Err(Error::config(
                "the user pool secret is empty: pass the secret shown in the Authing console \
                 (Settings > Basic information)",
            ));
        }
        // The hook runs once per call, on its final error (operation::send), not on the
        // rejected-token error a retry recovers from.
        let api = ApiClient::builder(self.transport)
            .user_pool_id(user_pool_id.clone())
            .options(self.options)
            .build()?;
        let clock = self.clock.unwrap_or_else(|| Arc::new(SystemClock));
        Ok(ManagementClient {
            inner: Arc::new(Inner {
                api: Arc::new(api),
                user_pool_id,
                secret: self.secret,
                tokens: Arc::new(TokenCache::new(clock)),
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use authing_core::transport_fn;
    use bytes::Bytes;
    use std::time::Duration;

    #[tokio::test]
    async fn a_client_dropped_during_a_hung_token_fetch_is_freed() {
        let transport = transport_fn(|_request: http::Request<Bytes>| async {
            std::future::pending::<Result<http::Response<Bytes>, authing_core::TransportError>>()
                .await
        });
        let client = ManagementClient::builder("pool", "secret")
            .transport(transport)
            .build()
            .expect("valid");
        let waited = tokio::time::timeout(Duration::from_millis(20), client.access_token()).await;
        assert!(waited.is_err(), "the fetch hangs");
        let inner = Arc::downgrade(&client.inner);
        let api = Arc::downgrade(&client.inner.api);
        drop(client);
        assert!(inner.upgrade().is_none(), "the client is freed");
        assert!(api.upgrade().is_none(), "and so is the fetch it started");
    }
}
