//! `POST /api/v2/roles/roleUsers`: the users of a role, searched by keyword
//! (administrators).

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::post;
use bytes::Bytes;
use http::request::Parts;
use serde::Deserialize;

use super::envelope::call;
use super::page::page_json;
use crate::auth::{Access, RequestContext};
use crate::domain::namespace_or_default;
use crate::domain::roles;
use crate::failure::Failure;
use crate::fake::Fake;
use crate::graphql::types::User;
use crate::store::Page;

/// The role routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new().route("/api/v2/roles/roleUsers", post(role_users))
}

/// The body of `roleUsers`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RoleUsersBody {
    code: String,
    namespace: Option<String>,
    page: Option<i32>,
    limit: Option<i32>,
    search: Option<String>,
}

/// One page of the role's users matching `search` (2410 for an unknown role, 2231 for a
/// body that is not the object above).
async fn role_users(State(fake): State<Arc<Fake>>, parts: Parts, body: Bytes) -> Response {
    let rc = RequestContext::from_parts(&parts);
    call(&fake, &rc, Access::Admin, |call| {
        // serde's message may quote the body; say only where it broke.
        let body: RoleUsersBody = serde_json::from_slice(&body).map_err(|error| {
            Failure::invalid_params(format!(
                "the body is not a roleUsers request (line {}, column {})",
                error.line(),
                error.column()
            ))
        })?;
        let namespace = namespace_or_default(body.namespace.as_deref());
        let search = body.search.unwrap_or_default();
        call.pool(|pool| {
            let found = roles::find_users(
                pool,
                namespace,
                &body.code,
                &search,
                Page::new(body.page, body.limit),
            )?;
            Ok(page_json(found, |user| {
                User::from_record(user, &pool.id, None).to_json()
            }))
        })
    })
}
