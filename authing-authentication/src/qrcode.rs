//! QR-code login, the parts a backend does: make a QR code for a scene
//! ([`AuthenticationClient::gene_qrcode`]), read its status
//! ([`check_qrcode_status`](AuthenticationClient::check_qrcode_status)) or wait for the
//! phone's answer ([`poll_qrcode`](AuthenticationClient::poll_qrcode): an async function
//! with an interval and a deadline), then exchange the ticket of a confirmed code for the
//! user and their token ([`exchange_qrcode_user_info`](AuthenticationClient::exchange_qrcode_user_info),
//! once per ticket).
//!
//! ```no_run
//! # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
//! use std::time::Duration;
//! use authing_authentication::qrcode::{QrOutcome, QrScene};
//!
//! let code = auth.gene_qrcode(QrScene::AppAuth).await?;
//! println!("show {} as a QR code", code.url);
//! match auth.poll_qrcode(&code.random, Duration::from_millis(800), Duration::from_secs(120)).await? {
//!     QrOutcome::Confirmed { ticket, .. } => {
//!         let user = auth.exchange_qrcode_user_info(ticket).await?;
//!         println!("{} logged in", user.id);
//!     }
//!     other => println!("no login: {other:?}"),
//! }
//! # Ok(()) }
//! ```

use std::fmt;
use std::time::Duration;

use authing_core::model::{Context, CustomData, User};
use authing_core::{Error, Secret, SessionEffect, Transport, Wire, operation};
use http::Method;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::client::AuthenticationClient;

impl<T: Transport + 'static> AuthenticationClient<T> {
    /// A new QR code for `scene` (`POST /api/v2/qrcode/gene`): its `random` (to poll) and
    /// the URL to render.
    pub fn gene_qrcode(&self, scene: QrScene) -> GeneQrCode<Self> {
        GeneQrCode::new(self.clone(), scene)
    }

    /// The status of the QR code `random` (`GET /api/v2/qrcode/check`); an unknown code is
    /// 2241.
    pub fn check_qrcode_status(&self, random: impl Into<String>) -> CheckQrCodeStatus<Self> {
        CheckQrCodeStatus::new(self.clone(), random)
    }

    /// The user of a confirmed QR code, with their token, for its `ticket`
    /// (`POST /api/v2/qrcode/userinfo`); the client then acts for them. A ticket works once.
    pub fn exchange_qrcode_user_info(
        &self,
        ticket: impl Into<Secret>,
    ) -> ExchangeQrCodeUserInfo<Self> {
        ExchangeQrCodeUserInfo::new(self.clone(), ticket)
    }

    /// Checks the QR code `random` every `interval` until the user confirms (2) or cancels
    /// (3) it, it expires (-1), or `timeout` has passed; an error of a check ends the wait
    /// with that error.
    ///
    /// Fails with [`Error::InvalidArgument`], without I/O, when `interval` is zero. Waits
    /// with Tokio's timer, so it runs on a Tokio runtime.
    pub async fn poll_qrcode(
        &self,
        random: &str,
        interval: Duration,
        timeout: Duration,
    ) -> Result<QrOutcome, Error> {
        if interval.is_zero() {
            return Err(self.api().report(Error::invalid_argument(
                "poll_qrcode: the interval must be longer than zero",
            )));
        }
        let deadline = tokio::time::Instant::now() + timeout;
        let mut scanned = false;
        loop {
            let status = self.check_qrcode_status(random).await?;
            match status.status {
                QrStatus::Confirmed => {
                    let ticket = status.ticket.ok_or_else(|| {
                        Error::invalid_argument("Authing confirmed the QR code without a ticket")
                    })?;
                    return Ok(QrOutcome::Confirmed {
                        ticket,
                        user_info: status.user_info,
                    });
                }
                QrStatus::Cancelled => return Ok(QrOutcome::Cancelled),
                QrStatus::Expired => return Ok(QrOutcome::Expired),
                QrStatus::Scanned => scanned = true,
                _ => {}
            }
            let now = tokio::time::Instant::now();
            if now >= deadline {
                return Ok(QrOutcome::TimedOut { scanned });
            }
            tokio::time::sleep(interval.min(deadline - now)).await;
        }
    }
}

/// Who scans a QR code.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QrScene {
    /// Your own app, logged in, scans it (`APP_AUTH`).
    #[serde(rename = "APP_AUTH")]
    AppAuth,
    /// A WeChat mini-program scans it (`WXAPP_AUTH`).
    #[serde(rename = "WXAPP_AUTH")]
    WxappAuth,
    /// A WeChat official account scans it (`WECHATMP_AUTH`).
    #[serde(rename = "WECHATMP_AUTH")]
    WechatmpAuth,
}

