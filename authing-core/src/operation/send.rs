//! [`send`]: the one path every operation takes, and [`call`], the same without the hook,
//! retry and session (for the calls a client makes for itself).

use bytes::Bytes;
use serde::de::DeserializeOwned;

use super::definition::{Auth, Client, Operation, Wire};
use crate::api::ApiClient;
use crate::codes;
use crate::error::Error;
use crate::secret::Secret;
use crate::transport::Transport;

/// Sends `operation` with `client`: the one path every call of the SDK takes (see the
/// [module docs](mod@crate::operation)). The `on_error` hook sees the error, once, before it is returned.
pub async fn send<C: Client, O: Operation>(client: &C, operation: &O) -> Result<O::Output, Error> {
    let result = attempt(client, operation).await;
    result.map_err(|error| client.api().report(error))
}

async fn attempt<C: Client, O: Operation>(client: &C, operation: &O) -> Result<O::Output, Error> {
    let api = client.api();
    if let Some(answer) = operation.answered_locally() {
        return O::finish(answer, api.lang());
    }
    let request = api.prepare(operation)?;
    let auth = match operation.auth() {
        Auth::Client => client.own_auth(),
        auth => auth,
    };
    let token = client.token(auth).await?;
    let retry = (auth == Auth::Management).then(|| clone_request(&request));
    let answer = match exchange::<_, O>(api, operation, request, token.as_ref()).await {
        Err(error) if is_token_rejected(&error) && token.is_some() => {
            let (Some(retry), Some(rejected)) = (retry, token.as_ref()) else {
                return Err(error);
            };
            tracing::debug!(
                code = error.code(),
                "authing rejected the token; refreshing and retrying once"
            );
            match client.refresh_token(auth, rejected).await? {
                Some(fresh) => exchange::<_, O>(api, operation, retry, Some(&fresh)).await?,
                None => return Err(error),
            }
        }
        other => other?,
    };
    let output = O::finish(answer, api.lang())?;
    client.apply_session(O::session(&output), token.as_ref());
    Ok(output)
}

/// Sends `operation` once with `token` and decodes its output, without the `on_error` hook,
/// retries or session effects: for the calls a client makes for itself (fetching the
/// management token).
pub async fn call<T: Transport, O: Operation>(
    api: &ApiClient<T>,
    operation: &O,
    token: Option<&Secret>,
) -> Result<O::Output, Error> {
    if let Some(answer) = operation.answered_locally() {
        return O::finish(answer, api.lang());
    }
    let request = api.prepare(operation)?;
    let answer = exchange::<_, O>(api, operation, request, token).await?;
    O::finish(answer, api.lang())
}

async fn exchange<T: Transport, O: Operation>(
    api: &ApiClient<T>,
    operation: &O,
    request: http::Request<Bytes>,
    token: Option<&Secret>,
) -> Result<O::Answer, Error> {
    tracing::debug!(operation = %operation.wire().name(), "authing request");
    let response = api.execute(request, token).await?;
    let (parts, body) = response.into_parts();
    // The wire is not held across the await: its borrowed `&str` would keep the future from
    // being provably `Send` for every lifetime (the token cache needs `'static + Send`).
    decode::<O::Answer>(&operation.wire(), &parts, body)
}

/// Decodes an answer to a call that travelled as `wire`: GraphQL's `data.<root field>` or
/// REST's envelope `data`, straight into `R`.
pub fn decode<R: DeserializeOwned>(
    wire: &Wire<'_>,
    parts: &http::response::Parts,
    body: Bytes,
) -> Result<R, Error> {
    match wire {
        Wire::Graphql(op) => op.decode_answer(parts, body),
        Wire::Rest { .. } => crate::rest::decode_answer(parts, body),
    }
}

/// Whether `error` says the token was not accepted (expired or invalid).
pub fn is_token_rejected(error: &Error) -> bool {
    error.is(codes::LOGIN_EXPIRED) || error.is(codes::LOGIN_INVALID)
}

