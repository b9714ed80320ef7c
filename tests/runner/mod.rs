//! The vector runner shared by the native tests (`tests/vectors.rs`) and the
//! wasm tests. Vector files are embedded with `include_str!`, so the same
//! code runs natively and as WebAssembly. Every expected value comes from the
//! vector file (an upstream source or an independent JS library), never from
//! this crate.

#![allow(dead_code, clippy::missing_panics_doc, clippy::too_many_lines)]

use intent_signer::encoding::{
    base58_encode, base64_decode, base64_decode_array, hex_decode, hex_decode_array, hex_encode,
    parse_curve_bytes, Curve, PublicKey,
};
use intent_signer::intent::{self, CheckOptions, Deadline, NonceInfo};
use intent_signer::nep413::{self, Nep413Payload};
use intent_signer::{
    ed25519, erc191, execution, raw_ed25519, secp256k1, sep53, tip191, MultiPayload,
};
use serde_json::Value;

#[cfg(all(feature = "webauthn", feature = "ton"))]
pub mod passkey_ton;
pub mod review;

pub const UPSTREAM: &str = include_str!("../vectors/upstream.json");
pub const NEGATIVE: &str = include_str!("../vectors/negative.json");
pub const GEN_NEP413: &str = include_str!("../vectors/generated/nep413.json");
pub const GEN_ERC191: &str = include_str!("../vectors/generated/erc191.json");
pub const GEN_TIP191: &str = include_str!("../vectors/generated/tip191.json");
pub const GEN_RAW_ED25519: &str = include_str!("../vectors/generated/raw_ed25519.json");
pub const GEN_SEP53: &str = include_str!("../vectors/generated/sep53.json");

pub fn cases(file: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(file).expect("vector file is JSON");
    assert!(
        doc["source"].is_string(),
        "every vector file cites its source"
    );
    doc["cases"].as_array().expect("cases").clone()
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("field {key} missing in {v}"))
}

fn h(v: &Value, key: &str) -> Vec<u8> {
    hex_decode(s(v, key)).expect("hex in vector")
}

fn arr<const N: usize>(v: &Value, key: &str) -> [u8; N] {
    hex_decode_array(s(v, key)).expect("hex array in vector")
}

fn nep413_payload(v: &Value) -> Nep413Payload {
    Nep413Payload::from_json(v, "payload", true).expect("NEP-413 payload in vector")
}

/// A 32-byte seed from a NEAR secret key string `ed25519:<base58 seed ‖ public>`.
fn near_seed(secret: &str) -> [u8; 32] {
    let bytes: [u8; 64] = parse_curve_bytes(secret, Curve::Ed25519).expect("NEAR secret key");
    bytes[..32].try_into().unwrap()
}

fn ed_string(bytes: &[u8]) -> String {
    format!("ed25519:{}", base58_encode(bytes))
}

/// Checks a MultiPayload: verification result, intent hash, and that it
/// serialises back to an equal value with the payload untouched.
fn check_multi_payload(id: &str, mp_json: &Value, exp: &Value, verify: bool) {
    let mp = MultiPayload::from_json(mp_json).unwrap_or_else(|e| panic!("{id}: parse: {e}"));
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
        back["payload"], mp_json["payload"],
        "{id}: payload round trip"
    );
    assert_eq!(
        MultiPayload::from_json(&back).unwrap(),
        mp,
        "{id}: reparse of to_json"
    );
    if verify {
        let ver = mp.verify().unwrap_or_else(|e| panic!("{id}: verify: {e}"));
        assert_eq!(ver.signer_id, s(exp, "signerId"), "{id}: signer");
        assert_eq!(ver.intent_hash, hash, "{id}: verify hash");
        if let Some(valid) = exp.get("valid") {
            assert_eq!(ver.valid, valid.as_bool().unwrap(), "{id}: valid");
        }
        let pk = exp.get("publicKeyString").or_else(|| exp.get("publicKey"));
        if let Some(pk) = pk.and_then(Value::as_str) {
            assert_eq!(ver.public_key.unwrap().to_string(), pk, "{id}: public key");
        }
        if let Some(acc) = exp.get("recoveredAccount").and_then(Value::as_str) {
            assert_eq!(
                ver.public_key.unwrap().implicit_account_id(),
                acc,
                "{id}: recovered account"
            );
        }
    }
}

/// Checks the decoded intent message against the generator's record.
fn check_decoded(id: &str, mp_json: &Value, exp: &Value) {
    let mp = MultiPayload::from_json(mp_json).unwrap();
    let decoded = mp
        .decode_intent()
        .unwrap_or_else(|e| panic!("{id}: decode: {e}"));
    let m = &decoded.message;
    assert_eq!(m.signer_id, s(exp, "signerId"), "{id}");
    assert_eq!(m.verifying_contract, s(exp, "verifyingContract"), "{id}");
    assert_eq!(m.deadline.text, s(exp, "deadline"), "{id}");
    let nonce = &exp["nonce"];
    match (s(nonce, "version"), m.nonce_info) {
        ("legacy", NonceInfo::Legacy) => {
            assert!(decoded.warnings.iter().any(|w| w.code == "LEGACY_NONCE"));
        }
        (
            "v1",
            NonceInfo::V1 {
                salt,
                deadline_nanos,
                random,
            },
        ) => {
            assert_eq!(hex_encode(&salt), s(nonce, "salt"), "{id}: salt");
            assert_eq!(
                deadline_nanos.to_string(),
                s(nonce, "deadlineNs"),
                "{id}: nonce deadline"
            );
            assert_eq!(hex_encode(&random), s(nonce, "random"), "{id}: random");
            assert_eq!(
                intent::encode_nonce_v1(salt, deadline_nanos, random),
                m.nonce,
                "{id}: nonce re-encodes"
            );
        }
        (v, info) => panic!("{id}: nonce {v} decoded as {info:?}"),
    }
    // The generator sets the nonce deadline to the intent deadline: both pass.
    decoded
        .check(&CheckOptions {
            verifying_contract: Some("intents.near"),
            now_unix_nanos: None,
            public_key: mp.verify().unwrap().public_key.as_ref(),
        })
        .unwrap_or_else(|e| panic!("{id}: check: {e}"));
}

