//! The CAS endpoints at `/cas-idp/{appId}/...`.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::{Path, Request, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use http::StatusCode;
use http::header::{CONTENT_TYPE, LOCATION};
use serde_json::{Value, json};

use super::form::{self, Pairs, field};
use super::login_page::{escape, page};
use crate::auth::RequestContext;
use crate::domain::cas::{self, CasUser, TicketRefusal};
use crate::fake::Fake;

/// The largest login form read.
const MAX_FORM: usize = 64 << 10;

/// The CAS routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route("/cas-idp/{app_id}/login", get(login_page).post(login))
        .route("/cas-idp/{app_id}/validate", get(validate_v1))
        .route("/cas-idp/{app_id}/serviceValidate", get(service_validate))
        .route(
            "/cas-idp/{app_id}/p3/serviceValidate",
            get(service_validate),
        )
        .route("/cas-idp/{app_id}/logout", get(logout))
        // The SDKs' forms of the same: the entry without `/login`, and the logout without
        // the application (with `url` for where to go next).
        .route("/cas-idp/{app_id}", get(login_page).post(login))
        .route("/cas-idp/logout", get(logout))
}

fn bad_request(message: &str) -> Response {
    (StatusCode::BAD_REQUEST, message.to_owned()).into_response()
}

/// `service` as an absolute http(s) URL.
fn service_url(service: Option<&str>) -> Option<url::Url> {
    url::Url::parse(service?)
        .ok()
        .filter(|url| matches!(url.scheme(), "http" | "https"))
}

/// `GET /cas-idp/{appId}/login?service=..`: the login page (`gateway=true`: straight back
/// to the service without a ticket, as the fake keeps no browser session).
async fn login_page(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    let pairs = form::of_query(request.uri().query());
    if !fake.store().app_pools.contains_key(&app_id) {
        return bad_request("unknown application");
    }
    let Some(service) = service_url(field(&pairs, "service")) else {
        return bad_request("service must be an absolute http(s) URL");
    };
    if field(&pairs, "gateway") == Some("true") {
        return (StatusCode::SEE_OTHER, [(LOCATION, service.to_string())]).into_response();
    }
    Html(page(request.uri().path(), &pairs, None)).into_response()
}

/// `POST /cas-idp/{appId}/login`: logs in and redirects to `service?ticket=ST-..`.
async fn login(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let action = request.uri().path().to_owned();
    let Some(pairs) = form::read(request.into_body(), MAX_FORM).await else {
        return bad_request("the form is too large");
    };
    let Some(mut service) = service_url(field(&pairs, "service")) else {
        return bad_request("service must be an absolute http(s) URL");
    };
    let issuer = fake.issuer(&rc);
    let result = cas::login(
        &mut fake.store(),
        &issuer,
        &app_id,
        service.as_str(),
        field(&pairs, "username").unwrap_or(""),
        field(&pairs, "password").unwrap_or(""),
    );
    match result {
        Ok(ticket) => {
            service.query_pairs_mut().append_pair("ticket", &ticket);
            (StatusCode::SEE_OTHER, [(LOCATION, service.to_string())]).into_response()
        }
        Err(error) if error.error == "invalid_grant" => (
            StatusCode::UNAUTHORIZED,
            Html(page(&action, &pairs, Some(&error.description))),
        )
            .into_response(),
        Err(error) => bad_request(&error.description),
    }
}

/// Validates the request's ticket.
fn check(fake: &Fake, app_id: &str, pairs: &Pairs) -> Result<CasUser, TicketRefusal> {
    // Compare services as the login stored them (parsed and re-serialised).
    let service = field(pairs, "service")
        .map(|s| service_url(Some(s)).map_or_else(|| s.to_owned(), |u| u.to_string()));
    let now = fake.now().timestamp();
    cas::validate(
        &mut fake.store(),
        now,
        app_id,
        service.as_deref(),
        field(pairs, "ticket"),
    )
}

/// `GET /cas-idp/{appId}/validate`: CAS 1.0, `yes\n<user>\n` or `no\n\n`.
async fn validate_v1(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    let pairs = form::of_query(request.uri().query());
    let body = match check(&fake, &app_id, &pairs) {
        Ok(user) => format!("yes\n{}\n", user.user),
        Err(_) => "no\n\n".to_owned(),
    };
    ([(CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// `GET /cas-idp/{appId}/serviceValidate` (and `p3/`): CAS 2.0 / 3.0, XML or
/// (`format=JSON`) JSON.
async fn service_validate(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    let pairs = form::of_query(request.uri().query());
    let outcome = check(&fake, &app_id, &pairs);
    if field(&pairs, "format").is_some_and(|f| f.eq_ignore_ascii_case("json")) {
        let body = match outcome {
            Ok(user) => json!({ "serviceResponse": { "authenticationSuccess": {
                "user": user.user, "attributes": user.attributes,
            }}}),
            Err(refusal) => json!({ "serviceResponse": { "authenticationFailure": {
                "code": refusal.code(), "description": refusal.description(),
            }}}),
        };
        return Json(body).into_response();
    }
    let body = match outcome {
        Ok(user) => {
            let attributes: String = user
                .attributes
                .iter()
                .map(|(name, value)| {
                    let text = match value {
                        Value::String(text) => text.clone(),
                        other => other.to_string(),
                    };
                    format!("      <cas:{name}>{}</cas:{name}>\n", escape(&text))
                })
                .collect();
            format!(
                "<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">\n  \
                 <cas:authenticationSuccess>\n    <cas:user>{}</cas:user>\n    \
                 <cas:attributes>\n{attributes}    </cas:attributes>\n  \
                 </cas:authenticationSuccess>\n</cas:serviceResponse>\n",
                escape(&user.user)
            )
        }
        Err(refusal) => format!(
            "<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">\n  \
             <cas:authenticationFailure code=\"{}\">{}</cas:authenticationFailure>\n\
             </cas:serviceResponse>\n",
            refusal.code(),
            refusal.description()
        ),
    };
    ([(CONTENT_TYPE, "application/xml; charset=utf-8")], body).into_response()
}

/// `GET /cas-idp/{appId}/logout?service=..` (or the SDKs' `GET /cas-idp/logout?url=..`): back
/// to the service, or a page.
async fn logout(request: Request) -> Response {
    let pairs = form::of_query(request.uri().query());
    let next = field(&pairs, "service").or_else(|| field(&pairs, "url"));
    match service_url(next) {
        Some(service) => (StatusCode::SEE_OTHER, [(LOCATION, service.to_string())]).into_response(),
        None => Html("<!doctype html>\n<html><body><p>You are logged out.</p></body></html>\n")
            .into_response(),
    }
}
