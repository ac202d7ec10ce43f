//! Why an answer did not decode, told without quoting the answer.
//!
//! serde_json's messages quote the values they choke on (`invalid type: string "eyJ…",
//! expected i64`), and an answer's values can be tokens. [`describe`] keeps what helps a
//! reader — the category, the field names and types the SDK expected, the line and column —
//! and drops every value taken from the answer.

use serde_json::error::Category;

/// A description of `error` that quotes nothing from the decoded document.
///
/// ```text
/// invalid type: string "eyJhbGciOi…", expected i64 at line 1 column 57
///   -> invalid type: string, expected i64 at line 1 column 57
/// ```
pub(crate) fn describe(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = strip_position(&message);
    let mut reason = match error.classify() {
        // The parser's own messages ("expected value", "EOF while parsing a string", ...) are
        // fixed texts; none quotes the input.
        Category::Syntax | Category::Eof => message.to_owned(),
        Category::Data => describe_data(message),
        Category::Io => "the body could not be read".to_owned(),
    };
    if error.line() > 0 {
        reason.push_str(&format!(
            " at line {} column {}",
            error.line(),
            error.column()
        ));
    }
    reason
}

/// serde_json appends ` at line L column C`; [`describe`] adds its own.
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => &message[..at],
        _ => message,
    }
}

/// A data error (the JSON parsed, but not into the expected type), reduced to the shapes
/// serde's messages take. What it does not recognise (a custom message, which may say
/// anything) becomes its category alone.
fn describe_data(message: &str) -> String {
    // `invalid type: string "…", expected i64`, `invalid value: integer `7`, expected …`:
    // keep the kind of the unexpected value, drop the value itself.
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (unexpected, expected) = split_expected(rest);
            let kind = unexpected
                .split(['"', '`'])
                .next()
                .unwrap_or_default()
                .trim();
            return format!("{}: {kind}{}", prefix.trim_end_matches(": "), expected);
        }
    }
    // `unknown field `x`, expected …`, `unknown variant `x`, expected …`: the name comes from
    // the answer.
    for prefix in ["unknown field", "unknown variant"] {
        if message.starts_with(prefix) {
            let (_, expected) = split_expected(message);
            return format!("{prefix}{expected}");
        }
    }
    // Names the SDK's own types declare, and counts: nothing from the answer.
    for prefix in [
        "missing field `",
        "duplicate field `",
        "invalid length ",
        "data did not match any variant of untagged enum ",
    ] {
        if message.starts_with(prefix) {
            return message.to_owned();
        }
    }
    "the data does not match the expected type".to_owned()
}

/// Splits `…, expected X` into the part before and `, expected X` (which describes the SDK's
/// own type).
fn split_expected(message: &str) -> (&str, &str) {
    match message.find(", expected ") {
        Some(at) => message.split_at(at),
        None => (message, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    const TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.secret-payload.signature";

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Answer {
        exp: i64,
        kind: Kind,
    }

    #[derive(Debug, Deserialize)]
    enum Kind {
        A,
    }

    fn reason_for(json: &str) -> String {
        let error = serde_json::from_str::<Answer>(json).expect_err("does not decode");
        describe(&error)
    }

    #[test]
    fn invalid_types_keep_the_kind_and_the_expectation_not_the_value() {
        let reason = reason_for(&format!(r#"{{"exp":"{TOKEN}","kind":"A"}}"#));
        assert!(
            !reason.contains("eyJ") && !reason.contains("secret"),
            "{reason}"
        );
        assert_eq!(
            reason,
            "invalid type: string, expected i64 at line 1 column 54"
        );
    }

    #[test]
    fn unknown_variants_do_not_quote_the_answer() {
        let reason = reason_for(&format!(r#"{{"exp":1,"kind":"{TOKEN}"}}"#));
        assert!(!reason.contains("secret"), "{reason}");
        assert!(reason.starts_with("unknown variant, expected"), "{reason}");
    }

    #[test]
    fn missing_fields_and_syntax_errors_keep_their_message() {
        assert_eq!(
            reason_for(r#"{"kind":"A"}"#),
            "missing field `exp` at line 1 column 12"
        );
        let reason = reason_for(&format!(r#"{{"exp":1,"kind":"{TOKEN}"#));
        assert!(!reason.contains("secret"), "{reason}");
        assert!(reason.starts_with("EOF while parsing"), "{reason}");
    }

    #[test]
    fn values_from_from_value_have_no_position() {
        let value = serde_json::json!({"exp": TOKEN, "kind": "A"});
        let error = serde_json::from_value::<Answer>(value).expect_err("does not decode");
        assert_eq!(describe(&error), "invalid type: string, expected i64");
    }

    #[test]
    fn every_kind_of_unexpected_value_is_named_not_quoted() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Count {
            n: u8,
        }
        for (value, kind) in [
            ("\"tok-secret\"", "string"),
            ("-7331", "integer"),
            ("1.7331", "floating point"),
            ("true", "boolean"),
            ("{\"tok-secret\":1}", "map"),
            ("[7331]", "sequence"),
        ] {
            let error = serde_json::from_str::<Count>(&format!(r#"{{"n":{value}}}"#))
                .expect_err("not a u8");
            let reason = describe(&error);
            assert!(
                !reason.contains("secret") && !reason.contains("7331"),
                "{value}: {reason}"
            );
            assert!(
                reason.contains(&format!(": {kind}, expected u8")),
                "{value}: {reason}"
            );
        }
    }

    #[test]
    fn custom_messages_keep_only_their_category() {
        let error = <serde_json::Error as serde::de::Error>::custom(format!("bad {TOKEN}"));
        assert_eq!(
            describe(&error),
            "the data does not match the expected type"
        );
    }
}
