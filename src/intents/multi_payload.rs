//! The `MultiPayload` envelope that `intents.near` `execute_intents` takes,
//! internally tagged by `"standard"`.
//!
//! | standard | fields | intent hash | signed bytes |
//! |---|---|---|---|
//! | `nep413` | `payload{message,nonce,recipient,callbackUrl?}`, `public_key`, `signature` | sha256(NEP-413 preimage) | that hash |
//! | `erc191` | `payload` (string), `signature` (65 bytes, v 0/1) | keccak256(EIP-191 preimage) | that hash |
//! | `tip191` | `payload`, `signature` | keccak256(TIP-191 preimage) | that hash |
//! | `raw_ed25519` | `payload`, `public_key`, `signature` | sha256(payload) | the payload bytes |
//! | `sep53` | `payload`, `public_key`, `signature` | sha256(SEP-53 preimage) | that hash |
//!
//! Parsing follows the verifier: unknown keys are ignored, key and signature
//! strings have exact lengths, curve prefixes are case-insensitive. Inside a
//! `MultiPayload` the secp256k1 `v` must already be the recovery id 0 or 1
//! (the verifier rejects 27/28): normalise wallet output first.
//! Payload strings are kept exactly as given; [`MultiPayload::to_json`] writes
//! them back unchanged.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::encoding::{
    base58_encode, base64_encode, format_curve_bytes, parse_curve_bytes, Curve, PublicKey,
};
use crate::error::{Error, Result};
use crate::intent::{self, Decoded, Warning};
use crate::json::{self, Obj};
use crate::nep413::{self, Nep413Payload};
use crate::{erc191, raw_ed25519, sep53, tip191};

/// The signing standards this crate handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standard {
    /// NEP-413 (NEAR wallets).
    Nep413,
    /// ERC-191 `personal_sign` (EVM wallets).
    Erc191,
    /// TIP-191 (TRON wallets).
    Tip191,
    /// Raw Ed25519 (Solana wallets).
    RawEd25519,
    /// SEP-53 (Stellar wallets).
    Sep53,
}

impl Standard {
    /// Every standard, in the order above.
    pub const ALL: [Self; 5] = [
        Self::Nep413,
        Self::Erc191,
        Self::Tip191,
        Self::RawEd25519,
        Self::Sep53,
    ];

    /// The `"standard"` tag.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Nep413 => "nep413",
            Self::Erc191 => "erc191",
            Self::Tip191 => "tip191",
            Self::RawEd25519 => "raw_ed25519",
            Self::Sep53 => "sep53",
        }
    }

    /// Reads a `"standard"` tag (exact, lowercase).
    ///
    /// # Errors
    /// [`Error::UnknownStandard`], also for the verifier's `webauthn` and
    /// `ton_connect`, which this crate does not handle.
    pub fn parse(tag: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == tag)
            .ok_or_else(|| Error::UnknownStandard {
                path: String::new(),
                found: tag.into(),
            })
    }
}

impl fmt::Display for Standard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A signed payload for the verifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MultiPayload {
    /// `"nep413"`.
    Nep413 {
        /// The NEP-413 payload.
        payload: Nep413Payload,
        /// Ed25519 key.
        public_key: [u8; 32],
        /// Ed25519 signature over the NEP-413 hash.
        signature: [u8; 64],
    },
    /// `"erc191"`.
    Erc191 {
        /// The signed string.
        payload: String,
        /// r ‖ s ‖ v.
        signature: [u8; 65],
    },
    /// `"tip191"`.
    Tip191 {
        /// The signed string.
        payload: String,
        /// r ‖ s ‖ v.
        signature: [u8; 65],
    },
    /// `"raw_ed25519"`.
    RawEd25519 {
        /// The signed string.
        payload: String,
        /// Ed25519 key.
        public_key: [u8; 32],
        /// Ed25519 signature over the payload bytes.
        signature: [u8; 64],
    },
    /// `"sep53"`.
    Sep53 {
        /// The signed string.
        payload: String,
        /// Ed25519 key.
        public_key: [u8; 32],
        /// Ed25519 signature over the SEP-53 hash.
        signature: [u8; 64],
    },
}

