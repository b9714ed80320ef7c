//! The wasm-bindgen binding layer (feature `wasm`): convert, call one core
//! function, convert back. The core never imports from here.

// wasm-bindgen exports take their arguments by value.
#![allow(clippy::needless_pass_by_value)]

// One binding file per wing, each built with its wing.
#[cfg(feature = "connect")]
mod connect;
mod convert;
mod error;
#[cfg(feature = "evm")]
mod evm;
#[cfg(feature = "intents")]
mod intents;
#[cfg(any(feature = "ed25519", feature = "secp256k1"))]
mod standards;
#[cfg(feature = "evm")]
mod typed_data;
mod types;

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::Array;
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use self::convert::{bytes, json, object, string};
use self::error::{js, JsResult};
use crate::encoding::{self, PublicKey};
#[cfg(feature = "intents")]
use crate::multi_payload::MultiPayload;
use crate::nep413::Nep413Payload;
use crate::Error;

#[cfg_attr(not(any(feature = "intents", feature = "ed25519")), allow(dead_code))]
fn nep413_payload(v: &JsValue) -> crate::Result<Nep413Payload> {
    Nep413Payload::from_json(&json(v, "payload")?, "payload", true)
}

#[cfg(feature = "intents")]
fn multi_payload(v: &JsValue) -> crate::Result<MultiPayload> {
    if v.is_string() {
        MultiPayload::parse(&string(v, "multiPayload")?)
    } else {
        MultiPayload::from_json(&json(v, "multiPayload")?)
    }
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

#[cfg(feature = "evm")]
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

/// An optional array of strings (`undefined` → empty), each checked by `check`
/// at its own path.
#[cfg(feature = "evm")]
fn checked_list(
    v: &JsValue,
    path: &str,
    expected: &str,
    check: impl Fn(&str, &str) -> crate::Result<()>,
) -> crate::Result<Vec<String>> {
    let mut out = Vec::new();
    if v.is_undefined() {
        return Ok(out);
    }
    let Value::Array(items) = json(v, path)? else {
        return Err(Error::InvalidType {
            path: path.into(),
            expected: expected.into(),
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
        check(s, &item_path)?;
        out.push(s.into());
    }
    Ok(out)
}

/// An optional array of addresses (`undefined` → empty).
#[cfg(feature = "evm")]
fn address_list(v: &JsValue, path: &str) -> crate::Result<Vec<String>> {
    checked_list(v, path, "an array of addresses", |s, at| {
        crate::abi::parse_address(s, at).map(|_| ())
    })
}

/// A list of account ids or addresses (what `Wallet::parse` reads).
#[cfg(feature = "connect")]
fn recipient_list(v: &JsValue, path: &str) -> crate::Result<Vec<String>> {
    checked_list(v, path, "an array of accounts or addresses", |s, at| {
        crate::execution::Wallet::parse(s)
            .map(|_| ())
            .map_err(|e| e.with_path(at.into()))
    })
}
