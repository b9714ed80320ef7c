//! Uniswap Permit2 typed data: builders that return the exact object to pass
//! to `eth_signTypedData_v4`, the swap API's `params_to_sign`, and a review.
//!
//! Domain `{name: "Permit2", chainId, verifyingContract}` — no `version`
//! (`Uniswap/permit2:src/EIP712.sol`). The signed `spender` of a
//! `SignatureTransfer` is the contract that will call Permit2. Witness type
//! strings follow Permit2's convention: `"<Type> witness)"` followed by every
//! referenced struct (with `TokenPermissions`) sorted by name — which is exactly
//! the tail of the EIP-712 `encodeType` of the witness primary type.
//!
//! Permit2 hands `v` to `ecrecover` unchanged, so [`approval_body`] emits v = 27/28
//! (the NEAR verifier, by contrast, wants 0/1).

use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use alloy_dyn_abi::DynSolType;
use alloy_primitives::U256;

use serde_json::{json, Map, Value};

use crate::abi::{coerce_leaf, parse_address, LITERAL};
use crate::eip712::{fields, TypedData};
use crate::encoding::{hex_decode_array, hex_encode_prefixed};
use crate::error::{join_path, Error, Result};
use crate::json::{self, Obj};

mod review;
#[allow(clippy::wildcard_imports)]
pub use review::*;
#[allow(clippy::wildcard_imports, unused_imports)]
use review::*;

/// The canonical Permit2 deployment (every chain but zkSync).
pub const PERMIT2_ADDRESS: &str = "0x000000000022D473030F116dDEE9F6B43aC78BA3";
/// The struct types Permit2 adds to a witness's own: `EIP712Domain`, the
/// primary type and `TokenPermissions`.
pub const ADDED_TYPES: usize = 3;

/// Permit2 on zkSync Era.
pub const PERMIT2_ADDRESS_ZKSYNC: &str = "0x0000000000225e31D15943971F47aD3022F714Fa";

pub(crate) const STUB_SINGLE: &str =
    "PermitWitnessTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline,";
pub(crate) const STUB_BATCH: &str =
    "PermitBatchWitnessTransferFrom(TokenPermissions[] permitted,address spender,uint256 nonce,uint256 deadline,";

/// A Permit2 finding (the crate's one warning type).
pub type Permit2Warning = crate::review::Warning;

/// Every Permit2 warning code.
pub const WARNING_CODES: &[&str] = &[
    "NON_CANONICAL_PERMIT2",
    "DOMAIN_FIELD_IGNORED",
    "UNLIMITED_AMOUNT",
    "DEADLINE_PASSED",
    "DEADLINE_FAR",
    "UNKNOWN_SPENDER",
    "CHAIN_MISMATCH",
];

/// What a builder returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The object for `eth_signTypedData_v4` (`types` includes `EIP712Domain`).
    pub typed_data: Value,
    /// The EIP-712 digest.
    pub digest: [u8; 32],
    /// For witness transfers: the `witnessTypeString` argument of `permitWitnessTransferFrom`.
    pub witness_type_string: Option<String>,
    /// For witness transfers: `hashStruct(witness)`, the `witness` argument.
    pub witness_hash: Option<[u8; 32]>,
    /// Non-fatal findings.
    pub warnings: Vec<Permit2Warning>,
}

pub(crate) fn uint(obj: &Obj<'_>, key: &str, bits: usize) -> Result<String> {
    let path = obj.path_of(key);
    let v = obj.req(key)?;
    match coerce_leaf(&DynSolType::Uint(bits), v, &path, LITERAL)? {
        alloy_dyn_abi::DynSolValue::Uint(u, _) => Ok(u.to_string()),
        _ => Err(json::wrong_type(&path, "an integer", v)),
    }
}

pub(crate) fn address(obj: &Obj<'_>, key: &str) -> Result<String> {
    let path = obj.path_of(key);
    let s = obj.req_str(key)?;
    Ok(parse_address(s, &path)?.to_checksum(None))
}

/// `chainId` as a JSON number when it is a safe integer, else a decimal string.
pub(crate) fn chain_id(obj: &Obj<'_>) -> Result<Value> {
    let text = uint(obj, "chainId", 256)?;
    let n = U256::from_str_radix(&text, 10).unwrap_or_default();
    Ok(if n <= U256::from(9_007_199_254_740_991_u64) {
        Value::from(u64::try_from(n).unwrap_or_default())
    } else {
        Value::String(text)
    })
}

