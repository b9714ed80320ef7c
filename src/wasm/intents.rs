//! The intents wing in JS: `MultiPayload` verification and the decoded intent with its review.

use alloc::vec::Vec;

use js_sys::Array;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::convert::warnings_js;
use super::convert::{self, object, string, to_bytes, to_js};
use super::error::{js, JsResult};
use super::{multi_payload, nep413_payload};
use crate::encoding::{self, base58_encode, base64_encode, PublicKey};
use crate::intent::{self, AccountKind, CheckOptions, Decoded, NonceInfo, Warning};

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
        ("warnings", warnings_js(&v.warnings)?),
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

/// The decoded intent as JS. `reviewed`: the entries of a review already made
/// with more context (the flow's, with its quote); then only the decoder's
/// findings are added here, the review's being the caller's. Otherwise the
/// intents are reviewed here, without context.
pub(super) fn decoded_js(
    decoded: &Decoded,
    extra: &[Warning],
    reviewed: Option<&[crate::review::Entry]>,
) -> crate::Result<JsValue> {
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
    let mut warnings = decoded.warnings.clone();
    warnings.extend_from_slice(extra);
    let entries = if let Some(entries) = reviewed {
        convert::entries_js(entries)?
    } else {
        let review = crate::intent_review::review_intents(
            m,
            &crate::intent_review::IntentContext::default(),
        );
        warnings.extend(review.warnings);
        convert::entries_js(&review.entries)?
    };
    warnings.sort_by_key(|w| w.severity);
    // RFC 3339 deadlines lie within years 0..=9999: |ms| < 2^53, exact in f64.
    #[allow(clippy::as_conversions, clippy::cast_precision_loss)]
    let deadline_ms = (m.deadline.unix_nanos / 1_000_000) as f64;
    Ok(object(&[
        ("signerId", m.signer_id.as_str().into()),
        ("signerKind", kind.into()),
        ("verifyingContract", m.verifying_contract.as_str().into()),
        ("deadline", m.deadline.text.as_str().into()),
        ("deadlineMs", deadline_ms.into()),
        ("nonce", base64_encode(&m.nonce).into()),
        ("nonceInfo", nonce_info),
        ("intents", intents.into()),
        ("entries", entries),
        ("warnings", warnings_js(&warnings)?),
    ]))
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
    let decoded = multi_payload(&multi_payload_)?.decode_intent()?;
    let extra = check(&decoded, &options)?;
    Ok(decoded_js(&decoded, &extra, None)?)
}

/// Decodes an intent message: a `DefusePayload` JSON string (erc191, tip191,
/// `raw_ed25519`, sep53) or a NEP-413 payload object; runs the optional checks.
#[wasm_bindgen(js_name = decodeIntentMessage, unchecked_return_type = "DecodedIntent")]
pub fn decode_intent_message(
    #[wasm_bindgen(unchecked_param_type = "string | Nep413Payload")] payload: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "IntentCheckOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let decoded = if payload.is_string() {
        intent::decode(&string(&payload, "payload")?)?
    } else {
        intent::decode_nep413(&nep413_payload(&payload)?)?
    };
    let extra = check(&decoded, &options)?;
    Ok(decoded_js(&decoded, &extra, None)?)
}
