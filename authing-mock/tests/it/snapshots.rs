//! Snapshots of the whole fake (Rust methods and test-only endpoints) and the length
//! limits on strings clients send.

use authing_mock::{MockAuthing, MockError};
use serde_json::json;

use crate::common::*;

async fn total_users(transport: &authing_mock::InProcessTransport, token: &str) -> i64 {
    let list = graphql_as(transport, token, USERS, json!({})).await;
    list["data"]["users"]["totalCount"]
        .as_i64()
        .unwrap_or_else(|| panic!("no total: {list}"))
}

#[tokio::test]
async fn snapshot_and_restore_put_back_users_pools_and_uniqueness() {
    let (mock, transport, pool, token) = setup().await;
    create_user(&transport, &token, json!({"username": "kept"})).await;
    let snapshot = mock.snapshot();
    assert!(format!("{snapshot:?}").contains("Snapshot"));

    create_user(&transport, &token, json!({"username": "later"})).await;
    mock.create_pool();
    assert_eq!(total_users(&transport, &token).await, 2);
    assert_eq!(mock.pools().len(), 2);

    mock.restore(&snapshot).expect("our own snapshot");
    assert_eq!(
        total_users(&transport, &token).await,
        1,
        "the token still works"
    );
    assert_eq!(mock.pools().len(), 1);
    assert_eq!(mock.pool().secret, pool.secret);
    // The unique index came back too: "kept" is taken, "later" is free.
    let again = create_user(&transport, &token, json!({"username": "kept"})).await;
    assert_eq!(error_code(&again), 2026);
    let later = create_user(&transport, &token, json!({"username": "later"})).await;
    assert!(later["data"]["createUser"]["id"].is_string(), "{later}");

    // The snapshot is a copy: restoring it twice gives the same state.
    mock.restore(&snapshot).expect("again");
    assert_eq!(total_users(&transport, &token).await, 1);

    let other = MockAuthing::new();
    assert!(matches!(
        other.restore(&snapshot),
        Err(MockError::ForeignSnapshot)
    ));
}

#[tokio::test]
async fn snapshot_and_restore_endpoints() {
    let (_mock, transport, _pool, token) = setup().await;
    create_user(&transport, &token, json!({"username": "kept"})).await;
    let saved = post(&transport, "/__authing_mock/snapshot", None).await;
    assert_eq!(saved.status, 200);
    let saved = saved.json();
    assert_eq!(saved["code"], 200);
    let id = saved["data"]["id"].as_str().expect("an id").to_owned();

    create_user(&transport, &token, json!({"username": "later"})).await;
    assert_eq!(total_users(&transport, &token).await, 2);
    let restored = post(
        &transport,
        "/__authing_mock/restore",
        Some(&json!({"id": id})),
    )
    .await;
    assert_eq!(restored.status, 200);
    assert_eq!(restored.json()["code"], 200);
    assert_eq!(total_users(&transport, &token).await, 1);

    let unknown = post(
        &transport,
        "/__authing_mock/restore",
        Some(&json!({"id": "snapshot-nope"})),
    )
    .await;
    assert_eq!(unknown.status, 404);
    assert_eq!(unknown.json()["code"], 404);
    let malformed = post(&transport, "/__authing_mock/restore", Some(&json!({}))).await;
    assert_eq!(malformed.status, 400);
    assert_eq!(total_users(&transport, &token).await, 1);
}

#[tokio::test]
async fn strings_over_their_length_limits_are_2231_and_not_stored() {
    let (_mock, transport, pool, token) = setup().await;
    let long = "u".repeat(129);
    let created = create_user(&transport, &token, json!({"username": long})).await;
    assert_eq!(error_code(&created), 2231, "{created}");
    assert!(error_message(&created).contains("username"));

    // Huge, yet under the 1 MiB body cap (a bigger body is 413 before it is read).
    let huge = "n".repeat(1 << 19);
    let created = create_user(
        &transport,
        &token,
        json!({"username": "ok", "nickname": huge}),
    )
    .await;
    assert_eq!(error_code(&created), 2231);

    let register = graphql(
        &transport,
        &[("x-authing-app-id", &pool.app_id)],
        "mutation registerByUsername($input: RegisterByUsernameInput!) {
           registerByUsername(input: $input) { id }
         }",
        json!({"input": {"username": long, "password": encrypt(&pool, "pw-123456")}}),
    )
    .await;
    assert_eq!(error_code(&register), 2231);
    assert_eq!(total_users(&transport, &token).await, 0, "nothing stored");

    let at_limit = create_user(&transport, &token, json!({"username": "u".repeat(128)})).await;
    assert!(
        at_limit["data"]["createUser"]["id"].is_string(),
        "{at_limit}"
    );
}
