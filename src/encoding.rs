//! Text encodings: the only place where strings become bytes and back.
//!
//! # Accepted forms
//!
//! | kind | accepted on input | emitted |
//! |---|---|---|
//! | hex | even-length `[0-9a-fA-F]*`, with or without a `0x` prefix | lowercase, without prefix ([`hex_encode`]) or with ([`hex_encode_prefixed`]) |
//! | base58 | Bitcoin alphabet ([`bs58`]) | Bitcoin alphabet |
//! | base64 | standard alphabet, padded or unpadded; URL-safe alphabet, stray characters and non-zero trailing bits are rejected | standard alphabet, padded |
//! | key / signature | `"<curve>:<base58>"`, curve prefix case-insensitive; exact lengths below | lowercase prefix |
//!
//! Key and signature lengths (NEAR Intents verifier, `crates/crypto`):
//!
//! | curve | public key | signature |
//! |---|---|---|
//! | `ed25519` | 32 bytes | 64 bytes (R ‖ S) |
//! | `secp256k1` | 64 bytes (x ‖ y, no `0x04` tag) | 65 bytes (r ‖ s ‖ v) |
//! | `p256` | 64 bytes (x ‖ y, no `0x04` tag) | 64 bytes (r ‖ s, not DER) |
//!
//! As in the verifier, a string without any `:` is taken as base58 data of the
//! expected curve; a prefix naming another curve is rejected
//! ([`Error::UnsupportedCurve`]).

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;

use crate::error::{Error, Result};

/// Longest base58 text decoded at all; longer text cannot be a key or signature
/// and is rejected before the (quadratic) decoder runs.
const MAX_BASE58_CHARS: usize = 1024;

const BASE64_INPUT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Decodes hex, with or without a `0x` / `0X` prefix.
///
/// ```
/// use intent_signer::encoding::hex_decode;
/// assert_eq!(hex_decode("0x00ff").unwrap(), [0, 255]);
/// assert_eq!(hex_decode("00FF").unwrap(), [0, 255]);
/// assert_eq!(hex_decode("0x0").unwrap_err().code(), "INVALID_HEX");
/// ```
///
/// # Errors
/// [`Error::InvalidHex`] for an odd length or a non-hex character.
pub fn hex_decode(s: &str) -> Result<Vec<u8>> {
    let body = s
        .strip_prefix("0x")
        .or_else(|| s.strip_prefix("0X"))
        .unwrap_or(s);
    alloy_primitives::hex::decode(body).map_err(|_| Error::InvalidHex {
        path: String::new(),
    })
}

/// Decodes hex into exactly `N` bytes.
///
/// # Errors
/// [`Error::InvalidHex`], or [`Error::InvalidLength`] when the length is not `N`.
pub fn hex_decode_array<const N: usize>(s: &str) -> Result<[u8; N]> {
    to_array(&hex_decode(s)?)
}

/// Lowercase hex without a prefix.
#[must_use]
pub fn hex_encode(bytes: &[u8]) -> String {
    alloy_primitives::hex::encode(bytes)
}

/// Lowercase hex with a `0x` prefix.
#[must_use]
pub fn hex_encode_prefixed(bytes: &[u8]) -> String {
    alloy_primitives::hex::encode_prefixed(bytes)
}

/// Decodes base58 (Bitcoin alphabet).
///
/// # Errors
/// [`Error::InvalidBase58`].
pub fn base58_decode(s: &str) -> Result<Vec<u8>> {
    bs58::decode(s)
        .into_vec()
        .map_err(|_| Error::InvalidBase58 {
            path: String::new(),
        })
}

/// Encodes base58 (Bitcoin alphabet).
#[must_use]
pub fn base58_encode(bytes: &[u8]) -> String {
    bs58::encode(bytes).into_string()
}

/// Decodes standard-alphabet base64, padded or unpadded.
///
/// ```
/// use intent_signer::encoding::base64_decode;
/// assert_eq!(base64_decode("AAE=").unwrap(), [0, 1]);
/// assert_eq!(base64_decode("AAE").unwrap(), [0, 1]);
/// assert_eq!(base64_decode("AA-_").unwrap_err().code(), "INVALID_BASE64"); // URL-safe alphabet
/// ```
///
/// # Errors
/// [`Error::InvalidBase64`].
pub fn base64_decode(s: &str) -> Result<Vec<u8>> {
    BASE64_INPUT.decode(s).map_err(|_| Error::InvalidBase64 {
        path: String::new(),
    })
}

/// Decodes base64 into exactly `N` bytes.
///
/// # Errors
/// [`Error::InvalidBase64`], or [`Error::InvalidLength`].
pub fn base64_decode_array<const N: usize>(s: &str) -> Result<[u8; N]> {
    to_array(&base64_decode(s)?)
}

