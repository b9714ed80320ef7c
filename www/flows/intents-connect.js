// The Intents Connect flows: a quote-backed or steps-only execution (dry run,
// or create → review → danger gate → wallet → local verification → submit →
// status), listing executions, and deleting one. Every call to the API goes
// through the package's client (api.js intentsConnectCall); the checks, the
// review and the bodies are the package's (prepareSigning, finishSigning,
// deleteExecutionRequest, finishDeleteSigning, validateExecutionRequest).

import { deleteExecutionRequest, finishDeleteSigning, finishSigning, prepareSigning, validateExecutionRequest } from "/pkg/all/index.js";
import { intentsConnectCall, scenarioQuery } from "../api.js";
import { VERIFYING_CONTRACT } from "../constants.js";
import { requireWallet } from "../state.js";
import { $, FlowError, h, httpCard, kv, pollStatus, pre, signGate, signingReviewNode, stepsReviewNodes, walletAnswerNode, walletRequestNode } from "../ui.js";
import { randomBytes } from "../wallets.js";
import { parseSteps } from "./recipes.js";

/** The statuses an execution's walk ends in (www/mock/README.md, "Lock and lifecycle"). */
const FINAL_STATUSES = new Set(["SUCCESS", "OPERATION_FAILED", "DEPOSIT_FAILED", "EXPIRED", "DELETED"]);

function knownContracts(steps, quote) {
  const set = new Set(steps.map((s) => s.to).filter((to) => /^0x[0-9a-fA-F]{40}$/.test(to)));
  if (quote?.depositAddress && /^0x[0-9a-fA-F]{40}$/.test(quote.depositAddress)) set.add(quote.depositAddress);
  return [...set];
}

function quoteBody(state, dry) {
  const w = requireWallet(state);
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

function stepsBody(state, dry) {
  requireWallet(state);
  return {
    version: "1.0",
    type: "evm",
    dry,
    destinationAsset: $("steps-destination").value,
    steps: parseSteps($("steps-json")),
    metadata: { intent: $("steps-recipe").value, title: $("steps-recipe").selectedOptions[0]?.textContent ?? "steps" },
  };
}

/** The create route, for display before the call (the client builds the URL it calls). */
function createPath(wallet, kind) {
  const base = `/api/v1/executions/${encodeURIComponent(wallet.address)}`;
  return kind === "steps" ? `${base}/steps` : base;
}

/** The package's create call for `kind` ("quote" or "steps"). */
const create = (wallet, kind, body) => (api) => (kind === "steps" ? api.createStepsExecution(wallet.address, body) : api.createExecution(wallet.address, body));

async function validateAndShow(run, wallet, body, kind) {
  run.card("request-body", "Request body", h("p", { class: "muted" }, `POST ${createPath(wallet, kind)}`), pre(body, "request-body-json"));
  validateExecutionRequest(body, { kind });
  run.card("validation", "validateExecutionRequest", h("p", { class: "ok", "data-testid": "validation-result" }, `OK: the body passes the API's 400 rules (kind "${kind}").`));
}

export async function dryRun(state, run, kind) {
  const body = kind === "steps" ? stepsBody(state, true) : quoteBody(state, true);
  const w = requireWallet(state);
  await validateAndShow(run, w, body, kind);
  run.progress("working… asking the API for a dry run");
  const res = await intentsConnectCall(create(w, kind, body));
  const ex = res.value;
  httpCard(run, "execution", "Dry-run answer", res, "no id, nothing to sign");
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
  const inter = ex?.details?.intermediaryAddress ?? state.intermediary?.evm;
  run.card(
    "steps-review",
    `The ${steps.length} steps the intermediary would run, decoded (reviewSteps)`,
    h("p", { class: "muted" }, `Intermediary ${inter ?? "?"}; argument names from the demo's ABI list; known contracts: the ones your steps call.`),
    stepsReviewNodes(steps, { intermediary: inter, knownContracts: knownContracts(body.steps, ex?.quote), placeholders: ex?.quote?.minAmountOut ? { MIN_AMOUNT_OUT: ex.quote.minAmountOut } : undefined }),
  );
  run.done("Dry run complete: nothing was created or signed.");
}

export async function createSignSubmit(state, run, kind) {
  const w = requireWallet(state);
  const body = kind === "steps" ? stepsBody(state, false) : quoteBody(state, false);
  await validateAndShow(run, w, body, kind);

  run.progress("working… creating the execution");
  const res = await intentsConnectCall(create(w, kind, body), { query: scenarioQuery(state.config.scenario) });
  const execution = res.value;
  httpCard(run, "execution", "Execution created", res);

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
    h("details", {}, h("summary", {}, `MultiPayload for ${VERIFYING_CONTRACT}`), pre(finished.multiPayload, "multipayload-json")),
  );

  const submitPath = `/api/v1/executions/${encodeURIComponent(w.address)}/submit`;
  run.card("submit-body", "Submit body", h("p", { class: "muted" }, `POST ${submitPath}`), pre(finished.submitBody, "submit-body-json"));
  run.progress("working… submitting the signature");
  const submitted = await intentsConnectCall((api) => api.submitSignature(w.address, finished.submitBody));
  httpCard(run, "submit-response", "Submit answer", submitted);

  await pollExecution(state, run, w.address, execution.id);
}

