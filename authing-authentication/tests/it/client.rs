//! `AuthenticationClient` against canned, Authing-shaped answers: what goes on the wire,
//! what the session holds, and what never prints.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use authing_authentication::{AuthenticationClient, graphql, graphql_documents};
use authing_core::model::{RegisterProfile, UpdateUserInput};
use authing_core::{Error, Lang, Secret, Transport, transport_fn};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use bytes::Bytes;
use http::{HeaderMap, Method};
use rsa::pkcs8::{EncodePublicKey, LineEnding};
use rsa::{Pkcs1v15Encrypt, RsaPrivateKey};
use serde_json::{Map, Value, json};

const APP_HOST: &str = "https://my-app.authing.cn";

/// A key pair made once per test binary; the client gets its public half.
static KEY: LazyLock<(RsaPrivateKey, String)> = LazyLock::new(|| {
    let private = RsaPrivateKey::new(&mut rand::thread_rng(), 1024).expect("keygen");
    let pem = private
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .expect("pem");
    (private, pem)
});

fn decrypt(ciphertext: &Value) -> String {
    let text = ciphertext.as_str().expect("ciphertext is a string");
    let bytes = STANDARD.decode(text).expect("standard base64");
    let plain = KEY.0.decrypt(Pkcs1v15Encrypt, &bytes).expect("decrypts");
    String::from_utf8(plain).expect("utf-8")
}

/// One request the fake saw.
#[derive(Debug)]
struct Seen {
    method: Method,
    uri: String,
    headers: HeaderMap,
    body: Value,
}

impl Seen {
    fn authorization(&self) -> Option<&str> {
        self.headers
            .get("authorization")
            .map(|v| v.to_str().expect("ascii"))
    }

    fn variables(&self) -> &Value {
        &self.body["variables"]
    }
}

/// Records requests and answers them by GraphQL operation name or REST path.
#[derive(Clone, Default)]
struct Fake {
    seen: Arc<Mutex<Vec<Seen>>>,
    answers: Arc<Mutex<HashMap<String, (u16, String)>>>,
}

impl Fake {
    fn answer(&self, key: &str, body: Value) -> &Self {
        self.answers
            .lock()
            .expect("lock")
            .insert(key.to_owned(), (200, body.to_string()));
        self
    }

    fn data(&self, operation: &str, value: Value) -> &Self {
        self.answer(operation, json!({ "data": { operation: value } }))
    }

    fn transport(&self) -> impl Transport + Clone + 'static {
        let fake = self.clone();
        transport_fn(move |request: http::Request<Bytes>| {
            let (parts, body) = request.into_parts();
            let json: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let key = match json["operationName"].as_str() {
                Some(name) if parts.uri.path() == "/graphql/v2" => name.to_owned(),
                _ => parts.uri.path().to_owned(),
            };
            fake.seen.lock().expect("lock").push(Seen {
                method: parts.method,
                uri: parts.uri.to_string(),
                headers: parts.headers,
                body: json,
            });
            let (status, body) = fake
                .answers
                .lock()
                .expect("lock")
                .get(&key)
                .cloned()
                .unwrap_or((500, format!("no canned answer for {key}")));
            async move {
                Ok(http::Response::builder()
                    .status(status)
                    .body(Bytes::from(body))
                    .expect("valid response"))
            }
        })
    }

    fn requests(&self) -> std::sync::MutexGuard<'_, Vec<Seen>> {
        self.seen.lock().expect("lock")
    }

    fn count(&self) -> usize {
        self.requests().len()
    }
}

fn client(fake: &Fake) -> AuthenticationClient<impl Transport + Clone + 'static> {
    AuthenticationClient::builder()
        .app_id("app1")
        .user_pool_id("pool1")
        .app_host(APP_HOST)
        .lang(Lang::EnUs)
        .enc_public_key(KEY.1.clone())
        .transport(fake.transport())
        .build()
        .expect("valid client")
}

