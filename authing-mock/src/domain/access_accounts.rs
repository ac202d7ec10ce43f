//! Programmatic access accounts of an application: an id and a secret the application's
//! client-credentials grant accepts while the account is enabled (a disabled one, or a
//! wrong secret, is refused). 2450 `ACCESS_ACCOUNT_NOT_FOUND` (the fake's number, Authing
//! publishes none) for an unknown account, 2011 for an unknown application.

use authing_core::Secret;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::applications;
use super::users::check_length;
use crate::clock::iso;
use crate::crypto::{random_hex, secret_matches};
use crate::failure::{Code, Failure};
use crate::store::{AccessAccountRecord, Page, Paged, Pool, Store};

/// The token lifetime of an account created without one, in seconds (as the SDKs default).
pub(crate) const DEFAULT_TOKEN_LIFETIME: i64 = 600;
/// The longest token lifetime the fake accepts: a year.
const MAX_TOKEN_LIFETIME: i64 = 366 * 24 * 3600;
/// The longest remark or secret.
const MAX_TEXT_CHARS: usize = 1024;

fn check_lifetime(seconds: i64) -> Result<(), Failure> {
    if (1..=MAX_TOKEN_LIFETIME).contains(&seconds) {
        Ok(())
    } else {
        Err(Failure::invalid_params(format!(
            "tokenLifetime must be 1 to {MAX_TOKEN_LIFETIME} seconds"
        )))
    }
}

/// The account `id` (2450 when there is none).
pub(crate) fn get<'p>(pool: &'p Pool, id: &str) -> Result<&'p AccessAccountRecord, Failure> {
    pool.access_accounts
        .get(id)
        .ok_or_else(|| Code::AccessAccountNotFound.into())
}

/// One page of the application's accounts, oldest first (2011 for an unknown application).
pub(crate) fn list<'p>(
    pool: &'p Pool,
    app_id: &str,
    page: Page,
) -> Result<Paged<&'p AccessAccountRecord>, Failure> {
    applications::get(pool, app_id)?;
    Ok(page.of(pool.access_accounts.iter().filter(|a| a.app_id == app_id)))
}

/// Creates an enabled account of the application with a fresh secret.
pub(crate) fn create<'p>(
    pool: &'p mut Pool,
    app_id: &str,
    token_lifetime: Option<i64>,
    remarks: Option<String>,
    now: DateTime<Utc>,
) -> Result<&'p AccessAccountRecord, Failure> {
    applications::get(pool, app_id)?;
    let token_lifetime = token_lifetime.unwrap_or(DEFAULT_TOKEN_LIFETIME);
    check_lifetime(token_lifetime)?;
    if let Some(remarks) = &remarks {
        check_length("remarks", remarks, MAX_TEXT_CHARS)?;
    }
    pool.access_accounts
        .insert_with(|id| AccessAccountRecord {
            id,
            app_id: app_id.to_owned(),
            secret: Secret::new(random_hex(16)),
            enabled: true,
            token_lifetime,
            remarks,
            created_at: now,
            updated_at: now,
        })
        .map_err(|_| Failure::internal("account id taken"))
}

/// Deletes the account `id`.
pub(crate) fn delete(pool: &mut Pool, id: &str) -> Result<(), Failure> {
    get(pool, id)?;
    pool.access_accounts.remove(id);
    Ok(())
}

/// What a `PATCH` changes: a new secret, and/or enabled or not.
#[derive(Debug, Default)]
pub(crate) struct AccountChange {
    pub(crate) secret: Option<Secret>,
    pub(crate) enabled: Option<bool>,
}

/// Changes the account `id` (2450 when missing; 2231 for an empty secret).
pub(crate) fn update<'p>(
    pool: &'p mut Pool,
    id: &str,
    change: AccountChange,
    now: DateTime<Utc>,
) -> Result<&'p AccessAccountRecord, Failure> {
    if let Some(secret) = &change.secret {
        if secret.expose().trim().is_empty() {
            return Err(Failure::invalid_params("secret must not be empty"));
        }
        check_length("secret", secret.expose(), MAX_TEXT_CHARS)?;
    }
    get(pool, id)?;
    pool.access_accounts
        .update(id, |account| {
            if let Some(secret) = change.secret {
                account.secret = secret;
            }
            if let Some(enabled) = change.enabled {
                account.enabled = enabled;
            }
            account.updated_at = now;
        })
        .map_err(|_| Code::AccessAccountNotFound.into())
}

