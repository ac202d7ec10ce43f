use super::*;
use authing_core::transport_fn;
use std::collections::HashMap;

/// A client whose transport answers every request with `status` and `answer`, checking the
/// request's path and query.
fn cas_client(
    path: &'static str,
    status: u16,
    answer: &'static str,
) -> ProtocolClient<impl Transport> {
    ProtocolClient::builder("https://app.example.com", "app1")
        .transport(transport_fn(
            move |request: http::Request<Bytes>| async move {
                assert_eq!(request.method(), Method::GET);
                assert_eq!(request.uri().path(), path);
                let query: HashMap<String, String> =
                    url::form_urlencoded::parse(request.uri().query().unwrap_or("").as_bytes())
                        .into_owned()
                        .collect();
                assert_eq!(query["service"], "https://site.example.com/cas?x=1");
                assert_eq!(query["ticket"], "ST-1");
                Ok(http::Response::builder()
                    .status(status)
                    .body(Bytes::from_static(answer.as_bytes()))
                    .expect("valid"))
            },
        ))
        .build()
        .expect("valid")
}

const SERVICE: &str = "https://site.example.com/cas?x=1";

const XML_SUCCESS: &str = r#"<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationSuccess>
    <cas:user>ada</cas:user>
    <cas:attributes>
      <cas:authenticationDate>2026-11-26T15:00:00Z</cas:authenticationDate>
      <cas:longTermAuthenticationRequestTokenUsed>false</cas:longTermAuthenticationRequestTokenUsed>
      <cas:isFromNewLogin>true</cas:isFromNewLogin>
      <cas:sub>u1</cas:sub>
      <cas:email>ada@example.com</cas:email>
      <cas:email_verified>true</cas:email_verified>
      <cas:phone_number_verified>false</cas:phone_number_verified>
      <cas:address>
        <cas:country>CN</cas:country>
        <cas:formatted>1 Main St</cas:formatted>
      </cas:address>
      <cas:memberOf>admins</cas:memberOf>
      <cas:memberOf>staff</cas:memberOf>
    </cas:attributes>
  </cas:authenticationSuccess>
</cas:serviceResponse>"#;

#[tokio::test]
async fn service_validate_xml_success_types_the_attributes() {
    let client = cas_client("/cas-idp/app1/serviceValidate", 200, XML_SUCCESS);
    let outcome = client
        .cas()
        .service_validate("ST-1", SERVICE)
        .await
        .expect("answer");
    let CasValidation::Success(auth) = outcome else {
        panic!("expected a success, got {outcome:?}");
    };
    assert_eq!(auth.user, "ada");
    let a = &auth.attributes;
    assert_eq!(a.sub.as_deref(), Some("u1"));
    assert_eq!(a.email.as_deref(), Some("ada@example.com"));
    assert_eq!(a.email_verified, Some(true));
    assert_eq!(a.phone_number_verified, Some(false));
    assert_eq!(a.is_from_new_login, Some(true));
    assert_eq!(a.long_term_authentication_request_token_used, Some(false));
    assert_eq!(
        a.authentication_date.as_deref(),
        Some("2026-11-26T15:00:00Z")
    );
    let address = a.address.as_ref().expect("address");
    assert_eq!(address.country.as_deref(), Some("CN"));
    assert_eq!(address.formatted.as_deref(), Some("1 Main St"));
    assert_eq!(a.other["memberOf"], ["admins", "staff"]);
    assert_eq!(auth.proxy_granting_ticket, None);
}

#[tokio::test]
async fn service_validate_xml_failure_is_a_typed_outcome() {
    let client = cas_client(
        "/cas-idp/app1/serviceValidate",
        200,
        r#"<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
             <cas:authenticationFailure code="INVALID_TICKET">
               Ticket ST-1 not recognized
             </cas:authenticationFailure>
           </cas:serviceResponse>"#,
    );
    let failure = client
        .cas()
        .service_validate("ST-1", SERVICE)
        .await
        .expect("answer")
        .into_result()
        .expect_err("a failure");
    assert_eq!(failure.code, CasFailureCode::InvalidTicket);
    // The ticket the server quoted is redacted: tickets are one-time credentials.
    assert_eq!(failure.description, "Ticket ST-[redacted] not recognized");
    assert!(!failure.to_string().contains("ST-1") && !format!("{failure:?}").contains("ST-1"));
}

