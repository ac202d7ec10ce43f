//! The management token cache.
//!
//! A management client authorises every call with a token fetched by the `accessToken(userPoolId,
//! secret)` query. [`TokenCache`] keeps that token and decides when to fetch a new one:
//!
//! - **Lifetime.** A token is used until fewer than `min(3600 s, lifetime / 2)` remain. The
//!   lifetime is `exp - iat` from the answer, counted from the moment the answer arrived by the
//!   client's [`Clock`], so a client whose clock disagrees with Authing's still refreshes on
//!   time. Without `iat` the expiry is `exp` itself; without `exp` the token is kept until
//!   Authing rejects it. Times that make no sense (`exp` before `iat`, a lifetime that does
//!   not fit in an `i64`, a token already expired when it arrives) give the token a short
//!   lifetime ([`NONSENSE_LIFETIME_SECS`]): it is used, and refreshed soon.
//! - **Fast path.** A fresh token is read from a snapshot behind a `std::sync::RwLock`, without
//!   waiting on anything else.
//! - **Single flight.** When the token is missing or stale, the first caller starts a fetch and
//!   stores it as a shared future; every caller until it finishes awaits that same future. The
//!   fetch belongs to the cache, not to a caller: a caller cancelled while waiting (a timeout,
//!   a dropped task) cancels only its own wait, and the next caller resumes the same fetch
//!   instead of sending another `accessToken`.
//! - **Failures are shared, not cached.** When a fetch fails, every caller that was waiting
//!   for it gets the error; a call that starts afterwards fetches again.
//! - **Rejection.** When Authing rejects a token (codes 2206 expired, 2207 invalid), the
//!   caller hands back the token it used; it is dropped only if the cache still holds it, so
//!   many calls failing with the same token cause one refresh.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use authing_core::{Clock, Error, Secret, TransportError};
use bytes::Bytes;
use futures::future::{BoxFuture, FutureExt, Shared};
use http::StatusCode;
use serde::Deserialize;

/// The longest time before expiry at which a token is refreshed.
const MAX_REFRESH_MARGIN_SECS: i64 = 3600;

/// The lifetime given to a token whose `exp`/`iat` make no sense: it is used for half of it,
/// then refreshed (rather than refreshed on every call, or kept forever).
const NONSENSE_LIFETIME_SECS: i64 = 60;

/// The answer of `accessToken` (`AccessTokenRes`): the management token (required) and its
/// lifetime. The client keeps it in its token cache; see
/// [`ManagementClient::access_token`](crate::ManagementClient::access_token).
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
            (None, _) => None,
            // The lifetime Authing granted, counted on our clock.
            (Some(exp), Some(iat)) => exp
                .checked_sub(iat)
                .filter(|lifetime| *lifetime > 0)
                .map(|lifetime| now.saturating_add(lifetime)),
            // Authing's clock is all there is.
            (Some(exp), None) => Some(exp).filter(|exp| *exp > now),
        }
        .or_else(|| {
            answer.exp.map(|_| {
                tracing::debug!("the management token's exp/iat make no sense; refreshing soon");
                now.saturating_add(NONSENSE_LIFETIME_SECS)
            })
        });
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

/// What a fetch ends with, as every waiter sees it.
type FetchOutcome = Result<Arc<CachedToken>, Arc<FailedFetch>>;

/// A fetch in flight: its number and the future every waiter awaits.
struct Flight {
    number: u64,
    outcome: Shared<BoxFuture<'static, FetchOutcome>>,
}

/// A failed fetch's error, handed to each of its waiters: the first gets the error itself
/// (with its source chain), the others a copy ([`duplicate`]).
struct FailedFetch {
    original: Mutex<Option<Error>>,
    copy: Option<Error>,
}

impl FailedFetch {
    fn new(error: Error) -> Self {
        Self {
            copy: duplicate(&error),
            original: Mutex::new(Some(error)),
        }
    }

    fn error(&self) -> Error {
        let original = self.original.lock().ok().and_then(|mut slot| slot.take());
        original
            .or_else(|| self.copy.as_ref().and_then(duplicate))
            .unwrap_or_else(|| {
                Error::Transport(TransportError::other(
                    "fetching the management token failed",
                ))
            })
    }
}

