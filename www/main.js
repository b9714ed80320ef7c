// The intent-signer demo page: one ES module, no bundler. It drives the
// Intents Connect API (quote-backed and steps-only executions, delete), a
// swap intents API (Permit2 approval) and an actions API (EIP-7702
// authorization), and shows every intermediate value: what the API hands
// out, the review, what the wallet is asked to sign, the wallet's answer, the
// local verification and what is sent back. Wallets: ./wallets.js.
//
// The review is intent-signer's own (prepareSigning: entries, warnings,
// review lines), shown as it comes, with no review logic here. A danger
// finding keeps the wallet button disabled until "I understand"; a refused
// payload (AMBIGUOUS_PAYLOAD) ends the run. `?scenario=NAME` asks the
// embedded mock for a hostile execution (www/mock/README.md, "Scenarios").

import init, {
  abiDecodeCall,
  abiEncodeCall,
  buildInfo,
  bytesToHex,
  deleteExecutionRequest,
  eip712Hash,
  eip712Recover,
  eip7702AuthorizationHash,
  eip7702Recover,
  finishDeleteSigning,
  finishSigning,
  hexToBytes,
  permit2ApprovalBody,
  permit2FromParamsToSign,
  prepareSigning,
  reviewEip7702Authorization,
  reviewPermit2,
  reviewSteps,
  validateExecutionRequest,
} from "/pkg/intent_signer.js";
import { WALLET_CHOICES, base64Encode, connectWallet, detectInjected, evmTestWallet, jsonText, randomBytes } from "./wallets.js";

// ------------------------------------------------------------------ constants

const USDC_BASE = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";
/** The EIP-7702 delegate contract the demo's actions flow designates and trusts. */
const KNOWN_DELEGATE = "0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B";
const USDC_BASE_ASSET = "nep141:base-0x833589fcd6edb6e08f4c7c32d4f71b54bda02913.omft.near";
const AAVE_POOL_BASE = "0xA238Dd80C259a72e81d7e4664a9801593F98d1c5";
const PERMIT2_CANONICAL = "0x000000000022D473030F116dDEE9F6B43aC78BA3";
const FINAL_STATUSES = new Set(["SUCCESS", "OPERATION_FAILED", "DEPOSIT_FAILED", "EXPIRED", "DELETED"]);
const params = new URLSearchParams(location.search);
const POLL_MS = Math.max(100, Number(params.get("pollMs")) || 1000);
/** `?scenario=NAME`: forwarded to the embedded mock's create (a hostile execution, www/mock/README.md), never to another API. */
const SCENARIO = params.get("scenario") || null;
const POLL_LIMIT_MS = 15 * 60 * 1000;
const HTTP_TIMEOUT_MS = 30_000;

/** Argument names for the functions the recipes call (display only: the selector is the same). */
const NAMED_SIGNATURES = {
  "approve(address,uint256)": "function approve(address spender, uint256 amount)",
  "transfer(address,uint256)": "function transfer(address to, uint256 amount)",
  "supply(address,uint256,address,uint16)": "function supply(address asset, uint256 amount, address onBehalfOf, uint16 referralCode)",
  "withdraw(address,uint256,address)": "function withdraw(address asset, uint256 amount, address to)",
  "requestRedeem(address,uint256)": "function requestRedeem(address receiver, uint256 shares)",
  "deposit()": "function deposit()",
};

/** One plain sentence per error code the flows can meet. */
const PLAIN = {
  SIGNATURE_MISMATCH: "The wallet's signature does not verify over the exact bytes of this request, so nothing was sent to the server.",
  AMBIGUOUS_PAYLOAD: "intent-signer refused this payload: the verifier could read it differently from any review of it (a key given twice, a malformed notification, a null where the contract has none). The wallet was not asked to sign.",
  CANCELLED: "You did not go on after the danger findings: the wallet was not asked to sign.",
  PAYLOAD_MISMATCH: "The server's payload_json and payload_bytes_base64 differ: the text you would review is not the bytes you would sign. The wallet was not asked to sign.",
  STANDARD_MISMATCH: "The payload's signing standard is not the one the execution announces. The wallet was not asked to sign.",
  WALLET_MISMATCH: "This execution must be signed by another kind of wallet than the one connected.",
  SIGNER_MISMATCH: "The intent names another signer than the connected wallet, so it was not signed.",
  WRONG_VERIFYING_CONTRACT: "The intent is addressed to another verifier contract than intents.near, so it was not signed.",
  DEADLINE_EXPIRED: "The intent's deadline has already passed: create a new execution.",
  NONCE_DEADLINE_EXCEEDED: "The intent's deadline is later than its nonce allows: the verifier would refuse it.",
  NOT_SIGNABLE: "There is nothing to sign in this execution (a dry run, or no payload).",
  INVALID_STATUS: "The execution is not waiting for a signature (its status is not CREATED or OPERATION_PENDING).",
  WITNESS_MISMATCH: "The server's witness type string or witness hash is not what its witness gives, so the Permit2 message was not signed.",
  STEPS_REQUIRED: "A real (non-dry) execution needs at least one step.",
  RECIPIENT_NOT_ALLOWED: "quote.recipient is only allowed in an out-operation.",
  PLACEHOLDER_NOT_ALLOWED: "A placeholder is used where this kind of request does not allow it.",
  DEPOSIT_TRANSFER_REQUIRED: "An out-operation needs a transfer(token, {DEPOSIT_ADDRESS}, amount) step.",
  DESTINATION_TOKEN_NOT_USED: "A steps-only execution needs at least one step that calls the destination token.",
  TOO_MANY_STEPS: "There are more steps than the API accepts (30).",
  INVALID_JSON: "The steps are not valid JSON.",
  UNKNOWN_FIELD: "A field the API does not accept is present.",
  MISSING_FIELD: "A required field is missing.",
  INVALID_ADDRESS: "An address is not 0x followed by 40 hex digits.",
  INVALID_CHECKSUM: "A mixed-case address has a wrong EIP-55 checksum.",
  INVALID_FUNCTION_SIGNATURE: "A function signature does not parse.",
  ABI_ARITY_MISMATCH: "A step has the wrong number of parameters for its function.",
  INVALID_NUMBER: "A number is not a valid integer of its type.",
  INVALID_RECOVERY_ID: "The wallet's signature has an invalid recovery byte.",
  INVALID_LENGTH: "A value has the wrong length.",
  NO_WALLET: "No wallet of this kind is available in this page.",
  NO_ACCOUNT: "The wallet did not give an account.",
  WALLET_REJECTED: "The wallet refused to sign.",
  WRONG_WALLET_KIND: "This flow needs another kind of wallet.",
  AUTHORITY_MISMATCH: "The signed authorization does not recover to the account that should delegate.",
  POLL_TIMEOUT: "The status did not reach a final state in time.",
};

const HTTP_PLAIN = {
  0: "The API could not be reached (network error, CORS or a wrong API base URL).",
  400: "The server refused the request as invalid (400).",
  401: "The server wants an API key (401): point the API base at a proxy that adds x-api-key.",
  404: "The server does not know this resource (404).",
  409: "The server reports a conflict (409): this wallet already has an execution in progress (see 3. Delete an execution to free it), or the execution is in a state that does not allow this.",
  413: "The request body is too large (413).",
  500: "The server failed (500).",
  502: "The server could not get an answer from an upstream service (502). Trying again later may work.",
  503: "The service is temporarily unavailable (503). Try again shortly.",
};

// ------------------------------------------------------------------ DOM helpers

const $ = (id, root = document) => root.querySelector(`[data-testid="${id}"]`);

/** h("div", {class: "x", "data-testid": "y"}, child, "text", …): text is always text, never HTML. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "hidden") el.hidden = true;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** JSON for people: bytes as 0x hex, bigints as decimal strings. */
function pretty(value) {
  return JSON.stringify(
    value,
    (_k, v) => {
      if (v instanceof Uint8Array) return "0x" + bytesToHex(v);
      if (typeof v === "bigint") return v.toString();
      return v;
    },
    2,
  );
}

const pre = (value, testid) => h("pre", { "data-testid": testid }, typeof value === "string" ? value : pretty(value));

function kv(rows, testid) {
  return h(
    "dl",
    { class: "kv", "data-testid": testid },
    rows.filter(Boolean).map(([k, v, id]) => [h("dt", {}, k), h("dd", { "data-testid": id }, v)]),
  );
}

