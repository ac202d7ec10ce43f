//! Users: creation, lookups, updates, pages, search, batches and deletion, with Authing's
//! rules (unique username / email / phone / externalId, emails that look like emails,
//! length limits, who may change what).
//!
//! # Length limits
//!
//! Strings a client sends are refused over these lengths (in characters) with 2231, so the
//! fake never stores a 10 MB username: `email` 254 (RFC 5321), `phone` 32, `username`,
//! `nickname`, `name` and the other name fields 128, `externalId`, `unionid`, `openid` 256,
//! the URL fields (`photo`, `website`, `profile`) 2048, the raw social profile `oauth`
//! 65536, any other profile string 1024 (a password 128 and a client IP 64: see
//! `identity`); a list (`registerSource`) at most 64 items. Custom
//! data (`params`, `udf`): at most 100 items, keys of at most 128 and values of at most
//! 8192 characters.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use super::Caller;
use crate::clock::iso;
use crate::crypto::PasswordHash;
use crate::failure::{Code, Failure};
use crate::store::{CustomDatum, Direction, Page, Paged, Pool, Refusal, UniqueField, UserRecord};

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

/// The longest value (in characters) of a profile field; see the module docs.
fn max_chars(field: &str) -> usize {
    match field {
        "email" => 254,
        "phone" => 32,
        "username" | "nickname" | "name" | "givenName" | "familyName" | "middleName"
        | "preferredUsername" => 128,
        "externalId" | "unionid" | "openid" => 256,
        "photo" | "website" | "profile" => 2048,
        "oauth" => 65_536,
        _ => 1024,
    }
}

/// The most items of a list field.
const MAX_LIST_ITEMS: usize = 64;
/// The most custom data items a call may send.
const MAX_CUSTOM_DATA: usize = 100;
/// The longest custom data key.
const MAX_CUSTOM_KEY_CHARS: usize = 128;
/// The longest custom data value.
const MAX_CUSTOM_VALUE_CHARS: usize = 8192;

fn too_long(what: &str, limit: usize) -> Failure {
    Failure::invalid_params(format!("{what} is longer than {limit} characters"))
}

/// 2231 when `text` is longer than `limit` characters.
pub(crate) fn check_length(what: &str, text: &str, limit: usize) -> Result<(), Failure> {
    // Count no further than needed: a 10 MB string is refused after `limit + 1` chars.
    if text.chars().nth(limit).is_some() {
        return Err(too_long(what, limit));
    }
    Ok(())
}

