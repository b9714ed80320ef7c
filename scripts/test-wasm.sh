#!/usr/bin/env bash
# Tier 2: the Rust vector runner compiled to wasm32, under wasm-bindgen-test,
# in Node and in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-wasm.sh
bash scripts/setup-browser.sh
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=300
echo "== wasm-bindgen-test in Node"
cargo test --target wasm32-unknown-unknown --test wasm
echo "== wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/wasm-browser/webdriver.json" \
  cargo test --target wasm32-unknown-unknown --test wasm
