// The demo page (www/) end to end in Debian's Chromium, driven by
// playwright-core, against the embedded mock server (www/server.mjs).
//
// The injected wallets are NOT intent-signer: each one forwards the page's
// request to Node (page.exposeFunction) where it is signed with independent
// libraries: viem's privateKeyToAccount for the EIP-1193 window.ethereum
// (personal_sign, eth_signTypedData_v4), @noble/curves ed25519 for the Solana
// wallet (signMessage of the bytes) and for the NEAR wallet (NEP-413 done by
// hand here: sha256(borsh(u32 2147484061) ‖ borsh{message, nonce[32],
// recipient, callbackUrl?}) → ed25519). Every wallet records its calls, so a
// test can prove the wallet was never asked. What the page submits is then
// checked again here, with viem and noble, from the mock's request log.
//
// Keys: fixed TEST KEYS (hardhat account 1; sha256 of a label for ed25519).

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { fileURLToPath } from "node:url";

import { ed25519 } from "@noble/curves/ed25519.js";
import { sha256 } from "@noble/hashes/sha2.js";
import * as borsh from "borsh";
import bs58 from "bs58";
import { hexToString, recoverMessageAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { startDemo, stopDemo } from "./harness.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "../..");
const OUTPUT = path.join(HERE, "output");
// The README's screenshot is rewritten only on request (UPDATE_SCREENSHOT=1),
// so that a test run leaves the tracked file alone; otherwise it goes to output/.
const SHOT_FOR_README = process.env.UPDATE_SCREENSHOT === "1"
  ? path.join(REPO, "www", "screenshot.png")
  : path.join(REPO, "tests", "e2e", "output", "readme-screenshot.png");
const POLL_MS = 150;
const STATUS_DELAY_MS = 120;
const UI_TIMEOUT = 15_000;
const TEST_TIMEOUT = 45_000;

// ----------------------------------------------------------------- test keys

const utf8 = (s) => new TextEncoder().encode(s);
const hex = (b) => Buffer.from(b).toString("hex");

const evmAccount = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"); // hardhat #1, TEST KEY
const nearSeed = sha256(utf8("intent-signer e2e NEAR test wallet"));
const nearPub = ed25519.getPublicKey(nearSeed);
const nearAccount = hex(nearPub); // implicit account of the key
const solanaSeed = sha256(utf8("intent-signer e2e Solana test wallet"));
const solanaPub = ed25519.getPublicKey(solanaSeed);
const solanaAddress = bs58.encode(solanaPub);

const WALLETS = {
  evm: { choice: "injected-evm", address: evmAccount.address, standard: "erc191" },
  near: { choice: "injected-near", address: nearAccount, standard: "nep413" },
  solana: { choice: "injected-solana", address: solanaAddress, standard: "raw_ed25519" },
};

/** NEP-413 hash by hand (borsh + sha256), independent of the package. */
function nep413Hash({ message, nonce, recipient, callbackUrl }) {
  const schema = { struct: { message: "string", nonce: { array: { type: "u8", len: 32 } }, recipient: "string", callbackUrl: { option: "string" } } };
  const tag = borsh.serialize("u32", 2147484061);
  const body = borsh.serialize(schema, { message, nonce: Array.from(nonce), recipient, callbackUrl: callbackUrl ?? null });
  return sha256(new Uint8Array([...tag, ...body]));
}

// ----------------------------------------------------------------- the Node-side wallets

/**
 * The wallets' behaviour for the current page: `mode` "honest" or "wrong"
 * (sign something else than asked), and every signing call recorded.
 */
function walletBackend() {
  const state = { mode: "honest", calls: [] };
  async function handle(kind, method, args) {
    const wrong = state.mode === "wrong";
    if (kind === "evm") {
      if (method === "eth_requestAccounts" || method === "eth_accounts") return [evmAccount.address];
      if (method === "personal_sign") {
        // EIP-1193 personal_sign: 0x + the hex of the message's UTF-8 bytes.
        const [raw, address] = args;
        assert.match(raw, /^0x(?:[0-9a-f]{2})*$/, "personal_sign gets the message as 0x hex");
        const message = hexToString(raw);
        state.calls.push({ kind, method, message, address });
        assert.equal(address.toLowerCase(), evmAccount.address.toLowerCase(), "personal_sign for our address");
        return evmAccount.signMessage({ message: { raw: wrong ? `${raw}20` : raw } });
      }
      if (method === "eth_signTypedData_v4") {
        const [address, json] = args;
        state.calls.push({ kind, method, typedData: JSON.parse(json), address });
        const typed = JSON.parse(json);
        if (wrong) typed.message = { ...typed.message, nonce: String(BigInt(typed.message.nonce) + 1n) };
        return evmAccount.signTypedData(typed);
      }
      throw Object.assign(new Error(`method ${method} not supported`), { code: 4200 });
    }
    if (kind === "near") {
      if (method === "getAccounts") return [{ accountId: nearAccount, publicKey: "ed25519:" + bs58.encode(nearPub) }];
      if (method === "signMessage") {
        const { message, recipient, nonce, callbackUrl } = args;
        state.calls.push({ kind, method, message, recipient, nonce });
        const hash = nep413Hash({ message: wrong ? message + " " : message, nonce: Uint8Array.from(nonce), recipient, callbackUrl });
        const signature = ed25519.sign(hash, nearSeed);
        return { accountId: nearAccount, publicKey: "ed25519:" + bs58.encode(nearPub), signature: Buffer.from(signature).toString("base64") };
      }
    }
    if (kind === "solana") {
      if (method === "connect") return solanaAddress;
      if (method === "signMessage") {
        const bytes = Uint8Array.from(args);
        state.calls.push({ kind, method, message: Buffer.from(bytes).toString("utf8") });
        const signed = wrong ? new Uint8Array([...bytes, 0x20]) : bytes;
        return Array.from(ed25519.sign(signed, solanaSeed));
      }
    }
    throw new Error(`e2e wallet: ${kind}.${method} not supported`);
  }
  return { state, handle };
}

/** Runs in the page before its scripts: window.ethereum, window.near, window.solana forwarding to Node. */
function injectWallets() {
  const call = (kind, method, args) => window.__e2eWallet(kind, method, args);
  window.ethereum = {
    isE2E: true,
    request: ({ method, params }) => call("evm", method, params ?? []),
  };
  window.near = {
    getAccounts: () => call("near", "getAccounts", null),
    signMessage: ({ message, recipient, nonce, callbackUrl }) => call("near", "signMessage", { message, recipient, nonce: Array.from(nonce), callbackUrl }),
  };
  const solana = {
    publicKey: null,
    async connect() {
      const key = await call("solana", "connect", null);
      this.publicKey = { toBase58: () => key, toString: () => key };
      return { publicKey: this.publicKey };
    },
    async signMessage(bytes) {
      const sig = await call("solana", "signMessage", Array.from(bytes));
      return { signature: new Uint8Array(sig), publicKey: this.publicKey };
    },
  };
  window.solana = solana;
}

// ----------------------------------------------------------------- server, browser, pages

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
  const text = await res.text();
  assert.ok(res.ok, `${p}: ${res.status} ${text}`);
  return JSON.parse(text);
}

