//! TypeScript declarations for every input and output object, emitted into
//! the generated `.d.ts` (never hand-maintained beside it).

use wasm_bindgen::prelude::wasm_bindgen;

/// `ErrorCode`, generated from the error table (`src/error/mod.rs`).
#[wasm_bindgen(typescript_custom_section)]
const TS_ERROR_CODE: &str = crate::error::ERROR_CODE_TS;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"

/**
 * What every export throws: an `Error` (a `TypeError` for a value of the wrong
 * type, a `RangeError` for a wrong length or an out-of-range value) with a
 * stable `code` and, for nested input, the `path` of the offending value.
 */
export interface IntentSignerError extends Error {
  code: ErrorCode;
  path?: string;
}

/**
 * `0x`-prefixed hex, as viem's `Hex` and `Address`: addresses (EIP-55
 * checksummed where this package writes them), salts, signatures' `r`/`s`,
 * and the `personal_sign` message.
 */
export type Hex = `0x${string}`;

/** How much a finding matters: `danger` can cost funds or the account (ask for an explicit "I understand"). */
export type Severity = "danger" | "warning" | "info";

/** The one finding type of every review (intents, steps, Permit2, EIP-712, EIP-7702, the flow). */
export interface ReviewWarning<C extends string = string> {
  code: C;
  severity: Severity;
  /** Outside strings in it are quoted and escaped. */
  message: string;
  /** Where in the input (`details.payload.payload_json.intents[2].msg`, `steps[1].parameters[0]`). */
  path: string;
}

/** One thing that executes (an intent, a step), with every field that executes. */
export interface ReviewEntry {
  /** The intent kind (`"transfer"`, `"ft_withdraw"`, …) or `"step"`. */
  kind: string;
  path: string;
  /** One line in words; outside strings quoted and escaped. */
  summary: string;
  fields: { name: string; value: string }[];
  /** The most severe finding at or under this entry's path. */
  severity?: Severity;
}

/** Codes of intent findings. */
export type WarningCode =
  | "UNKNOWN_INTENT"
  | "IGNORED_FIELD"
  | "LEGACY_NONCE"
  | "NAMED_ACCOUNT"
  | "EMPTY_INTENTS"
  | "NONCE_EXPIRED"
  | "ADD_PUBLIC_KEY"
  | "REMOVE_PUBLIC_KEY"
  | "SET_AUTH_BY_PREDECESSOR"
  | "AUTH_CALL"
  | "WITHDRAW_WITH_CALL"
  | "TRANSFER_CALL"
  | "STATE_INIT"
  | "NATIVE_WITHDRAW"
  | "STORAGE_DEPOSIT"
  | "FOREIGN_RECIPIENT"
  | "QUOTE_MISMATCH";

/** A finding about an intent message. */
export type IntentWarning = ReviewWarning<WarningCode>;

/** The signing standards this package handles. */
export type Standard = "nep413" | "erc191" | "tip191" | "raw_ed25519" | "sep53";

/** A NEP-413 payload in the JSON form the verifier and NEAR wallets take. */
export interface Nep413Payload {
  message: string;
  /** Standard base64 of 32 bytes. */
  nonce: string;
  recipient: string;
  callbackUrl?: string | null;
}

/** A signed payload for `intents.near` `execute_intents`. Keys and signatures are `"<curve>:<base58>"`. */
export type MultiPayload =
  | { standard: "nep413"; payload: Nep413Payload; public_key: string; signature: string }
  | { standard: "erc191" | "tip191"; payload: string; signature: string }
  | { standard: "raw_ed25519" | "sep53"; payload: string; public_key: string; signature: string };

/** The result of `verifyMultiPayload`. */
export interface MultiPayloadVerification {
  /** The signature checks out and an implicit `signerId` is the key's own account. */
  valid: boolean;
  standard: Standard;
  /** `"<curve>:<base58>"`, given or recovered; `null` when no key recovers from the signature. */
  publicKey: string | null;
  signerId: string;
  /** The 32-byte intent hash the verifier reports. */
  intentHash: Uint8Array;
  /** The intent hash in base58, as explorers show it. */
  intentHashBase58: string;
  warnings: IntentWarning[];
}

