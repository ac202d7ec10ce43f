//! [`ResourceRecord`]: a resource of a namespace with its actions, and [`GrantRecord`]: a
//! target's permission on a resource (`allow`, `authorizeResource`), which the evaluator
//! (`domain::authz`) reads next to policy assignments.

use chrono::{DateTime, Utc};

use super::policy::{Statement, TargetType, scoped};
use super::table::Record;

/// The kinds of resources (`ResourceType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResourceKind {
    Data,
    Api,
    Menu,
    Ui,
    Button,
}

impl ResourceKind {
    /// The kind by its wire name (`DATA`, `API`, `MENU`, `UI`, `BUTTON`).
    pub(crate) fn of_wire_name(name: &str) -> Option<Self> {
        match name {
            "DATA" => Some(Self::Data),
            "API" => Some(Self::Api),
            "MENU" => Some(Self::Menu),
            "UI" => Some(Self::Ui),
            "BUTTON" => Some(Self::Button),
            _ => None,
        }
    }

    /// Its wire name.
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            Self::Data => "DATA",
            Self::Api => "API",
            Self::Menu => "MENU",
            Self::Ui => "UI",
            Self::Button => "BUTTON",
        }
    }
}

/// One action a resource offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResourceAction {
    pub(crate) name: String,
    pub(crate) description: Option<String>,
}

/// A resource: a code unique in its namespace, its kind and its actions.
#[derive(Debug, Clone)]
pub(crate) struct ResourceRecord {
    pub(crate) id: String,
    /// The namespace's code.
    pub(crate) namespace: String,
    pub(crate) code: String,
    pub(crate) kind: ResourceKind,
    pub(crate) actions: Vec<ResourceAction>,
    pub(crate) description: Option<String>,
    pub(crate) api_identifier: Option<String>,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

impl Record for ResourceRecord {
    const KIND: &'static str = "resource";

    fn id(&self) -> &str {
        &self.id
    }

    fn unique_keys(&self) -> Vec<(&'static str, String)> {
        vec![("code", scoped(&self.namespace, &self.code))]
    }
}

/// What one target may do on one resource of a namespace: an ALLOW statement of its own.
#[derive(Debug, Clone)]
pub(crate) struct GrantRecord {
    pub(crate) id: String,
    pub(crate) namespace: String,
    pub(crate) target_type: TargetType,
    pub(crate) target_identifier: String,
    /// The resource's kind when the grant names a resource of the namespace.
    pub(crate) kind: Option<ResourceKind>,
    /// `resource` is the resource (code or pattern), `actions` what the target may do.
    pub(crate) statement: Statement,
}

impl Record for GrantRecord {
    const KIND: &'static str = "resourceGrant";

    fn id(&self) -> &str {
        &self.id
    }

    fn unique_keys(&self) -> Vec<(&'static str, String)> {
        vec![(
            "grant",
            format!(
                "{}\u{0}{}\u{0}{}",
                scoped(&self.namespace, &self.statement.resource),
                self.target_type.wire_name(),
                self.target_identifier
            ),
        )]
    }
}
