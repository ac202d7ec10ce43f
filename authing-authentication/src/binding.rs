//! Passwords reset by code, and the logged-in user's phone and email:
//! [`AuthenticationClient::reset_password_by_phone_code`],
//! [`AuthenticationClient::reset_password_by_email_code`], and binding, unbinding and
//! changing a phone or an email.

use authing_core::model::{CommonMessage, User};
use authing_core::{Secret, SessionEffect, Transport, Wire, operation};

use crate::client::AuthenticationClient;
use crate::graphql::{
    BIND_EMAIL, BIND_PHONE, RESET_PASSWORD, UNBIND_EMAIL, UNBIND_PHONE, UPDATE_EMAIL, UPDATE_PHONE,
};

impl<T: Transport> AuthenticationClient<T> {
    /// Sets a new password for the account of `phone`, proven by the code
    /// [`send_sms_code`](Self::send_sms_code) sent to it. No login needed.
    pub fn reset_password_by_phone_code(
        &self,
        phone: impl Into<String>,
        code: impl Into<Secret>,
        new_password: impl Into<Secret>,
    ) -> ResetPassword<Self> {
        ResetPassword::new(self.clone(), code, new_password).phone(phone)
    }

    /// Sets a new password for the account of `email`, proven by the code
    /// [`send_email`](Self::send_email) sent with
    /// [`EmailScene::ResetPassword`](crate::EmailScene::ResetPassword). No login needed.
    pub fn reset_password_by_email_code(
        &self,
        email: impl Into<String>,
        code: impl Into<Secret>,
        new_password: impl Into<Secret>,
    ) -> ResetPassword<Self> {
        ResetPassword::new(self.clone(), code, new_password).email(email)
    }

    /// Binds `phone` to the logged-in user (who has none yet), proven by an SMS code.
    pub fn bind_phone(
        &self,
        phone: impl Into<String>,
        phone_code: impl Into<Secret>,
    ) -> BindPhone<Self> {
        BindPhone::new(self.clone(), phone, phone_code)
    }

    /// Removes the logged-in user's phone number (refused when it is their only account).
    pub fn unbind_phone(&self) -> UnbindPhone<Self> {
        UnbindPhone::new(self.clone())
    }

    /// Changes the logged-in user's phone number to `phone`, proven by an SMS code; some
    /// pools also want the old phone and a code sent to it
    /// ([`old_phone`](UpdatePhone::old_phone), [`old_phone_code`](UpdatePhone::old_phone_code)).
    pub fn update_phone(
        &self,
        phone: impl Into<String>,
        phone_code: impl Into<Secret>,
    ) -> UpdatePhone<Self> {
        UpdatePhone::new(self.clone(), phone, phone_code)
    }

    /// Binds `email` to the logged-in user (who has none yet), proven by a code sent with
    /// [`EmailScene::VerifyEmail`](crate::EmailScene::VerifyEmail).
    pub fn bind_email(
        &self,
        email: impl Into<String>,
        email_code: impl Into<Secret>,
    ) -> BindEmail<Self> {
        BindEmail::new(self.clone(), email, email_code)
    }

    /// Removes the logged-in user's email (refused when it is their only account).
    pub fn unbind_email(&self) -> UnbindEmail<Self> {
        UnbindEmail::new(self.clone())
    }

    /// Changes the logged-in user's email to `email`, proven by a code sent with
    /// [`EmailScene::ChangeEmail`](crate::EmailScene::ChangeEmail).
    pub fn update_email(
        &self,
        email: impl Into<String>,
        email_code: impl Into<Secret>,
    ) -> UpdateEmail<Self> {
        UpdateEmail::new(self.clone(), email, email_code)
    }
}

operation! {
    /// A new password proven by a code sent to a phone or an email (`resetPassword`); made
    /// by [`AuthenticationClient::reset_password_by_phone_code`] and
    /// [`AuthenticationClient::reset_password_by_email_code`].
    pub struct ResetPassword -> CommonMessage {
        wire: Wire::Graphql(&RESET_PASSWORD),
        auth: None,
        required {
            /// The code that was sent.
            #[serde(serialize_with = "operation::expose_secret")]
            code: Secret,
            /// The new password, encrypted before it leaves.
            #[serde(skip_serializing)]
            new_password: Secret,
        }
        optional {
            /// The phone number the code was sent to.
            phone: String,
            /// The email address the code was sent to.
            email: String,
        }
        impl {
            fn passwords(&self) -> Vec<(&'static str, &Secret)> {
                vec![("/newPassword", &self.new_password)]
            }
        }
    }
}

/// Declares an operation of the logged-in user that returns them, changed.
macro_rules! own_user_change {
    ($(#[doc = $doc:expr])* $name:ident, $document:expr $(, { $($fields:tt)* })?) => {
        operation! {
            $(#[doc = $doc])*
            pub struct $name -> User {
                wire: Wire::Graphql(&$document),
                auth: User,
                $($($fields)*)?
                impl {
                    fn session(user: &User) -> SessionEffect<'_> {
                        SessionEffect::RememberForToken(user)
                    }
                }
            }
        }
    };
}

own_user_change! {
    /// A phone bound to the logged-in user (`bindPhone`); made by
    /// [`AuthenticationClient::bind_phone`].
    BindPhone, BIND_PHONE, {
        required {
            /// The phone number.
            phone: String,
            /// The SMS code sent to it.
            #[serde(serialize_with = "operation::expose_secret")]
            phone_code: Secret,
        }
    }
}

own_user_change! {
    /// The logged-in user's phone removed (`unbindPhone`); made by
    /// [`AuthenticationClient::unbind_phone`].
    UnbindPhone, UNBIND_PHONE
}

own_user_change! {
    /// The logged-in user's phone changed (`updatePhone`); made by
    /// [`AuthenticationClient::update_phone`].
    UpdatePhone, UPDATE_PHONE, {
        required {
            /// The new phone number.
            phone: String,
            /// The SMS code sent to it.
            #[serde(serialize_with = "operation::expose_secret")]
            phone_code: Secret,
        }
        optional {
            /// The current phone number, when the pool wants it proven.
            old_phone: String,
            /// The SMS code sent to the current phone number.
            #[serde(serialize_with = "operation::expose_optional_secret")]
            old_phone_code: Secret,
        }
    }
}

own_user_change! {
    /// An email bound to the logged-in user (`bindEmail`); made by
    /// [`AuthenticationClient::bind_email`].
    BindEmail, BIND_EMAIL, {
        required {
            /// The email address.
            email: String,
            /// The code emailed to it.
            #[serde(serialize_with = "operation::expose_secret")]
            email_code: Secret,
        }
    }
}

own_user_change! {
    /// The logged-in user's email removed (`unbindEmail`); made by
    /// [`AuthenticationClient::unbind_email`].
    UnbindEmail, UNBIND_EMAIL
}

own_user_change! {
    /// The logged-in user's email changed (`updateEmail`); made by
    /// [`AuthenticationClient::update_email`].
    UpdateEmail, UPDATE_EMAIL, {
        required {
            /// The new email address.
            email: String,
            /// The code emailed to it.
            #[serde(serialize_with = "operation::expose_secret")]
            email_code: Secret,
        }
        optional {
            /// The current email address, when the pool wants it proven.
            old_email: String,
            /// The code emailed to the current address.
            #[serde(serialize_with = "operation::expose_optional_secret")]
            old_email_code: Secret,
        }
    }
}
