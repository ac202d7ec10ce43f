//! Groups: codes unique in the pool, members (`addUserToGroup`), and deletion that clears
//! memberships and role assignments. A missing group is refused with 2420
//! (`GROUP_NOT_FOUND`), a taken code with 2421 (`GROUP_EXISTS`): the fake's numbers, since
//! Authing's published table has none for groups.

use chrono::{DateTime, Utc};

use super::target_refs::Scope;
use super::users::check_length;
use crate::failure::{Code, Failure};
use crate::store::{GroupRecord, Page, Paged, Pool, Refusal, TargetType, USER_GROUPS, UserRecord};

/// The longest group code, name or description.
const MAX_TEXT_CHARS: usize = 1024;

// For the authorisation evaluator and the policy checks (policies-acl), which merge later.
#[cfg_attr(not(test), allow(dead_code))]
/// The codes of the groups `user_id` belongs to, in the order they were joined.
pub(crate) fn user_group_codes(pool: &Pool, user_id: &str) -> Vec<String> {
    user_groups(pool, user_id)
        .map(|group| group.code.clone())
        .collect()
}

/// The groups `user_id` belongs to, in the order they were joined.
pub(crate) fn user_groups<'p>(
    pool: &'p Pool,
    user_id: &str,
) -> impl Iterator<Item = &'p GroupRecord> {
    pool.links
        .rights(USER_GROUPS, user_id)
        .iter()
        .filter_map(|id| pool.groups.get(id))
}

/// The group `code`, if any.
pub(crate) fn find<'p>(pool: &'p Pool, code: &str) -> Option<&'p GroupRecord> {
    pool.groups.find("code", code)
}

/// The group `code` (2420 when there is none).
pub(crate) fn get<'p>(pool: &'p Pool, code: &str) -> Result<&'p GroupRecord, Failure> {
    find(pool, code).ok_or_else(|| Failure::with_text(Code::GroupNotFound, code))
}

fn check_code(code: &str) -> Result<(), Failure> {
    if code.trim().is_empty() {
        return Err(Failure::invalid_params("code must not be empty"));
    }
    check_length("code", code, MAX_TEXT_CHARS)
}

fn refused(refusal: Refusal, code: &str) -> Failure {
    match refusal {
        Refusal::NotFound => Failure::with_text(Code::GroupNotFound, code),
        Refusal::Taken(_) => Failure::with_text(Code::GroupExists, code),
    }
}

/// Adds a group (2421 when the code is taken, 2231 for an empty code or text too long).
pub(crate) fn create<'p>(
    pool: &'p mut Pool,
    code: &str,
    name: &str,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<&'p GroupRecord, Failure> {
    check_code(code)?;
    check_length("name", name, MAX_TEXT_CHARS)?;
    if let Some(description) = description {
        check_length("description", description, MAX_TEXT_CHARS)?;
    }
    pool.groups
        .insert_with(|id| GroupRecord {
            id,
            code: code.to_owned(),
            name: name.to_owned(),
            description: description.map(str::to_owned),
            created_at: now,
            updated_at: now,
        })
        .map_err(|refusal| refused(refusal, code))
}

/// What `updateGroup` changes; `None` keeps a value.
#[derive(Debug, Clone, Default)]
pub(crate) struct GroupChange {
    pub(crate) name: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) new_code: Option<String>,
}

/// Changes the group `code` (2420 when missing, 2421 when the new code is taken).
pub(crate) fn update<'p>(
    pool: &'p mut Pool,
    code: &str,
    change: GroupChange,
    now: DateTime<Utc>,
) -> Result<&'p GroupRecord, Failure> {
    if let Some(new_code) = &change.new_code {
        check_code(new_code)?;
    }
    for text in [&change.name, &change.description].into_iter().flatten() {
        check_length("name or description", text, MAX_TEXT_CHARS)?;
    }
    let id = get(pool, code)?.id.clone();
    let shown = change.new_code.clone().unwrap_or_else(|| code.to_owned());
    pool.groups
        .update(&id, |group| {
            if let Some(new_code) = change.new_code {
                group.code = new_code;
            }
            if let Some(name) = change.name {
                group.name = name;
            }
            if let Some(description) = change.description {
                group.description = Some(description);
            }
            group.updated_at = now;
        })
        .map_err(|refusal| refused(refusal, &shown))?;
    // Its policies and grants follow the new code (mgmtgaps).
    super::target_refs::rename(pool, Scope::Everywhere, TargetType::Group, code, &shown);
    pool.groups
        .get(&id)
        .ok_or_else(|| Failure::with_text(Code::GroupNotFound, &shown))
}

/// Deletes the groups `codes` and their links (memberships, roles) and resource grants, or
/// none: 2420 when one does not exist.
pub(crate) fn delete(pool: &mut Pool, codes: &[String]) -> Result<usize, Failure> {
    let ids = codes
        .iter()
        .map(|code| get(pool, code).map(|group| group.id.clone()))
        .collect::<Result<Vec<_>, _>>()?;
    // The groups' policy assignments and resource grants go with them, in every namespace.
    for code in codes {
        super::target_refs::forget(pool, Scope::Everywhere, TargetType::Group, code);
    }
    Ok(ids
        .iter()
        .filter(|id| pool.links.delete(&mut pool.groups, id).is_some())
        .count())
}

