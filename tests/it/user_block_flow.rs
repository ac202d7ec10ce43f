//! Blocking a user: a blocked user cannot log in (2005), an unblocked one can again.

use authing_core::model::{CreateUserInput, UpdateUserInput};
use authing_core::{Error, Secret};
use authing_tests::{Env, each_transport};

async fn blocked_users_cannot_log_in(env: Env) {
    let management = env.management();
    let user = management
        .users()
        .create(CreateUserInput {
            username: Some("carol".into()),
            password: Some(Secret::from("passw0rd!")),
            ..Default::default()
        })
        .await
        .expect("create user");
    let block = |blocked| {
        management.users().update(
            &user.id,
            UpdateUserInput {
                blocked: Some(blocked),
                ..Default::default()
            },
        )
    };

    let blocked = block(true).await.expect("block");
    assert_eq!(blocked.blocked, Some(true));
    let refused = env
        .authentication()
        .login_by_username("carol", "passw0rd!")
        .await
        .expect_err("a blocked user cannot log in");
    assert!(
        matches!(refused, Error::Api { code: 2005, .. }),
        "{refused:?}"
    );

    block(false).await.expect("unblock");
    let me = env
        .authentication()
        .login_by_username("carol", "passw0rd!")
        .await
        .expect("an unblocked user logs in");
    assert_eq!(me.id, user.id);
}

each_transport!(blocked_users_cannot_log_in);
