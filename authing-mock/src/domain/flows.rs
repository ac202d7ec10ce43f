//! The flows that prove an account with a one-time code ([`codes`](super::codes)): phone
//! registration and login, password reset by phone or email, binding, unbinding and
//! changing a user's phone and email.
//!
//! Codes are checked after everything else that can fail (unknown user, taken phone, ...),
//! so a refused call does not burn the code the user typed.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use super::codes::consume;
use super::identity::{
    CountedLogin, Issuer, LoggedIn, Registration, after_first_factor, check_ip, issue, register,
};
use super::users::{self, NewUser, check_length};
use crate::crypto::PasswordHash;
use crate::failure::{Code, Failure};
use crate::store::{Channel, Pool, Refusal, SMS_SCENE, UniqueField, UserRecord};

/// The scenes whose email codes prove an email being bound or changed to.
const BIND_EMAIL_SCENES: &[&str] = &["VERIFY_EMAIL", "CHANGE_EMAIL"];
/// The scenes whose codes reset a password: SMS codes, and emails sent for it.
const RESET_SCENES: &[&str] = &[SMS_SCENE, "RESET_PASSWORD"];

/// The field and verification flag of a channel's recipient.
fn field_of(channel: Channel) -> (UniqueField, &'static str) {
    match channel {
        Channel::Sms => (UniqueField::Phone, "phoneVerified"),
        Channel::Email => (UniqueField::Email, "emailVerified"),
    }
}

/// 2231 for an empty or over-long phone number.
fn check_phone(phone: &str) -> Result<(), Failure> {
    if phone.is_empty() {
        return Err(Failure::invalid_params("phone is required"));
    }
    check_length("phone", phone, 32)
}

/// A registration with a phone number and the SMS code sent to it.
#[derive(Debug)]
pub(crate) struct PhoneRegistration {
    pub(crate) code: String,
    /// Everything else, with `field` = phone.
    pub(crate) registration: Registration,
}

/// Registers a user by phone (2026 when the phone is taken, 2001 / 2300 for the code); the
/// phone comes out verified.
pub(crate) fn register_by_phone_code<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    mut phone: PhoneRegistration,
) -> Result<(&'p UserRecord, Option<String>), Failure> {
    let number = phone.registration.account.trim().to_owned();
    check_phone(&number)?;
    if users::find(pool, UniqueField::Phone, &number).is_some() {
        return Err(
            Failure::with_words(Code::UserExists, UniqueField::Phone.words())
                .with_data(json!({ "field": "phone" })),
        );
    }
    consume(
        pool,
        Channel::Sms,
        &number,
        &[SMS_SCENE],
        &phone.code,
        issuer.now,
    )?;
    phone.registration.field = UniqueField::Phone;
    phone
        .registration
        .fields
        .insert("phoneVerified".to_owned(), Value::Bool(true));
    register(pool, issuer, phone.registration)
}

/// A login with a phone number and the SMS code sent to it.
#[derive(Debug)]
pub(crate) struct PhoneCodeLogin {
    pub(crate) phone: String,
    pub(crate) code: String,
    /// Create the user (phone verified, no password) when the phone is unknown.
    pub(crate) auto_register: bool,
    pub(crate) ip: Option<String>,
    /// Custom data: a JSON array of `{key, value}` (2231 otherwise).
    pub(crate) params: Option<String>,
    pub(crate) app_id: Option<String>,
}

/// Logs in by phone and SMS code: 2004 unknown phone (unless `auto_register`, which
/// creates the user once the code checked out), 2001 / 2300 for the code, then the checks
/// of every login (2005 blocked, 1576, the MFA and password-change steps:
/// [`after_first_factor`]); counts the login and returns the user with a fresh token.
pub(crate) fn login_by_phone_code<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    login: PhoneCodeLogin,
) -> Result<LoggedIn<'p>, Failure> {
    let phone = login.phone.trim();
    check_phone(phone)?;
    check_ip(login.ip.as_deref())?;
    let custom_data = users::parse_params(login.params.as_deref())?;
    let known = users::find(pool, UniqueField::Phone, phone).map(|user| user.id.clone());
    if known.is_none() && !login.auto_register {
        return Err(Code::UserNotFound.into());
    }
    if let Some(user_id) = &known
        && users::get(pool, user_id)?.flag("blocked")
    {
        // Refused before the code is checked, so a blocked user does not burn it.
        return Err(Code::UserBlocked.into());
    }
    consume(
        pool,
        Channel::Sms,
        phone,
        &[SMS_SCENE],
        &login.code,
        issuer.now,
    )?;
    let newly_created = known.is_none();
    let user_id = match known {
        Some(user_id) => user_id,
        None => {
            let fields = Map::from_iter([
                ("phone".to_owned(), json!(phone)),
                ("phoneVerified".to_owned(), json!(true)),
            ]);
            let new = NewUser {
                fields,
                password: None,
                custom_data: Vec::new(),
                register_source: "basic",
            };
            users::create(pool, new, issuer.now)?.id.clone()
        }
    };
    after_first_factor(pool, issuer, &user_id, login.app_id.as_deref())?;
    let counted = CountedLogin {
        ip: login.ip,
        custom_data,
    };
    let issued = issue(
        pool,
        issuer,
        login.app_id.as_deref(),
        &user_id,
        Some(counted),
    )?;
    Ok(LoggedIn {
        user: users::get(pool, &user_id)?,
        token: issued.token,
        newly_created,
    })
}

