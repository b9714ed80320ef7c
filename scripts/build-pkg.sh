#!/usr/bin/env bash
# Builds pkg/: one release build for wasm32-unknown-unknown (--features wasm),
# wasm-bindgen per target (web, bundler, nodejs), wasm-opt -Oz, and the npm
# package assembled from pkg-template/ with the version stamped from Cargo.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-wasm.sh
if [ ! -x scripts/tools/node_modules/.bin/wasm-opt ]; then
  echo "== installing build tools (binaryen)"
  (cd scripts/tools && npm install --no-audit --no-fund --loglevel=error)
fi
WASM_OPT=scripts/tools/node_modules/.bin/wasm-opt

echo "== cargo build (release, wasm32, --features wasm)"
raw=target/intent_signer_all.wasm
bash scripts/build-wasm.sh wasm,secp256k1,ed25519,intents,evm,connect "$raw"

rm -rf pkg
mkdir -p pkg
for target in web bundler nodejs; do
  dir=$target; [ "$target" = nodejs ] && dir=node
  # --weak-refs is accepted for compatibility; wasm-bindgen 0.2.130 detects
  # FinalizationRegistry at run time.
  wasm-bindgen "$raw" --out-dir "pkg/$dir" --target "$target" --weak-refs --out-name intent_signer
  wasm="pkg/$dir/intent_signer_bg.wasm"
  bash scripts/opt-wasm.sh "$wasm" "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  rm -f "pkg/$dir/.gitignore" "pkg/$dir/package.json"
done
# The web build's InitOutput lists the raw wasm exports with `any`; the public
# .d.ts has no `any`, so those become `unknown`.
sed -i -E '/^ +readonly /s/\bany\b/unknown/g' pkg/web/intent_signer.d.ts
if grep -nw any pkg/*/intent_signer.d.ts; then echo "error: 'any' in a public .d.ts" >&2; exit 1; fi
# The nodejs build is CommonJS inside an ESM package.
echo '{ "type": "commonjs" }' > pkg/node/package.json

version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
node -e '
  const fs = require("fs");
  const p = JSON.parse(fs.readFileSync("pkg-template/package.json", "utf8"));
  p.version = process.argv[1];
  fs.writeFileSync("pkg/package.json", JSON.stringify(p, null, 2) + "\n");
' "$version"
cp README.md pkg/README.md
cp LICENSE pkg/LICENSE
cp pkg-template/intents-connect.js pkg-template/intents-connect.d.ts pkg/

# Sizes: raw and gzip -9, per build target.
{
  echo "# Package size"
  echo
  echo "Written by \`make pkg\` (scripts/build-pkg.sh): release profile \`opt-level = \"z\"\`, LTO, one codegen unit, \`panic = \"abort\"\`, then \`wasm-opt -Oz\`."
  echo
  echo "| build target | file | raw bytes | gzip -9 bytes |"
  echo "|---|---|---|---|"
  for dir in web bundler node; do
    for f in "pkg/$dir/intent_signer_bg.wasm" "pkg/$dir/intent_signer.js" "pkg/$dir/intent_signer_bg.js"; do
      [ -f "$f" ] || continue
      r=$(wc -c < "$f"); g=$(gzip -9 -c "$f" | wc -c)
      echo "| $dir | $(basename "$f") | $r | $g |"
    done
  done
} > SIZE.md
cat SIZE.md
echo "== pkg/ built: intent-signer@$version"
