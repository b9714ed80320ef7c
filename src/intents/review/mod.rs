//! The review of a decoded intent message: one [`Entry`] per intent naming
//! every field the verifier executes, and the findings a careful user must
//! see, each with a severity.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `ADD_PUBLIC_KEY` | danger | `add_public_key`: the key's holder can sign for the account |
//! | `REMOVE_PUBLIC_KEY` | danger | `remove_public_key`: the key stops signing for the account |
//! | `SET_AUTH_BY_PREDECESSOR` | danger when it disables, else warning | `set_auth_by_predecessor_id` |
//! | `AUTH_CALL` | danger | `auth_call`: `on_auth` on another contract, maybe with wNEAR attached |
//! | `WITHDRAW_WITH_CALL` | warning | an `ft/nft/mt_withdraw` with `msg` (`*_transfer_call` on the receiver) |
//! | `TRANSFER_CALL` | warning | a `transfer`/`imt_mint` with `msg` (`mt_on_transfer` on the receiver) |
//! | `STATE_INIT` | warning | a `state_init`: a contract is initialised at the receiver first |
//! | `NATIVE_WITHDRAW` | warning | `native_withdraw`: wNEAR leaves as NEAR |
//! | `STORAGE_DEPOSIT` | warning | a `storage_deposit` intent or field: wNEAR spent on storage, never refunded |
//! | `FOREIGN_RECIPIENT` | warning | tokens leave the signer for an account that is neither the quote's deposit address, the intermediary, nor a known recipient |
//! | `QUOTE_MISMATCH` | danger | the execution's quote does not account for what leaves the signer |
//!
//! The decoder's own codes (`UNKNOWN_INTENT`, danger, `IGNORED_FIELD`,
//! `LEGACY_NONCE`, `NAMED_ACCOUNT`, `EMPTY_INTENTS`, `NONCE_EXPIRED`) come
//! with the decoded message.
//!
//! # The quote check
//!
//! When an execution carries a quote, every token that leaves the signer must
//! be accounted for by it, in one of the two shapes the API uses:
//! - the quote's origin asset, at most the quoted amount in (`amountIn`, else
//!   `amount`), going to the quote's `depositAddress`; or
//! - the quote's destination asset, at most the quoted amount out
//!   (`amountOut`, else `minAmountOut`), going to the intermediary
//!   (`details.intermediaryAddress`, else `quote.recipient`).
//!
//! Anything else (another token, more than quoted, another receiver, a
//! `token_diff` giving tokens away, a mint or burn, any dangerous kind above)
//! is `QUOTE_MISMATCH`.

use alloc::string::String;
use alloc::vec::Vec;

use crate::intent::{IntentMessage, NonceInfo};
use crate::review::{quote, Entry, Warning};

mod quote;
mod reviewer;
use reviewer::Reviewer;

/// Every code [`review_intents`] adds.
pub const REVIEW_CODES: &[&str] = &[
    "ADD_PUBLIC_KEY",
    "REMOVE_PUBLIC_KEY",
    "SET_AUTH_BY_PREDECESSOR",
    "AUTH_CALL",
    "WITHDRAW_WITH_CALL",
    "TRANSFER_CALL",
    "STATE_INIT",
    "NATIVE_WITHDRAW",
    "STORAGE_DEPOSIT",
    "FOREIGN_RECIPIENT",
    "QUOTE_MISMATCH",
];

/// The terms of a server's quote, as the quote check reads them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteTerms {
    /// `originAsset`.
    pub origin_asset: Option<String>,
    /// `destinationAsset`.
    pub destination_asset: Option<String>,
    /// `amountIn`, else `amount` (atomic units).
    pub amount_in: Option<u128>,
    /// `amountOut`, else `minAmountOut` (atomic units).
    pub amount_out: Option<u128>,
    /// `minAmountOut`, for the review line.
    pub min_amount_out: Option<String>,
    /// `depositAddress`.
    pub deposit_address: Option<String>,
}

