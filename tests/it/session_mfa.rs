//! Sessions and TOTP MFA, end to end: enrol TOTP, log in, answer the MFA step with a code
//! computed from the secret (and once with the recovery code); refresh a token; per-request
//! clients for two users.

use std::time::Duration;

use authing_authentication::mfa::mfa_token;
use authing_authentication::totp;
use authing_core::model::UpdateUserInput;
use authing_core::{Error, Secret, codes};
use authing_tests::{Env, each_transport};

/// The fake's time, in Unix seconds, for computing TOTP codes.
fn now(env: &Env) -> u64 {
    u64::try_from(env.mock.now().timestamp()).expect("after 1970")
}

/// Logs `username` in, expecting the MFA step; returns its `mfaToken`.
async fn mfa_step(env: &Env, username: &str) -> Secret {
    let error = env
        .authentication()
        .login_by_username(username, "passw0rd!")
        .await
        .expect_err("MFA is on");
    assert!(error.is(codes::MFA_REQUIRED), "{error:?}");
    mfa_token(&error).expect("the step's mfaToken")
}

async fn totp_mfa_login(env: Env) {
    let auth = env.authentication();
    auth.register_by_username("ada", "passw0rd!")
        .await
        .expect("register");
    auth.login_by_username("ada", "passw0rd!")
        .await
        .expect("no MFA yet");

    let enrolment = auth.associate_mfa_authenticator().await.expect("associate");
    let secret = enrolment.secret.clone();
    let recovery = enrolment.recovery_code.clone().expect("a recovery code");
    assert!(!format!("{enrolment:?}").contains(secret.expose()));
    let stale = totp::code(secret.expose(), now(&env) - 90).expect("code");
    let wrong = auth
        .confirm_associate_mfa_authenticator(stale.as_str())
        .await;
    assert!(wrong.expect_err("stale code").is(codes::WRONG_TOTP_CODE));
    let code = totp::code(secret.expose(), now(&env)).expect("code");
    auth.confirm_associate_mfa_authenticator(code.as_str())
        .await
        .expect("confirmed");
    let listed = auth.get_mfa_authenticators().await.expect("list");
    assert_eq!(listed.len(), 1);
    assert!(listed[0].enable);

    // A password login now stops at the MFA step.
    let step = mfa_step(&env, "ada").await;
    let client = env.authentication();
    let wrong = client.verify_totp_mfa(&step, stale.as_str()).await;
    assert!(wrong.expect_err("wrong code").is(codes::WRONG_TOTP_CODE));
    assert!(client.token().is_none(), "a failed step logs no one in");
    env.mock.advance_clock(Duration::from_secs(30));
    let code = totp::code(secret.expose(), now(&env)).expect("code");
    let user = client
        .verify_totp_mfa(&step, code.as_str())
        .await
        .expect("verified");
    assert_eq!(user.username.as_deref(), Some("ada"));
    assert!(client.token().is_some(), "the login is complete");
    let me = client.get_current_user().await.expect("acts for ada");
    assert_eq!(me.id, user.id);
    let reused = client.verify_totp_mfa(&step, code.as_str()).await;
    assert!(reused.expect_err("a used step").is(codes::LOGIN_INVALID));

    // The recovery code works once.
    let step = mfa_step(&env, "ada").await;
    let recovered = env
        .authentication()
        .verify_totp_recovery_code(&step, recovery.clone())
        .await
        .expect("recovery code");
    assert_eq!(recovered.id, user.id);
    let step = mfa_step(&env, "ada").await;
    let again = env
        .authentication()
        .verify_totp_recovery_code(&step, recovery)
        .await;
    assert!(again.expect_err("used up").is(codes::WRONG_RECOVERY_CODE));

    // Without the authenticator, the password is enough again.
    client.delete_mfa_authenticator().await.expect("deleted");
    assert!(
        client
            .get_mfa_authenticators()
            .await
            .expect("list")
            .is_empty()
    );
    env.authentication()
        .login_by_username("ada", "passw0rd!")
        .await
        .expect("no MFA any more");
}

async fn refresh_then_logout(env: Env) {
    let auth = env.authentication();
    auth.register_by_username("bob", "passw0rd!")
        .await
        .expect("register");
    let user = auth
        .login_by_username("bob", "passw0rd!")
        .await
        .expect("login");
    let old = auth.token().expect("token");
    // A later iat makes a different token.
    env.mock.advance_clock(Duration::from_secs(2));
    let refreshed = auth.refresh_token().await.expect("refreshed");
    assert_ne!(refreshed.token.expose(), old.expose());
    assert_eq!(
        auth.token().as_ref().map(Secret::expose),
        Some(refreshed.token.expose())
    );
    assert_eq!(
        auth.current_user().map(|u| u.id),
        Some(user.id.clone()),
        "same user"
    );
    let me = auth.get_current_user().await.expect("the new token works");
    assert_eq!(me.id, user.id);
    // Like Authing, a refresh does not end the old token.
    let status = auth.check_login_status_of(&old).await.expect("status");
    assert!(status.is_logged_in(), "{status:?}");

    auth.logout().await.expect("logout");
    assert!(auth.token().is_none());
    let status = auth
        .check_login_status_of(&refreshed.token)
        .await
        .expect("status");
    assert!(!status.is_logged_in(), "logout revokes the token");
    let none = auth.refresh_token().await;
    assert!(matches!(none, Err(Error::NotLoggedIn)), "{none:?}");
}

async fn per_request_clients_are_isolated(env: Env) {
    let base = env.authentication();
    let mut tokens = Vec::new();
    for name in ["carol", "dave"] {
        let client = base.without_session();
        client
            .register_by_username(name, "passw0rd!")
            .await
            .expect("register");
        let user = client
            .login_by_username(name, "passw0rd!")
            .await
            .expect("login");
        tokens.push((user.id, client.token().expect("token")));
    }
    let carol = base.with_token(tokens[0].1.clone());
    let dave = base.with_token(tokens[1].1.clone());
    let (c, d) = tokio::join!(
        carol.update_profile(UpdateUserInput {
            nickname: Some("Carol".into()),
            ..Default::default()
        }),
        dave.get_current_user()
    );
    assert_eq!(c.expect("carol").id, tokens[0].0);
    let d = d.expect("dave");
    assert_eq!(d.id, tokens[1].0);
    assert_eq!(d.nickname, None, "dave never sees carol's change");
    assert_eq!(dave.get_current_user().await.expect("dave").id, tokens[1].0);
    assert_eq!(
        carol.current_user().map(|u| u.id),
        Some(tokens[0].0.clone())
    );
    assert!(base.token().is_none(), "the base client holds no one");
}

each_transport!(
    totp_mfa_login,
    refresh_then_logout,
    per_request_clients_are_isolated
);
