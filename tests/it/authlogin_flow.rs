//! The other ways in, end to end (authlogin): LDAP and AD logins against the fake's
//! directory, sub-accounts, the password resets a login demands, the application's SMS and
//! face MFA step, and linking two accounts.

use authing_authentication::EmailScene;
use authing_authentication::mfa::mfa_token;
use authing_authentication::password::{compute_password_security_level, reset_token};
use authing_core::model::{CreateUserInput, User};
use authing_core::{Error, Secret, codes};
use authing_mock::{AppMfa, PasswordStrength};
use authing_tests::{Env, each_transport};
use serde_json::json;

fn providers(user: &User) -> Vec<String> {
    user.identities
        .iter()
        .flatten()
        .filter_map(|identity| identity.provider.clone())
        .collect()
}

/// LDAP and AD logins through the fake's directory: the first links a new Authing user,
/// the next ones find it; a wrong password is refused. AD goes to the websocket host.
async fn directory_logins(env: Env) {
    env.mock
        .add_ldap_user("ada", "directory-pw", json!({"nickname": "Ada L."}))
        .expect("a directory entry");
    let auth = env
        .authentication_builder()
        .websocket_host(env.pool.host.clone())
        .build()
        .expect("client");
    let user = auth
        .login_by_ldap("ada", "directory-pw")
        .await
        .expect("LDAP");
    assert_eq!(user.nickname.as_deref(), Some("Ada L."));
    assert_eq!(providers(&user), ["ldap"]);
    assert!(auth.token().is_some(), "the client acts for ada");
    let me = auth.get_current_user().await.expect("me");
    assert_eq!(me.id, user.id);

    let wrong = auth.without_session().login_by_ldap("ada", "nope").await;
    assert!(wrong.expect_err("wrong").is(codes::WRONG_CREDENTIALS));
    let unknown = auth
        .without_session()
        .login_by_ldap("bob", "directory-pw")
        .await;
    assert!(unknown.expect_err("unknown").is(codes::WRONG_CREDENTIALS));

    let ad = auth.without_session();
    let again = ad.login_by_ad("ada", "directory-pw").await.expect("AD");
    assert_eq!(again.id, user.id, "the same directory user");
    assert_eq!(providers(&again), ["ldap", "ad"]);
    let wrong = ad.without_session().login_by_ad("ada", "nope").await;
    assert!(wrong.expect_err("wrong").is(codes::WRONG_CREDENTIALS));
    let logins = env
        .mock
        .requests()
        .iter()
        .filter(|r| r.path == "/api/v2/ad/verify-user")
        .count();
    assert_eq!(logins, 2);

    // Sub-accounts log in as their user.
    env.mock
        .add_sub_account(&user.id, "ada-ops", "sub-pw")
        .expect("a sub-account");
    let sub = env.authentication();
    let wrong = sub.login_by_sub_account("ada-ops", "nope").await;
    assert!(wrong.expect_err("wrong").is(codes::WRONG_CREDENTIALS));
    let as_ada = sub
        .login_by_sub_account("ada-ops", "sub-pw")
        .await
        .expect("sub-account login");
    assert_eq!(as_ada.id, user.id);

    assert!(sub.is_user_exists().username("ada-ops").await.is_ok());
    assert!(
        !env.authentication()
            .is_user_exists()
            .username("nobody")
            .await
            .expect("asked")
    );
}

