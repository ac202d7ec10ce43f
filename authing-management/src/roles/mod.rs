//! Roles of a pool: [`RolesHandler`] and the operations it makes.
//!
//! A role is addressed by its code inside a namespace (a permission group); a handler from
//! [`ManagementClient::roles`] works in the pool's default namespace, one from
//! [`ManagementClient::roles_in`] (or [`RolesHandler::in_namespace`]) in another, such as
//! an application's (its namespace code is the application id). Roles inherit the grants of
//! their parent; users get roles directly or through their groups.
//!
//! Codes: a taken code is [`ROLE_EXISTS`](authing_core::codes::ROLE_EXISTS) (2411), a
//! missing role [`ROLE_NOT_FOUND`](authing_core::codes::ROLE_NOT_FOUND) (2410). Authing's
//! published table has no rows for roles; these are the numbers the fake answers.
//!
//! ```
//! # async fn run(client: authing_management::ManagementClient) -> Result<(), authing_core::Error> {
//! let roles = client.roles();
//! roles.create("staff").await?;
//! roles.create("admin").parent("staff").description("everything").await?;
//! roles.add_users("admin", vec!["USER_ID".into()]).await?;
//! let page = roles.list().limit(20).await?;
//! let members = roles.list_users("admin").await?;
//! roles.delete("admin").await?;
//! # let _ = (page, members);
//! # Ok(())
//! # }
//! ```

mod find_users;
mod operations;

use authing_core::Transport;
use authing_core::model::{PolicyAssignmentTargetType, UdfTargetType};

use crate::client::ManagementClient;
use serde_json::Value;

use crate::families::{
    AddMembers, AddPolicyAssignments, AuthorizedResources, CustomDataHandler, ListMembers,
    ListPolicyAssignments, MembersHandler, PolicyAssignmentsHandler, RemoveMembers,
    RemovePolicyAssignments,
};
use crate::udf::{SetCustomDataBatch, SetUdfValueBatch, UdfValueBatch};

pub use find_users::FindRoleUsers;
pub use operations::{CreateRole, DeleteRole, DeleteRoles, ListRoles, RoleDetail, UpdateRole};

/// The roles of one namespace; get one with [`ManagementClient::roles`] or
/// [`ManagementClient::roles_in`].
#[derive(Debug)]
pub struct RolesHandler<T = std::sync::Arc<dyn Transport>> {
    client: ManagementClient<T>,
    namespace: Option<String>,
}

impl<T> Clone for RolesHandler<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
            namespace: self.namespace.clone(),
        }
    }
}

impl<T: Transport> ManagementClient<T> {
    /// Roles of the pool's default namespace: list, create, update, delete, members, ...
    pub fn roles(&self) -> RolesHandler<T> {
        RolesHandler {
            client: self.clone(),
            namespace: None,
        }
    }

    /// Roles of the namespace `namespace` (a permission group's code, or an application
    /// id for the application's roles).
    pub fn roles_in(&self, namespace: impl Into<String>) -> RolesHandler<T> {
        self.roles().in_namespace(namespace)
    }
}

/// The code of the pool's default namespace, which REST calls name explicitly.
const DEFAULT_NAMESPACE: &str = "default";

/// Sets `$namespace` on an operation when the handler has one.
macro_rules! in_ns {
    ($self:ident, $op:expr) => {
        match &$self.namespace {
            Some(namespace) => $op.namespace(namespace.clone()),
            None => $op,
        }
    };
}

impl<T: Transport> RolesHandler<T> {
    /// The same handler working in `namespace`.
    #[must_use]
    pub fn in_namespace(mut self, namespace: impl Into<String>) -> Self {
        self.namespace = Some(namespace.into());
        self
    }

    /// The namespace the handler works in (`None`: the pool's default one).
    pub fn namespace(&self) -> Option<&str> {
        self.namespace.as_deref()
    }

    fn client(&self) -> ManagementClient<T> {
        self.client.clone()
    }

    /// One page of the roles (`roles`): page 1 of 10, newest first, unless set.
    pub fn list(&self) -> ListRoles<ManagementClient<T>> {
        in_ns!(self, ListRoles::new(self.client()))
    }

    /// Creates a role (`createRole`); set `.parent(code)` for inheritance.
    pub fn create(&self, code: impl Into<String>) -> CreateRole<ManagementClient<T>> {
        in_ns!(self, CreateRole::new(self.client(), code))
    }

    /// One role by code (`role`), or `None`.
    pub fn detail(&self, code: impl Into<String>) -> RoleDetail<ManagementClient<T>> {
        in_ns!(self, RoleDetail::new(self.client(), code))
    }

    /// Same as [`detail`](Self::detail) (js `findByCode`).
    pub fn find_by_code(&self, code: impl Into<String>) -> RoleDetail<ManagementClient<T>> {
        self.detail(code)
    }

    /// Changes a role (`updateRole`): set `.description(..)` and/or `.new_code(..)`.
    pub fn update(&self, code: impl Into<String>) -> UpdateRole<ManagementClient<T>> {
        in_ns!(self, UpdateRole::new(self.client(), code))
    }

    /// Deletes a role (`deleteRole`).
    pub fn delete(&self, code: impl Into<String>) -> DeleteRole<ManagementClient<T>> {
        in_ns!(self, DeleteRole::new(self.client(), code))
    }

