//! The Intents Connect flow in JS: prepare, finish, delete, request rules.

use alloc::string::String;

use js_sys::Array;
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::JsValue;

use super::convert::{self, byte_array, bytes, object, string, to_bytes, to_js};
use super::error::{self, JsResult};
use super::evm::review_js;
use super::intents::decoded_js;
use super::{address_list, recipient_list};
use crate::encoding::base58_encode;
use crate::Error;

// ------------------------------------------------------ execution flow

use crate::execution::{
    self as exec, FinishInput, SignatureInput, Wallet, WalletOutput, WalletRequest,
};

fn wallet_request_js(r: &WalletRequest) -> JsValue {
    match r {
        // EIP-1193 `personal_sign` takes the message as `0x` + hex of its
        // UTF-8 bytes (what viem's `signMessage` sends, what MetaMask decodes
        // for display): typed `` `0x${string}` `` like the address, and never
        // mistaken for hex when the text itself looks like hex.
        WalletRequest::PersonalSign { message, address } => object(&[
            ("method", "personal_sign".into()),
            (
                "params",
                [
                    JsValue::from_str(&crate::encoding::hex_encode_prefixed(message.as_bytes())),
                    JsValue::from_str(address),
                ]
                .iter()
                .collect::<Array>()
                .into(),
            ),
        ]),
        WalletRequest::SignMessage(p) => {
            let mut fields = alloc::vec![
                ("message", JsValue::from_str(&p.message)),
                ("recipient", JsValue::from_str(&p.recipient)),
                ("nonce", to_bytes(&p.nonce)),
            ];
            if let Some(url) = &p.callback_url {
                fields.push(("callbackUrl", JsValue::from_str(url)));
            }
            object(&fields)
        }
        WalletRequest::SignBytes(b) => object(&[("message", to_bytes(b))]),
    }
}

/// Checks an Intents Connect execution and prepares what the wallet signs,
/// with the decoded intent, the reviewed steps and warnings.
#[wasm_bindgen(js_name = prepareSigning, unchecked_return_type = "SigningRequest")]
pub fn prepare_signing(
    #[wasm_bindgen(unchecked_param_type = "Execution")] execution: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PrepareSigningOptions")] options: JsValue,
) -> JsResult<JsValue> {
    const KEYS: &[&str] = &[
        "wallet",
        "now",
        "verifyingContract",
        "knownContracts",
        "knownRecipients",
    ];
    let wallet = convert::option(&options, "wallet", KEYS)?;
    if wallet.is_undefined() {
        return Err(Error::MissingField {
            path: "options.wallet".into(),
        }
        .into());
    }
    let wallet = string(&wallet, "options.wallet")?;
    let now = convert::opt_safe_integer(&convert::option(&options, "now", KEYS)?, "options.now")?;
    let contract = convert::option(&options, "verifyingContract", KEYS)?;
    let contract = if contract.is_undefined() {
        String::from(exec::DEFAULT_VERIFYING_CONTRACT)
    } else {
        string(&contract, "options.verifyingContract")?
    };
    let known_contracts = address_list(
        &convert::option(&options, "knownContracts", KEYS)?,
        "options.knownContracts",
    )?;
    let known_recipients = recipient_list(
        &convert::option(&options, "knownRecipients", KEYS)?,
        "options.knownRecipients",
    )?;
    let value = convert::json_capped(&execution, "execution", "", convert::EXECUTION)?;
    // The wallet is parsed here, once, and handed to the core parsed.
    let parsed = Wallet::parse(&wallet).map_err(|e| e.at("options"))?;
    let r = exec::prepare_signing_for(
        &value,
        parsed,
        &exec::PrepareOptions {
            wallet: &wallet,
            now_ms: now,
            verifying_contract: &contract,
            known_contracts: &known_contracts,
            known_recipients: &known_recipients,
        },
    )?;
    let steps: Array = r
        .steps
        .iter()
        .map(review_js)
        .collect::<crate::Result<Vec<JsValue>>>()?
        .into_iter()
        .collect();
    let review = to_js(&Value::from(r.review.clone()));
    let warnings = convert::warnings_js(&r.warnings)?;
    Ok(object(&[
        ("standard", r.standard.as_str().into()),
        ("executionId", r.execution_id.as_str().into()),
        ("wallet", r.wallet.display().into()),
        ("signerId", r.wallet.signer_id().into()),
        ("walletRequest", wallet_request_js(&r.wallet_request)),
        ("payloadJson", r.payload_json.as_str().into()),
        (
            "intent",
            decoded_js(
                &r.intent,
                &[],
                r.entries.get(..r.intent.message.intents.len()),
            )?,
        ),
        ("intentHash", to_bytes(&r.intent_hash)),
        ("intentHashBase58", base58_encode(&r.intent_hash).into()),
        ("steps", steps.into()),
        ("quote", r.quote.as_ref().map_or(JsValue::NULL, to_js)),
        (
            "quoteMatches",
            r.quote_matches.map_or(JsValue::NULL, JsValue::from_bool),
        ),
        ("entries", convert::entries_js(&r.entries)?),
        ("review", review),
        ("warnings", warnings),
    ]))
}

