// Types of intent-signer/intents-connect: fetch helpers for the Aurora
// Intents Connect API. Hand-written; the execution and request shapes come
// from the main module's declarations.

import type { CreateExecutionRequest, DeleteBody, Execution, FinishedSigning } from "./all/index.js";

export type { CreateExecutionRequest, DeleteBody, Execution };

/** The part of `fetch` these helpers use (the global `fetch` fits). */
export type IntentsConnectFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; text(): Promise<string> }>;

export interface IntentsConnectOptions {
  /** e.g. `"https://intents-connect-api.aurora.dev"` (a path prefix is kept; a trailing `/` is optional). */
  baseUrl: string;
  /**
   * Sent as `x-api-key`, only on the two create routes (`POST /api/v1/executions/{wallet}`
   * and `/steps`), as the official SDK does; never on the other routes. Not sent when
   * `apiKeyProxyUrl` is set. Keep it server-side: in a browser use `apiKeyProxyUrl`.
   */
  apiKey?: string;
  /** Your server, which adds `x-api-key` and forwards: replaces `baseUrl` for the two create routes. */
  apiKeyProxyUrl?: string;
  /** Defaults to `globalThis.fetch`. */
  fetch?: IntentsConnectFetch;
}

export type ExecutionStatus =
  | "CREATED"
  | "DEPOSIT_PENDING"
  | "DEPOSIT_PROCESSING"
  | "OPERATION_PENDING"
  | "OPERATION_PROCESSING"
  | "SUCCESS"
  | "DEPOSIT_FAILED"
  | "OPERATION_FAILED"
  | "EXPIRED";

/** `POST /submit` answers `SIGNED_PENDING_DEPOSIT` (bridge-in) or `SIGNING` (operation already pending). */
export type SubmitStatus = "SIGNED_PENDING_DEPOSIT" | "SIGNING" | ExecutionStatus;

/** The body of `POST /api/v1/executions/{wallet}/submit` (`finishSigning(...).submitBody`). */
export type SubmitSignatureRequest = FinishedSigning["submitBody"];

/** The body of `POST /api/v1/executions/deposit/submit`. `memo` is required on memo chains (Stellar). */
export interface SubmitDepositRequest {
  txHash: string;
  depositAddress: string;
  memo?: string;
}

/** `flow` of `GET /api/v1/supported_tokens`. */
export type SupportedTokensFlow = "inOperation" | "outOperation";

export interface Token {
  assetId?: string;
  blockchain?: string;
  contractAddress?: string;
  decimals?: number;
  price?: number;
  priceUpdatedAt?: string;
  symbol?: string;
  coingeckoId?: string;
}

export interface SupportedTokens {
  in: Token[];
  out: Token[];
}

/** `GET /api/v1/executions/{wallet}/intermediary`; `solana`/`sui` are `null` when disabled. */
export interface Intermediary {
  originAccount?: string;
  originType?: "evm" | "near" | "solana" | "stellar" | "ton" | "tron";
  evm?: string;
  solana?: string | null;
  sui?: string | null;
}

export interface ListExecutionsQuery {
  /** One id or several (sent comma-separated). */
  id?: string | readonly string[];
  /** One status or several (sent comma-separated). */
  status?: ExecutionStatus | readonly ExecutionStatus[];
}

export interface IntermediaryQuery {
  /** `"ed25519:<base58>"`; required by the API only for TON wallets. */
  publicKey?: string;
}

export type IntentsConnectErrorCode = `HTTP_${number}` | "INVALID_RESPONSE" | "NETWORK_ERROR";

/**
 * Thrown for a non-2xx answer or an `{error}` body (`code` `HTTP_<status>`, the
 * server's `error` text as `message`), a 2xx body that is not JSON
 * (`INVALID_RESPONSE`), or a fetch that failed (`NETWORK_ERROR`, `status` 0, the
 * fetch error as `cause`).
 */
export declare class IntentsConnectError extends Error {
  constructor(
    message: string,
    details: {
      status: number;
      code: IntentsConnectErrorCode;
      body?: unknown;
      url?: string;
      method?: string;
      cause?: unknown;
    },
  );
  readonly name: "IntentsConnectError";
  /** The HTTP status; 0 when no response arrived. */
  status: number;
  code: IntentsConnectErrorCode;
  /** The parsed response body (its text when not JSON); `undefined` without a response. */
  body: unknown;
  url: string | undefined;
  method: string | undefined;
}

/** The 8 routes; every method resolves to the unwrapped `result`. */
export interface IntentsConnectClient {
  /** `POST /api/v1/executions/{wallet}`: a quote-backed execution (200 dry run, 201 created). */
  createExecution(wallet: string, body: CreateExecutionRequest): Promise<Execution>;
  /** `POST /api/v1/executions/{wallet}/steps`: a steps-only execution. */
  createStepsExecution(wallet: string, body: CreateExecutionRequest): Promise<Execution>;
  /** `GET /api/v1/executions/{wallet}?id=&status=`: always an array. */
  listExecutions(wallet: string, query?: ListExecutionsQuery): Promise<Execution[]>;
  /** `listExecutions(wallet, { id })[0]`: `undefined` when there is no such execution. */
  getExecution(wallet: string, id: string): Promise<Execution | undefined>;
  /** `POST /api/v1/executions/{wallet}/submit` with `finishSigning(...).submitBody`. */
  submitSignature(wallet: string, submitBody: SubmitSignatureRequest): Promise<{ status: SubmitStatus }>;
  /** `POST /api/v1/executions/deposit/submit`. */
  submitDeposit(deposit: SubmitDepositRequest): Promise<{ status: SubmitStatus }>;
  /** `DELETE /api/v1/executions/{wallet}/{executionId}` with `finishDeleteSigning(...)` as the JSON body. */
  deleteExecution(wallet: string, executionId: string, deleteBody: DeleteBody): Promise<{ status: "DELETED" }>;
  /** `GET /api/v1/supported_tokens?flow=`. */
  supportedTokens(flow?: SupportedTokensFlow): Promise<SupportedTokens>;
  /** `GET /api/v1/executions/{wallet}/intermediary?publicKey=`. */
  intermediary(wallet: string, query?: IntermediaryQuery): Promise<Intermediary>;
}

export declare function intentsConnect(options: IntentsConnectOptions): IntentsConnectClient;
