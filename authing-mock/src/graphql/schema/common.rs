//! Small result types no root field returns directly.

use async_graphql::SimpleObject;

/// How a batch operation went: counts of successes and failures.
#[derive(SimpleObject)]
pub(crate) struct BatchOperationResult {
    pub(crate) succeed_count: i32,
    pub(crate) failed_count: i32,
    pub(crate) message: Option<String>,
    pub(crate) errors: Option<Vec<String>>,
}

/// A key and its value.
#[derive(SimpleObject)]
pub(crate) struct KeyValuePair {
    pub(crate) key: String,
    pub(crate) value: String,
}
