//! The application MFA step: an application that demands a second factor makes a password
//! login fail with code 1636 ([`codes::APP_MFA_REQUIRED`](authing_core::codes::APP_MFA_REQUIRED));
//! [`mfa_token`](crate::mfa::mfa_token) reads the step's token from that error. The step is
//! answered with a code sent by SMS ([`send_sms_code`](AuthenticationClient::send_sms_code))
//! or email ([`send_email`](AuthenticationClient::send_email) with
//! [`EmailScene::MfaVerify`](crate::EmailScene::MfaVerify)), or with a face photo. A
//! successful answer completes the login: the client then acts for the user.
//!
//! Authing's JavaScript SDK also enrols faces from a browser file picker or blobs
//! (`associateFaceByLocalFile`, `associateFaceByBlob`); a backend enrols photo URLs with
//! [`associate_face_by_url`](AuthenticationClient::associate_face_by_url).

use authing_core::model::User;
use authing_core::{Error, Secret, SessionEffect, Transport, Wire, operation};
use http::Method;

use crate::client::AuthenticationClient;
use crate::status::AsToken;

impl<T: Transport + 'static> AuthenticationClient<T> {
    /// Answers a login's application MFA step with the SMS code sent to `phone`
    /// (`POST /api/v2/applications/mfa/sms/verify`, authorised by `mfa_token`). A user
    /// without a phone gets this one bound (see
    /// [`phone_or_email_bindable`](Self::phone_or_email_bindable)). On success the login is
    /// complete: the client acts for the user.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>, code_from_phone: String) -> Result<(), authing_core::Error> {
    /// use authing_authentication::mfa::mfa_token;
    ///
    /// let error = auth.login_by_username("ada", "correct horse").await.unwrap_err();
    /// let step = mfa_token(&error).expect("the application's MFA step");
    /// auth.send_sms_code("13800000001").await?;
    /// let user = auth.verify_app_sms_mfa(&step, "13800000001", code_from_phone).await?;
    /// # let _ = user; Ok(()) }
    /// ```
    pub async fn verify_app_sms_mfa(
        &self,
        mfa_token: impl AsToken,
        phone: impl Into<String>,
        code: impl Into<Secret>,
    ) -> Result<User, Error> {
        let step = self.with_token(Secret::from(mfa_token.as_token()));
        self.completes(VerifyAppSmsMfa::new(step, phone, code).await)
    }

    /// Answers a login's application MFA step with the code emailed to `email` (scene
    /// `MFA_VERIFY`; `POST /api/v2/applications/mfa/email/verify`). Otherwise as
    /// [`verify_app_sms_mfa`](Self::verify_app_sms_mfa).
    pub async fn verify_app_email_mfa(
        &self,
        mfa_token: impl AsToken,
        email: impl Into<String>,
        code: impl Into<Secret>,
    ) -> Result<User, Error> {
        let step = self.with_token(Secret::from(mfa_token.as_token()));
        self.completes(VerifyAppEmailMfa::new(step, email, code).await)
    }

    /// Whether the user of the MFA step may use this phone and/or email for it (it is
    /// theirs, or no one's: `POST /api/v2/applications/mfa/check`). Set at least one.
    pub fn phone_or_email_bindable(&self, mfa_token: impl AsToken) -> PhoneOrEmailBindable<Self> {
        PhoneOrEmailBindable::new(self.with_token(Secret::from(mfa_token.as_token())))
    }

    /// Enrols the logged-in user's face from two photos of it at these URLs
    /// (`POST /api/v2/mfa/face/associate`). A face enrolled already is code 1706.
    pub fn associate_face_by_url(
        &self,
        base_face: impl Into<String>,
        compare_face: impl Into<String>,
    ) -> AssociateFaceByUrl<Self> {
        AssociateFaceByUrl::new(self.clone(), base_face, compare_face)
    }

    /// Enrols the face of the user of a login's application MFA step (face MFA demanded,
    /// none enrolled yet): the login then completes and the client acts for the user.
    pub async fn associate_face_in_mfa_step(
        &self,
        mfa_token: impl AsToken,
        base_face: impl Into<String>,
        compare_face: impl Into<String>,
    ) -> Result<User, Error> {
        let step = self.with_token(Secret::from(mfa_token.as_token()));
        self.completes(AssociateFaceByUrl::new(step, base_face, compare_face).await)
    }

    /// Answers a login's application MFA step with a photo of the user's face at `photo`
    /// (`POST /api/v2/mfa/face/verify`). A face that does not match is code 1702.
    /// Otherwise as [`verify_app_sms_mfa`](Self::verify_app_sms_mfa).
    pub async fn verify_face_mfa(
        &self,
        mfa_token: impl AsToken,
        photo: impl Into<String>,
    ) -> Result<User, Error> {
        let step = self.with_token(Secret::from(mfa_token.as_token()));
        self.completes(VerifyFaceMfa::new(step, photo).await)
    }

    /// A step's answer: the user the login completed for, whom this client then acts for.
    fn completes(&self, answer: Result<User, Error>) -> Result<User, Error> {
        let user = answer?;
        self.session().remember(&user);
        Ok(user)
    }
}

