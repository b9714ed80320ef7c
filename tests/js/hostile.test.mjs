// Hostile input through the JS API of the built package (imported by name).
//
// Every hostile call must throw an `Error` with a string `code` from
// errorCodes() — never hang, never kill the module — or, where the input is
// legitimately acceptable (a 10 MB message to hash, a `__proto__` field name
// in typed data), return the right result, checked against values computed
// here with Node's crypto and @noble/hashes, never by the package. After each
// group the module is called with known vectors (tests/vectors/upstream.json,
// the EIP-712 specification's example, an Aurora step) and must still answer
// them exactly.
//
// Timing: every call is timed with performance.now() and printed in a table
// (t.diagnostic). The asserted bound is generous (BOUND_MS, 2 s; the project
// rule is no tight timing asserts); a call over it is run once more and the
// faster run counts, so that a loaded machine does not fail the file. The
// issue's 100 ms target is reported (the `>100ms` column), not asserted. The
// Node rss growth over the whole file is asserted to stay below 512 MB.
//
// The same holds in the child processes below (at most two at a time).
//
// Inputs that used to hang, exhaust memory or escape without a code (found
// while writing this file; all fixed, see SECURITY.md "Known issues") run in
// a child process with a hard time limit, so that a regression cannot take
// this process down.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { test } from "node:test";

import { keccak_256 } from "@noble/hashes/sha3.js";

import * as lib from "intent-signer";

import { assertCodedError, b58encode, b64, ed25519SignNode, hex, inspectShort, nep413HashNode, toHex, utf8, vectorFile } from "./helpers.mjs";

const CODES = lib.errorCodes();
const BOUND_MS = 2000; // asserted per call (generous)
const TARGET_MS = 100; // the issue's target: reported only
const RSS_BOUND = 512 * 1024 * 1024; // rss growth over the whole file
const DEPTH = 10_000; // nesting levels of the deep inputs
const MB10 = 10 * 1024 * 1024;

// ------------------------------------------------------------ known inputs

const byId = (file) => Object.fromEntries(vectorFile(file).cases.map((c) => [c.id, c]));
const UP = byId("upstream.json");
const ERC = UP["V-ERC191-1-v28"]; // message, MetaMask signature (v 28), secret key
const NEP1 = UP["V-NEP413-1"]; // NEP-413 payload, key, signature (valid)
const RAW = UP["V-RAW-2"]; // a valid raw_ed25519 MultiPayload
const NEPMP = UP["V-NEP413-4"]; // a valid nep413 MultiPayload
const IMPLICIT = UP["V-IMPLICIT-secp256k1"];
const ED = UP["V-ED25519-1"];
const MAIL = byId("generated/eip712.json")["eip712-001"]; // the EIP-712 specification's example
const P2 = byId("generated/permit2.json");
const P2_TRANSFER = P2["permit2-014"]; // Uniswap/permit2 TypehashGeneration.t.sol
const P2_WITNESS = P2["permit2-016"];
const P2_PARAMS = P2["permit2-079"];
const AUTH = byId("generated/eip7702.json")["eip7702-001"]; // viem hashAuthorization test
const FEE = byId("abi-aurora.json")["aurora-002"]; // transfer(address,uint256), a fee step
const SOL = byId("generated/raw_ed25519.json")["raw_ed25519-037"]; // a DefusePayload signed by a test key
const SOL_WALLET = SOL.expected.publicKey.slice("ed25519:".length); // the base58 key: a Solana wallet

const clone = structuredClone;
const hex0x = (b) => `0x${toHex(b)}`;
const keccak = (...parts) => keccak_256(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p)))));
const sha256 = (s) => new Uint8Array(createHash("sha256").update(s, "utf8").digest());
const authInput = () => ({ chainId: AUTH.input.chainId, address: AUTH.input.address, nonce: AUTH.input.nonce });
const execution = (extra = {}) => ({
  id: "exec-hostile-1",
  status: "CREATED",
  details: {
    signingStandard: "raw_ed25519",
    payload: {
      payload_json: SOL.input.payload,
      payload_bytes_base64: Buffer.from(SOL.input.payload, "utf8").toString("base64"),
      standard: "raw_ed25519",
    },
  },
  ...extra,
});
const PREPARE_OPTIONS = { wallet: SOL_WALLET, now: Date.parse("2030-01-01T00:00:00Z") };
/** A DefusePayload JSON text with the given intents (as JSON text). */
const defusePayload = (intentsJson) =>
  `{"signer_id":"alice.near","verifying_contract":"intents.near","deadline":"2035-11-03T14:49:44.589Z","nonce":"1TwpgYHWXK29O6zby1R6QPJOY/Nb/S9Bb+dJ8m+Dd2Q=","intents":[${intentsJson}]}`;

/** The module still answers known vectors exactly. */
function assertModuleWorks(what) {
  const m = `${what}: the module still works`;
  assert.equal(toHex(lib.erc191Hash(ERC.input.message)), ERC.expected.hash, m);
  assert.equal(lib.erc191Recover(ERC.input.message, hex(ERC.input.signature)).toLowerCase(), ERC.expected.signerId, m);
  const v = lib.verifyMultiPayload(clone(RAW.input.multiPayload));
  assert.equal(v.valid, true, m);
  assert.equal(v.intentHashBase58, RAW.expected.intentHash, m);
  assert.equal(lib.verifyMultiPayload(JSON.stringify(NEPMP.input.multiPayload)).intentHashBase58, NEPMP.expected.intentHash, m);
  assert.equal(toHex(lib.nep413Hash(clone(NEP1.input.payload))), NEP1.expected.hash, m);
  assert.equal(lib.nep413Verify(clone(NEP1.input.payload), NEP1.input.publicKey, NEP1.input.signature), true, m);
  assert.equal(lib.ed25519Verify(hex(ED.input.publicKeyHex), hex(ED.input.messageHex), hex(ED.input.signatureHex)), true, m);
  assert.equal(lib.implicitAccountId(IMPLICIT.input.publicKey), IMPLICIT.expected.accountId, m);
  assert.equal(hex0x(lib.eip712Hash(clone(MAIL.input.typedData))), MAIL.expected.digest, m);
  assert.equal(hex0x(lib.abiEncodeCall(FEE.input.functionSignature, clone(FEE.input.parameters))), FEE.expected.calldata, m);
}

// ------------------------------------------------------------ the harness

const rows = []; // { group, input, call, outcome, ms }
const rss0 = process.memoryUsage().rss;
let rssPeak = rss0;
const sampleRss = () => {
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
};
const protoNames0 = Object.getOwnPropertyNames(Object.prototype).sort();

function timed(f) {
  const t0 = performance.now();
  try {
    const value = f();
    return { ms: performance.now() - t0, threw: false, value };
  } catch (error) {
    return { ms: performance.now() - t0, threw: true, error };
  }
}

/**
 * One hostile call, as a subtest of `t`: `f` must throw a coded error whose
 * code is in `expect.code` (a code or a list; any code from errorCodes() when
 * absent), at `expect.path` and with `expect.message` in its message when
 * given, or, with `expect.ok`, return a value that `expect.ok` accepts.
 */
async function hostile(t, group, input, call, f, expect = {}) {
  await t.test(`${call} ← ${input}`, () => {
    let r = timed(f);
    sampleRss();
    if (r.ms > BOUND_MS) {
      const again = timed(f); // a loaded machine: the faster run counts
      sampleRss();
      if (again.ms < r.ms) r = again;
    }
    const what = `${call} ← ${input}`;
    let outcome;
    if (expect.ok) {
      if (r.threw) assert.fail(`${what}: threw ${r.error?.code ?? ""} ${r.error?.message ?? r.error}`);
      expect.ok(r.value);
      outcome = expect.outcome?.(r.value) ?? "ok";
    } else {
      if (!r.threw) assert.fail(`${what}: expected a coded error, returned ${inspectShort(r.value)}`);
      assertCodedError(r.error, what, CODES);
      if (expect.code !== undefined) {
        const codes = [].concat(expect.code);
        assert.ok(codes.includes(r.error.code), `${what}: code ${r.error.code}, expected ${codes.join(" or ")} (${r.error.message.slice(0, 200)})`);
      }
      if (expect.path !== undefined) assert.equal(r.error.path, expect.path, `${what}: path`);
      if (expect.message !== undefined) assert.ok(r.error.message.includes(expect.message), `${what}: message ${JSON.stringify(r.error.message)} lacks ${JSON.stringify(expect.message)}`);
      outcome = r.error.code;
    }
    rows.push({ group, input, call, outcome, ms: r.ms, rss: process.memoryUsage().rss });
    assert.ok(r.ms <= BOUND_MS, `${what}: ${r.ms.toFixed(0)} ms, over the ${BOUND_MS} ms bound`);
  });
}

