//! Random strings for PKCE verifiers, `state` and `nonce`, straight from the operating
//! system's CSPRNG.

use rand::RngCore as _;

/// `length` characters drawn uniformly from `alphabet` (at most 256 symbols), with bytes
/// from the OS CSPRNG: one `getrandom` call for the whole string in the usual case.
pub(crate) fn random_string(alphabet: &[u8], length: usize) -> String {
    debug_assert!(!alphabet.is_empty() && alphabet.len() <= 256);
    // Bytes at or above the largest multiple of the alphabet's size are rejected, so every
    // symbol is equally likely (no modulo bias).
    let limit = 256 - 256 % alphabet.len();
    let mut out = String::with_capacity(length);
    let mut buffer = [0u8; 128];
    while out.len() < length {
        rand::rngs::OsRng.fill_bytes(&mut buffer);
        for &byte in &buffer {
            if usize::from(byte) < limit && out.len() < length {
                out.push(char::from(alphabet[usize::from(byte) % alphabet.len()]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_have_the_length_and_alphabet_and_every_symbol_shows_up() {
        let alphabet = b"abc";
        let s = random_string(alphabet, 3000);
        assert_eq!(s.len(), 3000);
        for symbol in ['a', 'b', 'c'] {
            let count = s.chars().filter(|&c| c == symbol).count();
            // Uniform: about 1000 each; a biased or stuck generator falls far outside.
            assert!((800..1200).contains(&count), "{symbol}: {count}");
        }
        assert_eq!(random_string(alphabet, 0), "");
        assert_eq!(random_string(b"0123456789", 300).len(), 300);
    }
}
