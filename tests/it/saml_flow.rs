//! The fake as a SAML 2.0 IdP, over every transport: the metadata and its certificate,
//! SP-initiated login (redirect binding: DEFLATE + base64; POST binding) through the login
//! form, and the signed response posted to the ACS, checked here as a service provider
//! would: exclusive c14n (written below, from the parsed tree), the Assertion's digest, the
//! RSA-SHA256 signature with the metadata's certificate, audience, recipient, times. Then
//! IdP-initiated login (`/init`) to the application's default ACS, verified with the
//! certificate from `/cert` (whose `/cert/fingerprint` is checked against its DER).

use authing_authentication::protocols::ProtocolClient;
use authing_core::Secret;
use authing_core::model::CreateUserInput;
use authing_tests::{Env, each_transport};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use bytes::Bytes;
use rsa::pkcs8::DecodePublicKey as _;
use rsa::traits::PublicKeyParts as _;
use sha2::Digest as _;

const SP: &str = "https://sp.example.com/saml";
const ACS: &str = "https://sp.example.com/saml/acs";
const DSIG: &str = "http://www.w3.org/2000/09/xmldsig#";
const ASSERTION: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
const PROTOCOL: &str = "urn:oasis:names:tc:SAML:2.0:protocol";

async fn send(env: &Env, request: http::Request<Bytes>) -> http::Response<Bytes> {
    env.transport.send(request).await.expect("transport")
}

fn get(url: &str) -> http::Request<Bytes> {
    http::Request::get(url).body(Bytes::new()).expect("request")
}

fn post_form(url: &str, pairs: &[(&str, &str)]) -> http::Request<Bytes> {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    http::Request::post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Bytes::from(body))
        .expect("request")
}

fn authn_request(id: &str) -> String {
    format!(
        "<samlp:AuthnRequest xmlns:samlp=\"{PROTOCOL}\" xmlns:saml=\"{ASSERTION}\" ID=\"{id}\" \
         Version=\"2.0\" IssueInstant=\"2026-01-01T00:00:00Z\" \
         AssertionConsumerServiceURL=\"{ACS}\" \
         ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">\
         <saml:Issuer>{SP}</saml:Issuer></samlp:AuthnRequest>"
    )
}

/// Exclusive XML canonicalization (without comments) of `node`'s subtree, leaving out the
/// element `skip` (the enveloped-signature transform): namespace declarations where a
/// prefix is first used, attributes sorted, end tags always, text and values re-escaped.
fn exc_c14n(node: roxmltree::Node<'_, '_>, skip: Option<roxmltree::NodeId>) -> String {
    fn walk(
        node: roxmltree::Node<'_, '_>,
        skip: Option<roxmltree::NodeId>,
        rendered: &[(String, String)],
        out: &mut String,
    ) {
        if node.is_text() {
            let text = node.text().unwrap_or("");
            out.push_str(
                &text
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('\r', "&#xD;"),
            );
            return;
        }
        if !node.is_element() || Some(node.id()) == skip {
            return;
        }
        let name = node.tag_name();
        let namespace = name.namespace().expect("SAML elements are namespaced");
        let prefix = node.lookup_prefix(namespace).expect("a prefix");
        assert!(
            !prefix.is_empty(),
            "no default namespaces in SAML responses"
        );
        let qname = format!("{prefix}:{}", name.name());
        let mut scope = rendered.to_vec();
        out.push('<');
        out.push_str(&qname);
        if !scope.iter().any(|(p, ns)| p == prefix && ns == namespace) {
            scope.retain(|(p, _)| p != prefix);
            scope.push((prefix.to_owned(), namespace.to_owned()));
            out.push_str(&format!(" xmlns:{prefix}=\"{namespace}\""));
        }
        let mut attributes: Vec<(&str, &str)> = node
            .attributes()
            .map(|a| {
                assert!(a.namespace().is_none(), "unqualified attributes only");
                (a.name(), a.value())
            })
            .collect();
        attributes.sort();
        for (name, value) in attributes {
            let value = value
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('"', "&quot;")
                .replace('\t', "&#x9;")
                .replace('\n', "&#xA;")
                .replace('\r', "&#xD;");
            out.push_str(&format!(" {name}=\"{value}\""));
        }
        out.push('>');
        for child in node.children() {
            walk(child, skip, &scope, out);
        }
        out.push_str(&format!("</{qname}>"));
    }
    let mut out = String::new();
    walk(node, skip, &[], &mut out);
    out
}

