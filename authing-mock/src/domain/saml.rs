//! The fake as a SAML 2.0 identity provider (issue 9): reading a service provider's
//! `AuthnRequest` (redirect binding: raw DEFLATE + base64; POST binding: base64), and
//! writing the signed `Response` for a logged-in user, plus the IdP metadata.
//!
//! The fake writes the XML itself, so it writes it in canonical form (exclusive XML
//! canonicalization, no whitespace between elements, attributes sorted, every element with
//! an end tag): the bytes it digests are the bytes of the document. The `Assertion` carries
//! an enveloped signature (RSA-SHA256, exclusive c14n) over `Reference URI="#{its ID}"`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest as _, Sha256};

use crate::crypto::random_hex;
use crate::failure::{Code, Failure};
use crate::protocols::Signer;
use crate::store::{ApplicationRecord, UserRecord};

/// The largest `AuthnRequest` the fake inflates.
const MAX_REQUEST: usize = 64 << 10;
/// How long an assertion may be presented: 5 minutes by the fake's clock.
pub(crate) const ASSERTION_SECS: i64 = 300;

const NS_PROTOCOL: &str = "urn:oasis:names:tc:SAML:2.0:protocol";
const NS_ASSERTION: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
const NS_METADATA: &str = "urn:oasis:names:tc:SAML:2.0:metadata";
const NS_DSIG: &str = "http://www.w3.org/2000/09/xmldsig#";
const EXC_C14N: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
const BINDING_REDIRECT: &str = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const BINDING_POST: &str = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
const NAMEID_EMAIL: &str = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
const NAMEID_UNSPECIFIED: &str = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

/// What the service provider asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AuthnRequest {
    /// The request's `ID`, answered in `InResponseTo`.
    pub(crate) id: String,
    /// The SP's entity id (`Issuer`): the assertion's audience.
    pub(crate) issuer: String,
    /// Where the response is posted (`AssertionConsumerServiceURL`).
    pub(crate) acs_url: String,
}

/// Whom a response is for and where it goes: the answer to an [`AuthnRequest`], or an
/// IdP-initiated login sent to the application's default ACS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Addressee {
    /// The request answered (`InResponseTo`); none for an IdP-initiated login.
    pub(crate) in_response_to: Option<String>,
    /// The service provider's entity id: the assertion's audience.
    pub(crate) audience: String,
    /// Where the response is posted: `Destination` and `Recipient`.
    pub(crate) acs_url: String,
}

impl From<AuthnRequest> for Addressee {
    fn from(request: AuthnRequest) -> Self {
        Self {
            in_response_to: Some(request.id),
            audience: request.issuer,
            acs_url: request.acs_url,
        }
    }
}

impl Addressee {
    /// An IdP-initiated login through `app`: to its default ACS, for its audience (the ACS
    /// URL when no audience is set, as the SP's entity id is unknown then); 7348 when the
    /// application is not a SAML IdP with a default ACS.
    pub(crate) fn idp_initiated(app: &ApplicationRecord) -> Result<Self, Failure> {
        let settings = &app.saml;
        let acs_url = settings
            .acs
            .as_ref()
            .filter(|_| settings.enabled)
            .ok_or(Code::SamlAppNotFound)?;
        Ok(Self {
            in_response_to: None,
            audience: settings.audience.clone().unwrap_or_else(|| acs_url.clone()),
            acs_url: acs_url.clone(),
        })
    }
}

/// How the `SAMLRequest` parameter arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Binding {
    /// `GET` with `SAMLRequest` = base64(raw DEFLATE(xml)).
    Redirect,
    /// A posted form with `SAMLRequest` = base64(xml).
    Post,
}

