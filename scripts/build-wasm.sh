#!/usr/bin/env bash
# Builds the raw (pre-wasm-bindgen) cdylib for wasm32 with the given cargo
# features (--no-default-features) and copies it to <out.wasm>.
# Usage: bash scripts/build-wasm.sh <features> <out.wasm>
set -euo pipefail
feats=${1:?features}; out=${2:?out.wasm}
cd "$(dirname "$0")/.."
INTENT_SIGNER_GIT_HEAD=${INTENT_SIGNER_GIT_HEAD:-$(git rev-parse HEAD 2>/dev/null || echo unknown)} \
  cargo build -q --lib --release --target wasm32-unknown-unknown --no-default-features --features "$feats"
mkdir -p "$(dirname "$out")"
cp target/wasm32-unknown-unknown/release/intent_signer.wasm "$out"
