//! What a backend pays to check a caller's token locally with `ProtocolClient`.
//!
//! - `validate_id_token/rs256_cached_key`: an RS256 id token checked against the cached JWKS
//!   (signature, `iss`, `aud`, `exp`, `iat`, nonce): the per-request cost once the keys are
//!   loaded.
//! - `validate_id_token/hs256`: the same with an HS256 token and the app secret.
//! - `validate_access_token/rs256_cached_key`: an access token.
//! - `authorize_url/pkce_s256`: a verifier, its S256 challenge and an authorize URL.
//!
//! Run with `cargo bench -p authing-tests --bench protocols`.

// criterion_group! and criterion_main! generate undocumented functions.
#![allow(missing_docs)]

use std::time::{SystemTime, UNIX_EPOCH};

use authing_authentication::protocols::{
    CodeVerifier, PkceMethod, ProtocolClient, SigningAlgorithm,
};
use authing_core::{Transport, transport_fn};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use bytes::Bytes;
use criterion::{Criterion, criterion_group, criterion_main};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use rsa::traits::PublicKeyParts;
use serde_json::json;

const HOST: &str = "https://app.example.com";
const APP_ID: &str = "app1";
const SECRET: &str = "the-app-secret";

struct Fixture {
    id_token: String,
    access_token: String,
    hs256_id_token: String,
    jwks: String,
}

fn fixture() -> Fixture {
    let key = rsa::RsaPrivateKey::new(&mut rand::rngs::OsRng, 2048).expect("a key");
    let pem = key.to_pkcs8_pem(LineEnding::LF).expect("pem");
    let jwks = json!({"keys": [{
        "kty": "RSA", "use": "sig", "alg": "RS256", "kid": "k1",
        "n": URL_SAFE_NO_PAD.encode(key.n().to_bytes_be()),
        "e": URL_SAFE_NO_PAD.encode(key.e().to_bytes_be()),
    }]})
    .to_string();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after the epoch")
        .as_secs();
    let claims = json!({
        "iss": format!("{HOST}/oidc"), "aud": APP_ID, "sub": "6079b5a7d8c4a4e1c6d4f4b1",
        "iat": now, "exp": now + 3600, "nonce": "n-1", "name": "Ada Lovelace",
        "email": "ada@example.com", "email_verified": true, "at_hash": "x8JkQpQ7rV2sYy2yVb3k4A",
    });
    let access = json!({
        "iss": format!("{HOST}/oidc"), "aud": APP_ID, "sub": "6079b5a7d8c4a4e1c6d4f4b1",
        "iat": now, "exp": now + 3600, "jti": "pZ3sd1ZbqJ2tUj", "scope": "openid profile email",
    });
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("k1".into());
    let rsa_key = EncodingKey::from_rsa_pem(pem.as_bytes()).expect("key");
    Fixture {
        id_token: jsonwebtoken::encode(&header, &claims, &rsa_key).expect("signs"),
        access_token: jsonwebtoken::encode(&header, &access, &rsa_key).expect("signs"),
        hs256_id_token: jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(SECRET.as_bytes()),
        )
        .expect("signs"),
        jwks,
    }
}

fn client(jwks: String, algorithm: SigningAlgorithm) -> ProtocolClient<impl Transport> {
    ProtocolClient::builder(HOST, APP_ID)
        .secret(SECRET)
        .redirect_uri("https://site.example.com/callback")
        .id_token_algorithm(algorithm)
        .transport(transport_fn(move |_request: http::Request<Bytes>| {
            let body = Bytes::from(jwks.clone());
            async move { Ok(http::Response::new(body)) }
        }))
        .build()
        .expect("builds")
}

fn validation(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let fixture = fixture();
    let rs256 = client(fixture.jwks.clone(), SigningAlgorithm::Rs256);
    let hs256 = client(fixture.jwks.clone(), SigningAlgorithm::Hs256);
    runtime
        .block_on(rs256.load_signing_keys())
        .expect("loads the keys");

    let mut group = c.benchmark_group("validate_id_token");
    group.bench_function("rs256_cached_key", |b| {
        b.iter(|| {
            runtime
                .block_on(
                    rs256
                        .validate_id_token(&fixture.id_token)
                        .nonce("n-1")
                        .send(),
                )
                .expect("valid")
        })
    });
    group.bench_function("hs256", |b| {
        b.iter(|| {
            runtime
                .block_on(
                    hs256
                        .validate_id_token(&fixture.hs256_id_token)
                        .nonce("n-1")
                        .send(),
                )
                .expect("valid")
        })
    });
    group.finish();

    c.bench_function("validate_access_token/rs256_cached_key", |b| {
        b.iter(|| {
            runtime
                .block_on(rs256.validate_access_token(&fixture.access_token))
                .expect("valid")
        })
    });

    c.bench_function("authorize_url/pkce_s256", |b| {
        b.iter(|| {
            let verifier = CodeVerifier::random();
            rs256
                .authorize_url()
                .pkce(verifier.challenge(PkceMethod::S256))
                .build()
                .expect("builds")
        })
    });
}

criterion_group!(benches, validation);
criterion_main!(benches);
