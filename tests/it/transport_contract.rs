//! The transport contract, checked for every transport against the local servers of
//! [`authing_tests::servers`]: every status is a response, redirects are not followed, and
//! each failure is classified as the right
//! [`TransportErrorKind`](authing_core::TransportErrorKind).
//!
//! Each contract scenario is an `async fn(Make)`; [`contract!`] writes one `#[tokio::test]`
//! per scenario and transport (`reqwest::…`, `hyper::…`). What only one transport has
//! (wrapping its own client, its `Debug`) is tested in `reqwest_only` and `hyper_only`.

use std::error::Error as _;
use std::sync::Arc;
use std::time::Duration;

use authing_core::{Transport, TransportError, TransportErrorKind as Kind};
use authing_tests::servers;
use authing_transport_hyper::HyperTransport;
use authing_transport_reqwest::ReqwestTransport;
use bytes::Bytes;

/// How a scenario wants its transport built; the default is the transport's `new()`.
#[derive(Debug, Clone, Copy, Default)]
struct Options {
    /// A whole-request timeout other than the default.
    timeout: Option<Duration>,
    /// Skip certificate checks.
    danger_accept_invalid_certs: bool,
    /// A limit on the answer's size other than the default.
    max_response_bytes: Option<usize>,
}

/// Builds the transport under test.
type Make = fn(Options) -> Arc<dyn Transport>;

fn make_reqwest(options: Options) -> Arc<dyn Transport> {
    let mut builder = ReqwestTransport::builder()
        .danger_accept_invalid_certs(options.danger_accept_invalid_certs);
    if let Some(timeout) = options.timeout {
        builder = builder.timeout(timeout);
    }
    if let Some(limit) = options.max_response_bytes {
        builder = builder.max_response_bytes(limit);
    }
    Arc::new(builder.build().expect("reqwest transport"))
}

fn make_hyper(options: Options) -> Arc<dyn Transport> {
    let mut builder =
        HyperTransport::builder().danger_accept_invalid_certs(options.danger_accept_invalid_certs);
    if let Some(timeout) = options.timeout {
        builder = builder.timeout(timeout);
    }
    if let Some(limit) = options.max_response_bytes {
        builder = builder.max_response_bytes(limit);
    }
    Arc::new(builder.build().expect("hyper transport"))
}

/// Writes `mod $transport { #[tokio::test] async fn $scenario() … }` for every transport and
/// every scenario.
macro_rules! contract {
    (transports { $($transport:ident => $make:path),+ $(,)? } scenarios $scenarios:tt) => {
        $( contract!(@one $transport, $make, $scenarios); )+
    };
    (@one $transport:ident, $make:path, { $($scenario:ident),+ $(,)? }) => {
        mod $transport {
            $(
                #[tokio::test]
                async fn $scenario() {
                    super::$scenario($make).await;
                }
            )+
        }
    };
}

contract! {
    transports {
        reqwest => super::make_reqwest,
        hyper => super::make_hyper,
    }
    scenarios {
        server_errors_are_responses_with_their_body,
        redirects_are_returned_not_followed,
        headers_and_body_round_trip,
        refused_connection_is_connect_and_not_sent,
        silent_server_times_out,
        connection_closed_mid_body_is_io,
        https_to_a_plain_http_port_is_tls,
        self_signed_certificate_is_tls,
        danger_accept_invalid_certs_accepts_a_self_signed_certificate,
        a_relative_uri_is_other_and_not_sent,
        errors_do_not_print_the_url,
        an_answer_at_the_limit_is_read_whole,
        a_declared_length_over_the_limit_is_refused_before_the_body,
        a_chunked_answer_is_read_no_further_than_the_limit,
    }
}

fn get(url: String) -> http::Request<Bytes> {
    http::Request::get(url).body(Bytes::new()).expect("request")
}

/// GETs `url` with `t`, checks that it fails as `kind` with `maybe_sent` as given, and
/// returns the error for further checks.
async fn get_fails(
    t: Arc<dyn Transport>,
    url: String,
    kind: Kind,
    maybe_sent: bool,
) -> TransportError {
    let error = t.send(get(url)).await.expect_err("the request fails");
    assert_eq!(error.kind(), kind, "{error:?}");
    assert_eq!(error.maybe_sent(), maybe_sent, "maybe_sent of {error:?}");
    error
}

async fn server_errors_are_responses_with_their_body(make: Make) {
    let addr = servers::app_server().await;
    let t = make(Options::default());

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
    assert_eq!(response.body(), servers::BAD_GATEWAY_HTML);
}