pub(crate) fn domain(obj: &Obj<'_>, warnings: &mut Vec<Permit2Warning>) -> Result<Value> {
    let contract = match obj.get("permit2Address") {
        Some(_) => address(obj, "permit2Address")?,
        None => PERMIT2_ADDRESS.into(),
    };
    if contract != PERMIT2_ADDRESS && !contract.eq_ignore_ascii_case(PERMIT2_ADDRESS_ZKSYNC) {
        warnings.push(crate::review::Warning::new(
            "NON_CANONICAL_PERMIT2",
            crate::review::Severity::Danger,
            obj.path_of("permit2Address"),
            alloc::format!("{contract} is not the canonical Permit2 deployment"),
        ));
    }
    Ok(json!({"name": "Permit2", "chainId": chain_id(obj)?, "verifyingContract": contract}))
}

pub(crate) fn domain_type() -> Value {
    fields(&[
        ("name", "string"),
        ("chainId", "uint256"),
        ("verifyingContract", "address"),
    ])
}

pub(crate) fn token_permissions_type() -> Value {
    fields(&[("token", "address"), ("amount", "uint256")])
}

pub(crate) fn permission(v: &Value, path: &str) -> Result<Value> {
    let o = Obj::new(v, path)?;
    o.deny_unknown(&["token", "amount"])?;
    Ok(json!({"token": address(&o, "token")?, "amount": uint(&o, "amount", 256)?}))
}

pub(crate) fn finish(
    domain: &Value,
    types: Map<String, Value>,
    primary: &str,
    message: &Value,
    warnings: Vec<Permit2Warning>,
) -> Result<Built> {
    let mut typed_data = json!({
        "types": Value::Object(types),
        "primaryType": primary,
        "domain": domain,
        "message": message,
    });
    let parsed = TypedData::from_json(&typed_data)?;
    // The message as wallets should see it: EIP-55 addresses, decimal integers.
    if let (Some(m), Value::Object(obj)) = (parsed.canonical_message(), &mut typed_data) {
        obj.insert("message".into(), m);
    }
    Ok(Built {
        typed_data,
        digest: parsed.signing_hash()?,
        witness_type_string: None,
        witness_hash: None,
        warnings,
    })
}

pub(crate) fn base_types(
    primary: &str,
    permitted_type: &str,
    witness: Option<&str>,
) -> Map<String, Value> {
    let mut types = Map::new();
    types.insert("EIP712Domain".into(), domain_type());
    let mut primary_fields = alloc::vec![
        ("permitted", permitted_type),
        ("spender", "address"),
        ("nonce", "uint256"),
        ("deadline", "uint256"),
    ];
    if let Some(w) = witness {
        primary_fields.push(("witness", w));
    }
    types.insert(primary.into(), fields(&primary_fields));
    types.insert("TokenPermissions".into(), token_permissions_type());
    types
}

/// Reads the `permitted` part: `{token, amount}` at the top level, or a
/// `permitted: [{token, amount}]` list for a batch.
pub(crate) fn permitted(obj: &Obj<'_>, batch: bool) -> Result<Value> {
    if batch {
        let list = obj.req("permitted")?;
        let Value::Array(items) = list else {
            return Err(json::wrong_type(
                &obj.path_of("permitted"),
                "an array",
                list,
            ));
        };
        let out = items
            .iter()
            .enumerate()
            .map(|(i, p)| permission(p, &alloc::format!("{}[{i}]", obj.path_of("permitted"))))
            .collect::<Result<Vec<_>>>()?;
        Ok(Value::Array(out))
    } else {
        Ok(json!({"token": address(obj, "token")?, "amount": uint(obj, "amount", 256)?}))
    }
}

pub(crate) const TRANSFER_KEYS: &[&str] = &[
    "chainId",
    "token",
    "amount",
    "spender",
    "nonce",
    "deadline",
    "permit2Address",
];
pub(crate) const BATCH_TRANSFER_KEYS: &[&str] = &[
    "chainId",
    "permitted",
    "spender",
    "nonce",
    "deadline",
    "permit2Address",
];

/// `SignatureTransfer` `PermitTransferFrom`: `{chainId, token, amount, spender, nonce, deadline, permit2Address?}`.
///
/// # Errors
/// Field errors with paths (`args.amount`).
pub fn transfer(args: &Value) -> Result<Built> {
    transfer_inner(args, false, None)
}

/// `SignatureTransfer` `PermitBatchTransferFrom`: `{chainId, permitted: [{token, amount}], spender, nonce, deadline}`.
///
/// # Errors
/// Field errors with paths.
pub fn batch_transfer(args: &Value) -> Result<Built> {
    transfer_inner(args, true, None)
}

