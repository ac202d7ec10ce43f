//! The [`Encryptor`] seam: how passwords are encrypted before they leave the process.

use std::fmt;
use std::sync::{Arc, LazyLock};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::pkcs8::DecodePublicKey;
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Encrypt, RsaPublicKey};

use crate::error::Error;

/// Encrypts a password for the wire.
///
/// The key is bound at construction, and each client holds its own encryptor (never a
/// global), so one process can talk to several deployments with different keys.
pub trait Encryptor: Send + Sync + fmt::Debug {
    /// Encrypts `plaintext` and returns the ciphertext as Authing expects it (for the RSA
    /// default: standard base64).
    fn encrypt(&self, plaintext: &str) -> Result<String, Error>;
}

impl<T: Encryptor + ?Sized> Encryptor for Arc<T> {
    fn encrypt(&self, plaintext: &str) -> Result<String, Error> {
        (**self).encrypt(plaintext)
    }
}

/// The public key of Authing's public cloud (1024-bit RSA, SubjectPublicKeyInfo PEM).
pub const AUTHING_PUBLIC_KEY_PEM: &str = "-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC4xKeUgQ+Aoz7TLfAfs9+paePb
5KIofVthEopwrXFkp8OCeocaTHt9ICjTT2QeJh6cZaDaArfZ873GPUn00eOIZ7Ae
+TiA2BKHbCvloW3w5Lnqm70iSsUi5Fmu9/2+68GZRH9L7Mlh8cFksCicW2Y2W2uM
GKl64GDcIq3au+aqJQIDAQAB
-----END PUBLIC KEY-----
";

/// Parsed once per process, on first use.
static AUTHING_PUBLIC_CLOUD: LazyLock<Result<Arc<RsaEncryptor>, String>> = LazyLock::new(|| {
    RsaEncryptor::from_pem(AUTHING_PUBLIC_KEY_PEM)
        .map(Arc::new)
        .map_err(|e| e.to_string())
});

/// RSA PKCS#1 v1.5 over the UTF-8 bytes of the password, as standard base64: what Authing's
/// servers decrypt.
///
/// ```
/// use authing_core::{Encryptor, RsaEncryptor};
///
/// let encryptor = RsaEncryptor::authing_public_cloud().unwrap();
/// let ciphertext = encryptor.encrypt("123456").unwrap();
/// assert_ne!(ciphertext, "123456");
///
/// assert!(RsaEncryptor::from_pem("not a key").is_err());
/// ```
#[derive(Clone)]
pub struct RsaEncryptor {
    key: RsaPublicKey,
}

impl RsaEncryptor {
    /// Parses a PEM public key: SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`) or PKCS#1
    /// (`-----BEGIN RSA PUBLIC KEY-----`). Parse it once and share the result: parsing is the
    /// expensive part.
    pub fn from_pem(pem: &str) -> Result<Self, Error> {
        let pem = pem.trim();
        let key = if pem.starts_with("-----BEGIN PUBLIC KEY-----") {
            RsaPublicKey::from_public_key_pem(pem).map_err(|e| {
                Error::config(format!(
                    "the encryption public key is not a valid SPKI RSA public key ({e}); \
                     pass the PEM your Authing deployment publishes at /api/v2/.well-known"
                ))
            })?
        } else if pem.starts_with("-----BEGIN RSA PUBLIC KEY-----") {
            RsaPublicKey::from_pkcs1_pem(pem).map_err(|e| {
                Error::config(format!(
                    "the encryption public key is not a valid PKCS#1 RSA public key ({e}); \
                     pass the PEM your Authing deployment publishes at /api/v2/.well-known"
                ))
            })?
        } else {
            return Err(Error::config(
                "the encryption public key must be a PEM starting with \
                 \"-----BEGIN PUBLIC KEY-----\" or \"-----BEGIN RSA PUBLIC KEY-----\"",
            ));
        };
        Ok(Self { key })
    }

