//! GraphQL over `POST {host}/graphql/v2`: the request body and the answer's decoding.

use std::fmt;

use bytes::Bytes;
use http::StatusCode;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::answer::{api_error, decode_error, http_error, unusable, wire_code};
use crate::error::Error;

pub mod documents;
pub mod fragments;
mod typed;

use fragments::Fragments;

/// One GraphQL operation the SDK ships: its document, operation name and root field, and the
/// fragment definitions the document spreads.
///
/// Documents live in `.graphql` files, `src/graphql/<area>/<operationName>.graphql`, embedded
/// with `include_str!` ([`graphql_operations!`](crate::graphql_operations)), so every document
/// can be validated against Authing's schema in tests.
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
    fragments: Fragments,
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
            fragments: &[],
        }
    }

    /// The same operation, its document followed by the fragment definitions `fragments`
    /// (one of the sets in [`crate::graphql::fragments`]).
    ///
    /// ```
    /// use authing_core::GraphQlOperation;
    /// use authing_core::graphql::fragments::USER_FIELDS;
    ///
    /// const USER: GraphQlOperation = GraphQlOperation::new(
    ///     "user", "user", "query user($id: String!) { user(id: $id) { ...UserFields } }",
    /// )
    /// .with_fragments(USER_FIELDS);
    /// assert!(USER.full_document().contains("fragment UserFields on User {"));
    /// ```
    pub const fn with_fragments(self, fragments: Fragments) -> Self {
        Self { fragments, ..self }
    }

    /// The operation's name, sent as `operationName`.
    pub fn operation_name(&self) -> &'static str {
        self.operation_name
    }

    /// The root field whose value is the operation's result.
    pub fn root_field(&self) -> &'static str {
        self.root_field
    }

    /// The operation's own document, without the fragments it appends.
    pub fn document(&self) -> &'static str {
        self.document
    }

    /// The fragment definitions appended to the document.
    pub fn fragments(&self) -> Fragments {
        self.fragments
    }

    /// The document as sent: its own text followed by its fragments.
    pub fn full_document(&self) -> String {
        FullDocument(self).to_string()
    }

    /// The JSON request body `{query, operationName, variables}`.
    pub fn body<V: Serialize + ?Sized>(&self, variables: &V) -> Result<Bytes, Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Body<'a, V: ?Sized> {
            #[serde(serialize_with = "serialize_display")]
            query: &'a FullDocument<'a>,
            operation_name: &'a str,
            variables: &'a V,
        }
        serde_json::to_vec(&Body {
            query: &FullDocument(self),
            operation_name: self.operation_name,
            variables,
        })
        .map(Bytes::from)
        .map_err(|e| Error::invalid_argument(format!("variables do not serialise: {e}")))
    }

    /// Decodes an answer to this operation into the root field's value; see
    /// [`decode_answer`](Self::decode_answer), for an answer without headers.
    pub fn decode<R: DeserializeOwned>(&self, status: StatusCode, body: Bytes) -> Result<R, Error> {
        let mut response = http::Response::new(());
        *response.status_mut() = status;
        let (parts, ()) = response.into_parts();
        self.decode_answer(&parts, body)
    }

    /// Decodes an answer to this operation (its status, headers and body) into the root
    /// field's value.
    ///
    /// A 2xx answer without errors decodes straight from the body into `R`, in one pass.
    /// GraphQL errors (whose `message` Authing makes an object `{code, message, data}`)
    /// become [`Error::Api`], keeping a code sent as a string of digits; an error whose code
    /// is neither a number nor digits is [`Error::Decode`]. A non-2xx answer that is not
    /// GraphQL becomes [`Error::Http`]; a 2xx answer that does not parse becomes
    /// [`Error::Decode`]. All keep status and body.
    pub fn decode_answer<R: DeserializeOwned>(
        &self,
        parts: &http::response::Parts,
        body: Bytes,
    ) -> Result<R, Error> {
        if parts.status.is_success()
            && let Some(value) = typed::decode_data(&body, self.root_field)
        {
            return Ok(value);
        }
        self.decode_slowly(parts, body)
    }

    /// What an answer that is not a plain success means, read through a `Value`.
    fn decode_slowly<R: DeserializeOwned>(
        &self,
        parts: &http::response::Parts,
        body: Bytes,
    ) -> Result<R, Error> {
        let Ok(json) = serde_json::from_slice::<Value>(&body) else {
            return Err(unusable(parts, body, "the body is not JSON"));
        };
        if let Some(error) = first_graphql_error(&json, parts, &body) {
            return Err(error);
        }
        if let Some(error) = crate::rest::envelope_error(&json, parts, &body) {
            return Err(error);
        }
        if !parts.status.is_success() {
            return Err(http_error(parts, body));
        }
        let Some(data) = json.get("data").filter(|d| d.is_object()) else {
            return Err(decode_error(parts, body, "the answer has no `data` object"));
        };
        let value = data.get(self.root_field).unwrap_or(&Value::Null);
        R::deserialize(value).map_err(|e| {
            decode_error(
                parts,
                body.clone(),
                format!(
                    "`data.{}` does not match: {}",
                    self.root_field,
                    crate::decode_reason::describe(&e)
                ),
            )
        })
    }
}

/// The document as sent, written piece by piece (no concatenated copy per call).
struct FullDocument<'a>(&'a GraphQlOperation);

impl fmt::Display for FullDocument<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.document)?;
        for fragment in self.0.fragments {
            f.write_str("\n")?;
            f.write_str(fragment)?;
        }
        Ok(())
    }
}

