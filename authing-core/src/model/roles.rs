//! Roles and groups (`Role`, `Group`) and their pages.

use serde::Deserialize;

use super::Paginated;

/// `Role`: a role, addressed by its code inside a namespace.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Role {
    /// The role's id (custom data addresses a role by id).
    pub id: Option<String>,
    /// The namespace (permission group) code the role belongs to.
    pub namespace: Option<String>,
    /// The role's code, unique in its namespace.
    pub code: String,
    /// Authing's resource name for the role.
    pub arn: Option<String>,
    /// A description.
    pub description: Option<String>,
    /// Whether Authing made the role.
    pub is_system: Option<bool>,
    /// Creation time (ISO 8601).
    pub created_at: Option<String>,
    /// Last change (ISO 8601).
    pub updated_at: Option<String>,
    /// The parent role, whose grants this role inherits.
    pub parent: Option<Box<Role>>,
}

/// `Group`: a group of users, addressed by its code.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// The group's code, unique in the pool.
    pub code: String,
    /// Its display name.
    pub name: Option<String>,
    /// A description.
    pub description: Option<String>,
    /// Creation time (ISO 8601).
    pub created_at: Option<String>,
    /// Last change (ISO 8601).
    pub updated_at: Option<String>,
}

/// A page of roles (`PaginatedRoles`).
pub type PaginatedRoles = Paginated<Role>;

/// A page of groups (`PaginatedGroups`).
pub type PaginatedGroups = Paginated<Group>;
