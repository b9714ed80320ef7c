// The mock's own signature checks, independent of intent-signer: everything
// here is built from @noble/curves, @noble/hashes, borsh and bs58 alone, so a
// bug in the package under test cannot hide behind the same bug in the mock.
//
//   erc191       keccak256("\x19Ethereum Signed Message:\n" ‖ len ‖ bytes), secp256k1
//                recovery with v ∈ {0, 1} (the verifier's rule), low-s only
//   raw_ed25519  RFC 8032 ed25519 over the raw bytes (strict, weak keys refused)
//   nep413       ed25519 over sha256(borsh(u32 2147484061) ‖ borsh{message,
//                nonce[32], recipient, callback_url: Option<String>})
//   EIP-712      hashStruct/encodeType for the Permit2 PermitWitnessTransferFrom
//                types, digest keccak256(0x1901 ‖ domainSeparator ‖ hashStruct)
//   EIP-7702     keccak256(0x05 ‖ rlp([chainId, address, nonce])), low-s only
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { ed25519 } from "@noble/curves/ed25519.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes, concatBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import * as borsh from "borsh";
import bs58 from "bs58";

export { bytesToHex, hexToBytes, concatBytes, utf8ToBytes, keccak_256, sha256 };

const SECP_N = secp256k1.Point.CURVE().n;

/** A malformed input (as opposed to a signature that does not verify). */
export class FormatError extends Error {}

// ------------------------------------------------------------- encodings

export const b58encode = (bytes) => bs58.encode(bytes);

export function b58decode(text, what = "value") {
  try {
    return bs58.decode(text);
  } catch {
    throw new FormatError(`${what} is not base58`);
  }
}

export function b64encode(bytes) {
  return Buffer.from(bytes).toString("base64");
}

/** Standard base64 (padded or not), strictly: no URL-safe alphabet, no whitespace. */
export function b64decode(text, what = "value") {
  if (typeof text !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.replace(/=+$/, "").length % 4 === 1) {
    throw new FormatError(`${what} is not standard base64`);
  }
  const bytes = new Uint8Array(Buffer.from(text, "base64"));
  if (b64encode(bytes).replace(/=+$/, "") !== text.replace(/=+$/, "")) {
    throw new FormatError(`${what} is not canonical base64`);
  }
  return bytes;
}

/** `"<curve>:<base58>"` of exactly `length` bytes (prefix required, any case). */
export function parseCurveString(text, curve, length, what) {
  if (typeof text !== "string") throw new FormatError(`${what} must be a string "${curve}:<base58>"`);
  const i = text.indexOf(":");
  if (i < 0 || text.slice(0, i).toLowerCase() !== curve) {
    throw new FormatError(`${what} must be "${curve}:<base58>"`);
  }
  const bytes = b58decode(text.slice(i + 1), what);
  if (bytes.length !== length) {
    throw new FormatError(`${what} must be ${length} bytes, got ${bytes.length}`);
  }
  return bytes;
}

export function hexToBytesStrict(text, length, what) {
  if (typeof text !== "string" || !/^0x[0-9a-fA-F]*$/.test(text) || text.length % 2 !== 0) {
    throw new FormatError(`${what} must be 0x-prefixed hex`);
  }
  const bytes = hexToBytes(text.slice(2));
  if (length !== undefined && bytes.length !== length) {
    throw new FormatError(`${what} must be ${length} bytes, got ${bytes.length}`);
  }
  return bytes;
}

// ------------------------------------------------------------- addresses

/** `0x` + lowercase hex of keccak256(x‖y)[12..] for a 65-byte uncompressed key. */
export function addressOfPublicKey(uncompressed65) {
  return "0x" + bytesToHex(keccak_256(uncompressed65.slice(1)).slice(12));
}

/** EIP-55 mixed-case checksum of a `0x` + 40 hex address. */
export function checksumAddress(address) {
  const lower = address.toLowerCase().replace(/^0x/, "");
  const hash = bytesToHex(keccak_256(utf8ToBytes(lower)));
  let out = "0x";
  for (let i = 0; i < 40; i++) out += parseInt(hash[i], 16) >= 8 ? lower[i].toUpperCase() : lower[i];
  return out;
}

export const isAddress = (s) => typeof s === "string" && /^0x[0-9a-fA-F]{40}$/.test(s);

// ------------------------------------------------------------- secp256k1

/**
 * The address that signed a 32-byte digest with r‖s‖v, or null when nothing
 * recovers. `allowedV` lists the accepted v bytes (each maps to v & 1 after
 * subtracting 27 where needed); high-s is refused unless `allowHighS`.
 */
