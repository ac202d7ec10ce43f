//! Test-only endpoints under `/__authing_mock/`, for clients in any language; the table is
//! in the crate docs.
//!
//! They reset the fake, list every pool's secrets and every request body, so they answer
//! only callers on the same machine: the in-process transport and loopback peers. A fake
//! built with [`remote_control`](crate::MockAuthingBuilder::remote_control) also answers
//! other peers that send its admin token in [`ADMIN_TOKEN_HEADER`]; everyone else gets 403.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use authing_core::Secret;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use futures::StreamExt as _;
use http::StatusCode;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::auth::RequestContext;
use crate::clock::iso;
use crate::crypto::secret_matches;
use crate::failure::OK;
use crate::fake::Fake;
use crate::faults::FaultSpec;
use crate::qrcode_phone::QrAction;
use crate::rest::{envelope, success};

/// The reserved path prefix of the test-only endpoints.
pub(crate) const PREFIX: &str = "/__authing_mock";

/// The header a caller that is not on loopback sends the admin token in.
pub const ADMIN_TOKEN_HEADER: &str = "x-authing-mock-admin-token";

/// Marks a request that came through the in-process transport (which is never remote).
#[derive(Debug, Clone, Copy)]
pub(crate) struct InProcess;

/// The test-only routes, to nest under [`PREFIX`], behind the access rule.
pub(crate) fn routes(fake: &Arc<Fake>) -> Router<Arc<Fake>> {
    Router::new()
        .route("/reset", post(reset))
        .route("/clock", get(clock))
        .route("/clock/advance", post(advance_clock))
        .route("/requests", get(requests))
        .route("/faults", post(add_fault).delete(clear_faults))
        .route("/pools", get(pools).post(create_pool))
        .route("/snapshot", post(save_snapshot))
        .route("/restore", post(restore_snapshot))
        // auth-flows: the codes the fake sent.
        .route("/outbox", get(outbox))
        // Directory, sub-accounts, app MFA, resets, strength.
        .merge(crate::admin_logins::routes())
        // The phone's side of a QR-code login.
        .route("/qrcode/{action}", post(play_qrcode))
        .route_layer(middleware::from_fn_with_state(Arc::clone(fake), guard))
}

/// Whether `request` may use the control endpoints: it came in process or from a loopback
/// peer, or it carries the admin token of a fake that allows remote control. A request with
/// neither mark (the router mounted in a server that records no peer address) is remote.
fn allowed(remote_token: Option<&Secret>, request: &Request) -> bool {
    if request.extensions().get::<InProcess>().is_some() {
        return true;
    }
    if let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>()
        && peer.ip().to_canonical().is_loopback()
    {
        return true;
    }
    let sent = request
        .headers()
        .get(ADMIN_TOKEN_HEADER)
        .and_then(|value| value.to_str().ok());
    match (remote_token, sent) {
        (Some(token), Some(sent)) => secret_matches(sent, token.expose()),
        _ => false,
    }
}

/// Refuses callers [`allowed`] refuses, with 403.
async fn guard(State(fake): State<Arc<Fake>>, request: Request, next: Next) -> Response {
    if allowed(fake.remote_control.as_ref(), &request) {
        return next.run(request).await;
    }
    let why = if fake.remote_control.is_some() {
        "the test-only endpoints need the admin token (x-authing-mock-admin-token) from a \
         client that is not on loopback"
    } else {
        "the test-only endpoints answer only clients on loopback (start the fake with remote \
         control and an admin token to open them to others)"
    };
    envelope(StatusCode::FORBIDDEN, 403, why, Value::Null)
}

pub(crate) fn bad_request(why: impl std::fmt::Display) -> Response {
    envelope(
        StatusCode::BAD_REQUEST,
        400,
        &format!("malformed request body: {why}"),
        Value::Null,
    )
}

/// Reads and parses a JSON body (up to 1 MiB); an empty body reads as `{}`.
pub(crate) async fn read_json<T: DeserializeOwned>(request: Request) -> Result<T, Box<Response>> {
    let bytes: Bytes = axum::body::to_bytes(request.into_body(), 1 << 20)
        .await
        .map_err(|error| Box::new(bad_request(error)))?;
    let body: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        &bytes
    };
    serde_json::from_slice(body).map_err(|e| Box::new(bad_request(e)))
}