async function mockLog() {
  const res = await fetch(base + "/__mock/log", { signal: AbortSignal.timeout(5000) });
  return (await res.json()).requests;
}

beforeEach(async () => {
  await mockPost("/__mock/reset", {});
  await mockPost("/__mock/config", { statusDelayMs: STATUS_DELAY_MS });
});

/** A fresh page with the injected wallets; `pageErrors` collects uncaught exceptions. */
async function openPage(t) {
  const context = await browser.newContext({ viewport: { width: 1180, height: 900 } });
  context.setDefaultTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  const backend = walletBackend();
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.exposeFunction("__e2eWallet", (kind, method, args) => backend.handle(kind, method, args));
  await page.addInitScript(injectWallets);
  await page.goto(`${base}/?pollMs=${POLL_MS}`);
  await page.waitForFunction(() => document.body.dataset.ready === "1");
  t.after(async () => {
    await context.close();
  });
  return { page, wallet: backend.state, pageErrors };
}

const byId = (page, id) => page.getByTestId(id);

async function connect(page, choice, expectedAddress) {
  await byId(page, "wallet-select").selectOption(choice);
  await page.waitForFunction((a) => document.body.dataset.wallet === a, expectedAddress);
  await assertText(page, "wallet-address", expectedAddress);
}

async function assertText(page, id, expected) {
  const text = (await byId(page, id).textContent()) ?? "";
  if (expected instanceof RegExp) assert.match(text, expected, `${id}: ${text}`);
  else assert.ok(text.includes(expected), `${id}: expected ${JSON.stringify(expected)} in ${JSON.stringify(text)}`);
  return text;
}

