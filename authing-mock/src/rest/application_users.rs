//! Who uses an application: `GET /api/v2/applications/{appId}/active-users` (the users who
//! logged in through it) and `GET /api/v2/application/{appId}/tenants` (the fake has no
//! tenants yet: an honest empty list). Administrators only.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Request, State};
use axum::response::Response;
use axum::routing::get;
use serde_json::json;

use super::applications::PageQuery;
use super::envelope::call;
use super::page::page_json;
use crate::auth::{Access, RequestContext};
use crate::domain::applications;
use crate::fake::Fake;
use crate::graphql::types::User;

/// The routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route("/api/v2/applications/{id}/active-users", get(active_users))
        .route("/api/v2/application/{id}/tenants", get(tenants))
}

async fn active_users(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let page = PageQuery::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        let page = page?;
        call.pool(|pool| {
            let paged = applications::active_users(pool, &id, page)?;
            Ok(page_json(paged, |user| {
                let mut json = User::from_record(user, &pool.id, None).to_json();
                if let Some(map) = json.as_object_mut() {
                    map.insert("thirdPartyIdentity".to_owned(), json!([]));
                }
                json
            }))
        })
    })
}

async fn tenants(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        call.pool(|pool| {
            let app = applications::get(pool, &id)?;
            Ok(json!({
                "id": app.id,
                "name": app.name,
                "logo": app.logo,
                "domain": app.identifier,
                "description": null,
                "createdAt": crate::clock::iso(app.created_at),
                "updatedAt": crate::clock::iso(app.updated_at),
                "protocol": "oidc",
                "isIntegrate": false,
                "tenants": [],
            }))
        })
    })
}
