//! [`ListUsers`]: `users(page, limit, sortBy)`.

use authing_core::model::{PaginatedUsers, SortBy};
use authing_core::{Error, Transport};

use super::page_query::{PageQuery, page_query_setters};
use super::put;
use crate::client::ManagementClient;
use crate::graphql;

/// One page of the pool's users; made by [`UsersHandler::list`](super::UsersHandler::list).
#[derive(Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListUsers<T> {
    client: ManagementClient<T>,
    page_query: PageQuery,
    sort_by: Option<SortBy>,
}

impl<T: Transport> ListUsers<T> {
    pub(crate) fn new(client: ManagementClient<T>) -> Self {
        Self {
            client,
            page_query: PageQuery::default(),
            sort_by: None,
        }
    }

    page_query_setters!();

    /// The order (default newest first).
    pub fn sort_by(mut self, sort_by: SortBy) -> Self {
        self.sort_by = Some(sort_by);
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<PaginatedUsers, Error> {
        let client = self.client;
        let (operation, mut variables) = self
            .page_query
            .request(&graphql::USERS, &graphql::USERS_WITH_CUSTOM_DATA)
            .map_err(|e| client.report_error(e))?;
        put(&mut variables, "sortBy", self.sort_by);
        client.graphql(operation, variables).await
    }
}
