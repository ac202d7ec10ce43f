//! The fake over a real socket, spoken to in raw HTTP/1.1 (as a client in any language would).

use crate::common::{ACCESS_TOKEN, encrypt};
use authing_mock::MockAuthing;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends one request with `Connection: close` and returns (status, body).
async fn http(
    url: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> (u16, Vec<u8>) {
    let authority = url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(authority).await.expect("connects");
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !body.is_empty() {
        request.push_str("Content-Type: application/json\r\n");
    }
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    stream.write_all(request.as_bytes()).await.expect("writes");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("reads");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header block");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut body = raw[split + 4..].to_vec();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = dechunk(&body);
    }
    (status, body)
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = raw.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&raw[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&raw[end + 2..end + 2 + size]);
        raw = &raw[end + 2 + size + 2..];
    }
}

fn json_of(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("JSON")
}

#[tokio::test]
async fn serves_the_same_state_over_http() {
    let mock = MockAuthing::new();
    let server = mock.serve("127.0.0.1:0").await.expect("binds");
    let url = server.url().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"));
    let pool = server.pool();
    assert_eq!(pool.host, url);
    assert_eq!(pool.app_host, url);
    assert_eq!(pool.user_pool_id, mock.pool().user_pool_id);

    let (status, body) = http(
        &url,
        "POST",
        "/graphql/v2",
        &[],
        Some(&json!({"query": ACCESS_TOKEN, "variables": {"userPoolId": pool.user_pool_id, "secret": pool.secret.expose()}})),
    )
    .await;
    assert_eq!(status, 200);
    let token = json_of(&body)["data"]["accessToken"]["accessToken"]
        .as_str()
        .expect("token")
        .to_owned();
    let auth = format!("Bearer {token}");

    let (_, body) = http(
        &url,
        "POST",
        "/graphql/v2",
        &[("Authorization", &auth)],
        Some(&json!({
            "query": "mutation c($u: CreateUserInput!) { createUser(userInfo: $u) { id username } }",
            "variables": {"u": {"username": "net", "password": encrypt(&pool, "pw")}},
        })),
    )
    .await;
    assert_eq!(json_of(&body)["data"]["createUser"]["username"], "net");

    // The login over the socket records the client's IP and issues a token whose issuer is
    // the server's URL.
    let (_, body) = http(
        &url,
        "POST",
        "/graphql/v2",
        &[("x-authing-app-id", &pool.app_id), ("x-authing-lang", "en-US")],
        Some(&json!({
            "query": "mutation l($i: LoginByUsernameInput!) { loginByUsername(input: $i) { token lastIP } }",
            "variables": {"i": {"username": "net", "password": encrypt(&pool, "pw")}},
        })),
    )
    .await;
    let login = json_of(&body);
    assert_eq!(
        login["data"]["loginByUsername"]["lastIP"], "127.0.0.1",
        "{login}"
    );
    let user_token = login["data"]["loginByUsername"]["token"]
        .as_str()
        .expect("token");
    let payload = user_token.split('.').nth(1).expect("payload");
    let payload =
        base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, payload)
            .expect("base64url");
    let claims: Value = serde_json::from_slice(&payload).expect("claims");
    assert_eq!(claims["iss"], format!("{url}/oidc"));
    assert_eq!(claims["aud"], pool.app_id.as_str());
    assert_eq!(claims["data"]["type"], "user");
    assert_eq!(claims["data"]["userPoolId"], pool.user_pool_id.as_str());

    // The in-process door sees what the socket door did.
    assert_eq!(mock.count_graphql("createUser"), 1);
    assert_eq!(mock.count_graphql("accessToken"), 1);

    // Test-only endpoints work over the socket, with the server's URL in credentials.
    let (_, body) = http(&url, "GET", "/__authing_mock/pools", &[], None).await;
    assert_eq!(json_of(&body)["data"][0]["host"], url.as_str());
    let (_, body) = http(&url, "GET", "/__authing_mock/requests", &[], None).await;
    assert_eq!(json_of(&body)["data"].as_array().map(Vec::len), Some(3));

    let (status, body) = http(&url, "GET", "/nowhere", &[], None).await;
    assert_eq!(status, 404);
    assert_eq!(json_of(&body)["code"], 404);

    server.shutdown().await;
    assert!(
        TcpStream::connect(url.trim_start_matches("http://"))
            .await
            .is_err(),
        "stopped"
    );
}

#[tokio::test]
async fn dropping_the_server_stops_it() {
    let mock = MockAuthing::new();
    let server = mock.serve("127.0.0.1:0").await.expect("binds");
    let authority = server.url().trim_start_matches("http://").to_owned();
    drop(server);
    for _ in 0..50 {
        if TcpStream::connect(&authority).await.is_err() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("the server still accepts connections after being dropped");
}