/// The next DER element of `data`: (tag, the whole element, its content, the rest).
fn der(data: &[u8]) -> (u8, &[u8], &[u8], &[u8]) {
    let tag = data[0];
    let (length, header) = match data[1] {
        short if short < 0x80 => (usize::from(short), 2),
        long => {
            let count = usize::from(long & 0x7f);
            let length = data[2..2 + count]
                .iter()
                .fold(0usize, |n, b| (n << 8) | usize::from(*b));
            (length, 2 + count)
        }
    };
    let end = header + length;
    (tag, &data[..end], &data[header..end], &data[end..])
}

/// The RSA public key (JWK `n`, `e`, base64url) of an X.509 certificate (DER).
fn certificate_key(certificate: &[u8]) -> (String, String) {
    let (_, _, certificate, _) = der(certificate);
    let (_, _, tbs, _) = der(certificate);
    let mut rest = tbs;
    if rest[0] == 0xa0 {
        rest = der(rest).3; // version
    }
    for _ in 0..5 {
        rest = der(rest).3; // serial, signature algorithm, issuer, validity, subject
    }
    let (_, spki, _, _) = der(rest);
    let key = rsa::RsaPublicKey::from_public_key_der(spki).expect("an RSA key");
    (
        URL_SAFE_NO_PAD.encode(key.n().to_bytes_be()),
        URL_SAFE_NO_PAD.encode(key.e().to_bytes_be()),
    )
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, ns: &str, name: &str) -> roxmltree::Node<'a, 'i> {
    node.children()
        .find(|c| c.has_tag_name((ns, name)))
        .unwrap_or_else(|| panic!("no {name} in {}", node.tag_name().name()))
}

fn descendant<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    ns: &str,
    name: &str,
) -> roxmltree::Node<'a, 'i> {
    node.descendants()
        .find(|c| c.has_tag_name((ns, name)))
        .unwrap_or_else(|| panic!("no {name}"))
}

/// Verifies the Assertion's enveloped signature with the certificate `(n, e)`, as a
/// service provider does; `Err` says which check failed.
fn verify_signature(xml: &str, key: &(String, String)) -> Result<(), String> {
    let document = roxmltree::Document::parse(xml).map_err(|e| e.to_string())?;
    let assertion = descendant(document.root_element(), ASSERTION, "Assertion");
    let signature = child(assertion, DSIG, "Signature");
    let signed_info = child(signature, DSIG, "SignedInfo");
    let reference = child(signed_info, DSIG, "Reference");
    let id = assertion.attribute("ID").ok_or("no ID")?;
    if reference.attribute("URI") != Some(&format!("#{id}")) {
        return Err("the reference is not to the assertion".into());
    }
    let digest = STANDARD.encode(sha2::Sha256::digest(
        exc_c14n(assertion, Some(signature.id())).as_bytes(),
    ));
    let expected = child(reference, DSIG, "DigestValue").text().unwrap_or("");
    if digest != expected {
        return Err("the assertion's digest does not match".into());
    }
    let signature_value = STANDARD
        .decode(
            child(signature, DSIG, "SignatureValue")
                .text()
                .unwrap_or(""),
        )
        .map_err(|e| e.to_string())?;
    let decoding = jsonwebtoken::DecodingKey::from_rsa_components(&key.0, &key.1)
        .map_err(|e| e.to_string())?;
    let valid = jsonwebtoken::crypto::verify(
        &URL_SAFE_NO_PAD.encode(signature_value),
        exc_c14n(signed_info, None).as_bytes(),
        &decoding,
        jsonwebtoken::Algorithm::RS256,
    )
    .map_err(|e| e.to_string())?;
    if valid {
        Ok(())
    } else {
        Err("the signature does not verify".into())
    }
}

