// Differential test-vector generator for EVM ABI call data (intent-signer).
//
// Every expected value is computed by TWO independent JS implementations:
//   - viem   (parseAbiItem, encodeFunctionData, decodeFunctionData, toFunctionSelector, formatAbiItem)
//   - ethers (FunctionFragment / Interface.encodeFunctionData / decodeFunctionData, AbiCoder)
// plus @noble/hashes keccak_256 for the selector. A case is written to abi.json only if
// viem and ethers agree byte for byte on the call data and on the decoded values. Any
// disagreement goes to the top-level "disagreements" list instead (we follow viem).
//
// Outputs (and nothing else):
//   ../generated/abi.json     generic ABI call-data vectors (spec examples + curated + seeded random)
//   ../abi-aurora.json        Aurora Intents Connect EvmStep examples (shared/reference/apis.md §A.4, §A.7)
//
// Deterministic: a mulberry32 PRNG seeded with a constant; no Math.random, no clock.
// Usage: cd tests/vectors/gen && npm ci && npm run gen:abi

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  parseAbiItem,
  encodeFunctionData,
  decodeFunctionData,
  toFunctionSelector,
  toFunctionSignature,
  getAddress as viemGetAddress,
} from 'viem';
import { formatAbiItem } from 'viem/utils';
import { Interface, AbiCoder, FunctionFragment, getAddress as ethersGetAddress } from 'ethers';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_ABI = path.resolve(HERE, '..', 'generated', 'abi.json');
const OUT_AURORA = path.resolve(HERE, '..', 'abi-aurora.json');

const SEED = 0x1a7e5eed;

function pkgVersion(name) {
  const p = path.join(HERE, 'node_modules', ...name.split('/'), 'package.json');
  return JSON.parse(readFileSync(p, 'utf8')).version;
}
const VIEM_V = pkgVersion('viem');
const ETHERS_V = pkgVersion('ethers');
const NOBLE_V = pkgVersion('@noble/hashes');

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function fail(msg) {
  throw new Error(`CROSS-CHECK FAILED: ${msg}`);
}
function assertEq(a, b, what) {
  if (a !== b) fail(`${what}: ${a} !== ${b}`);
}
const J = (v) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));
function errMsg(e) {
  return String(e && e.shortMessage ? e.shortMessage : e && e.message ? e.message : e).split('\n')[0];
}

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
  let s = '';
  for (let i = 0; i < n; i++) s += (rng32() & 0xff).toString(16).padStart(2, '0');
  return s;
}
function randBig(bits) {
  // uniform in [0, 2^bits)
  const nBytes = Math.ceil(bits / 8);
  if (nBytes === 0) return 0n;
  let v = BigInt('0x' + randBytesHex(nBytes));
  return v & ((1n << BigInt(bits)) - 1n);
}

// ---------------------------------------------------------------------------
// Parameter conventions
// ---------------------------------------------------------------------------

const UINT_RE = /^uint(\d+)$/;
const INT_RE = /^int(\d+)$/;
const FBYTES_RE = /^bytes(\d+)$/;
const DEC_RE = /^(0|[1-9][0-9]*)$/;
const NEG_DEC_RE = /^-[1-9][0-9]*$/;
const HEX_INT_RE = /^0x[0-9a-f]+$/;

function splitArray(type) {
  const m = type.match(/^(.*)\[(\d*)\]$/);
  if (!m) return null;
  return { inner: m[1], len: m[2] === '' ? null : Number(m[2]) };
}
const innerParam = (param, inner) => ({ ...param, type: inner });

function isDynamic(param) {
  const a = splitArray(param.type);
  if (a) return a.len === null || isDynamic(innerParam(param, a.inner));
  if (param.type === 'tuple') return param.components.some(isDynamic);
  return param.type === 'bytes' || param.type === 'string';
}

// Validate one of OUR input leaves against the documented convention, then hand it to `leaf`.
function mapInput(param, v, leaf, where = '$') {
  const a = splitArray(param.type);
  if (a) {
    if (!Array.isArray(v)) fail(`${where}: expected array for ${param.type}`);
    if (a.len !== null && v.length !== a.len) fail(`${where}: ${param.type} needs ${a.len} elements`);
    return v.map((x, i) => mapInput(innerParam(param, a.inner), x, leaf, `${where}[${i}]`));
  }
  if (param.type === 'tuple') {
    if (!Array.isArray(v) || v.length !== param.components.length) fail(`${where}: tuple arity`);
    return param.components.map((c, i) => mapInput(c, v[i], leaf, `${where}[${i}]`));
  }
  const t = param.type;
  let m;
  if ((m = t.match(UINT_RE))) {
    if (typeof v !== 'string' || !(DEC_RE.test(v) || HEX_INT_RE.test(v))) fail(`${where}: bad uint leaf ${J(v)}`);
    const b = BigInt(v);
    if (b >= 1n << BigInt(m[1])) fail(`${where}: ${v} out of range for ${t}`);
  } else if ((m = t.match(INT_RE))) {
    if (typeof v !== 'string' || !(DEC_RE.test(v) || NEG_DEC_RE.test(v) || HEX_INT_RE.test(v)))
      fail(`${where}: bad int leaf ${J(v)}`);
    const b = BigInt(v);
    const n = BigInt(m[1]);
    if (b < -(1n << (n - 1n)) || b >= 1n << (n - 1n)) fail(`${where}: ${v} out of range for ${t}`);
  } else if (t === 'address') {
    if (typeof v !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(v)) fail(`${where}: bad address ${J(v)}`);
    if (v !== v.toLowerCase() && v !== viemGetAddress(v)) fail(`${where}: address neither lowercase nor EIP-55`);
  } else if (t === 'bool') {
    if (typeof v !== 'boolean') fail(`${where}: bad bool ${J(v)}`);
  } else if ((m = t.match(FBYTES_RE))) {
    if (typeof v !== 'string' || !new RegExp(`^0x[0-9a-f]{${2 * Number(m[1])}}$`).test(v))
      fail(`${where}: bad ${t} ${J(v)}`);
  } else if (t === 'bytes') {
    if (typeof v !== 'string' || !/^0x([0-9a-f]{2})*$/.test(v)) fail(`${where}: bad bytes ${J(v)}`);
  } else if (t === 'string') {
    if (typeof v !== 'string') fail(`${where}: bad string ${J(v)}`);
    if (!v.isWellFormed()) fail(`${where}: lone surrogate`);
  } else fail(`${where}: unsupported type ${t}`);
  return leaf(t, v);
}

// our leaves -> viem JS values (bigint for integers)
const toViem = (param, v) => mapInput(param, v, (t, x) => (UINT_RE.test(t) || INT_RE.test(t) ? BigInt(x) : x));
// our leaves -> ethers values: the strings go in unchanged (ethers parses decimal and 0x strings itself)
const toEthers = (param, v) => mapInput(param, v, (_t, x) => x);
// our leaves -> canonical output form
const canonIn = (param, v) =>
  mapInput(param, v, (t, x) => {
    if (UINT_RE.test(t) || INT_RE.test(t)) return BigInt(x).toString();
    if (t === 'address') {
      const a = viemGetAddress(x);
      assertEq(ethersGetAddress(x), a, 'EIP-55 checksum viem vs ethers');
      return a;
    }
    return x;
  });

// a library's decoded value -> canonical output form
function canonOut(param, v, lib, where = '$') {
  const a = splitArray(param.type);
  if (a) {
    if (!Array.isArray(v)) fail(`${lib} ${where}: decoded ${param.type} is not an array`);
    return Array.from(v, (x, i) => canonOut(innerParam(param, a.inner), x, lib, `${where}[${i}]`));
  }
  if (param.type === 'tuple') {
    return param.components.map((c, i) => {
      const x = Array.isArray(v) ? v[i] : v[c.name]; // viem returns objects for named components
      return canonOut(c, x, lib, `${where}.${c.name ?? i}`);
    });
  }
  const t = param.type;
  if (UINT_RE.test(t) || INT_RE.test(t)) {
    if (typeof v !== 'bigint' && !(typeof v === 'number' && Number.isSafeInteger(v)))
      fail(`${lib} ${where}: decoded int has type ${typeof v}`);
    return BigInt(v).toString();
  }
  if (t === 'address') {
    if (typeof v !== 'string' || v !== viemGetAddress(v)) fail(`${lib} ${where}: decoded address not EIP-55: ${v}`);
    return v;
  }
  if (t === 'bool') {
    if (typeof v !== 'boolean') fail(`${lib} ${where}: decoded bool is ${typeof v}`);
    return v;
  }
  if (t === 'bytes' || FBYTES_RE.test(t)) {
    if (typeof v !== 'string' || !/^0x([0-9a-f]{2})*$/.test(v)) fail(`${lib} ${where}: decoded bytes not lowercase hex`);
    return v;
  }
  if (t === 'string') {
    if (typeof v !== 'string') fail(`${lib} ${where}: decoded string is ${typeof v}`);
    return v;
  }
  fail(`${lib} ${where}: unsupported type ${t}`);
}

