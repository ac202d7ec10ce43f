//! Code-based flows, end to end: codes read from the fake's outbox the way a user reads
//! their phone, rate limits, expiry by the fake's clock, password reset by email code, and
//! binding an email.

use std::time::Duration;

use authing_authentication::EmailScene;
use authing_core::Transport as _;
use authing_tests::{Env, each_transport};
use bytes::Bytes;

const PHONE: &str = "13800138000";

/// The newest code the fake sent to `recipient`.
fn code_for(env: &Env, recipient: &str) -> String {
    env.mock
        .last_code(recipient)
        .expect("a code was sent")
        .expose()
        .to_owned()
}

async fn register_by_phone_from_the_outbox(env: Env) {
    let auth = env.authentication();
    auth.send_sms_code(PHONE).await.expect("code sent");
    let code = code_for(&env, PHONE);
    assert_eq!(code.len(), 6, "six digits");

    // What a client in another language reads: the control endpoint.
    let request = http::Request::get(format!(
        "{}/__authing_mock/outbox?recipient={PHONE}",
        env.pool.host
    ))
    .body(Bytes::new())
    .expect("request");
    let response = env.transport.send(request).await.expect("outbox");
    let outbox: serde_json::Value = serde_json::from_slice(response.body()).expect("json");
    assert_eq!(outbox["data"][0]["code"], code.as_str(), "{outbox}");
    assert_eq!(outbox["data"][0]["consumed"], false);

    let user = auth
        .register_by_phone_code(PHONE, code.clone())
        .password("phone-pass")
        .force_login(true)
        .await
        .expect("registered");
    assert_eq!(user.phone.as_deref(), Some(PHONE));
    assert_eq!(user.phone_verified, Some(true));
    assert!(auth.token().is_some(), "force_login gave a token");
    assert!(
        env.mock.outbox_to(PHONE, None)[0].consumed,
        "the code is used"
    );

    let again = env
        .authentication()
        .register_by_phone_code(PHONE, code)
        .await
        .expect_err("taken, and the code is used");
    assert_eq!(again.code(), Some(2026), "{again:?}");
    env.authentication()
        .login_by_phone_password(PHONE, "phone-pass")
        .await
        .expect("the password works");
}

async fn a_second_code_too_soon_is_refused(env: Env) {
    let auth = env.authentication();
    auth.send_sms_code(PHONE).await.expect("first code");
    let refused = auth.send_sms_code(PHONE).await.expect_err("too soon");
    assert_eq!(refused.code(), Some(2100), "{refused:?}");
    assert_eq!(env.mock.outbox_to(PHONE, None).len(), 1);
    env.mock.advance_clock(Duration::from_secs(61));
    auth.send_sms_code(PHONE).await.expect("after a minute");
    assert_eq!(env.mock.outbox_to(PHONE, None).len(), 2);
}

async fn an_expired_code_is_refused(env: Env) {
    let auth = env.authentication();
    auth.send_sms_code(PHONE).await.expect("code sent");
    let code = code_for(&env, PHONE);
    auth.register_by_phone_code(PHONE, code)
        .await
        .expect("registered");

    auth.send_sms_code(PHONE)
        .await
        .expect_err("still within the minute");
    env.mock.advance_clock(Duration::from_secs(61));
    auth.send_sms_code(PHONE).await.expect("code sent");
    let code = code_for(&env, PHONE);
    env.mock.advance_clock(Duration::from_secs(61));
    let expired = auth
        .login_by_phone_code(PHONE, code.clone())
        .await
        .expect_err("expired");
    assert_eq!(expired.code(), Some(2300), "{expired:?}");
    let wrong = auth
        .login_by_phone_code(PHONE, "000000x")
        .await
        .expect_err("wrong");
    assert_eq!(wrong.code(), Some(2001), "{wrong:?}");

    auth.send_sms_code(PHONE).await.expect("a fresh code");
    let user = auth
        .login_by_phone_code(PHONE, code_for(&env, PHONE))
        .await
        .expect("a fresh code logs in");
    assert_eq!(user.phone.as_deref(), Some(PHONE));
    assert!(auth.token().is_some());
}

async fn reset_a_password_by_email_code(env: Env) {
    let email = "reset@example.com";
    let auth = env.authentication();
    auth.register_by_email(email, "old-pass")
        .await
        .expect("registered");
    auth.send_email(email, EmailScene::ResetPassword)
        .await
        .expect("email sent");
    let sent = env.mock.outbox_to(email, Some("RESET_PASSWORD"));
    assert_eq!(sent.len(), 1);
    let code = sent[0].code.expose().to_owned();
    assert!(
        !format!("{:?}", sent[0]).contains(&code),
        "Debug hides the code"
    );

    let message = auth
        .reset_password_by_email_code(email, code.clone(), "new-pass")
        .await
        .expect("reset");
    assert_eq!(message.code, Some(200));
    let old = env
        .authentication()
        .login_by_email(email, "old-pass")
        .await
        .expect_err("the old password is gone");
    assert_eq!(old.code(), Some(2333), "{old:?}");
    env.authentication()
        .login_by_email(email, "new-pass")
        .await
        .expect("the new password works");
    let reused = auth
        .reset_password_by_email_code(email, code, "third-pass")
        .await
        .expect_err("single use");
    assert_eq!(reused.code(), Some(2001), "{reused:?}");
}

async fn bind_then_unbind_an_email(env: Env) {
    let email = "bound@example.com";
    let auth = env.authentication();
    auth.register_by_username("binder", "pass-1")
        .generate_token(true)
        .await
        .expect("registered");
    auth.send_email(email, EmailScene::VerifyEmail)
        .await
        .expect("email sent");
    let wrong = auth
        .bind_email(email, "not-it")
        .await
        .expect_err("wrong code");
    assert_eq!(wrong.code(), Some(2001), "{wrong:?}");
    let user = auth
        .bind_email(email, code_for(&env, email))
        .await
        .expect("bound");
    assert_eq!(user.email.as_deref(), Some(email));
    assert_eq!(user.email_verified, Some(true));

    let user = auth.unbind_email().await.expect("unbound");
    assert_eq!(user.email, None);
    let none = auth.unbind_email().await.expect_err("nothing bound");
    assert_eq!(none.code(), Some(2219), "{none:?}");
}

each_transport!(
    register_by_phone_from_the_outbox,
    a_second_code_too_soon_is_refused,
    an_expired_code_is_refused,
    reset_a_password_by_email_code,
    bind_then_unbind_an_email
);
