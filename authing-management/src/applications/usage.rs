//! Who uses an application: [`ActiveUsers`] (who logged in through it),
//! [`ChangeApplicationType`] (individuals, tenants or both) and [`ApplicationTenants`].

use authing_core::model::{Paginated, User};
use authing_core::{Error, Wire, operation};
use http::Method;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::model::Application;
use crate::checks::{check_page, require};

/// Who may use an application (`appType`), spelled exactly as Authing does.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApplicationType {
    /// Individual users (`INDIVIDUAL`).
    #[serde(rename = "INDIVIDUAL")]
    Individual,
    /// Tenants (`Tenant`).
    #[serde(rename = "Tenant")]
    Tenant,
    /// Both (`BOTH`).
    #[serde(rename = "BOTH")]
    Both,
}

/// An application with its tenants (`GET /api/v2/application/{appId}/tenants`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationWithTenants {
    /// The application's id.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its tenants, as Authing sends them.
    #[serde(default)]
    pub tenants: Vec<Value>,
    /// Every other field Authing sends (`logo`, `domain`, `protocol`, ...), as is.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

operation! {
    /// One page of the users who logged in through an application
    /// (`GET /api/v2/applications/{appId}/active-users`); page 1 of 10 unless set. Code
    /// 2011: no such application.
    pub struct ActiveUsers -> Paginated<User> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/applications/{appId}/active-users" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
        }
        defaults {
            /// The page, from 1.
            page: u32 = 1,
            /// Users per page.
            limit: u32 = 10,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("application id", &self.app_id)?;
                check_page(self.page, self.limit)
            }
        }
    }
}

operation! {
    /// Sets who may use an application (`POST /api/v2/applications/{appId}` with
    /// `appType`). Code 2011: no such application.
    pub struct ChangeApplicationType -> Application {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/applications/{appId}" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
            /// Individuals, tenants or both.
            app_type: ApplicationType,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("application id", &self.app_id)
            }
        }
    }
}

operation! {
    /// An application and its tenants (`GET /api/v2/application/{appId}/tenants`, singular
    /// `application`). Code 2011: no such application.
    pub struct ApplicationTenants -> ApplicationWithTenants {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/application/{appId}/tenants" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("application id", &self.app_id)
            }
        }
    }
}