#[tokio::test]
async fn service_validate_json_success_and_failure() {
    let client = cas_client(
        "/cas-idp/app1/serviceValidate",
        200,
        r#"{"serviceResponse":{"authenticationSuccess":{"user":"ada","attributes":{
            "sub":"u1","phone_number":"+86 100","phone_number_verified":true,
            "address":{"country":"CN","postal_code":"100000","region":"BJ"},
            "roles":["a","b"],"loginsCount":3,"tenant":{"id":"t1"}}}}}"#,
    );
    let request = client
        .cas()
        .service_validate("ST-1", SERVICE)
        .format(CasFormat::Json);
    assert!(
        request
            .prepare()
            .expect("valid")
            .uri()
            .query()
            .is_some_and(|q| q.ends_with("&format=JSON"))
    );
    let auth = request
        .await
        .expect("answer")
        .into_result()
        .expect("success");
    assert_eq!(auth.user, "ada");
    assert_eq!(auth.attributes.phone_number.as_deref(), Some("+86 100"));
    assert_eq!(auth.attributes.phone_number_verified, Some(true));
    let address = auth.attributes.address.as_ref().expect("address");
    assert_eq!(address.postal_code.as_deref(), Some("100000"));
    assert_eq!(address.region.as_deref(), Some("BJ"));
    assert_eq!(auth.attributes.other["roles"], ["a", "b"]);
    assert_eq!(auth.attributes.other["loginsCount"], ["3"]);
    assert_eq!(auth.attributes.other["tenant.id"], ["t1"]);

    let client = cas_client(
        "/cas-idp/app1/serviceValidate",
        200,
        r#"{"serviceResponse":{"authenticationFailure":{"code":"INVALID_SERVICE","description":"wrong service"}}}"#,
    );
    let failure = client
        .cas()
        .service_validate("ST-1", SERVICE)
        .format(CasFormat::Json)
        .await
        .expect("answer")
        .into_result()
        .expect_err("failure");
    assert_eq!(failure.code, CasFailureCode::InvalidService);
    assert_eq!(failure.description, "wrong service");
}

#[tokio::test]
async fn cas_1_validate_reads_yes_and_no() {
    let client = cas_client("/cas-idp/app1/validate", 200, "yes\nada\n");
    let auth = client
        .cas()
        .validate("ST-1", SERVICE)
        .await
        .expect("answer")
        .into_result()
        .expect("yes");
    assert_eq!(auth.user, "ada");
    assert_eq!(auth.attributes, CasAttributes::default());

    let client = cas_client("/cas-idp/app1/validate", 200, "no\n\n");
    let failure = client
        .cas()
        .validate("ST-1", SERVICE)
        .await
        .expect("answer")
        .into_result()
        .expect_err("no");
    assert_eq!(failure.code, CasFailureCode::InvalidTicket);

    let client = cas_client("/cas-idp/app1/validate", 200, "{\"valid\":true}");
    let error = client
        .cas()
        .validate("ST-1", SERVICE)
        .await
        .expect_err("not CAS 1.0");
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
}

#[tokio::test]
async fn unusable_answers_are_errors_not_outcomes() {
    for (status, body) in [
        (200, "<html>login</html>"),
        (
            200,
            "<cas:serviceResponse xmlns:cas=\"x\"></cas:serviceResponse>",
        ),
        (
            200,
            "<cas:serviceResponse xmlns:cas=\"x\"><cas:authenticationSuccess/></cas:serviceResponse>",
        ),
        (
            200,
            "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
        ),
        (200, "{\"unexpected\":1}"),
        (200, "not xml"),
        (502, "bad gateway"),
    ] {
        let client = cas_client("/cas-idp/app1/serviceValidate", status, body);
        let error = client
            .cas()
            .service_validate("ST-1", SERVICE)
            .await
            .expect_err(body);
        assert!(
            matches!(error, Error::Decode { .. } | Error::Http { .. }),
            "{body}: {error:?}"
        );
    }
}

#[test]
fn tickets_quoted_in_failure_descriptions_are_redacted() {
    let failure = CasFailure::new(
        CasFailureCode::InvalidTicket,
        "  ticket 'ST-42-abc' unknown;\n PT-9 too, TEST-1 and ST- stay ",
    );
    assert_eq!(
        failure.description,
        "ticket 'ST-[redacted] unknown; PT-[redacted] too, TEST-1 and ST- stay"
    );
}

#[test]
fn login_and_logout_urls() {
    let client = cas_client("/unused", 200, "");
    let cas = client.cas();
    assert_eq!(
        cas.login_url(SERVICE).build().expect("valid"),
        "https://app.example.com/cas-idp/app1/login?service=https%3A%2F%2Fsite.example.com%2Fcas%3Fx%3D1"
    );
    assert!(
        cas.login_url(SERVICE)
            .gateway(true)
            .build()
            .expect("valid")
            .ends_with("&gateway=true")
    );
    let error = cas
        .login_url(SERVICE)
        .renew(true)
        .gateway(true)
        .build()
        .expect_err("both");
    assert!(error.to_string().contains("renew"), "{error}");
    assert!(cas.login_url("/relative").build().is_err());
    assert_eq!(
        cas.logout_url(None).expect("valid"),
        "https://app.example.com/cas-idp/app1/logout"
    );
    assert_eq!(
        cas.logout_url(Some("https://site.example.com/"))
            .expect("valid"),
        "https://app.example.com/cas-idp/app1/logout?service=https%3A%2F%2Fsite.example.com%2F"
    );
    let error = cas
        .validate("", SERVICE)
        .prepare()
        .expect_err("empty ticket");
    assert!(error.to_string().contains("ticket"), "{error}");
    assert!(!format!("{:?}", cas.validate("ST-secret", SERVICE)).contains("ST-secret"));
}