// ---------------------------------------------------------------------------
// Flags derived from the signature and the values
// ---------------------------------------------------------------------------

const ASCII_RE = /^[\x00-\x7f]*$/;
function autoFlags(sig, item, params) {
  const f = new Set();
  let maxTupleDepth = 0;
  let maxDepth = 0;
  const walk = (param, v, tupleDepth, depth) => {
    maxDepth = Math.max(maxDepth, depth);
    const a = splitArray(param.type);
    if (a) {
      f.add(a.len === null ? 'array_dynamic' : 'array_fixed');
      const ip = innerParam(param, a.inner);
      if (splitArray(ip.type)) f.add('array_nested');
      if (ip.type === 'tuple') f.add('tuple_array');
      if (v.length === 0) f.add('empty_array');
      v.forEach((x) => walk(ip, x, tupleDepth, depth + 1));
      if (v.length === 0) walk0(ip, tupleDepth, depth + 1);
      return;
    }
    if (param.type === 'tuple') {
      f.add('tuple');
      if (tupleDepth >= 1) f.add('tuple_nested');
      if (isDynamic(param)) f.add('tuple_dynamic');
      maxTupleDepth = Math.max(maxTupleDepth, tupleDepth + 1);
      param.components.forEach((c, i) => walk(c, v[i], tupleDepth + 1, depth + 1));
      return;
    }
    leafFlags(param.type, v);
  };
  // types inside empty arrays still count for type coverage
  const walk0 = (param, tupleDepth, depth) => {
    maxDepth = Math.max(maxDepth, depth);
    const a = splitArray(param.type);
    if (a) {
      f.add(a.len === null ? 'array_dynamic' : 'array_fixed');
      return walk0(innerParam(param, a.inner), tupleDepth, depth + 1);
    }
    if (param.type === 'tuple') {
      f.add('tuple');
      maxTupleDepth = Math.max(maxTupleDepth, tupleDepth + 1);
      return param.components.forEach((c) => walk0(c, tupleDepth + 1, depth + 1));
    }
    leafType(param.type);
  };
  const leafType = (t) => {
    if (UINT_RE.test(t)) f.add('uint');
    else if (INT_RE.test(t)) f.add('int');
    else if (FBYTES_RE.test(t)) f.add('bytesN');
    else f.add(t);
  };
  const leafFlags = (t, v) => {
    leafType(t);
    if (UINT_RE.test(t) || INT_RE.test(t)) {
      if (HEX_INT_RE.test(v)) f.add('hex_int');
      if (v.startsWith('-')) f.add('negative');
    } else if (t === 'address') {
      if (/[a-fA-F]/.test(v.slice(2))) f.add(v === v.toLowerCase() ? 'address_lowercase' : 'address_checksummed');
    } else if (t === 'bytes') {
      if (v === '0x') f.add('empty_bytes');
      if (v.length - 2 >= 2000) f.add('large');
    } else if (t === 'string') {
      if (v === '') f.add('empty_string');
      if (!ASCII_RE.test(v)) f.add('unicode');
      if ([...v].length >= 1000) f.add('large');
    }
  };
  item.inputs.forEach((p, i) => walk(p, params[i], 0, 0));
  if (maxTupleDepth >= 3) f.add(`tuple_depth_${maxTupleDepth}`);
  if (maxDepth >= 3) f.add(`nesting_depth_${maxDepth}`);
  if (sig.startsWith('function ')) f.add('human_readable');
  if (item.inputs.some((p) => p.name)) f.add('named');
  if (/(^|[^a-zA-Z0-9_$])u?int(?![0-9a-zA-Z_$])/.test(sig.replace(/^function /, ''))) f.add('alias');
  if (!sig.startsWith('function ') && /\s/.test(sig)) f.add('whitespace');
  if (/\b(external|public|payable|view|pure|returns|memory|calldata)\b/.test(sig.replace(/^function /, '')))
    f.add('modifiers');
  if (item.inputs.length === 0) f.add('no_inputs');
  if (item.inputs.length >= 10) f.add('many_inputs');
  if (item.inputs.some(isDynamic)) f.add('dynamic');
  else f.add('static_only');
  return f;
}

// ---------------------------------------------------------------------------
// The differential core
// ---------------------------------------------------------------------------

const coder = AbiCoder.defaultAbiCoder();

const isCrossCheck = (e) => e instanceof Error && e.message.startsWith('CROSS-CHECK');

// viem side: parse, canonical signature, selector, encode, decode (+ re-encode round trip)
function viemSide(full, params) {
  const out = {};
  let step = 'parseAbiItem';
  try {
    const item = parseAbiItem(full);
    if (item.type !== 'function') throw new Error('not a function');
    out.item = item;
    out.canonicalSignature = formatAbiItem(item);
    assertEq(toFunctionSignature(item), out.canonicalSignature, `${full}: viem toFunctionSignature vs formatAbiItem`);
    out.selector = toFunctionSelector(item);
    if (params.length !== item.inputs.length) fail(`${full}: ${params.length} parameters for ${item.inputs.length} inputs`);
    step = 'encodeFunctionData';
    const args = item.inputs.map((p, i) => toViem(p, params[i]));
    out.calldata = encodeFunctionData({ abi: [item], functionName: item.name, args });
    step = 'decodeFunctionData';
    const r = decodeFunctionData({ abi: [item], data: out.calldata });
    assertEq(r.functionName, item.name, `${full}: viem decoded function name`);
    const dec = r.args ?? [];
    out.decoded = item.inputs.map((p, i) => canonOut(p, dec[i], 'viem'));
    assertEq(encodeFunctionData({ abi: [item], functionName: item.name, args: [...dec] }), out.calldata, `${full}: viem round trip`);
  } catch (e) {
    if (isCrossCheck(e)) throw e;
    out.error = `${step}: ${errMsg(e)}`;
  }
  return out;
}

// ethers side, independent of viem (its own parser; the parameter tree comes from ethers' JSON ABI)
function ethersSide(full, params) {
  const out = {};
  let step = 'FunctionFragment.from';
  try {
    const frag = FunctionFragment.from(full);
    const inputs = JSON.parse(frag.format('json')).inputs;
    out.canonicalSignature = frag.format('sighash');
    out.selector = frag.selector;
    if (params.length !== inputs.length) fail(`${full}: ${params.length} parameters for ${inputs.length} inputs (ethers)`);
    step = 'encodeFunctionData';
    const iface = new Interface([frag]);
    const f = iface.getFunction(frag.selector);
    const ev = inputs.map((p, i) => toEthers(p, params[i]));
    out.calldata = iface.encodeFunctionData(f, ev);
    step = 'AbiCoder.encode';
    const cdCoder = frag.selector + coder.encode(frag.inputs, ev).slice(2);
    if (cdCoder !== out.calldata) out.abiCoderCalldata = cdCoder;
    step = 'decodeFunctionData';
    const r = iface.decodeFunctionData(f, out.calldata);
    out.decoded = inputs.map((p, i) => canonOut(p, r[i], 'ethers'));
    step = 'AbiCoder.decode';
    const r2 = coder.decode(frag.inputs, '0x' + out.calldata.slice(10));
    const d2 = inputs.map((p, i) => canonOut(p, r2[i], 'ethers AbiCoder'));
    if (J(d2) !== J(out.decoded)) out.abiCoderDecoded = d2;
  } catch (e) {
    if (isCrossCheck(e)) throw e;
    out.error = `${step}: ${errMsg(e)}`;
  }
  return out;
}

