//! The EVM wing in JS: EIP-712 typed data, Permit2, EIP-7702.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::address_list;
use super::convert::{self, byte_array, json, object, string, to_bytes, to_js};
use super::error::{js, JsResult};
use crate::{secp256k1, Error};

// ------------------------------------------------------- EIP-712, Permit2

fn typed_data(v: &JsValue) -> crate::Result<crate::eip712::TypedData> {
    if v.is_string() {
        // Numbers read as a wallet's JSON.parse reads them (see json::parse_js_numbers).
        crate::eip712::TypedData::from_json(&crate::json::parse_js_numbers(
            &string(v, "typedData")?,
            "",
        )?)
    } else {
        crate::eip712::TypedData::from_json(&convert::json_capped(
            v,
            "typedData",
            "",
            convert::TYPED_DATA,
        )?)
    }
}

/// The EIP-712 digest a wallet signs for `eth_signTypedData_v4` data (object or JSON text).
#[wasm_bindgen(js_name = eip712Hash)]
pub fn eip712_hash(
    #[wasm_bindgen(js_name = typedData, unchecked_param_type = "TypedDataDefinition | string")]
    typed: JsValue,
) -> JsResult<Vec<u8>> {
    js(typed_data(&typed)
        .and_then(|t| t.signing_hash())
        .map(|h| h.to_vec()))
}

/// `hashStruct(EIP712Domain, domain)`.
#[wasm_bindgen(js_name = eip712DomainSeparator)]
pub fn eip712_domain_separator(
    #[wasm_bindgen(js_name = typedData, unchecked_param_type = "TypedDataDefinition | string")]
    typed: JsValue,
) -> JsResult<Vec<u8>> {
    js(typed_data(&typed)
        .and_then(|t| t.domain_separator())
        .map(|h| h.to_vec()))
}

/// `hashStruct(typeName, value)` for a struct type the typed data declares.
#[wasm_bindgen(js_name = eip712HashStruct)]
pub fn eip712_hash_struct(
    #[wasm_bindgen(js_name = typedData, unchecked_param_type = "TypedDataDefinition | string")]
    typed: JsValue,
    #[wasm_bindgen(js_name = typeName, unchecked_param_type = "string")] type_name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] value: JsValue,
) -> JsResult<Vec<u8>> {
    let t = typed_data(&typed)?;
    let name = string(&type_name, "typeName")?;
    let v = convert::json_with_bigint(&value, "value")?;
    Ok(t.hash_struct(&name, &v)?.to_vec())
}

/// `encodeType(typeName)`: the type and every struct it references, sorted.
#[wasm_bindgen(js_name = eip712EncodeType)]
pub fn eip712_encode_type(
    #[wasm_bindgen(js_name = typedData, unchecked_param_type = "TypedDataDefinition | string")]
    typed: JsValue,
    #[wasm_bindgen(js_name = typeName, unchecked_param_type = "string")] type_name: JsValue,
) -> JsResult<String> {
    js(typed_data(&typed).and_then(|t| t.encode_type(&string(&type_name, "typeName")?)))
}

/// Recovers the EIP-55 address that signed typed data (v 0/1/27/28).
#[wasm_bindgen(js_name = eip712Recover)]
pub fn eip712_recover(
    #[wasm_bindgen(js_name = typedData, unchecked_param_type = "TypedDataDefinition | string")]
    typed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: JsValue,
) -> JsResult<String> {
    let t = typed_data(&typed)?;
    let sig = byte_array::<65>(&signature, "signature")?;
    let address = t.recover(&sig).map_err(|e| e.at("signature"))?;
    Ok(secp256k1::checksum_address(&address))
}