/** The layout of a 32-byte intent nonce. */
export type NonceInfo =
  | { version: "legacy" }
  | {
      version: "v1";
      /** 4 bytes, lowercase hex. */
      salt: string;
      /** The nonce deadline in nanoseconds since the Unix epoch, as a decimal string. */
      deadlineNs: string;
      /** 15 bytes, lowercase hex. */
      random: string;
    };

export interface AddPublicKeyIntent { intent: "add_public_key"; public_key: string }
export interface RemovePublicKeyIntent { intent: "remove_public_key"; public_key: string }
export interface TransferIntent {
  intent: "transfer"; receiver_id: string; tokens: Record<string, string>;
  memo?: string; msg?: string; min_gas?: string; state_init?: unknown;
}
export interface FtWithdrawIntent {
  intent: "ft_withdraw"; token: string; receiver_id: string; amount: string;
  memo?: string; msg?: string; storage_deposit?: string; min_gas?: string;
}
export interface NftWithdrawIntent {
  intent: "nft_withdraw"; token: string; receiver_id: string; token_id: string;
  memo?: string; msg?: string; storage_deposit?: string; min_gas?: string;
}
export interface MtWithdrawIntent {
  intent: "mt_withdraw"; token: string; receiver_id: string; token_ids: string[]; amounts: string[];
  memo?: string; msg?: string; storage_deposit?: string; min_gas?: string;
}
export interface NativeWithdrawIntent { intent: "native_withdraw"; receiver_id: string; amount: string }
export interface StorageDepositIntent {
  intent: "storage_deposit"; contract_id: string; deposit_for_account_id: string; amount: string;
}
export interface TokenDiffIntent { intent: "token_diff"; diff: Record<string, string>; memo?: string; referral?: string }
export interface SetAuthByPredecessorIdIntent { intent: "set_auth_by_predecessor_id"; enabled: boolean }
export interface AuthCallIntent {
  intent: "auth_call"; contract_id: string; msg: string;
  state_init?: unknown; attached_deposit?: string; min_gas?: string;
}
export interface ImtMintIntent {
  intent: "imt_mint"; receiver_id: string; tokens: Record<string, string>;
  memo?: string; msg?: string; min_gas?: string; state_init?: unknown;
}
export interface ImtBurnIntent { intent: "imt_burn"; minter_id: string; tokens: Record<string, string>; memo?: string }
/**
 * An intent of a kind this package does not know (an `UNKNOWN_INTENT` warning
 * comes with it): its tag in `kind`, the object exactly as signed in `raw`.
 */
export interface UnknownIntent { intent: "unknown"; kind: string; raw: Record<string, unknown> }
/** One intent, as the verifier defines it. */
export type Intent =
  | AddPublicKeyIntent | RemovePublicKeyIntent | TransferIntent | FtWithdrawIntent
  | NftWithdrawIntent | MtWithdrawIntent | NativeWithdrawIntent | StorageDepositIntent
  | TokenDiffIntent | SetAuthByPredecessorIdIntent | AuthCallIntent | ImtMintIntent
  | ImtBurnIntent | UnknownIntent;

/** A decoded intent message. */
export interface DecodedIntent {
  signerId: string;
  signerKind: "near_implicit" | "eth_implicit" | "named";
  verifyingContract: string;
  /** RFC 3339, exactly as in the message. */
  deadline: string;
  /** The deadline in milliseconds since the Unix epoch (for `new Date(...)`). */
  deadlineMs: number;
  /** Standard base64 of the 32-byte nonce. */
  nonce: string;
  nonceInfo: NonceInfo;
  intents: Intent[];
  /**
   * One review entry per intent, naming every field that executes. From
   * `decodeIntent`: reviewed without context; inside a `SigningRequest`: the
   * flow's own entries (with the quote).
   */
  entries: ReviewEntry[];
  /**
   * Findings, most severe first: the decoder's and the intent review's. Inside
   * a `SigningRequest` only the decoder's; the review's are the request's `warnings`.
   */
  warnings: IntentWarning[];
}

/** Context checks for `decodeIntent`/`decodeIntentMessage`; each is optional. */
export interface IntentCheckOptions {
  /** The verifier contract expected, e.g. `"intents.near"` (else `WRONG_VERIFYING_CONTRACT`). */
  verifyingContract?: string;
  /** The current time in milliseconds since the Unix epoch (else `DEADLINE_EXPIRED`). */
  now?: number;
  /** The signing key `"<curve>:<base58>"`: an implicit signer must be its account (else `SIGNER_MISMATCH`). */
  publicKey?: string;
}

