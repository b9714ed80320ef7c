// The Intents Connect execution flow through the JS API of the built package
// (imported by name): every case of tests/vectors/generated/executions.json
// (made by tests/vectors/gen/gen-executions.mjs with viem, @noble/curves,
// borsh and near-api-js as the wallets) goes through prepareSigning →
// finishSigning (or deleteExecutionRequest → finishDeleteSigning), and every
// submit/delete body is then checked by an independent verifier written here
// with @noble/curves and @noble/hashes: nothing the package computes is used
// to decide that its own output is right.

import assert from "node:assert/strict";
import { test } from "node:test";

import { ed25519 } from "@noble/curves/ed25519.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { keccak_256 } from "@noble/hashes/sha3.js";

import {
  deleteExecutionRequest,
  errorCodes,
  finishDeleteSigning,
  finishSigning,
  prepareSigning,
  verifyMultiPayload,
} from "intent-signer";

import { assertCodedError, b58encode, b64, curveBytes, hex, thrown, toHex, utf8, vectorFile } from "./helpers.mjs";

const CODES = errorCodes();
const doc = vectorFile("generated/executions.json");
const STANDARDS = ["erc191", "nep413", "raw_ed25519"];

// ------------------------------------------------------------------ helpers

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

/** JS values → vector JSON: every Uint8Array becomes {"$bytes": hex}; undefined fields are dropped. */
function toJson(v) {
  if (v instanceof Uint8Array) return { $bytes: toHex(v) };
  if (Array.isArray(v)) return v.map(toJson);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k, toJson(x)]),
    );
  }
  return v;
}

const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
const u32le = (n) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
};

function standardOf(c) {
  const s = STANDARDS.filter((x) => c.flags.includes(x));
  assert.equal(s.length, 1, `${c.id}: exactly one standard flag`);
  return s[0];
}

// ------------------------------------------------------- independent verifier

/** EIP-191 personal_sign digest, by hand: keccak256("\x19Ethereum Signed Message:\n" ‖ len ‖ msg). */
function eip191Digest(messageBytes) {
  return keccak_256(concat(utf8(`\x19Ethereum Signed Message:\n${messageBytes.length}`), messageBytes));
}

/** The lowercase 0x address that signed `messageBytes` with personal_sign (signature "secp256k1:<b58 r‖s‖v>", v 0/1). */
function recoverPersonalSign(messageBytes, signatureText) {
  const sig = curveBytes(signatureText, "secp256k1");
  assert.equal(sig.length, 65, "secp256k1 signature is 65 bytes");
  assert.ok(sig[64] === 0 || sig[64] === 1, `v is normalised to 0/1, got ${sig[64]}`);
  const s = secp256k1.Signature.fromBytes(sig.slice(0, 64), "compact");
  assert.ok(!s.hasHighS(), "low-s signature");
  const recovered = concat(sig.slice(64), sig.slice(0, 64));
  const pub = secp256k1.recoverPublicKey(recovered, eip191Digest(messageBytes), { prehash: false });
  const xy = secp256k1.Point.fromBytes(pub).toBytes(false).slice(1);
  return "0x" + toHex(keccak_256(xy).slice(12));
}

/** NEP-413 preimage, by hand: u32 LE 2^31+413 ‖ borsh{message, nonce[32], recipient, callback_url: None}. */
function nep413Preimage(message, nonce, recipient) {
  assert.equal(nonce.length, 32);
  const m = utf8(message);
  const r = utf8(recipient);
  return concat(u32le(2147484061), u32le(m.length), m, nonce, u32le(r.length), r, new Uint8Array([0]));
}

function ed25519Check(signatureText, publicKeyText, signed, what) {
  const sig = curveBytes(signatureText, "ed25519");
  const pub = curveBytes(publicKeyText, "ed25519");
  assert.equal(sig.length, 64, `${what}: 64-byte signature`);
  assert.equal(pub.length, 32, `${what}: 32-byte key`);
  assert.ok(ed25519.verify(sig, signed, pub), `${what}: ed25519 signature verifies (noble)`);
  return pub;
}

