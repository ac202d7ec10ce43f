//! What the ACL calls take and answer: [`ResourceType`], [`Resource`] and its
//! [`ResourceAction`]s, [`Namespace`], [`AuthorizeResourceOpt`], [`AuthorizedTarget`]s with
//! their [`TargetActions`] filter, and [`ProgrammaticAccessAccount`].

use authing_core::Secret;
use authing_core::model::PolicyAssignmentTargetType;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `ResourceType`: the kinds of resources.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ResourceType {
    /// Data.
    Data,
    /// An API.
    Api,
    /// A menu.
    Menu,
    /// A UI element.
    Ui,
    /// A button.
    Button,
}

/// One action a resource offers (`{name, description}`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceAction {
    /// Its name (`read`, `books:read`, ...).
    pub name: String,
    /// What it means.
    #[serde(default)]
    pub description: Option<String>,
}

impl ResourceAction {
    /// The action `name`, described by `description`.
    pub fn new(name: impl Into<String>, description: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: Some(description.into()),
        }
    }
}

/// A resource of a namespace, as Authing's REST API answers it.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    /// Its id.
    pub id: String,
    /// Its code, unique in its namespace.
    pub code: String,
    /// Its kind.
    #[serde(rename = "type", default)]
    pub resource_type: Option<ResourceType>,
    /// The actions it offers.
    #[serde(default)]
    pub actions: Vec<ResourceAction>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// The API identifier of an API resource.
    #[serde(default)]
    pub api_identifier: Option<String>,
    /// The numeric id of its namespace.
    #[serde(default)]
    pub namespace_id: Option<i64>,
    /// The code of its namespace.
    #[serde(default)]
    pub namespace: Option<String>,
    /// The pool.
    #[serde(default)]
    pub user_pool_id: Option<String>,
    /// When it was created (ISO 8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// When it last changed (ISO 8601).
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Every other field Authing sends, as is.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A namespace (permission group), as Authing's REST API answers it.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Namespace {
    /// Its numeric id.
    pub id: i64,
    /// Its code, unique in the pool (an application's is the application id).
    pub code: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// The pool.
    #[serde(default)]
    pub user_pool_id: Option<String>,
    /// The application it belongs to, if any.
    #[serde(default)]
    pub application_id: Option<String>,
    /// That application's name.
    #[serde(default)]
    pub app_name: Option<String>,
    /// Every other field Authing sends (`status`, `isIntegrateApp`, ...), as is.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A page of namespaces: Authing counts them in `total` here, not `totalCount`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct NamespacePage {
    /// The namespaces of the page.
    pub list: Vec<Namespace>,
    /// How many there are in all.
    pub total: i64,
}

/// One target to authorize on a resource, with its actions (`AuthorizeResourceOpt`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizeResourceOpt {
    /// The kind of target.
    pub target_type: PolicyAssignmentTargetType,
    /// A user id, a role or group code, an org node id.
    pub target_identifier: String,
    /// What it may do (unset: every action of the resource).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<String>>,
}

impl AuthorizeResourceOpt {
    /// `target` may do `actions`.
    pub fn new(
        target_type: PolicyAssignmentTargetType,
        target_identifier: impl Into<String>,
        actions: Vec<String>,
    ) -> Self {
        Self {
            target_type,
            target_identifier: target_identifier.into(),
            actions: Some(actions),
        }
    }
}

/// One target named by `revokeResource`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RevokeTarget {
    /// The kind of target.
    pub target_type: PolicyAssignmentTargetType,
    /// A user id, a role or group code, an org node id.
    pub target_identifier: String,
}

impl RevokeTarget {
    /// The target `target_identifier` of kind `target_type`.
    pub fn new(
        target_type: PolicyAssignmentTargetType,
        target_identifier: impl Into<String>,
    ) -> Self {
        Self {
            target_type,
            target_identifier: target_identifier.into(),
        }
    }
}

/// How [`TargetActions`] combines its actions.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Operator {
    /// Every action.
    And,
    /// Any action.
    Or,
}

/// Which targets `authorizedTargets` lists: those holding all (`AND`) or any (`OR`) of
/// `list` (`AuthorizedTargetsActionsInput`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetActions {
    /// All or any.
    pub op: Operator,
    /// The actions.
    pub list: Vec<String>,
}

impl TargetActions {
    /// Targets holding every action of `list`.
    pub fn all(list: Vec<String>) -> Self {
        Self {
            op: Operator::And,
            list,
        }
    }

    /// Targets holding any action of `list`.
    pub fn any(list: Vec<String>) -> Self {
        Self {
            op: Operator::Or,
            list,
        }
    }
}

/// A target authorized on a resource, with its actions (`ResourcePermissionAssignment`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizedTarget {
    /// The kind of target.
    #[serde(default)]
    pub target_type: Option<PolicyAssignmentTargetType>,
    /// A user id, a role or group code, an org node id.
    #[serde(default)]
    pub target_identifier: Option<String>,
    /// What it may do.
    #[serde(default)]
    pub actions: Option<Vec<String>>,
}

/// A page of [`AuthorizedTarget`]s (`PaginatedAuthorizedTargets`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizedTargets {
    /// How many there are.
    #[serde(default)]
    pub total_count: Option<i64>,
    /// The targets (Authing's schema lets items be null: they are skipped).
    #[serde(default, deserialize_with = "targets_skipping_nulls")]
    pub list: Vec<AuthorizedTarget>,
}

fn targets_skipping_nulls<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<AuthorizedTarget>, D::Error> {
    let items: Option<Vec<Option<AuthorizedTarget>>> = Option::deserialize(deserializer)?;
    Ok(items.into_iter().flatten().flatten().collect())
}

/// A programmatic access account of an application: an id and a secret that get access
/// tokens by the client-credentials grant while it is enabled. The secret is a [`Secret`],
/// hidden from `Debug`.
#[non_exhaustive]
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammaticAccessAccount {
    /// Its id (the client id of the grant).
    pub id: String,
    /// The application it belongs to.
    #[serde(default)]
    pub app_id: Option<String>,
    /// Its secret (the client secret of the grant).
    #[serde(default)]
    pub secret: Option<Secret>,
    /// Whether it may get tokens.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// How long its access tokens live, in seconds.
    #[serde(default)]
    pub token_lifetime: Option<i64>,
    /// A note.
    #[serde(default)]
    pub remarks: Option<String>,
    /// The user it acts as, if any.
    #[serde(default)]
    pub user_id: Option<String>,
    /// When it was created (ISO 8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// When it last changed (ISO 8601).
    #[serde(default)]
    pub updated_at: Option<String>,
}
