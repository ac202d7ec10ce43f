//! [`Endpoints`]: the protocol URLs of one Authing application, computed once.

use authing_core::{BaseUrl, Error};

/// Which family of endpoints token, userinfo, introspection and revocation calls use.
///
/// Authing serves OIDC under `{app_host}/oidc/...` and plain OAuth 2.0 under
/// `{app_host}/oauth/...`; an application enables one or both.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Protocol {
    /// OpenID Connect (`/oidc/...`), the default: id tokens, nonce, end-session.
    #[default]
    Oidc,
    /// OAuth 2.0 (`/oauth/...`): access tokens only.
    OAuth2,
}

impl Protocol {
    /// The path segment of this protocol's endpoints: `oidc` or `oauth`.
    pub fn path_segment(self) -> &'static str {
        match self {
            Self::Oidc => "oidc",
            Self::OAuth2 => "oauth",
        }
    }
}

/// The protocol URLs of one Authing application.
///
/// Everything is derived from the application's host (`https://my-app.authing.cn`) and id
/// once, when the [`ProtocolClient`](super::ProtocolClient) is built:
///
/// ```
/// use authing_authentication::protocols::{Endpoints, Protocol};
///
/// let endpoints = Endpoints::new("https://my-app.authing.cn", "APP_ID", Protocol::Oidc)?;
/// assert_eq!(endpoints.issuer(), "https://my-app.authing.cn/oidc");
/// assert_eq!(endpoints.token(), "https://my-app.authing.cn/oidc/token");
/// assert_eq!(endpoints.jwks(), "https://my-app.authing.cn/oidc/.well-known/jwks.json");
/// assert_eq!(endpoints.saml_idp(), "https://my-app.authing.cn/api/v2/saml-idp/APP_ID");
/// # Ok::<(), authing_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    host: BaseUrl,
    issuer: String,
    discovery: String,
    jwks: String,
    authorize: String,
    token: String,
    userinfo: String,
    introspection: String,
    revocation: String,
    end_session: String,
    validate_token: String,
    hosted_logout: String,
    cas: String,
    saml_idp: String,
}

impl Endpoints {
    /// The endpoints of application `app_id` served at `app_host`, for `protocol`.
    ///
    /// Fails with [`Error::Config`] when `app_host` is not an absolute http(s) URL or
    /// `app_id` is empty.
    pub fn new(app_host: &str, app_id: &str, protocol: Protocol) -> Result<Self, Error> {
        let host = BaseUrl::parse(app_host)
            .map_err(|e| Error::config(format!("the application host: {}", strip_config(e))))?;
        if app_id.trim().is_empty() {
            return Err(Error::config(
                "the app id is empty: pass the id of the application (Authing console, \
                 Applications, the application's page)",
            ));
        }
        let app_id = path_segment(app_id);
        let p = protocol.path_segment();
        Ok(Self {
            issuer: host.join(&format!("/{p}")),
            // Discovery, JWKS and end-session exist for OIDC only; OAuth 2.0 apps share them.
            discovery: host.join("/oidc/.well-known/openid-configuration"),
            jwks: host.join("/oidc/.well-known/jwks.json"),
            authorize: host.join(&format!("/{p}/auth")),
            token: host.join(&format!("/{p}/token")),
            userinfo: host.join(&format!("/{p}/me")),
            introspection: host.join(&format!("/{p}/token/introspection")),
            revocation: host.join(&format!("/{p}/token/revocation")),
            end_session: host.join("/oidc/session/end"),
            validate_token: host.join("/api/v2/oidc/validate_token"),
            hosted_logout: host.join("/login/profile/logout"),
            cas: host.join(&format!("/cas-idp/{app_id}")),
            saml_idp: host.join(&format!("/api/v2/saml-idp/{app_id}")),
            host,
        })
    }

    /// The application host, without a trailing slash.
    pub fn host(&self) -> &BaseUrl {
        &self.host
    }

    /// The issuer tokens carry in `iss`: `{app_host}/oidc` (or `/oauth`).
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// OIDC discovery: `{app_host}/oidc/.well-known/openid-configuration`.
    pub fn discovery(&self) -> &str {
        &self.discovery
    }