/** The library's findings as they come (most severe first), styled by severity; `itemTestid` marks each one. */
function warningsList(warnings, testid = "warnings", itemTestid = null) {
  if (!warnings?.length) return h("p", { class: "muted", "data-testid": testid }, "No warnings.");
  return h(
    "ul",
    { class: "warnings", "data-testid": testid },
    warnings.map((w) =>
      h(
        "li",
        { class: `sev-${w.severity ?? "warning"}`, "data-testid": itemTestid, "data-code": w.code, "data-severity": w.severity ?? "warning", "data-path": w.path },
        h("span", { class: "sev" }, w.severity ?? "warning"),
        " ",
        h("code", {}, w.code),
        " ",
        w.message ?? "",
        w.path ? h("small", { class: "path" }, w.path) : null,
      ),
    ),
  );
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
function textOrNull(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function shortTime(ms) {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toISOString() : String(ms);
}

function relative(ms) {
  const s = Math.round((ms - Date.now()) / 1000);
  const abs = Math.abs(s);
  const text = abs < 120 ? `${abs} s` : abs < 7200 ? `${Math.round(abs / 60)} min` : abs < 172800 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86400)} days`;
  return s >= 0 ? `in ${text}` : `${text} ago`;
}

// ------------------------------------------------------------------ the run panel

class FlowError extends Error {
  constructor(code, message, hint) {
    super(message);
    this.code = code;
    if (hint !== undefined) this.hint = hint;
  }
}

class HttpError extends Error {
  constructor(method, url, status, body, text) {
    const serverText = serverErrorText(body, text);
    super(`${method} ${url} answered ${status || "nothing"}${serverText ? `: ${serverText}` : ""}`);
    this.method = method;
    this.url = url;
    this.status = status;
    this.body = body;
    this.serverText = serverText;
  }
}

function serverErrorText(body, text) {
  if (body && typeof body === "object") {
    if (typeof body.error === "string") return body.error;
    if (body.error && typeof body.error.message === "string") return body.error.message;
    if (typeof body.message === "string") return body.message;
  }
  return text ? String(text).slice(0, 500) : "";
}

let busy = false;

/** One run of one flow: clears the output panel and fills it card by card. */
class Run {
  constructor(title) {
    this.panel = $("result");
    this.cards = $("cards");
    this.cards.replaceChildren();
    this.n = 0;
    $("run-title").textContent = title;
    $("result-empty").hidden = true;
    this.panel.dataset.state = "running";
    this.panel.dataset.flow = title;
    setBusy(true);
  }

  progress(text) {
    $("progress-text").textContent = text;
    $("progress").hidden = false;
  }

  /** Adds (or replaces) the card `testid`: a title, an optional note and content nodes. */
  card(testid, title, ...content) {
    let card = $(testid, this.cards);
    const fresh = h("section", { class: "card", "data-testid": testid }, h("h3", {}, h("span", { class: "step" }, `${card?.dataset.n ?? ++this.n}.`), title), content);
    fresh.dataset.n = card?.dataset.n ?? String(this.n);
    if (card) card.replaceWith(fresh);
    else this.cards.append(fresh);
    card = fresh;
    return card;
  }

  done(text) {
    $("progress").hidden = true;
    this.panel.dataset.state = "done";
    if (text) this.card("outcome", "Outcome", h("p", { class: "ok", "data-testid": "outcome-text" }, text));
    setBusy(false);
  }

  fail(error) {
    $("progress").hidden = true;
    this.panel.dataset.state = "failed";
    showError(this, error);
    setBusy(false);
  }
}

function showError(run, e) {
  const isHttp = e instanceof HttpError;
  const code = isHttp ? `HTTP ${e.status || "error"}` : (e?.code ?? "ERROR");
  const plain = isHttp ? (HTTP_PLAIN[e.status] ?? `The server answered ${e.status}.`) : (PLAIN[e?.code] ?? "The request was refused; the code and path below say where.");
  const rows = [
    ["code", code, "error-code"],
    isHttp && ["HTTP status", String(e.status), "error-status"],
    isHttp && ["request", `${e.method} ${e.url}`, "error-request"],
    isHttp && ["server said", e.serverText || "(no error text)", "error-server-text"],
    e?.path !== undefined && ["path", e.path, "error-path"],
    e?.hint !== undefined && ["hint", e.hint, "error-hint"],
    !isHttp && ["message", e?.message ?? String(e), "error-detail"],
  ];
  const card = run.card("error", "Error", h("p", { "data-testid": "error-plain" }, plain), kv(rows, "error-fields"));
  card.classList.add("error");
  console.error(e);
}

function setBusy(on) {
  busy = on;
  for (const b of document.querySelectorAll(".flow button, .settings button")) b.disabled = on;
  document.body.dataset.busy = on ? "1" : "0";
}

/** Runs `fn(run)` as one flow run; every throw ends it with the error shown. */
async function runFlow(title, fn) {
  if (busy) return;
  const run = new Run(title);
  try {
    await fn(run);
    if (run.panel.dataset.state === "running") run.done();
  } catch (e) {
    run.fail(e);
  }
}

// ------------------------------------------------------------------ HTTP

function apiBase() {
  const v = $("api-base").value.trim().replace(/\/+$/, "");
  return v || location.origin;
}

/** fetch with JSON in and out; non-2xx → HttpError with the server's error text. */
async function http(method, path, body) {
  const url = apiBase() + path;
  let res;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? { accept: "application/json" } : { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : jsonText(body),
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
  } catch (e) {
    throw new HttpError(method, path, 0, null, `${e.name === "TimeoutError" ? "timed out" : "could not reach"} ${url}: ${e.message}`);
  }
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) throw new HttpError(method, path, res.status, json, text);
  return { status: res.status, body: json };
}

/** The Intents Connect `{result}` envelope (a bare body is tolerated, as the SDK does). */
const result = (body) => (body && typeof body === "object" && "result" in body ? body.result : body);

function httpCard(run, testid, title, method, path, res, note) {
  return run.card(testid, title, h("p", { class: "muted" }, `${method} ${path} → ${res.status}`, note ? ` · ${note}` : ""), pre(res.body, `${testid}-json`));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ wallet state

let wallet = null;
let intermediary = null; // { evm, solana, … } for the connected wallet

function requireWallet(kind) {
  if (!wallet) throw new FlowError("NO_WALLET", "Connect a wallet first (settings above).");
  if (kind && wallet.kind !== kind) {
    throw new FlowError("WRONG_WALLET_KIND", `This flow needs an ${kind.toUpperCase()} wallet; the connected one is ${wallet.kind}.`, `choose an ${kind.toUpperCase()} wallet (the EVM test wallet works) in the settings`);
  }
  return wallet;
}

async function connectSelected() {
  const id = $("wallet-select").value;
  $("wallet-address").textContent = "connecting…";
  $("wallet-kind").textContent = "…";
  $("test-key-notice").hidden = true;
  wallet = null;
  intermediary = null;
  try {
    wallet = await connectWallet(id);
  } catch (e) {
    $("wallet-address").textContent = `not connected: ${e.message}`;
    $("wallet-kind").textContent = "none";
    document.body.dataset.wallet = "";
    return;
  }
  $("wallet-address").textContent = wallet.address;
  $("wallet-kind").textContent = wallet.kind + (wallet.isTest ? " · test" : "");
  $("test-key-notice").hidden = !wallet.isTest;
  $("test-key").textContent = wallet.isTest ? wallet.testKey : "";
  document.body.dataset.wallet = wallet.address;
  await loadIntermediary();
  fillTokenSelects();
  refreshRecipes();
}

async function loadIntermediary() {
  if (!wallet) return;
  try {
    const res = await http("GET", `/api/v1/executions/${encodeURIComponent(wallet.address)}/intermediary`);
    intermediary = result(res.body);
  } catch (e) {
    intermediary = null;
    $("quote-steps-note").textContent = `Could not read the intermediary address: ${e.message}`;
  }
}

// ------------------------------------------------------------------ tokens and recipes

let tokens = { inOperation: null, outOperation: null };

async function loadTokens() {
  for (const flow of ["inOperation", "outOperation"]) {
    try {
      const res = await http("GET", `/api/v1/supported_tokens?flow=${flow}`);
      tokens[flow] = result(res.body);
    } catch (e) {
      tokens[flow] = { in: [], out: [], error: e.message };
    }
  }
  fillTokenSelects();
}

function tokenLabel(t) {
  return `${t.symbol ?? "?"} (${t.blockchain ?? "?"}) · ${t.assetId}`;
}

/** Fills a token select; keeps the user's own choice, else takes the first preferred asset listed. */
function fillSelect(select, list, preferred) {
  const previous = select.dataset.touched ? select.value : null;
  select.replaceChildren(...(list ?? []).map((t) => h("option", { value: t.assetId }, tokenLabel(t))));
  const pick = [previous, ...preferred].find((id) => id && (list ?? []).some((t) => t.assetId === id));
  if (pick) select.value = pick;
}

/** The asset a wallet of this kind naturally brings in (or receives on the way out). */
function homeAssets() {
  switch (wallet?.kind) {
    case "near":
      return ["nep141:wrap.near"];
    case "solana":
      return ["nep141:sol.omft.near"];
    default:
      return ["nep141:arb-0xaf88d065e77c8cc2239327c5edb3a432268e5831.omft.near", "nep141:eth.omft.near"];
  }
}

/** About 5 USD of the origin asset, in atomic units, unless the user typed an amount. */
function autoAmount() {
  const input = $("quote-amount");
  if (input.dataset.touched) return;
  const t = findToken($("quote-origin").value);
  if (!t || typeof t.price !== "number" || !(t.price > 0) || typeof t.decimals !== "number") return;
  const units = 5 / t.price;
  const digits = Math.max(0, t.decimals - 6);
  const scaled = BigInt(Math.max(1, Math.round(units * 10 ** Math.min(6, t.decimals)))) * 10n ** BigInt(digits);
  input.value = scaled.toString();
}

function findToken(assetId) {
  for (const f of Object.values(tokens)) {
    for (const t of [...(f?.in ?? []), ...(f?.out ?? [])]) if (t.assetId === assetId) return t;
  }
  return null;
}

function fillTokenSelects() {
  const recipe = $("quote-recipe").value;
  const flow = recipe === "aave-withdraw" ? "outOperation" : "inOperation";
  const list = tokens[flow] ?? { in: [], out: [] };
  if (recipe === "aave-withdraw") {
    fillSelect($("quote-origin"), list.in, [USDC_BASE_ASSET]);
    fillSelect($("quote-destination"), list.out, [...homeAssets(), "nep141:sol.omft.near"]);
  } else {
    fillSelect($("quote-origin"), list.in, [...homeAssets(), "nep141:sol.omft.near"]);
    fillSelect($("quote-destination"), list.out, [USDC_BASE_ASSET]);
  }
  fillSelect($("steps-destination"), tokens.inOperation?.out ?? [], [USDC_BASE_ASSET]);
  autoAmount();
  const err = tokens[flow]?.error;
  $("quote-amount-human").textContent = err ? `Could not load the token list: ${err}` : amountHint();
}

function amountHint() {
  const t = findToken($("quote-origin").value);
  const raw = $("quote-amount").value.trim();
  if (!t || !/^\d+$/.test(raw) || typeof t.decimals !== "number") return "";
  const s = raw.padStart(t.decimals + 1, "0");
  const whole = s.slice(0, s.length - t.decimals);
  const frac = s.slice(s.length - t.decimals).replace(/0+$/, "");
  return `= ${whole}${frac ? "." + frac : ""} ${t.symbol}`;
}

function evmIntermediary() {
  return intermediary?.evm ?? "0x0000000000000000000000000000000000000000";
}

function quoteRecipeSteps() {
  const inter = evmIntermediary();
  if ($("quote-recipe").value === "aave-withdraw") {
    const amount = $("quote-amount").value.trim() || "0";
    return [
      {
        to: AAVE_POOL_BASE,
        functionSignature: "withdraw(address,uint256,address)",
        parameters: [USDC_BASE, amount, inter],
        value: "0",
        metadata: { name: "Withdraw from Aave", description: "Aave v3 Pool on Base: withdraw USDC to the intermediary" },
      },
      {
        to: USDC_BASE,
        functionSignature: "transfer(address,uint256)",
        parameters: ["{DEPOSIT_ADDRESS}", amount],
        value: "0",
        metadata: { name: "Bridge out", description: "send the USDC to the 1Click deposit address" },
      },
    ];
  }
  return [
    {
      to: USDC_BASE,
      functionSignature: "approve(address,uint256)",
      parameters: [AAVE_POOL_BASE, "{MIN_AMOUNT_OUT}"],
      value: "0",
      metadata: { name: "Approve Aave", description: "let the Aave v3 Pool take the bridged USDC" },
    },
    {
      to: AAVE_POOL_BASE,
      functionSignature: "supply(address,uint256,address,uint16)",
      parameters: [USDC_BASE, "{MIN_AMOUNT_OUT}", inter, "0"],
      value: "0",
      metadata: { name: "Supply to Aave", description: "supply the USDC on behalf of the intermediary" },
    },
  ];
}

function stepsRecipeSteps() {
  const inter = evmIntermediary();
  if ($("steps-recipe").value === "aave-supply") {
    return [
      { to: USDC_BASE, functionSignature: "approve(address,uint256)", parameters: [AAVE_POOL_BASE, "1000000"], value: "0" },
      { to: AAVE_POOL_BASE, functionSignature: "supply(address,uint256,address,uint16)", parameters: [USDC_BASE, "1000000", inter, "0"], value: "0" },
    ];
  }
  return [
    { to: "0x1111111111111111111111111111111111111111", value: "0", functionSignature: "approve(address,uint256)", parameters: ["0x2222222222222222222222222222222222222222", "1000000000000000000"] },
    { to: "0x2222222222222222222222222222222222222222", value: "0", functionSignature: "requestRedeem(address,uint256)", parameters: [USDC_BASE, "1000000000000000000"] },
    { to: USDC_BASE, value: "0", functionSignature: "transfer(address,uint256)", parameters: [inter, "0"] },
  ];
}

/** Refills a steps textarea from its recipe unless the user edited it. */
function refillSteps(area, steps, force) {
  const text = JSON.stringify(steps, null, 2);
  if (force || !area.dataset.generated || area.value === area.dataset.generated) {
    area.value = text;
    area.dataset.generated = text;
  }
}

function refreshRecipes(force = false) {
  refillSteps($("quote-steps"), quoteRecipeSteps(), force);
  refillSteps($("steps-json"), stepsRecipeSteps(), force);
  const isOut = $("quote-recipe").value === "aave-withdraw";
  $("quote-recipient-field").hidden = !isOut;
  if (isOut && wallet && !$("quote-recipient").dataset.touched) $("quote-recipient").value = wallet.address;
  $("quote-steps-note").textContent = intermediary?.evm
    ? `Intermediary (runs the steps): ${intermediary.evm}`
    : wallet
      ? "The intermediary address is unknown; the recipes use the zero address."
      : "Connect a wallet: the recipes fill in its intermediary address.";
  if (!$("permit2-to-address").dataset.touched && wallet) $("permit2-to-address").value = wallet.address;
  $("quote-amount-human").textContent = amountHint();
}

function parseSteps(area) {
  try {
    return JSON.parse(area.value);
  } catch (e) {
    throw new FlowError("INVALID_JSON", `The steps are not valid JSON: ${e.message}`);
  }
}

// ------------------------------------------------------------------ rendering reviews

function nonceDeadline(info) {
  if (info?.version !== "v1") return "legacy nonce (no nonce deadline)";
  const ms = Number(BigInt(info.deadlineNs) / 1_000_000n);
  return `${shortTime(ms)} (${relative(ms)}) · salt ${info.salt}`;
}

function namedStep(step) {
  const named = NAMED_SIGNATURES[step.functionSignature];
  return named ? { ...step, functionSignature: named } : step;
}

/** A decoded step: function, named arguments, call data (decoded back), warnings. */
function stepReviewNode(r, k, step) {
  let decodedBack = null;
  if (r.calldata && r.selector) {
    try {
      decodedBack = abiDecodeCall(r.signature, r.calldata);
    } catch (e) {
      decodedBack = `does not decode: ${e.code ?? e.message}`;
    }
  }
  const name = step?.metadata?.name;
  return h(
    "div",
    { class: "step-review", "data-testid": `step-${k}` },
    h("h3", {}, `Step ${k + 1}: `, h("code", { "data-testid": `step-${k}-function` }, r.functionName || "(value transfer)"), ` on ${r.to}`, name ? ` · ${name}` : ""),
    h(
      "table",
      { class: "args", "data-testid": `step-${k}-args` },
      h("tr", {}, h("th", {}, "argument"), h("th", {}, "type"), h("th", {}, "value")),
      r.arguments.map((a, j) => h("tr", {}, h("td", {}, a.name ?? `#${j}`), h("td", {}, a.type), h("td", {}, pretty(a.value).replace(/^"|"$/g, "")))),
      h("tr", {}, h("td", {}, "value"), h("td", {}, "wei"), h("td", {}, r.value)),
    ),
    r.calldata
      ? h("p", { class: "muted" }, "call data ", h("code", { "data-testid": `step-${k}-calldata` }, "0x" + bytesToHex(r.calldata)))
      : h("p", { class: "muted" }, r.selector ? `call data not final: placeholders ${r.placeholders.map((p) => p.placeholder).join(", ")}` : "no call data (a bare value transfer)"),
    decodedBack ? h("p", { class: "muted" }, "decoded back from the call data: ", h("code", {}, pretty(decodedBack).replace(/\s+/g, " "))) : null,
    warningsList(r.warnings, `step-${k}-warnings`),
  );
}

