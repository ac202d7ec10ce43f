//! What the client reads from a token locally.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

/// The user id a user token (a JWT) was issued for: its payload's `sub`, else `data.id`.
///
/// The token is decoded locally and **not verified**: this only tells the client which user
/// it acts for, the server checks the token on every call. `None` when the token is no JWT.
pub(crate) fn user_id_from_token(token: &str) -> Option<String> {
    let mut parts = token.split('.');
    let (_header, payload) = (parts.next()?, parts.next()?);
    parts.next()?;
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    let claims: Value = serde_json::from_slice(&bytes).ok()?;
    let id = claims
        .get("sub")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .or_else(|| {
            claims
                .pointer("/data/id")
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
        })?;
    Some(id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn jwt(payload: &Value) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        let payload = URL_SAFE_NO_PAD.encode(payload.to_string());
        format!("{header}.{payload}.c2lnbmF0dXJl")
    }

    #[test]
    fn reads_sub_or_data_id_without_verifying() {
        assert_eq!(
            user_id_from_token(&jwt(&json!({"sub": "u1", "data": {"id": "u2"}}))).as_deref(),
            Some("u1")
        );
        assert_eq!(
            user_id_from_token(&jwt(&json!({"data": {"id": "u2"}}))).as_deref(),
            Some("u2")
        );
        assert_eq!(user_id_from_token(&jwt(&json!({"sub": ""}))), None);
        assert_eq!(user_id_from_token("not-a-jwt"), None);
        assert_eq!(user_id_from_token("a.b"), None);
        assert_eq!(user_id_from_token("a.%%%.c"), None);
        assert_eq!(user_id_from_token("a.bm90IGpzb24.c"), None);
    }
}
