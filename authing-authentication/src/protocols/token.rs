//! The token endpoint: the authorization code, refresh token, client credentials and
//! password grants, and the [`TokenResponse`] they return.

use authing_core::{Error, Secret, Transport};
use bytes::Bytes;
use serde::Deserialize;

use super::client::ProtocolClient;
use super::pkce::CodeVerifier;
use super::wire::{ClientAuthMethod, ClientCredentials, Form, decode_json, exchange};

/// What the token endpoint returns (RFC 6749 §5.1, OIDC Core §3.1.3.3). Tokens are
/// [`Secret`]s: `Debug` never prints them.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TokenResponse {
    /// The access token.
    pub access_token: Secret,
    /// The token type, `Bearer`.
    #[serde(default)]
    pub token_type: String,
    /// Seconds until the access token expires (Authing: 3600 by default).
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// A refresh token: with the `offline_access` scope (and consent, in the code flow).
    #[serde(default)]
    pub refresh_token: Option<Secret>,
    /// The id token (OIDC, with the `openid` scope).
    #[serde(default)]
    pub id_token: Option<Secret>,
    /// The scopes granted, space-separated.
    #[serde(default)]
    pub scope: Option<String>,
}

/// Who logs in with the password grant: exactly one of username, email or phone.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordLogin {
    /// Log in by username.
    Username(String),
    /// Log in by email address.
    Email(String),
    /// Log in by phone number.
    Phone(String),
}

impl PasswordLogin {
    fn field(&self) -> (&'static str, &str) {
        match self {
            Self::Username(v) => ("username", v),
            Self::Email(v) => ("email", v),
            Self::Phone(v) => ("phone", v),
        }
    }
}

#[derive(Debug, Clone)]
enum Grant {
    AuthorizationCode {
        code: Secret,
        verifier: Option<CodeVerifier>,
        redirect_uri: Option<String>,
    },
    RefreshToken {
        refresh_token: Secret,
    },
    ClientCredentials {
        access_key: Option<(String, Secret)>,
    },
    Password {
        login: PasswordLogin,
        password: Secret,
    },
}

/// A token request; made by [`ProtocolClient::exchange_code`],
/// [`refresh`](ProtocolClient::refresh),
/// [`client_credentials`](ProtocolClient::client_credentials) or
/// [`password`](ProtocolClient::password). `.await` sends it; `prepare` shows it.
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent or awaited"]
pub struct TokenRequest<'a, T> {
    client: &'a ProtocolClient<T>,
    grant: Grant,
    scope: Option<String>,
}

impl<T> ProtocolClient<T> {
    /// Exchanges an authorization code for tokens (`grant_type=authorization_code`), with
    /// the client's redirect URI unless the request sets one. Add the PKCE verifier with
    /// [`code_verifier`](TokenRequest::code_verifier).
    ///
    /// ```
    /// use authing_authentication::protocols::{CodeVerifier, ProtocolClient};
    /// # let transport = authing_core::transport_fn(|_r: http::Request<bytes::Bytes>| async {
    /// #     Ok(http::Response::new(bytes::Bytes::new()))
    /// # });
    /// let client = ProtocolClient::builder("https://my-app.authing.cn", "APP_ID")
    ///     .redirect_uri("https://my-site.example.com/callback")
    ///     .transport(transport)
    ///     .build()?; // no secret: a public client, `client_id` only
    /// # let verifier = CodeVerifier::random();
    /// let request = client.exchange_code("THE_CODE").code_verifier(&verifier).prepare()?;
    /// assert_eq!(request.uri(), "https://my-app.authing.cn/oidc/token");
    /// let body = std::str::from_utf8(request.body()).unwrap();
    /// assert!(body.starts_with("grant_type=authorization_code&code=THE_CODE&redirect_uri="));
    /// assert!(body.ends_with("&client_id=APP_ID"));
    /// // `client.exchange_code(code).code_verifier(&verifier).await?` sends it.
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn exchange_code(&self, code: impl Into<Secret>) -> TokenRequest<'_, T> {
        self.token_request(Grant::AuthorizationCode {
            code: code.into(),
            verifier: None,
            redirect_uri: None,
        })
    }

    /// New tokens for a refresh token (`grant_type=refresh_token`).
    pub fn refresh(&self, refresh_token: impl Into<Secret>) -> TokenRequest<'_, T> {
        self.token_request(Grant::RefreshToken {
            refresh_token: refresh_token.into(),
        })
    }

    /// A token for the application itself (`grant_type=client_credentials`), for
    /// `scope`: space-separated resource permissions. Authenticates with the app id and
    /// secret, or with a programmatic access key set by
    /// [`access_key`](TokenRequest::access_key).
    pub fn client_credentials(&self, scope: impl Into<String>) -> TokenRequest<'_, T> {
        let mut request = self.token_request(Grant::ClientCredentials { access_key: None });
        request.scope = Some(scope.into());
        request
    }

    /// Tokens for a user's own credentials (`grant_type=password`); `password` goes as
    /// typed, over TLS, as the grant requires. Default scope `openid profile`.
    pub fn password(
        &self,
        login: PasswordLogin,
        password: impl Into<Secret>,
    ) -> TokenRequest<'_, T> {
        self.token_request(Grant::Password {
            login,
            password: password.into(),
        })
    }

    fn token_request(&self, grant: Grant) -> TokenRequest<'_, T> {
        TokenRequest {
            client: self,
            grant,
            scope: None,
        }
    }
}