function stepsReviewNodes(steps, options) {
  const reviews = reviewSteps(steps.map(namedStep), options);
  return reviews.map((r, k) => stepReviewNode(r, k, steps[k]));
}

function knownContracts(steps, quote) {
  const set = new Set(steps.map((s) => s.to).filter((to) => /^0x[0-9a-fA-F]{40}$/.test(to)));
  if (quote?.depositAddress && /^0x[0-9a-fA-F]{40}$/.test(quote.depositAddress)) set.add(quote.depositAddress);
  return [...set];
}

function walletRequestNode(req) {
  const nodes = [];
  if (req.method === "personal_sign") {
    nodes.push(h("p", {}, `personal_sign of the exact text below (never re-serialised), from ${req.params[1]}`));
    nodes.push(pre(req.params[0], "wallet-request-message"));
  } else if (req.nonce instanceof Uint8Array) {
    nodes.push(h("p", {}, "NEP-413 signMessage({ message, recipient, nonce }): the wallet hashes sha256(borsh(2^31+413) ‖ borsh(payload)) and signs the hash"));
    nodes.push(kv([
      ["recipient", req.recipient],
      ["nonce (hex)", "0x" + bytesToHex(req.nonce)],
      ["nonce (base64)", base64Encode(req.nonce)],
      req.callbackUrl ? ["callbackUrl", req.callbackUrl] : null,
    ]));
    nodes.push(pre(req.message, "wallet-request-message"));
  } else if (req.message instanceof Uint8Array) {
    const text = textOrNull(req.message);
    nodes.push(h("p", {}, `signMessage(bytes): ${req.message.length} bytes, ed25519 over the bytes themselves. As UTF-8 text:`));
    nodes.push(pre(text ?? "(not UTF-8)", "wallet-request-message"));
  }
  nodes.push(h("details", {}, h("summary", {}, "walletRequest as passed to the wallet"), pre(req, "wallet-request-json")));
  return nodes;
}

