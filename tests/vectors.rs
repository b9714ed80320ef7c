//! Every vector file, natively.

mod runner;

use intent_signer::encoding::{format_curve_bytes, parse_curve_bytes, Curve};
use intent_signer::MultiPayload;
use serde_json::Value;

#[test]
fn upstream_vectors() {
    assert!(runner::run_upstream() >= 25);
}

#[test]
fn negative_and_policy_vectors() {
    assert!(runner::run_negative() >= 50);
}

#[test]
fn generated_nep413() {
    runner::run_generated(runner::GEN_NEP413, "nep413");
}

#[test]
fn generated_erc191() {
    runner::run_generated(runner::GEN_ERC191, "erc191");
}

#[test]
fn generated_tip191() {
    runner::run_generated(runner::GEN_TIP191, "tip191");
}

#[test]
fn generated_raw_ed25519() {
    runner::run_generated(runner::GEN_RAW_ED25519, "raw_ed25519");
}

#[test]
fn generated_sep53() {
    runner::run_generated(runner::GEN_SEP53, "sep53");
}

/// The verifier wants v ∈ {0, 1} inside a MultiPayload: the wallet form
/// (27/28) of the upstream V-ERC191-3 signature is refused with its own code.
#[test]
fn multi_payload_rejects_wallet_v() {
    let case = runner::cases(runner::UPSTREAM)
        .into_iter()
        .find(|c| c["id"] == "V-ERC191-3")
        .unwrap();
    let mut mp = case["input"]["multiPayload"].clone();
    let mut sig: [u8; 65] =
        parse_curve_bytes(mp["signature"].as_str().unwrap(), Curve::Secp256k1).unwrap();
    assert_eq!(sig[64], 0);
    sig[64] = 27;
    mp["signature"] = Value::String(format_curve_bytes(Curve::Secp256k1, &sig));
    let err = MultiPayload::from_json(&mp).unwrap().verify().unwrap_err();
    assert_eq!(err.code(), "INVALID_RECOVERY_ID");
    assert_eq!(err.path(), "signature");
}

#[test]
fn abi_generated_viem_ethers() {
    runner::run_abi_generated();
}

#[test]
fn abi_aurora_examples() {
    assert!(runner::run_abi_aurora() >= 10);
}

#[test]
fn abi_negative_and_policy() {
    assert!(runner::run_abi_negative() >= 70);
}

#[test]
fn eip712_generated_viem_ethers() {
    runner::run_eip712_generated();
}

#[test]
fn permit2_generated_sdk_viem_ethers() {
    runner::run_permit2_generated();
}

#[test]
fn eip7702_generated_viem_ethers() {
    runner::run_eip7702_generated();
}

#[test]
fn execution_request_rules() {
    assert!(runner::run_execution_requests() >= 25);
}

#[test]
fn executions_generated_independent_wallets() {
    runner::run_executions_generated();
}

#[test]
fn verifier_parse_rules() {
    assert!(runner::review::run_verifier_parse() >= 150);
}

#[test]
fn review_intents_hostile_and_honest() {
    assert!(runner::review::run_review_intents() >= 40);
}

#[test]
fn review_evm_hostile_and_honest() {
    assert!(runner::run_review_evm() >= 40);
}

#[test]
#[cfg(all(feature = "webauthn", feature = "ton"))]
fn webauthn_ton_upstream() {
    assert!(runner::passkey_ton::run_upstream() >= 8);
}

#[test]
#[cfg(all(feature = "webauthn", feature = "ton"))]
fn webauthn_generated_node_crypto() {
    assert!(runner::passkey_ton::run_generated_webauthn() >= 50);
}

#[test]
#[cfg(all(feature = "webauthn", feature = "ton"))]
fn ton_connect_generated_ton_crypto() {
    assert!(runner::passkey_ton::run_generated_ton() >= 60);
}

#[test]
#[cfg(all(feature = "webauthn", feature = "ton"))]
fn intent_hash_sdk_all_standards() {
    assert!(runner::passkey_ton::run_sdk() >= 90);
}