fn user(id: &str, token: Option<&str>) -> Value {
    json!({
        "id": id, "arn": format!("arn:cn:authing:pool1:user:{id}"), "status": "Activated",
        "userPoolId": "pool1", "username": "bob", "email": "bob@example.com",
        "emailVerified": false, "phone": null, "nickname": "Bob", "photo": "https://x/y.png",
        "password": "stored-hash-value", "token": token, "tokenExpiredAt": null,
        "loginsCount": 1, "lastIP": "127.0.0.1", "registerSource": ["basic:email"],
        "identities": [], "createdAt": "2024-01-01T00:00:00Z",
    })
}

fn jwt(sub: &str) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(
        json!({"sub": sub, "aud": "app1", "iss": "https://my-app.authing.cn/oidc"}).to_string(),
    );
    format!("{header}.{payload}.signature-not-checked")
}

fn map(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

#[tokio::test]
async fn register_by_email_sends_an_encrypted_password_and_every_option() {
    let fake = Fake::default();
    fake.data("registerByEmail", user("u1", Some("tok-register")));
    let auth = client(&fake);

    let user = auth
        .register_by_email("bob@example.com", "plain-password-1")
        .profile(RegisterProfile {
            nickname: Some("Bob".into()),
            ..Default::default()
        })
        .force_login(true)
        .generate_token(false)
        .client_ip("10.0.0.1")
        .custom_data(map(json!({"school": "MIT", "age": 20})))
        .context(map(json!({"source": "web"})))
        .send()
        .await
        .expect("registered");
    assert_eq!(user.id, "u1");

    let requests = fake.requests();
    let request = &requests[0];
    assert_eq!(request.method, Method::POST);
    assert_eq!(request.uri, format!("{APP_HOST}/graphql/v2"));
    assert_eq!(request.body["operationName"], "registerByEmail");
    assert_eq!(
        request.body["query"],
        graphql::REGISTER_BY_EMAIL.full_document(),
        "the crate's own document, with its fragments"
    );
    assert_eq!(request.authorization(), None);
    let input = &request.variables()["input"];
    assert_eq!(input["email"], "bob@example.com");
    assert_ne!(input["password"], "plain-password-1");
    assert_eq!(decrypt(&input["password"]), "plain-password-1");
    assert!(!request.body.to_string().contains("plain-password-1"));
    assert_eq!(input["profile"], json!({"nickname": "Bob"}));
    assert_eq!(input["forceLogin"], true);
    assert_eq!(input["generateToken"], false);
    assert_eq!(input["clientIp"], "10.0.0.1");
    let mut params: Vec<Value> =
        serde_json::from_str(input["params"].as_str().expect("params is a JSON string"))
            .expect("json");
    params.sort_by_key(|entry| entry["key"].to_string());
    assert_eq!(
        params,
        [
            json!({"key": "age", "value": 20}),
            json!({"key": "school", "value": "MIT"})
        ]
    );
    let context: Value =
        serde_json::from_str(input["context"].as_str().expect("context is a JSON string"))
            .expect("json");
    assert_eq!(context, json!({"source": "web"}));
    drop(requests);

    assert_eq!(
        auth.token().as_ref().map(Secret::expose),
        Some("tok-register")
    );
    assert_eq!(auth.current_user().map(|u| u.id), Some("u1".to_owned()));
}

#[tokio::test]
async fn register_without_a_token_leaves_the_session_alone() {
    let fake = Fake::default();
    fake.data("registerByUsername", user("u2", None));
    let auth = client(&fake);
    auth.register_by_username("bob", "pw")
        .send()
        .await
        .expect("registered");
    let requests = fake.requests();
    let input = &requests[0].variables()["input"];
    assert_eq!(requests[0].body["operationName"], "registerByUsername");
    assert_eq!(input["username"], "bob");
    assert_eq!(decrypt(&input["password"]), "pw");
    let keys: Vec<&String> = input.as_object().expect("object").keys().collect();
    assert_eq!(keys.len(), 2, "unset options are not sent: {keys:?}");
    assert!(auth.token().is_none());
    assert!(auth.current_user().is_none());
}

#[tokio::test]
async fn every_request_carries_the_common_headers() {
    let fake = Fake::default();
    fake.data("loginByEmail", user("u1", Some("tok")));
    let auth = client(&fake);
    auth.login_by_email("bob@example.com", "pw")
        .send()
        .await
        .expect("logged in");
    let requests = fake.requests();
    let headers = &requests[0].headers;
    assert_eq!(headers["x-authing-app-id"], "app1");
    assert_eq!(headers["x-authing-userpool-id"], "pool1");
    assert_eq!(headers["x-authing-lang"], "en-US");
    assert_eq!(headers["x-authing-request-from"], "sdk");
    assert_eq!(
        headers["x-authing-sdk-version"],
        format!("rust:{}", authing_core::SDK_VERSION)
    );
    assert_eq!(headers["content-type"], "application/json");
}

#[tokio::test]
async fn app_host_wins_over_host_and_the_default_is_authing_cloud() {
    let fake = Fake::default();
    fake.data("checkLoginStatus", json!({"code": 200, "status": true}));
    let both = AuthenticationClient::builder()
        .app_id("app1")
        .host("https://private.example.com")
        .app_host("https://app.example.com/")
        .transport(fake.transport())
        .build()
        .expect("valid");
    let neither = AuthenticationClient::builder()
        .user_pool_id("pool1")
        .transport(fake.transport())
        .build()
        .expect("valid");
    both.check_login_status_of("t").await.expect("ok");
    neither.check_login_status_of("t").await.expect("ok");
    let requests = fake.requests();
    assert_eq!(requests[0].uri, "https://app.example.com/graphql/v2");
    assert_eq!(requests[1].uri, "https://core.authing.cn/graphql/v2");
    assert!(!requests[1].headers.contains_key("x-authing-app-id"));
    assert_eq!(requests[1].headers["x-authing-lang"], "zh-CN");
}

#[tokio::test]
async fn login_stores_the_token_and_update_profile_uses_it() {
    let fake = Fake::default();
    fake.data("loginByEmail", user("u1", Some("tok-login")));
    fake.data("updateUser", {
        let mut u = user("u1", None);
        u["nickname"] = json!("Robert");
        u
    });
    let auth = client(&fake);

    let logged_in = auth
        .login_by_email("bob@example.com", "pw-123")
        .auto_register(true)
        .captcha_code("abcd")
        .client_ip("10.0.0.2")
        .custom_data(map(json!({"k": "v"})))
        .context(map(json!({"c": 1})))
        .send()
        .await
        .expect("logged in");
    assert_eq!(
        logged_in.token.as_ref().map(Secret::expose),
        Some("tok-login")
    );
    assert_eq!(auth.token().as_ref().map(Secret::expose), Some("tok-login"));

    let updated = auth
        .update_profile(UpdateUserInput {
            nickname: Some("Robert".into()),
            ..Default::default()
        })
        .await
        .expect("updated");
    assert_eq!(updated.nickname.as_deref(), Some("Robert"));
    assert_eq!(
        auth.token().as_ref().map(Secret::expose),
        Some("tok-login"),
        "an answer without a token keeps the good one"
    );
    assert_eq!(
        auth.current_user().and_then(|u| u.nickname),
        Some("Robert".to_owned())
    );

    let requests = fake.requests();
    assert_eq!(requests.len(), 2, "the user id came from the session");
    let login = &requests[0];
    let input = &login.variables()["input"];
    assert_eq!(input["email"], "bob@example.com");
    assert_eq!(decrypt(&input["password"]), "pw-123");
    assert_eq!(input["autoRegister"], true);
    assert_eq!(input["captchaCode"], "abcd");
    assert_eq!(input["clientIp"], "10.0.0.2");
    assert_eq!(input["params"], r#"[{"key":"k","value":"v"}]"#);
    assert_eq!(input["context"], r#"{"c":1}"#);

    let update = &requests[1];
    assert_eq!(update.body["operationName"], "updateUser");
    assert_eq!(update.authorization(), Some("Bearer tok-login"));
    assert!(update.headers["authorization"].is_sensitive());
    assert_eq!(update.variables()["id"], "u1");
    assert_eq!(update.variables()["input"], json!({"nickname": "Robert"}));
}

#[tokio::test]
async fn login_by_username_sends_the_username() {
    let fake = Fake::default();
    fake.data("loginByUsername", user("u1", Some("tok")));
    let auth = client(&fake);
    auth.login_by_username("bob", "pw")
        .send()
        .await
        .expect("logged in");
    let requests = fake.requests();
    assert_eq!(requests[0].body["operationName"], "loginByUsername");
    assert_eq!(requests[0].variables()["input"]["username"], "bob");
    assert_eq!(decrypt(&requests[0].variables()["input"]["password"]), "pw");
}

#[tokio::test]
async fn calls_for_a_user_without_a_token_fail_without_io() {
    let fake = Fake::default();
    let hooked = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hooked);
    let auth = AuthenticationClient::builder()
        .app_id("app1")
        .on_error(Arc::new(move |_e: &Error| {
            counter.fetch_add(1, Ordering::SeqCst);
        }))
        .transport(fake.transport())
        .build()
        .expect("valid");
    let results = [
        auth.get_current_user().await.map(drop),
        auth.update_profile(UpdateUserInput::default())
            .await
            .map(drop),
        auth.update_password("new")
            .old_password("old")
            .send()
            .await
            .map(drop),
        auth.check_login_status().await.map(drop),
        auth.logout().await,
    ];
    for result in results {
        assert!(matches!(result, Err(Error::NotLoggedIn)), "{result:?}");
    }
    assert_eq!(fake.count(), 0, "nothing was sent");
    assert_eq!(hooked.load(Ordering::SeqCst), 5, "on_error saw each");
}

#[tokio::test]
async fn update_profile_refuses_passwords() {
    let fake = Fake::default();
    let auth = client(&fake).with_token("tok");
    let error = auth
        .update_profile(UpdateUserInput {
            password: Some(Secret::from("new-pass")),
            ..Default::default()
        })
        .await
        .expect_err("refused");
    assert!(matches!(&error, Error::InvalidArgument(m) if m.contains("update_password")));
    assert!(!format!("{error:?}{error}").contains("new-pass"));
    assert_eq!(fake.count(), 0);
}

#[tokio::test]
async fn a_client_built_with_a_jwt_reads_the_user_id_from_it() {
    let fake = Fake::default();
    fake.data("updateUser", user("u-from-jwt", None));
    let token = jwt("u-from-jwt");
    let auth = AuthenticationClient::builder()
        .app_id("app1")
        .token(token.as_str())
        .transport(fake.transport())
        .build()
        .expect("valid");
    auth.update_profile(UpdateUserInput {
        company: Some("ACME".into()),
        ..Default::default()
    })
    .await
    .expect("updated");
    let requests = fake.requests();
    assert_eq!(requests.len(), 1, "no /users/me round trip");
    assert_eq!(requests[0].variables()["id"], "u-from-jwt");
    assert_eq!(
        requests[0].authorization(),
        Some(format!("Bearer {token}").as_str())
    );
    drop(requests);
    assert_eq!(
        auth.current_user().map(|u| u.id),
        Some("u-from-jwt".to_owned())
    );
    assert_eq!(
        auth.token().as_ref().map(Secret::expose),
        Some(token.as_str())
    );
}

#[tokio::test]
async fn an_opaque_token_fetches_the_current_user_first() {
    let fake = Fake::default();
    fake.answer(
        "/api/v2/users/me",
        json!({"code": 200, "message": "ok", "data": user("u9", None)}),
    );
    fake.data("updateUser", user("u9", None));
    let auth = client(&fake).with_token("opaque-token");
    auth.update_profile(UpdateUserInput {
        nickname: Some("N".into()),
        ..Default::default()
    })
    .await
    .expect("updated");
    let requests = fake.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].method, Method::GET);
    assert_eq!(requests[0].uri, format!("{APP_HOST}/api/v2/users/me"));
    assert_eq!(requests[0].authorization(), Some("Bearer opaque-token"));
    assert_eq!(requests[1].variables()["id"], "u9");
}

