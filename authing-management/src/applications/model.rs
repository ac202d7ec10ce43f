//! What the application calls answer: [`Application`], its [`PermissionStrategy`], and the
//! [`ApplicationAccessPolicy`] records of who may log in through it.

use authing_core::Secret;
use authing_core::model::PolicyAssignmentTargetType;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// What an application does with users no access policy names.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DefaultStrategy {
    /// Everyone may log in, unless a policy denies them.
    AllowAll,
    /// No one may log in, unless a policy allows them.
    DenyAll,
}

/// An application's access control (`permissionStrategy`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PermissionStrategy {
    /// Whether access control is on.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// What happens to users no policy names.
    #[serde(default)]
    pub default_strategy: Option<DefaultStrategy>,
    /// The policy that lets users in.
    #[serde(default)]
    pub allow_policy_id: Option<String>,
    /// The policy that keeps users out.
    #[serde(default)]
    pub deny_policy_id: Option<String>,
}

/// An application of a user pool, as Authing's REST API answers it. The fields most callers
/// need are typed; every other field Authing sends (protocol configurations, login tabs,
/// branding, ...) is kept in [`extra`](Self::extra). The secret is a [`Secret`], hidden
/// from `Debug`.
#[non_exhaustive]
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// The application's id (its `x-authing-app-id`, and its namespace code).
    pub id: String,
    /// The pool it belongs to.
    #[serde(default)]
    pub user_pool_id: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its authentication-address prefix (`https://{identifier}.authing.cn`).
    #[serde(default)]
    pub identifier: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its logo URL.
    #[serde(default)]
    pub logo: Option<String>,
    /// Its protocol (`oidc`, `oauth`, `saml`, `cas`).
    #[serde(default)]
    pub protocol: Option<String>,
    /// Its client secret.
    #[serde(default)]
    pub secret: Option<Secret>,
    /// Where users may be sent back after logging in.
    #[serde(default)]
    pub redirect_uris: Option<Vec<String>>,
    /// Where users may be sent back after logging out.
    #[serde(default)]
    pub logout_redirect_uris: Option<Vec<String>>,
    /// Its access control.
    #[serde(default)]
    pub permission_strategy: Option<PermissionStrategy>,
    /// `INDIVIDUAL`, `Tenant` or `BOTH`.
    #[serde(default)]
    pub app_type: Option<String>,
    /// Whether it is the pool's default application.
    #[serde(default)]
    pub is_default: Option<bool>,
    /// Whether it was deleted.
    #[serde(default)]
    pub is_deleted: Option<bool>,
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

/// One access policy of an application (`authorization/records`): a user, role, group or
/// org node let in or kept out.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationAccessPolicy {
    /// What the policy is about.
    pub target_type: PolicyAssignmentTargetType,
    /// A user id, a role code, a group code or an org node id.
    pub target_identifier: String,
    /// Whether it takes effect.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Whether an org node's children inherit it.
    #[serde(default)]
    pub inherit_by_children: Option<bool>,
    /// The namespace (the application's id).
    #[serde(default)]
    pub namespace: Option<String>,
    /// When it was assigned (ISO 8601).
    #[serde(default)]
    pub assigned_at: Option<String>,
    /// Every other field Authing sends (`policyId`, `code`, `policy`, `target`, ...).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A login agreement of an application: terms the user accepts when logging in.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    /// Its id, a number.
    pub id: i64,
    /// The application it belongs to.
    #[serde(default)]
    pub app_id: Option<String>,
    /// The pool.
    #[serde(default)]
    pub user_pool_id: Option<String>,
    /// Its text (may hold HTML links).
    pub title: String,
    /// Its language (`zh-CN`, `en-US`, ...).
    #[serde(default)]
    pub lang: Option<String>,
    /// Whether the user must accept it.
    #[serde(default)]
    pub required: Option<bool>,
    /// Its place in the display order.
    #[serde(default)]
    pub order: Option<i64>,
}
