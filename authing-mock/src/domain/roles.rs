//! Roles: codes unique per namespace (2411 `ROLE_EXISTS` when taken, 2410 `ROLE_NOT_FOUND`
//! when missing: the fake's numbers, since Authing's published table has none for roles),
//! parents of the same namespace (a role inherits its ancestors), users and groups assigned
//! to roles (`assignRole` / `revokeRole`), and deletion that clears the role's links and
//! detaches its children.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::groups;
use super::target_refs::Scope;
use super::users::check_length;
use crate::failure::{Code, Failure};
use crate::store::{
    GROUP_ROLES, Page, Paged, Pool, Refusal, RoleRecord, TargetType, USER_GROUPS, USER_ROLES,
    UserRecord,
};

/// The longest role code, namespace or description.
const MAX_TEXT_CHARS: usize = 1024;

// For the authorisation evaluator and the policy checks (policies-acl), which merge later.
#[cfg_attr(not(test), allow(dead_code))]
/// The codes of `user_id`'s roles in `namespace`: assigned directly, through the user's
/// groups, and every ancestor of those through `parent`; each once, in that order.
pub(crate) fn user_role_codes(pool: &Pool, user_id: &str, namespace: &str) -> Vec<String> {
    user_roles(pool, user_id, namespace)
        .into_iter()
        .map(|role| role.code.clone())
        .collect()
}

/// `user_id`'s roles in `namespace` (see [`user_role_codes`]).
pub(crate) fn user_roles<'p>(
    pool: &'p Pool,
    user_id: &str,
    namespace: &str,
) -> Vec<&'p RoleRecord> {
    let direct = pool.links.rights(USER_ROLES, user_id).iter();
    let through_groups = pool
        .links
        .rights(USER_GROUPS, user_id)
        .iter()
        .flat_map(|group| pool.links.rights(GROUP_ROLES, group).iter());
    let mut seen = HashSet::new();
    let mut roles = Vec::new();
    for id in direct.chain(through_groups) {
        // Walk up the parents; `seen` also stops a cycle, should one ever be made.
        let mut next = Some(id.as_str());
        while let Some(id) = next {
            let Some(role) = pool.roles.get(id) else {
                break;
            };
            if role.namespace != namespace || !seen.insert(id) {
                break;
            }
            roles.push(role);
            next = role.parent.as_deref();
        }
    }
    roles
}

/// The role `code` of `namespace`, if any.
pub(crate) fn find<'p>(pool: &'p Pool, namespace: &str, code: &str) -> Option<&'p RoleRecord> {
    pool.roles.find("code", &RoleRecord::key(namespace, code))
}

/// The role `code` of `namespace` (2410 when there is none).
pub(crate) fn get<'p>(
    pool: &'p Pool,
    namespace: &str,
    code: &str,
) -> Result<&'p RoleRecord, Failure> {
    find(pool, namespace, code).ok_or_else(|| Failure::with_text(Code::RoleNotFound, code))
}

fn check_code(what: &str, code: &str) -> Result<(), Failure> {
    if code.trim().is_empty() {
        return Err(Failure::invalid_params(format!("{what} must not be empty")));
    }
    if code.contains('\u{1f}') {
        return Err(Failure::invalid_params(format!(
            "{what} holds a control character"
        )));
    }
    check_length(what, code, MAX_TEXT_CHARS)
}

fn refused(refusal: Refusal, code: &str) -> Failure {
    match refusal {
        Refusal::NotFound => Failure::with_text(Code::RoleNotFound, code),
        Refusal::Taken(_) => Failure::with_text(Code::RoleExists, code),
    }
}

/// Adds the role `code` to `namespace`, under the role `parent` of the same namespace when
/// given (2410 when the parent is missing, 2411 when the code is taken).
pub(crate) fn create<'p>(
    pool: &'p mut Pool,
    namespace: &str,
    code: &str,
    description: Option<&str>,
    parent: Option<&str>,
    now: DateTime<Utc>,
) -> Result<&'p RoleRecord, Failure> {
    check_code("namespace", namespace)?;
    check_code("code", code)?;
    if let Some(description) = description {
        check_length("description", description, MAX_TEXT_CHARS)?;
    }
    let parent = match parent {
        Some(parent) if !parent.is_empty() => Some(get(pool, namespace, parent)?.id.clone()),
        _ => None,
    };
    pool.roles
        .insert_with(|id| RoleRecord {
            id,
            namespace: namespace.to_owned(),
            code: code.to_owned(),
            description: description.map(str::to_owned),
            parent,
            created_at: now,
            updated_at: now,
        })
        .map_err(|refusal| refused(refusal, code))
}

