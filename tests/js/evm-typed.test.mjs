// EIP-712 typed data, Permit2 and EIP-7702 through the JS API of the built
// package (imported by its name): every case of tests/vectors/generated/
// eip712.json, permit2.json and eip7702.json — the JS counterpart of
// run_eip712_generated, run_permit2_generated and run_eip7702_generated in
// tests/runner/mod.rs — then the reviews, the Permit2 approval body and the
// integer forms (bigint, number, string). Expected values come from the vector
// files (viem, ethers, permit2-sdk), never from this package.

import assert from "node:assert/strict";
import { test } from "node:test";

import {
  eip712DomainSeparator,
  eip712EncodeType,
  eip712Hash,
  eip712HashStruct,
  eip712Recover,
  eip712Sign,
  eip7702AuthorizationHash,
  eip7702Recover,
  eip7702Sign,
  erc191Recover,
  erc191Sign,
  errorCodes,
  permit2ApprovalBody,
  permit2Batch,
  permit2BatchTransfer,
  permit2FromParamsToSign,
  permit2Single,
  permit2Transfer,
  permit2WitnessTransfer,
  reviewEip7702Authorization,
  reviewPermit2,
} from "intent-signer";

import { assertCodedError, hex, thrown, toHex, vectorFile } from "./helpers.mjs";

const CODES = errorCodes();

const hex0x = (bytes) => `0x${toHex(bytes)}`;
/** Bytes of a `0x` hex string of the vectors. */
const bytes0x = (s) => hex(s.replace(/^0x/, ""));
/** The same 65-byte signature with v 27/28 written as 0/1. */
const v01 = (sig) => Uint8Array.from(sig, (b, i) => (i === 64 ? b - 27 : b));
/** The same 65-byte signature with v set to `v`. */
const withV = (sig, v) => Uint8Array.from(sig, (b, i) => (i === 64 ? v : b));
const byId = (file) => Object.fromEntries(vectorFile(file).cases.map((c) => [c.id, c]));

const CANONICAL_PERMIT2 = "0x000000000022D473030F116dDEE9F6B43aC78BA3";
const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
const MAX_UINT160 = (1n << 160n) - 1n;
const MAX_UINT256 = (1n << 256n) - 1n;
const MAX_UINT64 = (1n << 64n) - 1n;
const YEAR_S = 365 * 24 * 3600;

/** Reports what a file could not check through the JS API, with counts. */
function skipReport(t, file, checks) {
  for (const [reason, n] of Object.entries(checks)) {
    if (n > 0) t.diagnostic(`${file}: check not run in ${n} case(s): ${reason}`);
  }
}

/** The address of a secret key, through ERC-191 (sign, then recover). */
function addressOfKey(secretKey) {
  return erc191Recover("address of a test key", erc191Sign("address of a test key", secretKey));
}

const codesOf = (warnings) => warnings.map((w) => w.code);

/** Every warning has a code, a severity, a non-empty message and a path (the one review shape). */
function assertWarnings(warnings, what) {
  assert.ok(Array.isArray(warnings), `${what}: warnings is an array`);
  for (const w of warnings) {
    assert.deepEqual(Object.keys(w).sort(), ["code", "message", "path", "severity"], `${what}: warning shape`);
    assert.ok(typeof w.message === "string" && w.message.length > 0, `${what}: warning message`);
    assert.ok(["danger", "warning", "info"].includes(w.severity), `${what}: warning severity`);
    assert.equal(typeof w.path, "string", `${what}: warning path`);
  }
}

// ------------------------------------------------------------------ EIP-712

