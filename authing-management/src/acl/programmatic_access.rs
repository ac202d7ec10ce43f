//! Programmatic access accounts of an application: [`ListProgrammaticAccessAccounts`],
//! [`CreateProgrammaticAccessAccount`], [`DeleteProgrammaticAccessAccount`] and
//! [`UpdateProgrammaticAccessAccount`] (a new secret, enabled or disabled). An account's
//! id and secret get access tokens from the application's token endpoint by the
//! client-credentials grant while it is enabled. Codes: 2011 (no such application), 2450
//! (no such account).

use authing_core::model::Paginated;
use authing_core::{Error, Lang, Secret, Wire, operation};
use http::Method;
use rand::Rng;
use serde::de::IgnoredAny;

use super::model::ProgrammaticAccessAccount;
use crate::checks::{check_page, require};

/// The characters of a generated secret (as the official SDKs pick them).
const SECRET_ALPHABET: &[u8] = b"abcdefhijkmnprstwxyz2345678";
/// The length of a generated secret.
const SECRET_LEN: usize = 32;

/// A fresh random secret for an account: 32 characters of [`SECRET_ALPHABET`].
pub(crate) fn random_secret() -> Secret {
    let mut rng = rand::thread_rng();
    let text: String = (0..SECRET_LEN)
        .map(|_| char::from(SECRET_ALPHABET[rng.gen_range(0..SECRET_ALPHABET.len())]))
        .collect();
    Secret::new(text)
}

operation! {
    /// One page of an application's accounts, oldest first
    /// (`GET /api/v2/applications/{appId}/programmatic-access-accounts`); page 1 of 10
    /// unless set.
    pub struct ListProgrammaticAccessAccounts -> Paginated<ProgrammaticAccessAccount> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/applications/{appId}/programmatic-access-accounts" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
        }
        defaults {
            /// The page, from 1.
            page: u32 = 1,
            /// Accounts per page.
            limit: u32 = 10,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("application id", &self.app_id)?;
                check_page(self.page, self.limit)
            }
        }
    }
}

operation! {
    /// Creates an enabled account of an application
    /// (`POST /api/v2/applications/{appId}/programmatic-access-accounts`); its tokens live
    /// 600 seconds unless set. The answer carries its secret.
    pub struct CreateProgrammaticAccessAccount -> ProgrammaticAccessAccount {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/applications/{appId}/programmatic-access-accounts" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
        }
        optional {
            /// A note.
            remarks: String,
        }
        defaults {
            /// How long its access tokens live, in seconds.
            token_lifetime: u32 = 600,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("application id", &self.app_id)?;
                if self.token_lifetime == 0 {
                    return Err(Error::invalid_argument("tokenLifetime must be at least 1 second"));
                }
                Ok(())
            }
        }
    }
}

operation! {
    /// Deletes an account
    /// (`DELETE /api/v2/applications/programmatic-access-accounts?id=`).
    pub struct DeleteProgrammaticAccessAccount -> () {
        wire: Wire::Rest { method: Method::DELETE, path: "/api/v2/applications/programmatic-access-accounts" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The account's id.
            id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("account id", &self.id)
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// Changes an account (`PATCH /api/v2/applications/programmatic-access-accounts`): a new
    /// secret, and/or enabled or disabled. The handler's `refresh_secret`, `enable` and
    /// `disable` make it.
    pub struct UpdateProgrammaticAccessAccount -> ProgrammaticAccessAccount {
        wire: Wire::Rest { method: Method::PATCH, path: "/api/v2/applications/programmatic-access-accounts" },
        auth: Management,
        required {
            /// The account's id.
            id: String,
        }
        optional {
            /// Its new secret.
            #[serde(serialize_with = "authing_core::operation::expose_optional_secret")]
            secret: Secret,
            /// Whether it may get tokens.
            enabled: bool,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("account id", &self.id)?;
                if self.secret.as_ref().is_some_and(|s| s.expose().trim().is_empty()) {
                    return Err(Error::invalid_argument("the new secret is empty"));
                }
                Ok(())
            }
        }
    }
}
