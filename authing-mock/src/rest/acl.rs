//! Resources (`/api/v2/resources`), namespaces (`/api/v2/resource-namespace/{userPoolId}`,
//! by numeric id or by code), `POST /api/v2/acl/revoke-resource`, and JS 4.23's
//! `POST /api/v2/acl/is-allowed`, `authorize-resources`, `revoke-resources` and
//! `list-authorized-resources-batch`.
//! Administrators only;
//! thin calls into `domain::acl` and `domain::namespaces`.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::response::Response;
use axum::routing::{get, post, put};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::applications::PageQuery;
use super::body::typed as body;
use super::envelope::call;
use crate::auth::{Access, Call, RequestContext};
use crate::domain::acl::{self, Authorization, NewResource, ResourceChange};
use crate::domain::authz;
use crate::domain::namespace_or_default;
use crate::domain::namespaces::{self, NamespaceChange};
use crate::failure::{Code, Failure};
use crate::fake::Fake;
use crate::store::{ResourceAction, ResourceKind, TargetType};

/// The ACL routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route(
            "/api/v2/resources",
            get(list_resources).post(create_resource),
        )
        .route("/api/v2/resources/detail", get(resource_detail))
        .route(
            "/api/v2/resources/{code}",
            post(update_resource).delete(delete_resource),
        )
        .route("/api/v2/acl/revoke-resource", post(revoke_resource))
        .route("/api/v2/acl/is-allowed", post(is_allowed))
        .route("/api/v2/acl/authorize-resources", post(authorize_resources))
        .route("/api/v2/acl/revoke-resources", post(revoke_resources))
        .route(
            "/api/v2/acl/list-authorized-resources-batch",
            post(list_authorized_resources_batch),
        )
        .route(
            "/api/v2/resource-namespace/{pool}",
            get(list_namespaces).post(create_namespace),
        )
        .route(
            "/api/v2/resource-namespace/{pool}/{id}",
            put(update_namespace).delete(delete_namespace),
        )
        .route(
            "/api/v2/resource-namespace/{pool}/code/{code}",
            put(update_namespace_by_code).delete(delete_namespace_by_code),
        )
}

/// The request's query string as `T` (2231 naming `what` when it does not parse).
fn query<T: DeserializeOwned + Default>(request: &Request, what: &str) -> Result<T, Failure> {
    match request.uri().query() {
        None => Ok(T::default()),
        Some(_) => Query::<T>::try_from_uri(request.uri())
            .map(|Query(parsed)| parsed)
            .map_err(|_| Failure::with_text(Code::InvalidParams, what.to_owned())),
    }
}

fn kind(name: Option<&str>) -> Result<Option<ResourceKind>, Failure> {
    match name {
        None | Some("") => Ok(None),
        Some(name) => ResourceKind::of_wire_name(name)
            .map(Some)
            .ok_or_else(|| Failure::with_text(Code::InvalidParams, "type")),
    }
}

#[derive(Debug, Deserialize)]
struct ActionBody {
    name: String,
    description: Option<String>,
}

fn actions(list: Vec<ActionBody>) -> Vec<ResourceAction> {
    list.into_iter()
        .map(|a| ResourceAction {
            name: a.name,
            description: a.description,
        })
        .collect()
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ResourcesQuery {
    namespace: Option<String>,
    /// The JavaScript SDK's deprecated name of `namespace`.
    namespace_code: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    /// The Go SDK's name of `type`.
    resource_type: Option<String>,
    page: Option<i32>,
    limit: Option<i32>,
}

async fn list_resources(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let parsed = query::<ResourcesQuery>(&request, "namespace, type, page, limit");
    call(&fake, &rc, Access::Admin, |call| {
        let parsed = parsed?;
        let namespace = parsed.namespace.or(parsed.namespace_code);
        let namespace = namespace_or_default(namespace.as_deref()).to_owned();
        let kind = kind(parsed.kind.or(parsed.resource_type).as_deref())?;
        let page = crate::store::Page::new(parsed.page, parsed.limit);
        let now = call.now();
        call.pool(|pool| {
            let paged = acl::list(pool, &namespace, kind, page, now)?;
            let ids: Vec<String> = paged.items.iter().map(|r| r.id.clone()).collect();
            let total = paged.total;
            let list: Vec<Value> = ids
                .iter()
                .filter_map(|id| pool.resources.get(id))
                .map(|r| r.to_json(pool))
                .collect();
            Ok(json!({ "totalCount": total, "list": list }))
        })
    })
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CreateResourceBody {
    code: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    actions: Vec<ActionBody>,
    namespace: Option<String>,
    description: Option<String>,
    api_identifier: Option<String>,
}

async fn create_resource(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<CreateResourceBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let kind = kind(Some(&input.kind))?.ok_or_else(|| Failure::invalid_params("type"))?;
        let namespace = namespace_or_default(input.namespace.as_deref()).to_owned();
        let new = NewResource {
            code: input.code,
            kind,
            actions: actions(input.actions),
            description: input.description,
            api_identifier: input.api_identifier,
        };
        let now = call.now();
        call.pool(|pool| {
            let id = acl::create(pool, &namespace, new, now)?.id.clone();
            Ok(acl::get_by_id(pool, &id)?.to_json(pool))
        })
    })
}

