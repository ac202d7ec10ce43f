//! The gaps the authentication audit found (authgaps), end to end: a phone-code login
//! that registers the phone, the pool's password-strength rule on every password a user
//! chooses, directory / sub-account logins stopping at the MFA step as password logins
//! do, and an application's public configuration.

use authing_authentication::EmailScene;
use authing_authentication::mfa::mfa_token;
use authing_authentication::totp;
use authing_core::model::CreateUserInput;
use authing_core::{Secret, codes};
use authing_mock::PasswordStrength;
use authing_tests::{Env, each_transport};
use serde_json::json;

const PHONE: &str = "13900139000";

/// The newest code the fake sent to `recipient`.
fn code_for(env: &Env, recipient: &str) -> String {
    env.mock
        .last_code(recipient)
        .expect("a code was sent")
        .expose()
        .to_owned()
}

/// The fake's time, in Unix seconds, for computing TOTP codes.
fn now(env: &Env) -> u64 {
    u64::try_from(env.mock.now().timestamp()).expect("after 1970")
}

/// `loginByPhoneCode` with `autoRegister`: an unknown phone is refused without it, becomes
/// a user with it (once the code checks out), and the next login finds that user.
async fn phone_code_login_registers(env: Env) {
    let auth = env.authentication();
    auth.send_sms_code(PHONE).await.expect("code sent");
    let code = code_for(&env, PHONE);
    let unknown = auth.login_by_phone_code(PHONE, code.as_str()).await;
    assert!(unknown.expect_err("unknown").is(codes::USER_NOT_FOUND));
    let wrong = auth
        .login_by_phone_code(PHONE, "000000")
        .auto_register(true)
        .await;
    assert!(wrong.expect_err("wrong code").is(codes::WRONG_VERIFY_CODE));
    let user = auth
        .login_by_phone_code(PHONE, code.as_str())
        .auto_register(true)
        .await
        .expect("registered and logged in");
    assert_eq!(user.phone.as_deref(), Some(PHONE));
    assert_eq!(user.phone_verified, Some(true));
    assert!(auth.token().is_some(), "the client acts for the new user");
    let me = auth.get_current_user().await.expect("me");
    assert_eq!(me.id, user.id);
    let found = env
        .management()
        .users()
        .find()
        .phone(PHONE)
        .await
        .expect("found");
    assert_eq!(found.map(|u| u.id), Some(user.id));
}

/// The pool's strength rule refuses weak passwords a user chooses (register, change,
/// reset) with 2470; an administrator creating a user is exempt.
async fn strength_rule_is_enforced(env: Env) {
    env.mock.set_password_strength(PasswordStrength::ThreeKinds);
    let auth = env.authentication();
    let weak = auth.register_by_username("weak", "abc123").await;
    let error = weak.expect_err("too weak");
    assert!(error.is(codes::PASSWORD_TOO_WEAK), "{error:?}");
    assert!(
        !format!("{error:?}").contains("abc123"),
        "no secret in errors"
    );
    auth.register_by_username("strong", "ab12!x")
        .await
        .expect("strong enough");
    auth.login_by_username("strong", "ab12!x")
        .await
        .expect("logs in");
    let change = auth.update_password("abcdef").old_password("ab12!x").await;
    assert!(change.expect_err("too weak").is(codes::PASSWORD_TOO_WEAK));
    auth.update_password("cd34?y")
        .old_password("ab12!x")
        .await
        .expect("changed");

    let input = CreateUserInput {
        username: Some("by-admin".into()),
        phone: Some(PHONE.into()),
        password: Some(Secret::from("1")),
        ..Default::default()
    };
    env.management()
        .users()
        .create(input)
        .await
        .expect("an administrator is exempt");
    auth.send_sms_code(PHONE).await.expect("code sent");
    let code = code_for(&env, PHONE);
    let reset = auth
        .reset_password_by_phone_code(PHONE, code.as_str(), "123456")
        .await;
    assert!(reset.expect_err("too weak").is(codes::PASSWORD_TOO_WEAK));
    auth.reset_password_by_phone_code(PHONE, code.as_str(), "ef56#z")
        .await
        .expect("the refused reset did not burn the code");
    auth.login_by_username("by-admin", "ef56#z")
        .await
        .expect("logs in with the reset password");
}