/// A new QR code, from [`AuthenticationClient::gene_qrcode`].
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QrCode {
    /// The code's id, to poll with.
    pub random: String,
    /// The URL (an image, or the content) to show as the QR code.
    pub url: String,
    /// The logo to put in its middle, when the pool has one.
    #[serde(default)]
    pub custom_logo: Option<String>,
}

/// Where a QR code is, as Authing numbers it.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrStatus {
    /// 0: not scanned yet.
    Unused,
    /// 1: scanned, not confirmed yet.
    Scanned,
    /// 2: confirmed on the phone: the ticket can be exchanged.
    Confirmed,
    /// 3: cancelled on the phone.
    Cancelled,
    /// -1: expired.
    Expired,
    /// A status this SDK does not know.
    Unknown(i64),
}

impl<'de> Deserialize<'de> for QrStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match i64::deserialize(deserializer)? {
            0 => Self::Unused,
            1 => Self::Scanned,
            2 => Self::Confirmed,
            3 => Self::Cancelled,
            -1 => Self::Expired,
            other => Self::Unknown(other),
        })
    }
}

/// A QR code's status, from [`AuthenticationClient::check_qrcode_status`]. `Debug` hides
/// the ticket.
#[non_exhaustive]
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QrCodeStatus {
    /// The code's id.
    pub random: String,
    /// Where it is.
    pub status: QrStatus,
    /// Once confirmed: the single-use ticket to exchange for the user.
    #[serde(default)]
    pub ticket: Option<Secret>,
    /// Once scanned: what the phone shares before the exchange (`nickname`, `photo`).
    #[serde(default)]
    pub user_info: Option<Value>,
}

impl fmt::Debug for QrCodeStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QrCodeStatus")
            .field("random", &self.random)
            .field("status", &self.status)
            .field("user_info", &self.user_info)
            .finish_non_exhaustive()
    }
}

/// How a wait on a QR code ended, from [`AuthenticationClient::poll_qrcode`]. `Debug` hides
/// the ticket.
#[non_exhaustive]
#[derive(Clone)]
pub enum QrOutcome {
    /// Confirmed: exchange the ticket with
    /// [`exchange_qrcode_user_info`](AuthenticationClient::exchange_qrcode_user_info).
    Confirmed {
        /// The single-use ticket.
        ticket: Secret,
        /// What the phone shared (`nickname`, `photo`).
        user_info: Option<Value>,
    },
    /// Cancelled on the phone.
    Cancelled,
    /// The code expired.
    Expired,
    /// The deadline passed first.
    TimedOut {
        /// Whether the code had been scanned.
        scanned: bool,
    },
}

impl fmt::Debug for QrOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Confirmed { user_info, .. } => f
                .debug_struct("Confirmed")
                .field("user_info", user_info)
                .finish_non_exhaustive(),
            Self::Cancelled => f.write_str("Cancelled"),
            Self::Expired => f.write_str("Expired"),
            Self::TimedOut { scanned } => f
                .debug_struct("TimedOut")
                .field("scanned", scanned)
                .finish(),
        }
    }
}

operation! {
    /// A new QR code (`POST /api/v2/qrcode/gene`); made by
    /// [`AuthenticationClient::gene_qrcode`].
    pub struct GeneQrCode -> QrCode {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/qrcode/gene" },
        auth: None,
        required {
            /// Who scans it.
            scene: QrScene,
        }
        optional {
            /// Context for the pool's pipeline.
            context: Context,
            /// Custom data to store on the user at login.
            #[serde(rename = "params")]
            custom_data: CustomData,
            /// The external identity provider connection (WeChat scenes).
            ext_idp_conn_id: String,
        }
        defaults {
            /// Whether Authing merges it with another QR code (never, from a backend).
            auto_merge_qr_code: bool = false,
        }
    }
}

operation! {
    /// A QR code's status (`GET /api/v2/qrcode/check`); made by
    /// [`AuthenticationClient::check_qrcode_status`].
    pub struct CheckQrCodeStatus -> QrCodeStatus {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/qrcode/check" },
        auth: None,
        required {
            /// The code's id.
            random: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.random.trim().is_empty() {
                    return Err(Error::invalid_argument("the QR code's random is empty"));
                }
                Ok(())
            }
        }
    }
}

operation! {
    /// The user of a confirmed QR code, for its ticket (`POST /api/v2/qrcode/userinfo`);
    /// made by [`AuthenticationClient::exchange_qrcode_user_info`]. The client then acts for
    /// the user.
    pub struct ExchangeQrCodeUserInfo -> User {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/qrcode/userinfo" },
        auth: None,
        required {
            /// The ticket of the confirmed code.
            #[serde(serialize_with = "operation::expose_secret")]
            ticket: Secret,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.ticket.expose().trim().is_empty() {
                    return Err(Error::invalid_argument("the QR code's ticket is empty"));
                }
                Ok(())
            }

            fn session(user: &User) -> SessionEffect<'_> {
                SessionEffect::Remember(user)
            }
        }
    }
}
