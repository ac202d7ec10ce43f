//! The GraphQL documents this crate sends, one file each,
//! `src/graphql/<area>/<operationName>.graphql`, embedded at compile time.
//!
//! Every document that returns a `User` spreads `...UserWithIdentities`: all scalar fields
//! of the schema's `User` type plus the user's `identities`, so
//! [`User`](authing_core::model::User) comes back complete. The fragment, and the documents
//! `ManagementClient` sends too (`checkLoginStatus`, `updateUser`), live once in
//! `authing-core` ([`authing_core::graphql::fragments`], [`authing_core::graphql::documents`]).

use authing_core::graphql::fragments::USER_WITH_IDENTITIES;

/// `sendEmail`, shared with `ManagementClient` (mgmtgaps).
pub use authing_core::graphql::documents::SEND_EMAIL;

authing_core::graphql_operations! {
    /// `registerByEmail(input: RegisterByEmailInput!): User`.
    REGISTER_BY_EMAIL = (
        "registerByEmail", "graphql/register/registerByEmail.graphql", USER_WITH_IDENTITIES
    );
    /// `registerByUsername(input: RegisterByUsernameInput!): User`.
    REGISTER_BY_USERNAME = (
        "registerByUsername", "graphql/register/registerByUsername.graphql", USER_WITH_IDENTITIES
    );
    /// `loginByEmail(input: LoginByEmailInput!): User`.
    LOGIN_BY_EMAIL = ("loginByEmail", "graphql/login/loginByEmail.graphql", USER_WITH_IDENTITIES);
    /// `loginByUsername(input: LoginByUsernameInput!): User`.
    LOGIN_BY_USERNAME = (
        "loginByUsername", "graphql/login/loginByUsername.graphql", USER_WITH_IDENTITIES
    );
    /// `updatePassword(newPassword: String!, oldPassword: String): User!`.
    UPDATE_PASSWORD = (
        "updatePassword", "graphql/profile/updatePassword.graphql", USER_WITH_IDENTITIES
    );
    // auth-flows: codes, phone logins and registration, password reset, binding.
    /// `registerByPhoneCode(input: RegisterByPhoneCodeInput!): User`.
    REGISTER_BY_PHONE_CODE = (
        "registerByPhoneCode", "graphql/register/registerByPhoneCode.graphql", USER_WITH_IDENTITIES
    );
    /// `loginByPhoneCode(input: LoginByPhoneCodeInput!): User`.
    LOGIN_BY_PHONE_CODE = (
        "loginByPhoneCode", "graphql/login/loginByPhoneCode.graphql", USER_WITH_IDENTITIES
    );
    /// `loginByPhonePassword(input: LoginByPhonePasswordInput!): User`.
    LOGIN_BY_PHONE_PASSWORD = (
        "loginByPhonePassword", "graphql/login/loginByPhonePassword.graphql", USER_WITH_IDENTITIES
    );
    /// `resetPassword(phone, email, code: String!, newPassword: String!): CommonMessage`.
    RESET_PASSWORD = ("resetPassword", "graphql/binding/resetPassword.graphql");
    /// `bindPhone(phone: String!, phoneCode: String!): User!`.
    BIND_PHONE = ("bindPhone", "graphql/binding/bindPhone.graphql", USER_WITH_IDENTITIES);
    /// `unbindPhone: User!`.
    UNBIND_PHONE = ("unbindPhone", "graphql/binding/unbindPhone.graphql", USER_WITH_IDENTITIES);
    /// `updatePhone(phone: String!, phoneCode: String!, oldPhone, oldPhoneCode): User!`.
    UPDATE_PHONE = ("updatePhone", "graphql/binding/updatePhone.graphql", USER_WITH_IDENTITIES);
    /// `bindEmail(email: String!, emailCode: String!): User!`.
    BIND_EMAIL = ("bindEmail", "graphql/binding/bindEmail.graphql", USER_WITH_IDENTITIES);
    /// `unbindEmail: User!`.
    UNBIND_EMAIL = ("unbindEmail", "graphql/binding/unbindEmail.graphql", USER_WITH_IDENTITIES);
    /// `updateEmail(email: String!, emailCode: String!, oldEmail, oldEmailCode): User!`.
    UPDATE_EMAIL = ("updateEmail", "graphql/binding/updateEmail.graphql", USER_WITH_IDENTITIES);
    // Sub-accounts, password resets and strength.
    /// `loginBySubAccount(account, password, captchaCode, clientIp): User!`.
    LOGIN_BY_SUB_ACCOUNT = (
        "loginBySubAccount", "graphql/login/loginBySubAccount.graphql", USER_WITH_IDENTITIES
    );
    /// `resetPasswordByFirstLoginToken(token, password): CommonMessage`.
    RESET_PASSWORD_BY_FIRST_LOGIN_TOKEN = (
        "resetPasswordByFirstLoginToken",
        "graphql/password/resetPasswordByFirstLoginToken.graphql"
    );
    /// `resetPasswordByForceResetToken(token, oldPassword, newPassword)`: not in Authing's
    /// published schema (its JavaScript and Go SDKs send it).
    RESET_PASSWORD_BY_FORCE_RESET_TOKEN = (
        "resetPasswordByForceResetToken",
        "graphql/password/resetPasswordByForceResetToken.graphql"
    );
    /// `checkPasswordStrength(password): CheckPasswordStrengthResult!`.
    CHECK_PASSWORD_STRENGTH = (
        "checkPasswordStrength", "graphql/password/checkPasswordStrength.graphql"
    );
    // What the user has (their roles and departments: authing-core's
    // shared documents).
    /// `user(id) { authorizedResources(namespace, resourceType) }`.
    LIST_USER_AUTHORIZED_RESOURCES =
        ("user", "graphql/relations/listUserAuthorizedResources.graphql");
}

