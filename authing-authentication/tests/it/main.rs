//! The integration tests of authing-authentication, one binary.

mod client;
