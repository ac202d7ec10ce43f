//! Applications under `/api/v2/applications` (and `/api/v2/application/{id}/refresh-secret`):
//! list, create, find, update (default access strategy), delete, refresh the secret, and
//! the access policies under `…/{id}/authorization/…`. Administrators only.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::response::Response;
use axum::routing::{get, patch, post, put};
use serde::Deserialize;
use serde_json::{Value, json};

use super::body::typed as body;
use super::envelope::{call, failure};
use super::page::page_json;
use crate::auth::{Access, RequestContext};
use crate::domain::agreements::{self, AgreementInput};
use crate::domain::applications::{self, NewApplication, PolicyChange, PolicyTargets};
use crate::failure::{Code, Failure};
use crate::fake::Fake;
use crate::store::Page;

/// The application routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route("/api/v2/applications", get(list).post(create))
        .route(
            "/api/v2/applications/{id}",
            get(find).post(update).delete(delete),
        )
        .route(
            "/api/v2/application/{id}/refresh-secret",
            patch(refresh_secret),
        )
        .route(
            "/api/v2/applications/{id}/authorization/records",
            get(records),
        )
        .route(
            "/api/v2/applications/{id}/authorization/{change}",
            post(change_policies),
        )
        .route(
            "/api/v2/applications/{id}/agreements",
            get(list_agreements).post(create_agreement),
        )
        .route(
            "/api/v2/applications/{id}/agreements/sort",
            post(sort_agreements),
        )
        .route(
            "/api/v2/applications/{id}/agreements/{agreement}",
            put(modify_agreement).delete(delete_agreement),
        )
}

/// `page` and `limit` of a listing's query string.
#[derive(Debug, Default, Deserialize)]
pub(super) struct PageQuery {
    page: Option<i32>,
    limit: Option<i32>,
}

impl PageQuery {
    pub(super) fn of(request: &Request) -> Result<Page, Failure> {
        let Query(parsed) = Query::<Self>::try_from_uri(request.uri())
            .map_err(|_| Failure::with_text(Code::InvalidParams, "page, limit"))?;
        Ok(Page::new(parsed.page, parsed.limit))
    }
}

async fn list(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let page = PageQuery::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        let page = page?;
        call.pool(|pool| {
            let paged = applications::list(pool, page);
            Ok(page_json(paged, |app| app.to_json(&pool.id)))
        })
    })
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CreateBody {
    name: String,
    identifier: String,
    #[serde(default)]
    redirect_uris: Vec<String>,
    logo: Option<String>,
}

async fn create(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<CreateBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let new = NewApplication {
            name: input.name,
            identifier: input.identifier,
            redirect_uris: input.redirect_uris,
            logo: input.logo,
        };
        let mut store = call.fake.store();
        let pool = store.pool_mut(call.pool_id())?;
        let app = applications::create(pool, new, call.now())?;
        let (id, answer) = (app.id.clone(), app.to_json(call.pool_id()));
        // End users reach the new app through `x-authing-app-id`.
        store.app_pools.insert(id, call.pool_id().to_owned());
        Ok(answer)
    })
}

async fn find(State(fake): State<Arc<Fake>>, Path(id): Path<String>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        call.pool(|pool| Ok(applications::get(pool, &id)?.to_json(&pool.id)))
    })
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct UpdateBody {
    permission_strategy: Option<StrategyBody>,
    /// `changeApplicationType`.
    app_type: Option<String>,
    oidc_config: Option<OidcConfigBody>,
    saml_provider_enabled: Option<bool>,
    saml_config: Option<SamlConfigBody>,
}

/// The part of `samlConfig` the fake keeps: the default ACS URL and, among the advanced
/// `settings`, the audience (the service provider's entity id).
#[derive(Debug, Deserialize)]
struct SamlConfigBody {
    acs: Option<String>,
    settings: Option<SamlSettingsBody>,
}

#[derive(Debug, Deserialize)]
struct SamlSettingsBody {
    audience: Option<String>,
}

/// The part of `oidcConfig` the fake keeps (Authing names its fields in snake case).
#[derive(Debug, Deserialize)]
struct OidcConfigBody {
    id_token_signed_response_alg: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StrategyBody {
    default_strategy: Option<String>,
}

/// The generic application update; the fake takes the default access strategy, the
/// application type, the id token algorithm and the SAML IdP settings.
async fn update(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<UpdateBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let now = call.now();
        call.pool(|pool| {
            let strategy = input
                .permission_strategy
                .and_then(|strategy| strategy.default_strategy);
            if let Some(app_type) = &input.app_type {
                applications::set_app_type(pool, &id, app_type, now)?;
            }
            let id_token_alg = input
                .oidc_config
                .and_then(|config| config.id_token_signed_response_alg);
            if let Some(alg) = id_token_alg {
                applications::set_id_token_alg(pool, &id, &alg, now)?;
            }
            let (acs, settings) = input
                .saml_config
                .map_or((None, None), |config| (config.acs, config.settings));
            let saml = applications::SamlChange {
                enabled: input.saml_provider_enabled,
                acs,
                audience: settings.and_then(|settings| settings.audience),
            };
            if saml.enabled.is_some() || saml.acs.is_some() || saml.audience.is_some() {
                applications::set_saml(pool, &id, saml, now)?;
            }
            let app = match strategy {
                Some(strategy) => applications::set_default_strategy(pool, &id, &strategy, now)?,
                None => applications::get(pool, &id)?,
            };
            Ok(app.to_json(call.pool_id()))
        })
    })
}

