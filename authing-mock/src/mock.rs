//! [`MockAuthing`]: one fake Authing, its state, and its handles.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use authing_core::Secret;
use chrono::{DateTime, Utc};

use crate::crypto::RsaKeyPair;
use crate::error::MockError;
use crate::fake::{Fake, Settings};
use crate::faults::Fault;
use crate::in_process::InProcessTransport;
use crate::pool::{IN_PROCESS_HOST, PoolCredentials};
use crate::qrcode_phone::QrAction;
use crate::record::RecordedRequest;
use crate::store::{AppMfa, PasswordStrength, SentCode, Store};

/// A copy of everything a fake keeps (pools, applications, users and their links, revoked
/// tokens, the outbox of sent codes), taken by [`MockAuthing::snapshot`] and put back by [`MockAuthing::restore`].
/// Cheap to clone. The clock, faults, request journal and keys are not part of it.
#[derive(Clone)]
pub struct Snapshot {
    /// The fake it was taken from.
    fake_id: String,
    store: Arc<Store>,
}

impl fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Snapshot")
            .field("pools", &self.store.pools.len())
            .finish_non_exhaustive()
    }
}

/// A fake Authing: user pools with their applications and users, a GraphQL endpoint and
/// REST endpoints that behave like Authing's, reachable in process
/// ([`transport`](Self::transport)) or over a socket ([`serve`](Self::serve), defined
/// with [`MockServer`](crate::MockServer)).
///
/// Cloning is cheap and clones share one state. It starts with one pool (and its one
/// application) ready; [`pool`](Self::pool) has its credentials.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use authing_core::Transport;
/// use bytes::Bytes;
///
/// let mock = authing_mock::MockAuthing::new();
/// let pool = mock.pool();
/// let body = serde_json::json!({
///     "query": "query accessToken($userPoolId: String!, $secret: String!) { \
///               accessToken(userPoolId: $userPoolId, secret: $secret) { accessToken exp } }",
///     "variables": {"userPoolId": pool.user_pool_id, "secret": pool.secret.expose()},
/// });
/// let request = http::Request::post(format!("{}/graphql/v2", pool.host))
///     .header("content-type", "application/json")
///     .body(Bytes::from(body.to_string()))
///     .unwrap();
/// let response = mock.transport().send(request).await.unwrap();
/// let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
/// assert!(json["data"]["accessToken"]["accessToken"].is_string());
/// assert_eq!(mock.count_graphql("accessToken"), 1);
/// # }
/// ```
#[derive(Clone)]
pub struct MockAuthing {
    pub(crate) inner: Arc<Fake>,
}

impl fmt::Debug for MockAuthing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockAuthing")
            .field("default_pool", &self.inner.default_pool.user_pool_id)
            .finish_non_exhaustive()
    }
}

impl Default for MockAuthing {
    fn default() -> Self {
        Self::new()
    }
}

impl MockAuthing {
    /// A fake with one pool and one application, using the built-in RSA test key (1024-bit,
    /// like Authing's public cloud; a public key pair checked into this crate, so building a
    /// fake costs no key generation).
    ///
    /// # Panics
    ///
    /// Never in practice: only if the checked-in key did not parse;
    /// [`builder`](Self::builder)`.build()` reports that as an error instead.
    pub fn new() -> Self {
        match Self::builder().build() {
            Ok(mock) => mock,
            Err(error) => panic!("cannot set up the fake Authing: {error}"),
        }
    }

    /// Starts building a fake with options (its own RSA key, limits, remote control).
    pub fn builder() -> MockAuthingBuilder {
        MockAuthingBuilder::default()
    }

    /// The credentials of the default pool, with the in-process placeholder host.
    pub fn pool(&self) -> PoolCredentials {
        self.pool_with_host(IN_PROCESS_HOST)
    }

    pub(crate) fn pool_with_host(&self, host: &str) -> PoolCredentials {
        self.inner.default_pool.clone().with_host(host)
    }

    /// Creates another pool (with its own application), isolated from the others.
    pub fn create_pool(&self) -> PoolCredentials {
        self.inner.create_pool(IN_PROCESS_HOST)
    }

    /// Every pool's credentials, the default pool first.
    pub fn pools(&self) -> Vec<PoolCredentials> {
        self.inner.all_credentials(IN_PROCESS_HOST)
    }

    /// The fake's RSA public key (SPKI PEM), as `/api/v2/.well-known` publishes it.
    pub fn public_key_pem(&self) -> &str {
        self.inner.public_key_pem()
    }

