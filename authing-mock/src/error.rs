//! [`MockError`]: what can go wrong setting up the fake.

/// An error building or serving the fake Authing.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum MockError {
    /// The RSA private key given to the builder is not a usable PEM key (or, very unlikely,
    /// generating the default key failed).
    #[error("invalid RSA private key: {0}")]
    Key(String),
    /// [`MockAuthing::restore`](crate::MockAuthing::restore) was given a snapshot of
    /// another fake.
    #[error("the snapshot was taken from another fake Authing")]
    ForeignSnapshot,
    /// Binding or serving the socket failed.
    #[error("cannot serve the fake Authing: {0}")]
    Io(#[from] std::io::Error),
    /// The fake refused a test hook (such as [`MockAuthing::scan_qrcode`](crate::MockAuthing::scan_qrcode)
    /// on an unknown or expired QR code, or
    /// [`MockAuthing::add_sub_account`](crate::MockAuthing::add_sub_account) for an unknown
    /// user), with Authing's code and the English message.
    #[error("the fake refused: {code} {message}")]
    Refused {
        /// Authing's code.
        code: i64,
        /// The message, in English.
        message: String,
    },
}
