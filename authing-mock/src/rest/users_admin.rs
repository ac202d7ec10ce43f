//! The administrators' REST calls on users: status
//! (`/api/v2/users/{id}/suspend|activate|resign`), sessions (`POST /api/v2/users/kick`,
//! `GET /logout?userId=&appId=`, `GET /api/v2/users/login-status`), relations
//! (`/api/v2/users/{id}/roles|orgs|tenants`), external identities
//! (`/api/v2/users/identity/link|unlink`), user actions
//! (`GET /api/v2/analysis/user-action`), and reads (`GET /api/v2/users/{id}`,
//! `POST /api/v2/users/filter`, `POST /api/v2/users/batch`).
//!
//! The fake has no organisations and no tenants, so `orgs` and `tenants` answer the true
//! empty answer for a user of the pool (no org paths; the user with no tenants) and 2004
//! for anyone else.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::body::typed as body;
use super::envelope::call;
use super::page::page_json;
use crate::auth::{Access, RequestContext};
use crate::clock::iso;
use crate::domain::user_actions::{self, ActionFilter};
use crate::domain::user_filter::{self, UserFilter};
use crate::domain::user_identities::{self, LinkIdentity};
use crate::domain::{identity, namespace_or_default, roles, user_status, users};
use crate::failure::{Code, Failure};
use crate::fake::Fake;
use crate::graphql::types::{User, arn};
use crate::store::UserRecord;
use crate::store::{Page, Pool, RoleRecord, UserAction};

/// The most users one `kick` takes.
const MAX_KICK: usize = 100;

/// The routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route("/api/v2/users/{id}/suspend", post(suspend))
        .route("/api/v2/users/{id}/activate", post(activate))
        .route("/api/v2/users/{id}/resign", post(resign))
        .route("/api/v2/users/kick", post(kick))
        .route("/logout", get(logout))
        .route("/api/v2/users/login-status", get(login_status))
        .route("/api/v2/users/{id}/roles", get(user_roles))
        .route("/api/v2/users/{id}/orgs", get(user_orgs))
        .route("/api/v2/users/{id}/tenants", get(user_tenants))
        .route("/api/v2/users/identity/link", post(link_identity))
        .route("/api/v2/users/identity/unlink", post(unlink_identity))
        .route("/api/v2/analysis/user-action", get(list_user_actions))
        .route("/api/v2/users/{id}", get(user_info))
        .route("/api/v2/users/filter", post(filter_users))
        .route("/api/v2/users/batch", post(batch_users))
}

/// The request's query as `T` (2231 when it is not one).
fn query<T: DeserializeOwned>(request: &Request, what: &str) -> Result<T, Failure> {
    Query::<T>::try_from_uri(request.uri())
        .map(|Query(parsed)| parsed)
        .map_err(|_| Failure::with_text(Code::InvalidParams, what.to_owned()))
}

/// Runs a status change on user `id` (administrators); answers no data.
fn change_status(
    fake: &Fake,
    rc: &RequestContext,
    id: &str,
    change: fn(&mut Pool, &str, DateTime<Utc>) -> Result<(), Failure>,
) -> Response {
    call(fake, rc, Access::Admin, |call| {
        let now = call.now();
        call.pool(|pool| change(pool, id, now))?;
        Ok(Value::Null)
    })
}

/// Suspends a user: no login (2005) until activated; their tokens end.
async fn suspend(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    change_status(
        &fake,
        &RequestContext::of(&request),
        &id,
        user_status::suspend,
    )
}

/// Lifts a suspension.
async fn activate(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    change_status(
        &fake,
        &RequestContext::of(&request),
        &id,
        user_status::activate,
    )
}

