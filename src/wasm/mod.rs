//! The wasm-bindgen binding layer (feature `wasm`): convert, call one core
//! function, convert back. The core never imports from here.

// wasm-bindgen exports take their arguments by value.
#![allow(clippy::needless_pass_by_value)]

mod convert;
mod error;
mod types;

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::Array;
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::JsValue;

use self::convert::{byte_array, bytes, json, message, object, string, to_bytes, to_js};
use self::error::{js, JsResult};
use crate::encoding::{
    self, base58_encode, base64_encode, format_curve_bytes, parse_curve_bytes, Curve, PublicKey,
};
use crate::intent::{self, AccountKind, CheckOptions, Decoded, NonceInfo, Warning};
use crate::multi_payload::MultiPayload;
use crate::nep413::{self, Nep413Payload};
use crate::{ed25519, erc191, secp256k1, sep53, tip191, Error};

fn nep413_payload(v: &JsValue) -> crate::Result<Nep413Payload> {
    Nep413Payload::from_json(&json(v, "payload")?, "payload", true)
}

fn multi_payload(v: &JsValue) -> crate::Result<MultiPayload> {
    if v.is_string() {
        MultiPayload::parse(&string(v, "multiPayload")?)
    } else {
        MultiPayload::from_json(&json(v, "multiPayload")?)
    }
}

fn warnings_js(warnings: &[Warning]) -> JsValue {
    to_js(&serde_json::to_value(warnings).unwrap_or(Value::Null))
}

// ---------------------------------------------------------------- encodings

/// Decodes hex (with or without `0x`) into bytes.
#[wasm_bindgen(js_name = hexToBytes)]
pub fn hex_to_bytes(
    #[wasm_bindgen(unchecked_param_type = "string")] hex: JsValue,
) -> JsResult<Vec<u8>> {
    js(string(&hex, "hex").and_then(|s| encoding::hex_decode(&s).map_err(|e| e.at("hex"))))
}

/// Lowercase hex of bytes, without a `0x` prefix.
#[wasm_bindgen(js_name = bytesToHex)]
pub fn bytes_to_hex(
    #[wasm_bindgen(js_name = bytes, unchecked_param_type = "Uint8Array")] bytes_: JsValue,
) -> JsResult<String> {
    js(bytes(&bytes_, "bytes").map(|b| encoding::hex_encode(&b)))
}

/// The implicit NEAR account id of a `"<curve>:<base58>"` public key.
#[wasm_bindgen(js_name = implicitAccountId)]
pub fn implicit_account_id(
    #[wasm_bindgen(js_name = publicKey, unchecked_param_type = "string")] public_key: JsValue,
) -> JsResult<String> {
    js(string(&public_key, "publicKey").and_then(|s| {
        PublicKey::parse(&s)
            .map(|k| k.implicit_account_id())
            .map_err(|e| e.at("publicKey"))
    }))
}

// ------------------------------------------------------------------ erc191

/// The exact ERC-191 bytes: `"\x19Ethereum Signed Message:\n" ‖ byte length ‖ message`.
#[wasm_bindgen(js_name = erc191Preimage)]
pub fn erc191_preimage(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
) -> JsResult<Vec<u8>> {
    js(message(&message_, "message").map(|m| erc191::preimage(&m)))
}

/// keccak256 of the ERC-191 preimage (32 bytes): what the wallet signs.
#[wasm_bindgen(js_name = erc191Hash)]
pub fn erc191_hash(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
) -> JsResult<Vec<u8>> {
    js(message(&message_, "message").map(|m| erc191::hash(&m).to_vec()))
}

fn recover_with(
    f: fn(&[u8], &[u8; 65]) -> crate::Result<erc191::Recovered>,
    message_: &JsValue,
    signature: &JsValue,
) -> JsResult<String> {
    js((|| {
        let m = message(message_, "message")?;
        let sig = byte_array::<65>(signature, "signature")?;
        let rec = f(&m, &sig).map_err(|e| e.at("signature"))?;
        Ok(secp256k1::checksum_address(&rec.address))
    })())
}

/// Recovers the EIP-55 address that signed `message` (v may be 0, 1, 27 or 28).
#[wasm_bindgen(js_name = erc191Recover)]
pub fn erc191_recover(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: JsValue,
) -> JsResult<String> {
    recover_with(erc191::recover, &message_, &signature)
}

/// Signs `message` as `personal_sign` does: 65 bytes r ‖ s ‖ v with v ∈ {0, 1}.
#[wasm_bindgen(js_name = erc191Sign)]
pub fn erc191_sign(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
    #[wasm_bindgen(js_name = secretKey, unchecked_param_type = "Uint8Array")] secret_key: JsValue,
) -> JsResult<Vec<u8>> {
    js((|| {
        let m = message(&message_, "message")?;
        let sk = byte_array::<32>(&secret_key, "secretKey")?;
        erc191::sign(&m, &sk)
            .map(|s| s.to_vec())
            .map_err(|e| e.at("secretKey"))
    })())
}

// ------------------------------------------------------------------ tip191

/// The exact TIP-191 bytes: `"\x19TRON Signed Message:\n" ‖ byte length ‖ message`.
#[wasm_bindgen(js_name = tip191Preimage)]
pub fn tip191_preimage(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
) -> JsResult<Vec<u8>> {
    js(message(&message_, "message").map(|m| tip191::preimage(&m)))
}