/// The hidden field `name` of an auto-posting page.
fn hidden(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = start + html[start..].find('"')?;
    Some(html[start..end].replace("&amp;", "&"))
}

/// The SAML response of an answer that auto-posts it to the ACS (200), with `relay_state`
/// beside it: the response's XML.
fn posted_response(answer: &http::Response<Bytes>, relay_state: &str) -> String {
    assert_eq!(answer.status(), 200);
    let html = String::from_utf8_lossy(answer.body()).into_owned();
    assert!(
        html.contains(&format!("<form method=\"post\" action=\"{ACS}\">")),
        "{html}"
    );
    assert_eq!(hidden(&html, "RelayState").as_deref(), Some(relay_state));
    let xml = STANDARD
        .decode(hidden(&html, "SAMLResponse").expect("a SAMLResponse"))
        .expect("base64");
    String::from_utf8(xml).expect("utf-8")
}

/// Creates the user `name` (password `passw0rd!`, email `name@example.com`) and answers a
/// protocol client of the pool's application.
async fn user_and_client(env: &Env, name: &str) -> ProtocolClient<authing_tests::DynTransport> {
    env.management()
        .users()
        .create(CreateUserInput {
            username: Some(name.into()),
            email: Some(format!("{name}@example.com")),
            password: Some(Secret::from("passw0rd!")),
            ..Default::default()
        })
        .send()
        .await
        .unwrap_or_else(|e| panic!("create {name}: {e}"));
    ProtocolClient::builder(env.pool.app_host.clone(), env.pool.app_id.clone())
        .transport(env.transport.clone())
        .build()
        .expect("client")
}

