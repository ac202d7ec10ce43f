//! The fake as an OIDC / OAuth 2.0 provider, driven by the SDK's `ProtocolClient` over
//! every transport: the code + PKCE flow through the login form, each client auth method,
//! local id_token validation, userinfo, refresh, introspection and revocation, client
//! credentials, and forged tokens refused by the local validator.

use std::time::{Duration, SystemTime};

use authing_authentication::protocols::{
    ClientAuthMethod, CodeVerifier, HashClaim, PasswordLogin, PkceMethod, Protocol, ProtocolClient,
    ResponseMode, ResponseType, SigningAlgorithm, ValidationError,
};
use authing_core::model::CreateUserInput;
use authing_core::{Clock, Secret};
use authing_tests::{DynTransport, Env, each_transport};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use bytes::Bytes;

const REDIRECT: &str = "https://site.example.com/callback";

/// Creates alice (password `passw0rd!`) and returns her id.
async fn alice(env: &Env) -> String {
    env.management()
        .users()
        .create(CreateUserInput {
            username: Some("alice".into()),
            email: Some("alice@example.com".into()),
            password: Some(Secret::from("passw0rd!")),
            nickname: Some("Alice".into()),
            ..Default::default()
        })
        .send()
        .await
        .expect("create alice")
        .id
}

fn client_with(env: &Env, method: ClientAuthMethod) -> ProtocolClient<DynTransport> {
    ProtocolClient::builder(env.pool.app_host.clone(), env.pool.app_id.clone())
        .secret(env.pool.app_secret.clone())
        .redirect_uri(REDIRECT)
        .token_auth_method(method)
        .introspection_auth_method(method)
        .revocation_auth_method(method)
        .transport(env.transport.clone())
        .build()
        .expect("protocol client")
}

async fn send(env: &Env, request: http::Request<Bytes>) -> http::Response<Bytes> {
    env.transport.send(request).await.expect("transport")
}

/// Opens the login page of `authorize_url`, posts alice's credentials to its form, and
/// returns the redirect's `(code, state)`.
async fn log_in_through_form(env: &Env, authorize_url: &str, password: &str) -> (String, String) {
    let page = send(
        env,
        http::Request::get(authorize_url)
            .body(Bytes::new())
            .expect("request"),
    )
    .await;
    assert_eq!(page.status(), 200);
    let html = String::from_utf8_lossy(page.body()).into_owned();
    assert!(html.contains("<form method=\"post\""), "{html}");
    assert!(html.contains("name=\"password\""), "{html}");

    // Post the form: the authorization parameters (the page's hidden fields) plus the
    // credentials, as a browser would.
    let url = url::Url::parse(authorize_url).expect("authorize url");
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in url.query_pairs() {
        form.append_pair(&name, &value);
    }
    form.append_pair("username", "alice")
        .append_pair("password", password);
    let action = format!("{}://{}{}", url.scheme(), url.authority(), url.path());
    let answer = send(
        env,
        http::Request::post(action)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Bytes::from(form.finish()))
            .expect("request"),
    )
    .await;
    assert_eq!(answer.status(), 303, "{:?}", answer.body());
    let location = answer.headers()["location"].to_str().expect("ascii");
    assert!(location.starts_with(REDIRECT), "{location}");
    let location = url::Url::parse(location).expect("location");
    let get = |name: &str| {
        location
            .query_pairs()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
            .expect("a query parameter")
    };
    (get("code"), get("state"))
}

