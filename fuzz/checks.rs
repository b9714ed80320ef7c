//! The property checks of the fuzz targets, shared by the cargo-fuzz targets
//! (`fuzz/fuzz_targets/*.rs`) and the corpus replay test
//! (`tests/fuzz_corpus.rs`), which both include this file with
//! `#[path = ...] mod checks;`.
//!
//! Each check takes the raw fuzz input and panics when a property fails; an
//! input the library rejects with an `Err` is fine. Only the public API of
//! `intent_signer` (and `serde_json`, the type of that API) is used.
//!
//! | target | input | properties |
//! |---|---|---|
//! | `multi_payload` | MultiPayload JSON text | parse → verify; to_json → parse gives an equal payload, the same verification and the same bytes |
//! | `intent_decode` | intent message text | decode / decode_nep413 agree; the decoded message rebuilt from its parts decodes to the same message |
//! | `execution` | execution JSON | prepare_signing with fixed test wallets; a prepared request signed by the wallet's key finishes and verifies |
//! | `nep413` | NEP-413 payload JSON | from_json → preimage / hash; to_json → from_json round trip |
//! | `keys` | key / signature / wallet text, also raw bytes | parse → format → parse round trips; decode(encode(x)) = x for hex, base58, base64 |
//! | `abi_encode` | `signature` `\n` JSON parameters | encode; decode(encode) re-encodes to the same bytes; review_step agrees |
//! | `abi_decode` | 1 selector byte + call data | decode with fixed signatures; encode(decode(x)) = x |
//! | `eip712` | typed-data JSON text | parse → signing_hash never fails after a successful parse; the canonical message hashes the same |
//! | `permit2_params` | `params_to_sign` JSON | from_params_to_sign with fixed args; the built typed data parses, hashes to the digest and reviews |

#![allow(dead_code)]

use intent_signer::abi::{self, FunctionSig, Placeholders};
use intent_signer::eip712::TypedData;
use intent_signer::encoding::{
    base58_decode, base58_encode, base64_decode, base64_encode, format_curve_bytes, hex_decode,
    hex_encode, hex_encode_prefixed, parse_curve_bytes, Curve, PublicKey,
};
use intent_signer::execution::{
    check_signing_payload, finish_signing, prepare_signing, validate_execution_request,
    FinishInput, PrepareOptions, RequestKind, SignatureInput, Wallet, WalletOutput,
};
use intent_signer::intent::{self, CheckOptions};
use intent_signer::nep413::{self, Nep413Payload};
use intent_signer::step::{self, ReviewOptions};
use intent_signer::{
    ed25519, erc191, permit2, raw_ed25519, secp256k1, MultiPayload, Standard, Verification,
};
use serde_json::{json, Value};

/// A property check over one raw input.
pub type Check = fn(&[u8]);

/// Every target: (directory name under `fuzz/corpus` / `fuzz/regressions`, check).
pub const TARGETS: &[(&str, Check)] = &[
    ("multi_payload", multi_payload),
    ("intent_decode", intent_decode),
    ("execution", execution),
    ("nep413", nep413_payload),
    ("keys", keys),
    ("abi_encode", abi_encode),
    ("abi_decode", abi_decode),
    ("eip712", eip712),
    ("permit2_params", permit2_params),
];

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

fn json_value(data: &[u8]) -> Option<Value> {
    serde_json::from_slice(data)
        .ok()
        .or_else(|| serde_json::from_str(&text(data)).ok())
}

/// `Ok` values compared exactly; errors compared by their stable code.
fn same_verification(
    a: &intent_signer::Result<Verification>,
    b: &intent_signer::Result<Verification>,
) -> bool {
    match (a, b) {
        (Ok(x), Ok(y)) => x == y,
        (Err(x), Err(y)) => x.code() == y.code(),
        _ => false,
    }
}

// ------------------------------------------------------------ multi_payload