// ------------------------------------------------------------ builders

const nestedArrayText = (n) => "[".repeat(n) + "]".repeat(n);
const nestedObjectText = (n) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
function nestedArray(n) {
  let v = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
}
function nestedObject(n) {
  let v = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}
const DOMAIN_TYPE = [{ name: "name", type: "string" }];
const typed = (types, primaryType, message) => ({ types: { EIP712Domain: DOMAIN_TYPE, ...types }, primaryType, domain: { name: "x" }, message });
/** EIP-712 digest of `typed(types, primary, message)` for a struct of uint fields, written out. */
function eip712Digest(encodeType, words) {
  const ds = keccak(keccak("EIP712Domain(string name)"), keccak("x"));
  const hs = keccak(keccak(encodeType), ...words);
  return toHex(keccak(Uint8Array.of(0x19, 0x01), ds, hs));
}
const uint256Word = (n) => hex(BigInt(n).toString(16).padStart(64, "0"));

// ------------------------------------------------------------ deep nesting

test(`deeply nested JSON (${DEPTH} levels): INVALID_JSON, as text and as objects`, async (t) => {
  const G = "nesting";
  const arrText = nestedArrayText(DEPTH);
  const objText = nestedObjectText(DEPTH);
  const arr = nestedArray(DEPTH);
  const obj = nestedObject(DEPTH);
  const J = { code: "INVALID_JSON" };
  // JSON text
  await hostile(t, G, `JSON text: ${DEPTH} nested arrays`, "verifyMultiPayload", () => lib.verifyMultiPayload(arrText), J);
  await hostile(t, G, `JSON text: ${DEPTH} nested objects`, "verifyMultiPayload", () => lib.verifyMultiPayload(objText), J);
  await hostile(t, G, `JSON text: raw_ed25519 payload string of ${DEPTH} nested arrays`, "verifyMultiPayload", () =>
    lib.verifyMultiPayload(JSON.stringify({ ...RAW.input.multiPayload, payload: arrText })), J);
  await hostile(t, G, `JSON text: intents [${DEPTH} nested arrays]`, "decodeIntentMessage", () => lib.decodeIntentMessage(defusePayload(arrText)), J);
  await hostile(t, G, `JSON text: an intent with ${DEPTH} nested objects`, "decodeIntentMessage", () =>
    lib.decodeIntentMessage(defusePayload(`{"intent":"custom","data":${objText}}`)), J);
  await hostile(t, G, `JSON text: nep413 message with intents [${DEPTH} nested arrays]`, "decodeIntentMessage", () =>
    lib.decodeIntentMessage({ ...NEP1.input.payload, message: defusePayload(arrText) }), J);
  await hostile(t, G, `JSON text: ${DEPTH} nested objects`, "eip712Hash", () => lib.eip712Hash(objText), J);
  await hostile(t, G, `JSON text: typed data, message.contents ${DEPTH} deep`, "eip712Hash", () =>
    lib.eip712Hash(JSON.stringify(MAIL.input.typedData).replace('"contents":"Hello, Bob!"', `"contents":${arrText}`)), J);
  // JS objects
  await hostile(t, G, `object: ${DEPTH} nested arrays`, "verifyMultiPayload", () => lib.verifyMultiPayload(arr), J);
  await hostile(t, G, `object: ${DEPTH} nested objects`, "verifyMultiPayload", () => lib.verifyMultiPayload(obj), J);
  await hostile(t, G, `object: nep413 payload.message ${DEPTH} deep`, "verifyMultiPayload", () =>
    lib.verifyMultiPayload({ ...NEPMP.input.multiPayload, payload: { ...NEPMP.input.multiPayload.payload, message: obj } }), J);
  await hostile(t, G, "object: a cyclic object (o.self = o)", "verifyMultiPayload", () => {
    const o = { ...RAW.input.multiPayload };
    o.self = o;
    return lib.verifyMultiPayload(o);
  }, J);
  await hostile(t, G, `object: parameters [${DEPTH} nested arrays]`, "abiEncodeCall", () => lib.abiEncodeCall("f(uint256[])", [arr]), J);
  await hostile(t, G, `object: parameters, an array containing itself`, "abiEncodeCall", () => {
    const a = [];
    a.push(a);
    return lib.abiEncodeCall("f(uint256[])", a);
  }, J);
  await hostile(t, G, `object: options.placeholders ${DEPTH} deep`, "abiEncodeCall", () =>
    lib.abiEncodeCall(FEE.input.functionSignature, clone(FEE.input.parameters), { placeholders: obj }), J);
  await hostile(t, G, `object: step.parameters ${DEPTH} deep`, "reviewStep", () => lib.reviewStep({ ...FEE.input, parameters: [arr] }), J);
  await hostile(t, G, `object: ${DEPTH} nested objects`, "eip712Hash", () => lib.eip712Hash(obj), J);
  await hostile(t, G, `object: typed data, message.contents ${DEPTH} deep`, "eip712Hash", () =>
    lib.eip712Hash({ ...MAIL.input.typedData, message: { ...MAIL.input.typedData.message, contents: arr } }), J);
  await hostile(t, G, `object: hashStruct value ${DEPTH} deep`, "eip712HashStruct", () => lib.eip712HashStruct(clone(MAIL.input.typedData), "Mail", obj), J);
  await hostile(t, G, `object: witness.value ${DEPTH} deep`, "permit2WitnessTransfer", () =>
    lib.permit2WitnessTransfer({ ...P2_WITNESS.input.args, witness: { ...P2_WITNESS.input.args.witness, value: obj } }), J);
  await hostile(t, G, `object: ${DEPTH} nested objects`, "prepareSigning", () => lib.prepareSigning(obj, PREPARE_OPTIONS), J);
  await hostile(t, G, `object: execution.details ${DEPTH} deep`, "prepareSigning", () => lib.prepareSigning(execution({ details: obj }), PREPARE_OPTIONS), J);
  await hostile(t, G, `object: options.knownContracts ${DEPTH} deep`, "prepareSigning", () =>
    lib.prepareSigning(execution(), { ...PREPARE_OPTIONS, knownContracts: arr }), J);
  await hostile(t, G, `object: body.quote ${DEPTH} deep`, "validateExecutionRequest", () =>
    lib.validateExecutionRequest({ dry: true, quote: obj }, { kind: "quote" }), J);
  assertModuleWorks("after deep nesting");
});

// ------------------------------------------------------------ big payloads