// Returns {ok:true, expected, item} or {ok:false, diag:{viem, ethers}}
function computeCall(sig, params) {
  const full = sig.startsWith('function ') ? sig : `function ${sig}`;
  const v = viemSide(full, params);
  const e = ethersSide(full, params);
  const { item, ...vDiag } = v;
  const diag = { viem: vDiag, ethers: e };
  const agree =
    !v.error && !e.error && !e.abiCoderCalldata && !e.abiCoderDecoded &&
    ['canonicalSignature', 'selector', 'calldata'].every((k) => v[k] === e[k]) && J(v.decoded) === J(e.decoded);
  if (!agree) return { ok: false, diag, item };

  // third opinion on the selector: @noble/hashes keccak_256 of the canonical signature
  assertEq(v.selector, '0x' + bytesToHex(keccak_256(utf8ToBytes(v.canonicalSignature))).slice(0, 8), `${sig}: selector vs noble keccak`);
  if (!v.calldata.startsWith(v.selector)) fail(`${sig}: calldata does not start with selector`);
  // both libraries give back exactly what we put in (after canonicalisation)
  const expectedDecoded = item.inputs.map((p, i) => canonIn(p, params[i]));
  assertEq(J(v.decoded), J(expectedDecoded), `${sig}: decoded vs canonical input`);

  return {
    ok: true,
    item,
    expected: { selector: v.selector, calldata: v.calldata, decoded: v.decoded, canonicalSignature: v.canonicalSignature },
  };
}

// ---------------------------------------------------------------------------
// Case collection for abi.json
// ---------------------------------------------------------------------------

const abiCases = [];
const disagreements = [];
const seenInputs = new Set();

function addCase({ sig, params, flags = [], comment, expectCalldata, expectSelector, probe = false }) {
  const key = J([sig, params]);
  if (seenInputs.has(key)) return false;
  seenInputs.add(key);
  const r = computeCall(sig, params);
  if (probe && r.ok) {
    // a probe both libraries accept identically is not a vector we want (it targets parser edge cases)
    console.log(`probe agreed (not written): ${sig}`);
    return false;
  }
  if (!r.ok) {
    if (expectCalldata || (!probe && r.diag.viem.error))
      fail(`${sig}: viem failed on a case we consider valid: ${J(r.diag)}`);
    disagreements.push({
      comment,
      input: { functionSignature: sig, parameters: params },
      viem: r.diag.viem,
      ethers: r.diag.ethers,
      note: disagreementNote(r.diag),
    });
    return false;
  }
  if (expectCalldata) assertEq(r.expected.calldata, expectCalldata, `${sig}: calldata vs published vector`);
  if (expectSelector) assertEq(r.expected.selector, expectSelector, `${sig}: selector vs evm.md §2.8`);
  const fl = autoFlags(sig, r.item, params);
  for (const x of flags) fl.add(x);
  abiCases.push({
    comment,
    flags: [...fl].sort(),
    input: { functionSignature: sig, parameters: params },
    expected: r.expected,
  });
  return true;
}

function disagreementNote(d) {
  if (d.viem.error && !d.ethers.error)
    return 'viem rejects, ethers accepts. Our policy is in tests/js/vectors.test.mjs (README: a data location on a value type is accepted, as alloy and ethers do; the tuple(...) keyword is rejected, as alloy and viem do).';
  if (!d.viem.error && d.ethers.error) return 'ethers rejects, viem accepts. We follow viem unless there is a reason not to.';
  if (d.viem.error && d.ethers.error) return 'both libraries reject this input.';
  return 'viem and ethers produce different output. We follow viem.';
}

// ---------------------------------------------------------------------------
// Value generators
// ---------------------------------------------------------------------------

const UMAX = (n) => (1n << BigInt(n)) - 1n;
const IMIN = (n) => -(1n << BigInt(n - 1));
const IMAX = (n) => (1n << BigInt(n - 1)) - 1n;
const SIZES = Array.from({ length: 32 }, (_, i) => 8 * (i + 1));

let hexMode = false; // when set, non-negative integers are written as 0x hex half of the time
function intLeaf(b) {
  if (hexMode && b >= 0n && chance(0.5)) return '0x' + b.toString(16);
  return b.toString();
}
function randUint(n) {
  switch (randInt(7)) {
    case 0: return 0n;
    case 1: return 1n;
    case 2: return UMAX(n);
    case 3: return BigInt(randInt(1000)) & UMAX(n);
    case 4: return randBig(1 + randInt(n));
    default: return randBig(n);
  }
}
function randInt_(n) {
  switch (randInt(9)) {
    case 0: return 0n;
    case 1: return -1n;
    case 2: return IMIN(n);
    case 3: return IMAX(n);
    case 4: {
      const small = BigInt(randInt(1000)) % (1n << BigInt(n - 1));
      return chance(0.5) ? small : -small;
    }
    case 5: return -randBig(1 + randInt(n - 1)) - 1n;
    default: return randBig(n) + IMIN(n);
  }
}
function randAddress() {
  switch (randInt(12)) {
    case 0: return '0x0000000000000000000000000000000000000000';
    case 1: return viemGetAddress('0x' + 'f'.repeat(40));
    case 2: return '0x' + '0'.repeat(38) + randBytesHex(1);
    default: {
      const lower = '0x' + randBytesHex(20);
      return chance(0.5) ? lower : viemGetAddress(lower);
    }
  }
}

const STRING_POOL = [
  '',
  'a',
  'hello',
  'Hello, world!',
  'The quick brown fox jumps over the lazy dog',
  '🦄',
  '🚀 to the moon 🌕',
  '👩‍👩‍👧‍👦 family (ZWJ sequence)',
  '🏳️‍🌈 flag + 🇺🇦 regional indicators',
  '中文字符测试',
  '日本語のテキスト、カタカナ',
  '한국어 문자열',
  'مرحبا بالعالم',
  'שלום עולם',
  'mixed: abc مرحبا 123 שלום',
  'e\u0301 vs \u00e9 (NFD vs NFC)',
  'Z\u0364\u0323a\u0327l\u0308g\u0336o\u0301',
  '\u202Eevil RTL override\u202C',
  'zero\u200Bwidth\u200Djoiner\uFEFF',
  'quote " backslash \\ slash / newline \n tab \t cr \r',
  'nul\u0000inside',
  '\u0001\u001f control chars \u007f',
  'supplementary 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𐍈 𠜎',
  'Ω≈ç√∫˜µ≤≥÷',
  '{MIN_AMOUNT_OUT}',
  '0x1234',
  '12345678901234567890123456789012', // exactly 32 bytes
  '1234567890123456789012345678901', // 31 bytes
  '123456789012345678901234567890123', // 33 bytes
  'é'.repeat(16), // 32 bytes, 16 chars
  '€'.repeat(11), // 33 bytes
  '🙂'.repeat(8), // 32 bytes
];
const LONG_STRINGS = [
  'x'.repeat(1000),
  ('Intents ✓ 🌍 ' + 'αβγ ').repeat(80), // 1200 chars, 2000+ bytes
  '中'.repeat(1024),
];
const CP_RANGES = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x590, 0x5ff], [0x600, 0x6ff],
  [0x300, 0x36f], [0x4e00, 0x9fff], [0x3040, 0x30ff], [0xac00, 0xd7a3], [0x1f300, 0x1f64f], [0x10000, 0x1007f],
];
function randString() {
  if (chance(0.5)) return pick(STRING_POOL);
  const n = randInt(40);
  let s = '';
  for (let i = 0; i < n; i++) {
    const [lo, hi] = pick(CP_RANGES);
    s += String.fromCodePoint(lo + randInt(hi - lo + 1));
  }
  return s;
}
function randBytes() {
  const n = pick([0, 0, 1, 2, 4, 20, 31, 32, 33, 36, 64, 65, 68, randInt(100)]);
  return '0x' + randBytesHex(n);
}

// ---------------------------------------------------------------------------
// Random type trees
// ---------------------------------------------------------------------------
// node: {k:'uint'|'int', n} | {k:'address'|'bool'|'bytes'|'string'} | {k:'fbytes', n}
//     | {k:'array', of, len:null|number} | {k:'tuple', comps:[node]}

