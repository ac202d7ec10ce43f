//! One page of a list.

use serde::Deserialize;

use super::User;

/// One page of a list, with the total across all pages.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paginated<T> {
    /// How many items there are across all pages.
    pub total_count: i64,
    /// The items of this page.
    pub list: Vec<T>,
}

/// A page of users (`PaginatedUsers`).
pub type PaginatedUsers = Paginated<User>;

/// An empty page (no items, a total of 0).
impl<T> Default for Paginated<T> {
    fn default() -> Self {
        Self {
            total_count: 0,
            list: Vec::new(),
        }
    }
}
