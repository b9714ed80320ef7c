#!/usr/bin/env bash
# `make demo`: builds pkg/ (installing the wasm toolchain it needs), installs
# the demo server's libraries, and serves the page with the embedded mock
# APIs on http://127.0.0.1:${PORT:-8080}/.
#   make demo                          the embedded mock Intents Connect API
#   make demo ARGS="--api <url>"       proxy /api/v1/* to a real server
#                                      (x-api-key from INTENTS_CONNECT_API_KEY)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-pkg.sh
lock_sum=$(sha256sum www/package.json www/package-lock.json | sha256sum | cut -d' ' -f1)
stamp=www/node_modules/.intent-signer-lock
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "== npm ci in www/"
  (cd www && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$stamp"
fi
exec node www/server.mjs --port "${PORT:-8080}" "$@"
