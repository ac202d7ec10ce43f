//! [`UserRecord`]: a user as the fake keeps it.
//!
//! A user's profile is kept as a JSON object keyed by the wire names of Authing's `User`
//! fields (`username`, `emailVerified`, `lastIP`, ...): inputs are written into it by their
//! SDL names and answers are read out of it by the same names, so what goes in under a name
//! comes out under that name. The password is kept apart, hashed.

use std::fmt;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::table::Record;
use crate::crypto::PasswordHash;
use crate::failure::Message;

/// A field that must be unique in a user pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UniqueField {
    Username,
    Email,
    Phone,
    ExternalId,
}

impl UniqueField {
    /// Every unique field.
    pub(crate) const ALL: [UniqueField; 4] =
        [Self::Username, Self::Email, Self::Phone, Self::ExternalId];

    /// The field's name on the wire (and its unique key in the users table).
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            Self::Username => "username",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::ExternalId => "externalId",
        }
    }

    /// The field by its wire name.
    pub(crate) fn of_wire_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|field| field.wire_name() == name)
    }

    /// What messages call it.
    pub(crate) fn words(self) -> Message {
        let (zh, en) = match self {
            Self::Username => ("用户名", "username"),
            Self::Email => ("邮箱", "email"),
            Self::Phone => ("手机号", "phone number"),
            Self::ExternalId => ("外部 ID", "external id"),
        };
        Message { zh, en }
    }
}

/// The data type of a custom field value (`UDFDataType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DataType {
    String,
    Number,
    /// A date and time: epoch milliseconds or ISO-8601 text.
    Datetime,
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

impl Record for UserRecord {
    const KIND: &'static str = "user";

    fn id(&self) -> &str {
        &self.id
    }

    fn unique_keys(&self) -> Vec<(&'static str, String)> {
        UniqueField::ALL
            .into_iter()
            .filter_map(|field| {
                let key = field.wire_name();
                self.str_field(key)
                    .map(|value| (key, Self::normalize(key, value)))
            })
            .collect()
    }

    /// Emails compare case-insensitively, the other unique fields exactly.
    fn normalize(key: &str, value: &str) -> String {
        if key == UniqueField::Email.wire_name() {
            value.to_ascii_lowercase()
        } else {
            value.to_owned()
        }
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

    /// Writes profile fields by wire name; a null (an emptied unique field) clears its field.
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
