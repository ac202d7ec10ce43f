//! Access control: resources, authorisation targets and permission checks.

use async_graphql::{Enum, InputObject, SimpleObject};

use crate::graphql::schema::policies::PolicyAssignmentTargetType;

/// One target to authorise on a resource, with its actions.
#[derive(InputObject)]
pub(crate) struct AuthorizeResourceOpt {
    pub(crate) target_type: PolicyAssignmentTargetType,
    pub(crate) target_identifier: String,
    pub(crate) actions: Option<Vec<String>>,
}

/// A resource a target may act on, with the allowed actions.
#[derive(SimpleObject)]
pub(crate) struct AuthorizedResource {
    pub(crate) code: String,
    #[graphql(name = "type")]
    pub(crate) kind: Option<ResourceType>,
    pub(crate) actions: Option<Vec<String>>,
    /// The API identifier of an API resource (an SDK addition: the JavaScript SDK selects it).
    pub(crate) api_identifier: Option<String>,
}

/// Which actions a target must hold: all of them (`AND`) or any (`OR`).
#[derive(InputObject)]
pub(crate) struct AuthorizedTargetsActionsInput {
    pub(crate) op: Operator,
    pub(crate) list: Vec<Option<String>>,
}

/// How a list of conditions combines.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Operator {
    #[graphql(name = "AND")]
    And,
    #[graphql(name = "OR")]
    Or,
}

/// A page of authorised resources.
#[derive(SimpleObject)]
pub(crate) struct PaginatedAuthorizedResources {
    pub(crate) total_count: i32,
    pub(crate) list: Vec<AuthorizedResource>,
}

/// A page of targets authorised on a resource.
#[derive(SimpleObject)]
pub(crate) struct PaginatedAuthorizedTargets {
    pub(crate) list: Option<Vec<Option<ResourcePermissionAssignment>>>,
    pub(crate) total_count: Option<i32>,
}

/// A target and the actions it holds on a resource.
#[derive(SimpleObject)]
pub(crate) struct ResourcePermissionAssignment {
    pub(crate) target_type: Option<PolicyAssignmentTargetType>,
    pub(crate) target_identifier: Option<String>,
    pub(crate) actions: Option<Vec<String>>,
}

/// The kinds of resources.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResourceType {
    #[graphql(name = "DATA")]
    Data,
    #[graphql(name = "API")]
    Api,
    #[graphql(name = "MENU")]
    Menu,
    #[graphql(name = "UI")]
    Ui,
    #[graphql(name = "BUTTON")]
    Button,
}
