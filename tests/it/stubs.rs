//! The stubs, used the way an application's tests would: scripting Authing's answers to the
//! SDK's real clients, with mockall expectations and with a wiremock server.

use std::sync::Arc;

use authing_authentication::AuthenticationClient;
use authing_core::Transport;
use authing_management::ManagementClient;
use authing_mock::stubs::{
    MockTransport, graphql_data, graphql_data_response, graphql_error, graphql_error_response,
    graphql_operation,
};
use authing_transport_reqwest::ReqwestTransport;
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer};

fn operation_of(request: &http::Request<bytes::Bytes>) -> String {
    serde_json::from_slice::<Value>(request.body())
        .ok()
        .and_then(|body| body["operationName"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[tokio::test]
async fn mockall_expectations_script_a_management_call() {
    let mut transport = MockTransport::new();
    let mut sequence = mockall::Sequence::new();
    transport
        .expect_send()
        .withf(|request| operation_of(request) == "accessToken")
        .times(1)
        .in_sequence(&mut sequence)
        .returning(|_| {
            Ok(graphql_data_response(
                "accessToken",
                json!({"accessToken": "scripted-token", "exp": 4_102_444_800_i64, "iat": 1_700_000_000}),
            ))
        });
    transport
        .expect_send()
        .withf(|request| {
            request.headers()["authorization"] == "Bearer scripted-token"
                && operation_of(request).starts_with("users")
        })
        .times(1)
        .in_sequence(&mut sequence)
        .returning(|_| {
            Ok(graphql_data_response(
                "users",
                json!({"totalCount": 1, "list": [{"id": "u1", "arn": "arn", "userPoolId": "p", "username": "bob"}]}),
            ))
        });
    let transport: Arc<dyn Transport> = Arc::new(transport);
    let client = ManagementClient::builder("pool", "secret")
        .transport(transport)
        .build()
        .expect("client");
    let page = client.users().list().send().await.expect("scripted list");
    assert_eq!(page.total_count, 1);
    assert_eq!(page.list[0].username.as_deref(), Some("bob"));
}

#[tokio::test]
async fn mockall_scripts_an_authing_error() {
    let mut transport = MockTransport::new();
    transport.expect_send().times(1).returning(|_| {
        Ok(graphql_error_response(
            2333,
            "Incorrect username or password",
        ))
    });
    let client = AuthenticationClient::builder()
        .app_id("app")
        .transport(transport)
        .build()
        .expect("client");
    let error = client
        .login_by_username("bob", "wrong")
        .send()
        .await
        .expect_err("scripted error");
    assert_eq!(error.code(), Some(2333));
}

#[tokio::test]
async fn wiremock_serves_scripted_answers_to_a_real_transport() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/graphql/v2"))
        .and(graphql_operation("loginByUsername"))
        .and(header("x-authing-app-id", "app"))
        .respond_with(graphql_data(
            "loginByUsername",
            json!({"id": "u1", "arn": "arn", "userPoolId": "p", "username": "bob", "token": "jwt-from-stub"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/graphql/v2"))
        .and(graphql_operation("loginByEmail"))
        .respond_with(graphql_error(2004, "User does not exist"))
        .expect(1)
        .mount(&server)
        .await;

    let client = AuthenticationClient::builder()
        .app_id("app")
        .app_host(server.uri())
        .transport(ReqwestTransport::new().expect("transport"))
        .build()
        .expect("client");
    let user = client
        .login_by_username("bob", "pw")
        .send()
        .await
        .expect("scripted login");
    assert_eq!(user.id, "u1");
    assert_eq!(
        client.token().map(|t| t.expose().to_owned()).as_deref(),
        Some("jwt-from-stub")
    );

    let error = client
        .without_session()
        .login_by_email("nobody@example.com", "pw")
        .send()
        .await
        .expect_err("scripted error");
    assert_eq!(error.code(), Some(2004));
}