pub fn run_upstream() -> usize {
    let cases = cases(UPSTREAM);
    for c in &cases {
        let id = s(c, "id");
        let input = &c["input"];
        let exp = &c["expected"];
        match s(c, "type") {
            "nep413" => {
                let p = nep413_payload(&input["payload"]);
                if exp.get("preimage").is_some() {
                    assert_eq!(nep413::preimage(&p).unwrap(), h(exp, "preimage"), "{id}");
                }
                assert_eq!(nep413::hash(&p).unwrap().to_vec(), h(exp, "hash"), "{id}");
                if let Some(secret) = input.get("secretKey") {
                    let seed = near_seed(secret.as_str().unwrap());
                    assert_eq!(
                        ed_string(&ed25519::public_key(&seed)),
                        s(exp, "publicKey"),
                        "{id}"
                    );
                    let sig = nep413::sign(&p, &seed).unwrap();
                    assert_eq!(
                        sig.to_vec(),
                        base64_decode(s(exp, "signatureBase64")).unwrap(),
                        "{id}: signature byte for byte"
                    );
                    let pk = ed25519::public_key(&seed);
                    assert!(nep413::verify(&p, &pk, &sig).unwrap(), "{id}");
                } else {
                    let pk: [u8; 32] =
                        parse_curve_bytes(s(input, "publicKey"), Curve::Ed25519).unwrap();
                    let sig: [u8; 64] =
                        parse_curve_bytes(s(input, "signature"), Curve::Ed25519).unwrap();
                    assert_eq!(pk.to_vec(), h(exp, "publicKeyHex"), "{id}");
                    assert_eq!(sig.to_vec(), h(exp, "signatureHex"), "{id}");
                    assert!(nep413::verify(&p, &pk, &sig).unwrap(), "{id}");
                    // The hash is what gets signed, not the preimage.
                    assert!(!ed25519::verify(&pk, &nep413::preimage(&p).unwrap(), &sig));
                }
            }
            t @ ("erc191" | "tip191") => {
                let msg = s(input, "message").as_bytes();
                let sig: [u8; 65] = arr(input, "signature");
                let (preimage, hash, recovered) = if t == "erc191" {
                    (
                        erc191::preimage(msg),
                        erc191::hash(msg),
                        erc191::recover(msg, &sig),
                    )
                } else {
                    (
                        tip191::preimage(msg),
                        tip191::hash(msg),
                        tip191::recover(msg, &sig),
                    )
                };
                if exp.get("preimage").is_some() {
                    assert_eq!(preimage, h(exp, "preimage"), "{id}");
                }
                assert_eq!(hash.to_vec(), h(exp, "hash"), "{id}");
                let rec = recovered.unwrap_or_else(|e| panic!("{id}: {e}"));
                assert_eq!(rec.public_key.to_vec(), h(exp, "publicKey"), "{id}");
                assert_eq!(
                    format!("0x{}", hex_encode(&rec.address)),
                    s(exp, "signerId"),
                    "{id}"
                );
                let sk: [u8; 32] = arr(input, "secretKey");
                let signed = if t == "erc191" {
                    erc191::sign(msg, &sk)
                } else {
                    tip191::sign(msg, &sk)
                }
                .unwrap();
                assert_eq!(
                    signed.to_vec(),
                    h(exp, "signatureNormalized"),
                    "{id}: RFC 6979 signature byte for byte"
                );
                assert_eq!(
                    secp256k1::normalize_signature(&sig).unwrap().to_vec(),
                    h(exp, "signatureNormalized"),
                    "{id}"
                );
                if let Some(sig_str) = exp.get("signatureString").and_then(Value::as_str) {
                    assert_eq!(
                        intent_signer::encoding::format_curve_bytes(Curve::Secp256k1, &signed),
                        sig_str,
                        "{id}"
                    );
                    let pk = PublicKey::parse(s(exp, "publicKeyString")).unwrap();
                    assert_eq!(pk.as_bytes(), rec.public_key.as_slice(), "{id}");
                }
            }
            "sep53" => {
                let pk: [u8; 32] = arr(input, "publicKeyHex");
                let sig: [u8; 64] = arr(input, "signatureHex");
                let msg = h(input, "messageHex");
                assert_eq!(
                    sep53::verify(&msg, &pk, &sig),
                    exp["valid"].as_bool().unwrap(),
                    "{id}"
                );
            }
            "ed25519" => {
                let pk: [u8; 32] = arr(input, "publicKeyHex");
                let sig: [u8; 64] = arr(input, "signatureHex");
                let msg = h(input, "messageHex");
                assert_eq!(
                    ed25519::verify(&pk, &msg, &sig),
                    exp["valid"].as_bool().unwrap(),
                    "{id}"
                );
            }
            "multi_payload" => {
                let verify = exp.get("signerId").is_some();
                check_multi_payload(id, &input["multiPayload"], exp, verify);
                if let Some(code) = exp.get("decodeError").and_then(Value::as_str) {
                    let mp = MultiPayload::from_json(&input["multiPayload"]).unwrap();
                    assert_eq!(mp.decode_intent().unwrap_err().code(), code, "{id}");
                }
            }
            "nonce" => {
                let n: [u8; 32] = base64_decode_array(s(input, "nonce")).unwrap();
                let NonceInfo::V1 {
                    salt,
                    deadline_nanos,
                    random,
                } = intent::decode_nonce(&n)
                else {
                    panic!("{id}: not V1")
                };
                assert_eq!(hex_encode(&salt), s(exp, "salt"), "{id}");
                assert_eq!(deadline_nanos.to_string(), s(exp, "deadlineNs"), "{id}");
                assert_eq!(hex_encode(&random), s(exp, "random"), "{id}");
                assert_eq!(intent::encode_nonce_v1(salt, deadline_nanos, random), n);
            }
            "implicit" => {
                let pk = PublicKey::parse(s(input, "publicKey")).unwrap();
                assert_eq!(pk.implicit_account_id(), s(exp, "accountId"), "{id}");
            }
            other => panic!("{id}: unknown case type {other}"),
        }
    }
    cases.len()
}