/// keccak256 of the TIP-191 preimage (32 bytes).
#[wasm_bindgen(js_name = tip191Hash)]
pub fn tip191_hash(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
) -> JsResult<Vec<u8>> {
    js(message(&message_, "message").map(|m| tip191::hash(&m).to_vec()))
}

/// Recovers the EIP-55 form of the address that signed `message` under TIP-191.
#[wasm_bindgen(js_name = tip191Recover)]
pub fn tip191_recover(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: JsValue,
) -> JsResult<String> {
    recover_with(tip191::recover, &message_, &signature)
}

// ------------------------------------------------------------------ nep413

/// The exact NEP-413 bytes: borsh(2147484061u32) ‖ borsh(payload).
#[wasm_bindgen(js_name = nep413Preimage)]
pub fn nep413_preimage(
    #[wasm_bindgen(unchecked_param_type = "Nep413Payload")] payload: JsValue,
) -> JsResult<Vec<u8>> {
    js(nep413_payload(&payload).and_then(|p| nep413::preimage(&p)))
}

/// sha256 of the NEP-413 preimage (32 bytes): what the key signs.
#[wasm_bindgen(js_name = nep413Hash)]
pub fn nep413_hash(
    #[wasm_bindgen(unchecked_param_type = "Nep413Payload")] payload: JsValue,
) -> JsResult<Vec<u8>> {
    js(nep413_payload(&payload).and_then(|p| nep413::hash(&p).map(|h| h.to_vec())))
}

/// Verifies a NEP-413 signature (`"ed25519:<base58>"`) by a key (`"ed25519:<base58>"`).
#[wasm_bindgen(js_name = nep413Verify)]
pub fn nep413_verify(
    #[wasm_bindgen(unchecked_param_type = "Nep413Payload")] payload: JsValue,
    #[wasm_bindgen(js_name = publicKey, unchecked_param_type = "string")] public_key: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] signature: JsValue,
) -> JsResult<bool> {
    js((|| {
        let p = nep413_payload(&payload)?;
        let pk: [u8; 32] = parse_curve_bytes(&string(&public_key, "publicKey")?, Curve::Ed25519)
            .map_err(|e| e.at("publicKey"))?;
        let sig: [u8; 64] = parse_curve_bytes(&string(&signature, "signature")?, Curve::Ed25519)
            .map_err(|e| e.at("signature"))?;
        nep413::verify(&p, &pk, &sig)
    })())
}

/// Signs a NEP-413 payload with a 32-byte Ed25519 seed; returns `"ed25519:<base58>"`.
#[wasm_bindgen(js_name = nep413Sign)]
pub fn nep413_sign(
    #[wasm_bindgen(unchecked_param_type = "Nep413Payload")] payload: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] seed: JsValue,
) -> JsResult<String> {
    js((|| {
        let p = nep413_payload(&payload)?;
        let seed = byte_array::<32>(&seed, "seed")?;
        nep413::sign(&p, &seed).map(|s| format_curve_bytes(Curve::Ed25519, &s))
    })())
}

// ------------------------------------------------------------------- sep53

/// sha256("Stellar Signed Message:\n" ‖ message): what the Stellar key signs.
#[wasm_bindgen(js_name = sep53Hash)]
pub fn sep53_hash(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
) -> JsResult<Vec<u8>> {
    js(message(&message_, "message").map(|m| sep53::hash(&m).to_vec()))
}

// ----------------------------------------------------------------- ed25519

/// Strict Ed25519 verification (weak keys rejected) of `message` itself.
#[wasm_bindgen(js_name = ed25519Verify)]
pub fn ed25519_verify(
    #[wasm_bindgen(js_name = publicKey, unchecked_param_type = "Uint8Array")] public_key: JsValue,
    #[wasm_bindgen(js_name = message, unchecked_param_type = "Uint8Array")] message_: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: JsValue,
) -> JsResult<bool> {
    js((|| {
        let pk = byte_array::<32>(&public_key, "publicKey")?;
        let m = bytes(&message_, "message")?;
        let sig = byte_array::<64>(&signature, "signature")?;
        Ok(ed25519::verify(&pk, &m, &sig))
    })())
}

/// Signs `message` itself with a 32-byte seed (64-byte signature).
#[wasm_bindgen(js_name = ed25519Sign)]
pub fn ed25519_sign(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "Uint8Array")] message_: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] seed: JsValue,
) -> JsResult<Vec<u8>> {
    js((|| {
        let m = bytes(&message_, "message")?;
        let seed = byte_array::<32>(&seed, "seed")?;
        Ok(ed25519::sign(&m, &seed).to_vec())
    })())
}

/// The 32-byte public key of a 32-byte seed.
#[wasm_bindgen(js_name = ed25519PublicKey)]
pub fn ed25519_public_key(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] seed: JsValue,
) -> JsResult<Vec<u8>> {
    js(byte_array::<32>(&seed, "seed").map(|s| ed25519::public_key(&s).to_vec()))
}

// ------------------------------------------------------------ MultiPayload

