//! The client's local state, no I/O: [`AuthenticationClient::set_current_user`],
//! [`check_logged_in`](AuthenticationClient::check_logged_in) and
//! [`set_lang`](AuthenticationClient::set_lang). (`set_token` and `clear_session` are with
//! the client itself.)

use std::sync::Arc;

use authing_core::model::User;
use authing_core::{Error, Lang};

use crate::client::{AuthenticationClient, Shared};
use crate::wire::user_id_from_token;

impl<T> AuthenticationClient<T> {
    /// Acts for `user` from now on: holds it, and its token when it carries one (a user
    /// without a token keeps the held token only if it is the same user). Affects every
    /// clone sharing this session.
    pub fn set_current_user(&self, user: &User) {
        self.session().remember(user);
    }

    /// The id of the user this client acts for, read locally: the held user's, else the
    /// `sub` (or `data.id`) of the held token, decoded **without verifying it** (Authing
    /// checks the token on every call; use
    /// [`check_login_status`](Self::check_login_status) to ask it).
    ///
    /// Fails with [`Error::NotLoggedIn`] when the client holds no token, or a token that
    /// is no user token and no user.
    pub fn check_logged_in(&self) -> Result<String, Error> {
        let session = self.session();
        let token = session.token().ok_or(Error::NotLoggedIn)?;
        session
            .user()
            .map(|user| user.id.clone())
            .or_else(|| user_id_from_token(token.expose()))
            .ok_or(Error::NotLoggedIn)
    }

    /// The language of Authing's messages for this client from now on (`x-authing-lang`).
    ///
    /// A per-client setting: clones made before keep theirs, clones made after (and
    /// [`with_token`](Self::with_token) clients) take this one. The session is unchanged.
    ///
    /// ```
    /// # use authing_authentication::AuthenticationClient;
    /// # use authing_core::{Lang, transport_fn};
    /// # let transport = transport_fn(|_r: http::Request<bytes::Bytes>| async {
    /// #     Ok(http::Response::new(bytes::Bytes::new()))
    /// # });
    /// let mut auth = AuthenticationClient::builder()
    ///     .app_id("APP_ID")
    ///     .transport(transport)
    ///     .build()?;
    /// auth.set_lang(Lang::EnUs);
    /// assert_eq!(auth.api().lang(), Lang::EnUs);
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn set_lang(&mut self, lang: Lang)
    where
        T: Clone,
    {
        self.shared = Arc::new(Shared {
            api: self.shared.api.with_lang(lang),
            app_id: self.shared.app_id.clone(),
            user_pool_id: self.shared.user_pool_id.clone(),
            websocket_host: self.shared.websocket_host.clone(),
        });
    }
}
