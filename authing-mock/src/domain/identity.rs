//! Who someone is: management tokens, registration, login, token refresh, password change,
//! token checks and logout. One flow each, shared by GraphQL, REST and (later) the OIDC
//! password grant; passwords reach it in plain text (the doors decrypt them).

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use super::Caller;
use super::users::{self, NewUser, check_length, is_email};
use crate::clock::iso;
use crate::crypto::{PasswordHash, RsaKeyPair};
use crate::failure::{Code, Failure};
use crate::store::{CustomDatum, PasswordStrength, Pool, Store, UniqueField, UserRecord};
use crate::tokens::{IssuedToken, TokenIssuer, TokenOwner, UserTokenSubject, VerifiedToken};

/// The longest password (in characters) the fake accepts.
const MAX_PASSWORD_CHARS: usize = 128;
/// The longest client IP (an IPv6 address with a zone fits).
const MAX_IP_CHARS: usize = 64;

/// 2231 when a client IP a caller sends (stored as `lastIP`) is too long.
pub(super) fn check_ip(ip: Option<&str>) -> Result<(), Failure> {
    ip.map_or(Ok(()), |ip| check_length("clientIp", ip, MAX_IP_CHARS))
}

/// What issuing a token needs: the signer, the fake's time, and the issuer's base URL (the
/// host the client used).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Issuer<'a> {
    pub(crate) tokens: &'a TokenIssuer,
    pub(crate) now: DateTime<Utc>,
    pub(crate) origin: &'a str,
}

impl Issuer<'_> {
    /// A login token for `user` of `pool_id` through application `app_id`.
    fn user_token(
        &self,
        pool_id: &str,
        app_id: &str,
        user: &UserRecord,
    ) -> Result<IssuedToken, Failure> {
        let subject = UserTokenSubject {
            pool_id,
            app_id,
            user_id: &user.id,
            email: user.str_field("email"),
            username: user.str_field("username"),
            phone: user.str_field("phone"),
        };
        self.tokens.user(&subject, self.origin, self.now)
    }
}

/// Decrypts a password sent RSA-encrypted (2016), refusing one over 128 characters (2231).
pub(crate) fn decrypt(key: &RsaKeyPair, ciphertext: &str) -> Result<String, Failure> {
    let plain = key.decrypt_password(ciphertext)?;
    check_length("the password", &plain, MAX_PASSWORD_CHARS)?;
    Ok(plain)
}

/// Decrypts and hashes a password that must not be empty (2016, 2032).
pub(crate) fn new_password(key: &RsaKeyPair, ciphertext: &str) -> Result<PasswordHash, Failure> {
    let plain = decrypt(key, ciphertext)?;
    if plain.is_empty() {
        return Err(Code::PasswordRequired.into());
    }
    PasswordHash::new(&plain)
}

/// A password a user chooses (registering, changing or resetting theirs): decrypted, not
/// empty (2032), meeting the pool's strength rule `strength` (2470, saying what it lacks),
/// hashed. An administrator creating a user is exempt, as in Authing ([`optional_password`]).
pub(crate) fn chosen_password(
    key: &RsaKeyPair,
    strength: PasswordStrength,
    ciphertext: &str,
) -> Result<PasswordHash, Failure> {
    let plain = decrypt(key, ciphertext)?;
    if plain.is_empty() {
        return Err(Code::PasswordRequired.into());
    }
    super::password_reset::check_strength(strength, &plain)
        .map_err(|lacks| Failure::with_words(Code::PasswordTooWeak, lacks))?;
    PasswordHash::new(&plain)
}

/// Decrypts and hashes an optional password; absent or empty means none.
pub(crate) fn optional_password(
    key: &RsaKeyPair,
    ciphertext: Option<&str>,
) -> Result<Option<PasswordHash>, Failure> {
    ciphertext
        .filter(|ciphertext| !ciphertext.is_empty())
        .map(|ciphertext| new_password(key, ciphertext))
        .transpose()
}

/// A management token for pool `pool_id` if `secret` is its secret (2224, 1001).
pub(crate) fn management_token(
    store: &Store,
    issuer: &Issuer<'_>,
    pool_id: &str,
    secret: &str,
) -> Result<IssuedToken, Failure> {
    let pool = store.pool(pool_id.trim())?;
    if !crate::crypto::secret_matches(secret.trim(), pool.secret.expose()) {
        return Err(Code::NoPermission.into());
    }
    issuer.tokens.management(&pool.id, issuer.now)
}

