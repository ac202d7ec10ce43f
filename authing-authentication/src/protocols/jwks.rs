//! The application's signing keys: the [`Jwks`] document, and the cache local validation
//! reads them from.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, SystemTime};

use authing_core::{Error, Transport};
use bytes::Bytes;
use http::Method;
use jsonwebtoken::DecodingKey;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::client::ProtocolClient;
use super::validate::ValidationError;
use super::wire::{decode_json, exchange, request};

/// A JSON Web Key Set (RFC 7517 §5): the application's public signing keys, as served at
/// `{app_host}/oidc/.well-known/jwks.json`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Jwks {
    /// The keys.
    pub keys: Vec<Jwk>,
}

/// One public key of a [`Jwks`] (RFC 7517 §4, RFC 7518 §6.3).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Jwk {
    /// The key type: `RSA` for Authing's keys.
    pub kty: String,
    /// The key id tokens name in their header's `kid`.
    #[serde(default)]
    pub kid: Option<String>,
    /// The algorithm the key is for, `RS256`.
    #[serde(default)]
    pub alg: Option<String>,
    /// What the key is for: `sig` (signatures) or `enc`.
    #[serde(default, rename = "use")]
    pub key_use: Option<String>,
    /// The RSA modulus, base64url.
    #[serde(default)]
    pub n: Option<String>,
    /// The RSA public exponent, base64url.
    #[serde(default)]
    pub e: Option<String>,
    /// Every other member.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl Jwk {
    /// The RS256 verification key this is, if it is one: an RSA key not reserved for
    /// encryption nor for another algorithm.
    fn rs256_key(&self) -> Option<DecodingKey> {
        let usable = self.kty == "RSA"
            && self.key_use.as_deref().is_none_or(|u| u == "sig")
            && self.alg.as_deref().is_none_or(|a| a == "RS256");
        if !usable {
            return None;
        }
        DecodingKey::from_rsa_components(self.n.as_deref()?, self.e.as_deref()?).ok()
    }
}

/// A JWKS request; made by [`ProtocolClient::jwks`]. `.await` sends it.
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent or awaited"]
pub struct JwksRequest<'a, T> {
    client: &'a ProtocolClient<T>,
}

impl<T> ProtocolClient<T> {
    /// Fetches the application's signing keys. Local validation fetches and caches them by
    /// itself; this is for callers that want the document.
    pub fn jwks(&self) -> JwksRequest<'_, T> {
        JwksRequest { client: self }
    }
}

impl<T> JwksRequest<'_, T> {
    /// The request this would send: `GET {app_host}/oidc/.well-known/jwks.json`.
    pub fn prepare(&self) -> Result<http::Request<Bytes>, Error> {
        request(
            Method::GET,
            self.client.inner.endpoints.jwks(),
            Bytes::new(),
        )
    }
}

impl<T: Transport> JwksRequest<'_, T> {
    /// Sends the request.
    pub async fn send(self) -> Result<Jwks, Error> {
        let request = self.prepare()?;
        decode_json(exchange(&self.client.inner.transport, request).await?)
    }
}

super::send_on_await!(JwksRequest => Jwks);

/// The RS256 keys local validation uses, fetched on first need and again when a token names
/// an unknown key, at most once per `min_refresh_interval` (failed fetches included, so a
/// flood of tokens with made-up key ids, or an Authing outage, costs Authing one request
/// per interval).
pub(crate) struct KeyCache {
    state: RwLock<KeyState>,
    /// Single flight: one fetch at a time; tasks that waited re-check before fetching.
    refresh: tokio::sync::Mutex<()>,
    min_refresh_interval: Duration,
}

#[derive(Default)]
struct KeyState {
    keys: KeySet,
    /// When the keys were last fetched successfully.
    fetched_at: Option<SystemTime>,
    /// When a fetch was last tried, successful or not.
    attempted_at: Option<SystemTime>,
}

