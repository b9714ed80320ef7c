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

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::encoding::{base64_decode_array, PublicKey};
use crate::error::{join_path, Error, Result};
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

/// A u128 amount written as a decimal string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct U128(pub u128);

/// An i128 delta written as a decimal string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct I128(pub i128);

/// A gas amount: a decimal string or a JSON number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gas(pub u64);

fn decimal<'de, D: Deserializer<'de>, T: core::str::FromStr>(d: D) -> Result<T, D::Error> {
    let s = String::deserialize(d)?;
    if s.is_empty()
        || !s
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || (i == 0 && b == b'-'))
    {
        return Err(serde::de::Error::custom(alloc::format!(
            "{s:?} is not a decimal integer string"
        )));
    }
    s.parse()
        .map_err(|_| serde::de::Error::custom(alloc::format!("{s:?} is out of range")))
}

impl<'de> Deserialize<'de> for U128 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        decimal(d).map(Self)
    }
}
impl<'de> Deserialize<'de> for I128 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        decimal(d).map(Self)
    }
}
impl<'de> Deserialize<'de> for Gas {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            N(u64),
            S(String),
        }
        match Raw::deserialize(d)? {
            Raw::N(n) => Ok(Self(n)),
            Raw::S(s) => s
                .parse()
                .map(Self)
                .map_err(|_| serde::de::Error::custom(alloc::format!("{s:?} is not a gas amount"))),
        }
    }
}
impl Serialize for U128 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}
impl Serialize for I128 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}
impl Serialize for Gas {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// Token amounts keyed by token id (`nep141:<ft>`, `nep171:<c>:<id>`, `nep245:<c>:<id>`).
pub type TokenAmounts = BTreeMap<String, U128>;

/// One intent, as defined by the verifier (`contracts/defuse/core/src/intents`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "intent", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Intent {
    /// Registers a public key for the signer.
    AddPublicKey {
        /// `"<curve>:<base58>"`.
        public_key: String,
    },
    /// Removes a public key of the signer.
    RemovePublicKey {
        /// `"<curve>:<base58>"`.
        public_key: String,
    },
    /// Transfers tokens inside the verifier.
    Transfer {
        /// The receiving account.
        receiver_id: String,
        /// Amounts per token id.
        tokens: TokenAmounts,
        /// Memo.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        memo: Option<String>,
        /// Message for `mt_on_transfer`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        msg: Option<String>,
        /// Gas for the notification.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_gas: Option<Gas>,
        /// Deterministic account state init.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        state_init: Option<Value>,
    },
    /// Withdraws a NEP-141 token.
    FtWithdraw {
        /// The token contract.
        token: String,
        /// The receiving account.
        receiver_id: String,
        /// The amount.
        amount: U128,
        /// Memo.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        memo: Option<String>,
        /// Message (→ `ft_transfer_call`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        msg: Option<String>,
        /// Storage deposit in yoctoNEAR.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        storage_deposit: Option<U128>,
        /// Minimum gas.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_gas: Option<Gas>,
    },
    /// Withdraws a NEP-171 token.
    NftWithdraw {
        /// The token contract.
        token: String,
        /// The receiving account.
        receiver_id: String,
        /// The NFT id.
        token_id: String,
        /// Memo.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        memo: Option<String>,
        /// Message.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        msg: Option<String>,
        /// Storage deposit in yoctoNEAR.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        storage_deposit: Option<U128>,
        /// Minimum gas.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_gas: Option<Gas>,
    },
    /// Withdraws NEP-245 tokens.
    MtWithdraw {
        /// The token contract.
        token: String,
        /// The receiving account.
        receiver_id: String,
        /// Token ids.
        token_ids: Vec<String>,
        /// Amounts, one per token id.
        amounts: Vec<U128>,
        /// Memo.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        memo: Option<String>,
        /// Message.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        msg: Option<String>,
        /// Storage deposit in yoctoNEAR.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        storage_deposit: Option<U128>,
        /// Minimum gas.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_gas: Option<Gas>,
    },
    /// Unwraps wNEAR and sends NEAR.
    NativeWithdraw {
        /// The receiving account.
        receiver_id: String,
        /// yoctoNEAR.
        amount: U128,
    },
    /// Pays a storage deposit from the signer's wNEAR.
    StorageDeposit {
        /// The contract to pay storage on.
        contract_id: String,
        /// The account the deposit is for.
        #[serde(alias = "account_id")]
        deposit_for_account_id: String,
        /// yoctoNEAR.
        amount: U128,
    },
    /// A swap leg: signed deltas per token id.
    TokenDiff {
        /// Non-zero deltas per token id (negative: the signer gives).
        diff: BTreeMap<String, I128>,
        /// Memo.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        memo: Option<String>,
        /// Referral account.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        referral: Option<String>,
    },
    /// Enables or disables authentication by predecessor id.
    SetAuthByPredecessorId {
        /// Whether it is enabled.
        enabled: bool,
    },
    /// Calls `on_auth` on a contract.
    AuthCall {
        /// The contract called.
        contract_id: String,
        /// The message passed.
        msg: String,
        /// Deterministic account state init.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        state_init: Option<Value>,
        /// yoctoNEAR attached.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attached_deposit: Option<U128>,
        /// Minimum gas.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_gas: Option<Gas>,
    },
    /// Mints intent-minted tokens.
    ImtMint {
        /// The receiving account.
        receiver_id: String,
        /// Amounts per token id.
        tokens: TokenAmounts,
        /// Memo.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        memo: Option<String>,
        /// Message.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        msg: Option<String>,
        /// Minimum gas.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_gas: Option<Gas>,
        /// Deterministic account state init.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        state_init: Option<Value>,
    },
    /// Burns intent-minted tokens.
    ImtBurn {
        /// The minter.
        minter_id: String,
        /// Amounts per token id.
        tokens: TokenAmounts,
        /// Memo.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        memo: Option<String>,
    },
    /// A kind this crate does not know, kept verbatim (with a warning).
    #[serde(skip)]
    Unknown(Value),
}

