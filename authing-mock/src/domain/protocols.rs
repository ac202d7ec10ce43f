//! The fake as an OIDC / OAuth 2.0 provider (issue 9): client authentication, authorization
//! codes (single-use, short-lived by the fake's clock, PKCE checked), the grants, userinfo,
//! introspection and revocation. Plain functions on the [`Store`]; the HTTP door is
//! `protocols/`.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use sha2::{Digest as _, Sha256};

// The authorization response (code, implicit and hybrid flows).
mod authorize;

pub(crate) use authorize::{AuthorizationResponse, ResponseMode, authorization_response};

use super::identity::{self, Issuer, Login};
use super::users;
use crate::crypto::{random_hex, secret_matches};
use crate::protocols::{Signer, decode_hs256, decode_rs256, sign_hs256};
use crate::store::{AuthCode, IdTokenAlg, Pool, RefreshGrant, Store, UniqueField, UserRecord};

/// How long an authorization code lives: 10 minutes (RFC 6749 advises at most that).
pub(crate) const CODE_SECS: i64 = 600;
/// Lifetime of access and id tokens: 15 days, Authing's default.
pub(crate) const TOKEN_SECS: i64 = 15 * 24 * 3600;

/// An OAuth error answer (RFC 6749 §5.2): `{error, error_description}` with an HTTP status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OAuthError {
    pub(crate) status: u16,
    pub(crate) error: &'static str,
    pub(crate) description: String,
}

impl OAuthError {
    fn new(status: u16, error: &'static str, description: impl Into<String>) -> Self {
        Self {
            status,
            error,
            description: description.into(),
        }
    }

    pub(crate) fn invalid_request(description: impl Into<String>) -> Self {
        Self::new(400, "invalid_request", description)
    }

    fn invalid_client(description: impl Into<String>) -> Self {
        Self::new(401, "invalid_client", description)
    }

    fn invalid_grant(description: impl Into<String>) -> Self {
        Self::new(400, "invalid_grant", description)
    }

    pub(crate) fn internal(description: impl Into<String>) -> Self {
        Self::new(500, "server_error", description)
    }

    /// The JSON body.
    pub(crate) fn body(&self) -> Value {
        json!({ "error": self.error, "error_description": self.description })
    }
}

/// The credentials a client presented (Basic header, form fields, or only its id).
#[derive(Default)]
pub(crate) struct ClientCredentials {
    pub(crate) client_id: Option<String>,
    pub(crate) client_secret: Option<String>,
}

impl fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCredentials")
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "[redacted]"),
            )
            .finish()
    }
}

/// An authenticated (or public, `none`) client: its application and pool.
#[derive(Debug, Clone)]
pub(crate) struct Client {
    pub(crate) app_id: String,
    /// Whether it proved its secret (`client_secret_post` / `_basic`), not `none`.
    pub(crate) confidential: bool,
}

/// Finds the client's application and checks its secret when one is given (401
/// `invalid_client` for an unknown client or a wrong secret).
pub(crate) fn authenticate(
    store: &Store,
    credentials: &ClientCredentials,
) -> Result<Client, OAuthError> {
    let client_id = credentials
        .client_id
        .as_deref()
        .filter(|id| !id.is_empty())
        .ok_or_else(|| OAuthError::invalid_client("client_id is required"))?;
    // A programmatic access account is a confidential client of its app.
    if let Some(app_id) =
        super::access_accounts::client_of(store, client_id, credentials.client_secret.as_deref())
            .map_err(|_| OAuthError::invalid_client("client authentication failed"))?
    {
        return Ok(Client {
            app_id,
            confidential: true,
        });
    }
    let pool_id = store
        .app_pools
        .get(client_id)
        .ok_or_else(|| OAuthError::invalid_client("unknown client"))?;
    let pool = store
        .pools
        .get(pool_id)
        .ok_or_else(|| OAuthError::invalid_client("unknown client"))?;
    let app = pool
        .applications
        .get(client_id)
        .ok_or_else(|| OAuthError::invalid_client("unknown client"))?;
    let confidential = match credentials.client_secret.as_deref() {
        Some(secret) if secret_matches(secret, app.secret.expose()) => true,
        Some(_) => return Err(OAuthError::invalid_client("client authentication failed")),
        None => false,
    };
    Ok(Client {
        app_id: app.id.clone(),
        confidential,
    })
}

