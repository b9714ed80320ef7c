// Error classes, codes and paths of the built package; no secret in an error;
// errorCodes() against the .d.ts union and the README table.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import * as lib from "intent-signer";
import {
  abiDecodeCall,
  abiEncodeCall,
  decodeIntentMessage,
  deleteExecutionRequest,
  ed25519PublicKey,
  ed25519Sign,
  eip712Hash,
  erc191Recover,
  erc191Sign,
  errorCodes,
  finishSigning,
  hexToBytes,
  implicitAccountId,
  nep413Hash,
  nep413Sign,
  nep413Verify,
  permit2FromParamsToSign,
  prepareSigning,
  tip191Recover,
  validateExecutionRequest,
  validateStep,
  validateSteps,
  verifyMultiPayload,
} from "intent-signer";

import {
  INSTALLED,
  assertCodedError,
  b58encode,
  ed25519SignNode,
  hex,
  readmeSection,
  repoRoot,
  sha256,
  signableExecution,
  thrown,
  utf8,
  vectorFile,
} from "./helpers.mjs";

const CODES = errorCodes();

// Valid inputs, from the vector files.
const upstream = Object.fromEntries(vectorFile("upstream.json").cases.map((c) => [c.id, c]));
const ERC = upstream["V-ERC191-1-v1"];
const ERC_SIG = hex(ERC.input.signature);
const ERC_KEY = hex(ERC.input.secretKey);
const RAW = upstream["V-RAW-2"].input.multiPayload; // a valid raw_ed25519 MultiPayload
const NEP = upstream["V-NEP413-4"].input.multiPayload; // a valid nep413 MultiPayload
const NEP_PAYLOAD = NEP.payload;
const MESSAGE = RAW.payload; // a DefusePayload JSON text, deadline 2035-11-03T14:49:44.589Z
const withMessage = (patch) => JSON.stringify({ ...JSON.parse(MESSAGE), ...patch });
const negative = Object.fromEntries(vectorFile("negative.json").cases.map((c) => [c.id, c]));
const ton = Object.fromEntries(vectorFile("generated/ton_connect.json").cases.map((c) => [c.id, c]));
const abiNegative = Object.fromEntries(vectorFile("abi-negative.json").cases.map((c) => [c.id, c]));
/** An abi-negative.json case as a call. */
function abiCase(id) {
  const c = abiNegative[id];
  assert.ok(c, id);
  const i = c.input;
  switch (c.type) {
    case "encode":
      return () => abiEncodeCall(i.functionSignature, i.parameters, i.placeholders === undefined ? undefined : { placeholders: i.placeholders });
    case "decode":
      return () => abiDecodeCall(i.functionSignature, hex(i.calldata.replace(/^0x/, "")));
    case "validate_step":
      return () => validateStep(i.step);
    case "validate_steps":
      return () => validateSteps(i.steps);
    default:
      throw new Error(`${id}: ${c.type}`);
  }
}

// Typed data, Permit2 and the execution flow: vector inputs.
const eip712Cases = Object.fromEntries(vectorFile("generated/eip712.json").cases.map((c) => [c.id, c]));
/** An eip712.json negative case as a call. */
const typedDataCase = (id) => () => eip712Hash(eip712Cases[id].input.typedData);
const permit2Cases = Object.fromEntries(vectorFile("generated/permit2.json").cases.map((c) => [c.id, c]));
const TAMPERED = permit2Cases["permit2-085"].input; // params_to_sign with a tampered witness_hash
const SOL = Object.fromEntries(vectorFile("generated/raw_ed25519.json").cases.map((c) => [c.id, c]))["raw_ed25519-037"];
const SOL_WALLET = SOL.expected.publicKey.slice("ed25519:".length); // a DefusePayload signer as a Solana wallet
/** A signable execution around SOL's payload, fields patched. */
const execution = (patch = {}, payloadPatch = {}) => {
  const ex = signableExecution({ id: "exec-1", payloadJson: SOL.input.payload, standard: "raw_ed25519" });
  return { ...ex, ...patch, details: { ...ex.details, payload: { ...ex.details.payload, ...payloadPatch } } };
};
const FEE_STEP = Object.fromEntries(vectorFile("abi-aurora.json").cases.map((c) => [c.id, c]))["aurora-002"].input;
const QUOTE = { amount: "1000", originAsset: "nep141:wrap.near", destinationAsset: "nep141:usdc.near", swapType: "EXACT_INPUT" };
const createExecution = (body, kind = "quote") => () => validateExecutionRequest(body, { kind });

