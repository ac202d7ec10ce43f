//! Bad input gets a clear error, never a panic: bad configuration fails at construction, and
//! broken answers become typed errors that keep the status and body.

use std::sync::Arc;
use std::time::Duration;

use authing_authentication::AuthenticationClient;
use authing_core::{Error, TransportErrorKind};
use authing_management::ManagementClient;
use authing_mock::{Fault, MockAuthing};
use authing_tests::{Env, each_transport};

fn transport() -> Arc<dyn authing_core::Transport> {
    Arc::new(MockAuthing::new().transport())
}

fn config_message(error: Error) -> String {
    match error {
        Error::Config(message) => message,
        other => panic!("expected a Config error, got {other:?}"),
    }
}

#[test]
fn invalid_host_fails_at_construction() {
    for host in ["core.authing.cn", "ftp://core.authing.cn", "https://", ""] {
        let error = ManagementClient::builder("pool", "secret")
            .host(host)
            .transport(transport())
            .build()
            .expect_err(host);
        let message = config_message(error);
        assert!(
            message.contains("https://core.authing.cn"),
            "says what to use: {message}"
        );

        let error = AuthenticationClient::builder()
            .app_id("app")
            .app_host(host)
            .transport(transport())
            .build()
            .expect_err(host);
        config_message(error);
    }
}

#[test]
fn invalid_key_fails_at_construction() {
    let error = ManagementClient::builder("pool", "secret")
        .enc_public_key("-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----")
        .transport(transport())
        .build()
        .expect_err("bad key");
    let message = config_message(error);
    assert!(message.contains("public key"), "{message}");

    let error = AuthenticationClient::builder()
        .app_id("app")
        .enc_public_key("ssh-rsa AAAA")
        .transport(transport())
        .build()
        .expect_err("bad key");
    assert!(config_message(error).contains("PEM"));
}

#[test]
fn empty_pool_id_or_secret_fails_at_construction() {
    for (pool, secret) in [("", "secret"), ("   ", "secret"), ("pool", "")] {
        let error = ManagementClient::builder(pool, secret)
            .transport(transport())
            .build()
            .expect_err("empty credential");
        let message = config_message(error);
        assert!(
            !message.contains("secret\""),
            "never echo the secret: {message}"
        );
    }
    let error = AuthenticationClient::builder()
        .transport(transport())
        .build()
        .expect_err("neither app id nor pool id");
    config_message(error);
}

/// One successful call, so the management token is cached before a fault is armed and the
/// fault hits the call under test, not the token fetch.
async fn warm_up(client: &ManagementClient<authing_tests::DynTransport>) {
    client
        .users()
        .list()
        .send()
        .await
        .expect("warm up the token");
}

async fn html_502_is_an_http_error_with_its_body(env: Env) {
    let client = env.management();
    warm_up(&client).await;
    env.mock.inject_fault(
        Fault::respond(
            502,
            "text/html",
            "<html><body>502 Bad Gateway</body></html>",
        )
        .path("/graphql/v2")
        .times(1),
    );
    let error = client.users().list().send().await.expect_err("502");
    match &error {
        Error::Http { status, body, .. } => {
            assert_eq!(status.as_u16(), 502);
            assert!(body.text().contains("Bad Gateway"));
        }
        other => panic!("expected Http, got {other:?}"),
    }
    client
        .users()
        .list()
        .send()
        .await
        .expect("the fault was one-off");
}

async fn truncated_json_is_a_decode_error_with_its_body(env: Env) {
    let client = env.management();
    warm_up(&client).await;
    env.mock
        .inject_fault(Fault::truncated_json().path("/graphql/v2").times(1));
    let error = client.users().list().send().await.expect_err("truncated");
    match &error {
        Error::Decode { status, body, .. } => {
            assert!(status.is_success());
            assert!(!body.is_empty());
        }
        other => panic!("expected Decode, got {other:?}"),
    }
}

async fn slow_answer_is_a_timeout(env: Env) {
    let client = env
        .management_builder()
        .timeout(Duration::from_secs(1))
        .build()
        .expect("client");
    warm_up(&client).await;
    env.mock.inject_fault(
        Fault::delay(Duration::from_secs(10))
            .path("/graphql/v2")
            .times(1),
    );
    let error = client.users().list().send().await.expect_err("timeout");
    match &error {
        Error::Transport(e) => assert_eq!(e.kind(), TransportErrorKind::Timeout, "{e:?}"),
        other => panic!("expected a timeout, got {other:?}"),
    }
}

each_transport!(
    html_502_is_an_http_error_with_its_body,
    truncated_json_is_a_decode_error_with_its_body,
    slow_answer_is_a_timeout,
);
