//! Application MFA: an application that demands a second factor after every password login
//! (`MockAuthing::require_app_mfa`). The login fails with 1636 and `data.mfaToken`; the step
//! is answered with a code sent by SMS (`POST /api/v2/sms/send`) or email
//! (`sendEmail(scene: MFA_VERIFY)`) to the user's phone or email — binding it when the user
//! has none yet — or with a face photo.
//!
//! Faces: the fake does no face recognition. Enrolment stores the photo URLs it is given,
//! and a verification photo matches when it is the same URL as one of them: a test enrols
//! `https://.../ada.jpg` and verifies with the same URL (1702 for any other).

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::codes;
use super::identity::{self, Issuer};
use super::users;
use crate::crypto::random_hex;
use crate::failure::{Code, Failure};
use crate::store::{AppMfa, AppMfaStep, Channel, Pool, SMS_SCENE, UniqueField, UserRecord};

/// How long an application MFA step can be answered.
const STEP_LIFETIME: Duration = Duration::minutes(10);
/// The email scene of MFA codes.
const EMAIL_SCENE: &str = "MFA_VERIFY";

/// Makes application `app_id` demand `mfa` after password logins (`None`: no more). 2011
/// for an unknown application.
pub(crate) fn set(pool: &mut Pool, app_id: &str, mfa: Option<AppMfa>) -> Result<(), Failure> {
    super::applications::get(pool, app_id)?;
    match mfa {
        Some(mfa) => pool.logins.app_mfa.insert(app_id.to_owned(), mfa),
        None => pool.logins.app_mfa.remove(app_id),
    };
    Ok(())
}

/// At a password login of `user_id` to `app_id`: when the application demands MFA, the
/// 1636 failure with the step's `mfaToken` (and the user's phone and email, which the
/// codes go to).
pub(crate) fn demanded_at_login(
    pool: &mut Pool,
    app_id: &str,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let Some(mfa) = pool.logins.app_mfa.get(app_id).copied() else {
        return Ok(());
    };
    let user = users::get(pool, user_id)?;
    let data_of = |token: &str| {
        json!({
            "mfaToken": token,
            "mfaPhone": user.str_field("phone"),
            "mfaEmail": user.str_field("email"),
            "applicationMfa": [{ "mfaPolicy": policy_name(mfa), "status": 1 }],
        })
    };
    let mfa_token = random_hex(32);
    let data = data_of(&mfa_token);
    pool.logins
        .app_mfa_steps
        .retain(|_, step| step.expires_at > now);
    pool.logins.app_mfa_steps.insert(
        mfa_token,
        AppMfaStep {
            user_id: user_id.to_owned(),
            app_id: app_id.to_owned(),
            expires_at: now + STEP_LIFETIME,
        },
    );
    Err(Failure::from(Code::AppMfaRequired).with_data(data))
}

fn policy_name(mfa: AppMfa) -> &'static str {
    match mfa {
        AppMfa::Sms => "SMS",
        AppMfa::Email => "EMAIL",
        AppMfa::Face => "FACE",
    }
}

/// The step `mfa_token` stands for: 2020 without one, 2207 for an unknown, used or expired
/// one.
pub(crate) fn step(
    pool: &Pool,
    mfa_token: Option<&str>,
    now: DateTime<Utc>,
) -> Result<AppMfaStep, Failure> {
    let mfa_token = mfa_token.ok_or(Code::NotLoggedIn)?;
    match pool.logins.app_mfa_steps.get(mfa_token) {
        Some(step) if step.expires_at > now => Ok(step.clone()),
        _ => Err(Code::LoginInvalid.into()),
    }
}