test("tests/vectors/generated/eip712.json", async (t) => {
  const doc = vectorFile("generated/eip712.json");
  assert.ok(doc.cases.length >= 300, "at least 300 EIP-712 cases");
  const checks = {
    "typeHash = keccak256(encodeType) (no keccak256 export: encodeType and hashStruct are compared instead)": 0,
  };
  let ran = 0;
  let negative = 0;
  let bigintChainIds = 0;
  for (const c of doc.cases) {
    const { id, input, expected: exp } = c;
    await t.test(id, () => {
      const td = input.typedData;
      const text = JSON.stringify(td);
      const sk = bytes0x(input.secretKey);
      if (c.error) {
        assert.equal(exp, null, `${id}: a negative case has no expected values`);
        assert.ok(c.flags.includes("negative"), `${id}: flagged negative`);
        // Every export that reads typed data refuses it alike, object or JSON text.
        const readers = {
          eip712Hash: (x) => eip712Hash(x),
          eip712DomainSeparator: (x) => eip712DomainSeparator(x),
          eip712EncodeType: (x) => eip712EncodeType(x, td.primaryType),
          eip712HashStruct: (x) => eip712HashStruct(x, td.primaryType, td.message ?? {}),
          eip712Recover: (x) => eip712Recover(x, new Uint8Array(65)),
          eip712Sign: (x) => eip712Sign(x, sk),
        };
        for (const [name, read] of Object.entries(readers)) {
          for (const [form, x] of [["object", td], ["JSON text", text]]) {
            const what = `${id}: ${name}(${form})`;
            const e = thrown(() => read(x), what);
            assertCodedError(e, what, CODES, c.error);
            assert.equal(e.path, c.errorPath, `${what}: path`);
          }
        }
        negative++;
        ran++;
        return;
      }
      assert.equal(hex0x(eip712Hash(td)), exp.digest, `${id}: digest`);
      assert.equal(hex0x(eip712Hash(text)), exp.digest, `${id}: digest of the JSON text`);
      assert.equal(hex0x(eip712DomainSeparator(td)), exp.domainSeparator, `${id}: domain separator`);
      const primary = td.primaryType;
      if (exp.hashStruct !== undefined) {
        assert.equal(hex0x(eip712HashStruct(td, primary, td.message)), exp.hashStruct, `${id}: hashStruct`);
      } else {
        // primaryType EIP712Domain: digest = keccak256(0x1901 ‖ domainSeparator);
        // hashStruct of the domain is the domain separator.
        assert.equal(primary, "EIP712Domain", `${id}: only the domain has no hashStruct`);
        assert.ok(c.flags.includes("primary_domain"), `${id}: flagged primary_domain`);
        assert.equal(hex0x(eip712HashStruct(td, "EIP712Domain", td.domain)), exp.domainSeparator, `${id}: hashStruct(EIP712Domain)`);
      }
      assert.equal(eip712EncodeType(td, primary), exp.encodeType, `${id}: encodeType`);
      assert.equal(eip712EncodeType(text, primary), exp.encodeType, `${id}: encodeType of the JSON text`);
      checks["typeHash = keccak256(encodeType) (no keccak256 export: encodeType and hashStruct are compared instead)"]++;
      // Signing: RFC 6979, low-s, v 27/28 as wallets give it.
      const sig = eip712Sign(td, sk);
      assert.ok(sig instanceof Uint8Array && sig.length === 65, `${id}: 65-byte signature`);
      assert.equal(hex0x(sig), exp.signature, `${id}: signature`);
      assert.ok(sig[64] === 27 || sig[64] === 28, `${id}: v is 27/28, got ${sig[64]}`);
      assert.equal(hex0x(eip712Sign(text, sk)), exp.signature, `${id}: signature of the JSON text`);
      // Recovery: exactly the EIP-55 address of the vector, whatever the v form.
      assert.equal(eip712Recover(td, sig), exp.address, `${id}: recover (v 27/28)`);
      assert.equal(eip712Recover(td, v01(sig)), exp.address, `${id}: recover (v 0/1)`);
      assert.equal(eip712Recover(text, sig), exp.address, `${id}: recover from the JSON text`);
      // A chain id above 2^53 − 1 is a decimal string in the file: as a bigint it hashes alike.
      if (typeof td.domain.chainId === "string") {
        const big = { ...td, domain: { ...td.domain, chainId: BigInt(td.domain.chainId) } };
        assert.equal(hex0x(eip712Hash(big)), exp.digest, `${id}: digest with a bigint chainId`);
        bigintChainIds++;
      }
      ran++;
    });
  }
  assert.equal(ran, doc.cases.length, "every case ran");
  assert.ok(negative >= 30, `negative cases: ${negative}`);
  assert.ok(bigintChainIds > 0, "some chain ids checked as bigint");
  t.diagnostic(`${ran} cases (${negative} negative); ${bigintChainIds} chain ids also checked as bigint`);
  skipReport(t, "generated/eip712.json", checks);
});

// ------------------------------------------------------------------ Permit2

const BUILDERS = {
  permit2Transfer,
  permit2BatchTransfer,
  permit2WitnessTransfer,
  // The batch form of the witness builder: `permitted` is a list.
  permit2BatchWitnessTransfer: permit2WitnessTransfer,
  permit2Single,
  permit2Batch,
};

