//! Resources and the permissions targets hold on them.
//!
//! A resource is a code unique in its namespace (2431 `RESOURCE_EXISTS`, 2430
//! `RESOURCE_NOT_FOUND`: the fake's numbers, Authing publishes none), a kind (`DATA`,
//! `API`, ...) and the actions it offers. `allow` and `authorizeResource` give targets
//! (users, roles, groups, org nodes) permissions — [`GrantRecord`]s, each an ALLOW
//! statement the one evaluator (`domain::authz`) reads next to policy assignments, so a DENY
//! policy still wins; `revokeResource` takes them back; deleting a resource, a namespace or
//! a role clears its grants.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::authz::covers;
use super::namespaces;
use super::users::check_length;
use crate::clock::iso;
use crate::failure::{Code, Failure};
use crate::store::{
    Effect, GrantRecord, Page, Paged, Pool, Refusal, ResourceAction, ResourceKind, ResourceRecord,
    Statement, TargetType, policy_key,
};

/// The longest resource code, action name or description.
const MAX_TEXT_CHARS: usize = 1024;
/// The most actions a resource offers.
const MAX_ACTIONS: usize = 100;

fn check_text(what: &str, text: &str) -> Result<(), Failure> {
    if text.trim().is_empty() {
        return Err(Failure::invalid_params(format!("{what} must not be empty")));
    }
    if text.contains('\u{0}') {
        return Err(Failure::invalid_params(format!(
            "{what} holds a NUL character"
        )));
    }
    check_length(what, text, MAX_TEXT_CHARS)
}

fn check_actions(actions: &[ResourceAction]) -> Result<(), Failure> {
    if actions.len() > MAX_ACTIONS {
        return Err(Failure::invalid_params(format!(
            "actions has more than {MAX_ACTIONS} items"
        )));
    }
    for action in actions {
        check_text("actions.name", &action.name)?;
        if let Some(description) = &action.description {
            check_length("actions.description", description, MAX_TEXT_CHARS)?;
        }
    }
    Ok(())
}

/// 2231 for a description or API identifier over the length limit.
fn check_notes(
    description: &Option<String>,
    api_identifier: &Option<String>,
) -> Result<(), Failure> {
    for (what, text) in [
        ("description", description),
        ("apiIdentifier", api_identifier),
    ] {
        if let Some(text) = text {
            check_length(what, text, MAX_TEXT_CHARS)?;
        }
    }
    Ok(())
}

/// The resource `code` of `namespace`, if any.
pub(crate) fn find<'p>(pool: &'p Pool, namespace: &str, code: &str) -> Option<&'p ResourceRecord> {
    pool.resources.find("code", &policy_key(namespace, code))
}

/// The resource `code` of `namespace` (2430 when there is none).
pub(crate) fn get<'p>(
    pool: &'p Pool,
    namespace: &str,
    code: &str,
) -> Result<&'p ResourceRecord, Failure> {
    find(pool, namespace, code).ok_or_else(|| Failure::with_text(Code::ResourceNotFound, code))
}

/// The resource of id `id` (2430 when there is none).
pub(crate) fn get_by_id<'p>(pool: &'p Pool, id: &str) -> Result<&'p ResourceRecord, Failure> {
    pool.resources
        .get(id)
        .ok_or_else(|| Failure::with_text(Code::ResourceNotFound, id))
}

/// A new resource.
#[derive(Debug)]
pub(crate) struct NewResource {
    pub(crate) code: String,
    pub(crate) kind: ResourceKind,
    pub(crate) actions: Vec<ResourceAction>,
    pub(crate) description: Option<String>,
    pub(crate) api_identifier: Option<String>,
}

/// Adds a resource to `namespace` (2440 when the namespace does not exist, 2431 when the
/// code is taken there).
pub(crate) fn create<'p>(
    pool: &'p mut Pool,
    namespace: &str,
    new: NewResource,
    now: DateTime<Utc>,
) -> Result<&'p ResourceRecord, Failure> {
    namespaces::sync(pool, now);
    namespaces::by_code(pool, namespace)?;
    check_text("code", &new.code)?;
    check_actions(&new.actions)?;
    check_notes(&new.description, &new.api_identifier)?;
    let code = new.code.clone();
    pool.resources
        .insert_with(|id| ResourceRecord {
            id,
            namespace: namespace.to_owned(),
            code: new.code,
            kind: new.kind,
            actions: new.actions,
            description: new.description,
            api_identifier: new.api_identifier,
            created_at: now,
            updated_at: now,
        })
        .map_err(|_| Failure::with_text(Code::ResourceExists, code))
}