/// What an authorization request asked for (`/oidc/auth`).
#[derive(Debug, Clone, Default)]
pub(crate) struct AuthorizationRequest {
    pub(crate) client_id: String,
    pub(crate) redirect_uri: String,
    pub(crate) response_type: String,
    pub(crate) scope: String,
    pub(crate) state: Option<String>,
    pub(crate) nonce: Option<String>,
    pub(crate) code_challenge: Option<String>,
    pub(crate) code_challenge_method: Option<String>,
    /// `query`, `fragment` or `form_post`; by default `query` for `code`, else `fragment`.
    pub(crate) response_mode: Option<String>,
}

impl AuthorizationRequest {
    /// Reads the request's parameters (a query string or a posted form).
    pub(crate) fn from_pairs<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Self {
        let mut request = Self::default();
        for (name, value) in pairs {
            let value = value.to_owned();
            match name {
                "client_id" => request.client_id = value,
                "redirect_uri" => request.redirect_uri = value,
                "response_type" => request.response_type = value,
                "scope" => request.scope = value,
                "state" => request.state = Some(value),
                "nonce" => request.nonce = Some(value),
                "code_challenge" => request.code_challenge = Some(value),
                "code_challenge_method" => request.code_challenge_method = Some(value),
                "response_mode" => request.response_mode = Some(value),
                _ => {}
            }
        }
        request
    }

    /// Checks what the fake supports: a known client, an absolute http(s) redirect URI,
    /// a response type of the code, implicit or hybrid flow (with the `openid` scope when
    /// it has `id_token`, and a nonce where OIDC requires one), a response mode the type
    /// allows, a PKCE method of `S256` or `plain`.
    pub(crate) fn check(&self, store: &Store) -> Result<(), OAuthError> {
        if !store.app_pools.contains_key(&self.client_id) {
            return Err(OAuthError::invalid_request("unknown client_id"));
        }
        let redirect = url::Url::parse(&self.redirect_uri)
            .map_err(|_| OAuthError::invalid_request("redirect_uri must be an absolute URL"))?;
        if !matches!(redirect.scheme(), "http" | "https") {
            return Err(OAuthError::invalid_request("redirect_uri must be http(s)"));
        }
        authorize::check_response(self)?;
        match self.code_challenge_method.as_deref() {
            None | Some("S256" | "plain") => Ok(()),
            Some(_) => Err(OAuthError::invalid_request(
                "code_challenge_method must be S256 or plain",
            )),
        }
    }
}

/// Logs `account` in with `password` through the shared login flow and issues an
/// authorization code for `request` (which [`AuthorizationRequest::check`] accepted). The
/// door answers every response type with [`authorization_response`]; tests use this.
#[cfg(test)]
pub(crate) fn login_for_code(
    store: &mut Store,
    issuer: &Issuer<'_>,
    request: &AuthorizationRequest,
    account: &str,
    password: &str,
) -> Result<String, OAuthError> {
    let (pool_id, user_id) = password_login(store, issuer, &request.client_id, account, password)?;
    Ok(code_for_user(store, issuer, request, &pool_id, &user_id))
}

/// Issues an authorization code for user `user_id` of `pool_id` (the login already done).
pub(crate) fn code_for_user(
    store: &mut Store,
    issuer: &Issuer<'_>,
    request: &AuthorizationRequest,
    pool_id: &str,
    user_id: &str,
) -> String {
    let code = random_hex(20);
    let challenge = request.code_challenge.clone().map(|challenge| {
        let method = request
            .code_challenge_method
            .clone()
            .unwrap_or_else(|| "plain".to_owned());
        (challenge, method)
    });
    store.grants.codes.insert(
        code.clone(),
        AuthCode {
            pool_id: pool_id.to_owned(),
            app_id: request.client_id.clone(),
            user_id: user_id.to_owned(),
            redirect_uri: request.redirect_uri.clone(),
            scope: request.scope.clone(),
            nonce: request.nonce.clone(),
            challenge,
            expires_at: issuer.now.timestamp().saturating_add(CODE_SECS),
        },
    );
    code
}

