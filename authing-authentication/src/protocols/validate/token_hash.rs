//! OIDC's `at_hash` and `c_hash` (Core §3.2.2.9, §3.3.2.11): an id token vouches for the
//! access token and the code issued with it by carrying the left half of their hash.

use authing_core::Secret;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest as _, Sha256};

use super::ValidationError;

/// Which of the two claims.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashClaim {
    /// `at_hash`, of the access token.
    AtHash,
    /// `c_hash`, of the authorization code.
    CHash,
}

impl HashClaim {
    /// The claim's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AtHash => "at_hash",
            Self::CHash => "c_hash",
        }
    }
}

impl std::fmt::Display for HashClaim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The left half of the SHA-256 of `value`'s ASCII bytes, base64url without padding: the
/// hash for RS256 and HS256, the two algorithms the validator accepts (both SHA-256).
pub(crate) fn left_half_hash(value: &str) -> String {
    let digest = Sha256::digest(value.as_bytes());
    // A SHA-256 digest is 32 bytes: the first 16 are the left half.
    URL_SAFE_NO_PAD.encode(digest.get(..16).unwrap_or_default())
}

/// Checks `claim` (the id token's value, if any) against `value`, the token or code that
/// came with it. A claim that is present must match; an absent one is refused only when
/// `required`.
pub(crate) fn check(
    claim: HashClaim,
    in_token: Option<&str>,
    value: &Secret,
    required: bool,
) -> Result<(), ValidationError> {
    match in_token {
        Some(hash) if hash == left_half_hash(value.expose()) => Ok(()),
        Some(_) => Err(ValidationError::HashMismatch { claim }),
        None if required => Err(ValidationError::HashMissing { claim }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_left_half_of_sha256_base64url() {
        // OIDC Core appendix A's examples (§A.3's access token, §A.4's code).
        assert_eq!(
            left_half_hash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"),
            "77QmUPtjPfzWtF2AnpK9RQ"
        );
        assert_eq!(
            left_half_hash("Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk"),
            "LDktKdoQak3Pk0cnXxCltA"
        );
        // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 ...: its first 16 bytes.
        assert_eq!(left_half_hash("abc"), "ungWv48Bz-pBQUDeXa4iIw");
    }

    #[test]
    fn present_claims_must_match_and_required_ones_be_present() {
        let code = Secret::from("the-code");
        let hash = left_half_hash("the-code");
        assert!(check(HashClaim::CHash, Some(&hash), &code, true).is_ok());
        assert!(matches!(
            check(
                HashClaim::CHash,
                Some("AAAAAAAAAAAAAAAAAAAAAA"),
                &code,
                true
            ),
            Err(ValidationError::HashMismatch {
                claim: HashClaim::CHash
            })
        ));
        assert!(matches!(
            check(HashClaim::CHash, None, &code, true),
            Err(ValidationError::HashMissing {
                claim: HashClaim::CHash
            })
        ));
        assert!(check(HashClaim::AtHash, None, &code, false).is_ok());
        // The error names the claim, never the token or code.
        let error = check(HashClaim::AtHash, Some("x"), &code, false).expect_err("mismatch");
        assert!(!error.to_string().contains("the-code"), "{error}");
        assert!(error.to_string().contains("at_hash"), "{error}");
    }
}
