//! A fake Authing for tests: the same GraphQL and REST wire behaviour as Authing's v2 API,
//! with real semantics, in your process or on a local port.
//!
//! One state, three doors:
//!
//! - **In process**: [`MockAuthing::transport`] is an [`authing_core::Transport`] that hands
//!   requests straight to the fake's router. No port, no network.
//! - **HTTP**: [`MockAuthing::serve`] puts the same router on a socket ([`MockServer`]); the
//!   `authing-mock serve --port N` binary does the same and prints the credentials, for
//!   clients in any language.
//! - **Stubs**: [`stubs`] has expectation-style test doubles.
//!
//! # What it does
//!
//! - `POST /graphql/v2` is a real GraphQL server (async-graphql) whose schema is Authing's
//!   whole v2 schema, plus the fields and arguments the official SDKs send that it lacks (see
//!   [`sdl`]); introspection works, so clients that validate their documents against the
//!   introspected schema (the official Python SDK) work unchanged. A field the fake does not
//!   implement yet answers code 501. Business errors come back as Authing sends them: HTTP
//!   200 and `errors[].message = {code, message, data}`.
//! - REST: `GET /api/v2/.well-known` (the public key), `GET /api/v2/users/me`,
//!   `GET /api/v2/logout`; for administrators, the users' status
//!   (`/api/v2/users/{id}/suspend|activate|resign`), sessions (`POST /api/v2/users/kick`,
//!   `GET /logout?userId=`, `GET /api/v2/users/login-status`), relations
//!   (`/api/v2/users/{id}/roles|orgs|tenants`), identities
//!   (`/api/v2/users/identity/link|unlink`), `GET /api/v2/users/{id}`,
//!   `POST /api/v2/users/filter` and the user-action log (`GET /api/v2/analysis/user-action`),
//!   besides the applications' endpoints; unknown paths are HTTP 404 with a
//!   `{code, message, data}` envelope.
//! - Passwords arrive RSA-encrypted with the fake's public key and are decrypted, hashed and
//!   checked. Tokens are real signed JWTs checked against the fake's clock
//!   ([`MockAuthing::advance_clock`]) and a revocation list. Uniqueness and permissions are
//!   enforced; pools are isolated. Messages come in `zh-CN` (default) or `en-US` after the
//!   `x-authing-lang` header.
//! - Codes: `POST /api/v2/sms/send` and `sendEmail` send nothing; they record the code in
//!   an outbox ([`MockAuthing::outbox`], [`MockAuthing::last_code`], the `outbox` endpoint)
//!   where a test reads it. SMS codes are valid 60 s, email codes 5 minutes (by the fake's
//!   clock), each is single-use, and a recipient gets one code a minute per channel;
//!   [`MockAuthingBuilder::fixed_code`] makes every code the same. Phone registration and
//!   logins, password reset by phone or email code, and binding, unbinding and changing a
//!   user's phone or email check them.
//! - Other ways in (authlogin): an LDAP / AD user directory per pool
//!   ([`MockAuthingBuilder::ldap_user`], [`MockAuthing::add_ldap_user`]) behind
//!   `POST /api/v2/ldap/verify-user` and `POST /api/v2/ad/verify-user` (Authing serves the
//!   AD one on its websocket host; the fake serves both on its one door): the first login
//!   creates the Authing user and links the directory identity to it. Sub-accounts
//!   ([`MockAuthing::add_sub_account`], `loginBySubAccount`); password resets a login
//!   demands (`createUser(resetPasswordOnFirstLogin)`: 1639, [`MockAuthing::require_password_reset`]:
//!   2058, each with a single-use `data.token`); the pool's strength rule
//!   ([`MockAuthingBuilder::password_strength`]): `checkPasswordStrength`, and 2470 for a
//!   weaker password a user chooses (registering, changing, resetting; an administrator's
//!   `createUser` is exempt); account linking (`/api/v2/users/link`,
//!   `/unlink`); application MFA ([`MockAuthing::require_app_mfa`]: SMS or email codes from
//!   the outbox, or a face: **the fake does no face recognition: a verification photo
//!   matches when it is the same URL as one of the two enrolled**). Every way in (password,
//!   phone code, with `autoRegister` too, LDAP, AD, sub-account) stops at the same steps:
//!   2005, 1576, 1635 (TOTP), 1639 / 2058, 1636 (`domain::identity::after_first_factor`).
//! - An application's public configuration (authgaps):
//!   `GET /api/v2/applications/{appId}/public-config`, from its record (no secret; no
//!   enterprise identity providers or social connections: empty lists).
//! - The signed-in user's own data: `GET /api/v2/users/me/orgs` (none:
//!   the fake has no organisations), `/users/me/applications/allowed` (by each
//!   application's access policy), `/users/me/security-level` (the rule is in
//!   `domain/me.rs`: 20 per verified email or phone, 10 per password strength level, 30 for
//!   MFA), `GET`/`POST /api/v2/users/principal_authentication` (once per user), the
//!   `udv` family on the user's own values, `User.authorizedResources` from the evaluator,
//!   and `GET /cas/session` (the session of the bearer's login, or `null`).
//! - QR-code login: `POST /api/v2/qrcode/gene`, `GET /api/v2/qrcode/check?random=`,
//!   `POST /api/v2/qrcode/userinfo`; statuses 0/1/2/3/-1, codes live 120 s by the fake's
//!   clock, a ticket is exchanged once. The phone is played by
//!   [`MockAuthing::scan_qrcode`], [`MockAuthing::confirm_qrcode`] and
//!   [`MockAuthing::cancel_qrcode`] (or the `qrcode/*` control endpoints).
//! - Test-only endpoints under `/__authing_mock/` reset state, move the clock, list requests,
//!   inject faults and list or create pools (see below).
//!
//! # Error codes
//!
//! | code | when |
//! |---|---|
//! | 1001 | no permission: a user token on an administrator operation, a user updating another user or admin-only fields, a management token on `updatePassword`, **a wrong pool secret in `accessToken`** |
//! | 2003 | malformed email |
//! | 2004 | user does not exist (`deleteUsers`: `data.ids` lists the unknown ids) |
//! | 2005 | login to a blocked or suspended account (a suspended user gets no token either) |
//! | 2011 | `x-authing-app-id` names no application (of the named pool) |
//! | 2014 / 2015 | `searchUser` field / `userBatch` type it cannot search by |
//! | 2016 | a password that does not decrypt |
//! | 2020 | not logged in (no token; any bad token on `/api/v2/logout`) |
//! | 2026 | user already exists (`data.field` names the taken field) |
//! | 2032 | registration with an empty password |
//! | 2001 / 2300 | a one-time code that is not the one sent (or was used) / that expired |
//! | 2035 / 2200 | `bindPhone` / `bindEmail` (and the `update` ones) to a phone / email that is taken, or for a user who has one |
//! | 2037 / 2038 | `updateEmail` / `updatePhone` with an old email / phone that is not the user's |
//! | 2100 | a second code to one recipient (per channel) within 60 s |
//! | 2217 / 2219 | unbinding the only account left to log in with / `unbindEmail` without an email |
//! | 2229 / 2230 | `updateEmail` / `updatePhone` to the current one |
//! | 2201 / 2203 | `updatePassword`: original password missing / wrong |
//! | 2206 | token expired (by the fake's clock) |
//! | 2207 | token invalid: bad signature, garbage, revoked (logout, an administrator's kick or logout, a suspension, a resignation), or of another pool |
//! | 2215 / 2216 | linking an external identity another user holds / unlinking one the user lacks |
//! | 2241 / 2460 | QR code unknown / QR ticket unknown, expired or already exchanged |
//! | 2461 | a second principal authentication of a user |
//! | 2224 | user pool does not exist |
//! | 2225 / 2226 | a user may not change their email / phone with `updateUser` |
//! | 2231 | malformed parameters (e.g. `params` that is not a JSON array of `{key, value}`), or a string over its length limit (below) |
//! | 2333 | wrong password at login; an unknown directory user or wrong directory password (LDAP, AD), an unknown sub-account or its wrong password |
//! | 1636 | the application demands MFA (`data.mfaToken`, `data.mfaPhone`, `data.mfaEmail`) |
//! | 1639 / 2058 | the login must set a new password first: first login / forced (`data.token`) |
//! | 1700 / 1701 / 1702 / 1706 | face MFA: no photo / no comparison photo / the face does not match / a face is enrolled already |
//! | 2216 | `unlink` of a provider the user has no identity of |
//! | 501 | a field of Authing's schema the fake does not implement yet (roles, groups, policies, organisations, ...); `data.field` names it |
//!
//! # Length limits
//!
//! Strings a client sends are refused with 2231 over these lengths (in characters):
//! `email` 254, `phone` 32, `username`, `nickname`, `name`, `givenName`, `familyName`,
//! `middleName` and `preferredUsername` 128, `externalId`, `unionid` and `openid` 256,
//! `photo`, `website` and `profile` 2048, `oauth` 65536, every other profile string 1024,
//! a password 128, a client IP 64; lists (`registerSource`) hold at most 64 items; custom
//! data (`params`, `udf`) at most 100 items with keys of at most 128 and values of at most
//! 8192 characters.
//!
//! # Test-only endpoints
//!
//! What clients in other languages use instead of the Rust methods. They answer
//! `{code, message, data}` envelopes (HTTP 400 with code 400 for a malformed body) and are
//! neither recorded nor subject to faults. They can reset the fake and read every secret, so
//! they answer only the in-process transport and loopback peers (others get HTTP 403),
//! unless the fake was built with [`MockAuthingBuilder::remote_control`] (the binary's
//! `--remote-control`) and the caller sends its admin token in the
//! `x-authing-mock-admin-token` header ([`ADMIN_TOKEN_HEADER`]).
//!
//! | method + path | body | does |
//! |---|---|---|
//! | `POST /__authing_mock/reset` | — | [`MockAuthing::reset`] |
//! | `POST /__authing_mock/clock/advance` | `{"seconds": n}` | [`MockAuthing::advance_clock`]; `data.now` |
//! | `GET /__authing_mock/clock` | — | `data.now`: the fake's time |
//! | `GET /__authing_mock/requests?offset=&limit=` | — | `data`: [`MockAuthing::requests`] (both parameters optional), bodies included (they may hold secrets); streamed |
//! | `POST /__authing_mock/faults` | see below | [`MockAuthing::inject_fault`] |
//! | `DELETE /__authing_mock/faults` | — | [`MockAuthing::clear_faults`] |
//! | `GET /__authing_mock/pools` | — | `data`: every pool's credentials (secrets included), default first |
//! | `POST /__authing_mock/pools` | — | [`MockAuthing::create_pool`]; `data`: its credentials |
//! | `POST /__authing_mock/snapshot` | — | [`MockAuthing::snapshot`], kept by the fake (the last 32); `data.id`: its id |
//! | `GET /__authing_mock/outbox?recipient=&scene=` | — | `data`: the codes sent ([`MockAuthing::outbox`]), newest first, each `{userPoolId, channel, recipient, scene, code, sentAt, expiresAt, consumed}` |
//! | `POST /__authing_mock/qrcode/scan` | `{random, userId}` | the phone of user `userId` scans a QR code ([`MockAuthing::scan_qrcode`]); 2241 for an unknown code |
//! | `POST /__authing_mock/qrcode/confirm` | `{random}` | the scanner confirms the login ([`MockAuthing::confirm_qrcode`]) |
//! | `POST /__authing_mock/qrcode/cancel` | `{random}` | the scanner cancels it ([`MockAuthing::cancel_qrcode`]) |
//! | `POST /__authing_mock/restore` | `{"id": "..."}` | [`MockAuthing::restore`] of that snapshot; HTTP 404 with code 404 for an unknown id |
//! | `POST /__authing_mock/ldap-users` | `{"username", "password", "profile"?, "userPoolId"?}` | [`MockAuthing::add_ldap_user`] (default pool unless named) |
//! | `POST /__authing_mock/sub-accounts` | `{"userId", "account", "password"}` | [`MockAuthing::add_sub_account`] |
//! | `POST /__authing_mock/password-resets` | `{"userId"}` | [`MockAuthing::require_password_reset`] |
//! | `POST /__authing_mock/app-mfa` | `{"appId", "mfa": "SMS" \| "EMAIL" \| "FACE" \| null}` | [`MockAuthing::require_app_mfa`] |
//! | `POST /__authing_mock/password-strength` | `{"level": 0..=3, "userPoolId"?}` | [`MockAuthing::set_password_strength`] (0 any, 1 six characters, 2 and two kinds, 3 and letters, digits and symbols) |
//!
//! A fault body: `{"status": 502, "contentType": "text/html", "body": "...", "delayMs": 100,
//! "truncatedJson": true, "path": "/graphql/v2", "graphqlField": "accessToken", "times": 1,
//! "always": false}`, every key optional; like [`Fault`], it fires once unless `times` or
//! `always` says otherwise. Credentials come as `{userPoolId, secret, appId, appSecret, host,
//! appHost, publicKey}`, with the host the request was sent to.
//!
//! # Limits
//!
//! One careless or hostile client must not take the fake down:
//!
//! - A request body is read up to 1 MiB; a larger one is refused with 413 (Authing's
//!   `{code, message}` envelope) before more of it is held.
//! - A GraphQL document is checked by a byte scan before it is parsed: at most 128 KiB,
//!   brackets nested at most 64 deep, at most 100 aliases; then at most 32 levels of
//!   selection and a complexity of 1000. A document over a limit gets an Authing 2231.
//! - The request journal keeps the last 1000 requests
//!   ([`MockAuthingBuilder::journal_capacity`]), each body an owned copy of at most 32 KiB
//!   ([`RecordedRequest::body_truncated`] says when it was cut).
//! - Over HTTP, a connection must send a request head within 10 s and may sit idle between
//!   requests at most that long ([`MockAuthingBuilder::header_read_timeout`]); at most 1024
//!   connections are open at once ([`MockAuthingBuilder::max_connections`]).
//! - The fake starts with a built-in, public, 1024-bit RSA test key (no key generation);
//!   [`MockAuthingBuilder::generate_key`] or [`MockAuthingBuilder::private_key_pem`] give it
//!   another.
//!
//! # Example
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let mock = authing_mock::MockAuthing::new();
//! let server = mock.serve("127.0.0.1:0").await.unwrap();
//! let pool = server.pool();
//! assert_eq!(pool.host, server.url());
//! server.shutdown().await;
//! # }
//! ```

