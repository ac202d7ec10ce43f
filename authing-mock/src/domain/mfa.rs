//! TOTP MFA: enrolment (a secret and a single-use recovery code, confirmed with a first
//! code), the `mfaToken` step of a password login when MFA is on (code 1635), and its
//! answers: a TOTP code (RFC 6238, 30 s steps by the fake's clock, a window of ±1 step) or
//! the recovery code.

use authing_core::totp;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use serde_json::{Value, json};

use super::identity::{self, Issuer};
use crate::clock::iso;
use crate::crypto::{object_id, random_hex};
use crate::failure::{Code, Failure};
use crate::store::{MfaStep, Pool, TotpAuthenticator, UserRecord};

/// How long an `mfaToken` can be answered.
const STEP_LIFETIME: Duration = Duration::minutes(10);
/// Steps of clock drift accepted either side of the current one.
const WINDOW: u64 = 1;
/// Bytes of a new TOTP secret (160 bits, RFC 4226's recommendation).
const SECRET_BYTES: usize = 20;

/// Starts (or restarts) user `user_id`'s TOTP enrolment: a fresh secret and recovery code,
/// pending until [`confirm`]. A user whose TOTP is already on gets 2231 (delete it first).
pub(crate) fn associate(
    pool: &mut Pool,
    user_id: &str,
    issuer_name: &str,
    now: DateTime<Utc>,
) -> Result<Value, Failure> {
    let user = super::users::get(pool, user_id)?;
    if pool.mfa.required(user_id) {
        return Err(Failure::invalid_params(
            "a TOTP authenticator is already bound".to_owned(),
        ));
    }
    let account = ["email", "phone", "username"]
        .iter()
        .find_map(|field| user.str_field(field))
        .unwrap_or(user_id)
        .to_owned();
    let mut bytes = [0u8; SECRET_BYTES];
    rand::thread_rng().fill_bytes(&mut bytes);
    let secret = totp::encode_base32(&bytes);
    let recovery_code = random_hex(10);
    let uri =
        format!("otpauth://totp/{issuer_name}:{account}?secret={secret}&issuer={issuer_name}");
    pool.mfa.totp.insert(
        user_id.to_owned(),
        TotpAuthenticator {
            id: object_id(),
            secret: secret.clone(),
            recovery_code: Some(recovery_code.clone()),
            enabled: false,
            created_at: now,
            updated_at: now,
        },
    );
    Ok(json!({
        "authenticator_type": "totp",
        "secret": secret,
        "qrcode_uri": uri,
        "qrcode_data_url": "",
        "recovery_code": recovery_code,
    }))
}

/// Confirms user `user_id`'s pending enrolment with a first code: from now on their
/// password logins need the MFA step. 6003 without a code, 6001 for a wrong one, 2231 when
/// there is no enrolment.
pub(crate) fn confirm(
    pool: &mut Pool,
    user_id: &str,
    code: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let code = required(code, Code::TotpRequired)?;
    let authenticator =
        pool.mfa.totp.get_mut(user_id).ok_or_else(|| {
            Failure::invalid_params("no TOTP enrolment is in progress".to_owned())
        })?;
    if !totp::verify(&authenticator.secret, code, unix(now), WINDOW) {
        return Err(Code::WrongTotp.into());
    }
    authenticator.enabled = true;
    authenticator.updated_at = now;
    Ok(())
}

/// User `user_id`'s TOTP authenticators (none or one), as Authing lists them.
pub(crate) fn list(pool: &Pool, user_id: &str) -> Result<Value, Failure> {
    super::users::get(pool, user_id)?;
    let listed = pool.mfa.totp.get(user_id).map(|a| {
        json!({
            "id": a.id,
            "createdAt": iso(a.created_at),
            "updatedAt": iso(a.updated_at),
            "userId": user_id,
            "enable": a.enabled,
            "secret": a.secret,
            "authenticatorType": "totp",
            "recoveryCode": a.recovery_code,
            "source": "SELF",
        })
    });
    Ok(Value::Array(listed.into_iter().collect()))
}

