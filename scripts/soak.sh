#!/usr/bin/env bash
# Soak test (`make soak`): builds pkg/ when it is missing, then runs
# scripts/soak.mjs — SOAK_CALLS (default 1,000,000) mixed calls over the
# package's exports with known vector inputs, one tenth invalid, each result
# checked, the wasm memory, rss and heap reported at the start, 10 %, 50 %,
# 90 % and the end. Exits non-zero on a wrong result or memory growth after
# the first 10 %. Other knobs: SOAK_SEED, SOAK_WASM_MARGIN_MB,
# SOAK_HEAP_MARGIN_MB, SOAK_RSS_MARGIN_MB.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f pkg/package.json ] || [ ! -f pkg/all/node.js ] || [ ! -f pkg/all/intent_signer_all_bg.wasm ]; then
  echo "== building pkg/ (scripts/build-pkg.sh)"
  bash scripts/build-pkg.sh
fi
echo "== node --expose-gc scripts/soak.mjs (SOAK_CALLS=${SOAK_CALLS:-1000000})"
exec node --expose-gc scripts/soak.mjs "$@"
