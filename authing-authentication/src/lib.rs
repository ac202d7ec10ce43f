//! The end-user API of Authing: [`AuthenticationClient`].
//!
//! An `AuthenticationClient` acts for one end user at a time: it registers and logs users
//! in, reads and changes their own profile and password, checks whether a token is a live
//! login, and logs out. It also reads what the user has ([`relations`]: roles, authorized
//! resources, organisations, departments, applications, security level) and their own
//! custom data, runs QR-code logins from a backend ([`qrcode`]), builds social and
//! enterprise login URLs ([`social`]), reads an application's public configuration
//! ([`app_config`]), and authenticates the user as a person or an enterprise
//! ([`principal`]). Passwords are encrypted with the client's [`Encryptor`]
//! before they leave the process; tokens and passwords never appear in `Debug` output.
//!
//! It works over any [`Transport`]: `authing-transport-reqwest`, `authing-transport-hyper`,
//! the fake Authing of `authing-mock`, or a closure, as in this example:
//!
//! ```
//! use authing_authentication::AuthenticationClient;
//! use authing_core::model::UpdateUserInput;
//! use authing_core::{Lang, transport_fn};
//! use bytes::Bytes;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), authing_core::Error> {
//! // Canned answers in place of Authing.
//! let transport = transport_fn(|request: http::Request<Bytes>| async move {
//!     let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap_or_default();
//!     let answer = match body["operationName"].as_str() {
//!         Some("loginByEmail") => {
//!             r#"{"data":{"loginByEmail":{"id":"u1","email":"ada@example.com","token":"eyJ..."}}}"#
//!         }
//!         Some("updateUser") => {
//!             r#"{"data":{"updateUser":{"id":"u1","email":"ada@example.com","nickname":"Ada"}}}"#
//!         }
//!         _ => r#"{"errors":[{"message":{"code":2020,"message":"not logged in"}}]}"#,
//!     };
//!     Ok(http::Response::new(Bytes::from_static(answer.as_bytes())))
//! });
//!
//! let auth = AuthenticationClient::builder()
//!     .app_id("YOUR_APP_ID")
//!     .app_host("https://my-app.authing.cn")
//!     .lang(Lang::EnUs)
//!     .transport(transport)
//!     .build()?;
//!
//! let user = auth.login_by_email("ada@example.com", "correct horse").await?;
//! assert_eq!(user.id, "u1");
//! assert!(auth.token().is_some(), "the client now acts for Ada");
//!
//! let user = auth
//!     .update_profile(UpdateUserInput { nickname: Some("Ada".into()), ..Default::default() })
//!     .await?;
//! assert_eq!(user.nickname.as_deref(), Some("Ada"));
//! # Ok(())
//! # }
//! ```
//!
//! # Sessions
//!
//! After a login, a register that returned a token, [`get_current_user`] or
//! [`update_profile`], the client holds that user and their token. A server handling many
//! users makes one client per request with [`with_token`] (an `Arc` clone: no I/O, no key
//! parsing); clones made with `Clone` share one session. Calls that act for a user fail with
//! [`Error::NotLoggedIn`] without I/O when the client holds no token.
//!
//! # Calls
//!
//! Every call is an operation ([`authing_core::Operation`]) sent by one path: set its
//! optional arguments, then `.await` it (or call `.send()`, the same).
//!
//! [`get_current_user`]: AuthenticationClient::get_current_user
//! [`update_profile`]: AuthenticationClient::update_profile
//! [`with_token`]: AuthenticationClient::with_token

mod binding;
mod client;
mod codes;
pub mod graphql;
mod login;
// Session / MFA area.
pub mod mfa;
mod profile;
pub mod protocols;
mod refresh;
mod register;
mod session;
mod status;
mod wire;
// Directory and sub-account logins, password resets and strength,
// linking, application MFA, whether a user exists.
mod app_mfa;
mod directory;
mod linking;
pub mod password;
mod user_exists;
mod websocket_host;
// The user's data and session.
mod custom_data;
pub mod principal;
pub mod qrcode;
pub mod relations;
pub mod social;
mod state;
// An application's public configuration.
pub mod app_config;

pub use authing_core::NoTransport;
pub use authing_core::model::{LoginStatus, RegisterProfile, UpdateUserInput, User};
/// TOTP codes (RFC 6238) for answering an MFA step in tests: [`totp::code`].
pub use authing_core::totp;
pub use authing_core::{Encryptor, Error, Lang, OnError, Secret, Transport};
pub use client::{AuthenticationClient, AuthenticationClientBuilder};
pub use graphql::graphql_documents;
pub use login::{LoginByEmail, LoginByPhoneCode, LoginByPhonePassword, LoginByUsername};
pub use profile::{GetCurrentUser, UpdatePassword, UpdateProfile};
pub use register::{RegisterByEmail, RegisterByPhoneCode, RegisterByUsername};
// auth-flows: codes, password reset, phone and email binding.
pub use app_mfa::{
    AssociateFaceByUrl, PhoneOrEmailBindable, VerifyAppEmailMfa, VerifyAppSmsMfa, VerifyFaceMfa,
};
pub use binding::{
    BindEmail, BindPhone, ResetPassword, UnbindEmail, UnbindPhone, UpdateEmail, UpdatePhone,
};
pub use codes::{EmailScene, SendEmail, SendSmsCode};
pub use directory::{LoginByAd, LoginByLdap, LoginBySubAccount};
pub use linking::{LinkAccount, UnlinkAccount};
pub use password::{
    CheckPasswordStrength, PasswordStrengthCheck, ResetPasswordByFirstLoginToken,
    ResetPasswordByForceResetToken,
};
pub use refresh::{RefreshToken, RefreshedToken};
pub use status::{AsToken, CheckLoginStatus, Logout};
pub use user_exists::IsUserExists;
// The user's data and session.
pub use authing_core::shared_operations::{
    ListCustomData, RemoveCustomData, SetCustomData, SetCustomDataBatch,
};
pub use status::{SsoSession, SsoSessionDetails, TrackSession};
