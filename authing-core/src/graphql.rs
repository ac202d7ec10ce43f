//! GraphQL over `POST {host}/graphql/v2`: the request body and the answer's decoding.

use bytes::Bytes;
use http::StatusCode;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{Error, ResponseBody};
use crate::response_headers::ResponseHeaders;

mod fragments;

/// One GraphQL operation the SDK ships: its document, operation name and root field.
///
/// Documents live in `.graphql` files next to the code that sends them and are embedded with
/// `include_str!`, so every document can be validated against Authing's schema in tests.
///
/// ```
/// use authing_core::GraphQlOperation;
///
/// const CHECK: GraphQlOperation = GraphQlOperation::new(
///     "checkLoginStatus",
///     "checkLoginStatus",
///     "query checkLoginStatus($token: String) { checkLoginStatus(token: $token) { code } }",
/// );
/// assert_eq!(CHECK.root_field(), "checkLoginStatus");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphQlOperation {
    operation_name: &'static str,
    root_field: &'static str,
    document: &'static str,
}

impl GraphQlOperation {
    /// An operation named `operation_name`, whose result is under `root_field`.
    pub const fn new(
        operation_name: &'static str,
        root_field: &'static str,
        document: &'static str,
    ) -> Self {
        Self {
            operation_name,
            root_field,
            document,
        }
    }

    /// The operation's name, sent as `operationName`.
    pub fn operation_name(&self) -> &'static str {
        self.operation_name
    }

    /// The root field whose value is the operation's result.
    pub fn root_field(&self) -> &'static str {
        self.root_field
    }

    /// The GraphQL document.
    pub fn document(&self) -> &'static str {
        self.document
    }

    /// The JSON request body `{query, operationName, variables}`.
    pub fn body(&self, variables: &Value) -> Result<Bytes, Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Body<'a> {
            query: &'a str,
            operation_name: &'a str,
            variables: &'a Value,
        }
        serde_json::to_vec(&Body {
            query: self.document,
            operation_name: self.operation_name,
            variables,
        })
        .map(Bytes::from)
        .map_err(|e| Error::invalid_argument(format!("variables do not serialise: {e}")))
    }

    /// Decodes an answer to this operation into the root field's value.
    ///
    /// GraphQL errors (whose `message` Authing makes an object `{code, message, data}`)
    /// become [`Error::Api`]; a non-2xx answer that is not GraphQL becomes [`Error::Http`]; a
    /// 2xx answer that does not parse becomes [`Error::Decode`]. All keep status and body.
    pub fn decode<R: DeserializeOwned>(&self, status: StatusCode, body: Bytes) -> Result<R, Error> {
        let Ok(json) = serde_json::from_slice::<Value>(&body) else {
            return Err(unusable(status, body, "the body is not JSON"));
        };
        if let Some(error) = first_graphql_error(&json, status) {
            return Err(error);
        }
        if let Some(error) = crate::rest::envelope_error(&json, status) {
            return Err(error);
        }
        if !status.is_success() {
            return Err(Error::Http {
                status,
                body: ResponseBody::new(body),
                headers: ResponseHeaders::default(),
            });
        }
        let Some(data) = json.get("data").filter(|d| d.is_object()) else {
            return Err(decode_error(
                status,
                body,
                "the answer has no `data` object",
            ));
        };
        let value = data.get(self.root_field).cloned().unwrap_or(Value::Null);
        serde_json::from_value(value).map_err(|e| {
            decode_error(
                status,
                body,
                format!(
                    "`data.{}` does not match: {}",
                    self.root_field,
                    crate::decode_reason::describe(&e)
                ),
            )
        })
    }
}

