//! The OIDC / OAuth 2.0 endpoints.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::{Request, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::header::{AUTHORIZATION, CACHE_CONTROL, LOCATION};
use http::{HeaderMap, StatusCode};
use serde_json::{Value, json};
use url::form_urlencoded;

use super::form::{self, Pairs, field};
use super::login_page::{auto_post, page};
use super::signing;
use crate::auth::RequestContext;
use crate::domain::protocols::{
    self, AuthorizationRequest, AuthorizationResponse, Client, ClientCredentials, OAuthError,
    ResponseMode, TokenForm,
};
use crate::fake::Fake;

/// The largest form the endpoints read.
const MAX_FORM: usize = 64 << 10;

/// The routes, for `/oidc` and `/oauth`.
pub(super) fn routes() -> Router<Arc<Fake>> {
    let mut router = Router::new()
        .route("/oidc/.well-known/openid-configuration", get(discovery))
        .route("/oidc/.well-known/jwks.json", get(jwks))
        .route("/oidc/session/end", get(end_session))
        .route("/api/v2/oidc/validate_token", get(validate_token));
    for prefix in ["/oidc", "/oauth"] {
        router = router
            .route(&format!("{prefix}/auth"), get(login_page).post(login))
            .route(&format!("{prefix}/token"), post(token))
            .route(&format!("{prefix}/me"), get(userinfo).post(userinfo))
            .route(&format!("{prefix}/token/introspection"), post(introspect))
            .route(&format!("{prefix}/token/revocation"), post(revoke));
    }
    router
}

/// An OAuth error response.
fn oauth_error(error: &OAuthError) -> Response {
    let status = StatusCode::from_u16(error.status).unwrap_or(StatusCode::BAD_REQUEST);
    (status, [(CACHE_CONTROL, "no-store")], Json(error.body())).into_response()
}

/// The request's form body.
async fn form(request: Request) -> Result<(HeaderMap, Pairs), OAuthError> {
    let (parts, body) = request.into_parts();
    let pairs = form::read(body, MAX_FORM)
        .await
        .ok_or_else(|| OAuthError::invalid_request("the form is too large"))?;
    Ok((parts.headers, pairs))
}

fn borrowed(pairs: &[(String, String)]) -> impl Iterator<Item = (&str, &str)> {
    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
}

/// `client_secret_basic` (RFC 6749 §2.3.1: both halves form-urlencoded), else
/// `client_secret_post`, else `none` (only `client_id`).
fn client_credentials(
    headers: &HeaderMap,
    pairs: &[(String, String)],
) -> Result<ClientCredentials, OAuthError> {
    let basic = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Basic "));
    if let Some(encoded) = basic {
        let malformed = || OAuthError::invalid_request("a malformed Basic authorization");
        let decoded = STANDARD.decode(encoded.trim()).map_err(|_| malformed())?;
        let decoded = String::from_utf8(decoded).map_err(|_| malformed())?;
        let (id, secret) = decoded.split_once(':').ok_or_else(malformed)?;
        let unescape = |text: &str| -> String {
            form_urlencoded::parse(format!("x={text}").as_bytes())
                .next()
                .map(|(_, value)| value.into_owned())
                .unwrap_or_default()
        };
        return Ok(ClientCredentials {
            client_id: Some(unescape(id)),
            client_secret: Some(unescape(secret)),
        });
    }
    Ok(ClientCredentials {
        client_id: field(pairs, "client_id").map(str::to_owned),
        client_secret: field(pairs, "client_secret").map(str::to_owned),
    })
}

/// Authenticates the calling client from its request.
fn client(
    fake: &Fake,
    headers: &HeaderMap,
    pairs: &[(String, String)],
) -> Result<Client, OAuthError> {
    let credentials = client_credentials(headers, pairs)?;
    protocols::authenticate(&fake.store(), &credentials)
}

/// `GET /oidc/.well-known/openid-configuration`.
async fn discovery(request: Request) -> Response {
    let origin = RequestContext::of(&request).origin;
    let host = origin.trim_end_matches('/');
    Json(json!({
        "issuer": format!("{host}/oidc"),
        "authorization_endpoint": format!("{host}/oidc/auth"),
        "token_endpoint": format!("{host}/oidc/token"),
        "userinfo_endpoint": format!("{host}/oidc/me"),
        "jwks_uri": format!("{host}/oidc/.well-known/jwks.json"),
        "introspection_endpoint": format!("{host}/oidc/token/introspection"),
        "revocation_endpoint": format!("{host}/oidc/token/revocation"),
        "end_session_endpoint": format!("{host}/oidc/session/end"),
        "response_types_supported": ["code", "id_token", "id_token token", "code id_token",
            "code token", "code id_token token", "token"],
        "response_modes_supported": ["query", "fragment", "form_post"],
        "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials", "password"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256", "HS256"],
        "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic", "none"],
        "introspection_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic", "none"],
        "revocation_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic", "none"],
        "code_challenge_methods_supported": ["S256", "plain"],
        "scopes_supported": ["openid", "profile", "email", "phone", "offline_access"],
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "c_hash",
            "name", "nickname", "preferred_username", "picture", "updated_at", "email",
            "email_verified", "phone_number", "phone_number_verified"],
    }))
    .into_response()
}

