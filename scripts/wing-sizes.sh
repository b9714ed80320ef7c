#!/usr/bin/env bash
# The .wasm of each wing's binding alone (release, wasm-bindgen --target web,
# wasm-opt -Oz as scripts/build-pkg.sh does): raw and gzip -9 bytes. The
# numbers the packaging work (per-wing entries) starts from.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-wasm.sh >/dev/null
if [ ! -x scripts/tools/node_modules/.bin/wasm-opt ]; then
  (cd scripts/tools && npm install --no-audit --no-fund --loglevel=error)
fi
WASM_OPT=scripts/tools/node_modules/.bin/wasm-opt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "| binding | features | exports | raw bytes | gzip -9 bytes |"
echo "|---|---|---|---|---|"
for spec in "near:wasm,intents,ed25519" "connect:wasm,connect" "evm:wasm,evm" "all:wasm,secp256k1,ed25519,intents,evm,connect"; do
  name=${spec%%:*}; feats=${spec#*:}
  out="$tmp/$name"; mkdir -p "$out"
  bash scripts/build-wasm.sh "$feats" "$out/raw.wasm"
  wasm-bindgen "$out/raw.wasm" --out-dir "$out" --target web --out-name x
  bash scripts/opt-wasm.sh "$out/x_bg.wasm" "$out/o.wasm"
  echo "| $name | \`$feats\` | $(grep -c '^export function\|^export class' "$out/x.js" || true) | $(wc -c < "$out/o.wasm") | $(gzip -9 -c "$out/o.wasm" | wc -c) |"
done