/** One entry of the library's review (an intent, then each EVM step): kind, summary, every field. */
function reviewEntryNode(e, k) {
  const severity = e.severity ?? "none";
  return h(
    "li",
    { class: `entry sev-${severity}`, "data-testid": "review-entry", "data-kind": e.kind, "data-severity": severity, "data-path": e.path, "data-index": k },
    h("div", { class: "entry-head" }, h("span", { class: "badge" }, e.kind), " ", e.severity ? h("span", { class: "sev" }, e.severity) : null, " ", h("span", { "data-testid": "review-entry-summary" }, e.summary)),
    h("small", { class: "path" }, e.path),
    e.fields?.length ? h("dl", { class: "kv fields" }, e.fields.map((f) => [h("dt", {}, f.name), h("dd", {}, f.value)])) : null,
  );
}

/** The library's review, as it gives it: fields of the request, findings, entries, lines. No review logic here. */
function signingReviewNode(request, execution) {
  const i = request.intent;
  const quoteLine = request.review.find((l) => l.startsWith("Quote from the server"));
  const matches = request.quoteMatches === null ? "no quote" : request.quoteMatches ? "matches the intents" : "does NOT match the intents";
  return [
    kv(
      [
        ["execution", `${request.executionId} · ${execution.status ?? "?"}`, "review-execution"],
        ["standard", request.standard, "review-standard"],
        ["wallet", request.wallet, "review-wallet"],
        ["signer", `${request.signerId} (${i.signerKind})`, "review-signer"],
        ["contract", i.verifyingContract, "review-contract"],
        ["deadline", `${i.deadline} (${relative(i.deadlineMs)})`, "review-deadline"],
        ["nonce", i.nonce, "review-nonce"],
        ["nonce deadline", nonceDeadline(i.nonceInfo), "review-nonce-deadline"],
        ["intent hash", `${request.intentHashBase58} (0x${bytesToHex(request.intentHash)})`, "review-intent-hash"],
        ["quote check", matches, "review-quote-matches"],
        quoteLine && ["quote", quoteLine, "review-quote"],
      ],
      "review-fields",
    ),
    h("h3", {}, `Findings, most severe first (${request.warnings.length})`),
    warningsList(request.warnings, "review-warnings", "review-warning"),
    h("h3", {}, `What executes, entry by entry (${request.entries.length})`),
    h("div", { "data-testid": "review-intents" }, h("ol", { class: "entries", "data-testid": "review-entries" }, request.entries.map(reviewEntryNode))),
    h("details", { open: true }, h("summary", {}, `intent-signer's review, line by line (${request.review.length})`), h("ul", { class: "words", "data-testid": "review-lines" }, request.review.map((l) => h("li", {}, l)))),
    h("details", {}, h("summary", {}, `The ${request.steps.length} steps, decoded`), request.steps.map((r, k) => stepReviewNode(r, k, execution.steps?.[k]))),
    h("details", {}, h("summary", {}, "payload_json, verbatim"), pre(request.payloadJson, "review-payload-json")),
  ];
}

/**
 * The gate before the wallet: with a danger finding, the wallet button stays
 * disabled until "I understand" is clicked; resolves when the user goes on,
 * throws CANCELLED when they stop. Without one, it resolves at once.
 */
async function signGate(run, request) {
  const danger = request.warnings.filter((w) => w.severity === "danger");
  if (!danger.length) {
    run.card("sign-gate", "Before the wallet", h("p", { class: "muted", "data-testid": "gate-text", "data-danger": "0" }, "No danger finding in intent-signer's review: the wallet is asked now."));
    return;
  }
  const ack = h("button", { type: "button", class: "danger-ack", "data-testid": "ack-danger", "aria-pressed": "false" }, "I understand: these intents can lose my funds or my account");
  const sign = h("button", { type: "button", class: "primary", "data-testid": "wallet-sign", disabled: true }, "Ask the wallet to sign");
  const cancel = h("button", { type: "button", "data-testid": "gate-cancel" }, "Stop here");
  const card = run.card(
    "sign-gate",
    "Before the wallet: danger",
    h(
      "div",
      { class: "danger-box", "data-testid": "danger-box", "data-danger": String(danger.length) },
      h("p", { "data-testid": "gate-text" }, `intent-signer's review found ${danger.length} danger finding(s): `, danger.map((w, k) => [k ? ", " : "", h("code", {}, w.code)]), ". Read them above. The wallet will not be asked unless you say you understand."),
      warningsList(danger, "danger-warnings"),
    ),
    h("div", { class: "actions" }, ack, sign, cancel),
  );
  card.classList.add("gate");
  run.panel.dataset.state = "waiting";
  run.progress("waiting for you: danger findings above");
  await new Promise((resolve, reject) => {
    ack.addEventListener("click", () => {
      ack.setAttribute("aria-pressed", "true");
      ack.disabled = true;
      sign.disabled = false;
      document.body.dataset.ackDanger = "1";
    });
    sign.addEventListener("click", () => {
      if (ack.getAttribute("aria-pressed") !== "true") return;
      sign.disabled = true;
      cancel.disabled = true;
      resolve();
    });
    cancel.addEventListener("click", () => {
      ack.disabled = sign.disabled = cancel.disabled = true;
      reject(new FlowError("CANCELLED", "Stopped at the danger findings; nothing was signed."));
    });
  });
  run.panel.dataset.state = "running";
}