/// The shared login flow with an email or a username: `(pool_id, user_id)`; a failed login
/// is `invalid_grant` with Authing's message.
pub(crate) fn password_login(
    store: &mut Store,
    issuer: &Issuer<'_>,
    app_id: &str,
    account: &str,
    password: &str,
) -> Result<(String, String), OAuthError> {
    let pool_id = store
        .app_pools
        .get(app_id)
        .cloned()
        .ok_or_else(|| OAuthError::invalid_client("unknown client"))?;
    let pool = store
        .pools
        .get_mut(&pool_id)
        .ok_or_else(|| OAuthError::invalid_client("unknown client"))?;
    let field = if users::is_email(account.trim()) {
        UniqueField::Email
    } else {
        UniqueField::Username
    };
    let login = Login {
        field,
        account: account.to_owned(),
        password: authing_core::Secret::from(password),
        auto_register: false,
        ip: None,
        params: None,
        app_id: Some(app_id.to_owned()),
    };
    let logged_in = identity::login(pool, issuer, login)
        .map_err(|failure| OAuthError::invalid_grant(failure.message(authing_core::Lang::EnUs)))?;
    Ok((pool_id, logged_in.user.id.clone()))
}

/// The token request's form, by field.
#[derive(Default)]
pub(crate) struct TokenForm {
    pub(crate) grant_type: String,
    pub(crate) code: Option<String>,
    pub(crate) redirect_uri: Option<String>,
    pub(crate) code_verifier: Option<String>,
    pub(crate) refresh_token: Option<String>,
    pub(crate) scope: Option<String>,
    pub(crate) username: Option<String>,
    pub(crate) password: Option<String>,
}

impl TokenForm {
    /// Reads the form's fields (unknown ones are ignored).
    pub(crate) fn from_pairs<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Self {
        let mut form = Self::default();
        for (name, value) in pairs {
            if name == "grant_type" {
                value.clone_into(&mut form.grant_type);
                continue;
            }
            let value = Some(value.to_owned());
            match name {
                "code" => form.code = value,
                "redirect_uri" => form.redirect_uri = value,
                "code_verifier" => form.code_verifier = value,
                "refresh_token" => form.refresh_token = value,
                "scope" => form.scope = value,
                "username" | "email" => form.username = value,
                "password" => form.password = value,
                _ => {}
            }
        }
        form
    }
}

