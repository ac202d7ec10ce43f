//! Custom data on the wire: Authing's `params` argument.

use serde_json::{Value, json};

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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Map;

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
}
