//! The logged-in user's own custom data (values of the pool's user custom fields):
//! [`AuthenticationClient::get_udf_value`], [`set_udf_value`](AuthenticationClient::set_udf_value),
//! [`list_udv`](AuthenticationClient::list_udv), [`set_udv`](AuthenticationClient::set_udv)
//! and [`remove_udv`](AuthenticationClient::remove_udv).
//!
//! Authing stores every value as text; reading converts it by the field's data type
//! ([`UserCustomData::typed_value`]): numbers, booleans and objects come back as JSON
//! values, strings and dates as text. Writing takes JSON values and writes them as text the
//! same way ([`udf_value_text`]), so a value round-trips.

use std::collections::BTreeMap;

use authing_core::model::{
    CustomData, UdfTargetType, UserCustomData, UserDefinedDataInput, udf_value_text,
};
use authing_core::shared_operations::{
    ListCustomData, RemoveCustomData, SetCustomData, SetCustomDataBatch,
};
use authing_core::{Error, Transport};
use serde_json::Value;

use crate::client::AuthenticationClient;

impl<T: Transport + 'static> AuthenticationClient<T> {
    /// The logged-in user's custom data as a map of key to typed value (`udv`).
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// let data = auth.get_udf_value().await?;
    /// if let Some(age) = data.get("age").and_then(|v| v.as_i64()) {
    ///     println!("{age}");
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn get_udf_value(&self) -> Result<BTreeMap<String, Value>, Error> {
        let data = self.list_udv().await?;
        Ok(data
            .iter()
            .map(|datum| (datum.key.clone(), datum.typed_value()))
            .collect())
    }

    /// The logged-in user's custom data as Authing lists it (`udv`): key, label, data type
    /// and the value as text ([`UserCustomData::typed_value`] converts it).
    pub async fn list_udv(&self) -> Result<Vec<UserCustomData>, Error> {
        let id = self.logged_in_user_id().await?;
        ListCustomData::new(self.clone(), UdfTargetType::User, id).await
    }

    /// Sets several of the logged-in user's custom values at once (`setUdvBatch`); each key
    /// must be a custom field of users, and each value fit its type (2231 otherwise, and
    /// nothing is set). Answers all of the user's custom data.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// use authing_core::model::CustomData;
    ///
    /// auth.set_udf_value(CustomData::from([("age", 18)])).await?;
    /// # Ok(()) }
    /// ```
    pub async fn set_udf_value(
        &self,
        data: impl Into<CustomData>,
    ) -> Result<Vec<UserCustomData>, Error> {
        let data = data.into();
        let id = self.logged_in_user_id().await?;
        let list: Vec<UserDefinedDataInput> = data
            .0
            .iter()
            .map(|(key, value)| UserDefinedDataInput::new(key.clone(), value))
            .collect();
        SetCustomDataBatch::new(self.clone(), UdfTargetType::User, id, list).await
    }

    /// Sets one of the logged-in user's custom values (`setUdv`); answers all of them.
    pub async fn set_udv(
        &self,
        key: impl Into<String>,
        value: impl Into<Value>,
    ) -> Result<Vec<UserCustomData>, Error> {
        let id = self.logged_in_user_id().await?;
        let text = udf_value_text(&value.into());
        SetCustomData::new(self.clone(), UdfTargetType::User, id, key, text).await
    }

    /// Removes one of the logged-in user's custom values (`removeUdv`); answers the values
    /// left. Removing a key that has no value is not an error.
    #[doc(alias = "remove_udf_value")]
    pub async fn remove_udv(&self, key: impl Into<String>) -> Result<Vec<UserCustomData>, Error> {
        let id = self.logged_in_user_id().await?;
        RemoveCustomData::new(self.clone(), UdfTargetType::User, id, key).await
    }
}