/// Verifies a `MultiPayload` (object or JSON text) as `intents.near` would.
/// A well-formed payload whose signature does not verify gives `valid: false`.
#[wasm_bindgen(js_name = verifyMultiPayload, unchecked_return_type = "MultiPayloadVerification")]
pub fn verify_multi_payload(
    #[wasm_bindgen(js_name = multiPayload, unchecked_param_type = "MultiPayload | string")]
    multi_payload_: JsValue,
) -> JsResult<JsValue> {
    let v = js(multi_payload(&multi_payload_).and_then(|mp| mp.verify()))?;
    Ok(object(&[
        ("valid", v.valid.into()),
        ("standard", v.standard.as_str().into()),
        (
            "publicKey",
            v.public_key.map_or(JsValue::NULL, |k| k.to_string().into()),
        ),
        ("signerId", v.signer_id.as_str().into()),
        ("intentHash", to_bytes(&v.intent_hash)),
        ("intentHashBase58", base58_encode(&v.intent_hash).into()),
        ("warnings", warnings_js(&v.warnings)),
    ]))
}

const CHECK_OPTIONS: &[&str] = &["verifyingContract", "now", "publicKey"];

fn check(decoded: &Decoded, options: &JsValue) -> crate::Result<Vec<Warning>> {
    let contract = convert::option(options, "verifyingContract", CHECK_OPTIONS)?;
    let contract = if contract.is_undefined() {
        None
    } else {
        Some(string(&contract, "options.verifyingContract")?)
    };
    let now = convert::opt_safe_integer(
        &convert::option(options, "now", CHECK_OPTIONS)?,
        "options.now",
    )?;
    let key = convert::option(options, "publicKey", CHECK_OPTIONS)?;
    let key = if key.is_undefined() {
        None
    } else {
        Some(
            PublicKey::parse(&string(&key, "options.publicKey")?)
                .map_err(|e| e.at("options.publicKey"))?,
        )
    };
    decoded.check(&CheckOptions {
        verifying_contract: contract.as_deref(),
        now_unix_nanos: now.map(|ms| i128::from(ms) * 1_000_000),
        public_key: key.as_ref(),
    })
}

fn decoded_js(decoded: &Decoded, extra: &[Warning]) -> JsValue {
    let m = &decoded.message;
    let nonce_info = match m.nonce_info {
        NonceInfo::Legacy => object(&[("version", "legacy".into())]),
        NonceInfo::V1 {
            salt,
            deadline_nanos,
            random,
        } => object(&[
            ("version", "v1".into()),
            ("salt", encoding::hex_encode(&salt).into()),
            ("deadlineNs", alloc::format!("{deadline_nanos}").into()),
            ("random", encoding::hex_encode(&random).into()),
        ]),
    };
    let intents = Array::new();
    for i in &m.intents {
        let item = match i {
            // Wrapped, so that `intent` stays a discriminant of known kinds.
            intent::Intent::Unknown(raw) => object(&[
                ("intent", "unknown".into()),
                ("kind", i.kind().into()),
                ("raw", to_js(raw)),
            ]),
            known => to_js(&known.to_json()),
        };
        intents.push(&item);
    }
    let kind = match intent::account_kind(&m.signer_id) {
        AccountKind::NearImplicit => "near_implicit",
        AccountKind::EthImplicit => "eth_implicit",
        AccountKind::Named => "named",
    };
    let review =
        crate::intent_review::review_intents(m, &crate::intent_review::IntentContext::default());
    let mut warnings = decoded.warnings.clone();
    warnings.extend_from_slice(extra);
    warnings.extend(review.warnings);
    warnings.sort_by_key(|w| w.severity);
    // RFC 3339 deadlines lie within years 0..=9999: |ms| < 2^53, exact in f64.
    #[allow(clippy::as_conversions, clippy::cast_precision_loss)]
    let deadline_ms = (m.deadline.unix_nanos / 1_000_000) as f64;
    object(&[
        ("signerId", m.signer_id.as_str().into()),
        ("signerKind", kind.into()),
        ("verifyingContract", m.verifying_contract.as_str().into()),
        ("deadline", m.deadline.text.as_str().into()),
        ("deadlineMs", deadline_ms.into()),
        ("nonce", base64_encode(&m.nonce).into()),
        ("nonceInfo", nonce_info),
        ("intents", intents.into()),
        (
            "entries",
            to_js(&serde_json::to_value(&review.entries).unwrap_or(Value::Null)),
        ),
        ("warnings", warnings_js(&warnings)),
    ])
}

/// Decodes the intent message inside a `MultiPayload` (object or JSON text)
/// and runs the optional context checks.
#[wasm_bindgen(js_name = decodeIntent, unchecked_return_type = "DecodedIntent")]
pub fn decode_intent(
    #[wasm_bindgen(js_name = multiPayload, unchecked_param_type = "MultiPayload | string")]
    multi_payload_: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "IntentCheckOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    js((|| {
        let decoded = multi_payload(&multi_payload_)?.decode_intent()?;
        let extra = check(&decoded, &options)?;
        Ok(decoded_js(&decoded, &extra))
    })())
}

/// Decodes an intent message: a `DefusePayload` JSON string (erc191, tip191,
/// `raw_ed25519`, sep53) or a NEP-413 payload object; runs the optional checks.
#[wasm_bindgen(js_name = decodeIntentMessage, unchecked_return_type = "DecodedIntent")]
pub fn decode_intent_message(
    #[wasm_bindgen(unchecked_param_type = "string | Nep413Payload")] payload: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "IntentCheckOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    js((|| {
        let decoded = if payload.is_string() {
            intent::decode(&string(&payload, "payload")?)?
        } else {
            intent::decode_nep413(&nep413_payload(&payload)?)?
        };
        let extra = check(&decoded, &options)?;
        Ok(decoded_js(&decoded, &extra))
    })())
}

