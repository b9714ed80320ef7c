#!/usr/bin/env node
// Soak test of the built package (run by scripts/soak.sh; `make soak`).
//
// SOAK_CALLS (default 1,000,000) mixed calls over the package's exports with
// known inputs from tests/vectors/ — the generated vectors (viem, ethers,
// @noble/curves, near-api-js, permit2-sdk), the upstream ones and the
// negative ones. Nine calls in ten are valid and their result is compared with
// the vector's expected value; every tenth is invalid and must throw an Error
// with the vector's code. Valid cases are drawn with a seeded PRNG (SOAK_SEED),
// invalid ones round-robin, so a run is reproducible.
//
// The module is the Node ESM entry of the root (pkg/all/node.js, loaded at
// import); the glue it wraps hands out the same instance's exports, so that its
// WebAssembly.Memory can be read: its size (and Node's rss and heap, after a
// forced GC when run with --expose-gc) is reported at the start, 10 %, 50 %,
// 90 % and the end. Exit status 1 when any result is wrong, or when after the
// first 10 % the wasm memory grows by more than SOAK_WASM_MARGIN_MB (1 MiB) or
// Node's heap by more than SOAK_HEAP_MARGIN_MB (16 MiB); rss is reported, and
// fails only past SOAK_RSS_MARGIN_MB (128 MiB), since the allocator keeps pages.

import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";

const ROOT = new URL("../", import.meta.url);
const CALLS = Number(process.env.SOAK_CALLS ?? 1_000_000);
const SEED = Number(process.env.SOAK_SEED ?? 413);
const MiB = 1024 * 1024;
const WASM_MARGIN = Number(process.env.SOAK_WASM_MARGIN_MB ?? 1) * MiB;
const HEAP_MARGIN = Number(process.env.SOAK_HEAP_MARGIN_MB ?? 16) * MiB;
const RSS_MARGIN = Number(process.env.SOAK_RSS_MARGIN_MB ?? 128) * MiB;
if (!Number.isSafeInteger(CALLS) || CALLS < 10) {
  console.error(`SOAK_CALLS must be an integer ≥ 10 (got ${process.env.SOAK_CALLS})`);
  process.exit(2);
}

// ------------------------------------------------------------ the module

const lib = await import(new URL("pkg/all/node.js", ROOT).href);
await lib.ready();
// Already instantiated by node.js: the glue's initSync returns that instance's exports.
const wasmExports = (await import(new URL("pkg/all/intent_signer_all.js", ROOT).href)).initSync();
const memory = wasmExports.memory;
if (!(memory instanceof WebAssembly.Memory)) throw new Error("initSync did not return the instance's memory");
const CODES = lib.errorCodes();

// ------------------------------------------------------------ helpers (independent of the package)

const vectors = (rel) => JSON.parse(readFileSync(new URL(`tests/vectors/${rel}`, ROOT), "utf8")).cases;
const byId = (rel) => Object.fromEntries(vectors(rel).map((c) => [c.id, c]));
function hex(s) {
  const h = s.replace(/^0x/, "");
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(h)) throw new Error(`vector hex: ${s}`);
  return Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
}
const toHex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const hex0x = (b) => `0x${toHex(b)}`;
const utf8 = (s) => new TextEncoder().encode(s);
/** Vector JSON → JS values: every {"$bytes": hex} becomes a Uint8Array. */
function fromJson(v) {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v !== null && typeof v === "object") {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === "$bytes") return hex(v.$bytes);
    return Object.fromEntries(keys.map((k) => [k, fromJson(v[k])]));
  }
  return v;
}
/** A JS value as JSON-comparable data (Uint8Array → {"$bytes": hex}). */
function toJson(v) {
  if (v instanceof Uint8Array) return { $bytes: toHex(v) };
  if (Array.isArray(v)) return v.map(toJson);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
}
const PLACEHOLDER = /^\{[A-Z][A-Z0-9_]*\}$/;
function placeholderLeaves(params, out = []) {
  for (const p of params) {
    if (Array.isArray(p)) placeholderLeaves(p, out);
    else if (typeof p === "string" && PLACEHOLDER.test(p)) out.push(p);
  }
  return out;
}