/// 2231 when a profile field is over its length limit (see the module docs).
pub(crate) fn check_lengths(fields: &Map<String, Value>) -> Result<(), Failure> {
    for (name, value) in fields {
        let limit = max_chars(name);
        match value {
            Value::String(text) => check_length(name, text, limit)?,
            Value::Array(items) => {
                if items.len() > MAX_LIST_ITEMS {
                    return Err(Failure::invalid_params(format!(
                        "{name} has more than {MAX_LIST_ITEMS} items"
                    )));
                }
                for item in items {
                    if let Value::String(text) = item {
                        check_length(name, text, limit)?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// 2231 when custom data is over its limits (see the module docs).
pub(crate) fn check_custom_data(data: &[CustomDatum]) -> Result<(), Failure> {
    if data.len() > MAX_CUSTOM_DATA {
        return Err(Failure::invalid_params(format!(
            "more than {MAX_CUSTOM_DATA} custom data items"
        )));
    }
    for datum in data {
        check_length("a custom data key", &datum.key, MAX_CUSTOM_KEY_CHARS)?;
        if let Some(value) = &datum.value {
            check_length("a custom data value", value, MAX_CUSTOM_VALUE_CHARS)?;
        }
    }
    Ok(())
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

/// Checks and tidies profile fields before they are written: lengths (2231), emails must
/// be emails (2003); an empty unique field means "unset".
pub(crate) fn normalize_fields(fields: &mut Map<String, Value>) -> Result<(), Failure> {
    check_lengths(fields)?;
    for field in UniqueField::ALL {
        let key = field.wire_name();
        if let Some(Value::String(text)) = fields.get(key) {
            let trimmed = text.trim().to_owned();
            if trimmed.is_empty() {
                fields.insert(key.to_owned(), Value::Null);
            } else {
                if field == UniqueField::Email && !is_email(&trimmed) {
                    return Err(Code::MalformedEmail.into());
                }
                fields.insert(key.to_owned(), Value::String(trimmed));
            }
        }
    }
    Ok(())
}

/// Parses `params` (a JSON array of `{key, value}`) into custom data, inferring each data
/// type from the JSON type of its value; anything else, or data over the limits, is 2231.
pub(crate) fn parse_params(params: Option<&str>) -> Result<Vec<CustomDatum>, Failure> {
    let Some(text) = params.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(Vec::new());
    };
    let items: Vec<Value> = serde_json::from_str(text)
        .map_err(|_| Failure::invalid_params("params must be a JSON array of {key, value}"))?;
    let data = items
        .into_iter()
        .map(|item| {
            let key = item
                .get("key")
                .and_then(Value::as_str)
                .filter(|k| !k.is_empty())
                .ok_or_else(|| Failure::invalid_params("every params item needs a string key"))?;
            Ok(CustomDatum::inferred(
                key.to_owned(),
                item.get("value").unwrap_or(&Value::Null),
            ))
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    check_custom_data(&data)?;
    Ok(data)
}

/// What a table's refusal means for users: 2004, or 2026 naming the taken field.
fn refused(refusal: Refusal) -> Failure {
    match refusal {
        Refusal::NotFound => Code::UserNotFound.into(),
        Refusal::Taken(key) => match UniqueField::of_wire_name(key) {
            Some(field) => Failure::with_words(Code::UserExists, field.words())
                .with_data(json!({ "field": field.wire_name() })),
            None => Failure::internal(format!("unknown unique key {key}")),
        },
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

/// The user `id` (2004 when there is none).
pub(crate) fn get<'p>(pool: &'p Pool, id: &str) -> Result<&'p UserRecord, Failure> {
    pool.users.get(id).ok_or_else(|| Code::UserNotFound.into())
}

/// The user whose unique `field` is `value` (trimmed; email case-insensitively).
pub(crate) fn find<'p>(pool: &'p Pool, field: UniqueField, value: &str) -> Option<&'p UserRecord> {
    pool.users.find(field.wire_name(), value.trim())
}

/// The `(field, value)` pairs given to `isUserExists` / `findUser`: the non-blank ones.
pub(crate) fn lookups(
    email: Option<String>,
    phone: Option<String>,
    username: Option<String>,
    external_id: Option<String>,
) -> Vec<(UniqueField, String)> {
    [
        (UniqueField::Email, email),
        (UniqueField::Phone, phone),
        (UniqueField::Username, username),
        (UniqueField::ExternalId, external_id),
    ]
    .into_iter()
    .filter_map(|(field, value)| {
        value
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .map(|v| (field, v))
    })
    .collect()
}

/// Whether a user holds one of `lookups`.
pub(crate) fn exists(pool: &Pool, lookups: &[(UniqueField, String)]) -> bool {
    lookups
        .iter()
        .any(|(field, value)| find(pool, *field, value).is_some())
}

/// The one user matching every one of `lookups`, or none (also when none are given).
pub(crate) fn find_matching<'p>(
    pool: &'p Pool,
    lookups: &[(UniqueField, String)],
) -> Option<&'p UserRecord> {
    let ((field, value), rest) = lookups.split_first()?;
    find(pool, *field, value).filter(|user| {
        rest.iter().all(|(field, value)| {
            find(pool, *field, value).is_some_and(|other| other.id == user.id)
        })
    })
}

/// Adds a user (2231 over a length limit, 2003 for a bad email, 2026 for a taken unique
/// field).
pub(crate) fn create(
    pool: &mut Pool,
    mut new: NewUser,
    now: DateTime<Utc>,
) -> Result<&UserRecord, Failure> {
    normalize_fields(&mut new.fields)?;
    check_custom_data(&new.custom_data)?;
    // Creation times never go backwards (even if the wall clock does), so creation order is
    // `createdAt` order and the lists by `createdAt` need no sort.
    let now = pool
        .users
        .newest()
        .map_or(now, |newest| newest.created_at.max(now));
    pool.users
        .insert_with(|id| {
            let mut record = UserRecord {
                id,
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
            record
        })
        .map_err(refused)
}

/// What a user may not change on themselves with `patch`: their email (2225), phone (2226),
/// password, verification flags or blocked flag (1001). Administrators may change anything.
fn check_self_service(
    current: &UserRecord,
    patch: &Map<String, Value>,
    new_password: bool,
) -> Result<(), Failure> {
    let changes = |key: &str, case_insensitive: bool| {
        patch
            .get(key)
            .and_then(Value::as_str)
            .is_some_and(|wanted| {
                let stored = current.str_field(key).unwrap_or_default();
                if case_insensitive {
                    !stored.eq_ignore_ascii_case(wanted.trim())
                } else {
                    stored != wanted.trim()
                }
            })
    };
    if changes("email", true) {
        return Err(Code::CannotChangeEmail.into());
    }
    if changes("phone", false) {
        return Err(Code::CannotChangePhone.into());
    }
    let admin_only = ["emailVerified", "phoneVerified", "blocked"];
    if new_password || admin_only.iter().any(|k| patch.contains_key(*k)) {
        return Err(Code::NoPermission.into());
    }
    Ok(())
}

/// `caller` writes `patch` (and a new password) onto user `id` (2004, 1001, 2225, 2226,
/// 2231, 2003, 2026).
pub(crate) fn update<'p>(
    pool: &'p mut Pool,
    caller: &Caller,
    id: &str,
    mut patch: Map<String, Value>,
    password: Option<PasswordHash>,
    now: DateTime<Utc>,
) -> Result<&'p UserRecord, Failure> {
    let current = get(pool, id)?;
    if matches!(caller, Caller::User { .. }) {
        check_self_service(current, &patch, password.is_some())?;
    }
    normalize_fields(&mut patch)?;
    pool.users
        .update(id, |user| {
            user.apply(patch);
            if password.is_some() {
                user.password = password;
            }
            user.updated_at = now;
        })
        .map_err(refused)?;
    // A user's own profile change is a user action.
    if let Caller::User { app_id, .. } = caller {
        super::user_actions::record(pool, id, "updateUserinfo", Some(app_id), None, now);
    }
    get(pool, id)
}

/// Replaces a user's password.
pub(crate) fn set_password<'p>(
    pool: &'p mut Pool,
    id: &str,
    password: PasswordHash,
    now: DateTime<Utc>,
) -> Result<&'p UserRecord, Failure> {
    pool.users
        .update(id, |user| {
            user.password = Some(password);
            user.updated_at = now;
        })
        .map_err(refused)
}

/// How to sort a list of users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum UserOrder {
    /// Newest first.
    #[default]
    CreatedDesc,
    /// Oldest first.
    CreatedAsc,
    /// Most recently updated first.
    UpdatedDesc,
    /// Least recently updated first.
    UpdatedAsc,
}

