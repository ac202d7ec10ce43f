//! REST endpoints, test-only endpoints, recording and faults, through the in-process transport.

use std::time::Duration;

use crate::common::*;
use authing_mock::Fault;
use serde_json::json;

/// Creates the user `me` (password `pw`) and returns a login token of theirs.
async fn login(
    transport: &authing_mock::InProcessTransport,
    pool: &authing_mock::PoolCredentials,
    token: &str,
) -> String {
    create_user(
        transport,
        token,
        json!({"username": "me", "email": "me@example.com", "password": encrypt(pool, "pw")}),
    )
    .await;
    login_token(transport, pool, "me", "pw").await
}

#[tokio::test]
async fn well_known_publishes_the_public_key() {
    let (mock, transport, pool, _) = setup().await;
    let answer = get(&transport, "/api/v2/.well-known", &[]).await;
    assert_eq!(answer.status, 200);
    let json = answer.json();
    assert_eq!(json["code"], 200);
    assert_eq!(json["data"]["publicKey"], pool.public_key_pem.as_str());
    assert_eq!(mock.public_key_pem(), pool.public_key_pem);
    assert!(
        pool.public_key_pem
            .starts_with("-----BEGIN PUBLIC KEY-----")
    );
}

#[tokio::test]
async fn users_me_and_logout() {
    let (mock, transport, pool, admin) = setup().await;
    let token = login(&transport, &pool, &admin).await;
    let auth = format!("Bearer {token}");
    let me = get(&transport, "/api/v2/users/me", &[("authorization", &auth)]).await;
    let me = me.json();
    assert_eq!(me["code"], 200, "{me}");
    assert_eq!(me["data"]["username"], "me");
    assert_eq!(me["data"]["token"], token.as_str());
    assert_eq!(me["data"]["userPoolId"], pool.user_pool_id.as_str());
    assert!(me["data"]["password"].is_null());

    let none = get(&transport, "/api/v2/users/me", &[]).await;
    assert_eq!(none.status, 200);
    assert_eq!(none.json()["code"], 2020);
    let garbage = get(
        &transport,
        "/api/v2/users/me",
        &[("authorization", "Bearer x.y.z")],
    )
    .await;
    assert_eq!(garbage.json()["code"], 2207);
    let admin_auth = format!("Bearer {admin}");
    let as_admin = get(
        &transport,
        "/api/v2/users/me",
        &[("authorization", &admin_auth)],
    )
    .await;
    assert_eq!(as_admin.json()["code"], 1001);

    let url = format!("/api/v2/logout?app_id={}", pool.app_id);
    let out = get(&transport, &url, &[("authorization", &auth)]).await;
    assert_eq!(out.json()["code"], 200);
    let after = get(&transport, "/api/v2/users/me", &[("authorization", &auth)]).await;
    assert_eq!(after.json()["code"], 2207, "a revoked token is invalid");
    let again = get(&transport, &url, &[("authorization", &auth)]).await;
    assert_eq!(again.json()["code"], 2020);
    let anonymous = get(&transport, &url, &[]).await;
    assert_eq!(anonymous.json()["code"], 2020);

    let check = graphql(
        &transport,
        &[],
        "query c($t: String) { checkLoginStatus(token: $t) { code status } }",
        json!({"t": token}),
    )
    .await;
    assert_eq!(check["data"]["checkLoginStatus"]["code"], 2207);

    // An expired user token is 2206 on /users/me.
    let token = login_token(&transport, &pool, "me", "pw").await;
    mock.advance_clock(Duration::from_secs(15 * 24 * 3600));
    let auth = format!("Bearer {token}");
    let expired = get(&transport, "/api/v2/users/me", &[("authorization", &auth)]).await;
    assert_eq!(expired.json()["code"], 2206);
}

#[tokio::test]
async fn unknown_paths_are_404_envelopes() {
    let (_mock, transport, _pool, _) = setup().await;
    let answer = get(&transport, "/api/v2/nope", &[("x-authing-lang", "en-US")]).await;
    assert_eq!(answer.status, 404);
    let json = answer.json();
    assert_eq!(json["code"], 404);
    assert_eq!(json["message"], "Not Found");
    let wrong_method = get(&transport, "/graphql/v2", &[]).await;
    assert_eq!(wrong_method.status, 405);
    assert_eq!(wrong_method.json()["code"], 405);
    let not_json = post(&transport, "/graphql/v2", Some(&json!("text"))).await;
    assert_eq!(not_json.status, 400);
}