/// `MultiPayload` JSON: parse → verify; a parsed payload re-serialises to
/// JSON that parses back to an equal payload with the same verification, and
/// serialising is a fixed point (a verified payload re-serialises to the same
/// bytes).
pub fn multi_payload(data: &[u8]) {
    let input = text(data);
    let Ok(mp) = MultiPayload::parse(&input) else {
        return;
    };
    let verification = mp.verify();
    let _ = mp.decode_intent();
    let _ = mp.intent_hash();
    if let Ok(v) = &verification {
        assert_eq!(v.standard, mp.standard(), "verify reports another standard");
        assert_eq!(
            Ok(v.intent_hash),
            mp.intent_hash(),
            "verify reports another intent hash"
        );
    }
    let out = mp.to_json();
    let again = MultiPayload::parse(&out)
        .unwrap_or_else(|e| panic!("to_json output does not parse: {e}\n{out}"));
    assert_eq!(again, mp, "to_json → parse changed the payload\n{out}");
    let verification_again = again.verify();
    assert!(
        same_verification(&verification, &verification_again),
        "verification changed after to_json → parse: {verification:?} vs {verification_again:?}"
    );
    assert_eq!(
        again.to_json(),
        out,
        "to_json is not a fixed point (a verified payload must re-serialise to the same bytes)"
    );
    // Also through serde_json::Value, as callers holding parsed JSON do.
    let value: Value = serde_json::from_str(&out).expect("to_json output is JSON");
    let from_value = MultiPayload::from_json(&value)
        .unwrap_or_else(|e| panic!("from_json rejects to_json output: {e}"));
    assert_eq!(from_value, mp, "from_json(to_json) changed the payload");
}

// ------------------------------------------------------------ intent_decode

/// The intent message string: `intent::decode` and `intent::decode_nep413`
/// agree; the decoded message, rebuilt from its parts with `Intent::to_json`,
/// decodes to the same message.
pub fn intent_decode(data: &[u8]) {
    let payload = text(data);
    let decoded = intent::decode(&payload);
    // The same text as a NEP-413 message (the verifier reads only
    // signer_id, deadline and intents from it).
    let nonce = decoded.as_ref().map_or([7u8; 32], |d| d.message.nonce);
    let recipient = decoded.as_ref().map_or_else(
        |_| String::from("intents.near"),
        |d| d.message.verifying_contract.clone(),
    );
    let nep = Nep413Payload {
        message: payload.clone(),
        nonce,
        recipient,
        callback_url: None,
    };
    let decoded_nep = intent::decode_nep413(&nep);
    let Ok(d) = decoded else {
        return;
    };
    let dn = decoded_nep
        .unwrap_or_else(|e| panic!("decode accepts the message but decode_nep413 rejects it: {e}"));
    assert_eq!(dn.message.intents_path, "message.intents");
    assert_eq!(
        intent::IntentMessage {
            intents_path: d.message.intents_path.clone(),
            ..dn.message.clone()
        },
        d.message,
        "decode and decode_nep413 disagree on the same message"
    );
    let m = &d.message;
    intent::validate_account_id(&m.signer_id).expect("decoded signer_id is a valid account id");
    assert_eq!(
        intent::decode_nonce(&m.nonce),
        m.nonce_info,
        "nonce_info is not decode_nonce(nonce)"
    );
    for now in [None, Some(0), Some(i128::MAX), Some(m.deadline.unix_nanos)] {
        let _ = d.check(&CheckOptions {
            verifying_contract: Some("intents.near"),
            now_unix_nanos: now,
            public_key: None,
        });
    }
    let kinds: Vec<&str> = m.intents.iter().map(intent::Intent::kind).collect();
    assert_eq!(kinds.len(), m.intents.len());
    review_invariants(m);
    // Rebuild the message from its decoded parts: it must decode the same.
    let rebuilt = json!({
        "signer_id": m.signer_id,
        "verifying_contract": m.verifying_contract,
        "deadline": m.deadline.text,
        "nonce": base64_encode(&m.nonce),
        "intents": m.intents.iter().map(intent::Intent::to_json).collect::<Vec<_>>(),
    })
    .to_string();
    let again = intent::decode(&rebuilt)
        .unwrap_or_else(|e| panic!("the rebuilt message does not decode: {e}\n{rebuilt}"));
    assert_eq!(
        again.message, d.message,
        "the rebuilt message decodes differently\n{rebuilt}"
    );
}