// ------------------------------------------------------------ valid cases
// Each: [name, () => result, (result) => true when it is the vector's value].

const valid = [];
const add = (name, run, check) => valid.push({ name, run, check });

for (const standard of ["erc191", "tip191"]) {
  const [hash, recover] = standard === "erc191" ? [lib.erc191Hash, lib.erc191Recover] : [lib.tip191Hash, lib.tip191Recover];
  for (const c of vectors(`generated/${standard}.json`)) {
    const { input, expected: exp } = c;
    const sig = hex(exp.signature);
    add(`${standard}Hash`, () => hash(input.message), (r) => toHex(r) === exp.hash);
    add(`${standard}Recover`, () => recover(input.message, sig), (r) => r === exp.address);
    if (standard === "erc191") add("erc191Sign", () => lib.erc191Sign(input.message, hex(input.secretKey)), (r) => toHex(r) === exp.signatureNormalized);
    if (c.flags.includes("defuse_payload")) {
      add("verifyMultiPayload", () => lib.verifyMultiPayload(exp.multiPayload), (r) => r.valid === true && r.intentHashBase58 === exp.intentHash);
    }
  }
}
for (const c of vectors("generated/nep413.json")) {
  const { input, expected: exp } = c;
  const seed = hex(input.seed);
  add("nep413Hash", () => lib.nep413Hash(input.payload), (r) => toHex(r) === exp.hash);
  add("nep413Preimage", () => lib.nep413Preimage(input.payload), (r) => toHex(r) === exp.preimage);
  add("nep413Sign", () => lib.nep413Sign(input.payload, seed), (r) => r === exp.signature);
  add("nep413Verify", () => lib.nep413Verify(input.payload, exp.publicKey, exp.signature), (r) => r === true);
  if (c.flags.includes("defuse_payload")) {
    add("verifyMultiPayload", () => lib.verifyMultiPayload(exp.multiPayload), (r) => r.valid === true && r.intentHashBase58 === exp.intentHash);
    add("decodeIntent", () => lib.decodeIntent(exp.multiPayload), (r) => typeof r.signerId === "string" && Array.isArray(r.intents) && r.verifyingContract === input.payload.recipient);
  }
}
for (const c of vectors("generated/raw_ed25519.json")) {
  const { input, expected: exp } = c;
  const seed = hex(input.seed);
  const payload = utf8(input.payload);
  add("ed25519Sign", () => lib.ed25519Sign(payload, seed), (r) => toHex(r) === exp.signatureHex);
  add("ed25519PublicKey", () => lib.ed25519PublicKey(seed), (r) => toHex(r) === exp.publicKeyHex);
  add("ed25519Verify", () => lib.ed25519Verify(hex(exp.publicKeyHex), payload, hex(exp.signatureHex)), (r) => r === true);
  if (c.flags.includes("defuse_payload")) {
    add("verifyMultiPayload", () => lib.verifyMultiPayload(JSON.stringify(exp.multiPayload)), (r) => r.valid === true && r.intentHashBase58 === exp.intentHash);
  }
}
for (const c of vectors("generated/sep53.json")) {
  const { input, expected: exp } = c;
  add("sep53Hash", () => lib.sep53Hash(input.payload), (r) => toHex(r) === exp.hash);
  if (c.flags.includes("defuse_payload")) {
    add("verifyMultiPayload", () => lib.verifyMultiPayload(exp.multiPayload), (r) => r.valid === true && r.intentHashBase58 === exp.intentHash);
  }
}
for (const c of vectors("upstream.json")) {
  if (c.type === "implicit") add("implicitAccountId", () => lib.implicitAccountId(c.input.publicKey), (r) => r === c.expected.accountId);
  if (c.type === "ed25519") {
    add("ed25519Verify", () => lib.ed25519Verify(hex(c.input.publicKeyHex), hex(c.input.messageHex), hex(c.input.signatureHex)), (r) => r === c.expected.valid);
  }
  if (c.type === "erc191") {
    add("hexToBytes", () => lib.hexToBytes(`0x${c.input.signature}`), (r) => toHex(r) === c.input.signature);
    add("bytesToHex", () => lib.bytesToHex(hex(c.expected.hash)), (r) => r === c.expected.hash);
  }
}
for (const c of vectors("generated/abi.json")) {
  const { input, expected: exp } = c;
  const literal = Object.fromEntries(placeholderLeaves(input.parameters).map((p) => [p, p]));
  const options = Object.keys(literal).length > 0 ? { placeholders: literal } : undefined;
  const calldata = hex(exp.calldata);
  add("abiEncodeCall", () => lib.abiEncodeCall(input.functionSignature, input.parameters, options), (r) => hex0x(r) === exp.calldata);
  add("abiDecodeCall", () => lib.abiDecodeCall(input.functionSignature, calldata), (r) => isDeepStrictEqual(r, exp.decoded));
  if (exp.selector) add("functionSelector", () => lib.functionSelector(input.functionSignature), (r) => hex0x(r) === exp.selector);
}
for (const c of vectors("abi-aurora.json")) {
  if (c.input.to === undefined) continue;
  add("validateStep", () => lib.validateStep(c.input), (r) => r === undefined);
  if (c.placeholders) add("reviewStep", () => lib.reviewStep(c.input, { placeholders: c.placeholders }), (r) => hex0x(r.calldata) === c.expected.calldata);
}
for (const c of vectors("generated/eip712.json")) {
  if (c.error) continue;
  const { input, expected: exp } = c;
  const td = input.typedData;
  const text = JSON.stringify(td);
  add("eip712Hash", () => lib.eip712Hash(td), (r) => hex0x(r) === exp.digest);
  add("eip712Hash", () => lib.eip712Hash(text), (r) => hex0x(r) === exp.digest);
  add("eip712DomainSeparator", () => lib.eip712DomainSeparator(td), (r) => hex0x(r) === exp.domainSeparator);
  add("eip712EncodeType", () => lib.eip712EncodeType(td, td.primaryType), (r) => r === exp.encodeType);
  add("eip712Sign", () => lib.eip712Sign(td, hex(input.secretKey)), (r) => hex0x(r) === exp.signature);
  add("eip712Recover", () => lib.eip712Recover(td, hex(exp.signature)), (r) => r === exp.address);
}
const BUILDERS = {
  permit2Transfer: lib.permit2Transfer,
  permit2BatchTransfer: lib.permit2BatchTransfer,
  permit2WitnessTransfer: lib.permit2WitnessTransfer,
  permit2BatchWitnessTransfer: lib.permit2WitnessTransfer, // the batch form: `permitted` is a list
  permit2Single: lib.permit2Single,
  permit2Batch: lib.permit2Batch,
};
for (const c of vectors("generated/permit2.json")) {
  if (c.error) continue;
  const { input, expected: exp } = c;
  if (input.builder !== "permit2FromParamsToSign" && !BUILDERS[input.builder]) throw new Error(`${c.id}: unknown builder ${input.builder}`);
  const build = input.builder === "permit2FromParamsToSign" ? () => lib.permit2FromParamsToSign(input.paramsToSign, input.args) : () => BUILDERS[input.builder](input.args);
  add(input.builder, build, (r) => hex0x(r.digest) === exp.digest && isDeepStrictEqual(r.typedData, exp.typedData));
}
for (const c of vectors("generated/eip7702.json")) {
  const { input, expected: exp } = c;
  const auth = { chainId: input.chainId, address: input.address, nonce: input.nonce };
  add("eip7702AuthorizationHash", () => lib.eip7702AuthorizationHash(auth), (r) => hex0x(r) === exp.hash);
  add("eip7702Sign", () => lib.eip7702Sign(auth, hex(input.secretKey)), (r) => r.r === exp.signature.r && r.s === exp.signature.s && r.yParity === exp.signature.yParity);
}
const invalid = []; // filled below; executions add to both
for (const c of vectors("generated/executions.json")) {
  const exp = c.expected;
  const stage = exp.stage ?? "success";
  if (stage === "delete") {
    const options = c.input.nonce ? { nonce: fromJson(c.input.nonce) } : undefined;
    const output = fromJson(c.input.walletOutput);
    const request = () => lib.deleteExecutionRequest(c.input.executionId, c.input.wallet, options);
    if (exp.error) invalid.push({ name: "finishDeleteSigning", run: () => lib.finishDeleteSigning(request(), output), code: exp.error });
    else add("deleteExecutionRequest+finishDeleteSigning", () => lib.finishDeleteSigning(request(), output), (r) => isDeepStrictEqual(r, exp.deleteBody));
    continue;
  }
  const options = { wallet: c.input.wallet, now: c.input.now };
  const execution = c.input.execution;
  if (stage === "prepare") {
    invalid.push({ name: "prepareSigning", run: () => lib.prepareSigning(execution, options), code: exp.error });
    continue;
  }
  const output = fromJson(c.input.walletOutput);
  add("prepareSigning", () => lib.prepareSigning(execution, options), (r) => r.intentHashBase58 === exp.intentHashBase58 && r.signerId === exp.signerId && isDeepStrictEqual(toJson(r.walletRequest), exp.walletRequest));
  if (stage === "finish") {
    invalid.push({ name: "prepareSigning+finishSigning", run: () => lib.finishSigning(lib.prepareSigning(execution, options), output), code: exp.error });
  } else {
    add("prepareSigning+finishSigning", () => lib.finishSigning(lib.prepareSigning(execution, options), output), (r) => isDeepStrictEqual(r.submitBody, exp.submitBody) && r.intentHashBase58 === exp.intentHashBase58);
  }
}

