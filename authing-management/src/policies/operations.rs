//! The policy operations, one declaration each (see [`authing_core::operation!`]).

use authing_core::model::{
    CommonMessage, Paginated, Policy, PolicyAssignmentTargetType, PolicyStatement,
};
use authing_core::{Error, Wire, operation};

use crate::checks::{check_page, require};
use crate::graphql;

/// Every statement names a resource and at least one action.
fn check_statements(statements: &[PolicyStatement]) -> Result<(), Error> {
    for statement in statements {
        require("statement's resource", &statement.resource)?;
        if statement.actions.is_empty() {
            return Err(Error::invalid_argument(
                "a statement needs at least one action",
            ));
        }
        statement
            .actions
            .iter()
            .try_for_each(|a| require("statement's action", a))?;
    }
    Ok(())
}

operation! {
    /// One page of a namespace's policies, newest first (`policies`).
    pub struct ListPolicies -> Paginated<Policy> {
        wire: Wire::Graphql(&graphql::POLICIES),
        auth: Management,
        optional {
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
        }
        defaults {
            /// The page, 1-based (default 1).
            page: u32 = 1,
            /// Policies per page (default 10).
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
    /// Creates a policy (`createPolicy`). A code taken in the namespace is
    /// [`Error::Api`](authing_core::Error::Api) with code
    /// [`INVALID_PARAMS`](authing_core::codes::INVALID_PARAMS).
    pub struct CreatePolicy -> Policy {
        wire: Wire::Graphql(&graphql::CREATE_POLICY),
        auth: Management,
        required {
            /// The policy's code, unique in its namespace.
            code: String,
            /// What it allows and denies.
            statements: Vec<PolicyStatement>,
        }
        optional {
            /// What it is for.
            description: String,
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("policy code", &self.code)?;
                check_statements(&self.statements)
            }
        }
    }
}

operation! {
    /// One policy by code (`policy`). A policy that does not exist is
    /// [`Error::Api`](authing_core::Error::Api) with code
    /// [`INVALID_PARAMS`](authing_core::codes::INVALID_PARAMS) from the fake, or `None`.
    pub struct PolicyDetail -> Option<Policy> {
        wire: Wire::Graphql(&graphql::POLICY),
        auth: Management,
        required {
            /// The policy's code.
            code: String,
        }
        optional {
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("policy code", &self.code)
            }
        }
    }
}

operation! {
    /// Changes a policy's description, statements or code (`updatePolicy`); unset fields
    /// are left alone. A new code carries the policy's assignments along.
    pub struct UpdatePolicy -> Policy {
        wire: Wire::Graphql(&graphql::UPDATE_POLICY),
        auth: Management,
        required {
            /// The policy's current code.
            code: String,
        }
        optional {
            /// A new description.
            description: String,
            /// New statements, replacing the old ones.
            statements: Vec<PolicyStatement>,
            /// A new code.
            new_code: String,
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("policy code", &self.code)?;
                if let Some(new_code) = &self.new_code {
                    require("new policy code", new_code)?;
                }
                self.statements.as_deref().map_or(Ok(()), check_statements)
            }
        }
    }
}

operation! {
    /// Deletes a policy and its assignments (`deletePolicy`).
    pub struct DeletePolicy -> CommonMessage {
        wire: Wire::Graphql(&graphql::DELETE_POLICY),
        auth: Management,
        required {
            /// The policy's code.
            code: String,
        }
        optional {
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("policy code", &self.code)
            }
        }
    }
}

operation! {
    /// Deletes several policies and their assignments (`deletePolicies`).
    pub struct DeletePolicies -> CommonMessage {
        wire: Wire::Graphql(&graphql::DELETE_POLICIES),
        auth: Management,
        required {
            /// The policies' codes (at least one).
            code_list: Vec<String>,
        }
        optional {
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.code_list.is_empty() {
                    return Err(Error::invalid_argument("name at least one policy"));
                }
                self.code_list.iter().try_for_each(|c| require("policy code", c))
            }
        }
    }
}

operation! {
    /// Turns one policy assignment on (`enablePolicyAssignment`).
    pub struct EnablePolicyAssignment -> CommonMessage {
        wire: Wire::Graphql(&graphql::ENABLE_POLICY_ASSIGNMENT),
        auth: Management,
        required {
            /// The policy's code.
            policy: String,
            /// The kind of object it is assigned to.
            target_type: PolicyAssignmentTargetType,
            /// The object's id or code.
            target_identifier: String,
        }
        optional {
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("policy code", &self.policy)?;
                require("target identifier", &self.target_identifier)
            }
        }
    }
}

operation! {
    /// Turns one policy assignment off (`disbalePolicyAssignment`, as Authing spells it); a
    /// disabled assignment grants nothing.
    pub struct DisablePolicyAssignment -> CommonMessage {
        wire: Wire::Graphql(&graphql::DISABLE_POLICY_ASSIGNMENT),
        auth: Management,
        required {
            /// The policy's code.
            policy: String,
            /// The kind of object it is assigned to.
            target_type: PolicyAssignmentTargetType,
            /// The object's id or code.
            target_identifier: String,
        }
        optional {
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("policy code", &self.policy)?;
                require("target identifier", &self.target_identifier)
            }
        }
    }
}
