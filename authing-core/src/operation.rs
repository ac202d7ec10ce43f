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

mod declare;
mod definition;
pub(crate) mod prepare;
pub mod raw;
mod send;

pub use definition::{
    Auth, Client, Operation, SessionEffect, Wire, expose_optional_secret, expose_secret,
};
pub use futures::future::BoxFuture;
pub use prepare::{drop_nulls, fill_path};
pub use send::{call, decode, is_token_rejected, send};
