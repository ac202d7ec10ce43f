//! Namespaces (permission groups): numeric ids as Authing has them, codes unique in the pool
//! (2441 `NAMESPACE_EXISTS` when taken, 2440 `NAMESPACE_NOT_FOUND` when missing: the fake's
//! numbers, Authing publishes none). The pool's default namespace (`default`) and one per
//! application (code = the application id) always exist: [`sync`] adds the missing ones
//! and drops those of deleted applications (with their resources and grants) before every
//! call. Renaming a namespace moves its resources and grants; deleting one deletes them.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::users::check_length;
use crate::clock::iso;
use crate::failure::{Code, Failure};
use crate::store::{DEFAULT_NAMESPACE, NamespaceRecord, Page, Paged, Pool, Refusal};

/// The longest namespace code, name or description.
const MAX_TEXT_CHARS: usize = 1024;

/// Adds a namespace row (the code is known to be free, or the refusal says it is not).
fn insert<'p>(
    pool: &'p mut Pool,
    code: &str,
    name: &str,
    description: Option<String>,
    app_id: Option<String>,
    now: DateTime<Utc>,
) -> Result<&'p NamespaceRecord, Failure> {
    let number = pool.namespaces.next_number;
    let record = pool
        .namespaces
        .table
        .insert_with(|_| NamespaceRecord {
            id: number.to_string(),
            number,
            code: code.to_owned(),
            name: name.to_owned(),
            description,
            app_id,
            created_at: now,
            updated_at: now,
        })
        .map_err(|_| Failure::with_text(Code::NamespaceExists, code))?;
    pool.namespaces.next_number = number.saturating_add(1);
    Ok(record)
}

/// Makes the namespaces follow the pool: `default` and one per application exist, and the
/// namespaces of deleted applications go (with their resources and grants).
pub(crate) fn sync(pool: &mut Pool, now: DateTime<Utc>) {
    if pool
        .namespaces
        .table
        .find("code", DEFAULT_NAMESPACE)
        .is_none()
    {
        // Free: just looked up.
        let _ = insert(pool, DEFAULT_NAMESPACE, "默认权限分组", None, None, now);
    }
    let missing: Vec<(String, String)> = pool
        .applications
        .iter()
        .filter(|app| pool.namespaces.table.find("code", &app.id).is_none())
        .map(|app| (app.id.clone(), app.name.clone()))
        .collect();
    for (app_id, name) in missing {
        let _ = insert(pool, &app_id, &name, None, Some(app_id.clone()), now);
    }
    let orphaned: Vec<String> = pool
        .namespaces
        .table
        .iter()
        .filter(|ns| {
            ns.app_id
                .as_deref()
                .is_some_and(|app| pool.applications.get(app).is_none())
        })
        .map(|ns| ns.id.clone())
        .collect();
    for id in orphaned {
        if let Some(ns) = pool.namespaces.table.remove(&id) {
            super::acl::forget_namespace(pool, &ns.code);
        }
    }
}

/// The namespace `code` (2440 when there is none).
pub(crate) fn by_code<'p>(pool: &'p Pool, code: &str) -> Result<&'p NamespaceRecord, Failure> {
    pool.namespaces
        .table
        .find("code", code)
        .ok_or_else(|| Failure::with_text(Code::NamespaceNotFound, code))
}

/// The namespace of numeric id `id` (2440 when there is none).
pub(crate) fn by_id<'p>(pool: &'p Pool, id: &str) -> Result<&'p NamespaceRecord, Failure> {
    pool.namespaces
        .table
        .get(id.trim())
        .ok_or_else(|| Failure::with_text(Code::NamespaceNotFound, id))
}

fn check_code(code: &str) -> Result<(), Failure> {
    if code.trim().is_empty() {
        return Err(Failure::invalid_params("code must not be empty"));
    }
    if code.contains('\u{0}') {
        return Err(Failure::invalid_params("code holds a NUL character"));
    }
    check_length("code", code, MAX_TEXT_CHARS)
}

fn check_texts(name: Option<&str>, description: Option<&str>) -> Result<(), Failure> {
    if let Some(name) = name {
        if name.trim().is_empty() {
            return Err(Failure::invalid_params("name must not be empty"));
        }
        check_length("name", name, MAX_TEXT_CHARS)?;
    }
    if let Some(description) = description {
        check_length("description", description, MAX_TEXT_CHARS)?;
    }
    Ok(())
}

/// Creates the namespace `code` (2441 when the code is taken).
pub(crate) fn create<'p>(
    pool: &'p mut Pool,
    code: &str,
    name: &str,
    description: Option<String>,
    now: DateTime<Utc>,
) -> Result<&'p NamespaceRecord, Failure> {
    sync(pool, now);
    check_code(code)?;
    check_texts(Some(name), description.as_deref())?;
    insert(pool, code, name, description, None, now)
}

/// One page of the namespaces, oldest first (`default` leads).
pub(crate) fn list(pool: &mut Pool, page: Page, now: DateTime<Utc>) -> Paged<&NamespaceRecord> {
    sync(pool, now);
    page.of_counted(pool.namespaces.table.iter())
}

/// What an update changes; `None` keeps a value.
#[derive(Debug, Default)]
pub(crate) struct NamespaceChange {
    pub(crate) code: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) description: Option<String>,
}

