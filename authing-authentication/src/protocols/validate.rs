//! Local validation of id tokens and access tokens: signature (RS256 from the cached JWKS,
//! or HS256 with the app secret), issuer, audience, expiry, issue time and nonce, and an id
//! token's `at_hash` / `c_hash` against the access token / code that came with it, with no
//! round trip once the keys are cached.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use authing_core::{Clock, Error, Secret, Transport};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::claims::{AccessTokenClaims, Audience, IdTokenClaims};
use super::client::ProtocolClient;
use super::jwks::KeyCache;

mod token_hash;

pub use token_hash::HashClaim;

/// How an application signs its id tokens (an application setting in Authing).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SigningAlgorithm {
    /// RSA with SHA-256; public keys from the application's JWKS. The default.
    #[default]
    Rs256,
    /// HMAC with SHA-256, keyed with the app secret.
    Hs256,
}

impl SigningAlgorithm {
    /// The JOSE name: `RS256` or `HS256`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rs256 => "RS256",
            Self::Hs256 => "HS256",
        }
    }
}

/// Why a token was not accepted.
///
/// Every variant but [`Keys`](Self::Keys) and [`KeysUnavailable`](Self::KeysUnavailable)
/// means the token is bad (answer 401; see [`is_token_rejected`](Self::is_token_rejected));
/// those two mean the signing keys could not be fetched (answer 503). `From` turns it into
/// an [`authing_core::Error`] (`InvalidArgument` for a bad token, the fetch's own error, or
/// a transport error) for `?`. Nothing here prints the token or the expected nonce.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum ValidationError {
    /// Not a compact JWS: the message says which part is wrong.
    #[error("the token is malformed: {0}")]
    Malformed(&'static str),
    /// The header names an algorithm this validation does not accept: `none`, or HS256
    /// where RS256 is configured (key confusion), or anything else.
    #[error("the token is signed with `{found}`, and only `{expected}` is accepted")]
    AlgorithmNotAllowed {
        /// The header's `alg`.
        found: String,
        /// The one algorithm accepted.
        expected: &'static str,
    },
    /// No signing key has the token's `kid`, even after refetching the keys.
    #[error("no signing key has the token's key id {kid:?}")]
    UnknownKey {
        /// The header's `kid`.
        kid: Option<String>,
    },
    /// The signature does not verify: the token was altered, or signed by someone else.
    #[error("the token's signature does not verify")]
    BadSignature,
    /// The claims are not JSON, or a required claim (`iss`, `aud`, `exp`, `iat`, `sub`) is
    /// missing or mistyped.
    #[error("the token's claims are missing or mistyped")]
    MalformedClaims,
    /// The token was issued by someone else.
    #[error("the token was issued by {found:?}, not {expected:?}")]
    WrongIssuer {
        /// The token's `iss`.
        found: String,
        /// The issuer accepted.
        expected: String,
    },
    /// The token is for another application.
    #[error("the token is not meant for this application (aud/azp)")]
    WrongAudience,
    /// The token has expired (beyond the leeway).
    #[error("the token expired at {exp} (now {now}, leeway included)")]
    Expired {
        /// The token's `exp`.
        exp: i64,
        /// The time it was checked at.
        now: i64,
    },
    /// The token claims to be issued, or valid only, in the future (beyond the leeway).
    #[error("the token is not valid before {not_before} (now {now}, leeway included)")]
    NotYetValid {
        /// The token's `iat` or `nbf`.
        not_before: i64,
        /// The time it was checked at.
        now: i64,
    },
    /// The id token's `nonce` is not the one of the authorize request.
    #[error("the id token's nonce is not the one sent with the authorize request")]
    NonceMismatch,
    /// The id token's `at_hash` or `c_hash` is not the hash of the access token or code
    /// given with it: they were not issued together (a swapped or injected token or code).
    #[error("the id token's `{claim}` does not match the value given with it")]
    HashMismatch {
        /// Which claim.
        claim: HashClaim,
    },
    /// The id token has no `c_hash`, which OIDC requires of an id token issued with a code
    /// from the authorization endpoint (the hybrid flow).
    #[error("the id token has no `{claim}`, and one is required with the value given")]
    HashMissing {
        /// Which claim.
        claim: HashClaim,
    },
    /// The signing keys could not be fetched.
    #[error("could not fetch the signing keys: {0}")]
    Keys(#[source] Error),
    /// The signing keys have never been fetched, and the last try failed less than the
    /// refresh interval ago; the next validation after the interval tries again.
    #[error(
        "the signing keys are unavailable: the last fetch failed, and the next try waits for the refresh interval"
    )]
    KeysUnavailable,
}

