// Differential test-vector generator for EIP-712 typed data, Uniswap Permit2 and EIP-7702 (intent-signer).
//
// Every expected value is computed by at least TWO independent JS implementations and checked equal
// (the script throws otherwise):
//   - viem 2.x            hashTypedData, hashDomain, hashStruct, encodeType (viem's own module, loaded by file
//                         URL because viem does not export it), privateKeyToAccount().signTypedData,
//                         recoverTypedDataAddress, hashAuthorization, signAuthorization,
//                         recoverAuthorizationAddress, toRlp
//   - ethers 6.x          TypedDataEncoder.hash / hashDomain / hashStruct / encodeType, SigningKey.sign,
//                         recoverAddress, hashAuthorization, verifyAuthorization, encodeRlp
//   - @uniswap/permit2-sdk SignatureTransfer / AllowanceTransfer getPermitData + hash (it bundles ethers v5's
//                         _TypedDataEncoder, a third EIP-712 implementation)
//
// Outputs (and nothing else):
//   ../generated/eip712.json   generic eth_signTypedData_v4 vectors (upstream + curated + seeded random + negative)
//   ../generated/permit2.json  Permit2 builders (permit2-sdk shapes) and Changelly/Hotpot params_to_sign
//   ../generated/eip7702.json  EIP-7702 authorization preimage / hash / signature
//
// Before anything is written, the published vectors of shared/reference/evm.md §2.1, §2.2, §2.3, §2.4, §2.5 and
// §2.7 are reproduced (and then also written as cases flagged "upstream").
//
// Deterministic: a mulberry32 PRNG seeded with a constant; no Math.random, no clock.
// Test keys: keccak256(utf8("intent-signer eip712 test key <i>")). TEST KEYS ONLY, never use them for real funds.
// Usage: cd tests/vectors/gen && npm ci && npm run gen:eip712

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

import {
  hashTypedData,
  hashDomain,
  hashStruct,
  recoverTypedDataAddress,
  getTypesForEIP712Domain,
  keccak256 as vKeccak,
  stringToHex,
  concat as vConcat,
  toRlp,
  getAddress as vGetAddress,
  numberToHex,
  parseSignature,
} from 'viem';
import { privateKeyToAccount, signAuthorization } from 'viem/accounts';
import { hashAuthorization, recoverAuthorizationAddress } from 'viem/utils';
import {
  TypedDataEncoder,
  SigningKey,
  keccak256 as eKeccak,
  id as eId,
  concat as eConcat,
  getAddress as eGetAddress,
  computeAddress,
  recoverAddress as eRecoverAddress,
  hashAuthorization as eHashAuthorization,
  verifyAuthorization as eVerifyAuthorization,
  encodeRlp,
  toBeArray,
  Signature as ESignature,
} from 'ethers';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.resolve(HERE, '..', 'generated');
const OUT_EIP712 = path.join(OUT_DIR, 'eip712.json');
const OUT_PERMIT2 = path.join(OUT_DIR, 'permit2.json');
const OUT_EIP7702 = path.join(OUT_DIR, 'eip7702.json');

const require = createRequire(import.meta.url);
// permit2-sdk's ESM build uses extension-less imports that Node cannot load; its CJS build works.
const { SignatureTransfer, AllowanceTransfer, PERMIT2_ADDRESS } = require('@uniswap/permit2-sdk');
// viem's encodeType is not exported from the package entry; load viem's own module file (same instance).
const { encodeType: vEncodeType } = await import(
  pathToFileURL(path.join(HERE, 'node_modules', 'viem', '_esm', 'utils', 'signature', 'hashTypedData.js')).href
);

const SEED = 0xe712_5eed;

function pkgVersion(name, base = HERE) {
  const p = path.join(base, 'node_modules', ...name.split('/'), 'package.json');
  return JSON.parse(readFileSync(p, 'utf8')).version;
}
const VIEM_V = pkgVersion('viem');
const ETHERS_V = pkgVersion('ethers');
const PERMIT2_SDK_V = pkgVersion('@uniswap/permit2-sdk');
// permit2-sdk's own ethers v5 (_TypedDataEncoder from @ethersproject/hash)
const ETHERS5_HASH_V = pkgVersion('@ethersproject/hash');

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function fail(msg) {
  throw new Error(`CROSS-CHECK FAILED: ${msg}`);
}
function assertEq(a, b, what) {
  if (a !== b) fail(`${what}: ${String(a)} !== ${String(b)}`);
}
function assert(c, what) {
  if (!c) fail(what);
}
function errMsg(e) {
  return String(e && e.shortMessage ? e.shortMessage : e && e.message ? e.message : e).split('\n')[0];
}
function errName(e) {
  return (e && (e.name || e.code)) || 'Error';
}
const lc = (s) => s.toLowerCase();
const clone = (x) => JSON.parse(JSON.stringify(x));

// mulberry32, seeded with a constant.
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
const rng32 = mulberry32(SEED);
const rnd = () => rng32() / 4294967296;
const randInt = (n) => Math.floor(rnd() * n); // 0..n-1
const pick = (arr) => arr[randInt(arr.length)];
const chance = (p) => rnd() < p;
function randBytesHex(n) {
  let s = '0x';
  for (let i = 0; i < n; i++) s += (rng32() & 0xff).toString(16).padStart(2, '0');
  return s;
}
function shuffle(arr) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = randInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
function randBigBits(bits) {
  // uniform-ish in [0, 2^bits)
  let x = 0n;
  for (let i = 0; i < bits; i += 32) x = (x << 32n) | BigInt(rng32());
  return x & ((1n << BigInt(bits)) - 1n);
}
function randUint(bits) {
  const r = randInt(8);
  const max = (1n << BigInt(bits)) - 1n;
  if (r === 0) return 0n;
  if (r === 1) return max;
  if (r === 2) return 1n;
  if (r === 3) return randBigBits(Math.min(bits, 1 + randInt(bits)));
  return randBigBits(bits);
}
function randInt256(bits) {
  const r = randInt(8);
  const max = (1n << BigInt(bits - 1)) - 1n;
  const min = -(1n << BigInt(bits - 1));
  if (r === 0) return min;
  if (r === 1) return max;
  if (r === 2) return -1n;
  if (r === 3) return 0n;
  const v = randBigBits(bits - 1);
  return chance(0.5) ? -v - 1n : v;
}
// address rendering: EIP-55 or all lowercase
function renderAddr(addr, style) {
  const cs = vGetAddress(addr);
  return style === 'lower' ? cs.toLowerCase() : cs;
}
function randAddr() {
  return renderAddr(randBytesHex(20), chance(0.5) ? 'lower' : 'checksum');
}

const SECP_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const keyCache = new Map();
/** TEST KEY ONLY: keccak256(utf8("intent-signer eip712 test key <i>")), re-hashed until 0 < k < n. */
function testKey(i) {
  if (keyCache.has(i)) return keyCache.get(i);
  let h = vKeccak(stringToHex(`intent-signer eip712 test key ${i}`));
  assertEq(h, eId(`intent-signer eip712 test key ${i}`), 'test key (viem keccak vs ethers id)');
  while (BigInt(h) === 0n || BigInt(h) >= SECP_N) h = vKeccak(h);
  keyCache.set(i, h);
  return h;
}
const accountCache = new Map();
function account(sk) {
  if (!accountCache.has(sk)) {
    const acct = privateKeyToAccount(sk);
    assertEq(acct.address, computeAddress(sk), 'address (viem vs ethers)');
    accountCache.set(sk, acct);
  }
  return accountCache.get(sk);
}

// Public upstream test keys.
const ANVIL0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const ANVIL0_ADDR = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const COW_KEY = vKeccak(stringToHex('cow'));
assertEq(COW_KEY, '0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4', 'keccak256("cow")');

const ZERO_ADDR = '0x0000000000000000000000000000000000000000';
const U256_MAX = (1n << 256n) - 1n;
const U160_MAX = (1n << 160n) - 1n;
const U48_MAX = (1n << 48n) - 1n;
const U64_MAX = (1n << 64n) - 1n;

// ---------------------------------------------------------------------------
// EIP-712 type helpers
// ---------------------------------------------------------------------------

const ARRAY_RE = /^(.*)\[(\d*)\]$/;
const INT_RE = /^(u?)int(\d*)$/;
const BYTESN_RE = /^bytes(\d+)$/;
const DOMAIN_FIELDS = [
  ['name', 'string'],
  ['version', 'string'],
  ['chainId', 'uint256'],
  ['verifyingContract', 'address'],
  ['salt', 'bytes32'],
];
function baseType(t) {
  return t.replace(/(\[[0-9]*\])+$/, '');
}
/** The derived EIP712Domain type for a domain object (canonical order, present fields only). */
function derivedDomainType(domain) {
  return DOMAIN_FIELDS.filter(([n]) => domain[n] !== undefined).map(([name, type]) => ({ name, type }));
}
/** Struct types reachable from `root` (root included), in declaration order of `types`. */
function reachable(types, root) {
  const seen = new Set();
  const visit = (t) => {
    const b = baseType(t);
    if (seen.has(b) || !types[b]) return;
    seen.add(b);
    for (const f of types[b]) visit(f.type);
  };
  visit(root);
  const out = {};
  for (const k of Object.keys(types)) if (seen.has(k)) out[k] = types[k];
  return out;
}
/** JSON value → viem-native value (integers as BigInt). Strict: throws on bad input. */
function nativize(types, type, v) {
  const m = type.match(ARRAY_RE);
  if (m) return v.map((x) => nativize(types, m[1], x));
  if (types[type]) {
    const o = {};
    for (const f of types[type]) o[f.name] = nativize(types, f.type, v[f.name]);
    return o;
  }
  if (INT_RE.test(type)) {
    if (typeof v === 'number') return BigInt(v);
    return BigInt(v);
  }
  return v;
}
/** Lenient variant for negative inputs: keeps unknown keys, leaves unparsable numbers as they are. */
function nativizeLoose(types, type, v) {
  const m = type.match(ARRAY_RE);
  if (m) return Array.isArray(v) ? v.map((x) => nativizeLoose(types, m[1], x)) : v;
  if (types[type] && v && typeof v === 'object') {
    const o = { ...v };
    for (const f of types[type]) if (f.name in v) o[f.name] = nativizeLoose(types, f.type, v[f.name]);
    return o;
  }
  if (INT_RE.test(type) && (typeof v === 'string' || typeof v === 'number')) {
    try {
      if (typeof v === 'string' && !/^-?[0-9]+$/.test(v)) return v;
      return BigInt(v);
    } catch {
      return v;
    }
  }
  return v;
}

// ---------------------------------------------------------------------------
// EIP-712: compute every expected value with viem and ethers
// ---------------------------------------------------------------------------

/**
 * td: {types, primaryType, domain, message} as written in the JSON (integers as decimal strings).
 * custom: types.EIP712Domain is not the canonical derived list (non-standard field or reordered); ethers'
 * hashDomain cannot do that, so the domain separator is taken from ethers' generic hashStruct over the explicit
 * EIP712Domain type and from viem hashDomain, and the digest from viem two ways.
 */
function computeEip712(td, sk, { custom = false } = {}) {
  const { types, primaryType, domain } = td;
  const explicit = Object.prototype.hasOwnProperty.call(types, 'EIP712Domain');
  const domType = explicit ? types.EIP712Domain : derivedDomainType(domain);
  if (!custom) {
    // our own invariant: explicit EIP712Domain lists exactly the domain's fields in canonical order
    assertEq(JSON.stringify(domType), JSON.stringify(derivedDomainType(domain)), 'EIP712Domain canonical');
    assertEq(
      JSON.stringify(getTypesForEIP712Domain({ domain })),
      JSON.stringify(derivedDomainType(domain)),
      'viem getTypesForEIP712Domain'
    );
  } else {
    assert(explicit, 'custom_domain needs types.EIP712Domain');
  }
  const allTypes = { ...types, EIP712Domain: domType };
  const isDomainPrimary = primaryType === 'EIP712Domain';
  // --- viem
  const vDomain = nativize(allTypes, 'EIP712Domain', domain);
  const vMessage = isDomainPrimary ? undefined : nativize(types, primaryType, td.message);
  const vTd = { types, primaryType, domain: vDomain, message: vMessage };
  const digestV = hashTypedData(vTd);
  const dsV = hashDomain({ domain: vDomain, types: allTypes });
  const hsV = isDomainPrimary ? null : hashStruct({ data: vMessage, primaryType, types });
  const encV = vEncodeType({ primaryType, types: allTypes });
  const digestV2 = vKeccak(vConcat(isDomainPrimary ? ['0x1901', dsV] : ['0x1901', dsV, hsV]));
  assertEq(digestV, digestV2, 'viem hashTypedData vs keccak(0x1901 ‖ hashDomain ‖ hashStruct)');
  // --- ethers (gets the JSON strings unchanged)
  const eDomTypes = { EIP712Domain: domType };
  const dsE2 = TypedDataEncoder.hashStruct('EIP712Domain', eDomTypes, domain);
  let dsE = dsE2;
  if (!custom) {
    dsE = TypedDataEncoder.hashDomain(domain);
    assertEq(dsE, dsE2, 'ethers hashDomain vs hashStruct(EIP712Domain)');
  }
  assertEq(dsV, dsE, 'domainSeparator (viem vs ethers)');
  let hsE = null;
  let encE;
  let digestE;
  if (isDomainPrimary) {
    encE = TypedDataEncoder.from(eDomTypes).encodeType('EIP712Domain');
    digestE = eKeccak(eConcat(['0x1901', dsE]));
  } else {
    const eTypes = reachable(types, primaryType); // ethers refuses unused types and EIP712Domain in `types`
    hsE = TypedDataEncoder.hashStruct(primaryType, eTypes, td.message);
    encE = TypedDataEncoder.from(eTypes).encodeType(primaryType);
    digestE = custom
      ? eKeccak(eConcat(['0x1901', dsE, hsE]))
      : TypedDataEncoder.hash(domain, eTypes, td.message);
    assertEq(hsV, hsE, 'hashStruct (viem vs ethers)');
  }
  assertEq(encV, encE, 'encodeType (viem vs ethers)');
  assertEq(digestV, digestE, 'digest (viem vs ethers)');
  const typeHash = vKeccak(stringToHex(encV));
  assertEq(typeHash, eId(encE), 'typeHash');
  // --- signature
  const acct = account(sk);
  return signAndCheck(vTd, digestV, sk, acct).then((signature) => ({
    digest: digestV,
    domainSeparator: dsV,
    ...(isDomainPrimary ? {} : { hashStruct: hsV }),
    encodeType: encV,
    typeHash,
    signature,
    address: acct.address,
  }));
}

async function signAndCheck(vTd, digest, sk, acct) {
  const sigV = await acct.signTypedData(vTd);
  const sigE = new SigningKey(sk).sign(digest).serialized;
  assertEq(sigV, sigE, 'signature (viem signTypedData vs ethers SigningKey.sign)');
  assertEq(sigV.length, 132, 'signature length');
  const v = parseInt(sigV.slice(130), 16);
  assert(v === 27 || v === 28, `v = ${v}`);
  const recV = await recoverTypedDataAddress({ ...vTd, signature: sigV });
  assertEq(recV, acct.address, 'viem recoverTypedDataAddress');
  assertEq(eRecoverAddress(digest, sigV), acct.address, 'ethers recoverAddress');
  return sigV;
}


// ---------------------------------------------------------------------------
// EIP-712 case bookkeeping
// ---------------------------------------------------------------------------

function isAsciiOnly(s) {
  return /^[\x00-\x7f]*$/.test(s);
}
/** Flags derived from the typed data itself (the generator's own view of what a case covers). */
function autoFlags(td) {
  const st = new Set();
  let maxDepth = 0;
  const { types, primaryType, domain } = td;
  const explicit = Object.prototype.hasOwnProperty.call(types, 'EIP712Domain');
  if (explicit) st.add('explicit_domain_type');
  if (primaryType === 'EIP712Domain') st.add('primary_domain');
  const walk = (type, v, depth) => {
    const m = type.match(ARRAY_RE);
    if (m) {
      st.add(m[2] === '' ? 'dynamic_array' : 'fixed_array');
      if (ARRAY_RE.test(m[1])) st.add('multi_dim_array');
      if (types[baseType(type)]) st.add('struct_array');
      if (Array.isArray(v) && v.length === 0) st.add('empty_array');
      if (Array.isArray(v)) v.forEach((x) => walk(m[1], x, depth));
      return;
    }
    if (types[type]) {
      maxDepth = Math.max(maxDepth, depth);
      if (depth >= 2) st.add('nested');
      if (types[type].length === 0) st.add('empty_struct');
      for (const f of types[type]) if (v && f.name in v) walk(f.type, v[f.name], depth + 1);
      return;
    }
    const im = type.match(INT_RE);
    if (im) {
      const x = BigInt(v);
      const bits = BigInt(im[2] || 256);
      if (im[1] === 'u') {
        if (x === (1n << bits) - 1n) st.add(bits === 256n ? 'uint256_max' : 'uint_max');
      } else {
        st.add('signed_int');
        if (x < 0n) st.add('negative_int');
        if (x === -(1n << (bits - 1n))) st.add('int_min');
      }
      return;
    }
    if (type === 'bytes') {
      st.add('bytes');
      if (v === '0x') st.add('empty_bytes');
      return;
    }
    if (BYTESN_RE.test(type)) {
      st.add('bytesN');
      return;
    }
    if (type === 'string') {
      if (v === '') st.add('empty_string');
      if (!isAsciiOnly(v)) st.add('unicode');
      return;
    }
    if (type === 'bool') {
      st.add('bool');
      return;
    }
    if (type === 'address') {
      if (/^0x0{40}$/.test(v)) st.add('zero_address');
      else if (v === v.toLowerCase()) st.add('lowercase_address');
      else st.add('checksummed_address');
    }
  };
  const domType = explicit ? types.EIP712Domain : derivedDomainType(domain);
  for (const f of domType) if (f.name in domain) walk(f.type, domain[f.name], 99);
  if (domain.salt !== undefined) st.add('salt');
  if (domain.chainId !== undefined) {
    if (typeof domain.chainId === 'string') st.add('chain_id_string');
    if (BigInt(domain.chainId) > BigInt(Number.MAX_SAFE_INTEGER)) st.add('large_chain_id');
  }
  if (primaryType !== 'EIP712Domain' && types[primaryType]) walk(primaryType, td.message, 1);
  if (maxDepth >= 4) st.add('deep_nesting');
  const names = Object.keys(types).filter((k) => k !== 'EIP712Domain');
  const sorted = [...names].sort();
  if (names.join(',') !== sorted.join(',')) st.add('unordered_types');
  const refCount = {};
  for (const n of names)
    for (const f of types[n]) {
      const b = baseType(f.type);
      if (types[b]) refCount[b] = (refCount[b] || 0) + 1;
    }
  if (Object.values(refCount).some((c) => c >= 2)) st.add('shared_struct');
  if (primaryType !== 'EIP712Domain') {
    const r = reachable(types, primaryType);
    if (names.some((n) => !r[n])) st.add('unused_type');
  }
  return [...st];
}

