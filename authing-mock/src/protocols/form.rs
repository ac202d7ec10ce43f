//! The `application/x-www-form-urlencoded` pairs the protocol endpoints read: from a body
//! (the login forms, the token endpoint) or from a query string.

use axum::body::{Body, to_bytes};
use url::form_urlencoded;

/// A form's fields in the order sent (a name may repeat).
pub(super) type Pairs = Vec<(String, String)>;

/// The first value of field `name`.
pub(super) fn field<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// The fields of a form body of at most `limit` bytes; `None` when it is larger (nothing
/// more is read).
pub(super) async fn read(body: Body, limit: usize) -> Option<Pairs> {
    let bytes = to_bytes(body, limit).await.ok()?;
    Some(form_urlencoded::parse(&bytes).into_owned().collect())
}

/// The fields of a query string (none without one).
pub(super) fn of_query(query: Option<&str>) -> Pairs {
    form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn reads_forms_and_queries_within_the_limit() {
        let pairs = read(Body::from("a=1&b=x%20y&a=2"), 64).await.expect("fits");
        assert_eq!(field(&pairs, "a"), Some("1"), "the first value");
        assert_eq!(field(&pairs, "b"), Some("x y"));
        assert_eq!(field(&pairs, "c"), None);
        assert!(read(Body::from("a=".repeat(40)), 64).await.is_none());
        assert_eq!(
            of_query(Some("RelayState=%2Fhome")),
            [("RelayState".to_owned(), "/home".to_owned())]
        );
        assert!(of_query(None).is_empty());
    }
}
