//! The seed's quick start, end to end: list users, create one, log in, update the profile,
//! and act for the user from a token alone.

use authing_core::model::{CreateUserInput, UpdateUserInput};
use authing_core::{Error, Secret};
use authing_tests::{Env, each_transport};

async fn quick_start(env: Env) {
    let management = env.management();

    let before = management
        .users()
        .list()
        .page(1)
        .limit(10)
        .send()
        .await
        .expect("list users");
    let user = management
        .users()
        .create(CreateUserInput {
            username: Some("bob".into()),
            email: Some("bob@example.com".into()),
            password: Some(Secret::from("passw0rd!")),
            nickname: Some("Bob".into()),
            ..Default::default()
        })
        .send()
        .await
        .expect("create user");
    assert_eq!(user.username.as_deref(), Some("bob"));
    assert!(user.password.is_none(), "the fake never returns passwords");

    let after = management
        .users()
        .list()
        .page(1)
        .limit(10)
        .send()
        .await
        .expect("list users");
    assert_eq!(after.total_count, before.total_count + 1);
    assert!(after.list.iter().any(|u| u.id == user.id));

    // Log in as the user; the client now holds their token.
    let auth = env.authentication();
    let logged_in = auth
        .login_by_username("bob", "passw0rd!")
        .send()
        .await
        .expect("login");
    assert_eq!(logged_in.id, user.id);
    let token = auth.token().expect("login stores the token");
    assert!(!token.is_empty());

    // update_profile works without passing the token again.
    let updated = auth
        .update_profile(UpdateUserInput {
            nickname: Some("Bobby".into()),
            ..Default::default()
        })
        .await
        .expect("update profile");
    assert_eq!(updated.nickname.as_deref(), Some("Bobby"));

    // Init by token: a client made from the token alone acts for the same user.
    let by_token = env
        .authentication_builder()
        .token(token.clone())
        .build()
        .expect("client from token");
    let me = by_token.get_current_user().await.expect("current user");
    assert_eq!(me.id, user.id);
    assert_eq!(me.nickname.as_deref(), Some("Bobby"));
    let status = by_token.check_login_status().await.expect("login status");
    assert!(status.is_logged_in(), "{status:?}");
    let renamed = by_token
        .update_profile(UpdateUserInput {
            company: Some("Authing".into()),
            ..Default::default()
        })
        .await
        .expect("update profile by token");
    assert_eq!(renamed.company.as_deref(), Some("Authing"));

    // The administrator sees the changes.
    let detail = management
        .users()
        .detail(&user.id)
        .send()
        .await
        .expect("detail");
    assert_eq!(detail.nickname.as_deref(), Some("Bobby"));
    assert_eq!(detail.company.as_deref(), Some("Authing"));
    let status = management
        .check_login_status(token.clone())
        .await
        .expect("status");
    assert!(status.is_logged_in());

    // Logging out ends the session for that token.
    by_token.logout().await.expect("logout");
    assert!(by_token.token().is_none());
    let after_logout = env
        .authentication_builder()
        .token(token)
        .build()
        .expect("client from token")
        .get_current_user()
        .await
        .expect_err("a logged-out token is dead");
    assert!(
        matches!(after_logout, Error::Api { .. }),
        "{after_logout:?}"
    );
}

async fn register_then_change_password(env: Env) {
    let auth = env.authentication();
    let user = auth
        .register_by_email("alice@example.com", "first-pass")
        .send()
        .await
        .expect("register");
    assert_eq!(user.email.as_deref(), Some("alice@example.com"));

    let auth = env.authentication();
    auth.login_by_email("alice@example.com", "first-pass")
        .send()
        .await
        .expect("login");
    auth.update_password("second-pass")
        .old_password("first-pass")
        .send()
        .await
        .expect("update password");

    let error = env
        .authentication()
        .login_by_email("alice@example.com", "first-pass")
        .send()
        .await
        .expect_err("the old password no longer works");
    assert_eq!(error.code(), Some(2333), "{error:?}");
    env.authentication()
        .login_by_email("alice@example.com", "second-pass")
        .send()
        .await
        .expect("the new password works");
}

async fn management_user_queries(env: Env) {
    let management = env.management();
    let users = management.users();
    let mut ids = Vec::new();
    for (name, phone) in [
        ("carol", "13800000001"),
        ("dave", "13800000002"),
        ("erin", "13800000003"),
    ] {
        let user = users
            .create(CreateUserInput {
                username: Some(name.into()),
                email: Some(format!("{name}@example.com")),
                phone: Some(phone.into()),
                password: Some(Secret::from("123456")),
                ..Default::default()
            })
            .custom_data(serde_json::Map::from_iter([(
                "team".to_owned(),
                serde_json::json!("blue"),
            )]))
            .send()
            .await
            .expect("create");
        ids.push(user.id);
    }

    let page = users.list().page(1).limit(2).send().await.expect("page 1");
    assert_eq!(page.total_count, 3);
    assert_eq!(page.list.len(), 2);
    let page = users.list().page(2).limit(2).send().await.expect("page 2");
    assert_eq!(page.list.len(), 1);

    let with_data = users
        .detail(&ids[0])
        .with_custom_data(true)
        .send()
        .await
        .expect("detail");
    assert_eq!(with_data.custom_data_map()["team"], "blue");

    let found = users
        .find()
        .email("dave@example.com")
        .send()
        .await
        .expect("find");
    assert_eq!(found.map(|u| u.id), Some(ids[1].clone()));
    assert!(
        users
            .find()
            .username("nobody")
            .send()
            .await
            .expect("find")
            .is_none()
    );

    assert!(
        users
            .exists()
            .phone("13800000003")
            .send()
            .await
            .expect("exists")
    );
    assert!(!users.exists().username("zed").send().await.expect("exists"));

    let hits = users.search("ar").send().await.expect("search");
    assert_eq!(hits.total_count, 1, "only carol matches");

    let batch = users.batch_get(ids.clone()).send().await.expect("batch");
    assert_eq!(batch.len(), 3);

    users.delete(&ids[0]).await.expect("delete");
    users
        .delete_many(ids[1..].to_vec())
        .await
        .expect("delete many");
    let page = users.list().send().await.expect("list");
    assert_eq!(page.total_count, 0);
}

each_transport!(
    quick_start,
    register_then_change_password,
    management_user_queries
);
