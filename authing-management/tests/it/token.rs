//! The management token: caching, single flight, refresh, rejection and retry.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::*;
use authing_core::{Error, TransportError};
use authing_management::ManagementClient;
use futures_like::join_all;
use serde_json::json;

/// `futures::future::join_all` without the dependency: spawn and await every task.
mod futures_like {
    pub async fn join_all<T: Send + 'static>(
        tasks: Vec<impl Future<Output = T> + Send + 'static>,
    ) -> Vec<T> {
        let handles: Vec<_> = tasks.into_iter().map(tokio::spawn).collect();
        let mut out = Vec::with_capacity(handles.len());
        for handle in handles {
            out.push(handle.await.expect("task did not panic"));
        }
        out
    }
}

fn exists_ok(_: &Seen) -> Reply {
    Reply::data("isUserExists", json!(true))
}

/// The admin call these tests make: whether a user named `username` exists.
async fn user_exists(client: &ManagementClient, username: &str) -> Result<bool, Error> {
    client.users().exists().username(username).send().await
}

#[tokio::test]
async fn the_token_is_fetched_once_and_reused() {
    let (transport, log) = fake_with_tokens(exists_ok);
    let client = client(transport, TestClock::at(T0));
    for _ in 0..3 {
        assert!(user_exists(&client, "bob").await.expect("ok"));
    }
    assert_eq!(
        client.access_token().await.expect("cached").expose(),
        "tok-1"
    );
    assert_eq!(log.count("accessToken"), 1);
    assert_eq!(log.count("isUserExists"), 3);
}

