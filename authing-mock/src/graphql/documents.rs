//! GraphQL documents, parsed once: the bounded check before parsing, the parse, and a small
//! cache of parsed documents by their text.
//!
//! Clients send the same few documents over and over (an SDK has one per operation), and
//! parsing the `User` fragment's ~60 fields costs more than answering the query. So each
//! document text is checked ([`crate::limits::scan`]) and parsed once; later requests with the
//! same text take a copy of the parsed document, along with its operations' root fields for
//! the journal and the faults.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, Selection, SelectionSet,
};

use crate::limits::{self, LimitExceeded};

/// How many parsed documents the cache keeps.
const CACHE_ENTRIES: usize = 256;

/// The longest document text the cache keeps (longer ones are parsed every time). The SDKs'
/// documents and the introspection query are a few KB; the bound keeps the cache (texts and
/// their parsed forms, roughly ten times as large) at a few tens of MB however many
/// distinct documents clients send.
const CACHED_TEXT_BYTES: usize = 8 << 10;

/// A parsed document and what the journal needs to know of it.
#[derive(Debug)]
pub(crate) struct Document {
    /// The parsed document.
    pub(crate) parsed: ExecutableDocument,
    /// Each operation's name (`None` for the single anonymous one) and root fields.
    operations: Vec<(Option<String>, Vec<String>)>,
    /// Whether the document passed the schema's full validation once.
    validated: AtomicBool,
}

impl Document {
    fn new(parsed: ExecutableDocument) -> Self {
        let operations = match &parsed.operations {
            DocumentOperations::Single(operation) => {
                vec![(
                    None,
                    root_fields(&parsed, &operation.node.selection_set.node),
                )]
            }
            DocumentOperations::Multiple(operations) => operations
                .iter()
                .map(|(name, operation)| {
                    (
                        Some(name.to_string()),
                        root_fields(&parsed, &operation.node.selection_set.node),
                    )
                })
                .collect(),
        };
        Self {
            parsed,
            operations,
            validated: AtomicBool::new(false),
        }
    }

    /// Whether the document passed the schema's full validation once.
    pub(crate) fn validated(&self) -> bool {
        self.validated.load(Ordering::Relaxed)
    }

    /// Records that the document passed the schema's full validation.
    pub(crate) fn mark_validated(&self) {
        self.validated.store(true, Ordering::Relaxed);
    }

    /// The name and root fields of the operation a request with `asked` as its
    /// `operationName` runs: the named one, else the only one. `None` when that is ambiguous
    /// or names no operation.
    pub(crate) fn operation(&self, asked: Option<&str>) -> Option<(Option<&str>, &[String])> {
        let chosen = match asked {
            Some(asked)
                if self.operations.len() > 1
                    || self
                        .operations
                        .first()
                        .is_some_and(|(name, _)| name.is_some()) =>
            {
                self.operations
                    .iter()
                    .find(|(name, _)| name.as_deref() == Some(asked))
            }
            _ if self.operations.len() == 1 => self.operations.first(),
            _ => None,
        };
        chosen.map(|(name, fields)| (name.as_deref(), fields.as_slice()))
    }
}

/// The root fields an operation selects (names, not aliases), through fragments.
fn root_fields(document: &ExecutableDocument, selection_set: &SelectionSet) -> Vec<String> {
    let mut out = Vec::new();
    collect_fields(document, selection_set, &mut out, 0);
    out
}

fn collect_fields(
    document: &ExecutableDocument,
    selection_set: &SelectionSet,
    out: &mut Vec<String>,
    depth: usize,
) {
    // Fragments may not form cycles in a valid document; bound the recursion anyway.
    if depth > 16 {
        return;
    }
    for item in &selection_set.items {
        match &item.node {
            Selection::Field(field) => {
                let name = field.node.name.node.as_str();
                if !out.iter().any(|known| known == name) {
                    out.push(name.to_owned());
                }
            }
            Selection::InlineFragment(fragment) => {
                collect_fields(document, &fragment.node.selection_set.node, out, depth + 1);
            }
            Selection::FragmentSpread(spread) => {
                if let Some(fragment) = document.fragments.get(&spread.node.fragment_name.node) {
                    collect_fields(document, &fragment.node.selection_set.node, out, depth + 1);
                }
            }
        }
    }
}

