//! [`Selected`]: answers an object whose GraphQL fields are its serde fields by picking the
//! selected ones out of its serde form, instead of resolving each field as a future.
//!
//! async-graphql resolves every field of an object as its own future, joined through a
//! `FuturesUnordered`; for a page of 10 users of ~60 fields that is most of the time a users
//! list takes. The output types of the fake (`User` and the types under it) are plain data
//! whose serde names are their GraphQL names, so their answer can be read off
//! `serde_json::to_value` directly. Anything the shortcut does not understand (a field with
//! arguments or directives, a field that is not a serde field, `__typename` or a type
//! condition below the top, conflicting selections) sends the whole object down the
//! ordinary path, so the answer is always what async-graphql would give; a test compares
//! the two.

use std::borrow::Cow;

use async_graphql::indexmap::IndexMap;
use async_graphql::indexmap::map::Entry;
use async_graphql::parser::types::{Field, Selection, SelectionSet};
use async_graphql::registry::Registry;
use async_graphql::{ContextSelectionSet, Name, OutputType, Positioned, ServerResult, Value};
use serde::Serialize;
use serde_json::{Map, Value as Json};

/// How deep the shortcut follows nested selections and fragments.
const MAX_DEPTH: usize = 16;

/// `T`, answered from its serde form when the selection allows (see the module docs). In
/// the schema it is exactly `T`.
pub(crate) struct Selected<T>(pub(crate) T);

impl<T: OutputType + Serialize> OutputType for Selected<T> {
    fn type_name() -> Cow<'static, str> {
        T::type_name()
    }

    fn qualified_type_name() -> String {
        T::qualified_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        T::create_type_info(registry)
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        if let Ok(Json::Object(object)) = serde_json::to_value(&self.0) {
            let mut object = Fields::new(object);
            let mut out = IndexMap::with_capacity(object.len());
            let type_name = T::type_name();
            if select(
                ctx,
                &mut object,
                &ctx.item.node,
                Some(&type_name),
                &mut out,
                0,
            )
            .is_some()
            {
                return Ok(Value::Object(out));
            }
        }
        #[cfg(test)]
        tests::FALLBACKS.with(|n| n.set(n.get() + 1));
        self.0.resolve(ctx, field).await
    }
}

/// An object's serde fields, each taken at most once: cheaper to take from than a `BTreeMap`
/// is to remove from. Sorted by name length, then name, so that most comparisons of a
/// lookup compare two lengths, not two strings.
struct Fields(Vec<(String, Option<Json>)>);