/** x = 5 is not on secp256k1: 5³ + 7 = 132 is not a square mod p (Euler's criterion). */
function unrecoverableSignature() {
  const p = 2n ** 256n - 2n ** 32n - 977n;
  const modpow = (b, e, m) => {
    let r = 1n;
    for (b %= m; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) r = (r * b) % m;
    return r;
  };
  assert.equal(modpow(132n, (p - 1n) / 2n, p), p - 1n, "132 is a quadratic non-residue mod p");
  const sig = new Uint8Array(65);
  sig[31] = 5; // r = 5
  sig[63] = 1; // s = 1
  return sig; // v = 0
}

/** One trigger per error code: [code, call, expected class, expected path]. */
const TRIGGERS = [
  ["INVALID_HEX", () => hexToBytes("zz"), Error, "hex"],
  ["INVALID_BASE58", () => implicitAccountId("ed25519:0l0l"), Error, "publicKey"],
  ["INVALID_BASE64", () => nep413Hash({ ...NEP_PAYLOAD, nonce: "AA-_" }), Error, "payload.nonce"],
  ["INVALID_LENGTH", () => nep413Hash({ ...NEP_PAYLOAD, nonce: "AAAA" }), RangeError, "payload.nonce"],
  ["INVALID_LENGTH", () => ed25519PublicKey(new Uint8Array(31)), RangeError, "seed"],
  ["INVALID_LENGTH", () => erc191Recover("x", new Uint8Array(64)), RangeError, "signature"],
  ["UNSUPPORTED_CURVE", () => nep413Verify(NEP_PAYLOAD, "secp256k1:abc", NEP.signature), Error, "publicKey"],
  ["INVALID_JSON", () => verifyMultiPayload("{\"standard\":"), Error, undefined],
  ["INVALID_TYPE", () => hexToBytes(1), TypeError, "hex"],
  ["INVALID_TYPE", () => decodeIntentMessage(MESSAGE, { verifyingContract: 1 }), TypeError, "options.verifyingContract"],
  ["INVALID_TYPE", () => nep413Hash({ ...NEP_PAYLOAD, nonce: 1 }), TypeError, "payload.nonce"],
  ["INVALID_STRING", () => hexToBytes("\ud800"), Error, "hex"],
  ["INVALID_STRING", () => nep413Hash({ ...NEP_PAYLOAD, message: "a\udc00" }), Error, "payload.message"],
  ["MISSING_FIELD", () => nep413Hash({ message: "m", recipient: "intents.near" }), TypeError, "payload.nonce"],
  ["MISSING_FIELD", () => verifyMultiPayload({ payload: RAW.payload, public_key: RAW.public_key, signature: RAW.signature }), TypeError, "standard"],
  ["UNKNOWN_FIELD", () => decodeIntentMessage(MESSAGE, { bogus: 1 }), TypeError, "options.bogus"],
  ["UNKNOWN_FIELD", () => nep413Hash({ ...NEP_PAYLOAD, bogus: 1 }), TypeError, "payload.bogus"],
  ["UNKNOWN_STANDARD", () => verifyMultiPayload({ ...RAW, standard: "passkey" }), Error, "standard"],
  ["INVALID_RECOVERY_ID", () => erc191Recover(ERC.input.message, hex(negative["erc191-v-2"].input.signature)), RangeError, "signature"],
  ["HIGH_S", () => erc191Recover(ERC.input.message, hex(negative["erc191-high-s"].input.signature)), Error, "signature"],
  ["INVALID_SIGNATURE", () => tip191Recover("x", new Uint8Array(65)), Error, "signature"],
  ["UNRECOVERABLE_SIGNATURE", () => erc191Recover("x", unrecoverableSignature()), Error, "signature"],
  ["INVALID_SECRET_KEY", () => erc191Sign("x", new Uint8Array(32)), RangeError, "secretKey"],
  ["UNSUPPORTED_PAYLOAD", () => verifyMultiPayload(ton["ton-cell"].input.multiPayload), Error, "payload.type"],
  ["INVALID_TIMESTAMP", () => verifyMultiPayload(ton["ton-negative-timestamp"].input.multiPayload), Error, "timestamp"],
  ["WRONG_VERIFYING_CONTRACT", () => decodeIntentMessage(withMessage({ verifying_contract: "staging-intents.near" }), { verifyingContract: "intents.near" }), Error, "verifying_contract"],
  ["DEADLINE_EXPIRED", () => decodeIntentMessage(MESSAGE, { now: Date.parse("2036-01-01T00:00:00Z") }), Error, "deadline"],
  ["INVALID_DEADLINE", () => decodeIntentMessage(withMessage({ deadline: "2035-11-03T14:49:44" })), Error, "deadline"],
  ["INVALID_ACCOUNT_ID", () => decodeIntentMessage(withMessage({ signer_id: "Alice.near" })), Error, "signer_id"],
  ["SIGNER_MISMATCH", () => decodeIntentMessage(MESSAGE, { publicKey: NEP.public_key }), Error, "signer_id"],
  ["NONCE_DEADLINE_EXCEEDED", () => decodeIntentMessage(negative["intent-nonce-deadline"].input.payload), Error, "deadline"],
  ["INVALID_NUMBER", () => decodeIntentMessage(MESSAGE, { now: 1.5 }), RangeError, "options.now"],
  ["INVALID_NUMBER", () => decodeIntentMessage(MESSAGE, { now: 2 ** 60 }), RangeError, "options.now"],
  ["INVALID_INTENT", () => decodeIntentMessage(negative["intent-bad-amount"].input.payload), Error, "intents[0]"],
  [
    "AMBIGUOUS_PAYLOAD",
    () => decodeIntentMessage(MESSAGE.replace('{"signer_id":', '{"signer_id":"x.near","signer_id":')),
    Error,
    "signer_id",
  ],
  ["INVALID_NUMBER", abiCase("uint8-256"), RangeError, "parameters[0]"],
  ["INVALID_LENGTH", abiCase("bytes32-short"), RangeError, "parameters[0]"],
  ["INVALID_TYPE", abiCase("bool-number"), TypeError, "parameters[0]"],
  ["UNKNOWN_FIELD", abiCase("step-extra-key"), TypeError, "chainId"],
  ["MISSING_FIELD", abiCase("step-missing-value"), TypeError, "value"],
  ["INVALID_FUNCTION_SIGNATURE", abiCase("sig-f(uint257)"), Error, "functionSignature"],
  ["ABI_ARITY_MISMATCH", abiCase("arity-params"), RangeError, "parameters"],
  ["INVALID_ADDRESS", abiCase("address-short"), Error, "parameters[0]"],
  ["INVALID_CHECKSUM", abiCase("checksum-wrong"), Error, "parameters[0]"],
  ["UNRESOLVED_PLACEHOLDER", abiCase("placeholder-in-tuple"), Error, "parameters[0][1]"],
  ["SELECTOR_MISMATCH", abiCase("selector-mismatch"), Error, "calldata"],
  ["ABI_DECODE_FAILED", abiCase("truncated"), Error, "calldata"],
  ["NON_CANONICAL_CALLDATA", abiCase("dirty-address"), Error, "calldata"],
  ["TOO_MANY_STEPS", abiCase("steps-31"), RangeError, "steps"],
  ["INVALID_ADDRESS", abiCase("steps-path"), Error, "steps[1].to"],
  ["MISSING_TYPE", typedDataCase("eip712-317"), Error, "types.Mail[0].type"],
  ["CYCLIC_TYPES", typedDataCase("eip712-321"), Error, "types.B[0].type"],
  ["UNKNOWN_PRIMARY_TYPE", typedDataCase("eip712-323"), Error, "primaryType"],
  ["WITNESS_MISMATCH", () => permit2FromParamsToSign(TAMPERED.paramsToSign, TAMPERED.args), Error, "paramsToSign.additional_data.witness_hash"],
  ["INVALID_WALLET", () => deleteExecutionRequest("exec-1", "Not A Wallet!"), Error, "wallet"],
  ["WALLET_MISMATCH", () => prepareSigning(execution(), { wallet: ERC.expected.signerId }), Error, "details.payload.standard"],
  // A dry run has no id: nothing to sign (the execution itself, so no path).
  ["NOT_SIGNABLE", () => prepareSigning(execution({ id: undefined }), { wallet: SOL_WALLET }), Error, undefined],
  ["INVALID_STATUS", () => prepareSigning(execution({ status: "SUCCESS" }), { wallet: SOL_WALLET }), Error, "status"],
  [
    "PAYLOAD_MISMATCH",
    () => prepareSigning(execution({}, { payload_bytes_base64: Buffer.from(`${SOL.input.payload} `).toString("base64") }), { wallet: SOL_WALLET }),
    Error,
    "details.payload.payload_bytes_base64",
  ],
  [
    "STANDARD_MISMATCH",
    () => prepareSigning({ ...execution(), details: { ...execution().details, signingStandard: "erc191" } }, { wallet: SOL_WALLET }),
    Error,
    "details.payload.standard",
  ],
  [
    "SIGNATURE_MISMATCH",
    // The wallet signed sha256(payload) instead of the payload bytes (signed by Node's crypto).
    () => finishSigning(prepareSigning(execution(), { wallet: SOL_WALLET }), ed25519SignNode(hex(SOL.input.seed), sha256(utf8(SOL.input.payload)))),
    Error,
    "walletOutput.signature",
  ],
  ["STEPS_REQUIRED", createExecution({ quote: QUOTE }), Error, "steps"],
  ["RECIPIENT_NOT_ALLOWED", createExecution({ quote: { ...QUOTE, recipient: "alice.near" }, steps: [FEE_STEP] }), Error, "quote.recipient"],
  [
    "PLACEHOLDER_NOT_ALLOWED",
    createExecution({ quote: QUOTE, steps: [{ ...FEE_STEP, parameters: [FEE_STEP.parameters[0], "{AMOUNT_IN}"] }] }),
    Error,
    "steps[0].parameters[1]",
  ],
  ["DEPOSIT_TRANSFER_REQUIRED", createExecution({ outOperation: true, quote: QUOTE, steps: [FEE_STEP] }), Error, "steps"],
  [
    "DESTINATION_TOKEN_NOT_USED",
    createExecution({ destinationAsset: "nep141:base-0x1111111111111111111111111111111111111111.omft.near", steps: [FEE_STEP] }, "steps"),
    Error,
    "steps",
  ],
  ["TOO_MANY_STEPS", createExecution({ quote: QUOTE, steps: Array(31).fill(FEE_STEP) }), RangeError, "steps"],
];
/**
 * Codes no JS export can produce yet, and why. A code must be here or in TRIGGERS.
 * (PAYLOAD_MISMATCH and STANDARD_MISMATCH are reachable through prepareSigning.)
 */
