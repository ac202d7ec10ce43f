//! The SAML 2.0 IdP at `/api/v2/saml-idp/{appId}`: the metadata, the signing certificate
//! and its fingerprint, SP-initiated login answered with a signed response posted to the
//! SP's assertion consumer service, and IdP-initiated login (`/init`) posting one to the
//! application's default ACS. The XML is written by `domain/saml.rs`; this is the HTTP door.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::{Path, Request, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::StatusCode;
use http::header::{CACHE_CONTROL, CONTENT_TYPE};

use super::Signer;
use super::form::{self, Pairs, field};
use super::login_page::{auto_post, page};
use crate::auth::RequestContext;
use crate::domain::protocols::{application, password_login};
use crate::domain::saml::{self, Addressee, AuthnRequest, Binding};
use crate::domain::users;
use crate::fake::Fake;

/// The largest form read.
const MAX_FORM: usize = 256 << 10;

/// The SAML routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route("/api/v2/saml-idp/{app_id}", get(login_page).post(login))
        .route("/api/v2/saml-idp/{app_id}/metadata", get(metadata))
        .route(
            "/api/v2/saml-idp/{app_id}/init",
            get(idp_initiated_page).post(idp_initiated_login),
        )
        .route("/api/v2/saml-idp/{app_id}/cert", get(cert))
        .route(
            "/api/v2/saml-idp/{app_id}/cert/fingerprint",
            get(cert_fingerprint),
        )
}

fn refuse(status: StatusCode, message: &str) -> Response {
    (status, message.to_owned()).into_response()
}

/// The self-signed certificate of the application's signing key (DER), made once per key:
/// `CN=Authing SAML IdP`, valid 2020 to 2100 (the fake's clock can be moved far).
fn certificate(signer: &Signer) -> Result<&[u8], String> {
    signer.certificate(|signer| {
        let key = rcgen::KeyPair::try_from(signer.pkcs8_der())
            .map_err(|e| format!("the signing key for a certificate: {e}"))?;
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new())
            .map_err(|e| format!("a certificate: {e}"))?;
        params.distinguished_name = rcgen::DistinguishedName::new();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "Authing SAML IdP");
        params.not_before = rcgen::date_time_ymd(2020, 1, 1);
        params.not_after = rcgen::date_time_ymd(2100, 1, 1);
        let certificate = params
            .self_signed(&key)
            .map_err(|e| format!("a certificate: {e}"))?;
        Ok(certificate.der().to_vec())
    })
}

/// The application's signing key, or why not (404 for an unknown application).
fn app_signer(fake: &Fake, app_id: &str) -> Result<Arc<Signer>, (StatusCode, String)> {
    if !fake.store().app_pools.contains_key(app_id) {
        return Err((StatusCode::NOT_FOUND, "unknown application".to_owned()));
    }
    Signer::for_app(app_id).map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e))
}

/// `GET /api/v2/saml-idp/{appId}/metadata`: the IdP's `EntityDescriptor`.
async fn metadata(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    let signer = match app_signer(&fake, &app_id) {
        Ok(signer) => signer,
        Err((status, message)) => return refuse(status, &message),
    };
    let certificate = match certificate(&signer) {
        Ok(certificate) => certificate,
        Err(e) => return refuse(StatusCode::INTERNAL_SERVER_ERROR, &e),
    };
    let idp = saml::entity_id(&RequestContext::of(&request).origin, &app_id);
    (
        [(CONTENT_TYPE, "application/samlmetadata+xml")],
        saml::metadata(&idp, certificate),
    )
        .into_response()
}

