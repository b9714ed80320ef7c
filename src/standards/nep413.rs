//! NEP-413 (NEAR signed message), standard `"nep413"`.
//!
//! <https://github.com/near/NEPs/blob/master/neps/nep-0413.md>. Byte layout
//! (borsh, all integers little-endian):
//!
//! ```text
//! preimage = 9d 01 00 80                        u32 2147484061 = 2^31 + 413 (NEP-461 tag)
//!            len(message) u32 ‖ message         string
//!            nonce                              32 raw bytes
//!            len(recipient) u32 ‖ recipient     string
//!            00 | 01 ‖ len(url) u32 ‖ url       Option<String> callback_url
//! hash     = sha256(preimage)                   the 32 bytes the Ed25519 key signs
//! ```
//!
//! JSON form (as the verifier and wallets take it): `{message, nonce (base64 of
//! 32 bytes), recipient, callbackUrl?}`.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256};

#[cfg(feature = "ed25519")]
use crate::ed25519;
use crate::encoding::{base64_decode_array, base64_encode};
use crate::error::{Error, Result};
use crate::json::Obj;

/// The NEP-461 off-chain message prefix tag, 2^31 + 413.
///
/// ```
/// assert_eq!(intent_signer::nep413::OFFCHAIN_PREFIX_TAG, 2147484061);
/// assert_eq!(intent_signer::nep413::OFFCHAIN_PREFIX_TAG.to_le_bytes(), [0x9d, 0x01, 0x00, 0x80]);
/// ```
pub const OFFCHAIN_PREFIX_TAG: u32 = (1 << 31) + 413;

/// The NEP-413 payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nep413Payload {
    /// The message (for NEAR Intents: the intent JSON).
    pub message: String,
    /// 32-byte nonce (for NEAR Intents: the intent nonce).
    pub nonce: [u8; 32],
    /// The recipient (for NEAR Intents: the verifying contract).
    pub recipient: String,
    /// Optional callback URL; it is hashed when present.
    pub callback_url: Option<String>,
}

/// Field names of the JSON form.
pub(crate) const JSON_FIELDS: &[&str] = &["message", "nonce", "recipient", "callbackUrl"];

impl Nep413Payload {
    /// Reads the JSON form. `strict` rejects unknown fields; the verifier
    /// itself ignores them.
    ///
    /// # Errors
    /// [`Error::MissingField`], [`Error::InvalidJson`], [`Error::InvalidBase64`],
    /// [`Error::InvalidLength`] (nonce not 32 bytes), [`Error::UnknownField`].
    pub fn from_json(value: &Value, path: &str, strict: bool) -> Result<Self> {
        let obj = Obj::new(value, path)?;
        if strict {
            obj.deny_unknown(JSON_FIELDS)?;
        }
        let nonce =
            base64_decode_array(obj.req_str("nonce")?).map_err(|e| e.at(&obj.path_of("nonce")))?;
        Ok(Self {
            message: obj.req_str("message")?.into(),
            nonce,
            recipient: obj.req_str("recipient")?.into(),
            callback_url: obj.opt_str("callbackUrl")?.map(Into::into),
        })
    }

    /// The JSON form (`callbackUrl` omitted when absent).
    #[must_use]
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("message".into(), Value::String(self.message.clone()));
        map.insert("nonce".into(), Value::String(base64_encode(&self.nonce)));
        map.insert("recipient".into(), Value::String(self.recipient.clone()));
        if let Some(url) = &self.callback_url {
            map.insert("callbackUrl".into(), Value::String(url.clone()));
        }
        Value::Object(map)
    }
}

/// The exact bytes that get hashed.
///
/// # Errors
/// [`Error::InvalidLength`] when a string is longer than 4 GiB (borsh's u32 length).
pub fn preimage(payload: &Nep413Payload) -> Result<Vec<u8>> {
    borsh::to_vec(&(
        OFFCHAIN_PREFIX_TAG,
        &payload.message,
        &payload.nonce,
        &payload.recipient,
        &payload.callback_url,
    ))
    .map_err(|_| Error::InvalidLength {
        path: String::from("message"),
        expected: usize::try_from(u32::MAX).unwrap_or(usize::MAX),
        actual: payload.message.len(),
    })
}

/// sha256 of the preimage: the digest the key signs.
///
/// # Errors
/// See [`preimage`].
pub fn hash(payload: &Nep413Payload) -> Result<[u8; 32]> {
    Ok(Sha256::digest(preimage(payload)?).into())
}

/// Strict Ed25519 verification over [`hash`] (weak keys rejected).
///
/// # Errors
/// See [`preimage`].
#[cfg(feature = "ed25519")]
pub fn verify(
    payload: &Nep413Payload,
    public_key: &[u8; 32],
    signature: &[u8; 64],
) -> Result<bool> {
    Ok(ed25519::verify(public_key, &hash(payload)?, signature))
}

/// Signs [`hash`] with a 32-byte seed, as NEAR wallets and near-api-js do.
///
/// # Errors
/// See [`preimage`].
#[cfg(feature = "ed25519")]
pub fn sign(payload: &Nep413Payload, seed: &[u8; 32]) -> Result<[u8; 64]> {
    Ok(ed25519::sign(&hash(payload)?, seed))
}
