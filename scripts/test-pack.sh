#!/usr/bin/env bash
# The packaging test: packs pkg/ with `npm pack`, checks the tarball's file
# list and package.json, runs attw (every entry) and publint --strict on it, installs the tarball into temporary copies of
# tests/pack/node-app (Node ESM + CommonJS) and tests/pack/web-app (the web
# build in headless Chromium through an import map), and prints
# `pack: N passed, M failed`. Exits 0 only if every check passed.
#   INTENT_SIGNER_REBUILD=1  rebuild pkg/ even if pkg/package.json exists
#   CHROMIUM=/path           browser binary (default /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
start=$SECONDS

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
# Runs a command that prints "ok ..." / "FAIL ..." lines and counts them; a
# non-zero exit with no FAIL line (a crash) counts as one failure.
run_checks() {
  local label=$1; shift
  local out rc=0
  out=$("$@" 2>&1) || rc=$?
  printf '%s\n' "$out" | sed 's/^/  /'
  local p f
  p=$(printf '%s\n' "$out" | grep -c '^ok ' || true)
  f=$(printf '%s\n' "$out" | grep -c '^FAIL ' || true)
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    fail "$label: exited $rc without reporting a failed check"
  fi
}
finish() {
  echo "== took $((SECONDS - start)) s"
  echo "pack: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# --- 1. pkg/ -------------------------------------------------------------
if [ ! -f pkg/package.json ] || [ "${INTENT_SIGNER_REBUILD:-0}" = 1 ]; then
  echo "== building pkg/"
  bash scripts/build-pkg.sh
fi

# Tools: playwright-core, attw, publint, pinned in tests/pack/package-lock.json.
if [ ! -f tests/pack/node_modules/playwright-core/package.json ] || [ ! -x tests/pack/node_modules/.bin/attw ] \
  || [ ! -x tests/pack/node_modules/.bin/publint ]; then
  echo "== installing tests/pack tools (npm ci)"
  (cd tests/pack && timeout 300 npm ci --no-audit --no-fund --loglevel=error)
fi
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
chromium=$CHROMIUM
if [ ! -x "$chromium" ]; then
  bash scripts/setup-browser.sh
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/intent-signer-pack.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- 2. npm pack and the tarball ----------------------------------------
echo "== npm pack ./pkg"
tarball=
if timeout 120 npm pack ./pkg --pack-destination "$tmp" --json --loglevel=error > "$tmp/pack.json"; then
  tarball=$(node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(j[0].filename)' "$tmp/pack.json" || true)
  tarball="$tmp/$(basename "$tarball")"
fi
if [ ! -f "$tarball" ]; then
  fail "npm pack ./pkg: failed or made no tarball (${tarball:-none})"
  finish || exit 1
fi
ok "npm pack: $(basename "$tarball")"
size=$(wc -c < "$tarball")
tar -tzf "$tarball" | sort > "$tmp/files.txt"
count=$(wc -l < "$tmp/files.txt")
echo "   tarball: $size bytes (gzip), $count files, unpacked $(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[0].unpackedSize' "$tmp/pack.json") bytes"
sed 's/^/     /' "$tmp/files.txt"

missing=()
for d in all near evm; do
  for f in index.js node.js index.cjs index.d.ts index.d.cts state.js "intent_signer_$d.js" "intent_signer_${d}_bg.wasm"; do
    grep -qxF "package/$d/$f" "$tmp/files.txt" || missing+=("$d/$f")
  done
done
for f in package.json README.md LICENSE intents-connect.{js,cjs,d.ts,d.cts}; do
  grep -qxF "package/$f" "$tmp/files.txt" || missing+=("$f")
done
if [ ${#missing[@]} -eq 0 ]; then
  ok "tarball: package.json, README.md and all/, near/, evm/ (loaders, .d.ts/.d.cts, glue, one .wasm each) present"
else
  fail "tarball: missing ${missing[*]}"
fi
wasm_count=$(grep -c '\.wasm$' "$tmp/files.txt" || true)
if [ "$wasm_count" -eq 3 ]; then
  ok "tarball: exactly 3 .wasm files (root = connect, near, evm; each shipped once)"
else
  fail "tarball: $wasm_count .wasm files, want 3"
fi

allowed='^package/(package\.json|README\.md|LICENSE[^/]*|intents-connect\.(js|cjs|d\.ts|d\.cts)|(all|near|evm)/(index\.(js|cjs|d\.ts|d\.cts)|node\.js|state\.js|intent_signer_(all|near|evm)(_bg\.wasm|\.js)))$'
unexpected=$(grep -Ev "$allowed" "$tmp/files.txt" || true)
if [ -z "$unexpected" ]; then
  ok "tarball: nothing unexpected (no src/, target/, .gitignore, ...)"
else
  fail "tarball: unexpected files: $(echo $unexpected)"
fi

# package.json inside the tarball: name, version = Cargo.toml's, and every
# file that main/module/types/exports name is in the tarball.
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
tar -xzOf "$tarball" package/package.json > "$tmp/package.json"
run_checks "tarball package.json" node -e '
  const fs = require("fs");
  const [pj, filesTxt, version] = process.argv.slice(1);
  const p = JSON.parse(fs.readFileSync(pj, "utf8"));
  const files = new Set(fs.readFileSync(filesTxt, "utf8").split("\n").filter(Boolean));
  const say = (good, name, why) => console.log(good ? `ok ${name}` : `FAIL ${name}: ${why}`);
  say(p.name === "intent-signer" && p.version === version, "tarball package.json: name intent-signer, version " + version,
    `name ${p.name}, version ${p.version}`);
  const targets = [];
  const walk = (v, where) => {
    if (typeof v === "string") targets.push([where, v]);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${where}[${JSON.stringify(k)}]`);
  };
  for (const k of ["main", "module", "types", "typings", "browser"]) if (k in p) walk(p[k], k);
  walk(p.exports, "exports");
  const bad = targets.filter(([, t]) => !t.startsWith("./") || !files.has("package/" + t.slice(2)));
  say(targets.length > 0 && bad.length === 0,
    `tarball package.json: all ${targets.length} main/module/types/exports targets are files in the tarball`,
    bad.map(([w, t]) => `${w} -> ${t}`).join(", ") || "no targets");
' "$tmp/package.json" "$tmp/files.txt" "$version"

# --- 2b. attw and publint on the tarball -----------------------------------
# @arethetypeswrong/cli: every JS entry of the exports map (all but the .wasm
# files and package.json) under node10, node16 (from CJS and ESM) and bundler;
# any problem fails. publint --strict: warnings fail too.
mapfile -t entrypoints < <(node -e '
  const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const k of Object.keys(p.exports)) if (!/\.wasm$|package\.json$/.test(k)) console.log(k);
' "$tmp/package.json")
if out=$(cd tests/pack && timeout 120 node_modules/.bin/attw "$tarball" --profile strict --entrypoints "${entrypoints[@]}" 2>&1); then
  ok "attw: ${entrypoints[*]}: no problem under node10, node16 (CJS, ESM), bundler"
else
  printf '%s\n' "$out" | sed 's/^/  /'
  fail "attw: problems (above)"
fi
if out=$(cd tests/pack && timeout 120 node_modules/.bin/publint --strict "$tarball" 2>&1) && grep -q "All good" <<< "$out"; then
  ok "publint --strict: all good"
else
  printf '%s\n' "$out" | sed 's/^/  /'
  fail "publint --strict: problems (above)"
fi

# --- 3. Node: ESM import and CommonJS require -----------------------------
echo "== node-app (Node $(node --version))"
cp -r tests/pack/node-app "$tmp/node-app"
rm -rf "$tmp/node-app/node_modules"
if (cd "$tmp/node-app" && timeout 120 npm install --no-save --no-audit --no-fund --loglevel=error "$tarball" > "$tmp/npm-node.log" 2>&1); then
  run_checks "node-app" timeout 60 node "$tmp/node-app/index.mjs"
else
  sed 's/^/  /' "$tmp/npm-node.log"
  fail "node-app: npm install of the tarball failed"
fi

# --- 4. Browser: the browser entries via an import map -------------------------
echo "== web-app ($("$chromium" --version 2>/dev/null | head -1))"
cp -r tests/pack/web-app "$tmp/web-app"
rm -rf "$tmp/web-app/node_modules"
if (cd "$tmp/web-app" && timeout 120 npm install --no-save --no-audit --no-fund --loglevel=error "$tarball" > "$tmp/npm-web.log" 2>&1); then
  run_checks "web-app" timeout 90 node tests/pack/browser-test.mjs "$tmp/web-app"
else
  sed 's/^/  /' "$tmp/npm-web.log"
  fail "web-app: npm install of the tarball failed"
fi

# --- 5. Summary ----------------------------------------------------------
finish
