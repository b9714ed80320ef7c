//! The review of a step: what it calls, with every argument, and the findings
//! (recognised by selector, numbers compared by value).

#![allow(clippy::wildcard_imports)]

use crate::abi::{find_placeholders, placeholder_name, Placeholders};
use crate::error::{Error, Result};
use alloc::string::{String, ToString as _};
use alloc::vec::Vec;
use alloy_primitives::U256;
use serde::Serialize;
use serde_json::Value;

use super::*;

/// Context for [`review_step`].
#[derive(Debug, Clone, Default)]
pub struct ReviewOptions {
    /// Values for placeholders (`MIN_AMOUNT_OUT` → `"94275"`).
    pub placeholders: Placeholders,
    /// The intermediary (MPC) address that runs the steps.
    pub intermediary: Option<String>,
    /// Contracts the caller knows (lowercased on comparison).
    pub known_contracts: Vec<String>,
}

/// One decoded argument.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Argument {
    /// The parameter name, when the signature names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The Solidity type.
    #[serde(rename = "type")]
    pub ty: String,
    /// The value in the canonical string forms (placeholders as given when unresolved).
    pub value: Value,
}

/// A step warning (the crate's one warning type).
pub type StepWarning = crate::review::Warning;

/// Every step warning code.
pub const STEP_WARNING_CODES: &[&str] = &[
    "UNLIMITED_APPROVAL",
    "UNKNOWN_RECIPIENT",
    "NATIVE_VALUE",
    "FEE_TRANSFER",
    "UNRESOLVED_PLACEHOLDER",
    "INCREASE_ALLOWANCE",
    "APPROVAL_FOR_ALL",
    "ERC2612_PERMIT",
    "DAI_PERMIT",
    "PERMIT2_APPROVE",
];

/// What a step does, for review.
#[derive(Debug, Clone, PartialEq)]
pub struct StepReview {
    /// The contract called.
    pub to: String,
    /// Native value (decimal string, or the placeholder / its value).
    pub value: String,
    /// `0x` + 8 hex digits; `None` for a bare value transfer.
    pub selector: Option<String>,
    /// The function name (`""` for a value transfer).
    pub function_name: String,
    /// The canonical signature.
    pub signature: String,
    /// The arguments in order.
    pub arguments: Vec<Argument>,
    /// The call data, when every placeholder has a value.
    pub calldata: Option<Vec<u8>>,
    /// The placeholders the step uses: (path, placeholder).
    pub placeholders: Vec<(String, String)>,
    /// What a careful user must see.
    pub warnings: Vec<StepWarning>,
}

pub(super) fn substitute(v: &Value, placeholders: &Placeholders) -> Value {
    match v {
        Value::String(s) => match placeholder_name(s)
            .and_then(|name| placeholders.get(name).or_else(|| placeholders.get(s)))
        {
            Some(value) => Value::String(value.clone()),
            None => v.clone(),
        },
        Value::Array(items) => {
            Value::Array(items.iter().map(|i| substitute(i, placeholders)).collect())
        }
        other => other.clone(),
    }
}

/// Validates a step and explains it.
///
/// # Errors
/// Those of [`validate_step`]; a step with unresolved placeholders is reviewed
/// (with a warning and no call data), not rejected.
pub fn review_step(v: &Value, options: &ReviewOptions) -> Result<StepReview> {
    let step = validate_step(v)?;
    let placeholders = find_placeholders(&step.parameters);
    let resolved: Vec<Value> = step
        .parameters
        .iter()
        .map(|p| substitute(p, &options.placeholders))
        .collect();
    let mut warnings = Vec::new();
    let calldata = match step.function.encode(&resolved, &Placeholders::new()) {
        Ok(data) => Some(data),
        Err(Error::UnresolvedPlaceholder { .. }) => {
            warnings.push(crate::review::Warning::new(
                "UNRESOLVED_PLACEHOLDER",
                crate::review::Severity::Info,
                "parameters",
                "the step holds placeholders with no value: the server fills them in",
            ));
            None
        }
        Err(e) => return Err(e),
    };
    // Canonical forms where the value is known, the given text otherwise.
    let canonical = match &calldata {
        Some(data) => step.function.decode(data)?,
        None => resolved.clone(),
    };
    let arguments: Vec<Argument> = step
        .function
        .inputs
        .iter()
        .zip(canonical)
        .map(|(input, value)| Argument {
            name: input.name.clone(),
            ty: input.ty.sol_type_name().into_owned(),
            value,
        })
        .collect();
    let value = substitute(&Value::String(step.value.clone()), &options.placeholders)
        .as_str()
        .unwrap_or_default()
        .to_string();
    if is_decimal(&value) && value != "0" || placeholder_name(&value).is_some() {
        warnings.push(crate::review::Warning::new(
            "NATIVE_VALUE",
            crate::review::Severity::Warning,
            "value",
            alloc::format!("the step sends native value {value} (in wei)"),
        ));
    }
    call_warnings(
        &step,
        calldata.as_deref(),
        &resolved,
        options,
        &mut warnings,
    );
    if step
        .metadata
        .as_ref()
        .and_then(|m| m.get("name"))
        .and_then(Value::as_str)
        == Some("Fee Transfer")
    {
        warnings.push(crate::review::Warning::new(
            "FEE_TRANSFER",
            crate::review::Severity::Info,
            "",
            "appended by the service: gas fee reimbursement",
        ));
    }
    Ok(StepReview {
        to: step.to.clone(),
        value,
        selector: step
            .function
            .selector()
            .map(|s| crate::encoding::hex_encode_prefixed(&s)),
        function_name: step.function.name().into(),
        signature: step.function.canonical(),
        arguments,
        calldata,
        placeholders,
        warnings,
    })
}