test("10 MB payloads: the right result or a coded error", async (t) => {
  const G = "10 MB";
  const junk = "a".repeat(MB10);
  const junkBytes = new Uint8Array(MB10).fill(0x61);
  const expectedHash = toHex(keccak(`\x19Ethereum Signed Message:\n${MB10}`, junkBytes));
  await hostile(t, G, "a 10 MB string", "erc191Hash", () => lib.erc191Hash(junk), {
    ok: (r) => assert.equal(toHex(r), expectedHash, "keccak256 of the ERC-191 preimage (@noble/hashes)"),
  });
  await hostile(t, G, "a 10 MB Uint8Array", "erc191Hash", () => lib.erc191Hash(junkBytes), {
    ok: (r) => assert.equal(toHex(r), expectedHash, "keccak256 of the ERC-191 preimage (@noble/hashes)"),
  });
  // A 10 MB DefusePayload: one ft_withdraw with a 10 MB memo.
  const memo = defusePayload(`{"intent":"ft_withdraw","token":"usdc.near","receiver_id":"bob.near","amount":"1","memo":"${"m".repeat(MB10)}"}`);
  const memoHash = toHex(sha256(memo)); // raw_ed25519 intent hash: sha256 of the payload bytes
  const checkMemo = (r) => {
    assert.equal(r.valid, false, "the signature is over another payload");
    assert.equal(r.signerId, "alice.near");
    assert.equal(toHex(r.intentHash), memoHash, "intent hash = sha256(payload) (Node's crypto)");
  };
  await hostile(t, G, "raw_ed25519 payload: 10 MB of 'a'", "verifyMultiPayload", () =>
    lib.verifyMultiPayload({ ...RAW.input.multiPayload, payload: junk }), { code: "INVALID_JSON" });
  await hostile(t, G, "raw_ed25519 payload: a 10 MB DefusePayload (memo)", "verifyMultiPayload", () =>
    lib.verifyMultiPayload({ ...RAW.input.multiPayload, payload: memo }), { ok: checkMemo, outcome: (r) => `ok (valid: ${r.valid})` });
  await hostile(t, G, "JSON text (10 MB) of that MultiPayload", "verifyMultiPayload", () =>
    lib.verifyMultiPayload(JSON.stringify({ ...RAW.input.multiPayload, payload: memo })), { ok: checkMemo, outcome: (r) => `ok (valid: ${r.valid})` });
  await hostile(t, G, "10 MB of 'a'", "decodeIntentMessage", () => lib.decodeIntentMessage(junk), { code: "INVALID_JSON" });
  await hostile(t, G, "a 10 MB DefusePayload (memo)", "decodeIntentMessage", () => lib.decodeIntentMessage(memo), {
    ok: (r) => {
      assert.equal(r.intents.length, 1);
      assert.equal(r.intents[0].memo.length, MB10);
    },
  });
  await hostile(t, G, "a 10 MB nep413 message", "nep413Hash", () => lib.nep413Hash({ ...NEP1.input.payload, message: junk }), {
    ok: (r) => assert.equal(toHex(r), toHex(nep413HashNode({ ...NEP1.input.payload, message: junk, nonce: b64(NEP1.input.payload.nonce) })), "NEP-413 hash written out (helpers.mjs)"),
  });
  assertModuleWorks("after 10 MB payloads");
});

// ------------------------------------------------------------ function signatures

test("huge function signatures: INVALID_FUNCTION_SIGNATURE", async (t) => {
  const G = "signature";
  const S = { code: "INVALID_FUNCTION_SIGNATURE" };
  const sig1mb = `f(${"uint256,".repeat(131_071)}uint256)`; // 1 MiB
  assert.ok(sig1mb.length >= 1 << 20);
  await hostile(t, G, "a 1 MB signature", "abiEncodeCall", () => lib.abiEncodeCall(sig1mb, []), S);
  await hostile(t, G, "a 1 MB signature", "functionSelector", () => lib.functionSelector(sig1mb), S);
  await hostile(t, G, "a 1 MB signature", "abiDecodeCall", () => lib.abiDecodeCall(sig1mb, new Uint8Array(4)), S);
  await hostile(t, G, "a 1 MB signature", "validateStep", () => lib.validateStep({ ...FEE.input, functionSignature: sig1mb }), S);
  await hostile(t, G, "a 1 MB signature", "reviewStep", () => lib.reviewStep({ ...FEE.input, functionSignature: sig1mb }), S);
  await hostile(t, G, "uint256[1000000]", "abiEncodeCall", () => lib.abiEncodeCall("f(uint256[1000000])", [[]]), S);
  await hostile(t, G, "uint256[1000000]", "functionSelector", () => lib.functionSelector("f(uint256[1000000])"), S);
  await hostile(t, G, "uint256[1000000]", "abiDecodeCall", () => lib.abiDecodeCall("f(uint256[1000000])", new Uint8Array(4 + 32)), S);
  await hostile(t, G, "uint256[4294967296]", "functionSelector", () => lib.functionSelector("f(uint256[4294967296])"), S);
  await hostile(t, G, "uint256 with 2000 [] levels", "functionSelector", () => lib.functionSelector(`f(uint256${"[]".repeat(2000)})`), S);
  await hostile(t, G, "2000 nested tuples", "functionSelector", () => lib.functionSelector(`f(${"(".repeat(2000)}uint256${")".repeat(2000)})`), S);
  assertModuleWorks("after huge signatures");
});

// ------------------------------------------------------------ typed data

test("typed data: 10,000 types, cycles, self-reference", async (t) => {
  const G = "typed data";
  const types10k = {};
  for (let i = 0; i < 10_000; i++) types10k[`T${i}`] = [{ name: "x", type: i < 9_999 ? `T${i + 1}` : "uint256" }];
  // The same error from the JS object (refused before its types are read) and from the text.
  const length = (path, actual) => ({ code: "INVALID_LENGTH", path, message: `expected length 256, got ${actual}` });
  await hostile(t, G, "10,000 struct types (object)", "eip712Hash", () => lib.eip712Hash(typed(types10k, "T0", {})), length("types", 10_001));
  await hostile(t, G, "10,000 struct types (JSON text)", "eip712Hash", () => lib.eip712Hash(JSON.stringify(typed(types10k, "T0", {}))), length("types", 10_001));
  await hostile(t, G, "10,000 struct types in witness.types", "permit2WitnessTransfer", () =>
    lib.permit2WitnessTransfer({ ...P2_WITNESS.input.args, witness: { typeName: "T0", types: types10k, value: {} } }), length("types", 10_003));
  await hostile(t, G, "10,000 struct types", "reviewPermit2", () => lib.reviewPermit2(typed(types10k, "T0", {})), length("types", 10_001));
  const fields10k = { A: Array.from({ length: 10_000 }, (_, i) => ({ name: `f${i}`, type: "uint8" })) };
  await hostile(t, G, "a struct of 10,000 fields (object)", "eip712Hash", () => lib.eip712Hash(typed(fields10k, "A", {})), length("types.A", 10_000));
  await hostile(t, G, "a struct of 10,000 fields (JSON text)", "eip712Hash", () => lib.eip712Hash(JSON.stringify(typed(fields10k, "A", {}))), length("types.A", 10_000));
  await hostile(t, G, "a witness struct of 10,000 fields", "permit2WitnessTransfer", () =>
    lib.permit2WitnessTransfer({ ...P2_WITNESS.input.args, witness: { typeName: "A", types: fields10k, value: {} } }), length("args.witness.types.A", 10_000));
  const C = { code: "CYCLIC_TYPES" };
  const cycle = { A: [{ name: "b", type: "B" }], B: [{ name: "a", type: "A" }] };
  await hostile(t, G, "cycle A → B → A (object)", "eip712Hash", () => lib.eip712Hash(typed(cycle, "A", { b: { a: {} } })), C);
  await hostile(t, G, "cycle A → B → A (JSON text)", "eip712Hash", () => lib.eip712Hash(JSON.stringify(typed(cycle, "A", { b: { a: {} } }))), C);
  await hostile(t, G, "cycle A → B → A", "eip712EncodeType", () => lib.eip712EncodeType(typed(cycle, "A", {}), "A"), C);
  await hostile(t, G, "cycle A → B → A", "eip712DomainSeparator", () => lib.eip712DomainSeparator(typed(cycle, "A", {})), C);
  await hostile(t, G, "cycle A → B[] → A", "eip712Hash", () =>
    lib.eip712Hash(typed({ A: [{ name: "b", type: "B[]" }], B: [{ name: "a", type: "A[2]" }] }, "A", { b: [] })), C);
  const self = { A: [{ name: "a", type: "A" }] };
  await hostile(t, G, "self-reference A → A", "eip712Hash", () => lib.eip712Hash(typed(self, "A", { a: {} })), C);
  await hostile(t, G, "self-reference A → A[]", "eip712Hash", () => lib.eip712Hash(typed({ A: [{ name: "a", type: "A[]" }] }, "A", { a: [] })), C);
  await hostile(t, G, "self-reference A → A (signing)", "eip712Sign", () => lib.eip712Sign(typed(self, "A", { a: {} }), hex(ERC.input.secretKey)), C);
  await hostile(t, G, "self-reference A → A", "eip712Recover", () => lib.eip712Recover(typed(self, "A", { a: {} }), hex(ERC.input.signature)), C);
  await hostile(t, G, "self-reference in EIP712Domain", "eip712Hash", () =>
    lib.eip712Hash({ ...typed({}, "EIP712Domain", undefined), types: { EIP712Domain: [{ name: "name", type: "string" }, { name: "d", type: "EIP712Domain" }] } }), C);
  await hostile(t, G, "a witness type referencing itself", "permit2WitnessTransfer", () =>
    lib.permit2WitnessTransfer({ ...P2_WITNESS.input.args, witness: { typeName: "W", types: { W: [{ name: "w", type: "W" }] }, value: { w: {} } } }), C);
  await hostile(t, G, "paramsToSign whose Witness references itself", "permit2FromParamsToSign", () => {
    const p = clone(P2_PARAMS.input.paramsToSign);
    p.additional_data.types.Witness.push({ name: "again", type: "Witness" });
    return lib.permit2FromParamsToSign(p, clone(P2_PARAMS.input.args));
  }, C);
  await hostile(t, G, "an undeclared struct type", "eip712Hash", () => lib.eip712Hash(typed({ A: [{ name: "b", type: "Nope" }] }, "A", { b: {} })), { code: "MISSING_TYPE" });
  await hostile(t, G, "uint8[1000000] with 0 entries", "eip712Hash", () => lib.eip712Hash(typed({ A: [{ name: "a", type: "uint8[1000000]" }] }, "A", { a: [] })), { code: "INVALID_LENGTH" });
  assertModuleWorks("after hostile typed data");
});

