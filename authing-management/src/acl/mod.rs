//! Access control (ACL): [`AclHandler`], from [`ManagementClient::acl`] (the pool's default
//! namespace), [`ManagementClient::acl_in`] or an application's
//! [`ApplicationHandle::acl`](crate::ApplicationHandle::acl) (its namespace is its id).
//!
//! - Permissions ([`permissions`](self) operations): `allow`, `is_allowed`,
//!   `authorize_resource`, `revoke_resource`, `authorized_targets`, and the resources a
//!   target may act on (`list_authorized_resources`, the family operation). One evaluator
//!   answers: a user's own permissions, their roles' (with inherited roles) and their
//!   groups'; a DENY policy wins.
//! - Resources of the namespace, with their actions; namespaces (permission groups) of the
//!   pool, by numeric id or by code.
//! - Applications' access policies (the operations of
//!   [`applications`](crate::applications), reached through [`AclHandler::application`])
//!   and their programmatic access accounts.
//!
//! Codes (the fake's numbers: Authing's published table has none for these):
//! [`RESOURCE_NOT_FOUND`](authing_core::codes::RESOURCE_NOT_FOUND) (2430),
//! [`RESOURCE_EXISTS`](authing_core::codes::RESOURCE_EXISTS) (2431),
//! [`NAMESPACE_NOT_FOUND`](authing_core::codes::NAMESPACE_NOT_FOUND) (2440),
//! [`NAMESPACE_EXISTS`](authing_core::codes::NAMESPACE_EXISTS) (2441),
//! [`ACCESS_ACCOUNT_NOT_FOUND`](authing_core::codes::ACCESS_ACCOUNT_NOT_FOUND) (2450).
//!
//! ```
//! # async fn run(client: authing_management::ManagementClient) -> Result<(), authing_core::Error> {
//! use authing_core::model::PolicyAssignmentTargetType;
//! use authing_management::acl::{AuthorizeResourceOpt, ResourceAction, ResourceType};
//!
//! let acl = client.acl();
//! acl.create_resource("books", ResourceType::Data, vec![ResourceAction::new("read", "Read")])
//!     .await?;
//! acl.authorize_resource(
//!     "books",
//!     vec![AuthorizeResourceOpt::new(PolicyAssignmentTargetType::Role, "reader", vec!["read".into()])],
//! )
//! .await?;
//! let may_read = acl.is_allowed("USER_ID", "books", "read").await?;
//! let targets = acl.authorized_targets(ResourceType::Data, "books").await?;
//! let account = client.acl().create_programmatic_access_account("APP_ID").remarks("ci").await?;
//! client.acl().disable_programmatic_access_account(&account.id).await?;
//! # let _ = (may_read, targets);
//! # Ok(())
//! # }
//! ```

mod model;
mod namespaces;
mod permissions;
mod programmatic_access;
mod resources;

use authing_core::Transport;
use authing_core::model::PolicyAssignmentTargetType;

use crate::applications::ApplicationHandle;
use crate::client::ManagementClient;
use crate::families::AuthorizedResources;

pub use model::{
    AuthorizeResourceOpt, AuthorizedTarget, AuthorizedTargets, Namespace, NamespacePage, Operator,
    ProgrammaticAccessAccount, Resource, ResourceAction, ResourceType, RevokeTarget, TargetActions,
};
pub use namespaces::{
    CreateNamespace, DeleteNamespace, DeleteNamespaceByCode, ListNamespaces, UpdateNamespace,
    UpdateNamespaceByCode,
};
pub use permissions::{
    Allow, AuthorizeResource, GetAuthorizedTargets, GetAuthorizedTargetsCode, IsActionAllowed,
    RevokeResource,
};
pub use programmatic_access::{
    CreateProgrammaticAccessAccount, DeleteProgrammaticAccessAccount,
    ListProgrammaticAccessAccounts, UpdateProgrammaticAccessAccount,
};
pub use resources::{
    CreateResource, DeleteResource, ListResources, ResourceByCode, ResourceById, UpdateResource,
};

/// The code of the pool's default namespace, sent where Authing requires a namespace and
/// the handler names none.
pub const DEFAULT_NAMESPACE: &str = "default";

/// Access control in one namespace; get one with [`ManagementClient::acl`] or
/// [`ManagementClient::acl_in`]. Making it sends nothing.
#[derive(Debug)]
pub struct AclHandler<T = std::sync::Arc<dyn Transport>> {
    client: ManagementClient<T>,
    namespace: Option<String>,
}

impl<T> Clone for AclHandler<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
            namespace: self.namespace.clone(),
        }
    }
}

impl<T: Transport> ManagementClient<T> {
    /// Access control in the pool's default namespace: permissions, resources, namespaces,
    /// applications' access policies and programmatic access accounts.
    pub fn acl(&self) -> AclHandler<T> {
        AclHandler {
            client: self.clone(),
            namespace: None,
        }
    }

    /// Access control in the namespace `namespace` (a permission group's code, or an
    /// application id).
    pub fn acl_in(&self, namespace: impl Into<String>) -> AclHandler<T> {
        self.acl().in_namespace(namespace)
    }
}

