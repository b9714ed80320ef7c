// Constants of the demo page, in one place.
//
// The core's values come from the package itself (`constants()`), never
// copied: the module waits for the wasm to be ready (ready() is idempotent; the
// page's entry calls it too).

import { constants, ready } from "/pkg/all/index.js";

await ready();
const core = constants();

/** Permit2's canonical deployment (`evm::permit2::PERMIT2_ADDRESS`). */
export const PERMIT2_ADDRESS = core.permit2Address;
/** The API's cap on EVM steps (`evm::step::MAX_STEPS`; TOO_MANY_STEPS). */
export const MAX_STEPS = core.maxSteps;
/** The verifier contract prepareSigning expects by default (WRONG_VERIFYING_CONTRACT). */
export const VERIFYING_CONTRACT = core.verifyingContract;
/** The statuses prepareSigning signs in (else INVALID_STATUS). */
export const SIGNABLE_STATUSES = core.signableStatuses;

// The demo's own values (not from the core): the recipes' contracts on Base
// and the EIP-7702 delegate the actions flow trusts.

export const USDC_BASE = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";
export const USDC_BASE_ASSET = "nep141:base-0x833589fcd6edb6e08f4c7c32d4f71b54bda02913.omft.near";
export const AAVE_POOL_BASE = "0xA238Dd80C259a72e81d7e4664a9801593F98d1c5";
/** The EIP-7702 delegate contract the demo's actions flow designates and trusts. */
export const KNOWN_DELEGATE = "0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B";
