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
//! `message`.

mod fields;
mod identity;
mod resolve;
mod token;
mod unsupported;
mod unsupported_mutation;
mod unsupported_query;
mod user_relations;
mod users;

pub(crate) mod inputs;
pub(crate) mod schema;
pub(crate) mod types;

use std::sync::{Arc, LazyLock};

use async_graphql::{EmptySubscription, MergedObject, Schema};
use http::StatusCode;
use serde_json::{Value, json};

use crate::auth::RequestContext;
use crate::fake::Fake;
use resolve::AUTHING_ERROR;

/// The `Query` root: one part per resource, then the fields of Authing's schema the fake
/// does not implement yet (they answer "not supported").
#[derive(MergedObject, Default)]
pub(crate) struct Query(
    token::TokenQuery,
    users::UsersQuery,
    unsupported_query::UnsupportedQuery,
);

/// The `Mutation` root: one part per resource, then the not-yet-implemented fields.
#[derive(MergedObject, Default)]
pub(crate) struct Mutation(
    users::UsersMutation,
    identity::IdentityMutation,
    token::TokenMutation,
    unsupported_mutation::UnsupportedMutation,
);

/// The fake's schema type.
pub(crate) type MockSchema = Schema<Query, Mutation, EmptySubscription>;

/// The schema, built once per process; each request brings its fake as request data.
static SCHEMA: LazyLock<MockSchema> = LazyLock::new(|| {
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        // Types of Authing's schema that no field returns or takes.
        .register_output_type::<schema::common::BatchOperationResult>()
        .register_output_type::<schema::common::KeyValuePair>()
        .register_input_type::<schema::social::CreateSocialConnectionInput>()
        .finish()
});

/// The schema.
pub(crate) fn schema() -> &'static MockSchema {
    &SCHEMA
}

/// Runs a GraphQL request body for `fake` and returns the HTTP status and JSON answer.
pub(crate) async fn execute(
    fake: &Arc<Fake>,
    rc: RequestContext,
    body: &[u8],
) -> (StatusCode, Value) {
    let request: async_graphql::Request = match serde_json::from_slice(body) {
        Ok(request) => request,
        Err(error) => {
            return (
                StatusCode::BAD_REQUEST,
                json!({"errors": [{"message": format!(
                    "the body must be a JSON object {{query, operationName?, variables?}}: {error}"
                )}]}),
            );
        }
    };
    let response = schema()
        .execute(request.data(Arc::clone(fake)).data(rc))
        .await;
    let mut answer = serde_json::to_value(&response).unwrap_or_else(
        |error| json!({"errors": [{"message": format!("cannot serialise the answer: {error}")}]}),
    );
    rewrite_errors(&mut answer);
    (StatusCode::OK, answer)
}

/// Replaces the string `message` of every Authing error with its `{code, message, data}`
/// object, and its extensions with `{code: "<code>"}`.
fn rewrite_errors(answer: &mut Value) {
    let Some(errors) = answer.get_mut("errors").and_then(Value::as_array_mut) else {
        return;
    };
    for error in errors {
        let Some(error) = error.as_object_mut() else {
            continue;
        };
        let authing = error
            .get_mut("extensions")
            .and_then(Value::as_object_mut)
            .and_then(|extensions| extensions.remove(AUTHING_ERROR));
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
        rewrite_errors(&mut answer);
        assert_eq!(answer["errors"][0]["message"]["code"], 2004);
        assert_eq!(answer["errors"][0]["extensions"]["code"], "2004");
        assert_eq!(answer["errors"][0]["locations"][0]["line"], 1);
        assert_eq!(answer["errors"][1]["message"], "Unknown field \"x\"");
    }
}
