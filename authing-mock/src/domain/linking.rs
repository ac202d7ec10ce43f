//! Account linking: `POST /api/v2/users/link` merges a secondary account's external
//! identities into a primary account and deletes the secondary; `POST /api/v2/users/unlink`
//! removes the primary account's identities of one provider.
//!
//! A user's identities are kept on their record under the `User` field `identities`, as
//! JSON objects with `Identity`'s wire names (`provider`, `userIdInIdp`, `isSocial`,
//! `userId`, `userPoolId`), so every answer carrying the user carries them (the users
//! area's management calls keep them the same way).

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::users;
use crate::failure::{Code, Failure};
use crate::store::{Pool, UserRecord};

/// The `User` field a user's identities are kept under.
const IDENTITIES: &str = "identities";

/// The identities of `user`.
pub(crate) fn identities_of(user: &UserRecord) -> &[Value] {
    user.fields
        .get(IDENTITIES)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The user holding the identity `user_id_in_idp` of one of `providers`, if any.
pub(crate) fn holder<'p>(
    pool: &'p Pool,
    providers: &[&str],
    user_id_in_idp: &str,
) -> Option<&'p UserRecord> {
    pool.users.iter().find(|user| {
        identities_of(user).iter().any(|identity| {
            identity["userIdInIdp"] == user_id_in_idp
                && providers.iter().any(|p| identity["provider"] == *p)
        })
    })
}

/// Binds the identity `user_id_in_idp` of `provider` to user `user_id` (nothing to do when
/// they have it).
pub(crate) fn add_identity(
    pool: &mut Pool,
    user_id: &str,
    provider: &str,
    user_id_in_idp: &str,
    is_social: bool,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let pool_id = pool.id.clone();
    let identity = json!({
        "provider": provider,
        "userIdInIdp": user_id_in_idp,
        "isSocial": is_social,
        "userId": user_id,
        "userPoolId": pool_id,
    });
    let user = users::get(pool, user_id)?;
    let has_it = identities_of(user)
        .iter()
        .any(|held| held["provider"] == provider && held["userIdInIdp"] == user_id_in_idp);
    if has_it {
        return Ok(());
    }
    let mut list = identities_of(user).to_vec();
    list.push(identity);
    store(pool, user_id, list, now)
}

fn store(
    pool: &mut Pool,
    user_id: &str,
    list: Vec<Value>,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    pool.users
        .update(user_id, |user| {
            user.set(IDENTITIES, Value::Array(list));
            user.updated_at = now;
        })
        .map(drop)
        .map_err(|_| Failure::from(Code::UserNotFound))
}

/// Moves user `secondary`'s identities to user `primary` (those it has already are not
/// repeated), then deletes `secondary` with everything the pool keeps for them. 2231 when
/// both are the same user.
pub(crate) fn link(
    pool: &mut Pool,
    primary: &str,
    secondary: &str,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    if primary == secondary {
        return Err(Failure::invalid_params(
            "the primary and the secondary account are the same user",
        ));
    }
    users::get(pool, primary)?;
    let moved: Vec<(String, String, bool)> = identities_of(users::get(pool, secondary)?)
        .iter()
        .filter_map(|identity| {
            let provider = identity["provider"].as_str()?.to_owned();
            let id_in_idp = identity["userIdInIdp"].as_str()?.to_owned();
            Some((provider, id_in_idp, identity["isSocial"] == true))
        })
        .collect();
    users::delete(pool, &[secondary.to_owned()])?;
    forget_user(pool, secondary);
    for (provider, id_in_idp, is_social) in moved {
        add_identity(pool, primary, &provider, &id_in_idp, is_social, now)?;
    }
    Ok(())
}

/// Removes user `user_id`'s identities of `provider`: 2216 when they have none, 2217 when
/// they would be left with no way to log in (no password, phone or other identity).
pub(crate) fn unlink(
    pool: &mut Pool,
    user_id: &str,
    provider: &str,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let provider = provider.trim();
    if provider.is_empty() {
        return Err(Failure::invalid_params("provider is required"));
    }
    let user = users::get(pool, user_id)?;
    let held = identities_of(user);
    let kept: Vec<Value> = held
        .iter()
        .filter(|identity| identity["provider"] != provider)
        .cloned()
        .collect();
    if kept.len() == held.len() {
        return Err(Code::IdentityNotBound.into());
    }
    let can_log_in =
        user.password.is_some() || user.str_field("phone").is_some() || !kept.is_empty();
    if !can_log_in {
        return Err(Code::LastLoginMethod.into());
    }
    store(pool, user_id, kept, now)
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
    use serde_json::Map;

    use super::*;
    use crate::crypto::PasswordHash;
    use crate::domain::users::NewUser;

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
            add_identity(
                pool,
                &id,
                provider,
                &format!("{name}@{provider}"),
                true,
                Utc::now(),
            )
            .expect("identity");
            add_identity(
                pool,
                &id,
                provider,
                &format!("{name}@{provider}"),
                true,
                Utc::now(),
            )
            .expect("again: nothing to do");
        }
        id
    }

    #[test]
    fn link_merges_identities_and_deletes_the_secondary() {
        let mut pool = Pool::random();
        let primary = user(&mut pool, "ann", true, None);
        let secondary = user(&mut pool, "ann-gh", false, Some("github"));
        assert_eq!(
            link(&mut pool, &primary, &primary, Utc::now())
                .expect_err("same")
                .number(),
            2231
        );
        assert_eq!(
            link(&mut pool, &primary, "nobody", Utc::now())
                .expect_err("missing")
                .number(),
            2004
        );
        link(&mut pool, &primary, &secondary, Utc::now()).expect("linked");
        assert!(
            pool.users.get(&secondary).is_none(),
            "the secondary is gone"
        );
        let merged = identities_of(users::get(&pool, &primary).expect("primary"));
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0]["provider"], "github");
        assert_eq!(merged[0]["userId"], primary.as_str());
        let found = holder(&pool, &["github"], "ann-gh@github").expect("held");
        assert_eq!(found.id, primary);

        assert_eq!(
            unlink(&mut pool, &primary, "wechat:pc", Utc::now())
                .expect_err("not bound")
                .number(),
            2216
        );
        unlink(&mut pool, &primary, "github", Utc::now()).expect("unlinked");
        assert!(identities_of(users::get(&pool, &primary).expect("primary")).is_empty());

        let only = user(&mut pool, "gh-only", false, Some("github"));
        assert_eq!(
            unlink(&mut pool, &only, "github", Utc::now())
                .expect_err("last way in")
                .number(),
            2217
        );
    }
}
