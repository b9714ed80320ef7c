// The browser app every bundler builds (copied as the app's main module):
// imports each entry by its package specifier, checks that a call before
// ready() throws NOT_INITIALIZED, awaits ready() and writes the probes into
// document.title for the harness.
import * as all from "intent-signer";
import * as near from "intent-signer/near";
import * as evm from "intent-signer/evm";
import * as connect from "intent-signer/connect";

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
