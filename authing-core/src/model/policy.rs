//! Policies: statements of what is allowed or denied on which resources.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `PolicyEffect`: whether a statement allows or denies.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PolicyEffect {
    /// The statement allows its actions.
    Allow,
    /// The statement denies its actions; a deny wins over any allow.
    Deny,
}

/// `PolicyStatementCondition`: a condition under which a statement applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyStatementCondition {
    /// The parameter the condition tests.
    pub param: String,
    /// How it tests it.
    pub operator: String,
    /// The value it tests against (any JSON).
    pub value: Value,
}

/// `PolicyStatement` (and `PolicyStatementInput`): `effect` for `actions` on `resource`.
/// Resources and actions are written as in Authing: `books:*`, `books:123`; `books:read`,
/// `*`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PolicyStatement {
    /// The resource pattern.
    pub resource: String,
    /// The actions (at least one).
    pub actions: Vec<String>,
    /// Allow or deny (Authing's default: allow).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<PolicyEffect>,
    /// Conditions under which the statement applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<Vec<PolicyStatementCondition>>,
}

impl PolicyStatement {
    /// A statement with `effect` for `actions` on `resource`, without conditions.
    pub fn new(
        resource: impl Into<String>,
        actions: impl IntoIterator<Item = impl Into<String>>,
        effect: PolicyEffect,
    ) -> Self {
        Self {
            resource: resource.into(),
            actions: actions.into_iter().map(Into::into).collect(),
            effect: Some(effect),
            condition: None,
        }
    }
}

/// `Policy`: a code unique in its namespace and its statements.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// The namespace (permission group) code.
    pub namespace: Option<String>,
    /// The policy's code.
    pub code: String,
    /// Whether Authing made it (a built-in policy).
    pub is_default: Option<bool>,
    /// What it is for.
    pub description: Option<String>,
    /// What it allows and denies.
    #[serde(default)]
    pub statements: Vec<PolicyStatement>,
    /// When it was created (ISO-8601).
    pub created_at: Option<String>,
    /// When it last changed (ISO-8601).
    pub updated_at: Option<String>,
    /// How many objects hold it (in `createPolicy`'s answer).
    pub assignments_count: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_travel_in_authings_shape() {
        let statement = PolicyStatement::new("books:*", ["books:read"], PolicyEffect::Deny);
        assert_eq!(
            serde_json::to_value(&statement).expect("serialises"),
            serde_json::json!({"resource": "books:*", "actions": ["books:read"], "effect": "DENY"})
        );
        let policy: Policy = serde_json::from_value(serde_json::json!({
            "code": "p", "statements": [statement], "assignmentsCount": 2
        }))
        .expect("decodes");
        assert_eq!(policy.statements[0].effect, Some(PolicyEffect::Deny));
        assert_eq!(policy.assignments_count, Some(2));
    }
}
