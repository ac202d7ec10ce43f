//! Logins an organisation manages outside Authing's own accounts: through the pool's LDAP
//! connection ([`AuthenticationClient::login_by_ldap`]), its AD connection
//! ([`AuthenticationClient::login_by_ad`], sent to the websocket host), and with a
//! sub-account ([`AuthenticationClient::login_by_sub_account`]).

use authing_core::model::User;
use authing_core::{Secret, SessionEffect, Transport, Wire, operation};
use http::Method;

use crate::client::AuthenticationClient;
use crate::graphql::LOGIN_BY_SUB_ACCOUNT;

/// The path of AD logins, under the websocket host.
const AD_PATH: &str = "/api/v2/ad/verify-user";

impl<T: Transport> AuthenticationClient<T> {
    /// Logs a user in with their LDAP username and password
    /// (`POST /api/v2/ldap/verify-user`), checked by the pool's LDAP connection against the
    /// directory. Authing takes this password in plain text (over TLS), as its other SDKs
    /// send it. On success the client acts for the user: the Authing account linked to
    /// that directory identity (made at the first login).
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// let user = auth.login_by_ldap("ada", "directory password").await?;
    /// assert!(auth.token().is_some());
    /// # let _ = user; Ok(()) }
    /// ```
    ///
    /// A wrong password (or an unknown directory user) is code 2333.
    pub fn login_by_ldap(
        &self,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> LoginByLdap<Self> {
        LoginByLdap::new(self.clone(), username, password)
    }

    /// Logs a user in with their Active Directory username and password
    /// (`POST {websocket host}/api/v2/ad/verify-user`: Authing serves AD logins on its
    /// websocket host, see
    /// [`websocket_host`](crate::AuthenticationClientBuilder::websocket_host)). Otherwise
    /// as [`login_by_ldap`](Self::login_by_ldap).
    pub fn login_by_ad(
        &self,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> LoginByAd<Self> {
        LoginByAd::new(self.clone(), username, password)
            .endpoint(self.websocket_host().join(AD_PATH))
    }

    /// Logs in with a sub-account (another account name and password of a user) as the
    /// user it belongs to (`loginBySubAccount`). The password is encrypted before it
    /// leaves; on success the client acts for the user. A wrong password is code 2333.
    pub fn login_by_sub_account(
        &self,
        account: impl Into<String>,
        password: impl Into<Secret>,
    ) -> LoginBySubAccount<Self> {
        LoginBySubAccount::new(self.clone(), account, password)
    }
}

operation! {
    /// A login through the pool's LDAP connection (`POST /api/v2/ldap/verify-user`); made
    /// by [`AuthenticationClient::login_by_ldap`]. It returns the user, with their
    /// `token`; the client then acts for that user.
    pub struct LoginByLdap -> User {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/ldap/verify-user" },
        auth: None,
        required {
            /// The directory username.
            username: String,
            /// The directory password (Authing takes it in plain text).
            #[serde(serialize_with = "operation::expose_secret")]
            password: Secret,
        }
        impl {
            fn session(user: &User) -> SessionEffect<'_> {
                SessionEffect::Remember(user)
            }
        }
    }
}

operation! {
    /// A login through the pool's AD connection (`POST {websocket host}/api/v2/ad/verify-user`);
    /// made by [`AuthenticationClient::login_by_ad`], which sets the
    /// [`endpoint`](Self::endpoint). It returns the user, with their `token`; the client
    /// then acts for that user.
    pub struct LoginByAd -> User {
        wire(op): Wire::Rest {
            method: Method::POST,
            path: op.endpoint.as_deref().unwrap_or(AD_PATH),
        },
        auth: None,
        required {
            /// The directory username.
            username: String,
            /// The directory password (Authing takes it in plain text).
            #[serde(serialize_with = "operation::expose_secret")]
            password: Secret,
        }
        optional {
            /// The absolute URL the login goes to, `{websocket host}/api/v2/ad/verify-user`
            /// (unset: the client's host, for a deployment that serves it there).
            #[serde(skip)]
            endpoint: String,
        }
        impl {
            fn session(user: &User) -> SessionEffect<'_> {
                SessionEffect::Remember(user)
            }
        }
    }
}

operation! {
    /// A login with a sub-account (`loginBySubAccount`); made by
    /// [`AuthenticationClient::login_by_sub_account`]. It returns the user, with their
    /// `token`; the client then acts for that user.
    pub struct LoginBySubAccount -> User {
        wire: Wire::Graphql(&LOGIN_BY_SUB_ACCOUNT),
        auth: None,
        required {
            /// The sub-account's name.
            account: String,
            /// Its password, encrypted before it leaves.
            #[serde(skip_serializing)]
            password: Secret,
        }
        optional {
            /// The image captcha's answer, which Authing asks for (code `2000`) after
            /// repeated failures.
            #[serde(serialize_with = "operation::expose_optional_secret")]
            captcha_code: Secret,
            /// The end user's IP address, when the call is made on their behalf by a server.
            client_ip: String,
        }
        impl {
            fn passwords(&self) -> Vec<(&'static str, &Secret)> {
                vec![("/password", &self.password)]
            }

            fn session(user: &User) -> SessionEffect<'_> {
                SessionEffect::Remember(user)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use authing_core::transport_fn;
    use bytes::Bytes;

    use super::*;

    fn client(websocket_host: Option<&str>) -> AuthenticationClient<impl Transport> {
        let transport = transport_fn(|_r: http::Request<Bytes>| async {
            Ok(http::Response::new(Bytes::new()))
        });
        let builder = AuthenticationClient::builder()
            .app_id("app1")
            .app_host("https://my-app.authing.cn");
        let builder = match websocket_host {
            Some(host) => builder.websocket_host(host),
            None => builder,
        };
        builder.transport(transport).build().expect("a client")
    }

    #[test]
    fn ad_logins_go_to_the_websocket_host() {
        let auth = client(None);
        let request = auth
            .api()
            .prepare(&auth.login_by_ad("ada", "pw"))
            .expect("prepares");
        assert_eq!(request.uri(), "https://ws.authing.cn/api/v2/ad/verify-user");
        let auth = client(Some("https://ad.corp.example.com/"));
        let request = auth
            .api()
            .prepare(&auth.login_by_ad("ada", "pw"))
            .expect("prepares");
        assert_eq!(
            request.uri(),
            "https://ad.corp.example.com/api/v2/ad/verify-user"
        );
        let body: serde_json::Value = serde_json::from_slice(request.body()).expect("json");
        assert_eq!(
            body,
            serde_json::json!({"username": "ada", "password": "pw"})
        );
        let request = auth
            .api()
            .prepare(&auth.login_by_ldap("ada", "pw"))
            .expect("prepares");
        assert_eq!(
            request.uri(),
            "https://my-app.authing.cn/api/v2/ldap/verify-user"
        );
    }

    #[test]
    fn a_bad_websocket_host_fails_at_build() {
        let transport = transport_fn(|_r: http::Request<Bytes>| async {
            Ok(http::Response::new(Bytes::new()))
        });
        let error = AuthenticationClient::builder()
            .app_id("app1")
            .websocket_host("ws.example.com")
            .transport(transport)
            .build()
            .expect_err("no scheme");
        assert!(matches!(error, authing_core::Error::Config(_)), "{error:?}");
    }
}
