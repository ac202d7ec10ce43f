//! What an operation is: [`Operation`], how it travels ([`Wire`]), who authorises it
//! ([`Auth`]), what it does to a session ([`SessionEffect`]), and the [`Client`] that sends
//! it.

use futures::future::BoxFuture;
use http::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::api::ApiClient;
use crate::error::Error;
use crate::graphql::GraphQlOperation;
use crate::lang::Lang;
use crate::model::User;
use crate::secret::Secret;
use crate::transport::Transport;

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
        /// removed from the query or body), e.g. `/api/v2/users/{id}`; or an absolute
        /// `http(s)://` URL, for a call to another host of the deployment.
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
    /// The sending client's own credential, for operations both clients send
    /// ([`shared_operations`](crate::shared_operations)): a `ManagementClient`'s management
    /// token, an `AuthenticationClient`'s user token ([`Client::own_auth`]).
    Client,
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
/// after a rejection, and the session effects. Everything else is
/// [`send`](crate::operation::send)'s.
pub trait Client: Send + Sync {
    /// The transport under the client.
    type Transport: Transport;

    /// The request executor (host, headers, encryptor, deadline, `on_error` hook).
    fn api(&self) -> &ApiClient<Self::Transport>;

    /// What [`Auth::Client`] means for this client: the credential it holds itself
    /// ([`Auth::Management`] or [`Auth::User`]). [`send`](crate::operation::send) resolves
    /// `Auth::Client` through it before asking for a [`token`](Self::token).
    fn own_auth(&self) -> Auth;

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
