//! [`RoleRecord`]: a role as the fake keeps it, and the links that point at roles.
//!
//! A role is addressed by its code inside a namespace (a permission group, or an
//! application id for application roles); codes are unique per namespace, so the table's
//! unique key is the pair. A role may have a parent role of the same namespace, whose
//! grants it inherits.

use chrono::{DateTime, Utc};

use super::relation::Link;
use super::table::Record;

/// The namespace a role belongs to when a call names none.
pub(crate) const DEFAULT_NAMESPACE: &str = "default";

/// Users assigned to roles (`assignRole` with `userIds`).
pub(crate) const USER_ROLES: Link = Link {
    name: "userRoles",
    left: "user",
    right: "role",
};

/// Groups assigned to roles (`assignRole` with `groupCodes`); their members have the role.
pub(crate) const GROUP_ROLES: Link = Link {
    name: "groupRoles",
    left: "group",
    right: "role",
};

/// A role of a pool.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RoleRecord {
    pub(crate) id: String,
    pub(crate) namespace: String,
    pub(crate) code: String,
    pub(crate) description: Option<String>,
    /// The id of the parent role (same namespace), whose grants this role inherits.
    pub(crate) parent: Option<String>,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

impl RoleRecord {
    /// The unique key naming `code` in `namespace`: the two joined by a control character
    /// that no code or namespace contains.
    pub(crate) fn key(namespace: &str, code: &str) -> String {
        format!("{namespace}\u{1f}{code}")
    }

    /// Authing's resource name for the role.
    pub(crate) fn arn(&self, pool_id: &str) -> String {
        format!(
            "arn:cn:authing:{pool_id}:role:{}:{}",
            self.namespace, self.code
        )
    }
}

impl Record for RoleRecord {
    const KIND: &'static str = "role";

    fn id(&self) -> &str {
        &self.id
    }

    fn unique_keys(&self) -> Vec<(&'static str, String)> {
        vec![("code", Self::key(&self.namespace, &self.code))]
    }
}
