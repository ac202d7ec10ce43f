//! Hardening: what one careless or hostile client must not do to the fake (abort it with a
//! deep document, grow it without bound, hold its sockets, read its secrets from afar).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use authing_core::Transport;
use authing_mock::{ADMIN_TOKEN_HEADER, InProcessTransport, MockAuthing};
use axum::extract::ConnectInfo;
use bytes::Bytes;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tower::ServiceExt as _;

/// POSTs `body` to `path` in process; returns the status and the body as JSON.
async fn post(transport: &InProcessTransport, path: &str, body: &str) -> (u16, Value) {
    let request = http::Request::post(format!("http://authing.mock{path}"))
        .header("content-type", "application/json")
        .header("x-authing-lang", "en-US")
        .body(Bytes::from(body.to_owned()))
        .expect("a request");
    let response = transport
        .send(request)
        .await
        .expect("in process always answers");
    let status = response.status().as_u16();
    let json = serde_json::from_slice(response.body()).unwrap_or(Value::Null);
    (status, json)
}

async fn graphql(transport: &InProcessTransport, query: &str) -> (u16, Value) {
    post(
        transport,
        "/graphql/v2",
        &json!({ "query": query }).to_string(),
    )
    .await
}

/// The Authing code of the first error, asserting it is Authing-shaped.
fn code(answer: &Value) -> i64 {
    answer["errors"][0]["message"]["code"]
        .as_i64()
        .unwrap_or_else(|| {
            let text = answer.to_string();
            panic!("not an Authing error: {}", &text[..text.len().min(500)])
        })
}

#[tokio::test]
async fn deeply_nested_arguments_get_an_error_not_a_stack_overflow() {
    let mock = MockAuthing::new();
    let transport = mock.transport();
    for (open, close) in [("[", "]"), ("{a: ", "}")] {
        let query = format!(
            "{{ isUserExists(username: {}\"x\"{}) }}",
            open.repeat(2000),
            close.repeat(2000)
        );
        assert!(query.len() < 12_000);
        let (status, answer) = graphql(&transport, &query).await;
        assert_eq!(status, 200);
        assert_eq!(code(&answer), 2231, "{answer}");
        assert!(answer["data"].is_null());
    }
    // The fake still answers, and journalled the request without parsing it.
    let (_, answer) = graphql(&transport, "{ __typename }").await;
    assert_eq!(answer["data"]["__typename"], "Query");
    let recorded = mock.requests();
    assert_eq!(recorded.len(), 3);
    assert!(recorded[0].graphql_fields.is_empty());
}