/// The intent kinds the verifier defines.
pub const KNOWN_INTENTS: &[&str] = &[
    "add_public_key",
    "remove_public_key",
    "transfer",
    "ft_withdraw",
    "nft_withdraw",
    "mt_withdraw",
    "native_withdraw",
    "storage_deposit",
    "token_diff",
    "set_auth_by_predecessor_id",
    "auth_call",
    "imt_mint",
    "imt_burn",
];

impl Intent {
    /// The `"intent"` tag of this intent.
    #[must_use]
    pub fn kind(&self) -> &str {
        match self {
            Self::AddPublicKey { .. } => "add_public_key",
            Self::RemovePublicKey { .. } => "remove_public_key",
            Self::Transfer { .. } => "transfer",
            Self::FtWithdraw { .. } => "ft_withdraw",
            Self::NftWithdraw { .. } => "nft_withdraw",
            Self::MtWithdraw { .. } => "mt_withdraw",
            Self::NativeWithdraw { .. } => "native_withdraw",
            Self::StorageDeposit { .. } => "storage_deposit",
            Self::TokenDiff { .. } => "token_diff",
            Self::SetAuthByPredecessorId { .. } => "set_auth_by_predecessor_id",
            Self::AuthCall { .. } => "auth_call",
            Self::ImtMint { .. } => "imt_mint",
            Self::ImtBurn { .. } => "imt_burn",
            Self::Unknown(v) => v.get("intent").and_then(Value::as_str).unwrap_or(""),
        }
    }

