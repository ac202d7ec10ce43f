//! What a logged-in user reads about themselves
//! (`users/me/orgs`, `users/me/applications/allowed`, `users/me/security-level`), their
//! principal authentication (`users/principal_authentication`), and the SSO session of a
//! token (`GET /cas/session`).

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::get;
use serde_json::{Value, json};

use super::applications::PageQuery;
use super::body::json_object;
use super::envelope::{answer, call};
use crate::auth::{Access, RequestContext};
use crate::domain::principal::{self, PrincipalInput};
use crate::domain::{me, users};
use crate::fake::Fake;
use crate::graphql::types::User;
use crate::tokens::TokenOwner;

/// The routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route("/api/v2/users/me/orgs", get(orgs))
        .route(
            "/api/v2/users/me/applications/allowed",
            get(allowed_applications),
        )
        .route("/api/v2/users/me/security-level", get(security_level))
        .route(
            "/api/v2/users/principal_authentication",
            get(principal_detail).post(principal_authenticate),
        )
        .route("/cas/session", get(cas_session))
}

/// The caller's organisations: none, the fake has no organisations.
async fn orgs(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::User, |call| {
        let user_id = call.caller.subject(None)?;
        call.pool(|pool| me::orgs(pool, &user_id))
    })
}

/// The applications whose access policy lets the caller in (`?page=&limit=`).
async fn allowed_applications(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let page = match PageQuery::of(&request) {
        Ok(page) => page,
        Err(failure) => return answer(rc.lang, Err(failure)),
    };
    call(&fake, &rc, Access::User, |call| {
        let user_id = call.caller.subject(None)?;
        call.pool(|pool| me::allowed_applications(pool, &user_id, page))
    })
}

/// The caller's security level.
async fn security_level(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::User, |call| {
        let user_id = call.caller.subject(None)?;
        call.pool(|pool| me::security_level(pool, &user_id))
    })
}

/// The caller's principal authentication, or `null`.
async fn principal_detail(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    call(&fake, &rc, Access::User, |call| {
        let user_id = call.caller.subject(None)?;
        call.pool(|pool| principal::detail(pool, &user_id))
    })
}

/// Authenticates the caller (`{type, name, idCard, ext}`); answers `true`.
async fn principal_authenticate(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let body = match json_object(request).await {
        Ok(body) => body,
        Err(failure) => return answer(rc.lang, Err(failure)),
    };
    let text = |name: &str| body.get(name).and_then(Value::as_str);
    let input = PrincipalInput {
        kind: text("type"),
        name: text("name"),
        id_card: text("idCard"),
        ext: text("ext"),
    };
    call(&fake, &rc, Access::User, |call| {
        let user_id = call.caller.subject(None)?;
        let now = call.now();
        call.pool(|pool| principal::authenticate(pool, &user_id, &input, now))?;
        Ok(Value::Bool(true))
    })
}

/// The SSO session of the bearer's login: `{session, userInfo}`, or `null` when the token
/// is missing, expired, revoked (logged out) or no user's.
async fn cas_session(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let session = (|| {
        let token = rc.bearer.as_ref()?;
        let store = fake.store();
        let verified = fake.verify(&store, token.expose()).ok()?;
        let TokenOwner::User {
            pool_id,
            user_id,
            app_id,
        } = &verified.owner
        else {
            return None;
        };
        let pool = store.pool(pool_id).ok()?;
        let user = users::get(pool, user_id).ok()?;
        Some(json!({
            "session": {
                "appId": app_id,
                "userId": user_id,
                "userPoolId": pool_id,
                "iat": verified.iat,
                "exp": verified.exp,
            },
            "userInfo": User::from_record(user, pool_id, None).to_json(),
        }))
    })();
    answer(rc.lang, Ok(session.unwrap_or(Value::Null)))
}
