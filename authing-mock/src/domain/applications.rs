//! Applications of a pool: create, list, find, delete, refresh their secret, and their
//! access control (who may log in through them: allow / deny policies by user, role, group
//! or org node, and a default strategy for everyone else).

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::{groups, roles};
use crate::clock::iso;
use crate::crypto::random_hex;
use crate::failure::{Code, Failure};
use crate::store::IdTokenAlg;
use crate::store::SamlIdpSettings;
use crate::store::{
    AccessPolicy, AccessTarget, ApplicationRecord, DefaultStrategy, Page, Paged, Pool, Refusal,
};

/// The longest application name or identifier the fake accepts.
const MAX_NAME_CHARS: usize = 128;

/// A new application.
#[derive(Debug, Clone)]
pub(crate) struct NewApplication {
    pub(crate) name: String,
    pub(crate) identifier: String,
    pub(crate) redirect_uris: Vec<String>,
    pub(crate) logo: Option<String>,
}

/// Creates an application: 2007 for an empty or too long name or identifier, 2008 when the
/// identifier is taken in the pool.
pub(crate) fn create(
    pool: &mut Pool,
    new: NewApplication,
    now: DateTime<Utc>,
) -> Result<&ApplicationRecord, Failure> {
    let name = new.name.trim();
    let identifier = new.identifier.trim();
    for value in [name, identifier] {
        if value.is_empty() || value.chars().count() > MAX_NAME_CHARS {
            return Err(Code::IllegalAppName.into());
        }
    }
    pool.applications
        .insert_with(|id| ApplicationRecord {
            id,
            name: name.to_owned(),
            identifier: identifier.to_owned(),
            redirect_uris: new.redirect_uris,
            logo: new.logo,
            secret: random_hex(16).into(),
            is_default: false,
            default_strategy: DefaultStrategy::AllowAll,
            access_policies: Vec::new(),
            agreements: Vec::new(),
            next_agreement_id: 1,
            app_type: crate::store::AppType::Individual,
            created_at: now,
            updated_at: now,
            id_token_alg: IdTokenAlg::default(),
            saml: SamlIdpSettings::default(),
        })
        .map_err(|_| Code::AppNameExists.into())
}

/// The application `id` (2011 when there is none).
pub(crate) fn get<'p>(pool: &'p Pool, id: &str) -> Result<&'p ApplicationRecord, Failure> {
    pool.applications
        .get(id)
        .ok_or_else(|| Code::AppNotFound.into())
}

/// One page of the pool's applications, oldest first (the default one leads).
pub(crate) fn list(pool: &Pool, page: Page) -> Paged<&ApplicationRecord> {
    page.of_counted(pool.applications.iter())
}

/// Deletes the application `id` (2011 when there is none; 1001 for the default one, which
/// the pool's login flow needs).
pub(crate) fn delete(pool: &mut Pool, id: &str) -> Result<(), Failure> {
    if get(pool, id)?.is_default {
        return Err(Code::NoPermission.into());
    }
    pool.applications.remove(id);
    Ok(())
}

/// Changes the application `id` with `change`, stamping `updatedAt`.
fn update<'p>(
    pool: &'p mut Pool,
    id: &str,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut ApplicationRecord),
) -> Result<&'p ApplicationRecord, Failure> {
    pool.applications
        .update(id, |app| {
            change(app);
            app.updated_at = now;
        })
        .map_err(|refusal| match refusal {
            Refusal::NotFound => Code::AppNotFound.into(),
            Refusal::Taken(_) => Code::AppNameExists.into(),
        })
}

/// Gives the application `id` a fresh secret.
pub(crate) fn refresh_secret<'p>(
    pool: &'p mut Pool,
    id: &str,
    now: DateTime<Utc>,
) -> Result<&'p ApplicationRecord, Failure> {
    let secret = random_hex(16);
    update(pool, id, now, |app| app.secret = secret.into())
}

