//! The GraphQL documents both clients send, kept once here (under `graphql/<area>/`); each
//! client declares its own operation over them, with its own authorisation.

use super::fragments::USER_WITH_IDENTITIES;

crate::graphql_operations! {
    /// `checkLoginStatus(token)`: whether a user's token is a live login, and whose.
    CHECK_LOGIN_STATUS = ("checkLoginStatus", "users/checkLoginStatus.graphql");
    /// `updateUser(id, input)`: any user's fields with the management token, one's own with a
    /// user token.
    UPDATE_USER = ("updateUser", "users/updateUser.graphql", USER_WITH_IDENTITIES);
    /// `refreshToken(id)`: a fresh login token, for user `id` (the management token) or for
    /// the bearer's own login (`id` omitted, a user token).
    REFRESH_TOKEN = ("refreshToken", "users/refreshToken.graphql");
}
