//! [`GroupRecord`]: a user group as the fake keeps it, and its membership link.

use chrono::{DateTime, Utc};

use super::relation::Link;
use super::table::Record;

/// Members of groups (`addUserToGroup`).
pub(crate) const USER_GROUPS: Link = Link {
    name: "userGroups",
    left: "user",
    right: "group",
};

/// A group of a pool; its code is unique in the pool.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GroupRecord {
    pub(crate) id: String,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

impl Record for GroupRecord {
    const KIND: &'static str = "group";

    fn id(&self) -> &str {
        &self.id
    }

    fn unique_keys(&self) -> Vec<(&'static str, String)> {
        vec![("code", self.code.clone())]
    }
}
