// The demo page's user interface: DOM helpers, the run panel (one card per
// intermediate value), errors in plain words, and the rendering of
// intent-signer's review as it comes (entries, findings, steps, what the
// wallet is asked to sign) with the danger gate before the wallet. No review
// logic here: everything shown comes from the package.

import { abiDecodeCall, bytesToHex, hexToBytes, reviewSteps } from "/pkg/all/index.js";
import { HttpError } from "./api.js";
import { MAX_STEPS, SIGNABLE_STATUSES, VERIFYING_CONTRACT } from "./constants.js";
import { base64Encode } from "./wallets.js";

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
  WRONG_VERIFYING_CONTRACT: `The intent is addressed to another verifier contract than ${VERIFYING_CONTRACT}, so it was not signed.`,
  DEADLINE_EXPIRED: "The intent's deadline has already passed: create a new execution.",
  NONCE_DEADLINE_EXCEEDED: "The intent's deadline is later than its nonce allows: the verifier would refuse it.",
  NOT_SIGNABLE: "There is nothing to sign in this execution (a dry run, or no payload).",
  INVALID_STATUS: `The execution is not waiting for a signature (its status is not ${SIGNABLE_STATUSES.join(" or ")}).`,
  WITNESS_MISMATCH: "The server's witness type string or witness hash is not what its witness gives, so the Permit2 message was not signed.",
  STEPS_REQUIRED: "A real (non-dry) execution needs at least one step.",
  RECIPIENT_NOT_ALLOWED: "quote.recipient is only allowed in an out-operation.",
  PLACEHOLDER_NOT_ALLOWED: "A placeholder is used where this kind of request does not allow it.",
  DEPOSIT_TRANSFER_REQUIRED: "An out-operation needs a transfer(token, {DEPOSIT_ADDRESS}, amount) step.",
  DESTINATION_TOKEN_NOT_USED: "A steps-only execution needs at least one step that calls the destination token.",
  TOO_MANY_STEPS: `There are more steps than the API accepts (${MAX_STEPS}).`,
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

export const $ = (id, root = document) => root.querySelector(`[data-testid="${id}"]`);

