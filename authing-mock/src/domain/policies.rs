//! Policies and their assignments: codes unique per namespace, statements checked on the
//! way in, assignments to users, roles, groups and org nodes that can be turned off, and
//! deleting a policy takes its assignments with it.
//!
//! Authing refuses a missing or duplicate policy with 2231 (invalid parameters) and says
//! which; the fake does the same, in both languages.

use chrono::{DateTime, Utc};

use crate::failure::{Failure, Message};
use crate::store::{
    AssignmentRecord, Page, Paged, PolicyRecord, Pool, Refusal, Statement, TargetType, policy_key,
};

const POLICY_NOT_FOUND: Message = Message {
    zh: "策略不存在",
    en: "the policy does not exist",
};
const POLICY_EXISTS: Message = Message {
    zh: "策略 code 已存在",
    en: "a policy with this code already exists",
};
const ASSIGNMENT_NOT_FOUND: Message = Message {
    zh: "策略授权记录不存在",
    en: "the policy is not assigned to this target",
};

fn not_found() -> Failure {
    Failure::with_words(crate::failure::Code::InvalidParams, POLICY_NOT_FOUND)
}

fn exists() -> Failure {
    Failure::with_words(crate::failure::Code::InvalidParams, POLICY_EXISTS)
}

/// A code must say something.
fn check_code(code: &str) -> Result<(), Failure> {
    if code.trim().is_empty() {
        return Err(Failure::invalid_params("code"));
    }
    Ok(())
}

/// A statement names a resource and at least one action.
fn check_statements(statements: &[Statement]) -> Result<(), Failure> {
    for statement in statements {
        if statement.resource.trim().is_empty() {
            return Err(Failure::invalid_params("statements.resource"));
        }
        if statement.actions.is_empty() || statement.actions.iter().any(|a| a.trim().is_empty()) {
            return Err(Failure::invalid_params("statements.actions"));
        }
    }
    Ok(())
}

/// The policy `code` of `namespace`.
pub(crate) fn get<'p>(
    pool: &'p Pool,
    namespace: &str,
    code: &str,
) -> Result<&'p PolicyRecord, Failure> {
    pool.policies
        .find("code", &policy_key(namespace, code))
        .ok_or_else(not_found)
}

/// Creates a policy; 2231 when the code is taken in the namespace.
pub(crate) fn create<'p>(
    pool: &'p mut Pool,
    namespace: &str,
    code: &str,
    description: Option<String>,
    statements: Vec<Statement>,
    now: DateTime<Utc>,
) -> Result<&'p PolicyRecord, Failure> {
    check_code(code)?;
    check_statements(&statements)?;
    pool.policies
        .insert_with(|id| PolicyRecord {
            id,
            namespace: namespace.to_owned(),
            code: code.to_owned(),
            description,
            statements,
            created_at: now,
            updated_at: now,
        })
        .map_err(|_| exists())
}

/// One page of a namespace's policies, newest first.
pub(crate) fn list<'p>(pool: &'p Pool, namespace: &str, page: Page) -> Paged<&'p PolicyRecord> {
    page.of(pool
        .policies
        .iter()
        .rev()
        .filter(|p| p.namespace == namespace))
}

/// How many objects hold the policy.
pub(crate) fn assignments_count(pool: &Pool, namespace: &str, code: &str) -> usize {
    pool.policy_assignments
        .iter()
        .filter(|a| a.namespace == namespace && a.policy == code)
        .count()
}

/// What an update changes; `None` leaves a field alone.
#[derive(Debug, Default)]
pub(crate) struct PolicyChanges {
    pub(crate) description: Option<String>,
    pub(crate) statements: Option<Vec<Statement>>,
    pub(crate) new_code: Option<String>,
}