/// Sets the default access strategy from its wire name (2231 for another name).
pub(crate) fn set_default_strategy<'p>(
    pool: &'p mut Pool,
    id: &str,
    strategy: &str,
    now: DateTime<Utc>,
) -> Result<&'p ApplicationRecord, Failure> {
    let strategy = DefaultStrategy::of_wire_name(strategy)
        .ok_or_else(|| Failure::with_text(Code::InvalidParams, "defaultStrategy"))?;
    update(pool, id, now, |app| app.default_strategy = strategy)
}

/// Sets who may use the application from the type's wire name (`INDIVIDUAL`, `Tenant`,
/// `BOTH`; 2231 for another).
pub(crate) fn set_app_type<'p>(
    pool: &'p mut Pool,
    id: &str,
    app_type: &str,
    now: DateTime<Utc>,
) -> Result<&'p ApplicationRecord, Failure> {
    let app_type = crate::store::AppType::of_wire_name(app_type)
        .ok_or_else(|| Failure::with_text(Code::InvalidParams, "appType"))?;
    update(pool, id, now, |app| app.app_type = app_type)
}

/// One page of the users who logged in through the application `id`, in the order of
/// their first login there (2011 for an unknown application).
pub(crate) fn active_users<'p>(
    pool: &'p Pool,
    id: &str,
    page: Page,
) -> Result<Paged<&'p crate::store::UserRecord>, Failure> {
    get(pool, id)?;
    Ok(page.of(pool
        .links
        .rights(crate::store::APP_USERS, id)
        .iter()
        .filter_map(|user| pool.users.get(user))))
}

/// Sets how application `id` signs its id tokens (`RS256` or `HS256`; 2011 for an unknown
/// application, a parameter error for another algorithm).
pub(crate) fn set_id_token_alg<'p>(
    pool: &'p mut Pool,
    id: &str,
    alg: &str,
    now: DateTime<Utc>,
) -> Result<&'p ApplicationRecord, Failure> {
    let alg = IdTokenAlg::of_wire_name(alg)
        .ok_or_else(|| Failure::with_text(Code::InvalidParams, "id_token_signed_response_alg"))?;
    update(pool, id, now, |app| app.id_token_alg = alg)
}

/// A change to an application's SAML IdP settings: `None` leaves a setting as it is, an
/// empty text clears it.
#[derive(Debug, Clone, Default)]
pub(crate) struct SamlChange {
    /// `samlProviderEnabled`.
    pub(crate) enabled: Option<bool>,
    /// `samlConfig.acs`, the default ACS URL.
    pub(crate) acs: Option<String>,
    /// `samlConfig.settings.audience`, the service provider's entity id.
    pub(crate) audience: Option<String>,
}

/// Changes application `id`'s SAML IdP settings (2011 for an unknown application, a
/// parameter error for a default ACS that is not an absolute http(s) URL).
pub(crate) fn set_saml<'p>(
    pool: &'p mut Pool,
    id: &str,
    change: SamlChange,
    now: DateTime<Utc>,
) -> Result<&'p ApplicationRecord, Failure> {
    // Some(None) clears, Some(Some(..)) sets.
    let cleared = |value: Option<String>| {
        value.map(|value| Some(value.trim().to_owned()).filter(|value| !value.is_empty()))
    };
    let acs = cleared(change.acs);
    if let Some(Some(acs)) = &acs {
        url::Url::parse(acs)
            .ok()
            .filter(|url| matches!(url.scheme(), "http" | "https"))
            .ok_or_else(|| Failure::with_text(Code::InvalidParams, "samlConfig.acs"))?;
    }
    let audience = cleared(change.audience);
    update(pool, id, now, |app| {
        if let Some(enabled) = change.enabled {
            app.saml.enabled = enabled;
        }
        if let Some(acs) = acs {
            app.saml.acs = acs;
        }
        if let Some(audience) = audience {
            app.saml.audience = audience;
        }
    })
}

