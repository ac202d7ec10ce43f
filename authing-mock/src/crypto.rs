//! The fake's RSA key (passwords arrive encrypted with its public half), password hashing,
//! and random identifiers.

use std::fmt;
use std::sync::{Arc, LazyLock};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey};
use rand::RngCore as _;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey, LineEnding};
use rsa::{Pkcs1v15Encrypt, RsaPrivateKey};
use subtle::ConstantTimeEq as _;

use crate::error::MockError;
use crate::failure::{Code, Failure};

/// An RSA key pair: the private half decrypts passwords, the public half is published.
pub(crate) struct RsaKeyPair {
    private: RsaPrivateKey,
    public_pem: String,
}

impl fmt::Debug for RsaKeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RsaKeyPair").finish_non_exhaustive()
    }
}

/// The fake's built-in RSA key: a **public test key, not a secret**. It is checked into the
/// source so that a fake starts without generating a key (generating one costs ~1.7 s in an
/// unoptimised test binary); anyone can decrypt what is encrypted with it, which is fine for
/// a fake and wrong for anything else. Generated once with `openssl genrsa 1024` (1024-bit,
/// like the key of Authing's public cloud).
pub(crate) const TEST_PRIVATE_KEY_PEM: &str = include_str!("test_key.pem");

/// The built-in key, parsed once per process and shared by every fake built without a key
/// of its own. `Err` only if the checked-in PEM were broken.
static BUILT_IN_KEY: LazyLock<Result<Arc<RsaKeyPair>, String>> = LazyLock::new(|| {
    RsaKeyPair::from_pem(TEST_PRIVATE_KEY_PEM)
        .map(Arc::new)
        .map_err(|e| e.to_string())
});

impl RsaKeyPair {
    /// The built-in test key ([`TEST_PRIVATE_KEY_PEM`]).
    pub(crate) fn built_in() -> Result<Arc<Self>, MockError> {
        BUILT_IN_KEY
            .as_ref()
            .map(Arc::clone)
            .map_err(|e| MockError::Key(e.clone()))
    }

    /// A freshly generated 1024-bit key.
    pub(crate) fn generate() -> Result<Self, MockError> {
        let private = RsaPrivateKey::new(&mut rand::thread_rng(), 1024)
            .map_err(|e| MockError::Key(format!("RSA key generation failed: {e}")))?;
        Self::from_private(private).map_err(MockError::Key)
    }

    /// Parses a PEM private key: PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1
    /// (`BEGIN RSA PRIVATE KEY`).
    pub(crate) fn from_pem(pem: &str) -> Result<Self, MockError> {
        let pem = pem.trim();
        let private = if pem.starts_with("-----BEGIN PRIVATE KEY-----") {
            RsaPrivateKey::from_pkcs8_pem(pem)
                .map_err(|e| MockError::Key(format!("not a valid PKCS#8 RSA private key: {e}")))?
        } else if pem.starts_with("-----BEGIN RSA PRIVATE KEY-----") {
            RsaPrivateKey::from_pkcs1_pem(pem)
                .map_err(|e| MockError::Key(format!("not a valid PKCS#1 RSA private key: {e}")))?
        } else {
            return Err(MockError::Key(
                "the private key must be a PEM starting with \"-----BEGIN PRIVATE KEY-----\" \
                 or \"-----BEGIN RSA PRIVATE KEY-----\""
                    .to_owned(),
            ));
        };
        Self::from_private(private).map_err(MockError::Key)
    }

    fn from_private(private: RsaPrivateKey) -> Result<Self, String> {
        let public_pem = private
            .to_public_key()
            .to_public_key_pem(LineEnding::LF)
            .map_err(|e| format!("cannot encode the public key: {e}"))?;
        Ok(Self {
            private,
            public_pem,
        })
    }

    /// The public key as SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`).
    pub(crate) fn public_pem(&self) -> &str {
        &self.public_pem
    }

    /// Decrypts a password sent as base64(RSA PKCS#1 v1.5(utf8)); any failure is 2016.
    pub(crate) fn decrypt_password(&self, ciphertext: &str) -> Result<String, Failure> {
        let bytes = STANDARD
            .decode(ciphertext.trim())
            .map_err(|_| Code::PasswordDecrypt)?;
        let plain = self
            .private
            .decrypt(Pkcs1v15Encrypt, &bytes)
            .map_err(|_| Code::PasswordDecrypt)?;
        String::from_utf8(plain).map_err(|_| Code::PasswordDecrypt.into())
    }
}

/// A stored password: HMAC-SHA256 of the password keyed with a random per-password salt.
/// Never printed, never returned.
#[derive(Clone)]
pub(crate) struct PasswordHash {
    salt: [u8; 16],
    digest: String,
    /// The password's strength, 1 to 3 (see [`password_strength`]), noted while the
    /// plain text is at hand: the security level reads it.
    strength: u8,
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash([redacted])")
    }
}

/// A password's strength: 3 for 12+ characters with lower and upper case letters and
/// digits, 2 for 8+ characters with a letter and a digit, else 1.
pub(crate) fn password_strength(password: &str) -> u8 {
    let length = password.chars().count();
    let has = |test: fn(&char) -> bool| password.chars().any(|c| test(&c));
    let digit = has(char::is_ascii_digit);
    if length >= 12 && digit && has(char::is_ascii_lowercase) && has(char::is_ascii_uppercase) {
        3
    } else if length >= 8 && digit && has(char::is_ascii_alphabetic) {
        2
    } else {
        1
    }
}

