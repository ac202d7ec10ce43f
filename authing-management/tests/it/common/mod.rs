//! A scripted stand-in for Authing, a movable clock and canned answers.

#![allow(dead_code, missing_docs)]

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use authing_core::{Clock, Transport, TransportError, transport_fn};
use authing_management::{ManagementClient, ManagementClientBuilder};
use bytes::Bytes;
use serde_json::{Value, json};

pub const POOL: &str = "pool-1";
pub const SECRET: &str = "pool-secret-xyz";
/// When the fake's first token is issued, by both clocks.
pub const T0: i64 = 1_700_000_000;

/// One request the fake saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub operation: String,
    pub variables: Value,
    pub authorization: Option<String>,
    pub headers: http::HeaderMap,
    pub uri: String,
}

impl Seen {
    pub fn bearer(&self) -> Option<&str> {
        self.authorization
            .as_deref()
            .and_then(|v| v.strip_prefix("Bearer "))
    }
}

/// What the fake answers.
pub enum Reply {
    Json(String),
    Status(u16, String),
    Fail(TransportError),
    Delayed(Duration, Box<Reply>),
}

impl Reply {
    pub fn data(root: &str, value: Value) -> Self {
        Self::Json(json!({ "data": { root: value } }).to_string())
    }

    pub fn error(code: i64, message: &str) -> Self {
        Self::Json(
            json!({ "data": null, "errors": [{ "message": { "code": code, "message": message } }] })
                .to_string(),
        )
    }

    pub fn token(token: &str, iat: i64, exp: i64) -> Self {
        Self::data(
            "accessToken",
            json!({ "accessToken": token, "iat": iat, "exp": exp }),
        )
    }

    pub fn after(self, delay: Duration) -> Self {
        Self::Delayed(delay, Box::new(self))
    }
}

/// Every request the fake saw, in order.
#[derive(Clone, Default)]
pub struct Log(Arc<Mutex<Vec<Seen>>>);

impl Log {
    pub fn all(&self) -> Vec<Seen> {
        self.0.lock().expect("log").clone()
    }

    pub fn of(&self, operation: &str) -> Vec<Seen> {
        self.all()
            .into_iter()
            .filter(|s| s.operation == operation)
            .collect()
    }

    pub fn count(&self, operation: &str) -> usize {
        self.of(operation).len()
    }

    pub fn admin(&self) -> Vec<Seen> {
        self.all()
            .into_iter()
            .filter(|s| s.operation != "accessToken")
            .collect()
    }
}

pub type Handler = Arc<dyn Fn(&Seen) -> Reply + Send + Sync>;

/// A transport that records each request and answers with `handler`.
pub fn fake(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> (Arc<dyn Transport>, Log) {
    let log = Log::default();
    let handler: Handler = Arc::new(handler);
    let recorded = log.clone();
    let transport = transport_fn(move |request: http::Request<Bytes>| {
        let body: Value = serde_json::from_slice(request.body()).unwrap_or(Value::Null);
        let seen = Seen {
            operation: body["operationName"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            variables: body["variables"].clone(),
            authorization: request
                .headers()
                .get(http::header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            headers: request.headers().clone(),
            uri: request.uri().to_string(),
        };
        recorded.0.lock().expect("log").push(seen.clone());
        let reply = handler(&seen);
        async move { answer(reply).await }
    });
    (Arc::new(transport), log)
}

fn answer(
    reply: Reply,
) -> std::pin::Pin<Box<dyn Future<Output = Result<http::Response<Bytes>, TransportError>> + Send>> {
    Box::pin(async move {
        match reply {
            Reply::Json(body) => Ok(http::Response::new(Bytes::from(body))),
            Reply::Status(status, body) => Ok(http::Response::builder()
                .status(status)
                .body(Bytes::from(body))
                .expect("valid response")),
            Reply::Fail(error) => Err(error),
            Reply::Delayed(delay, reply) => {
                tokio::time::sleep(delay).await;
                answer(*reply).await
            }
        }
    })
}

/// A fake that hands out `tok-1`, `tok-2`, ... (each living two hours from `T0`) and answers
/// admin calls with `admin`.
pub fn fake_with_tokens(
    admin: impl Fn(&Seen) -> Reply + Send + Sync + 'static,
) -> (Arc<dyn Transport>, Log) {
    let issued = Arc::new(AtomicI64::new(0));
    fake(move |seen| {
        if seen.operation == "accessToken" {
            let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
            Reply::token(&format!("tok-{n}"), T0, T0 + 7200)
        } else {
            admin(seen)
        }
    })
}

/// A clock tests move by hand.
#[derive(Debug)]
pub struct TestClock(AtomicI64);

impl TestClock {
    pub fn at(unix_seconds: i64) -> Arc<Self> {
        Arc::new(Self(AtomicI64::new(unix_seconds)))
    }

    pub fn set(&self, unix_seconds: i64) {
        self.0.store(unix_seconds, Ordering::SeqCst);
    }
}

impl Clock for TestClock {
    fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(self.0.load(Ordering::SeqCst).unsigned_abs())
    }
}

pub fn builder(transport: Arc<dyn Transport>) -> ManagementClientBuilder<Arc<dyn Transport>> {
    ManagementClient::builder(POOL, SECRET)
        .host("https://authing.example.com")
        .transport(transport)
}

pub fn client(transport: Arc<dyn Transport>, clock: Arc<TestClock>) -> ManagementClient {
    builder(transport)
        .clock(clock)
        .build()
        .expect("valid configuration")
}

/// A user as Authing answers it.
pub fn user_json(id: &str) -> Value {
    json!({
        "id": id, "arn": format!("arn:cn:authing:{POOL}:user:{id}"), "userPoolId": POOL,
        "status": "Activated", "username": format!("name-{id}"), "email": null,
        "token": null, "password": null, "customData": null
    })
}

pub fn users_page(ids: &[&str]) -> Value {
    json!({ "totalCount": ids.len(), "list": ids.iter().map(|id| user_json(id)).collect::<Vec<_>>() })
}
