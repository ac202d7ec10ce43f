//! Logout URLs the browser is sent to: OIDC RP-initiated logout (end session) and Authing's
//! hosted-login logout.

use authing_core::{Error, Secret};

use super::client::ProtocolClient;
use super::wire::url_with_query;

/// An OIDC end-session URL being built; made by [`ProtocolClient::end_session_url`].
#[derive(Debug)]
#[must_use = "call `.build()` to get the URL"]
pub struct EndSessionUrl<'a, T> {
    client: &'a ProtocolClient<T>,
    id_token_hint: Option<Secret>,
    post_logout_redirect_uri: Option<String>,
    state: Option<String>,
}

/// A hosted-login logout URL being built; made by
/// [`ProtocolClient::front_channel_logout_url`].
#[derive(Debug)]
#[must_use = "call `.build()` to get the URL"]
pub struct LogoutUrl<'a, T> {
    client: &'a ProtocolClient<T>,
    redirect_uri: Option<String>,
}

impl<T> ProtocolClient<T> {
    /// OIDC RP-initiated logout: `{app_host}/oidc/session/end`, ending the user's Authing
    /// session, then sending the browser to `post_logout_redirect_uri`.
    ///
    /// ```
    /// # use authing_authentication::protocols::ProtocolClient;
    /// # let transport = authing_core::transport_fn(|_r: http::Request<bytes::Bytes>| async {
    /// #     Ok(http::Response::new(bytes::Bytes::new()))
    /// # });
    /// # let client = ProtocolClient::builder("https://my-app.authing.cn", "APP_ID")
    /// #     .transport(transport).build()?;
    /// let url = client
    ///     .end_session_url()
    ///     .id_token_hint("ID_TOKEN")
    ///     .post_logout_redirect_uri("https://my-site.example.com/bye")
    ///     .build()?;
    /// assert_eq!(
    ///     url,
    ///     "https://my-app.authing.cn/oidc/session/end?id_token_hint=ID_TOKEN\
    ///      &post_logout_redirect_uri=https%3A%2F%2Fmy-site.example.com%2Fbye"
    /// );
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn end_session_url(&self) -> EndSessionUrl<'_, T> {
        EndSessionUrl {
            client: self,
            id_token_hint: None,
            post_logout_redirect_uri: None,
            state: None,
        }
    }

    /// The logout of Authing's hosted login pages, `{app_host}/login/profile/logout`: the
    /// front-channel logout that ends the browser's Authing session, then sends it to the
    /// redirect URI, if any.
    pub fn front_channel_logout_url(&self) -> LogoutUrl<'_, T> {
        LogoutUrl {
            client: self,
            redirect_uri: None,
        }
    }
}

impl<T> EndSessionUrl<'_, T> {
    /// The id token the user logged in with, telling Authing whose session ends.
    pub fn id_token_hint(mut self, id_token: impl Into<Secret>) -> Self {
        self.id_token_hint = Some(id_token.into());
        self
    }

    /// Where the browser goes afterwards; needs [`id_token_hint`](Self::id_token_hint).
    pub fn post_logout_redirect_uri(mut self, uri: impl Into<String>) -> Self {
        self.post_logout_redirect_uri = Some(uri.into());
        self
    }

    /// A `state` passed back to the redirect URI.
    pub fn state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }

    /// The URL. Fails with [`Error::InvalidArgument`] when a redirect URI comes without an
    /// id token hint (the server could not tell the redirect is the client's) or is not
    /// absolute.
    pub fn build(self) -> Result<String, Error> {
        if let Some(uri) = &self.post_logout_redirect_uri {
            if self.id_token_hint.is_none() {
                return Err(Error::invalid_argument(
                    "a post-logout redirect URI needs the id token hint: add `.id_token_hint(..)`",
                ));
            }
            check_absolute(uri)?;
        }
        Ok(url_with_query(
            self.client.inner.endpoints.end_session(),
            [
                (
                    "id_token_hint",
                    self.id_token_hint.as_ref().map(Secret::expose),
                ),
                (
                    "post_logout_redirect_uri",
                    self.post_logout_redirect_uri.as_deref(),
                ),
                ("state", self.state.as_deref()),
            ],
        ))
    }
}

impl<T> LogoutUrl<'_, T> {
    /// Where the browser goes afterwards.
    pub fn redirect_uri(mut self, uri: impl Into<String>) -> Self {
        self.redirect_uri = Some(uri.into());
        self
    }

    /// The URL. Fails with [`Error::InvalidArgument`] when the redirect URI is not absolute.
    pub fn build(self) -> Result<String, Error> {
        if let Some(uri) = &self.redirect_uri {
            check_absolute(uri)?;
        }
        Ok(url_with_query(
            self.client.inner.endpoints.hosted_logout(),
            [("redirect_uri", self.redirect_uri.as_deref())],
        ))
    }
}

