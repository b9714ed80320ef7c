//! EVM step call data: encode, decode and review `functionSignature` + `parameters`.
//!
//! The Solidity ABI itself is alloy's ([`alloy_dyn_abi`], [`alloy_json_abi`]);
//! this module is strict where alloy is lenient: every leaf string is
//! validated against the documented forms *before* it becomes a value, every
//! parameter type is resolved before a selector is trusted, and decoding for
//! review succeeds only when re-encoding gives back the same bytes.
//!
//! # Accepted parameter forms
//!
//! `parameters` is a JSON array, one entry per input; tuples and arrays are
//! nested arrays. Leaves:
//!
//! | Solidity type | accepted | decoded as |
//! |---|---|---|
//! | `address` | `"0x"` + 40 hex digits; mixed case must be a valid EIP-55 checksum | EIP-55 checksummed string |
//! | `bool` | `true`/`false`, or the strings `"true"`/`"false"` | JSON boolean |
//! | `uint8`…`uint256` | decimal string without leading zeros (`"0"`, `"94275"`), `"0x"` hex, or a JSON integer | decimal string |
//! | `int8`…`int256` | as `uint`, with a leading `-` on decimal strings | decimal string |
//! | `bytes1`…`bytes32` | `"0x"` + exactly 2·N hex digits | lowercase `"0x"` hex |
//! | `bytes` | `"0x"` + an even number of hex digits (`"0x"` is empty) | lowercase `"0x"` hex |
//! | `string` | any string | string |
//! | `T[]`, `T[k]` | an array (of exactly k entries for `T[k]`) | array |
//! | tuple | an array with one entry per component | array |
//!
//! Placeholders — a whole leaf of the form `{NAME}`, e.g. `{MIN_AMOUNT_OUT}`,
//! of any type but `string` (a `string` argument is always literal text) —
//! are substituted from the caller's map before validation; an unresolved one is
//! [`Error::UnresolvedPlaceholder`].

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use alloy_dyn_abi::{DynSolType, DynSolValue, Specifier as _};
use alloy_json_abi::Function;
use alloy_primitives::{Address, B256, I256, U256};
use serde_json::Value;

use crate::encoding::{hex_decode, hex_encode_prefixed};
use crate::error::{Error, Result};

/// Longest function signature accepted (bytes).
pub const MAX_SIGNATURE_LEN: usize = 4096;
/// Deepest nesting of tuples and arrays in a type (the ABI decoder's limit).
pub const MAX_TYPE_DEPTH: usize = 16;
/// Largest fixed-array length accepted in a type.
pub const MAX_FIXED_ARRAY_LEN: usize = 65_536;

/// The placeholders the Intents Connect API substitutes server-side.
pub const KNOWN_PLACEHOLDERS: &[&str] = &[
    "{MIN_AMOUNT_OUT}",
    "{DEPOSIT_ADDRESS}",
    "{AMOUNT_IN}",
    "{INTERMEDIARY}",
];

/// One input of a parsed function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The parameter name, if the signature names it.
    pub name: Option<String>,
    /// The resolved type.
    pub ty: DynSolType,
}

/// A parsed and fully resolved function signature; `""` is a bare value transfer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionSig {
    /// `None` for a bare value transfer.
    function: Option<Function>,
    /// Every input, resolved.
    pub inputs: Vec<Input>,
    /// keccak256(canonical)[..4], computed once at parse.
    selector: Option<[u8; 4]>,
}

fn invalid_signature(reason: impl Into<String>) -> Error {
    Error::InvalidFunctionSignature {
        path: String::from("functionSignature"),
        reason: reason.into(),
    }
}

