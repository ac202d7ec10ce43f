//! The end-to-end tests of the SDK, one binary: scenarios over every transport, the
//! operation registry, the documents against the schemas.

mod applications_flow;
mod auth_flows;
mod bad_input;
mod errors;
mod graphql_documents;
mod logs;
// Policies and ACL.
mod management_token;
// Protocols (issue 9).
mod cas_flow;
mod policies;
mod protocols_flow;
mod registry;
// roles-groups
mod roles_groups;
mod secrets;
mod seed_flow;
// Session / MFA area.
mod session_mfa;
mod stubs;
mod transport_contract;
// users-udf
mod acl_flow;
mod auth_user;
mod authlogin_flow;
mod udf_flow;
mod user_block_flow;
mod users_admin;
// mgmtgaps
mod authgaps_flow;
mod mgmtgaps_flow;
mod oidc_interop;
mod saml_flow;
