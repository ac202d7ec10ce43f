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
        let (status, body) = exchange(&self.client.inner.transport, request).await?;
        decode_json(status, body)
    }
}

super::send_on_await!(JwksRequest => Jwks);

/// The RS256 keys local validation uses, fetched on first need and again when a token names
/// an unknown key, at most once per `min_refresh_interval`.
pub(crate) struct KeyCache {
    keys: RwLock<KeySet>,
    /// Single flight: one fetch at a time; tasks that waited re-check before fetching.
    refresh: tokio::sync::Mutex<()>,
    min_refresh_interval: Duration,
}

#[derive(Default)]
struct KeySet {
    by_kid: HashMap<String, Arc<DecodingKey>>,
    all: Vec<Arc<DecodingKey>>,
    fetched_at: Option<SystemTime>,
}

impl KeySet {
    fn from_jwks(jwks: &Jwks, fetched_at: SystemTime) -> Self {
        let mut set = Self {
            fetched_at: Some(fetched_at),
            ..Self::default()
        };
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
        let keys = self.keys.read().unwrap_or_else(PoisonError::into_inner);
        f.debug_struct("KeyCache")
            .field("keys", &keys.all.len())
            .field("fetched_at", &keys.fetched_at)
            .field("min_refresh_interval", &self.min_refresh_interval)
            .finish()
    }
}

impl KeyCache {
    pub(crate) fn new(min_refresh_interval: Duration) -> Self {
        Self {
            keys: RwLock::default(),
            refresh: tokio::sync::Mutex::new(()),
            min_refresh_interval,
        }
    }

    fn cached(&self, kid: Option<&str>) -> Option<Arc<DecodingKey>> {
        self.keys
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .find(kid)
    }

    /// The verification key for a token whose header names `kid`.
    pub(crate) async fn key<T: Transport>(
        &self,
        client: &ProtocolClient<T>,
        kid: Option<&str>,
    ) -> Result<Arc<DecodingKey>, ValidationError> {
        if let Some(key) = self.cached(kid) {
            return Ok(key);
        }
        let _flight = self.refresh.lock().await;
        // Another task may have fetched while this one waited.
        if let Some(key) = self.cached(kid) {
            return Ok(key);
        }
        let now = client.inner.validator.now();
        let fetched_at = self
            .keys
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .fetched_at;
        let recently = fetched_at.is_some_and(|at| {
            now.duration_since(at)
                .is_ok_and(|age| age < self.min_refresh_interval)
                // A clock that went backwards: treat the keys as fresh.
                || now < at
        });
        if recently {
            return Err(ValidationError::UnknownKey {
                kid: kid.map(str::to_owned),
            });
        }
        self.fetch(client, now)
            .await
            .map_err(ValidationError::Keys)?;
        self.cached(kid).ok_or_else(|| ValidationError::UnknownKey {
            kid: kid.map(str::to_owned),
        })
    }

    /// Fetches the keys now, replacing the cached ones; the number of usable RS256 keys.
    pub(crate) async fn fetch<T: Transport>(
        &self,
        client: &ProtocolClient<T>,
        now: SystemTime,
    ) -> Result<usize, Error> {
        let jwks = client.jwks().send().await?;
        let set = KeySet::from_jwks(&jwks, now);
        let count = set.all.len();
        tracing::debug!(keys = count, "fetched the application's signing keys");
        *self.keys.write().unwrap_or_else(PoisonError::into_inner) = set;
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