/// Runs the token endpoint: the token response's JSON.
pub(crate) fn token(
    store: &mut Store,
    issuer: &Issuer<'_>,
    client: &Client,
    form: TokenForm,
    iss: &str,
) -> Result<Value, OAuthError> {
    match form.grant_type.as_str() {
        "authorization_code" => {
            let code = form
                .code
                .as_deref()
                .ok_or_else(|| OAuthError::invalid_request("code is required"))?;
            // Single-use: a code is gone once presented, whether or not it checks out.
            let grant = store
                .grants
                .codes
                .remove(code)
                .ok_or_else(|| OAuthError::invalid_grant("the code is invalid or used"))?;
            if grant.expires_at <= issuer.now.timestamp() {
                return Err(OAuthError::invalid_grant("the code has expired"));
            }
            if grant.app_id != client.app_id {
                return Err(OAuthError::invalid_grant(
                    "the code was issued to another client",
                ));
            }
            if form
                .redirect_uri
                .as_deref()
                .is_some_and(|uri| uri != grant.redirect_uri)
            {
                return Err(OAuthError::invalid_grant("redirect_uri does not match"));
            }
            check_pkce(&grant, form.code_verifier.as_deref())?;
            if !client.confidential && grant.challenge.is_none() {
                return Err(OAuthError::invalid_client(
                    "a public client (auth method none) must use PKCE",
                ));
            }
            user_tokens(
                store,
                issuer,
                &grant.pool_id,
                &grant.app_id,
                &grant.user_id,
                &grant.scope,
                grant.nonce.as_deref(),
                iss,
            )
        }
        "refresh_token" => {
            let refresh_token = form
                .refresh_token
                .as_deref()
                .ok_or_else(|| OAuthError::invalid_request("refresh_token is required"))?;
            let grant = store
                .grants
                .refresh_tokens
                .get(refresh_token)
                .filter(|grant| grant.app_id == client.app_id)
                .cloned()
                .ok_or_else(|| OAuthError::invalid_grant("the refresh token is invalid"))?;
            let scope = narrowed_scope(&grant.scope, form.scope.as_deref())?;
            let mut answer = user_tokens(
                store,
                issuer,
                &grant.pool_id,
                &grant.app_id,
                &grant.user_id,
                &scope,
                None,
                iss,
            )?;
            // The refresh token stays valid (Authing does not rotate it); answer it back.
            if let Some(map) = answer.as_object_mut() {
                map.insert("refresh_token".to_owned(), json!(refresh_token));
            }
            Ok(answer)
        }
        "password" => {
            require_confidential(client)?;
            let account = form
                .username
                .as_deref()
                .ok_or_else(|| OAuthError::invalid_request("username is required"))?;
            let password = form
                .password
                .as_deref()
                .ok_or_else(|| OAuthError::invalid_request("password is required"))?;
            let (pool_id, user_id) =
                password_login(store, issuer, &client.app_id, account, password)?;
            let scope = form.scope.unwrap_or_else(|| "openid profile".to_owned());
            user_tokens(
                store,
                issuer,
                &pool_id,
                &client.app_id,
                &user_id,
                &scope,
                None,
                iss,
            )
        }
        "client_credentials" => {
            require_confidential(client)?;
            let scope = form.scope.unwrap_or_default();
            let now = issuer.now.timestamp();
            let claims = AccessClaims {
                jti: random_hex(12),
                sub: None,
                iat: now,
                exp: now.saturating_add(TOKEN_SECS),
                scope: scope.clone(),
                iss: iss.to_owned(),
                aud: client.app_id.clone(),
            };
            let access_token = app_signer(&client.app_id)?
                .sign(&claims)
                .map_err(OAuthError::internal)?;
            Ok(json!({
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": TOKEN_SECS,
                "scope": scope,
            }))
        }
        "" => Err(OAuthError::invalid_request("grant_type is required")),
        _ => Err(OAuthError::new(
            400,
            "unsupported_grant_type",
            "unsupported grant_type",
        )),
    }
}

/// `unauthorized_client` unless the client proved its secret.
fn require_confidential(client: &Client) -> Result<(), OAuthError> {
    if client.confidential {
        Ok(())
    } else {
        Err(OAuthError::invalid_client(
            "this grant needs the client secret",
        ))
    }
}

/// The PKCE check of RFC 7636 §4.6.
fn check_pkce(grant: &AuthCode, verifier: Option<&str>) -> Result<(), OAuthError> {
    let Some((challenge, method)) = &grant.challenge else {
        return Ok(());
    };
    let verifier =
        verifier.ok_or_else(|| OAuthError::invalid_grant("code_verifier is required"))?;
    let computed = if method == "S256" {
        URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
    } else {
        verifier.to_owned()
    };
    if secret_matches(&computed, challenge) {
        Ok(())
    } else {
        Err(OAuthError::invalid_grant("code_verifier does not match"))
    }
}

/// A requested scope on refresh must be within the granted one (`invalid_scope`).
fn narrowed_scope(granted: &str, requested: Option<&str>) -> Result<String, OAuthError> {
    let Some(requested) = requested else {
        return Ok(granted.to_owned());
    };
    let granted: Vec<&str> = granted.split_whitespace().collect();
    if requested.split_whitespace().all(|s| granted.contains(&s)) {
        Ok(requested.to_owned())
    } else {
        Err(OAuthError::new(
            400,
            "invalid_scope",
            "the scope exceeds the granted one",
        ))
    }
}

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct AccessClaims {
    pub(crate) jti: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) sub: Option<String>,
    pub(crate) iat: i64,
    pub(crate) exp: i64,
    #[serde(default)]
    pub(crate) scope: String,
    pub(crate) iss: String,
    pub(crate) aud: String,
}

fn has_scope(scope: &str, name: &str) -> bool {
    scope.split_whitespace().any(|s| s == name)
}

