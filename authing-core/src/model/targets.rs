//! What the family operations act on (custom data, policy assignments, authorized
//! resources), and what they answer.

use serde::{Deserialize, Serialize};

/// `UDFTargetType`: the kinds of object that carry custom data.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UdfTargetType {
    /// A user.
    User,
    /// A role.
    Role,
    /// A node of an organisation.
    Node,
    /// An organisation.
    Org,
    /// An application.
    Application,
    /// The user pool itself.
    Userpool,
    /// A permission.
    Permission,
}

/// `PolicyAssignmentTargetType`: the kinds of object policies are assigned to, and whose
/// authorized resources can be listed.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PolicyAssignmentTargetType {
    /// A user (by id).
    User,
    /// A role (by code).
    Role,
    /// A group (by code).
    Group,
    /// An organisation node (by id).
    Org,
    /// An access key pair.
    AkSk,
}

/// `PolicyAssignment`: a policy assigned to an object.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyAssignment {
    /// The policy's code.
    pub code: String,
    /// The kind of object it is assigned to.
    pub target_type: PolicyAssignmentTargetType,
    /// The object's id or code.
    pub target_identifier: String,
}

/// `AuthorizedResource`: a resource an object may act on, and how.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizedResource {
    /// The resource's code.
    pub code: String,
    /// The resource's type (`DATA`, `API`, `MENU`, `BUTTON`, ...).
    #[serde(rename = "type")]
    pub resource_type: Option<String>,
    /// The actions allowed on it.
    pub actions: Option<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_types_use_authings_names() {
        assert_eq!(
            serde_json::to_value(UdfTargetType::Userpool).expect("serialises"),
            "USERPOOL"
        );
        assert_eq!(
            serde_json::to_value(PolicyAssignmentTargetType::AkSk).expect("serialises"),
            "AK_SK"
        );
        let assignment: PolicyAssignment = serde_json::from_value(serde_json::json!({
            "code": "p1", "targetType": "ROLE", "targetIdentifier": "admin"
        }))
        .expect("decodes");
        assert_eq!(assignment.target_type, PolicyAssignmentTargetType::Role);
    }
}
