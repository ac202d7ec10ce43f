//! Custom data of any object: [`CustomDataHandler`] (`udv`, `setUdv`, `removeUdv`).

use authing_core::Transport;
use authing_core::model::UdfTargetType;
pub use authing_core::shared_operations::{ListCustomData, RemoveCustomData, SetCustomData};

use crate::client::ManagementClient;

/// The custom data of one object (a user, role, node, ...); get one with
/// [`ManagementClient::custom_data`] or [`UsersHandler::custom_data`](crate::UsersHandler::custom_data).
#[derive(Debug, Clone)]
pub struct CustomDataHandler<T> {
    client: ManagementClient<T>,
    target_type: UdfTargetType,
    target_id: String,
}

impl<T: Transport> CustomDataHandler<T> {
    pub(crate) fn new(
        client: ManagementClient<T>,
        target_type: UdfTargetType,
        target_id: String,
    ) -> Self {
        Self {
            client,
            target_type,
            target_id,
        }
    }

    /// Every custom data value of the object (`udv`).
    pub fn list(&self) -> ListCustomData<ManagementClient<T>> {
        ListCustomData::new(
            self.client.clone(),
            self.target_type,
            self.target_id.clone(),
        )
    }

    /// Sets the value of `key` (a custom field defined for the object's kind) to `value`,
    /// as Authing stores it: text (`setUdv`). Answers all of the object's custom data.
    pub fn set(
        &self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> SetCustomData<ManagementClient<T>> {
        SetCustomData::new(
            self.client.clone(),
            self.target_type,
            self.target_id.clone(),
            key,
            value,
        )
    }

    /// Removes the value of `key` (`removeUdv`). Answers the custom data left.
    pub fn remove(&self, key: impl Into<String>) -> RemoveCustomData<ManagementClient<T>> {
        RemoveCustomData::new(
            self.client.clone(),
            self.target_type,
            self.target_id.clone(),
            key,
        )
    }
}
