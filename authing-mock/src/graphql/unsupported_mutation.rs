//! The mutation root fields of Authing's schema the fake does not implement yet, grouped by
//! area; each answers [`unsupported`]. A later change moves a field into a real resolver.

#![allow(
    unused_variables,
    clippy::too_many_arguments,
    reason = "the arguments are declared for the schema; nothing reads them yet"
)]

use async_graphql::{Context, Object, Result};

use crate::graphql::schema::email::{ConfigEmailTemplateInput, EmailTemplate, EmailTemplateType};
use crate::graphql::schema::functions::{CreateFunctionInput, Function, UpdateFunctionInput};
use crate::graphql::schema::mfa::Mfa;
use crate::graphql::schema::org::{Node, Org};
use crate::graphql::schema::social::{
    CreateSocialConnectionInstanceInput, SocialConnectionInstance,
};
use crate::graphql::schema::userpool::{RefreshAccessTokenRes, UpdateUserpoolInput, UserPool};
use crate::graphql::schema::whitelist::{WhiteList, WhitelistType};
use crate::graphql::types::CommonMessage;
use crate::graphql::unsupported::unsupported;

/// Mutation root fields that answer "not supported" for now.
#[derive(Default)]
pub(crate) struct UnsupportedMutation;

#[Object]
impl UnsupportedMutation {
    // Email templates and sending.
    /// Sets a custom email template.
    async fn config_email_template(
        &self,
        ctx: &Context<'_>,
        input: ConfigEmailTemplateInput,
    ) -> Result<EmailTemplate> {
        Err(unsupported(ctx, "configEmailTemplate"))
    }

