//! The keys the fake signs OIDC / OAuth tokens with: one RS256 key per application, and
//! HS256 with the application's secret for the id tokens of applications set so.
//!
//! An application's RSA key is made the first time it is needed and kept for the whole
//! process, so it is stable across a run (and across resets of a fake: applications keep
//! their ids). Generating 2048-bit RSA keys takes up to seconds each in a debug build, so
//! the keys are *derived* instead: the process holds a list of checked-in 1024-bit primes
//! and the n-th application to need a key gets the n-th pair of them, a genuine 2048-bit key
//! made in well under a millisecond. 64 primes give 2016 distinct keys; past that the pairs
//! repeat (an application then shares a key with an earlier one, which only a process with
//! thousands of signing applications could notice).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, OnceLock, PoisonError};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rsa::pkcs1::EncodeRsaPrivateKey as _;
use rsa::pkcs8::EncodePrivateKey as _;
use rsa::traits::PublicKeyParts as _;
use rsa::{BigUint, RsaPrivateKey};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// The primes keys are made of: **public test material, not secrets**. Anyone can forge
/// tokens with them, which is fine for a fake and wrong for anything else.
const TEST_PRIMES: &str = include_str!("test_primes.txt");

/// The primes, parsed once.
static PRIMES: LazyLock<Vec<BigUint>> = LazyLock::new(|| {
    TEST_PRIMES
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| BigUint::parse_bytes(line.as_bytes(), 16))
        .collect()
});

/// Every key made so far, by application and by `kid`.
#[derive(Default)]
struct Keyring {
    by_app: HashMap<String, Arc<Signer>>,
    by_kid: HashMap<String, Arc<Signer>>,
    /// How many keys were made: the next key takes pair number `made`.
    made: usize,
}

static KEYRING: LazyLock<Mutex<Keyring>> = LazyLock::new(Mutex::default);

/// The `index`-th pair `(i, j)`, `i < j`, of `count` items (wrapping around).
fn pair(index: usize, count: usize) -> (usize, usize) {
    let pairs = count.saturating_mul(count.saturating_sub(1)) / 2;
    let mut rest = if pairs == 0 { 0 } else { index % pairs };
    let mut j = 1;
    while rest >= j {
        rest -= j;
        j += 1;
    }
    (rest, j)
}

/// An application's RS256 key: signs its tokens and publishes its public half.
pub(crate) struct Signer {
    kid: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    jwk: Value,
    /// The private key as PKCS#8 DER, for the SAML certificate.
    pkcs8: Vec<u8>,
    /// The self-signed X.509 certificate (DER), made on first use.
    certificate: OnceLock<Result<Vec<u8>, String>>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// The key of application `app_id`, made on first use (`Err` only if the checked-in
    /// primes were broken).
    pub(crate) fn for_app(app_id: &str) -> Result<Arc<Signer>, String> {
        let mut keyring = KEYRING.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(signer) = keyring.by_app.get(app_id) {
            return Ok(Arc::clone(signer));
        }
        let primes = &*PRIMES;
        let (i, j) = pair(keyring.made, primes.len());
        let (p, q) = primes
            .get(i)
            .zip(primes.get(j))
            .ok_or("the checked-in primes are missing")?;
        let signer = match keyring.by_kid.get(&kid_of(p, q)) {
            // Past the last pair: the key is shared with an earlier application.
            Some(existing) => Arc::clone(existing),
            None => Arc::new(Self::from_primes(p.clone(), q.clone())?),
        };
        keyring.made = keyring.made.wrapping_add(1);
        keyring
            .by_kid
            .insert(signer.kid.clone(), Arc::clone(&signer));
        keyring
            .by_app
            .insert(app_id.to_owned(), Arc::clone(&signer));
        Ok(signer)
    }

    /// The key named `kid`, if the fake made it.
    pub(crate) fn by_kid(kid: &str) -> Option<Arc<Signer>> {
        let keyring = KEYRING.lock().unwrap_or_else(PoisonError::into_inner);
        keyring.by_kid.get(kid).cloned()
    }

    fn from_primes(p: BigUint, q: BigUint) -> Result<Self, String> {
        let broken = |e: &dyn std::fmt::Display| format!("a test signing key: {e}");
        let kid = kid_of(&p, &q);
        let private =
            RsaPrivateKey::from_p_q(p, q, BigUint::from(65_537u32)).map_err(|e| broken(&e))?;
        let public = private.to_public_key();
        let n = URL_SAFE_NO_PAD.encode(public.n().to_bytes_be());
        let e = URL_SAFE_NO_PAD.encode(public.e().to_bytes_be());
        let pkcs1 = private.to_pkcs1_der().map_err(|e| broken(&e))?;
        let pkcs8 = private.to_pkcs8_der().map_err(|e| broken(&e))?;
        let encoding = EncodingKey::from_rsa_der(pkcs1.as_bytes());
        let decoding = DecodingKey::from_rsa_components(&n, &e).map_err(|e| broken(&e))?;
        let jwk = json!({
            "kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid, "n": n, "e": e,
        });
        Ok(Self {
            kid,
            encoding,
            decoding,
            jwk,
            pkcs8: pkcs8.as_bytes().to_vec(),
            certificate: OnceLock::new(),
        })
    }

    /// The key's id, as tokens name it in their header.
    pub(crate) fn kid(&self) -> &str {
        &self.kid
    }

    /// The public key as a JWK.
    pub(crate) fn jwk(&self) -> &Value {
        &self.jwk
    }

    /// The private key, PKCS#8 DER.
    pub(crate) fn pkcs8_der(&self) -> &[u8] {
        &self.pkcs8
    }

