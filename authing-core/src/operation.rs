//! Operations as data: [`Operation`] describes one call to Authing, [`send`] sends any of them.
//!
//! An operation is a serialisable struct of its arguments plus a few facts about it: its
//! [`Wire`] call (a GraphQL document, or a REST method and path template), who authorises it
//! ([`Auth`]), a client-side [`check`](Operation::check), and how the answer becomes its
//! output. Every call of the SDK goes through the same steps, in this order:
//!
//! 1. [`Operation::answered_locally`]: calls whose answer is known without asking (an empty
//!    batch) return it;
//! 2. [`prepare`](crate::ApiClient::prepare), pure: check → serialise the arguments with
//!    nulls dropped (so Authing's defaults apply) → encrypt the password fields with the
//!    client's [`Encryptor`](crate::Encryptor) → fill the REST path's `{placeholders}`, then
//!    the query string (GET, DELETE) or the JSON body (POST, PUT) → an `http::Request<Bytes>`;
//! 3. the client's token for the operation's [`Auth`], and
//!    [`execute`](crate::ApiClient::execute) (headers, token, deadline); when Authing rejects
//!    a management token (2206, 2207), the client refreshes it and the request is sent once
//!    more;
//! 4. decoding the answer straight into the operation's typed answer, then
//!    [`finish`](Operation::finish) and the session effect ([`SessionEffect`]);
//! 5. on any error, the client's `on_error` hook, once.
//!
//! Operations are declared with [`operation!`](crate::operation!), which writes the struct,
//! its constructor, setters, `send()` and `IntoFuture`.

use bytes::Bytes;
use http::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::api::ApiClient;
use crate::codes;
use crate::error::Error;
use crate::graphql::GraphQlOperation;
use crate::lang::Lang;
use crate::model::User;
use crate::secret::Secret;
use crate::transport::Transport;

mod declare;
pub(crate) mod prepare;
pub mod raw;

pub use futures::future::BoxFuture;
pub use prepare::{drop_nulls, fill_path};

/// Serialises a [`Secret`] as its plain text: for the few operations whose argument *is* a
/// secret sent as is (`accessToken`'s pool secret, `checkLoginStatus`'s token). Use with
/// `#[serde(serialize_with = "authing_core::operation::expose_secret")]`.
pub fn expose_secret<S: serde::Serializer>(
    secret: &Secret,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(secret.expose())
}

/// [`expose_secret`] for an optional secret (`None` serialises as `null`, then dropped).
pub fn expose_optional_secret<S: serde::Serializer>(
    secret: &Option<Secret>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match secret {
        Some(secret) => serializer.serialize_str(secret.expose()),
        None => serializer.serialize_none(),
    }
}

/// How an operation travels.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Wire<'a> {
    /// `POST {host}/graphql/v2` with this document; the answer is `data.<root field>`.
    Graphql(&'a GraphQlOperation),
    /// A REST call to `{host}{path}`; the answer is the `data` of `{code, message, data}`.
    Rest {
        /// The HTTP method: arguments go to the query string for GET and DELETE, to a JSON
        /// body for POST and PUT.
        method: Method,
        /// The path, with `{name}` placeholders filled from the argument of that name (and
        /// removed from the query or body), e.g. `/api/v2/users/{id}`.
        path: &'a str,
    },
}

impl Wire<'_> {
    /// The GraphQL operation name, or `METHOD path` for REST: how logs and tests name it.
    pub fn name(&self) -> String {
        match self {
            Self::Graphql(op) => op.operation_name().to_owned(),
            Self::Rest { method, path } => format!("{method} {path}"),
        }
    }
}

/// Who authorises an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Auth {
    /// The pool's management token (fetched and cached by a `ManagementClient`).
    Management,
    /// The token of the user the client acts for; without one the call fails with
    /// [`Error::NotLoggedIn`] and nothing is sent.
    User,
    /// No token.
    None,
}