/// The review of any decoded message: one entry per intent, in order, and no
/// outside character that could forge or hide a line in any text it shows.
fn review_invariants(m: &intent::IntentMessage) {
    use intent_signer::intent_review::{review_intents, IntentContext, QuoteTerms};
    let quote = QuoteTerms {
        origin_asset: Some("nep141:wrap.near".into()),
        destination_asset: Some("nep141:usdc.near".into()),
        amount_in: Some(1),
        amount_out: Some(u128::MAX),
        min_amount_out: None,
        deposit_address: Some("deposit.near".into()),
    };
    for q in [None, Some(&quote)] {
        let r = review_intents(
            m,
            &IntentContext {
                path: "p",
                quote: q,
                intermediary: Some("0x0000000000000000000000000000000000000001"),
                known_recipients: &[],
            },
        );
        assert_eq!(r.entries.len(), m.intents.len(), "one entry per intent");
        assert_eq!(r.quote_matches.is_some(), q.is_some());
        let shown = r
            .entries
            .iter()
            .flat_map(|e| {
                core::iter::once(e.summary.as_str()).chain(
                    e.fields
                        .iter()
                        .flat_map(|f| [f.name.as_str(), f.value.as_str()]),
                )
            })
            .chain(r.warnings.iter().map(|w| w.message.as_str()));
        for text in shown {
            assert!(
                !text.chars().any(intent_signer::review::is_hidden),
                "a hidden or line-breaking character reached the review: {text:?}"
            );
        }
    }
}

// ---------------------------------------------------------------- execution

/// Test keys of `tests/vectors/gen/gen-executions.mjs`:
/// sha256("intent-signer execution test key {i}"). TEST KEYS ONLY.
pub const EVM_KEY: &str = "18b71b3bcdc7aab1d7ed3f04f047d6e96e45843d029a15b2ccaad7220e39783c"; // i = 0
/// Key of `alice.near` (i = 3).
pub const NEAR_NAMED_SEED: &str =
    "3651feb9b16b790bb0414a597b9474ce1ddf3579388b00216807107d5212334a";
/// Key of the implicit NEAR account (i = 4).
pub const NEAR_IMPLICIT_SEED: &str =
    "bbd4987173cf714a4a9778a4824e9d3dc7d8f3399a509ebc94d0f6c63f86becb";
/// Solana key (i = 6).
pub const SOLANA_SEED: &str = "05bc4cda10c1da55af9958448a4c1f58d70b9a357e1424e75a0e9d0cc245b23b";
/// `now` of `tests/vectors/generated/executions.json` (ms).
pub const NOW_MS: i64 = 1_795_426_200_000;

fn key32(hex: &str) -> [u8; 32] {
    intent_signer::encoding::hex_decode_array(hex).expect("fixed test key")
}

/// A fixed test wallet: the string `prepare_signing` gets and how it signs.
pub struct TestWallet {
    /// As given to `prepare_signing`.
    pub wallet: String,
    kind: WalletKind,
}

enum WalletKind {
    Evm([u8; 32]),
    Near { account: String, seed: [u8; 32] },
    Solana([u8; 32]),
}

/// The fixed wallets: an EVM address (EIP-55), `alice.near`, an implicit NEAR
/// account and a Solana key — the wallets of the execution vectors.
pub fn test_wallets() -> &'static [TestWallet] {
    static WALLETS: std::sync::OnceLock<Vec<TestWallet>> = std::sync::OnceLock::new();
    WALLETS.get_or_init(make_test_wallets)
}

fn make_test_wallets() -> Vec<TestWallet> {
    let evm = key32(EVM_KEY);
    let evm_address = secp256k1::address(&secp256k1::public_key(&evm).expect("EVM test key"));
    let implicit_seed = key32(NEAR_IMPLICIT_SEED);
    let solana = key32(SOLANA_SEED);
    vec![
        TestWallet {
            wallet: secp256k1::checksum_address(&evm_address),
            kind: WalletKind::Evm(evm),
        },
        TestWallet {
            wallet: "alice.near".into(),
            kind: WalletKind::Near {
                account: "alice.near".into(),
                seed: key32(NEAR_NAMED_SEED),
            },
        },
        TestWallet {
            wallet: hex_encode(&ed25519::public_key(&implicit_seed)),
            kind: WalletKind::Near {
                account: hex_encode(&ed25519::public_key(&implicit_seed)),
                seed: implicit_seed,
            },
        },
        TestWallet {
            wallet: base58_encode(&ed25519::public_key(&solana)),
            kind: WalletKind::Solana(solana),
        },
    ]
}

