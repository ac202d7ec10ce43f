//! Policies and their assignments, for administrators: thin calls into `domain::policies`.

use async_graphql::{Context, Object, Result};

use super::resolve::{call, done};
use super::schema::ObjectValue;
use super::schema::policies::{
    PaginatedPolicies, PaginatedPolicyAssignments, Policy, PolicyAssignment,
    PolicyAssignmentTargetType, PolicyEffect, PolicyStatement, PolicyStatementCondition,
    PolicyStatementInput,
};
use super::types::CommonMessage;
use crate::auth::Access;
use crate::clock::iso;
use crate::domain::namespace_or_default;
use crate::domain::policies::{self, AssignmentFilter, PolicyChanges};
use crate::failure::{DELETED, Failure, OK};
use crate::store::{
    AssignmentRecord, Condition, Effect, Page, PolicyRecord, Pool, Statement, TargetType,
};

impl From<PolicyAssignmentTargetType> for TargetType {
    fn from(kind: PolicyAssignmentTargetType) -> Self {
        match kind {
            PolicyAssignmentTargetType::User => Self::User,
            PolicyAssignmentTargetType::Role => Self::Role,
            PolicyAssignmentTargetType::Group => Self::Group,
            PolicyAssignmentTargetType::Org => Self::Org,
            PolicyAssignmentTargetType::AkSk => Self::AkSk,
        }
    }
}

impl From<TargetType> for PolicyAssignmentTargetType {
    fn from(kind: TargetType) -> Self {
        match kind {
            TargetType::User => Self::User,
            TargetType::Role => Self::Role,
            TargetType::Group => Self::Group,
            TargetType::Org => Self::Org,
            TargetType::AkSk => Self::AkSk,
        }
    }
}

/// A statement as the store keeps it; a statement without an effect allows.
fn statement_of(input: PolicyStatementInput) -> Statement {
    Statement {
        resource: input.resource,
        actions: input.actions,
        effect: match input.effect {
            Some(PolicyEffect::Deny) => Effect::Deny,
            Some(PolicyEffect::Allow) | None => Effect::Allow,
        },
        conditions: input
            .condition
            .unwrap_or_default()
            .into_iter()
            .map(|c| Condition {
                param: c.param,
                operator: c.operator,
                value: c.value.0,
            })
            .collect(),
    }
}

fn statements_of(inputs: Vec<PolicyStatementInput>) -> Vec<Statement> {
    inputs.into_iter().map(statement_of).collect()
}

impl Policy {
    /// The wire form of `policy`, with how many objects hold it.
    fn of(policy: &PolicyRecord, pool: &Pool) -> Self {
        let count = policies::assignments_count(pool, &policy.namespace, &policy.code);
        Self {
            namespace: policy.namespace.clone(),
            code: policy.code.clone(),
            is_default: false,
            description: policy.description.clone(),
            statements: policy
                .statements
                .iter()
                .map(|s| PolicyStatement {
                    resource: s.resource.clone(),
                    actions: s.actions.clone(),
                    effect: Some(match s.effect {
                        Effect::Allow => PolicyEffect::Allow,
                        Effect::Deny => PolicyEffect::Deny,
                    }),
                    condition: Some(
                        s.conditions
                            .iter()
                            .map(|c| PolicyStatementCondition {
                                param: c.param.clone(),
                                operator: c.operator.clone(),
                                value: ObjectValue(c.value.clone()),
                            })
                            .collect(),
                    ),
                })
                .collect(),
            created_at: Some(iso(policy.created_at)),
            updated_at: Some(iso(policy.updated_at)),
            assignments_count: i32::try_from(count).unwrap_or(i32::MAX),
        }
    }
}

impl PolicyAssignment {
    fn of(assignment: &AssignmentRecord) -> Self {
        Self {
            code: assignment.policy.clone(),
            target_type: assignment.target_type.into(),
            target_identifier: assignment.target_identifier.clone(),
        }
    }
}

fn total(count: i64) -> i32 {
    i32::try_from(count).unwrap_or(i32::MAX)
}

/// The policy queries.
#[derive(Default)]
pub(crate) struct PoliciesQuery;

#[Object]
impl PoliciesQuery {
    /// A policy by code, in a namespace (default: the pool's default one); 2231 when there
    /// is none.
    async fn policy(
        &self,
        ctx: &Context<'_>,
        code: String,
        namespace: Option<String>,
    ) -> Result<Option<Policy>> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            call.pool(|pool| {
                let policy = policies::get(pool, namespace, &code)?;
                Ok(Some(Policy::of(policy, pool)))
            })
        })
    }

    /// The policies of a namespace, newest first, one 1-based page at a time. The fake has
    /// no built-in (default) policies, so `excludeDefault` leaves out nothing.
    async fn policies(
        &self,
        ctx: &Context<'_>,
        page: Option<i32>,
        limit: Option<i32>,
        namespace: Option<String>,
        exclude_default: Option<bool>,
    ) -> Result<PaginatedPolicies> {
        let _ = exclude_default;
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            call.pool(|pool| {
                let found = policies::list(pool, namespace, Page::new(page, limit));
                Ok(PaginatedPolicies {
                    total_count: total(found.total),
                    list: found.items.iter().map(|p| Policy::of(p, pool)).collect(),
                })
            })
        })
    }

    /// The assignments of a namespace, oldest first, narrowed by policy and target.
    #[allow(clippy::too_many_arguments)]
    async fn policy_assignments(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        code: Option<String>,
        target_type: Option<PolicyAssignmentTargetType>,
        target_identifier: Option<String>,
        page: Option<i32>,
        limit: Option<i32>,
    ) -> Result<PaginatedPolicyAssignments> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let filter = AssignmentFilter {
                code,
                target_type: target_type.map(Into::into),
                target_identifier,
            };
            call.pool(|pool| {
                let found =
                    policies::list_assignments(pool, namespace, &filter, Page::new(page, limit));
                Ok(PaginatedPolicyAssignments {
                    total_count: total(found.total),
                    list: found.items.into_iter().map(PolicyAssignment::of).collect(),
                })
            })
        })
    }
}