/// The value of an unsigned integer however it is spelled: a decimal string,
/// a `0x` hex string or a JSON number. `None` for anything else (a
/// placeholder, a negative number, more than 256 bits).
#[must_use]
pub fn uint_value(v: &Value) -> Option<U256> {
    match v {
        Value::String(s) => match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
            Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                U256::from_str_radix(hex, 16).ok()
            }
            None if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                U256::from_str_radix(s, 10).ok()
            }
            _ => None,
        },
        Value::Number(n) => n.as_u64().map(U256::from),
        _ => None,
    }
}

/// 2^255: an allowance at or above it is treated as unlimited (no token
/// supply comes near it; wallets and libraries use 2^256−1, `type(uint256).max / 2`
/// and similar spellings of "infinite").
#[must_use]
pub fn near_max_uint256() -> U256 {
    U256::from(1_u8) << 255_usize
}

/// 2^160 − 1: Permit2's "unlimited" allowance (its amounts are uint160).
#[must_use]
pub fn max_uint160() -> U256 {
    (U256::from(1_u8) << 160_usize) - U256::from(1_u8)
}

/// 2^48 − 1: Permit2's largest expiration (uint48), i.e. never.
#[must_use]
pub fn max_uint48() -> U256 {
    U256::from((1_u64 << 48) - 1)
}

/// A call the review knows, recognised by selector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Call {
    Approve,
    Transfer,
    TransferFrom,
    IncreaseAllowance,
    SetApprovalForAll,
    Erc2612Permit,
    DaiPermit,
    Permit2Approve,
}

/// How one parameter of a known call is read from its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Address,
    Uint(usize),
    Bool,
    Other,
}

/// (selector, call, canonical signature, parameter kinds). Selectors are
/// keccak256(signature)[..4]; the unit test recomputes each one.
pub(super) const KNOWN_CALLS: &[([u8; 4], Call, &str, &[Kind])] = &[
    (
        [0x09, 0x5e, 0xa7, 0xb3],
        Call::Approve,
        "approve(address,uint256)",
        &[Kind::Address, Kind::Uint(256)],
    ),
    (
        [0xa9, 0x05, 0x9c, 0xbb],
        Call::Transfer,
        "transfer(address,uint256)",
        &[Kind::Address, Kind::Uint(256)],
    ),
    (
        [0x23, 0xb8, 0x72, 0xdd],
        Call::TransferFrom,
        "transferFrom(address,address,uint256)",
        &[Kind::Address, Kind::Address, Kind::Uint(256)],
    ),
    (
        [0x39, 0x50, 0x93, 0x51],
        Call::IncreaseAllowance,
        "increaseAllowance(address,uint256)",
        &[Kind::Address, Kind::Uint(256)],
    ),
    (
        [0xa2, 0x2c, 0xb4, 0x65],
        Call::SetApprovalForAll,
        "setApprovalForAll(address,bool)",
        &[Kind::Address, Kind::Bool],
    ),
    (
        [0xd5, 0x05, 0xac, 0xcf],
        Call::Erc2612Permit,
        "permit(address,address,uint256,uint256,uint8,bytes32,bytes32)",
        &[
            Kind::Address,
            Kind::Address,
            Kind::Uint(256),
            Kind::Uint(256),
            Kind::Other,
            Kind::Other,
            Kind::Other,
        ],
    ),
    (
        [0x8f, 0xcb, 0xaf, 0x0c],
        Call::DaiPermit,
        "permit(address,address,uint256,uint256,bool,uint8,bytes32,bytes32)",
        &[
            Kind::Address,
            Kind::Address,
            Kind::Uint(256),
            Kind::Uint(256),
            Kind::Bool,
            Kind::Other,
            Kind::Other,
            Kind::Other,
        ],
    ),
    (
        [0x87, 0x51, 0x7c, 0x45],
        Call::Permit2Approve,
        "approve(address,address,uint160,uint48)",
        &[
            Kind::Address,
            Kind::Address,
            Kind::Uint(160),
            Kind::Uint(48),
        ],
    ),
];

