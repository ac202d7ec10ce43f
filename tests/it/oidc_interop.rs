//! Interop: the `openidconnect` crate, a standard OIDC client no one here wrote, against
//! the fake's HTTP door over every transport: discovery (and the JWKS it fetches), the
//! code + PKCE flow through the login form, the token exchange (its default
//! `client_secret_basic`), id_token verification with `at_hash`, and userinfo.

use authing_core::model::CreateUserInput;
use authing_core::{Secret, TransportError};
use authing_tests::{DynTransport, Env, each_transport};
use bytes::Bytes;
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims,
};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce,
    OAuth2TokenResponse as _, PkceCodeChallenge, RedirectUrl, Scope, TokenResponse as _,
};

const REDIRECT: &str = "https://rp.example.com/callback";

/// What the HTTP client answers.
type Answer =
    std::pin::Pin<Box<dyn Future<Output = Result<http::Response<Vec<u8>>, TransportError>> + Send>>;

/// `openidconnect`'s HTTP client: any function from `http::Request<Vec<u8>>` to a future
/// of `http::Response<Vec<u8>>`; here, over the scenario's transport.
fn http_client(transport: DynTransport) -> impl Fn(http::Request<Vec<u8>>) -> Answer {
    move |request| {
        let transport = transport.clone();
        Box::pin(async move {
            let (parts, body) = request.into_parts();
            let response = transport
                .send(http::Request::from_parts(parts, Bytes::from(body)))
                .await?;
            let (parts, body) = response.into_parts();
            Ok(http::Response::from_parts(parts, body.to_vec()))
        })
    }
}

async fn discovery_code_pkce_and_id_token(env: Env) {
    let user_id = env
        .management()
        .users()
        .create(CreateUserInput {
            username: Some("alice".into()),
            email: Some("alice@example.com".into()),
            password: Some(Secret::from("passw0rd!")),
            ..Default::default()
        })
        .send()
        .await
        .expect("create alice")
        .id;
    let http = http_client(env.transport.clone());

    let issuer = IssuerUrl::new(format!("{}/oidc", env.pool.app_host)).expect("issuer");
    let metadata = CoreProviderMetadata::discover_async(issuer, &http)
        .await
        .expect("discovery and JWKS");
    let client = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(env.pool.app_id.clone()),
        Some(ClientSecret::new(env.pool.app_secret.expose().to_owned())),
    )
    .set_redirect_uri(RedirectUrl::new(REDIRECT.to_owned()).expect("redirect"));

    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (authorize_url, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".to_owned()))
        .add_scope(Scope::new("profile".to_owned()))
        .set_pkce_challenge(challenge)
        .url();

    // The login page, then its form posted with alice's credentials.
    let page = env
        .transport
        .send(
            http::Request::get(authorize_url.as_str())
                .body(Bytes::new())
                .expect("request"),
        )
        .await
        .expect("transport");
    assert_eq!(page.status(), 200);
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.extend_pairs(authorize_url.query_pairs());
    form.append_pair("username", "alice")
        .append_pair("password", "passw0rd!");
    let mut action = authorize_url.clone();
    action.set_query(None);
    let answer = env
        .transport
        .send(
            http::Request::post(action.as_str())
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Bytes::from(form.finish()))
                .expect("request"),
        )
        .await
        .expect("transport");
    assert_eq!(answer.status(), 303);
    let location =
        url::Url::parse(answer.headers()["location"].to_str().expect("ascii")).expect("location");
    let param = |name: &str| {
        location
            .query_pairs()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
            .expect(name)
    };
    assert_eq!(&param("state"), state.secret());

    let tokens = client
        .exchange_code(AuthorizationCode::new(param("code")))
        .expect("a token endpoint")
        .set_pkce_verifier(verifier)
        .request_async(&http)
        .await
        .expect("the code exchange (client_secret_basic, PKCE)");
    let id_token = tokens.id_token().expect("an id token");
    let verifier = client.id_token_verifier();
    let claims = id_token
        .claims(&verifier, &nonce)
        .expect("the id token verifies: signature by kid, iss, aud, exp, nonce");
    assert_eq!(claims.subject().as_str(), user_id);
    assert_eq!(
        claims.email().map(|email| email.as_str()),
        Some("alice@example.com")
    );
    let expected_hash = AccessTokenHash::from_token(
        tokens.access_token(),
        id_token.signing_alg().expect("alg"),
        id_token.signing_key(&verifier).expect("key"),
    )
    .expect("hash");
    assert_eq!(claims.access_token_hash(), Some(&expected_hash));
    id_token
        .claims(&verifier, &Nonce::new("another-nonce".to_owned()))
        .expect_err("a wrong nonce is refused");

    let info: CoreUserInfoClaims = client
        .user_info(tokens.access_token().clone(), None)
        .expect("a userinfo endpoint")
        .request_async(&http)
        .await
        .expect("userinfo");
    assert_eq!(info.subject().as_str(), user_id);
    assert_eq!(
        info.preferred_username().map(|name| name.as_str()),
        Some("alice")
    );
}

each_transport!(discovery_code_pkce_and_id_token);