/// Removes user `user_id`'s TOTP authenticator (nothing to remove is fine); their logins
/// no longer need the MFA step.
pub(crate) fn delete(pool: &mut Pool, user_id: &str) -> Result<(), Failure> {
    super::users::get(pool, user_id)?;
    pool.mfa.totp.remove(user_id);
    Ok(())
}

/// Opens the MFA step of a login of `user_id` through `app_id`: the 1635 failure carrying
/// the step's `mfaToken`.
pub(crate) fn begin_step(
    pool: &mut Pool,
    user_id: String,
    app_id: String,
    now: DateTime<Utc>,
) -> Failure {
    // Forget the steps nobody answered in time, so the map stays small.
    pool.mfa.steps.retain(|_, step| step.expires_at > now);
    let mfa_token = random_hex(32);
    pool.mfa.steps.insert(
        mfa_token.clone(),
        MfaStep {
            user_id,
            app_id,
            expires_at: now + STEP_LIFETIME,
        },
    );
    Failure::from(Code::MfaRequired).with_data(json!({ "mfaToken": mfa_token }))
}

/// The login step `mfa_token` stands for: 2020 without one, 2207 for an unknown, used or
/// expired one.
fn step(pool: &Pool, mfa_token: Option<&str>, now: DateTime<Utc>) -> Result<MfaStep, Failure> {
    let mfa_token = mfa_token.ok_or(Code::NotLoggedIn)?;
    match pool.mfa.steps.get(mfa_token) {
        Some(step) if step.expires_at > now => Ok(step.clone()),
        _ => Err(Code::LoginInvalid.into()),
    }
}

/// Answers the MFA step `mfa_token` with a TOTP code: the login completes (counted, a
/// token issued) and the step is used up. 6003 without a code, 6001 for a wrong one.
pub(crate) fn verify_totp<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    mfa_token: Option<&str>,
    code: Option<&str>,
) -> Result<(&'p UserRecord, String), Failure> {
    let step = step(pool, mfa_token, issuer.now)?;
    let code = required(code, Code::TotpRequired)?;
    let good = pool
        .mfa
        .totp
        .get(&step.user_id)
        .is_some_and(|a| a.enabled && totp::verify(&a.secret, code, unix(issuer.now), WINDOW));
    if !good {
        return Err(Code::WrongTotp.into());
    }
    finish(pool, issuer, mfa_token, &step)
}

/// Answers the MFA step `mfa_token` with the user's recovery code, which is then used up.
/// 6004 without a code, 6002 for a wrong or used one.
pub(crate) fn verify_recovery_code<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    mfa_token: Option<&str>,
    code: Option<&str>,
) -> Result<(&'p UserRecord, String), Failure> {
    let step = step(pool, mfa_token, issuer.now)?;
    let code = required(code, Code::RecoveryCodeRequired)?;
    let authenticator = pool
        .mfa
        .totp
        .get_mut(&step.user_id)
        .filter(|a| a.enabled)
        .ok_or(Code::WrongRecovery)?;
    let matches = authenticator
        .recovery_code
        .as_deref()
        .is_some_and(|stored| crate::crypto::secret_matches(code, stored));
    if !matches {
        return Err(Code::WrongRecovery.into());
    }
    authenticator.recovery_code = None;
    authenticator.updated_at = issuer.now;
    finish(pool, issuer, mfa_token, &step)
}

/// Uses up the step and completes its login.
fn finish<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    mfa_token: Option<&str>,
    step: &MfaStep,
) -> Result<(&'p UserRecord, String), Failure> {
    if let Some(token) = mfa_token {
        pool.mfa.steps.remove(token);
    }
    identity::complete_login(pool, issuer, &step.app_id, &step.user_id)
}

fn required(code: Option<&str>, missing: Code) -> Result<&str, Failure> {
    code.map(str::trim)
        .filter(|code| !code.is_empty())
        .ok_or_else(|| missing.into())
}

