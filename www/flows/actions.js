// The EIP-7702 flow of the actions API (/actions): the authorization, its
// review (reviewEip7702Authorization) → wallet → local recovery
// (eip7702Recover) → the 7702-mode intent (an EIP-712 stand-in signature,
// see below) → POST /actions → execute step 0 → status.

import { abiEncodeCall, bytesToHex, eip712Hash, eip712Recover, eip7702AuthorizationHash, eip7702Recover, hexToBytes, reviewEip7702Authorization } from "/pkg/all/index.js";
import { http } from "../api.js";
import { AAVE_POOL_BASE, KNOWN_DELEGATE, USDC_BASE } from "../constants.js";
import { requireWallet } from "../state.js";
import { $, FlowError, h, httpCard, kv, pollStatus, pre, warningsList } from "../ui.js";
import { evmTestWallet } from "../wallets.js";

export async function authorizationFlow(state, run) {
  const w = requireWallet(state);
  const auth = {
    chainId: $("auth-chain").value.trim(),
    address: $("auth-address").value.trim(),
    nonce: $("auth-nonce").value.trim(),
  };
  let signer = w;
  let note = null;
  if (w.kind !== "evm" || typeof w.signAuthorization !== "function") {
    signer = evmTestWallet();
    note =
      w.kind !== "evm"
        ? `An EIP-7702 authorization is signed by an EVM account; the connected wallet is ${w.kind}. The EVM TEST wallet (public test key) signs instead.`
        : "EIP-7702 signing is wallet-specific: there is no standard RPC method a page can call (eth_sign of the hash is refused by most wallets, rightly). This wallet exposes none, so the EVM TEST wallet (public test key) signs instead; with a wallet that supports it, its own API would be used here.";
  }
  const hash = eip7702AuthorizationHash(auth);
  // The delegate this demo trusts (the form's default); any other is UNKNOWN_DELEGATE (danger).
  const warnings = reviewEip7702Authorization(auth, { knownDelegates: [KNOWN_DELEGATE] });
  run.card(
    "review",
    "Review: the authorization",
    kv([
      ["authority (signs)", signer.address, "review-signer"],
      ["delegate contract", auth.address, "review-contract"],
      ["chain id", auth.chainId === "0" ? "0 (ANY chain)" : auth.chainId],
      ["account nonce", auth.nonce],
      ["hash", "0x" + bytesToHex(hash), "review-digest"],
    ]),
    h("p", {}, `Signing lets ${auth.address} run code as ${signer.address} on chain ${auth.chainId} until replaced.`),
    h("h3", {}, "Warnings"),
    warningsList(warnings, "review-warnings"),
    note ? h("p", { class: "note", "data-testid": "auth-note" }, note) : null,
  );
  run.card("wallet-request", "What the wallet is asked to sign", h("p", {}, "keccak256(0x05 ‖ rlp([chainId, address, nonce])) for:"), pre(auth, "wallet-request-json"));

  run.progress(`working… waiting for the wallet (${signer.label})`);
  const signed = await signer.signAuthorization(auth);
  run.card("wallet-answer", "The wallet's answer", pre(signed, "wallet-answer-json"));

  const sig = hexToBytes(
    signed.r.replace(/^0x/, "").padStart(64, "0") + signed.s.replace(/^0x/, "").padStart(64, "0") + (Number(signed.yParity ?? signed.v) % 27).toString(16).padStart(2, "0"),
  );
  const authority = eip7702Recover(auth, sig);
  if (authority.toLowerCase() !== signer.address.toLowerCase()) {
    throw new FlowError("AUTHORITY_MISMATCH", `The authorization recovers to ${authority}, not to ${signer.address}. Nothing was sent.`);
  }
  run.card("verification", "Local verification (eip7702Recover)", h("p", { class: "ok", "data-testid": "verification-result" }, `Verified: the authorization recovers to ${authority}.`));

  // The 7702-mode intent: one chain batch with one call, signed by the same account.
  // Spice's batch/intent hashing is not public (apis.md §D.5) and the mock stores
  // this signature without checking it: the page signs an EIP-712 stand-in.
  const chainId = Number(signed.chainId);
  const calls = [{ to: USDC_BASE, value: "0", data: "0x" + bytesToHex(abiEncodeCall("approve(address,uint256)", [AAVE_POOL_BASE, "1000000"])) }];
  const batchTypedData = {
    types: {
      EIP712Domain: [
        { name: "name", type: "string" },
        { name: "version", type: "string" },
        { name: "chainId", type: "uint256" },
      ],
      Call: [
        { name: "to", type: "address" },
        { name: "value", type: "uint256" },
        { name: "data", type: "bytes" },
      ],
      ChainBatch: [
        { name: "chainId", type: "uint256" },
        { name: "calls", type: "Call[]" },
        { name: "recentBlock", type: "uint256" },
      ],
    },
    primaryType: "ChainBatch",
    domain: { name: "intent-signer demo stand-in", version: "1", chainId },
    message: { chainId, calls, recentBlock: "0" },
  };
  const batchHash = "0x" + bytesToHex(eip712Hash(batchTypedData));
  run.card(
    "intent-request",
    "The intent's chain batch (stand-in signature)",
    h("p", { class: "note" }, "How Spice hashes chain batches and intents is not public, and the mock stores the intent signature without checking it. This page signs an EIP-712 stand-in over the batch with the same account, so every value is still shown and checked here."),
    pre(batchTypedData, "intent-typed-data-json"),
  );
  run.progress(`working… waiting for the wallet (${signer.label}): the intent`);
  const intentAnswer = await signer.signTypedData(batchTypedData);
  const intentSig = typeof intentAnswer === "string" ? hexToBytes(intentAnswer) : intentAnswer;
  const intentSigner = eip712Recover(batchTypedData, intentSig);
  if (intentSigner.toLowerCase() !== signer.address.toLowerCase()) {
    throw new FlowError("SIGNATURE_MISMATCH", `The intent signature recovers to ${intentSigner}, not to ${signer.address}. Nothing was sent.`);
  }
  run.card(
    "intent-request",
    "The intent's chain batch (stand-in signature)",
    h("p", { class: "note" }, "How Spice hashes chain batches and intents is not public, and the mock stores the intent signature without checking it. This page signs an EIP-712 stand-in over the batch with the same account, so every value is still shown and checked here."),
    kv([
      ["batch hash", batchHash],
      ["signature", "0x" + bytesToHex(intentSig), "intent-signature"],
      ["recovers to", `${intentSigner} (checked with eip712Recover)`],
    ]),
    h("details", {}, h("summary", {}, "The typed data signed"), pre(batchTypedData, "intent-typed-data-json")),
  );
  const now = Math.floor(Date.now() / 1000);
  const body = {
    user: signer.address,
    chainAuthorizations: [
      {
        address: signed.address,
        chainId,
        nonce: Number(signed.nonce),
        r: signed.r,
        s: signed.s,
        yParity: signed.yParity,
      },
    ],
    intents: [
      {
        mode: "7702",
        signatureType: "eip712",
        signature: "0x" + bytesToHex(intentSig),
        nbf: now,
        exp: now + 600,
        chainBatches: [{ hash: batchHash, chainId, tokenTransfers: [], calls }],
      },
    ],
  };
  run.card("submit-body", "Action body", h("p", { class: "muted" }, "POST /actions"), pre(body, "submit-body-json"));
  run.progress("working… creating the action");
  const res = await http("POST", "/actions", body);
  httpCard(run, "submit-response", "Action created", res);
  const actionId = res.body?.actionId ?? res.body?.data?.actionId;
  if (actionId) await pollAction(state, run, actionId);
  else run.done("Action created.");
}

async function pollAction(state, run, actionId) {
  const execPath = `/actions/${encodeURIComponent(actionId)}/intents/0/steps/0`;
  run.progress("working… executing step 0");
  const exec = await http("POST", execPath, { action: "execute" });
  httpCard(run, "execute-response", "Step 0 execute", exec);
  const path = `/actions/${encodeURIComponent(actionId)}`;
  const status = await pollStatus(run, {
    read: async () => {
      const res = await http("GET", path);
      const data = res.body?.data ?? res.body;
      return { status: data?.status ?? "(unknown)", path, latest: res.body };
    },
    isFinal: (s) => ["success", "completed", "failed", "SUCCESS", "FAILED"].includes(s),
    isOk: (s) => !/fail/i.test(s),
    pollMs: state.config.pollMs,
    limitMs: state.config.pollLimitMs,
    latestLabel: "Latest action",
    timeoutMessage: (last) => `No final status (last: ${last}).`,
  });
  run.done(`The action ended as ${status}.`);
}
