// Mock of Aurora's Intents Connect API (shared/reference/apis.md §A.3–§A.9):
// the eight /api/v1 routes, the {result}/{error} envelopes, 200 for dry runs
// and 201 for creates, the per-wallet 409 lock, the deletable set, the 400
// rules of §A.4, placeholders and the appended "Fee Transfer" step, a real
// DefusePayload per wallet kind, signature checks with ./verify.mjs (never
// with intent-signer) and a status walk driven by the clock.
import { randomBytes, randomUUID } from "node:crypto";
import {
  FormatError,
  b58decode,
  b58encode,
  b64decode,
  b64encode,
  bytesToHex,
  checksumAddress,
  isAddress,
  keccak_256,
  sha256,
  utf8ToBytes,
  verifyWalletSignature,
} from "./verify.mjs";
import { SCENARIOS, SCENARIO_NAMES } from "./scenarios.mjs";

// --------------------------------------------------------------- constants

export const EXECUTION_STATUSES = [
  "CREATED",
  "DEPOSIT_PENDING",
  "DEPOSIT_PROCESSING",
  "OPERATION_PENDING",
  "OPERATION_PROCESSING",
  "SUCCESS",
  "DEPOSIT_FAILED",
  "OPERATION_FAILED",
  "EXPIRED",
];
/** Statuses that hold the per-wallet in-flight lock (§A.5). */
export const LOCKING_STATUSES = ["CREATED", "DEPOSIT_PENDING", "DEPOSIT_PROCESSING", "OPERATION_PENDING", "OPERATION_PROCESSING"];
/** Statuses DELETE accepts (§A.5); any other gives 409. */
export const DELETABLE_STATUSES = ["CREATED", "DEPOSIT_PENDING", "OPERATION_PENDING", "EXPIRED", "DEPOSIT_FAILED", "OPERATION_FAILED"];

export const FEE_COLLECTOR = "0x546252c9a0E974f75892b4c54b7a67B69a0aFf45";
export const VERIFYING_CONTRACT = "intents.near";
export const MAX_EVM_STEPS = 30;
export const MAX_SOLANA_STEPS = 50;
const MAX_NESTING = 15;
const MAX_SIGNATURE_BYTES = 1024;
const MAX_SIGNATURE_LEVELS = 6;
const PAYLOAD_TTL_MS = 10 * 60 * 1000;
const VERSIONED_NONCE_MAGIC = [0x56, 0x28, 0xf6, 0xc6];

const EVM_STEP_KEYS = ["to", "functionSignature", "parameters", "value", "metadata"];
const SOLANA_STEP_KEYS = ["programId", "discriminator", "accounts", "args", "metadata"];
const QUOTE_BODY_KEYS = ["version", "type", "dry", "outOperation", "quote", "steps", "metadata", "publicKey", "addressLookupTables"];
const STEPS_BODY_KEYS = ["version", "type", "dry", "destinationAsset", "steps", "metadata", "publicKey", "addressLookupTables"];
const QUOTE_KEYS = ["amount", "deadline", "destinationAsset", "originAsset", "recipient", "slippageTolerance", "swapType"];
const PLACEHOLDERS = ["{MIN_AMOUNT_OUT}", "{DEPOSIT_ADDRESS}", "{AMOUNT_IN}", "{INTERMEDIARY}"];

const EVM_CHAINS = new Set(["eth", "base", "arb", "monad", "gnosis", "bera", "bsc", "pol", "op", "avax", "scroll", "xlayer", "plasma"]);

// 1Click asset ids (§A.8) with realistic prices; `contract` is the ERC-20 on
// an EVM chain, null for a chain's native token.
const TOKENS = [
  { assetId: "nep141:wrap.near", blockchain: "near", contractAddress: "wrap.near", decimals: 24, symbol: "wNEAR", price: 2.31, coingeckoId: "wrapped-near" },
  { assetId: "nep141:eth.omft.near", blockchain: "eth", decimals: 18, symbol: "ETH", price: 2947.12, coingeckoId: "ethereum" },
  { assetId: "nep141:base.omft.near", blockchain: "base", decimals: 18, symbol: "ETH", price: 2947.12, coingeckoId: "ethereum" },
  { assetId: "nep141:btc.omft.near", blockchain: "btc", decimals: 8, symbol: "BTC", price: 86012.5, coingeckoId: "bitcoin" },
  { assetId: "nep141:sol.omft.near", blockchain: "sol", decimals: 9, symbol: "SOL", price: 83.38, coingeckoId: "solana" },
  { assetId: "nep141:base-0x833589fcd6edb6e08f4c7c32d4f71b54bda02913.omft.near", blockchain: "base", contractAddress: "0x833589fcd6edb6e08f4c7c32d4f71b54bda02913", decimals: 6, symbol: "USDC", price: 0.9998, coingeckoId: "usd-coin" },
  { assetId: "nep141:eth-0xdac17f958d2ee523a2206206994597c13d831ec7.omft.near", blockchain: "eth", contractAddress: "0xdac17f958d2ee523a2206206994597c13d831ec7", decimals: 6, symbol: "USDT", price: 1.0002, coingeckoId: "tether" },
  { assetId: "nep141:arb-0xaf88d065e77c8cc2239327c5edb3a432268e5831.omft.near", blockchain: "arb", contractAddress: "0xaf88d065e77c8cc2239327c5edb3a432268e5831", decimals: 6, symbol: "USDC", price: 0.9998, coingeckoId: "usd-coin" },
  { assetId: "nep141:arb-0x912ce59144191c1204e64559fe8253a0e49e6548.omft.near", blockchain: "arb", contractAddress: "0x912ce59144191c1204e64559fe8253a0e49e6548", decimals: 18, symbol: "ARB", price: 0.2931, coingeckoId: "arbitrum" },
  { assetId: "nep141:sol-5ce3bf3a31af18be40ba30f721101b4341690186.omft.near", blockchain: "sol", contractAddress: "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", decimals: 6, symbol: "USDC", price: 0.9998, coingeckoId: "usd-coin" },
  { assetId: "nep245:v2_1.omni.hot.tg:143_2dmLwYWkCQKyTjeUPAsGJuiVLbFx", blockchain: "monad", contractAddress: "0x754704bc059f8c67012fed69bc8a327a5aafb603", decimals: 6, symbol: "USDC", price: 0.9998, coingeckoId: "usd-coin" },
  { assetId: "nep245:v2_1.omni.hot.tg:143_11111111111111111111", blockchain: "monad", decimals: 18, symbol: "MON", price: 0.0412, coingeckoId: "monad" },
].map((t) => ({
  ...t,
  contractAddress: t.contractAddress && isAddress(t.contractAddress) ? checksumAddress(t.contractAddress) : t.contractAddress,
}));
const TOKEN_BY_ID = new Map(TOKENS.map((t) => [t.assetId, t]));
const PRICE_SCALE = 10n ** 8n;
const priceUnits = (t) => BigInt(Math.round(t.price * 1e8));
/** The ERC-20 an EVM token lives at, or null for a native token (and non-EVM chains). */
const evmToken = (t) => (EVM_CHAINS.has(t.blockchain) && t.contractAddress && isAddress(t.contractAddress) ? t.contractAddress : null);

