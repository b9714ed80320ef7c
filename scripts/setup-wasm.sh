#!/usr/bin/env bash
# Installs, idempotently, what building and testing the wasm module needs:
# the wasm32 target and wasm-bindgen-cli at the exact version in Cargo.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-rust.sh
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "== installing wasm-bindgen-cli $want (found: ${have:-none})"
  # No --locked: a dependency version it locks is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$want"
fi
