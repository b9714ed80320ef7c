// The `intent-signer/web` build (explicit init), loaded by package name in
// Node with the wasm bytes passed in, checked against vector values.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import init, * as web from "intent-signer/web";

import { INSTALLED, hex, toHex, vectorFile } from "./helpers.mjs";

const UP = Object.fromEntries(vectorFile("upstream.json").cases.map((c) => [c.id, c]));
const wasmBytes = readFileSync(join(INSTALLED, "web/intent_signer_bg.wasm"));

test("intent-signer/web: init with the wasm bytes, then the same results as the Node build", async () => {
  const out = await init({ module_or_path: wasmBytes });
  assert.ok(out.memory instanceof WebAssembly.Memory, "init returns the instance exports");
  const erc = UP["V-ERC191-1-v28"];
  assert.equal(toHex(web.erc191Hash(erc.input.message)), erc.expected.hash);
  assert.equal(web.erc191Recover(erc.input.message, hex(erc.input.signature)).toLowerCase(), erc.expected.signerId);
  const raw = UP["V-RAW-2"];
  const v = web.verifyMultiPayload(raw.input.multiPayload);
  assert.equal(v.valid, true);
  assert.equal(v.intentHashBase58, raw.expected.intentHash);
  // Errors carry codes in this build too.
  let e;
  try {
    web.hexToBytes(1);
  } catch (err) {
    e = err;
  }
  assert.ok(e instanceof TypeError);
  assert.equal(e.code, "INVALID_TYPE");
  assert.equal(e.path, "hex");
  // initSync with a compiled module gives a working instance as well.
  const again = web.initSync({ module: new WebAssembly.Module(wasmBytes) });
  assert.ok(again.memory instanceof WebAssembly.Memory);
  assert.equal(toHex(web.erc191Hash(erc.input.message)), erc.expected.hash);
});
