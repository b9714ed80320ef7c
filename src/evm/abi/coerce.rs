//! Leaf coercion shared by ABI, EIP-712, Permit2 and EIP-7702: JSON values to
//! ABI values by Solidity type (the accepted forms of the README), and back.

use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use alloy_dyn_abi::{DynSolType, DynSolValue};

use crate::error::push_index;
use alloy_primitives::{Address, B256, I256, U256};
use serde_json::Value;

use super::placeholders::{resolve_placeholder, Ctx};
use crate::encoding::{hex_decode, hex_encode_prefixed};
use crate::error::{Error, Result};

pub(super) fn type_label(ty: &DynSolType) -> String {
    ty.sol_type_name().into_owned()
}

pub(super) fn wrong_shape(path: &str, ty: &DynSolType, v: &Value) -> Error {
    Error::InvalidType {
        path: path.into(),
        expected: alloc::format!("a value of type {}", type_label(ty)),
        actual: crate::json::type_name(v).into(),
    }
}

pub(super) fn items<'a>(
    ty: &DynSolType,
    v: &'a Value,
    path: &str,
    len: Option<usize>,
) -> Result<&'a [Value]> {
    let Value::Array(items) = v else {
        return Err(wrong_shape(path, ty, v));
    };
    if let Some(len) = len {
        if items.len() != len {
            return Err(Error::AbiArityMismatch {
                path: path.into(),
                expected: len,
                actual: items.len(),
            });
        }
    }
    Ok(items)
}

/// Coerces each entry, with the path buffer extended by `[i]` for each.
pub(super) fn coerce_each<'t>(
    types: impl Iterator<Item = &'t DynSolType>,
    items: &[Value],
    path: &mut String,
    ctx: Ctx<'_>,
) -> Result<Vec<DynSolValue>> {
    let base = path.len();
    let mut out = Vec::with_capacity(items.len());
    for (i, (ty, item)) in types.zip(items).enumerate() {
        path.truncate(base);
        push_index(path, i);
        out.push(coerce(ty, item, path, ctx)?);
    }
    path.truncate(base);
    Ok(out)
}

/// `path` is a buffer: entries below append to it and restore it.
pub(super) fn coerce(
    ty: &DynSolType,
    v: &Value,
    path: &mut String,
    ctx: Ctx<'_>,
) -> Result<DynSolValue> {
    match ty {
        DynSolType::Array(inner) | DynSolType::FixedArray(inner, _) => {
            let fixed = match ty {
                DynSolType::FixedArray(_, len) => Some(*len),
                _ => None,
            };
            let entries = items(ty, v, path, fixed)?;
            let values = coerce_each(core::iter::repeat(inner.as_ref()), entries, path, ctx)?;
            Ok(if fixed.is_some() {
                DynSolValue::FixedArray(values)
            } else {
                DynSolValue::Array(values)
            })
        }
        DynSolType::Tuple(types) => {
            let values = items(ty, v, path, Some(types.len()))?;
            Ok(DynSolValue::Tuple(coerce_each(
                types.iter(),
                values,
                path,
                ctx,
            )?))
        }
        _ => coerce_leaf(ty, v, path, ctx),
    }
}

