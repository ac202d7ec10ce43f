//! What "nothing per call that can be done once" buys, measured.
//!
//! - `encrypt/*`: encrypting a password with the key parsed once (what clients do) against
//!   parsing the PEM on every call.
//! - `authentication_client/*`: a per-request client from shared parts (`with_token`) against
//!   building one from scratch.
//! - `management_users_list/in_process`: one admin call over the in-process fake with the
//!   management token cached: the SDK's own per-call overhead plus the fake's;
//!   `.../in_process_10_users` the same answering a page of 10 users.
//! - `sdk_per_operation/*`: the SDK's own cost of one call, `users().list()` answered with a
//!   page of 10 realistic users by a canned transport (token cached), against a plain
//!   `serde_json::from_slice` of the same body into the same type.
//!
//! Run with `cargo bench -p authing-tests`.

// criterion_group! and criterion_main! generate undocumented functions.
#![allow(missing_docs)]

use std::future::IntoFuture;
use std::sync::Arc;

use authing_authentication::AuthenticationClient;
use authing_core::encrypt::AUTHING_PUBLIC_KEY_PEM;
use authing_core::model::CreateUserInput;
use authing_core::{Encryptor, RsaEncryptor, Transport};
use authing_management::ManagementClient;
use authing_mock::MockAuthing;
use criterion::{Criterion, criterion_group, criterion_main};

fn encrypt(c: &mut Criterion) {
    let mut group = c.benchmark_group("encrypt");
    let parsed = RsaEncryptor::authing_public_cloud().expect("built-in key");
    group.bench_function("key_parsed_once", |b| {
        b.iter(|| parsed.encrypt("passw0rd!").expect("encrypts"))
    });
    group.bench_function("key_parsed_per_call", |b| {
        b.iter(|| {
            RsaEncryptor::from_pem(AUTHING_PUBLIC_KEY_PEM)
                .expect("parses")
                .encrypt("passw0rd!")
                .expect("encrypts")
        })
    });
    group.finish();
}

fn authentication_client(c: &mut Criterion) {
    let fake = MockAuthing::new();
    let pool = fake.pool();
    let transport: Arc<dyn Transport> = Arc::new(fake.transport());
    let build = || {
        AuthenticationClient::builder()
            .app_id(pool.app_id.clone())
            .app_host(pool.app_host.clone())
            .enc_public_key(pool.public_key_pem.clone())
            .transport(Arc::clone(&transport))
            .build()
            .expect("builds")
    };
    let shared = build();
    let mut group = c.benchmark_group("authentication_client");
    group.bench_function("with_token_from_shared_parts", |b| {
        b.iter(|| shared.with_token("a-user-token"))
    });
    group.bench_function("built_from_scratch", |b| b.iter(build));
    group.finish();
}

fn management_users_list(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let fake = MockAuthing::new();
    let pool = fake.pool();
    let client = ManagementClient::builder(pool.user_pool_id.clone(), pool.secret.clone())
        .host(pool.host.clone())
        .enc_public_key(pool.public_key_pem.clone())
        .transport(fake.transport())
        .build()
        .expect("builds");
    runtime
        .block_on(client.users().list().send())
        .expect("warms the token cache");
    c.bench_function("management_users_list/in_process", |b| {
        // What `client.users().list().await` costs: the boxed `IntoFuture` path.
        b.iter(|| {
            runtime
                .block_on(client.users().list().into_future())
                .expect("lists")
        })
    });
    // The same call answering a page of 10 users with every profile field set.
    for n in 0..10 {
        let input = CreateUserInput {
            username: Some(format!("user{n}")),
            email: Some(format!("user{n}@example.com")),
            phone: Some(format!("1380000{n:04}")),
            nickname: Some(format!("User number {n}")),
            photo: Some("https://example.com/avatar.png".to_owned()),
            ..Default::default()
        };
        runtime
            .block_on(client.users().create(input).send())
            .expect("creates");
    }
    c.bench_function("management_users_list/in_process_10_users", |b| {
        b.iter(|| {
            let page = runtime
                .block_on(client.users().list().page(1).limit(10).send())
                .expect("lists");
            assert_eq!(page.list.len(), 10);
            page
        })
    });
}

