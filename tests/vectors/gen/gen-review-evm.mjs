// Generates tests/vectors/review-evm.json: the EVM review rules (steps by
// selector, Permit2, EIP-7702) with hostile and honest cases side by side.
//
// Selectors and call data come from viem (encodeFunctionData,
// toFunctionSelector) and are checked against ethers (Interface); numbers
// (2^255, 2^160 − 1, 2^48 − 1) are JS BigInts; Permit2 digests come from
// viem's hashTypedData and are checked against ethers' TypedDataEncoder, so
// every hex spelling in an input is known to be the same typed data as its
// decimal twin. The expected codes and severities are the policy written in
// the issue ("EVM review gaps") and in src/step.rs / src/permit2.rs /
// src/eip7702.rs. Run: node gen-review-evm.mjs > ../review-evm.json
import { encodeFunctionData, getAddress, hashTypedData, parseAbiItem, toFunctionSelector } from "viem";
import { Interface, TypedDataEncoder, id as ethersId } from "ethers";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const version = (name) => {
  const main = require.resolve(name);
  const dir = main.slice(0, main.lastIndexOf(`/node_modules/${name}/`) + `/node_modules/${name}/`.length);
  return JSON.parse(readFileSync(`${dir}package.json`, "utf8")).version;
};

const TOKEN = getAddress("0x833589fcd6edb6e08f4c7c32d4f71b54bda02913"); // USDC on Base
const INTERMEDIARY = getAddress("0xfe6ef968d2f7b2e9cccf92150d96c930c3cc4a4e");
const STRANGER = getAddress("0x1111111111111111111111111111111111111111".replace(/1/g, "7"));
const OWNER = getAddress("0x0fa1cb5f9714cfb7eb30300091fd5b3ff9d0b64b");
const PERMIT2 = getAddress("0x000000000022d473030f116ddee9f6b43ac78ba3");
const NFT = getAddress("0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d");
const R = `0x${"11".repeat(32)}`;
const S = `0x${"22".repeat(32)}`;

const MAX256 = (1n << 256n) - 1n;
const HALF = 1n << 255n;
const MAX160 = (1n << 160n) - 1n;
const MAX48 = (1n << 48n) - 1n;
const hex = (n) => `0x${n.toString(16)}`;

const cases = [];
const W = (code, severity, path) => ({ code, severity, path });

/** A step case: calldata and selector from viem, checked against ethers. */
function step(id, comment, flags, signature, parameters, expectedWarnings, options = { intermediary: INTERMEDIARY }, extra = {}) {
  const item = parseAbiItem(signature.startsWith("function ") ? signature : `function ${signature}`);
  const args = parameters.map((p, i) => (item.inputs[i].type.startsWith("uint") ? BigInt(p) : p));
  const calldata = encodeFunctionData({ abi: [item], functionName: item.name, args });
  const selector = toFunctionSelector(item);
  const iface = new Interface([item.type === "function" ? `function ${item.name}(${item.inputs.map((i) => i.type).join(",")})` : signature]);
  assert.equal(iface.encodeFunctionData(item.name, args), calldata, `${id}: ethers agrees on the call data`);
  assert.equal(ethersId(`${item.name}(${item.inputs.map((i) => i.type).join(",")})`).slice(0, 10), selector, `${id}: ethers agrees on the selector`);
  cases.push({
    id,
    type: "review_step",
    comment,
    flags,
    input: { step: { to: extra.to ?? TOKEN, functionSignature: signature, parameters, value: extra.value ?? "0" }, options },
    expected: { selector, calldata, warnings: expectedWarnings },
  });
}

// ------------------------------------------------------------ approve
step("approve-2^255-hex", "approve of exactly 2^255, spelled in hex: at the near-max threshold", ["hostile", "hex", "near_max"],
  "approve(address,uint256)", [INTERMEDIARY, hex(HALF)], [W("UNLIMITED_APPROVAL", "danger", "parameters[1]")]);
step("approve-2^255-decimal", "the same 2^255 in decimal: the same review", ["hostile", "decimal", "near_max"],
  "approve(address,uint256)", [INTERMEDIARY, HALF.toString()], [W("UNLIMITED_APPROVAL", "danger", "parameters[1]")]);
step("approve-2^255-minus-1", "2^255 − 1: below the threshold, no warning", ["honest", "near_max"],
  "approve(address,uint256)", [INTERMEDIARY, (HALF - 1n).toString()], []);