fn check_type(ty: &DynSolType, depth: usize) -> Result<()> {
    if depth > MAX_TYPE_DEPTH {
        return Err(invalid_signature(alloc::format!(
            "types nested deeper than {MAX_TYPE_DEPTH} levels"
        )));
    }
    match ty {
        DynSolType::Function => Err(invalid_signature(
            "function-type parameters are not supported",
        )),
        DynSolType::Array(inner) => check_type(inner, depth + 1),
        DynSolType::FixedArray(inner, len) => {
            if *len > MAX_FIXED_ARRAY_LEN {
                return Err(invalid_signature(alloc::format!(
                    "fixed array of {len} entries (at most {MAX_FIXED_ARRAY_LEN})"
                )));
            }
            check_type(inner, depth + 1)
        }
        DynSolType::Tuple(items) => items.iter().try_for_each(|t| check_type(t, depth + 1)),
        _ => Ok(()),
    }
}

impl FunctionSig {
    /// Parses `transfer(address,uint256)` or `function transfer(address to, uint256 amount)`;
    /// `""` is a bare value transfer.
    ///
    /// ```
    /// use intent_signer::abi::FunctionSig;
    /// let f = FunctionSig::parse("function transfer(address to, uint256 amount)").unwrap();
    /// assert_eq!(f.canonical(), "transfer(address,uint256)");
    /// assert_eq!(f.selector(), Some([0xa9, 0x05, 0x9c, 0xbb]));
    /// assert_eq!(FunctionSig::parse("f(uint257)").unwrap_err().code(), "INVALID_FUNCTION_SIGNATURE");
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidFunctionSignature`] for text that does not parse, a type
    /// that does not resolve (`uint257`, `bytes33`), or limits exceeded.
    pub fn parse(signature: &str) -> Result<Self> {
        if signature.len() > MAX_SIGNATURE_LEN {
            return Err(invalid_signature(alloc::format!(
                "longer than {MAX_SIGNATURE_LEN} bytes"
            )));
        }
        let text = signature.trim();
        if text.is_empty() {
            return Ok(Self {
                function: None,
                inputs: Vec::new(),
                selector: None,
            });
        }
        let (function, names) = match Function::parse(text) {
            Ok(f) => (f, None),
            // alloy's parser rejects named tuple components and `address
            // payable x`; such human-readable forms are reduced to their
            // canonical types first (names kept for review).
            Err(e) => {
                let (canonical, names) =
                    canonicalize(text).ok_or_else(|| invalid_signature(e.to_string()))?;
                let f =
                    Function::parse(&canonical).map_err(|e| invalid_signature(e.to_string()))?;
                (f, Some(names))
            }
        };
        let mut inputs = Vec::with_capacity(function.inputs.len());
        for (i, param) in function.inputs.iter().enumerate() {
            let ty: DynSolType = param
                .resolve()
                .map_err(|e| invalid_signature(alloc::format!("input {i} ({}): {e}", param.ty)))?;
            check_type(&ty, 0)?;
            let name = match &names {
                Some(names) => names.get(i).cloned().flatten(),
                None => (!param.name.is_empty()).then(|| param.name.clone()),
            };
            inputs.push(Input { name, ty });
        }
        let selector = Some(function.selector().0);
        Ok(Self {
            function: Some(function),
            inputs,
            selector,
        })
    }

    /// `true` for the bare value transfer (`""`).
    #[must_use]
    pub fn is_value_transfer(&self) -> bool {
        self.function.is_none()
    }

    /// The function name (`""` for a value transfer).
    #[must_use]
    pub fn name(&self) -> &str {
        self.function.as_ref().map_or("", |f| f.name.as_str())
    }

    /// The canonical signature, types only (`""` for a value transfer).
    #[must_use]
    pub fn canonical(&self) -> String {
        self.function
            .as_ref()
            .map_or_else(String::new, Function::signature)
    }

    /// The 4-byte selector (`None` for a value transfer).
    #[must_use]
    pub fn selector(&self) -> Option<[u8; 4]> {
        self.selector
    }

    fn tuple_type(&self) -> DynSolType {
        DynSolType::Tuple(self.inputs.iter().map(|i| i.ty.clone()).collect())
    }

    /// Encodes a call: selector ‖ ABI-encoded parameters.
    ///
    /// # Errors
    /// [`Error::AbiArityMismatch`], [`Error::InvalidType`], [`Error::InvalidNumber`],
    /// [`Error::InvalidAddress`], [`Error::InvalidChecksum`], [`Error::InvalidHex`],
    /// [`Error::InvalidLength`], [`Error::UnresolvedPlaceholder`], with a path
    /// such as `parameters[0][6]`.
    pub fn encode(&self, parameters: &[Value], placeholders: &Placeholders) -> Result<Vec<u8>> {
        self.encode_with(
            parameters,
            Ctx {
                placeholders,
                allow_unresolved: false,
                enabled: true,
            },
        )
    }

    /// Checks parameters as [`FunctionSig::encode`] does, but lets any
    /// placeholder stand for a scalar (the server substitutes it).
    ///
    /// # Errors
    /// As [`FunctionSig::encode`], except [`Error::UnresolvedPlaceholder`].
    pub fn check(&self, parameters: &[Value]) -> Result<()> {
        self.encode_with(
            parameters,
            Ctx {
                placeholders: &Placeholders::new(),
                allow_unresolved: true,
                enabled: true,
            },
        )
        .map(|_| ())
    }

    fn encode_with(&self, parameters: &[Value], ctx: Ctx<'_>) -> Result<Vec<u8>> {
        if parameters.len() != self.inputs.len() {
            return Err(Error::AbiArityMismatch {
                path: String::from("parameters"),
                expected: self.inputs.len(),
                actual: parameters.len(),
            });
        }
        let Some(selector) = self.selector() else {
            return Ok(Vec::new());
        };
        let mut path = String::with_capacity(32);
        path.push_str("parameters");
        let values = coerce_each(
            self.inputs.iter().map(|i| &i.ty),
            parameters,
            &mut path,
            ctx,
        )?;
        let mut out = selector.to_vec();
        out.extend(DynSolValue::Tuple(values).abi_encode_params());
        Ok(out)
    }

    /// Decodes call data back into parameters in the canonical string forms,
    /// so that `encode(decode(x)) == x`.
    ///
    /// # Errors
    /// [`Error::SelectorMismatch`] for another selector (or call data for a
    /// value transfer), [`Error::AbiDecodeFailed`] for data that does not
    /// decode, [`Error::NonCanonicalCalldata`] when the data decodes but is not
    /// what encoding the decoded values gives (dirty padding, trailing bytes).
    pub fn decode(&self, calldata: &[u8]) -> Result<Vec<Value>> {
        let Some(selector) = self.selector() else {
            if calldata.is_empty() {
                return Ok(Vec::new());
            }
            return Err(Error::SelectorMismatch {
                path: String::from("calldata"),
                expected: String::from("0x"),
                actual: hex_encode_prefixed(calldata.get(..4).unwrap_or(calldata)),
            });
        };
        let (head, body) = calldata.split_at(calldata.len().min(4));
        if head != selector {
            return Err(Error::SelectorMismatch {
                path: String::from("calldata"),
                expected: hex_encode_prefixed(&selector),
                actual: hex_encode_prefixed(head),
            });
        }
        let decoded =
            self.tuple_type()
                .abi_decode_params(body)
                .map_err(|e| Error::AbiDecodeFailed {
                    path: String::from("calldata"),
                    reason: e.to_string(),
                })?;
        if decoded.abi_encode_params() != body || !in_range(&decoded) {
            return Err(Error::NonCanonicalCalldata {
                path: String::from("calldata"),
            });
        }
        let DynSolValue::Tuple(values) = decoded else {
            return Err(Error::AbiDecodeFailed {
                path: String::from("calldata"),
                reason: "not a parameter sequence".into(),
            });
        };
        Ok(values.iter().map(to_json).collect())
    }
}

