//! Whether a login is live, and ending it: [`AuthenticationClient::check_login_status`],
//! [`AuthenticationClient::check_login_status_of`] and [`AuthenticationClient::logout`].

use std::fmt;

use authing_core::model::{LoginStatus, User};
use authing_core::{Error, Lang, Secret, SessionEffect, Transport, Wire, operation};
use http::Method;
use serde::Deserialize;
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

// Logging out another token, and the SSO session.
impl<T: Transport + 'static> AuthenticationClient<T> {
    /// Ends the login `token` belongs to (`GET /api/v2/logout?app_id=..` with that token):
    /// a backend logging a caller out. Authing then refuses the token (2206/2207 on calls,
    /// `status: false` from [`check_login_status_of`](Self::check_login_status_of)). When
    /// this client holds the same token, it forgets its session too.
    pub async fn logout_by_token(&self, token: impl AsToken) -> Result<(), Error> {
        let token = Secret::from(token.as_token());
        if token.expose().trim().is_empty() {
            return Err(self.api().report(Error::invalid_argument(
                "logout_by_token: the token is empty",
            )));
        }
        let other = self.with_token(token.clone());
        let logout = Logout::new(other);
        match self.app_id() {
            Some(app_id) => logout.app_id(app_id).await?,
            None => logout.await?,
        }
        let mut session = self.session();
        if session
            .token()
            .is_some_and(|held| held.expose() == token.expose())
        {
            session.clear();
        }
        Ok(())
    }

    /// The single sign-on session of the held login at the application's host
    /// (`GET {appHost}/cas/session`, authorised by the held token where a browser sends its
    /// cookie): the session and the user, or `None` when the login is over (logged out,
    /// expired). Fails with [`Error::NotLoggedIn`], without I/O, when the client holds no
    /// token.
    ///
    /// The reference does not show this answer's body; this SDK reads it, like every
    /// `/api/v2` answer, as `{code, message, data: {session, userInfo} | null}`, which is
    /// what the fake sends.
    pub fn track_session(&self) -> TrackSession<Self> {
        TrackSession::new(self.clone())
    }
}

operation! {
    /// The SSO session of the bearer's login (`GET /cas/session`); made by
    /// [`AuthenticationClient::track_session`]. `None` when there is none.
    pub struct TrackSession -> Option<SsoSession> {
        wire: Wire::Rest { method: Method::GET, path: "/cas/session" },
        auth: User,
    }
}

/// A live single sign-on session and its user, from
/// [`AuthenticationClient::track_session`].
#[non_exhaustive]
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SsoSession {
    /// The session.
    pub session: SsoSessionDetails,
    /// The user it belongs to.
    pub user_info: User,
}

impl fmt::Debug for SsoSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SsoSession")
            .field("session", &self.session)
            .field("user_id", &self.user_info.id)
            .finish_non_exhaustive()
    }
}

/// The session part of an [`SsoSession`].
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SsoSessionDetails {
    /// The application the login went through.
    #[serde(default)]
    pub app_id: Option<String>,
    /// The user's id.
    pub user_id: String,
    /// The user pool's id.
    #[serde(default)]
    pub user_pool_id: Option<String>,
    /// When the login was made (Unix seconds).
    #[serde(default)]
    pub iat: Option<i64>,
    /// When it expires (Unix seconds).
    #[serde(default)]
    pub exp: Option<i64>,
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
