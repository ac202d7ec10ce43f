//! The fake's integration tests, one binary (each module a concern).

mod hardening;
