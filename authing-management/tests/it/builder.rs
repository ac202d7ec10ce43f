//! Building a client: configuration errors, types, and the documents the crate ships.

use std::future::IntoFuture;
use std::sync::Arc;

use crate::common::*;
use authing_core::{Error, Transport};
use authing_management::{ManagementClient, UsersHandler, graphql_documents};

fn config_error(result: Result<ManagementClient, Error>) -> String {
    match result {
        Err(Error::Config(message)) => message,
        other => panic!("expected a Config error, got {other:?}"),
    }
}

#[test]
fn bad_settings_are_config_errors_that_say_what_to_fix() {
    let (transport, log) = fake(|_| panic!("build sends nothing"));
    let t = || Arc::clone(&transport);

    let message = config_error(ManagementClient::builder("", SECRET).transport(t()).build());
    assert!(message.contains("user pool id"), "{message}");
    let message = config_error(
        ManagementClient::builder("  ", SECRET)
            .transport(t())
            .build(),
    );
    assert!(message.contains("user pool id"), "{message}");
    let message = config_error(ManagementClient::builder(POOL, "").transport(t()).build());
    assert!(message.contains("secret"), "{message}");
    let message = config_error(
        ManagementClient::builder(POOL, " \t")
            .transport(t())
            .build(),
    );
    assert!(message.contains("secret"), "{message}");
    let message = config_error(builder(t()).host("core.authing.cn").build());
    assert!(message.contains("host"), "{message}");
    let message = config_error(builder(t()).host("ftp://core.authing.cn").build());
    assert!(message.contains("scheme"), "{message}");
    let message = config_error(builder(t()).enc_public_key("not a pem").build());
    assert!(message.contains("public key"), "{message}");
    let message = config_error(builder(t()).timeout(std::time::Duration::ZERO).build());
    assert!(message.contains("timeout"), "{message}");
    // The secret never appears in a configuration error.
    let message = config_error(
        ManagementClient::builder(" pool ", SECRET)
            .transport(t())
            .build(),
    );
    assert!(!message.contains(SECRET), "{message}");

    assert!(builder(t()).build().is_ok());
    assert!(log.all().is_empty());
}

#[test]
fn the_default_host_is_authing_public_cloud() {
    let (transport, _) = fake(|_| panic!("build sends nothing"));
    let client = ManagementClient::builder(POOL, SECRET)
        .transport(transport)
        .build()
        .expect("valid");
    assert_eq!(client.api().host().as_str(), "https://core.authing.cn");
    assert_eq!(client.user_pool_id(), POOL);
}

#[test]
fn clients_handlers_and_futures_are_send_and_sync() {
    fn send_sync<T: Send + Sync + Clone + 'static>(_: &T) {}
    fn send<F: Future + Send>(_: &F) {}
    let (transport, _) = fake(|_| panic!("nothing is polled"));
    let client: ManagementClient<Arc<dyn Transport>> = builder(transport).build().expect("valid");
    send_sync(&client);
    let users: UsersHandler = client.users();
    send_sync(&users);
    send(&client.access_token());
    send(&client.check_login_status("t").into_future());
    send(&users.list().send());
    send(&users.create(Default::default()).send());
    send(&users.update("u", Default::default()).into_future());
    send(&users.detail("u").send());
    send(&users.find().username("u").send());
    send(&users.search("q").send());
    send(&users.batch_get(vec![]).send());
    send(&users.delete("u").into_future());
    send(&users.delete_many(vec![]).into_future());
    send(&users.exists().username("u").send());
    // Builders own a client clone, so their futures can be spawned.
    fn spawnable<F: Future + Send + 'static>(_: F) {}
    spawnable(client.users().list().send());
}

#[test]
fn documents_are_unique_and_named() {
    let documents = graphql_documents();
    // Every document file of this crate, plus those it shares with authing-authentication
    // (they live in authing-core: checkLoginStatus, updateUser, isUserExists, the
    // custom-data calls, refreshToken, a user's roles and departments, sendEmail).
    fn graphql_files(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .expect("a documents folder")
            .map(|entry| entry.expect("an entry").path())
            .map(|path| match path.extension() {
                _ if path.is_dir() => graphql_files(&path),
                Some(ext) if ext == "graphql" => 1,
                _ => 0,
            })
            .sum()
    }
    let files =
        graphql_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/graphql"));
    let shared = authing_core::graphql::documents::ALL.len();
    assert_eq!(shared, 11);
    assert_eq!(documents.len(), files + shared);
    let mut names: Vec<_> = documents.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), documents.len());
}

/// Documents whose root field or argument the official SDKs send but Authing's published
/// schema lacks (the fake's schema has them; `tests/it/graphql_documents.rs` lists them too).
const NOT_IN_AUTHINGS_SCHEMA: &[&str] = &["findUserByIdentity", "authorizedTargetsCode"];

/// Every document validates against Authing's real v2 schema, when the workspace has it,
/// except the SDK additions, which must not (so the list stays honest).
#[test]
fn documents_validate_against_authings_schema() {
    use apollo_compiler::{ExecutableDocument, Schema};

    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/authing-v2.graphql"
    );
    let Ok(sdl) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    let schema = match Schema::parse_and_validate(sdl, "authing-v2.graphql") {
        Ok(schema) => schema,
        Err(with_errors) => {
            eprintln!(
                "the SDL has validation errors; using it as parsed:\n{}",
                with_errors.errors
            );
            apollo_compiler::validation::Valid::assume_valid(with_errors.partial)
        }
    };
    for (name, document) in graphql_documents() {
        let valid = ExecutableDocument::parse_and_validate(&schema, document, name);
        match valid {
            Ok(_) if NOT_IN_AUTHINGS_SCHEMA.contains(&name) => {
                panic!("{name} validates against Authing's schema: drop it from the additions")
            }
            Err(_) if NOT_IN_AUTHINGS_SCHEMA.contains(&name) => {}
            Ok(_) => {}
            Err(e) => panic!("{name} does not validate:\n{}", e.errors),
        }
    }
}