// --------------------------------------------------------------------- abi

fn string_map(v: &JsValue, path: &str) -> crate::Result<crate::abi::Placeholders> {
    let mut out = crate::abi::Placeholders::new();
    if v.is_undefined() || v.is_null() {
        return Ok(out);
    }
    let Value::Object(map) = json(v, path)? else {
        return Err(Error::InvalidType {
            path: path.into(),
            expected: "an object of strings".into(),
            actual: convert::type_name(v),
        });
    };
    for (k, value) in map {
        let Value::String(s) = value else {
            return Err(Error::InvalidType {
                path: crate::error::join_path(path, &k),
                expected: "a string".into(),
                actual: crate::json::type_name(&value).into(),
            });
        };
        out.insert(k, s);
    }
    Ok(out)
}

fn parameters(v: &JsValue, sig: &crate::abi::FunctionSig) -> crate::Result<Vec<Value>> {
    match convert::json_capped(v, "parameters", "parameters", convert::Cap::Params(sig))? {
        Value::Array(items) => Ok(items),
        other => Err(Error::InvalidType {
            path: "parameters".into(),
            expected: "an array".into(),
            actual: crate::json::type_name(&other).into(),
        }),
    }
}

std::thread_local! {
    /// Parsed signatures of the last calls (bounded; see `abi::SignatureCache`).
    static SIGNATURES: core::cell::RefCell<crate::abi::SignatureCache> =
        core::cell::RefCell::new(crate::abi::SignatureCache::default());
    /// The last signature as the JS string it came as: the same string again
    /// (`===`, compared in JS) needs no copy into wasm.
    static LAST_SIGNATURE: core::cell::RefCell<Option<(JsValue, alloc::rc::Rc<crate::abi::FunctionSig>)>> =
        const { core::cell::RefCell::new(None) };
}

fn cached_signature(signature: &JsValue) -> crate::Result<alloc::rc::Rc<crate::abi::FunctionSig>> {
    let last = LAST_SIGNATURE.with(|l| {
        l.try_borrow().ok().and_then(|l| {
            l.as_ref()
                .filter(|(text, _)| signature.is_string() && text == signature)
                .map(|(_, sig)| alloc::rc::Rc::clone(sig))
        })
    });
    if let Some(sig) = last {
        return Ok(sig);
    }
    let text = string(signature, "functionSignature")?;
    let sig = SIGNATURES.with(|cache| match cache.try_borrow_mut() {
        Ok(mut cache) => cache.parse(&text),
        // Not reachable (no re-entrant calls); parse without the cache.
        Err(_) => crate::abi::FunctionSig::parse(&text).map(alloc::rc::Rc::new),
    })?;
    LAST_SIGNATURE.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            *l = Some((signature.clone(), alloc::rc::Rc::clone(&sig)));
        }
    });
    Ok(sig)
}

fn encode_with(
    sig: &crate::abi::FunctionSig,
    parameters_: &JsValue,
    options: Option<JsValue>,
) -> crate::Result<Vec<u8>> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let params = parameters(parameters_, sig)?;
    let placeholders = string_map(
        &convert::option(&options, "placeholders", &["placeholders"])?,
        "options.placeholders",
    )?;
    sig.encode(&params, &placeholders)
}

/// A parsed function signature, reusable for many calls: parse once, then
/// `encode`/`decode` without parsing or hashing the signature again.
/// (`abiEncodeCall`/`abiDecodeCall` also keep the last 32 signatures parsed.)
#[wasm_bindgen(js_name = AbiFunction)]
pub struct AbiFunction {
    sig: alloc::rc::Rc<crate::abi::FunctionSig>,
}

#[wasm_bindgen(js_class = AbiFunction)]
impl AbiFunction {
    /// Parses `transfer(address,uint256)` or `function transfer(address to, uint256 amount)`;
    /// `""` is a bare value transfer. Throws `INVALID_FUNCTION_SIGNATURE`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = functionSignature, unchecked_param_type = "string")]
        signature: JsValue,
    ) -> JsResult<AbiFunction> {
        js(cached_signature(&signature).map(|sig| AbiFunction { sig }))
    }

    /// The canonical signature, types only (`""` for a value transfer).
    #[wasm_bindgen(getter)]
    pub fn canonical(&self) -> String {
        self.sig.canonical()
    }

    /// The 4-byte selector, or `undefined` for a value transfer.
    #[wasm_bindgen(getter)]
    pub fn selector(&self) -> Option<Vec<u8>> {
        self.sig.selector().map(|s| s.to_vec())
    }

    /// As `abiEncodeCall(functionSignature, parameters, options)`.
    pub fn encode(
        &self,
        #[wasm_bindgen(js_name = parameters, unchecked_param_type = "StepParameter[]")]
        parameters_: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "AbiEncodeOptions")] options: Option<
            JsValue,
        >,
    ) -> JsResult<Vec<u8>> {
        js(encode_with(&self.sig, &parameters_, options))
    }

    /// As `abiDecodeCall(functionSignature, calldata)`.
    #[wasm_bindgen(unchecked_return_type = "StepParameter[]")]
    pub fn decode(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] calldata: JsValue,
    ) -> JsResult<JsValue> {
        js((|| {
            let data = bytes(&calldata, "calldata")?;
            Ok(to_js(&Value::Array(self.sig.decode(&data)?)))
        })())
    }
}

