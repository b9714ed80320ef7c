// The intent-signer demo page's entry: loads the package's web build, wires
// the settings and the tabs, and starts the flows. No bundler: plain ES
// modules.
//
//   ui.js                    DOM helpers, the run panel, errors, the review and the danger gate
//   api.js                   HTTP: Intents Connect through intent-signer/intents-connect; /v1 and /actions
//   state.js                 the one state object (settings, wallet, loaded lists)
//   constants.js             the core's constants the package does not export yet, and the demo's own
//   flows/intents-connect.js quote-backed and steps-only executions, list, delete
//   flows/recipes.js         the Intents Connect forms: intermediary, tokens, step recipes
//   flows/swap.js            the Permit2 approval of the swap intents API
//   flows/actions.js         the EIP-7702 authorization of the actions API
//   wallets.js               the wallets (injected, and test wallets with public test keys)
//
// The review is intent-signer's own (prepareSigning: entries, warnings,
// review lines), shown as it comes, with no review logic here. A danger
// finding keeps the wallet button disabled until "I understand"; a refused
// payload (AMBIGUOUS_PAYLOAD) ends the run. `?scenario=NAME` asks the
// embedded mock for a hostile execution (www/mock/README.md, "Scenarios").

import { buildInfo, ready } from "/pkg/all/index.js";
import { KNOWN_DELEGATE } from "./constants.js";
import { authorizationFlow } from "./flows/actions.js";
import { createSignSubmit, deleteFlow, dryRun, listExecutions, makeThrowaway } from "./flows/intents-connect.js";
import { autoAmount, fillTokenSelects, loadIntermediary, loadTokens, refreshRecipes } from "./flows/recipes.js";
import { loadSwapCatalog, permit2Flow } from "./flows/swap.js";
import { createState } from "./state.js";
import { $, h, runFlow } from "./ui.js";
import { WALLET_CHOICES, connectWallet, detectInjected } from "./wallets.js";

async function connectSelected(state) {
  const id = $("wallet-select").value;
  $("wallet-address").textContent = "connecting…";
  $("wallet-kind").textContent = "…";
  $("test-key-notice").hidden = true;
  state.wallet = null;
  state.intermediary = null;
  let wallet;
  try {
    wallet = await connectWallet(id);
  } catch (e) {
    $("wallet-address").textContent = `not connected: ${e.message}`;
    $("wallet-kind").textContent = "none";
    document.body.dataset.wallet = "";
    return;
  }
  state.wallet = wallet;
  $("wallet-address").textContent = wallet.address;
  $("wallet-kind").textContent = wallet.kind + (wallet.isTest ? " · test" : "");
  $("test-key-notice").hidden = !wallet.isTest;
  $("test-key").textContent = wallet.isTest ? wallet.testKey : "";
  document.body.dataset.wallet = wallet.address;
  await loadIntermediary(state);
  fillTokenSelects(state);
  refreshRecipes(state);
}

function selectTab(flow) {
  for (const b of document.querySelectorAll(".tabs button")) b.setAttribute("aria-selected", String(b.dataset.flow === flow));
  for (const s of document.querySelectorAll("section.flow")) s.hidden = s.dataset.flow !== flow;
}

function on(testid, event, fn) {
  $(testid).addEventListener(event, fn);
}

async function main() {
  const state = createState();
  await ready();
  const info = buildInfo();
  $("wasm-status").textContent = `intent-signer ${info.version} loaded (WebAssembly).`;
  if (state.config.scenario) {
    $("scenario-banner").hidden = false;
    $("scenario-name").textContent = state.config.scenario;
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

  const connect = () => connectSelected(state);
  for (const b of document.querySelectorAll(".tabs button")) b.addEventListener("click", () => selectTab(b.dataset.flow));
  on("wallet-select", "change", connect);
  on("wallet-connect", "click", connect);
  on("api-base", "change", async () => {
    await loadTokens(state);
    await loadSwapCatalog(state);
    await loadIntermediary(state);
    refreshRecipes(state);
  });
  on("quote-recipe", "change", () => {
    for (const id of ["quote-origin", "quote-destination", "quote-amount"]) delete $(id).dataset.touched;
    fillTokenSelects(state);
    refreshRecipes(state, true);
  });
  on("steps-recipe", "change", () => refreshRecipes(state, true));
  on("quote-amount", "input", (e) => {
    e.target.dataset.touched = "1";
    refreshRecipes(state);
  });
  on("quote-origin", "change", (e) => {
    e.target.dataset.touched = "1";
    autoAmount(state);
    refreshRecipes(state);
  });
  on("quote-destination", "change", (e) => (e.target.dataset.touched = "1"));
  on("quote-recipient", "input", (e) => (e.target.dataset.touched = "1"));
  on("permit2-to-address", "input", (e) => (e.target.dataset.touched = "1"));
  on("quote-reset", "click", () => refreshRecipes(state, true));
  on("steps-reset", "click", () => refreshRecipes(state, true));

  const flow = (testid, title, fn) => on(testid, "click", () => runFlow(state, title, (run) => fn(state, run)));
  flow("dry-run", "Quote-backed execution: dry run", (s, run) => dryRun(s, run, "quote"));
  flow("create", "Quote-backed execution", (s, run) => createSignSubmit(s, run, "quote"));
  flow("steps-dry-run", "Steps-only execution: dry run", (s, run) => dryRun(s, run, "steps"));
  flow("steps-create", "Steps-only execution", (s, run) => createSignSubmit(s, run, "steps"));
  flow("delete-list", "List executions", listExecutions);
  flow("delete-make", "Create an execution to delete", makeThrowaway);
  flow("delete-run", "Delete an execution", deleteFlow);
  flow("permit2-run", "Permit2 approval", permit2Flow);
  flow("auth-run", "EIP-7702 authorization", authorizationFlow);

  $("auth-address").value = KNOWN_DELEGATE;
  await Promise.all([loadTokens(state), loadSwapCatalog(state)]);
  $("wallet-select").value = "test-evm";
  await connectSelected(state);
  document.body.dataset.ready = "1";
}

main().catch((e) => {
  $("wasm-status").textContent = `intent-signer failed to load: ${e.message}`;
  document.body.dataset.ready = "error";
  console.error(e);
});