impl ValidationError {
    /// Whether the token itself was refused (answer 401), rather than the keys to check it
    /// being unavailable (answer 503).
    pub fn is_token_rejected(&self) -> bool {
        !matches!(self, Self::Keys(_) | Self::KeysUnavailable)
    }
}

impl From<ValidationError> for Error {
    fn from(error: ValidationError) -> Self {
        match error {
            ValidationError::Keys(error) => error,
            ValidationError::KeysUnavailable => Error::Transport(
                authing_core::TransportError::other(ValidationError::KeysUnavailable.to_string()),
            ),
            other => Error::invalid_argument(format!("token rejected: {other}")),
        }
    }
}

/// Longer tokens are refused before any decoding: no Authing token comes close.
const MAX_TOKEN_LEN: usize = 16 * 1024;

/// What validation needs, set up once per client.
pub(crate) struct Validator {
    issuer: String,
    audience: String,
    id_token_algorithm: SigningAlgorithm,
    hmac_key: Option<DecodingKey>,
    clock: Arc<dyn Clock>,
    leeway: i64,
    rs256: Validation,
    hs256: Validation,
    pub(crate) keys: KeyCache,
}

impl fmt::Debug for Validator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Validator")
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field("id_token_algorithm", &self.id_token_algorithm)
            .field("leeway", &self.leeway)
            .field("keys", &self.keys)
            .finish_non_exhaustive()
    }
}

impl Validator {
    pub(crate) fn new(
        issuer: String,
        audience: String,
        id_token_algorithm: SigningAlgorithm,
        secret: Option<&Secret>,
        clock: Arc<dyn Clock>,
        leeway: Duration,
        jwks_refresh_interval: Duration,
    ) -> Self {
        Self {
            issuer,
            audience,
            id_token_algorithm,
            hmac_key: secret.map(|s| DecodingKey::from_secret(s.expose().as_bytes())),
            clock,
            leeway: i64::try_from(leeway.as_secs()).unwrap_or(i64::MAX),
            rs256: signature_only(Algorithm::RS256),
            hs256: signature_only(Algorithm::HS256),
            keys: KeyCache::new(jwks_refresh_interval),
        }
    }

    pub(crate) fn now(&self) -> SystemTime {
        self.clock.now()
    }

    /// The issuer tokens must carry.
    pub(crate) fn issuer(&self) -> &str {
        &self.issuer
    }

    /// Checks the registered claims against this application and the clock.
    fn check_claims(
        &self,
        claims: &Registered<'_>,
        nonce: Option<&str>,
    ) -> Result<(), ValidationError> {
        if claims.iss != self.issuer {
            return Err(ValidationError::WrongIssuer {
                found: claims.iss.chars().take(200).collect(),
                expected: self.issuer.clone(),
            });
        }
        if !claims.aud.contains(&self.audience) {
            return Err(ValidationError::WrongAudience);
        }
        // OIDC Core §3.1.3.7: with an azp, it must be this client.
        if claims.azp.is_some_and(|azp| azp != self.audience) {
            return Err(ValidationError::WrongAudience);
        }
        let now = self.clock.unix_seconds();
        if now > claims.exp.saturating_add(self.leeway) {
            return Err(ValidationError::Expired {
                exp: claims.exp,
                now,
            });
        }
        for not_before in [Some(claims.iat), claims.nbf].into_iter().flatten() {
            if not_before > now.saturating_add(self.leeway) {
                return Err(ValidationError::NotYetValid { not_before, now });
            }
        }
        if let Some(expected) = nonce
            && claims.nonce != Some(expected)
        {
            return Err(ValidationError::NonceMismatch);
        }
        Ok(())
    }
}