fn field(obj: &JsValue, key: &str, path: &str) -> crate::Result<JsValue> {
    if !obj.is_object() {
        return Err(Error::InvalidType {
            path: path.into(),
            expected: "an object".into(),
            actual: convert::type_name(obj),
        });
    }
    js_sys::Reflect::get(obj, &key.into()).map_err(|_| Error::InvalidType {
        path: crate::error::join_path(path, key),
        expected: "a readable value".into(),
        actual: "a throwing getter".into(),
    })
}

/// A required field: `undefined` is [`Error::MissingField`].
fn req_field(obj: &JsValue, key: &str, path: &str) -> crate::Result<JsValue> {
    let v = field(obj, key, path)?;
    if v.is_undefined() {
        return Err(Error::MissingField {
            path: crate::error::join_path(path, key),
        });
    }
    Ok(v)
}

/// Reads the parts of a `SigningRequest` (or delete request) that finishing needs.
fn finish_input(request: &JsValue) -> crate::Result<FinishInput> {
    if !convert::is_plain_object(request) {
        return Err(Error::InvalidType {
            path: "request".into(),
            expected: "the object prepareSigning or deleteExecutionRequest returned".into(),
            actual: convert::type_name(request),
        });
    }
    let standard = crate::Standard::parse(&string(
        &req_field(request, "standard", "request")?,
        "request.standard",
    )?)
    .map_err(|e| e.at("request.standard"))?;
    let wallet = Wallet::parse(&string(
        &req_field(request, "wallet", "request")?,
        "request.wallet",
    )?)
    .map_err(|e| e.at("request"))?;
    let execution_id = string(
        &req_field(request, "executionId", "request")?,
        "request.executionId",
    )?;
    let payload_json = string(
        &req_field(request, "payloadJson", "request")?,
        "request.payloadJson",
    )?;
    let nep413 = if standard == crate::Standard::Nep413 {
        let wr = req_field(request, "walletRequest", "request")?;
        let url = field(&wr, "callbackUrl", "request.walletRequest")?;
        Some(crate::nep413::Nep413Payload {
            message: string(
                &field(&wr, "message", "request.walletRequest")?,
                "request.walletRequest.message",
            )?,
            nonce: byte_array::<32>(
                &field(&wr, "nonce", "request.walletRequest")?,
                "request.walletRequest.nonce",
            )?,
            recipient: string(
                &field(&wr, "recipient", "request.walletRequest")?,
                "request.walletRequest.recipient",
            )?,
            callback_url: if url.is_undefined() || url.is_null() {
                None
            } else {
                Some(string(&url, "request.walletRequest.callbackUrl")?)
            },
        })
    } else {
        None
    };
    let input = FinishInput {
        standard,
        execution_id,
        wallet,
        payload_json,
        nep413,
    };
    input.check().map_err(|e| e.at("request"))?;
    Ok(input)
}

