//! Users, for administrators: the archived users (`archivedUsers`) and
//! the first-login verification email (`sendFirstLoginVerifyEmail`). The REST side of the
//! same area is `rest/users_admin.rs`.

use async_graphql::{Context, Object, Result};

use super::resolve::{call, done};
use super::types::{CommonMessage, PaginatedUsers};
use crate::auth::Access;
use crate::domain::codes::{self, Send};
use crate::domain::{user_status, users};
use crate::failure::{Code, Failure, OK};
use crate::store::{Channel, Page};

/// The scene of the first-login verification email in the outbox.
const FIRST_LOGIN_VERIFY_SCENE: &str = "VERIFY_EMAIL";

/// The administrators' user queries of this area.
#[derive(Default)]
pub(crate) struct UsersAdminQuery;

#[Object]
impl UsersAdminQuery {
    /// The archived users (those who resigned), a page at a time, the latest first.
    async fn archived_users(
        &self,
        ctx: &Context<'_>,
        page: Option<i32>,
        limit: Option<i32>,
    ) -> Result<PaginatedUsers> {
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| {
                let page = user_status::archived(pool, Page::new(page, limit));
                Ok(PaginatedUsers::of(page, &pool.id))
            })
        })
    }
}

/// The administrators' user mutations of this area.
#[derive(Default)]
pub(crate) struct UsersAdminMutation;

#[Object]
impl UsersAdminMutation {
    /// Sends user `userId` the email that verifies their address at first login, for
    /// application `appId`: it lands in the outbox (scene `VERIFY_EMAIL`). 2004 for an
    /// unknown user, 2011 for an unknown application, 2231 for a user without an email.
    async fn send_first_login_verify_email(
        &self,
        ctx: &Context<'_>,
        user_id: String,
        app_id: String,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            let now = call.now();
            let fixed = call.fake.fixed_code.as_deref();
            call.pool(|pool| {
                pool.applications.get(&app_id).ok_or(Code::AppNotFound)?;
                let email = users::get(pool, &user_id)?
                    .str_field("email")
                    .map(str::to_owned)
                    .ok_or_else(|| Failure::invalid_params("the user has no email"))?;
                let send = Send {
                    channel: Channel::Email,
                    recipient: &email,
                    scene: FIRST_LOGIN_VERIFY_SCENE,
                    fixed,
                    now,
                };
                codes::send(pool, send)
            })?;
            Ok(done(&call, OK))
        })
    }
}