/** h("div", {class: "x", "data-testid": "y"}, child, "text", …): text is always text, never HTML. */
export function h(tag, attrs = {}, ...children) {
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
export function pretty(value) {
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

export const pre = (value, testid) => h("pre", { "data-testid": testid }, typeof value === "string" ? value : pretty(value));

export function kv(rows, testid) {
  return h(
    "dl",
    { class: "kv", "data-testid": testid },
    rows.filter(Boolean).map(([k, v, id]) => [h("dt", {}, k), h("dd", { "data-testid": id }, v)]),
  );
}

/** The library's findings as they come (most severe first), styled by severity; `itemTestid` marks each one. */
export function warningsList(warnings, testid = "warnings", itemTestid = null) {
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
export function textOrNull(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export function shortTime(ms) {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toISOString() : String(ms);
}

export function relative(ms) {
  const s = Math.round((ms - Date.now()) / 1000);
  const abs = Math.abs(s);
  const text = abs < 120 ? `${abs} s` : abs < 7200 ? `${Math.round(abs / 60)} min` : abs < 172800 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86400)} days`;
  return s >= 0 ? `in ${text}` : `${text} ago`;
}

// ------------------------------------------------------------------ the run panel

export class FlowError extends Error {
  constructor(code, message, hint) {
    super(message);
    this.code = code;
    if (hint !== undefined) this.hint = hint;
  }
}

/** One run of one flow: clears the output panel and fills it card by card. `state.busy` is true while it runs. */
export class Run {
  constructor(state, title) {
    this.state = state;
    this.panel = $("result");
    this.cards = $("cards");
    this.cards.replaceChildren();
    this.n = 0;
    $("run-title").textContent = title;
    $("result-empty").hidden = true;
    this.panel.dataset.state = "running";
    this.panel.dataset.flow = title;
    setBusy(state, true);
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

  /** Ends the run; `text` becomes the outcome card (`cls` "ok", or "note" for an end that is not a success). */
  done(text, cls = "ok") {
    $("progress").hidden = true;
    this.panel.dataset.state = "done";
    if (text) this.card("outcome", "Outcome", h("p", { class: cls, "data-testid": "outcome-text" }, text));
    setBusy(this.state, false);
  }

  fail(error) {
    $("progress").hidden = true;
    this.panel.dataset.state = "failed";
    showError(this, error);
    setBusy(this.state, false);
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

function setBusy(state, on) {
  state.busy = on;
  for (const b of document.querySelectorAll(".flow button, .settings button")) b.disabled = on;
  document.body.dataset.busy = on ? "1" : "0";
}

/** Runs `fn(run)` as one flow run (none while another runs); every throw ends it with the error shown. */
export async function runFlow(state, title, fn) {
  if (state.busy) return;
  const run = new Run(state, title);
  try {
    await fn(run);
    if (run.panel.dataset.state === "running") run.done();
  } catch (e) {
    run.fail(e);
  }
}

/** A card with one HTTP exchange (`{method, path, status, body}` from api.js): the body as it came. */
export function httpCard(run, testid, title, res, note) {
  return run.card(testid, title, h("p", { class: "muted" }, `${res.method} ${res.path} → ${res.status}`, note ? ` · ${note}` : ""), pre(res.body, `${testid}-json`));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls until a final status, showing each one live in the "status-card" card.
 * `read()` resolves to `{status, path, latest, extra?}`: the status, the path
 * polled, the object shown as "Latest …" and an optional node shown above it.
 * Resolves to the final status; throws POLL_TIMEOUT after `limitMs`.
 */
export async function pollStatus(run, { read, isFinal, isOk, pollMs, limitMs, latestLabel, timeoutMessage }) {
  const history = [];
  const started = Date.now();
  let last = null;
  for (;;) {
    const { status, path, latest, extra } = await read();
    if (status !== last) {
      history.push(`${new Date().toISOString().slice(11, 23)}  ${status}`);
      last = status;
    }
    const final = isFinal(status);
    run.card(
      "status-card",
      "Status",
      h("p", {}, "now: ", h("span", { class: "status-now", "data-testid": "status", "data-final": final ? (isOk(status) ? "ok" : "bad") : null }, status)),
      h("p", { class: "muted" }, `GET ${path} every ${pollMs} ms`),
      h("ol", { class: "history", "data-testid": "status-history" }, history.map((x) => h("li", {}, x))),
      extra ?? null,
      h("details", {}, h("summary", {}, latestLabel), pre(latest, "status-json")),
    );
    if (final) return status;
    if (Date.now() - started > limitMs) throw new FlowError("POLL_TIMEOUT", timeoutMessage(status));
    run.progress(`working… status ${status}, polling every ${pollMs} ms`);
    await sleep(pollMs);
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

export function stepsReviewNodes(steps, options) {
  const reviews = reviewSteps(steps.map(namedStep), options);
  return reviews.map((r, k) => stepReviewNode(r, k, steps[k]));
}


export function walletRequestNode(req) {
  const nodes = [];
  if (req.method === "personal_sign") {
    // params[0] is 0x + the hex of the message's UTF-8 bytes (EIP-1193 personal_sign).
    nodes.push(h("p", {}, `personal_sign of the exact text below (never re-serialised; sent as its UTF-8 bytes in 0x hex), from ${req.params[1]}`));
    nodes.push(pre(textOrNull(hexToBytes(req.params[0])) ?? req.params[0], "wallet-request-message"));
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
export function signingReviewNode(request, execution) {
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
export async function signGate(run, request) {
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

export function walletAnswerNode(answer) {
  if (typeof answer === "string") return [pre(answer, "wallet-answer-json")];
  if (answer instanceof Uint8Array) return [pre("0x" + bytesToHex(answer), "wallet-answer-json")];
  return [pre(answer, "wallet-answer-json")];
}