/// The result of [`MultiPayload::verify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The signature checks out for the key, and an implicit `signer_id` is
    /// that key's account. (A named account's key must be registered in the
    /// verifier, which cannot be checked offline: see the `NAMED_ACCOUNT` warning.)
    pub valid: bool,
    /// The standard.
    pub standard: Standard,
    /// The key given or recovered (`None` when no key recovers).
    pub public_key: Option<PublicKey>,
    /// `signer_id` from the intent message.
    pub signer_id: String,
    /// The intent hash the verifier reports.
    pub intent_hash: [u8; 32],
    /// Non-fatal findings.
    pub warnings: Vec<Warning>,
}

fn curve_field<const N: usize>(obj: &Obj<'_>, key: &str, curve: Curve) -> Result<[u8; N]> {
    parse_curve_bytes(obj.req_str(key)?, curve).map_err(|e| e.at(&obj.path_of(key)))
}

impl MultiPayload {
    /// Parses the JSON text of one `MultiPayload`.
    ///
    /// # Errors
    /// [`Error::InvalidJson`], [`Error::MissingField`], [`Error::UnknownStandard`],
    /// and the key/signature string errors of [`crate::encoding`], with paths.
    pub fn parse(text: &str) -> Result<Self> {
        Self::from_json(&json::parse(text, "")?)
    }

    /// Reads an already-parsed `MultiPayload`.
    ///
    /// # Errors
    /// As [`MultiPayload::parse`].
    pub fn from_json(value: &Value) -> Result<Self> {
        let obj = Obj::new(value, "")?;
        let standard = Standard::parse(obj.req_str("standard")?).map_err(|e| e.at("standard"))?;
        let string_payload = || obj.req_str("payload").map(String::from);
        Ok(match standard {
            Standard::Nep413 => Self::Nep413 {
                payload: Nep413Payload::from_json(obj.req("payload")?, "payload", false)?,
                public_key: curve_field(&obj, "public_key", Curve::Ed25519)?,
                signature: curve_field(&obj, "signature", Curve::Ed25519)?,
            },
            Standard::Erc191 => Self::Erc191 {
                payload: string_payload()?,
                signature: curve_field(&obj, "signature", Curve::Secp256k1)?,
            },
            Standard::Tip191 => Self::Tip191 {
                payload: string_payload()?,
                signature: curve_field(&obj, "signature", Curve::Secp256k1)?,
            },
            Standard::RawEd25519 => Self::RawEd25519 {
                payload: string_payload()?,
                public_key: curve_field(&obj, "public_key", Curve::Ed25519)?,
                signature: curve_field(&obj, "signature", Curve::Ed25519)?,
            },
            Standard::Sep53 => Self::Sep53 {
                payload: string_payload()?,
                public_key: curve_field(&obj, "public_key", Curve::Ed25519)?,
                signature: curve_field(&obj, "signature", Curve::Ed25519)?,
            },
        })
    }

    /// The standard of this payload.
    #[must_use]
    pub fn standard(&self) -> Standard {
        match self {
            Self::Nep413 { .. } => Standard::Nep413,
            Self::Erc191 { .. } => Standard::Erc191,
            Self::Tip191 { .. } => Standard::Tip191,
            Self::RawEd25519 { .. } => Standard::RawEd25519,
            Self::Sep53 { .. } => Standard::Sep53,
        }
    }

    /// The intent hash, as `MultiPayload::hash()` in the verifier.
    ///
    /// # Errors
    /// Only for a NEP-413 string over 4 GiB.
    pub fn intent_hash(&self) -> Result<[u8; 32]> {
        Ok(match self {
            Self::Nep413 { payload, .. } => nep413::hash(payload)?,
            Self::Erc191 { payload, .. } => erc191::hash(payload.as_bytes()),
            Self::Tip191 { payload, .. } => tip191::hash(payload.as_bytes()),
            Self::RawEd25519 { payload, .. } => raw_ed25519::intent_hash(payload.as_bytes()),
            Self::Sep53 { payload, .. } => sep53::hash(payload.as_bytes()),
        })
    }

    /// Decodes the intent message inside.
    ///
    /// # Errors
    /// As [`intent::decode`], with paths under `payload`.
    pub fn decode_intent(&self) -> Result<Decoded> {
        match self {
            Self::Nep413 { payload, .. } => {
                intent::decode_nep413(payload).map_err(|e| e.at("payload"))
            }
            Self::Erc191 { payload, .. }
            | Self::Tip191 { payload, .. }
            | Self::RawEd25519 { payload, .. }
            | Self::Sep53 { payload, .. } => intent::decode(payload).map_err(|e| e.at("payload")),
        }
    }

