//! [`IdentityRecord`]: an external identity (LDAP, AD, a social or enterprise provider)
//! bound to a user.

/// One external identity of a user: who the user is at a provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IdentityRecord {
    /// The provider's code (`ldap`, `ad`, `github`, `wechat:pc`, ...).
    pub(crate) provider: String,
    /// The user's id at the provider (an LDAP username, a GitHub id, ...).
    pub(crate) user_id_in_idp: String,
    /// The identity provider (connection) the identity came through, when known.
    pub(crate) ext_idp_id: Option<String>,
    /// Whether the provider is a social one.
    pub(crate) is_social: bool,
}
