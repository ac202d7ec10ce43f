//! What other records say about a role or a group by its code: the policies assigned to it
//! and its resource grants. A rename carries them to the new code, so the renamed role keeps
//! what it may do; a deletion takes them, so a new role given the old code starts with
//! nothing (mgmtgaps). A deleted user's assignments and grants (by user id) go the same way.

use crate::store::{AssignmentRecord, GrantRecord, Pool, Record, Table, TargetType};

/// Where the code names the target: a role's code is unique in its namespace, a group's in
/// the pool.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope<'a> {
    /// Only records of this namespace (a role).
    Namespace(&'a str),
    /// Records of every namespace (a group).
    Everywhere,
}

impl Scope<'_> {
    fn covers(self, namespace: &str) -> bool {
        match self {
            Self::Namespace(own) => own == namespace,
            Self::Everywhere => true,
        }
    }
}

/// Removes the policy assignments and resource grants naming `kind` `code` in `scope`.
pub(crate) fn forget(pool: &mut Pool, scope: Scope<'_>, kind: TargetType, code: &str) {
    let assignments: Vec<String> = pool
        .policy_assignments
        .iter()
        .filter(|a| a.names(scope, kind, code))
        .map(|a| a.id.clone())
        .collect();
    for id in &assignments {
        pool.policy_assignments.remove(id);
    }
    match scope {
        Scope::Namespace(namespace) => super::acl::forget_target(pool, namespace, kind, code),
        Scope::Everywhere => super::acl::forget_target_everywhere(pool, kind, code),
    }
}

/// Points the policy assignments and resource grants naming `kind` `from` in `scope` at
/// `to`. One the new code already holds stays once.
pub(crate) fn rename(pool: &mut Pool, scope: Scope<'_>, kind: TargetType, from: &str, to: &str) {
    if from == to {
        return;
    }
    retarget(&mut pool.policy_assignments, scope, kind, from, to);
    retarget(&mut pool.resource_grants, scope, kind, from, to);
}

/// A record that names a target in a namespace: a policy assignment or a resource grant.
trait NamesTarget: Record {
    fn names(&self, scope: Scope<'_>, kind: TargetType, code: &str) -> bool;
    fn point_at(&mut self, code: &str);
}

impl NamesTarget for AssignmentRecord {
    fn names(&self, scope: Scope<'_>, kind: TargetType, code: &str) -> bool {
        self.target_type == kind && self.target_identifier == code && scope.covers(&self.namespace)
    }

    fn point_at(&mut self, code: &str) {
        code.clone_into(&mut self.target_identifier);
    }
}

impl NamesTarget for GrantRecord {
    fn names(&self, scope: Scope<'_>, kind: TargetType, code: &str) -> bool {
        self.target_type == kind && self.target_identifier == code && scope.covers(&self.namespace)
    }