// ------------------------------------------------------------ lone surrogates

const LONE = "\uD800";
/** Every string position of a value: string leaves and object keys (not array indices). */
function* stringPositions(v, path = []) {
  if (typeof v === "string") yield { path, kind: "value" };
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* stringPositions(v[i], [...path, i]);
  else if (v !== null && typeof v === "object" && !(v instanceof Uint8Array)) {
    for (const k of Object.keys(v)) {
      yield { path: [...path, k], kind: "key" };
      yield* stringPositions(v[k], [...path, k]);
    }
  }
}
/** `v` with a lone surrogate in the string (value or key) at `position`. */
function withLoneSurrogate(v, { path, kind }) {
  if (path.length === 0) return `${v.slice(0, 1)}${LONE}${v.slice(1)}`;
  const c = clone(v);
  let parent = c;
  for (const k of path.slice(0, -1)) parent = parent[k];
  const last = path.at(-1);
  if (kind === "value") parent[last] = `${parent[last].slice(0, 1)}${LONE}${parent[last].slice(1)}`;
  else {
    // Same key order, the key renamed.
    const entries = Object.entries(parent);
    for (const [k] of entries) delete parent[k];
    for (const [k, val] of entries) parent[k === last ? `${k}${LONE}` : k] = val;
  }
  return c;
}

test("lone surrogates in every string position: INVALID_STRING", async (t) => {
  const G = "lone surrogate";
  const signed = lib.prepareSigning(execution(), PREPARE_OPTIONS);
  const request = { standard: signed.standard, wallet: signed.wallet, executionId: signed.executionId, payloadJson: signed.payloadJson };
  const deleteRequest = lib.deleteExecutionRequest("exec-hostile-1", SOL_WALLET);
  const fixedDelete = { standard: deleteRequest.standard, wallet: deleteRequest.wallet, executionId: deleteRequest.executionId, payloadJson: deleteRequest.payloadJson };
  // The wallet's answer, signed with Node's crypto (helpers.mjs).
  const deleteOutput = { publicKey: SOL.expected.publicKey, signature: `ed25519:${b58encode(ed25519SignNode(hex(SOL.input.seed), utf8(deleteRequest.message)))}` };
  // [export, valid arguments]: every string leaf and key of every argument is tried.
  const calls = [
    ["hexToBytes", [`0x${ERC.expected.hash}`]],
    ["implicitAccountId", [IMPLICIT.input.publicKey]],
    ["erc191Hash", [ERC.input.message]],
    ["erc191Recover", [ERC.input.message, hex(ERC.input.signature)]],
    ["tip191Hash", [ERC.input.message]],
    ["sep53Hash", [ERC.input.message]],
    ["nep413Hash", [NEP1.input.payload]],
    ["nep413Verify", [NEP1.input.payload, NEP1.input.publicKey, NEP1.input.signature]],
    ["verifyMultiPayload", [RAW.input.multiPayload]],
    ["verifyMultiPayload", [NEPMP.input.multiPayload]],
    ["verifyMultiPayload", [JSON.stringify(RAW.input.multiPayload)]],
    ["decodeIntent", [RAW.input.multiPayload, { verifyingContract: "intents.near", publicKey: RAW.input.multiPayload.public_key }]],
    ["decodeIntentMessage", [RAW.input.multiPayload.payload, { verifyingContract: "intents.near" }]],
    ["decodeIntentMessage", [NEPMP.input.multiPayload.payload]],
    ["abiEncodeCall", [FEE.input.functionSignature, FEE.input.parameters, { placeholders: { MIN_AMOUNT_OUT: "1" } }]],
    ["abiDecodeCall", [FEE.input.functionSignature, hex(FEE.expected.calldata.slice(2))]],
    ["functionSelector", [FEE.input.functionSignature]],
    ["validateStep", [FEE.input]],
    ["validateSteps", [[FEE.input]]],
    ["stepPlaceholders", [FEE.input]],
    ["reviewStep", [FEE.input, { intermediary: FEE.input.to, knownContracts: [FEE.input.to], placeholders: { AMOUNT_IN: "1" } }]],
    ["reviewSteps", [[FEE.input], { placeholders: { AMOUNT_IN: "1" } }]],
    ["eip712Hash", [MAIL.input.typedData]],
    ["eip712Hash", [JSON.stringify(MAIL.input.typedData)]],
    ["eip712HashStruct", [MAIL.input.typedData, "Person", MAIL.input.typedData.message.from]],
    ["eip712EncodeType", [MAIL.input.typedData, "Mail"]],
    ["permit2Transfer", [P2_TRANSFER.input.args]],
    ["permit2WitnessTransfer", [P2_WITNESS.input.args]],
    ["permit2FromParamsToSign", [P2_PARAMS.input.paramsToSign, P2_PARAMS.input.args]],
    ["reviewPermit2", [P2_TRANSFER.expected.typedData, { knownSpenders: [P2_TRANSFER.input.args.spender] }]],
    ["eip7702AuthorizationHash", [authInput()]],
    ["reviewEip7702Authorization", [authInput()]],
    ["prepareSigning", [execution(), { wallet: SOL_WALLET, verifyingContract: "intents.near", knownContracts: [FEE.input.to] }]],
    // The request and the wallet output are read field by field (other keys ignored): their values only.
    ["finishSigning", [request, { publicKey: SOL.expected.publicKey, signature: SOL.expected.signature }], { valuesOnly: true }],
    ["deleteExecutionRequest", ["exec-hostile-1", SOL_WALLET]],
    ["finishDeleteSigning", [fixedDelete, deleteOutput], { valuesOnly: true }],
    ["validateExecutionRequest", [{ dry: true, quote: { amount: "1", originAsset: "nep141:wrap.near", destinationAsset: "nep141:usdc.near", swapType: "EXACT_INPUT", slippageTolerance: 100, deadline: "2035-01-01T00:00:00Z" } }, { kind: "quote" }]],
  ];
  for (const [name, args, { valuesOnly = false } = {}] of calls) {
    const positions = [];
    args.forEach((arg, i) => {
      for (const p of stringPositions(arg)) if (!valuesOnly || p.kind === "value") positions.push({ i, ...p });
    });
    assert.ok(positions.length > 0, `${name}: has string positions`);
    const base = timed(() => lib[name](...args.map((a) => clone(a))));
    assert.ok(!base.threw, `${name}: the unmodified arguments are valid (${base.error?.code} ${base.error?.message})`);
    const label = `${positions.length} string position(s) of ${typeof args[0] === "string" && args[0].startsWith("{") ? "JSON text" : "valid arguments"}`;
    await t.test(`${name} ← lone surrogate in each of ${label}`, () => {
      let worst = 0;
      for (const p of positions) {
        const a = args.map((arg, j) => (j === p.i ? withLoneSurrogate(arg, p) : clone(arg)));
        const where = `${name} argument ${p.i} ${p.kind} ${p.path.join(".") || "(whole)"}`;
        const r = timed(() => lib[name](...a));
        worst = Math.max(worst, r.ms);
        if (!r.threw) assert.fail(`${where}: a lone surrogate was accepted: ${inspectShort(r.value)}`);
        assertCodedError(r.error, where, CODES, "INVALID_STRING");
        assert.ok(r.ms <= BOUND_MS, `${where}: ${r.ms.toFixed(0)} ms`);
      }
      rows.push({ group: G, input: `lone surrogate × ${label}`, call: name, outcome: `INVALID_STRING ×${positions.length}`, ms: worst, rss: process.memoryUsage().rss });
    });
  }
  // An honest U+FFFD (what the fast string reading turns a lone surrogate
  // into) is kept; a lone surrogate beside one is still refused.
  const erc191Digest = (m) => toHex(keccak(`\x19Ethereum Signed Message:\n${Buffer.byteLength(m, "utf8")}`, m));
  for (const [label, m] of [
    ["U+FFFD", "a\uFFFDb"],
    ["U+FFFD only", "\uFFFD"],
    ["a surrogate pair (U+1F600)", "a\uD83D\uDE00b"],
    ["U+FFFD and a surrogate pair", "\uFFFD\uD83D\uDE00"],
  ]) {
    await hostile(t, G, `a message with ${label}`, "erc191Hash", () => lib.erc191Hash(m), {
      ok: (r) => assert.equal(toHex(r), erc191Digest(m), "keccak256 of the UTF-8 preimage (@noble/hashes)"),
    });
  }
  for (const [label, m] of [
    ["U+FFFD then a lone high surrogate", "\uFFFD\uD800"],
    ["a lone low surrogate then U+FFFD", "\uDC00\uFFFD"],
    ["a reversed pair", "\uDE00\uD83D"],
  ]) {
    await hostile(t, G, `a message with ${label}`, "erc191Hash", () => lib.erc191Hash(m), { code: "INVALID_STRING", path: "message" });
  }
  await hostile(t, G, "a struct field and message key named a\uFFFD", "eip712Hash", () =>
    lib.eip712Hash(typed({ A: [{ name: "a\uFFFD", type: "uint256" }] }, "A", { "a\uFFFD": 1 })), {
    ok: (r) => assert.equal(toHex(r), eip712Digest("A(uint256 a\uFFFD)", [uint256Word(1)]), "digest written out with @noble/hashes"),
  });
  const big = "a".repeat(MB10);
  await hostile(t, G, "a 10 MB string ending in U+FFFD", "erc191Hash", () => lib.erc191Hash(`${big}\uFFFD`), {
    ok: (r) => assert.equal(toHex(r), erc191Digest(`${big}\uFFFD`), "keccak256 of the UTF-8 preimage (@noble/hashes)"),
  });
  await hostile(t, G, "a 10 MB string ending in a lone surrogate", "erc191Hash", () => lib.erc191Hash(`${big}\uD800`), { code: "INVALID_STRING", path: "message" });
  // A lone surrogate escaped inside JSON text is not valid Unicode either.
  await hostile(t, G, 'JSON text: "\\ud800" escape in the payload', "verifyMultiPayload", () =>
    lib.verifyMultiPayload({ ...RAW.input.multiPayload, payload: RAW.input.multiPayload.payload.replace("intents.near", "intents\\ud800.near") }), { code: "INVALID_JSON" });
  await hostile(t, G, 'JSON text: "\\udc00" escape in a message field', "eip712Hash", () =>
    lib.eip712Hash(JSON.stringify(MAIL.input.typedData).replace("Hello, Bob!", "Hello\\udc00")), { code: "INVALID_JSON" });
  await hostile(t, G, 'JSON text: "\\ud800" escape as an object key', "decodeIntentMessage", () =>
    lib.decodeIntentMessage(defusePayload('{"intent":"x","\\ud800":1}')), { code: "INVALID_JSON" });
  assertModuleWorks("after lone surrogates");
});

