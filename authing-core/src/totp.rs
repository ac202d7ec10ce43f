//! Time-based one-time passwords (RFC 6238) as Authing's TOTP MFA uses them: HMAC-SHA-1,
//! 6 digits, 30-second steps, secrets in base32 (RFC 4648, as authenticator apps show them).
//!
//! The SDK uses [`code`] to let tests answer an MFA step the way an authenticator app
//! would; the fake Authing uses [`verify`] to check the answers.
//!
//! ```
//! use authing_core::totp;
//!
//! // RFC 6238's SHA-1 test secret ("12345678901234567890"), at 59 s after the epoch.
//! let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
//! assert_eq!(totp::code(secret, 59).expect("a base32 secret"), "287082");
//! assert!(totp::verify(secret, "287082", 59 + 30, 1));
//! ```

use crate::error::Error;

/// The length of one time step, in seconds.
pub const STEP_SECONDS: u64 = 30;
/// The number of digits of a code.
pub const DIGITS: u32 = 6;

/// The code for base32 `secret` at `unix_seconds` (seconds since the Unix epoch).
///
/// Fails with [`Error::InvalidArgument`] when the secret is not base32 or is empty; the
/// error never quotes the secret.
pub fn code(secret: &str, unix_seconds: u64) -> Result<String, Error> {
    let key = decode_base32(secret).ok_or_else(|| {
        Error::InvalidArgument("the TOTP secret is not a non-empty base32 string".into())
    })?;
    Ok(code_for_step(&key, unix_seconds / STEP_SECONDS))
}

/// Whether `answer` is the code of `secret` at `unix_seconds`, or of up to `window` steps
/// before or after it (clock drift). A secret that is not base32 matches nothing.
pub fn verify(secret: &str, answer: &str, unix_seconds: u64, window: u64) -> bool {
    let Some(key) = decode_base32(secret) else {
        return false;
    };
    let answer = answer.trim();
    if answer.len() != DIGITS as usize || !answer.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let step = unix_seconds / STEP_SECONDS;
    let first = step.saturating_sub(window);
    let last = step.saturating_add(window);
    (first..=last)
        .any(|step| constant_time_eq(code_for_step(&key, step).as_bytes(), answer.as_bytes()))
}

/// Encodes bytes as base32 without padding (how a new secret is shown to a user).
pub fn encode_base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
        buffer &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// Decodes base32 (case-insensitive; spaces, dashes and `=` padding ignored); `None` when a
/// character is not base32 or nothing is left.
fn decode_base32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !matches!(c, b' ' | b'-' | b'=')) {
        let value = match c.to_ascii_uppercase() {
            c @ b'A'..=b'Z' => c - b'A',
            c @ b'2'..=b'7' => c - b'2' + 26,
            _ => return None,
        };
        buffer = (buffer << 5) | u32::from(value);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
        buffer &= (1 << bits) - 1;
    }
    (!out.is_empty()).then_some(out)
}

/// RFC 4226's HOTP value of `key` at counter `step`, as `DIGITS` decimal digits.
fn code_for_step(key: &[u8], step: u64) -> String {
    let mac = hmac_sha1(key, &step.to_be_bytes());
    let offset = usize::from(mac[19] & 0x0f);
    let binary = u32::from_be_bytes([
        mac[offset],
        mac[offset + 1],
        mac[offset + 2],
        mac[offset + 3],
    ]) & 0x7fff_ffff;
    format!("{:06}", binary % 10u32.pow(DIGITS))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// HMAC (RFC 2104) over SHA-1.
fn hmac_sha1(key: &[u8], message: &[u8]) -> [u8; 20] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..20].copy_from_slice(&sha1(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let mut inner = Vec::with_capacity(64 + message.len());
    inner.extend(block.iter().map(|b| b ^ 0x36));
    inner.extend_from_slice(message);
    let mut outer = Vec::with_capacity(64 + 20);
    outer.extend(block.iter().map(|b| b ^ 0x5c));
    outer.extend_from_slice(&sha1(&inner));
    sha1(&outer)
}

/// SHA-1 (FIPS 180-4). Used only inside HMAC for TOTP, where it is still the standard.
fn sha1(message: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let bit_len = (message.len() as u64).wrapping_mul(8);
    let mut padded = message.to_vec();
    padded.push(0x80);
    while padded.len() % 64 != 56 {
        padded.push(0);
    }
    padded.extend_from_slice(&bit_len.to_be_bytes());
    for chunk in padded.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in chunk.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let temp = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = temp;
        }
        for (state, value) in h.iter_mut().zip([a, b, c, d, e]) {
            *state = state.wrapping_add(value);
        }
    }
    let mut out = [0u8; 20];
    for (bytes, word) in out.chunks_exact_mut(4).zip(h) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn sha1_matches_fips_vectors() {
        let hex = |bytes: [u8; 20]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex(sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(hex(sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            hex(sha1(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
    }

    #[test]
    fn rfc_6238_sha1_vectors() {
        // RFC 6238 appendix B gives 8 digits; the last 6 are the 6-digit codes.
        for (time, expected) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(
                code(RFC_SECRET, time).expect("code"),
                expected[2..],
                "{time}"
            );
        }
    }

    #[test]
    fn verify_accepts_the_window_only() {
        let now = 1_234_567_890;
        let current = code(RFC_SECRET, now).expect("code");
        let before = code(RFC_SECRET, now - 30).expect("code");
        let too_old = code(RFC_SECRET, now - 60).expect("code");
        assert!(verify(RFC_SECRET, &current, now, 1));
        assert!(verify(RFC_SECRET, &before, now, 1));
        assert!(!verify(RFC_SECRET, &too_old, now, 1));
        assert!(!verify(RFC_SECRET, &before, now, 0));
        assert!(!verify(RFC_SECRET, "12345", now, 1));
        assert!(!verify(RFC_SECRET, "abcdef", now, 1));
        assert!(!verify("not base32!", &current, now, 1));
    }

    #[test]
    fn base32_round_trips_and_rejects_bad_secrets() {
        assert_eq!(encode_base32(b"12345678901234567890"), RFC_SECRET);
        assert_eq!(
            decode_base32("gezd gnbv-gy3t qojq===").as_deref(),
            Some(&b"1234567890"[..])
        );
        assert!(matches!(code("", 0), Err(Error::InvalidArgument(_))));
        let err = code("secret!1", 0).expect_err("not base32").to_string();
        assert!(!err.contains("secret!1"), "{err}");
    }
}