/// jsonwebtoken checks the signature and decodes; the claims are checked here, against the
/// injectable clock.
fn signature_only(algorithm: Algorithm) -> Validation {
    let mut validation = Validation::new(algorithm);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    validation
}

/// The claims every check reads, borrowed from the typed claims.
pub(crate) struct Registered<'a> {
    iss: &'a str,
    aud: &'a Audience,
    exp: i64,
    iat: i64,
    nbf: Option<i64>,
    azp: Option<&'a str>,
    nonce: Option<&'a str>,
}

/// Typed claims that carry the registered ones.
pub(crate) trait HasRegistered: DeserializeOwned {
    fn registered(&self) -> Registered<'_>;
}

fn nbf(other: &Map<String, Value>) -> Option<i64> {
    other.get("nbf").and_then(Value::as_i64)
}

impl HasRegistered for IdTokenClaims {
    fn registered(&self) -> Registered<'_> {
        Registered {
            iss: &self.iss,
            aud: &self.aud,
            exp: self.exp,
            iat: self.iat,
            nbf: nbf(&self.other),
            azp: self.azp.as_deref(),
            nonce: self.nonce.as_deref(),
        }
    }
}

impl HasRegistered for AccessTokenClaims {
    fn registered(&self) -> Registered<'_> {
        Registered {
            iss: &self.iss,
            aud: &self.aud,
            exp: self.exp,
            iat: self.iat,
            nbf: nbf(&self.other),
            azp: self.other.get("azp").and_then(Value::as_str),
            nonce: None,
        }
    }
}

#[derive(Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default)]
    crit: Option<Value>,
}

/// The header of a compact JWS, checked for shape.
fn header(token: &str) -> Result<Header, ValidationError> {
    if token.len() > MAX_TOKEN_LEN {
        return Err(ValidationError::Malformed("it is longer than 16 KiB"));
    }
    let mut parts = token.split('.');
    let (Some(header), Some(_), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ValidationError::Malformed(
            "it is not three dot-separated parts (a JWE, or not a JWT)",
        ));
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(header)
        .map_err(|_| ValidationError::Malformed("the header is not base64url"))?;
    let header: Header = serde_json::from_slice(&bytes)
        .map_err(|_| ValidationError::Malformed("the header is not a JSON object with `alg`"))?;
    if header.crit.is_some() {
        return Err(ValidationError::Malformed(
            "the header has critical extensions (`crit`) this validator does not know",
        ));
    }
    Ok(header)
}

impl<T: Transport> ProtocolClient<T> {
    /// Validates an id token locally: its signature (the configured
    /// [`SigningAlgorithm`]: RS256 with the cached JWKS, fetched on first use and on an
    /// unknown `kid`; or HS256 with the app secret), `iss`, `aud` (and `azp`), `exp`, `iat`
    /// and `nbf` within the leeway, and with [`nonce`](ValidateIdToken::nonce) the nonce.
    ///
    /// Refused: `alg: none`, any algorithm but the configured one (so an HS256 token keyed
    /// with public key material never passes an RS256 client), tokens of another issuer or
    /// application. Once the keys are cached this is pure computation (a few tens of
    /// microseconds for RS256).
    ///
    /// With [`access_token`](ValidateIdToken::access_token) and
    /// [`code`](ValidateIdToken::code), also the token's `at_hash` / `c_hash`.
    ///
    /// See the [module documentation](super) for a backend example.
    pub fn validate_id_token<'a>(&'a self, id_token: &'a str) -> ValidateIdToken<'a, T> {
        ValidateIdToken {
            client: self,
            token: id_token,
            nonce: None,
            access_token: None,
            code: None,
        }
    }

    /// Validates an access token locally, as [`validate_id_token`](Self::validate_id_token)
    /// does, with RS256 (Authing signs access tokens with the application's RSA key).
    pub async fn validate_access_token(
        &self,
        access_token: &str,
    ) -> Result<AccessTokenClaims, ValidationError> {
        self.validate(access_token, SigningAlgorithm::Rs256, None)
            .await
    }