#[derive(Debug, Default, Deserialize)]
struct DetailQuery {
    id: Option<String>,
    namespace: Option<String>,
    code: Option<String>,
}

async fn resource_detail(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let parsed = query::<DetailQuery>(&request, "id, namespace, code");
    call(&fake, &rc, Access::Admin, |call| {
        let parsed = parsed?;
        call.pool(|pool| {
            let resource = match (&parsed.id, &parsed.code) {
                (Some(id), _) => acl::get_by_id(pool, id)?,
                (None, Some(code)) => acl::get(
                    pool,
                    namespace_or_default(parsed.namespace.as_deref()),
                    code,
                )?,
                (None, None) => return Err(Failure::invalid_params("id or code")),
            };
            Ok(resource.to_json(pool))
        })
    })
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct UpdateResourceBody {
    namespace: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    actions: Option<Vec<ActionBody>>,
    description: Option<String>,
    api_identifier: Option<String>,
}

async fn update_resource(
    State(fake): State<Arc<Fake>>,
    Path(code): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<UpdateResourceBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let namespace = namespace_or_default(input.namespace.as_deref()).to_owned();
        let change = ResourceChange {
            kind: kind(input.kind.as_deref())?,
            actions: input.actions.map(actions),
            description: input.description,
            api_identifier: input.api_identifier,
        };
        let now = call.now();
        call.pool(|pool| {
            let id = acl::update(pool, &namespace, &code, change, now)?
                .id
                .clone();
            Ok(acl::get_by_id(pool, &id)?.to_json(pool))
        })
    })
}

#[derive(Debug, Default, Deserialize)]
struct NamespaceQuery {
    namespace: Option<String>,
}

async fn delete_resource(
    State(fake): State<Arc<Fake>>,
    Path(code): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let from_query = query::<NamespaceQuery>(&request, "namespace");
    // The Go SDK sends the namespace in a JSON body instead.
    let from_body = match from_query {
        Ok(NamespaceQuery { namespace: None }) => body::<NamespaceQuery>(request)
            .await
            .map(|b| b.namespace)
            .unwrap_or(None),
        _ => None,
    };
    call(&fake, &rc, Access::Admin, |call| {
        let namespace = from_query?.namespace.or(from_body);
        let namespace = namespace_or_default(namespace.as_deref()).to_owned();
        call.pool(|pool| acl::delete(pool, &namespace, &code))?;
        Ok(Value::Bool(true))
    })
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RevokeTarget {
    target_type: String,
    target_identifier: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RevokeBody {
    namespace: Option<String>,
    resource: String,
    #[serde(default)]
    opts: Vec<RevokeTarget>,
}

fn target_type(name: &str) -> Result<TargetType, Failure> {
    match name {
        "USER" => Ok(TargetType::User),
        "ROLE" => Ok(TargetType::Role),
        "GROUP" => Ok(TargetType::Group),
        "ORG" => Ok(TargetType::Org),
        "AK_SK" => Ok(TargetType::AkSk),
        _ => Err(Failure::with_text(Code::InvalidParams, "targetType")),
    }
}

async fn revoke_resource(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<RevokeBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let namespace = namespace_or_default(input.namespace.as_deref()).to_owned();
        let targets = input
            .opts
            .into_iter()
            .map(|t| Ok((target_type(&t.target_type)?, t.target_identifier)))
            .collect::<Result<Vec<_>, Failure>>()?;
        call.pool(|pool| acl::revoke(pool, &namespace, &input.resource, &targets))?;
        Ok(Value::Bool(true))
    })
}

