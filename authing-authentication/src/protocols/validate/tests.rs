//! Local validation, against tokens signed here with a test RSA key.

use super::*;
use crate::protocols::ClientAuthMethod;
use authing_core::transport_fn;
use bytes::Bytes;
use jsonwebtoken::{EncodingKey, Header as JwtHeader};
use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey, LineEnding};
use rsa::traits::PublicKeyParts;
use serde_json::json;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::time::UNIX_EPOCH;

/// A PUBLIC TEST KEY, generated once with `openssl genpkey -algorithm RSA` for these tests
/// only. It protects nothing; never use it for anything else.
const TEST_RSA_PRIVATE_KEY_PEM: &str = "\
-----BEGIN PRIVATE KEY-----\n\
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQClzf6tk7o0srRZ\n\
MNPa7/Qk8R/IjL5uIpznnhPSpP9XrPCNAePm44aatOPvuTP7+3rUM/tM3ZqXd1cF\n\
cjGQBdPrpwzMeSshw/WIiGitBvWjRHRvyRnYEZQ8sP8MHSfubpseJLFy9VmGdOs8\n\
byWqAy2Fd5bZ9Ac5k76CVWcDi1s+Lat6g1b+Q5Cp0ICx+nW4OI2jyRpKDGVgDpRN\n\
Onxf9TPHO6Ykoec91QRqfNxsA8IzASpFbLf8nm2WwOIyuHeUjCC9l7+wehIGXfRb\n\
HbN3Q7Hf1AK2or+UcyphF3TofM30elIu+XfX8mhGzZaQZDlBiePk3b/xZhJ8JOe8\n\
ytziu08hAgMBAAECggEAJQfd4oyE4PIsn2LtXg+Lepiz3Ym5mkV2v7ApgzlAoidI\n\
zmVmrhGQ5YqTAd5eQuAGrdAyRxeTSFLqB5hag20ZyJ7Vl/FT9cWbV/QHVOWiBOXs\n\
D29dq0k5z1hEjkMQwQrI8DGHxEIRzZrdUvEL+22cRBvSgDklR/G8ccV7LWp5ZWhX\n\
pIfb8TmsDKD5hicD5qKaSZ91qMpvhOSTDbdC6ZweDwmnG66fzxfvhdEdNR+ahx5y\n\
pwxSrno+eqPZoAAHEBOkbVLfGXGrcESLNpfkBlI4ovpsYweKo8v+MKAOVTT5I30L\n\
FkYwC1850IWWchegZV99iDVXwBqt2QIemtYPuuHJcQKBgQDZSE3mszlnmO8Qz/YR\n\
1BAOCPY6oQhzoZAz7D/vT15d2QELIUtVHy/k54lEfKl4pjyZ0rXQeUMub2VHXjwN\n\
Nl95Cr2etpN8pgLiOgDu7qmsNSWnOPH1TiDNvGvwWvD1tViOGAVA+5JncPuBdlDR\n\
OrV2f9xJaORwhuP640mvqxGr3QKBgQDDWXKFzeN3yGbmZHKTZmWXlFtcLyBgpFg2\n\
4zz3fkSalaXDg4tCY1mSxkJVK/nfF/P7wfG6SaQXza5lwC+vpMTX9DTpXsTmZAvi\n\
sbwXEJlXPHndHk1CwcEpKNrCQLUq1+uxzqDaDK1tih4BuobvrbQArrXfTrrKYfi3\n\
UFHJWdiuFQKBgEqi+59zkRR1BCnSRcR6A8nOakZZan3N0asETDH4IYI7OJCKL0Ze\n\
ICWRIyXTbKN09vwf1TR3cwxQV4ncZORk+QarGdea/66hl/v90LRCZyYwW27FsNeC\n\
ruH9B1bY5kyArpqgxa08vV2rAbnG2pwEfrDl2tWcolvE+isESBt/t+JBAoGAUFxr\n\
kD+yY4Q9UGnh+GEXSdPuAW4hk6AH6gxw+B8pea42Esf6ccUNBCQrBX6hu/TOmbKf\n\
DlNc/a3PIGx/MXJGx8/eNGKX/W8KtKcJCTP64LgwKZZdkijCnXwBAgg8fvN0MiEe\n\
apTsgzNeRLfG6rI6ak104/gvPzIubrrL6ljbmkECgYEAzdIdVaiHGD3Kx+rI7aXK\n\
No9yubS+UloIiXxH4gWUxcOJNpAaTdPLzPh0YBmU46uzapqotq4ebLB2Jl6Ln2z5\n\
wnCqc2sI1y5b3OBUQfawHDUUFvsr1f5N+CVTOwhGXofbkobXrnhbdorIHhSkJzQr\n\
fQ+/lVeBykz7Z1Gjb6ZsU5w=\n\
-----END PRIVATE KEY-----\n\
";