/// Standard-alphabet base64 with padding.
#[must_use]
pub fn base64_encode(bytes: &[u8]) -> String {
    BASE64_INPUT.encode(bytes)
}

/// Copies a slice into a fixed-size array.
///
/// # Errors
/// [`Error::InvalidLength`] when the slice is not `N` bytes long.
pub fn to_array<const N: usize>(bytes: &[u8]) -> Result<[u8; N]> {
    <[u8; N]>::try_from(bytes).map_err(|_| Error::InvalidLength {
        path: String::new(),
        expected: N,
        actual: bytes.len(),
    })
}

/// An elliptic curve named by a key or signature prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Curve {
    /// Ed25519 (RFC 8032).
    Ed25519,
    /// secp256k1 ECDSA.
    Secp256k1,
    /// P-256 (secp256r1) ECDSA, the passkey curve of `webauthn` payloads.
    P256,
}

impl Curve {
    /// The lowercase prefix used in strings (`"ed25519"`, `"secp256k1"`, `"p256"`).
    #[must_use]
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Ed25519 => "ed25519",
            Self::Secp256k1 => "secp256k1",
            Self::P256 => "p256",
        }
    }

    fn from_prefix(prefix: &str) -> Result<Self> {
        if prefix.eq_ignore_ascii_case("ed25519") {
            Ok(Self::Ed25519)
        } else if prefix.eq_ignore_ascii_case("secp256k1") {
            Ok(Self::Secp256k1)
        } else if prefix.eq_ignore_ascii_case("p256") {
            Ok(Self::P256)
        } else {
            Err(Error::UnsupportedCurve {
                path: String::new(),
                found: prefix.into(),
            })
        }
    }
}

impl fmt::Display for Curve {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.prefix())
    }
}

/// Splits `"<curve>:<data>"`; no `:` means the caller's default curve.
fn split_curve(s: &str, default: Curve) -> Result<(Curve, &str)> {
    match s.split_once(':') {
        Some((prefix, data)) => Ok((Curve::from_prefix(prefix)?, data)),
        None => Ok((default, s)),
    }
}

/// Decodes base58 into exactly `N` bytes, refusing absurdly long text up front.
fn base58_array<const N: usize>(data: &str) -> Result<[u8; N]> {
    if data.len() > MAX_BASE58_CHARS {
        // Each base58 character carries at most log256(58) < 0.74 bytes, and
        // every leading '1' one zero byte: this is a lower bound of the length.
        let ones = data.bytes().take_while(|&b| b == b'1').count();
        let rest = data.len().saturating_sub(ones);
        return Err(Error::InvalidLength {
            path: String::new(),
            expected: N,
            actual: ones.saturating_add(rest / 100 * 73),
        });
    }
    to_array(&base58_decode(data)?)
}

/// Parses `"<curve>:<base58>"` where the curve must be `curve` (or be absent).
///
/// ```
/// use intent_signer::encoding::{parse_curve_bytes, Curve};
/// let key: [u8; 32] = parse_curve_bytes(
///     "ed25519:GGmuj19BsuQ4fwgk3rMsWyDuxEPcTttWjtdqFPfLtPX5", Curve::Ed25519).unwrap();
/// assert_eq!(key[0], 0xe2);
/// let err = parse_curve_bytes::<32>("secp256k1:GGmuj19BsuQ4fwgk3rMsWyDuxEPcTttWjtdqFPfLtPX5", Curve::Ed25519);
/// assert_eq!(err.unwrap_err().code(), "UNSUPPORTED_CURVE");
/// ```
///
/// # Errors
/// [`Error::UnsupportedCurve`], [`Error::InvalidBase58`], [`Error::InvalidLength`].
pub fn parse_curve_bytes<const N: usize>(s: &str, curve: Curve) -> Result<[u8; N]> {
    let (found, data) = split_curve(s, curve)?;
    if found != curve {
        return Err(Error::UnsupportedCurve {
            path: String::new(),
            found: found.prefix().into(),
        });
    }
    base58_array(data)
}

/// Formats bytes as `"<curve>:<base58>"` with the lowercase prefix.
#[must_use]
pub fn format_curve_bytes(curve: Curve, bytes: &[u8]) -> String {
    let mut out = String::from(curve.prefix());
    out.push(':');
    out.push_str(&base58_encode(bytes));
    out
}

/// A public key as the verifier knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PublicKey {
    /// A 32-byte compressed Ed25519 point.
    Ed25519([u8; 32]),
    /// A 64-byte uncompressed secp256k1 point x ‖ y, without the `0x04` tag.
    Secp256k1([u8; 64]),
    /// A 64-byte uncompressed P-256 point x ‖ y, without the `0x04` tag (passkeys).
    P256([u8; 64]),
}

