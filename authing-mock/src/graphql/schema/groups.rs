//! User groups and pages of groups.

use async_graphql::{ComplexObject, Context, Result, SimpleObject};

use crate::graphql::schema::acl::PaginatedAuthorizedResources;
use crate::graphql::types::PaginatedUsers;
use crate::graphql::unsupported::unsupported;

/// A group of users.
#[derive(SimpleObject)]
#[graphql(complex)]
pub(crate) struct Group {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) created_at: Option<String>,
    pub(crate) updated_at: Option<String>,
}

#[ComplexObject]
impl Group {
    /// The group's members, a page at a time. Not supported by the fake yet.
    async fn users(
        &self,
        ctx: &Context<'_>,
        page: Option<i32>,
        limit: Option<i32>,
    ) -> Result<PaginatedUsers> {
        Err(unsupported(ctx, "Group.users"))
    }

    /// The resources the group may act on. Not supported by the fake yet.
    async fn authorized_resources(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        resource_type: Option<String>,
    ) -> Result<Option<PaginatedAuthorizedResources>> {
        Err(unsupported(ctx, "Group.authorizedResources"))
    }
}

/// A page of groups.
#[derive(SimpleObject)]
pub(crate) struct PaginatedGroups {
    pub(crate) total_count: i32,
    pub(crate) list: Vec<Group>,
}