impl SamlIdpSettings {
    /// `samlConfig` as Authing answers it: null until something is set.
    fn to_json(&self) -> Value {
        if self.acs.is_none() && self.audience.is_none() {
            return Value::Null;
        }
        json!({ "acs": self.acs, "settings": { "audience": self.audience } })
    }
}

/// What an access-policy call does to each target it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PolicyChange {
    /// Lets the targets in (a new or replaced, enabled policy).
    Allow,
    /// Keeps the targets out (a new or replaced, enabled policy).
    Deny,
    /// Makes the targets' policies take effect.
    Enable,
    /// Makes the targets' policies not take effect (they stay listed).
    Disable,
    /// Removes the targets' policies.
    Revoke,
}

/// The targets of an access-policy call.
#[derive(Debug, Clone)]
pub(crate) struct PolicyTargets {
    /// The target type's wire name (2231 unless USER, ROLE, GROUP or ORG).
    pub(crate) target_type: String,
    pub(crate) target_identifiers: Vec<String>,
    pub(crate) namespace: Option<String>,
    pub(crate) inherit_by_children: Option<bool>,
}

/// Applies `change` to the access policies of application `id` for each target.
pub(crate) fn change_policies(
    pool: &mut Pool,
    id: &str,
    change: PolicyChange,
    targets: PolicyTargets,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let target_type = AccessTarget::of_wire_name(&targets.target_type)
        .ok_or_else(|| Failure::with_text(Code::InvalidParams, "targetType"))?;
    if targets.target_identifiers.is_empty() {
        return Err(Failure::with_text(Code::InvalidParams, "targetIdentifiers"));
    }
    let namespace = targets.namespace.unwrap_or_else(|| id.to_owned());
    let inherit = targets.inherit_by_children.unwrap_or(false);
    update(pool, id, now, |app| {
        for identifier in targets.target_identifiers {
            let at = app.access_policies.iter().position(|policy| {
                policy.target_type == target_type && policy.target_identifier == identifier
            });
            match (change, at) {
                (PolicyChange::Allow | PolicyChange::Deny, at) => {
                    let policy = AccessPolicy {
                        target_type,
                        target_identifier: identifier,
                        allow: change == PolicyChange::Allow,
                        enabled: true,
                        inherit_by_children: inherit,
                        namespace: namespace.clone(),
                        assigned_at: now,
                    };
                    match at {
                        Some(at) => app.access_policies[at] = policy,
                        None => app.access_policies.push(policy),
                    }
                }
                (PolicyChange::Enable | PolicyChange::Disable, Some(at)) => {
                    app.access_policies[at].enabled = change == PolicyChange::Enable;
                }
                (PolicyChange::Revoke, Some(at)) => {
                    app.access_policies.remove(at);
                }
                // Enabling, disabling or revoking what is not there changes nothing.
                (_, None) => {}
            }
        }
    })
    .map(|_| ())
}

/// One page of the access policies of application `id`, oldest first.
pub(crate) fn policies<'p>(
    pool: &'p Pool,
    id: &str,
    page: Page,
) -> Result<Paged<&'p AccessPolicy>, Failure> {
    Ok(page.of_counted(get(pool, id)?.access_policies.iter()))
}

/// Whether `user_id` may log in through application `app_id` (1576 otherwise; 2011 for an
/// unknown app): the enabled policies naming the user, one of their roles (in the policy's
/// namespace) or one of their groups decide, deny winning over allow; when none names
/// them, the default strategy does.
pub(crate) fn check_login_access(pool: &Pool, app_id: &str, user_id: &str) -> Result<(), Failure> {
    let app = get(pool, app_id)?;
    let groups = groups::user_group_codes(pool, user_id);
    decide(
        app,
        user_id,
        |namespace| roles::user_role_codes(pool, user_id, namespace),
        &groups,
    )
}

