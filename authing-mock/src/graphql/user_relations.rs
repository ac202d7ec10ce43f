//! The fields of `User` that follow its relations: roles, groups, departments and authorised
//! resources.
//!
//! The fake has no roles, groups, organisations or policies yet (their root fields answer
//! "not supported"), so no user can hold any: each answer is the true, empty page. The change
//! that adds a resource answers its field from the store instead.

use async_graphql::ComplexObject;

use super::schema::acl::PaginatedAuthorizedResources;
use super::schema::groups::PaginatedGroups;
use super::schema::org::PaginatedDepartments;
use super::schema::roles::PaginatedRoles;
use super::types::User;

#[ComplexObject]
impl User {
    /// The user's roles (of `namespace`, when given).
    async fn roles(&self, namespace: Option<String>) -> Option<PaginatedRoles> {
        let _ = namespace;
        Some(PaginatedRoles {
            total_count: 0,
            list: Vec::new(),
        })
    }

    /// The groups the user belongs to.
    async fn groups(&self) -> Option<PaginatedGroups> {
        Some(PaginatedGroups {
            total_count: 0,
            list: Vec::new(),
        })
    }

    /// The departments the user belongs to (in organisation `orgId`, when given).
    async fn departments(&self, org_id: Option<String>) -> Option<PaginatedDepartments> {
        let _ = org_id;
        Some(PaginatedDepartments {
            total_count: 0,
            list: Vec::new(),
        })
    }

    /// The resources the user may act on (of `namespace` and `resourceType`, when given).
    async fn authorized_resources(
        &self,
        namespace: Option<String>,
        resource_type: Option<String>,
    ) -> Option<PaginatedAuthorizedResources> {
        let _ = (namespace, resource_type);
        Some(PaginatedAuthorizedResources {
            total_count: 0,
            list: Vec::new(),
        })
    }
}
