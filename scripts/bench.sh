#!/usr/bin/env bash
# The benchmark run (`make bench`): builds pkg/, installs bench/'s pinned npm
# packages when bench/package-lock.json changed, then runs bench/run.mjs, which
# prints the tables and writes bench/results.json (see BENCHMARKS.md).
#   BENCH_NO_BUILD=1   reuse the pkg/ already built
#   BENCH_ROUNDS, BENCH_TIME_MS, BENCH_ONLY, BENCH_SKIP, ...: see bench/run.mjs
#   BENCH_SKIP=native  skip the native baseline (bench/native.mjs, bench/native/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BENCH_NO_BUILD:-}" = 1 ] && [ -f pkg/all/index.cjs ] && [ -f pkg/all/intent_signer_all_bg.wasm ]; then
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

# The native baseline (bench/native, criterion): writes bench/native/results.json.
case ",${BENCH_SKIP:-}," in
  *,native,*) echo "== skipping the native baseline (BENCH_SKIP has native)" ;;
  *) echo "== node bench/native.mjs (cargo bench in bench/native)"; node bench/native.mjs ;;
esac

echo "== node bench/run.mjs"
node bench/run.mjs