    /// A transport that hands requests straight to the fake's router: no socket, no network.
    /// The scheme and host of request URIs are ignored.
    pub fn transport(&self) -> InProcessTransport {
        InProcessTransport::new(self.router())
    }

    /// The fake's axum router, to mount in a server of your own.
    pub fn router(&self) -> axum::Router {
        crate::router::router(Arc::clone(&self.inner))
    }

    /// Moves the fake's clock forward: tokens expire by it, timestamps are written by it.
    pub fn advance_clock(&self, by: Duration) {
        self.inner.advance_clock(by);
    }

    /// The fake's current time: the wall clock plus every [`advance_clock`](Self::advance_clock).
    pub fn now(&self) -> DateTime<Utc> {
        self.inner.now()
    }

    /// The requests the fake answered, oldest first (since the last [`reset`](Self::reset)):
    /// the last [`journal_capacity`](MockAuthingBuilder::journal_capacity) of them (1000 by
    /// default), each body cut at 32 KiB.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.inner.journal().iter().cloned().collect()
    }

    /// At most `limit` of the recorded requests, starting `offset` requests after the oldest
    /// one kept: a page of [`requests`](Self::requests), without copying the rest.
    pub fn requests_page(&self, offset: usize, limit: usize) -> Vec<RecordedRequest> {
        self.inner
            .journal()
            .iter()
            .skip(offset)
            .take(limit)
            .cloned()
            .collect()
    }

    /// How many recorded GraphQL requests selected the root field `field` (e.g.
    /// `"accessToken"`).
    pub fn count_graphql(&self, field: &str) -> usize {
        self.inner
            .journal()
            .iter()
            .filter(|r| r.graphql_fields.iter().any(|f| f == field))
            .count()
    }

    /// Every SMS and email code the fake sent (since the last [`reset`](Self::reset)), from
    /// every pool, newest first; [`SentCode::consumed`] marks the ones used.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use authing_core::Transport;
    /// use bytes::Bytes;
    ///
    /// let mock = authing_mock::MockAuthing::builder().fixed_code("123456").build().unwrap();
    /// let pool = mock.pool();
    /// let request = http::Request::post(format!("{}/api/v2/sms/send", pool.host))
    ///     .header("content-type", "application/json")
    ///     .header("x-authing-userpool-id", &pool.user_pool_id)
    ///     .body(Bytes::from_static(br#"{"phone": "13800000000"}"#))
    ///     .unwrap();
    /// mock.transport().send(request).await.unwrap();
    /// let sent = mock.outbox_to("13800000000", None);
    /// assert_eq!(sent[0].code.expose(), "123456");
    /// assert_eq!(mock.last_code("13800000000").unwrap().expose(), "123456");
    /// # }
    /// ```
    pub fn outbox(&self) -> Vec<SentCode> {
        self.inner.outbox(None, None)
    }

    /// The codes sent to `recipient` (a phone number or email address), for `scene` when
    /// given (an `EmailScene` such as `"RESET_PASSWORD"`, or [`SMS_SCENE`](crate::SMS_SCENE)),
    /// newest first.
    pub fn outbox_to(&self, recipient: &str, scene: Option<&str>) -> Vec<SentCode> {
        self.inner.outbox(Some(recipient), scene)
    }

    /// The newest code sent to `recipient`, used or not: what a user reads on their phone.
    pub fn last_code(&self, recipient: &str) -> Option<Secret> {
        self.inner
            .outbox(Some(recipient), None)
            .into_iter()
            .next()
            .map(|sent| sent.code)
    }

    // The phone's side of a QR-code login.
    /// The phone of logged-in user `user_id` scans the QR code `random` (from
    /// `gene_qrcode`): its status becomes 1. Refused for an unknown (2241), expired or
    /// already scanned code.
    pub fn scan_qrcode(&self, random: &str, user_id: &str) -> Result<(), MockError> {
        self.play_qrcode(random, QrAction::Scan { user_id })
    }

    /// The scanner confirms the login: the QR code's status becomes 2 and it gets its
    /// single-use ticket. Refused unless the code is scanned and live.
    pub fn confirm_qrcode(&self, random: &str) -> Result<(), MockError> {
        self.play_qrcode(random, QrAction::Confirm)
    }

    /// The scanner cancels the login: the QR code's status becomes 3.
    pub fn cancel_qrcode(&self, random: &str) -> Result<(), MockError> {
        self.play_qrcode(random, QrAction::Cancel)
    }

    fn play_qrcode(&self, random: &str, action: QrAction<'_>) -> Result<(), MockError> {
        self.inner
            .play_qrcode(random, action)
            .map_err(|failure| MockError::Refused {
                code: failure.number(),
                message: failure.message(authing_core::Lang::EnUs),
            })
    }

    /// Arms a fault; see [`Fault`].
    pub fn inject_fault(&self, fault: Fault) {
        self.inner.inject_fault(fault);
    }

    /// Disarms every fault.
    pub fn clear_faults(&self) {
        self.inner.clear_faults();
    }

    /// Empties every pool's users, forgets revoked tokens, disarms faults and forgets
    /// recorded requests. Pools, applications, their credentials, the RSA key, the token
    /// signing key, the clock and saved snapshots stay, so management tokens issued before
    /// stay valid.
    pub fn reset(&self) {
        self.inner.reset();
    }

    /// A copy of everything the fake keeps (pools, applications, users, links, revoked
    /// tokens), to [`restore`](Self::restore) later: set up once, then start each test from
    /// the same state. The clock, faults, request journal and keys are not part of it.
    ///
    /// ```
    /// let mock = authing_mock::MockAuthing::new();
    /// let before = mock.snapshot();
    /// mock.create_pool();
    /// assert_eq!(mock.pools().len(), 2);
    /// mock.restore(&before).unwrap();
    /// assert_eq!(mock.pools().len(), 1);
    /// ```
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            fake_id: self.inner.id.clone(),
            store: Arc::new(self.inner.snapshot()),
        }
    }

    /// Puts back what [`snapshot`](Self::snapshot) copied, replacing everything the fake
    /// keeps now. Tokens issued since stay signed but may name users or pools that are
    /// gone. Fails with [`MockError::ForeignSnapshot`] for a snapshot of another fake.
    pub fn restore(&self, snapshot: &Snapshot) -> Result<(), MockError> {
        if snapshot.fake_id != self.inner.id {
            return Err(MockError::ForeignSnapshot);
        }
        self.inner.restore(Store::clone(&snapshot.store));
        Ok(())
    }

    // The other ways in.

    /// Adds (or replaces) an entry of the default pool's LDAP / AD directory: its username,
    /// password and the profile (wire names, string values: `nickname`, `email`, ...) its
    /// Authing user starts with. `login_by_ldap` / `login_by_ad` check the password against
    /// it; the first login creates the Authing user and links the directory identity to it.
    /// Fails with [`MockError::Refused`] (2231, 2003) for a profile it cannot hold.
    ///
    /// ```
    /// let fake = authing_mock::MockAuthing::new();
    /// fake.add_ldap_user("ada", "directory-pw", serde_json::json!({"nickname": "Ada"}))
    ///     .expect("a directory entry");
    /// ```
    pub fn add_ldap_user(
        &self,
        username: &str,
        password: &str,
        profile: serde_json::Value,
    ) -> Result<(), MockError> {
        self.inner
            .add_ldap_user(None, username, password, profile)
            .map_err(refused)
    }

    /// Gives user `user_id` (of any pool) a sub-account: `login_by_sub_account(account,
    /// password)` then logs in as that user. Fails with [`MockError::Refused`]: 2004 for an
    /// unknown user, 2026 when the name is a sub-account or a username already.
    pub fn add_sub_account(
        &self,
        user_id: &str,
        account: &str,
        password: &str,
    ) -> Result<(), MockError> {
        self.inner
            .add_sub_account(user_id, account, password)
            .map_err(refused)
    }

    /// Makes user `user_id` set a new password at their next login: it fails with 2058 and a
    /// `data.token` for `reset_password_by_force_reset_token` (which proves the old
    /// password). Fails with [`MockError::Refused`] 2004 for an unknown user.
    pub fn require_password_reset(&self, user_id: &str) -> Result<(), MockError> {
        self.inner.require_password_reset(user_id).map_err(refused)
    }

    /// Makes application `app_id` demand a second factor after every login (1636
    /// with `data.mfaToken`), or no more with `None`. Fails with [`MockError::Refused`] 2011
    /// for an unknown application.
    pub fn require_app_mfa(&self, app_id: &str, mfa: Option<AppMfa>) -> Result<(), MockError> {
        self.inner.require_app_mfa(app_id, mfa).map_err(refused)
    }

    /// Sets the default pool's password-strength rule: `checkPasswordStrength` applies it,
    /// and every password a user chooses (register, `updatePassword`, the resets) must meet
    /// it (2470 otherwise); an administrator's `createUser` is exempt.
    pub fn set_password_strength(&self, strength: PasswordStrength) {
        // The default pool always exists.
        let _ = self.inner.set_password_strength(None, strength);
    }
}

