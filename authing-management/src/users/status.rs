//! A user's status, as an administrator sets it: suspend, activate, resign (archive), and
//! the archived users.

use authing_core::model::{CommonMessage, PaginatedUsers};
use authing_core::{Error, Lang, Wire, operation};
use http::Method;
use serde::de::IgnoredAny;

use crate::checks::{check_page, require};
use crate::graphql;

operation! {
    /// Suspends a user (`POST /api/v2/users/{userId}/suspend`): status `Suspended`; they
    /// cannot log in (code 2005, [`codes::USER_LOCKED`](authing_core::codes::USER_LOCKED))
    /// until [`ActivateUser`], and their live tokens stop working. Code 2004: no such user.
    pub struct SuspendUser -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/users/{userId}/suspend" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The user's id.
            user_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// Lifts a suspension (`POST /api/v2/users/{userId}/activate`): status `Activated`.
    /// Code 2004: no such user (an archived user is no longer one).
    pub struct ActivateUser -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/users/{userId}/activate" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The user's id.
            user_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// Marks a user as having left (`POST /api/v2/users/{userId}/resign`): status
    /// `Resigned`; the user moves from the pool's users to the archived users
    /// ([`ListArchivedUsers`]) and their tokens stop working. Code 2004: no such user.
    pub struct ResignUser -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/users/{userId}/resign" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The user's id.
            user_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// One page of the archived users (`archivedUsers`): those who resigned, kept apart
    /// from the pool's users. Page 1 of 10 unless set.
    pub struct ListArchivedUsers -> PaginatedUsers {
        wire: Wire::Graphql(&graphql::ARCHIVED_USERS),
        auth: Management,
        defaults {
            /// The page, 1-based (default 1).
            page: u32 = 1,
            /// Users per page (default 10).
            limit: u32 = 10,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_page(self.page, self.limit)
            }
        }
    }
}

operation! {
    /// Sends a user the email that verifies their address at their first login to an
    /// application (`sendFirstLoginVerifyEmail`). Codes: 2004 (no such user), 2011 (no such
    /// application), 2231 (the user has no email).
    pub struct SendFirstLoginVerifyEmail -> CommonMessage {
        wire: Wire::Graphql(&graphql::SEND_FIRST_LOGIN_VERIFY_EMAIL),
        auth: Management,
        required {
            /// The user's id.
            user_id: String,
            /// The application the user will log in to.
            app_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)?;
                require("application id", &self.app_id)
            }
        }
    }
}
