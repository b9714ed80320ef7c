//! The `webauthn` and `ton_connect` vectors (and the SDK's intent hashes of
//! every standard). Expected values come from the vector files only.

use intent_signer::encoding::{base58_encode, hex_decode, hex_decode_array, PublicKey};
use intent_signer::MultiPayload;
use serde_json::Value;

pub const UPSTREAM: &str = include_str!("../vectors/webauthn-ton-upstream.json");
pub const GEN_WEBAUTHN: &str = include_str!("../vectors/generated/webauthn.json");
pub const GEN_TON: &str = include_str!("../vectors/generated/ton_connect.json");
pub const SDK: &str = include_str!("../vectors/generated/intent-hash-sdk.json");

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("field {key} missing in {v}"))
}

/// One MultiPayload case: parse error, or hash + verify + decode.
fn multi_payload_case(id: &str, c: &Value) {
    let mp_json = &c["input"]["multiPayload"];
    let parsed = MultiPayload::from_json(mp_json);
    if let Some(code) = c.get("error").and_then(Value::as_str) {
        let e = parsed.expect_err(id);
        assert_eq!(e.code(), code, "{id}: error code ({e})");
        if let Some(p) = c.get("errorPath").and_then(Value::as_str) {
            assert_eq!(e.path(), p, "{id}: error path");
        }
        return;
    }
    let mp = parsed.unwrap_or_else(|e| panic!("{id}: parse: {e}"));
    let exp = &c["expected"];
    let hash = mp
        .intent_hash()
        .unwrap_or_else(|e| panic!("{id}: hash: {e}"));
    assert_eq!(
        base58_encode(&hash),
        s(exp, "intentHash"),
        "{id}: intent hash"
    );
    let back: Value = serde_json::from_str(&mp.to_json()).unwrap();
    assert_eq!(
        MultiPayload::from_json(&back).unwrap(),
        mp,
        "{id}: reparse of to_json"
    );
    if let Some(code) = exp.get("verifyError").and_then(Value::as_str) {
        let e = mp.verify().unwrap_err();
        assert_eq!(e.code(), code, "{id}: verify error");
        if let Some(p) = exp.get("verifyErrorPath").and_then(Value::as_str) {
            assert_eq!(e.path(), p, "{id}: verify error path");
        }
    } else {
        let v = mp.verify().unwrap_or_else(|e| panic!("{id}: verify: {e}"));
        assert_eq!(v.valid, exp["valid"].as_bool().unwrap(), "{id}: valid");
        assert_eq!(v.intent_hash, hash, "{id}: verify hash");
        assert_eq!(v.signer_id, s(exp, "signerId"), "{id}: signer");
        assert_eq!(
            v.public_key.unwrap().to_string(),
            s(exp, "publicKey"),
            "{id}: key"
        );
        let codes: Vec<&str> = v.warnings.iter().map(|w| w.code).collect();
        let want: Vec<&str> = exp["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        assert_eq!(codes, want, "{id}: warnings");
        if v.valid {
            assert_eq!(
                v.public_key.unwrap().implicit_account_id(),
                s(exp, "signerId"),
                "{id}: a valid payload is signed by its implicit signer"
            );
        }
    }
    if let Some(d) = exp.get("decoded") {
        let decoded = mp
            .decode_intent()
            .unwrap_or_else(|e| panic!("{id}: decode: {e}"));
        assert_eq!(
            decoded.message.signer_id,
            s(d, "signerId"),
            "{id}: decoded signer"
        );
        assert_eq!(
            decoded.message.deadline.text,
            s(d, "deadline"),
            "{id}: decoded deadline"
        );
    }
    if let Some(code) = exp.get("decodeError").and_then(Value::as_str) {
        assert_eq!(
            mp.decode_intent().unwrap_err().code(),
            code,
            "{id}: decode error"
        );
    }
    if let Some(der) = c["input"].get("derSignatureHex").and_then(Value::as_str) {
        let raw = intent_signer::standards::webauthn::der_to_raw(&hex_decode(der).unwrap())
            .unwrap_or_else(|e| panic!("{id}: der: {e}"));
        assert_eq!(
            raw.to_vec(),
            hex_decode(s(&c["input"], "rawSignatureHex")).unwrap(),
            "{id}: DER → raw, low s"
        );
    }
}

fn run_file(file: &str) -> usize {
    let cases = super::cases(file);
    for c in &cases {
        multi_payload_case(s(c, "id"), c);
    }
    cases.len()
}

pub fn run_generated_webauthn() -> usize {
    run_file(GEN_WEBAUTHN)
}

pub fn run_generated_ton() -> usize {
    run_file(GEN_TON)
}

pub fn run_upstream() -> usize {
    use intent_signer::standards::{ton_connect, webauthn};
    let cases = super::cases(UPSTREAM);
    for c in &cases {
        let id = s(c, "id");
        let input = &c["input"];
        match s(c, "type") {
            "multi_payload" => multi_payload_case(id, c),
            "webauthn_assertion" => {
                let a = webauthn::Assertion {
                    authenticator_data: hex_decode(s(input, "authenticatorDataHex")).unwrap(),
                    client_data_json: s(input, "clientDataJson").into(),
                };
                assert_eq!(
                    webauthn::preimage(&a),
                    hex_decode(s(&c["expected"], "preimageHex")).unwrap(),
                    "{id}"
                );
                let challenge: [u8; 32] = hex_decode_array(s(input, "challengeHex")).unwrap();
                let sig: [u8; 64] = hex_decode_array(s(input, "signatureHex")).unwrap();
                let outcome = if s(input, "curve") == "p256" {
                    let pk: [u8; 64] = hex_decode_array(s(input, "publicKeyHex")).unwrap();
                    webauthn::verify_p256(&pk, &challenge, &a, &sig).unwrap()
                } else {
                    let pk: [u8; 32] = hex_decode_array(s(input, "publicKeyHex")).unwrap();
                    webauthn::verify_ed25519(&pk, &challenge, &a, &sig)
                };
                assert_eq!(outcome, webauthn::Outcome::Valid, "{id}");
                let mut other = challenge;
                other[0] ^= 1;
                assert!(matches!(
                    if s(input, "curve") == "p256" {
                        webauthn::verify_p256(
                            &hex_decode_array(s(input, "publicKeyHex")).unwrap(),
                            &other,
                            &a,
                            &sig,
                        )
                        .unwrap()
                    } else {
                        webauthn::verify_ed25519(
                            &hex_decode_array(s(input, "publicKeyHex")).unwrap(),
                            &other,
                            &a,
                            &sig,
                        )
                    },
                    webauthn::Outcome::Mismatch(webauthn::Mismatch::Challenge)
                ));
            }
            "ton_sign_data" => {
                let mp = serde_json::json!({
                    "standard": "ton_connect",
                    "address": input["address"],
                    "domain": input["domain"],
                    "timestamp": input["timestamp"],
                    "payload": input["payload"],
                    "public_key": format!("ed25519:{}", base58_encode(&hex_decode(s(input, "publicKeyHex")).unwrap())),
                    "signature": format!("ed25519:{}", base58_encode(&hex_decode(s(input, "signatureHex")).unwrap())),
                });
                let parsed = MultiPayload::from_json(&mp);
                if let Some(code) = c.get("error").and_then(Value::as_str) {
                    assert_eq!(parsed.unwrap_err().code(), code, "{id}");
                    continue;
                }
                let MultiPayload::TonConnect(p) = parsed.unwrap() else {
                    panic!("{id}")
                };
                let pk: [u8; 32] = hex_decode_array(s(input, "publicKeyHex")).unwrap();
                let sig: [u8; 64] = hex_decode_array(s(input, "signatureHex")).unwrap();
                let data = p.sign_data().unwrap();
                assert!(ton_connect::verify(&data, &pk, &sig).unwrap(), "{id}");
                let mut later = data.clone();
                later.timestamp += 1;
                assert!(
                    !ton_connect::verify(&later, &pk, &sig).unwrap(),
                    "{id}: timestamp is signed"
                );
            }
            "implicit_account" => {
                let k = PublicKey::parse(s(input, "publicKey")).unwrap();
                assert_eq!(
                    k.implicit_account_id(),
                    s(&c["expected"], "implicitAccountId"),
                    "{id}"
                );
            }
            t => panic!("{id}: unknown type {t}"),
        }
    }
    cases.len()
}

pub fn run_sdk() -> usize {
    let cases = super::cases(SDK);
    for c in &cases {
        let id = s(c, "id");
        let mp = MultiPayload::from_json(&c["input"]["multiPayload"])
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(
            base58_encode(&mp.intent_hash().unwrap()),
            s(&c["expected"], "intentHash"),
            "{id}: SDK intent hash"
        );
    }
    cases.len()
}
