//! Authing's REST envelope `{code, message, data}`.

use bytes::Bytes;
use http::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{Error, ResponseBody};
use crate::graphql::{decode_error, unusable};
use crate::response_headers::ResponseHeaders;

/// Decodes a REST answer: `data` when `code` is 200, [`Error::Api`] for any other code,
/// [`Error::Http`] for a non-2xx answer that is no envelope, [`Error::Decode`] for a 2xx
/// answer that is no envelope or whose `data` does not match `R`.
///
/// ```
/// use authing_core::{Error, rest::decode_envelope};
/// use bytes::Bytes;
/// use http::StatusCode;
///
/// let ok: String = decode_envelope(StatusCode::OK, Bytes::from_static(br#"{"code":200,"message":"","data":"hi"}"#)).unwrap();
/// assert_eq!(ok, "hi");
///
/// let no = decode_envelope::<String>(StatusCode::OK, Bytes::from_static(br#"{"code":2020,"message":"not logged in"}"#));
/// assert_eq!(no.unwrap_err().code(), Some(2020));
/// ```
pub fn decode_envelope<R: DeserializeOwned>(status: StatusCode, body: Bytes) -> Result<R, Error> {
    let Ok(json) = serde_json::from_slice::<Value>(&body) else {
        return Err(unusable(status, body, "the body is not JSON"));
    };
    if let Some(error) = envelope_error(&json, status) {
        return Err(error);
    }
    let is_envelope = json.get("code").and_then(Value::as_i64) == Some(200);
    if !is_envelope {
        return Err(if status.is_success() {
            decode_error(
                status,
                body,
                "the answer is not an Authing `{code, message, data}` envelope",
            )
        } else {
            Error::Http {
                status,
                body: ResponseBody::new(body),
                headers: ResponseHeaders::default(),
            }
        });
    }
    let data = json.get("data").cloned().unwrap_or(Value::Null);
    serde_json::from_value(data).map_err(|e| {
        let reason = crate::decode_reason::describe(&e);
        decode_error(status, body, format!("`data` does not match: {reason}"))
    })
}

/// An [`Error::Api`] when `json` is an envelope whose `code` is not 200.
pub(crate) fn envelope_error(json: &Value, status: StatusCode) -> Option<Error> {
    let code = json.get("code")?.as_i64()?;
    let message = json.get("message")?.as_str()?;
    (code != 200).then(|| Error::Api {
        code,
        message: message.to_owned(),
        data: json.get("data").filter(|d| !d.is_null()).cloned(),
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(status: u16, body: &'static str) -> Result<Value, Error> {
        decode_envelope(
            StatusCode::from_u16(status).expect("status"),
            Bytes::from_static(body.as_bytes()),
        )
    }

    #[test]
    fn envelope_errors_keep_code_message_and_data() {
        let error = decode(
            400,
            r#"{"code":2004,"message":"User not found","data":{"id":"x"}}"#,
        )
        .expect_err("api");
        assert!(
            matches!(&error, Error::Api { code: 2004, message, data: Some(_), status } if message == "User not found" && status.as_u16() == 400),
            "{error:?}"
        );
    }

    #[test]
    fn decode_errors_never_quote_values_of_the_answer() {
        let token = "eyJhbGciOiJSUzI1NiJ9.payload-of-a-token.sig";
        let body = format!(r#"{{"code":200,"message":"","data":{{"count":"{token}"}}}}"#);
        let error = decode_envelope::<std::collections::HashMap<String, u32>>(
            StatusCode::OK,
            Bytes::from(body),
        )
        .expect_err("a string is no u32");
        let (display, debug) = (error.to_string(), format!("{error:?}"));
        for printed in [&display, &debug] {
            assert!(!printed.contains("payload-of-a-token"), "{printed}");
        }
        assert!(
            display.contains("`data` does not match: invalid type: string, expected u32"),
            "{display}"
        );
    }

    #[test]
    fn non_envelopes() {
        assert!(matches!(decode(502, "<html>"), Err(Error::Http { .. })));
        assert!(matches!(
            decode(404, r#"{"error":"nope"}"#),
            Err(Error::Http { .. })
        ));
        assert!(matches!(
            decode(200, r#"{"error":"nope"}"#),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            decode(200, r#"{"code":200,"mess"#),
            Err(Error::Decode { .. })
        ));
    }
}
