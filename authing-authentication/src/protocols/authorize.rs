//! Authorize URLs: where to send the user's browser to log in (OIDC and OAuth 2.0).

use authing_core::Error;

use super::client::ProtocolClient;
use super::endpoints::Protocol;
use super::pkce::PkceChallenge;
use super::random::random_string;
use super::wire::url_with_query;

/// What the authorization endpoint returns to the redirect URI (OIDC Core §3, OAuth 2.0
/// §3.1.1): `code` is the authorization code flow, `id_token` and `id_token token` the
/// implicit flow, the `code ...` combinations the hybrid flow.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResponseType {
    /// `code`: the authorization code flow, the default and the one servers should use.
    #[default]
    Code,
    /// `token`: OAuth 2.0 implicit flow.
    Token,
    /// `id_token`: OIDC implicit flow, id token only.
    IdToken,
    /// `id_token token`: OIDC implicit flow.
    IdTokenToken,
    /// `code id_token`: hybrid flow.
    CodeIdToken,
    /// `code token`: hybrid flow.
    CodeToken,
    /// `code id_token token`: hybrid flow.
    CodeIdTokenToken,
    /// `none`: no credentials, only the redirect (OAuth 2.0 Multiple Response Types §4).
    None,
}

impl ResponseType {
    /// The `response_type` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Token => "token",
            Self::IdToken => "id_token",
            Self::IdTokenToken => "id_token token",
            Self::CodeIdToken => "code id_token",
            Self::CodeToken => "code token",
            Self::CodeIdTokenToken => "code id_token token",
            Self::None => "none",
        }
    }

    /// Whether the answer includes an authorization code.
    pub fn has_code(self) -> bool {
        matches!(
            self,
            Self::Code | Self::CodeIdToken | Self::CodeToken | Self::CodeIdTokenToken
        )
    }

    fn has_id_token(self) -> bool {
        matches!(
            self,
            Self::IdToken | Self::IdTokenToken | Self::CodeIdToken | Self::CodeIdTokenToken
        )
    }
}

/// How the authorization answer reaches the redirect URI.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseMode {
    /// In the query string (the default of the code flow).
    Query,
    /// In the fragment (the default of implicit and hybrid flows).
    Fragment,
    /// As an HTML form posted to the redirect URI.
    FormPost,
}

impl ResponseMode {
    /// The `response_mode` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Query => "query",
            Self::Fragment => "fragment",
            Self::FormPost => "form_post",
        }
    }
}

/// Whether the authorization server shows a login or consent page (OIDC Core §3.1.2.1).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// `none`: no page; fail if the user is not logged in already.
    None,
    /// `login`: ask for credentials even if the user is logged in.
    Login,
    /// `consent`: ask for consent; Authing issues a refresh token in the code flow only then.
    Consent,
    /// `select_account`: let the user pick an account.
    SelectAccount,
}

impl Prompt {
    /// The `prompt` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Login => "login",
            Self::Consent => "consent",
            Self::SelectAccount => "select_account",
        }
    }
}

/// The default scopes of an OIDC authorize URL, as Authing's SDKs send them.
pub const DEFAULT_OIDC_SCOPE: &str = "openid profile email phone address";

/// The default scope of an OAuth 2.0 authorize URL, as Authing's SDKs send it.
pub const DEFAULT_OAUTH_SCOPE: &str = "user";

/// An authorize URL being built; made by [`ProtocolClient::authorize_url`].
#[derive(Debug)]
#[must_use = "call `.build()` to get the URL"]
pub struct AuthorizeUrl<'a, T> {
    client: &'a ProtocolClient<T>,
    response_type: ResponseType,
    response_mode: Option<ResponseMode>,
    scope: Option<String>,
    state: Option<String>,
    nonce: Option<String>,
    prompt: Option<Prompt>,
    redirect_uri: Option<String>,
    challenge: Option<PkceChallenge>,
}

/// A built authorize URL with the `state` and `nonce` it carries: keep both in the user's
/// session, and check them when the browser comes back (`state` against the redirect's,
/// `nonce` against the id token's with
/// [`validate_id_token`](ProtocolClient::validate_id_token)).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Authorization {
    /// The URL to redirect the browser to.
    pub url: String,
    /// The `state` sent: the caller's, or a fresh random one.
    pub state: String,
    /// The `nonce` sent (OIDC only): the caller's, or a fresh random one.
    pub nonce: Option<String>,
}

