//! Registration: [`AuthenticationClient::register_by_email`] and
//! [`AuthenticationClient::register_by_username`].

use authing_core::model::{Context, CustomData, RegisterProfile, User};
use authing_core::{Secret, SessionEffect, Transport, Wire, operation};

use crate::client::AuthenticationClient;
use crate::graphql::{REGISTER_BY_EMAIL, REGISTER_BY_PHONE_CODE, REGISTER_BY_USERNAME};

impl<T: Transport> AuthenticationClient<T> {
    /// Registers a user with an email address and a password.
    ///
    /// The password is encrypted with the client's key before it leaves. When Authing
    /// answers with a token ([`force_login`](RegisterByEmail::force_login) or
    /// [`generate_token`](RegisterByEmail::generate_token)), the client then acts for the
    /// new user.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// use authing_core::model::RegisterProfile;
    ///
    /// let user = auth
    ///     .register_by_email("ada@example.com", "correct horse")
    ///     .profile(RegisterProfile { nickname: Some("Ada".into()), ..Default::default() })
    ///     .force_login(true)
    ///     .await?;
    /// assert!(auth.token().is_some());
    /// # let _ = user; Ok(()) }
    /// ```
    pub fn register_by_email(
        &self,
        email: impl Into<String>,
        password: impl Into<Secret>,
    ) -> RegisterByEmail<Self> {
        RegisterByEmail::new(self.clone(), email, password)
    }

    /// Registers a user with a username and a password. Otherwise as
    /// [`register_by_email`](Self::register_by_email).
    pub fn register_by_username(
        &self,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> RegisterByUsername<Self> {
        RegisterByUsername::new(self.clone(), username, password)
    }

    /// Registers a user with a phone number and the code
    /// [`send_sms_code`](Self::send_sms_code) sent to it; a password is optional
    /// ([`password`](RegisterByPhoneCode::password)). Otherwise as
    /// [`register_by_email`](Self::register_by_email).
    pub fn register_by_phone_code(
        &self,
        phone: impl Into<String>,
        code: impl Into<Secret>,
    ) -> RegisterByPhoneCode<Self> {
        RegisterByPhoneCode::new(self.clone(), phone, code)
    }
}

/// Declares a password registration whose identifier is `$identifier`.
macro_rules! password_register {
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
                    /// Profile fields of the new user.
                    profile: RegisterProfile,
                    /// Runs the full login pipeline after registering (counts a login, fires
                    /// the login hooks) and returns a token.
                    force_login: bool,
                    /// Issues a token for the new user without running the login pipeline.
                    generate_token: bool,
                    /// The end user's IP address, when the call is made on their behalf by a
                    /// server.
                    client_ip: String,
                    /// Values of the user pool's custom fields for the new user.
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
                        if user.token.as_ref().is_some_and(|t| !t.is_empty()) {
                            SessionEffect::Remember(user)
                        } else {
                            SessionEffect::None
                        }
                    }
                }
            }
        }
    };
}

password_register! {
    /// A registration with an email address and a password (`registerByEmail`); made by
    /// [`AuthenticationClient::register_by_email`]. It returns the new user.
    RegisterByEmail, REGISTER_BY_EMAIL, email: "The email address."
}

password_register! {
    /// A registration with a username and a password (`registerByUsername`); made by
    /// [`AuthenticationClient::register_by_username`]. It returns the new user.
    RegisterByUsername, REGISTER_BY_USERNAME, username: "The username."
}

operation! {
    /// A registration with a phone number and an SMS code (`registerByPhoneCode`); made by
    /// [`AuthenticationClient::register_by_phone_code`]. It returns the new user.
    pub struct RegisterByPhoneCode -> User {
        wire: Wire::Graphql(&REGISTER_BY_PHONE_CODE),
        auth: None,
        required {
            /// The phone number.
            phone: String,
            /// The SMS code sent to it.
            #[serde(serialize_with = "operation::expose_secret")]
            code: Secret,
        }
        optional {
            /// A password, encrypted before it leaves.
            #[serde(skip_serializing)]
            password: Secret,
            /// Profile fields of the new user.
            profile: RegisterProfile,
            /// Runs the full login pipeline after registering and returns a token.
            force_login: bool,
            /// Issues a token for the new user without running the login pipeline.
            generate_token: bool,
            /// The end user's IP address, when the call is made on their behalf by a server.
            client_ip: String,
            /// Values of the user pool's custom fields for the new user.
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
                self.password.iter().map(|p| ("/input/password", p)).collect()
            }

            fn session(user: &User) -> SessionEffect<'_> {
                if user.token.as_ref().is_some_and(|t| !t.is_empty()) {
                    SessionEffect::Remember(user)
                } else {
                    SessionEffect::None
                }
            }
        }
    }
}
