// Type-level usage of the package's public API, checked by
// `tsc --noEmit --strict -p tests/js/tsconfig.json` (scripts/test-js.sh).
// It resolves "intent-signer", "intent-signer/near" and "intent-signer/evm" by package name through
// the package's `exports` map (moduleResolution NodeNext). Nothing here runs;
// the values come from tests/vectors/upstream.json.

import {
  AbiFunction,
  abiDecodeCall,
  abiEncodeCall,
  buildInfo,
  constants,
  bytesToHex,
  decodeIntent,
  decodeIntentMessage,
  deleteExecutionRequest,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
  eip712DomainSeparator,
  eip712EncodeType,
  eip712Hash,
  eip712HashStruct,
  eip712Recover,
  eip712Sign,
  eip7702AuthorizationHash,
  eip7702Recover,
  eip7702Sign,
  erc191Hash,
  erc191Preimage,
  erc191Recover,
  erc191Sign,
  errorCodes,
  finishDeleteSigning,
  finishSigning,
  functionSelector,
  hexToBytes,
  implicitAccountId,
  nep413Hash,
  nep413Preimage,
  nep413Sign,
  nep413Verify,
  permit2ApprovalBody,
  permit2Batch,
  permit2BatchTransfer,
  permit2FromParamsToSign,
  permit2Single,
  permit2Transfer,
  permit2WitnessTransfer,
  prepareSigning,
  reviewEip7702Authorization,
  reviewPermit2,
  reviewStep,
  reviewSteps,
  sep53Hash,
  stepPlaceholders,
  tip191Hash,
  tip191Preimage,
  tip191Recover,
  validateExecutionRequest,
  validateStep,
  validateSteps,
  verifyMultiPayload,
} from "intent-signer";
import type {
  AbiEncodeOptions,
  AddPublicKeyIntent,
  BuildInfo,
  Constants,
  CreateExecutionRequest,
  DecodedIntent,
  DeleteBody,
  DeleteRequest,
  DeleteRequestOptions,
  Eip7702Authorization,
  Eip7702SignedAuthorization,
  Eip7702Warning,
  ErrorCode,
  EvmStep,
  Execution,
  ExecutionWarning,
  FinishedSigning,
  FtWithdrawIntent,
  IntegerLike,
  Intent,
  IntentCheckOptions,
  IntentSignerError,
  IntentWarning,
  MultiPayload,
  MultiPayloadVerification,
  Nep413Payload,
  NonceInfo,
  Permit2ApprovalBody,
  Permit2BatchArgs,
  Permit2BatchTransferArgs,
  Permit2Details,
  Permit2ParamsToSign,
  Permit2ParamsToSignArgs,
  Permit2Request,
  Permit2Review,
  Permit2ReviewOptions,
  Permit2SingleArgs,
  Permit2TokenPermissions,
  Permit2TransferArgs,
  Permit2Warning,
  Permit2WarningCode,
  Permit2Witness,
  Permit2WitnessTransferArgs,
  PrepareSigningOptions,
  SigningRequest,
  Standard,
  StepArgument,
  StepParameter,
  StepPlaceholder,
  StepReview,
  StepReviewOptions,
  StepWarning,
  StepWarningCode,
  TokenDiffIntent,
  TransferIntent,
  TypedDataDefinition,
  TypedDataField,
  UnknownIntent,
  ValidateExecutionRequestOptions,
  WalletOutput,
  WalletRequest,
  WarningCode,
} from "intent-signer";
import {
  initSync,
  ready,
  type LoaderErrorCode,
  type NotInitializedError,
  type WasmSource,
} from "intent-signer";
import {
  ready as nearReady,
  initSync as nearInitSync,
  verifyMultiPayload as nearVerifyMultiPayload,
  type MultiPayloadVerification as NearMultiPayloadVerification,
} from "intent-signer/near";
import {
  bytesToHex as connectBytesToHex,
  eip712Hash as connectEip712Hash,
  erc191Hash as connectErc191Hash,
  type SigningRequest as ConnectSigningRequest,
} from "intent-signer/connect";

// ------------------------------------------------------------ type helpers
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type IsAny<T> = 0 extends 1 & T ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

