#!/usr/bin/env bash
# The .wasm of each entry (scripts/build-wasm.sh with the entry's features,
# wasm-bindgen --target web, scripts/opt-wasm.sh, as the package build does):
# raw and gzip -9 bytes, against the size targets of issue 14.
# Prints which toolchain path build-wasm.sh took (nightly -Zbuild-std or stable).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-wasm.sh >/dev/null
if [ ! -x scripts/tools/node_modules/.bin/wasm-opt ]; then
  (cd scripts/tools && npm install --no-audit --no-fund --loglevel=error)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rows=()
for spec in "near:wasm,intents,ed25519:60" "evm:wasm,evm:150" "connect:wasm,connect:" "all:wasm,secp256k1,ed25519,intents,evm,connect:200"; do
  IFS=: read -r name feats target <<<"$spec"
  out="$tmp/$name"; mkdir -p "$out"
  bash scripts/build-wasm.sh "$feats" "$out/raw.wasm" 2>"$out/path.txt" || { cat "$out/path.txt" >&2; exit 1; }
  cat "$out/path.txt" >&2
  path=nightly
  if grep -q '^build-wasm: stable\|falling back to stable' "$out/path.txt"; then path=stable; fi
  wasm-bindgen "$out/raw.wasm" --out-dir "$out" --target web --out-name x
  bash scripts/opt-wasm.sh "$out/x_bg.wasm" "$out/o.wasm"
  raw=$(wc -c < "$out/o.wasm"); gz=$(gzip -9 -c "$out/o.wasm" | wc -c)
  verdict="—"
  if [ -n "$target" ]; then
    if [ "$gz" -le $((target * 1000)) ]; then verdict="≤ $target KB: met"; else verdict="≤ $target KB: **missed** by $(( (gz - target * 1000 + 999) / 1000 )) KB"; fi
  fi
  rows+=("| $name | \`$feats\` | $path | $(grep -c '^export function\|^export class' "$out/x.js" || true) | $raw | $gz | $verdict |")
done
echo "| entry | features | toolchain | exports | raw bytes | gzip -9 bytes | target (gzip) |"
echo "|---|---|---|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
