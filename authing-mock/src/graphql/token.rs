//! Tokens: `accessToken` (management tokens), `checkLoginStatus`, `refreshToken`.
//!
//! `accessToken` resolves no caller (its pool is its argument) and `checkLoginStatus` never
//! fails (it reports the failure in its answer), so they check tokens themselves.

use async_graphql::{Context, Object, Result};

use super::resolve::{answer, call, door};
use super::types::{AccessTokenRes, JwtTokenStatus, JwtTokenStatusDetail, RefreshToken, arn};
use crate::auth::Access;
use crate::domain::identity;
use crate::failure::{Code, Failure, LOGGED_IN};

/// The token queries.
#[derive(Default)]
pub(crate) struct TokenQuery;

#[Object]
impl TokenQuery {
    /// A management access token for a user pool (3 days). An unknown pool is 2224, a
    /// wrong secret 1001.
    async fn access_token(
        &self,
        ctx: &Context<'_>,
        user_pool_id: String,
        secret: String,
    ) -> Result<AccessTokenRes> {
        answer(ctx, |fake, rc| {
            let store = fake.store();
            let issued =
                identity::management_token(&store, &fake.issuer(rc), &user_pool_id, &secret)?;
            Ok(AccessTokenRes {
                access_token: Some(issued.token),
                exp: Some(issued.exp),
                iat: Some(issued.iat),
            })
        })
    }

    /// Whether `token` (else the bearer token) is a live user login. Needs no
    /// authorisation; never fails: `status` false with code 2020 (no token), 2206 (expired),
    /// 2207 (invalid, revoked, a management token, or of another pool than the request's
    /// headers name) or 2004 (the user is gone).
    async fn check_login_status(
        &self,
        ctx: &Context<'_>,
        token: Option<String>,
    ) -> Result<Option<JwtTokenStatus>> {
        let (fake, rc) = door(ctx)?;
        let lang = rc.lang;
        let token = token
            .filter(|t| !t.trim().is_empty())
            .or_else(|| rc.bearer.as_ref().map(|s| s.expose().to_owned()));
        let status = (|| {
            let token = token.ok_or(Code::NotLoggedIn)?;
            let store = fake.store();
            let verified = fake.verify(&store, &token)?;
            let named = fake.named_pool(&store, rc);
            let (pool, user) = identity::token_user(&store, &verified, named.as_deref())?;
            Ok::<_, Failure>(JwtTokenStatus {
                code: Some(200),
                message: Some(LOGGED_IN.pick(lang).to_owned()),
                status: Some(true),
                exp: Some(verified.exp),
                iat: Some(verified.iat),
                data: Some(JwtTokenStatusDetail {
                    id: Some(user.id.clone()),
                    user_pool_id: Some(pool.id.clone()),
                    arn: Some(arn(&pool.id, &user.id)),
                }),
            })
        })();
        Ok(Some(status.unwrap_or_else(|failure| JwtTokenStatus {
            code: Some(failure.number()),
            message: Some(failure.message(lang)),
            status: Some(false),
            ..JwtTokenStatus::default()
        })))
    }
}

/// The token mutations.
#[derive(Default)]
pub(crate) struct TokenMutation;

#[Object]
impl TokenMutation {
    /// A fresh token for the calling user (`id` omitted or their own), or, with a
    /// management token, for user `id`. Earlier tokens stay valid.
    async fn refresh_token(
        &self,
        ctx: &Context<'_>,
        id: Option<String>,
    ) -> Result<Option<RefreshToken>> {
        call(ctx, Access::Signed, |call| {
            let issued =
                call.pool(|pool| identity::refresh_token(pool, &call.issuer(), &call.caller, id))?;
            Ok(Some(RefreshToken {
                token: Some(issued.token),
                iat: Some(issued.iat),
                exp: Some(issued.exp),
            }))
        })
    }
}
