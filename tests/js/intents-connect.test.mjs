// intent-signer/intents-connect against a local HTTP server (127.0.0.1, a
// random port; no real network): every helper's method, path, query, headers,
// body, the {result} unwrapping and the errors. The server records each
// request and answers from a queue of canned responses.

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, beforeEach, test } from "node:test";

import { IntentsConnectError, intentsConnect } from "intent-signer/intents-connect";
import { finishDeleteSigning, deleteExecutionRequest, finishSigning, prepareSigning } from "intent-signer";

import { hex, vectorFile } from "./helpers.mjs";

// ------------------------------------------------------------------ server

/** Requests seen, in order: {method, url, path, query, headers, body (parsed JSON or text)}. */
let seen = [];
/** Canned answers, in order: {status, body (object → JSON; string → as is), contentType?}. */
let answers = [];
let server;
let base;

function answer(status, body, contentType) {
  answers.push({ status, body, contentType });
}

before(async () => {
  server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body;
      try {
        body = text === "" ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      const u = new URL(req.url, "http://127.0.0.1");
      seen.push({
        method: req.method,
        url: req.url,
        path: u.pathname,
        rawPath: req.url.split("?")[0],
        query: Object.fromEntries(u.searchParams),
        search: u.search,
        headers: req.headers,
        body,
      });
      const a = answers.shift() ?? { status: 500, body: { error: "no canned answer" } };
      const payload = typeof a.body === "string" ? a.body : JSON.stringify(a.body);
      res.writeHead(a.status, { "content-type": a.contentType ?? "application/json" });
      res.end(payload);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  // stops by itself even if `after` never runs
  setTimeout(() => server.close(), 120_000).unref();
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  server.closeAllConnections?.();
  server.close();
});

beforeEach(() => {
  seen = [];
  answers = [];
});

const WALLET_EVM = "0x0fA1Cb5F9714cfB7eB30300091Fd5b3FF9D0b64b";
const WALLET_SOL = "BTKcXNp1wSzs9Mp2ejsPrHLr59z5UkEDJgqcWyXGhGc4";
const EXEC_ID = "92a10832-d36b-46c6-807d-7f28469c2a94";
const CREATE_BODY = {
  dry: false,
  type: "evm",
  version: "1.0",
  quote: {
    amount: "1270000",
    destinationAsset: "nep141:base-0x833589fcd6edb6e08f4c7c32d4f71b54bda02913.omft.near",
    originAsset: "nep141:sol.omft.near",
    slippageTolerance: 100,
    swapType: "EXACT_INPUT",
  },
  steps: [
    {
      to: "0xA238Dd80C259a72e81d7e4664a9801593F98d1c5",
      functionSignature: "supply(address,uint256,address,uint16)",
      parameters: ["0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", "{MIN_AMOUNT_OUT}", "0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E", "0"],
      value: "0",
    },
  ],
  metadata: { intent: "aave_supply", title: "Supply to Aave" },
};
const EXECUTION = { id: EXEC_ID, status: "CREATED", details: { estimatedTime: "22" } };

function only() {
  assert.equal(seen.length, 1, `exactly one request, saw ${seen.length}`);
  return seen[0];
}

async function rejects(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail("expected a rejection");
}

// ----------------------------------------------------------- the 8 routes

test("createExecution: POST /api/v1/executions/{wallet}, JSON body, x-api-key, {result} unwrapped", async () => {
  const api = intentsConnect({ baseUrl: base, apiKey: "test-key-1" });
  answer(201, { result: EXECUTION });
  const got = await api.createExecution(WALLET_EVM, CREATE_BODY);
  assert.deepEqual(got, EXECUTION);
  const r = only();
  assert.equal(r.method, "POST");
  assert.equal(r.path, `/api/v1/executions/${WALLET_EVM}`);
  assert.equal(r.search, "");
  assert.equal(r.headers["x-api-key"], "test-key-1");
  assert.match(r.headers["content-type"], /^application\/json/);
  assert.deepEqual(r.body, CREATE_BODY);
});

test("createExecution without apiKey sends no x-api-key; a dry run answers 200", async () => {
  const api = intentsConnect({ baseUrl: base + "/" });
  const dry = { status: "OPERATION_PENDING", details: { networkFee: "5948" } };
  answer(200, { result: dry });
  assert.deepEqual(await api.createExecution(WALLET_SOL, { ...CREATE_BODY, dry: true }), dry);
  const r = only();
  assert.equal(r.path, `/api/v1/executions/${WALLET_SOL}`, "a trailing slash on baseUrl is not doubled");
  assert.ok(!("x-api-key" in r.headers));
  assert.equal(r.body.dry, true);
});

test("createStepsExecution: POST /api/v1/executions/{wallet}/steps with x-api-key", async () => {
  const api = intentsConnect({ baseUrl: base, apiKey: "k2" });
  const body = {
    version: "1.0",
    type: "evm",
    destinationAsset: "nep141:base-0x833589fcd6edb6e08f4c7c32d4f71b54bda02913.omft.near",
    steps: [
      {
        to: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
        value: "0",
        functionSignature: "transfer(address,uint256)",
        parameters: ["0x3eb032bca9a6ceeb8ce69fdf4ec79187fdddd25e", "0"],
      },
    ],
  };
  answer(201, { result: { ...EXECUTION, status: "OPERATION_PENDING", executionMode: "steps_only" } });
  const got = await api.createStepsExecution(WALLET_EVM, body);
  assert.equal(got.executionMode, "steps_only");
  const r = only();
  assert.equal(r.method, "POST");
  assert.equal(r.path, `/api/v1/executions/${WALLET_EVM}/steps`);
  assert.equal(r.headers["x-api-key"], "k2");
  assert.deepEqual(r.body, body);
});

test("apiKeyProxyUrl replaces baseUrl for the two create routes only (the proxy adds the key)", async () => {
  const api = intentsConnect({ baseUrl: base + "/direct", apiKeyProxyUrl: base + "/api/intents/", apiKey: "server-side" });
  answer(201, { result: EXECUTION });
  answer(201, { result: EXECUTION });
  answer(200, { result: [] });
  await api.createExecution("alice.near", CREATE_BODY);
  await api.createStepsExecution("alice.near", CREATE_BODY);
  await api.listExecutions("alice.near");
  assert.equal(seen.length, 3);
  assert.equal(seen[0].path, "/api/intents/api/v1/executions/alice.near");
  assert.equal(seen[1].path, "/api/intents/api/v1/executions/alice.near/steps");
  assert.equal(seen[2].path, "/direct/api/v1/executions/alice.near");
  for (const r of seen) assert.ok(!("x-api-key" in r.headers), `${r.path}: no key from the client`);
});

test("listExecutions: GET with ?id= and ?status= (lists comma-joined), always an array, no x-api-key", async () => {
  const api = intentsConnect({ baseUrl: base, apiKey: "k" });
  const list = [EXECUTION, { ...EXECUTION, id: "e5abf7ce-1187-4562-b2a7-c52d6560f327", status: "SUCCESS" }];
  answer(200, { result: list });
  assert.deepEqual(await api.listExecutions(WALLET_SOL, { id: [EXEC_ID, list[1].id], status: ["CREATED", "SUCCESS"] }), list);
  let r = only();
  assert.equal(r.method, "GET");
  assert.equal(r.path, `/api/v1/executions/${WALLET_SOL}`);
  assert.deepEqual(r.query, { id: `${EXEC_ID},${list[1].id}`, status: "CREATED,SUCCESS" });
  assert.ok(!("x-api-key" in r.headers), "the key is only for create routes");
  assert.equal(r.body, undefined);

  seen = [];
  answer(200, { result: [] });
  assert.deepEqual(await api.listExecutions(WALLET_SOL), []);
  r = only();
  assert.equal(r.search, "", "no query string without filters");

  seen = [];
  answer(200, { result: [] });
  await api.listExecutions(WALLET_SOL, { status: "OPERATION_PENDING" });
  assert.deepEqual(only().query, { status: "OPERATION_PENDING" });
});

test("getExecution: the list route with ?id=, result[0]; undefined when the list is empty", async () => {
  const api = intentsConnect({ baseUrl: base });
  answer(200, { result: [EXECUTION] });
  assert.deepEqual(await api.getExecution(WALLET_SOL, EXEC_ID), EXECUTION);
  const r = only();
  assert.equal(r.method, "GET");
  assert.equal(r.path, `/api/v1/executions/${WALLET_SOL}`);
  assert.deepEqual(r.query, { id: EXEC_ID });
  answer(200, { result: [] });
  assert.equal(await api.getExecution(WALLET_SOL, EXEC_ID), undefined);
});

test("submitSignature: POST /api/v1/executions/{wallet}/submit with the submit body", async () => {
  const api = intentsConnect({ baseUrl: base, apiKey: "k" });
  const body = {
    executionId: EXEC_ID,
    publicKey: `ed25519:${WALLET_SOL}`,
    signature: "ed25519:5VUXRtVgS6bq3Wn64YdCt5NSPfA1Ni5zqiLFsSScyq6Dj53pbNEcwKcp7t1aRqw8zWCoN7coMLBUmatmwLAEvndP",
  };
  answer(200, { result: { status: "SIGNED_PENDING_DEPOSIT" } });
  assert.deepEqual(await api.submitSignature(WALLET_SOL, body), { status: "SIGNED_PENDING_DEPOSIT" });
  const r = only();
  assert.equal(r.method, "POST");
  assert.equal(r.path, `/api/v1/executions/${WALLET_SOL}/submit`);
  assert.deepEqual(r.body, body);
  assert.ok(!("x-api-key" in r.headers));
});

test("submitDeposit: POST /api/v1/executions/deposit/submit", async () => {
  const api = intentsConnect({ baseUrl: base });
  const deposit = { txHash: "0x" + "ab".repeat(32), depositAddress: "0xf9a3a3f6A7d0C235eFc35F1978E3F53c264eeE45" };
  answer(200, { result: { status: "DEPOSIT_PROCESSING" } });
  assert.deepEqual(await api.submitDeposit(deposit), { status: "DEPOSIT_PROCESSING" });
  const r = only();
  assert.equal(r.method, "POST");
  assert.equal(r.path, "/api/v1/executions/deposit/submit");
  assert.deepEqual(r.body, deposit);
  seen = [];
  answer(200, { result: { status: "DEPOSIT_PROCESSING" } });
  await api.submitDeposit({ ...deposit, memo: "12345" });
  assert.equal(only().body.memo, "12345");
});

test("deleteExecution: DELETE /api/v1/executions/{wallet}/{executionId} with a JSON body", async () => {
  const api = intentsConnect({ baseUrl: base, apiKey: "k" });
  const body = { signature: "ed25519:abc", publicKey: "ed25519:def", nep413: { nonce: "A".repeat(43) + "=", recipient: "intents.near" } };
  answer(200, { result: { status: "DELETED" } });
  assert.deepEqual(await api.deleteExecution("alice.near", EXEC_ID, body), { status: "DELETED" });
  const r = only();
  assert.equal(r.method, "DELETE");
  assert.equal(r.path, `/api/v1/executions/alice.near/${EXEC_ID}`);
  assert.match(r.headers["content-type"], /^application\/json/);
  assert.deepEqual(r.body, body);
  assert.ok(!("x-api-key" in r.headers));
});

test("supportedTokens: GET /api/v1/supported_tokens[?flow=]", async () => {
  const api = intentsConnect({ baseUrl: base, apiKey: "k" });
  const tokens = { in: [{ assetId: "nep141:sol.omft.near", decimals: 9, symbol: "SOL" }], out: [] };
  answer(200, { result: tokens });
  assert.deepEqual(await api.supportedTokens("outOperation"), tokens);
  let r = only();
  assert.equal(r.method, "GET");
  assert.equal(r.path, "/api/v1/supported_tokens");
  assert.deepEqual(r.query, { flow: "outOperation" });
  assert.ok(!("x-api-key" in r.headers));
  seen = [];
  answer(200, { result: tokens });
  await api.supportedTokens();
  r = only();
  assert.equal(r.url, "/api/v1/supported_tokens");
});

test("intermediary: GET /api/v1/executions/{wallet}/intermediary[?publicKey=]", async () => {
  const api = intentsConnect({ baseUrl: base });
  const result = { originAccount: WALLET_EVM, originType: "evm", evm: "0x3eb032bca9a6ceeb8ce69fdf4ec79187fdddd25e", solana: null, sui: null };
  answer(200, { result });
  assert.deepEqual(await api.intermediary(WALLET_EVM), result);
  let r = only();
  assert.equal(r.method, "GET");
  assert.equal(r.url, `/api/v1/executions/${WALLET_EVM}/intermediary`);
  seen = [];
  answer(200, { result });
  await api.intermediary("UQBvW8Z5huBkMJYdnfAEM5JqTNkuWX3diqYENkWsIL0XggGG", { publicKey: "ed25519:8rVvtHWFr8hasdQGGD5WiQBTyr4iH2ruEPPVfj491RPN" });
  r = only();
  assert.equal(r.path, "/api/v1/executions/UQBvW8Z5huBkMJYdnfAEM5JqTNkuWX3diqYENkWsIL0XggGG/intermediary");
  assert.deepEqual(r.query, { publicKey: "ed25519:8rVvtHWFr8hasdQGGD5WiQBTyr4iH2ruEPPVfj491RPN" });
  assert.match(r.url, /publicKey=ed25519%3A8rVv/, "the query value is URL-encoded");
});

test("path segments are URL-encoded", async () => {
  const api = intentsConnect({ baseUrl: base });
  answer(200, { result: { status: "DELETED" } });
  await api.deleteExecution("we ird/wallet?x", "id/../../x#y", { signature: "s" });
  const r = only();
  assert.equal(r.rawPath, "/api/v1/executions/we%20ird%2Fwallet%3Fx/id%2F..%2F..%2Fx%23y");
  assert.equal(r.search, "");
});

test("a bare (unwrapped) success body is passed through; an empty one gives undefined", async () => {
  const api = intentsConnect({ baseUrl: base });
  answer(200, { status: "SIGNING" });
  assert.deepEqual(await api.submitSignature(WALLET_EVM, { executionId: EXEC_ID, signature: "secp256k1:x" }), { status: "SIGNING" });
  answer(200, "");
  assert.equal(await api.submitDeposit({ txHash: "h", depositAddress: "d" }), undefined);
  answer(200, [EXECUTION]);
  assert.deepEqual(await api.listExecutions(WALLET_EVM), [EXECUTION]);
});

test("the options.fetch given is the one used", async () => {
  const calls = [];
  const api = intentsConnect({
    baseUrl: "https://intents-connect-api.aurora.dev",
    apiKey: "k",
    fetch: async (url, init) => {
      calls.push({ url, init });
      return { status: 201, text: async () => JSON.stringify({ result: EXECUTION }) };
    },
  });
  assert.deepEqual(await api.createExecution(WALLET_EVM, CREATE_BODY), EXECUTION);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, `https://intents-connect-api.aurora.dev/api/v1/executions/${WALLET_EVM}`);
  assert.equal(calls[0].init.method, "POST");
  assert.equal(calls[0].init.headers["x-api-key"], "k");
  assert.deepEqual(JSON.parse(calls[0].init.body), CREATE_BODY);
});

