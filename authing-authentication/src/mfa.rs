//! Multi-factor authentication with a TOTP authenticator app: enrolment for the logged-in
//! user ([`AuthenticationClient::associate_mfa_authenticator`],
//! [`confirm_associate_mfa_authenticator`](AuthenticationClient::confirm_associate_mfa_authenticator),
//! [`get_mfa_authenticators`](AuthenticationClient::get_mfa_authenticators),
//! [`delete_mfa_authenticator`](AuthenticationClient::delete_mfa_authenticator)), and
//! answering the MFA step of a login ([`verify_totp_mfa`](AuthenticationClient::verify_totp_mfa),
//! [`verify_totp_recovery_code`](AuthenticationClient::verify_totp_recovery_code)).
//!
//! A password login of a user with MFA on fails with code 1635
//! ([`codes::MFA_REQUIRED`]); [`mfa_token`] reads the
//! step's token from that error. The step's calls are authorised by that token, not by the
//! client's session; a successful answer completes the login, and the client then acts for
//! the user (as after any login).

use std::fmt;

use authing_core::model::User;
use authing_core::{Error, Lang, Secret, Transport, Wire, codes, operation};
use http::Method;
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::client::AuthenticationClient;
use crate::status::AsToken;

/// The `mfaToken` of a login that needs its MFA step (codes 1635 and 1636), if `error` is
/// such a login's.
///
/// ```
/// use authing_authentication::mfa::mfa_token;
///
/// let error = authing_core::Error::Api {
///     code: 1635,
///     message: "MFA required".into(),
///     data: Some(serde_json::json!({"mfaToken": "mfa-1"})),
///     status: http::StatusCode::OK,
/// };
/// assert_eq!(mfa_token(&error).map(|t| t.expose().to_owned()).as_deref(), Some("mfa-1"));
/// ```
pub fn mfa_token(error: &Error) -> Option<Secret> {
    match error {
        Error::Api {
            code: codes::MFA_REQUIRED | codes::APP_MFA_REQUIRED,
            data: Some(data),
            ..
        } => data
            .get("mfaToken")
            .and_then(serde_json::Value::as_str)
            .filter(|token| !token.is_empty())
            .map(Secret::from),
        _ => None,
    }
}

impl<T: Transport + 'static> AuthenticationClient<T> {
    /// The logged-in user's MFA authenticators (`GET /api/v2/mfa/authenticator`), TOTP
    /// unless [`authenticator_type`](GetMfaAuthenticators::authenticator_type) says
    /// otherwise.
    pub fn get_mfa_authenticators(&self) -> GetMfaAuthenticators<Self> {
        GetMfaAuthenticators::new(self.clone()).authenticator_type("totp")
    }

    /// Starts the logged-in user's TOTP enrolment (`POST /api/v2/mfa/totp/associate`): the
    /// secret to put in an authenticator app, and a recovery code. It takes effect once
    /// confirmed with [`confirm_associate_mfa_authenticator`](Self::confirm_associate_mfa_authenticator).
    pub fn associate_mfa_authenticator(&self) -> AssociateMfaAuthenticator<Self> {
        AssociateMfaAuthenticator::new(self.clone()).authenticator_type("totp")
    }

    /// Confirms the logged-in user's TOTP enrolment with a first code from the app
    /// (`POST /api/v2/mfa/totp/associate/confirm`); their password logins then need the MFA
    /// step. A wrong code is code 6001.
    pub fn confirm_associate_mfa_authenticator(
        &self,
        totp: impl Into<Secret>,
    ) -> ConfirmAssociateMfaAuthenticator<Self> {
        ConfirmAssociateMfaAuthenticator::new(self.clone(), totp).authenticator_type("totp")
    }

    /// Removes the logged-in user's TOTP authenticator (`DELETE /api/v2/mfa/totp/associate`).
    pub fn delete_mfa_authenticator(&self) -> DeleteMfaAuthenticator<Self> {
        DeleteMfaAuthenticator::new(self.clone())
    }

    /// Answers a login's MFA step with a code from the user's authenticator app
    /// (`POST /api/v2/mfa/totp/verify`, authorised by `mfa_token`, see [`mfa_token`]). On
    /// success the login is complete: the client acts for the user. A wrong code is 6001.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>, code_from_app: String) -> Result<(), authing_core::Error> {
    /// use authing_authentication::mfa::mfa_token;
    ///
    /// let user = match auth.login_by_email("ada@example.com", "correct horse").await {
    ///     Ok(user) => user,
    ///     Err(error) => match mfa_token(&error) {
    ///         Some(token) => auth.verify_totp_mfa(&token, code_from_app).await?,
    ///         None => return Err(error),
    ///     },
    /// };
    /// # let _ = user; Ok(()) }
    /// ```
    pub async fn verify_totp_mfa(
        &self,
        mfa_token: impl AsToken,
        totp: impl Into<Secret>,
    ) -> Result<User, Error> {
        let step = self.with_token(Secret::from(mfa_token.as_token()));
        let user = VerifyTotpMfa::new(step, totp).await?;
        self.session().remember(&user);
        Ok(user)
    }

    /// Answers a login's MFA step with the user's recovery code instead
    /// (`POST /api/v2/mfa/totp/recovery`); a recovery code works once. Otherwise as
    /// [`verify_totp_mfa`](Self::verify_totp_mfa); a wrong or used code is 6002.
    pub async fn verify_totp_recovery_code(
        &self,
        mfa_token: impl AsToken,
        recovery_code: impl Into<Secret>,
    ) -> Result<User, Error> {
        let step = self.with_token(Secret::from(mfa_token.as_token()));
        let user = VerifyTotpRecoveryCode::new(step, recovery_code).await?;
        self.session().remember(&user);
        Ok(user)
    }
}

