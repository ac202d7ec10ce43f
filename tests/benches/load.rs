//! A load benchmark of the fake Authing's HTTP door: requests per second and latency
//! percentiles of four requests side by side, the memory the process holds after them, and
//! how long a fake takes to start.
//!
//! It starts the fake on 127.0.0.1 (and sends traffic nowhere else), captures the exact
//! requests the SDK sends (through a recording transport over the in-process door), then
//! replays each one from `CONCURRENCY` keep-alive connections (raw HTTP/1.1, the lightest
//! client there is):
//!
//! - `users`: the management client's users list, a page of 10 full users (`UserFields`);
//! - `login`: the authentication client's `loginByUsername` (an RSA-encrypted password);
//! - `accessToken`: the management client's token request;
//! - `__typename`: `{ __typename }`, the floor.
//!
//! Each phase stops after `REQUESTS_PER_PHASE` requests or `PHASE_TIME_LIMIT`, whichever
//! comes first, so a run is bounded in count and time. The load generator shares the
//! machine's cores with the fake, so the figures are conservative.
//!
//! Run with `cargo bench -p authing-tests --bench load` (a release build); the README's table
//! comes from it.

// A benchmark binary: its helpers are not public API.
#![allow(missing_docs)]
#![allow(clippy::unwrap_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use authing_authentication::AuthenticationClient;
use authing_core::model::CreateUserInput;
use authing_core::{Secret, Transport, transport_fn};
use authing_management::ManagementClient;
use authing_mock::MockAuthing;
use bytes::Bytes;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

/// Connections (and requests in flight) per phase.
const CONCURRENCY: usize = 32;
/// Requests per phase (4 phases: 100k requests in all).
const REQUESTS_PER_PHASE: usize = 25_000;
/// The longest a phase may run.
const PHASE_TIME_LIMIT: Duration = Duration::from_secs(30);
/// Requests before measuring (connections open, caches warm).
const WARM_UP: usize = 500;

/// One captured request, ready to replay to the fake's URL.
#[derive(Clone)]
struct Replay {
    name: &'static str,
    path: String,
    headers: http::HeaderMap,
    body: Bytes,
}

impl Replay {
    /// The request as HTTP/1.1 bytes for `authority` (keep-alive).
    fn wire(&self, authority: &str) -> Vec<u8> {
        let mut head = format!(
            "POST {} HTTP/1.1\r\nhost: {authority}\r\ncontent-length: {}\r\n",
            self.path,
            self.body.len()
        );
        for (name, value) in &self.headers {
            if name != http::header::HOST && name != http::header::CONTENT_LENGTH {
                head.push_str(&format!("{name}: {}\r\n", value.to_str().unwrap()));
            }
        }
        head.push_str("\r\n");
        let mut wire = head.into_bytes();
        wire.extend_from_slice(&self.body);
        wire
    }
}

/// One keep-alive HTTP/1.1 connection that sends a fixed request and reads whole answers
/// (the fake answers with `content-length`): the lightest client there is, so the cores go
/// to the fake.
struct Connection {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl Connection {
    async fn open(addr: std::net::SocketAddr) -> Self {
        let stream = TcpStream::connect(addr).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Self {
            stream,
            buffer: Vec::with_capacity(16 << 10),
        }
    }

    /// Sends `wire` and returns the answer's status and body.
    async fn exchange(&mut self, wire: &[u8]) -> (u16, Vec<u8>) {
        self.stream.write_all(wire).await.unwrap();
        self.buffer.clear();
        let mut chunk = [0u8; 16 << 10];
        let (head_end, length) = loop {
            let n = self.stream.read(&mut chunk).await.unwrap();
            assert!(n > 0, "the fake closed the connection");
            self.buffer.extend_from_slice(&chunk[..n]);
            if let Some(end) = self.buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = std::str::from_utf8(&self.buffer[..end])
                    .unwrap()
                    .to_ascii_lowercase();
                let length: usize = head
                    .lines()
                    .find_map(|line| line.strip_prefix("content-length:"))
                    .map(|value| value.trim().parse().unwrap())
                    .expect("a content-length");
                break (end + 4, length);
            }
        };
        while self.buffer.len() < head_end + length {
            let n = self.stream.read(&mut chunk).await.unwrap();
            assert!(n > 0, "the fake closed the connection");
            self.buffer.extend_from_slice(&chunk[..n]);
        }
        let status = std::str::from_utf8(&self.buffer[9..12])
            .unwrap()
            .parse()
            .unwrap();
        (status, self.buffer[head_end..head_end + length].to_vec())
    }
}

/// What one phase measured.
struct Figures {
    name: &'static str,
    requests: usize,
    per_second: f64,
    p50: Duration,
    p99: Duration,
}