/** Checks a /submit body (and its MultiPayload) without the package. */
function verifySubmitIndependently(c, standard, body, multiPayload) {
  const ex = c.input.execution;
  const payloadJson = ex.details.payload.payload_json;
  assert.equal(body.executionId, ex.id, `${c.id}: executionId`);
  if (standard === "erc191") {
    assert.ok(!("publicKey" in body), `${c.id}: erc191 submit body has no publicKey`);
    const who = recoverPersonalSign(utf8(payloadJson), body.signature);
    assert.equal(who, c.input.wallet.toLowerCase(), `${c.id}: secp256k1 recovery gives the wallet`);
    assert.equal(multiPayload.payload, payloadJson, `${c.id}: multiPayload.payload verbatim`);
  } else if (standard === "raw_ed25519") {
    const pub = ed25519Check(body.signature, body.publicKey, utf8(payloadJson), c.id);
    assert.equal(b58encode(pub), c.input.wallet, `${c.id}: publicKey is the Solana wallet`);
    assert.equal(JSON.parse(payloadJson).signer_id, toHex(pub), `${c.id}: signer_id = hex(key)`);
    assert.equal(multiPayload.payload, payloadJson);
  } else {
    const p = JSON.parse(payloadJson);
    const hash = sha256(nep413Preimage(p.message, b64(p.nonce), p.recipient));
    const pub = ed25519Check(body.signature, body.publicKey, hash, c.id);
    assert.ok(!ed25519.verify(curveBytes(body.signature, "ed25519"), nep413Preimage(p.message, b64(p.nonce), p.recipient), pub), `${c.id}: signed the hash, not the preimage`);
    const signer = JSON.parse(p.message).signer_id;
    assert.equal(signer, c.input.wallet, `${c.id}: message signer_id is the wallet`);
    if (/^[0-9a-f]{64}$/.test(signer)) assert.equal(toHex(pub), signer, `${c.id}: implicit account = hex(key)`);
    assert.deepEqual(multiPayload.payload, { message: p.message, nonce: p.nonce, recipient: p.recipient });
  }
  if (standard !== "erc191") assert.equal(multiPayload.public_key, body.publicKey);
  assert.equal(multiPayload.signature, body.signature);
  assert.equal(multiPayload.standard, standard);
}

/** Checks a DELETE body without the package. */
function verifyDeleteIndependently(c, standard, body) {
  const message = `delete_execution:${c.input.executionId}`;
  if (standard === "erc191") {
    assert.deepEqual(Object.keys(body), ["signature"]);
    assert.equal(recoverPersonalSign(utf8(message), body.signature), c.input.wallet.toLowerCase(), `${c.id}: delete signer`);
  } else if (standard === "raw_ed25519") {
    const pub = ed25519Check(body.signature, body.publicKey, utf8(message), c.id);
    assert.equal(b58encode(pub), c.input.wallet);
  } else {
    assert.equal(body.nep413.recipient, "intents.near");
    const nonce = b64(body.nep413.nonce);
    assert.equal(toHex(nonce), c.input.nonce.$bytes, `${c.id}: delete nonce`);
    ed25519Check(body.signature, body.publicKey, sha256(nep413Preimage(message, nonce, "intents.near")), c.id);
  }
}

// Sanity of the verifier itself on a published vector (near-intents.md §4.5 V-ERC191-1, §5.3 V-RAW-2).
test("the independent verifier accepts published vectors", () => {
  const metamask = hex(
    "7800a70d05cde2c49ed546a6ce887ce6027c2c268c0285f6efef0cdfc4366b23643790f67a86468ee8301ed12cfffcb07c6530f90a9327ec057800fabd332e471c",
  );
  metamask[64] -= 27;
  assert.equal(recoverPersonalSign(utf8("Hello world!"), "secp256k1:" + b58encode(metamask)), "0x0551f7c9a91ee579c9e40444ffc490001c323108");
  const payload =
    '{"signer_id":"74affa71ab030d400fdfa1bed033dfa6fd3ae34f92d17c046ebe368e80d53751","verifying_contract":"intents.near","deadline":"2035-11-03T14:49:44.589Z","nonce":"1TwpgYHWXK29O6zby1R6QPJOY/Nb/S9Bb+dJ8m+Dd2Q=","intents":[]}';
  ed25519Check(
    "ed25519:4N9DSi9Vh6w9Jq1ybkiS2g9fb1P1jM2Uh35huT3qc6PM8yeCQYE1gPTCN9iDQA6vh9NFrqCP1xWpHJET9U7AnJ7x",
    "ed25519:8rVvtHWFr8hasdQGGD5WiQBTyr4iH2ruEPPVfj491RPN",
    utf8(payload),
    "V-RAW-2",
  );
  const h = sha256(nep413Preimage("Hello, world!", new Uint8Array(32), "intents.near"));
  assert.equal(toHex(h), "94648d7168d4a58d1eecd11fc2ecad210ef7cb5efce7a22d15a19e1764031f59");
});

