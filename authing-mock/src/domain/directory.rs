//! Logins through the pool's LDAP / AD connection and sub-account logins.
//!
//! The fake keeps one user directory per pool standing for the directory server both its
//! LDAP and its AD connection talk to ([`add_user`]; `MockAuthingBuilder::ldap_user`). A
//! directory login checks the password against the directory (an unknown user and a wrong
//! password are both 2333, as a failed LDAP bind is), then finds the Authing user linked to
//! that directory identity, or creates one from the entry's profile and links it (identity
//! provider `ldap` or `ad`, `userIdInIdp` the directory username), and logs them in.
//!
//! A sub-account is another account name and password of an existing user
//! ([`add_sub_account`]); `loginBySubAccount` logs in as that user.

use serde_json::{Map, Value, json};

use super::identity::{self, CountedLogin, Issuer, LoggedIn};
use super::linking;
use super::users::{self, NewUser, check_length};
use crate::crypto::PasswordHash;
use crate::failure::{Code, Failure};
use crate::store::{DirectoryUser, Pool, SubAccount, UniqueField};

/// The longest directory username or sub-account name.
const MAX_ACCOUNT_CHARS: usize = 128;

/// The profile fields a directory entry may give its Authing user (all strings).
const PROFILE_FIELDS: &[&str] = &[
    "username",
    "email",
    "phone",
    "nickname",
    "name",
    "givenName",
    "familyName",
    "middleName",
    "preferredUsername",
    "photo",
    "company",
    "website",
    "gender",
    "locale",
    "address",
    "externalId",
];

/// Which connection a directory login came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Connection {
    Ldap,
    Ad,
}

impl Connection {
    /// The identity provider's code.
    pub(crate) fn provider(self) -> &'static str {
        match self {
            Self::Ldap => "ldap",
            Self::Ad => "ad",
        }
    }

    /// What the user's `registerSource` says.
    fn register_source(self) -> &'static str {
        match self {
            Self::Ldap => "import:ldap",
            Self::Ad => "import:ad",
        }
    }
}

/// Adds (or replaces) a directory entry: `username`, its plain `password`, and the profile
/// (wire names, strings) its Authing user starts with. 2231 for an empty or too long
/// username, a profile field it cannot hold, or a string over its limit; 2003 for an email
/// that is not one.
pub(crate) fn add_user(
    pool: &mut Pool,
    username: &str,
    password: &str,
    profile: Map<String, Value>,
) -> Result<(), Failure> {
    let username = account_name(username)?;
    if let Some((name, _)) = profile
        .iter()
        .find(|(name, value)| !PROFILE_FIELDS.contains(&name.as_str()) || !value.is_string())
    {
        return Err(Failure::invalid_params(format!(
            "the directory profile cannot hold {name}: it takes strings for {}",
            PROFILE_FIELDS.join(", ")
        )));
    }
    let mut profile = profile;
    users::normalize_fields(&mut profile)?;
    let entry = DirectoryUser {
        password: PasswordHash::new(password)?,
        profile,
    };
    pool.logins.directory.insert(username.to_owned(), entry);
    Ok(())
}

/// [`add_user`] with a JSON profile, which must be an object (2231 otherwise).
pub(crate) fn add_user_json(
    pool: &mut Pool,
    username: &str,
    password: &str,
    profile: Value,
) -> Result<(), Failure> {
    let profile = match profile {
        Value::Object(profile) => profile,
        Value::Null => Map::new(),
        _ => return Err(Failure::invalid_params("the profile must be an object")),
    };
    add_user(pool, username, password, profile)
}

/// A directory login through `connection` to application `app_id` (else the pool's):
/// the linked Authing user, created at the first login, with a fresh token.
pub(crate) fn login<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    connection: Connection,
    username: &str,
    password: &str,
    app_id: Option<&str>,
) -> Result<LoggedIn<'p>, Failure> {
    let username = account_name(username)?;
    let entry = pool
        .logins
        .directory
        .get(username)
        .filter(|entry| entry.password.matches(password))
        .ok_or(Code::WrongCredentials)?;
    let profile = entry.profile.clone();
    // One directory stands behind both connections: a user linked through either is the
    // directory user's Authing account.
    let providers = [Connection::Ldap.provider(), Connection::Ad.provider()];
    let linked = linking::holder(pool, &providers, username).map(|user| user.id.clone());
    let newly_created = linked.is_none();
    let user_id = match linked {
        Some(id) => id,
        None => {
            let new = NewUser {
                fields: profile,
                password: None,
                custom_data: Vec::new(),
                register_source: connection.register_source(),
            };
            users::create(pool, new, issuer.now)?.id.clone()
        }
    };
    let now = issuer.now;
    linking::add_identity(pool, &user_id, connection.provider(), username, false, now)?;
    finish_login(pool, issuer, &user_id, app_id, None, newly_created)
}

