//! The phone's side of a QR-code login, which has no public API in
//! Authing: [`QrAction`]s played by tests through `MockAuthing::scan_qrcode`,
//! `confirm_qrcode`, `cancel_qrcode` and `POST /__authing_mock/qrcode/{action}`.

use crate::domain::qrcode;
use crate::failure::{Code, Failure};
use crate::fake::Fake;

/// What the phone does to a QR code.
#[derive(Debug, Clone, Copy)]
pub(crate) enum QrAction<'a> {
    /// User `user_id` scans it.
    Scan { user_id: &'a str },
    /// The scanner confirms the login.
    Confirm,
    /// The scanner cancels it.
    Cancel,
}

impl Fake {
    /// Plays `action` on QR code `random`, in whichever pool made it (2241 when none did).
    pub(crate) fn play_qrcode(&self, random: &str, action: QrAction<'_>) -> Result<(), Failure> {
        let now = self.now();
        let mut store = self.store();
        let pool = store
            .pools
            .values_mut()
            .find(|pool| pool.qrcodes.codes.contains_key(random))
            .ok_or(Code::QrCodeNotFound)?;
        match action {
            QrAction::Scan { user_id } => qrcode::scan(pool, random, user_id, now),
            QrAction::Confirm => qrcode::confirm(pool, random, now),
            QrAction::Cancel => qrcode::cancel(pool, random, now),
        }
    }
}