function randLeafType() {
  switch (randInt(9)) {
    case 0: case 1: return { k: 'uint', n: pick([8, 16, 24, 32, 48, 64, 96, 128, 160, 192, 224, 256, 256, 256, ...SIZES]) };
    case 2: return { k: 'int', n: pick([8, 16, 24, 24, 32, 64, 128, 256, 256, ...SIZES]) };
    case 3: return { k: 'address' };
    case 4: return { k: 'bool' };
    case 5: return { k: 'fbytes', n: pick([1, 4, 20, 32, 32, randInt(32) + 1]) };
    case 6: return { k: 'bytes' };
    case 7: return { k: 'string' };
    default: return { k: 'address' };
  }
}
function randType(depth, maxDepth) {
  const r = rnd();
  if (depth < maxDepth && r < 0.16) return { k: 'array', of: randType(depth + 1, maxDepth), len: chance(0.6) ? null : pick([1, 2, 3, 5]) };
  if (depth < maxDepth && r < 0.32) {
    const n = 1 + randInt(4);
    return { k: 'tuple', comps: Array.from({ length: n }, () => randType(depth + 1, maxDepth)) };
  }
  return randLeafType();
}
function typeStr(t, names = null) {
  // names: a function giving a fresh parameter name for human-readable signatures, else null
  switch (t.k) {
    case 'uint': return `uint${t.n}`;
    case 'int': return `int${t.n}`;
    case 'fbytes': return `bytes${t.n}`;
    case 'array': return `${typeStr(t.of, names)}[${t.len ?? ''}]`;
    case 'tuple': {
      const used = new Set();
      return '(' + t.comps.map((c) => typeStr(c, names) + (names ? ' ' + names(used) : '')).join(names ? ', ' : ',') + ')';
    }
    default: return t.k;
  }
}
function randValue(t) {
  switch (t.k) {
    case 'uint': return intLeaf(randUint(t.n));
    case 'int': {
      const v = randInt_(t.n);
      return intLeaf(v);
    }
    case 'address': return randAddress();
    case 'bool': return chance(0.5);
    case 'fbytes': return '0x' + (chance(0.1) ? '00'.repeat(t.n) : randBytesHex(t.n));
    case 'bytes': return randBytes();
    case 'string': return randString();
    case 'array': {
      const len = t.len ?? pick([0, 1, 1, 2, 2, 3]);
      return Array.from({ length: len }, () => randValue(t.of));
    }
    case 'tuple': return t.comps.map(randValue);
  }
}

const KEYWORDS = new Set([
  'address', 'bool', 'string', 'bytes', 'tuple', 'function', 'event', 'error', 'struct', 'constructor', 'fallback',
  'receive', 'returns', 'return', 'indexed', 'calldata', 'memory', 'storage', 'payable', 'view', 'pure', 'external',
  'public', 'internal', 'private', 'nonpayable', 'constant', 'mapping', 'contract', 'interface', 'library', 'int', 'uint',
  'fixed', 'ufixed', 'byte', 'true', 'false', 'is', 'new', 'delete', 'if', 'else', 'for', 'while', 'do', 'break',
  'continue', 'emit', 'anonymous', 'virtual', 'override', 'abstract', 'immutable', 'type', 'this', 'super', 'let',
  'var', 'in', 'of', 'as', 'length', 'enum', 'modifier', 'using', 'import', 'pragma', 'assembly', 'unchecked', 'try',
  'catch', 'revert', 'throw', 'after', 'case', 'default', 'final', 'match', 'null', 'relocatable', 'static', 'switch',
  'typeof', 'alias', 'apply', 'auto', 'copyof', 'define', 'implements', 'macro', 'mutable', 'partial', 'promise',
  'reference', 'sealed', 'sizeof', 'supports', 'typedef', 'global', 'transient',
]);
const isReserved = (s) => KEYWORDS.has(s) || /^(u?int\d*|bytes\d*|u?fixed.*)$/.test(s);
const ID_START = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_';
const ID_REST = ID_START + '0123456789';
function randIdent() {
  for (;;) {
    let s = chance(0.85) ? 'abcdefghijklmnopqrstuvwxyz'[randInt(26)] : ID_START[randInt(ID_START.length)];
    const n = chance(0.05) ? 30 + randInt(20) : randInt(12);
    for (let i = 0; i < n; i++) s += ID_REST[randInt(ID_REST.length)];
    if (!isReserved(s)) return s;
  }
}
const PARAM_NAMES = [
  'to', 'from', 'amount', 'value', 'recipient', 'spender', 'owner', 'deadline', 'data', 'nonce', 'tokenId', 'path',
  'fee', 'salt', 'account', 'target', 'payload', 'minOut', 'orders', 'items', 'flag', 'memo', 'tick', 'id', 'asset',
  'receiver', 'shares', 'assets', 'permit', 'signature', 'referralCode', 'onBehalfOf', 'sqrtPriceX96', 'calls',
];
function freshName(used) {
  for (;;) {
    const s = chance(0.8) ? pick(PARAM_NAMES) : randIdent();
    if (!used.has(s)) {
      used.add(s);
      return s;
    }
  }
}

function randomCase(opts = {}) {
  const nInputs = opts.nInputs ?? pick([1, 1, 2, 2, 2, 3, 3, 4, 5, 6]);
  const maxDepth = opts.maxDepth ?? pick([0, 1, 2, 2, 3, 4]);
  const types = opts.types ?? Array.from({ length: nInputs }, () => randType(0, maxDepth));
  const human = opts.human ?? chance(0.15);
  const name = opts.name ?? randIdent();
  hexMode = opts.hex ?? chance(0.1);
  const params = types.map(randValue);
  hexMode = false;
  let sig;
  if (human) {
    const used = new Set();
    const named = chance(0.85);
    const ins = types.map((t) => {
      let s = typeStr(t, named ? freshName : null);
      const complex = t.k === 'array' || t.k === 'tuple' || t.k === 'bytes' || t.k === 'string';
      if (complex && chance(0.25)) s += pick([' calldata', ' memory']);
      if (named) s += ' ' + freshName(used);
      return s;
    });
    const mods = pick(['', '', '', ' external', ' external payable', ' public returns (bool)', ' external returns (uint256 out)']);
    sig = `function ${name}(${ins.join(', ')})${mods}`;
  } else {
    sig = `${name}(${types.map((t) => typeStr(t)).join(chance(0.04) ? ', ' : ',')})`;
  }
  return { sig, params };
}

// ---------------------------------------------------------------------------
// 1. Solidity ABI spec examples and computed references (shared/reference/evm.md §2.8)
// ---------------------------------------------------------------------------

const SPEC = 'Solidity ABI spec example (ethereum/solidity:docs/abi-spec.rst), calldata verbatim from shared/reference/evm.md §2.8';
addCase({
  sig: 'baz(uint32,bool)', params: ['69', true], flags: ['spec'], comment: SPEC,
  expectCalldata: '0xcdcd77c000000000000000000000000000000000000000000000000000000000000000450000000000000000000000000000000000000000000000000000000000000001',
});
addCase({
  sig: 'bar(bytes3[2])', params: [['0x616263', '0x646566']], flags: ['spec'], comment: SPEC + ' (["abc","def"])',
  expectCalldata: '0xfce353f661626300000000000000000000000000000000000000000000000000000000006465660000000000000000000000000000000000000000000000000000000000',
});
addCase({
  sig: 'sam(bytes,bool,uint[])', params: ['0x64617665', true, ['1', '2', '3']], flags: ['spec'],
  comment: SPEC + ' ("dave", true, [1,2,3]); uint[] is canonicalised to uint256[] before hashing',
  expectCalldata: '0xa5643bf20000000000000000000000000000000000000000000000000000000000000060000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000a0000000000000000000000000000000000000000000000000000000000000000464617665000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000003',
});
const SPEC_F = '0x8be6524600000000000000000000000000000000000000000000000000000000000001230000000000000000000000000000000000000000000000000000000000000080313233343536373839300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000004560000000000000000000000000000000000000000000000000000000000000789000000000000000000000000000000000000000000000000000000000000000d48656c6c6f2c20776f726c642100000000000000000000000000000000000000';
addCase({
  sig: 'f(uint,uint32[],bytes10,bytes)',
  params: ['0x123', ['0x456', '0x789'], '0x31323334353637383930', '0x48656c6c6f2c20776f726c6421'],
  flags: ['spec'], comment: SPEC + ' (0x123, [0x456,0x789], "1234567890", "Hello, world!"), integers given as hex',
  expectCalldata: SPEC_F,
});
addCase({
  sig: 'f(uint,uint32[],bytes10,bytes)',
  params: ['291', ['1110', '1929'], '0x31323334353637383930', '0x48656c6c6f2c20776f726c6421'],
  flags: ['spec'], comment: SPEC + ', the same call with decimal integers',
  expectCalldata: SPEC_F,
});
addCase({
  sig: 'g(uint[][],string[])', params: [[['1', '2'], ['3']], ['one', 'two', 'three']], flags: ['spec'],
  comment: SPEC + ' ([[1,2],[3]], ["one","two","three"])',
  expectCalldata: '0x2289b18c000000000000000000000000000000000000000000000000000000000000004000000000000000000000000000000000000000000000000000000000000001400000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000004000000000000000000000000000000000000000000000000000000000000000a0000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000030000000000000000000000000000000000000000000000000000000000000003000000000000000000000000000000000000000000000000000000000000006000000000000000000000000000000000000000000000000000000000000000a000000000000000000000000000000000000000000000000000000000000000e000000000000000000000000000000000000000000000000000000000000000036f6e650000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000374776f000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000057468726565000000000000000000000000000000000000000000000000000000',
});
const REF = 'computed reference from shared/reference/evm.md §2.8 (alloy 1.7.3 = viem)';
addCase({
  sig: 'transfer(address,uint256)', params: ['0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', '94275'], flags: ['reference'],
  comment: REF, expectSelector: '0xa9059cbb',
  expectCalldata: '0xa9059cbb000000000000000000000000833589fcd6edb6e08f4c7c32d4f71b54bda029130000000000000000000000000000000000000000000000000000000000017043',
});
addCase({
  sig: 'f(int24,int256)', params: ['-887272', '-1'], flags: ['reference', 'tick'], comment: REF + '; negatives are sign-extended to 32 bytes',
  expectCalldata: '0x24571e68fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff27618ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
});
addCase({
  sig: 'f(address,(uint256,bytes)[])',
  params: ['0x0000000000000000000000000000000000000001', [['1', '0x1234'], ['0x10', '0x']]],
  flags: ['reference'], comment: REF + ' (12 words)', expectSelector: '0x0138fdb2',
  expectCalldata: '0x0138fdb2000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000400000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000004000000000000000000000000000000000000000000000000000000000000000c00000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000004000000000000000000000000000000000000000000000000000000000000000021234000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000400000000000000000000000000000000000000000000000000000000000000000',
});
// selector-only references from evm.md §2.8
for (const [sig, params, sel] of [
  ['approve(address,uint256)', ['0xA238Dd80C259a72e81d7e4664a9801593F98d1c5', '94275'], '0x095ea7b3'],
  ['withdraw(address,uint256,address)', ['0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', '282174', '0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E'], '0x69328dec'],
  ['supply(address,uint256,address,uint16)', ['0x833589fcd6edb6e08f4c7c32d4f71b54bda02913', '94275', '0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E', '0'], '0x617ba037'],
  ['deposit()', [], '0xd0e30db0'],
]) addCase({ sig, params, flags: ['reference'], comment: `selector ${sel} from shared/reference/evm.md §2.8`, expectSelector: sel });