/// Checks a token: signature and expiry (2207 / 2206), not revoked and of an existing pool
/// (2207).
pub(crate) fn verify(
    store: &Store,
    tokens: &TokenIssuer,
    now: DateTime<Utc>,
    token: &str,
) -> Result<VerifiedToken, Failure> {
    let verified = tokens.verify(token, now)?;
    // A token of a pool whose administrator ended the user's sessions
    // (kick, logout) is revoked there.
    let revoked_in_pool = store
        .pools
        .get(verified.owner.pool_id())
        .is_none_or(|pool| pool.sessions.is_revoked(&verified.jti));
    if store.revoked.contains(&verified.jti) || revoked_in_pool {
        return Err(Code::LoginInvalid.into());
    }
    Ok(verified)
}

/// The pool and user a verified user token names: 2207 for a management token or when
/// `named_pool` (the pool the request's headers name, if any) is another pool, 2004 when
/// the user is gone.
pub(crate) fn token_user<'s>(
    store: &'s Store,
    verified: &VerifiedToken,
    named_pool: Option<&str>,
) -> Result<(&'s Pool, &'s UserRecord), Failure> {
    let TokenOwner::User {
        pool_id, user_id, ..
    } = &verified.owner
    else {
        return Err(Code::LoginInvalid.into());
    };
    if named_pool.is_some_and(|named| named != pool_id) {
        return Err(Code::LoginInvalid.into());
    }
    let pool = store
        .pool(pool_id)
        .map_err(|_| Failure::from(Code::LoginInvalid))?;
    let user = users::get(pool, user_id)?;
    Ok((pool, user))
}

/// Revokes a user's login token (logout) and notes a `logout` at `now`; any other token is
/// 2020.
pub(crate) fn logout(
    store: &mut Store,
    verified: VerifiedToken,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let TokenOwner::User {
        pool_id,
        user_id,
        app_id,
    } = &verified.owner
    else {
        return Err(Code::NotLoggedIn.into());
    };
    if let Some(pool) = store.pools.get_mut(pool_id) {
        super::user_actions::record(pool, user_id, "logout", Some(app_id), None, now);
    }
    store.revoked.insert(verified.jti);
    Ok(())
}

/// The timestamp of a token's `exp`.
fn exp_time(exp: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(exp, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// A login to count: `loginsCount + 1`, `lastLogin`, `lastIP`, and the custom data sent.
pub(super) struct CountedLogin {
    pub(super) ip: Option<String>,
    pub(super) custom_data: Vec<CustomDatum>,
}

/// Issues a login token for user `id` through application `app_id` (else the pool's),
/// notes when it expires (`tokenExpiredAt`) and, with `login`, counts a login: one write.
pub(super) fn issue(
    pool: &mut Pool,
    issuer: &Issuer<'_>,
    app_id: Option<&str>,
    id: &str,
    login: Option<CountedLogin>,
) -> Result<IssuedToken, Failure> {
    let user = users::get(pool, id)?;
    if is_suspended(user) {
        return Err(Code::UserBlocked.into());
    }
    let app_id = app_id.unwrap_or(&pool.app.id).to_owned();
    let issued = issuer.user_token(&pool.id, &app_id, user)?;
    if login.is_some() {
        // The app's active users.
        pool.links.link(crate::store::APP_USERS, &app_id, id);
    }
    let expires = json!(iso(exp_time(issued.exp)));
    let now = issuer.now;
    pool.sessions
        .issued(id, &app_id, &issued.jti, issued.exp, now.timestamp());
    if let Some(login) = &login {
        let ip = login.ip.as_deref();
        super::user_actions::record(pool, id, "login", Some(&app_id), ip, now);
    }
    pool.users
        .update(id, |user| {
            user.set("tokenExpiredAt", expires);
            if let Some(login) = login {
                let count = user
                    .fields
                    .get("loginsCount")
                    .and_then(Value::as_i64)
                    .unwrap_or(0);
                user.set("loginsCount", json!(count.saturating_add(1)));
                user.set("lastLogin", json!(iso(now)));
                if let Some(ip) = login.ip {
                    user.set("lastIP", json!(ip));
                }
                user.merge_custom_data(login.custom_data);
                user.updated_at = now;
            }
        })
        .map_err(|_| Failure::from(Code::UserNotFound))?;
    Ok(issued)
}

/// 2003 for an email account that is not one, 2231 for an empty account.
fn check_account(field: UniqueField, account: &str) -> Result<(), Failure> {
    match field {
        UniqueField::Email if !is_email(account) => Err(Code::MalformedEmail.into()),
        _ if account.is_empty() => Err(Failure::invalid_params(format!(
            "{} is required",
            field.wire_name()
        ))),
        _ => Ok(()),
    }
}

/// A login with an account (email or username) and a plain password.
#[derive(Debug)]
pub(crate) struct Login {
    /// What the account is.
    pub(crate) field: UniqueField,
    pub(crate) account: String,
    pub(crate) password: authing_core::Secret,
    /// Create the account when it does not exist.
    pub(crate) auto_register: bool,
    pub(crate) ip: Option<String>,
    /// Custom data: a JSON array of `{key, value}` (2231 otherwise).
    pub(crate) params: Option<String>,
    /// The application logged in to (else the pool's).
    pub(crate) app_id: Option<String>,
}

/// A successful login: the user, their new token, and whether the login created them (an
/// auto-registration), which Authing answers as `newlyCreated`.
pub(crate) struct LoggedIn<'p> {
    pub(crate) user: &'p UserRecord,
    pub(crate) token: String,
    pub(crate) newly_created: bool,
}

/// Names the user, never prints the token.
impl std::fmt::Debug for LoggedIn<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoggedIn")
            .field("user", &self.user.id)
            .field("token", &"<redacted>")
            .field("newly_created", &self.newly_created)
            .finish()
    }
}