// Exact signatures of a few exports (not `any`, not widened).
assertType<Equals<ReturnType<typeof erc191Hash>, Uint8Array>>();
assertType<Equals<Parameters<typeof erc191Hash>, [message: string | Uint8Array]>>();
assertType<Equals<ReturnType<typeof verifyMultiPayload>, MultiPayloadVerification>>();
assertType<Equals<ReturnType<typeof decodeIntent>, DecodedIntent>>();
assertType<Equals<ReturnType<typeof errorCodes>, ErrorCode[]>>();
assertType<Equals<ReturnType<typeof buildInfo>, BuildInfo>>();
assertType<Equals<ReturnType<typeof constants>, Constants>>();
assertType<Equals<IsAny<ReturnType<typeof decodeIntentMessage>>, false>>();
assertType<Equals<IsAny<Parameters<typeof nep413Sign>[0]>, false>>();
assertType<Equals<IsAny<Intent>, false>>();
assertType<Equals<Standard, "nep413" | "erc191" | "tip191" | "raw_ed25519" | "sep53" | "webauthn" | "ton_connect">>();
assertType<Equals<MultiPayloadVerification["intentHash"], Uint8Array>>();
assertType<Equals<MultiPayloadVerification["publicKey"], string | null>>();
assertType<Equals<IntentSignerError["code"], ErrorCode>>();
assertType<Equals<IntentWarning["code"], WarningCode>>();
assertType<Equals<ReturnType<typeof abiEncodeCall>, Uint8Array>>();
assertType<Equals<ReturnType<typeof reviewStep>, StepReview>>();
assertType<Equals<ReturnType<typeof validateSteps>, void>>();
assertType<Equals<Parameters<typeof stepPlaceholders>, [step: EvmStep]>>();
// The web build declares the same result types.
assertType<Equals<NearMultiPayloadVerification, MultiPayloadVerification>>();
assertType<Equals<ConnectSigningRequest, SigningRequest>>();
assertType<Equals<typeof connectEip712Hash, typeof eip712Hash>>();
assertType<Equals<typeof nearVerifyMultiPayload, typeof verifyMultiPayload>>();
assertType<Equals<typeof nearReady, typeof ready>>();
assertType<Equals<typeof nearInitSync, typeof initSync>>();
assertType<Equals<ReturnType<typeof ready>, Promise<void>>>();
assertType<Equals<ReturnType<typeof initSync>, void>>();
assertType<Equals<LoaderErrorCode, "NOT_INITIALIZED">>();
assertType<Equals<NotInitializedError["code"], "NOT_INITIALIZED">>();
// EIP-712, Permit2, EIP-7702.
assertType<Equals<IntegerLike, string | number | bigint>>();
assertType<Equals<Parameters<typeof eip712Hash>, [typedData: TypedDataDefinition | string]>>();
assertType<Equals<ReturnType<typeof eip712Hash>, Uint8Array>>();
assertType<Equals<ReturnType<typeof eip712DomainSeparator>, Uint8Array>>();
assertType<Equals<Parameters<typeof eip712HashStruct>, [typedData: TypedDataDefinition | string, typeName: string, value: Record<string, unknown>]>>();
assertType<Equals<ReturnType<typeof eip712EncodeType>, string>>();
assertType<Equals<ReturnType<typeof eip712Recover>, string>>();
assertType<Equals<Parameters<typeof eip712Sign>, [typedData: TypedDataDefinition | string, secretKey: Uint8Array]>>();
assertType<Equals<ReturnType<typeof permit2Transfer>, Permit2Request>>();
assertType<Equals<Parameters<typeof permit2Transfer>, [args: Permit2TransferArgs]>>();
assertType<Equals<Parameters<typeof permit2WitnessTransfer>, [args: Permit2WitnessTransferArgs]>>();
assertType<Equals<Parameters<typeof permit2FromParamsToSign>, [paramsToSign: Permit2ParamsToSign, args: Permit2ParamsToSignArgs]>>();
assertType<Equals<ReturnType<typeof permit2ApprovalBody>, Permit2ApprovalBody>>();
assertType<Equals<ReturnType<typeof reviewPermit2>, Permit2Review>>();
assertType<Equals<Permit2Request["witnessTypeString"], string | null>>();
assertType<Equals<Permit2Request["witnessHash"], Uint8Array | null>>();
assertType<Equals<Permit2Warning["code"], Permit2WarningCode>>();
assertType<Equals<IsAny<Parameters<typeof eip7702AuthorizationHash>[0]>, false>>();
assertType<Equals<Parameters<typeof eip7702AuthorizationHash>[0], Eip7702Authorization>>();
assertType<Equals<ReturnType<typeof eip7702Sign>, Eip7702SignedAuthorization>>();
assertType<Equals<ReturnType<typeof reviewEip7702Authorization>, Eip7702Warning[]>>();
assertType<Equals<Eip7702SignedAuthorization["yParity"], 0 | 1>>();
assertType<Equals<Eip7702Warning["code"], "ANY_CHAIN" | "CLEARS_DELEGATION" | "NONCE_MAX" | "UNKNOWN_DELEGATE">>();
assertType<Equals<Eip7702Warning["severity"], "danger" | "warning" | "info">>();
// The execution flow.
assertType<Equals<Parameters<typeof prepareSigning>, [execution: Execution, options: PrepareSigningOptions]>>();
assertType<Equals<ReturnType<typeof prepareSigning>, SigningRequest>>();
assertType<Equals<Parameters<typeof finishSigning>, [request: SigningRequest, walletOutput: WalletOutput]>>();
assertType<Equals<ReturnType<typeof finishSigning>, FinishedSigning>>();
assertType<Equals<ReturnType<typeof deleteExecutionRequest>, DeleteRequest>>();
assertType<Equals<Parameters<typeof finishDeleteSigning>, [request: DeleteRequest, walletOutput: WalletOutput]>>();
assertType<Equals<ReturnType<typeof finishDeleteSigning>, DeleteBody>>();
assertType<Equals<ReturnType<typeof validateExecutionRequest>, void>>();
assertType<Equals<IsAny<Parameters<typeof validateExecutionRequest>[0]>, false>>();
assertType<Equals<SigningRequest["walletRequest"], WalletRequest>>();
assertType<Equals<Extract<WalletRequest, { method: "personal_sign" }>["params"], [message: `0x${string}`, address: `0x${string}`]>>();
assertType<Equals<FinishedSigning["multiPayload"], MultiPayload>>();

// ------------------------------------------------------------ encodings
export function encodings(): string {
  const bytes: Uint8Array = hexToBytes("0xaa05af77");
  const hex: string = bytesToHex(bytes);
  const account: string = implicitAccountId("ed25519:5TagutioHgKLh7KZ1VEFBYfgRkPtqnKm9LoMnJMJugxm");
  return hex + account;
}

// ------------------------------------------------------------ erc191 / tip191 / sep53
export function evm(): string {
  const secretKey = hexToBytes("a4b319a82adfc43584e4537fec97a80516e16673db382cd91eba97abbab8ca56");
  const preimage: Uint8Array = erc191Preimage("Hello world!");
  const digest: Uint8Array = erc191Hash(new TextEncoder().encode("Hello world!"));
  const signature: Uint8Array = erc191Sign("Hello world!", secretKey);
  const address: string = erc191Recover("Hello world!", signature);
  const tronPreimage: Uint8Array = tip191Preimage("Hello, TRON!");
  const tronDigest: Uint8Array = tip191Hash("Hello, TRON!");
  const tronAddress: string = tip191Recover(new Uint8Array(12), signature);
  const stellar: Uint8Array = sep53Hash("Hello, World!");
  return [preimage, digest, tronPreimage, tronDigest, stellar].map(bytesToHex).join() + address + tronAddress;
}

