//! wiremock helpers: match a GraphQL operation, answer in Authing's shapes.

use serde_json::Value;
use wiremock::http::Method;
use wiremock::{Match, Request, ResponseTemplate};

use super::envelopes::{
    graphql_data_json, graphql_error_json, graphql_error_with_data_json, rest_error_json, rest_json,
};

/// A wiremock matcher for one GraphQL operation; made by [`graphql_operation`].
///
/// It matches a `POST` whose JSON body either names the operation
/// (`"operationName": "<name>"`) or whose `query` text calls a field `<name>`: the name, not
/// preceded by a letter, digit or `_`, and followed (after optional whitespace) by `(` or `{`.
/// That is a plain text check, not a GraphQL parse, so it also matches a nested field or an
/// operation of that name; the SDK always sends `operationName`, which is matched exactly.
/// Combine it with `method("POST")` and `path("/graphql/v2")` as usual.
///
/// Not to be confused with [`authing_core::GraphQlOperation`], the SDK's description of an
/// operation it sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphQlOperation {
    name: String,
}

/// Matches requests for the GraphQL operation or root field `name`; see [`GraphQlOperation`].
///
/// ```no_run
/// use authing_mock::stubs::{graphql_data, graphql_operation};
/// use serde_json::json;
/// use wiremock::matchers::{method, path};
/// use wiremock::{Mock, MockServer};
///
/// # async fn run() {
/// let server = MockServer::start().await;
/// Mock::given(method("POST"))
///     .and(path("/graphql/v2"))
///     .and(graphql_operation("users"))
///     .respond_with(graphql_data(
///         "users",
///         json!({"totalCount": 1, "list": [{"id": "u1", "username": "bob"}]}),
///     ))
///     .mount(&server)
///     .await;
/// // Point a client at `server.uri()`.
/// # }
/// ```
pub fn graphql_operation(name: impl Into<String>) -> GraphQlOperation {
    GraphQlOperation { name: name.into() }
}

impl GraphQlOperation {
    /// The operation or root field name this matcher looks for.
    ///
    /// ```
    /// use authing_mock::stubs::graphql_operation;
    ///
    /// assert_eq!(graphql_operation("loginByEmail").name(), "loginByEmail");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Match for GraphQlOperation {
    fn matches(&self, request: &Request) -> bool {
        if request.method != Method::POST {
            return false;
        }
        let Ok(body) = request.body_json::<Value>() else {
            return false;
        };
        if body.get("operationName").and_then(Value::as_str) == Some(self.name.as_str()) {
            return true;
        }
        body.get("query")
            .and_then(Value::as_str)
            .is_some_and(|query| calls_field(query, &self.name))
    }
}

/// Whether `query` has `name` as a whole word followed by `(` or `{`.
fn calls_field(query: &str, name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    query.match_indices(name).any(|(at, _)| {
        let before = query[..at].chars().next_back();
        let whole_word = !before.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let after = query[at + name.len()..].trim_start();
        whole_word && (after.starts_with('(') || after.starts_with('{'))
    })
}

/// A `200 OK` GraphQL answer carrying `value` under `data.<root_field>`.
///
/// ```
/// use authing_mock::stubs::graphql_data;
/// use serde_json::json;
///
/// let template = graphql_data("user", json!({"id": "u1"}));
/// ```
pub fn graphql_data(root_field: &str, value: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(graphql_data_json(root_field, value))
}

/// A `200 OK` GraphQL error in Authing's shape (`errors[0].message` is `{code, message}`).
///
/// ```
/// use authing_mock::stubs::graphql_error;
///
/// let template = graphql_error(2333, "Account or password is incorrect");
/// ```
pub fn graphql_error(code: i64, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(graphql_error_json(code, message))
}

/// A `200 OK` GraphQL error in Authing's shape whose message object carries `data` too (e.g.
/// the `mfaToken` of code 1635).
///
/// ```
/// use authing_mock::stubs::graphql_error_with_data;
/// use serde_json::json;
///
/// let template = graphql_error_with_data(1635, "MFA required", json!({"mfaToken": "t"}));
/// ```
pub fn graphql_error_with_data(code: i64, message: &str, data: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(graphql_error_with_data_json(code, message, data))
}

/// A `200 OK` REST envelope `{"code": 200, "message": "", "data": data}`.
///
/// ```
/// use authing_mock::stubs::rest_data;
/// use serde_json::json;
///
/// let template = rest_data(json!({"id": "u1"}));
/// ```
pub fn rest_data(data: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(rest_json(data))
}

