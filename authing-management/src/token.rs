//! The management token cache.
//!
//! A management client authorises every call with a token fetched by the `accessToken(userPoolId,
//! secret)` query. [`TokenCache`] keeps that token and decides when to fetch a new one:
//!
//! - **Lifetime.** A token is used until fewer than `min(3600 s, lifetime / 2)` remain. The
//!   lifetime is `exp - iat` from the answer, counted from the moment the answer arrived by the
//!   client's [`Clock`], so a client whose clock disagrees with Authing's still refreshes on
//!   time. Without `iat` the expiry is `exp` itself; without `exp` the token is kept until
//!   Authing rejects it.
//! - **Single flight.** The cache is a `tokio::sync::Mutex` held across the fetch: when many
//!   callers find no usable token, the first fetches and the others wait, then find the new
//!   token. A cancelled fetch releases the lock and the next waiter fetches.
//! - **Failures are shared, not cached.** When a fetch fails, every caller that was waiting
//!   for it gets the same error; a call that starts afterwards fetches again.
//! - **Rejection.** When Authing rejects a token (codes 2206 expired, 2207 invalid), the
//!   caller hands back the token it used; it is dropped only if the cache still holds it, so
//!   many calls failing with the same token cause one refresh.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use authing_core::{Clock, Error, Secret, TransportError};
use bytes::Bytes;
use http::StatusCode;
use serde::Deserialize;

/// The longest time before expiry at which a token is refreshed.
const MAX_REFRESH_MARGIN_SECS: i64 = 3600;

/// The answer of `accessToken` (`AccessTokenRes`): the management token (required) and its
/// lifetime. The client keeps it in its token cache; see [`ManagementClient::access_token`](crate::ManagementClient::access_token).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessTokenAnswer {
    access_token: Secret,
    exp: Option<i64>,
    iat: Option<i64>,
}

#[cfg(test)]
impl AccessTokenAnswer {
    pub(crate) fn new(token: &str, exp: Option<i64>, iat: Option<i64>) -> Self {
        Self {
            access_token: Secret::from(token),
            exp,
            iat,
        }
    }
}

/// A token and when to stop using it, in the client clock's Unix seconds.
struct CachedToken {
    value: Secret,
    fetched_at: i64,
    /// `None`: Authing gave no expiry; use it until it is rejected.
    expires_at: Option<i64>,
}

impl CachedToken {
    fn new(answer: AccessTokenAnswer, now: i64) -> Result<Self, Error> {
        if answer.access_token.expose().trim().is_empty() {
            return Err(Error::Decode {
                status: StatusCode::OK,
                body: authing_core::ResponseBody::new(Bytes::new()),
                reason: "`accessToken` answered an empty token".to_owned(),
            });
        }
        let expires_at = match (answer.exp, answer.iat) {
            (Some(exp), Some(iat)) if exp > iat => Some(now.saturating_add(exp - iat)),
            (Some(exp), _) => Some(exp),
            (None, _) => None,
        };
        Ok(Self {
            value: answer.access_token,
            fetched_at: now,
            expires_at,
        })
    }

    /// Whether the token can still be used at `now`: more than zero and at least
    /// `min(3600 s, lifetime / 2)` remain.
    fn is_fresh(&self, now: i64) -> bool {
        let Some(expires_at) = self.expires_at else {
            return true;
        };
        let lifetime = expires_at.saturating_sub(self.fetched_at);
        let margin = MAX_REFRESH_MARGIN_SECS.min(lifetime / 2);
        let remaining = expires_at.saturating_sub(now);
        remaining > 0 && remaining >= margin
    }
}

#[derive(Default)]
struct State {
    token: Option<CachedToken>,
    /// The most recent failed fetch: its number (see `TokenCache::fetches`) and error.
    last_failure: Option<(u64, Error)>,
}

/// The management token of one client and its clones.
pub(crate) struct TokenCache {
    clock: Arc<dyn Clock>,
    state: tokio::sync::Mutex<State>,
    /// How many fetches have finished (either way); bumped with the lock held.
    fetches: AtomicU64,
}

