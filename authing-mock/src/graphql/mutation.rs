//! The `Mutation` root.

use async_graphql::{Context, Object, Result};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::Env;
use super::inputs::{
    CreateUserInput, LoginByEmailInput, LoginByUsernameInput, LoginOptions, RegisterByEmailInput,
    RegisterByUsernameInput, RegisterOptions, UpdateUserInput, non_null_fields,
};
use super::schema::identity::CreateUserIdentityInput;
use super::types::{CommonMessage, RefreshToken, User};
use crate::auth::Caller;
use crate::crypto::PasswordHash;
use crate::i18n::{Failure, UniqueField, deleted};
use crate::state::{CustomDatum, DataType};
use crate::users::{NewUser, is_email, parse_params};

/// Mutations.
pub(crate) struct Mutation;

/// The timestamp of a token's `exp`.
fn exp_time(exp: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(exp, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Decrypts and hashes a password that must not be empty (2016, 2032).
fn hash_new_password(env: &Env<'_>, ciphertext: &str) -> Result<PasswordHash, Failure> {
    let plain = env.inner.key.decrypt_password(ciphertext)?;
    if plain.is_empty() {
        return Err(Failure::PasswordRequired);
    }
    PasswordHash::new(&plain)
}

/// Decrypts and hashes an optional password; absent or empty means none.
fn hash_optional_password(
    env: &Env<'_>,
    ciphertext: Option<&str>,
) -> Result<Option<PasswordHash>, Failure> {
    ciphertext
        .filter(|ciphertext| !ciphertext.is_empty())
        .map(|ciphertext| hash_new_password(env, ciphertext))
        .transpose()
}

fn check_account(field: UniqueField, account: &str) -> Result<(), Failure> {
    match field {
        UniqueField::Email if !is_email(account) => Err(Failure::MalformedEmail),
        _ if account.is_empty() => Err(Failure::InvalidParams(format!(
            "{} is required",
            field.wire_name()
        ))),
        _ => Ok(()),
    }
}

/// Logs in the user whose unique `field` (email or username) is `account`.
fn login(
    env: &Env<'_>,
    field: UniqueField,
    account: &str,
    login: LoginOptions,
) -> Result<User, Failure> {
    let (pool_id, app_id) = env.inner.end_user_target(env.rc)?;
    let password = env.inner.key.decrypt_password(&login.password)?;
    let account = account.trim();
    check_account(field, account)?;
    let custom_data = parse_params(login.params.as_deref())?;
    let ip = login.client_ip.or_else(|| env.rc.client_ip.clone());
    let now = env.inner.clock.now();

    let mut store = env.inner.store();
    let seq = store.next_seq();
    let pool = store.pool_mut(&pool_id)?;
    let user_id = match pool.find(field, account) {
        Some(user) => {
            if user.flag("blocked") {
                return Err(Failure::UserBlocked);
            }
            let matches = user
                .password
                .as_ref()
                .is_some_and(|hash| hash.matches(&password));
            if !matches {
                return Err(Failure::WrongCredentials);
            }
            user.id.clone()
        }
        None if login.auto_register.unwrap_or(false) => {
            if password.is_empty() {
                return Err(Failure::PasswordRequired);
            }
            let mut fields = serde_json::Map::new();
            fields.insert(field.wire_name().to_owned(), json!(account));
            let new = NewUser {
                fields,
                password: Some(PasswordHash::new(&password)?),
                custom_data: Vec::new(),
                register_source: "basic",
            };
            pool.add_user(new, now, seq)?.id.clone()
        }
        None => return Err(Failure::user_not_found()),
    };
    pool.record_login(&user_id, now, ip.as_deref(), custom_data)?;
    let user = pool.user(&user_id).ok_or_else(Failure::user_not_found)?;
    let issued = env.inner.user_token(&pool_id, &app_id, user, env.rc)?;
    pool.note_token(&user_id, exp_time(issued.exp))?;
    let user = pool.user(&user_id).ok_or_else(Failure::user_not_found)?;
    Ok(User::from_record(user, &pool_id, Some(issued.token)))
}

/// Registers a user whose unique `field` (email or username) is `account`.
fn register(
    env: &Env<'_>,
    field: UniqueField,
    account: &str,
    registration: RegisterOptions,
) -> Result<User, Failure> {
    let (pool_id, app_id) = env.inner.end_user_target(env.rc)?;
    let password = hash_new_password(env, &registration.password)?;
    let account = account.trim();
    check_account(field, account)?;
    let mut custom_data = parse_params(registration.params.as_deref())?;
    let mut fields = registration
        .profile
        .as_ref()
        .map(non_null_fields)
        .unwrap_or_default();
    if let Some(profile) = &registration.profile {
        for udf in profile.udf.iter().flatten() {
            custom_data.push(CustomDatum {
                key: udf.key.clone(),
                value: Some(udf.value.clone()),
                data_type: DataType::String,
            });
        }
    }
    fields.insert(
        field.wire_name().to_owned(),
        Value::String(account.to_owned()),
    );
    let ip = registration
        .client_ip
        .or_else(|| registration.profile.as_ref().and_then(|p| p.ip.clone()))
        .or_else(|| env.rc.client_ip.clone());
    let now = env.inner.clock.now();

    let mut store = env.inner.store();
    let seq = store.next_seq();
    let pool = store.pool_mut(&pool_id)?;
    let new = NewUser {
        fields,
        password: Some(password),
        custom_data,
        register_source: "basic",
    };
    let user_id = pool.add_user(new, now, seq)?.id.clone();
    let force_login = registration.force_login.unwrap_or(false);
    let token = if force_login || registration.generate_token.unwrap_or(false) {
        if force_login {
            pool.record_login(&user_id, now, ip.as_deref(), Vec::new())?;
        }
        let user = pool.user(&user_id).ok_or_else(Failure::user_not_found)?;
        let issued = env.inner.user_token(&pool_id, &app_id, user, env.rc)?;
        pool.note_token(&user_id, exp_time(issued.exp))?;
        Some(issued.token)
    } else {
        None
    };
    let user = pool.user(&user_id).ok_or_else(Failure::user_not_found)?;
    Ok(User::from_record(user, &pool_id, token))
}

/// Deletes the users `ids` of the administrator's pool, all or none.
fn delete_users(env: &Env<'_>, ids: &[String]) -> Result<CommonMessage, Failure> {
    let pool_id = env.inner.admin_pool(env.rc)?;
    let mut store = env.inner.store();
    store.pool_mut(&pool_id)?.delete_users(ids)?;
    Ok(CommonMessage {
        code: Some(200),
        message: Some(deleted(env.rc.lang).to_owned()),
    })
}

#[Object(name = "ImplementedMutation")]
impl Mutation {
    /// Creates a user (administrators). The password arrives RSA-encrypted (2016 when it
    /// does not decrypt); `params` is a JSON array of `{key, value}` stored as custom data
    /// with inferred types. `keepPassword` and `resetPasswordOnFirstLogin` are accepted and
    /// ignored. Binding an external `identity` is not supported yet (501).
    async fn create_user(
        &self,
        ctx: &Context<'_>,
        user_info: CreateUserInput,
        keep_password: Option<bool>,
        reset_password_on_first_login: Option<bool>,
        params: Option<String>,
        identity: Option<CreateUserIdentityInput>,
    ) -> Result<User> {
        let _ = (keep_password, reset_password_on_first_login);
        let env = Env::of(ctx)?;
        env.run(|| {
            let pool_id = env.inner.admin_pool(env.rc)?;
            if identity.is_some() {
                return Err(Failure::Unsupported {
                    field: "createUser(identity)",
                });
            }
            let password = hash_optional_password(&env, user_info.password.as_deref())?;
            let custom_data = parse_params(params.as_deref())?;
            let new = NewUser {
                fields: non_null_fields(&user_info),
                password,
                custom_data,
                register_source: "import:manual",
            };
            let now = env.inner.clock.now();
            let mut store = env.inner.store();
            let seq = store.next_seq();
            let pool = store.pool_mut(&pool_id)?;
            let user = pool.add_user(new, now, seq)?;
            Ok(User::from_record(user, &pool_id, None))
        })
    }

    /// Updates a user. Administrators may update any user of their pool; a user only
    /// themselves (`id` omitted or their own, else 1001), and not their email (2225), phone
    /// (2226), password, verification flags or blocked flag (1001). Changing them with the
    /// proof of a verification (`emailToken`, `phoneToken`) or setting a main department is
    /// not supported yet (501).
    async fn update_user(
        &self,
        ctx: &Context<'_>,
        id: Option<String>,
        input: UpdateUserInput,
        email_token: Option<String>,
        phone_token: Option<String>,
    ) -> Result<User> {
        let env = Env::of(ctx)?;
        env.run(|| {
            let caller = env.inner.caller(env.rc)?;
            let target = caller.subject(id)?;
            let unsupported = [
                (email_token.is_some(), "updateUser(emailToken)"),
                (phone_token.is_some(), "updateUser(phoneToken)"),
                (
                    input.main_department_id.is_some(),
                    "UpdateUserInput.mainDepartmentId",
                ),
                (
                    input.main_department_code.is_some(),
                    "UpdateUserInput.mainDepartmentCode",
                ),
            ];
            if let Some((_, field)) = unsupported.into_iter().find(|(given, _)| *given) {
                return Err(Failure::Unsupported { field });
            }
            let password = hash_optional_password(&env, input.password.as_deref())?;
            let patch = non_null_fields(&input);
            let now = env.inner.clock.now();
            let mut store = env.inner.store();
            let pool = store.pool_mut(caller.pool_id())?;
            if matches!(caller, Caller::User { .. }) {
                let current = pool.user(&target).ok_or_else(Failure::user_not_found)?;
                let changes = |key: &str, case_insensitive: bool| {
                    patch
                        .get(key)
                        .and_then(Value::as_str)
                        .is_some_and(|wanted| {
                            let stored = current.str_field(key).unwrap_or_default();
                            if case_insensitive {
                                !stored.eq_ignore_ascii_case(wanted.trim())
                            } else {
                                stored != wanted.trim()
                            }
                        })
                };
                if changes("email", true) {
                    return Err(Failure::CannotChangeEmail);
                }
                if changes("phone", false) {
                    return Err(Failure::CannotChangePhone);
                }
                let admin_only = ["emailVerified", "phoneVerified", "blocked"];
                if password.is_some() || admin_only.iter().any(|k| patch.contains_key(*k)) {
                    return Err(Failure::NoPermission);
                }
            }
            let user = pool.update_user(&target, patch, password, now)?;
            Ok(User::from_record(user, caller.pool_id(), None))
        })
    }

    /// Deletes a user (administrators); 2004 when it does not exist.
    async fn delete_user(&self, ctx: &Context<'_>, id: String) -> Result<Option<CommonMessage>> {
        let env = Env::of(ctx)?;
        env.run(|| delete_users(&env, std::slice::from_ref(&id)).map(Some))
    }

    /// Deletes users (administrators): all of them, or none with 2004 (and the unknown ids
    /// as `data.ids`) when one does not exist.
    async fn delete_users(
        &self,
        ctx: &Context<'_>,
        ids: Vec<String>,
    ) -> Result<Option<CommonMessage>> {
        let env = Env::of(ctx)?;
        env.run(|| delete_users(&env, &ids).map(Some))
    }

    /// Registers a user by email (pool from `x-authing-app-id` / `x-authing-userpool-id`).
    /// A token comes back only with `forceLogin` (which also counts a login) or
    /// `generateToken`.
    async fn register_by_email(
        &self,
        ctx: &Context<'_>,
        input: RegisterByEmailInput,
    ) -> Result<Option<User>> {
        let env = Env::of(ctx)?;
        env.run(|| {
            if input.phone_token.is_some() {
                return Err(Failure::Unsupported {
                    field: "RegisterByEmailInput.phoneToken",
                });
            }
            register(&env, UniqueField::Email, &input.email, input.options).map(Some)
        })
    }

    /// Registers a user by username; see `registerByEmail`.
    async fn register_by_username(
        &self,
        ctx: &Context<'_>,
        input: RegisterByUsernameInput,
    ) -> Result<Option<User>> {
        let env = Env::of(ctx)?;
        env.run(|| {
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
                return Err(Failure::Unsupported { field });
            }
            register(&env, UniqueField::Username, &input.username, input.options).map(Some)
        })
    }

    /// Logs in by email: 2004 for an unknown account (unless `autoRegister`), 2333 for a
    /// wrong password; returns the user with a fresh token.
    async fn login_by_email(
        &self,
        ctx: &Context<'_>,
        input: LoginByEmailInput,
    ) -> Result<Option<User>> {
        let env = Env::of(ctx)?;
        env.run(|| login(&env, UniqueField::Email, &input.email, input.options).map(Some))
    }

    /// Logs in by username; see `loginByEmail`.
    async fn login_by_username(
        &self,
        ctx: &Context<'_>,
        input: LoginByUsernameInput,
    ) -> Result<Option<User>> {
        let env = Env::of(ctx)?;
        env.run(|| login(&env, UniqueField::Username, &input.username, input.options).map(Some))
    }

    /// Changes the calling user's password (a user token; a management token is 1001). The
    /// original password is required (2201) and checked (2203) when the user has one.
    async fn update_password(
        &self,
        ctx: &Context<'_>,
        new_password: String,
        old_password: Option<String>,
    ) -> Result<User> {
        let env = Env::of(ctx)?;
        env.run(|| {
            let Caller::User {
                pool_id, user_id, ..
            } = env.inner.caller(env.rc)?
            else {
                return Err(Failure::NoPermission);
            };
            let hash = hash_new_password(&env, &new_password)?;
            let old = old_password
                .as_deref()
                .filter(|ciphertext| !ciphertext.is_empty())
                .map(|ciphertext| env.inner.key.decrypt_password(ciphertext))
                .transpose()?;
            let now = env.inner.clock.now();
            let mut store = env.inner.store();
            let pool = store.pool_mut(&pool_id)?;
            let user = pool.user(&user_id).ok_or_else(Failure::user_not_found)?;
            if let Some(current) = &user.password {
                let old = old.ok_or(Failure::OldPasswordRequired)?;
                if !current.matches(&old) {
                    return Err(Failure::OldPasswordWrong);
                }
            }
            let user = pool.set_password(&user_id, hash, now)?;
            Ok(User::from_record(user, &pool_id, None))
        })
    }

    /// A fresh token for the calling user (`id` omitted or their own), or, with a
    /// management token, for user `id`. Earlier tokens stay valid.
    async fn refresh_token(
        &self,
        ctx: &Context<'_>,
        id: Option<String>,
    ) -> Result<Option<RefreshToken>> {
        let env = Env::of(ctx)?;
        env.run(|| {
            let caller = env.inner.caller(env.rc)?;
            let target = caller.subject(id)?;
            // A user's token carries its app; an administrator's refresh uses the pool's.
            let app = match &caller {
                Caller::User { app_id, .. } => Some(app_id.clone()),
                Caller::Admin { .. } => None,
            };
            let mut store = env.inner.store();
            let pool = store.pool_mut(caller.pool_id())?;
            let app_id = app.unwrap_or_else(|| pool.app.id.clone());
            let user = pool.user(&target).ok_or_else(Failure::user_not_found)?;
            let issued = env
                .inner
                .user_token(caller.pool_id(), &app_id, user, env.rc)?;
            pool.note_token(&target, exp_time(issued.exp))?;
            Ok(Some(RefreshToken {
                token: Some(issued.token),
                iat: Some(issued.iat),
                exp: Some(issued.exp),
            }))
        })
    }
}