/// Sets `$namespace` on an operation whose namespace is optional, when the handler has one.
macro_rules! in_ns {
    ($self:ident, $op:expr) => {
        match &$self.namespace {
            Some(namespace) => $op.namespace(namespace.clone()),
            None => $op,
        }
    };
}

impl<T: Transport> AclHandler<T> {
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

    /// The namespace code sent where Authing requires one.
    fn namespace_code(&self) -> String {
        self.namespace
            .clone()
            .unwrap_or_else(|| DEFAULT_NAMESPACE.to_owned())
    }

    fn client(&self) -> ManagementClient<T> {
        self.client.clone()
    }

    // Permissions.

    /// Lets the user `user_id` perform `action` on `resource` (`allow`); set more users or
    /// roles on the operation (`.user_ids(..)`, `.role_codes(..)`).
    pub fn allow(
        &self,
        user_id: impl Into<String>,
        resource: impl Into<String>,
        action: impl Into<String>,
    ) -> Allow<ManagementClient<T>> {
        in_ns!(
            self,
            Allow::new(self.client(), resource, action).user_id(user_id)
        )
    }

    /// Lets the role `role_code` perform `action` on `resource` (`allow`).
    pub fn allow_role(
        &self,
        role_code: impl Into<String>,
        resource: impl Into<String>,
        action: impl Into<String>,
    ) -> Allow<ManagementClient<T>> {
        in_ns!(
            self,
            Allow::new(self.client(), resource, action).role_code(role_code)
        )
    }

    /// Whether the user may perform `action` on `resource` (`isActionAllowed`).
    pub fn is_allowed(
        &self,
        user_id: impl Into<String>,
        resource: impl Into<String>,
        action: impl Into<String>,
    ) -> IsActionAllowed<ManagementClient<T>> {
        in_ns!(
            self,
            IsActionAllowed::new(self.client(), user_id, resource, action)
        )
    }

    /// The resources a target may act on, and how (`authorizedResources`); set
    /// `.resource_type(..)` for one type.
    pub fn list_authorized_resources(
        &self,
        target_type: PolicyAssignmentTargetType,
        target_identifier: impl Into<String>,
    ) -> AuthorizedResources<ManagementClient<T>> {
        in_ns!(
            self,
            AuthorizedResources::new(self.client(), target_type, target_identifier)
        )
    }

    /// Sets what each target may do on the resource `resource` (`authorizeResource`).
    pub fn authorize_resource(
        &self,
        resource: impl Into<String>,
        opts: Vec<AuthorizeResourceOpt>,
    ) -> AuthorizeResource<ManagementClient<T>> {
        in_ns!(self, AuthorizeResource::new(self.client(), resource, opts))
    }

    /// Takes back every permission the targets hold on `resource` (`revoke-resource`).
    pub fn revoke_resource(
        &self,
        resource: impl Into<String>,
        opts: Vec<RevokeTarget>,
    ) -> RevokeResource<ManagementClient<T>> {
        RevokeResource::new(self.client(), self.namespace_code(), resource, opts)
    }

    /// The targets authorized on a resource, with their actions (`authorizedTargets`); set
    /// `.target_type(..)` and `.actions(TargetActions::all(..))` to filter.
    pub fn authorized_targets(
        &self,
        resource_type: ResourceType,
        resource: impl Into<String>,
    ) -> GetAuthorizedTargets<ManagementClient<T>> {
        GetAuthorizedTargets::new(
            self.client(),
            self.namespace_code(),
            resource_type,
            resource,
        )
    }

    /// The targets authorized on a resource, roles and groups by code
    /// (`authorizedTargetsCode`, go `GetAuthorizedTargetsCode`); filtered like
    /// [`authorized_targets`](Self::authorized_targets). An SDK addition that Authing's
    /// published schema lacks.
    pub fn authorized_targets_code(
        &self,
        resource_type: ResourceType,
        resource: impl Into<String>,
    ) -> GetAuthorizedTargetsCode<ManagementClient<T>> {
        GetAuthorizedTargetsCode::new(
            self.client(),
            self.namespace_code(),
            resource_type,
            resource,
        )
    }

    // Resources.

    /// One page of the namespace's resources (`GET /api/v2/resources`).
    pub fn list_resources(&self) -> ListResources<ManagementClient<T>> {
        in_ns!(self, ListResources::new(self.client()))
    }

    /// Same as [`list_resources`](Self::list_resources) (js `getResources`).
    pub fn get_resources(&self) -> ListResources<ManagementClient<T>> {
        self.list_resources()
    }

    /// One resource by id.
    pub fn resource_by_id(&self, id: impl Into<String>) -> ResourceById<ManagementClient<T>> {
        ResourceById::new(self.client(), id)
    }

    /// One resource of the namespace by code.
    pub fn resource_by_code(&self, code: impl Into<String>) -> ResourceByCode<ManagementClient<T>> {
        ResourceByCode::new(self.client(), self.namespace_code(), code)
    }

