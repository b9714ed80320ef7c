#!/usr/bin/env bash
# Tier 3: the built npm package from JavaScript and TypeScript.
#
# - builds pkg/ when it is missing or INTENT_SIGNER_REBUILD=1;
# - installs the dev tools of tests/js/ (npm ci, only when the lock changed);
# - installs pkg/ as `npm pack` would publish it into
#   tests/js/node_modules/intent-signer, so tests import it by package name
#   (only when pkg/ changed);
# - runs node:test over tests/js/*.test.mjs and tsc --strict over
#   tests/js/usage.ts and tests/js/usage-viem.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
js=tests/js

if [ ! -f pkg/package.json ] || [ "${INTENT_SIGNER_REBUILD:-}" = 1 ]; then
  echo "== building pkg/ (scripts/build-pkg.sh)"
  bash scripts/build-pkg.sh
fi

# Dev tools (typescript, @types/node), exactly as locked.
lock_sum=$(sha256sum "$js/package.json" "$js/package-lock.json" | sha256sum | cut -d' ' -f1)
lock_stamp=$js/node_modules/.intent-signer-tests-lock
if [ ! -f "$lock_stamp" ] || [ "$(cat "$lock_stamp")" != "$lock_sum" ]; then
  echo "== npm ci in $js"
  (cd "$js" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$lock_stamp"
fi

# The built package, as it would be published (npm pack honours "files").
pkg_sum=$(cd pkg && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
dest=$js/node_modules/intent-signer
pkg_stamp=$js/node_modules/.intent-signer-pkg
if [ ! -f "$dest/package.json" ] || [ ! -f "$pkg_stamp" ] || [ "$(cat "$pkg_stamp")" != "$pkg_sum" ]; then
  echo "== installing pkg/ into $dest (npm pack)"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  npm pack "$root/pkg" --pack-destination "$tmp" --loglevel=error > "$tmp/name"
  rm -rf "$dest"
  mkdir -p "$dest"
  tar -xzf "$tmp/$(tail -n1 "$tmp/name")" -C "$dest" --strip-components=1
  echo "$pkg_sum" > "$pkg_stamp"
fi

status=0
echo "== node --test $js/*.test.mjs"
node --test "$js"/*.test.mjs || status=1
# tsconfig.json: the API (NodeNext); tsconfig.wallets.json: our outputs into
# viem and @near-wallet-selector/core (bundler resolution).
for config in tsconfig.json tsconfig.wallets.json; do
  echo "== tsc --noEmit --strict -p $js/$config"
  if "$js/node_modules/.bin/tsc" --noEmit --strict -p "$js/$config"; then
    echo "tsc: 0 errors"
  else
    status=1
  fi
done
exit $status
