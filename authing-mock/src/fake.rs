//! [`Fake`]: the state one fake Authing shares across its doors and handles: keys, clock,
//! the [`Store`] behind its one lock, the request journal, faults and saved snapshots.
//!
//! The public handle ([`MockAuthing`](crate::MockAuthing)) and the doors (router, GraphQL,
//! REST, test-only endpoints) sit on top of it; it imports none of them.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use authing_core::Secret;
use chrono::{DateTime, Utc};

use crate::clock::FakeClock;
use crate::crypto::{RsaKeyPair, random_hex};
use crate::faults::{Fault, Faults};
use crate::journal::{self, Journal};
use crate::limits::ServeLimits;
use crate::pool::PoolCredentials;
use crate::record::RecordedRequest;
use crate::store::{SentCode, Store};
use crate::tokens::TokenIssuer;

/// How many snapshots the test-only endpoint keeps by id; saving one more forgets the
/// oldest.
pub(crate) const MAX_SAVED_SNAPSHOTS: usize = 32;

/// The shared state behind every clone of a [`MockAuthing`](crate::MockAuthing).
pub(crate) struct Fake {
    /// Tells this fake's snapshots from another's.
    pub(crate) id: String,
    pub(crate) key: Arc<RsaKeyPair>,
    pub(crate) tokens: TokenIssuer,
    pub(crate) clock: FakeClock,
    store: Mutex<Store>,
    journal: Mutex<Journal>,
    faults: Mutex<Faults>,
    /// Snapshots saved through the test-only endpoint, oldest first, by id.
    saved: Mutex<VecDeque<(String, Store)>>,
    /// The default pool's credentials (with the in-process host); they never change.
    pub(crate) default_pool: PoolCredentials,
    /// The limits of the HTTP door.
    pub(crate) serve_limits: ServeLimits,
    /// The admin token remote callers of the control endpoints must send; `None`: only
    /// loopback and in-process callers may use them.
    pub(crate) remote_control: Option<Secret>,
    /// auth-flows: the code every SMS and email carries instead of a random one.
    pub(crate) fixed_code: Option<String>,
}

/// How a fake is set up, beyond its key (see `MockAuthingBuilder`).
#[derive(Debug)]
pub(crate) struct Settings {
    /// How many requests the journal keeps.
    pub(crate) journal_capacity: usize,
    /// The limits of the HTTP door.
    pub(crate) serve_limits: ServeLimits,
    /// The admin token that opens the control endpoints to remote callers.
    pub(crate) remote_control: Option<Secret>,
    /// The code every SMS and email carries instead of a random one.
    pub(crate) fixed_code: Option<String>,
    /// The default pool's LDAP / AD directory entries: username, password, profile.
    pub(crate) ldap_users: Vec<(String, Secret, serde_json::Value)>,
    /// The default pool's password-strength setting.
    pub(crate) password_strength: crate::store::PasswordStrength,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            journal_capacity: journal::DEFAULT_CAPACITY,
            serve_limits: ServeLimits::default(),
            remote_control: None,
            fixed_code: None,
            ldap_users: Vec::new(),
            password_strength: crate::store::PasswordStrength::default(),
        }
    }
}