// ---------------------------------------------------------------------------
// 2. Integer boundaries, every size
// ---------------------------------------------------------------------------

for (const n of SIZES) {
  addCase({
    sig: `${randIdent()}(uint${n},uint${n},uint${n},uint${n})`,
    params: ['0', '1', UMAX(n).toString(), (randBig(n) >> 1n).toString()],
    flags: ['boundary', ...(n === 256 ? ['max_uint256'] : [])],
    comment: `uint${n}: 0, 1, 2^${n}-1 and a random value`,
  });
  addCase({
    sig: `${randIdent()}(int${n},int${n},int${n},int${n},int${n})`,
    params: [IMIN(n).toString(), IMAX(n).toString(), '-1', '0', '1'],
    flags: ['boundary', ...(n === 256 ? ['min_int256'] : [])],
    comment: `int${n}: -2^${n - 1}, 2^${n - 1}-1, -1, 0, 1`,
  });
}
// boundaries in hex form (non-negative only)
for (const n of [8, 16, 24, 32, 48, 64, 96, 128, 160, 192, 224, 256]) {
  addCase({
    sig: `${randIdent()}(uint${n},uint${n},int${n})`,
    params: ['0x0', '0x' + UMAX(n).toString(16), '0x' + IMAX(n).toString(16)],
    flags: ['boundary'],
    comment: `uint${n}/int${n} maxima written as 0x hex input; decoded form is decimal`,
  });
}
addCase({
  sig: 'max(uint256,int256,int256)',
  params: [UMAX(256).toString(), IMIN(256).toString(), IMAX(256).toString()],
  flags: ['boundary', 'max_uint256', 'min_int256'], comment: '2^256-1, -2^255, 2^255-1',
});
addCase({
  sig: 'hexPadded(uint256,uint8,int64)', params: ['0x00000000000000000000000000000000000000000000000000000000000003e8', '0x0a', '0x0000000000000001'],
  flags: ['boundary'], comment: 'hex integers with leading zeros (allowed for 0x input); decoded form is decimal',
});
// 2^N and 2^(N-1) neighbours below the boundary (one under the max)
for (const n of [8, 24, 64, 160, 256]) {
  addCase({
    sig: `${randIdent()}(uint${n},int${n},int${n})`,
    params: [(UMAX(n) - 1n).toString(), (IMIN(n) + 1n).toString(), (IMAX(n) - 1n).toString()],
    flags: ['boundary'], comment: `uint${n}/int${n}: one inside each boundary`,
  });
}
// int24 ticks
for (const ticks of [['-887272', '887272'], ['-198122', '-198022'], ['-887220', '887220'], ['-1', '0'], ['-8388608', '8388607']]) {
  addCase({
    sig: pick(['tick(int24,int24)', 'function setRange(int24 tickLower, int24 tickUpper)', 'positions(int24,int24)']),
    params: ticks, flags: ['tick'], comment: 'int24 ticks (Uniswap V3 / Hydrex style)',
  });
}
// uint/int aliases
addCase({ sig: 'alias(uint,int)', params: ['5', '-5'], comment: 'uint/int aliases canonicalise to uint256/int256' });
addCase({ sig: 'function alias2(uint amount, int delta, uint[] list)', params: ['0', '-1', ['1', '2']], comment: 'aliases in a human-readable signature' });
addCase({ sig: 'alias3((uint,int)[],uint[2])', params: [[['7', '-7']], ['1', '2']], comment: 'aliases inside a tuple and a fixed array' });

// ---------------------------------------------------------------------------
// 3. Fixed bytes: all 32 sizes, plus zeros / ones
// ---------------------------------------------------------------------------

for (let n = 1; n <= 32; n++) {
  addCase({
    sig: `${randIdent()}(bytes${n})`, params: ['0x' + randBytesHex(n)],
    comment: `bytes${n}, random; right-padded to 32 bytes`,
  });
}
for (const n of [1, 4, 20, 31, 32]) {
  addCase({ sig: `${randIdent()}(bytes${n},bytes${n})`, params: ['0x' + '00'.repeat(n), '0x' + 'ff'.repeat(n)], flags: ['boundary'], comment: `bytes${n}: all zero and all 0xff` });
}

// ---------------------------------------------------------------------------
// 4. Dynamic bytes and strings
// ---------------------------------------------------------------------------

for (const n of [0, 1, 2, 31, 32, 33, 63, 64, 65, 100, 1000]) {
  addCase({ sig: `${randIdent()}(bytes)`, params: ['0x' + randBytesHex(n)], comment: `bytes of length ${n}` });
}
addCase({ sig: 'twoBytes(bytes,bytes)', params: ['0x', '0x'], comment: 'two empty bytes' });
addCase({ sig: 'bytesThenUint(bytes,uint256)', params: ['0x' + randBytesHex(33), '42'], comment: 'dynamic head offset before a static word' });
for (const s of [...STRING_POOL, ...LONG_STRINGS]) {
  addCase({ sig: `${randIdent()}(string)`, params: [s], comment: `string (${[...s].length} code points, ${utf8ToBytes(s).length} UTF-8 bytes)` });
}
addCase({ sig: 'strings(string,string,string)', params: ['', '🦄', 'x'.repeat(64)], comment: 'empty, emoji and 64-byte strings' });

// ---------------------------------------------------------------------------
// 5. Addresses and bools
// ---------------------------------------------------------------------------

addCase({
  sig: 'addrs(address,address,address,address)',
  params: ['0x0000000000000000000000000000000000000000', '0x0000000000000000000000000000000000000001', viemGetAddress('0x' + 'f'.repeat(40)), '0x' + 'f'.repeat(40)],
  flags: ['boundary'], comment: 'zero, precompile 1, max address checksummed and lowercase',
});
for (let i = 0; i < 6; i++) {
  const lower = '0x' + randBytesHex(20);
  addCase({ sig: `${randIdent()}(address,address)`, params: [lower, viemGetAddress(lower)], comment: 'the same random address, lowercase then EIP-55' });
}
addCase({ sig: 'bools(bool,bool,bool,bool)', params: [true, false, false, true], comment: 'bools' });
addCase({ sig: 'boolArr(bool[],bool[3])', params: [[], [true, false, true]], comment: 'bool arrays' });

// ---------------------------------------------------------------------------
// 6. Arrays: dynamic (empty and not), fixed k = 1, 2, 3, 5, arrays of arrays
// ---------------------------------------------------------------------------