/// Archives a user (status `Resigned`).
async fn resign(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    change_status(
        &fake,
        &RequestContext::of(&request),
        &id,
        user_status::resign,
    )
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct KickBody {
    user_ids: Vec<String>,
}

/// Ends every session of the users: all or none (2004 with `data.ids` for unknown ones).
async fn kick(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<KickBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        if input.user_ids.is_empty() || input.user_ids.len() > MAX_KICK {
            return Err(Failure::invalid_params(format!(
                "userIds takes 1 to {MAX_KICK} user ids"
            )));
        }
        let now = call.now();
        call.pool(|pool| {
            let missing: Vec<&String> = input
                .user_ids
                .iter()
                .filter(|id| pool.users.get(id).is_none())
                .collect();
            if !missing.is_empty() {
                return Err(Failure::from(Code::UserNotFound).with_data(json!({ "ids": missing })));
            }
            for id in &input.user_ids {
                identity::end_sessions(pool, id, None, now)?;
            }
            Ok(Value::Null)
        })
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LogoutQuery {
    user_id: Option<String>,
    app_id: Option<String>,
}

/// An administrator logs user `userId` out: of application `appId` when given, else of
/// every application.
async fn logout(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let parsed = query::<LogoutQuery>(&request, "userId, appId");
    call(&fake, &rc, Access::Admin, |call| {
        let parsed = parsed?;
        let user_id = parsed
            .user_id
            .filter(|id| !id.trim().is_empty())
            .ok_or_else(|| Failure::invalid_params("userId is required"))?;
        let app_id = parsed.app_id.filter(|id| !id.trim().is_empty());
        let now = call.now();
        call.pool(|pool| {
            if let Some(app_id) = &app_id {
                pool.applications.get(app_id).ok_or(Code::AppNotFound)?;
            }
            identity::end_sessions(pool, &user_id, app_id.as_deref(), now)?;
            Ok(Value::Null)
        })
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LoginStatusQuery {
    user_id: Option<String>,
    app_id: Option<String>,
    device_id: Option<String>,
}

/// Whether a user holds a live login (of application `appId`, when given): `{isLogin,
/// user, application}`, `application` listing the applications they are logged in to.
/// Devices are not tracked: `deviceId` narrows nothing.
async fn login_status(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let parsed = query::<LoginStatusQuery>(&request, "userId, appId, deviceId");
    call(&fake, &rc, Access::Admin, |call| {
        let parsed = parsed?;
        let _ = parsed.device_id;
        let user_id = parsed
            .user_id
            .filter(|id| !id.trim().is_empty())
            .ok_or_else(|| Failure::invalid_params("userId is required"))?;
        let now = call.now().timestamp();
        call.pool(|pool| {
            let user = users::get(pool, &user_id)?;
            let applications: Vec<Value> = pool
                .sessions
                .live_apps(&user_id, now)
                .into_iter()
                .filter(|app| parsed.app_id.as_deref().is_none_or(|wanted| wanted == *app))
                .filter_map(|app| pool.applications.get(app))
                .map(|app| {
                    json!({
                        "id": app.id,
                        "name": app.name,
                        "identifier": app.identifier,
                        "logo": app.logo,
                        "userPoolId": pool.id,
                    })
                })
                .collect();
            Ok(json!({
                "isLogin": !applications.is_empty(),
                "user": User::from_record(user, &pool.id, None).to_json(),
                "application": applications,
            }))
        })
    })
}

/// A role as the REST API answers it.
fn role_json(role: &RoleRecord, pool_id: &str) -> Value {
    json!({
        "id": role.id,
        "namespace": role.namespace,
        "code": role.code,
        "arn": role.arn(pool_id),
        "description": role.description,
        "isSystem": false,
        "createdAt": iso(role.created_at),
        "updatedAt": iso(role.updated_at),
    })
}

#[derive(Deserialize)]
struct NamespaceQuery {
    namespace: Option<String>,
}

/// The user's roles of `namespace` (the default one when not given), as `user { roles }`.
async fn user_roles(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let parsed = query::<NamespaceQuery>(&request, "namespace");
    call(&fake, &rc, Access::Admin, |call| {
        let parsed = parsed?;
        let namespace = namespace_or_default(parsed.namespace.as_deref());
        call.pool(|pool| {
            users::get(pool, &id)?;
            let list: Vec<Value> = roles::user_roles(pool, &id, namespace)
                .into_iter()
                .map(|role| role_json(role, &pool.id))
                .collect();
            Ok(json!({ "totalCount": list.len(), "list": list }))
        })
    })
}

/// The user's org paths: none, the fake has no organisations (2004 for an unknown user).
async fn user_orgs(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        call.pool(|pool| {
            users::get(pool, &id)?;
            Ok(json!([]))
        })
    })
}

/// The user with their tenants: none, the fake has no tenants (2004 for an unknown user).
async fn user_tenants(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        call.pool(|pool| {
            let user = users::get(pool, &id)?;
            let mut answer = User::from_record(user, &pool.id, None).to_json();
            if let Value::Object(fields) = &mut answer {
                fields.insert("tenants".to_owned(), json!([]));
            }
            Ok(answer)
        })
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LinkBody {
    user_id: String,
    user_id_in_idp: String,
    #[serde(default)]
    is_social: bool,
    #[serde(rename = "type")]
    kind: Option<String>,
    identifier: String,
}

/// Binds an external identity to a user (2004, 2215, 2231); answers the user.
async fn link_identity(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<LinkBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let link = LinkIdentity {
            user_id: input.user_id,
            identifier: input.identifier,
            user_id_in_idp: input.user_id_in_idp,
            is_social: input.is_social,
            kind: input.kind,
        };
        let now = call.now();
        call.pool(|pool| {
            let user = user_identities::link(pool, link, now)?;
            Ok(User::from_record(user, call.pool_id(), None).to_json())
        })
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UnlinkBody {
    user_id: String,
    #[serde(default)]
    is_social: bool,
    #[serde(rename = "type")]
    kind: Option<String>,
    identifier: String,
}

/// Unbinds a connection's identities from a user (2004, 2216); answers the user.
async fn unlink_identity(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<UnlinkBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let _ = input.is_social;
        let now = call.now();
        call.pool(|pool| {
            let user = user_identities::unlink(
                pool,
                &input.user_id,
                &input.identifier,
                input.kind.as_deref(),
                now,
            )?;
            Ok(User::from_record(user, call.pool_id(), None).to_json())
        })
    })
}

/// The values of a query key: repeated (`k=a&k=b`), with brackets (`k[]=a`), or one JSON
/// array (`k=["a","b"]`, how this SDK sends lists).
fn values(pairs: &[(String, String)], key: &str) -> Vec<String> {
    let bracketed = format!("{key}[]");
    let mut found = Vec::new();
    for (name, value) in pairs {
        if name != key && *name != bracketed {
            continue;
        }
        match serde_json::from_str::<Vec<String>>(value) {
            Ok(list) if value.trim_start().starts_with('[') => found.extend(list),
            _ => found.push(value.clone()),
        }
    }
    found
}

/// An instant of a query: Unix milliseconds or RFC 3339 text.
fn instant(pairs: &[(String, String)], key: &str) -> Result<Option<DateTime<Utc>>, Failure> {
    let Some(text) = values(pairs, key).into_iter().next() else {
        return Ok(None);
    };
    if let Ok(millis) = text.parse::<i64>() {
        return DateTime::from_timestamp_millis(millis)
            .map(Some)
            .ok_or_else(|| Failure::with_text(Code::InvalidParams, key.to_owned()));
    }
    DateTime::parse_from_rfc3339(&text)
        .map(|at| Some(at.with_timezone(&Utc)))
        .map_err(|_| Failure::with_text(Code::InvalidParams, key.to_owned()))
}

/// A number of a query (2231 when it is not one).
fn number(pairs: &[(String, String)], key: &str) -> Result<Option<i32>, Failure> {
    values(pairs, key)
        .into_iter()
        .next()
        .map(|text| {
            text.parse::<i32>()
                .map_err(|_| Failure::with_text(Code::InvalidParams, key.to_owned()))
        })
        .transpose()
}

/// The filter and page of a user-action listing's query.
fn action_query(request: &Request) -> Result<(ActionFilter, Page), Failure> {
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(request.uri().query().unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let flag = values(&pairs, "exclude_non_app_records");
    let filter = ActionFilter {
        client_ip: values(&pairs, "clientip").into_iter().next(),
        operation_names: values(&pairs, "operation_name"),
        operator_arns: values(&pairs, "operator_arn"),
        app_ids: values(&pairs, "app_id"),
        exclude_non_app_records: flag.iter().any(|v| v == "1" || v == "true"),
        start: instant(&pairs, "start")?,
        end: instant(&pairs, "end")?,
    };
    let page = Page::new(number(&pairs, "page")?, number(&pairs, "limit")?);
    Ok((filter, page))
}

/// An action as Authing's analysis endpoint answers it (the raw record).
fn action_json(action: &UserAction, pool: &Pool) -> Value {
    let app_name = action
        .app_id
        .as_deref()
        .and_then(|id| pool.applications.get(id))
        .map(|app| app.name.clone());
    json!({
        "operator_arn": arn(&pool.id, &action.user_id),
        "@timestamp": iso(action.at),
        "timestamp": iso(action.at),
        "userpool_id": pool.id,
        "app_id": action.app_id,
        "operation_name": action.operation,
        "operation_desc": action.operation,
        "clientip": action.client_ip,
        "geoip": { "ip": action.client_ip },
        "user": {
            "id": action.user_id,
            "userPoolId": pool.id,
            "displayName": action.display_name,
        },
        "app": { "id": action.app_id, "name": app_name },
    })
}

/// One page of the pool's user actions, newest first, filtered by `clientip`,
/// `operation_name`, `operator_arn`, `app_id`, `exclude_non_app_records`, `start`, `end`.
async fn list_user_actions(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let parsed = action_query(&request);
    call(&fake, &rc, Access::Admin, |call| {
        let (filter, page) = parsed?;
        call.pool(|pool| {
            let found = user_actions::list(pool, &filter, page);
            Ok(page_json(found, |action| action_json(action, pool)))
        })
    })
}

#[derive(Deserialize)]
struct InfoQuery {
    with_custom_data: Option<String>,
}

/// One user, with their custom data when `with_custom_data=true` (2004 for no one).
async fn user_info(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let parsed = query::<InfoQuery>(&request, "with_custom_data");
    call(&fake, &rc, Access::Admin, |call| {
        let with_custom_data = match parsed?.with_custom_data.as_deref() {
            None | Some("false" | "0") => false,
            Some("true" | "1") => true,
            Some(_) => return Err(Failure::with_text(Code::InvalidParams, "with_custom_data")),
        };
        call.pool(|pool| {
            let user = users::get(pool, &id)?;
            Ok(user_json(user, &pool.id, with_custom_data))
        })
    })
}

/// A user as these routes answer one: with `customData` only when asked for.
fn user_json(user: &UserRecord, pool_id: &str, with_custom_data: bool) -> Value {
    let mut answer = User::from_record(user, pool_id, None).to_json();
    if !with_custom_data && let Value::Object(fields) = &mut answer {
        fields.remove("customData");
    }
    answer
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BatchBody {
    ids: Vec<String>,
    /// What `ids` are: `id` (the default), `username`, `email`, `phone` or `externalId`.
    #[serde(rename = "type")]
    kind: Option<String>,
    with_custom_data: Option<bool>,
}

/// `POST /api/v2/users/batch` (the JS SDK's `users.batch`): the users `ids` name, in the
/// order asked, unknown ones left out, as `userBatch` answers them.
async fn batch_users(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<BatchBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let with_custom_data = input.with_custom_data.unwrap_or(false);
        call.pool(|pool| {
            let found = users::batch(pool, &input.ids, input.kind.as_deref())?;
            let list = found
                .into_iter()
                .map(|user| user_json(user, &pool.id, with_custom_data))
                .collect();
            Ok(Value::Array(list))
        })
    })
}

#[derive(Deserialize)]
struct FilterBody {
    page: Option<i32>,
    limit: Option<i32>,
    filter: Option<Value>,
}

/// One page of the users meeting every condition of `filter`, newest first.
async fn filter_users(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<FilterBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let filter = UserFilter::parse(input.filter.as_ref())?;
        let page = Page::new(input.page, input.limit);
        call.pool(|pool| {
            let found = user_filter::filter(pool, &filter, page);
            Ok(page_json(found, |user| {
                User::from_record(user, &pool.id, None).to_json()
            }))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &str) -> Vec<(String, String)> {
        url::form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect()
    }

    #[test]
    fn list_queries_in_every_sdks_form() {
        // py: one value; js (axios): `key[]=` repeated; this SDK: one JSON array.
        for query in [
            "operation_name=login",
            "operation_name[]=login&operation_name[]=logout",
            "operation_name=%5B%22login%22%2C%22logout%22%5D",
            "operation_name=login&operation_name=logout",
        ] {
            let found = values(&pairs(query), "operation_name");
            assert_eq!(found[0], "login", "{query}");
            assert!(found.len() <= 2, "{query}");
        }
        assert!(values(&pairs("page=1"), "operation_name").is_empty());
        assert_eq!(number(&pairs("page=2"), "page").expect("a number"), Some(2));
        let bad = number(&pairs("page=two"), "page").expect_err("not a number");
        assert_eq!(bad.number(), 2231);
        let at = instant(&pairs("start=1764115200000"), "start").expect("millis");
        assert_eq!(at.map(|at| at.timestamp()), Some(1_764_115_200));
        let at = instant(&pairs("end=2026-11-26T00:00:00Z"), "end").expect("text");
        assert!(at.is_some());
        assert!(instant(&pairs("end=yesterday"), "end").is_err());
    }
}
