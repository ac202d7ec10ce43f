//! Users, for administrators (and a user reading or updating themselves): thin calls into
//! `domain::users`.

use async_graphql::{Context, Object, Result};

use super::inputs::{
    CreateUserInput, SearchUserDepartmentOpt, SearchUserGroupOpt, SearchUserRoleOpt, SortByEnum,
    UpdateUserInput, non_null_fields,
};
use super::resolve::call;
use super::schema::identity::{CreateUserIdentityInput, FindUserByIdentityInput};
use super::selected::Selected;
use super::types::{CommonMessage, PaginatedUsers, User};
use crate::auth::{Access, Call};
use crate::domain::identity;
use crate::domain::user_identities::{self, LinkIdentity};
use crate::domain::user_search::{self, Membership};
use crate::domain::users::{self, DEFAULT_SEARCH_FIELDS, NewUser};
use crate::failure::{DELETED, Failure};
use crate::store::Page;

/// The user queries.
#[derive(Default)]
pub(crate) struct UsersQuery;

#[Object]
impl UsersQuery {
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
        call(ctx, Access::Admin, |call| {
            let order = sort_by.unwrap_or_default().into();
            call.pool(|pool| {
                let page = users::list(pool, Page::new(page, limit), order);
                Ok(PaginatedUsers::of(page, &pool.id))
            })
        })
    }

    /// A user by id. Administrators may read any user of their pool; a user may read only
    /// themselves (and may omit `id`), with the token they asked with.
    async fn user(&self, ctx: &Context<'_>, id: Option<String>) -> Result<Option<Selected<User>>> {
        call(ctx, Access::Signed, |call| {
            let wanted = call.caller.subject(id)?;
            call.pool(|pool| {
                let user = users::get(pool, &wanted)?;
                Ok(Some(Selected(User::for_caller(user, &call))))
            })
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
        call(ctx, Access::Admin, |call| {
            call.pool(|pool| {
                Ok(users::batch(pool, &ids, kind.as_deref())?
                    .into_iter()
                    .map(|u| User::from_record(u, &pool.id, None))
                    .collect())
            })
        })
    }

    /// Users whose `fields` (default username, email, phone, nickname, name) contain
    /// `query`, case-insensitively, newest first (administrators), narrowed to the direct
    /// holders of `roleOpts`' roles and the members of `groupOpts`' groups (see
    /// `domain::user_search`). The fake has no organisations, so a department filter
    /// matches nobody.
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
        call(ctx, Access::Admin, |call| {
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
            let membership = Membership {
                roles: role_opts
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|opt| (opt.namespace, opt.code))
                    .collect(),
                groups: group_opts
                    .into_iter()
                    .flatten()
                    .flatten()
                    .filter_map(|opt| opt.code)
                    .collect(),
                departments: department_opts
                    .into_iter()
                    .flatten()
                    .flatten()
                    .filter_map(|opt| opt.department_id)
                    .collect(),
            };
            call.pool(|pool| {
                let found = user_search::search(
                    pool,
                    &query,
                    &fields,
                    &membership,
                    Page::new(page, limit),
                )?;
                Ok(PaginatedUsers::of(found, &pool.id))
            })
        })
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
        call(ctx, Access::SignedOrApp, |call| {
            let lookups = users::lookups(email, phone, username, external_id);
            call.pool(|pool| Ok(Some(users::exists(pool, &lookups))))
        })
    }

    /// The user matching every given identifier exactly (email case-insensitively), or
    /// null (administrators). A lookup by `identity` (provider + the user's id there) finds
    /// the user it is linked to (`/api/v2/users/identity/link`), and ignores the other
    /// criteria.
    async fn find_user(
        &self,
        ctx: &Context<'_>,
        email: Option<String>,
        phone: Option<String>,
        username: Option<String>,
        external_id: Option<String>,
        identity: Option<FindUserByIdentityInput>,
    ) -> Result<Option<User>> {
        call(ctx, Access::Admin, |call| {
            if let Some(identity) = identity {
                let provider = identity.provider.unwrap_or_default();
                let in_idp = identity.user_id_in_idp.unwrap_or_default();
                return call.pool(|pool| {
                    Ok(user_identities::find(pool, &provider, &in_idp)
                        .map(|u| User::from_record(u, &pool.id, None)))
                });
            }
            let lookups = users::lookups(email, phone, username, external_id);
            call.pool(|pool| {
                Ok(users::find_matching(pool, &lookups)
                    .map(|u| User::from_record(u, &pool.id, None)))
            })
        })
    }
}

