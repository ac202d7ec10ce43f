//! Deserialisation helpers for Authing's loosely typed fields.

use serde::{Deserialize, Deserializer};

/// `[T]` where both the list and its items may be null: nulls are dropped, a null list is
/// `None`.
pub(crate) fn list_skipping_nulls<'de, D, T>(deserializer: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let list: Option<Vec<Option<T>>> = Option::deserialize(deserializer)?;
    Ok(list.map(|items| items.into_iter().flatten().collect()))
}