/// [`check_login_access`]'s rule, given the user's role codes per namespace and group codes.
fn decide(
    app: &ApplicationRecord,
    user_id: &str,
    roles_in: impl Fn(&str) -> Vec<String>,
    groups: &[String],
) -> Result<(), Failure> {
    let names = |policy: &AccessPolicy| {
        let id = policy.target_identifier.as_str();
        match policy.target_type {
            AccessTarget::User => id == user_id,
            AccessTarget::Role => roles_in(&policy.namespace).iter().any(|code| code == id),
            AccessTarget::Group => groups.iter().any(|code| code == id),
            // The fake has no org tree yet: no org node holds the user.
            AccessTarget::Org => false,
        }
    };
    let mut matching = app
        .access_policies
        .iter()
        .filter(|policy| policy.enabled && names(policy))
        .peekable();
    let allowed = match matching.peek() {
        None => app.default_strategy == DefaultStrategy::AllowAll,
        Some(_) => matching.all(|policy| policy.allow),
    };
    if allowed {
        Ok(())
    } else {
        Err(Code::AppAccessDenied.into())
    }
}

impl ApplicationRecord {
    /// The application as Authing's REST API answers it (secret included: it is the
    /// administrator's).
    pub(crate) fn to_json(&self, pool_id: &str) -> Value {
        json!({
            "id": self.id,
            "userPoolId": pool_id,
            "protocol": "oidc",
            "name": self.name,
            "identifier": self.identifier,
            "description": null,
            "logo": self.logo,
            "secret": self.secret.expose(),
            "redirectUris": self.redirect_uris,
            "logoutRedirectUris": [],
            "isDefault": self.is_default,
            "appType": self.app_type.wire_name(),
            "isDeleted": false,
            "permissionStrategy": {
                "enabled": true,
                "defaultStrategy": self.default_strategy.wire_name(),
            },
            "oidcConfig": {
                "id_token_signed_response_alg": self.id_token_alg.wire_name(),
            },
            "samlProviderEnabled": self.saml.enabled,
            "samlConfig": self.saml.to_json(),
            "createdAt": iso(self.created_at),
            "updatedAt": iso(self.updated_at),
        })
    }
}

impl AccessPolicy {
    /// The policy as `authorization/records` lists it.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "assignedAt": iso(self.assigned_at),
            "inheritByChildren": self.inherit_by_children,
            "enabled": self.enabled,
            "effect": if self.allow { "ALLOW" } else { "DENY" },
            "targetType": self.target_type.wire_name(),
            "targetIdentifier": self.target_identifier,
            "namespace": self.namespace,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(pool: &mut Pool, identifier: &str) -> String {
        let new = NewApplication {
            name: "Shop".into(),
            identifier: identifier.into(),
            redirect_uris: vec!["https://shop.example/cb".into()],
            logo: None,
        };
        create(pool, new, Utc::now()).expect("created").id.clone()
    }

    fn targets(kind: &str, ids: &[&str]) -> PolicyTargets {
        PolicyTargets {
            target_type: kind.into(),
            target_identifiers: ids.iter().map(|id| (*id).to_owned()).collect(),
            namespace: None,
            inherit_by_children: None,
        }
    }

    #[test]
    fn the_default_app_leads_and_cannot_be_deleted() {
        let mut pool = Pool::random();
        let default = pool.app.id.clone();
        let shop = app(&mut pool, "shop");
        let page = list(&pool, Page::new(None, None));
        assert_eq!(page.total, 2);
        assert_eq!(page.items[0].id, default);
        assert_eq!(page.items[1].id, shop);
        assert_eq!(
            delete(&mut pool, &default).map_err(|f| f.number()),
            Err(1001)
        );
        delete(&mut pool, &shop).expect("deleted");
        assert_eq!(
            get(&pool, &shop).map(|_| ()).map_err(|f| f.number()),
            Err(2011)
        );
        pool.clear();
        assert_eq!(list(&pool, Page::new(None, None)).total, 1);
        assert!(get(&pool, &default).is_ok());
    }