/// The JS SDK also sends `tenantId` with this and the batch bodies below: ignored, as the
/// fake models no tenants (a tenant's answer is the pool's).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct IsAllowedBody {
    user_id: String,
    resource: String,
    action: String,
    namespace: Option<String>,
}

/// `POST /api/v2/acl/is-allowed` (the JS SDK 4.23's `acl.isAllowed`): `{allowed}`, the same
/// answer as `isActionAllowed` (2004 for an unknown user).
async fn is_allowed(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<IsAllowedBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let namespace = namespace_or_default(input.namespace.as_deref());
        call.pool(|pool| {
            crate::domain::users::get(pool, &input.user_id)?;
            let user = (TargetType::User, input.user_id.as_str());
            let allowed = authz::is_allowed(pool, namespace, user, &input.resource, &input.action);
            Ok(json!({ "allowed": allowed }))
        })
    })
}

/// One resource of a batch grant: its code, type and the actions given (all when unset).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BatchResource {
    code: String,
    actions: Option<Vec<String>>,
    resource_type: Option<String>,
}

/// One item of a batch grant: these targets get (or lose) these resources.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BatchItem {
    target_type: String,
    #[serde(default)]
    target_identifiers: Vec<String>,
    #[serde(default)]
    resources: Vec<BatchResource>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BatchBody {
    namespace: Option<String>,
    #[serde(default)]
    opts: Vec<BatchItem>,
}

/// Runs `change` on the caller's pool all or nothing: on an error the pool is as before.
fn all_or_nothing(
    call: &Call<'_>,
    change: impl FnOnce(&mut crate::store::Pool) -> Result<(), Failure>,
) -> Result<(), Failure> {
    call.pool(|pool| {
        let before = pool.clone();
        change(pool).inspect_err(|_| *pool = before)
    })
}

/// `POST /api/v2/acl/authorize-resources` (JS 4.23's `acl.authorizeResources`): each item's
/// targets get each of its resources, as `authorizeResource` gives them, all or none.
async fn authorize_resources(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<BatchBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let namespace = namespace_or_default(input.namespace.as_deref()).to_owned();
        all_or_nothing(&call, |pool| {
            for item in &input.opts {
                let target_type = target_type(&item.target_type)?;
                for resource in &item.resources {
                    let grants: Vec<Authorization> = item
                        .target_identifiers
                        .iter()
                        .map(|target| Authorization {
                            target_type,
                            target: target.clone(),
                            actions: resource.actions.clone(),
                        })
                        .collect();
                    let kind = kind(resource.resource_type.as_deref())?;
                    acl::authorize(pool, &namespace, &resource.code, kind, &grants)?;
                }
            }
            Ok(())
        })?;
        Ok(Value::Bool(true))
    })
}

/// `POST /api/v2/acl/revoke-resources` (JS 4.23's `acl.revokeResources`): each item's
/// targets lose each of its resources, as `revokeResource` takes them, all or none.
async fn revoke_resources(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<BatchBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let namespace = namespace_or_default(input.namespace.as_deref()).to_owned();
        all_or_nothing(&call, |pool| {
            for item in &input.opts {
                let target_type = target_type(&item.target_type)?;
                let targets: Vec<(TargetType, String)> = item
                    .target_identifiers
                    .iter()
                    .map(|target| (target_type, target.clone()))
                    .collect();
                for resource in &item.resources {
                    acl::revoke(pool, &namespace, &resource.code, &targets)?;
                }
            }
            Ok(())
        })?;
        Ok(Value::Bool(true))
    })
}

/// One target of a batch listing.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BatchTarget {
    target_type: String,
    target_identifier: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BatchListBody {
    namespace: Option<String>,
    resource_type: Option<String>,
    #[serde(default)]
    targets: Vec<BatchTarget>,
}

/// `POST /api/v2/acl/list-authorized-resources-batch` (JS 4.23's
/// `acl.listAuthorizedResourcesBatch`): `{list}`, one page of authorised resources per
/// target in the order asked, each naming its target, as `authorizedResources` answers it.
async fn list_authorized_resources_batch(
    State(fake): State<Arc<Fake>>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<BatchListBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let namespace = namespace_or_default(input.namespace.as_deref()).to_owned();
        let kind = kind(input.resource_type.as_deref())?;
        let targets = input
            .targets
            .iter()
            .map(|t| Ok((target_type(&t.target_type)?, t.target_identifier.as_str())))
            .collect::<Result<Vec<_>, Failure>>()?;
        call.pool(|pool| {
            let list: Vec<Value> = targets
                .iter()
                .map(|&(target_type, target)| {
                    let resources: Vec<Value> = acl::granted(pool, &namespace, (target_type, target), kind)
                        .into_iter()
                        .map(|granted| {
                            json!({
                                "code": granted.code,
                                "type": granted.resource.map(|r| r.kind.wire_name()),
                                "actions": granted.actions,
                                "apiIdentifier": granted.resource.and_then(|r| r.api_identifier.clone()),
                            })
                        })
                        .collect();
                    json!({
                        "targetType": target_type.wire_name(),
                        "targetIdentifier": target,
                        "totalCount": resources.len(),
                        "list": resources,
                    })
                })
                .collect();
            Ok(json!({ "list": list }))
        })
    })
}

