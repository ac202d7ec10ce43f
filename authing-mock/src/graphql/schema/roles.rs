//! Roles and pages of roles.

use async_graphql::{ComplexObject, Context, Result, SimpleObject};

use crate::auth::Access;
use crate::domain::roles;
use crate::graphql::resolve::call;
use crate::graphql::schema::acl::PaginatedAuthorizedResources;
use crate::graphql::types::PaginatedUsers;
use crate::store::Page;

/// A page of roles.
#[derive(SimpleObject)]
pub(crate) struct PaginatedRoles {
    pub(crate) total_count: i32,
    pub(crate) list: Vec<Role>,
}

/// A role.
#[derive(SimpleObject)]
#[graphql(complex)]
pub(crate) struct Role {
    pub(crate) id: String,
    pub(crate) namespace: String,
    pub(crate) code: String,
    pub(crate) arn: String,
    pub(crate) description: Option<String>,
    pub(crate) is_system: Option<bool>,
    pub(crate) created_at: Option<String>,
    pub(crate) updated_at: Option<String>,
    pub(crate) parent: Option<Box<Role>>,
}

#[ComplexObject]
impl Role {
    /// The users assigned the role directly, a page at a time, in the order they were
    /// assigned.
    async fn users(
        &self,
        ctx: &Context<'_>,
        page: Option<i32>,
        limit: Option<i32>,
    ) -> Result<PaginatedUsers> {
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| {
                let members = Page::new(page, limit).of(roles::members(pool, &self.id));
                Ok(PaginatedUsers::of(members, &pool.id))
            })
        })
    }

    /// The resources the role itself (not its parent) may act on in its namespace, of one
    /// type when given.
    async fn authorized_resources(
        &self,
        ctx: &Context<'_>,
        resource_type: Option<String>,
    ) -> Result<Option<PaginatedAuthorizedResources>> {
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| {
                let role = (crate::store::TargetType::Role, self.code.as_str());
                crate::graphql::acl::authorized_page(
                    pool,
                    &self.namespace,
                    role,
                    resource_type.as_deref(),
                )
                .map(Some)
            })
        })
    }
}
