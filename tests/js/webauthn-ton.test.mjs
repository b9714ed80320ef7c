// The webauthn and ton_connect vectors (and the intents SDK's intent hashes of
// every standard) through the JS API of the built package. The JS counterpart
// of tests/runner/passkey_ton.rs: every expected value comes from the files.

import assert from "node:assert/strict";
import { test } from "node:test";

import { decodeIntent, errorCodes, implicitAccountId, verifyMultiPayload } from "intent-signer";

import { assertCodedError, vectorFile } from "./helpers.mjs";

const CODES = errorCodes();
const FILES = {
  webauthn: vectorFile("generated/webauthn.json"),
  ton: vectorFile("generated/ton_connect.json"),
  upstream: vectorFile("webauthn-ton-upstream.json"),
  sdk: vectorFile("generated/intent-hash-sdk.json"),
};
function thrown(fn, what) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return assert.fail(`${what} did not throw`);
}

function multiPayloadCase(c) {
  const { id } = c;
  const mp = c.input.multiPayload;
  if (c.error) {
    const e = thrown(() => verifyMultiPayload(mp), id);
    assertCodedError(e, id, CODES, c.error);
    if (c.errorPath) assert.equal(e.path, c.errorPath, `${id}: error path`);
    return;
  }
  const exp = c.expected;
  if (exp.verifyError) {
    assertCodedError(thrown(() => verifyMultiPayload(mp), id), id, CODES, exp.verifyError);
  } else {
    const v = verifyMultiPayload(mp);
    assert.deepEqual(verifyMultiPayload(JSON.stringify(mp)), v, `${id}: object and text verify alike`);
    assert.equal(v.standard, mp.standard, `${id}: standard`);
    assert.equal(v.intentHashBase58, exp.intentHash, `${id}: intent hash`);
    assert.equal(v.valid, exp.valid, `${id}: valid`);
    assert.equal(v.publicKey, exp.publicKey, `${id}: public key`);
    assert.equal(v.signerId, exp.signerId, `${id}: signer`);
    assert.deepEqual(
      v.warnings.map((w) => w.code),
      exp.warnings,
      `${id}: warnings`,
    );
    if (v.valid) assert.equal(implicitAccountId(v.publicKey), exp.signerId, `${id}: implicit signer`);
  }
  if (exp.decoded) {
    const d = decodeIntent(mp);
    assert.equal(d.signerId, exp.decoded.signerId, `${id}: decoded signer`);
    assert.equal(d.deadline, exp.decoded.deadline, `${id}: decoded deadline`);
  }
  if (exp.decodeError) assertCodedError(thrown(() => decodeIntent(mp), id), id, CODES, exp.decodeError);
}

for (const [f, doc] of [["generated/webauthn.json", FILES.webauthn], ["generated/ton_connect.json", FILES.ton]]) {
  test(`tests/vectors/${f}`, () => {
    const cases = doc.cases;
    assert.ok(cases.length >= 50);
    for (const c of cases) multiPayloadCase(c);
  });
}

test("tests/vectors/webauthn-ton-upstream.json (MultiPayload and implicit-account cases)", (t) => {
  let run = 0;
  for (const c of FILES.upstream.cases) {
    if (c.type === "multi_payload") multiPayloadCase(c);
    else if (c.type === "implicit_account") {
      assert.equal(implicitAccountId(c.input.publicKey), c.expected.implicitAccountId, c.id);
    } else continue;
    run++;
  }
  t.diagnostic("standard-level cases (webauthn_assertion, ton_sign_data) have no JS export; the Rust runner checks them");
  assert.ok(run >= 3);
});

test("tests/vectors/generated/intent-hash-sdk.json: the SDK's computeIntentHash, all seven standards", () => {
  const cases = FILES.sdk.cases;
  const standards = new Set();
  for (const c of cases) {
    const mp = c.input.multiPayload;
    standards.add(mp.standard);
    assert.equal(verifyMultiPayload(mp).intentHashBase58, c.expected.intentHash, `${c.id}: intent hash`);
  }
  assert.equal(standards.size, 7);
});
