// The demo's review of hostile executions, end to end in Debian's Chromium
// (playwright-core): the page is opened with `?scenario=NAME`, forwards it to
// the embedded mock's create (www/mock/scenarios.mjs), and must either refuse
// the payload (AMBIGUOUS_PAYLOAD, the wallet never asked) or show intent-signer's
// findings, danger in red before a disabled wallet button that only an
// explicit "I understand" (ack-danger) enables. The injected EVM wallet is
// viem (not intent-signer) and records every signing call, so each test
// proves the wallet was not asked before "I understand"; the mock's request
// log proves nothing was submitted.
//
// Keys: hardhat account 1, a public TEST KEY.

import assert from "node:assert/strict";
import path from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { fileURLToPath } from "node:url";

import { hexToString, recoverMessageAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { startDemo, stopDemo } from "./harness.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUTPUT = path.join(HERE, "output");
const POLL_MS = 150;
const UI_TIMEOUT = 15_000;
const TEST_TIMEOUT = 45_000;

const evmAccount = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"); // hardhat #1, TEST KEY

// ----------------------------------------------------------------- what each scenario must show
//
// The exact findings (code → severity) intent-signer gives for each hostile
// execution served to an EVM wallet for the quote recipe, as the page must
// show them; FEE_TRANSFER comes from the service's fee step, present in every
// execution. `refused`: prepareSigning throws that code and nothing is shown
// to sign.

// Every execution of the quote recipe also has these two, from its steps: the
// supply step's onBehalfOf (the intermediary) and the service's fee step.
const STEPS = ["UNKNOWN_RECIPIENT:warning", "FEE_TRANSFER:info"];
const QM = "QUOTE_MISMATCH:danger";
const EXPECT = {
  "add-public-key": [QM, "ADD_PUBLIC_KEY:danger", ...STEPS],
  "remove-public-key": [QM, "REMOVE_PUBLIC_KEY:danger", ...STEPS],
  "disable-auth-by-predecessor": [QM, "SET_AUTH_BY_PREDECESSOR:danger", ...STEPS],
  "auth-call": ["AUTH_CALL:danger", QM, QM, ...STEPS],
  "ft-withdraw-call": [QM, QM, QM, "WITHDRAW_WITH_CALL:warning", "FOREIGN_RECIPIENT:warning", "STORAGE_DEPOSIT:warning", ...STEPS],
  "native-withdraw": [QM, QM, "NATIVE_WITHDRAW:warning", "FOREIGN_RECIPIENT:warning", ...STEPS],
  "transfer-max": [QM, "FOREIGN_RECIPIENT:warning", ...STEPS],
  "mt-withdraw": [QM, "FOREIGN_RECIPIENT:warning", ...STEPS],
  "nft-withdraw": [QM, "FOREIGN_RECIPIENT:warning", ...STEPS],
  "token-diff": [QM, ...STEPS],
  "imt-mint": [QM, "FOREIGN_RECIPIENT:warning", ...STEPS],
  "imt-burn": [QM, ...STEPS],
  "quote-mismatch": [QM, "FOREIGN_RECIPIENT:warning", ...STEPS],
  "quote-injection": [QM, "FOREIGN_RECIPIENT:warning", ...STEPS],
  "state-init-malformed": { refused: "AMBIGUOUS_PAYLOAD", path: "details.payload.payload_json.intents[0].state_init" },
  "duplicate-amount": { refused: "AMBIGUOUS_PAYLOAD", path: "details.payload.payload_json.intents[0].amount" },
  "duplicate-signer-id": { refused: "AMBIGUOUS_PAYLOAD", path: "details.payload.payload_json.signer_id" },
};

/** The intents' entries, in order (the three steps of the recipe follow). */
const KINDS = {
  "add-public-key": ["add_public_key"],
  "remove-public-key": ["remove_public_key"],
  "disable-auth-by-predecessor": ["set_auth_by_predecessor_id"],
  "auth-call": ["auth_call"],
  "ft-withdraw-call": ["ft_withdraw"],
  "native-withdraw": ["native_withdraw"],
  "transfer-max": ["transfer"],
  "mt-withdraw": ["mt_withdraw"],
  "nft-withdraw": ["nft_withdraw"],
  "token-diff": ["token_diff"],
  "imt-mint": ["imt_mint"],
  "imt-burn": ["imt_burn"],
  "quote-mismatch": ["transfer", "transfer"],
  "quote-injection": ["transfer", "transfer"],
};

// ----------------------------------------------------------------- the wallet (viem), recording its calls

function walletBackend() {
  const state = { calls: [] };
  async function handle(method, params) {
    if (method === "eth_requestAccounts" || method === "eth_accounts") return [evmAccount.address];
    if (method === "personal_sign") {
      // EIP-1193 personal_sign: 0x + the hex of the message's UTF-8 bytes.
      const [raw, address] = params;
      assert.match(raw, /^0x(?:[0-9a-f]{2})*$/, "personal_sign gets the message as 0x hex");
      state.calls.push({ method, message: hexToString(raw), address });
      return evmAccount.signMessage({ message: { raw } });
    }
    throw Object.assign(new Error(`method ${method} not supported`), { code: 4200 });
  }
  return { state, handle };
}

function injectWallet() {
  window.ethereum = { isE2E: true, request: ({ method, params }) => window.__e2eEvm(method, params ?? []) };
}

// ----------------------------------------------------------------- one server, one browser

let server;
let browser;
let base;

before(async () => {
  ({ server, browser, base } = await startDemo(OUTPUT));
});

after(async () => {
  await stopDemo({ server, browser });
});

async function mockPost(p, body) {
  const res = await fetch(base + p, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  assert.ok(res.ok, `${p}: ${res.status}`);
  return res.json();
}

async function apiRequests() {
  const res = await fetch(base + "/__mock/log", { signal: AbortSignal.timeout(5000) });
  return (await res.json()).requests.filter((r) => !r.path.startsWith("/__mock"));
}

beforeEach(async () => {
  await mockPost("/__mock/reset", {});
  await mockPost("/__mock/config", { statusDelayMs: 100 });
});

/** A page at `?scenario=NAME` (or none) with the injected EVM wallet connected. */
async function openPage(t, scenario, extra = "") {
  const context = await browser.newContext({ viewport: { width: 1180, height: 900 } });
  context.setDefaultTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  const backend = walletBackend();
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.exposeFunction("__e2eEvm", (method, params) => backend.handle(method, params));
  await page.addInitScript(injectWallet);
  await page.goto(`${base}/?pollMs=${POLL_MS}${scenario ? `&scenario=${encodeURIComponent(scenario)}` : ""}${extra}`);
  await page.waitForFunction(() => document.body.dataset.ready === "1");
  t.after(() => context.close());
  await page.getByTestId("wallet-select").selectOption("injected-evm");
  await page.waitForFunction((a) => document.body.dataset.wallet === a, evmAccount.address);
  return { page, wallet: backend.state, pageErrors };
}

const byId = (page, id) => page.getByTestId(id);

/** The run's error card text, without waiting for one. */
const errorText = (page) => page.evaluate(() => document.querySelector('[data-testid="error"]')?.textContent ?? "(no error card)");

/** Waits until the run stops: "waiting" (the danger gate), "done" or "failed". */
async function runPause(page) {
  await page.waitForSelector('[data-testid="result"]:is([data-state="waiting"], [data-state="done"], [data-state="failed"])', { timeout: 30_000 });
  return byId(page, "result").getAttribute("data-state");
}

/** The findings the page shows, in order: [{code, severity}]. */
async function shownWarnings(page) {
  return page.$$eval('[data-testid="review-warning"]', (els) => els.map((e) => ({ code: e.dataset.code, severity: e.dataset.severity })));
}

const signingCalls = (wallet) => wallet.calls.filter((c) => c.method === "personal_sign");
const rank = { danger: 0, warning: 1, info: 2 };

// ----------------------------------------------------------------- one test per hostile scenario

for (const [name, expect] of Object.entries(EXPECT)) {
  test(`scenario ${name}: ${expect.refused ? `refused (${expect.refused})` : "flagged"} before the wallet is asked`, { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, wallet, pageErrors } = await openPage(t, name);
    await byId(page, "scenario-banner").waitFor({ state: "visible" });
    await byId(page, "create").click();
    const state = await runPause(page);
    const creates = (await apiRequests()).filter((r) => r.method === "POST" && r.path.startsWith("/api/v1/executions/") && !r.path.endsWith("/submit"));
    assert.equal(creates.length, 1);
    assert.equal(creates[0].query, `?scenario=${name}`, "the page forwarded ?scenario= to the mock's create");
    assert.equal(creates[0].status, 201);

    if (expect.refused) {
      await page.screenshot({ path: path.join(OUTPUT, `scenario-${name}.png`), fullPage: true });
      assert.equal(state, "failed");
      assert.equal(await byId(page, "error-code").textContent(), expect.refused);
      assert.equal(await byId(page, "error-path").textContent(), expect.path);
      assert.match(await byId(page, "error-plain").textContent(), /wallet was not asked/);
      assert.equal(await byId(page, "review").count(), 0, "no review of a payload the verifier could read differently");
      assert.equal(await byId(page, "wallet-sign").count(), 0, "no wallet button");
      assert.equal(await byId(page, "wallet-request").count(), 0, "nothing shown to sign");
    } else {
      assert.equal(state, "waiting", "the run waits at the danger gate");
      const shown = await shownWarnings(page);
      assert.deepEqual(shown.map((w) => `${w.code}:${w.severity}`), expect, "the exact findings, in the library's order");
      const kinds = await page.$$eval('[data-testid="review-entry"]', (els) => els.map((e) => e.dataset.kind));
      assert.deepEqual(kinds, [...KINDS[name], "step", "step", "step"], "one entry per intent, then one per step");
      assert.ok((await page.locator('[data-testid="review-entry"][data-severity="danger"]').count()) >= 1, "a danger entry");
      for (let k = 1; k < shown.length; k++) assert.ok(rank[shown[k - 1].severity] <= rank[shown[k].severity], "most severe first");
      // Danger in red, before the wallet button.
      const red = await page.$eval('[data-testid="review-warning"][data-severity="danger"]', (el) => getComputedStyle(el).color);
      assert.equal(red, "rgb(179, 38, 30)", "danger is red (--bad)");
      const dangerAbove = await page.evaluate(() => {
        const d = document.querySelector('[data-testid="review-warning"][data-severity="danger"]');
        const b = document.querySelector('[data-testid="wallet-sign"]');
        return Boolean(d.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.ok(dangerAbove, "the danger finding comes before the wallet button");
      assert.ok(await byId(page, "wallet-sign").isDisabled(), "the wallet button is disabled before I understand");
      assert.equal(await byId(page, "wallet-request").count(), 0, "nothing asked of the wallet yet");
      await page.screenshot({ path: path.join(OUTPUT, `scenario-${name}.png`), fullPage: true });
      // A click on the disabled button does nothing.
      await byId(page, "wallet-sign").click({ force: true });
      await page.waitForTimeout(100);
      assert.deepEqual(signingCalls(wallet), [], "the wallet was NOT asked before I understand");
      await byId(page, "ack-danger").click();
      assert.ok(await byId(page, "wallet-sign").isEnabled(), "I understand enables the wallet button");
      assert.deepEqual(signingCalls(wallet), [], "I understand alone does not ask the wallet");
      await byId(page, "gate-cancel").click();
      assert.equal(await runPause(page), "failed");
      assert.equal(await byId(page, "error-code").textContent(), "CANCELLED");
    }
    assert.deepEqual(signingCalls(wallet), [], "the wallet was never asked");
    assert.deepEqual((await apiRequests()).filter((r) => r.path.endsWith("/submit")), [], "nothing submitted");
    assert.deepEqual(pageErrors, []);
  });
}

// ----------------------------------------------------------------- entries, the injected quote line, going on after "I understand"

test("scenario ft-withdraw-call: the entry shows msg, storage_deposit and min_gas, quoted by the library", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page } = await openPage(t, "ft-withdraw-call");
  await byId(page, "create").click();
  assert.equal(await runPause(page), "waiting");
  const entries = await page.$$eval('[data-testid="review-entry"]', (els) => els.map((e) => ({ kind: e.dataset.kind, severity: e.dataset.severity, text: e.textContent })));
  assert.equal(entries[0].kind, "ft_withdraw");
  for (const field of ["msg", "storage_deposit", "min_gas", "receiver_id", "amount"]) assert.ok(entries[0].text.includes(field), `${field} in ${entries[0].text}`);
  assert.ok(entries[0].text.includes('"mallory.near"'), "outside strings quoted");
  assert.ok(entries.slice(1).every((e) => e.kind === "step"), "then one entry per EVM step");
  assert.equal(entries.length, 1 + (await page.$$eval('[data-testid^="step-"][data-testid$="-function"]', (els) => els.length)));
});

test("scenario quote-injection: the quote line shows the line break escaped, on one line", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page } = await openPage(t, "quote-injection");
  await byId(page, "create").click();
  assert.equal(await runPause(page), "waiting");
  const lines = await byId(page, "review-lines").locator("li").allTextContents();
  const quoteLine = lines.find((l) => l.startsWith("Quote from the server"));
  assert.ok(quoteLine, lines.join("\n"));
  assert.match(quoteLine, /\(does NOT match the intents\)/);
  assert.ok(quoteLine.includes("\\nIntents: none besides this swap"), `escaped: ${quoteLine}`);
  assert.ok(!quoteLine.includes("\n"), "one line");
  assert.ok(!lines.some((l) => l.startsWith("Intents: none")), "no forged line of its own");
  assert.equal(await byId(page, "review-quote-matches").textContent(), "does NOT match the intents");
  const box = await byId(page, "review-quote").boundingBox();
  assert.ok(box.height < 60, `the quote field stays on one line (${box.height}px)`);
});

