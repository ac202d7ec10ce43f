//! The GraphQL documents both clients send, kept once here (under `graphql/<area>/`). Where
//! both clients send the same call, the operation is declared once too, in
//! [`shared_operations`](crate::shared_operations); where they differ (what is required,
//! who may send it), each client declares its own over the same document.

use super::fragments::USER_WITH_IDENTITIES;

crate::graphql_operations! {
    /// `checkLoginStatus(token)`: whether a user's token is a live login, and whose.
    CHECK_LOGIN_STATUS = ("checkLoginStatus", "users/checkLoginStatus.graphql");
    /// `updateUser(id, input)`: any user's fields with the management token, one's own with a
    /// user token.
    UPDATE_USER = ("updateUser", "users/updateUser.graphql", USER_WITH_IDENTITIES);
    /// `isUserExists(username, email, phone, externalId)`: whether a user with one of these
    /// exists in the pool (an administrator's question, and a visitor's before registering).
    IS_USER_EXISTS = ("isUserExists", "users/isUserExists.graphql");
    // Custom data, sent by administrators for any object and by a user
    // for their own.
    /// `udv(targetType, targetId)`: an object's custom data.
    UDV = ("udv", "custom_data/udv.graphql");
    /// `setUdv(targetType, targetId, key, value)`: one value; answers all of them.
    SET_UDV = ("setUdv", "custom_data/setUdv.graphql");
    /// `removeUdv(targetType, targetId, key)`: answers the values left.
    REMOVE_UDV = ("removeUdv", "custom_data/removeUdv.graphql");
    /// `setUdvBatch(targetType, targetId, udvList)`: several values; answers all of them.
    SET_UDV_BATCH = ("setUdvBatch", "custom_data/setUdvBatch.graphql");
    /// `refreshToken(id)`: a fresh login token, for user `id` (the management token) or for
    /// the bearer's own login (`id` omitted, a user token).
    REFRESH_TOKEN = ("refreshToken", "users/refreshToken.graphql");
    /// `user(id) { roles(namespace) }`: a user's roles, each with its parent (any user's with
    /// the management token, one's own with a user token).
    GET_USER_ROLES = ("user", "users/getUserRoles.graphql");
    /// `user(id) { departments(orgId) }`: a user's departments.
    GET_USER_DEPARTMENTS = ("user", "users/getUserDepartments.graphql");
    // mgmtgaps
    /// `sendEmail(email, scene)`: an email with a code for a scene (a visitor's or user's
    /// request, or an administrator's).
    SEND_EMAIL = ("sendEmail", "codes/sendEmail.graphql");
}