/// What a call does to the client's session (the user an `AuthenticationClient` acts for).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum SessionEffect<'a> {
    /// Nothing.
    None,
    /// Hold this user and its token, if it has one: a login, a register that logged in.
    Remember(&'a User),
    /// Hold this user, unless the session moved on from the token the call was made with.
    RememberForToken(&'a User),
    /// Forget the session, if it still holds the token the call was made with: a logout.
    ForgetToken,
}

/// One call to Authing, as data: its arguments (its `Serialize`) and how it travels.
///
/// Declare operations with [`operation!`](crate::operation!); implement this by hand only
/// for calls whose shape is decided at run time (the clients' `graphql`/`rest` escape hatches).
pub trait Operation: Serialize + Send + Sync {
    /// What Authing answers, decoded straight from the body (`data.<root field>` or the REST
    /// envelope's `data`).
    type Answer: DeserializeOwned + Send;
    /// What the caller gets.
    type Output: Send;

    /// How the operation travels.
    fn wire(&self) -> Wire<'_>;

    /// Who authorises it.
    fn auth(&self) -> Auth;

    /// Checks the arguments before anything is sent; an error here costs no I/O.
    fn check(&self) -> Result<(), Error> {
        Ok(())
    }

    /// The answer, when it is known without asking Authing (nothing is sent then).
    fn answered_locally(&self) -> Option<Self::Answer> {
        None
    }

    /// Wraps the serialised arguments under this name (`{"input": {...}}`), for operations
    /// whose only variable is an input object.
    fn wrap(&self) -> Option<&'static str> {
        None
    }

    /// The passwords to encrypt, each with the JSON pointer of where its ciphertext goes in
    /// the (wrapped) arguments, e.g. `("/input/password", &secret)`.
    fn passwords(&self) -> Vec<(&'static str, &Secret)> {
        Vec::new()
    }

    /// Adds what the arguments imply to the serialised arguments (after nulls are dropped).
    fn amend(&self, _arguments: &mut serde_json::Map<String, serde_json::Value>) {}

    /// Turns the answer into the output; `lang` is the client's, for errors made here.
    fn finish(answer: Self::Answer, lang: Lang) -> Result<Self::Output, Error>;

    /// What a successful call does to the session.
    fn session(_output: &Self::Output) -> SessionEffect<'_> {
        SessionEffect::None
    }
}

/// A client operations are sent with: `ManagementClient` and `AuthenticationClient`.
///
/// It supplies the request executor, the token for each kind of [`Auth`], a fresh token
/// after a rejection, and the session effects. Everything else is [`send`]'s.
pub trait Client: Send + Sync {
    /// The transport under the client.
    type Transport: Transport;

    /// The request executor (host, headers, encryptor, deadline, `on_error` hook).
    fn api(&self) -> &ApiClient<Self::Transport>;

    /// The token for `auth`: `Ok(None)` for [`Auth::None`], [`Error::NotLoggedIn`] when a
    /// user token is needed and the client holds none.
    ///
    /// A boxed future, not `impl Future`: an opaque future of a trait method, seen through
    /// by callers that spawn the call, trips rustc's higher-ranked `Send` check
    /// (rust-lang/rust#64552).
    fn token(&self, auth: Auth) -> BoxFuture<'_, Result<Option<Secret>, Error>>;

    /// A fresh token after Authing rejected `rejected` (codes 2206, 2207), or `Ok(None)`
    /// when the client cannot get one (then the rejection is the call's error).
    fn refresh_token<'a>(
        &'a self,
        auth: Auth,
        rejected: &'a Secret,
    ) -> BoxFuture<'a, Result<Option<Secret>, Error>> {
        let _ = (auth, rejected);
        Box::pin(std::future::ready(Ok(None)))
    }

    /// Applies a successful call's effect on the session; `token` is the one it was made
    /// with.
    fn apply_session(&self, effect: SessionEffect<'_>, token: Option<&Secret>) {
        let _ = (effect, token);
    }
}

/// Sends `operation` with `client`: the one path every call of the SDK takes (see the
/// [module docs](self)). The `on_error` hook sees the error, once, before it is returned.
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
    let auth = operation.auth();
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
    use crate::transport::transport_fn;

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