/// One MFA authenticator of a user, as [`AuthenticationClient::get_mfa_authenticators`]
/// lists them. `Debug` hides the secret and the recovery code.
#[non_exhaustive]
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MfaAuthenticator {
    /// Its id.
    pub id: String,
    /// Whether it is on (confirmed).
    #[serde(default)]
    pub enable: bool,
    /// `totp`, ...
    #[serde(default)]
    pub authenticator_type: Option<String>,
    /// The user it belongs to.
    #[serde(default)]
    pub user_id: Option<String>,
    /// `SELF` or `APPLICATION`.
    #[serde(default)]
    pub source: Option<String>,
    /// The TOTP secret.
    #[serde(default)]
    pub secret: Option<Secret>,
    /// The recovery code, while unused.
    #[serde(default)]
    pub recovery_code: Option<Secret>,
    /// When it was created (ISO 8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// When it last changed (ISO 8601).
    #[serde(default)]
    pub updated_at: Option<String>,
}

impl fmt::Debug for MfaAuthenticator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MfaAuthenticator")
            .field("id", &self.id)
            .field("enable", &self.enable)
            .field("authenticator_type", &self.authenticator_type)
            .field("user_id", &self.user_id)
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

/// A TOTP enrolment in progress, from
/// [`AuthenticationClient::associate_mfa_authenticator`]. `Debug` hides the secrets.
#[non_exhaustive]
#[derive(Clone, Deserialize)]
pub struct TotpEnrolment {
    /// `totp`.
    #[serde(default)]
    pub authenticator_type: Option<String>,
    /// The base32 secret for the authenticator app (and for
    /// [`totp::code`](crate::totp::code) in tests).
    pub secret: Secret,
    /// The `otpauth://totp/...` URI to show as a QR code; it holds the secret.
    #[serde(default)]
    pub qrcode_uri: Option<Secret>,
    /// The same QR code as a `data:` URL, when Authing renders one.
    #[serde(default)]
    pub qrcode_data_url: Option<String>,
    /// The single-use recovery code, to keep somewhere safe.
    #[serde(default)]
    pub recovery_code: Option<Secret>,
}

impl fmt::Debug for TotpEnrolment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TotpEnrolment")
            .field("authenticator_type", &self.authenticator_type)
            .finish_non_exhaustive()
    }
}

operation! {
    /// The logged-in user's MFA authenticators (`GET /api/v2/mfa/authenticator`); made by
    /// [`AuthenticationClient::get_mfa_authenticators`].
    pub struct GetMfaAuthenticators -> Vec<MfaAuthenticator> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/mfa/authenticator" },
        auth: User,
        optional {
            /// The kind of authenticator (`totp`).
            #[serde(rename = "type")]
            authenticator_type: String,
            /// `SELF` (the user's own, Authing's default) or `APPLICATION`.
            source: String,
        }
    }
}

operation! {
    /// A TOTP enrolment (`POST /api/v2/mfa/totp/associate`); made by
    /// [`AuthenticationClient::associate_mfa_authenticator`].
    pub struct AssociateMfaAuthenticator -> TotpEnrolment {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/mfa/totp/associate" },
        auth: User,
        optional {
            /// The kind of authenticator (`totp`).
            authenticator_type: String,
            /// `SELF` (Authing's default) or `APPLICATION`.
            source: String,
        }
    }
}

operation! {
    /// The confirmation of a TOTP enrolment with a first code
    /// (`POST /api/v2/mfa/totp/associate/confirm`); made by
    /// [`AuthenticationClient::confirm_associate_mfa_authenticator`].
    pub struct ConfirmAssociateMfaAuthenticator -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/mfa/totp/associate/confirm" },
        auth: User,
        answer: IgnoredAny,
        required {
            /// The code the authenticator app shows.
            #[serde(serialize_with = "operation::expose_secret")]
            totp: Secret,
        }
        optional {
            /// The kind of authenticator (`totp`).
            authenticator_type: String,
            /// `SELF` (Authing's default) or `APPLICATION`.
            source: String,
        }
        impl {
            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// The removal of the logged-in user's TOTP authenticator
    /// (`DELETE /api/v2/mfa/totp/associate`); made by
    /// [`AuthenticationClient::delete_mfa_authenticator`].
    pub struct DeleteMfaAuthenticator -> () {
        wire: Wire::Rest { method: Method::DELETE, path: "/api/v2/mfa/totp/associate" },
        auth: User,
        answer: IgnoredAny,
        impl {
            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// The answer to a login's MFA step with a TOTP code (`POST /api/v2/mfa/totp/verify`),
    /// sent by a client holding the step's `mfaToken`; made by
    /// [`AuthenticationClient::verify_totp_mfa`]. Returns the user, with their token.
    pub struct VerifyTotpMfa -> User {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/mfa/totp/verify" },
        auth: User,
        required {
            /// The code the authenticator app shows.
            #[serde(serialize_with = "operation::expose_secret")]
            totp: Secret,
        }
    }
}

operation! {
    /// The answer to a login's MFA step with the recovery code
    /// (`POST /api/v2/mfa/totp/recovery`), sent by a client holding the step's `mfaToken`;
    /// made by [`AuthenticationClient::verify_totp_recovery_code`].
    pub struct VerifyTotpRecoveryCode -> User {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/mfa/totp/recovery" },
        auth: User,
        required {
            /// The recovery code given at enrolment.
            #[serde(serialize_with = "operation::expose_secret")]
            recovery_code: Secret,
        }
    }
}
