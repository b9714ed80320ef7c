//! Intents Connect placeholders (`{MIN_AMOUNT_OUT}`, …) in step parameters.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use alloy_dyn_abi::DynSolType;
use serde_json::Value;

use crate::error::{Error, Result};

/// Values for placeholders, keyed by name with or without braces
/// (`"MIN_AMOUNT_OUT"` or `"{MIN_AMOUNT_OUT}"`).
pub type Placeholders = BTreeMap<String, String>;

/// If `s` is a placeholder (`{NAME}`, NAME of `A-Z`, `0-9`, `_`), its name.
#[must_use]
pub fn placeholder_name(s: &str) -> Option<&str> {
    let name = s.strip_prefix('{')?.strip_suffix('}')?;
    let ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && name.bytes().next().is_some_and(|b| b.is_ascii_uppercase());
    ok.then_some(name)
}

/// How placeholders are treated while coercing.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub(super) placeholders: &'a Placeholders,
    /// Accept an unresolved placeholder as a stand-in for any scalar (validation).
    pub(super) allow_unresolved: bool,
    /// Whether `{NAME}` leaves are placeholders at all (not in EIP-712 data).
    pub(super) enabled: bool,
}

/// No placeholders: every leaf is taken literally.
pub(crate) const LITERAL: Ctx<'static> = Ctx {
    placeholders: &Placeholders::new(),
    allow_unresolved: false,
    enabled: false,
};

/// A valid value of a scalar type, standing in for an unresolved placeholder.
pub(super) fn stand_in(ty: &DynSolType) -> String {
    match ty {
        DynSolType::Bool => "false".into(),
        DynSolType::Address => alloc::format!("0x{}", "0".repeat(40)),
        DynSolType::FixedBytes(n) => alloc::format!("0x{}", "00".repeat(*n)),
        DynSolType::Bytes => "0x".into(),
        DynSolType::String => String::new(),
        _ => "0".into(),
    }
}

pub(super) fn resolve_placeholder<'a>(
    s: &'a str,
    ty: &DynSolType,
    path: &str,
    ctx: Ctx<'a>,
) -> Result<alloc::borrow::Cow<'a, str>> {
    // A `string` argument is always literal text, so that decoded values
    // encode back to the same bytes.
    let literal = !ctx.enabled || matches!(ty, DynSolType::String);
    let Some(name) = placeholder_name(s).filter(|_| !literal) else {
        return Ok(s.into());
    };
    if let Some(value) = ctx
        .placeholders
        .get(name)
        .or_else(|| ctx.placeholders.get(s))
    {
        return Ok(value.as_str().into());
    }
    if ctx.allow_unresolved {
        return Ok(stand_in(ty).into());
    }
    Err(Error::UnresolvedPlaceholder {
        path: path.into(),
        placeholder: s.into(),
    })
}

/// Every placeholder used in `parameters`, with its path, in order.
#[must_use]
pub fn find_placeholders(parameters: &[Value]) -> Vec<(String, String)> {
    fn walk(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
        match v {
            Value::String(s) if placeholder_name(s).is_some() => out.push((path.into(), s.clone())),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &alloc::format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (i, p) in parameters.iter().enumerate() {
        walk(p, &alloc::format!("parameters[{i}]"), &mut out);
    }
    out
}
