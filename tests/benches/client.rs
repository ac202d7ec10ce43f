//! What "nothing per call that can be done once" buys, measured.
//!
//! - `encrypt/*`: encrypting a password with the key parsed once (what clients do) against
//!   parsing the PEM on every call.
//! - `authentication_client/*`: a per-request client from shared parts (`with_token`) against
//!   building one from scratch.
//! - `management_users_list/in_process`: one admin call over the in-process fake with the
//!   management token cached: the SDK's own per-call overhead plus the fake's;
//!   `.../in_process_10_users` the same answering a page of 10 users.
//!
//! Run with `cargo bench -p authing-tests`.

// criterion_group! and criterion_main! generate undocumented functions.
#![allow(missing_docs)]

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
        b.iter(|| {
            runtime
                .block_on(client.users().list().send())
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

criterion_group!(
    benches,
    encrypt,
    authentication_client,
    management_users_list
);
criterion_main!(benches);
