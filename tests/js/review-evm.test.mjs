// tests/vectors/review-evm.json through the built package: the step review
// by selector, the Permit2 review (hex and decimal spellings, chain,
// deadlines) and the EIP-7702 review (known delegates). The JS counterpart
// of run_review_evm in tests/runner/mod.rs: every expected value comes from
// the vector file (viem/ethers and the policy), never from this package.

import assert from "node:assert/strict";
import { test } from "node:test";

import { eip712Hash, errorCodes, reviewEip7702Authorization, reviewPermit2, reviewStep, reviewSteps } from "intent-signer";

import { assertCodedError, thrown, toHex, vectorFile } from "./helpers.mjs";

const CODES = errorCodes();
const doc = vectorFile("review-evm.json");
const SEVERITIES = new Set(["danger", "warning", "info"]);

/** The exact ordered [{code, severity, path}], after checking every warning's shape. */
function triples(warnings, id) {
  assert.ok(Array.isArray(warnings), `${id}: warnings is an array`);
  return warnings.map((w) => {
    assert.deepEqual(Object.keys(w).sort(), ["code", "message", "path", "severity"], `${id}: warning shape`);
    assert.ok(SEVERITIES.has(w.severity), `${id}: severity ${w.severity}`);
    assert.ok(typeof w.message === "string" && w.message.length > 0, `${id}: message`);
    assert.ok(!/[\u0000-\u001f\u007f-\u009f\u2028-\u202e]/u.test(w.message), `${id}: no control character in the message`);
    return { code: w.code, severity: w.severity, path: w.path };
  });
}

const hex0x = (bytes) => `0x${toHex(bytes)}`;

test("tests/vectors/review-evm.json", async (t) => {
  assert.ok(doc.cases.length >= 40, "at least 40 cases");
  const types = new Set();
  for (const c of doc.cases) {
    types.add(c.type);
    await t.test(c.id, () => {
      const { input, expected: exp } = c;
      let warnings;
      switch (c.type) {
        case "review_step": {
          const r = reviewStep(input.step, input.options);
          assert.equal(r.selector, exp.selector, `${c.id}: selector`);
          assert.equal(r.calldata === null ? null : hex0x(r.calldata), exp.calldata, `${c.id}: calldata`);
          // reviewSteps reviews the same step alike (paths stay relative to the step).
          const [again] = reviewSteps([input.step], input.options);
          assert.deepEqual(triples(again.warnings, c.id), triples(r.warnings, c.id), `${c.id}: reviewSteps agrees`);
          warnings = r.warnings;
          break;
        }
        case "review_permit2": {
          assert.equal(hex0x(eip712Hash(input.typedData)), exp.digest, `${c.id}: digest (viem/ethers)`);
          const r = reviewPermit2(input.typedData, input.options);
          assert.ok(r.lines.length >= 3, `${c.id}: lines`);
          warnings = r.warnings;
          break;
        }
        case "review_eip7702":
          warnings = reviewEip7702Authorization(input.authorization, input.options);
          break;
        default:
          assert.fail(`${c.id}: unknown case type ${c.type}`);
      }
      assert.deepEqual(triples(warnings, c.id), exp.warnings, `${c.id}: warnings`);
    });
  }
  assert.deepEqual([...types].sort(), ["review_eip7702", "review_permit2", "review_step"]);
});

test("two signatures with one selector get one review", () => {
  const byId = Object.fromEntries(doc.cases.map((c) => [c.id, c]));
  for (const [a, b] of [
    ["collision-approve", "collision-sign-szabo"],
    ["approve-2^255-hex", "approve-named-params"],
    ["approve-2^255-hex", "approve-2^255-decimal"],
    ["permit2-approve-max160-hex", "permit2-approve-max160-decimal"],
  ]) {
    const ra = reviewStep(byId[a].input.step, byId[a].input.options);
    const rb = reviewStep(byId[b].input.step, byId[b].input.options);
    assert.equal(ra.selector, rb.selector, `${a} / ${b}: selector`);
    assert.deepEqual(ra.warnings, rb.warnings, `${a} / ${b}: the same warnings, messages included`);
  }
});

test("the new options are parsed strictly", () => {
  const step = doc.cases.find((c) => c.id === "p2-single-bounded").input.typedData;
  const auth = doc.cases.find((c) => c.id === "7702-unknown-delegate").input.authorization;
  for (const [what, f, code, path] of [
    ["expectedChainId -1", () => reviewPermit2(step, { expectedChainId: -1 }), "INVALID_NUMBER", "options.expectedChainId"],
    ["expectedChainId 1.5", () => reviewPermit2(step, { expectedChainId: 1.5 }), "INVALID_NUMBER", "options.expectedChainId"],
    ["expectedChainId \"one\"", () => reviewPermit2(step, { expectedChainId: "one" }), "INVALID_NUMBER", "options.expectedChainId"],
    ["an unknown Permit2 option", () => reviewPermit2(step, { chainId: 1 }), "UNKNOWN_FIELD", "options.chainId"],
    ["knownDelegates not an array", () => reviewEip7702Authorization(auth, { knownDelegates: "0x" }), "INVALID_TYPE", "options.knownDelegates"],
    ["knownDelegates with a bad address", () => reviewEip7702Authorization(auth, { knownDelegates: ["0x12"] }), "INVALID_ADDRESS", "options.knownDelegates[0]"],
    ["an unknown 7702 option", () => reviewEip7702Authorization(auth, { knownDelegate: [] }), "UNKNOWN_FIELD", "options.knownDelegate"],
  ]) {
    const e = thrown(f, what);
    assertCodedError(e, what, CODES, code);
    assert.equal(e.path, path, `${what}: path`);
  }
  // bigint and hex chain ids are values like any other.
  assert.deepEqual(reviewPermit2(step, { expectedChainId: 1n, knownSpenders: [step.message.spender] }).warnings, []);
  assert.deepEqual(reviewPermit2(step, { expectedChainId: 2n, knownSpenders: [step.message.spender] }).warnings.map((w) => w.code), ["CHAIN_MISMATCH"]);
});