/// Changes the role `code` of `namespace`: its description and code (2410 when missing,
/// 2411 when the new code is taken).
pub(crate) fn update<'p>(
    pool: &'p mut Pool,
    namespace: &str,
    code: &str,
    description: Option<String>,
    new_code: Option<String>,
    now: DateTime<Utc>,
) -> Result<&'p RoleRecord, Failure> {
    if let Some(new_code) = &new_code {
        check_code("newCode", new_code)?;
    }
    if let Some(description) = &description {
        check_length("description", description, MAX_TEXT_CHARS)?;
    }
    let id = get(pool, namespace, code)?.id.clone();
    let shown = new_code.clone().unwrap_or_else(|| code.to_owned());
    pool.roles
        .update(&id, |role| {
            if let Some(new_code) = new_code {
                role.code = new_code;
            }
            if description.is_some() {
                role.description = description;
            }
            role.updated_at = now;
        })
        .map_err(|refusal| refused(refusal, &shown))?;
    // Its policies and grants follow the new code (mgmtgaps).
    super::target_refs::rename(
        pool,
        Scope::Namespace(namespace),
        TargetType::Role,
        code,
        &shown,
    );
    pool.roles
        .get(&id)
        .ok_or_else(|| Failure::with_text(Code::RoleNotFound, &shown))
}

/// Deletes the roles `codes` of `namespace`, or none (2410 when one is missing): their
/// user and group links go, and their children lose their parent.
pub(crate) fn delete(pool: &mut Pool, namespace: &str, codes: &[String]) -> Result<usize, Failure> {
    let ids = codes
        .iter()
        .map(|code| get(pool, namespace, code).map(|role| role.id.clone()))
        .collect::<Result<Vec<_>, _>>()?;
    let mut deleted = 0;
    for code in codes {
        // The role's policy assignments and resource grants go with it (mgmtgaps).
        super::target_refs::forget(pool, Scope::Namespace(namespace), TargetType::Role, code);
    }
    for id in &ids {
        if pool.links.delete(&mut pool.roles, id).is_some() {
            deleted += 1;
        }
        // Its custom values too (mgmtgaps).
        pool.udvs
            .remove(&(crate::store::TargetKind::Role, id.clone()));
        let children: Vec<String> = pool
            .roles
            .iter()
            .filter(|role| role.parent.as_deref() == Some(id))
            .map(|role| role.id.clone())
            .collect();
        for child in children {
            // The child exists: it was just listed.
            let _ = pool.roles.update(&child, |role| role.parent = None);
        }
    }
    Ok(deleted)
}

/// One page of the roles of `namespace`, newest first (`CREATEDAT_DESC`, the schema's
/// default) or oldest first.
pub(crate) fn list<'p>(
    pool: &'p Pool,
    namespace: &str,
    oldest_first: bool,
    page: Page,
) -> Paged<&'p RoleRecord> {
    let in_namespace = |role: &&RoleRecord| role.namespace == namespace;
    if oldest_first {
        page.of(pool.roles.iter().filter(in_namespace))
    } else {
        page.of(pool.roles.iter().rev().filter(in_namespace))
    }
}

/// Who `assignRole` / `revokeRole` is about.
#[derive(Debug, Clone, Default)]
pub(crate) struct Assignment {
    /// The roles (by code, in the call's namespace).
    pub(crate) role_codes: Vec<String>,
    pub(crate) user_ids: Vec<String>,
    pub(crate) group_codes: Vec<String>,
}

/// The ids of the assignment's roles and groups, once every role, user and group is known
/// (2410, 2004, 2420 otherwise).
fn resolve(
    pool: &Pool,
    namespace: &str,
    assignment: &Assignment,
) -> Result<(Vec<String>, Vec<String>), Failure> {
    if assignment.role_codes.is_empty() {
        return Err(Failure::invalid_params("roleCode or roleCodes is required"));
    }
    let roles = assignment
        .role_codes
        .iter()
        .map(|code| get(pool, namespace, code).map(|role| role.id.clone()))
        .collect::<Result<Vec<_>, _>>()?;
    groups::check_users(pool, &assignment.user_ids)?;
    let groups = assignment
        .group_codes
        .iter()
        .map(|code| groups::get(pool, code).map(|group| group.id.clone()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((roles, groups))
}

/// Gives the roles to the users and groups (already-held roles stay once).
pub(crate) fn assign(
    pool: &mut Pool,
    namespace: &str,
    assignment: &Assignment,
) -> Result<(), Failure> {
    let (roles, groups) = resolve(pool, namespace, assignment)?;
    for role in &roles {
        for user in &assignment.user_ids {
            pool.links.link(USER_ROLES, user, role);
        }
        for group in &groups {
            pool.links.link(GROUP_ROLES, group, role);
        }
    }
    Ok(())
}

/// Takes the roles from the users and groups (roles not held are ignored).
pub(crate) fn revoke(
    pool: &mut Pool,
    namespace: &str,
    assignment: &Assignment,
) -> Result<(), Failure> {
    let (roles, groups) = resolve(pool, namespace, assignment)?;
    for role in &roles {
        for user in &assignment.user_ids {
            pool.links.unlink(USER_ROLES, user, role);
        }
        for group in &groups {
            pool.links.unlink(GROUP_ROLES, group, role);
        }
    }
    Ok(())
}

/// The users assigned `role_id` directly, in the order they were assigned.
pub(crate) fn members<'p>(pool: &'p Pool, role_id: &str) -> impl Iterator<Item = &'p UserRecord> {
    pool.links
        .lefts(USER_ROLES, role_id)
        .iter()
        .filter_map(|id| pool.users.get(id))
}

