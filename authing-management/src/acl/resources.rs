//! Resources of a namespace (`/api/v2/resources`): [`ListResources`], [`ResourceById`],
//! [`ResourceByCode`], [`CreateResource`], [`UpdateResource`], [`DeleteResource`].
//! Codes: 2430 (no such resource), 2431 (the code is taken in the namespace), 2440 (no
//! such namespace).

use authing_core::model::Paginated;
use authing_core::{Error, Lang, Wire, operation};
use http::Method;
use serde::de::IgnoredAny;

use super::model::{Resource, ResourceAction, ResourceType};
use crate::checks::{check_page, require};

operation! {
    /// One page of a namespace's resources, oldest first, of one type when set
    /// (`GET /api/v2/resources`); page 1 of 10 unless set.
    pub struct ListResources -> Paginated<Resource> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/resources" },
        auth: Management,
        optional {
            /// The namespace code; default: the pool's default one.
            namespace: String,
            /// Only resources of this type.
            #[serde(rename = "type")]
            resource_type: ResourceType,
        }
        defaults {
            /// The page, from 1.
            page: u32 = 1,
            /// Resources per page.
            limit: u32 = 10,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_page(self.page, self.limit)
            }
        }
    }
}

operation! {
    /// One resource by id (`GET /api/v2/resources/detail?id=`).
    pub struct ResourceById -> Resource {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/resources/detail" },
        auth: Management,
        required {
            /// The resource's id.
            id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("resource id", &self.id)
            }
        }
    }
}

operation! {
    /// One resource by namespace and code (`GET /api/v2/resources/detail?namespace=&code=`).
    pub struct ResourceByCode -> Resource {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/resources/detail" },
        auth: Management,
        required {
            /// The namespace code.
            namespace: String,
            /// The resource's code.
            code: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("namespace", &self.namespace)?;
                require("resource code", &self.code)
            }
        }
    }
}

fn check_actions(actions: &[ResourceAction]) -> Result<(), Error> {
    actions
        .iter()
        .try_for_each(|action| require("action name", &action.name))
}

operation! {
    /// Adds a resource to a namespace (`POST /api/v2/resources`).
    pub struct CreateResource -> Resource {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/resources" },
        auth: Management,
        required {
            /// The namespace code.
            namespace: String,
            /// The resource's code, unique in the namespace.
            code: String,
            /// Its type.
            #[serde(rename = "type")]
            resource_type: ResourceType,
            /// The actions it offers.
            actions: Vec<ResourceAction>,
        }
        optional {
            /// Its description.
            description: String,
            /// The API identifier of an API resource.
            api_identifier: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("namespace", &self.namespace)?;
                require("resource code", &self.code)?;
                check_actions(&self.actions)
            }
        }
    }
}

operation! {
    /// Changes a resource (`POST /api/v2/resources/{code}`): set what changes. Grants keep
    /// only the actions the resource still offers.
    pub struct UpdateResource -> Resource {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/resources/{code}" },
        auth: Management,
        required {
            /// The namespace code.
            namespace: String,
            /// The resource's code.
            code: String,
        }
        optional {
            /// Its new type.
            #[serde(rename = "type")]
            resource_type: ResourceType,
            /// Its new actions (all of them).
            actions: Vec<ResourceAction>,
            /// Its new description.
            description: String,
            /// Its new API identifier.
            api_identifier: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("namespace", &self.namespace)?;
                require("resource code", &self.code)?;
                self.actions.as_deref().map_or(Ok(()), check_actions)
            }
        }
    }
}

operation! {
    /// Deletes a resource and every permission on it
    /// (`DELETE /api/v2/resources/{code}?namespace=`).
    pub struct DeleteResource -> () {
        wire: Wire::Rest { method: Method::DELETE, path: "/api/v2/resources/{code}" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The namespace code.
            namespace: String,
            /// The resource's code.
            code: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("namespace", &self.namespace)?;
                require("resource code", &self.code)
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}
