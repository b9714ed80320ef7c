// One shared table of wrong-typed inputs, looped over every export of the
// built package and every parameter position (the other parameters valid).
// Each must throw a coded Error, except where the value is legitimately
// accepted (documented in expectation() below); wrong inputs whose error has
// the wrong code or path are package bugs, listed in KNOWN_ERROR_BUGS.
// Afterwards every export is called once more with valid input and checked
// against vector values: a panic inside the wasm module would leave it unusable.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import * as lib from "intent-signer";

import {
  INSTALLED,
  assertCodedError,
  b58decode,
  b58encode,
  ed25519SignNode,
  hex,
  inspectShort,
  nep413HashNode,
  signableExecution,
  toHex,
  utf8,
  vectorFile,
} from "./helpers.mjs";

const CODES = lib.errorCodes();

// ------------------------------------------------------------ valid inputs
// All from the vector files.
const byId = (file) => Object.fromEntries(vectorFile(file).cases.map((c) => [c.id, c]));
const UP = byId("upstream.json");
const ERC = UP["V-ERC191-1-v28"]; // message, wallet signature, secret key, hashes
const TIP = UP["V-TIP191-1"];
const ED = UP["V-ED25519-1"];
const IMPLICIT = UP["V-IMPLICIT-ed25519"];
const NEP1 = UP["V-NEP413-1"]; // payload, publicKey, signature (valid)
const NEP2 = UP["V-NEP413-2"]; // payload with callbackUrl, NEAR secret key
const RAW = UP["V-RAW-2"]; // a valid raw_ed25519 MultiPayload
const SEP = byId("generated/sep53.json")["sep53-001"];
const GEN_NEP = byId("generated/nep413.json")["nep413-043"]; // a transfer intent in a NEP-413 payload
const NEAR_SEED = b58decode(NEP2.input.secretKey.slice("ed25519:".length)).slice(0, 32);
const RAW_SEED = hex(byId("generated/raw_ed25519.json")["raw_ed25519-001"].input.seed);
const RAW_GEN = byId("generated/raw_ed25519.json")["raw_ed25519-001"];
const MESSAGE = RAW.input.multiPayload.payload; // DefusePayload JSON text
const AURORA = byId("abi-aurora.json");
const FEE = AURORA["aurora-002"]; // transfer(address,uint256), no placeholders
const SUPPLY = AURORA["aurora-005"]; // a step with a {MIN_AMOUNT_OUT} placeholder
const ABI_NEG = byId("abi-negative.json");
const REVIEW = ABI_NEG["review-fee"]; // a step, options and the expected review
const hex0x = (b) => `0x${toHex(b)}`;
const NOW_BEFORE = Date.parse("2030-01-01T00:00:00Z"); // before every deadline used here
const OPTIONS = { verifyingContract: "intents.near", now: NOW_BEFORE, publicKey: RAW.input.multiPayload.public_key };

// EIP-712, Permit2, EIP-7702: from the generated vector files.
const EIP712 = byId("generated/eip712.json");
const MAIL = EIP712["eip712-001"]; // the EIP-712 specification's Mail example, key keccak256("cow")
const MAIL_TD = MAIL.input.typedData;
const P2 = byId("generated/permit2.json");
const P2_TRANSFER = P2["permit2-014"]; // Uniswap/permit2 TypehashGeneration.t.sol, MetaMask signature
const P2_BATCH_TRANSFER = P2["permit2-015"];
const P2_WITNESS = P2["permit2-016"];
const P2_SINGLE = P2["permit2-012"];
const P2_BATCH = P2["permit2-013"];
const P2_PARAMS = P2["permit2-079"]; // a swap API's params_to_sign (apis.md §C.5 shape)
const P2_REVIEW = P2["permit2-061"]; // a PermitSingle on the canonical Permit2, chain 8453
const A7702 = byId("generated/eip7702.json");
const AUTH = A7702["eip7702-001"]; // viem hashAuthorization/signAuthorization tests, anvil key 0
const AUTH_RISKY = A7702["eip7702-010"]; // chain id 0, the zero address, nonce 2^64 − 1
const withoutSecretKey = ({ secretKey, ...rest }) => rest;
/** 65 bytes of a `0x` signature of the vectors. */
const sigBytes = (s) => hex(s.slice(2));
/** r ‖ s ‖ yParity of a signed authorization. */
const authSignature = (s) => Uint8Array.from([...hex(s.r.slice(2)), ...hex(s.s.slice(2)), s.yParity]);
/** The same signature with v 27/28 written as 0/1. */
const v01 = (sig) => Uint8Array.from(sig, (b, i) => (i === 64 ? b - 27 : b));
/** A Permit2 builder's result against its vector case. */
const checkPermit2 = (c) => (r) => {
  assert.deepEqual(r.typedData, c.expected.typedData, `${c.id}: typedData`);
  assert.equal(hex0x(r.digest), c.expected.digest, `${c.id}: digest`);
  if (c.expected.witnessTypeString !== undefined) {
    assert.equal(r.witnessTypeString, c.expected.witnessTypeString, `${c.id}: witnessTypeString`);
    assert.equal(hex0x(r.witnessHash), c.expected.witnessHash, `${c.id}: witnessHash`);
  }
  assert.ok(Array.isArray(r.warnings), `${c.id}: warnings`);
};
// reviewPermit2 at a time 60 s before P2_REVIEW's sigDeadline, its spender known:
// nothing to warn about (canonical Permit2, a bounded amount, an expiration within a year).
const P2_REVIEW_TD = P2_REVIEW.expected.typedData;
const P2_REVIEW_NOW = (Number(P2_REVIEW_TD.message.sigDeadline) - 60) * 1000;
assert.ok(Number(P2_REVIEW_TD.message.details.expiration) * 1000 < P2_REVIEW_NOW + 365 * 86400 * 1000, "P2_REVIEW: expiration within a year");

// The execution flow: small inputs built here around vector payloads; the
// signatures are made with Node's crypto (helpers.mjs), not by the package.
// The flow's own vectors are run in execution.test.mjs.
const SOL = byId("generated/raw_ed25519.json")["raw_ed25519-037"]; // a DefusePayload signed by Ed25519 key #1
const SOL_WALLET = SOL.expected.publicKey.slice("ed25519:".length); // the base58 key: a Solana wallet
const SOL_SEED = hex(SOL.input.seed);
const EXEC_ID = "exec-sol-1";
const EXECUTION = () => signableExecution({ id: EXEC_ID, payloadJson: SOL.input.payload, standard: "raw_ed25519" });
const PREPARE_OPTIONS = () => ({ wallet: SOL_WALLET, now: NOW_BEFORE, verifyingContract: "intents.near" });
let preparedOnce;
/** prepareSigning's result for EXECUTION (computed once, cloned per use). */
const SIGNING_REQUEST = () => structuredClone((preparedOnce ??= lib.prepareSigning(EXECUTION(), PREPARE_OPTIONS())));
// Key order matters: "missing field" drops the last key (the signature).
const SOL_OUTPUT = () => ({ publicKey: SOL.expected.publicKey, signature: ed25519SignNode(SOL_SEED, utf8(SOL.input.payload)) });
const NEAR = byId("generated/nep413.json")["nep413-043"]; // an implicit account and its key
const NEAR_ACCOUNT = NEAR.expected.signerId;
const NEAR_IMPLICIT_SEED = hex(NEAR.input.seed);
const DELETE_ID = "exec-near-1";
const DELETE_NONCE = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
const DELETE_MESSAGE = `delete_execution:${DELETE_ID}`;
let deleteOnce;
/** deleteExecutionRequest's result for the NEAR account (computed once, cloned per use). */
const DELETE_REQUEST = () => structuredClone((deleteOnce ??= lib.deleteExecutionRequest(DELETE_ID, NEAR_ACCOUNT, { nonce: DELETE_NONCE })));
const DELETE_SIGNATURE = ed25519SignNode(NEAR_IMPLICIT_SEED, nep413HashNode({ message: DELETE_MESSAGE, nonce: DELETE_NONCE, recipient: "intents.near" }));
// As NEAR wallets answer: base64 signature, the key, the account.
const NEAR_OUTPUT = () => ({ accountId: NEAR_ACCOUNT, publicKey: NEAR.expected.publicKey, signature: Buffer.from(DELETE_SIGNATURE).toString("base64") });
const CREATE_BODY = () => ({
  dry: false,
  quote: {
    amount: "1000000",
    originAsset: "nep141:wrap.near",
    destinationAsset: "nep141:base-0x833589fcd6edb6e08f4c7c32d4f71b54bda02913.omft.near",
    swapType: "EXACT_INPUT",
    slippageTolerance: 100,
    deadline: "2035-01-01T00:00:00Z",
  },
  steps: [structuredClone(FEE.input)],
});

