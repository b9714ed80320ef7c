// tests/vectors/signature-edges.json through the JS API of the built package
// (imported by name): the JS counterpart of `signature_edge_vectors` in
// tests/wycheproof.rs, with the same expectations per case.
//
// - ed25519_verify → ed25519Verify(publicKey, message, signature): `valid`.
// - erc191_recover → erc191Recover(message, signature): `valid` is "recovers
//   signerAddress"; an `error` is the code, at path `signature`.
// - multi_payload → verifyMultiPayload(multiPayload): `valid`, or the error's
//   code and `errorPath`.
// - signature_hex65 → the `0x` hex of a signature that is not 65 bytes,
//   given to erc191Recover: the code, at `signature`.
// - secp256k1_recover_prehash: the JS API recovers from messages, not from
//   digests. When the prehash is the ERC-191 hash of a message of this file
//   (keccak256 written out with @noble/hashes), the case runs through
//   erc191Recover with that message and its full expectation. Otherwise (the
//   Wycheproof digests) only what does not depend on the digest is checked: the
//   same signature over another message gives the case's error code, or is
//   accepted when the case expects a verdict; the verdict itself is checked by
//   tests/wycheproof.rs.
//
// As in the Rust runner, a case with `knownBug` that fails is reported (todo),
// and one that passes fails the test (remove its `knownBug`). Every expected
// value comes from the vector file, never from this package.

import assert from "node:assert/strict";
import { test } from "node:test";

import { keccak_256 } from "@noble/hashes/sha3.js";

import { ed25519Verify, erc191Recover, errorCodes, verifyMultiPayload } from "intent-signer";

import { assertCodedError, hex, toHex, vectorFile } from "./helpers.mjs";

const CODES = errorCodes();
const doc = vectorFile("signature-edges.json");

/** keccak256 of the ERC-191 preimage of a UTF-8 message, written out here. */
function erc191Prehash(message) {
  const body = new TextEncoder().encode(message);
  const prefix = new TextEncoder().encode(`\x19Ethereum Signed Message:\n${body.length}`);
  return toHex(keccak_256(new Uint8Array([...prefix, ...body])));
}

/** The lowercase 0x address of a 64-byte uncompressed public key (hex). */
const ethAddress = (publicKeyHex) => `0x${toHex(keccak_256(hex(publicKeyHex))).slice(24)}`;

/** Messages of the file's erc191_recover cases by their ERC-191 prehash. */
const messageOfPrehash = new Map(
  doc.cases.filter((c) => c.type === "erc191_recover").map((c) => [erc191Prehash(c.input.message), c.input.message]),
);

test("signature-edges.json: the constants are the curve orders", () => {
  const L = 2n ** 252n + 27742317777372353535851937790883648493n;
  const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
  const hex64 = (x) => x.toString(16).padStart(64, "0");
  assert.equal(doc.constants.ed25519_L, hex64(L));
  assert.equal(doc.constants.ed25519_p, hex64(2n ** 255n - 19n));
  assert.equal(doc.constants.secp256k1_n, hex64(n));
  assert.equal(doc.constants.secp256k1_n_half, hex64(n >> 1n));
});

/**
 * Runs one case; returns a description of what was checked. Throws (an
 * assertion) when the package's answer is not the case's expectation.
 */
function runCase(c) {
  const { id, input } = c;
  const expectedValid = c.expected?.valid;
  /** A call's outcome against `valid`/`error` (UNRECOVERABLE_SIGNATURE counts as "not valid", as in Rust). */
  const check = (call, isValid, errorPath) => {
    let value;
    try {
      value = call();
    } catch (e) {
      if (typeof e?.code === "string" && e.code === "UNRECOVERABLE_SIGNATURE" && expectedValid === false) return "rejected (UNRECOVERABLE_SIGNATURE)";
      assert.ok(c.error !== undefined, `${id}: threw ${e?.code} (${e?.message}), expected valid: ${expectedValid}`);
      assertCodedError(e, id, CODES, c.error);
      if (errorPath !== undefined) assert.equal(e.path, errorPath, `${id}: error path`);
      return c.error;
    }
    assert.equal(c.error, undefined, `${id}: returned ${JSON.stringify(value)}, expected ${c.error}`);
    assert.equal(isValid(value), expectedValid, `${id}: valid`);
    return `valid: ${expectedValid}`;
  };
  switch (c.type) {
    case "ed25519_verify":
      return check(() => ed25519Verify(hex(input.publicKey), hex(input.message), hex(input.signature)), (v) => v);
    case "erc191_recover":
      return check(() => erc191Recover(input.message, hex(input.signature)), (a) => a.toLowerCase() === input.signerAddress, "signature");
    case "multi_payload":
      return check(() => verifyMultiPayload(structuredClone(input.multiPayload)), (v) => v.valid, c.errorPath);
    case "signature_hex65":
      assert.ok(c.error !== undefined, `${id}: a signature_hex65 case expects an error`);
      return check(() => erc191Recover("", hex(input.signature.replace(/^0x/, ""))), () => assert.fail(`${id}: accepted`), "signature");
    case "secp256k1_recover_prehash": {
      const message = messageOfPrehash.get(input.prehash);
      if (message !== undefined) {
        const signer = ethAddress(input.signerPublicKey);
        return `${check(() => erc191Recover(message, hex(input.signature)), (a) => a.toLowerCase() === signer, "signature")} (as ERC-191)`;
      }
      // A digest no JS export takes: the same signature over another message.
      try {
        const address = erc191Recover("another message", hex(input.signature));
        assert.equal(c.error, undefined, `${id}: accepted (${address}), expected ${c.error}`);
        return "form accepted (verdict: tests/wycheproof.rs)";
      } catch (e) {
        if (c.error === undefined && e?.code === "UNRECOVERABLE_SIGNATURE") return "form accepted, no key for this digest";
        assert.ok(c.error !== undefined, `${id}: threw ${e?.code} (${e?.message}), expected a verdict`);
        assertCodedError(e, id, CODES, c.error);
        assert.equal(e.path, "signature", `${id}: error path`);
        return `${c.error} (form)`;
      }
    }
    default:
      assert.fail(`${id}: unknown case type ${c.type}`);
  }
}

test("tests/vectors/signature-edges.json through the JS API", async (t) => {
  const tally = new Map();
  let ran = 0;
  for (const c of doc.cases) {
    await t.test(`${c.id} (${c.type}; ${c.flags.join(", ")})`, (st) => {
      let outcome;
      try {
        outcome = runCase(c);
      } catch (e) {
        if (c.knownBug === undefined) throw e;
        st.todo(`known bug: ${c.knownBug}`);
        throw e;
      }
      assert.equal(c.knownBug, undefined, `${c.id}: passes now; remove knownBug (${c.knownBug})`);
      const key = `${c.type}: ${outcome.replace(/ \(.*\)$/, "")}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
      ran++;
    });
  }
  for (const [key, n] of [...tally].sort()) t.diagnostic(`${key}: ${n}`);
  const prehash = doc.cases.filter((c) => c.type === "secp256k1_recover_prehash");
  const asErc191 = prehash.filter((c) => messageOfPrehash.has(c.input.prehash)).length;
  t.diagnostic(`secp256k1_recover_prehash: ${asErc191} of ${prehash.length} run as ERC-191 with their verdict, ${prehash.length - asErc191} checked for the signature's form only`);
  assert.ok(doc.cases.length >= 90, `${doc.cases.length} cases`);
  assert.equal(ran, doc.cases.filter((c) => c.knownBug === undefined).length, "every case ran");
});
