//! Every GraphQL document the SDK ships is valid against the fake's schema and against
//! Authing's real v2 schema (read from `../shared/authing-v2.graphql` when it is there).

use std::path::PathBuf;

use apollo_compiler::validation::Valid;
use apollo_compiler::{ExecutableDocument, Schema};

fn shipped_documents() -> Vec<(&'static str, String)> {
    let mut documents = authing_management::graphql_documents();
    documents.extend(authing_authentication::graphql_documents());
    documents
}

/// Documents whose root field Authing's SDKs send but its published v2 schema lacks (see
/// the reference's schema cross-check); they are checked against the fake's schema, which
/// has them, and must stay invalid against Authing's (else this list is stale).
pub(crate) const NOT_IN_AUTHINGS_SCHEMA: &[&str] = &[
    "resetPasswordByForceResetToken",
    "findUserByIdentity",
    "authorizedTargetsCode",
];

fn validate_all(schema: &Valid<Schema>, schema_name: &str, is_authings: bool) {
    let mut failures = Vec::new();
    for (name, document) in shipped_documents() {
        let valid =
            ExecutableDocument::parse_and_validate(schema, &document, format!("{name}.graphql"));
        match valid {
            Ok(_) if is_authings && NOT_IN_AUTHINGS_SCHEMA.contains(&name) => failures.push(
                format!("{name} validates against {schema_name}: drop it from the additions"),
            ),
            Err(_) if is_authings && NOT_IN_AUTHINGS_SCHEMA.contains(&name) => {}
            Ok(_) => {}
            Err(errors) => {
                failures.push(format!("{name} against {schema_name}:\n{}", errors.errors));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_sdk_ships_documents_with_unique_names_per_crate() {
    for (krate, documents) in [
        (
            "authing-management",
            authing_management::graphql_documents(),
        ),
        (
            "authing-authentication",
            authing_authentication::graphql_documents(),
        ),
    ] {
        assert!(!documents.is_empty(), "{krate} ships no documents");
        let mut names: Vec<_> = documents.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "{krate}: operation names are unique");
    }
    assert!(shipped_documents().len() >= 20);
}

#[test]
fn documents_validate_against_the_fakes_schema() {
    let schema = crate::registry::fake_schema();
    // The fake's schema is all of Authing's: every document validates, including those of
    // operations the fake answers with "not supported yet" (see the registry).
    validate_all(&schema, "the fake's schema", false);
}

/// Authing's real v2 schema, from `../shared/authing-v2.graphql` next to the repository;
/// `None`, said in the output, when it is not there.
pub(crate) fn real_schema() -> Option<Valid<Schema>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/authing-v2.graphql");
    let Ok(sdl) = std::fs::read_to_string(&path) else {
        // Not silent: CI (`.ci/run`) refuses to run without the file.
        println!(
            "NOT CHECKED: Authing's real schema is missing at {}",
            path.display()
        );
        return None;
    };
    Some(
        Schema::parse_and_validate(sdl, "authing-v2.graphql")
            .unwrap_or_else(|errors| panic!("Authing's schema does not parse:\n{}", errors.errors)),
    )
}

#[test]
fn documents_validate_against_authings_real_schema() {
    if let Some(schema) = real_schema() {
        validate_all(&schema, "Authing's v2 schema", true);
    }
}
