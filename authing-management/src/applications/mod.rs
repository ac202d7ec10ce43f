//! Applications of a pool: [`ApplicationsHandler`] (list, create, find, delete) and
//! [`ApplicationHandle`], one application by id (its secret, its access control; other
//! areas add its roles and resources, with the application's id as their namespace).
//!
//! ```
//! # async fn run(client: authing_management::ManagementClient) -> Result<(), authing_core::Error> {
//! use authing_core::model::PolicyAssignmentTargetType;
//! use authing_management::applications::DefaultStrategy;
//!
//! let shop = client
//!     .applications()
//!     .create("Shop", "shop", vec!["https://shop.example/callback".into()])
//!     .await?;
//! let app = client.application(&shop.id);
//! app.update_default_access_policy(DefaultStrategy::DenyAll).await?;
//! app.allow_access(PolicyAssignmentTargetType::Role, vec!["staff".into()]).await?;
//! let fresh = app.refresh_secret().await?;
//! let page = client.applications().list().page(1).limit(20).await?;
//! client.applications().delete(&shop.id).await?;
//! # let _ = (fresh, page);
//! # Ok(())
//! # }
//! ```

mod agreements;
mod model;
mod operations;
mod usage;

use authing_core::Transport;
use authing_core::model::PolicyAssignmentTargetType;

use crate::acl::{
    AclHandler, CreateProgrammaticAccessAccount, CreateResource, DeleteResource,
    ListProgrammaticAccessAccounts, ListResources, ResourceAction, ResourceType, UpdateResource,
};
use crate::client::ManagementClient;
use crate::roles::RolesHandler;

pub use agreements::{
    CreateAgreement, DeleteAgreement, ListAgreements, ModifyAgreement, SortAgreements,
};
pub use model::{
    Agreement, Application, ApplicationAccessPolicy, DefaultStrategy, PermissionStrategy,
};
pub use operations::{
    AllowAccess, CreateApplication, DeleteAccessPolicy, DeleteApplication, DenyAccess,
    DisableAccessPolicy, EnableAccessPolicy, FindApplication, ListAccessPolicies, ListApplications,
    PermissionStrategyUpdate, RefreshApplicationSecret, UpdateDefaultAccessPolicy,
};
pub use usage::{
    ActiveUsers, ApplicationTenants, ApplicationType, ApplicationWithTenants, ChangeApplicationType,
};

/// The applications of a pool; get one with [`ManagementClient::applications`].
#[derive(Debug)]
pub struct ApplicationsHandler<T = std::sync::Arc<dyn Transport>> {
    client: ManagementClient<T>,
}

impl<T> Clone for ApplicationsHandler<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
        }
    }
}

/// One application of a pool, by id; get one with [`ManagementClient::application`].
/// Making it sends nothing.
#[derive(Debug)]
pub struct ApplicationHandle<T = std::sync::Arc<dyn Transport>> {
    client: ManagementClient<T>,
    id: String,
}

impl<T> Clone for ApplicationHandle<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
            id: self.id.clone(),
        }
    }
}

impl<T: Transport> ManagementClient<T> {
    /// The pool's applications: list, create, find, delete.
    pub fn applications(&self) -> ApplicationsHandler<T> {
        ApplicationsHandler {
            client: self.clone(),
        }
    }

    /// The application `id`: its secret and access control (and, from other areas, its
    /// roles and resources, namespaced by its id).
    pub fn application(&self, id: impl Into<String>) -> ApplicationHandle<T> {
        ApplicationHandle {
            client: self.clone(),
            id: id.into(),
        }
    }
}

impl<T: Transport> ApplicationsHandler<T> {
    /// One page of the pool's applications: page 1 of 10 unless set.
    pub fn list(&self) -> ListApplications<ManagementClient<T>> {
        ListApplications::new(self.client.clone())
    }