/**
 * Every export: its parameters [name, kind, valid value] and a check of the
 * valid call's result against vector values.
 */
const EXPORTS = {
  buildInfo: {
    params: [],
    check: (r) => {
      assert.equal(typeof r.version, "string");
      assert.match(r.version, /^\d+\.\d+\.\d+/);
      assert.equal(typeof r.gitHead, "string");
      assert.match(r.rustc, /^rustc /);
      const pkg = JSON.parse(readFileSync(join(INSTALLED, "package.json"), "utf8"));
      assert.equal(r.version, pkg.version, "buildInfo().version = package.json version");
    },
  },
  bytesToHex: {
    params: [["bytes", "bytes", () => hex(ERC.expected.hash)]],
    check: (r) => assert.equal(r, ERC.expected.hash),
  },
  hexToBytes: {
    params: [["hex", "hexString", () => `0x${ERC.expected.hash}`]],
    check: (r) => assert.equal(toHex(r), ERC.expected.hash),
  },
  implicitAccountId: {
    params: [["publicKey", "keyString", () => IMPLICIT.input.publicKey]],
    check: (r) => assert.equal(r, IMPLICIT.expected.accountId),
  },
  erc191Preimage: {
    params: [["message", "message", () => ERC.input.message]],
    check: (r) => assert.equal(toHex(r), ERC.expected.preimage),
  },
  erc191Hash: {
    params: [["message", "message", () => ERC.input.message]],
    check: (r) => assert.equal(toHex(r), ERC.expected.hash),
  },
  erc191Recover: {
    params: [
      ["message", "message", () => ERC.input.message],
      ["signature", "bytes65", () => hex(ERC.input.signature)],
    ],
    check: (r) => assert.equal(r.toLowerCase(), ERC.expected.signerId),
  },
  erc191Sign: {
    params: [
      ["message", "message", () => ERC.input.message],
      ["secretKey", "bytes32", () => hex(ERC.input.secretKey)],
    ],
    check: (r) => assert.equal(toHex(r), ERC.expected.signatureNormalized),
  },
  tip191Preimage: {
    params: [["message", "message", () => "Hello, TRON!"]],
    check: (r) => assert.equal(toHex(r), byId("generated/tip191.json")["tip191-001"].expected.preimage),
  },
  tip191Hash: {
    params: [["message", "message", () => TIP.input.message]],
    check: (r) => assert.equal(toHex(r), TIP.expected.hash),
  },
  tip191Recover: {
    params: [
      ["message", "message", () => TIP.input.message],
      ["signature", "bytes65", () => hex(TIP.input.signature)],
    ],
    check: (r) => assert.equal(r.toLowerCase(), TIP.expected.signerId),
  },
  nep413Preimage: {
    params: [["payload", "nep413", () => ({ ...NEP1.input.payload })]],
    check: (r) => assert.equal(toHex(r), NEP1.expected.preimage),
  },
  nep413Hash: {
    params: [["payload", "nep413", () => ({ ...NEP1.input.payload })]],
    check: (r) => assert.equal(toHex(r), NEP1.expected.hash),
  },
  nep413Verify: {
    params: [
      ["payload", "nep413", () => ({ ...NEP1.input.payload })],
      ["publicKey", "keyString", () => NEP1.input.publicKey],
      ["signature", "keyString", () => NEP1.input.signature],
    ],
    check: (r) => assert.equal(r, true),
  },
  nep413Sign: {
    params: [
      ["payload", "nep413", () => ({ ...NEP2.input.payload })],
      ["seed", "bytes32", () => NEAR_SEED.slice()],
    ],
    check: (r) => assert.equal(toHex(b58decode(r.slice("ed25519:".length))), toHex(Buffer.from(NEP2.expected.signatureBase64, "base64"))),
  },
  sep53Hash: {
    params: [["message", "message", () => SEP.input.payload]],
    check: (r) => assert.equal(toHex(r), SEP.expected.hash),
  },
  ed25519Verify: {
    params: [
      ["publicKey", "bytes32", () => hex(ED.input.publicKeyHex)],
      ["message", "bytes", () => hex(ED.input.messageHex)],
      ["signature", "bytes64", () => hex(ED.input.signatureHex)],
    ],
    check: (r) => assert.equal(r, true),
  },
  ed25519Sign: {
    params: [
      ["message", "bytes", () => new TextEncoder().encode(RAW_GEN.input.payload)],
      ["seed", "bytes32", () => RAW_SEED.slice()],
    ],
    check: (r) => assert.equal(toHex(r), RAW_GEN.expected.signatureHex),
  },
  ed25519PublicKey: {
    params: [["seed", "bytes32", () => RAW_SEED.slice()]],
    check: (r) => assert.equal(toHex(r), RAW_GEN.expected.publicKeyHex),
  },
  verifyMultiPayload: {
    params: [["multiPayload", "multiPayload", () => structuredClone(RAW.input.multiPayload)]],
    check: (r) => {
      assert.equal(r.valid, true);
      assert.equal(r.intentHashBase58, RAW.expected.intentHash);
      assert.equal(r.signerId, RAW.expected.signerId);
      assert.equal(r.publicKey, RAW.expected.publicKey);
    },
  },
  decodeIntent: {
    params: [
      ["multiPayload", "multiPayload", () => structuredClone(GEN_NEP.expected.multiPayload)],
      ["options", "options", () => ({ verifyingContract: "intents.near", now: NOW_BEFORE, publicKey: GEN_NEP.expected.publicKey })],
    ],
    check: (r) => checkDecodedGenNep(r),
  },
  decodeIntentMessage: {
    params: [
      ["payload", "intentMessage", () => MESSAGE],
      ["options", "options", () => ({ ...OPTIONS })],
    ],
    check: (r) => {
      assert.equal(r.signerId, RAW.expected.signerId);
      assert.equal(r.verifyingContract, "intents.near");
      assert.equal(r.deadline, JSON.parse(MESSAGE).deadline);
      assert.equal(r.nonce, JSON.parse(MESSAGE).nonce);
    },
  },
  abiEncodeCall: {
    params: [
      ["functionSignature", "functionSignature", () => FEE.input.functionSignature],
      ["parameters", "parameters", () => structuredClone(FEE.input.parameters)],
      ["options", "abiOptions", () => ({ placeholders: {} })],
    ],
    check: (r) => assert.equal(hex0x(r), FEE.expected.calldata),
  },
  abiDecodeCall: {
    params: [
      ["functionSignature", "functionSignature", () => FEE.input.functionSignature],
      ["calldata", "bytes", () => hex(FEE.expected.calldata.slice(2))],
    ],
    check: (r) => assert.deepEqual(r, FEE.expected.decoded),
  },
  functionSelector: {
    params: [["functionSignature", "functionSignature", () => FEE.input.functionSignature]],
    check: (r) => assert.equal(hex0x(r), FEE.expected.selector),
  },
  stepPlaceholders: {
    params: [["step", "step", () => structuredClone(SUPPLY.input)]],
    // aurora-005's one placeholder: the second parameter.
    check: (r) => assert.deepEqual(r, [{ path: "parameters[1]", placeholder: SUPPLY.input.parameters[1] }]),
  },
  validateStep: {
    params: [["step", "step", () => structuredClone(FEE.input)]],
    check: (r) => assert.equal(r, undefined),
  },
  validateSteps: {
    params: [["steps", "steps", () => [structuredClone(FEE.input), structuredClone(SUPPLY.input)]]],
    check: (r) => assert.equal(r, undefined),
  },
  reviewStep: {
    params: [
      ["step", "step", () => structuredClone(REVIEW.input.step)],
      ["options", "reviewOptions", () => structuredClone(REVIEW.input.options)],
    ],
    check: (r) => {
      assert.deepEqual(r.warnings.map((w) => w.code), REVIEW.expected.warnings);
      assert.equal(r.functionName, REVIEW.expected.functionName);
      assert.equal(r.selector, REVIEW.expected.selector);
    },
    // Other options give other warnings; the call itself is the same.
    looseCheck: (r) => {
      assert.equal(r.functionName, REVIEW.expected.functionName);
      assert.equal(r.selector, REVIEW.expected.selector);
    },
  },
  reviewSteps: {
    params: [
      ["steps", "steps", () => [structuredClone(FEE.input), structuredClone(SUPPLY.input)]],
      ["options", "reviewOptions", () => ({ placeholders: structuredClone(SUPPLY.placeholders) })],
    ],
    check: (r) => assert.deepEqual(r.map((x) => hex0x(x.calldata)), [FEE.expected.calldata, SUPPLY.expected.calldata]),
    // Without the placeholder value, the second step has no call data.
    looseCheck: (r) => assert.equal(hex0x(r[0].calldata), FEE.expected.calldata),
  },
  eip712Hash: {
    params: [["typedData", "typedData", () => structuredClone(MAIL_TD)]],
    check: (r) => assert.equal(hex0x(r), MAIL.expected.digest),
  },
  eip712DomainSeparator: {
    params: [["typedData", "typedData", () => structuredClone(MAIL_TD)]],
    check: (r) => assert.equal(hex0x(r), MAIL.expected.domainSeparator),
  },
  eip712HashStruct: {
    params: [
      ["typedData", "typedData", () => structuredClone(MAIL_TD)],
      ["typeName", "typeName", () => MAIL_TD.primaryType],
      ["value", "structValue", () => structuredClone(MAIL_TD.message)],
    ],
    check: (r) => assert.equal(hex0x(r), MAIL.expected.hashStruct),
  },
  eip712EncodeType: {
    params: [
      ["typedData", "typedData", () => structuredClone(MAIL_TD)],
      ["typeName", "typeName", () => MAIL_TD.primaryType],
    ],
    check: (r) => assert.equal(r, MAIL.expected.encodeType),
  },
  eip712Recover: {
    params: [
      ["typedData", "typedData", () => structuredClone(MAIL_TD)],
      ["signature", "bytes65", () => sigBytes(MAIL.expected.signature)],
    ],
    check: (r) => assert.equal(r, MAIL.expected.address),
  },
  eip712Sign: {
    params: [
      ["typedData", "typedData", () => structuredClone(MAIL_TD)],
      ["secretKey", "bytes32", () => sigBytes(MAIL.input.secretKey)],
    ],
    check: (r) => {
      assert.equal(hex0x(r), MAIL.expected.signature);
      assert.ok(r[64] === 27 || r[64] === 28, "eip712Sign gives v 27/28");
    },
  },
  permit2Transfer: {
    params: [["args", "permit2Args", () => structuredClone(P2_TRANSFER.input.args)]],
    check: checkPermit2(P2_TRANSFER),
  },
  permit2BatchTransfer: {
    params: [["args", "permit2Args", () => structuredClone(P2_BATCH_TRANSFER.input.args)]],
    check: checkPermit2(P2_BATCH_TRANSFER),
  },
  permit2WitnessTransfer: {
    params: [["args", "permit2Args", () => structuredClone(P2_WITNESS.input.args)]],
    check: checkPermit2(P2_WITNESS),
  },
  permit2Single: {
    params: [["args", "permit2Args", () => structuredClone(P2_SINGLE.input.args)]],
    check: checkPermit2(P2_SINGLE),
  },
  permit2Batch: {
    params: [["args", "permit2Args", () => structuredClone(P2_BATCH.input.args)]],
    check: checkPermit2(P2_BATCH),
  },
  permit2FromParamsToSign: {
    params: [
      ["paramsToSign", "paramsToSign", () => structuredClone(P2_PARAMS.input.paramsToSign)],
      ["args", "permit2Args", () => structuredClone(P2_PARAMS.input.args)],
    ],
    check: (r) => {
      checkPermit2(P2_PARAMS)(r);
      // The server's witness type string and hash, checked and handed back.
      const ad = P2_PARAMS.input.paramsToSign.additional_data;
      assert.equal(r.witnessTypeString, ad.witness_type_string);
      assert.equal(hex0x(r.witnessHash), ad.witness_hash);
    },
  },
  permit2ApprovalBody: {
    // The MetaMask signature with v written as 0/1: the body carries v 27/28.
    params: [["signature", "bytes65", () => v01(sigBytes(P2_TRANSFER.expected.signature))]],
    check: (r) => assert.deepEqual(r, { approval_type: "permit2", signed_data: P2_TRANSFER.expected.signature }),
  },
  reviewPermit2: {
    params: [
      ["typedData", "permit2TypedData", () => structuredClone(P2_REVIEW_TD)],
      ["options", "options", () => ({ now: P2_REVIEW_NOW, knownSpenders: [P2_REVIEW_TD.message.spender] })],
    ],
    check: (r) => {
      assert.deepEqual(r.warnings, []);
      EXPORTS.reviewPermit2.looseCheck(r);
    },
    // Without `now` or known spenders: UNKNOWN_SPENDER, no deadline warnings.
    looseCheck: (r) => {
      const m = P2_REVIEW_TD.message;
      assert.ok(r.lines[0].includes("PermitSingle") && r.lines[0].includes(m.spender), r.lines[0]);
      assert.ok(r.lines.some((l) => l.includes(m.details.amount) && l.includes(m.details.token)), "amount and token");
      for (const w of r.warnings) assert.equal(w.code, "UNKNOWN_SPENDER");
    },
  },
  eip7702AuthorizationHash: {
    params: [["authorization", "authorization", () => withoutSecretKey(AUTH.input)]],
    check: (r) => assert.equal(hex0x(r), AUTH.expected.hash),
  },
  eip7702Recover: {
    params: [
      ["authorization", "authorization", () => withoutSecretKey(AUTH.input)],
      ["signature", "bytes65", () => authSignature(AUTH.expected.signature)],
    ],
    check: (r) => assert.equal(r, AUTH.expected.authority),
  },
  eip7702Sign: {
    params: [
      ["authorization", "authorization", () => withoutSecretKey(AUTH.input)],
      ["secretKey", "bytes32", () => sigBytes(AUTH.input.secretKey)],
    ],
    check: (r) => {
      const { address, ...rest } = AUTH.expected.signature;
      assert.deepEqual({ ...r, address: r.address.toLowerCase() }, { ...rest, address: address.toLowerCase() });
    },
  },
  reviewEip7702Authorization: {
    params: [
      ["authorization", "authorization", () => withoutSecretKey(AUTH_RISKY.input)],
      ["options", "options", () => ({ knownDelegates: [] })],
    ],
    check: (r) => assert.deepEqual(r.map((w) => w.code), ["ANY_CHAIN", "CLEARS_DELEGATION", "NONCE_MAX"]),
  },
  prepareSigning: {
    params: [
      ["execution", "execution", EXECUTION],
      ["options", "prepareOptions", PREPARE_OPTIONS],
    ],
    check: (r) => {
      assert.equal(r.standard, "raw_ed25519");
      assert.equal(r.executionId, EXEC_ID);
      assert.equal(r.wallet, SOL_WALLET);
      assert.equal(r.signerId, SOL.expected.signerId);
      assert.deepEqual(r.walletRequest, { message: utf8(SOL.input.payload) });
      assert.equal(r.payloadJson, SOL.input.payload);
      assert.equal(r.intentHashBase58, SOL.expected.intentHash);
      assert.equal(toHex(r.intentHash), SOL.expected.hash);
      assert.equal(r.intent.signerId, SOL.expected.signerId);
      assert.equal(r.intent.deadline, SOL.expected.deadline);
      assert.deepEqual(r.steps, []);
      assert.equal(r.quote, null);
      assert.deepEqual(r.warnings.map((w) => w.code), ["EMPTY_INTENTS"]); // flag empty_intents
      assert.ok(r.review.length > 0 && r.review.every((l) => typeof l === "string"));
    },
  },
  finishSigning: {
    params: [
      ["request", "signingRequest", SIGNING_REQUEST],
      ["walletOutput", "walletOutput", SOL_OUTPUT],
    ],
    check: (r) => {
      assert.deepEqual(r.submitBody, { executionId: EXEC_ID, signature: SOL.expected.signature, publicKey: SOL.expected.publicKey });
      assert.deepEqual(r.multiPayload, SOL.expected.multiPayload);
      assert.equal(r.signerId, SOL.expected.signerId);
      assert.equal(r.intentHashBase58, SOL.expected.intentHash);
      assert.equal(toHex(r.intentHash), SOL.expected.hash);
    },
  },
  deleteExecutionRequest: {
    params: [
      ["executionId", "executionId", () => DELETE_ID],
      ["wallet", "wallet", () => NEAR_ACCOUNT],
      ["options", "options", () => ({ nonce: DELETE_NONCE.slice() })],
    ],
    check: (r) => assert.deepEqual(r, deleteRequestExpected()),
    // Without options.nonce: 32 random bytes.
    looseCheck: (r) => {
      assert.ok(r.walletRequest.nonce instanceof Uint8Array && r.walletRequest.nonce.length === 32, "a random 32-byte nonce");
      assert.deepEqual({ ...r, walletRequest: { ...r.walletRequest, nonce: DELETE_NONCE } }, deleteRequestExpected());
    },
  },
  finishDeleteSigning: {
    params: [
      ["request", "deleteRequest", DELETE_REQUEST],
      ["walletOutput", "walletOutput", NEAR_OUTPUT],
    ],
    check: (r) => {
      assert.deepEqual(r, {
        signature: `ed25519:${b58encode(DELETE_SIGNATURE)}`,
        publicKey: NEAR.expected.publicKey,
        nep413: { nonce: Buffer.from(DELETE_NONCE).toString("base64"), recipient: "intents.near" },
      });
    },
  },
  validateExecutionRequest: {
    params: [
      ["body", "createRequest", CREATE_BODY],
      ["options", "validateOptions", () => ({ kind: "quote" })],
    ],
    check: (r) => assert.equal(r, undefined),
  },
  errorCodes: {
    params: [],
    check: (r) => {
      assert.ok(Array.isArray(r));
      assert.deepEqual(r, CODES);
    },
  },
  // Values from shared/reference: Permit2's deployments (evm.md), the API's
  // step limits and signable statuses (apis.md §A.4-§A.5), the verifier (near-intents.md).
  constants: {
    params: [],
    check: (r) =>
      assert.deepEqual(r, {
        permit2Address: "0x000000000022D473030F116dDEE9F6B43aC78BA3",
        permit2AddressZksync: "0x0000000000225e31D15943971F47aD3022F714Fa",
        maxSteps: 30,
        maxSolanaSteps: 50,
        verifyingContract: "intents.near",
        signableStatuses: ["CREATED", "OPERATION_PENDING"],
      }),
  },
};