impl TokenCache {
    pub(crate) fn new(clock: Arc<dyn Clock>) -> Self {
        Self {
            clock,
            state: tokio::sync::Mutex::default(),
            fetches: AtomicU64::new(0),
        }
    }

    /// The cached token if it is fresh, else a new one from `fetch`.
    pub(crate) async fn get<F, Fut>(&self, fetch: F) -> Result<Secret, Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<AccessTokenAnswer, Error>>,
    {
        self.get_or_fetch(None, fetch).await
    }

    /// Drops `rejected` if the cache still holds it, then behaves like [`get`](Self::get).
    pub(crate) async fn replace_rejected<F, Fut>(
        &self,
        rejected: &Secret,
        fetch: F,
    ) -> Result<Secret, Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<AccessTokenAnswer, Error>>,
    {
        self.get_or_fetch(Some(rejected), fetch).await
    }

    async fn get_or_fetch<F, Fut>(
        &self,
        rejected: Option<&Secret>,
        fetch: F,
    ) -> Result<Secret, Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<AccessTokenAnswer, Error>>,
    {
        // Fetches that finish after this point are ones this caller waited for.
        let finished_before = self.fetches.load(Ordering::SeqCst);
        let mut state = self.state.lock().await;
        if let Some(rejected) = rejected
            && state.token.as_ref().is_some_and(|t| t.value == *rejected)
        {
            tracing::debug!("authing management token rejected; dropping it");
            state.token = None;
        }
        if let Some(token) = &state.token
            && token.is_fresh(self.clock.unix_seconds())
        {
            return Ok(token.value.clone());
        }
        if let Some((number, error)) = &state.last_failure
            && *number > finished_before
            && let Some(error) = duplicate(error)
        {
            return Err(error);
        }

        tracing::debug!("fetching an authing management token");
        let result = fetch()
            .await
            .and_then(|answer| CachedToken::new(answer, self.clock.unix_seconds()));
        let number = self.fetches.fetch_add(1, Ordering::SeqCst) + 1;
        match result {
            Ok(token) => {
                let value = token.value.clone();
                state.token = Some(token);
                state.last_failure = None;
                Ok(value)
            }
            Err(error) => {
                state.token = None;
                state.last_failure = duplicate(&error).map(|copy| (number, copy));
                Err(error)
            }
        }
    }

    /// The cached token, fresh or not, without fetching; for tests and diagnostics.
    #[cfg(test)]
    pub(crate) async fn peek(&self) -> Option<Secret> {
        self.state
            .lock()
            .await
            .token
            .as_ref()
            .map(|t| t.value.clone())
    }
}

impl fmt::Debug for TokenCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("TokenCache");
        match self.state.try_lock() {
            Ok(state) => {
                let now = self.clock.unix_seconds();
                s.field(
                    "token",
                    &match &state.token {
                        None => "none",
                        Some(t) if t.is_fresh(now) => "fresh",
                        Some(_) => "stale",
                    },
                )
                .field(
                    "expires_at",
                    &state.token.as_ref().and_then(|t| t.expires_at),
                )
            }
            Err(_) => s.field("token", &"being fetched"),
        };
        s.field("clock", &self.clock).finish()
    }
}