step("approve-max-hex", "2^256 − 1 in hex", ["hostile", "hex"],
  "approve(address,uint256)", [INTERMEDIARY, hex(MAX256)], [W("UNLIMITED_APPROVAL", "danger", "parameters[1]")]);
step("approve-bounded", "an ordinary approval of 1000 to the intermediary", ["honest"],
  "approve(address,uint256)", [INTERMEDIARY, "1000"], []);
step("approve-named-params", "the canonical signature spelled with `function`, parameter names and spaces: the same selector and review as approve-2^255-hex", ["hostile", "same_selector"],
  "function approve(address spender, uint256 amount)", [INTERMEDIARY, hex(HALF)], [W("UNLIMITED_APPROVAL", "danger", "parameters[1]")]);
step("approve-unknown-spender", "a bounded approval to an address nobody listed", ["hostile"],
  "approve(address,uint256)", [STRANGER, "1000"], [W("UNKNOWN_RECIPIENT", "warning", "")]);

// A real 4-byte collision: sign_szabo_bytecode(bytes16,uint128) = approve(address,uint256) = 0x095ea7b3.
const COLLIDED = getAddress("0xdeadbeef00000000000000000000000000000000");
step("collision-approve", "approve(0xdeadbeef00…00, 2^128 − 1) to an unknown spender", ["hostile", "same_selector"],
  "approve(address,uint256)", [COLLIDED, ((1n << 128n) - 1n).toString()], [W("UNKNOWN_RECIPIENT", "warning", "")]);
step("collision-sign-szabo", "sign_szabo_bytecode(bytes16,uint128) has approve's selector 0x095ea7b3: the same call data as collision-approve, so the same review, whatever the name says", ["hostile", "same_selector", "collision"],
  "sign_szabo_bytecode(bytes16,uint128)", ["0x000000000000000000000000deadbeef", ((1n << 128n) - 1n).toString()], [W("UNKNOWN_RECIPIENT", "warning", "")]);
step("collision-sign-szabo-known", "the same collided call with its spender listed as known: no false alarm", ["honest", "same_selector", "collision"],
  "sign_szabo_bytecode(bytes16,uint128)", ["0x000000000000000000000000deadbeef", ((1n << 128n) - 1n).toString()], [], { intermediary: INTERMEDIARY, knownContracts: [COLLIDED] });

// --------------------------------------------------- increaseAllowance
step("increase-allowance", "increaseAllowance by 1000 for the intermediary", ["hostile"],
  "increaseAllowance(address,uint256)", [INTERMEDIARY, "1000"], [W("INCREASE_ALLOWANCE", "warning", "")]);
step("increase-allowance-2^255", "increaseAllowance by 2^255 (hex)", ["hostile", "hex", "near_max"],
  "increaseAllowance(address,uint256)", [INTERMEDIARY, hex(HALF)], [W("INCREASE_ALLOWANCE", "warning", ""), W("UNLIMITED_APPROVAL", "danger", "parameters[1]")]);

// --------------------------------------------------- setApprovalForAll
step("approval-for-all-true", "setApprovalForAll(intermediary, true): every NFT of the collection", ["hostile"],
  "setApprovalForAll(address,bool)", [INTERMEDIARY, true], [W("APPROVAL_FOR_ALL", "danger", "parameters[1]")], { intermediary: INTERMEDIARY }, { to: NFT });
step("approval-for-all-false", "setApprovalForAll(stranger, false): a revocation, info only", ["honest"],
  "setApprovalForAll(address,bool)", [STRANGER, false], [W("APPROVAL_FOR_ALL", "info", "parameters[1]")], { intermediary: INTERMEDIARY }, { to: NFT });
step("approval-for-all-stranger", "setApprovalForAll(stranger, true)", ["hostile"],
  "setApprovalForAll(address,bool)", [STRANGER, true], [W("APPROVAL_FOR_ALL", "danger", "parameters[1]"), W("UNKNOWN_RECIPIENT", "warning", "")], { intermediary: INTERMEDIARY }, { to: NFT });

// ------------------------------------------------------- EIP-2612 permit
const P2612 = "permit(address,address,uint256,uint256,uint8,bytes32,bytes32)";
step("erc2612-permit", "EIP-2612 permit of 1000 to the intermediary", ["hostile"],
  P2612, [OWNER, INTERMEDIARY, "1000", "1800000000", "27", R, S], [W("ERC2612_PERMIT", "warning", "")]);