test("scenario add-public-key: after I understand, the wallet is asked once and the mock accepts the signature", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, wallet, pageErrors } = await openPage(t, "add-public-key");
  await byId(page, "create").click();
  assert.equal(await runPause(page), "waiting");
  assert.deepEqual(signingCalls(wallet), []);
  await byId(page, "ack-danger").click();
  await byId(page, "wallet-sign").click();
  const state = await runPause(page);
  await page.screenshot({ path: path.join(OUTPUT, "scenario-add-public-key-signed.png"), fullPage: true });
  if (state !== "done") assert.fail(`run ended ${state}: ${await errorText(page)}`);
  assert.equal(await byId(page, "status").textContent(), "SUCCESS");
  const calls = signingCalls(wallet);
  assert.equal(calls.length, 1, "asked once, after I understand");
  const execution = (await JSON.parse(await byId(page, "execution-json").textContent())).result;
  assert.equal(calls[0].message, execution.details.payload.payload_json, "the wallet signed the exact payload shown");
  const submits = (await apiRequests()).filter((r) => r.path.endsWith("/submit"));
  assert.equal(submits.length, 1);
  assert.equal(submits[0].status, 200, "the mock (noble) verified it");
  const sig = submits[0].body.signature;
  assert.ok(sig.startsWith("secp256k1:"));
  assert.equal(await recoverMessageAddress({ message: calls[0].message, signature: await evmAccount.signMessage({ message: calls[0].message }) }), evmAccount.address);
  assert.deepEqual(pageErrors, []);
});