/// Whether the user of step `mfa_token` may use `phone` / `email` for the step: each given
/// one is theirs or no one's. 2231 when neither is given.
pub(crate) fn bindable(
    pool: &Pool,
    mfa_token: Option<&str>,
    phone: Option<&str>,
    email: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, Failure> {
    let step = step(pool, mfa_token, now)?;
    let given: Vec<(UniqueField, &str)> =
        [(UniqueField::Phone, phone), (UniqueField::Email, email)]
            .into_iter()
            .filter_map(|(field, value)| {
                Some((field, value?.trim())).filter(|(_, v)| !v.is_empty())
            })
            .collect();
    if given.is_empty() {
        return Err(Failure::invalid_params("phone or email is required"));
    }
    Ok(given.into_iter().all(|(field, value)| {
        users::find(pool, field, value).is_none_or(|owner| owner.id == step.user_id)
    }))
}

/// Answers step `mfa_token` with the code sent to `recipient` on `channel` (2001 / 2300 for
/// a wrong or expired code, 2231 for a phone or email that is not the user's and is another
/// user's or missing): a user without a phone (email) gets this one bound and verified; the
/// login completes.
pub(crate) fn verify_code<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    mfa_token: Option<&str>,
    channel: Channel,
    recipient: Option<&str>,
    code: Option<&str>,
) -> Result<(&'p UserRecord, String), Failure> {
    let step = step(pool, mfa_token, issuer.now)?;
    let (field, scene, verified) = match channel {
        Channel::Email => (UniqueField::Email, EMAIL_SCENE, "emailVerified"),
        _ => (UniqueField::Phone, SMS_SCENE, "phoneVerified"),
    };
    let recipient = recipient.map(str::trim).unwrap_or_default();
    codes::check_recipient(channel, recipient)?;
    let wire = field.wire_name();
    let owner = users::find(pool, field, recipient).map(|owner| owner.id.clone());
    let has_one = users::get(pool, &step.user_id)?.str_field(wire).is_some();
    let bind = match owner {
        Some(owner) if owner == step.user_id => false,
        Some(_) => {
            return Err(Failure::invalid_params(format!(
                "this {wire} belongs to another user"
            )));
        }
        None if has_one => {
            return Err(Failure::invalid_params(format!(
                "this {wire} is not the user's"
            )));
        }
        None => true,
    };
    let code = code.map(str::trim).unwrap_or_default();
    codes::consume(pool, channel, recipient, &[scene], code, issuer.now)?;
    if bind {
        let now = issuer.now;
        pool.users
            .update(&step.user_id, |user| {
                user.set(wire, json!(recipient));
                user.set(verified, json!(true));
                user.updated_at = now;
            })
            .map_err(|_| Failure::invalid_params(format!("this {wire} belongs to another user")))?;
    }
    finish(pool, issuer, mfa_token, &step)
}

/// Enrols user `user_id`'s face from two photo URLs (1700 / 1701 when one is missing,
/// 1706 when a face is enrolled already).
pub(crate) fn associate_face(
    pool: &mut Pool,
    user_id: &str,
    photo_a: Option<&str>,
    photo_b: Option<&str>,
) -> Result<(), Failure> {
    users::get(pool, user_id)?;
    let photo_a = non_empty(photo_a).ok_or(Code::FacePhotoMissing)?;
    let photo_b = non_empty(photo_b).ok_or(Code::FaceComparePhotoMissing)?;
    if pool.logins.faces.contains_key(user_id) {
        return Err(Code::FaceBound.into());
    }
    let photos = [photo_a, photo_b].into_iter().map(str::to_owned).collect();
    pool.logins.faces.insert(user_id.to_owned(), photos);
    Ok(())
}

/// Enrols the face of step `mfa_token`'s user, which completes their login.
pub(crate) fn associate_face_in_step<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    mfa_token: &str,
    photo_a: Option<&str>,
    photo_b: Option<&str>,
) -> Result<(&'p UserRecord, String), Failure> {
    let step = step(pool, Some(mfa_token), issuer.now)?;
    associate_face(pool, &step.user_id, photo_a, photo_b)?;
    finish(pool, issuer, Some(mfa_token), &step)
}

/// Answers step `mfa_token` with a face photo: it matches when it is one of the enrolled
/// photo URLs (1700 without a photo, 1702 otherwise); the login completes.
pub(crate) fn verify_face<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    mfa_token: Option<&str>,
    photo: Option<&str>,
) -> Result<(&'p UserRecord, String), Failure> {
    let step = step(pool, mfa_token, issuer.now)?;
    let photo = non_empty(photo).ok_or(Code::FacePhotoMissing)?;
    let matches = pool
        .logins
        .faces
        .get(&step.user_id)
        .is_some_and(|photos| photos.contains(photo));
    if !matches {
        return Err(Code::FaceMismatch.into());
    }
    finish(pool, issuer, mfa_token, &step)
}

/// Uses up the step and completes its login.
fn finish<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    mfa_token: Option<&str>,
    step: &AppMfaStep,
) -> Result<(&'p UserRecord, String), Failure> {
    if let Some(token) = mfa_token {
        pool.logins.app_mfa_steps.remove(token);
    }
    identity::complete_login(pool, issuer, &step.app_id, &step.user_id)
}