/** Every amount a Permit2 message grants. */
function amountsOf(message) {
  const list = (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
  return [...list(message.permitted), ...list(message.details)].map((p) => BigInt(p.amount));
}

test("tests/vectors/generated/permit2.json", async (t) => {
  const doc = vectorFile("generated/permit2.json");
  assert.ok(doc.cases.length >= 60, "at least 60 Permit2 cases");
  const checks = { "signature (params_to_sign cases have no secret key)": 0 };
  let ran = 0;
  for (const c of doc.cases) {
    const { id, input, expected: exp } = c;
    await t.test(`${id} (${input.builder})`, () => {
      const fromParams = input.builder === "permit2FromParamsToSign";
      const build = fromParams ? () => permit2FromParamsToSign(input.paramsToSign, input.args) : () => BUILDERS[input.builder](input.args);
      assert.ok(fromParams || BUILDERS[input.builder], `${id}: unknown builder ${input.builder}`);
      if (c.error) {
        const e = thrown(build, id);
        assertCodedError(e, id, CODES, c.error);
        assert.equal(e.path, c.errorPath, `${id}: path`);
        ran++;
        return;
      }
      const r = build();
      assert.deepEqual(Object.keys(r).sort(), ["digest", "typedData", "warnings", "witnessHash", "witnessTypeString"], `${id}: result fields`);
      assert.deepEqual(r.typedData, exp.typedData, `${id}: typedData`);
      assert.ok(r.digest instanceof Uint8Array, `${id}: digest is a Uint8Array`);
      assert.equal(hex0x(r.digest), exp.digest, `${id}: digest`);
      // The typed data is what eth_signTypedData_v4 takes: its EIP-712 digest is the builder's.
      assert.equal(hex0x(eip712Hash(r.typedData)), exp.digest, `${id}: eip712Hash(typedData)`);
      if (exp.witnessTypeString !== undefined) {
        assert.equal(r.witnessTypeString, exp.witnessTypeString, `${id}: witnessTypeString`);
        assert.equal(hex0x(r.witnessHash), exp.witnessHash, `${id}: witnessHash`);
      } else if (fromParams) {
        // The server's witness type string and hash, checked and handed back.
        const ad = input.paramsToSign.additional_data;
        assert.equal(r.witnessTypeString, ad.witness_type_string, `${id}: witnessTypeString = the server's`);
        assert.equal(hex0x(r.witnessHash), ad.witness_hash.toLowerCase(), `${id}: witnessHash = the server's`);
      } else {
        assert.equal(r.witnessTypeString, null, `${id}: no witness type string without a witness`);
        assert.equal(r.witnessHash, null, `${id}: no witness hash without a witness`);
      }
      // Builder warnings: a non-canonical Permit2 (zkSync's own deployment is
      // canonical there); a server domain field Permit2 does not sign.
      const expectedWarnings = c.flags.includes("custom_permit2_address") ? ["NON_CANONICAL_PERMIT2"] : [];
      if (fromParams) {
        for (const key of Object.keys(input.paramsToSign.additional_data.domain)) {
          if (!["name", "chainId", "verifyingContract"].includes(key)) expectedWarnings.push("DOMAIN_FIELD_IGNORED");
        }
      }
      assertWarnings(r.warnings, id);
      assert.deepEqual(codesOf(r.warnings), expectedWarnings, `${id}: builder warnings`);
      // Signing the typed data with the vector's key gives the vector's signature (v 27/28).
      if (exp.signature !== undefined) {
        assert.ok(input.secretKey, `${id}: a signature comes with its key`);
        const sk = bytes0x(input.secretKey);
        const sig = eip712Sign(r.typedData, sk);
        assert.equal(hex0x(sig), exp.signature, `${id}: signature`);
        assert.equal(eip712Recover(exp.typedData, sig), addressOfKey(sk), `${id}: recovered signer = the key's address`);
        // The approval body carries v 27/28 whichever form the wallet gave.
        const body = { approval_type: "permit2", signed_data: exp.signature };
        assert.deepEqual(permit2ApprovalBody(sig), body, `${id}: approval body (v 27/28)`);
        assert.deepEqual(permit2ApprovalBody(v01(sig)), body, `${id}: approval body from v 0/1`);
      } else {
        checks["signature (params_to_sign cases have no secret key)"]++;
      }
      // The review of the built typed data, its spender known and no clock:
      // only a non-canonical Permit2 and unlimited amounts are worth a warning.
      const review = reviewPermit2(r.typedData, { knownSpenders: [r.typedData.message.spender] });
      assertWarnings(review.warnings, `${id}: review`);
      const unlimited = amountsOf(r.typedData.message).filter((a) => a === MAX_UINT160 || a === MAX_UINT256).length;
      const nonCanonical = c.flags.includes("custom_permit2_address") ? ["NON_CANONICAL_PERMIT2"] : [];
      assert.deepEqual(codesOf(review.warnings), [...nonCanonical, ...Array(unlimited).fill("UNLIMITED_AMOUNT")], `${id}: review warnings`);
      if (unlimited > 0 && !fromParams) {
        // (The params_to_sign cases carry no amount flags.)
        assert.ok(c.flags.includes("amount_uint160_max") || c.flags.includes("amount_uint256_max"), `${id}: flagged unlimited`);
      }
      assert.ok(review.lines.length >= 3 && review.lines.every((l) => typeof l === "string"), `${id}: review lines`);
      assert.ok(review.lines[0].includes(r.typedData.primaryType), `${id}: the first line names the permit: ${review.lines[0]}`);
      ran++;
    });
  }
  assert.equal(ran, doc.cases.length, "every case ran");
  skipReport(t, "generated/permit2.json", checks);
});

// ----------------------------------------------------------------- EIP-7702

test("tests/vectors/generated/eip7702.json", async (t) => {
  const doc = vectorFile("generated/eip7702.json");
  assert.ok(doc.cases.length >= 40, "at least 40 EIP-7702 cases");
  const checks = { "preimage 0x05 ‖ rlp([chainId, address, nonce]) (not exported; its keccak256, the hash, is compared)": 0 };
  let ran = 0;
  for (const c of doc.cases) {
    const { id, input, expected: exp } = c;
    await t.test(id, () => {
      const { secretKey, ...auth } = input;
      const sk = bytes0x(secretKey);
      const h = eip7702AuthorizationHash(auth);
      assert.ok(h instanceof Uint8Array && h.length === 32, `${id}: 32-byte hash`);
      assert.equal(hex0x(h), exp.hash, `${id}: hash`);
      checks["preimage 0x05 ‖ rlp([chainId, address, nonce]) (not exported; its keccak256, the hash, is compared)"]++;
      // The same tuple as bigints, as safe-integer numbers, and with viem's `contractAddress`.
      const big = { chainId: BigInt(auth.chainId), address: auth.address, nonce: BigInt(auth.nonce) };
      assert.equal(hex0x(eip7702AuthorizationHash(big)), exp.hash, `${id}: hash of the bigint form`);
      if (BigInt(auth.chainId) <= BigInt(Number.MAX_SAFE_INTEGER) && BigInt(auth.nonce) <= BigInt(Number.MAX_SAFE_INTEGER)) {
        const num = { chainId: Number(auth.chainId), address: auth.address, nonce: Number(auth.nonce) };
        assert.equal(hex0x(eip7702AuthorizationHash(num)), exp.hash, `${id}: hash of the number form`);
      }
      const viemShape = { chainId: auth.chainId, contractAddress: auth.address, nonce: auth.nonce };
      assert.equal(hex0x(eip7702AuthorizationHash(viemShape)), exp.hash, `${id}: hash with contractAddress`);
      // Signing: viem's signAuthorization fields; our address is EIP-55, the file's as given.
      const signed = eip7702Sign(auth, sk);
      const want = exp.signature;
      assert.deepEqual(Object.keys(signed).sort(), ["address", "chainId", "nonce", "r", "s", "yParity"], `${id}: signed fields`);
      assert.equal(signed.r, want.r, `${id}: r`);
      assert.equal(signed.s, want.s, `${id}: s`);
      assert.equal(signed.yParity, want.yParity, `${id}: yParity`);
      assert.equal(signed.chainId, want.chainId, `${id}: chainId`);
      assert.equal(signed.nonce, want.nonce, `${id}: nonce`);
      assert.match(signed.address, /^0x[0-9a-fA-F]{40}$/, `${id}: address form`);
      assert.equal(signed.address.toLowerCase(), want.address.toLowerCase(), `${id}: address (case-insensitive)`);
      // Recovery from r ‖ s ‖ yParity, and with v 27/28.
      const sig = Uint8Array.from([...bytes0x(signed.r), ...bytes0x(signed.s), signed.yParity]);
      assert.equal(eip7702Recover(auth, sig), exp.authority, `${id}: authority`);
      assert.equal(eip7702Recover(auth, withV(sig, sig[64] + 27)), exp.authority, `${id}: authority (v 27/28)`);
      assert.equal(exp.authority, addressOfKey(sk), `${id}: the authority is the key's address`);
      // The review, from the values and from the file's flags.
      const expected = [];
      if (BigInt(auth.chainId) === 0n) expected.push("ANY_CHAIN");
      if (auth.address.toLowerCase() === ZERO_ADDRESS) expected.push("CLEARS_DELEGATION");
      else expected.push("UNKNOWN_DELEGATE"); // no knownDelegates: not judged, and said so
      if (BigInt(auth.nonce) === MAX_UINT64) expected.push("NONCE_MAX");
      assert.equal(expected.includes("ANY_CHAIN"), c.flags.includes("chain_id_zero"), `${id}: flag chain_id_zero`);
      assert.equal(expected.includes("CLEARS_DELEGATION"), c.flags.includes("zero_address"), `${id}: flag zero_address`);
      assert.equal(expected.includes("UNKNOWN_DELEGATE"), !c.flags.includes("zero_address"), `${id}: a delegate without knownDelegates`);
      assert.equal(expected.includes("NONCE_MAX"), c.flags.includes("nonce_2_64_minus_1"), `${id}: flag nonce_2_64_minus_1`);
      const review = reviewEip7702Authorization(auth);
      assertWarnings(review, `${id}: review`);
      assert.deepEqual(codesOf(review), expected, `${id}: review warnings`);
      ran++;
    });
  }
  assert.equal(ran, doc.cases.length, "every case ran");
  skipReport(t, "generated/eip7702.json", checks);
});

// ------------------------------------------------- the approval body, v forms

test("permit2ApprovalBody: v 27/28 from a 0/1 signature; other v refused", () => {
  const cases = vectorFile("generated/permit2.json").cases.filter((c) => c.expected?.signature);
  assert.ok(cases.length >= 50);
  const seen = new Set();
  for (const c of cases) {
    const sig = bytes0x(c.expected.signature);
    seen.add(sig[64]);
    const body = permit2ApprovalBody(v01(sig));
    assert.deepEqual(Object.keys(body).sort(), ["approval_type", "signed_data"], c.id);
    assert.equal(body.approval_type, "permit2", c.id);
    assert.equal(body.signed_data, c.expected.signature, `${c.id}: v 0/1 → 27/28`);
    assert.match(body.signed_data, /^0x[0-9a-f]{128}(1b|1c)$/, `${c.id}: lowercase 0x hex ending in v 27/28`);
    assert.equal(permit2ApprovalBody(sig).signed_data, c.expected.signature, `${c.id}: v 27/28 unchanged`);
  }
  assert.deepEqual([...seen].sort(), [27, 28], "the vectors have both v values");
  const sig = bytes0x(cases[0].expected.signature);
  for (const v of [2, 26, 29, 255]) {
    const e = thrown(() => permit2ApprovalBody(withV(sig, v)), `v = ${v}`);
    assertCodedError(e, `v = ${v}`, CODES, "INVALID_RECOVERY_ID");
    assert.equal(e.path, "signature");
  }
  for (const n of [64, 66]) {
    const e = thrown(() => permit2ApprovalBody(new Uint8Array(n)), `${n} bytes`);
    assertCodedError(e, `${n} bytes`, CODES, "INVALID_LENGTH");
    assert.equal(e.path, "signature");
  }
});

// ------------------------------------------------------------- reviewPermit2

test("reviewPermit2 warnings: unlimited amounts, deadlines, spenders, the Permit2 address", () => {
  const P2 = byId("generated/permit2.json");
  const transferArgs = P2["permit2-018"].input.args; // PermitTransferFrom, canonical Permit2, chain 1
  const singleArgs = P2["permit2-058"].input.args; // PermitSingle, canonical Permit2, chain 1
  assert.equal(transferArgs.permit2Address, undefined);
  assert.equal(singleArgs.permit2Address, undefined);
  const NOW = Date.parse("2030-01-01T00:00:00Z");
  const nowS = NOW / 1000;
  const transfer = (patch) => permit2Transfer({ ...transferArgs, amount: "1000", deadline: nowS + 3600, ...patch });
  const single = (details, patch) =>
    permit2Single({ ...singleArgs, details: { ...singleArgs.details, amount: "1000", expiration: nowS + 3600, ...details }, sigDeadline: nowS + 3600, ...patch });
  const spender = transferArgs.spender;
  const known = { now: NOW, knownSpenders: [spender, singleArgs.spender] };
  const review = (built, options = known) => {
    const r = reviewPermit2(built.typedData, options);
    assertWarnings(r.warnings, "review");
    assert.ok(r.lines.length >= 3, "review lines");
    return r;
  };
  const cases = [
    ["a bounded transfer, all known", transfer({}), known, []],
    ["a bounded PermitSingle, all known", single({}), known, []],
    // Unlimited: 2^160 − 1 (Permit2's allowance maximum) and 2^256 − 1.
    ["PermitSingle of 2^160 − 1", single({ amount: MAX_UINT160.toString() }), known, ["UNLIMITED_AMOUNT"]],
    ["PermitSingle of 2^160 − 2", single({ amount: (MAX_UINT160 - 1n).toString() }), known, []],
    ["transfer of 2^256 − 1", transfer({ amount: MAX_UINT256.toString() }), known, ["UNLIMITED_AMOUNT"]],
    ["transfer of 2^256 − 2", transfer({ amount: (MAX_UINT256 - 1n).toString() }), known, []],
    // Deadlines against `now`.
    ["a deadline one second ago", transfer({ deadline: nowS - 1 }), known, ["DEADLINE_PASSED"]],
    ["a deadline exactly now", transfer({ deadline: nowS }), known, []],
    ["a deadline a year away", transfer({ deadline: nowS + YEAR_S }), known, []],
    ["a deadline a year and a second away", transfer({ deadline: nowS + YEAR_S + 1 }), known, ["DEADLINE_FAR"]],
    ["a sigDeadline that passed", single({}, { sigDeadline: nowS - 1 }), known, ["DEADLINE_PASSED"]],
    ["an allowance expiring in over a year", single({ expiration: nowS + YEAR_S + 1 }), known, ["DEADLINE_FAR"]],
    ["no clock: no deadline warning", transfer({ deadline: nowS - 1 }), { knownSpenders: [spender] }, []],
    // Spenders, compared case-insensitively.
    ["no known spenders", transfer({}), { now: NOW }, ["UNKNOWN_SPENDER"]],
    ["another known spender", transfer({}), { now: NOW, knownSpenders: [CANONICAL_PERMIT2] }, ["UNKNOWN_SPENDER"]],
    ["the spender in lower case", transfer({}), { now: NOW, knownSpenders: [spender.toLowerCase()] }, []],
    // The Permit2 contract.
    ["a non-canonical Permit2", transfer({ permit2Address: "0xCe71065D4017F316EC606Fe4422e11eB2c47c246" }), known, ["NON_CANONICAL_PERMIT2"]],
    ["the canonical Permit2 given explicitly", transfer({ permit2Address: CANONICAL_PERMIT2 }), known, []],
    ["zkSync Era's Permit2", transfer({ chainId: 324, permit2Address: "0x0000000000225e31d15943971f47ad3022f714fa" }), known, []],
    // Everything at once.
    [
      "all of them",
      transfer({ amount: MAX_UINT256.toString(), deadline: nowS - 1, permit2Address: "0xCe71065D4017F316EC606Fe4422e11eB2c47c246" }),
      { now: NOW },
      ["NON_CANONICAL_PERMIT2", "UNLIMITED_AMOUNT", "DEADLINE_PASSED", "UNKNOWN_SPENDER"],
    ],
  ];
  for (const [what, built, options, expected] of cases) {
    assert.deepEqual(codesOf(review(built, options).warnings).sort(), [...expected].sort(), what);
  }
  // The builder warns about a non-canonical Permit2 too.
  assert.deepEqual(codesOf(transfer({ permit2Address: "0xCe71065D4017F316EC606Fe4422e11eB2c47c246" }).warnings), ["NON_CANONICAL_PERMIT2"]);
  assert.deepEqual(codesOf(transfer({}).warnings), []);
  // The lines name the spender, the token, the amount and the contract.
  const lines = review(transfer({ amount: MAX_UINT256.toString() })).lines.join("\n");
  for (const part of [spender, transferArgs.token, "UNLIMITED", CANONICAL_PERMIT2]) {
    assert.ok(lines.toLowerCase().includes(part.toLowerCase()), `the review mentions ${part}:\n${lines}`);
  }
  // Typed data that is no Permit2 is refused.
  const mail = byId("generated/eip712.json")["eip712-001"].input.typedData;
  const e = thrown(() => reviewPermit2(mail), "reviewPermit2(Mail)");
  assertCodedError(e, "reviewPermit2(Mail)", CODES, "INVALID_TYPE");
  assert.equal(e.path, "primaryType");
});

// ------------------------------------------------ reviewEip7702Authorization

test("reviewEip7702Authorization: chain id 0, the zero address, nonce 2^64 − 1", () => {
  const base = { chainId: "1", address: "0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c", nonce: "40" }; // eip7702-001
  const cases = [
    // Without knownDelegates a delegate is not judged, and the review says so (UNKNOWN_DELEGATE, warning).
    ["an ordinary authorization", {}, ["UNKNOWN_DELEGATE"]],
    ["chain id 0", { chainId: 0 }, ["ANY_CHAIN", "UNKNOWN_DELEGATE"]],
    ["chain id 0n", { chainId: 0n }, ["ANY_CHAIN", "UNKNOWN_DELEGATE"]],
    ["the zero address", { address: ZERO_ADDRESS }, ["CLEARS_DELEGATION"]],
    ["nonce 2^64 − 1", { nonce: MAX_UINT64 }, ["UNKNOWN_DELEGATE", "NONCE_MAX"]],
    ["nonce 2^64 − 1 as a string", { nonce: MAX_UINT64.toString() }, ["UNKNOWN_DELEGATE", "NONCE_MAX"]],
    ["nonce 2^64 − 2", { nonce: MAX_UINT64 - 1n }, ["UNKNOWN_DELEGATE"]],
    ["all three", { chainId: "0", address: ZERO_ADDRESS, nonce: MAX_UINT64 }, ["ANY_CHAIN", "CLEARS_DELEGATION", "NONCE_MAX"]],
  ];
  for (const [what, patch, expected] of cases) {
    const r = reviewEip7702Authorization({ ...base, ...patch });
    assertWarnings(r, what);
    assert.deepEqual(codesOf(r), expected, what);
  }
  // Out of range: a nonce is 64 bits, a chain id 256.
  for (const [what, patch, path] of [
    ["nonce 2^64", { nonce: 1n << 64n }, "authorization.nonce"],
    ["nonce −1", { nonce: -1 }, "authorization.nonce"],
    ["chain id 2^256", { chainId: (1n << 256n).toString() }, "authorization.chainId"],
  ]) {
    const e = thrown(() => reviewEip7702Authorization({ ...base, ...patch }), what);
    assertCodedError(e, what, CODES, "INVALID_NUMBER");
    assert.equal(e.path, path, `${what}: path`);
  }
});

// ----------------------------------------------------------- integer forms

test("integers as bigint, number or string: the same Permit2 typed data and digest", () => {
  const P2 = byId("generated/permit2.json");
  const c = P2["permit2-014"]; // README example: Uniswap/permit2 TypehashGeneration.t.sol
  const a = c.input.args;
  const strings = permit2Transfer(a);
  assert.deepEqual(strings.typedData, c.expected.typedData, "string form = the vector");
  const bigints = permit2Transfer({ ...a, amount: BigInt(a.amount), nonce: BigInt(a.nonce), deadline: BigInt(a.deadline) });
  assert.deepEqual(bigints, strings, "bigint amount/nonce/deadline = strings");
  const allBig = permit2Transfer({ ...a, chainId: BigInt(a.chainId), amount: BigInt(a.amount), nonce: BigInt(a.nonce), deadline: BigInt(a.deadline) });
  assert.deepEqual(allBig, strings, "bigint chainId too");
  const numbers = permit2Transfer({ ...a, amount: Number(a.amount), nonce: Number(a.nonce), deadline: Number(a.deadline) });
  assert.deepEqual(numbers, strings, "safe-integer numbers = strings");
  const hexes = permit2Transfer({ ...a, amount: `0x${BigInt(a.amount).toString(16)}`, deadline: `0x${BigInt(a.deadline).toString(16)}` });
  assert.deepEqual(hexes, strings, "0x hex = decimal");
  assert.equal(hex0x(bigints.digest), c.expected.digest);
  // Every Permit2 builder reads bigints alike: the vectors' integers as bigints.
  const toBig = (v, key) => (typeof v === "string" && /^\d+$/.test(v) && ["amount", "nonce", "deadline", "expiration", "sigDeadline"].includes(key) ? BigInt(v) : v);
  const deepBig = (v, key) =>
    Array.isArray(v) ? v.map((x) => deepBig(x)) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "witness" ? x : deepBig(x, k)])) : toBig(v, key);
  let n = 0;
  for (const k of Object.values(P2)) {
    if (k.error || k.input.builder === "permit2FromParamsToSign") continue;
    const r = BUILDERS[k.input.builder](deepBig(k.input.args));
    assert.equal(hex0x(r.digest), k.expected.digest, `${k.id}: digest with bigint integers`);
    assert.deepEqual(r.typedData, k.expected.typedData, `${k.id}: typedData with bigint integers`);
    n++;
  }
  assert.ok(n >= 70, `builders checked with bigints: ${n}`);
  // Typed data itself takes bigints as well: the vector's message with bigint integers.
  const td = structuredClone(c.expected.typedData);
  td.message.nonce = BigInt(td.message.nonce);
  td.message.deadline = BigInt(td.message.deadline);
  td.message.permitted.amount = BigInt(td.message.permitted.amount);
  assert.equal(hex0x(eip712Hash(td)), c.expected.digest, "eip712Hash with bigint message values");
  // A number beyond 2^53 − 1 is refused, never rounded.
  for (const [what, patch, path] of [
    ["amount 2^53 + 2", { amount: 2 ** 53 + 2 }, "args.amount"],
    ["deadline 1.5", { deadline: 1.5 }, "args.deadline"],
    ["nonce −1n", { nonce: -1n }, "args.nonce"],
    ["amount 2^256", { amount: 1n << 256n }, "args.amount"],
  ]) {
    const e = thrown(() => permit2Transfer({ ...a, ...patch }), what);
    assertCodedError(e, what, CODES, "INVALID_NUMBER");
    assert.equal(e.path, path, `${what}: path`);
  }
  // PermitSingle: amount uint160, expiration and nonce uint48.
  const s = P2["permit2-058"].input.args;
  for (const [key, max] of [["amount", MAX_UINT160], ["expiration", (1n << 48n) - 1n], ["nonce", (1n << 48n) - 1n]]) {
    assert.ok(permit2Single({ ...s, details: { ...s.details, [key]: max } }), `${key} = its maximum`);
    const e = thrown(() => permit2Single({ ...s, details: { ...s.details, [key]: max + 1n } }), `${key} over its maximum`);
    assertCodedError(e, key, CODES, "INVALID_NUMBER");
    assert.equal(e.path, `args.details.${key}`);
  }
});

