//! Stubs for tests that script Authing's answers instead of running the fake.
//!
//! Two styles:
//!
//! - **Expectations on the transport**: [`MockTransport`] is a [mockall] mock of
//!   [`authing_core::Transport`]. Hand it to a client, say how often `send` must be called and
//!   with what, and answer with [`graphql_data_response`], [`graphql_error_response`],
//!   [`rest_response`] or [`rest_error_response`]. No sockets at all.
//! - **A scripted HTTP server**: with [wiremock](::wiremock), match a GraphQL operation with
//!   [`graphql_operation`] and answer with [`graphql_data`], [`graphql_error`],
//!   [`graphql_error_with_data`], [`rest_data`] or [`rest_error`]. Any transport (and any
//!   language) can talk to it.
//!
//! Both answer in Authing's shapes, built by the `*_json` functions: GraphQL data under
//! `data.<rootField>`, GraphQL errors whose `errors[0].message` is an object
//! `{code, message, data}`, and REST envelopes `{code, message, data}`.
//!
//! ```
//! use authing_core::{Error, GraphQlOperation};
//! use authing_mock::stubs::graphql_error_response;
//!
//! // What a client does with a scripted "user not found":
//! let response = graphql_error_response(2004, "User not found");
//! let op = GraphQlOperation::new("user", "user", "query user($id: String!) { user(id: $id) { id } }");
//! let error = op
//!     .decode::<serde_json::Value>(response.status(), response.into_body())
//!     .expect_err("a scripted error");
//! assert_eq!(error.code(), Some(2004));
//! ```

mod envelopes;
mod mock_transport;
mod wiremock;

pub use self::envelopes::{
    graphql_data_json, graphql_error_json, graphql_error_with_data_json, rest_error_json, rest_json,
};
pub use self::mock_transport::{
    MockTransport, graphql_data_response, graphql_error_response, graphql_error_with_data_response,
    rest_error_response, rest_response,
};
pub use self::wiremock::{
    GraphQlOperation, graphql_data, graphql_error, graphql_error_with_data, graphql_operation,
    rest_data, rest_error,
};
