//! A fresh token for the held login: [`AuthenticationClient::refresh_token`].

pub use authing_core::model::RefreshedToken;
use authing_core::{Error, Transport, Wire, operation};

use crate::client::AuthenticationClient;
use authing_core::graphql::documents::REFRESH_TOKEN;

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

operation! {
    /// A fresh token for the bearer's login (`refreshToken`); made by
    /// [`AuthenticationClient::refresh_token`].
    pub struct RefreshToken -> RefreshedToken {
        wire: Wire::Graphql(&REFRESH_TOKEN),
        auth: User,
    }
}
