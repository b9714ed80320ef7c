//! The review of Permit2 typed data: what is granted, to whom, until when, and
//! the findings (numbers compared by value, whatever their spelling).

#![allow(clippy::wildcard_imports)]

use crate::eip712::TypedData;
use crate::error::{Error, Result};
use crate::json::Obj;
use alloc::string::{String, ToString as _};
use alloc::vec::Vec;
use alloy_primitives::U256;
use serde_json::Value;

use super::*;

/// A human-readable review of a Permit2 typed-data object.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// Lines in order of importance.
    pub lines: Vec<String>,
    /// What a careful user must see.
    pub warnings: Vec<Permit2Warning>,
}

/// Options of [`review`].
#[derive(Debug, Clone, Default)]
pub struct ReviewOptions {
    /// The current time, seconds since the Unix epoch.
    pub now: Option<u64>,
    /// Spenders the caller expects (routers, escrows).
    pub known_spenders: Vec<String>,
    /// The chain the wallet is on: a domain with another `chainId` (or none)
    /// is `CHAIN_MISMATCH`.
    pub expected_chain_id: Option<U256>,
}

pub(super) const YEAR: u64 = 365 * 24 * 3600;

/// Unlimited, by value whatever the spelling: Permit2's allowance maximum
/// 2^160−1 (its amounts are uint160) or uint256's maximum 2^256−1.
pub(super) fn is_unlimited(amount: Option<U256>) -> bool {
    amount.is_some_and(|a| a == crate::step::max_uint160() || a == U256::MAX)
}

/// One token granted: (path, token, amount, allowance expiration).
pub(super) struct Grant {
    path: String,
    token: String,
    amount: Option<U256>,
    expiration: Option<Value>,
}

