#!/usr/bin/env bash
# The wasm-opt pass run on a .wasm after wasm-bindgen.
# Usage: bash scripts/opt-wasm.sh <in_bg.wasm> <out_bg.wasm>
set -euo pipefail
in=${1:?in}; out=${2:?out}
root="$(cd "$(dirname "$0")/.." && pwd)"
WASM_OPT="$root/scripts/tools/node_modules/.bin/wasm-opt"
if [ ! -x "$WASM_OPT" ]; then
  (cd "$root/scripts/tools" && npm install --no-audit --no-fund --loglevel=error)
fi
"$WASM_OPT" -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers "$in" -o "$out"
