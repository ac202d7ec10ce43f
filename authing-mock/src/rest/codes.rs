//! `POST /api/v2/sms/send`: sends an SMS code (recorded in the fake's outbox).

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::post;
use serde::Deserialize;
use serde_json::Value;

use super::envelope::{call, failure};
use crate::auth::{Access, RequestContext};
use crate::domain::codes::{self, Send};
use crate::failure::Failure;
use crate::fake::Fake;
use crate::store::{Channel, SMS_SCENE};

/// The code routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new().route("/api/v2/sms/send", post(send_sms))
}

/// The body of `POST /api/v2/sms/send`.
#[derive(Deserialize)]
struct SmsRequest {
    phone: String,
}

/// Sends a code to `phone` (scene [`SMS_SCENE`]): 2231 for a missing or malformed phone,
/// 2100 for a second one within 60 s.
async fn send_sms(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let body = super::body::read(request).await;
    // serde's messages may quote the body: say only what was expected.
    let parsed = body
        .ok()
        .and_then(|bytes| serde_json::from_slice::<SmsRequest>(&bytes).ok());
    let Some(sms) = parsed else {
        let why = Failure::invalid_params("the body must be a JSON object with a `phone`");
        return failure(rc.lang, &why);
    };
    call(&fake, &rc, Access::SignedOrApp, |call| {
        let send = Send {
            channel: Channel::Sms,
            recipient: &sms.phone,
            scene: SMS_SCENE,
            fixed: call.fake.fixed_code.as_deref(),
            now: call.now(),
        };
        call.pool(|pool| codes::send(pool, send))?;
        Ok(Value::Null)
    })
}