/// Sets a new password for the user whose phone (SMS) or email is `recipient`, proven by a
/// code sent to it: 2004 unknown recipient, 2001 / 2300 for the code.
pub(crate) fn reset_password(
    pool: &mut Pool,
    channel: Channel,
    recipient: &str,
    code: &str,
    password: PasswordHash,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let recipient = recipient.trim();
    let (field, _) = field_of(channel);
    let user_id = users::find(pool, field, recipient)
        .ok_or(Code::UserNotFound)?
        .id
        .clone();
    consume(pool, channel, recipient, RESET_SCENES, code, now)?;
    users::set_password(pool, &user_id, password, now)?;
    Ok(())
}

/// Binds a verified phone (SMS) or email to user `user_id`: 2035 / 2200 when they have one
/// or another user has this one, 2001 / 2300 for the code.
pub(crate) fn bind<'p>(
    pool: &'p mut Pool,
    user_id: &str,
    channel: Channel,
    recipient: &str,
    code: &str,
    now: DateTime<Utc>,
) -> Result<&'p UserRecord, Failure> {
    let recipient = recipient.trim();
    super::codes::check_recipient(channel, recipient)?;
    let (field, verified) = field_of(channel);
    let bound = match channel {
        Channel::Sms => Code::PhoneBound,
        Channel::Email => Code::EmailBound,
    };
    let user = users::get(pool, user_id)?;
    if user.str_field(field.wire_name()).is_some() || users::find(pool, field, recipient).is_some()
    {
        return Err(bound.into());
    }
    let scenes = match channel {
        Channel::Sms => &[SMS_SCENE][..],
        Channel::Email => BIND_EMAIL_SCENES,
    };
    consume(pool, channel, recipient, scenes, code, now)?;
    set_verified(pool, user_id, field, verified, Some(recipient), now)
}

/// Writes (or with `None` clears) a user's phone or email and its verification flag.
fn set_verified<'p>(
    pool: &'p mut Pool,
    user_id: &str,
    field: UniqueField,
    verified: &str,
    value: Option<&str>,
    now: DateTime<Utc>,
) -> Result<&'p UserRecord, Failure> {
    pool.users
        .update(user_id, |user| {
            user.set(field.wire_name(), value.map_or(Value::Null, |v| json!(v)));
            user.set(verified, json!(value.is_some()));
            user.updated_at = now;
        })
        .map_err(|refusal| match refusal {
            Refusal::Taken(_) if field == UniqueField::Phone => Code::PhoneBound.into(),
            Refusal::Taken(_) => Code::EmailBound.into(),
            _ => Code::UserNotFound.into(),
        })
}

/// Removes user `user_id`'s phone (SMS) or email: 2219 when there is none (for an email;
/// 2231 for a phone), 2217 when it is their only account left to log in with.
pub(crate) fn unbind<'p>(
    pool: &'p mut Pool,
    user_id: &str,
    channel: Channel,
    now: DateTime<Utc>,
) -> Result<&'p UserRecord, Failure> {
    let (field, verified) = field_of(channel);
    let user = users::get(pool, user_id)?;
    if user.str_field(field.wire_name()).is_none() {
        return Err(match channel {
            Channel::Email => Code::NoEmailBound.into(),
            Channel::Sms => Failure::invalid_params("no phone number is bound"),
        });
    }
    let others_left = [
        UniqueField::Username,
        UniqueField::Email,
        UniqueField::Phone,
    ]
    .into_iter()
    .filter(|other| *other != field)
    .any(|other| user.str_field(other.wire_name()).is_some());
    if !others_left {
        return Err(Code::LastLoginMethod.into());
    }
    set_verified(pool, user_id, field, verified, None, now)
}

/// A change of a user's phone or email.
#[derive(Debug)]
pub(crate) struct Change<'a> {
    pub(crate) channel: Channel,
    pub(crate) new: &'a str,
    pub(crate) code: &'a str,
    /// The current phone / email and a code sent to it, when the caller proves it.
    pub(crate) old: Option<(&'a str, &'a str)>,
}

