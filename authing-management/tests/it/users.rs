//! Users: what each call sends and how answers decode.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::common::*;
use authing_core::model::{CreateUserInput, SortBy, UpdateUserInput};
use authing_core::{Error, Lang, Transport};
use authing_management::users::{SearchUserDepartmentOpt, SearchUserRoleOpt};
use authing_management::{BatchField, ManagementClient};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rsa::pkcs8::{EncodePublicKey, LineEnding};
use rsa::{Pkcs1v15Encrypt, RsaPrivateKey};
use serde_json::{Value, json};

/// A client that encrypts passwords with a fresh public key, and the private half to read
/// them back.
fn client_with_key(transport: Arc<dyn Transport>) -> (ManagementClient, RsaPrivateKey) {
    let private = RsaPrivateKey::new(&mut rand::thread_rng(), 1024).expect("keygen");
    let pem = private
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .expect("pem");
    let client = builder(transport)
        .clock(TestClock::at(T0))
        .enc_public_key(pem)
        .build()
        .expect("valid");
    (client, private)
}

/// Asserts that a call failed with [`Error::InvalidArgument`]; `case` says which call.
#[track_caller]
fn assert_invalid_argument<T: std::fmt::Debug>(result: Result<T, Error>, case: &str) {
    match result {
        Err(Error::InvalidArgument(_)) => {}
        Err(other) => panic!("{case}: expected InvalidArgument, got {other:?}"),
        Ok(value) => panic!("{case}: expected an error, got {value:?}"),
    }
}

fn decrypt(private: &RsaPrivateKey, ciphertext: &Value) -> String {
    let bytes = STANDARD
        .decode(ciphertext.as_str().expect("a base64 string"))
        .expect("standard base64");
    String::from_utf8(private.decrypt(Pkcs1v15Encrypt, &bytes).expect("decrypts")).expect("utf-8")
}

fn echo_user(seen: &Seen) -> Reply {
    let root = match seen.operation.as_str() {
        "createUser" => "createUser",
        "updateUser" => "updateUser",
        "user" => "user",
        "findUser" => "findUser",
        other => panic!("unexpected {other}"),
    };
    Reply::data(root, user_json("u1"))
}

#[tokio::test]
async fn create_encrypts_the_password_and_sends_custom_data_as_params() {
    let (transport, log) = fake_with_tokens(echo_user);
    let (client, private) = client_with_key(transport);
    let user = client
        .users()
        .create(CreateUserInput {
            username: Some("bob".into()),
            email: Some("bob@example.com".into()),
            password: Some("p@ssw0rd!".into()),
            ..Default::default()
        })
        .keep_password(false)
        .reset_password_on_first_login(true)
        .custom_data(BTreeMap::from([
            ("age", json!(18)),
            ("city", json!("Beijing")),
        ]))
        .send()
        .await
        .expect("created");
    assert_eq!(user.id, "u1");

    let seen = &log.of("createUser")[0];
    let vars = &seen.variables;
    assert_eq!(
        vars["withCustomData"], true,
        "custom data set: the answer carries it"
    );
    assert_eq!(vars["userInfo"]["username"], "bob");
    assert_eq!(vars["userInfo"]["email"], "bob@example.com");
    assert_ne!(vars["userInfo"]["password"], "p@ssw0rd!");
    assert_eq!(
        decrypt(&private, &vars["userInfo"]["password"]),
        "p@ssw0rd!"
    );
    assert_eq!(vars["keepPassword"], false);
    assert_eq!(vars["resetPasswordOnFirstLogin"], true);
    let params: Value =
        serde_json::from_str(vars["params"].as_str().expect("params is a JSON string"))
            .expect("JSON text");
    assert_eq!(
        params,
        json!([{ "key": "age", "value": 18 }, { "key": "city", "value": "Beijing" }])
    );
    assert_eq!(seen.bearer(), Some("tok-1"));
}

#[tokio::test]
async fn create_without_extras_sends_only_user_info() {
    let (transport, log) = fake_with_tokens(echo_user);
    let client = client(transport, TestClock::at(T0));
    client
        .users()
        .create(CreateUserInput {
            phone: Some("13800000000".into()),
            ..Default::default()
        })
        .send()
        .await
        .expect("created");
    let seen = &log.of("createUser")[0];
    assert_eq!(
        seen.variables,
        json!({ "userInfo": { "phone": "13800000000" } })
    );
}