// ------------------------------------------------------------ ed25519 / nep413
export function near(seed: Uint8Array): boolean {
  const payload: Nep413Payload = {
    message: "Hello NEAR!",
    nonce: "KNV0cOpvJ50D5vfF9pqWom8wo2sliQ4W+Wa7uZ3Uk6Y=",
    recipient: "example.near",
    callbackUrl: "http://localhost:3000",
  };
  const withoutCallback: Nep413Payload = { message: "m", nonce: payload.nonce, recipient: "r", callbackUrl: null };
  const preimage: Uint8Array = nep413Preimage(payload);
  const hash: Uint8Array = nep413Hash(withoutCallback);
  const signature: string = nep413Sign(payload, seed);
  const publicKey: Uint8Array = ed25519PublicKey(seed);
  const raw: Uint8Array = ed25519Sign(hash, seed);
  const okRaw: boolean = ed25519Verify(publicKey, hash, raw);
  const ok: boolean = nep413Verify(payload, "ed25519:2RM3EotCzEiVobm6aMjaup43k8cFffR4KHFtrqbZ79Qy", signature);
  return ok && okRaw && preimage.length > 0;
}

// ------------------------------------------------------------ MultiPayload
const rawEd25519 = {
  standard: "raw_ed25519",
  payload:
    '{"signer_id":"74affa71ab030d400fdfa1bed033dfa6fd3ae34f92d17c046ebe368e80d53751","verifying_contract":"intents.near","deadline":"2035-11-03T14:49:44.589Z","nonce":"1TwpgYHWXK29O6zby1R6QPJOY/Nb/S9Bb+dJ8m+Dd2Q=","intents":[]}',
  public_key: "ed25519:8rVvtHWFr8hasdQGGD5WiQBTyr4iH2ruEPPVfj491RPN",
  signature: "ed25519:4N9DSi9Vh6w9Jq1ybkiS2g9fb1P1jM2Uh35huT3qc6PM8yeCQYE1gPTCN9iDQA6vh9NFrqCP1xWpHJET9U7AnJ7x",
} satisfies MultiPayload;
const nep413Signed: MultiPayload = {
  standard: "nep413",
  payload: {
    message: '{"deadline":"2035-11-03T15:05:57.549Z","intents":[],"signer_id":"226a0eceead177138b56937a05f8bdb19b4091a5cdc4419bdea07b3ea0bd9195"}',
    nonce: "lsLpUoT0zvHcy1vPAEhdcY7jkUVJv1jYtdfFWkFGyvs=",
    recipient: "intents.near",
  },
  public_key: "ed25519:3KLfGdhUSYpdYtLvjRXDryT6Za5wEQHvhiJcBN398yjS",
  signature: "ed25519:5ZwThUnnHDHqqMYE4A5A7jtAkGAyKYe63ZDmvvBysLkRt6YjyQwG1uyhc39VHZYxcmF9S3jsiAMSS9LWzB3FT8NZ",
};
const erc191Signed: MultiPayload = { standard: "erc191", payload: "{}", signature: "secp256k1:C7BJg2rrPFWG17ZRQ4jFssKvDxwym3Erin5xoW3FncAUKtcHudESrRtfpBXjtS9eCRp4dE6TrQfpVJJKQK2LSbxZ5" };

/** The two shapes of the passkey and TON standards (types only). */
export const passkeyAndTon: MultiPayload[] = [
  { standard: "webauthn", payload: "{}", public_key: "p256:x", signature: "p256:x", client_data_json: "{}", authenticator_data: "" },
  { standard: "webauthn", payload: "{}", public_key: "ed25519:x", signature: "ed25519:x", clientDataJSON: "{}", authenticatorData: "" },
  { standard: "ton_connect", address: "0:00", domain: "a", timestamp: "2025-01-01T00:00:00Z", payload: { type: "text", text: "{}" }, public_key: "ed25519:x", signature: "ed25519:x" },
];

export function verify(): string[] {
  const out: string[] = [];
  for (const mp of [rawEd25519, nep413Signed, erc191Signed]) {
    const v: MultiPayloadVerification = verifyMultiPayload(mp);
    const fromText: MultiPayloadVerification = verifyMultiPayload(JSON.stringify(mp));
    const valid: boolean = v.valid && fromText.valid;
    const standard: Standard = v.standard;
    const key: string = v.publicKey ?? "no key recovers";
    const hash: Uint8Array = v.intentHash;
    const hash58: string = v.intentHashBase58;
    for (const w of v.warnings) {
      const code: WarningCode = w.code;
      out.push(`${code} ${w.message} at ${w.path}`);
    }
    out.push(`${valid} ${standard} ${key} ${v.signerId} ${hash.length} ${hash58}`);
  }
  return out;
}

// ------------------------------------------------------------ decoding, with narrowing
function describeNonce(info: NonceInfo): string {
  if (info.version === "v1") {
    const salt: string = info.salt;
    const deadline: bigint = BigInt(info.deadlineNs);
    return `${salt} ${deadline} ${info.random}`;
  }
  const legacy: "legacy" = info.version;
  return legacy;
}

/** The intent kinds the package knows (the discriminated part of `Intent`). */
type KnownIntent = Exclude<Intent, UnknownIntent>;
function isKind<K extends KnownIntent["intent"]>(i: Intent, kind: K): i is Extract<KnownIntent, { intent: K }> {
  return i.intent === kind;
}

// Comparing `intent` with a literal narrows the union: UnknownIntent's tag is
// a branded string that no literal matches.
function tokensOf(i: Intent): string[] {
  if (i.intent === "transfer") {
    const tokens: Record<string, string> = i.tokens;
    return Object.keys(tokens);
  }
  if (i.intent === "token_diff") return Object.keys(i.diff);
  if (i.intent === "unknown") {
    const kind: string = i.kind;
    return [kind, ...Object.keys(i.raw)];
  }
  // @ts-expect-error -- only transfer-like intents have `tokens`
  const nothing: Record<string, string> = i.tokens;
  return Object.keys(nothing ?? {});
}

