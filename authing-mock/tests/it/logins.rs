//! The control endpoints that set up the other ways in (authlogin), driven as a client in
//! another language would: a directory entry, then an LDAP login over REST.

use authing_mock::MockAuthing;
use serde_json::json;

use crate::common::{BASE, post, send};

#[tokio::test]
async fn a_directory_entry_from_the_control_endpoint_logs_in_over_ldap() {
    let fake = MockAuthing::new();
    let transport = fake.transport();
    let app_id = fake.pool().app_id;
    let headers = [("x-authing-app-id", app_id.as_str())];

    let entry = json!({"username": "ada", "password": "dir-pw", "profile": {"nickname": "Ada"}});
    let added = post(&transport, "/__authing_mock/ldap-users", Some(&entry)).await;
    assert_eq!(added.json()["code"], 200, "{:?}", added.json());
    let bad = json!({"username": "x", "password": "y", "profile": {"loginsCount": 3}});
    let refused = post(&transport, "/__authing_mock/ldap-users", Some(&bad)).await;
    assert_eq!(refused.json()["code"], 2231);
    let malformed = post(
        &transport,
        "/__authing_mock/ldap-users",
        Some(&json!({"u": 1})),
    )
    .await;
    assert_eq!(malformed.status, 400);

    let login = |password: &'static str| {
        let body = json!({"username": "ada", "password": password});
        let transport = transport.clone();
        async move {
            let url = format!("{BASE}/api/v2/ldap/verify-user");
            send(&transport, "POST", &url, &headers, Some(&body))
                .await
                .json()
        }
    };
    let ok = login("dir-pw").await;
    assert_eq!(ok["code"], 200, "{ok}");
    assert_eq!(ok["data"]["nickname"], "Ada");
    assert_eq!(ok["data"]["identities"][0]["provider"], "ldap");
    assert!(ok["data"]["token"].as_str().is_some_and(|t| !t.is_empty()));
    assert_eq!(login("nope").await["code"], 2333);

    let unknown_user = json!({"userId": "nobody", "account": "a", "password": "b"});
    let refused = post(
        &transport,
        "/__authing_mock/sub-accounts",
        Some(&unknown_user),
    )
    .await;
    assert_eq!(refused.json()["code"], 2004);
    let mfa = json!({"appId": app_id, "mfa": "VOICE"});
    assert_eq!(
        post(&transport, "/__authing_mock/app-mfa", Some(&mfa))
            .await
            .status,
        400
    );
    let mfa = json!({"appId": app_id, "mfa": "SMS"});
    assert_eq!(
        post(&transport, "/__authing_mock/app-mfa", Some(&mfa))
            .await
            .json()["code"],
        200
    );
    let strength = json!({"level": 9});
    assert_eq!(
        post(
            &transport,
            "/__authing_mock/password-strength",
            Some(&strength)
        )
        .await
        .status,
        400
    );
}