    /// Uses the custom template of a kind.
    async fn enable_email_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(name = "type")] kind: EmailTemplateType,
    ) -> Result<EmailTemplate> {
        Err(unsupported(ctx, "enableEmailTemplate"))
    }

    /// Goes back to the system template of a kind.
    async fn disable_email_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(name = "type")] kind: EmailTemplateType,
    ) -> Result<EmailTemplate> {
        Err(unsupported(ctx, "disableEmailTemplate"))
    }

    // Pipeline functions.
    /// Creates a pipeline function.
    async fn create_function(
        &self,
        ctx: &Context<'_>,
        input: CreateFunctionInput,
    ) -> Result<Option<Function>> {
        Err(unsupported(ctx, "createFunction"))
    }

    /// Changes a pipeline function.
    async fn update_function(
        &self,
        ctx: &Context<'_>,
        input: UpdateFunctionInput,
    ) -> Result<Function> {
        Err(unsupported(ctx, "updateFunction"))
    }

    /// Deletes a pipeline function.
    async fn delete_function(&self, ctx: &Context<'_>, id: String) -> Result<CommonMessage> {
        Err(unsupported(ctx, "deleteFunction"))
    }

    // MFA (the administrator's view).
    /// Changes a user's MFA setting.
    async fn change_mfa(
        &self,
        ctx: &Context<'_>,
        enable: Option<bool>,
        id: Option<String>,
        user_id: Option<String>,
        user_pool_id: Option<String>,
        refresh: Option<bool>,
    ) -> Result<Option<Mfa>> {
        Err(unsupported(ctx, "changeMfa"))
    }

    // Organisations and their nodes.
    /// Sets a user's main department.
    async fn set_main_department(
        &self,
        ctx: &Context<'_>,
        user_id: String,
        department_id: Option<String>,
    ) -> Result<CommonMessage> {
        Err(unsupported(ctx, "setMainDepartment"))
    }

    /// Creates an organisation.
    async fn create_org(
        &self,
        ctx: &Context<'_>,
        name: String,
        code: Option<String>,
        description: Option<String>,
        tenant_id: Option<String>,
    ) -> Result<Org> {
        Err(unsupported(ctx, "createOrg"))
    }

    /// Deletes an organisation.
    async fn delete_org(&self, ctx: &Context<'_>, id: String) -> Result<CommonMessage> {
        Err(unsupported(ctx, "deleteOrg"))
    }

    /// Adds a node; answers the whole organisation.
    async fn add_node(
        &self,
        ctx: &Context<'_>,
        org_id: String,
        parent_node_id: Option<String>,
        name: String,
        #[graphql(name = "nameI18n")] name_i18n: Option<String>,
        description: Option<String>,
        #[graphql(name = "descriptionI18n")] description_i18n: Option<String>,
        order: Option<i32>,
        code: Option<String>,
    ) -> Result<Org> {
        Err(unsupported(ctx, "addNode"))
    }

    /// Adds a node; answers the node.
    #[graphql(name = "addNodeV2")]
    async fn add_node_v2(
        &self,
        ctx: &Context<'_>,
        org_id: String,
        parent_node_id: Option<String>,
        name: String,
        #[graphql(name = "nameI18n")] name_i18n: Option<String>,
        description: Option<String>,
        #[graphql(name = "descriptionI18n")] description_i18n: Option<String>,
        order: Option<i32>,
        code: Option<String>,
    ) -> Result<Node> {
        Err(unsupported(ctx, "addNodeV2"))
    }

    /// Changes a node.
    async fn update_node(
        &self,
        ctx: &Context<'_>,
        id: String,
        name: Option<String>,
        code: Option<String>,
        description: Option<String>,
    ) -> Result<Node> {
        Err(unsupported(ctx, "updateNode"))
    }

    /// Deletes a node.
    async fn delete_node(
        &self,
        ctx: &Context<'_>,
        org_id: String,
        node_id: String,
    ) -> Result<CommonMessage> {
        Err(unsupported(ctx, "deleteNode"))
    }

    /// Adds users to a node.
    async fn add_member(
        &self,
        ctx: &Context<'_>,
        node_id: Option<String>,
        org_id: Option<String>,
        node_code: Option<String>,
        user_ids: Vec<String>,
        #[graphql(default_with = "Some(false)")] is_leader: Option<bool>,
    ) -> Result<Node> {
        Err(unsupported(ctx, "addMember"))
    }

    /// Removes users from a node.
    async fn remove_member(
        &self,
        ctx: &Context<'_>,
        node_id: Option<String>,
        org_id: Option<String>,
        node_code: Option<String>,
        user_ids: Vec<String>,
    ) -> Result<Node> {
        Err(unsupported(ctx, "removeMember"))
    }

    /// Moves users from one node to another.
    async fn move_members(
        &self,
        ctx: &Context<'_>,
        user_ids: Vec<String>,
        source_node_id: String,
        target_node_id: String,
    ) -> Result<Option<CommonMessage>> {
        Err(unsupported(ctx, "moveMembers"))
    }

    /// Moves a node under another parent.
    async fn move_node(
        &self,
        ctx: &Context<'_>,
        org_id: String,
        node_id: String,
        target_parent_id: String,
    ) -> Result<Org> {
        Err(unsupported(ctx, "moveNode"))
    }

    // Social identity providers.
    /// Configures a social provider for the pool.
    async fn create_social_connection_instance(
        &self,
        ctx: &Context<'_>,
        input: CreateSocialConnectionInstanceInput,
    ) -> Result<SocialConnectionInstance> {
        Err(unsupported(ctx, "createSocialConnectionInstance"))
    }

    /// Turns a configured social provider on.
    async fn enable_social_connection_instance(
        &self,
        ctx: &Context<'_>,
        provider: String,
    ) -> Result<SocialConnectionInstance> {
        Err(unsupported(ctx, "enableSocialConnectionInstance"))
    }

    /// Turns a configured social provider off.
    async fn disable_social_connection_instance(
        &self,
        ctx: &Context<'_>,
        provider: String,
    ) -> Result<SocialConnectionInstance> {
        Err(unsupported(ctx, "disableSocialConnectionInstance"))
    }

    // The user pool.
    /// Creates a user pool.
    async fn create_userpool(
        &self,
        ctx: &Context<'_>,
        name: String,
        domain: String,
        description: Option<String>,
        logo: Option<String>,
        userpool_types: Option<Vec<String>>,
    ) -> Result<UserPool> {
        Err(unsupported(ctx, "createUserpool"))
    }

    /// Changes the user pool's settings.
    async fn update_userpool(
        &self,
        ctx: &Context<'_>,
        input: UpdateUserpoolInput,
    ) -> Result<UserPool> {
        Err(unsupported(ctx, "updateUserpool"))
    }

    /// Replaces the pool secret.
    async fn refresh_userpool_secret(&self, ctx: &Context<'_>) -> Result<String> {
        Err(unsupported(ctx, "refreshUserpoolSecret"))
    }

    /// Deletes the user pool.
    async fn delete_userpool(&self, ctx: &Context<'_>) -> Result<CommonMessage> {
        Err(unsupported(ctx, "deleteUserpool"))
    }

    /// Refreshes a management access token.
    async fn refresh_access_token(
        &self,
        ctx: &Context<'_>,
        access_token: Option<String>,
    ) -> Result<RefreshAccessTokenRes> {
        Err(unsupported(ctx, "refreshAccessToken"))
    }

    // Registration whitelists.
    /// Adds entries to a registration whitelist.
    async fn add_whitelist(
        &self,
        ctx: &Context<'_>,
        #[graphql(name = "type")] kind: WhitelistType,
        list: Vec<String>,
    ) -> Result<Vec<Option<WhiteList>>> {
        Err(unsupported(ctx, "addWhitelist"))
    }

    /// Removes entries from a registration whitelist.
    async fn remove_whitelist(
        &self,
        ctx: &Context<'_>,
        #[graphql(name = "type")] kind: WhitelistType,
        list: Vec<String>,
    ) -> Result<Vec<Option<WhiteList>>> {
        Err(unsupported(ctx, "removeWhitelist"))
    }
}
