//! Sub-account login, the password resets a login demands, and the pool's password-strength
//! check (authlogin): thin calls into `domain::directory` and `domain::password_reset`.

use async_graphql::{Context, Object, Result};

use super::identity::chosen_password;
use super::resolve::call;
use super::schema::account::CheckPasswordStrengthResult;
use super::types::{CommonMessage, User};
use crate::auth::Access;
use crate::domain::{directory, identity, password_reset};
use crate::failure::OK;

/// The query part.
#[derive(Default)]
pub(crate) struct LoginsQuery;

#[Object]
impl LoginsQuery {
    /// Whether a password (in plain text) meets the pool's strength rule
    /// (`MockAuthingBuilder::password_strength`); `message` says what it lacks.
    async fn check_password_strength(
        &self,
        ctx: &Context<'_>,
        password: String,
    ) -> Result<CheckPasswordStrengthResult> {
        call(ctx, Access::SignedOrApp, |call| {
            let strength = call.pool(|pool| Ok(pool.logins.password_strength))?;
            let lang = call.rc.lang;
            Ok(match password_reset::check_strength(strength, &password) {
                Ok(()) => CheckPasswordStrengthResult {
                    valid: true,
                    message: Some(OK.pick(lang).to_owned()),
                },
                Err(lacks) => CheckPasswordStrengthResult {
                    valid: false,
                    message: Some(lacks.pick(lang).to_owned()),
                },
            })
        })
    }
}

/// The mutation part.
#[derive(Default)]
pub(crate) struct LoginsMutation;

#[Object]
impl LoginsMutation {
    /// Logs in with a sub-account (`MockAuthing::add_sub_account`): as its user, with a
    /// fresh token. The password arrives RSA-encrypted; 2333 for an unknown account or a
    /// wrong password.
    async fn login_by_sub_account(
        &self,
        ctx: &Context<'_>,
        account: String,
        password: String,
        captcha_code: Option<String>,
        client_ip: Option<String>,
    ) -> Result<User> {
        // The fake never asks for a captcha, so the answer to one is not checked.
        let _ = captcha_code;
        call(ctx, Access::App, |call| {
            let password = identity::decrypt(&call.fake.key, &password)?;
            let ip = client_ip.or_else(|| call.rc.client_ip.clone());
            let app_id = call.caller.app_id().map(str::to_owned);
            let issuer = call.issuer();
            call.pool(|pool| {
                let logged_in = directory::login_by_sub_account(
                    pool,
                    &issuer,
                    &account,
                    &password,
                    ip,
                    app_id.as_deref(),
                )?;
                Ok(User::logged_in(logged_in, call.pool_id()))
            })
        })
    }

    /// Sets the password a first login demanded (1639) with that login's `data.token`; the
    /// password arrives RSA-encrypted. 2207 for a token that is unknown, used or expired.
    async fn reset_password_by_first_login_token(
        &self,
        ctx: &Context<'_>,
        token: String,
        password: String,
    ) -> Result<Option<CommonMessage>> {
        call(ctx, Access::App, |call| {
            let new = chosen_password(&call, &password)?;
            let now = call.now();
            call.pool(|pool| password_reset::reset_by_first_login_token(pool, &token, new, now))?;
            Ok(Some(success(call.rc.lang)))
        })
    }

    /// Sets the password a login demanded (2058) with that login's `data.token`, proving
    /// the old one (2203 when wrong); both arrive RSA-encrypted. An SDK addition: Authing's
    /// published schema lacks it, the JavaScript and Go SDKs send it.
    async fn reset_password_by_force_reset_token(
        &self,
        ctx: &Context<'_>,
        token: String,
        old_password: String,
        new_password: String,
    ) -> Result<Option<CommonMessage>> {
        call(ctx, Access::App, |call| {
            let old = identity::decrypt(&call.fake.key, &old_password)?;
            let new = chosen_password(&call, &new_password)?;
            let now = call.now();
            call.pool(|pool| {
                password_reset::reset_by_force_reset_token(pool, &token, &old, new, now)
            })?;
            Ok(Some(success(call.rc.lang)))
        })
    }
}

fn success(lang: authing_core::Lang) -> CommonMessage {
    CommonMessage {
        message: Some(OK.pick(lang).to_owned()),
        code: Some(200),
    }
}
