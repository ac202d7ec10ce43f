//! Passwords a login demands a change of, and the pool's strength rule.
//!
//! A user created with `resetPasswordOnFirstLogin` (or asked by an administrator to set a
//! new password, [`require_reset`] with [`ResetKind::Forced`]) gets no login token: the
//! login fails with 1639 (first login) or 2058 (forced) and `data.token`, a reset token good
//! for one password change within ten minutes (`resetPasswordByFirstLoginToken`, or
//! `resetPasswordByForceResetToken`, which also proves the old password). After the change
//! the user logs in as usual.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::users;
use crate::crypto::{PasswordHash, random_hex};
use crate::failure::{Code, Failure, Message};
use crate::store::{PasswordStrength, Pool, ResetKind, ResetToken};

/// How long a reset token a login handed out can be used.
const TOKEN_LIFETIME: Duration = Duration::minutes(10);

/// Marks user `user_id` as having to set a new password at their next login (2004 when
/// there is no such user).
pub(crate) fn require_reset(
    pool: &mut Pool,
    user_id: &str,
    kind: ResetKind,
) -> Result<(), Failure> {
    users::get(pool, user_id)?;
    pool.logins.must_reset.insert(user_id.to_owned(), kind);
    Ok(())
}

/// At a login whose password checked out: when user `user_id` must set a new password,
/// the 1639 / 2058 failure carrying a fresh reset token in `data.token`.
pub(crate) fn demanded_at_login(
    pool: &mut Pool,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let Some(kind) = pool.logins.must_reset.get(user_id).copied() else {
        return Ok(());
    };
    // Forget the tokens nobody used in time, so the map stays small.
    pool.logins.reset_tokens.retain(|_, t| t.expires_at > now);
    let token = random_hex(32);
    pool.logins.reset_tokens.insert(
        token.clone(),
        ResetToken {
            user_id: user_id.to_owned(),
            kind,
            expires_at: now + TOKEN_LIFETIME,
        },
    );
    let code = match kind {
        ResetKind::FirstLogin => Code::FirstLoginReset,
        ResetKind::Forced => Code::ForcedReset,
    };
    Err(Failure::from(code).with_data(json!({ "token": token })))
}

/// Sets a new password with the token of a first login (1639). 2207 for a token that is
/// unknown, used, expired or of the other kind.
pub(crate) fn reset_by_first_login_token(
    pool: &mut Pool,
    token: &str,
    new: PasswordHash,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let user_id = redeemable(pool, token, ResetKind::FirstLogin, now)?;
    finish(pool, &user_id, new, now)
}

/// Sets a new password with the token of a forced reset (2058), proving the old (plain)
/// password (2203 when wrong). 2207 for a token that is unknown, used, expired or of the
/// other kind.
pub(crate) fn reset_by_force_reset_token(
    pool: &mut Pool,
    token: &str,
    old: &str,
    new: PasswordHash,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let user_id = redeemable(pool, token, ResetKind::Forced, now)?;
    let user = users::get(pool, &user_id)?;
    if !user.password.as_ref().is_some_and(|hash| hash.matches(old)) {
        return Err(Code::OldPasswordWrong.into());
    }
    finish(pool, &user_id, new, now)
}

/// The user a live reset token of `kind` is for.
fn redeemable(
    pool: &Pool,
    token: &str,
    kind: ResetKind,
    now: DateTime<Utc>,
) -> Result<String, Failure> {
    match pool.logins.reset_tokens.get(token.trim()) {
        Some(found) if found.kind == kind && found.expires_at > now => Ok(found.user_id.clone()),
        _ => Err(Code::LoginInvalid.into()),
    }
}

/// Sets the password; the user no longer has to, and every reset token of theirs is spent.
fn finish(
    pool: &mut Pool,
    user_id: &str,
    new: PasswordHash,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    users::set_password(pool, user_id, new, now)?;
    pool.logins.must_reset.remove(user_id);
    pool.logins.reset_tokens.retain(|_, t| t.user_id != user_id);
    Ok(())
}

