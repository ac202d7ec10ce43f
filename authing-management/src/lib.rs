//! The administrator API of Authing: [`ManagementClient`].
//!
//! A management client acts for a user pool with the pool's secret. It fetches a management
//! token with the `accessToken` query, caches it, refreshes it shortly before it expires
//! (one request however many tasks need it), and when Authing rejects it mid-way (codes
//! 2206, 2207) refreshes it and retries the call once. Calls are grouped by area through
//! handlers (`client.users()`). Every call is an operation
//! ([`authing_core::Operation`]): set its optional arguments, then `.await` it.
//!
//! The client is generic over its [`Transport`](authing_core::Transport): pick
//! `authing-transport-reqwest`, `authing-transport-hyper`, the fake Authing of `authing-mock`,
//! or anything else. Here a closure stands in for Authing:
//!
//! ```
//! use authing_core::{Error, transport_fn};
//! use authing_core::model::SortBy;
//! use authing_management::ManagementClient;
//! use bytes::Bytes;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Error> {
//! // A stand-in for Authing that knows two operations.
//! let transport = transport_fn(|request: http::Request<Bytes>| async move {
//!     let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap_or_default();
//!     let answer = match body["operationName"].as_str() {
//!         Some("accessToken") => r#"{"data":{"accessToken":
//!             {"accessToken":"eyJ.management.token","exp":1900007200,"iat":1900000000}}}"#,
//!         _ => r#"{"data":{"users":{"totalCount":1,"list":[
//!             {"id":"u1","arn":"arn:cn:authing:pool:user:u1","userPoolId":"pool","username":"bob"}]}}}"#,
//!     };
//!     Ok(http::Response::new(Bytes::from_static(answer.as_bytes())))
//! });
//!
//! let client = ManagementClient::builder("USER_POOL_ID", "USER_POOL_SECRET")
//!     .host("https://core.authing.cn") // the default; private deployments pass theirs
//!     .transport(transport)
//!     .build()?;
//!
//! let page = client
//!     .users()
//!     .list()
//!     .page(1)
//!     .limit(10)
//!     .sort_by(SortBy::CreatedAtDesc)
//!     .await?;
//! assert_eq!(page.total_count, 1);
//! assert_eq!(page.list[0].username.as_deref(), Some("bob"));
//! # Ok(())
//! # }
//! ```

mod checks;
mod client;
pub mod families;
pub mod graphql;
mod token;
pub mod users;
// UDF (users-udf).
pub mod udf;
// roles-groups
pub mod groups;
pub mod roles;
// applications area
pub mod applications;
// Policies and ACL.
pub mod acl;
pub mod policies;
// mgmtgaps
mod email;
mod password_check;

pub use authing_core::NoTransport;
pub use client::{AccessToken, CheckLoginStatus, ManagementClient, ManagementClientBuilder};
pub use families::{CustomDataHandler, PolicyAssignmentsHandler};
pub use token::AccessTokenAnswer;
pub use users::{BatchField, UsersHandler};
// UDF (users-udf).
pub use udf::UdfHandler;
// roles-groups
pub use groups::GroupsHandler;
pub use roles::RolesHandler;
// applications area
pub use applications::{ApplicationHandle, ApplicationsHandler};
// Policies and ACL.
pub use acl::AclHandler;
pub use policies::PoliciesHandler;
// mgmtgaps
pub use email::SendEmail;
pub use password_check::{IsPasswordValid, PasswordValidity};

/// Every GraphQL document this crate sends, as `(operation name, document)`, so tests can
/// validate them all against Authing's schema.
///
/// ```
/// let documents = authing_management::graphql_documents();
/// assert!(documents.iter().any(|(name, _)| *name == "accessToken"));
/// ```
pub fn graphql_documents() -> Vec<(&'static str, String)> {
    graphql::ALL
        .iter()
        .chain(authing_core::graphql::documents::ALL)
        .map(|op| (op.operation_name(), op.full_document()))
        .collect()
}
