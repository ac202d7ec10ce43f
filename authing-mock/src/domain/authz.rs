//! The authorization evaluator: what a user (with their roles, inherited roles and groups)
//! or any one target may do, from the enabled policy assignments of a namespace.
//!
//! Statements come from the policies assigned to the principals and from their resource
//! grants (`domain::acl`). Rules: a statement applies when its resource pattern matches the resource and one of its
//! action patterns matches the action; a pattern is `*` (anything), `prefix:*` (anything
//! under `prefix:`, and `prefix` itself) or exact. Any applying DENY wins over every ALLOW;
//! nothing applying means no. Conditions are kept but not evaluated.

use std::collections::BTreeMap;

use crate::domain::{groups, roles};
use crate::store::{Effect, Pool, Statement, TargetType};

/// Whether `pattern` (as Authing writes resources and actions) covers `value`.
pub(crate) fn covers(pattern: &str, value: &str) -> bool {
    if pattern == "*" || pattern == value {
        return true;
    }
    match pattern.strip_suffix(":*") {
        Some(prefix) => {
            value == prefix
                || value
                    .strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with(':'))
        }
        None => false,
    }
}

/// Who acts when `target` acts: a user is themselves, their roles (with inherited ones and
/// those of their groups) and their groups; any other target is itself.
fn principals(
    pool: &Pool,
    namespace: &str,
    target: (TargetType, &str),
) -> Vec<(TargetType, String)> {
    let mut all = vec![(target.0, target.1.to_owned())];
    if target.0 == TargetType::User {
        all.extend(
            roles::user_role_codes(pool, target.1, namespace)
                .into_iter()
                .map(|code| (TargetType::Role, code)),
        );
        all.extend(
            groups::user_group_codes(pool, target.1)
                .into_iter()
                .map(|code| (TargetType::Group, code)),
        );
    }
    all
}

/// The statements that apply to the principals of `target`: those of every enabled policy
/// assigned to them, and their resource grants (`allow`, `authorizeResource`: an ALLOW
/// statement each).
fn statements<'p>(
    pool: &'p Pool,
    namespace: &str,
    target: (TargetType, &str),
) -> Vec<&'p Statement> {
    let who = principals(pool, namespace, target);
    let holds = |kind: TargetType, id: &str| who.iter().any(|(t, w)| *t == kind && w == id);
    let from_policies = pool
        .policy_assignments
        .iter()
        .filter(|a| {
            a.enabled && a.namespace == namespace && holds(a.target_type, &a.target_identifier)
        })
        .filter_map(|a| crate::domain::policies::get(pool, namespace, &a.policy).ok())
        .flat_map(|p| p.statements.iter());
    let from_grants = pool
        .resource_grants
        .iter()
        .filter(|g| g.namespace == namespace && holds(g.target_type, &g.target_identifier))
        .map(|g| &g.statement);
    from_policies.chain(from_grants).collect()
}

/// Whether `target` may do `action` on `resource` (`isActionAllowed` for a user).
pub(crate) fn is_allowed(
    pool: &Pool,
    namespace: &str,
    target: (TargetType, &str),
    resource: &str,
    action: &str,
) -> bool {
    let applying: Vec<&Statement> = statements(pool, namespace, target)
        .into_iter()
        .filter(|s| covers(&s.resource, resource) && s.actions.iter().any(|a| covers(a, action)))
        .collect();
    !applying.iter().any(|s| s.effect == Effect::Deny)
        && applying.iter().any(|s| s.effect == Effect::Allow)
}

/// Whether a DENY statement of `target`'s applies to `action` on `resource`
/// (`isActionDenied`): explicitly denied, not merely not allowed.
pub(crate) fn is_denied(
    pool: &Pool,
    namespace: &str,
    target: (TargetType, &str),
    resource: &str,
    action: &str,
) -> bool {
    statements(pool, namespace, target).into_iter().any(|s| {
        s.effect == Effect::Deny
            && covers(&s.resource, resource)
            && s.actions.iter().any(|a| covers(a, action))
    })
}

