//! Users of a pool: [`UsersHandler`] and the operations it makes.
//!
//! Every call is awaited directly; optional arguments are set on it before.
//!
//! ```
//! # async fn run(client: authing_management::ManagementClient) -> Result<(), authing_core::Error> {
//! use authing_core::model::{CreateUserInput, SortBy};
//!
//! let page = client.users().list().page(1).limit(20).sort_by(SortBy::CreatedAtAsc).await?;
//! let bob = client
//!     .users()
//!     .create(CreateUserInput {
//!         username: Some("bob".into()),
//!         password: Some("s3cret!".into()),
//!         ..Default::default()
//!     })
//!     .custom_data([("department", "R&D")])
//!     .await?;
//! client.users().delete(&bob.id).await?;
//! # let _ = page;
//! # Ok(())
//! # }
//! ```

mod operations;
mod options;

use authing_core::Transport;
use authing_core::model::{
    CreateUserInput, PolicyAssignmentTargetType, UdfTargetType, UpdateUserInput,
};

use crate::client::ManagementClient;
use crate::families::{AuthorizedResources, CustomDataHandler, PolicyAssignmentsHandler};
use crate::udf::{SetUdfValueBatch, SetUdvBatch, UdfValueBatch};

pub use operations::{
    BatchGetUsers, CreateUser, DeleteUser, DeleteUsers, FindUser, ListUsers, MAX_BATCH_IDS,
    SearchUsers, UpdateUser, UserDetail, UserExists,
};
pub use options::{BatchField, SearchUserDepartmentOpt, SearchUserGroupOpt, SearchUserRoleOpt};

/// The users of a pool; get one with [`ManagementClient::users`].
///
/// It holds a clone of the client (a pointer copy), so it and the operations it makes own
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

impl<T: Transport> ManagementClient<T> {
    /// Users of the pool: list, create, update, find, search, delete, ...
    pub fn users(&self) -> UsersHandler<T> {
        UsersHandler::new(self.clone())
    }
}

impl<T: Transport> UsersHandler<T> {
    pub(crate) fn new(client: ManagementClient<T>) -> Self {
        Self { client }
    }

    /// The client the operations are sent with.
    fn client(&self) -> ManagementClient<T> {
        self.client.clone()
    }

    /// One page of the pool's users (`users`): page 1 of 10, newest first, unless set.
    pub fn list(&self) -> ListUsers<ManagementClient<T>> {
        ListUsers::new(self.client())
    }

    /// Creates a user (`createUser`). A `password` in `input` is encrypted with the client's
    /// key before it is sent.
    pub fn create(&self, input: CreateUserInput) -> CreateUser<ManagementClient<T>> {
        CreateUser::new(self.client(), input)
    }

    /// Changes a user's fields (`updateUser`); unset fields are left alone. A `password` in
    /// `input` is encrypted with the client's key before it is sent.
    pub fn update(
        &self,
        user_id: impl Into<String>,
        input: UpdateUserInput,
    ) -> UpdateUser<ManagementClient<T>> {
        UpdateUser::new(self.client(), user_id, input)
    }

    /// One user by id (`user`). A user that does not exist is [`Error::Api`] with code
    /// `2004`.
    ///
    /// [`Error::Api`]: authing_core::Error::Api
    pub fn detail(&self, user_id: impl Into<String>) -> UserDetail<ManagementClient<T>> {
        UserDetail::new(self.client(), user_id)
    }

    /// The user with a given username, email, phone or external id (`findUser`), or `None`.
    /// Set at least one criterion.
    pub fn find(&self) -> FindUser<ManagementClient<T>> {
        FindUser::new(self.client())
    }

    /// Users matching a full-text `query` (`searchUser`).
    pub fn search(&self, query: impl Into<String>) -> SearchUsers<ManagementClient<T>> {
        SearchUsers::new(self.client(), query)
    }

    /// Up to [`MAX_BATCH_IDS`] users by id, or by another field with
    /// [`by`](BatchGetUsers::by) (`userBatch`).
    pub fn batch_get(&self, ids: Vec<String>) -> BatchGetUsers<ManagementClient<T>> {
        BatchGetUsers::new(self.client(), ids)
    }

    /// Deletes a user (`deleteUser`).
    pub fn delete(&self, user_id: impl Into<String>) -> DeleteUser<ManagementClient<T>> {
        DeleteUser::new(self.client(), user_id)
    }

    /// Deletes several users (`deleteUsers`). An empty list is
    /// [`Error::InvalidArgument`](authing_core::Error::InvalidArgument).
    pub fn delete_many(&self, user_ids: Vec<String>) -> DeleteUsers<ManagementClient<T>> {
        DeleteUsers::new(self.client(), user_ids)
    }

    /// Whether a user with a given username, email, phone or external id exists
    /// (`isUserExists`). Set at least one criterion.
    pub fn exists(&self) -> UserExists<ManagementClient<T>> {
        UserExists::new(self.client())
    }

    /// A user's custom data (the custom-data family, for users).
    pub fn custom_data(&self, user_id: impl Into<String>) -> CustomDataHandler<T> {
        self.client.custom_data(UdfTargetType::User, user_id)
    }

    /// The policies assigned to a user (the policy-assignment family, for users).
    pub fn policies(&self, user_id: impl Into<String>) -> PolicyAssignmentsHandler<T> {
        self.client
            .policy_assignments(PolicyAssignmentTargetType::User, user_id)
    }

    /// The resources a user is authorized to act on (`authorizedResources` for a user).
    pub fn authorized_resources(
        &self,
        user_id: impl Into<String>,
    ) -> AuthorizedResources<ManagementClient<T>> {
        self.client
            .authorized_resources(PolicyAssignmentTargetType::User, user_id)
    }

    // UDF (users-udf): the UDF calls with the user filled in.

    /// Sets custom values of a user, all or none (`setUdvBatch` for a user); see
    /// [`UdfHandler::set_values`](crate::UdfHandler::set_values).
    pub fn set_udf_values<K: Into<String>>(
        &self,
        user_id: impl Into<String>,
        values: impl IntoIterator<Item = (K, serde_json::Value)>,
    ) -> SetUdvBatch<ManagementClient<T>> {
        self.client
            .udf()
            .set_values(UdfTargetType::User, user_id, values)
    }

    /// The custom values of several users (`udfValueBatch` for users).
    pub fn udf_values_batch(&self, user_ids: Vec<String>) -> UdfValueBatch<ManagementClient<T>> {
        self.client
            .udf()
            .values_batch(UdfTargetType::User, user_ids)
    }

    /// Sets custom values of several users: one `(user id, key, value)` per value
    /// (`setUdfValueBatch` for users).
    pub fn set_udf_values_batch<I: Into<String>, K: Into<String>>(
        &self,
        values: impl IntoIterator<Item = (I, K, serde_json::Value)>,
    ) -> SetUdfValueBatch<ManagementClient<T>> {
        self.client
            .udf()
            .set_values_batch(UdfTargetType::User, values)
    }
}