    /// The intent as JSON (the unknown kind verbatim).
    #[must_use]
    pub fn to_json(&self) -> Value {
        match self {
            Self::Unknown(v) => v.clone(),
            known => serde_json::to_value(known).unwrap_or(Value::Null),
        }
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

fn decode_intents(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Vec<Intent>> {
    // `intents` is `#[serde(default)] Vec<Intent>`: absent is empty, `null` is refused.
    let Some(list) = obj.map.get("intents") else {
        return Ok(Vec::new());
    };
    let path = obj.path_of("intents");
    if list.is_null() {
        return Err(ambiguous(
            &path,
            "`intents` is null: the contract's list has no null and refuses the payload",
        ));
    }
    let Value::Array(items) = list else {
        return Err(json::wrong_type(&path, "an array", list));
    };
    if items.len() > MAX_INTENTS {
        return Err(Error::InvalidLength {
            path,
            expected: MAX_INTENTS,
            actual: items.len(),
        });
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = alloc::format!("{path}[{i}]");
        let item_obj = Obj::new(item, &item_path)?;
        let kind = item_obj.req_str("intent")?;
        if let Some(fields) = intent_fields(kind) {
            precheck(kind, &item_obj, fields, warnings)?;
            let intent = Intent::deserialize(item).map_err(|e| Error::InvalidIntent {
                path: item_path.clone(),
                reason: e.to_string(),
            })?;
            validate_intent(&intent, &item_path)?;
            out.push(canonical_state_init(intent));
        } else {
            warnings.push(crate::review::Warning::new(
                "UNKNOWN_INTENT",
                crate::review::Severity::Danger,
                item_path.clone(),
                alloc::format!(
                    "unknown intent kind {}: the verifier refuses the whole payload, and this review cannot say what it would do",
                    crate::review::quote(kind)
                ),
            ));
            out.push(Intent::Unknown(item.clone()));
        }
    }
    Ok(out)
}

fn ambiguous(path: &str, reason: &str) -> Error {
    Error::AmbiguousPayload {
        path: path.into(),
        reason: reason.into(),
    }
}

/// The keys the verifier reads for each intent kind (besides `intent`);
/// `None` for a kind it does not know.
#[must_use]
pub fn intent_fields(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "add_public_key" | "remove_public_key" => &["public_key"],
        "ft_withdraw" => &[
            "token",
            "receiver_id",
            "amount",
            "memo",
            "msg",
            "storage_deposit",
            "min_gas",
        ],
        "nft_withdraw" => &[
            "token",
            "receiver_id",
            "token_id",
            "memo",
            "msg",
            "storage_deposit",
            "min_gas",
        ],
        "mt_withdraw" => &[
            "token",
            "receiver_id",
            "token_ids",
            "amounts",
            "memo",
            "msg",
            "storage_deposit",
            "min_gas",
        ],
        "native_withdraw" => &["receiver_id", "amount"],
        "storage_deposit" => &[
            "contract_id",
            "deposit_for_account_id",
            "account_id",
            "amount",
        ],
        "token_diff" => &["diff", "memo", "referral"],
        "set_auth_by_predecessor_id" => &["enabled"],
        "auth_call" => &[
            "contract_id",
            "state_init",
            "msg",
            "attached_deposit",
            "min_gas",
        ],
        "transfer" | "imt_mint" => &[
            "receiver_id",
            "tokens",
            "memo",
            "msg",
            "min_gas",
            "state_init",
        ],
        "imt_burn" => &["minter_id", "tokens", "memo"],
        _ => return None,
    })
}

/// The rules of the verifier's parse that serde derive alone would not
/// reproduce here (each with its contract source in
/// `tests/vectors/verifier-parse.json`).
fn precheck(kind: &str, obj: &Obj<'_>, fields: &[&str], warnings: &mut Vec<Warning>) -> Result<()> {
    for key in obj.map.keys() {
        if key != "intent" && !fields.contains(&key.as_str()) {
            warnings.push(crate::review::Warning::new(
                "IGNORED_FIELD",
                crate::review::Severity::Warning,
                obj.path_of(key),
                alloc::format!(
                    "{} is not a field of {kind}: the verifier ignores it",
                    crate::review::quote(key)
                ),
            ));
        }
    }
    match kind {
        // `#[serde(flatten)] notification: Option<NotifyOnTransfer>`: serde
        // turns any error inside the flattened struct into `None`, so a
        // malformed notification is silently no notification at all.
        "transfer" | "imt_mint" => check_notification(obj),
        // `attached_deposit: NearToken` with `#[serde(default)]`: absent is
        // zero, `null` is refused.
        "auth_call" => {
            if obj.map.get("attached_deposit").is_some_and(Value::is_null) {
                return Err(ambiguous(
                    &obj.path_of("attached_deposit"),
                    "`attached_deposit` is null: the contract's amount has no null and refuses the payload",
                ));
            }
            if let Some(si) = obj.get("state_init") {
                check_state_init(si, &obj.path_of("state_init"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// `NotifyOnTransfer { state_init: Option<StateInit>, msg: String, min_gas: Option<Gas> }`,
/// flattened into `transfer` and `imt_mint` as an `Option`: present exactly
/// when every part of it parses. Anything that would make the contract drop
/// it silently is refused.
fn check_notification(obj: &Obj<'_>) -> Result<()> {
    let msg = obj.map.get("msg");
    let min_gas = obj.map.get("min_gas").filter(|v| !v.is_null());
    let state_init = obj.map.get("state_init").filter(|v| !v.is_null());
    match msg {
        None => {
            for (key, v) in [("min_gas", min_gas), ("state_init", state_init)] {
                if v.is_some() {
                    return Err(ambiguous(
                        &obj.path_of(key),
                        "without `msg` the contract drops the whole notification, this field included",
                    ));
                }
            }
            Ok(())
        }
        Some(Value::String(_)) => {
            if let Some(g) = min_gas {
                if Gas::deserialize(g).is_err() {
                    return Err(ambiguous(
                        &obj.path_of("min_gas"),
                        "a malformed `min_gas` makes the contract drop the notification (`msg` included) and execute a plain transfer",
                    ));
                }
            }
            if let Some(si) = state_init {
                check_state_init(si, &obj.path_of("state_init")).map_err(|e| match e {
                    Error::AmbiguousPayload { path, reason } => Error::AmbiguousPayload {
                        path,
                        reason: alloc::format!(
                            "{reason}: a `state_init` the contract cannot read makes it drop the notification (`msg` included) and execute a plain transfer (only the canonical form is read here)"
                        ),
                    },
                    other => other,
                })?;
            }
            Ok(())
        }
        Some(_) => Err(ambiguous(
            &obj.path_of("msg"),
            "`msg` is not a string: the contract drops the notification and executes a plain transfer",
        )),
    }
}

/// `StateInit` as the contract's serde reads it, in its canonical form only:
/// `{"V1": {"code": {"hash": <base58 32 bytes>} | {"account_id": <account>},
/// "data": {<base64>: <base64>, …}}}` (standard base64, padding optional,
/// no two spellings of one key). Other forms
/// serde would also take (a struct as an array) are refused.
fn check_state_init(v: &Value, path: &str) -> Result<()> {
    let bad = |what: &str| ambiguous(path, &alloc::format!("`state_init` {what}"));
    let Value::Object(outer) = v else {
        return Err(bad("is not an object"));
    };
    let (Some(inner), 1) = (outer.get("V1"), outer.len()) else {
        return Err(bad("is not {\"V1\": …}"));
    };
    let Value::Object(v1) = inner else {
        return Err(bad("V1 is not an object"));
    };
    if v1.keys().any(|k| k != "code" && k != "data") {
        return Err(bad("V1 has a field besides code and data"));
    }
    let Some(Value::Object(code)) = v1.get("code") else {
        return Err(bad("has no code object"));
    };
    match (code.len(), code.get("hash"), code.get("account_id")) {
        (1, Some(Value::String(h)), None) => {
            if crate::encoding::base58_decode(h)
                .ok()
                .is_none_or(|b| b.len() != 32)
            {
                return Err(bad("code hash is not base58 of 32 bytes"));
            }
        }
        (1, None, Some(Value::String(a))) => {
            validate_account_id(a).map_err(|_| bad("code account_id is not an account id"))?;
        }
        _ => return Err(bad("code is neither {\"hash\"} nor {\"account_id\"}")),
    }
    let Some(Value::Object(data)) = v1.get("data") else {
        return Err(bad("has no data object"));
    };
    // Keys are read as bytes: two spellings of one key ("AAE", "AAE=") would
    // collapse into one entry, the last.
    let mut keys = alloc::collections::BTreeSet::new();
    for (k, val) in data {
        let key = crate::encoding::base64_decode(k)
            .map_err(|_| bad("data has a key that is not standard base64"))?;
        if val
            .as_str()
            .is_none_or(|v| crate::encoding::base64_decode(v).is_err())
        {
            return Err(bad("data has a value that is not standard base64"));
        }
        if !keys.insert(key) {
            return Err(bad("data spells one key twice"));
        }
    }
    Ok(())
}

/// A checked `state_init` with its data in the padded base64 the contract
/// re-encodes it to (`"AAE"` becomes `"AAE="`): what is shown is what executes.
fn canonical_state_init(mut intent: Intent) -> Intent {
    let (Intent::Transfer { state_init: si, .. }
    | Intent::ImtMint { state_init: si, .. }
    | Intent::AuthCall { state_init: si, .. }) = &mut intent
    else {
        return intent;
    };
    if let Some(Value::Object(data)) = si
        .as_mut()
        .and_then(|v| v.get_mut("V1"))
        .and_then(|v1| v1.get_mut("data"))
    {
        let canonical: serde_json::Map<String, Value> = core::mem::take(data)
            .into_iter()
            .map(|(k, v)| {
                let re = |t: &str| {
                    crate::encoding::base64_decode(t)
                        .map_or_else(|_| t.into(), |b| crate::encoding::base64_encode(&b))
                };
                let v = v.as_str().map_or(v.clone(), |t| Value::String(re(t)));
                (re(&k), v)
            })
            .collect();
        *data = canonical;
    }
    intent
}

/// A public key as the verifier's `PublicKey::from_str` reads it: a
/// case-sensitive `ed25519:`, `secp256k1:` or `p256:` prefix (none:
/// ed25519) and base58 of exactly 32, 64 or 64 bytes. Returns the curve.
///
/// # Errors
/// [`Error::InvalidIntent`] (path relative to the key).
pub fn validate_public_key(s: &str) -> Result<&'static str> {
    let (curve, data) = s.split_once(':').unwrap_or(("ed25519", s));
    let (name, len) = match curve {
        "ed25519" => ("ed25519", 32),
        "secp256k1" => ("secp256k1", 64),
        "p256" => ("p256", 64),
        _ => {
            return Err(Error::InvalidIntent {
                path: String::new(),
                reason: "the key's curve is not ed25519, secp256k1 or p256".into(),
            })
        }
    };
    match crate::encoding::base58_decode(data) {
        Ok(b) if b.len() == len => Ok(name),
        _ => Err(Error::InvalidIntent {
            path: String::new(),
            reason: alloc::format!("a {name} key is base58 of {len} bytes"),
        }),
    }
}

/// A token id as the verifier's `TokenId::from_str` reads it:
/// `nep141:<account>`, `nep171:<account>:<id>`, `nep245:<account>:<id>` or
/// `imt:<minter>:<id>`.
///
/// # Errors
/// [`Error::InvalidIntent`] (path relative to the token id).
pub fn validate_token_id(s: &str) -> Result<()> {
    let fail = || {
        Error::InvalidIntent {
        path: String::new(),
        reason: alloc::format!(
            "{} is not a token id (nep141:<account>, nep171:<account>:<id>, nep245:<account>:<id>, imt:<minter>:<id>)",
            crate::review::quote(s)
        ),
    }
    };
    let (kind, data) = s.split_once(':').ok_or_else(fail)?;
    let account = match kind {
        "nep141" => data,
        "nep171" | "nep245" | "imt" => data.split_once(':').ok_or_else(fail)?.0,
        _ => return Err(fail()),
    };
    validate_account_id(account).map_err(|_| fail())
}

/// What the verifier's types check on an intent that serde derive here does
/// not: account ids, token ids, public keys (each an error at its path).
fn validate_intent(intent: &Intent, path: &str) -> Result<()> {
    let account =
        |key: &str, id: &str| validate_account_id(id).map_err(|e| e.at(&join_path(path, key)));
    let tokens = |key: &str, t: &TokenAmounts| -> Result<()> {
        for id in t.keys() {
            validate_token_id(id).map_err(|e| {
                e.at(&alloc::format!(
                    "{path}.{key}[{}]",
                    crate::review::quote(id)
                ))
            })?;
        }
        Ok(())
    };
    match intent {
        Intent::AddPublicKey { public_key } | Intent::RemovePublicKey { public_key } => {
            validate_public_key(public_key)
                .map(|_| ())
                .map_err(|e| e.at(&join_path(path, "public_key")))
        }
        Intent::Transfer {
            receiver_id,
            tokens: t,
            ..
        } => {
            account("receiver_id", receiver_id)?;
            tokens("tokens", t)
        }
        Intent::ImtBurn { minter_id, .. } => account("minter_id", minter_id),
        Intent::FtWithdraw {
            token, receiver_id, ..
        }
        | Intent::NftWithdraw {
            token, receiver_id, ..
        } => {
            account("token", token)?;
            account("receiver_id", receiver_id)
        }
        Intent::MtWithdraw {
            token,
            receiver_id,
            token_ids,
            amounts,
            ..
        } => {
            account("token", token)?;
            account("receiver_id", receiver_id)?;
            if token_ids.len() == amounts.len() {
                Ok(())
            } else {
                Err(Error::InvalidIntent {
                    path: join_path(path, "amounts"),
                    reason: alloc::format!(
                        "{} token ids and {} amounts: the verifier refuses the intent",
                        token_ids.len(),
                        amounts.len()
                    ),
                })
            }
        }
        Intent::NativeWithdraw { receiver_id, .. } | Intent::ImtMint { receiver_id, .. } => {
            account("receiver_id", receiver_id)
        }
        Intent::StorageDeposit {
            contract_id,
            deposit_for_account_id,
            ..
        } => {
            account("contract_id", contract_id)?;
            account("deposit_for_account_id", deposit_for_account_id)
        }
        Intent::TokenDiff { diff, referral, .. } => {
            for id in diff.keys() {
                validate_token_id(id).map_err(|e| {
                    e.at(&alloc::format!("{path}.diff[{}]", crate::review::quote(id)))
                })?;
            }
            match referral {
                Some(r) => account("referral", r),
                None => Ok(()),
            }
        }
        Intent::AuthCall { contract_id, .. } => account("contract_id", contract_id),
        Intent::SetAuthByPredecessorId { .. } | Intent::Unknown(_) => Ok(()),
    }
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
