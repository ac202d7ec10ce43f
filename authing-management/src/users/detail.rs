//! [`UserDetail`]: `user(id)`.

use authing_core::model::User;
use authing_core::{Error, Lang, Transport};
use http::StatusCode;
use serde_json::json;

use super::require_id;
use crate::client::ManagementClient;
use crate::graphql;

/// Authing's code for "user not found".
pub(crate) const USER_NOT_FOUND: i64 = 2004;

/// One user by id; made by [`UsersHandler::detail`](super::UsersHandler::detail).
#[derive(Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct UserDetail<T> {
    client: ManagementClient<T>,
    user_id: String,
    with_custom_data: bool,
}

impl<T: Transport> UserDetail<T> {
    pub(crate) fn new(client: ManagementClient<T>, user_id: String) -> Self {
        Self {
            client,
            user_id,
            with_custom_data: false,
        }
    }

    /// Whether to fetch the user's custom data too (default no).
    pub fn with_custom_data(mut self, with_custom_data: bool) -> Self {
        self.with_custom_data = with_custom_data;
        self
    }

    /// Sends the request. A user that does not exist is [`Error::Api`] with code `2004`,
    /// whether Authing says so with an error or with a `null` user.
    pub async fn send(self) -> Result<User, Error> {
        let client = self.client;
        require_id(&self.user_id).map_err(|e| client.report_error(e))?;
        let operation = graphql::with_custom_data_if(
            self.with_custom_data,
            &graphql::USER,
            &graphql::USER_WITH_CUSTOM_DATA,
        );
        let user: Option<User> = client
            .graphql(operation, json!({ "id": self.user_id }))
            .await?;
        user.ok_or_else(|| client.report_error(user_not_found(client.lang())))
    }
}

/// The error Authing gives for a user that does not exist, in the client's language.
fn user_not_found(lang: Lang) -> Error {
    let message = match lang {
        Lang::EnUs => "User does not exist",
        _ => "用户不存在",
    };
    Error::Api {
        code: USER_NOT_FOUND,
        message: message.to_owned(),
        data: None,
        status: StatusCode::OK,
    }
}