async fn code_pkce_flow(env: Env) {
    let user_id = alice(&env).await;
    let client = client_with(&env, ClientAuthMethod::ClientSecretPost);

    let metadata = client.discovery().send().await.expect("discovery");
    assert_eq!(metadata.issuer, client.endpoints().issuer());

    let verifier = CodeVerifier::random();
    let authorization = client
        .authorize_url()
        .scope("openid profile email offline_access")
        .pkce(verifier.challenge(PkceMethod::S256))
        .build()
        .expect("authorize url");

    // A wrong password shows the page again, with no code.
    let url = url::Url::parse(&authorization.url).expect("url");
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.extend_pairs(url.query_pairs());
    form.append_pair("username", "alice")
        .append_pair("password", "wrong");
    let refused = send(
        &env,
        http::Request::post(client.endpoints().authorize())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Bytes::from(form.finish()))
            .expect("request"),
    )
    .await;
    assert_eq!(refused.status(), 401);
    assert!(!refused.headers().contains_key("location"));

    let (code, state) = log_in_through_form(&env, &authorization.url, "passw0rd!").await;
    assert_eq!(state, authorization.state);

    // Without the verifier the code is refused, and a refused code is spent.
    let (code_b, _) = log_in_through_form(&env, &authorization.url, "passw0rd!").await;
    client
        .exchange_code(code_b.clone())
        .send()
        .await
        .expect_err("PKCE: the verifier is required");
    client
        .exchange_code(code_b)
        .code_verifier(&verifier)
        .send()
        .await
        .expect_err("the code was spent by the failed attempt");

    let tokens = client
        .exchange_code(code.clone())
        .code_verifier(&verifier)
        .send()
        .await
        .expect("code exchange");
    client
        .exchange_code(code)
        .code_verifier(&verifier)
        .send()
        .await
        .expect_err("codes are single-use");

    let id_token = tokens
        .id_token
        .clone()
        .expect("an id token for scope openid");
    let nonce = authorization.nonce.clone().expect("OIDC sends a nonce");
    let claims = client
        .validate_id_token(id_token.expose())
        .nonce(&nonce)
        .send()
        .await
        .expect("the id token validates locally");
    assert_eq!(claims.sub, user_id);
    assert_eq!(claims.email.as_deref(), Some("alice@example.com"));
    assert_eq!(claims.preferred_username.as_deref(), Some("alice"));
    client
        .validate_id_token(id_token.expose())
        .nonce("another-nonce")
        .send()
        .await
        .expect_err("a wrong nonce is refused");
    let access = client
        .validate_access_token(tokens.access_token.expose())
        .await
        .expect("the access token validates locally");
    assert_eq!(access.sub.as_deref(), Some(user_id.as_str()));

    let online = client
        .validate_id_token_online(id_token.clone())
        .send()
        .await
        .expect("Authing's online check");
    assert_eq!(online.sub, user_id);
    let online = client
        .validate_access_token_online(tokens.access_token.clone())
        .send()
        .await
        .expect("Authing's online check");
    assert_eq!(online.sub.as_deref(), Some(user_id.as_str()));

    let info = client
        .userinfo(tokens.access_token.clone())
        .send()
        .await
        .expect("userinfo");
    assert_eq!(info.sub, user_id);
    assert_eq!(info.email.as_deref(), Some("alice@example.com"));

    let refresh_token = tokens.refresh_token.clone().expect("offline_access");
    let refreshed = client
        .refresh(refresh_token.clone())
        .send()
        .await
        .expect("refresh");
    assert_ne!(
        refreshed.access_token.expose(),
        tokens.access_token.expose()
    );
    client
        .userinfo(refreshed.access_token.clone())
        .send()
        .await
        .expect("the refreshed token works");

    let live = client
        .introspect(tokens.access_token.clone())
        .send()
        .await
        .expect("introspect");
    assert!(live.active);
    assert_eq!(live.sub.as_deref(), Some(user_id.as_str()));
    client
        .revoke(tokens.access_token.clone())
        .send()
        .await
        .expect("revoke");
    let dead = client
        .introspect(tokens.access_token.clone())
        .send()
        .await
        .expect("introspect");
    assert!(!dead.active);
    client
        .userinfo(tokens.access_token.clone())
        .send()
        .await
        .expect_err("a revoked token gets no userinfo");
    client
        .validate_access_token_online(tokens.access_token.clone())
        .send()
        .await
        .expect_err("the online check sees the revocation");

    client
        .revoke(refresh_token.clone())
        .send()
        .await
        .expect("revoke refresh");
    client
        .refresh(refresh_token)
        .send()
        .await
        .expect_err("a revoked refresh token is refused");
}

