#!/usr/bin/env bash
# The demo server (www/server.mjs) and its mock APIs (www/mock/):
# - installs www/'s dependencies (the mock's independent verifier:
#   @noble/curves, @noble/hashes, borsh, bs58) with `npm ci`, only when
#   www/package.json or www/package-lock.json changed since the last install;
# - runs node:test over tests/demo/*.test.mjs (servers on 127.0.0.1, port 0).
# When pkg/ is built, the suite also checks that the package accepts what
# the mock hands out; otherwise those tests are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

lock_sum=$(sha256sum www/package.json www/package-lock.json | sha256sum | cut -d' ' -f1)
stamp=www/node_modules/.intent-signer-lock
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "== npm ci in www/"
  (cd www && timeout 300 npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$stamp"
fi

echo "== node --test tests/demo/"
status=0
node --test --test-timeout=60000 tests/demo/*.test.mjs || status=$?
echo "== took $((SECONDS - start)) s"
exit $status
