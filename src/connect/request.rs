//! Before creating one: the API's 400 rules on a create-execution body.

use alloc::string::String;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::json::{self, Obj};

/// Which create route a request body is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    /// `POST /api/v1/executions/{wallet}` (quote-backed).
    Quote,
    /// `POST /api/v1/executions/{wallet}/steps` (steps only).
    Steps,
}

const QUOTE_KEYS: &[&str] = &[
    "version",
    "type",
    "dry",
    "outOperation",
    "quote",
    "steps",
    "metadata",
    "publicKey",
    "addressLookupTables",
];
const STEPS_KEYS: &[&str] = &[
    "version",
    "type",
    "dry",
    "destinationAsset",
    "steps",
    "metadata",
    "publicKey",
    "addressLookupTables",
];
const QUOTE_FIELDS: &[&str] = &[
    "amount",
    "deadline",
    "destinationAsset",
    "originAsset",
    "recipient",
    "slippageTolerance",
    "swapType",
];

/// Most Solana steps in one execution (the API's limit; EVM steps: [`crate::step::MAX_STEPS`]).
pub const MAX_SOLANA_STEPS: usize = 50;

/// Highest `quote.slippageTolerance`, in basis points: 10,000 = 100 %.
pub const MAX_SLIPPAGE_BPS: u64 = 10_000;

/// Checks a request's `quote`; returns its `swapType`.
fn check_quote(q: &Value, out_operation: bool) -> Result<Option<String>> {
    let quote = Obj::new(q, "quote")?;
    quote.deny_unknown(QUOTE_FIELDS)?;
    if quote.get("recipient").is_some() && !out_operation {
        return Err(Error::RecipientNotAllowed {
            path: "quote.recipient".into(),
        });
    }
    let swap_type = quote.opt_str("swapType")?.map(String::from);
    if let Some(v) = quote.get("slippageTolerance") {
        check_slippage(v, &quote.path_of("slippageTolerance"))?;
    }
    Ok(swap_type)
}

/// `quote.slippageTolerance`: a whole number of basis points, 0 to [`MAX_SLIPPAGE_BPS`].
fn check_slippage(v: &Value, path: &str) -> Result<()> {
    let Value::Number(n) = v else {
        return Err(json::wrong_type(path, "a number of basis points", v));
    };
    match n.as_u64() {
        Some(bps) if bps <= MAX_SLIPPAGE_BPS => Ok(()),
        _ => Err(Error::InvalidNumber {
            path: path.into(),
            reason: alloc::format!(
                "{n} is not a whole number of basis points from 0 to {MAX_SLIPPAGE_BPS} (100 %)"
            ),
        }),
    }
}

/// The ERC-20 address inside a 1Click asset id such as
/// `nep141:base-0x833589fcd6edb6e08f4c7c32d4f71b54bda02913.omft.near`
/// (`None` for a native asset such as `nep141:base.omft.near`).
#[must_use]
pub fn asset_token_address(asset: &str) -> Option<String> {
    let rest = asset.strip_prefix("nep141:")?;
    let (_, after) = rest.split_once("-0x")?;
    let hex = after.get(..40)?;
    hex.bytes()
        .all(|b| b.is_ascii_hexdigit())
        .then(|| alloc::format!("0x{}", hex.to_ascii_lowercase()))
}

/// Checks a create-execution body against the API's 400 rules.
///
/// # Errors
/// [`Error::UnknownField`] (body, quote or step keys), [`Error::StepsRequired`],
/// [`Error::RecipientNotAllowed`], [`Error::InvalidType`] and
/// [`Error::InvalidNumber`] (`quote.slippageTolerance` outside 0 to
/// [`MAX_SLIPPAGE_BPS`]), [`Error::TooManySteps`] (more than 30 EVM or
/// [`MAX_SOLANA_STEPS`] Solana steps),
/// [`Error::PlaceholderNotAllowed`], [`Error::DepositTransferRequired`],
/// [`Error::DestinationTokenNotUsed`], and the step errors of
/// [`crate::step::validate_step`], with paths.
pub fn validate_execution_request(body: &Value, kind: RequestKind) -> Result<()> {
    let obj = Obj::new(body, "")?;
    obj.deny_unknown(match kind {
        RequestKind::Quote => QUOTE_KEYS,
        RequestKind::Steps => STEPS_KEYS,
    })?;
    let evm = match obj.opt_str("type")? {
        None | Some("evm") => true,
        Some("solana") => false,
        Some(other) => {
            return Err(Error::InvalidType {
                path: "type".into(),
                expected: "\"evm\" or \"solana\"".into(),
                actual: alloc::format!("{other:?}"),
            })
        }
    };
    let dry = obj.get("dry").and_then(Value::as_bool).unwrap_or(false);
    let out_operation = obj
        .get("outOperation")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let swap_type = match obj.get("quote") {
        Some(q) => check_quote(q, out_operation)?,
        None => None,
    };
    let steps = match obj.get("steps") {
        Some(Value::Array(items)) if !items.is_empty() => items.as_slice(),
        Some(Value::Array(_) | Value::Null) | None if dry => &[],
        Some(Value::Array(_)) | None => {
            return Err(Error::StepsRequired {
                path: "steps".into(),
            })
        }
        Some(other) => return Err(json::wrong_type("steps", "an array", other)),
    };
    if !evm {
        return crate::step::check_step_count(steps.len(), MAX_SOLANA_STEPS, "steps");
    }
    let validated = crate::step::validate_steps(&Value::Array(steps.to_vec()))?;
    for (i, step) in validated.iter().enumerate() {
        let mut used = crate::abi::find_placeholders(&step.parameters);
        for (key, text) in [("to", &step.to), ("value", &step.value)] {
            if crate::abi::placeholder_name(text).is_some() {
                used.push((String::from(key), text.clone()));
            }
        }
        for (path, placeholder) in used {
            let allowed = match (kind, placeholder.as_str()) {
                (RequestKind::Quote, "{MIN_AMOUNT_OUT}") => !out_operation,
                (RequestKind::Quote, "{DEPOSIT_ADDRESS}") => out_operation,
                (RequestKind::Quote, "{AMOUNT_IN}") => {
                    out_operation && swap_type.as_deref() == Some("EXACT_OUTPUT")
                }
                _ => false,
            };
            if !allowed {
                return Err(Error::PlaceholderNotAllowed {
                    path: crate::error::join_path(&alloc::format!("steps[{i}]"), &path),
                    placeholder,
                });
            }
        }
    }
    if kind == RequestKind::Quote && out_operation {
        let has_deposit_transfer = validated.iter().any(|s| {
            s.function.canonical() == "transfer(address,uint256)"
                && s.parameters.first().and_then(Value::as_str) == Some("{DEPOSIT_ADDRESS}")
        });
        if !has_deposit_transfer {
            return Err(Error::DepositTransferRequired {
                path: "steps".into(),
            });
        }
    }
    if kind == RequestKind::Steps {
        let asset = obj.req_str("destinationAsset")?;
        if let Some(token) = asset_token_address(asset) {
            if !validated.iter().any(|s| s.to.eq_ignore_ascii_case(&token)) {
                return Err(Error::DestinationTokenNotUsed {
                    path: "steps".into(),
                    token,
                });
            }
        }
    }
    Ok(())
}
