//! TON Connect `signData`, standard `"ton_connect"`.
//!
//! <https://docs.tonconsole.com/academy/sign-data>, as the NEAR Intents
//! verifier hashes it (near/intents `crates/signatures/ton-connect/src/lib.rs`):
//!
//! ```text
//! preimage = 0xFF 0xFF ‖ "ton-connect/sign-data/"
//!          ‖ workchain (i32 BE) ‖ address hash (32)
//!          ‖ len(domain) (u32 BE) ‖ domain
//!          ‖ timestamp (u64 BE, seconds)
//!          ‖ "txt" | "bin" ‖ len(payload) (u32 BE) ‖ payload
//! hash     = sha256(preimage)        (the 32-byte value the Ed25519 key signs;
//!                                     also the intent hash)
//! ```
//!
//! Payload forms: `text` (the only one that carries an intent) and `binary`
//! (hashed and verified, but the verifier's extraction refuses it). The
//! `cell` form is not compiled into the deployed verifier (the crate's `cell`
//! feature is off in `defuse-core`), so it is refused at parse, as on chain
//! ([`Error::UnsupportedPayload`]).
//!
//! Addresses: raw `<workchain>:<64 hex>` or the 48-character user-friendly
//! form (standard or URL-safe base64 of flags ‖ workchain i8 ‖ hash ‖ CRC16),
//! read as the verifier's `tlb-ton` `MsgAddress::from_str` reads them.

use alloc::string::String;
use alloc::vec::Vec;

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use serde_json::Value;
use sha2::{Digest as _, Sha256};

use crate::crypto::ed25519;
use crate::error::{Error, Result};

/// The fixed start of the preimage.
///
/// ```
/// assert_eq!(intent_signer::standards::ton_connect::PREFIX, b"\xff\xffton-connect/sign-data/");
/// ```
pub const PREFIX: &[u8] = b"\xFF\xFFton-connect/sign-data/";

/// A TON address: workchain and 32-byte account hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Address {
    /// The workchain id (0 basechain, -1 masterchain).
    pub workchain: i32,
    /// The account hash.
    pub hash: [u8; 32],
}

fn bad_address(reason: &str) -> Error {
    Error::InvalidAddress {
        path: String::new(),
        reason: reason.into(),
    }
}

/// CRC-16/XMODEM (poly 0x1021, init 0), the checksum of user-friendly addresses.
fn crc16_xmodem(bytes: &[u8]) -> u16 {
    let mut crc: u16 = 0;
    for &b in bytes {
        crc ^= u16::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 == 0 {
                crc << 1
            } else {
                (crc << 1) ^ 0x1021
            };
        }
    }
    crc
}

const NO_PAD: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::RequireNone);
const STD_NO_PAD: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::STANDARD, NO_PAD);
const URL_NO_PAD: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::URL_SAFE, NO_PAD);

