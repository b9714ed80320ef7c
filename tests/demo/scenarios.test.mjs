// The mock's scenario switch (www/mock/scenarios.mjs): `?scenario=NAME` on a
// non-dry Intents Connect create serves a hostile execution. Run by
// scripts/test-demo-mock.sh. The payloads are read here with JSON.parse and
// the mock's own duplicate-key scan; when pkg/ is built, intent-signer's
// prepareSigning is also run over them (and over the default, honest flows,
// which must carry no danger finding).
import { test, describe, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createHash, createPrivateKey, createPublicKey, sign as cryptoSign } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

import { startServer } from "../../www/server.mjs";
import { findDuplicateKeys } from "../../www/mock/intents-connect.mjs";
import { SCENARIOS, SCENARIO_NAMES, STRANGER, STRANGER_KEY, U128_MAX, ARB_USDC } from "../../www/mock/scenarios.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..", "..");
const nm = (p) => import(pathToFileURL(path.join(REPO, "www", "node_modules", p)).href);
const { secp256k1 } = await nm("@noble/curves/secp256k1.js");
const { keccak_256 } = await nm("@noble/hashes/sha3.js");
const bs58 = (await nm("bs58/src/esm/index.js")).default;

// ------------------------------------------------------------------ TEST KEYS (never for funds)

const sha256 = (b) => new Uint8Array(createHash("sha256").update(b).digest());
const utf8 = (s) => new Uint8Array(Buffer.from(s, "utf8"));
const hex = (b) => Buffer.from(b).toString("hex");
const seedOf = (label) => sha256(utf8(`intent-signer scenario test TEST KEY ${label}`));
const EVM_SK = seedOf("evm");
const EVM_ADDRESS = "0x" + hex(keccak_256(secp256k1.getPublicKey(EVM_SK, false).slice(1)).slice(12));
const edPriv = createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seedOf("near implicit")]), format: "der", type: "pkcs8" });
const NEAR_PUB = new Uint8Array(createPublicKey(edPriv).export({ format: "der", type: "spki" }).subarray(-32));
const NEAR_IMPLICIT = hex(NEAR_PUB);

function personalSign(bytes) {
  const digest = keccak_256(new Uint8Array([...utf8(`\x19Ethereum Signed Message:\n${bytes.length}`), ...bytes]));
  const rec = secp256k1.sign(digest, EVM_SK, { prehash: false, format: "recovered" });
  return "secp256k1:" + bs58.encode(new Uint8Array([...rec.slice(1, 65), rec[0]]));
}

const USDC_BASE = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";
const USDC_BASE_ASSET = "nep141:base-0x833589fcd6edb6e08f4c7c32d4f71b54bda02913.omft.near";
const SOL_ASSET = "nep141:sol.omft.near";
const AAVE_POOL = "0xA238Dd80C259a72e81d7e4664a9801593F98d1c5";

const bridgeIn = (extra = {}) => ({
  version: "1.0",
  type: "evm",
  dry: false,
  quote: { amount: "1270000000", originAsset: SOL_ASSET, destinationAsset: USDC_BASE_ASSET, slippageTolerance: 100 },
  steps: [{ to: USDC_BASE, functionSignature: "approve(address,uint256)", parameters: [AAVE_POOL, "{MIN_AMOUNT_OUT}"], value: "0" }],
  ...extra,
});
const outOperation = () => ({
  dry: false,
  type: "evm",
  outOperation: true,
  quote: { amount: "282174", destinationAsset: SOL_ASSET, originAsset: USDC_BASE_ASSET, slippageTolerance: 100 },
  steps: [{ to: USDC_BASE, functionSignature: "transfer(address,uint256)", parameters: ["{DEPOSIT_ADDRESS}", "282174"], value: "0" }],
});
const stepsOnly = () => ({
  type: "evm",
  dry: false,
  destinationAsset: USDC_BASE_ASSET,
  steps: [{ to: USDC_BASE, value: "0", functionSignature: "transfer(address,uint256)", parameters: ["0x3eb032bca9a6ceeb8ce69fdf4ec79187fdddd25e", "0"] }],
});

// ------------------------------------------------------------------ the server

let srv;
let base;
async function call(method, p, body) {
  const res = await fetch(base + p, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, body: json, text };
}
const post = (p, b) => call("POST", p, b);

async function create(wallet, scenario, body = bridgeIn(), route = "") {
  const q = scenario ? `?scenario=${encodeURIComponent(scenario)}` : "";
  const r = await post(`/api/v1/executions/${encodeURIComponent(wallet)}${route}${q}`, body);
  assert.equal(r.status, 201, `create ${scenario}: ${r.text}`);
  return r.body.result;
}

/** The DefusePayload the wallet signs, for erc191 (payload_json) or nep413 (the inner message). */
function messageOf(execution) {
  const p = execution.details.payload;
  assert.equal(Buffer.from(p.payload_bytes_base64, "base64").toString("utf8"), p.payload_json, "the bytes are payload_json");
  const text = execution.details.signingStandard === "nep413" ? JSON.parse(p.payload_json).message : p.payload_json;
  return { text, json: JSON.parse(text) };
}

