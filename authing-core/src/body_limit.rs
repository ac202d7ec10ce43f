//! [`BodyCollector`]: reading an answer's body without reading past a size limit.

use bytes::{Bytes, BytesMut};

use crate::transport_error::TransportError;

/// The largest answer the shipped transports read by default: 32 MiB, far above any answer
/// Authing sends (a page of users is kilobytes), and small enough that a broken or hostile
/// server cannot exhaust the process's memory.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// At most this much is reserved up front on the strength of a `Content-Length`; beyond, the
/// buffer grows as bytes actually arrive (a server may declare more than it sends).
const MAX_PREALLOCATION: usize = 1024 * 1024;

/// Collects a response body chunk by chunk and refuses, with a
/// [`ResponseTooLarge`](crate::TransportErrorKind::ResponseTooLarge) error, to hold more than
/// its limit: a declared `Content-Length` above the limit is refused before any byte is read,
/// and a body without one (chunked) is refused as soon as the bytes received pass the limit.
///
/// A transport feeds it the body's chunks as they arrive and stops reading at the first error.
/// A body of one chunk is kept as it is, without a copy.
///
/// ```
/// use authing_core::{BodyCollector, TransportErrorKind};
/// use bytes::Bytes;
///
/// let mut body = BodyCollector::new(8, None)?;
/// body.push(Bytes::from_static(b"hello"))?;
/// let error = body.push(Bytes::from_static(b" world")).expect_err("11 bytes > 8");
/// assert_eq!(error.kind(), TransportErrorKind::ResponseTooLarge);
///
/// let error = BodyCollector::new(8, Some(11)).expect_err("declared too large");
/// assert_eq!(error.kind(), TransportErrorKind::ResponseTooLarge);
///
/// let mut body = BodyCollector::new(8, Some(5))?;
/// body.push(Bytes::from_static(b"hel"))?;
/// body.push(Bytes::from_static(b"lo"))?;
/// assert_eq!(body.finish(), "hello");
/// # Ok::<(), authing_core::TransportError>(())
/// ```
#[derive(Debug)]
pub struct BodyCollector {
    limit: usize,
    declared_length: Option<u64>,
    received: Received,
}

#[derive(Debug)]
enum Received {
    Nothing,
    One(Bytes),
    Many(BytesMut),
}

impl BodyCollector {
    /// A collector that holds at most `limit` bytes, for a body that declared
    /// `content_length` (its `Content-Length`, if it had one); a declared length above the
    /// limit is an error at once.
    pub fn new(limit: usize, content_length: Option<u64>) -> Result<Self, TransportError> {
        if let Some(length) = content_length
            && u64::try_from(limit).is_ok_and(|limit| length > limit)
        {
            return Err(TransportError::response_too_large(limit, Some(length)));
        }
        Ok(Self {
            limit,
            declared_length: content_length,
            received: Received::Nothing,
        })
    }

    /// How many bytes have been collected.
    pub fn len(&self) -> usize {
        match &self.received {
            Received::Nothing => 0,
            Received::One(bytes) => bytes.len(),
            Received::Many(bytes) => bytes.len(),
        }
    }

    /// Whether nothing has been collected yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds the next chunk; an error, keeping nothing more, when the body would pass the limit.
    pub fn push(&mut self, chunk: Bytes) -> Result<(), TransportError> {
        let total = self.len().checked_add(chunk.len());
        if total.is_none_or(|total| total > self.limit) {
            return Err(TransportError::response_too_large(self.limit, None));
        }
        if chunk.is_empty() {
            return Ok(());
        }
        self.received = match std::mem::replace(&mut self.received, Received::Nothing) {
            Received::Nothing => Received::One(chunk),
            Received::One(first) => {
                let declared = self
                    .declared_length
                    .and_then(|length| usize::try_from(length).ok())
                    .unwrap_or(0)
                    .min(MAX_PREALLOCATION);
                let mut all = BytesMut::with_capacity(declared.max(first.len() + chunk.len()));
                all.extend_from_slice(&first);
                all.extend_from_slice(&chunk);
                Received::Many(all)
            }
            Received::Many(mut all) => {
                all.extend_from_slice(&chunk);
                Received::Many(all)
            }
        };
        Ok(())
    }

    /// The whole body.
    pub fn finish(self) -> Bytes {
        match self.received {
            Received::Nothing => Bytes::new(),
            Received::One(bytes) => bytes,
            Received::Many(bytes) => bytes.freeze(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TransportErrorKind;

    #[test]
    fn a_body_exactly_at_the_limit_is_whole() {
        let mut body = BodyCollector::new(6, Some(6)).expect("within the limit");
        for chunk in ["ab", "", "cd", "ef"] {
            body.push(Bytes::from(chunk)).expect("within the limit");
        }
        assert_eq!(body.len(), 6);
        assert_eq!(body.finish(), "abcdef");
    }

    #[test]
    fn one_chunk_is_kept_without_a_copy() {
        let chunk = Bytes::from_static(b"only");
        let mut body = BodyCollector::new(10, None).expect("no length");
        body.push(chunk.clone()).expect("fits");
        assert_eq!(body.finish().as_ptr(), chunk.as_ptr());
    }

    #[test]
    fn one_byte_past_the_limit_is_too_large() {
        let mut body = BodyCollector::new(4, None).expect("no length");
        body.push(Bytes::from_static(b"abcd"))
            .expect("at the limit");
        let error = body.push(Bytes::from_static(b"e")).expect_err("past it");
        assert_eq!(error.kind(), TransportErrorKind::ResponseTooLarge);
        assert!(error.maybe_sent());
        assert!(error.to_string().contains("limit of 4 bytes"), "{error}");
        let error = BodyCollector::new(4, Some(u64::MAX)).expect_err("declared");
        assert!(error.to_string().contains("declared"), "{error}");
    }
}