/// `GET /api/v2/saml-idp/{appId}?SAMLRequest=..&RelayState=..` (the redirect binding):
/// the login page, which posts the request back with the credentials.
async fn login_page(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    if !fake.store().app_pools.contains_key(&app_id) {
        return refuse(StatusCode::NOT_FOUND, "unknown application");
    }
    let pairs = form::of_query(request.uri().query());
    let Some(encoded) = field(&pairs, "SAMLRequest") else {
        return refuse(StatusCode::BAD_REQUEST, "SAMLRequest is required");
    };
    if let Err(e) = AuthnRequest::decode(encoded, Binding::Redirect) {
        return refuse(StatusCode::BAD_REQUEST, &e);
    }
    Html(page(request.uri().path(), &pairs, None)).into_response()
}

/// `POST /api/v2/saml-idp/{appId}`: an SP's request (the POST binding) shows the login
/// page; the page's form (or a test posting `SAMLRequest`, `RelayState`, `username` and
/// `password` straight away: the documented shortcut) logs the user in and answers a page
/// that posts the signed `SAMLResponse` (and `RelayState`) to the SP's ACS.
async fn login(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let action = request.uri().path().to_owned();
    let Some(pairs) = form::read(request.into_body(), MAX_FORM).await else {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, "the form is too large");
    };
    let signer = match app_signer(&fake, &app_id) {
        Ok(signer) => signer,
        Err((status, message)) => return refuse(status, &message),
    };
    let Some(encoded) = field(&pairs, "SAMLRequest") else {
        return refuse(StatusCode::BAD_REQUEST, "SAMLRequest is required");
    };
    // The login page posts back what it got: deflated from the redirect binding, or plain
    // from the POST binding.
    let authn = match AuthnRequest::decode(encoded, Binding::Post)
        .or_else(|_| AuthnRequest::decode(encoded, Binding::Redirect))
    {
        Ok(authn) => authn,
        Err(e) => return refuse(StatusCode::BAD_REQUEST, &e),
    };
    log_in_and_post(&fake, &rc, &app_id, &signer, &action, &pairs, &authn.into())
}

/// The login form posted back (`pairs`, to `action`): logs the user in and answers the page
/// that posts the signed `SAMLResponse` (and the `RelayState`) to `to`'s ACS; without a
/// username, the login page; with wrong credentials, the page again with the error (401).
fn log_in_and_post(
    fake: &Fake,
    rc: &RequestContext,
    app_id: &str,
    signer: &Signer,
    action: &str,
    pairs: &Pairs,
    to: &Addressee,
) -> Response {
    let Some(username) = field(pairs, "username") else {
        return Html(page(action, pairs, None)).into_response();
    };
    let issuer = fake.issuer(rc);
    let xml = {
        let mut store = fake.store();
        let login = password_login(
            &mut store,
            &issuer,
            app_id,
            username,
            field(pairs, "password").unwrap_or(""),
        );
        let (pool_id, user_id) = match login {
            Ok(ids) => ids,
            Err(error) if error.error == "invalid_grant" => {
                return (
                    StatusCode::UNAUTHORIZED,
                    Html(page(action, pairs, Some(&error.description))),
                )
                    .into_response();
            }
            Err(error) => return refuse(StatusCode::BAD_REQUEST, &error.description),
        };
        let Some(user) = store
            .pools
            .get(&pool_id)
            .and_then(|pool| users::get(pool, &user_id).ok())
        else {
            return refuse(StatusCode::BAD_REQUEST, "the user is gone");
        };
        let idp = saml::entity_id(&rc.origin, app_id);
        certificate(signer)
            .and_then(|certificate| saml::response(signer, certificate, &idp, to, user, issuer.now))
    };
    let xml = match xml {
        Ok(xml) => xml,
        Err(e) => return refuse(StatusCode::INTERNAL_SERVER_ERROR, &e),
    };
    let saml_response = STANDARD.encode(xml);
    let mut fields = vec![("SAMLResponse", saml_response.as_str())];
    if let Some(relay_state) = field(pairs, "RelayState") {
        fields.push(("RelayState", relay_state));
    }
    (
        StatusCode::OK,
        [(CACHE_CONTROL, "no-store")],
        Html(auto_post(&to.acs_url, fields)),
    )
        .into_response()
}

