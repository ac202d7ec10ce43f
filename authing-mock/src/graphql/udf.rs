//! Custom fields (`udf`, `setUdf`, `removeUdf`) and custom values of any object (`udv`,
//! `setUdv`, `setUdvBatch`, `removeUdv`, `udfValueBatch`, `setUdfValueBatch`), for
//! administrators: thin calls into `domain::udf` and `domain::udv`. A logged-in user may
//! read and change their own values (`udv`, `setUdv`, `setUdvBatch`, `removeUdv` on
//! `USER` and their own id), nobody else's (1001).

use async_graphql::{Context, Object, Result};
use serde_json::Value;

use super::resolve::call;
use super::schema::udf::{
    SetUdfValueBatchInput, UdfTargetType, UserDefinedData, UserDefinedDataInput,
    UserDefinedDataMap, UserDefinedField,
};
use super::types::{CommonMessage, UdfDataType};
use crate::auth::{Access, Call};
use crate::domain::{Caller, udf, udv};
use crate::failure::{Code, Failure, OK};
use crate::store::{CustomDatum, DataType, FieldDef, Pool, TargetKind};

impl From<UdfTargetType> for TargetKind {
    fn from(value: UdfTargetType) -> Self {
        match value {
            UdfTargetType::Node => Self::Node,
            UdfTargetType::Org => Self::Org,
            UdfTargetType::User => Self::User,
            UdfTargetType::Userpool => Self::Userpool,
            UdfTargetType::Role => Self::Role,
            UdfTargetType::Permission => Self::Permission,
            UdfTargetType::Application => Self::Application,
        }
    }
}

impl From<TargetKind> for UdfTargetType {
    fn from(value: TargetKind) -> Self {
        match value {
            TargetKind::Node => Self::Node,
            TargetKind::Org => Self::Org,
            TargetKind::User => Self::User,
            TargetKind::Userpool => Self::Userpool,
            TargetKind::Role => Self::Role,
            TargetKind::Permission => Self::Permission,
            TargetKind::Application => Self::Application,
        }
    }
}

impl From<UdfDataType> for DataType {
    fn from(value: UdfDataType) -> Self {
        match value {
            UdfDataType::String => Self::String,
            UdfDataType::Number => Self::Number,
            UdfDataType::Datetime => Self::Datetime,
            UdfDataType::Boolean => Self::Boolean,
            UdfDataType::Object => Self::Object,
        }
    }
}

impl From<&FieldDef> for UserDefinedField {
    fn from(def: &FieldDef) -> Self {
        Self {
            target_type: def.target.into(),
            data_type: def.data_type.into(),
            key: def.key.clone(),
            label: Some(def.label.clone()),
            options: def.options.clone(),
        }
    }
}

/// The object's values as the wire shows them, labelled by their field definitions.
fn answer(pool: &Pool, target: TargetKind, data: Vec<CustomDatum>) -> Vec<UserDefinedData> {
    data.into_iter()
        .map(|datum| UserDefinedData {
            label: udv::label(pool, target, &datum.key).map(str::to_owned),
            data_type: datum.data_type.into(),
            value: datum.value.unwrap_or_default(),
            key: datum.key,
        })
        .collect()
}

/// The success message.
fn ok(call: &Call<'_>) -> Option<CommonMessage> {
    Some(CommonMessage {
        code: Some(200),
        message: Some(OK.pick(call.rc.lang).to_owned()),
    })
}

/// Lets an administrator at any object, and a user at their own custom values only (1001).
fn own_or_administered(call: &Call<'_>, target: TargetKind, id: &str) -> Result<(), Failure> {
    match &call.caller {
        Caller::Admin { .. } => Ok(()),
        Caller::User { user_id, .. } if target == TargetKind::User && user_id == id => Ok(()),
        _ => Err(Code::NoPermission.into()),
    }
}

/// The custom-field queries.
#[derive(Default)]
pub(crate) struct UdfQuery;

#[Object]
impl UdfQuery {
    /// The custom values of an object (administrators; a user, their own); 2004 for a user
    /// that does not exist.
    async fn udv(
        &self,
        ctx: &Context<'_>,
        target_type: UdfTargetType,
        target_id: String,
    ) -> Result<Vec<UserDefinedData>> {
        let target = target_type.into();
        call(ctx, Access::Signed, |call| {
            own_or_administered(&call, target, &target_id)?;
            call.pool(|pool| {
                let data = udv::list(pool, target, &target_id)?;
                Ok(answer(pool, target, data))
            })
        })
    }