/// One page of the groups, newest first (`CREATEDAT_DESC`, the schema's default) or oldest
/// first; with `user_id`, only that user's groups.
pub(crate) fn list<'p>(
    pool: &'p Pool,
    user_id: Option<&str>,
    oldest_first: bool,
    page: Page,
) -> Paged<&'p GroupRecord> {
    match (user_id, oldest_first) {
        (Some(user), _) => page.of(user_groups(pool, user)),
        (None, true) => page.of_counted(pool.groups.iter()),
        (None, false) => page.of_counted(pool.groups.iter().rev()),
    }
}

/// Users that do not exist among `user_ids` refuse the whole call (2004, `data.ids`).
pub(crate) fn check_users(pool: &Pool, user_ids: &[String]) -> Result<(), Failure> {
    let missing: Vec<&String> = user_ids
        .iter()
        .filter(|id| pool.users.get(id).is_none())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Failure::from(Code::UserNotFound).with_data(serde_json::json!({ "ids": missing })))
    }
}

/// Adds `user_ids` to the group `code` (members already in stay once).
pub(crate) fn add_users(pool: &mut Pool, code: &str, user_ids: &[String]) -> Result<(), Failure> {
    let group = get(pool, code)?.id.clone();
    check_users(pool, user_ids)?;
    for user in user_ids {
        pool.links.link(USER_GROUPS, user, &group);
    }
    Ok(())
}

/// Removes `user_ids` from the group `code` (non-members are ignored).
pub(crate) fn remove_users(
    pool: &mut Pool,
    code: &str,
    user_ids: &[String],
) -> Result<(), Failure> {
    let group = get(pool, code)?.id.clone();
    check_users(pool, user_ids)?;
    for user in user_ids {
        pool.links.unlink(USER_GROUPS, user, &group);
    }
    Ok(())
}

/// The members of `group_id`, in the order they joined.
pub(crate) fn members<'p>(pool: &'p Pool, group_id: &str) -> impl Iterator<Item = &'p UserRecord> {
    pool.links
        .lefts(USER_GROUPS, group_id)
        .iter()
        .filter_map(|id| pool.users.get(id))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn user(pool: &mut Pool) -> String {
        pool.users
            .insert_with(|id| UserRecord {
                id,
                password: None,
                created_at: Utc::now(),
                updated_at: Utc::now(),
                fields: serde_json::Map::new(),
                custom_data: Vec::new(),
            })
            .expect("no unique keys")
            .id
            .clone()
    }

    #[test]
    fn codes_are_unique_and_members_follow_the_group() {
        let mut pool = Pool::random();
        let now = Utc::now();
        create(&mut pool, "dev", "Developers", None, now).expect("new");
        create(&mut pool, "ops", "Operators", Some("on call"), now).expect("new");
        let taken = create(&mut pool, "dev", "Again", None, now).expect_err("taken");
        assert_eq!(taken.number(), 2421);
        assert_eq!(
            create(&mut pool, " ", "x", None, now)
                .expect_err("empty")
                .number(),
            2231
        );

        let alice = user(&mut pool);
        add_users(&mut pool, "dev", std::slice::from_ref(&alice)).expect("joins");
        add_users(&mut pool, "ops", std::slice::from_ref(&alice)).expect("joins");
        add_users(&mut pool, "dev", std::slice::from_ref(&alice)).expect("idempotent");
        assert_eq!(user_group_codes(&pool, &alice), ["dev", "ops"]);
        let unknown = add_users(&mut pool, "dev", &["nobody".to_owned()]).expect_err("no user");
        assert_eq!(unknown.number(), 2004);
        assert_eq!(
            add_users(&mut pool, "nope", std::slice::from_ref(&alice))
                .expect_err("no group")
                .number(),
            2420
        );

        let renamed = GroupChange {
            new_code: Some("developers".into()),
            ..GroupChange::default()
        };
        update(&mut pool, "dev", renamed, now).expect("renamed");
        assert_eq!(user_group_codes(&pool, &alice), ["developers", "ops"]);
        let clash = GroupChange {
            new_code: Some("ops".into()),
            ..GroupChange::default()
        };
        assert_eq!(
            update(&mut pool, "developers", clash, now)
                .expect_err("taken")
                .number(),
            2421
        );

        let listed = list(&pool, None, false, Page::new(None, None));
        assert_eq!(listed.total, 2);
        assert_eq!(listed.items[0].code, "ops");

        remove_users(&mut pool, "ops", std::slice::from_ref(&alice)).expect("leaves");
        assert_eq!(user_group_codes(&pool, &alice), ["developers"]);
        assert_eq!(
            delete(&mut pool, &["developers".into(), "nope".into()])
                .expect_err("all or none")
                .number(),
            2420
        );
        assert_eq!(delete(&mut pool, &["developers".into()]).expect("gone"), 1);
        assert!(user_group_codes(&pool, &alice).is_empty());
        assert!(find(&pool, "developers").is_none());
    }
}