/// The process's resident memory, from `/proc/self/status` (Linux), in MiB.
fn rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Runs the SDK's calls through a recording in-process transport and returns the requests
/// it sent: users list, login, accessToken.
async fn capture(mock: &MockAuthing) -> Vec<Replay> {
    let sent: Arc<Mutex<Vec<http::Request<Bytes>>>> = Arc::default();
    let recording = {
        let sent = Arc::clone(&sent);
        let inner = mock.transport();
        transport_fn(move |request: http::Request<Bytes>| {
            let inner = inner.clone();
            let sent = Arc::clone(&sent);
            async move {
                sent.lock().unwrap().push(request.clone());
                inner.send(request).await
            }
        })
    };
    let recording = Arc::new(recording);
    let pool = mock.pool();
    let management = ManagementClient::builder(pool.user_pool_id.clone(), pool.secret.clone())
        .host(pool.host.clone())
        .enc_public_key(pool.public_key_pem.clone())
        .transport(Arc::clone(&recording))
        .build()
        .unwrap();
    for n in 0..10 {
        let input = CreateUserInput {
            username: Some(format!("user{n}")),
            email: Some(format!("user{n}@example.com")),
            phone: Some(format!("1380000{n:04}")),
            nickname: Some(format!("User number {n}")),
            photo: Some("https://example.com/avatar.png".to_owned()),
            password: Some(Secret::from("passw0rd!")),
            ..Default::default()
        };
        management.users().create(input).send().await.unwrap();
    }
    let page = management
        .users()
        .list()
        .page(1)
        .limit(10)
        .send()
        .await
        .unwrap();
    assert_eq!(page.list.len(), 10);
    let authentication = AuthenticationClient::builder()
        .app_id(pool.app_id.clone())
        .app_host(pool.app_host.clone())
        .enc_public_key(pool.public_key_pem.clone())
        .transport(Arc::clone(&recording))
        .build()
        .unwrap();
    authentication
        .login_by_username("user0", "passw0rd!")
        .send()
        .await
        .unwrap();

    let sent = sent.lock().unwrap();
    let find = |name: &'static str, needle: &str| {
        let request = sent
            .iter()
            .rev()
            .find(|r| String::from_utf8_lossy(r.body()).contains(needle))
            .unwrap_or_else(|| panic!("the SDK sent no {name} request"));
        Replay {
            name,
            path: request.uri().path().to_owned(),
            headers: request.headers().clone(),
            body: request.body().clone(),
        }
    };
    vec![
        find("users (page of 10)", "users(page"),
        find("loginByUsername", "loginByUsername("),
        find("accessToken", "accessToken("),
    ]
}

/// Sends `replay` `count` times from `CONCURRENCY` tasks; returns every latency and the
/// wall time taken.
async fn hammer(
    addr: std::net::SocketAddr,
    replay: &Replay,
    count: usize,
) -> (Vec<Duration>, Duration) {
    let wire: Arc<[u8]> = replay.wire(&addr.to_string()).into();
    let mut connections = Vec::with_capacity(CONCURRENCY);
    for _ in 0..CONCURRENCY {
        connections.push(Connection::open(addr).await);
    }
    let next = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + PHASE_TIME_LIMIT;
    let started = Instant::now();
    let tasks: Vec<_> = connections
        .into_iter()
        .map(|mut connection| {
            let (wire, next) = (Arc::clone(&wire), Arc::clone(&next));
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(count / CONCURRENCY + 1);
                while next.fetch_add(1, Ordering::Relaxed) < count && Instant::now() < deadline {
                    let sent = Instant::now();
                    let (status, body) = connection.exchange(&wire).await;
                    latencies.push(sent.elapsed());
                    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
                }
                latencies
            })
        })
        .collect();
    let mut all = Vec::with_capacity(count);
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    (all, started.elapsed())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

async fn run() {
    // Start time: building a fake and putting it on a socket, first time in the process.
    let started = Instant::now();
    let mock = MockAuthing::new();
    let server = mock.serve("127.0.0.1:0").await.unwrap();
    let start_time = started.elapsed();
    assert!(server.url().starts_with("http://127.0.0.1:"));

    let mut replays = capture(&mock).await;
    replays.push(Replay {
        name: "{ __typename }",
        path: "/graphql/v2".to_owned(),
        headers: [(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json"),
        )]
        .into_iter()
        .collect(),
        body: Bytes::from_static(br#"{"query":"{ __typename }"}"#),
    });

    let addr = server.addr();
    // Each request answers with data, not errors.
    for replay in &replays {
        let mut connection = Connection::open(addr).await;
        let (status, body) = connection.exchange(&replay.wire(&addr.to_string())).await;
        let text = String::from_utf8_lossy(&body);
        assert_eq!(status, 200, "{}: {text}", replay.name);
        assert!(!text.contains("\"errors\""), "{}: {text}", replay.name);
    }
    let rss_before = rss_mib();

    let mut figures = Vec::new();
    let mut total = 0;
    for replay in &replays {
        hammer(addr, replay, WARM_UP).await;
        let (mut latencies, took) = hammer(addr, replay, REQUESTS_PER_PHASE).await;
        total += latencies.len() + WARM_UP;
        latencies.sort_unstable();
        figures.push(Figures {
            name: replay.name,
            requests: latencies.len(),
            per_second: latencies.len() as f64 / took.as_secs_f64(),
            p50: percentile(&latencies, 0.50),
            p99: percentile(&latencies, 0.99),
        });
    }
    let rss_after = rss_mib();

    println!("fake Authing over HTTP/1.1 on 127.0.0.1, {CONCURRENCY} connections");
    println!();
    println!("| request | requests | req/s | p50 | p99 |");
    println!("|---|---:|---:|---:|---:|");
    for f in &figures {
        println!(
            "| {} | {} | {:.0} | {:.2} ms | {:.2} ms |",
            f.name,
            f.requests,
            f.per_second,
            f.p50.as_secs_f64() * 1e3,
            f.p99.as_secs_f64() * 1e3,
        );
    }
    println!();
    println!(
        "start (MockAuthing::new + serve): {:.2} ms",
        start_time.as_secs_f64() * 1e3
    );
    match (rss_before, rss_after) {
        (Some(before), Some(after)) => println!(
            "RSS of the whole process (fake + load generator): {before:.1} MiB before, \
             {after:.1} MiB after {total} requests"
        ),
        _ => println!("RSS: /proc/self/status is not readable here"),
    }
    println!("journal: {} requests kept", mock.requests().len());
    server.shutdown().await;
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run());
}
