#!/usr/bin/env bash
# Builds the raw (pre-wasm-bindgen) cdylib for wasm32 with the given cargo
# features (--no-default-features) and copies it to <out.wasm>.
# Usage: bash scripts/build-wasm.sh <features> <out.wasm>
#
# Two paths, chosen automatically (the one used is printed on stderr):
# - nightly: std rebuilt with `-Zbuild-std=std,panic_abort` and
#   `-Cpanic=immediate-abort -Zlocation-detail=none` (no panic messages,
#   locations or formatting behind panics; a panic is a bare `unreachable`
#   trap, as `panic = "abort"` already was), when the nightly
#   toolchain with `rust-src` is installed (scripts/setup-wasm.sh tries to add
#   it) and accepts the flags. Its own target dir, target/nightly/.
# - stable: the release profile as is (`panic = "abort"`), when nightly is
#   missing or its build fails.
# INTENT_SIGNER_WASM_TOOLCHAIN=stable|nightly forces one (nightly then fails
# rather than falling back). INTENT_SIGNER_NIGHTLY names the nightly toolchain
# (default `nightly`; e.g. `nightly-2026-05-19` to pin one).
set -euo pipefail
feats=${1:?features}; out=${2:?out.wasm}
cd "$(dirname "$0")/.."
export INTENT_SIGNER_GIT_HEAD=${INTENT_SIGNER_GIT_HEAD:-$(git rev-parse HEAD 2>/dev/null || echo unknown)}
want=${INTENT_SIGNER_WASM_TOOLCHAIN:-auto}
nightly=${INTENT_SIGNER_NIGHTLY:-nightly}
nightly_flags="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"

nightly_ready() {
  local sysroot
  sysroot=$(rustup run "$nightly" rustc --print sysroot 2>/dev/null) || return 1
  [ -f "$sysroot/lib/rustlib/src/rust/library/std/Cargo.toml" ] || return 1
  # The flag's spelling changes between nightlies; ask this one.
  # shellcheck disable=SC2086
  rustup run "$nightly" rustc $nightly_flags --print cfg --target wasm32-unknown-unknown >/dev/null 2>&1
}

# std rebuilt with the release profile would be at opt-level "z": that made
# the JSON, ABI and EIP-712 paths 10-40% slower than the prebuilt std
# (opt-level 3), so std's crates keep opt-level 3 (BENCHMARKS.md, "Size per
# entry"). Given here, not in Cargo.toml, where stable cargo would warn that
# they match no package.
std_opt=()
for c in core alloc std dlmalloc; do std_opt+=(--config "profile.release.package.$c.opt-level=3"); done

build_nightly() {
  RUSTFLAGS="$nightly_flags" rustup run "$nightly" cargo build -q --lib --release \
    --target wasm32-unknown-unknown --no-default-features --features "$feats" \
    -Zbuild-std=std,panic_abort "${std_opt[@]}" --target-dir target/nightly
  built=target/nightly/wasm32-unknown-unknown/release/intent_signer.wasm
}

build_stable() {
  cargo build -q --lib --release --target wasm32-unknown-unknown --no-default-features --features "$feats"
  built=target/wasm32-unknown-unknown/release/intent_signer.wasm
}

built=
case "$want" in
  nightly)
    echo "build-wasm: nightly ($nightly) -Zbuild-std, panic=immediate-abort (forced) [$feats]" >&2
    build_nightly ;;
  stable)
    echo "build-wasm: stable, panic=abort (forced) [$feats]" >&2
    build_stable ;;
  *)
    if nightly_ready; then
      echo "build-wasm: nightly ($nightly) -Zbuild-std, panic=immediate-abort [$feats]" >&2
      if ! build_nightly; then
        echo "build-wasm: the nightly build failed; falling back to stable, panic=abort [$feats]" >&2
        build_stable
      fi
    else
      echo "build-wasm: stable, panic=abort (nightly with rust-src not available) [$feats]" >&2
      build_stable
    fi ;;
esac
mkdir -p "$(dirname "$out")"
cp "$built" "$out"
