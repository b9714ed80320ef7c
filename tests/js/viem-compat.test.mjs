// The outputs handed to viem and @near-wallet-selector/core at run time: the
// values are what the .d.ts says (tests/js/usage-viem.ts type-checks the same
// calls), and the independent library computes the same bytes.
//
// - personal_sign: params[0] is 0x + the hex of the payload's UTF-8 bytes;
//   viem's walletClient.request(walletRequest) and
//   signMessage({ message: { raw } }) give signatures finishSigning accepts;
//   signing the hex text as a string is caught with a hint.
// - Permit2: every builder's typedData has a number chainId and 0x addresses;
//   viem's hashTypedData of it equals the builder's digest and the vector's,
//   viem's signTypedData equals eip712Sign.
// - NEP-413: the wallet request with Buffer.from(nonce) is what the NEAR
//   wallet selector serialises and verifies (near-api-js signatures).

import assert from "node:assert/strict";
import { test } from "node:test";

import { serializeNep413, verifySignature } from "@near-wallet-selector/core";
import { createWalletClient, custom, hashMessage, hashTypedData, hexToString, isHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import * as lib from "intent-signer";
import { signableExecution, toHex, vectorFile } from "./helpers.mjs";

const KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"; // anvil key 0, a public test key
const account = privateKeyToAccount(KEY);
const HEX = /^0x(?:[0-9a-fA-F]{2})*$/;

/** A wallet client over an EIP-1193 provider that answers personal_sign with the local account, recording the calls. */
function walletClientRecording() {
  const calls = [];
  const client = createWalletClient({
    account,
    transport: custom({
      async request({ method, params }) {
        calls.push({ method, params });
        if (method !== "personal_sign") throw new Error(`unsupported ${method}`);
        return account.signMessage({ message: { raw: params[0] } });
      },
    }),
  });
  return { client, calls };
}

const payloadJson = JSON.stringify({
  signer_id: account.address.toLowerCase(),
  verifying_contract: "intents.near",
  deadline: "2035-11-03T14:56:10.273Z",
  nonce: "Vij2xgAlKBKzADZykFdbpB8CcBXsE9wRhklzE4/mgS8=",
  intents: [{ intent: "ft_withdraw", token: "usdc.near", receiver_id: "bob.near", amount: "1000000" }],
});
const evmExecution = signableExecution({ id: "33ca3807-0e1b-455f-a6dd-1a482ec9b385", payloadJson, standard: "erc191" });

test("personal_sign: params are 0x hex (the payload's UTF-8 bytes, the EIP-55 address) and viem's signatures finish", async () => {
  const request = lib.prepareSigning(evmExecution, { wallet: account.address, now: Date.UTC(2030, 0, 1) });
  assert.equal(request.standard, "erc191");
  const wr = request.walletRequest;
  assert.deepEqual(Object.keys(wr), ["method", "params"]);
  assert.equal(wr.method, "personal_sign");
  assert.equal(wr.params.length, 2);
  const [raw, address] = wr.params;
  assert.match(raw, HEX, "params[0] is 0x hex");
  assert.ok(isHex(raw, { strict: true }) && isHex(address, { strict: true }), "viem's isHex agrees");
  assert.equal(raw, `0x${Buffer.from(payloadJson, "utf8").toString("hex")}`, "params[0] = 0x + hex(UTF-8 payload_json)");
  assert.equal(hexToString(raw), payloadJson, "viem decodes it back to payload_json verbatim");
  assert.equal(address, account.address, "params[1] is the EIP-55 address");
  // What the wallet signs, by viem, is the digest the intent hash is.
  assert.equal(hashMessage({ raw }), `0x${toHex(lib.erc191Hash(payloadJson))}`);
  assert.equal(hashMessage({ raw }), hashMessage(payloadJson), "the raw bytes hash as the text does");

  // walletClient.request(walletRequest), unchanged: the provider sees exactly it.
  const { client, calls } = walletClientRecording();
  const viaRequest = await client.request(wr);
  assert.deepEqual(calls, [{ method: "personal_sign", params: [raw, address] }]);
  const a = lib.finishSigning(request, viaRequest);
  assert.equal(a.multiPayload.standard, "erc191");
  assert.equal(a.signerId, account.address.toLowerCase());
  // signMessage({ message: { raw } }) with the account and through the client.
  const viaAccount = await account.signMessage({ message: { raw } });
  const viaClient = await client.signMessage({ account, message: { raw } });
  assert.equal(viaAccount, viaRequest);
  assert.equal(viaClient, viaRequest);
  assert.deepEqual(lib.finishSigning(request, viaAccount), a);

  // The mistake the hex form invites: signing the 0x text as a string.
  const wrong = await account.signMessage({ message: raw });
  let error;
  try {
    lib.finishSigning(request, wrong);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof Error, "signing the hex text is refused");
  assert.equal(error.code, "SIGNATURE_MISMATCH");
  assert.match(error.hint ?? "", /0x hex text of the personal_sign message/, `a hint names the mistake, got ${error.hint}`);
});

test("personal_sign: the delete request is 0x hex too, and viem's answer finishes", async () => {
  const del = lib.deleteExecutionRequest("33ca3807-0e1b-455f-a6dd-1a482ec9b385", account.address);
  assert.equal(del.standard, "erc191");
  assert.equal(hexToString(del.walletRequest.params[0]), "delete_execution:33ca3807-0e1b-455f-a6dd-1a482ec9b385");
  const { client } = walletClientRecording();
  const body = lib.finishDeleteSigning(del, await client.request(del.walletRequest));
  assert.deepEqual(Object.keys(body), ["signature"]);
});

const BUILDERS = {
  permit2Transfer: lib.permit2Transfer,
  permit2BatchTransfer: lib.permit2BatchTransfer,
  permit2WitnessTransfer: lib.permit2WitnessTransfer,
  permit2BatchWitnessTransfer: lib.permit2WitnessTransfer,
  permit2Single: lib.permit2Single,
  permit2Batch: lib.permit2Batch,
};

/** Every address-typed value of typed data (domain and message), with its path. */
function addressesOf(typedData) {
  const out = [["domain.verifyingContract", typedData.domain.verifyingContract]];
  const walk = (type, value, path) => {
    const base = type.replace(/\[\d*\]$/, "");
    if (base !== type) return value.forEach((v, i) => walk(base, v, `${path}[${i}]`));
    if (type === "address") return out.push([path, value]);
    for (const f of typedData.types[type] ?? []) walk(f.type, value[f.name], `${path}.${f.name}`);
  };
  walk(typedData.primaryType, typedData.message, "message");
  return out;
}

test("Permit2 builders: typedData has a number chainId and 0x addresses; viem hashes and signs it unchanged", async (t) => {
  const doc = vectorFile("generated/permit2.json");
  let ran = 0;
  let signed = 0;
  for (const c of doc.cases) {
    if (c.error) continue;
    const { id, input, expected: exp } = c;
    const r = input.builder === "permit2FromParamsToSign" ? lib.permit2FromParamsToSign(input.paramsToSign, input.args) : BUILDERS[input.builder](input.args);
    const td = r.typedData;
    assert.equal(typeof td.domain.chainId, "number", `${id}: chainId is a number`);
    assert.ok(Number.isSafeInteger(td.domain.chainId), `${id}: a safe integer`);
    assert.equal(td.domain.chainId, Number(exp.typedData.domain.chainId), `${id}: the vector's chain id`);
    for (const [path, a] of addressesOf(td)) assert.match(a, /^0x[0-9a-fA-F]{40}$/, `${id}: ${path} is a 0x address`);
    // viem, on the object as returned: the vector's digest and the builder's.
    const viemDigest = hashTypedData(td);
    assert.equal(viemDigest, exp.digest, `${id}: viem hashTypedData(typedData) = the vector's digest`);
    assert.equal(viemDigest, `0x${toHex(r.digest)}`, `${id}: = the builder's digest`);
    if (input.secretKey !== undefined) {
      const signer = privateKeyToAccount(input.secretKey);
      const viemSig = await signer.signTypedData(td);
      assert.equal(viemSig, `0x${toHex(lib.eip712Sign(td, lib.hexToBytes(input.secretKey)))}`, `${id}: viem signTypedData = eip712Sign`);
      assert.equal(lib.eip712Recover(td, lib.hexToBytes(viemSig)), signer.address, `${id}: recovers viem's signer`);
      signed++;
    }
    ran++;
  }
  assert.ok(ran >= 60, `Permit2 cases through viem: ${ran}`);
  assert.ok(signed >= 40, `signed by viem: ${signed}`);
  t.diagnostic(`${ran} builder outputs hashed by viem, ${signed} signed by viem`);
});

test("Permit2 builders: a chain id above 2^53 - 1 is refused (typedData carries a JS number)", () => {
  const args = { token: "0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984", amount: "1", spender: "0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45", nonce: 0, deadline: 1 };
  const max = lib.permit2Transfer({ ...args, chainId: 2n ** 53n - 1n }).typedData.domain.chainId;
  assert.equal(max, Number.MAX_SAFE_INTEGER);
  for (const chainId of [2n ** 53n, "9007199254740993", `0x${(2n ** 64n).toString(16)}`]) {
    let error;
    try {
      lib.permit2Transfer({ ...args, chainId });
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof RangeError, `chainId ${chainId}: a RangeError`);
    assert.equal(error.code, "INVALID_NUMBER");
    assert.equal(error.path, "args.chainId");
  }
});

test("viem-style typed data (as const, bigint chainId) goes into eip712Hash/eip712Sign as is", async () => {
  // The EIP-712 specification's example, written as viem's docs write it.
  const mail = {
    types: {
      Person: [{ name: "name", type: "string" }, { name: "wallet", type: "address" }],
      Mail: [{ name: "from", type: "Person" }, { name: "to", type: "Person" }, { name: "contents", type: "string" }],
    },
    primaryType: "Mail",
    domain: { name: "Ether Mail", version: "1", chainId: 1n, verifyingContract: "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" },
    message: {
      from: { name: "Cow", wallet: "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
      to: { name: "Bob", wallet: "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
      contents: "Hello, Bob!",
    },
  };
  assert.equal(hashTypedData(mail), "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
  assert.equal(`0x${toHex(lib.eip712Hash(mail))}`, hashTypedData(mail));
  assert.equal(`0x${toHex(lib.eip712Sign(mail, lib.hexToBytes(KEY)))}`, await account.signTypedData(mail));
});

test("EIP-7702: the signed authorization's address, r and s are 0x hex", () => {
  const s = lib.eip7702Sign({ chainId: 1, address: "0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c", nonce: 40 }, lib.hexToBytes(KEY));
  assert.match(s.address, /^0x[0-9a-fA-F]{40}$/);
  assert.match(s.r, /^0x[0-9a-f]{64}$/);
  assert.match(s.s, /^0x[0-9a-f]{64}$/);
  assert.equal(typeof s.chainId, "string");
  assert.equal(typeof s.nonce, "string");
});

test("NEP-413: { ...walletRequest, nonce: Buffer.from(nonce) } is what @near-wallet-selector/core serialises and verifies", async (t) => {
  const doc = vectorFile("generated/executions.json");
  const bytesOf = (v) => (v !== null && typeof v === "object" && typeof v.$bytes === "string" ? Uint8Array.from(Buffer.from(v.$bytes, "hex")) : v);
  let ran = 0;
  let verified = 0;
  for (const c of doc.cases) {
    if (c.expected.stage || c.expected.standard !== "nep413") continue;
    const request = lib.prepareSigning(c.input.execution, { wallet: c.input.wallet, now: c.input.now });
    assert.equal(request.standard, "nep413");
    const wr = request.walletRequest;
    assert.ok(wr.nonce instanceof Uint8Array && wr.nonce.length === 32, `${c.id}: nonce bytes`);
    const params = { ...wr, nonce: Buffer.from(wr.nonce) };
    // The selector's borsh serialisation is NEP-413's preimage, ours.
    const payload = { message: wr.message, nonce: Buffer.from(wr.nonce).toString("base64"), recipient: wr.recipient, ...(wr.callbackUrl === undefined ? {} : { callbackUrl: wr.callbackUrl }) };
    assert.equal(toHex(serializeNep413(params)), toHex(lib.nep413Preimage(payload)), `${c.id}: serializeNep413 = nep413Preimage`);
    // A near-api-js signature (base64, as wallets answer) verifies in the selector.
    const out = c.input.walletOutput;
    const sig = bytesOf(out.signature);
    if (typeof sig === "string" && !sig.includes(":") && out.publicKey.startsWith("ed25519:")) {
      assert.equal(verifySignature({ ...params, publicKey: out.publicKey, signature: sig }), true, `${c.id}: the selector verifies the wallet's answer`);
      assert.equal(verifySignature({ ...params, nonce: Buffer.alloc(32), publicKey: out.publicKey, signature: sig }), false, `${c.id}: and not with another nonce`);
      verified++;
    }
    ran++;
  }
  assert.ok(ran >= 5, `NEP-413 cases: ${ran}`);
  assert.ok(verified >= 2, `answers verified by the selector: ${verified}`);
  t.diagnostic(`${ran} NEP-413 wallet requests through the selector, ${verified} answers verified by it`);
});
