//! The fields of `User` that follow its relations: roles, groups, departments and authorised
//! resources.
//!
//! Roles and groups come from the store: `roles` are the user's roles of a namespace
//! (directly assigned, through their groups, and inherited from parents), `groups` the
//! groups they belong to, `authorizedResources` what the evaluator grants them. The fake
//! has no organisations yet, so `departments` answers the true, empty page.

use async_graphql::{ComplexObject, Context, Result};

use super::resolve::call;
use super::schema::acl::PaginatedAuthorizedResources;
use super::schema::groups::{Group, PaginatedGroups};
use super::schema::org::PaginatedDepartments;
use super::schema::roles::{PaginatedRoles, Role};
use super::types::User;
use crate::auth::Access;
use crate::domain::{groups, roles};

/// A list's length as the schema's `totalCount`.
fn count(len: usize) -> i32 {
    i32::try_from(len).unwrap_or(i32::MAX)
}

#[ComplexObject]
impl User {
    /// The user's roles of `namespace` (the default one when not given): assigned directly,
    /// through the user's groups, and their ancestors.
    async fn roles(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
    ) -> Result<Option<PaginatedRoles>> {
        call(ctx, Access::Signed, |call| {
            let namespace = crate::domain::namespace_or_default(namespace.as_deref());
            call.pool(|pool| {
                let list: Vec<Role> = roles::user_roles(pool, &self.id, namespace)
                    .into_iter()
                    .map(|role| Role::of(role, pool))
                    .collect();
                Ok(Some(PaginatedRoles {
                    total_count: count(list.len()),
                    list,
                }))
            })
        })
    }

    /// The groups the user belongs to.
    async fn groups(&self, ctx: &Context<'_>) -> Result<Option<PaginatedGroups>> {
        call(ctx, Access::Signed, |call| {
            call.pool(|pool| {
                let list: Vec<Group> = groups::user_groups(pool, &self.id).map(Group::of).collect();
                Ok(Some(PaginatedGroups {
                    total_count: count(list.len()),
                    list,
                }))
            })
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

    /// The resources the user may act on (of `namespace` and `resourceType`, when given):
    /// their own permissions, their roles' and groups'.
    async fn authorized_resources(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        resource_type: Option<String>,
    ) -> Result<Option<PaginatedAuthorizedResources>> {
        call(ctx, Access::Signed, |call| {
            let namespace = crate::domain::namespace_or_default(namespace.as_deref());
            call.pool(|pool| {
                let user = (crate::store::TargetType::User, self.id.as_str());
                super::acl::authorized_page(pool, namespace, user, resource_type.as_deref())
                    .map(Some)
            })
        })
    }
}
