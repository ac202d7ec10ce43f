//! Secrets, passwords and tokens never appear in `Debug`, `Display` or error messages, and
//! passwords only travel encrypted.

use authing_core::Secret;
use authing_core::model::CreateUserInput;
use authing_tests::{Env, each_transport};

const PASSWORD: &str = "Sup3r-Secret-Passw0rd";

async fn secrets_never_print(env: Env) {
    let management = env.management();
    let user = management
        .users()
        .create(CreateUserInput {
            username: Some("ivan".into()),
            password: Some(Secret::from(PASSWORD)),
            ..Default::default()
        })
        .send()
        .await
        .expect("create");
    let auth = env.authentication();
    let logged_in = auth
        .login_by_username("ivan", PASSWORD)
        .send()
        .await
        .expect("login");
    let token = auth.token().expect("token");
    let admin_token = management.access_token().await.expect("management token");

    let printed = format!(
        "{management:?} {auth:?} {user:?} {logged_in:?} {token:?} {:?} {admin_token:?}",
        env.pool
    );
    for secret in [
        PASSWORD,
        token.expose(),
        admin_token.expose(),
        env.pool.secret.expose(),
    ] {
        assert!(
            !printed.contains(secret),
            "a secret leaked into Debug output"
        );
    }

    let error = env
        .authentication()
        .login_by_username("ivan", "Wr0ng-Secret-Passw0rd")
        .send()
        .await
        .expect_err("wrong password");
    let printed = format!("{error} {error:?}");
    assert!(!printed.contains("Wr0ng-Secret"));
}

async fn passwords_travel_encrypted(env: Env) {
    env.authentication()
        .register_by_username("judy", PASSWORD)
        .send()
        .await
        .expect("register");
    env.authentication()
        .login_by_username("judy", PASSWORD)
        .send()
        .await
        .expect("login");
    for request in env.mock.requests() {
        assert!(
            !request.body_text().contains(PASSWORD),
            "the plaintext password was sent to {}",
            request.path
        );
    }
}

each_transport!(secrets_never_print, passwords_travel_encrypted);