    fn point_at(&mut self, code: &str) {
        code.clone_into(&mut self.target_identifier);
    }
}

/// Points the records of `table` naming `kind` `from` in `scope` at `to`; a record the new
/// code already holds (its unique key taken) is dropped instead, so it stays once.
fn retarget<R: NamesTarget>(
    table: &mut Table<R>,
    scope: Scope<'_>,
    kind: TargetType,
    from: &str,
    to: &str,
) {
    let ids: Vec<String> = table
        .iter()
        .filter(|record| record.names(scope, kind, from))
        .map(|record| record.id().to_owned())
        .collect();
    for id in &ids {
        if table.update(id, |record| record.point_at(to)).is_err() {
            table.remove(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::domain::groups::tests::user;
    use crate::domain::roles::Assignment;
    use crate::domain::{authz, groups, policies, roles};
    use crate::store::{DEFAULT_NAMESPACE, Effect, Statement};

    const NS: &str = DEFAULT_NAMESPACE;

    /// A pool with `read-books` (allow books:read) and one user.
    fn pool() -> (Pool, String) {
        let mut pool = Pool::random();
        let statement = Statement {
            resource: "books".into(),
            actions: vec!["read".into()],
            effect: Effect::Allow,
            conditions: Vec::new(),
        };
        policies::create(
            &mut pool,
            NS,
            "read-books",
            None,
            vec![statement],
            Utc::now(),
        )
        .expect("policy");
        let ann = user(&mut pool);
        (pool, ann)
    }

    fn reads(pool: &Pool, user: &str) -> bool {
        authz::is_allowed(pool, NS, (TargetType::User, user), "books", "read")
    }

    fn give_role(pool: &mut Pool, code: &str, user: &str) {
        let assignment = Assignment {
            role_codes: vec![code.to_owned()],
            user_ids: vec![user.to_owned()],
            group_codes: Vec::new(),
        };
        roles::assign(pool, NS, &assignment).expect("assign");
    }

    fn assigned(pool: &Pool, kind: TargetType) -> Vec<&str> {
        pool.policy_assignments
            .iter()
            .filter(|a| a.target_type == kind)
            .map(|a| a.target_identifier.as_str())
            .collect()
    }

    #[test]
    fn a_renamed_role_keeps_its_policies() {
        let (mut pool, ann) = pool();
        roles::create(&mut pool, NS, "reader", None, None, Utc::now()).expect("role");
        let policy = ["read-books".to_owned()];
        policies::assign(
            &mut pool,
            NS,
            &policy,
            TargetType::Role,
            &["reader".into()],
            false,
        )
        .expect("assign");
        give_role(&mut pool, "reader", &ann);
        assert!(reads(&pool, &ann));
        roles::update(
            &mut pool,
            NS,
            "reader",
            None,
            Some("viewer".into()),
            Utc::now(),
        )
        .expect("renamed");
        assert!(reads(&pool, &ann), "the policy follows the new code");
        assert_eq!(assigned(&pool, TargetType::Role), ["viewer"]);
    }

    #[test]
    fn a_deleted_user_takes_their_policies_with_them() {
        let (mut pool, ann) = pool();
        let policy = ["read-books".to_owned()];
        policies::assign(
            &mut pool,
            NS,
            &policy,
            TargetType::User,
            std::slice::from_ref(&ann),
            false,
        )
        .expect("assign");
        assert!(reads(&pool, &ann));
        crate::domain::users::delete(&mut pool, std::slice::from_ref(&ann)).expect("deleted");
        assert!(assigned(&pool, TargetType::User).is_empty());
    }

    #[test]
    fn a_deleted_role_takes_its_policies_with_it() {
        let (mut pool, ann) = pool();
        roles::create(&mut pool, NS, "reader", None, None, Utc::now()).expect("role");
        let policy = ["read-books".to_owned()];
        policies::assign(
            &mut pool,
            NS,
            &policy,
            TargetType::Role,
            &["reader".into()],
            false,
        )
        .expect("assign");
        roles::delete(&mut pool, NS, &["reader".into()]).expect("deleted");
        assert!(assigned(&pool, TargetType::Role).is_empty());
        // A new role with the old code starts with nothing.
        roles::create(&mut pool, NS, "reader", None, None, Utc::now()).expect("again");
        give_role(&mut pool, "reader", &ann);
        assert!(!reads(&pool, &ann));
    }

    #[test]
    fn groups_rename_and_delete_the_same_way() {
        let (mut pool, ann) = pool();
        groups::create(&mut pool, "staff", "Staff", None, Utc::now()).expect("group");
        groups::add_users(&mut pool, "staff", std::slice::from_ref(&ann)).expect("member");
        let policy = ["read-books".to_owned()];
        policies::assign(
            &mut pool,
            NS,
            &policy,
            TargetType::Group,
            &["staff".into()],
            false,
        )
        .expect("assign");
        let change = groups::GroupChange {
            new_code: Some("crew".into()),
            ..Default::default()
        };
        groups::update(&mut pool, "staff", change, Utc::now()).expect("renamed");
        assert!(reads(&pool, &ann));
        assert_eq!(assigned(&pool, TargetType::Group), ["crew"]);
        groups::delete(&mut pool, &["crew".into()]).expect("deleted");
        assert!(assigned(&pool, TargetType::Group).is_empty());
        assert!(!reads(&pool, &ann));
    }

    #[test]
    fn renaming_onto_a_held_assignment_keeps_one() {
        let (mut pool, _) = pool();
        let policy = ["read-books".to_owned()];
        let both = ["a".to_owned(), "b".to_owned()];
        policies::assign(&mut pool, NS, &policy, TargetType::Role, &both, false).expect("assign");
        rename(&mut pool, Scope::Namespace(NS), TargetType::Role, "a", "b");
        assert_eq!(assigned(&pool, TargetType::Role), ["b"]);
        forget(
            &mut pool,
            Scope::Namespace("elsewhere"),
            TargetType::Role,
            "b",
        );
        assert_eq!(
            assigned(&pool, TargetType::Role),
            ["b"],
            "another namespace's"
        );
    }
}
