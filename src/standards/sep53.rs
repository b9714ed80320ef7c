//! SEP-53 (Stellar signed message), standard `"sep53"`.
//!
//! <https://github.com/stellar/stellar-protocol/blob/master/ecosystem/sep-0053.md>
//!
//! ```text
//! preimage = "Stellar Signed Message:\n" ‖ message
//! hash     = sha256(preimage)        (the 32-byte value that is signed, with Ed25519)
//! ```

use alloc::vec::Vec;

use sha2::{Digest as _, Sha256};

#[cfg(feature = "ed25519")]
use crate::ed25519;

/// The SEP-53 prefix.
///
/// ```
/// assert_eq!(intent_signer::sep53::PREFIX, b"Stellar Signed Message:\n");
/// ```
pub const PREFIX: &[u8] = b"Stellar Signed Message:\n";

/// The exact bytes that get hashed.
#[must_use]
pub fn preimage(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(PREFIX.len() + message.len());
    out.extend_from_slice(PREFIX);
    out.extend_from_slice(message);
    out
}

/// sha256 of the preimage: the digest that is signed.
#[must_use]
pub fn hash(message: &[u8]) -> [u8; 32] {
    Sha256::digest(preimage(message)).into()
}

/// Strict Ed25519 verification over [`hash`] (weak keys rejected).
#[must_use]
#[cfg(feature = "ed25519")]
pub fn verify(message: &[u8], public_key: &[u8; 32], signature: &[u8; 64]) -> bool {
    ed25519::verify(public_key, &hash(message), signature)
}

/// Signs [`hash`] with a 32-byte seed.
#[must_use]
#[cfg(feature = "ed25519")]
pub fn sign(message: &[u8], seed: &[u8; 32]) -> [u8; 64] {
    ed25519::sign(&hash(message), seed)
}
