//! [`MockTransport`]: a mockall mock of [`Transport`], and responses to script it with.

use authing_core::{Transport, TransportError};
use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderValue};
use serde_json::Value;

use super::envelopes::{
    graphql_data_json, graphql_error_json, graphql_error_with_data_json, rest_error_json, rest_json,
};

mockall::mock! {
    /// A [mockall] mock of [`Transport`], for expectation-style tests with no network.
    ///
    /// Set expectations on `send` with `expect_send()`: how many times, which requests
    /// (`withf`), and what to answer (`returning`), with the response helpers of this module
    /// or an `Err(TransportError)` to simulate a network failure. Unmet expectations fail the
    /// test when the mock is dropped.
    ///
    /// ```
    /// use std::sync::Arc;
    ///
    /// use authing_core::Transport;
    /// use authing_mock::stubs::{MockTransport, graphql_data_response};
    /// use bytes::Bytes;
    /// use serde_json::json;
    ///
    /// let mut transport = MockTransport::new();
    /// transport
    ///     .expect_send()
    ///     .withf(|request| request.uri().path() == "/graphql/v2")
    ///     .times(1)
    ///     .returning(|_| Ok(graphql_data_response("user", json!({"id": "u1"}))));
    ///
    /// // Hand it to a client as `Arc<dyn Transport>`, or call it directly:
    /// let transport: Arc<dyn Transport> = Arc::new(transport);
    /// let request = http::Request::post("https://core.authing.cn/graphql/v2")
    ///     .body(Bytes::new())
    ///     .expect("a valid request");
    /// let response = futures::executor::block_on(transport.send(request)).expect("scripted");
    /// assert_eq!(response.status(), 200);
    /// ```
    pub Transport {}

    #[async_trait::async_trait]
    impl Transport for Transport {
        async fn send(
            &self,
            request: http::Request<Bytes>,
        ) -> Result<http::Response<Bytes>, TransportError>;
    }
}

// mockall does not implement `Debug`, which `Transport` requires.
impl std::fmt::Debug for MockTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockTransport").finish_non_exhaustive()
    }
}

