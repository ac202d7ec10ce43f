//! External identities (social or enterprise logins) bound to a user, as an administrator
//! binds and unbinds them.

use authing_core::model::User;
use authing_core::{Error, Lang, Wire, operation};
use http::Method;
use serde::de::IgnoredAny;

use crate::checks::require;
use crate::graphql;

operation! {
    /// Binds an external identity to a user (`POST /api/v2/users/identity/link`): the
    /// user's id `user_id_in_idp` at the connection `identifier`. The user then shows it in
    /// `identities`. Codes: 2004 (no such user), 2215 (another user holds that identity).
    pub struct LinkIdentity -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/users/identity/link" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The Authing user's id.
            user_id: String,
            /// The user's id at the identity provider.
            user_id_in_idp: String,
            /// The connection's identifier (the social or enterprise identity source).
            identifier: String,
            /// Whether the connection is a social one.
            is_social: bool,
        }
        optional {
            /// The identity's type, e.g. `openid`.
            #[serde(rename = "type")]
            kind: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)?;
                require("user id at the identity provider", &self.user_id_in_idp)?;
                require("connection identifier", &self.identifier)
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// Unbinds the identities of connection `identifier` (of one
    /// [`kind`](Self::kind) when set) from a user (`POST /api/v2/users/identity/unlink`).
    /// Codes: 2004 (no such user), 2216 (the user holds no such identity).
    pub struct UnlinkIdentity -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/users/identity/unlink" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The Authing user's id.
            user_id: String,
            /// The connection's identifier.
            identifier: String,
            /// Whether the connection is a social one.
            is_social: bool,
        }
        optional {
            /// The identity's type, e.g. `openid`.
            #[serde(rename = "type")]
            kind: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)?;
                require("connection identifier", &self.identifier)
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// The user holding an identity at an external provider (`findUser(identity:)`), or
    /// `None`: the user's id `user_id_in_idp` at the provider `provider`. An SDK addition
    /// (the JavaScript and Go SDKs send it) that Authing's published schema lacks. An empty
    /// provider or id is [`Error::InvalidArgument`] and nothing is sent.
    pub struct FindUserByIdentity -> Option<User> {
        wire: Wire::Graphql(&graphql::FIND_USER_BY_IDENTITY),
        auth: Management,
        required {
            /// The identity provider's code.
            provider: String,
            /// The user's id at the identity provider.
            user_id_in_idp: String,
        }
        defaults {
            /// Whether to fetch the user's custom data too (default no).
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            with_custom_data: bool = false,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("provider", &self.provider)?;
                require("user id at the identity provider", &self.user_id_in_idp)
            }
        }
    }
}