before(async () => {
  srv = await startServer({ port: 0, quiet: true });
  base = srv.url.replace(/\/$/, "");
});
after(async () => {
  await srv?.close();
});
beforeEach(async () => {
  assert.equal((await post("/__mock/reset", {})).status, 200);
});

describe("the scenario switch (?scenario=NAME)", () => {
  test("every scenario is served for an EVM wallet: a valid execution whose payload carries its intents", async () => {
    for (const name of SCENARIO_NAMES) {
      await post("/__mock/reset", {});
      const e = await create(EVM_ADDRESS, name);
      assert.match(e.id, /^[0-9a-f-]{36}$/);
      assert.equal(e.status, "CREATED");
      assert.equal(e.details.signingStandard, "erc191");
      assert.ok(e.quote.depositAddress && e.steps.length >= 2, name);
      const { text, json } = messageOf(e);
      assert.equal(json.signer_id, EVM_ADDRESS.toLowerCase(), name);
      assert.equal(json.verifying_contract, "intents.near");
      assert.ok(Array.isArray(json.intents) && json.intents.length >= 1, name);
      const dups = findDuplicateKeys(text);
      if (name.startsWith("duplicate-")) assert.equal(dups.length, 1, `${name}: one key given twice`);
      else assert.deepEqual(dups, [], name);
    }
  });

  test("the hostile intents, field by field", async () => {
    const kinds = {};
    for (const name of SCENARIO_NAMES) {
      await post("/__mock/reset", {});
      kinds[name] = messageOf(await create(EVM_ADDRESS, name)).json.intents;
    }
    assert.deepEqual(kinds["add-public-key"], [{ intent: "add_public_key", public_key: STRANGER_KEY }]);
    assert.equal(kinds["remove-public-key"][0].intent, "remove_public_key");
    assert.deepEqual(kinds["disable-auth-by-predecessor"], [{ intent: "set_auth_by_predecessor_id", enabled: false }]);
    assert.equal(kinds["auth-call"][0].attached_deposit, "1000000000000000000000000");
    const ft = kinds["ft-withdraw-call"][0];
    assert.equal(ft.intent, "ft_withdraw");
    assert.ok(ft.msg && ft.storage_deposit, "msg and storage_deposit");
    assert.equal(kinds["native-withdraw"][0].intent, "native_withdraw");
    assert.deepEqual(Object.values(kinds["transfer-max"][0].tokens), [U128_MAX]);
    assert.equal(kinds["transfer-max"][0].receiver_id, STRANGER);
    for (const k of ["mt-withdraw", "nft-withdraw", "token-diff", "imt-mint", "imt-burn"]) assert.equal(kinds[k][0].intent, k.replace("-", "_"));
    assert.ok(Object.values(kinds["token-diff"][0].diff).some((d) => d.startsWith("-")), "token_diff gives something away");
    const st = kinds["state-init-malformed"][0];
    assert.equal(st.intent, "transfer");
    assert.ok(st.msg && st.state_init, "msg with a state_init");
  });

  test("quote scenarios: a 1 USDC quote under 1,000,000 USDC to another account; a line break in originAsset", async () => {
    const m = await create(EVM_ADDRESS, "quote-mismatch");
    assert.equal(m.quote.originAsset, ARB_USDC);
    assert.equal(m.quote.amountIn, "1000000");
    const moved = messageOf(m).json.intents.find((i) => i.receiver_id === STRANGER);
    assert.deepEqual(moved.tokens, { [ARB_USDC]: "1000000000000" });
    await post("/__mock/reset", {});
    const inj = await create(EVM_ADDRESS, "quote-injection");
    assert.ok(inj.quote.originAsset.endsWith("\nIntents: none besides this swap"), JSON.stringify(inj.quote.originAsset));
    assert.equal(messageOf(inj).json.intents.length, 2);
  });

  test("NEP-413 wallets: the duplicate is inside the signed message; a flagged scenario still signs and submits (EVM)", async () => {
    const e = await create(NEAR_IMPLICIT, "duplicate-signer-id");
    assert.equal(e.details.signingStandard, "nep413");
    const { text } = messageOf(e);
    assert.deepEqual(findDuplicateKeys(text).map((d) => d.key), ["signer_id"]);
    await post("/__mock/reset", {});
    const flagged = await create(EVM_ADDRESS, "add-public-key");
    const bytes = new Uint8Array(Buffer.from(flagged.details.payload.payload_bytes_base64, "base64"));
    const r = await post(`/api/v1/executions/${EVM_ADDRESS}/submit`, { executionId: flagged.id, signature: personalSign(bytes) });
    assert.equal(r.status, 200, r.text);
  });

  test("400 for an unknown scenario and for a quote scenario on /steps; a dry run ignores the switch; no scenario: the honest transfer", async () => {
    const unknown = await post(`/api/v1/executions/${EVM_ADDRESS}?scenario=nope`, bridgeIn());
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error, /unknown scenario "nope" \(known: add-public-key, /);
    const steps = await post(`/api/v1/executions/${EVM_ADDRESS}/steps?scenario=quote-mismatch`, stepsOnly());
    assert.equal(steps.status, 400);
    assert.match(steps.body.error, /needs a quote-backed create/);
    const dry = await post(`/api/v1/executions/${EVM_ADDRESS}?scenario=quote-mismatch`, bridgeIn({ dry: true }));
    assert.equal(dry.status, 200);
    assert.equal(dry.body.result.quote.originAsset, SOL_ASSET, "a dry run is the honest quote");
    const stepsFlagged = await create(EVM_ADDRESS, "auth-call", stepsOnly(), "/steps");
    assert.equal(messageOf(stepsFlagged).json.intents[0].intent, "auth_call", "non-quote scenarios also on /steps");
    await post("/__mock/reset", {});
    const honest = await create(EVM_ADDRESS, null);
    assert.deepEqual(messageOf(honest).json.intents, [{ intent: "transfer", receiver_id: honest.details.intermediaryAddress.toLowerCase(), tokens: { [USDC_BASE_ASSET]: honest.quote.minAmountOut } }]);
  });

  test("the honest out-operation sends the origin asset to the quote's deposit address", async () => {
    const e = await create(EVM_ADDRESS, null, outOperation());
    assert.deepEqual(messageOf(e).json.intents, [{ intent: "transfer", receiver_id: e.quote.depositAddress.toLowerCase(), tokens: { [USDC_BASE_ASSET]: e.quote.amountIn } }]);
  });

  test("with --api (a real server), ?scenario= is refused and never forwarded", async () => {
    let upstreamCalls = 0;
    const http = await import("node:http");
    const upstream = http.createServer((req, res) => {
      upstreamCalls++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"result":{}}');
    });
    await new Promise((r) => upstream.listen(0, "127.0.0.1", r));
    const proxied = await startServer({ port: 0, quiet: true, api: `http://127.0.0.1:${upstream.address().port}` });
    try {
      const url = proxied.url.replace(/\/$/, "");
      const refused = await fetch(`${url}/api/v1/executions/${EVM_ADDRESS}?scenario=add-public-key`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(bridgeIn()) });
      assert.equal(refused.status, 400);
      assert.match((await refused.json()).error, /never sent to the real API/);
      assert.equal(upstreamCalls, 0);
      const passed = await fetch(`${url}/api/v1/supported_tokens`);
      assert.equal(passed.status, 200);
      assert.equal(upstreamCalls, 1, "the rest is proxied");
    } finally {
      await proxied.close();
      await new Promise((r) => upstream.close(r));
    }
  });
});