/// Logs a user in: 2005 blocked, 2333 wrong password, 1635 (with `data.mfaToken`) when the
/// user has MFA on, 1639 / 2058 (with `data.token`) when they must set a new password first,
/// 1636 (with `data.mfaToken`) when the application demands MFA, 2004 unknown (unless
/// `auto_register`); counts the login and returns the user with a fresh token.
pub(crate) fn login<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    login: Login,
) -> Result<LoggedIn<'p>, Failure> {
    let account = login.account.trim();
    check_account(login.field, account)?;
    check_ip(login.ip.as_deref())?;
    let custom_data = users::parse_params(login.params.as_deref())?;
    let password = login.password.expose();
    let mut newly_created = false;
    let user_id = match users::find(pool, login.field, account) {
        Some(user) => {
            if user.flag("blocked") || is_suspended(user) {
                return Err(Code::UserBlocked.into());
            }
            let matches = user
                .password
                .as_ref()
                .is_some_and(|hash| hash.matches(password));
            if !matches {
                return Err(Code::WrongCredentials.into());
            }
            let user_id = user.id.clone();
            after_first_factor(pool, issuer, &user_id, login.app_id.as_deref())?;
            user_id
        }
        None if login.auto_register => {
            if password.is_empty() {
                return Err(Code::PasswordRequired.into());
            }
            let mut fields = Map::new();
            fields.insert(login.field.wire_name().to_owned(), json!(account));
            let new = NewUser {
                fields,
                password: Some(PasswordHash::new(password)?),
                custom_data: Vec::new(),
                register_source: "basic",
            };
            let user_id = users::create(pool, new, issuer.now)?.id.clone();
            check_app_access(pool, login.app_id.as_deref(), &user_id)?;
            newly_created = true;
            user_id
        }
        None => return Err(Code::UserNotFound.into()),
    };
    let app_id = login.app_id.as_deref();
    let counted = CountedLogin {
        ip: login.ip,
        custom_data,
    };
    let issued = issue(pool, issuer, app_id, &user_id, Some(counted))?;
    Ok(LoggedIn {
        user: users::get(pool, &user_id)?,
        token: issued.token,
        newly_created,
    })
}

/// The checks every login runs once its first factor (a password, a directory bind, a
/// one-time code) checked out, whichever way in it was: 2005 blocked; 1576 when the
/// application's access policy keeps the user out (before any MFA step: a user it keeps out
/// never gets one); 1635 with `data.mfaToken` when the user has MFA on; 1639 / 2058 with
/// `data.token` when they must set a new password first; 1636 with `data.mfaToken` when the
/// application demands its own MFA step. `app_id` is the application logged in to (else
/// the pool's).
pub(crate) fn after_first_factor(
    pool: &mut Pool,
    issuer: &Issuer<'_>,
    user_id: &str,
    app_id: Option<&str>,
) -> Result<(), Failure> {
    if users::get(pool, user_id)?.flag("blocked") {
        return Err(Code::UserBlocked.into());
    }
    check_app_access(pool, app_id, user_id)?;
    let app_id = app_id.unwrap_or(&pool.app.id).to_owned();
    if pool.mfa.required(user_id) {
        return Err(super::mfa::begin_step(
            pool,
            user_id.to_owned(),
            app_id,
            issuer.now,
        ));
    }
    super::password_reset::demanded_at_login(pool, user_id, issuer.now)?;
    super::app_mfa::demanded_at_login(pool, &app_id, user_id, issuer.now)
}

