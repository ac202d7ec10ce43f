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
use authing_core::{Error, Lang, Transport, Wire, operation};
use serde_json::Value;

use crate::client::AuthenticationClient;
use authing_core::graphql::documents::{REMOVE_UDV, SET_UDV, SET_UDV_BATCH, UDV};

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
        ListUdv::new(self.clone(), UdfTargetType::User, id).await
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
        if data.0.is_empty() {
            return Err(self.api().report(Error::invalid_argument(
                "set_udf_value needs at least one key and value",
            )));
        }
        let id = self.logged_in_user_id().await?;
        let list: Vec<UserDefinedDataInput> = data
            .0
            .iter()
            .map(|(key, value)| UserDefinedDataInput::new(key.clone(), value))
            .collect();
        SetUdvBatch::new(self.clone(), UdfTargetType::User, id)
            .udv_list(list)
            .await
    }

    /// Sets one of the logged-in user's custom values (`setUdv`); answers all of them.
    pub async fn set_udv(
        &self,
        key: impl Into<String>,
        value: impl Into<Value>,
    ) -> Result<Vec<UserCustomData>, Error> {
        let id = self.logged_in_user_id().await?;
        let text = udf_value_text(&value.into());
        SetUdv::new(self.clone(), UdfTargetType::User, id, key, text).await
    }

    /// Removes one of the logged-in user's custom values (`removeUdv`); answers the values
    /// left. Removing a key that has no value is not an error.
    #[doc(alias = "remove_udf_value")]
    pub async fn remove_udv(&self, key: impl Into<String>) -> Result<Vec<UserCustomData>, Error> {
        let id = self.logged_in_user_id().await?;
        RemoveUdv::new(self.clone(), UdfTargetType::User, id, key).await
    }
}

/// A blank key or target: refused before anything is sent.
fn require(what: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid_argument(format!("the {what} is empty")));
    }
    Ok(())
}

operation! {
    /// An object's custom data (`udv`), sent with a user token: the user's own; made by
    /// [`AuthenticationClient::list_udv`].
    pub struct ListUdv -> Vec<UserCustomData> {
        wire: Wire::Graphql(&UDV),
        auth: User,
        required {
            /// `USER`.
            target_type: UdfTargetType,
            /// The user's own id.
            target_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.target_id)
            }
        }
    }
}

operation! {
    /// One custom value of the user's own (`setUdv`); made by
    /// [`AuthenticationClient::set_udv`]. Answers all of them.
    pub struct SetUdv -> Vec<UserCustomData> {
        wire: Wire::Graphql(&SET_UDV),
        auth: User,
        answer: Option<Vec<UserCustomData>>,
        required {
            /// `USER`.
            target_type: UdfTargetType,
            /// The user's own id.
            target_id: String,
            /// The custom field's key.
            key: String,
            /// The value, as text.
            value: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.target_id)?;
                require("key", &self.key)
            }

            fn finish(answer: Option<Vec<UserCustomData>>, _lang: Lang) -> Result<Vec<UserCustomData>, Error> {
                Ok(answer.unwrap_or_default())
            }
        }
    }
}

operation! {
    /// Several custom values of the user's own (`setUdvBatch`); made by
    /// [`AuthenticationClient::set_udf_value`]. Answers all of them.
    pub struct SetUdvBatch -> Vec<UserCustomData> {
        wire: Wire::Graphql(&SET_UDV_BATCH),
        auth: User,
        answer: Option<Vec<UserCustomData>>,
        required {
            /// `USER`.
            target_type: UdfTargetType,
            /// The user's own id.
            target_id: String,
        }
        optional {
            /// The values, as text.
            udv_list: Vec<UserDefinedDataInput>,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.target_id)?;
                for item in self.udv_list.iter().flatten() {
                    require("key", &item.key)?;
                }
                Ok(())
            }

            fn finish(answer: Option<Vec<UserCustomData>>, _lang: Lang) -> Result<Vec<UserCustomData>, Error> {
                Ok(answer.unwrap_or_default())
            }
        }
    }
}

operation! {
    /// The removal of one custom value of the user's own (`removeUdv`); made by
    /// [`AuthenticationClient::remove_udv`]. Answers the values left.
    pub struct RemoveUdv -> Vec<UserCustomData> {
        wire: Wire::Graphql(&REMOVE_UDV),
        auth: User,
        answer: Option<Vec<UserCustomData>>,
        required {
            /// `USER`.
            target_type: UdfTargetType,
            /// The user's own id.
            target_id: String,
            /// The custom field's key.
            key: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.target_id)?;
                require("key", &self.key)
            }

            fn finish(answer: Option<Vec<UserCustomData>>, _lang: Lang) -> Result<Vec<UserCustomData>, Error> {
                Ok(answer.unwrap_or_default())
            }
        }
    }
}
