//! Custom values (UDV) of any object, checked against the field definitions of
//! [`udf`](super::udf). A user's values are its record's `custom_data` (the same list
//! `createUser`'s `params` and `User.customData` use); other objects' values are kept in
//! `Pool::udvs` by kind and id, so any kind of object (role, group, node, ...) has them.

use super::udf;
use super::users::{self, check_custom_data};
use crate::failure::Failure;
use crate::store::{CustomDatum, Pool, TargetKind};

/// Every custom value of the object; 2004 for a user that does not exist.
pub(crate) fn list(pool: &Pool, target: TargetKind, id: &str) -> Result<Vec<CustomDatum>, Failure> {
    if target == TargetKind::User {
        return Ok(users::get(pool, id)?.custom_data.clone());
    }
    Ok(pool
        .udvs
        .get(&(target, id.to_owned()))
        .cloned()
        .unwrap_or_default())
}

/// The label of `key` for `target`, when the field is defined.
pub(crate) fn label<'p>(pool: &'p Pool, target: TargetKind, key: &str) -> Option<&'p str> {
    udf::find(pool, target, key).map(|d| d.label.as_str())
}

/// Sets values of the object (`setUdv`, `setUdvBatch`): all or none, each checked against
/// its field's type (2231 otherwise); answers every value of the object.
pub(crate) fn set(
    pool: &mut Pool,
    target: TargetKind,
    id: &str,
    items: Vec<(String, Option<String>)>,
) -> Result<Vec<CustomDatum>, Failure> {
    let data = items
        .into_iter()
        .map(|(key, value)| {
            if key.trim().is_empty() {
                return Err(Failure::invalid_params("a custom data key is empty"));
            }
            udf::typed(udf::find(pool, target, &key), key, value)
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    let mut merged = list(pool, target, id)?;
    for datum in data {
        match merged.iter_mut().find(|d| d.key == datum.key) {
            Some(existing) => *existing = datum,
            None => merged.push(datum),
        }
    }
    check_custom_data(&merged)?;
    store(pool, target, id, merged.clone())?;
    Ok(merged)
}

/// Removes the value of `key` from the object (`removeUdv`); answers the values left.
pub(crate) fn remove(
    pool: &mut Pool,
    target: TargetKind,
    id: &str,
    key: &str,
) -> Result<Vec<CustomDatum>, Failure> {
    let mut left = list(pool, target, id)?;
    left.retain(|d| d.key != key);
    store(pool, target, id, left.clone())?;
    Ok(left)
}

/// Replaces the object's values.
fn store(
    pool: &mut Pool,
    target: TargetKind,
    id: &str,
    data: Vec<CustomDatum>,
) -> Result<(), Failure> {
    if target == TargetKind::User {
        pool.users
            .update(id, |user| user.custom_data = data)
            .map_err(|_| Failure::from(crate::failure::Code::UserNotFound))?;
    } else if data.is_empty() {
        pool.udvs.remove(&(target, id.to_owned()));
    } else {
        pool.udvs.insert((target, id.to_owned()), data);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{DataType, FieldDef};

    fn define(pool: &mut Pool, target: TargetKind, key: &str, data_type: DataType) {
        udf::set(
            pool,
            FieldDef {
                target,
                key: key.to_owned(),
                data_type,
                label: format!("{key} label"),
                options: None,
            },
        )
        .expect("defined");
    }

    fn pair(key: &str, value: &str) -> (String, Option<String>) {
        (key.to_owned(), Some(value.to_owned()))
    }

    #[test]
    fn role_values_are_typed_and_atomic() {
        let mut pool = Pool::random();
        define(&mut pool, TargetKind::Role, "level", DataType::Number);
        define(&mut pool, TargetKind::Role, "admin", DataType::Boolean);
        let data = set(
            &mut pool,
            TargetKind::Role,
            "r1",
            vec![pair("level", "3"), pair("admin", "true")],
        )
        .expect("set");
        assert_eq!(data.len(), 2);
        assert_eq!(data[0].data_type, DataType::Number);
        // One wrong value refuses the whole batch.
        let refused = set(
            &mut pool,
            TargetKind::Role,
            "r1",
            vec![pair("level", "4"), pair("admin", "yes")],
        )
        .expect_err("wrong type");
        assert_eq!(refused.number(), 2231);
        let kept = list(&pool, TargetKind::Role, "r1").expect("list");
        assert_eq!(kept[0].value.as_deref(), Some("3"));
        assert_eq!(label(&pool, TargetKind::Role, "level"), Some("level label"));
        let left = remove(&mut pool, TargetKind::Role, "r1", "level").expect("removed");
        assert_eq!(left.len(), 1);
        assert!(
            list(&pool, TargetKind::Node, "r1")
                .expect("none")
                .is_empty()
        );
    }

    #[test]
    fn user_values_are_the_users_custom_data() {
        let mut pool = Pool::random();
        assert_eq!(
            list(&pool, TargetKind::User, "nobody")
                .expect_err("no user")
                .number(),
            2004
        );
        let id = pool
            .users
            .insert_with(|id| crate::store::UserRecord {
                id,
                password: None,
                created_at: chrono::Utc::now(),
                updated_at: chrono::Utc::now(),
                fields: serde_json::Map::new(),
                custom_data: Vec::new(),
            })
            .expect("inserted")
            .id
            .clone();
        define(&mut pool, TargetKind::User, "born", DataType::Datetime);
        set(
            &mut pool,
            TargetKind::User,
            &id,
            vec![pair("born", "2000-01-01")],
        )
        .expect("set");
        let user = pool.users.get(&id).expect("user");
        assert_eq!(user.custom_data[0].data_type, DataType::Datetime);
        assert_eq!(
            set(&mut pool, TargetKind::User, &id, vec![pair("born", "soon")])
                .expect_err("wrong type")
                .number(),
            2231
        );
        assert_eq!(
            set(&mut pool, TargetKind::User, "nobody", vec![pair("x", "1")])
                .expect_err("no user")
                .number(),
            2004
        );
    }
}