    /// Creates an application named `name` with authentication-address prefix `identifier`
    /// (2007, 2008).
    pub fn create(
        &self,
        name: impl Into<String>,
        identifier: impl Into<String>,
        redirect_uris: Vec<String>,
    ) -> CreateApplication<ManagementClient<T>> {
        CreateApplication::new(self.client.clone(), name, identifier, redirect_uris)
    }

    /// The application `id` (2011 when there is none).
    pub fn find(&self, id: impl Into<String>) -> FindApplication<ManagementClient<T>> {
        FindApplication::new(self.client.clone(), id)
    }

    /// Deletes the application `id` (2011 when there is none).
    pub fn delete(&self, id: impl Into<String>) -> DeleteApplication<ManagementClient<T>> {
        DeleteApplication::new(self.client.clone(), id)
    }
}

impl<T: Transport> ApplicationHandle<T> {
    /// The application's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The client its operations are sent with.
    pub fn client(&self) -> &ManagementClient<T> {
        &self.client
    }

    /// The application itself (2011 when there is none).
    pub fn find(&self) -> FindApplication<ManagementClient<T>> {
        FindApplication::new(self.client.clone(), self.id.clone())
    }

    /// Deletes the application.
    pub fn delete(&self) -> DeleteApplication<ManagementClient<T>> {
        DeleteApplication::new(self.client.clone(), self.id.clone())
    }

    /// Gives the application a new secret; the answer carries it.
    pub fn refresh_secret(&self) -> RefreshApplicationSecret<ManagementClient<T>> {
        RefreshApplicationSecret::new(self.client.clone(), self.id.clone())
    }

    /// Sets what the application does with users no access policy names.
    pub fn update_default_access_policy(
        &self,
        strategy: DefaultStrategy,
    ) -> UpdateDefaultAccessPolicy<ManagementClient<T>> {
        UpdateDefaultAccessPolicy::new(self.client.clone(), self.id.clone(), strategy)
    }

    /// One page of the application's access policies.
    pub fn access_policies(&self) -> ListAccessPolicies<ManagementClient<T>> {
        ListAccessPolicies::new(self.client.clone(), self.id.clone())
    }

    /// Lets the targets log in to the application.
    pub fn allow_access(
        &self,
        target_type: PolicyAssignmentTargetType,
        target_identifiers: Vec<String>,
    ) -> AllowAccess<ManagementClient<T>> {
        AllowAccess::new(
            self.client.clone(),
            self.id.clone(),
            target_type,
            target_identifiers,
        )
    }

    /// Keeps the targets out of the application (a deny wins over an allow).
    pub fn deny_access(
        &self,
        target_type: PolicyAssignmentTargetType,
        target_identifiers: Vec<String>,
    ) -> DenyAccess<ManagementClient<T>> {
        DenyAccess::new(
            self.client.clone(),
            self.id.clone(),
            target_type,
            target_identifiers,
        )
    }

    /// Makes the targets' access policies take effect again.
    pub fn enable_access_policy(
        &self,
        target_type: PolicyAssignmentTargetType,
        target_identifiers: Vec<String>,
    ) -> EnableAccessPolicy<ManagementClient<T>> {
        EnableAccessPolicy::new(
            self.client.clone(),
            self.id.clone(),
            target_type,
            target_identifiers,
        )
    }

    /// Makes the targets' access policies stop taking effect (they stay listed).
    pub fn disable_access_policy(
        &self,
        target_type: PolicyAssignmentTargetType,
        target_identifiers: Vec<String>,
    ) -> DisableAccessPolicy<ManagementClient<T>> {
        DisableAccessPolicy::new(
            self.client.clone(),
            self.id.clone(),
            target_type,
            target_identifiers,
        )
    }

    /// Removes the targets' access policies.
    pub fn delete_access_policy(
        &self,
        target_type: PolicyAssignmentTargetType,
        target_identifiers: Vec<String>,
    ) -> DeleteAccessPolicy<ManagementClient<T>> {
        DeleteAccessPolicy::new(
            self.client.clone(),
            self.id.clone(),
            target_type,
            target_identifiers,
        )
    }