/**
 * One ABI parameter: scalars as strings (decimal or `0x` hex integers, `0x`
 * addresses and bytes), booleans, bigints or safe-integer numbers; tuples and
 * arrays as nested arrays. Placeholders such as `"{MIN_AMOUNT_OUT}"` stand for scalars.
 */
export type StepParameter = string | boolean | bigint | number | StepParameter[];

/** An Intents Connect EVM step. */
export interface EvmStep {
  /** Contract address, or `"{DEPOSIT_ADDRESS}"`. */
  to: string;
  /** `"transfer(address,uint256)"`, `"function transfer(address to, uint256 amount)"`, or `""` for a value transfer. */
  functionSignature: string;
  parameters: StepParameter[];
  /** Native value in wei as a decimal string, or a placeholder. */
  value: string;
  metadata?: Record<string, unknown>;
}

/** Options of `abiEncodeCall`. */
export interface AbiEncodeOptions {
  /** Values for placeholders, keyed `MIN_AMOUNT_OUT` or `{MIN_AMOUNT_OUT}`. */
  placeholders?: Record<string, string>;
}

/** Options of `reviewStep`/`reviewSteps`. */
export interface StepReviewOptions {
  placeholders?: Record<string, string>;
  /** The intermediary (MPC) address that runs the steps. */
  intermediary?: string;
  /** Contracts the user is expected to deal with (tokens, pools). */
  knownContracts?: string[];
}

/** Codes of step review warnings. */
export type StepWarningCode =
  | "UNLIMITED_APPROVAL"
  | "UNKNOWN_RECIPIENT"
  | "NATIVE_VALUE"
  | "FEE_TRANSFER"
  | "UNRESOLVED_PLACEHOLDER"
  | "INCREASE_ALLOWANCE"
  | "APPROVAL_FOR_ALL"
  | "ERC2612_PERMIT"
  | "DAI_PERMIT"
  | "PERMIT2_APPROVE";

export type StepWarning = ReviewWarning<StepWarningCode>;
export interface StepPlaceholder { path: string; placeholder: string }
export interface StepArgument { name?: string; type: string; value: StepParameter }

/** What `reviewStep` returns. */
export interface StepReview {
  to: string;
  value: string;
  /** `0x` + 8 hex digits; `null` for a bare value transfer. */
  selector: string | null;
  functionName: string;
  /** Canonical signature, types only. */
  signature: string;
  arguments: StepArgument[];
  /** The call data; `null` while placeholders have no value. */
  calldata: Uint8Array | null;
  placeholders: StepPlaceholder[];
  warnings: StepWarning[];
}

/** An integer as a decimal or `0x` string, a safe-integer number, or a bigint. */
export type IntegerLike = string | number | bigint;

/** One field of a typed-data struct. */
export interface TypedDataField { name: string; type: string }

/**
 * The `eth_signTypedData_v4` object (viem's typed data, `as const` included,
 * passes as is). `EIP712Domain` is derived from the domain's fields when absent.
 */
export interface TypedDataDefinition {
  types: Record<string, readonly TypedDataField[]>;
  primaryType: string;
  domain: {
    name?: string;
    version?: string;
    chainId?: IntegerLike;
    verifyingContract?: string;
    salt?: string;
    [field: string]: unknown;
  };
  message: Record<string, unknown>;
}

/** Permit2 SignatureTransfer `PermitTransferFrom`; `permit2Address` defaults to the canonical deployment. */
export interface Permit2TransferArgs {
  chainId: IntegerLike;
  token: string;
  amount: IntegerLike;
  /** The contract that will call Permit2 (it is signed as `spender`). */
  spender: string;
  nonce: IntegerLike;
  deadline: IntegerLike;
  permit2Address?: string;
}
export interface Permit2TokenPermissions { token: string; amount: IntegerLike }
export interface Permit2BatchTransferArgs {
  chainId: IntegerLike;
  permitted: Permit2TokenPermissions[];
  spender: string;
  nonce: IntegerLike;
  deadline: IntegerLike;
  permit2Address?: string;
}
/** A witness: its struct type name, the struct definitions it needs, and its value. */
export interface Permit2Witness {
  typeName: string;
  types: Record<string, TypedDataField[]>;
  value: Record<string, unknown>;
}
/** With `permitted` (a list) it is the batch form; else `token` and `amount`. */
export type Permit2WitnessTransferArgs =
  | (Permit2TransferArgs & { witness: Permit2Witness })
  | (Permit2BatchTransferArgs & { witness: Permit2Witness });
