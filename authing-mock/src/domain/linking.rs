//! Account linking: `POST /api/v2/users/link` merges a secondary account's external
//! identities into a primary account and deletes the secondary; `POST /api/v2/users/unlink`
//! removes the primary account's identities of one provider.

use super::users;
use crate::failure::{Code, Failure};
use crate::store::Pool;

/// Moves user `secondary`'s identities to user `primary` (those it has already are not
/// repeated), then deletes `secondary` with everything the pool keeps for them. 2231 when
/// both are the same user.
pub(crate) fn link(pool: &mut Pool, primary: &str, secondary: &str) -> Result<(), Failure> {
    if primary == secondary {
        return Err(Failure::invalid_params(
            "the primary and the secondary account are the same user",
        ));
    }
    users::get(pool, primary)?;
    let moved = users::get(pool, secondary)?.identities.clone();
    pool.users
        .update(primary, |user| {
            for identity in moved {
                if !user.identities.contains(&identity) {
                    user.identities.push(identity);
                }
            }
        })
        .map_err(|_| Failure::from(Code::UserNotFound))?;
    users::delete(pool, &[secondary.to_owned()])?;
    forget_user(pool, secondary);
    Ok(())
}

/// Removes user `user_id`'s identities of `provider`: 2216 when they have none, 2217 when
/// they would be left with no way to log in (no password, phone or other identity).
pub(crate) fn unlink(pool: &mut Pool, user_id: &str, provider: &str) -> Result<(), Failure> {
    let provider = provider.trim();
    if provider.is_empty() {
        return Err(Failure::invalid_params("provider is required"));
    }
    let user = users::get(pool, user_id)?;
    let kept = user
        .identities
        .iter()
        .filter(|identity| identity.provider != provider)
        .count();
    if kept == user.identities.len() {
        return Err(Code::IdentityNotBound.into());
    }
    let can_log_in = user.password.is_some() || user.str_field("phone").is_some() || kept > 0;
    if !can_log_in {
        return Err(Code::LastLoginMethod.into());
    }
    pool.users
        .update(user_id, |user| {
            user.identities
                .retain(|identity| identity.provider != provider);
        })
        .map_err(|_| Failure::from(Code::UserNotFound))?;
    Ok(())
}

/// Forgets what the pool keeps for a deleted user outside their record: TOTP, sub-accounts,
/// pending resets, faces.
fn forget_user(pool: &mut Pool, user_id: &str) {
    pool.mfa.totp.remove(user_id);
    let logins = &mut pool.logins;
    logins.sub_accounts.retain(|_, sub| sub.user_id != user_id);
    logins.must_reset.remove(user_id);
    logins
        .reset_tokens
        .retain(|_, token| token.user_id != user_id);
    logins.faces.remove(user_id);
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use serde_json::{Map, json};

    use super::*;
    use crate::crypto::PasswordHash;
    use crate::domain::users::NewUser;
    use crate::store::IdentityRecord;

    fn user(pool: &mut Pool, name: &str, password: bool, provider: Option<&str>) -> String {
        let new = NewUser {
            fields: Map::from_iter([("username".to_owned(), json!(name))]),
            password: password.then(|| PasswordHash::new("pw").expect("hash")),
            custom_data: Vec::new(),
            register_source: "basic",
        };
        let id = users::create(pool, new, Utc::now())
            .expect("created")
            .id
            .clone();
        if let Some(provider) = provider {
            pool.users
                .update(&id, |u| {
                    u.identities.push(IdentityRecord {
                        provider: provider.to_owned(),
                        user_id_in_idp: format!("{name}@{provider}"),
                        ext_idp_id: None,
                        is_social: true,
                    });
                })
                .expect("identity");
        }
        id
    }

    #[test]
    fn link_merges_identities_and_deletes_the_secondary() {
        let mut pool = Pool::random();
        let primary = user(&mut pool, "ann", true, None);
        let secondary = user(&mut pool, "ann-gh", false, Some("github"));
        assert_eq!(
            link(&mut pool, &primary, &primary)
                .expect_err("same")
                .number(),
            2231
        );
        assert_eq!(
            link(&mut pool, &primary, "nobody")
                .expect_err("missing")
                .number(),
            2004
        );
        link(&mut pool, &primary, &secondary).expect("linked");
        assert!(
            pool.users.get(&secondary).is_none(),
            "the secondary is gone"
        );
        let merged = users::get(&pool, &primary).expect("primary");
        assert_eq!(merged.identities.len(), 1);
        assert_eq!(merged.identities[0].provider, "github");

        assert_eq!(
            unlink(&mut pool, &primary, "wechat:pc")
                .expect_err("not bound")
                .number(),
            2216
        );
        unlink(&mut pool, &primary, "github").expect("unlinked");
        assert!(
            users::get(&pool, &primary)
                .expect("primary")
                .identities
                .is_empty()
        );

        let only = user(&mut pool, "gh-only", false, Some("github"));
        assert_eq!(
            unlink(&mut pool, &only, "github")
                .expect_err("last way in")
                .number(),
            2217
        );
    }
}
