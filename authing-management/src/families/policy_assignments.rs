//! Policies assigned to any object: [`PolicyAssignmentsHandler`] (`policyAssignments`,
//! `addPolicyAssignments`, `removePolicyAssignments`).

use authing_core::model::{CommonMessage, Paginated, PolicyAssignment, PolicyAssignmentTargetType};
use authing_core::{Error, Transport, Wire, operation};

use crate::checks::{check_page, require};
use crate::client::ManagementClient;
use crate::graphql;

/// The policies assigned to one object (a user by id, a role or group by code, an org node
/// by id); get one with [`ManagementClient::policy_assignments`] or
/// [`UsersHandler::policies`](crate::UsersHandler::policies).
#[derive(Debug, Clone)]
pub struct PolicyAssignmentsHandler<T> {
    client: ManagementClient<T>,
    target_type: PolicyAssignmentTargetType,
    target_identifier: String,
}

impl<T: Transport> PolicyAssignmentsHandler<T> {
    pub(crate) fn new(
        client: ManagementClient<T>,
        target_type: PolicyAssignmentTargetType,
        target_identifier: String,
    ) -> Self {
        Self {
            client,
            target_type,
            target_identifier,
        }
    }

    /// One page of the policies assigned to the object (`policyAssignments`).
    pub fn list(&self) -> ListPolicyAssignments<ManagementClient<T>> {
        ListPolicyAssignments::new(self.client.clone())
            .target_type(self.target_type)
            .target_identifier(self.target_identifier.clone())
    }

    /// Assigns `policies` (by code) to the object (`addPolicyAssignments`).
    pub fn add(&self, policies: Vec<String>) -> AddPolicyAssignments<ManagementClient<T>> {
        AddPolicyAssignments::new(
            self.client.clone(),
            policies,
            self.target_type,
            vec![self.target_identifier.clone()],
        )
    }

    /// Takes `policies` (by code) away from the object (`removePolicyAssignments`).
    pub fn remove(&self, policies: Vec<String>) -> RemovePolicyAssignments<ManagementClient<T>> {
        RemovePolicyAssignments::new(
            self.client.clone(),
            policies,
            self.target_type,
            vec![self.target_identifier.clone()],
        )
    }
}

operation! {
    /// One page of policy assignments (`policyAssignments`), narrowed by object, policy or
    /// namespace.
    pub struct ListPolicyAssignments -> Paginated<PolicyAssignment> {
        wire: Wire::Graphql(&graphql::POLICY_ASSIGNMENTS),
        auth: Management,
        optional {
            /// Only assignments to this kind of object.
            target_type: PolicyAssignmentTargetType,
            /// Only assignments to this object (with `target_type`).
            target_identifier: String,
            /// Only assignments of this policy.
            code: String,
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
        }
        defaults {
            /// The page, 1-based (default 1).
            page: u32 = 1,
            /// Assignments per page (default 10).
            limit: u32 = 10,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_page(self.page, self.limit)
            }
        }
    }
}

operation! {
    /// Assigns policies to objects of one kind (`addPolicyAssignments`).
    pub struct AddPolicyAssignments -> CommonMessage {
        wire: Wire::Graphql(&graphql::ADD_POLICY_ASSIGNMENTS),
        auth: Management,
        required {
            /// The policies' codes.
            policies: Vec<String>,
            /// The kind of the objects.
            target_type: PolicyAssignmentTargetType,
            /// The objects' ids or codes.
            target_identifiers: Vec<String>,
        }
        optional {
            /// Whether the children of an org node inherit the policies (org nodes only).
            inherit_by_children: bool,
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_assignment(&self.policies, &self.target_identifiers)
            }
        }
    }
}

operation! {
    /// Takes policies away from objects of one kind (`removePolicyAssignments`).
    pub struct RemovePolicyAssignments -> CommonMessage {
        wire: Wire::Graphql(&graphql::REMOVE_POLICY_ASSIGNMENTS),
        auth: Management,
        required {
            /// The policies' codes.
            policies: Vec<String>,
            /// The kind of the objects.
            target_type: PolicyAssignmentTargetType,
            /// The objects' ids or codes.
            target_identifiers: Vec<String>,
        }
        optional {
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_assignment(&self.policies, &self.target_identifiers)
            }
        }
    }
}

fn check_assignment(policies: &[String], targets: &[String]) -> Result<(), Error> {
    if policies.is_empty() {
        return Err(Error::invalid_argument("name at least one policy"));
    }
    policies
        .iter()
        .try_for_each(|p| require("policy code", p))?;
    targets
        .iter()
        .try_for_each(|t| require("target identifier", t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use authing_core::ApiClient;
    use bytes::Bytes;

    #[test]
    fn assignments_need_a_policy_and_named_targets() {
        let transport = authing_core::transport_fn(|_r: http::Request<Bytes>| async {
            Ok(http::Response::new(Bytes::new()))
        });
        let api = ApiClient::builder(transport).build().expect("valid");
        let none = AddPolicyAssignments::new(
            (),
            Vec::<String>::new(),
            PolicyAssignmentTargetType::User,
            vec!["u1".to_owned()],
        );
        assert!(matches!(api.prepare(&none), Err(Error::InvalidArgument(_))));
        let blank = RemovePolicyAssignments::new(
            (),
            vec!["p".to_owned()],
            PolicyAssignmentTargetType::Role,
            vec![String::new()],
        );
        assert!(matches!(
            api.prepare(&blank),
            Err(Error::InvalidArgument(_))
        ));
        let ok = AddPolicyAssignments::new(
            (),
            vec!["p".to_owned()],
            PolicyAssignmentTargetType::Org,
            vec!["n1".to_owned()],
        )
        .inherit_by_children(true);
        let request = api.prepare(&ok).expect("prepares");
        let body: serde_json::Value = serde_json::from_slice(request.body()).expect("json");
        assert_eq!(
            body["variables"],
            serde_json::json!({
                "policies": ["p"], "targetType": "ORG", "targetIdentifiers": ["n1"],
                "inheritByChildren": true
            })
        );
    }
}
