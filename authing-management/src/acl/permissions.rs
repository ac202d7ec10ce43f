//! Permissions: [`Allow`], [`IsActionAllowed`], [`AuthorizeResource`], [`RevokeResource`]
//! and [`GetAuthorizedTargets`] (and its by-code twin [`GetAuthorizedTargetsCode`]). The resources a target may act on are the family
//! operation [`AuthorizedResources`](crate::families::AuthorizedResources).

use authing_core::model::{CommonMessage, PolicyAssignmentTargetType};
use authing_core::{Error, Lang, Wire, operation};
use http::Method;
use serde::de::IgnoredAny;

use super::model::{
    AuthorizeResourceOpt, AuthorizedTargets, ResourceType, RevokeTarget, TargetActions,
};
use crate::checks::require;
use crate::graphql;

operation! {
    /// Lets users (by id) or roles (by code) perform `action` on `resource` (`allow`);
    /// their other permissions stay. `resource` is a resource code or any resource string
    /// (`books:1`). Codes: 2004 (no such user), 2410 (no such role).
    pub struct Allow -> CommonMessage {
        wire: Wire::Graphql(&graphql::ALLOW),
        auth: Management,
        required {
            /// The resource.
            resource: String,
            /// The action (`books:read`, `read`, ...).
            action: String,
        }
        optional {
            /// One user to allow.
            user_id: String,
            /// Users to allow.
            user_ids: Vec<String>,
            /// One role to allow (by code).
            role_code: String,
            /// Roles to allow (by code).
            role_codes: Vec<String>,
            /// The namespace code; default: the pool's default one.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("resource", &self.resource)?;
                require("action", &self.action)?;
                let none = self.user_id.is_none()
                    && self.role_code.is_none()
                    && self.user_ids.as_ref().is_none_or(Vec::is_empty)
                    && self.role_codes.as_ref().is_none_or(Vec::is_empty);
                if none {
                    return Err(Error::invalid_argument(
                        "allow needs a user or a role: set user_id, user_ids, role_code or role_codes",
                    ));
                }
                Ok(())
            }
        }
    }
}

operation! {
    /// Whether a user may perform `action` on `resource` (`isActionAllowed`): their own
    /// permissions, their roles' (with inherited roles) and their groups'; a DENY policy
    /// wins. Code 2004: no such user.
    pub struct IsActionAllowed -> bool {
        wire: Wire::Graphql(&graphql::IS_ACTION_ALLOWED),
        auth: Management,
        required {
            /// The user's id.
            user_id: String,
            /// The resource.
            resource: String,
            /// The action.
            action: String,
        }
        optional {
            /// The namespace code; default: the pool's default one.
            namespace: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("user id", &self.user_id)?;
                require("resource", &self.resource)?;
                require("action", &self.action)
            }
        }
    }
}

operation! {
    /// Sets what each target may do on the resource `resource` of a namespace
    /// (`authorizeResource`). Codes: 2430 (no such resource), 2231 (an action the resource
    /// does not offer), 2004 / 2410 / 2420 (no such user / role / group).
    pub struct AuthorizeResource -> CommonMessage {
        wire: Wire::Graphql(&graphql::AUTHORIZE_RESOURCE),
        auth: Management,
        required {
            /// The resource's code.
            resource: String,
            /// The targets and their actions.
            opts: Vec<AuthorizeResourceOpt>,
        }
        optional {
            /// The namespace code; default: the pool's default one.
            namespace: String,
            /// The resource's type (checked against the resource's when set).
            resource_type: ResourceType,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("resource", &self.resource)?;
                if self.opts.is_empty() {
                    return Err(Error::invalid_argument("authorize at least one target"));
                }
                self.opts
                    .iter()
                    .try_for_each(|opt| require("target identifier", &opt.target_identifier))
            }
        }
    }
}

operation! {
    /// Takes back every permission the targets hold on `resource`
    /// (`POST /api/v2/acl/revoke-resource`). Code 2430: no such resource.
    pub struct RevokeResource -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/acl/revoke-resource" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The namespace code.
            namespace: String,
            /// The resource.
            resource: String,
            /// The targets.
            opts: Vec<RevokeTarget>,
        }
        optional {
            /// The resource's type.
            resource_type: ResourceType,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("namespace", &self.namespace)?;
                require("resource", &self.resource)
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// The targets authorized on a resource, with their actions (`authorizedTargets`); of
    /// one target type, and holding all / any of some actions, when set. Roles and groups
    /// are listed by code.
    pub struct GetAuthorizedTargets -> AuthorizedTargets {
        wire: Wire::Graphql(&graphql::AUTHORIZED_TARGETS),
        auth: Management,
        answer: Option<AuthorizedTargets>,
        required {
            /// The namespace code.
            namespace: String,
            /// The resource's type.
            resource_type: ResourceType,
            /// The resource's code.
            resource: String,
        }
        optional {
            /// Only targets of this kind.
            target_type: PolicyAssignmentTargetType,
            /// Only targets holding all / any of these actions.
            actions: TargetActions,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("namespace", &self.namespace)?;
                require("resource", &self.resource)
            }

            fn finish(answer: Option<AuthorizedTargets>, _lang: Lang) -> Result<AuthorizedTargets, Error> {
                Ok(answer.unwrap_or(AuthorizedTargets { total_count: Some(0), list: Vec::new() }))
            }
        }
    }
}

operation! {
    /// The targets authorized on a resource, roles and groups by code, with their actions
    /// (`authorizedTargetsCode`, the Go SDK's `GetAuthorizedTargetsCode`); filtered like
    /// [`GetAuthorizedTargets`]. An SDK addition that Authing's published schema lacks.
    pub struct GetAuthorizedTargetsCode -> AuthorizedTargets {
        wire: Wire::Graphql(&graphql::AUTHORIZED_TARGETS_CODE),
        auth: Management,
        answer: Option<AuthorizedTargets>,
        required {
            /// The namespace code.
            namespace: String,
            /// The resource's type.
            resource_type: ResourceType,
            /// The resource's code.
            resource: String,
        }
        optional {
            /// Only targets of this kind.
            target_type: PolicyAssignmentTargetType,
            /// Only targets holding all / any of these actions.
            actions: TargetActions,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("namespace", &self.namespace)?;
                require("resource", &self.resource)
            }

            fn finish(answer: Option<AuthorizedTargets>, _lang: Lang) -> Result<AuthorizedTargets, Error> {
                Ok(answer.unwrap_or(AuthorizedTargets { total_count: Some(0), list: Vec::new() }))
            }
        }
    }
}