impl PasswordHash {
    /// Hashes `password` with a fresh salt.
    pub(crate) fn new(password: &str) -> Result<Self, Failure> {
        let mut salt = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut salt);
        let digest = jsonwebtoken::crypto::sign(
            password.as_bytes(),
            &EncodingKey::from_secret(&salt),
            Algorithm::HS256,
        )
        .map_err(|e| Failure::internal(format!("password hashing failed: {e}")))?;
        Ok(Self {
            salt,
            digest,
            strength: password_strength(password),
        })
    }

    /// The password's strength, 1 (weak) to 3 (strong).
    pub(crate) fn strength(&self) -> u8 {
        self.strength
    }

    /// Whether `password` is the stored one (compared in constant time by the HMAC library).
    pub(crate) fn matches(&self, password: &str) -> bool {
        jsonwebtoken::crypto::verify(
            &self.digest,
            password.as_bytes(),
            &DecodingKey::from_secret(&self.salt),
            Algorithm::HS256,
        )
        .unwrap_or(false)
    }
}

/// `n` random bytes as lower-case hex (`2n` characters).
pub(crate) fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A 24-character lower-hex id, shaped like Authing's (MongoDB ObjectId) ids.
pub(crate) fn object_id() -> String {
    random_hex(12)
}

/// The key [`secret_matches`] MACs both sides with, drawn once per process.
static COMPARE_KEY: LazyLock<EncodingKey> =
    LazyLock::new(|| EncodingKey::from_secret(random_hex(32).as_bytes()));

/// Whether `given` is `expected` (a pool secret, an admin token), in constant time: both are
/// HMAC-SHA256ed with a per-process key and the MACs compared with `subtle`, so neither
/// where they differ nor how long `expected` is shows in the time taken.
pub(crate) fn secret_matches(given: &str, expected: &str) -> bool {
    let mac = |text: &str| {
        jsonwebtoken::crypto::sign(text.as_bytes(), &COMPARE_KEY, Algorithm::HS256)
            .unwrap_or_default()
    };
    let (given, expected) = (mac(given), mac(expected));
    !expected.is_empty() && bool::from(given.as_bytes().ct_eq(expected.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use authing_core::{Encryptor, RsaEncryptor};
    use rsa::pkcs1::EncodeRsaPrivateKey;
    use rsa::pkcs8::EncodePrivateKey;
    use rsa::traits::PublicKeyParts as _;

    #[test]
    fn password_strength_levels() {
        assert_eq!(password_strength("abc"), 1);
        assert_eq!(password_strength("abcdefgh"), 1, "no digit");
        assert_eq!(password_strength("abcdefg1"), 2);
        assert_eq!(password_strength("abcdefghij12"), 2, "no upper case");
        assert_eq!(password_strength("Abcdefghij12"), 3);
        let hash = PasswordHash::new("Abcdefghij12").expect("hash");
        assert_eq!(hash.strength(), 3);
    }

    #[test]
    fn decrypts_what_the_sdk_encrypts() {
        let key = RsaKeyPair::built_in().expect("key");
        let encryptor = RsaEncryptor::from_pem(key.public_pem()).expect("public key");
        let ciphertext = encryptor.encrypt("pässwörd").expect("encrypts");
        assert_eq!(
            key.decrypt_password(&ciphertext).expect("decrypts"),
            "pässwörd"
        );
        assert_eq!(
            key.decrypt_password("not base64!"),
            Err(Failure::from(Code::PasswordDecrypt))
        );
        assert_eq!(
            key.decrypt_password("AAAA"),
            Err(Failure::from(Code::PasswordDecrypt))
        );
    }

    #[test]
    fn the_built_in_key_is_the_checked_in_one_and_generation_is_separate() {
        let built_in = RsaKeyPair::built_in().expect("the checked-in key parses");
        let again = RsaKeyPair::from_pem(TEST_PRIVATE_KEY_PEM).expect("parses");
        assert_eq!(built_in.public_pem(), again.public_pem());
        assert_eq!(built_in.private.size(), 128, "1024-bit");
        let generated = RsaKeyPair::generate().expect("generates");
        assert_ne!(generated.public_pem(), built_in.public_pem());
    }

    #[test]
    fn parses_pkcs8_and_pkcs1_private_keys() {
        let private = RsaPrivateKey::new(&mut rand::thread_rng(), 1024).expect("keygen");
        let pkcs8 = private.to_pkcs8_pem(LineEnding::LF).expect("pem");
        let pkcs1 = private.to_pkcs1_pem(LineEnding::LF).expect("pem");
        let a = RsaKeyPair::from_pem(&pkcs8).expect("pkcs8");
        let b = RsaKeyPair::from_pem(&pkcs1).expect("pkcs1");
        assert_eq!(a.public_pem(), b.public_pem());
        assert!(RsaKeyPair::from_pem("nope").is_err());
        assert!(
            RsaKeyPair::from_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")
                .is_err()
        );
    }

    #[test]
    fn hashes_are_salted_and_hidden() {
        let a = PasswordHash::new("secret-1").expect("hash");
        let b = PasswordHash::new("secret-1").expect("hash");
        assert_ne!(a.digest, b.digest);
        assert!(a.matches("secret-1"));
        assert!(!a.matches("secret-2"));
        assert!(!format!("{a:?}").contains("secret"));
        assert_eq!(object_id().len(), 24);
        assert!(object_id().chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn secrets_match_only_when_equal() {
        assert!(secret_matches("0123456789abcdef", "0123456789abcdef"));
        assert!(!secret_matches("0123456789abcdee", "0123456789abcdef"));
        assert!(!secret_matches("0123456789abcdef0", "0123456789abcdef"));
        assert!(!secret_matches("", "0123456789abcdef"));
        assert!(secret_matches("", ""));
    }
}
