//! Groups of users: [`GroupsHandler`] and the operations it makes.
//!
//! A group is addressed by its code. Its members get the roles assigned to the group.
//! Codes: a taken code is [`GROUP_EXISTS`](authing_core::codes::GROUP_EXISTS) (2421), a
//! missing group [`GROUP_NOT_FOUND`](authing_core::codes::GROUP_NOT_FOUND) (2420): Authing's
//! published table has no rows for groups; these are the numbers the fake answers.
//!
//! ```
//! # async fn run(client: authing_management::ManagementClient) -> Result<(), authing_core::Error> {
//! let groups = client.groups();
//! groups.create("finance", "Finance").description("the money people").await?;
//! groups.add_users("finance", vec!["USER_ID".into()]).await?;
//! let members = groups.list_users("finance").limit(50).await?;
//! groups.delete("finance").await?;
//! # let _ = members;
//! # Ok(())
//! # }
//! ```

mod operations;

use authing_core::Transport;
use authing_core::model::PolicyAssignmentTargetType;

use crate::client::ManagementClient;
use crate::families::{
    AddMembers, AuthorizedResources, ListMembers, MembersHandler, PolicyAssignmentsHandler,
    RemoveMembers,
};

pub use operations::{CreateGroup, DeleteGroups, GroupDetail, ListGroups, UpdateGroup};

/// The groups of a pool; get one with [`ManagementClient::groups`].
#[derive(Debug)]
pub struct GroupsHandler<T = std::sync::Arc<dyn Transport>> {
    client: ManagementClient<T>,
}

impl<T> Clone for GroupsHandler<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
        }
    }
}

impl<T: Transport> ManagementClient<T> {
    /// Groups of the pool: list, create, update, delete, members, ...
    pub fn groups(&self) -> GroupsHandler<T> {
        GroupsHandler {
            client: self.clone(),
        }
    }
}

impl<T: Transport> GroupsHandler<T> {
    fn client(&self) -> ManagementClient<T> {
        self.client.clone()
    }

    /// One page of the groups (`groups`): page 1 of 10, newest first, unless set.
    pub fn list(&self) -> ListGroups<ManagementClient<T>> {
        ListGroups::new(self.client())
    }

    /// Creates a group (`createGroup`).
    pub fn create(
        &self,
        code: impl Into<String>,
        name: impl Into<String>,
    ) -> CreateGroup<ManagementClient<T>> {
        CreateGroup::new(self.client(), code, name)
    }

    /// One group by code (`group`), or `None`.
    pub fn detail(&self, code: impl Into<String>) -> GroupDetail<ManagementClient<T>> {
        GroupDetail::new(self.client(), code)
    }

    /// Changes a group (`updateGroup`): set `.name(..)`, `.description(..)`, `.new_code(..)`.
    pub fn update(&self, code: impl Into<String>) -> UpdateGroup<ManagementClient<T>> {
        UpdateGroup::new(self.client(), code)
    }

    /// Deletes a group (`deleteGroups` with one code: Authing has no single delete).
    pub fn delete(&self, code: impl Into<String>) -> DeleteGroups<ManagementClient<T>> {
        DeleteGroups::new(self.client(), vec![code.into()])
    }

    /// Deletes groups (`deleteGroups`), all or none.
    pub fn delete_many(&self, codes: Vec<String>) -> DeleteGroups<ManagementClient<T>> {
        DeleteGroups::new(self.client(), codes)
    }

    /// The members of the group `code`, as a family handler.
    pub fn members(&self, code: impl Into<String>) -> MembersHandler<T> {
        self.client.group_members(code)
    }

    /// One page of the group's users (`group { users }`).
    pub fn list_users(&self, code: impl Into<String>) -> ListMembers<ManagementClient<T>> {
        self.members(code).list()
    }

    /// Adds users to the group (`addUserToGroup`).
    pub fn add_users(
        &self,
        code: impl Into<String>,
        user_ids: Vec<String>,
    ) -> AddMembers<ManagementClient<T>> {
        self.members(code).add(user_ids)
    }

    /// Removes users from the group (`removeUserFromGroup`).
    pub fn remove_users(
        &self,
        code: impl Into<String>,
        user_ids: Vec<String>,
    ) -> RemoveMembers<ManagementClient<T>> {
        self.members(code).remove(user_ids)
    }

    /// The policies assigned to the group `code`.
    pub fn policies(&self, code: impl Into<String>) -> PolicyAssignmentsHandler<T> {
        self.client
            .policy_assignments(PolicyAssignmentTargetType::Group, code)
    }

    /// The resources the group `code` may act on (`authorizedResources` with `GROUP`).
    pub fn authorized_resources(
        &self,
        code: impl Into<String>,
    ) -> AuthorizedResources<ManagementClient<T>> {
        self.client
            .authorized_resources(PolicyAssignmentTargetType::Group, code)
    }
}
