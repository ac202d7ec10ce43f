//! [`AccessAccountRecord`]: a programmatic access account of an application, a credential
//! (its id and secret) for the client-credentials grant.

use authing_core::Secret;
use chrono::{DateTime, Utc};

use super::table::Record;

/// A programmatic access account; a disabled one gets no token.
#[derive(Debug, Clone)]
pub(crate) struct AccessAccountRecord {
    pub(crate) id: String,
    pub(crate) app_id: String,
    pub(crate) secret: Secret,
    pub(crate) enabled: bool,
    /// How long its access tokens live, in seconds.
    pub(crate) token_lifetime: i64,
    pub(crate) remarks: Option<String>,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

impl Record for AccessAccountRecord {
    const KIND: &'static str = "programmaticAccessAccount";

    fn id(&self) -> &str {
        &self.id
    }

    fn unique_keys(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}
