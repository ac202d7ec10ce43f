//! Roles, for administrators: thin calls into `domain::roles`. A namespace left out (or
//! empty) is the pool's `default` one.

use async_graphql::{Context, Object, Result};

use super::inputs::SortByEnum;
use super::resolve::{call, done};
use super::schema::roles::{PaginatedRoles, Role};
use super::types::CommonMessage;
use crate::auth::Access;
use crate::clock::iso;
use crate::domain::namespace_or_default;
use crate::domain::roles::{self, Assignment};
use crate::failure::{DELETED, Failure, OK};
use crate::store::{Page, Paged, Pool, RoleRecord};

impl Role {
    /// The answer for `record`, its parent filled from the pool.
    pub(crate) fn of(record: &RoleRecord, pool: &Pool) -> Self {
        let parent = record
            .parent
            .as_deref()
            .and_then(|id| pool.roles.get(id))
            .map(|parent| Box::new(Self::without_parent(parent, &pool.id)));
        Self {
            parent,
            ..Self::without_parent(record, &pool.id)
        }
    }

    fn without_parent(record: &RoleRecord, pool_id: &str) -> Self {
        Self {
            id: record.id.clone(),
            namespace: record.namespace.clone(),
            code: record.code.clone(),
            arn: record.arn(pool_id),
            description: record.description.clone(),
            is_system: Some(false),
            created_at: Some(iso(record.created_at)),
            updated_at: Some(iso(record.updated_at)),
            parent: None,
        }
    }
}

impl PaginatedRoles {
    /// A page of roles.
    pub(crate) fn of<'p>(page: Paged<&'p RoleRecord>, pool: &'p Pool) -> Self {
        Self {
            total_count: i32::try_from(page.total).unwrap_or(i32::MAX),
            list: page.items.into_iter().map(|r| Role::of(r, pool)).collect(),
        }
    }
}

/// The role queries.
#[derive(Default)]
pub(crate) struct RolesQuery;

#[Object]
impl RolesQuery {
    /// A role by code in `namespace`, or null.
    async fn role(
        &self,
        ctx: &Context<'_>,
        code: String,
        namespace: Option<String>,
    ) -> Result<Option<Role>> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            call.pool(|pool| Ok(roles::find(pool, namespace, &code).map(|r| Role::of(r, pool))))
        })
    }

    /// The roles of `namespace`, a page at a time.
    async fn roles(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        #[graphql(default_with = "Some(1)")] page: Option<i32>,
        #[graphql(default_with = "Some(10)")] limit: Option<i32>,
        #[graphql(default_with = "Some(SortByEnum::CreatedatDesc)")] sort_by: Option<SortByEnum>,
    ) -> Result<PaginatedRoles> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let oldest_first = matches!(sort_by, Some(SortByEnum::CreatedatAsc));
            call.pool(|pool| {
                let page = roles::list(pool, namespace, oldest_first, Page::new(page, limit));
                Ok(PaginatedRoles::of(page, pool))
            })
        })
    }
}

/// The codes of an `assignRole` / `revokeRole`: `roleCode` and `roleCodes` together.
fn assignment(
    role_code: Option<String>,
    role_codes: Option<Vec<Option<String>>>,
    user_ids: Option<Vec<String>>,
    group_codes: Option<Vec<String>>,
) -> Assignment {
    let role_codes = role_code
        .into_iter()
        .chain(role_codes.into_iter().flatten().flatten())
        .filter(|code| !code.is_empty())
        .collect();
    Assignment {
        role_codes,
        user_ids: user_ids.unwrap_or_default(),
        group_codes: group_codes.unwrap_or_default(),
    }
}

/// Organisation nodes do not exist in the fake yet: a call naming some is refused rather
/// than half done.
fn no_nodes(node_codes: Option<&Vec<String>>) -> Result<(), Failure> {
    match node_codes {
        Some(codes) if !codes.is_empty() => Err(Failure::unsupported("assignRole(nodeCodes)")),
        _ => Ok(()),
    }
}

