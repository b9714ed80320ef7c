// MV3 service worker (a module worker, where top-level await is not allowed):
// each entry's .wasm is fetched from the extension and passed to initSync.
// The result is kept in self.result (a promise) for the harness.
import * as all from "./vendor/intent-signer/@ALL@";
import * as near from "./vendor/intent-signer/@NEAR@";
import * as evm from "./vendor/intent-signer/@EVM@";
import * as connect from "./vendor/intent-signer/@CONNECT@";
import { probe, probeBeforeReady } from "./check.js";

const entries = { all, near, evm, connect };
const wasm = {
  all: "vendor/intent-signer/@ALL_WASM@",
  near: "vendor/intent-signer/@NEAR_WASM@",
  evm: "vendor/intent-signer/@EVM_WASM@",
  connect: "vendor/intent-signer/@CONNECT_WASM@",
};

async function start() {
  const pre = {};
  for (const [name, mod] of Object.entries(entries)) pre[name] = probeBeforeReady(mod);
  for (const [name, mod] of Object.entries(entries)) {
    const response = await fetch(chrome.runtime.getURL(wasm[name]));
    if (!response.ok) throw new Error(`${wasm[name]}: HTTP ${response.status}`);
    mod.initSync(await response.arrayBuffer());
  }
  return `RESULT ${Object.entries(entries).map(([name, mod]) => probe(name, mod, pre[name])).join(" ")}`;
}

self.result = start().catch((error) => `ERROR ${(error && error.stack) || error}`);