/** Waits for the run to end (done or failed) and returns the panel state. */
async function runEnd(page) {
  await page.waitForSelector('[data-testid="result"]:not([data-state="running"]):not([data-state="idle"])', { timeout: 30_000 });
  return page.getByTestId("result").getAttribute("data-state");
}

async function jsonOf(page, id) {
  return JSON.parse(await byId(page, id).textContent());
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(OUTPUT, `${name}.png`), fullPage: true });
}

async function tab(page, flow) {
  await byId(page, `tab-${flow}`).click();
  await byId(page, `flow-${flow}`).waitFor({ state: "visible" });
}

/** The requests the page made to the APIs since the last reset (control calls excluded). */
async function apiRequests() {
  return (await mockLog()).filter((r) => !r.path.startsWith("/__mock"));
}

// ----------------------------------------------------------------- independent checks of what was submitted

function curveBytes(text, curve) {
  const [prefix, b58] = text.split(":");
  assert.equal(prefix, curve);
  return bs58.decode(b58);
}

/** Checks a /submit body against payload_json with viem (erc191) or noble (ed25519 standards). */
async function verifySubmitted(kind, payloadJson, body) {
  if (kind === "evm") {
    assert.equal(body.publicKey, undefined, "erc191 submits no publicKey");
    const sig = curveBytes(body.signature, "secp256k1");
    assert.ok(sig[64] === 0 || sig[64] === 1, "v normalised to 0/1");
    const who = await recoverMessageAddress({ message: payloadJson, signature: "0x" + hex(sig.slice(0, 64)) + (sig[64] + 27).toString(16) });
    assert.equal(who, evmAccount.address, "viem recovers the EVM wallet from the submitted signature");
  } else if (kind === "solana") {
    assert.equal(bs58.encode(curveBytes(body.publicKey, "ed25519")), solanaAddress);
    assert.ok(ed25519.verify(curveBytes(body.signature, "ed25519"), utf8(payloadJson), solanaPub), "noble verifies the raw_ed25519 signature over payload_json");
  } else {
    const p = JSON.parse(payloadJson);
    assert.equal(hex(curveBytes(body.publicKey, "ed25519")), nearAccount);
    const hash = nep413Hash({ message: p.message, nonce: Buffer.from(p.nonce, "base64"), recipient: p.recipient });
    assert.ok(ed25519.verify(curveBytes(body.signature, "ed25519"), hash, nearPub), "noble verifies the NEP-413 signature");
  }
}

// ----------------------------------------------------------------- the flows