/// The resources `target` is allowed something on, each with its allowed actions less those
/// a DENY on the same resource takes away; in resource order (`authorizedResources`).
pub(crate) fn authorized_resources(
    pool: &Pool,
    namespace: &str,
    target: (TargetType, &str),
) -> Vec<(String, Vec<String>)> {
    let all = statements(pool, namespace, target);
    let mut granted: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for statement in all.iter().filter(|s| s.effect == Effect::Allow) {
        let actions = granted.entry(statement.resource.clone()).or_default();
        for action in &statement.actions {
            if !actions.contains(action) {
                actions.push(action.clone());
            }
        }
    }
    for deny in all.iter().filter(|s| s.effect == Effect::Deny) {
        for (resource, actions) in &mut granted {
            if covers(&deny.resource, resource) {
                actions.retain(|a| !deny.actions.iter().any(|d| covers(d, a)));
            }
        }
    }
    granted.into_iter().filter(|(_, a)| !a.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policies;
    use chrono::Utc;

    #[test]
    fn patterns() {
        let table = [
            ("*", "books:1", true),
            ("books:*", "books:1", true),
            ("books:*", "books", true),
            ("books:*", "bookshelf:1", false),
            ("books:1", "books:1", true),
            ("books:1", "books:2", false),
            ("books:read", "books:write", false),
            ("books:*", "books:read", true),
        ];
        for (pattern, value, expected) in table {
            assert_eq!(covers(pattern, value), expected, "{pattern} vs {value}");
        }
    }

    fn st(resource: &str, action: &str, effect: Effect) -> Statement {
        Statement {
            resource: resource.into(),
            actions: vec![action.into()],
            effect,
            conditions: Vec::new(),
        }
    }

    #[test]
    fn deny_wins_and_disabled_grants_nothing() {
        let mut pool = Pool::random();
        let user = crate::domain::users::create(
            &mut pool,
            crate::domain::users::NewUser::default(),
            Utc::now(),
        )
        .expect("user")
        .id
        .clone();
        let now = Utc::now();
        let me = (TargetType::User, user.as_str());
        policies::create(
            &mut pool,
            "default",
            "read",
            None,
            vec![st("books:*", "books:read", Effect::Allow)],
            now,
        )
        .expect("policy");
        policies::create(
            &mut pool,
            "default",
            "no-secret",
            None,
            vec![st("books:secret", "*", Effect::Deny)],
            now,
        )
        .expect("policy");
        // (policy, resource, action, expected) after each step.
        assert!(
            !is_allowed(&pool, "default", me, "books:1", "books:read"),
            "nothing assigned"
        );
        policies::assign(
            &mut pool,
            "default",
            &["read".into()],
            TargetType::User,
            std::slice::from_ref(&user),
            false,
        )
        .expect("assign");
        let table = [
            ("books:1", "books:read", true),
            ("books:secret", "books:read", true),
            ("books:1", "books:write", false),
            ("films:1", "books:read", false),
        ];
        for (resource, action, expected) in table {
            assert_eq!(
                is_allowed(&pool, "default", me, resource, action),
                expected,
                "{resource} {action}"
            );
        }
        assert!(
            !is_allowed(&pool, "other", me, "books:1", "books:read"),
            "namespaces are apart"
        );
        policies::assign(
            &mut pool,
            "default",
            &["no-secret".into()],
            TargetType::User,
            std::slice::from_ref(&user),
            false,
        )
        .expect("assign");
        assert!(
            !is_allowed(&pool, "default", me, "books:secret", "books:read"),
            "deny wins"
        );
        assert!(is_allowed(&pool, "default", me, "books:1", "books:read"));
        assert_eq!(
            authorized_resources(&pool, "default", me),
            vec![("books:*".to_owned(), vec!["books:read".to_owned()])]
        );
        policies::set_enabled(&mut pool, "default", "read", TargetType::User, &user, false)
            .expect("off");
        assert!(
            !is_allowed(&pool, "default", me, "books:1", "books:read"),
            "disabled"
        );
        assert!(authorized_resources(&pool, "default", me).is_empty());
    }
}