/// One page of the resources of `namespace`, oldest first, of one kind when given (2440
/// when the namespace does not exist).
pub(crate) fn list<'p>(
    pool: &'p mut Pool,
    namespace: &str,
    kind: Option<ResourceKind>,
    page: Page,
    now: DateTime<Utc>,
) -> Result<Paged<&'p ResourceRecord>, Failure> {
    namespaces::sync(pool, now);
    namespaces::by_code(pool, namespace)?;
    Ok(page.of(pool.resources.iter().filter(|resource| {
        resource.namespace == namespace && kind.is_none_or(|kind| resource.kind == kind)
    })))
}

/// What an update changes; `None` keeps a value.
#[derive(Debug, Default)]
pub(crate) struct ResourceChange {
    pub(crate) kind: Option<ResourceKind>,
    pub(crate) actions: Option<Vec<ResourceAction>>,
    pub(crate) description: Option<String>,
    pub(crate) api_identifier: Option<String>,
}

/// Changes the resource `code` of `namespace` (2430 when missing). Grants keep the actions
/// the resource still offers.
pub(crate) fn update<'p>(
    pool: &'p mut Pool,
    namespace: &str,
    code: &str,
    change: ResourceChange,
    now: DateTime<Utc>,
) -> Result<&'p ResourceRecord, Failure> {
    if let Some(actions) = &change.actions {
        check_actions(actions)?;
    }
    check_notes(&change.description, &change.api_identifier)?;
    let id = get(pool, namespace, code)?.id.clone();
    let offered: Option<Vec<String>> = change
        .actions
        .as_ref()
        .map(|actions| actions.iter().map(|a| a.name.clone()).collect());
    let kind = change.kind;
    pool.resources
        .update(&id, |resource| {
            if let Some(kind) = change.kind {
                resource.kind = kind;
            }
            if let Some(actions) = change.actions {
                resource.actions = actions;
            }
            if change.description.is_some() {
                resource.description = change.description;
            }
            if change.api_identifier.is_some() {
                resource.api_identifier = change.api_identifier;
            }
            resource.updated_at = now;
        })
        .map_err(|_| Failure::with_text(Code::ResourceNotFound, code))?;
    let grants = grant_ids(pool, |g| {
        g.namespace == namespace && g.statement.resource == code
    });
    for grant in grants {
        let _ = pool.resource_grants.update(&grant, |g| {
            if let Some(kind) = kind {
                g.kind = Some(kind);
            }
            if let Some(offered) = &offered {
                g.statement
                    .actions
                    .retain(|a| offered.iter().any(|name| covers(a, name)));
            }
        });
    }
    drop_empty_grants(pool);
    get_by_id(pool, &id)
}

/// Deletes the resource `code` of `namespace` and its grants (2430 when missing).
pub(crate) fn delete(pool: &mut Pool, namespace: &str, code: &str) -> Result<(), Failure> {
    let id = get(pool, namespace, code)?.id.clone();
    pool.resources.remove(&id);
    remove_grants(pool, |g| {
        g.namespace == namespace && g.statement.resource == code
    });
    Ok(())
}

fn grant_ids(pool: &Pool, wanted: impl Fn(&GrantRecord) -> bool) -> Vec<String> {
    pool.resource_grants
        .iter()
        .filter(|g| wanted(g))
        .map(|g| g.id.clone())
        .collect()
}

/// Removes the grants `wanted` picks; how many went.
fn remove_grants(pool: &mut Pool, wanted: impl Fn(&GrantRecord) -> bool) -> usize {
    let ids = grant_ids(pool, wanted);
    for id in &ids {
        pool.resource_grants.remove(id);
    }
    ids.len()
}

fn drop_empty_grants(pool: &mut Pool) {
    remove_grants(pool, |g| g.statement.actions.is_empty());
}

