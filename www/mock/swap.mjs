// Mock of the swap-intents API with Permit2 approvals (shared/reference/apis.md
// §C: Changelly DeFi API on Hotpot): networks, tokens, quotes, intents whose
// `params_to_sign` the wallet turns into an EIP-712 PermitWitnessTransferFrom,
// the approval (verified here by recovering the signer with ./verify.mjs) and
// a status that walks Created → Approved → Verified → Deposited → Finished.
// Errors are `{code, message, entity}` as in §C.2.
import { randomBytes, randomUUID } from "node:crypto";
import {
  FormatError,
  PERMIT2_ADDRESS,
  PERMIT2_WITNESS_TYPES,
  bytesToHex,
  checksumAddress,
  hexToBytesStrict,
  isAddress,
  keccak_256,
  permit2WitnessDigest,
  recoverAddress,
  utf8ToBytes,
  witnessHash,
  witnessTypeString,
} from "./verify.mjs";

const NETWORKS = [
  { id: 1, name: "Ethereum", type: "EVM", chain_id: 1 },
  { id: 2, name: "Base", type: "EVM", chain_id: 8453 },
  { id: 3, name: "Arbitrum One", type: "EVM", chain_id: 42161 },
].map((n) => ({ ...n, supports_optimized_swap: true, supports_custom_tokens: false, icon_url: null }));

const TOKENS = [
  { token_id: 1, network_id: 1, name: "USD Coin", symbol: "USDC", contract_address: "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", decimals: 6, price: 0.9998 },
  { token_id: 2, network_id: 1, name: "Tether USD", symbol: "USDT", contract_address: "0xdac17f958d2ee523a2206206994597c13d831ec7", decimals: 6, price: 1.0002 },
  { token_id: 3, network_id: 1, name: "Wrapped Ether", symbol: "WETH", contract_address: "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", decimals: 18, price: 2947.12 },
  { token_id: 4, network_id: 2, name: "USD Coin", symbol: "USDC", contract_address: "0x833589fcd6edb6e08f4c7c32d4f71b54bda02913", decimals: 6, price: 0.9998 },
  { token_id: 5, network_id: 2, name: "Wrapped Ether", symbol: "WETH", contract_address: "0x4200000000000000000000000000000000000006", decimals: 18, price: 2947.12 },
  { token_id: 6, network_id: 3, name: "USD Coin", symbol: "USDC", contract_address: "0xaf88d065e77c8cc2239327c5edb3a432268e5831", decimals: 6, price: 0.9998 },
  { token_id: 7, network_id: 3, name: "Arbitrum", symbol: "ARB", contract_address: "0x912ce59144191c1204e64559fe8253a0e49e6548", decimals: 18, price: 0.2931 },
].map((t) => ({ ...t, contract_address: checksumAddress(t.contract_address), icon_url: null, wrapped_token_address: null }));

const QUOTE_TTL_MS = 5 * 60 * 1000;
const INTENT_TTL_MS = 30 * 60 * 1000;

class Reject extends Error {
  constructor(status, code, message, entity) {
    super(message);
    Object.assign(this, { status, code, entity });
  }
}
const invalid = (message, entity = "request") => new Reject(400, "VALIDATION_ERROR", message, entity);
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const derivedAddress = (label) => checksumAddress("0x" + bytesToHex(keccak_256(utf8ToBytes(`swap mock|${label}`)).slice(12)));

/** "1.5" (whole units, a string or a number) → atomic units. */
function toLots(amount, decimals) {
  const text = typeof amount === "number" ? String(amount) : amount;
  if (typeof text !== "string" || !/^(0|[1-9]\d*)(\.\d+)?$/.test(text)) throw invalid("amount must be a positive decimal number", "quote");
  const [whole, frac = ""] = text.split(".");
  if (frac.length > decimals) throw invalid(`amount has more than ${decimals} decimals`, "quote");
  const lots = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, "0") || "0");
  if (lots === 0n) throw invalid("amount must be positive", "quote");
  return lots;
}

