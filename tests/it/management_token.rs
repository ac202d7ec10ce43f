//! The management token: one request for many cold callers, and a transparent refresh when
//! the fake's clock says it expired.

use std::time::Duration;

use authing_tests::{Env, each_transport};

async fn cold_client_makes_one_token_request(env: Env) {
    let client = env.management();
    let calls = (0..16).map(|_| {
        let client = client.clone();
        async move { client.users().list().send().await }
    });
    for result in futures::future::join_all(calls).await {
        result.expect("list users");
    }
    assert_eq!(env.mock.count_graphql("accessToken"), 1);
    assert_eq!(env.mock.count_graphql("users"), 16);
}

async fn expired_token_is_refreshed_once(env: Env) {
    let client = env.management();
    client.users().list().send().await.expect("first call");
    assert_eq!(env.mock.count_graphql("accessToken"), 1);

    // The fake's management tokens live three days; move its clock past that. The client's
    // own clock still thinks the token is fresh, so the server's "expired" answer is what
    // makes it refresh and retry.
    env.mock.advance_clock(Duration::from_secs(4 * 24 * 3600));
    client
        .users()
        .list()
        .send()
        .await
        .expect("call after expiry succeeds");
    assert_eq!(env.mock.count_graphql("accessToken"), 2);

    client
        .users()
        .list()
        .send()
        .await
        .expect("the new token is cached");
    assert_eq!(env.mock.count_graphql("accessToken"), 2);
}

async fn wrong_secret_is_an_api_error(env: Env) {
    let client = authing_management::ManagementClient::builder(
        env.pool.user_pool_id.clone(),
        "not-the-secret",
    )
    .host(env.pool.host.clone())
    .transport(std::sync::Arc::clone(&env.transport))
    .build()
    .expect("client");
    let error = client.users().list().send().await.expect_err("bad secret");
    assert!(
        matches!(error, authing_core::Error::Api { .. }),
        "{error:?}"
    );
    assert!(!format!("{error:?}").contains("not-the-secret"));
}

each_transport!(
    cold_client_makes_one_token_request,
    expired_token_is_refreshed_once,
    wrong_secret_is_an_api_error,
);