/// The token and the fetch in flight, shared by the cache and its flight's future.
struct CacheState {
    /// The token in use: read without waiting, replaced only with `flight` locked.
    current: RwLock<Option<Arc<CachedToken>>>,
    /// The slow path: dropping a rejected token, starting or joining the fetch in flight.
    flight: tokio::sync::Mutex<Option<Flight>>,
}

impl CacheState {
    fn current(&self) -> Option<Arc<CachedToken>> {
        match self.current.read() {
            Ok(current) => current.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn set_current(&self, token: Option<Arc<CachedToken>>) {
        match self.current.write() {
            Ok(mut current) => *current = token,
            Err(poisoned) => *poisoned.into_inner() = token,
        }
    }
}

/// The management token of one client and its clones.
pub(crate) struct TokenCache {
    clock: Arc<dyn Clock>,
    state: Arc<CacheState>,
    /// Numbers the flights, so a finishing flight clears only itself.
    flights: AtomicU64,
}

impl TokenCache {
    pub(crate) fn new(clock: Arc<dyn Clock>) -> Self {
        Self {
            clock,
            state: Arc::new(CacheState {
                current: RwLock::new(None),
                flight: tokio::sync::Mutex::new(None),
            }),
            flights: AtomicU64::new(0),
        }
    }

    /// The cached token if it is fresh, else a new one from `fetch`.
    ///
    /// `fetch` runs at most once, and only if this caller starts the fetch; its future runs
    /// to its end even if this caller stops waiting, so it owns what it uses (`'static`).
    pub(crate) async fn get<F, Fut>(&self, fetch: F) -> Result<Secret, Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<AccessTokenAnswer, Error>> + Send + 'static,
    {
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
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
        Fut: Future<Output = Result<AccessTokenAnswer, Error>> + Send + 'static,
    {
        self.get_or_fetch(Some(rejected), fetch).await
    }

    /// The fast path: the current token, if it is fresh.
    fn fresh(&self) -> Option<Secret> {
        let token = self.state.current()?;
        token
            .is_fresh(self.clock.unix_seconds())
            .then(|| token.value.clone())
    }

    async fn get_or_fetch<F, Fut>(
        &self,
        rejected: Option<&Secret>,
        fetch: F,
    ) -> Result<Secret, Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<AccessTokenAnswer, Error>> + Send + 'static,
    {
        let outcome = {
            let mut flight = self.state.flight.lock().await;
            if let Some(rejected) = rejected
                && self
                    .state
                    .current()
                    .is_some_and(|token| token.value == *rejected)
            {
                tracing::debug!("authing management token rejected; dropping it");
                self.state.set_current(None);
            }
            // Another caller may have refreshed it while this one waited for the lock.
            if let Some(token) = self.fresh() {
                return Ok(token);
            }
            match &*flight {
                Some(in_flight) => in_flight.outcome.clone(),
                None => {
                    let started = self.start(fetch);
                    let outcome = started.outcome.clone();
                    *flight = Some(started);
                    outcome
                }
            }
        };
        match outcome.await {
            Ok(token) => Ok(token.value.clone()),
            Err(failed) => Err(failed.error()),
        }
    }

    /// A new flight: `fetch`, then the answer checked and stored, as one future of its own.
    fn start<F, Fut>(&self, fetch: F) -> Flight
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<AccessTokenAnswer, Error>> + Send + 'static,
    {
        tracing::debug!("fetching an authing management token");
        let number = self.flights.fetch_add(1, Ordering::Relaxed);
        let answer = fetch();
        let clock = Arc::clone(&self.clock);
        // Weak: the state holds this future, which must not keep the state (and the cache)
        // alive when the client is dropped with the fetch still pending.
        let state = Arc::downgrade(&self.state);
        let outcome = async move {
            // A panicking transport must not leave the flight in place: every later call
            // would join it and panic too. The panic still reaches this flight's waiters.
            let answer = AssertUnwindSafe(answer).catch_unwind().await;
            let Some(state) = state.upgrade() else {
                return Err(Arc::new(FailedFetch::new(Error::Transport(
                    TransportError::other("the client was dropped during the token fetch"),
                ))));
            };
            let mut flight = state.flight.lock().await;
            if flight.as_ref().is_some_and(|f| f.number == number) {
                *flight = None;
            }
            let outcome = match answer {
                Ok(answer) => answer
                    .and_then(|answer| CachedToken::new(answer, clock.unix_seconds()))
                    .map(Arc::new)
                    .map_err(|error| Arc::new(FailedFetch::new(error))),
                Err(panic) => {
                    state.set_current(None);
                    drop(flight);
                    std::panic::resume_unwind(panic)
                }
            };
            state.set_current(outcome.as_ref().ok().map(Arc::clone));
            outcome
        };
        Flight {
            number,
            outcome: outcome.boxed().shared(),
        }
    }

    /// The cached token, fresh or not, without fetching; for tests and diagnostics.
    #[cfg(test)]
    pub(crate) fn peek(&self) -> Option<Secret> {
        self.state.current().map(|t| t.value.clone())
    }
}

impl fmt::Debug for TokenCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let now = self.clock.unix_seconds();
        let current = self.state.current();
        let token = match &current {
            None => "none",
            Some(t) if t.is_fresh(now) => "fresh",
            Some(_) => "stale",
        };
        let fetching = match self.state.flight.try_lock() {
            Ok(flight) => flight.is_some(),
            Err(_) => true,
        };
        f.debug_struct("TokenCache")
            .field("token", &token)
            .field("expires_at", &current.as_ref().and_then(|t| t.expires_at))
            .field("fetching", &fetching)
            .field("clock", &self.clock)
            .finish()
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
        Error::Http {
            status,
            body,
            headers,
        } => Error::Http {
            status: *status,
            body: body.clone(),
            headers: headers.clone(),
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
        assert_eq!(cache.peek().expect("cached").expose(), "t2");
    }

    #[test]
    fn no_exp_or_iat_overflows_and_nonsense_means_refresh_soon() {
        let extremes = [
            i64::MIN,
            i64::MIN + 1,
            -1,
            0,
            1,
            1_700_000_000,
            i64::MAX - 1,
            i64::MAX,
        ];
        for exp in extremes {
            for iat in extremes.iter().copied().map(Some).chain([None]) {
                for now in [i64::MIN, -1, 0, 1_700_000_000, i64::MAX] {
                    let token = CachedToken::new(AccessTokenAnswer::new("t", Some(exp), iat), now)
                        .expect("a token");
                    for later in [now, now.saturating_add(1), i64::MAX, i64::MIN] {
                        let _ = token.is_fresh(later);
                    }
                }
            }
        }
        // exp - iat does not fit in an i64: used now, refreshed within a minute.
        let token = CachedToken::new(AccessTokenAnswer::new("t", Some(i64::MAX), Some(-1)), 1000)
            .expect("a token");
        assert!(token.is_fresh(1000));
        assert!(!token.is_fresh(1000 + NONSENSE_LIFETIME_SECS));
        // exp before iat, and an exp already past on arrival: the same.
        for (exp, iat) in [(100, Some(200)), (500, None)] {
            let token = CachedToken::new(AccessTokenAnswer::new("t", Some(exp), iat), 1000)
                .expect("a token");
            assert!(token.is_fresh(1000), "{exp} {iat:?}");
            assert!(
                !token.is_fresh(1000 + NONSENSE_LIFETIME_SECS),
                "{exp} {iat:?}"
            );
        }
    }

    #[tokio::test]
    async fn an_overflowing_answer_is_served_and_refreshed_soon() {
        let (cache, clock) = cache_at(1000);
        let overflowing = || async { Ok(AccessTokenAnswer::new("t1", Some(i64::MAX), Some(-1))) };
        assert_eq!(cache.get(overflowing).await.expect("served").expose(), "t1");
        clock
            .0
            .store(1000 + NONSENSE_LIFETIME_SECS, Ordering::SeqCst);
        let next = cache.get(|| async { answer("t2", 0, 7200) }).await;
        assert_eq!(next.expect("refreshed").expose(), "t2");
    }

    #[tokio::test]
    async fn a_fresh_token_is_read_without_the_async_mutex() {
        let (cache, _) = cache_at(0);
        let first = cache.get(|| async { answer("t1", 0, 7200) }).await;
        assert_eq!(first.expect("fetched").expose(), "t1");
        // With the slow path's mutex held elsewhere, a fresh token is still served at once.
        let _held = cache.state.flight.lock().await;
        let read = cache
            .get(|| async { panic!("a fresh token needs no fetch") })
            .now_or_never()
            .expect("the fast path does not wait for the mutex");
        assert_eq!(read.expect("cached").expose(), "t1");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn cancelled_callers_of_a_hung_fetch_cause_one_request() {
        let (cache, _) = cache_at(0);
        let cache = Arc::new(cache);
        let fetches = Arc::new(AtomicU64::new(0));
        let gate = Arc::new(tokio::sync::Semaphore::new(0));
        let fetch = |fetches: Arc<AtomicU64>, gate: Arc<tokio::sync::Semaphore>| {
            move || {
                fetches.fetch_add(1, Ordering::SeqCst);
                async move {
                    let _open = gate.acquire().await;
                    answer("t1", 0, 7200)
                }
            }
        };
        // Fifty callers give up, one after another, while the fetch hangs.
        let callers = (0..50u64).map(|i| {
            let cache = Arc::clone(&cache);
            let fetch = fetch(Arc::clone(&fetches), Arc::clone(&gate));
            tokio::spawn(async move {
                let wait = Duration::from_millis(5 + 2 * i);
                tokio::time::timeout(wait, cache.get(fetch)).await
            })
        });
        for caller in futures::future::join_all(callers).await {
            assert!(caller.expect("no panic").is_err(), "the fetch hangs");
        }
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
        // The fetch was not abandoned: once it can finish, the next caller gets its token.
        gate.add_permits(1);
        let token = cache
            .get(fetch(Arc::clone(&fetches), Arc::clone(&gate)))
            .await;
        assert_eq!(token.expect("the same fetch").expose(), "t1");
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn every_waiter_of_a_failed_fetch_gets_its_error_and_the_next_call_fetches_again() {
        let (cache, _) = cache_at(0);
        let gate = Arc::new(tokio::sync::Semaphore::new(0));
        let failing = || {
            let gate = Arc::clone(&gate);
            async move {
                let _open = gate.acquire().await;
                Err::<AccessTokenAnswer, _>(Error::Transport(TransportError::io(
                    std::io::Error::other("reset by peer"),
                )))
            }
        };
        let waiters = futures::future::join_all((0..3).map(|_| cache.get(failing)));
        let opener = async {
            tokio::task::yield_now().await;
            gate.add_permits(1);
        };
        let (results, ()) = tokio::join!(waiters, opener);
        for result in results {
            let error = result.expect_err("the fetch failed");
            assert!(error.to_string().contains("reset by peer"), "{error}");
        }
        let next = cache.get(|| async { answer("t1", 0, 7200) }).await;
        assert_eq!(next.expect("fetched again").expose(), "t1");
    }

    #[tokio::test]
    async fn a_dropped_cache_drops_its_pending_fetch() {
        let (cache, _) = cache_at(0);
        let held_by_the_fetch = Arc::new(());
        let marker = Arc::clone(&held_by_the_fetch);
        let hung = move || async move {
            let _marker = marker;
            std::future::pending::<Result<AccessTokenAnswer, Error>>().await
        };
        let waited = tokio::time::timeout(Duration::from_millis(10), cache.get(hung)).await;
        assert!(waited.is_err(), "the fetch hangs");
        assert_eq!(
            Arc::strong_count(&held_by_the_fetch),
            2,
            "the flight is kept"
        );
        drop(cache);
        assert_eq!(
            Arc::strong_count(&held_by_the_fetch),
            1,
            "and dropped with the cache"
        );
    }

    #[tokio::test]
    async fn a_panicking_fetch_does_not_stay_in_flight() {
        let (cache, _) = cache_at(0);
        let cache = Arc::new(cache);
        let panicking = Arc::clone(&cache);
        let joined = tokio::spawn(async move {
            panicking
                .get(|| async { panic!("the transport panicked") })
                .await
        })
        .await;
        assert!(joined.expect_err("the caller panics").is_panic());
        let next = cache.get(|| async { answer("t1", 0, 7200) }).await;
        assert_eq!(next.expect("a new fetch").expose(), "t1");
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