/// One page of all users. By creation time it is the table's own order (see [`create`]),
/// so only the page is visited; by update time the users are sorted.
pub(crate) fn list(pool: &Pool, page: Page, order: UserOrder) -> Paged<&UserRecord> {
    let users = &pool.users;
    match order {
        UserOrder::CreatedAsc => page.of_counted(users.iter()),
        UserOrder::CreatedDesc => page.of_counted(users.iter().rev()),
        UserOrder::UpdatedAsc => page.of(users.sorted_by(|u| u.updated_at, Direction::Ascending)),
        UserOrder::UpdatedDesc => page.of(users.sorted_by(|u| u.updated_at, Direction::Descending)),
    }
}

/// One page of the users with `query` in one of `fields` (case-insensitive substring),
/// newest first; 2014 for a field that cannot be searched.
pub(crate) fn search<'p>(
    pool: &'p Pool,
    query: &str,
    fields: &[String],
    page: Page,
) -> Result<Paged<&'p UserRecord>, Failure> {
    if let Some(bad) = fields
        .iter()
        .find(|f| !SEARCHABLE_FIELDS.contains(&f.as_str()))
    {
        return Err(Failure::with_text(Code::BadSearchField, bad.clone()));
    }
    let needle = query.trim().to_lowercase();
    let matches = pool.users.iter().rev().filter(|user| {
        fields.iter().any(|field| {
            let value = if field == "id" {
                Some(user.id.as_str())
            } else {
                user.str_field(field)
            };
            value.is_some_and(|v| v.to_lowercase().contains(&needle))
        })
    });
    Ok(page.of(matches))
}

/// The users named by `ids`, in that order, skipping unknown ones and repeats. `kind` says
/// what the ids are: `id` (default), `username`, `email`, `phone` or `externalId` (else
/// 2015).
pub(crate) fn batch<'p>(
    pool: &'p Pool,
    ids: &[String],
    kind: Option<&str>,
) -> Result<Vec<&'p UserRecord>, Failure> {
    let field = match kind.unwrap_or("id") {
        "id" | "" => None,
        other => Some(
            UniqueField::of_wire_name(other)
                .ok_or_else(|| Failure::with_text(Code::BadSearchType, other))?,
        ),
    };
    let mut found: Vec<&UserRecord> = Vec::new();
    for id in ids {
        let user = match field {
            None => pool.users.get(id),
            Some(field) => find(pool, field, id),
        };
        if let Some(user) = user
            && !found.iter().any(|u| u.id == user.id)
        {
            found.push(user);
        }
    }
    Ok(found)
}

