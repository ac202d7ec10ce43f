//! End-to-end scenarios of the Authing SDK against the fake Authing.
//!
//! Every scenario runs three times, once per door into the fake: the in-process transport
//! (no socket), and the reqwest and hyper transports against the fake's HTTP server. The
//! [`each_transport!`] macro writes the three tests; [`Env`] holds what a scenario needs.

use std::sync::Arc;

use authing_authentication::{AuthenticationClient, AuthenticationClientBuilder};
use authing_core::Transport;
use authing_management::{ManagementClient, ManagementClientBuilder};
use authing_mock::{MockAuthing, MockServer, PoolCredentials};
use authing_transport_hyper::HyperTransport;
use authing_transport_reqwest::ReqwestTransport;

/// Local HTTP(S) servers, well-behaved and misbehaving, for the transport contract tests.
pub mod servers;

/// How a scenario reaches the fake Authing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Door {
    /// The in-process transport: the fake's router is called directly.
    InProcess,
    /// reqwest, against the fake's HTTP server on loopback.
    Reqwest,
    /// hyper, against the fake's HTTP server on loopback.
    Hyper,
}

/// The clients' transport in scenarios: any of the three doors.
pub type DynTransport = Arc<dyn Transport>;

/// A fresh fake Authing and a way in.
pub struct Env {
    /// The fake.
    pub mock: MockAuthing,
    /// The default pool's credentials, with the host this door reaches.
    pub pool: PoolCredentials,
    /// The transport of this door.
    pub transport: DynTransport,
    /// The HTTP server, for the socket doors; dropping it stops it.
    pub server: Option<MockServer>,
}

impl Env {
    /// A new fake reached through `door`.
    pub async fn new(door: Door) -> Self {
        let mock = MockAuthing::new();
        let (pool, transport, server): (PoolCredentials, DynTransport, Option<MockServer>) =
            match door {
                Door::InProcess => (mock.pool(), Arc::new(mock.transport()), None),
                Door::Reqwest | Door::Hyper => {
                    let server = mock
                        .serve("127.0.0.1:0")
                        .await
                        .expect("the fake's server starts on loopback");
                    let transport: DynTransport = if door == Door::Reqwest {
                        Arc::new(ReqwestTransport::new().expect("reqwest transport"))
                    } else {
                        Arc::new(HyperTransport::new().expect("hyper transport"))
                    };
                    (server.pool(), transport, Some(server))
                }
            };
        Self {
            mock,
            pool,
            transport,
            server,
        }
    }

    /// A management client builder for the default pool, configured like a private
    /// deployment: the fake's host and the fake's encryption key.
    pub fn management_builder(&self) -> ManagementClientBuilder<DynTransport> {
        ManagementClient::builder(self.pool.user_pool_id.clone(), self.pool.secret.clone())
            .host(self.pool.host.clone())
            .enc_public_key(self.pool.public_key_pem.clone())
            .transport(Arc::clone(&self.transport))
    }

    /// A management client for the default pool.
    pub fn management(&self) -> ManagementClient<DynTransport> {
        self.management_builder()
            .build()
            .expect("management client builds")
    }

    /// An authentication client builder for the default app.
    pub fn authentication_builder(&self) -> AuthenticationClientBuilder<DynTransport> {
        AuthenticationClient::builder()
            .app_id(self.pool.app_id.clone())
            .app_host(self.pool.app_host.clone())
            .enc_public_key(self.pool.public_key_pem.clone())
            .transport(Arc::clone(&self.transport))
    }

    /// An authentication client for the default app.
    pub fn authentication(&self) -> AuthenticationClient<DynTransport> {
        self.authentication_builder()
            .build()
            .expect("authentication client builds")
    }
}

/// Writes one `#[tokio::test]` per door for an `async fn scenario(env: Env)`.
#[macro_export]
macro_rules! each_transport {
    ($($scenario:ident),+ $(,)?) => {
        $(
            mod $scenario {
                use super::*;

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn in_process() {
                    $scenario($crate::Env::new($crate::Door::InProcess).await).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn reqwest() {
                    $scenario($crate::Env::new($crate::Door::Reqwest).await).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn hyper() {
                    $scenario($crate::Env::new($crate::Door::Hyper).await).await;
                }
            }
        )+
    };
}