impl TestWallet {
    /// What the wallet answers for `input` (as a correct wallet does).
    fn sign(&self, input: &FinishInput) -> WalletOutput {
        match &self.kind {
            WalletKind::Evm(sk) => WalletOutput {
                signature: SignatureInput::Text(hex_encode_prefixed(
                    &erc191::sign(input.payload_json.as_bytes(), sk).expect("erc191 sign"),
                )),
                public_key: None,
                account_id: None,
            },
            WalletKind::Near { account, seed } => {
                let payload = input.nep413.as_ref().expect("a NEP-413 request");
                WalletOutput {
                    signature: SignatureInput::Text(base64_encode(
                        &nep413::sign(payload, seed).expect("nep413 sign"),
                    )),
                    public_key: Some(format_curve_bytes(
                        Curve::Ed25519,
                        &ed25519::public_key(seed),
                    )),
                    account_id: Some(account.clone()),
                }
            }
            WalletKind::Solana(seed) => WalletOutput {
                signature: SignatureInput::Bytes(
                    raw_ed25519::sign(input.payload_json.as_bytes(), seed).to_vec(),
                ),
                public_key: None,
                account_id: None,
            },
        }
    }
}

fn check_payload(payload: &Value, signing_standard: Option<&str>) {
    let Ok(p) = check_signing_payload(payload, signing_standard) else {
        return;
    };
    let without = check_signing_payload(payload, None)
        .unwrap_or_else(|e| panic!("accepted with signingStandard, rejected without: {e}"));
    assert_eq!(without, p, "signingStandard changed the result");
    let b64 = payload
        .get("payload_bytes_base64")
        .and_then(Value::as_str)
        .expect("accepted payload has payload_bytes_base64");
    assert_eq!(
        base64_decode(b64).expect("accepted base64"),
        p.payload_json.as_bytes(),
        "accepted payload whose base64 is not payload_json"
    );
    assert_eq!(p.nep413.is_some(), p.standard == Standard::Nep413);
}

/// An Intents Connect execution: the payload checks, the request-body
/// validation, and `prepare_signing` for each fixed wallet; a prepared
/// request, signed by that wallet's key, must finish and verify.
pub fn execution(data: &[u8]) {
    let Some(execution) = json_value(data) else {
        return;
    };
    // The payload check on its own, on details.payload and on the input itself.
    let details = execution.get("details");
    let signing_standard = details
        .and_then(|d| d.get("signingStandard"))
        .and_then(Value::as_str);
    if let Some(payload) = details.and_then(|d| d.get("payload")) {
        check_payload(payload, signing_standard);
        check_payload(payload, Some("nep413"));
    }
    check_payload(&execution, None);
    // The create-execution body rules (never panic).
    let _ = validate_execution_request(&execution, RequestKind::Quote);
    let _ = validate_execution_request(&execution, RequestKind::Steps);

    for w in test_wallets() {
        for now_ms in [Some(NOW_MS), None] {
            let known = [String::from("0x833589fcd6edb6e08f4c7c32d4f71b54bda02913")];
            let Ok(request) = prepare_signing(
                &execution,
                &PrepareOptions {
                    wallet: &w.wallet,
                    now_ms,
                    verifying_contract: "intents.near",
                    known_contracts: &known,
                    known_recipients: &known,
                },
            ) else {
                continue;
            };
            check_prepared(w, &request);
        }
    }
}

