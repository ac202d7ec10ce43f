//! Applications: create, list, find, refresh a secret, delete; an application's access
//! policy lets one role in and keeps another out at login (code 1576), under the default
//! strategies ALLOW_ALL and DENY_ALL, with deny winning over allow; login agreements.

use authing_core::model::{CreateUserInput, PolicyAssignmentTargetType};
use authing_core::{Secret, codes};
use authing_management::applications::DefaultStrategy;
use authing_tests::{Env, each_transport};

/// Logs `username` in through application `app_id`: `Ok` or the refusal's code.
async fn login_through(env: &Env, app_id: &str, username: &str) -> Result<(), i64> {
    let client = env
        .authentication_builder()
        .app_id(app_id)
        .build()
        .expect("authentication client builds");
    match client.login_by_username(username, "passw0rd!").await {
        Ok(user) => {
            assert_eq!(user.username.as_deref(), Some(username));
            Ok(())
        }
        Err(error) => Err(error.code().expect("a business refusal")),
    }
}

async fn access_policies(env: Env) {
    let management = env.management();
    let mut ids = Vec::new();
    for name in ["ann", "bob"] {
        let user = management
            .users()
            .create(CreateUserInput {
                username: Some(name.into()),
                password: Some(Secret::from("passw0rd!")),
                ..Default::default()
            })
            .await
            .expect("create user");
        ids.push(user.id);
    }
    let (ann, bob) = (ids[0].clone(), ids[1].clone());

    // The default application is the first row; a new one follows it.
    let shop = management
        .applications()
        .create("Shop", "shop", vec!["https://shop.example/callback".into()])
        .logo("https://shop.example/logo.png")
        .await
        .expect("create app");
    assert_eq!(shop.name.as_deref(), Some("Shop"));
    assert_eq!(
        shop.redirect_uris,
        Some(vec!["https://shop.example/callback".to_owned()])
    );
    let page = management.applications().list().await.expect("list apps");
    assert_eq!(page.total_count, 2);
    assert_eq!(page.list[0].id, env.pool.app_id);
    assert_eq!(page.list[0].is_default, Some(true));
    assert_eq!(page.list[1].id, shop.id);
    let taken = management
        .applications()
        .create("Shop again", "SHOP", Vec::new())
        .await
        .expect_err("the identifier is taken");
    assert!(taken.is(codes::APP_NAME_EXISTS), "{taken}");

    let app = management.application(&shop.id);
    // Roles in the application's namespace: ann is staff, bob a guest.
    let roles = management.roles_in(&shop.id);
    for (code, user) in [("staff", &ann), ("guest", &bob)] {
        roles.create(code).await.expect("create role");
        roles
            .add_users(code, vec![user.clone()])
            .await
            .expect("assign role");
    }
    // ALLOW_ALL (the default): anyone may log in.
    assert_eq!(login_through(&env, &shop.id, "ann").await, Ok(()));
    assert_eq!(login_through(&env, &shop.id, "bob").await, Ok(()));

    // DENY_ALL: only those a policy allows.
    let updated = app
        .update_default_access_policy(DefaultStrategy::DenyAll)
        .await
        .expect("set DENY_ALL");
    let strategy = updated.permission_strategy.expect("a permission strategy");
    assert_eq!(strategy.default_strategy, Some(DefaultStrategy::DenyAll));
    assert_eq!(
        login_through(&env, &shop.id, "ann").await,
        Err(codes::APP_ACCESS_DENIED)
    );
    app.allow_access(PolicyAssignmentTargetType::Role, vec!["staff".into()])
        .await
        .expect("allow staff");
    assert_eq!(login_through(&env, &shop.id, "ann").await, Ok(()));
    assert_eq!(
        login_through(&env, &shop.id, "bob").await,
        Err(codes::APP_ACCESS_DENIED)
    );
    // The default application is not affected.
    assert_eq!(login_through(&env, &env.pool.app_id, "bob").await, Ok(()));

    // ALLOW_ALL again, with bob denied: a deny keeps him out; disabling it lets him in.
    app.update_default_access_policy(DefaultStrategy::AllowAll)
        .await
        .expect("set ALLOW_ALL");
    app.deny_access(PolicyAssignmentTargetType::User, vec![bob.clone()])
        .await
        .expect("deny bob");
    assert_eq!(
        login_through(&env, &shop.id, "bob").await,
        Err(codes::APP_ACCESS_DENIED)
    );
    let policies = app.access_policies().await.expect("list policies");
    assert_eq!(policies.total_count, 2);
    assert_eq!(policies.list[1].target_identifier, bob);
    assert_eq!(policies.list[1].enabled, Some(true));
    app.disable_access_policy(PolicyAssignmentTargetType::User, vec![bob.clone()])
        .await
        .expect("disable");
    assert_eq!(login_through(&env, &shop.id, "bob").await, Ok(()));
    app.enable_access_policy(PolicyAssignmentTargetType::User, vec![bob.clone()])
        .await
        .expect("enable");
    assert_eq!(
        login_through(&env, &shop.id, "bob").await,
        Err(codes::APP_ACCESS_DENIED)
    );
    app.delete_access_policy(PolicyAssignmentTargetType::User, vec![bob.clone()])
        .await
        .expect("revoke");
    assert_eq!(login_through(&env, &shop.id, "bob").await, Ok(()));
    let policies = app.access_policies().await.expect("list policies");
    assert_eq!(policies.total_count, 1);
    assert_eq!(policies.list[0].target_identifier, "staff");
    assert_eq!(
        policies.list[0].target_type,
        PolicyAssignmentTargetType::Role
    );

    // A fresh secret.
    let before = app
        .find()
        .await
        .expect("find app")
        .secret
        .expect("a secret");
    let after = app
        .refresh_secret()
        .await
        .expect("refresh")
        .secret
        .expect("a secret");
    assert_ne!(before.expose(), after.expose());

    // Deleted: gone from the list, not found, no login through it.
    app.delete().await.expect("delete app");
    let missing = app.find().await.expect_err("deleted");
    assert!(missing.is(codes::APP_NOT_FOUND), "{missing}");
    assert_eq!(
        login_through(&env, &shop.id, "ann").await,
        Err(codes::APP_NOT_FOUND)
    );
    let page = management.applications().list().await.expect("list apps");
    assert_eq!(page.total_count, 1);
    let default = management
        .applications()
        .delete(&env.pool.app_id)
        .await
        .expect_err("the default app stays");
    assert!(default.is(codes::NO_PERMISSION), "{default}");
}

