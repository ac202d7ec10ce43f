//! Codes and the flows that use them: `sendEmail`, phone registration and logins, password
//! reset, binding and changing phones and emails. Thin calls into `domain::codes` and
//! `domain::flows`.

use async_graphql::{Context, Object, Result};

use super::identity::{chosen_password, login_with};
use super::inputs::{LoginOptions, non_null_fields};
use super::resolve::{call, done};
use super::schema::account::{
    LoginByPhoneCodeInput, LoginByPhonePasswordInput, RegisterByPhoneCodeInput,
};
use super::schema::email::EmailScene;
use super::types::{CommonMessage, User};
use crate::auth::{Access, Call};
use crate::domain::codes::{self, Send};
use crate::domain::flows::{self, Change, PhoneCodeLogin, PhoneRegistration};
use crate::domain::identity::Registration;
use crate::failure::{Failure, OK};
use crate::store::{Channel, UniqueField};

/// The wire name of an email scene.
fn scene_name(scene: EmailScene) -> &'static str {
    match scene {
        EmailScene::ResetPassword => "RESET_PASSWORD",
        EmailScene::VerifyEmail => "VERIFY_EMAIL",
        EmailScene::ChangeEmail => "CHANGE_EMAIL",
        EmailScene::MfaVerify => "MFA_VERIFY",
    }
}

/// The calling user's id and the change of their phone or email.
fn change_mine(call: &Call<'_>, change: Change<'_>) -> Result<User, Failure> {
    let user_id = call.caller.subject(None)?;
    let now = call.now();
    call.pool(|pool| {
        let user = flows::change(pool, &user_id, change, now)?;
        Ok(User::for_caller(user, call))
    })
}

/// The code mutations.
#[derive(Default)]
pub(crate) struct FlowsMutation;

#[Object]
impl FlowsMutation {
    /// Sends an email with a code for `scene` (recorded in the fake's outbox): 2003 for a
    /// malformed address, 2100 for a second one within 60 s.
    async fn send_email(
        &self,
        ctx: &Context<'_>,
        email: String,
        scene: EmailScene,
    ) -> Result<CommonMessage> {
        call(ctx, Access::SignedOrApp, |call| {
            let send = Send {
                channel: Channel::Email,
                recipient: &email,
                scene: scene_name(scene),
                fixed: call.fake.fixed_code.as_deref(),
                now: call.now(),
            };
            call.pool(|pool| codes::send(pool, send))?;
            Ok(done(&call, OK))
        })
    }

    /// Registers with a phone number and the SMS code sent to it; the password is
    /// optional.
    async fn register_by_phone_code(
        &self,
        ctx: &Context<'_>,
        input: RegisterByPhoneCodeInput,
    ) -> Result<Option<User>> {
        call(ctx, Access::App, |call| {
            if input.email_token.is_some() {
                return Err(Failure::unsupported("RegisterByPhoneCodeInput.emailToken"));
            }
            let password = input
                .password
                .as_deref()
                .filter(|ciphertext| !ciphertext.is_empty())
                .map(|ciphertext| chosen_password(&call, ciphertext))
                .transpose()?;
            let fields = input
                .profile
                .as_ref()
                .map(non_null_fields)
                .unwrap_or_default();
            let registration = Registration {
                field: UniqueField::Phone,
                account: input.phone,
                password,
                fields,
                params: input.params,
                udf: Vec::new(),
                force_login: input.force_login.unwrap_or(false),
                generate_token: input.generate_token.unwrap_or(false),
                ip: input.client_ip.or_else(|| call.rc.client_ip.clone()),
                app_id: call.caller.app_id().map(str::to_owned),
            };
            let phone = PhoneRegistration {
                code: input.code,
                registration,
            };
            call.pool(|pool| {
                let (user, token) = flows::register_by_phone_code(pool, &call.issuer(), phone)?;
                Ok(Some(User::from_record(user, call.pool_id(), token)))
            })
        })
    }

    /// Logs in with a phone number and the SMS code sent to it; with `autoRegister`, an
    /// unknown phone becomes a new user (phone verified) once the code checked out.
    async fn login_by_phone_code(
        &self,
        ctx: &Context<'_>,
        input: LoginByPhoneCodeInput,
    ) -> Result<Option<User>> {
        call(ctx, Access::App, |call| {
            let login = PhoneCodeLogin {
                phone: input.phone,
                code: input.code,
                auto_register: input.auto_register.unwrap_or(false),
                ip: input.client_ip.or_else(|| call.rc.client_ip.clone()),
                params: input.params,
                app_id: call.caller.app_id().map(str::to_owned),
            };
            call.pool(|pool| {
                let logged_in = flows::login_by_phone_code(pool, &call.issuer(), login)?;
                Ok(Some(User::logged_in(logged_in, call.pool_id())))
            })
        })
    }