function domainOf(fields) {
  // fields: object; keeps canonical key order
  const d = {};
  for (const [n] of DOMAIN_FIELDS) if (fields[n] !== undefined) d[n] = fields[n];
  for (const k of Object.keys(fields)) if (!(k in d)) d[k] = fields[k];
  return d;
}
function withDomainType(types, domain) {
  return { EIP712Domain: derivedDomainType(domain), ...types };
}
function tdOf({ types, primaryType, domain, message, explicit }) {
  const t = explicit ? withDomainType(types, domain) : types;
  const out = { types: t, primaryType, domain };
  out.message = message === undefined ? {} : message;
  return out;
}

class CaseList {
  constructor(prefix) {
    this.prefix = prefix;
    this.cases = [];
  }
  nextId() {
    return `${this.prefix}-${String(this.cases.length + 1).padStart(3, '0')}`;
  }
  push(c) {
    const id = this.nextId();
    const flags = [...new Set(c.flags)];
    this.cases.push({ id, comment: c.comment, flags, ...c.rest });
    return id;
  }
}

/** Adds a valid EIP-712 case; `expect` (upstream values) is asserted against the computed ones. */
async function addEip712(list, { comment, flags = [], td, sk, custom = false, expect = {} }) {
  const expected = await computeEip712(td, sk, { custom });
  for (const [k, v] of Object.entries(expect)) {
    assert(k in expected, `upstream key ${k}`);
    assertEq(expected[k].toLowerCase(), v.toLowerCase(), `upstream ${k} (${comment})`);
  }
  const allFlags = [...flags, ...(custom ? ['custom_domain'] : []), ...autoFlags(td)];
  list.push({ comment, flags: allFlags, rest: { input: { typedData: td, secretKey: sk }, expected } });
  return expected;
}

// ---------------------------------------------------------------------------
// EIP-712 upstream vectors (evm.md §2.4, §2.5)
// ---------------------------------------------------------------------------

const MAIL_TYPES = {
  Person: [
    { name: 'name', type: 'string' },
    { name: 'wallet', type: 'address' },
  ],
  Mail: [
    { name: 'from', type: 'Person' },
    { name: 'to', type: 'Person' },
    { name: 'contents', type: 'string' },
  ],
};
const MAIL_MESSAGE = {
  from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
  to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
  contents: 'Hello, Bob!',
};
const VIEM_COMPLEX = {
  domain: {
    name: 'Ether Mail 🥵',
    version: '1.1.1',
    chainId: 1,
    verifyingContract: ZERO_ADDR,
  },
  types: {
    Name: [
      { name: 'first', type: 'string' },
      { name: 'last', type: 'string' },
    ],
    Person: [
      { name: 'name', type: 'Name' },
      { name: 'wallet', type: 'address' },
      { name: 'favoriteColors', type: 'string[3]' },
      { name: 'foo', type: 'uint256' },
      { name: 'age', type: 'uint8' },
      { name: 'isCool', type: 'bool' },
    ],
    Mail: [
      { name: 'timestamp', type: 'uint256' },
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person' },
      { name: 'contents', type: 'string' },
      { name: 'hash', type: 'bytes' },
    ],
  },
  message: {
    timestamp: '1234567890',
    from: {
      name: { first: 'Cow', last: 'Burns' },
      wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826',
      favoriteColors: ['red', 'green', 'blue'],
      foo: '123123123123123123',
      age: '69',
      isCool: false,
    },
    to: {
      name: { first: 'Bob', last: 'Builder' },
      wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB',
      favoriteColors: ['orange', 'yellow', 'green'],
      foo: '123123123123123123',
      age: '70',
      isCool: true,
    },
    contents: 'Hello, Bob! 🖤',
    hash: '0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef',
  },
};
const METAMASK_FULL_DOMAIN_TYPE = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
  { name: 'salt', type: 'bytes32' },
];
const SALT_010203 = '0x0102030000000000000000000000000000000000000000000000000000000000';

async function addEip712Upstream(list) {
  const SPEC = 'ethereum/EIPs:assets/eip-712/Example.js';
  // §2.4, current revision
  {
    const domain = {
      name: 'Ether Mail',
      version: '1',
      chainId: 1,
      verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
    };
    const td = tdOf({ types: MAIL_TYPES, primaryType: 'Mail', domain, message: MAIL_MESSAGE, explicit: true });
    // Example.js lists EIP712Domain first, then Person, then Mail
    const encodeData = TypedDataEncoder.from(MAIL_TYPES).encodeData('Mail', MAIL_MESSAGE);
    assertEq(
      encodeData,
      '0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2fc71e5fa27ff56c350aa531bc129ebdf613b772b6604664f5d8dbe21b85eb0c8cd54f074a4af31b4411ff6a60c9719dbd559c221c8ac3492d9d872b041d703d1b5aadf3154a261abdd9086fc627b61efca26ae5702701d05cd2305f7c52a2fc8',
      'EIP-712 spec encodeData(Mail)'
    );
    await addEip712(list, {
      comment: `evm.md §2.4: EIP-712 spec example, current revision (${SPEC} @68b7c485, Example.sol @39f049d2); key keccak256("cow")`,
      flags: ['upstream', 'spec'],
      td,
      sk: COW_KEY,
      expect: {
        encodeType: 'Mail(Person from,Person to,string contents)Person(string name,address wallet)',
        typeHash: '0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2',
        hashStruct: '0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e',
        domainSeparator: '0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f',
        digest: '0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2',
        signature:
          '0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c',
        address: '0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826',
      },
    });
  }
  // §2.4, older revision with httpOrigin in EIP712Domain (custom domain field)
  {
    const domain = {
      name: 'Ether Mail',
      version: '1',
      chainId: 1,
      httpOrigin: 'https://ether-mail.eth',
      verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
    };
    const types = {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'httpOrigin', type: 'string' },
        { name: 'verifyingContract', type: 'address' },
      ],
      ...MAIL_TYPES,
    };
    await addEip712(list, {
      comment: `evm.md §2.4: EIP-712 spec example, older revision (${SPEC} @18f02487) with the non-standard domain field httpOrigin; the digest follows the explicit types.EIP712Domain (viem, MetaMask); key keccak256("cow")`,
      flags: ['upstream', 'spec'],
      td: { types, primaryType: 'Mail', domain, message: MAIL_MESSAGE },
      sk: COW_KEY,
      custom: true,
      expect: {
        hashStruct: '0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e',
        domainSeparator: '0x0b72c8f1f2c3bf8bcca4c3cc24cd47275f9261a5b0bcf7b9bd803419b303a1a9',
        digest: '0xa5f5fa6b05af38f2e9d2889ac36f5a4ba31e20646781d23739de458d86d6593e',
        signature:
          '0x24040eda35064d96c51f3308b5fae290edae563327348886a366ed604e0c048042bbabf2fae4b00598596a99d577dde56ff9d013e861f611cfe7b0728e1cd0571b',
      },
    });
  }
  const VIEM_T = 'wevm/viem:src/utils/signature/hashTypedData.test.ts';
  // §2.5 viem typedData.basic
  await addEip712(list, {
    comment: `evm.md §2.5: viem typedData.basic (test/src/constants.ts; ${VIEM_T} "default", src/accounts/utils/signTypedData.test.ts); anvil key 0`,
    flags: ['upstream'],
    td: {
      types: MAIL_TYPES,
      primaryType: 'Mail',
      domain: { name: 'Ether Mail', version: '1', chainId: 1, verifyingContract: ZERO_ADDR },
      message: MAIL_MESSAGE,
    },
    sk: ANVIL0,
    expect: {
      digest: '0x448f54762ef8ecccdc4d19bb7d467161383cd4b271617a8cee05c790eb745d74',
      signature:
        '0x32f3d5975ba38d6c2fba9b95d5cbed1febaa68003d3d588d51f2de522ad54117760cfc249470a75232552e43991f53953a3d74edf6944553c6bef2469bb9e5921b',
      address: ANVIL0_ADDR,
    },
  });
  // §2.5 viem typedData.complex
  await addEip712(list, {
    comment: `evm.md §2.5: viem typedData.complex (test/src/constants.ts; ${VIEM_T} "complex"): string[3], uint8, bool, bytes, emoji in the domain name; anvil key 0`,
    flags: ['upstream'],
    td: { types: VIEM_COMPLEX.types, primaryType: 'Mail', domain: VIEM_COMPLEX.domain, message: VIEM_COMPLEX.message },
    sk: ANVIL0,
    expect: {
      digest: '0x9a74cb859ad30835ffb2da406423233c212cf6dd78e6c2c98b0c9289568954ae',
      signature:
        '0xc4d8bcda762d35ea79d9542b23200f46c2c1899db15bf929bbacaf609581db0831538374a01206517edd934e474212a0f1e2d62e9a01cd64f1cf94ea2e0988491c',
    },
  });
  // viem complex with an empty domain
  await addEip712(list, {
    comment: `viem ${VIEM_T} "no domain": typedData.complex with domain {} (EIP712Domain() with no fields); anvil key 0`,
    flags: ['upstream', 'empty_domain'],
    td: { types: VIEM_COMPLEX.types, primaryType: 'Mail', domain: {}, message: VIEM_COMPLEX.message },
    sk: ANVIL0,
    expect: { digest: '0x14ed1dbbfecbe5de3919f7ea47daafdf3a29dfbb60dd88d85509f79773d503a5' },
  });
  await addEip712(list, {
    comment: `viem ${VIEM_T} "domain: empty name": typedData.complex with domain {name: ""}; anvil key 0`,
    flags: ['upstream'],
    td: { types: VIEM_COMPLEX.types, primaryType: 'Mail', domain: { name: '' }, message: VIEM_COMPLEX.message },
    sk: ANVIL0,
    expect: { digest: '0xc3f4f9ebd774352940f60aebbc83fcee20d0b17eb42bd1b20c91a748001ecb53' },
  });
  // §2.5 minimal
  await addEip712(list, {
    comment: `evm.md §2.5: minimal message (${VIEM_T} "minimal valid typed message"; alloy-rs/core crates/dyn-abi/src/eip712/typed_data.rs test_minimal_message); anvil key 0`,
    flags: ['upstream', 'empty_domain'],
    td: { types: { EIP712Domain: [] }, primaryType: 'EIP712Domain', domain: {}, message: {} },
    sk: ANVIL0,
    expect: { digest: '0x8d4a3f4082945b7879e2b55f181c31a77c8c0a464b70669458abbaaf99de4c38' },
  });
  // §2.5 full domain (alloy test_full_domain, from MetaMask eth-sig-util)
  await addEip712(list, {
    comment:
      'evm.md §2.5: full domain without salt, primaryType EIP712Domain (alloy-rs/core crates/dyn-abi/src/eip712/typed_data.rs test_full_domain, adapted from MetaMask eth-sig-util); anvil key 0',
    flags: ['upstream'],
    td: {
      types: { EIP712Domain: METAMASK_FULL_DOMAIN_TYPE.slice(0, 4) },
      primaryType: 'EIP712Domain',
      domain: { name: 'example.metamask.io', version: '1', chainId: 1, verifyingContract: ZERO_ADDR },
      message: {},
    },
    sk: ANVIL0,
    expect: { digest: '0x122d1c8ef94b76dad44dcb03fa772361e20855c63311a15d5afe02d1b38f6077' },
  });
  // §2.5 full domain with salt (viem)
  const fullDomain = {
    name: 'example.metamask.io',
    version: '1',
    chainId: 1,
    verifyingContract: ZERO_ADDR,
    salt: SALT_010203,
  };
  await addEip712(list, {
    comment: `evm.md §2.5: full domain with salt, primaryType EIP712Domain (${VIEM_T} "typed message with a domain separator that uses all fields."); anvil key 0`,
    flags: ['upstream'],
    td: { types: { EIP712Domain: METAMASK_FULL_DOMAIN_TYPE }, primaryType: 'EIP712Domain', domain: fullDomain, message: {} },
    sk: ANVIL0,
    expect: { digest: '0x54ffed5209a17ac210ef3823740b3852ee9cd518b84ee39f0a3fa7f2f9b4205b' },
  });
  await addEip712(list, {
    comment: `viem ${VIEM_T} "typed message with data": full domain with salt, Message{string data}; anvil key 0`,
    flags: ['upstream'],
    td: {
      types: { EIP712Domain: METAMASK_FULL_DOMAIN_TYPE, Message: [{ name: 'data', type: 'string' }] },
      primaryType: 'Message',
      domain: fullDomain,
      message: { data: 'Hello!' },
    },
    sk: ANVIL0,
    expect: { digest: '0xd2669f23b7849020ad41bcbff5b51372793f91320e0f901641945568ed7322be' },
  });
  await addEip712(list, {
    comment: `viem ${VIEM_T} "typed message with only custom domain separator fields": EIP712Domain made only of non-standard fields, primaryType EIP712Domain; anvil key 0`,
    flags: ['upstream'],
    td: {
      types: {
        EIP712Domain: [
          { name: 'customName', type: 'string' },
          { name: 'customVersion', type: 'string' },
          { name: 'customChainId', type: 'uint256' },
          { name: 'customVerifyingContract', type: 'address' },
          { name: 'customSalt', type: 'bytes32' },
          { name: 'extraField', type: 'string' },
        ],
      },
      primaryType: 'EIP712Domain',
      domain: {
        customName: 'example.metamask.io',
        customVersion: '1',
        customChainId: '1',
        customVerifyingContract: ZERO_ADDR,
        customSalt: SALT_010203,
        extraField: 'stuff',
      },
      message: {},
    },
    sk: ANVIL0,
    custom: true,
    expect: { digest: '0x3efa3ef0305f56ba5bba62000500e29fe82c5314bca2f958c64e31b2498560f8' },
  });
}

// ---------------------------------------------------------------------------
// EIP-712 curated cases
// ---------------------------------------------------------------------------

const F = (name, type) => ({ name, type });
const UNICODE_STRINGS = [
  ['emoji', 'gm 🌞 wagmi 🚀🔥'],
  ['emoji ZWJ sequence and skin tone', '👩‍👩‍👧‍👦 👍🏽 🏳️‍🌈'],
  ['regional-indicator flags', '🇺🇳🇯🇵🇧🇷'],
  ['CJK', '中文测试：转账给张三 日本語テキスト 한국어 텍스트'],
  ['RTL Arabic', 'مرحبا بالعالم، تحويل ١٠٠ دولار'],
  ['RTL Hebrew with LTR digits', 'שלום עולם 123 abc'],
  ['combining marks (e + U+0301, decomposed)', 'Cafe\u0301 man\u0303ana A\u030a'],
  ['precomposed (NFC) counterpart', 'Café mañana Å'],
  ['astral plane characters', '𝄞 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 𠜎'],
  ['zero-width joiner, BOM and bidi controls', 'a\u200db\ufeffc\u202ed\u202c'],
  ['control characters and JSON escapes', 'line1\nline2\ttab "quoted" back\\slash \u0000nul \u007f'],
  ['Devanagari and Thai', 'नमस्ते दुनिया สวัสดีชาวโลก'],
];

let keyCounter = 0;
const nextKey = () => testKey(keyCounter++);

