//! The user directory of a pool: uniqueness, lookups, pagination, search, logins.

use std::cmp::Reverse;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use crate::clock::iso;
use crate::crypto::{PasswordHash, object_id};
use crate::graphql::inputs::SortByEnum;
use crate::i18n::{Failure, UniqueField};
use crate::state::{CustomDatum, Pool, UserRecord};

/// The fields that are unique in a pool.
const UNIQUE_FIELDS: [UniqueField; 4] = [
    UniqueField::Username,
    UniqueField::Email,
    UniqueField::Phone,
    UniqueField::ExternalId,
];

/// The fields `searchUser` searches when it is given none.
pub(crate) const DEFAULT_SEARCH_FIELDS: [&str; 5] =
    ["username", "email", "phone", "nickname", "name"];

/// The string fields of `User` that `searchUser` can search.
const SEARCHABLE_FIELDS: &[&str] = &[
    "id",
    "username",
    "email",
    "phone",
    "nickname",
    "name",
    "givenName",
    "familyName",
    "middleName",
    "preferredUsername",
    "company",
    "externalId",
    "unionid",
    "openid",
    "website",
    "profile",
    "address",
    "formatted",
    "streetAddress",
    "locality",
    "region",
    "postalCode",
    "city",
    "province",
    "country",
    "gender",
    "birthdate",
    "locale",
    "zoneinfo",
    "photo",
    "device",
    "browser",
];

/// A 1-based page: `page` defaults to 1, `limit` to 10; values below 1 take the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Page {
    page: usize,
    limit: usize,
}

impl Page {
    /// The page asked for.
    pub(crate) fn new(page: Option<i32>, limit: Option<i32>) -> Self {
        let positive = |value: Option<i32>, default: usize| {
            value
                .and_then(|v| usize::try_from(v).ok())
                .filter(|v| *v >= 1)
                .unwrap_or(default)
        };
        Self {
            page: positive(page, 1),
            limit: positive(limit, 10),
        }
    }

    fn slice<T>(self, items: Vec<T>) -> Vec<T> {
        let skip = (self.page - 1).saturating_mul(self.limit);
        items.into_iter().skip(skip).take(self.limit).collect()
    }
}

/// Whether `email` looks like an email address.
pub(crate) fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty())
        && !email.chars().any(char::is_whitespace)
}

/// Checks and tidies profile fields before they are written: emails must be emails (2003);
/// an empty unique field means "unset".
pub(crate) fn normalize_fields(fields: &mut Map<String, Value>) -> Result<(), Failure> {
    for field in UNIQUE_FIELDS {
        let key = field.wire_name();
        if let Some(Value::String(text)) = fields.get(key) {
            let trimmed = text.trim().to_owned();
            if trimmed.is_empty() {
                fields.insert(key.to_owned(), Value::Null);
            } else {
                if field == UniqueField::Email && !is_email(&trimmed) {
                    return Err(Failure::MalformedEmail);
                }
                fields.insert(key.to_owned(), Value::String(trimmed));
            }
        }
    }
    Ok(())
}

/// Parses `params` (a JSON array of `{key, value}`) into custom data, inferring each data
/// type from the JSON type of its value; anything else is 2231.
pub(crate) fn parse_params(params: Option<&str>) -> Result<Vec<CustomDatum>, Failure> {
    let Some(text) = params.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(Vec::new());
    };
    let items: Vec<Value> = serde_json::from_str(text).map_err(|_| {
        Failure::InvalidParams("params must be a JSON array of {key, value}".into())
    })?;
    items
        .into_iter()
        .map(|item| {
            let key = item
                .get("key")
                .and_then(Value::as_str)
                .filter(|k| !k.is_empty())
                .ok_or_else(|| {
                    Failure::InvalidParams("every params item needs a string key".into())
                })?;
            Ok(CustomDatum::inferred(
                key.to_owned(),
                item.get("value").unwrap_or(&Value::Null),
            ))
        })
        .collect()
}

fn same_value(field: UniqueField, stored: &str, wanted: &str) -> bool {
    match field {
        UniqueField::Email => stored.eq_ignore_ascii_case(wanted),
        _ => stored == wanted,
    }
}

/// A user about to be created.
#[derive(Debug, Default)]
pub(crate) struct NewUser {
    pub(crate) fields: Map<String, Value>,
    pub(crate) password: Option<PasswordHash>,
    pub(crate) custom_data: Vec<CustomDatum>,
    pub(crate) register_source: &'static str,
}

impl Pool {
    /// The user with id `id`.
    pub(crate) fn user(&self, id: &str) -> Option<&UserRecord> {
        self.users.iter().find(|u| u.id == id)
    }

