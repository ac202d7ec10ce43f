//! Access control, for administrators: thin calls into `domain::authz` (the evaluator) and
//! `domain::acl` (resources and the permissions targets hold on them).

use async_graphql::{Context, Object, Result};

use super::resolve::{call, done};
use super::schema::acl::{
    AuthorizeResourceOpt, AuthorizedResource, AuthorizedTargetsActionsInput, Operator,
    PaginatedAuthorizedResources, PaginatedAuthorizedTargets, ResourcePermissionAssignment,
    ResourceType,
};
use super::schema::policies::PolicyAssignmentTargetType;
use super::types::CommonMessage;
use crate::auth::Access;
use crate::domain::acl::{self, ActionsOp, Authorization};
use crate::domain::{authz, namespace_or_default};
use crate::failure::{Failure, OK};
use crate::store::{Pool, ResourceKind, TargetType};

impl From<ResourceType> for ResourceKind {
    fn from(kind: ResourceType) -> Self {
        match kind {
            ResourceType::Data => Self::Data,
            ResourceType::Api => Self::Api,
            ResourceType::Menu => Self::Menu,
            ResourceType::Ui => Self::Ui,
            ResourceType::Button => Self::Button,
        }
    }
}

impl From<ResourceKind> for ResourceType {
    fn from(kind: ResourceKind) -> Self {
        match kind {
            ResourceKind::Data => Self::Data,
            ResourceKind::Api => Self::Api,
            ResourceKind::Menu => Self::Menu,
            ResourceKind::Ui => Self::Ui,
            ResourceKind::Button => Self::Button,
        }
    }
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// What `target` may act on in `namespace`, as a page (`authorizedResources`, and the
/// `authorizedResources` fields of `User`, `Role` and `Group`); of one type when
/// `resource_type` is set (a resource string no resource of the namespace has the code of
/// has no type).
pub(crate) fn authorized_page(
    pool: &Pool,
    namespace: &str,
    target: (TargetType, &str),
    resource_type: Option<&str>,
) -> Result<PaginatedAuthorizedResources, Failure> {
    let wanted = match resource_type {
        None | Some("") => None,
        Some(name) => Some(
            ResourceKind::of_wire_name(name)
                .ok_or_else(|| Failure::invalid_params("resourceType"))?,
        ),
    };
    let list: Vec<AuthorizedResource> = acl::granted(pool, namespace, target, wanted)
        .into_iter()
        .map(|granted| AuthorizedResource {
            kind: granted.resource.map(|r| r.kind.into()),
            api_identifier: granted.resource.and_then(|r| r.api_identifier.clone()),
            code: granted.code,
            actions: Some(granted.actions),
        })
        .collect();
    Ok(PaginatedAuthorizedResources {
        total_count: count(list.len()),
        list,
    })
}

/// The access-control queries.
#[derive(Default)]
pub(crate) struct AclQuery;

#[Object]
impl AclQuery {
    /// Whether a user may perform an action on a resource: their own policies and grants,
    /// their roles' (with inherited roles) and their groups'; a deny wins.
    async fn is_action_allowed(
        &self,
        ctx: &Context<'_>,
        resource: String,
        action: String,
        user_id: String,
        namespace: Option<String>,
    ) -> Result<bool> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            call.pool(|pool| {
                crate::domain::users::get(pool, &user_id)?;
                let user = (TargetType::User, user_id.as_str());
                Ok(authz::is_allowed(pool, namespace, user, &resource, &action))
            })
        })
    }

    /// Whether a DENY statement of the user's (own, roles', groups') covers the action.
    async fn is_action_denied(
        &self,
        ctx: &Context<'_>,
        resource: String,
        action: String,
        user_id: String,
        namespace: Option<String>,
    ) -> Result<bool> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            call.pool(|pool| {
                crate::domain::users::get(pool, &user_id)?;
                let user = (TargetType::User, user_id.as_str());
                Ok(authz::is_denied(pool, namespace, user, &resource, &action))
            })
        })
    }

    /// The resources a target may act on, and how; of one type when `resourceType` is set
    /// (a resource string no resource of the namespace has the code of has no type).
    async fn authorized_resources(
        &self,
        ctx: &Context<'_>,
        target_type: Option<PolicyAssignmentTargetType>,
        target_identifier: Option<String>,
        namespace: Option<String>,
        resource_type: Option<String>,
    ) -> Result<Option<PaginatedAuthorizedResources>> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let kind = target_type.ok_or_else(|| Failure::invalid_params("targetType"))?;
            let target = target_identifier
                .filter(|t| !t.trim().is_empty())
                .ok_or_else(|| Failure::invalid_params("targetIdentifier"))?;
            call.pool(|pool| {
                authorized_page(
                    pool,
                    namespace,
                    (kind.into(), &target),
                    resource_type.as_deref(),
                )
                .map(Some)
            })
        })
    }

    /// The targets authorised on a resource, with their actions.
    async fn authorized_targets(
        &self,
        ctx: &Context<'_>,
        namespace: String,
        resource_type: ResourceType,
        resource: String,
        target_type: Option<PolicyAssignmentTargetType>,
        actions: Option<AuthorizedTargetsActionsInput>,
    ) -> Result<Option<PaginatedAuthorizedTargets>> {
        targets(
            ctx,
            namespace,
            resource_type,
            resource,
            target_type,
            actions,
        )
    }

    /// The same as `authorizedTargets` (an SDK addition: the Go SDK sends it; roles and
    /// groups are listed by code there too).
    async fn authorized_targets_code(
        &self,
        ctx: &Context<'_>,
        namespace: String,
        resource_type: ResourceType,
        resource: String,
        target_type: Option<PolicyAssignmentTargetType>,
        actions: Option<AuthorizedTargetsActionsInput>,
    ) -> Result<Option<PaginatedAuthorizedTargets>> {
        targets(
            ctx,
            namespace,
            resource_type,
            resource,
            target_type,
            actions,
        )
    }
}