/// With TOTP MFA on, LDAP, AD and sub-account logins stop at the MFA step (1635) as a
/// password login does, and a code computed from the secret completes them.
async fn directory_logins_take_the_mfa_step(env: Env) {
    env.mock
        .add_ldap_user("ada", "directory-pw", json!({}))
        .expect("a directory entry");
    let auth = env
        .authentication_builder()
        .websocket_host(env.pool.host.clone())
        .build()
        .expect("client");
    let ada = auth
        .login_by_ldap("ada", "directory-pw")
        .await
        .expect("LDAP");
    env.mock
        .add_sub_account(&ada.id, "ada-ops", "sub-pw")
        .expect("a sub-account");
    let enrolment = auth.associate_mfa_authenticator().await.expect("associate");
    let secret = enrolment.secret.clone();
    let code = totp::code(secret.expose(), now(&env)).expect("code");
    auth.confirm_associate_mfa_authenticator(code.as_str())
        .await
        .expect("confirmed");

    let fresh = auth.without_session();
    let ldap = fresh.login_by_ldap("ada", "directory-pw").await;
    let error = ldap.expect_err("the MFA step");
    assert!(error.is(codes::MFA_REQUIRED), "{error:?}");
    assert!(fresh.token().is_none(), "no token before the step");
    let ad = fresh.login_by_ad("ada", "directory-pw").await;
    assert!(ad.expect_err("the MFA step").is(codes::MFA_REQUIRED));
    let sub = fresh.login_by_sub_account("ada-ops", "sub-pw").await;
    let error = sub.expect_err("the MFA step");
    assert!(error.is(codes::MFA_REQUIRED), "{error:?}");
    let step = mfa_token(&error).expect("the step's mfaToken");
    env.mock.advance_clock(std::time::Duration::from_secs(30));
    let code = totp::code(secret.expose(), now(&env)).expect("code");
    let user = fresh
        .verify_totp_mfa(&step, code.as_str())
        .await
        .expect("verified");
    assert_eq!(user.id, ada.id);
    assert!(fresh.token().is_some(), "the login is complete");
}

/// The application's public configuration, read without a token, from the fake's record
/// of it; an unknown application is 2011.
async fn application_public_config(env: Env) {
    let auth = env.authentication();
    let config = auth
        .application_public_config()
        .await
        .expect("the client's application");
    assert_eq!(config.id, env.pool.app_id);
    assert_eq!(
        config.user_pool_id.as_deref(),
        Some(env.pool.user_pool_id.as_str())
    );
    assert_eq!(
        config.public_key.as_deref(),
        Some(env.mock.public_key_pem())
    );
    assert_eq!(config.verify_code_length, Some(6));
    assert!(config.identity_provider("oidc", "corp").is_none());
    let text = format!("{config:?}");
    assert!(
        !text.contains(env.pool.app_secret.expose()),
        "no app secret: {text}"
    );
    let missing = auth.application_public_config_of("no-such-app").await;
    assert!(missing.expect_err("unknown").is(codes::APP_NOT_FOUND));
    let none = auth.application_public_config_of(" ").await;
    assert!(
        matches!(none, Err(authing_core::Error::InvalidArgument(_))),
        "{none:?}"
    );
}

/// Bind, change and unbind a phone, and change an email, each proven by a code from the
/// outbox; the client's user follows each change.
async fn phone_and_email_changes(env: Env) {
    const FIRST: &str = "13700137001";
    const SECOND: &str = "13700137002";
    let auth = env.authentication();
    auth.register_by_username("pat", "passw0rd!")
        .await
        .expect("registered");
    auth.login_by_username("pat", "passw0rd!")
        .await
        .expect("logs in");

    auth.send_sms_code(FIRST).await.expect("code sent");
    let wrong = auth.bind_phone(FIRST, "000000").await;
    assert!(wrong.expect_err("wrong code").is(codes::WRONG_VERIFY_CODE));
    let user = auth
        .bind_phone(FIRST, code_for(&env, FIRST))
        .await
        .expect("bound");
    assert_eq!(user.phone.as_deref(), Some(FIRST));
    auth.send_sms_code(SECOND).await.expect("code sent");
    let user = auth
        .update_phone(SECOND, code_for(&env, SECOND))
        .await
        .expect("changed");
    assert_eq!(user.phone.as_deref(), Some(SECOND));
    let found = env.management().users().find().phone(FIRST).await;
    assert!(found.expect("searched").is_none(), "the old phone is free");
    let user = auth.unbind_phone().await.expect("unbound");
    assert_eq!(user.phone, None);
    assert_eq!(auth.get_current_user().await.expect("me").phone, None);

    let first = "pat@example.com";
    let second = "pat@example.org";
    auth.send_email(first, EmailScene::VerifyEmail)
        .await
        .expect("sent");
    auth.bind_email(first, code_for(&env, first))
        .await
        .expect("bound");
    auth.send_email(second, EmailScene::ChangeEmail)
        .await
        .expect("sent");
    let user = auth
        .update_email(second, code_for(&env, second))
        .await
        .expect("changed");
    assert_eq!(user.email.as_deref(), Some(second));
    auth.login_by_email(second, "passw0rd!")
        .await
        .expect("logs in with the new email");

    // Another client given the token acts for the same user.
    let other = env.authentication();
    other.set_token(auth.token().expect("a token"));
    let me = other.get_current_user().await.expect("acts for pat");
    assert_eq!(me.email.as_deref(), Some(second));
}

each_transport!(
    application_public_config,
    phone_and_email_changes,
    phone_code_login_registers,
    strength_rule_is_enforced,
    directory_logins_take_the_mfa_step
);