/// Signs typed data as `eth_signTypedData_v4` does: 65 bytes, v 27/28.
#[wasm_bindgen(js_name = eip712Sign)]
pub fn eip712_sign(
    #[wasm_bindgen(js_name = typedData, unchecked_param_type = "TypedDataDefinition | string")]
    typed: JsValue,
    #[wasm_bindgen(js_name = secretKey, unchecked_param_type = "Uint8Array")] secret_key: JsValue,
) -> JsResult<Vec<u8>> {
    let t = typed_data(&typed)?;
    let sk = byte_array::<32>(&secret_key, "secretKey")?;
    Ok(t.sign(&sk).map_err(|e| e.at("secretKey"))?.to_vec())
}

/// The builders' `typedData.domain.chainId` is a JS `number` (what viem's
/// `hashTypedData`/`signTypedData` and wallets take): the core gives a JSON
/// number for a safe integer, and a chain id above 2^53 − 1 (which no wallet
/// signs for) is refused here rather than handed out as a decimal string.
fn permit2_js(b: &crate::permit2::Built, chain_path: &str) -> crate::Result<JsValue> {
    if !b
        .typed_data
        .get("domain")
        .and_then(|d| d.get("chainId"))
        .is_some_and(Value::is_u64)
    {
        return Err(Error::InvalidNumber {
            path: chain_path.into(),
            reason: "a Permit2 chain id above 2^53 - 1: typed data carries it as a JS number"
                .into(),
        });
    }
    Ok(object(&[
        ("typedData", to_js(&b.typed_data)),
        ("digest", to_bytes(&b.digest)),
        (
            "witnessTypeString",
            b.witness_type_string
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str),
        ),
        (
            "witnessHash",
            b.witness_hash
                .as_ref()
                .map_or(JsValue::NULL, |h| to_bytes(h)),
        ),
        ("warnings", convert::warnings_js(&b.warnings)?),
    ]))
}

fn permit2_with(
    f: fn(&Value) -> crate::Result<crate::permit2::Built>,
    args: &JsValue,
) -> JsResult<JsValue> {
    let a = convert::json_capped(args, "args", "args", convert::PERMIT2_ARGS)?;
    Ok(permit2_js(&f(&a)?, "args.chainId")?)
}

/// Permit2 `SignatureTransfer` `PermitTransferFrom` typed data.
#[wasm_bindgen(js_name = permit2Transfer, unchecked_return_type = "Permit2Request")]
pub fn permit2_transfer(
    #[wasm_bindgen(unchecked_param_type = "Permit2TransferArgs")] args: JsValue,
) -> JsResult<JsValue> {
    permit2_with(crate::permit2::transfer, &args)
}

/// Permit2 `SignatureTransfer` `PermitBatchTransferFrom` typed data.
#[wasm_bindgen(js_name = permit2BatchTransfer, unchecked_return_type = "Permit2Request")]
pub fn permit2_batch_transfer(
    #[wasm_bindgen(unchecked_param_type = "Permit2BatchTransferArgs")] args: JsValue,
) -> JsResult<JsValue> {
    permit2_with(crate::permit2::batch_transfer, &args)
}

/// Permit2 `SignatureTransfer` with a witness (`PermitWitnessTransferFrom`, or the
/// batch form when `permitted` is a list), with its `witnessTypeString`.
#[wasm_bindgen(js_name = permit2WitnessTransfer, unchecked_return_type = "Permit2Request")]
pub fn permit2_witness_transfer(
    #[wasm_bindgen(unchecked_param_type = "Permit2WitnessTransferArgs")] args: JsValue,
) -> JsResult<JsValue> {
    permit2_with(crate::permit2::witness_transfer, &args)
}

/// Permit2 `AllowanceTransfer` `PermitSingle` typed data.
#[wasm_bindgen(js_name = permit2Single, unchecked_return_type = "Permit2Request")]
pub fn permit2_single(
    #[wasm_bindgen(unchecked_param_type = "Permit2SingleArgs")] args: JsValue,
) -> JsResult<JsValue> {
    permit2_with(crate::permit2::single, &args)
}

