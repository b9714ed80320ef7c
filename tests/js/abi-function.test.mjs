// `AbiFunction`: a signature parsed once, then encode/decode many times. Every
// case of tests/vectors/generated/abi.json (expected call data from viem and
// ethers) and every encode/decode case of abi-negative.json goes through the
// class and must give exactly what the vector says — the same results as
// abiEncodeCall/abiDecodeCall, which vectors.test.mjs checks on the same files.
// Also: the signature cache behind abiEncodeCall holds more signatures than it
// keeps (32) without changing a result, and wrong inputs give coded errors.

import assert from "node:assert/strict";
import { test } from "node:test";

import { AbiFunction, abiDecodeCall, abiEncodeCall, errorCodes, functionSelector } from "intent-signer";

import { assertCodedError, hex, thrown, toHex, vectorFile } from "./helpers.mjs";

const CODES = errorCodes();
const hex0x = (b) => `0x${toHex(b)}`;
const unhex = (s) => hex(s.startsWith("0x") ? s.slice(2) : s);

/** Leaves of parameters that are literally a placeholder string (encoded as themselves). */
function literalPlaceholders(params, out = {}) {
  for (const p of params) {
    if (Array.isArray(p)) literalPlaceholders(p, out);
    else if (typeof p === "string" && /^\{[A-Z0-9_]+\}$/.test(p)) out[p] = p;
  }
  return out;
}

test("AbiFunction over tests/vectors/generated/abi.json", async (t) => {
  const doc = vectorFile("generated/abi.json");
  assert.ok(doc.cases.length >= 500);
  for (const { id, input, expected: exp } of doc.cases) {
    await t.test(id, () => {
      const f = new AbiFunction(input.functionSignature);
      const literal = literalPlaceholders(input.parameters);
      const options = Object.keys(literal).length ? { placeholders: literal } : undefined;
      assert.equal(f.canonical, exp.canonicalSignature ?? "", `${id}: canonical`);
      if (exp.selector === null || exp.selector === undefined) assert.equal(f.selector, undefined, `${id}: no selector`);
      else assert.equal(hex0x(f.selector), exp.selector, `${id}: selector`);
      const data = f.encode(input.parameters, options);
      assert.equal(hex0x(data), exp.calldata, `${id}: calldata`);
      // The same object encodes again (nothing consumed), and decodes.
      assert.equal(hex0x(f.encode(input.parameters, options)), exp.calldata, `${id}: second encode`);
      const decoded = f.decode(data);
      if (exp.decoded !== undefined) assert.deepEqual(decoded, exp.decoded, `${id}: decoded`);
      f.free();
    });
  }
});

test("AbiFunction over tests/vectors/abi-negative.json (encode and decode cases)", async (t) => {
  const doc = vectorFile("abi-negative.json");
  let ran = 0;
  for (const c of doc.cases) {
    const { id, input } = c;
    if (!["encode", "decode"].includes(c.type) || typeof input?.functionSignature !== "string") continue;
    await t.test(id, () => {
      let f;
      try {
        f = new AbiFunction(input.functionSignature);
      } catch (e) {
        // A signature that does not parse fails at construction, as it fails abiEncodeCall.
        assert.ok(c.error, `${id}: the constructor threw ${e.code ?? e}, the vector expects success`);
        assertCodedError(e, id, CODES, c.error);
        if (c.path !== undefined) assert.equal(e.path, c.path, `${id}: path`);
        ran++;
        return;
      }
      const call = () =>
        c.type === "encode"
          ? f.encode(input.parameters, input.placeholders ? { placeholders: input.placeholders } : undefined)
          : f.decode(unhex(input.calldata));
      if (c.error) {
        const e = thrown(call, id);
        assertCodedError(e, id, CODES, c.error);
        if (c.path !== undefined) assert.equal(e.path, c.path, `${id}: path`);
      } else if (c.expected?.calldata !== undefined) {
        assert.equal(hex0x(call()), c.expected.calldata, `${id}: calldata`);
      } else {
        call();
      }
      ran++;
    });
  }
  assert.ok(ran >= 20, `ran ${ran} negative cases through AbiFunction`);
});

