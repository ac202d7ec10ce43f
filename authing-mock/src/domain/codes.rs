//! One-time codes: sending one (recorded in the pool's outbox, rate-limited per recipient)
//! and using one (right code, not expired, not used before).
//!
//! Times follow the fake's clock. Authing's JavaScript documentation says an SMS code is
//! valid for 60 s; the fake keeps SMS codes [`SMS_VALIDITY`] and email codes
//! [`EMAIL_VALIDITY`] (Authing does not publish it; 5 minutes). A recipient gets at most one
//! code per channel every [`RESEND_INTERVAL`]; a second request sooner is 2100 (the closest
//! code in Authing's table: "too frequent").

use chrono::{DateTime, TimeDelta, Utc};

use super::users::{check_length, is_email};
use crate::crypto::random_hex;
use crate::failure::{Code, Failure};
use crate::store::{Channel, Pool, SentCode};

/// How long an SMS code is accepted.
pub(crate) const SMS_VALIDITY: TimeDelta = TimeDelta::seconds(60);
/// How long an email code is accepted.
pub(crate) const EMAIL_VALIDITY: TimeDelta = TimeDelta::minutes(5);
/// The shortest time between two codes to one recipient on one channel.
pub(crate) const RESEND_INTERVAL: TimeDelta = TimeDelta::seconds(60);
/// The longest phone number accepted (as for a user's `phone`).
const MAX_PHONE: usize = 32;
/// The longest email address accepted (as for a user's `email`).
const MAX_EMAIL: usize = 254;

/// A code to send.
#[derive(Debug)]
pub(crate) struct Send<'a> {
    pub(crate) channel: Channel,
    pub(crate) recipient: &'a str,
    pub(crate) scene: &'a str,
    /// The code to send instead of a random one (`MockAuthingBuilder::fixed_code`).
    pub(crate) fixed: Option<&'a str>,
    pub(crate) now: DateTime<Utc>,
}

/// Checks a recipient: 2231 when empty or too long, 2003 for an email that is not one.
pub(crate) fn check_recipient(channel: Channel, recipient: &str) -> Result<(), Failure> {
    let (what, limit) = match channel {
        Channel::Sms => ("phone", MAX_PHONE),
        Channel::Email => ("email", MAX_EMAIL),
    };
    if recipient.is_empty() {
        return Err(Failure::invalid_params(format!("{what} is required")));
    }
    check_length(what, recipient, limit)?;
    if channel == Channel::Email && !is_email(recipient) {
        return Err(Code::MalformedEmail.into());
    }
    Ok(())
}

/// Six random decimal digits.
fn random_code() -> String {
    let number = u64::from_str_radix(&random_hex(4), 16).unwrap_or_default();
    format!("{:06}", number % 1_000_000)
}

/// Records a code "sent" to `send.recipient` (2231 / 2003 for a bad recipient, 2100 when the
/// last code to them on this channel is younger than [`RESEND_INTERVAL`]).
pub(crate) fn send(pool: &mut Pool, send: Send<'_>) -> Result<(), Failure> {
    let recipient = send.recipient.trim();
    check_recipient(send.channel, recipient)?;
    if let Some(last) = pool.outbox.last_to(send.channel, recipient)
        && send.now.signed_duration_since(last.sent_at) < RESEND_INTERVAL
    {
        return Err(Code::TooFrequent.into());
    }
    let validity = match send.channel {
        Channel::Sms => SMS_VALIDITY,
        Channel::Email => EMAIL_VALIDITY,
    };
    let code = send.fixed.map_or_else(random_code, str::to_owned);
    pool.outbox.sent.push(SentCode {
        pool_id: pool.id.clone(),
        channel: send.channel,
        recipient: recipient.to_owned(),
        scene: send.scene.to_owned(),
        code: code.into(),
        sent_at: send.now,
        expires_at: send.now.checked_add_signed(validity).unwrap_or(send.now),
        consumed: false,
    });
    Ok(())
}

