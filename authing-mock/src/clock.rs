//! The fake's clock: the real time plus an offset that tests move forward.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};

/// Wall-clock time shifted by an offset that only grows.
///
/// Tokens are issued and checked against this clock, and every timestamp the fake writes
/// (`createdAt`, `lastLogin`, ...) comes from it, so moving it forward expires tokens without
/// sleeping.
#[derive(Debug, Default)]
pub(crate) struct FakeClock {
    offset_millis: AtomicI64,
}

impl FakeClock {
    /// The fake's current time.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        let offset = TimeDelta::milliseconds(self.offset_millis.load(Ordering::SeqCst));
        Utc::now()
            .checked_add_signed(offset)
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// Moves the clock forward by `by` (saturating).
    pub(crate) fn advance(&self, by: Duration) {
        let millis = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        // fetch_update never fails with a closure that always returns Some.
        let _ = self
            .offset_millis
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |current| {
                Some(current.saturating_add(millis))
            });
    }
}

/// An ISO-8601 timestamp with milliseconds, as JavaScript's `toISOString` writes it.
pub(crate) fn iso(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advances() {
        let clock = FakeClock::default();
        let before = clock.now();
        clock.advance(Duration::from_secs(3600));
        let after = clock.now();
        assert!(after - before >= TimeDelta::seconds(3600));
        assert!(iso(after).ends_with('Z'));
        clock.advance(Duration::MAX);
        let _ = clock.now();
    }
}