/** Quote-backed (or steps-only) create → review → wallet → verify → submit → poll to SUCCESS. */
async function createToSuccess(t, { kind, flow = "quote", recipe, injected = true, shotName }) {
  const { page, wallet, pageErrors } = await openPage(t);
  const address = injected ? WALLETS[kind].address : null;
  if (injected) await connect(page, WALLETS[kind].choice, address);
  else {
    await byId(page, "wallet-select").selectOption(`test-${kind}`);
    await page.waitForFunction((k) => document.querySelector('[data-testid="wallet-kind"]').textContent.startsWith(k + " · test"), kind);
    await assertText(page, "test-key-notice", "TEST KEY");
  }
  const walletAddress = await page.evaluate(() => document.body.dataset.wallet);
  if (flow === "steps") {
    await tab(page, "steps");
    if (recipe) await byId(page, "steps-recipe").selectOption(recipe);
    await byId(page, "steps-create").click();
  } else {
    if (recipe) await byId(page, "quote-recipe").selectOption(recipe);
    await byId(page, "create").click();
  }
  await byId(page, "progress").waitFor({ state: "visible" }).catch(() => {});
  const state = await runEnd(page);
  await shot(page, shotName);
  if (state !== "done") assert.fail(`run ended ${state}: ${await byId(page, "error").textContent().catch(() => "?")}`);
  assert.equal(await byId(page, "status").textContent(), "SUCCESS");

  // What the page showed, step by step.
  await assertText(page, "validation-result", "OK");
  const execution = (await jsonOf(page, "execution-json")).result;
  const payloadJson = execution.details.payload.payload_json;
  await assertText(page, "review-signer", execution.details.signingStandard === "erc191" ? walletAddress.toLowerCase() : execution.details.signingStandard === "raw_ed25519" ? hex(bs58.decode(walletAddress)) : walletAddress);
  await assertText(page, "review-contract", "intents.near");
  await assertText(page, "review-nonce-deadline", /Z \((in|ago)/);
  await assertText(page, "review-intents", "Transfer");
  await assertText(page, "review-warnings", "FEE_TRANSFER");
  assert.match(await byId(page, "review-intent-hash").textContent(), /^[1-9A-HJ-NP-Za-km-z]{32,44} \(0x[0-9a-f]{64}\)$/);
  await assertText(page, "wallet-request", WALLETS[kind].standard);
  await assertText(page, "verification-result", "Verified");
  const history = (await byId(page, "status-history").locator("li").allTextContents()).map((l) => l.trim().split(/\s+/)[1]);
  assert.ok(history.length >= 2 && history.at(-1) === "SUCCESS", `status shown live: ${history.join(" → ")}`);

  // The wallet signed exactly payload_json (the bytes, for Solana; the NEP-413 message, for NEAR).
  if (injected) {
    const signing = wallet.calls.filter((c) => c.method !== "eth_requestAccounts");
    assert.equal(signing.length, 1, "the wallet was asked once");
    if (kind === "near") assert.equal(signing[0].message, JSON.parse(payloadJson).message);
    else assert.equal(signing[0].message, payloadJson);
  }

  // What reached the server, checked here with viem / noble.
  const submits = (await apiRequests()).filter((r) => r.path.endsWith("/submit") && r.method === "POST");
  assert.equal(submits.length, 1, "one /submit");
  assert.equal(submits[0].status, 200);
  assert.deepEqual(submits[0].body, await jsonOf(page, "submit-body-json"), "the page sent the submit body it showed");
  if (injected) await verifySubmitted(kind, payloadJson, submits[0].body);
  assert.deepEqual(pageErrors, []);
  return { page, execution };
}

for (const kind of ["evm", "near", "solana"]) {
  test(`quote-backed execution, injected ${kind} wallet: create → sign → submit → SUCCESS`, { timeout: TEST_TIMEOUT }, async (t) => {
    await createToSuccess(t, { kind, shotName: `quote-${kind}` });
  });
}

test("quote-backed out-operation (withdraw from Aave), injected EVM wallet → SUCCESS", { timeout: TEST_TIMEOUT }, async (t) => {
  await createToSuccess(t, { kind: "evm", recipe: "aave-withdraw", shotName: "quote-withdraw-evm" });
});

for (const kind of ["evm", "near", "solana"]) {
  test(`steps-only execution, injected ${kind} wallet → SUCCESS`, { timeout: TEST_TIMEOUT }, async (t) => {
    await createToSuccess(t, { kind, flow: "steps", shotName: `steps-${kind}` });
  });
}

for (const kind of ["evm", "near", "solana"]) {
  test(`built-in ${kind} TEST wallet (package signing): quote-backed execution → SUCCESS`, { timeout: TEST_TIMEOUT }, async (t) => {
    await createToSuccess(t, { kind, injected: false, shotName: `quote-testwallet-${kind}` });
  });
}

test("quote-backed dry run: quote and steps decoded with names and warnings", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, pageErrors } = await openPage(t);
  await connect(page, "injected-evm", evmAccount.address);
  await byId(page, "dry-run").click();
  assert.equal(await runEnd(page), "done");
  await shot(page, "quote-dry-run");
  const ex = (await jsonOf(page, "execution-json")).result;
  assert.equal(ex.id, undefined, "a dry run has no id");
  await assertText(page, "quote-out", ex.quote.minAmountOut);
  await assertText(page, "step-0-function", "approve");
  await assertText(page, "step-0-args", "spender");
  await assertText(page, "step-1-function", "supply");
  await assertText(page, "step-1-args", "onBehalfOf");
  await assertText(page, "step-2-warnings", "FEE_TRANSFER");
  // {MIN_AMOUNT_OUT} came back resolved: the call data is final.
  assert.match(await byId(page, "step-0-calldata").textContent(), /^0x095ea7b3[0-9a-f]{128}$/);
  const creates = (await apiRequests()).filter((r) => r.method === "POST" && r.path.startsWith("/api/v1/executions/"));
  assert.equal(creates.length, 1);
  assert.equal(creates[0].body.dry, true);
  assert.deepEqual(pageErrors, []);
});

