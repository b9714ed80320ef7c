#!/usr/bin/env bash
# The benchmark run (`make bench`): builds pkg/, installs bench/'s pinned npm
# packages when bench/package-lock.json changed, then runs bench/run.mjs, which
# prints the tables and writes bench/results.json (see BENCHMARKS.md).
#   BENCH_NO_BUILD=1   reuse the pkg/ already built
#   BENCH_ROUNDS, BENCH_TIME_MS, BENCH_ONLY, BENCH_SKIP, ...: see bench/run.mjs
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BENCH_NO_BUILD:-}" = 1 ] && [ -f pkg/node/intent_signer.js ] && [ -f pkg/web/intent_signer_bg.wasm ]; then
  echo "== reusing pkg/ (BENCH_NO_BUILD=1)"
else
  bash scripts/build-pkg.sh
fi

[ -x /usr/bin/chromium ] || bash scripts/setup-browser.sh

stamp=bench/node_modules/.bench-lock.sha256
want=$(cat bench/package.json bench/package-lock.json | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "== npm ci in bench/"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi

echo "== node bench/run.mjs"
node bench/run.mjs