/// Words that may follow a parameter type without changing it.
const PARAM_WORDS: &[&str] = &["memory", "calldata", "storage", "payable", "indexed"];
/// Words that may follow the parameter list.
const FUNCTION_WORDS: &[&str] = &[
    "external",
    "public",
    "internal",
    "private",
    "payable",
    "nonpayable",
    "view",
    "pure",
    "virtual",
    "override",
    "returns",
];

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// Reduces a human-readable signature (`function f((address to, uint256 x) p)
/// external`) to its canonical form `f((address,uint256))` plus the top-level
/// parameter names. Only the text is rearranged; the types are resolved by
/// alloy afterwards. `None` when the text is not of that shape.
fn canonicalize(text: &str) -> Option<(String, Vec<Option<String>>)> {
    let text = text.trim();
    let text = text.strip_prefix("function").map_or(text, str::trim_start);
    let open = text.find('(')?;
    let name = text.get(..open)?.trim();
    if !is_ident(name) {
        return None;
    }
    let mut rest = text.get(open..)?;
    let (types, names) = param_list(&mut rest)?;
    // Whatever follows: modifiers and an optional `returns (...)`.
    let mut tail = rest.trim_start();
    while !tail.is_empty() {
        if tail.starts_with('(') {
            param_list(&mut tail)?;
        } else {
            let end = tail
                .find(|c: char| c.is_whitespace() || c == '(')
                .unwrap_or(tail.len());
            if !FUNCTION_WORDS.contains(&tail.get(..end)?) {
                return None;
            }
            tail = tail.get(end..)?;
        }
        tail = tail.trim_start();
    }
    Some((alloc::format!("{name}({})", types.join(",")), names))
}

