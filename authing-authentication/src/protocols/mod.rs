//! Authing's standard protocols for one application: OpenID Connect, OAuth 2.0 (with PKCE),
//! CAS and SAML.
//!
//! [`ProtocolClient`] is built from the application's host and id, an optional secret and a
//! [`Transport`](authing_core::Transport). It builds URLs the browser is sent to (authorize,
//! logout, CAS login, SAML entry), calls the application's endpoints (token grants, userinfo,
//! introspection, revocation, Authing's online token check, CAS ticket validation), and
//! validates id tokens and access tokens locally.
//!
//! Every call that talks to Authing is a request value with a pure `prepare()` returning the
//! `http::Request<Bytes>` it would send, and a `send()` over the client's transport;
//! awaiting the request sends it. Client secrets, code verifiers, tickets and tokens are
//! [`Secret`](authing_core::Secret)s, never printed.
//!
//! | What | Call |
//! |---|---|
//! | Log a user in (browser) | [`authorize_url`](ProtocolClient::authorize_url), [`CodeVerifier`], then [`exchange_code`](ProtocolClient::exchange_code) |
//! | Other grants | [`refresh`](ProtocolClient::refresh), [`client_credentials`](ProtocolClient::client_credentials), [`password`](ProtocolClient::password) |
//! | Ask about a token | [`userinfo`](ProtocolClient::userinfo), [`introspect`](ProtocolClient::introspect), [`validate_id_token_online`](ProtocolClient::validate_id_token_online) |
//! | Check a token locally | [`validate_id_token`](ProtocolClient::validate_id_token), [`validate_access_token`](ProtocolClient::validate_access_token) |
//! | End a token or session | [`revoke`](ProtocolClient::revoke), [`end_session_url`](ProtocolClient::end_session_url), [`front_channel_logout_url`](ProtocolClient::front_channel_logout_url); answering Authing's [`front_channel_logout_request`](ProtocolClient::front_channel_logout_request) |
//! | CAS and SAML | [`cas`](ProtocolClient::cas), [`saml`](ProtocolClient::saml) |
//! | What the provider supports | [`discovery`](ProtocolClient::discovery), [`jwks`](ProtocolClient::jwks) |
//!
//! Failed calls are [`authing_core::Error`]s; an OAuth `{error, error_description}` answer
//! keeps its status and body in [`Error::Http`](authing_core::Error::Http), read back typed
//! with [`OAuthError::from_error`]. Local validation fails with a [`ValidationError`] that
//! tells a bad token (answer 401) from unreachable keys (answer 503).
//!
//! # A backend validating its callers' id tokens locally
//!
//! Build one client at start-up and share it (it is an `Arc`). The first validation fetches
//! the application's signing keys; later ones are pure computation, until a token names a
//! key the cache does not have, which refetches the keys at most once per
//! [`jwks_refresh_interval`](ProtocolClientBuilder::jwks_refresh_interval).
//!
//! ```
//! use authing_authentication::protocols::ProtocolClient;
//! use authing_core::Transport;
//!
//! /// What a request handler answers, from the caller's `Authorization` header.
//! async fn who_is_calling(
//!     client: &ProtocolClient<impl Transport>,
//!     authorization: Option<&str>,
//! ) -> Result<String, (u16, String)> {
//!     let token = authorization
//!         .and_then(|h| h.strip_prefix("Bearer "))
//!         .ok_or((401, "no bearer token".to_owned()))?;
//!     match client.validate_id_token(token).await {
//!         Ok(claims) => Ok(claims.sub),
//!         Err(e) if e.is_token_rejected() => Err((401, e.to_string())),
//!         Err(e) => Err((503, format!("cannot check tokens now: {e}"))),
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), authing_core::Error> {
//! # // No Authing here: canned (empty) signing keys, and an application that signs id
//! # // tokens with HS256, so this example can mint one with the app secret.
//! # let transport = authing_core::transport_fn(|_r: http::Request<bytes::Bytes>| async {
//! #     Ok(http::Response::new(bytes::Bytes::from_static(br#"{"keys":[]}"#)))
//! # });
//! let client = ProtocolClient::builder("https://my-app.authing.cn", "APP_ID")
//!     .secret("APP_SECRET")
//!     .id_token_algorithm(authing_authentication::protocols::SigningAlgorithm::Hs256)
//!     .transport(transport) // e.g. authing_transport_reqwest::ReqwestTransport::new()?
//!     .build()?;
//! # let now = std::time::SystemTime::now()
//! #     .duration_since(std::time::UNIX_EPOCH).expect("after 1970").as_secs();
//! # let claims = serde_json::json!({
//! #     "iss": "https://my-app.authing.cn/oidc", "aud": "APP_ID", "sub": "user-1",
//! #     "iat": now, "exp": now + 3600,
//! # });
//! # let id_token = jsonwebtoken::encode(
//! #     &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
//! #     &claims,
//! #     &jsonwebtoken::EncodingKey::from_secret(b"APP_SECRET"),
//! # ).expect("signs");
//!
//! let header = format!("Bearer {id_token}"); // a caller's id token, issued by Authing
//! assert_eq!(who_is_calling(&client, Some(&header)).await, Ok("user-1".to_owned()));
//!
//! // The same token with its signature altered.
//! let (signed, signature) = header.rsplit_once('.').expect("a JWS");
//! let flipped = if signature.starts_with('A') { 'B' } else { 'A' };
//! let forged = format!("{signed}.{flipped}{}", &signature[1..]);
//! assert_eq!(who_is_calling(&client, Some(&forged)).await.unwrap_err().0, 401);
//! assert_eq!(who_is_calling(&client, None).await.unwrap_err().0, 401);
//! # Ok(())
//! # }
//! ```

/// `impl IntoFuture` for a request type whose `send(self)` returns `Result<$output, Error>`,
/// so `.await` on the request sends it.
macro_rules! send_on_await {
    ($request:ident => $output:ty) => {
        impl<'a, T: ::authing_core::Transport + 'a> ::std::future::IntoFuture for $request<'a, T> {
            type Output = ::std::result::Result<$output, ::authing_core::Error>;
            type IntoFuture = ::std::pin::Pin<
                ::std::boxed::Box<dyn ::std::future::Future<Output = Self::Output> + Send + 'a>,
            >;

            fn into_future(self) -> Self::IntoFuture {
                ::std::boxed::Box::pin(self.send())
            }
        }
    };
}
use send_on_await;