/// Deletes the users `ids` of the administrator's pool, all or none.
fn delete_users(call: &Call<'_>, ids: &[String]) -> Result<Option<CommonMessage>, Failure> {
    call.pool(|pool| users::delete(pool, ids))?;
    Ok(Some(CommonMessage {
        code: Some(200),
        message: Some(DELETED.pick(call.rc.lang).to_owned()),
    }))
}

/// The user mutations.
#[derive(Default)]
pub(crate) struct UsersMutation;

#[Object]
impl UsersMutation {
    /// Creates a user (administrators). The password arrives RSA-encrypted (2016 when it
    /// does not decrypt); `params` is a JSON array of `{key, value}` stored as custom data
    /// with inferred types. `keepPassword` is accepted and ignored; with
    /// `resetPasswordOnFirstLogin` the user's first login demands a new password (1639). An
    /// external `identity` (provider + the user's id there) is bound to the new user, or
    /// nothing is created (2215 when another user holds it).
    async fn create_user(
        &self,
        ctx: &Context<'_>,
        user_info: CreateUserInput,
        keep_password: Option<bool>,
        reset_password_on_first_login: Option<bool>,
        params: Option<String>,
        identity: Option<CreateUserIdentityInput>,
    ) -> Result<User> {
        let _ = keep_password;
        call(ctx, Access::Admin, |call| {
            let password =
                identity::optional_password(&call.fake.key, user_info.password.as_deref())?;
            let new = NewUser {
                fields: non_null_fields(&user_info),
                password,
                custom_data: users::parse_params(params.as_deref())?,
                register_source: "import:manual",
            };
            let now = call.now();
            // An identity to bind is checked before the user exists: all or nothing.
            let mut link = identity.map(|identity| LinkIdentity {
                user_id: String::new(),
                identifier: identity.provider,
                user_id_in_idp: identity.user_id_in_idp,
                is_social: identity.is_social.unwrap_or(false),
                kind: None,
            });
            call.pool(|pool| {
                if let Some(link) = &link {
                    user_identities::check(pool, link)?;
                }
                let id = users::create(pool, new, now)?.id.clone();
                // authlogin: the first login then demands a new password (1639).
                if reset_password_on_first_login == Some(true) {
                    let kind = crate::store::ResetKind::FirstLogin;
                    crate::domain::password_reset::require_reset(pool, &id, kind)?;
                }
                let user = match link.take() {
                    Some(link) => user_identities::link(
                        pool,
                        LinkIdentity {
                            user_id: id,
                            ..link
                        },
                        now,
                    )?,
                    None => users::get(pool, &id)?,
                };
                Ok(User::from_record(user, call.pool_id(), None))
            })
        })
    }

    /// Updates a user. Administrators may update any user of their pool; a user only
    /// themselves (`id` omitted or their own, else 1001), and not their email (2225), phone
    /// (2226), password, verification flags or blocked flag (1001). Changing them with the
    /// proof of a verification (`emailToken`, `phoneToken`) or setting a main department is
    /// not supported yet (501).
    async fn update_user(
        &self,
        ctx: &Context<'_>,
        id: Option<String>,
        input: UpdateUserInput,
        email_token: Option<String>,
        phone_token: Option<String>,
    ) -> Result<User> {
        call(ctx, Access::Signed, |call| {
            let unsupported = [
                (email_token.is_some(), "updateUser(emailToken)"),
                (phone_token.is_some(), "updateUser(phoneToken)"),
                (
                    input.main_department_id.is_some(),
                    "UpdateUserInput.mainDepartmentId",
                ),
                (
                    input.main_department_code.is_some(),
                    "UpdateUserInput.mainDepartmentCode",
                ),
            ];
            if let Some((_, field)) = unsupported.into_iter().find(|(given, _)| *given) {
                return Err(Failure::unsupported(field));
            }
            let target = call.caller.subject(id)?;
            let password = identity::optional_password(&call.fake.key, input.password.as_deref())?;
            let patch = non_null_fields(&input);
            let now = call.now();
            call.pool(|pool| {
                let user = users::update(pool, &call.caller, &target, patch, password, now)?;
                Ok(User::for_caller(user, &call))
            })
        })
    }

    /// Deletes a user (administrators); 2004 when it does not exist.
    async fn delete_user(&self, ctx: &Context<'_>, id: String) -> Result<Option<CommonMessage>> {
        call(ctx, Access::Admin, |call| {
            delete_users(&call, std::slice::from_ref(&id))
        })
    }

    /// Deletes users (administrators): all of them, or none with 2004 (and the unknown ids
    /// as `data.ids`) when one does not exist.
    async fn delete_users(
        &self,
        ctx: &Context<'_>,
        ids: Vec<String>,
    ) -> Result<Option<CommonMessage>> {
        call(ctx, Access::Admin, |call| delete_users(&call, &ids))
    }
}
