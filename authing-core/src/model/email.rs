//! [`EmailScene`]: what an email Authing sends is for (`sendEmail`), shared by both clients.

use serde::{Deserialize, Serialize};

/// What an email sent with `sendEmail` is for (`EmailScene`): the code it carries is good
/// for that scene only.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EmailScene {
    /// A code to reset a password by email.
    ResetPassword,
    /// A code proving the address, to bind it to an account.
    VerifyEmail,
    /// A code to change an account's email.
    ChangeEmail,
    /// A code for an email MFA check.
    MfaVerify,
}
