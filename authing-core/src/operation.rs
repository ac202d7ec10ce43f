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
//! Operations are declared with [`operation!`](crate::operation), which writes the struct,
//! its constructor, setters, `send()` and `IntoFuture`.

use std::future::Future;

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

pub use prepare::{drop_nulls, fill_path};

/// Serialises a [`Secret`] as its plain text: for the few operations whose argument *is* a
/// secret sent as is (`accessToken`'s pool secret, `checkLoginStatus`'s token). Use with
/// `#[serde(serialize_with = "authing_core::operation::expose_secret")]`.
pub fn expose_secret<S: serde::Serializer>(secret: &Secret, serializer: S) -> Result<S::Ok, S::Error> {
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
/// Declare operations with [`operation!`](crate::operation); implement this by hand only
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
    fn token(&self, auth: Auth) -> impl Future<Output = Result<Option<Secret>, Error>> + Send;

    /// A fresh token after Authing rejected `rejected` (codes 2206, 2207), or `Ok(None)`
    /// when the client cannot get one (then the rejection is the call's error).
    fn refresh_token(
        &self,
        auth: Auth,
        rejected: &Secret,
    ) -> impl Future<Output = Result<Option<Secret>, Error>> + Send {
        let _ = (auth, rejected);
        async { Ok(None) }
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
    let wire = operation.wire();
    tracing::debug!(operation = %wire.name(), "authing request");
    let response = api.execute(request, token).await?;
    let (parts, body) = response.into_parts();
    decode::<O::Answer>(&wire, &parts, body)
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