/// The order of [`Fields`].
fn by_length_then_name(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

impl Fields {
    fn new(object: Map<String, Json>) -> Self {
        let mut fields: Vec<_> = object.into_iter().map(|(k, v)| (k, Some(v))).collect();
        fields.sort_unstable_by(|a, b| by_length_then_name(&a.0, &b.0));
        Self(fields)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// The value of `name`, unless there is none or it was taken.
    fn take(&mut self, name: &str) -> Option<Json> {
        let index = self
            .0
            .binary_search_by(|(key, _)| by_length_then_name(key, name))
            .ok()?;
        self.0.get_mut(index)?.1.take()
    }
}

/// Adds the answer of `set` on `object` (of GraphQL type `type_name`, when known) to `out`,
/// moving the values it answers with out of `object`; `None` when the shortcut cannot answer
/// it.
fn select(
    ctx: &ContextSelectionSet<'_>,
    object: &mut Fields,
    set: &SelectionSet,
    type_name: Option<&str>,
    out: &mut IndexMap<Name, Value>,
    depth: usize,
) -> Option<()> {
    if depth > MAX_DEPTH {
        return None;
    }
    for item in &set.items {
        match &item.node {
            Selection::Field(field) => {
                let field = &field.node;
                if !field.arguments.is_empty() || !field.directives.is_empty() {
                    return None;
                }
                let leaf = field.selection_set.node.items.is_empty();
                let slot = match out.entry(field.response_key().node.clone()) {
                    Entry::Vacant(slot) => slot,
                    // The same key again (fragments overlapping): validation made it the
                    // same field, so a leaf is answered already; merging two selections
                    // of an object is left to the ordinary path.
                    Entry::Occupied(_) if leaf => continue,
                    Entry::Occupied(_) => return None,
                };
                let name = field.name.node.as_str();
                let value = if name == "__typename" {
                    Value::String(type_name?.to_owned())
                } else {
                    let json = object.take(name)?;
                    if leaf {
                        scalar(json)
                    } else {
                        nested(ctx, json, &field.selection_set.node, depth + 1)?
                    }
                };
                slot.insert(value);
            }
            Selection::FragmentSpread(spread) => {
                if !spread.node.directives.is_empty() {
                    return None;
                }
                let fragment = ctx
                    .query_env
                    .fragments
                    .get(&spread.node.fragment_name.node)?;
                if Some(fragment.node.type_condition.node.on.node.as_str()) != type_name {
                    return None;
                }
                select(
                    ctx,
                    object,
                    &fragment.node.selection_set.node,
                    type_name,
                    out,
                    depth + 1,
                )?;
            }
            Selection::InlineFragment(inline) => {
                if !inline.node.directives.is_empty() {
                    return None;
                }
                if let Some(condition) = &inline.node.type_condition
                    && Some(condition.node.on.node.as_str()) != type_name
                {
                    return None;
                }
                select(
                    ctx,
                    object,
                    &inline.node.selection_set.node,
                    type_name,
                    out,
                    depth + 1,
                )?;
            }
        }
    }
    Some(())
}

/// The answer of a selection on a nested value (an object, a list of them, or null), whose
/// GraphQL type the shortcut does not know.
fn nested(
    ctx: &ContextSelectionSet<'_>,
    json: Json,
    set: &SelectionSet,
    depth: usize,
) -> Option<Value> {
    match json {
        Json::Null => Some(Value::Null),
        Json::Array(items) => items
            .into_iter()
            .map(|item| nested(ctx, item, set, depth))
            .collect::<Option<Vec<_>>>()
            .map(Value::List),
        Json::Object(object) => {
            let mut object = Fields::new(object);
            let mut out = IndexMap::with_capacity(set.items.len());
            select(ctx, &mut object, set, None, &mut out, depth)?;
            Some(Value::Object(out))
        }
        _ => None,
    }
}

/// A leaf's JSON as a GraphQL value (scalars and enum names; lists of them; objects only
/// for JSON-valued scalars).
fn scalar(json: Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(flag) => Value::Boolean(flag),
        Json::Number(number) => Value::Number(number),
        Json::String(text) => Value::String(text),
        Json::Array(items) => Value::List(items.into_iter().map(scalar).collect()),
        Json::Object(object) => Value::Object(
            object
                .into_iter()
                .map(|(key, value)| (Name::new(key), scalar(value)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use async_graphql::{EmptyMutation, EmptySubscription, Object, Schema};
    use chrono::{TimeZone as _, Utc};
    use serde_json::json;

    use super::*;
    use crate::graphql::types::User;
    use crate::store::{CustomDatum, UserRecord};

    thread_local! {
        /// How many times this thread's `Selected`s took the ordinary path.
        pub(super) static FALLBACKS: Cell<usize> = const { Cell::new(0) };
    }

    fn record() -> UserRecord {
        let at = Utc
            .with_ymd_and_hms(2024, 1, 2, 3, 4, 5)
            .single()
            .expect("a time");
        let mut fields = Map::new();
        for (name, value) in [
            ("username", json!("alice")),
            ("email", json!("alice@example.com")),
            ("emailVerified", json!(true)),
            ("phone", json!("13800000000")),
            ("nickname", json!("Al")),
            ("lastIP", json!("127.0.0.1")),
            ("loginsCount", json!(3)),
            ("blocked", json!(false)),
            ("registerSource", json!(["import:manual"])),
            ("status", json!("Activated")),
        ] {
            fields.insert(name.to_owned(), value);
        }
        UserRecord {
            id: "0123456789abcdef01234567".to_owned(),
            password: None,
            created_at: at,
            updated_at: at,
            fields,
            custom_data: vec![
                CustomDatum::inferred("age".to_owned(), &json!(42)),
                CustomDatum::inferred("city".to_owned(), &json!("Beijing")),
            ],
        }
    }

    struct Both(UserRecord);

    #[Object]
    impl Both {
        async fn plain(&self) -> User {
            User::from_record(&self.0, "pool", Some("a-token".to_owned()))
        }
        async fn fast(&self) -> Selected<User> {
            Selected(User::from_record(
                &self.0,
                "pool",
                Some("a-token".to_owned()),
            ))
        }
        async fn fast_list(&self) -> Vec<Selected<User>> {
            vec![Selected(User::from_record(&self.0, "pool", None))]
        }
        async fn plain_list(&self) -> Vec<User> {
            vec![User::from_record(&self.0, "pool", None)]
        }
    }

    #[tokio::test]
    async fn answers_exactly_what_the_ordinary_path_answers() {
        let schema = Schema::new(Both(record()), EmptyMutation, EmptySubscription);
        let introspected = schema
            .execute(
                r#"{ __type(name: "User") { fields { name args { name }
                     type { kind ofType { kind ofType { kind } } } } } }"#,
            )
            .await
            .into_result()
            .expect("introspects")
            .data
            .into_json()
            .expect("JSON");
        // The innermost kind of a field's type (through NON_NULL and LIST wrappers).
        let kind = |ty: &serde_json::Value| {
            let mut ty = ty;
            while ty["ofType"].is_object() {
                ty = &ty["ofType"];
            }
            ty["kind"].as_str().unwrap_or_default().to_owned()
        };
        // Every scalar field without arguments (`identities` and `customData` are selected
        // below; the relations, e.g. `roles(namespace)`, are resolvers of their own).
        let every_field: Vec<String> = introspected["__type"]["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .filter(|f| f["args"].as_array().is_none_or(Vec::is_empty))
            .filter(|f| ["SCALAR", "ENUM"].contains(&kind(&f["type"]).as_str()))
            .filter_map(|f| f["name"].as_str().map(str::to_owned))
            .collect();
        assert!(every_field.len() > 50, "{every_field:?}");
        let scalars: Vec<&str> = every_field
            .iter()
            .map(String::as_str)
            .filter(|f| !["identities", "customData"].contains(f))
            .collect();
        let fragment = format!(
            "fragment F on User {{ {} identities {{ openid provider }} customData {{ key value dataType label }} }}",
            scalars.join(" ")
        );
        for (document, shortcut) in [
            (format!("{{ plain {{ ...F }} fast {{ ...F }} }} {fragment}"), true),
            (format!("{{ plain: plainList {{ ...F }} fast: fastList {{ ...F }} }} {fragment}"), true),
            // Aliases, __typename, inline fragments, the same key twice.
            (
                "{ plain { __typename b: id username ... on User { b: id email } } \
                   fast { __typename b: id username ... on User { b: id email } } }"
                    .to_owned(),
                true,
            ),
            // What the shortcut leaves to the ordinary path still answers the same: one
            // field under two keys, `__typename` below the top.
            (
                "{ plain { a: id id } fast { a: id id } }".to_owned(),
                false,
            ),
            (
                "{ plain { customData { __typename key } } fast { customData { __typename key } } }"
                    .to_owned(),
                false,
            ),
            // A relation (a resolver with arguments) is left to the ordinary path.
            // (`departments`: `roles` and `groups` read the store, which this schema lacks.)
            (
                "{ plain { id departments { totalCount } } fast { id departments { totalCount } } }"
                    .to_owned(),
                false,
            ),
        ] {
            let fallbacks = FALLBACKS.with(Cell::get);
            let answer = schema.execute(document.as_str()).await.into_result();
            let data = answer.expect("no errors").data.into_json().expect("JSON");
            assert_eq!(data["plain"], data["fast"], "{document}");
            assert!(!data["plain"].is_null());
            let took_shortcut = FALLBACKS.with(Cell::get) == fallbacks;
            assert_eq!(took_shortcut, shortcut, "{document}");
        }
    }
}
