//! Policies: statements of allowed or denied actions, and their assignments.

use async_graphql::{ComplexObject, Context, Enum, InputObject, Result, SimpleObject};

use crate::graphql::schema::ObjectValue;
use crate::graphql::unsupported::unsupported;

/// A page of policies.
#[derive(SimpleObject)]
pub(crate) struct PaginatedPolicies {
    pub(crate) total_count: i32,
    pub(crate) list: Vec<Policy>,
}

/// A page of policy assignments.
#[derive(SimpleObject)]
pub(crate) struct PaginatedPolicyAssignments {
    pub(crate) total_count: i32,
    pub(crate) list: Vec<PolicyAssignment>,
}

/// A policy: statements of what is allowed or denied.
#[derive(SimpleObject)]
#[graphql(complex)]
pub(crate) struct Policy {
    pub(crate) namespace: String,
    pub(crate) code: String,
    pub(crate) is_default: bool,
    pub(crate) description: Option<String>,
    pub(crate) statements: Vec<PolicyStatement>,
    pub(crate) created_at: Option<String>,
    pub(crate) updated_at: Option<String>,
    pub(crate) assignments_count: i32,
}

#[ComplexObject]
impl Policy {
    /// Who holds the policy. Not supported by the fake yet.
    async fn assignments(
        &self,
        ctx: &Context<'_>,
        page: Option<i32>,
        limit: Option<i32>,
        namespace: Option<String>,
    ) -> Result<Vec<PolicyAssignment>> {
        Err(unsupported(ctx, "Policy.assignments"))
    }
}

/// A policy given to a target.
#[derive(SimpleObject)]
pub(crate) struct PolicyAssignment {
    pub(crate) code: String,
    pub(crate) target_type: PolicyAssignmentTargetType,
    pub(crate) target_identifier: String,
}

/// The kinds of targets a policy or permission applies to.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PolicyAssignmentTargetType {
    #[graphql(name = "USER")]
    User,
    #[graphql(name = "ROLE")]
    Role,
    #[graphql(name = "GROUP")]
    Group,
    #[graphql(name = "ORG")]
    Org,
    #[graphql(name = "AK_SK")]
    AkSk,
}

/// Whether a statement allows or denies.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PolicyEffect {
    #[graphql(name = "ALLOW")]
    Allow,
    #[graphql(name = "DENY")]
    Deny,
}

/// One statement of a policy.
#[derive(SimpleObject)]
pub(crate) struct PolicyStatement {
    pub(crate) resource: String,
    pub(crate) actions: Vec<String>,
    pub(crate) effect: Option<PolicyEffect>,
    pub(crate) condition: Option<Vec<PolicyStatementCondition>>,
}

/// A condition under which a statement applies.
#[derive(SimpleObject)]
pub(crate) struct PolicyStatementCondition {
    pub(crate) param: String,
    pub(crate) operator: String,
    pub(crate) value: ObjectValue,
}

/// A condition of a new statement.
#[derive(InputObject)]
pub(crate) struct PolicyStatementConditionInput {
    pub(crate) param: String,
    pub(crate) operator: String,
    pub(crate) value: ObjectValue,
}

/// A statement of a new or changed policy.
#[derive(InputObject)]
pub(crate) struct PolicyStatementInput {
    pub(crate) resource: String,
    pub(crate) actions: Vec<String>,
    pub(crate) effect: Option<PolicyEffect>,
    pub(crate) condition: Option<Vec<PolicyStatementConditionInput>>,
}
