// The operations measured: each has our package and the JavaScript libraries
// doing the same job, a pool of 16 inputs (so no library can win by caching one
// input), the expected output of pool entry 0 from peers-vectors.json where
// the vectors give one, and a normaliser that turns every contender's output
// into comparable data. `checkOps` runs every contender on every pool entry
// and throws if any output differs from ours (or ours from a vector) before
// anything is timed.

import crypto from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { ed25519 } from "@noble/curves/ed25519.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256, sha512 } from "@noble/hashes/sha2.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import * as nobleEd from "@noble/ed25519";
import * as borsh from "borsh";
import bs58 from "bs58";
import { ethers } from "ethers";
import { KeyPair, PublicKey as NearPublicKey } from "near-api-js";
import nacl from "tweetnacl";
import {
  decodeFunctionData,
  encodeFunctionData,
  hashMessage,
  hashTypedData,
  parseAbi,
  recoverAddress,
  recoverMessageAddress,
  recoverPublicKey,
  recoverTypedDataAddress,
} from "viem";
import { signMessage as viemSignMessage } from "viem/accounts";

import { BENCH_DIR, b64decode, b64encode, concat, equalBytes, fromHex, norm, toHex, utf8 } from "./util.mjs";

nobleEd.hashes.sha512 = sha512;

const require = createRequire(import.meta.url);
// ethers v5 as @uniswap/permit2-sdk depends on it (the baseline's "ethers@5").
const ethers5 = createRequire(require.resolve("@uniswap/permit2-sdk"))("ethers");
// permit2-sdk's ESM build uses extension-less imports Node cannot load; its CommonJS build works.
const Permit2 = require("@uniswap/permit2-sdk");
// near-api-js 7 keeps its NEP-413 serialiser (borsh + sha256) out of its export map.
const { serializeMessage: nearSerializeNep413 } = await import(
  pathToFileURL(path.join(BENCH_DIR, "node_modules/near-api-js/lib/nep413/schema.js")).href
);

export const N = 16;
export const LIBRARY_VERSIONS = {};
for (const name of [
  "viem",
  "ethers",
  "@noble/curves",
  "@noble/hashes",
  "@noble/ed25519",
  "tweetnacl",
  "near-api-js",
  "borsh",
  "bs58",
  "@uniswap/permit2-sdk",
  "tinybench",
  "esbuild",
  "playwright-core",
]) {
  LIBRARY_VERSIONS[name] = require(path.join(BENCH_DIR, "node_modules", name, "package.json")).version;
}
LIBRARY_VERSIONS["ethers@5 (inside permit2-sdk)"] = ethers5.version.replace(/^ethers\//, "");

// ------------------------------------------------------------ JS building blocks

const ERC191_PREFIX = "\x19Ethereum Signed Message:\n";
const TIP191_PREFIX = "\x19TRON Signed Message:\n";
const SEP53_PREFIX = utf8("Stellar Signed Message:\n");
const NEP413_TAG = 2147484061;

/** keccak256("\x19Ethereum Signed Message:\n" ‖ len ‖ msg) with @noble/hashes. */
const nobleEip191Hash = (bytes, prefix = ERC191_PREFIX) => keccak_256(concat(utf8(prefix + bytes.length), bytes));

/** EIP-55 with @noble/hashes. */
function checksum(addrHexLower) {
  const h = toHex(keccak_256(utf8(addrHexLower)));
  let out = "0x";
  for (let i = 0; i < 40; i++) out += parseInt(h[i], 16) >= 8 ? addrHexLower[i].toUpperCase() : addrHexLower[i];
  return out;
}

/** r ‖ s ‖ v (v 0/1/27/28) → the 64-byte uncompressed public key (x ‖ y), with @noble/curves. */
function nobleRecoverXY(hash, sig65) {
  const v = sig65[64] >= 27 ? sig65[64] - 27 : sig65[64];
  const rec = new Uint8Array(65);
  rec[0] = v;
  rec.set(sig65.subarray(0, 64), 1);
  const pub = secp256k1.recoverPublicKey(rec, hash, { prehash: false });
  return secp256k1.Point.fromBytes(pub).toBytes(false).subarray(1);
}
const addressOfXY = (xy) => toHex(keccak_256(xy).subarray(12));

/** secp256k1 RFC 6979 signature r ‖ s ‖ v(0/1) of a 32-byte digest, with @noble/curves. */
function nobleSignDigest(hash, key) {
  const s = secp256k1.sign(hash, key, { prehash: false, format: "recovered" });
  const out = new Uint8Array(65);
  out.set(s.subarray(1), 0);
  out[64] = s[0];
  return out;
}

const NEP413_SCHEMA = {
  struct: {
    tag: "u32",
    message: "string",
    nonce: { array: { type: "u8", len: 32 } },
    recipient: "string",
    callbackUrl: { option: "string" },
  },
};
/** The NEP-413 preimage with the `borsh` package. */
const borshNep413 = (p) => borsh.serialize(NEP413_SCHEMA, { tag: NEP413_TAG, ...p, callbackUrl: p.callbackUrl ?? null });
/** The NEP-413 preimage written by hand (TextEncoder + DataView), the fastest way in JS. */
function handNep413(p) {
  const m = utf8(p.message);
  const r = utf8(p.recipient);
  const c = p.callbackUrl == null ? null : utf8(p.callbackUrl);
  const out = new Uint8Array(4 + 4 + m.length + 32 + 4 + r.length + 1 + (c ? 4 + c.length : 0));
  const dv = new DataView(out.buffer);
  let o = 0;
  dv.setUint32(o, NEP413_TAG, true);
  dv.setUint32((o += 4), m.length, true);
  out.set(m, (o += 4));
  out.set(p.nonce, (o += m.length));
  dv.setUint32((o += 32), r.length, true);
  out.set(r, (o += 4));
  o += r.length;
  if (c) {
    out[o++] = 1;
    dv.setUint32(o, c.length, true);
    out.set(c, o + 4);
  } else out[o] = 0;
  return out;
}

const curveDecode = (text, curve) => {
  if (!text.startsWith(curve + ":")) throw new Error(`not a ${curve} key/signature`);
  return bs58.decode(text.slice(curve.length + 1));
};
const edText = (b) => "ed25519:" + bs58.encode(b);
const secpText = (b) => "secp256k1:" + bs58.encode(b);

function ed25519Pkcs8(seed) {
  return crypto.createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]), format: "der", type: "pkcs8" });
}
function ed25519Spki(pub) {
  return crypto.createPublicKey({ key: Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), pub]), format: "der", type: "spki" });
}