pub(crate) fn coerce_leaf(
    ty: &DynSolType,
    v: &Value,
    path: &str,
    ctx: Ctx<'_>,
) -> Result<DynSolValue> {
    // JSON integers and booleans are taken as they are; everything else is a string.
    match (ty, v) {
        (DynSolType::Bool, Value::Bool(b)) => return Ok(DynSolValue::Bool(*b)),
        (DynSolType::Uint(bits), Value::Number(n)) => {
            let value = n.as_u64().ok_or_else(|| Error::InvalidNumber {
                path: path.into(),
                reason: alloc::format!("{n} is not a uint{bits}"),
            })?;
            return uint_value(U256::from(value), *bits, path);
        }
        (DynSolType::Int(bits), Value::Number(n)) => {
            let value = n.as_i64().ok_or_else(|| Error::InvalidNumber {
                path: path.into(),
                reason: alloc::format!("{n} is not an int{bits}"),
            })?;
            return int_value(I256::try_from(value).unwrap_or_default(), *bits, path);
        }
        _ => {}
    }
    let Value::String(raw) = v else {
        return Err(wrong_shape(path, ty, v));
    };
    let resolved = resolve_placeholder(raw, ty, path, ctx)?;
    let s = resolved.as_ref();
    match ty {
        DynSolType::Bool => match s {
            "true" => Ok(DynSolValue::Bool(true)),
            "false" => Ok(DynSolValue::Bool(false)),
            _ => Err(Error::InvalidType {
                path: path.into(),
                expected: "true or false".into(),
                actual: alloc::format!("{s:?}"),
            }),
        },
        DynSolType::Address => parse_address(s, path).map(DynSolValue::Address),
        DynSolType::Uint(bits) => uint_value(parse_uint(s, path)?, *bits, path),
        DynSolType::Int(bits) => {
            let (negative, digits) = match s.strip_prefix('-') {
                Some(rest) if !rest.starts_with("0x") => (true, rest),
                _ => (false, s),
            };
            let magnitude = parse_uint(digits, path)?;
            let value = if negative {
                I256::checked_from_sign_and_abs(alloy_primitives::Sign::Negative, magnitude)
            } else {
                I256::checked_from_sign_and_abs(alloy_primitives::Sign::Positive, magnitude)
            }
            .ok_or_else(|| out_of_range(s, &alloc::format!("int{bits}"), path))?;
            int_value(value, *bits, path)
        }
        DynSolType::FixedBytes(size) => {
            let bytes = prefixed_hex(s, path)?;
            if bytes.len() != *size {
                return Err(Error::InvalidLength {
                    path: path.into(),
                    expected: *size,
                    actual: bytes.len(),
                });
            }
            let mut word = B256::ZERO;
            if let Some(dst) = word.0.get_mut(..*size) {
                dst.copy_from_slice(&bytes);
            }
            Ok(DynSolValue::FixedBytes(word, *size))
        }
        DynSolType::Bytes => prefixed_hex(s, path).map(DynSolValue::Bytes),
        DynSolType::String => Ok(DynSolValue::String(s.into())),
        _ => Err(wrong_shape(path, ty, v)),
    }
}

pub(super) fn out_of_range(s: &str, ty: &str, path: &str) -> Error {
    Error::InvalidNumber {
        path: path.into(),
        reason: alloc::format!("{s} is out of range for {ty}"),
    }
}

/// `"0x"` + hex digits (an even number of them).
pub(super) fn prefixed_hex(s: &str, path: &str) -> Result<Vec<u8>> {
    let Some(body) = s.strip_prefix("0x") else {
        return Err(Error::InvalidHex { path: path.into() });
    };
    hex_decode(body).map_err(|e| e.at(path))
}

/// A decimal string without leading zeros, or `0x` hex.
pub(super) fn parse_uint(s: &str, path: &str) -> Result<U256> {
    let bad = |reason: &str| Error::InvalidNumber {
        path: path.into(),
        reason: alloc::format!("{s:?} {reason}"),
    };
    if let Some(hex) = s.strip_prefix("0x") {
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad("is not 0x-prefixed hex"));
        }
        return U256::from_str_radix(hex, 16).map_err(|_| bad("does not fit 256 bits"));
    }
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad("is not a decimal integer"));
    }
    if s.len() > 1 && s.starts_with('0') {
        return Err(bad("has leading zeros"));
    }
    // Up to 19 digits fit a u64: no 256-bit multiplications (amounts,
    // deadlines and 1e18 are all this short).
    if s.len() <= 19 {
        if let Ok(n) = s.parse::<u64>() {
            return Ok(U256::from(n));
        }
    }
    U256::from_str_radix(s, 10).map_err(|_| bad("does not fit 256 bits"))
}

pub(super) fn uint_value(value: U256, bits: usize, path: &str) -> Result<DynSolValue> {
    if value.bit_len() > bits {
        return Err(out_of_range(
            &value.to_string(),
            &alloc::format!("uint{bits}"),
            path,
        ));
    }
    Ok(DynSolValue::Uint(value, bits))
}

pub(super) fn int_value(value: I256, bits: usize, path: &str) -> Result<DynSolValue> {
    // Fits intN when -2^(N-1) <= v < 2^(N-1): the magnitude's bit length is at
    // most N-1, or exactly N-1 bits plus the single value -2^(N-1).
    let (sign, abs) = value.into_sign_and_abs();
    let limit = bits.saturating_sub(1);
    let fits = abs.bit_len() <= limit
        || (sign.is_negative() && abs.bit_len() == limit + 1 && abs.count_ones() == 1);
    if !fits {
        return Err(out_of_range(
            &value.to_string(),
            &alloc::format!("int{bits}"),
            path,
        ));
    }
    Ok(DynSolValue::Int(value, bits))
}

