//! Content fingerprints: a stable, short digest that tells whether a deck or card changed.
//!
//! FNV-1a (64-bit) over the canonical file bytes. It detects change; it is not a security hash.

/// Hex FNV-1a 64 of `bytes`, e.g. "fnv1a64:cbf29ce484222325" for no bytes.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_matches_fnv1a_reference_values() {
        assert_eq!(fingerprint(b""), "fnv1a64:cbf29ce484222325");
        assert_eq!(fingerprint(b"a"), "fnv1a64:af63dc4c8601ec8c");
    }
}
