//! `POST /api/v2/users/filter`: users whose fields meet every condition, newest first.
//!
//! A condition is `[{type, value}, operator, operand]`: the field is a profile field by wire
//! name (`type` `OtherFields`, or any type but the next) or a custom field by key (`type`
//! `userDefinedFields`); the operator is `EQ` or `NEQ`. Text compares exactly; other JSON
//! values with the stored value read as JSON (custom values are stored as text: `10`,
//! `true`).

use serde_json::Value;

use crate::failure::Failure;
use crate::store::{Page, Paged, Pool, UserRecord};

/// The `type` of a custom-field condition.
const CUSTOM_FIELDS: &str = "userDefinedFields";
/// The most conditions one filter takes.
const MAX_CONDITIONS: usize = 20;

/// Where a condition's field lives.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Profile(String),
    Custom(String),
}

/// One parsed condition.
#[derive(Debug, Clone, PartialEq)]
struct Condition {
    field: Field,
    equal: bool,
    operand: Value,
}

/// A parsed filter: every condition must hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct UserFilter {
    conditions: Vec<Condition>,
}

fn malformed(why: impl Into<String>) -> Failure {
    Failure::invalid_params(format!("filter: {}", why.into()))
}

impl UserFilter {
    /// Reads the `filter` of a request (2231 when it is not a list of conditions).
    pub(crate) fn parse(filter: Option<&Value>) -> Result<Self, Failure> {
        let Some(filter) = filter.filter(|f| !f.is_null()) else {
            return Ok(Self::default());
        };
        let items = filter.as_array().ok_or_else(|| malformed("not a list"))?;
        if items.len() > MAX_CONDITIONS {
            return Err(malformed(format!("at most {MAX_CONDITIONS} conditions")));
        }
        let conditions = items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                Self::condition(item).map_err(|why| malformed(format!("condition {n}: {why}")))
            })
            .collect::<Result<_, _>>()?;
        Ok(Self { conditions })
    }

    fn condition(item: &Value) -> Result<Condition, &'static str> {
        let [field, operator, operand] = item
            .as_array()
            .and_then(|parts| <&[Value; 3]>::try_from(parts.as_slice()).ok())
            .ok_or("not [field, operator, operand]")?;
        let name = field["value"]
            .as_str()
            .filter(|n| !n.is_empty())
            .ok_or("no field name")?;
        let field = if field["type"] == CUSTOM_FIELDS {
            Field::Custom(name.to_owned())
        } else {
            Field::Profile(name.to_owned())
        };
        let equal = match operator.as_str() {
            Some("EQ") => true,
            Some("NEQ") => false,
            _ => return Err("the operator is not EQ or NEQ"),
        };
        Ok(Condition {
            field,
            equal,
            operand: operand.clone(),
        })
    }

    fn keeps(&self, user: &UserRecord) -> bool {
        self.conditions.iter().all(|condition| {
            let same = match &condition.field {
                Field::Profile(name) => user
                    .fields
                    .get(name)
                    .is_some_and(|value| value == &condition.operand),
                Field::Custom(key) => user
                    .custom_data
                    .iter()
                    .find(|datum| datum.key == *key)
                    .and_then(|datum| datum.value.as_deref())
                    .is_some_and(|stored| match &condition.operand {
                        Value::String(text) => stored == text,
                        other => serde_json::from_str::<Value>(stored).is_ok_and(|v| v == *other),
                    }),
            };
            same == condition.equal
        })
    }
}

/// One page of the users `filter` keeps, newest first.
pub(crate) fn filter<'p>(pool: &'p Pool, filter: &UserFilter, page: Page) -> Paged<&'p UserRecord> {
    page.of(pool.users.iter().rev().filter(|user| filter.keeps(user)))
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use serde_json::{Map, json};

    use super::*;
    use crate::domain::users::{self, NewUser};
    use crate::store::CustomDatum;

    fn user(pool: &mut Pool, name: &str, city: &str, level: i64) {
        let mut fields = Map::new();
        fields.insert("username".into(), json!(name));
        fields.insert("city".into(), json!(city));
        let new = NewUser {
            fields,
            password: None,
            custom_data: vec![CustomDatum::inferred("level".into(), &json!(level))],
            register_source: "import:manual",
        };
        users::create(pool, new, Utc::now()).expect("created");
    }

    fn names(pool: &Pool, conditions: Value) -> Vec<String> {
        let parsed = UserFilter::parse(Some(&conditions)).expect("a filter");
        filter(pool, &parsed, Page::new(None, None))
            .items
            .iter()
            .filter_map(|u| u.str_field("username").map(str::to_owned))
            .collect()
    }

    #[test]
    fn conditions_on_profile_and_custom_fields() {
        let mut pool = Pool::random();
        user(&mut pool, "ann", "Beijing", 3);
        user(&mut pool, "bob", "Shanghai", 3);
        user(&mut pool, "cat", "Beijing", 5);
        let city = json!({"type": "OtherFields", "value": "city"});
        let level = json!({"type": "userDefinedFields", "value": "level"});
        assert_eq!(
            names(&pool, json!([[city, "EQ", "Beijing"]])),
            ["cat", "ann"]
        );
        assert_eq!(
            names(&pool, json!([[city, "EQ", "Beijing"], [level, "NEQ", 5]])),
            ["ann"]
        );
        assert_eq!(names(&pool, json!([[level, "EQ", "3"]])), ["bob", "ann"]);
        assert_eq!(names(&pool, json!([])).len(), 3);
        for bad in [
            json!({}),
            json!([[city, "LIKE", "x"]]),
            json!([[city, "EQ"]]),
        ] {
            let refused = UserFilter::parse(Some(&bad)).expect_err("malformed");
            assert_eq!(refused.number(), 2231);
        }
    }
}
