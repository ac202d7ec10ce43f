//! Bounds on the GraphQL documents the fake accepts, checked by a cheap byte scan before
//! anything parses them.
//!
//! The GraphQL parser and validator recurse once per nested list, object, argument list and
//! selection set: a 4 KB document of 2000 nested `[` overflows the stack and aborts the whole
//! process. [`scan`] walks the text once, without recursion, and refuses a document that is
//! too large, nests brackets too deep or uses too many aliases, so the recursive code only
//! ever sees documents of bounded depth. Query depth and complexity are bounded again, on the
//! parsed document, by the schema (see [`QUERY_DEPTH`] and [`QUERY_COMPLEXITY`]).

use std::fmt;
use std::time::Duration;

/// The largest GraphQL document (the `query` text) the fake parses, in bytes. Authing's
/// largest documents (the `User` fragment, the introspection query) are a few KB.
pub(crate) const MAX_DOCUMENT_BYTES: usize = 128 << 10;

/// The deepest nesting of `(`, `[` and `{` a document may have. Selection sets, argument
/// lists, list and object values all count; Authing's documents stay under 20.
pub(crate) const MAX_NESTING: usize = 64;

/// The most aliases (`alias: field`) a document may use.
pub(crate) const MAX_ALIASES: usize = 100;

/// The deepest selection set a query may select (the schema's `limit_depth`); the standard
/// introspection query needs 13.
pub(crate) const QUERY_DEPTH: usize = 32;

/// The most complex query the schema executes (`limit_complexity`: one per selected field,
/// through fragments); the SDK's users list selects ~70, the introspection query ~200.
pub(crate) const QUERY_COMPLEXITY: usize = 1_000;

/// How long a connection may take to send a request head (and may sit idle between
/// requests) unless the builder says otherwise.
pub(crate) const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// How many connections may be open at once unless the builder says otherwise.
pub(crate) const DEFAULT_MAX_CONNECTIONS: usize = 1024;

/// The HTTP door's limits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ServeLimits {
    pub(crate) header_read_timeout: Duration,
    pub(crate) max_connections: usize,
}

impl Default for ServeLimits {
    fn default() -> Self {
        Self {
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
        }
    }
}

/// Why a document was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LimitExceeded {
    /// The document is longer than [`MAX_DOCUMENT_BYTES`]; holds its length.
    Size(usize),
    /// Brackets nest deeper than [`MAX_NESTING`].
    Nesting,
    /// More than [`MAX_ALIASES`] aliases.
    Aliases,
}

impl fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Size(len) => write!(
                f,
                "the GraphQL document has {len} bytes, more than the {MAX_DOCUMENT_BYTES} allowed"
            ),
            Self::Nesting => write!(
                f,
                "the GraphQL document nests brackets more than {MAX_NESTING} deep"
            ),
            Self::Aliases => write!(
                f,
                "the GraphQL document uses more than {MAX_ALIASES} aliases"
            ),
        }
    }
}

/// Where the scanner is in the GraphQL text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lexical {
    Code,
    Comment,
    String,
    BlockString,
}

