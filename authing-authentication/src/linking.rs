//! Account linking: [`AuthenticationClient::link_account`] merges a secondary account into a
//! primary one, [`AuthenticationClient::unlink_account`] removes a provider's identity from
//! an account. Both are proven by the accounts' own login tokens, sent in the body.

use authing_core::{Error, Lang, Secret, Transport, Wire, operation};
use http::Method;
use serde::de::IgnoredAny;

use crate::client::AuthenticationClient;
use crate::status::AsToken;

impl<T: Transport> AuthenticationClient<T> {
    /// Merges the account `secondary_user_token` logs in to into the one
    /// `primary_user_token` logs in to (`POST /api/v2/users/link`): the secondary's
    /// external identities (social, enterprise, LDAP, ...) move to the primary, and **the
    /// secondary account is deleted**.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>, github_login_token: String) -> Result<(), authing_core::Error> {
    /// let me = auth.login_by_email("ada@example.com", "correct horse").await?;
    /// let primary = auth.token().expect("logged in");
    /// auth.link_account(&primary, &github_login_token).await?;
    /// # let _ = me; Ok(()) }
    /// ```
    pub fn link_account(
        &self,
        primary_user_token: impl AsToken,
        secondary_user_token: impl AsToken,
    ) -> LinkAccount<Self> {
        LinkAccount::new(
            self.clone(),
            primary_user_token.as_token(),
            secondary_user_token.as_token(),
        )
    }

    /// Removes the identities of `provider` (a provider code such as `github` or
    /// `wechat:pc`) from the account `primary_user_token` logs in to
    /// (`POST /api/v2/users/unlink`). Code 2216 when it has none, 2217 when they are its
    /// last way to log in.
    pub fn unlink_account(
        &self,
        primary_user_token: impl AsToken,
        provider: impl Into<String>,
    ) -> UnlinkAccount<Self> {
        UnlinkAccount::new(self.clone(), primary_user_token.as_token(), provider)
    }
}

operation! {
    /// The merge of a secondary account into a primary one (`POST /api/v2/users/link`);
    /// made by [`AuthenticationClient::link_account`].
    pub struct LinkAccount -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/users/link" },
        auth: None,
        answer: IgnoredAny,
        required {
            /// A login token of the account that stays.
            #[serde(serialize_with = "operation::expose_secret")]
            primary_user_token: Secret,
            /// A login token of the account merged into it and deleted.
            #[serde(serialize_with = "operation::expose_secret")]
            secondary_user_token: Secret,
        }
        impl {
            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// The removal of a provider's identities from an account
    /// (`POST /api/v2/users/unlink`); made by [`AuthenticationClient::unlink_account`].
    pub struct UnlinkAccount -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/users/unlink" },
        auth: None,
        answer: IgnoredAny,
        required {
            /// A login token of the account.
            #[serde(serialize_with = "operation::expose_secret")]
            primary_user_token: Secret,
            /// The provider's code (`github`, `wechat:pc`, `ldap`, ...).
            provider: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.provider.trim().is_empty() {
                    return Err(Error::invalid_argument("unlink_account needs a provider code"));
                }
                Ok(())
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}
