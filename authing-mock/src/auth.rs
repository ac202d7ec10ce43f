//! Who is calling: the request's headers, its bearer token, and the pool they select.
//!
//! - Administrator operations need a management token of the pool (from `accessToken`):
//!   no token is 2020, an expired one 2206, an unknown, tampered, revoked or foreign one
//!   2207, a user's token 1001.
//! - End-user operations (register, login, ...) find the pool from `x-authing-app-id`
//!   (app → pool; unknown app 2011) or else `x-authing-userpool-id` (unknown pool 2224).
//! - Tokens are checked against the fake's clock and its revocation list.

use std::net::SocketAddr;
use std::sync::LazyLock;

use authing_core::{Lang, Secret, headers};
use axum::extract::ConnectInfo;
use http::header::{AUTHORIZATION, HOST};
use http::request::Parts;
use http::{Extensions, HeaderMap, Uri};
use jsonwebtoken::{Algorithm, EncodingKey};
use subtle::ConstantTimeEq as _;

use crate::crypto::random_hex;
use crate::i18n::{Failure, lang_of};
use crate::mock::{IN_PROCESS_HOST, Inner};
use crate::state::UserRecord;
use crate::tokens::{IssuedToken, TokenOwner, UserTokenSubject, VerifiedToken};

/// What the fake needs to know about a request, whatever door it came through.
#[derive(Debug, Clone)]
pub(crate) struct RequestContext {
    /// The language of messages (`x-authing-lang`).
    pub(crate) lang: Lang,
    /// The bearer token of the `Authorization` header.
    pub(crate) bearer: Option<Secret>,
    /// `x-authing-app-id`.
    pub(crate) app_id: Option<String>,
    /// `x-authing-userpool-id`.
    pub(crate) pool_id: Option<String>,
    /// `http://{Host}`: the base URL the client used (the issuer of user tokens).
    pub(crate) origin: String,
    /// The client's IP when it came over a socket.
    pub(crate) client_ip: Option<String>,
}

impl RequestContext {
    /// Reads the context of a request.
    pub(crate) fn of<B>(request: &http::Request<B>) -> Self {
        Self::from_head(request.headers(), request.uri(), request.extensions())
    }

    /// Reads the context from a request's head.
    pub(crate) fn from_parts(parts: &Parts) -> Self {
        Self::from_head(&parts.headers, &parts.uri, &parts.extensions)
    }

    fn from_head(headers: &HeaderMap, uri: &Uri, extensions: &Extensions) -> Self {
        let header = |name: &http::HeaderName| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::trim)
                .filter(|value| !value.is_empty())
        };
        let bearer = header(&AUTHORIZATION).map(|value| {
            let token = match value.split_once(' ') {
                Some((scheme, rest)) if scheme.eq_ignore_ascii_case("bearer") => rest.trim(),
                _ => value,
            };
            Secret::from(token)
        });
        let origin = header(&HOST)
            .map(str::to_owned)
            .or_else(|| uri.authority().map(|a| a.as_str().to_owned()))
            .map(|host| format!("http://{host}"))
            .unwrap_or_else(|| IN_PROCESS_HOST.to_owned());
        Self {
            lang: lang_of(header(&headers::LANG)),
            bearer: bearer.filter(|token| !token.is_empty()),
            app_id: header(&headers::APP_ID).map(str::to_owned),
            pool_id: header(&headers::USERPOOL_ID).map(str::to_owned),
            origin,
            client_ip: extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip().to_string()),
        }
    }
}

/// An authenticated caller.
#[derive(Debug, Clone)]
pub(crate) enum Caller {
    /// An administrator of a pool (a management token).
    Admin { pool_id: String },
    /// A logged-in user.
    User {
        pool_id: String,
        user_id: String,
        app_id: String,
    },
}

impl Caller {
    /// The caller's pool.
    pub(crate) fn pool_id(&self) -> &str {
        match self {
            Self::Admin { pool_id } | Self::User { pool_id, .. } => pool_id,
        }
    }

    /// The user a call about one user is about: an administrator must name one (2004
    /// otherwise); a user may name only themselves (1001 otherwise), or no one.
    pub(crate) fn subject(&self, id: Option<String>) -> Result<String, Failure> {
        match (self, id) {
            (Self::Admin { .. }, Some(id)) => Ok(id),
            (Self::Admin { .. }, None) => Err(Failure::user_not_found()),
            (Self::User { user_id, .. }, None) => Ok(user_id.clone()),
            (Self::User { user_id, .. }, Some(id)) if &id == user_id => Ok(id),
            (Self::User { .. }, Some(_)) => Err(Failure::NoPermission),
        }
    }
}

