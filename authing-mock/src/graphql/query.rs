//! The `Query` root.

use async_graphql::{Context, Object, Result};

use super::Env;
use super::inputs::{SearchUserDepartmentOpt, SearchUserGroupOpt, SearchUserRoleOpt, SortByEnum};
use super::schema::identity::FindUserByIdentityInput;
use super::types::{
    AccessTokenRes, JwtTokenStatus, JwtTokenStatusDetail, PaginatedUsers, User, arn,
};
use crate::i18n::{Failure, UniqueField, logged_in};
use crate::tokens::TokenOwner;
use crate::users::{DEFAULT_SEARCH_FIELDS, Page};

/// Queries.
pub(crate) struct Query;

/// The `(field, value)` pairs given to `isUserExists` / `findUser`.
fn given_lookups(
    email: Option<String>,
    phone: Option<String>,
    username: Option<String>,
    external_id: Option<String>,
) -> Vec<(UniqueField, String)> {
    [
        (UniqueField::Email, email),
        (UniqueField::Phone, phone),
        (UniqueField::Username, username),
        (UniqueField::ExternalId, external_id),
    ]
    .into_iter()
    .filter_map(|(field, value)| {
        value
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .map(|v| (field, v))
    })
    .collect()
}

/// Whether a list of filters holds at least one filter.
fn any_given<T>(filters: &Option<Vec<Option<T>>>) -> bool {
    filters.iter().flatten().any(Option::is_some)
}

#[Object(name = "ImplementedQuery")]
impl Query {
    /// A management access token for a user pool (3 days). An unknown pool is 2224, a
    /// wrong secret 1001.
    async fn access_token(
        &self,
        ctx: &Context<'_>,
        user_pool_id: String,
        secret: String,
    ) -> Result<AccessTokenRes> {
        let env = Env::of(ctx)?;
        env.run(|| {
            {
                let store = env.inner.store();
                let pool = store.pool(user_pool_id.trim())?;
                if pool.secret.expose() != secret.trim() {
                    return Err(Failure::NoPermission);
                }
            }
            let issued = env
                .inner
                .tokens
                .management(user_pool_id.trim(), env.inner.clock.now())?;
            Ok(AccessTokenRes {
                access_token: Some(issued.token),
                exp: Some(issued.exp),
                iat: Some(issued.iat),
            })
        })
    }

    /// The users of the pool, one 1-based page at a time (administrators).
    /// `excludeUsersInOrg` leaves out members of organisations; the fake has none yet, so it
    /// leaves out nobody.
    async fn users(
        &self,
        ctx: &Context<'_>,
        page: Option<i32>,
        limit: Option<i32>,
        #[graphql(default_with = "Some(SortByEnum::CreatedatDesc)")] sort_by: Option<SortByEnum>,
        exclude_users_in_org: Option<bool>,
    ) -> Result<PaginatedUsers> {
        let _ = exclude_users_in_org;
        let env = Env::of(ctx)?;
        env.run(|| {
            let pool_id = env.inner.admin_pool(env.rc)?;
            let store = env.inner.store();
            let pool = store.pool(&pool_id)?;
            let (total_count, page) =
                pool.list_users(Page::new(page, limit), sort_by.unwrap_or_default());
            Ok(PaginatedUsers::of(total_count, page, &pool_id))
        })
    }

    /// A user by id. Administrators may read any user of their pool; a user may read only
    /// themselves (and may omit `id`).
    async fn user(&self, ctx: &Context<'_>, id: Option<String>) -> Result<Option<User>> {
        let env = Env::of(ctx)?;
        env.run(|| {
            let caller = env.inner.caller(env.rc)?;
            let wanted = caller.subject(id)?;
            let store = env.inner.store();
            let pool = store.pool(caller.pool_id())?;
            let user = pool.user(&wanted).ok_or_else(Failure::user_not_found)?;
            Ok(Some(User::from_record(user, caller.pool_id(), None)))
        })
    }

    /// Users by id, username, email, phone or externalId (`type`, default `id`), in the
    /// order asked, skipping unknown ones (administrators).
    async fn user_batch(
        &self,
        ctx: &Context<'_>,
        ids: Vec<String>,
        #[graphql(name = "type")] kind: Option<String>,
    ) -> Result<Vec<User>> {
        let env = Env::of(ctx)?;
        env.run(|| {
            let pool_id = env.inner.admin_pool(env.rc)?;
            let store = env.inner.store();
            let pool = store.pool(&pool_id)?;
            Ok(pool
                .batch(&ids, kind.as_deref())?
                .into_iter()
                .map(|u| User::from_record(u, &pool_id, None))
                .collect())
        })
    }