#[tokio::test]
async fn deeply_nested_variables_are_a_bad_body() {
    let transport = MockAuthing::new().transport();
    let variables = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
    let body = format!(r#"{{"query":"{{ __typename }}","variables":{{"v":{variables}}}}}"#);
    let (status, answer) = post(&transport, "/graphql/v2", &body).await;
    assert_eq!(status, 400);
    assert!(answer["errors"][0]["message"].is_string(), "{answer}");
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_refused_with_an_authing_envelope() {
    let transport = MockAuthing::new().transport();
    // Variables of 2 MiB under a small document: the document cap does not see them.
    let padding = "x".repeat(2 << 20);
    let body = json!({ "query": "{ __typename }", "variables": { "padding": padding } });
    let (status, answer) = post(&transport, "/graphql/v2", &body.to_string()).await;
    assert_eq!(status, 413, "{answer}");
    assert_eq!(answer["code"], 413, "{answer}");
    assert!(
        answer["message"]
            .as_str()
            .is_some_and(|m| m.contains("too large"))
    );
    let (status, _) = post(&transport, "/api/v2/users/kick", &body.to_string()).await;
    assert_eq!(status, 413);
    // Just under the cap is read (and answered).
    let padding = "x".repeat((1 << 20) - 200);
    let body = json!({ "query": "{ __typename }", "variables": { "padding": padding } });
    let (status, answer) = post(&transport, "/graphql/v2", &body.to_string()).await;
    assert_eq!(
        (status, &answer["data"]["__typename"]),
        (200, &json!("Query")),
        "{answer}"
    );
}

#[tokio::test]
async fn size_aliases_depth_and_complexity_are_capped() {
    let transport = MockAuthing::new().transport();

    let huge = format!("{{ __typename {} }}", "__typename ".repeat(20_000));
    let (_, answer) = graphql(&transport, &huge).await;
    assert_eq!(code(&answer), 2231, "{answer}");
    assert!(
        answer["errors"][0]["message"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("bytes"))
    );

    let aliases: String = (0..101).map(|i| format!("a{i}: __typename ")).collect();
    let (_, answer) = graphql(&transport, &format!("{{ {aliases} }}")).await;
    assert_eq!(code(&answer), 2231, "{answer}");
    let aliases: String = (0..100).map(|i| format!("a{i}: __typename ")).collect();
    let (_, answer) = graphql(&transport, &format!("{{ {aliases} }}")).await;
    assert_eq!(answer["data"]["a99"], "Query", "{answer}");

    // 40 levels of selection sets: under the bracket limit, over the query depth limit.
    let deep = format!(
        "{{ __schema {{ types {{ fields {{ type {} name {} }} }} }} }}",
        "{ ofType ".repeat(36),
        "}".repeat(36)
    );
    let (_, answer) = graphql(&transport, &deep).await;
    assert_eq!(code(&answer), 2231, "{answer}");

    // Wide but shallow: 100 aliases of the whole type list (1600 fields) is too complex.
    let wide: String = (0..100)
        .map(|i| format!("a{i}: __schema {{ types {{ name kind description fields {{ name description args {{ name description }} type {{ name kind }} }} }} }} "))
        .collect();
    let (_, answer) = graphql(&transport, &format!("{{ {wide} }}")).await;
    assert_eq!(code(&answer), 2231, "{answer}");

    // The standard introspection query still passes.
    let introspection = "query IntrospectionQuery { __schema { queryType { name } mutationType { name } \
        types { ...FullType } directives { name locations args { ...InputValue } } } } \
        fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name \
        description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason } \
        inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) \
        { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } } \
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue } \
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind \
        name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }";
    let (_, answer) = graphql(&transport, introspection).await;
    assert!(answer["errors"].is_null(), "{answer}");
    assert!(answer["data"]["__schema"]["types"].is_array());
}

#[tokio::test]
async fn the_journal_keeps_the_last_n_requests_with_capped_owned_bodies() {
    let mock = MockAuthing::builder()
        .journal_capacity(5)
        .build()
        .expect("builds");
    let transport = mock.transport();
    for i in 0..8 {
        graphql(&transport, &format!("query q{i} {{ __typename }}")).await;
    }
    let big = format!(
        r#"{{"query":"{{ __typename }}","padding":"{}"}}"#,
        "x".repeat(100 << 10)
    );
    post(&transport, "/graphql/v2", &big).await;

    let recorded = mock.requests();
    assert_eq!(recorded.len(), 5);
    let names: Vec<_> = recorded.iter().map(|r| r.operation_name.clone()).collect();
    assert_eq!(
        names[..4],
        [
            Some("q4".to_owned()),
            Some("q5".to_owned()),
            Some("q6".to_owned()),
            Some("q7".to_owned())
        ]
    );
    let last = &recorded[4];
    assert!(last.body_truncated);
    assert_eq!(last.body().len(), 32 << 10);
    assert!(!recorded[0].body_truncated);
    assert_eq!(mock.count_graphql("__typename"), 5);
    assert_eq!(mock.requests_page(1, 2).len(), 2);
    assert_eq!(
        mock.requests_page(1, 2)[0].operation_name.as_deref(),
        Some("q5")
    );

    // The control endpoint pages (and streams) the same journal.
    let get = |path: &str| {
        let request = http::Request::get(format!("http://authing.mock{path}"))
            .body(Bytes::new())
            .expect("a request");
        transport.send(request)
    };
    let all: Value = serde_json::from_slice(
        get("/__authing_mock/requests")
            .await
            .expect("answers")
            .body(),
    )
    .expect("JSON");
    assert_eq!(all["code"], 200);
    assert_eq!(all["data"].as_array().map(Vec::len), Some(5));
    assert_eq!(all["data"][4]["bodyTruncated"], true);
    let page: Value = serde_json::from_slice(
        get("/__authing_mock/requests?offset=1&limit=2")
            .await
            .expect("answers")
            .body(),
    )
    .expect("JSON");
    let names: Vec<&str> = page["data"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|r| r["operationName"].as_str())
        .collect();
    assert_eq!(names, ["q5", "q6"]);
    let past_the_end: Value = serde_json::from_slice(
        get("/__authing_mock/requests?offset=9")
            .await
            .expect("answers")
            .body(),
    )
    .expect("JSON");
    assert_eq!(past_the_end["data"], json!([]));
    let bad = get("/__authing_mock/requests?limit=-1")
        .await
        .expect("answers");
    assert_eq!(bad.status(), 400);
}

/// Reads from `stream` until it is closed; fails if that takes longer than `within`.
/// Returns what was read.
async fn read_until_closed(stream: &mut TcpStream, within: Duration) -> Vec<u8> {
    let mut seen = Vec::new();
    tokio::time::timeout(within, async {
        let mut buffer = [0u8; 1024];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await
    .expect("the fake closes the connection in time");
    seen
}

#[tokio::test]
async fn silent_and_half_sent_connections_are_closed() {
    let mock = MockAuthing::builder()
        .header_read_timeout(Duration::from_millis(300))
        .build()
        .expect("builds");
    let server = mock.serve("127.0.0.1:0").await.expect("serves");

    let started = Instant::now();
    let mut silent = TcpStream::connect(server.addr()).await.expect("connects");
    let mut half = TcpStream::connect(server.addr()).await.expect("connects");
    half.write_all(b"GET /api/v2/.well-known HTTP/1.1\r\nHost: x\r\n")
        .await
        .expect("writes");
    assert!(
        read_until_closed(&mut silent, Duration::from_secs(5))
            .await
            .is_empty()
    );
    let seen = read_until_closed(&mut half, Duration::from_secs(5)).await;
    assert!(!String::from_utf8_lossy(&seen).contains(" 200 "));
    assert!(started.elapsed() >= Duration::from_millis(250));

    // A keep-alive connection left idle after an answer is closed as well.
    let mut idle = TcpStream::connect(server.addr()).await.expect("connects");
    idle.write_all(b"GET /api/v2/.well-known HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .expect("writes");
    let seen = read_until_closed(&mut idle, Duration::from_secs(5)).await;
    assert!(String::from_utf8_lossy(&seen).starts_with("HTTP/1.1 200"));
    server.shutdown().await;
}

#[tokio::test]
async fn connections_beyond_the_cap_are_closed_at_once() {
    let mock = MockAuthing::builder()
        .max_connections(2)
        .header_read_timeout(Duration::from_secs(30))
        .build()
        .expect("builds");
    let server = mock.serve("127.0.0.1:0").await.expect("serves");
    let held = [
        TcpStream::connect(server.addr()).await.expect("connects"),
        TcpStream::connect(server.addr()).await.expect("connects"),
    ];
    let mut third = TcpStream::connect(server.addr()).await.expect("connects");
    let seen = read_until_closed(&mut third, Duration::from_secs(5)).await;
    assert!(seen.is_empty());
    drop(held);

    // Slots free up when connections end: a request gets through again.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let mut stream = TcpStream::connect(server.addr()).await.expect("connects");
        let _ = stream
            .write_all(b"GET /api/v2/.well-known HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await;
        let seen = read_until_closed(&mut stream, Duration::from_secs(5)).await;
        if String::from_utf8_lossy(&seen).starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(Instant::now() < deadline, "no slot came free");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.shutdown().await;
}

/// Sends GET `path` through `mock`'s router as if it came from `peer`.
async fn get_from(mock: &MockAuthing, peer: &str, path: &str, token: Option<&str>) -> u16 {
    let mut request = http::Request::get(path);
    if let Some(token) = token {
        request = request.header(ADMIN_TOKEN_HEADER, token);
    }
    let mut request = request.body(axum::body::Body::empty()).expect("a request");
    let peer: SocketAddr = peer.parse().expect("an address");
    request.extensions_mut().insert(ConnectInfo(peer));
    let response = mock.router().oneshot(request).await.expect("infallible");
    response.status().as_u16()
}

#[tokio::test]
async fn control_endpoints_answer_only_loopback_unless_remote_control_and_its_token() {
    let mock = MockAuthing::new();
    // In process and from loopback: open.
    let in_process = http::Request::get("http://authing.mock/__authing_mock/pools")
        .body(Bytes::new())
        .expect("a request");
    let answer = mock.transport().send(in_process).await.expect("answers");
    assert_eq!(answer.status(), 200);
    assert_eq!(
        get_from(&mock, "127.0.0.1:5000", "/__authing_mock/pools", None).await,
        200
    );
    assert_eq!(
        get_from(&mock, "[::1]:5000", "/__authing_mock/requests", None).await,
        200
    );
    // From elsewhere: closed, token or not; the ordinary API stays open.
    for path in [
        "/__authing_mock/pools",
        "/__authing_mock/requests",
        "/__authing_mock/clock",
    ] {
        assert_eq!(get_from(&mock, "192.0.2.7:5000", path, None).await, 403);
        assert_eq!(
            get_from(&mock, "192.0.2.7:5000", path, Some("guess")).await,
            403
        );
    }
    assert_eq!(
        get_from(&mock, "192.0.2.7:5000", "/api/v2/.well-known", None).await,
        200
    );

    let open = MockAuthing::builder()
        .remote_control("s3cret-admin")
        .build()
        .expect("builds");
    assert_eq!(
        get_from(&open, "192.0.2.7:5000", "/__authing_mock/pools", None).await,
        403
    );
    assert_eq!(
        get_from(
            &open,
            "192.0.2.7:5000",
            "/__authing_mock/pools",
            Some("wrong")
        )
        .await,
        403
    );
    assert_eq!(
        get_from(
            &open,
            "192.0.2.7:5000",
            "/__authing_mock/pools",
            Some("s3cret-admin")
        )
        .await,
        200
    );
    assert_eq!(
        get_from(&open, "127.0.0.1:5000", "/__authing_mock/pools", None).await,
        200
    );

    // Over a real loopback socket the peer address is what counts.
    let server = mock.serve("127.0.0.1:0").await.expect("serves");
    let mut stream = TcpStream::connect(server.addr()).await.expect("connects");
    stream
        .write_all(b"GET /__authing_mock/clock HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .expect("writes");
    let seen = read_until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(String::from_utf8_lossy(&seen).starts_with("HTTP/1.1 200"));
    server.shutdown().await;
}

#[tokio::test]
async fn a_fake_starts_with_the_built_in_key_and_generates_one_only_when_asked() {
    let a = MockAuthing::new();
    let b = MockAuthing::new();
    assert_eq!(a.public_key_pem(), b.public_key_pem());
    let own = MockAuthing::builder()
        .generate_key()
        .build()
        .expect("builds");
    assert_ne!(own.public_key_pem(), a.public_key_pem());
}

#[tokio::test]
async fn a_document_validated_once_still_gets_its_variables_checked() {
    let mock = MockAuthing::new();
    let transport = mock.transport();
    let pool = mock.pool();
    let document = "query accessToken($userPoolId: String!, $secret: String!) { \
                    accessToken(userPoolId: $userPoolId, secret: $secret) { accessToken } }";
    let good = json!({"query": document,
        "variables": {"userPoolId": pool.user_pool_id, "secret": pool.secret.expose()}});
    for _ in 0..2 {
        let (_, answer) = post(&transport, "/graphql/v2", &good.to_string()).await;
        assert!(
            answer["data"]["accessToken"]["accessToken"].is_string(),
            "{answer}"
        );
    }
    for variables in [
        json!({"userPoolId": 42, "secret": "x"}),
        json!({"secret": "x"}),
        json!({"userPoolId": ["a"], "secret": {"b": 1}}),
    ] {
        let body = json!({"query": document, "variables": variables});
        let (status, answer) = post(&transport, "/graphql/v2", &body.to_string()).await;
        assert_eq!(status, 200);
        assert!(answer["data"].is_null(), "{answer}");
        assert!(answer["errors"][0]["message"].is_string(), "{answer}");
    }
}
