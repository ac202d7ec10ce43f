//! Multi-factor authentication (the administrator's view).

use async_graphql::SimpleObject;

/// A user's MFA setting.
#[derive(SimpleObject)]
pub(crate) struct Mfa {
    pub(crate) id: String,
    pub(crate) user_id: String,
    pub(crate) user_pool_id: String,
    pub(crate) enable: bool,
    pub(crate) secret: Option<String>,
}