// ------------------------------------------------------------------ errors

test("400 {error}: IntentsConnectError with status, code HTTP_400 and the server's text", async () => {
  const api = intentsConnect({ baseUrl: base, apiKey: "k" });
  answer(400, { error: "steps are required for non-dry executions" });
  const e = await rejects(api.createExecution(WALLET_EVM, { dry: false }));
  assert.ok(e instanceof IntentsConnectError);
  assert.ok(e instanceof Error);
  assert.equal(e.name, "IntentsConnectError");
  assert.equal(e.status, 400);
  assert.equal(e.code, "HTTP_400");
  assert.equal(e.message, "steps are required for non-dry executions");
  assert.deepEqual(e.body, { error: "steps are required for non-dry executions" });
});

test("409 (execution in flight) and 404", async () => {
  const api = intentsConnect({ baseUrl: base });
  answer(409, { error: "an execution for this wallet is already in progress" });
  let e = await rejects(api.createStepsExecution(WALLET_EVM, CREATE_BODY));
  assert.ok(e instanceof IntentsConnectError);
  assert.equal(e.status, 409);
  assert.equal(e.code, "HTTP_409");
  assert.match(e.message, /already in progress/);
  answer(404, { error: "execution not found" });
  e = await rejects(api.deleteExecution(WALLET_EVM, EXEC_ID, { signature: "secp256k1:x" }));
  assert.equal(e.code, "HTTP_404");
  assert.equal(e.message, "execution not found");
});

