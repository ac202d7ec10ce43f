//! Authing's errors come back as `Error::Api` with Authing's codes, in the client's language.

use authing_core::model::CreateUserInput;
use authing_core::{Error, Lang, Secret};
use authing_tests::{Env, each_transport};

async fn create(env: &Env, username: &str) {
    env.management()
        .users()
        .create(CreateUserInput {
            username: Some(username.into()),
            password: Some(Secret::from("right-password")),
            ..Default::default()
        })
        .send()
        .await
        .expect("create user");
}

async fn user_not_found_is_2004(env: Env) {
    let error = env
        .management()
        .users()
        .detail("000000000000000000000000")
        .send()
        .await
        .expect_err("no such user");
    assert_eq!(error.code(), Some(2004), "{error:?}");

    let error = env
        .authentication()
        .login_by_username("ghost", "whatever")
        .send()
        .await
        .expect_err("no such user");
    match error {
        Error::Api {
            code: 2004,
            message,
            ..
        } => assert!(!message.is_empty()),
        other => panic!("expected 2004, got {other:?}"),
    }
}

async fn wrong_password_is_2333(env: Env) {
    create(&env, "frank").await;
    let error = env
        .authentication()
        .login_by_username("frank", "wrong-password")
        .send()
        .await
        .expect_err("wrong password");
    assert_eq!(error.code(), Some(2333), "{error:?}");
    let text = format!("{error} {error:?}");
    assert!(
        !text.contains("wrong-password"),
        "the password never shows: {text}"
    );
}

async fn duplicate_user_is_2026(env: Env) {
    create(&env, "grace").await;
    let error = env
        .management()
        .users()
        .create(CreateUserInput {
            username: Some("grace".into()),
            password: Some(Secret::from("x123456")),
            ..Default::default()
        })
        .send()
        .await
        .expect_err("duplicate username");
    assert_eq!(error.code(), Some(2026), "{error:?}");

    let error = env
        .authentication()
        .register_by_username("grace", "x123456")
        .send()
        .await
        .expect_err("duplicate username");
    assert_eq!(error.code(), Some(2026), "{error:?}");
}

async fn messages_follow_the_language(env: Env) {
    let english = env
        .authentication_builder()
        .lang(Lang::EnUs)
        .build()
        .expect("client")
        .login_by_username("ghost", "whatever")
        .send()
        .await
        .expect_err("no such user");
    let chinese = env
        .authentication_builder()
        .lang(Lang::ZhCn)
        .build()
        .expect("client")
        .login_by_username("ghost", "whatever")
        .send()
        .await
        .expect_err("no such user");
    let (Error::Api { message: en, .. }, Error::Api { message: zh, .. }) = (&english, &chinese)
    else {
        panic!("expected API errors: {english:?} {chinese:?}");
    };
    assert!(en.is_ascii(), "English message: {en}");
    assert!(!zh.is_ascii(), "Chinese message: {zh}");
}

async fn pools_are_isolated(env: Env) {
    create(&env, "heidi").await;
    let other = env.mock.create_pool();
    let other_admin = authing_management::ManagementClient::builder(
        other.user_pool_id.clone(),
        other.secret.clone(),
    )
    .host(env.pool.host.clone())
    .enc_public_key(other.public_key_pem.clone())
    .transport(std::sync::Arc::clone(&env.transport))
    .build()
    .expect("client");
    let page = other_admin.users().list().send().await.expect("list");
    assert_eq!(page.total_count, 0, "another pool's users are invisible");
    assert!(
        other_admin
            .users()
            .find()
            .username("heidi")
            .send()
            .await
            .expect("find")
            .is_none()
    );
}

each_transport!(
    user_not_found_is_2004,
    wrong_password_is_2333,
    duplicate_user_is_2026,
    messages_follow_the_language,
    pools_are_isolated,
);