    /// The application's signing keys: `{app_host}/oidc/.well-known/jwks.json`.
    pub fn jwks(&self) -> &str {
        &self.jwks
    }

    /// The authorization endpoint: `{app_host}/oidc/auth` (or `/oauth/auth`).
    pub fn authorize(&self) -> &str {
        &self.authorize
    }

    /// The token endpoint: `{app_host}/oidc/token` (or `/oauth/token`).
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The userinfo endpoint: `{app_host}/oidc/me` (or `/oauth/me`).
    pub fn userinfo(&self) -> &str {
        &self.userinfo
    }

    /// The introspection endpoint: `{app_host}/oidc/token/introspection` (or `/oauth/...`).
    pub fn introspection(&self) -> &str {
        &self.introspection
    }

    /// The revocation endpoint: `{app_host}/oidc/token/revocation` (or `/oauth/...`).
    pub fn revocation(&self) -> &str {
        &self.revocation
    }

    /// OIDC RP-initiated logout: `{app_host}/oidc/session/end`.
    pub fn end_session(&self) -> &str {
        &self.end_session
    }

    /// Authing's online token check: `{app_host}/api/v2/oidc/validate_token`.
    pub fn validate_token(&self) -> &str {
        &self.validate_token
    }

    /// The hosted login page's logout: `{app_host}/login/profile/logout`.
    pub fn hosted_logout(&self) -> &str {
        &self.hosted_logout
    }

    /// The CAS server of the application: `{app_host}/cas-idp/{app_id}`.
    pub fn cas(&self) -> &str {
        &self.cas
    }

    /// The SAML IdP of the application: `{app_host}/api/v2/saml-idp/{app_id}`.
    pub fn saml_idp(&self) -> &str {
        &self.saml_idp
    }
}

/// `Error::Config("invalid configuration: x")` → `x`, to prefix it with context.
fn strip_config(error: Error) -> String {
    match error {
        Error::Config(message) => message,
        other => other.to_string(),
    }
}

/// `value` percent-encoded for use as one path segment.
pub(crate) fn path_segment(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes())
        .collect::<String>()
        // form encoding writes a space as `+`, which a path would read literally.
        .replace('+', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oauth_endpoints_live_under_oauth_but_keys_under_oidc() {
        let e =
            Endpoints::new("https://app.example.com/", "app1", Protocol::OAuth2).expect("valid");
        assert_eq!(e.issuer(), "https://app.example.com/oauth");
        assert_eq!(e.authorize(), "https://app.example.com/oauth/auth");
        assert_eq!(e.token(), "https://app.example.com/oauth/token");
        assert_eq!(e.userinfo(), "https://app.example.com/oauth/me");
        assert_eq!(
            e.introspection(),
            "https://app.example.com/oauth/token/introspection"
        );
        assert_eq!(
            e.revocation(),
            "https://app.example.com/oauth/token/revocation"
        );
        assert_eq!(
            e.jwks(),
            "https://app.example.com/oidc/.well-known/jwks.json"
        );
        assert_eq!(e.cas(), "https://app.example.com/cas-idp/app1");
    }

    #[test]
    fn bad_hosts_and_ids_are_config_errors_that_say_what_is_wrong() {
        let error =
            Endpoints::new("my-app.authing.cn", "app1", Protocol::Oidc).expect_err("no scheme");
        assert!(
            matches!(&error, Error::Config(m) if m.contains("application host")),
            "{error}"
        );
        let error =
            Endpoints::new("https://a.example.com", " ", Protocol::Oidc).expect_err("empty id");
        assert!(
            matches!(&error, Error::Config(m) if m.contains("app id")),
            "{error}"
        );
    }

    #[test]
    fn app_ids_are_encoded_as_path_segments() {
        let e = Endpoints::new("https://a.example.com", "a b/c", Protocol::Oidc).expect("valid");
        assert_eq!(
            e.saml_idp(),
            "https://a.example.com/api/v2/saml-idp/a%20b%2Fc"
        );
    }
}
