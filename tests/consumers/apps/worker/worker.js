// Module worker: `all` through initSync(bytes from the page), the other
// entries through await ready() (their .wasm fetched next to their file).
import * as all from "./node_modules/intent-signer/@ALL@";
import * as near from "./node_modules/intent-signer/@NEAR@";
import * as evm from "./node_modules/intent-signer/@EVM@";
import * as connect from "./node_modules/intent-signer/@CONNECT@";
import { probe, probeBeforeReady } from "./check.js";

const entries = { all, near, evm, connect };

self.onmessage = async (event) => {
  try {
    const pre = {};
    for (const [name, mod] of Object.entries(entries)) pre[name] = probeBeforeReady(mod);
    all.initSync(event.data);
    await Promise.all([near.ready(), evm.ready(), connect.ready()]);
    self.postMessage(`RESULT ${Object.entries(entries).map(([name, mod]) => probe(name, mod, pre[name])).join(" ")}`);
  } catch (error) {
    self.postMessage(`ERROR ${(error && error.stack) || error}`);
  }
};