async fn delete(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        call.pool(|pool| applications::delete(pool, &id))?;
        Ok(Value::Bool(true))
    })
}

async fn refresh_secret(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        let now = call.now();
        call.pool(|pool| Ok(applications::refresh_secret(pool, &id, now)?.to_json(call.pool_id())))
    })
}

async fn records(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let page = PageQuery::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        let page = page?;
        call.pool(|pool| {
            let paged = applications::policies(pool, &id, page)?;
            Ok(page_json(paged, |policy| policy.to_json()))
        })
    })
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PolicyBody {
    target_type: String,
    target_identifiers: Vec<String>,
    namespace: Option<String>,
    inherit_by_children: Option<bool>,
}

/// `allow`, `deny`, `enable-effect`, `disable-effect` or `revoke` (404 for anything else).
async fn change_policies(
    State(fake): State<Arc<Fake>>,
    Path((id, change)): Path<(String, String)>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let change = match change.as_str() {
        "allow" => PolicyChange::Allow,
        "deny" => PolicyChange::Deny,
        "enable-effect" => PolicyChange::Enable,
        "disable-effect" => PolicyChange::Disable,
        "revoke" => PolicyChange::Revoke,
        _ => return failure(rc.lang, &Code::NotFound.into()),
    };
    let input = body::<PolicyBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let targets = PolicyTargets {
            target_type: input.target_type,
            target_identifiers: input.target_identifiers,
            namespace: input.namespace,
            inherit_by_children: input.inherit_by_children,
        };
        let now = call.now();
        call.pool(|pool| applications::change_policies(pool, &id, change, targets, now))?;
        Ok(Value::Bool(true))
    })
}

#[derive(Debug, Deserialize)]
struct AgreementBody {
    title: Option<String>,
    required: Option<bool>,
    lang: Option<String>,
}

impl From<AgreementBody> for AgreementInput {
    fn from(body: AgreementBody) -> Self {
        Self {
            title: body.title,
            required: body.required,
            lang: body.lang,
        }
    }
}

/// The agreement id of a path (2231 unless a number).
fn agreement_id(text: &str) -> Result<i64, Failure> {
    text.parse()
        .map_err(|_| Failure::with_text(Code::InvalidParams, "agreementId"))
}

/// The agreement as answered: its place in the application's order, from 1.
fn agreement_json(pool: &crate::store::Pool, app_id: &str, id: i64) -> Result<Value, Failure> {
    let agreements = agreements::list(pool, app_id)?;
    agreements
        .iter()
        .enumerate()
        .find(|(_, agreement)| agreement.id == id)
        .map(|(at, agreement)| agreement.to_json(&pool.id, app_id, at.saturating_add(1)))
        .ok_or_else(|| Failure::with_text(Code::InvalidParams, "agreementId"))
}

async fn list_agreements(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        call.pool(|pool| {
            let list: Vec<Value> = agreements::list(pool, &id)?
                .iter()
                .enumerate()
                .map(|(at, agreement)| agreement.to_json(&pool.id, &id, at.saturating_add(1)))
                .collect();
            Ok(json!({ "totalCount": list.len(), "list": list }))
        })
    })
}

async fn create_agreement(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<AgreementBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let input = input?;
        let now = call.now();
        call.pool(|pool| {
            let created = agreements::create(pool, &id, input.into(), now)?;
            agreement_json(pool, &id, created.id)
        })
    })
}

async fn modify_agreement(
    State(fake): State<Arc<Fake>>,
    Path((id, agreement)): Path<(String, String)>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<AgreementBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        let (input, agreement) = (input?, agreement_id(&agreement)?);
        let now = call.now();
        call.pool(|pool| {
            agreements::modify(pool, &id, agreement, input.into(), now)?;
            agreement_json(pool, &id, agreement)
        })
    })
}

async fn delete_agreement(
    State(fake): State<Arc<Fake>>,
    Path((id, agreement)): Path<(String, String)>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::Admin, |call| {
        let agreement = agreement_id(&agreement)?;
        let now = call.now();
        call.pool(|pool| agreements::delete(pool, &id, agreement, now))?;
        Ok(Value::Bool(true))
    })
}

#[derive(Debug, Deserialize)]
struct SortBody {
    ids: Vec<Value>,
}

async fn sort_agreements(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let input = body::<SortBody>(request).await;
    call(&fake, &rc, Access::Admin, |call| {
        // js sends numbers, go strings.
        let ids = input?
            .ids
            .iter()
            .map(|id| match id {
                Value::Number(number) => number
                    .as_i64()
                    .ok_or_else(|| Failure::with_text(Code::InvalidParams, "ids")),
                Value::String(text) => agreement_id(text),
                _ => Err(Failure::with_text(Code::InvalidParams, "ids")),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let now = call.now();
        call.pool(|pool| agreements::sort(pool, &id, &ids, now))?;
        Ok(Value::Bool(true))
    })
}
