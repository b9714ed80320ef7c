//! ERC-191 / EIP-191 version 0x45 (`personal_sign`), standard `"erc191"`.
//!
//! <https://eips.ethereum.org/EIPS/eip-191>. Byte layout:
//!
//! ```text
//! preimage = "\x19Ethereum Signed Message:\n" ‖ decimal(byte length of message) ‖ message
//! hash     = keccak256(preimage)            (the 32-byte value that is signed)
//! signature = r(32) ‖ s(32) ‖ v(1)          v ∈ {0, 1} for the verifier, 27/28 from wallets
//! ```
//!
//! The length is the UTF-8 *byte* length (`"café"` is 5). Recovery accepts
//! v ∈ {0, 1, 27, 28} and rejects other v and high-s with their own codes.

use alloc::vec::Vec;

#[cfg(feature = "secp256k1")]
use crate::error::Result;
#[cfg(feature = "secp256k1")]
use crate::secp256k1;

/// The EIP-191 version 0x45 prefix.
///
/// ```
/// assert_eq!(intent_signer::erc191::PREFIX, b"\x19Ethereum Signed Message:\n");
/// ```
pub const PREFIX: &[u8] = b"\x19Ethereum Signed Message:\n";

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

/// A public key recovered from a signature, with its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recovered {
    /// x ‖ y, 64 bytes.
    pub public_key: [u8; 64],
    /// The 20-byte Ethereum address.
    pub address: [u8; 20],
}

/// Recovers the signer of `message` (v ∈ {0, 1, 27, 28}).
///
/// # Errors
/// See [`secp256k1::recover_prehash`].
#[cfg(feature = "secp256k1")]
pub fn recover(message: &[u8], signature: &[u8; 65]) -> Result<Recovered> {
    Ok(recovered(secp256k1::recover_prehash(
        &hash(message),
        signature,
    )?))
}

#[cfg(feature = "secp256k1")]
pub(crate) fn recovered(public_key: [u8; 64]) -> Recovered {
    Recovered {
        public_key,
        address: crate::crypto::eth::address(&public_key),
    }
}

/// Signs `message` (RFC 6979, low-s, v ∈ {0, 1}).
///
/// # Errors
/// [`crate::Error::InvalidSecretKey`].
#[cfg(feature = "secp256k1")]
pub fn sign(message: &[u8], secret_key: &[u8; 32]) -> Result<[u8; 65]> {
    secp256k1::sign_prehash(&hash(message), secret_key)
}
