// Where our package's time goes: a few calls of pkg/all (CommonJS) timed one against
// another (µs per call, best of 5 × 200 ms), to split a slow operation into
// call overhead, input conversion and the work itself. Not part of `make
// bench`; run with `node bench/breakdown.mjs` after scripts/bench.sh built pkg/.

import { createRequire } from "node:module";

import { sha256 } from "@noble/hashes/sha2.js";
import { keccak_256 } from "@noble/hashes/sha3.js";

const require = createRequire(import.meta.url);
const o = require("../pkg/all/index.cjs");

function usPerCall(fn) {
  let best = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    for (let i = 0; i < 100; i++) fn();
    let n = 0;
    const t0 = performance.now();
    let t;
    do {
      for (let j = 0; j < 20; j++) fn();
      n += 20;
      t = performance.now();
    } while (t - t0 < 200);
    best = Math.min(best, ((t - t0) * 1000) / n);
  }
  return best;
}

const b32 = new Uint8Array(32).fill(7);
const b600 = new Uint8Array(600).fill(97);
const s600 = "a".repeat(600);
const b64k = new Uint8Array(65536).fill(97);
const s64k = "a".repeat(65536);
const nep = {
  message: s600,
  nonce: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
  recipient: "app.example.near",
  callbackUrl: "https://app.example.com/near/callback",
};
const typed = {
  domain: { name: "Permit2", chainId: 1, verifyingContract: "0x000000000022D473030F116dDEE9F6B43aC78BA3" },
  types: {
    PermitSingle: [
      { name: "details", type: "PermitDetails" },
      { name: "spender", type: "address" },
      { name: "sigDeadline", type: "uint256" },
    ],
    PermitDetails: [
      { name: "token", type: "address" },
      { name: "amount", type: "uint160" },
      { name: "expiration", type: "uint48" },
      { name: "nonce", type: "uint48" },
    ],
  },
  primaryType: "PermitSingle",
  message: {
    details: { token: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", amount: "1461501637330902918203684832716283019655932542975", expiration: "1738368000", nonce: "7" },
    spender: "0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD",
    sigDeadline: "1735693200",
  },
};
const typedJson = JSON.stringify(typed);
const seed = new Uint8Array(32).fill(9);
const pub = o.ed25519PublicKey(seed);
const sig = o.ed25519Sign(b600, seed);

const rows = [
  ["call overhead", "bytesToHex(32 B)", () => o.bytesToHex(b32)],
  ["keccak", "erc191Hash(empty bytes): 1 keccak-f block", () => o.erc191Hash(new Uint8Array(0))],
  ["keccak", "erc191Hash(600 B bytes): 5 blocks", () => o.erc191Hash(b600)],
  ["keccak", "erc191Hash(600 B string)", () => o.erc191Hash(s600)],
  ["keccak", "erc191Hash(64 KiB bytes): 482 blocks", () => o.erc191Hash(b64k)],
  ["keccak", "erc191Hash(64 KiB string)", () => o.erc191Hash(s64k)],
  ["keccak", "JS: @noble/hashes keccak_256(600 B)", () => keccak_256(b600)],
  ["keccak", "JS: @noble/hashes keccak_256(64 KiB)", () => keccak_256(b64k)],
  ["NEP-413", "nep413Preimage(payload): conversion + borsh, no hash", () => o.nep413Preimage(nep)],
  ["NEP-413", "nep413Hash(payload)", () => o.nep413Hash(nep)],
  ["NEP-413", "JS: @noble/hashes sha256(702 B)", () => sha256(new Uint8Array(702))],
  ["ABI", "functionSelector('transfer(address,uint256)')", () => o.functionSelector("transfer(address,uint256)")],
  ["ABI", "abiEncodeCall transfer, checksummed address", () => o.abiEncodeCall("transfer(address,uint256)", ["0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", "1000000"])],
  ["ABI", "abiEncodeCall transfer, lowercase address (no EIP-55 check)", () => o.abiEncodeCall("transfer(address,uint256)", ["0xd8da6bf26964af9d7eed9e03e53415d37aa96045", "1000000"])],
  ["EIP-712", "eip712Hash(PermitSingle object)", () => o.eip712Hash(typed)],
  ["EIP-712", "eip712Hash(PermitSingle JSON text)", () => o.eip712Hash(typedJson)],
  ["ed25519", "ed25519PublicKey(seed): one base-point multiplication", () => o.ed25519PublicKey(seed)],
  ["ed25519", "ed25519Verify(600 B)", () => o.ed25519Verify(pub, b600, sig)],
];

const w = Math.max(...rows.map((r) => r[1].length));
console.log(`${"what".padEnd(w)}  µs/call`);
for (const [, name, fn] of rows) console.log(`${name.padEnd(w)}  ${usPerCall(fn).toFixed(2).padStart(8)}`);
