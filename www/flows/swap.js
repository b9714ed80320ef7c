// The Permit2 flow of the swap intents API (/v1): quote → intent → the
// package's Permit2 typed data from the server's params_to_sign
// (permit2FromParamsToSign), its review (reviewPermit2) → wallet
// (eth_signTypedData_v4) → local recovery → approval → status.

import { bytesToHex, eip712Hash, eip712Recover, hexToBytes, permit2ApprovalBody, permit2FromParamsToSign, reviewPermit2 } from "/pkg/all/index.js";
import { http } from "../api.js";
import { PERMIT2_ADDRESS } from "../constants.js";
import { requireWallet } from "../state.js";
import { $, FlowError, h, httpCard, kv, pollStatus, pre, shortTime, walletAnswerNode, warningsList } from "../ui.js";

const SWAP_FINAL = new Set(["Finished", "Failed", "Expired", "Refunded", "Fulfilled", "Declined"]);

/** GET /v1/networks and /v1/tokens into `state.swapCatalog`, then fills the token selects. */
export async function loadSwapCatalog(state) {
  let swapCatalog;
  try {
    const [networks, tokenList] = await Promise.all([http("GET", "/v1/networks"), http("GET", "/v1/tokens?limit=100")]);
    swapCatalog = { networks: unwrapList(networks.body), tokens: unwrapList(tokenList.body) };
  } catch (e) {
    swapCatalog = { networks: [], tokens: [], error: e.message };
  }
  state.swapCatalog = swapCatalog;
  const evmNetworks = new Set(swapCatalog.networks.filter((n) => String(n.type ?? "EVM").toUpperCase() === "EVM").map((n) => n.id));
  const label = (t) => `${t.symbol} · ${networkName(swapCatalog, t.network_id)} · ${t.contract_address ?? "native"}`;
  const from = swapCatalog.tokens.filter((t) => evmNetworks.has(t.network_id) && t.contract_address);
  $("permit2-from").replaceChildren(...from.map((t) => h("option", { value: tokenKey(t) }, label(t))));
  $("permit2-to").replaceChildren(...swapCatalog.tokens.map((t) => h("option", { value: tokenKey(t) }, label(t))));
  const other = swapCatalog.tokens.find((t) => tokenKey(t) !== $("permit2-from").value);
  if (other) $("permit2-to").value = tokenKey(other);
}

const unwrapList = (body) => (Array.isArray(body) ? body : (body?.data ?? body?.result ?? []));
const tokenKey = (t) => `${t.network_id}:${t.contract_address ?? "native"}`;
const networkName = (swapCatalog, id) => swapCatalog?.networks.find((n) => n.id === id)?.name ?? `network ${id}`;
const tokenOf = (swapCatalog, key) => swapCatalog?.tokens.find((t) => tokenKey(t) === key);

export async function permit2Flow(state, run) {
  const w = requireWallet(state, "evm");
  const { swapCatalog } = state;
  if (!w.signTypedData) throw new FlowError("WRONG_WALLET_KIND", "This wallet cannot sign EIP-712 typed data.");
  const from = tokenOf(swapCatalog, $("permit2-from").value);
  const to = tokenOf(swapCatalog, $("permit2-to").value);
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
  httpCard(run, "execution", "Swap intent", intentRes, `approval_type ${intent.approval_type}`);
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
      ["Permit2 contract", intent.params_to_sign.permit2_contract_address + (intent.params_to_sign.permit2_contract_address.toLowerCase() === PERMIT2_ADDRESS.toLowerCase() ? " (canonical)" : " (NOT the canonical deployment)")],
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
  httpCard(run, "submit-response", "Approval answer", approved);

  await pollSwapIntent(state, run, intent.id);
}

function permitDeadline(intent) {
  const d = intent.deadline_secs ?? intent.expires_at;
  if (typeof d === "string" && !/^\d+$/.test(d)) return String(Math.floor(Date.parse(d) / 1000));
  // expires_at may be in milliseconds (as in quotes): a Permit2 deadline is in seconds.
  const n = Number(d);
  return String(n > 1e12 ? Math.floor(n / 1000) : n);
}

async function pollSwapIntent(state, run, id) {
  const path = `/v1/intents/${encodeURIComponent(id)}`;
  const { pollMs, pollLimitMs } = state.config;
  const status = await pollStatus(run, {
    read: async () => {
      const res = await http("GET", path);
      return { status: res.body?.status ?? "(unknown)", path, latest: res.body };
    },
    isFinal: (s) => SWAP_FINAL.has(s),
    isOk: (s) => s === "Finished" || s === "Fulfilled",
    pollMs,
    limitMs: pollLimitMs,
    latestLabel: "Latest intent",
    timeoutMessage: (last) => `No final status after ${pollLimitMs / 60000} minutes (last: ${last}).`,
  });
  run.done(`The swap intent ended as ${status}.`);
  return status;
}
