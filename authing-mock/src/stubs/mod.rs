//! Stubs: a mockall `MockTransport` and wiremock helpers (under construction).
