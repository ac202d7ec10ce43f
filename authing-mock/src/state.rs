//! What the fake remembers: user pools, their applications and users, revoked tokens.
//!
//! A user's profile is kept as a JSON object keyed by the wire names of Authing's `User`
//! fields (`username`, `emailVerified`, `lastIP`, ...): inputs are written into it by their
//! SDL names and answers are read out of it by the same names, so what goes in under a name
//! comes out under that name. The password is kept apart, hashed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use authing_core::Secret;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::crypto::{PasswordHash, object_id, random_hex};
use crate::i18n::Failure;

/// The data type of a custom field value (`UDFDataType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DataType {
    String,
    Number,
    Boolean,
    Object,
}

/// One custom (user-defined) value of a user.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CustomDatum {
    pub(crate) key: String,
    /// Stored as Authing stores it: a string (JSON text for numbers, booleans and objects).
    pub(crate) value: Option<String>,
    pub(crate) data_type: DataType,
}

impl CustomDatum {
    /// A value whose data type is inferred from its JSON type.
    pub(crate) fn inferred(key: String, value: &Value) -> Self {
        let (value, data_type) = match value {
            Value::Null => (None, DataType::String),
            Value::String(text) => (Some(text.clone()), DataType::String),
            Value::Number(number) => (Some(number.to_string()), DataType::Number),
            Value::Bool(flag) => (Some(flag.to_string()), DataType::Boolean),
            other @ (Value::Array(_) | Value::Object(_)) => {
                (Some(other.to_string()), DataType::Object)
            }
        };
        Self {
            key,
            value,
            data_type,
        }
    }
}

/// A user of a pool.
#[derive(Clone)]
pub(crate) struct UserRecord {
    pub(crate) id: String,
    /// Creation order, to break ties between equal timestamps.
    pub(crate) seq: u64,
    pub(crate) password: Option<PasswordHash>,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
    /// Profile fields by wire name; never holds `id`, `password` or `token`.
    pub(crate) fields: Map<String, Value>,
    pub(crate) custom_data: Vec<CustomDatum>,
}

impl fmt::Debug for UserRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserRecord")
            .field("id", &self.id)
            .field("username", &self.str_field("username"))
            .field("email", &self.str_field("email"))
            .finish_non_exhaustive()
    }
}

impl UserRecord {
    /// A string field by wire name.
    pub(crate) fn str_field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).and_then(Value::as_str)
    }

    /// A boolean field by wire name (false when unset).
    pub(crate) fn flag(&self, name: &str) -> bool {
        self.fields
            .get(name)
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }

    /// Sets (or, with `Value::Null`, clears) a field.
    pub(crate) fn set(&mut self, name: &str, value: Value) {
        if value.is_null() {
            self.fields.remove(name);
        } else {
            self.fields.insert(name.to_owned(), value);
        }
    }

    /// Writes profile fields by wire name, as [`non_null_fields`] takes them from any input;
    /// a null (an emptied unique field) clears its field.
    ///
    /// [`non_null_fields`]: crate::graphql::inputs::non_null_fields
    pub(crate) fn apply(&mut self, fields: Map<String, Value>) {
        for (name, value) in fields {
            self.set(&name, value);
        }
    }

    /// Merges custom data: values for existing keys are replaced, new keys appended.
    pub(crate) fn merge_custom_data(&mut self, data: Vec<CustomDatum>) {
        for datum in data {
            match self.custom_data.iter_mut().find(|d| d.key == datum.key) {
                Some(existing) => *existing = datum,
                None => self.custom_data.push(datum),
            }
        }
    }
}

/// An application of a pool; end users log in through it.
#[derive(Debug, Clone)]
pub(crate) struct App {
    pub(crate) id: String,
    pub(crate) secret: Secret,
}

/// A user pool.
#[derive(Debug, Clone)]
pub(crate) struct Pool {
    pub(crate) id: String,
    pub(crate) secret: Secret,
    /// The pool's application (the fake makes one per pool).
    pub(crate) app: App,
    pub(crate) users: Vec<UserRecord>,
}

impl Pool {
    fn random() -> Self {
        Self {
            id: object_id(),
            secret: Secret::new(random_hex(16)),
            app: App {
                id: object_id(),
                secret: Secret::new(random_hex(16)),
            },
            users: Vec::new(),
        }
    }
}

/// Everything the fake keeps, behind one lock.
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub(crate) pools: BTreeMap<String, Pool>,
    /// Application id → pool id.
    pub(crate) app_pools: HashMap<String, String>,
    /// `jti`s of revoked tokens (logout).
    pub(crate) revoked: HashSet<String>,
    next_seq: u64,
}

impl Store {
    /// Creates a pool with one application.
    pub(crate) fn create_pool(&mut self) -> &Pool {
        let pool = Pool::random();
        self.app_pools.insert(pool.app.id.clone(), pool.id.clone());
        self.pools.entry(pool.id.clone()).or_insert(pool)
    }

    /// The pool `id` (2224 when there is none).
    pub(crate) fn pool(&self, id: &str) -> Result<&Pool, Failure> {
        self.pools.get(id).ok_or(Failure::PoolNotFound)
    }

    /// The pool `id`, to change (2224 when there is none).
    pub(crate) fn pool_mut(&mut self, id: &str) -> Result<&mut Pool, Failure> {
        self.pools.get_mut(id).ok_or(Failure::PoolNotFound)
    }

    /// The next creation sequence number.
    pub(crate) fn next_seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    /// Empties every pool's users and forgets revoked tokens; pools and apps stay.
    pub(crate) fn reset(&mut self) {
        for pool in self.pools.values_mut() {
            pool.users.clear();
        }
        self.revoked.clear();
    }
}