// ------------------------------------------------------------ secret keys

test("no secret key in the errors of eip712Sign and eip7702Sign", () => {
  const mailCase = byId("generated/eip712.json")["eip712-001"];
  const mail = mailCase.input.typedData;
  const auth = { chainId: 1, address: "0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c", nonce: 40 };
  const keys = [bytes0x(mailCase.input.secretKey), Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff)];
  for (const key of keys) {
    const forms = [toHex(key), toHex(key).toUpperCase(), toHex(key).slice(0, 16), Buffer.from(key).toString("base64"), Array.from(key).join(",")];
    const calls = [
      ["eip712Sign(bad typed data)", () => eip712Sign({ ...mail, primaryType: "Nope" }, key)],
      ["eip712Sign(bad message)", () => eip712Sign({ ...mail, message: { ...mail.message, extra: 1 } }, key)],
      ["eip712Sign(33-byte key)", () => eip712Sign(mail, Uint8Array.from([...key, 1]))],
      ["eip712Sign(key as hex text)", () => eip712Sign(mail, toHex(key))],
      ["eip712Sign(key as an array)", () => eip712Sign(mail, Array.from(key))],
      ["eip7702Sign(bad authorization)", () => eip7702Sign({ ...auth, nonce: -1 }, key)],
      ["eip7702Sign(31-byte key)", () => eip7702Sign(auth, key.slice(0, 31))],
      ["eip7702Sign(key as hex text)", () => eip7702Sign(auth, toHex(key))],
    ];
    for (const [what, call] of calls) {
      const e = thrown(call, what);
      assertCodedError(e, what, CODES);
      const haystack = [e.message, String(e), e.stack ?? "", JSON.stringify(e)].join("\n");
      for (const f of forms) assert.ok(!haystack.includes(f), `${what}: the error shows the secret (${f})`);
    }
  }
  for (const [what, call] of [
    ["eip712Sign(zero key)", () => eip712Sign(mail, new Uint8Array(32))],
    ["eip7702Sign(zero key)", () => eip7702Sign(auth, new Uint8Array(32))],
  ]) {
    const e = thrown(call, what);
    assertCodedError(e, what, CODES, "INVALID_SECRET_KEY");
    assert.equal(e.path, "secretKey");
  }
});