/// Changes a policy; a new code carries its assignments along.
pub(crate) fn update<'p>(
    pool: &'p mut Pool,
    namespace: &str,
    code: &str,
    changes: PolicyChanges,
    now: DateTime<Utc>,
) -> Result<&'p PolicyRecord, Failure> {
    if let Some(statements) = &changes.statements {
        check_statements(statements)?;
    }
    if let Some(new_code) = &changes.new_code {
        check_code(new_code)?;
    }
    let id = get(pool, namespace, code)?.id.clone();
    let renamed = changes.new_code.clone().filter(|c| c != code);
    pool.policies
        .update(&id, |policy| {
            if let Some(description) = changes.description {
                policy.description = Some(description);
            }
            if let Some(statements) = changes.statements {
                policy.statements = statements;
            }
            if let Some(new_code) = changes.new_code {
                policy.code = new_code;
            }
            policy.updated_at = now;
        })
        .map_err(|refusal| match refusal {
            Refusal::NotFound => not_found(),
            Refusal::Taken(_) => exists(),
        })?;
    if let Some(new_code) = &renamed {
        let held: Vec<String> = pool
            .policy_assignments
            .iter()
            .filter(|a| a.namespace == namespace && a.policy == code)
            .map(|a| a.id.clone())
            .collect();
        for assignment in held {
            pool.policy_assignments
                .update(&assignment, |a| a.policy.clone_from(new_code))
                .map_err(|_| Failure::internal("policy assignment moved"))?;
        }
    }
    get(pool, namespace, renamed.as_deref().unwrap_or(code))
}

/// Deletes the policies `codes` of `namespace` and their assignments: all, or none when one
/// does not exist.
pub(crate) fn delete(pool: &mut Pool, namespace: &str, codes: &[String]) -> Result<(), Failure> {
    let ids = codes
        .iter()
        .map(|code| get(pool, namespace, code).map(|p| p.id.clone()))
        .collect::<Result<Vec<_>, _>>()?;
    for id in ids {
        pool.policies.remove(&id);
    }
    let orphaned: Vec<String> = pool
        .policy_assignments
        .iter()
        .filter(|a| a.namespace == namespace && codes.contains(&a.policy))
        .map(|a| a.id.clone())
        .collect();
    for id in orphaned {
        pool.policy_assignments.remove(&id);
    }
    Ok(())
}

/// Which assignments a listing wants; `None` matches any.
#[derive(Debug, Default)]
pub(crate) struct AssignmentFilter {
    pub(crate) code: Option<String>,
    pub(crate) target_type: Option<TargetType>,
    pub(crate) target_identifier: Option<String>,
}

/// One page of a namespace's assignments, oldest first.
pub(crate) fn list_assignments<'p>(
    pool: &'p Pool,
    namespace: &str,
    filter: &AssignmentFilter,
    page: Page,
) -> Paged<&'p AssignmentRecord> {
    page.of(pool.policy_assignments.iter().filter(|a| {
        a.namespace == namespace
            && filter.code.as_ref().is_none_or(|c| &a.policy == c)
            && filter.target_type.is_none_or(|t| a.target_type == t)
            && filter
                .target_identifier
                .as_ref()
                .is_none_or(|t| &a.target_identifier == t)
    }))
}

/// A user target must exist (2004); roles, groups and org nodes are named by code or id and
/// taken as given.
fn check_target(pool: &Pool, target_type: TargetType, target: &str) -> Result<(), Failure> {
    if target.trim().is_empty() {
        return Err(Failure::invalid_params("targetIdentifiers"));
    }
    if target_type == TargetType::User {
        crate::domain::users::get(pool, target)?;
    }
    Ok(())
}

/// Gives every policy of `policies` to every target (enabled); giving one twice is a no-op.
pub(crate) fn assign(
    pool: &mut Pool,
    namespace: &str,
    policies: &[String],
    target_type: TargetType,
    targets: &[String],
    inherit_by_children: bool,
) -> Result<(), Failure> {
    for code in policies {
        get(pool, namespace, code)?;
    }
    for target in targets {
        check_target(pool, target_type, target)?;
    }
    for policy in policies {
        for target in targets {
            // Taken means it is assigned already: nothing to do.
            let _already = pool.policy_assignments.insert_with(|id| AssignmentRecord {
                id,
                namespace: namespace.to_owned(),
                policy: policy.clone(),
                target_type,
                target_identifier: target.clone(),
                enabled: true,
                inherit_by_children,
            });
        }
    }
    Ok(())
}

fn assignment_id(
    pool: &Pool,
    namespace: &str,
    policy: &str,
    target_type: TargetType,
    target: &str,
) -> Option<String> {
    pool.policy_assignments
        .iter()
        .find(|a| {
            a.namespace == namespace
                && a.policy == policy
                && a.target_type == target_type
                && a.target_identifier == target
        })
        .map(|a| a.id.clone())
}