/// 1576 when the access policy of application `app_id` (the pool's default one when
/// `None`) keeps `user_id` out.
fn check_app_access(pool: &Pool, app_id: Option<&str>, user_id: &str) -> Result<(), Failure> {
    let app_id = app_id.unwrap_or(&pool.app.id);
    super::applications::check_login_access(pool, app_id, user_id)
}

/// A registration with an account (email, username, or a phone proven by a code) and a
/// hashed password (optional only for a phone).
#[derive(Debug)]
pub(crate) struct Registration {
    pub(crate) field: UniqueField,
    pub(crate) account: String,
    pub(crate) password: Option<PasswordHash>,
    /// Profile fields by wire name.
    pub(crate) fields: Map<String, Value>,
    /// Custom data: a JSON array of `{key, value}` (2231 otherwise).
    pub(crate) params: Option<String>,
    /// Custom values given one by one (`udf`), after those of `params`.
    pub(crate) udf: Vec<CustomDatum>,
    /// Log the user in (count the login, issue a token).
    pub(crate) force_login: bool,
    /// Issue a token without counting a login.
    pub(crate) generate_token: bool,
    pub(crate) ip: Option<String>,
    /// The application registered with (else the pool's).
    pub(crate) app_id: Option<String>,
}

/// Completes a login whose MFA step was answered: counts it and issues a token for
/// application `app_id`.
pub(crate) fn complete_login<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    app_id: &str,
    user_id: &str,
) -> Result<(&'p UserRecord, String), Failure> {
    let counted = CountedLogin {
        ip: None,
        custom_data: Vec::new(),
    };
    let issued = issue(pool, issuer, Some(app_id), user_id, Some(counted))?;
    Ok((users::get(pool, user_id)?, issued.token))
}

/// Registers a user (2003, 2231, 2026); a token comes back only with `force_login` (which
/// also counts a login) or `generate_token`.
pub(crate) fn register<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    registration: Registration,
) -> Result<(&'p UserRecord, Option<String>), Failure> {
    let account = registration.account.trim();
    check_account(registration.field, account)?;
    check_ip(registration.ip.as_deref())?;
    let mut custom_data = users::parse_params(registration.params.as_deref())?;
    custom_data.extend(registration.udf);
    let mut fields = registration.fields;
    fields.insert(
        registration.field.wire_name().to_owned(),
        Value::String(account.to_owned()),
    );
    let new = NewUser {
        fields,
        password: registration.password,
        custom_data,
        register_source: "basic",
    };
    let user_id = users::create(pool, new, issuer.now)?.id.clone();
    let app_id = registration.app_id.as_deref();
    let ip = registration.ip.as_deref();
    super::user_actions::record(pool, &user_id, "register", app_id, ip, issuer.now);
    let token = if registration.force_login || registration.generate_token {
        let counted = registration.force_login.then(|| CountedLogin {
            ip: registration.ip,
            custom_data: Vec::new(),
        });
        let app_id = registration.app_id.as_deref();
        Some(issue(pool, issuer, app_id, &user_id, counted)?.token)
    } else {
        None
    };
    Ok((users::get(pool, &user_id)?, token))
}

/// A fresh token for the calling user (`id` omitted or their own), or, for an
/// administrator, for user `id` (through the pool's application). Earlier tokens stay
/// valid.
pub(crate) fn refresh_token(
    pool: &mut Pool,
    issuer: &Issuer<'_>,
    caller: &Caller,
    id: Option<String>,
) -> Result<IssuedToken, Failure> {
    let target = caller.subject(id)?;
    // A user's token carries its app; an administrator's refresh uses the pool's.
    let issued = issue(pool, issuer, caller.app_id(), &target, None)?;
    let app_id = caller.app_id();
    super::user_actions::record(pool, &target, "refreshToken", app_id, None, issuer.now);
    Ok(issued)
}

