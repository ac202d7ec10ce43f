//! [`FindUser`] (`findUser`) and [`UserExists`] (`isUserExists`): a user by username, email,
//! phone or external id.

use authing_core::model::User;
use authing_core::{Error, Transport};

use super::criteria;
use crate::client::ManagementClient;
use crate::graphql;

/// What identifies the user: any of username, email, phone, external id.
#[derive(Debug, Default)]
struct Criteria {
    username: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    external_id: Option<String>,
}

impl Criteria {
    fn variables(&self, call: &str) -> Result<serde_json::Value, Error> {
        criteria(
            call,
            [
                ("username", &self.username),
                ("email", &self.email),
                ("phone", &self.phone),
                ("externalId", &self.external_id),
            ],
        )
    }
}

macro_rules! criteria_setters {
    () => {
        /// The username (case-sensitive).
        pub fn username(mut self, username: impl Into<String>) -> Self {
            self.criteria.username = Some(username.into());
            self
        }

        /// The email address (case-insensitive).
        pub fn email(mut self, email: impl Into<String>) -> Self {
            self.criteria.email = Some(email.into());
            self
        }

        /// The phone number.
        pub fn phone(mut self, phone: impl Into<String>) -> Self {
            self.criteria.phone = Some(phone.into());
            self
        }

        /// The user's id in an external system.
        pub fn external_id(mut self, external_id: impl Into<String>) -> Self {
            self.criteria.external_id = Some(external_id.into());
            self
        }
    };
}

/// The user with a given username, email, phone or external id; made by
/// [`UsersHandler::find`](super::UsersHandler::find).
#[derive(Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct FindUser<T> {
    client: ManagementClient<T>,
    criteria: Criteria,
    with_custom_data: bool,
}

impl<T: Transport> FindUser<T> {
    pub(crate) fn new(client: ManagementClient<T>) -> Self {
        Self {
            client,
            criteria: Criteria::default(),
            with_custom_data: false,
        }
    }

    criteria_setters!();

    /// Whether to fetch the user's custom data too (default no).
    pub fn with_custom_data(mut self, with_custom_data: bool) -> Self {
        self.with_custom_data = with_custom_data;
        self
    }

    /// Sends the request: `None` when no user matches. Without any criterion, or with an
    /// empty one, it is [`Error::InvalidArgument`] and nothing is sent.
    pub async fn send(self) -> Result<Option<User>, Error> {
        let client = self.client;
        let variables = self
            .criteria
            .variables("find")
            .map_err(|e| client.report_error(e))?;
        let operation = graphql::with_custom_data_if(
            self.with_custom_data,
            &graphql::FIND_USER,
            &graphql::FIND_USER_WITH_CUSTOM_DATA,
        );
        client.graphql(operation, variables).await
    }
}

/// Whether a user with a given username, email, phone or external id exists; made by
/// [`UsersHandler::exists`](super::UsersHandler::exists).
#[derive(Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct UserExists<T> {
    client: ManagementClient<T>,
    criteria: Criteria,
}

impl<T: Transport> UserExists<T> {
    pub(crate) fn new(client: ManagementClient<T>) -> Self {
        Self {
            client,
            criteria: Criteria::default(),
        }
    }

    criteria_setters!();

    /// Sends the request. Without any criterion, or with an empty one, it is
    /// [`Error::InvalidArgument`] and nothing is sent. A `null` answer counts as `false`.
    pub async fn send(self) -> Result<bool, Error> {
        let client = self.client;
        let variables = self
            .criteria
            .variables("exists")
            .map_err(|e| client.report_error(e))?;
        let exists: Option<bool> = client.graphql(&graphql::IS_USER_EXISTS, variables).await?;
        Ok(exists.unwrap_or(false))
    }
}
