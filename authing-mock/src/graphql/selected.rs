//! [`Selected`] and [`SelectedList`]: answer objects whose GraphQL fields are their serde
//! fields by serialising each object once, keeping only the selected fields, instead of
//! resolving each field as a future.
//!
//! async-graphql resolves every field of an object as its own future, joined through a
//! `FuturesUnordered`; for a page of 10 users of ~60 fields that is most of the time a users
//! list takes. The output types of the fake (`User` and the types under it) are plain data
//! whose serde names are their GraphQL names, so their answer can be read off their serde
//! form. The selection is turned into a [`Plan`] once (once per list, not per item); each
//! object is then serialised straight into GraphQL values by [`Picker`], which converts only
//! the fields the plan asks for. Anything the shortcut does not understand (a field with
//! arguments or directives, a field that is not a serde field, `__typename` or a type
//! condition below the top, one field under two keys, conflicting selections) sends the
//! objects down the ordinary path, so the answer is always what async-graphql would give; a
//! test compares the two.

use std::borrow::Cow;
use std::fmt;

use async_graphql::indexmap::IndexMap;
use async_graphql::parser::types::{Field, Selection, SelectionSet};
use async_graphql::registry::Registry;
use async_graphql::resolver_utils::resolve_list;
use async_graphql::{ContextSelectionSet, Name, OutputType, Positioned, ServerResult, Value};
use serde::Serialize;
use serde::ser::{self, Impossible};

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
        let type_name = T::type_name();
        if let Some(plan) = Plan::of(ctx, &ctx.item.node, Some(&type_name))
            && let Some(answer) = plan.answer(&self.0)
        {
            return Ok(answer);
        }
        #[cfg(test)]
        tests::FALLBACKS.with(|n| n.set(n.get() + 1));
        self.0.resolve(ctx, field).await
    }
}

/// A list of `T` (`[T!]!` in the schema), answered as [`Selected`] answers one, with the
/// selection planned once for the whole list.
pub(crate) struct SelectedList<T>(pub(crate) Vec<T>);

impl<T: OutputType + Serialize> OutputType for SelectedList<T> {
    fn type_name() -> Cow<'static, str> {
        Vec::<T>::type_name()
    }

    fn qualified_type_name() -> String {
        Vec::<T>::qualified_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        Vec::<T>::create_type_info(registry)
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        let type_name = T::type_name();
        if let Some(plan) = Plan::of(ctx, &ctx.item.node, Some(&type_name))
            && let Some(answers) = self
                .0
                .iter()
                .map(|item| plan.answer(item))
                .collect::<Option<Vec<_>>>()
        {
            return Ok(Value::List(answers));
        }
        #[cfg(test)]
        tests::FALLBACKS.with(|n| n.set(n.get() + 1));
        resolve_list(ctx, field, &self.0, Some(self.0.len())).await
    }
}

/// What one selection answers, planned from the document once: the answer's keys in order,
/// and where each one's value comes from.
struct Plan<'q> {
    /// The answer's entries, in the order the selection gives them.
    slots: Vec<Slot<'q>>,
    /// `(serde name, slot)` sorted by name length, then name: most comparisons of a lookup
    /// compare two lengths, not two strings.
    by_name: Vec<(&'q str, usize)>,
    /// The answer object with every key in place and null values: each answer starts as a
    /// clone of it, which copies the key index instead of hashing every key again.
    template: IndexMap<Name, Value>,
}

/// One entry of a [`Plan`]'s answer.
struct Slot<'q> {
    /// The response key (the alias, or the field's name).
    key: Name,
    /// Where the value comes from.
    source: Source<'q>,
}

/// Where a [`Slot`]'s value comes from.
enum Source<'q> {
    /// The object's GraphQL type name.
    TypeName(String),
    /// The serde field of that name, as it is (a scalar, an enum, or a list of them).
    Leaf(&'q str),
    /// The serde field of that name, an object (or a list of them, or null) answered by the
    /// nested plan.
    Object(&'q str, Plan<'q>),
}