const LEAF_TYPES = [
  { k: 'uint', n: 256 }, { k: 'uint', n: 8 }, { k: 'int', n: 24 }, { k: 'int', n: 256 }, { k: 'address' }, { k: 'bool' },
  { k: 'fbytes', n: 32 }, { k: 'fbytes', n: 4 }, { k: 'bytes' }, { k: 'string' },
  { k: 'tuple', comps: [{ k: 'uint', n: 256 }, { k: 'string' }] }, { k: 'tuple', comps: [{ k: 'address' }, { k: 'uint', n: 96 }] },
];
for (const t of LEAF_TYPES) {
  const at = { k: 'array', of: t, len: null };
  addCase({ sig: `${randIdent()}(${typeStr(at)})`, params: [[]], comment: `empty ${typeStr(at)}` });
  addCase({ sig: `${randIdent()}(${typeStr(at)})`, params: [Array.from({ length: 1 + randInt(4) }, () => randValue(t))], comment: `non-empty ${typeStr(at)}` });
  for (const k of [1, 2, 3, 5]) {
    const ft = { k: 'array', of: t, len: k };
    addCase({ sig: `${randIdent()}(${typeStr(ft)})`, params: [randValue(ft)], comment: `fixed array ${typeStr(ft)}` });
  }
}
addCase({ sig: 'nest(uint256[][])', params: [[]], comment: 'uint256[][] empty outer' });
addCase({ sig: 'nest(uint256[][])', params: [[[], []]], comment: 'uint256[][] with empty inner arrays' });
addCase({ sig: 'nest(uint256[][])', params: [[['1'], [], ['2', '3', '4']]], comment: 'uint256[][] jagged' });
addCase({ sig: 'nest2(uint256[2][])', params: [[]], comment: 'uint256[2][] empty' });
addCase({ sig: 'nest2(uint256[2][])', params: [[['1', '2'], ['3', '4'], ['0', UMAX(256).toString()]]], comment: 'uint256[2][] (static inner, dynamic outer)' });
addCase({ sig: 'nest3(string[][2])', params: [[[], []]], comment: 'string[][2] both empty' });
addCase({ sig: 'nest3(string[][2])', params: [[['a'], ['b', '', '🦄']]], comment: 'string[][2]' });
addCase({ sig: 'nest4(bytes[][])', params: [[['0x', '0x01'], [], ['0x' + randBytesHex(40)]]], comment: 'bytes[][]' });
addCase({ sig: 'nest5(address[3][2])', params: [[[randAddress(), randAddress(), randAddress()], [randAddress(), randAddress(), randAddress()]]], comment: 'address[3][2], fully static' });
addCase({ sig: 'nest6(uint8[2][2][2])', params: [[[['1', '2'], ['3', '4']], [['5', '6'], ['7', '255']]]], comment: 'three-level static array' });
addCase({ sig: 'nest7(bool[][][])', params: [[[[true], []], [], [[false, true]]]], comment: 'three-level dynamic array' });
addCase({ sig: 'nest8(string[2][][1])', params: [[[['x', 'y'], ['', 'z']]]], comment: 'string[2][][1]' });
addCase({ sig: 'nest9(uint256[][3][])', params: [[[['1'], [], ['2', '3']]]], comment: 'uint256[][3][]' });
addCase({ sig: 'nest10(int24[][],uint256[2][],string[][2])', params: [[['-887272', '887272'], []], [['1', '2']], [['a'], []]], comment: 'the three array-of-array shapes in one call' });

// ---------------------------------------------------------------------------
// 7. Tuples: simple, dynamic, arrays of tuples, nesting up to 6 levels
// ---------------------------------------------------------------------------

addCase({ sig: 'tup((uint256,address))', params: [['1', randAddress()]], comment: 'static tuple (inlined in the head)' });
addCase({ sig: 'tup((uint256,string))', params: [['1', 'dynamic']], comment: 'dynamic tuple (offset in the head)' });
addCase({ sig: 'tup((bytes,string,uint256[]))', params: [['0x', '', []]], comment: 'tuple of empty dynamic members' });
addCase({ sig: 'tup((address,uint256)[])', params: [[]], comment: 'empty array of tuples' });
addCase({ sig: 'tup((address,uint256)[])', params: [[[randAddress(), '1'], [randAddress(), '2']]], comment: 'array of static tuples' });
addCase({ sig: 'tup((string,bytes)[2])', params: [[['a', '0x01'], ['', '0x']]], comment: 'fixed array of dynamic tuples' });
addCase({ sig: 'tup((uint256,bool)[3])', params: [[['1', true], ['2', false], ['3', true]]], comment: 'fixed array of static tuples' });
addCase({ sig: 'tup(uint256,(bool,(bytes32,address)),string)', params: ['9', [true, ['0x' + randBytesHex(32), randAddress()]], 'tail'], comment: 'static nested tuple between other params' });
addCase({
  sig: 'deep6((uint256,(address,(bool,(bytes32,(string,(int24,bytes)))))))',
  params: [['1', [randAddress(), [true, ['0x' + randBytesHex(32), ['six levels', ['-887272', '0xdeadbeef']]]]]]],
  flags: ['deep'], comment: 'tuple nested 6 levels deep with dynamic leaves',
});
addCase({
  sig: 'deep6s((uint8,(uint16,(uint24,(uint32,(uint40,(uint48)))))))',
  params: [['1', ['2', ['3', ['4', ['5', ['6']]]]]]],
  flags: ['deep'], comment: 'fully static tuple nested 6 levels deep',
});
addCase({
  sig: 'deepArr((uint256,(bytes,(string,uint8)[])[])[])',
  params: [[['1', [['0xab', [['x', '1'], ['y', '2']]], ['0x', []]]], ['2', []]]],
  flags: ['deep'], comment: 'array/tuple alternating, 6 container levels',
});
addCase({
  sig: 'function deepNamed(((address owner, uint256 amount) inner, (string note, bytes32[2] hashes) meta) outer, uint256 deadline)',
  params: [[[randAddress(), '1000'], ['memo 📝', ['0x' + randBytesHex(32), '0x' + randBytesHex(32)]]], '1767225600'],
  flags: ['deep'], comment: 'named nested tuples in a human-readable signature; viem decodes them as objects',
});
for (let d = 2; d <= 6; d++) {
  // build a chain of d tuples; each level adds a random leaf and maybe an array wrapper
  let t = randLeafType();
  for (let i = 0; i < d; i++) {
    t = { k: 'tuple', comps: chance(0.5) ? [randLeafType(), t] : [t, randLeafType(), randLeafType()] };
  }
  addCase({ sig: `${randIdent()}(${typeStr(t)})`, params: [randValue(t)], flags: ['deep'], comment: `random tuple chain, depth ${d}` });
}

// ---------------------------------------------------------------------------
// 8. Arity 0..12
// ---------------------------------------------------------------------------

for (let n = 0; n <= 12; n++) {
  for (let rep = 0; rep < 2; rep++) {
    const c = randomCase({ nInputs: n, maxDepth: rep ? 1 : 0, human: false });
    addCase({ ...c, flags: ['arity'], comment: `${n} inputs` });
  }
}

// ---------------------------------------------------------------------------
// 9. Real-world signatures (mostly human-readable with names)
// ---------------------------------------------------------------------------

const USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
const WETH = '0x4200000000000000000000000000000000000006';
const A1 = '0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E';
const A2 = '0xa238dd80c259a72e81d7e4664a9801593f98d1c5';
const transferCd = encodeFunctionData({ abi: [parseAbiItem('function transfer(address,uint256)')], args: [A1, 1n] });
const RW = [
  ['function transfer(address to, uint256 amount)', [A1, '1000000']],
  ['function approve(address spender, uint256 amount) external returns (bool)', [A2, UMAX(256).toString()]],
  ['function transferFrom(address from, address to, uint256 amount) external returns (bool)', [A1, A2, '1']],
  ['function balanceOf(address account) view returns (uint256)', [USDC]],
  ['exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))', [[USDC, WETH, '500', A1, '1767225600', '1000000', '0', '0']]],
  ['function exactInputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 deadline, uint256 amountIn, uint256 amountOutMinimum, uint160 sqrtPriceLimitX96) params) external payable returns (uint256 amountOut)',
    [[WETH, USDC, '3000', A2, '1767225600', '1000000000000000000', '2500000000', UMAX(160).toString()]]],
  ['function exactInput((bytes path, address recipient, uint256 deadline, uint256 amountIn, uint256 amountOutMinimum) params)',
    [['0x' + USDC.slice(2).toLowerCase() + '0001f4' + WETH.slice(2).toLowerCase(), A1, '1767225600', '1000', '1']]],
  ['function multicall(bytes[] data) payable returns (bytes[] results)', [[transferCd, transferCd, '0x']]],
  ['multicall(uint256,bytes[])', ['1767225600', [transferCd]]],
  ['function permitTransferFrom(((address token, uint256 amount) permitted, uint256 nonce, uint256 deadline) permit, (address to, uint256 requestedAmount) transferDetails, address owner, bytes signature)',
    [[[USDC, '1000000'], '0', '1767225600'], [A2, '1000000'], A1, '0x' + randBytesHex(65)]],
  ['safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)', [A1, A2, ['1', '2', '3'], ['10', '20', '30'], '0x']],
  ['function execute(bytes commands, bytes[] inputs, uint256 deadline) payable', ['0x0b00', ['0x' + randBytesHex(64), '0x' + randBytesHex(160)], '1767225600']],
  ['mint((address,address,uint24,int24,int24,uint256,uint256,uint256,uint256,address,uint256))', [[USDC, WETH, '3000', '-887220', '887220', '1000', '1000', '0', '0', A1, '1767225600']]],
  ['function deposit(uint256 assets, address receiver) returns (uint256 shares)', ['94275', A1]],
  ['function requestRedeem(uint256 shares, address controller, address owner)', ['1000000000000000000', A1, A1]],
  ['function setApprovalForAll(address operator, bool approved)', [A2, true]],
  ['function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)',
    [[[USDC, true, transferCd], [WETH, false, '0xd0e30db0']]]],
  ['function submit(string memory name, bytes calldata blob, uint256[] calldata ids) external', ['n', '0x00', ['1']]],
  ['function pay(address payable to) external payable', [A1]],
];
for (const [sig, params] of RW) addCase({ sig, params, flags: ['realworld'], comment: 'real-world style signature' });
addCase({ sig: 'transfer(address, uint256)', params: [A1, '1'], comment: 'compact signature with a space after the comma' });
addCase({ sig: 'f( uint256 , address )', params: ['1', A2], comment: 'compact signature with spaces around types' });
addCase({ sig: '$dollar_(uint256)', params: ['1'], flags: ['ident'], comment: 'identifier with $ and _' });
addCase({ sig: '_(uint256)', params: ['2'], flags: ['ident'], comment: 'identifier that is a single underscore' });
addCase({ sig: 'A1b2C3(uint256)', params: ['3'], flags: ['ident'], comment: 'mixed-case identifier with digits' });

// ---------------------------------------------------------------------------
// 10. Probes that are expected to make viem and ethers disagree (go to "disagreements" if they do)
// ---------------------------------------------------------------------------

addCase({ sig: 'function f(uint256 memory x)', params: ['1'], probe: true, comment: 'PROBE: data location on a value type (alloy accepts, evm.md §3.2)' });
addCase({ sig: 'function f(tuple(uint256 a, bytes b)[] x)', params: [[['1', '0x']]], probe: true, comment: 'PROBE: the Solidity `tuple(...)` keyword (alloy Function::parse rejects it, evm.md §3.2)' });

// ---------------------------------------------------------------------------
// 11. Seeded random cases
// ---------------------------------------------------------------------------

const TARGET = 640;
let guard = 0;
while (abiCases.length < TARGET) {
  if (++guard > 5000) fail('random case generation does not converge');
  const c = randomCase();
  const r = computeCall(c.sig, c.params);
  // keep the file small: skip oversize random calls (deterministic: the PRNG still advances)
  if (r.ok && r.expected.calldata.length > 4000) continue;
  addCase({ ...c, flags: ['random'], comment: 'seeded random case' });
}

// ---------------------------------------------------------------------------
// abi.json
// ---------------------------------------------------------------------------

const abiFile = {
  description:
    'EVM ABI call-data vectors. input.functionSignature is compact ("f(address,uint256)") or human-readable ' +
    '("function f(address to, uint256 amount)", possibly with modifiers). input.parameters has one entry per input; ' +
    'leaves are JSON strings (integers as decimal, or 0x lowercase hex for non-negative values [flag hex_int]; addresses ' +
    'EIP-55 or all-lowercase; bytes/bytesN as 0x lowercase hex), bools are JSON booleans, tuples and arrays are nested ' +
    'JSON arrays. expected.calldata = selector ‖ abi.encode(inputs); expected.decoded is the canonical form (integers as ' +
    'decimal strings, EIP-55 addresses, lowercase hex bytes, JSON booleans); expected.canonicalSignature has types only ' +
    '(uint→uint256, tuples as (..)). Every case was encoded by viem and by ethers (Interface and AbiCoder) with ' +
    'identical bytes and decoded by both to identical values; the selector is also checked with @noble/hashes keccak_256. ' +
    'Cases where viem and ethers disagree are NOT in "cases" but in "disagreements" (we follow viem). Flags: type ' +
    'families (uint, int, address, bool, bytesN, bytes, string, array_dynamic, array_fixed, array_nested, tuple, ' +
    'tuple_nested, tuple_array, tuple_dynamic, tuple_depth_N, nesting_depth_N), values (boundary, negative, hex_int, ' +
    'empty_array, empty_bytes, empty_string, unicode, large, address_checksummed, address_lowercase, max_uint256, ' +
    'min_int256, tick), signature form (human_readable, named, alias, whitespace, modifiers, ident, no_inputs, ' +
    'many_inputs, dynamic, static_only) and origin (spec, reference, realworld, arity, deep, random).',
  source: `generated by tests/vectors/gen/gen-abi.mjs with viem ${VIEM_V} and ethers ${ETHERS_V} (+ @noble/hashes ${NOBLE_V} for selectors) (seed 0x${SEED.toString(16)}); spec vectors from shared/reference/evm.md §2.8`,
  cases: abiCases.map((c, i) => ({ id: `abi-${String(i + 1).padStart(4, '0')}`, ...c })),
  disagreements,
};

// ---------------------------------------------------------------------------
// abi-aurora.json (shared/reference/apis.md §A.4, §A.7)
// ---------------------------------------------------------------------------

// Selectors that must match shared/reference/evm.md §2.8
const REQUIRED_SELECTORS = {
  'mint((address,address,address,int24,int24,uint256,uint256,uint256,uint256,address,uint256))': '0xfe3f3be7',
  'approve(address,uint256)': '0x095ea7b3',
  'withdraw(address,uint256,address)': '0x69328dec',
  'supply(address,uint256,address,uint16)': '0x617ba037',
  'deposit()': '0xd0e30db0',
  'transfer(address,uint256)': '0xa9059cbb',
};
for (const [sig, sel] of Object.entries(REQUIRED_SELECTORS)) {
  const item = parseAbiItem(`function ${sig}`);
  assertEq(toFunctionSelector(item), sel, `viem selector of ${sig} (evm.md §2.8)`);
  assertEq(FunctionFragment.from(`function ${sig}`).selector, sel, `ethers selector of ${sig} (evm.md §2.8)`);
}

const PH = { MIN_AMOUNT_OUT: '94275', INTERMEDIARY: '0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E' };
function substitute(v, placeholders) {
  if (Array.isArray(v)) return v.map((x) => substitute(x, placeholders));
  if (typeof v === 'string') {
    const m = v.match(/^\{([A-Z_]+)\}$/);
    if (m) {
      if (!(m[1] in placeholders)) fail(`unknown placeholder ${v}`);
      return placeholders[m[1]];
    }
  }
  return v;
}

const auroraCases = [];
function addAurora({ step, placeholders, flags = [], comment, expectCalldata }) {
  const ph = placeholders ?? {};
  const params = substitute(step.parameters, ph);
  const value = substitute(step.value, ph);
  if (!DEC_RE.test(value)) fail(`aurora: value ${value} is not decimal`);
  let expected;
  const fl = new Set(['aurora', ...flags]);
  if (placeholders) fl.add('placeholder');
  if (value !== '0') fl.add('native_value');
  if (step.functionSignature === '') {
    if (params.length !== 0) fail('bare transfer with parameters');
    expected = { selector: null, calldata: '0x', decoded: [], canonicalSignature: null };
    fl.add('bare_transfer');
  } else {
    const r = computeCall(step.functionSignature, params);
    if (!r.ok) fail(`aurora ${step.functionSignature}: viem/ethers disagree: ${J(r.diag)}`);
    expected = r.expected;
    for (const x of autoFlags(step.functionSignature, r.item, params)) fl.add(x);
    const want = REQUIRED_SELECTORS[expected.canonicalSignature];
    if (want) assertEq(expected.selector, want, `aurora selector ${expected.canonicalSignature}`);
  }
  if (expectCalldata !== undefined) assertEq(expected.calldata, expectCalldata, `aurora ${comment}`);
  expected.value = value;
  expected.resolvedParameters = params;
  auroraCases.push({
    id: `aurora-${String(auroraCases.length + 1).padStart(3, '0')}`,
    comment,
    flags: [...fl].sort(),
    input: step,
    ...(placeholders ? { placeholders } : {}),
    expected,
  });
  return expected;
}

