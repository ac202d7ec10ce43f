//! The application operations: list, create, find, delete, refresh the secret, the default
//! access strategy, and the access policies.

use authing_core::model::{Paginated, PolicyAssignmentTargetType};
use authing_core::{Error, Lang, Wire, operation};
use http::Method;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use super::model::{Application, ApplicationAccessPolicy, DefaultStrategy};

operation! {
    /// One page of the pool's applications (`GET /api/v2/applications`), page 1 of 10
    /// unless set.
    pub struct ListApplications -> Paginated<Application> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/applications" },
        auth: Management,
        defaults {
            /// The page, from 1.
            page: u32 = 1,
            /// Applications per page.
            limit: u32 = 10,
        }
    }
}

operation! {
    /// Creates an application (`POST /api/v2/applications`). Codes: 2007 (illegal name or
    /// identifier), 2008 (the identifier is taken).
    pub struct CreateApplication -> Application {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/applications" },
        auth: Management,
        required {
            /// Its name.
            name: String,
            /// Its authentication-address prefix, unique in the pool.
            identifier: String,
            /// Where users may be sent back after logging in.
            redirect_uris: Vec<String>,
        }
        optional {
            /// Its logo URL.
            logo: String,
        }
    }
}

operation! {
    /// One application by id (`GET /api/v2/applications/{appId}`). Code 2011: no such
    /// application.
    pub struct FindApplication -> Application {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/applications/{appId}" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
        }
    }
}

operation! {
    /// Deletes an application (`DELETE /api/v2/applications/{appId}`). Code 2011: no such
    /// application.
    pub struct DeleteApplication -> () {
        wire: Wire::Rest { method: Method::DELETE, path: "/api/v2/applications/{appId}" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The application's id.
            app_id: String,
        }
        impl {
            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// Gives an application a new secret (`PATCH /api/v2/application/{appId}/refresh-secret`);
    /// the answer carries it. Code 2011: no such application.
    pub struct RefreshApplicationSecret -> Application {
        wire: Wire::Rest { method: Method::PATCH, path: "/api/v2/application/{appId}/refresh-secret" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
        }
    }
}

/// The `permissionStrategy` part of an application update.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PermissionStrategyUpdate {
    /// The new default strategy.
    pub default_strategy: DefaultStrategy,
}

impl From<DefaultStrategy> for PermissionStrategyUpdate {
    fn from(default_strategy: DefaultStrategy) -> Self {
        Self { default_strategy }
    }
}

operation! {
    /// Sets what an application does with users no access policy names
    /// (`POST /api/v2/applications/{appId}` with `permissionStrategy.defaultStrategy`).
    /// Code 2011: no such application.
    pub struct UpdateDefaultAccessPolicy -> Application {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/applications/{appId}" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
            /// The new default strategy.
            permission_strategy: PermissionStrategyUpdate,
        }
    }
}

operation! {
    /// One page of an application's access policies
    /// (`GET /api/v2/applications/{appId}/authorization/records`), page 1 of 10 unless set.
    pub struct ListAccessPolicies -> Paginated<ApplicationAccessPolicy> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/applications/{appId}/authorization/records" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
        }
        defaults {
            /// The page, from 1.
            page: u32 = 1,
            /// Policies per page.
            limit: u32 = 10,
        }
    }
}

/// Declares one access-policy call: the same arguments, its own path.
macro_rules! access_policy_operation {
    ($(#[doc = $doc:expr])* $name:ident => $path:literal) => {
        operation! {
            $(#[doc = $doc])*
            pub struct $name -> () {
                wire: Wire::Rest { method: Method::POST, path: $path },
                auth: Management,
                answer: IgnoredAny,
                required {
                    /// The application's id.
                    app_id: String,
                    /// What the targets are (users, roles, groups or org nodes).
                    target_type: PolicyAssignmentTargetType,
                    /// User ids, role codes, group codes or org node ids.
                    target_identifiers: Vec<String>,
                }
                optional {
                    /// The namespace of role targets (default: the application's).
                    namespace: String,
                    /// Whether an org node's children are included.
                    inherit_by_children: bool,
                }
                impl {
                    fn check(&self) -> Result<(), Error> {
                        if self.target_identifiers.is_empty() {
                            return Err(Error::invalid_argument("no target identifiers"));
                        }
                        Ok(())
                    }

                    fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                        Ok(())
                    }
                }
            }
        }
    };
}

access_policy_operation! {
    /// Lets the targets log in to an application
    /// (`POST /api/v2/applications/{appId}/authorization/allow`). Code 2011: no such
    /// application.
    AllowAccess => "/api/v2/applications/{appId}/authorization/allow"
}

access_policy_operation! {
    /// Keeps the targets out of an application
    /// (`POST /api/v2/applications/{appId}/authorization/deny`); a deny wins over an allow.
    /// Code 2011: no such application.
    DenyAccess => "/api/v2/applications/{appId}/authorization/deny"
}

access_policy_operation! {
    /// Makes the targets' access policies take effect again
    /// (`POST /api/v2/applications/{appId}/authorization/enable-effect`).
    EnableAccessPolicy => "/api/v2/applications/{appId}/authorization/enable-effect"
}

access_policy_operation! {
    /// Makes the targets' access policies stop taking effect, keeping them listed
    /// (`POST /api/v2/applications/{appId}/authorization/disable-effect`).
    DisableAccessPolicy => "/api/v2/applications/{appId}/authorization/disable-effect"
}

access_policy_operation! {
    /// Removes the targets' access policies
    /// (`POST /api/v2/applications/{appId}/authorization/revoke`).
    DeleteAccessPolicy => "/api/v2/applications/{appId}/authorization/revoke"
}
