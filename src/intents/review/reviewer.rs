//! The reviewer: one entry per intent kind, naming every field that executes,
//! the findings of each kind, and the quote check.

#![allow(clippy::wildcard_imports)]

use crate::intent::{Intent, TokenAmounts};
use crate::review::{quote, Entry, Severity, Warning};
use alloc::string::{String, ToString as _};
use alloc::vec::Vec;
use core::fmt::Write as _;

use super::*;

/// Tokens leaving the signer: (path, asset id, amount, where they go).
pub(super) struct Outflow {
    pub(super) path: String,
    pub(super) asset: String,
    pub(super) amount: u128,
    pub(super) to: String,
}

pub(super) struct Reviewer<'a> {
    pub(super) ctx: &'a IntentContext<'a>,
    pub(super) signer: &'a str,
    pub(super) entries: Vec<Entry>,
    pub(super) warnings: Vec<Warning>,
    pub(super) outflows: Vec<Outflow>,
    /// Paths of intents no quote can account for, with why.
    pub(super) unquotable: Vec<(String, String)>,
}

pub(super) fn tokens_text(tokens: &TokenAmounts) -> String {
    let parts: Vec<String> = tokens
        .iter()
        .map(|(id, a)| alloc::format!("{} of {}", a.0, quote(id)))
        .collect();
    parts.join(", ")
}

pub(super) fn opt_gas(g: Option<&crate::intent::Gas>) -> String {
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
    pub(super) fn intent(&mut self, path: &str, intent: &Intent) {
        // An unknown kind is the payload's own text: shown only quoted, in the summary.
        let kind = match intent {
            Intent::Unknown(_) => String::from("unknown"),
            known => known.kind().to_string(),
        };
        let mut e = Entry::new(&kind, path, String::new());
        match intent {
            Intent::AddPublicKey { public_key } | Intent::RemovePublicKey { public_key } => {
                let key = quote(public_key);
                let (code, summary, message) = if matches!(intent, Intent::AddPublicKey { .. }) {
                    (
                        "ADD_PUBLIC_KEY",
                        alloc::format!("Add key {key} to the signer's account"),
                        alloc::format!("adds key {key}: whoever holds it can sign intents and move every token of the account"),
                    )
                } else {
                    (
                        "REMOVE_PUBLIC_KEY",
                        alloc::format!("Remove key {key} from the signer's account"),
                        alloc::format!("removes key {key}: if it is the key you sign with, you lose access to the account"),
                    )
                };
                e.summary = summary;
                e.field("public_key", key);
                self.warn(
                    code,
                    Severity::Danger,
                    alloc::format!("{path}.public_key"),
                    message,
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
}
