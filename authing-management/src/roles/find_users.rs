//! [`FindRoleUsers`]: a keyword search among the users of one role, over REST.

use authing_core::model::{Paginated, User};
use authing_core::{Error, Wire, operation};
use http::Method;

use crate::checks::{check_page, require};

operation! {
    /// One page of the users holding the role `code` of `namespace` whose name, email,
    /// phone, ... contain `search` (`POST /api/v2/roles/roleUsers`); page 1 of 10, every
    /// holder when `search` is empty. A missing role is
    /// [`ROLE_NOT_FOUND`](authing_core::codes::ROLE_NOT_FOUND) (2410).
    pub struct FindRoleUsers -> Paginated<User> {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/roles/roleUsers" },
        auth: Management,
        required {
            /// The role's code.
            code: String,
            /// The role's namespace code (`default` for the pool's default namespace).
            namespace: String,
        }
        defaults {
            /// The keyword (default: none, every holder).
            search: String = String::new(),
            /// The page, from 1.
            page: u32 = 1,
            /// Users per page.
            limit: u32 = 10,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("code", &self.code)?;
                require("namespace", &self.namespace)?;
                check_page(self.page, self.limit)
            }
        }
    }
}
