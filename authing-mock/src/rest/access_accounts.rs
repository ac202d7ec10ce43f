//! Programmatic access accounts: `…/applications/{appId}/programmatic-access-accounts`
//! (list, create) and `…/applications/programmatic-access-accounts` (delete by `?id=`,
//! `PATCH` a new secret or enabled / disabled). Administrators only.

use std::sync::Arc;

use authing_core::Secret;
use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;
use serde_json::Value;

use super::applications::PageQuery;
use super::body::typed as body;
use super::envelope::call;
use super::page::page_json;
use crate::auth::{Access, RequestContext};
use crate::domain::access_accounts::{self, AccountChange};
use crate::failure::{Code, Failure};
use crate::fake::Fake;

/// The programmatic-access-account routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route(
            "/api/v2/applications/{id}/programmatic-access-accounts",
            get(list).post(create),
        )
        .route(
            "/api/v2/applications/programmatic-access-accounts",
            axum::routing::delete(delete).patch(update),
        )
}

async fn list(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let page = PageQuery::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        let page = page?;
        call.pool(|pool| {
            let paged = access_accounts::list(pool, &app_id, page)?;
            Ok(page_json(paged, |account| account.to_json()))
        })
    })
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CreateBody {
    token_lifetime: Option<i64>,
    remarks: Option<String>,
    /// The Go SDK's name of `remarks`.
    remark: Option<String>,
}

async fn create(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<CreateBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let now = call.now();
        call.pool(|pool| {
            let remarks = input.remarks.or(input.remark);
            Ok(
                access_accounts::create(pool, &app_id, input.token_lifetime, remarks, now)?
                    .to_json(),
            )
        })
    })
}

#[derive(Debug, Default, Deserialize)]
struct IdQuery {
    id: Option<String>,
}

async fn delete(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let id = Query::<IdQuery>::try_from_uri(request.uri())
        .map_err(|_| Failure::with_text(Code::InvalidParams, "id"))
        .and_then(|Query(q)| q.id.ok_or_else(|| Failure::invalid_params("id")));
    call(&fake, &rc, Access::Admin, |call| {
        let id = id?;
        call.pool(|pool| access_accounts::delete(pool, &id))?;
        Ok(Value::Bool(true))
    })
}

#[derive(Debug, Deserialize)]
struct PatchBody {
    id: String,
    secret: Option<Secret>,
    enabled: Option<bool>,
}

async fn update(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<PatchBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let now = call.now();
        let change = AccountChange {
            secret: input.secret,
            enabled: input.enabled,
        };
        call.pool(|pool| Ok(access_accounts::update(pool, &input.id, change, now)?.to_json()))
    })
}