/// A `200 OK` REST error envelope `{"code": code, "message": message}`.
///
/// ```
/// use authing_mock::stubs::rest_error;
///
/// let template = rest_error(2020, "Not logged in");
/// ```
pub fn rest_error(code: i64, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(rest_error_json(code, message))
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::{SocketAddr, TcpStream};

    use serde_json::json;
    use wiremock::http::HeaderMap;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer};

    use super::*;

    fn request(method: Method, body: &str) -> Request {
        Request {
            url: "http://localhost/graphql/v2".parse().expect("url"),
            method,
            headers: HeaderMap::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    fn post(body: Value) -> Request {
        request(Method::POST, &body.to_string())
    }

    #[test]
    fn matches_the_operation_name_exactly() {
        let matcher = graphql_operation("loginByEmail");
        assert!(matcher.matches(&post(json!({
            "query": "mutation login($input: LoginByEmailInput!) { loginByEmail(input: $input) { id } }",
            "operationName": "loginByEmail",
        }))));
        assert!(!matcher.matches(&post(json!({
            "query": "query other { user { id } }",
            "operationName": "loginByEmailX",
        }))));
    }

    #[test]
    fn matches_a_called_field_in_the_query_text() {
        let users = graphql_operation("users");
        assert!(users.matches(&post(json!({"query": "{ users(page: 1) { totalCount } }"}))));
        assert!(users.matches(&post(json!({"query": "query { users { totalCount } }"}))));
        assert!(users.matches(&post(
            json!({"query": "{ all: users\n  (page: 1) { list { id } } }"})
        )));

        let user = graphql_operation("user");
        // Longer names and names that merely end in `user` are other fields.
        assert!(!user.matches(&post(json!({"query": "{ userBatch(ids: []) { id } }"}))));
        assert!(!user.matches(&post(json!({"query": "{ superuser(id: \"1\") { id } }"}))));
        // Mentioned, but not called.
        assert!(!user.matches(&post(json!({"query": "{ findUsers(by: user) { id } }"}))));
    }

    #[test]
    fn needs_a_json_post() {
        let users = graphql_operation("users");
        let body = json!({"operationName": "users"}).to_string();
        assert!(!users.matches(&request(Method::GET, &body)));
        assert!(!users.matches(&request(Method::POST, "operationName=users")));
        assert!(!graphql_operation("").matches(&post(json!({"query": "{ x }"}))));
    }

    /// A minimal HTTP/1.1 POST over a std socket; returns the status and the body.
    fn send_post(addr: SocketAddr, path: &str, body: &str) -> (u16, Value) {
        let mut stream = TcpStream::connect(addr).expect("connect");
        write!(
            stream,
            "POST {path} HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\n\
             content-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
        .expect("write");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("read");
        let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status line");
        (status, serde_json::from_str(body).expect("a JSON body"))
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn a_mock_server_answers_in_authing_shapes() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/graphql/v2"))
            .and(graphql_operation("users"))
            .respond_with(graphql_data("users", json!({"totalCount": 1})))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path("/graphql/v2"))
            .and(graphql_operation("loginByEmail"))
            .respond_with(graphql_error(2333, "Account or password is incorrect"))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path("/api/v2/users/me"))
            .respond_with(rest_error(2020, "Not logged in"))
            .mount(&server)
            .await;

        let addr = *server.address();
        let (users, login, rest) = tokio::task::spawn_blocking(move || {
            (
                send_post(
                    addr,
                    "/graphql/v2",
                    r#"{"query":"query users { users { totalCount } }","operationName":"users"}"#,
                ),
                send_post(
                    addr,
                    "/graphql/v2",
                    r#"{"query":"mutation { loginByEmail(input: {}) { id } }"}"#,
                ),
                send_post(addr, "/api/v2/users/me", "{}"),
            )
        })
        .await
        .expect("the client thread");

        assert_eq!(users, (200, json!({"data": {"users": {"totalCount": 1}}})));
        assert_eq!(login.0, 200);
        assert_eq!(
            login.1["errors"][0]["message"],
            json!({"code": 2333, "message": "Account or password is incorrect"})
        );
        assert_eq!(
            rest,
            (200, json!({"code": 2020, "message": "Not logged in"}))
        );
        // Dropping the server checks the `expect(1)`s.
    }
}
