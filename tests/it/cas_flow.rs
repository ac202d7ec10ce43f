//! The fake as a CAS server, driven by the SDK's CAS client over every transport: the
//! login page issues a single-use service ticket; CAS 1.0, 2.0 (XML, JSON) and 3.0
//! validation.

use authing_authentication::protocols::{CasFailureCode, CasFormat, CasValidation, ProtocolClient};
use authing_core::Secret;
use authing_core::model::CreateUserInput;
use authing_tests::{DynTransport, Env, each_transport};
use bytes::Bytes;

const SERVICE: &str = "https://site.example.com/cas/callback?from=home";

fn client(env: &Env) -> ProtocolClient<DynTransport> {
    ProtocolClient::builder(env.pool.app_host.clone(), env.pool.app_id.clone())
        .transport(env.transport.clone())
        .build()
        .expect("protocol client")
}

/// Opens the CAS login page, posts bob's credentials, returns the redirect's ticket.
async fn ticket(env: &Env, client: &ProtocolClient<DynTransport>, service: &str) -> String {
    let login_url = client.cas().login_url(service).build().expect("login url");
    let page = env
        .transport
        .send(
            http::Request::get(&login_url)
                .body(Bytes::new())
                .expect("request"),
        )
        .await
        .expect("page");
    assert_eq!(page.status(), 200);
    assert!(String::from_utf8_lossy(page.body()).contains("name=\"password\""));
    let url = url::Url::parse(&login_url).expect("url");
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.extend_pairs(url.query_pairs());
    form.append_pair("username", "bob")
        .append_pair("password", "s3cret!");
    let action = format!("{}://{}{}", url.scheme(), url.authority(), url.path());
    let answer = env
        .transport
        .send(
            http::Request::post(action)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Bytes::from(form.finish()))
                .expect("request"),
        )
        .await
        .expect("login");
    assert_eq!(answer.status(), 303);
    let location =
        url::Url::parse(answer.headers()["location"].to_str().expect("ascii")).expect("location");
    assert!(
        location
            .as_str()
            .starts_with("https://site.example.com/cas/callback?from=home&ticket=ST-"),
        "{location}"
    );
    location
        .query_pairs()
        .find(|(name, _)| name == "ticket")
        .map(|(_, value)| value.into_owned())
        .expect("a ticket")
}