/// Deletes every user of `ids` (and their links), or none: 2004 (with the unknown ids as
/// `data.ids`) when one does not exist.
pub(crate) fn delete(pool: &mut Pool, ids: &[String]) -> Result<usize, Failure> {
    let missing: Vec<&String> = ids
        .iter()
        .filter(|id| pool.users.get(id).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(Failure::from(Code::UserNotFound).with_data(json!({ "ids": missing })));
    }
    let mut deleted = 0;
    for id in ids {
        if pool.links.delete(&mut pool.users, id).is_some() {
            // What was granted to the user goes with them: a later user is never given it.
            super::target_refs::forget(
                pool,
                super::target_refs::Scope::Everywhere,
                crate::store::TargetType::User,
                id,
            );
            deleted += 1;
        }
    }
    Ok(deleted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DataType;

    fn pool() -> Pool {
        Pool::random()
    }

    fn new_user(fields: Value) -> NewUser {
        let Value::Object(fields) = fields else {
            panic!("fields must be an object")
        };
        NewUser {
            fields,
            register_source: "test",
            ..NewUser::default()
        }
    }

    fn add(pool: &mut Pool, fields: Value) -> String {
        create(pool, new_user(fields), Utc::now())
            .expect("created")
            .id
            .clone()
    }

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
        use DataType::*;
        assert_eq!(types, vec![Number, Boolean, Object, String]);
        assert_eq!(data[0].value.as_deref(), Some("42"));
        assert_eq!(data[2].value.as_deref(), Some(r#"{"a":1}"#));
        assert!(parse_params(Some("nope")).is_err());
        assert!(parse_params(Some(r#"[{"value":1}]"#)).is_err());
        assert!(parse_params(None).expect("empty").is_empty());
    }

    #[test]
    fn unique_fields_and_lookups() {
        let mut pool = pool();
        let ann = add(&mut pool, json!({"username": " ann ", "email": "Ann@X.io"}));
        assert_eq!(
            get(&pool, &ann).expect("exists").str_field("username"),
            Some("ann")
        );
        assert_eq!(
            find(&pool, UniqueField::Email, "ann@x.IO").map(|u| &u.id),
            Some(&ann)
        );
        let taken = create(
            &mut pool,
            new_user(json!({"email": "ANN@x.io"})),
            Utc::now(),
        )
        .expect_err("taken");
        assert_eq!(taken.number(), 2026);
        assert_eq!(taken.data(), Some(&json!({"field": "email"})));
        let bad = create(&mut pool, new_user(json!({"email": "nope"})), Utc::now())
            .expect_err("malformed");
        assert_eq!(bad.code(), Code::MalformedEmail);

        let lookups = lookups(
            Some("ann@x.io".into()),
            None,
            Some("ann".into()),
            Some(" ".into()),
        );
        assert_eq!(lookups.len(), 2);
        assert!(exists(&pool, &lookups));
        assert_eq!(find_matching(&pool, &lookups).map(|u| &u.id), Some(&ann));
        let bob = add(&mut pool, json!({"username": "bob"}));
        let mixed = [
            (UniqueField::Email, "ann@x.io".to_owned()),
            (UniqueField::Username, "bob".to_owned()),
        ];
        assert!(find_matching(&pool, &mixed).is_none());
        assert!(find_matching(&pool, &[]).is_none());
        assert_eq!(get(&pool, "nobody").expect_err("missing").number(), 2004);
        let _ = bob;
    }

    #[test]
    fn strings_over_their_limits_are_2231_and_not_stored() {
        let mut pool = pool();
        let long = "x".repeat(129);
        let refused = create(&mut pool, new_user(json!({"username": long})), Utc::now())
            .expect_err("too long");
        assert_eq!(refused.number(), 2231);
        assert_eq!(pool.users.len(), 0);
        add(&mut pool, json!({"username": "y".repeat(128)}));
        let huge = "z".repeat(10 << 20);
        for field in ["nickname", "email", "phone", "company", "oauth"] {
            let refused = create(&mut pool, new_user(json!({ field: huge })), Utc::now())
                .expect_err("too long");
            assert_eq!(refused.number(), 2231, "{field}");
        }
        let many = format!(
            "[{}]",
            (0..101)
                .map(|i| format!(r#"{{"key":"k{i}","value":1}}"#))
                .collect::<Vec<_>>()
                .join(",")
        );
        assert_eq!(
            parse_params(Some(&many)).expect_err("too many").number(),
            2231
        );
        let id = add(&mut pool, json!({"username": "ann"}));
        let admin = Caller::Admin {
            pool_id: pool.id.clone(),
        };
        let mut patch = Map::new();
        patch.insert("nickname".into(), json!(huge));
        let refused = update(&mut pool, &admin, &id, patch, None, Utc::now()).expect_err("long");
        assert_eq!(refused.number(), 2231);
        assert_eq!(pool.users.len(), 2);
    }

    #[test]
    fn self_service_updates_are_limited() {
        let mut pool = pool();
        let id = add(&mut pool, json!({"username": "ann", "email": "a@x.io"}));
        let me = Caller::User {
            pool_id: pool.id.clone(),
            user_id: id.clone(),
            app_id: pool.app.id.clone(),
        };
        let patch = |value: Value| match value {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        let now = Utc::now();
        let email = update(
            &mut pool,
            &me,
            &id,
            patch(json!({"email": "b@x.io"})),
            None,
            now,
        );
        assert_eq!(email.expect_err("no").code(), Code::CannotChangeEmail);
        let same = update(
            &mut pool,
            &me,
            &id,
            patch(json!({"email": "A@x.io"})),
            None,
            now,
        );
        assert!(same.is_ok(), "the same email is no change");
        let blocked = update(
            &mut pool,
            &me,
            &id,
            patch(json!({"blocked": true})),
            None,
            now,
        );
        assert_eq!(blocked.expect_err("no").code(), Code::NoPermission);
        let nick = update(
            &mut pool,
            &me,
            &id,
            patch(json!({"nickname": "A"})),
            None,
            now,
        )
        .expect("own profile");
        assert_eq!(nick.str_field("nickname"), Some("A"));
    }

    #[test]
    fn creation_times_never_go_backwards() {
        let mut pool = pool();
        let later = Utc::now();
        let earlier = later - chrono::TimeDelta::seconds(60);
        let first = create(&mut pool, new_user(json!({"username": "a"})), later)
            .expect("created")
            .id
            .clone();
        let second =
            create(&mut pool, new_user(json!({"username": "b"})), earlier).expect("created");
        assert_eq!(second.created_at, later, "not before the newest user");
        let second = second.id.clone();
        let newest = list(&pool, Page::new(None, None), UserOrder::CreatedDesc);
        assert_eq!(
            newest.items.iter().map(|u| &u.id).collect::<Vec<_>>(),
            [&second, &first]
        );
    }

    #[test]
    fn pages_search_batch_and_delete() {
        let mut pool = pool();
        let ids: Vec<String> = (0..5)
            .map(|i| {
                add(
                    &mut pool,
                    json!({"username": format!("user{i}"), "nickname": "Nick"}),
                )
            })
            .collect();
        let newest = list(&pool, Page::new(Some(1), Some(2)), UserOrder::CreatedDesc);
        assert_eq!(newest.total, 5);
        let names: Vec<_> = newest
            .items
            .iter()
            .filter_map(|u| u.str_field("username"))
            .collect();
        assert_eq!(names, ["user4", "user3"]);
        let oldest = list(&pool, Page::new(Some(3), Some(2)), UserOrder::CreatedAsc);
        assert_eq!(oldest.items.len(), 1);
        assert_eq!(oldest.items[0].id, ids[4]);

        let found = search(&pool, "USER1", &["username".into()], Page::new(None, None))
            .expect("searchable");
        assert_eq!(found.total, 1);
        let bad = search(&pool, "x", &["password".into()], Page::new(None, None));
        assert_eq!(bad.expect_err("not searchable").number(), 2014);

        let batch_ids = vec![
            ids[2].clone(),
            "nobody".into(),
            ids[0].clone(),
            ids[2].clone(),
        ];
        let got = batch(&pool, &batch_ids, None).expect("ids");
        assert_eq!(
            got.iter().map(|u| &u.id).collect::<Vec<_>>(),
            [&ids[2], &ids[0]]
        );
        let by_name = batch(&pool, &["user3".into()], Some("username")).expect("usernames");
        assert_eq!(by_name[0].id, ids[3]);
        assert_eq!(
            batch(&pool, &[], Some("nope")).expect_err("type").number(),
            2015
        );

        let missing =
            delete(&mut pool, &[ids[0].clone(), "nobody".into()]).expect_err("all or none");
        assert_eq!(missing.data(), Some(&json!({"ids": ["nobody"]})));
        assert_eq!(pool.users.len(), 5);
        assert_eq!(delete(&mut pool, &ids[..2]).expect("deleted"), 2);
        assert_eq!(pool.users.len(), 3);
        assert!(find(&pool, UniqueField::Username, "user0").is_none());
    }
}