// --------------------------------------------------------------- helpers

/** A refusal with its HTTP status; the message becomes `{error}`. */
class Reject extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}
const bad = (message) => new Reject(400, message);

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const rfc3339 = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const derive = (label) => keccak_256(utf8ToBytes(`intents-connect mock|${label}`));
const deriveAddress = (label) => checksumAddress("0x" + bytesToHex(derive(label).slice(12)));
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NEAR_ACCOUNT_RE = /^(?=.{2,64}$)(([a-z\d]+[-_])*[a-z\d]+\.)*([a-z\d]+[-_])*[a-z\d]+$/;

/** The origin wallet of a path: EVM, NEAR (named or implicit) or Solana. */
export function parseWallet(text) {
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) {
    const lower = text.toLowerCase();
    return { kind: "evm", originType: "evm", standard: "erc191", key: lower, signerId: lower, display: checksumAddress(lower) };
  }
  if (NEAR_ACCOUNT_RE.test(text)) {
    return { kind: "near", originType: "near", standard: "nep413", key: text, signerId: text, display: text };
  }
  if (/^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(text)) {
    const bytes = b58decode(text);
    if (bytes.length === 32) {
      return { kind: "solana", originType: "solana", standard: "raw_ed25519", key: text, signerId: bytesToHex(bytes), display: text, publicKey32: bytes };
    }
  }
  if (/^G[A-Z2-7]{55}$/.test(text) || /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(text) || /^(UQ|EQ)[A-Za-z0-9_-]{46}$/.test(text)) {
    throw bad(`wallet ${text}: Stellar, Tron and TON wallets are not supported by this mock`);
  }
  throw bad(`invalid wallet address: ${text}`);
}

/** Deterministic per-wallet intermediary addresses (§A.7: "deterministic per origin wallet"). */
export function intermediaryOf(wallet) {
  return {
    evm: deriveAddress(`intermediary evm|${wallet.signerId}`),
    solana: b58encode(derive(`intermediary solana|${wallet.signerId}`)),
  };
}

/** JSON keys that occur twice in one object, with the path of that object. */
export function findDuplicateKeys(text) {
  const dups = [];
  const stack = [];
  const childPath = () => {
    const top = stack[stack.length - 1];
    return top ? [...top.path, top.obj ? top.key : top.index] : [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top && top.obj && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1));
        if (top.keys.has(key)) dups.push({ path: top.path, key });
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === "{" || c === "[") {
      stack.push({ obj: c === "{", keys: new Set(), path: childPath(), key: null, index: 0, expectKey: c === "{" });
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") {
      const top = stack[stack.length - 1];
      if (top.obj) top.expectKey = true;
      else top.index++;
    }
  }
  return dups;
}

/** Container depth of a value; `metadata` objects are exempt (§A.4). */
function nesting(value, key) {
  if (key === "metadata" || value === null || typeof value !== "object") return 0;
  const children = Array.isArray(value) ? value.map((v) => nesting(v)) : Object.entries(value).map(([k, v]) => nesting(v, k));
  return 1 + Math.max(0, ...children);
}

function parseBody(raw) {
  if (raw === undefined || raw.trim() === "") throw bad("invalid JSON body: empty");
  let value;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    throw bad(`invalid JSON body: ${e.message}`);
  }
  if (!isObject(value)) throw bad("invalid JSON body: expected an object");
  const dup = findDuplicateKeys(raw)[0];
  if (dup) {
    if (dup.path.length === 2 && dup.path[0] === "steps") {
      throw bad(`invalid steps JSON: step ${dup.path[1]}: duplicate field "${dup.key}"`);
    }
    throw bad(`invalid JSON body: duplicate field "${dup.key}"${dup.path.length ? ` in ${dup.path.join(".")}` : ""}`);
  }
  if (nesting(value) > MAX_NESTING) throw bad(`invalid JSON body: nested deeper than ${MAX_NESTING} containers`);
  return value;
}

function denyUnknown(obj, allowed, where) {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) {
      const near = allowed.find((a) => a.toLowerCase() === k.toLowerCase());
      throw bad(`${where}unknown field "${k}"${near ? ` (field names are case-sensitive: "${near}")` : ""}`);
    }
  }
}

// --------------------------------------------------------------- ABI shape of step parameters

const ELEMENTARY_RE = /^(address|bool|string|bytes([1-9]|[12]\d|3[0-2])?|u?int(8|16|24|32|40|48|56|64|72|80|88|96|104|112|120|128|136|144|152|160|168|176|184|192|200|208|216|224|232|240|248|256)?)$/;

/**
 * Parses a function signature, compact (`transfer(address,uint256)`) or
 * human-readable (`function transfer(address to, uint256 amount) external`).
 * Returns `{name, inputs, canonical}` where each input is a type tree.
 */
export function parseFunctionSignature(text) {
  let s = text.trim().replace(/^function\s+/, "");
  const open = s.indexOf("(");
  if (open <= 0) throw new Error("expected name(types)");
  const name = s.slice(0, open).trim();
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) throw new Error(`invalid function name "${name}"`);
  let pos = open;
  const peek = () => s[pos];
  const skipWs = () => {
    while (pos < s.length && /\s/.test(s[pos])) pos++;
  };
  function parseType() {
    skipWs();
    let node;
    if (s.startsWith("tuple(", pos)) pos += 5;
    if (peek() === "(") {
      node = { kind: "tuple", components: parseList() };
    } else {
      const m = /^[a-z0-9]+/.exec(s.slice(pos));
      if (!m) throw new Error(`expected a type at ${pos}`);
      pos += m[0].length;
      let t = m[0];
      if (t === "uint" || t === "int") t += "256";
      if (!ELEMENTARY_RE.test(t)) throw new Error(`unknown type ${m[0]}`);
      node = { kind: "elementary", type: t };
    }
    for (;;) {
      const m = /^\[(\d*)\]/.exec(s.slice(pos));
      if (!m) break;
      pos += m[0].length;
      node = { kind: "array", length: m[1] === "" ? null : Number(m[1]), element: node };
    }
    skipWs();
    // optional data location and parameter name
    const nm = /^(?:(memory|calldata|storage|indexed)\s+)?([A-Za-z_$][A-Za-z0-9_$]*)?/.exec(s.slice(pos));
    pos += nm[0].length;
    skipWs();
    return node;
  }
  function parseList() {
    pos++; // (
    const items = [];
    skipWs();
    if (peek() === ")") {
      pos++;
      return items;
    }
    for (;;) {
      items.push(parseType());
      skipWs();
      if (peek() === ",") {
        pos++;
        continue;
      }
      if (peek() === ")") {
        pos++;
        return items;
      }
      throw new Error(`unexpected "${peek() ?? "end"}" at ${pos}`);
    }
  }
  const inputs = parseList();
  const rest = s.slice(pos).trim();
  if (rest && !/^((external|public|payable|view|pure|nonpayable)\s*)*(returns\s*\(.*\))?\s*;?$/.test(rest)) {
    throw new Error(`unexpected text after the parameters: ${rest}`);
  }
  const canon = (n) =>
    n.kind === "elementary" ? n.type : n.kind === "tuple" ? `(${n.components.map(canon).join(",")})` : `${canon(n.element)}[${n.length ?? ""}]`;
  return { name, inputs, canonical: `${name}(${inputs.map(canon).join(",")})` };
}

