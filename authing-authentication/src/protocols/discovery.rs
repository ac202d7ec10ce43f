//! OIDC discovery: the provider metadata at `{app_host}/oidc/.well-known/openid-configuration`.

use authing_core::{Error, Transport};
use bytes::Bytes;
use http::Method;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::client::ProtocolClient;
use super::wire::{decode_json, exchange, request};

/// What an OIDC provider says about itself (OpenID Connect Discovery 1.0 §3).
///
/// [`ProtocolClient`] does not need it (its [`Endpoints`](super::Endpoints) are derived from
/// the host); it is for checking what an application supports, or a private deployment's
/// real endpoints.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ProviderMetadata {
    /// The issuer, `{app_host}/oidc`.
    pub issuer: String,
    /// The authorization endpoint.
    pub authorization_endpoint: String,
    /// The token endpoint.
    #[serde(default)]
    pub token_endpoint: Option<String>,
    /// The userinfo endpoint.
    #[serde(default)]
    pub userinfo_endpoint: Option<String>,
    /// The signing keys.
    pub jwks_uri: String,
    /// RP-initiated logout.
    #[serde(default)]
    pub end_session_endpoint: Option<String>,
    /// Token introspection.
    #[serde(default)]
    pub introspection_endpoint: Option<String>,
    /// Token revocation.
    #[serde(default)]
    pub revocation_endpoint: Option<String>,
    /// The scopes the provider knows.
    #[serde(default)]
    pub scopes_supported: Vec<String>,
    /// The response types the provider accepts.
    #[serde(default)]
    pub response_types_supported: Vec<String>,
    /// The grant types the provider accepts.
    #[serde(default)]
    pub grant_types_supported: Vec<String>,
    /// The algorithms id tokens may be signed with.
    #[serde(default)]
    pub id_token_signing_alg_values_supported: Vec<String>,
    /// The client authentication methods of the token endpoint.
    #[serde(default)]
    pub token_endpoint_auth_methods_supported: Vec<String>,
    /// The PKCE methods accepted.
    #[serde(default)]
    pub code_challenge_methods_supported: Vec<String>,
    /// Every other member.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// A discovery request; made by [`ProtocolClient::discovery`]. `.await` sends it.
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent or awaited"]
pub struct DiscoveryRequest<'a, T> {
    client: &'a ProtocolClient<T>,
}

impl<T> ProtocolClient<T> {
    /// Fetches the application's OIDC provider metadata.
    pub fn discovery(&self) -> DiscoveryRequest<'_, T> {
        DiscoveryRequest { client: self }
    }
}

impl<T> DiscoveryRequest<'_, T> {
    /// The request this would send: `GET {app_host}/oidc/.well-known/openid-configuration`.
    pub fn prepare(&self) -> Result<http::Request<Bytes>, Error> {
        request(
            Method::GET,
            self.client.inner.endpoints.discovery(),
            Bytes::new(),
        )
    }
}

impl<T: Transport> DiscoveryRequest<'_, T> {
    /// Sends the request.
    pub async fn send(self) -> Result<ProviderMetadata, Error> {
        decode_json(exchange(&self.client.inner.transport, self.prepare()?).await?)
    }
}

super::send_on_await!(DiscoveryRequest => ProviderMetadata);

#[cfg(test)]
mod tests {
    use super::*;
    use authing_core::transport_fn;

    #[tokio::test]
    async fn decodes_the_metadata_and_keeps_unknown_members() {
        let client = ProtocolClient::builder("https://app.example.com", "app1")
            .transport(transport_fn(|request: http::Request<Bytes>| async move {
                assert_eq!(
                    request.uri(),
                    "https://app.example.com/oidc/.well-known/openid-configuration"
                );
                Ok(http::Response::new(Bytes::from_static(
                    br#"{"issuer":"https://app.example.com/oidc",
                    "authorization_endpoint":"https://app.example.com/oidc/auth",
                    "token_endpoint":"https://app.example.com/oidc/token",
                    "jwks_uri":"https://app.example.com/oidc/.well-known/jwks.json",
                    "code_challenge_methods_supported":["S256","plain"],
                    "claims_supported":["sub","email"]}"#,
                )))
            }))
            .build()
            .expect("valid");
        let metadata = client.discovery().await.expect("metadata");
        assert_eq!(metadata.issuer, client.endpoints().issuer());
        assert_eq!(metadata.jwks_uri, client.endpoints().jwks());
        assert_eq!(
            metadata.token_endpoint.as_deref(),
            Some(client.endpoints().token())
        );
        assert_eq!(metadata.code_challenge_methods_supported, ["S256", "plain"]);
        assert!(metadata.revocation_endpoint.is_none());
        assert!(metadata.other.contains_key("claims_supported"));
    }
}