const HOST: &str = "https://app.example.com";
const ISSUER: &str = "https://app.example.com/oidc";
const APP_ID: &str = "app1";
const SECRET: &str = "the-app-secret";
const NOW: i64 = 1_800_000_000;

/// A clock tests move by hand.
#[derive(Debug)]
struct TestClock(AtomicI64);

impl Clock for TestClock {
    fn now(&self) -> SystemTime {
        let seconds = u64::try_from(self.0.load(Ordering::SeqCst)).expect("after the epoch");
        UNIX_EPOCH + Duration::from_secs(seconds)
    }
}

/// The JWKS entry of the test key under `kid`.
fn jwk(kid: &str) -> Value {
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(TEST_RSA_PRIVATE_KEY_PEM).expect("test key");
    json!({
        "kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid,
        "n": URL_SAFE_NO_PAD.encode(key.n().to_bytes_be()),
        "e": URL_SAFE_NO_PAD.encode(key.e().to_bytes_be()),
    })
}

fn public_key_pem() -> String {
    rsa::RsaPrivateKey::from_pkcs8_pem(TEST_RSA_PRIVATE_KEY_PEM)
        .expect("test key")
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .expect("pem")
}

/// A fake application: its JWKS (changeable), how often it was fetched, and its clock.
struct App {
    jwks: Arc<Mutex<Value>>,
    fetches: Arc<AtomicUsize>,
    clock: Arc<TestClock>,
}

impl App {
    fn new(kids: &[&str]) -> Self {
        Self {
            jwks: Arc::new(Mutex::new(
                json!({ "keys": kids.iter().map(|k| jwk(k)).collect::<Vec<_>>() }),
            )),
            fetches: Arc::default(),
            clock: Arc::new(TestClock(AtomicI64::new(NOW))),
        }
    }

    fn serve(&self, kids: &[&str]) {
        *self.jwks.lock().expect("lock") =
            json!({ "keys": kids.iter().map(|k| jwk(k)).collect::<Vec<_>>() });
    }

    fn fetches(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }

    fn client(&self, algorithm: SigningAlgorithm) -> ProtocolClient<impl Transport + use<>> {
        let jwks = Arc::clone(&self.jwks);
        let fetches = Arc::clone(&self.fetches);
        ProtocolClient::builder(HOST, APP_ID)
            .secret(SECRET)
            .token_auth_method(ClientAuthMethod::ClientSecretPost)
            .id_token_algorithm(algorithm)
            .clock(Arc::clone(&self.clock) as Arc<dyn Clock>)
            .transport(transport_fn(move |request: http::Request<Bytes>| {
                assert_eq!(
                    request.uri(),
                    "https://app.example.com/oidc/.well-known/jwks.json"
                );
                fetches.fetch_add(1, Ordering::SeqCst);
                let body = jwks.lock().expect("lock").to_string();
                async move {
                    // Let concurrent validations pile up behind this fetch.
                    for _ in 0..10 {
                        tokio::task::yield_now().await;
                    }
                    Ok(http::Response::new(Bytes::from(body)))
                }
            }))
            .build()
            .expect("valid")
    }
}