/// 1001 unless the path's pool is the caller's.
fn own_pool(call: &Call<'_>, pool: &str) -> Result<(), Failure> {
    if pool == call.pool_id() {
        Ok(())
    } else {
        Err(Code::NoPermission.into())
    }
}

async fn list_namespaces(
    State(fake): State<Arc<Fake>>,
    Path(pool_id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let page = PageQuery::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        own_pool(&call, &pool_id)?;
        let page = page?;
        let now = call.now();
        call.pool(|pool| {
            let paged = namespaces::list(pool, page, now);
            let total = paged.total;
            let ids: Vec<String> = paged.items.iter().map(|ns| ns.id.clone()).collect();
            let list: Vec<Value> = ids
                .iter()
                .filter_map(|id| pool.namespaces.table.get(id))
                .map(|ns| ns.to_json(pool))
                .collect();
            // Authing names the count `total` here.
            Ok(json!({ "list": list, "total": total }))
        })
    })
}

#[derive(Debug, Deserialize)]
struct NamespaceBody {
    code: Option<String>,
    name: Option<String>,
    description: Option<String>,
}

async fn create_namespace(
    State(fake): State<Arc<Fake>>,
    Path(pool_id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<NamespaceBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        own_pool(&call, &pool_id)?;
        let input = input?;
        let code = input.code.ok_or_else(|| Failure::invalid_params("code"))?;
        let name = input.name.unwrap_or_else(|| code.clone());
        let now = call.now();
        call.pool(|pool| {
            let id = namespaces::create(pool, &code, &name, input.description, now)?
                .id
                .clone();
            Ok(namespaces::by_id(pool, &id)?.to_json(pool))
        })
    })
}

/// Updates the namespace the path names (by id, or by code with `by_code`).
fn update_one(
    call: &Call<'_>,
    pool_id: &str,
    key: &str,
    by_code: bool,
    input: NamespaceBody,
) -> Result<Value, Failure> {
    own_pool(call, pool_id)?;
    let now = call.now();
    call.pool(|pool| {
        let id = if by_code {
            namespaces::id_of(pool, key, now)?
        } else {
            key.to_owned()
        };
        let change = NamespaceChange {
            code: input.code,
            name: input.name,
            description: input.description,
        };
        let id = namespaces::update(pool, &id, change, now)?.id.clone();
        Ok(namespaces::by_id(pool, &id)?.to_json(pool))
    })
}

/// Deletes the namespace the path names (by id, or by code with `by_code`).
fn delete_one(call: &Call<'_>, pool_id: &str, key: &str, by_code: bool) -> Result<Value, Failure> {
    own_pool(call, pool_id)?;
    let now = call.now();
    call.pool(|pool| {
        let id = if by_code {
            namespaces::id_of(pool, key, now)?
        } else {
            key.to_owned()
        };
        namespaces::delete(pool, &id, now)
    })?;
    Ok(Value::Bool(true))
}

async fn update_namespace(
    State(fake): State<Arc<Fake>>,
    Path((pool_id, id)): Path<(String, String)>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<NamespaceBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        update_one(&call, &pool_id, &id, false, input?)
    })
}

async fn update_namespace_by_code(
    State(fake): State<Arc<Fake>>,
    Path((pool_id, code)): Path<(String, String)>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<NamespaceBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        update_one(&call, &pool_id, &code, true, input?)
    })
}

async fn delete_namespace(
    State(fake): State<Arc<Fake>>,
    Path((pool_id, id)): Path<(String, String)>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        delete_one(&call, &pool_id, &id, false)
    })
}

async fn delete_namespace_by_code(
    State(fake): State<Arc<Fake>>,
    Path((pool_id, code)): Path<(String, String)>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        delete_one(&call, &pool_id, &code, true)
    })
}