// ------------------------------------------------------- errors with paths

test("EIP-712 and EIP-7702 errors name the offending value", () => {
  const mail = byId("generated/eip712.json")["eip712-001"].input.typedData;
  const auth = { chainId: 1, address: "0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c", nonce: 40 };
  const cases = [
    [() => eip712Hash({ ...mail, message: { ...mail.message, from: { ...mail.message.from, wallet: "0x12" } } }), "INVALID_ADDRESS", "message.from.wallet"],
    [() => eip712Hash({ ...mail, domain: { ...mail.domain, chainId: "1e18" } }), "INVALID_NUMBER", "domain.chainId"],
    [() => eip712HashStruct(mail, "Person", { name: "Cow" }), "MISSING_FIELD", "value.wallet"],
    [() => eip712HashStruct(mail, "Nobody", {}), "MISSING_TYPE", "typeName"],
    [() => eip712EncodeType(mail, "Nobody"), "MISSING_TYPE", "typeName"],
    [() => eip712Recover(mail, new Uint8Array(64)), "INVALID_LENGTH", "signature"],
    [() => eip712Recover(mail, withV(new Uint8Array(65).fill(1), 5)), "INVALID_RECOVERY_ID", "signature"],
    [() => eip7702AuthorizationHash({ ...auth, address: "0xBe95c3f554e9fc85ec51be69a3d807a0d55bcf2c" }), "INVALID_CHECKSUM", "authorization.address"],
    [() => eip7702AuthorizationHash({ ...auth, bogus: 1 }), "UNKNOWN_FIELD", "authorization.bogus"],
    [() => eip7702Recover(auth, new Uint8Array(65)), "INVALID_SIGNATURE", "signature"],
  ];
  for (const [call, code, path] of cases) {
    const e = thrown(call, `${code} at ${path}`);
    assertCodedError(e, `${code} at ${path}`, CODES, code);
    assert.equal(e.path, path, `${code}: path`);
  }
  // A high-s signature is refused (EIP-2: the protocol refuses it), not normalised.
  const c = byId("generated/eip7702.json")["eip7702-001"];
  const { secretKey, ...a } = c.input;
  const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
  const s = BigInt(c.expected.signature.s);
  const highS = Uint8Array.from([...bytes0x(c.expected.signature.r), ...hex((n - s).toString(16).padStart(64, "0")), 1 - c.expected.signature.yParity]);
  for (const [what, call] of [
    ["eip7702Recover(high s)", () => eip7702Recover(a, highS)],
    ["eip712Recover(high s)", () => eip712Recover(mail, highS)],
  ]) {
    const e = thrown(call, what);
    assertCodedError(e, what, CODES, "HIGH_S");
    assert.equal(e.path, "signature");
  }
});

