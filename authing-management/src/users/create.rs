//! [`CreateUser`]: `createUser(userInfo, keepPassword, resetPasswordOnFirstLogin, params)`.

use authing_core::model::{CreateUserInput, User, custom_data_params};
use authing_core::{Error, Transport};
use serde_json::{Value, json};

use super::{put, wire_input};
use crate::client::ManagementClient;
use crate::graphql;

/// Creates a user; made by [`UsersHandler::create`](super::UsersHandler::create).
#[derive(Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct CreateUser<T> {
    client: ManagementClient<T>,
    input: CreateUserInput,
    keep_password: Option<bool>,
    reset_password_on_first_login: Option<bool>,
    custom_data: Option<Vec<(String, Value)>>,
    with_custom_data: bool,
}

impl<T: Transport> CreateUser<T> {
    pub(crate) fn new(client: ManagementClient<T>, input: CreateUserInput) -> Self {
        Self {
            client,
            input,
            keep_password: None,
            reset_password_on_first_login: None,
            custom_data: None,
            with_custom_data: false,
        }
    }

    /// Store the password as given, without Authing's own hashing (for pools with a custom
    /// password function). Default `false`. The password is still encrypted in transit.
    pub fn keep_password(mut self, keep_password: bool) -> Self {
        self.keep_password = Some(keep_password);
        self
    }

    /// Make the user choose a new password at first login. Default `false`.
    pub fn reset_password_on_first_login(mut self, reset: bool) -> Self {
        self.reset_password_on_first_login = Some(reset);
        self
    }

    /// Initial custom data, as key–value pairs (the keys must be custom fields defined for
    /// users). Sent as `params`, the JSON text of `[{"key": ..., "value": ...}]` with the
    /// values as given. Setting it also makes the answer carry the user's custom data.
    pub fn custom_data<K, V>(mut self, data: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<Value>,
    {
        self.custom_data = Some(
            data.into_iter()
                .map(|(key, value)| (key.into(), value.into()))
                .collect(),
        );
        self
    }

    /// Whether the answer carries the user's custom data (default: only when
    /// [`custom_data`](Self::custom_data) is set).
    pub fn with_custom_data(mut self, with_custom_data: bool) -> Self {
        self.with_custom_data = with_custom_data;
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<User, Error> {
        let client = self.client;
        let variables = variables(
            &client,
            &self.input,
            self.keep_password,
            self.reset_password_on_first_login,
            self.custom_data.as_deref(),
        )
        .map_err(|e| client.report_error(e))?;
        let operation = graphql::with_custom_data_if(
            self.with_custom_data || self.custom_data.is_some(),
            &graphql::CREATE_USER,
            &graphql::CREATE_USER_WITH_CUSTOM_DATA,
        );
        client.graphql(operation, variables).await
    }
}

fn variables(
    client: &ManagementClient<impl Transport>,
    input: &CreateUserInput,
    keep_password: Option<bool>,
    reset_password_on_first_login: Option<bool>,
    custom_data: Option<&[(String, Value)]>,
) -> Result<Value, Error> {
    let user_info = wire_input(client, input, input.password.as_ref())?;
    let mut variables = json!({ "userInfo": user_info });
    put(&mut variables, "keepPassword", keep_password);
    put(
        &mut variables,
        "resetPasswordOnFirstLogin",
        reset_password_on_first_login,
    );
    if let Some(params) =
        custom_data.and_then(|data| custom_data_params(data.iter().map(|(k, v)| (k, v))))
    {
        variables["params"] = Value::String(params);
    }
    Ok(variables)
}
