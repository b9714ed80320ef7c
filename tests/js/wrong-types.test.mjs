// One shared table of wrong-typed inputs, looped over every export of the
// built package and every parameter position (the other parameters valid).
// Each must throw a coded Error, except where the value is legitimately
// accepted (listed in ACCEPTED below). Afterwards every export is called once
// more with valid input and checked against vector values: a panic inside the
// wasm module would leave it unusable.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import * as lib from "intent-signer";

import { INSTALLED, assertCodedError, b58decode, b58encode, hex, inspectShort, toHex, vectorFile } from "./helpers.mjs";

const CODES = lib.errorCodes();

// ------------------------------------------------------------ valid inputs
// All from the vector files.
const byId = (file) => Object.fromEntries(vectorFile(file).cases.map((c) => [c.id, c]));
const UP = byId("upstream.json");
const ERC = UP["V-ERC191-1-v28"]; // message, wallet signature, secret key, hashes
const TIP = UP["V-TIP191-1"];
const ED = UP["V-ED25519-1"];
const IMPLICIT = UP["V-IMPLICIT-ed25519"];
const NEP1 = UP["V-NEP413-1"]; // payload, publicKey, signature (valid)
const NEP2 = UP["V-NEP413-2"]; // payload with callbackUrl, NEAR secret key
const RAW = UP["V-RAW-2"]; // a valid raw_ed25519 MultiPayload
const SEP = byId("generated/sep53.json")["sep53-001"];
const GEN_NEP = byId("generated/nep413.json")["nep413-043"]; // a transfer intent in a NEP-413 payload
const NEAR_SEED = b58decode(NEP2.input.secretKey.slice("ed25519:".length)).slice(0, 32);
const RAW_SEED = hex(byId("generated/raw_ed25519.json")["raw_ed25519-001"].input.seed);
const RAW_GEN = byId("generated/raw_ed25519.json")["raw_ed25519-001"];
const MESSAGE = RAW.input.multiPayload.payload; // DefusePayload JSON text
const AURORA = byId("abi-aurora.json");
const FEE = AURORA["aurora-002"]; // transfer(address,uint256), no placeholders
const SUPPLY = AURORA["aurora-005"]; // a step with a {MIN_AMOUNT_OUT} placeholder
const ABI_NEG = byId("abi-negative.json");
const REVIEW = ABI_NEG["review-fee"]; // a step, options and the expected review
const hex0x = (b) => `0x${toHex(b)}`;
const NOW_BEFORE = Date.parse("2030-01-01T00:00:00Z"); // before every deadline used here
const OPTIONS = { verifyingContract: "intents.near", now: NOW_BEFORE, publicKey: RAW.input.multiPayload.public_key };

/**
 * Every export: its parameters [name, kind, valid value] and a check of the
 * valid call's result against vector values.
 */
