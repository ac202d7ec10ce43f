//! The GraphQL operations this crate sends, one `.graphql` file each (under `src/graphql/`),
//! embedded at compile time.
//!
//! Every document is the project's own. Documents that return users select every scalar
//! field of the schema's `User`; the `…_WITH_CUSTOM_DATA` twins add
//! `customData { key value dataType label }`. [`graphql_documents`](crate::graphql_documents)
//! lists them all, so tests can validate them against Authing's schema.

use authing_core::GraphQlOperation;

macro_rules! operations {
    ($( $(#[$doc:meta])* $name:ident = ($op:literal, $root:literal, $file:literal); )+) => {
        $(
            $(#[$doc])*
            pub const $name: GraphQlOperation =
                GraphQlOperation::new($op, $root, include_str!(concat!("graphql/", $file)));
        )+

        /// Every operation of this crate.
        pub const ALL: &[GraphQlOperation] = &[$($name),+];
    };
}

operations! {
    /// `accessToken(userPoolId, secret)`: the management token (sent without a token).
    ACCESS_TOKEN = ("accessToken", "accessToken", "access_token.graphql");
    /// `checkLoginStatus(token)`: whether a user's token is a live login.
    CHECK_LOGIN_STATUS = ("checkLoginStatus", "checkLoginStatus", "check_login_status.graphql");
    /// `users(page, limit, sortBy)`: one page of users.
    USERS = ("users", "users", "users.graphql");
    /// `users(page, limit, sortBy)` with custom data.
    USERS_WITH_CUSTOM_DATA = ("usersWithCustomData", "users", "users_with_custom_data.graphql");
    /// `createUser(userInfo, keepPassword, resetPasswordOnFirstLogin, params)`.
    CREATE_USER = ("createUser", "createUser", "create_user.graphql");
    /// `createUser(...)` answering with custom data.
    CREATE_USER_WITH_CUSTOM_DATA =
        ("createUserWithCustomData", "createUser", "create_user_with_custom_data.graphql");
    /// `updateUser(id, input)`.
    UPDATE_USER = ("updateUser", "updateUser", "update_user.graphql");
    /// `user(id)`: one user.
    USER = ("user", "user", "user.graphql");
    /// `user(id)` with custom data.
    USER_WITH_CUSTOM_DATA = ("userWithCustomData", "user", "user_with_custom_data.graphql");
    /// `findUser(username, email, phone, externalId)`.
    FIND_USER = ("findUser", "findUser", "find_user.graphql");
    /// `findUser(...)` with custom data.
    FIND_USER_WITH_CUSTOM_DATA =
        ("findUserWithCustomData", "findUser", "find_user_with_custom_data.graphql");
    /// `searchUser(query, fields, page, limit, departmentOpts, groupOpts, roleOpts)`.
    SEARCH_USER = ("searchUser", "searchUser", "search_user.graphql");
    /// `searchUser(...)` with custom data.
    SEARCH_USER_WITH_CUSTOM_DATA =
        ("searchUserWithCustomData", "searchUser", "search_user_with_custom_data.graphql");
    /// `userBatch(ids, type)`.
    USER_BATCH = ("userBatch", "userBatch", "user_batch.graphql");
    /// `userBatch(ids, type)` with custom data.
    USER_BATCH_WITH_CUSTOM_DATA =
        ("userBatchWithCustomData", "userBatch", "user_batch_with_custom_data.graphql");
    /// `deleteUser(id)`.
    DELETE_USER = ("deleteUser", "deleteUser", "delete_user.graphql");
    /// `deleteUsers(ids)`.
    DELETE_USERS = ("deleteUsers", "deleteUsers", "delete_users.graphql");
    /// `isUserExists(username, email, phone, externalId)`.
    IS_USER_EXISTS = ("isUserExists", "isUserExists", "is_user_exists.graphql");
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