impl Inner {
    /// Checks a token: signature and expiry (2207 / 2206), not revoked and of an existing
    /// pool (2207).
    pub(crate) fn check_token(&self, token: &str) -> Result<VerifiedToken, Failure> {
        let verified = self.tokens.verify(token, self.clock.now())?;
        let store = self.store();
        if store.revoked.contains(&verified.jti)
            || !store.pools.contains_key(verified.owner.pool_id())
        {
            return Err(Failure::LoginInvalid);
        }
        Ok(verified)
    }

    /// The caller of an authenticated operation (2020 without a token).
    pub(crate) fn caller(&self, rc: &RequestContext) -> Result<Caller, Failure> {
        let token = rc.bearer.as_ref().ok_or(Failure::NotLoggedIn)?;
        let verified = self.check_token(token.expose())?;
        Ok(match verified.owner {
            TokenOwner::Management { pool_id } => Caller::Admin { pool_id },
            TokenOwner::User {
                pool_id,
                user_id,
                app_id,
            } => Caller::User {
                pool_id,
                user_id,
                app_id,
            },
        })
    }

    /// The pool of an administrator operation; a user's token is 1001.
    pub(crate) fn admin_pool(&self, rc: &RequestContext) -> Result<String, Failure> {
        match self.caller(rc)? {
            Caller::Admin { pool_id } => Ok(pool_id),
            Caller::User { .. } => Err(Failure::NoPermission),
        }
    }

    /// The pool and application an end-user operation is for, from the request's headers.
    pub(crate) fn end_user_target(&self, rc: &RequestContext) -> Result<(String, String), Failure> {
        let store = self.store();
        if let Some(app_id) = &rc.app_id {
            let pool_id = store.app_pools.get(app_id).ok_or(Failure::AppNotFound)?;
            if rc.pool_id.as_ref().is_some_and(|named| named != pool_id) {
                // The app exists, but not in the pool the request names.
                return Err(Failure::AppNotFound);
            }
            return Ok((pool_id.clone(), app_id.clone()));
        }
        let pool_id = rc.pool_id.as_ref().ok_or(Failure::PoolNotFound)?;
        let pool = store.pool(pool_id)?;
        Ok((pool.id.clone(), pool.app.id.clone()))
    }

    /// The pool the request's headers name, if they name one that exists.
    pub(crate) fn named_pool(&self, rc: &RequestContext) -> Option<String> {
        if rc.app_id.is_none() && rc.pool_id.is_none() {
            return None;
        }
        self.end_user_target(rc).ok().map(|(pool, _)| pool)
    }
}

impl Inner {
    /// Issues a login token for `user` of `pool_id` through application `app_id`, with the
    /// request's origin as issuer.
    pub(crate) fn user_token(
        &self,
        pool_id: &str,
        app_id: &str,
        user: &UserRecord,
        rc: &RequestContext,
    ) -> Result<IssuedToken, Failure> {
        let subject = UserTokenSubject {
            pool_id,
            app_id,
            user_id: &user.id,
            email: user.str_field("email"),
            username: user.str_field("username"),
            phone: user.str_field("phone"),
        };
        self.tokens.user(&subject, &rc.origin, self.clock.now())
    }
}

/// The key [`secret_matches`] MACs both sides with, drawn once per process.
static COMPARE_KEY: LazyLock<EncodingKey> =
    LazyLock::new(|| EncodingKey::from_secret(random_hex(32).as_bytes()));

/// Whether `given` is `expected` (a pool secret, an admin token), in constant time: both are
/// HMAC-SHA256ed with a per-process key and the MACs compared with `subtle`, so neither
/// where they differ nor how long `expected` is shows in the time taken.
pub(crate) fn secret_matches(given: &str, expected: &str) -> bool {
    let mac = |text: &str| {
        jsonwebtoken::crypto::sign(text.as_bytes(), &COMPARE_KEY, Algorithm::HS256)
            .unwrap_or_default()
    };
    let (given, expected) = (mac(given), mac(expected));
    !expected.is_empty() && bool::from(given.as_bytes().ct_eq(expected.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_match_only_when_equal() {
        assert!(secret_matches("0123456789abcdef", "0123456789abcdef"));
        assert!(!secret_matches("0123456789abcdee", "0123456789abcdef"));
        assert!(!secret_matches("0123456789abcdef0", "0123456789abcdef"));
        assert!(!secret_matches("", "0123456789abcdef"));
        assert!(secret_matches("", ""));
    }
}