const UNREACHABLE_FROM_JS = {};

test("every error code: class, own code, path", async (t) => {
  for (const [code, call, cls, path] of TRIGGERS) {
    await t.test(`${code} at ${path ?? "(no path)"}`, () => {
      const e = thrown(call, code);
      assertCodedError(e, code, CODES, code);
      assert.equal(e.constructor, cls, `${code}: class ${e.constructor.name}, expected ${cls.name}`);
      assert.equal(e.path, path, `${code}: path`);
      assert.equal(e.name, cls.name, `${code}: name`);
      assert.equal(typeof e.stack, "string", `${code}: stack`);
    });
  }
  const covered = new Set(TRIGGERS.map(([code]) => code));
  for (const code of CODES) {
    assert.ok(covered.has(code) || code in UNREACHABLE_FROM_JS, `${code}: no JS trigger in this test and not listed as unreachable`);
  }
  for (const code of Object.keys(UNREACHABLE_FROM_JS)) {
    assert.ok(!covered.has(code), `${code} is listed as unreachable but has a trigger`);
    assert.ok(CODES.includes(code), `${code} is listed as unreachable but errorCodes() lacks it`);
  }
  const unreachable = CODES.filter((c) => !covered.has(c));
  t.diagnostic(`${covered.size} codes triggered from JS; ${unreachable.length} not reachable from JS: ${unreachable.map((c) => `${c} (${UNREACHABLE_FROM_JS[c]})`).join(", ")}`);
});