/// Uses the code `code` sent to `recipient` on `channel` for one of `scenes`: 2001 when no
/// unused code of theirs is `code`, 2300 when it expired; otherwise marks it used.
pub(crate) fn consume(
    pool: &mut Pool,
    channel: Channel,
    recipient: &str,
    scenes: &[&str],
    code: &str,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let recipient = recipient.trim();
    let sent = pool
        .outbox
        .sent
        .iter_mut()
        .rev()
        .filter(|sent| {
            !sent.consumed
                && sent.channel == channel
                && sent.recipient == recipient
                && scenes.contains(&sent.scene.as_str())
        })
        .find(|sent| !code.is_empty() && sent.code.expose() == code)
        .ok_or(Code::VerifyCodeWrong)?;
    if now >= sent.expires_at {
        return Err(Code::VerifyCodeExpired.into());
    }
    sent.consumed = true;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SMS_SCENE;

    fn sms<'a>(phone: &'a str, fixed: Option<&'a str>, now: DateTime<Utc>) -> Send<'a> {
        Send {
            channel: Channel::Sms,
            recipient: phone,
            scene: SMS_SCENE,
            fixed,
            now,
        }
    }

    #[test]
    fn a_code_is_six_digits_and_single_use() {
        let mut pool = Pool::random();
        let now = Utc::now();
        send(&mut pool, sms("13800000000", None, now)).expect("sent");
        let code = pool.outbox.sent[0].code.expose().to_owned();
        assert_eq!(code.len(), 6);
        assert!(code.chars().all(|c| c.is_ascii_digit()));
        let scenes = [SMS_SCENE];
        assert_eq!(
            consume(&mut pool, Channel::Sms, "13800000000", &scenes, "x", now)
                .expect_err("wrong")
                .code(),
            Code::VerifyCodeWrong
        );
        consume(&mut pool, Channel::Sms, "13800000000", &scenes, &code, now).expect("used");
        assert!(pool.outbox.sent[0].consumed);
        let again = consume(&mut pool, Channel::Sms, "13800000000", &scenes, &code, now);
        assert_eq!(again.expect_err("single use").code(), Code::VerifyCodeWrong);
    }

    #[test]
    fn codes_expire_and_resending_is_rate_limited() {
        let mut pool = Pool::random();
        let now = Utc::now();
        send(&mut pool, sms("13800000000", Some("123456"), now)).expect("sent");
        let soon = now + TimeDelta::seconds(30);
        let refused = send(&mut pool, sms("13800000000", None, soon)).expect_err("too soon");
        assert_eq!(refused.code(), Code::TooFrequent);
        send(&mut pool, sms("13900000000", None, soon)).expect("another recipient");
        let late = now + SMS_VALIDITY;
        let expired = consume(
            &mut pool,
            Channel::Sms,
            "13800000000",
            &[SMS_SCENE],
            "123456",
            late,
        );
        assert_eq!(
            expired.expect_err("expired").code(),
            Code::VerifyCodeExpired
        );
        send(&mut pool, sms("13800000000", None, late)).expect("after the interval");
    }

    #[test]
    fn scenes_and_recipients_are_checked() {
        let mut pool = Pool::random();
        let now = Utc::now();
        let email = Send {
            channel: Channel::Email,
            recipient: "ada@example.com",
            scene: "RESET_PASSWORD",
            fixed: Some("654321"),
            now,
        };
        send(&mut pool, email).expect("sent");
        let other_scene = consume(
            &mut pool,
            Channel::Email,
            "ada@example.com",
            &["VERIFY_EMAIL"],
            "654321",
            now,
        );
        assert_eq!(
            other_scene.expect_err("scene").code(),
            Code::VerifyCodeWrong
        );
        let bad = Send {
            channel: Channel::Email,
            recipient: "not-an-email",
            scene: "RESET_PASSWORD",
            fixed: None,
            now,
        };
        assert_eq!(
            send(&mut pool, bad).expect_err("bad").code(),
            Code::MalformedEmail
        );
        assert_eq!(
            send(&mut pool, sms("", None, now))
                .expect_err("empty")
                .code(),
            Code::InvalidParams
        );
    }
}
