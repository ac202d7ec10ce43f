//! `GET /api/v2/applications/{appId}/public-config`, an application's
//! public configuration (`domain::app_config`). Anyone may read it, on the pool the
//! request's headers name.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Request, State};
use axum::response::Response;
use axum::routing::get;

use super::envelope::call;
use crate::auth::{Access, RequestContext};
use crate::domain::app_config::{self, Deployment};
use crate::fake::Fake;

/// The routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new().route(
        "/api/v2/applications/{id}/public-config",
        get(public_config),
    )
}

async fn public_config(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::App, |call| {
        let deployment = Deployment {
            public_key: call.fake.public_key_pem(),
            websocket: &call.rc.origin,
        };
        call.pool(|pool| app_config::public_config(pool, &app_id, deployment))
    })
}
