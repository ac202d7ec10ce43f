//! Access control, for administrators: thin calls into `domain::authz`.

use async_graphql::{Context, Object, Result};

use super::resolve::call;
use super::schema::acl::{AuthorizedResource, PaginatedAuthorizedResources};
use super::schema::policies::PolicyAssignmentTargetType;
use crate::auth::Access;
use crate::domain::{authz, namespace_or_default};
use crate::failure::Failure;

/// The access-control queries.
#[derive(Default)]
pub(crate) struct AclQuery;

#[Object]
impl AclQuery {
    /// Whether a user may perform an action on a resource: their own policies, their roles'
    /// (with inherited roles) and their groups'; a deny wins.
    async fn is_action_allowed(
        &self,
        ctx: &Context<'_>,
        resource: String,
        action: String,
        user_id: String,
        namespace: Option<String>,
    ) -> Result<bool> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            call.pool(|pool| {
                crate::domain::users::get(pool, &user_id)?;
                let user = (crate::store::TargetType::User, user_id.as_str());
                Ok(authz::is_allowed(pool, namespace, user, &resource, &action))
            })
        })
    }

    /// The resources a target may act on, and how. The fake's resources carry no type yet, so
    /// a `resourceType` filter matches nothing.
    async fn authorized_resources(
        &self,
        ctx: &Context<'_>,
        target_type: Option<PolicyAssignmentTargetType>,
        target_identifier: Option<String>,
        namespace: Option<String>,
        resource_type: Option<String>,
    ) -> Result<Option<PaginatedAuthorizedResources>> {
        call(ctx, Access::Admin, |call| {
            let namespace = namespace_or_default(namespace.as_deref());
            let kind = target_type.ok_or_else(|| Failure::invalid_params("targetType"))?;
            let target = target_identifier
                .filter(|t| !t.trim().is_empty())
                .ok_or_else(|| Failure::invalid_params("targetIdentifier"))?;
            call.pool(|pool| {
                let found = if resource_type.is_some() {
                    Vec::new()
                } else {
                    authz::authorized_resources(pool, namespace, (kind.into(), target.as_str()))
                };
                Ok(Some(PaginatedAuthorizedResources {
                    total_count: i32::try_from(found.len()).unwrap_or(i32::MAX),
                    list: found
                        .into_iter()
                        .map(|(code, actions)| AuthorizedResource {
                            code,
                            kind: None,
                            actions: Some(actions),
                            api_identifier: None,
                        })
                        .collect(),
                }))
            })
        })
    }
}
