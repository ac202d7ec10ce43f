//! External identities given with a user (SDK additions the SDL lacks).

use async_graphql::InputObject;

/// Finds a user by an identity at an external provider (sent by the JavaScript and Go SDKs).
#[derive(InputObject)]
pub(crate) struct FindUserByIdentityInput {
    /// The provider's code.
    pub(crate) provider: Option<String>,
    /// The user's id at the provider.
    pub(crate) user_id_in_idp: Option<String>,
    /// Whether the provider is a social one.
    pub(crate) is_social: Option<bool>,
    /// The provider connection's identifier.
    pub(crate) identifier: Option<String>,
}

/// An external identity to bind to a new user (sent by the JavaScript and Go SDKs).
#[derive(InputObject)]
pub(crate) struct CreateUserIdentityInput {
    /// The provider's code.
    pub(crate) provider: String,
    /// The user's id at the provider.
    pub(crate) user_id_in_idp: String,
    /// The openid at the provider.
    pub(crate) openid: Option<String>,
    /// Whether the provider is a social one.
    pub(crate) is_social: Option<bool>,
    /// The provider connection's id.
    pub(crate) connection_id: Option<String>,
    /// The provider's access token.
    pub(crate) access_token: Option<String>,
    /// The provider's refresh token.
    pub(crate) refresh_token: Option<String>,
}
