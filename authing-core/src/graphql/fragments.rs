//! GraphQL fragments the SDK's documents share, each defined once.
//!
//! Each macro expands to a string literal holding one fragment definition followed by the
//! definitions of the fragments it spreads, so a document appends exactly one of them with
//! `concat!` and defines every fragment it uses and no other (GraphQL rejects unused
//! fragments). [`graphql_operations!`](crate::graphql_operations) appends them for you.
//!
//! ```
//! const DOCUMENT: &str = concat!(
//!     "query user($id: String!) { user(id: $id) { ...UserWithCustomData } }\n",
//!     authing_core::user_with_custom_data_fragment!(),
//! );
//! assert!(DOCUMENT.contains("fragment UserWithCustomData on User {"));
//! assert!(DOCUMENT.contains("fragment UserFields on User {"));
//! ```

/// `fragment UserFields on User`: every scalar field of Authing's `User` type.
///
/// Expands to a string literal, for `concat!`.
///
/// ```
/// const DOCUMENT: &str = concat!(
///     "query user($id: String!) { user(id: $id) { ...UserFields } }\n",
///     authing_core::user_fields_fragment!(),
/// );
/// assert!(DOCUMENT.contains(" externalId"));
/// ```
#[macro_export]
macro_rules! user_fields_fragment {
    () => {
        "
fragment UserFields on User {
  id arn status userPoolId username email emailVerified phone phoneVerified
  unionid openid nickname registerSource photo password oauth token tokenExpiredAt
  loginsCount lastLogin lastIP signedUp blocked isDeleted device browser company
  name givenName familyName middleName profile preferredUsername website gender
  birthdate zoneinfo locale address formatted streetAddress locality region
  postalCode city province country createdAt updatedAt externalId
}
"
    };
}

/// `fragment UserWithCustomData on User`: [`UserFields`](crate::user_fields_fragment) and the
/// user's custom data, followed by the `UserFields` definition it spreads.
///
/// Expands to a string literal, for `concat!`.
#[macro_export]
macro_rules! user_with_custom_data_fragment {
    () => {
        ::core::concat!(
            "
fragment UserWithCustomData on User {
  ...UserFields
  customData { key value dataType label }
}
",
            $crate::user_fields_fragment!()
        )
    };
}

/// `fragment UserWithIdentities on User`: [`UserFields`](crate::user_fields_fragment) and the
/// user's identities at identity providers, followed by the `UserFields` definition it
/// spreads.
///
/// Expands to a string literal, for `concat!`.
#[macro_export]
macro_rules! user_with_identities_fragment {
    () => {
        ::core::concat!(
            "
fragment UserWithIdentities on User {
  ...UserFields
  identities { openid userIdInIdp userId extIdpId isSocial provider userPoolId }
}
",
            $crate::user_fields_fragment!()
        )
    };
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The names after `keyword` (`"fragment "` or `"..."`) in `text`.
    fn names_after<'a>(text: &'a str, keyword: &str) -> BTreeSet<&'a str> {
        text.split(keyword)
            .skip(1)
            .filter_map(|rest| rest.split_whitespace().next())
            .collect()
    }

    #[test]
    fn each_fragment_defines_exactly_what_it_spreads() {
        for (root, text) in [
            ("UserFields", user_fields_fragment!()),
            ("UserWithCustomData", user_with_custom_data_fragment!()),
            ("UserWithIdentities", user_with_identities_fragment!()),
        ] {
            assert!(
                text.starts_with(&format!("\nfragment {root} on User {{\n")),
                "{text}"
            );
            let mut used = names_after(text, "...");
            used.insert(root);
            assert_eq!(names_after(text, "fragment "), used, "{root}");
            assert_eq!(text.matches('{').count(), text.matches('}').count());
        }
    }
}
