//! Registration, login and password change: thin calls into `domain::identity`.

use async_graphql::{Context, Object, Result};
use authing_core::Secret;

use super::inputs::{
    LoginByEmailInput, LoginByUsernameInput, LoginOptions, RegisterByEmailInput,
    RegisterByUsernameInput, RegisterOptions, non_null_fields,
};
use super::resolve::call;
use super::types::User;
use crate::auth::{Access, Call};
use crate::crypto::PasswordHash;
use crate::domain::identity::{self, Login, Registration};
use crate::failure::Failure;
use crate::store::{CustomDatum, DataType, UniqueField};

/// Logs in the user whose unique `field` (email, username or phone) is `account`.
pub(super) fn login_with(
    call: &Call<'_>,
    field: UniqueField,
    account: String,
    options: LoginOptions,
) -> Result<User, Failure> {
    let password = identity::decrypt(&call.fake.key, &options.password)?;
    let login = Login {
        field,
        account,
        password: Secret::new(password),
        auto_register: options.auto_register.unwrap_or(false),
        ip: options.client_ip.or_else(|| call.rc.client_ip.clone()),
        params: options.params,
        app_id: call.caller.app_id().map(str::to_owned),
    };
    call.pool(|pool| {
        let logged_in = identity::login(pool, &call.issuer(), login)?;
        Ok(User::logged_in(logged_in, call.pool_id()))
    })
}

/// A password the caller chooses for themselves, checked against the pool's strength rule
/// ([`identity::chosen_password`]).
pub(super) fn chosen_password(call: &Call<'_>, ciphertext: &str) -> Result<PasswordHash, Failure> {
    let strength = call.pool(|pool| Ok(pool.logins.password_strength))?;
    identity::chosen_password(&call.fake.key, strength, ciphertext)
}

/// Registers a user whose unique `field` (email or username) is `account`.
fn register(
    call: &Call<'_>,
    field: UniqueField,
    account: String,
    options: RegisterOptions,
) -> Result<User, Failure> {
    let password = chosen_password(call, &options.password)?;
    let fields = options
        .profile
        .as_ref()
        .map(non_null_fields)
        .unwrap_or_default();
    let udf = options
        .profile
        .iter()
        .flat_map(|profile| profile.udf.iter().flatten())
        .map(|udf| CustomDatum {
            key: udf.key.clone(),
            value: Some(udf.value.clone()),
            data_type: DataType::String,
        })
        .collect();
    let ip = options
        .client_ip
        .or_else(|| options.profile.as_ref().and_then(|p| p.ip.clone()))
        .or_else(|| call.rc.client_ip.clone());
    let registration = Registration {
        field,
        account,
        password: Some(password),
        fields,
        params: options.params,
        udf,
        force_login: options.force_login.unwrap_or(false),
        generate_token: options.generate_token.unwrap_or(false),
        ip,
        app_id: call.caller.app_id().map(str::to_owned),
    };
    call.pool(|pool| {
        let (user, token) = identity::register(pool, &call.issuer(), registration)?;
        Ok(User::from_record(user, call.pool_id(), token))
    })
}

/// The identity mutations.
#[derive(Default)]
pub(crate) struct IdentityMutation;

#[Object]
impl IdentityMutation {
    /// Registers a user by email (pool from `x-authing-app-id` / `x-authing-userpool-id`).
    /// A token comes back only with `forceLogin` (which also counts a login) or
    /// `generateToken`.
    async fn register_by_email(
        &self,
        ctx: &Context<'_>,
        input: RegisterByEmailInput,
    ) -> Result<Option<User>> {
        call(ctx, Access::App, |call| {
            if input.phone_token.is_some() {
                return Err(Failure::unsupported("RegisterByEmailInput.phoneToken"));
            }
            register(&call, UniqueField::Email, input.email, input.options).map(Some)
        })
    }

    /// Registers a user by username; see `registerByEmail`.
    async fn register_by_username(
        &self,
        ctx: &Context<'_>,
        input: RegisterByUsernameInput,
    ) -> Result<Option<User>> {
        call(ctx, Access::App, |call| {
            let unsupported = [
                (
                    input.phone_token.is_some(),
                    "RegisterByUsernameInput.phoneToken",
                ),
                (
                    input.email_token.is_some(),
                    "RegisterByUsernameInput.emailToken",
                ),
            ];
            if let Some((_, field)) = unsupported.into_iter().find(|(given, _)| *given) {
                return Err(Failure::unsupported(field));
            }
            register(&call, UniqueField::Username, input.username, input.options).map(Some)
        })
    }

    /// Logs in by email: 2004 for an unknown account (unless `autoRegister`), 2333 for a
    /// wrong password; returns the user with a fresh token.
    async fn login_by_email(
        &self,
        ctx: &Context<'_>,
        input: LoginByEmailInput,
    ) -> Result<Option<User>> {
        call(ctx, Access::App, |call| {
            login_with(&call, UniqueField::Email, input.email, input.options).map(Some)
        })
    }

    /// Logs in by username; see `loginByEmail`.
    async fn login_by_username(
        &self,
        ctx: &Context<'_>,
        input: LoginByUsernameInput,
    ) -> Result<Option<User>> {
        call(ctx, Access::App, |call| {
            login_with(&call, UniqueField::Username, input.username, input.options).map(Some)
        })
    }

    /// Changes the calling user's password (a user token; a management token is 1001). The
    /// original password is required (2201) and checked (2203) when the user has one.
    async fn update_password(
        &self,
        ctx: &Context<'_>,
        new_password: String,
        old_password: Option<String>,
    ) -> Result<User> {
        call(ctx, Access::User, |call| {
            let new = chosen_password(&call, &new_password)?;
            let old = old_password
                .as_deref()
                .filter(|ciphertext| !ciphertext.is_empty())
                .map(|ciphertext| identity::decrypt(&call.fake.key, ciphertext))
                .transpose()?;
            let user_id = call.caller.subject(None)?;
            let now = call.now();
            call.pool(|pool| {
                let user = identity::change_password(pool, &user_id, new, old.as_deref(), now)?;
                Ok(User::for_caller(user, &call))
            })
        })
    }
}
