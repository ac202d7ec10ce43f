//! Helpers shared by the integration tests: raw HTTP requests with hand-written bodies.

#![allow(dead_code)]

use authing_core::{Encryptor, RsaEncryptor, Transport};
use authing_mock::{InProcessTransport, MockAuthing, PoolCredentials};
use bytes::Bytes;
use serde_json::{Value, json};

/// A raw answer: status, content type and body.
pub struct Answer {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Bytes,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("the answer is JSON")
    }
}

/// Sends a request through the in-process transport.
pub async fn send(
    transport: &InProcessTransport,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> Answer {
    let mut builder = http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    if body.is_some() {
        builder = builder.header("content-type", "application/json");
    }
    let body = body.map(|b| Bytes::from(b.to_string())).unwrap_or_default();
    let response = transport
        .send(builder.body(body).expect("valid request"))
        .await
        .expect("the in-process transport always answers");
    Answer {
        status: response.status().as_u16(),
        content_type: response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: response.into_body(),
    }
}

/// The fake's base URL through the in-process transport.
pub const BASE: &str = "http://authing.mock";

/// GETs `path` (and query) from the fake.
pub async fn get(transport: &InProcessTransport, path: &str, headers: &[(&str, &str)]) -> Answer {
    send(transport, "GET", &format!("{BASE}{path}"), headers, None).await
}

/// POSTs `body` (JSON), or nothing, to `path` of the fake, with no headers.
pub async fn post(transport: &InProcessTransport, path: &str, body: Option<&Value>) -> Answer {
    send(transport, "POST", &format!("{BASE}{path}"), &[], body).await
}

/// POSTs `{query, variables}` to `/graphql/v2` and returns the JSON answer (asserting HTTP 200).
pub async fn graphql(
    transport: &InProcessTransport,
    headers: &[(&str, &str)],
    query: &str,
    variables: Value,
) -> Value {
    let answer = send(
        transport,
        "POST",
        &format!("{BASE}/graphql/v2"),
        headers,
        Some(&json!({ "query": query, "variables": variables })),
    )
    .await;
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    answer.json()
}

/// [`graphql`] with `token` as the bearer token.
pub async fn graphql_as(
    transport: &InProcessTransport,
    token: &str,
    query: &str,
    variables: Value,
) -> Value {
    let bearer = format!("Bearer {token}");
    graphql(transport, &[("authorization", &bearer)], query, variables).await
}

/// The Authing code of the first error, asserting `message` is an object.
pub fn error_code(answer: &Value) -> i64 {
    let message = &answer["errors"][0]["message"];
    assert!(message.is_object(), "not an Authing error: {answer}");
    message["code"].as_i64().expect("integer code")
}

/// The message of the first Authing error.
pub fn error_message(answer: &Value) -> String {
    answer["errors"][0]["message"]["message"]
        .as_str()
        .expect("string message")
        .to_owned()
}

pub const ACCESS_TOKEN: &str = "query accessToken($userPoolId: String!, $secret: String!) {
  accessToken(userPoolId: $userPoolId, secret: $secret) { accessToken exp iat }
}";

pub const CREATE_USER: &str = "mutation createUser($userInfo: CreateUserInput!, $params: String) {
  createUser(userInfo: $userInfo, params: $params) {
    id arn userPoolId username email phone password token loginsCount registerSource
    createdAt customData { key value dataType label }
  }
}";

pub const LOGIN_BY_USERNAME: &str = "mutation loginByUsername($input: LoginByUsernameInput!) {
  loginByUsername(input: $input) { id username token tokenExpiredAt loginsCount lastLogin }
}";

pub const LOGIN_BY_EMAIL: &str = "mutation loginByEmail($input: LoginByEmailInput!) {
  loginByEmail(input: $input) { id email token loginsCount }
}";

pub const USERS: &str = "query users($page: Int, $limit: Int, $sortBy: SortByEnum) {
  users(page: $page, limit: $limit, sortBy: $sortBy) { totalCount list { id username createdAt } }
}";

/// A management token of `pool`.
pub async fn management_token(transport: &InProcessTransport, pool: &PoolCredentials) -> String {
    let answer = graphql(
        transport,
        &[],
        ACCESS_TOKEN,
        json!({"userPoolId": pool.user_pool_id, "secret": pool.secret.expose()}),
    )
    .await;
    answer["data"]["accessToken"]["accessToken"]
        .as_str()
        .unwrap_or_else(|| panic!("no token: {answer}"))
        .to_owned()
}

/// Encrypts a password with the fake's public key, as an SDK would.
pub fn encrypt(pool: &PoolCredentials, password: &str) -> String {
    RsaEncryptor::from_pem(&pool.public_key_pem)
        .expect("the fake's key parses")
        .encrypt(password)
        .expect("encrypts")
}

/// Creates a user as administrator and returns the answer.
pub async fn create_user(transport: &InProcessTransport, token: &str, user_info: Value) -> Value {
    graphql_as(
        transport,
        token,
        CREATE_USER,
        json!({ "userInfo": user_info }),
    )
    .await
}

/// Logs `username` in with `password` through `pool`'s application and returns the token.
pub async fn login_token(
    transport: &InProcessTransport,
    pool: &PoolCredentials,
    username: &str,
    password: &str,
) -> String {
    let login = graphql(
        transport,
        &[("x-authing-app-id", &pool.app_id)],
        LOGIN_BY_USERNAME,
        json!({"input": {"username": username, "password": encrypt(pool, password)}}),
    )
    .await;
    login["data"]["loginByUsername"]["token"]
        .as_str()
        .expect("token")
        .to_owned()
}

/// A fresh fake, its transport, default pool and a management token.
pub async fn setup() -> (MockAuthing, InProcessTransport, PoolCredentials, String) {
    let mock = MockAuthing::new();
    let transport = mock.transport();
    let pool = mock.pool();
    let token = management_token(&transport, &pool).await;
    (mock, transport, pool, token)
}