// ================================================================== intent-signer over the scenarios (when pkg/ is built)

const pkgNode = path.join(REPO, "pkg", "all", "index.cjs");
const lib = fs.existsSync(pkgNode) ? createRequire(import.meta.url)(pkgNode) : null;
const hasReview = typeof lib?.prepareSigning === "function";

describe("intent-signer (pkg/all, CommonJS) over the mock's executions", { skip: !hasReview && "pkg/ not built" }, () => {
  const SOL_WALLET = bs58.encode(sha256(utf8("scenario test solana key")));
  const honestFlows = [
    ["bridge-in, EVM", EVM_ADDRESS, bridgeIn(), ""],
    ["bridge-in, NEAR implicit", NEAR_IMPLICIT, bridgeIn(), ""],
    ["bridge-in, NEAR named", "alice.near", bridgeIn(), ""],
    ["bridge-in, Solana", SOL_WALLET, bridgeIn(), ""],
    ["out-operation, EVM", EVM_ADDRESS, outOperation(), ""],
    ["steps-only, EVM", EVM_ADDRESS, stepsOnly(), "/steps"],
  ];
  for (const [name, wallet, body, route] of honestFlows) {
    test(`honest ${name}: no danger finding, the quote (if any) matches`, async () => {
      const e = await create(wallet, null, structuredClone(body), route);
      const req = lib.prepareSigning(e, { wallet, now: Date.now() });
      const danger = req.warnings.filter((w) => w.severity === "danger");
      assert.deepEqual(danger, [], `${name}: ${JSON.stringify(req.warnings)}`);
      assert.equal(req.quoteMatches, e.quote ? true : null);
      assert.equal(req.entries[0].kind, "transfer");
    });
  }

  test("every scenario is refused (AMBIGUOUS_PAYLOAD) or flagged with a danger finding", async () => {
    for (const name of SCENARIO_NAMES) {
      await post("/__mock/reset", {});
      const e = await create(EVM_ADDRESS, name);
      let req = null;
      let code = null;
      try {
        req = lib.prepareSigning(e, { wallet: EVM_ADDRESS, now: Date.now() });
      } catch (err) {
        code = err.code;
      }
      if (SCENARIOS[name].refused) assert.equal(code, "AMBIGUOUS_PAYLOAD", name);
      else {
        assert.equal(code, null, name);
        assert.ok(req.warnings.some((w) => w.severity === "danger"), `${name}: ${req.warnings.map((w) => w.code)}`);
        assert.equal(req.quoteMatches, false, name);
      }
    }
  });
});
