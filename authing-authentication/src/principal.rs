//! Principal (real-name) authentication of the logged-in user, as a person or as an
//! enterprise: [`AuthenticationClient::principal_authentication_detail`] and
//! [`AuthenticationClient::principal_authenticate`]. A user is authenticated once.

use std::fmt;

use authing_core::{Error, Lang, Secret, Transport, Wire, operation};
use http::Method;
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::client::AuthenticationClient;

impl<T: Transport + 'static> AuthenticationClient<T> {
    /// The logged-in user's principal authentication, or `None` when they have none
    /// (`GET /api/v2/users/principal_authentication`).
    pub fn principal_authentication_detail(&self) -> PrincipalAuthenticationDetail<Self> {
        PrincipalAuthenticationDetail::new(self.clone())
    }

    /// Authenticates the logged-in user as a person or an enterprise
    /// (`POST /api/v2/users/principal_authentication`). Every field must be filled; Authing
    /// refuses a second authentication of the same user.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// use authing_authentication::principal::Principal;
    ///
    /// auth.principal_authenticate(Principal::Person {
    ///     name: "Zhang San".into(),
    ///     id_card: "11010519491231002X".into(),
    ///     bank_card: "6222020200000000000".into(),
    /// })
    /// .await?;
    /// # Ok(()) }
    /// ```
    pub fn principal_authenticate(&self, principal: Principal) -> PrincipalAuthenticate<Self> {
        let (kind, name, id_card, ext) = match principal {
            Principal::Person {
                name,
                id_card,
                bank_card,
            } => ("P", name, id_card, bank_card),
            Principal::Enterprise {
                enterprise_name,
                enterprise_code,
                legal_person_name,
            } => ("E", enterprise_name, enterprise_code, legal_person_name),
        };
        PrincipalAuthenticate::new(self.clone(), kind, name, id_card, ext)
    }
}

/// Who a user proves to be. `Debug` hides the card numbers.
#[non_exhaustive]
#[derive(Clone)]
pub enum Principal {
    /// A person (`P`).
    Person {
        /// Their legal name.
        name: String,
        /// Their resident ID card number.
        id_card: Secret,
        /// Their bank card number.
        bank_card: Secret,
    },
    /// An enterprise (`E`).
    Enterprise {
        /// Its registered name.
        enterprise_name: String,
        /// Its unified social credit code.
        enterprise_code: Secret,
        /// Its legal representative.
        legal_person_name: Secret,
    },
}

impl fmt::Debug for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Person { name, .. } => f
                .debug_struct("Person")
                .field("name", name)
                .finish_non_exhaustive(),
            Self::Enterprise {
                enterprise_name, ..
            } => f
                .debug_struct("Enterprise")
                .field("enterprise_name", enterprise_name)
                .finish_non_exhaustive(),
        }
    }
}

/// A user's principal authentication, from
/// [`AuthenticationClient::principal_authentication_detail`]. `Debug` hides the code.
#[non_exhaustive]
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrincipalAuthentication {
    /// Its id.
    pub id: String,
    /// The user.
    pub user_id: String,
    /// The user pool.
    #[serde(default)]
    pub user_pool_id: Option<String>,
    /// `P` (person) or `E` (enterprise).
    pub principal_type: String,
    /// The person's or the enterprise's name.
    pub principal_name: String,
    /// The ID card number or the enterprise code.
    pub principal_code: Secret,
    /// When it was authenticated (ISO 8601).
    #[serde(default)]
    pub authentication_time: Option<String>,
    /// Creation time (ISO 8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last change (ISO 8601).
    #[serde(default)]
    pub updated_at: Option<String>,
}

impl fmt::Debug for PrincipalAuthentication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrincipalAuthentication")
            .field("id", &self.id)
            .field("user_id", &self.user_id)
            .field("principal_type", &self.principal_type)
            .field("principal_name", &self.principal_name)
            .field("authentication_time", &self.authentication_time)
            .finish_non_exhaustive()
    }
}

operation! {
    /// The logged-in user's principal authentication
    /// (`GET /api/v2/users/principal_authentication`); made by
    /// [`AuthenticationClient::principal_authentication_detail`].
    pub struct PrincipalAuthenticationDetail -> Option<PrincipalAuthentication> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/users/principal_authentication" },
        auth: User,
    }
}

operation! {
    /// A principal authentication of the logged-in user
    /// (`POST /api/v2/users/principal_authentication`); made by
    /// [`AuthenticationClient::principal_authenticate`].
    pub struct PrincipalAuthenticate -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/users/principal_authentication" },
        auth: User,
        answer: IgnoredAny,
        required {
            /// `P` (person) or `E` (enterprise).
            #[serde(rename = "type")]
            kind: String,
            /// The person's or the enterprise's name.
            name: String,
            /// The ID card number, or the enterprise code.
            #[serde(serialize_with = "operation::expose_secret")]
            id_card: Secret,
            /// The bank card number, or the legal representative's name.
            #[serde(serialize_with = "operation::expose_secret")]
            ext: Secret,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                let filled = [self.kind.as_str(), self.name.as_str(), self.id_card.expose(), self.ext.expose()];
                if filled.iter().any(|field| field.trim().is_empty()) {
                    return Err(Error::invalid_argument(
                        "principal_authenticate: every field must be filled",
                    ));
                }
                Ok(())
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}