/// Changes user `id`'s password; the original (plain) password is required (2201) and
/// checked (2203) when the user has one.
pub(crate) fn change_password<'p>(
    pool: &'p mut Pool,
    id: &str,
    new: PasswordHash,
    old: Option<&str>,
    now: DateTime<Utc>,
) -> Result<&'p UserRecord, Failure> {
    let user = users::get(pool, id)?;
    if let Some(current) = &user.password {
        let old = old.ok_or(Code::OldPasswordRequired)?;
        if !current.matches(old) {
            return Err(Code::OldPasswordWrong.into());
        }
    }
    let user = users::set_password(pool, id, new, now)?.id.clone();
    super::user_actions::record(pool, &user, "updatePassword", None, None, now);
    users::get(pool, id)
}

// Suspension and administrators ending sessions.

/// Whether an administrator suspended the user (`status` `Suspended`): they may not log in
/// (2005) nor get a token.
pub(crate) fn is_suspended(user: &UserRecord) -> bool {
    user.str_field("status") == Some("Suspended")
}

/// Ends the sessions of user `user_id` (only those through application `app_id`, when
/// given): their tokens are refused (2207) from now on, a new login works. Notes a
/// `logout`. 2004 for an unknown user.
pub(crate) fn end_sessions(
    pool: &mut Pool,
    user_id: &str,
    app_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<usize, Failure> {
    users::get(pool, user_id)?;
    let ended = pool.sessions.end(user_id, app_id);
    super::user_actions::record(pool, user_id, "logout", app_id, None, now);
    Ok(ended)
}

#[cfg(test)]
mod tests {
    use authing_core::Secret;

    use super::*;

    fn setup() -> (Store, TokenIssuer, String) {
        let mut store = Store::default();
        let pool_id = store.create_pool().id.clone();
        (store, TokenIssuer::random(), pool_id)
    }

    fn login_as(account: &str, password: &str, app_id: &str) -> Login {
        let app_id = Some(app_id.to_owned());
        Login {
            field: UniqueField::Username,
            account: account.to_owned(),
            password: Secret::from(password),
            auto_register: false,
            ip: Some("10.0.0.1".into()),
            params: None,
            app_id,
        }
    }

    #[test]
    fn register_login_refresh_change_password_logout() {
        let (mut store, tokens, pool_id) = setup();
        let issuer = Issuer {
            tokens: &tokens,
            now: Utc::now(),
            origin: "http://x",
        };
        let pool = store.pool_mut(&pool_id).expect("pool");
        let app_id = pool.app.id.clone();
        let registration = Registration {
            field: UniqueField::Username,
            account: " ann ".into(),
            password: Some(PasswordHash::new("pw-1").expect("hash")),
            fields: Map::new(),
            params: None,
            udf: Vec::new(),
            force_login: false,
            generate_token: false,
            ip: None,
            app_id: Some(app_id.clone()),
        };
        let (user, token) = register(pool, &issuer, registration).expect("registered");
        assert_eq!(user.str_field("username"), Some("ann"));
        assert!(token.is_none());
        let id = user.id.clone();

        let wrong = login(pool, &issuer, login_as("ann", "nope", &app_id));
        assert_eq!(wrong.expect_err("wrong").number(), 2333);
        let unknown = login(pool, &issuer, login_as("bob", "pw-1", &app_id));
        assert_eq!(unknown.expect_err("unknown").number(), 2004);
        let LoggedIn {
            user,
            token,
            newly_created,
        } = login(pool, &issuer, login_as("ann", "pw-1", &app_id)).expect("ok");
        assert!(!newly_created, "ann registered before logging in");
        assert_eq!(user.fields["loginsCount"], 1);
        assert_eq!(user.str_field("lastIP"), Some("10.0.0.1"));
        assert!(user.str_field("tokenExpiredAt").is_some());

        let me = Caller::User {
            pool_id: pool_id.clone(),
            user_id: id.clone(),
            app_id: app_id.clone(),
        };
        assert!(refresh_token(pool, &issuer, &me, None).is_ok());
        let new = PasswordHash::new("pw-2").expect("hash");
        let missing = change_password(pool, &id, new.clone(), None, issuer.now);
        assert_eq!(missing.expect_err("old needed").number(), 2201);
        let wrong = change_password(pool, &id, new.clone(), Some("x"), issuer.now);
        assert_eq!(wrong.expect_err("old wrong").number(), 2203);
        change_password(pool, &id, new, Some("pw-1"), issuer.now).expect("changed");
        assert!(login(pool, &issuer, login_as("ann", "pw-2", &app_id)).is_ok());

        let verified = verify(&store, &tokens, issuer.now, &token).expect("live");
        let (_, owner) = token_user(&store, &verified, Some(&pool_id)).expect("their pool");
        assert_eq!(owner.id, id);
        let elsewhere = token_user(&store, &verified, Some("other"));
        assert_eq!(elsewhere.expect_err("other pool").number(), 2207);
        logout(&mut store, verified, issuer.now).expect("logged out");
        let revoked = verify(&store, &tokens, issuer.now, &token);
        assert_eq!(revoked.expect_err("revoked").number(), 2207);
    }

    #[test]
    fn ending_sessions_and_suspension() {
        let (mut store, tokens, pool_id) = setup();
        let issuer = Issuer {
            tokens: &tokens,
            now: Utc::now(),
            origin: "http://x",
        };
        let pool = store.pool_mut(&pool_id).expect("pool");
        let app_id = pool.app.id.clone();
        let mut auto = login_as("kim", "pw", &app_id);
        auto.auto_register = true;
        let LoggedIn {
            user,
            token: old,
            newly_created,
        } = login(pool, &issuer, auto).expect("registered and logged in");
        assert!(newly_created, "the login registered kim");
        let id = user.id.clone();
        let ops: Vec<&str> = pool
            .user_actions
            .newest_first()
            .map(|a| a.operation)
            .collect();
        assert_eq!(ops, ["login"]);

        end_sessions(pool, &id, None, issuer.now).expect("kicked");
        let again = login(pool, &issuer, login_as("kim", "pw", &app_id)).expect("new login");
        assert!(!again.newly_created, "kim exists now");
        let new = again.token;
        let unknown = end_sessions(pool, "nobody", None, issuer.now);
        assert_eq!(unknown.expect_err("unknown").number(), 2004);
        let refused = verify(&store, &tokens, issuer.now, &old);
        assert_eq!(refused.expect_err("kicked").number(), 2207);
        assert!(verify(&store, &tokens, issuer.now, &new).is_ok());

        let pool = store.pool_mut(&pool_id).expect("pool");
        super::super::user_status::suspend(pool, &id, issuer.now).expect("suspended");
        let suspended = login(pool, &issuer, login_as("kim", "pw", &app_id));
        assert_eq!(suspended.expect_err("suspended").number(), 2005);
        let admin = Caller::Admin {
            pool_id: pool_id.clone(),
        };
        let no_token = refresh_token(pool, &issuer, &admin, Some(id.clone()));
        assert_eq!(no_token.expect_err("suspended").number(), 2005);
        let refused = verify(&store, &tokens, issuer.now, &new);
        assert_eq!(
            refused.expect_err("suspension ends sessions").number(),
            2207
        );
    }

    #[test]
    fn blocked_auto_register_and_management_tokens() {
        let (mut store, tokens, pool_id) = setup();
        let issuer = Issuer {
            tokens: &tokens,
            now: Utc::now(),
            origin: "http://x",
        };
        let secret = store
            .pool(&pool_id)
            .expect("pool")
            .secret
            .expose()
            .to_owned();
        let issued = management_token(&store, &issuer, &pool_id, &secret).expect("issued");
        let verified = verify(&store, &tokens, issuer.now, &issued.token).expect("live");
        assert_eq!(
            logout(&mut store, verified, issuer.now)
                .expect_err("not a user")
                .number(),
            2020
        );
        let wrong = management_token(&store, &issuer, &pool_id, "nope");
        assert_eq!(wrong.expect_err("secret").number(), 1001);
        let missing = management_token(&store, &issuer, "nope", &secret);
        assert_eq!(missing.expect_err("pool").number(), 2224);

        let pool = store.pool_mut(&pool_id).expect("pool");
        let app_id = pool.app.id.clone();
        let mut auto = login_as("new", "pw", &app_id);
        auto.auto_register = true;
        let id = login(pool, &issuer, auto)
            .expect("auto-registered")
            .user
            .id
            .clone();
        pool.users
            .update(&id, |u| u.set("blocked", json!(true)))
            .expect("blocked");
        let blocked = login(pool, &issuer, login_as("new", "pw", &app_id));
        assert_eq!(blocked.expect_err("blocked").number(), 2005);
        let mut long_ip = login_as("new", "pw", &app_id);
        long_ip.ip = Some("1".repeat(65));
        assert_eq!(
            login(pool, &issuer, long_ip).expect_err("ip").number(),
            2231
        );
        let mut email = login_as("not-an-email", "pw", &app_id);
        email.field = UniqueField::Email;
        assert_eq!(
            login(pool, &issuer, email).expect_err("email").number(),
            2003
        );
    }
}
