#!/usr/bin/env bash
# Installs what the Rust tiers need, idempotently: the wasm32 target, clippy, rustfmt.
set -euo pipefail
have_target() { rustup target list --installed 2>/dev/null | grep -qx "$1"; }
have_target wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
have_comp() { rustup component list --installed 2>/dev/null | grep -q "^$1"; }
have_comp clippy || rustup component add clippy
have_comp rustfmt || rustup component add rustfmt
