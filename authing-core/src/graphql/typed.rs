//! The fast path of GraphQL decoding: a 2xx answer read in one pass, straight into the
//! typed value of `data.<root field>`, with no `serde_json::Value` in between.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

/// `data.<root>` decoded into `R` when `body` is a plain success: a JSON object whose `data`
/// is an object, with no (or an empty) `errors` array and no top-level `code`. `None` for
/// anything else, including an `R` that does not match: the slow path says why.
pub(crate) fn decode_data<R: DeserializeOwned>(body: &[u8], root: &str) -> Option<R> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let answer = AnswerSeed::<R> {
        root,
        value: PhantomData,
    }
    .deserialize(&mut deserializer)
    .ok()?;
    deserializer.end().ok()?;
    if answer.errors > 0 || answer.has_code {
        return None;
    }
    match answer.data? {
        Some(value) => Some(value),
        // An object without the root field: the field's value is null.
        None => serde_json::from_slice(b"null").ok(),
    }
}

struct Answer<R> {
    /// `None`: no `data` object; `Some(None)`: an object without the root field.
    data: Option<Option<R>>,
    errors: usize,
    has_code: bool,
}

struct AnswerSeed<'r, R> {
    root: &'r str,
    value: PhantomData<R>,
}

impl<'de, R: DeserializeOwned> DeserializeSeed<'de> for AnswerSeed<'_, R> {
    type Value = Answer<R>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Answer<R>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, R: DeserializeOwned> Visitor<'de> for AnswerSeed<'_, R> {
    type Value = Answer<R>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a GraphQL answer")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer<R>, A::Error> {
        let mut answer = Answer {
            data: None,
            errors: 0,
            has_code: false,
        };
        while let Some(key) = map.next_key::<TopKey>()? {
            match key {
                TopKey::Data => {
                    answer.data = map.next_value_seed(DataSeed::<R> {
                        root: self.root,
                        value: PhantomData,
                    })?;
                }
                TopKey::Errors => {
                    let errors: Option<Vec<IgnoredAny>> = map.next_value()?;
                    answer.errors = errors.map_or(0, |e| e.len());
                }
                TopKey::Code => {
                    map.next_value::<IgnoredAny>()?;
                    answer.has_code = true;
                }
                TopKey::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(answer)
    }
}

/// The top-level members that matter.
enum TopKey {
    Data,
    Errors,
    Code,
    Other,
}

impl<'de> de::Deserialize<'de> for TopKey {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = TopKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<TopKey, E> {
                Ok(match key {
                    "data" => TopKey::Data,
                    "errors" => TopKey::Errors,
                    "code" => TopKey::Code,
                    _ => TopKey::Other,
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

/// `data`: `null`, or an object whose root field is decoded into `R` and the rest skipped.
struct DataSeed<'r, R> {
    root: &'r str,
    value: PhantomData<R>,
}

impl<'de, R: DeserializeOwned> DeserializeSeed<'de> for DataSeed<'_, R> {
    type Value = Option<Option<R>>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, R: DeserializeOwned> Visitor<'de> for DataSeed<'_, R> {
    type Value = Option<Option<R>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a `data` object or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(is_root) = map.next_key_seed(KeyIs(self.root))? {
            if is_root {
                found = Some(map.next_value::<R>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Some(found))
    }
}

/// A member name, compared with the root field's without allocating.
struct KeyIs<'r>(&'r str);

impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeyIs<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        Ok(key == self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_root_field_of_plain_successes_only() {
        let ok: Option<Vec<u32>> = decode_data(br#"{"data":{"x":1,"list":[1,2]}}"#, "list");
        assert_eq!(ok, Some(vec![1, 2]));
        let missing: Option<Option<u32>> = decode_data(br#"{"data":{"x":1}}"#, "list");
        assert_eq!(missing, Some(None));
        let errors: Option<Option<u32>> =
            decode_data(br#"{"data":{"list":1},"errors":[{}]}"#, "list");
        assert_eq!(errors, None);
        let empty_errors: Option<u32> = decode_data(br#"{"errors":[],"data":{"n":3}}"#, "n");
        assert_eq!(empty_errors, Some(3));
        let coded: Option<u32> = decode_data(br#"{"code":2004,"data":{"n":3}}"#, "n");
        assert_eq!(coded, None);
        let no_data: Option<Option<u32>> = decode_data(br#"{"data":null}"#, "n");
        assert_eq!(no_data, None);
        let mismatch: Option<u32> = decode_data(br#"{"data":{"n":"three"}}"#, "n");
        assert_eq!(mismatch, None);
        let trailing: Option<u32> = decode_data(br#"{"data":{"n":3}} x"#, "n");
        assert_eq!(trailing, None);
    }
}
