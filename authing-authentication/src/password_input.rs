//! [`PasswordInput`]: what a [`Login`](crate::Login) and a [`Register`](crate::Register)
//! share, an identifier and a password plus the options both take, and how that is sent.

use authing_core::model::User;
use authing_core::{Error, GraphQlOperation, Secret, Transport};
use serde_json::{Map, Value, json};

use crate::client::AuthenticationClient;
use authing_core::model::custom_data_params;

use crate::wire::{context_string, put};

/// The `input` of a password login or registration, without the fields only one of them
/// has: the operation, the identifier (`email` or `username`), the password, and the
/// options set by [`password_input_setters!`].
#[derive(Debug)]
pub(crate) struct PasswordInput {
    operation: &'static GraphQlOperation,
    identifier_field: &'static str,
    identifier: String,
    password: Secret,
    pub(crate) client_ip: Option<String>,
    pub(crate) custom_data: Map<String, Value>,
    pub(crate) context: Map<String, Value>,
}

impl PasswordInput {
    pub(crate) fn new(
        operation: &'static GraphQlOperation,
        identifier_field: &'static str,
        identifier: String,
        password: Secret,
    ) -> Self {
        Self {
            operation,
            identifier_field,
            identifier,
            password,
            client_ip: None,
            custom_data: Map::new(),
            context: Map::new(),
        }
    }

    /// Encrypts the password, builds `input` (identifier, password, then what `own_fields`
    /// puts in, then the shared options that are set), sends it and returns the user.
    /// `own_fields` runs after the password is encrypted; an error from it is returned
    /// without I/O.
    pub(crate) async fn send<T: Transport>(
        self,
        client: &AuthenticationClient<T>,
        own_fields: impl FnOnce(&mut Map<String, Value>) -> Result<(), Error>,
    ) -> Result<User, Error> {
        let password = client.api().encrypt(&self.password)?;
        let mut input = Map::new();
        input.insert(self.identifier_field.to_owned(), self.identifier.into());
        input.insert("password".to_owned(), password.into());
        own_fields(&mut input)?;
        put(&mut input, "clientIp", self.client_ip);
        put(&mut input, "params", custom_data_params(&self.custom_data));
        put(&mut input, "context", context_string(&self.context));
        client
            .api()
            .graphql(self.operation, json!({ "input": input }), None)
            .await
    }
}

/// The setters of the options in [`PasswordInput`], for a builder holding one in its
/// `input` field; `$custom_data_doc` documents `custom_data`.
macro_rules! password_input_setters {
    ($custom_data_doc:literal) => {
        /// The end user's IP address, when the call is made on their behalf by a server.
        pub fn client_ip(mut self, client_ip: impl Into<String>) -> Self {
            self.input.client_ip = Some(client_ip.into());
            self
        }

        #[doc = $custom_data_doc]
        pub fn custom_data(
            mut self,
            custom_data: serde_json::Map<String, serde_json::Value>,
        ) -> Self {
            self.input.custom_data = custom_data;
            self
        }

        /// Context passed to the pool's pipeline functions.
        pub fn context(mut self, context: serde_json::Map<String, serde_json::Value>) -> Self {
            self.input.context = context;
            self
        }
    };
}

pub(crate) use password_input_setters;