/// Whether `password` meets the pool's strength rule, and if not, what it lacks.
pub(crate) fn check_strength(strength: PasswordStrength, password: &str) -> Result<(), Message> {
    let long_enough = password.chars().count() >= 6;
    let kinds = [
        password.chars().any(char::is_alphabetic),
        password.chars().any(|c| c.is_ascii_digit()),
        password
            .chars()
            .any(|c| !c.is_alphanumeric() && !c.is_whitespace()),
    ]
    .into_iter()
    .filter(|has| *has)
    .count();
    let (ok, message) = match strength {
        PasswordStrength::Any => (
            !password.is_empty(),
            Message {
                zh: "密码不能为空",
                en: "The password must not be empty",
            },
        ),
        PasswordStrength::AtLeast6 => (
            long_enough,
            Message {
                zh: "密码至少 6 位",
                en: "The password needs at least 6 characters",
            },
        ),
        PasswordStrength::TwoKinds => (
            long_enough && kinds >= 2,
            Message {
                zh: "密码至少 6 位，且须包含英文、数字与符号中的两种",
                en: "The password needs at least 6 characters and two of: letters, digits, symbols",
            },
        ),
        PasswordStrength::ThreeKinds => (
            long_enough && kinds == 3,
            Message {
                zh: "密码至少 6 位，且须包含英文、数字与符号",
                en: "The password needs at least 6 characters with letters, digits and symbols",
            },
        ),
    };
    if ok { Ok(()) } else { Err(message) }
}

#[cfg(test)]
mod tests {
    use serde_json::Map;

    use super::*;
    use crate::domain::users::NewUser;

    fn user(pool: &mut Pool, password: &str) -> String {
        let new = NewUser {
            fields: Map::from_iter([("username".to_owned(), json!("ann"))]),
            password: Some(PasswordHash::new(password).expect("hash")),
            custom_data: Vec::new(),
            register_source: "import:manual",
        };
        users::create(pool, new, Utc::now())
            .expect("created")
            .id
            .clone()
    }

    fn token_of(failure: &Failure) -> String {
        failure.data().expect("data")["token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    #[test]
    fn first_login_token_resets_once() {
        let mut pool = Pool::random();
        let now = Utc::now();
        let id = user(&mut pool, "old-pw");
        assert_eq!(
            require_reset(&mut pool, "nobody", ResetKind::FirstLogin)
                .expect_err("no user")
                .number(),
            2004
        );
        assert!(demanded_at_login(&mut pool, &id, now).is_ok(), "not yet");
        require_reset(&mut pool, &id, ResetKind::FirstLogin).expect("marked");
        let failure = demanded_at_login(&mut pool, &id, now).expect_err("must reset");
        assert_eq!(failure.number(), 1639);
        let token = token_of(&failure);
        let new = PasswordHash::new("new-pw").expect("hash");
        let wrong_kind = reset_by_force_reset_token(&mut pool, &token, "old-pw", new.clone(), now);
        assert_eq!(wrong_kind.expect_err("kind").number(), 2207);
        let late = reset_by_first_login_token(&mut pool, &token, new.clone(), now + TOKEN_LIFETIME);
        assert_eq!(late.expect_err("expired").number(), 2207);
        reset_by_first_login_token(&mut pool, &token, new.clone(), now).expect("reset");
        let user = users::get(&pool, &id).expect("user");
        assert!(user.password.as_ref().is_some_and(|h| h.matches("new-pw")));
        let again = reset_by_first_login_token(&mut pool, &token, new, now);
        assert_eq!(again.expect_err("used").number(), 2207);
        assert!(demanded_at_login(&mut pool, &id, now).is_ok(), "done");
    }

    #[test]
    fn forced_reset_proves_the_old_password() {
        let mut pool = Pool::random();
        let now = Utc::now();
        let id = user(&mut pool, "old-pw");
        require_reset(&mut pool, &id, ResetKind::Forced).expect("marked");
        let failure = demanded_at_login(&mut pool, &id, now).expect_err("must reset");
        assert_eq!(failure.number(), 2058);
        let token = token_of(&failure);
        let new = PasswordHash::new("new-pw").expect("hash");
        let wrong = reset_by_force_reset_token(&mut pool, &token, "nope", new.clone(), now);
        assert_eq!(wrong.expect_err("old wrong").number(), 2203);
        reset_by_force_reset_token(&mut pool, &token, "old-pw", new, now).expect("reset");
        assert!(demanded_at_login(&mut pool, &id, now).is_ok());
    }

    #[test]
    fn strength_levels() {
        use PasswordStrength::*;
        let cases = [
            (Any, "a", true),
            (Any, "", false),
            (AtLeast6, "abcde", false),
            (AtLeast6, "abcdef", true),
            (TwoKinds, "abcdef", false),
            (TwoKinds, "abc123", true),
            (TwoKinds, "abc!@#", true),
            (ThreeKinds, "abc123", false),
            (ThreeKinds, "ab12!x", true),
            (ThreeKinds, "a1!", false),
        ];
        for (level, password, valid) in cases {
            assert_eq!(
                check_strength(level, password).is_ok(),
                valid,
                "{level:?} {password:?}"
            );
        }
    }
}
