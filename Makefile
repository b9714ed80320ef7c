# Entry points people type. Each target installs what it needs.
.PHONY: demo test test-rust test-wasm test-js test-pack test-consumers test-demo pkg vectors bench soak fuzz

## Serve the demo page with the embedded mock API (PORT=8080; ARGS="--api <url>" for a real server).
demo:
	bash scripts/demo.sh $(ARGS)

## Run every test tier.
test: test-rust test-wasm
	$(MAKE) pkg
	$(MAKE) test-js test-pack test-consumers test-demo

test-rust:
	bash scripts/test-rust.sh

test-wasm:
	bash scripts/test-wasm.sh

test-js:
	bash scripts/test-js.sh

test-pack:
	bash scripts/test-pack.sh

## The consumer matrix: the packed tarball in Node 18/20/22, Vite 5-8, webpack, esbuild, Rollup,
## Next.js, a plain page, a Web Worker and an MV3 extension (tests/consumers/).
test-consumers:
	bash scripts/test-consumers.sh

test-demo:
	bash scripts/test-demo-mock.sh
	bash scripts/test-e2e.sh

## Regenerate tests/vectors/generated/ with the independent JS libraries (not part of `make test`).
vectors:
	cd tests/vectors/gen && npm ci && npm run gen

## Build the npm package into pkg/.
pkg:
	bash scripts/build-pkg.sh

## Benchmarks against viem, ethers, @noble and near-api-js in one Node process (writes bench/results.json).
bench:
	bash scripts/bench.sh

## 1,000,000 mixed calls through the package, reporting wasm memory (SOAK_CALLS to change).
soak:
	bash scripts/soak.sh

## Fuzz every target with cargo-fuzz (nightly) for FUZZ_SECONDS each (default 60); not part of `make test`,
## which replays the committed corpus and regressions (tests/fuzz_corpus.rs).
fuzz:
	bash scripts/fuzz.sh