const EXPORTS = {
  buildInfo: {
    params: [],
    check: (r) => {
      assert.equal(typeof r.version, "string");
      assert.match(r.version, /^\d+\.\d+\.\d+/);
      assert.equal(typeof r.gitHead, "string");
      assert.match(r.rustc, /^rustc /);
      const pkg = JSON.parse(readFileSync(join(INSTALLED, "package.json"), "utf8"));
      assert.equal(r.version, pkg.version, "buildInfo().version = package.json version");
    },
  },
  bytesToHex: {
    params: [["bytes", "bytes", () => hex(ERC.expected.hash)]],
    check: (r) => assert.equal(r, ERC.expected.hash),
  },
  hexToBytes: {
    params: [["hex", "hexString", () => `0x${ERC.expected.hash}`]],
    check: (r) => assert.equal(toHex(r), ERC.expected.hash),
  },
  implicitAccountId: {
    params: [["publicKey", "keyString", () => IMPLICIT.input.publicKey]],
    check: (r) => assert.equal(r, IMPLICIT.expected.accountId),
  },
  erc191Preimage: {
    params: [["message", "message", () => ERC.input.message]],
    check: (r) => assert.equal(toHex(r), ERC.expected.preimage),
  },
  erc191Hash: {
    params: [["message", "message", () => ERC.input.message]],
    check: (r) => assert.equal(toHex(r), ERC.expected.hash),
  },
  erc191Recover: {
    params: [
      ["message", "message", () => ERC.input.message],
      ["signature", "bytes65", () => hex(ERC.input.signature)],
    ],
    check: (r) => assert.equal(r.toLowerCase(), ERC.expected.signerId),
  },
  erc191Sign: {
    params: [
      ["message", "message", () => ERC.input.message],
      ["secretKey", "bytes32", () => hex(ERC.input.secretKey)],
    ],
    check: (r) => assert.equal(toHex(r), ERC.expected.signatureNormalized),
  },
  tip191Preimage: {
    params: [["message", "message", () => "Hello, TRON!"]],
    check: (r) => assert.equal(toHex(r), byId("generated/tip191.json")["tip191-001"].expected.preimage),
  },
  tip191Hash: {
    params: [["message", "message", () => TIP.input.message]],
    check: (r) => assert.equal(toHex(r), TIP.expected.hash),
  },
  tip191Recover: {
    params: [
      ["message", "message", () => TIP.input.message],
      ["signature", "bytes65", () => hex(TIP.input.signature)],
    ],
    check: (r) => assert.equal(r.toLowerCase(), TIP.expected.signerId),
  },
  nep413Preimage: {
    params: [["payload", "nep413", () => ({ ...NEP1.input.payload })]],
    check: (r) => assert.equal(toHex(r), NEP1.expected.preimage),
  },
  nep413Hash: {
    params: [["payload", "nep413", () => ({ ...NEP1.input.payload })]],
    check: (r) => assert.equal(toHex(r), NEP1.expected.hash),
  },
  nep413Verify: {
    params: [
      ["payload", "nep413", () => ({ ...NEP1.input.payload })],
      ["publicKey", "keyString", () => NEP1.input.publicKey],
      ["signature", "keyString", () => NEP1.input.signature],
    ],
    check: (r) => assert.equal(r, true),
  },
  nep413Sign: {
    params: [
      ["payload", "nep413", () => ({ ...NEP2.input.payload })],
      ["seed", "bytes32", () => NEAR_SEED.slice()],
    ],
    check: (r) => assert.equal(toHex(b58decode(r.slice("ed25519:".length))), toHex(Buffer.from(NEP2.expected.signatureBase64, "base64"))),
  },
  sep53Hash: {
    params: [["message", "message", () => SEP.input.payload]],
    check: (r) => assert.equal(toHex(r), SEP.expected.hash),
  },
  ed25519Verify: {
    params: [
      ["publicKey", "bytes32", () => hex(ED.input.publicKeyHex)],
      ["message", "bytes", () => hex(ED.input.messageHex)],
      ["signature", "bytes64", () => hex(ED.input.signatureHex)],
    ],
    check: (r) => assert.equal(r, true),
  },
  ed25519Sign: {
    params: [
      ["message", "bytes", () => new TextEncoder().encode(RAW_GEN.input.payload)],
      ["seed", "bytes32", () => RAW_SEED.slice()],
    ],
    check: (r) => assert.equal(toHex(r), RAW_GEN.expected.signatureHex),
  },
  ed25519PublicKey: {
    params: [["seed", "bytes32", () => RAW_SEED.slice()]],
    check: (r) => assert.equal(toHex(r), RAW_GEN.expected.publicKeyHex),
  },
  verifyMultiPayload: {
    params: [["multiPayload", "multiPayload", () => structuredClone(RAW.input.multiPayload)]],
    check: (r) => {
      assert.equal(r.valid, true);
      assert.equal(r.intentHashBase58, RAW.expected.intentHash);
      assert.equal(r.signerId, RAW.expected.signerId);
      assert.equal(r.publicKey, RAW.expected.publicKey);
    },
  },
  decodeIntent: {
    params: [
      ["multiPayload", "multiPayload", () => structuredClone(GEN_NEP.expected.multiPayload)],
      ["options", "options", () => ({ verifyingContract: "intents.near", now: NOW_BEFORE, publicKey: GEN_NEP.expected.publicKey })],
    ],
    check: (r) => checkDecodedGenNep(r),
  },
  decodeIntentMessage: {
    params: [
      ["payload", "intentMessage", () => MESSAGE],
      ["options", "options", () => ({ ...OPTIONS })],
    ],
    check: (r) => {
      assert.equal(r.signerId, RAW.expected.signerId);
      assert.equal(r.verifyingContract, "intents.near");
      assert.equal(r.deadline, JSON.parse(MESSAGE).deadline);
      assert.equal(r.nonce, JSON.parse(MESSAGE).nonce);
    },
  },
  abiEncodeCall: {
    params: [
      ["functionSignature", "functionSignature", () => FEE.input.functionSignature],
      ["parameters", "parameters", () => structuredClone(FEE.input.parameters)],
      ["options", "abiOptions", () => ({ placeholders: {} })],
    ],
    check: (r) => assert.equal(hex0x(r), FEE.expected.calldata),
  },
  abiDecodeCall: {
    params: [
      ["functionSignature", "functionSignature", () => FEE.input.functionSignature],
      ["calldata", "bytes", () => hex(FEE.expected.calldata.slice(2))],
    ],
    check: (r) => assert.deepEqual(r, FEE.expected.decoded),
  },
  functionSelector: {
    params: [["functionSignature", "functionSignature", () => FEE.input.functionSignature]],
    check: (r) => assert.equal(hex0x(r), FEE.expected.selector),
  },
  stepPlaceholders: {
    params: [["step", "step", () => structuredClone(SUPPLY.input)]],
    // aurora-005's one placeholder: the second parameter.
    check: (r) => assert.deepEqual(r, [{ path: "parameters[1]", placeholder: SUPPLY.input.parameters[1] }]),
  },
  validateStep: {
    params: [["step", "step", () => structuredClone(FEE.input)]],
    check: (r) => assert.equal(r, undefined),
  },
  validateSteps: {
    params: [["steps", "steps", () => [structuredClone(FEE.input), structuredClone(SUPPLY.input)]]],
    check: (r) => assert.equal(r, undefined),
  },
  reviewStep: {
    params: [
      ["step", "step", () => structuredClone(REVIEW.input.step)],
      ["options", "reviewOptions", () => structuredClone(REVIEW.input.options)],
    ],
    check: (r) => {
      assert.deepEqual(r.warnings.map((w) => w.code), REVIEW.expected.warnings);
      assert.equal(r.functionName, REVIEW.expected.functionName);
      assert.equal(r.selector, REVIEW.expected.selector);
    },
    // Other options give other warnings; the call itself is the same.
    looseCheck: (r) => {
      assert.equal(r.functionName, REVIEW.expected.functionName);
      assert.equal(r.selector, REVIEW.expected.selector);
    },
  },
  reviewSteps: {
    params: [
      ["steps", "steps", () => [structuredClone(FEE.input), structuredClone(SUPPLY.input)]],
      ["options", "reviewOptions", () => ({ placeholders: structuredClone(SUPPLY.placeholders) })],
    ],
    check: (r) => assert.deepEqual(r.map((x) => hex0x(x.calldata)), [FEE.expected.calldata, SUPPLY.expected.calldata]),
    // Without the placeholder value, the second step has no call data.
    looseCheck: (r) => assert.equal(hex0x(r[0].calldata), FEE.expected.calldata),
  },
  errorCodes: {
    params: [],
    check: (r) => {
      assert.ok(Array.isArray(r));
      assert.deepEqual(r, CODES);
    },
  },
};

