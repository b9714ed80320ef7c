//! The intent message the NEAR Intents verifier executes (`DefusePayload`).
//!
//! ```text
//! { "signer_id": AccountId, "verifying_contract": AccountId,
//!   "deadline": RFC 3339 string, "nonce": base64 of 32 bytes, "intents": [Intent] }
//! ```
//!
//! For `nep413` the message JSON carries `signer_id`, `deadline` and `intents`;
//! the verifying contract is the NEP-413 `recipient` and the nonce is the
//! NEP-413 nonce (any `verifying_contract`/`nonce` inside the message is
//! ignored, as by the verifier).
//!
//! Decoding ([`decode`], [`decode_nep413`]) fails only where the verifier would
//! fail to parse. Every intent kind the verifier knows decodes to a typed
//! [`Intent`]; an unknown kind is kept as raw JSON with a warning. The checks
//! that depend on context (expected contract, the current time, the signing
//! key) are in [`Decoded::check`].

use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use serde::Serialize;
use serde_json::Value;

pub use super::kinds::{Gas, Intent, TokenAmounts, I128, KNOWN_INTENTS, U128};
use super::parse::decode_intents;
pub use super::parse::{intent_fields, validate_public_key, validate_token_id};
use crate::encoding::{base64_decode_array, PublicKey};
use crate::error::{Error, Result};
use crate::json::{self, Obj};
use crate::nep413::Nep413Payload;

/// Most intents decoded from one message (the verifier's gas limit allows far fewer).
pub const MAX_INTENTS: usize = 10_000;

/// First 4 bytes of a versioned nonce: the first 4 bytes of `sha256("versioned_nonce")`.
pub const VERSIONED_NONCE_MAGIC: [u8; 4] = [0x56, 0x28, 0xf6, 0xc6];

/// What a 32-byte intent nonce says about itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonceInfo {
    /// Any 32 bytes that are not a versioned nonce: accepted with no further checks.
    Legacy,
    /// Versioned nonce V1: `56 28 f6 c6 ‖ 00 ‖ salt[4] ‖ i64 LE ns deadline ‖ random[15]`.
    V1 {
        /// The salt (must be one the contract currently accepts).
        salt: [u8; 4],
        /// Nonce deadline, nanoseconds since the Unix epoch.
        deadline_nanos: i64,
        /// The random tail.
        random: [u8; 15],
    },
}

/// Reads the versioned-nonce layout; a magic prefix with an unknown version
/// byte is a legacy nonce, as in the verifier (`maybe_from` yields `None`).
///
/// ```
/// use intent_signer::encoding::base64_decode_array;
/// use intent_signer::intent::{decode_nonce, NonceInfo};
/// // near/intents contracts/defuse/README.md
/// let n = base64_decode_array::<32>("Vij2xgAlKBKzADZykFdbpB8CcBXsE9wRhklzE4/mgS8=").unwrap();
/// let NonceInfo::V1 { salt, deadline_nanos, .. } = decode_nonce(&n) else { panic!() };
/// assert_eq!(salt, [0x25, 0x28, 0x12, 0xb3]);
/// assert_eq!(deadline_nanos, 2_280_047_743_000_000_000);
/// ```
#[must_use]
pub fn decode_nonce(nonce: &[u8; 32]) -> NonceInfo {
    let (magic, rest) = nonce.split_at(4);
    let (version, rest) = rest.split_at(1);
    if magic != VERSIONED_NONCE_MAGIC || version != [0] {
        return NonceInfo::Legacy;
    }
    let (salt, rest) = rest.split_at(4);
    let (deadline, random) = rest.split_at(8);
    match (
        <[u8; 4]>::try_from(salt),
        <[u8; 8]>::try_from(deadline),
        <[u8; 15]>::try_from(random),
    ) {
        (Ok(salt), Ok(deadline), Ok(random)) => NonceInfo::V1 {
            salt,
            deadline_nanos: i64::from_le_bytes(deadline),
            random,
        },
        _ => NonceInfo::Legacy,
    }
}

