//! Users of a pool: [`UsersHandler`] and the operations it makes.
//!
//! Every call is awaited directly; optional arguments are set on it before.
//!
//! Beyond creating, reading and deleting users, an administrator suspends, activates and
//! archives them ([`suspend`](UsersHandler::suspend), [`resign`](UsersHandler::resign),
//! [`list_archived`](UsersHandler::list_archived)), ends their sessions
//! ([`kick`](UsersHandler::kick), [`logout`](UsersHandler::logout)), reads what they belong
//! to ([`list_roles`](UsersHandler::list_roles), [`list_groups`](UsersHandler::list_groups),
//! ...), binds external identities ([`link_identity`](UsersHandler::link_identity)) and
//! reads the user-action log ([`actions_of`](UsersHandler::actions_of)). Roles, groups,
//! policies, custom data and authorized resources of a user are the families' calls with
//! the user filled in.
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
//! client.users().suspend(&bob.id).await?; // bob cannot log in (code 2005)
//! client.users().add_roles(&bob.id, vec!["auditor".into()]).await?;
//! let can_audit = client.users().has_role(&bob.id, "auditor", None).await?;
//! client.users().kick(vec![bob.id.clone()]).await?; // bob's tokens stop working
//! client.users().delete(&bob.id).await?;
//! # let _ = (page, can_audit);
//! # Ok(())
//! # }
//! ```

mod actions;
mod filter;
mod identities;
mod operations;
mod options;
mod relations;
mod session;
mod status;

use authing_core::model::{
    CreateUserInput, PolicyAssignmentTargetType, UdfTargetType, UpdateUserInput,
};
use authing_core::{Error, Transport};

use crate::client::ManagementClient;
use crate::families::{
    AddMembers, AuthorizedResources, CustomDataHandler, MembersOf, PolicyAssignmentsHandler,
    RemoveMembers,
};
use crate::udf::{SetCustomDataBatch, SetUdfValueBatch, UdfValueBatch};