    /// Users whose `fields` (default username, email, phone, nickname, name) contain
    /// `query`, case-insensitively, newest first (administrators). The fake has no
    /// departments, groups or roles, so a department, group or role filter matches nobody.
    #[allow(clippy::too_many_arguments)]
    async fn search_user(
        &self,
        ctx: &Context<'_>,
        query: String,
        fields: Option<Vec<Option<String>>>,
        page: Option<i32>,
        limit: Option<i32>,
        department_opts: Option<Vec<Option<SearchUserDepartmentOpt>>>,
        group_opts: Option<Vec<Option<SearchUserGroupOpt>>>,
        role_opts: Option<Vec<Option<SearchUserRoleOpt>>>,
    ) -> Result<PaginatedUsers> {
        let env = Env::of(ctx)?;
        env.run(|| {
            let pool_id = env.inner.admin_pool(env.rc)?;
            let fields: Vec<String> = fields
                .unwrap_or_default()
                .into_iter()
                .flatten()
                .filter(|f| !f.trim().is_empty())
                .collect();
            let fields = if fields.is_empty() {
                DEFAULT_SEARCH_FIELDS.map(str::to_owned).to_vec()
            } else {
                fields
            };
            let filters_membership =
                any_given(&department_opts) || any_given(&group_opts) || any_given(&role_opts);
            let store = env.inner.store();
            let pool = store.pool(&pool_id)?;
            let (total_count, page) = pool.search_users(&query, &fields, Page::new(page, limit))?;
            if filters_membership {
                return Ok(PaginatedUsers {
                    total_count: 0,
                    list: Vec::new(),
                });
            }
            Ok(PaginatedUsers::of(total_count, page, &pool_id))
        })
    }

    /// Whether `token` (else the bearer token) is a live user login. Needs no
    /// authorisation; never fails: `status` false with code 2020 (no token), 2206 (expired),
    /// 2207 (invalid, revoked, a management token, or of another pool than the request's
    /// headers name) or 2004 (the user is gone).
    async fn check_login_status(
        &self,
        ctx: &Context<'_>,
        token: Option<String>,
    ) -> Result<Option<JwtTokenStatus>> {
        let env = Env::of(ctx)?;
        let lang = env.rc.lang;
        let failed = |failure: Failure| JwtTokenStatus {
            code: Some(failure.code()),
            message: Some(failure.message(lang)),
            status: Some(false),
            ..JwtTokenStatus::default()
        };
        let token = token
            .filter(|t| !t.trim().is_empty())
            .or_else(|| env.rc.bearer.as_ref().map(|s| s.expose().to_owned()));
        let Some(token) = token else {
            return Ok(Some(failed(Failure::NotLoggedIn)));
        };
        let verified = match env.inner.check_token(&token) {
            Ok(verified) => verified,
            Err(failure) => return Ok(Some(failed(failure))),
        };
        let TokenOwner::User {
            pool_id, user_id, ..
        } = &verified.owner
        else {
            return Ok(Some(failed(Failure::LoginInvalid)));
        };
        if env
            .inner
            .named_pool(env.rc)
            .is_some_and(|named| &named != pool_id)
        {
            return Ok(Some(failed(Failure::LoginInvalid)));
        }
        let exists = env
            .inner
            .store()
            .pools
            .get(pool_id)
            .is_some_and(|pool| pool.user(user_id).is_some());
        if !exists {
            return Ok(Some(failed(Failure::user_not_found())));
        }
        Ok(Some(JwtTokenStatus {
            code: Some(200),
            message: Some(logged_in(lang).to_owned()),
            status: Some(true),
            exp: Some(verified.exp),
            iat: Some(verified.iat),
            data: Some(JwtTokenStatusDetail {
                id: Some(user_id.clone()),
                user_pool_id: Some(pool_id.clone()),
                arn: Some(arn(pool_id, user_id)),
            }),
        }))
    }

    /// Whether a user with one of these identifiers exists. The pool is the bearer token's
    /// when there is one, else the one the request's headers name.
    async fn is_user_exists(
        &self,
        ctx: &Context<'_>,
        email: Option<String>,
        phone: Option<String>,
        username: Option<String>,
        external_id: Option<String>,
    ) -> Result<Option<bool>> {
        let env = Env::of(ctx)?;
        env.run(|| {
            let pool_id = if env.rc.bearer.is_some() {
                env.inner.caller(env.rc)?.pool_id().to_owned()
            } else {
                env.inner.end_user_target(env.rc)?.0
            };
            let lookups = given_lookups(email, phone, username, external_id);
            let store = env.inner.store();
            let pool = store.pool(&pool_id)?;
            Ok(Some(
                lookups
                    .iter()
                    .any(|(field, value)| pool.find(*field, value).is_some()),
            ))
        })
    }

    /// The user matching every given identifier exactly (email case-insensitively), or
    /// null (administrators). The fake's users have no external identities yet, so a lookup
    /// by `identity` finds nobody.
    async fn find_user(
        &self,
        ctx: &Context<'_>,
        email: Option<String>,
        phone: Option<String>,
        username: Option<String>,
        external_id: Option<String>,
        identity: Option<FindUserByIdentityInput>,
    ) -> Result<Option<User>> {
        let env = Env::of(ctx)?;
        env.run(|| {
            let pool_id = env.inner.admin_pool(env.rc)?;
            if identity.is_some() {
                return Ok(None);
            }
            let lookups = given_lookups(email, phone, username, external_id);
            let store = env.inner.store();
            let pool = store.pool(&pool_id)?;
            let Some(((field, value), rest)) = lookups.split_first() else {
                return Ok(None);
            };
            let found = pool.find(*field, value).filter(|user| {
                rest.iter().all(|(field, value)| {
                    pool.find(*field, value)
                        .is_some_and(|other| other.id == user.id)
                })
            });
            Ok(found.map(|u| User::from_record(u, &pool_id, None)))
        })
    }
}
