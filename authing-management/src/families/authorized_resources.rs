//! What any object may do: [`AuthorizedResources`] (`authorizedResources`).

use authing_core::model::{AuthorizedResource, Paginated, PolicyAssignmentTargetType};
use authing_core::{Error, Wire, operation};

use crate::checks::require;
use crate::graphql;

operation! {
    /// The resources an object (a user by id, a role or group by code, an org node by id)
    /// is authorized to act on, and how (`authorizedResources`); made by
    /// [`ManagementClient::authorized_resources`](crate::ManagementClient::authorized_resources)
    /// and [`UsersHandler::authorized_resources`](crate::UsersHandler::authorized_resources).
    pub struct AuthorizedResources -> Paginated<AuthorizedResource> {
        wire: Wire::Graphql(&graphql::AUTHORIZED_RESOURCES),
        auth: Management,
        required {
            /// The kind of object.
            target_type: PolicyAssignmentTargetType,
            /// The object's id or code.
            target_identifier: String,
        }
        optional {
            /// The permission group (namespace) code; default: the pool's default one.
            namespace: String,
            /// Only resources of this type (`DATA`, `API`, `MENU`, `BUTTON`, ...).
            resource_type: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("target identifier", &self.target_identifier)
            }
        }
    }
}