export interface Permit2Details { token: string; amount: IntegerLike; expiration: IntegerLike; nonce: IntegerLike }
export interface Permit2SingleArgs {
  chainId: IntegerLike;
  details: Permit2Details;
  spender: string;
  sigDeadline: IntegerLike;
  permit2Address?: string;
}
export interface Permit2BatchArgs {
  chainId: IntegerLike;
  details: Permit2Details[];
  spender: string;
  sigDeadline: IntegerLike;
  permit2Address?: string;
}
/** A swap API's `params_to_sign` for `approval_type: "permit2"`. */
export interface Permit2ParamsToSign {
  escrow_contract_address: string;
  permit2_contract_address: string;
  resolver_deposit_address?: string;
  nonce: IntegerLike;
  additional_data: {
    domain: Record<string, unknown>;
    types: Record<string, TypedDataField[]>;
    witness: Record<string, unknown>;
    witness_type_string: string;
    witness_hash: string;
  };
  [field: string]: unknown;
}
export interface Permit2ParamsToSignArgs { token: string; amount: IntegerLike; deadline: IntegerLike }

export type Permit2WarningCode =
  | "NON_CANONICAL_PERMIT2"
  | "DOMAIN_FIELD_IGNORED"
  | "UNLIMITED_AMOUNT"
  | "DEADLINE_PASSED"
  | "DEADLINE_FAR"
  | "UNKNOWN_SPENDER"
  | "CHAIN_MISMATCH";
export type Permit2Warning = ReviewWarning<Permit2WarningCode>;

/** The primary types of the Permit2 builders' typed data. */
export type Permit2PrimaryType =
  | "PermitTransferFrom"
  | "PermitBatchTransferFrom"
  | "PermitWitnessTransferFrom"
  | "PermitBatchWitnessTransferFrom"
  | "PermitSingle"
  | "PermitBatch";

/**
 * The typed data a Permit2 builder returns: the exact `eth_signTypedData_v4`
 * object, which viem's `hashTypedData`/`signTypedData` also take unchanged.
 * `domain.chainId` is a JS number (a chain id above 2^53 - 1 is refused with
 * `INVALID_NUMBER`); addresses are EIP-55; `types` includes `EIP712Domain`;
 * in `message`, uint values are decimal strings and addresses EIP-55 strings.
 */
export interface Permit2TypedData {
  types: Record<string, TypedDataField[]>;
  primaryType: Permit2PrimaryType;
  domain: { name: "Permit2"; chainId: number; verifyingContract: Hex };
  message: Record<string, unknown>;
}

/** What the Permit2 builders return; `typedData` is the exact `eth_signTypedData_v4` object. */
export interface Permit2Request {
  typedData: Permit2TypedData;
  digest: Uint8Array;
  /** Witness transfers: the `witnessTypeString` argument of `permitWitnessTransferFrom`. */
  witnessTypeString: string | null;
  /** Witness transfers: `hashStruct(witness)`, the `witness` argument. */
  witnessHash: Uint8Array | null;
  warnings: Permit2Warning[];
}
export interface Permit2ApprovalBody { approval_type: "permit2"; signed_data: string }
export interface Permit2ReviewOptions {
  /** Milliseconds since the Unix epoch. */
  now?: number;
  knownSpenders?: string[];
  /** The wallet's chain: a domain signed for another chain (or none) is `CHAIN_MISMATCH` (danger). */
  expectedChainId?: IntegerLike;
}
export interface Permit2Review { lines: string[]; warnings: Permit2Warning[] }

/** An EIP-7702 authorization; `contractAddress` is accepted for `address`. */
export interface Eip7702Authorization {
  chainId: IntegerLike;
  address?: string;
  contractAddress?: string;
  nonce: IntegerLike;
}
/**
 * A signed authorization (`chainAuthorizations` entry shape): `chainId` (up to
 * 2^256 - 1) and `nonce` (up to 2^64 - 1) as decimal strings, the address EIP-55.
 */