test("executions.json: coverage", () => {
  assert.ok(doc.cases.length >= 60, `${doc.cases.length} cases`);
  const by = {};
  for (const c of doc.cases) {
    const key = `${standardOf(c)}/${c.expected.stage ?? "success"}`;
    by[key] = (by[key] ?? 0) + 1;
  }
  for (const s of STANDARDS) {
    for (const stage of ["success", "prepare", "finish", "delete"]) {
      assert.ok(by[`${s}/${stage}`] > 0, `${s}/${stage}: no case`);
    }
  }
  assert.ok(doc.cases.every((c) => typeof c.id === "string" && typeof c.comment === "string" && Array.isArray(c.flags)));
});

// --------------------------------------------------------------- the cases

function checkPrepared(c, standard, r) {
  const ex = c.input.execution;
  const e = c.expected;
  assert.equal(r.standard, standard, `${c.id}: standard`);
  assert.equal(r.executionId, ex.id, `${c.id}: executionId`);
  assert.equal(r.payloadJson, ex.details.payload.payload_json, `${c.id}: payloadJson verbatim`);
  assert.deepEqual(toJson(r.walletRequest), e.walletRequest, `${c.id}: walletRequest`);
  assert.equal(r.intentHashBase58, e.intentHashBase58, `${c.id}: intentHashBase58`);
  assert.ok(r.intentHash instanceof Uint8Array && r.intentHash.length === 32, `${c.id}: intentHash bytes`);
  assert.equal(b58encode(r.intentHash), e.intentHashBase58, `${c.id}: intentHash`);
  assert.equal(r.signerId, e.signerId, `${c.id}: signerId`);
  assert.equal(r.intent.signerId, e.signerId, `${c.id}: intent.signerId`);
  assert.equal(r.intent.verifyingContract, "intents.near");
  assert.equal(r.steps.length, ex.steps.length, `${c.id}: one review per step`);
  assert.ok(Array.isArray(r.review) && r.review.every((l) => typeof l === "string"), `${c.id}: review lines`);
  assert.ok(r.review.some((l) => l.includes(ex.id)), `${c.id}: review names the execution`);
  assert.ok(Array.isArray(r.warnings), `${c.id}: warnings`);
  assert.ok(
    r.warnings.some((w) => w.code === "FEE_TRANSFER"),
    `${c.id}: the appended Fee Transfer step is flagged (${JSON.stringify(r.warnings.map((w) => w.code))})`,
  );
  assert.deepEqual(r.quote, ex.quote ?? null, `${c.id}: quote as sent`);
  if (standard === "erc191") {
    assert.equal(r.wallet.toLowerCase(), c.input.wallet.toLowerCase(), `${c.id}: wallet`);
    assert.equal(r.walletRequest.params[1], r.wallet, `${c.id}: personal_sign address`);
  } else {
    assert.equal(r.wallet, c.input.wallet, `${c.id}: wallet`);
  }
}

function assertRejected(e, c, what) {
  assertCodedError(e, `${c.id} ${what}`, CODES, c.expected.error);
  if (c.expected.hint !== undefined) {
    assert.equal(typeof e.hint, "string", `${c.id}: a hint is given (${e.message})`);
    assert.ok(e.hint.includes(c.expected.hint), `${c.id}: hint ${JSON.stringify(e.hint)} contains ${JSON.stringify(c.expected.hint)}`);
    assert.ok(e.message.includes(e.hint), `${c.id}: the message carries the hint`);
  }
  if (c.flags.includes("no_hint")) assert.equal(e.hint, undefined, `${c.id}: no hint expected, got ${e.hint}`);
  if (c.expected.messageIncludes !== undefined) {
    assert.ok(e.message.includes(c.expected.messageIncludes), `${c.id}: message ${JSON.stringify(e.message)} contains ${JSON.stringify(c.expected.messageIncludes)}`);
  }
}