/// Builds a versioned nonce V1. No randomness is drawn here: pass 15 random bytes.
#[must_use]
pub fn encode_nonce_v1(salt: [u8; 4], deadline_nanos: i64, random: [u8; 15]) -> [u8; 32] {
    let mut out = [0u8; 32];
    let parts: [&[u8]; 5] = [
        &VERSIONED_NONCE_MAGIC,
        &[0],
        &salt,
        &deadline_nanos.to_le_bytes(),
        &random,
    ];
    let mut i = 0;
    for part in parts {
        for b in part {
            if let Some(slot) = out.get_mut(i) {
                *slot = *b;
            }
            i += 1;
        }
    }
    out
}

/// An RFC 3339 deadline, as written and as nanoseconds since the Unix epoch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The string exactly as in the message.
    pub text: String,
    /// Nanoseconds since the Unix epoch.
    pub unix_nanos: i128,
}

impl Deadline {
    /// Parses an RFC 3339 timestamp (`2035-11-03T15:05:57.549Z`).
    ///
    /// # Errors
    /// [`Error::InvalidDeadline`].
    pub fn parse(text: &str) -> Result<Self> {
        let t = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
            .map_err(|e| Error::InvalidDeadline {
            path: String::new(),
            reason: e.to_string(),
        })?;
        Ok(Self {
            text: text.into(),
            unix_nanos: t.unix_timestamp_nanos(),
        })
    }
}

/// Checks a NEAR account id: 2..=64 characters of `[a-z0-9]` parts joined by
/// single `-`, `_` or `.` (no separator first, last or twice in a row).
///
/// # Errors
/// [`Error::InvalidAccountId`].
pub fn validate_account_id(id: &str) -> Result<()> {
    let fail = |reason: &str| {
        Err(Error::InvalidAccountId {
            path: String::new(),
            reason: reason.into(),
        })
    };
    if id.len() < 2 || id.len() > 64 {
        return fail("length must be 2 to 64 characters");
    }
    let mut prev_separator = true;
    for c in id.chars() {
        match c {
            'a'..='z' | '0'..='9' => prev_separator = false,
            '-' | '_' | '.' => {
                if prev_separator {
                    return fail("separator at the start or after another separator");
                }
                prev_separator = true;
            }
            'A'..='Z' => return fail("uppercase letters are not allowed"),
            _ => return fail("only a-z, 0-9, '-', '_' and '.' are allowed"),
        }
    }
    if prev_separator {
        return fail("separator at the end");
    }
    Ok(())
}

/// What kind of account a signer id is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// 64 lowercase hex characters: hex of an Ed25519 key.
    NearImplicit,
    /// `0x` + 40 lowercase hex characters: an Ethereum address.
    EthImplicit,
    /// Any other (named) account; its key must be registered in the verifier.
    Named,
}

/// Classifies a (valid) account id.
#[must_use]
pub fn account_kind(id: &str) -> AccountKind {
    let is_hex = |s: &str| s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if id.len() == 64 && is_hex(id) {
        AccountKind::NearImplicit
    } else if id.len() == 42 && id.starts_with("0x") && is_hex(id.get(2..).unwrap_or("")) {
        AccountKind::EthImplicit
    } else {
        AccountKind::Named
    }
}

/// A finding about an intent message (the crate's one warning type).
pub type Warning = crate::review::Warning;

/// Every warning code of the intent decoder.
pub const WARNING_CODES: &[&str] = &[
    "UNKNOWN_INTENT",
    "IGNORED_FIELD",
    "LEGACY_NONCE",
    "NAMED_ACCOUNT",
    "EMPTY_INTENTS",
    "NONCE_EXPIRED",
    "WEBAUTHN_CHECK_FAILED",
];