impl<T> ProtocolClient<T> {
    /// Starts an authorize URL: the code flow with the protocol's default scopes, a random
    /// `state` and (OIDC) `nonce`, and the client's redirect URI unless the call sets one.
    ///
    /// ```
    /// use authing_authentication::protocols::{CodeVerifier, PkceMethod, ProtocolClient};
    /// # let transport = authing_core::transport_fn(|_r: http::Request<bytes::Bytes>| async {
    /// #     Ok(http::Response::new(bytes::Bytes::new()))
    /// # });
    /// let client = ProtocolClient::builder("https://my-app.authing.cn", "APP_ID")
    ///     .redirect_uri("https://my-site.example.com/callback")
    ///     .transport(transport)
    ///     .build()?;
    ///
    /// let verifier = CodeVerifier::random(); // keep it for the code exchange
    /// let authorization = client
    ///     .authorize_url()
    ///     .scope("openid profile offline_access")
    ///     .pkce(verifier.challenge(PkceMethod::S256))
    ///     .build()?;
    /// assert!(authorization.url.starts_with("https://my-app.authing.cn/oidc/auth?client_id=APP_ID"));
    /// assert!(authorization.url.contains("&prompt=consent")); // offline_access needs consent
    /// assert!(authorization.url.contains(&format!("&state={}", authorization.state)));
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn authorize_url(&self) -> AuthorizeUrl<'_, T> {
        AuthorizeUrl {
            client: self,
            response_type: ResponseType::Code,
            response_mode: None,
            scope: None,
            state: None,
            nonce: None,
            prompt: None,
            redirect_uri: None,
            challenge: None,
        }
    }
}

impl<T> AuthorizeUrl<'_, T> {
    /// The response type; default `code`.
    pub fn response_type(mut self, response_type: ResponseType) -> Self {
        self.response_type = response_type;
        self
    }

    /// The response mode; default the server's for the response type.
    pub fn response_mode(mut self, response_mode: ResponseMode) -> Self {
        self.response_mode = Some(response_mode);
        self
    }

    /// Space-separated scopes; default [`DEFAULT_OIDC_SCOPE`] or [`DEFAULT_OAUTH_SCOPE`].
    /// With `offline_access` (OIDC), `prompt=consent` is added unless a prompt is set, as
    /// Authing issues refresh tokens in the code flow only after consent.
    pub fn scope(mut self, scope: impl Into<String>) -> Self {
        self.scope = Some(scope.into());
        self
    }

    /// The `state`; default 32 random alphanumeric characters.
    pub fn state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }

    /// The `nonce` (OIDC); default 32 random alphanumeric characters.
    pub fn nonce(mut self, nonce: impl Into<String>) -> Self {
        self.nonce = Some(nonce.into());
        self
    }

    /// The `prompt`.
    pub fn prompt(mut self, prompt: Prompt) -> Self {
        self.prompt = Some(prompt);
        self
    }

    /// The redirect URI of this request, instead of the client's.
    pub fn redirect_uri(mut self, redirect_uri: impl Into<String>) -> Self {
        self.redirect_uri = Some(redirect_uri.into());
        self
    }

    /// A PKCE challenge (send the verifier with the code exchange).
    pub fn pkce(mut self, challenge: PkceChallenge) -> Self {
        self.challenge = Some(challenge);
        self
    }

    /// The URL, with the `state` and `nonce` it carries.
    ///
    /// Fails with [`Error::InvalidArgument`] when no redirect URI is set, the redirect URI is
    /// not absolute, a PKCE challenge comes with a response type that has no code, an
    /// OIDC-only response type is asked of an OAuth 2.0 client, or a `state`, `nonce` or
    /// scope is empty.
    pub fn build(self) -> Result<Authorization, Error> {
        let client = self.client;
        let oidc = client.protocol() == Protocol::Oidc;
        let redirect_uri = client.redirect_uri(self.redirect_uri.as_deref())?;
        if url::Url::parse(redirect_uri).map_or(true, |u| u.cannot_be_a_base()) {
            return Err(Error::invalid_argument(format!(
                "the redirect URI {redirect_uri:?} is not an absolute URL"
            )));
        }
        if !oidc && self.response_type.has_id_token() {
            return Err(Error::invalid_argument(format!(
                "response type `{}` returns an id token, which only OIDC issues: build the \
                 client with `Protocol::Oidc`",
                self.response_type.as_str()
            )));
        }
        if self.challenge.is_some() && !self.response_type.has_code() {
            return Err(Error::invalid_argument(format!(
                "PKCE protects an authorization code, and response type `{}` returns none",
                self.response_type.as_str()
            )));
        }
        let scope = match self.scope {
            Some(scope) => non_empty(scope, "scope")?,
            None if oidc => DEFAULT_OIDC_SCOPE.to_owned(),
            None => DEFAULT_OAUTH_SCOPE.to_owned(),
        };
        let state = match self.state {
            Some(state) => non_empty(state, "state")?,
            None => random_token(),
        };
        let nonce = match (oidc, self.nonce) {
            (true, Some(nonce)) => Some(non_empty(nonce, "nonce")?),
            (true, None) => Some(random_token()),
            (false, _) => None,
        };
        let offline = scope.split(' ').any(|s| s == "offline_access");
        let prompt = self.prompt.or((oidc && offline).then_some(Prompt::Consent));
        let url = url_with_query(
            client.endpoints().authorize(),
            [
                ("client_id", Some(client.app_id())),
                ("redirect_uri", Some(redirect_uri)),
                ("response_type", Some(self.response_type.as_str())),
                (
                    "response_mode",
                    self.response_mode.map(ResponseMode::as_str),
                ),
                ("scope", Some(scope.as_str())),
                ("state", Some(state.as_str())),
                ("nonce", nonce.as_deref()),
                ("prompt", prompt.map(Prompt::as_str)),
                (
                    "code_challenge",
                    self.challenge.as_ref().map(PkceChallenge::as_str),
                ),
                (
                    "code_challenge_method",
                    self.challenge.as_ref().map(|c| c.method().as_str()),
                ),
            ],
        );
        Ok(Authorization { url, state, nonce })
    }
}

