//! Fixtures the domain's unit tests share.

use chrono::Utc;
use serde_json::{Map, json};

use super::users::{self, NewUser};
use crate::store::Pool;

/// Creates a user with just a `username` (no password) and answers their id.
pub(crate) fn user_named(pool: &mut Pool, name: &str) -> String {
    let mut fields = Map::new();
    fields.insert("username".into(), json!(name));
    let new = NewUser {
        fields,
        password: None,
        custom_data: Vec::new(),
        register_source: "import:manual",
    };
    users::create(pool, new, Utc::now())
        .expect("created")
        .id
        .clone()
}
