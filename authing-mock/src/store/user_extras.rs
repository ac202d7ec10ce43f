//! What the fake keeps for a user's logins and identity beyond their
//! record: QR codes of QR-code logins ([`QrCodes`]) and principal authentications
//! ([`PrincipalRecord`]).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

/// Where a QR code is; "expired" is not kept but read from the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QrState {
    /// Made, not scanned (0).
    Unused,
    /// Scanned by a logged-in phone (1).
    Scanned,
    /// Confirmed on the phone (2): its ticket can be exchanged once.
    Confirmed,
    /// Cancelled on the phone (3).
    Cancelled,
}

/// One QR code of a QR-code login.
#[derive(Debug, Clone)]
pub(crate) struct QrCodeRecord {
    pub(crate) random: String,
    /// The application the login is for.
    pub(crate) app_id: String,
    pub(crate) state: QrState,
    /// The user who scanned it.
    pub(crate) user_id: Option<String>,
    /// Once confirmed: the ticket; `None` again once exchanged.
    pub(crate) ticket: Option<String>,
    pub(crate) expires_at: DateTime<Utc>,
}

/// A pool's QR codes, by `random`.
#[derive(Debug, Clone, Default)]
pub(crate) struct QrCodes {
    pub(crate) codes: HashMap<String, QrCodeRecord>,
}

/// A user's principal authentication (a person or an enterprise).
#[derive(Debug, Clone)]
pub(crate) struct PrincipalRecord {
    pub(crate) id: String,
    /// `P` or `E`.
    pub(crate) kind: String,
    pub(crate) name: String,
    /// The ID card number or the enterprise code.
    pub(crate) code: String,
    pub(crate) authenticated_at: DateTime<Utc>,
}