#[tokio::test]
async fn requests_are_recorded() {
    let (mock, transport, pool, token) = setup().await;
    graphql_as(&transport, &token, USERS, json!({})).await;
    get(
        &transport,
        "/api/v2/logout?app_id=x&access_token=secret-value",
        &[],
    )
    .await;
    let requests = mock.requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(requests[0].graphql_fields, ["accessToken"]);
    assert_eq!(requests[0].operation_name.as_deref(), Some("accessToken"));
    assert!(!requests[0].authorized);
    assert_eq!(requests[1].graphql_fields, ["users"]);
    assert!(requests[1].authorized);
    assert_eq!(requests[1].method, "POST");
    assert_eq!(requests[1].path, "/graphql/v2");
    assert_eq!(requests[1].status, 200);
    assert_eq!(requests[2].path, "/api/v2/logout");
    assert_eq!(
        requests[2].query.as_deref(),
        Some("app_id=x&access_token=[redacted]")
    );
    assert!(!format!("{requests:?}").contains("secret-value"));
    assert!(
        requests[0].body_text().contains(pool.secret.expose()),
        "the body is kept"
    );
    assert!(
        !format!("{requests:?}").contains(pool.secret.expose()),
        "but Debug does not show it"
    );
    assert!(requests[1].body_text().contains("users("));
    assert_eq!(mock.count_graphql("accessToken"), 1);
    assert_eq!(mock.count_graphql("users"), 1);
    assert_eq!(mock.count_graphql("user"), 0);

    // The test-only endpoints are not recorded.
    let listed = get(&transport, "/__authing_mock/requests", &[]).await;
    let listed = listed.json();
    assert_eq!(listed["data"].as_array().map(Vec::len), Some(3), "{listed}");
    assert_eq!(listed["data"][1]["graphqlFields"], json!(["users"]));
    assert_eq!(mock.requests().len(), 3);
}