/// Forgets everything of the namespace `code`: its resources and grants (the namespace
/// itself was deleted).
pub(crate) fn forget_namespace(pool: &mut Pool, code: &str) {
    let resources: Vec<String> = pool
        .resources
        .iter()
        .filter(|r| r.namespace == code)
        .map(|r| r.id.clone())
        .collect();
    for id in resources {
        pool.resources.remove(&id);
    }
    remove_grants(pool, |g| g.namespace == code);
}

/// Moves the resources and grants of namespace `from` to `to` (a renamed namespace).
pub(crate) fn move_namespace(pool: &mut Pool, from: &str, to: &str) {
    let resources: Vec<String> = pool
        .resources
        .iter()
        .filter(|r| r.namespace == from)
        .map(|r| r.id.clone())
        .collect();
    for id in resources {
        // `to` was a free namespace code, so no resource code there is taken.
        let _ = pool.resources.update(&id, |r| r.namespace = to.to_owned());
    }
    for id in grant_ids(pool, |g| g.namespace == from) {
        let _ = pool
            .resource_grants
            .update(&id, |g| g.namespace = to.to_owned());
    }
}

/// Forgets the grants held by one target (a deleted role, say).
pub(crate) fn forget_target(pool: &mut Pool, namespace: &str, kind: TargetType, target: &str) {
    remove_grants(pool, |g| {
        g.namespace == namespace && g.target_type == kind && g.target_identifier == target
    });
}

/// Forgets the grants held by one target in every namespace (a deleted group, say).
pub(crate) fn forget_target_everywhere(pool: &mut Pool, kind: TargetType, target: &str) {
    remove_grants(pool, |g| {
        g.target_type == kind && g.target_identifier == target
    });
}

/// The kind of the resource `resource` names in `namespace`, when it names one.
pub(crate) fn kind_of(pool: &Pool, namespace: &str, resource: &str) -> Option<ResourceKind> {
    find(pool, namespace, resource).map(|r| r.kind)
}

/// A target must exist: a user (2004), a role of the namespace (2410), a group (2420); org
/// nodes and AK/SK are taken as given. 2231 for an empty identifier.
fn check_target(
    pool: &Pool,
    namespace: &str,
    kind: TargetType,
    target: &str,
) -> Result<(), Failure> {
    if target.trim().is_empty() {
        return Err(Failure::invalid_params("targetIdentifier"));
    }
    match kind {
        TargetType::User => super::users::get(pool, target).map(drop),
        TargetType::Role => super::roles::get(pool, namespace, target).map(drop),
        TargetType::Group => super::groups::get(pool, target).map(drop),
        TargetType::Org | TargetType::AkSk => Ok(()),
    }
}

/// Sets the actions of `target`'s grant on `resource` with `change` (a new grant starts
/// empty); a grant left with no action goes.
fn change_grant(
    pool: &mut Pool,
    namespace: &str,
    resource: &str,
    target: (TargetType, &str),
    change: impl FnOnce(&mut Vec<String>),
) -> Result<(), Failure> {
    let kind = kind_of(pool, namespace, resource);
    let existing = pool
        .resource_grants
        .iter()
        .find(|g| {
            g.namespace == namespace
                && g.statement.resource == resource
                && g.target_type == target.0
                && g.target_identifier == target.1
        })
        .map(|g| g.id.clone());
    match existing {
        Some(id) => {
            pool.resource_grants
                .update(&id, |g| change(&mut g.statement.actions))
                .map_err(|_| Failure::internal("grant vanished"))?;
        }
        None => {
            let mut actions = Vec::new();
            change(&mut actions);
            pool.resource_grants
                .insert_with(|id| GrantRecord {
                    id,
                    namespace: namespace.to_owned(),
                    target_type: target.0,
                    target_identifier: target.1.to_owned(),
                    kind,
                    statement: Statement {
                        resource: resource.to_owned(),
                        actions,
                        effect: Effect::Allow,
                        conditions: Vec::new(),
                    },
                })
                .map_err(|refusal| match refusal {
                    Refusal::Taken(_) | Refusal::NotFound => Failure::internal("grant taken"),
                })?;
        }
    }
    drop_empty_grants(pool);
    Ok(())
}

