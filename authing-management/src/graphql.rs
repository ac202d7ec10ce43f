//! The GraphQL operations this crate sends, one `.graphql` file each (under `src/graphql/`),
//! embedded at compile time.
//!
//! Every document is the project's own. Documents that return users spread
//! `...UserFields` (every scalar field of the schema's `User`); the `…_WITH_CUSTOM_DATA` twins
//! spread `...UserWithCustomData` (the same plus `customData { key value dataType label }`).
//! The fragments are defined once, in `authing-core`
//! ([`user_fields_fragment!`](authing_core::user_fields_fragment),
//! [`user_with_custom_data_fragment!`](authing_core::user_with_custom_data_fragment)), and
//! appended to each document that spreads them. [`graphql_documents`](crate::graphql_documents)
//! lists them all, so tests can validate them against Authing's schema.

authing_core::graphql_operations! {
    /// `accessToken(userPoolId, secret)`: the management token (sent without a token).
    ACCESS_TOKEN = ("accessToken", "accessToken", "graphql/access_token.graphql");
    /// `checkLoginStatus(token)`: whether a user's token is a live login.
    CHECK_LOGIN_STATUS =
        ("checkLoginStatus", "checkLoginStatus", "graphql/check_login_status.graphql");
    /// `users(page, limit, sortBy)`: one page of users.
    USERS = ("users", "users", "graphql/users.graphql", user_fields_fragment);
    /// `users(page, limit, sortBy)` with custom data.
    USERS_WITH_CUSTOM_DATA = (
        "usersWithCustomData", "users", "graphql/users_with_custom_data.graphql",
        user_with_custom_data_fragment,
    );
    /// `createUser(userInfo, keepPassword, resetPasswordOnFirstLogin, params)`.
    CREATE_USER =
        ("createUser", "createUser", "graphql/create_user.graphql", user_fields_fragment);
    /// `createUser(...)` answering with custom data.
    CREATE_USER_WITH_CUSTOM_DATA = (
        "createUserWithCustomData", "createUser", "graphql/create_user_with_custom_data.graphql",
        user_with_custom_data_fragment,
    );
    /// `updateUser(id, input)`.
    UPDATE_USER =
        ("updateUser", "updateUser", "graphql/update_user.graphql", user_fields_fragment);
    /// `user(id)`: one user.
    USER = ("user", "user", "graphql/user.graphql", user_fields_fragment);
    /// `user(id)` with custom data.
    USER_WITH_CUSTOM_DATA = (
        "userWithCustomData", "user", "graphql/user_with_custom_data.graphql",
        user_with_custom_data_fragment,
    );
    /// `findUser(username, email, phone, externalId)`.
    FIND_USER = ("findUser", "findUser", "graphql/find_user.graphql", user_fields_fragment);
    /// `findUser(...)` with custom data.
    FIND_USER_WITH_CUSTOM_DATA = (
        "findUserWithCustomData", "findUser", "graphql/find_user_with_custom_data.graphql",
        user_with_custom_data_fragment,
    );
    /// `searchUser(query, fields, page, limit, departmentOpts, groupOpts, roleOpts)`.
    SEARCH_USER =
        ("searchUser", "searchUser", "graphql/search_user.graphql", user_fields_fragment);
    /// `searchUser(...)` with custom data.
    SEARCH_USER_WITH_CUSTOM_DATA = (
        "searchUserWithCustomData", "searchUser", "graphql/search_user_with_custom_data.graphql",
        user_with_custom_data_fragment,
    );
    /// `userBatch(ids, type)`.
    USER_BATCH =
        ("userBatch", "userBatch", "graphql/user_batch.graphql", user_fields_fragment);
    /// `userBatch(ids, type)` with custom data.
    USER_BATCH_WITH_CUSTOM_DATA = (
        "userBatchWithCustomData", "userBatch", "graphql/user_batch_with_custom_data.graphql",
        user_with_custom_data_fragment,
    );
    /// `deleteUser(id)`.
    DELETE_USER = ("deleteUser", "deleteUser", "graphql/delete_user.graphql");
    /// `deleteUsers(ids)`.
    DELETE_USERS = ("deleteUsers", "deleteUsers", "graphql/delete_users.graphql");
    /// `isUserExists(username, email, phone, externalId)`.
    IS_USER_EXISTS = ("isUserExists", "isUserExists", "graphql/is_user_exists.graphql");
}

/// `twin`, the `…_WITH_CUSTOM_DATA` twin of `plain`, when the caller asked for custom data;
/// else `plain`.
pub(crate) fn with_custom_data_if(
    with_custom_data: bool,
    plain: &'static authing_core::GraphQlOperation,
    twin: &'static authing_core::GraphQlOperation,
) -> &'static authing_core::GraphQlOperation {
    if with_custom_data { twin } else { plain }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_match_the_documents() {
        let mut names = HashSet::new();
        for op in ALL {
            assert!(names.insert(op.operation_name()), "{}", op.operation_name());
            let document = op.document();
            let declared = document
                .lines()
                .find(|l| l.starts_with("query ") || l.starts_with("mutation "))
                .and_then(|l| l.split_whitespace().nth(1))
                .map(|name| name.split('(').next().unwrap_or(name));
            assert_eq!(declared, Some(op.operation_name()));
            assert!(
                document.contains(&format!("{}(", op.root_field())),
                "{} does not call {}",
                op.operation_name(),
                op.root_field()
            );
        }
    }
}