function deleteRequestExpected() {
  return {
    standard: "nep413",
    executionId: DELETE_ID,
    wallet: NEAR_ACCOUNT,
    message: DELETE_MESSAGE,
    payloadJson: DELETE_MESSAGE,
    walletRequest: { message: DELETE_MESSAGE, recipient: "intents.near", nonce: DELETE_NONCE },
  };
}

function checkDecodedGenNep(r) {
  const exp = GEN_NEP.expected;
  assert.equal(r.signerId, exp.signerId);
  assert.equal(r.signerKind, "near_implicit");
  assert.equal(r.verifyingContract, exp.verifyingContract);
  assert.equal(r.deadline, exp.deadline);
  assert.deepEqual(r.nonceInfo, { version: "v1", salt: exp.nonce.salt, deadlineNs: exp.nonce.deadlineNs, random: exp.nonce.random });
  // The intents, as the message states them.
  assert.deepEqual(r.intents, JSON.parse(GEN_NEP.input.payload.message).intents);
}

// ------------------------------------------------------ the wrong values
// For arrays (parameters, steps) "extra field" appends an element and
// "missing field" drops the last one.
const hasBogus = (v) => {
  if (Array.isArray(v)) return [...v, { bogus: 1 }];
  return v && typeof v === "object" ? { ...v, bogus: 1 } : { bogus: 1 };
};
/**
 * The field "missing field" drops: a required one where the object has one
 * (signature of a MultiPayload, nonce of a NEP-413 payload, value of a step,
 * payloadJson of a signing or delete request, wallet of prepareSigning's
 * options, spender of Permit2 builder arguments, escrow_contract_address of
 * params_to_sign), else the last field (options, typed data's message, an
 * authorization's nonce, an execution's details, a create body's steps, a
 * wallet output's signature).
 */
