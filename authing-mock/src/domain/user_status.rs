//! A user's status as an administrator sets it: `suspend` (status `Suspended`: no login,
//! no token, live tokens ended), `activate` (back to `Activated`), `resign` (status
//! `Resigned`: the user leaves `users`, with their role, group and other links, for the
//! archived users that `archivedUsers` lists, newest first; their tokens end).

use chrono::{DateTime, Utc};
use serde_json::json;

use super::users;
use crate::failure::Failure;
use crate::store::{Page, Paged, Pool, UserRecord};

/// Sets user `id`'s status (2004 for an unknown user).
fn set_status(pool: &mut Pool, id: &str, status: &str, now: DateTime<Utc>) -> Result<(), Failure> {
    users::get(pool, id)?;
    pool.users
        .update(id, |user| {
            user.set("status", json!(status));
            user.updated_at = now;
        })
        .map_err(|_| Failure::from(crate::failure::Code::UserNotFound))?;
    Ok(())
}

/// Suspends user `id`: they may not log in (2005) and their live tokens end.
pub(crate) fn suspend(pool: &mut Pool, id: &str, now: DateTime<Utc>) -> Result<(), Failure> {
    set_status(pool, id, "Suspended", now)?;
    pool.sessions.end(id, None);
    Ok(())
}

/// Lifts a suspension: status `Activated` (a no-op for an active user).
pub(crate) fn activate(pool: &mut Pool, id: &str, now: DateTime<Utc>) -> Result<(), Failure> {
    set_status(pool, id, "Activated", now)
}

/// Archives user `id` (status `Resigned`): out of `users` (their unique fields free again,
/// their links cleared), into the archived users; their tokens end.
pub(crate) fn resign(pool: &mut Pool, id: &str, now: DateTime<Utc>) -> Result<(), Failure> {
    users::get(pool, id)?;
    pool.sessions.end(id, None);
    if let Some(mut user) = pool.links.delete(&mut pool.users, id) {
        user.set("status", json!("Resigned"));
        user.updated_at = now;
        pool.archived_users.push(user);
    }
    Ok(())
}

/// One page of the archived users, the latest to resign first.
pub(crate) fn archived(pool: &Pool, page: Page) -> Paged<&UserRecord> {
    page.of(pool.archived_users.iter().rev())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_support::user_named as user;
    use crate::store::UniqueField;

    #[test]
    fn suspend_activate_and_resign() {
        let mut pool = Pool::random();
        let now = Utc::now();
        let ann = user(&mut pool, "ann");
        suspend(&mut pool, &ann, now).expect("suspended");
        let stored = users::get(&pool, &ann).expect("still a user");
        assert_eq!(stored.str_field("status"), Some("Suspended"));
        assert!(crate::domain::identity::is_suspended(stored));
        activate(&mut pool, &ann, now).expect("activated");
        assert_eq!(
            users::get(&pool, &ann).expect("user").str_field("status"),
            Some("Activated")
        );
        assert_eq!(
            suspend(&mut pool, "nobody", now)
                .expect_err("unknown")
                .number(),
            2004
        );

        resign(&mut pool, &ann, now).expect("resigned");
        assert!(users::get(&pool, &ann).is_err());
        assert!(users::find(&pool, UniqueField::Username, "ann").is_none());
        let page = archived(&pool, Page::new(None, None));
        assert_eq!(page.total, 1);
        assert_eq!(page.items[0].str_field("status"), Some("Resigned"));
        assert_eq!(
            resign(&mut pool, &ann, now).expect_err("gone").number(),
            2004
        );
        // The username is free again.
        let again = user(&mut pool, "ann");
        resign(&mut pool, &again, now).expect("resigned again");
        let page = archived(&pool, Page::new(None, None));
        assert_eq!(page.total, 2);
        assert_eq!(page.items[0].id, again);
    }
}
