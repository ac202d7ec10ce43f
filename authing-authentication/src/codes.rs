//! One-time codes: [`AuthenticationClient::send_sms_code`] and
//! [`AuthenticationClient::send_email`].

use authing_core::model::CommonMessage;
use authing_core::{Error, Lang, Transport, Wire, operation};
use http::Method;
use serde::de::IgnoredAny;

use crate::client::AuthenticationClient;
use crate::graphql::SEND_EMAIL;

impl<T: Transport> AuthenticationClient<T> {
    /// Sends a verification code by SMS to `phone` (`POST /api/v2/sms/send`), for
    /// [`login_by_phone_code`](Self::login_by_phone_code),
    /// [`register_by_phone_code`](Self::register_by_phone_code), password reset and phone
    /// binding. Authing refuses a second code to the same phone within a minute.
    pub fn send_sms_code(&self, phone: impl Into<String>) -> SendSmsCode<Self> {
        SendSmsCode::new(self.clone(), phone)
    }

    /// Sends an email to `email` for `scene`: a code to reset a password, verify or change an
    /// email, or pass MFA.
    pub fn send_email(&self, email: impl Into<String>, scene: EmailScene) -> SendEmail<Self> {
        SendEmail::new(self.clone(), email, scene)
    }
}

/// What an email is for; kept in `authing-core` since `ManagementClient` sends emails too.
pub use authing_core::model::EmailScene;

operation! {
    /// An SMS verification code sent to a phone (`POST /api/v2/sms/send`); made by
    /// [`AuthenticationClient::send_sms_code`].
    pub struct SendSmsCode -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/sms/send" },
        auth: None,
        answer: IgnoredAny,
        required {
            /// The phone number.
            phone: String,
        }
        impl {
            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// An email for a scene (`sendEmail`); made by [`AuthenticationClient::send_email`].
    pub struct SendEmail -> CommonMessage {
        wire: Wire::Graphql(&SEND_EMAIL),
        auth: None,
        required {
            /// The email address.
            email: String,
            /// What the email is for.
            scene: EmailScene,
        }
    }
}