async fn sp_initiated_login(env: Env) {
    let client = user_and_client(&env, "alice").await;
    let saml = client.saml();

    // The metadata: the entity id, the SSO service, the signing certificate.
    let metadata = send(&env, get(&saml.metadata_url())).await;
    assert_eq!(metadata.status(), 200);
    let metadata = String::from_utf8(metadata.body().to_vec()).expect("utf-8");
    let metadata_doc = roxmltree::Document::parse(&metadata).expect("metadata XML");
    let root = metadata_doc.root_element();
    assert_eq!(root.attribute("entityID"), Some(saml.entry_url()));
    let sso = descendant(
        root,
        "urn:oasis:names:tc:SAML:2.0:metadata",
        "SingleSignOnService",
    );
    assert_eq!(sso.attribute("Location"), Some(saml.entry_url()));
    let certificate = descendant(root, DSIG, "X509Certificate")
        .text()
        .expect("a certificate")
        .to_owned();
    let key = certificate_key(&STANDARD.decode(&certificate).expect("base64 DER"));

    // The redirect binding: the login page, then its form posted back with credentials.
    let deflated = miniz_oxide::deflate::compress_to_vec(authn_request("_req-1").as_bytes(), 6);
    let saml_request = STANDARD.encode(deflated);
    let relay_state = "back/to?page=1&x";
    let entry = url::Url::parse_with_params(
        saml.entry_url(),
        [("SAMLRequest", &*saml_request), ("RelayState", relay_state)],
    )
    .expect("url");
    let page = send(&env, get(entry.as_str())).await;
    assert_eq!(page.status(), 200);
    let page = String::from_utf8_lossy(page.body()).into_owned();
    assert!(page.contains("name=\"password\""), "{page}");
    assert!(page.contains("name=\"SAMLRequest\""), "{page}");

    let form = [
        ("SAMLRequest", saml_request.as_str()),
        ("RelayState", relay_state),
        ("username", "alice"),
        ("password", "wrong"),
    ];
    let refused = send(&env, post_form(saml.entry_url(), &form)).await;
    assert_eq!(refused.status(), 401);
    assert!(!String::from_utf8_lossy(refused.body()).contains("SAMLResponse"));

    let form = [
        ("SAMLRequest", saml_request.as_str()),
        ("RelayState", relay_state),
        ("username", "alice"),
        ("password", "passw0rd!"),
    ];
    let answer = send(&env, post_form(saml.entry_url(), &form)).await;
    let xml = posted_response(&answer, relay_state);

    verify_signature(&xml, &key).expect("the signature verifies with the metadata's key");
    let document = roxmltree::Document::parse(&xml).expect("XML");
    let response = document.root_element();
    assert!(response.has_tag_name((PROTOCOL, "Response")));
    assert_eq!(response.attribute("Destination"), Some(ACS));
    assert_eq!(response.attribute("InResponseTo"), Some("_req-1"));
    assert_eq!(
        descendant(response, PROTOCOL, "StatusCode").attribute("Value"),
        Some("urn:oasis:names:tc:SAML:2.0:status:Success")
    );
    let assertion = child(response, ASSERTION, "Assertion");
    assert_eq!(
        child(assertion, ASSERTION, "Issuer").text(),
        Some(saml.entry_url())
    );
    let embedded = descendant(child(assertion, DSIG, "Signature"), DSIG, "X509Certificate");
    assert_eq!(embedded.text(), Some(certificate.as_str()));
    assert_eq!(
        descendant(assertion, ASSERTION, "NameID").text(),
        Some("alice@example.com")
    );
    let confirmation = descendant(assertion, ASSERTION, "SubjectConfirmationData");
    assert_eq!(confirmation.attribute("Recipient"), Some(ACS));
    assert_eq!(confirmation.attribute("InResponseTo"), Some("_req-1"));
    assert_eq!(
        descendant(assertion, ASSERTION, "Audience").text(),
        Some(SP)
    );
    let conditions = child(assertion, ASSERTION, "Conditions");
    let time = |name: &str| {
        chrono::DateTime::parse_from_rfc3339(conditions.attribute(name).expect(name))
            .expect("xs:dateTime")
    };
    let now = env.mock.now();
    assert!(time("NotBefore") <= now && now < time("NotOnOrAfter"));
    let attribute = |name: &str| {
        assertion
            .descendants()
            .find(|n| n.has_tag_name((ASSERTION, "Attribute")) && n.attribute("Name") == Some(name))
            .map(|n| {
                descendant(n, ASSERTION, "AttributeValue")
                    .text()
                    .unwrap_or("")
                    .to_owned()
            })
    };
    assert_eq!(attribute("email").as_deref(), Some("alice@example.com"));
    assert_eq!(attribute("username").as_deref(), Some("alice"));
    assert_eq!(attribute("phone"), None, "alice has no phone");

    // A changed assertion no longer verifies; nor does another application's key.
    let tampered = xml.replace(">alice@example.com<", ">mallory@example.com<");
    assert_ne!(tampered, xml);
    let error = verify_signature(&tampered, &key).expect_err("tampered");
    assert!(error.contains("digest"), "{error}");
    let other = env.mock.create_pool();
    let other_metadata = send(
        &env,
        get(&format!(
            "{}/api/v2/saml-idp/{}/metadata",
            env.pool.app_host, other.app_id
        )),
    )
    .await;
    let other_metadata = String::from_utf8(other_metadata.body().to_vec()).expect("utf-8");
    let other_doc = roxmltree::Document::parse(&other_metadata).expect("XML");
    let other_certificate = descendant(other_doc.root_element(), DSIG, "X509Certificate")
        .text()
        .expect("certificate");
    let other_key = certificate_key(&STANDARD.decode(other_certificate).expect("DER"));
    assert_ne!(other_key, key, "a key per application");
    let error = verify_signature(&xml, &other_key).expect_err("another key");
    assert!(error.contains("signature"), "{error}");

    // The POST binding: the SP posts a plain base64 request, the fake shows its login page.
    let posted = STANDARD.encode(authn_request("_req-2"));
    let page = send(
        &env,
        post_form(saml.entry_url(), &[("SAMLRequest", posted.as_str())]),
    )
    .await;
    assert_eq!(page.status(), 200);
    assert!(String::from_utf8_lossy(page.body()).contains("name=\"password\""));

    // Refused: a broken request, an unknown application.
    let broken = send(
        &env,
        get(&format!(
            "{}?SAMLRequest=bm90LWRlZmxhdGU%3D",
            saml.entry_url()
        )),
    )
    .await;
    assert_eq!(broken.status(), 400);
    let unknown = send(
        &env,
        get(&format!(
            "{}/api/v2/saml-idp/no-such-app/metadata",
            env.pool.app_host
        )),
    )
    .await;
    assert_eq!(unknown.status(), 404);
}

