//! Pipeline functions.

use async_graphql::{InputObject, SimpleObject};

/// A new pipeline function.
#[derive(InputObject)]
pub(crate) struct CreateFunctionInput {
    pub(crate) name: String,
    pub(crate) source_code: String,
    pub(crate) description: Option<String>,
    pub(crate) url: Option<String>,
}

/// A pipeline function.
#[derive(SimpleObject)]
pub(crate) struct Function {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) source_code: String,
    pub(crate) description: Option<String>,
    pub(crate) url: Option<String>,
}

/// A page of pipeline functions.
#[derive(SimpleObject)]
pub(crate) struct PaginatedFunctions {
    pub(crate) list: Vec<Function>,
    pub(crate) total_count: i32,
}

/// The changes to a pipeline function.
#[derive(InputObject)]
pub(crate) struct UpdateFunctionInput {
    pub(crate) id: String,
    pub(crate) name: Option<String>,
    pub(crate) source_code: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) url: Option<String>,
}
