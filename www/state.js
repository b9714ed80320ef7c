// The page's state, in one object created by main.js and passed to every
// flow: the settings read from the URL, the connected wallet, and what was
// loaded for it. Nothing else in the page keeps mutable state.

import { FlowError } from "./ui.js";

/** `?pollMs=` (default 1000, at least 100) and `?scenario=NAME` (www/mock/README.md, "Scenarios"). */
export function createState(search = location.search) {
  const params = new URLSearchParams(search);
  return {
    config: {
      pollMs: Math.max(100, Number(params.get("pollMs")) || 1000),
      pollLimitMs: 15 * 60 * 1000,
      /** Forwarded to the embedded mock's create only, never to another API (api.js scenarioQuery). */
      scenario: params.get("scenario") || null,
    },
    /** True while a flow runs (ui.js runFlow). */
    busy: false,
    /** The connected wallet (wallets.js), or null. */
    wallet: null,
    /** `{evm, solana, …}`: the Intents Connect intermediary of the connected wallet, or null. */
    intermediary: null,
    /** GET /api/v1/supported_tokens per flow: `{in, out}`, or `{in: [], out: [], error}`. */
    tokens: { inOperation: null, outOperation: null },
    /** The swap intents API's `{networks, tokens}` (or with `error`), for the Permit2 flow. */
    swapCatalog: null,
  };
}

/** The connected wallet, of `kind` when given; FlowError otherwise. */
export function requireWallet(state, kind) {
  const wallet = state.wallet;
  if (!wallet) throw new FlowError("NO_WALLET", "Connect a wallet first (settings above).");
  if (kind && wallet.kind !== kind) {
    throw new FlowError("WRONG_WALLET_KIND", `This flow needs an ${kind.toUpperCase()} wallet; the connected one is ${wallet.kind}.`, `choose an ${kind.toUpperCase()} wallet (the EVM test wallet works) in the settings`);
  }
  return wallet;
}
