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
                d.warnings.iter().any(
                    |w| w.code == code && w.severity == intent_signer::review::Severity::Danger
                ),
                "{id}: no {code} danger"
            );
            continue;
        }
        if c["expected"]["refused"] == true {
            assert!(
                decoded.is_err(),
                "{id}: refused by {} but decoded here",
                if c["verifier"]["refuses"].is_string() {
                    "the verifier"
                } else {
                    "policy"
                }
            );
            continue;
        }
        let d =
            decoded.unwrap_or_else(|e| panic!("{id}: the verifier accepts it, refused here: {e}"));
        let want = &c["verifier"]["accepts"];
        let m = &d.message;
        assert_eq!(
            m.signer_id,
            want["signer_id"].as_str().unwrap(),
            "{id}: signer_id"
        );
        assert_eq!(
            m.deadline.unix_nanos,
            Deadline::parse(want["deadline"].as_str().unwrap())
                .unwrap()
                .unix_nanos,
            "{id}: deadline"
        );
        if !nep {
            assert_eq!(
                m.verifying_contract,
                want["verifying_contract"].as_str().unwrap(),
                "{id}"
            );
            let nonce =
                intent_signer::encoding::base64_decode(want["nonce"].as_str().unwrap()).unwrap();
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

pub const REVIEW_INTENTS: &str = include_str!("../vectors/review-intents.json");

/// `prepare_signing` on each execution: the exact warnings (code, severity,
/// path), the quote verdict, the entries' fields, or the refusal.
pub fn run_review_intents() -> usize {
    use intent_signer::execution::{prepare_signing, PrepareOptions};
    let cases = super::cases(REVIEW_INTENTS);
    for c in &cases {
        let id = c["id"].as_str().unwrap();
        let input = &c["input"];
        let known: Vec<String> = input["knownRecipients"]
            .as_array()
            .map(|l| l.iter().map(|v| v.as_str().unwrap().to_string()).collect())
            .unwrap_or_default();
        let r = prepare_signing(
            &input["execution"],
            &PrepareOptions {
                wallet: input["wallet"].as_str().unwrap(),
                now_ms: input["now"].as_i64(),
                verifying_contract: "intents.near",
                known_contracts: &[],
                known_recipients: &known,
            },
        );
        if let Some(code) = c["error"].as_str() {
            let e = r.err().unwrap_or_else(|| panic!("{id}: expected {code}"));
            assert_eq!(e.code(), code, "{id}: {e}");
            assert_eq!(e.path(), c["errorPath"].as_str().unwrap(), "{id}: path");
            continue;
        }
        let r = r.unwrap_or_else(|e| panic!("{id}: {e}"));
        let exp = &c["expected"];
        let mut got: Vec<(String, String, String)> = r
            .warnings
            .iter()
            .map(|w| {
                (
                    w.code.to_string(),
                    w.severity.as_str().to_string(),
                    w.path.clone(),
                )
            })
            .collect();
        let mut want: Vec<(String, String, String)> = exp["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| {
                (
                    w["code"].as_str().unwrap().to_string(),
                    w["severity"].as_str().unwrap().to_string(),
                    w["path"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        // Most severe first, as documented.
        assert!(
            r.warnings
                .windows(2)
                .all(|p| p[0].severity <= p[1].severity),
            "{id}: warnings not sorted by severity"
        );
        got.sort();
        want.sort();
        assert_eq!(got, want, "{id}: warnings");
        assert_eq!(
            r.quote_matches.map(Value::Bool).unwrap_or(Value::Null),
            exp["quoteMatches"],
            "{id}: quoteMatches"
        );
        for (i, e) in exp["entries"].as_array().into_iter().flatten().enumerate() {
            let entry = &r.entries[i];
            assert_eq!(entry.kind, e["kind"].as_str().unwrap(), "{id}: entry {i}");
            for f in e["fields"].as_array().unwrap() {
                let name = f.as_str().unwrap();
                assert!(
                    entry.fields.iter().any(|x| x.name == name),
                    "{id}: entry {i} lacks field {name}: {:?}",
                    entry.fields
                );
            }
        }
        let intents = r.entries.iter().filter(|e| e.kind != "step").count();
        assert_eq!(
            intents,
            r.intent.message.intents.len(),
            "{id}: one entry per intent"
        );
        for line in &r.review {
            assert!(
                !line.contains('\n') && !line.contains('\r'),
                "{id}: a line holds a line break: {line:?}"
            );
        }
        for s in exp["reviewIncludes"].as_array().into_iter().flatten() {
            let s = s.as_str().unwrap();
            assert!(
                r.review.iter().any(|l| l.contains(s)),
                "{id}: no line has {s:?}: {:#?}",
                r.review
            );
        }
        let danger = r
            .warnings
            .iter()
            .any(|w| w.severity == intent_signer::review::Severity::Danger);
        let flags = c["flags"].as_array().unwrap();
        assert_eq!(
            danger,
            flags.contains(&Value::from("hostile")),
            "{id}: honest/hostile flag"
        );
    }
    cases.len()
}
