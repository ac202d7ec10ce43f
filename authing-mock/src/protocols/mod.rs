//! The fake as the identity provider of its applications (issue 9): OIDC discovery and
//! JWKS, the login page at `/oidc/auth`, the token, userinfo, introspection, revocation and
//! end-session endpoints, and their OAuth 2.0 twins under `/oauth/`. The rules are in
//! `domain/protocols.rs`; this module is the HTTP door.
//!
//! Every application of the fake shares its host, so the issuer is `{host}/oidc` for all.
//! Each application signs with its own RS256 key (stable across a run, see `signing`), or
//! signs its id tokens with HS256 keyed by its secret when its
//! `oidcConfig.id_token_signed_response_alg` is `HS256`; the JWKS lists every application's
//! key, or one with `?app_id=`.
//!
//! # The login page, and its test shortcut
//!
//! `GET /oidc/auth?client_id=..&redirect_uri=..&response_type=code&scope=..&state=..`
//! (plus `nonce`, `code_challenge`, `code_challenge_method`) answers an HTML page with a
//! form; posting it (`application/x-www-form-urlencoded`, the same parameters plus
//! `username` and `password`) runs the shared login flow and redirects (303) to
//! `redirect_uri?code=..&state=..`. A test needs no HTML parsing: it can post the
//! authorization parameters and the credentials straight to `POST /oidc/auth`, which is the
//! documented shortcut.
//!
//! # SAML
//!
//! `/api/v2/saml-idp/{appId}/metadata` is the IdP metadata (entity id
//! `{host}/api/v2/saml-idp/{appId}`, the application key's self-signed certificate).
//! `GET /api/v2/saml-idp/{appId}?SAMLRequest=..&RelayState=..` (redirect binding) or a
//! `POST` of the same (POST binding) shows the login page; posting it (or posting
//! `SAMLRequest`, `RelayState`, `username` and `password` straight away: the test shortcut)
//! answers a page that posts a signed `SAMLResponse` to the request's
//! `AssertionConsumerServiceURL`. IdP-initiated login: `GET .../{appId}/init?RelayState=..`
//! shows the login page, and posting it (or `RelayState`, `username` and `password`
//! straight away) answers a page that posts an unsolicited response (no `InResponseTo`) to
//! the application's default ACS (`samlConfig.acs`, set with the application update, as is
//! the audience, `samlConfig.settings.audience`; 7348 while the application is not an
//! enabled SAML IdP with one). `.../cert` is the certificate (PEM), `.../cert/fingerprint`
//! its SHA-256 fingerprint.
//!
//! # CAS
//!
//! `/cas-idp/{appId}/login?service=..` is the same login page; posting it redirects to
//! `service?ticket=ST-..`, a service ticket that is single-use and lives 5 minutes by the
//! fake's clock. `validate` (CAS 1.0 text), `serviceValidate` and `p3/serviceValidate`
//! (XML, or JSON with `format=JSON`) check it; `logout` redirects to `service` if given.
//! The SDKs' own forms are served too: `/cas-idp/{appId}?service=..` and
//! `/cas-idp/logout?url=..`.

mod cas;
mod form;
mod login_page;
mod oidc;
mod saml;
mod signing;

use std::sync::Arc;

use axum::Router;

use crate::fake::Fake;

pub(crate) use signing::{Signer, decode_hs256, decode_rs256, sign_hs256};

/// Every protocol route, to mount at the root.
pub(crate) fn routes() -> Router<Arc<Fake>> {
    oidc::routes().merge(cas::routes()).merge(saml::routes())
}
