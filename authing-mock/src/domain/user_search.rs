//! `searchUser`'s membership filters: a keyword search among the holders of some roles, the
//! members of some groups, or the people of some departments.
//!
//! Filters of one kind widen (holders of role A *or* B); kinds narrow each other (holders of
//! role A *and* members of group G). A role counts its direct holders (what `role.users`
//! lists); an unknown role or group is a filter nobody passes, not an error, as a search
//! finds nothing rather than refuses. The fake has no organisations yet, so a department
//! filter matches nobody.

use std::collections::HashSet;

use super::{groups, namespace_or_default, roles, users};
use crate::failure::Failure;
use crate::store::{Page, Paged, Pool, UserRecord};

/// The membership filters of one search; empty lists filter nothing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Membership {
    /// Roles as `(namespace, code)`; a `None` namespace is the pool's default one.
    pub(crate) roles: Vec<(Option<String>, String)>,
    /// Group codes.
    pub(crate) groups: Vec<String>,
    /// Department ids.
    pub(crate) departments: Vec<String>,
}

impl Membership {
    /// The ids of the users every given kind of filter lets through; `None` when no filter
    /// is given (everyone passes).
    fn admitted<'p>(&self, pool: &'p Pool) -> Option<HashSet<&'p str>> {
        let by_role = (!self.roles.is_empty()).then(|| {
            self.roles
                .iter()
                .filter_map(|(namespace, code)| {
                    roles::find(pool, namespace_or_default(namespace.as_deref()), code)
                })
                .flat_map(|role| roles::members(pool, &role.id))
                .map(|user| user.id.as_str())
                .collect::<HashSet<_>>()
        });
        let by_group = (!self.groups.is_empty()).then(|| {
            self.groups
                .iter()
                .filter_map(|code| groups::find(pool, code))
                .flat_map(|group| groups::members(pool, &group.id))
                .map(|user| user.id.as_str())
                .collect::<HashSet<_>>()
        });
        // No organisations: nobody belongs to a department.
        let by_department = (!self.departments.is_empty()).then(HashSet::new);
        [by_role, by_group, by_department]
            .into_iter()
            .flatten()
            .reduce(|kept, next| kept.intersection(&next).copied().collect())
    }
}