/// The standard claims of `user` the scopes grant (`profile`, `email`, `phone`).
pub(crate) fn user_claims(user: &UserRecord, scope: &str) -> Map<String, Value> {
    let mut claims = Map::new();
    claims.insert("sub".to_owned(), json!(user.id));
    let copy = |claims: &mut Map<String, Value>, claim: &str, field: &str| {
        claims.insert(
            claim.to_owned(),
            user.fields.get(field).cloned().unwrap_or(Value::Null),
        );
    };
    if has_scope(scope, "profile") {
        for (claim, field) in [
            ("name", "name"),
            ("given_name", "givenName"),
            ("family_name", "familyName"),
            ("middle_name", "middleName"),
            ("nickname", "nickname"),
            ("preferred_username", "preferredUsername"),
            ("profile", "profile"),
            ("picture", "photo"),
            ("website", "website"),
            ("gender", "gender"),
            ("birthdate", "birthdate"),
            ("zoneinfo", "zoneinfo"),
            ("locale", "locale"),
        ] {
            copy(&mut claims, claim, field);
        }
        if claims.get("preferred_username").is_none_or(Value::is_null) {
            copy(&mut claims, "preferred_username", "username");
        }
        claims.insert("updated_at".to_owned(), json!(user.updated_at.timestamp()));
    }
    if has_scope(scope, "email") {
        copy(&mut claims, "email", "email");
        claims.insert(
            "email_verified".to_owned(),
            json!(user.flag("emailVerified")),
        );
    }
    if has_scope(scope, "phone") {
        copy(&mut claims, "phone_number", "phone");
        claims.insert(
            "phone_number_verified".to_owned(),
            json!(user.flag("phoneVerified")),
        );
    }
    claims
}

/// An access token, an id token (scope `openid`) and a refresh token (scope
/// `offline_access`) for a user.
#[allow(clippy::too_many_arguments)]
fn user_tokens(
    store: &mut Store,
    issuer: &Issuer<'_>,
    pool_id: &str,
    app_id: &str,
    user_id: &str,
    scope: &str,
    nonce: Option<&str>,
    iss: &str,
) -> Result<Value, OAuthError> {
    let pool = store
        .pools
        .get(pool_id)
        .ok_or_else(|| OAuthError::invalid_grant("the user pool is gone"))?;
    let user =
        users::get(pool, user_id).map_err(|_| OAuthError::invalid_grant("the user is gone"))?;
    let now = issuer.now.timestamp();
    let app = pool
        .applications
        .get(app_id)
        .ok_or_else(|| OAuthError::invalid_grant("the application is gone"))?;
    let access_token = sign_access_token(app_id, user_id, scope, iss, now)?;
    let mut answer = json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": TOKEN_SECS,
        "scope": scope,
    });
    if has_scope(scope, "openid") {
        let id_token = sign_id_token(
            app,
            user,
            IdTokenParts {
                scope,
                iss,
                now,
                nonce,
                access_token: Some(&access_token),
                code: None,
            },
        )?;
        answer["id_token"] = json!(id_token);
    }
    if has_scope(scope, "offline_access") {
        let refresh_token = random_hex(24);
        store.grants.refresh_tokens.insert(
            refresh_token.clone(),
            RefreshGrant {
                pool_id: pool_id.to_owned(),
                app_id: app_id.to_owned(),
                user_id: user_id.to_owned(),
                scope: scope.to_owned(),
                issued_at: now,
            },
        );
        answer["refresh_token"] = json!(refresh_token);
    }
    Ok(answer)
}

/// A user's access token for application `app_id`, signed with its key.
fn sign_access_token(
    app_id: &str,
    user_id: &str,
    scope: &str,
    iss: &str,
    now: i64,
) -> Result<String, OAuthError> {
    let access = AccessClaims {
        jti: random_hex(12),
        sub: Some(user_id.to_owned()),
        iat: now,
        exp: now.saturating_add(TOKEN_SECS),
        scope: scope.to_owned(),
        iss: iss.to_owned(),
        aud: app_id.to_owned(),
    };
    app_signer(app_id)?
        .sign(&access)
        .map_err(OAuthError::internal)
}

/// What an id token says besides the user's claims.
struct IdTokenParts<'a> {
    scope: &'a str,
    iss: &'a str,
    now: i64,
    nonce: Option<&'a str>,
    /// The access token issued with it, hashed into `at_hash`.
    access_token: Option<&'a str>,
    /// The authorization code issued with it (hybrid flow), hashed into `c_hash`.
    code: Option<&'a str>,
}

