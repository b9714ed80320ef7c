# Entry points people type. Each target installs what it needs.
.PHONY: test test-rust vectors

## Run every test tier.
test: test-rust

test-rust:
	bash scripts/test-rust.sh

## Regenerate tests/vectors/generated/ with the independent JS libraries (not part of `make test`).
vectors:
	cd tests/vectors/gen && npm ci && npm run gen
