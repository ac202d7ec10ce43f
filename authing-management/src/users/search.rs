//! [`SearchUsers`]: `searchUser(query, fields, page, limit, departmentOpts, groupOpts,
//! roleOpts)`.

use authing_core::model::PaginatedUsers;
use authing_core::{Error, Transport};
use serde::Serialize;
use serde_json::json;

use super::page_query::{PageQuery, page_query_setters};
use super::put;
use crate::client::ManagementClient;
use crate::graphql;

/// Users matching a full-text query; made by [`UsersHandler::search`](super::UsersHandler::search).
#[derive(Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct SearchUsers<T> {
    client: ManagementClient<T>,
    query: String,
    fields: Option<Vec<String>>,
    page_query: PageQuery,
    department_opts: Option<Vec<SearchUserDepartmentOpt>>,
    group_opts: Option<Vec<SearchUserGroupOpt>>,
    role_opts: Option<Vec<SearchUserRoleOpt>>,
}

impl<T: Transport> SearchUsers<T> {
    pub(crate) fn new(client: ManagementClient<T>, query: String) -> Self {
        Self {
            client,
            query,
            fields: None,
            page_query: PageQuery::default(),
            department_opts: None,
            group_opts: None,
            role_opts: None,
        }
    }

    /// The fields to search in, by their schema names (`username`, `email`, `phone`,
    /// `nickname`, ...); default: Authing's choice.
    pub fn fields(mut self, fields: Vec<String>) -> Self {
        self.fields = Some(fields);
        self
    }

    page_query_setters!();

    /// Only users in these departments.
    pub fn department_opts(mut self, opts: Vec<SearchUserDepartmentOpt>) -> Self {
        self.department_opts = Some(opts);
        self
    }

    /// Only users in these groups.
    pub fn group_opts(mut self, opts: Vec<SearchUserGroupOpt>) -> Self {
        self.group_opts = Some(opts);
        self
    }

    /// Only users with these roles.
    pub fn role_opts(mut self, opts: Vec<SearchUserRoleOpt>) -> Self {
        self.role_opts = Some(opts);
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<PaginatedUsers, Error> {
        let client = self.client;
        let (operation, mut variables) = self
            .page_query
            .request(
                &graphql::SEARCH_USER,
                &graphql::SEARCH_USER_WITH_CUSTOM_DATA,
            )
            .map_err(|e| client.report_error(e))?;
        variables["query"] = json!(self.query);
        put(&mut variables, "fields", self.fields);
        put(&mut variables, "departmentOpts", self.department_opts);
        put(&mut variables, "groupOpts", self.group_opts);
        put(&mut variables, "roleOpts", self.role_opts);
        client.graphql(operation, variables).await
    }
}

/// `SearchUserDepartmentOpt`: restrict a search to a department.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchUserDepartmentOpt {
    /// The department (organisation node) id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department_id: Option<String>,
    /// Whether users of its sub-departments count too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_children_departments: Option<bool>,
}

/// `SearchUserGroupOpt`: restrict a search to a group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SearchUserGroupOpt {
    /// The group's code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// `SearchUserRoleOpt`: restrict a search to a role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SearchUserRoleOpt {
    /// The role's namespace (permission group) code; default: the pool's default one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The role's code.
    pub code: String,
}