function checkDecodedGenNep(r) {
  const exp = GEN_NEP.expected;
  assert.equal(r.signerId, exp.signerId);
  assert.equal(r.signerKind, "near_implicit");
  assert.equal(r.verifyingContract, exp.verifyingContract);
  assert.equal(r.deadline, exp.deadline);
  assert.deepEqual(r.nonceInfo, { version: "v1", salt: exp.nonce.salt, deadlineNs: exp.nonce.deadlineNs, random: exp.nonce.random });
  // The intents, as the message states them.
  assert.deepEqual(r.intents, JSON.parse(GEN_NEP.input.payload.message).intents);
}

// ------------------------------------------------------ the wrong values
// For arrays (parameters, steps) "extra field" appends an element and
// "missing field" drops the last one.
const hasBogus = (v) => {
  if (Array.isArray(v)) return [...v, { bogus: 1 }];
  return v && typeof v === "object" ? { ...v, bogus: 1 } : { bogus: 1 };
};
const withoutOne = (v) => {
  if (Array.isArray(v)) return v.slice(0, -1);
  if (!v || typeof v !== "object") return {};
  const keys = Object.keys(v);
  // Drop a required field: signature of a MultiPayload, nonce of a NEP-413
  // payload, value of a step, the last field of options.
  const drop = "standard" in v ? "signature" : "message" in v && "nonce" in v ? "nonce" : "functionSignature" in v ? "value" : keys[keys.length - 1];
  const out = { ...v };
  delete out[drop];
  return out;
};

