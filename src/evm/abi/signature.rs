//! Function signatures: parsing, canonical form, limits, the selector.

use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use alloy_dyn_abi::{DynSolType, DynSolValue, Specifier as _};
use alloy_json_abi::Function;
use serde_json::Value;

use super::coerce::{coerce_each, in_range, to_json};
use super::placeholders::{Ctx, Placeholders};
use crate::encoding::hex_encode_prefixed;
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

pub(super) fn invalid_signature(reason: impl Into<String>) -> Error {
    Error::InvalidFunctionSignature {
        path: String::from("functionSignature"),
        reason: reason.into(),
    }
}

pub(super) fn check_type(ty: &DynSolType, depth: usize) -> Result<()> {
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
pub(super) const PARAM_WORDS: &[&str] = &["memory", "calldata", "storage", "payable", "indexed"];
/// Words that may follow the parameter list.
pub(super) const FUNCTION_WORDS: &[&str] = &[
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

pub(super) fn is_ident(s: &str) -> bool {
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
pub(super) fn canonicalize(text: &str) -> Option<(String, Vec<Option<String>>)> {
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
pub(super) fn param_list(s: &mut &str) -> Option<(Vec<String>, Vec<Option<String>>)> {
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
pub(super) fn param(s: &mut &str) -> Option<(String, Option<String>)> {
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