mod authorize;
mod cas;
mod claims;
mod client;
mod discovery;
mod endpoints;
mod introspection;
mod jwks;
mod logout;
mod oauth_error;
mod online;
mod pkce;
pub(crate) mod random;
mod revocation;
mod saml;
mod token;
mod userinfo;
mod validate;
mod wire;

pub use authorize::{
    Authorization, AuthorizeUrl, DEFAULT_OAUTH_SCOPE, DEFAULT_OIDC_SCOPE, Prompt, ResponseMode,
    ResponseType,
};
pub use cas::{
    Cas, CasAttributes, CasAuthentication, CasFailure, CasFailureCode, CasFormat, CasLoginUrl,
    CasServiceValidateRequest, CasValidateRequest, CasValidation,
};
pub use claims::{AccessTokenClaims, Address, Audience, IdTokenClaims, UserInfo};
pub use client::{ProtocolClient, ProtocolClientBuilder};
pub use discovery::{DiscoveryRequest, ProviderMetadata};
pub use endpoints::{Endpoints, Protocol};
pub use introspection::{Introspection, IntrospectionRequest, TokenTypeHint};
pub use jwks::{Jwk, Jwks, JwksRequest};
pub use logout::{EndSessionUrl, FrontChannelLogout, LogoutUrl};
pub use oauth_error::{OAuthError, OAuthErrorKind};
pub use online::OnlineValidationRequest;
pub use pkce::{CodeVerifier, PkceChallenge, PkceMethod};
pub use revocation::RevocationRequest;
pub use saml::Saml;
pub use token::{PasswordLogin, TokenRequest, TokenResponse};
pub use userinfo::UserInfoRequest;
pub use validate::{HashClaim, SigningAlgorithm, ValidateIdToken, ValidationError};
pub use wire::ClientAuthMethod;