/// Locks `mutex`, recovering the data if a panicking thread poisoned it (the fake's state
/// stays consistent: every critical section is a few plain assignments).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Fake {
    /// A fake with `key` and a store holding one pool, whose credentials (with `host`) are
    /// the default pool's. Fails when a directory entry of the settings is refused.
    pub(crate) fn new(
        key: Arc<RsaKeyPair>,
        host: &str,
        settings: Settings,
    ) -> Result<Self, crate::failure::Failure> {
        let mut store = Store::default();
        let default_pool = PoolCredentials::of(store.create_pool(), host, key.public_pem());
        // authlogin: the default pool's directory and password-strength setting.
        let pool = store.pool_mut(&default_pool.user_pool_id)?;
        pool.logins.password_strength = settings.password_strength;
        for (username, password, profile) in settings.ldap_users {
            crate::domain::directory::add_user_json(pool, &username, password.expose(), profile)?;
        }
        Ok(Self {
            id: random_hex(12),
            key,
            tokens: TokenIssuer::random(),
            clock: FakeClock::default(),
            store: Mutex::new(store),
            journal: Mutex::new(Journal::new(settings.journal_capacity)),
            faults: Mutex::new(Faults::default()),
            saved: Mutex::new(VecDeque::new()),
            default_pool,
            serve_limits: settings.serve_limits,
            remote_control: settings.remote_control,
            fixed_code: settings.fixed_code,
        })
    }

    /// The store, locked.
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.store)
    }

    /// The armed faults, locked.
    pub(crate) fn faults(&self) -> MutexGuard<'_, Faults> {
        lock(&self.faults)
    }

    /// Journals a request (the journal keeps the last few; see [`Journal`]).
    pub(crate) fn record(&self, request: RecordedRequest) {
        self.journal().push(request);
    }

    /// The request journal, locked.
    pub(crate) fn journal(&self) -> MutexGuard<'_, Journal> {
        lock(&self.journal)
    }

    /// The fake's time.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Every code sent by every pool whose recipient is `recipient` and scene is `scene`
    /// (when given), newest first.
    pub(crate) fn outbox(&self, recipient: Option<&str>, scene: Option<&str>) -> Vec<SentCode> {
        let store = self.store();
        let mut sent: Vec<SentCode> = store
            .pools
            .values()
            .flat_map(|pool| pool.outbox.sent.iter())
            .filter(|sent| recipient.is_none_or(|r| sent.recipient == r.trim()))
            .filter(|sent| scene.is_none_or(|s| sent.scene == s))
            .cloned()
            .collect();
        // Stable: codes sent at the same instant keep their pool's order, newest first.
        sent.reverse();
        sent.sort_by_key(|sent| std::cmp::Reverse(sent.sent_at));
        sent
    }

    /// Moves the fake's clock forward.
    pub(crate) fn advance_clock(&self, by: Duration) {
        self.clock.advance(by);
    }

    /// Arms a fault.
    pub(crate) fn inject_fault(&self, fault: Fault) {
        self.faults().push(fault);
    }

    /// Disarms every fault.
    pub(crate) fn clear_faults(&self) {
        self.faults().clear();
    }

    /// The RSA public key (SPKI PEM).
    pub(crate) fn public_key_pem(&self) -> &str {
        self.key.public_pem()
    }

    /// Credentials of every pool, default pool first.
    pub(crate) fn all_credentials(&self, host: &str) -> Vec<PoolCredentials> {
        let store = self.store();
        let mut pools: Vec<PoolCredentials> = store
            .pools
            .values()
            .map(|pool| PoolCredentials::of(pool, host, self.key.public_pem()))
            .collect();
        pools.sort_by_key(|p| p.user_pool_id != self.default_pool.user_pool_id);
        pools
    }

    /// A new pool's credentials with `host`.
    pub(crate) fn create_pool(&self, host: &str) -> PoolCredentials {
        let mut store = self.store();
        PoolCredentials::of(store.create_pool(), host, self.key.public_pem())
    }

    /// Empties every pool, forgets revoked tokens, faults and the journal.
    pub(crate) fn reset(&self) {
        self.store().reset();
        self.faults().clear();
        self.journal().clear();
    }

    /// A copy of the whole store.
    pub(crate) fn snapshot(&self) -> Store {
        self.store().clone()
    }

    /// Puts `store` back in place of the current one.
    pub(crate) fn restore(&self, store: Store) {
        *self.store() = store;
    }

    /// Saves a snapshot under a fresh id (forgetting the oldest beyond
    /// [`MAX_SAVED_SNAPSHOTS`]) and returns the id.
    pub(crate) fn save_snapshot(&self) -> String {
        let store = self.snapshot();
        let id = format!("snapshot-{}", random_hex(8));
        let mut saved = lock(&self.saved);
        if saved.len() >= MAX_SAVED_SNAPSHOTS {
            saved.pop_front();
        }
        saved.push_back((id.clone(), store));
        id
    }

    /// Restores the snapshot saved as `id`; false when there is none.
    pub(crate) fn restore_saved(&self, id: &str) -> bool {
        let store = lock(&self.saved)
            .iter()
            .find(|(saved, _)| saved == id)
            .map(|(_, store)| store.clone());
        match store {
            Some(store) => {
                self.restore(store);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::RsaKeyPair;

    #[test]
    fn saved_snapshots_restore_and_are_bounded() {
        let fake = Fake::new(
            RsaKeyPair::built_in().expect("key"),
            "http://x",
            Settings::default(),
        )
        .expect("a fake");
        let empty = fake.save_snapshot();
        fake.create_pool("http://x");
        assert_eq!(fake.all_credentials("http://x").len(), 2);
        assert!(fake.restore_saved(&empty));
        assert_eq!(fake.all_credentials("http://x").len(), 1);
        assert!(!fake.restore_saved("snapshot-nope"));
        for _ in 0..MAX_SAVED_SNAPSHOTS {
            fake.save_snapshot();
        }
        assert!(!fake.restore_saved(&empty), "the oldest was forgotten");
    }
}
