//! The UDF operations, one declaration each (see [`authing_core::operation!`]).

use authing_core::model::{
    CommonMessage, SetUdfValueBatchInput, UdfDataType, UdfTargetType, UserDefinedDataMap,
    UserDefinedField,
};
use authing_core::{Error, Wire, operation};

use crate::checks::require;
use crate::graphql;

operation! {
    /// The custom fields defined for a kind of object (`udf`).
    pub struct ListUdf -> Vec<UserDefinedField> {
        wire: Wire::Graphql(&graphql::UDF),
        auth: Management,
        required {
            /// The kind of object.
            target_type: UdfTargetType,
        }
    }
}

operation! {
    /// Defines a custom field of a kind of object, or redefines it when `key` exists
    /// (`setUdf`). Authing refuses a bad key or label with 2231.
    pub struct SetUdf -> UserDefinedField {
        wire: Wire::Graphql(&graphql::SET_UDF),
        auth: Management,
        required {
            /// The kind of object.
            target_type: UdfTargetType,
            /// The field's key.
            key: String,
            /// The type of its values.
            data_type: UdfDataType,
            /// The field's label.
            label: String,
        }
        optional {
            /// Extra settings, as JSON text.
            options: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("key", &self.key)?;
                if self.data_type == UdfDataType::Unknown {
                    return Err(Error::invalid_argument("the data type is unknown"));
                }
                Ok(())
            }
        }
    }
}

operation! {
    /// Removes a custom field definition, and its values (`removeUdf`). A field that is not
    /// defined is 2231.
    pub struct RemoveUdf -> Option<CommonMessage> {
        wire: Wire::Graphql(&graphql::REMOVE_UDF),
        auth: Management,
        required {
            /// The kind of object.
            target_type: UdfTargetType,
            /// The field's key.
            key: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("key", &self.key)
            }
        }
    }
}

operation! {
    /// The custom data of several objects of one kind (`udfValueBatch`).
    pub struct UdfValueBatch -> Vec<UserDefinedDataMap> {
        wire: Wire::Graphql(&graphql::UDF_VALUE_BATCH),
        auth: Management,
        required {
            /// The kind of object.
            target_type: UdfTargetType,
            /// The objects' ids.
            target_ids: Vec<String>,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.target_ids.is_empty() {
                    return Err(Error::invalid_argument("no target id"));
                }
                self.target_ids.iter().try_for_each(|id| require("target id", id))
            }
        }
    }
}

operation! {
    /// Sets custom values on several objects of one kind (`setUdfValueBatch`); every value is
    /// checked before any is written.
    pub struct SetUdfValueBatch -> Option<CommonMessage> {
        wire: Wire::Graphql(&graphql::SET_UDF_VALUE_BATCH),
        auth: Management,
        required {
            /// The kind of object.
            target_type: UdfTargetType,
            /// One item per object and key.
            input: Vec<SetUdfValueBatchInput>,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.input.is_empty() {
                    return Err(Error::invalid_argument("no custom value to set"));
                }
                self.input.iter().try_for_each(|item| {
                    require("target id", &item.target_id)?;
                    require("key", &item.key)
                })
            }
        }
    }
}