impl<'q> Plan<'q> {
    /// The plan of `set` on objects of GraphQL type `type_name` (when known); `None` when
    /// the shortcut cannot answer it.
    fn of(
        ctx: &ContextSelectionSet<'q>,
        set: &'q SelectionSet,
        type_name: Option<&str>,
    ) -> Option<Self> {
        let mut slots = Vec::with_capacity(set.items.len());
        collect(ctx, set, type_name, &mut slots, 0)?;
        let mut by_name: Vec<(&'q str, usize)> = slots
            .iter()
            .enumerate()
            .filter_map(|(index, slot)| match &slot.source {
                Source::TypeName(_) => None,
                Source::Leaf(name) | Source::Object(name, _) => Some((*name, index)),
            })
            .collect();
        by_name.sort_unstable_by(|a, b| by_length_then_name(a.0, b.0));
        // One field under two keys: each value is moved into one slot only.
        if by_name.windows(2).any(|pair| pair[0].0 == pair[1].0) {
            return None;
        }
        let template = slots
            .iter()
            .map(|slot| (slot.key.clone(), Value::Null))
            .collect();
        Some(Self {
            slots,
            by_name,
            template,
        })
    }

    /// The slot that the serde field `name` fills, if the plan asks for it.
    fn slot_of(&self, name: &str) -> Option<usize> {
        let found = self
            .by_name
            .binary_search_by(|(key, _)| by_length_then_name(key, name))
            .ok()?;
        self.by_name.get(found).map(|(_, slot)| *slot)
    }

    /// The answer for `object`, serialised once; `None` when one of the plan's fields is
    /// not among its serde fields, or its serde form is not a struct or map.
    fn answer<T: Serialize + ?Sized>(&self, object: &T) -> Option<Value> {
        let mut values: Vec<Option<Value>> = Vec::new();
        values.resize_with(self.slots.len(), || None);
        object
            .serialize(Picker {
                plan: self,
                values: &mut values,
            })
            .ok()?;
        self.assemble(values)
    }

    /// The answer for `value`, an object already in GraphQL form (below the top).
    fn answer_value(&self, value: Value, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        match value {
            Value::Null => Some(Value::Null),
            Value::List(items) => items
                .into_iter()
                .map(|item| self.answer_value(item, depth + 1))
                .collect::<Option<Vec<_>>>()
                .map(Value::List),
            Value::Object(mut object) => {
                let mut values: Vec<Option<Value>> = Vec::with_capacity(self.slots.len());
                for slot in &self.slots {
                    values.push(match &slot.source {
                        Source::Leaf(name) | Source::Object(name, _) => object.swap_remove(*name),
                        Source::TypeName(_) => None,
                    });
                }
                self.assemble(values)
            }
            _ => None,
        }
    }

    /// The answer object from each slot's value (in slot order), applying nested plans.
    fn assemble(&self, values: Vec<Option<Value>>) -> Option<Value> {
        let mut out = self.template.clone();
        for ((slot, value), place) in self.slots.iter().zip(values).zip(out.values_mut()) {
            *place = match &slot.source {
                Source::TypeName(name) => Value::String(name.clone()),
                Source::Leaf(_) => value?,
                Source::Object(_, nested) => nested.answer_value(value?, 1)?,
            };
        }
        Some(Value::Object(out))
    }
}

/// The order of [`Plan::by_name`].
fn by_length_then_name(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Adds the slots of `set` (on objects of GraphQL type `type_name`, when known) to `slots`;
/// `None` when the shortcut cannot answer it.
fn collect<'q>(
    ctx: &ContextSelectionSet<'q>,
    set: &'q SelectionSet,
    type_name: Option<&str>,
    slots: &mut Vec<Slot<'q>>,
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
                let key = field.response_key().node.clone();
                let leaf = field.selection_set.node.items.is_empty();
                if slots.iter().any(|slot| slot.key == key) {
                    // The same key again (fragments overlapping): validation made it the
                    // same field, so a leaf is answered already; merging two selections
                    // of an object is left to the ordinary path.
                    if leaf {
                        continue;
                    }
                    return None;
                }
                let name = field.name.node.as_str();
                let source = if name == "__typename" {
                    Source::TypeName(type_name?.to_owned())
                } else if leaf {
                    Source::Leaf(name)
                } else {
                    let nested = Plan::of(ctx, &field.selection_set.node, None)?;
                    Source::Object(name, nested)
                };
                slots.push(Slot { key, source });
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
                collect(
                    ctx,
                    &fragment.node.selection_set.node,
                    type_name,
                    slots,
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
                collect(
                    ctx,
                    &inline.node.selection_set.node,
                    type_name,
                    slots,
                    depth + 1,
                )?;
            }
        }
    }
    Some(())
}