/// `SignatureTransfer` with a witness: `permitted` list → `PermitBatchWitnessTransferFrom`,
/// else `PermitWitnessTransferFrom`; `witness: {typeName, types, value}`.
///
/// # Errors
/// Field errors with paths; witness type errors as in [`TypedData::from_json`].
pub fn witness_transfer(args: &Value) -> Result<Built> {
    let obj = Obj::new(args, "args")?;
    let batch = obj.get("permitted").is_some();
    let witness = obj.req("witness")?;
    transfer_inner(args, batch, Some(witness))
}

pub(crate) fn transfer_inner(args: &Value, batch: bool, witness: Option<&Value>) -> Result<Built> {
    let obj = Obj::new(args, "args")?;
    let mut allowed: Vec<&str> = if batch {
        BATCH_TRANSFER_KEYS.to_vec()
    } else {
        TRANSFER_KEYS.to_vec()
    };
    if witness.is_some() {
        allowed.push("witness");
    }
    obj.deny_unknown(&allowed)?;
    let mut warnings = Vec::new();
    let domain = domain(&obj, &mut warnings)?;
    let mut message = json!({
        "permitted": permitted(&obj, batch)?,
        "spender": address(&obj, "spender")?,
        "nonce": uint(&obj, "nonce", 256)?,
        "deadline": uint(&obj, "deadline", 256)?,
    });
    let permitted_type = if batch {
        "TokenPermissions[]"
    } else {
        "TokenPermissions"
    };
    let Some(witness) = witness else {
        let primary = if batch {
            "PermitBatchTransferFrom"
        } else {
            "PermitTransferFrom"
        };
        let types = base_types(primary, permitted_type, None);
        return finish(&domain, types, primary, &message, warnings);
    };
    let w = Obj::new(witness, "args.witness")?;
    w.deny_unknown(&["typeName", "types", "value"])?;
    let type_name = w.req_str("typeName")?;
    let primary = if batch {
        "PermitBatchWitnessTransferFrom"
    } else {
        "PermitWitnessTransferFrom"
    };
    let mut types = base_types(primary, permitted_type, Some(type_name));
    let Value::Object(witness_types) = w.req("types")? else {
        return Err(json::wrong_type(
            "args.witness.types",
            "an object of struct types",
            w.req("types")?,
        ));
    };
    for (name, def) in witness_types {
        if types.contains_key(name) {
            return Err(Error::WitnessMismatch {
                path: join_path("args.witness.types", name),
                reason: alloc::format!("{name} is already a Permit2 type"),
            });
        }
        types.insert(name.clone(), def.clone());
    }
    if let Value::Object(m) = &mut message {
        m.insert("witness".into(), w.req("value")?.clone());
    }
    let witness_path = |e: Error| remap_witness_path(e, primary);
    let mut built = finish(&domain, types, primary, &message, warnings).map_err(witness_path)?;
    let parsed = TypedData::from_json(&built.typed_data).map_err(witness_path)?;
    let stub = if batch { STUB_BATCH } else { STUB_SINGLE };
    let encoded = parsed.encode_type(primary)?;
    built.witness_type_string = encoded.strip_prefix(stub).map(String::from);
    built.witness_hash = Some(
        parsed
            .hash_struct(type_name, w.req("value")?)
            .map_err(|e| e.at("args.witness"))?,
    );
    Ok(built)
}

/// Errors found in the typed data a witness builder assembled, pointed back
/// at the caller's `args.witness`.
pub(crate) fn remap_witness_path(e: Error, primary: &str) -> Error {
    let path = e.path().to_string();
    let witness_field = alloc::format!("types.{primary}[4].type");
    let new = if path == witness_field {
        Some(String::from("args.witness.typeName"))
    } else if let Some(rest) = path.strip_prefix("message.witness") {
        Some(alloc::format!("args.witness.value{rest}"))
    } else {
        path.strip_prefix("types.")
            .map(|rest| alloc::format!("args.witness.types.{rest}"))
    };
    match new {
        Some(path) => e.with_path(path),
        None => e,
    }
}

pub(crate) const SINGLE_KEYS: &[&str] = &[
    "chainId",
    "details",
    "spender",
    "sigDeadline",
    "permit2Address",
];