fn signature_input(v: &JsValue, path: &str) -> crate::Result<SignatureInput> {
    if v.is_string() {
        Ok(SignatureInput::Text(string(v, path)?))
    } else {
        bytes(v, path).map(SignatureInput::Bytes)
    }
}

/// A wallet's answer: a signature (string or bytes), or `{signature, publicKey?, accountId?}`.
fn wallet_output(v: &JsValue) -> crate::Result<WalletOutput> {
    if v.is_string() || v.is_instance_of::<js_sys::Uint8Array>() {
        return Ok(WalletOutput {
            signature: signature_input(v, "walletOutput")?,
            public_key: None,
            account_id: None,
        });
    }
    if !convert::is_plain_object(v) {
        return Err(Error::InvalidType {
            path: "walletOutput".into(),
            expected: "a signature (string or Uint8Array) or {signature, publicKey?, accountId?}"
                .into(),
            actual: convert::type_name(v),
        });
    }
    let opt = |key: &str| -> crate::Result<Option<String>> {
        let value = field(v, key, "walletOutput")?;
        if value.is_undefined() || value.is_null() {
            Ok(None)
        } else {
            string(&value, &crate::error::join_path("walletOutput", key)).map(Some)
        }
    };
    let sig = field(v, "signature", "walletOutput")?;
    if sig.is_undefined() {
        return Err(Error::MissingField {
            path: "walletOutput.signature".into(),
        });
    }
    Ok(WalletOutput {
        signature: signature_input(&sig, "walletOutput.signature")?,
        public_key: opt("publicKey")?,
        account_id: opt("accountId")?,
    })
}

/// Verifies the wallet's answer over the exact bytes and builds the submit
/// body and the `MultiPayload`; a signature that does not verify throws
/// `SIGNATURE_MISMATCH` with a `hint` when a known wallet mistake explains it.
#[wasm_bindgen(js_name = finishSigning, unchecked_return_type = "FinishedSigning")]
pub fn finish_signing(
    #[wasm_bindgen(unchecked_param_type = "SigningRequest")] request: JsValue,
    #[wasm_bindgen(js_name = walletOutput, unchecked_param_type = "WalletOutput")] output: JsValue,
) -> JsResult<JsValue> {
    let result = (|| {
        let input = finish_input(&request)?;
        let out = wallet_output(&output)?;
        exec::finish_signing(&input, &out).map_err(|e| e.at("walletOutput"))
    })();
    let f = result.map_err(|e| error::to_js(&e))?;
    let mp = js_sys::JSON::parse(&f.multi_payload_json).map_err(|_| Error::InvalidJson {
        path: "multiPayload".into(),
        reason: "JSON.parse refused the text".into(),
    })?;
    Ok(object(&[
        ("submitBody", to_js(&f.submit_body)),
        ("multiPayload", mp),
        ("signerId", f.signer_id.as_str().into()),
        ("intentHash", to_bytes(&f.intent_hash)),
        ("intentHashBase58", base58_encode(&f.intent_hash).into()),
    ]))
}

fn random_nonce() -> crate::Result<[u8; 32]> {
    let unavailable = || Error::MissingField {
        path: "options.nonce".into(),
    };
    let crypto =
        js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).map_err(|_| unavailable())?;
    let get =
        js_sys::Reflect::get(&crypto, &"getRandomValues".into()).map_err(|_| unavailable())?;
    let get: js_sys::Function = get.dyn_into().map_err(|_| unavailable())?;
    let buf = js_sys::Uint8Array::new_with_length(32);
    get.call1(&crypto, &buf).map_err(|_| unavailable())?;
    crate::encoding::to_array::<32>(&buf.to_vec())
}