#[tokio::test]
async fn get_current_user_reads_users_me_and_stores_the_user() {
    let fake = Fake::default();
    fake.answer(
        "/api/v2/users/me",
        json!({"code": 200, "message": "ok", "data": user("u3", None)}),
    );
    let auth = client(&fake).with_token("tok-3");
    let me = auth.get_current_user().await.expect("me");
    assert_eq!(me.id, "u3");
    assert_eq!(me.email.as_deref(), Some("bob@example.com"));
    assert_eq!(auth.current_user().map(|u| u.id), Some("u3".to_owned()));
    assert_eq!(auth.token().as_ref().map(Secret::expose), Some("tok-3"));
    let requests = fake.requests();
    assert_eq!(requests[0].authorization(), Some("Bearer tok-3"));
    assert!(requests[0].body.is_null(), "a GET has no body");
}

#[tokio::test]
async fn update_password_encrypts_both_passwords() {
    let fake = Fake::default();
    fake.data("updatePassword", user("u1", None));
    let auth = client(&fake).with_token("tok");
    auth.update_password("new-secret")
        .old_password("old-secret")
        .send()
        .await
        .expect("changed");
    auth.update_password("only-new")
        .send()
        .await
        .expect("changed");
    let requests = fake.requests();
    let first = requests[0].variables();
    assert_eq!(decrypt(&first["newPassword"]), "new-secret");
    assert_eq!(decrypt(&first["oldPassword"]), "old-secret");
    assert_eq!(requests[0].authorization(), Some("Bearer tok"));
    let second = requests[1].variables();
    assert_eq!(decrypt(&second["newPassword"]), "only-new");
    assert!(second.get("oldPassword").is_none());
}

