//! Registration: [`AuthenticationClient::register_by_email`] and
//! [`AuthenticationClient::register_by_username`].

use authing_core::model::{RegisterProfile, User};
use authing_core::{Error, GraphQlOperation, Secret, Transport};
use serde_json::{Map, Value, json};

use crate::client::AuthenticationClient;
use crate::graphql::{REGISTER_BY_EMAIL, REGISTER_BY_USERNAME};
use crate::wire::{context_string, custom_data_params, put};

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
            &REGISTER_BY_EMAIL,
            "email",
            email.into(),
            password.into(),
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
            &REGISTER_BY_USERNAME,
            "username",
            username.into(),
            password.into(),
        )
    }
}

/// A registration to send; made by [`AuthenticationClient::register_by_email`] and
/// [`AuthenticationClient::register_by_username`].
#[derive(Debug)]
#[must_use = "nothing is sent until `.send().await`"]
pub struct Register<'a, T> {
    client: &'a AuthenticationClient<T>,
    operation: &'static GraphQlOperation,
    identifier_field: &'static str,
    identifier: String,
    password: Secret,
    profile: Option<RegisterProfile>,
    force_login: Option<bool>,
    generate_token: Option<bool>,
    client_ip: Option<String>,
    custom_data: Map<String, Value>,
    context: Map<String, Value>,
}

impl<'a, T: Transport> Register<'a, T> {
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
            profile: None,
            force_login: None,
            generate_token: None,
            client_ip: None,
            custom_data: Map::new(),
            context: Map::new(),
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

    /// The end user's IP address, when the call is made on their behalf by a server.
    pub fn client_ip(mut self, client_ip: impl Into<String>) -> Self {
        self.client_ip = Some(client_ip.into());
        self
    }

    /// Values of the user pool's custom fields for the new user.
    pub fn custom_data(mut self, custom_data: Map<String, Value>) -> Self {
        self.custom_data = custom_data;
        self
    }

    /// Context passed to the pool's pipeline functions.
    pub fn context(mut self, context: Map<String, Value>) -> Self {
        self.context = context;
        self
    }

    /// Sends the registration and returns the new user.
    pub async fn send(self) -> Result<User, Error> {
        let client = self.client;
        let password = client.api().encrypt(&self.password)?;
        let profile = self
            .profile
            .map(serde_json::to_value)
            .transpose()
            .map_err(|e| client.fail(Error::invalid_argument(format!("bad profile: {e}"))))?;
        let mut input = Map::new();
        input.insert(self.identifier_field.to_owned(), self.identifier.into());
        input.insert("password".to_owned(), password.into());
        put(&mut input, "profile", profile);
        put(&mut input, "forceLogin", self.force_login);
        put(&mut input, "generateToken", self.generate_token);
        put(&mut input, "clientIp", self.client_ip);
        put(&mut input, "params", custom_data_params(&self.custom_data));
        put(&mut input, "context", context_string(&self.context));
        let user: User = client
            .api()
            .graphql(self.operation, json!({ "input": input }), None)
            .await?;
        if user.token.as_ref().is_some_and(|t| !t.is_empty()) {
            client.remember(&user);
        }
        Ok(user)
    }
}