pub(super) fn text(v: &Value, k: &str) -> String {
    match v.get(k) {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// What a Permit2 message grants: its kind, the tokens, and its deadline key.
pub(super) fn grants(
    primary: &str,
    message: &Value,
) -> Result<(&'static str, Vec<Grant>, &'static str)> {
    let list = |key: &str| -> Vec<(String, Value)> {
        match message.get(key).cloned().unwrap_or(Value::Null) {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (alloc::format!("message.{key}[{i}]"), v))
                .collect(),
            other => alloc::vec![(alloc::format!("message.{key}"), other)],
        }
    };
    let grant = |(path, p): (String, Value), allowance: bool| Grant {
        token: text(&p, "token"),
        amount: p.get("amount").and_then(crate::step::uint_value),
        expiration: if allowance {
            Some(p.get("expiration").cloned().unwrap_or(Value::Null))
        } else {
            None
        },
        path,
    };
    match primary {
        "PermitTransferFrom"
        | "PermitWitnessTransferFrom"
        | "PermitBatchTransferFrom"
        | "PermitBatchWitnessTransferFrom" => Ok((
            "one-time transfer",
            list("permitted")
                .into_iter()
                .map(|p| grant(p, false))
                .collect(),
            "deadline",
        )),
        "PermitSingle" | "PermitBatch" => Ok((
            "allowance",
            list("details")
                .into_iter()
                .map(|p| grant(p, true))
                .collect(),
            "sigDeadline",
        )),
        other => Err(Error::InvalidType {
            path: "primaryType".into(),
            expected: "a Permit2 primary type".into(),
            actual: crate::review::quote(other),
        }),
    }
}

/// Reviews Permit2 typed data (any of the six primary types).
///
/// Numbers are read by value, whatever their spelling (decimal, `0x` hex,
/// JSON numbers): the message is first brought to its canonical form by the
/// EIP-712 parser.
///
/// | code | severity | when |
/// |---|---|---|
/// | `NON_CANONICAL_PERMIT2` | danger | the verifying contract is not Permit2's canonical deployment (or zkSync Era's) |
/// | `CHAIN_MISMATCH` | danger | `expected_chain_id` is given and the domain's `chainId` differs (or is absent) |
/// | `UNLIMITED_AMOUNT` | danger | an amount of 2^160−1 (uint160 max, Permit2's "unlimited") or 2^256−1 |
/// | `DEADLINE_PASSED` | warning | with `now`: the `deadline`/`sigDeadline` is before it |
/// | `DEADLINE_FAR` | warning | with `now`: the `deadline`/`sigDeadline`, or an allowance's `expiration`, is more than a year away (an expiration of 2^48−1, uint48 max, is "never"). For `PermitSingle`/`PermitBatch` the ordered uint48 nonce keeps the signature usable until `sigDeadline` unless that nonce is spent first, so a far `sigDeadline` is named as such |
/// | `UNKNOWN_SPENDER` | warning | the spender is not in `known_spenders` |
/// | `DOMAIN_FIELD_IGNORED` | warning | (builders only) a server domain field Permit2 does not sign |
///
/// Without `now` there are no deadline warnings.
///
/// # Errors
/// The errors of [`TypedData::from_json`]; [`Error::InvalidType`] at
/// `primaryType` for a primary type that is not a Permit2 one.
#[allow(clippy::too_many_lines)]
pub fn review(typed_data: &Value, options: &ReviewOptions) -> Result<Review> {
    use crate::review::{Severity, Warning};
    let parsed = TypedData::from_json(typed_data)?;
    let obj = Obj::new(typed_data, "")?;
    let primary = obj.req_str("primaryType")?;
    let domain = Obj::new(obj.req("domain")?, "domain")?;
    // EIP-55 addresses and decimal integers, whatever the input's spelling.
    let message = parsed
        .canonical_message()
        .map_or_else(|| obj.req("message").cloned(), Ok)?;
    let message = &message;
    let mut lines = Vec::new();
    let mut warnings = Vec::new();
    let contract = domain.req_str("verifyingContract")?;
    if !contract.eq_ignore_ascii_case(PERMIT2_ADDRESS)
        && !contract.eq_ignore_ascii_case(PERMIT2_ADDRESS_ZKSYNC)
    {
        warnings.push(Warning::new(
            "NON_CANONICAL_PERMIT2",
            Severity::Danger,
            "domain.verifyingContract",
            alloc::format!(
                "verifying contract {} is not the canonical Permit2",
                crate::review::quote(contract)
            ),
        ));
    }
    let chain = domain.get("chainId").and_then(crate::step::uint_value);
    if let Some(expected) = options.expected_chain_id {
        if chain != Some(expected) {
            warnings.push(Warning::new(
                "CHAIN_MISMATCH",
                Severity::Danger,
                "domain.chainId",
                alloc::format!(
                    "signed for chain {}, but the wallet is on chain {expected}",
                    chain.map_or_else(|| String::from("(none)"), |c| c.to_string())
                ),
            ));
        }
    }
    let spender = text(message, "spender");
    let (kind, grants, deadline_key) = grants(primary, message)?;
    lines.push(alloc::format!(
        "Permit2 {kind} ({primary}) to spender {spender}"
    ));
    let far = |t: U256, now: u64| t > U256::from(now.saturating_add(YEAR));
    for g in &grants {
        let unlimited = is_unlimited(g.amount);
        let expiration = g.expiration.as_ref().and_then(crate::step::uint_value);
        lines.push(alloc::format!(
            "{} of token {}{}",
            if unlimited {
                String::from("UNLIMITED amount")
            } else {
                g.amount
                    .map_or_else(|| String::from("(no amount)"), |a| a.to_string())
            },
            g.token,
            match (&g.expiration, expiration) {
                (None, _) => String::new(),
                (Some(_), Some(e)) if e == crate::step::max_uint48() =>
                    String::from(", allowance never expires (2^48-1)"),
                (Some(_), Some(e)) => alloc::format!(", allowance expires at {e} (unix seconds)"),
                (Some(_), None) => String::from(", allowance expiration unreadable"),
            }
        ));
        if unlimited {
            warnings.push(Warning::new(
                "UNLIMITED_AMOUNT",
                Severity::Danger,
                alloc::format!("{}.amount", g.path),
                alloc::format!("unlimited amount of {} for {spender}", g.token),
            ));
        }
        if let (Some(now), Some(exp)) = (options.now, expiration) {
            if far(exp, now) {
                warnings.push(Warning::new(
                    "DEADLINE_FAR",
                    Severity::Warning,
                    alloc::format!("{}.expiration", g.path),
                    alloc::format!("the allowance of {} lasts more than a year", g.token),
                ));
            }
        }
    }
    let deadline = message.get(deadline_key).and_then(crate::step::uint_value);
    lines.push(alloc::format!(
        "signature valid until {} (unix seconds)",
        deadline.map_or_else(|| String::from("(unreadable)"), |d| d.to_string())
    ));
    if let (Some(now), Some(d)) = (options.now, deadline) {
        let path = alloc::format!("message.{deadline_key}");
        if d < U256::from(now) {
            warnings.push(Warning::new(
                "DEADLINE_PASSED",
                Severity::Warning,
                path,
                alloc::format!("the {deadline_key} {d} has passed"),
            ));
        } else if far(d, now) {
            let nonce = if deadline_key == "sigDeadline" {
                alloc::format!(
                    " and the ordered nonce {} stays usable until then unless spent",
                    text(message, "nonce")
                )
            } else {
                String::new()
            };
            warnings.push(Warning::new(
                "DEADLINE_FAR",
                Severity::Warning,
                path,
                alloc::format!("the {deadline_key} {d} is more than a year away{nonce}"),
            ));
        }
    }
    if !options
        .known_spenders
        .iter()
        .any(|k| k.eq_ignore_ascii_case(&spender))
    {
        warnings.push(Warning::new(
            "UNKNOWN_SPENDER",
            Severity::Warning,
            "message.spender",
            alloc::format!("{spender} is not a spender you listed as known"),
        ));
    }
    if let Some(w) = message.get("witness") {
        lines.push(alloc::format!(
            "with witness {}",
            crate::review::quote(&w.to_string())
        ));
    }
    lines.push(alloc::format!(
        "Permit2 contract {} on chain {}",
        crate::review::quote(contract),
        chain.map_or_else(|| String::from("(none)"), |c| c.to_string())
    ));
    Ok(Review { lines, warnings })
}
