//! Intents Connect EVM steps `{to, functionSignature, parameters, value, metadata}`:
//! validation mirroring the API's 400 rules, and a review of what each call does.
//!
//! # Review warnings
//!
//! Calls are recognised by their 4-byte selector, never by the name in
//! `functionSignature`: the call data is read word by word as the known
//! function reads it, so two signatures with one selector (a renamed
//! function, a hash collision such as `sign_szabo_bytecode(bytes16,uint128)`
//! for `approve`) get the same review. Numbers are compared by value whatever
//! their spelling (decimal or `0x`). Paths are relative to the step.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `UNLIMITED_APPROVAL` | danger | `approve`/`increaseAllowance`/EIP-2612 `permit` of at least 2^255 (half of uint256: no real balance comes near), Permit2 `approve` of 2^160−1 (uint160 max), a DAI-style `permit` with `allowed = true` (DAI sets 2^256−1) |
//! | `UNKNOWN_RECIPIENT` | warning | a `transfer`/`transferFrom` recipient, or the spender/operator of an approval or permit, that is neither the intermediary nor a contract the caller listed as known (path `""`: the whole step) |
//! | `NATIVE_VALUE` | warning | the step sends a non-zero native value (path `value`) |
//! | `FEE_TRANSFER` | info | the "Fee Transfer" step the service appends (gas fee reimbursement) |
//! | `UNRESOLVED_PLACEHOLDER` | info | the step still holds placeholders with no value given: no call data yet (path `parameters`) |
//! | `INCREASE_ALLOWANCE` | warning | `increaseAllowance(address,uint256)` (`0x39509351`): raises what a spender may take |
//! | `APPROVAL_FOR_ALL` | danger / info | `setApprovalForAll(address,bool)` (`0xa22cb465`): danger when `true` (or not yet known), the operator may move every token of the collection; info when `false` (a revocation) |
//! | `ERC2612_PERMIT` | warning | EIP-2612 `permit(address,address,uint256,uint256,uint8,bytes32,bytes32)` (`0xd505accf`): submits an owner's signed allowance |
//! | `DAI_PERMIT` | warning | DAI-style `permit(address,address,uint256,uint256,bool,uint8,bytes32,bytes32)` (`0x8fcbaf0c`): submits a holder's signed all-or-nothing allowance (expiry 0 = never expires) |
//! | `PERMIT2_APPROVE` | warning | Permit2's `approve(address,address,uint160,uint48)` (`0x87517c45`): an allowance held by Permit2 |
//!
//! `approve(address,uint256)` is `0x095ea7b3`, `transfer(address,uint256)`
//! `0xa9059cbb`, `transferFrom(address,address,uint256)` `0x23b872dd`.
//!
//! ```
//! use intent_signer::step::{review_step, ReviewOptions};
//! let step = serde_json::json!({
//!     "to": "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
//!     "functionSignature": "approve(address,uint256)",
//!     "parameters": ["0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E",
//!         "0x8000000000000000000000000000000000000000000000000000000000000000"],
//!     "value": "0",
//! });
//! let r = review_step(&step, &ReviewOptions::default()).unwrap();
//! assert_eq!(r.warnings[0].code, "UNLIMITED_APPROVAL"); // 2^255, given in hex
//! assert_eq!(r.warnings[0].path, "parameters[1]");
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use alloy_dyn_abi::DynSolType;
use alloy_primitives::U256;
use serde_json::Value;

use crate::abi::{placeholder_name, FunctionSig};
use crate::error::{Error, Result};
use crate::json::{self, Obj};

mod review;
#[allow(clippy::wildcard_imports)]
pub use review::*;
#[allow(clippy::wildcard_imports, unused_imports)]
use review::*;

/// The only keys an EVM step may have.
pub const STEP_KEYS: &[&str] = &["to", "functionSignature", "parameters", "value", "metadata"];
/// Most EVM steps in one execution.
pub const MAX_STEPS: usize = 30;
/// Longest `functionSignature` the API accepts (bytes).
pub const MAX_STEP_SIGNATURE_LEN: usize = 1024;
/// Deepest tuple/array nesting in a step's `functionSignature`.
pub const MAX_STEP_TYPE_DEPTH: usize = 6;

/// A validated EVM step.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Contract address, or `{DEPOSIT_ADDRESS}`.
    pub to: String,
    /// The function signature (`""` for a bare value transfer).
    pub function_signature: String,
    /// The parsed signature.
    pub function: FunctionSig,
    /// The parameters as given.
    pub parameters: Vec<Value>,
    /// Native value: a decimal string or a placeholder.
    pub value: String,
    /// Passed through untouched.
    pub metadata: Option<Value>,
}