/// What to sign to delete an execution: the literal `delete_execution:<id>`;
/// for NEAR wallets a NEP-413 payload with `options.nonce` (32 random bytes
/// from `crypto.getRandomValues` when absent).
#[wasm_bindgen(js_name = deleteExecutionRequest, unchecked_return_type = "DeleteRequest")]
pub fn delete_execution_request(
    #[wasm_bindgen(js_name = executionId, unchecked_param_type = "string")] execution_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] wallet: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DeleteRequestOptions")] options: Option<
        JsValue,
    >,
) -> JsResult<JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let id = string(&execution_id, "executionId")?;
    if id.is_empty() {
        return Err(Error::InvalidType {
            path: "executionId".into(),
            expected: "a non-empty execution id".into(),
            actual: "an empty string".into(),
        }
        .into());
    }
    let wallet = Wallet::parse(&string(&wallet, "wallet")?)?;
    let nonce = convert::option(&options, "nonce", &["nonce"])?;
    let nonce = if nonce.is_undefined() {
        match wallet {
            Wallet::Near(_) => Some(random_nonce()?),
            _ => None,
        }
    } else {
        Some(byte_array::<32>(&nonce, "options.nonce")?)
    };
    let (input, request) = exec::delete_request_for(&id, wallet, nonce)?;
    Ok(object(&[
        ("standard", input.standard.as_str().into()),
        ("executionId", input.execution_id.as_str().into()),
        ("wallet", input.wallet.display().into()),
        ("message", input.payload_json.as_str().into()),
        ("payloadJson", input.payload_json.as_str().into()),
        ("walletRequest", wallet_request_js(&request)),
    ]))
}

/// Verifies the wallet's delete signature and builds the DELETE body.
#[wasm_bindgen(js_name = finishDeleteSigning, unchecked_return_type = "DeleteBody")]
pub fn finish_delete_signing(
    #[wasm_bindgen(unchecked_param_type = "DeleteRequest")] request: JsValue,
    #[wasm_bindgen(js_name = walletOutput, unchecked_param_type = "WalletOutput")] output: JsValue,
) -> JsResult<JsValue> {
    let input = finish_input(&request)?;
    let out = wallet_output(&output)?;
    Ok(to_js(
        &exec::finish_delete(&input, &out).map_err(|e| e.at("walletOutput"))?,
    ))
}

/// The core's constants a page needs (so that it never copies them).
#[wasm_bindgen(js_name = constants, unchecked_return_type = "Constants")]
pub fn constants() -> JsValue {
    let count = |n: usize| JsValue::from(u32::try_from(n).unwrap_or(u32::MAX));
    object(&[
        ("permit2Address", crate::permit2::PERMIT2_ADDRESS.into()),
        (
            "permit2AddressZksync",
            crate::permit2::PERMIT2_ADDRESS_ZKSYNC.into(),
        ),
        ("maxSteps", count(crate::step::MAX_STEPS)),
        ("maxSolanaSteps", count(exec::MAX_SOLANA_STEPS)),
        ("verifyingContract", exec::DEFAULT_VERIFYING_CONTRACT.into()),
        (
            "signableStatuses",
            exec::SIGNABLE_STATUSES
                .iter()
                .map(|s| JsValue::from_str(s))
                .collect::<Array>()
                .into(),
        ),
    ])
}

/// Checks a create-execution body against the API's 400 rules.
#[wasm_bindgen(js_name = validateExecutionRequest)]
pub fn validate_execution_request(
    #[wasm_bindgen(unchecked_param_type = "CreateExecutionRequest")] body: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidateExecutionRequestOptions")] options: JsValue,
) -> JsResult<()> {
    let kind = convert::option(&options, "kind", &["kind"])?;
    if kind.is_undefined() {
        return Err(Error::MissingField {
            path: "options.kind".into(),
        }
        .into());
    }
    let kind = match string(&kind, "options.kind")?.as_str() {
        "quote" => exec::RequestKind::Quote,
        "steps" => exec::RequestKind::Steps,
        other => {
            return Err(Error::InvalidType {
                path: "options.kind".into(),
                expected: "\"quote\" or \"steps\"".into(),
                actual: alloc::format!("{other:?}"),
            }
            .into())
        }
    };
    let body = convert::json_capped(&body, "body", "", convert::Cap::ExecutionRequest)?;
    Ok(exec::validate_execution_request(&body, kind)?)
}