    /// Wraps an already parsed key.
    pub fn from_key(key: RsaPublicKey) -> Self {
        Self { key }
    }

    /// The encryptor for Authing's public cloud, parsed once per process.
    pub fn authing_public_cloud() -> Result<Arc<Self>, Error> {
        AUTHING_PUBLIC_CLOUD
            .as_ref()
            .map(Arc::clone)
            .map_err(|e| Error::config(e.clone()))
    }

    /// The key's size in bits.
    pub fn bits(&self) -> usize {
        self.key.size() * 8
    }

    /// The largest password, in UTF-8 bytes, this key can encrypt.
    pub fn max_plaintext_len(&self) -> usize {
        self.key.size().saturating_sub(11)
    }
}

impl fmt::Debug for RsaEncryptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RsaEncryptor")
            .field("bits", &self.bits())
            .finish()
    }
}

impl Encryptor for RsaEncryptor {
    fn encrypt(&self, plaintext: &str) -> Result<String, Error> {
        let max = self.max_plaintext_len();
        if plaintext.len() > max {
            return Err(Error::Encrypt(format!(
                "the password is {} bytes long; this {}-bit key encrypts at most {max}",
                plaintext.len(),
                self.bits()
            )));
        }
        let ciphertext = self
            .key
            .encrypt(
                &mut rand::thread_rng(),
                Pkcs1v15Encrypt,
                plaintext.as_bytes(),
            )
            .map_err(|e| Error::Encrypt(e.to_string()))?;
        Ok(STANDARD.encode(ciphertext))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::RsaPrivateKey;
    use rsa::pkcs1::EncodeRsaPublicKey;
    use rsa::pkcs8::{EncodePublicKey, LineEnding};

    #[test]
    fn default_key_is_authing_public_cloud_1024_bit() {
        let encryptor = RsaEncryptor::authing_public_cloud().expect("built-in key parses");
        assert_eq!(encryptor.bits(), 1024);
        let first = encryptor.encrypt("123456").expect("encrypts");
        let second = encryptor.encrypt("123456").expect("encrypts");
        assert_ne!(first, second, "PKCS#1 v1.5 padding is random");
        assert_eq!(STANDARD.decode(first).expect("standard base64").len(), 128);
    }

    #[test]
    fn round_trips_with_spki_and_pkcs1_keys() {
        let private = RsaPrivateKey::new(&mut rand::thread_rng(), 1024).expect("keygen");
        let public = private.to_public_key();
        let spki = public.to_public_key_pem(LineEnding::LF).expect("pem");
        let pkcs1 = public.to_pkcs1_pem(LineEnding::LF).expect("pem");
        for pem in [spki.as_str(), pkcs1.as_str()] {
            let encryptor = RsaEncryptor::from_pem(pem).expect("valid key");
            let ciphertext = encryptor.encrypt("pässwörd").expect("encrypts");
            let bytes = STANDARD.decode(ciphertext).expect("base64");
            let plain = private.decrypt(Pkcs1v15Encrypt, &bytes).expect("decrypts");
            assert_eq!(plain, "pässwörd".as_bytes());
        }
    }

    #[test]
    fn bad_keys_are_config_errors_that_say_what_to_fix() {
        let error = RsaEncryptor::from_pem("hello").expect_err("not a pem");
        assert!(matches!(error, Error::Config(_)));
        assert!(error.to_string().contains("BEGIN PUBLIC KEY"), "{error}");

        let error =
            RsaEncryptor::from_pem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")
                .expect_err("garbage body");
        assert!(matches!(error, Error::Config(_)));
        assert!(error.to_string().contains("SPKI"), "{error}");
    }

    #[test]
    fn too_long_passwords_are_encrypt_errors() {
        let encryptor = RsaEncryptor::authing_public_cloud().expect("key");
        let error = encryptor.encrypt(&"x".repeat(200)).expect_err("too long");
        assert!(matches!(error, Error::Encrypt(_)));
        assert!(
            !error.to_string().contains("xxxx"),
            "never echo the password"
        );
    }
}
