//! [`Pool`]: one user pool's application and tables.

use authing_core::Secret;

use super::group::GroupRecord;
use super::policy::{AssignmentRecord, PolicyRecord};
use super::relation::Relations;
use super::role::RoleRecord;
use super::table::Table;
use super::udf::{FieldDef, Udvs};
use super::user::UserRecord;
use crate::crypto::{object_id, random_hex};

/// An application of a pool; end users log in through it.
#[derive(Debug, Clone)]
pub(crate) struct App {
    pub(crate) id: String,
    pub(crate) secret: Secret,
}

/// A user pool: its credentials, its application, a [`Table`] per resource, and the links
/// between their records.
#[derive(Debug, Clone)]
pub(crate) struct Pool {
    pub(crate) id: String,
    pub(crate) secret: Secret,
    /// The pool's application (the fake makes one per pool).
    pub(crate) app: App,
    pub(crate) users: Table<UserRecord>,
    /// Roles, unique by code per namespace (roles-groups).
    pub(crate) roles: Table<RoleRecord>,
    /// Groups, unique by code (roles-groups).
    pub(crate) groups: Table<GroupRecord>,
    // Policies and ACL.
    /// Policies, by code per namespace.
    pub(crate) policies: Table<PolicyRecord>,
    /// Policies given to users, roles, groups and org nodes.
    pub(crate) policy_assignments: Table<AssignmentRecord>,
    /// Many-to-many links between the records of the tables above.
    pub(crate) links: Relations,
    // Custom fields (users-udf).
    /// Custom field definitions, in creation order (a handful per kind of object).
    pub(crate) udfs: Vec<FieldDef>,
    /// Custom values of objects other than users (users keep theirs on their record).
    pub(crate) udvs: Udvs,
}

impl Pool {
    /// A pool with fresh ids and secrets and no records.
    pub(crate) fn random() -> Self {
        Self {
            id: object_id(),
            secret: Secret::new(random_hex(16)),
            app: App {
                id: object_id(),
                secret: Secret::new(random_hex(16)),
            },
            users: Table::default(),
            roles: Table::default(),
            groups: Table::default(),
            policies: Table::default(),
            policy_assignments: Table::default(),
            links: Relations::default(),
            udfs: Vec::new(),
            udvs: Udvs::new(),
        }
    }

    /// Forgets every record and link; the pool, its app and their credentials stay.
    pub(crate) fn clear(&mut self) {
        self.users.clear();
        self.roles.clear();
        self.groups.clear();
        self.policies.clear();
        self.policy_assignments.clear();
        self.links.clear();
        self.udfs.clear();
        self.udvs.clear();
    }
}