/// `GET /oidc/.well-known/jwks.json[?app_id=..]`: the signing keys of the fake's
/// applications. Authing serves each application at its own host, so its JWKS lists one
/// key; the fake serves every application at one host, so the document lists every
/// application's key (each with its `kid`), or only the key of `app_id` when asked.
async fn jwks(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let pairs = form::of_query(request.uri().query());
    let app_ids: Vec<String> = {
        let store = fake.store();
        match field(&pairs, "app_id") {
            Some(app_id) if store.app_pools.contains_key(app_id) => vec![app_id.to_owned()],
            Some(_) => return oauth_error(&OAuthError::invalid_request("unknown app_id")),
            None => {
                let mut ids: Vec<String> = store
                    .pools
                    .values()
                    .flat_map(|pool| pool.applications.iter().map(|app| app.id.clone()))
                    .collect();
                ids.sort();
                ids
            }
        }
    };
    match signing::jwks(app_ids.iter().map(String::as_str)) {
        Ok(jwks) => Json(jwks).into_response(),
        Err(error) => oauth_error(&OAuthError::internal(error)),
    }
}

/// `GET /oidc/auth`: the login page (400 with the reason for a bad request).
async fn login_page(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let action = request.uri().path().to_owned();
    let pairs = form::of_query(request.uri().query());
    let authorization = AuthorizationRequest::from_pairs(borrowed(&pairs));
    if let Err(error) = authorization.check(&fake.store()) {
        return oauth_error(&error);
    }
    Html(page(&action, &pairs, None)).into_response()
}

/// `POST /oidc/auth`: logs the user in and redirects to the client with a code; a failed
/// login shows the page again (401) with the reason.
async fn login(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let action = request.uri().path().to_owned();
    let rc = RequestContext::of(&request);
    let pairs = match form(request).await {
        Ok((_, pairs)) => pairs,
        Err(error) => return oauth_error(&error),
    };
    let authorization = AuthorizationRequest::from_pairs(borrowed(&pairs));
    let issuer = fake.issuer(&rc);
    let iss = protocol_issuer(&rc, &action);
    let result = {
        let mut store = fake.store();
        authorization.check(&store).and_then(|()| {
            let (pool_id, user_id) = protocols::password_login(
                &mut store,
                &issuer,
                &authorization.client_id,
                field(&pairs, "username").unwrap_or(""),
                field(&pairs, "password").unwrap_or(""),
            )?;
            protocols::authorization_response(
                &mut store,
                &issuer,
                &authorization,
                &pool_id,
                &user_id,
                &iss,
            )
        })
    };
    match result {
        Ok(answer) => respond(&answer),
        Err(error) if error.error == "invalid_grant" => (
            StatusCode::UNAUTHORIZED,
            Html(page(&action, &pairs, Some(&error.description))),
        )
            .into_response(),
        Err(error) => oauth_error(&error),
    }
}

/// Sends the authorization answer back to the client: a redirect with the parameters in the
/// query or the fragment, or a page that posts them (`form_post`).
fn respond(answer: &AuthorizationResponse) -> Response {
    let Ok(mut location) = url::Url::parse(&answer.redirect_uri) else {
        return oauth_error(&OAuthError::invalid_request("bad redirect_uri"));
    };
    let params = answer
        .params
        .iter()
        .map(|(name, value)| (*name, value.as_str()));
    match answer.mode {
        ResponseMode::Query => {
            location.query_pairs_mut().extend_pairs(params);
        }
        ResponseMode::Fragment => {
            let fragment = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(params)
                .finish();
            location.set_fragment(Some(&fragment));
        }
        ResponseMode::FormPost => {
            let page = auto_post(&answer.redirect_uri, params);
            return (StatusCode::OK, [(CACHE_CONTROL, "no-store")], Html(page)).into_response();
        }
    }
    (StatusCode::SEE_OTHER, [(LOCATION, location.to_string())]).into_response()
}

/// The issuer of the protocol a path is under: `{host}/oauth` for `/oauth/...`, else
/// `{host}/oidc`.
fn protocol_issuer(rc: &RequestContext, path: &str) -> String {
    let protocol = if path.starts_with("/oauth/") {
        "oauth"
    } else {
        "oidc"
    };
    format!("{}/{protocol}", rc.origin.trim_end_matches('/'))
}