fn clone_request(request: &http::Request<Bytes>) -> http::Request<Bytes> {
    let mut copy = http::Request::new(request.body().clone());
    *copy.method_mut() = request.method().clone();
    *copy.uri_mut() = request.uri().clone();
    *copy.version_mut() = request.version();
    *copy.headers_mut() = request.headers().clone();
    copy
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};

    use serde_json::{Value, json};

    use super::*;
    use crate::graphql::GraphQlOperation;
    use crate::operation::BoxFuture;
    use crate::operation::SessionEffect;
    use crate::transport::transport_fn;
    use http::Method;

    const EXISTS: GraphQlOperation = GraphQlOperation::new(
        "isUserExists",
        "isUserExists",
        "query isUserExists($username: String) { isUserExists(username: $username) }",
    );

    crate::operation! {
        /// A GraphQL operation for these tests.
        struct Exists -> bool {
            wire: Wire::Graphql(&EXISTS),
            auth: Management,
            optional {
                /// A username.
                username: String,
            }
        }
    }

    crate::operation! {
        /// A REST operation with a placeholder, a query and a password, for these tests.
        struct Rest -> Value {
            wire: Wire::Rest { method: Method::GET, path: "/api/v2/users/{id}/things" },
            auth: User,
            required {
                /// The id in the path.
                id: String,
                /// A password, never sent as given.
                #[serde(skip_serializing)]
                password: Secret,
            }
            optional {
                /// Goes to the query.
                page: u32,
            }
            impl {
                fn passwords(&self) -> Vec<(&'static str, &Secret)> {
                    vec![("/password", &self.password)]
                }

                fn session(_output: &Value) -> SessionEffect<'_> {
                    SessionEffect::ForgetToken
                }
            }
        }
    }

    #[derive(Debug)]
    struct Reversing;

    impl crate::Encryptor for Reversing {
        fn encrypt(&self, plaintext: &str) -> Result<String, Error> {
            Ok(plaintext.chars().rev().collect())
        }
    }

    /// A client whose token is `tok-N`, N the number of refreshes so far.
    struct Refreshing<T> {
        api: ApiClient<T>,
        refreshes: AtomicUsize,
        effects: Mutex<Vec<String>>,
    }

    impl<T: Transport> Client for Refreshing<T> {
        type Transport = T;

        fn api(&self) -> &ApiClient<T> {
            &self.api
        }

        fn own_auth(&self) -> Auth {
            Auth::Management
        }

        fn token(&self, auth: Auth) -> BoxFuture<'_, Result<Option<Secret>, Error>> {
            let token = match auth {
                Auth::None => Ok(None),
                Auth::User => Err(Error::NotLoggedIn),
                _ => Ok(Some(Secret::from(format!(
                    "tok-{}",
                    self.refreshes.load(Ordering::SeqCst)
                )))),
            };
            Box::pin(std::future::ready(token))
        }

        fn refresh_token<'a>(
            &'a self,
            _auth: Auth,
            rejected: &'a Secret,
        ) -> BoxFuture<'a, Result<Option<Secret>, Error>> {
            let n = self.refreshes.fetch_add(1, Ordering::SeqCst) + 1;
            assert_eq!(rejected.expose(), format!("tok-{}", n - 1));
            Box::pin(std::future::ready(Ok(Some(Secret::from(format!(
                "tok-{n}"
            ))))))
        }

        fn apply_session(&self, effect: SessionEffect<'_>, token: Option<&Secret>) {
            self.effects
                .lock()
                .expect("lock")
                .push(format!("{effect:?} {:?}", token.map(Secret::expose)));
        }
    }

    type Seen = Arc<Mutex<Vec<http::Request<Bytes>>>>;

    fn client(answers: Vec<&'static str>) -> (Refreshing<impl Transport>, Seen) {
        client_with_hook(answers, None)
    }

    fn client_with_hook(
        answers: Vec<&'static str>,
        hook: Option<crate::OnError>,
    ) -> (Refreshing<impl Transport>, Seen) {
        let seen: Seen = Arc::default();
        let log = Arc::clone(&seen);
        let answers = Arc::new(Mutex::new(answers.into_iter()));
        let transport = transport_fn(move |request: http::Request<Bytes>| {
            log.lock().expect("lock").push(request);
            let answer = answers.lock().expect("lock").next().unwrap_or("{}");
            async move { Ok(http::Response::new(Bytes::from_static(answer.as_bytes()))) }
        });
        let mut builder = ApiClient::builder(transport)
            .host("https://core.authing.cn")
            .encryptor(Arc::new(Reversing));
        if let Some(hook) = hook {
            builder = builder.on_error(hook);
        }
        let api = builder.build().expect("valid");
        let client = Refreshing {
            api,
            refreshes: AtomicUsize::new(0),
            effects: Mutex::default(),
        };
        (client, seen)
    }

    const REJECTED: &str = r#"{"errors":[{"message":{"code":2206,"message":"expired"}}]}"#;

    #[tokio::test]
    async fn a_rejected_management_token_is_refreshed_and_the_call_sent_once_more() {
        let (client, seen) = client(vec![REJECTED, r#"{"data":{"isUserExists":true}}"#]);
        let exists = send(&client, &Exists::new(()).username("bob"))
            .await
            .expect("retried");
        assert!(exists);
        let seen = seen.lock().expect("lock");
        assert_eq!(seen.len(), 2);
        assert_eq!(seen[0].headers()["authorization"], "Bearer tok-0");
        assert_eq!(seen[1].headers()["authorization"], "Bearer tok-1");
        assert_eq!(
            seen[0].body(),
            seen[1].body(),
            "the same request, once more"
        );
    }

    #[tokio::test]
    async fn a_second_rejection_is_the_error_and_the_hook_sees_it_once() {
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        let hook: crate::OnError = Arc::new(move |_e: &Error| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let (client, seen) = client_with_hook(vec![REJECTED, REJECTED, REJECTED], Some(hook));
        let error = send(&client, &Exists::new(()).username("bob"))
            .await
            .expect_err("rejected twice");
        assert!(error.is(codes::LOGIN_EXPIRED));
        assert_eq!(seen.lock().expect("lock").len(), 2, "one retry, no loop");
        assert_eq!(
            calls.load(Ordering::SeqCst),
            1,
            "the hook sees the final error once"
        );
    }

    #[tokio::test]
    async fn unset_arguments_are_not_sent() {
        let (client, seen) = client(vec![r#"{"data":{"isUserExists":false}}"#]);
        send(&client, &Exists::new(())).await.expect("ok");
        let seen = seen.lock().expect("lock");
        let body: Value = serde_json::from_slice(seen[0].body()).expect("json");
        assert_eq!(body["variables"], json!({}));
        assert_eq!(body["operationName"], "isUserExists");
    }

    #[tokio::test]
    async fn rest_fills_the_path_and_query_and_encrypts_passwords_in_prepare() {
        let (client, _) = client(vec![]);
        let op = Rest::new((), "a b", "secret").page(2u32);
        let request = client.api.prepare(&op).expect("prepares");
        assert_eq!(request.method(), Method::GET);
        assert_eq!(
            request.uri(),
            "https://core.authing.cn/api/v2/users/a%20b/things?page=2&password=terces"
        );
        assert!(request.body().is_empty());
        assert!(
            request.headers().get("authorization").is_none(),
            "prepare adds no token"
        );
        assert!(
            !format!("{op:?}").contains("secret"),
            "Debug hides the password"
        );
    }

    #[tokio::test]
    async fn a_user_call_without_a_token_sends_nothing() {
        let (client, seen) = client(vec![]);
        let error = send(&client, &Rest::new((), "id", "pw"))
            .await
            .expect_err("no token");
        assert!(matches!(error, Error::NotLoggedIn), "{error:?}");
        assert!(seen.lock().expect("lock").is_empty());
        assert!(
            client.effects.lock().expect("lock").is_empty(),
            "no session effect"
        );
    }

    #[tokio::test]
    async fn check_failures_send_nothing() {
        let (client, seen) = client(vec![]);
        let error = send(&client, &Rest::new((), " ", "pw"))
            .await
            .expect_err("empty id");
        assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
        assert!(seen.lock().expect("lock").is_empty());
    }
}

/// The request executor under the send path: common headers, the token, the hook, the
/// deadline, the headers an `Http` error keeps.
#[cfg(test)]
mod executor_tests {
    use std::sync::Arc;
    use std::time::Duration;

    use bytes::Bytes;
    use http::Method;

    use crate::api::ApiClient;
    use crate::error::Error;
    use crate::graphql::GraphQlOperation;
    use crate::lang::Lang;
    use crate::operation::raw::RawRest;
    use crate::secret::Secret;
    use crate::transport::Transport;
    use crate::transport::transport_fn;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    type Seen = Arc<Mutex<Vec<http::Request<Bytes>>>>;

    fn recording(answer: &'static str) -> (impl Transport, Seen) {
        let seen: Seen = Arc::default();
        let log = Arc::clone(&seen);
        let transport = transport_fn(move |request: http::Request<Bytes>| {
            log.lock().expect("lock").push(request);
            async move { Ok(http::Response::new(Bytes::from_static(answer.as_bytes()))) }
        });
        (transport, seen)
    }

    const OP: GraphQlOperation = GraphQlOperation::new(
        "isUserExists",
        "isUserExists",
        "query isUserExists { isUserExists }",
    );

    crate::operation! {
        /// `isUserExists`, for these tests.
        struct Exists -> bool {
            wire: crate::Wire::Graphql(&OP),
            auth: Management,
        }
    }

    /// A client with a fixed token.
    struct Fixed<T>(ApiClient<T>, Option<Secret>);

    impl<T: Transport> crate::Client for Fixed<T> {
        type Transport = T;
        fn api(&self) -> &ApiClient<T> {
            &self.0
        }
        fn own_auth(&self) -> crate::Auth {
            crate::Auth::Management
        }
        fn token(
            &self,
            _auth: crate::Auth,
        ) -> futures::future::BoxFuture<'_, Result<Option<Secret>, Error>> {
            Box::pin(std::future::ready(Ok(self.1.clone())))
        }
    }

    #[tokio::test]
    async fn sends_common_headers_and_bearer_token() {
        let (transport, seen) = recording(r#"{"data":{"isUserExists":true}}"#);
        let client = ApiClient::builder(transport)
            .host("https://example.authing.cn/")
            .user_pool_id("pool1")
            .app_id("app1")
            .lang(Lang::EnUs)
            .build()
            .expect("valid");
        let client = Fixed(client, Some(Secret::from("tok")));
        let exists = crate::operation::send(&client, &Exists::new(()))
            .await
            .expect("ok");
        assert!(exists);
        let seen = seen.lock().expect("lock");
        let request = &seen[0];
        assert_eq!(request.uri(), "https://example.authing.cn/graphql/v2");
        let h = request.headers();
        assert_eq!(h["x-authing-userpool-id"], "pool1");
        assert_eq!(h["x-authing-app-id"], "app1");
        assert_eq!(h["x-authing-lang"], "en-US");
        assert_eq!(h["x-authing-request-from"], "sdk");
        assert_eq!(
            h["x-authing-sdk-version"],
            format!("rust:{}", crate::SDK_VERSION)
        );
        assert_eq!(h["authorization"], "Bearer tok");
        assert!(h["authorization"].is_sensitive());
        assert!(
            !format!("{h:?}").contains("tok\""),
            "sensitive headers do not print"
        );
    }

    crate::operation! {
        /// `isUserExists` as both clients send it, for these tests.
        struct ExistsForEither -> bool {
            wire: crate::Wire::Graphql(&OP),
            auth: Client,
        }
    }

    /// A client acting for a user: it has a token for [`Auth::User`] only.
    struct ActingForUser<T>(ApiClient<T>);

    impl<T: Transport> crate::Client for ActingForUser<T> {
        type Transport = T;
        fn api(&self) -> &ApiClient<T> {
            &self.0
        }
        fn own_auth(&self) -> crate::Auth {
            crate::Auth::User
        }
        fn token(
            &self,
            auth: crate::Auth,
        ) -> futures::future::BoxFuture<'_, Result<Option<Secret>, Error>> {
            let token = match auth {
                crate::Auth::User => Ok(Some(Secret::from("user-tok"))),
                other => Err(Error::invalid_argument(format!("asked for {other:?}"))),
            };
            Box::pin(std::future::ready(token))
        }
    }

    #[tokio::test]
    async fn an_operation_of_either_client_is_authorised_by_the_senders_own_credential() {
        let answer = r#"{"data":{"isUserExists":true}}"#;
        let (transport, seen_by_user) = recording(answer);
        let as_user = ActingForUser(ApiClient::builder(transport).build().expect("valid"));
        assert!(
            crate::operation::send(&as_user, &ExistsForEither::new(()))
                .await
                .expect("sent with the user's token")
        );
        let (transport, seen_by_admin) = recording(answer);
        let api = ApiClient::builder(transport).build().expect("valid");
        let as_admin = Fixed(api, Some(Secret::from("admin-tok")));
        assert!(
            crate::operation::send(&as_admin, &ExistsForEither::new(()))
                .await
                .expect("sent with the management token")
        );
        let by_user = &seen_by_user.lock().expect("lock")[0];
        assert_eq!(by_user.headers()["authorization"], "Bearer user-tok");
        let by_admin = &seen_by_admin.lock().expect("lock")[0];
        assert_eq!(by_admin.headers()["authorization"], "Bearer admin-tok");
    }

    #[tokio::test]
    async fn http_errors_keep_retry_after_and_the_request_id_only() {
        let transport = transport_fn(|_request: http::Request<Bytes>| async {
            Ok(http::Response::builder()
                .status(429)
                .header("retry-after", "7")
                .header("x-authing-request-id", "req-42")
                .header("set-cookie", "session=cookie-secret")
                .header("www-authenticate", "Bearer realm=authing-secret")
                .body(Bytes::from_static(b"<html>Too Many Requests</html>"))
                .expect("static response"))
        });
        let client = Fixed(ApiClient::builder(transport).build().expect("valid"), None);
        let graphql = crate::operation::send(&client, &Exists::new(()))
            .await
            .expect_err("429");
        let me = RawRest::<serde_json::Value>::new(
            Method::GET,
            "/api/v2/users/me",
            None,
            crate::Auth::None,
        );
        let rest = crate::operation::send(&client, &me).await.expect_err("429");
        for error in [graphql, rest] {
            assert!(matches!(error, Error::Http { .. }), "{error:?}");
            assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));
            assert_eq!(error.request_id(), Some("req-42"));
            let debug = format!("{error:?}");
            assert!(debug.contains("req-42"), "{debug}");
            assert!(
                !debug.contains("cookie-secret") && !debug.contains("authing-secret"),
                "{debug}"
            );
        }
    }

    #[tokio::test]
    async fn on_error_sees_every_error() {
        let (transport, _) = recording(r#"{"errors":[{"message":{"code":2004,"message":"no"}}]}"#);
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        let client = ApiClient::builder(transport)
            .on_error(Arc::new(move |e: &Error| {
                assert_eq!(e.code(), Some(2004));
                counter.fetch_add(1, Ordering::SeqCst);
            }))
            .build()
            .expect("valid");
        let result = crate::operation::send(&Fixed(client, None), &Exists::new(())).await;
        assert_eq!(result.expect_err("api").code(), Some(2004));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn the_deadline_is_a_timeout_transport_error() {
        let transport = transport_fn(|_req: http::Request<Bytes>| async {
            tokio::time::sleep(Duration::from_secs(30)).await;
            Ok(http::Response::new(Bytes::new()))
        });
        let client = ApiClient::builder(transport)
            .timeout(Duration::from_millis(20))
            .build()
            .expect("valid");
        let error = crate::operation::send(&Fixed(client, None), &Exists::new(()))
            .await
            .expect_err("timeout");
        assert!(
            matches!(&error, Error::Transport(e) if e.is_timeout()),
            "{error:?}"
        );
    }
}