test("a non-JSON error page (502 from a proxy) keeps the status and a snippet", async () => {
  const api = intentsConnect({ baseUrl: base });
  answer(502, "<html><body>Bad Gateway</body></html>", "text/html");
  const e = await rejects(api.supportedTokens());
  assert.ok(e instanceof IntentsConnectError);
  assert.equal(e.status, 502);
  assert.equal(e.code, "HTTP_502");
  assert.match(e.message, /502/);
  assert.match(e.message, /Bad Gateway/);
});

test("a 2xx answer carrying {error} throws too", async () => {
  const api = intentsConnect({ baseUrl: base });
  answer(200, { error: "estimated gas fee exceeds minimum output amount" });
  const e = await rejects(api.createExecution(WALLET_EVM, CREATE_BODY));
  assert.ok(e instanceof IntentsConnectError);
  assert.equal(e.status, 200);
  assert.equal(e.code, "HTTP_200");
  assert.equal(e.message, "estimated gas fee exceeds minimum output amount");
});

test("a 2xx answer that is not JSON is INVALID_RESPONSE", async () => {
  const api = intentsConnect({ baseUrl: base });
  answer(200, "OK", "text/plain");
  const e = await rejects(api.intermediary(WALLET_EVM));
  assert.ok(e instanceof IntentsConnectError);
  assert.equal(e.code, "INVALID_RESPONSE");
  assert.equal(e.status, 200);
});

