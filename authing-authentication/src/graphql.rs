//! The GraphQL documents this crate sends, one `.graphql` file per operation under
//! `src/graphql/`, embedded at compile time.
//!
//! Every document that returns a `User` spreads `...UserWithIdentities`: all scalar fields
//! of the schema's `User` type plus the user's `identities`, so
//! [`User`](authing_core::model::User) comes back complete. The fragment is defined once, in
//! `authing-core` ([`user_with_identities_fragment!`](authing_core::user_with_identities_fragment)),
//! and appended to each document.

authing_core::graphql_operations! {
    /// `registerByEmail(input: RegisterByEmailInput!): User`.
    REGISTER_BY_EMAIL = (
        "registerByEmail", "registerByEmail", "graphql/registerByEmail.graphql",
        user_with_identities_fragment,
    );
    /// `registerByUsername(input: RegisterByUsernameInput!): User`.
    REGISTER_BY_USERNAME = (
        "registerByUsername", "registerByUsername", "graphql/registerByUsername.graphql",
        user_with_identities_fragment,
    );
    /// `loginByEmail(input: LoginByEmailInput!): User`.
    LOGIN_BY_EMAIL = (
        "loginByEmail", "loginByEmail", "graphql/loginByEmail.graphql",
        user_with_identities_fragment,
    );
    /// `loginByUsername(input: LoginByUsernameInput!): User`.
    LOGIN_BY_USERNAME = (
        "loginByUsername", "loginByUsername", "graphql/loginByUsername.graphql",
        user_with_identities_fragment,
    );
    /// `updateUser(id: String, input: UpdateUserInput!): User!`.
    UPDATE_USER = (
        "updateUser", "updateUser", "graphql/updateUser.graphql",
        user_with_identities_fragment,
    );
    /// `updatePassword(newPassword: String!, oldPassword: String): User!`.
    UPDATE_PASSWORD = (
        "updatePassword", "updatePassword", "graphql/updatePassword.graphql",
        user_with_identities_fragment,
    );
    /// `checkLoginStatus(token: String): JWTTokenStatus`.
    CHECK_LOGIN_STATUS =
        ("checkLoginStatus", "checkLoginStatus", "graphql/checkLoginStatus.graphql");
}

/// `(operation name, document)` of every GraphQL document this crate sends, for validating
/// them against a schema.
///
/// ```
/// let documents = authing_authentication::graphql_documents();
/// assert!(documents.iter().any(|(name, _)| *name == "loginByEmail"));
/// ```
pub fn graphql_documents() -> Vec<(&'static str, &'static str)> {
    ALL.iter()
        .map(|op| (op.operation_name(), op.document()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every scalar field of the schema's `User` type.
    const USER_SCALARS: &[&str] = &[
        "id",
        "arn",
        "status",
        "userPoolId",
        "username",
        "email",
        "emailVerified",
        "phone",
        "phoneVerified",
        "unionid",
        "openid",
        "nickname",
        "registerSource",
        "photo",
        "password",
        "oauth",
        "token",
        "tokenExpiredAt",
        "loginsCount",
        "lastLogin",
        "lastIP",
        "signedUp",
        "blocked",
        "isDeleted",
        "device",
        "browser",
        "company",
        "name",
        "givenName",
        "familyName",
        "middleName",
        "profile",
        "preferredUsername",
        "website",
        "gender",
        "birthdate",
        "zoneinfo",
        "locale",
        "address",
        "formatted",
        "streetAddress",
        "locality",
        "region",
        "postalCode",
        "city",
        "province",
        "country",
        "createdAt",
        "updatedAt",
        "externalId",
    ];

    fn words(document: &str) -> Vec<&str> {
        document
            .lines()
            .filter(|line| !line.trim_start().starts_with('#'))
            .flat_map(|line| line.split(|c: char| !(c.is_alphanumeric() || c == '_')))
            .filter(|w| !w.is_empty())
            .collect()
    }

    #[test]
    fn each_operation_is_named_as_its_document_says() {
        for op in ALL {
            let header = op
                .document()
                .lines()
                .find(|line| !line.trim_start().starts_with('#'))
                .unwrap_or_default();
            assert!(
                header.starts_with(&format!("query {}(", op.operation_name()))
                    || header.starts_with(&format!("mutation {}(", op.operation_name())),
                "{}: {header}",
                op.operation_name()
            );
            assert!(
                op.document().contains(&format!("  {}(", op.root_field())),
                "{} selects {}",
                op.operation_name(),
                op.root_field()
            );
        }
        assert_eq!(graphql_documents().len(), ALL.len());
    }

    #[test]
    fn user_documents_select_every_user_scalar_and_identities() {
        for op in ALL.iter().filter(|op| *op != &CHECK_LOGIN_STATUS) {
            let words = words(op.document());
            for field in USER_SCALARS {
                assert!(
                    words.contains(field),
                    "{} does not select User.{field}",
                    op.operation_name()
                );
            }
            for field in ["identities", "userIdInIdp", "extIdpId", "isSocial"] {
                assert!(words.contains(&field), "{}: {field}", op.operation_name());
            }
            let open = op.document().matches('{').count();
            assert_eq!(open, op.document().matches('}').count());
        }
    }
}