export function createSwapMock(shared) {
  const quotes = new Map();
  const intents = new Map();
  const now = () => shared.now();
  const config = () => shared.config;

  function reset() {
    quotes.clear();
    intents.clear();
  }

  function findToken(side, what) {
    if (!isObject(side)) throw invalid(`${what} must be an object`, "quote");
    let t;
    if (side.token_id !== undefined) t = TOKENS.find((x) => x.token_id === side.token_id);
    else {
      if (!NETWORKS.some((n) => n.id === side.network_id)) throw invalid(`${what}.network_id is unknown`, "quote");
      if (!isAddress(side.token)) throw invalid(`${what}.token must be a token address`, "quote");
      t = TOKENS.find((x) => x.network_id === side.network_id && x.contract_address.toLowerCase() === side.token.toLowerCase());
    }
    if (!t) throw new Reject(404, "TOKEN_NOT_FOUND", `${what} token not found`, "token");
    return t;
  }

  function createQuote(body) {
    if (!isObject(body)) throw invalid("body must be an object", "quote");
    const from = findToken(body.from, "from");
    const to = findToken(body.to, "to");
    if (from.token_id === to.token_id) throw invalid("from and to are the same token", "quote");
    const slippage = body.slippage_bps === undefined ? 50 : Number(body.slippage_bps);
    if (!Number.isInteger(slippage) || slippage < 0 || slippage > 5000) throw invalid("slippage_bps must be an integer string of basis points", "quote");
    const lotsIn = toLots(body.amount, from.decimals);
    const pIn = BigInt(Math.round(from.price * 1e8));
    const pOut = BigInt(Math.round(to.price * 1e8));
    const lotsOut = (lotsIn * pIn * 10n ** BigInt(to.decimals) * 9975n) / (pOut * 10n ** BigInt(from.decimals) * 10000n);
    if (lotsOut <= 0n) throw invalid("amount is too small", "quote");
    const side = (t, lots) => ({ network_id: t.network_id, token: t.contract_address, token_id: t.token_id, amount_lots: lots.toString(), amount_decimals: t.decimals });
    const quote = {
      id: randomUUID(),
      from: side(from, lotsIn),
      mid: side(from, lotsIn),
      to: { ...side(to, lotsOut), min_amount_lots: ((lotsOut * BigInt(10000 - slippage)) / 10000n).toString(), max_amount_lots: lotsOut.toString() },
      slippage_bps: String(slippage),
      expires_at: now() + QUOTE_TTL_MS,
    };
    quotes.set(quote.id, quote);
    return quote;
  }

  function createIntent(body) {
    if (!isObject(body)) throw invalid("body must be an object", "intent");
    if (typeof body.quote_id !== "string") throw invalid("quote_id is required", "intent");
    const quote = quotes.get(body.quote_id);
    if (!quote) throw new Reject(404, "QUOTE_NOT_FOUND", "quote not found", "quote");
    if (now() > quote.expires_at) throw new Reject(400, "QUOTE_EXPIRED", "quote expired", "quote");
    if (!isObject(body.from) || !isAddress(body.from.address)) throw invalid("from.address must be an EVM address", "intent");
    if (body.from.refund_address !== undefined && !isAddress(body.from.refund_address)) throw invalid("from.refund_address must be an EVM address", "intent");
    if (!isObject(body.to) || typeof body.to.address !== "string" || !body.to.address) throw invalid("to.address is required", "intent");
    const network = NETWORKS.find((n) => n.id === quote.from.network_id);
    const id = randomUUID();
    const t = now();
    const expiresAt = t + INTENT_TTL_MS;
    const deadlineSecs = Math.floor(expiresAt / 1000);
    const secretHash = "0x" + bytesToHex(keccak_256(randomBytes(32)));
    const resolver = derivedAddress(`resolver|${network.id}`);
    const witness = { resolver, user: checksumAddress(body.from.address), secretHash };
    const paramsToSign = {
      escrow_contract_address: derivedAddress(`escrow|${network.id}`),
      permit2_contract_address: PERMIT2_ADDRESS,
      resolver_deposit_address: resolver,
      nonce: t * 1000 + Math.floor(Math.random() * 1000),
      additional_data: {
        domain: { name: "Permit2", chainId: network.chain_id, verifyingContract: PERMIT2_ADDRESS },
        types: structuredClone(PERMIT2_WITNESS_TYPES),
        witness,
        witness_type_string: witnessTypeString(),
        witness_hash: "0x" + bytesToHex(witnessHash(witness)),
      },
    };
    const intent = {
      id,
      expires_at: expiresAt,
      deadline_secs: deadlineSecs,
      secret_hash: secretHash,
      approval_type: "permit2",
      approve_to: null,
      params_to_sign: paramsToSign,
      quote: { ...quote, source_token: quote.from.token, source_amount_lots: quote.from.amount_lots },
    };
    intents.set(id, { intent, from: body.from, to: body.to, createdMs: t, approvedAt: null, walk: null, stepMs: 0, signedData: null });
    return intent;
  }

  function approve(id, body) {
    const rec = intents.get(id);
    if (!rec) throw new Reject(404, "INTENT_NOT_FOUND", "intent not found", "intent");
    if (!isObject(body)) throw invalid("body must be an object", "approval");
    if (body.approval_type !== "permit2") throw new Reject(400, "UNSUPPORTED_APPROVAL_TYPE", `approval_type must be "permit2" for this intent`, "approval");
    if (rec.approvedAt) throw new Reject(409, "ALREADY_APPROVED", "intent already approved", "approval");
    if (now() > rec.intent.expires_at) throw new Reject(400, "INTENT_EXPIRED", "intent expired", "intent");
    let sig;
    try {
      sig = hexToBytesStrict(body.signed_data, 65, "signed_data");
    } catch (e) {
      throw invalid(e.message, "approval");
    }
    const p = rec.intent.params_to_sign;
    const digest = permit2WitnessDigest({
      chainId: p.additional_data.domain.chainId,
      permit2: p.permit2_contract_address,
      token: rec.intent.quote.source_token,
      amount: rec.intent.quote.source_amount_lots,
      spender: p.escrow_contract_address,
      nonce: p.nonce,
      deadline: rec.intent.deadline_secs,
      witness: p.additional_data.witness,
    });
    let signer;
    try {
      // Permit2's SignatureVerification hands v to ecrecover: 27/28, any s.
      signer = recoverAddress(digest, sig, { allowedV: [27, 28], allowHighS: true });
    } catch (e) {
      if (e instanceof FormatError) throw new Reject(400, "INVALID_SIGNATURE", e.message, "approval");
      throw e;
    }
    if (signer !== rec.from.address.toLowerCase()) {
      throw new Reject(400, "INVALID_SIGNATURE", "signature does not recover to from.address", "approval");
    }
    rec.approvedAt = now();
    rec.signedData = body.signed_data;
    rec.stepMs = Number(config().statusDelayMs);
    rec.walk = config().failExecution ? ["Approved", "Failed"] : ["Approved", "Verified", "Deposited", "Finished"];
    return { intent_id: id };
  }

  function statusObject(id) {
    const rec = intents.get(id);
    if (!rec) throw new Reject(404, "INTENT_NOT_FOUND", "intent not found", "intent");
    const t = now();
    let status;
    if (!rec.approvedAt) status = t > rec.intent.expires_at ? "Expired" : "Created";
    else status = rec.walk[Math.min(Math.floor((t - rec.approvedAt) / Math.max(1, rec.stepMs)), rec.walk.length - 1)];
    const q = rec.intent.quote;
    const reached = (s) => rec.walk && rec.walk.indexOf(status) >= rec.walk.indexOf(s) && rec.walk.includes(s);
    const tx = (label) => "0x" + bytesToHex(keccak_256(utf8ToBytes(`swap mock tx|${id}|${label}`)));
    const at = (s) => (reached(s) ? new Date(rec.approvedAt + rec.walk.indexOf(s) * rec.stepMs).toISOString() : null);
    return {
      intent_id: id,
      status,
      from_amount_lots: q.from.amount_lots,
      from_network_id: q.from.network_id,
      from_token: q.from.token,
      from_token_id: q.from.token_id,
      to_network_id: q.to.network_id,
      to_token: q.to.token,
      to_token_id: q.to.token_id,
      to_min_amount_lots: q.to.min_amount_lots,
      to_max_amount_lots: q.to.max_amount_lots,
      swap_metadata: {
        id: rec.intent.id,
        proxy_address: rec.intent.params_to_sign.escrow_contract_address,
        user_deposit_tx: reached("Deposited") ? tx("deposit") : null,
        fulfill_tx: reached("Finished") ? tx("fulfill") : null,
        swap_tx: reached("Finished") ? tx("swap") : null,
        created_at: new Date(rec.createdMs).toISOString(),
        user_deposited_at: at("Deposited"),
        fulfilled_at: at("Finished"),
        swapped_at: at("Finished"),
        refunded_at: null,
      },
    };
  }

  function parse(raw) {
    if (raw === undefined || raw.trim() === "") throw invalid("empty body");
    try {
      return JSON.parse(raw);
    } catch (e) {
      throw invalid(`invalid JSON body: ${e.message}`);
    }
  }

  function route(ctx) {
    const parts = ctx.path.split("/").slice(2); // after /v1
    const m = ctx.method;
    if (parts.length === 1 && parts[0] === "networks" && m === "GET") return { status: 200, body: NETWORKS };
    if (parts.length === 1 && parts[0] === "tokens" && m === "GET") {
      const limit = Math.min(Number(ctx.query.get("limit") ?? 50) || 50, 500);
      const offset = Number(ctx.query.get("offset") ?? 0) || 0;
      const q = (ctx.query.get("q") ?? "").toLowerCase();
      const net = ctx.query.get("network_id");
      const all = TOKENS.filter((t) => (!net || t.network_id === Number(net)) && (!q || t.symbol.toLowerCase().includes(q) || t.name.toLowerCase().includes(q)));
      const data = all.slice(offset, offset + limit).map(({ price, ...t }) => t);
      return { status: 200, body: { data, pagination: { limit, offset, total: all.length } } };
    }
    if (parts.length === 1 && parts[0] === "quotes" && m === "POST") return { status: 200, body: createQuote(parse(ctx.rawBody)) };
    if (parts.length === 1 && parts[0] === "intents" && m === "POST") return { status: 200, body: createIntent(parse(ctx.rawBody)) };
    if (parts.length === 3 && parts[0] === "intents" && parts[2] === "approvals" && m === "POST") return { status: 200, body: approve(parts[1], parse(ctx.rawBody)) };
    if (parts.length === 2 && parts[0] === "intents" && m === "GET") return { status: 200, body: statusObject(parts[1]) };
    throw new Reject(404, "NOT_FOUND", `not found: ${m} ${ctx.path}`, "route");
  }

  function handle(ctx) {
    try {
      return route(ctx);
    } catch (e) {
      if (e instanceof Reject) return { status: e.status, body: { code: e.code, message: e.message, entity: e.entity } };
      throw e;
    }
  }

  return { handle, reset, quotes, intents, networks: NETWORKS, tokens: TOKENS };
}