#[tokio::test]
async fn check_login_status_sends_the_token_as_a_variable() {
    let fake = Fake::default();
    fake.data(
        "checkLoginStatus",
        json!({"code": 200, "message": "已登录", "status": true, "exp": 1_700_000_000, "iat": 1_690_000_000,
               "data": {"id": "u1", "userPoolId": "pool1", "arn": null}}),
    );
    let auth = client(&fake).with_token("held");
    let status = auth.check_login_status().await.expect("status");
    assert!(status.is_logged_in());
    assert_eq!(status.data.and_then(|d| d.id), Some("u1".to_owned()));
    let other = Secret::from("other");
    auth.check_login_status_of(&other).await.expect("status");
    auth.check_login_status_of("literal").await.expect("status");
    auth.check_login_status_of(String::from("owned"))
        .await
        .expect("status");
    let requests = fake.requests();
    let tokens: Vec<&Value> = requests.iter().map(|r| &r.variables()["token"]).collect();
    assert_eq!(tokens, ["held", "other", "literal", "owned"]);
    assert_eq!(requests[0].body["operationName"], "checkLoginStatus");
}

#[tokio::test]
async fn an_expired_token_is_a_status_not_an_error() {
    let fake = Fake::default();
    fake.data(
        "checkLoginStatus",
        json!({"code": 2206, "message": "登录信息已过期", "status": false, "exp": null, "iat": null, "data": null}),
    );
    let status = client(&fake)
        .check_login_status_of("old")
        .await
        .expect("status");
    assert!(!status.is_logged_in());
    assert_eq!(status.code, Some(2206));
}

