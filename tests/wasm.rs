//! The vector runner compiled to WebAssembly, run by `wasm-bindgen-test` in
//! Node (default) and in headless Chromium (`WASM_BINDGEN_USE_BROWSER=1`).
#![cfg(target_arch = "wasm32")]

mod runner;

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn upstream_vectors() {
    assert!(runner::run_upstream() >= 25);
}

#[wasm_bindgen_test]
fn negative_and_policy_vectors() {
    assert!(runner::run_negative() >= 50);
}

#[wasm_bindgen_test]
fn generated_nep413() {
    runner::run_generated(runner::GEN_NEP413, "nep413");
}

#[wasm_bindgen_test]
fn generated_erc191() {
    runner::run_generated(runner::GEN_ERC191, "erc191");
}

#[wasm_bindgen_test]
fn generated_tip191() {
    runner::run_generated(runner::GEN_TIP191, "tip191");
}

#[wasm_bindgen_test]
fn generated_raw_ed25519() {
    runner::run_generated(runner::GEN_RAW_ED25519, "raw_ed25519");
}

#[wasm_bindgen_test]
fn generated_sep53() {
    runner::run_generated(runner::GEN_SEP53, "sep53");
}

#[wasm_bindgen_test]
fn abi_generated_viem_ethers() {
    runner::run_abi_generated();
}

#[wasm_bindgen_test]
fn abi_aurora_examples() {
    runner::run_abi_aurora();
}

#[wasm_bindgen_test]
fn abi_negative_and_policy() {
    runner::run_abi_negative();
}

#[wasm_bindgen_test]
fn eip712_generated_viem_ethers() {
    runner::run_eip712_generated();
}

#[wasm_bindgen_test]
fn permit2_generated_sdk_viem_ethers() {
    runner::run_permit2_generated();
}

#[wasm_bindgen_test]
fn eip7702_generated_viem_ethers() {
    runner::run_eip7702_generated();
}

#[wasm_bindgen_test]
fn execution_request_rules() {
    runner::run_execution_requests();
}

#[wasm_bindgen_test]
fn executions_generated_independent_wallets() {
    runner::run_executions_generated();
}

#[wasm_bindgen_test]
fn verifier_parse_rules() {
    assert!(runner::review::run_verifier_parse() >= 150);
}

#[wasm_bindgen_test]
fn review_intents_hostile_and_honest() {
    assert!(runner::review::run_review_intents() >= 40);
}

#[wasm_bindgen_test]
fn review_evm_hostile_and_honest() {
    assert!(runner::run_review_evm() >= 40);
}

#[wasm_bindgen_test]
#[cfg(all(feature = "webauthn", feature = "ton"))]
fn webauthn_ton_upstream() {
    assert!(runner::passkey_ton::run_upstream() >= 8);
}

#[wasm_bindgen_test]
#[cfg(all(feature = "webauthn", feature = "ton"))]
fn webauthn_generated_node_crypto() {
    assert!(runner::passkey_ton::run_generated_webauthn() >= 50);
}

#[wasm_bindgen_test]
#[cfg(all(feature = "webauthn", feature = "ton"))]
fn ton_connect_generated_ton_crypto() {
    assert!(runner::passkey_ton::run_generated_ton() >= 60);
}

#[wasm_bindgen_test]
#[cfg(all(feature = "webauthn", feature = "ton"))]
fn intent_hash_sdk_all_standards() {
    assert!(runner::passkey_ton::run_sdk() >= 90);
}