/// Parses `( param, param, … )` from the start of `s`, advancing it.
fn param_list(s: &mut &str) -> Option<(Vec<String>, Vec<Option<String>>)> {
    *s = s.trim_start().strip_prefix('(')?;
    let mut types = Vec::new();
    let mut names = Vec::new();
    *s = s.trim_start();
    if let Some(after) = s.strip_prefix(')') {
        *s = after;
        return Some((types, names));
    }
    loop {
        let (ty, name) = param(s)?;
        types.push(ty);
        names.push(name);
        *s = s.trim_start();
        if let Some(after) = s.strip_prefix(',') {
            *s = after;
        } else {
            *s = s.strip_prefix(')')?;
            return Some((types, names));
        }
    }
}

/// One parameter: a type (elementary or a tuple), array suffixes, optional
/// location/`payable` words and an optional name.
fn param(s: &mut &str) -> Option<(String, Option<String>)> {
    *s = s.trim_start();
    let mut ty = if s.starts_with('(') {
        let (inner, _) = param_list(s)?;
        alloc::format!("({})", inner.join(","))
    } else if s.starts_with("tuple(") {
        // The Solidity `tuple(...)` keyword is not a signature form (viem and alloy reject it).
        return None;
    } else {
        let end = s
            .find(|c: char| !(c.is_ascii_alphanumeric()))
            .unwrap_or(s.len());
        let word = s.get(..end)?;
        if word.is_empty() {
            return None;
        }
        *s = s.get(end..)?;
        word.to_string()
    };
    // Array suffixes.
    loop {
        let t = s.trim_start();
        let Some(after) = t.strip_prefix('[') else {
            break;
        };
        let close = after.find(']')?;
        let size = after.get(..close)?.trim();
        if !size.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        ty.push('[');
        ty.push_str(size);
        ty.push(']');
        *s = after.get(close + 1..)?;
    }
    let mut name = None;
    loop {
        let t = s.trim_start();
        let end = t
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(t.len());
        let word = t.get(..end)?;
        if word.is_empty() {
            break;
        }
        let location = PARAM_WORDS.contains(&word) && name.is_none();
        if !location {
            if name.is_some() || !is_ident(word) {
                return None;
            }
            name = Some(word.to_string());
        }
        *s = t.get(end..)?;
    }
    Some((ty, name))
}

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
    placeholders: &'a Placeholders,
    /// Accept an unresolved placeholder as a stand-in for any scalar (validation).
    allow_unresolved: bool,
    /// Whether `{NAME}` leaves are placeholders at all (not in EIP-712 data).
    enabled: bool,
}

/// No placeholders: every leaf is taken literally.
pub(crate) const LITERAL: Ctx<'static> = Ctx {
    placeholders: &Placeholders::new(),
    allow_unresolved: false,
    enabled: false,
};

