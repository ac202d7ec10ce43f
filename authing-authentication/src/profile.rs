//! The logged-in user's own profile: [`AuthenticationClient::get_current_user`],
//! [`AuthenticationClient::update_profile`] and [`AuthenticationClient::update_password`].

use authing_core::model::{UpdateUserInput, User};
use authing_core::{Error, Secret, Transport};
use http::Method;
use serde_json::{Map, json};

use crate::client::AuthenticationClient;
use crate::graphql::{UPDATE_PASSWORD, UPDATE_USER};
use crate::wire::{put, user_id_from_token};

impl<T: Transport> AuthenticationClient<T> {
    /// The user this client acts for, fresh from Authing (`GET /api/v2/users/me` with the
    /// held token); the client then holds it.
    ///
    /// Fails with [`Error::NotLoggedIn`], without I/O, when the client holds no token.
    pub async fn get_current_user(&self) -> Result<User, Error> {
        let token = self.require_token()?;
        self.fetch_current_user(&token).await
    }

    /// Changes the profile of the user this client acts for (`updateUser` with the user's
    /// own id and token) and returns the updated user; the client then holds it.
    ///
    /// Fails with [`Error::NotLoggedIn`], without I/O, when the client holds no token, and
    /// with [`Error::InvalidArgument`] when `updates` sets a password: change it with
    /// [`update_password`](Self::update_password), which checks the old one. Authing refuses
    /// changes to `email` (2225) and `phone` (2226) here.
    ///
    /// The user's id is the held user's, else the `sub` of the token (read locally, not
    /// verified), else it is fetched with [`get_current_user`](Self::get_current_user).
    pub async fn update_profile(&self, updates: UpdateUserInput) -> Result<User, Error> {
        if updates.password.is_some() {
            return Err(self.fail(Error::invalid_argument(
                "update_profile does not change passwords: use \
                 update_password(new).old_password(old) instead",
            )));
        }
        let token = self.require_token()?;
        let id = self.current_user_id(&token).await?;
        let input = serde_json::to_value(&updates)
            .map_err(|e| self.fail(Error::invalid_argument(format!("bad updates: {e}"))))?;
        let user: User = self
            .api()
            .graphql(
                &UPDATE_USER,
                json!({ "id": id, "input": input }),
                Some(&token),
            )
            .await?;
        self.remember_for(&token, &user);
        Ok(user)
    }

    /// Changes the password of the user this client acts for; finish with
    /// [`send`](UpdatePassword::send). Both passwords are encrypted before they leave.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// auth.update_password("new secret").old_password("old secret").send().await?;
    /// # Ok(()) }
    /// ```
    pub fn update_password(&self, new_password: impl Into<Secret>) -> UpdatePassword<'_, T> {
        UpdatePassword {
            client: self,
            new_password: new_password.into(),
            old_password: None,
        }
    }

    async fn fetch_current_user(&self, token: &Secret) -> Result<User, Error> {
        let user: User = self
            .api()
            .rest(Method::GET, "/api/v2/users/me", None, Some(token))
            .await?;
        self.remember_for(token, &user);
        Ok(user)
    }

    /// The id of the user `token` belongs to, with as little I/O as possible.
    async fn current_user_id(&self, token: &Secret) -> Result<String, Error> {
        let held = {
            let session = self.session();
            session
                .user()
                .filter(|_| session.token() == Some(token))
                .map(|user| user.id.clone())
        };
        if let Some(id) = held.or_else(|| user_id_from_token(token.expose())) {
            return Ok(id);
        }
        Ok(self.fetch_current_user(token).await?.id)
    }
}

/// A password change to send; made by [`AuthenticationClient::update_password`].
#[derive(Debug)]
#[must_use = "nothing is sent until `.send().await`"]
pub struct UpdatePassword<'a, T> {
    client: &'a AuthenticationClient<T>,
    new_password: Secret,
    old_password: Option<Secret>,
}

impl<T: Transport> UpdatePassword<'_, T> {
    /// The current password; Authing requires it unless the account has none yet.
    pub fn old_password(mut self, old_password: impl Into<Secret>) -> Self {
        self.old_password = Some(old_password.into());
        self
    }

    /// Sends the change and returns the user.
    ///
    /// Fails with [`Error::NotLoggedIn`], without I/O, when the client holds no token.
    pub async fn send(self) -> Result<User, Error> {
        let client = self.client;
        let token = client.require_token()?;
        let mut variables = Map::new();
        variables.insert(
            "newPassword".to_owned(),
            client.api().encrypt(&self.new_password)?.into(),
        );
        let old = self
            .old_password
            .map(|old| client.api().encrypt(&old))
            .transpose()?;
        put(&mut variables, "oldPassword", old);
        client
            .api()
            .graphql(&UPDATE_PASSWORD, variables.into(), Some(&token))
            .await
    }
}
