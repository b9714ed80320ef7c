#!/usr/bin/env bash
# Tier: the demo page (www/) end to end in Debian's Chromium.
#
# - builds pkg/ only when pkg/package.json is missing;
# - npm ci in www/ (the mock server's libraries) and tests/e2e/ (playwright-core,
#   viem, @noble/*, borsh, bs58), each only when its lock changed;
# - installs Debian's Chromium when missing (scripts/setup-browser.sh; never
#   `npx playwright install`);
# - runs node --test over tests/e2e/: the test starts the mock server on a free
#   port and the browser itself, and stops both. Screenshots: tests/e2e/output/.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f pkg/package.json ]; then
  echo "== building pkg/ (scripts/build-pkg.sh)"
  bash scripts/build-pkg.sh
fi

npm_ci() { # dir: npm ci when package.json or the lock changed since the last install
  local dir=$1 stamp sum
  stamp=$dir/node_modules/.intent-signer-lock
  sum=$(sha256sum "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    echo "== npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" > "$stamp"
  fi
}
npm_ci www
npm_ci tests/e2e

bash scripts/setup-browser.sh

echo "== node --test tests/e2e/*.e2e.mjs"
exec node --test --test-timeout=150000 --test-concurrency=1 tests/e2e/*.e2e.mjs