test("TypeError / RangeError / Error families", () => {
  const families = { TypeError: new Set(), RangeError: new Set(), Error: new Set() };
  for (const [code, , cls] of TRIGGERS) families[cls.name].add(code);
  assert.deepEqual([...families.TypeError].sort(), ["INVALID_TYPE", "MISSING_FIELD", "UNKNOWN_FIELD"]);
  assert.deepEqual([...families.RangeError].sort(), ["ABI_ARITY_MISMATCH", "INVALID_LENGTH", "INVALID_NUMBER", "INVALID_RECOVERY_ID", "INVALID_SECRET_KEY", "TOO_MANY_STEPS"]);
  for (const code of families.Error) assert.ok(!families.TypeError.has(code) && !families.RangeError.has(code), code);
});

test("paths of nested inputs", () => {
  const cases = [
    [() => nep413Hash({ ...NEP_PAYLOAD, nonce: "AAAA" }), "payload.nonce"],
    [() => nep413Sign({ ...NEP_PAYLOAD, recipient: 7 }, new Uint8Array(32)), "payload.recipient"],
    [() => nep413Hash({ ...NEP_PAYLOAD, callbackUrl: 7 }), "payload.callbackUrl"],
    [() => decodeIntentMessage(MESSAGE, { bogus: true }), "options.bogus"],
    [() => decodeIntentMessage(MESSAGE, { now: "soon" }), "options.now"],
    [() => decodeIntentMessage(MESSAGE, { publicKey: "ed25519:0" }), "options.publicKey"],
    [() => decodeIntentMessage(MESSAGE, "intents.near"), "options"],
    [() => erc191Recover("x", new Uint8Array(66)), "signature"],
    [() => ed25519Sign(new Uint8Array(1), new Uint8Array(33)), "seed"],
    [() => erc191Sign("x", new Uint8Array(31)), "secretKey"],
    [() => nep413Verify(NEP_PAYLOAD, NEP.public_key, "ed25519:2"), "signature"],
    [() => verifyMultiPayload({ ...RAW, public_key: "ed25519:2" }), "public_key"],
    [() => decodeIntentMessage(withMessage({ intents: [{ intent: "transfer" }] })), "intents[0]"],
  ];
  for (const [call, path] of cases) {
    const e = thrown(call, path);
    assertCodedError(e, path, CODES);
    assert.equal(e.path, path, `path of ${call}`);
  }
});