impl<'a, T> TokenRequest<'a, T> {
    /// The PKCE verifier whose challenge was in the authorize URL (code exchange only).
    pub fn code_verifier(mut self, verifier: &CodeVerifier) -> Self {
        if let Grant::AuthorizationCode { verifier: v, .. } = &mut self.grant {
            *v = Some(verifier.clone());
        }
        self
    }

    /// The redirect URI of the authorize request, instead of the client's (code exchange
    /// only).
    pub fn redirect_uri(mut self, redirect_uri: impl Into<String>) -> Self {
        if let Grant::AuthorizationCode {
            redirect_uri: r, ..
        } = &mut self.grant
        {
            *r = Some(redirect_uri.into());
        }
        self
    }

    /// The scopes to ask for (refresh: a subset of those granted).
    pub fn scope(mut self, scope: impl Into<String>) -> Self {
        self.scope = Some(scope.into());
        self
    }

    /// A programmatic access key and its secret instead of the app id and secret (client
    /// credentials only; always sent as `client_secret_post`).
    pub fn access_key(mut self, access_key: impl Into<String>, secret: impl Into<Secret>) -> Self {
        if let Grant::ClientCredentials { access_key: k } = &mut self.grant {
            *k = Some((access_key.into(), secret.into()));
        }
        self
    }

    /// The request this would send: a form `POST` to the token endpoint.
    ///
    /// Fails with [`Error::InvalidArgument`] when a required value is empty, the code
    /// exchange has no redirect URI, or the grant needs a secret the client lacks.
    pub fn prepare(&self) -> Result<http::Request<Bytes>, Error> {
        let client = self.client;
        let inner = &*client.inner;
        let mut form = Form::new();
        let mut credentials = client.credentials(inner.token_auth);
        match &self.grant {
            Grant::AuthorizationCode {
                code,
                verifier,
                redirect_uri,
            } => {
                non_empty(code, "authorization code")?;
                form.field("grant_type", "authorization_code")
                    .field("code", code.expose())
                    .field(
                        "redirect_uri",
                        client.redirect_uri(redirect_uri.as_deref())?,
                    )
                    .optional(
                        "code_verifier",
                        verifier.as_ref().map(|v| v.secret().expose()),
                    );
            }
            Grant::RefreshToken { refresh_token } => {
                non_empty(refresh_token, "refresh token")?;
                form.field("grant_type", "refresh_token")
                    .field("refresh_token", refresh_token.expose());
            }
            Grant::ClientCredentials { access_key } => {
                form.field("grant_type", "client_credentials");
                if let Some((id, secret)) = access_key {
                    credentials = ClientCredentials {
                        id,
                        secret: Some(secret),
                        method: ClientAuthMethod::ClientSecretPost,
                    };
                } else if credentials.method == ClientAuthMethod::None {
                    // The grant authenticates the application itself; `none` cannot.
                    credentials.method = ClientAuthMethod::ClientSecretPost;
                }
            }
            Grant::Password { login, password } => {
                let (field, value) = login.field();
                if value.trim().is_empty() {
                    return Err(Error::invalid_argument(format!("the {field} is empty")));
                }
                non_empty(password, "password")?;
                form.field("grant_type", "password")
                    .field(field, value)
                    .field("password", password.expose());
            }
        }
        let scope = match (&self.grant, &self.scope) {
            (Grant::Password { .. }, None) => Some("openid profile"),
            (Grant::ClientCredentials { .. }, Some(scope)) if scope.trim().is_empty() => {
                return Err(Error::invalid_argument(
                    "client credentials need a scope: the resource permissions asked for",
                ));
            }
            (_, scope) => scope.as_deref(),
        };
        form.optional("scope", scope);
        form.client_auth(&credentials)?;
        form.into_request(inner.endpoints.token())
    }
}