/// `POST /oidc/token`.
async fn token(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    let iss = protocol_issuer(&rc, request.uri().path());
    let result = async {
        let (headers, pairs) = form(request).await?;
        let client = client(&fake, &headers, &pairs)?;
        let issuer = fake.issuer(&rc);
        let form = TokenForm::from_pairs(borrowed(&pairs));
        protocols::token(&mut fake.store(), &issuer, &client, form, &iss)
    }
    .await;
    match result {
        Ok(answer) => (StatusCode::OK, [(CACHE_CONTROL, "no-store")], Json(answer)).into_response(),
        Err(error) => oauth_error(&error),
    }
}

/// `GET|POST /oidc/me` with a bearer access token.
async fn userinfo(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let rc = RequestContext::of(&request);
    // RFC 6750 §2: the token in the `Authorization` header, else as `access_token` in the
    // query (the official JS SDK's way) or in a POSTed form.
    let (parts, body) = request.into_parts();
    let mut token = rc.bearer.as_ref().map(|token| token.expose().to_owned());
    if token.is_none() {
        token = field(&form::of_query(parts.uri.query()), "access_token").map(str::to_owned);
    }
    if token.is_none() && parts.method == http::Method::POST {
        let pairs = form::read(body, MAX_FORM).await.unwrap_or_default();
        token = field(&pairs, "access_token").map(str::to_owned);
    }
    let result = (|| {
        let token =
            token.ok_or_else(|| OAuthError::invalid_request("a bearer token is required"))?;
        let now = fake.now().timestamp();
        protocols::userinfo(&fake.store(), now, &token)
    })();
    match result {
        Ok(answer) => Json(answer).into_response(),
        Err(error) => {
            let mut response = oauth_error(&error);
            if error.status == 401
                && let Ok(value) =
                    http::HeaderValue::from_str(&format!("Bearer error=\"{}\"", error.error))
            {
                response
                    .headers_mut()
                    .insert(http::header::WWW_AUTHENTICATE, value);
            }
            response
        }
    }
}

/// `POST /oidc/token/introspection`.
async fn introspect(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let result = async {
        let (headers, pairs) = form(request).await?;
        let client = client(&fake, &headers, &pairs)?;
        let token = field(&pairs, "token")
            .ok_or_else(|| OAuthError::invalid_request("token is required"))?;
        let now = fake.now().timestamp();
        Ok::<Value, OAuthError>(protocols::introspect(&fake.store(), now, &client, token))
    }
    .await;
    match result {
        Ok(answer) => Json(answer).into_response(),
        Err(error) => oauth_error(&error),
    }
}

/// `POST /oidc/token/revocation`: 200, known token or not, with `{}` as the body: RFC 7009
/// clients ignore the body, and the official Python SDK parses it as JSON (an empty body
/// makes its `revoke_token` fail).
async fn revoke(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let result = async {
        let (headers, pairs) = form(request).await?;
        let client = client(&fake, &headers, &pairs)?;
        let token = field(&pairs, "token")
            .ok_or_else(|| OAuthError::invalid_request("token is required"))?;
        protocols::revoke(&mut fake.store(), &client, token);
        Ok::<(), OAuthError>(())
    }
    .await;
    match result {
        Ok(()) => Json(json!({})).into_response(),
        Err(error) => oauth_error(&error),
    }
}

/// `GET /oidc/session/end`: redirects to `post_logout_redirect_uri` (with `state`) when
/// given, else a page saying the session ended. The fake keeps no browser session.
async fn end_session(request: Request) -> Response {
    let pairs = form::of_query(request.uri().query());
    if let Some(target) = field(&pairs, "post_logout_redirect_uri")
        && let Ok(mut location) = url::Url::parse(target)
    {
        if let Some(state) = field(&pairs, "state") {
            location.query_pairs_mut().append_pair("state", state);
        }
        return (StatusCode::SEE_OTHER, [(LOCATION, location.to_string())]).into_response();
    }
    Html("<!doctype html>\n<html><body><p>You are logged out.</p></body></html>\n").into_response()
}

/// `GET /api/v2/oidc/validate_token?id_token=..|access_token=..`: the token's claims, or
/// `{code: 400, message}` as Authing answers.
async fn validate_token(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let pairs = form::of_query(request.uri().query());
    let refuse = |message: &str| Json(json!({ "code": 400, "message": message })).into_response();
    let (token, is_access_token) = match (field(&pairs, "id_token"), field(&pairs, "access_token"))
    {
        (Some(token), None) => (token, false),
        (None, Some(token)) => (token, true),
        (Some(_), Some(_)) => return refuse("pass id_token or access_token, not both"),
        (None, None) => return refuse("id_token or access_token is required"),
    };
    let now = fake.now().timestamp();
    match protocols::validate_online(&fake.store(), now, token, is_access_token) {
        Some(claims) => Json(claims).into_response(),
        None => refuse("token is invalid or expired"),
    }
}