async fn client_auth_methods(env: Env) {
    let user_id = alice(&env).await;

    // client_secret_basic, with the password grant.
    let basic = client_with(&env, ClientAuthMethod::ClientSecretBasic);
    let tokens = basic
        .password(PasswordLogin::Username("alice".into()), "passw0rd!")
        .scope("openid profile")
        .send()
        .await
        .expect("password grant, Basic auth");
    let claims = basic
        .validate_id_token(tokens.id_token.expect("id token").expose())
        .send()
        .await
        .expect("validates");
    assert_eq!(claims.sub, user_id);
    assert!(
        basic
            .introspect(tokens.access_token)
            .send()
            .await
            .expect("introspect")
            .active
    );
    basic
        .password(PasswordLogin::Username("alice".into()), "wrong")
        .send()
        .await
        .expect_err("a wrong password");

    // A wrong secret is refused, whatever the method.
    for method in [
        ClientAuthMethod::ClientSecretBasic,
        ClientAuthMethod::ClientSecretPost,
    ] {
        let wrong = ProtocolClient::builder(env.pool.app_host.clone(), env.pool.app_id.clone())
            .secret("not-the-secret")
            .token_auth_method(method)
            .transport(env.transport.clone())
            .build()
            .expect("client");
        wrong
            .password(
                PasswordLogin::Email("alice@example.com".into()),
                "passw0rd!",
            )
            .send()
            .await
            .expect_err("a wrong client secret");
    }

    // none: a public client, with PKCE only.
    let public = ProtocolClient::builder(env.pool.app_host.clone(), env.pool.app_id.clone())
        .redirect_uri(REDIRECT)
        .token_auth_method(ClientAuthMethod::None)
        .transport(env.transport.clone())
        .build()
        .expect("public client");
    let verifier = CodeVerifier::random();
    let authorization = public
        .authorize_url()
        .scope("openid")
        .pkce(verifier.challenge(PkceMethod::Plain))
        .build()
        .expect("authorize url");
    let (code, _) = log_in_through_form(&env, &authorization.url, "passw0rd!").await;
    let tokens = public
        .exchange_code(code)
        .code_verifier(&verifier)
        .send()
        .await
        .expect("a public client with PKCE");
    assert!(tokens.id_token.is_some());
    public
        .client_credentials("read")
        .send()
        .await
        .expect_err("client credentials need the secret");

    // A code expires by the fake's clock.
    let authorization = public
        .authorize_url()
        .scope("openid")
        .pkce(verifier.challenge(PkceMethod::S256))
        .build()
        .expect("authorize url");
    let (code, _) = log_in_through_form(&env, &authorization.url, "passw0rd!").await;
    env.mock.advance_clock(Duration::from_secs(11 * 60));
    public
        .exchange_code(code)
        .code_verifier(&verifier)
        .send()
        .await
        .expect_err("the code expired");
}

async fn client_credentials(env: Env) {
    // The AuthenticationClient's accessor: its app's host, id and transport.
    let client = env
        .authentication()
        .protocols()
        .expect("an app id is set")
        .secret(env.pool.app_secret.clone())
        .build()
        .expect("protocol client");
    assert_eq!(client.app_id(), env.pool.app_id);
    let tokens = client
        .client_credentials("orders:read")
        .send()
        .await
        .expect("client credentials");
    assert!(tokens.id_token.is_none() && tokens.refresh_token.is_none());
    assert_eq!(tokens.scope.as_deref(), Some("orders:read"));
    let claims = client
        .validate_access_token(tokens.access_token.expose())
        .await
        .expect("validates");
    assert!(claims.aud.contains(&env.pool.app_id));
    let seen = client
        .introspect(tokens.access_token)
        .send()
        .await
        .expect("introspect");
    assert!(seen.active);
    assert_eq!(seen.client_id.as_deref(), Some(env.pool.app_id.as_str()));

    // The OAuth 2.0 twin: tokens carry the `/oauth` issuer the validator expects.
    let oauth = env
        .authentication()
        .protocols()
        .expect("an app id is set")
        .protocol(Protocol::OAuth2)
        .secret(env.pool.app_secret.clone())
        .build()
        .expect("protocol client");
    let tokens = oauth
        .client_credentials("orders:read")
        .send()
        .await
        .expect("oauth client credentials");
    let claims = oauth
        .validate_access_token(tokens.access_token.expose())
        .await
        .expect("validates against the /oauth issuer");
    assert!(claims.iss.ends_with("/oauth"), "{}", claims.iss);
}

