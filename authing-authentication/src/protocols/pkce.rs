//! PKCE (RFC 7636): [`CodeVerifier`] and its [`PkceChallenge`].

use std::fmt;

use authing_core::{Error, Secret};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest as _, Sha256};

use super::random::random_string;

/// How the challenge is derived from the verifier.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PkceMethod {
    /// `BASE64URL(SHA256(verifier))`, the default and the one to use.
    #[default]
    S256,
    /// The verifier itself, for clients that cannot hash (RFC 7636 §4.2).
    Plain,
}

impl PkceMethod {
    /// The method's name in `code_challenge_method`: `S256` or `plain`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::S256 => "S256",
            Self::Plain => "plain",
        }
    }
}

/// A PKCE code verifier: 43 to 128 characters of `[A-Z a-z 0-9 - . _ ~]` (RFC 7636 §4.1).
///
/// Keep it (in the user's session) between the authorize redirect and the code exchange; send
/// only its [`challenge`](Self::challenge) to the authorize endpoint. It is a secret: its
/// `Debug` is redacted.
///
/// ```
/// use authing_authentication::protocols::{CodeVerifier, PkceMethod};
///
/// let verifier = CodeVerifier::random();
/// assert_eq!(verifier.secret().expose().len(), 64);
/// let challenge = verifier.challenge(PkceMethod::S256);
/// assert_eq!(challenge.method(), PkceMethod::S256);
/// assert_eq!(challenge.as_str().len(), 43);
///
/// // RFC 7636, appendix B.
/// let verifier = CodeVerifier::new("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")?;
/// assert_eq!(
///     verifier.challenge(PkceMethod::S256).as_str(),
///     "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
/// );
/// # Ok::<(), authing_core::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct CodeVerifier(Secret);

/// The unreserved characters of RFC 3986, which RFC 7636 allows in a verifier.
const UNRESERVED: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

/// The shortest and longest verifiers RFC 7636 allows.
const LENGTHS: std::ops::RangeInclusive<usize> = 43..=128;

impl CodeVerifier {
    /// A new verifier of 64 characters from the operating system's CSPRNG (about 384 bits).
    pub fn random() -> Self {
        Self::random_chars(64)
    }

    /// A new verifier of `length` characters (43 to 128) from the operating system's CSPRNG.
    pub fn random_with_length(length: usize) -> Result<Self, Error> {
        check_length(length)?;
        Ok(Self::random_chars(length))
    }

    fn random_chars(length: usize) -> Self {
        Self(Secret::from(random_string(UNRESERVED, length)))
    }

    /// A verifier kept from earlier (say, in the user's session), checked against RFC 7636.
    pub fn new(verifier: impl Into<Secret>) -> Result<Self, Error> {
        let verifier = verifier.into();
        check_length(verifier.expose().len())?;
        if !verifier.expose().bytes().all(|b| UNRESERVED.contains(&b)) {
            return Err(Error::invalid_argument(
                "a PKCE code verifier may hold only A-Z, a-z, 0-9, `-`, `.`, `_` and `~`",
            ));
        }
        Ok(Self(verifier))
    }

    /// The verifier, to store between the redirect and the exchange.
    pub fn secret(&self) -> &Secret {
        &self.0
    }

    /// The challenge to put in the authorize URL.
    pub fn challenge(&self, method: PkceMethod) -> PkceChallenge {
        let value = match method {
            PkceMethod::S256 => URL_SAFE_NO_PAD.encode(Sha256::digest(self.0.expose().as_bytes())),
            PkceMethod::Plain => self.0.expose().to_owned(),
        };
        PkceChallenge { value, method }
    }
}

fn check_length(length: usize) -> Result<(), Error> {
    if LENGTHS.contains(&length) {
        Ok(())
    } else {
        Err(Error::invalid_argument(format!(
            "a PKCE code verifier has 43 to 128 characters, not {length}"
        )))
    }
}

impl fmt::Debug for CodeVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CodeVerifier([redacted])")
    }
}

/// A PKCE challenge: `code_challenge` and `code_challenge_method` of an authorize URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PkceChallenge {
    value: String,
    method: PkceMethod,
}

impl PkceChallenge {
    /// The `code_challenge` value.
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The `code_challenge_method`.
    pub fn method(&self) -> PkceMethod {
        self.method
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_7636_appendix_b() {
        let verifier =
            CodeVerifier::new("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").expect("valid");
        assert_eq!(
            verifier.challenge(PkceMethod::S256).as_str(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        let plain = verifier.challenge(PkceMethod::Plain);
        assert_eq!(
            plain.as_str(),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        );
        assert_eq!(plain.method().as_str(), "plain");
    }

    #[test]
    fn random_verifiers_have_the_rfc_length_and_charset_and_differ() {
        for length in [43, 77, 128] {
            let verifier = CodeVerifier::random_with_length(length).expect("in range");
            assert_eq!(verifier.secret().expose().len(), length);
            assert!(
                verifier
                    .secret()
                    .expose()
                    .bytes()
                    .all(|b| UNRESERVED.contains(&b))
            );
            // A random verifier passes the same check as a stored one.
            CodeVerifier::new(verifier.secret().clone()).expect("valid");
        }
        let seen: std::collections::HashSet<String> = (0..100)
            .map(|_| CodeVerifier::random().secret().expose().to_owned())
            .collect();
        assert_eq!(seen.len(), 100, "verifiers repeat");
    }

    #[test]
    fn bad_verifiers_are_refused_with_the_rule() {
        for length in [0, 42, 129] {
            let error = CodeVerifier::random_with_length(length).expect_err("out of range");
            assert!(error.to_string().contains("43 to 128"), "{error}");
        }
        let error = CodeVerifier::new("a".repeat(42)).expect_err("short");
        assert!(error.to_string().contains("not 42"), "{error}");
        let error = CodeVerifier::new(format!("{}+", "a".repeat(50))).expect_err("bad char");
        assert!(matches!(error, Error::InvalidArgument(_)), "{error}");
    }

    #[test]
    fn verifiers_never_print() {
        let verifier = CodeVerifier::new("x".repeat(50)).expect("valid");
        assert!(!format!("{verifier:?}").contains("xxx"));
    }
}
