//! [`InProcessTransport`]: the fake's router as an [`authing_core::Transport`], no socket.

use std::fmt;

use async_trait::async_trait;
use authing_core::{Transport, TransportError};
use axum::body::{Body, to_bytes};
use bytes::Bytes;
use http::HeaderValue;
use http::header::HOST;
use tower::ServiceExt as _;

use crate::admin::InProcess;

/// A [`Transport`] that hands each request straight to the fake's axum router (a tower
/// `oneshot` call): no socket, no network, no TLS. The scheme and host of the request URI
/// are ignored, so any host works; the host still becomes the issuer of user tokens.
///
/// Get one from [`MockAuthing::transport`](crate::MockAuthing::transport); clones share
/// the fake's state.
#[derive(Clone)]
pub struct InProcessTransport {
    router: axum::Router,
}

impl InProcessTransport {
    pub(crate) fn new(router: axum::Router) -> Self {
        Self { router }
    }
}

impl fmt::Debug for InProcessTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("InProcessTransport")
    }
}

#[async_trait]
impl Transport for InProcessTransport {
    async fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        let (mut parts, body) = request.into_parts();
        if !parts.headers.contains_key(HOST)
            && let Some(host) = parts
                .uri
                .authority()
                .and_then(|authority| HeaderValue::from_str(authority.as_str()).ok())
        {
            parts.headers.insert(HOST, host);
        }
        parts.extensions.insert(InProcess);
        let request = http::Request::from_parts(parts, Body::from(body));
        let response = match self.router.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
        let (parts, body) = response.into_parts();
        let body = to_bytes(body, usize::MAX)
            .await
            .map_err(TransportError::io)?;
        Ok(http::Response::from_parts(parts, body))
    }
}