/// Gives user `user_id` a sub-account `account` with the plain `password`: 2004 for an
/// unknown user, 2026 when the name is a sub-account or a username already, 2231 for an
/// empty or too long name.
pub(crate) fn add_sub_account(
    pool: &mut Pool,
    user_id: &str,
    account: &str,
    password: &str,
) -> Result<(), Failure> {
    users::get(pool, user_id)?;
    let account = account_name(account)?;
    if pool.logins.sub_accounts.contains_key(account)
        || users::find(pool, UniqueField::Username, account).is_some()
    {
        return Err(
            Failure::with_words(Code::UserExists, UniqueField::Username.words())
                .with_data(json!({ "field": "username" })),
        );
    }
    let sub = SubAccount {
        user_id: user_id.to_owned(),
        password: PasswordHash::new(password)?,
    };
    pool.logins.sub_accounts.insert(account.to_owned(), sub);
    Ok(())
}

/// Logs in as the user sub-account `account` belongs to: 2333 for an unknown account or a
/// wrong password, then the checks of every login (2005 blocked, 1576 kept out by the
/// application, 1635 / 1639 / 2058 / 1636 steps: [`identity::after_first_factor`]).
pub(crate) fn login_by_sub_account<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    account: &str,
    password: &str,
    ip: Option<String>,
    app_id: Option<&str>,
) -> Result<LoggedIn<'p>, Failure> {
    identity::check_ip(ip.as_deref())?;
    let user_id = pool
        .logins
        .sub_accounts
        .get(account.trim())
        .filter(|sub| sub.password.matches(password))
        .map(|sub| sub.user_id.clone())
        .ok_or(Code::WrongCredentials)?;
    // A sub-account logs in to an existing account: never one created here.
    finish_login(pool, issuer, &user_id, app_id, ip, false)
}

/// Runs the checks of every login ([`identity::after_first_factor`]: blocked, the
/// application's access policy, MFA, a password to change first, the application's MFA),
/// then counts the login and issues a token; `newly_created` when the login created the
/// user.
fn finish_login<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    user_id: &str,
    app_id: Option<&str>,
    ip: Option<String>,
    newly_created: bool,
) -> Result<LoggedIn<'p>, Failure> {
    identity::after_first_factor(pool, issuer, user_id, app_id)?;
    let app = app_id.unwrap_or(&pool.app.id).to_owned();
    let counted = CountedLogin {
        ip,
        custom_data: Vec::new(),
    };
    let issued = identity::issue(pool, issuer, Some(&app), user_id, Some(counted))?;
    Ok(LoggedIn {
        user: users::get(pool, user_id)?,
        token: issued.token,
        newly_created,
    })
}

