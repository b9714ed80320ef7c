// CommonJS consumer: `require("intent-signer")` resolves through the exports
// map ("." -> "node" condition) to the CommonJS nodejs build. Prints the hex.
"use strict";
const path = require("node:path");
const { erc191Hash, bytesToHex } = require("intent-signer");
const resolved = require.resolve("intent-signer");
if (!resolved.endsWith(path.join("intent-signer", "node", "intent_signer.js"))) {
  console.error(`require resolved to ${resolved}`);
  process.exit(1);
}
console.log(bytesToHex(erc191Hash("Hello world!")));
