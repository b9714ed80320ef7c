//! The standards wing in JS: preimages, hashes, recovery, signing. The
//! secp256k1 standards (erc191, tip191) come with the `secp256k1` feature, the
//! Ed25519 ones (nep413, sep53, raw ed25519) with `ed25519`, so that each
//! package entry exports the standards of its wing under the same names.

use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::convert::{byte_array, message};
#[cfg(feature = "ed25519")]
use super::convert::{bytes, string};
use super::error::{js, JsResult};
#[cfg(feature = "ed25519")]
use super::nep413_payload;
#[cfg(feature = "ed25519")]
use crate::encoding::{format_curve_bytes, parse_curve_bytes, Curve};
#[cfg(feature = "ed25519")]
use crate::nep413::{self};
#[cfg(feature = "ed25519")]
use crate::{ed25519, sep53};
#[cfg(feature = "secp256k1")]
use crate::{erc191, secp256k1, tip191};

// ------------------------------------------------------------------ erc191

/// The exact ERC-191 bytes: `"\x19Ethereum Signed Message:\n" ‖ byte length ‖ message`.
#[cfg(feature = "secp256k1")]
#[wasm_bindgen(js_name = erc191Preimage)]
pub fn erc191_preimage(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
) -> JsResult<Vec<u8>> {
    js(message(&message_, "message").map(|m| erc191::preimage(&m)))
}

/// keccak256 of the ERC-191 preimage (32 bytes): what the wallet signs.
#[cfg(feature = "secp256k1")]
#[wasm_bindgen(js_name = erc191Hash)]
pub fn erc191_hash(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
) -> JsResult<Vec<u8>> {
    js(message(&message_, "message").map(|m| erc191::hash(&m).to_vec()))
}

#[cfg(feature = "secp256k1")]
fn recover_with(
    f: fn(&[u8], &[u8; 65]) -> crate::Result<erc191::Recovered>,
    message_: &JsValue,
    signature: &JsValue,
) -> JsResult<String> {
    let m = message(message_, "message")?;
    let sig = byte_array::<65>(signature, "signature")?;
    let rec = f(&m, &sig).map_err(|e| e.at("signature"))?;
    Ok(secp256k1::checksum_address(&rec.address))
}

/// Recovers the EIP-55 address that signed `message` (v may be 0, 1, 27 or 28).
#[cfg(feature = "secp256k1")]
#[wasm_bindgen(js_name = erc191Recover)]
pub fn erc191_recover(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: JsValue,
) -> JsResult<String> {
    recover_with(erc191::recover, &message_, &signature)
}

/// Signs `message` as `personal_sign` does: 65 bytes r ‖ s ‖ v with v ∈ {0, 1}.
#[cfg(feature = "secp256k1")]
#[wasm_bindgen(js_name = erc191Sign)]
pub fn erc191_sign(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
    #[wasm_bindgen(js_name = secretKey, unchecked_param_type = "Uint8Array")] secret_key: JsValue,
) -> JsResult<Vec<u8>> {
    let m = message(&message_, "message")?;
    let sk = byte_array::<32>(&secret_key, "secretKey")?;
    Ok(erc191::sign(&m, &sk)
        .map_err(|e| e.at("secretKey"))?
        .to_vec())
}

// ------------------------------------------------------------------ tip191

/// The exact TIP-191 bytes: `"\x19TRON Signed Message:\n" ‖ byte length ‖ message`.
#[cfg(feature = "secp256k1")]
#[wasm_bindgen(js_name = tip191Preimage)]
pub fn tip191_preimage(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
) -> JsResult<Vec<u8>> {
    js(message(&message_, "message").map(|m| tip191::preimage(&m)))
}

/// keccak256 of the TIP-191 preimage (32 bytes).
#[cfg(feature = "secp256k1")]
#[wasm_bindgen(js_name = tip191Hash)]
pub fn tip191_hash(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
) -> JsResult<Vec<u8>> {
    js(message(&message_, "message").map(|m| tip191::hash(&m).to_vec()))
}

/// Recovers the EIP-55 form of the address that signed `message` under TIP-191.
#[cfg(feature = "secp256k1")]
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
#[cfg(feature = "ed25519")]
#[wasm_bindgen(js_name = nep413Preimage)]
pub fn nep413_preimage(
    #[wasm_bindgen(unchecked_param_type = "Nep413Payload")] payload: JsValue,
) -> JsResult<Vec<u8>> {
    js(nep413_payload(&payload).and_then(|p| nep413::preimage(&p)))
}

