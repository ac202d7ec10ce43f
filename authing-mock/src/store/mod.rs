//! What the fake remembers, behind one lock: [`Store`] holds the user pools, each a set of
//! generic [`Table`](table::Table)s linked by [`Relations`](relation::Relations).
//!
//! CRUD, uniqueness, creation order, stable sorting, paging ([`Page`]) and the cascade of a
//! deletion onto links are written and tested here, once; resources (`domain/`) only say
//! what their records are ([`Record`](table::Record)). `Store` is `Clone`, so a snapshot of
//! the whole fake is one clone.

mod mfa;
mod outbox;
// Other ways in.
mod logins;
// applications area
mod application;
mod page;
// Policies and ACL.
mod policy;
mod pool;
mod relation;
mod table;
mod user;
// Custom fields (users-udf).
mod udf;
// roles-groups
mod group;
mod role;
// Protocols (issue 9).
mod grants;
mod sessions;
mod user_actions;
mod user_extras;

pub(crate) use user_extras::{PrincipalRecord, QrCodeRecord, QrState};
mod access_account;
mod namespace;
mod resource;

use std::collections::{BTreeMap, HashMap, HashSet};

pub(crate) use application::IdTokenAlg;
pub(crate) use application::SamlIdpSettings;
pub(crate) use application::{
    AccessPolicy, AccessTarget, Agreement, ApplicationRecord, DefaultStrategy,
};
pub use logins::{AppMfa, PasswordStrength};
pub(crate) use logins::{AppMfaStep, DirectoryUser, ResetKind, ResetToken, SubAccount};
pub(crate) use mfa::{MfaStep, TotpAuthenticator};
pub use outbox::{Channel, SMS_SCENE, SentCode};
pub(crate) use page::{Page, Paged};
pub(crate) use pool::Pool;
pub(crate) use table::{Direction, Record, Refusal, Table};
pub(crate) use user::{CustomDatum, DataType, UniqueField, UserRecord};
// Custom fields (users-udf).
pub(crate) use udf::{FieldDef, TargetKind};
// roles-groups
pub(crate) use group::{GroupRecord, USER_GROUPS};
pub(crate) use role::{DEFAULT_NAMESPACE, GROUP_ROLES, RoleRecord, USER_ROLES};
// Protocols (issue 9).
pub(crate) use grants::{AuthCode, Grants, RefreshGrant, ServiceTicket};
// Policies and ACL.
pub(crate) use access_account::AccessAccountRecord;
pub(crate) use application::{APP_USERS, AppType};
pub(crate) use namespace::NamespaceRecord;
pub(crate) use policy::{
    AssignmentRecord, Condition, Effect, PolicyRecord, Statement, TargetType, scoped as policy_key,
};
pub(crate) use resource::{GrantRecord, ResourceAction, ResourceKind, ResourceRecord};
pub(crate) use user_actions::UserAction;

use crate::failure::{Code, Failure};

/// Everything the fake keeps.
#[derive(Debug, Clone, Default)]
pub(crate) struct Store {
    pub(crate) pools: BTreeMap<String, Pool>,
    /// Application id → pool id.
    pub(crate) app_pools: HashMap<String, String>,
    /// `jti`s of revoked tokens (logout).
    pub(crate) revoked: HashSet<String>,
    /// Protocols (issue 9): pending authorization codes and live refresh tokens.
    pub(crate) grants: Grants,
}

impl Store {
    /// Creates a pool with one application.
    pub(crate) fn create_pool(&mut self) -> &Pool {
        let pool = Pool::random();
        self.app_pools.insert(pool.app.id.clone(), pool.id.clone());
        self.pools.entry(pool.id.clone()).or_insert(pool)
    }

    /// The pool `id` (2224 when there is none).
    pub(crate) fn pool(&self, id: &str) -> Result<&Pool, Failure> {
        self.pools.get(id).ok_or_else(|| Code::PoolNotFound.into())
    }

    /// The pool `id`, to change (2224 when there is none).
    pub(crate) fn pool_mut(&mut self, id: &str) -> Result<&mut Pool, Failure> {
        self.pools
            .get_mut(id)
            .ok_or_else(|| Code::PoolNotFound.into())
    }

    /// Empties every pool and forgets revoked tokens; pools and apps stay.
    pub(crate) fn reset(&mut self) {
        for pool in self.pools.values_mut() {
            pool.clear();
        }
        self.revoked.clear();
        self.grants.clear();
    }
}