/** Parameter names the .d.ts gets wrong: table name → .d.ts name. */
const KNOWN_PARAM_NAME_BUGS = {};

/** [name, make(validValue)] — the shared table. */
const WRONG = [
  ["number 1", () => 1],
  ["NaN", () => NaN],
  ["Infinity", () => Infinity],
  ["bigint 1n", () => 1n],
  ["boolean", () => true],
  ['string "0xbe"', () => "0xbe"],
  ["lone surrogate", () => "\ud800"],
  ["String object", () => new String("x")],
  ["ArrayBuffer(32)", () => new ArrayBuffer(32)],
  ["Uint16Array(16)", () => new Uint16Array(16)],
  ["Uint8ClampedArray(32)", () => new Uint8ClampedArray(32)],
  ["Int8Array(32)", () => new Int8Array(32)],
  ["DataView", () => new DataView(new ArrayBuffer(32))],
  ["array of 32 numbers", () => new Array(32).fill(1)],
  ["null", () => null],
  ["undefined", () => undefined],
  ["{}", () => ({})],
  ["Date", () => new Date(0)],
  ["symbol", () => Symbol("s")],
  ["function", () => () => {}],
  ["extra field", (v) => hasBogus(v)],
  ["missing field", (v) => withoutOne(v)],
];

const isString = (w) => w === 'string "0xbe"' || w === "lone surrogate";

/**
 * What a wrong value in a parameter of a given kind must give:
 * { code, path } or { accept: check(result) } for a documented exception.
 */