    fn user_mut(&mut self, id: &str) -> Result<&mut UserRecord, Failure> {
        self.users
            .iter_mut()
            .find(|u| u.id == id)
            .ok_or_else(Failure::user_not_found)
    }

    /// The user whose unique `field` is `value` (email case-insensitively).
    pub(crate) fn find(&self, field: UniqueField, value: &str) -> Option<&UserRecord> {
        let value = value.trim();
        self.users.iter().find(|u| {
            u.str_field(field.wire_name())
                .is_some_and(|stored| same_value(field, stored, value))
        })
    }

    /// 2026 when a unique field of `fields` is taken by a user other than `except`.
    fn check_unique(
        &self,
        fields: &Map<String, Value>,
        except: Option<&str>,
    ) -> Result<(), Failure> {
        for field in UNIQUE_FIELDS {
            let Some(wanted) = fields.get(field.wire_name()).and_then(Value::as_str) else {
                continue;
            };
            if self
                .find(field, wanted)
                .is_some_and(|holder| Some(holder.id.as_str()) != except)
            {
                return Err(Failure::UserExists(field));
            }
        }
        Ok(())
    }

    /// Adds a user (2003 for a bad email, 2026 for a taken unique field).
    pub(crate) fn add_user(
        &mut self,
        mut new: NewUser,
        now: DateTime<Utc>,
        seq: u64,
    ) -> Result<&UserRecord, Failure> {
        normalize_fields(&mut new.fields)?;
        self.check_unique(&new.fields, None)?;
        let mut record = UserRecord {
            id: object_id(),
            seq,
            password: new.password,
            created_at: now,
            updated_at: now,
            fields: Map::new(),
            custom_data: Vec::new(),
        };
        record.set("status", json!("Activated"));
        record.set("emailVerified", json!(false));
        record.set("phoneVerified", json!(false));
        record.set("loginsCount", json!(0));
        record.set("blocked", json!(false));
        record.set("isDeleted", json!(false));
        record.set("signedUp", json!(iso(now)));
        record.set("registerSource", json!([new.register_source]));
        record.apply(new.fields);
        record.merge_custom_data(new.custom_data);
        self.users.push(record);
        self.users
            .last()
            .ok_or_else(|| Failure::Internal("user vanished".into()))
    }

    /// Writes `patch` (and a new password) onto a user (2004, 2003, 2026).
    pub(crate) fn update_user(
        &mut self,
        id: &str,
        mut patch: Map<String, Value>,
        password: Option<PasswordHash>,
        now: DateTime<Utc>,
    ) -> Result<&UserRecord, Failure> {
        if self.user(id).is_none() {
            return Err(Failure::user_not_found());
        }
        normalize_fields(&mut patch)?;
        self.check_unique(&patch, Some(id))?;
        let user = self.user_mut(id)?;
        user.apply(patch);
        if password.is_some() {
            user.password = password;
        }
        user.updated_at = now;
        Ok(user)
    }

    /// Replaces a user's password.
    pub(crate) fn set_password(
        &mut self,
        id: &str,
        password: PasswordHash,
        now: DateTime<Utc>,
    ) -> Result<&UserRecord, Failure> {
        let user = self.user_mut(id)?;
        user.password = Some(password);
        user.updated_at = now;
        Ok(user)
    }

    /// Counts a login: `loginsCount + 1`, `lastLogin`, `lastIP`, `tokenExpiredAt`, and
    /// the custom data sent with it.
    pub(crate) fn record_login(
        &mut self,
        id: &str,
        now: DateTime<Utc>,
        ip: Option<&str>,
        custom_data: Vec<CustomDatum>,
    ) -> Result<&UserRecord, Failure> {
        let user = self.user_mut(id)?;
        let count = user
            .fields
            .get("loginsCount")
            .and_then(Value::as_i64)
            .unwrap_or(0);
        user.set("loginsCount", json!(count.saturating_add(1)));
        user.set("lastLogin", json!(iso(now)));
        if let Some(ip) = ip {
            user.set("lastIP", json!(ip));
        }
        user.merge_custom_data(custom_data);
        user.updated_at = now;
        Ok(user)
    }

    /// Notes when the last token issued to a user expires.
    pub(crate) fn note_token(&mut self, id: &str, exp: DateTime<Utc>) -> Result<(), Failure> {
        let user = self.user_mut(id)?;
        user.set("tokenExpiredAt", json!(iso(exp)));
        Ok(())
    }

    fn sorted(&self, sort: SortByEnum) -> Vec<&UserRecord> {
        let mut users: Vec<&UserRecord> = self.users.iter().collect();
        match sort {
            SortByEnum::CreatedatAsc => users.sort_by_key(|u| (u.created_at, u.seq)),
            SortByEnum::CreatedatDesc => users.sort_by_key(|u| Reverse((u.created_at, u.seq))),
            SortByEnum::UpdatedatAsc => users.sort_by_key(|u| (u.updated_at, u.seq)),
            SortByEnum::UpdatedatDesc => users.sort_by_key(|u| Reverse((u.updated_at, u.seq))),
        }
        users
    }

