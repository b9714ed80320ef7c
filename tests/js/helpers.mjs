// Test-only helpers shared by the *.test.mjs files. Nothing here uses the
// package under test: decoders are written out so that expected values never
// pass through intent-signer itself.

import assert from "node:assert/strict";
import { createHash, createPrivateKey, sign as nodeSign } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The installed copy of the package (scripts/test-js.sh puts `npm pack ./pkg`
 * there). Its .d.ts files are read from here rather than from pkg/, so that
 * the module under test and the types it is checked against are one snapshot
 * even while pkg/ is being rebuilt.
 */
export const INSTALLED = fileURLToPath(new URL("./node_modules/intent-signer/", import.meta.url));

/** A vector file of tests/vectors/ (path relative to that folder). */
export function vectorFile(rel) {
  const doc = JSON.parse(readFileSync(new URL(`../vectors/${rel}`, import.meta.url), "utf8"));
  assert.equal(typeof doc.source, "string", `${rel}: every vector file cites its source`);
  assert.ok(Array.isArray(doc.cases) && doc.cases.length > 0, `${rel}: has cases`);
  return doc;
}

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Hex (no 0x) → Uint8Array, independent of the package. */
export function hex(s) {
  assert.match(s, HEX, `test vector hex: ${s}`);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Uint8Array → lowercase hex, independent of the package. */
export function toHex(bytes) {
  assert.ok(bytes instanceof Uint8Array, `expected a Uint8Array, got ${Object.prototype.toString.call(bytes)}`);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Base58 (Bitcoin alphabet) → bytes. */
export function b58decode(s) {
  let n = 0n;
  for (const c of s) {
    const d = B58.indexOf(c);
    assert.ok(d >= 0, `not base58: ${s}`);
    n = n * 58n + BigInt(d);
  }
  const bytes = [];
  while (n > 0n) {
    bytes.push(Number(n & 0xffn));
    n >>= 8n;
  }
  for (const c of s) {
    if (c !== "1") break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

/** Bytes → base58 (Bitcoin alphabet). */
export function b58encode(bytes) {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = "";
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = "1" + out;
  }
  return out;
}

/** Bytes of a `"<curve>:<base58>"` string, checking the curve prefix. */
export function curveBytes(s, curve) {
  const [prefix, data] = s.split(":");
  assert.equal(prefix, curve, `curve prefix of ${s}`);
  return b58decode(data);
}

/** Standard base64 → bytes (Node's decoder, not the package's). */
export function b64(s) {
  return new Uint8Array(Buffer.from(s, "base64"));
}

export const utf8 = (s) => new TextEncoder().encode(s);

/** Runs `f`, which must throw; returns the thrown value. */
export function thrown(f, what) {
  let result;
  try {
    result = f();
  } catch (e) {
    return e;
  }
  assert.fail(`${what}: expected a throw, returned ${inspectShort(result)}`);
}

export function inspectShort(v) {
  try {
    if (v instanceof Uint8Array) return `Uint8Array(${v.length}) ${toHex(v).slice(0, 40)}`;
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.slice(0, 200);
  } catch {
    return String(v);
  }
}

export const TYPE_ERROR_CODES = new Set(["INVALID_TYPE", "MISSING_FIELD", "UNKNOWN_FIELD"]);
export const RANGE_ERROR_CODES = new Set([
  "INVALID_LENGTH",
  "INVALID_RECOVERY_ID",
  "INVALID_SECRET_KEY",
  "INVALID_NUMBER",
  "ABI_ARITY_MISMATCH",
  "TOO_MANY_STEPS",
]);

/**
 * Asserts the documented error shape: an `Error` with a string `code`, the
 * class the README/.d.ts promise for that code, an optional string `path`.
 * `codes` is the list from errorCodes(); `code` (optional) the exact code.
 */
export function assertCodedError(e, what, codes, code) {
  assert.ok(e instanceof Error, `${what}: threw a non-Error: ${inspectShort(e)}`);
  assert.equal(typeof e.code, "string", `${what}: error without a string code: ${e}`);
  assert.ok(codes.includes(e.code), `${what}: code ${e.code} is not in errorCodes()`);
  if (code !== undefined) assert.equal(e.code, code, `${what}: code (message: ${e.message})`);
  if (TYPE_ERROR_CODES.has(e.code)) {
    assert.ok(e instanceof TypeError, `${what}: ${e.code} must be a TypeError, is ${e.constructor.name}`);
  } else if (RANGE_ERROR_CODES.has(e.code)) {
    assert.ok(e instanceof RangeError, `${what}: ${e.code} must be a RangeError, is ${e.constructor.name}`);
  } else {
    assert.equal(e.constructor, Error, `${what}: ${e.code} must be a plain Error, is ${e.constructor.name}`);
  }
  assert.ok(Object.hasOwn(e, "code"), `${what}: code is an own property`);
  if ("path" in e) assert.equal(typeof e.path, "string", `${what}: path is a string`);
  assert.equal(typeof e.message, "string");
  assert.ok(e.message.length > 0, `${what}: empty message`);
}

/** The body of a `## Title` section of the README (up to the next `## `). */
export function readmeSection(readme, title) {
  const lines = readme.split("\n");
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  return lines.slice(start + 1, end).join("\n");
}

// ------------------------------------------------ independent signing (Node's crypto)
// For the execution flow: signatures made here, never by the package, so a
// valid call is checked against bytes the package did not produce.

/** sha256 of bytes (Node's crypto). */
export const sha256 = (bytes) => new Uint8Array(createHash("sha256").update(bytes).digest());

/** An Ed25519 signature of `message` by a 32-byte seed (Node's crypto, RFC 8032). */
export function ed25519SignNode(seed, message) {
  assert.equal(seed.length, 32, "an Ed25519 seed is 32 bytes");
  const pkcs8 = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), Buffer.from(seed)]);
  const key = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
  return new Uint8Array(nodeSign(null, Buffer.from(message), key));
}

/**
 * The NEP-413 hash, written out: sha256(borsh(u32 2^31 + 413) ‖ borsh({message,
 * nonce: [u8; 32], recipient, callbackUrl: Option<String>})). `nonce` is bytes.
 */
export function nep413HashNode({ message, nonce, recipient, callbackUrl }) {
  const u32 = (n) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const str = (s) => {
    const b = Buffer.from(s, "utf8");
    return Buffer.concat([u32(b.length), b]);
  };
  assert.equal(nonce.length, 32, "a NEP-413 nonce is 32 bytes");
  const parts = [u32(2 ** 31 + 413), str(message), Buffer.from(nonce), str(recipient)];
  parts.push(callbackUrl == null ? Buffer.from([0]) : Buffer.concat([Buffer.from([1]), str(callbackUrl)]));
  return sha256(Buffer.concat(parts));
}

/**
 * An Intents Connect execution (the fields prepareSigning reads) around a
 * signing payload: `details.payload` with both renderings of `payloadJson`.
 */
export function signableExecution({ id, payloadJson, standard, status = "CREATED" }) {
  return {
    id,
    status,
    details: {
      signingStandard: standard,
      payload: {
        payload_json: payloadJson,
        payload_bytes_base64: Buffer.from(payloadJson, "utf8").toString("base64"),
        standard,
      },
    },
  };
}