/// `allow`: lets every target do `action` on `resource` (a resource code or any resource
/// string, `books:1`); the targets' other permissions stay.
pub(crate) fn allow(
    pool: &mut Pool,
    namespace: &str,
    resource: &str,
    action: &str,
    targets: &[(TargetType, String)],
) -> Result<(), Failure> {
    check_text("resource", resource)?;
    check_text("action", action)?;
    if targets.is_empty() {
        return Err(Failure::invalid_params(
            "userId, userIds, roleCode or roleCodes",
        ));
    }
    for (kind, target) in targets {
        check_target(pool, namespace, *kind, target)?;
    }
    for (kind, target) in targets {
        change_grant(pool, namespace, resource, (*kind, target), |actions| {
            if !actions.iter().any(|a| a == action) {
                actions.push(action.to_owned());
            }
        })?;
    }
    Ok(())
}

/// One target of `authorizeResource` with the actions it gets (`None`: all of them).
#[derive(Debug)]
pub(crate) struct Authorization {
    pub(crate) target_type: TargetType,
    pub(crate) target: String,
    pub(crate) actions: Option<Vec<String>>,
}

/// `authorizeResource`: sets what each target may do on the resource `code` of
/// `namespace` (2430 when missing; 2231 for an action the resource does not offer).
pub(crate) fn authorize(
    pool: &mut Pool,
    namespace: &str,
    code: &str,
    kind: Option<ResourceKind>,
    opts: &[Authorization],
) -> Result<(), Failure> {
    let resource = get(pool, namespace, code)?;
    if kind.is_some_and(|kind| kind != resource.kind) {
        return Err(Failure::invalid_params(
            "resourceType does not match the resource",
        ));
    }
    let offered: Vec<String> = resource.actions.iter().map(|a| a.name.clone()).collect();
    for opt in opts {
        check_target(pool, namespace, opt.target_type, &opt.target)?;
        for action in opt.actions.iter().flatten() {
            if !offered.iter().any(|name| covers(action, name)) {
                return Err(Failure::invalid_params(format!(
                    "the resource offers no action {action}"
                )));
            }
        }
    }
    for opt in opts {
        let actions = opt.actions.clone().unwrap_or_else(|| offered.clone());
        change_grant(
            pool,
            namespace,
            code,
            (opt.target_type, &opt.target),
            |held| *held = actions,
        )?;
    }
    Ok(())
}

/// `revokeResource`: takes every permission the targets hold on `resource` (2430 when
/// neither a resource nor a grant has that code).
pub(crate) fn revoke(
    pool: &mut Pool,
    namespace: &str,
    resource: &str,
    targets: &[(TargetType, String)],
) -> Result<(), Failure> {
    check_text("resource", resource)?;
    let known = find(pool, namespace, resource).is_some()
        || pool
            .resource_grants
            .iter()
            .any(|g| g.namespace == namespace && g.statement.resource == resource);
    if !known {
        return Err(Failure::with_text(Code::ResourceNotFound, resource));
    }
    remove_grants(pool, |g| {
        g.namespace == namespace
            && g.statement.resource == resource
            && targets
                .iter()
                .any(|(kind, id)| g.target_type == *kind && g.target_identifier == *id)
    });
    Ok(())
}

/// A resource a target may act on: its code, its definition when the namespace has one
/// (a grant may name a code no resource defines), and the actions allowed.
pub(crate) struct Granted<'p> {
    pub(crate) code: String,
    pub(crate) resource: Option<&'p ResourceRecord>,
    pub(crate) actions: Vec<String>,
}

/// What `target` may act on in `namespace` (its own grants and policies, its roles' and
/// groups'), only resources of `kind` when given (`authorizedResources`).
pub(crate) fn granted<'p>(
    pool: &'p Pool,
    namespace: &str,
    target: (TargetType, &str),
    kind: Option<ResourceKind>,
) -> Vec<Granted<'p>> {
    super::authz::authorized_resources(pool, namespace, target)
        .into_iter()
        .map(|(code, actions)| Granted {
            resource: find(pool, namespace, &code),
            code,
            actions,
        })
        .filter(|granted| kind.is_none() || granted.resource.map(|r| r.kind) == kind)
        .collect()
}

/// How `authorizedTargets` filters on actions: all of them, or any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActionsOp {
    All,
    Any,
}