/// Why an account's credentials were refused at the token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AccountRefusal {
    WrongSecret,
    Disabled,
}

/// The application whose account `client_id` is, when it is one: `Ok(None)` when no pool
/// has such an account, an error when the secret is wrong (or missing) or it is disabled.
pub(crate) fn client_of(
    store: &Store,
    client_id: &str,
    secret: Option<&str>,
) -> Result<Option<String>, AccountRefusal> {
    // An application's own id is not an account's: skip the search.
    if store.app_pools.contains_key(client_id) {
        return Ok(None);
    }
    // An account of a deleted application is no client.
    let Some(account) = store.pools.values().find_map(|pool| {
        pool.access_accounts
            .get(client_id)
            .filter(|account| pool.applications.get(&account.app_id).is_some())
    }) else {
        return Ok(None);
    };
    if !secret.is_some_and(|secret| secret_matches(secret, account.secret.expose())) {
        return Err(AccountRefusal::WrongSecret);
    }
    if !account.enabled {
        return Err(AccountRefusal::Disabled);
    }
    Ok(Some(account.app_id.clone()))
}

impl AccessAccountRecord {
    /// The account as Authing's REST API answers it (the secret included: it is the
    /// administrator's).
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "appId": self.app_id,
            "secret": self.secret.expose(),
            "enabled": self.enabled,
            "tokenLifetime": self.token_lifetime,
            "remarks": self.remarks,
            "userId": null,
            "createdAt": iso(self.created_at),
            "updatedAt": iso(self.updated_at),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_are_credentials_while_enabled() {
        let mut store = Store::default();
        let pool_id = store.create_pool().id.clone();
        let pool = store.pool_mut(&pool_id).expect("pool");
        let app = pool.app.id.clone();
        let now = Utc::now();
        assert_eq!(
            create(pool, "nope", None, None, now)
                .expect_err("no app")
                .number(),
            2011
        );
        assert_eq!(
            create(pool, &app, Some(0), None, now)
                .expect_err("lifetime")
                .number(),
            2231
        );
        let account = create(pool, &app, None, Some("ci".into()), now).expect("created");
        assert_eq!(account.token_lifetime, DEFAULT_TOKEN_LIFETIME);
        let (id, secret) = (account.id.clone(), account.secret.expose().to_owned());
        assert_eq!(client_of(&store, &id, Some(&secret)), Ok(Some(app.clone())));
        assert_eq!(
            client_of(&store, &id, Some("wrong")),
            Err(AccountRefusal::WrongSecret)
        );
        assert_eq!(client_of(&store, "someone-else", Some(&secret)), Ok(None));
        let pool = store.pool_mut(&pool_id).expect("pool");
        update(
            pool,
            &id,
            AccountChange {
                enabled: Some(false),
                ..AccountChange::default()
            },
            now,
        )
        .expect("disabled");
        assert_eq!(
            client_of(&store, &id, Some(&secret)),
            Err(AccountRefusal::Disabled)
        );
        let pool = store.pool_mut(&pool_id).expect("pool");
        let renewed = update(
            pool,
            &id,
            AccountChange {
                secret: Some(Secret::new("fresh-secret".to_owned())),
                enabled: Some(true),
            },
            now,
        )
        .expect("renewed");
        assert!(renewed.enabled);
        assert_eq!(
            client_of(&store, &id, Some(&secret)),
            Err(AccountRefusal::WrongSecret)
        );
        assert_eq!(
            client_of(&store, &id, Some("fresh-secret")),
            Ok(Some(app.clone()))
        );
        let pool = store.pool_mut(&pool_id).expect("pool");
        let shop = applications::create(
            pool,
            applications::NewApplication {
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
        let of_shop = create(pool, &shop, None, None, now).expect("created");
        let (shop_account, shop_secret) = (of_shop.id.clone(), of_shop.secret.expose().to_owned());
        applications::delete(pool, &shop).expect("app deleted");
        assert_eq!(
            client_of(&store, &shop_account, Some(&shop_secret)),
            Ok(None),
            "an account of a deleted app is no client"
        );
        let pool = store.pool_mut(&pool_id).expect("pool");
        assert_eq!(
            list(pool, &app, Page::new(None, None)).expect("list").total,
            1
        );
        delete(pool, &id).expect("deleted");
        assert_eq!(delete(pool, &id).expect_err("gone").number(), 2450);
    }
}
