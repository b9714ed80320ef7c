//! EIP-7702 authorizations: an EOA delegating its code to a contract.
//!
//! <https://eips.ethereum.org/EIPS/eip-7702>:
//!
//! ```text
//! preimage = 0x05 ‖ rlp([chain_id, address, nonce])
//! hash     = keccak256(preimage)          (what the authority signs; y_parity 0/1, low-s)
//! ```
//!
//! `chain_id = 0` is valid on every chain; the zero address clears a delegation;
//! the verifier requires `nonce < 2^64 − 1`. [`review`] flags all three, and
//! [`review_with`] a delegate outside the wallet's `known_delegates`.

use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use alloy_dyn_abi::{DynSolType, DynSolValue};
use alloy_primitives::{Address, U256};
use alloy_rlp::Encodable as _;
use serde::Serialize;
use serde_json::Value;

use crate::abi::{coerce_leaf, parse_address, LITERAL};
use crate::error::{Error, Result};
use crate::json::Obj;
use crate::secp256k1;

/// An unsigned authorization tuple.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Authorization {
    /// 0 for any chain.
    pub chain_id: U256,
    /// The contract whose code the account adopts (zero: clear).
    pub address: Address,
    /// The authority's account nonce.
    pub nonce: u64,
}

fn uint(obj: &Obj<'_>, key: &str, bits: usize) -> Result<U256> {
    let path = obj.path_of(key);
    match coerce_leaf(&DynSolType::Uint(bits), obj.req(key)?, &path, LITERAL)? {
        DynSolValue::Uint(u, _) => Ok(u),
        _ => Err(Error::InvalidNumber {
            path,
            reason: "expected an unsigned integer".into(),
        }),
    }
}

impl Authorization {
    /// Reads `{chainId, address, nonce}` (integers as decimal or `0x` strings,
    /// safe-integer numbers); `contractAddress` is accepted for `address`, as in viem.
    ///
    /// # Errors
    /// [`Error::MissingField`], [`Error::UnknownField`], [`Error::InvalidNumber`]
    /// (`nonce` must fit 64 bits), [`Error::InvalidAddress`], [`Error::InvalidChecksum`].
    pub fn from_json(v: &Value, path: &str) -> Result<Self> {
        let obj = Obj::new(v, path)?;
        obj.deny_unknown(&["chainId", "address", "contractAddress", "nonce"])?;
        if obj.get("address").is_some() && obj.get("contractAddress").is_some() {
            return Err(Error::UnknownField {
                path: obj.path_of("contractAddress"),
            });
        }
        let key = if obj.get("address").is_none() && obj.get("contractAddress").is_some() {
            "contractAddress"
        } else {
            "address"
        };
        let address = parse_address(obj.req_str(key)?, &obj.path_of(key))?;
        let nonce = uint(&obj, "nonce", 64)?;
        Ok(Self {
            chain_id: uint(&obj, "chainId", 256)?,
            address,
            nonce: u64::try_from(nonce).map_err(|_| Error::InvalidNumber {
                path: obj.path_of("nonce"),
                reason: "does not fit 64 bits".into(),
            })?,
        })
    }

    /// `0x05 ‖ rlp([chain_id, address, nonce])`.
    #[must_use]
    pub fn preimage(&self) -> Vec<u8> {
        let payload = self.chain_id.length() + self.address.length() + self.nonce.length();
        let mut out = Vec::with_capacity(payload + 10);
        out.push(0x05);
        alloy_rlp::Header {
            list: true,
            payload_length: payload,
        }
        .encode(&mut out);
        self.chain_id.encode(&mut out);
        self.address.encode(&mut out);
        self.nonce.encode(&mut out);
        out
    }

    /// keccak256 of the preimage: what the authority signs.
    #[must_use]
    pub fn hash(&self) -> [u8; 32] {
        alloy_primitives::keccak256(self.preimage()).0
    }

    /// Recovers the authority (v ∈ {0, 1, 27, 28}; high-s refused, as the
    /// protocol refuses it).
    ///
    /// # Errors
    /// Those of [`secp256k1::recover_prehash`].
    pub fn recover(&self, signature: &[u8; 65]) -> Result<[u8; 20]> {
        let key = secp256k1::recover_prehash(&self.hash(), signature)?;
        Ok(secp256k1::address(&key))
    }