/// Why a document was not parsed.
#[derive(Debug)]
pub(crate) enum DocumentError {
    /// It broke a limit; it was not parsed at all.
    Limit(LimitExceeded),
    /// It does not parse.
    Syntax,
}

/// The cache: document text → parsed document, least recently used evicted first.
#[derive(Default)]
struct Cache {
    entries: HashMap<Arc<str>, (Arc<Document>, u64)>,
    clock: u64,
}

impl Cache {
    fn get(&mut self, text: &str) -> Option<Arc<Document>> {
        self.clock = self.clock.wrapping_add(1);
        let now = self.clock;
        self.entries.get_mut(text).map(|(document, used)| {
            *used = now;
            Arc::clone(document)
        })
    }

    fn insert(&mut self, text: &str, document: Arc<Document>) {
        if self.entries.len() >= CACHE_ENTRIES
            && let Some(oldest) = self
                .entries
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(text, _)| Arc::clone(text))
        {
            self.entries.remove(&oldest);
        }
        self.entries.insert(Arc::from(text), (document, self.clock));
    }
}

static CACHE: LazyLock<Mutex<Cache>> = LazyLock::new(Mutex::default);

fn cache() -> std::sync::MutexGuard<'static, Cache> {
    CACHE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Checks `text` against the limits, then parses it (or takes it from the cache).
pub(crate) fn parse(text: &str) -> Result<Arc<Document>, DocumentError> {
    if let Some(document) = cache().get(text) {
        return Ok(document);
    }
    limits::scan(text).map_err(DocumentError::Limit)?;
    let parsed = async_graphql::parser::parse_query(text).map_err(|_| DocumentError::Syntax)?;
    let document = Arc::new(Document::new(parsed));
    if text.len() <= CACHED_TEXT_BYTES {
        cache().insert(text, Arc::clone(&document));
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_operation_and_its_root_fields() {
        let document = parse(
            "query getUsers($p: Int) { a: users(page: $p) { totalCount } ...F } \
             fragment F on Query { accessToken(userPoolId: \"x\", secret: \"y\") { exp } }",
        )
        .expect("parses");
        let (name, fields) = document.operation(None).expect("one operation");
        assert_eq!(name, Some("getUsers"));
        assert_eq!(fields, ["users", "accessToken"]);
        assert!(document.operation(Some("other")).is_none());

        let document =
            parse("query A { user { id } } mutation B { deleteUser(id: \"1\") { code } }")
                .expect("parses");
        assert!(document.operation(None).is_none());
        let (name, fields) = document.operation(Some("B")).expect("B");
        assert_eq!((name, fields), (Some("B"), &["deleteUser".to_owned()][..]));

        let document = parse("{ isUserExists }").expect("parses");
        assert_eq!(
            document.operation(Some("Whatever")).map(|(n, _)| n),
            Some(None)
        );
    }

    #[test]
    fn caches_by_text_and_stays_bounded() {
        let first = parse("{ cachedOnce }").expect("parses");
        let second = parse("{ cachedOnce }").expect("parses");
        assert!(Arc::ptr_eq(&first, &second));
        for n in 0..CACHE_ENTRIES + 10 {
            parse(&format!("{{ field{n} }}")).expect("parses");
        }
        assert!(cache().entries.len() <= CACHE_ENTRIES);
    }

    #[test]
    fn refuses_before_parsing() {
        let deep = format!("{{ f(a: {}1{}) }}", "[".repeat(5000), "]".repeat(5000));
        assert!(matches!(
            parse(&deep),
            Err(DocumentError::Limit(LimitExceeded::Nesting))
        ));
        assert!(matches!(parse("{ f("), Err(DocumentError::Syntax)));
    }
}