/// A clock 16 days ahead: the fake's tokens live 15.
#[derive(Debug)]
struct Later;

impl Clock for Later {
    fn now(&self) -> SystemTime {
        SystemTime::now() + Duration::from_secs(16 * 24 * 3600)
    }
}

async fn forged_tokens_refused(env: Env) {
    alice(&env).await;
    let client = client_with(&env, ClientAuthMethod::ClientSecretPost);
    let tokens = client
        .password(PasswordLogin::Username("alice".into()), "passw0rd!")
        .send()
        .await
        .expect("tokens");
    let id_token = tokens.id_token.expect("id token");
    let id_token = id_token.expose();
    client
        .validate_id_token(id_token)
        .send()
        .await
        .expect("the genuine token validates");

    // Tampered: a claim changed, the signature kept.
    let parts: Vec<&str> = id_token.split('.').collect();
    let mut payload: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).expect("b64")).expect("json");
    payload["sub"] = "someone-else".into();
    let tampered_payload = URL_SAFE_NO_PAD.encode(payload.to_string());
    let tampered = format!("{}.{}.{}", parts[0], tampered_payload, parts[2]);
    let error = client
        .validate_id_token(&tampered)
        .send()
        .await
        .expect_err("tampered");
    assert!(matches!(error, ValidationError::BadSignature), "{error:?}");

    // alg none.
    let none_header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
    let unsigned = format!("{none_header}.{}.", parts[1]);
    let error = client
        .validate_id_token(&unsigned)
        .send()
        .await
        .expect_err("alg none");
    assert!(
        matches!(error, ValidationError::AlgorithmNotAllowed { .. }),
        "{error:?}"
    );

    // Key confusion: HS256 signed with the app secret, shown to an RS256 client.
    let hs = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &payload,
        &jsonwebtoken::EncodingKey::from_secret(env.pool.app_secret.expose().as_bytes()),
    )
    .expect("sign");
    let error = client
        .validate_id_token(&hs)
        .send()
        .await
        .expect_err("key confusion");
    assert!(
        matches!(error, ValidationError::AlgorithmNotAllowed { .. }),
        "{error:?}"
    );

    // Wrong audience: the client of another application of the fake.
    let other = env.mock.create_pool();
    let stranger = ProtocolClient::builder(env.pool.app_host.clone(), other.app_id.clone())
        .secret(other.app_secret.clone())
        .transport(env.transport.clone())
        .build()
        .expect("client");
    let error = stranger
        .validate_id_token(id_token)
        .send()
        .await
        .expect_err("wrong audience");
    assert!(matches!(error, ValidationError::WrongAudience), "{error:?}");

    // Expired, by the validator's clock.
    let later = ProtocolClient::builder(env.pool.app_host.clone(), env.pool.app_id.clone())
        .clock(std::sync::Arc::new(Later))
        .transport(env.transport.clone())
        .build()
        .expect("client");
    let error = later
        .validate_id_token(id_token)
        .send()
        .await
        .expect_err("expired");
    assert!(
        matches!(error, ValidationError::Expired { .. }),
        "{error:?}"
    );
}

/// The `kid` in a token's header.
fn kid(token: &str) -> Option<String> {
    jsonwebtoken::decode_header(token)
        .expect("a JWT header")
        .kid
}