/// The DER of a PEM certificate.
fn pem_der(pem: &str) -> Vec<u8> {
    let lines: Vec<&str> = pem.lines().collect();
    assert_eq!(lines.first(), Some(&"-----BEGIN CERTIFICATE-----"), "{pem}");
    assert_eq!(lines.last(), Some(&"-----END CERTIFICATE-----"), "{pem}");
    let body = &lines[1..lines.len() - 1];
    assert!(body.iter().all(|line| line.len() <= 64), "{pem}");
    STANDARD.decode(body.concat()).expect("base64 DER")
}

/// The Authing error body of a refused IdP-initiated login.
fn refused_code(answer: &http::Response<Bytes>) -> i64 {
    assert_eq!(answer.status(), 400);
    let body: serde_json::Value = serde_json::from_slice(answer.body()).expect("a JSON error");
    body["code"].as_i64().expect("a code")
}

/// IdP-initiated login: refused (Authing's 7348) until the application is a SAML IdP with a
/// default ACS; then the login page without a `SAMLRequest`, and a signed response with no
/// `InResponseTo`, for the configured audience, posted to the default ACS with the
/// `RelayState`, verifying with the certificate `/cert` serves.
async fn idp_initiated_login(env: Env) {
    let client = user_and_client(&env, "bob").await;
    let saml = client.saml();
    let relay_state = "/inbox?tab=new&x=1";
    let init = saml.idp_initiated_url(Some(relay_state));
    assert_eq!(
        init,
        format!(
            "{}/init?RelayState=%2Finbox%3Ftab%3Dnew%26x%3D1",
            saml.entry_url()
        )
    );
    assert_eq!(
        saml.idp_initiated_url(None),
        format!("{}/init", saml.entry_url())
    );
    let credentials = [
        ("RelayState", relay_state),
        ("username", "bob"),
        ("password", "passw0rd!"),
    ];

    // Not a SAML IdP yet: refused, whether the page or the login is asked for.
    let refused = send(&env, get(&init)).await;
    assert_eq!(
        refused_code(&refused),
        authing_core::codes::SAML_APP_NOT_FOUND
    );
    let refused = send(&env, post_form(&saml.idp_initiated_url(None), &credentials)).await;
    assert_eq!(
        refused_code(&refused),
        authing_core::codes::SAML_APP_NOT_FOUND
    );

    // The administrator makes the application a SAML IdP with a default ACS.
    let app_path = format!("/api/v2/applications/{}", env.pool.app_id);
    let updated: serde_json::Value = env
        .management()
        .rest(
            http::Method::POST,
            &app_path,
            Some(&serde_json::json!({
                "samlProviderEnabled": true,
                "samlConfig": { "acs": ACS, "settings": { "audience": SP } },
            })),
        )
        .await
        .expect("update the application");
    assert_eq!(updated["samlProviderEnabled"], true);
    assert_eq!(updated["samlConfig"]["acs"], ACS);
    assert_eq!(updated["samlConfig"]["settings"]["audience"], SP);
    let error = env
        .management()
        .rest::<serde_json::Value>(
            http::Method::POST,
            &app_path,
            Some(&serde_json::json!({ "samlConfig": { "acs": "not a url" } })),
        )
        .await
        .expect_err("an ACS that is no URL");
    assert_eq!(
        error.code(),
        Some(authing_core::codes::INVALID_PARAMS),
        "{error}"
    );

    // The certificate (PEM) is the metadata's, and its fingerprint is SHA-256 of the DER.
    let pem = send(&env, get(&saml.cert_url())).await;
    assert_eq!(pem.status(), 200);
    let der = pem_der(std::str::from_utf8(pem.body()).expect("utf-8"));
    let metadata = send(&env, get(&saml.metadata_url())).await;
    let metadata = String::from_utf8(metadata.body().to_vec()).expect("utf-8");
    let metadata_doc = roxmltree::Document::parse(&metadata).expect("metadata XML");
    let in_metadata = descendant(metadata_doc.root_element(), DSIG, "X509Certificate")
        .text()
        .expect("a certificate");
    assert_eq!(STANDARD.decode(in_metadata).expect("DER"), der);
    let fingerprint = send(&env, get(&saml.cert_fingerprint_url())).await;
    assert_eq!(fingerprint.status(), 200);
    let expected: Vec<String> = sha2::Sha256::digest(&der)
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect();
    assert_eq!(
        std::str::from_utf8(fingerprint.body()).expect("utf-8"),
        expected.join(":")
    );
    let key = certificate_key(&der);

    // The login page: no SAMLRequest, the RelayState carried, posted back to /init.
    let page = send(&env, get(&init)).await;
    assert_eq!(page.status(), 200);
    let page = String::from_utf8_lossy(page.body()).into_owned();
    assert!(page.contains("name=\"password\""), "{page}");
    assert!(!page.contains("SAMLRequest"), "{page}");
    let action = url::Url::parse(&saml.idp_initiated_url(None)).expect("url");
    assert!(
        page.contains(&format!("action=\"{}\"", action.path())),
        "{page}"
    );
    assert_eq!(hidden(&page, "RelayState").as_deref(), Some(relay_state));

    let wrong = [
        ("RelayState", relay_state),
        ("username", "bob"),
        ("password", "wrong"),
    ];
    let refused = send(&env, post_form(&saml.idp_initiated_url(None), &wrong)).await;
    assert_eq!(refused.status(), 401);
    assert!(!String::from_utf8_lossy(refused.body()).contains("SAMLResponse"));

    let answer = send(&env, post_form(&saml.idp_initiated_url(None), &credentials)).await;
    let xml = posted_response(&answer, relay_state);
    verify_signature(&xml, &key).expect("the signature verifies with /cert's key");
    let document = roxmltree::Document::parse(&xml).expect("XML");
    let response = document.root_element();
    assert_eq!(response.attribute("Destination"), Some(ACS));
    assert_eq!(response.attribute("InResponseTo"), None, "unsolicited");
    let assertion = child(response, ASSERTION, "Assertion");
    let confirmation = descendant(assertion, ASSERTION, "SubjectConfirmationData");
    assert_eq!(confirmation.attribute("InResponseTo"), None, "unsolicited");
    assert_eq!(confirmation.attribute("Recipient"), Some(ACS));
    assert_eq!(
        descendant(assertion, ASSERTION, "Audience").text(),
        Some(SP)
    );
    assert_eq!(
        descendant(assertion, ASSERTION, "NameID").text(),
        Some("bob@example.com")
    );
    let tampered = xml.replace(">bob@example.com<", ">mallory@example.com<");
    assert_ne!(tampered, xml);
    assert!(verify_signature(&tampered, &key).is_err(), "tampered");

    // Switched off again: refused. Unknown applications: 404.
    let _: serde_json::Value = env
        .management()
        .rest(
            http::Method::POST,
            &app_path,
            Some(&serde_json::json!({ "samlProviderEnabled": false })),
        )
        .await
        .expect("update the application");
    let refused = send(&env, post_form(&saml.idp_initiated_url(None), &credentials)).await;
    assert_eq!(
        refused_code(&refused),
        authing_core::codes::SAML_APP_NOT_FOUND
    );
    for path in ["init", "cert", "cert/fingerprint"] {
        let unknown = send(
            &env,
            get(&format!(
                "{}/api/v2/saml-idp/no-such-app/{path}",
                env.pool.app_host
            )),
        )
        .await;
        assert_eq!(unknown.status(), 404, "{path}");
    }
}

each_transport!(sp_initiated_login, idp_initiated_login);
