//! Organisations as users see them: an org node on a user's path ([`OrgNode`]) and the
//! departments a user belongs to ([`UserDepartment`], [`Department`]). Both clients answer
//! with them (a user's own, or any user's for an administrator).

use serde::Deserialize;

/// One node of an organisation, on a user's path from the root (the REST answers of a
/// user's organisations: `GET /api/v2/users/me/orgs`, `GET /api/v2/users/{userId}/orgs`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgNode {
    /// The node's id.
    pub id: String,
    /// The organisation it belongs to.
    #[serde(default)]
    pub org_id: Option<String>,
    /// `org` for the root, `node` below it.
    #[serde(default, rename = "type")]
    pub node_type: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its code.
    #[serde(default)]
    pub code: Option<String>,
    /// A description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its position among its siblings.
    #[serde(default)]
    pub order: Option<i64>,
    /// Creation time (ISO 8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last change (ISO 8601).
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// `UserDepartment`: a department a user belongs to.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserDepartment {
    /// The department.
    pub department: Department,
    /// Whether it is the user's main department.
    #[serde(default)]
    pub is_main_department: bool,
    /// When the user joined it (ISO 8601).
    #[serde(default)]
    pub joined_at: Option<String>,
}

/// `Node`: a department of an organisation.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Department {
    /// Its id.
    pub id: String,
    /// The organisation it belongs to.
    pub org_id: Option<String>,
    /// Its name.
    pub name: String,
    /// A description.
    pub description: Option<String>,
    /// Its code.
    pub code: Option<String>,
    /// Whether it is the organisation's root.
    pub root: Option<bool>,
    /// Its depth in the tree.
    pub depth: Option<i64>,
    /// The ids from the root to it.
    #[serde(default)]
    pub path: Vec<String>,
    /// The names from the root to it.
    #[serde(default)]
    pub name_path: Vec<String>,
    /// Creation time (ISO 8601).
    pub created_at: Option<String>,
    /// Last change (ISO 8601).
    pub updated_at: Option<String>,
}