/// Each application signs with its own RS256 key, listed in the JWKS under the `kid` its
/// tokens carry; an application set to HS256 signs its id tokens with its secret, which
/// the SDK's validator checks when configured so and refuses otherwise.
async fn per_app_keys_and_hs256(env: Env) {
    let user_id = alice(&env).await;
    let management = env.management();
    let second = management
        .applications()
        .create("Second app", "second-app", vec![REDIRECT.to_owned()])
        .send()
        .await
        .expect("a second application");
    let second_secret = second.secret.clone().expect("the new app's secret");
    let client_of = |app_id: &str, secret: &Secret, algorithm: SigningAlgorithm| {
        ProtocolClient::builder(env.pool.app_host.clone(), app_id.to_owned())
            .secret(secret.clone())
            .id_token_algorithm(algorithm)
            .transport(env.transport.clone())
            .build()
            .expect("protocol client")
    };
    let first = client_of(
        &env.pool.app_id,
        &env.pool.app_secret,
        SigningAlgorithm::Rs256,
    );
    let other = client_of(&second.id, &second_secret, SigningAlgorithm::Rs256);
    let login = |client: &ProtocolClient<DynTransport>| {
        let client = client.clone();
        async move {
            client
                .password(PasswordLogin::Username("alice".into()), "passw0rd!")
                .scope("openid profile")
                .send()
                .await
                .expect("password grant")
        }
    };

    let first_tokens = login(&first).await;
    let other_tokens = login(&other).await;
    let first_id = first_tokens.id_token.clone().expect("id token");
    let other_id = other_tokens.id_token.clone().expect("id token");
    let first_kid = kid(first_id.expose()).expect("RS256 tokens name their key");
    let other_kid = kid(other_id.expose()).expect("RS256 tokens name their key");
    assert_ne!(first_kid, other_kid, "a key per application");
    assert_eq!(
        kid(first_tokens.access_token.expose()),
        Some(first_kid.clone())
    );
    // The same key signs the application's next tokens.
    assert_eq!(
        kid(login(&first).await.access_token.expose()),
        Some(first_kid.clone())
    );

    // The JWKS of each application lists its key under that kid.
    for (app_id, kid) in [(&env.pool.app_id, &first_kid), (&second.id, &other_kid)] {
        let answer = env
            .transport
            .send(
                http::Request::get(format!(
                    "{}/oidc/.well-known/jwks.json?app_id={app_id}",
                    env.pool.app_host
                ))
                .body(Bytes::new())
                .expect("request"),
            )
            .await
            .expect("transport");
        assert_eq!(answer.status(), 200);
        let jwks: serde_json::Value = serde_json::from_slice(answer.body()).expect("json");
        let kids: Vec<&str> = jwks["keys"]
            .as_array()
            .expect("keys")
            .iter()
            .filter_map(|key| key["kid"].as_str())
            .collect();
        assert_eq!(kids, [kid.as_str()], "{jwks}");
    }
    // The shared JWKS (what the SDK fetches) holds both.
    let shared = first.jwks().send().await.expect("jwks");
    for kid in [&first_kid, &other_kid] {
        assert!(shared.keys.iter().any(|key| key.kid.as_ref() == Some(kid)));
    }
    assert_eq!(
        other
            .validate_id_token(other_id.expose())
            .send()
            .await
            .expect("validates with its app's key")
            .sub,
        user_id
    );
    let error = first
        .validate_id_token(other_id.expose())
        .send()
        .await
        .expect_err("another application's token");
    assert!(matches!(error, ValidationError::WrongAudience), "{error:?}");

    // Set the second application to HS256 id tokens.
    let updated: serde_json::Value = management
        .rest(
            http::Method::POST,
            &format!("/api/v2/applications/{}", second.id),
            Some(&serde_json::json!({
                "oidcConfig": { "id_token_signed_response_alg": "HS256" }
            })),
        )
        .await
        .expect("update the application");
    assert_eq!(
        updated["oidcConfig"]["id_token_signed_response_alg"],
        "HS256"
    );
    let tokens = login(&other).await;
    let id_token = tokens.id_token.clone().expect("id token");
    let header = jsonwebtoken::decode_header(id_token.expose()).expect("header");
    assert_eq!(header.alg, jsonwebtoken::Algorithm::HS256);
    assert_eq!(header.kid, None);
    assert_eq!(kid(tokens.access_token.expose()), Some(other_kid.clone()));
    let hs256 = client_of(&second.id, &second_secret, SigningAlgorithm::Hs256);
    let claims = hs256
        .validate_id_token(id_token.expose())
        .send()
        .await
        .expect("an HS256 id token validates with the app secret");
    assert_eq!(claims.sub, user_id);
    let error = other
        .validate_id_token(id_token.expose())
        .send()
        .await
        .expect_err("an RS256 client refuses it");
    assert!(
        matches!(error, ValidationError::AlgorithmNotAllowed { .. }),
        "{error:?}"
    );
    let wrong_secret = client_of(
        &second.id,
        &Secret::from("not-the-secret"),
        SigningAlgorithm::Hs256,
    );
    let error = wrong_secret
        .validate_id_token(id_token.expose())
        .send()
        .await
        .expect_err("another secret");
    assert!(matches!(error, ValidationError::BadSignature), "{error:?}");
    let online = hs256
        .validate_id_token_online(id_token.clone())
        .send()
        .await
        .expect("Authing's online check knows HS256 apps");
    assert_eq!(online.sub, user_id);
    // The access token stays RS256 and validates locally.
    hs256
        .validate_access_token(tokens.access_token.expose())
        .await
        .expect("access tokens are RS256");
}

