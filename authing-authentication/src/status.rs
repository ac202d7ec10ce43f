//! Whether a login is live, and ending it: [`AuthenticationClient::check_login_status`],
//! [`AuthenticationClient::check_login_status_of`] and [`AuthenticationClient::logout`].

use authing_core::model::LoginStatus;
use authing_core::{Error, Lang, Secret, SessionEffect, Transport, Wire, operation};
use http::Method;
use serde::de::IgnoredAny;

use crate::client::AuthenticationClient;

impl<T: Transport + 'static> AuthenticationClient<T> {
    /// Asks Authing whether the held token is a live login (`checkLoginStatus`).
    ///
    /// An expired or revoked token is an answer, not an error: see
    /// [`LoginStatus::is_logged_in`] and its `code` (e.g. 2206: expired). Fails with
    /// [`Error::NotLoggedIn`], without I/O, when the client holds no token.
    pub async fn check_login_status(&self) -> Result<LoginStatus, Error> {
        let token = self.require_token()?;
        CheckLoginStatus::new(self.clone(), token).await
    }

    /// Asks Authing whether `token` (any user's) is a live login, whatever this client's
    /// session. Takes a `&str`, a `String` or a [`Secret`], by value or by reference.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>, secret: authing_core::Secret) -> Result<(), authing_core::Error> {
    /// let status = auth.check_login_status_of("eyJhbGciOi...").await?;
    /// let status = auth.check_login_status_of(&secret).await?;
    /// if !status.is_logged_in() {
    ///     println!("{:?}: {:?}", status.code, status.message);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn check_login_status_of(&self, token: impl AsToken) -> CheckLoginStatus<Self> {
        CheckLoginStatus::new(self.clone(), Secret::from(token.as_token()))
    }

    /// Ends the login on Authing's side (`GET /api/v2/logout?app_id=..` with the held
    /// token), then forgets the session. The session is kept when the call fails, so it can
    /// be retried; use [`clear_session`](Self::clear_session) to forget it regardless.
    ///
    /// Fails with [`Error::NotLoggedIn`], without I/O, when the client holds no token.
    pub fn logout(&self) -> Logout<Self> {
        let logout = Logout::new(self.clone());
        match self.app_id() {
            Some(app_id) => logout.app_id(app_id),
            None => logout,
        }
    }
}

operation! {
    /// Whether a token is a live login, and whose (`checkLoginStatus`); made by
    /// [`AuthenticationClient::check_login_status_of`].
    pub struct CheckLoginStatus -> LoginStatus {
        wire: Wire::Graphql(&authing_core::graphql::documents::CHECK_LOGIN_STATUS),
        auth: None,
        required {
            /// The token to check.
            #[serde(serialize_with = "operation::expose_secret")]
            token: Secret,
        }
    }
}

operation! {
    /// The end of the held login (`GET /api/v2/logout`); made by
    /// [`AuthenticationClient::logout`]. The client forgets the session after it.
    pub struct Logout -> () {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/logout" },
        auth: User,
        answer: IgnoredAny,
        optional {
            /// The application to log out of (the client's app id).
            #[serde(rename = "app_id")]
            app_id: String,
        }
        impl {
            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }

            fn session(_output: &()) -> SessionEffect<'_> {
                SessionEffect::ForgetToken
            }
        }
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
