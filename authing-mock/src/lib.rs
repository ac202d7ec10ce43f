//! authing-mock: a fake Authing for tests (under construction).

pub mod stubs;
