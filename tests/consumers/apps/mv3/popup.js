import * as all from "./vendor/intent-signer/@ALL@";
import * as near from "./vendor/intent-signer/@NEAR@";
import * as evm from "./vendor/intent-signer/@EVM@";
import * as connect from "./vendor/intent-signer/@CONNECT@";
import { probe, probeBeforeReady } from "./check.js";

const entries = { all, near, evm, connect };

async function main() {
  const pre = {};
  for (const [name, mod] of Object.entries(entries)) pre[name] = probeBeforeReady(mod);
  await Promise.all(Object.values(entries).map((mod) => mod.ready()));
  return `RESULT ${Object.entries(entries).map(([name, mod]) => probe(name, mod, pre[name])).join(" ")}`;
}

main().then(
  (line) => { document.title = line; },
  (error) => { document.title = `ERROR ${(error && error.stack) || error}`; },
);