/// A user created with `resetPasswordOnFirstLogin` gets 1639 and a token at login; the token
/// sets the password once. A forced reset (2058) also proves the old password.
async fn first_login_reset(env: Env) {
    let input = CreateUserInput {
        username: Some("carl".into()),
        password: Some(Secret::from("initial-pw")),
        ..Default::default()
    };
    let carl = env
        .management()
        .users()
        .create(input)
        .reset_password_on_first_login(true)
        .await
        .expect("created");
    let auth = env.authentication();
    let error = auth
        .login_by_username("carl", "initial-pw")
        .await
        .expect_err("must reset");
    assert!(error.is(codes::FIRST_LOGIN_RESET_PASSWORD), "{error:?}");
    assert!(auth.token().is_none());
    let token = reset_token(&error).expect("a reset token");
    auth.reset_password_by_first_login_token(&token, "chosen-pw-1")
        .await
        .expect("reset");
    let again = auth
        .reset_password_by_first_login_token(&token, "chosen-pw-2")
        .await;
    assert!(again.expect_err("used").is(codes::LOGIN_INVALID));
    let old = auth.login_by_username("carl", "initial-pw").await;
    assert!(old.expect_err("old password").is(codes::WRONG_CREDENTIALS));
    let user = auth
        .login_by_username("carl", "chosen-pw-1")
        .await
        .expect("logs in");
    assert_eq!(user.id, carl.id);

    env.mock.require_password_reset(&carl.id).expect("forced");
    let error = auth
        .without_session()
        .login_by_username("carl", "chosen-pw-1")
        .await
        .expect_err("must reset");
    assert!(error.is(codes::FORCED_PASSWORD_RESET), "{error:?}");
    let token = reset_token(&error).expect("a reset token");
    let wrong = auth
        .reset_password_by_force_reset_token(&token, "nope", "chosen-pw-3")
        .await;
    assert!(wrong.expect_err("old wrong").is(codes::OLD_PASSWORD_WRONG));
    auth.reset_password_by_force_reset_token(&token, "chosen-pw-1", "chosen-pw-3")
        .await
        .expect("reset");
    auth.login_by_username("carl", "chosen-pw-3")
        .await
        .expect("logs in");

    // The pool's strength rule, and the local estimate.
    env.mock.set_password_strength(PasswordStrength::ThreeKinds);
    let weak = auth
        .check_password_strength("abc123")
        .await
        .expect("checked");
    assert!(!weak.valid);
    assert!(weak.message.is_some());
    let strong = auth
        .check_password_strength("ab12!x")
        .await
        .expect("checked");
    assert!(strong.valid);
    assert_eq!(compute_password_security_level("Correct1Horse"), 3);
}

