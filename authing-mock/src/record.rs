//! [`RecordedRequest`]: what the fake remembers of each request it saw.

use std::fmt;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// One request the fake answered (the test-only `/__authing_mock/` endpoints are not
/// recorded).
///
/// Its `Debug` shows no secrets: the body (which may hold a pool secret or a token) is only
/// reachable through [`body`](Self::body) / [`body_text`](Self::body_text), no header value
/// is kept but the app, pool and language ones, and query-string values whose names look
/// secret (`token`, `secret`, `password`, `code`, `ticket`) read `[redacted]`.
#[non_exhaustive]
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedRequest {
    /// The HTTP method, e.g. `POST`.
    pub method: String,
    /// The path, e.g. `/graphql/v2`.
    pub path: String,
    /// The query string, if any (secret-looking values redacted).
    pub query: Option<String>,
    /// The GraphQL operation name: the body's `operationName`, else the name of the
    /// document's only operation.
    pub operation_name: Option<String>,
    /// The root fields the GraphQL operation selects (names, not aliases), e.g.
    /// `["accessToken"]`; empty for REST requests and unparseable documents.
    pub graphql_fields: Vec<String>,
    /// The HTTP status of the answer.
    pub status: u16,
    /// Whether the request carried an `Authorization` header.
    pub authorized: bool,
    /// The `x-authing-app-id` header.
    pub app_id: Option<String>,
    /// The `x-authing-userpool-id` header.
    pub user_pool_id: Option<String>,
    /// The `x-authing-lang` header.
    pub lang: Option<String>,
    /// When the fake answered it, by the fake's clock (ISO-8601 in JSON).
    #[serde(serialize_with = "serialize_iso")]
    pub at: DateTime<Utc>,
    /// The raw request body (as text in JSON), an owned copy of at most its first 32 KiB.
    #[serde(serialize_with = "serialize_lossy")]
    pub(crate) body: Bytes,
    /// Whether the body was longer than the journal keeps, so [`body`](Self::body) holds only
    /// its beginning.
    pub body_truncated: bool,
}

impl RecordedRequest {
    /// The raw request body. It may hold secrets (the pool secret of an `accessToken`
    /// query, tokens): never log it.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The request body as text (invalid UTF-8 replaced). It may hold secrets: never log it.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

#[cfg(test)]
impl RecordedRequest {
    /// A recorded `POST path` with `body`, for unit tests.
    pub(crate) fn for_test(path: &str, body: &[u8]) -> Self {
        let (body, body_truncated) = crate::journal::recorded_body(body);
        Self {
            method: "POST".to_owned(),
            path: path.to_owned(),
            query: None,
            operation_name: None,
            graphql_fields: Vec::new(),
            status: 200,
            authorized: false,
            app_id: None,
            user_pool_id: None,
            lang: None,
            at: chrono::DateTime::UNIX_EPOCH,
            body,
            body_truncated,
        }
    }
}

impl fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordedRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("operation_name", &self.operation_name)
            .field("graphql_fields", &self.graphql_fields)
            .field("status", &self.status)
            .field("authorized", &self.authorized)
            .field("app_id", &self.app_id)
            .field("user_pool_id", &self.user_pool_id)
            .field("lang", &self.lang)
            .field("at", &self.at)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .field("body_truncated", &self.body_truncated)
            .finish()
    }
}

fn serialize_lossy<S: serde::Serializer>(body: &Bytes, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&String::from_utf8_lossy(body))
}

fn serialize_iso<S: serde::Serializer>(
    at: &DateTime<Utc>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&crate::clock::iso(*at))
}

/// The operation name and root fields of a GraphQL request body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct GraphqlSummary {
    pub(crate) operation_name: Option<String>,
    pub(crate) root_fields: Vec<String>,
}

/// The query string with secret-looking values replaced by `[redacted]`.
pub(crate) fn redact_query(query: &str) -> String {
    const SECRET_HINTS: [&str; 5] = ["token", "secret", "password", "code", "ticket"];
    query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _))
                if SECRET_HINTS
                    .iter()
                    .any(|hint| key.to_ascii_lowercase().contains(hint)) =>
            {
                format!("{key}=[redacted]")
            }
            _ => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_secret_looking_values() {
        assert_eq!(
            redact_query("app_id=1&access_token=abc&id_token=x&page=2"),
            "app_id=1&access_token=[redacted]&id_token=[redacted]&page=2"
        );
    }
}
