//! The GraphQL endpoint (`POST /graphql/v2`): a real async-graphql schema whose types,
//! fields and arguments follow Authing's v2 schema by name and type.
//!
//! The roots are merged from one part per resource (`users.rs`, `identity.rs`, `token.rs`;
//! a new resource adds its file and one entry to [`Query`] / [`Mutation`]). A resolver is a
//! thin call into `domain/` through [`resolve::call`], which resolves the caller and the pool.
//!
//! Resolvers fail with `Failure`s; [`execute`] rewrites those errors into Authing's shape,
//! where `errors[].message` is the object `{code, message, data}`. Errors the GraphQL engine
//! itself raises (a document that does not parse or validate) keep the standard string
//! `message`; a document that breaks one of the fake's [limits](crate::limits) gets an
//! Authing-shaped 2231 before it is parsed.
//!
//! A request body is read once, in [`prepare`] (by the router's recording layer, which needs
//! its root fields), and executed by [`execute`].

mod documents;
mod fields;
mod flows;
mod identity;
mod resolve;
mod selected;
mod token;
mod unsupported;
mod unsupported_mutation;
mod unsupported_query;
mod user_relations;
mod users;
// Custom fields and values (users-udf).
mod udf;
// roles-groups
mod groups;
mod roles;
// Policies and ACL.
mod acl;
mod logins;
mod policies;
mod users_admin;

pub(crate) mod inputs;
pub(crate) mod schema;
pub(crate) mod types;

use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use async_graphql::{EmptySubscription, MergedObject, Schema, ValidationMode};
use authing_core::Lang;
use bytes::Bytes;
use http::StatusCode;
use serde_json::{Value, json};

use crate::auth::RequestContext;
use crate::failure::Failure;
use crate::fake::Fake;
use crate::limits::{QUERY_COMPLEXITY, QUERY_DEPTH};
use crate::record::GraphqlSummary;
use documents::{Document, DocumentError};
use resolve::AUTHING_ERROR;

/// The `Query` root: one part per resource, then the fields of Authing's schema the fake
/// does not implement yet (they answer "not supported").
#[derive(MergedObject, Default)]
pub(crate) struct Query(
    token::TokenQuery,
    users::UsersQuery,
    // users-udf
    udf::UdfQuery,
    roles::RolesQuery,
    groups::GroupsQuery,
    // Policies and ACL.
    policies::PoliciesQuery,
    acl::AclQuery,
    logins::LoginsQuery,
    users_admin::UsersAdminQuery,
    unsupported_query::UnsupportedQuery,
);

/// The `Mutation` root: one part per resource, then the not-yet-implemented fields.
#[derive(MergedObject, Default)]
pub(crate) struct Mutation(
    users::UsersMutation,
    identity::IdentityMutation,
    token::TokenMutation,
    // users-udf
    udf::UdfMutation,
    roles::RolesMutation,
    groups::GroupsMutation,
    // auth-flows
    flows::FlowsMutation,
    // Policies and ACL.
    policies::PoliciesMutation,
    acl::AclMutation,
    logins::LoginsMutation,
    users_admin::UsersAdminMutation,
    unsupported_mutation::UnsupportedMutation,
);

/// The fake's schema type.
pub(crate) type MockSchema = Schema<Query, Mutation, EmptySubscription>;

/// The schema, built once per process; each request brings its fake as request data.
static SCHEMA: LazyLock<MockSchema> = LazyLock::new(|| build_schema(ValidationMode::Strict));

/// The same schema validating only what depends on the request: for documents that passed
/// the full validation before (see [`execute`]).
static SCHEMA_FOR_VALIDATED: LazyLock<MockSchema> =
    LazyLock::new(|| build_schema(ValidationMode::Fast));

fn build_schema(mode: ValidationMode) -> MockSchema {
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        // Types of Authing's schema that no field returns or takes.
        .register_output_type::<schema::common::BatchOperationResult>()
        .register_output_type::<schema::common::KeyValuePair>()
        .register_input_type::<schema::social::CreateSocialConnectionInput>()
        .limit_depth(QUERY_DEPTH)
        .limit_complexity(QUERY_COMPLEXITY)
        .validation_mode(mode)
        .finish()
}

/// The schema.
pub(crate) fn schema() -> &'static MockSchema {
    &SCHEMA
}

