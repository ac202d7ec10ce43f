//! Registration whitelists.

use async_graphql::{Enum, SimpleObject};

/// A registration whitelist entry.
#[derive(SimpleObject)]
pub(crate) struct WhiteList {
    pub(crate) created_at: Option<String>,
    pub(crate) updated_at: Option<String>,
    pub(crate) value: String,
}

/// What a whitelist lists.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WhitelistType {
    #[graphql(name = "USERNAME")]
    Username,
    #[graphql(name = "EMAIL")]
    Email,
    #[graphql(name = "PHONE")]
    Phone,
}