function droppedKey(v) {
  if ("payloadJson" in v) return "payloadJson";
  if ("standard" in v) return "signature";
  if ("message" in v && "nonce" in v) return "nonce";
  if ("functionSignature" in v) return "value";
  if ("wallet" in v) return "wallet";
  if ("chainId" in v && "spender" in v) return "spender";
  if ("escrow_contract_address" in v) return "escrow_contract_address";
  const keys = Object.keys(v);
  return keys[keys.length - 1];
}
const withoutOne = (v) => {
  if (Array.isArray(v)) return v.slice(0, -1);
  if (!v || typeof v !== "object") return {};
  const out = { ...v };
  delete out[droppedKey(v)];
  return out;
};

/** Parameter names the .d.ts gets wrong: table name → .d.ts name. */
const KNOWN_PARAM_NAME_BUGS = {
};

/** [name, make(validValue)] — the shared table. */
const WRONG = [
  ["number 1", () => 1],
  ["NaN", () => NaN],
  ["Infinity", () => Infinity],
  ["bigint 1n", () => 1n],
  ["boolean", () => true],
  ['string "0xbe"', () => "0xbe"],
  ["lone surrogate", () => "\ud800"],
  ["String object", () => new String("x")],
  ["ArrayBuffer(32)", () => new ArrayBuffer(32)],
  ["Uint16Array(16)", () => new Uint16Array(16)],
  ["Uint8ClampedArray(32)", () => new Uint8ClampedArray(32)],
  ["Int8Array(32)", () => new Int8Array(32)],
  ["DataView", () => new DataView(new ArrayBuffer(32))],
  ["array of 32 numbers", () => new Array(32).fill(1)],
  ["null", () => null],
  ["undefined", () => undefined],
  ["{}", () => ({})],
  ["Date", () => new Date(0)],
  ["symbol", () => Symbol("s")],
  ["function", () => () => {}],
  ["extra field", (v) => hasBogus(v)],
  ["missing field", (v) => withoutOne(v)],
];