test("a network failure (nothing listening) is NETWORK_ERROR with status 0 and the cause", async () => {
  const closed = createServer();
  await new Promise((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));
  const api = intentsConnect({ baseUrl: `http://127.0.0.1:${port}` });
  const e = await rejects(api.listExecutions(WALLET_EVM));
  assert.ok(e instanceof IntentsConnectError);
  assert.ok(e instanceof Error);
  assert.equal(e.status, 0);
  assert.equal(e.code, "NETWORK_ERROR");
  assert.ok(e.cause !== undefined, "the fetch error is the cause");
  // the same through a fetch that rejects
  const api2 = intentsConnect({
    baseUrl: "https://intents-connect-api.aurora.dev",
    fetch: async () => {
      throw new TypeError("fetch failed");
    },
  });
  const e2 = await rejects(api2.getExecution(WALLET_EVM, EXEC_ID));
  assert.equal(e2.code, "NETWORK_ERROR");
  assert.ok(e2.cause instanceof TypeError);
  assert.match(e2.message, /fetch failed/);
});

test("bad arguments are TypeErrors before any request", async () => {
  assert.throws(() => intentsConnect({}), TypeError);
  assert.throws(() => intentsConnect({ baseUrl: "" }), TypeError);
  const api = intentsConnect({ baseUrl: base });
  await assert.rejects(api.getExecution(WALLET_EVM, ""), TypeError);
  await assert.rejects(api.deleteExecution("", EXEC_ID, { signature: "s" }), TypeError);
  assert.equal(seen.length, 0);
});