/// Takes every policy of `policies` from every target; ones not held are skipped.
pub(crate) fn unassign(
    pool: &mut Pool,
    namespace: &str,
    policies: &[String],
    target_type: TargetType,
    targets: &[String],
) -> Result<(), Failure> {
    for code in policies {
        get(pool, namespace, code)?;
    }
    for policy in policies {
        for target in targets {
            if let Some(id) = assignment_id(pool, namespace, policy, target_type, target) {
                pool.policy_assignments.remove(&id);
            }
        }
    }
    Ok(())
}

/// Turns one assignment on or off; 2231 when the policy is not assigned to the target.
pub(crate) fn set_enabled(
    pool: &mut Pool,
    namespace: &str,
    policy: &str,
    target_type: TargetType,
    target: &str,
    enabled: bool,
) -> Result<(), Failure> {
    get(pool, namespace, policy)?;
    let id = assignment_id(pool, namespace, policy, target_type, target).ok_or_else(|| {
        Failure::with_words(crate::failure::Code::InvalidParams, ASSIGNMENT_NOT_FOUND)
    })?;
    pool.policy_assignments
        .update(&id, |a| a.enabled = enabled)
        .map_err(|_| Failure::internal("policy assignment vanished"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Effect;

    fn statement(resource: &str, action: &str) -> Statement {
        Statement {
            resource: resource.into(),
            actions: vec![action.into()],
            effect: Effect::Allow,
            conditions: Vec::new(),
        }
    }

    fn pool_with_user() -> (Pool, String) {
        let mut pool = Pool::random();
        let id = crate::domain::users::create(
            &mut pool,
            crate::domain::users::NewUser::default(),
            Utc::now(),
        )
        .expect("user")
        .id
        .clone();
        (pool, id)
    }

    #[test]
    fn codes_are_unique_per_namespace() {
        let mut pool = Pool::random();
        let now = Utc::now();
        create(
            &mut pool,
            "default",
            "p",
            None,
            vec![statement("books:*", "*")],
            now,
        )
        .expect("created");
        let again = create(&mut pool, "default", "p", None, Vec::new(), now).expect_err("taken");
        assert_eq!(again.number(), 2231);
        create(&mut pool, "app1", "p", None, Vec::new(), now).expect("other namespace");
        assert_eq!(list(&pool, "default", Page::new(None, None)).total, 1);
        let empty = create(
            &mut pool,
            "default",
            "q",
            None,
            vec![statement("", "*")],
            now,
        );
        assert_eq!(empty.expect_err("no resource").number(), 2231);
    }

    #[test]
    fn renaming_and_deleting_carry_assignments() {
        let (mut pool, user) = pool_with_user();
        let now = Utc::now();
        create(
            &mut pool,
            "default",
            "p",
            None,
            vec![statement("books:*", "*")],
            now,
        )
        .expect("created");
        assign(
            &mut pool,
            "default",
            &["p".into()],
            TargetType::User,
            std::slice::from_ref(&user),
            false,
        )
        .expect("assigned");
        assign(
            &mut pool,
            "default",
            &["p".into()],
            TargetType::User,
            std::slice::from_ref(&user),
            false,
        )
        .expect("twice is a no-op");
        assert_eq!(assignments_count(&pool, "default", "p"), 1);
        let ghost = assign(
            &mut pool,
            "default",
            &["p".into()],
            TargetType::User,
            &["nobody".into()],
            false,
        );
        assert_eq!(ghost.expect_err("no such user").number(), 2004);
        let changes = PolicyChanges {
            new_code: Some("q".into()),
            ..PolicyChanges::default()
        };
        update(&mut pool, "default", "p", changes, now).expect("renamed");
        assert_eq!(assignments_count(&pool, "default", "q"), 1);
        set_enabled(&mut pool, "default", "q", TargetType::User, &user, false).expect("off");
        let filter = AssignmentFilter {
            target_identifier: Some(user.clone()),
            ..AssignmentFilter::default()
        };
        let page = list_assignments(&pool, "default", &filter, Page::new(None, None));
        assert_eq!(page.total, 1);
        assert!(!page.items[0].enabled);
        let missing = delete(&mut pool, "default", &["q".into(), "zz".into()]);
        assert_eq!(missing.expect_err("all or none").number(), 2231);
        assert_eq!(list(&pool, "default", Page::new(None, None)).total, 1);
        delete(&mut pool, "default", &["q".into()]).expect("deleted");
        assert_eq!(assignments_count(&pool, "default", "q"), 0);
        let none = set_enabled(&mut pool, "default", "q", TargetType::User, &user, true);
        assert_eq!(none.expect_err("gone").number(), 2231);
    }
}
