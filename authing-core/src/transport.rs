//! The [`Transport`] seam: how one HTTP request reaches Authing.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use async_trait::async_trait;
use bytes::Bytes;

use crate::transport_error::TransportError;

/// Sends one HTTP request and returns its response.
///
/// This is the only thing the SDK needs from an HTTP stack. Implementations exist for reqwest
/// (`authing-transport-reqwest`), hyper (`authing-transport-hyper`) and the in-process fake
/// Authing (`authing-mock`); embedding the SDK in another stack means implementing this one
/// method.
///
/// # Contract
///
/// Every implementation keeps these rules; the clients rely on them:
///
/// - **Every HTTP status is `Ok(response)`.** A `500` or a `502` from a proxy is a response,
///   not a transport error: the clients decide what it means (see [`crate::Error::Http`]).
///   `Err` is reserved for "no complete response": could not connect, timed out, TLS failed,
///   the connection broke mid-body.
/// - **Redirects are never followed.** Requests carry bearer tokens; following a redirect
///   could hand them to another host. A `3xx` comes back as a response.
/// - **The transport owns the connection**: TLS configuration, proxies, connection pooling,
///   and connect/read timeouts. The clients add no TLS or proxy logic of their own.
/// - The request's URI is absolute (`https://host/path?query`); its body is complete.
/// - The response body is read completely before returning, up to a limit on its size (the
///   shipped transports default to [`DEFAULT_MAX_RESPONSE_BYTES`](crate::DEFAULT_MAX_RESPONSE_BYTES));
///   a larger answer is a [`ResponseTooLarge`](crate::TransportErrorKind::ResponseTooLarge)
///   error, read no further ([`BodyCollector`](crate::BodyCollector) does the counting).
///
/// A transport is `'static` (it owns what it uses, or borrows it for `'static`): a management
/// client's token fetch runs on after the call that started it is cancelled, so the other
/// calls waiting for the token are not left to start fetches of their own.
///
/// The trait is dyn-compatible, and is implemented for `Arc<T>`, `Box<T>` and `&'static T`,
/// so `Arc<dyn Transport>` works wherever a transport is expected.
///
/// # Example
///
/// A transport that answers every request itself, as a test double might:
///
/// ```
/// use authing_core::{Transport, TransportError};
/// use bytes::Bytes;
///
/// #[derive(Debug)]
/// struct Teapot;
///
/// #[async_trait::async_trait]
/// impl Transport for Teapot {
///     async fn send(
///         &self,
///         _request: http::Request<Bytes>,
///     ) -> Result<http::Response<Bytes>, TransportError> {
///         Ok(http::Response::builder()
///             .status(418)
///             .body(Bytes::from_static(b"I'm a teapot"))
///             .expect("a static response is valid"))
///     }
/// }
/// ```
#[async_trait]
pub trait Transport: Send + Sync + fmt::Debug + 'static {
    /// Sends `request` and returns the complete response, whatever its status.
    async fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError>;
}

#[async_trait]
impl<T: Transport + ?Sized> Transport for Arc<T> {
    async fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        (**self).send(request).await
    }
}

#[async_trait]
impl<T: Transport + ?Sized> Transport for Box<T> {
    async fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        (**self).send(request).await
    }
}

#[async_trait]
impl<T: Transport + ?Sized> Transport for &'static T {
    async fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        (**self).send(request).await
    }
}

/// The future a [`FnTransport`] closure returns.
pub type TransportFuture =
    Pin<Box<dyn Future<Output = Result<http::Response<Bytes>, TransportError>> + Send>>;

/// A [`Transport`] made from a closure; build one with [`transport_fn`].
#[derive(Clone)]
pub struct FnTransport<F> {
    f: F,
}

impl<F> fmt::Debug for FnTransport<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FnTransport")
    }
}

/// Makes a [`Transport`] from a closure that maps a request to a response future.
///
/// Handy in tests that need one canned answer without a mock server:
///
/// ```
/// use authing_core::{Transport, transport_fn};
/// use bytes::Bytes;
///
/// # tokio_test();
/// # fn tokio_test() {
/// # let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// # rt.block_on(async {
/// let transport = transport_fn(|request: http::Request<Bytes>| async move {
///     assert_eq!(request.uri().path(), "/graphql/v2");
///     Ok(http::Response::new(Bytes::from_static(br#"{"data":{}}"#)))
/// });
/// let request = http::Request::post("https://core.authing.cn/graphql/v2")
///     .body(Bytes::new())
///     .unwrap();
/// let response = transport.send(request).await.unwrap();
/// assert_eq!(response.status(), 200);
/// # });
/// # }
/// ```
pub fn transport_fn<F, Fut>(f: F) -> FnTransport<F>
where
    F: Fn(http::Request<Bytes>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<http::Response<Bytes>, TransportError>> + Send + 'static,
{
    FnTransport { f }
}

#[async_trait]
impl<F, Fut> Transport for FnTransport<F>
where
    F: Fn(http::Request<Bytes>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<http::Response<Bytes>, TransportError>> + Send + 'static,
{
    async fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        (self.f)(request).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok_transport() -> impl Transport {
        transport_fn(|_req: http::Request<Bytes>| async {
            Ok(http::Response::new(Bytes::from_static(b"ok")))
        })
    }

    fn request() -> http::Request<Bytes> {
        http::Request::get("http://localhost/")
            .body(Bytes::new())
            .expect("static request")
    }

    #[tokio::test]
    async fn arc_dyn_box_and_ref_are_transports() {
        let dynamic: Arc<dyn Transport> = Arc::new(ok_transport());
        assert_eq!(dynamic.send(request()).await.expect("ok").body(), "ok");
        let boxed: Box<dyn Transport> = Box::new(ok_transport());
        assert_eq!(boxed.send(request()).await.expect("ok").body(), "ok");
        let by_ref: &'static _ = Box::leak(Box::new(ok_transport()));
        assert_eq!(by_ref.send(request()).await.expect("ok").body(), "ok");
    }

    #[test]
    fn transports_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Arc<dyn Transport>>();
    }
}
