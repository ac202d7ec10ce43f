//! The logged-in user's own profile: [`AuthenticationClient::get_current_user`],
//! [`AuthenticationClient::update_profile`] and [`AuthenticationClient::update_password`].

use authing_core::model::{UpdateUserInput, User};
use authing_core::{Error, Secret, SessionEffect, Transport, Wire, operation};
use http::Method;

use crate::client::AuthenticationClient;
use crate::graphql::UPDATE_PASSWORD;
use crate::wire::user_id_from_token;

impl<T: Transport + 'static> AuthenticationClient<T> {
    /// The user this client acts for, fresh from Authing (`GET /api/v2/users/me` with the
    /// held token); the client then holds it.
    ///
    /// Fails with [`Error::NotLoggedIn`], without I/O, when the client holds no token.
    pub fn get_current_user(&self) -> GetCurrentUser<Self> {
        GetCurrentUser::new(self.clone())
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
            return Err(self.api().report(Error::invalid_argument(
                "update_profile does not change passwords: use \
                 update_password(new).old_password(old) instead",
            )));
        }
        let token = self.require_token()?;
        let id = self.current_user_id(&token).await?;
        UpdateProfile::new(self.clone(), id, updates).await
    }

    /// Changes the password of the user this client acts for. Both passwords are encrypted
    /// before they leave.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// auth.update_password("new secret").old_password("old secret").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// Fails with [`Error::NotLoggedIn`], without I/O, when the client holds no token.
    pub fn update_password(&self, new_password: impl Into<Secret>) -> UpdatePassword<Self> {
        UpdatePassword::new(self.clone(), new_password)
    }

    /// The id of the logged-in user, with as little I/O as possible; [`Error::NotLoggedIn`]
    /// without I/O when the client holds no token.
    pub(crate) async fn logged_in_user_id(&self) -> Result<String, Error> {
        let token = self.require_token()?;
        self.current_user_id(&token).await
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
        Ok(GetCurrentUser::new(self.clone()).await?.id)
    }
}

operation! {
    /// The user the client acts for, fresh from Authing (`GET /api/v2/users/me`); made by
    /// [`AuthenticationClient::get_current_user`]. The client then holds it.
    pub struct GetCurrentUser -> User {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/users/me" },
        auth: User,
        impl {
            fn session(user: &User) -> SessionEffect<'_> {
                SessionEffect::RememberForToken(user)
            }
        }
    }
}

operation! {
    /// A change to the user's own profile (`updateUser` with the user's token); sent by
    /// [`AuthenticationClient::update_profile`].
    pub struct UpdateProfile -> User {
        wire: Wire::Graphql(&authing_core::graphql::documents::UPDATE_USER),
        auth: User,
        required {
            /// The user's own id.
            id: String,
            /// The fields to change (no password: see `update_password`).
            input: UpdateUserInput,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.input.password.is_some() {
                    return Err(Error::invalid_argument(
                        "update_profile does not change passwords: use \
                         update_password(new).old_password(old) instead",
                    ));
                }
                Ok(())
            }

            fn session(user: &User) -> SessionEffect<'_> {
                SessionEffect::RememberForToken(user)
            }
        }
    }
}

operation! {
    /// A change of the user's own password (`updatePassword`); made by
    /// [`AuthenticationClient::update_password`]. Both passwords are encrypted before they
    /// leave.
    pub struct UpdatePassword -> User {
        wire: Wire::Graphql(&UPDATE_PASSWORD),
        auth: User,
        required {
            /// The new password.
            #[serde(skip_serializing)]
            new_password: Secret,
        }
        optional {
            /// The current password; Authing requires it unless the account has none yet.
            #[serde(skip_serializing)]
            old_password: Secret,
        }
        impl {
            fn passwords(&self) -> Vec<(&'static str, &Secret)> {
                let mut passwords = vec![("/newPassword", &self.new_password)];
                passwords.extend(self.old_password.iter().map(|old| ("/oldPassword", old)));
                passwords
            }
        }
    }
}