export function recoverAddress(digest, sig65, { allowedV = [0, 1], allowHighS = false } = {}) {
  if (sig65.length !== 65) throw new FormatError(`signature must be 65 bytes, got ${sig65.length}`);
  const v = sig65[64];
  if (!allowedV.includes(v)) throw new FormatError(`signature v must be ${allowedV.join(" or ")}, got ${v}`);
  const recovery = v >= 27 ? v - 27 : v;
  if (recovery > 1) throw new FormatError(`signature v ${v} is not a recovery id`);
  const r = BigInt("0x" + bytesToHex(sig65.slice(0, 32)));
  const s = BigInt("0x" + bytesToHex(sig65.slice(32, 64)));
  if (r === 0n || r >= SECP_N || s === 0n || s >= SECP_N) throw new FormatError("signature r or s out of range");
  if (!allowHighS && s > SECP_N / 2n) throw new FormatError("signature s is high (not accepted)");
  try {
    const point = new secp256k1.Signature(r, s, recovery).recoverPublicKey(digest);
    return addressOfPublicKey(point.toBytes(false));
  } catch {
    return null;
  }
}

export function erc191Hash(messageBytes) {
  const prefix = utf8ToBytes(`\x19Ethereum Signed Message:\n${messageBytes.length}`);
  return keccak_256(concatBytes(prefix, messageBytes));
}

/** Recovers the signer of an erc191 (`personal_sign`) signature with v 0/1. */
export function erc191Recover(messageBytes, sig65) {
  return recoverAddress(erc191Hash(messageBytes), sig65, { allowedV: [0, 1] });
}

// ------------------------------------------------------------- ed25519

/** Strict RFC 8032 verification; weak (small-order) keys never verify. */
export function ed25519Verify(publicKey32, messageBytes, sig64) {
  try {
    const point = ed25519.Point.fromBytes(publicKey32, false);
    if (point.isSmallOrder()) return false;
    return ed25519.verify(sig64, messageBytes, publicKey32, { zip215: false });
  } catch {
    return false;
  }
}

// ------------------------------------------------------------- NEP-413

export const NEP413_TAG = 2147484061; // 2^31 + 413
const NEP413_SCHEMA = {
  struct: {
    message: "string",
    nonce: { array: { type: "u8", len: 32 } },
    recipient: "string",
    callback_url: { option: "string" },
  },
};

/** sha256(borsh(u32 2147484061) ‖ borsh(Nep413Payload)). */
export function nep413Hash({ message, nonce, recipient, callbackUrl = null }) {
  if (!(nonce instanceof Uint8Array) || nonce.length !== 32) throw new FormatError("nonce must be 32 bytes");
  const preimage = concatBytes(
    borsh.serialize("u32", NEP413_TAG),
    borsh.serialize(NEP413_SCHEMA, { message, nonce: Array.from(nonce), recipient, callback_url: callbackUrl }),
  );
  return sha256(preimage);
}

// ------------------------------------------------------------- the three wallet standards

/**
 * Verifies a signature the Intents Connect way. `signed` is what the wallet
 * was asked to sign: `{bytes}` for erc191/raw_ed25519, `{nep413: {message,
 * nonce, recipient}}` for nep413. `expect` is the wallet: `{address}` for
 * erc191, `{publicKey32}` for raw_ed25519, `{account, publicKey32?}` for nep413.
 * Returns `{ok, reason}`; throws FormatError for a malformed signature or key.
 */
export function verifyWalletSignature(standard, signed, { signature, publicKey }, expect) {
  if (standard === "erc191") {
    if (publicKey !== undefined) throw new FormatError("publicKey must be omitted for erc191");
    const sig = parseCurveString(signature, "secp256k1", 65, "signature");
    const who = erc191Recover(signed.bytes, sig);
    return who === expect.address.toLowerCase() ? { ok: true } : { ok: false, reason: `recovers to ${who}` };
  }
  if (standard === "raw_ed25519" || standard === "nep413") {
    if (publicKey === undefined) throw new FormatError(`publicKey is required for ${standard}`);
    const key = parseCurveString(publicKey, "ed25519", 32, "publicKey");
    const sig = parseCurveString(signature, "ed25519", 64, "signature");
    if (standard === "raw_ed25519") {
      if (bytesToHex(key) !== bytesToHex(expect.publicKey32)) {
        return { ok: false, reason: "publicKey is not the wallet's key" };
      }
      return ed25519Verify(key, signed.bytes, sig) ? { ok: true } : { ok: false, reason: "ed25519 does not verify" };
    }
    if (/^[0-9a-f]{64}$/.test(expect.account) && bytesToHex(key) !== expect.account) {
      return { ok: false, reason: "publicKey is not the implicit account's key" };
    }
    if (expect.allowedKeys && !expect.allowedKeys.includes(b58encode(key))) {
      return { ok: false, reason: "publicKey is not registered for the account" };
    }
    const digest = nep413Hash(signed.nep413);
    return ed25519Verify(key, digest, sig) ? { ok: true } : { ok: false, reason: "ed25519 does not verify" };
  }
  throw new FormatError(`unsupported standard ${standard}`);
}

