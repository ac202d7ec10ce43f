//! Groups, for administrators: thin calls into `domain::groups`.

use async_graphql::{Context, Object, Result};

use super::inputs::SortByEnum;
use super::resolve::{call, done};
use super::schema::groups::{Group, PaginatedGroups};
use super::types::CommonMessage;
use crate::auth::Access;
use crate::clock::iso;
use crate::domain::groups::{self, GroupChange};
use crate::failure::{DELETED, Failure, OK};
use crate::store::{GroupRecord, Page, Paged};

impl Group {
    /// The answer for `record`.
    pub(crate) fn of(record: &GroupRecord) -> Self {
        Self {
            code: record.code.clone(),
            name: record.name.clone(),
            description: record.description.clone(),
            created_at: Some(iso(record.created_at)),
            updated_at: Some(iso(record.updated_at)),
        }
    }
}

impl PaginatedGroups {
    /// A page of groups.
    pub(crate) fn of(page: Paged<&GroupRecord>) -> Self {
        Self {
            total_count: i32::try_from(page.total).unwrap_or(i32::MAX),
            list: page.items.into_iter().map(Group::of).collect(),
        }
    }
}

/// The `code` argument of the membership mutations, which the schema leaves optional.
fn required_code(code: Option<String>) -> Result<String, Failure> {
    code.filter(|code| !code.is_empty())
        .ok_or_else(|| Failure::invalid_params("code is required"))
}

/// The group queries.
#[derive(Default)]
pub(crate) struct GroupsQuery;

#[Object]
impl GroupsQuery {
    /// A group by code, or null.
    async fn group(&self, ctx: &Context<'_>, code: String) -> Result<Option<Group>> {
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| Ok(groups::find(pool, &code).map(Group::of)))
        })
    }

    /// The groups (of the user `userId`, when given), a page at a time.
    async fn groups(
        &self,
        ctx: &Context<'_>,
        user_id: Option<String>,
        #[graphql(default_with = "Some(1)")] page: Option<i32>,
        #[graphql(default_with = "Some(10)")] limit: Option<i32>,
        #[graphql(default_with = "Some(SortByEnum::CreatedatDesc)")] sort_by: Option<SortByEnum>,
    ) -> Result<PaginatedGroups> {
        call(ctx, Access::Admin, |call| {
            let oldest_first = matches!(sort_by, Some(SortByEnum::CreatedatAsc));
            call.pool(|pool| {
                let user = user_id.as_deref().filter(|id| !id.is_empty());
                let page = groups::list(pool, user, oldest_first, Page::new(page, limit));
                Ok(PaginatedGroups::of(page))
            })
        })
    }
}

/// The group mutations.
#[derive(Default)]
pub(crate) struct GroupsMutation;

#[Object]
impl GroupsMutation {
    /// Adds users to a group (2420 for an unknown group, 2004 for an unknown user).
    async fn add_user_to_group(
        &self,
        ctx: &Context<'_>,
        user_ids: Vec<String>,
        code: Option<String>,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            let code = required_code(code)?;
            call.pool(|pool| groups::add_users(pool, &code, &user_ids))?;
            Ok(done(&call, OK))
        })
    }

    /// Removes users from a group (non-members are ignored).
    async fn remove_user_from_group(
        &self,
        ctx: &Context<'_>,
        user_ids: Vec<String>,
        code: Option<String>,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            let code = required_code(code)?;
            call.pool(|pool| groups::remove_users(pool, &code, &user_ids))?;
            Ok(done(&call, OK))
        })
    }

    /// Creates a group; 2421 when the code is taken.
    async fn create_group(
        &self,
        ctx: &Context<'_>,
        code: String,
        name: String,
        description: Option<String>,
    ) -> Result<Group> {
        call(ctx, Access::Admin, |call| {
            let now = call.now();
            call.pool(|pool| {
                groups::create(pool, &code, &name, description.as_deref(), now).map(Group::of)
            })
        })
    }

    /// Changes a group; 2420 when missing, 2421 when the new code is taken.
    async fn update_group(
        &self,
        ctx: &Context<'_>,
        code: String,
        name: Option<String>,
        description: Option<String>,
        new_code: Option<String>,
    ) -> Result<Group> {
        call(ctx, Access::Admin, |call| {
            let now = call.now();
            let change = GroupChange {
                name,
                description,
                new_code,
            };
            call.pool(|pool| groups::update(pool, &code, change, now).map(Group::of))
        })
    }

    /// Deletes groups and their links, all or none (2420 when one is missing).
    async fn delete_groups(
        &self,
        ctx: &Context<'_>,
        code_list: Vec<String>,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| groups::delete(pool, &code_list))?;
            Ok(done(&call, DELETED))
        })
    }
}
