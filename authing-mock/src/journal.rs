//! The request journal: a ring of the last requests the fake answered.
//!
//! It is bounded twice, so a long-running fake stays small: it keeps the last
//! [`DEFAULT_CAPACITY`] requests (settable), and each body as an owned copy of at most
//! [`MAX_RECORDED_BODY`] bytes (a slice of the request would pin the whole read buffer it
//! came in). Reading it never copies the whole ring at once: the control endpoint streams it
//! a few entries at a time, and the counting helpers look at it under the lock.

use std::collections::VecDeque;

use bytes::Bytes;

use crate::record::RecordedRequest;

/// How many requests the journal keeps unless told otherwise.
pub(crate) const DEFAULT_CAPACITY: usize = 1000;

/// The most bytes of a request body the journal keeps; longer bodies are cut and flagged
/// ([`RecordedRequest::body_truncated`]).
pub(crate) const MAX_RECORDED_BODY: usize = 32 << 10;

/// An owned copy of at most [`MAX_RECORDED_BODY`] bytes of `body`, and whether it was cut.
pub(crate) fn recorded_body(body: &[u8]) -> (Bytes, bool) {
    match body.get(..MAX_RECORDED_BODY) {
        Some(kept) if body.len() > MAX_RECORDED_BODY => (Bytes::copy_from_slice(kept), true),
        _ => (Bytes::copy_from_slice(body), false),
    }
}

/// The last `capacity` requests, oldest first.
#[derive(Debug)]
pub(crate) struct Journal {
    entries: VecDeque<RecordedRequest>,
    capacity: usize,
    /// The sequence number of `entries[0]`: every request recorded gets the next number, so
    /// a reader can resume where it stopped while the ring moves on.
    first_seq: u64,
}

impl Journal {
    /// An empty journal keeping at most `capacity` requests (0 keeps none).
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            entries: VecDeque::with_capacity(capacity.min(DEFAULT_CAPACITY)),
            capacity,
            first_seq: 0,
        }
    }

    /// Appends `request`, forgetting the oldest one when full.
    pub(crate) fn push(&mut self, request: RecordedRequest) {
        if self.capacity == 0 {
            self.first_seq = self.first_seq.wrapping_add(1);
            return;
        }
        if self.entries.len() >= self.capacity {
            self.entries.pop_front();
            self.first_seq = self.first_seq.wrapping_add(1);
        }
        self.entries.push_back(request);
    }

    /// Forgets every request.
    pub(crate) fn clear(&mut self) {
        let kept = u64::try_from(self.entries.len()).unwrap_or(u64::MAX);
        self.first_seq = self.first_seq.wrapping_add(kept);
        self.entries.clear();
    }

    /// The requests kept, oldest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &RecordedRequest> {
        self.entries.iter()
    }

    /// How many requests it holds.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The sequence number the entry at `offset` (from the oldest kept) has.
    pub(crate) fn seq_at(&self, offset: usize) -> u64 {
        let offset = u64::try_from(offset.min(self.entries.len())).unwrap_or(u64::MAX);
        self.first_seq.saturating_add(offset)
    }

    /// Up to `max` entries with sequence numbers from `from` (skipping any the ring forgot)
    /// up to `until` (excluded), and the sequence number after the last one returned.
    pub(crate) fn chunk(&self, from: u64, until: u64, max: usize) -> (Vec<RecordedRequest>, u64) {
        let start = from.max(self.first_seq);
        let skip = usize::try_from(start - self.first_seq).unwrap_or(usize::MAX);
        let wanted = usize::try_from(until.saturating_sub(start)).unwrap_or(usize::MAX);
        let chunk: Vec<RecordedRequest> = self
            .entries
            .iter()
            .skip(skip)
            .take(max.min(wanted))
            .cloned()
            .collect();
        let next = start.saturating_add(u64::try_from(chunk.len()).unwrap_or(u64::MAX));
        (chunk, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(n: usize) -> RecordedRequest {
        RecordedRequest::for_test(&format!("/r/{n}"), b"body")
    }

    #[test]
    fn keeps_the_last_capacity_requests() {
        let mut journal = Journal::new(3);
        for n in 0..5 {
            journal.push(request(n));
        }
        let paths: Vec<&str> = journal.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["/r/2", "/r/3", "/r/4"]);
        assert_eq!(journal.seq_at(0), 2);
        let (chunk, next) = journal.chunk(0, u64::MAX, 2);
        assert_eq!(chunk.len(), 2);
        assert_eq!(chunk[0].path, "/r/2");
        assert_eq!(next, 4);
        journal.push(request(5));
        // The reader resumes after what it saw, though the ring moved.
        let (chunk, next) = journal.chunk(next, u64::MAX, 10);
        let paths: Vec<&str> = chunk.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["/r/4", "/r/5"]);
        assert_eq!(next, 6);
        journal.clear();
        assert_eq!(journal.len(), 0);
        assert_eq!(journal.chunk(next, u64::MAX, 10).0.len(), 0);
        journal.push(request(6));
        journal.push(request(7));
        let (chunk, _) = journal.chunk(0, journal.seq_at(1), 10);
        assert_eq!(chunk.len(), 1);
        assert_eq!(chunk[0].path, "/r/6");

        let mut none = Journal::new(0);
        none.push(request(0));
        assert_eq!(none.len(), 0);
    }

    #[test]
    fn bodies_are_owned_and_capped() {
        let (body, cut) = recorded_body(b"short");
        assert_eq!((&body[..], cut), (&b"short"[..], false));
        let long = vec![b'x'; MAX_RECORDED_BODY + 10];
        let (body, cut) = recorded_body(&long);
        assert_eq!(body.len(), MAX_RECORDED_BODY);
        assert!(cut);
        let exact = vec![b'x'; MAX_RECORDED_BODY];
        assert!(!recorded_body(&exact).1);
    }
}