/// The body of `POST /qrcode/{scan,confirm,cancel}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct QrPlay {
    random: String,
    user_id: Option<String>,
}

/// Plays the phone of a QR-code login: `scan` (with `userId`), `confirm` or `cancel`.
async fn play_qrcode(
    State(mock): State<Arc<Fake>>,
    axum::extract::Path(action): axum::extract::Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let play: QrPlay = match read_json(request).await {
        Ok(play) => play,
        Err(response) => return *response,
    };
    let action = match (action.as_str(), play.user_id.as_deref()) {
        ("scan", Some(user_id)) => QrAction::Scan { user_id },
        ("scan", None) => return bad_request("scan needs userId"),
        ("confirm", _) => QrAction::Confirm,
        ("cancel", _) => QrAction::Cancel,
        _ => return bad_request("the action is scan, confirm or cancel"),
    };
    crate::rest::answer(
        rc.lang,
        mock.play_qrcode(&play.random, action).map(|()| Value::Null),
    )
}

async fn reset(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    mock.reset();
    success(rc.lang, Value::Null)
}

async fn clock(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    success(rc.lang, json!({ "now": iso(mock.now()) }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Advance {
    seconds: f64,
}

async fn advance_clock(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let advance: Advance = match read_json(request).await {
        Ok(advance) => advance,
        Err(response) => return *response,
    };
    let Ok(by) = Duration::try_from_secs_f64(advance.seconds) else {
        return bad_request("seconds must be a non-negative number");
    };
    mock.advance_clock(by);
    success(rc.lang, json!({ "now": iso(mock.now()) }))
}

/// How many journal entries the `requests` endpoint copies out of the journal at a time.
const STREAM_CHUNK: usize = 32;

/// `?offset=&limit=` of the `requests` endpoint (offset from the oldest request kept).
fn paging(query: Option<&str>) -> Result<(usize, usize), String> {
    let (mut offset, mut limit) = (0, usize::MAX);
    for pair in query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let number = || {
            value
                .parse::<usize>()
                .map_err(|_| format!("{key} must be a non-negative integer"))
        };
        match key {
            "offset" => offset = number()?,
            "limit" => limit = number()?,
            _ => return Err(format!("unknown query parameter {key:?}")),
        }
    }
    Ok((offset, limit))
}

/// `GET /requests?offset=&limit=`: the journal, streamed a few entries at a time so that a
/// long journal is never copied whole (the envelope is the usual `{code, message, data}`).
async fn requests(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let (offset, limit) = match paging(request.uri().query()) {
        Ok(paging) => paging,
        Err(why) => {
            return envelope(StatusCode::BAD_REQUEST, 400, &why, Value::Null);
        }
    };
    let (from, until) = {
        let journal = mock.journal();
        let from = journal.seq_at(offset);
        let count = journal.len().saturating_sub(offset).min(limit);
        (
            from,
            from.saturating_add(u64::try_from(count).unwrap_or(u64::MAX)),
        )
    };
    let head = format!(
        "{{\"code\":200,\"message\":{},\"data\":[",
        Value::String(OK.pick(rc.lang).to_owned())
    );
    let chunks = futures::stream::unfold(Some((from, true)), move |state| {
        let mock = Arc::clone(&mock);
        async move {
            let (next, first) = state?;
            let (entries, after) = mock.journal().chunk(next, until, STREAM_CHUNK);
            if entries.is_empty() {
                return Some((Ok::<_, std::io::Error>(Bytes::from_static(b"]}")), None));
            }
            let mut out = Vec::new();
            for (i, entry) in entries.iter().enumerate() {
                if !(first && i == 0) {
                    out.push(b',');
                }
                if let Err(error) = serde_json::to_writer(&mut out, entry) {
                    return Some((Err(std::io::Error::other(error)), None));
                }
            }
            Some((Ok(Bytes::from(out)), Some((after, false))))
        }
    });
    let body = futures::stream::once(async move { Ok(Bytes::from(head)) }).chain(chunks);
    Response::builder()
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(axum::body::Body::from_stream(body))
        .unwrap_or_else(|_| envelope(StatusCode::INTERNAL_SERVER_ERROR, 500, "", Value::Null))
}

async fn add_fault(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let spec: FaultSpec = match read_json(request).await {
        Ok(spec) => spec,
        Err(response) => return *response,
    };
    mock.inject_fault(spec.into_fault());
    success(rc.lang, Value::Null)
}

async fn clear_faults(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    mock.clear_faults();
    success(rc.lang, Value::Null)
}

async fn pools(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let pools: Vec<Value> = mock
        .all_credentials(&rc.origin)
        .iter()
        .map(|p| p.to_json())
        .collect();
    success(rc.lang, Value::Array(pools))
}

async fn create_pool(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    success(rc.lang, mock.create_pool(&rc.origin).to_json())
}

async fn save_snapshot(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    success(rc.lang, json!({ "id": mock.save_snapshot() }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Restore {
    id: String,
}

async fn restore_snapshot(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let restore: Restore = match read_json(request).await {
        Ok(restore) => restore,
        Err(response) => return *response,
    };
    if !mock.restore_saved(&restore.id) {
        return envelope(
            StatusCode::NOT_FOUND,
            404,
            "no snapshot with this id (saved snapshots beyond the last 32 are forgotten)",
            Value::Null,
        );
    }
    success(rc.lang, Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(peer: &str, token: Option<&str>) -> Request {
        let mut request = Request::new(axum::body::Body::empty());
        let peer: SocketAddr = peer.parse().expect("an address");
        request.extensions_mut().insert(ConnectInfo(peer));
        if let Some(token) = token {
            request.headers_mut().insert(
                ADMIN_TOKEN_HEADER,
                http::HeaderValue::from_str(token).expect("a header value"),
            );
        }
        request
    }

    #[test]
    fn loopback_and_in_process_callers_need_no_token() {
        assert!(allowed(None, &from("127.0.0.1:4000", None)));
        assert!(allowed(None, &from("[::1]:4000", None)));
        assert!(allowed(None, &from("[::ffff:127.0.0.1]:4000", None)));
        let mut in_process = Request::new(axum::body::Body::empty());
        in_process.extensions_mut().insert(InProcess);
        assert!(allowed(None, &in_process));
    }

    #[test]
    fn remote_callers_need_remote_control_and_the_token() {
        let token = Secret::from("admin-token");
        assert!(!allowed(None, &from("10.0.0.7:4000", None)));
        assert!(!allowed(None, &from("10.0.0.7:4000", Some("admin-token"))));
        assert!(!allowed(Some(&token), &from("10.0.0.7:4000", None)));
        assert!(!allowed(
            Some(&token),
            &from("10.0.0.7:4000", Some("wrong"))
        ));
        assert!(allowed(
            Some(&token),
            &from("10.0.0.7:4000", Some("admin-token"))
        ));
        // No peer address at all (a foreign server without connect info) is remote.
        assert!(!allowed(None, &Request::new(axum::body::Body::empty())));
    }
}

/// The filters of `GET /outbox`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutboxFilter {
    recipient: Option<String>,
    scene: Option<String>,
}

/// `GET /outbox?recipient=&scene=`: the codes sent (codes included), newest first.
async fn outbox(State(mock): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let filter: OutboxFilter =
        match serde_urlencoded::from_str(request.uri().query().unwrap_or_default()) {
            Ok(filter) => filter,
            Err(_) => {
                let why = "the query takes only `recipient` and `scene`";
                return envelope(StatusCode::BAD_REQUEST, 400, why, Value::Null);
            }
        };
    let sent = mock.outbox(filter.recipient.as_deref(), filter.scene.as_deref());
    let data: Vec<Value> = sent
        .iter()
        .map(|sent| {
            json!({
                "userPoolId": sent.pool_id,
                "channel": sent.channel.as_str(),
                "recipient": sent.recipient,
                "scene": sent.scene,
                "code": sent.code.expose(),
                "sentAt": iso(sent.sent_at),
                "expiresAt": iso(sent.expires_at),
                "consumed": sent.consumed,
            })
        })
        .collect();
    success(rc.lang, Value::Array(data))
}
