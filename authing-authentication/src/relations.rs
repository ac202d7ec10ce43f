//! What the logged-in user has: roles ([`AuthenticationClient::list_roles`],
//! [`has_role`](AuthenticationClient::has_role)), authorized resources
//! ([`list_authorized_resources`](AuthenticationClient::list_authorized_resources)),
//! organisations and departments ([`list_orgs`](AuthenticationClient::list_orgs),
//! [`list_departments`](AuthenticationClient::list_departments)), the applications they may
//! log in to ([`list_applications`](AuthenticationClient::list_applications)) and how well
//! their account is secured ([`get_security_level`](AuthenticationClient::get_security_level)).
//!
//! Each call acts for the user the client holds and fails with [`Error::NotLoggedIn`],
//! without I/O, when it holds none.

use authing_core::model::{AuthorizedResource, Paginated, PaginatedRoles};
pub use authing_core::model::{Department, OrgNode, UserDepartment};
use authing_core::shared_operations::user_relations::user_not_found;
pub use authing_core::shared_operations::{ListUserDepartments, ListUserRoles};
use authing_core::{Error, Lang, Transport, Wire, operation};
use http::Method;
use serde::Deserialize;

use crate::client::AuthenticationClient;
use crate::graphql::LIST_USER_AUTHORIZED_RESOURCES;

impl<T: Transport + 'static> AuthenticationClient<T> {
    /// The logged-in user's roles (`user(id) { roles }`): assigned directly, through their
    /// groups, and inherited; of the default namespace unless `namespace` is given.
    pub async fn list_roles(&self, namespace: Option<&str>) -> Result<PaginatedRoles, Error> {
        let id = self.logged_in_user_id().await?;
        let mut op = ListUserRoles::new(self.clone(), id);
        op.namespace = namespace.map(str::to_owned);
        op.await
    }

    /// Whether the logged-in user has the role `code` (of `namespace`, else the default
    /// one), looked up in [`list_roles`](Self::list_roles).
    pub async fn has_role(&self, code: &str, namespace: Option<&str>) -> Result<bool, Error> {
        let roles = self.list_roles(namespace).await?;
        Ok(roles.list.iter().any(|role| role.code == code))
    }

    /// The resources the logged-in user may act on and the actions allowed
    /// (`user(id) { authorizedResources }`), through their own policies, their roles and
    /// their groups; of the default namespace unless `namespace` is given, of any type
    /// unless `resource_type` is (`DATA`, `API`, `MENU`, `UI`, `BUTTON`).
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// let resources = auth.list_authorized_resources(Some("books"), None).await?;
    /// for resource in &resources.list {
    ///     println!("{}: {:?}", resource.code, resource.actions);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list_authorized_resources(
        &self,
        namespace: Option<&str>,
        resource_type: Option<&str>,
    ) -> Result<Paginated<AuthorizedResource>, Error> {
        let id = self.logged_in_user_id().await?;
        let mut op = ListUserAuthorizedResources::new(self.clone(), id);
        op.namespace = namespace.map(str::to_owned);
        op.resource_type = resource_type.map(str::to_owned);
        op.await
    }

    /// The logged-in user's organisations, each as the path of nodes from the root to the
    /// user's node (`GET /api/v2/users/me/orgs`).
    pub fn list_orgs(&self) -> ListOrgs<Self> {
        ListOrgs::new(self.clone())
    }

    /// The departments the logged-in user belongs to (`user(id) { departments }`).
    pub async fn list_departments(&self) -> Result<Paginated<UserDepartment>, Error> {
        let id = self.logged_in_user_id().await?;
        ListUserDepartments::new(self.clone(), id).await
    }

    /// The applications the logged-in user may log in to, by their access policies
    /// (`GET /api/v2/users/me/applications/allowed`); page 1 of 10 unless
    /// [`page`](ListApplications::page) and [`limit`](ListApplications::limit) say otherwise.
    pub fn list_applications(&self) -> ListApplications<Self> {
        ListApplications::new(self.clone())
    }

    /// How well the logged-in user's account is secured
    /// (`GET /api/v2/users/me/security-level`): a score and what counts towards it.
    pub fn get_security_level(&self) -> GetSecurityLevel<Self> {
        GetSecurityLevel::new(self.clone())
    }
}

/// The `authorizedResources` of a `user` answer.
#[doc(hidden)]
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizedResourcesField {
    authorized_resources: Option<Paginated<AuthorizedResource>>,
}

operation! {
    /// A user's authorized resources (`user(id) { authorizedResources(namespace,
    /// resourceType) }`); sent by [`AuthenticationClient::list_authorized_resources`].
    pub struct ListUserAuthorizedResources -> Paginated<AuthorizedResource> {
        wire: Wire::Graphql(&LIST_USER_AUTHORIZED_RESOURCES),
        auth: User,
        answer: Option<AuthorizedResourcesField>,
        required {
            /// The user's own id.
            id: String,
        }
        optional {
            /// The namespace (permission group) code.
            namespace: String,
            /// `DATA`, `API`, `MENU`, `UI` or `BUTTON`.
            resource_type: String,
        }
        impl {
            fn finish(
                answer: Option<AuthorizedResourcesField>,
                lang: Lang,
            ) -> Result<Paginated<AuthorizedResource>, Error> {
                let resources = answer.ok_or_else(|| user_not_found(lang))?.authorized_resources;
                Ok(resources.unwrap_or_default())
            }
        }
    }
}

operation! {
    /// The logged-in user's organisations (`GET /api/v2/users/me/orgs`); made by
    /// [`AuthenticationClient::list_orgs`].
    pub struct ListOrgs -> Vec<Vec<OrgNode>> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/users/me/orgs" },
        auth: User,
    }
}

operation! {
    /// The applications the logged-in user may log in to
    /// (`GET /api/v2/users/me/applications/allowed`); made by
    /// [`AuthenticationClient::list_applications`].
    pub struct ListApplications -> Paginated<AllowedApplication> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/users/me/applications/allowed" },
        auth: User,
        defaults {
            /// The page, from 1.
            page: u32 = 1,
            /// Applications per page.
            limit: u32 = 10,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                if self.page == 0 || self.limit == 0 {
                    return Err(Error::invalid_argument(
                        "list_applications: page and limit start at 1",
                    ));
                }
                Ok(())
            }
        }
    }
}

operation! {
    /// How well the logged-in user's account is secured
    /// (`GET /api/v2/users/me/security-level`); made by
    /// [`AuthenticationClient::get_security_level`].
    pub struct GetSecurityLevel -> SecurityLevel {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/users/me/security-level" },
        auth: User,
    }
}

/// An application the user may log in to.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AllowedApplication {
    /// Its id (the app id).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its logo's URL.
    #[serde(default)]
    pub logo: Option<String>,
    /// Its domain (`{domain}.authing.cn`).
    #[serde(default)]
    pub domain: Option<String>,
    /// A description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its protocol (`oidc`, `oauth`, `saml`, `cas`).
    #[serde(default)]
    pub protocol: Option<String>,
    /// Creation time (ISO 8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last change (ISO 8601).
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// How well an account is secured, from [`AuthenticationClient::get_security_level`].
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityLevel {
    /// The score, 0 to 100.
    pub score: i64,
    /// Whether a verified email is bound.
    pub email: bool,
    /// Whether a verified phone is bound.
    pub phone: bool,
    /// Whether the account has a password.
    pub password: bool,
    /// The password's strength: 1 (weak), 2 (medium), 3 (strong); none without a password.
    #[serde(default)]
    pub password_security_level: Option<i64>,
    /// Whether MFA is on.
    pub mfa: bool,
}