function typeLevels(node) {
  if (node.kind === "elementary") return 0;
  if (node.kind === "array") return 1 + typeLevels(node.element);
  return 1 + Math.max(0, ...node.components.map(typeLevels));
}

const isPlaceholder = (v) => typeof v === "string" && /^\{[A-Z_]+\}$/.test(v);

/** Checks one ABI value (a string, or nested arrays for tuples/arrays); returns an error text or null. */
function checkAbiValue(node, value, path) {
  const where = `parameters${path}`;
  if (node.kind === "tuple" || node.kind === "array") {
    if (!Array.isArray(value)) return `${where}: expected an array`;
    const n = node.kind === "tuple" ? node.components.length : node.length;
    if (n !== null && value.length !== n) return `${where}: expected ${n} entries, got ${value.length}`;
    for (let i = 0; i < value.length; i++) {
      const err = checkAbiValue(node.kind === "tuple" ? node.components[i] : node.element, value[i], `${path}[${i}]`);
      if (err) return err;
    }
    return null;
  }
  if (typeof value !== "string") return `${where}: expected a string (${node.type}), got ${Array.isArray(value) ? "an array" : typeof value}`;
  if (isPlaceholder(value)) return null;
  const t = node.type;
  const ok =
    t === "address" ? isAddress(value)
    : t === "bool" ? value === "true" || value === "false"
    : t === "string" ? true
    : t === "bytes" ? /^0x([0-9a-fA-F]{2})*$/.test(value)
    : t.startsWith("bytes") ? new RegExp(`^0x[0-9a-fA-F]{${2 * Number(t.slice(5))}}$`).test(value)
    : t.startsWith("uint") ? /^(0|[1-9]\d*|0x[0-9a-fA-F]+)$/.test(value) && BigInt(value) < 1n << BigInt(t.slice(4))
    : /^-?(0|[1-9]\d*)$/.test(value) && BigInt(value) >= -(1n << BigInt(Number(t.slice(3)) - 1)) && BigInt(value) < 1n << BigInt(Number(t.slice(3)) - 1);
  return ok ? null : `${where}: ${JSON.stringify(value)} is not a valid ${t}`;
}

/** Walks every string leaf of a step's parameters. */
function* leaves(value, path = "") {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* leaves(value[i], `${path}[${i}]`);
  } else {
    yield [path, value];
  }
}

function validateEvmSteps(steps) {
  if (steps.length > MAX_EVM_STEPS) throw bad(`invalid steps JSON: too many steps: ${steps.length} (at most ${MAX_EVM_STEPS})`);
  return steps.map((step, i) => {
    const fail = (why) => bad(`invalid steps JSON: step ${i}: ${why}`);
    if (!isObject(step)) throw fail("expected an object");
    try {
      denyUnknown(step, EVM_STEP_KEYS, "");
    } catch (e) {
      throw fail(e.message);
    }
    for (const k of ["to", "functionSignature", "parameters", "value"]) {
      if (!(k in step)) throw fail(`missing field "${k}"`);
    }
    if (typeof step.to !== "string" || !(isAddress(step.to) || step.to === "{DEPOSIT_ADDRESS}")) {
      throw fail(`"to" must be an address or {DEPOSIT_ADDRESS}`);
    }
    if (typeof step.functionSignature !== "string") throw fail(`"functionSignature" must be a string`);
    if (Buffer.byteLength(step.functionSignature) > MAX_SIGNATURE_BYTES) throw fail(`functionSignature is longer than ${MAX_SIGNATURE_BYTES} bytes`);
    if (!Array.isArray(step.parameters)) throw fail(`"parameters" must be an array`);
    if (typeof step.value !== "string" || !(/^(0|[1-9]\d*)$/.test(step.value) || isPlaceholder(step.value))) {
      throw fail(`"value" must be a decimal string or a placeholder`);
    }
    if ("metadata" in step && !isObject(step.metadata)) throw fail(`"metadata" must be an object`);
    let parsed = null;
    if (step.functionSignature === "") {
      if (step.parameters.length) throw fail("a bare value transfer takes no parameters");
    } else {
      try {
        parsed = parseFunctionSignature(step.functionSignature);
      } catch (e) {
        throw fail(`invalid functionSignature: ${e.message}`);
      }
      if (Math.max(0, ...parsed.inputs.map(typeLevels)) > MAX_SIGNATURE_LEVELS) {
        throw fail(`functionSignature nests more than ${MAX_SIGNATURE_LEVELS} tuple/array levels`);
      }
      if (parsed.inputs.length !== step.parameters.length) {
        throw fail(`${parsed.canonical} takes ${parsed.inputs.length} parameters, got ${step.parameters.length}`);
      }
      for (let p = 0; p < parsed.inputs.length; p++) {
        const err = checkAbiValue(parsed.inputs[p], step.parameters[p], `[${p}]`);
        if (err) throw fail(err);
      }
    }
    for (const [path, leaf] of [["to", step.to], ["value", step.value], ...[...leaves(step.parameters)].map(([p, v]) => [`parameters${p}`, v])]) {
      if (isPlaceholder(leaf) && !PLACEHOLDERS.includes(leaf)) throw fail(`${path}: unknown placeholder ${leaf}`);
    }
    return { step, canonical: parsed?.canonical ?? "" };
  });
}