const A7_OUT = 'apis.md §A.7, dry-run out-operation (Aave withdraw USDC on Base)';
const A7_IN = 'apis.md §A.7, bridge-in create response (SOL → USDC on Base → Aave supply)';
const A7_STEPS = 'apis.md §A.7, steps-only example (/steps)';
const FEE_META = { name: 'Fee Transfer', description: 'Gas fee reimbursement' };
addAurora({
  comment: `${A7_OUT}: Aave withdraw step`,
  step: { to: '0xA238Dd80C259a72e81d7e4664a9801593F98d1c5', functionSignature: 'withdraw(address,uint256,address)',
    parameters: ['0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', '282174', '0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E'], value: '0' },
  flags: ['aave'],
});
addAurora({
  comment: `${A7_OUT}: appended fee-transfer step (networkFee 5948)`,
  step: { to: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', functionSignature: 'transfer(address,uint256)',
    parameters: ['0x546252c9a0E974f75892b4c54b7a67B69a0aFf45', '5948'], value: '0', metadata: FEE_META },
  flags: ['fee_step', 'metadata'],
});
addAurora({
  comment: `${A7_IN}: approve step (to is all-lowercase in the doc)`,
  step: { to: '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913', functionSignature: 'approve(address,uint256)',
    parameters: ['0xA238Dd80C259a72e81d7e4664a9801593F98d1c5', '94275'], value: '0' },
});
const supplyResolved = addAurora({
  comment: `${A7_IN}: Aave supply step as returned (placeholder already resolved to quote.minAmountOut)`,
  step: { to: '0xA238Dd80C259a72e81d7e4664a9801593F98d1c5', functionSignature: 'supply(address,uint256,address,uint16)',
    parameters: ['0x833589fcd6edb6e08f4c7c32d4f71b54bda02913', '94275', '0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E', '0'], value: '0' },
  flags: ['aave'],
});
addAurora({
  comment: `${A7_IN}: the same supply step as sent in the request, with {MIN_AMOUNT_OUT}; calldata equals the resolved step`,
  step: { to: '0xA238Dd80C259a72e81d7e4664a9801593F98d1c5', functionSignature: 'supply(address,uint256,address,uint16)',
    parameters: ['0x833589fcd6edb6e08f4c7c32d4f71b54bda02913', '{MIN_AMOUNT_OUT}', '0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E', '0'], value: '0' },
  placeholders: { MIN_AMOUNT_OUT: PH.MIN_AMOUNT_OUT },
  flags: ['aave'],
  expectCalldata: supplyResolved.calldata,
});
addAurora({
  comment: `${A7_IN}: appended fee-transfer step (networkFee 7150)`,
  step: { to: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', functionSignature: 'transfer(address,uint256)',
    parameters: ['0x546252c9a0E974f75892b4c54b7a67B69a0aFf45', '7150'], value: '0', metadata: FEE_META },
  flags: ['fee_step', 'metadata'],
});
addAurora({
  comment: 'apis.md §A.4, Aurora demo Hydrex mint on Base: tuple with negative int24 ticks. The doc has the literal "0xUSER" as a stand-in for the recipient; here it is the {INTERMEDIARY} placeholder (= intermediaryAddress from §A.7)',
  step: { to: '0xC63E9672f8e93234C73cE954a1d1292e4103Ab86',
    functionSignature: 'mint((address,address,address,int24,int24,uint256,uint256,uint256,uint256,address,uint256))',
    parameters: [['0x2Ae3F1Ec7F1F5012CFEab0185bfc7aa3cf0DEc22', '0x4200000000000000000000000000000000000006',
      '0x0000000000000000000000000000000000000000', '-198122', '-198022', '0', '{MIN_AMOUNT_OUT}', '0', '0',
      '{INTERMEDIARY}', '1767225600']],
    value: '0' },
  placeholders: { MIN_AMOUNT_OUT: PH.MIN_AMOUNT_OUT, INTERMEDIARY: PH.INTERMEDIARY },
  flags: ['hydrex', 'tick'],
});
addAurora({
  comment: 'apis.md §A.4, Aurora demo native-value step: WETH deposit() with value {MIN_AMOUNT_OUT} (to = Base WETH 0x4200…0006, the WETH address used in the same demo)',
  step: { to: '0x4200000000000000000000000000000000000006', functionSignature: 'deposit()', parameters: [], value: '{MIN_AMOUNT_OUT}' },
  placeholders: { MIN_AMOUNT_OUT: PH.MIN_AMOUNT_OUT },
  flags: ['weth'],
  expectCalldata: '0xd0e30db0',
});
addAurora({
  comment: `${A7_STEPS}: step 1, approve 1e18`,
  step: { to: '0x1111111111111111111111111111111111111111', value: '0', functionSignature: 'approve(address,uint256)',
    parameters: ['0x2222222222222222222222222222222222222222', '1000000000000000000'] },
  flags: ['steps_only'],
});
addAurora({
  comment: `${A7_STEPS}: step 2, requestRedeem`,
  step: { to: '0x2222222222222222222222222222222222222222', value: '0', functionSignature: 'requestRedeem(address,uint256)',
    parameters: ['0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', '1000000000000000000'] },
  flags: ['steps_only'],
});
addAurora({
  comment: `${A7_STEPS}: step 3, zero-value transfer of the destination token to the intermediary (the documented workaround for "steps must include at least one call to destination token", §A.4)`,
  step: { to: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', value: '0', functionSignature: 'transfer(address,uint256)',
    parameters: ['0x3eb032bca9a6ceeb8ce69fdf4ec79187fdddd25e', '0'] },
  flags: ['steps_only'],
});
addAurora({
  comment: 'apis.md §A.4: functionSignature "" = bare value transfer (for a native destination the fee is a native value transfer); calldata is empty',
  step: { to: '0x546252c9a0E974f75892b4c54b7a67B69a0aFf45', functionSignature: '', parameters: [], value: '7150' },
  expectCalldata: '0x',
});

const auroraFile = {
  description:
    'Aurora Intents Connect EvmStep call-data vectors. input is the whole step {to, functionSignature, parameters, ' +
    'value, metadata?} exactly as in the docs; "placeholders" (when present, next to input) maps placeholder names ' +
    '(without braces) to the values to substitute: a parameter leaf or value that is exactly "{NAME}" is replaced. ' +
    'expected.calldata is selector ‖ abi.encode(resolved parameters), computed by viem and checked against ethers; ' +
    'expected.decoded is the canonical form (decimal integers, EIP-55 addresses, lowercase hex); ' +
    'expected.resolvedParameters and expected.value are the inputs after substitution. A bare value transfer ' +
    '(functionSignature "") has calldata "0x" and selector / canonicalSignature null.',
  source: `generated by tests/vectors/gen/gen-abi.mjs with viem ${VIEM_V} and ethers ${ETHERS_V}; steps from shared/reference/apis.md §A.4 and §A.7 (Aurora Intents Connect docs), selectors checked against shared/reference/evm.md §2.8`,
  cases: auroraCases,
};

// ---------------------------------------------------------------------------
// Validate and write
// ---------------------------------------------------------------------------

function validate(name, file) {
  const ids = new Set();
  for (const c of file.cases) {
    if (ids.has(c.id)) fail(`${name}: duplicate id ${c.id}`);
    ids.add(c.id);
    if (!/^0x([0-9a-f]{2})*$/.test(c.expected.calldata)) fail(`${name} ${c.id}: calldata not lowercase hex`);
  }
}
if (abiCases.length < 500) fail(`only ${abiCases.length} abi cases`);
for (const [file, data] of [[OUT_ABI, abiFile], [OUT_AURORA, auroraFile]]) {
  validate(path.basename(file), data);
  const text = JSON.stringify(data, null, 2) + '\n';
  assertEq(JSON.stringify(JSON.parse(text), null, 2) + '\n', text, `${path.basename(file)} JSON round trip`);
  if (text.length > 2_500_000) fail(`${path.basename(file)} is ${text.length} chars`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${path.relative(process.cwd(), file)}: ${data.cases.length} cases, ${Buffer.byteLength(text)} bytes` +
    (data.disagreements ? `, ${data.disagreements.length} disagreements` : ''));
}