    /// The certificate made once by `make`, kept with the key.
    pub(crate) fn certificate(
        &self,
        make: impl FnOnce(&Self) -> Result<Vec<u8>, String>,
    ) -> Result<&[u8], String> {
        self.certificate
            .get_or_init(|| make(self))
            .as_deref()
            .map_err(Clone::clone)
    }

    /// `claims` signed with RS256 under this key's `kid`.
    pub(crate) fn sign(&self, claims: &impl Serialize) -> Result<String, String> {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(self.kid.clone());
        header.typ = Some("JWT".to_owned());
        jsonwebtoken::encode(&header, claims, &self.encoding)
            .map_err(|e| format!("cannot sign a token: {e}"))
    }

    /// The RSA-SHA256 (PKCS#1 v1.5) signature of `message`.
    pub(crate) fn sign_bytes(&self, message: &[u8]) -> Result<Vec<u8>, String> {
        let signature = jsonwebtoken::crypto::sign(message, &self.encoding, Algorithm::RS256)
            .map_err(|e| format!("cannot sign: {e}"))?;
        URL_SAFE_NO_PAD
            .decode(signature)
            .map_err(|e| format!("cannot sign: {e}"))
    }

    /// The claims of a token this key signed (signature only: the caller checks lifetime
    /// against the fake's clock); `None` for anything else.
    pub(crate) fn decode<C: DeserializeOwned>(&self, token: &str) -> Option<C> {
        decode_with(token, &self.decoding, Algorithm::RS256)
    }
}

/// A stable `kid`: a digest of the two primes, so it names the same key in every run.
fn kid_of(p: &BigUint, q: &BigUint) -> String {
    use sha2::{Digest as _, Sha256};
    let mut digest = Sha256::new();
    digest.update(p.to_bytes_be());
    digest.update(q.to_bytes_be());
    URL_SAFE_NO_PAD.encode(&digest.finalize()[..12])
}

/// The claims of `token` checked with `key` and `algorithm` only (no lifetime, audience).
fn decode_with<C: DeserializeOwned>(
    token: &str,
    key: &DecodingKey,
    algorithm: Algorithm,
) -> Option<C> {
    let mut validation = Validation::new(algorithm);
    validation.validate_exp = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    jsonwebtoken::decode::<C>(token.trim(), key, &validation)
        .ok()
        .map(|data| data.claims)
}

/// The claims of an RS256 token one of the fake's keys signed (found by the header's
/// `kid`); `None` for anything else.
pub(crate) fn decode_rs256<C: DeserializeOwned>(token: &str) -> Option<C> {
    let header = jsonwebtoken::decode_header(token.trim()).ok()?;
    if header.alg != Algorithm::RS256 {
        return None;
    }
    Signer::by_kid(header.kid.as_deref()?)?.decode(token)
}

/// `claims` signed with HS256 keyed by an application's secret (no `kid`).
pub(crate) fn sign_hs256(secret: &str, claims: &impl Serialize) -> Result<String, String> {
    let mut header = Header::new(Algorithm::HS256);
    header.typ = Some("JWT".to_owned());
    jsonwebtoken::encode(
        &header,
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .map_err(|e| format!("cannot sign a token: {e}"))
}

/// The claims of an HS256 token keyed by `secret`; `None` for anything else.
pub(crate) fn decode_hs256<C: DeserializeOwned>(token: &str, secret: &str) -> Option<C> {
    decode_with(
        token,
        &DecodingKey::from_secret(secret.as_bytes()),
        Algorithm::HS256,
    )
}

/// The JWKS document listing the keys of `app_ids` (made on first use).
pub(crate) fn jwks<'a>(app_ids: impl IntoIterator<Item = &'a str>) -> Result<Value, String> {
    let mut keys: Vec<Value> = Vec::new();
    for app_id in app_ids {
        let signer = Signer::for_app(app_id)?;
        if !keys.iter().any(|key| key["kid"] == signer.kid()) {
            keys.push(signer.jwk().clone());
        }
    }
    Ok(json!({ "keys": keys }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_cover_every_pair_once_then_wrap() {
        let seen: Vec<(usize, usize)> = (0..6).map(|k| pair(k, 4)).collect();
        assert_eq!(seen, [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]);
        assert_eq!(pair(6, 4), (0, 1));
        assert_eq!(pair(3, 0), (0, 1));
    }

    #[test]
    fn each_application_gets_its_own_stable_2048_bit_key() {
        assert_eq!(PRIMES.len(), 64);
        let a = Signer::for_app("app-a-signing-test").expect("key a");
        let b = Signer::for_app("app-b-signing-test").expect("key b");
        assert_ne!(a.kid(), b.kid());
        assert_eq!(
            Signer::for_app("app-a-signing-test").expect("again").kid(),
            a.kid()
        );
        let n = URL_SAFE_NO_PAD
            .decode(a.jwk()["n"].as_str().expect("n"))
            .expect("b64");
        assert_eq!(n.len(), 256, "a 2048-bit modulus");

        let token = a.sign(&json!({ "sub": "u1" })).expect("signed");
        let claims: Value = decode_rs256(&token).expect("verified by kid");
        assert_eq!(claims["sub"], "u1");
        assert!(b.decode::<Value>(&token).is_none(), "another app's key");

        let hs = sign_hs256("s3cret", &json!({ "sub": "u2" })).expect("signed");
        assert!(decode_rs256::<Value>(&hs).is_none());
        assert_eq!(
            decode_hs256::<Value>(&hs, "s3cret").expect("verified")["sub"],
            "u2"
        );
        assert!(decode_hs256::<Value>(&hs, "other").is_none());

        let jwks = jwks(["app-a-signing-test", "app-b-signing-test"]).expect("jwks");
        assert_eq!(jwks["keys"].as_array().map(Vec::len), Some(2));
    }
}