function describeIntent(i: Intent): string {
  // A type guard works as well as comparing `i.intent` with a literal.
  if (isKind(i, "transfer")) {
    const t: TransferIntent = i;
    return `${t.receiver_id}: ${Object.entries(t.tokens).map(([token, amount]) => `${amount} ${token}`).join(", ")}`;
  }
  if (isKind(i, "ft_withdraw")) {
    const f: FtWithdrawIntent = i;
    return `${f.amount} of ${f.token} to ${f.receiver_id}${f.memo === undefined ? "" : ` (${f.memo})`}`;
  }
  if (isKind(i, "token_diff")) {
    const d: TokenDiffIntent = i;
    return Object.keys(d.diff).join();
  }
  if (isKind(i, "add_public_key")) {
    const a: AddPublicKeyIntent = i;
    return a.public_key;
  }
  const other: string = i.intent === "unknown" ? i.kind : i.intent;
  return other;
}

export function decode(): string[] {
  const options: IntentCheckOptions = { verifyingContract: "intents.near", now: Date.now(), publicKey: rawEd25519.public_key };
  const d: DecodedIntent = decodeIntent(rawEd25519, options);
  const fromText: DecodedIntent = decodeIntent(JSON.stringify(rawEd25519));
  const m: DecodedIntent = decodeIntentMessage('{"signer_id":"alice.near"}', {});
  const n: DecodedIntent = decodeIntentMessage(nep413Signed.standard === "nep413" ? nep413Signed.payload : "", { now: 0 });
  const kind: "near_implicit" | "eth_implicit" | "named" = d.signerKind;
  const when: Date = new Date(d.deadlineMs);
  const deadline: string = d.deadline;
  return [
    kind,
    when.toISOString(),
    deadline,
    d.nonce,
    d.verifyingContract,
    d.signerId,
    describeNonce(d.nonceInfo),
    ...d.intents.map((i) => describeIntent(i) + tokensOf(i).join()),
    ...fromText.warnings.map((w) => w.code),
    m.signerId,
    n.signerId,
  ];
}

// ------------------------------------------------------------ EVM steps (tests/vectors/abi-aurora.json)
const feeStep: EvmStep = {
  to: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
  functionSignature: "transfer(address,uint256)",
  parameters: ["0x546252c9a0E974f75892b4c54b7a67B69a0aFf45", "5948"],
  value: "0",
  metadata: { name: "Fee Transfer", description: "Gas fee reimbursement" },
};
const supplyStep: EvmStep = {
  to: "0xA238Dd80C259a72e81d7e4664a9801593F98d1c5",
  functionSignature: "supply(address,uint256,address,uint16)",
  parameters: ["0x833589fcd6edb6e08f4c7c32d4f71b54bda02913", "{MIN_AMOUNT_OUT}", "0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E", 0],
  value: "0",
};

export function steps(): string[] {
  // Parameters: strings, booleans, bigints, safe-integer numbers, nested arrays.
  const params: StepParameter[] = ["0x546252c9a0E974f75892b4c54b7a67B69a0aFf45", 5948n, true, 7, [["1", 2n], []]];
  const options: AbiEncodeOptions = { placeholders: { MIN_AMOUNT_OUT: "94275" } };
  const calldata: Uint8Array = abiEncodeCall(feeStep.functionSignature, feeStep.parameters);
  const supply: Uint8Array = abiEncodeCall(supplyStep.functionSignature, supplyStep.parameters, options);
  const decoded: StepParameter[] = abiDecodeCall("transfer(address,uint256)", calldata);
  const selector: Uint8Array = functionSelector("function transfer(address to, uint256 amount)");
  // A signature parsed once, reused.
  const transfer = new AbiFunction("function transfer(address to, uint256 amount)");
  const again: Uint8Array = transfer.encode(["0x546252c9a0E974f75892b4c54b7a67B69a0aFf45", 5948n], options);
  const back: StepParameter[] = transfer.decode(again);
  const sel: Uint8Array | undefined = transfer.selector;
  const canonical: string = transfer.canonical;
  transfer.free();
  void [back, sel, canonical];
  validateStep(feeStep);
  validateSteps([feeStep, supplyStep]);
  const found: StepPlaceholder[] = stepPlaceholders(supplyStep);
  const reviewOptions: StepReviewOptions = {
    placeholders: { "{MIN_AMOUNT_OUT}": "94275" },
    intermediary: "0xFe6EF968D2F7B2e9CCCF92150d96c930C3CC4a4E",
    knownContracts: ["0x546252c9a0E974f75892b4c54b7a67B69a0aFf45"],
  };
  const review: StepReview = reviewStep(feeStep, reviewOptions);
  const reviews: StepReview[] = reviewSteps([feeStep, supplyStep], {});
  const out: string[] = [bytesToHex(supply), bytesToHex(selector), String(params.length), String(decoded.length)];
  for (const r of [review, ...reviews]) {
    const sel: string = r.selector ?? "(value transfer)";
    const data: string = r.calldata === null ? "(unresolved placeholders)" : bytesToHex(r.calldata);
    const args: string[] = r.arguments.map((a: StepArgument) => `${a.name ?? "_"}: ${a.type} = ${String(a.value)}`);
    const warnings: StepWarningCode[] = r.warnings.map((w: StepWarning) => w.code);
    out.push(r.to, r.value, sel, r.functionName, r.signature, data, ...args, ...warnings);
    out.push(...r.placeholders.map((p) => `${p.path}=${p.placeholder}`));
  }
  out.push(...found.map((p) => p.placeholder));
  return out;
}