impl<T: Transport> TokenRequest<'_, T> {
    /// Sends the request. An OAuth error answer is [`Error::Http`] (read it with
    /// [`OAuthError::from_error`](super::OAuthError::from_error)).
    pub async fn send(self) -> Result<TokenResponse, Error> {
        let request = self.prepare()?;
        decode_json(exchange(&self.client.inner.transport, request).await?)
    }
}

super::send_on_await!(TokenRequest => TokenResponse);

fn non_empty(value: &Secret, what: &str) -> Result<(), Error> {
    if value.expose().trim().is_empty() {
        Err(Error::invalid_argument(format!("the {what} is empty")))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocols::{OAuthError, OAuthErrorKind};
    use authing_core::transport_fn;
    use base64::Engine as _;
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    type Seen = Arc<Mutex<Vec<http::Request<Bytes>>>>;

    fn token_client(
        auth: Option<ClientAuthMethod>,
        status: u16,
        answer: &'static str,
    ) -> (ProtocolClient<impl Transport>, Seen) {
        let seen: Seen = Arc::default();
        let log = Arc::clone(&seen);
        let transport = transport_fn(move |request: http::Request<Bytes>| {
            log.lock().expect("lock").push(request);
            async move {
                Ok(http::Response::builder()
                    .status(status)
                    .body(Bytes::from_static(answer.as_bytes()))
                    .expect("valid"))
            }
        });
        let mut builder = ProtocolClient::builder("https://app.example.com", "app:1")
            .secret("se:cret")
            .redirect_uri("https://site.example.com/cb");
        if let Some(auth) = auth {
            builder = builder.token_auth_method(auth);
        }
        (builder.transport(transport).build().expect("valid"), seen)
    }

    fn form_of(request: &http::Request<Bytes>) -> HashMap<String, String> {
        url::form_urlencoded::parse(request.body())
            .into_owned()
            .collect()
    }

    const TOKENS: &str = r#"{"access_token":"at-secret","expires_in":3600,"id_token":"id-secret",
        "refresh_token":"rt-secret","scope":"openid offline_access","token_type":"Bearer"}"#;

    #[tokio::test]
    async fn code_exchange_with_pkce_and_post_auth_sends_the_rfc_form_and_decodes_tokens() {
        let (client, seen) = token_client(None, 200, TOKENS);
        let verifier = CodeVerifier::random();
        let tokens = client
            .exchange_code("the-code")
            .code_verifier(&verifier)
            .await
            .expect("tokens");
        assert_eq!(tokens.access_token.expose(), "at-secret");
        assert_eq!(
            tokens.id_token.as_ref().map(Secret::expose),
            Some("id-secret")
        );
        assert_eq!(
            tokens.refresh_token.as_ref().map(Secret::expose),
            Some("rt-secret")
        );
        assert_eq!(tokens.expires_in, Some(3600));
        assert_eq!(tokens.token_type, "Bearer");
        let debug = format!("{tokens:?}");
        assert!(!debug.contains("-secret"), "{debug}");

        let request = seen.lock().expect("lock")[0].clone();
        let request = &request;
        assert_eq!(request.method(), http::Method::POST);
        assert_eq!(request.uri(), "https://app.example.com/oidc/token");
        assert_eq!(
            request.headers()["content-type"],
            "application/x-www-form-urlencoded"
        );
        assert!(!request.headers().contains_key("authorization"));
        let form = form_of(request);
        assert_eq!(form["grant_type"], "authorization_code");
        assert_eq!(form["code"], "the-code");
        assert_eq!(form["redirect_uri"], "https://site.example.com/cb");
        assert_eq!(form["code_verifier"], verifier.secret().expose());
        assert_eq!(form["client_id"], "app:1");
        assert_eq!(form["client_secret"], "se:cret");
    }

    #[tokio::test]
    async fn basic_auth_moves_the_credentials_to_the_header_and_none_sends_the_id_only() {
        let (client, seen) = token_client(Some(ClientAuthMethod::ClientSecretBasic), 200, TOKENS);
        client
            .exchange_code("c")
            .redirect_uri("https://other.example.com/cb")
            .await
            .expect("tokens");
        let request = seen.lock().expect("lock")[0].clone();
        let request = &request;
        let form = form_of(request);
        assert_eq!(form["redirect_uri"], "https://other.example.com/cb");
        assert!(!form.contains_key("client_id") && !form.contains_key("client_secret"));
        assert!(!form.contains_key("code_verifier"));
        let header = request.headers()["authorization"].to_str().expect("ascii");
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(header.strip_prefix("Basic ").expect("basic"))
            .expect("base64");
        assert_eq!(decoded, b"app%3A1:se%3Acret");

        let (client, seen) = token_client(Some(ClientAuthMethod::None), 200, TOKENS);
        client.refresh("rt").scope("openid").await.expect("tokens");
        let form = form_of(&seen.lock().expect("lock")[0]);
        assert_eq!(form["grant_type"], "refresh_token");
        assert_eq!(form["refresh_token"], "rt");
        assert_eq!(form["scope"], "openid");
        assert_eq!(form["client_id"], "app:1");
        assert!(!form.contains_key("client_secret"));
    }

    #[test]
    fn client_credentials_and_password_grants() {
        let (client, _) = token_client(Some(ClientAuthMethod::None), 200, TOKENS);
        let request = client
            .client_credentials("order:read user:*")
            .prepare()
            .expect("valid");
        let f = form_of(&request);
        assert_eq!(f["grant_type"], "client_credentials");
        assert_eq!(f["scope"], "order:read user:*");
        assert_eq!(
            f["client_secret"], "se:cret",
            "the app authenticates itself"
        );

        let request = client
            .client_credentials("s")
            .access_key("AK", "SK")
            .prepare()
            .expect("valid");
        let f = form_of(&request);
        assert_eq!(
            (f["client_id"].as_str(), f["client_secret"].as_str()),
            ("AK", "SK")
        );

        let error = client
            .client_credentials(" ")
            .prepare()
            .expect_err("no scope");
        assert!(error.to_string().contains("scope"), "{error}");

        let request = client
            .password(PasswordLogin::Email("ada@example.com".into()), "pw d")
            .prepare()
            .expect("valid");
        let f = form_of(&request);
        assert_eq!(f["grant_type"], "password");
        assert_eq!(f["email"], "ada@example.com");
        assert_eq!(f["password"], "pw d");
        assert_eq!(f["scope"], "openid profile");
        assert!(!f.contains_key("username") && !f.contains_key("phone"));

        let error = client
            .password(PasswordLogin::Username(String::new()), "pw")
            .prepare()
            .expect_err("empty username");
        assert!(error.to_string().contains("username"), "{error}");
        let error = client.exchange_code("").prepare().expect_err("empty code");
        assert!(matches!(error, Error::InvalidArgument(_)));
    }

    #[tokio::test]
    async fn oauth_errors_keep_status_and_body_and_read_back_typed() {
        let (client, _) = token_client(
            None,
            400,
            r#"{"error":"invalid_grant","error_description":"invalid credentials provided"}"#,
        );
        let error = client
            .exchange_code("used-code")
            .await
            .expect_err("refused");
        assert_eq!(error.status(), Some(http::StatusCode::BAD_REQUEST));
        let oauth = OAuthError::from_error(&error).expect("an OAuth error");
        assert_eq!(oauth.kind(), OAuthErrorKind::InvalidGrant);
        assert_eq!(
            oauth.description.as_deref(),
            Some("invalid credentials provided")
        );

        let (client, _) = token_client(None, 200, r#"{"error":"invalid_client"}"#);
        let error = client.refresh("rt").await.expect_err("refused");
        assert!(matches!(error, Error::Decode { .. }), "{error:?}");
        assert_eq!(
            OAuthError::from_error(&error).map(|e| e.kind()),
            Some(OAuthErrorKind::InvalidClient)
        );

        let (client, _) = token_client(None, 200, r#"{"access_token":42}"#);
        let error = client.refresh("rt").await.expect_err("wrong type");
        assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    }
}