/// ABI-encodes a call: selector ‖ parameters. `""` is a bare value transfer (empty call data).
#[wasm_bindgen(js_name = abiEncodeCall)]
pub fn abi_encode_call(
    #[wasm_bindgen(js_name = functionSignature, unchecked_param_type = "string")]
    signature: JsValue,
    #[wasm_bindgen(js_name = parameters, unchecked_param_type = "StepParameter[]")]
    parameters_: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AbiEncodeOptions")] options: Option<JsValue>,
) -> JsResult<Vec<u8>> {
    js(cached_signature(&signature).and_then(|sig| encode_with(&sig, &parameters_, options)))
}

/// Decodes call data into parameters in the canonical string forms (decimal
/// integers, EIP-55 addresses, lowercase `0x` bytes), so that encoding them
/// gives the same bytes.
#[wasm_bindgen(js_name = abiDecodeCall, unchecked_return_type = "StepParameter[]")]
pub fn abi_decode_call(
    #[wasm_bindgen(js_name = functionSignature, unchecked_param_type = "string")]
    signature: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] calldata: JsValue,
) -> JsResult<JsValue> {
    js((|| {
        let sig = cached_signature(&signature)?;
        let data = bytes(&calldata, "calldata")?;
        Ok(to_js(&Value::Array(sig.decode(&data)?)))
    })())
}

/// The 4-byte selector of a function signature.
#[wasm_bindgen(js_name = functionSelector)]
pub fn function_selector(
    #[wasm_bindgen(js_name = functionSignature, unchecked_param_type = "string")]
    signature: JsValue,
) -> JsResult<Vec<u8>> {
    js((|| {
        let sig = cached_signature(&signature)?;
        sig.selector()
            .map(|s| s.to_vec())
            .ok_or(Error::InvalidFunctionSignature {
                path: "functionSignature".into(),
                reason: "a value transfer has no selector".into(),
            })
    })())
}

fn step_json(v: &JsValue, path: &str) -> crate::Result<Value> {
    // A list of steps ("steps", core paths `steps[i]…`) or one step (core paths from the step).
    if path == "steps" {
        convert::json_capped(v, path, path, convert::STEPS)
    } else {
        convert::json_capped(v, path, "", convert::Cap::Step)
    }
}

fn placeholders_js(list: &[(String, String)]) -> JsValue {
    list.iter()
        .map(|(path, p)| {
            object(&[
                ("path", path.as_str().into()),
                ("placeholder", p.as_str().into()),
            ])
        })
        .collect::<Array>()
        .into()
}

/// Every placeholder a step uses (`to`, `value` and parameters), with its path.
#[wasm_bindgen(js_name = stepPlaceholders, unchecked_return_type = "StepPlaceholder[]")]
pub fn step_placeholders(
    #[wasm_bindgen(unchecked_param_type = "EvmStep")] step: JsValue,
) -> JsResult<JsValue> {
    js((|| {
        let step = crate::step::validate_step(&step_json(&step, "step")?)?;
        let mut list = Vec::new();
        for (key, text) in [("to", &step.to), ("value", &step.value)] {
            if crate::abi::placeholder_name(text).is_some() {
                list.push((String::from(key), text.clone()));
            }
        }
        list.extend(crate::abi::find_placeholders(&step.parameters));
        Ok(placeholders_js(&list))
    })())
}

/// Checks a step against the API's 400 rules; throws a coded error if it breaks one.
#[wasm_bindgen(js_name = validateStep)]
pub fn validate_step(
    #[wasm_bindgen(unchecked_param_type = "EvmStep")] step: JsValue,
) -> JsResult<()> {
    js(step_json(&step, "step").and_then(|s| crate::step::validate_step(&s).map(|_| ())))
}

/// Checks a list of steps (at most 30) against the API's 400 rules.
#[wasm_bindgen(js_name = validateSteps)]
pub fn validate_steps(
    #[wasm_bindgen(unchecked_param_type = "EvmStep[]")] steps: JsValue,
) -> JsResult<()> {
    js(step_json(&steps, "steps").and_then(|s| crate::step::validate_steps(&s).map(|_| ())))
}

const REVIEW_OPTIONS: &[&str] = &["placeholders", "intermediary", "knownContracts"];

/// An optional array of addresses (`undefined` → empty).
fn address_list(v: &JsValue, path: &str) -> crate::Result<Vec<String>> {
    let mut out = Vec::new();
    if v.is_undefined() {
        return Ok(out);
    }
    let Value::Array(items) = json(v, path)? else {
        return Err(Error::InvalidType {
            path: path.into(),
            expected: "an array of addresses".into(),
            actual: convert::type_name(v),
        });
    };
    for (i, item) in items.iter().enumerate() {
        let item_path = alloc::format!("{path}[{i}]");
        let s = item.as_str().ok_or_else(|| Error::InvalidType {
            path: item_path.clone(),
            expected: "a string".into(),
            actual: crate::json::type_name(item).into(),
        })?;
        crate::abi::parse_address(s, &item_path)?;
        out.push(s.into());
    }
    Ok(out)
}