// ------------------------------------------------------------ errors
export function errors(): ErrorCode[] {
  const all: ErrorCode[] = errorCodes();
  try {
    hexToBytes("zz");
  } catch (e) {
    const err = e as IntentSignerError;
    const code: ErrorCode = err.code;
    const path: string | undefined = err.path;
    const asError: Error = err;
    if (e instanceof TypeError || e instanceof RangeError) return [code];
    switch (code) {
      case "INVALID_HEX":
      case "INVALID_LENGTH":
        return [code, ...(path === undefined ? [] : all)];
      default:
        return asError.message === "" ? [] : [code];
    }
  }
  return all;
}

export function meta(): string {
  const info: BuildInfo = buildInfo();
  return `${info.version} ${info.gitHead} ${info.rustc}`;
}

// ------------------------------------------------------------ the loader (ready / initSync)
export async function loader(wasmBytes: Uint8Array, wasmModule: WebAssembly.Module): Promise<string> {
  await ready();
  await ready(wasmBytes);
  await ready(new URL("https://example.invalid/intent_signer_all_bg.wasm"));
  await ready("/assets/intent_signer_all_bg.wasm");
  const source: WasmSource = fetch("https://example.invalid/x.wasm");
  await nearReady(source);
  initSync(wasmModule);
  nearInitSync(wasmBytes);
  nearInitSync(wasmBytes.buffer);
  try {
    return connectBytesToHex(connectErc191Hash("Hello world!"));
  } catch (e) {
    const code = (e as NotInitializedError | IntentSignerError).code;
    return code === "NOT_INITIALIZED" ? "await ready() first" : code;
  }
}

// ------------------------------------------------------------ misuse the types must reject
export function misuse(bytes: Uint8Array, v: MultiPayloadVerification, d: DecodedIntent): void {
  // @ts-expect-error the loader's code is not one of the core's error codes
  const notCore: ErrorCode = "NOT_INITIALIZED";
  // @ts-expect-error a number is not a message
  erc191Hash(1);
  // @ts-expect-error bytes are not hex text
  hexToBytes(bytes);
  // @ts-expect-error a number[] is not a Uint8Array
  ed25519PublicKey([1, 2, 3]);
  // @ts-expect-error a NEP-413 payload needs nonce and recipient
  nep413Hash({ message: "m" });
  // @ts-expect-error callback_url is the borsh name; the JS field is callbackUrl
  nep413Preimage({ message: "m", nonce: "", recipient: "r", callback_url: "x" });
  // @ts-expect-error webauthn needs public_key, client_data_json and authenticator_data
  verifyMultiPayload({ standard: "webauthn", payload: "{}", signature: "" });
  // @ts-expect-error not a standard
  verifyMultiPayload({ standard: "passkey", payload: "{}", signature: "" });
  // @ts-expect-error a TON Connect payload is an object with a type
  verifyMultiPayload({ standard: "ton_connect", address: "", domain: "", timestamp: 1, payload: "x", public_key: "", signature: "" });
  // @ts-expect-error erc191 payloads are strings, not NEP-413 objects
  verifyMultiPayload({ standard: "erc191", payload: { message: "m", nonce: "", recipient: "r" }, signature: "" });
  // @ts-expect-error nep413 needs a public key
  verifyMultiPayload({ standard: "nep413", payload: { message: "m", nonce: "", recipient: "r" }, signature: "" });
  // @ts-expect-error an unknown option
  decodeIntent(rawEd25519, { bogus: true });
  // @ts-expect-error now is a number of milliseconds, not a Date
  decodeIntentMessage("{}", { now: new Date() });
  // @ts-expect-error nep413Sign takes the seed bytes, not a key string
  nep413Sign({ message: "m", nonce: "", recipient: "r" }, "ed25519:abc");
  // @ts-expect-error valid is a boolean
  const s: string = v.valid;
  // @ts-expect-error intentHash is bytes; intentHashBase58 is the string
  const h: string = v.intentHash;
  // @ts-expect-error publicKey may be null
  const k: string = v.publicKey;
  // @ts-expect-error not an error code
  const c: ErrorCode = "NOT_A_CODE";
  // @ts-expect-error salt exists only on a v1 nonce
  const salt: string = d.nonceInfo.salt;
  // @ts-expect-error signerKind is a closed set
  const kind: "implicit" = d.signerKind;
  // @ts-expect-error a warning code is not an error code
  const w: ErrorCode = d.warnings[0]!.code;
  // @ts-expect-error ed25519Verify returns a boolean
  const r: Uint8Array = ed25519Verify(bytes, bytes, bytes);
  // @ts-expect-error a step needs a value
  validateStep({ to: "0x", functionSignature: "", parameters: [] });
  // @ts-expect-error parameters are an array
  abiEncodeCall("f(uint256)", "1");
  // @ts-expect-error parameters are an array
  new AbiFunction("f(uint256)").encode("1");
  // @ts-expect-error objects are not ABI parameters (tuples are arrays)
  abiEncodeCall("f((uint256))", [{ a: "1" }]);
  // @ts-expect-error placeholder values are strings
  abiEncodeCall("f(uint256)", ["{X}"], { placeholders: { X: 1 } });
  // @ts-expect-error knownContracts is a list
  reviewStep(feeStep, { knownContracts: "0x546252c9a0E974f75892b4c54b7a67B69a0aFf45" });
  // @ts-expect-error calldata may be null
  const data: Uint8Array = reviewStep(feeStep).calldata;
  // @ts-expect-error validateStep returns nothing
  const ok: boolean = validateStep(feeStep);
  void [s, h, k, c, salt, kind, w, r, data, ok];
}