fn targets(
    ctx: &Context<'_>,
    namespace: String,
    resource_type: ResourceType,
    resource: String,
    target_type: Option<PolicyAssignmentTargetType>,
    actions: Option<AuthorizedTargetsActionsInput>,
) -> Result<Option<PaginatedAuthorizedTargets>> {
    call(ctx, Access::Admin, |call| {
        let namespace = namespace_or_default(Some(&namespace));
        let wanted: Option<(ActionsOp, Vec<String>)> = actions.map(|a| {
            let op = match a.op {
                Operator::And => ActionsOp::All,
                Operator::Or => ActionsOp::Any,
            };
            (op, a.list.into_iter().flatten().collect())
        });
        call.pool(|pool| {
            let found = acl::targets(
                pool,
                namespace,
                &resource,
                resource_type.into(),
                target_type.map(Into::into),
                wanted.as_ref().map(|(op, list)| (*op, list.as_slice())),
            );
            Ok(Some(PaginatedAuthorizedTargets {
                total_count: Some(count(found.len())),
                list: Some(
                    found
                        .into_iter()
                        .map(|g| {
                            Some(ResourcePermissionAssignment {
                                target_type: Some(g.target_type.into()),
                                target_identifier: Some(g.target_identifier.clone()),
                                actions: Some(g.statement.actions.clone()),
                            })
                        })
                        .collect(),
                ),
            }))
        })
    })
}

/// The access-control mutations.
#[derive(Default)]
pub(crate) struct AclMutation;

#[Object]
impl AclMutation {
    /// Allows users or roles an action on a resource (a resource code or any resource
    /// string); their other permissions stay.
    #[allow(clippy::too_many_arguments, reason = "Authing's arguments")]
    async fn allow(
        &self,
        ctx: &Context<'_>,
        resource: String,
        action: String,
        user_id: Option<String>,
        user_ids: Option<Vec<String>>,
        role_code: Option<String>,
        role_codes: Option<Vec<String>>,
        namespace: Option<String>,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let users = user_id.into_iter().chain(user_ids.into_iter().flatten());
            let roles = role_code
                .into_iter()
                .chain(role_codes.into_iter().flatten());
            let targets: Vec<(TargetType, String)> = users
                .map(|id| (TargetType::User, id))
                .chain(roles.map(|code| (TargetType::Role, code)))
                .collect();
            call.pool(|pool| acl::allow(pool, namespace, &resource, &action, &targets))?;
            Ok(done(&call, OK))
        })
    }

    /// Sets what each target may do on a resource of the namespace.
    async fn authorize_resource(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        resource_type: Option<ResourceType>,
        resource: Option<String>,
        opts: Option<Vec<Option<AuthorizeResourceOpt>>>,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let resource = resource
                .filter(|r| !r.trim().is_empty())
                .ok_or_else(|| Failure::invalid_params("resource"))?;
            let opts: Vec<Authorization> = opts
                .into_iter()
                .flatten()
                .flatten()
                .map(|opt| Authorization {
                    target_type: opt.target_type.into(),
                    target: opt.target_identifier,
                    actions: opt.actions,
                })
                .collect();
            if opts.is_empty() {
                return Err(Failure::invalid_params("opts"));
            }
            call.pool(|pool| {
                acl::authorize(
                    pool,
                    namespace,
                    &resource,
                    resource_type.map(Into::into),
                    &opts,
                )
            })?;
            Ok(done(&call, OK))
        })
    }
}
