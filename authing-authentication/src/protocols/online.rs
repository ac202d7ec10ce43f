//! Authing's online token check: `GET {app_host}/api/v2/oidc/validate_token`.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;

use authing_core::{Error, Secret, Transport};
use bytes::Bytes;
use http::Method;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::claims::{AccessTokenClaims, IdTokenClaims};
use super::client::ProtocolClient;
use super::wire::{authing_envelope_error, exchange, request, url_with_query};

/// An online validation; made by [`ProtocolClient::validate_id_token_online`] or
/// [`validate_access_token_online`](ProtocolClient::validate_access_token_online).
/// `.await` sends it.
#[must_use = "a request does nothing until it is sent or awaited"]
pub struct OnlineValidationRequest<'a, T, C> {
    client: &'a ProtocolClient<T>,
    parameter: &'static str,
    token: Secret,
    claims: PhantomData<fn() -> C>,
}

impl<T, C> fmt::Debug for OnlineValidationRequest<'_, T, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OnlineValidationRequest")
            .field("parameter", &self.parameter)
            .field("token", &self.token)
            .finish()
    }
}

impl<T> ProtocolClient<T> {
    /// Asks Authing whether `id_token` is valid, and for its claims. An invalid token is
    /// [`Error::Api`] with code 400 ("id_token 不合法" and the like), as Authing answers.
    ///
    /// Local validation ([`validate_id_token`](Self::validate_id_token)) gives the same
    /// answer without a round trip; this one also sees revocations.
    pub fn validate_id_token_online(
        &self,
        id_token: impl Into<Secret>,
    ) -> OnlineValidationRequest<'_, T, IdTokenClaims> {
        self.online("id_token", id_token.into())
    }

    /// Asks Authing whether `access_token` is valid, and for its claims; as
    /// [`validate_id_token_online`](Self::validate_id_token_online).
    pub fn validate_access_token_online(
        &self,
        access_token: impl Into<Secret>,
    ) -> OnlineValidationRequest<'_, T, AccessTokenClaims> {
        self.online("access_token", access_token.into())
    }

    fn online<C>(
        &self,
        parameter: &'static str,
        token: Secret,
    ) -> OnlineValidationRequest<'_, T, C> {
        OnlineValidationRequest {
            client: self,
            parameter,
            token,
            claims: PhantomData,
        }
    }
}

impl<T, C> OnlineValidationRequest<'_, T, C> {
    /// The request this would send. The token travels in the query, as Authing's endpoint
    /// requires.
    pub fn prepare(&self) -> Result<http::Request<Bytes>, Error> {
        if self.token.expose().trim().is_empty() {
            return Err(Error::invalid_argument(format!(
                "the {} is empty",
                self.parameter
            )));
        }
        let url = url_with_query(
            self.client.inner.endpoints.validate_token(),
            [(self.parameter, Some(self.token.expose()))],
        );
        request(Method::GET, &url, Bytes::new())
    }
}

impl<T: Transport, C: DeserializeOwned> OnlineValidationRequest<'_, T, C> {
    /// Sends the request.
    pub async fn send(self) -> Result<C, Error> {
        let request = self.prepare()?;
        let answer = exchange(&self.client.inner.transport, request).await?;
        let json: Value = match serde_json::from_slice(&answer.body) {
            Ok(json) => json,
            Err(_) if !answer.status.is_success() => return Err(answer.into_http_error()),
            Err(e) => return Err(answer.into_serde_error(&e)),
        };
        // Authing answers an invalid token with `{code: 400, message}`, whatever the status.
        if let Some(error) = authing_envelope_error(answer.status, &json) {
            return Err(error);
        }
        if !answer.status.is_success() {
            return Err(answer.into_http_error());
        }
        match serde_json::from_value(json) {
            Ok(claims) => Ok(claims),
            Err(e) => Err(answer.into_serde_error(&e)),
        }
    }
}

impl<'a, T: Transport + 'a, C: DeserializeOwned + Send + 'a> IntoFuture
    for OnlineValidationRequest<'a, T, C>
{
    type Output = Result<C, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use authing_core::transport_fn;

    #[tokio::test]
    async fn valid_tokens_give_claims_and_invalid_ones_authing_code_400() {
        let client = ProtocolClient::builder("https://app.example.com", "app1")
            .transport(transport_fn(|request: http::Request<Bytes>| async move {
                assert_eq!(request.method(), Method::GET);
                assert_eq!(request.uri().path(), "/api/v2/oidc/validate_token");
                let answer: &'static [u8] = match request.uri().query() {
                    Some("id_token=good") => {
                        br#"{"iss":"https://app.example.com/oidc","sub":"u1",
                        "aud":"app1","exp":2000000000,"iat":1999996400,"nonce":"n"}"#
                    }
                    Some("id_token=proxy") => {
                        return Ok(http::Response::builder()
                            .status(502)
                            .body(Bytes::from_static(b"<html>bad gateway</html>"))
                            .expect("valid"));
                    }
                    Some("access_token=good") => {
                        br#"{"iss":"https://app.example.com/oidc",
                        "aud":"app1","exp":2000000000,"iat":1999996400,"scope":"openid","jti":"j"}"#
                    }
                    _ => r#"{"code":400,"message":"id_token 不合法"}"#.as_bytes(),
                };
                Ok(http::Response::new(Bytes::from_static(answer)))
            }))
            .build()
            .expect("valid");
        let claims = client
            .validate_id_token_online("good")
            .await
            .expect("valid");
        assert_eq!(claims.sub, "u1");
        assert_eq!(claims.nonce.as_deref(), Some("n"));
        let claims = client
            .validate_access_token_online("good")
            .await
            .expect("valid");
        assert!(claims.has_scope("openid"));
        let error = client
            .validate_id_token_online("bad")
            .await
            .expect_err("invalid");
        assert_eq!(error.code(), Some(400));
        assert_eq!(error.message(), Some("id_token 不合法"));
        let error = client
            .validate_id_token_online("proxy")
            .await
            .expect_err("502");
        assert!(
            matches!(error, Error::Http { status, .. } if status == 502),
            "{error:?}"
        );
        assert!(
            !format!("{:?}", client.validate_id_token_online("tok-secret")).contains("tok-secret")
        );
    }
}