#[tokio::test]
async fn logout_calls_authing_then_clears_the_session() {
    let fake = Fake::default();
    fake.data("loginByEmail", user("u1", Some("tok-out")));
    fake.answer("/api/v2/logout", json!({"code": 200, "message": "ok"}));
    let auth = client(&fake);
    auth.login_by_email("bob@example.com", "pw")
        .send()
        .await
        .expect("in");
    auth.logout().await.expect("out");
    assert!(auth.token().is_none());
    assert!(auth.current_user().is_none());
    let requests = fake.requests();
    assert_eq!(requests[1].method, Method::GET);
    assert_eq!(
        requests[1].uri,
        format!("{APP_HOST}/api/v2/logout?app_id=app1")
    );
    assert_eq!(requests[1].authorization(), Some("Bearer tok-out"));
}

#[tokio::test]
async fn a_failed_logout_keeps_the_session() {
    let fake = Fake::default();
    fake.answer(
        "/api/v2/logout",
        json!({"code": 2020, "message": "not logged in"}),
    );
    let auth = client(&fake).with_token("tok");
    let error = auth.logout().await.expect_err("refused");
    assert_eq!(error.code(), Some(2020));
    assert_eq!(auth.token().as_ref().map(Secret::expose), Some("tok"));
}

#[tokio::test]
async fn sessions_made_with_with_token_are_isolated() {
    let fake = Fake::default();
    fake.data("checkLoginStatus", json!({"status": true}));
    fake.data("loginByEmail", user("u5", Some("tok-5")));
    let base = client(&fake).with_token("tok-a");
    let other = base.with_token("tok-b");
    assert_eq!(base.token().as_ref().map(Secret::expose), Some("tok-a"));
    assert_eq!(other.token().as_ref().map(Secret::expose), Some("tok-b"));

    let anonymous = base.without_session();
    assert!(anonymous.token().is_none());
    anonymous
        .login_by_email("x@example.com", "pw")
        .send()
        .await
        .expect("in");
    assert_eq!(
        anonymous.token().as_ref().map(Secret::expose),
        Some("tok-5")
    );
    assert_eq!(base.token().as_ref().map(Secret::expose), Some("tok-a"));
    assert_eq!(other.token().as_ref().map(Secret::expose), Some("tok-b"));

    other.clear_session();
    assert!(other.token().is_none());
    assert_eq!(base.token().as_ref().map(Secret::expose), Some("tok-a"));

    // Clone shares the session.
    let clone = base.clone();
    clone.set_token("tok-c");
    assert_eq!(base.token().as_ref().map(Secret::expose), Some("tok-c"));

    base.check_login_status().await.expect("ok");
    anonymous.check_login_status().await.expect("ok");
    let requests = fake.requests();
    let tokens: Vec<&Value> = requests
        .iter()
        .filter(|r| r.body["operationName"] == "checkLoginStatus")
        .map(|r| &r.variables()["token"])
        .collect();
    assert_eq!(tokens, ["tok-c", "tok-5"]);
}

