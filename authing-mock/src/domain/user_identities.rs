//! External identities bound to users (`POST /api/v2/users/identity/link` and `/unlink`,
//! `findUser(identity: {provider, userIdInIdp})`).
//!
//! A user's identities are kept on their record under the `User` field `identities`, so
//! every answer that carries the user carries them. An identity is the connection's
//! `identifier` (its `provider`), the user's id there (`userIdInIdp`), whether the
//! connection is social, and its `type` (e.g. `openid`). One identity (provider + id at
//! the provider) belongs to one user of the pool: linking one another user holds is 2215;
//! unlinking one the user lacks is 2216. Account linking (`domain::linking`, an end user's
//! call) keeps them the same way.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::linking::identities_of;
use super::users::{self, check_length};
use crate::failure::{Code, Failure};
use crate::store::{Pool, UserRecord};

/// The `User` field the identities are kept under.
const FIELD: &str = "identities";
/// The longest identifier, provider user id or type (in characters).
const MAX_CHARS: usize = 256;
/// The most identities a user holds.
const MAX_IDENTITIES: usize = 64;

/// An identity to link.
#[derive(Debug, Clone)]
pub(crate) struct LinkIdentity {
    pub(crate) user_id: String,
    /// The connection's identifier (stored as the identity's `provider`).
    pub(crate) identifier: String,
    pub(crate) user_id_in_idp: String,
    pub(crate) is_social: bool,
    pub(crate) kind: Option<String>,
}

fn is(identity: &Value, provider: &str, user_id_in_idp: &str) -> bool {
    identity["provider"] == provider && identity["userIdInIdp"] == user_id_in_idp
}

/// The user holding identity `user_id_in_idp` of `provider`, if any.
pub(crate) fn find<'p>(
    pool: &'p Pool,
    provider: &str,
    user_id_in_idp: &str,
) -> Option<&'p UserRecord> {
    pool.users.iter().find(|user| {
        identities_of(user)
            .iter()
            .any(|identity| is(identity, provider, user_id_in_idp))
    })
}

/// Binds an identity to a user (2004, 2215, 2231); linking one the user has again updates
/// it.
pub(crate) fn link(
    pool: &mut Pool,
    link: LinkIdentity,
    now: DateTime<Utc>,
) -> Result<&UserRecord, Failure> {
    check(pool, &link)?;
    let user = users::get(pool, &link.user_id)?;
    let mut list: Vec<Value> = identities_of(user)
        .iter()
        .filter(|identity| !is(identity, &link.identifier, &link.user_id_in_idp))
        .cloned()
        .collect();
    if list.len() >= MAX_IDENTITIES {
        return Err(Failure::invalid_params(format!(
            "a user holds at most {MAX_IDENTITIES} identities"
        )));
    }
    list.push(json!({
        "provider": link.identifier,
        "userIdInIdp": link.user_id_in_idp,
        "isSocial": link.is_social,
        "type": link.kind,
        "userId": link.user_id,
        "userPoolId": pool.id,
    }));
    store(pool, &link.user_id, list, now)
}

/// Whether `link` may be made (whether or not its user exists yet): 2231 for a blank or
/// too long value, 2215 when another user holds the identity.
pub(crate) fn check(pool: &Pool, link: &LinkIdentity) -> Result<(), Failure> {
    for (what, text) in [
        ("identifier", link.identifier.as_str()),
        ("userIdInIdp", link.user_id_in_idp.as_str()),
        ("type", link.kind.as_deref().unwrap_or_default()),
    ] {
        check_length(what, text, MAX_CHARS)?;
    }
    if link.identifier.trim().is_empty() || link.user_id_in_idp.trim().is_empty() {
        return Err(Failure::invalid_params(
            "identifier and userIdInIdp are required",
        ));
    }
    if find(pool, &link.identifier, &link.user_id_in_idp).is_some_and(|h| h.id != link.user_id) {
        return Err(Code::IdentityBoundElsewhere.into());
    }
    Ok(())
}

/// Unbinds the identities of connection `identifier` (of type `kind`, when given) from a
/// user: 2004 for an unknown user, 2216 when they hold none.
pub(crate) fn unlink<'p>(
    pool: &'p mut Pool,
    user_id: &str,
    identifier: &str,
    kind: Option<&str>,
    now: DateTime<Utc>,
) -> Result<&'p UserRecord, Failure> {
    let user = users::get(pool, user_id)?;
    let held = identities_of(user);
    let matches = |identity: &&Value| {
        identity["provider"] == identifier && kind.is_none_or(|kind| identity["type"] == kind)
    };
    let kept: Vec<Value> = held.iter().filter(|i| !matches(i)).cloned().collect();
    if kept.len() == held.len() {
        return Err(Code::IdentityNotBound.into());
    }
    store(pool, user_id, kept, now)
}

fn store<'p>(
    pool: &'p mut Pool,
    user_id: &str,
    list: Vec<Value>,
    now: DateTime<Utc>,
) -> Result<&'p UserRecord, Failure> {
    pool.users
        .update(user_id, |user| {
            user.set(FIELD, Value::Array(list));
            user.updated_at = now;
        })
        .map_err(|_| Code::UserNotFound.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_support::user_named as user;

    fn github(user_id: &str, id_in_idp: &str) -> LinkIdentity {
        LinkIdentity {
            user_id: user_id.to_owned(),
            identifier: "github".into(),
            user_id_in_idp: id_in_idp.to_owned(),
            is_social: true,
            kind: Some("openid".into()),
        }
    }

    #[test]
    fn link_find_unlink() {
        let mut pool = Pool::random();
        let now = Utc::now();
        let ann = user(&mut pool, "ann");
        let bob = user(&mut pool, "bob");
        let linked = link(&mut pool, github(&ann, "gh-1"), now).expect("linked");
        assert_eq!(identities_of(linked).len(), 1);
        // Linking again updates, not duplicates.
        link(&mut pool, github(&ann, "gh-1"), now).expect("relinked");
        assert_eq!(
            identities_of(users::get(&pool, &ann).expect("ann")).len(),
            1
        );
        assert_eq!(find(&pool, "github", "gh-1").expect("found").id, ann);
        assert!(find(&pool, "github", "gh-2").is_none());
        let taken = link(&mut pool, github(&bob, "gh-1"), now);
        assert_eq!(taken.expect_err("taken").number(), 2215);
        let unknown = link(&mut pool, github("nobody", "gh-9"), now);
        assert_eq!(unknown.expect_err("unknown").number(), 2004);
        let blank = link(&mut pool, github(&ann, " "), now);
        assert_eq!(blank.expect_err("blank").number(), 2231);

        let wrong_type = unlink(&mut pool, &ann, "github", Some("oauth"), now);
        assert_eq!(wrong_type.expect_err("not that type").number(), 2216);
        unlink(&mut pool, &ann, "github", None, now).expect("unlinked");
        assert!(find(&pool, "github", "gh-1").is_none());
        let again = unlink(&mut pool, &ann, "github", None, now);
        assert_eq!(again.expect_err("not bound").number(), 2216);
    }
}