fn expect_code<T: std::fmt::Debug>(
    id: &str,
    r: Result<T, intent_signer::Error>,
    code: &str,
) -> intent_signer::Error {
    match r {
        Ok(v) => panic!("{id}: expected {code}, got Ok({v:?})"),
        Err(e) => {
            assert_eq!(e.code(), code, "{id}: {e}");
            e
        }
    }
}

pub fn run_negative() -> usize {
    let cases = cases(NEGATIVE);
    for c in &cases {
        let id = s(c, "id");
        let input = &c["input"];
        let error = c.get("error").and_then(Value::as_str);
        let exp = &c["expected"];
        let path_flag = c["flags"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .find_map(|f| f.strip_prefix("path:"));
        let outcome: Result<(), intent_signer::Error> = match s(c, "type") {
            "erc191_recover" => {
                let sig: [u8; 65] = arr(input, "signature");
                erc191::recover(s(input, "message").as_bytes(), &sig).map(|rec| {
                    if let Some(not) = exp.get("notSignerId").and_then(Value::as_str) {
                        assert_ne!(format!("0x{}", hex_encode(&rec.address)), not, "{id}");
                    }
                })
            }
            "erc191_sign" => {
                erc191::sign(s(input, "message").as_bytes(), &arr(input, "secretKey")).map(|_| ())
            }
            "multi_payload" | "multi_payload_text" => {
                let parsed = match input.get("text") {
                    Some(t) => MultiPayload::parse(t.as_str().unwrap()),
                    None => MultiPayload::from_json(&input["multiPayload"]),
                };
                parsed.and_then(|mp| mp.verify()).map(|v| {
                    assert_eq!(v.valid, exp["valid"].as_bool().unwrap(), "{id}: valid");
                })
            }
            "base64" => base64_decode(s(input, "text")).map(|_| ()),
            "intent_decode" => intent::decode(s(input, "payload")).map(|d| {
                let codes: Vec<&str> = d.warnings.iter().map(|w| w.code).collect();
                for w in exp["warnings"].as_array().unwrap() {
                    assert!(codes.contains(&w.as_str().unwrap()), "{id}: {codes:?}");
                }
            }),
            "intent_check" => {
                let d = intent::decode(s(input, "payload")).unwrap();
                let now = input
                    .get("now")
                    .map(|n| Deadline::parse(n.as_str().unwrap()).unwrap().unix_nanos);
                let key = input
                    .get("publicKey")
                    .map(|k| PublicKey::parse(k.as_str().unwrap()).unwrap());
                d.check(&CheckOptions {
                    verifying_contract: input.get("verifyingContract").and_then(Value::as_str),
                    now_unix_nanos: now,
                    public_key: key.as_ref(),
                })
                .map(|_| ())
            }
            "execution_payload" => execution::check_signing_payload(
                &input["payload"],
                input.get("signingStandard").and_then(Value::as_str),
            )
            .map(|_| ()),
            other => panic!("{id}: unknown case type {other}"),
        };
        match error {
            Some(code) => {
                let e = expect_code(id, outcome, code);
                if let Some(path) = path_flag {
                    assert_eq!(e.path(), path, "{id}: path");
                }
            }
            None => outcome.unwrap_or_else(|e| panic!("{id}: unexpected error {e}")),
        }
    }
    cases.len()
}

/// Every generated file: the standard-level functions and the MultiPayload.
pub fn run_generated(file: &str, standard: &str) -> usize {
    let cases = cases(file);
    assert!(cases.len() >= 50, "{standard}: at least 50 generated cases");
    for c in &cases {
        let id = s(c, "id");
        let input = &c["input"];
        let exp = &c["expected"];
        match standard {
            "nep413" => {
                let seed: [u8; 32] = arr(input, "seed");
                let p = nep413_payload(&input["payload"]);
                assert_eq!(nep413::preimage(&p).unwrap(), h(exp, "preimage"), "{id}");
                assert_eq!(nep413::hash(&p).unwrap().to_vec(), h(exp, "hash"), "{id}");
                assert_eq!(ed_string(&ed25519::public_key(&seed)), s(exp, "publicKey"));
                let sig = nep413::sign(&p, &seed).unwrap();
                assert_eq!(ed_string(&sig), s(exp, "signature"), "{id}: signature");
                let pk = ed25519::public_key(&seed);
                assert!(nep413::verify(&p, &pk, &sig).unwrap(), "{id}");
            }
            "erc191" | "tip191" => {
                let sk: [u8; 32] = arr(input, "secretKey");
                let msg = s(input, "message").as_bytes();
                let wallet_sig: [u8; 65] = arr(exp, "signature");
                let (preimage, hash, signed, rec) = if standard == "erc191" {
                    (
                        erc191::preimage(msg),
                        erc191::hash(msg),
                        erc191::sign(msg, &sk),
                        erc191::recover(msg, &wallet_sig),
                    )
                } else {
                    (
                        tip191::preimage(msg),
                        tip191::hash(msg),
                        tip191::sign(msg, &sk),
                        tip191::recover(msg, &wallet_sig),
                    )
                };
                assert_eq!(preimage, h(exp, "preimage"), "{id}");
                assert_eq!(hash.to_vec(), h(exp, "hash"), "{id}");
                assert_eq!(
                    signed.unwrap().to_vec(),
                    h(exp, "signatureNormalized"),
                    "{id}"
                );
                let rec = rec.unwrap_or_else(|e| panic!("{id}: {e}"));
                assert_eq!(rec.public_key.to_vec(), h(exp, "publicKey"), "{id}");
                assert_eq!(
                    secp256k1::checksum_address(&rec.address),
                    s(exp, "address"),
                    "{id}"
                );
                assert_eq!(
                    secp256k1::public_key(&sk).unwrap().to_vec(),
                    h(exp, "publicKey"),
                    "{id}"
                );
                assert_eq!(
                    secp256k1::normalize_signature(&wallet_sig)
                        .unwrap()
                        .to_vec(),
                    h(exp, "signatureNormalized"),
                    "{id}"
                );
            }
            "raw_ed25519" => {
                let seed: [u8; 32] = arr(input, "seed");
                let payload = s(input, "payload").as_bytes();
                let sig = raw_ed25519::sign(payload, &seed);
                assert_eq!(sig.to_vec(), h(exp, "signatureHex"), "{id}");
                let pk = ed25519::public_key(&seed);
                assert_eq!(pk.to_vec(), h(exp, "publicKeyHex"), "{id}");
                assert!(raw_ed25519::verify(payload, &pk, &sig), "{id}");
                assert_eq!(
                    raw_ed25519::intent_hash(payload).to_vec(),
                    h(exp, "hash"),
                    "{id}"
                );
            }
            "sep53" => {
                let seed: [u8; 32] = arr(input, "seed");
                let payload = s(input, "payload").as_bytes();
                assert_eq!(sep53::preimage(payload), h(exp, "preimage"), "{id}");
                assert_eq!(sep53::hash(payload).to_vec(), h(exp, "hash"), "{id}");
                let sig = sep53::sign(payload, &seed);
                assert_eq!(sig.to_vec(), h(exp, "signatureHex"), "{id}");
                let pk = ed25519::public_key(&seed);
                assert!(sep53::verify(payload, &pk, &sig), "{id}");
            }
            other => panic!("unknown standard {other}"),
        }
        let is_intent = c["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "defuse_payload");
        check_multi_payload(id, &exp["multiPayload"], exp, is_intent);
        if is_intent {
            check_decoded(id, &exp["multiPayload"], exp);
            // Tampering with one payload byte must break a valid payload.
            let mut tampered = exp["multiPayload"].clone();
            let field = if standard == "nep413" {
                &mut tampered["payload"]["recipient"]
            } else {
                &mut tampered["payload"]
            };
            let text = format!("{} ", field.as_str().unwrap());
            *field = Value::String(text);
            let ver = MultiPayload::from_json(&tampered)
                .unwrap()
                .verify()
                .unwrap();
            assert!(!ver.valid, "{id}: tampered payload must not verify");
        }
    }
    cases.len()
}

// ------------------------------------------------------------------- ABI

pub const ABI_GENERATED: &str = include_str!("../vectors/generated/abi.json");
pub const ABI_AURORA: &str = include_str!("../vectors/abi-aurora.json");
pub const ABI_NEGATIVE: &str = include_str!("../vectors/abi-negative.json");

fn placeholders_of(v: Option<&Value>) -> intent_signer::abi::Placeholders {
    v.and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

fn check_abi_case(
    id: &str,
    sig: &str,
    params: &[Value],
    ph: &intent_signer::abi::Placeholders,
    exp: &Value,
) {
    use intent_signer::abi::FunctionSig;
    let f = FunctionSig::parse(sig).unwrap_or_else(|e| panic!("{id}: parse {sig}: {e}"));
    let data = f
        .encode(params, ph)
        .unwrap_or_else(|e| panic!("{id}: encode: {e}"));
    assert_eq!(
        intent_signer::encoding::hex_encode_prefixed(&data),
        s(exp, "calldata"),
        "{id}: calldata"
    );
    match exp.get("selector").and_then(Value::as_str) {
        Some(sel) => assert_eq!(
            intent_signer::encoding::hex_encode_prefixed(&f.selector().unwrap()),
            sel,
            "{id}: selector"
        ),
        None => assert!(f.selector().is_none(), "{id}: no selector"),
    }
    if let Some(canon) = exp.get("canonicalSignature").and_then(Value::as_str) {
        assert_eq!(f.canonical(), canon, "{id}: canonical signature");
    }
    let decoded = f
        .decode(&data)
        .unwrap_or_else(|e| panic!("{id}: decode: {e}"));
    if let Some(want) = exp.get("decoded") {
        assert_eq!(&Value::Array(decoded.clone()), want, "{id}: decoded");
    }
    assert_eq!(
        f.encode(&decoded, ph).unwrap(),
        data,
        "{id}: encode(decode(x)) == x"
    );
}

pub fn run_abi_generated() -> usize {
    let cases = cases(ABI_GENERATED);
    assert!(cases.len() >= 500);
    for c in &cases {
        let input = &c["input"];
        let params = input["parameters"].as_array().unwrap();
        // A string parameter whose text looks like a placeholder: the cases
        // encode the literal text, so each placeholder is given itself.
        let literal: intent_signer::abi::Placeholders =
            intent_signer::abi::find_placeholders(params)
                .into_iter()
                .map(|(_, p)| (p.clone(), p))
                .collect();
        check_abi_case(
            s(c, "id"),
            s(input, "functionSignature"),
            params,
            &literal,
            &c["expected"],
        );
    }
    cases.len()
}

pub fn run_abi_aurora() -> usize {
    let cases = cases(ABI_AURORA);
    for c in &cases {
        let id = s(c, "id");
        let step = &c["input"];
        let ph = placeholders_of(c.get("placeholders"));
        intent_signer::step::validate_step(step).unwrap_or_else(|e| panic!("{id}: validate: {e}"));
        check_abi_case(
            id,
            s(step, "functionSignature"),
            step["parameters"].as_array().unwrap(),
            &ph,
            &c["expected"],
        );
        let review = intent_signer::step::review_step(
            step,
            &intent_signer::step::ReviewOptions {
                placeholders: ph.clone(),
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{id}: review: {e}"));
        assert_eq!(
            review
                .calldata
                .map(|d| intent_signer::encoding::hex_encode_prefixed(&d)),
            Some(s(&c["expected"], "calldata").to_string()),
            "{id}: review calldata"
        );
    }
    cases.len()
}

pub fn run_abi_negative() -> usize {
    use intent_signer::abi::FunctionSig;
    use intent_signer::step;
    let cases = cases(ABI_NEGATIVE);
    for c in &cases {
        let id = s(c, "id");
        let input = &c["input"];
        let exp = &c["expected"];
        let outcome: Result<(), intent_signer::Error> = match s(c, "type") {
            "encode" => FunctionSig::parse(s(input, "functionSignature"))
                .and_then(|f| {
                    f.encode(
                        input["parameters"].as_array().unwrap(),
                        &placeholders_of(input.get("placeholders")),
                    )
                })
                .map(|data| {
                    if let Some(want) = exp.get("calldata").and_then(Value::as_str) {
                        assert_eq!(
                            intent_signer::encoding::hex_encode_prefixed(&data),
                            want,
                            "{id}"
                        );
                    }
                }),
            "decode" => FunctionSig::parse(s(input, "functionSignature"))
                .and_then(|f| f.decode(&h(input, "calldata")))
                .map(|values| {
                    if let Some(want) = exp.get("decoded") {
                        assert_eq!(&Value::Array(values), want, "{id}");
                    }
                }),
            "validate_step" => step::validate_step(&input["step"]).map(|_| ()),
            "validate_steps" => step::validate_steps(&input["steps"]).map(|_| ()),
            "review_step" => {
                let o = &input["options"];
                let opts = step::ReviewOptions {
                    placeholders: placeholders_of(o.get("placeholders")),
                    intermediary: o
                        .get("intermediary")
                        .and_then(Value::as_str)
                        .map(String::from),
                    known_contracts: o
                        .get("knownContracts")
                        .and_then(Value::as_array)
                        .map(|a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect())
                        .unwrap_or_default(),
                };
                step::review_step(&input["step"], &opts).map(|r| {
                    let codes: Vec<&str> = r.warnings.iter().map(|w| w.code).collect();
                    let want: Vec<&str> = exp["warnings"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|w| w.as_str().unwrap())
                        .collect();
                    assert_eq!(codes, want, "{id}: warnings");
                    if let Some(name) = exp.get("functionName").and_then(Value::as_str) {
                        assert_eq!(r.function_name, name, "{id}");
                    }
                    if let Some(sel) = exp.get("selector").and_then(Value::as_str) {
                        assert_eq!(r.selector.as_deref(), Some(sel), "{id}");
                    }
                    if let Some(v) = exp.get("value").and_then(Value::as_str) {
                        assert_eq!(r.value, v, "{id}");
                    }
                    if let Some(cd) = exp.get("calldata") {
                        assert_eq!(
                            r.calldata
                                .map(|d| Value::String(
                                    intent_signer::encoding::hex_encode_prefixed(&d)
                                ))
                                .unwrap_or(Value::Null),
                            *cd,
                            "{id}: calldata"
                        );
                    }
                })
            }
            other => panic!("{id}: unknown case type {other}"),
        };
        match c.get("error").and_then(Value::as_str) {
            Some(code) => {
                let e = expect_code(id, outcome, code);
                assert_eq!(e.path(), s(c, "path"), "{id}: path");
            }
            None => outcome.unwrap_or_else(|e| panic!("{id}: unexpected error {e}")),
        }
    }
    cases.len()
}

// ------------------------------------------------------ EIP-712, Permit2

pub const GEN_EIP712: &str = include_str!("../vectors/generated/eip712.json");
pub const GEN_PERMIT2: &str = include_str!("../vectors/generated/permit2.json");

fn hex0x(bytes: &[u8]) -> String {
    intent_signer::encoding::hex_encode_prefixed(bytes)
}

pub fn run_eip712_generated() -> usize {
    use intent_signer::eip712::TypedData;
    let cases = cases(GEN_EIP712);
    assert!(cases.len() >= 300);
    for c in &cases {
        let id = s(c, "id");
        let input = &c["input"];
        let parsed = TypedData::from_json(&input["typedData"]);
        if let Some(code) = c.get("error").and_then(Value::as_str) {
            let e = expect_code(id, parsed, code);
            if let Some(path) = c.get("errorPath").and_then(Value::as_str) {
                assert_eq!(e.path(), path, "{id}: path");
            }
            continue;
        }
        let exp = &c["expected"];
        let t = parsed.unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(
            hex0x(&t.signing_hash().unwrap()),
            s(exp, "digest"),
            "{id}: digest"
        );
        assert_eq!(
            hex0x(&t.domain_separator().unwrap()),
            s(exp, "domainSeparator"),
            "{id}: domain separator"
        );
        if let Some(h) = exp.get("hashStruct").and_then(Value::as_str) {
            assert_eq!(
                hex0x(&t.message_hash().unwrap().unwrap()),
                h,
                "{id}: hashStruct"
            );
            let primary = s(&input["typedData"], "primaryType");
            assert_eq!(
                hex0x(
                    &t.hash_struct(primary, &input["typedData"]["message"])
                        .unwrap()
                ),
                h,
                "{id}: hash_struct"
            );
        }
        if let Some(et) = exp.get("encodeType").and_then(Value::as_str) {
            let primary = s(&input["typedData"], "primaryType");
            assert_eq!(t.encode_type(primary).unwrap(), et, "{id}: encodeType");
        }
        if let Some(sig) = exp.get("signature").and_then(Value::as_str) {
            let sk: [u8; 32] = arr(input, "secretKey");
            assert_eq!(hex0x(&t.sign(&sk).unwrap()), sig, "{id}: signature");
            let sig: [u8; 65] = hex_decode_array(sig).unwrap();
            assert_eq!(
                intent_signer::secp256k1::checksum_address(&t.recover(&sig).unwrap()),
                s(exp, "address"),
                "{id}: recover"
            );
        }
    }
    cases.len()
}

pub fn run_permit2_generated() -> usize {
    use intent_signer::eip712::TypedData;
    use intent_signer::permit2;
    let cases = cases(GEN_PERMIT2);
    assert!(cases.len() >= 60);
    for c in &cases {
        let id = s(c, "id");
        let input = &c["input"];
        let args = &input["args"];
        let built = match s(input, "builder") {
            "permit2Transfer" => permit2::transfer(args),
            "permit2BatchTransfer" => permit2::batch_transfer(args),
            "permit2WitnessTransfer" | "permit2BatchWitnessTransfer" => {
                permit2::witness_transfer(args)
            }
            "permit2Single" => permit2::single(args),
            "permit2Batch" => permit2::batch(args),
            "permit2FromParamsToSign" => permit2::from_params_to_sign(&input["paramsToSign"], args),
            other => panic!("{id}: unknown builder {other}"),
        };
        if let Some(code) = c.get("error").and_then(Value::as_str) {
            expect_code(id, built, code);
            continue;
        }
        let exp = &c["expected"];
        let b = built.unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(b.typed_data, exp["typedData"], "{id}: typed data");
        assert_eq!(hex0x(&b.digest), s(exp, "digest"), "{id}: digest");
        if let Some(w) = exp.get("witnessTypeString").and_then(Value::as_str) {
            assert_eq!(
                b.witness_type_string.as_deref(),
                Some(w),
                "{id}: witness type string"
            );
        }
        if let Some(w) = exp.get("witnessHash").and_then(Value::as_str) {
            assert_eq!(
                b.witness_hash.map(|h| hex0x(&h)).as_deref(),
                Some(w),
                "{id}: witness hash"
            );
        }
        if let (Some(sig), Some(_)) = (
            exp.get("signature").and_then(Value::as_str),
            input.get("secretKey"),
        ) {
            let t = TypedData::from_json(&b.typed_data).unwrap();
            let sk: [u8; 32] = arr(input, "secretKey");
            assert_eq!(hex0x(&t.sign(&sk).unwrap()), sig, "{id}: signature");
        }
    }
    cases.len()
}

pub const GEN_EIP7702: &str = include_str!("../vectors/generated/eip7702.json");

pub fn run_eip7702_generated() -> usize {
    use intent_signer::eip7702::Authorization;
    let cases = cases(GEN_EIP7702);
    assert!(cases.len() >= 40);
    for c in &cases {
        let id = s(c, "id");
        let input = &c["input"];
        let exp = &c["expected"];
        let mut tuple = input.clone();
        tuple.as_object_mut().unwrap().remove("secretKey");
        let auth = Authorization::from_json(&tuple, "input");
        if let Some(code) = c.get("error").and_then(Value::as_str) {
            expect_code(id, auth, code);
            continue;
        }
        let auth = auth.unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(
            hex0x(&auth.preimage()),
            s(exp, "preimage"),
            "{id}: preimage"
        );
        assert_eq!(hex0x(&auth.hash()), s(exp, "hash"), "{id}: hash");
        let sk: [u8; 32] = arr(input, "secretKey");
        let signed = auth.sign(&sk).unwrap();
        let want = &exp["signature"];
        assert_eq!(signed.r, s(want, "r"), "{id}: r");
        assert_eq!(signed.s, s(want, "s"), "{id}: s");
        assert_eq!(
            u64::from(signed.y_parity),
            want["yParity"].as_u64().unwrap(),
            "{id}: yParity"
        );
        assert_eq!(signed.chain_id, s(want, "chainId"), "{id}: chainId");
        assert_eq!(signed.nonce, s(want, "nonce"), "{id}: nonce");
        assert!(
            signed.address.eq_ignore_ascii_case(s(want, "address")),
            "{id}: address"
        );
        let mut sig = [0u8; 65];
        sig[..32].copy_from_slice(&hex_decode(&signed.r).unwrap());
        sig[32..64].copy_from_slice(&hex_decode(&signed.s).unwrap());
        sig[64] = signed.y_parity;
        assert_eq!(
            intent_signer::secp256k1::checksum_address(&auth.recover(&sig).unwrap()),
            s(exp, "authority"),
            "{id}: authority"
        );
    }
    cases.len()
}

pub const EXECUTION_REQUESTS: &str = include_str!("../vectors/execution-requests.json");

pub fn run_execution_requests() -> usize {
    use intent_signer::execution::{validate_execution_request, RequestKind};
    let cases = cases(EXECUTION_REQUESTS);
    for c in &cases {
        let id = s(c, "id");
        let input = &c["input"];
        let kind = match s(input, "kind") {
            "quote" => RequestKind::Quote,
            _ => RequestKind::Steps,
        };
        let r = validate_execution_request(&input["body"], kind);
        match c.get("error").and_then(Value::as_str) {
            Some(code) => {
                let e = expect_code(id, r, code);
                assert_eq!(e.path(), s(c, "path"), "{id}: path");
            }
            None => r.unwrap_or_else(|e| panic!("{id}: {e}")),
        }
    }
    cases.len()
}

// ---------------------------------------------------------- executions

pub const GEN_EXECUTIONS: &str = include_str!("../vectors/generated/executions.json");

/// `{"$bytes": hex}` → bytes; a string → text.
fn signature_input(v: &Value) -> intent_signer::execution::SignatureInput {
    use intent_signer::execution::SignatureInput;
    match v {
        Value::String(text) => SignatureInput::Text(text.clone()),
        other => SignatureInput::Bytes(h(other, "$bytes")),
    }
}

fn wallet_output(v: &Value) -> intent_signer::execution::WalletOutput {
    let is_object_answer = v.get("signature").is_some();
    let opt = |k: &str| v.get(k).and_then(Value::as_str).map(String::from);
    intent_signer::execution::WalletOutput {
        signature: signature_input(if is_object_answer { &v["signature"] } else { v }),
        public_key: if is_object_answer {
            opt("publicKey")
        } else {
            None
        },
        account_id: if is_object_answer {
            opt("accountId")
        } else {
            None
        },
    }
}

pub fn run_executions_generated() -> usize {
    use intent_signer::execution::{
        delete_request, finish_delete, finish_signing, prepare_signing, FinishInput, PrepareOptions,
    };
    let cases = cases(GEN_EXECUTIONS);
    assert!(cases.len() >= 60);
    for c in &cases {
        let id = s(c, "id");
        let input = &c["input"];
        let exp = &c["expected"];
        let stage = exp
            .get("stage")
            .and_then(Value::as_str)
            .unwrap_or("success");
        let error = exp.get("error").and_then(Value::as_str);
        let check_error = |e: intent_signer::Error| {
            assert_eq!(Some(e.code()), error, "{id}: {e}");
            if let (Some(hint), intent_signer::Error::SignatureMismatch { hint: got, .. }) =
                (exp.get("hint").and_then(Value::as_str), &e)
            {
                assert!(got.contains(hint), "{id}: hint {got:?} lacks {hint:?}");
            }
        };
        if stage == "delete" {
            let nonce = input
                .get("nonce")
                .map(|n| hex_decode_array::<32>(s(n, "$bytes")).unwrap());
            let (fi, _) = delete_request(s(input, "executionId"), s(input, "wallet"), nonce)
                .unwrap_or_else(|e| panic!("{id}: {e}"));
            match finish_delete(&fi, &wallet_output(&input["walletOutput"])) {
                Ok(body) => assert_eq!(body, exp["deleteBody"], "{id}: delete body"),
                Err(e) => check_error(e),
            }
            continue;
        }
        let now = input["now"].as_i64();
        let prepared = prepare_signing(
            &input["execution"],
            &PrepareOptions {
                wallet: s(input, "wallet"),
                now_ms: now,
                verifying_contract: "intents.near",
                known_contracts: &[],
                known_recipients: &[],
            },
        );
        let request = match (prepared, stage) {
            (Err(e), "prepare") => {
                check_error(e);
                continue;
            }
            (Err(e), _) => panic!("{id}: prepare: {e}"),
            (Ok(_), "prepare") => panic!("{id}: expected {error:?} at prepare"),
            (Ok(r), _) => r,
        };
        assert_eq!(
            base58_encode(&request.intent_hash),
            s(exp, "intentHashBase58"),
            "{id}"
        );
        assert_eq!(request.wallet.signer_id(), s(exp, "signerId"), "{id}");
        let finished = finish_signing(
            &FinishInput::from(&request),
            &wallet_output(&input["walletOutput"]),
        );
        match (finished, stage) {
            (Err(e), "finish") => check_error(e),
            (Err(e), _) => panic!("{id}: finish: {e}"),
            (Ok(_), "finish") => panic!("{id}: expected {error:?} at finish"),
            (Ok(f), _) => {
                assert_eq!(f.submit_body, exp["submitBody"], "{id}: submit body");
                let mp: Value = serde_json::from_str(&f.multi_payload.to_json()).unwrap();
                assert_eq!(mp, exp["multiPayload"], "{id}: multiPayload");
                assert!(f.multi_payload.verify().unwrap().valid, "{id}: verifies");
            }
        }
    }
    cases.len()
}

// ------------------------------------------- EVM review (steps, Permit2, 7702)

pub const REVIEW_EVM: &str = include_str!("../vectors/review-evm.json");

/// `[{code, severity, path}]` of a review, in order.
fn warning_triples(warnings: &[intent_signer::review::Warning]) -> Vec<(String, String, String)> {
    warnings
        .iter()
        .map(|w| {
            (
                w.code.to_string(),
                w.severity.as_str().to_string(),
                w.path.clone(),
            )
        })
        .collect()
}

fn expected_triples(exp: &Value) -> Vec<(String, String, String)> {
    exp["warnings"]
        .as_array()
        .expect("expected.warnings")
        .iter()
        .map(|w| {
            (
                s(w, "code").into(),
                s(w, "severity").into(),
                s(w, "path").into(),
            )
        })
        .collect()
}

fn string_list(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// tests/vectors/review-evm.json: the step review by selector, the Permit2
/// review (hex and decimal spellings, chain, deadlines) and the EIP-7702
/// review (known delegates), each case's exact codes, severities and paths.
pub fn run_review_evm() -> usize {
    use intent_signer::{eip7702, permit2, step};
    let cases = cases(REVIEW_EVM);
    for c in &cases {
        let id = s(c, "id");
        let input = &c["input"];
        let exp = &c["expected"];
        let o = &input["options"];
        let got = match s(c, "type") {
            "review_step" => {
                let opts = step::ReviewOptions {
                    intermediary: o
                        .get("intermediary")
                        .and_then(Value::as_str)
                        .map(String::from),
                    known_contracts: string_list(o.get("knownContracts")),
                    ..Default::default()
                };
                let r = step::review_step(&input["step"], &opts)
                    .unwrap_or_else(|e| panic!("{id}: review: {e}"));
                assert_eq!(
                    r.selector.as_deref(),
                    Some(s(exp, "selector")),
                    "{id}: selector"
                );
                assert_eq!(
                    r.calldata.map(|d| hex0x(&d)).as_deref(),
                    Some(s(exp, "calldata")),
                    "{id}: calldata"
                );
                warning_triples(&r.warnings)
            }
            "review_permit2" => {
                let typed = &input["typedData"];
                let td = intent_signer::eip712::TypedData::from_json(typed)
                    .unwrap_or_else(|e| panic!("{id}: typed data: {e}"));
                assert_eq!(
                    hex0x(&td.signing_hash().unwrap()),
                    s(exp, "digest"),
                    "{id}: digest"
                );
                let opts = permit2::ReviewOptions {
                    now: o.get("now").and_then(Value::as_u64).map(|ms| ms / 1000),
                    known_spenders: string_list(o.get("knownSpenders")),
                    expected_chain_id: o.get("expectedChainId").map(|v| {
                        step::uint_value(v).unwrap_or_else(|| panic!("{id}: expectedChainId"))
                    }),
                };
                let r =
                    permit2::review(typed, &opts).unwrap_or_else(|e| panic!("{id}: review: {e}"));
                assert!(r.lines.len() >= 3, "{id}: lines");
                warning_triples(&r.warnings)
            }
            "review_eip7702" => {
                let auth =
                    eip7702::Authorization::from_json(&input["authorization"], "authorization")
                        .unwrap_or_else(|e| panic!("{id}: authorization: {e}"));
                let known_delegates = o.get("knownDelegates").map(|list| {
                    string_list(Some(list))
                        .iter()
                        .map(|a| intent_signer::abi::parse_address(a, "").unwrap())
                        .collect()
                });
                warning_triples(&eip7702::review_with(
                    &auth,
                    &eip7702::ReviewOptions { known_delegates },
                ))
            }
            other => panic!("{id}: unknown case type {other}"),
        };
        assert_eq!(got, expected_triples(exp), "{id}: warnings");
    }
    cases.len()
}
