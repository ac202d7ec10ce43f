//! Users of a pool: [`UsersHandler`] and its request builders.
//!
//! Calls with optional arguments return a builder finished with `.send()`; calls without
//! them are plain `async fn`s.
//!
//! ```
//! # async fn run(client: authing_management::ManagementClient) -> Result<(), authing_core::Error> {
//! use authing_core::model::{CreateUserInput, SortBy};
//!
//! let page = client.users().list().page(1).limit(20).sort_by(SortBy::CreatedAtAsc).send().await?;
//! let bob = client
//!     .users()
//!     .create(CreateUserInput {
//!         username: Some("bob".into()),
//!         password: Some("s3cret!".into()),
//!         ..Default::default()
//!     })
//!     .custom_data([("department", "R&D")])
//!     .send()
//!     .await?;
//! client.users().delete(&bob.id).await?;
//! # let _ = page;
//! # Ok(())
//! # }
//! ```

mod batch;
mod create;
mod detail;
mod find;
mod list;
mod page_query;
mod search;

use authing_core::model::{CommonMessage, CreateUserInput, UpdateUserInput, User};
use authing_core::{Error, Secret, Transport};
use serde::Serialize;
use serde_json::{Value, json};

use crate::client::ManagementClient;
use crate::graphql;

pub use batch::{BatchField, BatchGetUsers, MAX_BATCH_IDS};
pub use create::CreateUser;
pub use detail::UserDetail;
pub use find::{FindUser, UserExists};
pub use list::ListUsers;
pub use search::{SearchUserDepartmentOpt, SearchUserGroupOpt, SearchUserRoleOpt, SearchUsers};

/// The users of a pool; get one with [`ManagementClient::users`].
///
/// It holds a clone of the client (a pointer copy), so it and the builders it returns own
/// what they need: their futures can be spawned.
#[derive(Debug)]
pub struct UsersHandler<T = std::sync::Arc<dyn Transport>> {
    client: ManagementClient<T>,
}

impl<T> Clone for UsersHandler<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
        }
    }
}

impl<T: Transport> UsersHandler<T> {
    pub(crate) fn new(client: ManagementClient<T>) -> Self {
        Self { client }
    }

    /// One page of the pool's users (`users`): page 1 of 10, newest first, unless set.
    pub fn list(&self) -> ListUsers<T> {
        ListUsers::new(self.client.clone())
    }

    /// Creates a user (`createUser`). A `password` in `input` is encrypted with the client's
    /// key before it is sent.
    pub fn create(&self, input: CreateUserInput) -> CreateUser<T> {
        CreateUser::new(self.client.clone(), input)
    }

    /// Changes a user's fields (`updateUser`); unset fields are left alone. A `password` in
    /// `input` is encrypted with the client's key before it is sent.
    pub async fn update(&self, user_id: &str, input: UpdateUserInput) -> Result<User, Error> {
        let client = &self.client;
        let prepared = require_id(user_id)
            .and_then(|()| wire_input(client, &input, input.password.as_ref()))
            .map_err(|e| client.report_error(e))?;
        client
            .graphql(
                &graphql::UPDATE_USER,
                json!({ "id": user_id, "input": prepared }),
            )
            .await
    }

    /// One user by id (`user`). A user that does not exist is [`Error::Api`] with code
    /// `2004`.
    pub fn detail(&self, user_id: impl Into<String>) -> UserDetail<T> {
        UserDetail::new(self.client.clone(), user_id.into())
    }

    /// The user with a given username, email, phone or external id (`findUser`), or `None`.
    /// Set at least one criterion.
    pub fn find(&self) -> FindUser<T> {
        FindUser::new(self.client.clone())
    }

    /// Users matching a full-text `query` (`searchUser`).
    pub fn search(&self, query: impl Into<String>) -> SearchUsers<T> {
        SearchUsers::new(self.client.clone(), query.into())
    }

    /// Up to [`MAX_BATCH_IDS`] users by id, or by another field with
    /// [`by`](BatchGetUsers::by) (`userBatch`).
    pub fn batch_get(&self, ids: Vec<String>) -> BatchGetUsers<T> {
        BatchGetUsers::new(self.client.clone(), ids)
    }

    /// Deletes a user (`deleteUser`).
    pub async fn delete(&self, user_id: &str) -> Result<CommonMessage, Error> {
        let client = &self.client;
        require_id(user_id).map_err(|e| client.report_error(e))?;
        client
            .graphql(&graphql::DELETE_USER, json!({ "id": user_id }))
            .await
    }

    /// Deletes several users (`deleteUsers`). An empty list is [`Error::InvalidArgument`].
    pub async fn delete_many(&self, user_ids: Vec<String>) -> Result<CommonMessage, Error> {
        let client = &self.client;
        if user_ids.is_empty() {
            return Err(client.report_error(Error::invalid_argument(
                "delete_many needs at least one user id",
            )));
        }
        if let Err(e) = user_ids.iter().try_for_each(|id| require_id(id)) {
            return Err(client.report_error(e));
        }
        client
            .graphql(&graphql::DELETE_USERS, json!({ "ids": user_ids }))
            .await
    }

    /// Whether a user with a given username, email, phone or external id exists
    /// (`isUserExists`). Set at least one criterion.
    pub fn exists(&self) -> UserExists<T> {
        UserExists::new(self.client.clone())
    }
}

/// `Err(InvalidArgument)` for an empty or blank user id.
fn require_id(user_id: &str) -> Result<(), Error> {
    if user_id.trim().is_empty() {
        Err(Error::invalid_argument("the user id is empty"))
    } else {
        Ok(())
    }
}

/// `input` as the JSON object Authing takes, with `password` encrypted by the client's
/// encryptor and inserted (input types skip their plain-text password when serialised).
fn wire_input<I: Serialize>(
    client: &ManagementClient<impl Transport>,
    input: &I,
    password: Option<&Secret>,
) -> Result<Value, Error> {
    let mut value = serde_json::to_value(input)
        .map_err(|e| Error::invalid_argument(format!("the input does not serialise: {e}")))?;
    if let Some(password) = password {
        let encrypted = client.encrypt(password)?;
        match &mut value {
            Value::Object(map) => {
                map.insert("password".to_owned(), Value::String(encrypted));
            }
            _ => {
                return Err(Error::invalid_argument(
                    "the input does not serialise to an object",
                ));
            }
        }
    }
    Ok(value)
}

/// Sets `variables[key]` to `value` when it is `Some`.
fn put(variables: &mut Value, key: &str, value: Option<impl Serialize>) {
    if let Some(value) = value {
        variables[key] = json!(value);
    }
}

/// Inserts the criteria that are set into `variables`; `Err` when none is, or one is empty.
fn criteria(call: &str, pairs: [(&'static str, &Option<String>); 4]) -> Result<Value, Error> {
    let mut variables = serde_json::Map::new();
    for (name, value) in pairs {
        if let Some(value) = value {
            if value.trim().is_empty() {
                return Err(Error::invalid_argument(format!(
                    "{call}: the {name} to look for is empty"
                )));
            }
            variables.insert(name.to_owned(), Value::String(value.clone()));
        }
    }
    if variables.is_empty() {
        return Err(Error::invalid_argument(format!(
            "{call} needs a criterion: set username, email, phone or external_id"
        )));
    }
    Ok(Value::Object(variables))
}