#[derive(Default)]
struct KeySet {
    by_kid: HashMap<String, Arc<DecodingKey>>,
    all: Vec<Arc<DecodingKey>>,
}

impl KeySet {
    fn from_jwks(jwks: &Jwks) -> Self {
        let mut set = Self::default();
        for jwk in &jwks.keys {
            if let Some(key) = jwk.rs256_key() {
                let key = Arc::new(key);
                if let Some(kid) = &jwk.kid {
                    set.by_kid.insert(kid.clone(), Arc::clone(&key));
                }
                set.all.push(key);
            }
        }
        set
    }

    /// The key named `kid`; for a token without `kid`, the only key if there is one.
    fn find(&self, kid: Option<&str>) -> Option<Arc<DecodingKey>> {
        match kid {
            Some(kid) => self.by_kid.get(kid).cloned(),
            None if self.all.len() == 1 => self.all.first().cloned(),
            None => None,
        }
    }
}

impl fmt::Debug for KeyCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.state.read().unwrap_or_else(PoisonError::into_inner);
        f.debug_struct("KeyCache")
            .field("keys", &state.keys.all.len())
            .field("fetched_at", &state.fetched_at)
            .field("min_refresh_interval", &self.min_refresh_interval)
            .finish()
    }
}

impl KeyCache {
    pub(crate) fn new(min_refresh_interval: Duration) -> Self {
        Self {
            state: RwLock::default(),
            refresh: tokio::sync::Mutex::new(()),
            min_refresh_interval,
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, KeyState> {
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// The verification key for a token whose header names `kid`.
    pub(crate) async fn key<T: Transport>(
        &self,
        client: &ProtocolClient<T>,
        kid: Option<&str>,
    ) -> Result<Arc<DecodingKey>, ValidationError> {
        if let Some(key) = self.read().keys.find(kid) {
            return Ok(key);
        }
        let _flight = self.refresh.lock().await;
        // Another task may have fetched while this one waited.
        let (attempted_at, ever_fetched) = {
            let state = self.read();
            if let Some(key) = state.keys.find(kid) {
                return Ok(key);
            }
            (state.attempted_at, state.fetched_at.is_some())
        };
        let now = client.inner.validator.now();
        let too_soon = attempted_at.is_some_and(|at| {
            // A clock that went backwards counts as too soon.
            now.duration_since(at)
                .map_or(true, |age| age < self.min_refresh_interval)
        });
        if too_soon {
            return Err(if ever_fetched {
                ValidationError::UnknownKey {
                    kid: kid.map(str::to_owned),
                }
            } else {
                ValidationError::KeysUnavailable
            });
        }
        self.fetch(client, now)
            .await
            .map_err(ValidationError::Keys)?;
        self.read()
            .keys
            .find(kid)
            .ok_or_else(|| ValidationError::UnknownKey {
                kid: kid.map(str::to_owned),
            })
    }

    /// Fetches the keys now, replacing the cached ones; the number of usable RS256 keys.
    /// Callers hold `refresh`.
    async fn fetch<T: Transport>(
        &self,
        client: &ProtocolClient<T>,
        now: SystemTime,
    ) -> Result<usize, Error> {
        let result = client.jwks().send().await;
        let mut state = self.state.write().unwrap_or_else(PoisonError::into_inner);
        state.attempted_at = Some(now);
        let jwks = result?;
        state.keys = KeySet::from_jwks(&jwks);
        state.fetched_at = Some(now);
        let count = state.keys.all.len();
        tracing::debug!(keys = count, "fetched the application's signing keys");
        Ok(count)
    }
}

impl<T: Transport> ProtocolClient<T> {
    /// Fetches the application's signing keys into the cache now, say at start-up, so the
    /// first validation does not wait for them. Returns how many RS256 keys there are.
    pub async fn load_signing_keys(&self) -> Result<usize, Error> {
        let validator = &self.inner.validator;
        let _flight = validator.keys.refresh.lock().await;
        validator.keys.fetch(self, validator.now()).await
    }
}
