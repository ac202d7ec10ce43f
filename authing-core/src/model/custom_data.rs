//! Custom data and context on the wire: Authing takes both as JSON **strings**.

use std::collections::{BTreeMap, HashMap};

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value, json};

/// Custom data as Authing's `params` argument (of `createUser`, `registerBy*`, `loginBy*`):
/// a JSON **string** of `[{"key": k, "value": v}, ...]`, in the given order; `None` when
/// there are no entries, so nothing is sent.
///
/// ```
/// use authing_core::model::custom_data_params;
/// use serde_json::{Value, json};
///
/// let age = json!(42);
/// let params = custom_data_params([("age", &age)]).unwrap();
/// assert_eq!(params, r#"[{"key":"age","value":42}]"#);
/// assert_eq!(custom_data_params::<&str>([]), None);
/// ```
pub fn custom_data_params<'a, K: AsRef<str>>(
    entries: impl IntoIterator<Item = (K, &'a Value)>,
) -> Option<String> {
    let items: Vec<Value> = entries
        .into_iter()
        .map(|(key, value)| json!({ "key": key.as_ref(), "value": value }))
        .collect();
    (!items.is_empty()).then(|| Value::Array(items).to_string())
}

/// Custom data sent with a call (Authing's `params`): key–value pairs in order, serialised
/// as [`custom_data_params`] does, and not at all when empty. Made from a JSON map, a
/// `BTreeMap`/`HashMap`, a `Vec` or an array of pairs.
///
/// ```
/// use authing_core::model::CustomData;
///
/// let data = CustomData::from([("age", 18)]);
/// assert_eq!(serde_json::to_value(&data)?, r#"[{"key":"age","value":18}]"#);
/// assert_eq!(serde_json::to_value(CustomData::default())?, serde_json::Value::Null);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomData(pub Vec<(String, Value)>);

impl Serialize for CustomData {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match custom_data_params(self.0.iter().map(|(k, v)| (k, v))) {
            Some(text) => serializer.serialize_str(&text),
            None => serializer.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for CustomData {
    /// From a JSON object, or from the wire's string of `[{"key", "value"}]`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Object(map) => Ok(map.into()),
            Value::String(text) => {
                #[derive(Deserialize)]
                struct Entry {
                    key: String,
                    value: Value,
                }
                let entries: Vec<Entry> = serde_json::from_str(&text)
                    .map_err(|_| D::Error::custom("custom data is not [{key, value}] JSON"))?;
                Ok(Self(
                    entries.into_iter().map(|e| (e.key, e.value)).collect(),
                ))
            }
            Value::Null => Ok(Self::default()),
            _ => Err(D::Error::custom("custom data is an object")),
        }
    }
}

impl From<Map<String, Value>> for CustomData {
    fn from(map: Map<String, Value>) -> Self {
        Self(map.into_iter().collect())
    }
}

impl<K: Into<String>, V: Into<Value>> From<Vec<(K, V)>> for CustomData {
    fn from(pairs: Vec<(K, V)>) -> Self {
        pairs.into_iter().collect()
    }
}

impl<K: Into<String>, V: Into<Value>, const N: usize> From<[(K, V); N]> for CustomData {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<K: Into<String>, V: Into<Value>> From<BTreeMap<K, V>> for CustomData {
    fn from(map: BTreeMap<K, V>) -> Self {
        map.into_iter().collect()
    }
}

impl<K: Into<String>, V: Into<Value>> From<HashMap<K, V>> for CustomData {
    fn from(map: HashMap<K, V>) -> Self {
        map.into_iter().collect()
    }
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for CustomData {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        Self(
            pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

/// Context passed to a pool's pipeline functions (Authing's `context`): a JSON object sent
/// as a JSON **string**, and not at all when empty.
///
/// ```
/// use authing_core::model::Context;
///
/// let context = Context::from(serde_json::json!({"source": "web"}).as_object().cloned().unwrap());
/// assert_eq!(serde_json::to_value(&context)?, r#"{"source":"web"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context(pub Map<String, Value>);

impl Serialize for Context {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_empty() {
            serializer.serialize_none()
        } else {
            serializer.collect_str(&Value::Object(self.0.clone()))
        }
    }
}

impl<'de> Deserialize<'de> for Context {
    /// From a JSON object, or from the wire's string holding one.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Object(map) => Ok(Self(map)),
            Value::String(text) => serde_json::from_str(&text)
                .map(Self)
                .map_err(|_| D::Error::custom("the context is not a JSON object")),
            Value::Null => Ok(Self::default()),
            _ => Err(D::Error::custom("the context is an object")),
        }
    }
}

impl From<Map<String, Value>> for Context {
    fn from(map: Map<String, Value>) -> Self {
        Self(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_data_is_a_json_string_of_key_value_pairs() {
        let mut data = Map::new();
        data.insert("school".into(), json!("MIT"));
        data.insert("age".into(), json!(20));
        let params = custom_data_params(&data).expect("non-empty");
        let mut decoded: Vec<Value> = serde_json::from_str(&params).expect("json");
        decoded.sort_by_key(|entry| entry["key"].to_string());
        assert_eq!(
            decoded,
            [
                json!({"key": "age", "value": 20}),
                json!({"key": "school", "value": "MIT"})
            ]
        );
        assert_eq!(custom_data_params(&Map::new()), None);
    }

    #[test]
    fn custom_data_and_context_read_back_from_either_form() {
        let data = CustomData::from(vec![("b", json!(1)), ("a", json!("x"))]);
        let wire = serde_json::to_value(&data).expect("serialises");
        assert_eq!(wire, r#"[{"key":"b","value":1},{"key":"a","value":"x"}]"#);
        assert_eq!(
            serde_json::from_value::<CustomData>(wire).expect("string"),
            data
        );
        let from_object: CustomData = serde_json::from_value(json!({"a": "x"})).expect("object");
        assert_eq!(from_object, CustomData::from([("a", "x")]));
        assert!(serde_json::from_value::<CustomData>(json!(1)).is_err());

        let context = Context::from(json!({"k": "v"}).as_object().cloned().expect("map"));
        let wire = serde_json::to_value(&context).expect("serialises");
        assert_eq!(wire, r#"{"k":"v"}"#);
        assert_eq!(
            serde_json::from_value::<Context>(wire).expect("string"),
            context
        );
        assert_eq!(
            serde_json::to_value(Context::default()).expect("serialises"),
            Value::Null
        );
    }
}