fn serialize_display<S: serde::Serializer>(
    value: &&FullDocument<'_>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(*value)
}

/// Declares GraphQL operations whose documents are `.graphql` files, one `pub const` each,
/// plus `pub const ALL: &[GraphQlOperation]` listing them in order.
///
/// Each entry is `NAME = (root field, file[, fragments]);`: the file is
/// `<area>/<operationName>.graphql`, embedded with `include_str!` (so relative to the file
/// invoking the macro), and its name without the extension is the operation name. A document
/// that spreads shared fragments names the set it appends, one of
/// [`fragments`](crate::graphql::fragments).
///
/// ```
/// # mod doc {
/// authing_core::graphql_operations! {
///     /// `checkLoginStatus(token)`.
///     CHECK = ("checkLoginStatus", "graphql/users/checkLoginStatus.graphql");
/// }
/// # }
/// # fn main() {
/// # use doc::*;
/// assert_eq!(ALL, [CHECK]);
/// assert_eq!(CHECK.operation_name(), "checkLoginStatus");
/// # }
/// ```
#[macro_export]
macro_rules! graphql_operations {
    ($(
        $(#[$doc:meta])*
        $name:ident = ($root:literal, $file:literal $(, $fragments:expr)? $(,)?);
    )+) => {
        $(
            $(#[$doc])*
            pub const $name: $crate::GraphQlOperation = $crate::GraphQlOperation::new(
                $crate::graphql::operation_name_of($file),
                $root,
                ::core::include_str!($file),
            )
            $(.with_fragments($fragments))?;
        )+

        /// Every operation declared here, in order.
        pub const ALL: &[$crate::GraphQlOperation] = &[$($name),+];
    };
}

/// The operation name a document file's path gives: its file name without `.graphql`
/// (`graphql/users/deleteUser.graphql` → `deleteUser`). Evaluated at compile time by
/// [`graphql_operations!`](crate::graphql_operations).
pub const fn operation_name_of(path: &'static str) -> &'static str {
    let bytes = path.as_bytes();
    let mut start = bytes.len();
    while start > 0 && bytes[start - 1] != b'/' {
        start -= 1;
    }
    let suffix = b".graphql";
    assert!(
        bytes.len() >= start + suffix.len(),
        "a document file ends with .graphql"
    );
    let end = bytes.len() - suffix.len();
    let (_, tail) = bytes.split_at(start);
    let (name, _) = tail.split_at(end - start);
    match std::str::from_utf8(name) {
        Ok(name) => name,
        Err(_) => panic!("a document file name is UTF-8"),
    }
}

/// The first entry of a non-empty `errors` array, as an [`Error::Api`] (or a `Decode` error
/// when it carries no usable code).
fn first_graphql_error(json: &Value, parts: &http::response::Parts, body: &Bytes) -> Option<Error> {
    let first = json.get("errors")?.as_array()?.first()?;
    Some(match first.get("message") {
        // Authing's shape: `message` is an object.
        Some(Value::Object(inner)) => api_error(inner, parts, body),
        // Plain GraphQL errors (e.g. a document that does not validate) carry no Authing
        // code; they mean the request was malformed, so report them as 400.
        Some(Value::String(text)) => Error::Api {
            code: first
                .pointer("/extensions/code")
                .and_then(wire_code)
                .unwrap_or(400),
            message: text.clone(),
            data: None,
            status: parts.status,
        },
        _ => decode_error(parts, body.clone(), "a GraphQL error without a message"),
    })
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

    #[test]
    fn codes_sent_as_digits_are_kept() {
        let error = decode(
            200,
            r#"{"errors":[{"message":{"code":"2004","message":"no such user"}}]}"#,
        )
        .expect_err("error");
        assert!(error.is(crate::codes::USER_NOT_FOUND), "{error:?}");
    }

    #[test]
    fn codes_that_are_no_numbers_are_decode_errors_keeping_the_body() {
        for body in [
            r#"{"errors":[{"message":{"code":"E2004","message":"odd"}}]}"#,
            r#"{"errors":[{"message":{"message":"no code at all"}}]}"#,
            r#"{"errors":[{"message":{"code":true,"message":"odd"}}]}"#,
            r#"{"errors":[{"locations":[]}]}"#,
        ] {
            let error = decode(200, body).expect_err("error");
            match &error {
                Error::Decode { body: kept, .. } => assert_eq!(kept.len(), body.len()),
                other => panic!("{body}: expected Decode, got {other:?}"),
            }
            assert_eq!(error.code(), None, "no invented code");
        }
    }

    #[test]
    fn errors_win_over_data_that_matches() {
        let error = decode(
            200,
            r#"{"data":{"user":{"id":"u1"}},"errors":[{"message":{"code":2004,"message":"no"}}]}"#,
        )
        .expect_err("error");
        assert_eq!(error.code(), Some(2004));
    }

    #[test]
    fn a_non_2xx_answer_with_data_is_never_ok() {
        let error = decode(500, r#"{"data":{"user":{"id":"u1"}}}"#).expect_err("error");
        assert!(matches!(error, Error::Http { .. }), "{error:?}");
    }

    #[test]
    fn headers_reach_the_decoder() {
        let response = http::Response::builder()
            .status(200)
            .header("x-request-id", "r1")
            .body(())
            .expect("response");
        let (parts, ()) = response.into_parts();
        let user: Option<U> = OP
            .decode_answer(
                &parts,
                Bytes::from_static(br#"{"data":{"user":{"id":"u1"}}}"#),
            )
            .expect("ok");
        assert_eq!(user, Some(U { id: "u1".into() }));
    }
}
