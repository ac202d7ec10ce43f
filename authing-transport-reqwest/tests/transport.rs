//! `ReqwestTransport` against local servers: the transport contract, and how each failure is
//! classified.

mod support;

use std::error::Error as _;
use std::time::Duration;

use authing_core::{Transport, TransportErrorKind};
use authing_transport_reqwest::ReqwestTransport;
use bytes::Bytes;

fn get(url: String) -> http::Request<Bytes> {
    http::Request::get(url).body(Bytes::new()).expect("request")
}

fn transport() -> ReqwestTransport {
    ReqwestTransport::new().expect("transport")
}

#[tokio::test]
async fn server_errors_are_responses_with_their_body() {
    let addr = support::app_server().await;
    let t = transport();

    let response = t
        .send(get(format!("http://{addr}/500")))
        .await
        .expect("a 500 is Ok");
    assert_eq!(response.status(), 500);
    assert_eq!(response.body(), r#"{"code":500,"message":"boom"}"#);

    let response = t
        .send(get(format!("http://{addr}/502")))
        .await
        .expect("a 502 is Ok");
    assert_eq!(response.status(), 502);
    assert_eq!(response.headers()["content-type"], "text/html");
    assert_eq!(response.body(), support::BAD_GATEWAY_HTML);
}

#[tokio::test]
async fn redirects_are_returned_not_followed() {
    let addr = support::app_server().await;
    let response = transport()
        .send(get(format!("http://{addr}/redirect")))
        .await
        .expect("a 302 is Ok");
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers()["location"], "/landing");
    assert!(response.body().is_empty());
}

#[tokio::test]
async fn headers_and_body_round_trip() {
    let addr = support::app_server().await;
    let body = Bytes::from_static(br#"{"query":"{ user { id } }","variables":{}}"#);
    let request = http::Request::post(format!("http://{addr}/echo"))
        .header("authorization", "Bearer token-123")
        .header("content-type", "application/json")
        .body(body.clone())
        .expect("request");
    let response = transport().send(request).await.expect("response");
    assert_eq!(response.status(), 201);
    assert_eq!(response.body(), &body);
    let headers = response.headers();
    assert_eq!(headers["x-echo-authorization"], "Bearer token-123");
    assert_eq!(headers["x-echo-content-type"], "application/json");
    let cookies: Vec<_> = headers.get_all("set-cookie").iter().collect();
    assert_eq!(cookies, ["a=1", "b=2"]);
}

#[tokio::test]
async fn refused_connection_is_connect_and_not_sent() {
    let addr = support::refused_addr().await;
    let error = transport()
        .send(get(format!("http://{addr}/")))
        .await
        .expect_err("nothing listens");
    assert_eq!(error.kind(), TransportErrorKind::Connect, "{error:?}");
    assert!(!error.maybe_sent());
    assert!(error.source().is_some(), "keeps reqwest's error");
}

#[tokio::test]
async fn silent_server_times_out() {
    let addr = support::silent_server().await;
    let t = ReqwestTransport::builder()
        .timeout(Duration::from_millis(500))
        .build()
        .expect("transport");
    let error = t
        .send(get(format!("http://{addr}/")))
        .await
        .expect_err("no answer");
    assert_eq!(error.kind(), TransportErrorKind::Timeout, "{error:?}");
    assert!(error.is_timeout());
    assert!(error.maybe_sent(), "the request was written");
}

#[tokio::test]
async fn connection_closed_mid_body_is_io() {
    let addr = support::truncating_server().await;
    let error = transport()
        .send(get(format!("http://{addr}/")))
        .await
        .expect_err("the body is cut short");
    assert_eq!(error.kind(), TransportErrorKind::Io, "{error:?}");
    assert!(error.maybe_sent());
}

#[tokio::test]
async fn https_to_a_plain_http_port_is_tls() {
    let addr = support::app_server().await;
    let error = transport()
        .send(get(format!("https://{addr}/502")))
        .await
        .expect_err("the server speaks plain HTTP");
    // The plain server answers the ClientHello with `HTTP/1.1 400`, which rustls rejects as a
    // corrupt TLS record: a rustls error inside the connect error.
    assert_eq!(error.kind(), TransportErrorKind::Tls, "{error:?}");
    assert!(!error.maybe_sent());
}

#[tokio::test]
async fn self_signed_certificate_is_tls() {
    let addr = support::self_signed_tls_server();
    let error = transport()
        .send(get(format!("https://{addr}/")))
        .await
        .expect_err("the certificate is not trusted");
    assert_eq!(error.kind(), TransportErrorKind::Tls, "{error:?}");
    assert!(!error.maybe_sent());
}

#[tokio::test]
async fn danger_accept_invalid_certs_accepts_a_self_signed_certificate() {
    let addr = support::self_signed_tls_server();
    let t = ReqwestTransport::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .expect("transport");
    let response = t
        .send(get(format!("https://{addr}/")))
        .await
        .expect("the certificate is accepted");
    assert_eq!(response.status(), 200);
    assert_eq!(response.body(), "secure");
}

#[tokio::test]
async fn a_relative_uri_is_other_and_not_sent() {
    let request = http::Request::get("/no-host")
        .body(Bytes::new())
        .expect("request");
    let error = transport().send(request).await.expect_err("no host");
    assert_eq!(error.kind(), TransportErrorKind::Other, "{error:?}");
    assert!(!error.maybe_sent());
}

#[test]
fn is_clone_debug_and_wraps_its_client() {
    let t = transport();
    let copy = t.clone();
    let _: &reqwest::Client = copy.inner();
    assert!(format!("{t:?}").contains("ReqwestTransport"));
    let _from = ReqwestTransport::from(reqwest::Client::new());
}

#[tokio::test]
async fn errors_do_not_print_the_url() {
    let addr = support::refused_addr().await;
    let error = transport()
        .send(get(format!(
            "http://{addr}/validate?access_token=secret-token"
        )))
        .await
        .expect_err("nothing listens");
    assert!(!format!("{error:?}").contains("secret-token"), "{error:?}");
    assert!(!error.to_string().contains("secret-token"), "{error}");
}
