//! Vectors of the review: the verifier's parse (`verifier-parse.json`) and
//! the intent review through `prepare_signing` (`review-intents.json`).

use intent_signer::intent::{self, Deadline};
use intent_signer::nep413::Nep413Payload;
use serde_json::Value;

pub const VERIFIER_PARSE: &str = include_str!("../vectors/verifier-parse.json");

/// The verifier's re-serialization of an intent, with the contract's own
/// normalisations undone: `attached_deposit` 0 is omitted, a key without a
/// curve prefix is ed25519.
fn normalise(mut intent: Value) -> Value {
    if let Some(o) = intent.as_object_mut() {
        if o.get("attached_deposit").and_then(Value::as_str) == Some("0") {
            o.remove("attached_deposit");
        }
        if let Some(Value::String(k)) = o.get_mut("public_key") {
            if !k.contains(':') {
                *k = format!("ed25519:{k}");
            }
        }
    }
    intent
}

/// Every case: refused where the verifier refuses (or where the vector says
/// intent-signer keeps refusing), else the same message as the verifier's.
pub fn run_verifier_parse() -> usize {
    let cases = super::cases(VERIFIER_PARSE);
    for c in &cases {
        let id = c["id"].as_str().unwrap();
        let text = c["input"]["text"].as_str().unwrap();
        let nep = c["input"]["mode"] == "nep413";
        let decoded = if nep {
            intent::decode_nep413(&Nep413Payload {
                message: text.into(),
                nonce: [0; 32],
                recipient: "intents.near".into(),
                callback_url: None,
            })
        } else {
            intent::decode(text)
        };
        if let Some(code) = c["expected"]["flagged"].as_str() {
            let d = decoded.unwrap_or_else(|e| panic!("{id}: refused, expected {code}: {e}"));
            assert!(
                d.warnings.iter().any(|w| w.code == code
                    && w.severity == intent_signer::review::Severity::Danger),
                "{id}: no {code} danger"
            );
            continue;
        }
        if c["expected"]["refused"] == true {
            assert!(
                decoded.is_err(),
                "{id}: refused by {} but decoded here",
                if c["verifier"]["refuses"].is_string() { "the verifier" } else { "policy" }
            );
            continue;
        }
        let d = decoded.unwrap_or_else(|e| panic!("{id}: the verifier accepts it, refused here: {e}"));
        let want = &c["verifier"]["accepts"];
        let m = &d.message;
        assert_eq!(m.signer_id, want["signer_id"].as_str().unwrap(), "{id}: signer_id");
        assert_eq!(
            m.deadline.unix_nanos,
            Deadline::parse(want["deadline"].as_str().unwrap()).unwrap().unix_nanos,
            "{id}: deadline"
        );
        if !nep {
            assert_eq!(m.verifying_contract, want["verifying_contract"].as_str().unwrap(), "{id}");
            let nonce = intent_signer::encoding::base64_decode(want["nonce"].as_str().unwrap()).unwrap();
            assert_eq!(m.nonce.as_slice(), nonce.as_slice(), "{id}: nonce");
        }
        let ours: Vec<Value> = m.intents.iter().map(|i| normalise(i.to_json())).collect();
        let theirs: Vec<Value> = want
            .get("intents")
            .and_then(Value::as_array)
            .map(|l| l.iter().cloned().map(normalise).collect())
            .unwrap_or_default();
        assert_eq!(ours, theirs, "{id}: intents");
    }
    cases.len()
}