/// `(operation name, document as sent)` of every GraphQL document this crate sends, for
/// validating them against a schema.
///
/// ```
/// let documents = authing_authentication::graphql_documents();
/// assert!(documents.iter().any(|(name, _)| *name == "loginByEmail"));
/// ```
pub fn graphql_documents() -> Vec<(&'static str, String)> {
    ALL.iter()
        .chain(authing_core::graphql::documents::ALL)
        .map(|op| (op.operation_name(), op.full_document()))
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

    use authing_core::graphql::documents;

    /// This crate's documents and the shared ones it sends.
    fn sent() -> Vec<authing_core::GraphQlOperation> {
        ALL.iter().chain(documents::ALL).copied().collect()
    }

    #[test]
    fn each_operation_is_named_as_its_document_says() {
        for op in sent() {
            let header = op
                .document()
                .lines()
                .find(|line| !line.trim_start().starts_with('#'))
                .unwrap_or_default();
            // `(` opens the variables; ` {` a document without any (`unbindPhone`).
            let name = op.operation_name();
            assert!(
                ["query", "mutation"].iter().any(|kind| {
                    header.starts_with(&format!("{kind} {name}("))
                        || header == format!("{kind} {name} {{")
                }),
                "{}: {header}",
                op.operation_name()
            );
            let root = op.root_field();
            assert!(
                op.document().contains(&format!("  {root}("))
                    || op.document().contains(&format!("  {root} {{")),
                "{} selects {}",
                op.operation_name(),
                op.root_field()
            );
        }
        assert_eq!(graphql_documents().len(), sent().len());
    }

    #[test]
    fn user_documents_select_every_user_scalar_and_identities() {
        for op in sent()
            .iter()
            // Not about a user: a login's status, a refreshed token, `CommonMessage`s, the
            // custom data lists, and what a user has (a sub-selection of `user`).
            .filter(|op| {
                ![
                    &documents::CHECK_LOGIN_STATUS,
                    &documents::REFRESH_TOKEN,
                    &SEND_EMAIL,
                    &RESET_PASSWORD,
                    &documents::IS_USER_EXISTS,
                    &RESET_PASSWORD_BY_FIRST_LOGIN_TOKEN,
                    &RESET_PASSWORD_BY_FORCE_RESET_TOKEN,
                    &CHECK_PASSWORD_STRENGTH,
                    &documents::UDV,
                    &documents::SET_UDV,
                    &documents::REMOVE_UDV,
                    &documents::SET_UDV_BATCH,
                    &documents::GET_USER_ROLES,
                    &LIST_USER_AUTHORIZED_RESOURCES,
                    &documents::GET_USER_DEPARTMENTS,
                ]
                .contains(op)
            })
        {
            let document = op.full_document();
            let words = words(&document);
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
            let open = document.matches('{').count();
            assert_eq!(open, document.matches('}').count());
        }
    }
}