async fn cas_tickets(env: Env) {
    let bob = env
        .management()
        .users()
        .create(CreateUserInput {
            username: Some("bob".into()),
            email: Some("bob@example.com".into()),
            password: Some(Secret::from("s3cret!")),
            ..Default::default()
        })
        .send()
        .await
        .expect("create bob");
    let client = client(&env);
    let cas = client.cas();

    // CAS 1.0.
    let t = ticket(&env, &client, SERVICE).await;
    let CasValidation::Success(auth) = cas.validate(t.clone(), SERVICE).send().await.expect("v1")
    else {
        panic!("the ticket validates");
    };
    assert_eq!(auth.user, "bob");
    let again = cas.validate(t, SERVICE).send().await.expect("v1");
    assert!(
        matches!(again, CasValidation::Failure(_)),
        "single-use: {again:?}"
    );

    // CAS 2.0, XML.
    let t = ticket(&env, &client, SERVICE).await;
    let auth = cas
        .service_validate(t.clone(), SERVICE)
        .send()
        .await
        .expect("v2")
        .into_result()
        .expect("success");
    assert_eq!(auth.user, "bob");
    assert_eq!(auth.attributes.sub.as_deref(), Some(bob.id.as_str()));
    assert_eq!(auth.attributes.email.as_deref(), Some("bob@example.com"));
    assert_eq!(auth.attributes.is_from_new_login, Some(true));
    let failure = cas
        .service_validate(t, SERVICE)
        .send()
        .await
        .expect("v2")
        .into_result()
        .expect_err("single-use");
    assert_eq!(failure.code, CasFailureCode::InvalidTicket);

    // CAS 2.0, JSON; a ticket shown to another service is refused (and spent).
    let t = ticket(&env, &client, SERVICE).await;
    let failure = cas
        .service_validate(t.clone(), "https://elsewhere.example.com/")
        .format(CasFormat::Json)
        .send()
        .await
        .expect("v2 json")
        .into_result()
        .expect_err("another service");
    assert_eq!(failure.code, CasFailureCode::InvalidService);
    let t = ticket(&env, &client, SERVICE).await;
    let auth = cas
        .service_validate(t, SERVICE)
        .format(CasFormat::Json)
        .send()
        .await
        .expect("v2 json")
        .into_result()
        .expect("success");
    assert_eq!(auth.attributes.sub.as_deref(), Some(bob.id.as_str()));

    // CAS 3.0 (`p3/serviceValidate`), over the raw transport.
    let t = ticket(&env, &client, SERVICE).await;
    let mut url =
        url::Url::parse(&format!("{}/p3/serviceValidate", client.endpoints().cas())).expect("url");
    url.query_pairs_mut()
        .append_pair("service", SERVICE)
        .append_pair("ticket", &t);
    let answer = env
        .transport
        .send(
            http::Request::get(url.as_str())
                .body(Bytes::new())
                .expect("request"),
        )
        .await
        .expect("v3");
    let xml = String::from_utf8_lossy(answer.body()).into_owned();
    assert!(xml.contains("<cas:user>bob</cas:user>"), "{xml}");
    assert!(
        xml.contains("<cas:email>bob@example.com</cas:email>"),
        "{xml}"
    );

    // An expired ticket.
    let t = ticket(&env, &client, SERVICE).await;
    env.mock.advance_clock(std::time::Duration::from_secs(301));
    let failure = cas
        .service_validate(t, SERVICE)
        .send()
        .await
        .expect("v2")
        .into_result()
        .expect_err("expired");
    assert_eq!(failure.code, CasFailureCode::InvalidTicket);
}

/// The URL forms the official SDKs build: the entry `/cas-idp/{appId}?service=..` (no
/// `/login`), which issues tickets the same way, and `/cas-idp/logout?url=..`.
async fn the_sdks_url_forms(env: Env) {
    env.management()
        .users()
        .create(CreateUserInput {
            username: Some("bob".into()),
            password: Some(Secret::from("s3cret!")),
            ..Default::default()
        })
        .send()
        .await
        .expect("create bob");
    let entry = format!("{}/cas-idp/{}", env.pool.app_host, env.pool.app_id);
    let service: String = url::form_urlencoded::byte_serialize(SERVICE.as_bytes()).collect();
    let send = |request: http::Request<Bytes>| env.transport.send(request);
    let page = send(
        http::Request::get(format!("{entry}?service={service}"))
            .body(Bytes::new())
            .expect("request"),
    )
    .await
    .expect("page");
    assert_eq!(page.status(), 200);
    assert!(String::from_utf8_lossy(page.body()).contains("name=\"password\""));
    let login = send(
        http::Request::post(&entry)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Bytes::from(format!(
                "service={service}&username=bob&password=s3cret%21"
            )))
            .expect("request"),
    )
    .await
    .expect("login");
    assert_eq!(login.status(), 303);
    let location = login.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let ticket = url::Url::parse(&location)
        .expect("location")
        .query_pairs()
        .find(|(name, _)| name == "ticket")
        .map(|(_, value)| value.into_owned())
        .expect("a ticket");
    let validated = client(&env)
        .cas()
        .validate(ticket, SERVICE)
        .send()
        .await
        .expect("v1");
    assert!(
        matches!(validated, CasValidation::Success(_)),
        "{validated:?}"
    );

    let logout = send(
        http::Request::get(format!(
            "{}/cas-idp/logout?url=https%3A%2F%2Fsite.example.com%2Fbye",
            env.pool.app_host
        ))
        .body(Bytes::new())
        .expect("request"),
    )
    .await
    .expect("logout");
    assert_eq!(logout.status(), 303);
    assert_eq!(logout.headers()["location"], "https://site.example.com/bye");
}

each_transport!(cas_tickets, the_sdks_url_forms);