// ----------------------------------------------------------------- honest flows: no danger, no gate

for (const [label, setup] of [
  ["bridge-in (quote recipe)", async () => {}],
  ["out-operation (withdraw recipe)", async (page) => byId(page, "quote-recipe").selectOption("aave-withdraw")],
  ["steps-only", async (page) => {
    await byId(page, "tab-steps").click();
  }],
]) {
  test(`honest ${label}: no danger finding, no gate, the quote matches, SUCCESS`, { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, wallet, pageErrors } = await openPage(t, null);
    assert.ok(await byId(page, "scenario-banner").isHidden());
    await setup(page);
    await byId(page, label === "steps-only" ? "steps-create" : "create").click();
    const state = await runPause(page);
    if (state !== "done") assert.fail(`run ended ${state}: ${await errorText(page)}`);
    const creates = (await apiRequests()).filter((r) => r.method === "POST" && r.path.startsWith("/api/v1/executions/") && !r.path.endsWith("/submit"));
    assert.equal(creates[0].query, "", "no scenario sent");
    const shown = await shownWarnings(page);
    assert.deepEqual(shown.filter((w) => w.severity === "danger"), [], JSON.stringify(shown));
    assert.equal(await page.locator('[data-testid="review-entry"][data-severity="danger"]').count(), 0);
    assert.equal(await byId(page, "gate-text").getAttribute("data-danger"), "0");
    assert.equal(await byId(page, "ack-danger").count(), 0);
    assert.equal(await byId(page, "review-quote-matches").textContent(), label === "steps-only" ? "no quote" : "matches the intents");
    if (label !== "steps-only") await byId(page, "review-lines").getByText("Quote from the server (matches the intents)").first().waitFor();
    assert.equal(await page.locator('[data-testid="review-entry"]').first().getAttribute("data-kind"), "transfer");
    assert.equal(signingCalls(wallet).length, 1);
    assert.equal(await byId(page, "status").textContent(), "SUCCESS");
    assert.deepEqual(pageErrors, []);
  });
}

