//! The `ton_connect` `MultiPayload` as the verifier parses it
//! (near/intents `contracts/defuse/core/src/payload/ton_connect.rs`,
//! `crates/signatures/ton-connect/src/lib.rs`):
//!
//! ```text
//! { "standard": "ton_connect",
//!   "address": "0:<64 hex>" | "<48-char user-friendly>",
//!   "domain": "<dApp domain>",
//!   "timestamp": <seconds> | "<seconds>" | "<RFC 3339>",
//!   "payload": { "type": "text", "text": "<intent message JSON>" }
//!            | { "type": "binary", "bytes": "<base64>" },
//!   "public_key": "ed25519:<base58 32>",      (prefix case-insensitive, optional)
//!   "signature":  "ed25519:<base58 64>" }
//! ```
//!
//! Only `text` carries an intent; reading the intent also requires
//! `deadline >= timestamp` (the verifier's stand-in for "the timestamp is
//! recent"). Unknown members are ignored, as serde ignores them.

use alloc::string::String;

use serde_json::Value;

use crate::encoding::{format_curve_bytes, parse_curve_bytes, Curve};
use crate::error::{Error, Result};
use crate::json::Obj;
use crate::standards::ton_connect::{self, Address, Payload, SignData, Timestamp};

/// A signed `ton_connect` payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedTonConnect {
    /// `address` exactly as given (written back unchanged).
    pub address_text: String,
    /// The parsed address.
    pub address: Address,
    /// The dApp domain.
    pub domain: String,
    /// `timestamp` exactly as given (a number or a string).
    pub timestamp_json: Value,
    /// The parsed timestamp.
    pub timestamp: Timestamp,
    /// The payload.
    pub payload: Payload,
    /// The wallet's Ed25519 key.
    pub public_key: [u8; 32],
    /// The signature over the hash.
    pub signature: [u8; 64],
}

fn curve_field<const N: usize>(obj: &Obj<'_>, key: &str) -> Result<[u8; N]> {
    parse_curve_bytes(obj.req_str(key)?, Curve::Ed25519).map_err(|e| e.at(&obj.path_of(key)))
}

impl SignedTonConnect {
    /// Reads the fields of a `ton_connect` `MultiPayload`.
    ///
    /// # Errors
    /// [`Error::MissingField`], [`Error::InvalidJson`], [`Error::InvalidAddress`],
    /// [`Error::InvalidTimestamp`], [`Error::UnsupportedPayload`] (a `cell` or
    /// unknown payload type), [`Error::InvalidBase64`], and the key and
    /// signature string errors, with paths.
    pub(crate) fn from_obj(obj: &Obj<'_>) -> Result<Self> {
        let address_text = obj.req_str("address")?;
        let address = Address::parse(address_text).map_err(|e| e.at(&obj.path_of("address")))?;
        let domain = obj.req_str("domain")?.into();
        let timestamp_json = obj.req("timestamp")?.clone();
        let timestamp =
            Timestamp::from_json(&timestamp_json).map_err(|e| e.at(&obj.path_of("timestamp")))?;
        let ppath = obj.path_of("payload");
        let pobj = Obj::new(obj.req("payload")?, &ppath)?;
        let payload = match pobj.req_str("type")? {
            "text" => Payload::Text(pobj.req_str("text")?.into()),
            "binary" => Payload::Binary(
                ton_connect::decode_binary(pobj.req_str("bytes")?)
                    .map_err(|e| e.at(&pobj.path_of("bytes")))?,
            ),
            other => {
                return Err(Error::UnsupportedPayload {
                    path: pobj.path_of("type"),
                    reason: if other == "cell" {
                        String::from(
                            "TON Connect cell payloads are not compiled into the verifier (it refuses them)",
                        )
                    } else {
                        alloc::format!(
                            "payload type {} is not text or binary",
                            crate::review::quote(other)
                        )
                    },
                })
            }
        };
        Ok(Self {
            address_text: address_text.into(),
            address,
            domain,
            timestamp_json,
            timestamp,
            payload,
            public_key: curve_field(obj, "public_key")?,
            signature: curve_field(obj, "signature")?,
        })
    }

    /// What the wallet signed.
    ///
    /// # Errors
    /// [`Error::InvalidTimestamp`] (before 1970; refused at parse already).
    pub fn sign_data(&self) -> Result<SignData> {
        Ok(SignData {
            address: self.address,
            domain: self.domain.clone(),
            timestamp: self.timestamp.seconds()?,
            payload: self.payload.clone(),
        })
    }

    /// The intent hash: the signed sha256.
    ///
    /// # Errors
    /// As [`ton_connect::hash`].
    pub fn intent_hash(&self) -> Result<[u8; 32]> {
        ton_connect::hash(&self.sign_data()?)
    }

    /// The text that carries the intent.
    ///
    /// # Errors
    /// [`Error::UnsupportedPayload`] for a binary payload (the verifier: "only
    /// text payload supported").
    pub fn text(&self) -> Result<&str> {
        match &self.payload {
            Payload::Text(t) => Ok(t),
            Payload::Binary(_) => Err(Error::UnsupportedPayload {
                path: String::from("payload.type"),
                reason: String::from(
                    "only a text payload carries an intent (the verifier refuses binary ones)",
                ),
            }),
        }
    }

    /// The payload object as written back.
    pub(crate) fn payload_json(&self) -> Value {
        let mut m = serde_json::Map::new();
        match &self.payload {
            Payload::Text(t) => {
                m.insert("type".into(), "text".into());
                m.insert("text".into(), t.as_str().into());
            }
            Payload::Binary(b) => {
                m.insert("type".into(), "binary".into());
                m.insert("bytes".into(), ton_connect::encode_binary(b).into());
            }
        }
        Value::Object(m)
    }

    /// `public_key` as the verifier writes it.
    #[must_use]
    pub fn public_key_text(&self) -> String {
        format_curve_bytes(Curve::Ed25519, &self.public_key)
    }
}