/// An application's login agreements: created in order, changed, reordered, deleted.
async fn agreements(env: Env) {
    let app = env.management().application(env.pool.app_id.clone());
    let terms = app.create_agreement("Terms").await.expect("create terms");
    assert_eq!(terms.required, Some(true));
    assert_eq!(terms.lang.as_deref(), Some("zh-CN"));
    let privacy = app
        .create_agreement("Privacy")
        .required(false)
        .lang("en-US".to_owned())
        .await
        .expect("create privacy");
    let changed = app
        .modify_agreement(privacy.id)
        .title("Privacy policy")
        .await
        .expect("modify");
    assert_eq!(changed.title, "Privacy policy");
    assert_eq!(changed.required, Some(false));
    app.sort_agreements(vec![privacy.id, terms.id])
        .await
        .expect("sort");
    let listed = app.list_agreements().await.expect("list");
    let titles: Vec<_> = listed.list.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Privacy policy", "Terms"]);
    assert_eq!(listed.list[0].order, Some(1));
    let partial = app
        .sort_agreements(vec![terms.id])
        .await
        .expect_err("every agreement must be named");
    assert!(partial.is(codes::INVALID_PARAMS), "{partial}");
    app.delete_agreement(terms.id).await.expect("delete");
    assert_eq!(app.list_agreements().await.expect("list").total_count, 1);
    let missing = env
        .management()
        .application("000000000000000000000000")
        .list_agreements()
        .await
        .expect_err("no such app");
    assert!(missing.is(codes::APP_NOT_FOUND), "{missing}");
}

each_transport!(access_policies, agreements);