step("erc2612-permit-max-hex", "EIP-2612 permit of 2^256 − 1 (hex)", ["hostile", "hex"],
  P2612, [OWNER, INTERMEDIARY, hex(MAX256), "1800000000", "28", R, S], [W("ERC2612_PERMIT", "warning", ""), W("UNLIMITED_APPROVAL", "danger", "parameters[2]")]);

// ------------------------------------------------------ DAI-style permit
const PDAI = "permit(address,address,uint256,uint256,bool,uint8,bytes32,bytes32)";
step("dai-permit-allowed", "DAI permit with allowed = true: DAI sets 2^256 − 1; expiry 0 never expires", ["hostile"],
  PDAI, [OWNER, INTERMEDIARY, "0", "0", true, "27", R, S], [W("DAI_PERMIT", "warning", ""), W("UNLIMITED_APPROVAL", "danger", "parameters[4]")]);
step("dai-permit-revoke", "DAI permit with allowed = false: a revocation", ["honest"],
  PDAI, [OWNER, STRANGER, "1", "1800000000", false, "27", R, S], [W("DAI_PERMIT", "warning", "")]);

// ------------------------------------------------------- Permit2 approve
const P2A = "approve(address,address,uint160,uint48)";
step("permit2-approve", "Permit2 approve of 1000, expiring at 1800000000", ["hostile"],
  P2A, [TOKEN, INTERMEDIARY, "1000", "1800000000"], [W("PERMIT2_APPROVE", "warning", "")], { intermediary: INTERMEDIARY }, { to: PERMIT2 });
step("permit2-approve-max160-hex", "Permit2 approve of uint160 max spelled 0xfff…f (40 f)", ["hostile", "hex"],
  P2A, [TOKEN, INTERMEDIARY, hex(MAX160), hex(MAX48)], [W("PERMIT2_APPROVE", "warning", ""), W("UNLIMITED_APPROVAL", "danger", "parameters[2]")], { intermediary: INTERMEDIARY }, { to: PERMIT2 });
step("permit2-approve-max160-decimal", "the same uint160 max in decimal", ["hostile", "decimal"],
  P2A, [TOKEN, INTERMEDIARY, MAX160.toString(), MAX48.toString()], [W("PERMIT2_APPROVE", "warning", ""), W("UNLIMITED_APPROVAL", "danger", "parameters[2]")], { intermediary: INTERMEDIARY }, { to: PERMIT2 });
step("permit2-approve-max160-minus-1", "uint160 max − 1: not unlimited", ["honest"],
  P2A, [TOKEN, INTERMEDIARY, hex(MAX160 - 1n), "1800000000"], [W("PERMIT2_APPROVE", "warning", "")], { intermediary: INTERMEDIARY }, { to: PERMIT2 });

// ------------------------------------------------ the existing rules too
step("transfer-known", "a transfer to the intermediary: no warning", ["honest"],
  "transfer(address,uint256)", [INTERMEDIARY, "7150"], []);
step("transfer-native-value", "a call with native value: NATIVE_VALUE at `value`", ["hostile"],
  "transfer(address,uint256)", [INTERMEDIARY, "7150"], [W("NATIVE_VALUE", "warning", "value")], { intermediary: INTERMEDIARY }, { value: "1" });