/// A list of account ids or addresses (what `Wallet::parse` reads).
fn recipient_list(v: &JsValue, path: &str) -> crate::Result<Vec<String>> {
    let mut out = Vec::new();
    if v.is_undefined() {
        return Ok(out);
    }
    let Value::Array(items) = json(v, path)? else {
        return Err(Error::InvalidType {
            path: path.into(),
            expected: "an array of accounts or addresses".into(),
            actual: convert::type_name(v),
        });
    };
    for (i, item) in items.iter().enumerate() {
        let item_path = alloc::format!("{path}[{i}]");
        let s = item.as_str().ok_or_else(|| Error::InvalidType {
            path: item_path.clone(),
            expected: "a string".into(),
            actual: crate::json::type_name(item).into(),
        })?;
        crate::execution::Wallet::parse(s).map_err(|e| e.with_path(item_path))?;
        out.push(s.into());
    }
    Ok(out)
}

fn review_options(options: &JsValue) -> crate::Result<crate::step::ReviewOptions> {
    let placeholders = string_map(
        &convert::option(options, "placeholders", REVIEW_OPTIONS)?,
        "options.placeholders",
    )?;
    let intermediary = convert::option(options, "intermediary", REVIEW_OPTIONS)?;
    let intermediary = if intermediary.is_undefined() {
        None
    } else {
        let s = string(&intermediary, "options.intermediary")?;
        crate::abi::parse_address(&s, "options.intermediary")?;
        Some(s)
    };
    let known_contracts = address_list(
        &convert::option(options, "knownContracts", REVIEW_OPTIONS)?,
        "options.knownContracts",
    )?;
    Ok(crate::step::ReviewOptions {
        placeholders,
        intermediary,
        known_contracts,
    })
}

fn review_js(r: &crate::step::StepReview) -> JsValue {
    let arguments = serde_json::to_value(&r.arguments).unwrap_or(Value::Null);
    let warnings = serde_json::to_value(&r.warnings).unwrap_or(Value::Null);
    object(&[
        ("to", r.to.as_str().into()),
        ("value", r.value.as_str().into()),
        (
            "selector",
            r.selector
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str),
        ),
        ("functionName", r.function_name.as_str().into()),
        ("signature", r.signature.as_str().into()),
        ("arguments", to_js(&arguments)),
        (
            "calldata",
            r.calldata.as_deref().map_or(JsValue::NULL, to_bytes),
        ),
        ("placeholders", placeholders_js(&r.placeholders)),
        ("warnings", to_js(&warnings)),
    ])
}

/// Validates a step and explains it: function, arguments, call data and warnings.
#[wasm_bindgen(js_name = reviewStep, unchecked_return_type = "StepReview")]
pub fn review_step(
    #[wasm_bindgen(unchecked_param_type = "EvmStep")] step: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StepReviewOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    js((|| {
        let opts = review_options(&options)?;
        let r = crate::step::review_step(&step_json(&step, "step")?, &opts)?;
        Ok(review_js(&r))
    })())
}

/// Reviews every step (at most 30); paths in errors start at `steps[i]`.
#[wasm_bindgen(js_name = reviewSteps, unchecked_return_type = "StepReview[]")]
pub fn review_steps(
    #[wasm_bindgen(unchecked_param_type = "EvmStep[]")] steps: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StepReviewOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    js((|| {
        let opts = review_options(&options)?;
        let list = step_json(&steps, "steps")?;
        crate::step::validate_steps(&list)?;
        let Value::Array(items) = list else {
            return Ok(JsValue::NULL);
        };
        let out = Array::new();
        for (i, item) in items.iter().enumerate() {
            let r = crate::step::review_step(item, &opts)
                .map_err(|e| e.at(&alloc::format!("steps[{i}]")))?;
            out.push(&review_js(&r));
        }
        Ok(out.into())
    })())
}

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
    js((|| {
        let t = typed_data(&typed)?;
        let name = string(&type_name, "typeName")?;
        let v = convert::json_with_bigint(&value, "value")?;
        t.hash_struct(&name, &v).map(|h| h.to_vec())
    })())
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
    js((|| {
        let t = typed_data(&typed)?;
        let sig = byte_array::<65>(&signature, "signature")?;
        let address = t.recover(&sig).map_err(|e| e.at("signature"))?;
        Ok(secp256k1::checksum_address(&address))
    })())
}

/// Signs typed data as `eth_signTypedData_v4` does: 65 bytes, v 27/28.
#[wasm_bindgen(js_name = eip712Sign)]
pub fn eip712_sign(
    #[wasm_bindgen(js_name = typedData, unchecked_param_type = "TypedDataDefinition | string")]
    typed: JsValue,
    #[wasm_bindgen(js_name = secretKey, unchecked_param_type = "Uint8Array")] secret_key: JsValue,
) -> JsResult<Vec<u8>> {
    js((|| {
        let t = typed_data(&typed)?;
        let sk = byte_array::<32>(&secret_key, "secretKey")?;
        t.sign(&sk)
            .map(|s| s.to_vec())
            .map_err(|e| e.at("secretKey"))
    })())
}

fn permit2_js(b: &crate::permit2::Built) -> JsValue {
    let warnings = serde_json::to_value(&b.warnings).unwrap_or(Value::Null);
    object(&[
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
        ("warnings", to_js(&warnings)),
    ])
}