    /// Deletes roles (`deleteRoles`), all or none.
    pub fn delete_many(&self, codes: Vec<String>) -> DeleteRoles<ManagementClient<T>> {
        in_ns!(self, DeleteRoles::new(self.client(), codes))
    }

    /// The members of the role `code` (its users), as a family handler.
    pub fn members(&self, code: impl Into<String>) -> MembersHandler<T> {
        let members = self.client.role_members(code);
        match &self.namespace {
            Some(namespace) => members.namespace(namespace.clone()),
            None => members,
        }
    }

    /// One page of the role's users (`role { users }`).
    pub fn list_users(&self, code: impl Into<String>) -> ListMembers<ManagementClient<T>> {
        self.members(code).list()
    }

    /// Searches the role's users by keyword (`POST /api/v2/roles/roleUsers`, js
    /// `findUsers`): set `.search(..)`, `.page(..)`, `.limit(..)`; every holder otherwise.
    pub fn find_users(&self, code: impl Into<String>) -> FindRoleUsers<ManagementClient<T>> {
        let namespace = self.namespace.as_deref().unwrap_or(DEFAULT_NAMESPACE);
        FindRoleUsers::new(self.client(), code, namespace)
    }

    /// Gives the role to users (`assignRole`).
    pub fn add_users(
        &self,
        code: impl Into<String>,
        user_ids: Vec<String>,
    ) -> AddMembers<ManagementClient<T>> {
        self.members(code).add(user_ids)
    }

    /// Takes the role from users (`revokeRole`).
    pub fn remove_users(
        &self,
        code: impl Into<String>,
        user_ids: Vec<String>,
    ) -> RemoveMembers<ManagementClient<T>> {
        self.members(code).remove(user_ids)
    }

    /// Gives the role to groups (`assignRole` with `groupCodes`): their members hold it.
    pub fn add_groups(
        &self,
        code: impl Into<String>,
        group_codes: Vec<String>,
    ) -> AddMembers<ManagementClient<T>> {
        self.members(code).add(Vec::new()).group_codes(group_codes)
    }

    /// Takes the role from groups (`revokeRole` with `groupCodes`).
    pub fn remove_groups(
        &self,
        code: impl Into<String>,
        group_codes: Vec<String>,
    ) -> RemoveMembers<ManagementClient<T>> {
        self.members(code)
            .remove(Vec::new())
            .group_codes(group_codes)
    }

    /// The role's custom data, by the role's **id** (`udv`, `setUdv`, `removeUdv` with
    /// `ROLE`).
    pub fn custom_data(&self, role_id: impl Into<String>) -> CustomDataHandler<T> {
        self.client.custom_data(UdfTargetType::Role, role_id)
    }

    /// The policies assigned to the role `code`.
    pub fn policies(&self, code: impl Into<String>) -> PolicyAssignmentsHandler<T> {
        self.client
            .policy_assignments(PolicyAssignmentTargetType::Role, code)
    }

    /// One page of the policies assigned to the role `code` (`policyAssignments` with
    /// `ROLE`; py `list_policies`).
    pub fn list_policies(
        &self,
        code: impl Into<String>,
    ) -> ListPolicyAssignments<ManagementClient<T>> {
        self.policies(code).list()
    }

    /// Assigns policies to the role `code` (`addPolicyAssignments` with `ROLE`; the js
    /// SDK's `addPolicies` wrongly sends `USER`).
    pub fn add_policies(
        &self,
        code: impl Into<String>,
        policy_codes: Vec<String>,
    ) -> AddPolicyAssignments<ManagementClient<T>> {
        self.policies(code).add(policy_codes)
    }

    /// Takes policies from the role `code` (`removePolicyAssignments` with `ROLE`).
    pub fn remove_policies(
        &self,
        code: impl Into<String>,
        policy_codes: Vec<String>,
    ) -> RemovePolicyAssignments<ManagementClient<T>> {
        self.policies(code).remove(policy_codes)
    }

    /// Sets custom values of the role with id `role_id`, all or none (`setUdvBatch` with
    /// `ROLE`), each typed as [`udf_value_text`](authing_core::model::udf_value_text) writes it.
    pub fn set_udf_values<K: Into<String>>(
        &self,
        role_id: impl Into<String>,
        values: impl IntoIterator<Item = (K, Value)>,
    ) -> SetCustomDataBatch<ManagementClient<T>> {
        self.client
            .udf()
            .set_values(UdfTargetType::Role, role_id, values)
    }

    /// The custom values of several roles by id (`udfValueBatch` with `ROLE`).
    pub fn udf_values_batch(&self, role_ids: Vec<String>) -> UdfValueBatch<ManagementClient<T>> {
        self.client
            .udf()
            .values_batch(UdfTargetType::Role, role_ids)
    }

    /// Sets custom values on several roles, one `(role id, key, value)` each
    /// (`setUdfValueBatch` with `ROLE`).
    pub fn set_udf_values_batch<I: Into<String>, K: Into<String>>(
        &self,
        values: impl IntoIterator<Item = (I, K, Value)>,
    ) -> SetUdfValueBatch<ManagementClient<T>> {
        self.client
            .udf()
            .set_values_batch(UdfTargetType::Role, values)
    }

    /// The resources the role `code` may act on (`authorizedResources` with `ROLE`).
    pub fn authorized_resources(
        &self,
        code: impl Into<String>,
    ) -> AuthorizedResources<ManagementClient<T>> {
        in_ns!(
            self,
            self.client
                .authorized_resources(PolicyAssignmentTargetType::Role, code)
        )
    }
}
