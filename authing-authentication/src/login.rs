//! Login with a password: [`AuthenticationClient::login_by_email`] and
//! [`AuthenticationClient::login_by_username`].

use authing_core::model::User;
use authing_core::{Error, Secret, Transport};

use crate::client::AuthenticationClient;
use crate::graphql::{LOGIN_BY_EMAIL, LOGIN_BY_USERNAME};
use crate::password_input::{PasswordInput, password_input_setters};
use crate::wire::put;

impl<T: Transport> AuthenticationClient<T> {
    /// Logs a user in with an email address and a password; finish with
    /// [`send`](Login::send).
    ///
    /// The password is encrypted with the client's key before it leaves. On success the
    /// client acts for the user: it holds the user and their token.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// use authing_core::model::UpdateUserInput;
    ///
    /// let user = auth.login_by_email("ada@example.com", "correct horse").send().await?;
    /// let user = auth
    ///     .update_profile(UpdateUserInput { nickname: Some("Ada".into()), ..Default::default() })
    ///     .await?;
    /// # let _ = user; Ok(()) }
    /// ```
    ///
    /// Authing answers a wrong password with [`Error::Api`] code `2333`, an account that
    /// needs MFA with `1635`/`1636` (its `data` holds the `mfaToken`), and asks for a
    /// captcha with `2000` after repeated failures.
    pub fn login_by_email(
        &self,
        email: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Login<'_, T> {
        Login::new(
            self,
            PasswordInput::new(&LOGIN_BY_EMAIL, "email", email.into(), password.into()),
        )
    }

    /// Logs a user in with a username and a password; finish with [`send`](Login::send).
    /// Otherwise as [`login_by_email`](Self::login_by_email).
    pub fn login_by_username(
        &self,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Login<'_, T> {
        Login::new(
            self,
            PasswordInput::new(
                &LOGIN_BY_USERNAME,
                "username",
                username.into(),
                password.into(),
            ),
        )
    }
}

/// A login to send; made by [`AuthenticationClient::login_by_email`] and
/// [`AuthenticationClient::login_by_username`].
#[derive(Debug)]
#[must_use = "nothing is sent until `.send().await`"]
pub struct Login<'a, T> {
    client: &'a AuthenticationClient<T>,
    input: PasswordInput,
    auto_register: Option<bool>,
    captcha_code: Option<Secret>,
}

impl<'a, T: Transport> Login<'a, T> {
    fn new(client: &'a AuthenticationClient<T>, input: PasswordInput) -> Self {
        Self {
            client,
            input,
            auto_register: None,
            captcha_code: None,
        }
    }

    /// Creates the account when it does not exist yet.
    pub fn auto_register(mut self, auto_register: bool) -> Self {
        self.auto_register = Some(auto_register);
        self
    }

    /// The image captcha's answer, which Authing asks for (code `2000`) after repeated
    /// failures.
    pub fn captcha_code(mut self, captcha_code: impl Into<Secret>) -> Self {
        self.captcha_code = Some(captcha_code.into());
        self
    }

    password_input_setters!("Values of the user pool's custom fields to set on the user.");

    /// Sends the login and returns the user, with their `token`; the client then acts for
    /// that user.
    pub async fn send(self) -> Result<User, Error> {
        let client = self.client;
        let user = self
            .input
            .send(client, |input| {
                put(input, "autoRegister", self.auto_register);
                put(
                    input,
                    "captchaCode",
                    self.captcha_code.as_ref().map(Secret::expose),
                );
                Ok(())
            })
            .await?;
        client.remember(&user);
        Ok(user)
    }
}
