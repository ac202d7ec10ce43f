//! Authing's REST envelope `{code, message, data}`.

use bytes::Bytes;
use http::StatusCode;
use http::response::Parts;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::answer::{api_error, decode_error, http_error, unusable, wire_code};
use crate::error::Error;

/// Decodes a REST answer from its status and body; see [`decode_answer`], for an answer
/// without headers.
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
    let mut response = http::Response::new(());
    *response.status_mut() = status;
    let (parts, ()) = response.into_parts();
    decode_answer(&parts, body)
}

/// Decodes a REST answer (status, headers, body): `data` when `code` is 200 and the status is
/// 2xx, straight from the body into `R`; [`Error::Api`] for any other code (a code sent as a
/// string of digits, `"2004"`, is kept); [`Error::Http`] for a non-2xx answer, even one whose
/// envelope says 200, and for a non-2xx answer that is no envelope; [`Error::Decode`] for a
/// 2xx answer that is no envelope, whose `data` does not match `R`, or whose code is neither
/// a number nor a string of digits.
pub fn decode_answer<R: DeserializeOwned>(parts: &Parts, body: Bytes) -> Result<R, Error> {
    if parts.status.is_success()
        && let Ok(Fast {
            code: Some(200),
            data,
        }) = serde_json::from_slice::<Fast<R>>(&body)
    {
        // Absent or null `data` is the type's null, if it has one.
        match data {
            Some(data) => return Ok(data),
            None => {
                if let Ok(data) = serde_json::from_slice(b"null") {
                    return Ok(data);
                }
            }
        }
    }
    decode_slowly(parts, body)
}

/// The envelope of a plain success, decoded in one pass.
#[derive(Deserialize)]
struct Fast<R> {
    code: Option<i64>,
    data: Option<R>,
}

/// What an answer that is not a plain success means, read through a `Value`.
fn decode_slowly<R: DeserializeOwned>(parts: &Parts, body: Bytes) -> Result<R, Error> {
    let Ok(json) = serde_json::from_slice::<Value>(&body) else {
        return Err(unusable(parts, body, "the body is not JSON"));
    };
    if let Some(error) = envelope_error(&json, parts, &body) {
        return Err(error);
    }
    let is_envelope = json.get("code").and_then(wire_code) == Some(200);
    if !is_envelope || !parts.status.is_success() {
        return Err(if parts.status.is_success() {
            decode_error(
                parts,
                body,
                "the answer is not an Authing `{code, message, data}` envelope",
            )
        } else {
            http_error(parts, body)
        });
    }
    let data = json.get("data").unwrap_or(&Value::Null);
    R::deserialize(data).map_err(|e| {
        let reason = crate::decode_reason::describe(&e);
        decode_error(
            parts,
            body.clone(),
            format!("`data` does not match: {reason}"),
        )
    })
}

/// The error an envelope `{code, message, ...}` carries: [`Error::Api`] for a code other
/// than 200, [`Error::Decode`] for a code that is neither a number nor a string of digits;
/// `None` for no envelope, or one that says 200.
pub(crate) fn envelope_error(json: &Value, parts: &Parts, body: &Bytes) -> Option<Error> {
    let object = json.as_object()?;
    let code = object.get("code")?;
    object.get("message")?.as_str()?;
    match wire_code(code) {
        Some(200) => None,
        Some(_) => Some(api_error(object, parts, body)),
        None => Some(decode_error(
            parts,
            body.clone(),
            "the envelope's code is neither a number nor a string of digits",
        )),
    }
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

    #[test]
    fn a_non_2xx_status_is_never_ok_whatever_the_envelope_says() {
        let error =
            decode(500, r#"{"code":200,"message":"","data":{"id":"u1"}}"#).expect_err("not ok");
        assert!(
            matches!(&error, Error::Http { status, .. } if status.as_u16() == 500),
            "{error:?}"
        );
    }

    #[test]
    fn codes_sent_as_digits_are_kept() {
        let error = decode(200, r#"{"code":"2004","message":"User not found"}"#).expect_err("api");
        assert!(error.is(crate::codes::USER_NOT_FOUND), "{error:?}");
        let ok = decode(200, r#"{"code":"200","message":"","data":1}"#);
        assert_eq!(ok.expect("200 as digits is success"), serde_json::json!(1));
    }

    #[test]
    fn codes_that_are_no_numbers_are_decode_errors_keeping_the_body() {
        for (status, body) in [
            (200, r#"{"code":"oops","message":"x"}"#),
            (400, r#"{"code":{"n":1},"message":"x"}"#),
        ] {
            let error = decode(status, body).expect_err("error");
            match &error {
                Error::Decode { body: kept, .. } => assert_eq!(kept.len(), body.len()),
                other => panic!("{body}: expected Decode, got {other:?}"),
            }
        }
    }

    #[test]
    fn plain_successes_decode_straight_into_the_type() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        struct U {
            id: String,
        }
        let user: U = decode_envelope(
            StatusCode::OK,
            Bytes::from_static(br#"{"code":200,"message":"","data":{"id":"u1"}}"#),
        )
        .expect("ok");
        assert_eq!(user, U { id: "u1".into() });
        let none: Option<U> = decode_envelope(
            StatusCode::OK,
            Bytes::from_static(br#"{"code":200,"message":""}"#),
        )
        .expect("absent data is null");
        assert_eq!(none, None);
        let wrong = decode_envelope::<U>(
            StatusCode::OK,
            Bytes::from_static(br#"{"code":200,"data":{"id":5}}"#),
        );
        assert!(matches!(wrong, Err(Error::Decode { .. })), "{wrong:?}");
    }
}