// ------------------------------------------------------------ invalid cases
// Each: [name, () => must throw, the expected code].

for (const c of vectors("negative.json")) {
  if (!c.error) continue;
  const { input } = c;
  const run = {
    erc191_recover: () => lib.erc191Recover(input.message, hex(input.signature)),
    erc191_sign: () => lib.erc191Sign(input.message, hex(input.secretKey)),
    multi_payload: () => lib.verifyMultiPayload(input.multiPayload),
    multi_payload_text: () => lib.verifyMultiPayload(input.text),
    intent_decode: () => lib.decodeIntentMessage(input.payload),
    intent_check: () => {
      const options = {};
      if (input.verifyingContract !== undefined) options.verifyingContract = input.verifyingContract;
      if (input.now !== undefined) options.now = Date.parse(input.now);
      if (input.publicKey !== undefined) options.publicKey = input.publicKey;
      return lib.decodeIntentMessage(input.payload, options);
    },
  }[c.type];
  if (run) invalid.push({ name: c.type, run, code: c.error });
}
for (const c of vectors("abi-negative.json")) {
  if (!c.error) continue;
  const { input } = c;
  const run = {
    encode: () => lib.abiEncodeCall(input.functionSignature, input.parameters, input.placeholders === undefined ? undefined : { placeholders: input.placeholders }),
    decode: () => lib.abiDecodeCall(input.functionSignature, hex(input.calldata)),
    validate_step: () => lib.validateStep(input.step),
    validate_steps: () => lib.validateSteps(input.steps),
  }[c.type];
  if (run) invalid.push({ name: c.type, run, code: c.error });
}
for (const c of vectors("generated/eip712.json")) {
  if (c.error) invalid.push({ name: "eip712Hash", run: () => lib.eip712Hash(c.input.typedData), code: c.error });
}
for (const c of vectors("generated/permit2.json")) {
  if (!c.error) continue;
  const { input } = c;
  const run = input.builder === "permit2FromParamsToSign" ? () => lib.permit2FromParamsToSign(input.paramsToSign, input.args) : () => BUILDERS[input.builder](input.args);
  invalid.push({ name: input.builder, run, code: c.error });
}
// Hostile input, small enough to repeat: nesting, lone surrogates, __proto__ keys, cycles, limits.
{
  const up = byId("upstream.json");
  const raw = up["V-RAW-2"].input.multiPayload;
  const mail = byId("generated/eip712.json")["eip712-001"].input.typedData;
  let deep = [];
  for (let i = 0; i < 200; i++) deep = [deep];
  const step = byId("abi-aurora.json")["aurora-002"].input;
  const hostile = [
    ["verifyMultiPayload", () => lib.verifyMultiPayload(deep), "INVALID_JSON"],
    ["verifyMultiPayload", () => lib.verifyMultiPayload("[".repeat(200) + "]".repeat(200)), "INVALID_JSON"],
    ["abiEncodeCall", () => lib.abiEncodeCall("f(uint256[])", [deep]), "INVALID_JSON"],
    ["verifyMultiPayload", () => lib.verifyMultiPayload({ ...raw, payload: `${raw.payload}\uD800` }), "INVALID_STRING"],
    ["erc191Hash", () => lib.erc191Hash("a\uDC00b"), "INVALID_STRING"],
    ["eip712Hash", () => lib.eip712Hash({ ...mail, message: { ...mail.message, contents: "\uD83D" } }), "INVALID_STRING"],
    ["decodeIntent", () => lib.decodeIntent(raw, JSON.parse('{"__proto__":{"now":1}}')), "UNKNOWN_FIELD"],
    ["eip712Hash", () => lib.eip712Hash({ ...mail, message: { ...mail.message, ...JSON.parse('{"__proto__":"x"}') } }), "UNKNOWN_FIELD"],
    ["eip712Hash", () => lib.eip712Hash({ ...mail, types: { ...mail.types, A: [{ name: "b", type: "B" }], B: [{ name: "a", type: "A" }] }, primaryType: "A", message: { b: { a: {} } } }), "CYCLIC_TYPES"],
    ["functionSelector", () => lib.functionSelector("f(uint256[1000000])"), "INVALID_FUNCTION_SIGNATURE"],
    ["functionSelector", () => lib.functionSelector(`f(${"uint8,".repeat(1000)}uint8)`), "INVALID_FUNCTION_SIGNATURE"],
    ["validateSteps", () => lib.validateSteps(new Array(31).fill(step)), "TOO_MANY_STEPS"],
    ["permit2Transfer", () => lib.permit2Transfer({ ...byId("generated/permit2.json")["permit2-014"].input.args, chainId: 2 ** 53 + 1 }), "INVALID_NUMBER"],
    ["eip7702AuthorizationHash", () => lib.eip7702AuthorizationHash({ chainId: NaN, address: step.to, nonce: 0 }), "INVALID_TYPE"],
    ["hexToBytes", () => lib.hexToBytes("0xzz"), "INVALID_HEX"],
    ["implicitAccountId", () => lib.implicitAccountId(`ed25519:${"1".repeat(2000)}`), "INVALID_LENGTH"],
  ];
  for (const [name, run, code] of hostile) invalid.push({ name, run, code });
}

