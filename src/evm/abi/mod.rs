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
//! [`crate::Error::UnresolvedPlaceholder`].

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;

use crate::error::Result;

mod coerce;

/// A list for a tuple, a fixed array or a parameter list may not hold more
/// entries than its type: checked from the length alone, before any entry is
/// read (a shorter list is refused once read, with the same code).
///
/// # Errors
/// [`crate::Error::AbiArityMismatch`] at `path`.
pub fn check_not_longer(expected: usize, actual: usize, path: &str) -> crate::Result<()> {
    if actual > expected {
        Err(crate::Error::AbiArityMismatch {
            path: path.into(),
            expected,
            actual,
        })
    } else {
        Ok(())
    }
}
mod placeholders;
mod signature;

pub use coerce::parse_address;
pub(crate) use coerce::{coerce_leaf, to_json};
pub(crate) use placeholders::LITERAL;
pub use placeholders::{find_placeholders, placeholder_name, Placeholders};
pub use signature::{
    FunctionSig, Input, KNOWN_PLACEHOLDERS, MAX_FIXED_ARRAY_LEN, MAX_SIGNATURE_LEN, MAX_TYPE_DEPTH,
};

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
    use super::coerce::CHECKSUM_CACHE;
    use super::*;
    use crate::error::push_index;
    use alloy_primitives::Address;

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