/// One user as Authing answers it: every `UserFields` field, realistic values.
fn realistic_user(i: usize) -> serde_json::Value {
    let mut user = serde_json::json!({
        "id": format!("6{i:023}"), "arn": format!("arn:cn:authing:60ab26f5a0a9f7b0f2d3e8c1:user:6{i:023}"),
        "status": "Activated", "userPoolId": "60ab26f5a0a9f7b0f2d3e8c1",
        "username": format!("user{i}"), "email": format!("user{i}@example.com"), "emailVerified": true,
        "phone": format!("138{i:08}"), "phoneVerified": false, "unionid": null, "openid": null,
        "nickname": format!("User {i}"), "registerSource": ["import:manual"],
        "photo": "https://files.authing.co/authing-console/default-user-avatar.png",
        "password": null, "oauth": null, "token": null, "tokenExpiredAt": null,
        "loginsCount": 42, "lastLogin": "2026-11-25T08:30:00.000Z", "lastIP": "203.0.113.7",
        "signedUp": "2026-01-02T03:04:05.000Z", "blocked": false, "isDeleted": false
    });
    // Two halves: one `json!` of every field exceeds the macro's recursion limit.
    let rest = serde_json::json!({
        "device": null, "browser": "Mozilla/5.0 (X11; Linux x86_64) Firefox/132.0",
        "company": "Example Ltd", "name": format!("Name {i}"), "givenName": "Given",
        "familyName": "Family", "middleName": null, "profile": null,
        "preferredUsername": format!("user{i}"), "website": "https://example.com", "gender": "U",
        "birthdate": "1990-01-01", "zoneinfo": "Asia/Shanghai", "locale": "zh-CN",
        "address": "1 Example Road", "formatted": null, "streetAddress": "1 Example Road",
        "locality": "Haidian", "region": "Beijing", "postalCode": "100000", "city": "Beijing",
        "province": "Beijing", "country": "CN",
        "createdAt": "2026-01-02T03:04:05.000Z", "updatedAt": "2026-11-25T08:30:00.000Z",
        "externalId": format!("ext-{i}")
    });
    if let (Some(user), serde_json::Value::Object(rest)) = (user.as_object_mut(), rest) {
        user.extend(rest);
    }
    user
}

fn sdk_per_operation(c: &mut Criterion) {
    use authing_core::model::PaginatedUsers;
    use bytes::Bytes;

    let list: Vec<_> = (0..10).map(realistic_user).collect();
    let page = Bytes::from(
        serde_json::to_vec(
            &serde_json::json!({"data": {"users": {"totalCount": 1234, "list": list}}}),
        )
        .expect("serialises"),
    );
    let token = Bytes::from_static(
        br#"{"data":{"accessToken":{"accessToken":"eyJ.management.token","exp":4102444800,"iat":1900000000}}}"#,
    );
    let answer = page.clone();
    let transport = authing_core::transport_fn(move |request: http::Request<Bytes>| {
        let body = if request.body().windows(13).any(|w| w == b"\"accessToken\"") {
            token.clone()
        } else {
            answer.clone()
        };
        async move { Ok(http::Response::new(body)) }
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let client = ManagementClient::builder("60ab26f5a0a9f7b0f2d3e8c1", "secret")
        .transport(transport)
        .build()
        .expect("builds");
    let first = runtime
        .block_on(client.users().list().send())
        .expect("warms the token cache");
    assert_eq!(first.list.len(), 10);

    #[derive(serde::Deserialize)]
    struct Answer {
        data: Data,
    }
    #[derive(serde::Deserialize)]
    struct Data {
        users: PaginatedUsers,
    }

    let mut group = c.benchmark_group("sdk_per_operation");
    group.bench_function("users_list_10_users", |b| {
        // What `client.users().list().await` costs: the boxed `IntoFuture` path.
        b.iter(|| {
            runtime
                .block_on(client.users().list().into_future())
                .expect("lists")
        })
    });
    group.bench_function("plain_from_slice_10_users", |b| {
        b.iter(|| {
            serde_json::from_slice::<Answer>(&page)
                .expect("decodes")
                .data
                .users
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    encrypt,
    authentication_client,
    management_users_list,
    sdk_per_operation
);
criterion_main!(benches);