pub use actions::{ListUserActions, UserAction, UserActionUser};
pub use filter::{FilterField, FilterFieldKind, FilterOperator, FilterUsers, UserFilter, UserInfo};
pub use identities::{FindUserByIdentity, LinkIdentity, UnlinkIdentity};
pub use operations::{
    BatchGetUsers, CreateUser, DeleteUser, DeleteUsers, FindUser, ListUsers, MAX_BATCH_IDS,
    SearchUsers, UpdateUser, UserDetail, UserExists,
};
pub use options::{BatchField, SearchUserDepartmentOpt, SearchUserGroupOpt, SearchUserRoleOpt};
pub use relations::{
    GetUserRoleList, GetUserTenants, ListUserDepartments, ListUserGroups, ListUserOrgs,
    ListUserRoles, Tenant, UserWithTenants, WithGroups,
};
pub use session::{
    KickUsers, LoggedInApplication, LogoutUser, MAX_KICK_USERS, RefreshUserToken, UserLoginState,
    UserLoginStatus,
};
pub use status::{
    ActivateUser, ListArchivedUsers, ResignUser, SendFirstLoginVerifyEmail, SuspendUser,
};

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

    /// The user holding the identity `user_id_in_idp` at the external provider `provider`
    /// (`findUser(identity:)`), or `None`. An SDK addition (js, go) that Authing's published
    /// schema lacks.
    pub fn find_by_identity(
        &self,
        provider: impl Into<String>,
        user_id_in_idp: impl Into<String>,
    ) -> FindUserByIdentity<ManagementClient<T>> {
        FindUserByIdentity::new(self.client(), provider, user_id_in_idp)
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
    /// [`Error::InvalidArgument`].
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
    ) -> SetCustomDataBatch<ManagementClient<T>> {
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
    // Status.

    /// One user over REST (`GET /api/v2/users/{userId}`): the twin of
    /// [`detail`](Self::detail).
    pub fn info(&self, user_id: impl Into<String>) -> UserInfo<ManagementClient<T>> {
        UserInfo::new(self.client(), user_id)
    }

    /// One page of the users meeting every condition of `filter`
    /// (`POST /api/v2/users/filter`).
    pub fn filter(&self, filter: Vec<UserFilter>) -> FilterUsers<ManagementClient<T>> {
        FilterUsers::new(self.client(), filter)
    }

    /// One page of the archived users: those who [resigned](Self::resign)
    /// (`archivedUsers`).
    pub fn list_archived(&self) -> ListArchivedUsers<ManagementClient<T>> {
        ListArchivedUsers::new(self.client())
    }

    /// Suspends a user: they cannot log in (code 2005) until [activated](Self::activate),
    /// and their live tokens stop working (`POST /api/v2/users/{userId}/suspend`).
    pub fn suspend(&self, user_id: impl Into<String>) -> SuspendUser<ManagementClient<T>> {
        SuspendUser::new(self.client(), user_id)
    }

    /// Lifts a suspension (`POST /api/v2/users/{userId}/activate`).
    pub fn activate(&self, user_id: impl Into<String>) -> ActivateUser<ManagementClient<T>> {
        ActivateUser::new(self.client(), user_id)
    }

    /// Marks a user as having left: they move to the [archived users](Self::list_archived)
    /// (`POST /api/v2/users/{userId}/resign`).
    pub fn resign(&self, user_id: impl Into<String>) -> ResignUser<ManagementClient<T>> {
        ResignUser::new(self.client(), user_id)
    }

    /// Sends a user the email that verifies their address at their first login to an
    /// application (`sendFirstLoginVerifyEmail`).
    pub fn send_first_login_verify_email(
        &self,
        user_id: impl Into<String>,
        app_id: impl Into<String>,
    ) -> SendFirstLoginVerifyEmail<ManagementClient<T>> {
        SendFirstLoginVerifyEmail::new(self.client(), user_id, app_id)
    }

    // Sessions.

    /// A fresh login token for a user (`refreshToken(id)`).
    pub fn refresh_token(
        &self,
        user_id: impl Into<String>,
    ) -> RefreshUserToken<ManagementClient<T>> {
        RefreshUserToken::new(self.client(), user_id)
    }

    /// Ends every session of the users: their tokens stop working
    /// (`POST /api/v2/users/kick`).
    pub fn kick(&self, user_ids: Vec<String>) -> KickUsers<ManagementClient<T>> {
        KickUsers::new(self.client(), user_ids)
    }

    /// Logs a user out of every application, or of one with
    /// [`app_id`](LogoutUser::app_id) (`GET {host}/logout`).
    pub fn logout(&self, user_id: impl Into<String>) -> LogoutUser<ManagementClient<T>> {
        LogoutUser::new(self.client(), user_id)
    }

    /// Whether a user is logged in, and to which applications
    /// (`GET /api/v2/users/login-status`).
    pub fn login_status(&self, user_id: impl Into<String>) -> UserLoginStatus<ManagementClient<T>> {
        UserLoginStatus::new(self.client(), user_id)
    }

    /// One page of the pool's user actions (logins, registrations, ...), newest first
    /// (`GET /api/v2/analysis/user-action`).
    pub fn actions(&self) -> ListUserActions<ManagementClient<T>> {
        ListUserActions::new(self.client())
    }

    /// One page of one user's actions, newest first: [`actions`](Self::actions) with the
    /// user's ARN (`arn:cn:authing:<userPoolId>:user:<userId>`) as the operator.
    pub fn actions_of(&self, user_id: impl AsRef<str>) -> ListUserActions<ManagementClient<T>> {
        let arn = format!(
            "arn:cn:authing:{}:user:{}",
            self.client.user_pool_id(),
            user_id.as_ref()
        );
        self.actions().operator_arns(vec![arn])
    }

    // Roles, groups, departments, organisations, tenants.

    /// A user's roles of the default namespace, or of one with
    /// [`namespace`](ListUserRoles::namespace) (`user { roles }`).
    pub fn list_roles(&self, user_id: impl Into<String>) -> ListUserRoles<ManagementClient<T>> {
        ListUserRoles::new(self.client(), user_id)
    }

    /// A user's roles over REST (`GET /api/v2/users/{userId}/roles`); the same answer as
    /// [`list_roles`](Self::list_roles).
    pub fn role_list(&self, user_id: impl Into<String>) -> GetUserRoleList<ManagementClient<T>> {
        GetUserRoleList::new(self.client(), user_id)
    }

    /// Whether a user holds role `role_code` of `namespace` (the default one when `None`),
    /// directly, through a group or by inheritance: [`list_roles`](Self::list_roles), looked
    /// at here.
    pub async fn has_role(
        &self,
        user_id: impl Into<String>,
        role_code: &str,
        namespace: Option<&str>,
    ) -> Result<bool, Error> {
        let list = self.list_roles(user_id);
        let list = match namespace {
            Some(namespace) => list.namespace(namespace),
            None => list,
        };
        Ok(list.await?.list.iter().any(|role| role.code == role_code))
    }

    /// Gives a user roles (of the default namespace unless set with
    /// [`namespace`](AddMembers::namespace)): `assignRole` with the user filled in. An
    /// empty list is [`Error::InvalidArgument`].
    pub fn add_roles(
        &self,
        user_id: impl Into<String>,
        role_codes: Vec<String>,
    ) -> AddMembers<ManagementClient<T>> {
        let (first, more) = split_codes(role_codes);
        AddMembers::new(self.client(), MembersOf::Role, first, vec![user_id.into()])
            .more_codes(more)
    }

    /// Takes roles from a user: `revokeRole` with the user filled in. An empty list is
    /// [`Error::InvalidArgument`].
    pub fn remove_roles(
        &self,
        user_id: impl Into<String>,
        role_codes: Vec<String>,
    ) -> RemoveMembers<ManagementClient<T>> {
        let (first, more) = split_codes(role_codes);
        RemoveMembers::new(self.client(), MembersOf::Role, first, vec![user_id.into()])
            .more_codes(more)
    }

    /// The groups a user belongs to (`user { groups }`).
    pub fn list_groups(&self, user_id: impl Into<String>) -> ListUserGroups<ManagementClient<T>> {
        ListUserGroups::new(self.client(), user_id)
    }

    /// Adds a user to a group: `addUserToGroup` with the user filled in.
    pub fn add_group(
        &self,
        user_id: impl Into<String>,
        group_code: impl Into<String>,
    ) -> AddMembers<ManagementClient<T>> {
        AddMembers::new(
            self.client(),
            MembersOf::Group,
            group_code,
            vec![user_id.into()],
        )
    }

    /// Removes a user from a group: `removeUserFromGroup` with the user filled in.
    pub fn remove_group(
        &self,
        user_id: impl Into<String>,
        group_code: impl Into<String>,
    ) -> RemoveMembers<ManagementClient<T>> {
        RemoveMembers::new(
            self.client(),
            MembersOf::Group,
            group_code,
            vec![user_id.into()],
        )
    }

    /// The departments a user belongs to (`user { departments }`).
    pub fn list_departments(
        &self,
        user_id: impl Into<String>,
    ) -> ListUserDepartments<ManagementClient<T>> {
        ListUserDepartments::new(self.client(), user_id)
    }

    /// The organisations a user belongs to, as node paths
    /// (`GET /api/v2/users/{userId}/orgs`).
    pub fn list_orgs(&self, user_id: impl Into<String>) -> ListUserOrgs<ManagementClient<T>> {
        ListUserOrgs::new(self.client(), user_id)
    }

    /// A user with their tenants (`GET /api/v2/users/{userId}/tenants`).
    pub fn tenants(&self, user_id: impl Into<String>) -> GetUserTenants<ManagementClient<T>> {
        GetUserTenants::new(self.client(), user_id)
    }

    // External identities.

    /// Binds an external identity to a user: their id `user_id_in_idp` at connection
    /// `identifier` (`POST /api/v2/users/identity/link`).
    pub fn link_identity(
        &self,
        user_id: impl Into<String>,
        identifier: impl Into<String>,
        user_id_in_idp: impl Into<String>,
        is_social: bool,
    ) -> LinkIdentity<ManagementClient<T>> {
        LinkIdentity::new(
            self.client(),
            user_id,
            user_id_in_idp,
            identifier,
            is_social,
        )
    }

    /// Unbinds the identities of connection `identifier` from a user
    /// (`POST /api/v2/users/identity/unlink`).
    pub fn unlink_identity(
        &self,
        user_id: impl Into<String>,
        identifier: impl Into<String>,
        is_social: bool,
    ) -> UnlinkIdentity<ManagementClient<T>> {
        UnlinkIdentity::new(self.client(), user_id, identifier, is_social)
    }
}

/// The first code (empty when there is none: the operation's check refuses it) and the
/// rest.
fn split_codes(mut codes: Vec<String>) -> (String, Vec<String>) {
    if codes.is_empty() {
        return (String::new(), codes);
    }
    let first = codes.remove(0);
    (first, codes)
}