    /// `signer_id` from the message, read without decoding the whole intent
    /// (so a payload with legacy fields still verifies).
    fn signer_id(&self) -> Result<String> {
        let (text, path) = match self {
            Self::Nep413 { payload, .. } => (payload.message.as_str(), "payload.message"),
            Self::Erc191 { payload, .. }
            | Self::Tip191 { payload, .. }
            | Self::RawEd25519 { payload, .. }
            | Self::Sep53 { payload, .. } => (payload.as_str(), "payload"),
        };
        let value = json::parse(text, path)?;
        let obj = Obj::new(&value, path)?;
        let id = obj.req_str("signer_id")?;
        intent::validate_account_id(id).map_err(|e| e.at(&obj.path_of("signer_id")))?;
        Ok(id.into())
    }

    /// Verifies the signature as the verifier does and reports the key, the
    /// signer and the intent hash. A well-formed payload whose signature does
    /// not check out gives `valid: false`. Two deliberate differences (see the
    /// README's policy): Ed25519 is checked strictly, so a signature with a
    /// small-order `R` — which only the key holder can make, and which the
    /// contract's non-strict check would accept — is `valid: false`; and a
    /// secp256k1 recovery byte 2 or 3 (x(R) ≥ n, probability about 2^-128) is
    /// refused with [`Error::InvalidRecoveryId`].
    ///
    /// # Errors
    /// Malformed input only: a payload without a valid `signer_id`, a
    /// secp256k1 `v` other than 0/1 ([`Error::InvalidRecoveryId`]), a high-s
    /// signature ([`Error::HighS`]), r or s out of range ([`Error::InvalidSignature`]).
    #[cfg_attr(
        not(all(feature = "ed25519", feature = "secp256k1")),
        allow(unreachable_code, unused_variables)
    )]
    pub fn verify(&self) -> Result<Verification> {
        let signer_id = self.signer_id()?;
        let intent_hash = self.intent_hash()?;
        let (ok, public_key) = match self {
            #[cfg(feature = "ed25519")]
            Self::Nep413 {
                payload,
                public_key,
                signature,
            } => (
                nep413::verify(payload, public_key, signature)?,
                Some(PublicKey::Ed25519(*public_key)),
            ),
            #[cfg(feature = "ed25519")]
            Self::RawEd25519 {
                payload,
                public_key,
                signature,
            } => (
                crate::raw_ed25519::verify(payload.as_bytes(), public_key, signature),
                Some(PublicKey::Ed25519(*public_key)),
            ),
            #[cfg(feature = "ed25519")]
            Self::Sep53 {
                payload,
                public_key,
                signature,
            } => (
                crate::sep53::verify(payload.as_bytes(), public_key, signature),
                Some(PublicKey::Ed25519(*public_key)),
            ),
            #[cfg(not(feature = "ed25519"))]
            Self::Nep413 { .. } | Self::RawEd25519 { .. } | Self::Sep53 { .. } => {
                return Err(Error::UnsupportedCurve {
                    path: String::from("standard"),
                    found: String::from("ed25519 (built without the `ed25519` feature)"),
                })
            }
            #[cfg(feature = "secp256k1")]
            Self::Erc191 { signature, .. } | Self::Tip191 { signature, .. } => {
                let v = signature.get(64).copied().unwrap_or(u8::MAX);
                if v > 1 {
                    return Err(Error::InvalidRecoveryId {
                        path: String::from("signature"),
                        v,
                    });
                }
                match crate::secp256k1::recover_prehash(&intent_hash, signature) {
                    Ok(key) => (true, Some(PublicKey::Secp256k1(key))),
                    Err(Error::UnrecoverableSignature { .. }) => (false, None),
                    Err(e) => return Err(e.at("signature")),
                }
            }
            #[cfg(not(feature = "secp256k1"))]
            Self::Erc191 { .. } | Self::Tip191 { .. } => {
                return Err(Error::UnsupportedCurve {
                    path: String::from("standard"),
                    found: String::from("secp256k1 (built without the `secp256k1` feature)"),
                })
            }
        };
        let mut warnings = Vec::new();
        let signer_ok = match &public_key {
            Some(key) => intent::check_signer(&signer_id, key).is_ok(),
            None => false,
        };
        if intent::account_kind(&signer_id) == intent::AccountKind::Named {
            warnings.push(crate::review::Warning::new(
                "NAMED_ACCOUNT",
                crate::review::Severity::Info,
                String::from("signer_id"),
                alloc::format!(
                    "{signer_id} is a named account: its key must be registered in the verifier"
                ),
            ));
        }
        Ok(Verification {
            valid: ok && signer_ok,
            standard: self.standard(),
            public_key,
            signer_id,
            intent_hash,
            warnings,
        })
    }

    /// `signature` as the verifier writes it: `"<curve>:<base58>"`.
    #[must_use]
    pub fn signature_text(&self) -> String {
        match self {
            Self::Erc191 { signature, .. } | Self::Tip191 { signature, .. } => {
                format_curve_bytes(Curve::Secp256k1, signature)
            }
            Self::Nep413 { signature, .. }
            | Self::RawEd25519 { signature, .. }
            | Self::Sep53 { signature, .. } => format_curve_bytes(Curve::Ed25519, signature),
        }
    }

    /// The Ed25519 key the payload carries; `None` for the standards that
    /// recover the key (`erc191`, `tip191`).
    #[must_use]
    pub fn public_key(&self) -> Option<[u8; 32]> {
        match self {
            Self::Erc191 { .. } | Self::Tip191 { .. } => None,
            Self::Nep413 { public_key, .. }
            | Self::RawEd25519 { public_key, .. }
            | Self::Sep53 { public_key, .. } => Some(*public_key),
        }
    }

    /// `public_key` as the verifier writes it (`ed25519:<base58>`); `None`
    /// for the standards that recover the key (`erc191`, `tip191`).
    #[must_use]
    pub fn public_key_text(&self) -> Option<String> {
        match self {
            Self::Erc191 { .. } | Self::Tip191 { .. } => None,
            Self::Nep413 { public_key, .. }
            | Self::RawEd25519 { public_key, .. }
            | Self::Sep53 { public_key, .. } => {
                Some(format_curve_bytes(Curve::Ed25519, public_key))
            }
        }
    }

    /// The JSON text, fields in the order `standard`, `payload`, `public_key`,
    /// `signature`; payload strings unchanged; lowercase curve prefixes.
    #[must_use]
    pub fn to_json(&self) -> String {
        self.to_json_with(&self.signature_text(), self.public_key_text())
    }

    /// [`Self::to_json`] with the texts of [`Self::signature_text`] and
    /// [`Self::public_key_text`] already made (base58 is the costly part).
    pub(crate) fn to_json_with(&self, signature: &str, public_key: Option<String>) -> String {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Nep413Json<'a> {
            message: &'a str,
            nonce: String,
            recipient: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            callback_url: Option<&'a str>,
        }
        #[derive(Serialize)]
        struct Envelope<'s, P: Serialize> {
            standard: &'static str,
            payload: P,
            #[serde(skip_serializing_if = "Option::is_none")]
            public_key: Option<String>,
            signature: &'s str,
        }
        let standard = self.standard().as_str();
        let out = match self {
            Self::Nep413 { payload, .. } => serde_json::to_string(&Envelope {
                standard,
                payload: Nep413Json {
                    message: &payload.message,
                    nonce: base64_encode(&payload.nonce),
                    recipient: &payload.recipient,
                    callback_url: payload.callback_url.as_deref(),
                },
                public_key,
                signature,
            }),
            Self::Erc191 { payload, .. } | Self::Tip191 { payload, .. } => {
                serde_json::to_string(&Envelope {
                    standard,
                    payload,
                    public_key: None,
                    signature,
                })
            }
            Self::RawEd25519 { payload, .. } | Self::Sep53 { payload, .. } => {
                serde_json::to_string(&Envelope {
                    standard,
                    payload,
                    public_key,
                    signature,
                })
            }
        };
        // Serialising these plain structs cannot fail.
        out.unwrap_or_default()
    }
}

/// The intent hash as the verifier and explorers show it: base58.
#[must_use]
pub fn intent_hash_base58(hash: &[u8; 32]) -> String {
    base58_encode(hash)
}