    /// Adds a resource to the namespace.
    pub fn create_resource(
        &self,
        code: impl Into<String>,
        resource_type: ResourceType,
        actions: Vec<ResourceAction>,
    ) -> CreateResource<ManagementClient<T>> {
        CreateResource::new(
            self.client(),
            self.namespace_code(),
            code,
            resource_type,
            actions,
        )
    }

    /// Changes a resource of the namespace (set what changes on the call).
    pub fn update_resource(&self, code: impl Into<String>) -> UpdateResource<ManagementClient<T>> {
        UpdateResource::new(self.client(), self.namespace_code(), code)
    }

    /// Deletes a resource of the namespace and every permission on it.
    pub fn delete_resource(&self, code: impl Into<String>) -> DeleteResource<ManagementClient<T>> {
        DeleteResource::new(self.client(), self.namespace_code(), code)
    }

    // Namespaces (of the pool, whatever the handler's namespace).

    /// One page of the pool's namespaces.
    pub fn list_namespaces(&self) -> ListNamespaces<ManagementClient<T>> {
        ListNamespaces::new(self.client(), self.client.user_pool_id())
    }

    /// Creates a namespace.
    pub fn create_namespace(
        &self,
        code: impl Into<String>,
        name: impl Into<String>,
    ) -> CreateNamespace<ManagementClient<T>> {
        CreateNamespace::new(self.client(), self.client.user_pool_id(), code, name)
    }

    /// Changes the namespace of numeric id `id` (set what changes on the call).
    pub fn update_namespace(&self, id: i64) -> UpdateNamespace<ManagementClient<T>> {
        UpdateNamespace::new(self.client(), self.client.user_pool_id(), id)
    }

    /// Changes the namespace `code` (set what changes on the call; `.code(..)` renames it).
    pub fn update_namespace_by_code(
        &self,
        code: impl Into<String>,
    ) -> UpdateNamespaceByCode<ManagementClient<T>> {
        UpdateNamespaceByCode::new(self.client(), self.client.user_pool_id(), code)
    }

    /// Deletes the namespace of numeric id `id` with its resources and permissions.
    pub fn delete_namespace(&self, id: i64) -> DeleteNamespace<ManagementClient<T>> {
        DeleteNamespace::new(self.client(), self.client.user_pool_id(), id)
    }

    /// Deletes the namespace `code` with its resources and permissions.
    pub fn delete_namespace_by_code(
        &self,
        code: impl Into<String>,
    ) -> DeleteNamespaceByCode<ManagementClient<T>> {
        DeleteNamespaceByCode::new(self.client(), self.client.user_pool_id(), code)
    }

    // Applications: access policies (the applications area's operations) and programmatic
    // access accounts.

    /// The application `app_id`: its access policies (`access_policies`, `allow_access`,
    /// `deny_access`, `enable_access_policy`, `disable_access_policy`,
    /// `delete_access_policy`, `update_default_access_policy`), roles and resources.
    pub fn application(&self, app_id: impl Into<String>) -> ApplicationHandle<T> {
        self.client.application(app_id)
    }

    /// One page of an application's programmatic access accounts.
    pub fn programmatic_access_accounts(
        &self,
        app_id: impl Into<String>,
    ) -> ListProgrammaticAccessAccounts<ManagementClient<T>> {
        ListProgrammaticAccessAccounts::new(self.client(), app_id)
    }

    /// Creates a programmatic access account of an application (tokens live 600 s unless
    /// set); the answer carries its secret.
    pub fn create_programmatic_access_account(
        &self,
        app_id: impl Into<String>,
    ) -> CreateProgrammaticAccessAccount<ManagementClient<T>> {
        CreateProgrammaticAccessAccount::new(self.client(), app_id)
    }

    /// Deletes a programmatic access account.
    pub fn delete_programmatic_access_account(
        &self,
        id: impl Into<String>,
    ) -> DeleteProgrammaticAccessAccount<ManagementClient<T>> {
        DeleteProgrammaticAccessAccount::new(self.client(), id)
    }

    /// Gives a programmatic access account a fresh random secret (32 characters; set
    /// `.secret(..)` to choose it); the answer carries it.
    pub fn refresh_programmatic_access_account_secret(
        &self,
        id: impl Into<String>,
    ) -> UpdateProgrammaticAccessAccount<ManagementClient<T>> {
        UpdateProgrammaticAccessAccount::new(self.client(), id)
            .secret(programmatic_access::random_secret())
    }

    /// Lets a programmatic access account get tokens again.
    pub fn enable_programmatic_access_account(
        &self,
        id: impl Into<String>,
    ) -> UpdateProgrammaticAccessAccount<ManagementClient<T>> {
        UpdateProgrammaticAccessAccount::new(self.client(), id).enabled(true)
    }

    /// Stops a programmatic access account from getting tokens.
    pub fn disable_programmatic_access_account(
        &self,
        id: impl Into<String>,
    ) -> UpdateProgrammaticAccessAccount<ManagementClient<T>> {
        UpdateProgrammaticAccessAccount::new(self.client(), id).enabled(false)
    }
}