fn claims() -> Value {
    json!({
        "iss": ISSUER, "aud": APP_ID, "sub": "u1", "iat": NOW - 10, "exp": NOW + 3600,
        "nonce": "n-1", "email": "ada@example.com", "email_verified": true, "roles": ["admin"],
    })
}

fn with(changes: Value) -> Value {
    let mut claims = claims();
    for (name, value) in changes.as_object().expect("object") {
        if value.is_null() {
            claims.as_object_mut().expect("object").remove(name);
        } else {
            claims[name] = value.clone();
        }
    }
    claims
}

fn rs256(kid: Option<&str>, claims: &Value) -> String {
    let mut header = JwtHeader::new(jsonwebtoken::Algorithm::RS256);
    header.kid = kid.map(str::to_owned);
    let key = EncodingKey::from_rsa_pem(TEST_RSA_PRIVATE_KEY_PEM.as_bytes()).expect("test key");
    jsonwebtoken::encode(&header, claims, &key).expect("signs")
}

fn hs256(secret: &[u8], claims: &Value) -> String {
    let header = JwtHeader::new(jsonwebtoken::Algorithm::HS256);
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(secret)).expect("signs")
}

fn unsigned(header: &Value, claims: &Value) -> String {
    format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

#[tokio::test]
async fn a_valid_id_token_passes_and_later_ones_use_the_cached_keys() {
    let app = App::new(&["k1"]);
    let client = app.client(SigningAlgorithm::Rs256);
    let token = rs256(Some("k1"), &claims());
    let claims = client
        .validate_id_token(&token)
        .nonce("n-1")
        .await
        .expect("valid");
    assert_eq!(claims.sub, "u1");
    assert_eq!(claims.iss, ISSUER);
    assert!(claims.aud.contains(APP_ID));
    assert_eq!(claims.nonce.as_deref(), Some("n-1"));
    assert_eq!(claims.email.as_deref(), Some("ada@example.com"));
    assert_eq!(claims.email_verified, Some(true));
    assert_eq!(claims.other["roles"], json!(["admin"]));
    for _ in 0..5 {
        client.validate_id_token(&token).await.expect("valid");
        client
            .clone()
            .validate_id_token(&token)
            .await
            .expect("clones share the cache");
    }
    assert_eq!(app.fetches(), 1, "the keys are fetched once");
}

#[tokio::test]
async fn a_tampered_token_fails_its_signature() {
    let app = App::new(&["k1"]);
    let client = app.client(SigningAlgorithm::Rs256);
    let token = rs256(Some("k1"), &claims());
    let mut parts: Vec<&str> = token.split('.').collect();
    let forged = URL_SAFE_NO_PAD.encode(with(json!({"sub": "admin"})).to_string());
    parts[1] = &forged;
    let error = client
        .validate_id_token(&parts.join("."))
        .await
        .expect_err("tampered");
    assert!(matches!(error, ValidationError::BadSignature), "{error:?}");

    // A signature cut short or replaced is refused too.
    let error = client
        .validate_id_token(&format!("{}.{}.AAAA", parts[0], parts[2]))
        .await
        .expect_err("bad signature");
    assert!(
        matches!(
            error,
            ValidationError::BadSignature | ValidationError::Malformed(_)
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn expiry_and_issue_time_are_checked_with_the_leeway_by_the_injected_clock() {
    let app = App::new(&["k1"]);
    let client = app.client(SigningAlgorithm::Rs256);
    let expired = rs256(Some("k1"), &with(json!({"exp": NOW - 61})));
    let error = client
        .validate_id_token(&expired)
        .await
        .expect_err("expired");
    assert!(
        matches!(error, ValidationError::Expired { exp, now } if exp == NOW - 61 && now == NOW),
        "{error:?}"
    );
    let within_leeway = rs256(Some("k1"), &with(json!({"exp": NOW - 59})));
    client
        .validate_id_token(&within_leeway)
        .await
        .expect("within the 60 s leeway");

    // The same token, once the clock moves past its expiry.
    let token = rs256(Some("k1"), &claims());
    client.validate_id_token(&token).await.expect("valid now");
    app.clock.0.store(NOW + 3600 + 61, Ordering::SeqCst);
    let error = client
        .validate_id_token(&token)
        .await
        .expect_err("expired later");
    assert!(
        matches!(error, ValidationError::Expired { .. }),
        "{error:?}"
    );
    app.clock.0.store(NOW, Ordering::SeqCst);

    let future = rs256(Some("k1"), &with(json!({"iat": NOW + 120})));
    let error = client
        .validate_id_token(&future)
        .await
        .expect_err("issued in the future");
    assert!(
        matches!(error, ValidationError::NotYetValid { not_before, .. } if not_before == NOW + 120),
        "{error:?}"
    );
    let not_before = rs256(Some("k1"), &with(json!({"nbf": NOW + 120})));
    let error = client
        .validate_id_token(&not_before)
        .await
        .expect_err("not yet valid");
    assert!(
        matches!(error, ValidationError::NotYetValid { .. }),
        "{error:?}"
    );
    let no_exp = rs256(Some("k1"), &with(json!({"exp": null})));
    let error = client.validate_id_token(&no_exp).await.expect_err("no exp");
    assert!(
        matches!(error, ValidationError::MalformedClaims),
        "{error:?}"
    );
}

#[tokio::test]
async fn tokens_for_another_audience_or_from_another_issuer_are_refused() {
    let app = App::new(&["k1"]);
    let client = app.client(SigningAlgorithm::Rs256);
    for claims in [
        with(json!({"aud": "another-app"})),
        with(json!({"aud": ["another-app", "third-app"]})),
        with(json!({"aud": [APP_ID, "another-app"], "azp": "another-app"})),
    ] {
        let error = client
            .validate_id_token(&rs256(Some("k1"), &claims))
            .await
            .expect_err("audience");
        assert!(
            matches!(error, ValidationError::WrongAudience),
            "{claims}: {error:?}"
        );
    }
    let several = with(json!({"aud": ["another-app", APP_ID], "azp": APP_ID}));
    client
        .validate_id_token(&rs256(Some("k1"), &several))
        .await
        .expect("one of the audiences");

    for issuer in [
        "https://evil.example.com/oidc",
        "https://app.example.com/oauth",
        "https://app.example.com/oidc/",
    ] {
        let token = rs256(Some("k1"), &with(json!({"iss": issuer})));
        let error = client.validate_id_token(&token).await.expect_err("issuer");
        assert!(
            matches!(&error, ValidationError::WrongIssuer { found, .. } if found == issuer),
            "{error:?}"
        );
    }
}

#[tokio::test]
async fn alg_none_is_refused_in_every_spelling() {
    let app = App::new(&["k1"]);
    let client = app.client(SigningAlgorithm::Rs256);
    for alg in ["none", "None", "NONE"] {
        let token = unsigned(&json!({"alg": alg, "typ": "JWT"}), &claims());
        let error = client
            .validate_id_token(&token)
            .await
            .expect_err("alg none");
        assert!(
            matches!(&error, ValidationError::AlgorithmNotAllowed { found, expected: "RS256" } if found == alg),
            "{error:?}"
        );
    }
    let hs = App::new(&[]).client(SigningAlgorithm::Hs256);
    let error = hs
        .validate_id_token(&unsigned(&json!({"alg": "none"}), &claims()))
        .await
        .expect_err("alg none");
    assert!(
        matches!(error, ValidationError::AlgorithmNotAllowed { .. }),
        "{error:?}"
    );
    assert_eq!(app.fetches(), 0, "refused before any key is fetched");
}

#[tokio::test]
async fn key_confusion_is_refused_both_ways() {
    let app = App::new(&["k1"]);
    let rs_client = app.client(SigningAlgorithm::Rs256);
    // The classic attack: HMAC keyed with the RSA public key, which anyone can read.
    for key in [public_key_pem().into_bytes(), SECRET.as_bytes().to_vec()] {
        let token = hs256(&key, &claims());
        let error = rs_client
            .validate_id_token(&token)
            .await
            .expect_err("HS256 on an RS256 app");
        assert!(
            matches!(&error, ValidationError::AlgorithmNotAllowed { found, expected: "RS256" } if found == "HS256"),
            "{error:?}"
        );
        let error = rs_client
            .validate_access_token(&token)
            .await
            .expect_err("access tokens are RS256");
        assert!(
            matches!(error, ValidationError::AlgorithmNotAllowed { .. }),
            "{error:?}"
        );
    }
    let hs_client = app.client(SigningAlgorithm::Hs256);
    let error = hs_client
        .validate_id_token(&rs256(Some("k1"), &claims()))
        .await
        .expect_err("RS256 on an HS256 app");
    assert!(
        matches!(
            error,
            ValidationError::AlgorithmNotAllowed {
                expected: "HS256",
                ..
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn hs256_id_tokens_verify_with_the_app_secret_only() {
    let app = App::new(&[]);
    let client = app.client(SigningAlgorithm::Hs256);
    let claims = client
        .validate_id_token(&hs256(SECRET.as_bytes(), &claims()))
        .nonce("n-1")
        .await
        .expect("valid");
    assert_eq!(claims.sub, "u1");
    let error = client
        .validate_id_token(&hs256(b"another-secret", &claims_value()))
        .await
        .expect_err("other secret");
    assert!(matches!(error, ValidationError::BadSignature), "{error:?}");
    assert_eq!(app.fetches(), 0, "HS256 needs no JWKS");
}

fn claims_value() -> Value {
    claims()
}

#[tokio::test]
async fn the_nonce_must_match_when_given() {
    let app = App::new(&["k1"]);
    let client = app.client(SigningAlgorithm::Rs256);
    let token = rs256(Some("k1"), &claims());
    let error = client
        .validate_id_token(&token)
        .nonce("n-2")
        .await
        .expect_err("mismatch");
    assert!(matches!(error, ValidationError::NonceMismatch), "{error:?}");
    assert!(!error.to_string().contains("n-2") && !error.to_string().contains("n-1"));
    let without = rs256(Some("k1"), &with(json!({"nonce": null})));
    let error = client
        .validate_id_token(&without)
        .nonce("n-1")
        .await
        .expect_err("missing");
    assert!(matches!(error, ValidationError::NonceMismatch), "{error:?}");
    client
        .validate_id_token(&without)
        .await
        .expect("no nonce asked for");
}

#[tokio::test]
async fn at_hash_and_c_hash_must_match_the_access_token_and_code_given() {
    let app = App::new(&["k1"]);
    let access_token = Secret::from("the-access-token");
    let code = Secret::from("the-code");
    let hashes = json!({
        "at_hash": token_hash::left_half_hash(access_token.expose()),
        "c_hash": token_hash::left_half_hash(code.expose()),
    });
    for (algorithm, token) in [
        (
            SigningAlgorithm::Rs256,
            rs256(Some("k1"), &with(hashes.clone())),
        ),
        (
            SigningAlgorithm::Hs256,
            hs256(SECRET.as_bytes(), &with(hashes.clone())),
        ),
    ] {
        let client = app.client(algorithm);
        let claims = client
            .validate_id_token(&token)
            .access_token(&access_token)
            .code(&code)
            .await
            .expect("both hashes match");
        assert_eq!(claims.c_hash, hashes["c_hash"].as_str().map(str::to_owned));
        let other = Secret::from("another-value");
        let error = client
            .validate_id_token(&token)
            .access_token(&other)
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
        let error = client
            .validate_id_token(&token)
            .code(&other)
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
        assert!(!format!("{error} {error:?}").contains("another-value"));
    }

    let client = app.client(SigningAlgorithm::Rs256);
    // A tampered claim breaks the signature before any hash is compared.
    let token = rs256(Some("k1"), &with(hashes.clone()));
    let mut parts: Vec<&str> = token.split('.').collect();
    let forged = URL_SAFE_NO_PAD.encode(
        with(
            json!({ "at_hash": token_hash::left_half_hash("forged"), "c_hash": hashes["c_hash"] }),
        )
        .to_string(),
    );
    parts[1] = &forged;
    let error = client
        .validate_id_token(&parts.join("."))
        .access_token(&Secret::from("forged"))
        .await
        .expect_err("tampered");
    assert!(matches!(error, ValidationError::BadSignature), "{error:?}");

    // Without `c_hash`, a code is refused; without `at_hash`, an access token is accepted
    // (OIDC makes it optional beside a code), and nothing is checked when neither is given.
    let bare = rs256(Some("k1"), &claims());
    let error = client
        .validate_id_token(&bare)
        .code(&code)
        .await
        .expect_err("c_hash required with a code");
    assert!(
        matches!(
            error,
            ValidationError::HashMissing {
                claim: HashClaim::CHash
            }
        ),
        "{error:?}"
    );
    client
        .validate_id_token(&bare)
        .access_token(&access_token)
        .await
        .expect("no at_hash to check");
    client
        .validate_id_token(&bare)
        .await
        .expect("nothing to check");
    let debug = format!(
        "{:?}",
        client
            .validate_id_token(&bare)
            .access_token(&access_token)
            .code(&code)
    );
    assert!(
        !debug.contains("the-access-token") && !debug.contains("the-code"),
        "{debug}"
    );
}

#[tokio::test]
async fn an_unknown_kid_refetches_the_keys_at_most_once_per_interval() {
    let app = App::new(&["k1"]);
    let client = app.client(SigningAlgorithm::Rs256);
    client
        .validate_id_token(&rs256(Some("k1"), &claims()))
        .await
        .expect("valid");
    assert_eq!(app.fetches(), 1);

    // A minute later Authing rotates its keys: a token names the new one, fetched once.
    app.clock.0.store(NOW + 61, Ordering::SeqCst);
    app.serve(&["k1", "k2"]);
    client
        .validate_id_token(&rs256(Some("k2"), &claims()))
        .await
        .expect("after a refetch");
    assert_eq!(app.fetches(), 2);

    // A kid no key has: no new fetch within the interval, however many tokens name it.
    for _ in 0..3 {
        let error = client
            .validate_id_token(&rs256(Some("k3"), &claims()))
            .await
            .expect_err("unknown");
        assert!(
            matches!(&error, ValidationError::UnknownKey { kid: Some(k) } if k == "k3"),
            "{error:?}"
        );
    }
    assert_eq!(app.fetches(), 2);

    // Past the interval, one more fetch.
    app.clock.0.store(NOW + 122, Ordering::SeqCst);
    let error = client
        .validate_id_token(&rs256(Some("k3"), &with(json!({"exp": NOW + 7200}))))
        .await
        .expect_err("still unknown");
    assert!(
        matches!(error, ValidationError::UnknownKey { .. }),
        "{error:?}"
    );
    assert_eq!(app.fetches(), 3);
    client
        .validate_id_token(&rs256(Some("k2"), &claims()))
        .await
        .expect("k2 still cached");
    assert_eq!(app.fetches(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_first_validations_fetch_the_keys_once() {
    let app = App::new(&["k1"]);
    let client = app.client(SigningAlgorithm::Rs256);
    let token = rs256(Some("k1"), &claims());
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let client = client.clone();
            let token = token.clone();
            tokio::spawn(async move { client.validate_id_token(&token).await.map(|c| c.sub) })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.expect("joins").expect("valid"), "u1");
    }
    assert_eq!(app.fetches(), 1);
}

#[tokio::test]
async fn a_token_without_kid_uses_the_only_key() {
    let app = App::new(&["k1"]);
    let client = app.client(SigningAlgorithm::Rs256);
    client
        .validate_id_token(&rs256(None, &claims()))
        .await
        .expect("the only key");
    app.serve(&["k1", "k2"]);
    client.load_signing_keys().await.expect("fetched");
    let error = client
        .validate_id_token(&rs256(None, &claims()))
        .await
        .expect_err("ambiguous");
    assert!(
        matches!(error, ValidationError::UnknownKey { kid: None }),
        "{error:?}"
    );
}

#[tokio::test]
async fn access_tokens_are_validated_the_same_way() {
    let app = App::new(&["k1"]);
    let client = app.client(SigningAlgorithm::Hs256);
    let access = json!({"iss": ISSUER, "aud": APP_ID, "sub": "u1", "iat": NOW, "exp": NOW + 3600,
                        "jti": "j1", "scope": "openid profile"});
    let claims = client
        .validate_access_token(&rs256(Some("k1"), &access))
        .await
        .expect("valid");
    assert_eq!(claims.sub.as_deref(), Some("u1"));
    assert!(claims.has_scope("profile") && !claims.has_scope("prof"));
    let mut other = access.clone();
    other["aud"] = json!("another-app");
    let error = client
        .validate_access_token(&rs256(Some("k1"), &other))
        .await
        .expect_err("audience");
    assert!(matches!(error, ValidationError::WrongAudience), "{error:?}");
}

#[tokio::test]
async fn malformed_tokens_are_refused_without_fetching() {
    let app = App::new(&["k1"]);
    let client = app.client(SigningAlgorithm::Rs256);
    let too_long = "a".repeat(17 * 1024);
    for token in ["", "abc", "a.b", "a.b.c.d.e", "!!!.b.c", too_long.as_str()] {
        let error = client.validate_id_token(token).await.expect_err(token);
        assert!(matches!(error, ValidationError::Malformed(_)), "{error:?}");
    }
    let crit = unsigned(&json!({"alg": "RS256", "crit": ["exp"]}), &claims());
    let error = client.validate_id_token(&crit).await.expect_err("crit");
    assert!(matches!(error, ValidationError::Malformed(_)), "{error:?}");
    assert_eq!(app.fetches(), 0);
}

#[tokio::test]
async fn unreachable_keys_are_a_keys_error_not_a_bad_token_and_retried_once_per_interval() {
    let fetches = Arc::new(AtomicUsize::new(0));
    let clock = Arc::new(TestClock(AtomicI64::new(NOW)));
    let counter = Arc::clone(&fetches);
    let client = ProtocolClient::builder(HOST, APP_ID)
        .clock(Arc::clone(&clock) as Arc<dyn Clock>)
        .transport(transport_fn(move |_r: http::Request<Bytes>| {
            counter.fetch_add(1, Ordering::SeqCst);
            async {
                Ok(http::Response::builder()
                    .status(503)
                    .body(Bytes::from_static(b"down"))
                    .expect("valid"))
            }
        }))
        .build()
        .expect("valid");
    let token = rs256(Some("k1"), &claims());
    let error = client.validate_id_token(&token).await.expect_err("no keys");
    assert!(!error.is_token_rejected());
    assert!(
        matches!(&error, ValidationError::Keys(Error::Http { status, .. }) if *status == 503),
        "{error:?}"
    );
    let error: Error = error.into();
    assert_eq!(error.status(), Some(http::StatusCode::SERVICE_UNAVAILABLE));

    // Within the interval, no new fetch: a flood of requests costs Authing nothing more.
    for _ in 0..3 {
        let error = client
            .validate_id_token(&token)
            .await
            .expect_err("still no keys");
        assert!(
            matches!(error, ValidationError::KeysUnavailable),
            "{error:?}"
        );
        assert!(!error.is_token_rejected());
        assert!(matches!(Error::from(error), Error::Transport(_)));
    }
    assert_eq!(fetches.load(Ordering::SeqCst), 1);
    clock.0.store(NOW + 61, Ordering::SeqCst);
    let error = client.validate_id_token(&token).await.expect_err("no keys");
    assert!(matches!(error, ValidationError::Keys(_)), "{error:?}");
    assert_eq!(fetches.load(Ordering::SeqCst), 2);

    let bad = ValidationError::BadSignature;
    assert!(bad.is_token_rejected());
    assert!(matches!(Error::from(bad), Error::InvalidArgument(m) if m.contains("signature")));
}
