//! Organisations: trees of nodes (departments) and department memberships.

use async_graphql::{ComplexObject, Context, Result, SimpleObject};

use crate::graphql::inputs::SortByEnum;
use crate::graphql::schema::acl::PaginatedAuthorizedResources;
use crate::graphql::types::PaginatedUsers;
use crate::graphql::unsupported::unsupported;

/// A node (department) of an organisation tree.
#[derive(SimpleObject)]
#[graphql(complex)]
pub(crate) struct Node {
    pub(crate) id: String,
    pub(crate) org_id: Option<String>,
    pub(crate) name: String,
    #[graphql(name = "nameI18n")]
    pub(crate) name_i18n: Option<String>,
    pub(crate) description: Option<String>,
    #[graphql(name = "descriptionI18n")]
    pub(crate) description_i18n: Option<String>,
    pub(crate) order: Option<i32>,
    pub(crate) code: Option<String>,
    pub(crate) root: Option<bool>,
    pub(crate) depth: Option<i32>,
    pub(crate) path: Vec<String>,
    pub(crate) code_path: Vec<Option<String>>,
    pub(crate) name_path: Vec<String>,
    pub(crate) created_at: Option<String>,
    pub(crate) updated_at: Option<String>,
    pub(crate) children: Option<Vec<String>>,
    /// Whether the node is a virtual one, grouping others (JS 4.23's `getUserDepartments`
    /// selects it).
    pub(crate) is_virtual_node: Option<bool>,
}

#[ComplexObject]
impl Node {
    /// The node's members, a page at a time. Not supported by the fake yet.
    async fn users(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "Some(1)")] page: Option<i32>,
        #[graphql(default_with = "Some(10)")] limit: Option<i32>,
        #[graphql(default_with = "Some(SortByEnum::CreatedatDesc)")] sort_by: Option<SortByEnum>,
        #[graphql(default_with = "Some(true)")] include_children_nodes: Option<bool>,
    ) -> Result<PaginatedUsers> {
        Err(unsupported(ctx, "Node.users"))
    }

    /// The resources the node may act on. Not supported by the fake yet.
    async fn authorized_resources(
        &self,
        ctx: &Context<'_>,
        namespace: Option<String>,
        resource_type: Option<String>,
    ) -> Result<Option<PaginatedAuthorizedResources>> {
        Err(unsupported(ctx, "Node.authorizedResources"))
    }
}

/// An organisation: a tree of nodes.
#[derive(SimpleObject)]
pub(crate) struct Org {
    pub(crate) id: String,
    pub(crate) root_node: Node,
    pub(crate) nodes: Vec<Node>,
}

/// A page of a user's departments.
#[derive(SimpleObject)]
pub(crate) struct PaginatedDepartments {
    pub(crate) list: Vec<UserDepartment>,
    pub(crate) total_count: i32,
}

/// A page of organisations.
#[derive(SimpleObject)]
pub(crate) struct PaginatedOrgs {
    pub(crate) total_count: i32,
    pub(crate) list: Vec<Org>,
}

/// A department a user belongs to.
#[derive(SimpleObject)]
pub(crate) struct UserDepartment {
    pub(crate) department: Node,
    pub(crate) is_main_department: bool,
    pub(crate) joined_at: Option<String>,
}
