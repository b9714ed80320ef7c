//! P-256 (secp256r1) ECDSA as the NEAR Intents verifier uses it for passkeys
//! (`webauthn` payloads with a `p256:` key).
//!
//! - Keys are 64 bytes x ‖ y without the SEC1 `0x04` tag; signatures are 64
//!   bytes r ‖ s (not DER: a `WebAuthn` authenticator's DER signature must be
//!   converted first, see [`crate::standards::webauthn::der_to_raw`]).
//! - The message is a 32-byte SHA-256 prehash.
//! - High-s signatures (s > n/2) are refused ([`Error::HighS`]), as the verifier
//!   does (`crates/crypto/src/p256.rs`: `if signature.s().is_high() { return false }`);
//!   authenticators emit either half, so normalise (s → n − s) before sending.
//! - r or s zero or not below n is [`Error::InvalidSignature`]; a key that is
//!   not a curve point does not verify (`false`), as on chain.

use alloc::string::String;

use p256::ecdsa::signature::hazmat::PrehashVerifier as _;
use p256::ecdsa::{Signature, VerifyingKey};
use p256::EncodedPoint;

use crate::error::{Error, Result};

/// Reads r ‖ s, refusing r or s out of range and high s.
///
/// # Errors
/// [`Error::InvalidSignature`], [`Error::HighS`].
pub fn check_signature(signature: &[u8; 64]) -> Result<()> {
    parse_signature(signature).map(|_| ())
}

fn parse_signature(signature: &[u8; 64]) -> Result<Signature> {
    let sig = Signature::from_slice(signature).map_err(|_| Error::InvalidSignature {
        path: String::new(),
    })?;
    if sig.normalize_s().is_some() {
        return Err(Error::HighS {
            path: String::new(),
        });
    }
    Ok(sig)
}

/// Returns r ‖ s with s replaced by n − s when s > n/2 (the form the verifier
/// takes); other signatures unchanged.
///
/// # Errors
/// [`Error::InvalidSignature`] when r or s is zero or not below n.
pub fn normalize_s(signature: &[u8; 64]) -> Result<[u8; 64]> {
    let sig = Signature::from_slice(signature).map_err(|_| Error::InvalidSignature {
        path: String::new(),
    })?;
    let low = sig.normalize_s().unwrap_or(sig);
    let mut out = [0u8; 64];
    out.copy_from_slice(&low.to_bytes());
    Ok(out)
}

/// Verifies an ECDSA signature r ‖ s over a 32-byte prehash for the key x ‖ y.
/// `Ok(false)` when the signature does not check out or the key is not a
/// point of the curve.
///
/// # Errors
/// [`Error::InvalidSignature`], [`Error::HighS`] (malformed signatures).
pub fn verify_prehash(
    public_key: &[u8; 64],
    prehash: &[u8; 32],
    signature: &[u8; 64],
) -> Result<bool> {
    let sig = parse_signature(signature)?;
    let point = EncodedPoint::from_untagged_bytes(public_key.into());
    let Ok(key) = VerifyingKey::from_encoded_point(&point) else {
        return Ok(false);
    };
    Ok(key.verify_prehash(prehash, &sig).is_ok())
}