for (const kind of ["evm", "near", "solana"]) {
  test(`delete an execution, injected ${kind} wallet`, { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, wallet, pageErrors } = await openPage(t);
    await connect(page, WALLETS[kind].choice, WALLETS[kind].address);
    await tab(page, "delete");
    await byId(page, "delete-make").click();
    assert.equal(await runEnd(page), "done");
    const id = await byId(page, "delete-id").inputValue();
    assert.match(id, /^[0-9a-f-]{36}$/);
    await byId(page, "delete-list").click();
    assert.equal(await runEnd(page), "done");
    const listed = (await jsonOf(page, "executions-json")).result;
    assert.deepEqual(listed.map((x) => [x.id, x.status]), [[id, "OPERATION_PENDING"]], "the list shows the open execution");
    await byId(page, "delete-run").click();
    assert.equal(await runEnd(page), "done");
    await shot(page, `delete-${kind}`);
    assert.equal(await byId(page, "status").textContent(), "DELETED");
    await assertText(page, "review-message", `delete_execution:${id}`);
    const signing = wallet.calls.filter((c) => c.method !== "eth_requestAccounts");
    assert.equal(signing.length, 1);
    assert.equal(signing[0].message, `delete_execution:${id}`, "the wallet signed the literal delete message");
    const del = (await apiRequests()).filter((r) => r.method === "DELETE");
    assert.equal(del.length, 1);
    assert.equal(del[0].status, 200);
    assert.deepEqual(del[0].body, await jsonOf(page, "submit-body-json"));
    if (kind === "near") assert.equal(del[0].body.nep413.recipient, "intents.near");
    // The execution is gone: the list no longer has it.
    const list = await (await fetch(`${base}/api/v1/executions/${WALLETS[kind].address}?id=${id}`)).json();
    assert.deepEqual(list.result, []);
    assert.deepEqual(pageErrors, []);
  });
}

test("Permit2 approval, injected EVM wallet (eth_signTypedData_v4 by viem) → Finished", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, wallet, pageErrors } = await openPage(t);
  await connect(page, "injected-evm", evmAccount.address);
  await tab(page, "permit2");
  await byId(page, "permit2-run").click();
  const state = await runEnd(page);
  await shot(page, "permit2-evm");
  if (state !== "done") assert.fail(await byId(page, "error").textContent());
  assert.equal(await byId(page, "status").textContent(), "Finished");
  await assertText(page, "review-lines", "PermitWitnessTransferFrom");
  await assertText(page, "verification-result", evmAccount.address);
  const typed = wallet.calls.find((c) => c.method === "eth_signTypedData_v4");
  assert.ok(typed, "the wallet was asked for eth_signTypedData_v4");
  assert.equal(typed.typedData.primaryType, "PermitWitnessTransferFrom");
  assert.deepEqual(typed.typedData, await jsonOf(page, "wallet-request-json"), "the wallet got the typed data the page showed");
  const approvals = (await apiRequests()).filter((r) => r.path.endsWith("/approvals"));
  assert.equal(approvals.length, 1);
  assert.equal(approvals[0].status, 200, "the mock (noble, independent) accepted the Permit2 signature");
  assert.equal(approvals[0].body.approval_type, "permit2");
  assert.match(approvals[0].body.signed_data, /^0x[0-9a-f]{128}(1b|1c)$/, "v is 27/28 for Permit2");
  assert.deepEqual(pageErrors, []);
});

