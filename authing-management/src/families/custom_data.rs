//! Custom data of any object: [`CustomDataHandler`] (`udv`, `setUdv`, `removeUdv`).

use authing_core::model::{UdfTargetType, UserCustomData};
use authing_core::{Error, Lang, Transport, Wire, operation};

use crate::checks::require;
use crate::client::ManagementClient;
use crate::graphql;

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

operation! {
    /// Every custom data value of an object (`udv`).
    pub struct ListCustomData -> Vec<UserCustomData> {
        wire: Wire::Graphql(&graphql::UDV),
        auth: Management,
        required {
            /// The kind of object.
            target_type: UdfTargetType,
            /// The object's id.
            target_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("target id", &self.target_id)
            }
        }
    }
}

operation! {
    /// Sets one custom data value of an object (`setUdv`); answers all of its custom data.
    pub struct SetCustomData -> Vec<UserCustomData> {
        wire: Wire::Graphql(&graphql::SET_UDV),
        auth: Management,
        answer: Option<Vec<UserCustomData>>,
        required {
            /// The kind of object.
            target_type: UdfTargetType,
            /// The object's id.
            target_id: String,
            /// The custom field's key.
            key: String,
            /// The value, as text.
            value: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("target id", &self.target_id)?;
                require("key", &self.key)
            }

            fn finish(answer: Option<Vec<UserCustomData>>, _lang: Lang) -> Result<Vec<UserCustomData>, Error> {
                Ok(answer.unwrap_or_default())
            }
        }
    }
}

operation! {
    /// Removes one custom data value of an object (`removeUdv`); answers what is left.
    pub struct RemoveCustomData -> Vec<UserCustomData> {
        wire: Wire::Graphql(&graphql::REMOVE_UDV),
        auth: Management,
        answer: Option<Vec<UserCustomData>>,
        required {
            /// The kind of object.
            target_type: UdfTargetType,
            /// The object's id.
            target_id: String,
            /// The custom field's key.
            key: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("target id", &self.target_id)?;
                require("key", &self.key)
            }

            fn finish(answer: Option<Vec<UserCustomData>>, _lang: Lang) -> Result<Vec<UserCustomData>, Error> {
                Ok(answer.unwrap_or_default())
            }
        }
    }
}
