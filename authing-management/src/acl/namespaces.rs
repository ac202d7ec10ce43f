//! Namespaces (permission groups) of the pool
//! (`/api/v2/resource-namespace/{userPoolId}`), addressed by numeric id or by code:
//! [`ListNamespaces`], [`CreateNamespace`], [`UpdateNamespace`], [`UpdateNamespaceByCode`],
//! [`DeleteNamespace`], [`DeleteNamespaceByCode`]. Codes: 2440 (no such namespace), 2441
//! (the code is taken); the pool's default namespace and applications' namespaces cannot
//! be deleted or renamed (2231).

use authing_core::{Error, Lang, Wire, operation};
use http::Method;
use serde::de::IgnoredAny;

use super::model::{Namespace, NamespacePage};
use crate::checks::{check_page, require};

operation! {
    /// One page of the pool's namespaces, oldest first
    /// (`GET /api/v2/resource-namespace/{userPoolId}`); page 1 of 10 unless set.
    pub struct ListNamespaces -> NamespacePage {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/resource-namespace/{userPoolId}" },
        auth: Management,
        required {
            /// The pool's id (the client's).
            user_pool_id: String,
        }
        defaults {
            /// The page, from 1.
            page: u32 = 1,
            /// Namespaces per page.
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
    /// Creates a namespace (`POST /api/v2/resource-namespace/{userPoolId}`).
    pub struct CreateNamespace -> Namespace {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/resource-namespace/{userPoolId}" },
        auth: Management,
        required {
            /// The pool's id (the client's).
            user_pool_id: String,
            /// Its code, unique in the pool.
            code: String,
            /// Its name.
            name: String,
        }
        optional {
            /// Its description.
            description: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("namespace code", &self.code)?;
                require("namespace name", &self.name)
            }
        }
    }
}

operation! {
    /// Changes the namespace of numeric id `id`
    /// (`PUT /api/v2/resource-namespace/{userPoolId}/{id}`): set what changes.
    pub struct UpdateNamespace -> Namespace {
        wire: Wire::Rest { method: Method::PUT, path: "/api/v2/resource-namespace/{userPoolId}/{id}" },
        auth: Management,
        required {
            /// The pool's id (the client's).
            user_pool_id: String,
            /// The namespace's numeric id.
            id: i64,
        }
        optional {
            /// Its new code.
            code: String,
            /// Its new name.
            name: String,
            /// Its new description.
            description: String,
        }
    }
}

operation! {
    /// Changes the namespace `currentCode`
    /// (`PUT /api/v2/resource-namespace/{userPoolId}/code/{currentCode}`): set what changes.
    pub struct UpdateNamespaceByCode -> Namespace {
        wire: Wire::Rest { method: Method::PUT, path: "/api/v2/resource-namespace/{userPoolId}/code/{currentCode}" },
        auth: Management,
        required {
            /// The pool's id (the client's).
            user_pool_id: String,
            /// The namespace's code now.
            current_code: String,
        }
        optional {
            /// Its new code.
            code: String,
            /// Its new name.
            name: String,
            /// Its new description.
            description: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("namespace code", &self.current_code)
            }
        }
    }
}

operation! {
    /// Deletes the namespace of numeric id `id` with its resources and permissions
    /// (`DELETE /api/v2/resource-namespace/{userPoolId}/{id}`).
    pub struct DeleteNamespace -> () {
        wire: Wire::Rest { method: Method::DELETE, path: "/api/v2/resource-namespace/{userPoolId}/{id}" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The pool's id (the client's).
            user_pool_id: String,
            /// The namespace's numeric id.
            id: i64,
        }
        impl {
            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// Deletes the namespace `code` with its resources and permissions
    /// (`DELETE /api/v2/resource-namespace/{userPoolId}/code/{code}`).
    pub struct DeleteNamespaceByCode -> () {
        wire: Wire::Rest { method: Method::DELETE, path: "/api/v2/resource-namespace/{userPoolId}/code/{code}" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The pool's id (the client's).
            user_pool_id: String,
            /// The namespace's code.
            code: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                require("namespace code", &self.code)
            }

            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}