/// The decoded intent message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntentMessage {
    /// The account that signs (lowercase NEAR account id).
    pub signer_id: String,
    /// The verifier contract (e.g. `intents.near`).
    pub verifying_contract: String,
    /// The deadline.
    pub deadline: Deadline,
    /// The 32-byte nonce.
    pub nonce: [u8; 32],
    /// The nonce layout.
    pub nonce_info: NonceInfo,
    /// The intents, in order.
    pub intents: Vec<Intent>,
    /// Where the intents list is in the signed text (`intents`, or
    /// `message.intents` inside a NEP-413 payload).
    pub intents_path: String,
}

/// An intent message with the warnings found while decoding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The message.
    pub message: IntentMessage,
    /// Non-fatal findings.
    pub warnings: Vec<Warning>,
}

fn account_field(obj: &Obj<'_>, key: &str) -> Result<String> {
    let id = obj.req_str(key)?;
    validate_account_id(id).map_err(|e| e.at(&obj.path_of(key)))?;
    Ok(id.into())
}

fn finish(
    signer_id: String,
    verifying_contract: String,
    deadline: Deadline,
    nonce: [u8; 32],
    intents: Vec<Intent>,
    mut warnings: Vec<Warning>,
    paths: (&str, &str),
) -> Decoded {
    let nonce_info = decode_nonce(&nonce);
    if nonce_info == NonceInfo::Legacy {
        warnings.push(crate::review::Warning::new(
            "LEGACY_NONCE",
            crate::review::Severity::Info,
            paths.1,
            "legacy (unversioned) nonce: the verifier plans to stop accepting these",
        ));
    }
    if account_kind(&signer_id) == AccountKind::Named {
        warnings.push(crate::review::Warning::new(
            "NAMED_ACCOUNT",
            crate::review::Severity::Info,
            paths.0,
            alloc::format!(
                "{signer_id} is a named account: its key must be registered in the verifier"
            ),
        ));
    }
    if intents.is_empty() {
        warnings.push(crate::review::Warning::new(
            "EMPTY_INTENTS",
            crate::review::Severity::Info,
            String::from("intents"),
            "no intents: signing only burns the nonce",
        ));
    }
    Decoded {
        message: IntentMessage {
            signer_id,
            verifying_contract,
            deadline,
            nonce,
            nonce_info,
            intents,
            intents_path: if paths.0.starts_with("message.") {
                "message.intents".into()
            } else {
                "intents".into()
            },
        },
        warnings,
    }
}

fn deadline_field(obj: &Obj<'_>) -> Result<Deadline> {
    let v = obj.req("deadline")?;
    let path = obj.path_of("deadline");
    let Value::String(text) = v else {
        return Err(Error::InvalidDeadline {
            path,
            reason: alloc::format!("expected an RFC 3339 string, got {}", json::type_name(v)),
        });
    };
    Deadline::parse(text).map_err(|e| e.at(&path))
}

/// Decodes the JSON payload string of `erc191`, `tip191`, `raw_ed25519` and `sep53`.
///
/// # Errors
/// [`Error::InvalidJson`] (with a path), [`Error::MissingField`],
/// [`Error::InvalidAccountId`], [`Error::InvalidDeadline`], [`Error::InvalidBase64`],
/// [`Error::InvalidLength`] (nonce), [`Error::InvalidIntent`].
pub fn decode(payload: &str) -> Result<Decoded> {
    let value = json::parse_unique(payload, "")?;
    let obj = Obj::new(&value, "")?;
    let signer_id = account_field(&obj, "signer_id")?;
    let verifying_contract = account_field(&obj, "verifying_contract")?;
    let deadline = deadline_field(&obj)?;
    let nonce =
        base64_decode_array(obj.req_str("nonce")?).map_err(|e| e.at(&obj.path_of("nonce")))?;
    let mut warnings = Vec::new();
    let intents = decode_intents(&obj, &mut warnings)?;
    Ok(finish(
        signer_id,
        verifying_contract,
        deadline,
        nonce,
        intents,
        warnings,
        ("signer_id", "nonce"),
    ))
}