    /// The custom fields defined for a kind of object, in creation order (administrators).
    async fn udf(
        &self,
        ctx: &Context<'_>,
        target_type: UdfTargetType,
    ) -> Result<Vec<UserDefinedField>> {
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| {
                Ok(udf::list(pool, target_type.into())
                    .into_iter()
                    .map(UserDefinedField::from)
                    .collect())
            })
        })
    }

    /// The custom values of several objects (administrators); null ids are skipped.
    async fn udf_value_batch(
        &self,
        ctx: &Context<'_>,
        target_type: UdfTargetType,
        target_ids: Vec<Option<String>>,
    ) -> Result<Vec<UserDefinedDataMap>> {
        let target = target_type.into();
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| {
                target_ids
                    .iter()
                    .flatten()
                    .map(|id| {
                        let data = udv::list(pool, target, id)?;
                        Ok(UserDefinedDataMap {
                            target_id: id.clone(),
                            data: answer(pool, target, data),
                        })
                    })
                    .collect()
            })
        })
    }
}

/// The custom-field mutations.
#[derive(Default)]
pub(crate) struct UdfMutation;

#[Object]
impl UdfMutation {
    /// Defines a custom field, or redefines it when the key exists (administrators).
    async fn set_udf(
        &self,
        ctx: &Context<'_>,
        target_type: UdfTargetType,
        key: String,
        data_type: UdfDataType,
        label: String,
        options: Option<String>,
    ) -> Result<UserDefinedField> {
        let def = FieldDef {
            target: target_type.into(),
            key,
            data_type: data_type.into(),
            label,
            options,
        };
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| Ok(UserDefinedField::from(&udf::set(pool, def)?)))
        })
    }

    /// Removes a custom field and its values (administrators); 2231 when it is not defined.
    async fn remove_udf(
        &self,
        ctx: &Context<'_>,
        target_type: UdfTargetType,
        key: String,
    ) -> Result<Option<CommonMessage>> {
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| udf::remove(pool, target_type.into(), &key))?;
            Ok(ok(&call))
        })
    }

    /// Sets one custom value of an object (administrators; a user, their own); answers all
    /// of its values. A value that does not read as its field's type is 2231.
    async fn set_udv(
        &self,
        ctx: &Context<'_>,
        target_type: UdfTargetType,
        target_id: String,
        key: String,
        value: String,
    ) -> Result<Option<Vec<UserDefinedData>>> {
        let target = target_type.into();
        call(ctx, Access::Signed, |call| {
            own_or_administered(&call, target, &target_id)?;
            call.pool(|pool| {
                let data = udv::set(pool, target, &target_id, vec![(key, Some(value))])?;
                Ok(Some(answer(pool, target, data)))
            })
        })
    }

    /// Sets custom values on several objects (administrators): each is checked before any
    /// is written.
    async fn set_udf_value_batch(
        &self,
        ctx: &Context<'_>,
        target_type: UdfTargetType,
        input: Vec<SetUdfValueBatchInput>,
    ) -> Result<Option<CommonMessage>> {
        let target: TargetKind = target_type.into();
        let items: Vec<(String, String, Option<String>)> = input
            .into_iter()
            .map(|item| {
                let value = match item.value.0 {
                    Value::Null => None,
                    Value::String(text) => Some(text),
                    other => Some(other.to_string()),
                };
                (item.target_id, item.key, value)
            })
            .collect();
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| {
                for (id, key, value) in &items {
                    udv::list(pool, target, id)?;
                    udf::typed(udf::find(pool, target, key), key.clone(), value.clone())?;
                }
                for (id, key, value) in items {
                    udv::set(pool, target, &id, vec![(key, value)])?;
                }
                Ok(())
            })?;
            Ok(ok(&call))
        })
    }

    /// Removes one custom value of an object (administrators; a user, their own); answers
    /// the values left.
    async fn remove_udv(
        &self,
        ctx: &Context<'_>,
        target_type: UdfTargetType,
        target_id: String,
        key: String,
    ) -> Result<Option<Vec<UserDefinedData>>> {
        let target = target_type.into();
        call(ctx, Access::Signed, |call| {
            own_or_administered(&call, target, &target_id)?;
            call.pool(|pool| {
                let data = udv::remove(pool, target, &target_id, &key)?;
                Ok(Some(answer(pool, target, data)))
            })
        })
    }

    /// Sets several custom values of an object, all or none (administrators; a user, their
    /// own); answers all of its values.
    async fn set_udv_batch(
        &self,
        ctx: &Context<'_>,
        target_type: UdfTargetType,
        target_id: String,
        udv_list: Option<Vec<UserDefinedDataInput>>,
    ) -> Result<Option<Vec<UserDefinedData>>> {
        let target = target_type.into();
        let items = udv_list
            .unwrap_or_default()
            .into_iter()
            .map(|item| (item.key, item.value))
            .collect();
        call(ctx, Access::Signed, |call| {
            own_or_administered(&call, target, &target_id)?;
            call.pool(|pool| {
                let data = udv::set(pool, target, &target_id, items)?;
                Ok(Some(answer(pool, target, data)))
            })
        })
    }
}
