//! SAML 2.0: the URLs of the application's SAML IdP.

use super::client::ProtocolClient;

/// The application's SAML identity provider; from [`ProtocolClient::saml`].
///
/// Authing is the IdP; the service provider redirects (or posts) its `AuthnRequest` to the
/// entry URL, and reads the IdP's certificate and endpoints from the metadata.
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
}