/// A GraphQL request body, read and checked: the request to run (its document parsed, or
/// the answer that refuses it) and what the journal records of it.
pub(crate) struct Prepared {
    request: Result<async_graphql::Request, Refusal>,
    /// The parsed document, when it parsed.
    document: Option<Arc<Document>>,
    /// The operation name and root fields, for the journal and the faults.
    pub(crate) summary: GraphqlSummary,
}

/// Why a body is refused before execution.
enum Refusal {
    /// Not a `{query, operationName?, variables?}` object (HTTP 400).
    Body(String),
    /// The document breaks a limit (an Authing 2231).
    Limit(String),
}

/// Reads a request body: the JSON once, the document through the checked, cached parse.
pub(crate) fn prepare(body: &[u8]) -> Prepared {
    let mut request: async_graphql::Request = match serde_json::from_slice(body) {
        Ok(request) => request,
        Err(error) => {
            return Prepared {
                request: Err(Refusal::Body(error.to_string())),
                document: None,
                summary: GraphqlSummary::default(),
            };
        }
    };
    let asked = request
        .operation_name
        .clone()
        .filter(|name| !name.is_empty());
    let mut summary = GraphqlSummary {
        operation_name: asked.clone(),
        root_fields: Vec::new(),
    };
    let document = match documents::parse(&request.query) {
        Ok(document) => {
            if let Some((name, fields)) = document.operation(asked.as_deref()) {
                summary.operation_name = asked.or_else(|| name.map(str::to_owned));
                summary.root_fields = fields.to_vec();
            }
            request.set_parsed_query(document.parsed.clone());
            Some(document)
        }
        Err(DocumentError::Limit(limit)) => {
            return Prepared {
                request: Err(Refusal::Limit(limit.to_string())),
                document: None,
                summary,
            };
        }
        // The engine parses it again and reports the syntax error in its own words.
        Err(DocumentError::Syntax) => None,
    };
    Prepared {
        request: Ok(request),
        document,
        summary,
    }
}

/// A [`Prepared`] body handed from the recording layer to the GraphQL handler through the
/// request's extensions (which must be `Clone`; the handler takes it out once).
#[derive(Clone)]
pub(crate) struct PreparedSlot(Arc<Mutex<Option<Prepared>>>);

impl PreparedSlot {
    pub(crate) fn new(prepared: Prepared) -> Self {
        Self(Arc::new(Mutex::new(Some(prepared))))
    }