    /// Adds a login agreement (required, `zh-CN`, unless set).
    pub fn create_agreement(
        &self,
        title: impl Into<String>,
    ) -> CreateAgreement<ManagementClient<T>> {
        CreateAgreement::new(self.client.clone(), self.id.clone(), title)
    }

    /// The application's login agreements in display order.
    pub fn list_agreements(&self) -> ListAgreements<ManagementClient<T>> {
        ListAgreements::new(self.client.clone(), self.id.clone())
    }

    /// Changes a login agreement (set what changes on the call).
    pub fn modify_agreement(&self, agreement_id: i64) -> ModifyAgreement<ManagementClient<T>> {
        ModifyAgreement::new(self.client.clone(), self.id.clone(), agreement_id)
    }

    /// Deletes a login agreement.
    pub fn delete_agreement(&self, agreement_id: i64) -> DeleteAgreement<ManagementClient<T>> {
        DeleteAgreement::new(self.client.clone(), self.id.clone(), agreement_id)
    }

    /// Puts the login agreements in the order of `ids`.
    pub fn sort_agreements(&self, ids: Vec<i64>) -> SortAgreements<ManagementClient<T>> {
        SortAgreements::new(self.client.clone(), self.id.clone(), ids)
    }

    // The application as a namespace, and who uses it.

    /// The application's roles: the roles handler in the application's namespace
    /// (`create_role`, `get_roles`, `add_users_to_role`, ... of the official SDKs).
    pub fn roles(&self) -> RolesHandler<T> {
        self.client.roles_in(self.id.clone())
    }

    /// The application's access control: the ACL handler in the application's namespace
    /// (its resources, permissions and programmatic access accounts).
    pub fn acl(&self) -> AclHandler<T> {
        self.client.acl_in(self.id.clone())
    }

    /// One page of the application's resources.
    pub fn list_resources(&self) -> ListResources<ManagementClient<T>> {
        self.acl().list_resources()
    }

    /// Adds a resource to the application.
    pub fn create_resource(
        &self,
        code: impl Into<String>,
        resource_type: ResourceType,
        actions: Vec<ResourceAction>,
    ) -> CreateResource<ManagementClient<T>> {
        self.acl().create_resource(code, resource_type, actions)
    }

    /// Changes a resource of the application (set what changes on the call).
    pub fn update_resource(&self, code: impl Into<String>) -> UpdateResource<ManagementClient<T>> {
        self.acl().update_resource(code)
    }

    /// Deletes a resource of the application.
    pub fn delete_resource(&self, code: impl Into<String>) -> DeleteResource<ManagementClient<T>> {
        self.acl().delete_resource(code)
    }

    /// One page of the application's programmatic access accounts.
    pub fn programmatic_access_accounts(
        &self,
    ) -> ListProgrammaticAccessAccounts<ManagementClient<T>> {
        ListProgrammaticAccessAccounts::new(self.client.clone(), self.id.clone())
    }

    /// Creates a programmatic access account of the application.
    pub fn create_programmatic_access_account(
        &self,
    ) -> CreateProgrammaticAccessAccount<ManagementClient<T>> {
        CreateProgrammaticAccessAccount::new(self.client.clone(), self.id.clone())
    }

    /// One page of the users who logged in through the application.
    pub fn active_users(&self) -> ActiveUsers<ManagementClient<T>> {
        ActiveUsers::new(self.client.clone(), self.id.clone())
    }

    /// Sets who may use the application: individuals, tenants or both.
    pub fn change_application_type(
        &self,
        app_type: ApplicationType,
    ) -> ChangeApplicationType<ManagementClient<T>> {
        ChangeApplicationType::new(self.client.clone(), self.id.clone(), app_type)
    }

    /// The application and its tenants.
    pub fn tenants(&self) -> ApplicationTenants<ManagementClient<T>> {
        ApplicationTenants::new(self.client.clone(), self.id.clone())
    }
}