/// A `200 OK` with `application/json` body `json`.
fn json_response(json: &Value) -> http::Response<Bytes> {
    let mut response = http::Response::new(Bytes::from(json.to_string()));
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// A `200 OK` GraphQL answer carrying `value` under `data.<root_field>`.
///
/// ```
/// use authing_mock::stubs::graphql_data_response;
/// use serde_json::json;
///
/// let response = graphql_data_response("user", json!({"id": "u1"}));
/// assert_eq!(response.status(), 200);
/// assert_eq!(response.body(), r#"{"data":{"user":{"id":"u1"}}}"#);
/// ```
pub fn graphql_data_response(root_field: &str, value: Value) -> http::Response<Bytes> {
    json_response(&graphql_data_json(root_field, value))
}

/// A `200 OK` GraphQL error in Authing's shape (`errors[0].message` is `{code, message}`).
///
/// ```
/// use authing_mock::stubs::graphql_error_response;
///
/// let response = graphql_error_response(2004, "User not found");
/// assert_eq!(response.status(), 200);
/// ```
pub fn graphql_error_response(code: i64, message: &str) -> http::Response<Bytes> {
    json_response(&graphql_error_json(code, message))
}

/// A `200 OK` GraphQL error in Authing's shape whose message object carries `data` too.
///
/// ```
/// use authing_mock::stubs::graphql_error_with_data_response;
/// use serde_json::json;
///
/// let response =
///     graphql_error_with_data_response(1635, "MFA required", json!({"mfaToken": "t"}));
/// assert_eq!(response.status(), 200);
/// ```
pub fn graphql_error_with_data_response(
    code: i64,
    message: &str,
    data: Value,
) -> http::Response<Bytes> {
    json_response(&graphql_error_with_data_json(code, message, data))
}

/// A `200 OK` REST envelope `{"code": 200, "message": "", "data": data}`.
///
/// ```
/// use authing_mock::stubs::rest_response;
/// use serde_json::json;
///
/// let response = rest_response(json!({"id": "u1"}));
/// let body: serde_json::Value = serde_json::from_slice(response.body()).expect("JSON");
/// assert_eq!(body, json!({"code": 200, "message": "", "data": {"id": "u1"}}));
/// ```
pub fn rest_response(data: Value) -> http::Response<Bytes> {
    json_response(&rest_json(data))
}

/// A `200 OK` REST error envelope `{"code": code, "message": message}`; Authing answers
/// business errors with HTTP 200 and the code in the body.
///
/// ```
/// use authing_mock::stubs::rest_error_response;
/// use serde_json::json;
///
/// let response = rest_error_response(2020, "Not logged in");
/// let body: serde_json::Value = serde_json::from_slice(response.body()).expect("JSON");
/// assert_eq!(body, json!({"code": 2020, "message": "Not logged in"}));
/// ```
pub fn rest_error_response(code: i64, message: &str) -> http::Response<Bytes> {
    json_response(&rest_error_json(code, message))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use authing_core::{Error, GraphQlOperation, TransportErrorKind};
    use serde_json::json;

    use super::*;

    const USER: GraphQlOperation = GraphQlOperation::new(
        "user",
        "user",
        "query user($id: String!) { user(id: $id) { id username } }",
    );

    fn graphql_request() -> http::Request<Bytes> {
        let body = USER.body(&json!({"id": "u1"})).expect("body");
        http::Request::post("https://core.authing.cn/graphql/v2")
            .header("content-type", "application/json")
            .body(body)
            .expect("request")
    }

    #[tokio::test]
    async fn expectations_script_the_answers() {
        let mut transport = MockTransport::new();
        let mut sequence = mockall::Sequence::new();
        transport
            .expect_send()
            .withf(|request| {
                request.method() == http::Method::POST
                    && request.uri().path() == "/graphql/v2"
                    && serde_json::from_slice::<Value>(request.body())
                        .is_ok_and(|body| body["operationName"] == "user")
            })
            .times(1)
            .in_sequence(&mut sequence)
            .returning(|_| {
                Ok(graphql_data_response(
                    "user",
                    json!({"id": "u1", "username": "bob"}),
                ))
            });
        transport
            .expect_send()
            .times(1)
            .in_sequence(&mut sequence)
            .returning(|_| Err(TransportError::timeout(std::io::Error::other("slow"))));

        let transport: Arc<dyn Transport> = Arc::new(transport);
        let response = transport.send(graphql_request()).await.expect("first");
        let user: Value = USER
            .decode(response.status(), response.into_body())
            .expect("data");
        assert_eq!(user, json!({"id": "u1", "username": "bob"}));

        let error = transport.send(graphql_request()).await.expect_err("second");
        assert_eq!(error.kind(), TransportErrorKind::Timeout);
    }

    #[test]
    fn graphql_errors_decode_as_authing_api_errors() {
        let response = graphql_error_response(2004, "User not found");
        let error = USER
            .decode::<Value>(response.status(), response.into_body())
            .expect_err("an error");
        assert!(
            matches!(&error, Error::Api { code: 2004, message, data: None, .. } if message == "User not found"),
            "{error:?}"
        );

        let response =
            graphql_error_with_data_response(1635, "MFA required", json!({"mfaToken": "t"}));
        let error = USER
            .decode::<Value>(response.status(), response.into_body())
            .expect_err("an error");
        assert!(
            matches!(&error, Error::Api { code: 1635, data: Some(data), .. } if data["mfaToken"] == "t"),
            "{error:?}"
        );
    }

    #[test]
    fn rest_envelopes_decode_as_core_expects() {
        let response = rest_response(json!({"id": "u1"}));
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        let data: Value =
            authing_core::rest::decode_envelope(response.status(), response.into_body())
                .expect("data");
        assert_eq!(data, json!({"id": "u1"}));

        let response = rest_error_response(2020, "Not logged in");
        let error =
            authing_core::rest::decode_envelope::<Value>(response.status(), response.into_body())
                .expect_err("an error");
        assert_eq!(error.code(), Some(2020));
    }
}