/// Declares GraphQL operations whose documents are `.graphql` files, one `pub const` each,
/// plus `pub const ALL: &[GraphQlOperation]` listing them in order.
///
/// Each entry is `NAME = (operation name, root field, file[, fragment macro]);`. The file is
/// embedded with `include_str!`, so its path is relative to the file invoking the macro. A
/// document that spreads shared fragments names the core macro defining them
/// ([`user_fields_fragment`](crate::user_fields_fragment),
/// [`user_with_custom_data_fragment`](crate::user_with_custom_data_fragment),
/// [`user_with_identities_fragment`](crate::user_with_identities_fragment)); its text is
/// appended to the document.
///
/// ```
/// authing_core::graphql_operations! {
///     /// `user(id)`: one user.
///     EXAMPLE_USER = ("exampleUser", "user", "graphql/user_example.graphql", user_fields_fragment);
/// }
///
/// assert_eq!(ALL, [EXAMPLE_USER]);
/// assert!(EXAMPLE_USER.document().contains("...UserFields"));
/// assert!(EXAMPLE_USER.document().contains("fragment UserFields on User {"));
/// ```
#[macro_export]
macro_rules! graphql_operations {
    ($(
        $(#[$doc:meta])*
        $name:ident = ($operation:literal, $root:literal, $file:literal $(, $fragment:ident)? $(,)?);
    )+) => {
        $(
            $(#[$doc])*
            pub const $name: $crate::GraphQlOperation = $crate::GraphQlOperation::new(
                $operation,
                $root,
                ::core::concat!(::core::include_str!($file) $(, $crate::$fragment!())?),
            );
        )+

        /// Every operation declared here, in order.
        pub const ALL: &[$crate::GraphQlOperation] = &[$($name),+];
    };
}

/// The first entry of a non-empty `errors` array, as an [`Error::Api`].
fn first_graphql_error(json: &Value, status: StatusCode) -> Option<Error> {
    let first = json.get("errors")?.as_array()?.first()?;
    let (code, message, data) = match first.get("message") {
        // Authing's shape: `message` is an object.
        Some(Value::Object(inner)) => (
            inner.get("code").and_then(Value::as_i64).unwrap_or(500),
            inner
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            inner.get("data").filter(|d| !d.is_null()).cloned(),
        ),
        // Plain GraphQL errors (e.g. a document that does not validate) carry no Authing
        // code; they mean the request was malformed, so report them as 400.
        Some(Value::String(text)) => (
            first
                .pointer("/extensions/code")
                .and_then(Value::as_i64)
                .unwrap_or(400),
            text.clone(),
            None,
        ),
        _ => (500, "GraphQL error without a message".to_owned(), None),
    };
    Some(Error::Api {
        code,
        message,
        data,
        status,
    })
}

/// A body that is not JSON: `Decode` for a 2xx, `Http` otherwise.
pub(crate) fn unusable(status: StatusCode, body: Bytes, reason: &str) -> Error {
    if status.is_success() {
        decode_error(status, body, reason)
    } else {
        Error::Http {
            status,
            body: ResponseBody::new(body),
            headers: ResponseHeaders::default(),
        }
    }
}

pub(crate) fn decode_error(status: StatusCode, body: Bytes, reason: impl Into<String>) -> Error {
    Error::Decode {
        status,
        body: ResponseBody::new(body),
        reason: reason.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OP: GraphQlOperation =
        GraphQlOperation::new("getUser", "user", "query getUser { user { id } }");

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct U {
        id: String,
    }

    fn decode(status: u16, body: &'static str) -> Result<Option<U>, Error> {
        OP.decode(
            StatusCode::from_u16(status).expect("status"),
            Bytes::from_static(body.as_bytes()),
        )
    }

    #[test]
    fn body_has_query_operation_name_and_variables() {
        let body = OP
            .body(&serde_json::json!({"id": "1"}))
            .expect("serialises");
        let json: Value = serde_json::from_slice(&body).expect("json");
        assert_eq!(json["operationName"], "getUser");
        assert_eq!(json["query"], OP.document());
        assert_eq!(json["variables"]["id"], "1");
    }

    #[test]
    fn decodes_the_root_field() {
        assert_eq!(
            decode(200, r#"{"data":{"user":{"id":"u1"}}}"#).expect("ok"),
            Some(U { id: "u1".into() })
        );
        assert_eq!(decode(200, r#"{"data":{"user":null}}"#).expect("ok"), None);
    }

    #[test]
    fn authing_error_objects_become_api_errors() {
        let error = decode(
            200,
            r#"{"data":null,"errors":[{"message":{"code":2004,"message":"用户不存在","data":null},"locations":[]}]}"#,
        )
        .expect_err("error");
        assert!(
            matches!(error, Error::Api { code: 2004, ref message, data: None, .. } if message == "用户不存在"),
            "{error:?}"
        );
    }

    #[test]
    fn plain_graphql_errors_are_400_api_errors() {
        let error =
            decode(200, r#"{"errors":[{"message":"Unknown field \"x\""}]}"#).expect_err("error");
        assert_eq!(error.code(), Some(400));
    }

    #[test]
    fn html_502_is_http_with_body() {
        let error = decode(502, "<html>Bad Gateway</html>").expect_err("error");
        match error {
            Error::Http { status, body, .. } => {
                assert_eq!(status, StatusCode::BAD_GATEWAY);
                assert!(body.text().contains("Bad Gateway"));
            }
            other => panic!("expected Http, got {other:?}"),
        }
    }

    #[test]
    fn truncated_json_is_decode_with_body() {
        let error = decode(200, r#"{"data":{"user":{"id":"#).expect_err("error");
        assert!(
            matches!(&error, Error::Decode { status, body, .. } if *status == StatusCode::OK && body.len() == 22),
            "{error:?}"
        );
    }

    #[test]
    fn decode_errors_never_quote_values_of_the_answer() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Expiring {
            exp: i64,
        }
        let token = "eyJhbGciOiJSUzI1NiJ9.payload-of-a-token.sig";
        let body = format!(r#"{{"data":{{"user":{{"exp":"{token}"}}}}}}"#);
        let error = OP
            .decode::<Expiring>(StatusCode::OK, Bytes::from(body))
            .expect_err("a string is no i64");
        let (display, debug) = (error.to_string(), format!("{error:?}"));
        for printed in [&display, &debug] {
            assert!(!printed.contains("payload-of-a-token"), "{printed}");
        }
        assert!(
            display.contains("`data.user` does not match: invalid type: string, expected i64"),
            "{display}"
        );
    }

    #[test]
    fn wrong_shape_is_decode() {
        let error = decode(200, r#"{"data":{"user":{"id":5}}}"#).expect_err("error");
        assert!(matches!(error, Error::Decode { .. }), "{error:?}");
        let error = decode(200, r#"{"nodata":true}"#).expect_err("error");
        assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    }
}
