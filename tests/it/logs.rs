//! Nothing the SDK or the fake logs carries a secret, a password or a token, even at the
//! most verbose level.

use std::io::Write;
use std::sync::{Arc, Mutex};

use authing_core::Secret;
use authing_core::model::{CreateUserInput, UpdateUserInput};
use authing_tests::{Door, Env};

/// Collects everything the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const PASSWORD: &str = "L0gged-Never-Passw0rd";

// A current-thread runtime, so the subscriber set for this thread sees the SDK, the
// in-process fake and everything they spawn.
#[tokio::test(flavor = "current_thread")]
async fn trace_logs_hold_no_secrets() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let env = Env::new(Door::InProcess).await;
    let management = env.management();
    management
        .users()
        .create(CreateUserInput {
            username: Some("kim".into()),
            password: Some(Secret::from(PASSWORD)),
            ..Default::default()
        })
        .send()
        .await
        .expect("create");
    let auth = env.authentication();
    auth.login_by_username("kim", PASSWORD)
        .send()
        .await
        .expect("login");
    auth.update_profile(UpdateUserInput {
        nickname: Some("K".into()),
        ..Default::default()
    })
    .await
    .expect("update");
    let _ = auth
        .login_by_username("kim", "Wr0ng-L0gged-Passw0rd")
        .send()
        .await;
    let user_token = auth.token().expect("token");
    let admin_token = management.access_token().await.expect("token");
    auth.logout().await.expect("logout");

    let logs = String::from_utf8_lossy(&captured.0.lock().expect("log buffer")).into_owned();
    assert!(logs.contains("authing"), "the SDK logged at all: {logs}");
    for secret in [
        PASSWORD,
        "Wr0ng-L0gged-Passw0rd",
        user_token.expose(),
        admin_token.expose(),
        env.pool.secret.expose(),
    ] {
        assert!(!logs.contains(secret), "a secret is in the logs:\n{logs}");
    }
}
