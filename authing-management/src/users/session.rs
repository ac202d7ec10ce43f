//! A user's sessions, as an administrator sees and ends them: a fresh token for a user,
//! kicking users out, logging a user out of an application, and whether a user is logged
//! in.

use authing_core::model::{RefreshedToken, User};
use authing_core::{Error, Lang, Wire, operation};
use http::Method;
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::checks::require;

/// The most users one [`KickUsers`] takes.
pub const MAX_KICK_USERS: usize = 100;

operation! {
    /// A fresh login token for a user (`refreshToken(id)`), as if they had logged in
    /// (without counting a login). Their earlier tokens stay valid. Codes: 2004 (no such
    /// user), 2005 (the user is suspended).
    pub struct RefreshUserToken -> RefreshedToken {
        wire: Wire::Graphql(&authing_core::graphql::documents::REFRESH_TOKEN),
        auth: Management,
        required {
            /// The user's id.
            id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.id)
            }
        }
    }
}

operation! {
    /// Ends every session of the users (`POST /api/v2/users/kick`): their tokens stop
    /// working (2207 on their next call); a new login works. All or none: one unknown user
    /// is code 2004 (`data.ids` lists them) and nobody is kicked. From 1 to
    /// [`MAX_KICK_USERS`] users; otherwise [`Error::InvalidArgument`] and nothing is sent.
    pub struct KickUsers -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/users/kick" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The users' ids.
            user_ids: Vec<String>,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.user_ids.is_empty() || self.user_ids.len() > MAX_KICK_USERS {
                    return Err(Error::invalid_argument(format!(
                        "kick takes 1 to {MAX_KICK_USERS} user ids, not {}",
                        self.user_ids.len()
                    )));
                }
                self.user_ids.iter().try_for_each(|id| require("user id", id))
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// Logs a user out (`GET {host}/logout?userId=&appId=`, outside `/api/v2`): of one
    /// application when [`app_id`](Self::app_id) is set, else of all; the tokens it ends
    /// stop working. Codes: 2004 (no such user), 2011 (no such application).
    pub struct LogoutUser -> () {
        wire: Wire::Rest { method: Method::GET, path: "/logout" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The user's id.
            user_id: String,
        }
        optional {
            /// Only the sessions of this application.
            app_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)?;
                self.app_id.as_deref().map_or(Ok(()), |app| require("application id", app))
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

/// An application a user is logged in to (in [`UserLoginState`]).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedInApplication {
    /// The application's id.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its identifier (second-level domain).
    #[serde(default)]
    pub identifier: Option<String>,
    /// Its logo URL.
    #[serde(default)]
    pub logo: Option<String>,
}

/// Whether a user is logged in, and where (`GET /api/v2/users/login-status`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserLoginState {
    /// Whether the user holds a live login (of the application asked about, if any).
    pub is_login: bool,
    /// The user.
    #[serde(default)]
    pub user: Option<User>,
    /// The applications the user is logged in to.
    #[serde(default)]
    pub application: Vec<LoggedInApplication>,
}

operation! {
    /// Whether a user is logged in (`GET /api/v2/users/login-status`): to one application
    /// when [`app_id`](Self::app_id) is set, else to any. Code 2004: no such user.
    pub struct UserLoginStatus -> UserLoginState {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/users/login-status" },
        auth: Management,
        required {
            /// The user's id.
            user_id: String,
        }
        optional {
            /// Only this application.
            app_id: String,
            /// Only this device.
            device_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)
            }
        }
    }
}