impl QuoteTerms {
    /// Reads an execution's `quote` object; fields of the wrong type count as absent.
    #[must_use]
    pub fn from_json(q: &serde_json::Value) -> Self {
        let s = |k: &str| {
            q.get(k)
                .and_then(serde_json::Value::as_str)
                .map(String::from)
        };
        let n = |k: &str| s(k).and_then(|t| parse_amount(&t));
        Self {
            origin_asset: s("originAsset"),
            destination_asset: s("destinationAsset"),
            amount_in: n("amountIn").or_else(|| n("amount")),
            amount_out: n("amountOut").or_else(|| n("minAmountOut")),
            min_amount_out: s("minAmountOut"),
            deposit_address: s("depositAddress"),
        }
    }
}

pub(crate) fn parse_amount(t: &str) -> Option<u128> {
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Context of [`review_intents`].
#[derive(Debug, Clone, Copy, Default)]
pub struct IntentContext<'a> {
    /// Prefix of every path (`details.payload.payload_json`), `""` for none.
    pub path: &'a str,
    /// The execution's quote, if it has one.
    pub quote: Option<&'a QuoteTerms>,
    /// The intermediary that runs the execution's steps.
    pub intermediary: Option<&'a str>,
    /// Accounts or addresses the caller expects tokens to go to.
    pub known_recipients: &'a [String],
}

/// What [`review_intents`] finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntentReview {
    /// One entry per intent, in order.
    pub entries: Vec<Entry>,
    /// Findings, in intent order.
    pub warnings: Vec<Warning>,
    /// With a quote: whether it accounts for every token that leaves the signer.
    pub quote_matches: Option<bool>,
}

/// An address as an intents account: `0x` + 40 hex lowercased, base58 of a
/// 32-byte key as its hex implicit account, anything else as it is.
pub(crate) fn as_account(address: &str) -> String {
    if address.len() == 42 && address.starts_with("0x") {
        return address.to_ascii_lowercase();
    }
    if address.len() <= 44 {
        if let Ok(bytes) = crate::encoding::base58_decode(address) {
            if bytes.len() == 32 {
                return crate::encoding::hex_encode(&bytes);
            }
        }
    }
    address.into()
}

pub(crate) fn same_account(a: &str, b: &str) -> bool {
    as_account(a) == as_account(b)
}

/// Reviews every intent of a decoded message.
#[must_use]
pub fn review_intents(message: &IntentMessage, ctx: &IntentContext<'_>) -> IntentReview {
    let mut r = Reviewer {
        ctx,
        signer: &message.signer_id,
        entries: Vec::with_capacity(message.intents.len()),
        warnings: Vec::new(),
        outflows: Vec::new(),
        unquotable: Vec::new(),
    };
    let list = crate::error::join_path(ctx.path, &message.intents_path);
    for (i, intent) in message.intents.iter().enumerate() {
        r.intent(&alloc::format!("{list}[{i}]"), intent);
    }
    let quote_matches = ctx.quote.map(|q| r.check_quote(q));
    // One order for the user: by intent, then by code.
    let mut warnings = r.warnings;
    warnings.sort_by(|a, b| path_key(&a.path).cmp(&path_key(&b.path)));
    let mut entries = r.entries;
    crate::review::mark_entries(&mut entries, &warnings);
    IntentReview {
        entries,
        warnings,
        quote_matches,
    }
}

/// Orders `...intents[10]` after `...intents[9]`.
pub(crate) fn path_key(path: &str) -> (usize, &str) {
    let index = path
        .rsplit_once("intents[")
        .and_then(|(_, rest)| rest.split_once(']'))
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or(usize::MAX);
    (index, path)
}

/// The line that says who signs what, until when.
#[must_use]
pub fn signer_line(m: &IntentMessage, wallet: &str) -> String {
    alloc::format!(
        "Signed by {} ({}) for {} until {}{}",
        wallet,
        m.signer_id,
        m.verifying_contract,
        quote(&m.deadline.text),
        match m.nonce_info {
            NonceInfo::Legacy => " (legacy nonce)",
            NonceInfo::V1 { .. } => "",
        }
    )
}