// The layers, bottom up (a module imports only modules of its layer or below):
// - leaves: `failure` (Authing's codes and messages), `clock`, `crypto`, `tokens`, `record`,
//   `faults`;
// - `store/`: generic tables, relations and pages, the records, `Store { pools }`;
// - `domain/`: the rules, one module per resource, plain functions on a pool;
// - `fake`: the shared state (keys, clock, the store's lock, journal, faults, snapshots),
//   and `auth`: who is calling, and `Fake::call`, the one way a door runs an operation;
// - doors: `graphql/` and `rest/` (a part / a router per resource), `admin` (the test-only
//   endpoints), `router` (all of them on one axum router), `in_process`;
// - handles on top: `mock` (`MockAuthing`), `server` (`MockServer`).
mod admin;
mod auth;
mod clock;
mod crypto;
mod domain;
mod error;
mod failure;
mod fake;
mod faults;
mod graphql;
mod in_process;
mod journal;
mod limits;
// Setting up directories, sub-accounts, app MFA, resets.
mod admin_logins;
mod logins;
mod mock;
mod pool;
// Protocols (issue 9).
mod protocols;
mod qrcode_phone;
mod record;
mod rest;
mod router;
mod server;
mod store;
mod tokens;

pub mod stubs;

pub use admin::ADMIN_TOKEN_HEADER;
pub use error::MockError;
pub use faults::Fault;
pub use in_process::InProcessTransport;
pub use mock::{MockAuthing, MockAuthingBuilder, Snapshot};
pub use pool::{IN_PROCESS_HOST, PoolCredentials};
pub use record::RecordedRequest;
pub use server::MockServer;
// auth-flows: the outbox of sent codes.
pub use store::{AppMfa, PasswordStrength};
pub use store::{Channel, SMS_SCENE, SentCode};

/// The fake's GraphQL schema as SDL: what it accepts at `POST /graphql/v2`. It holds every
/// type, field, argument, input field and enum value of Authing's v2 schema, identically
/// typed, plus the fields and arguments the official SDKs send that Authing's published
/// schema lacks.
///
/// The repository checks it in as `schema/authing.graphql`, and a test fails when the two
/// differ; after changing the schema, rewrite the file by running that test with the
/// environment variable `AUTHING_MOCK_WRITE_SCHEMA` set:
/// `AUTHING_MOCK_WRITE_SCHEMA=1 cargo test -p authing-mock the_checked_in_sdl_is_the_fakes`.
///
/// ```
/// let sdl = authing_mock::sdl();
/// assert!(sdl.contains("accessToken(userPoolId: String!, secret: String!): AccessTokenRes!"));
/// ```
pub fn sdl() -> String {
    graphql::sdl()
}