/// sha256 of the NEP-413 preimage (32 bytes): what the key signs.
#[cfg(feature = "ed25519")]
#[wasm_bindgen(js_name = nep413Hash)]
pub fn nep413_hash(
    #[wasm_bindgen(unchecked_param_type = "Nep413Payload")] payload: JsValue,
) -> JsResult<Vec<u8>> {
    js(nep413_payload(&payload).and_then(|p| nep413::hash(&p).map(|h| h.to_vec())))
}

/// Verifies a NEP-413 signature (`"ed25519:<base58>"`) by a key (`"ed25519:<base58>"`).
#[cfg(feature = "ed25519")]
#[wasm_bindgen(js_name = nep413Verify)]
pub fn nep413_verify(
    #[wasm_bindgen(unchecked_param_type = "Nep413Payload")] payload: JsValue,
    #[wasm_bindgen(js_name = publicKey, unchecked_param_type = "string")] public_key: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] signature: JsValue,
) -> JsResult<bool> {
    let p = nep413_payload(&payload)?;
    let pk: [u8; 32] = parse_curve_bytes(&string(&public_key, "publicKey")?, Curve::Ed25519)
        .map_err(|e| e.at("publicKey"))?;
    let sig: [u8; 64] = parse_curve_bytes(&string(&signature, "signature")?, Curve::Ed25519)
        .map_err(|e| e.at("signature"))?;
    Ok(nep413::verify(&p, &pk, &sig)?)
}

/// Signs a NEP-413 payload with a 32-byte Ed25519 seed; returns `"ed25519:<base58>"`.
#[cfg(feature = "ed25519")]
#[wasm_bindgen(js_name = nep413Sign)]
pub fn nep413_sign(
    #[wasm_bindgen(unchecked_param_type = "Nep413Payload")] payload: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] seed: JsValue,
) -> JsResult<String> {
    let p = nep413_payload(&payload)?;
    let seed = byte_array::<32>(&seed, "seed")?;
    Ok(format_curve_bytes(
        Curve::Ed25519,
        &nep413::sign(&p, &seed)?,
    ))
}

// ------------------------------------------------------------------- sep53

/// sha256("Stellar Signed Message:\n" ‖ message): what the Stellar key signs.
#[cfg(feature = "ed25519")]
#[wasm_bindgen(js_name = sep53Hash)]
pub fn sep53_hash(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "string | Uint8Array")]
    message_: JsValue,
) -> JsResult<Vec<u8>> {
    js(message(&message_, "message").map(|m| sep53::hash(&m).to_vec()))
}

// ----------------------------------------------------------------- ed25519

/// Strict Ed25519 verification (weak keys rejected) of `message` itself.
#[cfg(feature = "ed25519")]
#[wasm_bindgen(js_name = ed25519Verify)]
pub fn ed25519_verify(
    #[wasm_bindgen(js_name = publicKey, unchecked_param_type = "Uint8Array")] public_key: JsValue,
    #[wasm_bindgen(js_name = message, unchecked_param_type = "Uint8Array")] message_: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: JsValue,
) -> JsResult<bool> {
    let pk = byte_array::<32>(&public_key, "publicKey")?;
    let m = bytes(&message_, "message")?;
    let sig = byte_array::<64>(&signature, "signature")?;
    Ok(ed25519::verify(&pk, &m, &sig))
}

/// Signs `message` itself with a 32-byte seed (64-byte signature).
#[cfg(feature = "ed25519")]
#[wasm_bindgen(js_name = ed25519Sign)]
pub fn ed25519_sign(
    #[wasm_bindgen(js_name = message, unchecked_param_type = "Uint8Array")] message_: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] seed: JsValue,
) -> JsResult<Vec<u8>> {
    let m = bytes(&message_, "message")?;
    let seed = byte_array::<32>(&seed, "seed")?;
    Ok(ed25519::sign(&m, &seed).to_vec())
}

/// The 32-byte public key of a 32-byte seed.
#[cfg(feature = "ed25519")]
#[wasm_bindgen(js_name = ed25519PublicKey)]
pub fn ed25519_public_key(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] seed: JsValue,
) -> JsResult<Vec<u8>> {
    js(byte_array::<32>(&seed, "seed").map(|s| ed25519::public_key(&s).to_vec()))
}