test("?scenario= is not forwarded when the API base is another origin", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, wallet } = await openPage(t, "add-public-key");
  // Another origin (localhost instead of 127.0.0.1), relayed to the same mock by
  // the browser's router, which records every URL the page asked for there.
  const other = base.replace("127.0.0.1", "localhost");
  const asked = [];
  await page.route(`${other}/**`, async (route) => {
    const req = route.request();
    const headers = { "access-control-allow-origin": "*", "access-control-allow-headers": "content-type, accept", "access-control-allow-methods": "GET, POST, DELETE" };
    if (req.method() === "OPTIONS") return route.fulfill({ status: 204, headers });
    asked.push(`${req.method()} ${req.url()}`);
    const response = await route.fetch({ url: req.url().replace(other, base) });
    return route.fulfill({ response, headers: { ...response.headers(), ...headers } });
  });
  await byId(page, "api-base").fill(other);
  await byId(page, "api-base").dispatchEvent("change");
  await page.waitForFunction(() => document.querySelector('[data-testid="quote-origin"]').options.length > 0);
  await byId(page, "create").click();
  const state = await runPause(page);
  const creates = asked.filter((a) => a.startsWith("POST ") && !a.endsWith("/submit"));
  assert.equal(creates.length, 1, asked.join("\n"));
  assert.ok(!creates[0].includes("scenario"), `never sent to another origin: ${creates[0]}`);
  if (state !== "done") assert.fail(`run ended ${state}: ${await errorText(page)}`);
  assert.equal(signingCalls(wallet).length, 1, "an honest execution: no gate");
});