impl Address {
    /// Parses an address as the verifier does: exactly 48 bytes → the
    /// user-friendly form (URL-safe base64 if it contains `-` or `_`, else
    /// standard; flags 0x11/0x51/0x91/0xD1; CRC16 checked); anything else →
    /// `<workchain i32>:<64 hex digits>`.
    ///
    /// ```
    /// use intent_signer::standards::ton_connect::Address;
    /// let raw = Address::parse("0:f4809e5ffac9dc42a6b1d94c5e74ad5fd86378de675c805f2274d0055cbc9378").unwrap();
    /// assert_eq!(raw.workchain, 0);
    /// assert_eq!(Address::parse(&raw.to_user_friendly(true)).unwrap(), raw);
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidAddress`].
    pub fn parse(text: &str) -> Result<Self> {
        if text.len() == 48 {
            let engine = if text.contains(['-', '_']) {
                URL_NO_PAD
            } else {
                STD_NO_PAD
            };
            let mut bytes = [0u8; 36];
            match engine.decode_slice(text, &mut bytes) {
                Ok(36) => {}
                _ => {
                    return Err(bad_address(
                        "not the base64 of a 36-byte user-friendly address",
                    ))
                }
            }
            let (body, crc) = bytes.split_at(34);
            let [flags, wc, hash @ ..] = body else {
                return Err(bad_address("short address"));
            };
            if !matches!(flags, 0x11 | 0x51 | 0x91 | 0xD1) {
                return Err(bad_address("unknown user-friendly address flags"));
            }
            if crc != crc16_xmodem(body).to_be_bytes() {
                return Err(bad_address("the address checksum (CRC16) does not match"));
            }
            let mut out = [0u8; 32];
            out.copy_from_slice(hash);
            return Ok(Self {
                workchain: i32::from(i8::from_be_bytes([*wc])),
                hash: out,
            });
        }
        let (wc, hex) = text
            .split_once(':')
            .ok_or_else(|| bad_address("expected <workchain>:<hex> or a user-friendly address"))?;
        let workchain: i32 = wc
            .parse()
            .map_err(|_| bad_address("the workchain is not a 32-bit integer"))?;
        if hex.len() != 64 {
            return Err(bad_address("the account hash is not 64 hex digits"));
        }
        let hash = crate::encoding::hex_decode_array::<32>(hex)
            .map_err(|_| bad_address("the account hash is not 64 hex digits"))?;
        // hex_decode_array accepts a 0x prefix; the verifier's hex does not
        // (and the length check above leaves no room for one).
        Ok(Self { workchain, hash })
    }

    /// The raw form `<workchain>:<lowercase hex>`.
    #[must_use]
    pub fn to_raw(&self) -> String {
        alloc::format!(
            "{}:{}",
            self.workchain,
            crate::encoding::hex_encode(&self.hash)
        )
    }

    /// The user-friendly form (URL-safe base64, production network).
    #[must_use]
    pub fn to_user_friendly(&self, bounceable: bool) -> String {
        let [.., wc] = self.workchain.to_be_bytes();
        let mut bytes = Vec::with_capacity(36);
        bytes.push(if bounceable { 0x11 } else { 0x51 });
        bytes.push(wc);
        bytes.extend_from_slice(&self.hash);
        let crc = crc16_xmodem(&bytes).to_be_bytes();
        bytes.extend_from_slice(&crc);
        URL_NO_PAD.encode(bytes)
    }
}

/// The signed payload of `signData`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// `{"type":"text","text":…}`: human-readable text (the intent message).
    Text(String),
    /// `{"type":"binary","bytes":<base64>}`.
    Binary(Vec<u8>),
}

/// A timestamp as the verifier reads `timestamp`: an RFC 3339 string, a
/// string of decimal seconds, or a JSON integer of seconds (tried in that
/// order, `serde_with` `PickFirst`), within the years -9999..=9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    /// Nanoseconds since the Unix epoch (RFC 3339 keeps fractions).
    pub unix_nanos: i128,
}

impl Timestamp {
    /// Whole seconds, as the preimage takes them.
    ///
    /// # Errors
    /// [`Error::InvalidTimestamp`] before 1970: the verifier cannot hash it
    /// (its `hash()` panics and `verify()` is false).
    pub fn seconds(&self) -> Result<u64> {
        u64::try_from(self.unix_nanos / 1_000_000_000)
            .ok()
            .filter(|_| self.unix_nanos >= 0)
            .ok_or_else(|| Error::InvalidTimestamp {
                path: String::new(),
                reason: "before 1970-01-01: the verifier cannot hash it".into(),
            })
    }

    /// Reads the JSON value.
    ///
    /// # Errors
    /// [`Error::InvalidTimestamp`].
    pub fn from_json(value: &Value) -> Result<Self> {
        let fail = |reason: &str| Error::InvalidTimestamp {
            path: String::new(),
            reason: reason.into(),
        };
        let from_secs = |s: i64| {
            time::OffsetDateTime::from_unix_timestamp(s)
                .map(|t| Self {
                    unix_nanos: t.unix_timestamp_nanos(),
                })
                .map_err(|_| fail("seconds outside the years -9999..=9999"))
        };
        let ts = match value {
            Value::String(text) => {
                if let Ok(t) = time::OffsetDateTime::parse(
                    text,
                    &time::format_description::well_known::Rfc3339,
                ) {
                    Self {
                        unix_nanos: t.unix_timestamp_nanos(),
                    }
                } else if let Ok(s) = text.parse::<i64>() {
                    from_secs(s)?
                } else {
                    return Err(fail("expected RFC 3339 or decimal seconds"));
                }
            }
            Value::Number(n) => from_secs(
                n.as_i64()
                    .ok_or_else(|| fail("expected an integer number of seconds"))?,
            )?,
            _ => return Err(fail("expected a string or an integer")),
        };
        ts.seconds()?;
        Ok(ts)
    }
}

/// Everything `signData` signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignData {
    /// The wallet address.
    pub address: Address,
    /// The dApp domain.
    pub domain: String,
    /// Seconds since the Unix epoch.
    pub timestamp: u64,
    /// The payload.
    pub payload: Payload,
}

fn u32_len(len: usize, what: &str) -> Result<[u8; 4]> {
    u32::try_from(len)
        .map(u32::to_be_bytes)
        .map_err(|_| Error::InvalidLength {
            path: what.into(),
            expected: usize::try_from(u32::MAX).unwrap_or(usize::MAX),
            actual: len,
        })
}

/// The exact bytes that get hashed.
///
/// # Errors
/// [`Error::InvalidLength`] for a domain or payload of 4 GiB or more.
pub fn preimage(data: &SignData) -> Result<Vec<u8>> {
    let (tag, body): (&[u8], &[u8]) = match &data.payload {
        Payload::Text(t) => (b"txt", t.as_bytes()),
        Payload::Binary(b) => (b"bin", b),
    };
    let domain_len = u32_len(data.domain.len(), "domain")?;
    let body_len = u32_len(body.len(), "payload")?;
    let mut out = Vec::with_capacity(PREFIX.len() + 36 + 4 + data.domain.len() + 15 + body.len());
    out.extend_from_slice(PREFIX);
    out.extend_from_slice(&data.address.workchain.to_be_bytes());
    out.extend_from_slice(&data.address.hash);
    out.extend_from_slice(&domain_len);
    out.extend_from_slice(data.domain.as_bytes());
    out.extend_from_slice(&data.timestamp.to_be_bytes());
    out.extend_from_slice(tag);
    out.extend_from_slice(&body_len);
    out.extend_from_slice(body);
    Ok(out)
}

/// sha256 of the preimage: the digest that is signed, and the intent hash.
///
/// # Errors
/// As [`preimage`].
pub fn hash(data: &SignData) -> Result<[u8; 32]> {
    Ok(Sha256::digest(preimage(data)?).into())
}

/// Strict Ed25519 verification over [`hash`] (weak keys rejected).
///
/// # Errors
/// As [`preimage`].
pub fn verify(data: &SignData, public_key: &[u8; 32], signature: &[u8; 64]) -> Result<bool> {
    Ok(ed25519::verify(public_key, &hash(data)?, signature))
}

/// Signs [`hash`] with a 32-byte seed, as a TON wallet does.
///
/// # Errors
/// As [`preimage`].
pub fn sign(data: &SignData, seed: &[u8; 32]) -> Result<[u8; 64]> {
    Ok(ed25519::sign(&hash(data)?, seed))
}

/// Reads standard base64 as the verifier reads binary payload bytes
/// (padding optional, trailing bits refused).
///
/// # Errors
/// [`Error::InvalidBase64`].
pub fn decode_binary(text: &str) -> Result<Vec<u8>> {
    crate::encoding::base64_decode(text)
}

/// Base64 with padding, as binary payload bytes are written back.
#[must_use]
pub fn encode_binary(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc16_check_value() {
        // CRC-16/XMODEM of "123456789" is 0x31C3.
        assert_eq!(crc16_xmodem(b"123456789"), 0x31C3);
    }

    #[test]
    fn address_forms() {
        let raw = "0:f4809e5ffac9dc42a6b1d94c5e74ad5fd86378de675c805f2274d0055cbc9378";
        let a = Address::parse(raw).unwrap();
        assert_eq!(a.to_raw(), raw);
        let upper = Address::parse(&raw.to_uppercase()).unwrap();
        assert_eq!(upper, a);
        assert_eq!(Address::parse(&alloc::format!("+{raw}")).unwrap(), a);
        let uf = a.to_user_friendly(false);
        assert_eq!(Address::parse(&uf).unwrap(), a);
        let std = uf.replace('-', "+").replace('_', "/");
        assert_eq!(Address::parse(&std).unwrap(), a);
        let mut bad = uf.into_bytes();
        bad[47] = if bad[47] == b'A' { b'B' } else { b'A' };
        let err = Address::parse(core::str::from_utf8(&bad).unwrap()).unwrap_err();
        assert_eq!(err.code(), "INVALID_ADDRESS");
        assert!(Address::parse(
            "0:0xf4809e5ffac9dc42a6b1d94c5e74ad5fd86378de675c805f2274d0055cbc93"
        )
        .is_err());
        assert!(Address::parse("0:f4").is_err());
        assert!(
            Address::parse("f4809e5ffac9dc42a6b1d94c5e74ad5fd86378de675c805f2274d0055cbc9378")
                .is_err()
        );
        let mc =
            Address::parse("-1:f4809e5ffac9dc42a6b1d94c5e74ad5fd86378de675c805f2274d0055cbc9378")
                .unwrap();
        assert_eq!(
            Address::parse(&mc.to_user_friendly(true))
                .unwrap()
                .workchain,
            -1
        );
    }

    #[test]
    fn timestamp_forms() {
        let t = |v: Value| Timestamp::from_json(&v).map(|t| t.unix_nanos);
        assert_eq!(
            t(Value::from(1_747_759_882)).unwrap(),
            1_747_759_882_000_000_000
        );
        assert_eq!(
            t(Value::from("1747759882")).unwrap(),
            1_747_759_882_000_000_000
        );
        assert_eq!(
            t(Value::from("+1747759882")).unwrap(),
            1_747_759_882_000_000_000
        );
        assert_eq!(
            t(Value::from("2025-05-20T16:51:22Z")).unwrap(),
            1_747_759_882_000_000_000
        );
        assert_eq!(t(Value::from(-1)).unwrap_err().code(), "INVALID_TIMESTAMP");
        assert_eq!(t(Value::from(1.5)).unwrap_err().code(), "INVALID_TIMESTAMP");
        assert_eq!(
            t(Value::from("soon")).unwrap_err().code(),
            "INVALID_TIMESTAMP"
        );
        assert_eq!(
            t(Value::from(u64::MAX)).unwrap_err().code(),
            "INVALID_TIMESTAMP"
        );
        assert_eq!(t(Value::Null).unwrap_err().code(), "INVALID_TIMESTAMP");
    }
}
