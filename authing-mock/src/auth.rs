//! Who is calling, and the one way every door runs an operation: [`Fake::call`].
//!
//! - Administrator operations need a management token of the pool (from `accessToken`):
//!   no token is 2020, an expired one 2206, an unknown, tampered, revoked or foreign one
//!   2207, a user's token 1001.
//! - End-user operations (register, login, ...) find the pool from `x-authing-app-id`
//!   (app → pool; unknown app 2011) or else `x-authing-userpool-id` (unknown pool 2224).
//! - Tokens are checked against the fake's clock and its revocation list.

use std::net::SocketAddr;

use authing_core::{Lang, Secret, headers};
use axum::extract::ConnectInfo;
use chrono::{DateTime, Utc};
use http::header::{AUTHORIZATION, HOST};
use http::request::Parts;
use http::{Extensions, HeaderMap, Uri};

use crate::domain::Caller;
use crate::domain::identity::{self, Issuer};
use crate::failure::{Code, Failure};
use crate::fake::Fake;
use crate::pool::IN_PROCESS_HOST;
use crate::store::{Pool, Store};
use crate::tokens::{TokenOwner, VerifiedToken};

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

/// The language asked for by an `x-authing-lang` header value (`zh-CN` by default).
pub(crate) fn lang_of(header: Option<&str>) -> Lang {
    header
        .and_then(|value| value.parse::<Lang>().ok())
        .unwrap_or_default()
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

/// Who may run an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// An administrator: a management token (a user's token is 1001).
    Admin,
    /// A logged-in user or an administrator: any live token of the fake.
    Signed,
    /// A logged-in user only (a management token is 1001).
    User,
    /// Anyone, on the pool and application the request's headers name.
    App,
    /// The bearer's pool when there is a token, else the one the headers name.
    SignedOrApp,
}

/// One operation in progress: the fake, the request, the resolved caller.
pub(crate) struct Call<'a> {
    pub(crate) fake: &'a Fake,
    pub(crate) rc: &'a RequestContext,
    pub(crate) caller: Caller,
}

impl Call<'_> {
    /// Runs `body` on the caller's pool, under the store's lock (2224 when the pool is gone).
    pub(crate) fn pool<T>(
        &self,
        body: impl FnOnce(&mut Pool) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        let mut store = self.fake.store();
        body(store.pool_mut(self.caller.pool_id())?)
    }

    /// The caller's pool id.
    pub(crate) fn pool_id(&self) -> &str {
        self.caller.pool_id()
    }

    /// What issuing a token for this request needs.
    pub(crate) fn issuer(&self) -> Issuer<'_> {
        self.fake.issuer(self.rc)
    }

    /// The fake's time.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.fake.now()
    }
}

impl Fake {
    /// What issuing a token for request `rc` needs.
    pub(crate) fn issuer<'a>(&'a self, rc: &'a RequestContext) -> Issuer<'a> {
        Issuer {
            tokens: &self.tokens,
            now: self.now(),
            origin: &rc.origin,
        }
    }

    /// Checks a token against the store (signature, expiry, revocation, pool).
    pub(crate) fn verify(&self, store: &Store, token: &str) -> Result<VerifiedToken, Failure> {
        identity::verify(store, &self.tokens, self.now(), token)
    }

    /// The caller of request `rc`, if `access` lets them in.
    pub(crate) fn caller(&self, rc: &RequestContext, access: Access) -> Result<Caller, Failure> {
        let store = self.store();
        let signed = |store: &Store| -> Result<Caller, Failure> {
            let token = rc.bearer.as_ref().ok_or(Code::NotLoggedIn)?;
            Ok(match self.verify(store, token.expose())?.owner {
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
        };
        match access {
            Access::Signed => signed(&store),
            Access::Admin => match signed(&store)? {
                admin @ Caller::Admin { .. } => Ok(admin),
                _ => Err(Code::NoPermission.into()),
            },
            Access::User => match signed(&store)? {
                user @ Caller::User { .. } => Ok(user),
                _ => Err(Code::NoPermission.into()),
            },
            Access::App => visitor(&store, rc),
            Access::SignedOrApp if rc.bearer.is_some() => signed(&store),
            Access::SignedOrApp => visitor(&store, rc),
        }
    }

    /// The one way a door runs an operation: resolves the caller `access` asks for, then
    /// runs `body` with it.
    pub(crate) fn call<T>(
        &self,
        rc: &RequestContext,
        access: Access,
        body: impl FnOnce(Call<'_>) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        let caller = self.caller(rc, access)?;
        body(Call {
            fake: self,
            rc,
            caller,
        })
    }

    /// The pool the request's headers name, if they name one that exists.
    pub(crate) fn named_pool(&self, store: &Store, rc: &RequestContext) -> Option<String> {
        if rc.app_id.is_none() && rc.pool_id.is_none() {
            return None;
        }
        visitor(store, rc)
            .ok()
            .map(|caller| caller.pool_id().to_owned())
    }
}

/// The pool and application an end-user operation is for, from the request's headers.
fn visitor(store: &Store, rc: &RequestContext) -> Result<Caller, Failure> {
    if let Some(app_id) = &rc.app_id {
        let pool_id = store.app_pools.get(app_id).ok_or(Code::AppNotFound)?;
        // A deleted application keeps its entry in `app_pools`; the pool's table decides.
        let exists = store
            .pools
            .get(pool_id)
            .is_some_and(|pool| pool.applications.get(app_id).is_some());
        if !exists || rc.pool_id.as_ref().is_some_and(|named| named != pool_id) {
            // The app exists, but not in the pool the request names.
            return Err(Code::AppNotFound.into());
        }
        return Ok(Caller::Visitor {
            pool_id: pool_id.clone(),
            app_id: app_id.clone(),
        });
    }
    let pool_id = rc.pool_id.as_ref().ok_or(Code::PoolNotFound)?;
    let pool = store.pool(pool_id)?;
    Ok(Caller::Visitor {
        pool_id: pool.id.clone(),
        app_id: pool.app.id.clone(),
    })
}
