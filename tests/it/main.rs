//! The end-to-end tests of the SDK, one binary: scenarios over every transport, the
//! operation registry, the documents against the schemas.

mod bad_input;
mod errors;
mod graphql_documents;
mod logs;
// Policies and ACL.
mod management_token;
mod policies;
mod registry;
// roles-groups
mod roles_groups;
mod secrets;
mod seed_flow;
mod stubs;
mod transport_contract;
// users-udf
mod udf_flow;
mod user_block_flow;
