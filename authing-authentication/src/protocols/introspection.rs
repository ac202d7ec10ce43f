//! The introspection endpoint: is a token still active, and what it grants (RFC 7662).

use authing_core::{Error, Secret, Transport};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::claims::Audience;
use super::client::ProtocolClient;
use super::wire::{Form, decode_json, exchange};

/// Which kind of token a token is, as a hint to introspection and revocation (RFC 7009
/// §2.1).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenTypeHint {
    /// `access_token`.
    AccessToken,
    /// `refresh_token`.
    RefreshToken,
}

impl TokenTypeHint {
    /// The `token_type_hint` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AccessToken => "access_token",
            Self::RefreshToken => "refresh_token",
        }
    }
}

/// What introspection says about a token (RFC 7662 §2.2). An expired, revoked or unknown
/// token is `{active: false}` with nothing else.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Introspection {
    /// Whether the token is active.
    pub active: bool,
    /// The user id (or the app id, for client credentials).
    #[serde(default)]
    pub sub: Option<String>,
    /// The client the token was issued to.
    #[serde(default)]
    pub client_id: Option<String>,
    /// Expiry, seconds since the epoch.
    #[serde(default)]
    pub exp: Option<i64>,
    /// Issue time, seconds since the epoch.
    #[serde(default)]
    pub iat: Option<i64>,
    /// The issuer.
    #[serde(default)]
    pub iss: Option<String>,
    /// The audience.
    #[serde(default)]
    pub aud: Option<Audience>,
    /// The token id.
    #[serde(default)]
    pub jti: Option<String>,
    /// The scopes granted, space-separated.
    #[serde(default)]
    pub scope: Option<String>,
    /// The token type, `Bearer`.
    #[serde(default)]
    pub token_type: Option<String>,
    /// Every other member.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// An introspection request; made by [`ProtocolClient::introspect`]. `.await` sends it.
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent or awaited"]
pub struct IntrospectionRequest<'a, T> {
    client: &'a ProtocolClient<T>,
    token: Secret,
    hint: Option<TokenTypeHint>,
}

impl<T> ProtocolClient<T> {
    /// Asks Authing whether `token` (an access or refresh token) is active: a form `POST`
    /// to `{app_host}/oidc/token/introspection`, authenticated by the client's
    /// introspection auth method.
    pub fn introspect(&self, token: impl Into<Secret>) -> IntrospectionRequest<'_, T> {
        IntrospectionRequest {
            client: self,
            token: token.into(),
            hint: None,
        }
    }
}

impl<T> IntrospectionRequest<'_, T> {
    /// Says which kind of token it is.
    pub fn token_type_hint(mut self, hint: TokenTypeHint) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The request this would send.
    pub fn prepare(&self) -> Result<http::Request<Bytes>, Error> {
        let inner = &*self.client.inner;
        if self.token.expose().trim().is_empty() {
            return Err(Error::invalid_argument("the token to introspect is empty"));
        }
        let mut form = Form::new();
        form.field("token", self.token.expose())
            .optional("token_type_hint", self.hint.map(TokenTypeHint::as_str))
            .client_auth(&self.client.credentials(inner.introspection_auth))?;
        form.into_request(inner.endpoints.introspection())
    }
}

impl<T: Transport> IntrospectionRequest<'_, T> {
    /// Sends the request.
    pub async fn send(self) -> Result<Introspection, Error> {
        let request = self.prepare()?;
        decode_json(exchange(&self.client.inner.transport, request).await?)
    }
}

super::send_on_await!(IntrospectionRequest => Introspection);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocols::ClientAuthMethod;
    use authing_core::transport_fn;
    use std::collections::HashMap;

    #[tokio::test]
    async fn active_and_inactive_answers_with_the_configured_auth() {
        let client = ProtocolClient::builder("https://app.example.com", "app1")
            .secret("s")
            .introspection_auth_method(ClientAuthMethod::ClientSecretBasic)
            .transport(transport_fn(|request: http::Request<Bytes>| async move {
                assert_eq!(
                    request.uri(),
                    "https://app.example.com/oidc/token/introspection"
                );
                assert!(
                    request.headers()["authorization"]
                        .to_str()
                        .is_ok_and(|h| h.starts_with("Basic "))
                );
                let form: HashMap<String, String> = url::form_urlencoded::parse(request.body())
                    .into_owned()
                    .collect();
                assert!(!form.contains_key("client_secret"));
                let answer: &'static [u8] = match form["token"].as_str() {
                    "live" => {
                        br#"{"active":true,"sub":"u1","client_id":"app1","exp":2000000000,
                        "iat":1999996400,"iss":"https://app.example.com/oidc","jti":"j1",
                        "scope":"openid profile","token_type":"Bearer"}"#
                    }
                    _ => br#"{"active":false}"#,
                };
                assert_eq!(
                    form.get("token_type_hint").map(String::as_str),
                    Some("access_token")
                );
                Ok(http::Response::new(Bytes::from_static(answer)))
            }))
            .build()
            .expect("valid");
        let live = client
            .introspect("live")
            .token_type_hint(TokenTypeHint::AccessToken)
            .await
            .expect("answer");
        assert!(live.active);
        assert_eq!(live.sub.as_deref(), Some("u1"));
        assert_eq!(live.exp, Some(2_000_000_000));
        assert_eq!(live.scope.as_deref(), Some("openid profile"));
        let dead = client
            .introspect("revoked")
            .token_type_hint(TokenTypeHint::AccessToken)
            .await
            .expect("answer");
        assert!(!dead.active);
        assert_eq!(dead.sub, None);
    }
}