/// A directory username or sub-account name, trimmed: 2231 when empty or too long.
fn account_name(name: &str) -> Result<&str, Failure> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Failure::invalid_params("username is required"));
    }
    check_length("username", name, MAX_ACCOUNT_CHARS)?;
    Ok(name)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::tokens::TokenIssuer;

    #[test]
    fn directory_logins_link_one_user() {
        let mut pool = Pool::random();
        let tokens = TokenIssuer::random();
        let issuer = Issuer {
            tokens: &tokens,
            now: Utc::now(),
            origin: "http://x",
        };
        let profile = Map::from_iter([("nickname".to_owned(), json!("Ada L."))]);
        add_user(&mut pool, " ada ", "dir-pw", profile).expect("added");
        assert_eq!(
            add_user(&mut pool, "  ", "x", Map::new())
                .expect_err("empty")
                .number(),
            2231
        );
        let wrong = login(&mut pool, &issuer, Connection::Ldap, "ada", "nope", None);
        assert_eq!(wrong.expect_err("wrong password").number(), 2333);
        let unknown = login(&mut pool, &issuer, Connection::Ldap, "bob", "dir-pw", None);
        assert_eq!(unknown.expect_err("unknown").number(), 2333);

        let LoggedIn {
            user,
            token,
            newly_created,
        } = login(&mut pool, &issuer, Connection::Ldap, "ada", "dir-pw", None).expect("ok");
        assert!(!token.is_empty());
        assert!(newly_created, "the first directory login creates the user");
        assert_eq!(user.str_field("nickname"), Some("Ada L."));
        assert_eq!(user.fields["loginsCount"], 1);
        let identities = linking::identities_of(user);
        assert_eq!(identities.len(), 1);
        assert_eq!(identities[0]["provider"], "ldap");
        assert_eq!(identities[0]["userIdInIdp"], "ada");
        let id = user.id.clone();
        let again = login(&mut pool, &issuer, Connection::Ad, "ada", "dir-pw", None).expect("ok");
        assert!(!again.newly_created);
        assert_eq!(again.user.id, id, "the same directory user");
        let identities = linking::identities_of(again.user);
        assert_eq!(identities.len(), 2, "linked through AD too");
        assert_eq!(pool.users.len(), 1);
    }

    #[test]
    fn sub_accounts_log_in_as_their_user() {
        let mut pool = Pool::random();
        let tokens = TokenIssuer::random();
        let issuer = Issuer {
            tokens: &tokens,
            now: Utc::now(),
            origin: "http://x",
        };
        let new = NewUser {
            fields: Map::from_iter([("username".to_owned(), json!("ann"))]),
            password: None,
            custom_data: Vec::new(),
            register_source: "basic",
        };
        let id = users::create(&mut pool, new, issuer.now)
            .expect("user")
            .id
            .clone();
        let missing = add_sub_account(&mut pool, "nobody", "ann-ops", "pw");
        assert_eq!(missing.expect_err("no user").number(), 2004);
        let taken = add_sub_account(&mut pool, &id, "ann", "pw");
        assert_eq!(taken.expect_err("a username").number(), 2026);
        add_sub_account(&mut pool, &id, "ann-ops", "sub-pw").expect("added");
        let again = add_sub_account(&mut pool, &id, "ann-ops", "pw");
        assert_eq!(again.expect_err("taken").number(), 2026);

        let wrong = login_by_sub_account(&mut pool, &issuer, "ann-ops", "nope", None, None);
        assert_eq!(wrong.expect_err("wrong").number(), 2333);
        let logged_in = login_by_sub_account(&mut pool, &issuer, "ann-ops", "sub-pw", None, None)
            .expect("logs in");
        assert_eq!(logged_in.user.id, id);
        assert!(!logged_in.token.is_empty());
        assert!(!logged_in.newly_created);
        pool.users
            .update(&id, |u| u.set("blocked", json!(true)))
            .expect("blocked");
        let blocked = login_by_sub_account(&mut pool, &issuer, "ann-ops", "sub-pw", None, None);
        assert_eq!(blocked.expect_err("blocked").number(), 2005);
    }

    // authgaps: directory and sub-account logins take the steps password logins do.
    #[test]
    fn directory_and_sub_account_logins_take_every_logins_steps() {
        use crate::domain::{mfa, password_reset};
        use crate::store::{AppMfa, ResetKind};

        let mut pool = Pool::random();
        let tokens = TokenIssuer::random();
        let now = Utc::now();
        let issuer = Issuer {
            tokens: &tokens,
            now,
            origin: "http://x",
        };
        add_user(&mut pool, "ada", "dir-pw", Map::new()).expect("added");
        let ldap = |pool: &mut Pool| {
            login(pool, &issuer, Connection::Ldap, "ada", "dir-pw", None).map(|l| l.user.id.clone())
        };
        let sub = |pool: &mut Pool| {
            login_by_sub_account(pool, &issuer, "ada-ops", "sub-pw", None, None)
                .map(|l| l.user.id.clone())
        };
        let id = ldap(&mut pool).expect("first login");
        add_sub_account(&mut pool, &id, "ada-ops", "sub-pw").expect("sub-account");
        assert_eq!(sub(&mut pool).expect("sub-account login"), id);

        password_reset::require_reset(&mut pool, &id, ResetKind::Forced).expect("demanded");
        let forced = ldap(&mut pool).expect_err("a new password first");
        assert_eq!(forced.number(), 2058);
        assert!(forced.data().is_some_and(|d| d["token"].is_string()));
        assert_eq!(sub(&mut pool).expect_err("forced").number(), 2058);
        pool.logins.must_reset.remove(&id);

        let app_id = pool.app.id.clone();
        pool.logins.app_mfa.insert(app_id.clone(), AppMfa::Sms);
        let app_mfa = ldap(&mut pool).expect_err("the application's MFA");
        assert_eq!(app_mfa.number(), 1636);
        assert!(app_mfa.data().is_some_and(|d| d["mfaToken"].is_string()));
        assert_eq!(sub(&mut pool).expect_err("app MFA").number(), 1636);
        pool.logins.app_mfa.remove(&app_id);

        let enrolment = mfa::associate(&mut pool, &id, "fake", now).expect("associated");
        let secret = enrolment["secret"].as_str().expect("secret");
        let seconds = u64::try_from(now.timestamp()).expect("after 1970");
        let code = authing_core::totp::code(secret, seconds).expect("code");
        mfa::confirm(&mut pool, &id, Some(&code), now).expect("confirmed");
        let totp = ldap(&mut pool).expect_err("the MFA step");
        assert_eq!(totp.number(), 1635);
        assert!(totp.data().is_some_and(|d| d["mfaToken"].is_string()));
        let ad = login(&mut pool, &issuer, Connection::Ad, "ada", "dir-pw", None);
        assert_eq!(ad.expect_err("AD too").number(), 1635);
        assert_eq!(sub(&mut pool).expect_err("sub-account too").number(), 1635);
        assert_eq!(
            users::get(&pool, &id).expect("user").fields["loginsCount"],
            2,
            "a login stopped at a step is not counted"
        );
    }
}