#[tokio::test]
async fn update_encrypts_the_password() {
    let (transport, log) = fake_with_tokens(echo_user);
    let (client, private) = client_with_key(transport);
    client
        .users()
        .update(
            "u1",
            UpdateUserInput {
                nickname: Some("Bobby".into()),
                password: Some("n3w-pass".into()),
                ..Default::default()
            },
        )
        .await
        .expect("updated");
    let vars = &log.of("updateUser")[0].variables;
    assert_eq!(vars["id"], "u1");
    assert_eq!(vars["input"]["nickname"], "Bobby");
    assert_eq!(decrypt(&private, &vars["input"]["password"]), "n3w-pass");
}

#[tokio::test]
async fn list_sends_paging_and_picks_the_custom_data_document() {
    let (transport, log) = fake_with_tokens(|seen| {
        let mut page = users_page(&["u1", "u2"]);
        if seen.variables["withCustomData"] == true {
            page["list"][0]["customData"] =
                json!([{ "key": "age", "value": "18", "dataType": "NUMBER", "label": "Age" }]);
        }
        Reply::data("users", page)
    });
    let client = client(transport, TestClock::at(T0));
    let page = client
        .users()
        .list()
        .page(2)
        .limit(5)
        .sort_by(SortBy::CreatedAtAsc)
        .with_custom_data(true)
        .send()
        .await
        .expect("ok");
    assert_eq!(page.total_count, 2);
    assert_eq!(page.list[0].custom_data_map()["age"], 18);
    assert_eq!(
        log.of("users")[0].variables,
        json!({ "page": 2, "limit": 5, "sortBy": "CREATEDAT_ASC", "withCustomData": true })
    );

    client.users().list().await.expect("ok");
    assert_eq!(
        log.of("users")[1].variables,
        json!({ "page": 1, "limit": 10 })
    );

    assert_invalid_argument(client.users().list().page(0).send().await, "page 0");
}

#[tokio::test]
async fn detail_of_a_missing_user_is_api_2004() {
    let (transport, log) = fake_with_tokens(|_| Reply::data("user", Value::Null));
    let client = builder(transport)
        .clock(TestClock::at(T0))
        .lang(Lang::EnUs)
        .build()
        .expect("valid");
    let error = client
        .users()
        .detail("nobody")
        .send()
        .await
        .expect_err("missing");
    assert!(
        matches!(&error, Error::Api { code: 2004, message, .. } if message == "User does not exist"),
        "{error:?}"
    );
    assert_eq!(log.of("user")[0].variables, json!({ "id": "nobody" }));
}

#[tokio::test]
async fn detail_passes_the_server_error_through() {
    let (transport, _) = fake_with_tokens(|_| Reply::error(2004, "用户不存在"));
    let client = client(transport, TestClock::at(T0));
    let error = client
        .users()
        .detail("x")
        .send()
        .await
        .expect_err("missing");
    assert_eq!(error.code(), Some(2004));
}

#[tokio::test]
async fn detail_with_custom_data() {
    let (transport, log) = fake_with_tokens(echo_user);
    let client = client(transport, TestClock::at(T0));
    let user = client
        .users()
        .detail("u1")
        .with_custom_data(true)
        .send()
        .await
        .expect("ok");
    assert_eq!(user.id, "u1");
    assert_eq!(
        log.of("user")[0].variables,
        json!({ "id": "u1", "withCustomData": true })
    );
}

#[tokio::test]
async fn find_sends_the_criteria_and_answers_none_for_null() {
    let (transport, log) = fake_with_tokens(|_| Reply::data("findUser", Value::Null));
    let client = client(transport, TestClock::at(T0));
    let found = client
        .users()
        .find()
        .username("bob")
        .external_id("ext-1")
        .with_custom_data(true)
        .send()
        .await
        .expect("ok");
    assert!(found.is_none());
    assert_eq!(
        log.of("findUser")[0].variables,
        json!({ "username": "bob", "externalId": "ext-1", "withCustomData": true })
    );
}

#[tokio::test]
async fn find_and_exists_need_a_criterion_and_send_nothing_without_one() {
    let (transport, log) = fake_with_tokens(|_| panic!("nothing may be sent"));
    let client = client(transport, TestClock::at(T0));
    assert_invalid_argument(client.users().find().send().await, "find, no criterion");
    assert_invalid_argument(client.users().exists().send().await, "exists, no criterion");
    assert_invalid_argument(
        client.users().exists().email("  ").send().await,
        "blank criterion",
    );
    assert!(log.all().is_empty(), "not even a token request");
}

