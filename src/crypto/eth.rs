//! Ethereum helpers that need keccak but no curve arithmetic: the EIP-191
//! length-prefixed layout and the address of a public key. Always built
//! (the standards hash with them whether or not a curve is enabled).

use alloc::string::String;
use alloc::vec::Vec;

/// Builds `prefix ‖ decimal(len(msg)) ‖ msg`, the EIP-191 version 0x45 layout
/// (also used by TIP-191 with another prefix). The length is in bytes.
#[must_use]
pub(crate) fn length_prefixed(prefix: &[u8], msg: &[u8]) -> Vec<u8> {
    let len = alloc::format!("{}", msg.len());
    let mut out = Vec::with_capacity(prefix.len() + len.len() + msg.len());
    out.extend_from_slice(prefix);
    out.extend_from_slice(len.as_bytes());
    out.extend_from_slice(msg);
    out
}

/// The 20-byte Ethereum address of a 64-byte public key: keccak256(x ‖ y)[12..].
#[must_use]
pub fn address(public_key: &[u8; 64]) -> [u8; 20] {
    alloy_primitives::Address::from_raw_public_key(public_key).into_array()
}

/// The 20 bytes of a P-256 key's implicit account:
/// keccak256("p256" ‖ x ‖ y)[12..] (near/intents `core/src/public_key.rs`).
#[must_use]
pub fn p256_implicit_address(public_key: &[u8; 64]) -> [u8; 20] {
    let mut pre = [0u8; 68];
    let (tag, key) = pre.split_at_mut(4);
    tag.copy_from_slice(b"p256");
    key.copy_from_slice(public_key);
    let hash = alloy_primitives::keccak256(pre);
    let mut out = [0u8; 20];
    out.copy_from_slice(hash.get(12..).unwrap_or(&[0u8; 20]));
    out
}

/// The EIP-55 mixed-case form of an address.
#[must_use]
pub fn checksum_address(address: &[u8; 20]) -> String {
    alloy_primitives::Address::from(*address).to_checksum(None)
}
