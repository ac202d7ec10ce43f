//! [`ListUsers`]: `users(page, limit, sortBy)`.

use authing_core::model::{PaginatedUsers, SortBy};
use authing_core::{Error, Transport};
use serde_json::json;

use super::page_and_limit;
use crate::client::ManagementClient;
use crate::graphql;

/// One page of the pool's users; made by [`UsersHandler::list`](super::UsersHandler::list).
#[derive(Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListUsers<T> {
    client: ManagementClient<T>,
    page: Option<u32>,
    limit: Option<u32>,
    sort_by: Option<SortBy>,
    with_custom_data: bool,
}

impl<T: Transport> ListUsers<T> {
    pub(crate) fn new(client: ManagementClient<T>) -> Self {
        Self {
            client,
            page: None,
            limit: None,
            sort_by: None,
            with_custom_data: false,
        }
    }

    /// The page, 1-based (default 1).
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    /// Users per page (default 10).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The order (default newest first).
    pub fn sort_by(mut self, sort_by: SortBy) -> Self {
        self.sort_by = Some(sort_by);
        self
    }

    /// Whether to fetch each user's custom data too (default no).
    pub fn with_custom_data(mut self, with_custom_data: bool) -> Self {
        self.with_custom_data = with_custom_data;
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<PaginatedUsers, Error> {
        let client = self.client;
        let (page, limit) =
            page_and_limit(self.page, self.limit).map_err(|e| client.report_error(e))?;
        let operation = if self.with_custom_data {
            &graphql::USERS_WITH_CUSTOM_DATA
        } else {
            &graphql::USERS
        };
        let mut variables = json!({ "page": page, "limit": limit });
        if let Some(sort_by) = self.sort_by {
            variables["sortBy"] = json!(sort_by);
        }
        client.graphql(operation, variables).await
    }
}