pub(crate) fn depth(ty: &DynSolType) -> usize {
    match ty {
        DynSolType::Array(inner) | DynSolType::FixedArray(inner, _) => 1 + depth(inner),
        DynSolType::Tuple(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

pub(crate) fn is_decimal(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
}

/// Validates one step as the API does (only the five keys; `to` an address or
/// `{DEPOSIT_ADDRESS}`; `value` a decimal uint256 or a placeholder; the
/// signature at most 1024 bytes and 6 tuple/array levels; parameters of the
/// right shape and forms, placeholders allowed).
///
/// # Errors
/// [`Error::UnknownField`], [`Error::MissingField`], [`Error::InvalidType`],
/// [`Error::InvalidAddress`], [`Error::InvalidChecksum`], [`Error::InvalidNumber`],
/// [`Error::InvalidFunctionSignature`] and the parameter errors of
/// [`FunctionSig::encode`]; paths are relative to the step.
pub fn validate_step(v: &Value) -> Result<Step> {
    let obj = Obj::new(v, "")?;
    obj.deny_unknown(STEP_KEYS)?;
    let to = obj.req_str("to")?;
    if to != "{DEPOSIT_ADDRESS}" {
        crate::abi::parse_address(to, "to")?;
    }
    let signature = obj.req_str("functionSignature")?;
    let function = step_function(signature)?;
    let params = obj.req("parameters")?;
    let Value::Array(parameters) = params else {
        return Err(json::wrong_type("parameters", "an array", params));
    };
    function.check(parameters)?;
    let value = obj.req_str("value")?;
    if is_decimal(value) {
        // The native value is a uint256, as the ABI layer reads integers.
        if U256::from_str_radix(value, 10).is_err() {
            return Err(Error::InvalidNumber {
                path: "value".into(),
                reason: alloc::format!("{value:?} does not fit 256 bits (a uint256)"),
            });
        }
    } else if placeholder_name(value).is_none() {
        return Err(Error::InvalidNumber {
            path: "value".into(),
            reason: alloc::format!("{value:?} is not a decimal string or a placeholder"),
        });
    }
    Ok(Step {
        to: to.into(),
        function_signature: signature.into(),
        function,
        parameters: parameters.clone(),
        value: value.into(),
        metadata: obj.get("metadata").cloned(),
    })
}

/// Parses a step's `functionSignature` as [`validate_step`] does: at most
/// [`MAX_STEP_SIGNATURE_LEN`] bytes, a valid signature, at most
/// [`MAX_STEP_TYPE_DEPTH`] tuple/array levels.
///
/// # Errors
/// [`Error::InvalidFunctionSignature`] at `functionSignature`.
pub fn step_function(signature: &str) -> Result<FunctionSig> {
    if signature.len() > MAX_STEP_SIGNATURE_LEN {
        return Err(Error::InvalidFunctionSignature {
            path: "functionSignature".into(),
            reason: alloc::format!("longer than {MAX_STEP_SIGNATURE_LEN} bytes"),
        });
    }
    let function = FunctionSig::parse(signature)?;
    if let Some(deepest) = function.inputs.iter().map(|i| depth(&i.ty)).max() {
        if deepest > MAX_STEP_TYPE_DEPTH {
            return Err(Error::InvalidFunctionSignature {
                path: "functionSignature".into(),
                reason: alloc::format!(
                    "{deepest} tuple/array levels (at most {MAX_STEP_TYPE_DEPTH})"
                ),
            });
        }
    }
    Ok(function)
}

/// At most `max` steps in one list ([`MAX_STEPS`] EVM steps; the flow's
/// Solana limit is `MAX_SOLANA_STEPS` of the `connect` wing). Checked from the
/// length alone, before any step is read.
///
/// # Errors
/// [`Error::TooManySteps`] at `path`.
pub fn check_step_count(len: usize, max: usize, path: &str) -> Result<()> {
    if len > max {
        Err(Error::TooManySteps {
            path: path.into(),
            max,
            actual: len,
        })
    } else {
        Ok(())
    }
}

/// Validates a list of steps (at most [`MAX_STEPS`]); paths start at `steps[i]`.
///
/// # Errors
/// [`Error::TooManySteps`], and those of [`validate_step`].
pub fn validate_steps(v: &Value) -> Result<Vec<Step>> {
    let Value::Array(items) = v else {
        return Err(json::wrong_type("steps", "an array", v));
    };
    check_step_count(items.len(), MAX_STEPS, "steps")?;
    items
        .iter()
        .enumerate()
        .map(|(i, s)| validate_step(s).map_err(|e| e.at(&alloc::format!("steps[{i}]"))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_selectors_are_keccak_of_their_signatures() {
        for (selector, _, signature, kinds) in KNOWN_CALLS {
            let f = FunctionSig::parse(signature).unwrap();
            assert_eq!(f.selector(), Some(*selector), "{signature}");
            assert_eq!(f.canonical(), *signature);
            assert_eq!(f.inputs.len(), kinds.len(), "{signature}");
        }
    }

    #[test]
    fn uint_value_reads_every_spelling() {
        let v = |s: &str| uint_value(&Value::String(s.into()));
        assert_eq!(v("0x10"), Some(U256::from(16_u8)));
        assert_eq!(v("16"), Some(U256::from(16_u8)));
        assert_eq!(v("0x"), None);
        assert_eq!(v("-1"), None);
        assert_eq!(v("{AMOUNT}"), None);
        assert_eq!(uint_value(&Value::from(7_u8)), Some(U256::from(7_u8)));
        assert_eq!(uint_value(&Value::from(-7)), None);
    }
}