/// A front-channel logout request Authing made to this application's registered
/// `frontchannel_logout_uri` (OpenID Connect Front-Channel Logout 1.0 §2): end the local
/// session `sid` names (or the user's sessions, without one).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FrontChannelLogout {
    /// The session id, the `sid` claim of the id tokens of the session that ends.
    pub sid: Option<String>,
}

impl<T> ProtocolClient<T> {
    /// Reads the query of a request Authing's logout page made to this application's
    /// front-channel logout URI, checking that `iss`, when present, is this application's
    /// issuer.
    ///
    /// ```
    /// # use authing_authentication::protocols::ProtocolClient;
    /// # let transport = authing_core::transport_fn(|_r: http::Request<bytes::Bytes>| async {
    /// #     Ok(http::Response::new(bytes::Bytes::new()))
    /// # });
    /// # let client = ProtocolClient::builder("https://my-app.authing.cn", "APP_ID")
    /// #     .transport(transport).build()?;
    /// let query = "iss=https%3A%2F%2Fmy-app.authing.cn%2Foidc&sid=s-42";
    /// let logout = client.front_channel_logout_request(query)?;
    /// assert_eq!(logout.sid.as_deref(), Some("s-42"));
    /// assert!(client.front_channel_logout_request("iss=https%3A%2F%2Fevil.example.com&sid=1").is_err());
    /// # Ok::<(), authing_core::Error>(())
    /// ```
    pub fn front_channel_logout_request(&self, query: &str) -> Result<FrontChannelLogout, Error> {
        let mut sid = None;
        for (name, value) in url::form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            match &*name {
                "iss" if value != self.inner.validator.issuer() => {
                    return Err(Error::invalid_argument(format!(
                        "the logout request comes from issuer {:?}, not {:?}",
                        value.chars().take(200).collect::<String>(),
                        self.inner.validator.issuer()
                    )));
                }
                "sid" if !value.is_empty() => sid = Some(value.into_owned()),
                _ => {}
            }
        }
        Ok(FrontChannelLogout { sid })
    }
}

pub(crate) fn check_absolute(uri: &str) -> Result<(), Error> {
    match url::Url::parse(uri) {
        Ok(url) if !url.cannot_be_a_base() => Ok(()),
        _ => Err(Error::invalid_argument(format!(
            "{uri:?} is not an absolute URL such as \"https://my-site.example.com/\""
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use authing_core::{Transport, transport_fn};
    use bytes::Bytes;

    fn client() -> ProtocolClient<impl Transport> {
        ProtocolClient::builder("https://app.example.com", "app1")
            .transport(transport_fn(|_r: http::Request<Bytes>| async {
                Ok(http::Response::new(Bytes::new()))
            }))
            .build()
            .expect("valid")
    }

    #[test]
    fn end_session_urls() {
        let client = client();
        assert_eq!(
            client.end_session_url().build().expect("valid"),
            "https://app.example.com/oidc/session/end"
        );
        assert_eq!(
            client
                .end_session_url()
                .id_token_hint("a.b.c")
                .state("s 1")
                .build()
                .expect("valid"),
            "https://app.example.com/oidc/session/end?id_token_hint=a.b.c&state=s+1"
        );
        let error = client
            .end_session_url()
            .post_logout_redirect_uri("https://site.example.com/")
            .build()
            .expect_err("no hint");
        assert!(error.to_string().contains("id_token_hint"), "{error}");
        let error = client
            .end_session_url()
            .id_token_hint("a.b.c")
            .post_logout_redirect_uri("/bye")
            .build()
            .expect_err("relative");
        assert!(matches!(error, Error::InvalidArgument(_)));
    }

    #[test]
    fn front_channel_logout_urls() {
        let client = client();
        assert_eq!(
            client.front_channel_logout_url().build().expect("valid"),
            "https://app.example.com/login/profile/logout"
        );
        assert_eq!(
            client
                .front_channel_logout_url()
                .redirect_uri("https://site.example.com/?a=1&b=2")
                .build()
                .expect("valid"),
            "https://app.example.com/login/profile/logout?redirect_uri=https%3A%2F%2Fsite.example.com%2F%3Fa%3D1%26b%3D2"
        );
        assert!(
            client
                .front_channel_logout_url()
                .redirect_uri("x")
                .build()
                .is_err()
        );
    }

    #[test]
    fn front_channel_logout_requests_are_checked_for_the_issuer() {
        let client = client();
        let logout = client
            .front_channel_logout_request("?iss=https%3A%2F%2Fapp.example.com%2Foidc&sid=s1")
            .expect("ours");
        assert_eq!(logout.sid.as_deref(), Some("s1"));
        assert_eq!(
            client.front_channel_logout_request("").expect("no iss").sid,
            None
        );
        assert_eq!(
            client
                .front_channel_logout_request("sid=")
                .expect("empty sid")
                .sid,
            None
        );
        let error = client
            .front_channel_logout_request("iss=https%3A%2F%2Fapp.example.com%2Foauth&sid=s1")
            .expect_err("another issuer");
        assert!(error.to_string().contains("issuer"), "{error}");
    }
}