/// A copy of `error` for another caller (`Error` is not `Clone`). A transport error keeps its
/// kind and message but not its source chain. `None` for variants this crate does not know.
fn duplicate(error: &Error) -> Option<Error> {
    Some(match error {
        Error::Api {
            code,
            message,
            data,
            status,
        } => Error::Api {
            code: *code,
            message: message.clone(),
            data: data.clone(),
            status: *status,
        },
        Error::Transport(e) => {
            let message =
                StdError::source(e).map_or_else(|| e.kind().to_string(), ToString::to_string);
            Error::Transport(TransportError::new(e.kind(), message).with_maybe_sent(e.maybe_sent()))
        }
        Error::Http { status, body } => Error::Http {
            status: *status,
            body: body.clone(),
        },
        Error::Decode {
            status,
            body,
            reason,
        } => Error::Decode {
            status: *status,
            body: body.clone(),
            reason: reason.clone(),
        },
        Error::Config(m) => Error::Config(m.clone()),
        Error::InvalidArgument(m) => Error::InvalidArgument(m.clone()),
        Error::NotLoggedIn => Error::NotLoggedIn,
        Error::Encrypt(m) => Error::Encrypt(m.clone()),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicI64;
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    #[derive(Debug)]
    struct FixedClock(AtomicI64);

    impl Clock for FixedClock {
        fn now(&self) -> SystemTime {
            let secs = self.0.load(Ordering::SeqCst).max(0).unsigned_abs();
            UNIX_EPOCH + Duration::from_secs(secs)
        }
    }

    fn cache_at(now: i64) -> (TokenCache, Arc<FixedClock>) {
        let clock = Arc::new(FixedClock(AtomicI64::new(now)));
        (TokenCache::new(clock.clone()), clock)
    }

    fn answer(token: &str, iat: i64, exp: i64) -> Result<AccessTokenAnswer, Error> {
        Ok(AccessTokenAnswer::new(token, Some(exp), Some(iat)))
    }

    #[test]
    fn freshness_margin_is_the_smaller_of_an_hour_and_half_the_lifetime() {
        let long =
            CachedToken::new(AccessTokenAnswer::new("t", Some(86_400), Some(0)), 0).expect("valid");
        assert!(long.is_fresh(86_400 - 3600));
        assert!(!long.is_fresh(86_400 - 3599));
        let short =
            CachedToken::new(AccessTokenAnswer::new("t", Some(600), Some(0)), 0).expect("valid");
        assert!(short.is_fresh(300));
        assert!(!short.is_fresh(301));
        let forever = CachedToken::new(AccessTokenAnswer::new("t", None, None), 0).expect("valid");
        assert!(forever.is_fresh(i64::MAX));
    }

    #[test]
    fn lifetime_counts_from_the_local_clock_when_iat_is_known() {
        // Authing's clock says 1000; ours says 50_000. The token still lives 7200 s for us.
        let token = CachedToken::new(AccessTokenAnswer::new("t", Some(8200), Some(1000)), 50_000)
            .expect("valid");
        assert!(token.is_fresh(50_000 + 3600));
        assert!(!token.is_fresh(50_000 + 3601));
        // Without iat, exp is all there is.
        let token =
            CachedToken::new(AccessTokenAnswer::new("t", Some(8200), None), 1000).expect("valid");
        assert!(!token.is_fresh(8200 - 3599));
    }

    #[test]
    fn an_empty_token_is_a_decode_error() {
        let error = CachedToken::new(AccessTokenAnswer::new(" ", Some(10), Some(0)), 0)
            .err()
            .expect("rejected");
        assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    }

    #[tokio::test]
    async fn rejection_drops_only_the_token_it_names() {
        let (cache, _) = cache_at(0);
        let first = cache.get(|| async { answer("t1", 0, 7200) }).await;
        assert_eq!(first.expect("fetched").expose(), "t1");
        // Someone else's stale rejection: the cache keeps t1.
        let kept = cache
            .replace_rejected(&Secret::from("t0"), || async { answer("t2", 0, 7200) })
            .await;
        assert_eq!(kept.expect("cached").expose(), "t1");
        let replaced = cache
            .replace_rejected(&Secret::from("t1"), || async { answer("t2", 0, 7200) })
            .await;
        assert_eq!(replaced.expect("fetched").expose(), "t2");
        assert_eq!(cache.peek().await.expect("cached").expose(), "t2");
    }

    #[test]
    fn duplicates_keep_what_callers_match_on() {
        let error = Error::Transport(TransportError::connect(std::io::Error::other("refused")));
        let copy = duplicate(&error).expect("known variant");
        assert!(
            matches!(&copy, Error::Transport(e) if !e.maybe_sent() && e.to_string().contains("refused")),
            "{copy:?}"
        );
        let error = Error::Api {
            code: 2333,
            message: "no".into(),
            data: None,
            status: StatusCode::OK,
        };
        assert_eq!(duplicate(&error).and_then(|e| e.code()), Some(2333));
    }
}
