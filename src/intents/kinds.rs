//! The intent kinds the verifier defines (`contracts/defuse/core/src/intents`),
//! with the number types their fields use.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

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
