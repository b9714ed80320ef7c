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

use alloc::string::{String, ToString as _};
use alloc::vec::Vec;
use core::fmt::Write as _;

use crate::intent::{Intent, IntentMessage, NonceInfo, TokenAmounts};
use crate::review::{quote, Entry, Severity, Warning};

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

fn parse_amount(t: &str) -> Option<u128> {
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
fn as_account(address: &str) -> String {
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

fn same_account(a: &str, b: &str) -> bool {
    as_account(a) == as_account(b)
}

/// Tokens leaving the signer: (path, asset id, amount, where they go).
struct Outflow {
    path: String,
    asset: String,
    amount: u128,
    to: String,
}

struct Reviewer<'a> {
    ctx: &'a IntentContext<'a>,
    signer: &'a str,
    entries: Vec<Entry>,
    warnings: Vec<Warning>,
    outflows: Vec<Outflow>,
    /// Paths of intents no quote can account for, with why.
    unquotable: Vec<(String, String)>,
}

fn tokens_text(tokens: &TokenAmounts) -> String {
    let parts: Vec<String> = tokens
        .iter()
        .map(|(id, a)| alloc::format!("{} of {}", a.0, quote(id)))
        .collect();
    parts.join(", ")
}

fn opt_gas(g: Option<&crate::intent::Gas>) -> String {
    g.map_or_else(|| "default".into(), |g| alloc::format!("{} gas", g.0))
}

impl Reviewer<'_> {
    fn warn(&mut self, code: &'static str, severity: Severity, path: String, message: String) {
        self.warnings
            .push(Warning::new(code, severity, path, message));
    }

    fn recipient(&mut self, path: &str, key: &str, to: &str, what: &str) {
        let q = self.ctx.quote;
        let known = q
            .and_then(|q| q.deposit_address.as_deref())
            .into_iter()
            .chain(self.ctx.intermediary)
            .chain(self.ctx.known_recipients.iter().map(String::as_str))
            .any(|k| same_account(k, to));
        if !known && to != self.signer {
            self.warn(
                "FOREIGN_RECIPIENT",
                Severity::Warning,
                alloc::format!("{path}.{key}"),
                alloc::format!(
                    "{what} goes to {}, which is neither the quote's deposit address, the intermediary, nor a known recipient",
                    quote(to)
                ),
            );
        }
    }

    fn outflow(&mut self, path: &str, asset: String, amount: u128, to: &str) {
        self.outflows.push(Outflow {
            path: path.into(),
            asset,
            amount,
            to: to.into(),
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn notification(
        &mut self,
        entry: &mut Entry,
        path: &str,
        code: &'static str,
        msg: Option<&String>,
        min_gas: Option<&crate::intent::Gas>,
        state_init: Option<&serde_json::Value>,
        receiver: &str,
        call: &str,
    ) {
        if let Some(m) = msg {
            entry.field("msg", quote(m));
            entry.field("min_gas", opt_gas(min_gas));
            let _ = write!(
                entry.summary,
                ", then {call} on {} with msg {}",
                quote(receiver),
                quote(m)
            );
            self.warn(
                code,
                Severity::Warning,
                alloc::format!("{path}.msg"),
                alloc::format!(
                    "{call} on {} runs the receiver's code with msg {}: it decides what happens to the tokens",
                    quote(receiver),
                    quote(m)
                ),
            );
            self.unquotable.push((
                alloc::format!("{path}.msg"),
                alloc::format!("a call ({call})"),
            ));
        }
        if let Some(si) = state_init {
            let text = si.to_string();
            entry.field("state_init", quote(&text));
            self.warn(
                "STATE_INIT",
                Severity::Warning,
                alloc::format!("{path}.state_init"),
                alloc::format!(
                    "a contract is initialised at {} first (state_init {})",
                    quote(receiver),
                    quote(&text)
                ),
            );
        }
    }

    fn storage(&mut self, entry: &mut Entry, path: &str, deposit: Option<&crate::intent::U128>) {
        if let Some(d) = deposit {
            entry.field("storage_deposit", alloc::format!("{} yoctoNEAR", d.0));
            self.warn(
                "STORAGE_DEPOSIT",
                Severity::Warning,
                alloc::format!("{path}.storage_deposit"),
                alloc::format!(
                    "{} yoctoNEAR of the signer's wNEAR pays for storage and is never refunded",
                    d.0
                ),
            );
            self.outflow(
                &alloc::format!("{path}.storage_deposit"),
                "nep141:wrap.near".into(),
                d.0,
                "(storage)",
            );
        }
    }

    #[allow(clippy::too_many_lines)]
    fn intent(&mut self, path: &str, intent: &Intent) {
        let kind = intent.kind().to_string();
        let mut e = Entry::new(&kind, path, String::new());
        match intent {
            Intent::AddPublicKey { public_key } => {
                e.summary = alloc::format!("Add key {} to the signer's account", quote(public_key));
                e.field("public_key", quote(public_key));
                self.warn(
                    "ADD_PUBLIC_KEY",
                    Severity::Danger,
                    alloc::format!("{path}.public_key"),
                    alloc::format!(
                        "adds key {}: whoever holds it can sign intents and move every token of the account",
                        quote(public_key)
                    ),
                );
                self.unquotable.push((path.into(), "a key change".into()));
            }
            Intent::RemovePublicKey { public_key } => {
                e.summary =
                    alloc::format!("Remove key {} from the signer's account", quote(public_key));
                e.field("public_key", quote(public_key));
                self.warn(
                    "REMOVE_PUBLIC_KEY",
                    Severity::Danger,
                    alloc::format!("{path}.public_key"),
                    alloc::format!(
                        "removes key {}: if it is the key you sign with, you lose access to the account",
                        quote(public_key)
                    ),
                );
                self.unquotable.push((path.into(), "a key change".into()));
            }
            Intent::SetAuthByPredecessorId { enabled } => {
                e.summary = alloc::format!(
                    "{} authentication by predecessor id for the signer's account",
                    if *enabled { "Enable" } else { "Disable" }
                );
                e.field("enabled", enabled.to_string());
                let (severity, message) = if *enabled {
                    (Severity::Warning, "lets the NEAR account itself act on the intents account by calling the contract directly")
                } else {
                    (Severity::Danger, "stops the NEAR account from acting on the intents account directly: only its registered keys can, and a wrong setting can lock funds")
                };
                self.warn(
                    "SET_AUTH_BY_PREDECESSOR",
                    severity,
                    alloc::format!("{path}.enabled"),
                    message.into(),
                );
                self.unquotable
                    .push((path.into(), "an account setting".into()));
            }
            Intent::AuthCall {
                contract_id,
                msg,
                state_init,
                attached_deposit,
                min_gas,
            } => {
                let deposit = attached_deposit.map_or(0, |d| d.0);
                e.summary = alloc::format!(
                    "Call on_auth on {} as the signer with msg {}{}",
                    quote(contract_id),
                    quote(msg),
                    if deposit > 0 {
                        alloc::format!(", attaching {deposit} yoctoNEAR of the signer's wNEAR")
                    } else {
                        String::new()
                    }
                );
                e.field("contract_id", quote(contract_id));
                e.field("msg", quote(msg));
                e.field("attached_deposit", alloc::format!("{deposit} yoctoNEAR"));
                e.field("min_gas", opt_gas(min_gas.as_ref()));
                if let Some(si) = state_init {
                    e.field("state_init", quote(&si.to_string()));
                }
                self.warn(
                    "AUTH_CALL",
                    Severity::Danger,
                    path.into(),
                    alloc::format!(
                        "{} is told the signer authorised msg {}{}: that contract decides what this means",
                        quote(contract_id),
                        quote(msg),
                        if deposit > 0 {
                            alloc::format!(", and receives {deposit} yoctoNEAR of wNEAR (never refunded)")
                        } else {
                            String::new()
                        }
                    ),
                );
                if deposit > 0 {
                    self.outflow(path, "nep141:wrap.near".into(), deposit, contract_id);
                }
                self.unquotable.push((path.into(), "an auth_call".into()));
            }
            Intent::Transfer {
                receiver_id,
                tokens,
                memo,
                msg,
                min_gas,
                state_init,
            } => {
                e.summary =
                    alloc::format!("Transfer {} to {}", tokens_text(tokens), quote(receiver_id));
                e.field("receiver_id", quote(receiver_id));
                for (id, a) in tokens {
                    e.field(&alloc::format!("tokens[{}]", quote(id)), a.0.to_string());
                    self.outflow(path, id.clone(), a.0, receiver_id);
                }
                if let Some(m) = memo {
                    e.field("memo", quote(m));
                }
                self.recipient(path, "receiver_id", receiver_id, "the transfer");
                self.notification(
                    &mut e,
                    path,
                    "TRANSFER_CALL",
                    msg.as_ref(),
                    min_gas.as_ref(),
                    state_init.as_ref(),
                    receiver_id,
                    "mt_on_transfer",
                );
            }
            Intent::ImtMint {
                receiver_id,
                tokens,
                memo,
                msg,
                min_gas,
                state_init,
            } => {
                e.summary = alloc::format!(
                    "Mint {} (as imt:{}:<id>) to {}",
                    tokens_text(tokens),
                    self.signer,
                    quote(receiver_id)
                );
                e.field("receiver_id", quote(receiver_id));
                for (id, a) in tokens {
                    e.field(&alloc::format!("tokens[{}]", quote(id)), a.0.to_string());
                }
                if let Some(m) = memo {
                    e.field("memo", quote(m));
                }
                self.recipient(path, "receiver_id", receiver_id, "the minted tokens");
                self.unquotable.push((path.into(), "a mint".into()));
                self.notification(
                    &mut e,
                    path,
                    "TRANSFER_CALL",
                    msg.as_ref(),
                    min_gas.as_ref(),
                    state_init.as_ref(),
                    receiver_id,
                    "mt_on_transfer",
                );
            }
            Intent::ImtBurn {
                minter_id,
                tokens,
                memo,
            } => {
                e.summary = alloc::format!(
                    "Burn {} of minter {}",
                    tokens_text(tokens),
                    quote(minter_id)
                );
                e.field("minter_id", quote(minter_id));
                for (id, a) in tokens {
                    e.field(&alloc::format!("tokens[{}]", quote(id)), a.0.to_string());
                }
                if let Some(m) = memo {
                    e.field("memo", quote(m));
                }
                self.unquotable.push((path.into(), "a burn".into()));
            }
            Intent::FtWithdraw {
                token,
                receiver_id,
                amount,
                memo,
                msg,
                storage_deposit,
                min_gas,
            } => {
                let bridge_to = memo
                    .as_deref()
                    .and_then(|m| m.strip_prefix("WITHDRAW_TO:"))
                    .filter(|_| receiver_id == token);
                e.summary = match bridge_to {
                    Some(to) => alloc::format!(
                        "Withdraw {} of {} out of NEAR to {} (bridge withdrawal: memo WITHDRAW_TO)",
                        amount.0,
                        quote(token),
                        quote(to)
                    ),
                    None => alloc::format!(
                        "Withdraw {} of {} to {}",
                        amount.0,
                        quote(token),
                        quote(receiver_id)
                    ),
                };
                e.field("token", quote(token));
                e.field("receiver_id", quote(receiver_id));
                e.field("amount", amount.0.to_string());
                if let Some(m) = memo {
                    e.field("memo", quote(m));
                }
                let (key, to) = match bridge_to {
                    Some(to) => ("memo", to),
                    None => ("receiver_id", receiver_id.as_str()),
                };
                self.outflow(path, alloc::format!("nep141:{token}"), amount.0, to);
                self.recipient(path, key, to, "the withdrawal");
                self.withdraw_call(
                    &mut e,
                    path,
                    msg.as_ref(),
                    min_gas.as_ref(),
                    receiver_id,
                    "ft_transfer_call",
                );
                self.storage(&mut e, path, storage_deposit.as_ref());
            }
            Intent::NftWithdraw {
                token,
                receiver_id,
                token_id,
                memo,
                msg,
                storage_deposit,
                min_gas,
            } => {
                e.summary = alloc::format!(
                    "Withdraw NFT {} of {} to {}",
                    quote(token_id),
                    quote(token),
                    quote(receiver_id)
                );
                e.field("token", quote(token));
                e.field("receiver_id", quote(receiver_id));
                e.field("token_id", quote(token_id));
                if let Some(m) = memo {
                    e.field("memo", quote(m));
                }
                self.outflow(
                    path,
                    alloc::format!("nep171:{token}:{token_id}"),
                    1,
                    receiver_id,
                );
                self.recipient(path, "receiver_id", receiver_id, "the NFT");
                self.withdraw_call(
                    &mut e,
                    path,
                    msg.as_ref(),
                    min_gas.as_ref(),
                    receiver_id,
                    "nft_transfer_call",
                );
                self.storage(&mut e, path, storage_deposit.as_ref());
            }
            Intent::MtWithdraw {
                token,
                receiver_id,
                token_ids,
                amounts,
                memo,
                msg,
                storage_deposit,
                min_gas,
            } => {
                let parts: Vec<String> = token_ids
                    .iter()
                    .zip(amounts)
                    .map(|(id, a)| alloc::format!("{} of {}", a.0, quote(id)))
                    .collect();
                e.summary = alloc::format!(
                    "Withdraw {} of {} to {}",
                    parts.join(", "),
                    quote(token),
                    quote(receiver_id)
                );
                e.field("token", quote(token));
                e.field("receiver_id", quote(receiver_id));
                for (id, a) in token_ids.iter().zip(amounts) {
                    e.field(&alloc::format!("amounts[{}]", quote(id)), a.0.to_string());
                    self.outflow(
                        path,
                        alloc::format!("nep245:{token}:{id}"),
                        a.0,
                        receiver_id,
                    );
                }
                if let Some(m) = memo {
                    e.field("memo", quote(m));
                }
                self.recipient(path, "receiver_id", receiver_id, "the withdrawal");
                self.withdraw_call(
                    &mut e,
                    path,
                    msg.as_ref(),
                    min_gas.as_ref(),
                    receiver_id,
                    "mt_transfer_call",
                );
                self.storage(&mut e, path, storage_deposit.as_ref());
            }
            Intent::NativeWithdraw {
                receiver_id,
                amount,
            } => {
                e.summary = alloc::format!(
                    "Unwrap {} yoctoNEAR of wNEAR and send it as NEAR to {}",
                    amount.0,
                    quote(receiver_id)
                );
                e.field("receiver_id", quote(receiver_id));
                e.field("amount", alloc::format!("{} yoctoNEAR", amount.0));
                self.warn(
                    "NATIVE_WITHDRAW",
                    Severity::Warning,
                    path.into(),
                    alloc::format!(
                        "{} yoctoNEAR leave the intents contract as native NEAR to {}",
                        amount.0,
                        quote(receiver_id)
                    ),
                );
                self.recipient(path, "receiver_id", receiver_id, "the NEAR");
                self.outflow(path, "nep141:wrap.near".into(), amount.0, receiver_id);
                self.unquotable
                    .push((path.into(), "a native withdrawal".into()));
            }
            Intent::StorageDeposit {
                contract_id,
                deposit_for_account_id,
                amount,
            } => {
                e.summary = alloc::format!(
                    "Pay {} yoctoNEAR of wNEAR for storage of {} on {}",
                    amount.0,
                    quote(deposit_for_account_id),
                    quote(contract_id)
                );
                e.field("contract_id", quote(contract_id));
                e.field("deposit_for_account_id", quote(deposit_for_account_id));
                e.field("amount", alloc::format!("{} yoctoNEAR", amount.0));
                self.warn(
                    "STORAGE_DEPOSIT",
                    Severity::Warning,
                    path.into(),
                    alloc::format!(
                        "{} yoctoNEAR of the signer's wNEAR pays {}'s storage on {} and is never refunded",
                        amount.0,
                        quote(deposit_for_account_id),
                        quote(contract_id)
                    ),
                );
                self.outflow(path, "nep141:wrap.near".into(), amount.0, contract_id);
                self.unquotable
                    .push((path.into(), "a storage deposit".into()));
            }
            Intent::TokenDiff {
                diff,
                memo,
                referral,
            } => {
                let give: Vec<String> = diff
                    .iter()
                    .filter(|(_, d)| d.0 < 0)
                    .map(|(id, d)| alloc::format!("{} of {}", d.0.unsigned_abs(), quote(id)))
                    .collect();
                let take: Vec<String> = diff
                    .iter()
                    .filter(|(_, d)| d.0 >= 0)
                    .map(|(id, d)| alloc::format!("{} of {}", d.0, quote(id)))
                    .collect();
                e.summary = alloc::format!(
                    "Swap with any counterparty: give {}, receive {}",
                    if give.is_empty() {
                        "nothing".into()
                    } else {
                        give.join(", ")
                    },
                    if take.is_empty() {
                        "nothing".into()
                    } else {
                        take.join(", ")
                    },
                );
                for (id, d) in diff {
                    e.field(&alloc::format!("diff[{}]", quote(id)), d.0.to_string());
                    if d.0 < 0 {
                        self.outflow(path, id.clone(), d.0.unsigned_abs(), "(any counterparty)");
                    }
                }
                if let Some(m) = memo {
                    e.field("memo", quote(m));
                }
                if let Some(r) = referral {
                    e.field("referral", quote(r));
                }
            }
            Intent::Unknown(v) => {
                e.summary = alloc::format!(
                    "Unknown intent {} (the verifier refuses the whole payload)",
                    quote(&v.to_string())
                );
                self.unquotable
                    .push((path.into(), "an unknown intent".into()));
            }
        }
        self.entries.push(e);
    }

    #[allow(clippy::too_many_arguments)]
    fn withdraw_call(
        &mut self,
        e: &mut Entry,
        path: &str,
        msg: Option<&String>,
        min_gas: Option<&crate::intent::Gas>,
        receiver: &str,
        call: &str,
    ) {
        if let Some(m) = msg {
            let _ = write!(e.summary, " via {call} with msg {}", quote(m));
            e.field("msg", quote(m));
            self.warn(
                "WITHDRAW_WITH_CALL",
                Severity::Warning,
                alloc::format!("{path}.msg"),
                alloc::format!(
                    "{call} runs {}'s code with msg {}: it decides what happens to the tokens, and a failure is not refunded",
                    quote(receiver),
                    quote(m)
                ),
            );
            self.unquotable.push((
                alloc::format!("{path}.msg"),
                alloc::format!("a call ({call})"),
            ));
        }
        if msg.is_some() || min_gas.is_some() {
            e.field("min_gas", opt_gas(min_gas));
        }
    }

    fn check_quote(&mut self, q: &QuoteTerms) -> bool {
        let mut ok = true;
        let mut mismatch = |w: &mut Vec<Warning>, path: String, message: String| {
            ok = false;
            w.push(Warning::new(
                "QUOTE_MISMATCH",
                Severity::Danger,
                path,
                message,
            ));
        };
        let (mut into_deposit, mut to_intermediary) = (0u128, 0u128);
        for o in &self.outflows {
            let origin = q.origin_asset.as_deref() == Some(o.asset.as_str())
                && q.deposit_address
                    .as_deref()
                    .is_some_and(|d| same_account(d, &o.to));
            let destination = q.destination_asset.as_deref() == Some(o.asset.as_str())
                && self
                    .ctx
                    .intermediary
                    .is_some_and(|i| same_account(i, &o.to));
            if origin {
                into_deposit = into_deposit.saturating_add(o.amount);
            } else if destination {
                to_intermediary = to_intermediary.saturating_add(o.amount);
            } else {
                mismatch(
                    &mut self.warnings,
                    o.path.clone(),
                    alloc::format!(
                        "{} of {} to {} is not in the quote: neither its origin asset to its deposit address nor its destination asset to the intermediary",
                        o.amount,
                        quote(&o.asset),
                        quote(&o.to)
                    ),
                );
            }
        }
        for (path, what) in &self.unquotable {
            mismatch(
                &mut self.warnings,
                path.clone(),
                alloc::format!("the intents hold {what}, which no quote accounts for"),
            );
        }
        let base = self.ctx.path;
        for (total, bound, what) in [
            (
                into_deposit,
                q.amount_in,
                "origin asset sent to the deposit address",
            ),
            (
                to_intermediary,
                q.amount_out,
                "destination asset sent to the intermediary",
            ),
        ] {
            if total > 0 && bound.is_none_or(|b| total > b) {
                mismatch(
                    &mut self.warnings,
                    crate::error::join_path(base, "intents"),
                    alloc::format!(
                        "{total} of the {what}, more than the quoted {}",
                        bound.map_or_else(|| "(no amount)".into(), |b| b.to_string())
                    ),
                );
            }
        }
        ok
    }
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
fn path_key(path: &str) -> (usize, &str) {
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
