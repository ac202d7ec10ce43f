//! Authing's `Object` scalar: any JSON value (a policy condition's value, a batch custom value).

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};

/// A JSON value of any shape, as Authing's `Object` scalar carries it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ObjectValue(pub(crate) serde_json::Value);

#[Scalar(name = "Object")]
impl ScalarType for ObjectValue {
    fn parse(value: Value) -> InputValueResult<Self> {
        value
            .into_json()
            .map(Self)
            .map_err(|_| InputValueError::custom("not a JSON value"))
    }

    fn to_value(&self) -> Value {
        Value::from_json(self.0.clone()).unwrap_or(Value::Null)
    }
}
