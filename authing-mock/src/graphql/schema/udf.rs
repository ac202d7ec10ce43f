//! Custom fields: their definitions (UDF) and their values (UDV).

use async_graphql::{Enum, InputObject, SimpleObject};

use crate::graphql::schema::ObjectValue;
use crate::graphql::types::UdfDataType;

/// One custom value to set on one target.
#[derive(InputObject)]
pub(crate) struct SetUdfValueBatchInput {
    pub(crate) target_id: String,
    pub(crate) key: String,
    pub(crate) value: ObjectValue,
}

/// The kinds of objects that carry custom fields.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "UDFTargetType")]
pub(crate) enum UdfTargetType {
    #[graphql(name = "NODE")]
    Node,
    #[graphql(name = "ORG")]
    Org,
    #[graphql(name = "USER")]
    User,
    #[graphql(name = "USERPOOL")]
    Userpool,
    #[graphql(name = "ROLE")]
    Role,
    #[graphql(name = "PERMISSION")]
    Permission,
    #[graphql(name = "APPLICATION")]
    Application,
}

/// A custom value of an object.
#[derive(SimpleObject)]
pub(crate) struct UserDefinedData {
    pub(crate) key: String,
    pub(crate) data_type: UdfDataType,
    pub(crate) value: String,
    pub(crate) label: Option<String>,
}

/// A custom value to set.
#[derive(InputObject)]
pub(crate) struct UserDefinedDataInput {
    pub(crate) key: String,
    pub(crate) value: Option<String>,
}

/// The custom values of one target.
#[derive(SimpleObject)]
pub(crate) struct UserDefinedDataMap {
    pub(crate) target_id: String,
    pub(crate) data: Vec<UserDefinedData>,
}

/// The definition of a custom field.
#[derive(SimpleObject)]
pub(crate) struct UserDefinedField {
    pub(crate) target_type: UdfTargetType,
    pub(crate) data_type: UdfDataType,
    pub(crate) key: String,
    pub(crate) label: Option<String>,
    pub(crate) options: Option<String>,
}
