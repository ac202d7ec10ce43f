//! Argument types of user operations: [`BatchField`] and the search restrictions.

use serde::{Deserialize, Serialize};

/// Which field the identifiers of [`BatchGetUsers`](super::BatchGetUsers) are.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum BatchField {
    /// User ids (the default).
    #[default]
    Id,
    /// Usernames.
    Username,
    /// Phone numbers.
    Phone,
    /// Email addresses.
    Email,
    /// Ids in an external system.
    ExternalId,
}

impl BatchField {
    /// The value of `userBatch`'s `type` argument.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Username => "username",
            Self::Phone => "phone",
            Self::Email => "email",
            Self::ExternalId => "externalId",
        }
    }
}

/// `SearchUserDepartmentOpt`: restrict a search to a department.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchUserDepartmentOpt {
    /// The department (organisation node) id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_id: Option<String>,
    /// Whether users of its sub-departments count too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_children_departments: Option<bool>,
}

/// `SearchUserGroupOpt`: restrict a search to a group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchUserGroupOpt {
    /// The group's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// `SearchUserRoleOpt`: restrict a search to a role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchUserRoleOpt {
    /// The role's namespace (permission group) code; default: the pool's default one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The role's code.
    pub code: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_fields_serialise_as_their_wire_names() {
        for field in [
            BatchField::Id,
            BatchField::Username,
            BatchField::Phone,
            BatchField::Email,
            BatchField::ExternalId,
        ] {
            assert_eq!(
                serde_json::to_value(field).expect("serialises"),
                field.as_str()
            );
        }
    }
}
