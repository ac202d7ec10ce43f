//! [`PageQuery`]: what the calls that answer with a page of users ([`ListUsers`] and
//! [`SearchUsers`]) share: the page, its size, and whether users come with custom data.
//!
//! [`ListUsers`]: super::ListUsers
//! [`SearchUsers`]: super::SearchUsers

use authing_core::{Error, GraphQlOperation};
use serde_json::{Value, json};

use crate::graphql;

/// The page (1-based), the users per page, and whether each user's custom data is fetched
/// too; set with [`page_query_setters!`]. Unset, it asks for page 1 of 10 (the SDKs'
/// defaults) without custom data.
#[derive(Debug, Default)]
pub(super) struct PageQuery {
    pub(super) page: Option<u32>,
    pub(super) limit: Option<u32>,
    pub(super) with_custom_data: bool,
}

impl PageQuery {
    /// The document to send, `plain` or its custom-data `twin`, and the variables `page`
    /// and `limit`; `Err(InvalidArgument)` for a page or limit of 0.
    pub(super) fn request(
        &self,
        plain: &'static GraphQlOperation,
        twin: &'static GraphQlOperation,
    ) -> Result<(&'static GraphQlOperation, Value), Error> {
        let page = self.page.unwrap_or(1);
        let limit = self.limit.unwrap_or(10);
        if page == 0 {
            return Err(Error::invalid_argument(
                "page is 1-based: the first page is 1, not 0",
            ));
        }
        if limit == 0 {
            return Err(Error::invalid_argument("limit must be at least 1"));
        }
        let operation = graphql::with_custom_data_if(self.with_custom_data, plain, twin);
        Ok((operation, json!({ "page": page, "limit": limit })))
    }
}

/// The setters of [`PageQuery`], for a builder holding one in its `page_query` field.
macro_rules! page_query_setters {
    () => {
        /// The page, 1-based (default 1).
        pub fn page(mut self, page: u32) -> Self {
            self.page_query.page = Some(page);
            self
        }

        /// Users per page (default 10).
        pub fn limit(mut self, limit: u32) -> Self {
            self.page_query.limit = Some(limit);
            self
        }

        /// Whether to fetch each user's custom data too (default no).
        pub fn with_custom_data(mut self, with_custom_data: bool) -> Self {
            self.page_query.with_custom_data = with_custom_data;
            self
        }
    };
}

pub(super) use page_query_setters;