/// The role mutations.
#[derive(Default)]
pub(crate) struct RolesMutation;

#[Object]
impl RolesMutation {
    /// Creates a role in `namespace`, under the role `parent` (a code of the same
    /// namespace) when given; 2411 when the code is taken, 2410 when the parent is missing.
    async fn create_role(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        code: String,
        description: Option<String>,
        parent: Option<String>,
    ) -> Result<Role> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let now = call.now();
            call.pool(|pool| {
                let id = roles::create(
                    pool,
                    namespace,
                    &code,
                    description.as_deref(),
                    parent.as_deref(),
                    now,
                )?
                .id
                .clone();
                let record = pool
                    .roles
                    .get(&id)
                    .ok_or_else(|| Failure::internal("role"))?;
                Ok(Role::of(record, pool))
            })
        })
    }

    /// Changes a role's description or code; 2410 when missing, 2411 when the new code is
    /// taken.
    async fn update_role(
        &self,
        ctx: &Context<'_>,
        code: String,
        description: Option<String>,
        new_code: Option<String>,
        namespace: Option<String>,
    ) -> Result<Role> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let now = call.now();
            call.pool(|pool| {
                let id = roles::update(pool, namespace, &code, description, new_code, now)?
                    .id
                    .clone();
                let record = pool
                    .roles
                    .get(&id)
                    .ok_or_else(|| Failure::internal("role"))?;
                Ok(Role::of(record, pool))
            })
        })
    }

    /// Deletes a role and its links; 2410 when missing.
    async fn delete_role(
        &self,
        ctx: &Context<'_>,
        code: String,
        namespace: Option<String>,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            call.pool(|pool| roles::delete(pool, namespace, std::slice::from_ref(&code)))?;
            Ok(done(&call, DELETED))
        })
    }

    /// Deletes roles and their links, all or none (2410 when one is missing).
    async fn delete_roles(
        &self,
        ctx: &Context<'_>,
        code_list: Vec<String>,
        namespace: Option<String>,
    ) -> Result<CommonMessage> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            call.pool(|pool| roles::delete(pool, namespace, &code_list))?;
            Ok(done(&call, DELETED))
        })
    }

    /// Gives roles to users and groups (2410, 2004, 2420 for an unknown role, user or
    /// group). Organisation nodes are not supported yet.
    #[allow(clippy::too_many_arguments, reason = "Authing's arguments")]
    async fn assign_role(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        role_code: Option<String>,
        role_codes: Option<Vec<Option<String>>>,
        user_ids: Option<Vec<String>>,
        group_codes: Option<Vec<String>>,
        node_codes: Option<Vec<String>>,
    ) -> Result<Option<CommonMessage>> {
        call(ctx, Access::Admin, |call| {
            no_nodes(node_codes.as_ref())?;
            let namespace = namespace_or_default(namespace.as_deref());
            let assignment = assignment(role_code, role_codes, user_ids, group_codes);
            call.pool(|pool| roles::assign(pool, namespace, &assignment))?;
            Ok(Some(done(&call, OK)))
        })
    }

    /// Takes roles from users and groups (roles not held are ignored).
    #[allow(clippy::too_many_arguments, reason = "Authing's arguments")]
    async fn revoke_role(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        role_code: Option<String>,
        role_codes: Option<Vec<Option<String>>>,
        user_ids: Option<Vec<String>>,
        group_codes: Option<Vec<String>>,
        node_codes: Option<Vec<String>>,
    ) -> Result<Option<CommonMessage>> {
        call(ctx, Access::Admin, |call| {
            no_nodes(node_codes.as_ref())?;
            let namespace = namespace_or_default(namespace.as_deref());
            let assignment = assignment(role_code, role_codes, user_ids, group_codes);
            call.pool(|pool| roles::revoke(pool, namespace, &assignment))?;
            Ok(Some(done(&call, OK)))
        })
    }
}
