//! Families: calls that work the same on many kinds of object, written once with the kind as
//! an argument. A user's custom data and a role's are one [`CustomDataHandler`]; policies
//! assigned to a user, a role, a group or an org node are one [`PolicyAssignmentsHandler`];
//! what any of them may do is one [`AuthorizedResources`] call; the members of a role or a
//! group are one [`MembersHandler`].
//!
//! ```
//! # async fn run(client: authing_management::ManagementClient) -> Result<(), authing_core::Error> {
//! use authing_core::model::{PolicyAssignmentTargetType, UdfTargetType};
//!
//! let data = client.users().custom_data("USER_ID").list().await?;
//! client.custom_data(UdfTargetType::Role, "ROLE_ID").set("level", "3").await?;
//! client
//!     .policy_assignments(PolicyAssignmentTargetType::Group, "GROUP_CODE")
//!     .add(vec!["read-reports".into()])
//!     .await?;
//! let resources = client.users().authorized_resources("USER_ID").namespace("default").await?;
//! client.group_members("finance").add(vec!["USER_ID".into()]).await?;
//! let page = client.role_members("admin").namespace("default").list().page(2).await?;
//! # let _ = (data, resources, page);
//! # Ok(())
//! # }
//! ```

use authing_core::Transport;
use authing_core::model::{PolicyAssignmentTargetType, UdfTargetType};

use crate::client::ManagementClient;

mod authorized_resources;
mod custom_data;
mod members;
mod policy_assignments;

pub use authorized_resources::AuthorizedResources;
pub use custom_data::{CustomDataHandler, ListCustomData, RemoveCustomData, SetCustomData};
pub use members::{AddMembers, ListMembers, MembersHandler, MembersOf, RemoveMembers, WithUsers};
pub use policy_assignments::{
    AddPolicyAssignments, ListPolicyAssignments, PolicyAssignmentsHandler, RemovePolicyAssignments,
};

impl<T: Transport> ManagementClient<T> {
    /// The custom data of any object: a user, role, node, ... (`udv`, `setUdv`, `removeUdv`).
    pub fn custom_data(
        &self,
        target_type: UdfTargetType,
        target_id: impl Into<String>,
    ) -> CustomDataHandler<T> {
        CustomDataHandler::new(self.clone(), target_type, target_id.into())
    }

    /// The policies assigned to any object: a user by id, a role or group by code, an org
    /// node by id (`policyAssignments`, `addPolicyAssignments`, `removePolicyAssignments`).
    pub fn policy_assignments(
        &self,
        target_type: PolicyAssignmentTargetType,
        target_identifier: impl Into<String>,
    ) -> PolicyAssignmentsHandler<T> {
        PolicyAssignmentsHandler::new(self.clone(), target_type, target_identifier.into())
    }

    /// The resources any object is authorized to act on (`authorizedResources`).
    pub fn authorized_resources(
        &self,
        target_type: PolicyAssignmentTargetType,
        target_identifier: impl Into<String>,
    ) -> AuthorizedResources<Self> {
        AuthorizedResources::new(self.clone(), target_type, target_identifier)
    }

    /// The members of a role: the users it is assigned to.
    pub fn role_members(&self, code: impl Into<String>) -> MembersHandler<T> {
        MembersHandler::new(self.clone(), MembersOf::Role, code.into())
    }

    /// The members of a group.
    pub fn group_members(&self, code: impl Into<String>) -> MembersHandler<T> {
        MembersHandler::new(self.clone(), MembersOf::Group, code.into())
    }
}
