//! Raw Ed25519 (Solana wallets' `signMessage`), standard `"raw_ed25519"`.
//!
//! The key signs the raw UTF-8 bytes of the payload string: no prefix, no
//! length, no pre-hashing. The intent hash is sha256(payload), an identifier
//! only; it is not what gets signed, so this module has no `hash`.

use sha2::{Digest as _, Sha256};

#[cfg(feature = "ed25519")]
use crate::ed25519;

/// Signs the payload bytes with a 32-byte seed.
#[must_use]
#[cfg(feature = "ed25519")]
pub fn sign(payload: &[u8], seed: &[u8; 32]) -> [u8; 64] {
    ed25519::sign(payload, seed)
}

/// Strict Ed25519 verification over the payload bytes (weak keys rejected).
#[must_use]
#[cfg(feature = "ed25519")]
pub fn verify(payload: &[u8], public_key: &[u8; 32], signature: &[u8; 64]) -> bool {
    ed25519::verify(public_key, payload, signature)
}

/// The intent hash the verifier reports: sha256(payload).
#[must_use]
pub fn intent_hash(payload: &[u8]) -> [u8; 32] {
    Sha256::digest(payload).into()
}