/** Forms a 32-byte key could take in a message. */
function keyForms(key) {
  const h = Buffer.from(key).toString("hex");
  const dec = Array.from(key).join(",");
  return [
    h,
    h.toUpperCase(),
    h.slice(0, 16),
    Buffer.from(key).toString("base64"),
    Buffer.from(key).toString("base64").replace(/=+$/, ""),
    b58encode(key),
    dec,
    Array.from(key).join(", "),
    Array.from(key.slice(0, 8)).join(", "),
  ];
}

function assertNoSecret(e, key, what) {
  const haystacks = [e.message, String(e), e.stack ?? "", JSON.stringify(e), JSON.stringify(Object.entries(e))];
  for (const form of keyForms(key)) {
    for (const h of haystacks) assert.ok(!h.includes(form), `${what}: the error shows the secret (${form}): ${h}`);
  }
}

test("no secret key in any error message", async (t) => {
  // Distinctive test keys (no long runs of one byte) and the vectors' keys.
  const seed = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
  const keys = [seed, ERC_KEY, hex(vectorFile("generated/nep413.json").cases[5].input.seed)];
  const badMessages = [1, null, undefined, "\ud800", {}, new ArrayBuffer(4), 1n];
  for (const key of keys) {
    await t.test(`key ${b58encode(key).slice(0, 6)}…`, () => {
      const calls = [];
      for (const m of badMessages) {
        calls.push([`erc191Sign(${String(m)}, key)`, () => erc191Sign(m, key)]);
        calls.push([`ed25519Sign(${String(m)}, seed)`, () => ed25519Sign(m, key)]);
        calls.push([`nep413Sign({message: ${String(m)}}, seed)`, () => nep413Sign({ ...NEP_PAYLOAD, message: m }, key)]);
      }
      calls.push(["nep413Sign(no nonce, seed)", () => nep413Sign({ message: "m", recipient: "r" }, key)]);
      calls.push(["nep413Sign(extra field, seed)", () => nep413Sign({ ...NEP_PAYLOAD, extra: "x" }, key)]);
      calls.push(["nep413Sign(bad nonce, seed)", () => nep413Sign({ ...NEP_PAYLOAD, nonce: "!" }, key)]);
      calls.push(["nep413Sign(payload number, seed)", () => nep413Sign(3, key)]);
      // Errors in the key parameter itself.
      const longer = new Uint8Array([...key, 1]);
      const shorter = key.slice(0, 31);
      calls.push(["erc191Sign(m, 33 bytes)", () => erc191Sign("m", longer)]);
      calls.push(["erc191Sign(m, 31 bytes)", () => erc191Sign("m", shorter)]);
      calls.push(["ed25519Sign(m, 33 bytes)", () => ed25519Sign(new Uint8Array(1), longer)]);
      calls.push(["ed25519PublicKey(33 bytes)", () => ed25519PublicKey(longer)]);
      calls.push(["nep413Sign(p, 33 bytes)", () => nep413Sign(NEP_PAYLOAD, longer)]);
      calls.push(["erc191Sign(m, [key] as array)", () => erc191Sign("m", Array.from(key))]);
      calls.push(["erc191Sign(m, key.buffer)", () => erc191Sign("m", key.buffer)]);
      calls.push(["ed25519Sign(m, key as hex string)", () => ed25519Sign(new Uint8Array(1), Buffer.from(key).toString("hex"))]);
      for (const [what, call] of calls) {
        const e = thrown(call, what);
        assertCodedError(e, what, CODES);
        assertNoSecret(e, key, what);
      }
    });
  }
  // Secret keys that are not valid scalars: the message must not echo them.
  const n = hex(negative["erc191-sign-n-key"].input.secretKey);
  const e = thrown(() => erc191Sign("x", n), "n as a key");
  assertCodedError(e, "n as a key", CODES, "INVALID_SECRET_KEY");
  assertNoSecret(e, n, "n as a key");
});