/// A valid value of a scalar type, standing in for an unresolved placeholder.
fn stand_in(ty: &DynSolType) -> String {
    match ty {
        DynSolType::Bool => "false".into(),
        DynSolType::Address => alloc::format!("0x{}", "0".repeat(40)),
        DynSolType::FixedBytes(n) => alloc::format!("0x{}", "00".repeat(*n)),
        DynSolType::Bytes => "0x".into(),
        DynSolType::String => String::new(),
        _ => "0".into(),
    }
}

fn resolve_placeholder<'a>(
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

fn type_label(ty: &DynSolType) -> String {
    ty.sol_type_name().into_owned()
}

fn wrong_shape(path: &str, ty: &DynSolType, v: &Value) -> Error {
    Error::InvalidType {
        path: path.into(),
        expected: alloc::format!("a value of type {}", type_label(ty)),
        actual: crate::json::type_name(v).into(),
    }
}

fn items<'a>(ty: &DynSolType, v: &'a Value, path: &str, len: Option<usize>) -> Result<&'a [Value]> {
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

/// Appends `[i]` to a path without the formatting machinery (this runs for
/// every array entry and tuple component of every call).
pub(crate) fn push_index(path: &mut String, i: usize) {
    let mut digits = [0u8; 20];
    let mut n = i;
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            // n % 10 < 10: the cast cannot truncate.
            #[allow(clippy::as_conversions, clippy::cast_possible_truncation)]
            let digit = (n % 10) as u8;
            *d = b'0' + digit;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    path.push('[');
    path.push_str(core::str::from_utf8(digits.get(at..).unwrap_or_default()).unwrap_or_default());
    path.push(']');
}