#[tokio::test]
async fn debug_never_prints_tokens_or_passwords() {
    let fake = Fake::default();
    fake.data("loginByEmail", user("u1", Some("very-secret-token")));
    let auth = client(&fake);
    let user = auth
        .login_by_email("bob@example.com", "very-secret-password")
        .send()
        .await
        .expect("in");
    let builder = AuthenticationClient::builder()
        .app_id("app1")
        .token("very-secret-token");
    let request = auth.login_by_email("bob@example.com", "very-secret-password");
    let update = auth.update_password("very-secret-password");
    for debug in [
        format!("{auth:?}"),
        format!("{auth:#?}"),
        format!("{user:?}"),
        format!("{:?}", auth.current_user()),
        format!("{:?}", auth.token()),
        format!("{builder:?}"),
        format!("{request:?}"),
        format!("{update:?}"),
    ] {
        assert!(!debug.contains("very-secret"), "leaked: {debug}");
        assert!(!debug.contains("stored-hash"), "leaked: {debug}");
    }
    assert!(format!("{auth:?}").contains("logged_in: true"));
}

#[test]
fn build_says_what_to_fix() {
    let fake = Fake::default();
    let config_error =
        |builder: authing_authentication::AuthenticationClientBuilder<_>| match builder
            .transport(fake.transport())
            .build()
        {
            Err(Error::Config(message)) => message,
            Err(other) => panic!("expected Config, got {other:?}"),
            Ok(client) => panic!("expected an error, built {client:?}"),
        };
    let base = AuthenticationClient::builder;

    let message = config_error(base());
    assert!(
        message.contains(".app_id(") && message.contains(".user_pool_id("),
        "{message}"
    );
    let message = config_error(base().app_id("  "));
    assert!(message.contains("app id is empty"), "{message}");
    let message = config_error(base().app_id("app1").user_pool_id(""));
    assert!(message.contains("user pool id is empty"), "{message}");
    let message = config_error(base().app_id("app1").host("core.authing.cn"));
    assert!(message.contains("https://core.authing.cn"), "{message}");
    let message = config_error(base().app_id("app1").app_host("ftp://x.example.com"));
    assert!(message.contains("scheme"), "{message}");
    let message = config_error(base().app_id("app1").enc_public_key("not a key"));
    assert!(message.contains("PUBLIC KEY"), "{message}");
    let message = config_error(base().app_id("app\n1"));
    assert!(message.contains("app id"), "{message}");

    assert!(
        base()
            .user_pool_id("pool1")
            .transport(fake.transport())
            .build()
            .is_ok(),
        "a pool id alone is enough"
    );
}

