//! Custom field definitions (UDF): per kind of object, a key, a data type and a label; and
//! the check that a value suits its field's type.
//!
//! Values travel as text (`UserDefinedData.value: String`). A value for a defined field must
//! read as its type: NUMBER a JSON number, BOOLEAN `true` or `false`, DATETIME epoch
//! milliseconds or an ISO-8601 date or date-time (bare or JSON-quoted), OBJECT a JSON object
//! or array; STRING takes any text. Authing documents no code for a wrong type, so the fake
//! refuses with 2231 (invalid parameters) naming the field and its type. A value for a key
//! with no definition is kept with its type inferred from its text, as `createUser`'s
//! `params` always were.

use chrono::{DateTime, NaiveDate};
use serde_json::Value;

use super::users::check_length;
use crate::failure::Failure;
use crate::store::{CustomDatum, DataType, FieldDef, Pool, TargetKind};

/// The most fields one kind of object may define.
pub(crate) const MAX_FIELDS_PER_KIND: usize = 100;
/// The longest key or label, in characters.
const MAX_KEY_CHARS: usize = 128;
/// The longest `options` text, in characters.
const MAX_OPTIONS_CHARS: usize = 8192;

/// The fields defined for `target`, in creation order.
pub(crate) fn list(pool: &Pool, target: TargetKind) -> Vec<&FieldDef> {
    pool.udfs.iter().filter(|d| d.target == target).collect()
}

/// The definition of `key` for `target`, if any.
pub(crate) fn find<'p>(pool: &'p Pool, target: TargetKind, key: &str) -> Option<&'p FieldDef> {
    pool.udfs
        .iter()
        .find(|d| d.target == target && d.key == key)
}

/// Defines a field, or redefines it (type, label, options) when `key` exists (`setUdf`).
pub(crate) fn set(pool: &mut Pool, def: FieldDef) -> Result<FieldDef, Failure> {
    if def.key.trim().is_empty() {
        return Err(Failure::invalid_params("the key is empty"));
    }
    check_length("the key", &def.key, MAX_KEY_CHARS)?;
    check_length("the label", &def.label, MAX_KEY_CHARS)?;
    if let Some(options) = &def.options {
        check_length("the options", options, MAX_OPTIONS_CHARS)?;
    }
    let existing = pool
        .udfs
        .iter_mut()
        .find(|d| d.target == def.target && d.key == def.key);
    match existing {
        Some(existing) => *existing = def.clone(),
        None => {
            if list(pool, def.target).len() >= MAX_FIELDS_PER_KIND {
                return Err(Failure::invalid_params(format!(
                    "more than {MAX_FIELDS_PER_KIND} custom fields"
                )));
            }
            pool.udfs.push(def.clone());
        }
    }
    Ok(def)
}

/// Removes the field `key` of `target` and every value of it (`removeUdf`); 2231 when there
/// is no such field.
pub(crate) fn remove(pool: &mut Pool, target: TargetKind, key: &str) -> Result<(), Failure> {
    let before = pool.udfs.len();
    pool.udfs.retain(|d| !(d.target == target && d.key == key));
    if pool.udfs.len() == before {
        return Err(Failure::invalid_params(format!(
            "no custom field \"{key}\""
        )));
    }
    if target == TargetKind::User {
        let ids: Vec<String> = pool.users.iter().map(|u| u.id.clone()).collect();
        for id in ids {
            // The ids were just read from the table, so the update cannot miss.
            let _ = pool
                .users
                .update(&id, |u| u.custom_data.retain(|d| d.key != key));
        }
    } else {
        for ((kind, _), values) in pool.udvs.iter_mut() {
            if *kind == target {
                values.retain(|d| d.key != key);
            }
        }
    }
    Ok(())
}

/// `raw` as a value of `key`: checked against `def`'s type when the field is defined
/// (2231 when it does not read as that type), its type inferred from the text otherwise.
pub(crate) fn typed(
    def: Option<&FieldDef>,
    key: String,
    raw: Option<String>,
) -> Result<CustomDatum, Failure> {
    let Some(def) = def else {
        return Ok(inferred(key, raw));
    };
    if let Some(text) = &raw
        && !reads_as(def.data_type, text)
    {
        return Err(Failure::invalid_params(format!(
            "the value of custom field \"{key}\" is not of its type {}",
            type_name(def.data_type)
        )));
    }
    Ok(CustomDatum {
        key,
        value: raw,
        data_type: def.data_type,
    })
}