// ------------------------------------------------------ known package bugs
// Each asserts what the package does (these were bugs, now fixed).

test(
  "EIP-7702: `address` and `contractAddress` that disagree are refused",
  () => {
    const auth = { chainId: 1, address: "0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c", contractAddress: "0x0000000000000000000000000000000000000001", nonce: 40 };
    const e = thrown(() => eip7702AuthorizationHash(auth), "address ≠ contractAddress");
    assertCodedError(e, "address ≠ contractAddress", CODES);
  },
);

test(
  "permit2WitnessTransfer: errors in the witness are reported under args.witness",
  () => {
    const base = byId("generated/permit2.json")["permit2-016"].input.args;
    const missingType = { ...base, witness: { ...base.witness, types: {} } };
    const e1 = thrown(() => permit2WitnessTransfer(missingType), "witness type not declared");
    assertCodedError(e1, "witness type not declared", CODES, "MISSING_TYPE");
    assert.match(String(e1.path), /^args\.witness/, `path ${e1.path}`);
    const [field] = Object.keys(base.witness.value);
    const { [field]: _, ...rest } = base.witness.value;
    const e2 = thrown(() => permit2WitnessTransfer({ ...base, witness: { ...base.witness, value: rest } }), "witness value field missing");
    assertCodedError(e2, "witness value field missing", CODES, "MISSING_FIELD");
    assert.equal(e2.path, `args.witness.value.${field}`);
  },
);

test(
  "reviewPermit2: a negative `now` is refused",
  () => {
    const built = permit2Transfer(byId("generated/permit2.json")["permit2-018"].input.args);
    const e = thrown(() => reviewPermit2(built.typedData, { now: -1 }), "now = -1");
    assertCodedError(e, "now = -1", CODES, "INVALID_NUMBER");
    assert.equal(e.path, "options.now");
  },
);