operation! {
    /// The answer to an application MFA step with an SMS code
    /// (`POST /api/v2/applications/mfa/sms/verify`), sent by a client holding the step's
    /// `mfaToken`; made by [`AuthenticationClient::verify_app_sms_mfa`]. Returns the user,
    /// with their token.
    pub struct VerifyAppSmsMfa -> User {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/applications/mfa/sms/verify" },
        auth: User,
        required {
            /// The phone number the code was sent to.
            phone: String,
            /// The code.
            #[serde(serialize_with = "operation::expose_secret")]
            code: Secret,
        }
    }
}

operation! {
    /// The answer to an application MFA step with an email code
    /// (`POST /api/v2/applications/mfa/email/verify`), sent by a client holding the step's
    /// `mfaToken`; made by [`AuthenticationClient::verify_app_email_mfa`]. Returns the user,
    /// with their token.
    pub struct VerifyAppEmailMfa -> User {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/applications/mfa/email/verify" },
        auth: User,
        required {
            /// The email address the code was sent to.
            email: String,
            /// The code.
            #[serde(serialize_with = "operation::expose_secret")]
            code: Secret,
        }
    }
}

operation! {
    /// Whether a phone and/or email may be used for an application MFA step
    /// (`POST /api/v2/applications/mfa/check`); made by
    /// [`AuthenticationClient::phone_or_email_bindable`].
    pub struct PhoneOrEmailBindable -> bool {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/applications/mfa/check" },
        auth: User,
        optional {
            /// The phone number.
            phone: String,
            /// The email address.
            email: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.phone.is_none() && self.email.is_none() {
                    return Err(Error::invalid_argument(
                        "phone_or_email_bindable needs a phone or an email",
                    ));
                }
                Ok(())
            }
        }
    }
}

operation! {
    /// A face enrolment from two photo URLs (`POST /api/v2/mfa/face/associate`); made by
    /// [`AuthenticationClient::associate_face_by_url`] (for the logged-in user) and
    /// [`AuthenticationClient::associate_face_in_mfa_step`].
    pub struct AssociateFaceByUrl -> User {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/mfa/face/associate" },
        auth: User,
        required {
            /// The URL of the base photo of the face.
            #[serde(rename = "photoA")]
            base_face: String,
            /// The URL of a second photo to compare it with.
            #[serde(rename = "photoB")]
            compare_face: String,
        }
        defaults {
            /// The photos are URLs outside Authing's storage (always true here).
            is_external: bool = true,
        }
        impl {
            fn session(user: &User) -> SessionEffect<'_> {
                SessionEffect::RememberForToken(user)
            }
        }
    }
}

operation! {
    /// The answer to an application MFA step with a face photo
    /// (`POST /api/v2/mfa/face/verify`), sent by a client holding the step's `mfaToken`;
    /// made by [`AuthenticationClient::verify_face_mfa`]. Returns the user, with their token.
    pub struct VerifyFaceMfa -> User {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/mfa/face/verify" },
        auth: User,
        required {
            /// The URL of the photo.
            photo: String,
        }
    }
}