// ------------------------------------------------------------ the run

/** mulberry32: a small seeded PRNG, so that a run can be repeated. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);

function sample(label) {
  if (typeof globalThis.gc === "function") {
    globalThis.gc();
    globalThis.gc();
  }
  const m = process.memoryUsage();
  return { label, wasm: memory.buffer.byteLength, rss: m.rss, heap: m.heapUsed };
}
const mb = (n) => (n / MiB).toFixed(1);

const failures = [];
const fail = (i, what, detail) => {
  failures.push({ i, what, detail });
  if (failures.length <= 20) console.error(`WRONG #${i} ${what}: ${detail}`);
};
const perName = new Map(); // name → { calls, ms }
const samples = [sample("start")];
const checkpoints = new Map([
  [Math.floor(CALLS * 0.1), "10%"],
  [Math.floor(CALLS * 0.5), "50%"],
  [Math.floor(CALLS * 0.9), "90%"],
  [CALLS, "end"],
]);
let validCalls = 0;
let invalidCalls = 0;
let invalidIndex = 0;
console.log(
  `soak: ${CALLS.toLocaleString("en-US")} calls (${valid.length} valid cases, ${invalid.length} invalid cases, seed ${SEED}), ` +
    `pkg/all/node.js ${JSON.stringify(lib.buildInfo())}, node ${process.version}, gc ${typeof globalThis.gc === "function" ? "forced at checkpoints" : "not exposed (run with --expose-gc)"}`,
);
const t0 = performance.now();
for (let i = 1; i <= CALLS; i++) {
  const isInvalid = i % 10 === 0;
  const c = isInvalid ? invalid[invalidIndex++ % invalid.length] : valid[Math.floor(random() * valid.length)];
  const start = performance.now();
  let result;
  let error;
  let threw = false;
  try {
    result = c.run();
  } catch (e) {
    threw = true;
    error = e;
  }
  const ms = performance.now() - start;
  const stat = perName.get(c.name) ?? { calls: 0, ms: 0, max: 0 };
  stat.calls++;
  stat.ms += ms;
  stat.max = Math.max(stat.max, ms);
  perName.set(c.name, stat);
  if (isInvalid) {
    invalidCalls++;
    if (!threw) fail(i, c.name, `expected ${c.code}, returned ${String(JSON.stringify(toJson(result))).slice(0, 120)}`);
    else if (!(error instanceof Error) || typeof error.code !== "string" || !CODES.includes(error.code)) fail(i, c.name, `uncoded error: ${error}`);
    else if (error.code !== c.code) fail(i, c.name, `code ${error.code}, expected ${c.code} (${error.message.slice(0, 120)})`);
  } else {
    validCalls++;
    if (threw) fail(i, c.name, `threw ${error?.code ?? ""} ${error?.message ?? error}`);
    else {
      let ok = false;
      try {
        ok = c.check(result);
      } catch (e) {
        ok = false;
      }
      if (!ok) fail(i, c.name, `unexpected result ${String(JSON.stringify(toJson(result))).slice(0, 160)}`);
    }
  }
  const label = checkpoints.get(i);
  if (label !== undefined) {
    const s = sample(label);
    samples.push(s);
    const elapsed = (performance.now() - t0) / 1000;
    console.log(
      `  ${label.padStart(4)}: ${i.toLocaleString("en-US")} calls, ${elapsed.toFixed(1)} s, wasm memory ${mb(s.wasm)} MiB, rss ${mb(s.rss)} MiB, heap ${mb(s.heap)} MiB, wrong ${failures.length}`,
    );
  }
}
const seconds = (performance.now() - t0) / 1000;

// ------------------------------------------------------------ report

console.log(`\nmemory          ${samples.map((s) => s.label.padStart(9)).join(" ")}`);
console.log(`wasm (MiB)      ${samples.map((s) => mb(s.wasm).padStart(9)).join(" ")}`);
console.log(`rss (MiB)       ${samples.map((s) => mb(s.rss).padStart(9)).join(" ")}`);
console.log(`heapUsed (MiB)  ${samples.map((s) => mb(s.heap).padStart(9)).join(" ")}`);
console.log(`\ncalls by export (count, mean ms, max ms):`);
for (const [name, s] of [...perName].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(`  ${name.padEnd(44)} ${String(s.calls).padStart(8)} ${(s.ms / s.calls).toFixed(3).padStart(9)} ${s.max.toFixed(1).padStart(8)}`);
}
const at10 = samples.find((s) => s.label === "10%");
const later = samples.filter((s) => ["50%", "90%", "end"].includes(s.label));
const growth = (key) => Math.max(...later.map((s) => s[key])) - at10[key];
const problems = [];
if (failures.length > 0) problems.push(`${failures.length} wrong result(s)`);
if (validCalls + invalidCalls !== CALLS) problems.push(`ran ${validCalls + invalidCalls} calls, expected ${CALLS}`);
if (growth("wasm") > WASM_MARGIN) problems.push(`wasm memory grew by ${mb(growth("wasm"))} MiB after 10% (margin ${mb(WASM_MARGIN)} MiB)`);
if (typeof globalThis.gc === "function" && growth("heap") > HEAP_MARGIN) problems.push(`heap grew by ${mb(growth("heap"))} MiB after 10% (margin ${mb(HEAP_MARGIN)} MiB)`);
if (growth("rss") > RSS_MARGIN) problems.push(`rss grew by ${mb(growth("rss"))} MiB after 10% (margin ${mb(RSS_MARGIN)} MiB)`);
console.log(
  `\n${CALLS.toLocaleString("en-US")} calls (${validCalls.toLocaleString("en-US")} valid, ${invalidCalls.toLocaleString("en-US")} invalid) in ${seconds.toFixed(1)} s ` +
    `(${Math.round(CALLS / seconds).toLocaleString("en-US")} calls/s); wrong: ${failures.length}; ` +
    `growth after 10%: wasm ${mb(growth("wasm"))} MiB, heap ${mb(growth("heap"))} MiB, rss ${mb(growth("rss"))} MiB`,
);
if (problems.length > 0) {
  console.error(`soak FAILED: ${problems.join("; ")}`);
  process.exit(1);
}
console.log("soak OK");
