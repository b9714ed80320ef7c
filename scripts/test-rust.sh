#!/usr/bin/env bash
# Tier 1: formatting, lints, native unit tests, doctests and vector tests, and the wasm32 build check.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-rust.sh
echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy"
cargo clippy --all-targets -- -D warnings
echo "== cargo check and clippy (wasm32, --features wasm)"
cargo check --target wasm32-unknown-unknown
cargo clippy --target wasm32-unknown-unknown --features wasm -- -D warnings
echo "== cargo test"
cargo test