// ------------------------------------------------------------- EIP-712

const isStructType = (types, t) => Object.prototype.hasOwnProperty.call(types, t.replace(/\[\d*\]$/, ""));

function dependencies(types, primary, found = new Set()) {
  const base = primary.replace(/(\[\d*\])+$/, "");
  if (found.has(base) || !types[base]) return found;
  found.add(base);
  for (const f of types[base]) dependencies(types, f.type, found);
  return found;
}

/** `Primary(fields)` followed by the referenced structs in alphabetical order. */
export function encodeType(types, primary) {
  const deps = [...dependencies(types, primary)].filter((t) => t !== primary).sort();
  return [primary, ...deps].map((t) => `${t}(${types[t].map((f) => `${f.type} ${f.name}`).join(",")})`).join("");
}

export const typeHash = (types, primary) => keccak_256(utf8ToBytes(encodeType(types, primary)));

function word(n) {
  const v = BigInt(n);
  if (v < 0n || v >= 1n << 256n) throw new FormatError(`integer ${n} out of range`);
  return hexToBytes(v.toString(16).padStart(64, "0"));
}

function encodeValue(types, type, value) {
  if (isStructType(types, type) && !type.endsWith("]")) return hashStruct(types, type, value);
  const array = type.match(/^(.*)\[(\d*)\]$/);
  if (array) {
    if (!Array.isArray(value)) throw new FormatError(`${type} expects an array`);
    return keccak_256(concatBytes(...value.map((v) => encodeValue(types, array[1], v))));
  }
  if (type === "string") return keccak_256(utf8ToBytes(String(value)));
  if (type === "bytes") return keccak_256(hexToBytesStrict(value, undefined, "bytes value"));
  if (type === "address") {
    if (!isAddress(value)) throw new FormatError(`address expected, got ${JSON.stringify(value)}`);
    return word(BigInt(value));
  }
  if (type === "bool") return word(value === true || value === "true" ? 1 : 0);
  const bytesN = type.match(/^bytes(\d+)$/);
  if (bytesN) {
    const b = hexToBytesStrict(value, Number(bytesN[1]), `${type} value`);
    const out = new Uint8Array(32);
    out.set(b);
    return out;
  }
  if (/^uint\d*$/.test(type)) return word(value);
  const int = type.match(/^int(\d*)$/);
  if (int) {
    const v = BigInt(value);
    return word(v < 0n ? (1n << 256n) + v : v);
  }
  throw new FormatError(`unsupported EIP-712 type ${type}`);
}

/** keccak256(typeHash ‖ encodeData(value)); a struct must have exactly its declared fields. */
export function hashStruct(types, primary, value) {
  if (!value || typeof value !== "object") throw new FormatError(`${primary} expects an object`);
  const fields = types[primary];
  const extra = Object.keys(value).filter((k) => !fields.some((f) => f.name === k));
  if (extra.length) throw new FormatError(`${primary} has unknown field ${extra[0]}`);
  const parts = [typeHash(types, primary)];
  for (const f of fields) {
    if (!(f.name in value)) throw new FormatError(`${primary} is missing ${f.name}`);
    parts.push(encodeValue(types, f.type, value[f.name]));
  }
  return keccak_256(concatBytes(...parts));
}

const DOMAIN_FIELDS = [
  ["name", "string"],
  ["version", "string"],
  ["chainId", "uint256"],
  ["verifyingContract", "address"],
  ["salt", "bytes32"],
];

/** The domain separator, EIP712Domain derived from the fields present. */
export function domainSeparator(domain) {
  const fields = DOMAIN_FIELDS.filter(([k]) => domain[k] !== undefined).map(([name, type]) => ({ name, type }));
  return hashStruct({ EIP712Domain: fields }, "EIP712Domain", domain);
}