/// Changes user `user_id`'s phone or email to a new one proven by a code (and, when given,
/// the old one proven too): 2229 / 2230 the same as now, 2037 / 2038 an old one that is not
/// theirs, 2035 / 2200 taken by another user, 2001 / 2300 for a code.
pub(crate) fn change<'p>(
    pool: &'p mut Pool,
    user_id: &str,
    change: Change<'_>,
    now: DateTime<Utc>,
) -> Result<&'p UserRecord, Failure> {
    let new = change.new.trim();
    super::codes::check_recipient(change.channel, new)?;
    let (field, verified) = field_of(change.channel);
    let (same, mismatch, taken, scenes) = match change.channel {
        Channel::Sms => (
            Code::SamePhone,
            Code::OldPhoneMismatch,
            Code::PhoneBound,
            &[SMS_SCENE][..],
        ),
        Channel::Email => (
            Code::SameEmail,
            Code::OldEmailMismatch,
            Code::EmailBound,
            BIND_EMAIL_SCENES,
        ),
    };
    let user = users::get(pool, user_id)?;
    let current = user.str_field(field.wire_name()).map(str::to_owned);
    if current
        .as_deref()
        .is_some_and(|current| current.eq_ignore_ascii_case(new))
    {
        return Err(same.into());
    }
    if users::find(pool, field, new).is_some() {
        return Err(taken.into());
    }
    if let Some((old, _)) = change.old
        && current.as_deref() != Some(old.trim())
    {
        return Err(mismatch.into());
    }
    if let Some((old, old_code)) = change.old {
        consume(pool, change.channel, old, scenes, old_code, now)?;
    }
    consume(pool, change.channel, new, scenes, change.code, now)?;
    set_verified(pool, user_id, field, verified, Some(new), now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::codes::{Send, send};
    use crate::tokens::TokenIssuer;

    fn user_with(pool: &mut Pool, field: &str, value: &str) -> String {
        let mut fields = Map::new();
        fields.insert(field.to_owned(), json!(value));
        let new = NewUser {
            fields,
            password: Some(PasswordHash::new("pw-1").expect("hash")),
            custom_data: Vec::new(),
            register_source: "basic",
        };
        users::create(pool, new, Utc::now())
            .expect("created")
            .id
            .clone()
    }

    fn email_code(pool: &mut Pool, to: &str, scene: &str, code: &str, now: DateTime<Utc>) {
        let email = Send {
            channel: Channel::Email,
            recipient: to,
            scene,
            fixed: Some(code),
            now,
        };
        send(pool, email).expect("sent");
    }

    #[test]
    fn bind_then_unbind_an_email() {
        let mut pool = Pool::random();
        let now = Utc::now();
        let ann = user_with(&mut pool, "username", "ann");
        let bob = user_with(&mut pool, "email", "bob@example.com");
        email_code(&mut pool, "ann@example.com", "VERIFY_EMAIL", "111111", now);
        let wrong = bind(&mut pool, &ann, Channel::Email, "ann@example.com", "2", now);
        assert_eq!(wrong.expect_err("wrong code").code(), Code::VerifyCodeWrong);
        let user = bind(
            &mut pool,
            &ann,
            Channel::Email,
            "ann@example.com",
            "111111",
            now,
        )
        .expect("bound");
        assert_eq!(user.str_field("email"), Some("ann@example.com"));
        assert!(user.flag("emailVerified"));
        let taken = bind(&mut pool, &ann, Channel::Email, "bob@example.com", "1", now);
        assert_eq!(taken.expect_err("has one").code(), Code::EmailBound);
        let user = unbind(&mut pool, &ann, Channel::Email, now).expect("unbound");
        assert_eq!(user.str_field("email"), None);
        let none = unbind(&mut pool, &ann, Channel::Email, now);
        assert_eq!(none.expect_err("none").code(), Code::NoEmailBound);
        let only = unbind(&mut pool, &bob, Channel::Email, now);
        assert_eq!(only.expect_err("only method").code(), Code::LastLoginMethod);
    }

    #[test]
    fn reset_a_password_by_email_code() {
        let mut pool = Pool::random();
        let now = Utc::now();
        let ann = user_with(&mut pool, "email", "ann@example.com");
        email_code(
            &mut pool,
            "ann@example.com",
            "RESET_PASSWORD",
            "222222",
            now,
        );
        let hash = || PasswordHash::new("new-pw").expect("hash");
        let unknown = reset_password(
            &mut pool,
            Channel::Email,
            "x@example.com",
            "222222",
            hash(),
            now,
        );
        assert_eq!(unknown.expect_err("unknown").code(), Code::UserNotFound);
        reset_password(
            &mut pool,
            Channel::Email,
            "ann@example.com",
            "222222",
            hash(),
            now,
        )
        .expect("reset");
        let user = users::get(&pool, &ann).expect("user");
        assert!(user.password.as_ref().is_some_and(|p| p.matches("new-pw")));
        let again = reset_password(
            &mut pool,
            Channel::Email,
            "ann@example.com",
            "222222",
            hash(),
            now,
        );
        assert_eq!(again.expect_err("used").code(), Code::VerifyCodeWrong);
    }

    #[test]
    fn change_a_phone_with_both_codes() {
        let mut pool = Pool::random();
        let now = Utc::now();
        let ann = user_with(&mut pool, "phone", "13800000001");
        let sms = |pool: &mut Pool, to: &str| {
            let message = Send {
                channel: Channel::Sms,
                recipient: to,
                scene: SMS_SCENE,
                fixed: Some("333333"),
                now,
            };
            send(pool, message).expect("sent");
        };
        sms(&mut pool, "13800000002");
        sms(&mut pool, "13800000001");
        let change_to = |old: Option<(&'static str, &'static str)>| Change {
            channel: Channel::Sms,
            new: "13800000002",
            code: "333333",
            old,
        };
        let mismatch = change(&mut pool, &ann, change_to(Some(("139", "333333"))), now);
        assert_eq!(mismatch.expect_err("old").code(), Code::OldPhoneMismatch);
        let user = change(
            &mut pool,
            &ann,
            change_to(Some(("13800000001", "333333"))),
            now,
        )
        .expect("changed");
        assert_eq!(user.str_field("phone"), Some("13800000002"));
        let same = change(&mut pool, &ann, change_to(None), now);
        assert_eq!(same.expect_err("same").code(), Code::SamePhone);
    }

    // authgaps: `loginByPhoneCode` with `autoRegister`.
    #[test]
    fn a_phone_code_login_can_register_the_phone() {
        let mut pool = Pool::random();
        let tokens = TokenIssuer::random();
        let now = Utc::now();
        let issuer = Issuer {
            tokens: &tokens,
            now,
            origin: "http://x",
        };
        let sms = |pool: &mut Pool, code: &str, now| {
            let send_it = Send {
                channel: Channel::Sms,
                recipient: "13800000001",
                scene: SMS_SCENE,
                fixed: Some(code),
                now,
            };
            send(pool, send_it).expect("sent");
        };
        let attempt = |code: &str, auto_register: bool| PhoneCodeLogin {
            phone: "13800000001".into(),
            code: code.into(),
            auto_register,
            ip: None,
            params: None,
            app_id: None,
        };
        sms(&mut pool, "1234", now);
        let unknown = login_by_phone_code(&mut pool, &issuer, attempt("1234", false));
        assert_eq!(unknown.expect_err("unknown phone").number(), 2004);
        let wrong = login_by_phone_code(&mut pool, &issuer, attempt("9999", true));
        assert_eq!(wrong.expect_err("wrong code").number(), 2001);
        assert_eq!(pool.users.len(), 0, "no user before the code checks out");

        let LoggedIn {
            user,
            token,
            newly_created,
        } = login_by_phone_code(&mut pool, &issuer, attempt("1234", true)).expect("registers");
        assert!(!token.is_empty());
        assert!(newly_created, "the login registered the phone");
        assert_eq!(user.str_field("phone"), Some("13800000001"));
        assert_eq!(user.fields["phoneVerified"], true);
        assert_eq!(user.fields["loginsCount"], 1);
        assert!(user.password.is_none());
        let id = user.id.clone();

        let spent = login_by_phone_code(&mut pool, &issuer, attempt("1234", true));
        assert!(spent.is_err(), "the code is single-use");
        // A minute later (codes are rate-limited per phone).
        let later = Issuer {
            now: now + chrono::Duration::seconds(61),
            ..issuer
        };
        sms(&mut pool, "5678", later.now);
        let again = login_by_phone_code(&mut pool, &later, attempt("5678", true)).expect("logs in");
        assert!(!again.newly_created);
        assert_eq!(again.user.id, id, "the same user, not a second one");
        assert_eq!(pool.users.len(), 1);

        // The checks of every login apply: a blocked user is refused before the code.
        pool.users
            .update(&id, |u| u.set("blocked", json!(true)))
            .expect("blocked");
        let blocked = login_by_phone_code(&mut pool, &later, attempt("0000", false));
        assert_eq!(blocked.expect_err("blocked").number(), 2005);
    }
}