// ------------------------------------------------------------ __proto__ & co.

test("__proto__, constructor and prototype keys: refused where objects are strict, inert elsewhere", async (t) => {
  const G = "proto keys";
  /** A fresh object with an own data property `key` (JSON.parse makes own __proto__ keys). */
  const own = (key, value) => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`);
  for (const key of ["__proto__", "constructor", "prototype"]) {
    const U = { code: "UNKNOWN_FIELD" };
    await hostile(t, G, `options.${key}`, "decodeIntent", () => lib.decodeIntent(clone(RAW.input.multiPayload), own(key, { now: 1 })), U);
    await hostile(t, G, `options.${key}`, "prepareSigning", () => lib.prepareSigning(execution(), { ...PREPARE_OPTIONS, ...own(key, { wallet: "alice.near" }) }), U);
    await hostile(t, G, `options.${key}`, "abiEncodeCall", () => lib.abiEncodeCall(FEE.input.functionSignature, clone(FEE.input.parameters), own(key, {})), U);
    await hostile(t, G, `nep413 payload.${key}`, "nep413Hash", () => lib.nep413Hash({ ...NEP1.input.payload, ...own(key, "x") }), U);
    await hostile(t, G, `typed data message.${key}`, "eip712Hash", () =>
      lib.eip712Hash({ ...MAIL.input.typedData, message: { ...MAIL.input.typedData.message, ...own(key, "x") } }), U);
    await hostile(t, G, `typed data domain.${key}`, "eip712Hash", () =>
      lib.eip712Hash({ ...MAIL.input.typedData, domain: { ...MAIL.input.typedData.domain, ...own(key, "x") } }), U);
    await hostile(t, G, `typed data top-level ${key}`, "eip712Hash", () => lib.eip712Hash({ ...MAIL.input.typedData, ...own(key, {}) }), U);
    await hostile(t, G, `typed data JSON text message.${key}`, "eip712Hash", () =>
      lib.eip712Hash(JSON.stringify(MAIL.input.typedData).replace('"contents":', `"${key}":{"polluted":1},"contents":`)), U);
    await hostile(t, G, `witness.value.${key}`, "permit2WitnessTransfer", () =>
      lib.permit2WitnessTransfer({ ...P2_WITNESS.input.args, witness: { ...P2_WITNESS.input.args.witness, value: { ...P2_WITNESS.input.args.witness.value, ...own(key, "1") } } }), U);
    await hostile(t, G, `permit2 args.${key}`, "permit2Transfer", () => lib.permit2Transfer({ ...P2_TRANSFER.input.args, ...own(key, 1) }), U);
    await hostile(t, G, `authorization.${key}`, "eip7702AuthorizationHash", () => lib.eip7702AuthorizationHash({ ...authInput(), ...own(key, 1) }), U);
    await hostile(t, G, `step.${key}`, "validateStep", () => lib.validateStep({ ...FEE.input, ...own(key, 1) }), U);
    await hostile(t, G, `request body.${key}`, "validateExecutionRequest", () => lib.validateExecutionRequest({ dry: true, ...own(key, 1) }, { kind: "quote" }), U);
    // Lenient objects (MultiPayload, like the verifier, ignores unknown fields): still valid, nothing polluted.
    const stillValid = (r) => {
      assert.equal(r.valid, true);
      assert.equal(r.intentHashBase58, RAW.expected.intentHash);
    };
    await hostile(t, G, `MultiPayload object with ${key}`, "verifyMultiPayload", () =>
      lib.verifyMultiPayload({ ...RAW.input.multiPayload, ...own(key, { polluted: 1 }) }), { ok: stillValid });
    await hostile(t, G, `MultiPayload JSON text with ${key}`, "verifyMultiPayload", () =>
      lib.verifyMultiPayload(JSON.stringify(RAW.input.multiPayload).replace("{", `{"${key}":{"polluted":1},`)), { ok: stillValid });
    await hostile(t, G, `DefusePayload with ${key}`, "decodeIntentMessage", () =>
      lib.decodeIntentMessage(`{"${key}":{"polluted":1},${defusePayload("").slice(1)}`), { ok: (r) => assert.equal(r.signerId, "alice.near") });
    // An unknown intent keeps its raw JSON: the key stays an own data property of a plain object.
    await hostile(t, G, `unknown intent with a ${key} key`, "decodeIntentMessage", () =>
      lib.decodeIntentMessage(defusePayload(`{"intent":"custom","${key}":{"polluted":1}}`)), {
      ok: (r) => {
        const raw = r.intents[0].raw;
        assert.equal(Object.getPrototypeOf(raw), Object.prototype, "raw keeps Object.prototype");
        assert.ok(Object.hasOwn(raw, key), `raw has an own ${key}`);
        assert.deepEqual(Object.getOwnPropertyDescriptor(raw, key).value, { polluted: 1 });
      },
    });
    // As names: a field and a struct type called `key` are legal EIP-712, hashed as written.
    await hostile(t, G, `a struct field named ${key}`, "eip712Hash", () =>
      lib.eip712Hash(typed({ A: [{ name: key, type: "uint256" }] }, "A", own(key, "1"))), {
      ok: (r) => assert.equal(toHex(r), eip712Digest(`A(uint256 ${key})`, [uint256Word(1)]), "digest written out with @noble/hashes"),
    });
    await hostile(t, G, `a struct type named ${key}`, "eip712Hash", () =>
      lib.eip712Hash(typed(own(key, [{ name: "a", type: "uint8" }]), key, { a: 1 })), {
      ok: (r) => assert.equal(toHex(r), eip712Digest(`${key}(uint8 a)`, [uint256Word(1)]), "digest written out with @noble/hashes"),
    });
    await hostile(t, G, `a witness type named ${key}`, "permit2WitnessTransfer", () =>
      lib.permit2WitnessTransfer({ ...P2_WITNESS.input.args, witness: { typeName: key, types: own(key, [{ name: "a", type: "uint8" }]), value: { a: 1 } } }), {
      ok: (r) => {
        // Referenced types sorted by name: "TokenPermissions" < "__proto__" < "constructor".
        const defs = [`${key}(uint8 a)`, "TokenPermissions(address token,uint256 amount)"].sort();
        assert.equal(r.witnessTypeString, `${key} witness)${defs.join("")}`);
        const types = r.typedData.types;
        assert.equal(Object.getPrototypeOf(types), Object.prototype);
        assert.ok(Object.hasOwn(types, key), `typedData.types has an own ${key}`);
      },
    });
    await hostile(t, G, `a placeholder value keyed ${key}`, "abiEncodeCall", () =>
      lib.abiEncodeCall("f(uint256)", ["{AMOUNT_IN}"], { placeholders: { ...own(key, "7"), AMOUNT_IN: "5" } }), {
      ok: (r) => assert.equal(toHex(r).slice(8), toHex(uint256Word(5))),
    });
  }
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), protoNames0, "Object.prototype unchanged");
  assert.equal({}.polluted, undefined, "nothing polluted");
  assertModuleWorks("after __proto__ keys");
});

// ------------------------------------------------------------ big arrays

test("1,000,000 parameters and 100,000 steps: refused before the list is read", async (t) => {
  const G = "big lists";
  // Each list is refused from its length, before any entry is read, with the
  // error the core gives for it (same code and path).
  const params1m = new Array(1_000_000).fill("1");
  const arity = (path) => ({ code: "ABI_ARITY_MISMATCH", path });
  await hostile(t, G, "1,000,000 parameters", "abiEncodeCall", () => lib.abiEncodeCall(FEE.input.functionSignature, params1m), arity("parameters"));
  await hostile(t, G, "1,000,000 bigint parameters", "abiEncodeCall", () => lib.abiEncodeCall("f(uint256)", new Array(1_000_000).fill(1n)), arity("parameters"));
  await hostile(t, G, "uint256[3] given 1,000,000 entries", "abiEncodeCall", () => lib.abiEncodeCall("f(bool,uint256[3])", [true, params1m]), arity("parameters[1]"));
  await hostile(t, G, "a tuple (uint256,bool) given 1,000,000 entries", "abiEncodeCall", () => lib.abiEncodeCall("f((uint256,bool)[])", [[["1", true], params1m]]), arity("parameters[0][1]"));
  await hostile(t, G, "a step with 1,000,000 parameters", "validateStep", () => lib.validateStep({ ...FEE.input, parameters: params1m }), arity("parameters"));
  await hostile(t, G, "a step with 1,000,000 parameters (parameters before functionSignature)", "reviewStep", () =>
    lib.reviewStep({ parameters: params1m, to: FEE.input.to, value: "0", functionSignature: FEE.input.functionSignature }), arity("parameters"));
  await hostile(t, G, "step 3 of 4 with 1,000,000 parameters", "validateSteps", () =>
    lib.validateSteps([FEE.input, FEE.input, { ...FEE.input, parameters: params1m }, FEE.input]), arity("steps[2].parameters"));
  await hostile(t, G, "a step with a bad signature and 1,000,000 parameters", "validateStep", () =>
    lib.validateStep({ ...FEE.input, functionSignature: "transfer(address,uint257)", parameters: params1m }), { code: "INVALID_FUNCTION_SIGNATURE", path: "functionSignature" });
  await hostile(t, G, "a step without functionSignature, 1,000,000 parameters", "validateSteps", () =>
    lib.validateSteps([{ to: FEE.input.to, value: "0", parameters: params1m }]), { code: "MISSING_FIELD", path: "steps[0].functionSignature" });
  const step = clone(FEE.input);
  const steps100k = new Array(100_000).fill(step);
  const tooMany = (max) => ({ code: "TOO_MANY_STEPS", path: "steps", message: `(at most ${max})` });
  await hostile(t, G, "100,000 steps", "validateSteps", () => lib.validateSteps(steps100k), tooMany(30));
  await hostile(t, G, "100,000 steps", "reviewSteps", () => lib.reviewSteps(steps100k), tooMany(30));
  await hostile(t, G, "100,000 steps", "validateExecutionRequest", () =>
    lib.validateExecutionRequest({ dry: false, steps: steps100k }, { kind: "steps" }), tooMany(30));
  await hostile(t, G, "100,000 Solana steps (at most 50)", "validateExecutionRequest", () =>
    lib.validateExecutionRequest({ type: "solana", dry: false, steps: new Array(100_000).fill({ programId: "x", accounts: [], args: [] }) }, { kind: "quote" }), tooMany(50));
  await hostile(t, G, "100,000 numbers as steps", "validateSteps", () => lib.validateSteps(new Array(100_000).fill(0)), tooMany(30));
  await hostile(t, G, "31 steps", "prepareSigning", () => lib.prepareSigning(execution({ steps: new Array(31).fill(step) }), PREPARE_OPTIONS), tooMany(30));
  await hostile(t, G, "100,000 steps", "prepareSigning", () => lib.prepareSigning(execution({ steps: steps100k }), PREPARE_OPTIONS), tooMany(30));
  assertModuleWorks("after big lists");
});

// ------------------------------------------------------------ huge numbers

test("huge numbers where integers are due: coded errors (-0 is 0)", async (t) => {
  const G = "numbers";
  const ARGS = P2_TRANSFER.input.args;
  // [position, call with x]: x replaces an integer the call needs.
  const positions = [
    ["permit2 args.chainId", (x) => lib.permit2Transfer({ ...ARGS, chainId: x })],
    ["permit2 args.nonce", (x) => lib.permit2Transfer({ ...ARGS, nonce: x })],
    ["permit2 args.deadline", (x) => lib.permit2Transfer({ ...ARGS, deadline: x })],
    ["permit2 args.amount", (x) => lib.permit2Transfer({ ...ARGS, amount: x })],
    ["eip7702 chainId", (x) => lib.eip7702AuthorizationHash({ ...authInput(), chainId: x })],
    ["eip7702 nonce", (x) => lib.eip7702AuthorizationHash({ ...authInput(), nonce: x })],
    ["abi uint256 parameter", (x) => lib.abiEncodeCall("f(uint256)", [x])],
    ["abi int8 parameter", (x) => lib.abiEncodeCall("f(int8)", [x])],
    ["typed data domain.chainId", (x) => lib.eip712Hash({ ...MAIL.input.typedData, domain: { ...MAIL.input.typedData.domain, chainId: x } })],
    ["typed data uint256 field", (x) => lib.eip712Hash(typed({ A: [{ name: "a", type: "uint256" }] }, "A", { a: x }))],
    ["decodeIntent options.now", (x) => lib.decodeIntent(clone(RAW.input.multiPayload), { now: x })],
    ["prepareSigning options.now", (x) => lib.prepareSigning(execution(), { ...PREPARE_OPTIONS, now: x })],
    ["reviewPermit2 options.now", (x) => lib.reviewPermit2(clone(P2_TRANSFER.expected.typedData), { now: x })],
    ["validateStep value", (x) => lib.validateStep({ ...FEE.input, value: x })],
    ["validateExecutionRequest quote.slippageTolerance", (x) =>
      lib.validateExecutionRequest({ dry: true, quote: { amount: "1", originAsset: "nep141:wrap.near", destinationAsset: "nep141:usdc.near", slippageTolerance: x } }, { kind: "quote" })],
  ];
  const values = [
    ["1e400", 1e400],
    ["2**53+1", 2 ** 53 + 1],
    ["NaN", NaN],
    ["-Infinity", -Infinity],
    ["1.5", 1.5],
    ["2**256 (bigint)", 2n ** 256n],
  ];
  for (const [where, call] of positions) {
    for (const [label, x] of values) {
      await hostile(t, G, `${label} as ${where}`, where.split(" ")[0], () => call(x), { code: ["INVALID_TYPE", "INVALID_NUMBER"] });
    }
    // -0 is the integer 0: the same result as 0, or a coded error.
    const zero = timed(() => call(0));
    await hostile(t, G, `-0 as ${where}`, where.split(" ")[0], () => {
      try {
        return { value: call(-0) };
      } catch (e) {
        if (typeof e?.code === "string") return { code: e.code, error: e };
        throw e;
      }
    }, {
      ok: (r) => {
        if (r.error) assertCodedError(r.error, `-0 as ${where}`, CODES);
        else if (zero.threw) assert.fail(`-0 as ${where} accepted where 0 throws ${zero.error?.code}`);
        else assert.deepEqual(r.value, zero.value, `-0 as ${where} = 0`);
      },
      outcome: (r) => (r.error ? r.code : "ok (= 0)"),
    });
  }
  // Typed data as JSON text reads its numbers as a wallet's JSON.parse does,
  // so text and object agree: 1e400 and NaN are not JSON; an integer beyond
  // ±(2^53-1) is refused (JSON.parse would round it); -0, 0.0 and 1e2 are the
  // integers 0, 0 and 100; 1.5 is not an integer.
  const mail = JSON.stringify(MAIL.input.typedData);
  const withChainId = (text) => mail.replace('"chainId":1', `"chainId":${text}`);
  const digestOf = (chainId) => toHex(lib.eip712Hash({ ...MAIL.input.typedData, domain: { ...MAIL.input.typedData.domain, chainId } }));
  const sameAs = (chainId) => ({ ok: (r) => assert.equal(toHex(r), digestOf(chainId), `the digest of the object with chainId ${chainId}`), outcome: () => `ok (= ${chainId})` });
  const number = (path) => ({ code: "INVALID_NUMBER", path });
  for (const [text, expect] of [
    ["1e400", { code: "INVALID_JSON" }],
    ["NaN", { code: "INVALID_JSON" }],
    ["1.5", number("domain.chainId")],
    ["9007199254740992", number("domain.chainId")],
    ["9007199254740993", number("domain.chainId")],
    ["-9007199254740993", number("domain.chainId")],
    ["18446744073709551616", number("domain.chainId")],
    ["-0", sameAs(0)],
    ["0.0", sameAs(0)],
    ["1e2", sameAs(100)],
    ["9007199254740991", sameAs(2 ** 53 - 1)],
  ]) {
    await hostile(t, G, `JSON text: domain.chainId ${text}`, "eip712Hash", () => lib.eip712Hash(withChainId(text)), expect);
  }
  await hostile(t, G, "JSON text: a uint256 field 9007199254740993", "eip712Hash", () =>
    lib.eip712Hash(JSON.stringify(typed({ A: [{ name: "a", type: "uint256" }] }, "A", { a: 1 })).replace('"a":1', '"a":9007199254740993')), number("message.a"));
  await hostile(t, G, "JSON text: a uint256 field \"9007199254740993\" (a string)", "eip712Hash", () =>
    lib.eip712Hash(JSON.stringify(typed({ A: [{ name: "a", type: "uint256" }] }, "A", { a: "9007199254740993" }))), {
    ok: (r) => assert.equal(toHex(r), eip712Digest("A(uint256 a)", [uint256Word(9007199254740993n)]), "digest written out with @noble/hashes"),
  });
  // An intent message is signed as text and read by the verifier (Rust), not
  // by JSON.parse: its numbers are not rewritten; amounts are strings anyway.
  for (const text of ["1e400", "NaN", "-0", "1.5", "1e2"]) {
    await hostile(t, G, `JSON text: intent amount ${text}`, "decodeIntentMessage", () =>
      lib.decodeIntentMessage(defusePayload(`{"intent":"ft_withdraw","token":"usdc.near","receiver_id":"bob.near","amount":${text}}`)), {
      code: ["INVALID_JSON", "INVALID_INTENT"],
    });
  }
  assertModuleWorks("after huge numbers");
});

// ------------------------------------------------------------ isolated (fixed known issues)

const libPath = createRequire(import.meta.url).resolve("intent-signer");
// The child: reads {source, data} as JSON on stdin, runs source(lib, data), prints the outcome as JSON.
const CHILD = `
const lib = require(${JSON.stringify(libPath)});
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", () => {
  const { source, data, aliveMessage, bound } = JSON.parse(input);
  const run = (0, eval)(source);
  const once = () => {
    const t0 = performance.now();
    let r;
    try {
      run(lib, data);
      r = { status: "returned" };
    } catch (e) {
      r = { status: "threw", name: e?.constructor?.name, code: e?.code, message: String(e?.message).slice(0, 300) };
    }
    r.ms = performance.now() - t0;
    return r;
  };
  let r = once();
  if (r.ms > bound) {
    // a loaded machine: the faster run counts (as for the in-process calls)
    const again = once();
    if (again.ms < r.ms) r = again;
  }
  try {
    r.alive = Buffer.from(lib.erc191Hash(aliveMessage)).toString("hex");
  } catch (e) {
    r.alive = "dead: " + e?.message;
  }
  process.stdout.write(JSON.stringify(r));
});
`;
// The bound plus the child's start-up (Node and the module's compile), which
// on a loaded 2-core CI machine, beside the other test files, took over 2 s.
// A real hang (the exponential cases below ran for minutes) is still killed.
const KILL_MS = 2 * BOUND_MS + 13000; // two runs when the first is over the bound
/** Children run at most this many at a time (all at once starved each other). */
const CHILDREN_AT_ONCE = 2;

/**
 * Runs `source` ((lib, data) => …, self-contained) in a child Node process
 * with its own module, so that a hang, a 4 GB wasm memory or a V8 abort never
 * reaches this process (nor its rss); SIGKILL after KILL_MS.
 */
function isolated(source, data = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["-e", CHILD], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (c) => (out += c));
    child.stderr.setEncoding("utf8").on("data", (c) => (err += c));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, KILL_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      if (killed) return resolve({ status: "killed", ms });
      try {
        resolve(JSON.parse(out));
      } catch {
        resolve({ status: "crashed", message: `exit ${code ?? signal}: ${err.trim().split("\n").slice(-3).join(" / ")}`, ms });
      }
    });
    child.stdin.end(JSON.stringify({ source: source.toString(), data, aliveMessage: ERC.input.message, bound: BOUND_MS }));
  });
}

/**
 * Hostile inputs that used to hang, exhaust the 4 GB wasm memory or escape
 * without a code (each one a finding of SECURITY.md "Known issues", now
 * fixed). Expected: a coded error (`code` when given) or a result within
 * BOUND_MS, the module alive.
 */
const ISOLATED = [
  {
    input: "EIP-712 'diamond' of 30 struct types (T[i] has two T[i+1] fields; 1.3 KB)",
    call: "eip712Hash",
    // fixed: exponential type resolution
    source: (lib) => {
      const types = { EIP712Domain: [{ name: "name", type: "string" }] };
      for (let i = 0; i < 30; i++) types[`T${i}`] = i < 29 ? [{ name: "a", type: `T${i + 1}` }, { name: "b", type: `T${i + 1}` }] : [{ name: "v", type: "uint8" }];
      return lib.eip712Hash({ types, primaryType: "T0", domain: { name: "x" }, message: {} });
    },
  },
  {
    input: "witness.types: the same 30-type diamond",
    call: "permit2WitnessTransfer",
    // fixed: the same exponential type resolution through Permit2 witness types
    source: (lib, { args }) => {
      const types = {};
      for (let i = 0; i < 30; i++) types[`T${i}`] = i < 29 ? [{ name: "a", type: `T${i + 1}` }, { name: "b", type: `T${i + 1}` }] : [{ name: "v", type: "uint8" }];
      return lib.permit2WitnessTransfer({ ...args, witness: { typeName: "T0", types, value: {} } });
    },
    data: () => ({ args: P2_WITNESS.input.args }),
  },
  {
    input: "a field type uint8 with 100,000 [] levels (200 KB)",
    call: "eip712Hash",
    // fixed: no depth or length limit on EIP-712 type strings
    source: (lib) =>
      lib.eip712Hash({ types: { EIP712Domain: [{ name: "name", type: "string" }], A: [{ name: "a", type: `uint8${"[]".repeat(100_000)}` }] }, primaryType: "A", domain: { name: "x" }, message: { a: [] } }),
  },
  {
    input: "an execution with 100,000 steps",
    call: "prepareSigning",
    // fixed: no 30-step limit, then the limit applied after the whole list was converted (~9 s)
    code: "TOO_MANY_STEPS",
    source: (lib, { execution, step, options }) => lib.prepareSigning({ ...execution, steps: new Array(100_000).fill(step) }, options),
    data: () => ({ execution: execution(), step: FEE.input, options: PREPARE_OPTIONS }),
  },
  {
    input: "a 10 MB DefusePayload of 616,809 unknown intents",
    call: "decodeIntentMessage",
    // fixed: no limit on the number of intents (~1 min, 1.2 GB rss), then 4-5 s of
    // wasm memory growth in 5,000 small steps while parsing
    code: "INVALID_LENGTH",
    source: (lib) => {
      const item = '{"intent":"custom"},';
      const n = Math.floor((10 * 1024 * 1024) / item.length);
      const payload = `{"signer_id":"alice.near","verifying_contract":"intents.near","deadline":"2035-11-03T14:49:44.589Z","nonce":"1TwpgYHWXK29O6zby1R6QPJOY/Nb/S9Bb+dJ8m+Dd2Q=","intents":[${item.repeat(n).slice(0, -1)}]}`;
      return lib.decodeIntentMessage(payload);
    },
  },
  {
    input: "parameters [a Proxy array whose length is 2**32-1]",
    call: "abiEncodeCall",
    // fixed: array conversion loops to `length` with no cap
    source: (lib) => {
      const huge = new Proxy([], { get: (target, key) => (key === "length" ? 2 ** 32 - 1 : typeof key === "string" && /^\d+$/.test(key) ? "1" : Reflect.get(target, key)) });
      return lib.abiEncodeCall("f(uint256[])", [huge]);
    },
  },
  {
    input: "a revoked Proxy",
    call: "verifyMultiPayload",
    // fixed: Array.isArray on a revoked Proxy throws a TypeError without a code
    source: (lib) => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return lib.verifyMultiPayload(proxy);
    },
  },
  {
    input: "a Proxy whose getPrototypeOf trap throws",
    call: "abiEncodeCall",
    // fixed: Object.getPrototypeOf is not caught
    source: (lib) =>
      lib.abiEncodeCall("f(uint256)", [new Proxy({}, { getPrototypeOf() { throw new Error("trap"); } })]),
  },
];

test("typed data whose types are not arrays, repeated (the schema cache's count): coded errors, the module alive", () => {
  // Found by fuzzing: three non-array entries in `types` overflowed a sum in
  // the EIP-712 schema cache, a panic that would abort the whole module.
  for (const types of [{ A: 1, B: 2, C: 3 }, { A: {}, B: "x", C: null, D: true }]) {
    const typed = { types, primaryType: "A", domain: { name: "x" }, message: {} };
    for (let i = 0; i < 3; i++) {
      let err;
      try {
        lib.eip712Hash(typed);
      } catch (e) {
        err = e;
      }
      assert.ok(err, "refused");
      assertCodedError(err, "eip712Hash(types not arrays)", lib.errorCodes(), "INVALID_TYPE");
      assert.match(err.path, /^types\./, "the path names the type");
    }
  }
  assertModuleWorks("after non-array types");
});

test("isolated in child processes: inputs that hang, exhaust memory or escape without a code", async (t) => {
  // CHILDREN_AT_ONCE children at a time (each is killed after KILL_MS), then one subtest per input.
  const results = new Array(ISOLATED.length);
  let next = 0;
  await Promise.all(Array.from({ length: CHILDREN_AT_ONCE }, async () => {
    while (next < ISOLATED.length) {
      const i = next++;
      results[i] = await isolated(ISOLATED[i].source, ISOLATED[i].data?.() ?? {});
    }
  }));
  sampleRss();
  for (const [i, c] of ISOLATED.entries()) {
    await t.test(`${c.call} ← ${c.input}`, () => {
      const r = results[i];
      const outcome =
        r.status === "killed"
          ? `killed after ${KILL_MS} ms`
          : r.status === "threw"
            ? r.code ?? `uncoded ${r.name}: ${r.message.slice(0, 60)}`
            : r.status === "returned"
              ? "ok"
              : `${r.status}: ${r.message}`;
      rows.push({ group: "isolated", input: c.input, call: c.call, outcome: `${outcome}${r.alive && !r.alive.startsWith("dead") ? "" : r.alive ? " (module dead)" : ""}`, ms: r.ms, rss: process.memoryUsage().rss });
      assert.notEqual(r.status, "killed", `${c.call}: no answer within ${KILL_MS} ms`);
      assert.ok(r.status === "returned" || (r.status === "threw" && CODES.includes(r.code)), `${c.call}: ${outcome}`);
      if (c.code !== undefined) assert.equal(r.code, c.code, `${c.call}: code`);
      assert.ok(r.ms <= BOUND_MS, `${c.call}: ${r.ms.toFixed(0)} ms`);
      assert.equal(r.alive, ERC.expected.hash, `${c.call}: the module still works`);
    });
  }
  assertModuleWorks("after the isolated inputs (this process's module)");
});

// ------------------------------------------------------------ report

test("report: timings, rss growth", (t) => {
  assertModuleWorks("at the end");
  sampleRss();
  const w = (s, n) => String(s).slice(0, n).padEnd(n);
  t.diagnostic(`hostile inputs: ${rows.length} calls; bound ${BOUND_MS} ms asserted, target ${TARGET_MS} ms reported`);
  t.diagnostic(`${w("group", 14)} | ${w("call", 26)} | ${w("input", 70)} | ${w("outcome", 34)} | ${"ms".padStart(9)} | ${"rss MB".padStart(6)} | note`);
  for (const r of rows) {
    const note = r.ms > TARGET_MS ? `>${TARGET_MS}ms` : "";
    t.diagnostic(`${w(r.group, 14)} | ${w(r.call, 26)} | ${w(r.input, 70)} | ${w(r.outcome, 34)} | ${r.ms.toFixed(1).padStart(9)} | ${(r.rss / 2 ** 20).toFixed(0).padStart(6)} | ${note}`);
  }
  const over = rows.filter((r) => r.ms > TARGET_MS);
  t.diagnostic(`over the ${TARGET_MS} ms target (not isolated): ${over.length}: ${over.map((r) => `${r.call} ← ${r.input} (${r.ms.toFixed(0)} ms)`).join("; ")}`);
  const growth = rssPeak - rss0;
  t.diagnostic(`rss: ${(rss0 / 2 ** 20).toFixed(0)} MB at start, ${(rssPeak / 2 ** 20).toFixed(0)} MB peak, growth ${(growth / 2 ** 20).toFixed(0)} MB (bound ${RSS_BOUND / 2 ** 20} MB)`);
  assert.ok(growth < RSS_BOUND, `rss grew by ${(growth / 2 ** 20).toFixed(0)} MB`);
});