fn check_prepared(w: &TestWallet, request: &intent_signer::execution::SigningRequest) {
    let wallet = Wallet::parse(&w.wallet).expect("fixed wallet parses");
    assert_eq!(request.wallet, wallet, "prepared for another wallet");
    assert_eq!(
        request.standard,
        wallet.standard(),
        "wallet signs another standard"
    );
    assert_eq!(
        request.intent.message.signer_id,
        wallet.signer_id(),
        "prepared an intent of another signer"
    );
    assert_eq!(request.intent.message.verifying_contract, "intents.near");
    let expected_hash = match request.standard {
        Standard::Erc191 => erc191::hash(request.payload_json.as_bytes()),
        Standard::RawEd25519 => raw_ed25519::intent_hash(request.payload_json.as_bytes()),
        Standard::Nep413 => match &request.wallet_request {
            intent_signer::execution::WalletRequest::SignMessage(p) => {
                nep413::hash(p).expect("nep413 hash")
            }
            other => panic!("a nep413 request asks the wallet for {other:?}"),
        },
        other => panic!("prepared a {other} request"),
    };
    assert_eq!(request.intent_hash, expected_hash, "intent hash");
    for line in &request.review {
        assert!(
            !line.chars().any(intent_signer::review::is_hidden),
            "a hidden or line-breaking character reached a review line: {line:?}"
        );
    }
    assert!(
        request
            .warnings
            .windows(2)
            .all(|p| p[0].severity <= p[1].severity),
        "warnings not sorted most severe first"
    );
    // The wallet signs exactly what it was asked: finishing must succeed.
    let input = FinishInput::from(request);
    let output = w.sign(&input);
    let finished = finish_signing(&input, &output)
        .unwrap_or_else(|e| panic!("a correctly signed request does not finish: {e}"));
    assert_eq!(
        finished.intent_hash, request.intent_hash,
        "finished intent hash"
    );
    assert_eq!(finished.signer_id, wallet.signer_id());
    let verification = finished
        .multi_payload
        .verify()
        .unwrap_or_else(|e| panic!("the finished MultiPayload does not verify: {e}"));
    assert!(verification.valid, "the finished MultiPayload is not valid");
    assert_eq!(verification.signer_id, wallet.signer_id());
    assert_eq!(verification.intent_hash, request.intent_hash);
    // And it round-trips like any MultiPayload.
    multi_payload(finished.multi_payload.to_json().as_bytes());
}

// -------------------------------------------------------------------- nep413

/// A NEP-413 payload JSON: from_json (lenient and strict) → preimage / hash,
/// and to_json → from_json gives the same payload.
pub fn nep413_payload(data: &[u8]) {
    let Some(value) = json_value(data) else {
        return;
    };
    let strict = Nep413Payload::from_json(&value, "payload", true);
    let Ok(p) = Nep413Payload::from_json(&value, "payload", false) else {
        assert!(strict.is_err(), "strict accepts what lenient rejects");
        return;
    };
    if let Ok(s) = &strict {
        assert_eq!(s, &p, "strict and lenient parse differently");
    }
    let pre = nep413::preimage(&p).expect("preimage of a parsed payload");
    assert_eq!(
        pre.get(..4),
        Some(&nep413::OFFCHAIN_PREFIX_TAG.to_le_bytes()[..]),
        "preimage does not start with the NEP-413 tag"
    );
    let min_len = 4 + 4 + p.message.len() + 32 + 4 + p.recipient.len() + 1;
    let url_len = p.callback_url.as_ref().map_or(0, |u| 4 + u.len());
    assert_eq!(pre.len(), min_len + url_len, "preimage length");
    let hash = nep413::hash(&p).expect("hash of a parsed payload");
    let mp = MultiPayload::Nep413 {
        payload: p.clone(),
        public_key: [0; 32],
        signature: [0; 64],
    };
    assert_eq!(mp.intent_hash(), Ok(hash), "MultiPayload intent hash");
    let back = Nep413Payload::from_json(&p.to_json(), "payload", true)
        .unwrap_or_else(|e| panic!("from_json rejects to_json output: {e}"));
    assert_eq!(back, p, "to_json → from_json changed the payload");
    let _ = intent::decode_nep413(&p);
}

// ---------------------------------------------------------------------- keys

fn curve_round_trip<const N: usize>(s: &str, curve: Curve) {
    let Ok(bytes) = parse_curve_bytes::<N>(s, curve) else {
        return;
    };
    let formatted = format_curve_bytes(curve, &bytes);
    assert!(formatted.starts_with(curve.prefix()));
    let again: [u8; N] = parse_curve_bytes(&formatted, curve)
        .unwrap_or_else(|e| panic!("format_curve_bytes output does not parse: {e}"));
    assert_eq!(again, bytes, "{curve} {N}-byte round trip");
}

