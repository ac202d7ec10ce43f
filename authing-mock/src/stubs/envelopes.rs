//! The JSON bodies Authing answers with, for stubs to send.

use serde_json::{Map, Value, json};

/// A GraphQL answer carrying `value` under `data.<root_field>`.
///
/// ```
/// use authing_mock::stubs::graphql_data_json;
/// use serde_json::json;
///
/// let body = graphql_data_json("user", json!({"id": "u1"}));
/// assert_eq!(body, json!({"data": {"user": {"id": "u1"}}}));
/// ```
pub fn graphql_data_json(root_field: &str, value: Value) -> Value {
    let mut data = Map::new();
    data.insert(root_field.to_owned(), value);
    json!({ "data": data })
}

/// A GraphQL error in Authing's shape: `errors[0].message` is an object `{code, message}`,
/// and `data` is `null`.
///
/// ```
/// use authing_mock::stubs::graphql_error_json;
///
/// let body = graphql_error_json(2004, "User not found");
/// assert_eq!(body["errors"][0]["message"]["code"], 2004);
/// assert_eq!(body["errors"][0]["message"]["message"], "User not found");
/// ```
pub fn graphql_error_json(code: i64, message: &str) -> Value {
    graphql_error_object(code, message, None)
}

/// A GraphQL error in Authing's shape whose message object carries `data` too, as Authing's
/// does when more is needed to go on (e.g. `{"mfaToken": ...}` with code 1635).
///
/// ```
/// use authing_mock::stubs::graphql_error_with_data_json;
/// use serde_json::json;
///
/// let body = graphql_error_with_data_json(1635, "MFA required", json!({"mfaToken": "t"}));
/// assert_eq!(body["errors"][0]["message"]["data"]["mfaToken"], "t");
/// ```
pub fn graphql_error_with_data_json(code: i64, message: &str, data: Value) -> Value {
    graphql_error_object(code, message, Some(data))
}

fn graphql_error_object(code: i64, message: &str, data: Option<Value>) -> Value {
    let mut inner = Map::new();
    inner.insert("code".to_owned(), json!(code));
    inner.insert("message".to_owned(), json!(message));
    if let Some(data) = data {
        inner.insert("data".to_owned(), data);
    }
    json!({
        "errors": [{
            "message": inner,
            "locations": [],
            "extensions": { "code": "INTERNAL_SERVER_ERROR" },
        }],
        "data": null,
    })
}

/// A successful REST envelope: `{"code": 200, "message": "", "data": data}`.
///
/// ```
/// use authing_mock::stubs::rest_json;
/// use serde_json::json;
///
/// assert_eq!(
///     rest_json(json!(true)),
///     json!({"code": 200, "message": "", "data": true}),
/// );
/// ```
pub fn rest_json(data: Value) -> Value {
    json!({ "code": 200, "message": "", "data": data })
}

/// A REST error envelope: `{"code": code, "message": message}`.
///
/// ```
/// use authing_mock::stubs::rest_error_json;
/// use serde_json::json;
///
/// assert_eq!(
///     rest_error_json(2020, "Not logged in"),
///     json!({"code": 2020, "message": "Not logged in"}),
/// );
/// ```
pub fn rest_error_json(code: i64, message: &str) -> Value {
    json!({ "code": code, "message": message })
}
