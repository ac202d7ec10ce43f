//! A fresh token for the held login: [`AuthenticationClient::refresh_token`].

use std::fmt;

use authing_core::{Error, Secret, Transport, Wire, operation};
use serde::Deserialize;

use crate::client::AuthenticationClient;
use crate::graphql::REFRESH_TOKEN;

impl<T: Transport + 'static> AuthenticationClient<T> {
    /// Asks Authing for a fresh token of the held login (`refreshToken`, authorised by the
    /// held token), and holds it in place of the old one; the user stays. Earlier tokens of
    /// the login stay valid until they expire or the user logs out.
    ///
    /// Fails with [`Error::NotLoggedIn`], without I/O, when the client holds no token.
    pub async fn refresh_token(&self) -> Result<RefreshedToken, Error> {
        let old = self.require_token()?;
        let refreshed = RefreshToken::new(self.with_token(old.clone())).await?;
        self.session().refresh(&old, refreshed.token.clone());
        Ok(refreshed)
    }
}

/// A refreshed token and its lifetime. `Debug` hides the token.
#[non_exhaustive]
#[derive(Clone, Deserialize)]
pub struct RefreshedToken {
    /// The new token.
    pub token: Secret,
    /// When it was issued (Unix seconds).
    #[serde(default)]
    pub iat: Option<i64>,
    /// When it expires (Unix seconds).
    #[serde(default)]
    pub exp: Option<i64>,
}

impl fmt::Debug for RefreshedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshedToken")
            .field("iat", &self.iat)
            .field("exp", &self.exp)
            .finish_non_exhaustive()
    }
}

operation! {
    /// A fresh token for the bearer's login (`refreshToken`); made by
    /// [`AuthenticationClient::refresh_token`].
    pub struct RefreshToken -> RefreshedToken {
        wire: Wire::Graphql(&REFRESH_TOKEN),
        auth: User,
    }
}
