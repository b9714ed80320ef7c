// The package's outputs handed, unchanged, to the libraries a page signs with:
// viem (personal_sign through `walletClient.request`, `signMessage` with the
// raw message, `hashTypedData`/`signTypedData` of a Permit2 builder's typed
// data) and `@near-wallet-selector/core` (`SignMessageParams`). Checked by
// `tsc --noEmit --strict -p tests/js/tsconfig.wallets.json` (scripts/test-js.sh),
// with bundler resolution as the apps that use the NEAR wallet selector build
// (its .d.ts has extensionless ESM imports, unresolvable under NodeNext);
// tests/js/viem-compat.test.mjs makes the same calls at run time and checks
// the values. "intent-signer" resolves by package name (the packed tarball
// that scripts/test-js.sh installs into tests/js/node_modules).

import type { SignMessageParams } from "@near-wallet-selector/core";
import {
  createWalletClient,
  custom,
  hashMessage,
  hashTypedData,
  type Address,
  type Hex as ViemHex,
  type SignableMessage,
  type TypedDataDomain,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";

import {
  bytesToHex,
  deleteExecutionRequest,
  eip712Hash,
  eip712Sign,
  finishSigning,
  permit2Batch,
  permit2BatchTransfer,
  permit2FromParamsToSign,
  permit2Single,
  permit2Transfer,
  permit2WitnessTransfer,
  prepareSigning,
  type Erc191WalletRequest,
  type Execution,
  type Hex,
  type Nep413WalletRequest,
  type Permit2ParamsToSign,
  type Permit2TypedData,
  type RawEd25519WalletRequest,
  type SigningRequest,
  type SigningRequestOf,
  type WalletRequest,
} from "intent-signer";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type IsAny<T> = 0 extends 1 & T ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

// The libraries' types resolved (an `any` would accept everything).
assertType<Equals<IsAny<SignMessageParams>, false>>();
assertType<Equals<SignMessageParams["nonce"], Buffer>>();
assertType<Equals<IsAny<Parameters<typeof hashTypedData>[0]>, false>>();
// Our `Hex` is viem's `Hex` (and `Address`).
assertType<Equals<Hex, ViemHex>>();
assertType<Equals<Hex, Address>>();
// The unions: `standard` picks the wallet request.
assertType<Equals<Extract<SigningRequest, { standard: "erc191" }>["walletRequest"], Erc191WalletRequest>>();
assertType<Equals<Extract<SigningRequest, { standard: "nep413" }>["walletRequest"], Nep413WalletRequest>>();
assertType<Equals<Extract<SigningRequest, { standard: "raw_ed25519" }>["walletRequest"], RawEd25519WalletRequest>>();
assertType<Equals<Erc191WalletRequest["params"], [message: `0x${string}`, address: `0x${string}`]>>();
assertType<Equals<Permit2TypedData["domain"]["chainId"], number>>();
assertType<Equals<Permit2TypedData["domain"]["verifyingContract"], `0x${string}`>>();

const KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"; // anvil key 0, a test key
const account = privateKeyToAccount(KEY);
// A wallet client over an EIP-1193 provider (here: the local account answering personal_sign).
const walletClient = createWalletClient({
  account,
  transport: custom({
    async request({ method, params }: { method: string; params?: unknown }) {
      if (method !== "personal_sign" || !Array.isArray(params)) throw new Error(`unsupported ${method}`);
      const [raw] = params as [ViemHex, ViemHex];
      return account.signMessage({ message: { raw } });
    },
  }),
});

// ------------------------------------------------------------ personal_sign (erc191)
export async function evmWallet(execution: Execution): Promise<string[]> {
  const request = prepareSigning(execution, { wallet: account.address });
  if (request.standard !== "erc191") throw new Error("an EVM wallet signs erc191");
  // Narrowed: the walletRequest is the personal_sign request, params typed for viem.
  const erc191: SigningRequestOf<"erc191"> = request;
  const viaRequest: ViemHex = await walletClient.request(request.walletRequest);
  const [raw, address] = request.walletRequest.params;
  const viaSignMessage: ViemHex = await account.signMessage({ message: { raw } });
  const viaClient: ViemHex = await walletClient.signMessage({ account, message: { raw } });
  const signable: SignableMessage = { raw };
  const digest: ViemHex = hashMessage(signable);
  const sameAddress: boolean = address === account.address;
  const finished = finishSigning(erc191, viaRequest);
  return [viaRequest, viaSignMessage, viaClient, digest, String(sameAddress), finished.intentHashBase58];
}

// The delete request is a union on `standard` too.
export async function evmDelete(executionId: string): Promise<ViemHex> {
  const del = deleteExecutionRequest(executionId, account.address);
  if (del.standard !== "erc191") throw new Error("an EVM wallet signs erc191");
  return walletClient.request(del.walletRequest);
}

// ------------------------------------------------------------ NEP-413 (NEAR wallet selector)
interface NearWallet {
  signMessage(params: SignMessageParams): Promise<unknown>;
}

export async function nearWallet(execution: Execution, wallet: NearWallet): Promise<unknown> {
  const request = prepareSigning(execution, { wallet: "alice.near" });
  if (request.standard !== "nep413") throw new Error("a NEAR wallet signs nep413");
  const { nonce, ...rest } = request.walletRequest;
  // The selector's nonce is a Node Buffer (it checks Buffer.isBuffer at run time):
  const params: SignMessageParams = { ...rest, nonce: Buffer.from(nonce) };
  // @ts-expect-error a Uint8Array nonce is not the Buffer the selector wants
  const withoutBuffer: SignMessageParams = request.walletRequest;
  void withoutBuffer;
  // Everything else is assignable as is.
  const fields: Omit<SignMessageParams, "nonce" | "state"> = rest;
  void fields;
  return wallet.signMessage(params);
}

// ------------------------------------------------------------ narrowing a bare WalletRequest
export function describe(r: WalletRequest): string {
  if ("method" in r) {
    const params: [ViemHex, Address] = r.params;
    return params.join(" ");
  }
  if ("recipient" in r) return `${r.message} ${r.recipient} ${bytesToHex(r.nonce)}`;
  return `${r.message.length} bytes`;
}

// ------------------------------------------------------------ Permit2 typed data → viem
const UNI = "0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984";
const ROUTER = "0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45";

export async function permit2(paramsToSign: Permit2ParamsToSign): Promise<ViemHex[]> {
  const built = [
    permit2Transfer({ chainId: 1, token: UNI, amount: "100", spender: ROUTER, nonce: 0, deadline: 146902158100n }),
    permit2BatchTransfer({ chainId: 8453n, permitted: [{ token: UNI, amount: 1n }], spender: ROUTER, nonce: "1", deadline: 1_900_000_000 }),
    permit2WitnessTransfer({
      chainId: "0x89",
      token: UNI,
      amount: "100",
      spender: ROUTER,
      nonce: 0,
      deadline: 1_900_000_000,
      witness: { typeName: "MockWitness", types: { MockWitness: [{ name: "person", type: "address" }] }, value: { person: ROUTER } },
    }),
    permit2Single({ chainId: 1, details: { token: UNI, amount: 1, expiration: 1, nonce: 0 }, spender: ROUTER, sigDeadline: 1 }),
    permit2Batch({ chainId: 1, details: [{ token: UNI, amount: 1, expiration: 1, nonce: 0 }], spender: ROUTER, sigDeadline: 1 }),
    permit2FromParamsToSign(paramsToSign, { token: UNI, amount: 1n, deadline: 1_900_000_000 }),
  ];
  const out: ViemHex[] = [];
  for (const { typedData } of built) {
    // Unchanged: no cast, no copy.
    out.push(hashTypedData(typedData));
    out.push(await account.signTypedData(typedData));
    out.push(await walletClient.signTypedData({ account, ...typedData }));
    const domain: TypedDataDomain = typedData.domain;
    const chainId: number = typedData.domain.chainId;
    out.push(`0x${chainId.toString(16)}`, domain.verifyingContract ?? "0x");
  }
  return out;
}

// ------------------------------------------------------------ viem's typed data → ours
// The way viem users write typed data (`as const`, bigint chain id) goes into
// eip712Hash/eip712Sign as is.
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
} as const;

export function fromViem(secretKey: Uint8Array): [ViemHex, string, string] {
  return [hashTypedData(mail), bytesToHex(eip712Hash(mail)), bytesToHex(eip712Sign(mail, secretKey))];
}

// ------------------------------------------------------------ what the unions must reject
export async function misuse(request: SigningRequest, typedData: Permit2TypedData): Promise<void> {
  // @ts-expect-error params exist on the erc191 request only: narrow on `standard` first
  const params: [ViemHex, ViemHex] = request.walletRequest.params;
  // @ts-expect-error a union of three requests is not a personal_sign request
  await walletClient.request(request.walletRequest);
  if (request.standard === "nep413") {
    // @ts-expect-error a NEAR request has no personal_sign params
    void request.walletRequest.params;
  }
  // @ts-expect-error the chain id is a number, not a string
  const chainId: string = typedData.domain.chainId;
  // @ts-expect-error Permit2 typed data has no domain version
  void typedData.domain.version;
  void [params, chainId];
}