const isString = (w) => w === 'string "0xbe"' || w === "lone surrogate";
/** Wrong values that are objects but not plain ones (nor a Uint8Array). */
const NOT_PLAIN = new Set([
  "String object",
  "ArrayBuffer(32)",
  "Uint16Array(16)",
  "Uint8ClampedArray(32)",
  "Int8Array(32)",
  "DataView",
  "array of 32 numbers",
  "Date",
]);

/**
 * Wrong inputs that throw a coded error of the right class, but with a code or
 * a path other than the one they should have: package bugs, reported. The
 * current behaviour (`got`) is asserted, so that a fix shows up here; `want`
 * is what the error should be.
 */
/** Rules for the request and wallet-answer parameters of the flow exports. */
const KNOWN_ERROR_BUGS = [
  {
    fns: ["finishSigning", "finishDeleteSigning"],
    param: "request",
    wrong: [...NOT_PLAIN],
    got: { code: "INVALID_TYPE", path: "request" },
    why: "the request must be the plain object prepareSigning or deleteExecutionRequest returned",
  },
  {
    fns: ["finishSigning", "finishDeleteSigning"],
    param: "request",
    wrong: ["{}"],
    got: { code: "MISSING_FIELD", path: "request.standard" },
    why: "an absent request field is MISSING_FIELD",
  },
  {
    fns: ["finishSigning", "finishDeleteSigning"],
    param: "request",
    wrong: ["missing field"],
    got: { code: "MISSING_FIELD", path: "request.payloadJson" },
    why: "an absent request field is MISSING_FIELD",
  },
  {
    fns: ["finishSigning", "finishDeleteSigning"],
    param: "walletOutput",
    wrong: [...NOT_PLAIN],
    got: { code: "INVALID_TYPE", path: "walletOutput" },
    why: "an ArrayBuffer, another typed array or a Date is not a wallet answer",
  },
  {
    fns: ["finishSigning"],
    param: "walletOutput",
    wrong: ['string "0xbe"'],
    got: { code: "INVALID_LENGTH", path: "walletOutput.signature" },
    why: "errors about the wallet's answer are under walletOutput",
  },
  {
    fns: ["finishDeleteSigning"],
    param: "walletOutput",
    wrong: ['string "0xbe"'],
    got: { code: "MISSING_FIELD", path: "walletOutput.publicKey" },
    why: "a NEAR wallet's answer needs its public key",
  },
  {
    fns: ["validateExecutionRequest"],
    param: "options",
    wrong: ["undefined", "null", "{}", "missing field"],
    got: { code: "MISSING_FIELD", path: "options.kind" },
    why: "the required options.kind, when absent, is MISSING_FIELD",
  },
];
const knownBug = (fn, param, w) => KNOWN_ERROR_BUGS.find((b) => b.fns.includes(fn) && b.param === param && b.wrong.includes(w));

/**
 * What a wrong value in a parameter of a given kind must give:
 * { code, path } or { accept: check(result) } for a documented exception.
 */
