//! [`PoolCredentials`]: what a client needs to talk to one of the fake's user pools.

use std::fmt;

use authing_core::Secret;
use serde_json::{Value, json};

use crate::store::Pool;

/// The placeholder host of in-process credentials; the in-process transport ignores hosts.
pub const IN_PROCESS_HOST: &str = "http://authing.mock";

/// The credentials of a user pool of the fake and of its application, plus where to reach
/// them. Its `Debug` hides both secrets.
///
/// ```
/// let mock = authing_mock::MockAuthing::new();
/// let pool = mock.pool();
/// assert_eq!(pool.user_pool_id.len(), 24);
/// assert!(!format!("{pool:?}").contains(pool.secret.expose()));
/// ```
#[non_exhaustive]
#[derive(Clone)]
pub struct PoolCredentials {
    /// The user pool id (`x-authing-userpool-id`, `accessToken(userPoolId)`).
    pub user_pool_id: String,
    /// The user pool secret (`accessToken(secret)`).
    pub secret: Secret,
    /// The id of the pool's application (`x-authing-app-id`).
    pub app_id: String,
    /// The application's secret.
    pub app_secret: Secret,
    /// The API host: `http://authing.mock` in process (any host works there), the server's
    /// URL for [`MockServer::pool`](crate::MockServer::pool).
    pub host: String,
    /// The application's host; the same as `host` for the fake.
    pub app_host: String,
    /// The fake's RSA public key (SPKI PEM): encrypt passwords with it.
    pub public_key_pem: String,
}

impl PoolCredentials {
    pub(crate) fn of(pool: &Pool, host: &str, public_key_pem: &str) -> Self {
        Self {
            user_pool_id: pool.id.clone(),
            secret: pool.secret.clone(),
            app_id: pool.app.id.clone(),
            app_secret: pool.app.secret.clone(),
            host: host.to_owned(),
            app_host: host.to_owned(),
            public_key_pem: public_key_pem.to_owned(),
        }
    }

    /// The same credentials with `host` and `app_host` set to `host`.
    #[must_use]
    pub fn with_host(mut self, host: impl Into<String>) -> Self {
        let host = host.into();
        self.app_host.clone_from(&host);
        self.host = host;
        self
    }

    /// The credentials as JSON, secrets included: what the test-only endpoint and the binary
    /// hand to clients in other languages.
    pub fn to_json(&self) -> Value {
        json!({
            "userPoolId": self.user_pool_id,
            "secret": self.secret.expose(),
            "appId": self.app_id,
            "appSecret": self.app_secret.expose(),
            "host": self.host,
            "appHost": self.app_host,
            "publicKey": self.public_key_pem,
        })
    }
}

impl fmt::Debug for PoolCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PoolCredentials")
            .field("user_pool_id", &self.user_pool_id)
            .field("secret", &self.secret)
            .field("app_id", &self.app_id)
            .field("app_secret", &self.app_secret)
            .field("host", &self.host)
            .field("app_host", &self.app_host)
            .finish_non_exhaustive()
    }
}
