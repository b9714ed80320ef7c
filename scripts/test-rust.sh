#!/usr/bin/env bash
# Tier 1: formatting, lints, native unit tests, doctests and vector tests, and the wasm32 build check.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-rust.sh
echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy"
cargo clippy --all-targets -- -D warnings
echo "== each wing alone (cargo clippy --no-default-features --features <wing>)"
for wing in "" secp256k1 ed25519 intents evm connect; do
  echo "-- ${wing:-no features}"
  cargo clippy --lib --no-default-features ${wing:+--features "$wing"} -- -D warnings
done
echo "== each wing's binding alone (wasm32)"
for wings in intents,ed25519 evm connect ed25519 secp256k1; do
  echo "-- wasm,$wings"
  cargo check --lib --target wasm32-unknown-unknown --no-default-features --features "wasm,$wings"
done
echo "== cargo check and clippy (wasm32, --features wasm)"
cargo check --target wasm32-unknown-unknown
cargo clippy --target wasm32-unknown-unknown --features wasm -- -D warnings
echo "== cargo test"
cargo test
