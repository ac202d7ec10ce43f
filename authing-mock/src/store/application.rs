//! [`ApplicationRecord`]: an application of a pool, with its access policies.

use authing_core::Secret;
use chrono::{DateTime, Utc};

use super::table::Record;

/// What an application does with a user no access policy names (`permissionStrategy.defaultStrategy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DefaultStrategy {
    AllowAll,
    DenyAll,
}

impl DefaultStrategy {
    /// The strategy by its wire name (`ALLOW_ALL`, `DENY_ALL`).
    pub(crate) fn of_wire_name(name: &str) -> Option<Self> {
        match name {
            "ALLOW_ALL" => Some(Self::AllowAll),
            "DENY_ALL" => Some(Self::DenyAll),
            _ => None,
        }
    }

    /// Its wire name.
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            Self::AllowAll => "ALLOW_ALL",
            Self::DenyAll => "DENY_ALL",
        }
    }
}

/// Who may use an application (`appType`): individuals, tenants, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AppType {
    Individual,
    Tenant,
    Both,
}

impl AppType {
    /// The type by its wire name, exactly as Authing spells it (`INDIVIDUAL`, `Tenant`,
    /// `BOTH`).
    pub(crate) fn of_wire_name(name: &str) -> Option<Self> {
        match name {
            "INDIVIDUAL" => Some(Self::Individual),
            "Tenant" => Some(Self::Tenant),
            "BOTH" => Some(Self::Both),
            _ => None,
        }
    }

    /// Its wire name.
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            Self::Individual => "INDIVIDUAL",
            Self::Tenant => "Tenant",
            Self::Both => "BOTH",
        }
    }
}

/// Users who logged in through an application (its active users).
pub(crate) const APP_USERS: super::relation::Link = super::relation::Link {
    name: "appUsers",
    left: "application",
    right: "user",
};

/// Who an access policy is about (`PolicyAssignmentTargetType` without AK_SK).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AccessTarget {
    User,
    Role,
    Group,
    Org,
}

impl AccessTarget {
    /// The target type by its wire name.
    pub(crate) fn of_wire_name(name: &str) -> Option<Self> {
        match name {
            "USER" => Some(Self::User),
            "ROLE" => Some(Self::Role),
            "GROUP" => Some(Self::Group),
            "ORG" => Some(Self::Org),
            _ => None,
        }
    }

    /// Its wire name.
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            Self::User => "USER",
            Self::Role => "ROLE",
            Self::Group => "GROUP",
            Self::Org => "ORG",
        }
    }
}

/// One access policy of an application: lets a target in (allow) or keeps it out (deny).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AccessPolicy {
    pub(crate) target_type: AccessTarget,
    /// A user id, a role code, a group code or an org node id.
    pub(crate) target_identifier: String,
    /// Allow (`true`) or deny (`false`).
    pub(crate) allow: bool,
    /// Whether it takes effect (`enable-effect` / `disable-effect`).
    pub(crate) enabled: bool,
    pub(crate) inherit_by_children: bool,
    pub(crate) namespace: String,
    pub(crate) assigned_at: DateTime<Utc>,
}

/// A login agreement of an application (terms the user accepts when logging in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Agreement {
    /// A number, unique in the application.
    pub(crate) id: i64,
    pub(crate) title: String,
    pub(crate) lang: String,
    pub(crate) required: bool,
}

/// An application of a pool. The pool's default application is its first row.
#[derive(Debug, Clone)]
pub(crate) struct ApplicationRecord {
    pub(crate) id: String,
    pub(crate) name: String,
    /// The authentication-address prefix; unique in the pool.
    pub(crate) identifier: String,
    pub(crate) redirect_uris: Vec<String>,
    pub(crate) logo: Option<String>,
    pub(crate) secret: Secret,
    pub(crate) is_default: bool,
    pub(crate) default_strategy: DefaultStrategy,
    /// The access policies, oldest first; at most one per target.
    pub(crate) access_policies: Vec<AccessPolicy>,
    /// The login agreements, in display order.
    pub(crate) agreements: Vec<Agreement>,
    /// The id the next agreement gets.
    pub(crate) next_agreement_id: i64,
    /// Individuals, tenants or both.
    pub(crate) app_type: AppType,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
    /// How its id tokens are signed (`oidcConfig.id_token_signed_response_alg`).
    pub(crate) id_token_alg: IdTokenAlg,
    /// Its SAML identity-provider settings.
    pub(crate) saml: SamlIdpSettings,
}

impl Record for ApplicationRecord {
    const KIND: &'static str = "application";

    fn id(&self) -> &str {
        &self.id
    }

    fn unique_keys(&self) -> Vec<(&'static str, String)> {
        vec![("identifier", self.identifier.to_lowercase())]
    }

    fn normalize(_key: &str, value: &str) -> String {
        value.to_lowercase()
    }
}

/// How an application's id tokens are signed: RS256 with its own key (the default), or
/// HS256 with its secret (`oidcConfig.id_token_signed_response_alg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum IdTokenAlg {
    #[default]
    Rs256,
    Hs256,
}

impl IdTokenAlg {
    /// The algorithm by its JOSE name (`RS256`, `HS256`).
    pub(crate) fn of_wire_name(name: &str) -> Option<Self> {
        match name {
            "RS256" => Some(Self::Rs256),
            "HS256" => Some(Self::Hs256),
            _ => None,
        }
    }

    /// Its JOSE name.
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            Self::Rs256 => "RS256",
            Self::Hs256 => "HS256",
        }
    }
}

/// An application's SAML identity-provider settings (`samlProviderEnabled`, `samlConfig`):
/// what an IdP-initiated login needs, since no `AuthnRequest` names the service provider.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SamlIdpSettings {
    /// Whether the application is a SAML IdP (`samlProviderEnabled`).
    pub(crate) enabled: bool,
    /// The default ACS URL (`samlConfig.acs`, the console's "默认 ACS 地址"): where a
    /// response goes when no request names one.
    pub(crate) acs: Option<String>,
    /// The service provider's entity id (`samlConfig.settings.audience`): the audience of
    /// the assertions sent to the default ACS.
    pub(crate) audience: Option<String>,
}