/// Parses an address: `0x` + 40 hex digits; mixed case must be a valid
/// EIP-55 checksum (all-lowercase and all-uppercase carry none).
///
/// # Errors
/// [`Error::InvalidAddress`], [`Error::InvalidChecksum`].
pub fn parse_address(s: &str, path: &str) -> Result<Address> {
    let Some(body) = s.strip_prefix("0x") else {
        return Err(Error::InvalidAddress {
            path: path.into(),
            reason: "expected 0x followed by 40 hex digits".into(),
        });
    };
    if body.len() != 40 || !body.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::InvalidAddress {
            path: path.into(),
            reason: "expected 0x followed by 40 hex digits".into(),
        });
    }
    let has_lower = body.bytes().any(|b| b.is_ascii_lowercase());
    let has_upper = body.bytes().any(|b| b.is_ascii_uppercase());
    let bytes = hex_decode(body).map_err(|e| e.at(path))?;
    let address = Address::from_slice(&bytes);
    if has_lower && has_upper && !checksum_seen(body) {
        if address.to_checksum(None) != s {
            return Err(Error::InvalidChecksum {
                path: path.into(),
                expected: address.to_checksum(None),
            });
        }
        remember_checksum(body);
    }
    Ok(address)
}

/// How many EIP-55 spellings that passed the check are remembered, so that
/// the same few addresses in call after call are hashed once (as viem does).
pub(super) const CHECKSUM_CACHE: usize = 64;

std::thread_local! {
    /// The 40 hex digits of recently checked mixed-case addresses (a ring).
    static CHECKSUMS: core::cell::RefCell<(Vec<[u8; 40]>, usize)> =
        const { core::cell::RefCell::new((Vec::new(), 0)) };
}

/// `true` when exactly these 40 digits (case included) passed the checksum before.
pub(super) fn checksum_seen(body: &str) -> bool {
    CHECKSUMS.with(|c| {
        c.try_borrow()
            .is_ok_and(|c| c.0.iter().any(|seen| seen.as_slice() == body.as_bytes()))
    })
}

pub(super) fn remember_checksum(body: &str) {
    let Ok(digits) = <[u8; 40]>::try_from(body.as_bytes()) else {
        return;
    };
    CHECKSUMS.with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            let (ring, next) = &mut *c;
            if ring.len() < CHECKSUM_CACHE {
                ring.push(digits);
            } else if let Some(slot) = ring.get_mut(*next) {
                *slot = digits;
            }
            *next = (*next + 1) % CHECKSUM_CACHE;
        }
    });
}

/// Whether every decoded value fits its type: alloy keeps the whole 256-bit
/// word of a `uintN`/`intN`/`bytesN`, so dirty high bits, a wrong sign
/// extension or non-zero padding would otherwise re-encode to the same bytes.
pub(super) fn in_range(v: &DynSolValue) -> bool {
    match v {
        DynSolValue::Uint(u, bits) => u.bit_len() <= *bits,
        DynSolValue::Int(i, bits) => int_value(*i, *bits, "").is_ok(),
        DynSolValue::FixedBytes(word, size) => word
            .0
            .get(*size..)
            .is_some_and(|padding| padding.iter().all(|b| *b == 0)),
        DynSolValue::Array(items)
        | DynSolValue::FixedArray(items)
        | DynSolValue::Tuple(items)
        | DynSolValue::CustomStruct { tuple: items, .. } => items.iter().all(in_range),
        _ => true,
    }
}

/// A decoded value in the canonical string forms.
pub(crate) fn to_json(v: &DynSolValue) -> Value {
    match v {
        DynSolValue::Bool(b) => Value::Bool(*b),
        DynSolValue::Int(i, _) => Value::String(i.to_string()),
        DynSolValue::Uint(u, _) => Value::String(u.to_string()),
        DynSolValue::FixedBytes(word, size) => {
            Value::String(hex_encode_prefixed(word.0.get(..*size).unwrap_or(&word.0)))
        }
        DynSolValue::Address(a) => Value::String(a.to_checksum(None)),
        DynSolValue::Function(f) => Value::String(hex_encode_prefixed(f.as_slice())),
        DynSolValue::Bytes(b) => Value::String(hex_encode_prefixed(b)),
        DynSolValue::String(s) => Value::String(s.clone()),
        DynSolValue::Array(items)
        | DynSolValue::FixedArray(items)
        | DynSolValue::Tuple(items)
        | DynSolValue::CustomStruct { tuple: items, .. } => {
            Value::Array(items.iter().map(to_json).collect())
        }
    }
}
