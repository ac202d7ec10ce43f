//! A load benchmark of the fake Authing's HTTP door: requests per second and latency
//! percentiles of four requests side by side, the memory the process holds after them, and
//! how long a fake takes to start.
//!
//! It starts the fake on 127.0.0.1 (and sends traffic nowhere else), captures the exact
//! requests the SDK sends (through a recording transport over the in-process door), then
//! replays each one from `CONCURRENCY` keep-alive connections:
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
use http_body_util::{BodyExt as _, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

/// Connections (and requests in flight) per phase.
const CONCURRENCY: usize = 32;
/// Requests per phase (4 phases: 100k requests in all).
const REQUESTS_PER_PHASE: usize = 25_000;
/// The longest a phase may run.
const PHASE_TIME_LIMIT: Duration = Duration::from_secs(30);
/// Requests before measuring (connections open, caches warm).
const WARM_UP: usize = 500;

type HttpClient = Client<HttpConnector, Full<Bytes>>;

/// One captured request, ready to replay to the fake's URL.
#[derive(Clone)]
struct Replay {
    name: &'static str,
    path: String,
    headers: http::HeaderMap,
    body: Bytes,
}

impl Replay {
    fn request(&self, base: &str) -> http::Request<Full<Bytes>> {
        let mut request = http::Request::post(format!("{base}{}", self.path))
            .body(Full::new(self.body.clone()))
            .unwrap();
        for (name, value) in &self.headers {
            if name != http::header::HOST && name != http::header::CONTENT_LENGTH {
                request.headers_mut().insert(name, value.clone());
            }
        }
        request
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
    client: &HttpClient,
    base: &str,
    replay: &Replay,
    count: usize,
) -> (Vec<Duration>, Duration) {
    let next = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + PHASE_TIME_LIMIT;
    let started = Instant::now();
    let tasks: Vec<_> = (0..CONCURRENCY)
        .map(|_| {
            let (client, base, replay, next) = (
                client.clone(),
                base.to_owned(),
                replay.clone(),
                Arc::clone(&next),
            );
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(count / CONCURRENCY + 1);
                while next.fetch_add(1, Ordering::Relaxed) < count && Instant::now() < deadline {
                    let sent = Instant::now();
                    let response = client.request(replay.request(&base)).await.unwrap();
                    let status = response.status();
                    let body = response.into_body().collect().await.unwrap().to_bytes();
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
    let base = server.url().to_owned();
    assert!(base.starts_with("http://127.0.0.1:"));

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

    let client: HttpClient = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(CONCURRENCY * 2)
        .build_http();
    // Each request answers with data, not errors.
    for replay in &replays {
        let response = client.request(replay.request(&base)).await.unwrap();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&body);
        assert!(!text.contains("\"errors\""), "{}: {text}", replay.name);
    }
    let rss_before = rss_mib();

    let mut figures = Vec::new();
    let mut total = 0;
    for replay in &replays {
        hammer(&client, &base, replay, WARM_UP).await;
        let (mut latencies, took) = hammer(&client, &base, replay, REQUESTS_PER_PHASE).await;
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
