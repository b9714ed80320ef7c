// One fresh Node process = one compile-to-first-call sample (run by first-call.mjs).
// argv: <browser entry file URL> <wasm path>. Prints one JSON line.
import fs from "node:fs";

const [glueUrl, wasmPath] = process.argv.slice(2);
const bytes = fs.readFileSync(wasmPath);
const ti = performance.now();
const { initSync, erc191Hash } = await import(glueUrl);
const t0 = performance.now();
const module = await WebAssembly.compile(bytes);
const t1 = performance.now();
initSync(module);
const t2 = performance.now();
const hash = erc191Hash("Hello world!");
const t3 = performance.now();
process.stdout.write(
  JSON.stringify({
    total: t3 - t0,
    compile: t1 - t0,
    instantiate: t2 - t1,
    firstCall: t3 - t2,
    glueImport: t0 - ti,
    hash: Buffer.from(hash).toString("hex"),
  }) + "\n",
);
