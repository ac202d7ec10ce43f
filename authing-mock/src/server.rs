//! [`MockServer`]: the fake on a real socket.

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::{TcpListener, ToSocketAddrs};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::error::MockError;
use crate::mock::MockAuthing;
use crate::pool::PoolCredentials;

/// How long [`MockServer::shutdown`] waits for open connections before cutting them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The fake served over HTTP; it shares the state of the [`MockAuthing`] it came from.
///
/// Stop it with [`shutdown`](Self::shutdown); dropping it stops it too (gracefully, in the
/// background).
pub struct MockServer {
    mock: MockAuthing,
    addr: SocketAddr,
    url: String,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl fmt::Debug for MockServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockServer")
            .field("url", &self.url)
            .finish()
    }
}

impl MockServer {
    pub(crate) async fn start(
        mock: MockAuthing,
        addr: impl ToSocketAddrs,
    ) -> Result<Self, MockError> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let url = format!("http://{addr}");
        let (stop, stopped) = oneshot::channel::<()>();
        let app = mock
            .router()
            .into_make_service_with_connect_info::<SocketAddr>();
        let task = tokio::spawn(async move {
            let served = axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await;
            if let Err(error) = served {
                tracing::warn!(%error, "the fake Authing server stopped with an error");
            }
        });
        tracing::debug!(%url, "fake Authing listening");
        Ok(Self {
            mock,
            addr,
            url,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// The base URL, `http://IP:PORT`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The socket address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The credentials of the default pool, with `host` and `app_host` set to
    /// [`url`](Self::url).
    pub fn pool(&self) -> PoolCredentials {
        self.mock.pool_with_host(&self.url)
    }

    /// Creates another pool; its credentials point at this server.
    pub fn create_pool(&self) -> PoolCredentials {
        self.mock.inner.create_pool(&self.url)
    }

    /// The fake behind the server.
    pub fn mock(&self) -> &MockAuthing {
        &self.mock
    }

    /// Stops accepting connections and waits (up to 5 s) for open ones to finish.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take()
            && tokio::time::timeout(SHUTDOWN_GRACE, &mut task)
                .await
                .is_err()
        {
            task.abort();
        }
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

// `serve` lives here, not in mock.rs, so that the handle does not import the server that
// holds it (no import cycle between the two files).
impl MockAuthing {
    /// Serves the fake over HTTP on `addr` (e.g. `"127.0.0.1:0"` for any free port), sharing
    /// this fake's state, until [`MockServer::shutdown`] or the server is dropped.
    pub async fn serve(&self, addr: impl ToSocketAddrs) -> Result<MockServer, MockError> {
        MockServer::start(self.clone(), addr).await
    }
}
