//! QR-code login: a backend makes a QR code for a scene (`gene`), a phone scans it
//! (`scan`), confirms (`confirm`) or cancels (`cancel`) it, the backend polls its status
//! (`check`) and exchanges the ticket of a confirmed code, once, for the user and a token
//! (`exchange`).
//!
//! Statuses as Authing numbers them: 0 unused, 1 scanned, 2 confirmed, 3 cancelled, -1
//! expired. A code expires [`QR_LIFETIME_SECONDS`] after it was made, by the fake's clock,
//! unless its ticket was exchanged; an unknown code is 2241, an unknown or used ticket 2460.
//! The phone's side has no public API: tests play it with `MockAuthing::scan_qrcode`,
//! `confirm_qrcode` and `cancel_qrcode` (and the same control endpoints).

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

use super::identity::{self, Issuer};
use super::{applications, users};
use crate::crypto::random_hex;
use crate::failure::{Code, Failure};
use crate::store::{Pool, QrCodeRecord, QrState, UserRecord};

/// How long a QR code can be scanned and confirmed.
pub(crate) const QR_LIFETIME_SECONDS: i64 = 120;

/// The scenes a QR code can be made for.
const SCENES: [&str; 3] = ["APP_AUTH", "WXAPP_AUTH", "WECHATMP_AUTH"];

/// Makes a QR code for `scene` and application `app_id`: `{random, url, customLogo}`
/// (2231 for another scene).
pub(crate) fn gene(
    pool: &mut Pool,
    scene: Option<&str>,
    app_id: &str,
    origin: &str,
    now: DateTime<Utc>,
) -> Result<Value, Failure> {
    scene
        .filter(|scene| SCENES.contains(scene))
        .ok_or_else(|| Failure::invalid_params("scene: APP_AUTH, WXAPP_AUTH or WECHATMP_AUTH"))?;
    let random = random_hex(16);
    pool.qrcodes.codes.insert(
        random.clone(),
        QrCodeRecord {
            random: random.clone(),
            app_id: app_id.to_owned(),
            state: QrState::Unused,
            user_id: None,
            ticket: None,
            expires_at: now + Duration::seconds(QR_LIFETIME_SECONDS),
        },
    );
    Ok(json!({
        "random": random,
        "url": format!("{origin}/api/v2/qrcode/{random}.png"),
        "customLogo": Value::Null,
    }))
}

/// The status of QR code `random`: `{random, status, ticket?, userInfo?}` (2241 unknown).
/// Once scanned, `userInfo` holds the scanner's `nickname` and `photo`.
pub(crate) fn check(
    pool: &Pool,
    random: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Value, Failure> {
    let code = find(pool, random)?;
    let status = status(code, now);
    let mut answer = json!({ "random": code.random, "status": status });
    if status != -1 {
        if let Some(user) = code
            .user_id
            .as_deref()
            .and_then(|id| users::get(pool, id).ok())
        {
            answer["userInfo"] = json!({
                "nickname": user.str_field("nickname"),
                "photo": user.str_field("photo"),
            });
        }
        if code.state == QrState::Confirmed {
            answer["ticket"] = json!(code.ticket);
        }
    }
    Ok(answer)
}

/// The phone of logged-in user `user_id` scans QR code `random` (only an unused, live one).
pub(crate) fn scan(
    pool: &mut Pool,
    random: &str,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    users::get(pool, user_id)?;
    let code = live(pool, random, now)?;
    if code.state != QrState::Unused {
        return Err(Failure::invalid_params("the QR code was already scanned"));
    }
    code.state = QrState::Scanned;
    code.user_id = Some(user_id.to_owned());
    Ok(())
}

/// The scanner confirms the login: the code gets its single-use ticket.
pub(crate) fn confirm(pool: &mut Pool, random: &str, now: DateTime<Utc>) -> Result<(), Failure> {
    let code = live(pool, random, now)?;
    if code.state != QrState::Scanned {
        return Err(Failure::invalid_params(
            "only a scanned QR code can be confirmed",
        ));
    }
    code.state = QrState::Confirmed;
    code.ticket = Some(random_hex(20));
    Ok(())
}

/// The scanner cancels the login (an unused or scanned code).
pub(crate) fn cancel(pool: &mut Pool, random: &str, now: DateTime<Utc>) -> Result<(), Failure> {
    let code = live(pool, random, now)?;
    if !matches!(code.state, QrState::Unused | QrState::Scanned) {
        return Err(Failure::invalid_params(
            "only an unused or scanned QR code can be cancelled",
        ));
    }
    code.state = QrState::Cancelled;
    Ok(())
}

/// Exchanges the ticket of a confirmed, live code for its user and a login token of the
/// code's application (a login: counted; the app's access policy applies, 1576). A ticket
/// works once (2460 after, and for an unknown one).
pub(crate) fn exchange<'p>(
    pool: &'p mut Pool,
    issuer: &Issuer<'_>,
    ticket: Option<&str>,
) -> Result<(&'p UserRecord, String), Failure> {
    let ticket = ticket
        .filter(|t| !t.is_empty())
        .ok_or(Code::QrTicketInvalid)?;
    let now = issuer.now;
    let code = pool
        .qrcodes
        .codes
        .values_mut()
        .find(|code| code.ticket.as_deref() == Some(ticket))
        .ok_or(Code::QrTicketInvalid)?;
    if now >= code.expires_at {
        return Err(Code::QrTicketInvalid.into());
    }
    let (user_id, app_id) = match (&code.user_id, code.state) {
        (Some(user_id), QrState::Confirmed) => (user_id.clone(), code.app_id.clone()),
        _ => return Err(Code::QrTicketInvalid.into()),
    };
    code.ticket = None;
    applications::check_login_access(pool, &app_id, &user_id)?;
    identity::complete_login(pool, issuer, &app_id, &user_id)
}