/// Checks `document` against the size, nesting and alias limits in one pass, skipping string
/// values, block strings and comments. Unbalanced or otherwise malformed text passes: the
/// parser reports it.
///
/// An alias is the only `:` a document has outside parentheses (arguments, variable
/// definitions, object values and default values all sit inside them), so counting those
/// colons counts aliases.
pub(crate) fn scan(document: &str) -> Result<(), LimitExceeded> {
    let bytes = document.as_bytes();
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(LimitExceeded::Size(bytes.len()));
    }
    let mut state = Lexical::Code;
    let mut nesting = 0usize;
    let mut parens = 0usize;
    let mut aliases = 0usize;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match state {
            Lexical::Code => match byte {
                b'#' => state = Lexical::Comment,
                b'"' if bytes.get(i..i + 3) == Some(b"\"\"\"") => {
                    state = Lexical::BlockString;
                    i += 2;
                }
                b'"' => state = Lexical::String,
                b'(' | b'[' | b'{' => {
                    nesting += 1;
                    if nesting > MAX_NESTING {
                        return Err(LimitExceeded::Nesting);
                    }
                    if byte == b'(' {
                        parens += 1;
                    }
                }
                b')' | b']' | b'}' => {
                    nesting = nesting.saturating_sub(1);
                    if byte == b')' {
                        parens = parens.saturating_sub(1);
                    }
                }
                b':' if parens == 0 => {
                    aliases += 1;
                    if aliases > MAX_ALIASES {
                        return Err(LimitExceeded::Aliases);
                    }
                }
                _ => {}
            },
            Lexical::Comment => {
                if byte == b'\n' || byte == b'\r' {
                    state = Lexical::Code;
                }
            }
            Lexical::String => match byte {
                b'\\' => i += 1,
                b'"' | b'\n' | b'\r' => state = Lexical::Code,
                _ => {}
            },
            Lexical::BlockString => {
                if bytes.get(i..i + 4) == Some(b"\\\"\"\"") {
                    i += 3;
                } else if bytes.get(i..i + 3) == Some(b"\"\"\"") {
                    state = Lexical::Code;
                    i += 2;
                }
            }
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!(
            "{{ isUserExists(username: {}\"x\"{}) }}",
            "[".repeat(depth),
            "]".repeat(depth)
        )
    }

    #[test]
    fn refuses_deep_nesting_of_any_bracket() {
        assert_eq!(scan(&nested(2000)), Err(LimitExceeded::Nesting));
        assert_eq!(scan(&nested(MAX_NESTING - 2)), Ok(()));
        let objects = format!("{{ f(a: {}1{}) }}", "{a: ".repeat(500), "}".repeat(500));
        assert_eq!(scan(&objects), Err(LimitExceeded::Nesting));
        let selections = format!("{}{}", "{ a ".repeat(100), "}".repeat(100));
        assert_eq!(scan(&selections), Err(LimitExceeded::Nesting));
        // Unbalanced closers never underflow.
        assert_eq!(scan("]]]] { a }"), Ok(()));
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let deep = "[".repeat(1000);
        assert_eq!(scan(&format!("{{ f(a: \"{deep}\") }}")), Ok(()));
        assert_eq!(scan(&format!("{{ f(a: \"\"\"{deep}\"\"\") }}")), Ok(()));
        assert_eq!(scan(&format!("# {deep}\n{{ f }}")), Ok(()));
        // An escaped quote does not end the string.
        assert_eq!(scan(&format!("{{ f(a: \"\\\"{deep}\") }}")), Ok(()));
        // An escaped triple quote does not end the block string.
        assert_eq!(
            scan(&format!("{{ f(a: \"\"\"\\\"\"\"{deep}\"\"\") }}")),
            Ok(())
        );
        // After the string, brackets count again.
        let after = format!("{{ f(a: \"x\") {}{} }}", "{".repeat(100), "}".repeat(100));
        assert_eq!(scan(&after), Err(LimitExceeded::Nesting));
    }

    #[test]
    fn counts_aliases_but_not_arguments() {
        let aliased: String = (0..=MAX_ALIASES).map(|i| format!("a{i}: users ")).collect();
        assert_eq!(
            scan(&format!("{{ {aliased} }}")),
            Err(LimitExceeded::Aliases)
        );
        let arguments: String = (0..500).map(|i| format!("a{i}: {i}, ")).collect();
        assert_eq!(
            scan(&format!("query Q($v: Int = 1) {{ f({arguments}) }}")),
            Ok(())
        );
        let few: String = (0..MAX_ALIASES).map(|i| format!("a{i}: users ")).collect();
        assert_eq!(scan(&format!("{{ {few} }}")), Ok(()));
    }

    #[test]
    fn refuses_huge_documents() {
        let huge = format!("{{ {} }}", "a ".repeat(MAX_DOCUMENT_BYTES));
        assert!(matches!(scan(&huge), Err(LimitExceeded::Size(_))));
        assert!(LimitExceeded::Size(1).to_string().contains("bytes"));
    }
}