// ------------------------------------------------------------------- the ops

/**
 * @param o our package (the root entry, pkg/all/index.cjs)
 * @param V peers-vectors.json
 */
export function buildOps(o, V) {
  const I = V.inputs;
  const OUT = V.outputs;
  const range = [...Array(N).keys()];
  const hex2 = (i) => i.toString(16).padStart(2, "0");

  // Pools: entry 0 is the vectors' input; the others differ in a few bytes, same length.
  const secpKeys = range.map((i) => (i === 0 ? fromHex(I.secp256k1PrivateKey) : sha256(utf8(`intent-signer bench secp256k1 key ${i}`))));
  const secpKeyHex = secpKeys.map((k) => "0x" + toHex(k));
  const secpAddr = secpKeys.map((k) => checksum(addressOfXY(secp256k1.getPublicKey(k, false).subarray(1))));
  const edSeeds = range.map((i) => (i === 0 ? fromHex(I.ed25519Seed) : sha256(utf8(`intent-signer bench ed25519 seed ${i}`))));
  const edPubs = edSeeds.map((s) => ed25519.getPublicKey(s));
  if (toHex(edPubs[0]) !== I.ed25519PublicKey.slice(2)) throw new Error("ed25519 public key of the vector seed");
  if (secpAddr[0] !== I.secp256k1Address) throw new Error("secp256k1 address of the vector key");

  const NONCE_FIELD = '"nonce":"k3Jd8s0PqLw2Zx7Y"';
  if (!I.message600.includes(NONCE_FIELD)) throw new Error("message600 layout changed");
  const msg600 = range.map((i) => (i === 0 ? I.message600 : I.message600.replace(NONCE_FIELD, `"nonce":"k3Jd8s0PqLw2Zx${hex2(i)}"`)));
  const big = I.message600.repeat(Math.ceil(65536 / 600)).slice(0, 65536);
  const msg64k = range.map((i) => hex2(i) + big.slice(2));
  const msg600Bytes = msg600.map(utf8);
  for (const m of msg600Bytes) if (m.length !== 600) throw new Error("600-byte pool");
  for (const m of msg64k) if (utf8(m).length !== 65536) throw new Error("64 KiB pool");

  const ops = [];
  const add = (op) => ops.push(op);
  const C = (name, run, extra = {}) => ({ name, run, ...extra });
  const viemAbi = (sig) => parseAbi([sig]);

  // ---------------------------------------------------------------- ABI encode
  const abiNames = { transfer: "transfer", execute: "execute", swap: "swap" };
  const abiPools = {
    transfer: range.map((i) => [I.abi.transfer.args[0], String(BigInt(I.abi.transfer.args[1]) + BigInt(i))]),
    execute: range.map((i) => [I.abi.execute.args[0], String(BigInt(I.abi.execute.args[1]) + BigInt(i))]),
    swap: range.map((i) => {
      const a = structuredClone(I.abi.swap.args);
      a[2] = String(BigInt(a[2]) + BigInt(i));
      return a;
    }),
  };
  // viem's natural argument form: bigints for uint256.
  const viemArgs = {
    transfer: abiPools.transfer.map(([to, amount]) => [to, BigInt(amount)]),
    execute: abiPools.execute.map(([calls, deadline]) => [calls.map(([t, v, d]) => [t, BigInt(v), d]), BigInt(deadline)]),
    swap: abiPools.swap.map(([a, b, x, y, path, tick]) => [a, b, BigInt(x), BigInt(y), path, tick]),
  };
  // viem keeps LRU caches (8,192 entries) of signature hashes and of EIP-55
  // checks, so with one signature and a few addresses it never hashes either.
  // "cold caches" cycles through 20,000 distinct function names and addresses,
  // which defeats both: what a first call with new inputs costs (a reference).
  const COLD = 20000;
  let coldPool;
  const cold = () =>
    (coldPool ??= Array.from({ length: COLD }, (_, n) => ({
      name: `f${n}`,
      addr: [0, 1, 2].map((j) => checksum(toHex(keccak_256(utf8(`cold ${n} ${j}`)).subarray(12)))),
    })));
  const coldArgs = {
    transfer: (c, i) => [c.addr[0], abiPools.transfer[i][1]],
    execute: (c, i) => [abiPools.execute[i][0].map(([, v, d], j) => [c.addr[j], v, d]), abiPools.execute[i][1]],
  };
  const coldSig = (key, c) => I.abi[key].signature.replace(`function ${key}(`, `function ${c.name}(`);
  const viemColdArgs = (key, args) => (key === "transfer" ? [args[0], BigInt(args[1])] : [args[0].map(([t, v, d]) => [t, BigInt(v), d]), BigInt(args[1])]);
  const ourFns = o.AbiFunction ? Object.fromEntries(["transfer", "execute", "swap"].map((k) => [k, new o.AbiFunction(I.abi[k].signature)])) : {};
  for (const key of ["transfer", "execute", "swap"]) {
    const sig = I.abi[key].signature;
    const fname = abiNames[key];
    const pool = abiPools[key];
    const vargs = viemArgs[key];
    const prepared = viemAbi(sig);
    add({
      id: `abi.encode.${key}`,
      name: `ABI encode \`${key}\``,
      expect0: OUT.abi[key],
      ours: C("intent-signer", (i) => o.abiEncodeCall(sig, pool[i])),
      js: [
        C("viem", (i) => encodeFunctionData({ abi: viemAbi(sig), args: vargs[i] })),
        C("ethers@6", (i) => new ethers.Interface([sig]).encodeFunctionData(fname, pool[i])),
        C("ethers@5", (i) => new ethers5.utils.Interface([sig]).encodeFunctionData(fname, pool[i])),
        C("viem, ABI parsed once", (i) => encodeFunctionData({ abi: prepared, args: vargs[i] }), {
          reference: "another job: the signature is parsed once, outside the loop",
        }),
        ...(o.AbiFunction
          ? [
              C("ours, AbiFunction parsed once", (i) => ourFns[key].encode(pool[i]), {
                reference: "ours with the signature parsed once outside the loop (new AbiFunction(sig)), the same job as 'viem, ABI parsed once'",
              }),
            ]
          : []),
        ...(coldArgs[key]
          ? (() => {
              let n = 0;
              return [
                C(
                  "viem, cold caches",
                  () => {
                    const c = cold()[n++ % COLD];
                    return encodeFunctionData({ abi: viemAbi(coldSig(key, c)), args: viemColdArgs(key, coldArgs[key](c, n & (N - 1))) });
                  },
                  {
                    reference: "viem with a new function name and new addresses each call (defeats its signature-hash and EIP-55 caches)",
                    // Churning viem's caches slows the warm viem contenders measured after it in the same
                    // process (3-5× in trials), so it is measured after all the others, in a phase of its own.
                    isolate: true,
                    // Its inputs are not the pool's: checked against ours on the same inputs.
                    selfCheck: () =>
                      [0, 1, 7, COLD - 1].every((m) => {
                        const c = cold()[m];
                        const args = coldArgs[key](c, m & (N - 1));
                        return toHex(o.abiEncodeCall(coldSig(key, c), args)) === encodeFunctionData({ abi: viemAbi(coldSig(key, c)), args: viemColdArgs(key, args) }).slice(2);
                      }),
                  },
                ),
              ];
            })()
          : []),
      ],
    });
  }

  // ---------------------------------------------------------------- ABI decode
  {
    const sig = I.abi.execute.signature;
    const dataHex = abiPools.execute.map((_, i) => encodeFunctionData({ abi: viemAbi(sig), args: viemArgs.execute[i] }));
    const dataBytes = dataHex.map(fromHex);
    const prepared = viemAbi(sig);
    add({
      id: "abi.decode.execute",
      name: "ABI decode `execute`",
      expect0: I.abi.execute.args,
      ours: C("intent-signer", (i) => o.abiDecodeCall(sig, dataBytes[i])),
      js: [
        C("viem", (i) => decodeFunctionData({ abi: viemAbi(sig), data: dataHex[i] }).args),
        C("ethers@6", (i) => new ethers.Interface([sig]).decodeFunctionData("execute", dataHex[i])),
        C("ethers@5", (i) => new ethers5.utils.Interface([sig]).decodeFunctionData("execute", dataHex[i])),
        C("viem, ABI parsed once", (i) => decodeFunctionData({ abi: prepared, data: dataHex[i] }).args, {
          reference: "another job: the signature is parsed once, outside the loop",
        }),
        ...(o.AbiFunction
          ? [
              C("ours, AbiFunction parsed once", (i) => ourFns.execute.decode(dataBytes[i]), {
                reference: "ours with the signature parsed once outside the loop (new AbiFunction(sig))",
              }),
            ]
          : []),
      ],
    });
  }

  // ------------------------------------------------------------ EIP-191 hashes
  for (const [id, name, pool, expect0] of [
    ["eip191.hash.600", "EIP-191 hash, 600 B", msg600, OUT.eip191.hash],
    ["eip191.hash.64k", "EIP-191 hash, 64 KiB", msg64k, undefined],
  ]) {
    add({
      id,
      name,
      expect0,
      ours: C("intent-signer", (i) => o.erc191Hash(pool[i])),
      js: [
        C("viem", (i) => hashMessage(pool[i])),
        C("ethers@6", (i) => ethers.hashMessage(pool[i])),
        C("ethers@5", (i) => ethers5.utils.hashMessage(pool[i])),
        C("noble (keccak_256 by hand)", (i) => nobleEip191Hash(utf8(pool[i]))),
      ],
    });
  }

  // ----------------------------------------------------------- EIP-191 recover
  const eip191Sigs = range.map((i) => nobleSignDigest(nobleEip191Hash(msg600Bytes[i]), secpKeys[i]));
  for (const s of eip191Sigs) s[64] += 27; // as wallets give them
  const eip191SigHex = eip191Sigs.map((s) => "0x" + toHex(s));
  if (eip191SigHex[0] !== OUT.eip191.signature) throw new Error("EIP-191 signature of the vector key differs from the vectors");
  add({
    id: "eip191.recover",
    name: "EIP-191 recover",
    expect0: OUT.eip191.recovered,
    expectAll: secpAddr,
    ours: C("intent-signer", (i) => o.erc191Recover(msg600[i], eip191Sigs[i])),
    js: [
      C("viem", (i) => recoverMessageAddress({ message: msg600[i], signature: eip191SigHex[i] }), { async: true }),
      C("ethers@6", (i) => ethers.verifyMessage(msg600[i], eip191SigHex[i])),
      C("ethers@5", (i) => ethers5.utils.verifyMessage(msg600[i], eip191SigHex[i])),
      C("noble (by hand)", (i) => checksum(addressOfXY(nobleRecoverXY(nobleEip191Hash(utf8(msg600[i])), eip191Sigs[i])))),
    ],
  });

  // --------------------------------------------------------------- EIP-712
  const domain = I.eip712.domain;
  const typed = {
    PermitWitnessTransferFrom: range.map((i) => {
      const t = structuredClone({ domain, ...I.eip712.PermitWitnessTransferFrom });
      t.message.nonce = String(BigInt(t.message.nonce) + BigInt(i));
      return t;
    }),
    PermitSingle: range.map((i) => {
      const t = structuredClone({ domain, ...I.eip712.PermitSingle });
      t.message.details.nonce = String(BigInt(t.message.details.nonce) + BigInt(i));
      return t;
    }),
  };
  const permit2Hash = {
    PermitWitnessTransferFrom: (t) => {
      const m = t.message;
      return Permit2.SignatureTransfer.hash(
        { permitted: m.permitted, spender: m.spender, nonce: m.nonce, deadline: m.deadline },
        domain.verifyingContract,
        domain.chainId,
        { witness: m.witness, witnessTypeName: "Witness", witnessType: { Witness: t.types.Witness } },
      );
    },
    PermitSingle: (t) => Permit2.AllowanceTransfer.hash(t.message, domain.verifyingContract, domain.chainId),
  };
  const typedSigs = {};
  for (const kind of ["PermitWitnessTransferFrom", "PermitSingle"]) {
    const pool = typed[kind];
    typedSigs[kind] = pool.map((t, i) => nobleSignDigest(fromHex(hashTypedData(t)), secpKeys[i]));
    for (const s of typedSigs[kind]) s[64] += 27;
    const sigHex = typedSigs[kind].map((s) => "0x" + toHex(s));
    if (sigHex[0] !== OUT.eip712[kind].signature) throw new Error(`EIP-712 ${kind} signature differs from the vectors`);
    add({
      id: `eip712.hash.${kind}`,
      name: `EIP-712 hash \`${kind}\``,
      expect0: OUT.eip712[kind].hash,
      ours: C("intent-signer", (i) => o.eip712Hash(pool[i])),
      js: [
        C("viem", (i) => hashTypedData(pool[i])),
        C("ethers@6", (i) => ethers.TypedDataEncoder.hash(pool[i].domain, pool[i].types, pool[i].message)),
        C("ethers@5", (i) => ethers5.utils._TypedDataEncoder.hash(pool[i].domain, pool[i].types, pool[i].message)),
        C("permit2-sdk", (i) => permit2Hash[kind](pool[i])),
      ],
    });
    add({
      id: `eip712.recover.${kind}`,
      name: `EIP-712 recover \`${kind}\``,
      expect0: I.secp256k1Address,
      expectAll: secpAddr,
      ours: C("intent-signer", (i) => o.eip712Recover(pool[i], typedSigs[kind][i])),
      js: [
        C("viem", (i) => recoverTypedDataAddress({ ...pool[i], signature: sigHex[i] }), { async: true }),
        C("ethers@6", (i) => ethers.verifyTypedData(pool[i].domain, pool[i].types, pool[i].message, sigHex[i])),
        C("ethers@5", (i) => ethers5.utils.verifyTypedData(pool[i].domain, pool[i].types, pool[i].message, sigHex[i])),
      ],
    });
  }

  // ------------------------------------------------------------ ed25519 verify
  const edSigs = range.map((i) => ed25519.sign(msg600Bytes[i], edSeeds[i]));
  if ("0x" + toHex(edSigs[0]) !== OUT.ed25519.signatureOfMessage600) throw new Error("ed25519 signature differs from the vectors");
  const nearPubs = edPubs.map((p) => NearPublicKey.fromString(edText(p)));
  if (nearPubs[0].toString() !== I.nearPublicKey) throw new Error("NEAR public key of the vector seed");
  const nodePubs = edPubs.map(ed25519Spki);
  add({
    id: "ed25519.verify",
    name: "ed25519 verify, 600 B",
    expect0: true,
    negative: () => {
      const bad = edSigs[0].slice();
      bad[5] ^= 1;
      return o.ed25519Verify(edPubs[0], msg600Bytes[0], bad) === false && o.ed25519Verify(edPubs[1], msg600Bytes[0], edSigs[0]) === false;
    },
    ours: C("intent-signer", (i) => o.ed25519Verify(edPubs[i], msg600Bytes[i], edSigs[i])),
    js: [
      C("noble-curves", (i) => ed25519.verify(edSigs[i], msg600Bytes[i], edPubs[i])),
      C("@noble/ed25519", (i) => nobleEd.verify(edSigs[i], msg600Bytes[i], edPubs[i])),
      C("near-api-js", (i) => nearPubs[i].verify(msg600Bytes[i], edSigs[i])),
      C("tweetnacl", (i) => nacl.sign.detached.verify(msg600Bytes[i], edSigs[i], edPubs[i])),
      C("node:crypto (OpenSSL)", (i) => crypto.verify(null, msg600Bytes[i], nodePubs[i], edSigs[i]), {
        reference: "native code, not JavaScript",
      }),
    ],
  });

  // ------------------------------------------------------------------ NEP-413
  const nonce0 = fromHex(I.nep413.nonce);
  const nepJs = range.map((i) => {
    const nonce = nonce0.slice();
    nonce[0] ^= i;
    return { message: msg600[i], nonce, recipient: I.nep413.recipient, callbackUrl: I.nep413.callbackUrl };
  });
  // Ours takes the JSON form NEAR wallets use (nonce in base64); JS libraries take bytes.
  const nepOurs = nepJs.map((p) => ({ ...p, nonce: b64encode(p.nonce) }));
  if (borshNep413(nepJs[0]).length !== OUT.nep413.borshLen_someCallback) throw new Error("NEP-413 borsh length");
  add({
    id: "nep413.hash",
    name: "NEP-413 hash",
    expect0: OUT.nep413.payloadSha256_someCallback,
    ours: C("intent-signer", (i) => o.nep413Hash(nepOurs[i])),
    js: [
      C("borsh + noble sha256", (i) => sha256(borshNep413(nepJs[i]))),
      C("hand-written borsh + noble sha256", (i) => sha256(handNep413(nepJs[i]))),
      C("near-api-js", (i) => nearSerializeNep413(nepJs[i])),
    ],
  });

  const nepHashes = nepJs.map((p) => sha256(handNep413(p)));
  const nepSigs = range.map((i) => ed25519.sign(nepHashes[i], edSeeds[i]));
  if ("0x" + toHex(nepSigs[0]) !== OUT.nep413.signature_someCallback) throw new Error("NEP-413 signature differs from the vectors");
  const nepPubText = edPubs.map(edText);
  const nepSigText = nepSigs.map(edText);
  add({
    id: "nep413.verify",
    name: "NEP-413 hash + verify",
    expect0: true,
    negative: () => o.nep413Verify(nepOurs[1], nepPubText[1], nepSigText[0]) === false,
    ours: C("intent-signer", (i) => o.nep413Verify(nepOurs[i], nepPubText[i], nepSigText[i])),
    js: [
      C("noble-curves + borsh + bs58", (i) =>
        ed25519.verify(curveDecode(nepSigText[i], "ed25519"), sha256(borshNep413(nepJs[i])), curveDecode(nepPubText[i], "ed25519")),
      ),
      C("noble-curves + hand-written borsh + bs58", (i) =>
        ed25519.verify(curveDecode(nepSigText[i], "ed25519"), sha256(handNep413(nepJs[i])), curveDecode(nepPubText[i], "ed25519")),
      ),
      C("@noble/ed25519 + hand-written borsh + bs58", (i) =>
        nobleEd.verify(curveDecode(nepSigText[i], "ed25519"), sha256(handNep413(nepJs[i])), curveDecode(nepPubText[i], "ed25519")),
      ),
      C("near-api-js", (i) => NearPublicKey.fromString(nepPubText[i]).verify(nearSerializeNep413(nepJs[i]), curveDecode(nepSigText[i], "ed25519"))),
      C("tweetnacl + hand-written borsh + bs58", (i) =>
        nacl.sign.detached.verify(sha256(handNep413(nepJs[i])), curveDecode(nepSigText[i], "ed25519"), curveDecode(nepPubText[i], "ed25519")),
      ),
    ],
  });

  // ------------------------------------------------------- verifyMultiPayload
  const intentNonce = (i) => {
    const n = new Uint8Array(32);
    n.fill(0x5a);
    n[0] = i;
    return b64encode(n);
  };
  const intentMessage = (signerId, i) =>
    JSON.stringify({
      signer_id: signerId,
      verifying_contract: "intents.near",
      deadline: "2035-11-03T14:56:10.273Z",
      nonce: intentNonce(i),
      intents: [{ intent: "ft_withdraw", token: "usdc.near", receiver_id: "bob.near", amount: String(1000000 + i) }],
    });
  const evmSigner = (i) => secpAddr[i].toLowerCase();
  const nearSigner = (i) => toHex(edPubs[i]);
  const mps = {
    erc191: range.map((i) => {
      const payload = intentMessage(evmSigner(i), i);
      return { standard: "erc191", payload, signature: secpText(nobleSignDigest(nobleEip191Hash(utf8(payload)), secpKeys[i])) };
    }),
    tip191: range.map((i) => {
      const payload = intentMessage(evmSigner(i), i);
      return { standard: "tip191", payload, signature: secpText(nobleSignDigest(nobleEip191Hash(utf8(payload), TIP191_PREFIX), secpKeys[i])) };
    }),
    raw_ed25519: range.map((i) => {
      const payload = intentMessage(nearSigner(i), i);
      return { standard: "raw_ed25519", payload, public_key: edText(edPubs[i]), signature: edText(ed25519.sign(utf8(payload), edSeeds[i])) };
    }),
    sep53: range.map((i) => {
      const payload = intentMessage(nearSigner(i), i);
      const digest = sha256(concat(SEP53_PREFIX, utf8(payload)));
      return { standard: "sep53", payload, public_key: edText(edPubs[i]), signature: edText(ed25519.sign(digest, edSeeds[i])) };
    }),
    nep413: range.map((i) => {
      const payload = { message: intentMessage(nearSigner(i), i), nonce: intentNonce(i), recipient: "intents.near" };
      const digest = sha256(handNep413({ ...payload, nonce: b64decode(payload.nonce) }));
      return { standard: "nep413", payload, public_key: edText(edPubs[i]), signature: edText(ed25519.sign(digest, edSeeds[i])) };
    }),
  };
  const oursVerify = (mp) => {
    const r = o.verifyMultiPayload(mp);
    return { valid: r.valid, signerId: r.signerId, publicKey: r.publicKey, intentHashBase58: r.intentHashBase58 };
  };
  const result = (valid, signerId, publicKey, intentHash) => ({ valid, signerId, publicKey, intentHashBase58: bs58.encode(intentHash) });
  // The JS verifiers below do what the verifier does: parse, hash, check the signature, check an implicit signer_id.
  const jsSecp = (mp, prefix) => {
    const sig = curveDecode(mp.signature, "secp256k1");
    if (sig.length !== 65 || sig[64] > 1) throw new Error("bad secp256k1 signature");
    const signerId = JSON.parse(mp.payload).signer_id;
    const hash = nobleEip191Hash(utf8(mp.payload), prefix);
    const xy = nobleRecoverXY(hash, sig);
    return result("0x" + addressOfXY(xy) === signerId, signerId, secpText(xy), hash);
  };
  const jsEd = (mp, signed, hash, messageJson, verify = ed25519.verify) => {
    const sig = curveDecode(mp.signature, "ed25519");
    const pub = curveDecode(mp.public_key, "ed25519");
    const signerId = JSON.parse(messageJson).signer_id;
    const ok = verify(sig, signed, pub);
    return result(ok && toHex(pub) === signerId, signerId, mp.public_key, hash);
  };
  const jsRaw = (mp, verify) => {
    const bytes = utf8(mp.payload);
    return jsEd(mp, bytes, sha256(bytes), mp.payload, verify);
  };
  const jsSep53 = (mp) => {
    const h = sha256(concat(SEP53_PREFIX, utf8(mp.payload)));
    return jsEd(mp, h, h, mp.payload);
  };
  const jsNep413 = (mp, serialize) => {
    const p = mp.payload;
    const h = sha256(serialize({ message: p.message, nonce: b64decode(p.nonce), recipient: p.recipient, callbackUrl: p.callbackUrl ?? null }));
    return jsEd(mp, h, h, p.message);
  };
  const viemErc191 = async (mp) => {
    const sig = curveDecode(mp.signature, "secp256k1");
    if (sig.length !== 65 || sig[64] > 1) throw new Error("bad secp256k1 signature");
    const signerId = JSON.parse(mp.payload).signer_id;
    const hash = hashMessage(mp.payload);
    const pub = await recoverPublicKey({ hash, signature: sig });
    const address = await recoverAddress({ hash, signature: sig });
    return result(address.toLowerCase() === signerId, signerId, secpText(fromHex(pub).subarray(1)), fromHex(hash));
  };
  const ethersErc191 = (mp) => {
    const sig = curveDecode(mp.signature, "secp256k1");
    if (sig.length !== 65 || sig[64] > 1) throw new Error("bad secp256k1 signature");
    const signerId = JSON.parse(mp.payload).signer_id;
    const hash = ethers.hashMessage(mp.payload);
    const pub = ethers.SigningKey.recoverPublicKey(hash, ethers.Signature.from({ r: ethers.hexlify(sig.subarray(0, 32)), s: ethers.hexlify(sig.subarray(32, 64)), v: sig[64] + 27 }));
    return result(ethers.computeAddress(pub).toLowerCase() === signerId, signerId, secpText(fromHex(pub).subarray(1)), fromHex(hash));
  };
  const nearRaw = (mp) => {
    const bytes = utf8(mp.payload);
    const pk = NearPublicKey.fromString(mp.public_key);
    const signerId = JSON.parse(mp.payload).signer_id;
    const ok = pk.verify(bytes, curveDecode(mp.signature, "ed25519"));
    return result(ok && toHex(pk.data) === signerId, signerId, mp.public_key, sha256(bytes));
  };
  const nearNep413 = (mp) => {
    const p = mp.payload;
    const h = nearSerializeNep413({ message: p.message, nonce: b64decode(p.nonce), recipient: p.recipient, callbackUrl: p.callbackUrl });
    const pk = NearPublicKey.fromString(mp.public_key);
    const signerId = JSON.parse(p.message).signer_id;
    const ok = pk.verify(h, curveDecode(mp.signature, "ed25519"));
    return result(ok && toHex(pk.data) === signerId, signerId, mp.public_key, h);
  };
  const mpJs = {
    nep413: [
      C("noble + borsh + bs58", (i) => jsNep413(mps.nep413[i], borshNep413)),
      C("noble + hand-written borsh + bs58", (i) => jsNep413(mps.nep413[i], handNep413)),
      C("near-api-js + bs58", (i) => nearNep413(mps.nep413[i])),
    ],
    erc191: [
      C("viem + bs58", (i) => viemErc191(mps.erc191[i]), { async: true }),
      C("ethers@6 + bs58", (i) => ethersErc191(mps.erc191[i])),
      C("noble + bs58", (i) => jsSecp(mps.erc191[i], ERC191_PREFIX)),
    ],
    tip191: [C("noble + bs58", (i) => jsSecp(mps.tip191[i], TIP191_PREFIX))],
    raw_ed25519: [
      C("noble + bs58", (i) => jsRaw(mps.raw_ed25519[i])),
      C("@noble/ed25519 + bs58", (i) => jsRaw(mps.raw_ed25519[i], nobleEd.verify)),
      C("near-api-js + bs58", (i) => nearRaw(mps.raw_ed25519[i])),
    ],
    sep53: [C("noble + bs58", (i) => jsSep53(mps.sep53[i]))],
  };
  for (const std of ["nep413", "erc191", "raw_ed25519", "tip191", "sep53"]) {
    add({
      id: `verifyMultiPayload.${std}`,
      name: `verifyMultiPayload \`${std}\``,
      expectAllValid: true,
      negative: () => {
        const mp = structuredClone(mps[std][0]);
        mp.signature = mps[std][1].signature;
        return o.verifyMultiPayload(mp).valid === false;
      },
      ours: C("intent-signer", (i) => oursVerify(mps[std][i])),
      js: mpJs[std],
    });
  }

  // --------------------------------------------- prepareSigning + finishSigning
  const NOW = Date.parse("2026-11-01T00:00:00Z");
  const steps = [
    {
      to: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
      functionSignature: "approve(address,uint256)",
      parameters: ["0x000000000022D473030F116dDEE9F6B43aC78BA3", "2500000000"],
      value: "0",
    },
    {
      to: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
      functionSignature: "transfer(address,uint256)",
      parameters: ["0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", "{AMOUNT_IN}"],
      value: "0",
    },
  ];
  const execution = (signerId, std, i) => {
    const payloadJson = intentMessage(signerId, i);
    return {
      id: `33ca3807-0e1b-455f-a6dd-1a482ec9b3${hex2(i)}`,
      status: "CREATED",
      details: {
        signingStandard: std,
        messageToSign: payloadJson,
        payload: { payload_json: payloadJson, payload_bytes_base64: b64encode(utf8(payloadJson)), standard: std },
      },
      steps,
    };
  };
  const flows = {
    erc191: range.map((i) => {
      const ex = execution(evmSigner(i), "erc191", i);
      const sig = nobleSignDigest(nobleEip191Hash(utf8(ex.details.payload.payload_json)), secpKeys[i]);
      sig[64] += 27;
      return { ex, wallet: secpAddr[i], walletOutput: "0x" + toHex(sig) };
    }),
    raw_ed25519: range.map((i) => {
      const ex = execution(nearSigner(i), "raw_ed25519", i);
      return { ex, wallet: bs58.encode(edPubs[i]), walletOutput: ed25519.sign(utf8(ex.details.payload.payload_json), edSeeds[i]) };
    }),
  };
  const oursFlow = (f) => {
    const req = o.prepareSigning(f.ex, { wallet: f.wallet, now: NOW });
    const done = o.finishSigning(req, f.walletOutput);
    return { submitBody: done.submitBody, multiPayload: done.multiPayload, signerId: done.signerId, intentHashBase58: done.intentHashBase58 };
  };
  const hasPlaceholder = (v) => (Array.isArray(v) ? v.some(hasPlaceholder) : typeof v === "string" && /^\{[A-Z_]+\}$/.test(v));
  /** What prepareSigning checks, written with the JS libraries (fewer checks and no review text: it flatters JS). */
  const jsPrepare = (ex, wallet, std) => {
    if (ex.status !== "CREATED" && ex.status !== "OPERATION_PENDING") throw new Error("INVALID_STATUS");
    const d = ex.details;
    const p = d.payload;
    if (p.standard !== d.signingStandard || p.standard !== std) throw new Error("STANDARD_MISMATCH");
    const bytes = utf8(p.payload_json);
    if (!equalBytes(b64decode(p.payload_bytes_base64), bytes)) throw new Error("PAYLOAD_MISMATCH");
    const msg = JSON.parse(p.payload_json);
    let signerId;
    if (std === "erc191") {
      if (!/^0x[0-9a-fA-F]{40}$/.test(wallet)) throw new Error("WALLET_MISMATCH");
      signerId = wallet.toLowerCase();
    } else {
      const pub = bs58.decode(wallet);
      if (pub.length !== 32) throw new Error("INVALID_WALLET");
      signerId = toHex(pub);
    }
    if (msg.signer_id !== signerId) throw new Error("SIGNER_MISMATCH");
    if (msg.verifying_contract !== "intents.near") throw new Error("WRONG_VERIFYING_CONTRACT");
    if (!(Date.parse(msg.deadline) > NOW)) throw new Error("DEADLINE_EXPIRED");
    const calldata = (ex.steps ?? []).map((s) =>
      hasPlaceholder(s.parameters) ? null : encodeFunctionData({ abi: parseAbi(["function " + s.functionSignature]), args: s.parameters }),
    );
    return { ex, wallet, signerId, bytes, calldata };
  };
  const jsFinishErc191 = (req, walletOutput) => {
    const sig = fromHex(walletOutput);
    if (sig[64] >= 27) sig[64] -= 27;
    const hash = nobleEip191Hash(req.bytes);
    if ("0x" + addressOfXY(nobleRecoverXY(hash, sig)) !== req.signerId) throw new Error("SIGNATURE_MISMATCH");
    const signature = secpText(sig);
    return {
      submitBody: { executionId: req.ex.id, signature },
      multiPayload: { payload: req.ex.details.payload.payload_json, signature, standard: "erc191" },
      signerId: req.signerId,
      intentHashBase58: bs58.encode(hash),
    };
  };
  const jsFinishRaw = (req, walletOutput) => {
    const pub = bs58.decode(req.wallet);
    if (!ed25519.verify(walletOutput, req.bytes, pub)) throw new Error("SIGNATURE_MISMATCH");
    const signature = edText(walletOutput);
    const publicKey = edText(pub);
    return {
      submitBody: { executionId: req.ex.id, publicKey, signature },
      multiPayload: { payload: req.ex.details.payload.payload_json, public_key: publicKey, signature, standard: "raw_ed25519" },
      signerId: req.signerId,
      intentHashBase58: bs58.encode(sha256(req.bytes)),
    };
  };
  add({
    id: "flow.erc191",
    name: "prepareSigning + finishSigning `erc191`",
    ours: C("intent-signer", (i) => oursFlow(flows.erc191[i])),
    js: [
      C("hand-written: viem (ABI) + noble + bs58", (i) => {
        const f = flows.erc191[i];
        return jsFinishErc191(jsPrepare(f.ex, f.wallet, "erc191"), f.walletOutput);
      }),
    ],
  });
  add({
    id: "flow.raw_ed25519",
    name: "prepareSigning + finishSigning `raw_ed25519`",
    ours: C("intent-signer", (i) => oursFlow(flows.raw_ed25519[i])),
    js: [
      C("hand-written: viem (ABI) + noble + bs58", (i) => {
        const f = flows.raw_ed25519[i];
        return jsFinishRaw(jsPrepare(f.ex, f.wallet, "raw_ed25519"), f.walletOutput);
      }),
    ],
  });

  // ------------------------------------------------------------------ signing
  const ethersWallets = secpKeyHex.map((k) => new ethers.Wallet(k));
  const v01 = (hex) => {
    const b = fromHex(hex);
    if (b[64] >= 27) b[64] -= 27;
    return b;
  };
  const sig0 = v01(OUT.secp256k1.signatureOfEip191Hash);
  add({
    id: "secp256k1.sign",
    name: "secp256k1 sign (EIP-191, 600 B)",
    expect0: "0x" + toHex(sig0),
    ours: C("intent-signer", (i) => o.erc191Sign(msg600[i], secpKeys[i])),
    js: [
      C("viem", (i) => viemSignMessage({ message: msg600[i], privateKey: secpKeyHex[i] }).then(v01), { async: true }),
      C("noble (keccak_256 by hand)", (i) => nobleSignDigest(nobleEip191Hash(utf8(msg600[i])), secpKeys[i])),
      C("ethers@6", (i) => v01(ethersWallets[i].signMessageSync(msg600[i]))),
    ],
  });

  const nearKeyPairs = edSeeds.map((s, i) => KeyPair.fromString("ed25519:" + bs58.encode(concat(s, edPubs[i]))));
  const naclKeys = edSeeds.map((s) => nacl.sign.keyPair.fromSeed(s).secretKey);
  const nodePrivs = edSeeds.map(ed25519Pkcs8);
  add({
    id: "ed25519.sign",
    name: "ed25519 sign, 600 B",
    expect0: OUT.ed25519.signatureOfMessage600,
    ours: C("intent-signer", (i) => o.ed25519Sign(msg600Bytes[i], edSeeds[i])),
    js: [
      C("noble-curves", (i) => ed25519.sign(msg600Bytes[i], edSeeds[i])),
      C("@noble/ed25519", (i) => nobleEd.sign(msg600Bytes[i], edSeeds[i])),
      C("near-api-js", (i) => nearKeyPairs[i].sign(msg600Bytes[i]).signature),
      C("tweetnacl", (i) => nacl.sign.detached(msg600Bytes[i], naclKeys[i])),
      C("node:crypto (OpenSSL)", (i) => new Uint8Array(crypto.sign(null, msg600Bytes[i], nodePrivs[i])), {
        reference: "native code, not JavaScript",
      }),
    ],
  });

  return ops;
}