pub(crate) fn details(v: &Value, path: &str) -> Result<Value> {
    let o = Obj::new(v, path)?;
    o.deny_unknown(&["token", "amount", "expiration", "nonce"])?;
    Ok(json!({
        "token": address(&o, "token")?,
        "amount": uint(&o, "amount", 160)?,
        "expiration": uint(&o, "expiration", 48)?,
        "nonce": uint(&o, "nonce", 48)?,
    }))
}

/// `AllowanceTransfer` `PermitSingle`: `{chainId, details: {token, amount, expiration, nonce}, spender, sigDeadline}`.
///
/// # Errors
/// Field errors with paths; `amount` must fit uint160, `expiration`/`nonce` uint48.
pub fn single(args: &Value) -> Result<Built> {
    allowance(args, false)
}

/// `AllowanceTransfer` `PermitBatch`: `details` is a list.
///
/// # Errors
/// As [`single`].
pub fn batch(args: &Value) -> Result<Built> {
    allowance(args, true)
}

pub(crate) fn allowance(args: &Value, is_batch: bool) -> Result<Built> {
    let obj = Obj::new(args, "args")?;
    obj.deny_unknown(SINGLE_KEYS)?;
    let mut warnings = Vec::new();
    let domain = domain(&obj, &mut warnings)?;
    let details_path = obj.path_of("details");
    let d = obj.req("details")?;
    let details_value = if is_batch {
        let Value::Array(items) = d else {
            return Err(json::wrong_type(&details_path, "an array", d));
        };
        Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, x)| details(x, &alloc::format!("{details_path}[{i}]")))
                .collect::<Result<Vec<_>>>()?,
        )
    } else {
        details(d, &details_path)?
    };
    let primary = if is_batch {
        "PermitBatch"
    } else {
        "PermitSingle"
    };
    let mut types = Map::new();
    types.insert("EIP712Domain".into(), domain_type());
    types.insert(
        primary.into(),
        fields(&[
            (
                "details",
                if is_batch {
                    "PermitDetails[]"
                } else {
                    "PermitDetails"
                },
            ),
            ("spender", "address"),
            ("sigDeadline", "uint256"),
        ]),
    );
    types.insert(
        "PermitDetails".into(),
        fields(&[
            ("token", "address"),
            ("amount", "uint160"),
            ("expiration", "uint48"),
            ("nonce", "uint48"),
        ]),
    );
    let message = json!({
        "details": details_value,
        "spender": address(&obj, "spender")?,
        "sigDeadline": uint(&obj, "sigDeadline", 256)?,
    });
    finish(&domain, types, primary, &message, warnings)
}

/// The witness type name and struct types a server's `additional_data.types`
/// declare, after checking its Permit2 types are Permit2's own.
pub(crate) fn server_witness_types(ad: &Obj<'_>) -> Result<(String, Map<String, Value>)> {
    let types_json = ad.req("types")?;
    let types = Obj::new(types_json, "paramsToSign.additional_data.types")?;
    let primary_fields = types.req("PermitWitnessTransferFrom")?;
    let type_name = primary_fields
        .as_array()
        .and_then(|f| {
            f.iter()
                .find(|x| x.get("name").and_then(Value::as_str) == Some("witness"))
        })
        .and_then(|x| x.get("type"))
        .and_then(Value::as_str)
        .ok_or_else(|| Error::WitnessMismatch {
            path: types.path_of("PermitWitnessTransferFrom"),
            reason: "no `witness` field".into(),
        })?;
    let mut witness_types = Map::new();
    for (name, def) in types.map {
        match name.as_str() {
            "EIP712Domain" => {}
            "PermitWitnessTransferFrom" => {
                let want = base_types(
                    "PermitWitnessTransferFrom",
                    "TokenPermissions",
                    Some(type_name),
                );
                if want.get(name) != Some(def) {
                    return Err(Error::WitnessMismatch {
                        path: types.path_of(name),
                        reason: "not Permit2's PermitWitnessTransferFrom".into(),
                    });
                }
            }
            "TokenPermissions" => {
                if *def != token_permissions_type() {
                    return Err(Error::WitnessMismatch {
                        path: types.path_of(name),
                        reason: "not Permit2's TokenPermissions".into(),
                    });
                }
            }
            _ => {
                witness_types.insert(name.clone(), def.clone());
            }
        }
    }
    Ok((type_name.to_string(), witness_types))
}