/** The `ErrorCode` union of a generated .d.ts, in order. */
function errorCodeUnion(dts, file) {
  const m = dts.match(/export type ErrorCode\s*=([^;]*);/);
  assert.ok(m, `${file}: no ErrorCode union`);
  const codes = [...m[1].matchAll(/"([A-Z0-9_]+)"/g)].map((x) => x[1]);
  assert.ok(codes.length > 0, `${file}: empty ErrorCode union`);
  // Nothing but string literals and bars in the union.
  assert.equal(m[1].replace(/"[A-Z0-9_]+"/g, "").replace(/[\s|]/g, ""), "", `${file}: ErrorCode is a union of string literals`);
  return codes;
}

test("errorCodes() equals the ErrorCode union of all/index.d.ts (same set, same order)", () => {
  // The installed copy of pkg/ (npm pack), so module and .d.ts are one snapshot.
  const file = join(INSTALLED, "all/index.d.ts");
  const dts = readFileSync(file, "utf8");
  const union = errorCodeUnion(dts, file);
  assert.deepEqual(CODES, union);
  assert.equal(new Set(CODES).size, CODES.length, "no duplicate codes");
  // Every entry, ESM and CommonJS declarations, declares the same union.
  for (const rel of ["all/index.d.cts", ...["near", "evm"].flatMap((d) => [`${d}/index.d.ts`, `${d}/index.d.cts`])]) {
    assert.deepEqual(errorCodeUnion(readFileSync(join(INSTALLED, rel), "utf8"), rel), union, rel);
  }
  // A fresh array each call: mutating one does not change the next.
  const first = errorCodes();
  first.length = 0;
  assert.deepEqual(errorCodes(), union);
});

test('every code is in the README "## Error codes" table', () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const section = readmeSection(readme, "Error codes");
  assert.ok(section !== undefined, 'README.md has no "## Error codes" section');
  // The error table ends where the "### Warning codes" subsection begins.
  const errorTable = section.split("### Warning codes")[0];
  const tableCodes = [...errorTable.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1]);
  for (const code of CODES) assert.ok(tableCodes.includes(code), `README "## Error codes" table lacks ${code}`);
  for (const code of tableCodes) assert.ok(CODES.includes(code), `README "## Error codes" table lists ${code}, which errorCodes() lacks`);
  // The warning codes the .d.ts declares are named there too.
  const dts = readFileSync(join(INSTALLED, "all/index.d.ts"), "utf8");
  const warnings = [...dts.match(/export type WarningCode\s*=([^;]*);/)[1].matchAll(/"([A-Z0-9_]+)"/g)].map((m) => m[1]);
  assert.ok(warnings.length >= 5, "WarningCode union");
  for (const w of warnings) assert.ok(section.includes(`\`${w}\``), `README "## Error codes" does not name warning ${w}`);
});

test("the package exports exactly the functions and classes its .d.ts declares", () => {
  const dts = readFileSync(join(INSTALLED, "all/index.d.ts"), "utf8");
  const declared = [...dts.matchAll(/^export (?:function|class) (\w+)\b/gm)].map((m) => m[1]).sort();
  const exported = Object.keys(lib).filter((k) => typeof lib[k] === "function" && k !== "default").sort();
  assert.deepEqual(exported, declared);
});