/// `authorizedTargets`: who holds what on `resource` (of kind `kind`), oldest grant first;
/// of one target type when given, and holding all / any of `actions` when given.
pub(crate) fn targets<'p>(
    pool: &'p Pool,
    namespace: &str,
    resource: &str,
    kind: ResourceKind,
    target_type: Option<TargetType>,
    actions: Option<(ActionsOp, &[String])>,
) -> Vec<&'p GrantRecord> {
    pool.resource_grants
        .iter()
        .filter(|g| {
            g.namespace == namespace
                && g.statement.resource == resource
                && g.kind.is_none_or(|k| k == kind)
                && target_type.is_none_or(|t| g.target_type == t)
                && actions.is_none_or(|(op, wanted)| {
                    let holds = |w: &String| g.statement.actions.iter().any(|a| covers(a, w));
                    match op {
                        ActionsOp::All => wanted.iter().all(holds),
                        ActionsOp::Any => wanted.iter().any(holds),
                    }
                })
        })
        .collect()
}

impl ResourceRecord {
    /// The resource as Authing's REST API answers it.
    pub(crate) fn to_json(&self, pool: &Pool) -> Value {
        let namespace = pool.namespaces.table.find("code", &self.namespace);
        json!({
            "id": self.id,
            "userPoolId": pool.id,
            "code": self.code,
            "type": self.kind.wire_name(),
            "description": self.description,
            "actions": self.actions.iter().map(|a| json!({
                "name": a.name,
                "description": a.description,
            })).collect::<Vec<_>>(),
            "apiIdentifier": self.api_identifier,
            "namespaceId": namespace.map(|ns| ns.number),
            "namespace": self.namespace,
            "createdAt": iso(self.created_at),
            "updatedAt": iso(self.updated_at),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::authz::{authorized_resources, is_allowed};
    use crate::domain::groups::tests::user;
    use crate::domain::{groups, policies, roles};

    fn books(pool: &mut Pool, now: DateTime<Utc>) {
        let action = |name: &str| ResourceAction {
            name: name.into(),
            description: None,
        };
        create(
            pool,
            "default",
            NewResource {
                code: "books".into(),
                kind: ResourceKind::Data,
                actions: vec![action("read"), action("write")],
                description: None,
                api_identifier: None,
            },
            now,
        )
        .expect("created");
    }

    #[test]
    fn resources_are_unique_per_namespace() {
        let mut pool = Pool::random();
        let now = Utc::now();
        books(&mut pool, now);
        let again = NewResource {
            code: "books".into(),
            kind: ResourceKind::Api,
            actions: Vec::new(),
            description: None,
            api_identifier: None,
        };
        assert_eq!(
            create(&mut pool, "default", again, now)
                .expect_err("taken")
                .number(),
            2431
        );
        let elsewhere = NewResource {
            code: "books".into(),
            kind: ResourceKind::Api,
            actions: Vec::new(),
            description: None,
            api_identifier: None,
        };
        assert_eq!(
            create(&mut pool, "nowhere", elsewhere, now)
                .expect_err("no namespace")
                .number(),
            2440
        );
        let app = pool.app.id.clone();
        let in_app = NewResource {
            code: "books".into(),
            kind: ResourceKind::Menu,
            actions: Vec::new(),
            description: Some("the app's".into()),
            api_identifier: None,
        };
        create(&mut pool, &app, in_app, now).expect("an app is a namespace");
        let listed = list(
            &mut pool,
            "default",
            Some(ResourceKind::Menu),
            Page::new(None, None),
            now,
        )
        .expect("listed");
        assert_eq!(listed.total, 0, "the kind filters");
        let changed = update(
            &mut pool,
            "default",
            "books",
            ResourceChange {
                description: Some("all books".into()),
                ..ResourceChange::default()
            },
            now,
        )
        .expect("updated");
        assert_eq!(changed.description.as_deref(), Some("all books"));
        delete(&mut pool, "default", "books").expect("deleted");
        assert_eq!(
            delete(&mut pool, "default", "books")
                .expect_err("gone")
                .number(),
            2430
        );
        assert!(find(&pool, &app, "books").is_some(), "the app's stays");
    }

    #[test]
    fn grants_follow_roles_groups_and_parents_and_a_deny_wins() {
        let mut pool = Pool::random();
        let now = Utc::now();
        books(&mut pool, now);
        let ann = user(&mut pool);
        let me = (TargetType::User, ann.as_str());
        roles::create(&mut pool, "default", "reader", None, None, now).expect("role");
        roles::create(&mut pool, "default", "clerk", None, Some("reader"), now).expect("child");
        groups::create(&mut pool, "staff", "Staff", None, now).expect("group");
        groups::add_users(&mut pool, "staff", std::slice::from_ref(&ann)).expect("member");
        roles::assign(
            &mut pool,
            "default",
            &roles::Assignment {
                role_codes: vec!["clerk".into()],
                user_ids: Vec::new(),
                group_codes: vec!["staff".into()],
            },
        )
        .expect("group role");
        assert!(
            !is_allowed(&pool, "default", me, "books", "read"),
            "nothing granted"
        );
        let opt = |kind, target: &str, actions: Option<Vec<String>>| Authorization {
            target_type: kind,
            target: target.into(),
            actions,
        };
        let bad = [opt(TargetType::Role, "reader", Some(vec!["burn".into()]))];
        assert_eq!(
            authorize(&mut pool, "default", "books", None, &bad)
                .expect_err("no such action")
                .number(),
            2231
        );
        let missing = [opt(TargetType::Role, "nobody", None)];
        assert_eq!(
            authorize(&mut pool, "default", "books", None, &missing)
                .expect_err("no role")
                .number(),
            2410
        );
        authorize(
            &mut pool,
            "default",
            "books",
            Some(ResourceKind::Data),
            &[opt(TargetType::Role, "reader", Some(vec!["read".into()]))],
        )
        .expect("authorized");
        // (resource, action, allowed): through the group's role's parent.
        for (resource, action, expected) in [
            ("books", "read", true),
            ("books", "write", false),
            ("films", "read", false),
        ] {
            assert_eq!(
                is_allowed(&pool, "default", me, resource, action),
                expected,
                "{resource} {action}"
            );
        }
        assert_eq!(
            authorized_resources(&pool, "default", me),
            vec![("books".to_owned(), vec!["read".to_owned()])]
        );
        allow(
            &mut pool,
            "default",
            "books",
            "write",
            &[(TargetType::User, ann.clone())],
        )
        .expect("allow");
        assert!(is_allowed(&pool, "default", me, "books", "write"));
        let everyone = |op, wanted: &[String]| {
            targets(
                &pool,
                "default",
                "books",
                ResourceKind::Data,
                None,
                Some((op, wanted)),
            )
            .iter()
            .map(|g| g.target_identifier.clone())
            .collect::<Vec<_>>()
        };
        let read = ["read".to_owned()];
        let both = ["read".to_owned(), "write".to_owned()];
        assert_eq!(everyone(ActionsOp::Any, &read), vec!["reader".to_owned()]);
        assert_eq!(
            everyone(ActionsOp::Any, &both),
            vec!["reader".to_owned(), ann.clone()]
        );
        assert!(everyone(ActionsOp::All, &both).is_empty());
        assert!(targets(&pool, "default", "books", ResourceKind::Api, None, None).is_empty());
        // A DENY policy wins over the grant.
        policies::create(
            &mut pool,
            "default",
            "no-books",
            None,
            vec![Statement {
                resource: "books".into(),
                actions: vec!["*".into()],
                effect: Effect::Deny,
                conditions: Vec::new(),
            }],
            now,
        )
        .expect("policy");
        policies::assign(
            &mut pool,
            "default",
            &["no-books".into()],
            TargetType::Group,
            &["staff".into()],
            false,
        )
        .expect("assigned");
        assert!(
            !is_allowed(&pool, "default", me, "books", "read"),
            "deny wins"
        );
        policies::unassign(
            &mut pool,
            "default",
            &["no-books".into()],
            TargetType::Group,
            &["staff".into()],
        )
        .expect("unassigned");
        assert!(is_allowed(&pool, "default", me, "books", "read"));
        revoke(
            &mut pool,
            "default",
            "books",
            &[(TargetType::User, ann.clone())],
        )
        .expect("revoked");
        assert!(!is_allowed(&pool, "default", me, "books", "write"));
        roles::delete(&mut pool, "default", &["reader".into()]).expect("role gone");
        assert!(
            !is_allowed(&pool, "default", me, "books", "read"),
            "the role took its grant"
        );
        assert!(
            pool.resource_grants.iter().next().is_none(),
            "no grant is left"
        );
        assert_eq!(
            revoke(&mut pool, "default", "nothing", &[])
                .expect_err("unknown")
                .number(),
            2430
        );
    }
}