/// A refused set-up call as a [`MockError`].
fn refused(failure: crate::failure::Failure) -> MockError {
    MockError::Refused {
        code: failure.number(),
        message: failure.message(authing_core::Lang::EnUs),
    }
}

/// Builds a [`MockAuthing`] with options.
#[derive(Debug, Default)]
#[must_use]
pub struct MockAuthingBuilder {
    private_key_pem: Option<String>,
    generate_key: bool,
    settings: Settings,
}

impl MockAuthingBuilder {
    /// Use this RSA private key (PEM, PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1
    /// `BEGIN RSA PRIVATE KEY`) to decrypt passwords, instead of the built-in test key.
    pub fn private_key_pem(mut self, pem: impl Into<String>) -> Self {
        self.private_key_pem = Some(pem.into());
        self
    }

    /// Generate a fresh 1024-bit RSA key for this fake instead of using the built-in test
    /// key (whose private half is public). Generation takes a moment (~1.7 s unoptimised).
    /// A key given with [`private_key_pem`](Self::private_key_pem) wins.
    pub fn generate_key(mut self) -> Self {
        self.generate_key = true;
        self
    }

    /// How many requests the journal ([`MockAuthing::requests`]) keeps: the last `capacity`
    /// (1000 by default; 0 records none, and [`MockAuthing::count_graphql`] then counts 0).
    pub fn journal_capacity(mut self, capacity: usize) -> Self {
        self.settings.journal_capacity = capacity;
        self
    }