impl PublicKey {
    /// Parses `"ed25519:<base58 32>"`, `"secp256k1:<base58 64>"` or
    /// `"p256:<base58 64>"` (no prefix: ed25519).
    ///
    /// # Errors
    /// [`Error::UnsupportedCurve`], [`Error::InvalidBase58`], [`Error::InvalidLength`].
    pub fn parse(s: &str) -> Result<Self> {
        let (curve, data) = split_curve(s, Curve::Ed25519)?;
        Ok(match curve {
            Curve::Ed25519 => Self::Ed25519(base58_array(data)?),
            Curve::Secp256k1 => Self::Secp256k1(base58_array(data)?),
            Curve::P256 => Self::P256(base58_array(data)?),
        })
    }

    /// The curve of this key.
    #[must_use]
    pub fn curve(&self) -> Curve {
        match self {
            Self::Ed25519(_) => Curve::Ed25519,
            Self::Secp256k1(_) => Curve::Secp256k1,
            Self::P256(_) => Curve::P256,
        }
    }

    /// The raw key bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Ed25519(b) => b,
            Self::Secp256k1(b) | Self::P256(b) => b,
        }
    }

    /// The implicit NEAR account id of this key: lowercase hex of an Ed25519
    /// key; `0x` + the lowercase Ethereum address of a secp256k1 key; for a
    /// P-256 key `0x` + hex(keccak256("p256" ‖ x ‖ y)[12..]) (the verifier's
    /// `to_implicit_account_id`, which prefixes the key so that the curves
    /// cannot collide).
    ///
    /// ```
    /// use intent_signer::encoding::PublicKey;
    /// // near/intents contracts/defuse/core/src/public_key.rs
    /// let k = PublicKey::parse("ed25519:5TagutioHgKLh7KZ1VEFBYfgRkPtqnKm9LoMnJMJugxm").unwrap();
    /// assert_eq!(k.implicit_account_id(),
    ///     "423df0a6640e9467769c55a573f15b9ee999dc8970048959c72890abf5cc3a8e");
    /// let p = PublicKey::parse("p256:3aMVMxsoAnHUbweXMtdKaN1uJaNwsfKv7wnc97SDGjXhyK62VyJwhPUPLZefKVthcoUcuWK6cqkSU4M542ipNxS3").unwrap();
    /// assert_eq!(p.implicit_account_id(), "0x7edf07ede58238026db3f90fc8032633b69b8de5");
    /// ```
    #[must_use]
    pub fn implicit_account_id(&self) -> String {
        match self {
            Self::Ed25519(b) => hex_encode(b),
            Self::Secp256k1(b) => hex_encode_prefixed(&crate::crypto::eth::address(b)),
            Self::P256(b) => hex_encode_prefixed(&crate::crypto::eth::p256_implicit_address(b)),
        }
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_curve_bytes(self.curve(), self.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_rejects_bad_padding_and_trailing_bits() {
        assert!(base64_decode("AAE==").is_err());
        assert!(base64_decode("AAF=").is_err()); // non-zero trailing bits
        assert!(base64_decode("A").is_err());
        assert!(base64_decode("AA E=").is_err());
        assert_eq!(base64_encode(&[0, 1]), "AAE=");
    }

    #[test]
    fn too_long_base58_is_a_length_error() {
        let long = "2".repeat(5000);
        let err = parse_curve_bytes::<32>(&long, Curve::Ed25519).unwrap_err();
        assert_eq!(err.code(), "INVALID_LENGTH");
    }

    #[test]
    fn prefix_is_case_insensitive_and_optional() {
        let a: [u8; 32] = parse_curve_bytes(
            "ED25519:GGmuj19BsuQ4fwgk3rMsWyDuxEPcTttWjtdqFPfLtPX5",
            Curve::Ed25519,
        )
        .unwrap();
        let b: [u8; 32] = parse_curve_bytes(
            "GGmuj19BsuQ4fwgk3rMsWyDuxEPcTttWjtdqFPfLtPX5",
            Curve::Ed25519,
        )
        .unwrap();
        assert_eq!(a, b);
        assert_eq!(
            PublicKey::Ed25519(a).to_string(),
            "ed25519:GGmuj19BsuQ4fwgk3rMsWyDuxEPcTttWjtdqFPfLtPX5"
        );
        // p256 keys are read since the `webauthn` standard (base58 of 64 bytes).
        assert_eq!(
            PublicKey::parse("p256:abc").unwrap_err().code(),
            "INVALID_LENGTH"
        );
        assert_eq!(
            PublicKey::parse("p384:abc").unwrap_err().code(),
            "UNSUPPORTED_CURVE"
        );
    }
}
