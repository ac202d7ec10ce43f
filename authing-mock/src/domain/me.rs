//! What a logged-in user reads about themselves over REST: the applications they may log in
//! to (`users/me/applications/allowed`), their organisations (`users/me/orgs`) and their
//! account's security level (`users/me/security-level`).
//!
//! # The security level
//!
//! The reference lists the answer (`score`, `email`, `phone`, `password`,
//! `passwordSecurityLevel`, `mfa`), not Authing's weights; the fake's rule, out of 100:
//! - a verified email: 20; a verified phone: 20;
//! - a password: 10 per strength level (1 weak, 2 medium, 3 strong: 3 for 12+ characters
//!   with lower and upper case letters and digits, 2 for 8+ characters with a letter and a
//!   digit, else 1), so 10 to 30;
//! - MFA on (a confirmed TOTP authenticator): 30.

use serde_json::{Value, json};

use super::{applications, users};
use crate::clock::iso;
use crate::failure::Failure;
use crate::store::{Page, Pool};

/// Points for a verified email, and for a verified phone.
const VERIFIED_CONTACT_POINTS: i64 = 20;
/// Points per password strength level.
const PASSWORD_LEVEL_POINTS: i64 = 10;
/// Points for MFA on.
const MFA_POINTS: i64 = 30;

/// The security level of user `user_id`'s account (see the module's rule).
pub(crate) fn security_level(pool: &Pool, user_id: &str) -> Result<Value, Failure> {
    let user = users::get(pool, user_id)?;
    let email = user.str_field("email").is_some() && user.flag("emailVerified");
    let phone = user.str_field("phone").is_some() && user.flag("phoneVerified");
    let level = user
        .password
        .as_ref()
        .map(|hash| i64::from(hash.strength()));
    let mfa = pool.mfa.required(user_id);
    let points = |on: bool, points: i64| if on { points } else { 0 };
    let score = points(email, VERIFIED_CONTACT_POINTS)
        + points(phone, VERIFIED_CONTACT_POINTS)
        + level.unwrap_or(0) * PASSWORD_LEVEL_POINTS
        + points(mfa, MFA_POINTS);
    Ok(json!({
        "score": score,
        "email": email,
        "phone": phone,
        "password": level.is_some(),
        "passwordSecurityLevel": level,
        "mfa": mfa,
    }))
}

/// One page of the applications whose access policy lets user `user_id` in, in creation
/// order: `{totalCount, list}`.
pub(crate) fn allowed_applications(
    pool: &Pool,
    user_id: &str,
    page: Page,
) -> Result<Value, Failure> {
    users::get(pool, user_id)?;
    let allowed = pool
        .applications
        .iter()
        .filter(|app| applications::check_login_access(pool, &app.id, user_id).is_ok());
    let paged = page.of(allowed);
    let list: Vec<Value> = paged
        .items
        .iter()
        .map(|app| {
            json!({
                "id": app.id,
                "name": app.name,
                "logo": app.logo,
                "domain": app.identifier,
                "description": Value::Null,
                "protocol": "oidc",
                "createdAt": iso(app.created_at),
                "updatedAt": iso(app.updated_at),
            })
        })
        .collect();
    Ok(json!({ "totalCount": paged.total, "list": list }))
}

/// The user's organisations as paths of nodes: the fake has no organisations, so none.
pub(crate) fn orgs(pool: &Pool, user_id: &str) -> Result<Value, Failure> {
    users::get(pool, user_id)?;
    Ok(json!([]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::PasswordHash;
    use crate::domain::qrcode::tests::pool_with_user;
    use crate::store::DefaultStrategy;

    #[test]
    fn the_score_follows_the_rule() {
        let (mut pool, user) = pool_with_user();
        let none = security_level(&pool, &user).expect("level");
        assert_eq!(none["score"], 0);
        assert_eq!(none["password"], false);
        assert_eq!(none["passwordSecurityLevel"], Value::Null);
        pool.users
            .update(&user, |record| {
                record.password = Some(PasswordHash::new("Abcdefgh1234").expect("hash"));
                record.set("email", json!("ada@example.com"));
                record.set("emailVerified", json!(true));
                record.set("phone", json!("13800000000"));
            })
            .expect("updated");
        let level = security_level(&pool, &user).expect("level");
        assert_eq!(level["passwordSecurityLevel"], 3);
        assert_eq!(level["email"], true);
        assert_eq!(level["phone"], false, "the phone is not verified");
        assert_eq!(level["score"], 20 + 30);
        assert_eq!(level["mfa"], false);
    }

    #[test]
    fn allowed_applications_follow_the_access_policies() {
        let (mut pool, user) = pool_with_user();
        let listed = allowed_applications(&pool, &user, Page::new(None, None)).expect("apps");
        assert_eq!(listed["totalCount"], 1);
        let app = pool.app.id.clone();
        pool.applications
            .update(&app, |record| {
                record.default_strategy = DefaultStrategy::DenyAll;
            })
            .expect("updated");
        let listed = allowed_applications(&pool, &user, Page::new(None, None)).expect("apps");
        assert_eq!(listed["totalCount"], 0);
    }
}
