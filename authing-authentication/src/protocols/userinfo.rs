//! The userinfo endpoint: what the user behind an access token is (OIDC Core §5.3).

use authing_core::{Error, Secret, Transport};
use bytes::Bytes;
use http::Method;
use http::header::AUTHORIZATION;

use super::claims::UserInfo;
use super::client::ProtocolClient;
use super::wire::{bearer, decode_json, exchange, request};

/// A userinfo request; made by [`ProtocolClient::userinfo`]. `.await` sends it.
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent or awaited"]
pub struct UserInfoRequest<'a, T> {
    client: &'a ProtocolClient<T>,
    access_token: Secret,
}

impl<T> ProtocolClient<T> {
    /// The claims of the user `access_token` was issued to: `GET {app_host}/oidc/me` (or
    /// `/oauth/me`) with the token in an `Authorization: Bearer` header, never in the URL.
    ///
    /// ```
    /// # use authing_authentication::protocols::ProtocolClient;
    /// # let transport = authing_core::transport_fn(|_r: http::Request<bytes::Bytes>| async {
    /// #     Ok(http::Response::new(bytes::Bytes::new()))
    /// # });
    /// # let client = ProtocolClient::builder("https://my-app.authing.cn", "APP_ID")
    /// #     .transport(transport).build()?;
    /// let request = client.userinfo("ACCESS_TOKEN").prepare()?;
    /// assert_eq!(request.uri(), "https://my-app.authing.cn/oidc/me");
    /// assert_eq!(request.headers()["authorization"], "Bearer ACCESS_TOKEN");
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn userinfo(&self, access_token: impl Into<Secret>) -> UserInfoRequest<'_, T> {
        UserInfoRequest {
            client: self,
            access_token: access_token.into(),
        }
    }
}

impl<T> UserInfoRequest<'_, T> {
    /// The request this would send.
    pub fn prepare(&self) -> Result<http::Request<Bytes>, Error> {
        if self.access_token.expose().trim().is_empty() {
            return Err(Error::invalid_argument("the access token is empty"));
        }
        let mut request = request(
            Method::GET,
            self.client.inner.endpoints.userinfo(),
            Bytes::new(),
        )?;
        request
            .headers_mut()
            .insert(AUTHORIZATION, bearer(&self.access_token)?);
        Ok(request)
    }
}

impl<T: Transport> UserInfoRequest<'_, T> {
    /// Sends the request. A rejected token is [`Error::Http`] (401, `invalid_token`).
    pub async fn send(self) -> Result<UserInfo, Error> {
        let request = self.prepare()?;
        decode_json(exchange(&self.client.inner.transport, request).await?)
    }
}

super::send_on_await!(UserInfoRequest => UserInfo);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocols::{OAuthError, OAuthErrorKind};
    use authing_core::transport_fn;

    fn client(status: u16, answer: &'static str) -> ProtocolClient<impl Transport> {
        ProtocolClient::builder("https://app.example.com", "app1")
            .transport(transport_fn(
                move |request: http::Request<Bytes>| async move {
                    assert_eq!(request.method(), Method::GET);
                    assert!(request.headers()[AUTHORIZATION].is_sensitive());
                    Ok(http::Response::builder()
                        .status(status)
                        .body(Bytes::from_static(answer.as_bytes()))
                        .expect("valid"))
                },
            ))
            .build()
            .expect("valid")
    }

    #[tokio::test]
    async fn decodes_standard_claims_and_keeps_the_rest() {
        let client = client(
            200,
            r#"{"sub":"u1","email":"ada@example.com","email_verified":true,
               "address":{"country":"CN","postal_code":"100000"},"updated_at":"2026-01-01",
               "roles":["admin"]}"#,
        );
        let info = client.userinfo("at").await.expect("claims");
        assert_eq!(info.sub, "u1");
        assert_eq!(info.email.as_deref(), Some("ada@example.com"));
        assert_eq!(info.email_verified, Some(true));
        let address = info.address.as_ref().expect("address");
        assert_eq!(address.country.as_deref(), Some("CN"));
        assert_eq!(info.other["roles"], serde_json::json!(["admin"]));
        assert!(info.other.contains_key("updated_at"));
    }

    #[tokio::test]
    async fn a_rejected_token_is_an_http_error_with_the_oauth_code() {
        let client = client(
            401,
            r#"{"error":"invalid_token","error_description":"expired"}"#,
        );
        let error = client.userinfo("at").await.expect_err("rejected");
        assert_eq!(
            OAuthError::from_error(&error).map(|e| e.kind()),
            Some(OAuthErrorKind::InvalidToken)
        );
        let error = client.userinfo(" ").prepare().expect_err("empty");
        assert!(matches!(error, Error::InvalidArgument(_)));
    }
}