/// Decodes a NEP-413 payload whose message is a NEAR Intents message. Paths
/// inside the message are prefixed with `message.`.
///
/// # Errors
/// As [`decode`]; the recipient must be a valid account id.
pub fn decode_nep413(payload: &Nep413Payload) -> Result<Decoded> {
    let value = json::parse_unique(&payload.message, "message")?;
    let obj = Obj::new(&value, "message")?;
    let signer_id = account_field(&obj, "signer_id")?;
    validate_account_id(&payload.recipient).map_err(|e| e.at("recipient"))?;
    let deadline = deadline_field(&obj)?;
    let mut warnings = Vec::new();
    let intents = decode_intents(&obj, &mut warnings)?;
    Ok(finish(
        signer_id,
        payload.recipient.clone(),
        deadline,
        payload.nonce,
        intents,
        warnings,
        ("message.signer_id", "nonce"),
    ))
}

/// Context for [`Decoded::check`]; every field is optional.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions<'a> {
    /// The verifying contract the caller expects (e.g. `"intents.near"`).
    pub verifying_contract: Option<&'a str>,
    /// The current time in nanoseconds since the Unix epoch.
    pub now_unix_nanos: Option<i128>,
    /// The key that signs (or signed); an implicit signer id must be its account.
    pub public_key: Option<&'a PublicKey>,
}

impl Decoded {
    /// The checks the verifier would make that depend on context, plus the
    /// nonce-deadline rule. Returns the first failure.
    ///
    /// # Errors
    /// [`Error::WrongVerifyingContract`], [`Error::DeadlineExpired`],
    /// [`Error::NonceDeadlineExceeded`], [`Error::SignerMismatch`].
    pub fn check(&self, options: &CheckOptions<'_>) -> Result<Vec<Warning>> {
        let m = &self.message;
        let mut warnings = Vec::new();
        if let Some(expected) = options.verifying_contract {
            if m.verifying_contract != expected {
                return Err(Error::WrongVerifyingContract {
                    path: String::from("verifying_contract"),
                    expected: expected.into(),
                    actual: m.verifying_contract.clone(),
                });
            }
        }
        if let NonceInfo::V1 { deadline_nanos, .. } = m.nonce_info {
            if m.deadline.unix_nanos > i128::from(deadline_nanos) {
                return Err(Error::NonceDeadlineExceeded {
                    path: String::from("deadline"),
                });
            }
            if let Some(now) = options.now_unix_nanos {
                if i128::from(deadline_nanos) < now {
                    warnings.push(crate::review::Warning::new(
                        "NONCE_EXPIRED",
                        crate::review::Severity::Warning,
                        String::from("nonce"),
                        "the versioned nonce's deadline has passed",
                    ));
                }
            }
        }
        if let Some(now) = options.now_unix_nanos {
            if m.deadline.unix_nanos < now {
                return Err(Error::DeadlineExpired {
                    path: String::from("deadline"),
                    deadline: m.deadline.text.clone(),
                });
            }
        }
        if let Some(key) = options.public_key {
            check_signer(&m.signer_id, key)?;
        }
        Ok(warnings)
    }
}

/// An implicit signer id must be the implicit account of the key; a named
/// account cannot be checked offline and passes.
///
/// # Errors
/// [`Error::SignerMismatch`].
pub fn check_signer(signer_id: &str, key: &PublicKey) -> Result<()> {
    if account_kind(signer_id) == AccountKind::Named {
        return Ok(());
    }
    let expected = key.implicit_account_id();
    if expected == signer_id {
        Ok(())
    } else {
        Err(Error::SignerMismatch {
            path: String::from("signer_id"),
            expected,
            actual: signer_id.into(),
        })
    }
}