export function eip712Digest({ types, primaryType, domain, message }) {
  const t = { ...types };
  delete t.EIP712Domain;
  return keccak_256(concatBytes(new Uint8Array([0x19, 0x01]), domainSeparator(domain), hashStruct(t, primaryType, message)));
}

// ------------------------------------------------------------- Permit2

export const PERMIT2_ADDRESS = "0x000000000022D473030F116dDEE9F6B43aC78BA3";

export const PERMIT2_WITNESS_TYPES = {
  PermitWitnessTransferFrom: [
    { name: "permitted", type: "TokenPermissions" },
    { name: "spender", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
    { name: "witness", type: "Witness" },
  ],
  TokenPermissions: [
    { name: "token", type: "address" },
    { name: "amount", type: "uint256" },
  ],
  Witness: [
    { name: "resolver", type: "address" },
    { name: "user", type: "address" },
    { name: "secretHash", type: "bytes32" },
  ],
};

/**
 * Uniswap Permit2's witness type string: `"<Type> witness)"` followed by every
 * struct the full PermitWitnessTransferFrom type references, alphabetically
 * (that is, the tail of encodeType after `...uint256 deadline,`).
 */
export function witnessTypeString(types = PERMIT2_WITNESS_TYPES, witnessType = "Witness") {
  const full = encodeType(types, "PermitWitnessTransferFrom");
  const head = "PermitWitnessTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline,";
  if (!full.startsWith(head)) throw new FormatError("unexpected PermitWitnessTransferFrom layout");
  const tail = full.slice(head.length);
  if (!tail.startsWith(`${witnessType} witness)`)) throw new FormatError("the witness must be the last field");
  return tail;
}

export const witnessHash = (witness, types = PERMIT2_WITNESS_TYPES) => hashStruct(types, "Witness", witness);

/** The EIP-712 digest a Permit2 PermitWitnessTransferFrom signature covers. */
export function permit2WitnessDigest({ chainId, permit2 = PERMIT2_ADDRESS, token, amount, spender, nonce, deadline, witness }) {
  return eip712Digest({
    types: PERMIT2_WITNESS_TYPES,
    primaryType: "PermitWitnessTransferFrom",
    domain: { name: "Permit2", chainId, verifyingContract: permit2 },
    message: { permitted: { token, amount }, spender, nonce, deadline, witness },
  });
}

// ------------------------------------------------------------- EIP-7702

function rlpLength(len, offset) {
  if (len < 56) return new Uint8Array([offset + len]);
  const hex = len.toString(16);
  const lenBytes = hexToBytes(hex.length % 2 ? "0" + hex : hex);
  return concatBytes(new Uint8Array([offset + 55 + lenBytes.length]), lenBytes);
}

export function rlpBytes(bytes) {
  if (bytes.length === 1 && bytes[0] < 0x80) return bytes;
  return concatBytes(rlpLength(bytes.length, 0x80), bytes);
}

export function rlpUint(n) {
  const v = BigInt(n);
  if (v < 0n) throw new FormatError("negative integer");
  if (v === 0n) return rlpBytes(new Uint8Array(0));
  const hex = v.toString(16);
  return rlpBytes(hexToBytes(hex.length % 2 ? "0" + hex : hex));
}

export function rlpList(items) {
  const body = concatBytes(...items);
  return concatBytes(rlpLength(body.length, 0xc0), body);
}

/** keccak256(0x05 ‖ rlp([chainId, address, nonce])). */
export function eip7702Hash({ chainId, address, nonce }) {
  if (!isAddress(address)) throw new FormatError("address must be 0x + 40 hex");
  const rlp = rlpList([rlpUint(chainId), rlpBytes(hexToBytes(address.slice(2))), rlpUint(nonce)]);
  return keccak_256(concatBytes(new Uint8Array([0x05]), rlp));
}

/** The authority of a signed authorization `{chainId, address, nonce, r, s, yParity}`; high-s refused. */
export function eip7702Recover(auth) {
  const r = BigInt(auth.r);
  const s = BigInt(auth.s);
  const yParity = auth.yParity ?? auth.v;
  if (yParity !== 0 && yParity !== 1) throw new FormatError("yParity must be 0 or 1");
  if (r === 0n || r >= SECP_N || s === 0n || s >= SECP_N) throw new FormatError("r or s out of range");
  if (s > SECP_N / 2n) throw new FormatError("s is high (EIP-2: not accepted)");
  const digest = eip7702Hash(auth);
  try {
    return addressOfPublicKey(new secp256k1.Signature(r, s, yParity).recoverPublicKey(digest).toBytes(false));
  } catch {
    return null;
  }
}