#[tokio::test]
async fn clones_share_one_token() {
    let (transport, log) = fake_with_tokens(exists_ok);
    let client = client(transport, TestClock::at(T0));
    let clone = client.clone();
    clone
        .users()
        .exists()
        .email("a@b.c")
        .send()
        .await
        .expect("ok");
    client
        .users()
        .exists()
        .email("a@b.c")
        .send()
        .await
        .expect("ok");
    assert_eq!(log.count("accessToken"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixteen_concurrent_first_calls_make_one_token_request() {
    let (transport, log) = fake(|seen| {
        if seen.operation == "accessToken" {
            Reply::token("tok-1", T0, T0 + 7200).after(Duration::from_millis(100))
        } else {
            exists_ok(seen)
        }
    });
    let client = client(transport, TestClock::at(T0));
    let calls = (0..16)
        .map(|i| {
            let client = client.clone();
            async move { user_exists(&client, &format!("u{i}")).await }
        })
        .collect();
    for result in join_all(calls).await {
        assert!(result.expect("ok"));
    }
    assert_eq!(log.count("accessToken"), 1);
    assert_eq!(log.count("isUserExists"), 16);
    assert!(
        log.of("isUserExists")
            .iter()
            .all(|s| s.bearer() == Some("tok-1"))
    );
}

#[tokio::test]
async fn the_token_is_refreshed_when_the_clock_nears_expiry() {
    let (transport, log) = fake_with_tokens(exists_ok);
    let clock = TestClock::at(T0);
    let client = client(transport, clock.clone());
    assert_eq!(client.access_token().await.expect("ok").expose(), "tok-1");

    // Two-hour token: refreshed when less than an hour remains.
    clock.set(T0 + 3600);
    assert_eq!(client.access_token().await.expect("ok").expose(), "tok-1");
    assert_eq!(log.count("accessToken"), 1);

    clock.set(T0 + 3601);
    client
        .users()
        .exists()
        .phone("123")
        .send()
        .await
        .expect("ok");
    assert_eq!(log.count("accessToken"), 2);
    assert_eq!(log.of("isUserExists")[0].bearer(), Some("tok-2"));

    // The new token counts its lifetime from when it arrived.
    clock.set(T0 + 3601 + 3600);
    assert_eq!(client.access_token().await.expect("ok").expose(), "tok-2");
    assert_eq!(log.count("accessToken"), 2);
}

#[tokio::test]
async fn a_failed_token_fetch_is_returned_and_not_cached() {
    let attempts = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&attempts);
    let (transport, log) = fake(move |seen| {
        if seen.operation == "accessToken" {
            if counter.fetch_add(1, Ordering::SeqCst) == 0 {
                Reply::error(2001, "secret is wrong")
            } else {
                Reply::token("tok-ok", T0, T0 + 7200)
            }
        } else {
            exists_ok(seen)
        }
    });
    let client = client(transport, TestClock::at(T0));
    let error = user_exists(&client, "bob")
        .await
        .expect_err("token fetch failed");
    assert_eq!(error.code(), Some(2001), "{error:?}");
    assert_eq!(
        log.count("isUserExists"),
        0,
        "no admin call without a token"
    );

    assert!(user_exists(&client, "bob").await.expect("retried"));
    assert_eq!(log.count("accessToken"), 2);
    assert_eq!(log.of("isUserExists")[0].bearer(), Some("tok-ok"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_caller_waiting_on_a_failed_fetch_gets_its_error() {
    let (transport, log) = fake(|seen| {
        if seen.operation == "accessToken" {
            Reply::Fail(TransportError::connect(std::io::Error::other(
                "connection refused",
            )))
            .after(Duration::from_millis(100))
        } else {
            exists_ok(seen)
        }
    });
    let client = client(transport, TestClock::at(T0));
    let calls = (0..8)
        .map(|_| {
            let client = client.clone();
            async move { client.access_token().await }
        })
        .collect();
    for result in join_all(calls).await {
        let error = result.expect_err("shared failure");
        assert!(
            matches!(&error, Error::Transport(e) if e.to_string().contains("connection refused")),
            "{error:?}"
        );
    }
    assert_eq!(log.count("accessToken"), 1);
    // Not cached: the next call tries again.
    client.access_token().await.expect_err("still down");
    assert_eq!(log.count("accessToken"), 2);
}

#[tokio::test]
async fn a_missing_token_in_the_answer_is_a_decode_error() {
    for answer in [
        json!({ "accessToken": null, "exp": T0 + 7200, "iat": T0 }),
        json!({ "exp": T0 + 7200 }),
    ] {
        let (transport, _) = fake(move |_| Reply::data("accessToken", answer.clone()));
        let client = client(transport, TestClock::at(T0));
        let error = client.access_token().await.expect_err("no token");
        assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    }
    let (transport, _) = fake(|_| Reply::Json(r#"{"data":{"accessToken":null}}"#.into()));
    let error = client(transport, TestClock::at(T0))
        .access_token()
        .await
        .expect_err("null");
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
}

#[tokio::test]
async fn an_expired_token_is_refreshed_and_the_call_retried_once() {
    // Authing rejects tok-1 (expired early, say), accepts tok-2.
    let (transport, log) = fake_with_tokens(|seen| {
        if seen.bearer() == Some("tok-1") {
            Reply::error(2206, "token expired")
        } else {
            exists_ok(seen)
        }
    });
    let client = client(transport, TestClock::at(T0));
    assert!(user_exists(&client, "bob").await.expect("retried"));
    let calls = log.of("isUserExists");
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].bearer(), Some("tok-1"));
    assert_eq!(calls[1].bearer(), Some("tok-2"));
    assert_eq!(log.count("accessToken"), 2);
    assert_eq!(
        client.access_token().await.expect("cached").expose(),
        "tok-2"
    );
}

#[tokio::test]
async fn a_second_rejection_is_returned_without_looping() {
    let (transport, log) = fake_with_tokens(|_| Reply::error(2207, "token invalid"));
    let hook_calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hook_calls);
    let client = builder(transport)
        .clock(TestClock::at(T0))
        .on_error(Arc::new(move |_: &Error| {
            counter.fetch_add(1, Ordering::SeqCst);
        }))
        .build()
        .expect("valid");
    let error = client
        .users()
        .delete("u1")
        .await
        .expect_err("rejected twice");
    assert_eq!(error.code(), Some(2207));
    assert_eq!(log.count("deleteUser"), 2);
    assert_eq!(log.count("accessToken"), 2);
    assert_eq!(
        hook_calls.load(Ordering::SeqCst),
        1,
        "the hook sees the final error only"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_rejections_of_one_token_cause_one_refresh() {
    let (transport, log) = fake_with_tokens(|seen| {
        let reply = if seen.bearer() == Some("tok-1") {
            Reply::error(2206, "token expired")
        } else {
            exists_ok(seen)
        };
        reply.after(Duration::from_millis(20))
    });
    let client = client(transport, TestClock::at(T0));
    client.access_token().await.expect("tok-1 cached");
    let calls = (0..8)
        .map(|_| {
            let client = client.clone();
            async move { user_exists(&client, "bob").await }
        })
        .collect();
    for result in join_all(calls).await {
        assert!(result.expect("ok after one refresh"));
    }
    assert_eq!(log.count("accessToken"), 2);
}

#[tokio::test]
async fn other_errors_are_not_retried() {
    let (transport, log) = fake_with_tokens(|_| Reply::error(2004, "user not found"));
    let client = client(transport, TestClock::at(T0));
    let error = client.users().delete("u1").await.expect_err("api error");
    assert_eq!(error.code(), Some(2004));
    assert_eq!(log.count("deleteUser"), 1);
    assert_eq!(log.count("accessToken"), 1);
}

#[tokio::test]
async fn the_token_request_has_no_authorization_and_admin_calls_have_bearer() {
    let (transport, log) = fake_with_tokens(exists_ok);
    let client = client(transport, TestClock::at(T0));
    user_exists(&client, "bob").await.expect("ok");
    let token_request = &log.of("accessToken")[0];
    assert_eq!(token_request.authorization, None);
    assert_eq!(
        token_request.variables,
        json!({ "userPoolId": POOL, "secret": SECRET })
    );
    assert_eq!(token_request.uri, "https://authing.example.com/graphql/v2");
    let admin = &log.of("isUserExists")[0];
    assert_eq!(admin.authorization.as_deref(), Some("Bearer tok-1"));
    assert!(admin.headers["authorization"].is_sensitive());
    for seen in log.all() {
        assert_eq!(seen.headers["x-authing-userpool-id"], POOL);
    }
}

#[tokio::test]
async fn check_login_status_sends_the_user_token_as_a_variable() {
    let (transport, log) = fake_with_tokens(|_| {
        Reply::data(
            "checkLoginStatus",
            json!({ "code": 200, "message": "ok", "status": true, "exp": T0 + 60, "iat": T0,
                    "data": { "id": "u1", "userPoolId": POOL, "arn": "arn" } }),
        )
    });
    let client = client(transport, TestClock::at(T0));
    let status = client
        .check_login_status("user.jwt.token")
        .await
        .expect("ok");
    assert!(status.is_logged_in());
    assert_eq!(status.data.and_then(|d| d.id).as_deref(), Some("u1"));
    let seen = &log.of("checkLoginStatus")[0];
    assert_eq!(seen.variables, json!({ "token": "user.jwt.token" }));
    assert_eq!(seen.bearer(), Some("tok-1"));
}

#[tokio::test]
async fn debug_prints_neither_secret_nor_token() {
    let (transport, _) = fake(|seen| {
        if seen.operation == "accessToken" {
            Reply::token("very-secret-management-token", T0, T0 + 7200)
        } else {
            exists_ok(seen)
        }
    });
    let client = client(transport, TestClock::at(T0));
    client.access_token().await.expect("cached");
    for debug in [
        format!("{client:?}"),
        format!("{client:#?}"),
        format!("{:?}", client.users()),
        format!("{:?}", client.users().find().username("x")),
        format!("{:?}", builder(fake(exists_ok).0)),
    ] {
        assert!(!debug.contains(SECRET), "{debug}");
        assert!(!debug.contains("very-secret-management-token"), "{debug}");
    }
    let debug = format!("{client:?}");
    assert!(debug.contains(POOL) && debug.contains("fresh"), "{debug}");
}
