// Tests of the demo server (www/server.mjs) and its mock APIs (www/mock/).
// Run by scripts/test-demo-mock.sh (npm ci in www/, then node --test tests/demo/).
//
// The wallets here are independent of both intent-signer and the mock's
// verifier: ed25519 comes from node:crypto, secp256k1 from @noble/curves
// (loaded from www/node_modules), and the NEP-413, ERC-191, EIP-712 (Permit2)
// and EIP-7702 preimages are laid out by hand in this file.
// Every key is a TEST KEY derived from a fixed label: never use it for funds.
import { test, describe, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { createHash, createPrivateKey, createPublicKey, sign as cryptoSign } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";

import { startServer, parseArgs, MAX_BODY_BYTES } from "../../www/server.mjs";
import * as verify from "../../www/mock/verify.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..", "..");
const WWW_MODULES = path.join(REPO, "www", "node_modules");
const nm = (p) => import(pathToFileURL(path.join(WWW_MODULES, p)).href);
const { secp256k1 } = await nm("@noble/curves/secp256k1.js");
const { keccak_256 } = await nm("@noble/hashes/sha3.js");
const bs58 = (await nm("bs58/src/esm/index.js")).default;

// ------------------------------------------------------------------ bytes

const hex = (b) => Buffer.from(b).toString("hex");
const fromHex = (h) => new Uint8Array(Buffer.from(h.replace(/^0x/, ""), "hex"));
const utf8 = (s) => new Uint8Array(Buffer.from(s, "utf8"));
const concat = (...parts) => new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));
const sha256 = (b) => new Uint8Array(createHash("sha256").update(b).digest());
const b64 = (b) => Buffer.from(b).toString("base64");
const u32le = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const word = (x) => fromHex(BigInt(x).toString(16).padStart(64, "0"));
const SECP_N = BigInt("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

// ------------------------------------------------------------------ TEST KEYS (never for real funds)

const seedOf = (label) => sha256(utf8(`intent-signer demo mock TEST KEY ${label}`));

const ED_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
function edKey(label) {
  const seed = seedOf(label);
  const priv = createPrivateKey({ key: Buffer.concat([ED_PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
  const pub = new Uint8Array(createPublicKey(priv).export({ format: "der", type: "spki" }).subarray(-32));
  return {
    pub,
    b58: bs58.encode(pub),
    hex: hex(pub),
    publicKey: "ed25519:" + bs58.encode(pub),
    sign: (msg) => new Uint8Array(cryptoSign(null, msg, priv)),
  };
}

function evmKey(label) {
  const sk = seedOf(label);
  const pub = secp256k1.getPublicKey(sk, false);
  const address = "0x" + hex(keccak_256(pub.slice(1)).slice(12));
  const signDigest = (digest) => {
    const rec = secp256k1.sign(digest, sk, { prehash: false, format: "recovered" });
    return { r: rec.slice(1, 33), s: rec.slice(33, 65), recovery: rec[0] };
  };
  return { sk, address, signDigest };
}

/** personal_sign: keccak256("\x19Ethereum Signed Message:\n" + len + message); v 0/1 unless told. */
function personalSign(key, bytes, vOffset = 0) {
  const digest = keccak_256(concat(utf8(`\x19Ethereum Signed Message:\n${bytes.length}`), bytes));
  const { r, s, recovery } = key.signDigest(digest);
  return concat(r, s, [recovery + vOffset]);
}
const secpString = (sig65) => "secp256k1:" + bs58.encode(sig65);
const edString = (sig64) => "ed25519:" + bs58.encode(sig64);

/** NEP-413 digest, laid out by hand: sha256(u32 2^31+413 ‖ message ‖ nonce ‖ recipient ‖ None). */
function nep413Digest(message, nonce, recipient) {
  const m = utf8(message);
  const r = utf8(recipient);
  return sha256(concat(u32le(2147484061), u32le(m.length), m, nonce, u32le(r.length), r, [0]));
}

const EVM = evmKey("evm wallet");
const EVM_OTHER = evmKey("another evm wallet");
const SOL = edKey("solana wallet");
const SOL_OTHER = edKey("another solana wallet");
const NEAR_NAMED_KEY = edKey("alice.near key");
const NEAR_IMPLICIT = edKey("near implicit wallet");
const NEAR_NAMED = "alice.near";

const USDC_BASE = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";
const USDC_BASE_ASSET = "nep141:base-0x833589fcd6edb6e08f4c7c32d4f71b54bda02913.omft.near";
const SOL_ASSET = "nep141:sol.omft.near";
const AAVE_POOL = "0xA238Dd80C259a72e81d7e4664a9801593F98d1c5";
const FEE_COLLECTOR = "0x546252c9a0E974f75892b4c54b7a67B69a0aFf45";

// ------------------------------------------------------------------ request bodies (§A.7)

const bridgeIn = (extra = {}) => ({
  version: "1.0",
  type: "evm",
  dry: false,
  quote: { amount: "1270000", originAsset: SOL_ASSET, destinationAsset: USDC_BASE_ASSET, slippageTolerance: 100 },
  steps: [
    { to: USDC_BASE, functionSignature: "approve(address,uint256)", parameters: [AAVE_POOL, "{MIN_AMOUNT_OUT}"], value: "0" },
    {
      to: AAVE_POOL,
      functionSignature: "supply(address,uint256,address,uint16)",
      parameters: [USDC_BASE, "{MIN_AMOUNT_OUT}", "0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E", "0"],
      value: "0",
      metadata: { name: "Supply", description: "Supply USDC to Aave" },
    },
  ],
  metadata: { intent: "aave_supply", title: "Supply to Aave (single-round)" },
  ...extra,
});

const outOperation = (extra = {}) => ({
  dry: false,
  type: "evm",
  outOperation: true,
  metadata: { intent: "aave_withdraw", title: "Withdraw from Aave" },
  quote: { amount: "282174", destinationAsset: SOL_ASSET, originAsset: USDC_BASE_ASSET, slippageTolerance: 100 },
  steps: [
    { functionSignature: "withdraw(address,uint256,address)", parameters: [USDC_BASE, "282174", "0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E"], to: AAVE_POOL, value: "0" },
    { to: USDC_BASE, functionSignature: "transfer(address,uint256)", parameters: ["{DEPOSIT_ADDRESS}", "282174"], value: "0" },
  ],
  ...extra,
});

const stepsOnly = (extra = {}) => ({
  version: "1.0",
  type: "evm",
  destinationAsset: USDC_BASE_ASSET,
  steps: [
    { to: "0x1111111111111111111111111111111111111111", value: "0", functionSignature: "approve(address,uint256)", parameters: ["0x2222222222222222222222222222222222222222", "1000000000000000000"] },
    { to: USDC_BASE, value: "0", functionSignature: "transfer(address,uint256)", parameters: ["0x3eb032bca9a6ceeb8ce69fdf4ec79187fdddd25e", "0"] },
  ],
  metadata: { title: "Request redeem", intent: "async_redeem" },
  dry: false,
  ...extra,
});

// ------------------------------------------------------------------ the server

let srv;
let base;

async function call(method, p, body, headers = {}) {
  const init = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers["content-type"] ??= "application/json";
  }
  const res = await fetch(base + p, init);
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, body: json, text, headers: res.headers };
}
const get = (p, h) => call("GET", p, undefined, h);
const post = (p, b, h) => call("POST", p, b, h);
const del = (p, b) => call("DELETE", p, b);

/** A raw request (no URL normalisation by fetch). */
function rawRequest(port, method, rawPath, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: rawPath, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

async function create(wallet, body = bridgeIn(), route = "") {
  const r = await post(`/api/v1/executions/${encodeURIComponent(wallet)}${route}`, body);
  assert.equal(r.status, 201, `create: ${r.text}`);
  return r.body.result;
}

/** Signs an execution as the wallet would, with the test's own wallets. */
function signExecution(kind, execution) {
  const p = execution.details.payload;
  const bytes = new Uint8Array(Buffer.from(p.payload_bytes_base64, "base64"));
  if (kind === "evm") return { executionId: execution.id, signature: secpString(personalSign(EVM, bytes)) };
  if (kind === "solana") return { executionId: execution.id, signature: edString(SOL.sign(bytes)), publicKey: SOL.publicKey };
  const key = kind === "near" ? NEAR_NAMED_KEY : NEAR_IMPLICIT;
  const n = JSON.parse(new TextDecoder().decode(bytes));
  const digest = nep413Digest(n.message, new Uint8Array(Buffer.from(n.nonce, "base64")), n.recipient);
  return { executionId: execution.id, signature: edString(key.sign(digest)), publicKey: key.publicKey };
}

const WALLETS = {
  evm: () => EVM.address,
  solana: () => SOL.b58,
  near: () => NEAR_NAMED,
  implicit: () => NEAR_IMPLICIT.hex,
};

async function statusOf(wallet, id) {
  const r = await get(`/api/v1/executions/${encodeURIComponent(wallet)}?id=${id}`);
  assert.equal(r.status, 200);
  return r.body.result[0]?.status;
}

/** Polls until a terminal status; returns the distinct statuses seen, in order. */
async function walk(wallet, id, limitMs = 5000) {
  const seen = [];
  const until = Date.now() + limitMs;
  for (;;) {
    const s = await statusOf(wallet, id);
    if (seen[seen.length - 1] !== s) seen.push(s);
    if (["SUCCESS", "OPERATION_FAILED", "DEPOSIT_FAILED"].includes(s) || Date.now() > until) return seen;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const isSubsequence = (seen, full) => {
  let i = 0;
  for (const s of seen) {
    i = full.indexOf(s, i);
    if (i < 0) return false;
  }
  return true;
};
const BRIDGE_WALK = ["CREATED", "DEPOSIT_PENDING", "DEPOSIT_PROCESSING", "OPERATION_PENDING", "OPERATION_PROCESSING", "SUCCESS"];

before(async () => {
  srv = await startServer({ port: 0, quiet: true });
  base = srv.url.replace(/\/$/, "");
});
after(async () => {
  await srv?.close();
});
beforeEach(async () => {
  const r = await post("/__mock/reset", {});
  assert.equal(r.status, 200);
  await post("/__mock/config", { statusDelayMs: 50 });
});

// ================================================================== the mock's verifier against published vectors

describe("verify.mjs against published vectors", () => {
  test("erc191: the near/intents MetaMask vector recovers its key's address (v normalised to 1)", () => {
    const sig = fromHex("7800a70d05cde2c49ed546a6ce887ce6027c2c268c0285f6efef0cdfc4366b23643790f67a86468ee8301ed12cfffcb07c6530f90a9327ec057800fabd332e4701");
    assert.equal(hex(verify.erc191Hash(utf8("Hello world!"))), "aa05af77f274774b8bdc7b61d98bc40da523dc2821fdea555f4d6aa413199bcc");
    assert.equal(verify.erc191Recover(utf8("Hello world!"), sig), "0x0551f7c9a91ee579c9e40444ffc490001c323108");
    const v28 = sig.slice();
    v28[64] = 28;
    assert.throws(() => verify.erc191Recover(utf8("Hello world!"), v28), /v must be 0 or 1/);
  });

  test("nep413: V-NEP413-1 (near/intents) verifies over the borsh+sha256 digest", () => {
    const pub = fromHex("e2e9cb7ac57cb46d4da1ce1d1cc2c33bdfe17407c517916b522724a8ea2c6c50");
    const sig = fromHex("e2ff6254871a3fec1853c167b42f0f14248c4cf7fef5452dc24d8dbdc5c4bf183ab707322b4d782d5f5a05571bae476c5f7ee41c473f3002e600865e46b75d0f");
    const digest = verify.nep413Hash({ message: "Hello, world!", nonce: new Uint8Array(32), recipient: "intents.near" });
    assert.equal(hex(digest), "94648d7168d4a58d1eecd11fc2ecad210ef7cb5efce7a22d15a19e1764031f59");
    assert.equal(verify.ed25519Verify(pub, digest, sig), true);
    assert.equal(verify.ed25519Verify(pub, utf8("Hello, world!"), sig), false);
  });

  test("raw_ed25519: the V-RAW-2 mainnet vector verifies over the raw payload bytes", () => {
    const payload = '{"signer_id":"74affa71ab030d400fdfa1bed033dfa6fd3ae34f92d17c046ebe368e80d53751","verifying_contract":"intents.near","deadline":"2035-11-03T14:49:44.589Z","nonce":"1TwpgYHWXK29O6zby1R6QPJOY/Nb/S9Bb+dJ8m+Dd2Q=","intents":[]}';
    const key = verify.parseCurveString("ed25519:8rVvtHWFr8hasdQGGD5WiQBTyr4iH2ruEPPVfj491RPN", "ed25519", 32, "k");
    const sig = verify.parseCurveString("ed25519:4N9DSi9Vh6w9Jq1ybkiS2g9fb1P1jM2Uh35huT3qc6PM8yeCQYE1gPTCN9iDQA6vh9NFrqCP1xWpHJET9U7AnJ7x", "ed25519", 64, "s");
    assert.equal(verify.ed25519Verify(key, utf8(payload), sig), true);
    assert.equal(verify.ed25519Verify(key, sha256(utf8(payload)), sig), false);
  });

  test("Permit2: the Uniswap TypehashGeneration witness vector (type string and digest)", () => {
    const types = {
      PermitWitnessTransferFrom: [
        { name: "permitted", type: "TokenPermissions" },
        { name: "spender", type: "address" },
        { name: "nonce", type: "uint256" },
        { name: "deadline", type: "uint256" },
        { name: "witness", type: "MockWitness" },
      ],
      TokenPermissions: [
        { name: "token", type: "address" },
        { name: "amount", type: "uint256" },
      ],
      MockWitness: [
        { name: "person", type: "address" },
        { name: "amount", type: "uint256" },
      ],
    };
    assert.equal(verify.witnessTypeString(types, "MockWitness"), "MockWitness witness)MockWitness(address person,uint256 amount)TokenPermissions(address token,uint256 amount)");
    const digest = verify.eip712Digest({
      types,
      primaryType: "PermitWitnessTransferFrom",
      domain: { name: "Permit2", chainId: 1, verifyingContract: "0xCe71065D4017F316EC606Fe4422e11eB2c47c246" },
      message: {
        permitted: { token: "0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984", amount: "100" },
        spender: "0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45",
        nonce: 0,
        deadline: "146902158100",
        witness: { person: "0xd5F5175D014F28c85F7D67A111C2c9335D7CD771", amount: "100" },
      },
    });
    assert.equal(hex(digest), "d55e289976085a1e23ebf14c85c8551237911655821d71accdd54670b7edb45d");
  });

  test("EIP-712: the specification's Mail example digest", () => {
    const digest = verify.eip712Digest({
      types: {
        Person: [{ name: "name", type: "string" }, { name: "wallet", type: "address" }],
        Mail: [{ name: "from", type: "Person" }, { name: "to", type: "Person" }, { name: "contents", type: "string" }],
      },
      primaryType: "Mail",
      domain: { name: "Ether Mail", version: "1", chainId: 1, verifyingContract: "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" },
      message: {
        from: { name: "Cow", wallet: "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
        to: { name: "Bob", wallet: "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
        contents: "Hello, Bob!",
      },
    });
    assert.equal(hex(digest), "be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
  });

  test("EIP-7702: the viem hashAuthorization vector and the anvil key's authority", () => {
    const auth = { chainId: 1, address: "0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c", nonce: 40 };
    assert.equal(hex(verify.eip7702Hash(auth)), "5919da563810a99caf657d42bd10905adbd28b3b89b8a4577efa471e5e4b3914");
    const sk = fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    const rec = secp256k1.sign(verify.eip7702Hash(auth), sk, { prehash: false, format: "recovered" });
    assert.equal("0x" + hex(rec.slice(1, 33)), "0xa513a287a156a99f2be4023466d401589e33add75c057e5fd376d11ed8946cf3");
    const signed = { ...auth, r: "0x" + hex(rec.slice(1, 33)), s: "0x" + hex(rec.slice(33)), yParity: rec[0] };
    assert.equal(verify.eip7702Recover(signed), "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    const high = { ...signed, s: "0x" + (SECP_N - BigInt(signed.s)).toString(16), yParity: signed.yParity ^ 1 };
    assert.throws(() => verify.eip7702Recover(high), /high/);
  });

  test("ed25519: a small-order public key never verifies", () => {
    const identity = fromHex("0100000000000000000000000000000000000000000000000000000000000000");
    const sig = concat(identity, new Uint8Array(32));
    assert.equal(verify.ed25519Verify(identity, utf8("anything"), sig), false);
  });
});

// ================================================================== static files

describe("static files and /pkg/", () => {
  let tmp;
  let s2;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "demo-static-"));
    const www = path.join(tmp, "www");
    const pkg = path.join(tmp, "pkg");
    fs.mkdirSync(www);
    fs.mkdirSync(path.join(pkg, "all"), { recursive: true });
    fs.mkdirSync(path.join(www, "node_modules"));
    fs.writeFileSync(path.join(www, "index.html"), "<!doctype html><title>demo</title>");
    fs.writeFileSync(path.join(www, "main.js"), "export {};\n");
    fs.writeFileSync(path.join(www, "style.css"), "body{}\n");
    fs.writeFileSync(path.join(www, "server.mjs"), "// private\n");
    fs.writeFileSync(path.join(www, ".env"), "SECRET=1\n");
    fs.writeFileSync(path.join(www, "node_modules", "x.js"), "private\n");
    fs.writeFileSync(path.join(tmp, "secret.txt"), "outside\n");
    fs.writeFileSync(path.join(pkg, "all", "index.js"), "export async function ready() {}\n");
    fs.writeFileSync(path.join(pkg, "all", "intent_signer_all_bg.wasm"), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    fs.symlinkSync(path.join(tmp, "secret.txt"), path.join(www, "link.txt"));
    s2 = await startServer({ port: 0, quiet: true, wwwDir: www, pkgDir: pkg });
  });
  after(async () => {
    await s2?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("serves index.html at /, main.js and style.css with their MIME types", async () => {
    for (const [p, type, text] of [
      ["/", "text/html", "<!doctype html>"],
      ["/index.html", "text/html", "<!doctype html>"],
      ["/main.js", "text/javascript", "export"],
      ["/style.css", "text/css", "body"],
    ]) {
      const r = await fetch(s2.url.replace(/\/$/, "") + p);
      assert.equal(r.status, 200, p);
      assert.match(r.headers.get("content-type"), new RegExp(`^${type}`), p);
      assert.ok((await r.text()).startsWith(text), p);
    }
  });

  test("serves pkg/ at /pkg/ (the browser entry pkg/all/) with text/javascript and application/wasm", async () => {
    const js = await fetch(s2.url + "pkg/all/index.js");
    assert.equal(js.status, 200);
    assert.match(js.headers.get("content-type"), /^text\/javascript/);
    const wasm = await fetch(s2.url + "pkg/all/intent_signer_all_bg.wasm");
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
    assert.deepEqual([...new Uint8Array(await wasm.arrayBuffer())].slice(0, 4), [0, 0x61, 0x73, 0x6d]);
    const head = await fetch(s2.url + "pkg/all/intent_signer_all_bg.wasm", { method: "HEAD" });
    assert.equal(head.status, 200);
  });

  test("404 for what does not exist, 405 for a POST to a file", async () => {
    assert.equal((await fetch(s2.url + "missing.js")).status, 404);
    assert.equal((await fetch(s2.url + "pkg/missing.wasm")).status, 404);
    assert.equal((await fetch(s2.url + "main.js", { method: "POST", body: "x" })).status, 405);
  });

  test("no directory traversal, no private files, no symlinks out of the root", async () => {
    for (const p of [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2e%2e%2fsecret.txt",
      "/pkg/../../secret.txt",
      "/pkg/%2e%2e/%2e%2e/secret.txt",
      "/pkg/..%2f..%2fsecret.txt",
      "/..%5csecret.txt",
      "/server.mjs",
      "/.env",
      "/node_modules/x.js",
      "/link.txt",
      "/%00index.html",
      "//etc/passwd",
    ]) {
      const r = await rawRequest(s2.port, "GET", p);
      assert.ok(r.status === 404 || r.status === 400, `${p}: ${r.status}`);
      assert.ok(!r.text.includes("outside") && !r.text.includes("SECRET") && !r.text.includes("private"), p);
    }
  });

  test("the real www/ hides the server, the mocks and npm's files", async () => {
    for (const p of ["/server.mjs", "/package.json", "/package-lock.json", "/mock/verify.mjs", "/node_modules/bs58/package.json"]) {
      assert.equal((await rawRequest(srv.port, "GET", p)).status, 404, p);
    }
  });
});

// ================================================================== Intents Connect: read routes

describe("Intents Connect: supported_tokens and intermediary", () => {
  test("GET supported_tokens: realistic Token objects; outOperation swaps in and out", async () => {
    const inOp = await get("/api/v1/supported_tokens?flow=inOperation");
    assert.equal(inOp.status, 200);
    const { in: tin, out: tout } = inOp.body.result;
    assert.ok(tin.length >= 10 && tout.length >= 3);
    const usdc = tin.find((t) => t.assetId === USDC_BASE_ASSET);
    assert.deepEqual(
      { blockchain: usdc.blockchain, contractAddress: usdc.contractAddress, decimals: usdc.decimals, symbol: usdc.symbol },
      { blockchain: "base", contractAddress: USDC_BASE, decimals: 6, symbol: "USDC" },
    );
    assert.equal(typeof usdc.price, "number");
    assert.ok(!Number.isNaN(Date.parse(usdc.priceUpdatedAt)));
    for (const t of tin) assert.match(t.assetId, /^nep(141|245):/);
    assert.ok(tin.some((t) => t.assetId === "nep141:wrap.near" && t.decimals === 24));
    assert.ok(tin.some((t) => t.assetId === "nep141:btc.omft.near" && t.decimals === 8));
    assert.ok(tout.every((t) => ["eth", "base", "arb", "monad"].includes(t.blockchain)));
    const outOp = await get("/api/v1/supported_tokens?flow=outOperation");
    assert.deepEqual(outOp.body.result.in.map((t) => t.assetId), tout.map((t) => t.assetId));
    assert.deepEqual(outOp.body.result.out.map((t) => t.assetId), tin.map((t) => t.assetId));
    const bad = await get("/api/v1/supported_tokens?flow=sideways");
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /flow/);
  });

  test("GET intermediary: deterministic per wallet, per origin type", async () => {
    for (const [kind, wallet, originType] of [
      ["evm", EVM.address, "evm"],
      ["solana", SOL.b58, "solana"],
      ["near", NEAR_NAMED, "near"],
      ["implicit", NEAR_IMPLICIT.hex, "near"],
    ]) {
      const a = await get(`/api/v1/executions/${wallet}/intermediary`);
      assert.equal(a.status, 200, kind);
      assert.equal(a.body.result.originType, originType);
      assert.match(a.body.result.evm, /^0x[0-9a-fA-F]{40}$/);
      assert.equal(verify.checksumAddress(a.body.result.evm), a.body.result.evm, "EIP-55");
      assert.equal(verify.b58decode(a.body.result.solana).length, 32);
      assert.equal(a.body.result.sui, null);
      const b = await get(`/api/v1/executions/${wallet}/intermediary`);
      assert.deepEqual(a.body, b.body);
    }
    const upper = await get(`/api/v1/executions/${EVM.address.toUpperCase().replace("0X", "0x")}/intermediary`);
    const lower = await get(`/api/v1/executions/${EVM.address}/intermediary`);
    assert.equal(upper.body.result.evm, lower.body.result.evm, "EVM wallets are case-tolerant");
    const other = await get(`/api/v1/executions/${EVM_OTHER.address}/intermediary`);
    assert.notEqual(other.body.result.evm, lower.body.result.evm);
    const bad = await get("/api/v1/executions/Not%20A%20Wallet!/intermediary");
    assert.equal(bad.status, 400);
    assert.equal(typeof bad.body.error, "string");
  });
});

// ================================================================== Intents Connect: creates

describe("Intents Connect: creating executions", () => {
  test("dry out-operation (§A.7): 200, no id, no payload, {DEPOSIT_ADDRESS} resolved, fee step appended", async () => {
    const r = await post(`/api/v1/executions/${SOL.b58}`, outOperation({ dry: true, quote: { ...outOperation().quote, recipient: SOL.b58 } }));
    assert.equal(r.status, 200, r.text);
    const e = r.body.result;
    assert.equal(e.id, undefined);
    assert.equal(e.details.payload, undefined);
    assert.equal(e.details.messageToSign, undefined);
    assert.equal(e.status, "OPERATION_PENDING");
    assert.equal(e.quote.recipient, SOL.b58);
    assert.match(e.quote.depositAddress, /^0x[0-9a-fA-F]{40}$/, "an out-operation deposits on the EVM origin chain");
    assert.deepEqual(e.steps[1].parameters, [e.quote.depositAddress, "282174"]);
    const fee = e.steps[2];
    assert.deepEqual(fee, {
      to: USDC_BASE,
      functionSignature: "transfer(address,uint256)",
      parameters: [FEE_COLLECTOR, e.details.networkFee],
      value: "0",
      metadata: { name: "Fee Transfer", description: "Gas fee reimbursement" },
    });
    assert.match(e.details.networkFee, /^[1-9]\d*$/);
    assert.deepEqual(e.metadata, { intent: "aave_withdraw", title: "Withdraw from Aave" });
    // a dry run neither stores anything nor takes the lock
    const list = await get(`/api/v1/executions/${SOL.b58}`);
    assert.deepEqual(list.body.result, []);
  });

  test("bridge-in create: 201, realistic quote, {MIN_AMOUNT_OUT} resolved, fee step, CREATED", async () => {
    const r = await post(`/api/v1/executions/${EVM.address}`, bridgeIn());
    assert.equal(r.status, 201, r.text);
    const e = r.body.result;
    assert.match(e.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(e.status, "CREATED");
    assert.equal(e.executionMode, "quote_with_steps");
    assert.equal(e.version, "1.0");
    const q = e.quote;
    assert.equal(q.amount, "1270000");
    assert.equal(q.amountIn, "1270000");
    assert.equal(q.originAsset, SOL_ASSET);
    assert.equal(q.destinationAsset, USDC_BASE_ASSET);
    // 1.27e-3 SOL at ~$83 ≈ $0.106 ≈ 105 000 micro-USDC; slippage 1 %
    assert.ok(BigInt(q.amountOut) > 90000n && BigInt(q.amountOut) < 120000n, q.amountOut);
    assert.equal(BigInt(q.minAmountOut), (BigInt(q.amountOut) * 9900n) / 10000n);
    assert.match(q.amountInUsd, /^0\.1\d{3}$/);
    assert.equal(b58len(q.depositAddress), 32, "SOL deposit address is base58 of 32 bytes");
    assert.equal(q.recipient, e.details.intermediaryAddress, "bridge-in: the recipient is the intermediary");
    assert.deepEqual(e.steps[0].parameters, [AAVE_POOL, q.minAmountOut]);
    assert.deepEqual(e.steps[1].parameters, [USDC_BASE, q.minAmountOut, "0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E", "0"]);
    assert.deepEqual(e.steps[1].metadata, { name: "Supply", description: "Supply USDC to Aave" }, "step metadata passes through");
    assert.equal(e.steps.length, 3);
    assert.equal(e.steps[2].metadata.name, "Fee Transfer");
    assert.deepEqual(e.steps[2].parameters, [FEE_COLLECTOR, e.details.networkFee]);
    assert.equal(e.details.serviceFee, "0");
    assert.match(e.details.estimatedTime, /^\d+$/);
    assert.equal(e.details.messageSigned, false);
    const inter = await get(`/api/v1/executions/${EVM.address}/intermediary`);
    assert.equal(e.details.intermediaryAddress, inter.body.result.evm);
  });

  test("EXACT_OUTPUT out-operation resolves {AMOUNT_IN}; a native destination pays the fee as value", async () => {
    const body = outOperation({
      quote: { amount: "3000000", destinationAsset: SOL_ASSET, originAsset: USDC_BASE_ASSET, slippageTolerance: 50, swapType: "EXACT_OUTPUT" },
      steps: [{ to: USDC_BASE, functionSignature: "transfer(address,uint256)", parameters: ["{DEPOSIT_ADDRESS}", "{AMOUNT_IN}"], value: "0" }],
    });
    const e = await create(EVM.address, body);
    assert.equal(e.status, "OPERATION_PENDING");
    assert.equal(e.quote.amountOut, "3000000");
    assert.deepEqual(e.steps[0].parameters, [e.quote.depositAddress, e.quote.amountIn]);
    const native = await post(`/api/v1/executions/${EVM_OTHER.address}`, {
      dry: true,
      quote: { amount: "50000000", originAsset: SOL_ASSET, destinationAsset: "nep141:base.omft.near" },
      steps: [{ to: "0x4200000000000000000000000000000000000006", functionSignature: "deposit()", parameters: [], value: "{MIN_AMOUNT_OUT}" }],
    });
    assert.equal(native.status, 200, native.text);
    const ne = native.body.result;
    assert.equal(ne.steps[0].value, ne.quote.minAmountOut);
    assert.deepEqual(ne.steps[1], { to: FEE_COLLECTOR, functionSignature: "", parameters: [], value: ne.details.networkFee, metadata: { name: "Fee Transfer", description: "Gas fee reimbursement" } });
  });

  test("nested-array (tuple) parameters are accepted (Hydrex mint, §A.4)", async () => {
    const r = await post(`/api/v1/executions/${EVM.address}`, bridgeIn({
      dry: true,
      steps: [{
        to: "0xC63E9672f8e93234C73cE954a1d1292e4103Ab86",
        functionSignature: "mint((address,address,address,int24,int24,uint256,uint256,uint256,uint256,address,uint256))",
        parameters: [["0x2Ae3F1Ec7F1F5012CFEab0185bfc7aa3cf0DEc22", "0x4200000000000000000000000000000000000006", "0x0000000000000000000000000000000000000000", "-198122", "-198022", "0", "{MIN_AMOUNT_OUT}", "0", "0", EVM.address, "1767225600"]],
        value: "0",
      }],
    }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.result.steps[0].parameters[0][6], r.body.result.quote.minAmountOut);
  });

  test("steps-only create: 201, OPERATION_PENDING, steps_only, no quote, fee step", async () => {
    const r = await post(`/api/v1/executions/${SOL.b58}/steps`, stepsOnly());
    assert.equal(r.status, 201, r.text);
    const e = r.body.result;
    assert.equal(e.status, "OPERATION_PENDING");
    assert.equal(e.executionMode, "steps_only");
    assert.equal(e.quote, undefined);
    assert.equal(e.steps.length, 3);
    assert.equal(e.steps[2].metadata.name, "Fee Transfer");
    assert.equal(e.details.signingStandard, "raw_ed25519");
    const dry = await post(`/api/v1/executions/${EVM.address}/steps`, stepsOnly({ dry: true }));
    assert.equal(dry.status, 200);
    assert.equal(dry.body.result.id, undefined);
  });

  for (const [kind, standard] of [["evm", "erc191"], ["solana", "raw_ed25519"], ["near", "nep413"], ["implicit", "nep413"]]) {
    test(`payload for a ${kind} wallet: ${standard}, bytes = payload_json, a real DefusePayload with a V1 nonce`, async () => {
      const wallet = WALLETS[kind]();
      const t0 = Date.now();
      const e = await create(wallet);
      const p = e.details.payload;
      assert.equal(p.standard, standard);
      assert.equal(e.details.signingStandard, standard);
      const bytes = Buffer.from(p.payload_bytes_base64, "base64");
      assert.equal(bytes.toString("base64"), p.payload_bytes_base64, "standard padded base64");
      assert.equal(bytes.toString("utf8"), p.payload_json, "payload_bytes_base64 is the UTF-8 of payload_json");
      const outer = JSON.parse(p.payload_json);
      let msg;
      let nonceB64;
      let verifyingContract;
      if (standard === "nep413") {
        assert.deepEqual(Object.keys(outer), ["message", "recipient", "nonce"]);
        assert.equal(outer.recipient, "intents.near");
        assert.equal(e.details.messageToSign, outer.message);
        msg = JSON.parse(outer.message);
        assert.deepEqual(Object.keys(msg), ["deadline", "intents", "signer_id"]);
        nonceB64 = outer.nonce;
        verifyingContract = outer.recipient;
      } else {
        assert.equal(e.details.messageToSign, p.payload_json);
        msg = outer;
        assert.deepEqual(Object.keys(msg).sort(), ["deadline", "intents", "nonce", "signer_id", "verifying_contract"]);
        nonceB64 = msg.nonce;
        verifyingContract = msg.verifying_contract;
      }
      assert.equal(verifyingContract, "intents.near");
      const expectSigner = { evm: EVM.address, solana: SOL.hex, near: NEAR_NAMED, implicit: NEAR_IMPLICIT.hex }[kind];
      assert.equal(msg.signer_id, expectSigner);
      assert.equal(msg.signer_id, msg.signer_id.toLowerCase());
      assert.match(msg.deadline, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      const deadlineMs = Date.parse(msg.deadline);
      assert.ok(deadlineMs > t0 + 8 * 60000 && deadlineMs < t0 + 12 * 60000, "about ten minutes ahead");
      // versioned nonce V1
      const nonce = Buffer.from(nonceB64, "base64");
      assert.equal(nonce.length, 32);
      assert.equal(nonceB64.length, 44);
      assert.equal(nonce.subarray(0, 4).toString("hex"), "5628f6c6", "magic = sha256('versioned_nonce')[..4]");
      assert.equal(createHash("sha256").update("versioned_nonce").digest().subarray(0, 4).toString("hex"), "5628f6c6");
      assert.equal(nonce[4], 0, "V1");
      assert.equal(nonce.readBigInt64LE(9), BigInt(deadlineMs) * 1000000n, "nonce deadline = intent deadline, i64 LE ns");
      // the intent authorises the intermediary
      assert.equal(msg.intents.length, 1);
      const intent = msg.intents[0];
      assert.equal(intent.intent, "transfer");
      assert.equal(intent.receiver_id, e.details.intermediaryAddress.toLowerCase());
      assert.notEqual(intent.receiver_id, msg.signer_id);
      assert.deepEqual(Object.keys(intent.tokens), [USDC_BASE_ASSET]);
      assert.equal(intent.tokens[USDC_BASE_ASSET], e.quote.minAmountOut);
    });
  }

  test("two creates get distinct nonces (same salt) and ids", async () => {
    const a = await create(EVM.address);
    const b = await create(EVM_OTHER.address);
    assert.notEqual(a.id, b.id);
    const na = Buffer.from(JSON.parse(a.details.payload.payload_json).nonce, "base64");
    const nb = Buffer.from(JSON.parse(b.details.payload.payload_json).nonce, "base64");
    assert.notEqual(na.toString("hex"), nb.toString("hex"));
    assert.equal(na.subarray(5, 9).toString("hex"), nb.subarray(5, 9).toString("hex"), "the current salt");
  });

  test("prettyPayload: payload_json is pretty-printed and still byte-identical to the base64", async () => {
    await post("/__mock/config", { prettyPayload: true });
    const e = await create(EVM.address);
    assert.match(e.details.payload.payload_json, /\n  "deadline"/);
    assert.equal(Buffer.from(e.details.payload.payload_bytes_base64, "base64").toString("utf8"), e.details.payload.payload_json);
  });

  test("x-api-key is not enforced unless configured; then 401 without it", async () => {
    await post("/__mock/config", { requireApiKey: "test-key-1" });
    const r = await post(`/api/v1/executions/${EVM.address}`, bridgeIn({ dry: true }));
    assert.equal(r.status, 401);
    assert.equal(r.body.error, "missing or invalid api token");
    const ok = await post(`/api/v1/executions/${EVM.address}`, bridgeIn({ dry: true }), { "x-api-key": "test-key-1" });
    assert.equal(ok.status, 200);
    const steps = await post(`/api/v1/executions/${EVM.address}/steps`, stepsOnly({ dry: true }));
    assert.equal(steps.status, 200, "/steps needs no key (docs)");
  });
});

// ================================================================== Intents Connect: the 400 rules

describe("Intents Connect: validation 400s (§A.4)", () => {
  const expect400 = async (p, body, re) => {
    const r = await post(p, body);
    assert.equal(r.status, 400, `${JSON.stringify(body).slice(0, 80)}: ${r.text}`);
    assert.deepEqual(Object.keys(r.body), ["error"]);
    assert.equal(typeof r.body.error, "string");
    if (re) assert.match(r.body.error, re);
    return r.body.error;
  };
  const Q = () => `/api/v1/executions/${EVM.address}`;
  const S = () => `/api/v1/executions/${EVM.address}/steps`;

  test("an unknown step key, another casing of a key, a duplicate key", async () => {
    const extra = bridgeIn();
    extra.steps[0].gas = "100000";
    await expect400(Q(), extra, /^invalid steps JSON: step 0: unknown field "gas"/);
    const cased = bridgeIn();
    cased.steps[1] = { To: AAVE_POOL, functionSignature: "supply(address,uint256,address,uint16)", parameters: cased.steps[1].parameters, value: "0" };
    await expect400(Q(), cased, /^invalid steps JSON: step 1: unknown field "To"/);
    const dup = JSON.stringify(bridgeIn()).replace('"value":"0"}', '"value":"0","value":"1"}');
    assert.ok(dup.includes('"value":"1"'));
    await expect400(Q(), dup, /^invalid steps JSON: step 0: duplicate field "value"/);
    const missing = bridgeIn();
    delete missing.steps[0].value;
    await expect400(Q(), missing, /^invalid steps JSON: step 0: missing field "value"/);
  });

  test("quote.recipient without outOperation", async () => {
    const body = bridgeIn({ quote: { ...bridgeIn().quote, recipient: EVM.address } });
    assert.equal(await expect400(Q(), body), "quote.recipient is only valid when outOperation=true");
  });

  test("a non-dry execution without steps (missing, empty)", async () => {
    const none = bridgeIn();
    delete none.steps;
    assert.equal(await expect400(Q(), none), "steps are required for non-dry executions");
    assert.equal(await expect400(Q(), bridgeIn({ steps: [] })), "steps are required for non-dry executions");
    assert.equal(await expect400(S(), stepsOnly({ steps: [] })), "steps are required for non-dry executions");
    const dry = await post(Q(), bridgeIn({ dry: true, steps: [] }));
    assert.equal(dry.status, 200, "a dry run may go without steps");
  });

  test("more than 30 steps; exactly 30 is fine", async () => {
    const step = bridgeIn().steps[0];
    await expect400(Q(), bridgeIn({ steps: Array(31).fill(step) }), /too many steps: 31/);
    const ok = await post(Q(), bridgeIn({ dry: true, steps: Array(30).fill(step) }));
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.result.steps.length, 31, "30 + the fee step");
  });

  test("outOperation without transfer(token, {DEPOSIT_ADDRESS}, amount)", async () => {
    const body = outOperation();
    body.steps.pop();
    assert.equal(await expect400(Q(), body), "outOperation requires a transfer(tokenAddress, {DEPOSIT_ADDRESS}, amount) step");
    const wrongFn = outOperation();
    wrongFn.steps[1].functionSignature = "approve(address,uint256)";
    await expect400(Q(), wrongFn, /outOperation requires a transfer/);
  });

  test("/steps without a call to the destination token", async () => {
    const body = stepsOnly();
    body.steps.pop();
    assert.equal(await expect400(S(), body), "steps must include at least one call to destination token 0x833589fcd6edb6e08f4c7c32d4f71b54bda02913");
    const native = await post(S(), stepsOnly({ destinationAsset: "nep141:base.omft.near", steps: [body.steps[0]], dry: true }));
    assert.equal(native.status, 200, "a native destination needs no token call");
  });

  test("placeholders where the request kind does not allow them", async () => {
    const inDeposit = bridgeIn();
    inDeposit.steps[0].parameters[0] = "{DEPOSIT_ADDRESS}";
    await expect400(Q(), inDeposit, /\{DEPOSIT_ADDRESS\} is only allowed with outOperation=true/);
    const outMin = outOperation();
    outMin.steps[1].parameters[1] = "{MIN_AMOUNT_OUT}";
    await expect400(Q(), outMin, /\{MIN_AMOUNT_OUT\} is not allowed with outOperation=true/);
    const amountIn = outOperation();
    amountIn.steps[1].parameters[1] = "{AMOUNT_IN}";
    await expect400(Q(), amountIn, /\{AMOUNT_IN\} is only allowed with outOperation=true and swapType=EXACT_OUTPUT/);
    const so = stepsOnly();
    so.steps[1].parameters[1] = "{MIN_AMOUNT_OUT}";
    await expect400(S(), so, /is not allowed in steps-only executions/);
    const unknown = bridgeIn();
    unknown.steps[0].parameters[1] = "{SOMETHING}";
    await expect400(Q(), unknown, /unknown placeholder \{SOMETHING\}/);
  });

  test("step shapes: numbers instead of strings, a bad address, arity, a bad signature, deep nesting", async () => {
    const num = bridgeIn();
    num.steps[0].parameters[1] = 5;
    await expect400(Q(), num, /step 0: parameters\[1\]: expected a string/);
    const addr = bridgeIn();
    addr.steps[0].parameters[0] = "0x1234";
    await expect400(Q(), addr, /step 0: parameters\[0\]: "0x1234" is not a valid address/);
    const arity = bridgeIn();
    arity.steps[0].parameters.push("1");
    await expect400(Q(), arity, /approve\(address,uint256\) takes 2 parameters, got 3/);
    const sig = bridgeIn();
    sig.steps[0].functionSignature = "approve(address,uint257)";
    await expect400(Q(), sig, /invalid functionSignature/);
    const value = bridgeIn();
    value.steps[0].value = 0;
    await expect400(Q(), value, /"value" must be a decimal string/);
    const deep = bridgeIn();
    deep.steps[0].functionSignature = "f(uint256[][][][][][][])";
    deep.steps[0].parameters = [[[[[[[["1"]]]]]]]];
    await expect400(Q(), deep, /more than 6 tuple\/array levels/);
    const human = await post(Q(), bridgeIn({ dry: true, steps: [{ ...bridgeIn().steps[0], functionSignature: "function approve(address spender, uint256 amount) external returns (bool)" }] }));
    assert.equal(human.status, 200, `human-readable signatures are accepted: ${human.text}`);
    const nested = bridgeIn({ metadata: { a: { b: { c: { d: { e: { f: { g: { h: { i: { j: { k: { l: { m: { n: { o: { p: 1 } } } } } } } } } } } } } } } } });
    const meta = await post(Q(), { ...nested, dry: true });
    assert.equal(meta.status, 200, "metadata is exempt from the nesting limit");
  });

  test("other request errors: unknown body/quote keys, unknown asset, wrong type, a destination chain that is not EVM", async () => {
    await expect400(Q(), bridgeIn({ extra: 1 }), /unknown field "extra"/);
    await expect400(Q(), bridgeIn({ quote: { ...bridgeIn().quote, Amount: "1" } }), /unknown field "Amount"/);
    await expect400(Q(), bridgeIn({ quote: { ...bridgeIn().quote, originAsset: "nep141:nope.near" } }), /unknown asset/);
    await expect400(Q(), bridgeIn({ type: "sui" }), /unsupported type "sui"/);
    await expect400(Q(), bridgeIn({ quote: { ...bridgeIn().quote, destinationAsset: "nep141:btc.omft.near" } }), /^blockchain btc is not supported as a destination$/);
    await expect400(Q(), bridgeIn({ quote: { ...bridgeIn().quote, amount: "1" } }), /amount is too small|estimated gas fee exceeds minimum output amount/);
    await expect400(Q(), bridgeIn({ quote: { ...bridgeIn().quote, amount: "20000" } }), /^estimated gas fee exceeds minimum output amount$/);
    await expect400(Q(), { dry: true }, /quote is required/);
    await expect400(S(), { dry: true, steps: [] }, /destinationAsset is required/);
  });

  test("a failed validation leaves no state and takes no lock", async () => {
    await expect400(Q(), bridgeIn({ steps: [] }));
    const list = await get(Q());
    assert.deepEqual(list.body.result, []);
    await create(EVM.address);
  });
});

// ================================================================== Intents Connect: lock, list, submit, walk

describe("Intents Connect: the in-flight lock and the list", () => {
  test("one live execution per wallet: 409 until it is deleted or final; dry runs and other wallets unaffected", async () => {
    const first = await create(EVM.address);
    const again = await post(`/api/v1/executions/${EVM.address}`, bridgeIn());
    assert.equal(again.status, 409);
    assert.ok(again.body.error.startsWith("an execution for this wallet is already in progress"), again.body.error);
    const stepsRoute = await post(`/api/v1/executions/${EVM.address.toUpperCase().replace("0X", "0x")}/steps`, stepsOnly());
    assert.equal(stepsRoute.status, 409, "steps-only shares the lock; the wallet is case-tolerant");
    const dry = await post(`/api/v1/executions/${EVM.address}`, bridgeIn({ dry: true }));
    assert.equal(dry.status, 200);
    await create(EVM_OTHER.address);
    // a final status frees the wallet
    await post("/__mock/status", { id: first.id, status: "SUCCESS" });
    await create(EVM.address);
  });

  test("every status between CREATED and OPERATION_PROCESSING holds the lock; the others do not", async () => {
    const e = await create(SOL.b58);
    for (const status of ["CREATED", "DEPOSIT_PENDING", "DEPOSIT_PROCESSING", "OPERATION_PENDING", "OPERATION_PROCESSING", "SUCCESS", "DEPOSIT_FAILED", "OPERATION_FAILED", "EXPIRED"]) {
      const f = await post("/__mock/status", { id: e.id, status });
      assert.equal(f.status, 200);
      const r = await post(`/api/v1/executions/${SOL.b58}`, bridgeIn());
      const locking = ["CREATED", "DEPOSIT_PENDING", "DEPOSIT_PROCESSING", "OPERATION_PENDING", "OPERATION_PROCESSING"].includes(status);
      assert.equal(r.status, locking ? 409 : 201, `${status}: ${r.text}`);
      if (!locking) await post("/__mock/status", { id: r.body.result.id, status: "SUCCESS" });
    }
  });

  test("GET list: always an array; ?id= (comma list) and ?status=; 400 for a bad id or status", async () => {
    const empty = await get(`/api/v1/executions/${EVM.address}`);
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.body, { result: [] });
    const a = await create(EVM.address);
    await post("/__mock/status", { id: a.id, status: "SUCCESS" });
    const b = await create(EVM.address);
    const all = await get(`/api/v1/executions/${EVM.address}`);
    assert.deepEqual(all.body.result.map((e) => e.id), [b.id, a.id], "newest first");
    const one = await get(`/api/v1/executions/${EVM.address}?id=${a.id}`);
    assert.equal(one.body.result.length, 1);
    assert.equal(one.body.result[0].id, a.id);
    assert.equal(one.body.result[0].status, "SUCCESS");
    const both = await get(`/api/v1/executions/${EVM.address}?id=${a.id},${b.id}`);
    assert.equal(both.body.result.length, 2);
    const created = await get(`/api/v1/executions/${EVM.address}?status=CREATED`);
    assert.deepEqual(created.body.result.map((e) => e.id), [b.id]);
    const two = await get(`/api/v1/executions/${EVM.address}?status=CREATED,SUCCESS`);
    assert.equal(two.body.result.length, 2);
    const otherWallet = await get(`/api/v1/executions/${EVM_OTHER.address}?id=${a.id}`);
    assert.deepEqual(otherWallet.body.result, [], "another wallet never sees it");
    assert.equal((await get(`/api/v1/executions/${EVM.address}?id=nope`)).status, 400);
    const badStatus = await get(`/api/v1/executions/${EVM.address}?status=DONE`);
    assert.equal(badStatus.status, 400);
    assert.match(badStatus.body.error, /invalid status "DONE"/);
  });
});

describe("Intents Connect: submit and the status walk", () => {
  for (const [kind, answer] of [["evm", "SIGNED_PENDING_DEPOSIT"], ["solana", "SIGNED_PENDING_DEPOSIT"], ["near", "SIGNED_PENDING_DEPOSIT"], ["implicit", "SIGNED_PENDING_DEPOSIT"]]) {
    test(`${kind}: an independent wallet's signature is accepted; the status walks to SUCCESS`, async () => {
      const wallet = WALLETS[kind]();
      const e = await create(wallet);
      const body = signExecution(kind, e);
      if (kind === "evm") assert.equal(body.publicKey, undefined);
      const r = await post(`/api/v1/executions/${encodeURIComponent(wallet)}/submit`, body);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body, { result: { status: answer } });
      const seen = await walk(wallet, e.id);
      assert.equal(seen[seen.length - 1], "SUCCESS", seen.join(" → "));
      assert.ok(isSubsequence(seen, BRIDGE_WALK), seen.join(" → "));
      const final = (await get(`/api/v1/executions/${encodeURIComponent(wallet)}?id=${e.id}`)).body.result[0];
      assert.equal(final.details.messageSigned, true);
      assert.match(final.transaction.evmTxHash, /^0x[0-9a-f]{64}$/);
      const twice = await post(`/api/v1/executions/${encodeURIComponent(wallet)}/submit`, body);
      assert.equal(twice.status, 409);
    });
  }

  test("out-operation and steps-only answer SIGNING and walk OPERATION_PENDING → OPERATION_PROCESSING → SUCCESS", async () => {
    for (const [wallet, body, route] of [[EVM.address, outOperation(), ""], [SOL.b58, stepsOnly(), "/steps"]]) {
      const e = await create(wallet, body, route);
      const kind = wallet === EVM.address ? "evm" : "solana";
      const r = await post(`/api/v1/executions/${wallet}/submit`, signExecution(kind, e));
      assert.deepEqual(r.body, { result: { status: "SIGNING" } });
      const seen = await walk(wallet, e.id);
      assert.ok(isSubsequence(seen, ["OPERATION_PENDING", "OPERATION_PROCESSING", "SUCCESS"]), seen.join(" → "));
      assert.equal(seen.at(-1), "SUCCESS");
    }
  });

  test("failExecution walks to OPERATION_FAILED (deletable, frees the lock)", async () => {
    await post("/__mock/config", { failExecution: true });
    const e = await create(SOL.b58);
    await post(`/api/v1/executions/${SOL.b58}/submit`, signExecution("solana", e));
    const seen = await walk(SOL.b58, e.id);
    assert.equal(seen.at(-1), "OPERATION_FAILED", seen.join(" → "));
    assert.ok(!seen.includes("SUCCESS"));
    await create(SOL.b58, bridgeIn({ dry: false }));
  });

  test("a bad signature: 400 {error: 'invalid signature'} and no state change", async () => {
    const wallet = EVM.address;
    const e = await create(wallet);
    const p = Buffer.from(e.details.payload.payload_bytes_base64, "base64");
    const cases = [
      ["another key", { executionId: e.id, signature: secpString(personalSign(EVM_OTHER, p)) }],
      ["other bytes", { executionId: e.id, signature: secpString(personalSign(EVM, utf8(e.details.payload.payload_json + " "))) }],
      ["the base64 text signed", { executionId: e.id, signature: secpString(personalSign(EVM, utf8(e.details.payload.payload_bytes_base64))) }],
    ];
    for (const [why, body] of cases) {
      const r = await post(`/api/v1/executions/${wallet}/submit`, body);
      assert.equal(r.status, 400, why);
      assert.deepEqual(r.body, { error: "invalid signature" }, why);
    }
    const s = (await get(`/api/v1/executions/${wallet}?id=${e.id}`)).body.result[0];
    assert.equal(s.status, "CREATED");
    assert.equal(s.details.messageSigned, false);
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(await statusOf(wallet, e.id), "CREATED", "no walk started");
    const ok = await post(`/api/v1/executions/${wallet}/submit`, signExecution("evm", e));
    assert.equal(ok.status, 200, "the right signature still goes through");
  });

  test("signature formats: erc191 with v 27/28 or a publicKey, ed25519 without publicKey or with another key", async () => {
    const e = await create(EVM.address);
    const p = Buffer.from(e.details.payload.payload_bytes_base64, "base64");
    const v27 = await post(`/api/v1/executions/${EVM.address}/submit`, { executionId: e.id, signature: secpString(personalSign(EVM, p, 27)) });
    assert.equal(v27.status, 400);
    assert.match(v27.body.error, /^invalid signature: .*v must be 0 or 1/);
    const withKey = await post(`/api/v1/executions/${EVM.address}/submit`, { ...signExecution("evm", e), publicKey: SOL.publicKey });
    assert.equal(withKey.status, 400);
    assert.match(withKey.body.error, /publicKey must be omitted for erc191/);
    const hexSig = await post(`/api/v1/executions/${EVM.address}/submit`, { executionId: e.id, signature: "0x" + hex(personalSign(EVM, p)) });
    assert.equal(hexSig.status, 400);
    const s = await create(SOL.b58);
    const sb = signExecution("solana", s);
    const noKey = await post(`/api/v1/executions/${SOL.b58}/submit`, { executionId: s.id, signature: sb.signature });
    assert.equal(noKey.status, 400);
    assert.match(noKey.body.error, /publicKey is required/);
    const otherKey = await post(`/api/v1/executions/${SOL.b58}/submit`, { ...sb, publicKey: SOL_OTHER.publicKey });
    assert.deepEqual(otherKey.body, { error: "invalid signature" });
    const n = await create(NEAR_IMPLICIT.hex);
    const nb = signExecution("implicit", n);
    const wrongImplicit = await post(`/api/v1/executions/${NEAR_IMPLICIT.hex}/submit`, { ...nb, publicKey: NEAR_NAMED_KEY.publicKey });
    assert.deepEqual(wrongImplicit.body, { error: "invalid signature" }, "an implicit account signs with its own key");
    const unknown = await post(`/api/v1/executions/${EVM.address}/submit`, { executionId: "00000000-0000-4000-8000-000000000000", signature: "secp256k1:1" });
    assert.equal(unknown.status, 404);
    const missing = await post(`/api/v1/executions/${EVM.address}/submit`, { executionId: e.id });
    assert.equal(missing.status, 400);
    const elsewhere = await post(`/api/v1/executions/${EVM_OTHER.address}/submit`, signExecution("evm", e));
    assert.equal(elsewhere.status, 404, "an execution is only found under its own wallet");
  });

  test("tamperPayload: payload_json differs from the bytes; only the bytes' signature is accepted", async () => {
    await post("/__mock/config", { tamperPayload: true });
    const e = await create(EVM.address);
    const p = e.details.payload;
    const bytes = Buffer.from(p.payload_bytes_base64, "base64");
    assert.notEqual(bytes.toString("utf8"), p.payload_json);
    const shown = await post(`/api/v1/executions/${EVM.address}/submit`, { executionId: e.id, signature: secpString(personalSign(EVM, utf8(p.payload_json))) });
    assert.deepEqual(shown.body, { error: "invalid signature" });
    const real = await post(`/api/v1/executions/${EVM.address}/submit`, { executionId: e.id, signature: secpString(personalSign(EVM, bytes)) });
    assert.equal(real.status, 200);
    const next = await create(EVM_OTHER.address);
    assert.equal(Buffer.from(next.details.payload.payload_bytes_base64, "base64").toString("utf8"), next.details.payload.payload_json, "only the next create is tampered");
  });

  test("named NEAR accounts: registered keys are enforced when configured", async () => {
    await post("/__mock/config", { nearAccountKeys: { "alice.near": [SOL_OTHER.b58] } });
    const e = await create(NEAR_NAMED);
    const r = await post(`/api/v1/executions/${NEAR_NAMED}/submit`, signExecution("near", e));
    assert.deepEqual(r.body, { error: "invalid signature" });
    await post("/__mock/config", { nearAccountKeys: { "alice.near": [NEAR_NAMED_KEY.b58] } });
    const ok = await post(`/api/v1/executions/${NEAR_NAMED}/submit`, signExecution("near", e));
    assert.equal(ok.status, 200);
  });

  test("deposit/submit: 404 unknown address, 409 before signing, then DEPOSIT_PROCESSING", async () => {
    await post("/__mock/config", { statusDelayMs: 60000 });
    const e = await create(EVM.address);
    const addr = e.quote.depositAddress;
    const tx = "5VUXRtVgS6bq3Wn64YdCt5NSPfA1Ni5zqiLFsSScyq6Dj53pbNEcwKcp7t1aRqw8zWCoN7coMLBUmatmwLAEvndP";
    assert.equal((await post("/api/v1/executions/deposit/submit", { txHash: tx, depositAddress: "11111111111111111111111111111111" })).status, 404);
    assert.equal((await post("/api/v1/executions/deposit/submit", { depositAddress: addr })).status, 400);
    const early = await post("/api/v1/executions/deposit/submit", { txHash: tx, depositAddress: addr });
    assert.equal(early.status, 409);
    await post(`/api/v1/executions/${EVM.address}/submit`, signExecution("evm", e));
    assert.equal(await statusOf(EVM.address, e.id), "CREATED");
    const ok = await post("/api/v1/executions/deposit/submit", { txHash: tx, depositAddress: addr });
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual(ok.body, { result: { status: "DEPOSIT_PROCESSING" } });
    assert.equal(await statusOf(EVM.address, e.id), "DEPOSIT_PROCESSING");
    assert.equal((await post("/api/v1/executions/deposit/submit", { txHash: tx, depositAddress: addr })).status, 409);
  });
});

// ================================================================== Intents Connect: delete

describe("Intents Connect: DELETE", () => {
  function deleteBody(kind, id) {
    const message = utf8(`delete_execution:${id}`);
    if (kind === "evm") return { signature: secpString(personalSign(EVM, message)) };
    if (kind === "solana") return { signature: edString(SOL.sign(message)), publicKey: SOL.publicKey };
    const key = kind === "near" ? NEAR_NAMED_KEY : NEAR_IMPLICIT;
    const nonce = sha256(utf8(`delete nonce ${id}`));
    return { signature: edString(key.sign(nep413Digest(`delete_execution:${id}`, nonce, "intents.near"))), publicKey: key.publicKey, nep413: { nonce: b64(nonce), recipient: "intents.near" } };
  }

  for (const kind of ["evm", "solana", "near", "implicit"]) {
    test(`${kind}: a signature over delete_execution:<id> deletes; a wrong one is 400`, async () => {
      const wallet = WALLETS[kind]();
      const e = await create(wallet);
      const otherId = "00000000-0000-4000-8000-000000000001";
      const wrong = await del(`/api/v1/executions/${encodeURIComponent(wallet)}/${e.id}`, deleteBody(kind, otherId));
      assert.equal(wrong.status, 400, wrong.text);
      assert.deepEqual(wrong.body, { error: "invalid signature" });
      assert.equal(await statusOf(wallet, e.id), "CREATED", "still there");
      const ok = await del(`/api/v1/executions/${encodeURIComponent(wallet)}/${e.id}`, deleteBody(kind, e.id));
      assert.equal(ok.status, 200, ok.text);
      assert.deepEqual(ok.body, { result: { status: "DELETED" } });
      assert.deepEqual((await get(`/api/v1/executions/${encodeURIComponent(wallet)}?id=${e.id}`)).body.result, []);
      const again = await del(`/api/v1/executions/${encodeURIComponent(wallet)}/${e.id}`, deleteBody(kind, e.id));
      assert.equal(again.status, 404);
      await create(wallet); // the lock is free
    });
  }

  test("the deletable set: CREATED, DEPOSIT_PENDING, OPERATION_PENDING, EXPIRED, DEPOSIT_FAILED, OPERATION_FAILED; others 409", async () => {
    for (const status of ["CREATED", "DEPOSIT_PENDING", "DEPOSIT_PROCESSING", "OPERATION_PENDING", "OPERATION_PROCESSING", "SUCCESS", "DEPOSIT_FAILED", "OPERATION_FAILED", "EXPIRED"]) {
      const e = await create(SOL.b58);
      await post("/__mock/status", { id: e.id, status });
      const r = await del(`/api/v1/executions/${SOL.b58}/${e.id}`, deleteBody("solana", e.id));
      const deletable = ["CREATED", "DEPOSIT_PENDING", "OPERATION_PENDING", "EXPIRED", "DEPOSIT_FAILED", "OPERATION_FAILED"].includes(status);
      assert.equal(r.status, deletable ? 200 : 409, `${status}: ${r.text}`);
      if (!deletable) {
        assert.match(r.body.error, new RegExp(`status ${status}`));
        await post("/__mock/status", { id: e.id, status: "SUCCESS" });
      }
    }
  });

  test("a real SUCCESS after the walk cannot be deleted (409)", async () => {
    const e = await create(EVM.address);
    await post(`/api/v1/executions/${EVM.address}/submit`, signExecution("evm", e));
    assert.equal((await walk(EVM.address, e.id)).at(-1), "SUCCESS");
    const r = await del(`/api/v1/executions/${EVM.address}/${e.id}`, deleteBody("evm", e.id));
    assert.equal(r.status, 409);
  });

  test("body rules: erc191 without publicKey, nep413 needs recipient intents.near and a 32-byte nonce", async () => {
    const e = await create(EVM.address);
    const withKey = await del(`/api/v1/executions/${EVM.address}/${e.id}`, { ...deleteBody("evm", e.id), publicKey: SOL.publicKey });
    assert.equal(withKey.status, 400);
    const n = await create(NEAR_NAMED);
    const good = deleteBody("near", n.id);
    const wrongRecipient = await del(`/api/v1/executions/${NEAR_NAMED}/${n.id}`, { ...good, nep413: { ...good.nep413, recipient: "example.near" } });
    assert.equal(wrongRecipient.status, 400);
    assert.match(wrongRecipient.body.error, /intents\.near/);
    const shortNonce = await del(`/api/v1/executions/${NEAR_NAMED}/${n.id}`, { ...good, nep413: { ...good.nep413, nonce: "AAAA" } });
    assert.equal(shortNonce.status, 400);
    const noNep = await del(`/api/v1/executions/${NEAR_NAMED}/${n.id}`, { signature: good.signature, publicKey: good.publicKey });
    assert.equal(noNep.status, 400);
    const noBody = await call("DELETE", `/api/v1/executions/${NEAR_NAMED}/${n.id}`);
    assert.equal(noBody.status, 400);
    assert.equal((await del(`/api/v1/executions/${NEAR_NAMED}/${n.id}`, good)).status, 200);
  });
});

// ================================================================== errors, failNext, envelopes

describe("error shapes and the controls", () => {
  test("bad JSON → 400 {error}; a body over 256 KB → 413; unknown routes → 404 {error}; wrong method → 405", async () => {
    const badJson = await post(`/api/v1/executions/${EVM.address}`, "{not json");
    assert.equal(badJson.status, 400);
    assert.match(badJson.body.error, /^invalid JSON body/);
    const notObject = await post(`/api/v1/executions/${EVM.address}`, "[1,2]");
    assert.equal(notObject.status, 400);
    const big = JSON.stringify(bridgeIn({ metadata: { pad: "x".repeat(MAX_BODY_BYTES) } }));
    for (const p of [`/api/v1/executions/${EVM.address}`, "/v1/quotes", "/actions"]) {
      const r = await post(p, big);
      assert.equal(r.status, 413, p);
      assert.match(r.body.error, /too large/);
    }
    const justUnder = await post(`/api/v1/executions/${EVM.address}`, JSON.stringify({ ...bridgeIn({ dry: true }), metadata: { pad: "x".repeat(MAX_BODY_BYTES - 2000) } }));
    assert.equal(justUnder.status, 200, "256 KB is the limit, not less");
    for (const p of ["/api/v1/nope", "/api/v1/executions", "/api/v1/executions/x/y/z", "/api/v2/anything"]) {
      const r = await get(p);
      assert.equal(r.status, 404, p);
      if (p.startsWith("/api/v1")) assert.equal(typeof r.body.error, "string", p);
    }
    const method = await call("PUT", "/api/v1/supported_tokens", {});
    assert.equal(method.status, 405);
    assert.equal(typeof method.body.error, "string");
    const swap404 = await get("/v1/nope");
    assert.deepEqual(Object.keys(swap404.body).sort(), ["code", "entity", "message"]);
    const actions404 = await get("/actions/act_none");
    assert.equal(actions404.status, 404);
    assert.equal(typeof actions404.body.error, "string");
    // the server is still fine
    assert.equal((await get("/api/v1/supported_tokens")).status, 200);
  });

  test("hostile inputs never crash the server", async () => {
    const bodies = ["", "null", "\"str\"", "1e999", "{\"steps\":{}}", "{\"quote\":[]}", "{\"steps\":[null]}", "{\"steps\":[[]]}", "{\"quote\":{\"amount\":1}}", "{\"__proto__\":{\"x\":1}}", "\u0000", "{\"steps\":[{\"to\":{}}]}"];
    for (const b of bodies) {
      for (const p of [`/api/v1/executions/${EVM.address}`, `/api/v1/executions/${EVM.address}/steps`, `/api/v1/executions/${EVM.address}/submit`, "/api/v1/executions/deposit/submit", "/v1/quotes", "/v1/intents", "/actions"]) {
        const r = await post(p, b);
        assert.ok(r.status >= 400 && r.status < 500, `${p} ${JSON.stringify(b)}: ${r.status} ${r.text}`);
      }
      const d = await del(`/api/v1/executions/${EVM.address}/00000000-0000-4000-8000-000000000000`, b);
      assert.ok(d.status >= 400 && d.status < 500, `DELETE ${JSON.stringify(b)}: ${d.status}`);
    }
    assert.equal((await rawRequest(srv.port, "GET", "/api/v1/executions/%E0%A4%A/intermediary")).status, 400);
    assert.equal((await get("/api/v1/supported_tokens")).status, 200);
  });

  test("failNext 409/400/502 fails the next POST (or the named route) once", async () => {
    for (const code of ["409", "400", "502"]) {
      await post("/__mock/config", { failNext: code });
      assert.equal((await get("/api/v1/supported_tokens")).status, 200, "GETs are never failed");
      const r = await post(`/api/v1/executions/${EVM.address}`, bridgeIn({ dry: true }));
      assert.equal(r.status, Number(code));
      assert.equal(typeof r.body.error, "string");
      if (code === "409") assert.ok(r.body.error.startsWith("an execution for this wallet is already in progress"));
      assert.equal((await post(`/api/v1/executions/${EVM.address}`, bridgeIn({ dry: true }))).status, 200, "only once");
    }
    await post("/__mock/config", { failNext: "502", failNextOn: "submit" });
    const e = await create(EVM.address);
    const r = await post(`/api/v1/executions/${EVM.address}/submit`, signExecution("evm", e));
    assert.equal(r.status, 502);
    assert.equal((await post(`/api/v1/executions/${EVM.address}/submit`, signExecution("evm", e))).status, 200);
  });

  test("/__mock: log (method, path, body, status), config validation, reset, status forcing", async () => {
    await post(`/api/v1/executions/${EVM.address}`, bridgeIn({ dry: true }));
    await get("/api/v1/supported_tokens?flow=inOperation");
    const log = (await get("/__mock/log")).body.requests;
    const createEntry = log.find((l) => l.method === "POST" && l.path === `/api/v1/executions/${EVM.address}`);
    assert.ok(createEntry);
    assert.equal(createEntry.body.dry, true);
    assert.equal(createEntry.status, 200);
    assert.ok(log.some((l) => l.path === "/api/v1/supported_tokens" && l.query === "?flow=inOperation" && l.body === null));
    assert.ok(!log.some((l) => l.path.startsWith("/__mock")), "controls are not logged");
    const bad = await post("/__mock/config", { nope: 1 });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /unknown config key/);
    assert.equal((await post("/__mock/config", { failNext: "418" })).status, 400);
    assert.equal((await post("/__mock/config", { statusDelayMs: -1 })).status, 400);
    assert.equal((await post("/__mock/config", "{bad")).status, 400);
    const cfg = await get("/__mock/config");
    assert.equal(cfg.body.config.statusDelayMs, 50);
    const e = await create(EVM.address);
    assert.equal((await post("/__mock/status", { id: e.id, status: "NOPE" })).status, 400);
    assert.equal((await post("/__mock/status", { id: "00000000-0000-4000-8000-000000000000", status: "SUCCESS" })).status, 404);
    await post("/__mock/reset", {});
    assert.deepEqual((await get("/__mock/log")).body.requests, []);
    assert.equal((await get("/__mock/config")).body.config.statusDelayMs, 800);
    assert.deepEqual((await get(`/api/v1/executions/${EVM.address}`)).body.result, []);
    assert.equal((await get("/__mock/nope")).status, 404);
  });

  test("the mock object from startServer is the same state", async () => {
    const e = await create(EVM.address);
    assert.ok(srv.mock.intentsConnect.executions.has(e.id));
    srv.mock.configure({ statusDelayMs: 75 });
    assert.equal((await get("/__mock/config")).body.config.statusDelayMs, 75);
  });
});

// ================================================================== swap intents (Permit2)

describe("swap-intents mock (§C, Permit2)", () => {
  const TOKEN_PERMISSIONS = "TokenPermissions(address token,uint256 amount)";
  const WITNESS = "Witness(address resolver,address user,bytes32 secretHash)";
  const k = (s) => keccak_256(utf8(s));

  /** The Permit2 PermitWitnessTransferFrom digest, laid out by hand. */
  function permit2Digest({ chainId, verifyingContract, token, amount, spender, nonce, deadline, witness }) {
    const witnessHash = keccak_256(concat(k(WITNESS), word(witness.resolver), word(witness.user), fromHex(witness.secretHash)));
    const permitted = keccak_256(concat(k(TOKEN_PERMISSIONS), word(token), word(amount)));
    const typeHash = k("PermitWitnessTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline,Witness witness)" + TOKEN_PERMISSIONS + WITNESS);
    const struct = keccak_256(concat(typeHash, permitted, word(spender), word(nonce), word(deadline), witnessHash));
    const domain = keccak_256(concat(k("EIP712Domain(string name,uint256 chainId,address verifyingContract)"), k("Permit2"), word(chainId), word(verifyingContract)));
    return { digest: keccak_256(concat([0x19, 0x01], domain, struct)), witnessHash };
  }

  async function quoteAndIntent(from = EVM) {
    const networks = await get("/v1/networks");
    assert.equal(networks.status, 200);
    const tokens = await get("/v1/tokens?network_id=2");
    const usdc = tokens.body.data.find((t) => t.symbol === "USDC");
    const arb = (await get("/v1/tokens?network_id=3&q=arb")).body.data[0];
    const q = await post("/v1/quotes", { from: { network_id: 2, token: usdc.contract_address }, to: { network_id: 3, token: arb.contract_address }, amount: "25.5", slippage_bps: "50" });
    assert.equal(q.status, 200, q.text);
    assert.equal(q.body.from.amount_lots, "25500000");
    assert.ok(BigInt(q.body.to.min_amount_lots) < BigInt(q.body.to.amount_lots));
    assert.ok(q.body.expires_at > Date.now());
    const i = await post("/v1/intents", { quote_id: q.body.id, from: { address: from.address, refund_address: from.address }, to: { address: EVM_OTHER.address } });
    assert.equal(i.status, 200, i.text);
    return i.body;
  }

  function signPermit(intent, key, vOffset = 27) {
    const p = intent.params_to_sign;
    const { digest } = permit2Digest({
      chainId: p.additional_data.domain.chainId,
      verifyingContract: p.permit2_contract_address,
      token: intent.quote.source_token,
      amount: intent.quote.source_amount_lots,
      spender: p.escrow_contract_address,
      nonce: p.nonce,
      deadline: intent.deadline_secs,
      witness: p.additional_data.witness,
    });
    const { r, s, recovery } = key.signDigest(digest);
    return "0x" + hex(concat(r, s, [recovery + vOffset]));
  }

  test("POST /v1/intents: params_to_sign with the canonical Permit2, its domain, types, witness type string and hash", async () => {
    const intent = await quoteAndIntent();
    assert.equal(intent.approval_type, "permit2");
    assert.equal(intent.approve_to, null);
    const p = intent.params_to_sign;
    assert.equal(p.permit2_contract_address, "0x000000000022D473030F116dDEE9F6B43aC78BA3");
    assert.deepEqual(p.additional_data.domain, { name: "Permit2", chainId: 8453, verifyingContract: "0x000000000022D473030F116dDEE9F6B43aC78BA3" });
    assert.deepEqual(Object.keys(p.additional_data.types).sort(), ["PermitWitnessTransferFrom", "TokenPermissions", "Witness"]);
    assert.equal(p.additional_data.witness_type_string, "Witness witness)" + TOKEN_PERMISSIONS + WITNESS);
    assert.equal(p.additional_data.witness.user.toLowerCase(), EVM.address);
    const { witnessHash } = permit2Digest({ chainId: 1, verifyingContract: p.permit2_contract_address, token: p.escrow_contract_address, amount: 1, spender: p.escrow_contract_address, nonce: 0, deadline: 0, witness: p.additional_data.witness });
    assert.equal(p.additional_data.witness_hash, "0x" + hex(witnessHash));
    assert.ok(Number.isSafeInteger(p.nonce));
    assert.equal(intent.deadline_secs, Math.floor(intent.expires_at / 1000));
    assert.equal(intent.secret_hash, p.additional_data.witness.secretHash);
  });

  test("approval with v 27/28 is verified and the status walks Created → … → Finished", async () => {
    const intent = await quoteAndIntent();
    assert.equal((await get(`/v1/intents/${intent.id}`)).body.status, "Created");
    const r = await post(`/v1/intents/${intent.id}/approvals`, { approval_type: "permit2", signed_data: signPermit(intent, EVM) });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, { intent_id: intent.id });
    const seen = [];
    const until = Date.now() + 5000;
    while (Date.now() < until) {
      const s = (await get(`/v1/intents/${intent.id}`)).body;
      if (seen.at(-1) !== s.status) seen.push(s.status);
      if (s.status === "Finished") {
        assert.match(s.swap_metadata.fulfill_tx, /^0x[0-9a-f]{64}$/);
        assert.equal(s.from_amount_lots, "25500000");
        break;
      }
      await new Promise((res) => setTimeout(res, 10));
    }
    assert.ok(isSubsequence(seen, ["Approved", "Verified", "Deposited", "Finished"]), seen.join(" → "));
    assert.equal(seen.at(-1), "Finished");
    assert.equal((await post(`/v1/intents/${intent.id}/approvals`, { approval_type: "permit2", signed_data: signPermit(intent, EVM) })).status, 409);
  });

  test("approvals that do not verify: another signer, v 0/1, tampered witness, bad shapes", async () => {
    const intent = await quoteAndIntent();
    const other = await post(`/v1/intents/${intent.id}/approvals`, { approval_type: "permit2", signed_data: signPermit(intent, EVM_OTHER) });
    assert.equal(other.status, 400);
    assert.equal(other.body.code, "INVALID_SIGNATURE");
    assert.deepEqual(Object.keys(other.body).sort(), ["code", "entity", "message"]);
    const v01 = await post(`/v1/intents/${intent.id}/approvals`, { approval_type: "permit2", signed_data: signPermit(intent, EVM, 0) });
    assert.equal(v01.status, 400);
    const tampered = structuredClone(intent);
    tampered.params_to_sign.additional_data.witness.resolver = EVM_OTHER.address;
    const tw = await post(`/v1/intents/${intent.id}/approvals`, { approval_type: "permit2", signed_data: signPermit(tampered, EVM) });
    assert.equal(tw.status, 400);
    assert.equal((await post(`/v1/intents/${intent.id}/approvals`, { approval_type: "cosign", signed_data: signPermit(intent, EVM) })).status, 400);
    assert.equal((await post(`/v1/intents/${intent.id}/approvals`, { approval_type: "permit2", signed_data: "0x1234" })).status, 400);
    assert.equal((await get(`/v1/intents/${intent.id}`)).body.status, "Created", "nothing changed");
    assert.equal((await post(`/v1/intents/00000000-0000-4000-8000-000000000000/approvals`, { approval_type: "permit2", signed_data: signPermit(intent, EVM) })).status, 404);
    assert.equal((await get("/v1/intents/nope")).status, 404);
    assert.equal((await post("/v1/intents", { quote_id: "nope", from: { address: EVM.address }, to: { address: "x" } })).status, 404);
    assert.equal((await post("/v1/quotes", { from: { network_id: 9 }, to: { network_id: 1 }, amount: 1 })).status, 400);
  });

  test("failExecution: the resolver declines (Failed)", async () => {
    await post("/__mock/config", { failExecution: true });
    const intent = await quoteAndIntent();
    await post(`/v1/intents/${intent.id}/approvals`, { approval_type: "permit2", signed_data: signPermit(intent, EVM) });
    await new Promise((r) => setTimeout(r, 150));
    assert.equal((await get(`/v1/intents/${intent.id}`)).body.status, "Failed");
  });
});

// ================================================================== actions (EIP-7702)

describe("actions mock (§D, EIP-7702)", () => {
  const DELEGATE = "0x63c0c19a282a1b52b07dd5a65b58948a07dae32b";

  /** keccak256(0x05 ‖ rlp([chainId, address, nonce])) for small chainId/nonce, by hand. */
  function authDigest({ chainId, address, nonce }) {
    const rlpInt = (n) => (n === 0 ? [0x80] : n < 0x80 ? [n] : (() => {
      const b = fromHex(n.toString(16).padStart(n.toString(16).length + (n.toString(16).length % 2), "0"));
      return [0x80 + b.length, ...b];
    })());
    const body = [...rlpInt(chainId), 0x94, ...fromHex(address), ...rlpInt(nonce)];
    return keccak_256(new Uint8Array([0x05, 0xc0 + body.length, ...body]));
  }

  function signAuth(key, auth) {
    const { r, s, recovery } = key.signDigest(authDigest(auth));
    return { ...auth, r: "0x" + hex(r), s: "0x" + hex(s), yParity: recovery };
  }

  const action = (user, auths) => ({
    user,
    chainAuthorizations: auths,
    intents: [
      {
        mode: "7702",
        signatureType: "eip712",
        signature: "0x" + "ab".repeat(65),
        nbf: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 600,
        chainBatches: [
          { hash: "0x" + "11".repeat(32), chainId: 8453, tokenTransfers: [{ from: user, to: DELEGATE, tokenAddress: USDC_BASE, amount: "1000000" }], calls: [{ to: USDC_BASE, value: "0", data: "0xa9059cbb" }] },
          { hash: "0x" + "22".repeat(32), chainId: 42161, tokenTransfers: [], calls: [{ to: DELEGATE, value: 0, data: "0x" }] },
        ],
      },
      { mode: "non-7702:on-demand", chainBatches: [{ chainId: 1, tokenTransfers: [], call: { to: USDC_BASE, value: "0", data: "0x" } }] },
    ],
  });

  test("my hand RLP agrees with the mock's for the viem vector", () => {
    const auth = { chainId: 1, address: "0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c", nonce: 40 };
    assert.equal(hex(authDigest(auth)), "5919da563810a99caf657d42bd10905adbd28b3b89b8a4577efa471e5e4b3914");
  });

  test("POST /actions with verified authorizations → 201; steps run in order; 202 on re-execution", async () => {
    const auths = [signAuth(EVM, { chainId: 8453, address: DELEGATE, nonce: 7 }), signAuth(EVM, { chainId: 42161, address: DELEGATE, nonce: 0 })];
    const r = await post("/actions", action(EVM.address, auths));
    assert.equal(r.status, 201, r.text);
    const { actionId, intentIds } = r.body;
    assert.match(actionId, /^act_[0-9a-f]{24}$/);
    assert.deepEqual(intentIds, [`${actionId}/0`, `${actionId}/1`]);
    const early = await post(`/actions/${actionId}/intents/0/steps/1`, { action: "execute" });
    assert.equal(early.status, 400, "step 1 before step 0");
    const s0 = await post(`/actions/${actionId}/intents/0/steps/0`, { action: "execute" });
    assert.equal(s0.status, 200, s0.text);
    assert.equal(s0.body.status, "success");
    assert.match(s0.body.transactionHash, /^0x[0-9a-f]{64}$/);
    assert.equal((await post(`/actions/${actionId}/intents/0/steps/0`, { action: "execute" })).status, 202);
    assert.equal((await post(`/actions/${actionId}/intents/0/steps/1`, { action: "execute" })).status, 200);
    const hash = "0x" + "33".repeat(32);
    assert.equal((await post(`/actions/${actionId}/intents/1/steps/0`, { action: "register", hash })).body.status, "registered");
    assert.equal((await post(`/actions/${actionId}/intents/1/steps/0`, { action: "execute", hash })).status, 200);
    const view = await get(`/actions/${actionId}`);
    assert.equal(view.body.status, "success");
    assert.equal(view.body.intents[0].steps.length, 2);
    assert.equal((await get(`/actions/${actionId}/intents/0/steps/1`)).body.status, "success");
    const missing = await post(`/actions/${actionId}/intents/5/steps/0`, { action: "execute" });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error, "could not find intent");
    assert.equal(missing.body.intentIndex, 5);
    // a replayed on-demand tx hash in another action
    const r2 = await post("/actions", action(EVM.address, auths));
    const replay = await post(`/actions/${r2.body.actionId}/intents/1/steps/0`, { action: "execute", hash });
    assert.deepEqual(replay.body, { error: "Transaction already processed" });
  });

  test("authorizations that do not verify: another signer, high-s, a chain without authorization, none at all, bad schema", async () => {
    const good = signAuth(EVM, { chainId: 8453, address: DELEGATE, nonce: 7 });
    const arb = signAuth(EVM, { chainId: 42161, address: DELEGATE, nonce: 0 });
    const other = await post("/actions", action(EVM.address, [signAuth(EVM_OTHER, { chainId: 8453, address: DELEGATE, nonce: 7 }), arb]));
    assert.equal(other.status, 400);
    assert.equal(other.body.error, "invalid chain authorization");
    const high = { ...good, s: "0x" + (SECP_N - BigInt(good.s)).toString(16), yParity: good.yParity ^ 1 };
    const hr = await post("/actions", action(EVM.address, [high, arb]));
    assert.equal(hr.status, 400);
    assert.match(JSON.stringify(hr.body.issues), /high/);
    const tamperedNonce = await post("/actions", action(EVM.address, [{ ...good, nonce: 8 }, arb]));
    assert.equal(tamperedNonce.status, 400);
    const partial = await post("/actions", action(EVM.address, [good]));
    assert.equal(partial.status, 400);
    assert.match(partial.body.error, /chainAuthorizations required/);
    const none = await post("/actions", action(EVM.address, undefined));
    assert.deepEqual(none.body, { error: "chainAuthorizations required for 7702 intents" });
    const schema = await post("/actions", { user: "0x12", intents: [] });
    assert.equal(schema.status, 400);
    assert.equal(schema.body.error, "schema validation failed");
    assert.ok(schema.body.issues.user && schema.body.issues.intents);
    const anyChain = await post("/actions", action(EVM.address, [signAuth(EVM, { chainId: 0, address: DELEGATE, nonce: 1 })]));
    assert.equal(anyChain.status, 201, "chain id 0 authorizes every chain");
  });
});

// ================================================================== --api proxy mode

describe("--api: /api/v1 proxied to a real server with x-api-key", () => {
  let upstream;
  let seen;
  let proxied;
  const KEY = "ic-test-api-key-0123456789";

  before(async () => {
    seen = [];
    upstream = http.createServer((req, res) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        const entry = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
        seen.push(entry);
        const status = req.url.includes("/submit") ? 400 : req.method === "POST" ? 201 : 200;
        const body = status === 400 ? { error: "invalid signature" } : { result: { echoedHeaders: req.headers, url: req.url } };
        res.writeHead(status, { "content-type": "application/json", "set-cookie": "upstream=1" });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise((r) => upstream.listen(0, "127.0.0.1", r));
    proxied = await startServer({ port: 0, quiet: true, api: `http://127.0.0.1:${upstream.address().port}/`, apiKey: KEY });
  });
  after(async () => {
    await proxied?.close();
    await new Promise((r) => upstream?.close(r));
  });

  test("forwards method, path, query and body, adds x-api-key, and never shows the key to the page", async () => {
    const p = proxied.url.replace(/\/$/, "");
    const body = JSON.stringify(bridgeIn({ dry: true }));
    const r = await fetch(`${p}/api/v1/executions/${EVM.address}?x=1`, { method: "POST", body, headers: { "content-type": "application/json", "x-api-key": "page-supplied", cookie: "session=1" } });
    const text = await r.text();
    assert.equal(r.status, 201);
    assert.ok(!text.includes(KEY), "the key never reaches the page, even when echoed");
    assert.equal(r.headers.get("set-cookie"), null);
    const last = seen.at(-1);
    assert.equal(last.method, "POST");
    assert.equal(last.url, `/api/v1/executions/${EVM.address}?x=1`);
    assert.equal(last.body, body);
    assert.equal(last.headers["x-api-key"], KEY, "the server's key, not the page's");
    assert.equal(last.headers.cookie, undefined);
    const list = await fetch(`${p}/api/v1/executions/${EVM.address}?id=abc`);
    assert.equal(list.status, 200);
    assert.equal(seen.at(-1).method, "GET");
    assert.equal(seen.at(-1).headers["x-api-key"], KEY);
    const sub = await fetch(`${p}/api/v1/executions/${EVM.address}/submit`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    assert.equal(sub.status, 400, "upstream statuses pass through");
    assert.deepEqual(await sub.json(), { error: "invalid signature" });
    const log = (await (await fetch(`${p}/__mock/log`)).json()).requests;
    assert.ok(!JSON.stringify(log).includes(KEY), "nor does the log");
    // the other mocks stay local
    assert.equal((await fetch(`${p}/v1/networks`)).status, 200);
    assert.equal(seen.filter((s) => s.url.startsWith("/v1/")).length, 0);
  });

  test("an unreachable upstream gives 502 {error}", async () => {
    const closed = http.createServer();
    await new Promise((r) => closed.listen(0, "127.0.0.1", r));
    const port = closed.address().port;
    await new Promise((r) => closed.close(r));
    const s = await startServer({ port: 0, quiet: true, api: `http://127.0.0.1:${port}`, apiKey: KEY });
    try {
      const r = await fetch(`${s.url}api/v1/supported_tokens`);
      assert.equal(r.status, 502);
      const b = await r.json();
      assert.equal(typeof b.error, "string");
      assert.ok(!JSON.stringify(b).includes(KEY));
    } finally {
      await s.close();
    }
  });
});

// ================================================================== the CLI

describe("CLI", () => {
  test("parseArgs: flags, env PORT / INTENTS_CONNECT_URL / INTENTS_CONNECT_API_KEY", () => {
    assert.deepEqual(parseArgs([], {}), { port: 8080, host: "127.0.0.1", api: null, quiet: false, apiKey: null });
    const o = parseArgs(["--port", "0", "--quiet", "--api=http://127.0.0.1:9"], { INTENTS_CONNECT_API_KEY: "k" });
    assert.deepEqual(o, { port: 0, host: "127.0.0.1", api: "http://127.0.0.1:9", quiet: true, apiKey: "k" });
    assert.equal(parseArgs([], { PORT: "9123", INTENTS_CONNECT_URL: "http://127.0.0.1:1" }).api, "http://127.0.0.1:1");
    assert.equal(parseArgs([], { PORT: "9123" }).port, 9123);
    assert.equal(parseArgs(["--port", "1"], { PORT: "9123" }).port, 1);
    assert.throws(() => parseArgs(["--port", "x"], {}));
    assert.throws(() => parseArgs(["--bogus"], {}));
    assert.throws(() => parseArgs(["--api", "not a url"], {}));
  });

  test("node www/server.mjs --port 0 --quiet prints its URL and serves the mock", async () => {
    const child = spawn(process.execPath, [path.join(REPO, "www", "server.mjs"), "--port", "0", "--quiet"], {
      env: { ...process.env, INTENTS_CONNECT_URL: "", INTENTS_CONNECT_API_KEY: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 10000);
        child.stdout.on("data", (d) => {
          out += d;
          const m = /^intent-signer demo: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const r = await fetch(url + "api/v1/supported_tokens");
      assert.equal(r.status, 200);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.on("exit", r)));
    }
  });
});

// ================================================================== the built package against the mock (when pkg/ is built)

const pkgNode = path.join(REPO, "pkg", "all", "index.cjs");
describe("intent-signer (pkg/all, CommonJS) accepts what the mock hands out", { skip: !fs.existsSync(pkgNode) && "pkg/ not built" }, () => {
  let lib;
  before(async () => {
    const { createRequire } = await import("node:module");
    lib = createRequire(import.meta.url)(pkgNode);
  });

  for (const kind of ["evm", "solana", "near", "implicit"]) {
    test(`${kind}: prepareSigning takes the execution; its submit body (from our wallet's answer) is accepted`, async (t) => {
      if (typeof lib.prepareSigning !== "function" || typeof lib.finishSigning !== "function") return t.skip("prepareSigning not in this build");
      const wallet = WALLETS[kind]();
      const e = await create(wallet);
      const req = lib.prepareSigning(e, { wallet, now: Date.now() });
      assert.equal(req.executionId, e.id);
      assert.equal(req.payloadJson, e.details.payload.payload_json);
      const ours = signExecution(kind, e);
      const answer = kind === "evm" ? "0x" + hex(verify.b58decode(ours.signature.slice("secp256k1:".length))) : kind === "solana" ? verify.b58decode(ours.signature.slice(8)) : { publicKey: ours.publicKey, signature: ours.signature, accountId: wallet };
      const done = lib.finishSigning(req, answer);
      const r = await post(`/api/v1/executions/${encodeURIComponent(wallet)}/submit`, done.submitBody);
      assert.equal(r.status, 200, r.text);
    });
  }

  test("validateExecutionRequest and the mock agree on the §A.4 rules", async (t) => {
    if (typeof lib.validateExecutionRequest !== "function") return t.skip("not in this build");
    const W = EVM_OTHER.address;
    const step = (o = {}) => ({ to: USDC_BASE, functionSignature: "approve(address,uint256)", parameters: [AAVE_POOL, "1"], value: "0", ...o });
    const dry = (x = {}) => bridgeIn({ dry: true, metadata: undefined, ...x });
    const out = (steps) => dry({ outOperation: true, quote: { ...outOperation().quote }, steps });
    const cases = [
      ["valid", true, dry()],
      ["unknown step key", false, dry({ steps: [step({ gas: "1" })] })],
      ["other casing", false, dry({ steps: [{ To: USDC_BASE, functionSignature: "f()", parameters: [], value: "0" }] })],
      ["recipient without outOperation", false, dry({ quote: { ...bridgeIn().quote, recipient: W } })],
      ["non-dry without steps", false, dry({ dry: false, steps: [] })],
      ["31 steps", false, dry({ steps: Array(31).fill(step()) })],
      ["30 steps", true, dry({ steps: Array(30).fill(step()) })],
      ["outOperation without deposit transfer", false, out([step()])],
      ["outOperation with deposit transfer", true, out([step({ functionSignature: "transfer(address,uint256)", parameters: ["{DEPOSIT_ADDRESS}", "5"] })])],
      ["{DEPOSIT_ADDRESS} in a bridge-in", false, dry({ steps: [step({ parameters: ["{DEPOSIT_ADDRESS}", "1"] })] })],
      ["{MIN_AMOUNT_OUT} in an out-operation", false, out([step({ functionSignature: "transfer(address,uint256)", parameters: ["{DEPOSIT_ADDRESS}", "{MIN_AMOUNT_OUT}"] })])],
      ["unknown placeholder", false, dry({ steps: [step({ parameters: [AAVE_POOL, "{SOMETHING}"] })] })],
      ["bad address", false, dry({ steps: [step({ parameters: ["0x1234", "1"] })] })],
      ["arity", false, dry({ steps: [step({ parameters: [AAVE_POOL, "1", "2"] })] })],
      ["uint257", false, dry({ steps: [step({ functionSignature: "approve(address,uint257)" })] })],
      ["value as a number", false, dry({ steps: [step({ value: 0 })] })],
      ["7 array levels", false, dry({ steps: [step({ functionSignature: "f(uint256[][][][][][][])", parameters: [[[[[[[["1"]]]]]]]] })] })],
      ["6 array levels", true, dry({ steps: [step({ functionSignature: "f(uint256[][][][][][])", parameters: [[[[[[["1"]]]]]]] })] })],
      ["human-readable signature", true, dry({ steps: [step({ functionSignature: "function approve(address spender, uint256 amount) external returns (bool)" })] })],
      ["bare value transfer", true, dry({ steps: [{ to: W, functionSignature: "", parameters: [], value: "{MIN_AMOUNT_OUT}" }] })],
      ["uint with a leading zero", false, dry({ steps: [step({ parameters: [AAVE_POOL, "01"] })] })],
      ["uint as 0x hex", true, dry({ steps: [step({ parameters: [AAVE_POOL, "0x10"] })] })],
    ];
    for (const [name, valid, body] of cases) {
      const r = await post(`/api/v1/executions/${W}`, body);
      let code = null;
      try {
        lib.validateExecutionRequest(body, { kind: "quote" });
      } catch (e) {
        code = e.code;
      }
      assert.equal(r.status === 200, valid, `mock on ${name}: ${r.text}`);
      assert.equal(code === null, valid, `intent-signer on ${name}: ${code}`);
    }
  });

  test("permit2FromParamsToSign agrees with the mock's witness type string and hash", async (t) => {
    if (typeof lib.permit2FromParamsToSign !== "function") return t.skip("not in this build");
    const q = await post("/v1/quotes", { from: { token_id: 4 }, to: { token_id: 6 }, amount: 10 });
    const i = await post("/v1/intents", { quote_id: q.body.id, from: { address: EVM.address }, to: { address: EVM.address } });
    const intent = i.body;
    const built = lib.permit2FromParamsToSign(intent.params_to_sign, { token: intent.quote.source_token, amount: intent.quote.source_amount_lots, deadline: intent.deadline_secs });
    assert.equal(built.witnessTypeString, intent.params_to_sign.additional_data.witness_type_string);
    const sig = lib.eip712Sign(built.typedData, EVM.sk);
    const body = lib.permit2ApprovalBody(sig);
    const r = await post(`/v1/intents/${intent.id}/approvals`, body);
    assert.equal(r.status, 200, r.text);
  });
});

// a tiny helper used above: length of a base58 string's bytes
function b58len(b58text) {
  return verify.b58decode(b58text).length;
}
