//! The quick start: the seed's snippets, in Rust.
//!
//! By default it runs against a fake Authing embedded in this process (no network, no
//! account). Set the usual variables to run it against a real Authing instead:
//!
//! ```text
//! AUTHING_USERPOOL_ID=...  AUTHING_USERPOOL_SECRET=...   # management
//! AUTHING_APP_ID=...       AUTHING_APP_HOST=https://your-app.authing.cn
//! AUTHING_HOST=https://core.authing.cn                   # optional: a private deployment's host
//! AUTHING_ENC_PUBLIC_KEY_FILE=key.pem                    # optional: a private deployment's key
//! ```
//!
//! Run it with `cargo run -p authing --example quickstart`. Against a real pool it creates a
//! user named `quickstart-<random>` and deletes it at the end.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use authing::model::{CreateUserInput, UpdateUserInput};
use authing::{AuthenticationClient, Error, ManagementClient, ReqwestTransport, Secret, Transport};

/// Where the quick start runs, and with which credentials.
struct Target {
    description: String,
    transport: Arc<dyn Transport>,
    user_pool_id: String,
    secret: Secret,
    app_id: String,
    app_host: String,
    host: String,
    /// `None`: the client's built-in key for Authing's public cloud.
    enc_public_key: Option<String>,
    /// Keeps the embedded fake alive.
    _fake: Option<authing_mock::MockAuthing>,
}

fn target() -> Result<Target, Box<dyn std::error::Error>> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    if let (Some(pool), Some(secret), Some(app_id), Some(app_host)) = (
        var("AUTHING_USERPOOL_ID"),
        var("AUTHING_USERPOOL_SECRET"),
        var("AUTHING_APP_ID"),
        var("AUTHING_APP_HOST"),
    ) {
        let enc_public_key = match var("AUTHING_ENC_PUBLIC_KEY_FILE") {
            Some(path) => Some(
                std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?,
            ),
            None => None,
        };
        let host = var("AUTHING_HOST").unwrap_or_else(|| authing::core::DEFAULT_HOST.to_owned());
        return Ok(Target {
            description: format!("the Authing at {host}"),
            transport: Arc::new(ReqwestTransport::new()?),
            user_pool_id: pool,
            secret: Secret::from(secret),
            app_id,
            app_host,
            host,
            enc_public_key,
            _fake: None,
        });
    }
    // No credentials: start the fake. It is a private deployment like any other: its own
    // host and its own password-encryption key.
    let fake = authing_mock::MockAuthing::new();
    let pool = fake.pool();
    Ok(Target {
        description:
            "the embedded fake Authing (set AUTHING_USERPOOL_ID, AUTHING_USERPOOL_SECRET, \
                      AUTHING_APP_ID and AUTHING_APP_HOST to use a real one)"
                .to_owned(),
        transport: Arc::new(fake.transport()),
        user_pool_id: pool.user_pool_id.clone(),
        secret: pool.secret.clone(),
        app_id: pool.app_id.clone(),
        app_host: pool.app_host.clone(),
        host: pool.host.clone(),
        enc_public_key: Some(pool.public_key_pem.clone()),
        _fake: Some(fake),
    })
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = target()?;
    println!("Running the quick start against {}.\n", target.description);

    // 1. Initialise the management client. A private deployment passes its own host and key.
    let mut builder = ManagementClient::builder(target.user_pool_id.clone(), target.secret.clone())
        .host(target.host.clone())
        .transport(Arc::clone(&target.transport));
    if let Some(pem) = &target.enc_public_key {
        builder = builder.enc_public_key(pem.clone());
    }
    let management = builder.build()?;

    // 2. List users.
    let page = management.users().list().page(1).limit(10).await?;
    println!("users.list: {} users in the pool", page.total_count);

    // Give the quick start a user of its own to log in with.
    let suffix = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis() % 1_000_000;
    let username = format!("quickstart-{suffix}");
    let password = Secret::from(format!("Qs-{suffix}-passw0rd"));
    let created = management
        .users()
        .create(CreateUserInput {
            username: Some(username.clone()),
            password: Some(password.clone()),
            ..Default::default()
        })
        .await?;
    println!("users.create: created {username} ({})", created.id);

    // 3. Log in by username with the authentication client.
    let mut builder = AuthenticationClient::builder()
        .app_id(target.app_id.clone())
        .app_host(target.app_host.clone())
        .transport(Arc::clone(&target.transport));
    if let Some(pem) = &target.enc_public_key {
        builder = builder.enc_public_key(pem.clone());
    }
    let authentication = builder.build()?;
    let user = authentication
        .login_by_username(username.clone(), password.clone())
        .await?;
    println!("login_by_username: logged in as {}", user.id);

    // 4. Update the profile: the client holds the user's token since the login.
    let user = authentication
        .update_profile(UpdateUserInput {
            nickname: Some("Quick Start".into()),
            ..Default::default()
        })
        .await?;
    println!(
        "update_profile: nickname is now {:?}",
        user.nickname.as_deref().unwrap_or("")
    );

    // 5. Initialise a client from a token alone, as a backend does per request.
    let token = authentication
        .token()
        .ok_or("the login returned no token")?;
    let for_user = authentication.with_token(token);
    let me = for_user.get_current_user().await?;
    println!(
        "init by token: the token belongs to {}",
        me.username.as_deref().unwrap_or(&me.id)
    );

    // 6. Catch Authing's error codes: 2004 is "user does not exist".
    match management.users().detail("000000000000000000000000").await {
        Err(Error::Api {
            code: 2004,
            message,
            ..
        }) => {
            println!("users.detail of an unknown id: error 2004 ({message})");
        }
        Err(other) => return Err(other.into()),
        Ok(user) => println!("unexpectedly found user {}", user.id),
    }

    // 7. A code-based flow: register by phone with the SMS code. The fake sends no SMS: it
    //    keeps every code in its outbox, where a test reads it the way a user reads a phone.
    //    (Against a real pool this step would text a real phone, so it runs on the fake only.)
    if let Some(fake) = &target._fake {
        let phone = "13800138000";
        authentication.send_sms_code(phone).await?;
        let code = fake.last_code(phone).ok_or("the fake sent no code")?;
        let by_phone = authentication
            .register_by_phone_code(phone, code)
            .password("Phone-passw0rd")
            .await?;
        println!(
            "register_by_phone_code: registered {} with the code from the outbox",
            by_phone.phone.as_deref().unwrap_or(&by_phone.id)
        );
        management.users().delete(&by_phone.id).await?;
    }

    management.users().delete(&created.id).await?;
    println!("\ncleaned up: deleted {username}. Done.");
    Ok(())
}
