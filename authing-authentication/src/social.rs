//! The URLs a backend sends a browser to for social and enterprise (OIDC) logins; pure,
//! no I/O: [`AuthenticationClient::social_authorize_url`] and [`enterprise_oidc_authorize_url`].
//!
//! Authing runs the login with the provider and hands the result to the page that opened
//! the URL; a backend then reads the user with its token (for instance with
//! [`with_token`](AuthenticationClient::with_token) and
//! [`get_current_user`](AuthenticationClient::get_current_user)).

use authing_core::Error;
use authing_core::model::{Context, CustomData};
use serde_json::{Map, Value};
use url::Url;

use crate::client::AuthenticationClient;
use crate::protocols::random::random_string;

/// Letters and digits, for `uuid`, `state` and `nonce`.
const ALPHANUMERIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn random_token(length: usize) -> String {
    random_string(ALPHANUMERIC, length)
}

/// The length of the random `uuid` of a social login URL.
const SOCIAL_UUID_CHARS: usize = 20;

/// Options of a social login URL; `Default` is Authing's (OIDC, no identities).
#[derive(Debug, Clone, Default)]
pub struct SocialAuthorizeOptions {
    /// Parameters passed on to the provider's authorize request (`authorization_params`).
    pub authorization_params: Map<String, Value>,
    /// Whether the answer carries the user's identities (`with_identities`).
    pub with_identities: bool,
    /// `oidc` (the default) or another protocol of the application.
    pub protocol: Option<String>,
    /// The login's id; 20 random letters and digits when unset.
    pub uuid: Option<String>,
    /// Context for the pool's pipeline.
    pub context: Option<Context>,
    /// Custom data to store on the user.
    pub custom_data: Option<CustomData>,
    /// The tenant the login is for.
    pub tenant_id: Option<String>,
}

impl<T> AuthenticationClient<T> {
    /// The URL of a social login with `provider` (`github`, `wechat:pc`, `google`, ...):
    /// `{appHost}/connections/social/{provider}?from_guard=1&app_id=..&..`.
    ///
    /// Fails with [`Error::Config`] when the client has no app id, and with
    /// [`Error::InvalidArgument`] when `provider` is empty or holds a `/`.
    ///
    /// ```
    /// # use authing_authentication::AuthenticationClient;
    /// # let transport = authing_core::transport_fn(|_r: http::Request<bytes::Bytes>| async {
    /// #     Ok(http::Response::new(bytes::Bytes::new()))
    /// # });
    /// use authing_authentication::social::SocialAuthorizeOptions;
    ///
    /// let auth = AuthenticationClient::builder()
    ///     .app_id("APP_ID")
    ///     .app_host("https://my-app.authing.cn")
    ///     .transport(transport)
    ///     .build()?;
    /// let url = auth.social_authorize_url("github", SocialAuthorizeOptions::default())?;
    /// assert!(url.starts_with("https://my-app.authing.cn/connections/social/github?from_guard=1&app_id=APP_ID"));
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn social_authorize_url(
        &self,
        provider: &str,
        options: SocialAuthorizeOptions,
    ) -> Result<String, Error> {
        let app_id = self.app_id().ok_or_else(|| {
            Error::config("social_authorize_url needs the client's app id: set .app_id(..)")
        })?;
        if provider.trim().is_empty() || provider.contains('/') {
            return Err(Error::invalid_argument(
                "the social provider is empty or holds a '/': pass its code, such as github",
            ));
        }
        let base = self
            .api()
            .host()
            .join(&format!("/connections/social/{provider}"));
        let mut url = Url::parse(&base).map_err(|e| {
            Error::invalid_argument(format!("the social login URL is invalid: {e}"))
        })?;
        {
            let mut query = url.query_pairs_mut();
            query
                .append_pair("from_guard", "1")
                .append_pair("app_id", app_id)
                .append_pair(
                    "authorization_params",
                    &Value::Object(options.authorization_params).to_string(),
                )
                .append_pair(
                    "with_identities",
                    if options.with_identities { "1" } else { "0" },
                )
                .append_pair("protocol", options.protocol.as_deref().unwrap_or("oidc"));
            let uuid = options
                .uuid
                .unwrap_or_else(|| random_token(SOCIAL_UUID_CHARS));
            query.append_pair("uuid", &uuid);
            if let Some(context) = options.context.filter(|c| !c.0.is_empty()) {
                query.append_pair("context", &Value::Object(context.0).to_string());
            }
            if let Some(tenant_id) = &options.tenant_id {
                query.append_pair("tenant_id", tenant_id);
            }
            if let Some(data) = options.custom_data.filter(|d| !d.0.is_empty()) {
                let map: Map<String, Value> = data.0.into_iter().collect();
                query.append_pair("custom_data", &Value::Object(map).to_string());
            }
        }
        Ok(url.into())
    }
}