/// Builds the `PermitWitnessTransferFrom` a swap API's `params_to_sign` asks
/// for, with `args = {token, amount, deadline, nonce?}` (the nonce defaults to
/// the server's), and checks the server's
/// `witness_type_string` and `witness_hash` against the witness.
///
/// # Errors
/// [`Error::WitnessMismatch`] when the server's type string, hash or Permit2
/// types differ from what the witness gives; field errors with paths under
/// `paramsToSign` / `args`.
pub fn from_params_to_sign(params: &Value, args: &Value) -> Result<Built> {
    let p = Obj::new(params, "paramsToSign")?;
    let a = Obj::new(args, "args")?;
    a.deny_unknown(&["token", "amount", "deadline", "nonce"])?;
    let extra = p.req("additional_data")?;
    let ad = Obj::new(extra, "paramsToSign.additional_data")?;
    let domain_json = ad.req("domain")?;
    let dom = Obj::new(domain_json, "paramsToSign.additional_data.domain")?;
    let permit2 = address(&p, "permit2_contract_address")?;
    if let Some(vc) = dom.get("verifyingContract") {
        let vc_str = vc
            .as_str()
            .ok_or_else(|| json::wrong_type(&dom.path_of("verifyingContract"), "a string", vc))?;
        if !vc_str.eq_ignore_ascii_case(&permit2) {
            return Err(Error::WrongVerifyingContract {
                path: dom.path_of("verifyingContract"),
                expected: permit2,
                actual: vc_str.into(),
            });
        }
    }
    let (type_name, witness_types) = server_witness_types(&ad)?;
    let type_name = type_name.as_str();
    let mut build_args = Map::new();
    build_args.insert("chainId".into(), dom.req("chainId")?.clone());
    build_args.insert("permit2Address".into(), Value::String(permit2));
    build_args.insert("token".into(), a.req("token")?.clone());
    build_args.insert("amount".into(), a.req("amount")?.clone());
    build_args.insert("deadline".into(), a.req("deadline")?.clone());
    build_args.insert("spender".into(), p.req("escrow_contract_address")?.clone());
    // The caller may pass the nonce; by default it is the server's.
    build_args.insert(
        "nonce".into(),
        a.get("nonce")
            .map_or_else(|| p.req("nonce").cloned(), |n| Ok(n.clone()))?,
    );
    build_args.insert(
        "witness".into(),
        json!({"typeName": type_name, "types": witness_types, "value": ad.req("witness")?}),
    );
    let mut built = witness_transfer(&Value::Object(build_args)).map_err(|e| match e {
        // Paths of the rebuilt arguments point back into the server's object.
        Error::MissingField { path } if path.starts_with("args.witness") => Error::MissingField {
            path: path.replacen(
                "args.witness.value",
                "paramsToSign.additional_data.witness",
                1,
            ),
        },
        other => other,
    })?;
    let server_string = ad.req_str("witness_type_string")?;
    if built.witness_type_string.as_deref() != Some(server_string) {
        return Err(Error::WitnessMismatch {
            path: ad.path_of("witness_type_string"),
            reason: alloc::format!(
                "the witness types give {:?}",
                built.witness_type_string.clone().unwrap_or_default()
            ),
        });
    }
    let server_hash: [u8; 32] = hex_decode_array(ad.req_str("witness_hash")?)
        .map_err(|e| e.at(&ad.path_of("witness_hash")))?;
    if built.witness_hash != Some(server_hash) {
        return Err(Error::WitnessMismatch {
            path: ad.path_of("witness_hash"),
            reason: alloc::format!(
                "the witness hashes to {}",
                built
                    .witness_hash
                    .map(|h| hex_encode_prefixed(&h))
                    .unwrap_or_default()
            ),
        });
    }
    for key in dom.map.keys() {
        if !["name", "chainId", "verifyingContract"].contains(&key.as_str()) {
            built.warnings.push(crate::review::Warning::new(
                "DOMAIN_FIELD_IGNORED",
                crate::review::Severity::Warning,
                dom.path_of(key),
                alloc::format!(
                    "the server's domain has {}; Permit2's domain has no such field and it is not signed",
                    crate::review::quote(key)
                ),
            ));
        }
    }
    Ok(built)
}

/// The body of `POST /v1/intents/{id}/approvals`: v is emitted as 27/28.
///
/// # Errors
/// [`Error::InvalidRecoveryId`] for v outside {0, 1, 27, 28}.
pub fn approval_body(signature: &[u8; 65]) -> Result<Value> {
    let mut sig = *signature;
    if let Some(v) = sig.get_mut(64) {
        *v = crate::secp256k1::normalize_v(*v)? + 27;
    }
    Ok(json!({"approval_type": "permit2", "signed_data": hex_encode_prefixed(&sig)}))
}
