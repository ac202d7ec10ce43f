//! What GraphQL and REST decoding share: the errors an unusable answer becomes, and
//! Authing's error codes as they appear on the wire.

use bytes::Bytes;
use http::response::Parts;
use serde_json::Value;

use crate::error::{Error, ResponseBody};
use crate::response_headers::ResponseHeaders;

/// A non-2xx answer that is no Authing error, with the headers that matter to a caller.
pub(crate) fn http_error(parts: &Parts, body: Bytes) -> Error {
    Error::Http {
        status: parts.status,
        body: ResponseBody::new(body),
        headers: ResponseHeaders::from_headers(&parts.headers),
    }
}

/// An answer that cannot be used as it is: `Decode` for a 2xx, `Http` otherwise.
pub(crate) fn unusable(parts: &Parts, body: Bytes, reason: &str) -> Error {
    if parts.status.is_success() {
        decode_error(parts, body, reason)
    } else {
        http_error(parts, body)
    }
}

/// An answer that does not mean what Authing's answers mean; keeps the status and body.
pub(crate) fn decode_error(parts: &Parts, body: Bytes, reason: impl Into<String>) -> Error {
    Error::Decode {
        status: parts.status,
        body: ResponseBody::new(body),
        reason: reason.into(),
    }
}

/// Authing's error code on the wire: a number, or a string of digits (`"2004"`). `None` for
/// anything else, which is no code at all.
pub(crate) fn wire_code(value: &Value) -> Option<i64> {
    match value {
        Value::Number(number) => number.as_i64(),
        Value::String(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
            text.parse().ok()
        }
        _ => None,
    }
}

/// An [`Error::Api`] for an error object `{code, message, data}`, or a `Decode` error keeping
/// the body when its code is missing or neither a number nor a string of digits.
pub(crate) fn api_error(
    object: &serde_json::Map<String, Value>,
    parts: &Parts,
    body: &Bytes,
) -> Error {
    let Some(code) = object.get("code").and_then(wire_code) else {
        return decode_error(
            parts,
            body.clone(),
            "Authing's error carries no code that is a number or a string of digits",
        );
    };
    Error::Api {
        code,
        message: object
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        data: object.get("data").filter(|d| !d.is_null()).cloned(),
        status: parts.status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn codes_are_numbers_or_strings_of_digits() {
        assert_eq!(wire_code(&json!(2004)), Some(2004));
        assert_eq!(wire_code(&json!("2004")), Some(2004));
        assert_eq!(wire_code(&json!("")), None);
        assert_eq!(wire_code(&json!("E2004")), None);
        assert_eq!(wire_code(&json!("-1")), None);
        assert_eq!(wire_code(&json!(1.5)), None);
        assert_eq!(wire_code(&json!("99999999999999999999999")), None);
        assert_eq!(wire_code(&json!(true)), None);
    }
}