    /// Logs in with a phone number and a password; see `loginByEmail`.
    async fn login_by_phone_password(
        &self,
        ctx: &Context<'_>,
        input: LoginByPhonePasswordInput,
    ) -> Result<Option<User>> {
        call(ctx, Access::App, |call| {
            let options = LoginOptions {
                password: input.password,
                captcha_code: input.captcha_code,
                auto_register: input.auto_register,
                client_ip: input.client_ip,
                params: input.params,
                context: input.context,
            };
            login_with(&call, UniqueField::Phone, input.phone, options).map(Some)
        })
    }

    /// Sets a new password proven by a code sent to `phone` (SMS) or `email` (scene
    /// `RESET_PASSWORD`): 2231 without either, 2004 unknown, 2001 / 2300 for the code.
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        phone: Option<String>,
        email: Option<String>,
        code: String,
        new_password: String,
        phone_country_code: Option<String>,
    ) -> Result<Option<CommonMessage>> {
        let _ = phone_country_code;
        call(ctx, Access::SignedOrApp, |call| {
            let (channel, recipient) = match (phone, email) {
                (Some(phone), _) if !phone.is_empty() => (Channel::Sms, phone),
                (_, Some(email)) if !email.is_empty() => (Channel::Email, email),
                _ => return Err(Failure::invalid_params("phone or email is required")),
            };
            let password = chosen_password(&call, &new_password)?;
            let now = call.now();
            call.pool(|pool| {
                flows::reset_password(pool, channel, &recipient, &code, password, now)
            })?;
            Ok(Some(done(&call, OK)))
        })
    }

    /// Binds a phone number (proven by an SMS code) to the calling user.
    async fn bind_phone(
        &self,
        ctx: &Context<'_>,
        phone: String,
        phone_code: String,
        phone_country_code: Option<String>,
    ) -> Result<User> {
        let _ = phone_country_code;
        call(ctx, Access::User, |call| {
            let user_id = call.caller.subject(None)?;
            let now = call.now();
            call.pool(|pool| {
                let user = flows::bind(pool, &user_id, Channel::Sms, &phone, &phone_code, now)?;
                Ok(User::for_caller(user, &call))
            })
        })
    }

    /// Binds an email (proven by a `VERIFY_EMAIL` or `CHANGE_EMAIL` code) to the calling
    /// user.
    async fn bind_email(
        &self,
        ctx: &Context<'_>,
        email: String,
        email_code: String,
    ) -> Result<User> {
        call(ctx, Access::User, |call| {
            let user_id = call.caller.subject(None)?;
            let now = call.now();
            call.pool(|pool| {
                let user = flows::bind(pool, &user_id, Channel::Email, &email, &email_code, now)?;
                Ok(User::for_caller(user, &call))
            })
        })
    }

    /// Removes the calling user's phone number (2217 when it is their only account).
    async fn unbind_phone(&self, ctx: &Context<'_>) -> Result<User> {
        call(ctx, Access::User, |call| {
            let user_id = call.caller.subject(None)?;
            let now = call.now();
            call.pool(|pool| {
                let user = flows::unbind(pool, &user_id, Channel::Sms, now)?;
                Ok(User::for_caller(user, &call))
            })
        })
    }

    /// Removes the calling user's email (2219 none, 2217 when it is their only account).
    async fn unbind_email(&self, ctx: &Context<'_>) -> Result<User> {
        call(ctx, Access::User, |call| {
            let user_id = call.caller.subject(None)?;
            let now = call.now();
            call.pool(|pool| {
                let user = flows::unbind(pool, &user_id, Channel::Email, now)?;
                Ok(User::for_caller(user, &call))
            })
        })
    }

    /// Changes the calling user's phone number, proven by an SMS code (and the old one by
    /// its own code, when given).
    #[allow(clippy::too_many_arguments, reason = "the schema's arguments")]
    async fn update_phone(
        &self,
        ctx: &Context<'_>,
        phone: String,
        phone_code: String,
        old_phone: Option<String>,
        old_phone_code: Option<String>,
        phone_country_code: Option<String>,
        old_phone_country_code: Option<String>,
    ) -> Result<User> {
        let _ = (phone_country_code, old_phone_country_code);
        call(ctx, Access::User, |call| {
            let change = Change {
                channel: Channel::Sms,
                new: &phone,
                code: &phone_code,
                old: old_phone
                    .as_deref()
                    .map(|old| (old, old_phone_code.as_deref().unwrap_or_default())),
            };
            change_mine(&call, change)
        })
    }

    /// Changes the calling user's email, proven by a code (and the old one by its own code,
    /// when given).
    async fn update_email(
        &self,
        ctx: &Context<'_>,
        email: String,
        email_code: String,
        old_email: Option<String>,
        old_email_code: Option<String>,
    ) -> Result<User> {
        call(ctx, Access::User, |call| {
            let change = Change {
                channel: Channel::Email,
                new: &email,
                code: &email_code,
                old: old_email
                    .as_deref()
                    .map(|old| (old, old_email_code.as_deref().unwrap_or_default())),
            };
            change_mine(&call, change)
        })
    }
}