/// One argument of a known call, as the contract reads it; `Unknown` while a
/// placeholder has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Arg {
    Address(String),
    Uint(U256),
    Bool(bool),
    Unknown,
}

impl Arg {
    fn uint(&self) -> Option<U256> {
        match self {
            Self::Uint(u) => Some(*u),
            _ => None,
        }
    }

    fn flag(&self) -> Option<bool> {
        match self {
            Self::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn shown(&self) -> String {
        match self {
            Self::Address(a) => a.clone(),
            Self::Uint(u) => u.to_string(),
            Self::Bool(b) => b.to_string(),
            Self::Unknown => "(not yet known)".into(),
        }
    }
}

/// Word `i` of the arguments, zero-padded past the end of the call data (as
/// `calldataload` reads it).
pub(super) fn word(args: &[u8], i: usize) -> [u8; 32] {
    let mut out = [0_u8; 32];
    let start = i.saturating_mul(32);
    for (k, b) in out.iter_mut().enumerate() {
        if let Some(x) = args.get(start.saturating_add(k)) {
            *b = *x;
        }
    }
    out
}

/// Reads a known call's arguments from the call data, leniently, as a
/// contract that masks its inputs would: an address is the low 20 bytes, a
/// uintN the low N bits, a bool any non-zero word. (A strict contract
/// reverts on dirty bits instead, which costs nothing.)
pub(super) fn args_from_calldata(kinds: &[Kind], calldata: &[u8]) -> Vec<Arg> {
    let args = calldata.get(4..).unwrap_or_default();
    kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            let w = word(args, i);
            match kind {
                Kind::Address => Arg::Address(
                    alloy_primitives::Address::from_slice(w.get(12..).unwrap_or(&[0_u8; 20]))
                        .to_checksum(None),
                ),
                Kind::Uint(bits) => {
                    let u = U256::from_be_bytes(w);
                    Arg::Uint(if *bits >= 256 {
                        u
                    } else {
                        u & ((U256::from(1_u8) << *bits) - U256::from(1_u8))
                    })
                }
                Kind::Bool => Arg::Bool(w.iter().any(|b| *b != 0)),
                Kind::Other => Arg::Unknown,
            }
        })
        .collect()
}

/// Reads a known call's arguments from the parameters as given (used while
/// placeholders are unresolved, when the signature's types are the known ones).
pub(super) fn args_from_parameters(kinds: &[Kind], parameters: &[Value]) -> Vec<Arg> {
    kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| match (kind, parameters.get(i)) {
            (Kind::Address, Some(Value::String(s))) => crate::abi::parse_address(s, "")
                .map_or(Arg::Unknown, |a| Arg::Address(a.to_checksum(None))),
            (Kind::Uint(_), Some(v)) => uint_value(v).map_or(Arg::Unknown, Arg::Uint),
            (Kind::Bool, Some(Value::Bool(b))) => Arg::Bool(*b),
            _ => Arg::Unknown,
        })
        .collect()
}

pub(super) fn param(i: usize) -> String {
    alloc::format!("parameters[{i}]")
}