/// Posts alice's credentials with the authorization parameters of `authorize_url` (the
/// documented shortcut past the login page) and returns the answer.
async fn post_login(env: &Env, authorize_url: &str) -> http::Response<Bytes> {
    let url = url::Url::parse(authorize_url).expect("authorize url");
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.extend_pairs(url.query_pairs());
    form.append_pair("username", "alice")
        .append_pair("password", "passw0rd!");
    let action = format!("{}://{}{}", url.scheme(), url.authority(), url.path());
    send(
        env,
        http::Request::post(action)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Bytes::from(form.finish()))
            .expect("request"),
    )
    .await
}

/// The parameters in the fragment of a 303's Location.
fn fragment_params(answer: &http::Response<Bytes>) -> Vec<(String, String)> {
    assert_eq!(answer.status(), 303, "{:?}", answer.body());
    let location = answer.headers()["location"].to_str().expect("ascii");
    let location = url::Url::parse(location).expect("location");
    assert!(location.as_str().starts_with(REDIRECT), "{location}");
    assert_eq!(location.query(), None, "tokens never go in the query");
    url::form_urlencoded::parse(location.fragment().expect("a fragment").as_bytes())
        .into_owned()
        .collect()
}

/// The hidden fields of a `form_post` page, by reading its `<input>`s.
fn posted_fields(answer: &http::Response<Bytes>) -> Vec<(String, String)> {
    assert_eq!(answer.status(), 200);
    let html = String::from_utf8_lossy(answer.body()).into_owned();
    assert!(
        html.contains(&format!("<form method=\"post\" action=\"{REDIRECT}\">")),
        "{html}"
    );
    html.split("<input type=\"hidden\" ")
        .skip(1)
        .map(|input| {
            let attribute = |name: &str| {
                let start = input.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
                let end = start + input[start..].find('"').expect("closing quote");
                input[start..end].replace("&amp;", "&")
            };
            (attribute("name"), attribute("value"))
        })
        .collect()
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// OIDC's `at_hash` / `c_hash` of `value`.
fn left_half_hash(value: &str) -> String {
    use sha2::Digest as _;
    URL_SAFE_NO_PAD.encode(&sha2::Sha256::digest(value.as_bytes())[..16])
}

/// The claims of a JWT, unverified (the SDK's validator checked the signature).
fn payload(token: &str) -> serde_json::Value {
    let part = token.split('.').nth(1).expect("a JWT");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).expect("b64")).expect("json")
}