/// A value of an undefined key, typed by what its text is.
fn inferred(key: String, raw: Option<String>) -> CustomDatum {
    let data_type = match raw.as_deref().map(serde_json::from_str::<Value>) {
        Some(Ok(Value::Number(_))) => DataType::Number,
        Some(Ok(Value::Bool(_))) => DataType::Boolean,
        Some(Ok(Value::Object(_) | Value::Array(_))) => DataType::Object,
        _ => DataType::String,
    };
    CustomDatum {
        key,
        value: raw,
        data_type,
    }
}

/// Whether `text` reads as a value of `data_type`.
fn reads_as(data_type: DataType, text: &str) -> bool {
    let text = text.trim();
    match data_type {
        DataType::String => true,
        DataType::Number => matches!(serde_json::from_str(text), Ok(Value::Number(_))),
        DataType::Boolean => matches!(text, "true" | "false"),
        DataType::Object => matches!(
            serde_json::from_str(text),
            Ok(Value::Object(_) | Value::Array(_))
        ),
        DataType::Datetime => {
            let bare = text
                .strip_prefix('"')
                .and_then(|t| t.strip_suffix('"'))
                .unwrap_or(text);
            (!bare.is_empty() && bare.len() <= 16 && bare.bytes().all(|b| b.is_ascii_digit()))
                || DateTime::parse_from_rfc3339(bare).is_ok()
                || NaiveDate::parse_from_str(bare, "%Y-%m-%d").is_ok()
        }
    }
}

/// The type's name on the wire.
fn type_name(data_type: DataType) -> &'static str {
    match data_type {
        DataType::String => "STRING",
        DataType::Number => "NUMBER",
        DataType::Datetime => "DATETIME",
        DataType::Boolean => "BOOLEAN",
        DataType::Object => "OBJECT",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(key: &str, data_type: DataType) -> FieldDef {
        FieldDef {
            target: TargetKind::User,
            key: key.to_owned(),
            data_type,
            label: key.to_owned(),
            options: None,
        }
    }

    #[test]
    fn values_must_read_as_their_type() {
        use DataType::*;
        let cases: &[(DataType, &str, bool)] = &[
            (Number, "42", true),
            (Number, "-1.5e3", true),
            (Number, "\"42\"", false),
            (Number, "forty", false),
            (Boolean, "true", true),
            (Boolean, "false", true),
            (Boolean, "1", false),
            (Datetime, "1700000000000", true),
            (Datetime, "\"2024-01-02T03:04:05Z\"", true),
            (Datetime, "2024-01-02", true),
            (Datetime, "yesterday", false),
            (Object, r#"{"a":1}"#, true),
            (Object, "[1,2]", true),
            (Object, "3", false),
            (String, "anything at all", true),
        ];
        for (data_type, text, ok) in cases {
            let got = typed(
                Some(&def("k", *data_type)),
                "k".into(),
                Some((*text).into()),
            );
            assert_eq!(got.is_ok(), *ok, "{data_type:?} {text}");
            if let Err(failure) = got {
                assert_eq!(failure.number(), 2231);
            }
        }
    }

    #[test]
    fn undefined_keys_are_inferred() {
        let got = typed(None, "n".into(), Some("7".into())).expect("inferred");
        assert_eq!(got.data_type, DataType::Number);
        let got = typed(None, "s".into(), Some("seven".into())).expect("inferred");
        assert_eq!(got.data_type, DataType::String);
    }

    #[test]
    fn define_redefine_list_and_remove() {
        let mut pool = Pool::random();
        set(&mut pool, def("age", DataType::Number)).expect("defined");
        set(&mut pool, def("vip", DataType::Boolean)).expect("defined");
        let mut role_field = def("level", DataType::Number);
        role_field.target = TargetKind::Role;
        set(&mut pool, role_field).expect("defined");
        set(&mut pool, def("age", DataType::String)).expect("redefined");
        let users: Vec<_> = list(&pool, TargetKind::User)
            .iter()
            .map(|d| (d.key.as_str(), d.data_type))
            .collect();
        assert_eq!(
            users,
            vec![("age", DataType::String), ("vip", DataType::Boolean)]
        );
        assert_eq!(list(&pool, TargetKind::Role).len(), 1);
        remove(&mut pool, TargetKind::User, "age").expect("removed");
        assert!(find(&pool, TargetKind::User, "age").is_none());
        assert_eq!(
            remove(&mut pool, TargetKind::User, "age")
                .expect_err("gone")
                .number(),
            2231
        );
        assert_eq!(
            set(&mut pool, def(" ", DataType::String))
                .expect_err("empty key")
                .number(),
            2231
        );
    }
}
