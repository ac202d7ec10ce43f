//! [`Pool`]: one user pool's application and tables.

use std::collections::HashMap;

use authing_core::Secret;
use chrono::{DateTime, Utc};

use super::access_account::AccessAccountRecord;
use super::application::{ApplicationRecord, DefaultStrategy, IdTokenAlg, SamlIdpSettings};
use super::group::GroupRecord;
use super::logins::LoginState;
use super::mfa::MfaState;
use super::namespace::Namespaces;
use super::outbox::Outbox;
use super::policy::{AssignmentRecord, PolicyRecord};
use super::relation::Relations;
use super::resource::{GrantRecord, ResourceRecord};
use super::role::RoleRecord;
use super::sessions::Sessions;
use super::table::Table;
use super::udf::{FieldDef, Udvs};
use super::user::UserRecord;
use super::user_actions::UserActions;
use super::user_extras::{PrincipalRecord, QrCodes};
use crate::crypto::{object_id, random_hex};

/// An application of a pool; end users log in through it.
#[derive(Debug, Clone)]
pub(crate) struct App {
    pub(crate) id: String,
    pub(crate) secret: Secret,
}

/// A user pool: its credentials, its application, a [`Table`] per resource, and the links
/// between their records.
#[derive(Debug, Clone)]
pub(crate) struct Pool {
    pub(crate) id: String,
    pub(crate) secret: Secret,
    /// The pool's application (the fake makes one per pool).
    pub(crate) app: App,
    pub(crate) users: Table<UserRecord>,
    /// Roles, unique by code per namespace (roles-groups).
    pub(crate) roles: Table<RoleRecord>,
    /// Groups, unique by code (roles-groups).
    pub(crate) groups: Table<GroupRecord>,
    // Policies and ACL.
    /// Policies, by code per namespace.
    pub(crate) policies: Table<PolicyRecord>,
    /// Policies given to users, roles, groups and org nodes.
    pub(crate) policy_assignments: Table<AssignmentRecord>,
    /// Many-to-many links between the records of the tables above.
    pub(crate) links: Relations,
    // Custom fields (users-udf).
    /// Custom field definitions, in creation order (a handful per kind of object).
    pub(crate) udfs: Vec<FieldDef>,
    /// Custom values of objects other than users (users keep theirs on their record).
    pub(crate) udvs: Udvs,
    // auth-flows: the codes the pool sent.
    /// The SMS and email codes the pool sent.
    pub(crate) outbox: Outbox,
    // Session / MFA area.
    /// TOTP authenticators and MFA login steps.
    pub(crate) mfa: MfaState,
    // applications area
    /// The pool's applications; the default one (`app`) is the first row.
    pub(crate) applications: Table<ApplicationRecord>,
    /// LDAP / AD directory, sub-accounts, password resets, application MFA, faces.
    pub(crate) logins: LoginState,
    /// The QR codes of QR-code logins.
    pub(crate) qrcodes: QrCodes,
    /// Principal authentications, by user id.
    pub(crate) principals: HashMap<String, PrincipalRecord>,
    /// Namespaces (permission groups), by numeric id; `default` and one per application.
    pub(crate) namespaces: Namespaces,
    /// Resources, by code per namespace.
    pub(crate) resources: Table<ResourceRecord>,
    /// Targets' permissions on resources (`allow`, `authorizeResource`).
    pub(crate) resource_grants: Table<GrantRecord>,
    /// Programmatic access accounts of the applications.
    pub(crate) access_accounts: Table<AccessAccountRecord>,
    /// Users who resigned, newest last: out of `users`, listed by `archivedUsers`.
    pub(crate) archived_users: Vec<UserRecord>,
    /// The login tokens issued to users, so an administrator can end them.
    pub(crate) sessions: Sessions,
    /// What users did (log in, register, ...), for `GET /api/v2/analysis/user-action`.
    pub(crate) user_actions: UserActions,
}

impl Pool {
    /// A pool with fresh ids and secrets and no records.
    pub(crate) fn random() -> Self {
        let mut pool = Self {
            id: object_id(),
            secret: Secret::new(random_hex(16)),
            app: App {
                id: object_id(),
                secret: Secret::new(random_hex(16)),
            },
            users: Table::default(),
            roles: Table::default(),
            groups: Table::default(),
            policies: Table::default(),
            policy_assignments: Table::default(),
            links: Relations::default(),
            udfs: Vec::new(),
            udvs: Udvs::new(),
            outbox: Outbox::default(),
            mfa: MfaState::default(),
            applications: Table::default(),
            logins: LoginState::default(),
            qrcodes: QrCodes::default(),
            principals: HashMap::new(),
            namespaces: Namespaces::default(),
            resources: Table::default(),
            resource_grants: Table::default(),
            access_accounts: Table::default(),
            archived_users: Vec::new(),
            sessions: Sessions::default(),
            user_actions: UserActions::default(),
        };
        pool.add_default_app(Utc::now());
        pool
    }

    /// Forgets every record and link; the pool, its default app and their credentials stay.
    pub(crate) fn clear(&mut self) {
        self.users.clear();
        self.roles.clear();
        self.groups.clear();
        self.policies.clear();
        self.policy_assignments.clear();
        self.links.clear();
        self.udfs.clear();
        self.udvs.clear();
        self.outbox.clear();
        self.mfa.clear();
        self.applications.clear();
        self.logins.clear();
        self.qrcodes = QrCodes::default();
        self.principals.clear();
        self.namespaces.clear();
        self.resources.clear();
        self.resource_grants.clear();
        self.access_accounts.clear();
        self.archived_users.clear();
        self.sessions.clear();
        self.user_actions.clear();
        self.add_default_app(Utc::now());
    }

    /// Puts the default application (`app`) back as the first row of an empty table.
    fn add_default_app(&mut self, now: DateTime<Utc>) {
        let app = self.app.clone();
        // The table is empty, so no identifier is taken.
        let _ = self.applications.insert_with(|_| ApplicationRecord {
            id: app.id.clone(),
            name: "Default application".to_owned(),
            identifier: app.id.clone(),
            redirect_uris: Vec::new(),
            logo: None,
            secret: app.secret.clone(),
            is_default: true,
            default_strategy: DefaultStrategy::AllowAll,
            access_policies: Vec::new(),
            agreements: Vec::new(),
            next_agreement_id: 1,
            app_type: crate::store::AppType::Individual,
            created_at: now,
            updated_at: now,
            id_token_alg: IdTokenAlg::default(),
            saml: SamlIdpSettings::default(),
        });
    }
}
