//! [`LoginState`]: what the other ways in need (authlogin): the pool's LDAP / AD user
//! directory, sub-accounts, pending password resets, the password-strength setting,
//! application MFA and enrolled faces.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::crypto::PasswordHash;

/// A user of the pool's LDAP / AD directory (the fake's stand-in for the directory server
/// an Authing LDAP or AD connection talks to).
#[derive(Debug, Clone)]
pub(crate) struct DirectoryUser {
    pub(crate) password: PasswordHash,
    /// Profile fields (wire names) given to the Authing user made at the first login.
    pub(crate) profile: Map<String, Value>,
}

/// A sub-account: another account name and password that log in as its user.
#[derive(Debug, Clone)]
pub(crate) struct SubAccount {
    pub(crate) user_id: String,
    pub(crate) password: PasswordHash,
}

/// Why a login handed out a password-reset token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResetKind {
    /// The user was created with `resetPasswordOnFirstLogin` (code 1639).
    FirstLogin,
    /// An administrator demands a new password (code 2058; the old one is needed).
    Forced,
}

/// A password-reset token a login handed out.
#[derive(Debug, Clone)]
pub(crate) struct ResetToken {
    pub(crate) user_id: String,
    pub(crate) kind: ResetKind,
    pub(crate) expires_at: DateTime<Utc>,
}

/// The pool's password-strength setting, as Authing's console offers it.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PasswordStrength {
    /// Any non-empty password (Authing's default).
    #[default]
    Any,
    /// At least 6 characters.
    AtLeast6,
    /// At least 6 characters, with two of: letters, digits, symbols.
    TwoKinds,
    /// At least 6 characters, with letters, digits and symbols.
    ThreeKinds,
}

/// The second factor an application demands after a password login.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppMfa {
    /// A code sent by SMS to the user's phone.
    Sms,
    /// A code sent by email to the user's email address.
    Email,
    /// A photo of the user's face.
    Face,
}

/// A login waiting for its application MFA step (code 1636).
#[derive(Debug, Clone)]
pub(crate) struct AppMfaStep {
    pub(crate) user_id: String,
    pub(crate) app_id: String,
    pub(crate) expires_at: DateTime<Utc>,
}

/// A pool's login state beyond passwords and TOTP.
#[derive(Debug, Clone, Default)]
pub(crate) struct LoginState {
    /// The LDAP / AD directory: username → entry. Configuration: kept across a reset.
    pub(crate) directory: BTreeMap<String, DirectoryUser>,
    /// The password-strength setting. Configuration: kept across a reset.
    pub(crate) password_strength: PasswordStrength,
    /// Account name → sub-account.
    pub(crate) sub_accounts: HashMap<String, SubAccount>,
    /// Users who must set a new password at their next login, and why.
    pub(crate) must_reset: HashMap<String, ResetKind>,
    /// Reset token → what it resets.
    pub(crate) reset_tokens: HashMap<String, ResetToken>,
    /// Application id → the MFA it demands.
    pub(crate) app_mfa: HashMap<String, AppMfa>,
    /// `mfaToken` → an application MFA step in progress.
    pub(crate) app_mfa_steps: HashMap<String, AppMfaStep>,
    /// User id → the photo URLs of their enrolled face.
    pub(crate) faces: HashMap<String, HashSet<String>>,
}

impl LoginState {
    /// Forgets everything but the configuration (the directory and the strength setting).
    pub(crate) fn clear(&mut self) {
        *self = Self {
            directory: std::mem::take(&mut self.directory),
            password_strength: self.password_strength,
            ..Self::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clearing_keeps_the_configuration_only() {
        let mut state = LoginState {
            password_strength: PasswordStrength::TwoKinds,
            ..LoginState::default()
        };
        let entry = DirectoryUser {
            password: PasswordHash::new("pw").expect("hash"),
            profile: Map::new(),
        };
        state.directory.insert("ada".into(), entry);
        state.must_reset.insert("u1".into(), ResetKind::Forced);
        state.app_mfa.insert("app1".into(), AppMfa::Sms);
        state
            .faces
            .insert("u1".into(), HashSet::from(["a.jpg".to_owned()]));
        state.clear();
        assert!(state.directory.contains_key("ada"));
        assert_eq!(state.password_strength, PasswordStrength::TwoKinds);
        assert!(state.must_reset.is_empty() && state.app_mfa.is_empty() && state.faces.is_empty());
    }
}
