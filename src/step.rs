//! Intents Connect EVM steps `{to, functionSignature, parameters, value, metadata}`:
//! validation mirroring the API's 400 rules, and a review of what each call does.
//!
//! # Review warnings
//!
//! | code | when |
//! |---|---|
//! | `UNLIMITED_APPROVAL` | `approve(spender, 2^256−1)`: the spender may take every token, forever |
//! | `UNKNOWN_RECIPIENT` | a `transfer`/`approve`/`transferFrom` whose recipient or spender is neither the intermediary nor a contract the caller listed as known |
//! | `NATIVE_VALUE` | the step sends a non-zero native value |
//! | `FEE_TRANSFER` | the "Fee Transfer" step the service appends (gas fee reimbursement) |
//! | `UNRESOLVED_PLACEHOLDER` | the step still holds placeholders with no value given: no call data yet |

use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use alloy_dyn_abi::DynSolType;
use alloy_primitives::U256;
use serde::Serialize;
use serde_json::Value;

use crate::abi::{find_placeholders, placeholder_name, FunctionSig, Placeholders};
use crate::error::{Error, Result};
use crate::json::{self, Obj};

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

fn depth(ty: &DynSolType) -> usize {
    match ty {
        DynSolType::Array(inner) | DynSolType::FixedArray(inner, _) => 1 + depth(inner),
        DynSolType::Tuple(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

fn is_decimal(s: &str) -> bool {
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

/// Validates a list of steps (at most [`MAX_STEPS`]); paths start at `steps[i]`.
///
/// # Errors
/// [`Error::TooManySteps`], and those of [`validate_step`].
pub fn validate_steps(v: &Value) -> Result<Vec<Step>> {
    let Value::Array(items) = v else {
        return Err(json::wrong_type("steps", "an array", v));
    };
    if items.len() > MAX_STEPS {
        return Err(Error::TooManySteps {
            path: "steps".into(),
            max: MAX_STEPS,
            actual: items.len(),
        });
    }
    items
        .iter()
        .enumerate()
        .map(|(i, s)| validate_step(s).map_err(|e| e.at(&alloc::format!("steps[{i}]"))))
        .collect()
}

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

fn substitute(v: &Value, placeholders: &Placeholders) -> Value {
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
                "",
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
            "",
            alloc::format!("the step sends native value {value} (in wei)"),
        ));
    }
    recipient_warnings(&step, &arguments, options, &mut warnings);
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

fn recipient_warnings(
    step: &Step,
    arguments: &[Argument],
    options: &ReviewOptions,
    warnings: &mut Vec<StepWarning>,
) {
    let sig = step.function.canonical();
    let (who, amount) = match sig.as_str() {
        "approve(address,uint256)" | "transfer(address,uint256)" => {
            (arguments.first(), arguments.get(1))
        }
        "transferFrom(address,address,uint256)" => (arguments.get(1), arguments.get(2)),
        _ => return,
    };
    if sig.starts_with("approve") {
        let unlimited = amount
            .and_then(|a| a.value.as_str())
            .and_then(|s| U256::from_str_radix(s, 10).ok())
            == Some(U256::MAX);
        if unlimited {
            warnings.push(crate::review::Warning::new(
                "UNLIMITED_APPROVAL",
                crate::review::Severity::Danger,
                "",
                "unlimited approval (2^256-1): the spender may move every token",
            ));
        }
    }
    let Some(who) = who.and_then(|a| a.value.as_str()) else {
        return;
    };
    let who_lower = who.to_ascii_lowercase();
    let known = options
        .intermediary
        .iter()
        .chain(&options.known_contracts)
        .any(|k| k.to_ascii_lowercase() == who_lower);
    if !known && placeholder_name(who).is_none() {
        warnings.push(crate::review::Warning::new(
            "UNKNOWN_RECIPIENT",
            crate::review::Severity::Warning,
            "",
            alloc::format!(
                "{} to {who}, which is neither the intermediary nor a known contract",
                step.function.name()
            ),
        ));
    }
}
