//! The key the fake signs OIDC / OAuth tokens with (RS256), and its JWKS.

use std::sync::LazyLock;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rsa::RsaPrivateKey;
use rsa::pkcs1::DecodeRsaPrivateKey as _;
use rsa::traits::PublicKeyParts as _;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// The RS256 signing key: a **public test key, not a secret**, checked in so a fake starts
/// without generating one (2048 bits: the verifiers refuse shorter RSA keys). Anyone can
/// forge tokens with it, which is fine for a fake and wrong for anything else.
const TEST_SIGNING_KEY_PEM: &str = include_str!("oidc_test_key.pem");

/// The signing key, parsed once per process.
static SIGNER: LazyLock<Result<Signer, String>> =
    LazyLock::new(|| Signer::from_pem(TEST_SIGNING_KEY_PEM));

/// Signs tokens and publishes the public half.
pub(crate) struct Signer {
    kid: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    jwks: Value,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// The fake's signing key (`Err` only if the checked-in PEM were broken).
    pub(crate) fn get() -> Result<&'static Signer, String> {
        SIGNER.as_ref().map_err(Clone::clone)
    }

    fn from_pem(pem: &str) -> Result<Self, String> {
        let private = RsaPrivateKey::from_pkcs1_pem(pem.trim())
            .map_err(|e| format!("the checked-in signing key: {e}"))?;
        let public = private.to_public_key();
        let n = URL_SAFE_NO_PAD.encode(public.n().to_bytes_be());
        let e = URL_SAFE_NO_PAD.encode(public.e().to_bytes_be());
        let encoding = EncodingKey::from_rsa_pem(pem.as_bytes())
            .map_err(|e| format!("the checked-in signing key: {e}"))?;
        let decoding = DecodingKey::from_rsa_components(&n, &e)
            .map_err(|e| format!("the checked-in signing key: {e}"))?;
        // A stable kid: derived from the modulus, so it names this key in every run.
        let kid = n.chars().take(16).collect::<String>();
        let jwks = json!({ "keys": [{
            "kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid, "n": n, "e": e,
        }]});
        Ok(Self {
            kid,
            encoding,
            decoding,
            jwks,
        })
    }

    /// The JWKS document (`/oidc/.well-known/jwks.json`).
    pub(crate) fn jwks(&self) -> &Value {
        &self.jwks
    }

    /// `claims` signed with RS256 under this key's `kid`.
    pub(crate) fn sign(&self, claims: &impl Serialize) -> Result<String, String> {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(self.kid.clone());
        header.typ = Some("JWT".to_owned());
        jsonwebtoken::encode(&header, claims, &self.encoding)
            .map_err(|e| format!("cannot sign a token: {e}"))
    }

    /// The claims of a token this key signed (signature only: the caller checks lifetime
    /// against the fake's clock); `None` for anything else.
    pub(crate) fn decode<C: DeserializeOwned>(&self, token: &str) -> Option<C> {
        let mut validation = Validation::new(Algorithm::RS256);
        validation.validate_exp = false;
        validation.validate_aud = false;
        validation.required_spec_claims.clear();
        jsonwebtoken::decode::<C>(token.trim(), &self.decoding, &validation)
            .ok()
            .map(|data| data.claims)
    }
}