/// Key, signature and wallet strings: parse → format → parse round trips;
/// and with the raw input bytes, decode(encode(x)) = x for every encoding.
pub fn keys(data: &[u8]) {
    let s = text(data);
    if let Ok(key) = PublicKey::parse(&s) {
        let shown = key.to_string();
        assert!(shown.starts_with(key.curve().prefix()));
        assert_eq!(PublicKey::parse(&shown), Ok(key), "PublicKey round trip");
        let account = key.implicit_account_id();
        intent::validate_account_id(&account).expect("implicit account id is valid");
        assert_ne!(
            intent::account_kind(&account),
            intent::AccountKind::Named,
            "an implicit account id classified as named"
        );
        intent::check_signer(&account, &key).expect("a key signs for its implicit account");
    }
    curve_round_trip::<32>(&s, Curve::Ed25519);
    curve_round_trip::<64>(&s, Curve::Ed25519);
    curve_round_trip::<64>(&s, Curve::Secp256k1);
    curve_round_trip::<65>(&s, Curve::Secp256k1);
    if let Ok(wallet) = Wallet::parse(&s) {
        intent::validate_account_id(&wallet.signer_id()).expect("wallet signer id is valid");
        assert_eq!(
            Wallet::parse(&wallet.display()).as_ref(),
            Ok(&wallet),
            "Wallet display → parse"
        );
    }
    // Text decoders: whatever decodes re-encodes to something that decodes the same.
    if let Ok(b) = hex_decode(&s) {
        assert_eq!(hex_decode(&hex_encode(&b)).as_ref(), Ok(&b));
    }
    if let Ok(b) = base64_decode(&s) {
        assert_eq!(base64_decode(&base64_encode(&b)).as_ref(), Ok(&b));
    }
    if s.len() <= 256 {
        if let Ok(b) = base58_decode(&s) {
            assert_eq!(base58_encode(&b), s, "base58 is canonical");
        }
    }
    // Raw bytes: decode(encode(x)) = x.
    let raw = data.get(..data.len().min(512)).unwrap_or(data);
    assert_eq!(hex_decode(&hex_encode(raw)).as_deref(), Ok(raw), "hex");
    assert_eq!(
        hex_decode(&hex_encode_prefixed(raw)).as_deref(),
        Ok(raw),
        "0x hex"
    );
    assert_eq!(
        base64_decode(&base64_encode(raw)).as_deref(),
        Ok(raw),
        "base64"
    );
    // base58 is quadratic: keys and signatures are at most 65 bytes.
    let short = raw.get(..raw.len().min(128)).unwrap_or(raw);
    assert_eq!(
        base58_decode(&base58_encode(short)).as_deref(),
        Ok(short),
        "base58"
    );
    for curve in [Curve::Ed25519, Curve::Secp256k1] {
        let formatted = format_curve_bytes(curve, raw);
        let n = raw.len();
        let ok = match n {
            32 => parse_curve_bytes::<32>(&formatted, curve).map(|a| a.to_vec()),
            64 => parse_curve_bytes::<64>(&formatted, curve).map(|a| a.to_vec()),
            65 => parse_curve_bytes::<65>(&formatted, curve).map(|a| a.to_vec()),
            _ => continue,
        };
        assert_eq!(ok.as_deref(), Ok(raw), "{curve} curve bytes round trip");
    }
}

// -------------------------------------------------------------------- abi

/// Placeholder values every ABI check uses.
pub fn placeholders() -> Placeholders {
    let mut p = Placeholders::new();
    p.insert("MIN_AMOUNT_OUT".into(), "94275".into());
    p.insert("AMOUNT_IN".into(), "1000000".into());
    p.insert(
        "DEPOSIT_ADDRESS".into(),
        "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913".into(),
    );
    p.insert(
        "INTERMEDIARY".into(),
        "0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E".into(),
    );
    p
}