test("EIP-7702 authorization, injected EVM wallet: explained fallback to the test wallet → action success", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, wallet, pageErrors } = await openPage(t);
  await connect(page, "injected-evm", evmAccount.address);
  await tab(page, "7702");
  await byId(page, "auth-run").click();
  const state = await runEnd(page);
  await shot(page, "eip7702-injected-evm");
  if (state !== "done") assert.fail(await byId(page, "error").textContent());
  await assertText(page, "auth-note", "wallet-specific");
  assert.equal(await byId(page, "status").textContent(), "success");
  assert.equal(wallet.calls.filter((c) => c.method !== "eth_requestAccounts").length, 0, "the injected wallet was not asked");
  const created = (await apiRequests()).find((r) => r.path === "/actions" && r.method === "POST");
  assert.equal(created.status, 201, "the mock (noble, independent) accepted the authorization");
});

test("EIP-7702 authorization, built-in EVM test wallet → action success", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, pageErrors } = await openPage(t);
  await tab(page, "7702");
  await byId(page, "auth-run").click(); // the page starts with the EVM test wallet connected
  const state = await runEnd(page);
  await shot(page, "eip7702-testwallet");
  if (state !== "done") assert.fail(await byId(page, "error").textContent());
  assert.equal(await byId(page, "status").textContent(), "success");
  await assertText(page, "review-warnings", "No warnings");
  const created = (await apiRequests()).find((r) => r.path === "/actions" && r.method === "POST");
  assert.equal(created.status, 201);
  const auth = created.body.chainAuthorizations[0];
  const test0 = privateKeyToAccount("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  const { recoverAuthorizationAddress } = await import("viem/utils");
  const authority = await recoverAuthorizationAddress({ authorization: { address: auth.address, chainId: auth.chainId, nonce: auth.nonce }, signature: { r: auth.r, s: auth.s, yParity: auth.yParity } });
  assert.equal(authority, test0.address, "viem recovers the test wallet as the authority");
  assert.deepEqual(pageErrors, []);
});

// ----------------------------------------------------------------- negative runs

for (const kind of ["evm", "near", "solana"]) {
  test(`a ${kind} wallet that signs the wrong bytes: SIGNATURE_MISMATCH, nothing submitted`, { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, wallet } = await openPage(t);
    await connect(page, WALLETS[kind].choice, WALLETS[kind].address);
    wallet.mode = "wrong";
    await byId(page, "create").click();
    assert.equal(await runEnd(page), "failed");
    if (kind === "evm") await shot(page, "negative-signature-mismatch");
    assert.equal(await byId(page, "error-code").textContent(), "SIGNATURE_MISMATCH");
    await assertText(page, "error-plain", "nothing was sent");
    assert.equal(wallet.calls.filter((c) => c.method !== "eth_requestAccounts").length, 1, "the wallet was asked");
    const submits = (await apiRequests()).filter((r) => r.path.endsWith("/submit"));
    assert.deepEqual(submits, [], "the mock log shows no /submit");
  });
}

test("Permit2: a wallet that signs other typed data → SIGNATURE_MISMATCH, no approval sent", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, wallet } = await openPage(t);
  await connect(page, "injected-evm", evmAccount.address);
  wallet.mode = "wrong";
  await tab(page, "permit2");
  await byId(page, "permit2-run").click();
  assert.equal(await runEnd(page), "failed");
  assert.equal(await byId(page, "error-code").textContent(), "SIGNATURE_MISMATCH");
  assert.deepEqual((await apiRequests()).filter((r) => r.path.endsWith("/approvals")), []);
});

