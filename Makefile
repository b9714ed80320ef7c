# Entry points people type. Each target installs what it needs.
.PHONY: test test-rust test-wasm test-js test-pack pkg vectors

## Run every test tier.
test: test-rust test-wasm
	$(MAKE) pkg
	$(MAKE) test-js test-pack

test-rust:
	bash scripts/test-rust.sh

test-wasm:
	bash scripts/test-wasm.sh

test-js:
	bash scripts/test-js.sh

test-pack:
	bash scripts/test-pack.sh

## Regenerate tests/vectors/generated/ with the independent JS libraries (not part of `make test`).
vectors:
	cd tests/vectors/gen && npm ci && npm run gen

## Build the npm package into pkg/.
pkg:
	bash scripts/build-pkg.sh