/// The policy mutations.
#[derive(Default)]
pub(crate) struct PoliciesMutation;

#[Object]
impl PoliciesMutation {
    /// Creates a policy; 2231 when its code is taken in the namespace.
    async fn create_policy(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        code: String,
        description: Option<String>,
        statements: Vec<PolicyStatementInput>,
    ) -> Result<Policy> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let now = call.now();
            call.pool(|pool| {
                let statements = statements_of(statements);
                let id = policies::create(pool, namespace, &code, description, statements, now)?
                    .id
                    .clone();
                let policy = pool
                    .policies
                    .get(&id)
                    .ok_or_else(|| Failure::internal("policy vanished"))?;
                Ok(Policy::of(policy, pool))
            })
        })
    }

    /// Changes a policy's description, statements or code.
    async fn update_policy(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        code: String,
        description: Option<String>,
        statements: Option<Vec<PolicyStatementInput>>,
        new_code: Option<String>,
    ) -> Result<Policy> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let now = call.now();
            let changes = PolicyChanges {
                description,
                statements: statements.map(statements_of),
                new_code,
            };
            call.pool(|pool| {
                let id = policies::update(pool, namespace, &code, changes, now)?
                    .id
                    .clone();
                let policy = pool
                    .policies
                    .get(&id)
                    .ok_or_else(|| Failure::internal("policy vanished"))?;
                Ok(Policy::of(policy, pool))
            })
        })
    }

    /// Deletes a policy and its assignments.
    async fn delete_policy(
        &self,
        ctx: &Context<'_>,
        code: String,
        namespace: Option<String>,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            call.pool(|pool| policies::delete(pool, namespace, std::slice::from_ref(&code)))?;
            Ok(done(&call, DELETED))
        })
    }

    /// Deletes policies and their assignments: all, or none when one does not exist.
    async fn delete_policies(
        &self,
        ctx: &Context<'_>,
        code_list: Vec<String>,
        namespace: Option<String>,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            call.pool(|pool| policies::delete(pool, namespace, &code_list))?;
            Ok(done(&call, DELETED))
        })
    }

    /// Gives policies to targets (a user by id: 2004 when unknown; a role, group or org node
    /// by code or id).
    async fn add_policy_assignments(
        &self,
        ctx: &Context<'_>,
        policies: Vec<String>,
        target_type: PolicyAssignmentTargetType,
        target_identifiers: Option<Vec<String>>,
        inherit_by_children: Option<bool>,
        namespace: Option<String>,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let targets = target_identifiers.unwrap_or_default();
            call.pool(|pool| {
                policies::assign(
                    pool,
                    namespace,
                    &policies,
                    target_type.into(),
                    &targets,
                    inherit_by_children.unwrap_or(false),
                )
            })?;
            Ok(done(&call, OK))
        })
    }

    /// Turns a policy assignment on.
    async fn enable_policy_assignment(
        &self,
        ctx: &Context<'_>,
        policy: String,
        target_type: PolicyAssignmentTargetType,
        target_identifier: String,
        namespace: Option<String>,
    ) -> Result<CommonMessage> {
        switch(ctx, policy, target_type, target_identifier, namespace, true)
    }

    /// Turns a policy assignment off (Authing's spelling).
    async fn disbale_policy_assignment(
        &self,
        ctx: &Context<'_>,
        policy: String,
        target_type: PolicyAssignmentTargetType,
        target_identifier: String,
        namespace: Option<String>,
    ) -> Result<CommonMessage> {
        switch(
            ctx,
            policy,
            target_type,
            target_identifier,
            namespace,
            false,
        )
    }

    /// Takes policies from targets; ones a target does not hold are skipped.
    async fn remove_policy_assignments(
        &self,
        ctx: &Context<'_>,
        policies: Vec<String>,
        target_type: PolicyAssignmentTargetType,
        target_identifiers: Option<Vec<String>>,
        namespace: Option<String>,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let targets = target_identifiers.unwrap_or_default();
            call.pool(|pool| {
                policies::unassign(pool, namespace, &policies, target_type.into(), &targets)
            })?;
            Ok(done(&call, OK))
        })
    }
}

/// Turns one assignment on or off.
fn switch(
    ctx: &Context<'_>,
    policy: String,
    target_type: PolicyAssignmentTargetType,
    target_identifier: String,
    namespace: Option<String>,
    enabled: bool,
) -> Result<CommonMessage> {
    call(ctx, Access::Admin, |call| {
        let namespace = namespace_or_default(namespace.as_deref());
        call.pool(|pool| {
            policies::set_enabled(
                pool,
                namespace,
                &policy,
                target_type.into(),
                &target_identifier,
                enabled,
            )
        })?;
        Ok(done(&call, OK))
    })
}
