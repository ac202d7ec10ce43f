//! The other ways in over REST (authlogin): LDAP and AD logins (`/api/v2/ldap/verify-user`,
//! `/api/v2/ad/verify-user`; Authing serves the AD one on its websocket host, the fake on
//! its one door), account linking (`/api/v2/users/link`, `/api/v2/users/unlink`), and the
//! application MFA step (`/api/v2/applications/mfa/...`, `/api/v2/mfa/face/...`), whose
//! calls are authorised by the step's `mfaToken` as bearer.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::post;
use serde_json::Value;

use super::body::{field, json_object_or_empty};
use super::envelope::{answer, call};
use crate::auth::{Access, Call, RequestContext};
use crate::domain::directory::{self, Connection};
use crate::domain::{app_mfa, identity, linking};
use crate::failure::{Code, Failure};
use crate::fake::Fake;
use crate::graphql::types::User;
use crate::store::{Channel, UserRecord};

/// The routes.
pub(super) fn routes() -> Router<Arc<Fake>> {
    Router::new()
        .route("/api/v2/ldap/verify-user", post(ldap_login))
        .route("/api/v2/ad/verify-user", post(ad_login))
        .route("/api/v2/users/link", post(link))
        .route("/api/v2/users/unlink", post(unlink))
        .route("/api/v2/applications/mfa/sms/verify", post(verify_sms))
        .route("/api/v2/applications/mfa/email/verify", post(verify_email))
        .route("/api/v2/applications/mfa/check", post(bindable))
        .route("/api/v2/mfa/face/associate", post(associate_face))
        .route("/api/v2/mfa/face/verify", post(verify_face))
}

/// The request's context and JSON body, or the envelope refusing the body.
async fn read(request: Request) -> Result<(RequestContext, Value), Response> {
    let rc = RequestContext::of(&request);
    match json_object_or_empty(request).await {
        Ok(body) => Ok((rc, body)),
        Err(failure) => Err(answer(rc.lang, Err(failure))),
    }
}

/// `{username, password}` (plain text, as Authing takes it) checked against the pool's
/// directory: the linked user, with a token.
async fn ldap_login(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    directory_login(fake, request, Connection::Ldap).await
}

/// The same through the AD connection.
async fn ad_login(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    directory_login(fake, request, Connection::Ad).await
}

async fn directory_login(fake: Arc<Fake>, request: Request, connection: Connection) -> Response {
    let (rc, body) = match read(request).await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    call(&fake, &rc, Access::App, |call| {
        let username = field(&body, "username").unwrap_or_default();
        let password = field(&body, "password").unwrap_or_default();
        let app_id = call.caller.app_id().map(str::to_owned);
        let issuer = call.issuer();
        call.pool(|pool| {
            let logged_in = directory::login(
                pool,
                &issuer,
                connection,
                username,
                password,
                app_id.as_deref(),
            )?;
            Ok(User::logged_in(logged_in, call.pool_id()).to_json())
        })
    })
}

/// The answer for a user whose login completed.
fn with_token(user: &UserRecord, pool_id: &str, token: String) -> Value {
    User::from_record(user, pool_id, Some(token)).to_json()
}

/// The user a login token of the caller's pool names: 2020 without one, 2206 / 2207 for a
/// token that is expired, invalid or of another pool, 2004 when the user is gone.
fn user_of(call: &Call<'_>, token: Option<&str>) -> Result<String, Failure> {
    let token = token
        .filter(|token| !token.is_empty())
        .ok_or(Code::NotLoggedIn)?;
    let store = call.fake.store();
    let verified = call.fake.verify(&store, token)?;
    let (_, user) = identity::token_user(&store, &verified, Some(call.pool_id()))?;
    Ok(user.id.clone())
}