function expectation(fn, param, kind, w) {
  const top = (code) => ({ code, path: param });
  switch (kind) {
    case "bytes":
    case "bytes32":
    case "bytes64":
    case "bytes65":
      return top("INVALID_TYPE");
    case "message":
      // Messages accept any string (its UTF-8 bytes): "0xbe" is the 4-byte text, not hex.
      if (w === 'string "0xbe"') {
        return {
          accept: (r) => {
            assert.ok(typeof r === "string" || r instanceof Uint8Array, "a result");
            if (fn.endsWith("Preimage")) assert.ok(toHex(r).endsWith("34" + "30786265"), `${fn}: "4" ‖ "0xbe" as text`);
          },
        };
      }
      return top(w === "lone surrogate" ? "INVALID_STRING" : "INVALID_TYPE");
    case "hexString":
      if (w === 'string "0xbe"') return { accept: (r) => assert.equal(toHex(r), "be") };
      return top(w === "lone surrogate" ? "INVALID_STRING" : "INVALID_TYPE");
    case "keyString":
      // "0xbe": a string, but '0' is not base58.
      if (w === 'string "0xbe"') return top("INVALID_BASE58");
      return top(w === "lone surrogate" ? "INVALID_STRING" : "INVALID_TYPE");
    case "nep413":
    case "intentMessage":
    case "multiPayload": {
      // Paths inside a MultiPayload are relative to it ("standard"), so the
      // MultiPayload itself, and JSON text as a whole, may have no path.
      const rootPaths = kind === "nep413" ? [param] : [param, undefined];
      if (isString(w) && kind !== "nep413") {
        // A string here is JSON text.
        return { code: w === "lone surrogate" ? "INVALID_STRING" : "INVALID_JSON", path: rootPaths };
      }
      if (w === "lone surrogate") return top("INVALID_STRING");
      const fieldPrefix = kind === "multiPayload" ? /^(standard|payload|signature|public_key)$/ : /^payload\.(message|nonce|recipient)$/;
      if (w === "{}") return { code: "MISSING_FIELD", path: fieldPrefix };
      if (w === "missing field") return { code: "MISSING_FIELD", path: kind === "multiPayload" ? "signature" : "payload.nonce" };
      if (w === "extra field") {
        // A MultiPayload is read as the verifier reads it: unknown fields are ignored.
        if (kind === "multiPayload") return { accept: (r) => EXPORTS[fn].check(r) };
        return { code: "UNKNOWN_FIELD", path: "payload.bogus" };
      }
      return { code: "INVALID_TYPE", path: rootPaths };
    }
    case "options":
    case "abiOptions":
    case "reviewOptions":
      // Optional: absent (undefined or null), empty, or without one of its optional fields.
      if (w === "undefined" || w === "null" || w === "{}" || w === "missing field") {
        return { accept: (r) => (EXPORTS[fn].looseCheck ?? EXPORTS[fn].check)(r) };
      }
      if (w === "extra field") return { code: "UNKNOWN_FIELD", path: "options.bogus" };
      return top("INVALID_TYPE");
    case "functionSignature":
      // "0xbe" is a string, but not a signature.
      if (w === 'string "0xbe"') {
        return top("INVALID_FUNCTION_SIGNATURE");
      }
      return top(w === "lone surrogate" ? "INVALID_STRING" : "INVALID_TYPE");
    case "parameters":
      if (w === "lone surrogate") return top("INVALID_STRING");
      // An array of the wrong length: 32 numbers, one more, one fewer.
      if (w === "array of 32 numbers" || w === "extra field" || w === "missing field") return top("ABI_ARITY_MISMATCH");
      return top("INVALID_TYPE");
    case "step": {
      // Paths inside a step are relative to it ("to", "value"); the step
      // itself may have no path.
      if (w === "lone surrogate") return top("INVALID_STRING");
      if (w === "{}") return { code: "MISSING_FIELD", path: "to" };
      if (w === "missing field") return { code: "MISSING_FIELD", path: "value" };
      if (w === "extra field") return { code: "UNKNOWN_FIELD", path: "bogus" };
      return { code: "INVALID_TYPE", path: [param, undefined] };
    }
    case "steps":
      if (w === "lone surrogate") return top("INVALID_STRING");
      if (w === "array of 32 numbers") return top("TOO_MANY_STEPS"); // more than 30, whatever they are
      if (w === "extra field") return { code: "UNKNOWN_FIELD", path: "steps[2].bogus" };
      // One step fewer is still a valid list.
      if (w === "missing field") return { accept: (r) => (EXPORTS[fn].looseCheck ?? EXPORTS[fn].check)(r) };
      return top("INVALID_TYPE");
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

/** `expected`: a path, a list of allowed paths (undefined = none), or a RegExp. */
function assertPath(actual, expected, what) {
  if (expected instanceof RegExp) assert.match(String(actual), expected, what);
  else if (Array.isArray(expected)) assert.ok(expected.includes(actual), `${what}: ${actual} not in ${expected}`);
  else assert.equal(actual, expected, what);
}

function call(fn, args) {
  return lib[fn](...args);
}

function validArgs(name) {
  return EXPORTS[name].params.map(([, , valid]) => valid());
}

test("the table covers every export of the .d.ts with its parameter names", () => {
  const dts = readFileSync(join(INSTALLED, "bundler/intent_signer.d.ts"), "utf8");
  const declared = Object.fromEntries(
    [...dts.matchAll(/^export function (\w+)\(([^)]*)\)/gm)].map((m) => [
      m[1],
      m[2]
        .split(",")
        .map((p) => p.trim().split(/[?:]/)[0])
        .filter(Boolean),
    ]),
  );
  assert.deepEqual(Object.keys(EXPORTS).sort(), Object.keys(declared).sort(), "exports in the table = exports in the .d.ts");
  for (const [name, { params }] of Object.entries(EXPORTS)) {
    assert.deepEqual(
      params.map(([p]) => KNOWN_PARAM_NAME_BUGS[`${name}.${p}`] ?? p),
      declared[name],
      `${name}: parameter names`,
    );
  }
});

test("every export with valid input, before the wrong values", () => {
  for (const [name, spec] of Object.entries(EXPORTS)) spec.check(call(name, validArgs(name)));
});


test("wrong-typed input in every parameter of every export", async (t) => {
  let thrownCount = 0;
  let accepted = 0;
  for (const [fn, spec] of Object.entries(EXPORTS)) {
    await t.test(fn, () => {
      if (spec.params.length === 0) {
        // No parameters: extra arguments are ignored, as in any JS function.
        for (const [w, make] of WRONG) spec.check(call(fn, [make(undefined)]), `${fn}(${w})`);
        return;
      }
      spec.params.forEach(([param, kind, valid], i) => {
        for (const [w, make] of WRONG) {
          const args = validArgs(fn);
          args[i] = make(valid());
          const what = `${fn}: ${param} = ${w}`;
          const exp = expectation(fn, param, kind, w);
          let result;
          let error;
          let threw = false;
          try {
            result = call(fn, args);
          } catch (e) {
            threw = true;
            error = e;
          }
          if (exp.accept) {
            assert.ok(!threw, `${what}: documented as accepted, threw ${error?.code} ${error?.message}`);
            exp.accept(result);
            accepted++;
          } else {
            assert.ok(threw, `${what}: expected ${exp.code}, returned ${inspectShort(result)}`);
            assertCodedError(error, what, CODES, exp.code);
            assertPath(error.path, exp.path, `${what}: path (${error.message})`);
            thrownCount++;
          }
        }
      });
    });
  }
  t.diagnostic(`${thrownCount} wrong inputs threw the expected coded error; ${accepted} documented as accepted`);
  assert.ok(thrownCount > 300, `${thrownCount} wrong inputs checked`);
});


test("missing arguments and calls with no arguments", () => {
  for (const [fn, spec] of Object.entries(EXPORTS)) {
    const required = spec.params.filter(([, kind]) => kind !== "options");
    if (required.length === 0) continue;
    let e;
    try {
      lib[fn]();
    } catch (err) {
      e = err;
    }
    assert.ok(e, `${fn}() must throw`);
    assertCodedError(e, `${fn}()`, CODES);
    assert.equal(e.path, required[0][0], `${fn}(): path`);
  }
});

/** A plain object nested `depth` levels ({a: {a: …}}), and the same as JSON text. */
function deep(depth, leaf = 1) {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
function deepArray(depth) {
  let v = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

test("deeply nested input → INVALID_JSON, never a crash", () => {
  for (const depth of [200, 10000]) {
    const obj = deep(depth);
    const arr = deepArray(depth);
    const cases = [
      ["verifyMultiPayload(object)", () => lib.verifyMultiPayload(obj)],
      ["verifyMultiPayload(array)", () => lib.verifyMultiPayload(arr)],
      ["decodeIntent(object)", () => lib.decodeIntent(obj)],
      ["decodeIntentMessage(object)", () => lib.decodeIntentMessage(obj)],
      ["nep413Hash(object)", () => lib.nep413Hash(obj)],
      ["nep413Hash(nested in message)", () => lib.nep413Hash({ ...NEP1.input.payload, message: obj })],
      ["verifyMultiPayload(nested in a field)", () => lib.verifyMultiPayload({ ...RAW.input.multiPayload, extra: obj })],
      ["validateStep(object)", () => lib.validateStep(obj)],
      ["validateSteps(array)", () => lib.validateSteps(arr)],
      ["stepPlaceholders(object)", () => lib.stepPlaceholders(obj)],
      ["reviewStep(deep metadata)", () => lib.reviewStep({ ...FEE.input, metadata: obj })],
      ["reviewSteps(deep metadata)", () => lib.reviewSteps([{ ...FEE.input, metadata: obj }])],
      ["abiEncodeCall(deep parameters)", () => lib.abiEncodeCall(FEE.input.functionSignature, arr)],
      ["abiEncodeCall(deep placeholders)", () => lib.abiEncodeCall(FEE.input.functionSignature, FEE.input.parameters, { placeholders: obj })],
      ["verifyMultiPayload(JSON text)", () => lib.verifyMultiPayload('{"a":'.repeat(depth) + "1" + "}".repeat(depth))],
      ["verifyMultiPayload(JSON text of arrays)", () => lib.verifyMultiPayload("[".repeat(depth) + "]".repeat(depth))],
      [
        "decodeIntentMessage(deep intents in the text)",
        () => lib.decodeIntentMessage(MESSAGE.replace('"intents":[]', `"intents":[${'{"intent":"x","a":'.repeat(depth)}1${"}".repeat(depth)}]`)),
      ],
      [
        "verifyMultiPayload(deep payload text)",
        () => lib.verifyMultiPayload({ ...RAW.input.multiPayload, payload: MESSAGE.replace('"intents":[]', `"intents":${"[".repeat(depth)}${"]".repeat(depth)}`) }),
      ],
    ];
    for (const [what, f] of cases) {
      let e;
      try {
        f();
      } catch (err) {
        e = err;
      }
      assert.ok(e, `${what} depth ${depth}: must throw`);
      assertCodedError(e, `${what} depth ${depth}`, CODES, "INVALID_JSON");
    }
    // Not JSON-read, so a type error: a deep object as options.now.
    const e = (() => {
      try {
        lib.decodeIntentMessage(MESSAGE, { now: obj });
      } catch (err) {
        return err;
      }
    })();
    assertCodedError(e, "options.now = deep object", CODES, "INVALID_TYPE");
  }
  // Depth 100 is fine where any value is allowed (an unknown field is ignored).
  assert.equal(lib.verifyMultiPayload({ ...RAW.input.multiPayload, extra: deep(100) }).valid, true);
});

test("__proto__ / constructor keys as input: a coded error or a correct result", () => {
  const nepWithProto = JSON.parse(`{"message":"m","nonce":${JSON.stringify(NEP1.input.payload.nonce)},"recipient":"r","__proto__":{"x":1}}`);
  assert.ok(Object.hasOwn(nepWithProto, "__proto__"));
  for (const [what, f, code, path] of [
    ["nep413Hash(own __proto__)", () => lib.nep413Hash(nepWithProto), "UNKNOWN_FIELD", "payload.__proto__"],
    ["nep413Hash(own constructor)", () => lib.nep413Hash({ ...NEP1.input.payload, constructor: "x" }), "UNKNOWN_FIELD", "payload.constructor"],
    ["options with own __proto__", () => lib.decodeIntentMessage(MESSAGE, JSON.parse('{"__proto__":{"now":1}}')), "UNKNOWN_FIELD", "options.__proto__"],
    ["options with constructor", () => lib.decodeIntentMessage(MESSAGE, { constructor: 1 }), "UNKNOWN_FIELD", "options.constructor"],
  ]) {
    let e;
    try {
      f();
    } catch (err) {
      e = err;
    }
    assert.ok(e, `${what}: must throw`);
    assertCodedError(e, what, CODES, code);
    assert.equal(e.path, path, `${what}: path`);
  }
  // A polluted-looking prototype is not read: only own keys count.
  const inherited = Object.create({ bogus: 1, callbackUrl: "http://evil" });
  Object.assign(inherited, NEP1.input.payload);
  // Not a plain object (its prototype is not Object.prototype): refused.
  let e;
  try {
    lib.nep413Hash(inherited);
  } catch (err) {
    e = err;
  }
  assert.ok(e, "object with a custom prototype must be refused");
  assertCodedError(e, "custom prototype", CODES, "INVALID_TYPE");
  // Null-prototype objects are plain: accepted, same result.
  const bare = Object.assign(Object.create(null), NEP1.input.payload);
  assert.equal(toHex(lib.nep413Hash(bare)), NEP1.expected.hash);
  // A MultiPayload with own __proto__/constructor keys: ignored (as unknown fields), correct result.
  const mp = JSON.parse(JSON.stringify(RAW.input.multiPayload).replace(/^\{/, '{"__proto__":{"valid":false},"constructor":"x",'));
  assert.ok(Object.hasOwn(mp, "__proto__"));
  const v = lib.verifyMultiPayload(mp);
  EXPORTS.verifyMultiPayload.check(v);
  // The same keys inside the signed message text do not break decoding.
  const text = MESSAGE.replace('{"signer_id"', '{"__proto__":{"signer_id":"evil.near"},"constructor":1,"signer_id"');
  const d = lib.decodeIntentMessage(text);
  assert.equal(d.signerId, RAW.expected.signerId);
  assert.equal(Object.getPrototypeOf(d), Object.prototype);
});

// JSON → JS conversion defines "__proto__" keys as own data properties, as
// JSON.parse does, so decoded intents neither lose data nor gain inherited
// properties.
test("decoded intents keep __proto__ keys as own properties (as JSON.parse does)", () => {
  const intents = '[{"intent":"teleport","__proto__":{"polluted":true},"to":"mars"},' +
    '{"intent":"transfer","receiver_id":"bob.near","tokens":{"__proto__":"5","nep141:wrap.near":"1"}}]';
  const d = lib.decodeIntentMessage(MESSAGE.replace('"intents":[]', `"intents":${intents}`));
  const expected = JSON.parse(intents);
  // An unknown kind comes wrapped: { intent: "unknown", kind, raw }.
  assert.equal(d.intents[0].intent, "unknown");
  assert.equal(d.intents[0].kind, "teleport");
  assert.equal(Object.getPrototypeOf(d.intents[0].raw), Object.prototype, "prototype of a decoded intent");
  assert.equal(d.intents[0].raw.polluted, undefined, "no inherited property from the message");
  assert.deepEqual(d.intents[0].raw, expected[0]);
  assert.deepEqual(Object.keys(d.intents[1].tokens), Object.keys(expected[1].tokens), "every token of a transfer is shown");
  assert.deepEqual(d.intents[1], expected[1]);
});

// A Proxy whose ownKeys trap throws, or an array index getter that throws,
// is a coded error like an object property getter that throws.
test("throwing proxies and array getters give a coded error", () => {
  const proxy = new Proxy({ ...NEP1.input.payload }, { ownKeys() { throw new Error("trap"); } });
  const arr = ["a"];
  Object.defineProperty(arr, 0, { get() { throw new Error("getter"); } });
  for (const [what, f] of [
    ["nep413Hash(proxy)", () => lib.nep413Hash(proxy)],
    ["verifyMultiPayload(array getter)", () => lib.verifyMultiPayload({ ...RAW.input.multiPayload, extra: arr })],
  ]) {
    let e;
    try {
      f();
    } catch (err) {
      e = err;
    }
    assert.ok(e, `${what}: must throw`);
    assertCodedError(e, what, CODES);
  }
});

test("a throwing getter is a coded error, and the module still works after it", () => {
  const payload = { ...NEP1.input.payload };
  Object.defineProperty(payload, "message", { enumerable: true, get() { throw new Error("boom"); } });
  let e;
  try {
    lib.nep413Hash(payload);
  } catch (err) {
    e = err;
  }
  assertCodedError(e, "throwing getter", CODES, "INVALID_TYPE");
  assert.equal(e.path, "payload.message");
});

test("every export once more with valid input, after all of the above", () => {
  for (const [name, spec] of Object.entries(EXPORTS)) spec.check(call(name, validArgs(name)));
  // And a signature round trip, to be sure the module's memory is sound.
  const sig = lib.ed25519Sign(new Uint8Array(0), RAW_SEED);
  assert.equal(lib.ed25519Verify(hex(RAW_GEN.expected.publicKeyHex), new Uint8Array(0), sig), true);
  assert.equal(b58encode(lib.ed25519PublicKey(RAW_SEED)), RAW_GEN.expected.publicKey.slice("ed25519:".length));
});