/// Why the shortcut gave up on an object (its serde form is not what a plan can read).
#[derive(Debug)]
struct NotPlannable;

impl fmt::Display for NotPlannable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not answerable by a plan")
    }
}

impl std::error::Error for NotPlannable {}

impl ser::Error for NotPlannable {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Self
    }
}

/// Serialises an object (a struct, or a map with `#[serde(flatten)]` parts) by converting
/// only the fields its plan asks for into GraphQL values, each into its slot.
struct Picker<'p, 'q> {
    plan: &'p Plan<'q>,
    values: &'p mut [Option<Value>],
}

impl Picker<'_, '_> {
    /// Keeps `value` if the plan asks for field `name`.
    fn put<V: Serialize + ?Sized>(&mut self, name: &str, value: &V) -> Result<(), NotPlannable> {
        self.fill(self.plan.slot_of(name), value)
    }

    /// Converts `value` into `slot`, when there is one (the plan asks for the field).
    fn fill<V: Serialize + ?Sized>(
        &mut self,
        slot: Option<usize>,
        value: &V,
    ) -> Result<(), NotPlannable> {
        if let Some(place) = slot.and_then(|slot| self.values.get_mut(slot)) {
            *place = Some(async_graphql::to_value(value).map_err(|_| NotPlannable)?);
        }
        Ok(())
    }
}

/// Every serde call a [`Picker`] refuses: only structs and maps are objects.
macro_rules! refuse {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<$ok, NotPlannable> { Err(NotPlannable) })*
    };
}

impl<'p, 'q> ser::Serializer for Picker<'p, 'q> {
    type Ok = ();
    type Error = NotPlannable;
    type SerializeSeq = Impossible<(), NotPlannable>;
    type SerializeTuple = Impossible<(), NotPlannable>;
    type SerializeTupleStruct = Impossible<(), NotPlannable>;
    type SerializeTupleVariant = Impossible<(), NotPlannable>;
    type SerializeMap = PickerMap<'p, 'q>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), NotPlannable>;

    refuse! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_u64(u64) -> ();
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_char(char) -> ();
        serialize_str(&str) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize)
            -> Self::SerializeTupleVariant;
        serialize_struct_variant(&'static str, u32, &'static str, usize)
            -> Self::SerializeStructVariant;
    }

    fn serialize_some<V: Serialize + ?Sized>(self, value: &V) -> Result<(), NotPlannable> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<V: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &V,
    ) -> Result<(), NotPlannable> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<V: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &V,
    ) -> Result<(), NotPlannable> {
        Err(NotPlannable)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<PickerMap<'p, 'q>, NotPlannable> {
        Ok(PickerMap {
            picker: self,
            pending: None,
        })
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, NotPlannable> {
        Ok(self)
    }
}

impl ser::SerializeStruct for Picker<'_, '_> {
    type Ok = ();
    type Error = NotPlannable;

    fn serialize_field<V: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &V,
    ) -> Result<(), NotPlannable> {
        self.put(name, value)
    }

    fn end(self) -> Result<(), NotPlannable> {
        Ok(())
    }
}