    /// Over HTTP ([`MockAuthing::serve`]), how long a connection may take to send a request
    /// head, and may sit idle between requests, before it is closed (10 s by default).
    pub fn header_read_timeout(mut self, timeout: Duration) -> Self {
        self.settings.serve_limits.header_read_timeout = timeout;
        self
    }

    /// Over HTTP ([`MockAuthing::serve`]), how many connections may be open at once (1024 by
    /// default); a connection beyond that is closed as soon as it is accepted.
    pub fn max_connections(mut self, max: usize) -> Self {
        self.settings.serve_limits.max_connections = max;
        self
    }

    /// Opens the test-only endpoints (`/__authing_mock/...`: reset, faults, the journal, every
    /// pool's secrets) to callers that are not on loopback, when they send `admin_token` in
    /// the `x-authing-mock-admin-token` header. Without this they answer only the
    /// in-process transport and loopback peers; others get 403.
    pub fn remote_control(mut self, admin_token: impl Into<Secret>) -> Self {
        self.settings.remote_control = Some(admin_token.into());
        self
    }

    /// Every SMS and email code the fake sends is `code` instead of six random digits, for
    /// scripted tests. Rate limits and expiry still apply.
    pub fn fixed_code(mut self, code: impl Into<String>) -> Self {
        self.settings.fixed_code = Some(code.into());
        self
    }

    /// An entry of the default pool's LDAP / AD directory (see
    /// [`MockAuthing::add_ldap_user`]); `build` fails with [`MockError::Refused`] for a
    /// profile it cannot hold.
    pub fn ldap_user(
        mut self,
        username: impl Into<String>,
        password: impl Into<Secret>,
        profile: serde_json::Value,
    ) -> Self {
        self.settings
            .ldap_users
            .push((username.into(), password.into(), profile));
        self
    }

    /// The default pool's password-strength rule (default: [`PasswordStrength::Any`]); see
    /// [`MockAuthing::set_password_strength`].
    pub fn password_strength(mut self, strength: PasswordStrength) -> Self {
        self.settings.password_strength = strength;
        self
    }

    /// Builds the fake; fails if the private key does not parse.
    pub fn build(self) -> Result<MockAuthing, MockError> {
        let key = match self.private_key_pem {
            Some(pem) => Arc::new(RsaKeyPair::from_pem(&pem)?),
            None if self.generate_key => Arc::new(RsaKeyPair::generate()?),
            None => RsaKeyPair::built_in()?,
        };
        Ok(MockAuthing {
            inner: Arc::new(Fake::new(key, IN_PROCESS_HOST, self.settings).map_err(refused)?),
        })
    }
}