/// `functionSignature` + `\n` + JSON parameters: when encoding succeeds, the
/// call data decodes, and the decoded values encode to the same bytes;
/// `review_step` of the same step gives the same call data.
pub fn abi_encode(data: &[u8]) {
    let input = text(data);
    let (signature, params_text) = input.split_once('\n').unwrap_or((input.as_str(), "[]"));
    let Ok(f) = FunctionSig::parse(signature) else {
        return;
    };
    // The canonical signature parses to the same types and selector.
    let canonical = f.canonical();
    let g = FunctionSig::parse(&canonical)
        .unwrap_or_else(|e| panic!("canonical signature {canonical:?} does not parse: {e}"));
    assert_eq!(
        g.selector(),
        f.selector(),
        "selector of the canonical signature"
    );
    assert_eq!(g.canonical(), canonical, "canonical() is not a fixed point");
    let f_types: Vec<_> = f.inputs.iter().map(|i| &i.ty).collect();
    let g_types: Vec<_> = g.inputs.iter().map(|i| &i.ty).collect();
    assert_eq!(f_types, g_types, "input types of the canonical signature");

    let Ok(Value::Array(params)) = serde_json::from_str::<Value>(params_text) else {
        return;
    };
    let ph = placeholders();
    let encoded = f.encode(&params, &ph);
    let checked = f.check(&params);
    assert_eq!(
        abi::encode_call(signature, &params, &ph),
        encoded,
        "encode_call and FunctionSig::encode disagree"
    );
    let Ok(calldata) = &encoded else {
        return;
    };
    if let Err(e) = checked {
        panic!("encode accepts parameters that check rejects: {e}");
    }
    let decoded = f
        .decode(calldata)
        .unwrap_or_else(|e| panic!("encode output does not decode: {e}"));
    let again = f
        .encode(&decoded, &Placeholders::new())
        .unwrap_or_else(|e| panic!("decoded values do not encode: {e}\n{decoded:?}"));
    assert_eq!(
        hex_encode(&again),
        hex_encode(calldata),
        "decode(encode(p)) encodes differently"
    );
    assert_eq!(
        abi::decode_call(signature, calldata).as_ref(),
        Ok(&decoded),
        "decode_call"
    );
    // The same call as an execution step.
    let step_json = json!({
        "to": "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
        "functionSignature": signature,
        "parameters": params,
        "value": "0",
    });
    let _ = step::validate_step(&step_json);
    let options = ReviewOptions {
        placeholders: ph,
        intermediary: Some("0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E".into()),
        known_contracts: Vec::new(),
    };
    if let Ok(review) = step::review_step(&step_json, &options) {
        if let Some(data) = &review.calldata {
            assert_eq!(
                hex_encode(data),
                hex_encode(calldata),
                "review_step call data differs from encode"
            );
        }
        assert_eq!(review.signature, canonical);
    }
}

/// Signatures the `abi_decode` target decodes with; the first input byte
/// picks one (`byte % len`). Nested tuples, dynamic and fixed arrays, strings,
/// bytes, small and signed integers.
pub const DECODE_SIGNATURES: &[&str] = &[
    "transfer(address,uint256)",
    "f(address,(uint256,bytes)[])",
    "deepArr((uint256,(bytes,(string,uint8)[])[])[])",
    "deepNamed(((address,uint256),(string,bytes32[2])),uint256)",
    "nest3(string[][2])",
    "g(uint256[][],string[])",
    "pC3woPBZTtoY(bool,address,string,int8,uint152,bytes20,uint48,bytes32,bytes32)",
    "exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))",
    "f(int24,int256)",
    "",
];