async fn redirects_are_returned_not_followed(make: Make) {
    let addr = servers::app_server().await;
    let response = make(Options::default())
        .send(get(format!("http://{addr}/redirect")))
        .await
        .expect("a 302 is Ok");
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers()["location"], "/landing");
    assert!(response.body().is_empty());
}

async fn headers_and_body_round_trip(make: Make) {
    let addr = servers::app_server().await;
    let body = Bytes::from_static(br#"{"query":"{ user { id } }","variables":{}}"#);
    let request = http::Request::post(format!("http://{addr}/echo"))
        .header("authorization", "Bearer token-123")
        .header("content-type", "application/json")
        .body(body.clone())
        .expect("request");
    let response = make(Options::default())
        .send(request)
        .await
        .expect("response");
    assert_eq!(response.status(), 201);
    assert_eq!(response.body(), &body);
    let headers = response.headers();
    assert_eq!(headers["x-echo-authorization"], "Bearer token-123");
    assert_eq!(headers["x-echo-content-type"], "application/json");
    let cookies: Vec<_> = headers.get_all("set-cookie").iter().collect();
    assert_eq!(cookies, ["a=1", "b=2"]);
}

async fn refused_connection_is_connect_and_not_sent(make: Make) {
    let addr = servers::refused_addr().await;
    let url = format!("http://{addr}/");
    let error = get_fails(make(Options::default()), url, Kind::Connect, false).await;
    assert!(error.source().is_some(), "keeps the HTTP client's error");
}

async fn silent_server_times_out(make: Make) {
    let addr = servers::silent_server().await;
    let options = Options {
        timeout: Some(Duration::from_millis(500)),
        ..Options::default()
    };
    // The request was written: maybe sent.
    let url = format!("http://{addr}/");
    let error = get_fails(make(options), url, Kind::Timeout, true).await;
    assert!(error.is_timeout());
}

async fn connection_closed_mid_body_is_io(make: Make) {
    let addr = servers::truncating_server().await;
    let url = format!("http://{addr}/");
    get_fails(make(Options::default()), url, Kind::Io, true).await;
}

async fn https_to_a_plain_http_port_is_tls(make: Make) {
    let addr = servers::app_server().await;
    // The plain server answers the ClientHello with `HTTP/1.1 400`, which rustls rejects as a
    // corrupt TLS record: a rustls error inside the connect error.
    let url = format!("https://{addr}/502");
    get_fails(make(Options::default()), url, Kind::Tls, false).await;
}

async fn self_signed_certificate_is_tls(make: Make) {
    let addr = servers::self_signed_tls_server();
    let url = format!("https://{addr}/");
    get_fails(make(Options::default()), url, Kind::Tls, false).await;
}

async fn danger_accept_invalid_certs_accepts_a_self_signed_certificate(make: Make) {
    let addr = servers::self_signed_tls_server();
    let t = make(Options {
        danger_accept_invalid_certs: true,
        ..Options::default()
    });
    let response = t
        .send(get(format!("https://{addr}/")))
        .await
        .expect("the certificate is accepted");
    assert_eq!(response.status(), 200);
    assert_eq!(response.body(), "secure");
}

async fn a_relative_uri_is_other_and_not_sent(make: Make) {
    let url = "/no-host".to_owned();
    get_fails(make(Options::default()), url, Kind::Other, false).await;
}

async fn errors_do_not_print_the_url(make: Make) {
    let addr = servers::refused_addr().await;
    let url = format!("http://{addr}/validate?access_token=secret-token");
    let error = get_fails(make(Options::default()), url, Kind::Connect, false).await;
    assert!(!format!("{error:?}").contains("secret-token"), "{error:?}");
    assert!(!error.to_string().contains("secret-token"), "{error}");
}

/// A transport that reads answers of at most 1 KiB, and would wait 10 s for a body that does
/// not come: so a test that sees `ResponseTooLarge` (not `Timeout`) knows the body was not
/// waited for.
fn with_a_1_kib_limit(make: Make) -> Arc<dyn Transport> {
    make(Options {
        timeout: Some(Duration::from_secs(10)),
        max_response_bytes: Some(1024),
        ..Options::default()
    })
}

async fn an_answer_at_the_limit_is_read_whole(make: Make) {
    let t = with_a_1_kib_limit(make);
    let addr = servers::chunked_server(256, 4).await;
    let response = t
        .send(get(format!("http://{addr}/")))
        .await
        .expect("1024 chunked bytes are within the limit");
    assert_eq!(response.body().len(), 1024);
    let addr = servers::declaring_server(1024, 1024).await;
    let response = t
        .send(get(format!("http://{addr}/")))
        .await
        .expect("a declared 1024 bytes are within the limit");
    assert_eq!(response.body().len(), 1024);
}

async fn a_declared_length_over_the_limit_is_refused_before_the_body(make: Make) {
    // It declares 1 GiB and sends 10 bytes: a transport reading on would time out.
    let addr = servers::declaring_server(1 << 30, 10).await;
    let url = format!("http://{addr}/");
    let started = std::time::Instant::now();
    let error = get_fails(with_a_1_kib_limit(make), url, Kind::ResponseTooLarge, true).await;
    assert!(started.elapsed() < Duration::from_secs(5), "{error:?}");
    assert!(error.to_string().contains("1073741824"), "{error}");
    assert!(error.to_string().contains("1024"), "{error}");
}

async fn a_chunked_answer_is_read_no_further_than_the_limit(make: Make) {
    // Chunks without end, and without a length: the limit alone stops reading.
    let addr = servers::unending_chunked_server().await;
    let url = format!("http://{addr}/");
    let started = std::time::Instant::now();
    let error = get_fails(with_a_1_kib_limit(make), url, Kind::ResponseTooLarge, true).await;
    assert!(started.elapsed() < Duration::from_secs(5), "{error:?}");
    assert!(error.to_string().contains("limit of 1024 bytes"), "{error}");
}

/// What only `ReqwestTransport` has.
mod reqwest_only {
    use authing_transport_reqwest::ReqwestTransport;

    #[test]
    fn is_clone_debug_and_wraps_its_client() {
        let t = ReqwestTransport::new().expect("transport");
        let copy = t.clone();
        let _: &::reqwest::Client = copy.inner();
        assert!(format!("{t:?}").contains("ReqwestTransport"));
        let _from = ReqwestTransport::from(::reqwest::Client::new());
    }

    #[test]
    fn reads_32_mib_by_default_and_the_limit_is_settable() {
        let t = ReqwestTransport::new().expect("transport");
        assert_eq!(t.max_response_bytes(), 32 * 1024 * 1024);
        let wrapped = ReqwestTransport::from(::reqwest::Client::new());
        assert_eq!(wrapped.max_response_bytes(), 32 * 1024 * 1024);
        assert_eq!(wrapped.with_max_response_bytes(10).max_response_bytes(), 10);
    }
}

/// What only `HyperTransport` has: its own timeout, and wrapping a client with any connector.
mod hyper_only {
    use std::time::Duration;

    use authing_core::{Transport, TransportErrorKind};
    use authing_tests::servers;
    use authing_transport_hyper::{HyperClient, HyperTransport};
    use hyper_util::client::legacy::Client;
    use hyper_util::client::legacy::connect::HttpConnector;
    use hyper_util::rt::TokioExecutor;

    use super::get;

    fn plain_client() -> HyperClient<HttpConnector> {
        Client::builder(TokioExecutor::new()).build(HttpConnector::new())
    }

    #[tokio::test]
    async fn is_clone_debug_and_wraps_its_client() {
        let t = HyperTransport::new()
            .expect("transport")
            .with_timeout(Duration::from_secs(3));
        let copy = t.clone();
        assert_eq!(copy.timeout(), Duration::from_secs(3));
        let _: &HyperClient = copy.inner();
        assert_eq!(format!("{t:?}"), "HyperTransport { timeout: 3s, .. }");
    }

    #[tokio::test]
    async fn reads_32_mib_by_default_and_the_limit_is_settable() {
        let t = HyperTransport::new().expect("transport");
        assert_eq!(t.max_response_bytes(), 32 * 1024 * 1024);
        let wrapped = HyperTransport::from_client(plain_client());
        assert_eq!(wrapped.max_response_bytes(), 32 * 1024 * 1024);
        assert_eq!(wrapped.with_max_response_bytes(10).max_response_bytes(), 10);
    }

    #[tokio::test]
    async fn wraps_a_client_with_its_own_connector() {
        let addr = servers::app_server().await;
        let t = HyperTransport::from(plain_client());
        assert_eq!(t.timeout(), authing_transport_hyper::DEFAULT_TIMEOUT);
        let response = t
            .send(get(format!("http://{addr}/502")))
            .await
            .expect("a 502 is Ok");
        assert_eq!(response.status(), 502);
        assert_eq!(response.body(), servers::BAD_GATEWAY_HTML);
    }

    #[tokio::test]
    async fn timeout_applies_to_a_wrapped_client() {
        let addr = servers::silent_server().await;
        let t =
            HyperTransport::from_client(plain_client()).with_timeout(Duration::from_millis(200));
        let error = t
            .send(get(format!("http://{addr}/")))
            .await
            .expect_err("no answer");
        assert_eq!(error.kind(), TransportErrorKind::Timeout, "{error:?}");
    }
}