/// One page of the users of the role `code` whose username, email, phone, nickname or
/// name contains `search` (case-insensitive; everyone when empty): `/api/v2/roles/roleUsers`.
pub(crate) fn find_users<'p>(
    pool: &'p Pool,
    namespace: &str,
    code: &str,
    search: &str,
    page: Page,
) -> Result<Paged<&'p UserRecord>, Failure> {
    let role = get(pool, namespace, code)?;
    let needle = search.trim().to_lowercase();
    let matching = members(pool, &role.id).filter(|user| {
        needle.is_empty()
            || super::users::DEFAULT_SEARCH_FIELDS.iter().any(|field| {
                user.str_field(field)
                    .is_some_and(|value| value.to_lowercase().contains(&needle))
            })
    });
    Ok(page.of(matching))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::groups::tests::user;

    fn assignment(roles: &[&str], users: &[&str], groups: &[&str]) -> Assignment {
        let owned = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect();
        Assignment {
            role_codes: owned(roles),
            user_ids: owned(users),
            group_codes: owned(groups),
        }
    }

    #[test]
    fn inheritance_groups_and_deletion() {
        let mut pool = Pool::random();
        let now = Utc::now();
        let ns = crate::store::DEFAULT_NAMESPACE;
        create(&mut pool, ns, "staff", None, None, now).expect("root");
        create(&mut pool, ns, "admin", Some("all"), Some("staff"), now).expect("child");
        create(&mut pool, ns, "auditor", None, None, now).expect("other");
        create(&mut pool, "app1", "admin", None, None, now).expect("same code elsewhere");
        assert_eq!(
            create(&mut pool, ns, "admin", None, None, now)
                .expect_err("taken")
                .number(),
            2411
        );
        assert_eq!(
            create(&mut pool, ns, "x", None, Some("nope"), now)
                .expect_err("no parent")
                .number(),
            2410
        );
        assert_eq!(
            create(&mut pool, "app1", "x", None, Some("staff"), now)
                .expect_err("parent of another namespace")
                .number(),
            2410
        );

        let alice = user(&mut pool);
        let bob = user(&mut pool);
        groups::create(&mut pool, "audit", "Audit", None, now).expect("group");
        groups::add_users(&mut pool, "audit", std::slice::from_ref(&alice)).expect("joins");
        assign(&mut pool, ns, &assignment(&["admin"], &[&alice], &[])).expect("direct");
        assign(&mut pool, ns, &assignment(&["auditor"], &[], &["audit"])).expect("group");
        assign(&mut pool, "app1", &assignment(&["admin"], &[&bob], &[])).expect("app role");
        assert_eq!(
            user_role_codes(&pool, &alice, ns),
            ["admin", "staff", "auditor"]
        );
        assert!(user_role_codes(&pool, &alice, "app1").is_empty());
        assert_eq!(user_role_codes(&pool, &bob, "app1"), ["admin"]);
        assert!(user_role_codes(&pool, &bob, ns).is_empty());
        assert_eq!(
            assign(&mut pool, ns, &assignment(&["admin"], &["ghost"], &[]))
                .expect_err("no user")
                .number(),
            2004
        );
        assert_eq!(
            assign(&mut pool, ns, &assignment(&["admin"], &[], &["ghosts"]))
                .expect_err("no group")
                .number(),
            2420
        );

        let listed = list(&pool, ns, false, Page::new(None, None));
        assert_eq!(listed.total, 3);
        assert_eq!(listed.items[0].code, "auditor");
        update(&mut pool, ns, "staff", None, Some("employee".into()), now).expect("renamed");
        assert_eq!(
            user_role_codes(&pool, &alice, ns),
            ["admin", "employee", "auditor"]
        );

        delete(&mut pool, ns, &["employee".into()]).expect("deleted");
        assert_eq!(user_role_codes(&pool, &alice, ns), ["admin", "auditor"]);
        assert!(get(&pool, ns, "admin").expect("stays").parent.is_none());
        revoke(&mut pool, ns, &assignment(&["auditor"], &[], &["audit"])).expect("revoked");
        assert_eq!(user_role_codes(&pool, &alice, ns), ["admin"]);
        let found = find_users(&pool, ns, "admin", "", Page::new(None, None)).expect("role");
        assert_eq!(found.total, 1);
        groups::delete(&mut pool, &["audit".into()]).expect("group gone");
        delete(&mut pool, ns, &["admin".into()]).expect("deleted");
        assert!(user_role_codes(&pool, &alice, ns).is_empty());
        assert!(pool.links.rights(USER_ROLES, &alice).is_empty());
    }
}
