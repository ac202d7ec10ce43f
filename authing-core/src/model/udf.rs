//! Custom field definitions (`UserDefinedField`), the values to set, and the values of
//! several objects at once (`UserDefinedDataMap`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::targets::UdfTargetType;
use super::user::{UdfDataType, UserCustomData};

/// `UserDefinedField`: the definition of a custom field of a kind of object.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserDefinedField {
    /// The kind of object the field belongs to.
    pub target_type: UdfTargetType,
    /// The type of its values.
    pub data_type: UdfDataType,
    /// The field's key.
    pub key: String,
    /// The field's label.
    pub label: Option<String>,
    /// Extra settings, as Authing stores them (JSON text).
    pub options: Option<String>,
}

/// `UserDefinedDataMap`: the custom values of one object, in a batch answer.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserDefinedDataMap {
    /// The object's id.
    pub target_id: String,
    /// Its custom values.
    pub data: Vec<UserCustomData>,
}

/// `UserDefinedDataInput`: one custom value to set, as text (see [`udf_value_text`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserDefinedDataInput {
    /// The custom field's key.
    pub key: String,
    /// The value as Authing stores it.
    pub value: String,
}

impl UserDefinedDataInput {
    /// The value `value` of `key`, written as [`udf_value_text`] does.
    pub fn new(key: impl Into<String>, value: &Value) -> Self {
        Self {
            key: key.into(),
            value: udf_value_text(value),
        }
    }
}

/// `SetUdfValueBatchInput`: one custom value of one object, in a batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetUdfValueBatchInput {
    /// The object's id.
    pub target_id: String,
    /// The custom field's key.
    pub key: String,
    /// The value as Authing stores it (see [`udf_value_text`]).
    pub value: String,
}

/// A value as Authing stores custom values: a string as itself, anything else (number,
/// boolean, object, array) as its JSON text, so [`UserCustomData::typed_value`] reads it
/// back by its field's type. A date goes as epoch milliseconds or ISO-8601 text.
///
/// ```
/// use authing_core::model::udf_value_text;
/// use serde_json::json;
///
/// assert_eq!(udf_value_text(&json!("Beijing")), "Beijing");
/// assert_eq!(udf_value_text(&json!(42)), "42");
/// assert_eq!(udf_value_text(&json!({"a": true})), r#"{"a":true}"#);
/// ```
pub fn udf_value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
