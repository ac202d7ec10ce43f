//! Local servers for the transport contract tests: a well-behaved axum app, and raw sockets
//! that misbehave on purpose. Each listens on an ephemeral port of 127.0.0.1 and runs in the
//! background: as a task of the current tokio runtime, or (the TLS one) on its own thread.

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The HTML a misbehaving proxy sends with its 502.
pub const BAD_GATEWAY_HTML: &str = "<html><body><h1>502 Bad Gateway</h1></body></html>";

/// An axum app on 127.0.0.1:
///
/// - `GET /500`: 500 with a JSON body;
/// - `GET /502`: 502 with an HTML body;
/// - `GET /redirect`: 302 to `/landing` (which answers 200 `landed`);
/// - `POST /echo`: 201, the request body back, `x-echo-authorization` and
///   `x-echo-content-type` copied from the request, and two `set-cookie` headers.
pub async fn app_server() -> SocketAddr {
    let app = Router::new()
        .route(
            "/500",
            get(|| async {
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    [(header::CONTENT_TYPE, "application/json")],
                    r#"{"code":500,"message":"boom"}"#,
                )
            }),
        )
        .route(
            "/502",
            get(|| async {
                (
                    StatusCode::BAD_GATEWAY,
                    [(header::CONTENT_TYPE, "text/html")],
                    BAD_GATEWAY_HTML,
                )
            }),
        )
        .route(
            "/redirect",
            get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/landing")], "") }),
        )
        .route("/landing", get(|| async { "landed" }))
        .route("/echo", post(echo));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("local addr");
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

async fn echo(headers: HeaderMap, body: Bytes) -> impl IntoResponse {
    let mut out = HeaderMap::new();
    for (from, to) in [
        (header::AUTHORIZATION, "x-echo-authorization"),
        (header::CONTENT_TYPE, "x-echo-content-type"),
    ] {
        if let Some(value) = headers.get(from) {
            out.insert(to, value.clone());
        }
    }
    out.append(header::SET_COOKIE, "a=1".parse().expect("header"));
    out.append(header::SET_COOKIE, "b=2".parse().expect("header"));
    (StatusCode::CREATED, out, body)
}

/// An address nothing listens on: bound, then released.
pub async fn refused_addr() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    listener.local_addr().expect("local addr")
}

/// A server that accepts connections, reads, and never answers.
pub async fn silent_server() -> SocketAddr {
    serve_raw(|mut socket| async move {
        let mut buf = [0u8; 1024];
        while let Ok(n) = socket.read(&mut buf).await {
            if n == 0 {
                break;
            }
        }
    })
    .await
}

/// A server that sends a 200 head promising 100 bytes, sends 7, and closes.
pub async fn truncating_server() -> SocketAddr {
    serve_raw(|mut socket| async move {
        read_head(&mut socket).await;
        let _ = socket
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\npartial")
            .await;
        let _ = socket.flush().await;
        // Dropping the socket closes the connection mid-body.
    })
    .await
}

/// A server that answers 200 with `content-length: declared`, sends the first `sent` bytes
/// of that body, and then holds the connection open without sending more: a client that
/// waited for all `declared` bytes would wait forever.
pub async fn declaring_server(declared: u64, sent: usize) -> SocketAddr {
    serve_raw(move |mut socket| async move {
        read_head(&mut socket).await;
        let head = format!("HTTP/1.1 200 OK\r\ncontent-length: {declared}\r\n\r\n");
        let _ = socket.write_all(head.as_bytes()).await;
        let _ = socket.write_all(&vec![b'x'; sent]).await;
        let _ = socket.flush().await;
        hold_open(socket).await;
    })
    .await
}

/// A server that answers 200 with a chunked body (no `content-length`) of `chunks`
/// chunks of `chunk_len` bytes, and ends it.
pub async fn chunked_server(chunk_len: usize, chunks: usize) -> SocketAddr {
    serve_chunks(chunk_len, chunks, true).await
}

/// A server that answers 200 with a chunked body that does not end: 1000-byte chunks until
/// the client hangs up (or 64 MiB are sent; then it holds the connection open, so a client
/// that reads on stays bounded in memory and times out).
pub async fn unending_chunked_server() -> SocketAddr {
    serve_chunks(1000, 64 * 1024, false).await
}

async fn serve_chunks(chunk_len: usize, chunks: usize, end: bool) -> SocketAddr {
    serve_raw(move |mut socket| async move {
        read_head(&mut socket).await;
        let head = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n";
        if socket.write_all(head).await.is_err() {
            return;
        }
        let mut chunk = format!("{chunk_len:x}\r\n").into_bytes();
        chunk.extend(std::iter::repeat_n(b'x', chunk_len));
        chunk.extend_from_slice(b"\r\n");
        for _ in 0..chunks {
            if socket.write_all(&chunk).await.is_err() {
                return; // the client hung up
            }
        }
        if end {
            let _ = socket.write_all(b"0\r\n\r\n").await;
        }
        let _ = socket.flush().await;
        hold_open(socket).await;
    })
    .await
}

/// Keeps `socket` open until the client closes it.
async fn hold_open(mut socket: TcpStream) {
    let mut buf = [0u8; 1024];
    while let Ok(n) = socket.read(&mut buf).await {
        if n == 0 {
            break;
        }
    }
}

/// Listens on 127.0.0.1 and hands every accepted connection to `handle`, each in a task of
/// its own.
async fn serve_raw<F, Fut>(handle: F) -> SocketAddr
where
    F: Fn(TcpStream) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("local addr");
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(handle(socket));
        }
    });
    addr
}

async fn read_head(socket: &mut TcpStream) {
    let mut seen = Vec::new();
    let mut buf = [0u8; 1024];
    while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
        match socket.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
    }
}

/// An HTTPS server on 127.0.0.1 with a fresh self-signed certificate (for `127.0.0.1`),
/// answering every request with 200 `secure`. Runs on a std thread with rustls.
pub fn self_signed_tls_server() -> SocketAddr {
    let certified = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned()])
        .expect("self-signed certificate");
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(rustls::pki_types::PrivatePkcs8KeyDer::from(
        certified.key_pair.serialize_der(),
    ));
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("protocol versions")
    .with_no_client_auth()
    .with_single_cert(vec![certified.cert.der().clone()], key)
    .expect("server config");
    let config = Arc::new(config);

    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("local addr");
    std::thread::spawn(move || {
        for tcp in listener.incoming() {
            let Ok(tcp) = tcp else { continue };
            let Ok(connection) = rustls::ServerConnection::new(config.clone()) else {
                continue;
            };
            let mut stream = rustls::StreamOwned::new(connection, tcp);
            let mut seen = Vec::new();
            let mut buf = [0u8; 1024];
            let complete = loop {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break false,
                    Ok(n) => seen.extend_from_slice(&buf[..n]),
                }
                if seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    break true;
                }
            };
            if complete {
                let _ = stream.write_all(
                    b"HTTP/1.1 200 OK\r\ncontent-length: 6\r\nconnection: close\r\n\r\nsecure",
                );
                let _ = stream.flush();
                stream.conn.send_close_notify();
                let _ = stream.flush();
            }
        }
    });
    addr
}
