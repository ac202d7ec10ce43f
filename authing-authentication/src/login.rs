//! Login with a password: [`AuthenticationClient::login_by_email`] and
//! [`AuthenticationClient::login_by_username`].

use authing_core::model::User;
use authing_core::{Error, GraphQlOperation, Secret, Transport};
use serde_json::{Map, Value, json};

use crate::client::AuthenticationClient;
use crate::graphql::{LOGIN_BY_EMAIL, LOGIN_BY_USERNAME};
use crate::wire::{context_string, custom_data_params, put};

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
            &LOGIN_BY_EMAIL,
            "email",
            email.into(),
            password.into(),
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
            &LOGIN_BY_USERNAME,
            "username",
            username.into(),
            password.into(),
        )
    }
}

/// A login to send; made by [`AuthenticationClient::login_by_email`] and
/// [`AuthenticationClient::login_by_username`].
#[derive(Debug)]
#[must_use = "nothing is sent until `.send().await`"]
pub struct Login<'a, T> {
    client: &'a AuthenticationClient<T>,
    operation: &'static GraphQlOperation,
    identifier_field: &'static str,
    identifier: String,
    password: Secret,
    auto_register: Option<bool>,
    captcha_code: Option<Secret>,
    client_ip: Option<String>,
    custom_data: Map<String, Value>,
    context: Map<String, Value>,
}

impl<'a, T: Transport> Login<'a, T> {
    fn new(
        client: &'a AuthenticationClient<T>,
        operation: &'static GraphQlOperation,
        identifier_field: &'static str,
        identifier: String,
        password: Secret,
    ) -> Self {
        Self {
            client,
            operation,
            identifier_field,
            identifier,
            password,
            auto_register: None,
            captcha_code: None,
            client_ip: None,
            custom_data: Map::new(),
            context: Map::new(),
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

    /// The end user's IP address, when the call is made on their behalf by a server.
    pub fn client_ip(mut self, client_ip: impl Into<String>) -> Self {
        self.client_ip = Some(client_ip.into());
        self
    }

    /// Values of the user pool's custom fields to set on the user.
    pub fn custom_data(mut self, custom_data: Map<String, Value>) -> Self {
        self.custom_data = custom_data;
        self
    }

    /// Context passed to the pool's pipeline functions.
    pub fn context(mut self, context: Map<String, Value>) -> Self {
        self.context = context;
        self
    }

    /// Sends the login and returns the user, with their `token`; the client then acts for
    /// that user.
    pub async fn send(self) -> Result<User, Error> {
        let client = self.client;
        let password = client.api().encrypt(&self.password)?;
        let mut input = Map::new();
        input.insert(self.identifier_field.to_owned(), self.identifier.into());
        input.insert("password".to_owned(), password.into());
        put(&mut input, "autoRegister", self.auto_register);
        put(
            &mut input,
            "captchaCode",
            self.captcha_code.as_ref().map(Secret::expose),
        );
        put(&mut input, "clientIp", self.client_ip);
        put(&mut input, "params", custom_data_params(&self.custom_data));
        put(&mut input, "context", context_string(&self.context));
        let user: User = client
            .api()
            .graphql(self.operation, json!({ "input": input }), None)
            .await?;
        client.remember(&user);
        Ok(user)
    }
}
