//! The revocation endpoint: end an access or refresh token's life (RFC 7009).

use authing_core::{Error, Secret, Transport};
use bytes::Bytes;

use super::client::ProtocolClient;
use super::introspection::TokenTypeHint;
use super::wire::{Form, check_status, exchange};

/// A revocation request; made by [`ProtocolClient::revoke`]. `.await` sends it.
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent or awaited"]
pub struct RevocationRequest<'a, T> {
    client: &'a ProtocolClient<T>,
    token: Secret,
    hint: Option<TokenTypeHint>,
}

impl<T> ProtocolClient<T> {
    /// Revokes `token` (an access or refresh token): a form `POST` to
    /// `{app_host}/oidc/token/revocation`, authenticated by the client's revocation auth
    /// method. Revoking an unknown or already revoked token succeeds (RFC 7009 §2.2).
    pub fn revoke(&self, token: impl Into<Secret>) -> RevocationRequest<'_, T> {
        RevocationRequest {
            client: self,
            token: token.into(),
            hint: None,
        }
    }
}

impl<T> RevocationRequest<'_, T> {
    /// Says which kind of token it is.
    pub fn token_type_hint(mut self, hint: TokenTypeHint) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The request this would send.
    pub fn prepare(&self) -> Result<http::Request<Bytes>, Error> {
        let inner = &*self.client.inner;
        if self.token.expose().trim().is_empty() {
            return Err(Error::invalid_argument("the token to revoke is empty"));
        }
        let mut form = Form::new();
        form.field("token", self.token.expose())
            .optional("token_type_hint", self.hint.map(TokenTypeHint::as_str))
            .client_auth(&self.client.credentials(inner.revocation_auth))?;
        form.into_request(inner.endpoints.revocation())
    }
}

impl<T: Transport> RevocationRequest<'_, T> {
    /// Sends the request; any 2xx answer (the body, empty or not, says nothing more) is
    /// success.
    pub async fn send(self) -> Result<(), Error> {
        let request = self.prepare()?;
        check_status(exchange(&self.client.inner.transport, request).await?).map(drop)
    }
}

super::send_on_await!(RevocationRequest => ());

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocols::{OAuthError, OAuthErrorKind, Protocol};
    use authing_core::transport_fn;
    use std::collections::HashMap;

    #[tokio::test]
    async fn revokes_with_post_auth_and_reports_refusals() {
        let client = ProtocolClient::builder("https://app.example.com", "app1")
            .secret("s")
            .protocol(Protocol::OAuth2)
            .transport(transport_fn(|request: http::Request<Bytes>| async move {
                assert_eq!(
                    request.uri(),
                    "https://app.example.com/oauth/token/revocation"
                );
                let form: HashMap<String, String> = url::form_urlencoded::parse(request.body())
                    .into_owned()
                    .collect();
                assert_eq!(form["client_id"], "app1");
                assert_eq!(form["client_secret"], "s");
                let (status, answer): (u16, &'static [u8]) = match form["token"].as_str() {
                    "rt" => {
                        assert_eq!(form["token_type_hint"], "refresh_token");
                        (200, b"")
                    }
                    _ => (401, br#"{"error":"invalid_client"}"#),
                };
                Ok(http::Response::builder()
                    .status(status)
                    .body(Bytes::from_static(answer))
                    .expect("valid"))
            }))
            .build()
            .expect("valid");
        client
            .revoke("rt")
            .token_type_hint(TokenTypeHint::RefreshToken)
            .await
            .expect("revoked");
        let error = client.revoke("other").await.expect_err("refused");
        assert_eq!(error.status(), Some(http::StatusCode::UNAUTHORIZED));
        assert_eq!(
            OAuthError::from_error(&error).map(|e| e.kind()),
            Some(OAuthErrorKind::InvalidClient)
        );
    }
}
