// Type-level usage of the package's public API, checked by
// `tsc --noEmit --strict -p tests/js/tsconfig.json` (scripts/test-js.sh).
// It resolves "intent-signer" and "intent-signer/web" by package name through
// the package's `exports` map (moduleResolution NodeNext). Nothing here runs;
// the values come from tests/vectors/upstream.json.

import {
  abiDecodeCall,
  abiEncodeCall,
  buildInfo,
  bytesToHex,
  decodeIntent,
  decodeIntentMessage,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
  erc191Hash,
  erc191Preimage,
  erc191Recover,
  erc191Sign,
  errorCodes,
  functionSelector,
  hexToBytes,
  implicitAccountId,
  nep413Hash,
  nep413Preimage,
  nep413Sign,
  nep413Verify,
  reviewStep,
  reviewSteps,
  sep53Hash,
  stepPlaceholders,
  tip191Hash,
  tip191Preimage,
  tip191Recover,
  validateStep,
  validateSteps,
  verifyMultiPayload,
} from "intent-signer";
import type {
  AbiEncodeOptions,
  AddPublicKeyIntent,
  BuildInfo,
  DecodedIntent,
  ErrorCode,
  EvmStep,
  FtWithdrawIntent,
  Intent,
  IntentCheckOptions,
  IntentSignerError,
  IntentWarning,
  MultiPayload,
  MultiPayloadVerification,
  Nep413Payload,
  NonceInfo,
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
  UnknownIntent,
  WarningCode,
} from "intent-signer";
import initWeb, {
  initSync,
  bytesToHex as webBytesToHex,
  erc191Hash as webErc191Hash,
  verifyMultiPayload as webVerifyMultiPayload,
  type InitOutput,
  type MultiPayloadVerification as WebMultiPayloadVerification,
} from "intent-signer/web";

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
assertType<Equals<IsAny<ReturnType<typeof decodeIntentMessage>>, false>>();
assertType<Equals<IsAny<Parameters<typeof nep413Sign>[0]>, false>>();
assertType<Equals<IsAny<Intent>, false>>();
assertType<Equals<Standard, "nep413" | "erc191" | "tip191" | "raw_ed25519" | "sep53">>();
assertType<Equals<MultiPayloadVerification["intentHash"], Uint8Array>>();
assertType<Equals<MultiPayloadVerification["publicKey"], string | null>>();
assertType<Equals<IntentSignerError["code"], ErrorCode>>();
assertType<Equals<IntentWarning["code"], WarningCode>>();
assertType<Equals<ReturnType<typeof abiEncodeCall>, Uint8Array>>();
assertType<Equals<ReturnType<typeof reviewStep>, StepReview>>();
assertType<Equals<ReturnType<typeof validateSteps>, void>>();
assertType<Equals<Parameters<typeof stepPlaceholders>, [step: EvmStep]>>();
// The web build declares the same result types.
assertType<Equals<WebMultiPayloadVerification, MultiPayloadVerification>>();

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

// ------------------------------------------------------------ intent-signer/web
export async function web(wasmBytes: Uint8Array, wasmModule: WebAssembly.Module): Promise<string> {
  const out: InitOutput = await initWeb({ module_or_path: wasmBytes });
  await initWeb({ module_or_path: new URL("https://example.invalid/intent_signer_bg.wasm") });
  await initWeb();
  const again: InitOutput = initSync({ module: wasmModule });
  const memory: WebAssembly.Memory = out.memory;
  const v: WebMultiPayloadVerification = webVerifyMultiPayload(rawEd25519);
  return webBytesToHex(webErc191Hash("Hello world!")) + memory.buffer.byteLength + again.memory.buffer.byteLength + v.valid;
}

// ------------------------------------------------------------ misuse the types must reject
export function misuse(bytes: Uint8Array, v: MultiPayloadVerification, d: DecodedIntent): void {
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
  // @ts-expect-error not a standard
  verifyMultiPayload({ standard: "webauthn", payload: "{}", signature: "" });
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
