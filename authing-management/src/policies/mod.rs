//! Policies of a pool: [`PoliciesHandler`] and the operations it makes. Assigning policies
//! uses the policy-assignment family ([`crate::families`]).
//!
//! ```
//! # async fn run(client: authing_management::ManagementClient) -> Result<(), authing_core::Error> {
//! use authing_core::model::{PolicyAssignmentTargetType, PolicyEffect, PolicyStatement};
//!
//! let policies = client.policies();
//! policies
//!     .create("read-books", vec![PolicyStatement::new("books:*", ["books:read"], PolicyEffect::Allow)])
//!     .description("Read any book")
//!     .await?;
//! policies
//!     .add_assignments(vec!["read-books".into()], PolicyAssignmentTargetType::Role, vec!["reader".into()])
//!     .await?;
//! let page = policies.list().limit(20).await?;
//! # let _ = page;
//! # Ok(())
//! # }
//! ```

mod operations;

use authing_core::Transport;
use authing_core::model::{PolicyAssignmentTargetType, PolicyStatement};

use crate::client::ManagementClient;
use crate::families::{AddPolicyAssignments, ListPolicyAssignments, RemovePolicyAssignments};

pub use operations::{
    CreatePolicy, DeletePolicies, DeletePolicy, DisablePolicyAssignment, EnablePolicyAssignment,
    ListPolicies, PolicyDetail, UpdatePolicy,
};

/// The policies of a pool; get one with [`ManagementClient::policies`].
#[derive(Debug)]
pub struct PoliciesHandler<T = std::sync::Arc<dyn Transport>> {
    client: ManagementClient<T>,
}

impl<T> Clone for PoliciesHandler<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
        }
    }
}

impl<T: Transport> ManagementClient<T> {
    /// Policies of the pool: list, create, update, delete, and their assignments.
    pub fn policies(&self) -> PoliciesHandler<T> {
        PoliciesHandler {
            client: self.clone(),
        }
    }
}

impl<T: Transport> PoliciesHandler<T> {
    fn client(&self) -> ManagementClient<T> {
        self.client.clone()
    }

    /// One page of the policies of a namespace (`policies`): page 1 of 10 unless set.
    pub fn list(&self) -> ListPolicies<ManagementClient<T>> {
        ListPolicies::new(self.client())
    }

    /// Creates a policy (`createPolicy`).
    pub fn create(
        &self,
        code: impl Into<String>,
        statements: Vec<PolicyStatement>,
    ) -> CreatePolicy<ManagementClient<T>> {
        CreatePolicy::new(self.client(), code, statements)
    }

    /// One policy by code (`policy`).
    pub fn detail(&self, code: impl Into<String>) -> PolicyDetail<ManagementClient<T>> {
        PolicyDetail::new(self.client(), code)
    }

    /// Changes a policy (`updatePolicy`); set what changes on the operation.
    pub fn update(&self, code: impl Into<String>) -> UpdatePolicy<ManagementClient<T>> {
        UpdatePolicy::new(self.client(), code)
    }

    /// Deletes a policy and its assignments (`deletePolicy`).
    pub fn delete(&self, code: impl Into<String>) -> DeletePolicy<ManagementClient<T>> {
        DeletePolicy::new(self.client(), code)
    }

    /// Deletes several policies (`deletePolicies`).
    pub fn delete_many(&self, codes: Vec<String>) -> DeletePolicies<ManagementClient<T>> {
        DeletePolicies::new(self.client(), codes)
    }

    /// One page of the assignments of policy `code` (`policyAssignments`).
    pub fn list_assignments(
        &self,
        code: impl Into<String>,
    ) -> ListPolicyAssignments<ManagementClient<T>> {
        ListPolicyAssignments::new(self.client()).code(code.into())
    }

    /// Gives `policies` to objects of one kind (`addPolicyAssignments`).
    pub fn add_assignments(
        &self,
        policies: Vec<String>,
        target_type: PolicyAssignmentTargetType,
        target_identifiers: Vec<String>,
    ) -> AddPolicyAssignments<ManagementClient<T>> {
        AddPolicyAssignments::new(self.client(), policies, target_type, target_identifiers)
    }

    /// Takes `policies` from objects of one kind (`removePolicyAssignments`).
    pub fn remove_assignments(
        &self,
        policies: Vec<String>,
        target_type: PolicyAssignmentTargetType,
        target_identifiers: Vec<String>,
    ) -> RemovePolicyAssignments<ManagementClient<T>> {
        RemovePolicyAssignments::new(self.client(), policies, target_type, target_identifiers)
    }

    /// Turns one assignment on (`enablePolicyAssignment`).
    pub fn enable_assignment(
        &self,
        policy: impl Into<String>,
        target_type: PolicyAssignmentTargetType,
        target_identifier: impl Into<String>,
    ) -> EnablePolicyAssignment<ManagementClient<T>> {
        EnablePolicyAssignment::new(self.client(), policy, target_type, target_identifier)
    }

    /// Turns one assignment off (`disbalePolicyAssignment`); it then grants nothing.
    pub fn disable_assignment(
        &self,
        policy: impl Into<String>,
        target_type: PolicyAssignmentTargetType,
        target_identifier: impl Into<String>,
    ) -> DisablePolicyAssignment<ManagementClient<T>> {
        DisablePolicyAssignment::new(self.client(), policy, target_type, target_identifier)
    }
}
