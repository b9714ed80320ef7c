// Node CommonJS consumer: require() of every entry. The harness runs it on
// Node 20/22 with --no-experimental-require-module, so the package's `require`
// condition must lead to CommonJS (no require(esm)); Node 18 has no require(esm).
"use strict";
const entries = {
  all: require("intent-signer"),
  near: require("intent-signer/near"),
  evm: require("intent-signer/evm"),
  connect: require("intent-signer/connect"),
};
const { probe } = require("./check.cjs");

const line = Object.entries(entries).map(([name, mod]) => probe(name, mod)).join(" ");
console.log(`node ${process.version} cjs require_module=${process.features.require_module === true}`);
console.log(`resolved ${["intent-signer", "intent-signer/near", "intent-signer/evm", "intent-signer/connect"].map((s) => require.resolve(s)).join(" ")}`);
Promise.all(Object.values(entries).map((mod) => mod.ready())).then(
  () => console.log(`RESULT ${line}`),
  (error) => console.log(`ERROR ready() rejected: ${(error && error.stack) || error}`),
);
