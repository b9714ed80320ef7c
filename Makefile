# Entry points people type. Each target installs what it needs.
.PHONY: test test-rust test-wasm pkg vectors

## Run every test tier.
test: test-rust test-wasm

test-rust:
	bash scripts/test-rust.sh

test-wasm:
	bash scripts/test-wasm.sh

## Regenerate tests/vectors/generated/ with the independent JS libraries (not part of `make test`).
vectors:
	cd tests/vectors/gen && npm ci && npm run gen

## Build the npm package into pkg/.
pkg:
	bash scripts/build-pkg.sh