async function addEip712Curated(list) {
  const VC = () => randAddr();
  // --- every subset of the 5 domain fields
  const chainPool = [1, 10, 137, 8453, 42161, 324, 11155111, 31337];
  for (let mask = 0; mask < 32; mask++) {
    const fields = {};
    if (mask & 1) fields.name = pick(['intent-signer', 'Permit2', 'USD Coin', 'Uniswap V3 Positions NFT-V1', '']);
    if (mask & 2) fields.version = pick(['1', '2', '1.0.0', 'v4']);
    if (mask & 4) fields.chainId = pick(chainPool);
    if (mask & 8) fields.verifyingContract = VC();
    if (mask & 16) fields.salt = randBytesHex(32);
    const domain = domainOf(fields);
    const names = DOMAIN_FIELDS.filter((_, i) => mask & (1 << i)).map(([n]) => n);
    const explicit = mask % 2 === 0 ? mask % 4 === 0 : mask % 4 === 3; // about half, mixed
    await addEip712(list, {
      comment: `domain with fields {${names.join(', ') || 'none'}}${explicit ? ', types.EIP712Domain given' : ', types.EIP712Domain derived from the domain'}`,
      flags: ['domain_subset', ...(names.length === 0 ? ['empty_domain'] : [])],
      td: tdOf({
        types: { Transfer: [F('to', 'address'), F('amount', 'uint256'), F('memo', 'string')] },
        primaryType: 'Transfer',
        domain,
        message: { to: randAddr(), amount: randUint(256).toString(), memo: `subset ${mask}` },
        explicit,
      }),
      sk: nextKey(),
    });
  }
  // --- primaryType "EIP712Domain" for several domains
  for (const mask of [0, 1, 5, 13, 15, 31, 24, 6]) {
    const fields = {};
    if (mask & 1) fields.name = pick(['Ether Mail', 'intent-signer', 'Ünïcødé 🦄']);
    if (mask & 2) fields.version = '1';
    if (mask & 4) fields.chainId = pick(chainPool);
    if (mask & 8) fields.verifyingContract = VC();
    if (mask & 16) fields.salt = randBytesHex(32);
    const domain = domainOf(fields);
    const explicit = mask !== 5 && mask !== 24 ? true : false;
    await addEip712(list, {
      comment: `primaryType "EIP712Domain": digest = keccak256(0x1901 ‖ domainSeparator), no message hash${explicit ? '' : ' (EIP712Domain derived from the domain)'}`,
      flags: [],
      td: { types: explicit ? { EIP712Domain: derivedDomainType(domain) } : {}, primaryType: 'EIP712Domain', domain, message: {} },
      sk: nextKey(),
    });
  }
  // --- chainId range
  const chainIds = [
    [0, 'chainId 0'],
    [Number.MAX_SAFE_INTEGER, 'chainId 2^53-1 (largest safe JSON number)'],
    [((1n << 53n) + 1n).toString(), 'chainId 2^53+1 as a decimal string'],
    [(1n << 64n).toString(), 'chainId 2^64 as a decimal string'],
    [((1n << 128n) + 7n).toString(), 'chainId 2^128+7 as a decimal string'],
    [U256_MAX.toString(), 'chainId 2^256-1 as a decimal string'],
    [4294967295, 'chainId 2^32-1'],
    [1313161554, 'chainId Aurora mainnet'],
  ];
  for (const [chainId, what] of chainIds) {
    const domain = domainOf({ name: 'Big Chain', version: '1', chainId, verifyingContract: VC() });
    await addEip712(list, {
      comment: what,
      flags: [],
      td: tdOf({
        types: { Ping: [F('nonce', 'uint64'), F('sender', 'address')] },
        primaryType: 'Ping',
        domain,
        message: { nonce: randUint(64).toString(), sender: randAddr() },
        explicit: chance(0.5),
      }),
      sk: nextKey(),
    });
  }

  const stdDomain = () =>
    domainOf({ name: 'intent-signer test', version: '1', chainId: pick(chainPool), verifyingContract: VC() });

  // --- 5 levels of nesting, types declared in scrambled order
  {
    const types = {
      Level3: [F('inner', 'Level4'), F('label', 'string')],
      Level1: [F('child', 'Level2'), F('id', 'uint256')],
      Level5: [F('owner', 'address'), F('ok', 'bool'), F('tag', 'bytes8')],
      Level2: [F('child', 'Level3'), F('amount', 'int128')],
      Level4: [F('leaf', 'Level5'), F('blob', 'bytes')],
    };
    const message = {
      child: {
        child: {
          inner: { leaf: { owner: randAddr(), ok: true, tag: randBytesHex(8) }, blob: randBytesHex(5) },
          label: 'three levels down',
        },
        amount: '-170141183460469231731687303715884105728',
      },
      id: '42',
    };
    await addEip712(list, {
      comment: '5 levels of nesting (Level1→Level2→Level3→Level4→Level5), types declared out of order',
      flags: [],
      td: tdOf({ types, primaryType: 'Level1', domain: stdDomain(), message, explicit: true }),
      sk: nextKey(),
    });
    await addEip712(list, {
      comment: 'same 5-level chain, primaryType is the middle struct Level3 (Level1 and Level2 are unused)',
      flags: ['non_root_primary'],
      td: tdOf({ types, primaryType: 'Level3', domain: stdDomain(), message: message.child.child, explicit: false }),
      sk: nextKey(),
    });
  }
  // --- 4 levels with arrays of structs
  {
    const types = {
      Order: [F('maker', 'address'), F('legs', 'Leg[]'), F('fee', 'Fee'), F('expiry', 'uint40')],
      Leg: [F('asset', 'Asset'), F('amount', 'uint256'), F('side', 'bool')],
      Asset: [F('token', 'address'), F('meta', 'Meta')],
      Meta: [F('symbol', 'string'), F('decimals', 'uint8')],
      Fee: [F('recipient', 'address'), F('bps', 'uint16'), F('asset', 'Asset')],
    };
    const asset = (sym, dec) => ({ token: randAddr(), meta: { symbol: sym, decimals: String(dec) } });
    await addEip712(list, {
      comment: 'order with an array of legs, 4 levels (Order→Leg→Asset→Meta); Asset referenced from Leg and Fee',
      flags: [],
      td: tdOf({
        types,
        primaryType: 'Order',
        domain: stdDomain(),
        message: {
          maker: randAddr(),
          legs: [
            { asset: asset('USDC', 6), amount: '1000000', side: true },
            { asset: asset('WETH', 18), amount: '500000000000000000', side: false },
            { asset: asset('wNEAR', 24), amount: '1000000000000000000000000', side: true },
          ],
          fee: { recipient: randAddr(), bps: '30', asset: asset('USDC', 6) },
          expiry: '1099511627775',
        },
        explicit: false,
      }),
      sk: nextKey(),
    });
    await addEip712(list, {
      comment: 'same order types, no legs (empty array of structs)',
      flags: [],
      td: tdOf({
        types,
        primaryType: 'Order',
        domain: stdDomain(),
        message: { maker: randAddr(), legs: [], fee: { recipient: ZERO_ADDR, bps: '0', asset: asset('', 0) }, expiry: '0' },
        explicit: true,
      }),
      sk: nextKey(),
    });
  }
  // --- a struct referenced in several places, fixed arrays of structs
  {
    const types = {
      Mail: [F('from', 'Person'), F('to', 'Person'), F('cc', 'Person[]'), F('witnesses', 'Person[2]'), F('contents', 'string')],
      Person: [F('name', 'string'), F('wallets', 'address[]'), F('home', 'Address')],
      Address: [F('street', 'string'), F('zip', 'uint32')],
    };
    const person = (name, nw) => ({
      name,
      wallets: Array.from({ length: nw }, () => randAddr()),
      home: { street: pick(['Main St 1', 'Hauptstraße 5', '長安街 1号', '']), zip: randUint(32).toString() },
    });
    await addEip712(list, {
      comment: 'Person referenced four times (from, to, cc[], witnesses[2]); Address referenced through Person',
      flags: [],
      td: tdOf({
        types,
        primaryType: 'Mail',
        domain: stdDomain(),
        message: {
          from: person('Cow', 2),
          to: person('Bob', 1),
          cc: [person('Alice', 0), person('Dave', 3)],
          witnesses: [person('W1', 1), person('W2', 0)],
          contents: 'Hello, Bob!',
        },
        explicit: true,
      }),
      sk: nextKey(),
    });
    await addEip712(list, {
      comment: 'same Mail types with an empty cc list and empty wallets',
      flags: [],
      td: tdOf({
        types,
        primaryType: 'Mail',
        domain: stdDomain(),
        message: { from: person('', 0), to: person('Bob', 0), cc: [], witnesses: [person('W1', 0), person('W2', 0)], contents: '' },
        explicit: false,
      }),
      sk: nextKey(),
    });
  }
  // --- fixed and multi-dimensional arrays
  {
    const types = {
      Arrays: [
        F('triple', 'uint256[3]'),
        F('pair', 'address[2]'),
        F('flags', 'bool[4]'),
        F('hashes', 'bytes32[2]'),
        F('words', 'string[2]'),
        F('blobs', 'bytes[]'),
        F('matrix', 'uint256[][]'),
        F('grid', 'uint8[2][3]'),
        F('people', 'Person[][]'),
        F('names', 'string[2][]'),
      ],
      Person: [F('name', 'string'), F('age', 'uint8')],
    };
    const p = () => ({ name: pick(['Ann', 'Ben', '']), age: String(randInt(256)) });
    await addEip712(list, {
      comment: 'fixed arrays (uint256[3], address[2], bool[4], bytes32[2], string[2]) and nested arrays (uint256[][], uint8[2][3], Person[][], string[2][])',
      flags: [],
      td: tdOf({
        types,
        primaryType: 'Arrays',
        domain: stdDomain(),
        message: {
          triple: ['1', '2', U256_MAX.toString()],
          pair: [randAddr(), ZERO_ADDR],
          flags: [true, false, false, true],
          hashes: [randBytesHex(32), randBytesHex(32)],
          words: ['first', 'second'],
          blobs: ['0x', randBytesHex(1), randBytesHex(40)],
          matrix: [['1', '2'], [], ['3']],
          grid: [
            ['0', '255'],
            ['1', '2'],
            ['3', '4'],
          ],
          people: [[p(), p()], [], [p()]],
          names: [['a', 'b'], ['', 'ü']],
        },
        explicit: true,
      }),
      sk: nextKey(),
    });
    await addEip712(list, {
      comment: 'same array types, every dynamic array empty',
      flags: [],
      td: tdOf({
        types,
        primaryType: 'Arrays',
        domain: stdDomain(),
        message: {
          triple: ['0', '0', '0'],
          pair: [ZERO_ADDR, ZERO_ADDR],
          flags: [false, false, false, false],
          hashes: ['0x' + '00'.repeat(32), '0x' + 'ff'.repeat(32)],
          words: ['', ''],
          blobs: [],
          matrix: [],
          grid: [
            ['0', '0'],
            ['0', '0'],
            ['0', '0'],
          ],
          people: [],
          names: [],
        },
        explicit: false,
      }),
      sk: nextKey(),
    });
    await addEip712(list, {
      comment: 'Person[2] fixed array of structs and uint256[3] at the top level',
      flags: [],
      td: tdOf({
        types: { Team: [F('members', 'Person[2]'), F('scores', 'uint256[3]')], Person: [F('name', 'string'), F('wallet', 'address')] },
        primaryType: 'Team',
        domain: stdDomain(),
        message: {
          members: [
            { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
            { name: 'Bob', wallet: '0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' },
          ],
          scores: ['100', '0', '18446744073709551616'],
        },
        explicit: true,
      }),
      sk: nextKey(),
    });
  }
  // --- bytes
  for (const n of [0, 1, 31, 32, 33, 64, 100]) {
    await addEip712(list, {
      comment: `dynamic bytes of length ${n}${n === 0 ? ' ("0x")' : ''}`,
      flags: [],
      td: tdOf({
        types: { Blob: [F('data', 'bytes'), F('len', 'uint256')] },
        primaryType: 'Blob',
        domain: stdDomain(),
        message: { data: n === 0 ? '0x' : randBytesHex(n), len: String(n) },
        explicit: n % 2 === 0,
      }),
      sk: nextKey(),
    });
  }
  // --- every bytesN
  {
    const fields = [];
    const msg = {};
    const msgZero = {};
    for (let n = 1; n <= 32; n++) {
      fields.push(F(`b${n}`, `bytes${n}`));
      msg[`b${n}`] = randBytesHex(n);
      msgZero[`b${n}`] = '0x' + (n % 2 ? '00' : 'ff').repeat(n);
    }
    await addEip712(list, {
      comment: 'every bytesN, bytes1..bytes32 (random values)',
      flags: [],
      td: tdOf({ types: { FixedBytes: fields }, primaryType: 'FixedBytes', domain: stdDomain(), message: msg, explicit: true }),
      sk: nextKey(),
    });
    await addEip712(list, {
      comment: 'every bytesN, bytes1..bytes32 (all 0x00 or all 0xff)',
      flags: [],
      td: tdOf({ types: { FixedBytes: fields }, primaryType: 'FixedBytes', domain: stdDomain(), message: msgZero, explicit: false }),
      sk: nextKey(),
    });
  }
  // --- every uintN / intN
  {
    const uf = [];
    const umax = {};
    const urand = {};
    const inf = [];
    const imin = {};
    const imax = {};
    const ineg1 = {};
    for (let n = 8; n <= 256; n += 8) {
      uf.push(F(`u${n}`, `uint${n}`));
      umax[`u${n}`] = ((1n << BigInt(n)) - 1n).toString();
      urand[`u${n}`] = randUint(n).toString();
      inf.push(F(`i${n}`, `int${n}`));
      imin[`i${n}`] = (-(1n << BigInt(n - 1))).toString();
      imax[`i${n}`] = ((1n << BigInt(n - 1)) - 1n).toString();
      ineg1[`i${n}`] = '-1';
    }
    for (const [what, types, msg, pt] of [
      ['every uintN at its maximum (uint8 = 255 … uint256 = 2^256-1)', { Uints: uf }, umax, 'Uints'],
      ['every uintN, random values', { Uints: uf }, urand, 'Uints'],
      ['every intN at its minimum (int8 = -128 … int256 = -2^255)', { Ints: inf }, imin, 'Ints'],
      ['every intN at its maximum', { Ints: inf }, imax, 'Ints'],
      ['every intN = -1', { Ints: inf }, ineg1, 'Ints'],
    ]) {
      await addEip712(list, {
        comment: what,
        flags: [],
        td: tdOf({ types, primaryType: pt, domain: stdDomain(), message: msg, explicit: chance(0.5) }),
        sk: nextKey(),
      });
    }
    await addEip712(list, {
      comment: 'uint and int aliases at the edges: uint256 max, int256 min, int8 min, int256 -1, uint8 0',
      flags: [],
      td: tdOf({
        types: { Edge: [F('a', 'uint256'), F('b', 'int256'), F('c', 'int8'), F('d', 'int256'), F('e', 'uint8'), F('f', 'int16[]')] },
        primaryType: 'Edge',
        domain: stdDomain(),
        message: {
          a: U256_MAX.toString(),
          b: (-(1n << 255n)).toString(),
          c: '-128',
          d: '-1',
          e: '0',
          f: ['-32768', '32767', '0', '-1'],
        },
        explicit: true,
      }),
      sk: nextKey(),
    });
  }
  // --- Unicode strings
  for (const [what, s] of UNICODE_STRINGS) {
    await addEip712(list, {
      comment: `Unicode string: ${what}`,
      flags: [],
      td: tdOf({
        types: { Note: [F('title', 'string'), F('body', 'string'), F('author', 'address')] },
        primaryType: 'Note',
        domain: domainOf({ name: pick(['Notes ✍️', 'メモ', 'intent-signer']), version: '1', chainId: 1 }),
        message: { title: what, body: s, author: randAddr() },
        explicit: chance(0.5),
      }),
      sk: nextKey(),
    });
  }
  await addEip712(list, {
    comment: 'a string that looks like hex ("0xdeadbeef") is hashed as UTF-8 text, not decoded; a 1 KiB ASCII string',
    flags: ['hex_looking_string'],
    td: tdOf({
      types: { Text: [F('hexish', 'string'), F('long', 'string'), F('raw', 'bytes')] },
      primaryType: 'Text',
      domain: stdDomain(),
      message: { hexish: '0xdeadbeef', long: 'abcdefghijklmnop'.repeat(64), raw: '0xdeadbeef' },
      explicit: false,
    }),
    sk: nextKey(),
  });
  // --- bool
  await addEip712(list, {
    comment: 'bool fields and bool[]',
    flags: [],
    td: tdOf({
      types: { Toggle: [F('on', 'bool'), F('off', 'bool'), F('history', 'bool[]')] },
      primaryType: 'Toggle',
      domain: stdDomain(),
      message: { on: true, off: false, history: [true, true, false] },
      explicit: true,
    }),
    sk: nextKey(),
  });
  // --- declaration / reference order, lowercase and underscore type names, unused types
  {
    const types = {
      Zebra: [F('mango', 'Mango'), F('apple', 'Apple'), F('kiwi', 'kiwi'), F('banana_v2', 'Banana_V2[]')],
      Mango: [F('apples', 'Apple[]'), F('weight', 'uint16')],
      kiwi: [F('fuzzy', 'bool')],
      Banana_V2: [F('ripe', 'bool'), F('origin', 'string')],
      Apple: [F('color', 'string'), F('seeds', 'uint8')],
    };
    const apple = () => ({ color: pick(['red', 'green', 'yellow']), seeds: String(randInt(20)) });
    const message = {
      mango: { apples: [apple(), apple()], weight: '300' },
      apple: apple(),
      kiwi: { fuzzy: true },
      banana_v2: [{ ripe: false, origin: 'Ecuador' }],
    };
    await addEip712(list, {
      comment:
        'types declared and referenced in non-alphabetical order; a lowercase type name (kiwi sorts after all uppercase names) and an underscore name (Banana_V2)',
      flags: ['lowercase_type_name'],
      td: tdOf({ types, primaryType: 'Zebra', domain: stdDomain(), message, explicit: true }),
      sk: nextKey(),
    });
    await addEip712(list, {
      comment: 'extra declared types not reachable from primaryType (they do not change any hash)',
      flags: [],
      td: tdOf({
        types: { Unused: [F('x', 'uint256')], ...types, AlsoUnused: [F('y', 'Unused')] },
        primaryType: 'Zebra',
        domain: stdDomain(),
        message,
        explicit: false,
      }),
      sk: nextKey(),
    });
  }
  // --- a "$" in a struct name: sorting by name ("Item" < "Item$") differs from sorting the encoded strings
  await addEip712(list, {
    comment:
      'struct names Item and Item$: encodeType sorts referenced types by NAME ("Item" < "Item$"), so Item(...) comes first; sorting the encoded definitions instead would put "Item$(" before "Item(" because "$" (0x24) < "(" (0x28)',
    flags: ['dollar_type_name'],
    td: tdOf({
      types: { Root: [F('b', 'Item$'), F('a', 'Item')], Item$: [F('y', 'uint256')], Item: [F('x', 'uint256')] },
      primaryType: 'Root',
      domain: stdDomain(),
      message: { b: { y: '2' }, a: { x: '1' } },
      explicit: false,
    }),
    sk: nextKey(),
  });
  // --- empty struct types
  await addEip712(list, {
    comment: 'a struct type with no fields as a member (Empty()) and as an array element',
    flags: [],
    td: tdOf({
      types: { Holder: [F('nothing', 'Empty'), F('many', 'Empty[]'), F('n', 'uint256')], Empty: [] },
      primaryType: 'Holder',
      domain: stdDomain(),
      message: { nothing: {}, many: [{}, {}], n: '7' },
      explicit: true,
    }),
    sk: nextKey(),
  });
  await addEip712(list, {
    comment: 'primaryType is a struct with no fields; message {}',
    flags: [],
    td: tdOf({ types: { Nothing: [] }, primaryType: 'Nothing', domain: stdDomain(), message: {}, explicit: false }),
    sk: nextKey(),
  });
  // --- addresses
  await addEip712(list, {
    comment: 'addresses: zero, all-lowercase, EIP-55 checksummed, and address[] mixing both',
    flags: [],
    td: tdOf({
      types: { Addrs: [F('zero', 'address'), F('lower', 'address'), F('checksummed', 'address'), F('list', 'address[]')] },
      primaryType: 'Addrs',
      domain: stdDomain(),
      message: {
        zero: ZERO_ADDR,
        lower: renderAddr(randBytesHex(20), 'lower'),
        checksummed: renderAddr(randBytesHex(20), 'checksum'),
        list: [renderAddr(randBytesHex(20), 'lower'), renderAddr(randBytesHex(20), 'checksum'), ZERO_ADDR],
      },
      explicit: true,
    }),
    sk: nextKey(),
  });
  // --- real-world shapes
  await addEip712(list, {
    comment: 'EIP-2612 Permit with the USDC mainnet domain (name "USD Coin", version "2")',
    flags: ['real_world'],
    td: tdOf({
      types: {
        Permit: [F('owner', 'address'), F('spender', 'address'), F('value', 'uint256'), F('nonce', 'uint256'), F('deadline', 'uint256')],
      },
      primaryType: 'Permit',
      domain: domainOf({ name: 'USD Coin', version: '2', chainId: 1, verifyingContract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48' }),
      message: {
        owner: randAddr(),
        spender: '0x000000000022D473030F116dDEE9F6B43aC78BA3',
        value: U256_MAX.toString(),
        nonce: '0',
        deadline: '1893456000',
      },
      explicit: true,
    }),
    sk: nextKey(),
  });
  await addEip712(list, {
    comment: 'ERC-20 Permit for DAI-style domains without version (name, chainId, verifyingContract only)',
    flags: ['real_world'],
    td: tdOf({
      types: { Permit: [F('holder', 'address'), F('spender', 'address'), F('nonce', 'uint256'), F('expiry', 'uint256'), F('allowed', 'bool')] },
      primaryType: 'Permit',
      domain: domainOf({ name: 'Dai Stablecoin', chainId: 10, verifyingContract: randAddr() }),
      message: { holder: randAddr(), spender: randAddr(), nonce: '3', expiry: '0', allowed: true },
      explicit: false,
    }),
    sk: nextKey(),
  });
}

// ---------------------------------------------------------------------------
// EIP-712 custom domains (explicit types.EIP712Domain that is not the canonical derived list)
// ---------------------------------------------------------------------------

async function addEip712CustomDomains(list) {
  const msgTypes = { Action: [F('kind', 'string'), F('target', 'address'), F('value', 'uint256')] };
  const msg = () => ({ kind: pick(['swap', 'bridge', 'deposit']), target: randAddr(), value: randUint(128).toString() });
  const cases = [
    [
      'EIP712Domain fields reordered (verifyingContract, chainId, name, version): the explicit order is hashed',
      [F('verifyingContract', 'address'), F('chainId', 'uint256'), F('name', 'string'), F('version', 'string')],
      { verifyingContract: randAddr(), chainId: 8453, name: 'Reordered', version: '1' },
    ],
    [
      'EIP712Domain reordered with salt first (salt, name)',
      [F('salt', 'bytes32'), F('name', 'string')],
      { salt: randBytesHex(32), name: 'Salted' },
    ],
    [
      'non-standard domain field httpOrigin between chainId and verifyingContract',
      [F('name', 'string'), F('version', 'string'), F('chainId', 'uint256'), F('httpOrigin', 'string'), F('verifyingContract', 'address')],
      { name: 'Web App', version: '2', chainId: 137, httpOrigin: 'https://app.example', verifyingContract: randAddr() },
    ],
    [
      'non-standard domain fields of several types (uint64 deadline, address owner, bool live) after the standard ones',
      [F('name', 'string'), F('chainId', 'uint256'), F('deadline', 'uint64'), F('owner', 'address'), F('live', 'bool')],
      { name: 'Custom', chainId: 10, deadline: '1893456000', owner: randAddr(), live: true },
    ],
  ];
  for (const [what, domType, domain] of cases) {
    await addEip712(list, {
      comment: `${what}; ethers' hashDomain cannot express it, so the domain separator is viem hashDomain = ethers hashStruct(EIP712Domain) and the digest viem hashTypedData = keccak(0x1901 ‖ hashDomain ‖ hashStruct)`,
      flags: [],
      td: { types: { EIP712Domain: domType, ...msgTypes }, primaryType: 'Action', domain, message: msg() },
      sk: nextKey(),
      custom: true,
    });
  }
  await addEip712(list, {
    comment: 'primaryType "EIP712Domain" with a reordered explicit EIP712Domain (chainId, name)',
    flags: [],
    td: { types: { EIP712Domain: [F('chainId', 'uint256'), F('name', 'string')] }, primaryType: 'EIP712Domain', domain: { chainId: 1, name: 'X' }, message: {} },
    sk: nextKey(),
    custom: true,
  });
}

// ---------------------------------------------------------------------------
// EIP-712 seeded random cases
// ---------------------------------------------------------------------------

const TYPE_NAMES = [
  'Person', 'Mail', 'Order', 'Asset', 'Wallet', 'Item', 'Group', 'Leg', 'Quote', 'Route', 'Fee', 'Swap', 'Zone',
  'Bid', 'Ask', 'TokenAmount', 'Vault', 'Note', 'Receipt', 'Intent', 'Action', 'Limit', 'Basket', 'Claim', 'Zeta',
  'Alpha', 'Bridge', 'Hop', 'Signer', 'Policy',
];
const FIELD_NAMES = [
  'owner', 'spender', 'amount', 'value', 'nonce', 'deadline', 'memo', 'data', 'flag', 'id', 'to', 'from', 'items',
  'meta', 'salt', 'note', 'target', 'price', 'qty', 'tag', 'hash', 'kind', 'extra', 'user', 'limit', 'child', 'parent',
  'list', 'code', 'recipient', 'minOut', 'fee', 'route', 'chain',
];
const SHORT_STRINGS = [
  '', 'a', 'hello', 'Hello, Bob!', 'swap 1 ETH → USDC', 'über', '日本', '🦊', 'مرحبا', 'e\u0301', 'x'.repeat(40),
  '0x1234', 'line\nbreak', 'near.intents', 'tab\tsep',
];
function randAtomicType() {
  const r = randInt(12);
  if (r === 0 || r === 1) return 'address';
  if (r === 2) return 'bool';
  if (r === 3) return 'string';
  if (r === 4) return 'bytes';
  if (r === 5) return 'uint256';
  if (r === 6 || r === 7) return `uint${8 * (1 + randInt(32))}`;
  if (r === 8 || r === 9) return `int${8 * (1 + randInt(32))}`;
  if (r === 10) return 'bytes32';
  return `bytes${1 + randInt(32)}`;
}
function wrapArray(t) {
  const r = randInt(100);
  if (r < 14) return `${t}[]`;
  if (r < 22) return `${t}[${1 + randInt(3)}]`;
  if (r < 25) return `${t}[][${1 + randInt(2)}]`;
  if (r < 27) return `${t}[${1 + randInt(2)}][]`;
  return t;
}
function randomTypes() {
  const n = 1 + randInt(5);
  const names = shuffle(TYPE_NAMES).slice(0, n);
  const defs = {};
  for (let i = 0; i < n; i++) {
    const nf = 1 + randInt(5);
    const fnames = shuffle(FIELD_NAMES).slice(0, nf);
    defs[names[i]] = fnames.map((fn) => {
      const ref = i < n - 1 && chance(0.4);
      const t = ref ? names[i + 1 + randInt(n - 1 - i)] : randAtomicType();
      return F(fn, wrapArray(t));
    });
  }
  // make every type reachable from names[0]
  for (let j = 1; j < n; j++) {
    const referenced = names.slice(0, j).some((a) => defs[a].some((f) => baseType(f.type) === names[j]));
    if (!referenced) {
      const a = names[randInt(j)];
      defs[a].push(F(pick(FIELD_NAMES.filter((x) => !defs[a].some((f) => f.name === x))), wrapArray(names[j])));
    }
  }
  // declare in a random order
  const types = {};
  for (const k of shuffle(names)) types[k] = defs[k];
  return { types, primaryType: names[0] };
}
function randomValue(types, type, depth) {
  const m = type.match(ARRAY_RE);
  if (m) {
    const isStruct = !!types[baseType(m[1])];
    const len = m[2] !== '' ? Number(m[2]) : randInt(isStruct ? (depth > 2 ? 2 : 3) : 4);
    return Array.from({ length: len }, () => randomValue(types, m[1], depth));
  }
  if (types[type]) {
    const o = {};
    for (const f of types[type]) o[f.name] = randomValue(types, f.type, depth + 1);
    return o;
  }
  const im = type.match(INT_RE);
  if (im) {
    const bits = Number(im[2] || 256);
    return (im[1] === 'u' ? randUint(bits) : randInt256(bits)).toString();
  }
  if (type === 'address') return chance(0.05) ? ZERO_ADDR : randAddr();
  if (type === 'bool') return chance(0.5);
  if (type === 'string') return pick(SHORT_STRINGS);
  if (type === 'bytes') return randBytesHex(pick([0, 1, 2, 4, 20, 32, 33, 47]));
  const bm = type.match(BYTESN_RE);
  if (bm) return randBytesHex(Number(bm[1]));
  throw new Error(`randomValue: ${type}`);
}
function randomDomain() {
  const fields = {};
  if (chance(0.8)) fields.name = pick(['intent-signer', 'Random DApp', 'Ünïcødé', '', 'Permit2', '🦄 Swap']);
  if (chance(0.6)) fields.version = pick(['1', '2', '3.1', '']);
  if (chance(0.8)) {
    const r = randInt(10);
    fields.chainId =
      r === 0 ? U256_MAX.toString() : r === 1 ? (randBigBits(100) + (1n << 60n)).toString() : pick([1, 10, 56, 137, 8453, 42161, 324, 43114, 0]);
  }
  if (chance(0.7)) fields.verifyingContract = chance(0.1) ? ZERO_ADDR : randAddr();
  if (chance(0.3)) fields.salt = randBytesHex(32);
  return domainOf(fields);
}

async function addEip712Random(list, count) {
  let added = 0;
  while (added < count) {
    const { types, primaryType } = randomTypes();
    const message = randomValue(types, primaryType, 1);
    const domain = randomDomain();
    const td = tdOf({ types, primaryType, domain, message, explicit: chance(0.5) });
    if (JSON.stringify(td).length > 3000) continue; // keep the file small (deterministic: same PRNG stream)
    await addEip712(list, {
      comment: `seeded random typed data (${Object.keys(types).length} struct type(s), primaryType ${primaryType})`,
      flags: ['random'],
      td,
      sk: nextKey(),
    });
    added++;
  }
}

// ---------------------------------------------------------------------------
// EIP-712 negative cases (intent-signer must reject them)
// ---------------------------------------------------------------------------

/** What viem and ethers do with an invalid payload (recorded in the comment; checked against `libs`). */
function probeLibs(td) {
  const out = {};
  const { types, primaryType, domain, message } = td;
  try {
    const domType = types.EIP712Domain ?? getTypesForEIP712Domain({ domain });
    const all = { ...types, EIP712Domain: domType };
    const vDomain = nativizeLoose(all, 'EIP712Domain', domain);
    const vMsg = primaryType === 'EIP712Domain' ? undefined : nativizeLoose(types, primaryType, message);
    const d = hashTypedData({ types, primaryType, domain: vDomain, message: vMsg });
    out.viem = { ok: true, text: `accepts it (digest ${d})`, digest: d };
  } catch (e) {
    out.viem = { ok: false, text: `rejects it (${errName(e)}: ${errMsg(e)})` };
  }
  try {
    const eTypes = { ...types };
    delete eTypes.EIP712Domain;
    // ethers infers the primary type from `types`; pass primaryType explicitly through hashStruct
    const d = eKeccak(
      eConcat(['0x1901', TypedDataEncoder.hashDomain(domain), TypedDataEncoder.hashStruct(primaryType, eTypes, message)])
    );
    out.ethers = { ok: true, text: `accepts it (digest ${d})`, digest: d };
  } catch (e) {
    out.ethers = { ok: false, text: `rejects it (${errMsg(e)})` };
  }
  return out;
}

function addEip712Negative(list, { comment, error, errorPath, td, libs }) {
  const r = probeLibs(td);
  const seen = `${r.viem.ok ? 'viem-accepts' : 'viem-rejects'},${r.ethers.ok ? 'ethers-accepts' : 'ethers-rejects'}`;
  assertEq(seen, libs, `negative case library behaviour (${comment})`);
  list.push({
    comment: `${comment}. viem ${VIEM_V} ${r.viem.text}; ethers ${ETHERS_V} ${r.ethers.text}.`,
    flags: ['negative', ...autoFlagsSafe(td)],
    rest: { input: { typedData: td, secretKey: nextKey() }, expected: null, error, errorPath },
  });
}
function autoFlagsSafe(td) {
  try {
    return autoFlags(td).filter((f) => f === 'explicit_domain_type' || f === 'primary_domain');
  } catch {
    return [];
  }
}

function addEip712Negatives(list) {
  const dom = () => domainOf({ name: 'Negative', version: '1', chainId: 1, verifyingContract: randAddr() });
  const mailTypes = () => clone(MAIL_TYPES);
  const mailMsg = () => clone(MAIL_MESSAGE);
  const neg = (o) => addEip712Negative(list, o);
  // MISSING_TYPE
  neg({
    comment: 'Mail references Person, which is not declared',
    error: 'MISSING_TYPE',
    errorPath: 'types.Mail[0].type',
    td: { types: { Mail: mailTypes().Mail }, primaryType: 'Mail', domain: dom(), message: mailMsg() },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'Group references Member[] (array of an undeclared struct)',
    error: 'MISSING_TYPE',
    errorPath: 'types.Group[1].type',
    td: {
      types: { Group: [F('name', 'string'), F('members', 'Member[]')] },
      primaryType: 'Group',
      domain: dom(),
      message: { name: 'g', members: [] },
    },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'Person (declared) references Wallet, which is not declared (two levels down)',
    error: 'MISSING_TYPE',
    errorPath: 'types.Person[1].type',
    td: {
      types: { Mail: [F('from', 'Person'), F('contents', 'string')], Person: [F('name', 'string'), F('wallet', 'Wallet')] },
      primaryType: 'Mail',
      domain: dom(),
      message: { from: { name: 'Cow', wallet: { addr: ZERO_ADDR } }, contents: 'x' },
    },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'a field type that is neither a Solidity type nor a declared struct (uint7)',
    error: 'MISSING_TYPE',
    errorPath: 'types.Odd[0].type',
    td: { types: { Odd: [F('x', 'uint7')] }, primaryType: 'Odd', domain: dom(), message: { x: '1' } },
    libs: 'viem-rejects,ethers-rejects',
  });
  // CYCLIC_TYPES
  neg({
    comment:
      'cycle A→B→A (A{uint256 n, B b}, B{A[] children}); the message is finite because the array is empty. errorPath: the field that closes the cycle in a depth-first walk from primaryType in declaration order',
    error: 'CYCLIC_TYPES',
    errorPath: 'types.B[0].type',
    td: {
      types: { A: [F('n', 'uint256'), F('b', 'B')], B: [F('children', 'A[]')] },
      primaryType: 'A',
      domain: dom(),
      message: { n: '1', b: { children: [] } },
    },
    libs: 'viem-accepts,ethers-rejects',
  });
  neg({
    comment: 'cycle below the primary type: Root→A→B→A (B{A[] back}); errorPath: the field that closes the cycle',
    error: 'CYCLIC_TYPES',
    errorPath: 'types.B[0].type',
    td: {
      types: { Root: [F('a', 'A')], A: [F('b', 'B'), F('x', 'uint256')], B: [F('back', 'A[]')] },
      primaryType: 'Root',
      domain: dom(),
      message: { a: { b: { back: [] }, x: '2' } },
    },
    libs: 'viem-accepts,ethers-rejects',
  });
  // UNKNOWN_PRIMARY_TYPE
  neg({
    comment: 'primaryType "Letter" is not declared in types',
    error: 'UNKNOWN_PRIMARY_TYPE',
    errorPath: 'primaryType',
    td: { types: mailTypes(), primaryType: 'Letter', domain: dom(), message: mailMsg() },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'primaryType "mail" differs from the declared "Mail" only by case',
    error: 'UNKNOWN_PRIMARY_TYPE',
    errorPath: 'primaryType',
    td: { types: mailTypes(), primaryType: 'mail', domain: dom(), message: mailMsg() },
    libs: 'viem-rejects,ethers-rejects',
  });
  // INVALID_NUMBER
  const detailsTypes = {
    Order: [F('details', 'Details'), F('owner', 'address')],
    Details: [F('amount', 'uint8'), F('total', 'uint256'), F('delta', 'int8')],
  };
  const detailsMsg = (d) => ({ details: { amount: '1', total: '2', delta: '-3', ...d }, owner: randAddr() });
  neg({
    comment: 'uint8 = 256 (one above the maximum)',
    error: 'INVALID_NUMBER',
    errorPath: 'message.details.amount',
    td: { types: detailsTypes, primaryType: 'Order', domain: dom(), message: detailsMsg({ amount: '256' }) },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'negative value "-1" for a uint256',
    error: 'INVALID_NUMBER',
    errorPath: 'message.details.total',
    td: { types: detailsTypes, primaryType: 'Order', domain: dom(), message: detailsMsg({ total: '-1' }) },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'int8 = -129 (one below the minimum)',
    error: 'INVALID_NUMBER',
    errorPath: 'message.details.delta',
    td: { types: detailsTypes, primaryType: 'Order', domain: dom(), message: detailsMsg({ delta: '-129' }) },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'int8 = 128 (one above the maximum)',
    error: 'INVALID_NUMBER',
    errorPath: 'message.details.delta',
    td: { types: detailsTypes, primaryType: 'Order', domain: dom(), message: detailsMsg({ delta: '128' }) },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'uint256 = 2^256 inside an array element',
    error: 'INVALID_NUMBER',
    errorPath: 'message.items[1].value',
    td: {
      types: { Batch: [F('items', 'Item[]')], Item: [F('value', 'uint256')] },
      primaryType: 'Batch',
      domain: dom(),
      message: { items: [{ value: '1' }, { value: (1n << 256n).toString() }] },
    },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'uint256 written in exponent notation "1e18"',
    error: 'INVALID_NUMBER',
    errorPath: 'message.details.total',
    td: { types: detailsTypes, primaryType: 'Order', domain: dom(), message: detailsMsg({ total: '1e18' }) },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'uint256 = "" (empty string; BigInt("") is 0 in JavaScript and alloy coerce_json also reads it as 0)',
    error: 'INVALID_NUMBER',
    errorPath: 'message.details.total',
    td: { types: detailsTypes, primaryType: 'Order', domain: dom(), message: detailsMsg({ total: '' }) },
    libs: 'viem-accepts,ethers-rejects',
  });
  neg({
    comment: 'uint256 with a decimal point "1.5"',
    error: 'INVALID_NUMBER',
    errorPath: 'message.details.total',
    td: { types: detailsTypes, primaryType: 'Order', domain: dom(), message: detailsMsg({ total: '1.5' }) },
    libs: 'viem-rejects,ethers-rejects',
  });
  // MISSING_FIELD
  {
    const m = mailMsg();
    delete m.contents;
    neg({
      comment: 'message lacks the declared field contents',
      error: 'MISSING_FIELD',
      errorPath: 'message.contents',
      td: { types: mailTypes(), primaryType: 'Mail', domain: dom(), message: m },
      libs: 'viem-rejects,ethers-rejects',
    });
  }
  {
    const m = mailMsg();
    delete m.from.wallet;
    neg({
      comment: 'nested struct lacks the declared field wallet',
      error: 'MISSING_FIELD',
      errorPath: 'message.from.wallet',
      td: { types: mailTypes(), primaryType: 'Mail', domain: dom(), message: m },
      libs: 'viem-rejects,ethers-rejects',
    });
  }
  neg({
    comment: 'second element of a struct array lacks name',
    error: 'MISSING_FIELD',
    errorPath: 'message.cc[1].name',
    td: {
      types: { Mail: [F('cc', 'Person[]'), F('contents', 'string')], Person: [F('name', 'string'), F('wallet', 'address')] },
      primaryType: 'Mail',
      domain: dom(),
      message: { cc: [{ name: 'a', wallet: ZERO_ADDR }, { wallet: ZERO_ADDR }], contents: 'x' },
    },
    libs: 'viem-rejects,ethers-rejects',
  });
  {
    const domain = domainOf({ name: 'Negative', version: '1', chainId: 1 });
    neg({
      comment: 'types.EIP712Domain declares verifyingContract but the domain has no such field',
      error: 'MISSING_FIELD',
      errorPath: 'domain.verifyingContract',
      td: {
        types: { EIP712Domain: [F('name', 'string'), F('version', 'string'), F('chainId', 'uint256'), F('verifyingContract', 'address')], ...mailTypes() },
        primaryType: 'Mail',
        domain,
        message: mailMsg(),
      },
      libs: 'viem-rejects,ethers-accepts',
    });
  }
  // UNKNOWN_FIELD
  neg({
    comment: 'message has a key (extra) that Mail does not declare; wallets ignore it, so the signature would not cover it',
    error: 'UNKNOWN_FIELD',
    errorPath: 'message.extra',
    td: { types: mailTypes(), primaryType: 'Mail', domain: dom(), message: { ...mailMsg(), extra: 'not signed' } },
    libs: 'viem-accepts,ethers-accepts',
  });
  {
    const m = mailMsg();
    m.to.age = '30';
    neg({
      comment: 'nested struct has a key (age) that Person does not declare',
      error: 'UNKNOWN_FIELD',
      errorPath: 'message.to.age',
      td: { types: mailTypes(), primaryType: 'Mail', domain: dom(), message: m },
      libs: 'viem-accepts,ethers-accepts',
    });
  }
  neg({
    comment:
      'domain has the non-standard key httpOrigin and types.EIP712Domain is absent, so the derived domain type would silently drop it',
    error: 'UNKNOWN_FIELD',
    errorPath: 'domain.httpOrigin',
    td: {
      types: mailTypes(),
      primaryType: 'Mail',
      domain: { name: 'Ether Mail', version: '1', chainId: 1, httpOrigin: 'https://ether-mail.eth' },
      message: mailMsg(),
    },
    libs: 'viem-accepts,ethers-rejects',
  });
  {
    const td = {
      types: { EIP712Domain: [F('name', 'string'), F('chainId', 'uint256')], ...mailTypes() },
      primaryType: 'Mail',
      domain: { name: 'Ether Mail', version: '1', chainId: 1 },
      message: mailMsg(),
    };
    const r = probeLibs(td);
    assert(r.viem.ok && r.ethers.ok && r.viem.digest !== r.ethers.digest, 'version trap: viem and ethers must differ');
    neg({
      comment:
        'domain has version but the explicit types.EIP712Domain lists only name and chainId: viem (like MetaMask) hashes without version, ethers derives the domain type from the keys and includes it, so the two digests differ',
      error: 'UNKNOWN_FIELD',
      errorPath: 'domain.version',
      td,
      libs: 'viem-accepts,ethers-accepts',
    });
  }
  // INVALID_LENGTH
  neg({
    comment: 'bytes4 given 3 bytes',
    error: 'INVALID_LENGTH',
    errorPath: 'message.selector',
    td: {
      types: { Call: [F('target', 'address'), F('selector', 'bytes4')] },
      primaryType: 'Call',
      domain: dom(),
      message: { target: randAddr(), selector: '0xa9059c' },
    },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'domain.salt (bytes32) given 31 bytes',
    error: 'INVALID_LENGTH',
    errorPath: 'domain.salt',
    td: {
      types: mailTypes(),
      primaryType: 'Mail',
      domain: { name: 'Ether Mail', chainId: 1, salt: '0x' + '11'.repeat(31) },
      message: mailMsg(),
    },
    libs: 'viem-rejects,ethers-rejects',
  });
  neg({
    comment: 'uint256[3] given 2 elements (viem does not check fixed-array lengths)',
    error: 'INVALID_LENGTH',
    errorPath: 'message.values',
    td: { types: { Triple: [F('values', 'uint256[3]')] }, primaryType: 'Triple', domain: dom(), message: { values: ['1', '2'] } },
    libs: 'viem-accepts,ethers-rejects',
  });
  neg({
    comment: 'Person[2] given 3 elements',
    error: 'INVALID_LENGTH',
    errorPath: 'message.pair',
    td: {
      types: { Duo: [F('pair', 'Person[2]')], Person: [F('name', 'string')] },
      primaryType: 'Duo',
      domain: dom(),
      message: { pair: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
    },
    libs: 'viem-accepts,ethers-rejects',
  });
  // INVALID_CHECKSUM
  const badChecksum = (addr) => {
    // flip the case of the first letter in the EIP-55 form: still mixed case, wrong checksum
    const cs = vGetAddress(addr);
    const i = [...cs].findIndex((c, k) => k > 1 && /[a-fA-F]/.test(c));
    const c = cs[i];
    return cs.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + cs.slice(i + 1);
  };
  {
    const m = mailMsg();
    m.to.wallet = badChecksum('0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB');
    neg({
      comment: `mixed-case address with a wrong EIP-55 checksum (${m.to.wallet})`,
      error: 'INVALID_CHECKSUM',
      errorPath: 'message.to.wallet',
      td: { types: mailTypes(), primaryType: 'Mail', domain: dom(), message: m },
      libs: 'viem-rejects,ethers-rejects',
    });
  }
  {
    const vc = badChecksum(randBytesHex(20));
    neg({
      comment: `domain.verifyingContract with a wrong EIP-55 checksum (${vc})`,
      error: 'INVALID_CHECKSUM',
      errorPath: 'domain.verifyingContract',
      td: { types: mailTypes(), primaryType: 'Mail', domain: { name: 'Ether Mail', chainId: 1, verifyingContract: vc }, message: mailMsg() },
      libs: 'viem-rejects,ethers-rejects',
    });
  }
  {
    const list3 = [randAddr(), ZERO_ADDR, badChecksum(randBytesHex(20))];
    neg({
      comment: 'third element of address[] has a wrong EIP-55 checksum',
      error: 'INVALID_CHECKSUM',
      errorPath: 'message.signers[2]',
      td: { types: { Multisig: [F('signers', 'address[]'), F('threshold', 'uint8')] }, primaryType: 'Multisig', domain: dom(), message: { signers: list3, threshold: '2' } },
      libs: 'viem-rejects,ethers-rejects',
    });
  }
}

const EIP712_DESCRIPTION = [
  'EIP-712 typed data (eth_signTypedData_v4). input.typedData = {types, primaryType, domain, message}; input.secretKey = 32-byte hex (TEST KEYS ONLY).',
  'Values: every integer is a decimal string, except domain.chainId, a JSON number (a decimal string only above 2^53-1); bytes and bytesN are 0x lowercase hex; addresses are EIP-55 or all lowercase; bool is a JSON boolean.',
  'types.EIP712Domain: when present it is hashed as given (as viem and MetaMask do); when absent it is derived from the domain keys in the order name, version, chainId, verifyingContract, salt. Outside cases flagged custom_domain, an explicit types.EIP712Domain lists exactly the domain keys in that canonical order.',
  'custom_domain: types.EIP712Domain has a non-standard field (httpOrigin, ...) or a non-canonical order; the domain separator is hashStruct(EIP712Domain, domain) over the explicit type (viem hashDomain = ethers TypedDataEncoder.hashStruct; ethers hashDomain cannot express it).',
  'expected = {digest, domainSeparator, hashStruct (hashStruct(primaryType, message); absent when primaryType is EIP712Domain), encodeType (of primaryType), typeHash (keccak256 of encodeType), signature (65-byte r‖s‖v, v 27/28, RFC 6979, as viem signTypedData), address (EIP-55 of the key)}.',
  'primaryType "EIP712Domain": digest = keccak256(0x1901 ‖ domainSeparator) (message ignored, {}).',
  'Negative cases (flag negative): expected is null, error is one of MISSING_TYPE, CYCLIC_TYPES, UNKNOWN_PRIMARY_TYPE, INVALID_NUMBER, MISSING_FIELD, UNKNOWN_FIELD, INVALID_LENGTH, INVALID_CHECKSUM, and errorPath is the JSON path from the typedData root (message.details.amount, message.cc[1].name, domain.salt, primaryType, types.Mail[0].type for the field whose type is missing; for a cycle, the field that closes it in a depth-first walk from primaryType over fields in declaration order). The comment records what viem and ethers do with the same input (some accept it).',
  'Flags (auto-derived from the data unless noted): upstream (published vector; comment cites evm.md and the upstream file), spec, random (seeded), domain_subset, empty_domain, custom_domain, explicit_domain_type, primary_domain, salt, large_chain_id (> 2^53-1), chain_id_string, nested (struct inside struct), deep_nesting (>= 4 struct levels), struct_array, fixed_array, dynamic_array, multi_dim_array, empty_array, empty_struct, bytes, empty_bytes, bytesN, unicode (non-ASCII string), empty_string, bool, signed_int, negative_int, int_min, uint_max, uint256_max, zero_address, lowercase_address, checksummed_address, unordered_types (types not declared in sorted order), shared_struct (a struct referenced from 2+ fields), unused_type (declared but unreachable from primaryType), non_root_primary, lowercase_type_name, dollar_type_name, hex_looking_string, real_world, negative.',
].join(' ');

async function addEip712Permit2MetaMask(list) {
  for (const [builder, args, hs, digest, signature] of PERMIT2_MM_VECTORS) {
    const p2 = await computePermit2(builder, args, ANVIL0, { digest, signature });
    await addEip712(list, {
      comment: `evm.md §2.3 and §1.5 (Uniswap/permit2 test/TypehashGeneration.t.sol): the MetaMask-signed ${PRIMARY[builder]} as plain eth_signTypedData_v4 typed data; the signature is MetaMask's and recovers to ${ANVIL0_ADDR}`,
      flags: ['upstream', 'metamask', 'permit2'],
      td: p2.typedData,
      sk: ANVIL0,
      expect: { hashStruct: hs, digest, signature, address: ANVIL0_ADDR },
    });
  }
}

async function buildEip712() {
  const list = new CaseList('eip712');
  await addEip712Upstream(list);
  await addEip712Permit2MetaMask(list);
  await addEip712Curated(list);
  await addEip712CustomDomains(list);
  await addEip712Random(list, 200);
  addEip712Negatives(list);
  return {
    description: EIP712_DESCRIPTION,
    source: `generated by tests/vectors/gen/gen-eip712.mjs with ${SOURCE_COMMON} (seed 0x${SEED.toString(16)}); every value computed by viem and by ethers and checked equal; upstream vectors from shared/reference/evm.md §2.4, §2.5 and §2.3; test keys only: keccak256(utf8("intent-signer eip712 test key <i>")), upstream cases use the public keys of their source (keccak256("cow"), anvil account 0)`,
    cases: list.cases,
  };
}

// ---------------------------------------------------------------------------
// Permit2 (evm.md §1, §2.1–§2.3; apis.md §C)
// ---------------------------------------------------------------------------

const PERMIT2_CANONICAL = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const PERMIT2_ZKSYNC = '0x0000000000225e31d15943971f47ad3022f714fa';
assertEq(PERMIT2_ADDRESS, PERMIT2_CANONICAL, 'permit2-sdk PERMIT2_ADDRESS');
const P2_DOMAIN_TYPE = [F('name', 'string'), F('chainId', 'uint256'), F('verifyingContract', 'address')];
const STUB = {
  permit2WitnessTransfer:
    'PermitWitnessTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline,',
  permit2BatchWitnessTransfer:
    'PermitBatchWitnessTransferFrom(TokenPermissions[] permitted,address spender,uint256 nonce,uint256 deadline,',
};
const PRIMARY = {
  permit2Transfer: 'PermitTransferFrom',
  permit2BatchTransfer: 'PermitBatchTransferFrom',
  permit2WitnessTransfer: 'PermitWitnessTransferFrom',
  permit2BatchWitnessTransfer: 'PermitBatchWitnessTransferFrom',
  permit2Single: 'PermitSingle',
  permit2Batch: 'PermitBatch',
};
// evm.md §1.2 (type hashes of PermitHash.sol) and §1.1 (domain separators at the canonical address)
const P2_TYPEHASH = {
  PermitSingle: '0xf3841cd1ff0085026a6327b620b67997ce40f282c88a8e905a7a5626e310f3d0',
  PermitBatch: '0xaf1b0d30d2cab0380e68f0689007e3254993c596f2fdd0aaa7f4d04f79440863',
  PermitTransferFrom: '0x939c21a48a8dbe3a9a2404a1d46691e4d39f6583d6ec6b35714604c986d80106',
  PermitBatchTransferFrom: '0xfcf35f5ac6a2c28868dc44c302166470266239195f02b0ee408334829333b766',
};
const P2_DOMAIN_SEPARATOR = {
  1: '0x866a5aba21966af95d6c7ab78eb2b2fc913915c28be3b9aa07cc04ff903e3f28',
  10: '0x3c1b4b0682de90d9bc6435f35e24487dca850cf87201701cc3d3ebacf9cbd92d',
  137: '0xf033048cb2764f596bc4d98e089fa38bb84b4be3d5da2e77f9bfac0e4d6c68ca',
  8453: '0x3b6f35e4fce979ef8eac3bcdc8c3fc38fe7911bb0c69c8fe72bf1fd1a17e6f07',
  42161: '0x8a6e6e19bdfb3db3409910416b47c2f8fc28b49488d6555c7fceaa4479135bc3',
};
{
  assertEq(eId('EIP712Domain(string name,uint256 chainId,address verifyingContract)'), '0x8cad95687ba82c2ce50e74f7b754645e5117c3a5bec8151c0726d5857980a866', 'Permit2 domain typehash');
  assertEq(vKeccak(stringToHex('Permit2')), '0x9ac997416e8ff9d2ff6bebeb7149f65cdae5e32e2b90440b566bb3044041d36a', 'keccak("Permit2")');
  for (const [chainId, ds] of Object.entries(P2_DOMAIN_SEPARATOR)) {
    const d = { name: 'Permit2', chainId: Number(chainId), verifyingContract: PERMIT2_CANONICAL };
    assertEq(TypedDataEncoder.hashDomain(d), ds, `Permit2 DOMAIN_SEPARATOR chain ${chainId} (ethers)`);
    assertEq(hashDomain({ domain: d, types: { EIP712Domain: P2_DOMAIN_TYPE } }), ds, `Permit2 DOMAIN_SEPARATOR chain ${chainId} (viem)`);
  }
}

/** Calls permit2-sdk for a builder; returns {primaryType, domain, types, values, hash} (inputs are cloned: the SDK mutates them). */
function permit2Sdk(builder, args) {
  const p2 = args.permit2Address ?? PERMIT2_CANONICAL;
  const chainId = args.chainId;
  const w = args.witness
    ? { witnessTypeName: args.witness.typeName, witnessType: clone(args.witness.types), witness: clone(args.witness.value) }
    : undefined;
  let permit;
  let Cls;
  switch (builder) {
    case 'permit2Transfer':
    case 'permit2WitnessTransfer':
      Cls = SignatureTransfer;
      permit = { permitted: { token: args.token, amount: args.amount }, spender: args.spender, nonce: args.nonce, deadline: args.deadline };
      break;
    case 'permit2BatchTransfer':
    case 'permit2BatchWitnessTransfer':
      Cls = SignatureTransfer;
      permit = { permitted: clone(args.permitted), spender: args.spender, nonce: args.nonce, deadline: args.deadline };
      break;
    case 'permit2Single':
    case 'permit2Batch':
      Cls = AllowanceTransfer;
      permit = { details: clone(args.details), spender: args.spender, sigDeadline: args.sigDeadline };
      break;
    default:
      throw new Error(`builder ${builder}`);
  }
  const isWitness = builder.includes('Witness');
  assertEq(!!w, isWitness, `${builder}: witness presence`);
  const data = isWitness ? Cls.getPermitData(clone(permit), p2, chainId, w) : Cls.getPermitData(clone(permit), p2, chainId);
  const hash = isWitness ? Cls.hash(clone(permit), p2, chainId, clone(w)) : Cls.hash(clone(permit), p2, chainId);
  const primaryType = PRIMARY[builder];
  assert(data.types[primaryType], `${builder}: SDK types lack ${primaryType}`);
  return { primaryType, domain: data.domain, types: data.types, values: data.values, hash };
}

/** SDK value → canonical JSON value: decimal strings, EIP-55 addresses, lowercase hex, field order of the type. */
function canonValue(types, type, v) {
  const m = type.match(ARRAY_RE);
  if (m) return v.map((x) => canonValue(types, m[1], x));
  if (types[type]) {
    const keys = Object.keys(v);
    assertEq(keys.sort().join(','), types[type].map((f) => f.name).sort().join(','), `fields of ${type}`);
    const o = {};
    for (const f of types[type]) o[f.name] = canonValue(types, f.type, v[f.name]);
    return o;
  }
  if (INT_RE.test(type)) return BigInt(v.toString()).toString();
  if (type === 'address') {
    const a = vGetAddress(v);
    assertEq(a, eGetAddress(v), 'EIP-55 (viem vs ethers)');
    return a;
  }
  if (type === 'bytes' || BYTESN_RE.test(type)) return v.toLowerCase();
  return v;
}

/** Builds the expected eth_signTypedData_v4 object and every expected value for a Permit2 builder. */
async function computePermit2(builder, args, sk, upstream = {}) {
  const sdk = permit2Sdk(builder, args);
  const { primaryType } = sdk;
  const verifyingContract = vGetAddress(args.permit2Address ?? PERMIT2_CANONICAL);
  assertEq(vGetAddress(sdk.domain.verifyingContract), verifyingContract, 'SDK domain verifyingContract');
  assertEq(sdk.domain.name, 'Permit2', 'SDK domain name');
  assertEq(sdk.domain.chainId, args.chainId, 'SDK domain chainId');
  assertEq(Object.keys(sdk.domain).join(','), 'name,chainId,verifyingContract', 'SDK domain keys');
  const types = { EIP712Domain: P2_DOMAIN_TYPE, ...clone(sdk.types) };
  const typedData = {
    types,
    primaryType,
    domain: { name: 'Permit2', chainId: args.chainId, verifyingContract },
    message: canonValue(sdk.types, primaryType, sdk.values),
  };
  const e = await computeEip712(typedData, sk); // viem and ethers v6, incl. signature
  assertEq(e.digest, sdk.hash, `${builder}: digest (permit2-sdk/ethers v5 vs viem/ethers v6)`);
  if (verifyingContract === PERMIT2_CANONICAL && P2_DOMAIN_SEPARATOR[args.chainId])
    assertEq(e.domainSeparator, P2_DOMAIN_SEPARATOR[args.chainId], 'Permit2 DOMAIN_SEPARATOR (evm.md §1.1)');
  if (P2_TYPEHASH[primaryType]) assertEq(e.typeHash, P2_TYPEHASH[primaryType], `${primaryType} typehash (evm.md §1.2)`);
  const expected = { typedData, digest: e.digest };
  if (args.witness) {
    const stub = STUB[builder];
    assert(e.encodeType.startsWith(stub), `${builder}: encodeType starts with the PermitHash.sol stub`);
    const witnessTypeString = e.encodeType.slice(stub.length);
    // the stub ‖ witnessTypeString must be the encodeType of the primary type for both libraries
    assertEq(stub + witnessTypeString, vEncodeType({ primaryType, types: sdk.types }), 'stub ‖ witnessTypeString (viem)');
    assertEq(
      stub + witnessTypeString,
      TypedDataEncoder.from(reachable(sdk.types, primaryType)).encodeType(primaryType),
      'stub ‖ witnessTypeString (ethers)'
    );
    assert(witnessTypeString.startsWith(`${args.witness.typeName} witness)`), 'witness type string prefix');
    assert(witnessTypeString.includes('TokenPermissions(address token,uint256 amount)'), 'witness type string has TokenPermissions');
    const wv = typedData.message.witness;
    const whV = hashStruct({ data: nativize(sdk.types, args.witness.typeName, wv), primaryType: args.witness.typeName, types: sdk.types });
    const whE = TypedDataEncoder.hashStruct(args.witness.typeName, reachable(sdk.types, args.witness.typeName), wv);
    assertEq(whV, whE, 'witnessHash (viem vs ethers)');
    expected.witnessTypeString = witnessTypeString;
    expected.witnessHash = whV;
  }
  expected.signature = e.signature;
  for (const [k, v] of Object.entries(upstream)) {
    const got = k in expected ? expected[k] : e[k];
    assert(got !== undefined, `upstream key ${k}`);
    assertEq(got.toLowerCase(), v.toLowerCase(), `upstream ${builder} ${k}`);
  }
  return expected;
}

function argFlags(builder, args) {
  const f = [builder];
  const all = [];
  if (args.amount !== undefined) all.push(['amount', args.amount]);
  for (const p of args.permitted ?? []) all.push(['amount', p.amount]);
  const details = builder === 'permit2Single' ? [args.details] : builder === 'permit2Batch' ? args.details : [];
  for (const d of details) {
    all.push(['amount', d.amount]);
    if (d.expiration === '0') f.push('expiration_zero');
    if (BigInt(d.expiration) === U48_MAX) f.push('expiration_max');
    if (BigInt(d.nonce) === U48_MAX) f.push('nonce_uint48_max');
  }
  for (const [, a] of all) {
    if (BigInt(a) === U160_MAX) f.push('amount_uint160_max');
    if (BigInt(a) === U256_MAX) f.push('amount_uint256_max');
    if (a === '0') f.push('amount_zero');
  }
  if (args.nonce !== undefined && BigInt(args.nonce) === U256_MAX) f.push('nonce_uint256_max');
  if ((args.deadline ?? args.sigDeadline) !== undefined && BigInt(args.deadline ?? args.sigDeadline) === U256_MAX) f.push('deadline_max');
  if (args.permit2Address !== undefined) {
    f.push(lc(args.permit2Address) === lc(PERMIT2_ZKSYNC) ? 'zksync' : lc(args.permit2Address) === lc(PERMIT2_CANONICAL) ? 'explicit_canonical_address' : 'custom_permit2_address');
  }
  const batch = args.permitted ?? (builder === 'permit2Batch' ? args.details : null);
  if (batch) {
    f.push(`batch_${batch.length}`);
    if (batch.length === 0) f.push('empty_batch');
  }
  if (args.witness) {
    f.push('witness');
    const names = Object.keys(args.witness.types);
    if (names.length > 1) f.push('witness_nested');
    if (names.some((n) => n < 'TokenPermissions')) f.push('witness_type_before_token_permissions');
    if (names.some((n) => n > 'TokenPermissions')) f.push('witness_type_after_token_permissions');
  }
  f.push(`chain_${args.chainId}`);
  return f;
}

async function addPermit2(list, { comment, flags = [], builder, args, sk, upstream }) {
  const expected = await computePermit2(builder, args, sk, upstream);
  list.push({ comment, flags: [...flags, ...argFlags(builder, args)], rest: { input: { builder, args, secretKey: sk }, expected } });
  return expected;
}

// witness shapes: {typeName, types}
const MOCK_WITNESS_SDK = { typeName: 'MockWitness', types: { MockWitness: [F('mock', 'uint256')] } };
const MOCK_WITNESS_MM = { typeName: 'MockWitness', types: { MockWitness: [F('person', 'address'), F('amount', 'uint256')] } };
const WITNESS_SHAPES = [
  {
    what: 'MockWitness(uint256 mock) (permit2-sdk test shape, sorts before TokenPermissions)',
    ...MOCK_WITNESS_SDK,
    value: () => ({ mock: randUint(256).toString() }),
  },
  {
    what: 'MockWitness(address person,uint256 amount) (Permit2 TypehashGeneration shape)',
    ...MOCK_WITNESS_MM,
    value: () => ({ person: randAddr(), amount: randUint(128).toString() }),
  },
  {
    what: 'Witness(address user) (sorts after TokenPermissions)',
    typeName: 'Witness',
    types: { Witness: [F('user', 'address')] },
    value: () => ({ user: randAddr() }),
  },
  {
    what: 'Hotpot-style Witness(address resolver,address user,bytes32 secretHash)',
    typeName: 'Witness',
    types: { Witness: [F('resolver', 'address'), F('user', 'address'), F('secretHash', 'bytes32')] },
    value: () => ({ resolver: randAddr(), user: randAddr(), secretHash: randBytesHex(32) }),
  },
  {
    what: 'ExampleTrade(address exchange,uint256 minAmountOut,bytes32 orderHash)',
    typeName: 'ExampleTrade',
    types: { ExampleTrade: [F('exchange', 'address'), F('minAmountOut', 'uint256'), F('orderHash', 'bytes32')] },
    value: () => ({ exchange: randAddr(), minAmountOut: randUint(96).toString(), orderHash: randBytesHex(32) }),
  },
  {
    what: 'UniswapX ExclusiveDutchOrder with nested OrderInfo and DutchOutput[] (all sort before TokenPermissions)',
    typeName: 'ExclusiveDutchOrder',
    types: {
      ExclusiveDutchOrder: [
        F('info', 'OrderInfo'),
        F('decayStartTime', 'uint256'),
        F('decayEndTime', 'uint256'),
        F('exclusiveFiller', 'address'),
        F('exclusivityOverrideBps', 'uint256'),
        F('inputToken', 'address'),
        F('inputStartAmount', 'uint256'),
        F('inputEndAmount', 'uint256'),
        F('outputs', 'DutchOutput[]'),
      ],
      OrderInfo: [
        F('reactor', 'address'),
        F('swapper', 'address'),
        F('nonce', 'uint256'),
        F('deadline', 'uint256'),
        F('additionalValidationContract', 'address'),
        F('additionalValidationData', 'bytes'),
      ],
      DutchOutput: [F('token', 'address'), F('startAmount', 'uint256'), F('endAmount', 'uint256'), F('recipient', 'address')],
    },
    value: () => ({
      info: {
        reactor: randAddr(),
        swapper: randAddr(),
        nonce: randUint(256).toString(),
        deadline: '1893456000',
        additionalValidationContract: ZERO_ADDR,
        additionalValidationData: '0x',
      },
      decayStartTime: '1893455000',
      decayEndTime: '1893456000',
      exclusiveFiller: ZERO_ADDR,
      exclusivityOverrideBps: '0',
      inputToken: randAddr(),
      inputStartAmount: '1000000000',
      inputEndAmount: '1000000000',
      outputs: [
        { token: randAddr(), startAmount: '500000000000000000', endAmount: '490000000000000000', recipient: randAddr() },
        { token: randAddr(), startAmount: '1500000', endAmount: '1500000', recipient: randAddr() },
      ],
    }),
  },
  {
    what: 'Witness{Alpha alpha, Zulu zulu, address user}: Alpha sorts before TokenPermissions, Witness and Zulu after',
    typeName: 'Witness',
    types: {
      Witness: [F('alpha', 'Alpha'), F('zulu', 'Zulu'), F('user', 'address')],
      Zulu: [F('z', 'uint64'), F('tag', 'string')],
      Alpha: [F('a', 'int256'), F('ok', 'bool')],
    },
    value: () => ({
      alpha: { a: randInt256(256).toString(), ok: chance(0.5) },
      zulu: { z: randUint(64).toString(), tag: pick(['zulu', 'zürich', '祖鲁']) },
      user: randAddr(),
    }),
  },
  {
    what: 'lowercase witness type name intentWitness (sorts after every uppercase name)',
    typeName: 'intentWitness',
    types: { intentWitness: [F('recipient', 'address'), F('minOut', 'uint256'), F('memo', 'string')] },
    value: () => ({ recipient: randAddr(), minOut: randUint(80).toString(), memo: pick(['', 'swap via near intents', '🌉 bridge']) }),
  },
  {
    what: 'TokenPermissionsExtra (a name that extends "TokenPermissions" sorts right after it)',
    typeName: 'TokenPermissionsExtra',
    types: { TokenPermissionsExtra: [F('extra', 'uint256'), F('note', 'bytes')] },
    value: () => ({ extra: randUint(32).toString(), note: randBytesHex(randInt(40)) }),
  },
  {
    what: 'Intent witness with string, bytes, bool, int256, uint24 and address[] fields',
    typeName: 'Intent',
    types: {
      Intent: [F('memo', 'string'), F('data', 'bytes'), F('partialFill', 'bool'), F('slippage', 'int256'), F('feeTier', 'uint24'), F('route', 'address[]')],
    },
    value: () => ({
      memo: pick(['best route', 'über-route', '']),
      data: randBytesHex(randInt(36)),
      partialFill: chance(0.5),
      slippage: randInt256(256).toString(),
      feeTier: pick(['500', '3000', '10000', '16777215']),
      route: Array.from({ length: randInt(4) }, () => randAddr()),
    }),
  },
  {
    what: 'Order{Leg[] legs, address recipient} with Leg(address token,uint256 minOut) (struct array inside the witness)',
    typeName: 'Order',
    types: { Order: [F('legs', 'Leg[]'), F('recipient', 'address')], Leg: [F('token', 'address'), F('minOut', 'uint256')] },
    value: () => ({ legs: Array.from({ length: 1 + randInt(3) }, () => ({ token: randAddr(), minOut: randUint(128).toString() })), recipient: randAddr() }),
  },
];
function witnessArg(shape) {
  return { typeName: shape.typeName, types: clone(shape.types), value: shape.value() };
}

const CHAINS = [
  [1, undefined],
  [10, undefined],
  [137, undefined],
  [8453, undefined],
  [42161, undefined],
  [324, PERMIT2_ZKSYNC],
];
const TOKENS = [
  '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2',
  '0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984',
  '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913',
];
const randToken = () => (chance(0.5) ? pick(TOKENS) : randAddr());
const randAmount = () => pick([() => '1000000', () => '1000000000000000000', () => randUint(128).toString(), () => randUint(256).toString()])();
const randDeadline = () => pick(['1893456000', '1700000000', randUint(40).toString(), '4294967295']);
const withP2 = (args, p2) => (p2 === undefined ? args : { ...args, permit2Address: p2 });

// evm.md §2.3: [builder, args, hashStruct, digest, MetaMask signature]
const MM = {
  chainId: 1,
  p2: '0xCe71065D4017F316EC606Fe4422e11eB2c47c246',
  token1: '0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984',
  token2: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  spender: '0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45',
  amount: '100',
  expiration: '946902158100',
  deadline: '146902158100',
};
const mmW = { ...clone(MOCK_WITNESS_MM), value: { person: '0xd5F5175D014F28c85F7D67A111C2c9335D7CD771', amount: '100' } };
const mmDetails = (token) => ({ token, amount: MM.amount, expiration: MM.expiration, nonce: '0' });
const mmPermitted = (token) => ({ token, amount: MM.amount });
const PERMIT2_MM_VECTORS = [
  ['permit2Single', { chainId: 1, details: mmDetails(MM.token1), spender: MM.spender, sigDeadline: MM.deadline, permit2Address: MM.p2 }, '0xa90c13eed97d34532a906c39ae1c798a831c8e26acd74c8e12008fed69aded02', '0x6a4964621b8c850feebefb04dd997d9d109a807ec26f7fdc26282c3b2f0e2c74', '0xdb5507adaba8ed8e1d83dc7cb64980735c4769076c657d80563ce9a991fbb1981d07973917923c7942307e63285ff2e9e8d435fc4da8cdc7546a669bf474fb6d1b'],
  ['permit2Batch', { chainId: 1, details: [mmDetails(MM.token1), mmDetails(MM.token2)], spender: MM.spender, sigDeadline: MM.deadline, permit2Address: MM.p2 }, '0x7d47b31dcfcefd6fed22385800407d797251d544bffb489c1da84ffe55bd08d9', '0x0e6132e2740f90c2aeabb72c53789db4343915b31082a9d560b178f9a468b882', '0x3d298c897075538134ee0003bba9b149fac6e4b3496e34272f6731c32be2a710682657710eb4208db1eb6a6dac08b375f171733604e4e1deed30d49e22d0c42f1c'],
  ['permit2Transfer', { chainId: 1, token: MM.token1, amount: MM.amount, spender: MM.spender, nonce: '0', deadline: MM.deadline, permit2Address: MM.p2 }, '0x5af7649416d25ae0d1bb7601ec9a858262bcb321d133de19851be94c499dad4b', '0x4f438752023e6a4c7883d20f7ab2be587391f47cdd5bc9dc6f88436bfdcf59d9', '0xc12d33a96aef9ea42f1ad72587f52b5113b68d7b8fe35675fc0bb1ade377345556f3bbecb0c791bc9e23e58ce3a889f39c4b37b315faa264b8e4b5f2d5f7b3651b'],
  ['permit2BatchTransfer', { chainId: 1, permitted: [mmPermitted(MM.token1), mmPermitted(MM.token2)], spender: MM.spender, nonce: '0', deadline: MM.deadline, permit2Address: MM.p2 }, '0x52d056cb430fdfa9032084c539ff80eb1730b8c76897c9efaa5b33eb3e930fb1', '0xe6b35d718e77bc2b37fb45872fe9455d4bb27ee22661f595ecf2e3a3963dfe77', '0x8987ef38bdbf7f7dd8f133c92a331b5359036ca9732b2cf15750f1a56050159e10a62544d74648d917ce4c1b670024a771aadb8bace7db63ef6f5d3975451b231b'],
  ['permit2WitnessTransfer', { chainId: 1, token: MM.token1, amount: MM.amount, spender: MM.spender, nonce: '0', deadline: MM.deadline, witness: mmW, permit2Address: MM.p2 }, '0x2344c9a3c2155b12646cf68b21e8a2218e0ab6388a86aea8fe65dfc2f3cafc72', '0xd55e289976085a1e23ebf14c85c8551237911655821d71accdd54670b7edb45d', '0x6cf7721a2a489c29d86fe0bb9b1f5f440a6a7e3fea5f5533ec080068025a7d4f30d7d8452106654827fd3b44f24260bacb8cf191ec185fc19fc24f5941d573d71c'],
  ['permit2BatchWitnessTransfer', { chainId: 1, permitted: [mmPermitted(MM.token1), mmPermitted(MM.token2)], spender: MM.spender, nonce: '0', deadline: MM.deadline, witness: mmW, permit2Address: MM.p2 }, '0x0b2c0410568cfa48b57e4103b0822b81c16d88c9b665715ae7064d2923c1b182', '0x78443993283776b182e9cdf260035be2fbba2abeb4647312066c3c885dde5e8d', '0x0dff2ebed15802a2a21eaac44a12fb182ac41771aaaf6ff33a6a5c78ac66aec306e693dba180302dc0b6aecd97261adfa91f27fd0964e71f58c8b40444ce2f7a1b'],
];

async function addPermit2Upstream(list) {
  // §2.1 permit2-sdk unit tests: everything zero, verifyingContract 0x0
  const Z = ZERO_ADDR;
  const T21 = 'evm.md §2.1 (Uniswap/permit2-sdk src/signatureTransfer.test.ts, src/allowanceTransfer.test.ts)';
  const mockW0 = { ...clone(MOCK_WITNESS_SDK), value: { mock: '0' } };
  const u21 = [
    ['permit2Transfer', { chainId: 1, token: Z, amount: '0', spender: Z, nonce: '0', deadline: '0', permit2Address: Z }, '0xb9bf9813799d7f0de28d2142b0bc80ec289d4a6a5b9f41834149df4188804dc5'],
    ['permit2WitnessTransfer', { chainId: 1, token: Z, amount: '0', spender: Z, nonce: '0', deadline: '0', witness: mockW0, permit2Address: Z }, '0x4236a4a7b3e8e65dbb4cc758ef10dc4887e2959853fb615140d0f5e0ae7be7c9'],
    ['permit2BatchTransfer', { chainId: 1, permitted: [{ token: Z, amount: '0' }], spender: Z, nonce: '0', deadline: '0', permit2Address: Z }, '0x5ba40c5ba725fec181e4a862c717adf91682b012ad01ea99a978189106d66923'],
    ['permit2BatchWitnessTransfer', { chainId: 1, permitted: [{ token: Z, amount: '0' }], spender: Z, nonce: '0', deadline: '0', witness: mockW0, permit2Address: Z }, '0xb45d605b0a4d4f16930a4f48294d94c78f34411278fd3133626cc190273e3ccf'],
    ['permit2Single', { chainId: 1, details: { token: Z, amount: '0', expiration: '0', nonce: '0' }, spender: Z, sigDeadline: '0', permit2Address: Z }, '0xd47437bffdbc4d123a2165feb6ca646b8700c038622ce304f84e9048bc744f36'],
    ['permit2Batch', { chainId: 1, details: [{ token: Z, amount: '0', expiration: '0', nonce: '0' }], spender: Z, sigDeadline: '0', permit2Address: Z }, '0x49642ada5f77eb9458f8265eb01fed2684c2f25d50534fea3efdf2cf395deb2f'],
  ];
  for (const [builder, args, digest] of u21) {
    await addPermit2(list, {
      comment: `${T21}: ${PRIMARY[builder]} with every value zero and verifyingContract 0x0${args.witness ? ', witness MockWitness{mock: 0}' : ''}`,
      flags: ['upstream'],
      builder,
      args,
      sk: nextKey(),
      upstream: { digest },
    });
  }
  // §2.2 permit2-sdk ↔ Solidity interop
  const T22 = 'evm.md §2.2 (Uniswap/permit2-sdk test/interop.json, inputs from writeInterop.js)';
  const I = {
    chainId: 31337,
    p2: '0xf0ffb02791362602acf0edce574e74dd9bd3120e',
    token: '0xb9728f6DE23E1Beeb7Bab38cbf0e60C0A48136eC',
    spender: '0x0000000000000000000000000000000000000001',
    amount: '1000000000000000000',
    t: '10000000000000',
  };
  const u22 = [
    ['_PERMIT_HASH', 'permit2Single', { chainId: I.chainId, details: { token: I.token, amount: I.amount, expiration: I.t, nonce: '0' }, spender: I.spender, sigDeadline: I.t, permit2Address: I.p2 }, '0xf091495e59822b8485df1c53916d6cc9b0dec6986e6b34f654a0805743b2e751'],
    ['_PERMIT_BATCH_HASH', 'permit2Batch', { chainId: I.chainId, details: [{ token: I.token, amount: I.amount, expiration: I.t, nonce: '0' }], spender: I.spender, sigDeadline: I.t, permit2Address: I.p2 }, '0x5dfa33aad60560c7094f2737eeb63291b52328e1c2369fd1973684ae37494f21'],
    ['_PERMIT_TRANSFER', 'permit2Transfer', { chainId: I.chainId, token: I.token, amount: I.amount, spender: I.spender, nonce: '0', deadline: I.t, permit2Address: I.p2 }, '0x0e4dbff267c9870e220a73f8fc5a26d6e2ffb5adac6312533aa0ec3199ff8928'],
    ['_PERMIT_TRANSFER_BATCH', 'permit2BatchTransfer', { chainId: I.chainId, permitted: [{ token: I.token, amount: I.amount }], spender: I.spender, nonce: '0', deadline: I.t, permit2Address: I.p2 }, '0xbced98e53ef66bf90663ef5714d52f77167118ff8e72c2ca62bb1c2fbe826731'],
    ['_PERMIT_TRANSFER_WITNESS', 'permit2WitnessTransfer', { chainId: I.chainId, token: I.token, amount: I.amount, spender: I.spender, nonce: '0', deadline: I.t, witness: mockW0, permit2Address: I.p2 }, '0xd06a889d5a970f1bec6d3abd42d11944e7e530f6db44990151d49a029c0258d2'],
  ];
  for (const [name, builder, args, digest] of u22) {
    await addPermit2(list, {
      comment: `${T22}: ${name}; Permit2's test/Permit2.t.sol signs it and calls the real contract`,
      flags: ['upstream'],
      builder,
      args,
      sk: nextKey(),
      upstream: { digest },
    });
  }
  // §2.3 MetaMask-signed vectors
  const T23 = 'evm.md §2.3 (Uniswap/permit2 test/TypehashGeneration.t.sol, signed in MetaMask with anvil key 0)';
  const mmTypedData = [];
  for (const [builder, args, hs, digest, signature] of PERMIT2_MM_VECTORS) {
    const upstream = { hashStruct: hs, digest, signature, address: ANVIL0_ADDR };
    if (builder === 'permit2WitnessTransfer') {
      upstream.witnessHash = '0xd548f43d970db3831e3f2fa4542484d6ecb288d156fdddae3ce6c7aa423eaaa6';
      upstream.typeHash = '0xa71132a9bcd11def20fcbf7e58363cb9ae272d35f1578e918e6795a11daf75d9';
      upstream.witnessTypeString = 'MockWitness witness)MockWitness(address person,uint256 amount)TokenPermissions(address token,uint256 amount)';
    }
    const expected = await addPermit2(list, {
      comment: `${T23}: ${PRIMARY[builder]}; the signature is MetaMask's, byte for byte, and recovers to ${ANVIL0_ADDR}`,
      flags: ['upstream', 'metamask'],
      builder,
      args,
      sk: ANVIL0,
      upstream,
    });
    mmTypedData.push([builder, expected.typedData, digest, signature]);
  }
  // the wrong witness order of TypehashGeneration.t.sol's negative test gives a different type hash
  {
    const wrong = STUB.permit2WitnessTransfer + 'MockWitness witness)TokenPermissions(address token,uint256 amount)MockWitness(address person,uint256 amount)';
    assert(vKeccak(stringToHex(wrong)) !== '0xa71132a9bcd11def20fcbf7e58363cb9ae272d35f1578e918e6795a11daf75d9', 'wrong witness order must change the type hash');
  }
  return mmTypedData;
}

async function addPermit2Generated(list) {
  // permit2Transfer
  for (const [chainId, p2] of CHAINS) {
    await addPermit2(list, {
      comment: `PermitTransferFrom on chain ${chainId}${p2 ? ' (zkSync Era: Permit2 at its own address)' : ' (canonical Permit2)'}`,
      builder: 'permit2Transfer',
      args: withP2({ chainId, token: randToken(), amount: randAmount(), spender: randAddr(), nonce: randUint(64).toString(), deadline: randDeadline() }, p2),
      sk: nextKey(),
    });
  }
  for (const [what, a] of [
    ['amount 2^256-1 (SignatureTransfer maximum)', { amount: U256_MAX.toString() }],
    ['unordered nonce 2^256-1 and deadline 2^256-1', { nonce: U256_MAX.toString(), deadline: U256_MAX.toString() }],
    ['amount 0, nonce 0, deadline 0', { amount: '0', nonce: '0', deadline: '0' }],
    ['nonce with wordPos 1, bitPos 255 (511)', { nonce: '511' }],
  ]) {
    await addPermit2(list, {
      comment: `PermitTransferFrom, ${what}`,
      builder: 'permit2Transfer',
      args: { chainId: 1, token: randToken(), amount: randAmount(), spender: randAddr(), nonce: '7', deadline: '1893456000', ...a },
      sk: nextKey(),
    });
  }
  await addPermit2(list, {
    comment: 'PermitTransferFrom with the canonical Permit2 address given explicitly (lowercase)',
    builder: 'permit2Transfer',
    args: { chainId: 8453, token: randToken(), amount: randAmount(), spender: randAddr(), nonce: '1', deadline: randDeadline(), permit2Address: lc(PERMIT2_CANONICAL) },
    sk: nextKey(),
  });
  await addPermit2(list, {
    comment: 'PermitTransferFrom with a non-canonical Permit2 deployment (local chain 31337)',
    builder: 'permit2Transfer',
    args: { chainId: 31337, token: randToken(), amount: randAmount(), spender: randAddr(), nonce: '0', deadline: randDeadline(), permit2Address: randAddr() },
    sk: nextKey(),
  });
  // permit2BatchTransfer
  const perm = () => ({ token: randToken(), amount: randAmount() });
  for (const [i, [chainId, p2]] of CHAINS.entries()) {
    const n = [1, 2, 3, 5, 2, 3][i];
    await addPermit2(list, {
      comment: `PermitBatchTransferFrom with ${n} token(s) on chain ${chainId}`,
      builder: 'permit2BatchTransfer',
      args: withP2({ chainId, permitted: Array.from({ length: n }, perm), spender: randAddr(), nonce: randUint(48).toString(), deadline: randDeadline() }, p2),
      sk: nextKey(),
    });
  }
  await addPermit2(list, {
    comment: 'PermitBatchTransferFrom with an empty permitted list (valid: the array hash is keccak256 of nothing)',
    builder: 'permit2BatchTransfer',
    args: { chainId: 1, permitted: [], spender: randAddr(), nonce: '0', deadline: '1893456000' },
    sk: nextKey(),
  });
  await addPermit2(list, {
    comment: 'PermitBatchTransferFrom with amounts 2^256-1 and 0, nonce and deadline 2^256-1',
    builder: 'permit2BatchTransfer',
    args: { chainId: 42161, permitted: [{ token: randToken(), amount: U256_MAX.toString() }, { token: randToken(), amount: '0' }], spender: randAddr(), nonce: U256_MAX.toString(), deadline: U256_MAX.toString() },
    sk: nextKey(),
  });
  // permit2WitnessTransfer: every witness shape, chains rotating
  for (const [i, shape] of WITNESS_SHAPES.entries()) {
    const [chainId, p2] = CHAINS[i % CHAINS.length];
    await addPermit2(list, {
      comment: `PermitWitnessTransferFrom, witness ${shape.what}, chain ${chainId}`,
      builder: 'permit2WitnessTransfer',
      args: withP2({ chainId, token: randToken(), amount: randAmount(), spender: randAddr(), nonce: randUint(64).toString(), deadline: randDeadline(), witness: witnessArg(shape) }, p2),
      sk: nextKey(),
    });
  }
  await addPermit2(list, {
    comment: 'PermitWitnessTransferFrom with amount, nonce and deadline 2^256-1',
    builder: 'permit2WitnessTransfer',
    args: { chainId: 1, token: randToken(), amount: U256_MAX.toString(), spender: randAddr(), nonce: U256_MAX.toString(), deadline: U256_MAX.toString(), witness: witnessArg(WITNESS_SHAPES[2]) },
    sk: nextKey(),
  });
  // permit2BatchWitnessTransfer
  for (const [i, shapeIdx] of [0, 2, 3, 5, 6, 7, 10].entries()) {
    const [chainId, p2] = CHAINS[(i + 2) % CHAINS.length];
    const shape = WITNESS_SHAPES[shapeIdx];
    const n = [1, 2, 3, 2, 1, 4, 2][i];
    await addPermit2(list, {
      comment: `PermitBatchWitnessTransferFrom with ${n} token(s), witness ${shape.what}, chain ${chainId}`,
      builder: 'permit2BatchWitnessTransfer',
      args: withP2({ chainId, permitted: Array.from({ length: n }, perm), spender: randAddr(), nonce: randUint(64).toString(), deadline: randDeadline(), witness: witnessArg(shape) }, p2),
      sk: nextKey(),
    });
  }
  await addPermit2(list, {
    comment: 'PermitBatchWitnessTransferFrom with an empty permitted list',
    builder: 'permit2BatchWitnessTransfer',
    args: { chainId: 10, permitted: [], spender: randAddr(), nonce: '5', deadline: '1893456000', witness: witnessArg(WITNESS_SHAPES[1]) },
    sk: nextKey(),
  });
  // permit2Single
  const det = (o = {}) => ({ token: randToken(), amount: randUint(160).toString(), expiration: (1700000000n + randBigBits(28)).toString(), nonce: randUint(16).toString(), ...o });
  for (const [chainId, p2] of CHAINS) {
    await addPermit2(list, {
      comment: `PermitSingle on chain ${chainId}${p2 ? ' (zkSync Era Permit2 address)' : ''}`,
      builder: 'permit2Single',
      args: withP2({ chainId, details: det(), spender: randAddr(), sigDeadline: randDeadline() }, p2),
      sk: nextKey(),
    });
  }
  for (const [what, d, extra] of [
    ['amount 2^160-1 (unlimited allowance)', { amount: U160_MAX.toString() }, {}],
    ['expiration 0 (expires at the signing block)', { expiration: '0' }, {}],
    ['expiration 2^48-1 (maximum)', { expiration: U48_MAX.toString() }, {}],
    ['nonce 2^48-1 (maximum ordered nonce)', { nonce: U48_MAX.toString() }, {}],
    ['sigDeadline 2^256-1', {}, { sigDeadline: U256_MAX.toString() }],
    ['amount 0, expiration 0, nonce 0', { amount: '0', expiration: '0', nonce: '0' }, {}],
    ['every field at its maximum', { amount: U160_MAX.toString(), expiration: U48_MAX.toString(), nonce: U48_MAX.toString() }, { sigDeadline: U256_MAX.toString() }],
  ]) {
    await addPermit2(list, {
      comment: `PermitSingle, ${what}`,
      builder: 'permit2Single',
      args: { chainId: pick([1, 10, 137, 8453, 42161]), details: det(d), spender: randAddr(), sigDeadline: randDeadline(), ...extra },
      sk: nextKey(),
    });
  }
  // permit2Batch
  for (const [i, [chainId, p2]] of CHAINS.entries()) {
    const n = [1, 2, 3, 4, 2, 2][i];
    await addPermit2(list, {
      comment: `PermitBatch with ${n} detail(s) on chain ${chainId}`,
      builder: 'permit2Batch',
      args: withP2({ chainId, details: Array.from({ length: n }, () => det()), spender: randAddr(), sigDeadline: randDeadline() }, p2),
      sk: nextKey(),
    });
  }
  await addPermit2(list, {
    comment: 'PermitBatch mixing the boundaries: amount 2^160-1 with expiration 0, nonce 2^48-1 with expiration 2^48-1',
    builder: 'permit2Batch',
    args: {
      chainId: 1,
      details: [det({ amount: U160_MAX.toString(), expiration: '0' }), det({ nonce: U48_MAX.toString(), expiration: U48_MAX.toString() }), det({ amount: '0' })],
      spender: randAddr(),
      sigDeadline: U256_MAX.toString(),
    },
    sk: nextKey(),
  });
  await addPermit2(list, {
    comment: 'PermitBatch with an empty details list',
    builder: 'permit2Batch',
    args: { chainId: 137, details: [], spender: randAddr(), sigDeadline: '1893456000' },
    sk: nextKey(),
  });
}

// ---------------------------------------------------------------------------
// Changelly / Hotpot params_to_sign (apis.md §C.4, §C.5)
// ---------------------------------------------------------------------------

const HOTPOT_WITNESS_TYPES = [
  [F('resolver', 'address'), F('user', 'address'), F('secretHash', 'bytes32')],
  [F('user', 'address'), F('secretHash', 'bytes32')],
  [F('secretHash', 'bytes32'), F('recipient', 'address'), F('resolver', 'address')],
];

async function addPermit2ParamsToSign(list) {
  const specs = [
    { chainId: 1, p2: PERMIT2_CANONICAL, w: 0, domainType: false, argsNonce: false, order: 'sdk', nonce: 1780078455123, what: 'the apis.md §C.5 shape, Witness(address resolver,address user,bytes32 secretHash)' },
    { chainId: 8453, p2: PERMIT2_CANONICAL, w: 0, domainType: true, argsNonce: true, order: 'sdk', nonce: 1780078455124, what: 'types already include EIP712Domain; args.nonce repeats paramsToSign.nonce' },
    { chainId: 42161, p2: lc(PERMIT2_CANONICAL), w: 1, domainType: false, argsNonce: false, order: 'witness_first', nonce: 91, lower: true, what: 'Witness(address user,bytes32 secretHash), all addresses lowercase, types listed witness first' },
    { chainId: 324, p2: PERMIT2_ZKSYNC, w: 0, domainType: false, argsNonce: true, order: 'sdk', nonce: 1780078455125, what: 'zkSync Era: permit2_contract_address is the zkSync Permit2' },
    { chainId: 137, p2: PERMIT2_CANONICAL, w: 2, domainType: true, argsNonce: false, order: 'reversed', nonce: 4503599627370495, what: 'Witness(bytes32 secretHash,address recipient,address resolver), types in reverse order, nonce 2^52-1' },
    { chainId: 10, p2: PERMIT2_CANONICAL, w: 0, domainType: false, argsNonce: false, order: 'sdk', nonce: 0, amountMax: true, what: 'nonce 0 and amount 2^256-1' },
  ];
  const built = [];
  for (const sp of specs) {
    const addr = () => (sp.lower ? lc(randAddr()) : randAddr());
    const escrow = addr();
    const resolver = addr();
    const user = addr();
    const wTypes = HOTPOT_WITNESS_TYPES[sp.w];
    const wValue = {};
    for (const f of wTypes) wValue[f.name] = f.type === 'bytes32' ? randBytesHex(32) : f.name === 'resolver' ? resolver : f.name === 'user' ? user : addr();
    const token = sp.lower ? lc(pick(TOKENS)) : pick(TOKENS);
    const amount = sp.amountMax ? U256_MAX.toString() : randAmount();
    const deadline = String(1893456000 + randInt(1000000));
    const builderArgs = {
      chainId: sp.chainId,
      token,
      amount,
      spender: escrow,
      nonce: String(sp.nonce),
      deadline,
      witness: { typeName: 'Witness', types: { Witness: wTypes }, value: wValue },
      permit2Address: sp.p2,
    };
    const exp = await computePermit2('permit2WitnessTransfer', builderArgs, nextKey());
    const sdkTypes = {};
    for (const [k, v] of Object.entries(exp.typedData.types)) if (k !== 'EIP712Domain') sdkTypes[k] = v;
    let keys = Object.keys(sdkTypes);
    if (sp.order === 'witness_first') keys = ['Witness', ...keys.filter((k) => k !== 'Witness')];
    if (sp.order === 'reversed') keys = keys.reverse();
    const types = sp.domainType ? { EIP712Domain: P2_DOMAIN_TYPE } : {};
    for (const k of keys) types[k] = sdkTypes[k];
    const paramsToSign = {
      escrow_contract_address: escrow,
      permit2_contract_address: sp.p2,
      resolver_deposit_address: resolver,
      nonce: sp.nonce,
      additional_data: {
        domain: { name: 'Permit2', chainId: sp.chainId, verifyingContract: sp.p2 },
        types,
        witness: wValue,
        witness_type_string: exp.witnessTypeString,
        witness_hash: exp.witnessHash,
      },
    };
    assert(Number.isSafeInteger(paramsToSign.nonce), 'params_to_sign nonce is a safe JSON integer');
    const args = { token, amount, deadline, ...(sp.argsNonce ? { nonce: String(sp.nonce) } : {}) };
    list.push({
      comment: `Changelly/Hotpot params_to_sign (apis.md §C.4/§C.5, approval_type permit2): ${sp.what}. spender = escrow_contract_address, verifyingContract = permit2_contract_address, message.nonce = args.nonce if given, else paramsToSign.nonce; witness_type_string and witness_hash were checked against the types and the witness (viem and ethers), and the digest against permit2-sdk`,
      flags: ['params_to_sign', 'permit2WitnessTransfer', 'witness', `chain_${sp.chainId}`, ...(lc(sp.p2) === lc(PERMIT2_ZKSYNC) ? ['zksync'] : []), ...(sp.domainType ? ['explicit_domain_type'] : [])],
      rest: {
        input: { builder: 'permit2FromParamsToSign', paramsToSign, args },
        expected: { typedData: exp.typedData, digest: exp.digest },
      },
    });
    built.push({ sp, paramsToSign, args, wTypes, wValue, exp });
  }
  // tampered variants
  for (const idx of [0, 3, 4]) {
    const { paramsToSign, args, wTypes, wValue, exp } = built[idx];
    const base = clone(paramsToSign);
    // 1. wrong witness_hash: the hash of the same witness with another user/recipient
    {
      const p = clone(base);
      const other = { ...wValue };
      const k = wTypes.find((f) => f.type === 'address').name;
      other[k] = vGetAddress(randBytesHex(20));
      const wrong = hashStruct({ data: other, primaryType: 'Witness', types: { Witness: wTypes } });
      assert(wrong !== exp.witnessHash, 'tampered witness hash differs');
      p.additional_data.witness_hash = wrong;
      list.push({
        comment: `tampered params_to_sign: witness_hash is hashStruct of a different witness (${k} replaced), so it does not match additional_data.witness`,
        flags: ['params_to_sign', 'negative', 'tampered_witness_hash'],
        rest: { input: { builder: 'permit2FromParamsToSign', paramsToSign: p, args }, expected: null, error: 'WITNESS_MISMATCH', errorPath: 'paramsToSign.additional_data.witness_hash' },
      });
    }
    // 2. type string with one field changed
    {
      const p = clone(base);
      const f = wTypes[wTypes.length - 1];
      const wrongField = `${f.type} ${f.name}X`;
      const wrong = exp.witnessTypeString.replace(`${f.type} ${f.name})`, `${wrongField})`).replace(`${f.type} ${f.name},`, `${wrongField},`);
      assert(wrong !== exp.witnessTypeString, 'tampered type string differs');
      p.additional_data.witness_type_string = wrong;
      list.push({
        comment: `tampered params_to_sign: witness_type_string renames the witness field ${f.name} to ${f.name}X, so it is not the encodeType of additional_data.types`,
        flags: ['params_to_sign', 'negative', 'tampered_type_string'],
        rest: { input: { builder: 'permit2FromParamsToSign', paramsToSign: p, args }, expected: null, error: 'WITNESS_MISMATCH', errorPath: 'paramsToSign.additional_data.witness_type_string' },
      });
    }
    // 3. type string with the referenced structs in the wrong order
    {
      const p = clone(base);
      const tp = 'TokenPermissions(address token,uint256 amount)';
      const wDef = `Witness(${wTypes.map((f) => `${f.type} ${f.name}`).join(',')})`;
      assertEq(exp.witnessTypeString, `Witness witness)${tp}${wDef}`, 'Hotpot witness type string layout');
      const wrong = `Witness witness)${wDef}${tp}`;
      p.additional_data.witness_type_string = wrong;
      list.push({
        comment: 'tampered params_to_sign: witness_type_string lists Witness(...) before TokenPermissions(...), not in EIP-712 (sorted-by-name) order; Permit2 would compute another type hash (evm.md §1.4, InvalidSigner)',
        flags: ['params_to_sign', 'negative', 'tampered_type_order'],
        rest: { input: { builder: 'permit2FromParamsToSign', paramsToSign: p, args }, expected: null, error: 'WITNESS_MISMATCH', errorPath: 'paramsToSign.additional_data.witness_type_string' },
      });
    }
  }
}

// ---------------------------------------------------------------------------
// EIP-7702 authorizations (evm.md §2.7, §4.4)
// ---------------------------------------------------------------------------

/** chainId, nonce: BigInt; address: string as given. */
async function computeEip7702(chainId, address, nonce, sk) {
  // preimage: 0x05 ‖ rlp([chain_id, address, nonce]) — viem toRlp vs ethers encodeRlp
  const rlpV = toRlp([chainId ? numberToHex(chainId) : '0x', address, nonce ? numberToHex(nonce) : '0x']);
  const rlpE = encodeRlp([chainId ? toBeArray(chainId) : '0x', lc(address), nonce ? toBeArray(nonce) : '0x']);
  assertEq(rlpV, rlpE, 'EIP-7702 RLP (viem vs ethers)');
  const preimage = vConcat(['0x05', rlpV]);
  const hashV = hashAuthorization({ chainId, address, nonce });
  const hashE = eHashAuthorization({ chainId, address, nonce });
  assertEq(hashV, hashE, 'EIP-7702 hash (viem hashAuthorization vs ethers hashAuthorization)');
  assertEq(vKeccak(preimage), hashV, 'keccak256(preimage) == hashAuthorization');
  const sigV = await signAuthorization({ chainId, address, nonce, privateKey: sk });
  const sigE = new SigningKey(sk).sign(hashV);
  assertEq(sigV.r, sigE.r, 'authorization r (viem vs ethers)');
  assertEq(sigV.s, sigE.s, 'authorization s (viem vs ethers)');
  assertEq(sigV.yParity, sigE.yParity, 'authorization yParity (viem vs ethers)');
  assert(BigInt(sigV.s) <= SECP_N / 2n, 'low-s');
  const authority = await recoverAuthorizationAddress({ authorization: { chainId, address, nonce }, signature: sigV });
  assertEq(authority, eVerifyAuthorization({ chainId, address, nonce }, ESignature.from(sigE)), 'authority (viem vs ethers)');
  assertEq(authority, account(sk).address, 'authority == key address');
  return {
    preimage,
    hash: hashV,
    signature: {
      chainId: BigInt(sigV.chainId).toString(),
      address: sigV.address,
      nonce: BigInt(sigV.nonce).toString(),
      r: sigV.r,
      s: sigV.s,
      yParity: sigV.yParity,
    },
    authority,
  };
}

function flags7702(chainId, address, nonce) {
  const f = [];
  if (chainId === 0n) f.push('chain_id_zero');
  if (chainId === 1n) f.push('chain_id_one');
  if (chainId === 1n << 64n) f.push('chain_id_2_64');
  if (chainId === U256_MAX) f.push('chain_id_max');
  if (nonce === 0n) f.push('nonce_zero');
  if (nonce === 1n) f.push('nonce_one');
  if (nonce === U64_MAX - 1n) f.push('nonce_max_valid');
  if (nonce === U64_MAX) f.push('nonce_2_64_minus_1');
  if (/^0x0{40}$/.test(address)) f.push('zero_address');
  else if (address === lc(address)) f.push('lowercase_address');
  else f.push('checksummed_address');
  return f;
}

async function add7702(list, { comment, flags = [], chainId, address, nonce, sk, upstream = {} }) {
  const expected = await computeEip7702(chainId, address, nonce, sk);
  for (const [k, v] of Object.entries(upstream)) {
    const got = k in expected ? expected[k] : expected.signature[k];
    assertEq(String(got).toLowerCase(), String(v).toLowerCase(), `upstream 7702 ${k} (${comment})`);
  }
  const f = [...flags, ...flags7702(chainId, address, nonce)];
  if (nonce === U64_MAX)
    comment += '; EIP-7702 verifiers skip a tuple with nonce 2^64-1 (they require nonce < 2^64-1), but the hash and signature are well defined';
  list.push({
    comment,
    flags: f,
    rest: { input: { chainId: chainId.toString(), address, nonce: nonce.toString(), secretKey: sk }, expected },
  });
}

async function build7702() {
  const list = new CaseList('eip7702');
  const VT = 'evm.md §2.7 (wevm/viem src/utils/authorization/hashAuthorization.test.ts; signatures with anvil key 0 computed there with viem signAuthorization = alloy)';
  const viemVectors = [
    [1n, '0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c', 40n, '0x05d70194be95c3f554e9fc85ec51be69a3d807a0d55bcf2c28', '0x5919da563810a99caf657d42bd10905adbd28b3b89b8a4577efa471e5e4b3914', '0xa513a287a156a99f2be4023466d401589e33add75c057e5fd376d11ed8946cf3', '0x371440c5f5c845ae5260bffccf9e28307b9204216faeaa0e27a6608bcdd7e047', 1],
    [69n, '0xFBA3912Ca04dd458c843e2EE08967fC04f3579c2', 420n, '0x05d94594fba3912ca04dd458c843e2ee08967fc04f3579c28201a4', '0x9aeacccc1b8571dfc4fb4ba734dbde6e94d6c0188484413585144a755c359aac', '0xcdd7f7b63f16067223e96c7b74bb3fda1ee1d05b0ae7007e5bad95e54357004f', '0x1166103f6f39d28281be3b67b824b819c8104e7f45c6cb4e2d85980148ba6961', 1],
    [0n, '0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c', 0n, '0x05d78094be95c3f554e9fc85ec51be69a3d807a0d55bcf2c80', '0x70f22b957bc18cbaa757a12cc3e5fa5268b98b24afe15a35a76e6874748a8bfa', '0xbdf5d1c0406029a92a7631cd999ddbfa2a41ba502b7999161aeb09e09b71e38f', '0x3e0a949c94b6162171f4da8afa4389f485571b6fe66754a17afba96dd5ec12b9', 0],
    [1n, '0xFBA3912Ca04dd458c843e2EE08967fC04f3579c2', 0n, '0x05d70194fba3912ca04dd458c843e2ee08967fc04f3579c280', '0xa357bcb1f69e88d2c170904a18bc5bb8fe25872923a8d0a92f3e57c2d6df35cb', '0xff5d79daa56d5aae2657e8950af71377f8c2860255a9c915948c071ef9286def', '0x17318a10ff56f0000a350a210fdb312ba22260a64f38dddc135912a6c4795c1d', 0],
  ];
  for (const [chainId, address, nonce, preimage, hash, r, s, yParity] of viemVectors) {
    await add7702(list, {
      comment: `${VT}: (${chainId}, ${address}, ${nonce})`,
      flags: ['upstream'],
      chainId,
      address,
      nonce,
      sk: ANVIL0,
      upstream: { preimage, hash, r, s, yParity, authority: ANVIL0_ADDR },
    });
  }
  // MetaMask eth-sig-util
  {
    const mmSig =
      '0xebea1ac12f17a56a514dfecbcbc8bbee7b089fa3fcee31680d1e2c1588f623df7973cab74e12536678995377da38c96c65c52897750b73462c6760ef2737dba41b';
    const ps = parseSignature(mmSig);
    await add7702(list, {
      comment:
        'evm.md §2.7 (MetaMask/eth-sig-util src/sign-eip7702-authorization.test.ts): authorization [8545, 0x1234…7890, 1]; MetaMask returns r‖s‖v with v 27 (yParity 0)',
      flags: ['upstream', 'metamask'],
      chainId: 8545n,
      address: '0x1234567890123456789012345678901234567890',
      nonce: 1n,
      sk: '0x4af1bceebf7f3634ec3cff8a2c38e51178d5d4ce585c52d6043e5e2cc3418bb0',
      upstream: {
        preimage: '0x05d982216194123456789012345678901234567890123456789001',
        hash: '0xb847dee5b33802280f3279d57574e1eb6bf5d628d7f63049e3cb20bad211056c',
        r: ps.r,
        s: ps.s,
        yParity: ps.yParity,
        authority: '0x29C76e6aD8f28BB1004902578Fb108c507Be341b',
      },
    });
  }
  // computed edge value (alloy's full 66-byte buffer)
  await add7702(list, {
    comment: 'evm.md §2.7 (computed there with alloy): chain_id 2^256-1, zero address, nonce 2^64-1 gives a 66-byte preimage',
    flags: ['upstream'],
    chainId: U256_MAX,
    address: ZERO_ADDR,
    nonce: U64_MAX,
    sk: nextKey(),
    upstream: { hash: '0x245cca19711fcc7e26593bcce2a97f448cb9653a7792229c9cd8ba5b3d9b5092' },
  });
  // grid: chainIds × nonces, addresses rotating zero / checksummed / lowercase
  const chainIds = [0n, 1n, 8453n, 1n << 64n, U256_MAX, 1313161554n];
  const nonces = [0n, 1n, U64_MAX - 1n, U64_MAX];
  let k = 0;
  for (const chainId of chainIds) {
    for (const nonce of nonces) {
      const style = k % 3;
      const address = style === 0 ? ZERO_ADDR : renderAddr(randBytesHex(20), style === 1 ? 'checksum' : 'lower');
      k++;
      await add7702(list, {
        comment: `chainId ${chainId === U256_MAX ? '2^256-1' : chainId === 1n << 64n ? '2^64' : chainId}, nonce ${nonce === U64_MAX ? '2^64-1' : nonce === U64_MAX - 1n ? '2^64-2' : nonce}, ${style === 0 ? 'zero address (clears the delegation)' : style === 1 ? 'EIP-55 address' : 'lowercase address'}`,
        chainId,
        address,
        nonce,
        sk: nextKey(),
      });
    }
  }
  // seeded random
  for (let i = 0; i < 16; i++) {
    const chainId = pick([() => BigInt(pick([1, 10, 56, 137, 8453, 42161, 11155111])), () => randBigBits(1 + randInt(64)), () => randBigBits(256)])();
    const nonce = pick([() => BigInt(randInt(1000)), () => randBigBits(1 + randInt(63))])();
    const address = randAddr();
    await add7702(list, {
      comment: 'seeded random authorization',
      flags: ['random'],
      chainId,
      address,
      nonce,
      sk: nextKey(),
    });
  }
  return {
    description: EIP7702_DESCRIPTION,
    source: `generated by tests/vectors/gen/gen-eip712.mjs with ${SOURCE_COMMON} (seed 0x${SEED.toString(16)}); preimage by viem toRlp = ethers encodeRlp, hash by viem hashAuthorization = ethers hashAuthorization = keccak256(preimage), signature by viem signAuthorization = ethers SigningKey.sign, authority by viem recoverAuthorizationAddress = ethers verifyAuthorization; upstream vectors from shared/reference/evm.md §2.7; test keys only: keccak256(utf8("intent-signer eip712 test key <i>")), upstream cases use anvil account 0 and MetaMask's eth-sig-util test key`,
    cases: list.cases,
  };
}

const EIP7702_DESCRIPTION = [
  'EIP-7702 authorization tuples. input = {chainId (decimal string, 0 .. 2^256-1), address (EIP-55 or lowercase), nonce (decimal string, 0 .. 2^64-1), secretKey (32-byte hex, TEST KEYS ONLY)}.',
  'expected.preimage = 0x05 ‖ rlp([chain_id, address, nonce]) (integers as minimal big-endian byte strings: 0 is 0x80), expected.hash = keccak256(preimage),',
  'expected.signature = {chainId, address, nonce, r, s, yParity} as viem signAuthorization returns it (chainId and nonce as decimal strings, address echoed as given, r and s 32-byte 0x hex, yParity 0 or 1, RFC 6979, low-s), expected.authority = EIP-55 address of the key (recovered).',
  'Flags: upstream (published vector; comment cites evm.md §2.7 and the upstream file), metamask, random, chain_id_zero, chain_id_one, chain_id_2_64, chain_id_max, nonce_zero, nonce_one, nonce_max_valid (2^64-2), nonce_2_64_minus_1 (verifiers skip such a tuple, see comment), zero_address, lowercase_address, checksummed_address.',
].join(' ');

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

const MAX_FILE_BYTES = 1.5 * 1024 * 1024;
function writeJson(file, data) {
  const text = JSON.stringify(data, null, 2) + '\n';
  assertEq(JSON.stringify(JSON.parse(text), null, 2) + '\n', text, `${path.basename(file)} JSON round trip`);
  assert(!/"[^"]*":\s*-?\d+n\b/.test(text), `${path.basename(file)}: no BigInt leaked`);
  assert(Buffer.byteLength(text) < MAX_FILE_BYTES, `${path.basename(file)} is ${Buffer.byteLength(text)} bytes (limit 1.5 MB)`);
  const ids = new Set();
  for (const c of data.cases) {
    assert(!ids.has(c.id), `duplicate id ${c.id}`);
    ids.add(c.id);
    for (const k of ['id', 'comment', 'flags', 'input', 'expected']) assert(k in c, `${c.id}: missing ${k}`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${path.relative(path.resolve(HERE, '..', '..', '..'), file)}: ${data.cases.length} cases, ${Buffer.byteLength(text)} bytes`);
}

const SOURCE_COMMON = `viem ${VIEM_V}, ethers ${ETHERS_V}`;

const PERMIT2_DESCRIPTION = [
  'Uniswap Permit2 typed data built from builder arguments. input = {builder, args, secretKey (32-byte hex, TEST KEYS ONLY)}; builders and args:',
  'permit2Transfer {chainId, token, amount, spender, nonce, deadline, permit2Address?};',
  'permit2BatchTransfer {chainId, permitted: [{token, amount}], spender, nonce, deadline, permit2Address?};',
  'permit2WitnessTransfer {chainId, token, amount, spender, nonce, deadline, witness: {typeName, types, value}, permit2Address?};',
  'permit2BatchWitnessTransfer {chainId, permitted, spender, nonce, deadline, witness, permit2Address?};',
  'permit2Single {chainId, details: {token, amount, expiration, nonce}, spender, sigDeadline, permit2Address?};',
  'permit2Batch {chainId, details: [{token, amount, expiration, nonce}], spender, sigDeadline, permit2Address?}.',
  'chainId is a JSON number, every other integer a decimal string, addresses EIP-55 or lowercase; witness.types maps each witness struct name to [{name, type}] (the witness type and every struct it references, TokenPermissions excluded), witness.value is the witness struct value.',
  'permit2Address absent means the canonical 0x000000000022D473030F116dDEE9F6B43aC78BA3 (the zkSync Era cases, chain 324, always pass 0x0000000000225e31d15943971f47ad3022f714fa explicitly).',
  'expected.typedData is the exact eth_signTypedData_v4 object: domain {name: "Permit2", chainId, verifyingContract (EIP-55)} (no version), types = EIP712Domain [name string, chainId uint256, verifyingContract address] followed by the permit2-sdk types in its order (primary type, TokenPermissions or PermitDetails, then the witness types as given), primaryType, and message = the permit2-sdk getPermitData values in the field order of their types with integers as decimal strings, addresses EIP-55 and bytes lowercase hex.',
  'expected.digest = permit2-sdk hash = viem hashTypedData = ethers TypedDataEncoder.hash. Witness builders also have expected.witnessTypeString (everything after the comma of the PermitHash.sol stub "PermitWitnessTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline," or "PermitBatchWitnessTransferFrom(TokenPermissions[] permitted,...,uint256 deadline,"; stub ‖ witnessTypeString = encodeType(primaryType) per viem and ethers) and expected.witnessHash (hashStruct of the witness).',
  'expected.signature = viem signTypedData with input.secretKey (65-byte r‖s‖v, v 27/28, as Permit2 needs).',
  'builder permit2FromParamsToSign (flag params_to_sign): input = {builder, paramsToSign (the Changelly/Hotpot params_to_sign object of approval_type permit2, exactly as the API sends it: escrow_contract_address, permit2_contract_address, resolver_deposit_address, nonce (JSON number), additional_data {domain, types (with or without EIP712Domain), witness, witness_type_string, witness_hash}), args: {token, amount, deadline, nonce?}};',
  'the typed data is PermitWitnessTransferFrom with permitted {token, amount} from args, spender = escrow_contract_address, nonce = args.nonce if present (it equals paramsToSign.nonce when given) else paramsToSign.nonce, deadline from args, witness = additional_data.witness, verifyingContract = permit2_contract_address; expected = {typedData, digest}.',
  'Tampered params_to_sign (flags params_to_sign, negative): expected null, error "WITNESS_MISMATCH", errorPath the offending field (paramsToSign.additional_data.witness_hash or .witness_type_string): witness_hash not hashStruct(witness), or witness_type_string not stub-stripped encodeType of the types (a renamed field, or the structs out of sorted order).',
  'Flags: the builder name, upstream (comment cites evm.md and the upstream file), metamask (signature made by MetaMask), witness, witness_nested, witness_type_before_token_permissions, witness_type_after_token_permissions, batch_<n>, empty_batch, amount_zero, amount_uint160_max, amount_uint256_max, expiration_zero, expiration_max (2^48-1), nonce_uint48_max, nonce_uint256_max, deadline_max, zksync, custom_permit2_address, explicit_canonical_address, chain_<id>, explicit_domain_type, params_to_sign, negative, tampered_witness_hash, tampered_type_string, tampered_type_order.',
].join(' ');

async function buildPermit2() {
  const list = new CaseList('permit2');
  await addPermit2Upstream(list);
  await addPermit2Generated(list);
  await addPermit2ParamsToSign(list);
  return {
    description: PERMIT2_DESCRIPTION,
    source: `generated by tests/vectors/gen/gen-eip712.mjs with @uniswap/permit2-sdk ${PERMIT2_SDK_V} (SignatureTransfer/AllowanceTransfer getPermitData + hash, on its bundled @ethersproject/hash ${ETHERS5_HASH_V}), ${SOURCE_COMMON} (seed 0x${SEED.toString(16)}); digest = permit2-sdk hash = viem hashTypedData = ethers TypedDataEncoder.hash; upstream vectors from shared/reference/evm.md §2.1, §2.2, §2.3, params_to_sign shape from shared/reference/apis.md §C; test keys only: keccak256(utf8("intent-signer eip712 test key <i>")), the MetaMask cases use anvil account 0`,
    cases: list.cases,
  };
}

// ---------------------------------------------------------------------------
// main (grown below)
// ---------------------------------------------------------------------------

async function main() {
  // build everything first (each builder reproduces its upstream vectors before any case is kept), then write
  const eip712 = await buildEip712();
  const permit2 = await buildPermit2();
  const eip7702 = await build7702();
  writeJson(OUT_EIP712, eip712);
  writeJson(OUT_PERMIT2, permit2);
  writeJson(OUT_EIP7702, eip7702);
}

await main();
