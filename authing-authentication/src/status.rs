//! Whether a login is live, and ending it: [`AuthenticationClient::check_login_status`],
//! [`AuthenticationClient::check_login_status_of`] and [`AuthenticationClient::logout`].

use authing_core::model::LoginStatus;
use authing_core::{Error, Secret, Transport};
use http::Method;
use serde::de::IgnoredAny;
use serde_json::json;

use crate::client::AuthenticationClient;
use crate::graphql::CHECK_LOGIN_STATUS;

impl<T: Transport> AuthenticationClient<T> {
    /// Asks Authing whether the held token is a live login (`checkLoginStatus`).
    ///
    /// An expired or revoked token is an answer, not an error: see
    /// [`LoginStatus::is_logged_in`] and its `code` (e.g. 2206: expired). Fails with
    /// [`Error::NotLoggedIn`], without I/O, when the client holds no token.
    pub async fn check_login_status(&self) -> Result<LoginStatus, Error> {
        let token = self.require_token()?;
        self.check_token(&token).await
    }

    /// Asks Authing whether `token` (any user's) is a live login, whatever this client's
    /// session. Takes a `&str`, a `String` or a [`Secret`], by value or by reference.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport>(auth: authing_authentication::AuthenticationClient<T>, secret: authing_core::Secret) -> Result<(), authing_core::Error> {
    /// let status = auth.check_login_status_of("eyJhbGciOi...").await?;
    /// let status = auth.check_login_status_of(&secret).await?;
    /// if !status.is_logged_in() {
    ///     println!("{:?}: {:?}", status.code, status.message);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn check_login_status_of(&self, token: impl AsToken) -> Result<LoginStatus, Error> {
        let token = Secret::from(token.as_token());
        self.check_token(&token).await
    }

    /// Ends the login on Authing's side (`GET /api/v2/logout?app_id=..` with the held
    /// token), then forgets the session. The session is kept when the call fails, so it can
    /// be retried; use [`clear_session`](Self::clear_session) to forget it regardless.
    ///
    /// Fails with [`Error::NotLoggedIn`], without I/O, when the client holds no token.
    pub async fn logout(&self) -> Result<(), Error> {
        let token = self.require_token()?;
        let path = match self.app_id() {
            Some(app_id) => {
                let app_id: String =
                    url::form_urlencoded::byte_serialize(app_id.as_bytes()).collect();
                format!("/api/v2/logout?app_id={app_id}")
            }
            None => "/api/v2/logout".to_owned(),
        };
        let _: IgnoredAny = self
            .api()
            .rest(Method::GET, &path, None, Some(&token))
            .await?;
        self.clear_if_holding(&token);
        Ok(())
    }

    async fn check_token(&self, token: &Secret) -> Result<LoginStatus, Error> {
        self.api()
            .graphql(
                &CHECK_LOGIN_STATUS,
                json!({ "token": token.expose() }),
                None,
            )
            .await
    }
}

/// A token given by value or by reference: `&str`, `String`, [`Secret`], or a reference to
/// any of them.
pub trait AsToken: Send + Sync {
    /// The token itself. Never log what this returns.
    fn as_token(&self) -> &str;
}

impl AsToken for str {
    fn as_token(&self) -> &str {
        self
    }
}

impl AsToken for String {
    fn as_token(&self) -> &str {
        self
    }
}

impl AsToken for Secret {
    fn as_token(&self) -> &str {
        self.expose()
    }
}

impl<S: AsToken + ?Sized> AsToken for &S {
    fn as_token(&self) -> &str {
        (**self).as_token()
    }
}
