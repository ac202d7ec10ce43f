//! User groups and pages of groups.

use async_graphql::{ComplexObject, Context, Result, SimpleObject};

use crate::auth::Access;
use crate::domain::groups;
use crate::graphql::resolve::call;
use crate::graphql::schema::acl::PaginatedAuthorizedResources;
use crate::graphql::types::PaginatedUsers;
use crate::store::Page;

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
    /// The group's members, a page at a time, in the order they joined.
    async fn users(
        &self,
        ctx: &Context<'_>,
        page: Option<i32>,
        limit: Option<i32>,
    ) -> Result<PaginatedUsers> {
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| {
                let group = groups::get(pool, &self.code)?;
                let members = Page::new(page, limit).of(groups::members(pool, &group.id));
                Ok(PaginatedUsers::of(members, &pool.id))
            })
        })
    }

    /// The resources the group may act on in `namespace` (the default one when not given),
    /// of one type when given.
    async fn authorized_resources(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        resource_type: Option<String>,
    ) -> Result<Option<PaginatedAuthorizedResources>> {
        call(ctx, Access::Admin, |call| {
            let namespace = crate::domain::namespace_or_default(namespace.as_deref());
            call.pool(|pool| {
                let group = (crate::store::TargetType::Group, self.code.as_str());
                crate::graphql::acl::authorized_page(
                    pool,
                    namespace,
                    group,
                    resource_type.as_deref(),
                )
                .map(Some)
            })
        })
    }
}

/// A page of groups.
#[derive(SimpleObject)]
pub(crate) struct PaginatedGroups {
    pub(crate) total_count: i32,
    pub(crate) list: Vec<Group>,
}