export interface Eip7702SignedAuthorization {
  chainId: string;
  address: Hex;
  nonce: string;
  r: Hex;
  s: Hex;
  yParity: 0 | 1;
}
export type Eip7702Warning = ReviewWarning<"ANY_CHAIN" | "CLEARS_DELEGATION" | "NONCE_MAX" | "UNKNOWN_DELEGATE">;
/** Options of `reviewEip7702Authorization`. */
export interface Eip7702ReviewOptions {
  /** Delegate contracts the wallet trusts: a (non-zero) delegate outside the list is `UNKNOWN_DELEGATE` (danger); without the list, `UNKNOWN_DELEGATE` (warning). */
  knownDelegates?: string[];
}

/** An Intents Connect execution as the API returns it (only the fields read here are typed). */
export interface Execution {
  id?: string;
  status?: string;
  createdAt?: string;
  executionMode?: string;
  type?: string;
  version?: string;
  metadata?: Record<string, unknown>;
  quote?: Record<string, unknown>;
  details?: {
    signingStandard?: Standard | "ton_connect";
    messageToSign?: string;
    intermediaryAddress?: string;
    payload?: { payload_json?: string; payload_bytes_base64?: string; standard?: Standard | "ton_connect" };
    [field: string]: unknown;
  };
  steps?: EvmStep[];
  [field: string]: unknown;
}

export interface PrepareSigningOptions {
  /** The origin wallet: an EVM address, a NEAR account, or a Solana public key. */
  wallet: string;
  /** Milliseconds since the Unix epoch; the deadline must be later. */
  now?: number;
  /** Defaults to "intents.near". */
  verifyingContract?: string;
  /** Contracts the user expects the steps to call or pay (tokens, pools): no `UNKNOWN_RECIPIENT` for them. */
  knownContracts?: string[];
  /** Accounts or addresses the user expects intents to send tokens to: no `FOREIGN_RECIPIENT` for them. */
  knownRecipients?: string[];
}

/**
 * EVM wallets (`erc191`): the EIP-1193 request, as is:
 * `provider.request(walletRequest)`, viem's `walletClient.request(walletRequest)`,
 * or `signMessage({ message: { raw: walletRequest.params[0] } })`. The message
 * is `0x` + the hex of the payload's UTF-8 bytes (what viem sends and MetaMask
 * shows as text); the address is the EIP-55 wallet.
 */
export interface Erc191WalletRequest { method: "personal_sign"; params: [message: Hex, address: Hex] }
/**
 * NEAR wallets (`nep413`): the NEP-413 `signMessage` parameters. `nonce` is 32
 * bytes; `@near-wallet-selector/core` checks `Buffer.isBuffer(nonce)`, so pass
 * `{ ...walletRequest, nonce: Buffer.from(walletRequest.nonce) }` there.
 */
export interface Nep413WalletRequest { message: string; recipient: string; nonce: Uint8Array; callbackUrl?: string }
/** Solana wallets (`raw_ed25519`): `signMessage(walletRequest.message)`, the payload's UTF-8 bytes. */
export interface RawEd25519WalletRequest { message: Uint8Array }

/**
 * Exactly what to hand the wallet. Narrow it through the request's `standard`,
 * or with `"method" in r` (EVM) and `"recipient" in r` (NEAR).
 */
export type WalletRequest = Erc191WalletRequest | Nep413WalletRequest | RawEd25519WalletRequest;

/** The wallet request of each standard. */
export interface WalletRequestByStandard {
  erc191: Erc191WalletRequest;
  nep413: Nep413WalletRequest;
  raw_ed25519: RawEd25519WalletRequest;
}

/** The standards of an execution's wallet kinds: EVM, NEAR, Solana. */
export type ExecutionStandard = keyof WalletRequestByStandard;

export type ExecutionWarning = ReviewWarning;

/** The fields of a `SigningRequest` that every standard has. */
export interface SigningRequestFields {
  executionId: string;
  /** The wallet: an EIP-55 address for EVM (whatever case was given), the account for NEAR, the base58 key for Solana. */
  wallet: string;
  signerId: string;
  /** `payload_json`, verbatim. */
  payloadJson: string;
  intent: DecodedIntent;
  intentHash: Uint8Array;
  intentHashBase58: string;
  steps: StepReview[];
  quote: Record<string, unknown> | null;
  /** With a quote: whether it accounts for every token that leaves the signer (else `QUOTE_MISMATCH`). */
  quoteMatches: boolean | null;
  /** What executes: one entry per intent, then one per step. */
  entries: ReviewEntry[];
  /** Human-readable lines, most important first; outside strings quoted. */
  review: string[];
  /** Findings, most severe first. */
  warnings: ExecutionWarning[];
}