fn permit2_with(
    f: fn(&Value) -> crate::Result<crate::permit2::Built>,
    args: &JsValue,
) -> JsResult<JsValue> {
    js(convert::json_capped(args, "args", "args", convert::PERMIT2_ARGS).and_then(|a| f(&a)))
        .map(|b| permit2_js(&b))
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
    js((|| {
        let p = convert::json_with_bigint(&params, "paramsToSign")?;
        let a = convert::json_with_bigint(&args, "args")?;
        crate::permit2::from_params_to_sign(&p, &a)
    })())
    .map(|b| permit2_js(&b))
}

/// `{approval_type: "permit2", signed_data: "0x…"}` with v as 27/28, as Permit2 needs.
#[wasm_bindgen(js_name = permit2ApprovalBody, unchecked_return_type = "Permit2ApprovalBody")]
pub fn permit2_approval_body(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: JsValue,
) -> JsResult<JsValue> {
    js((|| {
        let sig = byte_array::<65>(&signature, "signature")?;
        crate::permit2::approval_body(&sig).map_err(|e| e.at("signature"))
    })())
    .map(|v| to_js(&v))
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
    let options = options.unwrap_or(JsValue::UNDEFINED);
    js((|| {
        const KEYS: &[&str] = &["now", "knownSpenders", "expectedChainId"];
        let now =
            convert::opt_safe_integer(&convert::option(&options, "now", KEYS)?, "options.now")?;
        if now.is_some_and(|ms| ms < 0) {
            return Err(Error::InvalidNumber {
                path: "options.now".into(),
                reason: "a time before 1970".into(),
            });
        }
        let known = convert::option(&options, "knownSpenders", KEYS)?;
        let mut known_spenders = Vec::new();
        if !known.is_undefined() {
            let Value::Array(items) = json(&known, "options.knownSpenders")? else {
                return Err(Error::InvalidType {
                    path: "options.knownSpenders".into(),
                    expected: "an array of addresses".into(),
                    actual: convert::type_name(&known),
                });
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
            Some(crate::step::uint_value(&v).ok_or_else(|| {
                Error::InvalidNumber {
                    path: path.into(),
                    reason:
                        "expected a chain id: a safe integer, a bigint, or a decimal or 0x string"
                            .into(),
                }
            })?)
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
        let warnings = serde_json::to_value(&r.warnings).unwrap_or(Value::Null);
        Ok(object(&[
            ("lines", to_js(&Value::from(r.lines))),
            ("warnings", to_js(&warnings)),
        ]))
    })())
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
    js((|| {
        let a = authorization(&authorization_)?;
        let sig = byte_array::<65>(&signature, "signature")?;
        let address = a.recover(&sig).map_err(|e| e.at("signature"))?;
        Ok(secp256k1::checksum_address(&address))
    })())
}

/// Signs an authorization: `{chainId, address, nonce, r, s, yParity}`.
#[wasm_bindgen(js_name = eip7702Sign, unchecked_return_type = "Eip7702SignedAuthorization")]
pub fn eip7702_sign(
    #[wasm_bindgen(js_name = authorization, unchecked_param_type = "Eip7702Authorization")]
    authorization_: JsValue,
    #[wasm_bindgen(js_name = secretKey, unchecked_param_type = "Uint8Array")] secret_key: JsValue,
) -> JsResult<JsValue> {
    js((|| {
        let a = authorization(&authorization_)?;
        let sk = byte_array::<32>(&secret_key, "secretKey")?;
        let signed = a.sign(&sk).map_err(|e| e.at("secretKey"))?;
        Ok(to_js(&serde_json::to_value(&signed).unwrap_or(Value::Null)))
    })())
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
    let options = options.unwrap_or(JsValue::UNDEFINED);
    js((|| {
        const KEYS: &[&str] = &["knownDelegates"];
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
        Ok(to_js(
            &serde_json::to_value(warnings).unwrap_or(Value::Null),
        ))
    })())
}

// ------------------------------------------------------ execution flow

use crate::execution::{
    self as exec, FinishInput, SignatureInput, Wallet, WalletOutput, WalletRequest,
};

fn wallet_request_js(r: &WalletRequest) -> JsValue {
    match r {
        WalletRequest::PersonalSign { message, address } => object(&[
            ("method", "personal_sign".into()),
            (
                "params",
                [JsValue::from_str(message), JsValue::from_str(address)]
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
    js((|| {
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
            });
        }
        let wallet = string(&wallet, "options.wallet")?;
        let now =
            convert::opt_safe_integer(&convert::option(&options, "now", KEYS)?, "options.now")?;
        let contract = convert::option(&options, "verifyingContract", KEYS)?;
        let contract = if contract.is_undefined() {
            String::from("intents.near")
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
        crate::execution::Wallet::parse(&wallet).map_err(|e| match e {
            Error::InvalidWallet { reason, .. } => Error::InvalidWallet {
                path: "options.wallet".into(),
                reason,
            },
            other => other,
        })?;
        let r = exec::prepare_signing(
            &value,
            &exec::PrepareOptions {
                wallet: &wallet,
                now_ms: now,
                verifying_contract: &contract,
                known_contracts: &known_contracts,
                known_recipients: &known_recipients,
            },
        )?;
        let steps: Array = r.steps.iter().map(review_js).collect();
        let review = to_js(&Value::from(r.review.clone()));
        let warnings = to_js(&serde_json::to_value(&r.warnings).unwrap_or(Value::Null));
        Ok(object(&[
            ("standard", r.standard.as_str().into()),
            ("executionId", r.execution_id.as_str().into()),
            ("wallet", r.wallet.display().into()),
            ("signerId", r.wallet.signer_id().into()),
            ("walletRequest", wallet_request_js(&r.wallet_request)),
            ("payloadJson", r.payload_json.as_str().into()),
            ("intent", decoded_js(&r.intent, &[])),
            ("intentHash", to_bytes(&r.intent_hash)),
            ("intentHashBase58", base58_encode(&r.intent_hash).into()),
            ("steps", steps.into()),
            ("quote", r.quote.as_ref().map_or(JsValue::NULL, to_js)),
            (
                "quoteMatches",
                r.quote_matches.map_or(JsValue::NULL, JsValue::from_bool),
            ),
            (
                "entries",
                to_js(&serde_json::to_value(&r.entries).unwrap_or(Value::Null)),
            ),
            ("review", review),
            ("warnings", warnings),
        ]))
    })())
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
    if standard != wallet.standard() {
        return Err(Error::WalletMismatch {
            path: "request.wallet".into(),
            reason: alloc::format!("{} does not sign {standard}", wallet.display()),
        });
    }
    Ok(FinishInput {
        standard,
        execution_id,
        wallet,
        payload_json,
        nep413,
    })
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
    let mp: Value = serde_json::from_str(&f.multi_payload.to_json()).unwrap_or(Value::Null);
    Ok(object(&[
        ("submitBody", to_js(&f.submit_body)),
        ("multiPayload", to_js(&mp)),
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
    js((|| {
        let id = string(&execution_id, "executionId")?;
        if id.is_empty() {
            return Err(Error::InvalidType {
                path: "executionId".into(),
                expected: "a non-empty execution id".into(),
                actual: "an empty string".into(),
            });
        }
        let wallet = string(&wallet, "wallet")?;
        let nonce = convert::option(&options, "nonce", &["nonce"])?;
        let nonce = if nonce.is_undefined() {
            match Wallet::parse(&wallet)? {
                Wallet::Near(_) => Some(random_nonce()?),
                _ => None,
            }
        } else {
            Some(byte_array::<32>(&nonce, "options.nonce")?)
        };
        let (input, request) = exec::delete_request(&id, &wallet, nonce)?;
        Ok(object(&[
            ("standard", input.standard.as_str().into()),
            ("executionId", input.execution_id.as_str().into()),
            ("wallet", input.wallet.display().into()),
            ("message", input.payload_json.as_str().into()),
            ("payloadJson", input.payload_json.as_str().into()),
            ("walletRequest", wallet_request_js(&request)),
        ]))
    })())
}

/// Verifies the wallet's delete signature and builds the DELETE body.
#[wasm_bindgen(js_name = finishDeleteSigning, unchecked_return_type = "DeleteBody")]
pub fn finish_delete_signing(
    #[wasm_bindgen(unchecked_param_type = "DeleteRequest")] request: JsValue,
    #[wasm_bindgen(js_name = walletOutput, unchecked_param_type = "WalletOutput")] output: JsValue,
) -> JsResult<JsValue> {
    js((|| {
        let input = finish_input(&request)?;
        let out = wallet_output(&output)?;
        exec::finish_delete(&input, &out).map_err(|e| e.at("walletOutput"))
    })())
    .map(|v| to_js(&v))
}

/// Checks a create-execution body against the API's 400 rules.
#[wasm_bindgen(js_name = validateExecutionRequest)]
pub fn validate_execution_request(
    #[wasm_bindgen(unchecked_param_type = "CreateExecutionRequest")] body: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidateExecutionRequestOptions")] options: JsValue,
) -> JsResult<()> {
    js((|| {
        let kind = convert::option(&options, "kind", &["kind"])?;
        if kind.is_undefined() {
            return Err(Error::MissingField {
                path: "options.kind".into(),
            });
        }
        let kind = match string(&kind, "options.kind")?.as_str() {
            "quote" => exec::RequestKind::Quote,
            "steps" => exec::RequestKind::Steps,
            other => {
                return Err(Error::InvalidType {
                    path: "options.kind".into(),
                    expected: "\"quote\" or \"steps\"".into(),
                    actual: alloc::format!("{other:?}"),
                })
            }
        };
        let body = convert::json_capped(&body, "body", "", convert::Cap::ExecutionRequest)?;
        exec::validate_execution_request(&body, kind)
    })())
}

// ------------------------------------------------------------------- meta

/// Crate version, git commit and Rust version of this build.
#[wasm_bindgen(js_name = buildInfo, unchecked_return_type = "BuildInfo")]
#[must_use]
pub fn build_info() -> JsValue {
    object(&[
        ("version", env!("CARGO_PKG_VERSION").into()),
        ("gitHead", env!("INTENT_SIGNER_GIT_HEAD").into()),
        ("rustc", env!("INTENT_SIGNER_RUSTC").into()),
    ])
}

/// Every error code, as the `ErrorCode` type lists them.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCode[]")]
#[must_use]
pub fn error_codes() -> JsValue {
    Error::CODES
        .iter()
        .map(|c| JsValue::from_str(c))
        .collect::<Array>()
        .into()
}