function expectation(fn, param, kind, w, valid) {
  const top = (code) => ({ code, path: param });
  const bug = knownBug(fn, param, w);
  if (bug) return { ...bug.got, bug };
  const accepted = () => ({ accept: (r) => (EXPORTS[fn].looseCheck ?? EXPORTS[fn].check)(r) });
  /** An object read strictly, its fields' paths under `param`. */
  const strictObject = ({ extraAccepted = false } = {}) => {
    if (w === "lone surrogate") return top("INVALID_STRING");
    if (w === "{}") return { code: "MISSING_FIELD", path: new RegExp(`^${param}\\.\\w+$`) };
    if (w === "missing field") return { code: "MISSING_FIELD", path: `${param}.${droppedKey(valid)}` };
    // params_to_sign is the swap API's object, which has more fields than are read.
    if (w === "extra field") return extraAccepted ? accepted() : { code: "UNKNOWN_FIELD", path: `${param}.bogus` };
    return top("INVALID_TYPE");
  };
  switch (kind) {
    case "typedData":
    case "permit2TypedData": {
      // As a MultiPayload: paths inside are from the typed data's root
      // ("message.details.amount"), so the typed data itself, and JSON text
      // as a whole, may have no path. reviewPermit2 takes no JSON text.
      const rootPaths = [param, undefined];
      if (isString(w) && kind === "typedData") {
        return { code: w === "lone surrogate" ? "INVALID_STRING" : "INVALID_JSON", path: rootPaths };
      }
      if (w === "lone surrogate") return top("INVALID_STRING");
      if (w === "{}") return { code: "MISSING_FIELD", path: "types" };
      if (w === "missing field") return { code: "MISSING_FIELD", path: "message" };
      if (w === "extra field") return { code: "UNKNOWN_FIELD", path: "bogus" };
      return { code: "INVALID_TYPE", path: rootPaths };
    }
    case "typeName":
      // "0xbe" is a string, but no type of the typed data.
      if (w === 'string "0xbe"') return top("MISSING_TYPE");
      return top(w === "lone surrogate" ? "INVALID_STRING" : "INVALID_TYPE");
    case "structValue":
    case "permit2Args":
    case "authorization":
      return strictObject();
    case "paramsToSign":
      return strictObject({ extraAccepted: true });
    case "prepareOptions":
      // Required: options.wallet.
      if (w === "undefined" || w === "null" || w === "{}" || w === "missing field") return { code: "MISSING_FIELD", path: "options.wallet" };
      if (w === "extra field") return { code: "UNKNOWN_FIELD", path: "options.bogus" };
      return top("INVALID_TYPE");
    case "validateOptions":
      if (w === "extra field") return { code: "UNKNOWN_FIELD", path: "options.bogus" };
      return top("INVALID_TYPE");
    case "execution":
      // Paths inside an execution are from its root ("details.payload.standard").
      if (w === "lone surrogate") return top("INVALID_STRING");
      // Without an id (a dry run) or without details there is nothing to sign.
      if (w === "{}" || w === "missing field") return { code: "NOT_SIGNABLE", path: undefined };
      // The API's execution has many more fields than are read.
      if (w === "extra field") return accepted();
      return { code: "INVALID_TYPE", path: [param, undefined] };
    case "createRequest":
      // Paths inside the body are from its root ("quote.recipient", "steps[0].to").
      if (w === "lone surrogate") return top("INVALID_STRING");
      if (w === "{}" || w === "missing field") return { code: "STEPS_REQUIRED", path: "steps" };
      if (w === "extra field") return { code: "UNKNOWN_FIELD", path: "bogus" };
      return { code: "INVALID_TYPE", path: [param, undefined] };
    case "signingRequest":
    case "deleteRequest":
      // What prepareSigning / deleteExecutionRequest returned, handed back:
      // fields it does not read (annotations an app adds) are ignored.
      if (w === "extra field") return accepted();
      return top("INVALID_TYPE");
    case "walletOutput":
      if (w === "lone surrogate") return top("INVALID_STRING");
      if (w === "{}" || w === "missing field") return { code: "MISSING_FIELD", path: "walletOutput.signature" };
      // Wallets answer with more fields than are read.
      if (w === "extra field") return accepted();
      return top("INVALID_TYPE");
    case "executionId":
      // Any string is an execution id.
      if (w === 'string "0xbe"') return { accept: (r) => assert.equal(r.message, "delete_execution:0xbe") };
      return top(w === "lone surrogate" ? "INVALID_STRING" : "INVALID_TYPE");
    case "wallet":
      // "0xbe" is not an EVM address (0x + 40 hex digits) but is a valid NEAR
      // account id: a NEP-413 delete request for that account.
      if (w === 'string "0xbe"') {
        return {
          accept: (r) => {
            assert.equal(r.standard, "nep413");
            assert.equal(r.wallet, "0xbe");
          },
        };
      }
      return top(w === "lone surrogate" ? "INVALID_STRING" : "INVALID_TYPE");
    case "bytes":
    case "bytes32":
    case "bytes64":
    case "bytes65":
      return top("INVALID_TYPE");
    case "message":
      // Messages accept any string (its UTF-8 bytes): "0xbe" is the 4-byte text, not hex.
      if (w === 'string "0xbe"') {
        return {
          accept: (r) => {
            assert.ok(typeof r === "string" || r instanceof Uint8Array, "a result");
            if (fn.endsWith("Preimage")) assert.ok(toHex(r).endsWith("34" + "30786265"), `${fn}: "4" ‖ "0xbe" as text`);
          },
        };
      }
      return top(w === "lone surrogate" ? "INVALID_STRING" : "INVALID_TYPE");
    case "hexString":
      if (w === 'string "0xbe"') return { accept: (r) => assert.equal(toHex(r), "be") };
      return top(w === "lone surrogate" ? "INVALID_STRING" : "INVALID_TYPE");
    case "keyString":
      // "0xbe": a string, but '0' is not base58.
      if (w === 'string "0xbe"') return top("INVALID_BASE58");
      return top(w === "lone surrogate" ? "INVALID_STRING" : "INVALID_TYPE");
    case "nep413":
    case "intentMessage":
    case "multiPayload": {
      // Paths inside a MultiPayload are relative to it ("standard"), so the
      // MultiPayload itself, and JSON text as a whole, may have no path.
      const rootPaths = kind === "nep413" ? [param] : [param, undefined];
      if (isString(w) && kind !== "nep413") {
        // A string here is JSON text.
        return { code: w === "lone surrogate" ? "INVALID_STRING" : "INVALID_JSON", path: rootPaths };
      }
      if (w === "lone surrogate") return top("INVALID_STRING");
      const fieldPrefix = kind === "multiPayload" ? /^(standard|payload|signature|public_key)$/ : /^payload\.(message|nonce|recipient)$/;
      if (w === "{}") return { code: "MISSING_FIELD", path: fieldPrefix };
      if (w === "missing field") return { code: "MISSING_FIELD", path: kind === "multiPayload" ? "signature" : "payload.nonce" };
      if (w === "extra field") {
        // A MultiPayload is read as the verifier reads it: unknown fields are ignored.
        if (kind === "multiPayload") return { accept: (r) => EXPORTS[fn].check(r) };
        return { code: "UNKNOWN_FIELD", path: "payload.bogus" };
      }
      return { code: "INVALID_TYPE", path: rootPaths };
    }
    case "options":
    case "abiOptions":
    case "reviewOptions":
      // Optional: absent (undefined or null), empty, or without one of its optional fields.
      if (w === "undefined" || w === "null" || w === "{}" || w === "missing field") {
        return { accept: (r) => (EXPORTS[fn].looseCheck ?? EXPORTS[fn].check)(r) };
      }
      if (w === "extra field") return { code: "UNKNOWN_FIELD", path: "options.bogus" };
      return top("INVALID_TYPE");
    case "functionSignature":
      // "0xbe" is a string, but not a signature.
      if (w === 'string "0xbe"') {
        return top("INVALID_FUNCTION_SIGNATURE");
      }
      return top(w === "lone surrogate" ? "INVALID_STRING" : "INVALID_TYPE");
    case "parameters":
      if (w === "lone surrogate") return top("INVALID_STRING");
      // An array of the wrong length: 32 numbers, one more, one fewer.
      if (w === "array of 32 numbers" || w === "extra field" || w === "missing field") return top("ABI_ARITY_MISMATCH");
      return top("INVALID_TYPE");
    case "step": {
      // Paths inside a step are relative to it ("to", "value"); the step
      // itself may have no path.
      if (w === "lone surrogate") return top("INVALID_STRING");
      if (w === "{}") return { code: "MISSING_FIELD", path: "to" };
      if (w === "missing field") return { code: "MISSING_FIELD", path: "value" };
      if (w === "extra field") return { code: "UNKNOWN_FIELD", path: "bogus" };
      return { code: "INVALID_TYPE", path: [param, undefined] };
    }
    case "steps":
      if (w === "lone surrogate") return top("INVALID_STRING");
      if (w === "array of 32 numbers") return top("TOO_MANY_STEPS"); // more than 30, whatever they are
      if (w === "extra field") return { code: "UNKNOWN_FIELD", path: "steps[2].bogus" };
      // One step fewer is still a valid list.
      if (w === "missing field") return { accept: (r) => (EXPORTS[fn].looseCheck ?? EXPORTS[fn].check)(r) };
      return top("INVALID_TYPE");
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

/** `expected`: a path, a list of allowed paths (undefined = none), or a RegExp. */
function assertPath(actual, expected, what) {
  if (expected instanceof RegExp) assert.match(String(actual), expected, what);
  else if (Array.isArray(expected)) assert.ok(expected.includes(actual), `${what}: ${actual} not in ${expected}`);
  else assert.equal(actual, expected, what);
}

function call(fn, args) {
  return lib[fn](...args);
}

function validArgs(name) {
  return EXPORTS[name].params.map(([, , valid]) => valid());
}

/** Parameter names of a .d.ts parameter list (commas inside `Record<string, unknown>` do not split). */
function paramNames(list) {
  const parts = [""];
  let depth = 0;
  for (const ch of list) {
    if ("<({[".includes(ch)) depth++;
    else if (">)}]".includes(ch)) depth--;
    if (ch === "," && depth === 0) parts.push("");
    else parts[parts.length - 1] += ch;
  }
  return parts.map((p) => p.trim().split(/[?:]/)[0]).filter(Boolean);
}

test("the table covers every export of the .d.ts with its parameter names", () => {
  const dts = readFileSync(join(INSTALLED, "all/index.d.ts"), "utf8");
  const declared = Object.fromEntries(
    [...dts.matchAll(/^export function (\w+)\(([^)]*)\)/gm)]
      // The JS loader's ready/initSync are covered by entries.test.mjs.
      .filter((m) => !["ready", "initSync"].includes(m[1]))
      .map((m) => [m[1], paramNames(m[2])]),
  );
  assert.deepEqual(Object.keys(EXPORTS).sort(), Object.keys(declared).sort(), "exports in the table = exports in the .d.ts");
  for (const [name, { params }] of Object.entries(EXPORTS)) {
    assert.deepEqual(
      params.map(([p]) => KNOWN_PARAM_NAME_BUGS[`${name}.${p}`] ?? p),
      declared[name],
      `${name}: parameter names`,
    );
  }
});

test("every export with valid input, before the wrong values", () => {
  for (const [name, spec] of Object.entries(EXPORTS)) spec.check(call(name, validArgs(name)));
});


test("wrong-typed input in every parameter of every export", async (t) => {
  let thrownCount = 0;
  let accepted = 0;
  const bugsSeen = new Map();
  for (const [fn, spec] of Object.entries(EXPORTS)) {
    await t.test(fn, () => {
      if (spec.params.length === 0) {
        // No parameters: extra arguments are ignored, as in any JS function.
        for (const [w, make] of WRONG) spec.check(call(fn, [make(undefined)]), `${fn}(${w})`);
        return;
      }
      spec.params.forEach(([param, kind, valid], i) => {
        for (const [w, make] of WRONG) {
          const args = validArgs(fn);
          args[i] = make(valid());
          const what = `${fn}: ${param} = ${w}`;
          const exp = expectation(fn, param, kind, w, valid());
          let result;
          let error;
          let threw = false;
          try {
            result = call(fn, args);
          } catch (e) {
            threw = true;
            error = e;
          }
          if (exp.accept) {
            assert.ok(!threw, `${what}: documented as accepted, threw ${error?.code} ${error?.message}`);
            exp.accept(result);
            accepted++;
          } else {
            assert.ok(threw, `${what}: expected ${exp.code}, returned ${inspectShort(result)}`);
            assertCodedError(error, what, CODES, exp.code);
            assertPath(error.path, exp.path, `${what}: path (${error.message})`);
            thrownCount++;
            if (exp.bug) bugsSeen.set(exp.bug, [...(bugsSeen.get(exp.bug) ?? []), `${fn}: ${param} = ${w}`]);
          }
        }
      });
    });
  }
  t.diagnostic(`${thrownCount} wrong inputs threw the expected coded error; ${accepted} documented as accepted`);
  // Every rule of the table was exercised.
  for (const bug of KNOWN_ERROR_BUGS) assert.ok(bugsSeen.has(bug), `rule not reached: ${bug.fns} ${bug.param} ${bug.wrong}`);
  assert.ok(thrownCount > 300, `${thrownCount} wrong inputs checked`);
});


/**
 * Exports that read their options before their first argument, so that a call
 * without arguments names the missing option (a reported inconsistency: the
 * first missing argument is `execution` / `body`).
 */
const NO_ARGUMENT_PATHS = {
  prepareSigning: { code: "MISSING_FIELD", path: "options.wallet" },
  validateExecutionRequest: { code: "MISSING_FIELD", path: "options.kind" },
};

test("missing arguments and calls with no arguments", () => {
  for (const [fn, spec] of Object.entries(EXPORTS)) {
    const required = spec.params.filter(([, kind]) => kind !== "options");
    if (required.length === 0) continue;
    let e;
    try {
      lib[fn]();
    } catch (err) {
      e = err;
    }
    assert.ok(e, `${fn}() must throw`);
    assertCodedError(e, `${fn}()`, CODES, NO_ARGUMENT_PATHS[fn]?.code);
    assert.equal(e.path, NO_ARGUMENT_PATHS[fn]?.path ?? required[0][0], `${fn}(): path`);
  }
});

test(
  "prepareSigning: a wallet that is none is reported at options.wallet",
  () => {
    let e;
    try {
      lib.prepareSigning(EXECUTION(), { wallet: "Not A Wallet!" });
    } catch (err) {
      e = err;
    }
    assertCodedError(e, "options.wallet = Not A Wallet!", CODES, "INVALID_WALLET");
    assert.equal(e.path, "options.wallet");
  },
);

/** A plain object nested `depth` levels ({a: {a: …}}), and the same as JSON text. */
function deep(depth, leaf = 1) {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
function deepArray(depth) {
  let v = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

test("deeply nested input → INVALID_JSON, never a crash", () => {
  for (const depth of [200, 10000]) {
    const obj = deep(depth);
    const arr = deepArray(depth);
    const cases = [
      ["verifyMultiPayload(object)", () => lib.verifyMultiPayload(obj)],
      ["verifyMultiPayload(array)", () => lib.verifyMultiPayload(arr)],
      ["decodeIntent(object)", () => lib.decodeIntent(obj)],
      ["decodeIntentMessage(object)", () => lib.decodeIntentMessage(obj)],
      ["nep413Hash(object)", () => lib.nep413Hash(obj)],
      ["nep413Hash(nested in message)", () => lib.nep413Hash({ ...NEP1.input.payload, message: obj })],
      ["verifyMultiPayload(nested in a field)", () => lib.verifyMultiPayload({ ...RAW.input.multiPayload, extra: obj })],
      ["validateStep(object)", () => lib.validateStep(obj)],
      ["validateSteps(array)", () => lib.validateSteps(arr)],
      ["stepPlaceholders(object)", () => lib.stepPlaceholders(obj)],
      ["reviewStep(deep metadata)", () => lib.reviewStep({ ...FEE.input, metadata: obj })],
      ["reviewSteps(deep metadata)", () => lib.reviewSteps([{ ...FEE.input, metadata: obj }])],
      ["abiEncodeCall(deep parameters)", () => lib.abiEncodeCall(FEE.input.functionSignature, arr)],
      ["abiEncodeCall(deep placeholders)", () => lib.abiEncodeCall(FEE.input.functionSignature, FEE.input.parameters, { placeholders: obj })],
      ["verifyMultiPayload(JSON text)", () => lib.verifyMultiPayload('{"a":'.repeat(depth) + "1" + "}".repeat(depth))],
      ["verifyMultiPayload(JSON text of arrays)", () => lib.verifyMultiPayload("[".repeat(depth) + "]".repeat(depth))],
      [
        "decodeIntentMessage(deep intents in the text)",
        () => lib.decodeIntentMessage(MESSAGE.replace('"intents":[]', `"intents":[${'{"intent":"x","a":'.repeat(depth)}1${"}".repeat(depth)}]`)),
      ],
      ["eip712Hash(object)", () => lib.eip712Hash(obj)],
      ["eip712Hash(deep message)", () => lib.eip712Hash({ ...MAIL_TD, message: obj })],
      ["eip712Hash(JSON text)", () => lib.eip712Hash('{"a":'.repeat(depth) + "1" + "}".repeat(depth))],
      ["eip712HashStruct(deep value)", () => lib.eip712HashStruct(MAIL_TD, "Mail", obj)],
      ["permit2Transfer(object)", () => lib.permit2Transfer(obj)],
      ["permit2WitnessTransfer(deep witness value)", () => lib.permit2WitnessTransfer({ ...P2_WITNESS.input.args, witness: { ...P2_WITNESS.input.args.witness, value: obj } })],
      ["permit2FromParamsToSign(object)", () => lib.permit2FromParamsToSign(obj, P2_PARAMS.input.args)],
      ["reviewPermit2(object)", () => lib.reviewPermit2(obj)],
      ["eip7702AuthorizationHash(object)", () => lib.eip7702AuthorizationHash(obj)],
      ["prepareSigning(object)", () => lib.prepareSigning(obj, PREPARE_OPTIONS())],
      ["prepareSigning(deep unknown field)", () => lib.prepareSigning({ ...EXECUTION(), extra: obj }, PREPARE_OPTIONS())],
      ["validateExecutionRequest(object)", () => lib.validateExecutionRequest(obj, { kind: "quote" })],
      ["validateExecutionRequest(deep metadata)", () => lib.validateExecutionRequest({ ...CREATE_BODY(), metadata: obj }, { kind: "quote" })],
      [
        "verifyMultiPayload(deep payload text)",
        () => lib.verifyMultiPayload({ ...RAW.input.multiPayload, payload: MESSAGE.replace('"intents":[]', `"intents":${"[".repeat(depth)}${"]".repeat(depth)}`) }),
      ],
    ];
    for (const [what, f] of cases) {
      let e;
      try {
        f();
      } catch (err) {
        e = err;
      }
      assert.ok(e, `${what} depth ${depth}: must throw`);
      assertCodedError(e, `${what} depth ${depth}`, CODES, "INVALID_JSON");
    }
    // Not JSON-read, so a type error: a deep object as options.now.
    const e = (() => {
      try {
        lib.decodeIntentMessage(MESSAGE, { now: obj });
      } catch (err) {
        return err;
      }
    })();
    assertCodedError(e, "options.now = deep object", CODES, "INVALID_TYPE");
  }
  // Depth 100 is fine where any value is allowed (an unknown field is ignored).
  assert.equal(lib.verifyMultiPayload({ ...RAW.input.multiPayload, extra: deep(100) }).valid, true);
});

test("__proto__ / constructor keys as input: a coded error or a correct result", () => {
  const nepWithProto = JSON.parse(`{"message":"m","nonce":${JSON.stringify(NEP1.input.payload.nonce)},"recipient":"r","__proto__":{"x":1}}`);
  assert.ok(Object.hasOwn(nepWithProto, "__proto__"));
  for (const [what, f, code, path] of [
    ["nep413Hash(own __proto__)", () => lib.nep413Hash(nepWithProto), "UNKNOWN_FIELD", "payload.__proto__"],
    ["nep413Hash(own constructor)", () => lib.nep413Hash({ ...NEP1.input.payload, constructor: "x" }), "UNKNOWN_FIELD", "payload.constructor"],
    ["options with own __proto__", () => lib.decodeIntentMessage(MESSAGE, JSON.parse('{"__proto__":{"now":1}}')), "UNKNOWN_FIELD", "options.__proto__"],
    ["options with constructor", () => lib.decodeIntentMessage(MESSAGE, { constructor: 1 }), "UNKNOWN_FIELD", "options.constructor"],
  ]) {
    let e;
    try {
      f();
    } catch (err) {
      e = err;
    }
    assert.ok(e, `${what}: must throw`);
    assertCodedError(e, what, CODES, code);
    assert.equal(e.path, path, `${what}: path`);
  }
  // A polluted-looking prototype is not read: only own keys count.
  const inherited = Object.create({ bogus: 1, callbackUrl: "http://evil" });
  Object.assign(inherited, NEP1.input.payload);
  // Not a plain object (its prototype is not Object.prototype): refused.
  let e;
  try {
    lib.nep413Hash(inherited);
  } catch (err) {
    e = err;
  }
  assert.ok(e, "object with a custom prototype must be refused");
  assertCodedError(e, "custom prototype", CODES, "INVALID_TYPE");
  // Null-prototype objects are plain: accepted, same result.
  const bare = Object.assign(Object.create(null), NEP1.input.payload);
  assert.equal(toHex(lib.nep413Hash(bare)), NEP1.expected.hash);
  // A MultiPayload with own __proto__/constructor keys: ignored (as unknown fields), correct result.
  const mp = JSON.parse(JSON.stringify(RAW.input.multiPayload).replace(/^\{/, '{"__proto__":{"valid":false},"constructor":"x",'));
  assert.ok(Object.hasOwn(mp, "__proto__"));
  const v = lib.verifyMultiPayload(mp);
  EXPORTS.verifyMultiPayload.check(v);
  // The same keys inside the signed message text do not break decoding.
  const text = MESSAGE.replace('{"signer_id"', '{"__proto__":{"signer_id":"evil.near"},"constructor":1,"signer_id"');
  const d = lib.decodeIntentMessage(text);
  assert.equal(d.signerId, RAW.expected.signerId);
  assert.equal(Object.getPrototypeOf(d), Object.prototype);
});

// JSON → JS conversion defines "__proto__" keys as own data properties, as
// JSON.parse does, so decoded intents neither lose data nor gain inherited
// properties.
// (imt_mint token keys are free strings; a transfer's token ids are not, and
// the verifier refuses "__proto__" there: so does the decoder, checked below.)
test("decoded intents keep __proto__ keys as own properties (as JSON.parse does)", () => {
  const intents = '[{"intent":"teleport","__proto__":{"polluted":true},"to":"mars"},' +
    '{"intent":"imt_mint","receiver_id":"bob.near","tokens":{"__proto__":"5","wrap":"1"}}]';
  assert.throws(
    () => lib.decodeIntentMessage(MESSAGE.replace('"intents":[]', '"intents":[{"intent":"transfer","receiver_id":"bob.near","tokens":{"__proto__":"5"}}]')),
    (e) => e.code === "INVALID_INTENT" && e.path === 'intents[0].tokens["__proto__"]',
    "a transfer's token id must be one the verifier reads",
  );
  const d = lib.decodeIntentMessage(MESSAGE.replace('"intents":[]', `"intents":${intents}`));
  const expected = JSON.parse(intents);
  // An unknown kind comes wrapped: { intent: "unknown", kind, raw }.
  assert.equal(d.intents[0].intent, "unknown");
  assert.equal(d.intents[0].kind, "teleport");
  assert.equal(Object.getPrototypeOf(d.intents[0].raw), Object.prototype, "prototype of a decoded intent");
  assert.equal(d.intents[0].raw.polluted, undefined, "no inherited property from the message");
  assert.deepEqual(d.intents[0].raw, expected[0]);
  assert.deepEqual(Object.keys(d.intents[1].tokens), Object.keys(expected[1].tokens), "every token of a transfer is shown");
  assert.deepEqual(d.intents[1], expected[1]);
});

// A Proxy whose ownKeys trap throws, or an array index getter that throws,
// is a coded error like an object property getter that throws.
test("throwing proxies and array getters give a coded error", () => {
  const proxy = new Proxy({ ...NEP1.input.payload }, { ownKeys() { throw new Error("trap"); } });
  const arr = ["a"];
  Object.defineProperty(arr, 0, { get() { throw new Error("getter"); } });
  for (const [what, f] of [
    ["nep413Hash(proxy)", () => lib.nep413Hash(proxy)],
    ["verifyMultiPayload(array getter)", () => lib.verifyMultiPayload({ ...RAW.input.multiPayload, extra: arr })],
  ]) {
    let e;
    try {
      f();
    } catch (err) {
      e = err;
    }
    assert.ok(e, `${what}: must throw`);
    assertCodedError(e, what, CODES);
  }
});

test("a throwing getter is a coded error, and the module still works after it", () => {
  const payload = { ...NEP1.input.payload };
  Object.defineProperty(payload, "message", { enumerable: true, get() { throw new Error("boom"); } });
  let e;
  try {
    lib.nep413Hash(payload);
  } catch (err) {
    e = err;
  }
  assertCodedError(e, "throwing getter", CODES, "INVALID_TYPE");
  assert.equal(e.path, "payload.message");
});

test("every export once more with valid input, after all of the above", () => {
  for (const [name, spec] of Object.entries(EXPORTS)) spec.check(call(name, validArgs(name)));
  // And a signature round trip, to be sure the module's memory is sound.
  const sig = lib.ed25519Sign(new Uint8Array(0), RAW_SEED);
  assert.equal(lib.ed25519Verify(hex(RAW_GEN.expected.publicKeyHex), new Uint8Array(0), sig), true);
  assert.equal(b58encode(lib.ed25519PublicKey(RAW_SEED)), RAW_GEN.expected.publicKey.slice("ed25519:".length));
});
