//! The query root fields of Authing's schema the fake does not implement yet, grouped by
//! area; each answers [`unsupported`]. A later change moves a field into a real resolver.

#![allow(
    unused_variables,
    clippy::too_many_arguments,
    reason = "the arguments are declared for the schema; nothing reads them yet"
)]

use async_graphql::{Context, Object, Result};

use crate::graphql::inputs::SortByEnum;
use crate::graphql::schema::email::{EmailTemplate, EmailTemplateType};
use crate::graphql::schema::functions::{Function, PaginatedFunctions};
use crate::graphql::schema::mfa::Mfa;
use crate::graphql::schema::org::{Node, Org, PaginatedOrgs};
use crate::graphql::schema::social::{SocialConnection, SocialConnectionInstance};
use crate::graphql::schema::userpool::{PaginatedUserpool, UserPool, UserPoolType};
use crate::graphql::schema::whitelist::{WhiteList, WhitelistType};
use crate::graphql::unsupported::unsupported;

/// Query root fields that answer "not supported" for now.
#[derive(Default)]
pub(crate) struct UnsupportedQuery;

#[Object]
impl UnsupportedQuery {
    // Email templates and sending.
    /// The pool's email templates.
    async fn email_templates(&self, ctx: &Context<'_>) -> Result<Vec<EmailTemplate>> {
        Err(unsupported(ctx, "emailTemplates"))
    }

    /// An email template rendered as HTML.
    async fn preview_email(
        &self,
        ctx: &Context<'_>,
        #[graphql(name = "type")] kind: EmailTemplateType,
    ) -> Result<String> {
        Err(unsupported(ctx, "previewEmail"))
    }

    /// The code of the pipeline function template.
    async fn template_code(&self, ctx: &Context<'_>) -> Result<String> {
        Err(unsupported(ctx, "templateCode"))
    }

    // Pipeline functions.
    /// A pipeline function.
    async fn function(&self, ctx: &Context<'_>, id: Option<String>) -> Result<Option<Function>> {
        Err(unsupported(ctx, "function"))
    }

    /// The pipeline functions, a page at a time.
    async fn functions(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "Some(1)")] page: Option<i32>,
        #[graphql(default_with = "Some(10)")] limit: Option<i32>,
        #[graphql(default_with = "Some(SortByEnum::CreatedatDesc)")] sort_by: Option<SortByEnum>,
    ) -> Result<PaginatedFunctions> {
        Err(unsupported(ctx, "functions"))
    }

    // MFA (the administrator's view).
    /// A user's MFA setting.
    async fn query_mfa(
        &self,
        ctx: &Context<'_>,
        id: Option<String>,
        user_id: Option<String>,
        user_pool_id: Option<String>,
    ) -> Result<Option<Mfa>> {
        Err(unsupported(ctx, "queryMfa"))
    }

    // Organisations and their nodes.
    /// A node by id.
    async fn node_by_id(&self, ctx: &Context<'_>, id: String) -> Result<Option<Node>> {
        Err(unsupported(ctx, "nodeById"))
    }

    /// A node by its code in an organisation.
    async fn node_by_code(
        &self,
        ctx: &Context<'_>,
        org_id: String,
        code: String,
    ) -> Result<Option<Node>> {
        Err(unsupported(ctx, "nodeByCode"))
    }

    /// An organisation by id.
    async fn org(&self, ctx: &Context<'_>, id: String) -> Result<Org> {
        Err(unsupported(ctx, "org"))
    }

    /// The organisations, a page at a time.
    async fn orgs(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "Some(1)")] page: Option<i32>,
        #[graphql(default_with = "Some(10)")] limit: Option<i32>,
        #[graphql(default_with = "Some(SortByEnum::CreatedatDesc)")] sort_by: Option<SortByEnum>,
    ) -> Result<PaginatedOrgs> {
        Err(unsupported(ctx, "orgs"))
    }

    /// The children of a node.
    async fn children_nodes(
        &self,
        ctx: &Context<'_>,
        org_id: Option<String>,
        node_id: String,
    ) -> Result<Vec<Node>> {
        Err(unsupported(ctx, "childrenNodes"))
    }

    /// The root node of an organisation.
    async fn root_node(&self, ctx: &Context<'_>, org_id: String) -> Result<Node> {
        Err(unsupported(ctx, "rootNode"))
    }

    /// Whether a node is its organisation's root.
    async fn is_root_node(
        &self,
        ctx: &Context<'_>,
        node_id: String,
        org_id: String,
    ) -> Result<Option<bool>> {
        Err(unsupported(ctx, "isRootNode"))
    }

    /// Nodes whose name contains a keyword.
    async fn search_nodes(&self, ctx: &Context<'_>, keyword: String) -> Result<Vec<Node>> {
        Err(unsupported(ctx, "searchNodes"))
    }

    // Social identity providers.
    /// A social identity provider.
    async fn social_connection(
        &self,
        ctx: &Context<'_>,
        provider: String,
    ) -> Result<Option<SocialConnection>> {
        Err(unsupported(ctx, "socialConnection"))
    }

    /// The social identity providers.
    async fn social_connections(&self, ctx: &Context<'_>) -> Result<Vec<SocialConnection>> {
        Err(unsupported(ctx, "socialConnections"))
    }

    /// A social provider as configured for the pool.
    async fn social_connection_instance(
        &self,
        ctx: &Context<'_>,
        provider: String,
    ) -> Result<SocialConnectionInstance> {
        Err(unsupported(ctx, "socialConnectionInstance"))
    }

    /// The social providers configured for the pool.
    async fn social_connection_instances(
        &self,
        ctx: &Context<'_>,
    ) -> Result<Vec<SocialConnectionInstance>> {
        Err(unsupported(ctx, "socialConnectionInstances"))
    }

    // The user pool.
    /// An upload token for the file store.
    async fn qiniu_uptoken(
        &self,
        ctx: &Context<'_>,
        #[graphql(name = "type")] kind: Option<String>,
    ) -> Result<Option<String>> {
        Err(unsupported(ctx, "qiniuUptoken"))
    }

    /// Whether a pool domain is free (Authing's spelling).
    async fn is_domain_avaliable(&self, ctx: &Context<'_>, domain: String) -> Result<Option<bool>> {
        Err(unsupported(ctx, "isDomainAvaliable"))
    }

    /// The caller's user pool.
    async fn userpool(&self, ctx: &Context<'_>) -> Result<UserPool> {
        Err(unsupported(ctx, "userpool"))
    }

    /// The user pools, a page at a time.
    async fn userpools(
        &self,
        ctx: &Context<'_>,
        page: Option<i32>,
        limit: Option<i32>,
        #[graphql(default_with = "Some(SortByEnum::CreatedatDesc)")] sort_by: Option<SortByEnum>,
    ) -> Result<PaginatedUserpool> {
        Err(unsupported(ctx, "userpools"))
    }

    /// The kinds of user pools.
    async fn userpool_types(&self, ctx: &Context<'_>) -> Result<Vec<UserPoolType>> {
        Err(unsupported(ctx, "userpoolTypes"))
    }

    // Registration whitelists.
    /// A registration whitelist.
    async fn whitelist(
        &self,
        ctx: &Context<'_>,
        #[graphql(name = "type")] kind: WhitelistType,
    ) -> Result<Vec<WhiteList>> {
        Err(unsupported(ctx, "whitelist"))
    }
}
