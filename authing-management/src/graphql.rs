//! The GraphQL documents this crate sends, one file each, `src/graphql/<area>/<operationName>.graphql`,
//! embedded at compile time.
//!
//! Documents that return users spread `...UserFields` (every scalar field of the schema's
//! `User`) and select `customData` under `@include(if: $withCustomData)`, so one document
//! serves both shapes. The fragments, and the documents `AuthenticationClient` sends too
//! (`checkLoginStatus`, `updateUser`, the custom data ones), live once in `authing-core`
//! ([`authing_core::graphql::fragments`], [`authing_core::graphql::documents`]).
//! [`graphql_documents`](crate::graphql_documents) lists every document this crate sends.

use authing_core::graphql::fragments::USER_FIELDS;

/// The custom data documents, shared with `AuthenticationClient` (the user's own data).
pub use authing_core::graphql::documents::{REMOVE_UDV, SET_UDV, SET_UDV_BATCH, UDV};

authing_core::graphql_operations! {
    /// `accessToken(userPoolId, secret)`: the management token (sent without a token).
    ACCESS_TOKEN = ("accessToken", "graphql/token/accessToken.graphql");
    /// `users(page, limit, sortBy)`: one page of users.
    USERS = ("users", "graphql/users/users.graphql", USER_FIELDS);
    /// `createUser(userInfo, keepPassword, resetPasswordOnFirstLogin, params)`.
    CREATE_USER = ("createUser", "graphql/users/createUser.graphql", USER_FIELDS);
    /// `user(id)`: one user.
    USER = ("user", "graphql/users/user.graphql", USER_FIELDS);
    /// `findUser(username, email, phone, externalId)`.
    FIND_USER = ("findUser", "graphql/users/findUser.graphql", USER_FIELDS);
    /// `findUser(identity: {provider, userIdInIdp})`: an SDK addition (js, go) that
    /// Authing's published schema lacks.
    FIND_USER_BY_IDENTITY =
        ("findUser", "graphql/users/findUserByIdentity.graphql", USER_FIELDS);
    /// `searchUser(query, fields, page, limit, departmentOpts, groupOpts, roleOpts)`.
    SEARCH_USER = ("searchUser", "graphql/users/searchUser.graphql", USER_FIELDS);
    /// `userBatch(ids, type)`.
    USER_BATCH = ("userBatch", "graphql/users/userBatch.graphql", USER_FIELDS);
    /// `deleteUser(id)`.
    DELETE_USER = ("deleteUser", "graphql/users/deleteUser.graphql");
    /// `deleteUsers(ids)`.
    DELETE_USERS = ("deleteUsers", "graphql/users/deleteUsers.graphql");
    /// `policyAssignments(namespace, code, targetType, targetIdentifier, page, limit)`.
    POLICY_ASSIGNMENTS = ("policyAssignments", "graphql/families/policyAssignments.graphql");
    /// `addPolicyAssignments(policies, targetType, targetIdentifiers, inheritByChildren, namespace)`.
    ADD_POLICY_ASSIGNMENTS =
        ("addPolicyAssignments", "graphql/families/addPolicyAssignments.graphql");
    /// `removePolicyAssignments(policies, targetType, targetIdentifiers, namespace)`.
    REMOVE_POLICY_ASSIGNMENTS =
        ("removePolicyAssignments", "graphql/families/removePolicyAssignments.graphql");
    /// `authorizedResources(targetType, targetIdentifier, namespace, resourceType)`.
    AUTHORIZED_RESOURCES =
        ("authorizedResources", "graphql/families/authorizedResources.graphql");
    /// `role(code, namespace) { users(page, limit) }`: a role's members.
    ROLE_MEMBERS = ("role", "graphql/members/roleMembers.graphql", USER_FIELDS);
    /// `group(code) { users(page, limit) }`: a group's members.
    GROUP_MEMBERS = ("group", "graphql/members/groupMembers.graphql", USER_FIELDS);
    /// `assignRole(namespace, roleCodes, userIds)`.
    ASSIGN_ROLE = ("assignRole", "graphql/members/assignRole.graphql");
    /// `revokeRole(namespace, roleCodes, userIds)`.
    REVOKE_ROLE = ("revokeRole", "graphql/members/revokeRole.graphql");
    /// `addUserToGroup(userIds, code)`.
    ADD_USER_TO_GROUP = ("addUserToGroup", "graphql/members/addUserToGroup.graphql");
    /// `removeUserFromGroup(userIds, code)`.
    REMOVE_USER_FROM_GROUP =
        ("removeUserFromGroup", "graphql/members/removeUserFromGroup.graphql");
    // UDF (users-udf).
    /// `udf(targetType)`: the custom fields of a kind of object.
    UDF = ("udf", "graphql/udf/udf.graphql");
    /// `setUdf(targetType, key, dataType, label, options)`.
    SET_UDF = ("setUdf", "graphql/udf/setUdf.graphql");
    /// `removeUdf(targetType, key)`.
    REMOVE_UDF = ("removeUdf", "graphql/udf/removeUdf.graphql");
    /// `udfValueBatch(targetType, targetIds)`.
    UDF_VALUE_BATCH = ("udfValueBatch", "graphql/udf/udfValueBatch.graphql");
    /// `setUdfValueBatch(targetType, input)`.
    SET_UDF_VALUE_BATCH = ("setUdfValueBatch", "graphql/udf/setUdfValueBatch.graphql");
    // roles-groups
    /// `roles(namespace, page, limit, sortBy)`: one page of roles.
    ROLES = ("roles", "graphql/roles/roles.graphql");
    /// `createRole(namespace, code, description, parent)`.
    CREATE_ROLE = ("createRole", "graphql/roles/createRole.graphql");
    /// `role(code, namespace)`: one role.
    ROLE = ("role", "graphql/roles/role.graphql");
    /// `updateRole(code, description, newCode, namespace)`.
    UPDATE_ROLE = ("updateRole", "graphql/roles/updateRole.graphql");
    /// `deleteRole(code, namespace)`.
    DELETE_ROLE = ("deleteRole", "graphql/roles/deleteRole.graphql");
    /// `deleteRoles(codeList, namespace)`.
    DELETE_ROLES = ("deleteRoles", "graphql/roles/deleteRoles.graphql");
    /// `groups(userId, page, limit, sortBy)`: one page of groups.
    GROUPS = ("groups", "graphql/groups/groups.graphql");
    /// `createGroup(code, name, description)`.
    CREATE_GROUP = ("createGroup", "graphql/groups/createGroup.graphql");
    /// `group(code)`: one group.
    GROUP = ("group", "graphql/groups/group.graphql");
    /// `updateGroup(code, name, description, newCode)`.
    UPDATE_GROUP = ("updateGroup", "graphql/groups/updateGroup.graphql");
    /// `deleteGroups(codeList)`.
    DELETE_GROUPS = ("deleteGroups", "graphql/groups/deleteGroups.graphql");
    // Policies and ACL.
    /// `policies(page, limit, namespace)`: one page of policies.
    POLICIES = ("policies", "graphql/policies/policies.graphql");
    /// `policy(code, namespace)`: one policy.
    POLICY = ("policy", "graphql/policies/policy.graphql");
    /// `createPolicy(namespace, code, description, statements)`.
    CREATE_POLICY = ("createPolicy", "graphql/policies/createPolicy.graphql");
    /// `updatePolicy(namespace, code, description, statements, newCode)`.
    UPDATE_POLICY = ("updatePolicy", "graphql/policies/updatePolicy.graphql");
    /// `deletePolicy(code, namespace)`.
    DELETE_POLICY = ("deletePolicy", "graphql/policies/deletePolicy.graphql");
    /// `deletePolicies(codeList, namespace)`.
    DELETE_POLICIES = ("deletePolicies", "graphql/policies/deletePolicies.graphql");
    /// `enablePolicyAssignment(policy, targetType, targetIdentifier, namespace)`.
    ENABLE_POLICY_ASSIGNMENT =
        ("enablePolicyAssignment", "graphql/policies/enablePolicyAssignment.graphql");
    /// `disbalePolicyAssignment(policy, targetType, targetIdentifier, namespace)` (Authing's
    /// spelling).
    DISABLE_POLICY_ASSIGNMENT =
        ("disbalePolicyAssignment", "graphql/policies/disbalePolicyAssignment.graphql");
    /// `allow(resource, action, userId, userIds, roleCode, roleCodes, namespace)`.
    ALLOW = ("allow", "graphql/acl/allow.graphql");
    /// `isActionAllowed(resource, action, userId, namespace)`.
    IS_ACTION_ALLOWED = ("isActionAllowed", "graphql/acl/isActionAllowed.graphql");
    /// `authorizeResource(namespace, resource, resourceType, opts)`.
    AUTHORIZE_RESOURCE = ("authorizeResource", "graphql/acl/authorizeResource.graphql");
    /// `authorizedTargets(namespace, resourceType, resource, targetType, actions)`.
    AUTHORIZED_TARGETS = ("authorizedTargets", "graphql/acl/authorizedTargets.graphql");
    /// `authorizedTargetsCode(namespace, resourceType, resource, targetType, actions)`: an
    /// SDK addition (go `GetAuthorizedTargetsCode`) that Authing's published schema lacks.
    AUTHORIZED_TARGETS_CODE =
        ("authorizedTargetsCode", "graphql/acl/authorizedTargetsCode.graphql");
    /// `archivedUsers(page, limit)`: one page of the archived users.
    ARCHIVED_USERS = ("archivedUsers", "graphql/users/archivedUsers.graphql", USER_FIELDS);
    /// `user(id) { groups }`: a user's groups.
    USER_GROUPS = ("user", "graphql/users/userGroups.graphql");
    /// `sendFirstLoginVerifyEmail(userId, appId)`.
    SEND_FIRST_LOGIN_VERIFY_EMAIL =
        ("sendFirstLoginVerifyEmail", "graphql/users/sendFirstLoginVerifyEmail.graphql");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_match_the_documents() {
        let mut names = HashSet::new();
        for op in ALL {
            assert!(names.insert(op.operation_name()), "{}", op.operation_name());
            let document = op.document();
            let declared = document
                .lines()
                .find(|l| l.starts_with("query ") || l.starts_with("mutation "))
                .and_then(|l| l.split_whitespace().nth(1))
                .map(|name| name.split('(').next().unwrap_or(name));
            assert_eq!(declared, Some(op.operation_name()));
            assert!(
                document.contains(&format!("{}(", op.root_field())),
                "{} does not call {}",
                op.operation_name(),
                op.root_field()
            );
        }
    }
}