/// A [`Picker`] reading a map: the serde form of a struct with flattened parts.
struct PickerMap<'p, 'q> {
    picker: Picker<'p, 'q>,
    /// The slot of the key just given, when the plan asks for it.
    pending: Option<usize>,
}

impl ser::SerializeMap for PickerMap<'_, '_> {
    type Ok = ();
    type Error = NotPlannable;

    fn serialize_key<K: Serialize + ?Sized>(&mut self, key: &K) -> Result<(), NotPlannable> {
        self.pending = key.serialize(SlotOfKey(self.picker.plan))?;
        Ok(())
    }

    fn serialize_value<V: Serialize + ?Sized>(&mut self, value: &V) -> Result<(), NotPlannable> {
        let slot = self.pending.take();
        self.picker.fill(slot, value)
    }

    fn end(self) -> Result<(), NotPlannable> {
        Ok(())
    }
}

/// Serialises a map key (a field name) into the slot the plan gives it.
struct SlotOfKey<'p, 'q>(&'p Plan<'q>);

impl ser::Serializer for SlotOfKey<'_, '_> {
    type Ok = Option<usize>;
    type Error = NotPlannable;
    type SerializeSeq = Impossible<Option<usize>, NotPlannable>;
    type SerializeTuple = Impossible<Option<usize>, NotPlannable>;
    type SerializeTupleStruct = Impossible<Option<usize>, NotPlannable>;
    type SerializeTupleVariant = Impossible<Option<usize>, NotPlannable>;
    type SerializeMap = Impossible<Option<usize>, NotPlannable>;
    type SerializeStruct = Impossible<Option<usize>, NotPlannable>;
    type SerializeStructVariant = Impossible<Option<usize>, NotPlannable>;

    refuse! {
        serialize_bool(bool) -> Option<usize>;
        serialize_i8(i8) -> Option<usize>;
        serialize_i16(i16) -> Option<usize>;
        serialize_i32(i32) -> Option<usize>;
        serialize_i64(i64) -> Option<usize>;
        serialize_u8(u8) -> Option<usize>;
        serialize_u16(u16) -> Option<usize>;
        serialize_u32(u32) -> Option<usize>;
        serialize_u64(u64) -> Option<usize>;
        serialize_f32(f32) -> Option<usize>;
        serialize_f64(f64) -> Option<usize>;
        serialize_char(char) -> Option<usize>;
        serialize_bytes(&[u8]) -> Option<usize>;
        serialize_none() -> Option<usize>;
        serialize_unit() -> Option<usize>;
        serialize_unit_struct(&'static str) -> Option<usize>;
        serialize_unit_variant(&'static str, u32, &'static str) -> Option<usize>;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize)
            -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize)
            -> Self::SerializeStructVariant;
    }

    fn serialize_str(self, name: &str) -> Result<Option<usize>, NotPlannable> {
        Ok(self.0.slot_of(name))
    }

    fn serialize_some<V: Serialize + ?Sized>(self, _: &V) -> Result<Option<usize>, NotPlannable> {
        Err(NotPlannable)
    }

    fn serialize_newtype_struct<V: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &V,
    ) -> Result<Option<usize>, NotPlannable> {
        Err(NotPlannable)
    }

    fn serialize_newtype_variant<V: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &V,
    ) -> Result<Option<usize>, NotPlannable> {
        Err(NotPlannable)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use async_graphql::{EmptyMutation, EmptySubscription, Object, Schema};
    use chrono::{TimeZone as _, Utc};
    use serde_json::{Map, json};

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
        async fn fast_list(&self) -> SelectedList<User> {
            SelectedList(vec![
                User::from_record(&self.0, "pool", None),
                User::from_record(&self.0, "other-pool", None),
            ])
        }
        async fn plain_list(&self) -> Vec<User> {
            vec![
                User::from_record(&self.0, "pool", None),
                User::from_record(&self.0, "other-pool", None),
            ]
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