#[tokio::test]
async fn faults_fire_as_told() {
    let (mock, transport, pool, token) = setup().await;
    let auth = format!("Bearer {token}");
    mock.inject_fault(
        Fault::respond(502, "text/html", "<html>Bad Gateway</html>")
            .path("/graphql/v2")
            .times(1),
    );
    let answer = send(
        &transport,
        "POST",
        "http://authing.mock/graphql/v2",
        &[("authorization", &auth)],
        Some(&json!({"query": USERS})),
    )
    .await;
    assert_eq!(answer.status, 502);
    assert_eq!(answer.content_type.as_deref(), Some("text/html"));
    assert_eq!(&answer.body[..], b"<html>Bad Gateway</html>");
    let ok = graphql_as(&transport, &token, USERS, json!({})).await;
    assert!(ok["errors"].is_null(), "the fault fired once");

    mock.inject_fault(Fault::truncated_json().graphql_field("accessToken"));
    graphql_as(&transport, &token, USERS, json!({})).await;
    let variables = json!({"userPoolId": pool.user_pool_id, "secret": pool.secret.expose()});
    let body = json!({"query": ACCESS_TOKEN, "variables": variables});
    let cut = post(&transport, "/graphql/v2", Some(&body)).await;
    assert_eq!(cut.status, 200);
    assert!(
        serde_json::from_slice::<serde_json::Value>(&cut.body).is_err(),
        "broken JSON"
    );
    assert!(!cut.body.is_empty());

    mock.inject_fault(Fault::delay(Duration::from_millis(50)).path("/api/v2/.well-known"));
    let started = std::time::Instant::now();
    get(&transport, "/api/v2/.well-known", &[]).await;
    assert!(started.elapsed() >= Duration::from_millis(50));

    // Over the test-only endpoint too.
    let fault = json!({"status": 503, "body": "{\"busy\":true}", "path": "/api/v2/users/me", "always": true});
    let armed = post(&transport, "/__authing_mock/faults", Some(&fault)).await;
    assert_eq!(armed.json()["code"], 200);
    for _ in 0..2 {
        let busy = get(&transport, "/api/v2/users/me", &[]).await;
        assert_eq!(busy.status, 503);
    }
    let cleared = send(
        &transport,
        "DELETE",
        "http://authing.mock/__authing_mock/faults",
        &[],
        None,
    )
    .await;
    assert_eq!(cleared.json()["code"], 200);
    let me = get(&transport, "/api/v2/users/me", &[]).await;
    assert_eq!(me.json()["code"], 2020);
    let bad = post(
        &transport,
        "/__authing_mock/faults",
        Some(&json!({"bogus": 1})),
    )
    .await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn reset_and_clock_and_pools_endpoints() {
    let (mock, transport, pool, token) = setup().await;
    create_user(&transport, &token, json!({"username": "gone"})).await;
    let reset = post(&transport, "/__authing_mock/reset", None).await;
    assert_eq!(reset.json()["code"], 200);
    let list = graphql_as(&transport, &token, USERS, json!({})).await;
    assert_eq!(
        list["data"]["users"]["totalCount"], 0,
        "users gone, token still valid: {list}"
    );
    assert_eq!(mock.pool().secret, pool.secret, "credentials kept");

    let before = mock.now();
    let advanced = post(
        &transport,
        "/__authing_mock/clock/advance",
        Some(&json!({"seconds": 3 * 24 * 3600 + 10})),
    )
    .await;
    assert_eq!(advanced.json()["code"], 200);
    assert!(mock.now() - before >= chrono::TimeDelta::seconds(3 * 24 * 3600));
    let expired = graphql_as(&transport, &token, USERS, json!({})).await;
    assert_eq!(error_code(&expired), 2206);
    let negative = post(
        &transport,
        "/__authing_mock/clock/advance",
        Some(&json!({"seconds": -1})),
    )
    .await;
    assert_eq!(negative.status, 400);

    let created = post(&transport, "/__authing_mock/pools", None).await;
    let created = created.json();
    assert_eq!(created["data"]["host"], "http://authing.mock");
    assert!(created["data"]["secret"].is_string());
    let listed = get(&transport, "/__authing_mock/pools", &[]).await;
    let listed = listed.json();
    assert_eq!(listed["data"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        listed["data"][0]["userPoolId"],
        pool.user_pool_id.as_str(),
        "default first"
    );
    assert_eq!(mock.pools().len(), 2);
}

#[tokio::test]
async fn own_private_key() {
    use rsa::pkcs8::{EncodePrivateKey, LineEnding};
    let private = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 1024).expect("keygen");
    let pem = private.to_pkcs8_pem(LineEnding::LF).expect("pem");
    let mock = authing_mock::MockAuthing::builder()
        .private_key_pem(pem.as_str())
        .build()
        .expect("valid key");
    let public =
        rsa::pkcs8::EncodePublicKey::to_public_key_pem(&private.to_public_key(), LineEnding::LF)
            .expect("pem");
    assert_eq!(mock.pool().public_key_pem, public);
    assert!(
        authing_mock::MockAuthing::builder()
            .private_key_pem("nope")
            .build()
            .is_err()
    );

    let debug = format!("{:?}", mock.pool());
    assert!(!debug.contains(mock.pool().secret.expose()), "{debug}");
    assert!(!debug.contains(mock.pool().app_secret.expose()), "{debug}");
}

/// A QR-code login by raw HTTP, the phone played through the control endpoints, as a
/// client in another language would.
#[tokio::test]
async fn qrcode_login_through_the_control_endpoints() {
    let (_mock, transport, pool, admin) = setup().await;
    let token = login(&transport, &pool, &admin).await;
    let auth = format!("Bearer {token}");
    let me = get(&transport, "/api/v2/users/me", &[("authorization", &auth)]).await;
    let user_id = me.json()["data"]["id"].as_str().expect("id").to_owned();
    let app = [("x-authing-app-id", pool.app_id.as_str())];
    let url = |path: &str| format!("{BASE}{path}");

    let made = send(
        &transport,
        "POST",
        &url("/api/v2/qrcode/gene"),
        &app,
        Some(&json!({"scene": "APP_AUTH"})),
    )
    .await
    .json();
    assert_eq!(made["code"], 200, "{made}");
    let random = made["data"]["random"].as_str().expect("random").to_owned();
    let status = |answer: &Answer| answer.json()["data"]["status"].clone();
    let check = format!("/api/v2/qrcode/check?random={random}");
    assert_eq!(status(&get(&transport, &check, &app).await), 0);

    let no_user = post(
        &transport,
        "/__authing_mock/qrcode/scan",
        Some(&json!({"random": random})),
    )
    .await;
    assert_eq!(no_user.status, 400);
    let scanned = post(
        &transport,
        "/__authing_mock/qrcode/scan",
        Some(&json!({"random": random, "userId": user_id})),
    )
    .await;
    assert_eq!(scanned.json()["code"], 200);
    assert_eq!(status(&get(&transport, &check, &app).await), 1);
    let confirmed = post(
        &transport,
        "/__authing_mock/qrcode/confirm",
        Some(&json!({"random": random})),
    )
    .await;
    assert_eq!(confirmed.json()["code"], 200);
    let answer = get(&transport, &check, &app).await.json();
    assert_eq!(answer["data"]["status"], 2);
    let ticket = answer["data"]["ticket"]
        .as_str()
        .expect("ticket")
        .to_owned();

    let exchange_url = url("/api/v2/qrcode/userinfo");
    let ticket_body = json!({ "ticket": ticket });
    let exchange = || send(&transport, "POST", &exchange_url, &app, Some(&ticket_body));
    let user = exchange().await.json();
    assert_eq!(user["data"]["id"], user_id.as_str());
    assert!(
        user["data"]["token"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    assert_eq!(exchange().await.json()["code"], 2460);
    let unknown = post(
        &transport,
        "/__authing_mock/qrcode/cancel",
        Some(&json!({"random": "nope"})),
    )
    .await;
    assert_eq!(unknown.json()["code"], 2241);
    let bad = post(
        &transport,
        "/__authing_mock/qrcode/dance",
        Some(&json!({"random": random})),
    )
    .await;
    assert_eq!(bad.status, 400);
}

/// `POST /api/v2/users/batch` and `POST /api/v2/acl/is-allowed`, the REST calls of the JS
/// SDK's `users.batch` and 4.23's `acl.isAllowed`: the same answers as `userBatch` and
/// `isActionAllowed`, for administrators only.
#[tokio::test]
async fn the_js_sdks_batch_and_is_allowed_calls() {
    let (_mock, transport, pool, token) = setup().await;
    let ada = create_user(&transport, &token, json!({"username": "ada"})).await;
    let ada = ada["data"]["createUser"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    create_user(&transport, &token, json!({"username": "bob"})).await;
    let bearer = format!("Bearer {token}");
    let admin = [("authorization", bearer.as_str())];
    let post = |path: &'static str, body: serde_json::Value| {
        let transport = &transport;
        let admin = &admin;
        async move {
            send(
                transport,
                "POST",
                &format!("{BASE}{path}"),
                admin,
                Some(&body),
            )
            .await
        }
    };

    let by_name = post(
        "/api/v2/users/batch",
        json!({"ids": ["bob", "nobody", "ada"], "type": "username", "withCustomData": true}),
    )
    .await
    .json();
    let names: Vec<&str> = by_name["data"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|user| user["username"].as_str().expect("username"))
        .collect();
    assert_eq!(
        names,
        ["bob", "ada"],
        "in the order asked, unknown left out"
    );
    assert!(by_name["data"][0]["customData"].is_array(), "{by_name}");
    let by_id = post("/api/v2/users/batch", json!({"ids": [ada]}))
        .await
        .json();
    assert_eq!(by_id["data"][0]["username"], "ada", "{by_id}");
    assert!(
        by_id["data"][0].get("customData").is_none(),
        "only when asked"
    );
    let bad_type = post(
        "/api/v2/users/batch",
        json!({"ids": ["x"], "type": "shoeSize"}),
    )
    .await;
    assert_ne!(bad_type.json()["code"], 200);

    let allow = "mutation { allow(resource: \"books:1\", action: \"books:read\", userId: \"ID\") { code } }";
    graphql_as(&transport, &token, &allow.replace("ID", &ada), json!({})).await;
    let asked = |action: &str| json!({"userId": ada, "resource": "books:1", "action": action});
    let allowed = post("/api/v2/acl/is-allowed", asked("books:read"))
        .await
        .json();
    assert_eq!(allowed["data"], json!({"allowed": true}), "{allowed}");
    let denied = post("/api/v2/acl/is-allowed", asked("books:delete"))
        .await
        .json();
    assert_eq!(denied["data"], json!({"allowed": false}), "{denied}");
    let unknown = post(
        "/api/v2/acl/is-allowed",
        json!({"userId": "nobody", "resource": "books:1", "action": "books:read"}),
    )
    .await;
    assert_eq!(unknown.json()["code"], 2004);

    let anonymous = send(
        &transport,
        "POST",
        &format!("{BASE}/api/v2/users/batch"),
        &[("x-authing-app-id", pool.app_id.as_str())],
        Some(&json!({"ids": [ada]})),
    )
    .await;
    assert_ne!(anonymous.json()["code"], 200, "administrators only");
}

/// JS 4.23's batch grants, `POST /api/v2/acl/authorize-resources` and `revoke-resources`:
/// several resources to several targets at once, all or none; and its batch listing.
#[tokio::test]
async fn batch_grants_are_all_or_nothing() {
    let (_mock, transport, _pool, token) = setup().await;
    let ada = create_user(&transport, &token, json!({"username": "ada"})).await;
    let ada = ada["data"]["createUser"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let bearer = format!("Bearer {token}");
    let admin = [("authorization", bearer.as_str())];
    for code in ["books", "films"] {
        let resource = json!({"code": code, "type": "DATA", "namespace": "default",
            "actions": [{"name": "read", "description": "r"}, {"name": "write", "description": "w"}]});
        let made = send(
            &transport,
            "POST",
            &format!("{BASE}/api/v2/resources"),
            &admin,
            Some(&resource),
        )
        .await;
        assert_eq!(made.json()["code"], 200, "{}", made.json());
    }
    let resources = |token: &str| {
        let document = format!(
            "{{ user(id: \"{ada}\") {{ authorizedResources(namespace: \"default\") {{ list {{ code actions }} }} }} }}"
        );
        let transport = &transport;
        let token = token.to_owned();
        async move {
            let answer = graphql_as(transport, &token, &document, json!({})).await;
            let mut list: Vec<(String, Vec<String>)> =
                answer["data"]["user"]["authorizedResources"]["list"]
                    .as_array()
                    .unwrap_or_else(|| panic!("{answer}"))
                    .iter()
                    .map(|r| {
                        let actions = r["actions"].as_array().expect("actions").iter();
                        (
                            r["code"].as_str().expect("code").to_owned(),
                            actions
                                .map(|a| a.as_str().expect("action").to_owned())
                                .collect(),
                        )
                    })
                    .collect();
            list.sort();
            list
        }
    };
    let grant = |resources: serde_json::Value| json!({"namespace": "default", "opts": [{"targetType": "USER", "targetIdentifiers": [ada], "resources": resources}]});
    let post = |path: &str, body: serde_json::Value| {
        let url = format!("{BASE}{path}");
        let transport = &transport;
        let admin = &admin;
        async move {
            send(transport, "POST", &url, admin, Some(&body))
                .await
                .json()
        }
    };

    // One unknown resource: nothing is granted, not even the known one before it.
    let refused = post(
        "/api/v2/acl/authorize-resources",
        grant(json!([
            {"code": "books", "resourceType": "DATA", "actions": ["read"]},
            {"code": "nope", "resourceType": "DATA", "actions": ["read"]},
        ])),
    )
    .await;
    assert_ne!(refused["code"], 200, "{refused}");
    assert_eq!(resources(&token).await, [], "all or nothing");

    let granted = post(
        "/api/v2/acl/authorize-resources",
        grant(json!([
            {"code": "books", "resourceType": "DATA", "actions": ["read"]},
            {"code": "films", "resourceType": "DATA", "actions": ["read", "write"]},
        ])),
    )
    .await;
    assert_eq!(granted["code"], 200, "{granted}");
    assert_eq!(
        resources(&token).await,
        [
            ("books".to_owned(), vec!["read".to_owned()]),
            (
                "films".to_owned(),
                vec!["read".to_owned(), "write".to_owned()]
            ),
        ]
    );

    // JS 4.23's batch listing: a page per target, in the order asked, of one type if given.
    let listed = post(
        "/api/v2/acl/list-authorized-resources-batch",
        json!({"namespace": "default", "resourceType": "DATA", "targets": [
            {"targetType": "USER", "targetIdentifier": ada},
            {"targetType": "ROLE", "targetIdentifier": "nobody"},
        ]}),
    )
    .await;
    let pages = listed["data"]["list"]
        .as_array()
        .unwrap_or_else(|| panic!("{listed}"));
    assert_eq!(pages.len(), 2, "{listed}");
    assert_eq!(pages[0]["targetIdentifier"], ada.as_str());
    assert_eq!(pages[0]["totalCount"], 2, "{listed}");
    assert_eq!(pages[0]["list"][0]["code"], "books");
    assert_eq!(pages[0]["list"][0]["type"], "DATA");
    assert_eq!(pages[1]["totalCount"], 0, "{listed}");
    let api_only = post(
        "/api/v2/acl/list-authorized-resources-batch",
        json!({"namespace": "default", "resourceType": "API",
               "targets": [{"targetType": "USER", "targetIdentifier": ada}]}),
    )
    .await;
    assert_eq!(api_only["data"]["list"][0]["totalCount"], 0, "{api_only}");

    let revoked = post(
        "/api/v2/acl/revoke-resources",
        grant(json!([
            {"code": "films", "resourceType": "DATA", "actions": ["read", "write"]},
        ])),
    )
    .await;
    assert_eq!(revoked["code"], 200, "{revoked}");
    assert_eq!(
        resources(&token).await,
        [("books".to_owned(), vec!["read".to_owned()])]
    );
}