/// Warnings of the calls recognised by selector: approvals, permits,
/// transfers and their recipients.
#[allow(clippy::too_many_lines)] // one arm per known call, read side by side
pub(super) fn call_warnings(
    step: &Step,
    calldata: Option<&[u8]>,
    resolved: &[Value],
    options: &ReviewOptions,
    warnings: &mut Vec<StepWarning>,
) {
    use crate::review::{Severity, Warning};
    let Some(selector) = step.function.selector() else {
        return;
    };
    let Some((_, call, canonical, kinds)) = KNOWN_CALLS.iter().find(|(s, ..)| *s == selector)
    else {
        return;
    };
    let args = match calldata {
        Some(data) => args_from_calldata(kinds, data),
        None if step.function.canonical() == *canonical => args_from_parameters(kinds, resolved),
        None => alloc::vec![Arg::Unknown; kinds.len()],
    };
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Arg::Unknown);
    let at_least = |i: usize, limit: U256| arg(i).uint().is_some_and(|u| u >= limit);
    let unlimited = |i: usize, what: &str| {
        Warning::new(
            "UNLIMITED_APPROVAL",
            Severity::Danger,
            param(i),
            alloc::format!("unlimited {what}: the spender may move every token"),
        )
    };
    // (index of the recipient/spender to check, if the step grants anything to it)
    let who = match call {
        Call::Transfer => Some(0),
        Call::TransferFrom => Some(1),
        Call::Approve => {
            if at_least(1, near_max_uint256()) {
                warnings.push(unlimited(1, "approval (at least 2^255)"));
            }
            Some(0)
        }
        Call::IncreaseAllowance => {
            warnings.push(Warning::new(
                "INCREASE_ALLOWANCE",
                Severity::Warning,
                "",
                alloc::format!(
                    "increaseAllowance: {} may take {} more tokens of {}",
                    arg(0).shown(),
                    arg(1).shown(),
                    step.to
                ),
            ));
            if at_least(1, near_max_uint256()) {
                warnings.push(unlimited(1, "allowance increase (at least 2^255)"));
            }
            Some(0)
        }
        Call::SetApprovalForAll => {
            let approved = arg(1).flag();
            let (severity, text) = match approved {
                Some(false) => (Severity::Info, "revokes the operator's approval for all"),
                Some(true) => (
                    Severity::Danger,
                    "the operator may move every token of the collection",
                ),
                None => (
                    Severity::Danger,
                    "approval for all, not yet known to be a revocation: the operator may move every token of the collection",
                ),
            };
            warnings.push(Warning::new(
                "APPROVAL_FOR_ALL",
                severity,
                param(1),
                alloc::format!("setApprovalForAll({}): {text}", arg(0).shown()),
            ));
            (approved != Some(false)).then_some(0)
        }
        Call::Erc2612Permit => {
            warnings.push(Warning::new(
                "ERC2612_PERMIT",
                Severity::Warning,
                "",
                alloc::format!(
                    "EIP-2612 permit: {} lets {} take {} of {} until {} (unix seconds)",
                    arg(0).shown(),
                    arg(1).shown(),
                    arg(2).shown(),
                    step.to,
                    arg(3).shown()
                ),
            ));
            if at_least(2, near_max_uint256()) {
                warnings.push(unlimited(2, "permit (at least 2^255)"));
            }
            Some(1)
        }
        Call::DaiPermit => {
            let allowed = arg(4).flag();
            let expiry = arg(3).uint().map_or_else(
                || arg(3).shown(),
                |e| {
                    if e.is_zero() {
                        "never (expiry 0)".into()
                    } else {
                        alloc::format!("{e} (unix seconds)")
                    }
                },
            );
            warnings.push(Warning::new(
                "DAI_PERMIT",
                Severity::Warning,
                "",
                alloc::format!(
                    "DAI-style permit: {} {} {} on {}; expires {expiry}",
                    arg(0).shown(),
                    if allowed == Some(false) {
                        "revokes the allowance of"
                    } else {
                        "grants an unlimited allowance to"
                    },
                    arg(1).shown(),
                    step.to
                ),
            ));
            if allowed != Some(false) {
                warnings.push(unlimited(4, "DAI-style permit (allowed = true)"));
            }
            (allowed != Some(false)).then_some(1)
        }
        Call::Permit2Approve => {
            let expiration = arg(3).uint().map_or_else(
                || arg(3).shown(),
                |e| {
                    if e == max_uint48() {
                        "never (2^48-1)".into()
                    } else if e.is_zero() {
                        "at the end of this block (0)".into()
                    } else {
                        alloc::format!("at {e} (unix seconds)")
                    }
                },
            );
            warnings.push(Warning::new(
                "PERMIT2_APPROVE",
                Severity::Warning,
                "",
                alloc::format!(
                    "Permit2 approve: {} may take {} of token {} through Permit2; expires {expiration}",
                    arg(1).shown(),
                    arg(2).shown(),
                    arg(0).shown()
                ),
            ));
            if at_least(2, max_uint160()) {
                warnings.push(unlimited(2, "Permit2 approval (2^160-1)"));
            }
            Some(1)
        }
    };
    let Some(Arg::Address(who)) = who.map(arg) else {
        return;
    };
    let known = options
        .intermediary
        .iter()
        .chain(&options.known_contracts)
        .any(|k| k.eq_ignore_ascii_case(&who));
    if !known {
        let name = canonical.split('(').next().unwrap_or_default();
        warnings.push(Warning::new(
            "UNKNOWN_RECIPIENT",
            Severity::Warning,
            "",
            alloc::format!(
                "{name} to {who}, which is neither the intermediary nor a known contract"
            ),
        ));
    }
}
