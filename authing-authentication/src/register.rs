//! Registration: [`AuthenticationClient::register_by_email`] and
//! [`AuthenticationClient::register_by_username`].

use authing_core::model::{RegisterProfile, User};
use authing_core::{Error, Secret, Transport};

use crate::client::AuthenticationClient;
use crate::graphql::{REGISTER_BY_EMAIL, REGISTER_BY_USERNAME};
use crate::password_input::{PasswordInput, password_input_setters};
use crate::wire::put;

impl<T: Transport> AuthenticationClient<T> {
    /// Registers a user with an email address and a password; finish with
    /// [`send`](Register::send).
    ///
    /// The password is encrypted with the client's key before it leaves. When Authing
    /// answers with a token ([`force_login`](Register::force_login) or
    /// [`generate_token`](Register::generate_token)), the client then acts for the new user.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// use authing_core::model::RegisterProfile;
    ///
    /// let user = auth
    ///     .register_by_email("ada@example.com", "correct horse")
    ///     .profile(RegisterProfile { nickname: Some("Ada".into()), ..Default::default() })
    ///     .force_login(true)
    ///     .send()
    ///     .await?;
    /// assert!(auth.token().is_some());
    /// # let _ = user; Ok(()) }
    /// ```
    pub fn register_by_email(
        &self,
        email: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Register<'_, T> {
        Register::new(
            self,
            PasswordInput::new(&REGISTER_BY_EMAIL, "email", email.into(), password.into()),
        )
    }

    /// Registers a user with a username and a password; finish with
    /// [`send`](Register::send). Otherwise as [`register_by_email`](Self::register_by_email).
    pub fn register_by_username(
        &self,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Register<'_, T> {
        Register::new(
            self,
            PasswordInput::new(
                &REGISTER_BY_USERNAME,
                "username",
                username.into(),
                password.into(),
            ),
        )
    }
}

/// A registration to send; made by [`AuthenticationClient::register_by_email`] and
/// [`AuthenticationClient::register_by_username`].
#[derive(Debug)]
#[must_use = "nothing is sent until `.send().await`"]
pub struct Register<'a, T> {
    client: &'a AuthenticationClient<T>,
    input: PasswordInput,
    profile: Option<RegisterProfile>,
    force_login: Option<bool>,
    generate_token: Option<bool>,
}

impl<'a, T: Transport> Register<'a, T> {
    fn new(client: &'a AuthenticationClient<T>, input: PasswordInput) -> Self {
        Self {
            client,
            input,
            profile: None,
            force_login: None,
            generate_token: None,
        }
    }

    /// Profile fields of the new user.
    pub fn profile(mut self, profile: RegisterProfile) -> Self {
        self.profile = Some(profile);
        self
    }

    /// Runs the full login pipeline after registering (counts a login, fires the login
    /// hooks) and returns a token.
    pub fn force_login(mut self, force_login: bool) -> Self {
        self.force_login = Some(force_login);
        self
    }

    /// Issues a token for the new user without running the login pipeline.
    pub fn generate_token(mut self, generate_token: bool) -> Self {
        self.generate_token = Some(generate_token);
        self
    }

    password_input_setters!("Values of the user pool's custom fields for the new user.");

    /// Sends the registration and returns the new user.
    pub async fn send(self) -> Result<User, Error> {
        let client = self.client;
        let user = self
            .input
            .send(client, |input| {
                let profile = self
                    .profile
                    .map(serde_json::to_value)
                    .transpose()
                    .map_err(|e| {
                        client.fail(Error::invalid_argument(format!("bad profile: {e}")))
                    })?;
                put(input, "profile", profile);
                put(input, "forceLogin", self.force_login);
                put(input, "generateToken", self.generate_token);
                Ok(())
            })
            .await?;
        if user.token.as_ref().is_some_and(|t| !t.is_empty()) {
            client.remember(&user);
        }
        Ok(user)
    }
}