/// Permit2 `AllowanceTransfer` `PermitBatch` typed data.
#[wasm_bindgen(js_name = permit2Batch, unchecked_return_type = "Permit2Request")]
pub fn permit2_batch(
    #[wasm_bindgen(unchecked_param_type = "Permit2BatchArgs")] args: JsValue,
) -> JsResult<JsValue> {
    permit2_with(crate::permit2::batch, &args)
}

/// The `PermitWitnessTransferFrom` a swap API's `params_to_sign` asks for;
/// throws `WITNESS_MISMATCH` when its witness type string or hash is not what
/// its witness gives.
#[wasm_bindgen(js_name = permit2FromParamsToSign, unchecked_return_type = "Permit2Request")]
pub fn permit2_from_params_to_sign(
    #[wasm_bindgen(js_name = paramsToSign, unchecked_param_type = "Permit2ParamsToSign")]
    params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Permit2ParamsToSignArgs")] args: JsValue,
) -> JsResult<JsValue> {
    let p = convert::json_with_bigint(&params, "paramsToSign")?;
    let a = convert::json_with_bigint(&args, "args")?;
    Ok(permit2_js(
        &crate::permit2::from_params_to_sign(&p, &a)?,
        "paramsToSign.additional_data.domain.chainId",
    )?)
}

/// `{approval_type: "permit2", signed_data: "0x…"}` with v as 27/28, as Permit2 needs.
#[wasm_bindgen(js_name = permit2ApprovalBody, unchecked_return_type = "Permit2ApprovalBody")]
pub fn permit2_approval_body(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: JsValue,
) -> JsResult<JsValue> {
    let sig = byte_array::<65>(&signature, "signature")?;
    Ok(to_js(
        &crate::permit2::approval_body(&sig).map_err(|e| e.at("signature"))?,
    ))
}

/// Human-readable lines and warnings for Permit2 typed data.
#[wasm_bindgen(js_name = reviewPermit2, unchecked_return_type = "Permit2Review")]
pub fn review_permit2(
    #[wasm_bindgen(js_name = typedData, unchecked_param_type = "TypedDataDefinition")]
    typed: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Permit2ReviewOptions")] options: Option<
        JsValue,
    >,
) -> JsResult<JsValue> {
    const KEYS: &[&str] = &["now", "knownSpenders", "expectedChainId"];
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let now = convert::opt_safe_integer(&convert::option(&options, "now", KEYS)?, "options.now")?;
    if now.is_some_and(|ms| ms < 0) {
        return Err(Error::InvalidNumber {
            path: "options.now".into(),
            reason: "a time before 1970".into(),
        }
        .into());
    }
    let known = convert::option(&options, "knownSpenders", KEYS)?;
    let mut known_spenders = Vec::new();
    if !known.is_undefined() {
        let Value::Array(items) = json(&known, "options.knownSpenders")? else {
            return Err(Error::InvalidType {
                path: "options.knownSpenders".into(),
                expected: "an array of addresses".into(),
                actual: convert::type_name(&known),
            }
            .into());
        };
        for (i, item) in items.iter().enumerate() {
            let path = alloc::format!("options.knownSpenders[{i}]");
            let s = item.as_str().ok_or_else(|| Error::InvalidType {
                path: path.clone(),
                expected: "a string".into(),
                actual: crate::json::type_name(item).into(),
            })?;
            crate::abi::parse_address(s, &path)?;
            known_spenders.push(s.into());
        }
    }
    let chain = convert::option(&options, "expectedChainId", KEYS)?;
    let expected_chain_id = if chain.is_undefined() {
        None
    } else {
        let path = "options.expectedChainId";
        let v = convert::json_with_bigint(&chain, path)?;
        Some(
            crate::step::uint_value(&v).ok_or_else(|| Error::InvalidNumber {
                path: path.into(),
                reason: "expected a chain id: a safe integer, a bigint, or a decimal or 0x string"
                    .into(),
            })?,
        )
    };
    let typed = convert::json_capped(&typed, "typedData", "", convert::TYPED_DATA)?;
    let r = crate::permit2::review(
        &typed,
        &crate::permit2::ReviewOptions {
            now: now.and_then(|ms| u64::try_from(ms / 1000).ok()),
            known_spenders,
            expected_chain_id,
        },
    )?;
    Ok(object(&[
        ("lines", to_js(&Value::from(r.lines))),
        ("warnings", convert::warnings_js(&r.warnings)?),
    ]))
}

