//! Login with a password: [`AuthenticationClient::login_by_email`] and
//! [`AuthenticationClient::login_by_username`].

use authing_core::model::{Context, CustomData, User};
use authing_core::{Secret, SessionEffect, Transport, Wire, operation};

use crate::client::AuthenticationClient;
use crate::graphql::{
    LOGIN_BY_EMAIL, LOGIN_BY_PHONE_CODE, LOGIN_BY_PHONE_PASSWORD, LOGIN_BY_USERNAME,
};

impl<T: Transport> AuthenticationClient<T> {
    /// Logs a user in with an email address and a password.
    ///
    /// The password is encrypted with the client's key before it leaves. On success the
    /// client acts for the user: it holds the user and their token.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// use authing_core::model::UpdateUserInput;
    ///
    /// let user = auth.login_by_email("ada@example.com", "correct horse").await?;
    /// let user = auth
    ///     .update_profile(UpdateUserInput { nickname: Some("Ada".into()), ..Default::default() })
    ///     .await?;
    /// # let _ = user; Ok(()) }
    /// ```
    ///
    /// Authing answers a wrong password with [`Error::Api`](authing_core::Error::Api) code
    /// `2333`, an account that needs MFA with `1635`/`1636` (its `data` holds the
    /// `mfaToken`), and asks for a captcha with `2000` after repeated failures.
    pub fn login_by_email(
        &self,
        email: impl Into<String>,
        password: impl Into<Secret>,
    ) -> LoginByEmail<Self> {
        LoginByEmail::new(self.clone(), email, password)
    }

    /// Logs a user in with a username and a password. Otherwise as
    /// [`login_by_email`](Self::login_by_email).
    pub fn login_by_username(
        &self,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> LoginByUsername<Self> {
        LoginByUsername::new(self.clone(), username, password)
    }

    /// Logs a user in with a phone number and a password. Otherwise as
    /// [`login_by_email`](Self::login_by_email).
    pub fn login_by_phone_password(
        &self,
        phone: impl Into<String>,
        password: impl Into<Secret>,
    ) -> LoginByPhonePassword<Self> {
        LoginByPhonePassword::new(self.clone(), phone, password)
    }

    /// Logs a user in with a phone number and the code
    /// [`send_sms_code`](Self::send_sms_code) sent to it. On success the client acts for
    /// the user.
    pub fn login_by_phone_code(
        &self,
        phone: impl Into<String>,
        code: impl Into<Secret>,
    ) -> LoginByPhoneCode<Self> {
        LoginByPhoneCode::new(self.clone(), phone, code)
    }
}

/// Declares a password login whose identifier is `$identifier`.
macro_rules! password_login {
    ($(#[doc = $doc:expr])* $name:ident, $document:expr, $identifier:ident: $identifier_doc:literal) => {
        operation! {
            $(#[doc = $doc])*
            pub struct $name -> User {
                wire: Wire::Graphql(&$document),
                auth: None,
                required {
                    #[doc = $identifier_doc]
                    $identifier: String,
                    /// The password, encrypted before it leaves.
                    #[serde(skip_serializing)]
                    password: Secret,
                }
                optional {
                    /// Creates the account when it does not exist yet.
                    auto_register: bool,
                    /// The image captcha's answer, which Authing asks for (code `2000`)
                    /// after repeated failures.
                    #[serde(serialize_with = "operation::expose_optional_secret")]
                    captcha_code: Secret,
                    /// The end user's IP address, when the call is made on their behalf by a
                    /// server.
                    client_ip: String,
                    /// Values of the user pool's custom fields to set on the user.
                    #[serde(rename = "params")]
                    custom_data: CustomData,
                    /// Context passed to the pool's pipeline functions.
                    context: Context,
                }
                impl {
                    fn wrap(&self) -> Option<&'static str> {
                        Some("input")
                    }

                    fn passwords(&self) -> Vec<(&'static str, &Secret)> {
                        vec![("/input/password", &self.password)]
                    }

                    fn session(user: &User) -> SessionEffect<'_> {
                        SessionEffect::Remember(user)
                    }
                }
            }
        }
    };
}

password_login! {
    /// A login with an email address and a password (`loginByEmail`); made by
    /// [`AuthenticationClient::login_by_email`]. It returns the user, with their `token`;
    /// the client then acts for that user.
    LoginByEmail, LOGIN_BY_EMAIL, email: "The email address."
}

password_login! {
    /// A login with a username and a password (`loginByUsername`); made by
    /// [`AuthenticationClient::login_by_username`]. It returns the user, with their `token`;
    /// the client then acts for that user.
    LoginByUsername, LOGIN_BY_USERNAME, username: "The username."
}

password_login! {
    /// A login with a phone number and a password (`loginByPhonePassword`); made by
    /// [`AuthenticationClient::login_by_phone_password`]. It returns the user, with their
    /// `token`; the client then acts for that user.
    LoginByPhonePassword, LOGIN_BY_PHONE_PASSWORD, phone: "The phone number."
}

operation! {
    /// A login with a phone number and an SMS code (`loginByPhoneCode`); made by
    /// [`AuthenticationClient::login_by_phone_code`]. It returns the user, with their
    /// `token`; the client then acts for that user.
    pub struct LoginByPhoneCode -> User {
        wire: Wire::Graphql(&LOGIN_BY_PHONE_CODE),
        auth: None,
        required {
            /// The phone number.
            phone: String,
            /// The SMS code sent to it.
            #[serde(serialize_with = "operation::expose_secret")]
            code: Secret,
        }
        optional {
            /// Creates the user (phone verified, no password) when no user has this phone
            /// yet; the code is checked first.
            auto_register: bool,
            /// The end user's IP address, when the call is made on their behalf by a server.
            client_ip: String,
            /// Values of the user pool's custom fields to set on the user.
            #[serde(rename = "params")]
            custom_data: CustomData,
            /// Context passed to the pool's pipeline functions.
            context: Context,
        }
        impl {
            fn wrap(&self) -> Option<&'static str> {
                Some("input")
            }

            fn session(user: &User) -> SessionEffect<'_> {
                SessionEffect::Remember(user)
            }
        }
    }
}