fn non_empty(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use authing_core::Secret;

    use super::*;
    use crate::crypto::PasswordHash;
    use crate::domain::codes::Send;
    use crate::domain::identity::{Login, login};
    use crate::domain::users::NewUser;
    use crate::tokens::TokenIssuer;

    fn setup(pool: &mut Pool, fields: serde_json::Value) -> String {
        let serde_json::Value::Object(fields) = fields else {
            panic!("fields")
        };
        let new = NewUser {
            fields,
            password: Some(PasswordHash::new("pw").expect("hash")),
            custom_data: Vec::new(),
            register_source: "basic",
        };
        users::create(pool, new, Utc::now())
            .expect("user")
            .id
            .clone()
    }

    fn log_in(pool: &mut Pool, issuer: &Issuer<'_>) -> Result<String, Failure> {
        let attempt = Login {
            field: UniqueField::Username,
            account: "ann".into(),
            password: Secret::from("pw"),
            auto_register: false,
            ip: None,
            params: None,
            app_id: None,
        };
        login(pool, issuer, attempt).map(|done| done.user.id.clone())
    }

    fn step_token(failure: &Failure) -> String {
        assert_eq!(failure.number(), 1636);
        failure.data().expect("data")["mfaToken"]
            .as_str()
            .expect("mfaToken")
            .to_owned()
    }

    #[test]
    fn sms_step_binds_the_phone_and_completes_the_login() {
        let mut pool = Pool::random();
        let tokens = TokenIssuer::random();
        let issuer = Issuer {
            tokens: &tokens,
            now: Utc::now(),
            origin: "http://x",
        };
        let id = setup(&mut pool, json!({"username": "ann"}));
        setup(
            &mut pool,
            json!({"username": "bob", "phone": "13800000002"}),
        );
        let app_id = pool.app.id.clone();
        assert_eq!(
            set(&mut pool, "nope", Some(AppMfa::Sms))
                .expect_err("app")
                .number(),
            2011
        );
        set(&mut pool, &app_id, Some(AppMfa::Sms)).expect("set");
        let token = step_token(&log_in(&mut pool, &issuer).expect_err("MFA"));
        let step = Some(token.as_str());
        let now = issuer.now;
        assert!(!bindable(&pool, step, Some("13800000002"), None, now).expect("checked"));
        assert!(bindable(&pool, step, Some("13800000001"), None, now).expect("checked"));
        assert_eq!(
            bindable(&pool, step, None, None, now)
                .expect_err("none")
                .number(),
            2231
        );
        assert_eq!(
            bindable(&pool, Some("x"), Some("1"), None, now)
                .expect_err("bad")
                .number(),
            2207
        );

        let send = Send {
            channel: Channel::Sms,
            recipient: "13800000001",
            scene: SMS_SCENE,
            fixed: Some("123456"),
            now,
        };
        codes::send(&mut pool, send).expect("sent");
        let taken = verify_code(
            &mut pool,
            &issuer,
            step,
            Channel::Sms,
            Some("13800000002"),
            Some("123456"),
        );
        assert_eq!(taken.expect_err("another's").number(), 2231);
        let wrong = verify_code(
            &mut pool,
            &issuer,
            step,
            Channel::Sms,
            Some("13800000001"),
            Some("000000"),
        );
        assert_eq!(wrong.expect_err("wrong code").number(), 2001);
        let (user, login_token) = verify_code(
            &mut pool,
            &issuer,
            step,
            Channel::Sms,
            Some("13800000001"),
            Some("123456"),
        )
        .expect("verified");
        assert_eq!(user.id, id);
        assert_eq!(user.str_field("phone"), Some("13800000001"));
        assert!(user.flag("phoneVerified"));
        assert!(!login_token.is_empty());
        let reused = verify_code(
            &mut pool,
            &issuer,
            step,
            Channel::Sms,
            Some("13800000001"),
            Some("123456"),
        );
        assert_eq!(reused.expect_err("used step").number(), 2207);

        set(&mut pool, &app_id, None).expect("off");
        assert_eq!(log_in(&mut pool, &issuer).expect("no MFA"), id);
    }

    #[test]
    fn face_step_matches_an_enrolled_photo_url() {
        let mut pool = Pool::random();
        let tokens = TokenIssuer::random();
        let issuer = Issuer {
            tokens: &tokens,
            now: Utc::now(),
            origin: "http://x",
        };
        let id = setup(&mut pool, json!({"username": "ann"}));
        let app_id = pool.app.id.clone();
        set(&mut pool, &app_id, Some(AppMfa::Face)).expect("set");
        let token = step_token(&log_in(&mut pool, &issuer).expect_err("MFA"));
        let missing = associate_face_in_step(&mut pool, &issuer, &token, Some("a.jpg"), None);
        assert_eq!(missing.expect_err("photo b").number(), 1701);
        let (user, _) =
            associate_face_in_step(&mut pool, &issuer, &token, Some("a.jpg"), Some("b.jpg"))
                .expect("enrolled, logged in");
        assert_eq!(user.id, id);
        assert_eq!(
            associate_face(&mut pool, &id, Some("c.jpg"), Some("c.jpg"))
                .expect_err("bound")
                .number(),
            1706
        );
        let token = step_token(&log_in(&mut pool, &issuer).expect_err("MFA"));
        let step = Some(token.as_str());
        assert_eq!(
            verify_face(&mut pool, &issuer, step, None)
                .expect_err("none")
                .number(),
            1700
        );
        assert_eq!(
            verify_face(&mut pool, &issuer, step, Some("c.jpg"))
                .expect_err("other")
                .number(),
            1702
        );
        let (user, _) = verify_face(&mut pool, &issuer, step, Some("b.jpg")).expect("matches");
        assert_eq!(user.id, id);
    }
}