// ---------------------------------------------------------------- EIP-7702

fn authorization(v: &JsValue) -> crate::Result<crate::eip7702::Authorization> {
    crate::eip7702::Authorization::from_json(
        &convert::json_with_bigint(v, "authorization")?,
        "authorization",
    )
}

/// keccak256(0x05 ‖ rlp([chainId, address, nonce])): what the authority signs.
#[wasm_bindgen(js_name = eip7702AuthorizationHash)]
pub fn eip7702_authorization_hash(
    #[wasm_bindgen(js_name = authorization, unchecked_param_type = "Eip7702Authorization")]
    authorization_: JsValue,
) -> JsResult<Vec<u8>> {
    js(authorization(&authorization_).map(|a| a.hash().to_vec()))
}

/// Recovers the EIP-55 authority of a signed authorization (high-s refused).
#[wasm_bindgen(js_name = eip7702Recover)]
pub fn eip7702_recover(
    #[wasm_bindgen(js_name = authorization, unchecked_param_type = "Eip7702Authorization")]
    authorization_: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: JsValue,
) -> JsResult<String> {
    let a = authorization(&authorization_)?;
    let sig = byte_array::<65>(&signature, "signature")?;
    let address = a.recover(&sig).map_err(|e| e.at("signature"))?;
    Ok(secp256k1::checksum_address(&address))
}

/// Signs an authorization: `{chainId, address, nonce, r, s, yParity}`.
#[wasm_bindgen(js_name = eip7702Sign, unchecked_return_type = "Eip7702SignedAuthorization")]
pub fn eip7702_sign(
    #[wasm_bindgen(js_name = authorization, unchecked_param_type = "Eip7702Authorization")]
    authorization_: JsValue,
    #[wasm_bindgen(js_name = secretKey, unchecked_param_type = "Uint8Array")] secret_key: JsValue,
) -> JsResult<JsValue> {
    let a = authorization(&authorization_)?;
    let sk = byte_array::<32>(&secret_key, "secretKey")?;
    let signed = a.sign(&sk).map_err(|e| e.at("secretKey"))?;
    Ok(convert::ser(&signed)?)
}

/// Warnings for an authorization: `ANY_CHAIN` (chain id 0), `CLEARS_DELEGATION`,
/// `NONCE_MAX`, and `UNKNOWN_DELEGATE` when `options.knownDelegates` is given
/// and the delegate is not in it.
#[wasm_bindgen(js_name = reviewEip7702Authorization, unchecked_return_type = "Eip7702Warning[]")]
pub fn review_eip7702_authorization(
    #[wasm_bindgen(js_name = authorization, unchecked_param_type = "Eip7702Authorization")]
    authorization_: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Eip7702ReviewOptions")] options: Option<
        JsValue,
    >,
) -> JsResult<JsValue> {
    const KEYS: &[&str] = &["knownDelegates"];
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let known = convert::option(&options, "knownDelegates", KEYS)?;
    let known_delegates = if known.is_undefined() {
        None
    } else {
        let path = "options.knownDelegates";
        let list = address_list(&known, path)?;
        let mut out = Vec::with_capacity(list.len());
        for (i, s) in list.iter().enumerate() {
            out.push(crate::abi::parse_address(
                s,
                &alloc::format!("{path}[{i}]"),
            )?);
        }
        Some(out)
    };
    let a = authorization(&authorization_)?;
    let warnings =
        crate::eip7702::review_with(&a, &crate::eip7702::ReviewOptions { known_delegates });
    Ok(convert::warnings_js(&warnings)?)
}