#[tokio::test]
async fn authing_errors_come_back_as_api_errors() {
    let fake = Fake::default();
    fake.answer(
        "loginByEmail",
        json!({"data": {"loginByEmail": null}, "errors": [{
            "message": {"code": 2333, "message": "Account or password is incorrect"},
            "locations": [{"line": 2, "column": 3}],
            "extensions": {"code": "INTERNAL_SERVER_ERROR"}
        }]}),
    );
    let hooked = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hooked);
    let auth = AuthenticationClient::builder()
        .app_id("app1")
        .enc_public_key(KEY.1.clone())
        .on_error(Arc::new(move |e: &Error| {
            assert_eq!(e.code(), Some(2333));
            counter.fetch_add(1, Ordering::SeqCst);
        }))
        .transport(fake.transport())
        .build()
        .expect("valid");
    let error = auth
        .login_by_email("bob@example.com", "wrong")
        .send()
        .await
        .expect_err("refused");
    match &error {
        Error::Api { code, message, .. } => {
            assert_eq!(*code, 2333);
            assert_eq!(message, "Account or password is incorrect");
        }
        other => panic!("expected Api, got {other:?}"),
    }
    assert!(auth.token().is_none());
    assert_eq!(hooked.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_null_user_is_a_decode_error() {
    let fake = Fake::default();
    fake.data("loginByUsername", Value::Null);
    let error = client(&fake)
        .login_by_username("bob", "pw")
        .send()
        .await
        .expect_err("no user");
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
}

#[test]
fn clients_and_their_futures_are_send() {
    fn send_sync<T: Send + Sync>(_: &T) {}
    fn send<F: Send>(_: F) {}
    let fake = Fake::default();
    let auth = client(&fake);
    send_sync(&auth);
    send(auth.register_by_email("a", "b").send());
    send(auth.register_by_username("a", "b").send());
    send(auth.login_by_email("a", "b").send());
    send(auth.login_by_username("a", "b").send());
    send(auth.get_current_user());
    send(auth.update_profile(UpdateUserInput::default()));
    send(auth.update_password("n").old_password("o").send());
    send(auth.check_login_status());
    send(auth.check_login_status_of("t"));
    let secret = Secret::from("t");
    send(auth.check_login_status_of(&secret));
    assert!(!secret.is_empty(), "a borrowed token stays the caller's");
    send(auth.logout());

    let dynamic: Arc<dyn Transport> = Arc::new(fake.transport());
    let auth: AuthenticationClient = AuthenticationClient::builder()
        .app_id("app1")
        .transport(dynamic)
        .build()
        .expect("valid");
    send_sync(&auth);
    send(auth.login_by_email("a", "b").send());
    assert_eq!(fake.count(), 0, "futures not polled send nothing");
}

#[test]
fn the_crate_lists_every_document_it_sends() {
    let documents = graphql_documents();
    let names: Vec<&str> = documents.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        names,
        [
            "registerByEmail",
            "registerByUsername",
            "loginByEmail",
            "loginByUsername",
            "updatePassword",
            "registerByPhoneCode",
            "loginByPhoneCode",
            "loginByPhonePassword",
            "resetPassword",
            "bindPhone",
            "unbindPhone",
            "updatePhone",
            "bindEmail",
            "unbindEmail",
            "updateEmail",
            "loginBySubAccount",
            "resetPasswordByFirstLoginToken",
            "resetPasswordByForceResetToken",
            "checkPasswordStrength",
            "listUserAuthorizedResources",
            // The documents both clients send (authing-core's).
            "checkLoginStatus",
            "updateUser",
            "isUserExists",
            "udv",
            "setUdv",
            "removeUdv",
            "setUdvBatch",
            "refreshToken",
            "getUserRoles",
            "getUserDepartments",
            // mgmtgaps: `sendEmail` moved to authing-core (ManagementClient sends it too).
            "sendEmail",
        ]
    );
    for (name, document) in documents {
        // `unbindPhone` and `unbindEmail` take no variables: no `(`.
        assert!(
            document.contains(&format!(" {name}(")) || document.contains(&format!(" {name} {{")),
            "{name}"
        );
    }
}