/// Coerces each entry, with the path buffer extended by `[i]` for each.
fn coerce_each<'t>(
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
fn coerce(ty: &DynSolType, v: &Value, path: &mut String, ctx: Ctx<'_>) -> Result<DynSolValue> {
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

fn out_of_range(s: &str, ty: &str, path: &str) -> Error {
    Error::InvalidNumber {
        path: path.into(),
        reason: alloc::format!("{s} is out of range for {ty}"),
    }
}

/// `"0x"` + hex digits (an even number of them).
fn prefixed_hex(s: &str, path: &str) -> Result<Vec<u8>> {
    let Some(body) = s.strip_prefix("0x") else {
        return Err(Error::InvalidHex { path: path.into() });
    };
    hex_decode(body).map_err(|e| e.at(path))
}

/// A decimal string without leading zeros, or `0x` hex.
fn parse_uint(s: &str, path: &str) -> Result<U256> {
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

fn uint_value(value: U256, bits: usize, path: &str) -> Result<DynSolValue> {
    if value.bit_len() > bits {
        return Err(out_of_range(
            &value.to_string(),
            &alloc::format!("uint{bits}"),
            path,
        ));
    }
    Ok(DynSolValue::Uint(value, bits))
}

fn int_value(value: I256, bits: usize, path: &str) -> Result<DynSolValue> {
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
const CHECKSUM_CACHE: usize = 64;

std::thread_local! {
    /// The 40 hex digits of recently checked mixed-case addresses (a ring).
    static CHECKSUMS: core::cell::RefCell<(Vec<[u8; 40]>, usize)> =
        const { core::cell::RefCell::new((Vec::new(), 0)) };
}

/// `true` when exactly these 40 digits (case included) passed the checksum before.
fn checksum_seen(body: &str) -> bool {
    CHECKSUMS.with(|c| {
        c.try_borrow()
            .is_ok_and(|c| c.0.iter().any(|seen| seen.as_slice() == body.as_bytes()))
    })
}

fn remember_checksum(body: &str) {
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
fn in_range(v: &DynSolValue) -> bool {
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

/// Encodes a call from a signature and parameters.
///
/// ```
/// use intent_signer::abi::{encode_call, Placeholders};
/// use serde_json::json;
/// let mut values = Placeholders::new();
/// values.insert("MIN_AMOUNT_OUT".into(), "94275".into());
/// let data = encode_call(
///     "transfer(address,uint256)",
///     &[json!("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"), json!("{MIN_AMOUNT_OUT}")],
///     &values,
/// ).unwrap();
/// assert_eq!(intent_signer::encoding::hex_encode(&data),
///     "a9059cbb000000000000000000000000833589fcd6edb6e08f4c7c32d4f71b54bda029130000000000000000000000000000000000000000000000000000000000017043");
/// ```
///
/// # Errors
/// See [`FunctionSig::parse`] and [`FunctionSig::encode`].
pub fn encode_call(
    signature: &str,
    parameters: &[Value],
    placeholders: &Placeholders,
) -> Result<Vec<u8>> {
    FunctionSig::parse(signature)?.encode(parameters, placeholders)
}

/// A small most-recently-used cache of parsed signatures, so that a caller
/// encoding many calls to the same function parses and hashes its signature
/// once. Bounded ([`SignatureCache::CAPACITY`] entries of at most
/// [`MAX_SIGNATURE_LEN`] bytes each); only successful parses are kept.
///
/// ```
/// use intent_signer::abi::SignatureCache;
/// let mut cache = SignatureCache::default();
/// let a = cache.parse("transfer(address,uint256)").unwrap();
/// let b = cache.parse("transfer(address,uint256)").unwrap();
/// assert!(alloc::rc::Rc::ptr_eq(&a, &b));
/// # extern crate alloc;
/// assert_eq!(cache.parse("f(uint257)").unwrap_err().code(), "INVALID_FUNCTION_SIGNATURE");
/// ```
#[derive(Debug, Default)]
pub struct SignatureCache {
    /// Most recently used last.
    entries: Vec<(String, alloc::rc::Rc<FunctionSig>)>,
}

impl SignatureCache {
    /// How many parsed signatures are kept.
    pub const CAPACITY: usize = 32;

    /// The parsed signature, from the cache or parsed now.
    ///
    /// # Errors
    /// As [`FunctionSig::parse`].
    pub fn parse(&mut self, signature: &str) -> Result<alloc::rc::Rc<FunctionSig>> {
        if let Some(i) = self.entries.iter().position(|(k, _)| k == signature) {
            let hit = self.entries.remove(i);
            let sig = alloc::rc::Rc::clone(&hit.1);
            self.entries.push(hit);
            return Ok(sig);
        }
        let sig = alloc::rc::Rc::new(FunctionSig::parse(signature)?);
        if self.entries.len() >= Self::CAPACITY {
            self.entries.remove(0);
        }
        self.entries
            .push((String::from(signature), alloc::rc::Rc::clone(&sig)));
        Ok(sig)
    }
}

/// Decodes call data for a signature.
///
/// # Errors
/// See [`FunctionSig::parse`] and [`FunctionSig::decode`].
pub fn decode_call(signature: &str, calldata: &[u8]) -> Result<Vec<Value>> {
    FunctionSig::parse(signature)?.decode(calldata)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checksum cache never lets a wrong spelling through: the expected
    /// spelling is the EIP-55 example from the EIP (eips.ethereum.org/EIPS/eip-55).
    #[test]
    fn checksum_cache_keeps_refusing_wrong_spellings() {
        let good = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        let bad = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";
        for _ in 0..3 {
            assert!(parse_address(good, "p").is_ok());
            assert_eq!(
                parse_address(bad, "p").unwrap_err().code(),
                "INVALID_CHECKSUM"
            );
        }
        // More distinct addresses than the cache holds, then the first again.
        for i in 0..(CHECKSUM_CACHE + 5) {
            let mut bytes = [0xabu8; 20];
            bytes[0] = u8::try_from(i).unwrap();
            let text = Address::from(bytes).to_checksum(None);
            assert!(parse_address(&text, "p").is_ok());
        }
        assert!(parse_address(good, "p").is_ok());
        assert_eq!(
            parse_address(bad, "p").unwrap_err().code(),
            "INVALID_CHECKSUM"
        );
    }

    #[test]
    fn index_paths() {
        for i in [0usize, 7, 10, 99, 100, 65_535, usize::MAX] {
            let mut p = String::from("parameters");
            push_index(&mut p, i);
            assert_eq!(p, alloc::format!("parameters[{i}]"));
        }
    }
}