/// One page of the users matching `query` in `fields` (as [`users::search`]: 2015 for a
/// field that cannot be searched) who pass the `membership` filters, newest first.
pub(crate) fn search<'p>(
    pool: &'p Pool,
    query: &str,
    fields: &[String],
    membership: &Membership,
    page: Page,
) -> Result<Paged<&'p UserRecord>, Failure> {
    let Some(admitted) = membership.admitted(pool) else {
        return users::search(pool, query, fields, page);
    };
    let every_match = users::search(pool, query, fields, Page::new(Some(1), Some(i32::MAX)))?;
    Ok(page.of(every_match
        .items
        .into_iter()
        .filter(|user| admitted.contains(user.id.as_str()))))
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use serde_json::json;

    use super::*;
    use crate::domain::roles::Assignment;
    use crate::store::DEFAULT_NAMESPACE;

    fn named(pool: &mut Pool, username: &str) -> String {
        let id = crate::domain::groups::tests::user(pool);
        pool.users
            .update(&id, |user| {
                user.fields.insert("username".into(), json!(username));
            })
            .expect("the user exists");
        id
    }

    fn names(found: &Paged<&UserRecord>) -> Vec<String> {
        found
            .items
            .iter()
            .filter_map(|user| user.str_field("username").map(str::to_owned))
            .collect()
    }

    fn roles_of(namespace: Option<&str>, codes: &[&str]) -> Vec<(Option<String>, String)> {
        codes
            .iter()
            .map(|code| (namespace.map(str::to_owned), (*code).to_owned()))
            .collect()
    }

    /// ann holds `admin`; bob holds `admin` of app1 and is in `ops`; cat is in `ops`;
    /// dan holds `viewer`.
    fn pool() -> Pool {
        let mut pool = Pool::random();
        let now = Utc::now();
        let [ann, bob, cat, dan] = ["ann", "bob", "cat", "dan"].map(|n| named(&mut pool, n));
        roles::create(&mut pool, DEFAULT_NAMESPACE, "admin", None, None, now).expect("admin");
        roles::create(&mut pool, DEFAULT_NAMESPACE, "viewer", None, None, now).expect("viewer");
        roles::create(&mut pool, "app1", "admin", None, None, now).expect("app admin");
        let give = |pool: &mut Pool, namespace: &str, code: &str, user: &str| {
            let assignment = Assignment {
                role_codes: vec![code.to_owned()],
                user_ids: vec![user.to_owned()],
                group_codes: Vec::new(),
            };
            roles::assign(pool, namespace, &assignment).expect("assign");
        };
        give(&mut pool, DEFAULT_NAMESPACE, "admin", &ann);
        give(&mut pool, "app1", "admin", &bob);
        give(&mut pool, DEFAULT_NAMESPACE, "viewer", &dan);
        groups::create(&mut pool, "ops", "Ops", None, now).expect("group");
        groups::add_users(&mut pool, "ops", &[bob, cat]).expect("members");
        pool
    }

    fn run(pool: &Pool, query: &str, membership: &Membership) -> Vec<String> {
        let fields = ["username".to_owned()];
        let found =
            search(pool, query, &fields, membership, Page::new(None, None)).expect("a search");
        names(&found)
    }

    #[test]
    fn no_filter_is_the_plain_search() {
        let pool = pool();
        assert_eq!(
            run(&pool, "", &Membership::default()),
            ["dan", "cat", "bob", "ann"]
        );
    }

    #[test]
    fn roles_are_addressed_by_namespace_and_code() {
        let pool = pool();
        let default_admin = Membership {
            roles: roles_of(None, &["admin"]),
            ..Membership::default()
        };
        assert_eq!(run(&pool, "", &default_admin), ["ann"]);
        let app_admin = Membership {
            roles: roles_of(Some("app1"), &["admin"]),
            ..Membership::default()
        };
        assert_eq!(run(&pool, "", &app_admin), ["bob"]);
        let either = Membership {
            roles: roles_of(None, &["admin", "viewer"]),
            ..Membership::default()
        };
        assert_eq!(run(&pool, "", &either), ["dan", "ann"], "one kind widens");
        assert_eq!(
            run(&pool, "d", &either),
            ["dan"],
            "and the keyword still applies"
        );
    }

    #[test]
    fn kinds_narrow_each_other() {
        let pool = pool();
        let ops = Membership {
            groups: vec!["ops".into()],
            ..Membership::default()
        };
        assert_eq!(run(&pool, "", &ops), ["cat", "bob"]);
        let ops_app_admins = Membership {
            roles: roles_of(Some("app1"), &["admin"]),
            groups: vec!["ops".into()],
            departments: Vec::new(),
        };
        assert_eq!(run(&pool, "", &ops_app_admins), ["bob"]);
        let ops_default_admins = Membership {
            roles: roles_of(None, &["admin"]),
            ..ops.clone()
        };
        assert!(run(&pool, "", &ops_default_admins).is_empty());
    }

    #[test]
    fn unknown_roles_groups_and_any_department_match_nobody() {
        let pool = pool();
        for membership in [
            Membership {
                roles: roles_of(None, &["nope"]),
                ..Membership::default()
            },
            Membership {
                groups: vec!["nope".into()],
                ..Membership::default()
            },
            Membership {
                departments: vec!["dep1".into()],
                ..Membership::default()
            },
        ] {
            assert!(run(&pool, "", &membership).is_empty(), "{membership:?}");
        }
    }

    #[test]
    fn pages_count_the_filtered_users() {
        let pool = pool();
        let ops = Membership {
            groups: vec!["ops".into()],
            ..Membership::default()
        };
        let fields = ["username".to_owned()];
        let second =
            search(&pool, "", &fields, &ops, Page::new(Some(2), Some(1))).expect("a search");
        assert_eq!(second.total, 2);
        assert_eq!(names(&second), ["bob"]);
        let bad = search(
            &pool,
            "",
            &["password".to_owned()],
            &ops,
            Page::new(None, None),
        );
        assert!(bad.is_err(), "an unsearchable field is still refused");
    }
}