    #[test]
    fn identifiers_are_unique_and_names_required() {
        let mut pool = Pool::random();
        app(&mut pool, "shop");
        let again = NewApplication {
            name: "Other".into(),
            identifier: "SHOP".into(),
            redirect_uris: Vec::new(),
            logo: None,
        };
        let taken = create(&mut pool, again.clone(), Utc::now()).map(|_| ());
        assert_eq!(taken.map_err(|f| f.number()), Err(2008));
        let unnamed = NewApplication {
            name: " ".into(),
            ..again
        };
        let refused = create(&mut pool, unnamed, Utc::now()).map(|_| ());
        assert_eq!(refused.map_err(|f| f.number()), Err(2007));
    }

    #[test]
    fn refreshing_changes_the_secret() {
        let mut pool = Pool::random();
        let shop = app(&mut pool, "shop");
        let before = get(&pool, &shop).expect("app").secret.expose().to_owned();
        let after = refresh_secret(&mut pool, &shop, Utc::now()).expect("refreshed");
        assert_ne!(after.secret.expose(), before);
    }

    #[test]
    fn access_rules() {
        let mut pool = Pool::random();
        let shop = app(&mut pool, "shop");
        let now = Utc::now();
        let roles = |codes: &[&str]| codes.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        let check = |pool: &Pool, user: &str, user_roles: &[&str]| {
            let app = get(pool, &shop).expect("app");
            decide(app, user, |_| roles(user_roles), &[]).map_err(|f| f.number())
        };
        // ALLOW_ALL lets anyone in.
        assert_eq!(check(&pool, "u1", &[]), Ok(()));
        set_default_strategy(&mut pool, &shop, "DENY_ALL", now).expect("set");
        assert_eq!(check(&pool, "u1", &[]), Err(1576));
        change_policies(
            &mut pool,
            &shop,
            PolicyChange::Allow,
            targets("ROLE", &["staff"]),
            now,
        )
        .expect("allowed");
        assert_eq!(check(&pool, "u1", &["staff"]), Ok(()));
        assert_eq!(check(&pool, "u2", &["guest"]), Err(1576));
        // Deny wins over allow.
        change_policies(
            &mut pool,
            &shop,
            PolicyChange::Deny,
            targets("USER", &["u1"]),
            now,
        )
        .expect("denied");
        assert_eq!(check(&pool, "u1", &["staff"]), Err(1576));
        // A disabled policy does not count; a revoked one is gone.
        change_policies(
            &mut pool,
            &shop,
            PolicyChange::Disable,
            targets("USER", &["u1"]),
            now,
        )
        .expect("disabled");
        assert_eq!(check(&pool, "u1", &["staff"]), Ok(()));
        let listed = policies(&pool, &shop, Page::new(None, None)).expect("listed");
        assert_eq!(listed.total, 2);
        assert!(!listed.items[1].enabled);
        change_policies(
            &mut pool,
            &shop,
            PolicyChange::Revoke,
            targets("ROLE", &["staff"]),
            now,
        )
        .expect("revoked");
        assert_eq!(check(&pool, "u1", &["staff"]), Err(1576));
        // Bad input.
        let bad = change_policies(
            &mut pool,
            &shop,
            PolicyChange::Allow,
            targets("AK_SK", &["x"]),
            now,
        );
        assert_eq!(bad.map_err(|f| f.number()), Err(2231));
        let bad = set_default_strategy(&mut pool, &shop, "SOME", now).map(|_| ());
        assert_eq!(bad.map_err(|f| f.number()), Err(2231));
        assert_eq!(
            check_login_access(&pool, "nope", "u1").map_err(|f| f.number()),
            Err(2011)
        );
    }
}
