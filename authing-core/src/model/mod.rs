//! The data Authing returns and the inputs it takes, named as in Authing's v2 schema.
//!
//! Output types are `#[non_exhaustive]` (Authing adds fields); input types are plain structs
//! with `Default`, built with struct-update syntax:
//!
//! ```
//! use authing_core::model::UpdateUserInput;
//!
//! let update = UpdateUserInput {
//!     nickname: Some("Nick".into()),
//!     ..Default::default()
//! };
//! # let _ = update;
//! ```

mod common;
mod custom_data;
mod de;
mod email;
mod inputs;
mod login_status;
// Shared by both clients.
mod org;
mod pagination;
mod roles;
// Policies and ACL.
mod policy;
mod targets;
mod udf;
mod user;

pub use common::{AccessToken, BatchOperationResult, CommonMessage, RefreshedToken};
pub use custom_data::{Context, CustomData, custom_data_params};
pub use email::EmailScene;
pub use inputs::{CreateUserInput, RegisterProfile, SortBy, UpdateUserInput, UserDdfInput};
pub use login_status::{LoginStatus, LoginStatusDetail};
pub use org::{Department, OrgNode, UserDepartment};
pub use pagination::{Paginated, PaginatedUsers};
pub use roles::{Group, PaginatedGroups, PaginatedRoles, Role};
// Policies and ACL.
pub use policy::{Policy, PolicyEffect, PolicyStatement, PolicyStatementCondition};
pub use targets::{
    AuthorizedResource, PolicyAssignment, PolicyAssignmentTargetType, UdfTargetType,
};
pub use udf::{
    SetUdfValueBatchInput, UserDefinedDataInput, UserDefinedDataMap, UserDefinedField,
    udf_value_text,
};
pub use user::{Identity, UdfDataType, User, UserCustomData, UserStatus};