/// The OIDC settings of an enterprise identity provider, as the application's public
/// config lists them (`identityProviders[].config`).
#[derive(Debug, Clone)]
pub struct EnterpriseOidcConfig {
    /// The provider's authorize endpoint.
    pub authorization_endpoint: String,
    /// Authing's client id at the provider.
    pub client_id: String,
    /// Where the provider sends the browser back (Authing's callback).
    pub redirect_uri: String,
    /// The scopes asked for; `openid profile email` when empty.
    pub scope: String,
    /// `code` when empty.
    pub response_type: String,
}

/// An enterprise login URL and the values to check on the way back.
#[non_exhaustive]
#[derive(Debug, Clone)]
pub struct EnterpriseAuthorize {
    /// The URL to send the browser to.
    pub url: String,
    /// The `state` it carries (32 characters).
    pub state: String,
    /// The `nonce` it carries (32 characters).
    pub nonce: String,
}

/// The authorize URL of an enterprise OIDC provider, with a fresh `state` and `nonce`.
///
/// ```
/// use authing_authentication::social::{EnterpriseOidcConfig, enterprise_oidc_authorize_url};
///
/// let login = enterprise_oidc_authorize_url(&EnterpriseOidcConfig {
///     authorization_endpoint: "https://idp.example.com/authorize".into(),
///     client_id: "authing".into(),
///     redirect_uri: "https://core.authing.cn/connections/oidc/callback".into(),
///     scope: String::new(),
///     response_type: String::new(),
/// })?;
/// assert!(login.url.contains(&format!("state={}", login.state)));
/// # Ok::<(), authing_core::Error>(())
/// ```
pub fn enterprise_oidc_authorize_url(
    config: &EnterpriseOidcConfig,
) -> Result<EnterpriseAuthorize, Error> {
    let mut url = Url::parse(&config.authorization_endpoint).map_err(|e| {
        Error::invalid_argument(format!("the provider's authorize endpoint is invalid: {e}"))
    })?;
    if config.client_id.trim().is_empty() {
        return Err(Error::invalid_argument("the provider's client id is empty"));
    }
    let state = random_token(32);
    let nonce = random_token(32);
    let or_default = |value: &str, default: &'static str| {
        if value.trim().is_empty() {
            default.to_owned()
        } else {
            value.to_owned()
        }
    };
    url.query_pairs_mut()
        .append_pair("state", &state)
        .append_pair("client_id", &config.client_id)
        .append_pair("redirect_uri", &config.redirect_uri)
        .append_pair("scope", &or_default(&config.scope, "openid profile email"))
        .append_pair("response_type", &or_default(&config.response_type, "code"))
        .append_pair("nonce", &nonce);
    Ok(EnterpriseAuthorize {
        url: url.into(),
        state,
        nonce,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client whose transport fails every call: building URLs makes none.
    fn client() -> AuthenticationClient<impl authing_core::Transport> {
        let transport = authing_core::transport_fn(|_request: http::Request<bytes::Bytes>| async {
            Err(authing_core::TransportError::other(
                "building a URL sends nothing",
            ))
        });
        AuthenticationClient::builder()
            .app_id("app1")
            .app_host("https://my-app.example.com/")
            .transport(transport)
            .build()
            .expect("a client")
    }

    fn query(url: &str) -> Vec<(String, String)> {
        Url::parse(url)
            .expect("a URL")
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    #[test]
    fn social_urls_carry_every_option_in_order() {
        let mut params = Map::new();
        params.insert("prompt".into(), Value::from("consent"));
        let options = SocialAuthorizeOptions {
            authorization_params: params,
            with_identities: true,
            protocol: Some("oauth".into()),
            uuid: Some("u-1".into()),
            context: Some(Context(Map::from_iter([(
                "src".to_owned(),
                Value::from("web"),
            )]))),
            custom_data: Some(CustomData::from([("age", 18)])),
            tenant_id: Some("t1".into()),
        };
        let url = client()
            .social_authorize_url("wechat:pc", options)
            .expect("a URL");
        assert!(
            url.starts_with("https://my-app.example.com/connections/social/wechat:pc?"),
            "{url}"
        );
        let expected: Vec<(String, String)> = [
            ("from_guard", "1"),
            ("app_id", "app1"),
            ("authorization_params", r#"{"prompt":"consent"}"#),
            ("with_identities", "1"),
            ("protocol", "oauth"),
            ("uuid", "u-1"),
            ("context", r#"{"src":"web"}"#),
            ("tenant_id", "t1"),
            ("custom_data", r#"{"age":18}"#),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        assert_eq!(query(&url), expected);
    }

    #[test]
    fn social_defaults_and_bad_providers() {
        let url = client()
            .social_authorize_url("github", SocialAuthorizeOptions::default())
            .expect("a URL");
        let pairs = query(&url);
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(get("protocol").as_deref(), Some("oidc"));
        assert_eq!(get("with_identities").as_deref(), Some("0"));
        assert_eq!(get("authorization_params").as_deref(), Some("{}"));
        let uuid = get("uuid").expect("a uuid");
        assert_eq!(uuid.len(), SOCIAL_UUID_CHARS);
        assert!(uuid.chars().all(|c| c.is_ascii_alphanumeric()), "{uuid}");
        assert_eq!(get("context"), None);
        for bad in ["", " ", "../admin"] {
            let error = client()
                .social_authorize_url(bad, SocialAuthorizeOptions::default())
                .expect_err("refused");
            assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
        }
    }

    #[test]
    fn enterprise_oidc_urls_have_fresh_state_and_nonce() {
        let config = EnterpriseOidcConfig {
            authorization_endpoint: "https://idp.example.com/authorize?tenant=x".into(),
            client_id: "authing".into(),
            redirect_uri: "https://core.example.com/cb".into(),
            scope: String::new(),
            response_type: String::new(),
        };
        let first = enterprise_oidc_authorize_url(&config).expect("a URL");
        let second = enterprise_oidc_authorize_url(&config).expect("a URL");
        assert_ne!(first.state, second.state);
        assert_ne!(first.nonce, first.state);
        assert_eq!(first.state.len(), 32);
        let pairs = query(&first.url);
        assert_eq!(pairs[0], ("tenant".to_owned(), "x".to_owned()));
        assert!(pairs.contains(&("scope".to_owned(), "openid profile email".to_owned())));
        assert!(pairs.contains(&("response_type".to_owned(), "code".to_owned())));
        assert!(pairs.contains(&("nonce".to_owned(), first.nonce.clone())));
        let bad = EnterpriseOidcConfig {
            authorization_endpoint: "not a url".into(),
            ..config
        };
        assert!(enterprise_oidc_authorize_url(&bad).is_err());
    }
}