fn non_empty(value: String, what: &str) -> Result<String, Error> {
    if value.trim().is_empty() {
        Err(Error::invalid_argument(format!("the {what} is empty")))
    } else {
        Ok(value)
    }
}

/// 32 alphanumeric characters (about 190 bits) from the operating system's CSPRNG.
pub(crate) fn random_token() -> String {
    random_string(
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocols::{CodeVerifier, PkceMethod};
    use authing_core::{Transport, transport_fn};
    use bytes::Bytes;
    use std::collections::HashMap;

    fn client(protocol: Protocol) -> ProtocolClient<impl Transport> {
        ProtocolClient::builder("https://app.example.com", "app1")
            .protocol(protocol)
            .redirect_uri("https://site.example.com/cb?from=authing")
            .transport(transport_fn(|_r: http::Request<Bytes>| async {
                Ok(http::Response::new(Bytes::new()))
            }))
            .build()
            .expect("valid")
    }

    fn query(url: &str) -> (String, HashMap<String, String>) {
        let url = url::Url::parse(url).expect("a URL");
        let base = format!("{}{}", url.origin().ascii_serialization(), url.path());
        (base, url.query_pairs().into_owned().collect())
    }

    #[test]
    fn oidc_code_flow_with_pkce_has_every_parameter_encoded() {
        let client = client(Protocol::Oidc);
        let verifier = CodeVerifier::random();
        let challenge = verifier.challenge(PkceMethod::S256);
        let authorization = client
            .authorize_url()
            .state("st&ate=1")
            .nonce("n 1")
            .pkce(challenge.clone())
            .build()
            .expect("valid");
        // Spaces as `+`, reserved characters escaped.
        assert!(
            authorization
                .url
                .contains("scope=openid+profile+email+phone+address")
        );
        assert!(authorization.url.contains("state=st%26ate%3D1"));
        assert!(
            authorization
                .url
                .contains("redirect_uri=https%3A%2F%2Fsite.example.com%2Fcb%3Ffrom%3Dauthing")
        );
        let (base, q) = query(&authorization.url);
        assert_eq!(base, "https://app.example.com/oidc/auth");
        assert_eq!(q["client_id"], "app1");
        assert_eq!(
            q["redirect_uri"],
            "https://site.example.com/cb?from=authing"
        );
        assert_eq!(q["response_type"], "code");
        assert_eq!(q["state"], "st&ate=1");
        assert_eq!(q["nonce"], "n 1");
        assert_eq!(q["code_challenge"], challenge.as_str());
        assert_eq!(q["code_challenge_method"], "S256");
        assert!(!q.contains_key("prompt") && !q.contains_key("response_mode"));
        assert_eq!(authorization.state, "st&ate=1");
        assert_eq!(authorization.nonce.as_deref(), Some("n 1"));
    }

    #[test]
    fn offline_access_adds_consent_unless_a_prompt_is_set() {
        let client = client(Protocol::Oidc);
        let a = client
            .authorize_url()
            .scope("openid offline_access")
            .build()
            .expect("valid");
        assert_eq!(query(&a.url).1["prompt"], "consent");
        let a = client
            .authorize_url()
            .scope("openid offline_access")
            .prompt(Prompt::Login)
            .build()
            .expect("valid");
        assert_eq!(query(&a.url).1["prompt"], "login");
        let a = client
            .authorize_url()
            .scope("openid offline_accessible")
            .build()
            .expect("valid");
        assert!(!query(&a.url).1.contains_key("prompt"));
    }

    #[test]
    fn implicit_and_hybrid_response_types() {
        let client = client(Protocol::Oidc);
        for (response_type, wire) in [
            (ResponseType::IdToken, "id_token"),
            (ResponseType::IdTokenToken, "id_token token"),
            (ResponseType::CodeIdToken, "code id_token"),
            (ResponseType::CodeToken, "code token"),
            (ResponseType::CodeIdTokenToken, "code id_token token"),
        ] {
            let a = client
                .authorize_url()
                .response_type(response_type)
                .response_mode(ResponseMode::FormPost)
                .build()
                .expect("valid");
            let q = query(&a.url).1;
            assert_eq!(q["response_type"], wire);
            assert_eq!(q["response_mode"], "form_post");
            assert_eq!(
                q["nonce"].len(),
                32,
                "implicit and hybrid flows need a nonce"
            );
        }
        let error = client
            .authorize_url()
            .response_type(ResponseType::IdToken)
            .pkce(CodeVerifier::random().challenge(PkceMethod::Plain))
            .build()
            .expect_err("no code to protect");
        assert!(error.to_string().contains("PKCE"), "{error}");
    }

    #[test]
    fn oauth_urls_use_oauth_defaults_and_no_nonce() {
        let client = client(Protocol::OAuth2);
        let a = client
            .authorize_url()
            .response_type(ResponseType::Token)
            .build()
            .expect("valid");
        let (base, q) = query(&a.url);
        assert_eq!(base, "https://app.example.com/oauth/auth");
        assert_eq!(q["scope"], "user");
        assert_eq!(q["response_type"], "token");
        assert!(!q.contains_key("nonce") && a.nonce.is_none());
        let error = client
            .authorize_url()
            .response_type(ResponseType::IdToken)
            .build()
            .expect_err("OAuth 2.0 has no id token");
        assert!(error.to_string().contains("OIDC"), "{error}");
    }

    #[test]
    fn random_states_and_nonces_differ_and_bad_input_is_refused() {
        let client = client(Protocol::Oidc);
        let a = client.authorize_url().build().expect("valid");
        let b = client.authorize_url().build().expect("valid");
        assert_ne!(a.state, b.state);
        assert_ne!(a.nonce, b.nonce);
        assert!(a.state.chars().all(|c| c.is_ascii_alphanumeric()));

        for error in [
            client
                .authorize_url()
                .state("")
                .build()
                .expect_err("empty state"),
            client
                .authorize_url()
                .scope(" ")
                .build()
                .expect_err("empty scope"),
            client
                .authorize_url()
                .redirect_uri("cb")
                .build()
                .expect_err("relative"),
        ] {
            assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
        }
        let no_default = ProtocolClient::builder("https://app.example.com", "app1")
            .transport(transport_fn(|_r: http::Request<Bytes>| async {
                Ok(http::Response::new(Bytes::new()))
            }))
            .build()
            .expect("valid");
        let error = no_default
            .authorize_url()
            .build()
            .expect_err("no redirect URI");
        assert!(error.to_string().contains("redirect_uri"), "{error}");
    }
}