    pub(crate) fn take(&self) -> Option<Prepared> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

/// Runs a prepared GraphQL request for `fake` and returns the HTTP status and JSON answer.
pub(crate) async fn execute(
    fake: &Arc<Fake>,
    rc: RequestContext,
    prepared: Prepared,
) -> (StatusCode, Bytes) {
    let request = match prepared.request {
        Ok(request) => request,
        Err(Refusal::Body(error)) => {
            let answer = json!({"errors": [{"message": format!(
                "the body must be a JSON object {{query, operationName?, variables?}}: {error}"
            )}]});
            return (StatusCode::BAD_REQUEST, Bytes::from(answer.to_string()));
        }
        Err(Refusal::Limit(why)) => {
            let failure = Failure::invalid_params(why);
            let answer = json!({"data": null, "errors": [{
                "message": failure.to_json(rc.lang),
                "extensions": {"code": failure.number().to_string()},
            }]});
            return (StatusCode::OK, Bytes::from(answer.to_string()));
        }
    };
    let lang = rc.lang;
    // A document that once ran without any error passed every static validation rule
    // (they depend on the document alone); later runs of it skip them. Variable values are
    // still checked, by the executor.
    let validated = prepared
        .document
        .as_ref()
        .is_some_and(|document| document.validated());
    let schema = if validated {
        &*SCHEMA_FOR_VALIDATED
    } else {
        schema()
    };
    let response = schema
        .execute(request.data(Arc::clone(fake)).data(rc))
        .await;
    if response.errors.is_empty() {
        if let Some(document) = &prepared.document {
            document.mark_validated();
        }
        // The common case: straight to bytes, no detour through `serde_json::Value`.
        if let Ok(bytes) = serde_json::to_vec(&response) {
            return (StatusCode::OK, Bytes::from(bytes));
        }
    }
    let mut answer = serde_json::to_value(&response).unwrap_or_else(
        |error| json!({"errors": [{"message": format!("cannot serialise the answer: {error}")}]}),
    );
    rewrite_errors(&mut answer, lang);
    (StatusCode::OK, Bytes::from(answer.to_string()))
}

/// The beginnings of the messages of the engine's own depth, recursion and complexity limits,
/// which become 2231s.
const ENGINE_LIMIT_MESSAGES: [&str; 3] = [
    "Query is nested too deep.",
    "Query is too complex.",
    "The recursion depth of the query cannot be greater than",
];

/// Replaces the string `message` of every Authing error with its `{code, message, data}`
/// object, and its extensions with `{code: "<code>"}`; the engine's depth and complexity
/// refusals become Authing's 2231 in `lang`.
fn rewrite_errors(answer: &mut Value, lang: Lang) {
    let Some(errors) = answer.get_mut("errors").and_then(Value::as_array_mut) else {
        return;
    };
    for error in errors {
        let Some(error) = error.as_object_mut() else {
            continue;
        };
        let limit = error
            .get("message")
            .and_then(Value::as_str)
            .filter(|message| {
                ENGINE_LIMIT_MESSAGES
                    .iter()
                    .any(|limit| message.starts_with(limit))
            })
            .map(|message| Failure::invalid_params(message.to_owned()).to_json(lang));
        let authing = error
            .get_mut("extensions")
            .and_then(Value::as_object_mut)
            .and_then(|extensions| extensions.remove(AUTHING_ERROR))
            .or(limit);
        if let Some(authing) = authing {
            let code = authing
                .get("code")
                .map(Value::to_string)
                .unwrap_or_default();
            error.insert("message".to_owned(), authing);
            error.insert("extensions".to_owned(), json!({ "code": code }));
        }
    }
}

/// The schema in SDL.
pub(crate) fn sdl() -> String {
    schema().sdl()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_only_authing_errors() {
        let mut answer = json!({"data": null, "errors": [
            {"message": "用户不存在", "locations": [{"line": 1, "column": 2}], "path": ["user"],
             "extensions": {"authingError": {"code": 2004, "message": "用户不存在", "data": null}}},
            {"message": "Unknown field \"x\""},
        ]});
        rewrite_errors(&mut answer, Lang::ZhCn);
        assert_eq!(answer["errors"][0]["message"]["code"], 2004);
        assert_eq!(answer["errors"][0]["extensions"]["code"], "2004");
        assert_eq!(answer["errors"][0]["locations"][0]["line"], 1);
        assert_eq!(answer["errors"][1]["message"], "Unknown field \"x\"");
    }

    #[test]
    fn reads_names_and_root_fields() {
        let body = br#"{"query":"query getUsers($p: Int) { a: users(page: $p) { totalCount } ...F } fragment F on Query { accessToken(userPoolId: \"x\", secret: \"y\") { exp } }"}"#;
        let summary = prepare(body).summary;
        assert_eq!(summary.operation_name.as_deref(), Some("getUsers"));
        assert_eq!(summary.root_fields, vec!["users", "accessToken"]);

        let body = br#"{"query":"query A { user { id } } mutation B { deleteUser(id: \"1\") { code } }","operationName":"B"}"#;
        let summary = prepare(body).summary;
        assert_eq!(summary.operation_name.as_deref(), Some("B"));
        assert_eq!(summary.root_fields, vec!["deleteUser"]);

        let summary = prepare(br#"{"query":"{ isUserExists }"}"#).summary;
        assert_eq!(summary.operation_name, None);
        assert_eq!(summary.root_fields, vec!["isUserExists"]);

        assert_eq!(prepare(b"nope").summary, GraphqlSummary::default());
    }

    #[test]
    fn refuses_deep_documents_before_parsing_them() {
        let deep = format!(
            "{{ isUserExists(username: {}\"x\"{}) }}",
            "[".repeat(2000),
            "]".repeat(2000)
        );
        let body = json!({ "query": deep }).to_string();
        let prepared = prepare(body.as_bytes());
        assert!(matches!(prepared.request, Err(Refusal::Limit(_))));
        assert_eq!(prepared.summary.root_fields, Vec::<String>::new());
        // Deeply nested JSON stops at serde_json's own recursion limit, with an error.
        let deep_json = format!(
            "{{\"query\":\"{{a}}\",\"variables\":{{\"v\":{}1{}}}}}",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        assert!(matches!(
            prepare(deep_json.as_bytes()).request,
            Err(Refusal::Body(_))
        ));
    }

    #[test]
    fn engine_limits_become_2231() {
        let mut answer =
            json!({"data": null, "errors": [{"message": "Query is nested too deep."}]});
        rewrite_errors(&mut answer, Lang::EnUs);
        assert_eq!(answer["errors"][0]["message"]["code"], 2231);
        assert_eq!(answer["errors"][0]["extensions"]["code"], "2231");
    }
}