test("the signature cache: many distinct signatures in turn give the same bytes as fresh parses", () => {
  // 100 signatures (more than the 32 kept), each used twice, interleaved.
  const doc = vectorFile("generated/abi.json");
  const cases = doc.cases.filter((c) => c.expected.selector && !Object.keys(literalPlaceholders(c.input.parameters)).length).slice(0, 100);
  assert.ok(cases.length >= 50);
  for (let round = 0; round < 2; round++) {
    for (const { id, input, expected: exp } of cases) {
      assert.equal(hex0x(abiEncodeCall(input.functionSignature, input.parameters)), exp.calldata, `${id} round ${round}`);
      assert.equal(hex0x(functionSelector(input.functionSignature)), exp.selector, `${id} selector round ${round}`);
      assert.deepEqual(abiDecodeCall(input.functionSignature, unhex(exp.calldata)), exp.decoded ?? abiDecodeCall(input.functionSignature, unhex(exp.calldata)));
    }
  }
  // A failed parse is not cached: the same bad text fails again, with its code.
  for (let i = 0; i < 2; i++) {
    assertCodedError(thrown(() => abiEncodeCall("f(uint257)", ["1"]), "uint257"), "uint257", CODES, "INVALID_FUNCTION_SIGNATURE");
  }
});

test("AbiFunction: wrong inputs give coded errors and leave the object usable", () => {
  for (const bad of [undefined, null, 1, 1n, {}, [], Symbol("s"), () => 0]) {
    const e = thrown(() => new AbiFunction(bad), `new AbiFunction(${typeof bad})`);
    assertCodedError(e, "constructor", CODES, "INVALID_TYPE");
    assert.equal(e.path, "functionSignature");
  }
  const f = new AbiFunction("transfer(address,uint256)");
  const to = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";
  for (const [bad, code, path] of [
    [undefined, "INVALID_TYPE", "parameters"],
    ["x", "INVALID_TYPE", "parameters"],
    [[to], "ABI_ARITY_MISMATCH", "parameters"],
    [[to, "-1"], "INVALID_NUMBER", "parameters[1]"],
    [["0x833589fcD6eDb6E08f4c7C32D4f71b54bdA02913", "1"], "INVALID_CHECKSUM", "parameters[0]"],
  ]) {
    const e = thrown(() => f.encode(bad), `encode(${JSON.stringify(bad)})`);
    assertCodedError(e, "encode", CODES, code);
    assert.equal(e.path, path);
  }
  assertCodedError(thrown(() => f.encode([to, "{MIN_AMOUNT_OUT}"]), "unresolved"), "encode", CODES, "UNRESOLVED_PLACEHOLDER");
  for (const [bad, code] of [
    ["0xa9059cbb", "INVALID_TYPE"],
    [new Uint8Array([1, 2, 3, 4]), "SELECTOR_MISMATCH"],
    [unhex("0xa9059cbb00"), "ABI_DECODE_FAILED"],
  ]) {
    assertCodedError(thrown(() => f.decode(bad), `decode(${bad})`), "decode", CODES, code);
  }
  // Still works, and agrees with the one-shot function.
  const data = f.encode([to, { toString: () => "1" }.toString()]);
  assert.equal(hex0x(data), hex0x(abiEncodeCall("transfer(address,uint256)", [to, "1"])));
  assert.deepEqual(f.decode(data), [to, "1"]);
  // A bare value transfer: no selector, empty call data.
  const v = new AbiFunction("");
  assert.equal(v.selector, undefined);
  assert.equal(v.canonical, "");
  assert.equal(v.encode([]).length, 0);
  assert.deepEqual(v.decode(new Uint8Array()), []);
});