function walletAnswerNode(answer) {
  if (typeof answer === "string") return [pre(answer, "wallet-answer-json")];
  if (answer instanceof Uint8Array) return [pre("0x" + bytesToHex(answer), "wallet-answer-json")];
  return [pre(answer, "wallet-answer-json")];
}

// ------------------------------------------------------------------ Intents Connect flows

function quoteBody(dry) {
  const w = requireWallet();
  const isOut = $("quote-recipe").value === "aave-withdraw";
  const body = {
    version: "1.0",
    type: "evm",
    dry,
    quote: {
      amount: $("quote-amount").value.trim(),
      originAsset: $("quote-origin").value,
      destinationAsset: $("quote-destination").value,
      slippageTolerance: Number($("quote-slippage").value.trim() || "100"),
      swapType: "EXACT_INPUT",
    },
    steps: parseSteps($("quote-steps")),
    metadata: isOut ? { intent: "aave_withdraw", title: "Withdraw from Aave" } : { intent: "aave_supply", title: "Supply to Aave" },
  };
  if (isOut) {
    body.outOperation = true;
    body.quote.recipient = $("quote-recipient").value.trim() || w.address;
  }
  return body;
}

function stepsBody(dry) {
  requireWallet();
  return {
    version: "1.0",
    type: "evm",
    dry,
    destinationAsset: $("steps-destination").value,
    steps: parseSteps($("steps-json")),
    metadata: { intent: $("steps-recipe").value, title: $("steps-recipe").selectedOptions[0]?.textContent ?? "steps" },
  };
}

function createPath(kind) {
  const base = `/api/v1/executions/${encodeURIComponent(wallet.address)}`;
  return kind === "steps" ? `${base}/steps` : base;
}

/** `?scenario=` reaches the embedded mock only: never an API on another origin. */
function scenarioQuery() {
  return SCENARIO && apiBase() === location.origin ? `?scenario=${encodeURIComponent(SCENARIO)}` : "";
}

async function validateAndShow(run, body, kind) {
  run.card("request-body", "Request body", h("p", { class: "muted" }, `POST ${createPath(kind)}`), pre(body, "request-body-json"));
  validateExecutionRequest(body, { kind });
  run.card("validation", "validateExecutionRequest", h("p", { class: "ok", "data-testid": "validation-result" }, `OK: the body passes the API's 400 rules (kind "${kind}").`));
}

async function dryRun(run, kind) {
  const body = kind === "steps" ? stepsBody(true) : quoteBody(true);
  await validateAndShow(run, body, kind);
  run.progress("working… asking the API for a dry run");
  const path = createPath(kind);
  const res = await http("POST", path, body);
  const ex = result(res.body);
  httpCard(run, "execution", "Dry-run answer", "POST", path, res, "no id, nothing to sign");
  if (ex?.quote) {
    const q = ex.quote;
    run.card(
      "quote",
      "Quote",
      kv(
        [
          ["sell", `${q.amountIn ?? q.amount} of ${q.originAsset}`, "quote-in"],
          ["receive", `${q.amountOut} (at least ${q.minAmountOut}) of ${q.destinationAsset}`, "quote-out"],
          ["USD", `${q.amountInUsd ?? "?"} → ${q.amountOutUsd ?? "?"}`],
          ["deposit address", q.depositAddress ?? "(given on create)"],
          ["recipient", q.recipient ?? "-"],
          ["quote deadline", q.deadline ?? "-"],
          ["network fee", ex.details?.networkFee ?? "-"],
          ["estimated time", ex.details?.estimatedTime ? `${ex.details.estimatedTime} s` : "-"],
        ],
        "quote-fields",
      ),
    );
  }
  const steps = ex?.steps ?? [];
  const inter = ex?.details?.intermediaryAddress ?? intermediary?.evm;
  run.card(
    "steps-review",
    `The ${steps.length} steps the intermediary would run, decoded (reviewSteps)`,
    h("p", { class: "muted" }, `Intermediary ${inter ?? "?"}; argument names from the demo's ABI list; known contracts: the ones your steps call.`),
    stepsReviewNodes(steps, { intermediary: inter, knownContracts: knownContracts(body.steps, ex?.quote), placeholders: ex?.quote?.minAmountOut ? { MIN_AMOUNT_OUT: ex.quote.minAmountOut } : undefined }),
  );
  run.done("Dry run complete: nothing was created or signed.");
}

async function createSignSubmit(run, kind) {
  const w = requireWallet();
  const body = kind === "steps" ? stepsBody(false) : quoteBody(false);
  await validateAndShow(run, body, kind);

  run.progress("working… creating the execution");
  const path = createPath(kind) + scenarioQuery();
  const res = await http("POST", path, body);
  const execution = result(res.body);
  httpCard(run, "execution", "Execution created", "POST", path, res);

  // Checked before the wallet sees anything: a mismatch stops here.
  const request = prepareSigning(execution, { wallet: w.address, now: Date.now(), knownContracts: knownContracts(body.steps ?? [], execution.quote) });
  run.card("review", "Review: what you are asked to sign", signingReviewNode(request, execution));
  await signGate(run, request);
  run.card("wallet-request", `What the wallet is asked to sign (${request.standard})`, walletRequestNode(request.walletRequest));

  run.progress(`working… waiting for the wallet (${w.label})`);
  const answer = await w.signPayload(request.walletRequest);
  run.card("wallet-answer", "The wallet's answer", walletAnswerNode(answer));

  const finished = finishSigning(request, answer);
  run.card(
    "verification",
    "Local verification (finishSigning)",
    h("p", { class: "ok", "data-testid": "verification-result" }, `Verified: the signature covers the exact bytes and comes from ${finished.signerId}.`),
    kv([
      ["signer", finished.signerId],
      ["intent hash", finished.intentHashBase58],
    ]),
    h("details", {}, h("summary", {}, "MultiPayload for intents.near"), pre(finished.multiPayload, "multipayload-json")),
  );

  const submitPath = `/api/v1/executions/${encodeURIComponent(w.address)}/submit`;
  run.card("submit-body", "Submit body", h("p", { class: "muted" }, `POST ${submitPath}`), pre(finished.submitBody, "submit-body-json"));
  run.progress("working… submitting the signature");
  const submitted = await http("POST", submitPath, finished.submitBody);
  httpCard(run, "submit-response", "Submit answer", "POST", submitPath, submitted);

  await pollExecution(run, w.address, execution.id);
}

/** Polls GET /api/v1/executions/{wallet}?id= until a final status, showing each one live. */
async function pollExecution(run, walletAddress, id) {
  const path = `/api/v1/executions/${encodeURIComponent(walletAddress)}?id=${encodeURIComponent(id)}`;
  const history = [];
  const started = Date.now();
  let last = null;
  for (;;) {
    const res = await http("GET", path);
    const list = result(res.body);
    const ex = Array.isArray(list) ? list[0] : undefined;
    const status = ex?.status ?? "(not found)";
    if (status !== last) {
      history.push(`${new Date().toISOString().slice(11, 23)}  ${status}`);
      last = status;
    }
    const final = FINAL_STATUSES.has(status);
    run.card(
      "status-card",
      "Status",
      h("p", {}, "now: ", h("span", { class: "status-now", "data-testid": "status", "data-final": final ? (status === "SUCCESS" || status === "DELETED" ? "ok" : "bad") : null }, status)),
      h("p", { class: "muted" }, `GET ${path} every ${POLL_MS} ms`),
      h("ol", { class: "history", "data-testid": "status-history" }, history.map((x) => h("li", {}, x))),
      ex?.transaction ? kv(Object.entries(ex.transaction).map(([k, v]) => [k, String(v)]), "status-transaction") : null,
      h("details", {}, h("summary", {}, "Latest execution"), pre(ex ?? list, "status-json")),
    );
    if (final) {
      if (status === "SUCCESS") run.done(`The execution reached SUCCESS.`);
      else {
        $("progress").hidden = true;
        run.panel.dataset.state = "done";
        run.card("outcome", "Outcome", h("p", { class: "note", "data-testid": "outcome-text" }, `The execution ended as ${status}.${status === "OPERATION_FAILED" ? " The funds stay at the intermediary: retry or withdraw." : ""}`));
        setBusy(false);
      }
      return status;
    }
    if (Date.now() - started > POLL_LIMIT_MS) throw new FlowError("POLL_TIMEOUT", `No final status after ${POLL_LIMIT_MS / 60000} minutes (last: ${status}).`);
    run.progress(`working… status ${status}, polling every ${POLL_MS} ms`);
    await sleep(POLL_MS);
  }
}

