//! Ed25519 (RFC 8032) as the NEAR Intents verifier uses it.
//!
//! Verification is strict ([`ed25519_dalek::VerifyingKey::verify_strict`]):
//! weak (small-order) public keys are rejected, as the verifier does
//! (`crates/crypto/src/ed25519.rs`: `if public_key.is_weak() { return false }`),
//! and so are small-order `R` and non-canonical `S`, which no honest signer
//! produces. A 32-byte string that is not a curve point does not verify
//! (`false`), as on chain.

use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};

/// The 32-byte public key of a 32-byte seed (the RFC 8032 secret key).
#[must_use]
pub fn public_key(seed: &[u8; 32]) -> [u8; 32] {
    SigningKey::from_bytes(seed).verifying_key().to_bytes()
}

/// Signs `message` itself (no pre-hashing) with a 32-byte seed.
#[must_use]
pub fn sign(message: &[u8], seed: &[u8; 32]) -> [u8; 64] {
    SigningKey::from_bytes(seed).sign(message).to_bytes()
}

/// Strict verification; `false` for a signature that does not check out, a
/// key that is not a point, or a weak key.
#[must_use]
pub fn verify(public_key: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
    let Ok(key) = VerifyingKey::from_bytes(public_key) else {
        return false;
    };
    if key.is_weak() {
        return false;
    }
    key.verify_strict(message, &Signature::from_bytes(signature))
        .is_ok()
}