function validateSolanaSteps(steps) {
  if (steps.length > MAX_SOLANA_STEPS) throw bad(`invalid steps JSON: too many steps: ${steps.length} (at most ${MAX_SOLANA_STEPS})`);
  const isKey = (v) => typeof v === "string" && /^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(v) && b58decode(v).length === 32;
  return steps.map((step, i) => {
    const fail = (why) => bad(`invalid steps JSON: step ${i}: ${why}`);
    if (!isObject(step)) throw fail("expected an object");
    try {
      denyUnknown(step, SOLANA_STEP_KEYS, "");
    } catch (e) {
      throw fail(e.message);
    }
    if (!isKey(step.programId)) throw fail(`"programId" must be a base58 public key`);
    if ("discriminator" in step && !(typeof step.discriminator === "string" && /^([0-9a-fA-F]{2})*$/.test(step.discriminator))) {
      throw fail(`"discriminator" must be hex`);
    }
    if (!Array.isArray(step.accounts)) throw fail(`"accounts" must be an array`);
    step.accounts.forEach((a, j) => {
      if (!isObject(a) || !(isKey(a.pubkey) || a.pubkey === "{INTERMEDIARY}" || a.pubkey === "{DEPOSIT_ADDRESS}") || typeof a.isSigner !== "boolean" || typeof a.isWritable !== "boolean") {
        throw fail(`accounts[${j}] must be {pubkey, isSigner, isWritable}`);
      }
    });
    if (!Array.isArray(step.args)) throw fail(`"args" must be an array`);
    step.args.forEach((a, j) => {
      if (!isObject(a) || typeof a.name !== "string" || !/^(u8|u16|u32|u64|u128|i8|i16|i32|i64|bool|pubkey|bytes|string)$/.test(a.type) || !("value" in a)) {
        throw fail(`args[${j}] must be {name, type, value}`);
      }
    });
    return { step, canonical: null };
  });
}

function resolvePlaceholders(value, values) {
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(v, values));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "metadata" ? v : resolvePlaceholders(v, values)]));
  if (isPlaceholder(value) && values[value] !== undefined) return values[value];
  return value;
}

// --------------------------------------------------------------- quotes and payloads

function formatUnits(amount, decimals, places = 4) {
  const scaled = (amount * 10n ** BigInt(places) + 10n ** BigInt(decimals) / 2n) / 10n ** BigInt(decimals);
  const s = scaled.toString().padStart(places + 1, "0");
  return `${s.slice(0, -places)}.${s.slice(-places)}`;
}
const usdOf = (amount, token) => formatUnits((amount * priceUnits(token)) / PRICE_SCALE, token.decimals);

/** A 1Click-like quote: 0.3 % spread, slippage in basis points. */
function computeQuote({ origin, destination, amount, slippage, swapType }) {
  const spreadNum = 997n;
  const spreadDen = 1000n;
  const inScale = 10n ** BigInt(origin.decimals);
  const outScale = 10n ** BigInt(destination.decimals);
  let amountIn;
  let amountOut;
  if (swapType === "EXACT_OUTPUT") {
    amountOut = amount;
    const num = amountOut * priceUnits(destination) * inScale * spreadDen;
    const den = priceUnits(origin) * outScale * spreadNum;
    amountIn = (num + den - 1n) / den;
  } else {
    amountIn = amount;
    amountOut = (amountIn * priceUnits(origin) * outScale * spreadNum) / (priceUnits(destination) * inScale * spreadDen);
  }
  const minAmountOut = swapType === "EXACT_OUTPUT" ? amountOut : (amountOut * (10000n - slippage)) / 10000n;
  const minAmountIn = swapType === "EXACT_OUTPUT" ? (amountIn * (10000n - slippage)) / 10000n : amountIn;
  return { amountIn, amountOut, minAmountIn, minAmountOut };
}

/** Gas reimbursement in units of `token`: about $0.005 plus $0.0011 per step. */
function networkFee(token, stepCount) {
  const usd = 5000n + 1100n * BigInt(stepCount); // micro-USD
  const fee = (usd * PRICE_SCALE * 10n ** BigInt(token.decimals)) / (priceUnits(token) * 1_000_000n);
  return fee > 0n ? fee : 1n;
}

function feeStep(token, fee) {
  const metadata = { name: "Fee Transfer", description: "Gas fee reimbursement" };
  const erc20 = evmToken(token);
  if (!erc20) return { to: FEE_COLLECTOR, functionSignature: "", parameters: [], value: fee.toString(), metadata };
  return { to: erc20, functionSignature: "transfer(address,uint256)", parameters: [FEE_COLLECTOR, fee.toString()], value: "0", metadata };
}

function depositAddressFor(chain, seed) {
  const h = derive(`deposit|${chain}|${seed}`);
  if (chain === "sol") return b58encode(h);
  if (chain === "near") return bytesToHex(h);
  if (chain === "btc") {
    const charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    return "bc1q" + Array.from(h.slice(0, 32), (b) => charset[b & 31]).join("").slice(0, 38);
  }
  return checksumAddress("0x" + bytesToHex(h.slice(12)));
}

/** Versioned nonce V1: 56 28 f6 c6 ‖ 00 ‖ salt[4] ‖ i64 LE ns deadline ‖ random[15]. */
export function versionedNonce(salt4, deadlineMs, random15 = randomBytes(15)) {
  const out = new Uint8Array(32);
  out.set(VERSIONED_NONCE_MAGIC, 0);
  out[4] = 0;
  out.set(salt4, 5);
  new DataView(out.buffer).setBigInt64(9, BigInt(deadlineMs) * 1_000_000n, true);
  out.set(random15, 17);
  return out;
}

/**
 * The DefusePayload the wallet signs, rendered for the wallet's standard.
 * Keys are alphabetical, as in the Intents Connect docs' example.
 */
function renderPayload({ wallet, deadline, nonce, intents, pretty, mutate }) {
  const stringify = (v) => (pretty ? JSON.stringify(v, null, 2) : JSON.stringify(v));
  const edit = mutate ?? ((text) => text);
  if (wallet.standard === "nep413") {
    const message = edit(JSON.stringify({ deadline, intents, signer_id: wallet.signerId }));
    const payloadJson = stringify({ message, recipient: VERIFYING_CONTRACT, nonce });
    return { payloadJson, messageToSign: message };
  }
  const payloadJson = edit(stringify({ deadline, intents, nonce, signer_id: wallet.signerId, verifying_contract: VERIFYING_CONTRACT }));
  return { payloadJson, messageToSign: payloadJson };
}

// --------------------------------------------------------------- the mock

/**
 * Creates the Intents Connect mock over the shared mock state (`shared.config`,
 * `shared.now()`). Returns `{handle(ctx), reset(), executions, ...}`.
 */