// ------------------------------------------------------------------ delete

async function listExecutions(run) {
  const w = requireWallet();
  const path = `/api/v1/executions/${encodeURIComponent(w.address)}`;
  run.progress("working… listing executions");
  const res = await http("GET", path);
  const list = result(res.body) ?? [];
  httpCard(run, "executions", `Executions of ${w.address}`, "GET", path, res);
  const open = list.filter((x) => x.id && !["SUCCESS", "DELETED"].includes(x.status));
  if (open.length && !$("delete-id").value) $("delete-id").value = open[0].id;
  run.done(`${list.length} execution(s), ${open.length} deletable or still open.`);
}

async function makeThrowaway(run) {
  const w = requireWallet();
  const body = stepsBody(false);
  await validateAndShow(run, body, "steps");
  run.progress("working… creating an execution to delete");
  const path = createPath("steps");
  const res = await http("POST", path, body);
  const ex = result(res.body);
  httpCard(run, "execution", "Execution created (not signed)", "POST", path, res);
  $("delete-id").value = ex.id;
  run.done(`Created ${ex.id} (${ex.status}) for ${w.address}: it now holds the wallet's in-flight lock.`);
}

async function deleteFlow(run) {
  const w = requireWallet();
  const id = $("delete-id").value.trim();
  if (!id) throw new FlowError("MISSING_FIELD", "Give the id of the execution to delete (or create one first).");
  const request = deleteExecutionRequest(id, w.address, { nonce: randomBytes(32) });
  run.card(
    "review",
    "Review: what you are asked to sign",
    kv([
      ["execution", request.executionId, "review-execution"],
      ["standard", request.standard, "review-standard"],
      ["wallet", request.wallet, "review-wallet"],
      ["message", request.message, "review-message"],
    ]),
    h("p", { class: "muted" }, "The literal ASCII text, no JSON and no hashing before the wallet's own scheme."),
  );
  run.card("wallet-request", `What the wallet is asked to sign (${request.standard})`, walletRequestNode(request.walletRequest));
  run.progress(`working… waiting for the wallet (${w.label})`);
  const answer = await w.signPayload(request.walletRequest);
  run.card("wallet-answer", "The wallet's answer", walletAnswerNode(answer));
  const body = finishDeleteSigning(request, answer);
  run.card("verification", "Local verification (finishDeleteSigning)", h("p", { class: "ok", "data-testid": "verification-result" }, `Verified: the signature covers "${request.message}" and comes from ${w.address}.`));
  const path = `/api/v1/executions/${encodeURIComponent(w.address)}/${encodeURIComponent(id)}`;
  run.card("submit-body", "DELETE body", h("p", { class: "muted" }, `DELETE ${path}`), pre(body, "submit-body-json"));
  run.progress("working… deleting");
  const res = await http("DELETE", path, body);
  httpCard(run, "submit-response", "DELETE answer", "DELETE", path, res);
  const status = result(res.body)?.status ?? "?";
  run.card("status-card", "Status", h("p", {}, "now: ", h("span", { class: "status-now", "data-testid": "status", "data-final": status === "DELETED" ? "ok" : null }, status)));
  run.done(`Execution ${id} is ${status}.`);
}

// ------------------------------------------------------------------ Permit2 (swap intents API)

let swapCatalog = null;

async function loadSwapCatalog() {
  try {
    const [networks, tokenList] = await Promise.all([http("GET", "/v1/networks"), http("GET", "/v1/tokens?limit=100")]);
    swapCatalog = { networks: unwrapList(networks.body), tokens: unwrapList(tokenList.body) };
  } catch (e) {
    swapCatalog = { networks: [], tokens: [], error: e.message };
  }
  const evmNetworks = new Set(swapCatalog.networks.filter((n) => String(n.type ?? "EVM").toUpperCase() === "EVM").map((n) => n.id));
  const label = (t) => `${t.symbol} · ${networkName(t.network_id)} · ${t.contract_address ?? "native"}`;
  const from = swapCatalog.tokens.filter((t) => evmNetworks.has(t.network_id) && t.contract_address);
  $("permit2-from").replaceChildren(...from.map((t) => h("option", { value: tokenKey(t) }, label(t))));
  $("permit2-to").replaceChildren(...swapCatalog.tokens.map((t) => h("option", { value: tokenKey(t) }, label(t))));
  const other = swapCatalog.tokens.find((t) => tokenKey(t) !== $("permit2-from").value);
  if (other) $("permit2-to").value = tokenKey(other);
}

const unwrapList = (body) => (Array.isArray(body) ? body : (body?.data ?? body?.result ?? []));
const tokenKey = (t) => `${t.network_id}:${t.contract_address ?? "native"}`;
const networkName = (id) => swapCatalog?.networks.find((n) => n.id === id)?.name ?? `network ${id}`;
const tokenOf = (key) => swapCatalog?.tokens.find((t) => tokenKey(t) === key);

async function permit2Flow(run) {
  const w = requireWallet("evm");
  if (!w.signTypedData) throw new FlowError("WRONG_WALLET_KIND", "This wallet cannot sign EIP-712 typed data.");
  const from = tokenOf($("permit2-from").value);
  const to = tokenOf($("permit2-to").value);
  if (!from || !to) throw new FlowError("MISSING_FIELD", `Pick both tokens${swapCatalog?.error ? ` (the token list did not load: ${swapCatalog.error})` : ""}.`);

  run.progress("working… asking for a quote");
  const quoteBodyJson = {
    from: { network_id: from.network_id, token: from.contract_address },
    to: { network_id: to.network_id, token: to.contract_address },
    amount: Number($("permit2-amount").value.trim() || "0"),
    slippage_bps: "50",
  };
  const quoteRes = await http("POST", "/v1/quotes", quoteBodyJson);
  const quote = quoteRes.body;
  run.card("quote", "Quote", h("p", { class: "muted" }, "POST /v1/quotes → " + quoteRes.status), pre(quoteBodyJson, "quote-request-json"), pre(quote, "quote-json"));

  const intentBody = {
    quote_id: quote.id,
    from: { address: w.address, refund_address: w.address },
    to: { address: $("permit2-to-address").value.trim() || w.address },
  };
  run.card("request-body", "Intent request", h("p", { class: "muted" }, "POST /v1/intents"), pre(intentBody, "request-body-json"));
  run.progress("working… creating the swap intent");
  const intentRes = await http("POST", "/v1/intents", intentBody);
  const intent = intentRes.body;
  httpCard(run, "execution", "Swap intent", "POST", "/v1/intents", intentRes, `approval_type ${intent.approval_type}`);
  if (intent.approval_type !== "permit2") throw new FlowError("NOT_SIGNABLE", `This intent wants a "${intent.approval_type}" approval; this page signs Permit2 only.`);

  // What is permitted: the quote's source token and amount, until the intent's deadline.
  const args = {
    token: intent.quote?.source_token ?? intent.quote?.from?.token ?? quote.from.token,
    amount: String(intent.quote?.source_amount_lots ?? intent.quote?.from?.amount_lots ?? quote.from.amount_lots),
    deadline: permitDeadline(intent),
  };
  const permit = permit2FromParamsToSign(intent.params_to_sign, args);
  const review = reviewPermit2(permit.typedData, { now: Date.now(), knownSpenders: [intent.params_to_sign.escrow_contract_address] });
  run.card(
    "review",
    "Review: what the Permit2 signature grants",
    h("ul", { class: "words", "data-testid": "review-lines" }, review.lines.map((l) => h("li", {}, l))),
    kv([
      ["token, amount, deadline", `${args.token}, ${args.amount}, ${args.deadline} (${shortTime(Number(args.deadline) * 1000)})`],
      ["spender (escrow)", intent.params_to_sign.escrow_contract_address],
      ["Permit2 contract", intent.params_to_sign.permit2_contract_address + (intent.params_to_sign.permit2_contract_address.toLowerCase() === PERMIT2_CANONICAL.toLowerCase() ? " (canonical)" : " (NOT the canonical deployment)")],
      ["witness type string", permit.witnessTypeString ?? "-"],
      ["witness hash", permit.witnessHash ? "0x" + bytesToHex(permit.witnessHash) + " (matches the server's)" : "-"],
      ["EIP-712 digest", "0x" + bytesToHex(permit.digest), "review-digest"],
    ]),
    h("h3", {}, "Warnings"),
    warningsList([...permit.warnings, ...review.warnings.filter((w2) => !permit.warnings.some((p) => p.code === w2.code))], "review-warnings"),
  );
  run.card("wallet-request", "What the wallet is asked to sign (eth_signTypedData_v4)", h("p", {}, `eth_signTypedData_v4 from ${w.address}, with this object as JSON:`), pre(permit.typedData, "wallet-request-json"));

  run.progress(`working… waiting for the wallet (${w.label})`);
  const answer = await w.signTypedData(permit.typedData);
  run.card("wallet-answer", "The wallet's answer", walletAnswerNode(answer));

  const sig = typeof answer === "string" ? hexToBytes(answer) : answer;
  const recovered = eip712Recover(permit.typedData, sig);
  if (recovered.toLowerCase() !== w.address.toLowerCase()) {
    throw new FlowError("SIGNATURE_MISMATCH", `The typed-data signature recovers to ${recovered}, not to the wallet ${w.address}. Nothing was sent.`, "the wallet signed other typed data than shown");
  }
  run.card(
    "verification",
    "Local verification (eip712Recover)",
    h("p", { class: "ok", "data-testid": "verification-result" }, `Verified: the signature over digest 0x${bytesToHex(eip712Hash(permit.typedData))} recovers to ${recovered}.`),
  );

  const body = permit2ApprovalBody(sig);
  const approvePath = `/v1/intents/${encodeURIComponent(intent.id)}/approvals`;
  run.card("submit-body", "Approval body", h("p", { class: "muted" }, `POST ${approvePath}`), pre(body, "submit-body-json"));
  run.progress("working… sending the approval");
  const approved = await http("POST", approvePath, body);
  httpCard(run, "submit-response", "Approval answer", "POST", approvePath, approved);

  await pollSwapIntent(run, intent.id);
}

