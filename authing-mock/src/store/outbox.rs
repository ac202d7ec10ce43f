//! [`Outbox`]: every SMS and email code a pool "sent", so a test reads a code the way a user
//! reads their phone.
//!
//! The outbox lives in the [`Pool`](super::Pool): a code belongs to the pool that sent it, a
//! snapshot copies the codes with the users they were sent to (restoring one brings back
//! the codes of that moment, consumed flags included), and a reset forgets them.

use authing_core::Secret;
use chrono::{DateTime, Utc};

/// How a code was sent.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A text message to a phone number.
    Sms,
    /// An email.
    Email,
}

impl Channel {
    /// Its name in the control endpoint's JSON: `"sms"` or `"email"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sms => "sms",
            Self::Email => "email",
        }
    }
}

/// One code the fake "sent". Its `Debug` hides the code.
#[non_exhaustive]
#[derive(Debug, Clone)]
pub struct SentCode {
    /// The user pool that sent it.
    pub pool_id: String,
    /// SMS or email.
    pub channel: Channel,
    /// The phone number or email address it went to.
    pub recipient: String,
    /// What it is for: an `EmailScene` (`RESET_PASSWORD`, `VERIFY_EMAIL`, `CHANGE_EMAIL`,
    /// `MFA_VERIFY`) for emails, [`SMS_SCENE`] for `POST /api/v2/sms/send`.
    pub scene: String,
    /// The code itself (six digits).
    pub code: Secret,
    /// When it was sent, by the fake's clock.
    pub sent_at: DateTime<Utc>,
    /// When it stops being accepted, by the fake's clock.
    pub expires_at: DateTime<Utc>,
    /// Whether a call already used it (codes are single-use).
    pub consumed: bool,
}

/// The scene of codes sent by `POST /api/v2/sms/send` (Authing's endpoint takes none): phone
/// login, phone registration, password reset and phone binding all accept them.
pub const SMS_SCENE: &str = "VERIFY_CODE";

/// A pool's sent codes, oldest first.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outbox {
    pub(crate) sent: Vec<SentCode>,
}

impl Outbox {
    /// The newest code sent to `recipient` on `channel`, if any.
    pub(crate) fn last_to(&self, channel: Channel, recipient: &str) -> Option<&SentCode> {
        self.sent
            .iter()
            .rev()
            .find(|sent| sent.channel == channel && sent.recipient == recipient)
    }

    /// Forgets every code.
    pub(crate) fn clear(&mut self) {
        self.sent.clear();
    }
}