/** Cases the package gets wrong (none today); they would run as `todo`. */
const KNOWN_BUGS = {};

const stats = { success: 0, prepare: 0, finish: 0, delete: 0, verifiedIndependently: 0 };

for (const c of doc.cases) {
  const standard = standardOf(c);
  const stage = c.expected.stage ?? "success";
  const todo = KNOWN_BUGS[c.comment];
  test(`${c.id} [${stage}] ${c.comment}`, todo ? { todo } : {}, () => {
    if (stage === "delete") {
      const options = c.input.nonce ? { nonce: fromJson(c.input.nonce) } : undefined;
      const req = deleteExecutionRequest(c.input.executionId, c.input.wallet, options);
      assert.equal(req.standard, c.expected.standard);
      assert.equal(req.executionId, c.input.executionId);
      assert.equal(req.message, c.expected.message);
      assert.equal(req.payloadJson, c.expected.message);
      assert.deepEqual(toJson(req.walletRequest), c.expected.walletRequest, `${c.id}: delete walletRequest`);
      const output = fromJson(c.input.walletOutput);
      if (c.expected.error) {
        assertRejected(thrown(() => finishDeleteSigning(req, output), c.id), c, "finishDeleteSigning");
      } else {
        const body = finishDeleteSigning(req, output);
        assert.deepEqual(body, c.expected.deleteBody, `${c.id}: deleteBody`);
        verifyDeleteIndependently(c, standard, body);
        stats.verifiedIndependently++;
      }
      stats.delete++;
      return;
    }
    const options = { wallet: c.input.wallet, now: c.input.now };
    if (stage === "prepare") {
      assertRejected(thrown(() => prepareSigning(c.input.execution, options), c.id), c, "prepareSigning");
      stats.prepare++;
      return;
    }
    const r = prepareSigning(c.input.execution, options);
    checkPrepared(c, standard, r);
    const output = fromJson(c.input.walletOutput);
    if (stage === "finish") {
      assertRejected(thrown(() => finishSigning(r, output), c.id), c, "finishSigning");
      stats.finish++;
      return;
    }
    const f = finishSigning(r, output);
    assert.deepEqual(f.submitBody, c.expected.submitBody, `${c.id}: submitBody`);
    assert.deepEqual(f.multiPayload, c.expected.multiPayload, `${c.id}: multiPayload`);
    assert.equal(f.signerId, c.expected.signerId);
    assert.equal(f.intentHashBase58, c.expected.intentHashBase58);
    assert.equal(toHex(f.intentHash), toHex(r.intentHash));
    // independent verification of what would be POSTed
    verifySubmitIndependently(c, standard, f.submitBody, f.multiPayload);
    stats.verifiedIndependently++;
    // round trip: the verifier's view of the MultiPayload
    const v = verifyMultiPayload(f.multiPayload);
    assert.equal(v.valid, true, `${c.id}: verifyMultiPayload valid`);
    assert.equal(v.intentHashBase58, c.expected.intentHashBase58, `${c.id}: verifyMultiPayload intent hash`);
    assert.equal(v.signerId, c.expected.signerId, `${c.id}: verifyMultiPayload signer`);
    assert.equal(v.standard, standard);
    const v2 = verifyMultiPayload(JSON.stringify(f.multiPayload));
    assert.equal(v2.valid, true, `${c.id}: verifyMultiPayload(JSON text) valid`);
    stats.success++;
  });
}

test("every case ran, and every success was verified independently", () => {
  const expected = { success: 0, prepare: 0, finish: 0, delete: 0 };
  for (const c of doc.cases) expected[c.expected.stage ?? "success"]++;
  const todo = { success: 0, prepare: 0, finish: 0, delete: 0 };
  for (const c of doc.cases) if (KNOWN_BUGS[c.comment]) todo[c.expected.stage ?? "success"]++;
  for (const k of Object.keys(expected)) {
    assert.ok(stats[k] >= expected[k] - todo[k] && stats[k] <= expected[k], `${k} cases run: ${stats[k]} of ${expected[k]}`);
  }
  const deletesOk = doc.cases.filter((c) => c.expected.stage === "delete" && !c.expected.error).length;
  assert.equal(stats.verifiedIndependently, stats.success + deletesOk);
});