impl AuthnRequest {
    /// Decodes and reads a `SAMLRequest` parameter; `Err` says what is wrong.
    pub(crate) fn decode(encoded: &str, binding: Binding) -> Result<Self, String> {
        let compact: String = encoded.split_whitespace().collect();
        let bytes = STANDARD
            .decode(compact)
            .map_err(|_| "SAMLRequest is not base64".to_owned())?;
        let xml = match binding {
            Binding::Post => bytes,
            Binding::Redirect => {
                miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_REQUEST)
                    .map_err(|_| "SAMLRequest is not DEFLATE-compressed".to_owned())?
            }
        };
        let xml = String::from_utf8(xml).map_err(|_| "SAMLRequest is not UTF-8".to_owned())?;
        Self::parse(&xml)
    }

    /// Reads an `AuthnRequest` document.
    pub(crate) fn parse(xml: &str) -> Result<Self, String> {
        let document = roxmltree::Document::parse(xml)
            .map_err(|_| "SAMLRequest is not well-formed XML".to_owned())?;
        let root = document.root_element();
        if root.tag_name().namespace() != Some(NS_PROTOCOL)
            || root.tag_name().name() != "AuthnRequest"
        {
            return Err("SAMLRequest is not an AuthnRequest".to_owned());
        }
        let id = root
            .attribute("ID")
            .filter(|id| !id.is_empty())
            .ok_or("the AuthnRequest has no ID")?;
        let issuer = root
            .children()
            .find(|node| node.has_tag_name((NS_ASSERTION, "Issuer")))
            .and_then(|node| node.text())
            .map(str::trim)
            .filter(|issuer| !issuer.is_empty())
            .ok_or("the AuthnRequest has no Issuer")?;
        let acs_url = root
            .attribute("AssertionConsumerServiceURL")
            .ok_or("the AuthnRequest has no AssertionConsumerServiceURL")?;
        let acs = url::Url::parse(acs_url)
            .ok()
            .filter(|url| matches!(url.scheme(), "http" | "https"))
            .ok_or("AssertionConsumerServiceURL must be an absolute http(s) URL")?;
        Ok(Self {
            id: id.to_owned(),
            issuer: issuer.to_owned(),
            acs_url: acs.to_string(),
        })
    }
}

/// Text content in canonical form (C14N §2.3: `&`, `<`, `>`, CR escaped).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
    out
}

/// An attribute value in canonical form (`&`, `<`, `"`, TAB, LF, CR escaped).
fn attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
    out
}