#[tokio::test]
async fn exists_sends_the_criteria() {
    let (transport, log) = fake_with_tokens(|_| Reply::data("isUserExists", json!(false)));
    let client = client(transport, TestClock::at(T0));
    let exists = client
        .users()
        .exists()
        .phone("13800000000")
        .email("a@b.c")
        .send()
        .await
        .expect("ok");
    assert!(!exists);
    assert_eq!(
        log.of("isUserExists")[0].variables,
        json!({ "phone": "13800000000", "email": "a@b.c" })
    );
}

#[tokio::test]
async fn search_sends_query_fields_paging_and_options() {
    let (transport, log) = fake_with_tokens(|_| Reply::data("searchUser", users_page(&["u1"])));
    let client = client(transport, TestClock::at(T0));
    let page = client
        .users()
        .search("bob")
        .fields(vec!["username".into(), "email".into()])
        .page(1)
        .limit(20)
        .department_opts(vec![SearchUserDepartmentOpt {
            department_id: Some("d1".into()),
            include_children_departments: Some(true),
        }])
        .role_opts(vec![SearchUserRoleOpt {
            namespace: None,
            code: "admin".into(),
        }])
        .send()
        .await
        .expect("ok");
    assert_eq!(page.list.len(), 1);
    assert_eq!(
        log.of("searchUser")[0].variables,
        json!({
            "query": "bob", "fields": ["username", "email"], "page": 1, "limit": 20,
            "departmentOpts": [{ "departmentId": "d1", "includeChildrenDepartments": true }],
            "roleOpts": [{ "code": "admin" }]
        })
    );
}

#[tokio::test]
async fn batch_get_sends_ids_and_type_and_limits_them_to_80() {
    let (transport, log) =
        fake_with_tokens(|_| Reply::data("userBatch", json!([user_json("u1"), user_json("u2")])));
    let client = client(transport, TestClock::at(T0));
    let users = client
        .users()
        .batch_get(vec!["bob".into(), "alice".into()])
        .by(BatchField::Username)
        .send()
        .await
        .expect("ok");
    assert_eq!(users.len(), 2);
    assert_eq!(
        log.of("userBatch")[0].variables,
        json!({ "ids": ["bob", "alice"], "type": "username" })
    );

    let too_many: Vec<String> = (0..81).map(|i| format!("u{i}")).collect();
    assert_invalid_argument(client.users().batch_get(too_many).send().await, "too many");
    assert!(
        client
            .users()
            .batch_get(Vec::new())
            .send()
            .await
            .expect("empty")
            .is_empty()
    );
    assert_eq!(log.count("userBatch"), 1, "neither sent a request");
}

#[tokio::test]
async fn delete_and_delete_many() {
    let (transport, log) = fake_with_tokens(|seen| {
        Reply::data(
            &seen.operation,
            json!({ "code": 200, "message": "deleted" }),
        )
    });
    let client = client(transport, TestClock::at(T0));
    let message = client.users().delete("u1").await.expect("ok");
    assert_eq!(message.code, Some(200));
    let message = client
        .users()
        .delete_many(vec!["u1".into(), "u2".into()])
        .await
        .expect("ok");
    assert_eq!(message.message.as_deref(), Some("deleted"));
    assert_eq!(log.of("deleteUser")[0].variables, json!({ "id": "u1" }));
    assert_eq!(
        log.of("deleteUsers")[0].variables,
        json!({ "ids": ["u1", "u2"] })
    );
    assert_invalid_argument(client.users().delete_many(Vec::new()).await, "empty");
    assert_invalid_argument(client.users().delete("").await, "empty id");
    assert_eq!(log.admin().len(), 2);
}

#[tokio::test]
async fn the_hook_sees_errors_made_before_sending() {
    let (transport, _) = fake_with_tokens(|_| panic!("nothing may be sent"));
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let client = builder(transport)
        .on_error(Arc::new(move |e: &Error| {
            sink.lock().expect("lock").push(e.to_string());
        }))
        .build()
        .expect("valid");
    client
        .users()
        .find()
        .send()
        .await
        .expect_err("no criterion");
    assert_eq!(seen.lock().expect("lock").len(), 1);
}