function permitDeadline(intent) {
  const d = intent.deadline_secs ?? intent.expires_at;
  if (typeof d === "string" && !/^\d+$/.test(d)) return String(Math.floor(Date.parse(d) / 1000));
  // expires_at may be in milliseconds (as in quotes): a Permit2 deadline is in seconds.
  const n = Number(d);
  return String(n > 1e12 ? Math.floor(n / 1000) : n);
}

const SWAP_FINAL = new Set(["Finished", "Failed", "Expired", "Refunded", "Fulfilled", "Declined"]);

async function pollSwapIntent(run, id) {
  const path = `/v1/intents/${encodeURIComponent(id)}`;
  const history = [];
  const started = Date.now();
  let last = null;
  for (;;) {
    const res = await http("GET", path);
    const status = res.body?.status ?? "(unknown)";
    if (status !== last) {
      history.push(`${new Date().toISOString().slice(11, 23)}  ${status}`);
      last = status;
    }
    const final = SWAP_FINAL.has(status);
    run.card(
      "status-card",
      "Status",
      h("p", {}, "now: ", h("span", { class: "status-now", "data-testid": "status", "data-final": final ? (status === "Finished" || status === "Fulfilled" ? "ok" : "bad") : null }, status)),
      h("p", { class: "muted" }, `GET ${path} every ${POLL_MS} ms`),
      h("ol", { class: "history", "data-testid": "status-history" }, history.map((x) => h("li", {}, x))),
      h("details", {}, h("summary", {}, "Latest intent"), pre(res.body, "status-json")),
    );
    if (final) {
      run.done(`The swap intent ended as ${status}.`);
      return status;
    }
    if (Date.now() - started > POLL_LIMIT_MS) throw new FlowError("POLL_TIMEOUT", `No final status after ${POLL_LIMIT_MS / 60000} minutes (last: ${status}).`);
    run.progress(`working… status ${status}, polling every ${POLL_MS} ms`);
    await sleep(POLL_MS);
  }
}

// ------------------------------------------------------------------ EIP-7702 (actions API)

async function authorizationFlow(run) {
  const w = requireWallet();
  const auth = {
    chainId: $("auth-chain").value.trim(),
    address: $("auth-address").value.trim(),
    nonce: $("auth-nonce").value.trim(),
  };
  let signer = w;
  let note = null;
  if (w.kind !== "evm" || typeof w.signAuthorization !== "function") {
    signer = evmTestWallet();
    note =
      w.kind !== "evm"
        ? `An EIP-7702 authorization is signed by an EVM account; the connected wallet is ${w.kind}. The EVM TEST wallet (public test key) signs instead.`
        : "EIP-7702 signing is wallet-specific: there is no standard RPC method a page can call (eth_sign of the hash is refused by most wallets, rightly). This wallet exposes none, so the EVM TEST wallet (public test key) signs instead; with a wallet that supports it, its own API would be used here.";
  }
  const hash = eip7702AuthorizationHash(auth);
  // The delegate this demo trusts (the form's default); any other is UNKNOWN_DELEGATE (danger).
  const warnings = reviewEip7702Authorization(auth, { knownDelegates: [KNOWN_DELEGATE] });
  run.card(
    "review",
    "Review: the authorization",
    kv([
      ["authority (signs)", signer.address, "review-signer"],
      ["delegate contract", auth.address, "review-contract"],
      ["chain id", auth.chainId === "0" ? "0 (ANY chain)" : auth.chainId],
      ["account nonce", auth.nonce],
      ["hash", "0x" + bytesToHex(hash), "review-digest"],
    ]),
    h("p", {}, `Signing lets ${auth.address} run code as ${signer.address} on chain ${auth.chainId} until replaced.`),
    h("h3", {}, "Warnings"),
    warningsList(warnings, "review-warnings"),
    note ? h("p", { class: "note", "data-testid": "auth-note" }, note) : null,
  );
  run.card("wallet-request", "What the wallet is asked to sign", h("p", {}, "keccak256(0x05 ‖ rlp([chainId, address, nonce])) for:"), pre(auth, "wallet-request-json"));

  run.progress(`working… waiting for the wallet (${signer.label})`);
  const signed = await signer.signAuthorization(auth);
  run.card("wallet-answer", "The wallet's answer", pre(signed, "wallet-answer-json"));

  const sig = hexToBytes(
    signed.r.replace(/^0x/, "").padStart(64, "0") + signed.s.replace(/^0x/, "").padStart(64, "0") + (Number(signed.yParity ?? signed.v) % 27).toString(16).padStart(2, "0"),
  );
  const authority = eip7702Recover(auth, sig);
  if (authority.toLowerCase() !== signer.address.toLowerCase()) {
    throw new FlowError("AUTHORITY_MISMATCH", `The authorization recovers to ${authority}, not to ${signer.address}. Nothing was sent.`);
  }
  run.card("verification", "Local verification (eip7702Recover)", h("p", { class: "ok", "data-testid": "verification-result" }, `Verified: the authorization recovers to ${authority}.`));

  // The 7702-mode intent: one chain batch with one call, signed by the same account.
  // Spice's batch/intent hashing is not public (apis.md §D.5) and the mock stores
  // this signature without checking it: the page signs an EIP-712 stand-in.
  const chainId = Number(signed.chainId);
  const calls = [{ to: USDC_BASE, value: "0", data: "0x" + bytesToHex(abiEncodeCall("approve(address,uint256)", [AAVE_POOL_BASE, "1000000"])) }];
  const batchTypedData = {
    types: {
      EIP712Domain: [
        { name: "name", type: "string" },
        { name: "version", type: "string" },
        { name: "chainId", type: "uint256" },
      ],
      Call: [
        { name: "to", type: "address" },
        { name: "value", type: "uint256" },
        { name: "data", type: "bytes" },
      ],
      ChainBatch: [
        { name: "chainId", type: "uint256" },
        { name: "calls", type: "Call[]" },
        { name: "recentBlock", type: "uint256" },
      ],
    },
    primaryType: "ChainBatch",
    domain: { name: "intent-signer demo stand-in", version: "1", chainId },
    message: { chainId, calls, recentBlock: "0" },
  };
  const batchHash = "0x" + bytesToHex(eip712Hash(batchTypedData));
  run.card(
    "intent-request",
    "The intent's chain batch (stand-in signature)",
    h("p", { class: "note" }, "How Spice hashes chain batches and intents is not public, and the mock stores the intent signature without checking it. This page signs an EIP-712 stand-in over the batch with the same account, so every value is still shown and checked here."),
    pre(batchTypedData, "intent-typed-data-json"),
  );
  run.progress(`working… waiting for the wallet (${signer.label}): the intent`);
  const intentAnswer = await signer.signTypedData(batchTypedData);
  const intentSig = typeof intentAnswer === "string" ? hexToBytes(intentAnswer) : intentAnswer;
  const intentSigner = eip712Recover(batchTypedData, intentSig);
  if (intentSigner.toLowerCase() !== signer.address.toLowerCase()) {
    throw new FlowError("SIGNATURE_MISMATCH", `The intent signature recovers to ${intentSigner}, not to ${signer.address}. Nothing was sent.`);
  }
  run.card(
    "intent-request",
    "The intent's chain batch (stand-in signature)",
    h("p", { class: "note" }, "How Spice hashes chain batches and intents is not public, and the mock stores the intent signature without checking it. This page signs an EIP-712 stand-in over the batch with the same account, so every value is still shown and checked here."),
    kv([
      ["batch hash", batchHash],
      ["signature", "0x" + bytesToHex(intentSig), "intent-signature"],
      ["recovers to", `${intentSigner} (checked with eip712Recover)`],
    ]),
    h("details", {}, h("summary", {}, "The typed data signed"), pre(batchTypedData, "intent-typed-data-json")),
  );
  const now = Math.floor(Date.now() / 1000);
  const body = {
    user: signer.address,
    chainAuthorizations: [
      {
        address: signed.address,
        chainId,
        nonce: Number(signed.nonce),
        r: signed.r,
        s: signed.s,
        yParity: signed.yParity,
      },
    ],
    intents: [
      {
        mode: "7702",
        signatureType: "eip712",
        signature: "0x" + bytesToHex(intentSig),
        nbf: now,
        exp: now + 600,
        chainBatches: [{ hash: batchHash, chainId, tokenTransfers: [], calls }],
      },
    ],
  };
  run.card("submit-body", "Action body", h("p", { class: "muted" }, "POST /actions"), pre(body, "submit-body-json"));
  run.progress("working… creating the action");
  const res = await http("POST", "/actions", body);
  httpCard(run, "submit-response", "Action created", "POST", "/actions", res);
  const actionId = res.body?.actionId ?? res.body?.data?.actionId;
  if (actionId) await pollAction(run, actionId);
  else run.done("Action created.");
}

