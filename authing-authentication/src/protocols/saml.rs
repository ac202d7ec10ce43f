//! SAML 2.0: the URLs of the application's SAML IdP.

use super::client::ProtocolClient;

/// The application's SAML identity provider; from [`ProtocolClient::saml`].
///
/// Authing is the IdP; the service provider redirects (or posts) its `AuthnRequest` to the
/// entry URL, and reads the IdP's certificate and endpoints from the metadata. A login can
/// also start at the IdP ([`idp_initiated_url`](Self::idp_initiated_url)): the response
/// then goes to the application's default ACS URL.
///
/// ```
/// # use authing_authentication::protocols::ProtocolClient;
/// # let transport = authing_core::transport_fn(|_r: http::Request<bytes::Bytes>| async {
/// #     Ok(http::Response::new(bytes::Bytes::new()))
/// # });
/// # let client = ProtocolClient::builder("https://my-app.authing.cn", "APP_ID")
/// #     .transport(transport).build()?;
/// let saml = client.saml();
/// assert_eq!(saml.entry_url(), "https://my-app.authing.cn/api/v2/saml-idp/APP_ID");
/// assert_eq!(saml.metadata_url(), "https://my-app.authing.cn/api/v2/saml-idp/APP_ID/metadata");
/// assert_eq!(
///     saml.idp_initiated_url(Some("/inbox?tab=new")),
///     "https://my-app.authing.cn/api/v2/saml-idp/APP_ID/init?RelayState=%2Finbox%3Ftab%3Dnew",
/// );
/// assert_eq!(saml.cert_url(), "https://my-app.authing.cn/api/v2/saml-idp/APP_ID/cert");
/// assert_eq!(
///     saml.cert_fingerprint_url(),
///     "https://my-app.authing.cn/api/v2/saml-idp/APP_ID/cert/fingerprint",
/// );
/// # Ok::<(), authing_core::Error>(())
/// ```
#[derive(Debug)]
pub struct Saml<'a, T> {
    client: &'a ProtocolClient<T>,
}

impl<T> ProtocolClient<T> {
    /// The application's SAML IdP URLs.
    pub fn saml(&self) -> Saml<'_, T> {
        Saml { client: self }
    }
}

impl<T> Saml<'_, T> {
    /// The SP-initiated entry, `{app_host}/api/v2/saml-idp/{app_id}`: the IdP's
    /// single-sign-on service for the redirect (`GET` with `SAMLRequest`, `RelayState`) and
    /// POST bindings.
    pub fn entry_url(&self) -> &str {
        self.client.inner.endpoints.saml_idp()
    }

    /// The IdP metadata, `{app_host}/api/v2/saml-idp/{app_id}/metadata`.
    pub fn metadata_url(&self) -> String {
        format!("{}/metadata", self.entry_url())
    }

    /// IdP-initiated login, `{app_host}/api/v2/saml-idp/{app_id}/init[?RelayState=..]`:
    /// the user logs in at Authing, which posts an unsolicited response (no
    /// `InResponseTo`) with `relay_state` to the application's default ACS URL (an
    /// application setting). `relay_state` is form-encoded into the query.
    pub fn idp_initiated_url(&self, relay_state: Option<&str>) -> String {
        let init = format!("{}/init", self.entry_url());
        match relay_state {
            None => init,
            Some(relay_state) => {
                let query = url::form_urlencoded::Serializer::new(String::new())
                    .append_pair("RelayState", relay_state)
                    .finish();
                format!("{init}?{query}")
            }
        }
    }

    /// The IdP's signing certificate (PEM), `{app_host}/api/v2/saml-idp/{app_id}/cert`.
    pub fn cert_url(&self) -> String {
        format!("{}/cert", self.entry_url())
    }

    /// The signing certificate's fingerprint,
    /// `{app_host}/api/v2/saml-idp/{app_id}/cert/fingerprint`.
    pub fn cert_fingerprint_url(&self) -> String {
        format!("{}/cert/fingerprint", self.entry_url())
    }
}
