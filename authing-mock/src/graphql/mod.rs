//! The GraphQL endpoint (`POST /graphql/v2`): a real async-graphql schema whose types,
//! fields and arguments follow Authing's v2 schema by name and type.
//!
//! Resolvers fail with [`Failure`]s; [`execute`] rewrites those errors into Authing's shape,
//! where `errors[].message` is the object `{code, message, data}`. Errors the GraphQL engine
//! itself raises (a document that does not parse or validate) keep the standard string
//! `message`.

mod fields;
mod mutation;
mod query;
mod unsupported;
mod unsupported_mutation;
mod unsupported_query;
mod user_relations;

pub(crate) mod inputs;
pub(crate) mod schema;
pub(crate) mod types;

use std::sync::LazyLock;

use async_graphql::{Context, EmptySubscription, ErrorExtensions as _, MergedObject, Schema};
use authing_core::Lang;
use http::StatusCode;
use serde_json::{Value, json};

use crate::auth::RequestContext;
use crate::i18n::Failure;
use crate::mock::{Inner, MockAuthing};

pub(crate) use mutation::Mutation;
pub(crate) use query::Query;
use unsupported_mutation::UnsupportedMutation;
use unsupported_query::UnsupportedQuery;

/// The query root: the implemented fields and those that answer "not supported" yet.
#[derive(MergedObject)]
#[graphql(name = "Query")]
pub(crate) struct QueryRoot(Query, UnsupportedQuery);

/// The mutation root: the implemented fields and those that answer "not supported" yet.
#[derive(MergedObject)]
#[graphql(name = "Mutation")]
pub(crate) struct MutationRoot(Mutation, UnsupportedMutation);

/// The fake's schema type.
pub(crate) type MockSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

/// The schema, built once per process; each request brings its fake as request data.
static SCHEMA: LazyLock<MockSchema> = LazyLock::new(|| {
    Schema::build(
        QueryRoot(Query, UnsupportedQuery),
        MutationRoot(Mutation, UnsupportedMutation),
        EmptySubscription,
    )
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

/// The extension key that carries an Authing error from a resolver to [`execute`].
const AUTHING_ERROR: &str = "authingError";

/// A resolver's view of the request: the fake and the request context.
pub(crate) struct Env<'a> {
    pub(crate) inner: &'a Inner,
    pub(crate) rc: &'a RequestContext,
}

impl<'a> Env<'a> {
    /// Reads the fake and the request context from the GraphQL context.
    pub(crate) fn of(ctx: &'a Context<'_>) -> async_graphql::Result<Self> {
        let mock = ctx.data::<MockAuthing>()?;
        let rc = ctx.data::<RequestContext>()?;
        Ok(Self {
            inner: &mock.inner,
            rc,
        })
    }

    /// Runs a resolver body, turning its failure into an Authing-shaped GraphQL error.
    pub(crate) fn run<T>(
        &self,
        body: impl FnOnce() -> Result<T, Failure>,
    ) -> async_graphql::Result<T> {
        body().map_err(|failure| graphql_error(&failure, self.rc.lang))
    }
}

/// A GraphQL error carrying `failure` for [`execute`] to rewrite.
fn graphql_error(failure: &Failure, lang: Lang) -> async_graphql::Error {
    let object = async_graphql::Value::from_json(failure.to_json(lang))
        .unwrap_or(async_graphql::Value::Null);
    async_graphql::Error::new(failure.message(lang))
        .extend_with(|_, extensions| extensions.set(AUTHING_ERROR, object.clone()))
}

/// Runs a GraphQL request body for `mock` and returns the HTTP status and JSON answer.
pub(crate) async fn execute(
    mock: &MockAuthing,
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
    let response = schema().execute(request.data(mock.clone()).data(rc)).await;
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