/// `xs:dateTime` in UTC, to the second.
fn instant(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A user field as text, when it is set.
fn user_field(user: &UserRecord, name: &str) -> Option<String> {
    match user.fields.get(name)? {
        serde_json::Value::String(value) if !value.is_empty() => Some(value.clone()),
        serde_json::Value::Number(value) => Some(value.to_string()),
        _ => None,
    }
}

/// The IdP's entity id (and single-sign-on URL) for application `app_id`.
pub(crate) fn entity_id(origin: &str, app_id: &str) -> String {
    format!("{}/api/v2/saml-idp/{app_id}", origin.trim_end_matches('/'))
}

/// The signed `Response` (its XML) for `user` to `to`, issued by `idp` at `now`.
/// `certificate` is the signing key's X.509 certificate (DER), carried in `KeyInfo`.
pub(crate) fn response(
    signer: &Signer,
    certificate: &[u8],
    idp: &str,
    to: &Addressee,
    user: &UserRecord,
    now: DateTime<Utc>,
) -> Result<String, String> {
    let response_id = format!("_{}", random_hex(20));
    let assertion_id = format!("_{}", random_hex(20));
    let issued = instant(now);
    // Canonical attribute order puts `InResponseTo` first of both elements that carry it.
    let in_response_to = to
        .in_response_to
        .as_deref()
        .map(|id| format!(" InResponseTo=\"{}\"", attr(id)))
        .unwrap_or_default();
    let expires = instant(now + Duration::seconds(ASSERTION_SECS));
    let (name_id, format) = match user_field(user, "email") {
        Some(email) => (email, NAMEID_EMAIL),
        None => (user.id.clone(), NAMEID_UNSPECIFIED),
    };
    let attributes: String = [
        ("id", Some(user.id.clone())),
        ("email", user_field(user, "email")),
        ("username", user_field(user, "username")),
        ("phone", user_field(user, "phone")),
        ("name", user_field(user, "name")),
        ("nickname", user_field(user, "nickname")),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some((name, value?)))
    .map(|(name, value)| {
        format!(
            "<saml:Attribute Name=\"{name}\" \
             NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">\
             <saml:AttributeValue>{}</saml:AttributeValue></saml:Attribute>",
            text(&value)
        )
    })
    .collect();
    let issuer = format!("<saml:Issuer>{}</saml:Issuer>", text(idp));
    // Everything after the Issuer; the signature goes between (the schema's order).
    let body = format!(
        "<saml:Subject>\
         <saml:NameID Format=\"{format}\">{name_id}</saml:NameID>\
         <saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">\
         <saml:SubjectConfirmationData{in_response_to} \
         NotOnOrAfter=\"{expires}\" Recipient=\"{acs}\"></saml:SubjectConfirmationData>\
         </saml:SubjectConfirmation></saml:Subject>\
         <saml:Conditions NotBefore=\"{issued}\" NotOnOrAfter=\"{expires}\">\
         <saml:AudienceRestriction><saml:Audience>{audience}</saml:Audience>\
         </saml:AudienceRestriction></saml:Conditions>\
         <saml:AuthnStatement AuthnInstant=\"{issued}\" SessionIndex=\"{session}\">\
         <saml:AuthnContext><saml:AuthnContextClassRef>\
         urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport\
         </saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>\
         <saml:AttributeStatement>{attributes}</saml:AttributeStatement>",
        name_id = text(&name_id),
        acs = attr(&to.acs_url),
        audience = text(&to.audience),
        session = assertion_id,
    );
    let open = format!(
        "<saml:Assertion xmlns:saml=\"{NS_ASSERTION}\" ID=\"{assertion_id}\" \
         IssueInstant=\"{issued}\" Version=\"2.0\">"
    );
    // The enveloped-signature transform removes the Signature: digest the rest.
    let unsigned = format!("{open}{issuer}{body}</saml:Assertion>");
    let digest = STANDARD.encode(Sha256::digest(unsigned.as_bytes()));
    let signed_info_inner = format!(
        "<ds:CanonicalizationMethod Algorithm=\"{EXC_C14N}\"></ds:CanonicalizationMethod>\
         <ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\">\
         </ds:SignatureMethod>\
         <ds:Reference URI=\"#{assertion_id}\"><ds:Transforms>\
         <ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\">\
         </ds:Transform><ds:Transform Algorithm=\"{EXC_C14N}\"></ds:Transform></ds:Transforms>\
         <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\">\
         </ds:DigestMethod><ds:DigestValue>{digest}</ds:DigestValue></ds:Reference>"
    );
    // SignedInfo alone, canonicalised, declares the `ds` namespace it uses.
    let signed_info_c14n =
        format!("<ds:SignedInfo xmlns:ds=\"{NS_DSIG}\">{signed_info_inner}</ds:SignedInfo>");
    let signature_value = STANDARD.encode(signer.sign_bytes(signed_info_c14n.as_bytes())?);
    let signature = format!(
        "<ds:Signature xmlns:ds=\"{NS_DSIG}\"><ds:SignedInfo>{signed_info_inner}</ds:SignedInfo>\
         <ds:SignatureValue>{signature_value}</ds:SignatureValue>\
         <ds:KeyInfo><ds:X509Data><ds:X509Certificate>{certificate}</ds:X509Certificate>\
         </ds:X509Data></ds:KeyInfo></ds:Signature>",
        certificate = STANDARD.encode(certificate),
    );
    let assertion = format!("{open}{issuer}{signature}{body}</saml:Assertion>");
    Ok(format!(
        "<samlp:Response xmlns:saml=\"{NS_ASSERTION}\" xmlns:samlp=\"{NS_PROTOCOL}\" \
         Destination=\"{acs}\" ID=\"{response_id}\"{in_response_to} \
         IssueInstant=\"{issued}\" Version=\"2.0\">{issuer}\
         <samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\">\
         </samlp:StatusCode></samlp:Status>{assertion}</samlp:Response>",
        acs = attr(&to.acs_url),
    ))
}

/// The IdP metadata of `idp` (its entity id and single-sign-on URL) with the signing
/// certificate (DER).
pub(crate) fn metadata(idp: &str, certificate: &[u8]) -> String {
    let idp = attr(idp);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <md:EntityDescriptor xmlns:md=\"{NS_METADATA}\" entityID=\"{idp}\">\
         <md:IDPSSODescriptor WantAuthnRequestsSigned=\"false\" \
         protocolSupportEnumeration=\"{NS_PROTOCOL}\">\
         <md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"{NS_DSIG}\"><ds:X509Data>\
         <ds:X509Certificate>{certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\
         </md:KeyDescriptor>\
         <md:NameIDFormat>{NAMEID_EMAIL}</md:NameIDFormat>\
         <md:NameIDFormat>{NAMEID_UNSPECIFIED}</md:NameIDFormat>\
         <md:SingleSignOnService Binding=\"{BINDING_REDIRECT}\" Location=\"{idp}\"/>\
         <md:SingleSignOnService Binding=\"{BINDING_POST}\" Location=\"{idp}\"/>\
         </md:IDPSSODescriptor></md:EntityDescriptor>\n",
        certificate = STANDARD.encode(certificate),
    )
}

/// The certificate (DER) as PEM: base64 in lines of 64, between the `CERTIFICATE` markers.
pub(crate) fn pem(certificate: &[u8]) -> String {
    let encoded = STANDARD.encode(certificate);
    let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
    // Base64 is ASCII, so every 64-byte chunk is valid UTF-8.
    for line in encoded.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str("-----END CERTIFICATE-----\n");
    out
}