// ------------------------------------------------------------------ checking

const canon = (v) => JSON.stringify(sortKeys(norm(v)));
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

/** Runs every contender on every pool entry; throws on the first output that is not ours. */
export async function checkOps(ops) {
  for (const op of ops) {
    for (let i = 0; i < N; i++) {
      const ours = canon(await op.ours.run(i));
      if (i === 0 && op.expect0 !== undefined && ours !== canon(op.expect0)) {
        throw new Error(`${op.id}: ours gives ${ours}, the vectors say ${canon(op.expect0)}`);
      }
      if (op.expectAll && ours !== canon(op.expectAll[i])) throw new Error(`${op.id}[${i}]: ours gives ${ours}, expected ${canon(op.expectAll[i])}`);
      if (op.expectAllValid && JSON.parse(ours).valid !== true) throw new Error(`${op.id}[${i}]: ours says not valid: ${ours}`);
      for (const c of op.js) {
        if (c.selfCheck) {
          if (i === 0 && !c.selfCheck()) throw new Error(`${op.id}: ${c.name} differs from ours on its own inputs`);
          continue;
        }
        const theirs = canon(await c.run(i));
        if (theirs !== ours) throw new Error(`${op.id}[${i}]: ours gives ${ours}\n  but ${c.name} gives ${theirs}`);
      }
    }
    if (op.negative && !op.negative()) throw new Error(`${op.id}: ours accepts a wrong signature`);
  }
}