async function pollAction(run, actionId) {
  const execPath = `/actions/${encodeURIComponent(actionId)}/intents/0/steps/0`;
  run.progress("working… executing step 0");
  const exec = await http("POST", execPath, { action: "execute" });
  httpCard(run, "execute-response", "Step 0 execute", "POST", execPath, exec);
  const path = `/actions/${encodeURIComponent(actionId)}`;
  const history = [];
  const started = Date.now();
  let last = null;
  for (;;) {
    const res = await http("GET", path);
    const data = res.body?.data ?? res.body;
    const status = data?.status ?? "(unknown)";
    if (status !== last) {
      history.push(`${new Date().toISOString().slice(11, 23)}  ${status}`);
      last = status;
    }
    const final = ["success", "completed", "failed", "SUCCESS", "FAILED"].includes(status);
    run.card(
      "status-card",
      "Status",
      h("p", {}, "now: ", h("span", { class: "status-now", "data-testid": "status", "data-final": final ? (/fail/i.test(status) ? "bad" : "ok") : null }, status)),
      h("p", { class: "muted" }, `GET ${path} every ${POLL_MS} ms`),
      h("ol", { class: "history", "data-testid": "status-history" }, history.map((x) => h("li", {}, x))),
      h("details", {}, h("summary", {}, "Latest action"), pre(res.body, "status-json")),
    );
    if (final) {
      run.done(`The action ended as ${status}.`);
      return;
    }
    if (Date.now() - started > POLL_LIMIT_MS) throw new FlowError("POLL_TIMEOUT", `No final status (last: ${status}).`);
    run.progress(`working… status ${status}, polling every ${POLL_MS} ms`);
    await sleep(POLL_MS);
  }
}

// ------------------------------------------------------------------ wiring

function selectTab(flow) {
  for (const b of document.querySelectorAll(".tabs button")) b.setAttribute("aria-selected", String(b.dataset.flow === flow));
  for (const s of document.querySelectorAll("section.flow")) s.hidden = s.dataset.flow !== flow;
}

function on(testid, event, fn) {
  $(testid).addEventListener(event, fn);
}

async function main() {
  await init();
  const info = buildInfo();
  $("wasm-status").textContent = `intent-signer ${info.version} loaded (WebAssembly).`;
  if (SCENARIO) {
    $("scenario-banner").hidden = false;
    $("scenario-name").textContent = SCENARIO;
  }
  $("build-info").textContent = `intent-signer ${info.version} · git ${info.gitHead.slice(0, 12)} · ${info.rustc}`;

  const detected = detectInjected();
  $("wallet-select").replaceChildren(
    ...WALLET_CHOICES.map((c) => {
      const injected = c.id.startsWith("injected-");
      return h("option", { value: c.id }, c.label + (injected && !detected[c.kind] ? " (not detected)" : ""));
    }),
  );
  $("wallet-detected").textContent = `Detected in this page: ${Object.entries(detected).filter(([, v]) => v).map(([k]) => k).join(", ") || "no injected wallet"}. The test wallets need no extension.`;

  for (const b of document.querySelectorAll(".tabs button")) b.addEventListener("click", () => selectTab(b.dataset.flow));
  on("wallet-select", "change", connectSelected);
  on("wallet-connect", "click", connectSelected);
  on("api-base", "change", async () => {
    await loadTokens();
    await loadSwapCatalog();
    await loadIntermediary();
    refreshRecipes();
  });
  on("quote-recipe", "change", () => {
    for (const id of ["quote-origin", "quote-destination", "quote-amount"]) delete $(id).dataset.touched;
    fillTokenSelects();
    refreshRecipes(true);
  });
  on("steps-recipe", "change", () => refreshRecipes(true));
  on("quote-amount", "input", (e) => {
    e.target.dataset.touched = "1";
    refreshRecipes();
  });
  on("quote-origin", "change", (e) => {
    e.target.dataset.touched = "1";
    autoAmount();
    refreshRecipes();
  });
  on("quote-destination", "change", (e) => (e.target.dataset.touched = "1"));
  on("quote-recipient", "input", (e) => (e.target.dataset.touched = "1"));
  on("permit2-to-address", "input", (e) => (e.target.dataset.touched = "1"));
  on("quote-reset", "click", () => refreshRecipes(true));
  on("steps-reset", "click", () => refreshRecipes(true));

  on("dry-run", "click", () => runFlow("Quote-backed execution: dry run", (run) => dryRun(run, "quote")));
  on("create", "click", () => runFlow("Quote-backed execution", (run) => createSignSubmit(run, "quote")));
  on("steps-dry-run", "click", () => runFlow("Steps-only execution: dry run", (run) => dryRun(run, "steps")));
  on("steps-create", "click", () => runFlow("Steps-only execution", (run) => createSignSubmit(run, "steps")));
  on("delete-list", "click", () => runFlow("List executions", listExecutions));
  on("delete-make", "click", () => runFlow("Create an execution to delete", makeThrowaway));
  on("delete-run", "click", () => runFlow("Delete an execution", deleteFlow));
  on("permit2-run", "click", () => runFlow("Permit2 approval", permit2Flow));
  on("auth-run", "click", () => runFlow("EIP-7702 authorization", authorizationFlow));

  $("auth-address").value = KNOWN_DELEGATE;
  await Promise.all([loadTokens(), loadSwapCatalog()]);
  $("wallet-select").value = "test-evm";
  await connectSelected();
  document.body.dataset.ready = "1";
}

main().catch((e) => {
  $("wasm-status").textContent = `intent-signer failed to load: ${e.message}`;
  document.body.dataset.ready = "error";
  console.error(e);
});