// ------------------------------------------------------------ EIP-712 (the specification's Mail example, eip712-001)
const personFields: TypedDataField[] = [
  { name: "name", type: "string" },
  { name: "wallet", type: "address" },
];
const mail: TypedDataDefinition = {
  types: {
    EIP712Domain: [
      { name: "name", type: "string" },
      { name: "version", type: "string" },
      { name: "chainId", type: "uint256" },
      { name: "verifyingContract", type: "address" },
    ],
    Person: personFields,
    Mail: [
      { name: "from", type: "Person" },
      { name: "to", type: "Person" },
      { name: "contents", type: "string" },
    ],
  },
  primaryType: "Mail",
  domain: { name: "Ether Mail", version: "1", chainId: 1, verifyingContract: "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" },
  message: {
    from: { name: "Cow", wallet: "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
    to: { name: "Bob", wallet: "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
    contents: "Hello, Bob!",
  },
};

export function typedData(secretKey: Uint8Array): string[] {
  const digest: Uint8Array = eip712Hash(mail);
  const fromText: Uint8Array = eip712Hash(JSON.stringify(mail));
  const separator: Uint8Array = eip712DomainSeparator(mail);
  const person: Uint8Array = eip712HashStruct(mail, "Person", { name: "Cow", wallet: "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" });
  const encoded: string = eip712EncodeType(mail, mail.primaryType);
  const signature: Uint8Array = eip712Sign(mail, secretKey);
  const signer: string = eip712Recover(JSON.stringify(mail), signature);
  // Integers as strings, numbers or bigints; any other domain field is typed `unknown`.
  const chainIds: IntegerLike[] = [1, "1", "0x1", 1n];
  const bigChain: TypedDataDefinition = { ...mail, domain: { ...mail.domain, chainId: 2n ** 64n, salt: `0x${"00".repeat(32)}` } };
  const extra: unknown = bigChain.domain["httpOrigin"];
  // Read-only, so that viem's `as const` typed data is accepted as input.
  const fields: readonly TypedDataField[] = mail.types["Mail"] ?? [];
  return [
    ...[digest, fromText, separator, person, signature, eip712Hash(bigChain)].map(bytesToHex),
    encoded,
    signer,
    String(chainIds.length),
    String(extra),
    ...fields.map((f) => `${f.type} ${f.name}`),
  ];
}

// ------------------------------------------------------------ Permit2 (Uniswap/permit2 TypehashGeneration.t.sol, permit2-014)
const UNI = "0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984";
const ROUTER = "0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45";
const transferArgs: Permit2TransferArgs = {
  chainId: 1,
  permit2Address: "0xCe71065D4017F316EC606Fe4422e11eB2c47c246",
  token: UNI,
  amount: "100",
  spender: ROUTER,
  nonce: 0,
  deadline: 146902158100n,
};
const permitted: Permit2TokenPermissions[] = [
  { token: UNI, amount: 100n },
  { token: "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", amount: "0x64" },
];
const mockWitness: Permit2Witness = {
  typeName: "MockWitness",
  types: { MockWitness: [{ name: "person", type: "address" }, { name: "amount", type: "uint256" }] },
  value: { person: "0xd5F5175D014F28c85F7D67A111C2c9335D7CD771", amount: "100" },
};
const permitDetails: Permit2Details = { token: UNI, amount: (1n << 160n) - 1n, expiration: 1_900_000_000, nonce: "0" };

export function permit2(secretKey: Uint8Array, now: number): string[] {
  const batchArgs: Permit2BatchTransferArgs = { chainId: 1n, permitted, spender: ROUTER, nonce: "1", deadline: 1_900_000_000 };
  // A witness transfer, single or batch (with `permitted`).
  const witnessArgs: Permit2WitnessTransferArgs = { ...transferArgs, witness: mockWitness };
  const batchWitnessArgs: Permit2WitnessTransferArgs = { ...batchArgs, witness: mockWitness };
  const singleArgs: Permit2SingleArgs = { chainId: 8453, details: permitDetails, spender: ROUTER, sigDeadline: 1_900_000_000n };
  const batchAllowance: Permit2BatchArgs = { chainId: 1, details: [permitDetails, { ...permitDetails, nonce: 1 }], spender: ROUTER, sigDeadline: "1900000000" };
  // A swap API's params_to_sign (permit2-079), with a field this type does not name.
  const paramsToSign: Permit2ParamsToSign = {
    escrow_contract_address: "0x2FD19e9bca37A33653F920e5D104eb82D98CD921",
    permit2_contract_address: "0x000000000022D473030F116dDEE9F6B43aC78BA3",
    resolver_deposit_address: "0xD761e8D98E3Ff91e3A32ff04858aEb8140885235",
    nonce: 1780078455123,
    additional_data: {
      domain: { name: "Permit2", chainId: 1, verifyingContract: "0x000000000022D473030F116dDEE9F6B43aC78BA3" },
      types: { Witness: [{ name: "resolver", type: "address" }, { name: "user", type: "address" }, { name: "secretHash", type: "bytes32" }] },
      witness: { resolver: "0xD761e8D98E3Ff91e3A32ff04858aEb8140885235", user: "0x0db8ffde0a83a4f801489f81255d7ce7974e12f1", secretHash: `0x${"22".repeat(32)}` },
      witness_type_string: "Witness witness)TokenPermissions(address token,uint256 amount)Witness(address resolver,address user,bytes32 secretHash)",
      witness_hash: `0x${"e1".repeat(32)}`,
    },
    approval_type: "permit2",
  };
  const paramsArgs: Permit2ParamsToSignArgs = { token: UNI, amount: 10n ** 18n, deadline: "1893777469" };
  const requests: Permit2Request[] = [
    permit2Transfer(transferArgs),
    permit2BatchTransfer(batchArgs),
    permit2WitnessTransfer(witnessArgs),
    permit2WitnessTransfer(batchWitnessArgs),
    permit2Single(singleArgs),
    permit2Batch(batchAllowance),
    permit2FromParamsToSign(paramsToSign, paramsArgs),
  ];
  const reviewOptions: Permit2ReviewOptions = { now, knownSpenders: [ROUTER] };
  const out: string[] = [];
  for (const r of requests) {
    // typedData is exactly what eth_signTypedData_v4 takes.
    const td: TypedDataDefinition = r.typedData;
    const digest: Uint8Array = r.digest;
    const typeString: string = r.witnessTypeString ?? "(no witness)";
    const witnessHash: string = r.witnessHash === null ? "(no witness)" : bytesToHex(r.witnessHash);
    const codes: Permit2WarningCode[] = r.warnings.map((w: Permit2Warning) => w.code);
    const signature: Uint8Array = eip712Sign(td, secretKey);
    const body: Permit2ApprovalBody = permit2ApprovalBody(signature);
    const approvalType: "permit2" = body.approval_type;
    const review: Permit2Review = reviewPermit2(td, reviewOptions);
    const unlimited: boolean = review.warnings.some((w) => w.code === "UNLIMITED_AMOUNT");
    out.push(bytesToHex(digest), typeString, witnessHash, ...codes, body.signed_data, approvalType, ...review.lines, String(unlimited));
  }
  out.push(...reviewPermit2(mail).lines);
  return out;
}

// ------------------------------------------------------------ EIP-7702 (viem hashAuthorization tests, eip7702-001)
export function eip7702(secretKey: Uint8Array): string[] {
  const auth: Eip7702Authorization = { chainId: 1, address: "0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c", nonce: 40 };
  const viemShape: Eip7702Authorization = { chainId: 1n, contractAddress: "0xbe95c3f554e9fc85ec51be69a3d807a0d55bcf2c", nonce: "40" };
  const hash: Uint8Array = eip7702AuthorizationHash(auth);
  const signed: Eip7702SignedAuthorization = eip7702Sign(viemShape, secretKey);
  const parity: 0 | 1 = signed.yParity;
  const signature = Uint8Array.from([...hexToBytes(signed.r), ...hexToBytes(signed.s), parity]);
  const authority: string = eip7702Recover(auth, signature);
  const warnings: Eip7702Warning[] = reviewEip7702Authorization({ chainId: 0, address: "0x0000000000000000000000000000000000000000", nonce: 2n ** 64n - 1n });
  const codes: Eip7702Warning["code"][] = warnings.map((w) => w.code);
  return [bytesToHex(hash), signed.chainId, signed.address, signed.nonce, authority, ...codes, ...warnings.map((w) => w.message)];
}

// ------------------------------------------------------------ the execution flow
const payloadJson =
  '{"signer_id":"78fe858e43618670f57b53b764c36771664846b26b9f71970abde092b506ec61","verifying_contract":"intents.near","deadline":"2035-11-03T15:05:57.549Z","nonce":"Vij2xgC0tcKZQCUndu2G1Ry2i3zRZ2ViGySwzrTnWVk=","intents":[]}';
const execution: Execution = {
  id: "exec-1",
  status: "CREATED",
  details: {
    signingStandard: "raw_ed25519",
    messageToSign: payloadJson,
    payload: { payload_json: payloadJson, payload_bytes_base64: btoa(payloadJson), standard: "raw_ed25519" },
    depositAddress: "0x0000000000000000000000000000000000000001",
  },
  steps: [feeStep],
  // Executions carry more than the fields typed here.
  createdAt: "2025-11-23T00:00:00Z",
  executionMode: "SWAP",
};

/** Narrowing a WalletRequest: personal_sign, NEP-413 signMessage, or bytes. */
function describeWalletRequest(r: WalletRequest): string {
  if ("method" in r) {
    const method: "personal_sign" = r.method;
    const [message, address] = r.params;
    return `${method}(${message}, ${address})`;
  }
  if ("recipient" in r) {
    const nonce: Uint8Array = r.nonce;
    const url: string | undefined = r.callbackUrl;
    const message: string = r.message;
    return `signMessage(${message}, ${r.recipient}, ${bytesToHex(nonce)}, ${url ?? "no callback"})`;
  }
  const bytes: Uint8Array = r.message;
  return `signMessage(${bytes.length} bytes)`;
}

/** What a wallet of each kind answers. */
function walletAnswer(r: WalletRequest, signBytes: (message: Uint8Array) => Uint8Array): WalletOutput {
  if ("method" in r) return `0x${"00".repeat(65)}`;
  if ("recipient" in r) return { accountId: "alice.near", publicKey: "ed25519:8rVvtHWFr8hasdQGGD5WiQBTyr4iH2ruEPPVfj491RPN", signature: "AAAA" };
  // Solana wallets: the 64 bytes, or { signature }.
  const bare: WalletOutput = signBytes(r.message);
  return r.message.length === 0 ? bare : { signature: signBytes(r.message) };
}

function describeDeleteBody(body: DeleteBody): string {
  if ("nep413" in body) {
    const nonce: string = body.nep413.nonce;
    return `${body.signature} ${body.publicKey} ${nonce} ${body.nep413.recipient}`;
  }
  if ("publicKey" in body) return `${body.signature} ${body.publicKey}`;
  return body.signature;
}

export function flow(signBytes: (message: Uint8Array) => Uint8Array): string[] {
  const options: PrepareSigningOptions = { wallet: "99K2PnbGyDh6DsQ2wCQZkBzMJY2JbVJsZqyu3w599C5n", now: Date.now(), verifyingContract: "intents.near" };
  const request: SigningRequest = prepareSigning(execution, options);
  const standard: "erc191" | "nep413" | "raw_ed25519" = request.standard;
  const intent: DecodedIntent = request.intent;
  const steps: StepReview[] = request.steps;
  const quote: Record<string, unknown> | null = request.quote;
  const warnings: ExecutionWarning[] = request.warnings;
  const finished: FinishedSigning = finishSigning(request, walletAnswer(request.walletRequest, signBytes));
  const submit: { executionId: string; signature: string; publicKey?: string } = finished.submitBody;
  const multiPayload: MultiPayload = finished.multiPayload;
  // Deleting: a NEP-413 nonce for NEAR wallets (random when absent).
  const deleteOptions: DeleteRequestOptions = { nonce: new Uint8Array(32) };
  const deletion: DeleteRequest = deleteExecutionRequest(request.executionId, request.wallet, deleteOptions);
  const nearDeletion: DeleteRequest = deleteExecutionRequest("exec-1", "alice.near");
  const body: DeleteBody = finishDeleteSigning(deletion, walletAnswer(deletion.walletRequest, signBytes));
  // Creating: the API's 400 rules, checked before sending.
  const create: CreateExecutionRequest = {
    dry: false,
    quote: { amount: "1000000", originAsset: "nep141:wrap.near", destinationAsset: "nep141:usdc.near", swapType: "EXACT_INPUT", slippageTolerance: 100 },
    steps: [feeStep],
  };
  const validateOptions: ValidateExecutionRequestOptions = { kind: "quote" };
  validateExecutionRequest(create, validateOptions);
  validateExecutionRequest({ type: "evm", destinationAsset: "nep141:base-0x833589fcd6edb6e08f4c7c32d4f71b54bda02913.omft.near", steps: [feeStep] }, { kind: "steps" });
  return [
    standard,
    request.executionId,
    request.signerId,
    request.payloadJson,
    request.intentHashBase58,
    bytesToHex(request.intentHash),
    intent.signerId,
    String(steps.length),
    JSON.stringify(quote),
    ...request.review,
    ...warnings.map((w) => `${w.code}: ${w.message}`),
    describeWalletRequest(request.walletRequest),
    submit.executionId,
    submit.signature,
    submit.publicKey ?? "(no key: erc191)",
    multiPayload.standard,
    finished.signerId,
    finished.intentHashBase58,
    deletion.message,
    describeWalletRequest(nearDeletion.walletRequest),
    describeDeleteBody(body),
  ];
}

// ------------------------------------------------------------ misuse the new types must reject
export function misuseEvm(bytes: Uint8Array, r: Permit2Request, s: Eip7702SignedAuthorization, req: SigningRequest, del: DeleteRequest, body: DeleteBody): void {
  // @ts-expect-error a number is not typed data
  eip712Hash(1);
  // @ts-expect-error typed data needs a message
  eip712Hash({ types: {}, primaryType: "Mail", domain: {} });
  // @ts-expect-error a field is {name, type}
  eip712EncodeType({ ...mail, types: { Mail: [["from", "Person"]] } }, "Mail");
  // @ts-expect-error hashStruct needs the value
  eip712HashStruct(mail, "Person");
  // @ts-expect-error the secret key is bytes, not hex text
  eip712Sign(mail, "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4");
  // @ts-expect-error a transfer needs a deadline
  permit2Transfer({ chainId: 1, token: UNI, amount: "1", spender: ROUTER, nonce: 0 });
  // @ts-expect-error an amount is an integer, not a boolean
  permit2Transfer({ ...transferArgs, amount: true });
  // @ts-expect-error a PermitSingle has one details object; the list is permit2Batch's
  permit2Single({ chainId: 1, details: [permitDetails], spender: ROUTER, sigDeadline: 1 });
  // @ts-expect-error a witness transfer needs its witness
  permit2WitnessTransfer(transferArgs);
  // @ts-expect-error params_to_sign needs additional_data
  permit2FromParamsToSign({ escrow_contract_address: ROUTER, permit2_contract_address: ROUTER, nonce: 1 }, { token: UNI, amount: 1, deadline: 1 });
  // @ts-expect-error the approval body takes the signature bytes
  permit2ApprovalBody(bytesToHex(bytes));
  // @ts-expect-error reviewPermit2 takes the object, not its JSON text
  reviewPermit2(JSON.stringify(mail));
  // @ts-expect-error now is milliseconds, not a Date
  reviewPermit2(mail, { now: new Date() });
  // @ts-expect-error a step warning code is not a Permit2 warning code
  const code: Permit2WarningCode = "UNLIMITED_APPROVAL";
  // @ts-expect-error only witness transfers have a witness type string
  const typeString: string = r.witnessTypeString;
  // @ts-expect-error the digest is bytes
  const digest: string = r.digest;
  // @ts-expect-error an authorization needs a nonce
  eip7702AuthorizationHash({ chainId: 1, address: ROUTER });
  // @ts-expect-error the secret key is bytes
  eip7702Sign({ chainId: 1, address: ROUTER, nonce: 0 }, "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  // @ts-expect-error yParity is 0 or 1, not v 27/28
  const v: 27 | 28 = s.yParity;
  // @ts-expect-error prepareSigning needs the options with the wallet
  prepareSigning(execution);
  // @ts-expect-error the wallet is required
  prepareSigning(execution, { now: 1 });
  // @ts-expect-error not a signing standard of an execution
  const e: Execution = { details: { signingStandard: "eip712" } };
  // @ts-expect-error a wallet output is a signature or {signature, …}, not a number
  finishSigning(req, 42);
  // @ts-expect-error a delete request is not a signing request
  finishSigning(del, bytes);
  // @ts-expect-error a signing request is not a delete request (no message)
  finishDeleteSigning(req, bytes);
  // @ts-expect-error the nonce option is bytes
  deleteExecutionRequest("exec-1", "alice.near", { nonce: "AAAA" });
  // @ts-expect-error only personal_sign and NEP-413 requests carry a message string; bytes for Solana
  const message: string = req.walletRequest.message;
  // @ts-expect-error an erc191 delete body has no public key
  const key: string = body.publicKey;
  // @ts-expect-error kind is "quote" or "steps"
  validateExecutionRequest({ dry: true }, { kind: "dry" });
  // @ts-expect-error swapType is EXACT_INPUT or EXACT_OUTPUT
  const c: CreateExecutionRequest = { quote: { swapType: "EXACT" } };
  // @ts-expect-error validateExecutionRequest returns nothing
  const ok: boolean = validateExecutionRequest({}, { kind: "quote" });
  void [code, typeString, digest, v, e, message, key, c, ok];
}