/// Seconds since the Unix epoch (0 before it).
fn unix(now: DateTime<Utc>) -> u64 {
    u64::try_from(now.timestamp()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use authing_core::Secret;
    use serde_json::Map;

    use super::*;
    use crate::crypto::PasswordHash;
    use crate::domain::identity::{Login, Registration, login, register};
    use crate::store::{Store, UniqueField};
    use crate::tokens::TokenIssuer;

    #[test]
    fn enrol_then_log_in_with_totp_and_recovery_code() {
        let mut store = Store::default();
        let pool_id = store.create_pool().id.clone();
        let tokens = TokenIssuer::random();
        let mut now = Utc::now();
        let pool = store.pool_mut(&pool_id).expect("pool");
        let app_id = pool.app.id.clone();
        let issuer = |now| Issuer {
            tokens: &tokens,
            now,
            origin: "http://x",
        };
        let registration = Registration {
            field: UniqueField::Username,
            account: "ann".into(),
            password: Some(PasswordHash::new("pw").expect("hash")),
            fields: Map::new(),
            params: None,
            udf: Vec::new(),
            force_login: false,
            generate_token: false,
            ip: None,
            app_id: None,
        };
        let id = register(pool, &issuer(now), registration)
            .expect("registered")
            .0
            .id
            .clone();
        let log_in = |pool: &mut Pool, now| {
            let attempt = Login {
                field: UniqueField::Username,
                account: "ann".into(),
                password: Secret::from("pw"),
                auto_register: false,
                ip: None,
                params: None,
                app_id: Some(app_id.clone()),
            };
            login(pool, &issuer(now), attempt).map(|done| (done.user.id.clone(), done.token))
        };

        let enrolment = associate(pool, &id, "fake", now).expect("associated");
        let secret = enrolment["secret"].as_str().expect("secret").to_owned();
        let recovery = enrolment["recovery_code"]
            .as_str()
            .expect("recovery")
            .to_owned();
        assert!(log_in(pool, now).is_ok(), "pending enrolment: no MFA yet");
        assert_eq!(
            confirm(pool, &id, None, now).expect_err("none").number(),
            6003
        );
        let code = totp::code(&secret, unix(now)).expect("code");
        let stale = totp::code(&secret, unix(now) - 90).expect("code");
        assert_eq!(
            confirm(pool, &id, Some(&stale), now)
                .expect_err("stale")
                .number(),
            6001
        );
        confirm(pool, &id, Some(&code), now).expect("confirmed");
        assert_eq!(list(pool, &id).expect("list")[0]["enable"], true);

        let failure = log_in(pool, now).expect_err("MFA step");
        assert_eq!(failure.number(), 1635);
        let mfa_token = failure.data().expect("data")["mfaToken"]
            .as_str()
            .expect("mfaToken")
            .to_owned();
        let wrong = verify_totp(pool, &issuer(now), Some(&mfa_token), Some(&stale));
        assert_eq!(wrong.expect_err("wrong").number(), 6001);
        now += Duration::seconds(30);
        let (user, token) =
            verify_totp(pool, &issuer(now), Some(&mfa_token), Some(&code)).expect("within window");
        assert_eq!(user.id, id);
        assert_eq!(
            user.fields["loginsCount"], 2,
            "the first login had no MFA step"
        );
        assert!(!token.is_empty());
        let reused = verify_totp(pool, &issuer(now), Some(&mfa_token), Some(&code));
        assert_eq!(reused.expect_err("used step").number(), 2207);

        let mfa_token = log_in(pool, now).expect_err("step").data().expect("data")["mfaToken"]
            .as_str()
            .expect("mfaToken")
            .to_owned();
        verify_recovery_code(pool, &issuer(now), Some(&mfa_token), Some(&recovery)).expect("once");
        let mfa_token = log_in(pool, now).expect_err("step").data().expect("data")["mfaToken"]
            .as_str()
            .expect("mfaToken")
            .to_owned();
        let again = verify_recovery_code(pool, &issuer(now), Some(&mfa_token), Some(&recovery));
        assert_eq!(again.expect_err("used up").number(), 6002);
        now += STEP_LIFETIME;
        let late = verify_totp(pool, &issuer(now), Some(&mfa_token), Some(&code));
        assert_eq!(late.expect_err("expired step").number(), 2207);

        delete(pool, &id).expect("deleted");
        assert!(log_in(pool, now).is_ok(), "no MFA after delete");
        assert_eq!(list(pool, &id).expect("list"), json!([]));
    }
}