    async fn validate<C: HasRegistered>(
        &self,
        token: &str,
        algorithm: SigningAlgorithm,
        nonce: Option<&str>,
    ) -> Result<C, ValidationError> {
        let validator = &self.inner.validator;
        let header = header(token)?;
        if header.alg != algorithm.as_str() {
            return Err(ValidationError::AlgorithmNotAllowed {
                found: header.alg.chars().take(20).collect(),
                expected: algorithm.as_str(),
            });
        }
        let rsa_key;
        let (key, validation) =
            match algorithm {
                SigningAlgorithm::Rs256 => {
                    rsa_key = validator.keys.key(self, header.kid.as_deref()).await?;
                    (&*rsa_key, &validator.rs256)
                }
                SigningAlgorithm::Hs256 => {
                    // build() refuses HS256 without a secret: unreachable, but answer, not panic.
                    let key = validator.hmac_key.as_ref().ok_or(
                        ValidationError::AlgorithmNotAllowed {
                            found: header.alg.clone(),
                            expected: SigningAlgorithm::Rs256.as_str(),
                        },
                    )?;
                    (key, &validator.hs256)
                }
            };
        let data =
            jsonwebtoken::decode::<C>(token, key, validation).map_err(|e| match e.kind() {
                ErrorKind::InvalidSignature => ValidationError::BadSignature,
                ErrorKind::Json(_) => ValidationError::MalformedClaims,
                ErrorKind::InvalidAlgorithm => ValidationError::AlgorithmNotAllowed {
                    found: header.alg.clone(),
                    expected: algorithm.as_str(),
                },
                _ => ValidationError::Malformed("the payload or signature is not base64url JSON"),
            })?;
        validator.check_claims(&data.claims.registered(), nonce)?;
        Ok(data.claims)
    }
}

/// An id token validation; made by [`ProtocolClient::validate_id_token`]. `.await` runs it.
/// Its `Debug` does not print the token.
#[must_use = "validation does nothing until it is awaited"]
pub struct ValidateIdToken<'a, T> {
    client: &'a ProtocolClient<T>,
    token: &'a str,
    nonce: Option<&'a str>,
    access_token: Option<&'a Secret>,
    code: Option<&'a Secret>,
}

impl<T> fmt::Debug for ValidateIdToken<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValidateIdToken")
            .field("token", &"[redacted]")
            .field("nonce", &self.nonce.map(|_| "[set]"))
            .field("access_token", &self.access_token)
            .field("code", &self.code)
            .finish_non_exhaustive()
    }
}

impl<'a, T: Transport> ValidateIdToken<'a, T> {
    /// Requires the token's `nonce` to be this one: the nonce of the authorize request
    /// (always check it after a browser login).
    pub fn nonce(mut self, nonce: &'a str) -> Self {
        self.nonce = Some(nonce);
        self
    }

    /// The access token issued with the id token (implicit `id_token token`, hybrid, or the
    /// token endpoint): when the id token has an `at_hash`, it must be this token's.
    pub fn access_token(mut self, access_token: &'a Secret) -> Self {
        self.access_token = Some(access_token);
        self
    }

    /// The authorization code the id token came with from the authorization endpoint
    /// (hybrid `code id_token`): the id token must have a `c_hash`, and it must be this
    /// code's (OIDC Core §3.3.2.11), so an attacker cannot pair an id token with another
    /// code.
    pub fn code(mut self, code: &'a Secret) -> Self {
        self.code = Some(code);
        self
    }

    /// Runs the validation.
    pub async fn send(self) -> Result<IdTokenClaims, ValidationError> {
        let algorithm = self.client.inner.validator.id_token_algorithm;
        let claims: IdTokenClaims = self
            .client
            .validate(self.token, algorithm, self.nonce)
            .await?;
        if let Some(access_token) = self.access_token {
            let at_hash = claims.at_hash.as_deref();
            token_hash::check(HashClaim::AtHash, at_hash, access_token, false)?;
        }
        if let Some(code) = self.code {
            token_hash::check(HashClaim::CHash, claims.c_hash.as_deref(), code, true)?;
        }
        Ok(claims)
    }
}

impl<'a, T: Transport + 'a> IntoFuture for ValidateIdToken<'a, T> {
    type Output = Result<IdTokenClaims, ValidationError>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

#[cfg(test)]
mod tests;
