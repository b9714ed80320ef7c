//! secp256k1 ECDSA as the NEAR Intents verifier uses it for `erc191` and `tip191`.
//!
//! - Signatures are 65 bytes r ‖ s ‖ v. Wallets emit v = 27/28; the verifier
//!   wants the recovery id 0/1. [`normalize_v`] maps {0, 1, 27, 28} → {0, 1}
//!   and rejects anything else ([`Error::InvalidRecoveryId`]).
//! - High-s signatures (s > n/2) are rejected ([`Error::HighS`]), as the
//!   verifier does (`crates/crypto/src/secp256k1.rs`: `if signature.s().is_high()`).
//! - Signing is deterministic (RFC 6979) and always low-s with v ∈ {0, 1}.
//! - Public keys are 64 bytes x ‖ y without the SEC1 `0x04` tag; the address is
//!   the last 20 bytes of keccak256(x ‖ y).

use alloc::string::String;

use k256::ecdsa::{RecoveryId, Signature, SigningKey, VerifyingKey};
use k256::elliptic_curve::ops::{LinearCombination, Reduce};
use k256::elliptic_curve::point::DecompressPoint;
use k256::elliptic_curve::subtle::Choice;
use k256::elliptic_curve::PrimeField;
use k256::{AffinePoint, FieldBytes, ProjectivePoint, Scalar, U256};

pub use super::eth::{address, checksum_address};
use crate::error::{Error, Result};

/// Maps a recovery byte from {0, 1, 27, 28} to the recovery id {0, 1}.
///
/// ```
/// use intent_signer::secp256k1::normalize_v;
/// assert_eq!(normalize_v(28).unwrap(), 1);
/// assert_eq!(normalize_v(0).unwrap(), 0);
/// assert_eq!(normalize_v(29).unwrap_err().code(), "INVALID_RECOVERY_ID");
/// ```
///
/// # Errors
/// [`Error::InvalidRecoveryId`] for any other byte.
pub fn normalize_v(v: u8) -> Result<u8> {
    match v {
        0 | 1 => Ok(v),
        27 | 28 => Ok(v - 27),
        _ => Err(Error::InvalidRecoveryId {
            path: String::new(),
            v,
        }),
    }
}

/// Returns the signature with its recovery byte normalised to 0/1, after
/// checking r and s (non-zero, below n, s ≤ n/2).
///
/// # Errors
/// [`Error::InvalidRecoveryId`], [`Error::InvalidSignature`], [`Error::HighS`].
pub fn normalize_signature(sig: &[u8; 65]) -> Result<[u8; 65]> {
    let (_, recid) = split(sig)?;
    let mut out = *sig;
    out[64] = recid.to_byte();
    Ok(out)
}

fn split(sig: &[u8; 65]) -> Result<(Signature, RecoveryId)> {
    let (rs, v) = sig.split_at(64);
    let v = normalize_v(v.first().copied().unwrap_or(u8::MAX))?;
    let ecdsa = Signature::from_slice(rs).map_err(|_| Error::InvalidSignature {
        path: String::new(),
    })?;
    if ecdsa.normalize_s().is_some() {
        return Err(Error::HighS {
            path: String::new(),
        });
    }
    let recid = RecoveryId::from_byte(v).ok_or(Error::InvalidRecoveryId {
        path: String::new(),
        v,
    })?;
    Ok((ecdsa, recid))
}

/// Recovers the 64-byte public key x ‖ y that signed the 32-byte `prehash`.
///
/// # Errors
/// [`Error::InvalidRecoveryId`], [`Error::InvalidSignature`], [`Error::HighS`] for
/// malformed signatures; [`Error::UnrecoverableSignature`] when no key recovers.
pub fn recover_prehash(prehash: &[u8; 32], sig: &[u8; 65]) -> Result<[u8; 64]> {
    let (ecdsa, recid) = split(sig)?;
    let unrecoverable = || Error::UnrecoverableSignature {
        path: String::new(),
    };
    // Q = r⁻¹·(s·R − z·G), with R the curve point whose x is r and whose y
    // parity is the recovery id. `VerifyingKey::recover_from_prehash` computes
    // the same and then verifies the signature against Q, which always holds
    // when Q is not the identity (u1·G + u2·Q = R by construction); that second
    // multiplication doubled the cost of every recovery, so it is skipped here.
    // `split` only admits recovery ids 0 and 1, so r is never x-reduced.
    let (r, s) = ecdsa.split_scalars();
    let z = <Scalar as Reduce<U256>>::reduce_bytes(&FieldBytes::from(*prehash));
    let big_r = Option::<AffinePoint>::from(AffinePoint::decompress(
        &r.to_repr(),
        Choice::from(u8::from(recid.is_y_odd())),
    ))
    .ok_or_else(unrecoverable)?;
    let r_inv = Option::<Scalar>::from(r.as_ref().invert()).ok_or_else(unrecoverable)?;
    let u1 = -(r_inv * z);
    let u2 = r_inv * *s;
    let q = ProjectivePoint::lincomb(
        &ProjectivePoint::GENERATOR,
        &u1,
        &ProjectivePoint::from(big_r),
        &u2,
    );
    let key = VerifyingKey::from_affine(q.to_affine()).map_err(|_| unrecoverable())?;
    Ok(uncompressed(&key))
}

fn uncompressed(key: &VerifyingKey) -> [u8; 64] {
    let point = key.to_encoded_point(false);
    let mut out = [0u8; 64];
    // An uncompressed SEC1 point is 0x04 ‖ x ‖ y: 65 bytes.
    if let Some(xy) = point.as_bytes().get(1..65) {
        out.copy_from_slice(xy);
    }
    out
}

/// Signs a 32-byte prehash: RFC 6979, low-s, v ∈ {0, 1}.
///
/// # Errors
/// [`Error::InvalidSecretKey`] when the key is zero or not below n.
pub fn sign_prehash(prehash: &[u8; 32], secret_key: &[u8; 32]) -> Result<[u8; 65]> {
    let key = signing_key(secret_key)?;
    let (sig, recid) =
        key.sign_prehash_recoverable(prehash)
            .map_err(|_| Error::InvalidSecretKey {
                path: String::new(),
            })?;
    let mut out = [0u8; 65];
    let (rs, v) = out.split_at_mut(64);
    rs.copy_from_slice(&sig.to_bytes());
    if let Some(v) = v.first_mut() {
        *v = recid.to_byte();
    }
    Ok(out)
}

fn signing_key(secret_key: &[u8; 32]) -> Result<SigningKey> {
    SigningKey::from_bytes(secret_key.into()).map_err(|_| Error::InvalidSecretKey {
        path: String::new(),
    })
}

/// The 64-byte public key x ‖ y of a secret key.
///
/// # Errors
/// [`Error::InvalidSecretKey`].
pub fn public_key(secret_key: &[u8; 32]) -> Result<[u8; 64]> {
    Ok(uncompressed(signing_key(secret_key)?.verifying_key()))
}