/// An id token of `user` for `app`, signed as the application is set to (RS256 with its
/// key, or HS256 with its secret).
fn sign_id_token(
    app: &crate::store::ApplicationRecord,
    user: &UserRecord,
    parts: IdTokenParts<'_>,
) -> Result<String, OAuthError> {
    let mut claims = user_claims(user, parts.scope);
    claims.insert("iss".to_owned(), json!(parts.iss));
    claims.insert("aud".to_owned(), json!(app.id));
    claims.insert("iat".to_owned(), json!(parts.now));
    claims.insert(
        "exp".to_owned(),
        json!(parts.now.saturating_add(TOKEN_SECS)),
    );
    claims.insert("auth_time".to_owned(), json!(parts.now));
    if let Some(access_token) = parts.access_token {
        claims.insert("at_hash".to_owned(), json!(left_half_hash(access_token)));
    }
    if let Some(code) = parts.code {
        claims.insert("c_hash".to_owned(), json!(left_half_hash(code)));
    }
    if let Some(nonce) = parts.nonce {
        claims.insert("nonce".to_owned(), json!(nonce));
    }
    match app.id_token_alg {
        IdTokenAlg::Rs256 => app_signer(&app.id)?.sign(&claims),
        IdTokenAlg::Hs256 => sign_hs256(app.secret.expose(), &claims),
    }
    .map_err(OAuthError::internal)
}

/// The signing key of application `app_id` (a 500 if the fake's key material is broken).
fn app_signer(app_id: &str) -> Result<std::sync::Arc<Signer>, OAuthError> {
    Signer::for_app(app_id).map_err(OAuthError::internal)
}

/// The claims of an id token the fake signed: RS256 with an application's key, or HS256
/// with the secret of the application it names in `aud`.
fn decode_id_token(store: &Store, token: &str) -> Option<Map<String, Value>> {
    let header = jsonwebtoken::decode_header(token.trim()).ok()?;
    if header.alg != jsonwebtoken::Algorithm::HS256 {
        return decode_rs256(token);
    }
    // The audience names the application whose secret keys the token; read it unverified,
    // then verify with that secret.
    let payload = token.split('.').nth(1)?;
    let unverified: Map<String, Value> =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
    let app_id = unverified.get("aud").and_then(Value::as_str)?;
    let app = application(store, app_id)?;
    if app.id_token_alg != IdTokenAlg::Hs256 {
        return None;
    }
    decode_hs256(token, app.secret.expose())
}

/// Application `app_id` of any pool of the fake.
pub(crate) fn application<'s>(
    store: &'s Store,
    app_id: &str,
) -> Option<&'s crate::store::ApplicationRecord> {
    let pool: &Pool = store.pools.get(store.app_pools.get(app_id)?)?;
    pool.applications.get(app_id)
}

/// OIDC `at_hash` and `c_hash`: the left half of SHA-256 of the access token or code,
/// base64url (SHA-256 for both RS256 and HS256).
fn left_half_hash(value: &str) -> String {
    let digest = Sha256::digest(value.as_bytes());
    URL_SAFE_NO_PAD.encode(&digest[..16])
}

/// The claims of a live access token the fake issued: signed by it, not expired by the
/// fake's clock, not revoked, of an existing application.
pub(crate) fn live_access_token(store: &Store, now: i64, token: &str) -> Option<AccessClaims> {
    let claims: AccessClaims = decode_rs256(token)?;
    let live = claims.exp > now
        && !store.revoked.contains(&claims.jti)
        && store.app_pools.contains_key(&claims.aud);
    live.then_some(claims)
}

/// `/oidc/me`: the user's claims for the token's scope (401 `invalid_token` otherwise).
pub(crate) fn userinfo(store: &Store, now: i64, token: &str) -> Result<Value, OAuthError> {
    let invalid = || OAuthError::new(401, "invalid_token", "the access token is invalid");
    let claims = live_access_token(store, now, token).ok_or_else(invalid)?;
    let sub = claims.sub.as_deref().ok_or_else(invalid)?;
    let pool = store
        .app_pools
        .get(&claims.aud)
        .and_then(|pool_id| store.pools.get(pool_id))
        .ok_or_else(invalid)?;
    let user = users::get(pool, sub).map_err(|_| invalid())?;
    Ok(Value::Object(user_claims(user, &claims.scope)))
}

