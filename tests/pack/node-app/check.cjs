// CommonJS consumer: require() of every entry resolves through the exports
// map ("node" + "require") to <dir>/index.cjs, which loads its .wasm
// synchronously. Run with --no-experimental-require-module (Node 20.17+
// knows the flag), so an ESM file would fail here. Prints "cjs ok <hex>".
"use strict";
const path = require("node:path");
const dirs = { "intent-signer": "all", "intent-signer/near": "near", "intent-signer/evm": "evm", "intent-signer/connect": "all" };
for (const [specifier, dir] of Object.entries(dirs)) {
  const resolved = require.resolve(specifier);
  if (!resolved.endsWith(path.join("intent-signer", dir, "index.cjs"))) {
    console.error(`require.resolve(${specifier}) = ${resolved}`);
    process.exit(1);
  }
  const m = require(specifier);
  if (typeof m.ready !== "function" || typeof m.initSync !== "function") {
    console.error(`${specifier}: no ready/initSync`);
    process.exit(1);
  }
  if (m.bytesToHex(m.hexToBytes("0x0a0b")) !== "0a0b") {
    console.error(`${specifier}: hexToBytes/bytesToHex`);
    process.exit(1);
  }
}
const ic = require("intent-signer/intents-connect");
if (typeof ic.intentsConnect !== "function" || typeof ic.IntentsConnectError !== "function") {
  console.error("intent-signer/intents-connect: exports");
  process.exit(1);
}
const { erc191Hash, bytesToHex } = require("intent-signer");
console.log(`cjs ok ${bytesToHex(erc191Hash("Hello world!"))}`);