    /// One page of all users, and how many there are.
    pub(crate) fn list_users(&self, page: Page, sort: SortByEnum) -> (i64, Vec<&UserRecord>) {
        let users = self.sorted(sort);
        let total = i64::try_from(users.len()).unwrap_or(i64::MAX);
        (total, page.slice(users))
    }

    /// One page of the users with `query` in one of `fields` (case-insensitive substring),
    /// newest first; 2014 for a field that cannot be searched.
    pub(crate) fn search_users(
        &self,
        query: &str,
        fields: &[String],
        page: Page,
    ) -> Result<(i64, Vec<&UserRecord>), Failure> {
        if let Some(bad) = fields
            .iter()
            .find(|f| !SEARCHABLE_FIELDS.contains(&f.as_str()))
        {
            return Err(Failure::BadSearchField(bad.clone()));
        }
        let needle = query.trim().to_lowercase();
        let matches: Vec<&UserRecord> = self
            .sorted(SortByEnum::CreatedatDesc)
            .into_iter()
            .filter(|user| {
                fields.iter().any(|field| {
                    let value = if field == "id" {
                        Some(user.id.as_str())
                    } else {
                        user.str_field(field)
                    };
                    value.is_some_and(|v| v.to_lowercase().contains(&needle))
                })
            })
            .collect();
        let total = i64::try_from(matches.len()).unwrap_or(i64::MAX);
        Ok((total, page.slice(matches)))
    }

    /// The users named by `ids`, in that order, skipping unknown ones. `kind` says what the
    /// ids are: `id` (default), `username`, `email`, `phone` or `externalId` (else 2015).
    pub(crate) fn batch(
        &self,
        ids: &[String],
        kind: Option<&str>,
    ) -> Result<Vec<&UserRecord>, Failure> {
        let field = match kind.unwrap_or("id") {
            "id" | "" => None,
            "username" => Some(UniqueField::Username),
            "email" => Some(UniqueField::Email),
            "phone" => Some(UniqueField::Phone),
            "externalId" => Some(UniqueField::ExternalId),
            other => return Err(Failure::BadSearchType(other.to_owned())),
        };
        let mut found: Vec<&UserRecord> = Vec::new();
        for id in ids {
            let user = match field {
                None => self.user(id),
                Some(field) => self.find(field, id),
            };
            if let Some(user) = user
                && !found.iter().any(|u| u.id == user.id)
            {
                found.push(user);
            }
        }
        Ok(found)
    }

    /// Deletes every user of `ids`, or none: 2004 (with the unknown ids as `data.ids`) when
    /// one does not exist.
    pub(crate) fn delete_users(&mut self, ids: &[String]) -> Result<usize, Failure> {
        let missing: Vec<String> = ids
            .iter()
            .filter(|id| self.user(id).is_none())
            .cloned()
            .collect();
        if !missing.is_empty() {
            return Err(Failure::UserNotFound { ids: missing });
        }
        let before = self.users.len();
        self.users.retain(|u| !ids.contains(&u.id));
        Ok(before - self.users.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(is_email("bob@example.com"));
        assert!(is_email("Bob.Smith+x@mail.example.co"));
        for bad in [
            "bob",
            "bob@",
            "@example.com",
            "bob@example",
            "bob@@x.com",
            "b ob@x.com",
            "bob@x..com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn params_infer_types() {
        let data = parse_params(Some(
            r#"[{"key":"age","value":42},{"key":"ok","value":true},{"key":"o","value":{"a":1}},{"key":"s","value":"x"}]"#,
        ))
        .expect("valid");
        let types: Vec<_> = data.iter().map(|d| d.data_type).collect();
        use crate::state::DataType::*;
        assert_eq!(types, vec![Number, Boolean, Object, String]);
        assert_eq!(data[0].value.as_deref(), Some("42"));
        assert_eq!(data[2].value.as_deref(), Some(r#"{"a":1}"#));
        assert!(parse_params(Some("nope")).is_err());
        assert!(parse_params(Some(r#"[{"value":1}]"#)).is_err());
        assert!(parse_params(None).expect("empty").is_empty());
    }

    #[test]
    fn pages_are_one_based_with_defaults() {
        assert_eq!(Page::new(None, None), Page { page: 1, limit: 10 });
        assert_eq!(Page::new(Some(0), Some(-3)), Page { page: 1, limit: 10 });
        assert_eq!(
            Page::new(Some(2), Some(3)).slice((1..=10).collect()),
            vec![4, 5, 6]
        );
    }
}