/** Polls GET /api/v1/executions/{wallet}?id= until a final status, showing each one live. */
async function pollExecution(state, run, walletAddress, id) {
  const status = await pollStatus(run, {
    read: async () => {
      const res = await intentsConnectCall((api) => api.listExecutions(walletAddress, { id }));
      const list = res.value;
      const ex = list[0];
      return {
        status: ex?.status ?? "(not found)",
        path: res.path,
        latest: ex ?? list,
        extra: ex?.transaction ? kv(Object.entries(ex.transaction).map(([k, v]) => [k, String(v)]), "status-transaction") : null,
      };
    },
    isFinal: (s) => FINAL_STATUSES.has(s),
    isOk: (s) => s === "SUCCESS" || s === "DELETED",
    pollMs: state.config.pollMs,
    limitMs: state.config.pollLimitMs,
    latestLabel: "Latest execution",
    timeoutMessage: (last) => `No final status after ${state.config.pollLimitMs / 60000} minutes (last: ${last}).`,
  });
  if (status === "SUCCESS") run.done(`The execution reached SUCCESS.`);
  else run.done(`The execution ended as ${status}.${status === "OPERATION_FAILED" ? " The funds stay at the intermediary: retry or withdraw." : ""}`, "note");
  return status;
}

// ------------------------------------------------------------------ delete

export async function listExecutions(state, run) {
  const w = requireWallet(state);
  run.progress("working… listing executions");
  const res = await intentsConnectCall((api) => api.listExecutions(w.address));
  const list = res.value;
  httpCard(run, "executions", `Executions of ${w.address}`, res);
  const open = list.filter((x) => x.id && !["SUCCESS", "DELETED"].includes(x.status));
  if (open.length && !$("delete-id").value) $("delete-id").value = open[0].id;
  run.done(`${list.length} execution(s), ${open.length} deletable or still open.`);
}

export async function makeThrowaway(state, run) {
  const w = requireWallet(state);
  const body = stepsBody(state, false);
  await validateAndShow(run, w, body, "steps");
  run.progress("working… creating an execution to delete");
  const res = await intentsConnectCall(create(w, "steps", body));
  const ex = res.value;
  httpCard(run, "execution", "Execution created (not signed)", res);
  $("delete-id").value = ex.id;
  run.done(`Created ${ex.id} (${ex.status}) for ${w.address}: it now holds the wallet's in-flight lock.`);
}

export async function deleteFlow(state, run) {
  const w = requireWallet(state);
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
  const res = await intentsConnectCall((api) => api.deleteExecution(w.address, id, body));
  httpCard(run, "submit-response", "DELETE answer", res);
  const status = res.value?.status ?? "?";
  run.card("status-card", "Status", h("p", {}, "now: ", h("span", { class: "status-now", "data-testid": "status", "data-final": status === "DELETED" ? "ok" : null }, status)));
  run.done(`Execution ${id} is ${status}.`);
}