/// The implicit flow (`id_token token` in the fragment) and the hybrid flow
/// (`code id_token` posted by `form_post`), with `at_hash` and `c_hash` checked by the SDK's
/// validator against the access token and code (another one refused, a missing `c_hash`
/// refused beside a code); the nonce OIDC requires, and tokens never in a query.
async fn implicit_and_hybrid(env: Env) {
    let user_id = alice(&env).await;
    let client = client_with(&env, ClientAuthMethod::ClientSecretPost);

    // Implicit: the tokens come back in the fragment.
    let authorization = client
        .authorize_url()
        .response_type(ResponseType::IdTokenToken)
        .scope("openid profile email")
        .build()
        .expect("authorize url");
    let nonce = authorization.nonce.clone().expect("a nonce");
    let params = fragment_params(&post_login(&env, &authorization.url).await);
    assert_eq!(param(&params, "state"), Some(authorization.state.as_str()));
    assert_eq!(param(&params, "token_type"), Some("Bearer"));
    assert_eq!(param(&params, "code"), None);
    let access_token = param(&params, "access_token").expect("an access token");
    let id_token = param(&params, "id_token").expect("an id token");
    let claims = client
        .validate_id_token(id_token)
        .nonce(&nonce)
        .access_token(&Secret::from(access_token))
        .send()
        .await
        .expect("the implicit id token validates, at_hash included");
    assert_eq!(claims.sub, user_id);
    assert_eq!(claims.at_hash, Some(left_half_hash(access_token)));
    // Another access token (here: one from another login) does not match its at_hash.
    let other_params = fragment_params(&post_login(&env, &authorization.url).await);
    let other_access_token = param(&other_params, "access_token").expect("an access token");
    assert_ne!(other_access_token, access_token);
    let error = client
        .validate_id_token(id_token)
        .nonce(&nonce)
        .access_token(&Secret::from(other_access_token))
        .send()
        .await
        .expect_err("another access token");
    assert!(
        matches!(
            error,
            ValidationError::HashMismatch {
                claim: HashClaim::AtHash
            }
        ),
        "{error:?}"
    );
    let info = client
        .userinfo(Secret::from(access_token))
        .send()
        .await
        .expect("userinfo with the implicit access token");
    assert_eq!(info.sub, user_id);

    // Implicit, id token only.
    let authorization = client
        .authorize_url()
        .response_type(ResponseType::IdToken)
        .build()
        .expect("authorize url");
    let id_token_only_params = fragment_params(&post_login(&env, &authorization.url).await);
    assert_eq!(param(&id_token_only_params, "access_token"), None);
    let implicit_id_token_only = param(&id_token_only_params, "id_token").expect("an id token");
    assert!(payload(implicit_id_token_only).get("at_hash").is_none());
    let implicit_nonce = authorization.nonce.clone().expect("nonce");
    client
        .validate_id_token(implicit_id_token_only)
        .nonce(&implicit_nonce)
        .send()
        .await
        .expect("validates");

    // Hybrid, posted to the client by the browser.
    let authorization = client
        .authorize_url()
        .response_type(ResponseType::CodeIdToken)
        .response_mode(ResponseMode::FormPost)
        .scope("openid profile")
        .build()
        .expect("authorize url");
    let nonce = authorization.nonce.clone().expect("a nonce");
    let fields = posted_fields(&post_login(&env, &authorization.url).await);
    assert_eq!(param(&fields, "state"), Some(authorization.state.as_str()));
    let code = param(&fields, "code").expect("a code");
    let id_token = param(&fields, "id_token").expect("an id token");
    let front_channel = client
        .validate_id_token(id_token)
        .nonce(&nonce)
        .code(&Secret::from(code))
        .send()
        .await
        .expect("the front-channel id token validates, c_hash included");
    assert_eq!(front_channel.c_hash, Some(left_half_hash(code)));
    assert_eq!(payload(id_token)["c_hash"], left_half_hash(code).as_str());
    // The id token paired with another code (code injection), or a code with an id token
    // that has no c_hash, is refused.
    let error = client
        .validate_id_token(id_token)
        .nonce(&nonce)
        .code(&Secret::from(format!("{code}x")))
        .send()
        .await
        .expect_err("another code");
    assert!(
        matches!(
            error,
            ValidationError::HashMismatch {
                claim: HashClaim::CHash
            }
        ),
        "{error:?}"
    );
    assert!(!error.to_string().contains(code), "{error}");
    let error = client
        .validate_id_token(implicit_id_token_only)
        .nonce(&implicit_nonce)
        .code(&Secret::from(code))
        .send()
        .await
        .expect_err("no c_hash");
    assert!(
        matches!(
            error,
            ValidationError::HashMissing {
                claim: HashClaim::CHash
            }
        ),
        "{error:?}"
    );
    let tokens = client
        .exchange_code(code.to_owned())
        .send()
        .await
        .expect("the hybrid code exchanges");
    let back_channel = client
        .validate_id_token(tokens.id_token.as_ref().expect("id token").expose())
        .nonce(&nonce)
        .access_token(&tokens.access_token)
        .send()
        .await
        .expect("the back-channel id token validates");
    assert_eq!(back_channel.sub, user_id);

    // Refused: an implicit request without a nonce, tokens in a query, an unknown type.
    let base = format!(
        "{}?client_id={}&redirect_uri={}&scope=openid",
        client.endpoints().authorize(),
        env.pool.app_id,
        url::form_urlencoded::byte_serialize(REDIRECT.as_bytes()).collect::<String>(),
    );
    for (extra, error) in [
        ("&response_type=id_token", "invalid_request"),
        (
            "&response_type=id_token%20token&nonce=n&response_mode=query",
            "invalid_request",
        ),
        ("&response_type=code%20device", "unsupported_response_type"),
    ] {
        let answer = send(
            &env,
            http::Request::get(format!("{base}{extra}"))
                .body(Bytes::new())
                .expect("request"),
        )
        .await;
        assert_eq!(answer.status(), 400, "{extra}");
        let body: serde_json::Value = serde_json::from_slice(answer.body()).expect("json");
        assert_eq!(body["error"], error, "{extra}: {body}");
    }
}