/// `{primaryUserToken, secondaryUserToken}`: the secondary's identities move to the
/// primary, and the secondary is deleted.
async fn link(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let (rc, body) = match read(request).await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    call(&fake, &rc, Access::SignedOrApp, |call| {
        let primary = user_of(&call, field(&body, "primaryUserToken"))?;
        let secondary = user_of(&call, field(&body, "secondaryUserToken"))?;
        let now = call.now();
        call.pool(|pool| linking::link(pool, &primary, &secondary, now))?;
        Ok(Value::Null)
    })
}

/// `{primaryUserToken, provider}`: the primary's identities of that provider go.
async fn unlink(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let (rc, body) = match read(request).await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    call(&fake, &rc, Access::SignedOrApp, |call| {
        let primary = user_of(&call, field(&body, "primaryUserToken"))?;
        let provider = field(&body, "provider").unwrap_or_default();
        let now = call.now();
        call.pool(|pool| linking::unlink(pool, &primary, provider, now))?;
        Ok(Value::Null)
    })
}

/// The bearer, as an MFA step's token.
fn mfa_token<'a>(call: &'a Call<'_>) -> Option<&'a str> {
    call.rc.bearer.as_ref().map(|token| token.expose())
}

/// Answers the step with `{phone, code}` (an SMS code).
async fn verify_sms(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    verify_code(fake, request, Channel::Sms, "phone").await
}

/// Answers the step with `{email, code}` (an email code, scene `MFA_VERIFY`).
async fn verify_email(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    verify_code(fake, request, Channel::Email, "email").await
}

async fn verify_code(
    fake: Arc<Fake>,
    request: Request,
    channel: Channel,
    recipient: &str,
) -> Response {
    let (rc, body) = match read(request).await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    call(&fake, &rc, Access::App, |call| {
        let issuer = call.issuer();
        let token = mfa_token(&call);
        call.pool(|pool| {
            let (user, token) = app_mfa::verify_code(
                pool,
                &issuer,
                token,
                channel,
                field(&body, recipient),
                field(&body, "code"),
            )?;
            Ok(with_token(user, call.pool_id(), token))
        })
    })
}

/// `{phone, email}`: whether the step's user may use them (theirs or no one's).
async fn bindable(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let (rc, body) = match read(request).await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    call(&fake, &rc, Access::App, |call| {
        let now = call.now();
        let token = mfa_token(&call);
        call.pool(|pool| {
            let phone = field(&body, "phone");
            let email = field(&body, "email");
            app_mfa::bindable(pool, token, phone, email, now).map(Value::Bool)
        })
    })
}

/// `{photoA, photoB}`: enrols the face of the bearer, an application MFA step's user (the
/// login then completes and the user comes back with a token) or a logged-in user.
async fn associate_face(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let (rc, body) = match read(request).await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    call(&fake, &rc, Access::App, |call| {
        let photo_a = field(&body, "photoA");
        let photo_b = field(&body, "photoB");
        let token = mfa_token(&call).unwrap_or_default();
        let now = call.now();
        let in_step = call.pool(|pool| Ok(app_mfa::step(pool, Some(token), now).is_ok()))?;
        if in_step {
            let issuer = call.issuer();
            return call.pool(|pool| {
                let (user, token) =
                    app_mfa::associate_face_in_step(pool, &issuer, token, photo_a, photo_b)?;
                Ok(with_token(user, call.pool_id(), token))
            });
        }
        let user_id = user_of(&call, Some(token))?;
        call.pool(|pool| {
            app_mfa::associate_face(pool, &user_id, photo_a, photo_b)?;
            let user = crate::domain::users::get(pool, &user_id)?;
            Ok(User::from_record(user, &pool.id, None).to_json())
        })
    })
}

/// `{photo}`: answers the step with a face photo (one of the enrolled photo URLs).
async fn verify_face(State(fake): State<Arc<Fake>>, request: Request) -> Response {
    let (rc, body) = match read(request).await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    call(&fake, &rc, Access::App, |call| {
        let issuer = call.issuer();
        let token = mfa_token(&call);
        call.pool(|pool| {
            let (user, token) = app_mfa::verify_face(pool, &issuer, token, field(&body, "photo"))?;
            Ok(with_token(user, call.pool_id(), token))
        })
    })
}