/// Changes the namespace of id `id` (2440 when missing, 2441 when the new code is taken;
/// 2231 when renaming `default` or an application's namespace, whose codes are fixed).
pub(crate) fn update<'p>(
    pool: &'p mut Pool,
    id: &str,
    change: NamespaceChange,
    now: DateTime<Utc>,
) -> Result<&'p NamespaceRecord, Failure> {
    sync(pool, now);
    let current = by_id(pool, id)?;
    let (id, old_code) = (current.id.clone(), current.code.clone());
    let renamed = change.code.as_deref().filter(|code| *code != old_code);
    if let Some(code) = renamed {
        check_code(code)?;
        if current.app_id.is_some() || old_code == DEFAULT_NAMESPACE {
            return Err(Failure::invalid_params(
                "the code of the default or an application's namespace cannot change",
            ));
        }
    }
    check_texts(change.name.as_deref(), change.description.as_deref())?;
    let new_code = renamed.map(str::to_owned);
    pool.namespaces
        .table
        .update(&id, |ns| {
            if let Some(code) = &new_code {
                ns.code.clone_from(code);
            }
            if let Some(name) = change.name {
                ns.name = name;
            }
            if change.description.is_some() {
                ns.description = change.description;
            }
            ns.updated_at = now;
        })
        .map_err(|refusal| match refusal {
            Refusal::Taken(_) => {
                Failure::with_text(Code::NamespaceExists, new_code.clone().unwrap_or_default())
            }
            Refusal::NotFound => Failure::with_text(Code::NamespaceNotFound, id.clone()),
        })?;
    if let Some(code) = &new_code {
        super::acl::move_namespace(pool, &old_code, code);
    }
    by_id(pool, &id)
}

/// Deletes the namespace of id `id` with its resources and grants (2440 when missing; 2231
/// for `default` and applications' namespaces, which go with their application).
pub(crate) fn delete(pool: &mut Pool, id: &str, now: DateTime<Utc>) -> Result<(), Failure> {
    sync(pool, now);
    let ns = by_id(pool, id)?;
    if ns.app_id.is_some() || ns.code == DEFAULT_NAMESPACE {
        return Err(Failure::invalid_params(
            "the default and applications' namespaces cannot be deleted",
        ));
    }
    let (id, code) = (ns.id.clone(), ns.code.clone());
    pool.namespaces.table.remove(&id);
    super::acl::forget_namespace(pool, &code);
    Ok(())
}

/// The id of the namespace `code` (for the REST routes addressed by code).
pub(crate) fn id_of(pool: &mut Pool, code: &str, now: DateTime<Utc>) -> Result<String, Failure> {
    sync(pool, now);
    Ok(by_code(pool, code)?.id.clone())
}

impl NamespaceRecord {
    /// The namespace as Authing's REST API answers it.
    pub(crate) fn to_json(&self, pool: &Pool) -> Value {
        let app = self
            .app_id
            .as_deref()
            .and_then(|id| pool.applications.get(id));
        json!({
            "id": self.number,
            "userPoolId": pool.id,
            "code": self.code,
            "name": self.name,
            "description": self.description,
            "status": 1,
            "applicationId": self.app_id,
            "appId": self.app_id,
            "appName": app.map(|app| app.name.clone()),
            "isIntegrateApp": false,
            "isDefaultApp": app.is_some_and(|app| app.is_default),
            "createdAt": iso(self.created_at),
            "updatedAt": iso(self.updated_at),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::applications::{self, NewApplication};

    #[test]
    fn default_and_application_namespaces_exist_and_codes_are_unique() {
        let mut pool = Pool::random();
        let now = Utc::now();
        let default_app = pool.app.id.clone();
        let listed = list(&mut pool, Page::new(None, Some(50)), now);
        let codes: Vec<&str> = listed.items.iter().map(|ns| ns.code.as_str()).collect();
        assert_eq!(codes, vec![DEFAULT_NAMESPACE, default_app.as_str()]);
        let shop = applications::create(
            &mut pool,
            NewApplication {
                name: "Shop".into(),
                identifier: "shop".into(),
                redirect_uris: Vec::new(),
                logo: None,
            },
            now,
        )
        .expect("app")
        .id
        .clone();
        let books = create(&mut pool, "books", "Books", None, now).expect("created");
        assert_eq!(books.number, 4, "numbers follow: default, app, shop, books");
        let books_id = books.id.clone();
        assert_eq!(
            by_code(&pool, &shop).expect("app ns").app_id.as_deref(),
            Some(shop.as_str())
        );
        let taken = create(&mut pool, "books", "Again", None, now).expect_err("taken");
        assert_eq!(taken.number(), 2441);
        let renamed = update(
            &mut pool,
            &books_id,
            NamespaceChange {
                code: Some("library".into()),
                ..NamespaceChange::default()
            },
            now,
        )
        .expect("renamed");
        assert_eq!(renamed.code, "library");
        let app_ns = by_code(&pool, &shop).expect("ns").id.clone();
        assert_eq!(
            delete(&mut pool, &app_ns, now).expect_err("fixed").number(),
            2231
        );
        applications::delete(&mut pool, &shop).expect("app deleted");
        sync(&mut pool, now);
        assert_eq!(by_code(&pool, &shop).expect_err("gone").number(), 2440);
        delete(&mut pool, &books_id, now).expect("deleted");
        assert_eq!(by_id(&pool, &books_id).expect_err("gone").number(), 2440);
        assert_eq!(
            delete(&mut pool, "999", now).expect_err("missing").number(),
            2440
        );
    }
}