/// RFC 7662 introspection for `client`: `{active: false}` for anything not live or not
/// the client's.
pub(crate) fn introspect(store: &Store, now: i64, client: &Client, token: &str) -> Value {
    if let Some(claims) =
        live_access_token(store, now, token).filter(|claims| claims.aud == client.app_id)
    {
        let mut answer = json!({
            "active": true,
            "token_type": "Bearer",
            "scope": claims.scope,
            "client_id": claims.aud,
            "exp": claims.exp,
            "iat": claims.iat,
            "iss": claims.iss,
            "aud": claims.aud,
            "jti": claims.jti,
        });
        if let Some(sub) = claims.sub {
            answer["sub"] = json!(sub);
        }
        return answer;
    }
    match store.grants.refresh_tokens.get(token) {
        Some(grant) if grant.app_id == client.app_id => json!({
            "active": true,
            "token_type": "refresh_token",
            "scope": grant.scope,
            "client_id": grant.app_id,
            "sub": grant.user_id,
            "iat": grant.issued_at,
        }),
        _ => json!({ "active": false }),
    }
}

/// RFC 7009 revocation for `client`: an access token's `jti` joins the revoked list, a
/// refresh token is forgotten; an unknown token is no error.
pub(crate) fn revoke(store: &mut Store, client: &Client, token: &str) {
    if let Some(claims) = decode_rs256::<AccessClaims>(token)
        && claims.aud == client.app_id
    {
        store.revoked.insert(claims.jti);
        return;
    }
    if store
        .grants
        .refresh_tokens
        .get(token)
        .is_some_and(|grant| grant.app_id == client.app_id)
    {
        store.grants.refresh_tokens.remove(token);
    }
}