/// The application demands SMS MFA: the login stops at 1636; the code from the outbox
/// answers it (binding the phone), and the client then acts for the user. Then face MFA.
async fn app_sms_mfa(env: Env) {
    let auth = env.authentication();
    auth.register_by_username("dana", "passw0rd!")
        .await
        .expect("registered");
    env.mock
        .require_app_mfa(&env.pool.app_id, Some(AppMfa::Sms))
        .expect("app MFA on");
    let error = auth
        .login_by_username("dana", "passw0rd!")
        .await
        .expect_err("MFA step");
    assert!(error.is(codes::APP_MFA_REQUIRED), "{error:?}");
    let step = mfa_token(&error).expect("the step's mfaToken");
    let client = env.authentication();
    let phone = "13800000007";
    assert!(
        client
            .phone_or_email_bindable(&step)
            .phone(phone)
            .await
            .expect("checked")
    );
    client.send_sms_code(phone).await.expect("sent");
    let code = env.mock.last_code(phone).expect("the SMS in the outbox");
    let wrong = client.verify_app_sms_mfa(&step, phone, "000000").await;
    assert!(wrong.expect_err("wrong").is(codes::WRONG_VERIFY_CODE));
    assert!(client.token().is_none(), "a failed step logs no one in");
    let user = client
        .verify_app_sms_mfa(&step, phone, code.clone())
        .await
        .expect("verified");
    assert_eq!(user.phone.as_deref(), Some(phone), "bound at the step");
    assert!(client.token().is_some());
    assert_eq!(client.get_current_user().await.expect("me").id, user.id);
    let reused = env
        .authentication()
        .verify_app_sms_mfa(&step, phone, code)
        .await;
    assert!(reused.expect_err("a used step").is(codes::LOGIN_INVALID));

    // Face MFA: enrol within the step, then verify with the same photo URL.
    env.mock
        .require_app_mfa(&env.pool.app_id, Some(AppMfa::Face))
        .expect("face MFA on");
    let step = mfa_token(
        &env.authentication()
            .login_by_username("dana", "passw0rd!")
            .await
            .expect_err("MFA step"),
    )
    .expect("mfaToken");
    let photo = "https://files.example.com/dana.jpg";
    let enrolled = env
        .authentication()
        .associate_face_in_mfa_step(&step, photo, "https://files.example.com/dana-2.jpg")
        .await
        .expect("enrolled");
    assert_eq!(enrolled.id, user.id);
    let step = mfa_token(
        &env.authentication()
            .login_by_username("dana", "passw0rd!")
            .await
            .expect_err("MFA step"),
    )
    .expect("mfaToken");
    let client = env.authentication();
    let other = client
        .verify_face_mfa(&step, "https://files.example.com/eve.jpg")
        .await;
    assert!(other.expect_err("not dana").is(codes::FACE_MISMATCH));
    let verified = client.verify_face_mfa(&step, photo).await.expect("matches");
    assert_eq!(verified.id, user.id);
    assert!(client.token().is_some());
    let again = client.associate_face_by_url(photo, photo).await;
    assert!(again.expect_err("enrolled").is(codes::FACE_ALREADY_BOUND));

    // Email MFA: the code goes to the address given at the step (bound, as no user has it).
    env.mock
        .require_app_mfa(&env.pool.app_id, Some(AppMfa::Email))
        .expect("email MFA on");
    let step = mfa_token(
        &env.authentication()
            .login_by_username("dana", "passw0rd!")
            .await
            .expect_err("MFA step"),
    )
    .expect("mfaToken");
    let email = "dana@example.com";
    let client = env.authentication();
    client
        .send_email(email, EmailScene::MfaVerify)
        .await
        .expect("sent");
    let code = env.mock.last_code(email).expect("the email in the outbox");
    let user = client
        .verify_app_email_mfa(&step, email, code)
        .await
        .expect("verified");
    assert_eq!(user.email.as_deref(), Some(email));
    assert!(client.token().is_some());
}

/// Linking: the secondary account's identities move to the primary, and the secondary is
/// gone; unlinking removes them again.
async fn link_two_accounts(env: Env) {
    env.mock
        .add_ldap_user("erin.dir", "directory-pw", json!({}))
        .expect("a directory entry");
    let primary = env.authentication();
    let erin = primary
        .register_by_username("erin", "passw0rd!")
        .await
        .expect("registered");
    primary
        .login_by_username("erin", "passw0rd!")
        .await
        .expect("logs in");
    let secondary = env.authentication();
    let directory_user = secondary
        .login_by_ldap("erin.dir", "directory-pw")
        .await
        .expect("LDAP");
    assert_ne!(directory_user.id, erin.id);
    let primary_token = primary.token().expect("logged in");
    let secondary_token = secondary.token().expect("logged in");

    primary
        .link_account(&primary_token, &secondary_token)
        .await
        .expect("linked");
    let gone = env.management().users().detail(&directory_user.id).await;
    assert!(gone.expect_err("deleted").is(codes::USER_NOT_FOUND));
    let me = primary.get_current_user().await.expect("me");
    assert_eq!(providers(&me), ["ldap"]);
    let relogin = env
        .authentication()
        .login_by_ldap("erin.dir", "directory-pw")
        .await
        .expect("LDAP");
    assert_eq!(relogin.id, erin.id, "the directory identity is erin's now");

    primary
        .unlink_account(&primary_token, "ldap")
        .await
        .expect("unlinked");
    let me = primary.get_current_user().await.expect("me");
    assert!(providers(&me).is_empty());
    let again = primary.unlink_account(&primary_token, "ldap").await;
    assert!(again.expect_err("not bound").is(codes::OAUTH_NOT_BOUND));
    let bad = primary.link_account(&primary_token, "not-a-token").await;
    assert!(matches!(bad, Err(Error::Api { .. })), "{bad:?}");
}

each_transport!(
    directory_logins,
    first_login_reset,
    app_sms_mfa,
    link_two_accounts
);