/** A `SigningRequest` of one standard, with that standard's wallet request. */
export interface SigningRequestOf<S extends ExecutionStandard> extends SigningRequestFields {
  standard: S;
  walletRequest: WalletRequestByStandard[S];
}

/**
 * What `prepareSigning` returns; pass it back to `finishSigning`. A union on
 * `standard`: `if (request.standard === "erc191")` narrows `walletRequest`
 * to the `personal_sign` request.
 */
export type SigningRequest = SigningRequestOf<"erc191"> | SigningRequestOf<"nep413"> | SigningRequestOf<"raw_ed25519">;

/**
 * What wallets return: EVM `0x` + 130 hex (v 27/28 or 0/1) or 65 bytes; Solana 64
 * bytes or `{ signature }`; NEAR `{ accountId, publicKey, signature }` with the
 * signature as base64, `"ed25519:<base58>"` or bytes, the key with or without `ed25519:`.
 */
export type WalletOutput =
  | string
  | Uint8Array
  | { signature: string | Uint8Array; publicKey?: string; accountId?: string };

/** What `finishSigning` returns. */
export interface FinishedSigning {
  /** The body of `POST /api/v1/executions/{wallet}/submit`. */
  submitBody: { executionId: string; signature: string; publicKey?: string };
  multiPayload: MultiPayload;
  signerId: string;
  intentHash: Uint8Array;
  intentHashBase58: string;
}

export interface DeleteRequestOptions {
  /** NEAR wallets: the NEP-413 nonce (32 bytes); random when absent. */
  nonce?: Uint8Array;
}

/** A `DeleteRequest` of one standard, with that standard's wallet request. */
export interface DeleteRequestOf<S extends ExecutionStandard> {
  standard: S;
  executionId: string;
  wallet: string;
  /** `delete_execution:<id>`. */
  message: string;
  payloadJson: string;
  walletRequest: WalletRequestByStandard[S];
}

/** What `deleteExecutionRequest` returns; pass it back to `finishDeleteSigning`. A union on `standard`. */
export type DeleteRequest = DeleteRequestOf<"erc191"> | DeleteRequestOf<"nep413"> | DeleteRequestOf<"raw_ed25519">;

/** The JSON body of `DELETE /api/v1/executions/{wallet}/{executionId}`. */
export type DeleteBody =
  | { signature: string }
  | { signature: string; publicKey: string }
  | { signature: string; publicKey: string; nep413: { nonce: string; recipient: string } };

/** A create-execution body (`POST /api/v1/executions/{wallet}` or `/steps`). */
export interface CreateExecutionRequest {
  version?: string;
  type?: "evm" | "solana";
  dry?: boolean;
  outOperation?: boolean;
  quote?: {
    amount?: string;
    deadline?: string;
    destinationAsset?: string;
    originAsset?: string;
    recipient?: string;
    slippageTolerance?: number;
    swapType?: "EXACT_INPUT" | "EXACT_OUTPUT";
  };
  destinationAsset?: string;
  steps?: EvmStep[];
  metadata?: Record<string, unknown>;
  publicKey?: string;
  addressLookupTables?: string[];
}

export interface ValidateExecutionRequestOptions { kind: "quote" | "steps" }

/** What `buildInfo()` returns. */
export interface BuildInfo {
  version: string;
  gitHead: string;
  rustc: string;
}

/** What `constants()` returns: the core's values a page needs, never copied. */
export interface Constants {
  /** Permit2's canonical deployment (every chain but zkSync Era). */
  permit2Address: Hex;
  permit2AddressZksync: Hex;
  /** Most EVM steps in one execution (else `TOO_MANY_STEPS`). */
  maxSteps: number;
  /** Most Solana steps in one execution. */
  maxSolanaSteps: number;
  /** The verifier contract `prepareSigning` expects by default. */
  verifyingContract: string;
  /** The statuses in which an execution is signed (else `INVALID_STATUS`). */
  signableStatuses: string[];
}
"#;