/// Authing's number for where `code` is at `now`.
fn status(code: &QrCodeRecord, now: DateTime<Utc>) -> i64 {
    if now >= code.expires_at {
        return -1;
    }
    match code.state {
        QrState::Unused => 0,
        QrState::Scanned => 1,
        QrState::Confirmed => 2,
        QrState::Cancelled => 3,
    }
}

fn find<'p>(pool: &'p Pool, random: Option<&str>) -> Result<&'p QrCodeRecord, Failure> {
    random
        .and_then(|random| pool.qrcodes.codes.get(random))
        .ok_or_else(|| Code::QrCodeNotFound.into())
}

/// A code that has not expired, to change (2241 unknown, 2231 expired).
fn live<'p>(
    pool: &'p mut Pool,
    random: &str,
    now: DateTime<Utc>,
) -> Result<&'p mut QrCodeRecord, Failure> {
    let code = pool
        .qrcodes
        .codes
        .get_mut(random)
        .ok_or(Code::QrCodeNotFound)?;
    if now >= code.expires_at {
        return Err(Failure::invalid_params("the QR code expired"));
    }
    Ok(code)
}

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::Map;

    use super::*;
    use crate::domain::identity::{Registration, register};
    use crate::store::UniqueField;
    use crate::tokens::TokenIssuer;

    /// A pool with one user, "ada".
    pub(crate) fn pool_with_user() -> (Pool, String) {
        let mut pool = Pool::random();
        let tokens = TokenIssuer::random();
        let issuer = Issuer {
            tokens: &tokens,
            now: Utc::now(),
            origin: "http://fake",
        };
        let registration = Registration {
            field: UniqueField::Username,
            account: "ada".into(),
            password: None,
            fields: Map::new(),
            params: None,
            udf: Vec::new(),
            force_login: false,
            generate_token: false,
            ip: None,
            app_id: None,
        };
        let id = register(&mut pool, &issuer, registration)
            .expect("registered")
            .0
            .id
            .clone();
        (pool, id)
    }

    #[test]
    fn a_code_goes_unused_scanned_confirmed_and_its_ticket_works_once() {
        let (mut pool, user) = pool_with_user();
        let now = Utc::now();
        let app = pool.app.id.clone();
        let made = gene(&mut pool, Some("APP_AUTH"), &app, "http://fake", now).expect("made");
        let random = made["random"].as_str().expect("random").to_owned();
        assert_eq!(
            check(&pool, Some(&random), now).expect("status")["status"],
            0
        );
        scan(&mut pool, &random, &user, now).expect("scanned");
        let scanned = check(&pool, Some(&random), now).expect("status");
        assert_eq!(scanned["status"], 1);
        assert!(scanned.get("ticket").is_none());
        confirm(&mut pool, &random, now).expect("confirmed");
        let confirmed = check(&pool, Some(&random), now).expect("status");
        assert_eq!(confirmed["status"], 2);
        let ticket = confirmed["ticket"].as_str().expect("a ticket").to_owned();

        let tokens = TokenIssuer::random();
        let issuer = Issuer {
            tokens: &tokens,
            now,
            origin: "http://fake",
        };
        let (who, token) = exchange(&mut pool, &issuer, Some(&ticket)).expect("exchanged");
        assert_eq!(who.id, user);
        assert!(!token.is_empty());
        let again = exchange(&mut pool, &issuer, Some(&ticket)).expect_err("single use");
        assert_eq!(again.number(), 2460);
    }

    #[test]
    fn unknown_cancelled_and_expired_codes() {
        let (mut pool, user) = pool_with_user();
        let now = Utc::now();
        let app = pool.app.id.clone();
        assert_eq!(
            check(&pool, Some("nope"), now)
                .expect_err("unknown")
                .number(),
            2241
        );
        assert_eq!(check(&pool, None, now).expect_err("none").number(), 2241);
        assert!(gene(&mut pool, Some("OTHER"), &app, "o", now).is_err());
        let random = |pool: &mut Pool| {
            gene(pool, Some("WXAPP_AUTH"), &app, "o", now).expect("made")["random"]
                .as_str()
                .expect("random")
                .to_owned()
        };
        let cancelled = random(&mut pool);
        cancel(&mut pool, &cancelled, now).expect("cancelled");
        assert_eq!(
            check(&pool, Some(&cancelled), now).expect("status")["status"],
            3
        );
        assert!(confirm(&mut pool, &cancelled, now).is_err());

        let expiring = random(&mut pool);
        let later = now + Duration::seconds(QR_LIFETIME_SECONDS);
        assert_eq!(
            check(&pool, Some(&expiring), later).expect("status")["status"],
            -1
        );
        assert!(scan(&mut pool, &expiring, &user, later).is_err());
    }
}