    /// Signs (RFC 6979, low-s) and returns the signed tuple.
    ///
    /// # Errors
    /// [`Error::InvalidSecretKey`].
    pub fn sign(&self, secret_key: &[u8; 32]) -> Result<Signed> {
        let sig = secp256k1::sign_prehash(&self.hash(), secret_key)?;
        let (rs, v) = sig.split_at(64);
        let (r, s) = rs.split_at(32);
        Ok(Signed {
            chain_id: self.chain_id.to_string(),
            address: self.address.to_checksum(None),
            nonce: self.nonce.to_string(),
            r: crate::encoding::hex_encode_prefixed(r),
            s: crate::encoding::hex_encode_prefixed(s),
            y_parity: v.first().copied().unwrap_or_default(),
        })
    }
}

/// A signed authorization, in the shape of the actions API's `chainAuthorizations` entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Signed {
    /// Decimal string.
    pub chain_id: String,
    /// EIP-55.
    pub address: String,
    /// Decimal string.
    pub nonce: String,
    /// `0x` + 64 hex digits.
    pub r: String,
    /// `0x` + 64 hex digits.
    pub s: String,
    /// 0 or 1.
    pub y_parity: u8,
}

/// An authorization finding (the crate's one warning type).
pub type Warning = crate::review::Warning;

/// Every EIP-7702 warning code.
pub const WARNING_CODES: &[&str] = &[
    "ANY_CHAIN",
    "CLEARS_DELEGATION",
    "NONCE_MAX",
    "UNKNOWN_DELEGATE",
];

/// Options of [`review_with`].
#[derive(Debug, Clone, Default)]
pub struct ReviewOptions {
    /// Delegate contracts the wallet trusts (its own smart-account
    /// implementation). When given, any other delegate is `UNKNOWN_DELEGATE`
    /// (danger); when `None`, every non-zero delegate is `UNKNOWN_DELEGATE`
    /// (warning) (not judged, and said so).
    pub known_delegates: Option<Vec<Address>>,
}

/// What a careful user must see about an authorization, with no allowlist of
/// delegates (see [`review_with`]).
#[must_use]
pub fn review(auth: &Authorization) -> Vec<Warning> {
    review_with(auth, &ReviewOptions::default())
}

/// What a careful user must see about an authorization.
///
/// | code | severity | when |
/// |---|---|---|
/// | `ANY_CHAIN` | danger | chain id 0: valid on every chain |
/// | `UNKNOWN_DELEGATE` | danger (warning without `known_delegates`) | the (non-zero) delegate is not among `known_delegates`: the account's code becomes a contract the wallet does not know, which can move every asset; with no list given the delegate cannot be judged, which is said, never left silent |
/// | `CLEARS_DELEGATION` | warning | the zero address clears the delegation |
/// | `NONCE_MAX` | warning | nonce 2^64−1, never valid (EIP-2681) |
///
/// Paths: `chainId`, `address`, `nonce` (relative to the authorization).
#[must_use]
pub fn review_with(auth: &Authorization, options: &ReviewOptions) -> Vec<Warning> {
    use crate::review::Severity;
    let mut out = Vec::new();
    if auth.chain_id.is_zero() {
        out.push(crate::review::Warning::new(
            "ANY_CHAIN",
            Severity::Danger,
            "chainId",
            "chain id 0: the delegation can be replayed on every chain",
        ));
    }
    if auth.address == Address::ZERO {
        out.push(crate::review::Warning::new(
            "CLEARS_DELEGATION",
            Severity::Warning,
            "address",
            "the zero address clears the account's delegation",
        ));
    } else {
        match &options.known_delegates {
            Some(known) if known.contains(&auth.address) => {}
            Some(_) => out.push(crate::review::Warning::new(
                "UNKNOWN_DELEGATE",
                Severity::Danger,
                "address",
                alloc::format!(
                    "the account's code becomes {}, a contract not among the known delegates: it could move every asset of the account",
                    auth.address.to_checksum(None)
                ),
            )),
            // Never silence: without an allowlist the delegate cannot be judged.
            None => out.push(crate::review::Warning::new(
                "UNKNOWN_DELEGATE",
                Severity::Warning,
                "address",
                alloc::format!(
                    "the account's code becomes {}; no known delegates were given, so this review cannot say whether that contract is trusted",
                    auth.address.to_checksum(None)
                ),
            )),
        }
    }
    if auth.nonce == u64::MAX {
        out.push(crate::review::Warning::new(
            "NONCE_MAX",
            Severity::Warning,
            "nonce",
            "nonce 2^64-1 can never be valid (EIP-2681)",
        ));
    }
    out
}
