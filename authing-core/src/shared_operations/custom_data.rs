//! An object's custom data: the values of the custom fields defined for its kind, which
//! Authing stores as text ([`UserCustomData::typed_value`] reads them by the field's type).

use super::require;
use crate::graphql::documents::{REMOVE_UDV, SET_UDV, SET_UDV_BATCH, UDV};
use crate::model::{UdfTargetType, UserCustomData, UserDefinedDataInput};
use crate::{Error, Lang, Wire, operation};

operation! {
    /// Every custom data value of an object (`udv`). An unknown object is 2004 for a user.
    pub struct ListCustomData -> Vec<UserCustomData> {
        wire: Wire::Graphql(&UDV),
        auth: Client,
        required {
            /// The kind of object.
            target_type: UdfTargetType,
            /// The object's id (a user sending it for themselves: their own).
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
    /// A key that is not a custom field of the object's kind, or a value that does not read
    /// as its type, is 2231.
    pub struct SetCustomData -> Vec<UserCustomData> {
        wire: Wire::Graphql(&SET_UDV),
        auth: Client,
        answer: Option<Vec<UserCustomData>>,
        required {
            /// The kind of object.
            target_type: UdfTargetType,
            /// The object's id.
            target_id: String,
            /// The custom field's key.
            key: String,
            /// The value, as text ([`udf_value_text`](crate::model::udf_value_text) writes
            /// a JSON value so that it reads back as the same value).
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
    /// Sets several custom values of one object, all or none (`setUdvBatch`); answers all of
    /// its custom data. A value that does not read as its field's type is 2231 (and nothing
    /// is set); an unknown user is 2004.
    pub struct SetCustomDataBatch -> Vec<UserCustomData> {
        wire: Wire::Graphql(&SET_UDV_BATCH),
        auth: Client,
        answer: Option<Vec<UserCustomData>>,
        required {
            /// The kind of object.
            target_type: UdfTargetType,
            /// The object's id.
            target_id: String,
            /// The values to set, at least one.
            udv_list: Vec<UserDefinedDataInput>,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("target id", &self.target_id)?;
                if self.udv_list.is_empty() {
                    return Err(Error::invalid_argument("no custom value to set"));
                }
                self.udv_list.iter().try_for_each(|item| require("key", &item.key))
            }

            fn finish(answer: Option<Vec<UserCustomData>>, _lang: Lang) -> Result<Vec<UserCustomData>, Error> {
                Ok(answer.unwrap_or_default())
            }
        }
    }
}

operation! {
    /// Removes one custom data value of an object (`removeUdv`); answers the values left.
    /// Removing a key that has no value is not an error.
    pub struct RemoveCustomData -> Vec<UserCustomData> {
        wire: Wire::Graphql(&REMOVE_UDV),
        auth: Client,
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
