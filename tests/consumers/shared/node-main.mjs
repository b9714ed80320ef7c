// Node ESM consumer (also the esbuild --platform=node bundle's entry): every
// entry by its package specifier. Node entries load the .wasm at import, so
// the probes run before ready() is awaited; ready() must then resolve.
import * as all from "intent-signer";
import * as near from "intent-signer/near";
import * as evm from "intent-signer/evm";
import * as connect from "intent-signer/connect";

import { probe } from "./check.js";

const entries = { all, near, evm, connect };
const line = Object.entries(entries).map(([name, mod]) => probe(name, mod)).join(" ");
await Promise.all(Object.values(entries).map((mod) => mod.ready()));
console.log(`node ${process.version} esm`);
console.log(`RESULT ${line}`);