for (const [status, on, text] of [
  ["409", "create", "already in progress"],
  ["400", "create", "failNext 400"],
  ["502", "create", "bad gateway"],
  ["502", "submit", "bad gateway"],
]) {
  test(`the server answers ${status} on ${on}: shown with status and the server's text`, { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, wallet } = await openPage(t);
    await connect(page, "injected-evm", evmAccount.address);
    await mockPost("/__mock/config", { failNext: status, failNextOn: on });
    await byId(page, "create").click();
    assert.equal(await runEnd(page), "failed");
    await shot(page, `negative-http-${status}-${on}`);
    assert.equal(await byId(page, "error-code").textContent(), `HTTP ${status}`);
    assert.equal(await byId(page, "error-status").textContent(), status);
    await assertText(page, "error-server-text", text);
    await assertText(page, "error-plain", `(${status})`);
    const signing = wallet.calls.filter((c) => c.method !== "eth_requestAccounts");
    assert.equal(signing.length, on === "submit" ? 1 : 0, on === "submit" ? "signed, then the submit failed" : "the wallet was not asked");
    await assertText(page, "error-request", on === "submit" ? "/submit" : "POST /api/v1/executions/");
  });
}

test("tamperPayload: PAYLOAD_MISMATCH before the wallet is asked, nothing submitted", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, wallet } = await openPage(t);
  await connect(page, "injected-evm", evmAccount.address);
  await mockPost("/__mock/config", { tamperPayload: true });
  await byId(page, "create").click();
  assert.equal(await runEnd(page), "failed");
  await shot(page, "negative-payload-mismatch");
  assert.equal(await byId(page, "error-code").textContent(), "PAYLOAD_MISMATCH");
  await assertText(page, "error-plain", "The wallet was not asked to sign");
  assert.deepEqual(wallet.calls.filter((c) => c.method !== "eth_requestAccounts"), [], "the injected wallet recorded no signing call");
  assert.equal(await byId(page, "wallet-request").count(), 0, "no wallet request was even shown");
  assert.deepEqual((await apiRequests()).filter((r) => r.path.endsWith("/submit")), []);
});

test("failExecution: the status walk ends in OPERATION_FAILED, shown as such", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page } = await openPage(t);
  await connect(page, "injected-solana", solanaAddress);
  await mockPost("/__mock/config", { failExecution: true });
  await tab(page, "steps");
  await byId(page, "steps-create").click();
  await runEnd(page);
  await shot(page, "negative-operation-failed");
  assert.equal(await byId(page, "status").textContent(), "OPERATION_FAILED");
  await assertText(page, "outcome-text", "OPERATION_FAILED");
});

test("the page: test keys labelled, no secret asked, one representative screenshot", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, pageErrors } = await openPage(t);
  await assertText(page, "test-key-notice", "TEST KEY");
  await assertText(page, "wallet-kind", "evm · test");
  assert.equal(await page.locator('input[type="password"]').count(), 0, "no secret field");
  const detected = await assertText(page, "wallet-detected", "evm");
  assert.ok(detected.includes("near") && detected.includes("solana"), detected);
  // The representative screenshot: a NEAR execution, from the review to SUCCESS.
  await connect(page, "injected-near", nearAccount);
  await byId(page, "create").click();
  assert.equal(await runEnd(page), "done");
  await page.setViewportSize({ width: 1000, height: 760 });
  const clip = await page.evaluate(() => {
    const box = (id) => document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
    const panel = box("result");
    const top = box("review").top + window.scrollY - 8;
    const bottom = box("status-card").bottom + window.scrollY + 8;
    return { x: panel.left, y: top, width: panel.width, height: bottom - top };
  });
  await page.screenshot({ path: SHOT_FOR_README, clip, fullPage: true });
  await shot(page, "representative-near");
  assert.ok(fs.statSync(SHOT_FOR_README).size < 600_000, "the README screenshot stays small");
  assert.deepEqual(pageErrors, []);
});
