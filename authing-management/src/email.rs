//! [`ManagementClient::send_email`]: an email with a code, sent by the administrator.

use authing_core::model::{CommonMessage, EmailScene};
use authing_core::{Error, Transport, Wire, operation};

use crate::checks::require;
use crate::client::ManagementClient;

operation! {
    /// Sends `email` a code for `scene` (`sendEmail`, js `sendEmail`), as the administrator.
    /// Authing refuses a second email to the same address within a minute (2100 in the
    /// fake) and a malformed address (2003).
    pub struct SendEmail -> CommonMessage {
        wire: Wire::Graphql(&authing_core::graphql::documents::SEND_EMAIL),
        auth: Management,
        required {
            /// The email address.
            email: String,
            /// What the email is for.
            scene: EmailScene,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("email", &self.email)
            }
        }
    }
}

impl<T: Transport> ManagementClient<T> {
    /// Sends `email` a code for `scene` (see [`SendEmail`]).
    pub fn send_email(&self, email: impl Into<String>, scene: EmailScene) -> SendEmail<Self> {
        SendEmail::new(self.clone(), email, scene)
    }
}