export function createIntentsConnectMock(shared) {
  const salt = randomBytes(4);
  /** id -> execution record */
  const executions = new Map();

  const now = () => shared.now();
  const config = () => shared.config;

  function reset() {
    executions.clear();
  }

  // ---- status

  function statusOf(exec, t = now()) {
    if (exec.forced) return exec.forced;
    if (!exec.signedAt) {
      if (exec.deadlineMs !== null && t > exec.deadlineMs) return "EXPIRED";
      return exec.initialStatus;
    }
    const idx = Math.min(exec.walkOffset + Math.floor((t - exec.walkStart) / Math.max(1, exec.stepMs)), exec.walk.length - 1);
    return exec.walk[idx];
  }

  function view(exec) {
    const status = statusOf(exec);
    const out = structuredClone(exec.public);
    out.status = status;
    if (out.details && exec.signedAt) out.details.messageSigned = true;
    if (status === "SUCCESS" || status === "OPERATION_FAILED") {
      out.transaction = { evmTxHash: "0x" + bytesToHex(derive(`tx|${exec.id}`)) };
    }
    return out;
  }

  function liveExecutionOf(walletKey) {
    for (const exec of executions.values()) {
      if (exec.walletKey === walletKey && LOCKING_STATUSES.includes(statusOf(exec))) return exec;
    }
    return null;
  }

  function findExecution(wallet, id) {
    const exec = executions.get(id);
    return exec && exec.walletKey === wallet.key ? exec : null;
  }

  // ---- control (used by server.mjs's /__mock routes and by tests)

  function forceStatus(id, status) {
    const exec = executions.get(id);
    if (!exec) throw new Reject(404, `execution ${id} not found`);
    if (!EXECUTION_STATUSES.includes(status)) throw bad(`invalid status "${status}"`);
    exec.forced = status;
    return view(exec);
  }

  // ---- failNext / api key

  function maybeFailNext(routeName) {
    const c = config();
    if (!c.failNext || (c.failNextOn && c.failNextOn !== routeName)) return;
    const status = Number(c.failNext);
    c.failNext = null;
    c.failNextOn = null;
    const messages = {
      400: "mock: failNext 400 (bad request)",
      401: "missing or invalid api token",
      409: "an execution for this wallet is already in progress (mock: failNext)",
      413: "request body too large (mock: failNext)",
      500: "internal error (mock: failNext)",
      502: "bad gateway: the 1Click quote request failed (mock: failNext)",
      503: "service unavailable, retry shortly (mock: failNext)",
    };
    throw new Reject(status, messages[status] ?? `mock: failNext ${status}`);
  }

  function checkApiKey(headers) {
    const want = config().requireApiKey;
    if (!want) return;
    const got = headers["x-api-key"];
    if (!got || (want !== true && got !== want)) throw new Reject(401, "missing or invalid api token");
  }

  // ---- creates

  function parseQuoteRequest(body) {
    const q = body.quote;
    if (q === undefined) throw bad("quote is required");
    if (!isObject(q)) throw bad("invalid quote: expected an object");
    denyUnknown(q, QUOTE_KEYS, "invalid quote: ");
    const outOperation = body.outOperation === true;
    if (q.recipient !== undefined && !outOperation) throw bad("quote.recipient is only valid when outOperation=true");
    if (typeof q.amount !== "string" || !/^[1-9]\d*$/.test(q.amount)) throw bad("invalid quote: amount must be a positive integer string in atomic units");
    for (const k of ["originAsset", "destinationAsset"]) {
      if (typeof q[k] !== "string") throw bad(`invalid quote: ${k} is required`);
      if (!TOKEN_BY_ID.has(q[k])) throw bad(`invalid quote: unknown asset ${q[k]}`);
    }
    const slippage = q.slippageTolerance ?? 100;
    if (!Number.isInteger(slippage) || slippage < 0 || slippage > 10000) throw bad("invalid quote: slippageTolerance must be basis points (0..10000)");
    const swapType = q.swapType ?? "EXACT_INPUT";
    if (swapType !== "EXACT_INPUT" && swapType !== "EXACT_OUTPUT") throw bad(`invalid quote: swapType must be EXACT_INPUT or EXACT_OUTPUT`);
    let deadlineMs = null;
    if (q.deadline !== undefined) {
      deadlineMs = typeof q.deadline === "string" ? Date.parse(q.deadline) : NaN;
      if (!Number.isFinite(deadlineMs)) throw bad("invalid quote: deadline must be an ISO 8601 date");
      if (deadlineMs <= now()) throw bad("invalid quote: deadline is in the past");
    }
    if (q.recipient !== undefined && (typeof q.recipient !== "string" || q.recipient === "")) throw bad("invalid quote: recipient must be a string");
    return {
      origin: TOKEN_BY_ID.get(q.originAsset),
      destination: TOKEN_BY_ID.get(q.destinationAsset),
      amount: BigInt(q.amount),
      slippage: BigInt(slippage),
      swapType,
      deadlineMs,
      recipient: q.recipient,
      outOperation,
    };
  }

  function commonBody(body, keys) {
    denyUnknown(body, keys, "invalid request: ");
    const type = body.type ?? "evm";
    if (type !== "evm" && type !== "solana") throw bad(`unsupported type "${type}": expected evm or solana`);
    if (body.dry !== undefined && typeof body.dry !== "boolean") throw bad("dry must be a boolean");
    if (body.outOperation !== undefined && typeof body.outOperation !== "boolean") throw bad("outOperation must be a boolean");
    if (body.metadata !== undefined && !isObject(body.metadata)) throw bad("metadata must be an object");
    if (body.version !== undefined && typeof body.version !== "string") throw bad("version must be a string");
    const dry = body.dry === true;
    if (body.steps !== undefined && body.steps !== null && !Array.isArray(body.steps)) throw bad("invalid steps JSON: steps must be an array");
    const steps = body.steps ?? [];
    if (!dry && steps.length === 0) throw bad("steps are required for non-dry executions");
    const validated = type === "evm" ? validateEvmSteps(steps) : validateSolanaSteps(steps);
    return { type, dry, validated };
  }

  /** 400 for a placeholder the request kind does not allow (§A.4 placeholder table). */
  function checkPlaceholders(validated, allowed, reasonOf) {
    validated.forEach(({ step }, i) => {
      const all = [step.to, step.value, ...[...leaves(step.parameters ?? [])].map(([, v]) => v), ...(step.accounts ?? []).map((a) => a.pubkey)];
      for (const v of all) {
        if (isPlaceholder(v) && !allowed.includes(v)) throw bad(`invalid steps JSON: step ${i}: ${v} ${reasonOf(v)}`);
      }
    });
  }

  function createExecution(ctx, walletText, kind) {
    maybeFailNext(kind === "quote" ? "create" : "steps");
    if (kind === "quote") checkApiKey(ctx.headers);
    const wallet = parseWallet(walletText);
    const scenarioName = ctx.query?.get("scenario") ?? null;
    const scenario = scenarioName === null ? null : SCENARIOS[scenarioName];
    if (scenarioName !== null && !scenario) throw bad(`unknown scenario "${scenarioName}" (known: ${SCENARIO_NAMES.join(", ")})`);
    if (scenario?.quoteOnly && kind !== "quote") throw bad(`scenario "${scenarioName}" needs a quote-backed create`);
    const body = parseBody(ctx.rawBody);
    const { type, dry, validated } = commonBody(body, kind === "quote" ? QUOTE_BODY_KEYS : STEPS_BODY_KEYS);
    const intermediary = intermediaryOf(wallet);
    const t = now();
    const id = dry ? undefined : randomUUID();
    let quote;
    let feeToken;
    let placeholderValues = {};
    let mode;
    let initialStatus;
    let quoteDeadlineMs = null;
    let intentToken;
    let intentAmount;
    let intentReceiver = null;

    if (kind === "quote") {
      let q = parseQuoteRequest(body);
      if (scenario?.request && !dry) q = scenario.request(q, TOKEN_BY_ID);
      mode = q.outOperation ? "out" : "in";
      const evmSide = q.outOperation ? q.origin : q.destination;
      if (type === "evm" && !EVM_CHAINS.has(evmSide.blockchain)) {
        throw bad(q.outOperation ? `blockchain ${evmSide.blockchain} is not supported as an origin for outOperation` : `blockchain ${evmSide.blockchain} is not supported as a destination`);
      }
      if (type === "solana" && evmSide.blockchain !== "sol") {
        throw bad(`blockchain ${evmSide.blockchain} is not supported for type solana`);
      }
      const reasonOf = (v) =>
        v === "{MIN_AMOUNT_OUT}" ? "is not allowed with outOperation=true"
        : v === "{DEPOSIT_ADDRESS}" ? "is only allowed with outOperation=true"
        : v === "{AMOUNT_IN}" ? "is only allowed with outOperation=true and swapType=EXACT_OUTPUT"
        : "is only allowed in Solana steps";
      const allowed = q.outOperation
        ? ["{DEPOSIT_ADDRESS}", ...(q.swapType === "EXACT_OUTPUT" ? ["{AMOUNT_IN}"] : [])]
        : ["{MIN_AMOUNT_OUT}"];
      checkPlaceholders(validated, type === "solana" ? [...allowed, "{INTERMEDIARY}"] : allowed, reasonOf);
      if (q.outOperation && type === "evm" && !validated.some(({ step, canonical }) => canonical === "transfer(address,uint256)" && step.parameters[0] === "{DEPOSIT_ADDRESS}")) {
        throw bad("outOperation requires a transfer(tokenAddress, {DEPOSIT_ADDRESS}, amount) step");
      }
      const amounts = computeQuote(q);
      if (amounts.amountOut <= 0n || amounts.amountIn <= 0n) throw bad("amount is too small to quote");
      feeToken = evmSide;
      const fee = networkFee(feeToken, validated.length + 1);
      if (!q.outOperation && fee >= amounts.minAmountOut) throw bad("estimated gas fee exceeds minimum output amount");
      quoteDeadlineMs = q.deadlineMs ?? t + PAYLOAD_TTL_MS;
      const depositChain = q.origin.blockchain;
      const depositAddress = depositAddressFor(depositChain, id ?? `dry|${wallet.key}|${t}`);
      const recipient = q.outOperation ? q.recipient ?? wallet.display : type === "solana" ? intermediary.solana : intermediary.evm;
      quote = {
        amount: q.amount.toString(),
        amountIn: amounts.amountIn.toString(),
        amountInUsd: usdOf(amounts.amountIn, q.origin),
        amountOut: amounts.amountOut.toString(),
        amountOutUsd: usdOf(amounts.amountOut, q.destination),
        deadline: rfc3339(quoteDeadlineMs),
        depositAddress,
        destinationAsset: q.destination.assetId,
        minAmountIn: amounts.minAmountIn.toString(),
        minAmountOut: amounts.minAmountOut.toString(),
        originAsset: q.origin.assetId,
        recipient,
        swapType: q.swapType,
      };
      placeholderValues = {
        "{MIN_AMOUNT_OUT}": quote.minAmountOut,
        "{DEPOSIT_ADDRESS}": depositAddress,
        "{AMOUNT_IN}": quote.amountIn,
        "{INTERMEDIARY}": type === "solana" ? intermediary.solana : intermediary.evm,
      };
      initialStatus = q.outOperation ? "OPERATION_PENDING" : "CREATED";
      intentToken = q.outOperation ? q.origin.assetId : q.destination.assetId;
      intentAmount = q.outOperation ? quote.amountIn : quote.minAmountOut;
      // Bridge-in: the destination asset to the intermediary. Out-operation:
      // the origin asset to the quote's deposit address. The two shapes a
      // quote accounts for (intent-signer's quote check, README "The payload").
      intentReceiver = q.outOperation ? depositAddress : null;
      quote._fee = fee;
    } else {
      mode = "steps";
      if (typeof body.destinationAsset !== "string") throw bad("destinationAsset is required");
      const destination = TOKEN_BY_ID.get(body.destinationAsset);
      if (!destination) throw bad(`unknown asset ${body.destinationAsset}`);
      if (type === "evm" && !EVM_CHAINS.has(destination.blockchain)) throw bad(`blockchain ${destination.blockchain} is not supported as a destination`);
      checkPlaceholders(validated, type === "solana" ? ["{INTERMEDIARY}"] : [], () => "is not allowed in steps-only executions");
      const token = evmToken(destination);
      if (type === "evm" && token && !validated.some(({ step }) => step.to.toLowerCase() === token.toLowerCase())) {
        throw bad(`steps must include at least one call to destination token ${token.toLowerCase()}`);
      }
      feeToken = destination;
      placeholderValues = { "{INTERMEDIARY}": type === "solana" ? intermediary.solana : intermediary.evm };
      initialStatus = "OPERATION_PENDING";
      intentToken = destination.assetId;
    }

    const fee = kind === "quote" ? quote._fee : networkFee(feeToken, validated.length + 1);
    if (quote) delete quote._fee;
    if (kind === "steps") intentAmount = fee.toString();

    if (!dry) {
      const live = liveExecutionOf(wallet.key);
      if (live) {
        throw new Reject(409, `an execution for this wallet is already in progress (id ${live.id}, status ${statusOf(live)}); wait until it finishes or delete it`);
      }
    }

    const steps = validated.map(({ step }) => resolvePlaceholders(step, placeholderValues));
    if (type === "evm") steps.push(feeStep(feeToken, fee));

    const pub = {
      createdAt: rfc3339(t),
      details: {
        estimatedTime: mode === "in" ? "22" : mode === "out" ? "32" : "12",
        intermediaryAddress: type === "solana" ? intermediary.solana : intermediary.evm,
        networkFee: fee.toString(),
        serviceFee: "0",
      },
      executionMode: kind === "quote" ? "quote_with_steps" : "steps_only",
    };
    if (id) pub.id = id;
    if (body.metadata !== undefined) pub.metadata = body.metadata;
    if (quote) pub.quote = quote;
    pub.status = initialStatus;
    pub.steps = steps;
    pub.type = type;
    pub.version = "1.0";

    if (dry) return { status: 200, body: { result: pub } };

    // The payload the wallet signs: a DefusePayload authorising the intermediary.
    const deadlineMs = Math.floor((t + PAYLOAD_TTL_MS) / 1000) * 1000;
    const deadline = rfc3339(deadlineMs);
    const nonce = b64encode(versionedNonce(salt, deadlineMs));
    const receiver = intentReceiver === null ? intermediary.evm : intentReceiver;
    const asAccount = (a) => (isAddress(a) ? a.toLowerCase() : a);
    const intentFor = (amount) => {
      const honest = [{ intent: "transfer", receiver_id: asAccount(receiver), tokens: { [intentToken]: amount } }];
      return scenario ? scenario.intents({ honest, token: intentToken, amount, wallet }) : honest;
    };
    const mutate = scenario?.mutate ?? null;
    if (scenario?.quote && quote) Object.assign(pub.quote, scenario.quote(pub.quote));
    const real = renderPayload({ wallet, deadline, nonce, intents: intentFor(intentAmount), pretty: config().prettyPayload, mutate });
    const bytes = utf8ToBytes(real.payloadJson);
    let shown = real;
    if (config().tamperPayload) {
      config().tamperPayload = false;
      shown = renderPayload({ wallet, deadline, nonce, intents: intentFor((BigInt(intentAmount) * 10n).toString()), pretty: config().prettyPayload, mutate });
    }
    pub.details.messageSigned = false;
    pub.details.messageToSign = shown.messageToSign;
    pub.details.payload = { payload_bytes_base64: b64encode(bytes), payload_json: shown.payloadJson, standard: wallet.standard };
    pub.details.signingStandard = wallet.standard;

    let nep413 = null;
    if (wallet.standard === "nep413") {
      const p = JSON.parse(real.payloadJson);
      nep413 = { message: p.message, nonce: b64decode(p.nonce), recipient: p.recipient, callbackUrl: null };
    }
    executions.set(id, {
      id,
      wallet,
      walletKey: wallet.key,
      mode,
      public: pub,
      signedBytes: bytes,
      nep413,
      initialStatus,
      deadlineMs: quoteDeadlineMs ?? t + PAYLOAD_TTL_MS,
      createdMs: t,
      signedAt: null,
      forced: null,
      walk: null,
      walkStart: 0,
      walkOffset: 0,
      stepMs: 0,
      depositTxHash: null,
    });
    return { status: 201, body: { result: view(executions.get(id)) } };
  }

  // ---- submit

  function submit(ctx, walletText) {
    maybeFailNext("submit");
    const wallet = parseWallet(walletText);
    const body = parseBody(ctx.rawBody);
    denyUnknown(body, ["executionId", "signature", "publicKey", "tonConnect"], "invalid request: ");
    if (typeof body.executionId !== "string" || !body.executionId) throw bad("executionId is required");
    if (typeof body.signature !== "string" || !body.signature) throw bad("signature is required");
    if (body.publicKey !== undefined && typeof body.publicKey !== "string") throw bad("publicKey must be a string");
    const exec = findExecution(wallet, body.executionId);
    if (!exec) throw new Reject(404, `execution ${body.executionId} not found`);
    if (exec.signedAt) throw new Reject(409, "execution is already signed");
    const status = statusOf(exec);
    if (status !== exec.initialStatus) throw new Reject(409, `execution is in status ${status} and cannot be signed`);
    const signed = { bytes: exec.signedBytes, nep413: exec.nep413 };
    let result;
    try {
      result = verifyWalletSignature(wallet.standard, signed, body, {
        address: wallet.key,
        publicKey32: wallet.publicKey32,
        account: wallet.key,
        allowedKeys: config().nearAccountKeys?.[wallet.key],
      });
    } catch (e) {
      if (e instanceof FormatError) throw bad(`invalid signature: ${e.message}`);
      throw e;
    }
    if (!result.ok) throw bad("invalid signature");
    const t = now();
    exec.signedAt = t;
    exec.signature = body.signature;
    exec.walk =
      exec.mode === "in"
        ? ["CREATED", "DEPOSIT_PENDING", "DEPOSIT_PROCESSING", "OPERATION_PENDING", "OPERATION_PROCESSING", config().failExecution ? "OPERATION_FAILED" : "SUCCESS"]
        : ["OPERATION_PENDING", "OPERATION_PROCESSING", config().failExecution ? "OPERATION_FAILED" : "SUCCESS"];
    exec.walkStart = t;
    exec.walkOffset = 0;
    exec.stepMs = Number(config().statusDelayMs);
    return { status: 200, body: { result: { status: exec.mode === "in" ? "SIGNED_PENDING_DEPOSIT" : "SIGNING" } } };
  }

  // ---- deposit

  function depositSubmit(ctx) {
    maybeFailNext("deposit");
    const body = parseBody(ctx.rawBody);
    denyUnknown(body, ["txHash", "depositAddress", "memo", "nearSenderAccount"], "invalid request: ");
    if (typeof body.txHash !== "string" || !body.txHash) throw bad("txHash is required");
    if (typeof body.depositAddress !== "string" || !body.depositAddress) throw bad("depositAddress is required");
    const sameAddress = (a, b) => (isAddress(a) && isAddress(b) ? a.toLowerCase() === b.toLowerCase() : a === b);
    const exec = [...executions.values()].find((e) => e.public.quote && sameAddress(e.public.quote.depositAddress, body.depositAddress));
    if (!exec) throw new Reject(404, `no execution with deposit address ${body.depositAddress}`);
    if (exec.mode !== "in") throw new Reject(409, "this execution takes no deposit from the user");
    if (!exec.signedAt) throw new Reject(409, "execution is not signed yet: sign before depositing");
    if (exec.depositTxHash) throw new Reject(409, "a deposit was already recorded for this execution");
    const status = statusOf(exec);
    if (!["CREATED", "DEPOSIT_PENDING", "EXPIRED"].includes(status)) throw new Reject(409, `execution is in status ${status}`);
    exec.depositTxHash = body.txHash;
    exec.forced = null;
    exec.walkStart = now();
    exec.walkOffset = exec.walk.indexOf("DEPOSIT_PROCESSING");
    return { status: 200, body: { result: { status: statusOf(exec) } } };
  }

  // ---- list

  function list(ctx, walletText) {
    const wallet = parseWallet(walletText);
    const split = (name) =>
      ctx.query.getAll(name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    const ids = split("id");
    for (const id of ids) if (!UUID_RE.test(id)) throw bad(`invalid id "${id}"`);
    const statuses = split("status");
    for (const s of statuses) if (!EXECUTION_STATUSES.includes(s)) throw bad(`invalid status "${s}"`);
    const out = [...executions.values()]
      .filter((e) => e.walletKey === wallet.key)
      .filter((e) => ids.length === 0 || ids.some((id) => id.toLowerCase() === e.id))
      .sort((a, b) => b.createdMs - a.createdMs)
      .map(view)
      .filter((e) => statuses.length === 0 || statuses.includes(e.status));
    return { status: 200, body: { result: out } };
  }

  // ---- delete

  function remove(ctx, walletText, id) {
    maybeFailNext("delete");
    const wallet = parseWallet(walletText);
    if (!UUID_RE.test(id)) throw bad(`invalid execution id "${id}"`);
    const body = parseBody(ctx.rawBody);
    denyUnknown(body, ["signature", "publicKey", "nep413", "tonConnect"], "invalid request: ");
    if (typeof body.signature !== "string" || !body.signature) throw bad("signature is required");
    const exec = findExecution(wallet, id);
    if (!exec) throw new Reject(404, `execution ${id} not found`);
    const status = statusOf(exec);
    if (!DELETABLE_STATUSES.includes(status)) throw new Reject(409, `execution is in status ${status} and cannot be deleted`);
    const message = `delete_execution:${id}`;
    let nep413 = null;
    if (wallet.standard === "nep413") {
      if (!isObject(body.nep413)) throw bad("nep413 {nonce, recipient} is required for NEAR wallets");
      denyUnknown(body.nep413, ["nonce", "recipient"], "invalid nep413: ");
      if (body.nep413.recipient !== VERIFYING_CONTRACT) throw bad(`nep413.recipient must be "${VERIFYING_CONTRACT}"`);
      let nonce;
      try {
        nonce = b64decode(body.nep413.nonce, "nep413.nonce");
      } catch (e) {
        throw bad(e.message);
      }
      if (nonce.length !== 32) throw bad("nep413.nonce must be base64 of 32 bytes");
      nep413 = { message, nonce, recipient: VERIFYING_CONTRACT, callbackUrl: null };
    } else if (body.nep413 !== undefined) {
      throw bad(`nep413 is only for NEAR wallets`);
    }
    let result;
    try {
      result = verifyWalletSignature(wallet.standard, { bytes: utf8ToBytes(message), nep413 }, body, {
        address: wallet.key,
        publicKey32: wallet.publicKey32,
        account: wallet.key,
        allowedKeys: config().nearAccountKeys?.[wallet.key],
      });
    } catch (e) {
      if (e instanceof FormatError) throw bad(`invalid signature: ${e.message}`);
      throw e;
    }
    if (!result.ok) throw bad("invalid signature");
    executions.delete(id);
    return { status: 200, body: { result: { status: "DELETED" } } };
  }

  // ---- small routes

  function supportedTokens(ctx) {
    const flow = ctx.query.get("flow") ?? "inOperation";
    if (flow !== "inOperation" && flow !== "outOperation") throw bad(`invalid flow "${flow}": expected inOperation or outOperation`);
    const priceUpdatedAt = new Date(now()).toISOString();
    const tokens = TOKENS.map((t) => {
      const o = { assetId: t.assetId, blockchain: t.blockchain, decimals: t.decimals, price: t.price, priceUpdatedAt, symbol: t.symbol };
      if (t.contractAddress) o.contractAddress = t.contractAddress;
      if (t.coingeckoId) o.coingeckoId = t.coingeckoId;
      return o;
    });
    const evm = tokens.filter((t) => EVM_CHAINS.has(t.blockchain));
    const result = flow === "inOperation" ? { in: tokens, out: evm } : { in: evm, out: tokens };
    return { status: 200, body: { result } };
  }

  function intermediary(ctx, walletText) {
    const wallet = parseWallet(walletText);
    const i = intermediaryOf(wallet);
    return { status: 200, body: { result: { originAccount: wallet.display, originType: wallet.originType, evm: i.evm, solana: i.solana, sui: null } } };
  }

  // ---- router

  /** Handles `/api/v1/...`; returns `{status, body}` (never throws for client errors). */
  function handle(ctx) {
    try {
      return route(ctx);
    } catch (e) {
      if (e instanceof Reject) return { status: e.status, body: { error: e.message } };
      throw e;
    }
  }

  function route(ctx) {
    const rest = ctx.path.slice("/api/v1".length);
    const seg = rest.split("/").slice(1);
    let parts;
    try {
      parts = seg.map((s) => decodeURIComponent(s));
    } catch {
      throw bad("invalid path encoding");
    }
    const m = ctx.method;
    const notAllowed = () => new Reject(405, `method ${m} not allowed on ${ctx.path}`);
    if (parts.length === 1 && parts[0] === "supported_tokens") {
      if (m !== "GET") throw notAllowed();
      return supportedTokens(ctx);
    }
    if (parts[0] === "executions" && parts.length >= 2 && parts.every(Boolean)) {
      if (parts.length === 3 && parts[1] === "deposit" && parts[2] === "submit" && m === "POST") return depositSubmit(ctx);
      if (parts.length === 2) {
        if (m === "POST") return createExecution(ctx, parts[1], "quote");
        if (m === "GET") return list(ctx, parts[1]);
        throw notAllowed();
      }
      if (parts.length === 3) {
        if (parts[2] === "intermediary") {
          if (m !== "GET") throw notAllowed();
          return intermediary(ctx, parts[1]);
        }
        if (parts[2] === "steps") {
          if (m !== "POST") throw notAllowed();
          return createExecution(ctx, parts[1], "steps");
        }
        if (parts[2] === "submit") {
          if (m !== "POST") throw notAllowed();
          return submit(ctx, parts[1]);
        }
        if (m === "DELETE") return remove(ctx, parts[1], parts[2]);
        throw notAllowed();
      }
    }
    throw new Reject(404, `not found: ${m} ${ctx.path}`);
  }

  /** `POST /__mock/status {id, status}`: pins an execution's status (tests of the deletable set, of failures). */
  function handleForce(id, status) {
    try {
      return { status: 200, body: { result: forceStatus(id, status) } };
    } catch (e) {
      if (e instanceof Reject) return { status: e.status, body: { error: e.message } };
      throw e;
    }
  }

  return { handle, handleForce, reset, executions, statusOf, view, forceStatus, salt, tokens: TOKENS };
}
