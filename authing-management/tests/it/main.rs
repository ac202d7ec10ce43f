//! The integration tests of authing-management, one binary.

mod builder;
mod common;
mod token;
mod users;
