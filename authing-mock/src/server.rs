//! [`MockServer`]: the fake on a real socket.
//!
//! HTTP/1.1 through hyper, with limits a fake left running on a shared machine needs: a
//! connection that has not sent a whole request head within the header-read timeout (10 s
//! by default) is closed, which also ends keep-alive connections left idle that long, and at
//! most [`DEFAULT_MAX_CONNECTIONS`] connections are open at once (one more is closed at
//! once).

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::{TcpListener, ToSocketAddrs};
use tokio::sync::{Semaphore, oneshot};
use tokio::task::JoinHandle;
use tower::ServiceExt as _;

use crate::error::MockError;
use crate::limits::ServeLimits;
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
        let limits = mock.inner.serve_limits;
        let router = mock.router();
        let task = tokio::spawn(accept_loop(listener, router, limits, stopped));
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

/// Accepts connections until `stopped`, then lets open ones finish their request.
async fn accept_loop(
    listener: TcpListener,
    router: axum::Router,
    limits: ServeLimits,
    mut stopped: oneshot::Receiver<()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .keep_alive(true);
    loop {
        let (stream, peer) = tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors or a connection reset before accept: wait a
                    // little rather than spin.
                    tracing::debug!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            tracing::debug!(%peer, "too many connections; closing a new one");
            drop(stream);
            continue;
        };
        // Small answers go out at once, not after Nagle's delay.
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut request: http::Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(request.map(axum::body::Body::new))
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, %peer, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
}