/// The application's addressee for an IdP-initiated login, or the refusal: 404 for an
/// unknown application, 400 with Authing's 7348 body for one that is not a SAML IdP with a
/// default ACS URL.
// The refusal is boxed: a `Response` is large, and the `Ok` path is the common one.
fn idp_initiated(
    fake: &Fake,
    rc: &RequestContext,
    app_id: &str,
) -> Result<Addressee, Box<Response>> {
    let store = fake.store();
    let Some(app) = application(&store, app_id) else {
        return Err(Box::new(refuse(
            StatusCode::NOT_FOUND,
            "unknown application",
        )));
    };
    Addressee::idp_initiated(app).map_err(|failure| {
        Box::new((StatusCode::BAD_REQUEST, Json(failure.to_json(rc.lang))).into_response())
    })
}

/// `GET /api/v2/saml-idp/{appId}/init?RelayState=..`: IdP-initiated login. The login page
/// (no `SAMLRequest`: the IdP starts), which posts the `RelayState` back with the
/// credentials.
async fn idp_initiated_page(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    if let Err(refusal) = idp_initiated(&fake, &rc, &app_id) {
        return *refusal;
    }
    let mut pairs = form::of_query(request.uri().query());
    pairs.retain(|(name, _)| name == "RelayState");
    Html(page(request.uri().path(), &pairs, None)).into_response()
}

/// `POST /api/v2/saml-idp/{appId}/init`: the login form (or a test posting `RelayState`,
/// `username` and `password` straight away) logs the user in and answers a page that posts
/// a signed `SAMLResponse` without `InResponseTo` (and the `RelayState`) to the
/// application's default ACS, for its audience.
async fn idp_initiated_login(
    State(fake): State<Arc<Fake>>,
    Path(app_id): Path<String>,
    request: Request,
) -> Response {
    let rc = RequestContext::of(&request);
    let action = request.uri().path().to_owned();
    let Some(pairs) = form::read(request.into_body(), MAX_FORM).await else {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, "the form is too large");
    };
    let to = match idp_initiated(&fake, &rc, &app_id) {
        Ok(to) => to,
        Err(refusal) => return *refusal,
    };
    let signer = match app_signer(&fake, &app_id) {
        Ok(signer) => signer,
        Err((status, message)) => return refuse(status, &message),
    };
    log_in_and_post(&fake, &rc, &app_id, &signer, &action, &pairs, &to)
}

/// The application's certificate (DER), or the refusal (404 for an unknown application).
fn app_certificate(fake: &Fake, app_id: &str) -> Result<Vec<u8>, (StatusCode, String)> {
    let signer = app_signer(fake, app_id)?;
    certificate(&signer)
        .map(<[u8]>::to_vec)
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e))
}

/// `GET /api/v2/saml-idp/{appId}/cert`: the signing certificate, PEM.
async fn cert(State(fake): State<Arc<Fake>>, Path(app_id): Path<String>) -> Response {
    match app_certificate(&fake, &app_id) {
        Ok(der) => ([(CONTENT_TYPE, "application/x-pem-file")], saml::pem(&der)).into_response(),
        Err((status, message)) => refuse(status, &message),
    }
}

/// `GET /api/v2/saml-idp/{appId}/cert/fingerprint`: the certificate's SHA-256 fingerprint
/// (see [`saml::fingerprint`] for the format and why SHA-256), as text.
async fn cert_fingerprint(State(fake): State<Arc<Fake>>, Path(app_id): Path<String>) -> Response {
    match app_certificate(&fake, &app_id) {
        Ok(der) => (
            [(CONTENT_TYPE, "text/plain; charset=utf-8")],
            saml::fingerprint(&der),
        )
            .into_response(),
        Err((status, message)) => refuse(status, &message),
    }
}