/// Byte 0: `b % DECODE_SIGNATURES.len()` picks the signature; if `b & 0x80`
/// the rest is the whole call data, else the selector is prepended to it.
/// When decoding succeeds, encoding the decoded values gives the same bytes.
pub fn abi_decode(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let signature = DECODE_SIGNATURES[usize::from(first) % DECODE_SIGNATURES.len()];
    let f = FunctionSig::parse(signature).expect("fixed signature parses");
    let mut calldata = Vec::with_capacity(rest.len() + 4);
    if first & 0x80 == 0 {
        calldata.extend_from_slice(&f.selector().unwrap_or_default());
    }
    calldata.extend_from_slice(rest);
    let Ok(values) = f.decode(&calldata) else {
        return;
    };
    assert_eq!(values.len(), f.inputs.len(), "decoded arity");
    let again = f.encode(&values, &Placeholders::new()).unwrap_or_else(|e| {
        panic!(
            "decoded values do not encode: {e}\nvalues: {}",
            Value::Array(values.clone())
        )
    });
    assert_eq!(
        hex_encode(&again),
        hex_encode(&calldata),
        "encode(decode(x)) != x (left: re-encoded, right: input)\nvalues: {}",
        Value::Array(values.clone())
    );
    // With the usual placeholder values too (a decoded value is never a placeholder).
    let with_placeholders = f.encode(&values, &placeholders());
    assert_eq!(
        with_placeholders.map(|b| hex_encode(&b)),
        Ok(hex_encode(&calldata)),
        "encode(decode(x)) with placeholder values != x"
    );
}

// -------------------------------------------------------------------- eip712

/// Typed data JSON text: a payload that parses always hashes (no input is
/// both accepted and reported invalid), and its canonical message is accepted
/// and hashes the same.
pub fn eip712(data: &[u8]) {
    let input = text(data);
    let Ok(td) = TypedData::parse(&input) else {
        return;
    };
    let digest = td
        .signing_hash()
        .unwrap_or_else(|e| panic!("parsed typed data does not hash: {e}"));
    let domain = td
        .domain_separator()
        .unwrap_or_else(|e| panic!("parsed typed data has no domain separator: {e}"));
    let message_hash = td
        .message_hash()
        .unwrap_or_else(|e| panic!("parsed typed data has no message hash: {e}"));
    td.encode_type(td.primary_type())
        .unwrap_or_else(|e| panic!("primary type does not encode: {e}"));
    let value: Value = serde_json::from_str(&input).expect("parsed typed data is JSON");
    assert_eq!(
        TypedData::from_json(&value).map(|t| t.signing_hash()),
        Ok(Ok(digest)),
        "from_json and parse disagree"
    );
    if let Some(d) = value.get("domain") {
        assert_eq!(
            td.hash_struct("EIP712Domain", d),
            Ok(domain),
            "hash_struct(EIP712Domain, domain) != domain_separator"
        );
    }
    if let Some(canonical) = td.canonical_message() {
        assert_eq!(
            td.hash_struct(td.primary_type(), &canonical),
            Ok(message_hash.expect("a message hash when there is a message")),
            "hash_struct(canonical message) != message_hash"
        );
        let mut replaced = value.clone();
        replaced["message"] = canonical;
        let again = TypedData::from_json(&replaced)
            .unwrap_or_else(|e| panic!("the canonical message is rejected: {e}"));
        assert_eq!(
            again.signing_hash(),
            Ok(digest),
            "the canonical message hashes differently"
        );
        assert_eq!(again.canonical_message(), td.canonical_message());
    }
}

// ------------------------------------------------------------ permit2_params

/// The fixed `args` of the `permit2_params` target.
pub fn permit2_args() -> Vec<Value> {
    vec![
        json!({
            "token": "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2",
            "amount": "2657715543115896665572168652920346886284394387779562",
            "deadline": "1893777469",
        }),
        json!({
            "token": "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
            "amount": "1000000",
            "deadline": 1_893_777_469,
            "nonce": "7",
        }),
    ]
}

/// A swap API's `params_to_sign`: when `from_params_to_sign` accepts it, the
/// typed data it builds parses, hashes to the reported digest and reviews.
pub fn permit2_params(data: &[u8]) {
    let Some(params) = json_value(data) else {
        return;
    };
    for args in permit2_args() {
        let Ok(built) = permit2::from_params_to_sign(&params, &args) else {
            continue;
        };
        let td = TypedData::from_json(&built.typed_data)
            .unwrap_or_else(|e| panic!("built typed data does not parse: {e}"));
        assert_eq!(
            td.signing_hash(),
            Ok(built.digest),
            "digest of the built typed data"
        );
        assert!(built.witness_hash.is_some() && built.witness_type_string.is_some());
        permit2::review(
            &built.typed_data,
            &permit2::ReviewOptions {
                now: Some(1_795_426_200),
                known_spenders: Vec::new(),
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("built typed data does not review: {e}"));
    }
}
