//! TIP-191 (TRON signed message), standard `"tip191"`.
//!
//! The same layout as ERC-191 with the TRON prefix:
//!
//! ```text
//! preimage = "\x19TRON Signed Message:\n" ‖ decimal(byte length of message) ‖ message
//! hash     = keccak256(preimage)
//! ```
//!
//! Signatures, v normalisation and the high-s rule are those of `erc191`.

use alloc::vec::Vec;

#[cfg(feature = "secp256k1")]
use crate::erc191::Recovered;
#[cfg(feature = "secp256k1")]
use crate::error::Result;
#[cfg(feature = "secp256k1")]
use crate::secp256k1;

/// The TIP-191 prefix.
///
/// ```
/// assert_eq!(intent_signer::tip191::PREFIX, b"\x19TRON Signed Message:\n");
/// ```
pub const PREFIX: &[u8] = b"\x19TRON Signed Message:\n";

/// The exact bytes that get hashed.
#[must_use]
pub fn preimage(message: &[u8]) -> Vec<u8> {
    crate::crypto::eth::length_prefixed(PREFIX, message)
}

/// keccak256 of the preimage: the digest that is signed.
#[must_use]
pub fn hash(message: &[u8]) -> [u8; 32] {
    alloy_primitives::keccak256(preimage(message)).0
}

/// Recovers the signer of `message` (v ∈ {0, 1, 27, 28}).
///
/// # Errors
/// See [`secp256k1::recover_prehash`].
#[cfg(feature = "secp256k1")]
pub fn recover(message: &[u8], signature: &[u8; 65]) -> Result<Recovered> {
    Ok(crate::erc191::recovered(secp256k1::recover_prehash(
        &hash(message),
        signature,
    )?))
}

/// Signs `message` (RFC 6979, low-s, v ∈ {0, 1}).
///
/// # Errors
/// [`crate::Error::InvalidSecretKey`].
#[cfg(feature = "secp256k1")]
pub fn sign(message: &[u8], secret_key: &[u8; 32]) -> Result<[u8; 65]> {
    secp256k1::sign_prehash(&hash(message), secret_key)
}