// ------------------------------------------------------------- Permit2
const NOW_MS = Date.parse("2030-01-01T00:00:00Z");
const NOW = BigInt(NOW_MS / 1000);
const YEAR = 365n * 24n * 3600n;
const permit2Types = (batch) => ({
  EIP712Domain: [{ name: "name", type: "string" }, { name: "chainId", type: "uint256" }, { name: "verifyingContract", type: "address" }],
  [batch ? "PermitBatch" : "PermitSingle"]: [
    { name: "details", type: batch ? "PermitDetails[]" : "PermitDetails" },
    { name: "spender", type: "address" },
    { name: "sigDeadline", type: "uint256" },
  ],
  PermitDetails: [{ name: "token", type: "address" }, { name: "amount", type: "uint160" }, { name: "expiration", type: "uint48" }, { name: "nonce", type: "uint48" }],
});
const transferTypes = {
  EIP712Domain: permit2Types(false).EIP712Domain,
  PermitTransferFrom: [{ name: "permitted", type: "TokenPermissions" }, { name: "spender", type: "address" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint256" }],
  TokenPermissions: [{ name: "token", type: "address" }, { name: "amount", type: "uint256" }],
};
const details = (p = {}) => ({ token: TOKEN, amount: "1000", expiration: (NOW + 3600n).toString(), nonce: "0", ...p });
const single = (d = {}, p = {}, chainId = 1) => ({
  types: permit2Types(false), primaryType: "PermitSingle",
  domain: { name: "Permit2", chainId, verifyingContract: PERMIT2 },
  message: { details: details(d), spender: INTERMEDIARY, sigDeadline: (NOW + 3600n).toString(), ...p },
});
const asBig = (v) => (typeof v === "string" || typeof v === "number" ? BigInt(v) : v);
const viemMessage = (m) => JSON.parse(JSON.stringify(m), (k, v) => (["amount", "expiration", "nonce", "sigDeadline", "deadline"].includes(k) ? asBig(v) : v));
function permit2(id, comment, flags, typedData, options, expectedWarnings) {
  const { EIP712Domain, ...types } = typedData.types;
  const domain = { ...typedData.domain, chainId: asBig(typedData.domain.chainId) };
  const message = viemMessage(typedData.message);
  const digest = hashTypedData({ domain, types, primaryType: typedData.primaryType, message });
  assert.equal(TypedDataEncoder.hash(domain, types, message), digest, `${id}: ethers agrees on the digest`);
  cases.push({ id, type: "review_permit2", comment, flags, input: { typedData, options }, expected: { digest, warnings: expectedWarnings } });
}
const known = { now: NOW_MS, knownSpenders: [INTERMEDIARY] };
permit2("p2-single-max160-hex", "PermitSingle amount uint160 max spelled 0xfff…f: UNLIMITED_AMOUNT as for decimal", ["hostile", "hex"],
  single({ amount: hex(MAX160) }), known, [W("UNLIMITED_AMOUNT", "danger", "message.details.amount")]);
permit2("p2-single-max160-decimal", "the same amount in decimal", ["hostile", "decimal"],
  single({ amount: MAX160.toString() }), known, [W("UNLIMITED_AMOUNT", "danger", "message.details.amount")]);
permit2("p2-single-max160-minus-1-hex", "uint160 max − 1 in hex: not unlimited", ["honest", "hex"],
  single({ amount: hex(MAX160 - 1n) }), known, []);
permit2("p2-single-bounded", "an ordinary PermitSingle: nothing to say", ["honest"], single(), known, []);
permit2("p2-expiration-max48-hex", "expiration 2^48 − 1 spelled 0xffffffffffff: never expires", ["hostile", "hex"],
  single({ expiration: hex(MAX48) }), known, [W("DEADLINE_FAR", "warning", "message.details.expiration")]);
permit2("p2-expiration-max48-decimal", "the same expiration in decimal", ["hostile", "decimal"],
  single({ expiration: MAX48.toString() }), known, [W("DEADLINE_FAR", "warning", "message.details.expiration")]);
permit2("p2-sigdeadline-years-hex", "a legacy (ordered uint48) nonce with a sigDeadline three years away, in hex", ["hostile", "hex", "legacy_nonce"],
  single({}, { sigDeadline: hex(NOW + 3n * YEAR) }), known, [W("DEADLINE_FAR", "warning", "message.sigDeadline")]);
permit2("p2-sigdeadline-year-hex", "a sigDeadline exactly a year away, in hex: not far", ["honest", "hex", "legacy_nonce"],
  single({}, { sigDeadline: hex(NOW + YEAR) }), known, []);
permit2("p2-chain-mismatch", "signed for Optimism (10) while the wallet is on mainnet", ["hostile"],
  single({}, {}, 10), { ...known, expectedChainId: 1 }, [W("CHAIN_MISMATCH", "danger", "domain.chainId")]);
permit2("p2-chain-match-hex", "expectedChainId \"0x1\" and chainId 1: equal by value", ["honest", "hex"],
  single(), { ...known, expectedChainId: "0x1" }, []);
permit2("p2-chain-match-domain-hex", "domain chainId \"0xa\" and expectedChainId 10: equal by value", ["honest", "hex"],
  single({}, {}, "0xa"), { ...known, expectedChainId: "10" }, []);
permit2("p2-batch-one-unlimited", "PermitBatch: the second token is uint160 max in hex", ["hostile", "hex"],
  { ...single(), types: permit2Types(true), primaryType: "PermitBatch", message: { details: [details(), details({ token: NFT, amount: hex(MAX160), nonce: "1" })], spender: INTERMEDIARY, sigDeadline: (NOW + 3600n).toString() } },
  known, [W("UNLIMITED_AMOUNT", "danger", "message.details[1].amount")]);
permit2("p2-transfer-max256-hex", "PermitTransferFrom of 2^256 − 1 in hex", ["hostile", "hex"],
  { types: transferTypes, primaryType: "PermitTransferFrom", domain: { name: "Permit2", chainId: 1, verifyingContract: PERMIT2 },
    message: { permitted: { token: TOKEN, amount: hex(MAX256) }, spender: INTERMEDIARY, nonce: "7", deadline: (NOW + 3600n).toString() } },
  known, [W("UNLIMITED_AMOUNT", "danger", "message.permitted.amount")]);

// ------------------------------------------------------------ EIP-7702
const DELEGATE = getAddress("0x63c0c19a282a1b52b07dd5a65b58948a07dae32b"); // a smart-account implementation the wallet trusts
function eip7702(id, comment, flags, authorization, options, expectedWarnings) {
  cases.push({ id, type: "review_eip7702", comment, flags, input: { authorization, options }, expected: { warnings: expectedWarnings } });
}
eip7702("7702-known-delegate", "the wallet's own delegate (given in lower case): no false alarm", ["honest"],
  { chainId: "1", address: DELEGATE, nonce: "40" }, { knownDelegates: [DELEGATE.toLowerCase()] }, []);
eip7702("7702-unknown-delegate", "delegation to a contract the wallet does not list", ["hostile"],
  { chainId: "1", address: STRANGER, nonce: "40" }, { knownDelegates: [DELEGATE] }, [W("UNKNOWN_DELEGATE", "danger", "address")]);
eip7702("7702-unknown-any-chain", "an unknown delegate, on every chain (chainId 0x0)", ["hostile", "hex"],
  { chainId: "0x0", address: STRANGER, nonce: "0x28" }, { knownDelegates: [DELEGATE] }, [W("ANY_CHAIN", "danger", "chainId"), W("UNKNOWN_DELEGATE", "danger", "address")]);
eip7702("7702-clear-with-list", "clearing the delegation (zero address) is not an unknown delegate", ["honest"],
  { chainId: "1", address: "0x0000000000000000000000000000000000000000", nonce: "40" }, { knownDelegates: [] }, [W("CLEARS_DELEGATION", "warning", "address")]);
eip7702("7702-no-list", "without knownDelegates the delegate cannot be judged: said as a warning, never silence (documented)", ["honest", "policy"],
  { chainId: "1", address: STRANGER, nonce: "40" }, {}, [W("UNKNOWN_DELEGATE", "warning", "address")]);

const doc = {
  description:
    "The EVM review rules of the issue's section 5 (EVM review gaps): steps reviewed by 4-byte selector (INCREASE_ALLOWANCE, APPROVAL_FOR_ALL, ERC2612_PERMIT, DAI_PERMIT, PERMIT2_APPROVE, UNLIMITED_APPROVAL at >= 2^255 or uint160 max), Permit2 (hex and decimal spellings, uint48-max expirations, far sigDeadlines with the ordered nonce, CHAIN_MISMATCH) and EIP-7702 (UNKNOWN_DELEGATE). Each hostile case sits next to an honest one. type review_step: input {step, options} as reviewStep takes them; expected {selector, calldata, warnings}. type review_permit2: input {typedData, options (now in ms)} as reviewPermit2 takes them; expected {digest, warnings}. type review_eip7702: input {authorization, options} as reviewEip7702Authorization takes them; expected {warnings}. expected.warnings is the exact ordered list of {code, severity, path}.",
  source: `generated by tests/vectors/gen/gen-review-evm.mjs with viem ${version("viem")} (encodeFunctionData, toFunctionSelector, hashTypedData) checked against ethers ${version("ethers")} (Interface, id, TypedDataEncoder); expected codes and severities: the policy of the issue's section 5, documented in src/step.rs, src/permit2.rs and src/eip7702.rs`,
  cases,
};
process.stdout.write(`${JSON.stringify(doc, null, 1)}\n`);