// ------------------------------------------------- with the signing flow

test("end to end with the signing flow: create → prepareSigning → finishSigning → submit, then delete", async () => {
  const doc = vectorFile("generated/executions.json");
  const c = doc.cases.find((x) => !x.expected.stage && x.flags.includes("raw_ed25519"));
  const api = intentsConnect({ baseUrl: base, apiKey: "k" });
  answer(201, { result: c.input.execution });
  answer(200, { result: { status: "SIGNED_PENDING_DEPOSIT" } });
  answer(200, { result: [{ ...c.input.execution, status: "DEPOSIT_PENDING" }] });
  const execution = await api.createExecution(c.input.wallet, CREATE_BODY);
  const request = prepareSigning(execution, { wallet: c.input.wallet, now: c.input.now });
  const out = c.input.walletOutput;
  const walletOutput = out.$bytes ? hex(out.$bytes) : out.signature?.$bytes ? { ...out, signature: hex(out.signature.$bytes) } : out;
  const { submitBody } = finishSigning(request, walletOutput);
  assert.deepEqual(await api.submitSignature(c.input.wallet, submitBody), { status: "SIGNED_PENDING_DEPOSIT" });
  assert.equal((await api.getExecution(c.input.wallet, execution.id)).status, "DEPOSIT_PENDING");
  assert.equal(seen[1].path, `/api/v1/executions/${c.input.wallet}/submit`);
  assert.deepEqual(seen[1].body, c.expected.submitBody);

  const d = doc.cases.find((x) => x.expected.stage === "delete" && !x.expected.error && x.flags.includes("nep413"));
  const req = deleteExecutionRequest(d.input.executionId, d.input.wallet, { nonce: hex(d.input.nonce.$bytes) });
  const dOut = d.input.walletOutput;
  const deleteBody = finishDeleteSigning(req, dOut.signature.$bytes ? { ...dOut, signature: hex(dOut.signature.$bytes) } : dOut);
  seen = [];
  answer(200, { result: { status: "DELETED" } });
  assert.deepEqual(await api.deleteExecution(d.input.wallet, d.input.executionId, deleteBody), { status: "DELETED" });
  const r = only();
  assert.equal(r.method, "DELETE");
  assert.equal(r.path, `/api/v1/executions/${d.input.wallet}/${d.input.executionId}`);
  assert.deepEqual(r.body, d.expected.deleteBody);
});
