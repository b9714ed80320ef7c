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
# The size build (scripts/build-wasm.sh) rebuilds std on nightly with
# `-Zbuild-std`, which needs nightly's `rust-src`. Best effort: without it,
# build-wasm.sh falls back to stable (and says so).
# INTENT_SIGNER_WASM_TOOLCHAIN=stable skips this.
nightly=${INTENT_SIGNER_NIGHTLY:-nightly}
if [ "${INTENT_SIGNER_WASM_TOOLCHAIN:-auto}" != stable ]; then
  if ! rustup run "$nightly" rustc --version >/dev/null 2>&1; then
    echo "== installing the $nightly toolchain (minimal, rust-src) for the size build"
    rustup toolchain install "$nightly" --profile minimal --component rust-src >&2 \
      || echo "== $nightly not installed: build-wasm.sh will build with stable" >&2
  fi
  if rustup run "$nightly" rustc --version >/dev/null 2>&1 \
    && ! rustup component list --toolchain "$nightly" --installed 2>/dev/null | grep -q '^rust-src'; then
    echo "== adding rust-src to $nightly for the size build"
    rustup component add rust-src --toolchain "$nightly" >&2 \
      || echo "== rust-src not added: build-wasm.sh will build with stable" >&2
  fi
fi