/// Authing's online check (`/api/v2/oidc/validate_token`): the claims of a live token the
/// fake signed (`id_token`: signature and expiry; `access_token`: also not revoked), else
/// `None`.
pub(crate) fn validate_online(
    store: &Store,
    now: i64,
    token: &str,
    is_access_token: bool,
) -> Option<Value> {
    if is_access_token {
        live_access_token(store, now, token).and_then(|claims| serde_json::to_value(claims).ok())
    } else {
        let claims = decode_id_token(store, token)?;
        let live = claims
            .get("exp")
            .and_then(Value::as_i64)
            .is_some_and(|exp| exp > now)
            && claims
                .get("aud")
                .and_then(Value::as_str)
                .is_some_and(|aud| store.app_pools.contains_key(aud));
        live.then_some(Value::Object(claims))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::PasswordHash;
    use crate::domain::identity::{Registration, register};
    use crate::tokens::TokenIssuer;
    use chrono::Utc;

    /// A store with one pool whose user `ann` has password `pw-1`: (store, app id, secret).
    fn setup(tokens: &TokenIssuer) -> (Store, String, String) {
        let mut store = Store::default();
        let pool_id = store.create_pool().id.clone();
        let issuer = Issuer {
            tokens,
            now: Utc::now(),
            origin: "http://x",
        };
        let pool = store.pool_mut(&pool_id).expect("pool");
        let (app_id, secret) = (pool.app.id.clone(), pool.app.secret.expose().to_owned());
        let registration = Registration {
            field: UniqueField::Username,
            account: "ann".into(),
            password: Some(PasswordHash::new("pw-1").expect("hash")),
            fields: Map::new(),
            params: None,
            udf: Vec::new(),
            force_login: false,
            generate_token: false,
            ip: None,
            app_id: None,
        };
        register(pool, &issuer, registration).expect("registered");
        (store, app_id, secret)
    }

    fn form(pairs: &[(&str, &str)]) -> TokenForm {
        TokenForm::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn codes_are_single_use_short_lived_and_pkce_checked() {
        let tokens = TokenIssuer::random();
        let (mut store, app_id, secret) = setup(&tokens);
        let now = Utc::now();
        let issuer = Issuer {
            tokens: &tokens,
            now,
            origin: "http://x",
        };
        let client = authenticate(
            &store,
            &ClientCredentials {
                client_id: Some(app_id.clone()),
                client_secret: Some(secret),
            },
        )
        .expect("client");
        assert!(client.confidential);
        let wrong = authenticate(
            &store,
            &ClientCredentials {
                client_id: Some(app_id.clone()),
                client_secret: Some("nope".into()),
            },
        );
        assert_eq!(wrong.expect_err("wrong secret").error, "invalid_client");

        let verifier = "a-verifier-of-enough-length-0123456789-abcdefg";
        let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
        let request = AuthorizationRequest::from_pairs(
            [
                ("client_id", app_id.as_str()),
                ("redirect_uri", "https://site.example.com/cb"),
                ("response_type", "code"),
                ("scope", "openid offline_access"),
                ("code_challenge", challenge.as_str()),
                ("code_challenge_method", "S256"),
            ]
            .into_iter(),
        );
        request.check(&store).expect("a good request");
        let wrong_password = login_for_code(&mut store, &issuer, &request, "ann", "nope");
        assert_eq!(wrong_password.expect_err("refused").error, "invalid_grant");

        let code = login_for_code(&mut store, &issuer, &request, "ann", "pw-1").expect("code");
        let exchange = |store: &mut Store, verifier: &str, issuer: &Issuer<'_>| {
            let form = form(&[
                ("grant_type", "authorization_code"),
                ("code", code.as_str()),
                ("code_verifier", verifier),
            ]);
            token(store, issuer, &client, form, "http://x/oidc")
        };
        let answer = exchange(&mut store, verifier, &issuer).expect("tokens");
        assert!(answer["id_token"].is_string() && answer["refresh_token"].is_string());
        let again = exchange(&mut store, verifier, &issuer);
        assert_eq!(again.expect_err("single-use").error, "invalid_grant");

        let code = login_for_code(&mut store, &issuer, &request, "ann", "pw-1").expect("code");
        let wrong = token(
            &mut store,
            &issuer,
            &client,
            form(&[
                ("grant_type", "authorization_code"),
                ("code", code.as_str()),
                ("code_verifier", "another-verifier"),
            ]),
            "http://x/oidc",
        );
        assert_eq!(wrong.expect_err("PKCE").error, "invalid_grant");

        let code = login_for_code(&mut store, &issuer, &request, "ann", "pw-1").expect("code");
        let later = Issuer {
            now: now + chrono::Duration::seconds(CODE_SECS + 1),
            ..issuer
        };
        let expired = token(
            &mut store,
            &later,
            &client,
            form(&[
                ("grant_type", "authorization_code"),
                ("code", code.as_str()),
                ("code_verifier", verifier),
            ]),
            "http://x/oidc",
        );
        assert_eq!(expired.expect_err("expired").error, "invalid_grant");
    }

    #[test]
    fn revocation_ends_access_and_refresh_tokens() {
        let tokens = TokenIssuer::random();
        let (mut store, app_id, secret) = setup(&tokens);
        let issuer = Issuer {
            tokens: &tokens,
            now: Utc::now(),
            origin: "http://x",
        };
        let client = authenticate(
            &store,
            &ClientCredentials {
                client_id: Some(app_id),
                client_secret: Some(secret),
            },
        )
        .expect("client");
        let answer = token(
            &mut store,
            &issuer,
            &client,
            form(&[
                ("grant_type", "password"),
                ("username", "ann"),
                ("password", "pw-1"),
                ("scope", "openid profile offline_access"),
            ]),
            "http://x/oidc",
        )
        .expect("tokens");
        let access = answer["access_token"].as_str().expect("access");
        let refresh = answer["refresh_token"].as_str().expect("refresh");
        let now = issuer.now.timestamp();
        let info = userinfo(&store, now, access).expect("userinfo");
        assert_eq!(info["preferred_username"], "ann");
        assert_eq!(introspect(&store, now, &client, access)["active"], true);
        assert_eq!(introspect(&store, now, &client, refresh)["active"], true);
        revoke(&mut store, &client, access);
        revoke(&mut store, &client, refresh);
        assert_eq!(introspect(&store, now, &client, access)["active"], false);
        assert_eq!(introspect(&store, now, &client, refresh)["active"], false);
        assert!(userinfo(&store, now, access).is_err());
        let later = now + TOKEN_SECS;
        assert!(live_access_token(&store, later, access).is_none());
    }
}
