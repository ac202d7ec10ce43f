//! [`MfaState`]: a pool's TOTP authenticators and the MFA steps of logins in progress.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

/// A user's TOTP authenticator: pending until its first code is confirmed.
#[derive(Debug, Clone)]
pub(crate) struct TotpAuthenticator {
    pub(crate) id: String,
    /// The base32 secret the user's authenticator app holds.
    pub(crate) secret: String,
    /// The single-use recovery code; `None` once used.
    pub(crate) recovery_code: Option<String>,
    /// Confirmed with a first code: logins then need a second factor.
    pub(crate) enabled: bool,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

/// The MFA step of a login whose password checked out (its `mfaToken`).
#[derive(Debug, Clone)]
pub(crate) struct MfaStep {
    pub(crate) user_id: String,
    /// The application the login was for.
    pub(crate) app_id: String,
    pub(crate) expires_at: DateTime<Utc>,
}

/// A pool's MFA state.
#[derive(Debug, Clone, Default)]
pub(crate) struct MfaState {
    /// User id → their TOTP authenticator.
    pub(crate) totp: HashMap<String, TotpAuthenticator>,
    /// `mfaToken` → the login step it stands for.
    pub(crate) steps: HashMap<String, MfaStep>,
}

impl MfaState {
    /// Whether user `id` must answer an MFA step to log in.
    pub(crate) fn required(&self, user_id: &str) -> bool {
        self.totp.get(user_id).is_some_and(|a| a.enabled)
    }

    pub(crate) fn clear(&mut self) {
        self.totp.clear();
        self.steps.clear();
    }
}