// ------------------------------------------------------- beyond the vectors

test("finishSigning does not depend on the request object's identity (JSON round trip of the request)", () => {
  const c = doc.cases.find((x) => standardOf(x) === "nep413" && !x.expected.stage);
  const r = prepareSigning(c.input.execution, { wallet: c.input.wallet, now: c.input.now });
  // a request stored as JSON (nonce as a plain array) and revived as a Uint8Array
  const stored = JSON.parse(JSON.stringify(r, (_, v) => (v instanceof Uint8Array ? { $bytes: toHex(v) } : v)));
  const revived = fromJson(stored);
  const f = finishSigning(revived, fromJson(c.input.walletOutput));
  assert.deepEqual(f.submitBody, c.expected.submitBody);
});

test("deleteExecutionRequest: a NEAR wallet without a nonce gets 32 random bytes", () => {
  const a = deleteExecutionRequest("33ca3807-0e1b-455f-a6dd-1a482ec9b385", "alice.near");
  const b = deleteExecutionRequest("33ca3807-0e1b-455f-a6dd-1a482ec9b385", "alice.near");
  assert.ok(a.walletRequest.nonce instanceof Uint8Array && a.walletRequest.nonce.length === 32);
  assert.notEqual(toHex(a.walletRequest.nonce), toHex(b.walletRequest.nonce));
  assert.equal(a.walletRequest.recipient, "intents.near");
  assert.equal(a.message, "delete_execution:33ca3807-0e1b-455f-a6dd-1a482ec9b385");
  const evm = deleteExecutionRequest("x", "0x0551f7c9a91ee579c9e40444ffc490001c323108");
  // personal_sign carries 0x + the hex of the message's UTF-8 bytes ("delete_execution:x").
  assert.deepEqual(evm.walletRequest, { method: "personal_sign", params: ["0x64656c6574655f657865637574696f6e3a78", "0x0551F7c9a91eE579C9e40444ffC490001C323108"] });
  assert.equal(Buffer.from(evm.walletRequest.params[0].slice(2), "hex").toString("utf8"), "delete_execution:x");
});

test("prepareSigning: a wallet string that is none of the three kinds is INVALID_WALLET", () => {
  const c = doc.cases.find((x) => !x.expected.stage);
  // ("0x1234" would be a valid NEAR account id, hence a NEAR wallet.)
  for (const wallet of ["0xZZZZ", "Alice.near", "not a wallet", "", "0x" + "g".repeat(40)]) {
    const e = thrown(() => prepareSigning(c.input.execution, { wallet, now: c.input.now }), wallet);
    assertCodedError(e, `wallet ${JSON.stringify(wallet)}`, CODES, "INVALID_WALLET");
  }
});

test("prepareSigning: knownContracts silences UNKNOWN_RECIPIENT for the listed addresses only", () => {
  const c = doc.cases.find((x) => !x.expected.error && (x.input.execution.steps ?? []).some((s) => /^(approve|transfer)\(/.test(s.functionSignature)));
  assert.ok(c, "a case with transfer/approve steps");
  const opts = { wallet: c.input.wallet, now: c.input.now };
  const unknown = (r) => r.warnings.filter((w) => w.code === "UNKNOWN_RECIPIENT").length;
  const before = prepareSigning(c.input.execution, opts);
  assert.ok(unknown(before) > 0, `${c.id}: some recipient is unknown without options`);
  const recipients = c.input.execution.steps
    .filter((s) => /^(approve|transfer)\(/.test(s.functionSignature))
    .map((s) => s.parameters[0]);
  const after = prepareSigning(c.input.execution, { ...opts, knownContracts: recipients });
  assert.equal(unknown(after), 0, `${c.id}: every listed recipient is known`);
  const partial = prepareSigning(c.input.execution, { ...opts, knownContracts: recipients.slice(1) });
  assert.ok(unknown(partial) >= 1 || recipients.length === 1 || new Set(recipients).size === 1, `${c.id}: an unlisted recipient stays unknown`);
  assert.throws(() => prepareSigning(c.input.execution, { ...opts, knownContracts: ["nope"] }), (e) => e.code === "INVALID_ADDRESS" && e.path === "options.knownContracts[0]");
});
