//! [`PolicyRecord`]: a policy's statements, and [`AssignmentRecord`]: a policy given to a
//! user, role, group or org node.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::table::Record;

/// Whether a statement allows or denies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Effect {
    Allow,
    Deny,
}

/// A condition under which a statement applies (kept and echoed; the evaluator ignores it).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Condition {
    pub(crate) param: String,
    pub(crate) operator: String,
    pub(crate) value: Value,
}

/// One statement: `effect` for `actions` on `resource` (patterns as Authing writes them:
/// `books:*`, `books:123`; actions `books:read`, `*`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Statement {
    pub(crate) resource: String,
    pub(crate) actions: Vec<String>,
    pub(crate) effect: Effect,
    pub(crate) conditions: Vec<Condition>,
}

/// A policy: a code unique in its namespace, and its statements.
#[derive(Debug, Clone)]
pub(crate) struct PolicyRecord {
    pub(crate) id: String,
    pub(crate) namespace: String,
    pub(crate) code: String,
    pub(crate) description: Option<String>,
    pub(crate) statements: Vec<Statement>,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

/// The unique key of a code within a namespace (a NUL cannot occur in either).
pub(crate) fn scoped(namespace: &str, code: &str) -> String {
    format!("{namespace}\u{0}{code}")
}

impl Record for PolicyRecord {
    const KIND: &'static str = "policy";

    fn id(&self) -> &str {
        &self.id
    }

    fn unique_keys(&self) -> Vec<(&'static str, String)> {
        vec![("code", scoped(&self.namespace, &self.code))]
    }
}

/// The kinds of object a policy is assigned to (`PolicyAssignmentTargetType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum TargetType {
    User,
    Role,
    Group,
    Org,
    AkSk,
}

impl TargetType {
    /// Authing's name of the kind.
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            Self::User => "USER",
            Self::Role => "ROLE",
            Self::Group => "GROUP",
            Self::Org => "ORG",
            Self::AkSk => "AK_SK",
        }
    }
}

/// A policy given to one object, in one namespace; a disabled one grants nothing.
#[derive(Debug, Clone)]
pub(crate) struct AssignmentRecord {
    pub(crate) id: String,
    pub(crate) namespace: String,
    pub(crate) policy: String,
    pub(crate) target_type: TargetType,
    pub(crate) target_identifier: String,
    pub(crate) enabled: bool,
    #[allow(
        dead_code,
        reason = "read once org nodes exist: their children inherit"
    )]
    pub(crate) inherit_by_children: bool,
}

impl Record for AssignmentRecord {
    const KIND: &'static str = "policyAssignment";

    fn id(&self) -> &str {
        &self.id
    }

    fn unique_keys(&self) -> Vec<(&'static str, String)> {
        vec![(
            "assignment",
            format!(
                "{}\u{0}{}\u{0}{}",
                scoped(&self.namespace, &self.policy),
                self.target_type.wire_name(),
                self.target_identifier
            ),
        )]
    }
}