/// RFC 6750's other ways to present an access token, which the official JS SDK uses
/// (`GET /oidc/me?access_token=..`), and a revocation answered with a JSON body (`{}`), which
/// the official Python SDK parses.
async fn userinfo_by_query_or_form_and_revocation_body(env: Env) {
    let user_id = alice(&env).await;
    let client = client_with(&env, ClientAuthMethod::ClientSecretPost);
    let tokens = client
        .password(PasswordLogin::Username("alice".into()), "passw0rd!")
        .scope("openid profile")
        .send()
        .await
        .expect("password grant");
    let access_token = tokens.access_token.expose().to_owned();
    let me = format!("{}/oidc/me", env.pool.app_host);
    let by_query = send(
        &env,
        http::Request::get(format!("{me}?access_token={access_token}"))
            .body(Bytes::new())
            .expect("request"),
    )
    .await;
    assert_eq!(by_query.status(), 200);
    let claims: serde_json::Value = serde_json::from_slice(by_query.body()).expect("json");
    assert_eq!(claims["sub"], user_id.as_str());
    let by_form = send(
        &env,
        http::Request::post(&me)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Bytes::from(format!("access_token={access_token}")))
            .expect("request"),
    )
    .await;
    assert_eq!(by_form.status(), 200);
    let without = send(
        &env,
        http::Request::get(&me).body(Bytes::new()).expect("request"),
    )
    .await;
    assert_eq!(without.status(), 400);

    let revocation = send(
        &env,
        http::Request::post(format!("{}/oidc/token/revocation", env.pool.app_host))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Bytes::from(format!(
                "token={access_token}&client_id={}&client_secret={}",
                env.pool.app_id,
                env.pool.app_secret.expose()
            )))
            .expect("request"),
    )
    .await;
    assert_eq!(revocation.status(), 200);
    assert_eq!(revocation.body().as_ref(), b"{}");
    let after = send(
        &env,
        http::Request::get(format!("{me}?access_token={access_token}"))
            .body(Bytes::new())
            .expect("request"),
    )
    .await;
    assert_eq!(after.status(), 401, "a revoked token reads nothing");
}

each_transport!(
    implicit_and_hybrid,
    userinfo_by_query_or_form_and_revocation_body,
    code_pkce_flow,
    client_auth_methods,
    client_credentials,
    forged_tokens_refused,
    per_app_keys_and_hs256
);