/// The certificate's fingerprint: SHA-256 of the DER, as upper-case hex pairs joined by
/// colons (what `openssl x509 -fingerprint -sha256` prints after the `=`). Authing names
/// the endpoint only; SHA-256 rather than SHA-1 because SHA-1 is broken for collisions,
/// and service providers that pin a fingerprint (ruby-saml, Shibboleth, ...) take SHA-256.
pub(crate) fn fingerprint(certificate: &[u8]) -> String {
    Sha256::digest(certificate)
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    const REQUEST: &str = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" \
        xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_req1\" Version=\"2.0\" \
        AssertionConsumerServiceURL=\"https://sp.example.com/acs\">\
        <saml:Issuer>https://sp.example.com</saml:Issuer></samlp:AuthnRequest>";

    #[test]
    fn reads_both_bindings_and_refuses_bad_requests() {
        let expected = AuthnRequest {
            id: "_req1".into(),
            issuer: "https://sp.example.com".into(),
            acs_url: "https://sp.example.com/acs".into(),
        };
        let posted = STANDARD.encode(REQUEST);
        assert_eq!(
            AuthnRequest::decode(&posted, Binding::Post),
            Ok(expected.clone())
        );
        let deflated =
            STANDARD.encode(miniz_oxide::deflate::compress_to_vec(REQUEST.as_bytes(), 6));
        assert_eq!(
            AuthnRequest::decode(&deflated, Binding::Redirect),
            Ok(expected)
        );
        assert!(AuthnRequest::decode(&posted, Binding::Redirect).is_err());
        assert!(AuthnRequest::decode("%%%", Binding::Post).is_err());
        assert!(AuthnRequest::parse("<a/>").is_err());
        let no_acs = REQUEST.replace("AssertionConsumerServiceURL", "X");
        assert!(AuthnRequest::parse(&no_acs).is_err());
        let ftp = REQUEST.replace("https://sp.example.com/acs", "ftp://x/acs");
        assert!(AuthnRequest::parse(&ftp).is_err());
    }

    #[test]
    fn idp_initiated_needs_an_enabled_app_with_a_default_acs() {
        let pool = crate::store::Pool::random();
        let app = pool
            .applications
            .iter()
            .next()
            .expect("the default app")
            .clone();
        let refused = |app: &ApplicationRecord| {
            Addressee::idp_initiated(app).map_err(|failure| failure.code())
        };
        assert_eq!(refused(&app), Err(Code::SamlAppNotFound));
        let mut app = app;
        app.saml.acs = Some("https://sp.example.com/acs".into());
        assert_eq!(refused(&app), Err(Code::SamlAppNotFound), "not enabled");
        app.saml.enabled = true;
        assert_eq!(
            Addressee::idp_initiated(&app).map_err(|failure| failure.code()),
            Ok(Addressee {
                in_response_to: None,
                audience: "https://sp.example.com/acs".into(),
                acs_url: "https://sp.example.com/acs".into(),
            }),
            "the audience defaults to the ACS URL"
        );
        app.saml.audience = Some("urn:sp".into());
        assert_eq!(
            Addressee::idp_initiated(&app).map(|to| to.audience).ok(),
            Some("urn:sp".to_owned())
        );
        app.saml.acs = None;
        assert_eq!(refused(&app), Err(Code::SamlAppNotFound), "no default ACS");
    }

    #[test]
    fn pem_and_fingerprint() {
        let der: Vec<u8> = (0..=255u8).collect();
        let pem = pem(&der);
        let lines: Vec<&str> = pem.lines().collect();
        assert_eq!(lines.first(), Some(&"-----BEGIN CERTIFICATE-----"));
        assert_eq!(lines.last(), Some(&"-----END CERTIFICATE-----"));
        let body = &lines[1..lines.len() - 1];
        assert!(body.iter().all(|line| line.len() <= 64));
        assert!(body[..body.len() - 1].iter().all(|line| line.len() == 64));
        assert_eq!(STANDARD.decode(body.concat()).expect("base64"), der);
        // SHA-256("abc"), FIPS 180-2's first example.
        assert_eq!(
            fingerprint(b"abc"),
            "BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:\
             B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD"
        );
    }

    #[test]
    fn canonical_escapes() {
        assert_eq!(text("a&b<c>d\re\"f"), "a&amp;b&lt;c&gt;d&#xD;e\"f");
        assert_eq!(attr("a&b<c>\"\t\n\r"), "a&amp;b&lt;c>&quot;&#x9;&#xA;&#xD;");
    }
}
