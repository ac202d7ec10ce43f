//! An application's public configuration
//! (`GET {appHost}/api/v2/applications/{appId}/public-config`): what a login page reads
//! before it starts, and the first step of Authing's enterprise login (the identity
//! providers offered, and the configuration of each, from which the provider's login URL is
//! built). No token is needed.

use authing_core::{Error, Transport, Wire, operation};
use http::Method;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::client::AuthenticationClient;

impl<T: Transport + 'static> AuthenticationClient<T> {
    /// The public configuration of the client's application
    /// (`GET /api/v2/applications/{appId}/public-config`).
    ///
    /// Fails with [`Error::InvalidArgument`], without I/O, when the client has no app id
    /// (use [`application_public_config_of`](Self::application_public_config_of) then);
    /// with Authing's 2011 when there is no such application.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// let config = auth.application_public_config().await?;
    /// // The first step of an enterprise login: is this OIDC connection offered?
    /// if let Some(provider) = config.identity_provider("oidc", "corp-oidc") {
    ///     println!("authorize at {:?}", provider.config.get("authorizationEdpoint"));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn application_public_config(&self) -> GetApplicationPublicConfig<Self> {
        GetApplicationPublicConfig::new(self.clone(), self.app_id().unwrap_or_default())
    }

    /// The public configuration of application `app_id`; see
    /// [`application_public_config`](Self::application_public_config).
    pub fn application_public_config_of(
        &self,
        app_id: impl Into<String>,
    ) -> GetApplicationPublicConfig<Self> {
        GetApplicationPublicConfig::new(self.clone(), app_id)
    }
}

operation! {
    /// An application's public configuration
    /// (`GET /api/v2/applications/{appId}/public-config`); made by
    /// [`AuthenticationClient::application_public_config`].
    pub struct GetApplicationPublicConfig -> ApplicationConfig {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/applications/{id}/public-config" },
        auth: None,
        required {
            /// The application's id.
            id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.id.trim().is_empty() {
                    return Err(Error::invalid_argument(
                        "application_public_config: no app id; set the client's .app_id(..) \
                         or use application_public_config_of(app_id)",
                    ));
                }
                Ok(())
            }
        }
    }
}

/// An application's public configuration, from
/// [`AuthenticationClient::application_public_config`]. Fields Authing adds that this type
/// does not name are kept in [`other`](Self::other).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationConfig {
    /// The application's id.
    pub id: String,
    /// The user pool it belongs to.
    #[serde(default)]
    pub user_pool_id: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its authentication-address prefix.
    #[serde(default)]
    pub identifier: Option<String>,
    /// Its logo's URL.
    #[serde(default)]
    pub logo: Option<String>,
    /// The login callback URLs.
    #[serde(default)]
    pub redirect_uris: Vec<String>,
    /// The PEM public key passwords are encrypted with.
    #[serde(default)]
    pub public_key: Option<String>,
    /// The websocket host (where AD logins go).
    #[serde(default)]
    pub websocket: Option<String>,
    /// How many digits the verification codes have.
    #[serde(default)]
    pub verify_code_length: Option<u32>,
    /// The enterprise identity providers the application offers.
    #[serde(default)]
    pub identity_providers: Vec<IdentityProviderConfig>,
    /// The social connections the application offers.
    #[serde(default)]
    pub social_connections: Vec<SocialConnectionConfig>,
    /// When the application was created (ISO 8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// When it last changed (ISO 8601).
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Every other field of Authing's answer, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl ApplicationConfig {
    /// The enterprise identity provider of `protocol` (`oidc`, `saml`, `cas`, `oauth`,
    /// `azure-ad`) named `identifier`, if the application offers it.
    pub fn identity_provider(
        &self,
        protocol: &str,
        identifier: &str,
    ) -> Option<&IdentityProviderConfig> {
        self.identity_providers.iter().find(|provider| {
            provider.identifier.as_deref() == Some(identifier)
                && provider.protocol.as_deref() == Some(protocol)
        })
    }
}

/// An enterprise identity provider of an [`ApplicationConfig`].
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityProviderConfig {
    /// The connection's identifier.
    #[serde(default)]
    pub identifier: Option<String>,
    /// Its protocol (`oidc`, `saml`, `cas`, `oauth`, `azure-ad`).
    #[serde(default)]
    pub protocol: Option<String>,
    /// Its configuration, as Authing sends it: the provider's login URL is built from it
    /// (`authorizationEdpoint` for OIDC, `samlRequest`, `casConnectionLoginUrl`, `authUrl`,
    /// `authorizationUrl` for Azure AD).
    #[serde(default)]
    pub config: Map<String, Value>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// A social connection of an [`ApplicationConfig`].
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SocialConnectionConfig {
    /// The provider's code (`github`, `wechat:pc`, ...).
    #[serde(default)]
    pub provider: Option<String>,
    /// Its display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}
