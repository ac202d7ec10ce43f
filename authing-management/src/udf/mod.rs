//! Custom fields (UDF): [`UdfHandler`] defines the fields of each kind of object and sets
//! their values, typed by the field's data type.
//!
//! ```
//! # async fn run(client: authing_management::ManagementClient) -> Result<(), authing_core::Error> {
//! use authing_core::model::{UdfDataType, UdfTargetType};
//! use serde_json::json;
//!
//! let udf = client.udf();
//! udf.set(UdfTargetType::User, "age", UdfDataType::Number, "Age").await?;
//! let fields = udf.list(UdfTargetType::User).await?;
//! let data = udf
//!     .set_values(UdfTargetType::User, "USER_ID", [("age", json!(42))])
//!     .await?;
//! assert_eq!(data[0].typed_value(), json!(42));
//! # let _ = fields;
//! # Ok(())
//! # }
//! ```

mod operations;

use authing_core::Transport;
use authing_core::model::{
    SetUdfValueBatchInput, UdfDataType, UdfTargetType, UserDefinedDataInput, udf_value_text,
};
use serde_json::Value;

use crate::client::ManagementClient;
use crate::families::ListCustomData;

pub use authing_core::shared_operations::SetCustomDataBatch;
pub use operations::{ListUdf, RemoveUdf, SetUdf, SetUdfValueBatch, UdfValueBatch};

/// Custom field definitions and values; get one with [`ManagementClient::udf`].
#[derive(Debug)]
pub struct UdfHandler<T = std::sync::Arc<dyn Transport>> {
    client: ManagementClient<T>,
}

impl<T> Clone for UdfHandler<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
        }
    }
}

impl<T: Transport> ManagementClient<T> {
    /// Custom fields (UDF): their definitions per kind of object, and their values.
    pub fn udf(&self) -> UdfHandler<T> {
        UdfHandler {
            client: self.clone(),
        }
    }
}

impl<T: Transport> UdfHandler<T> {
    /// The custom fields defined for `target_type` (`udf`).
    pub fn list(&self, target_type: UdfTargetType) -> ListUdf<ManagementClient<T>> {
        ListUdf::new(self.client.clone(), target_type)
    }

    /// Defines (or redefines) the field `key` of `target_type` (`setUdf`).
    pub fn set(
        &self,
        target_type: UdfTargetType,
        key: impl Into<String>,
        data_type: UdfDataType,
        label: impl Into<String>,
    ) -> SetUdf<ManagementClient<T>> {
        SetUdf::new(self.client.clone(), target_type, key, data_type, label)
    }

    /// Removes the field `key` of `target_type` and its values (`removeUdf`).
    pub fn remove(
        &self,
        target_type: UdfTargetType,
        key: impl Into<String>,
    ) -> RemoveUdf<ManagementClient<T>> {
        RemoveUdf::new(self.client.clone(), target_type, key)
    }

    /// Every custom value of one object (`udv`, the custom-data family's call).
    pub fn values(
        &self,
        target_type: UdfTargetType,
        target_id: impl Into<String>,
    ) -> ListCustomData<ManagementClient<T>> {
        self.client.custom_data(target_type, target_id).list()
    }

    /// Sets values of one object, all or none (`setUdvBatch`). Each value is sent as
    /// [`udf_value_text`] writes it (a string as itself, anything else as JSON), so it reads
    /// back typed with [`UserCustomData::typed_value`](authing_core::model::UserCustomData::typed_value).
    pub fn set_values<K: Into<String>>(
        &self,
        target_type: UdfTargetType,
        target_id: impl Into<String>,
        values: impl IntoIterator<Item = (K, Value)>,
    ) -> SetCustomDataBatch<ManagementClient<T>> {
        let list: Vec<_> = values
            .into_iter()
            .map(|(key, value)| UserDefinedDataInput::new(key, &value))
            .collect();
        SetCustomDataBatch::new(self.client.clone(), target_type, target_id, list)
    }

    /// The custom values of several objects of one kind (`udfValueBatch`).
    pub fn values_batch(
        &self,
        target_type: UdfTargetType,
        target_ids: Vec<String>,
    ) -> UdfValueBatch<ManagementClient<T>> {
        UdfValueBatch::new(self.client.clone(), target_type, target_ids)
    }

    /// Sets values on several objects of one kind (`setUdfValueBatch`): one
    /// `(target id, key, value)` per value, written as [`udf_value_text`] does.
    pub fn set_values_batch<I: Into<String>, K: Into<String>>(
        &self,
        target_type: UdfTargetType,
        values: impl IntoIterator<Item = (I, K, Value)>,
    ) -> SetUdfValueBatch<ManagementClient<T>> {
        let input: Vec<_> = values
            .into_iter()
            .map(|(target_id, key, value)| SetUdfValueBatchInput {
                target_id: target_id.into(),
                key: key.into(),
                value: udf_value_text(&value),
            })
            .collect();
        SetUdfValueBatch::new(self.client.clone(), target_type, input)
    }
}
