//! [`Grants`]: what the fake's OIDC / OAuth provider remembers between requests: pending
//! authorization codes and live refresh tokens (issue 9).

use std::collections::HashMap;
use std::fmt;

/// What an authorization code stands for, until it is redeemed or expires.
#[derive(Clone)]
pub(crate) struct AuthCode {
    pub(crate) pool_id: String,
    pub(crate) app_id: String,
    pub(crate) user_id: String,
    pub(crate) redirect_uri: String,
    pub(crate) scope: String,
    pub(crate) nonce: Option<String>,
    /// `(code_challenge, code_challenge_method)` when the client used PKCE.
    pub(crate) challenge: Option<(String, String)>,
    /// Unix seconds by the fake's clock.
    pub(crate) expires_at: i64,
}

/// What a refresh token stands for, until it is revoked.
#[derive(Clone)]
pub(crate) struct RefreshGrant {
    pub(crate) pool_id: String,
    pub(crate) app_id: String,
    pub(crate) user_id: String,
    pub(crate) scope: String,
    pub(crate) issued_at: i64,
}

/// Pending codes and live refresh tokens, by their (secret) value. `Debug` shows counts
/// only: the keys are secrets.
#[derive(Clone, Default)]
pub(crate) struct Grants {
    pub(crate) codes: HashMap<String, AuthCode>,
    pub(crate) refresh_tokens: HashMap<String, RefreshGrant>,
    /// CAS service tickets.
    pub(crate) tickets: HashMap<String, ServiceTicket>,
}

impl fmt::Debug for Grants {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Grants")
            .field("codes", &self.codes.len())
            .field("refresh_tokens", &self.refresh_tokens.len())
            .field("tickets", &self.tickets.len())
            .finish()
    }
}

impl Grants {
    /// Forgets every code and refresh token.
    pub(crate) fn clear(&mut self) {
        self.codes.clear();
        self.refresh_tokens.clear();
        self.tickets.clear();
    }
}

/// What a CAS service ticket stands for, until it is validated or expires.
#[derive(Clone)]
pub(crate) struct ServiceTicket {
    pub(crate) pool_id: String,
    pub(crate) app_id: String,
    pub(crate) user_id: String,
    pub(crate) service: String,
    /// Unix seconds by the fake's clock.
    pub(crate) issued_at: i64,
    pub(crate) expires_at: i64,
}
