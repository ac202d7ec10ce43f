//! The GraphQL fragments the SDK's documents share, one `.graphql` file each under
//! `graphql/fragments/`, and the sets a document appends.
//!
//! GraphQL rejects a document that defines a fragment it does not use, so each set is one
//! fragment followed by the fragments it spreads, and a document names the one set it uses
//! (see [`GraphQlOperation::with_fragments`](crate::GraphQlOperation::with_fragments)).

/// A set of fragment definitions a document appends.
pub type Fragments = &'static [&'static str];

const USER_FIELDS_TEXT: &str = include_str!("fragments/UserFields.graphql");
const USER_WITH_IDENTITIES_TEXT: &str = include_str!("fragments/UserWithIdentities.graphql");

/// `fragment UserFields on User`: every scalar field of Authing's `User` type.
pub const USER_FIELDS: Fragments = &[USER_FIELDS_TEXT];

/// `fragment UserWithIdentities on User`: [`USER_FIELDS`] and the user's identities at
/// identity providers (and the `UserFields` definition it spreads).
pub const USER_WITH_IDENTITIES: Fragments = &[USER_WITH_IDENTITIES_TEXT, USER_FIELDS_TEXT];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The names after `keyword` (`"fragment "` or `"..."`) in `text`.
    fn names_after<'a>(text: &'a str, keyword: &str) -> BTreeSet<&'a str> {
        text.split(keyword)
            .skip(1)
            .filter_map(|rest| rest.split_whitespace().next())
            .collect()
    }

    #[test]
    fn each_set_defines_exactly_what_it_spreads() {
        for (root, set) in [
            ("UserFields", USER_FIELDS),
            ("UserWithIdentities", USER_WITH_IDENTITIES),
        ] {
            let text = set.concat();
            assert!(
                names_after(set[0], "fragment ").contains(root),
                "{root} comes first"
            );
            let mut used = names_after(&text, "...");
            used.insert(root);
            assert_eq!(names_after(&text, "fragment "), used, "{root}");
            assert_eq!(text.matches('{').count(), text.matches('}').count());
        }
    }
}
