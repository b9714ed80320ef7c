// Hostile executions for the demo's review (`?scenario=NAME` on a non-dry
// create, see README.md "Scenarios"). Each one is an Intents Connect
// execution for the requesting wallet whose payload_json carries intents a
// careful user must see: the page has to refuse it (AMBIGUOUS_PAYLOAD) or flag
// it (danger / warning) before the wallet is asked. Everything else in the
// execution (quote, steps, nonce, deadline, base64 of the bytes) stays valid,
// so a flagged execution can still be signed and submitted after "I understand".
//
// None of this is intent-signer: the intents are written here by hand, with
// the verifier's field names (near/intents `contracts/defuse/core/src/intents`).
import { b58encode, keccak_256, utf8ToBytes } from "./verify.mjs";

/** u128::MAX, the largest amount the verifier parses. */
export const U128_MAX = "340282366920938463463374607431768211455";
/** "another account": where the hostile intents send things. */
export const STRANGER = "mallory.near";
/** The USDC the quote-mismatch scenario quotes (1 USDC = 1000000). */
export const ARB_USDC = "nep141:arb-0xaf88d065e77c8cc2239327c5edb3a432268e5831.omft.near";

const keyOf = (label) => "ed25519:" + b58encode(keccak_256(utf8ToBytes(`intents-connect mock scenario|${label}`)));
/** A public key nobody asked for (a stranger's). */
export const STRANGER_KEY = keyOf("stranger key");

/** `nep141:<contract>` → `<contract>` (the NEP-141 contract an ft_withdraw names). */
const ftContract = (asset) => (asset.startsWith("nep141:") ? asset.slice("nep141:".length) : "wrap.near");

/**
 * Every scenario: `intents(ctx)` gives the intents (ctx: `{token, amount,
 * honest, wallet}`; `honest` is the default transfer), `quote` rewrites the
 * quote request or the quote, `mutate` rewrites the DefusePayload JSON text
 * (the NEP-413 inner message) before it is signed or shown, for what
 * JSON.stringify cannot write (a key given twice). `quoteOnly`: needs a
 * quote-backed create.
 */
export const SCENARIOS = {
  "add-public-key": {
    what: "add_public_key with a stranger's key",
    intents: () => [{ intent: "add_public_key", public_key: STRANGER_KEY }],
  },
  "remove-public-key": {
    what: "remove_public_key",
    intents: () => [{ intent: "remove_public_key", public_key: keyOf("the signer's key") }],
  },
  "disable-auth-by-predecessor": {
    what: "set_auth_by_predecessor_id with enabled: false",
    intents: () => [{ intent: "set_auth_by_predecessor_id", enabled: false }],
  },
  "auth-call": {
    what: "auth_call with an attached_deposit (1 wNEAR)",
    intents: () => [{ intent: "auth_call", contract_id: STRANGER, msg: '{"action":"drain"}', attached_deposit: "1000000000000000000000000" }],
  },
  "ft-withdraw-call": {
    what: "ft_withdraw with msg and storage_deposit",
    intents: ({ token, amount }) => [
      { intent: "ft_withdraw", token: ftContract(token), receiver_id: STRANGER, amount, msg: '{"receiver_id":"mallory.near"}', storage_deposit: "1250000000000000000000" },
    ],
  },
  "native-withdraw": {
    what: "native_withdraw of 5 NEAR to another account",
    intents: () => [{ intent: "native_withdraw", receiver_id: STRANGER, amount: "5000000000000000000000000" }],
  },
  "transfer-max": {
    what: "transfer of u128::MAX to another account",
    intents: ({ token }) => [{ intent: "transfer", receiver_id: STRANGER, tokens: { [token]: U128_MAX } }],
  },
  "mt-withdraw": {
    what: "mt_withdraw to another account",
    intents: () => [{ intent: "mt_withdraw", token: "v2_1.omni.hot.tg", receiver_id: STRANGER, token_ids: ["143_2dmLwYWkCQKyTjeUPAsGJuiVLbFx"], amounts: ["1000000000"] }],
  },
  "nft-withdraw": {
    what: "nft_withdraw to another account",
    intents: () => [{ intent: "nft_withdraw", token: "nft.example.near", receiver_id: STRANGER, token_id: "1" }],
  },
  "token-diff": {
    what: "token_diff giving the token away for 1 yoctoNEAR of wNEAR",
    intents: ({ token, amount }) => [{ intent: "token_diff", diff: { [token]: `-${amount}`, "nep141:wrap.near": "1" } }],
  },
  "imt-mint": {
    what: "imt_mint to another account",
    intents: () => [{ intent: "imt_mint", receiver_id: STRANGER, tokens: { "fake-usdc": "1000000000000" } }],
  },
  "imt-burn": {
    what: "imt_burn",
    intents: () => [{ intent: "imt_burn", minter_id: STRANGER, tokens: { "fake-usdc": "1000000000000" } }],
  },
  "quote-mismatch": {
    what: "a quote of 1 USDC on top of intents moving 1,000,000 USDC to another account",
    quoteOnly: true,
    /** The quote request becomes 1 USDC (on Arbitrum) in, whatever was asked. */
    request: (q, tokenById) => ({ ...q, origin: tokenById.get(ARB_USDC), amount: 1000000n, swapType: "EXACT_INPUT" }),
    intents: ({ honest }) => [...honest, { intent: "transfer", receiver_id: STRANGER, tokens: { [ARB_USDC]: "1000000000000" } }],
  },
  "quote-injection": {
    what: 'a quote whose originAsset carries "\\nIntents: none besides this swap", over an extra transfer to another account',
    quoteOnly: true,
    /** The quote as returned: a line break and a fake review line in originAsset. */
    quote: (quote) => ({ ...quote, originAsset: `${quote.originAsset}\nIntents: none besides this swap` }),
    intents: ({ honest, token, amount }) => [...honest, { intent: "transfer", receiver_id: STRANGER, tokens: { [token]: amount } }],
  },
  "state-init-malformed": {
    what: "a transfer with msg and a malformed state_init (refused: AMBIGUOUS_PAYLOAD)",
    refused: true,
    intents: ({ honest }) => [{ ...honest[0], msg: '{"deposit":true}', state_init: { V1: { code: { hash: "not-base58-0OIl" }, data: {} } } }],
  },
  "duplicate-amount": {
    what: 'an ft_withdraw with "amount" given twice (refused: AMBIGUOUS_PAYLOAD)',
    refused: true,
    intents: ({ token }) => [{ intent: "ft_withdraw", token: ftContract(token), receiver_id: STRANGER, amount: "__DUPLICATE_AMOUNT__" }],
    mutate: (text) => text.replace(/"amount":(\s*)"__DUPLICATE_AMOUNT__"/, `"amount":$1"1","amount":$1"${U128_MAX}"`),
  },
  "duplicate-signer-id": {
    what: 'a payload with "signer_id" given twice (refused: AMBIGUOUS_PAYLOAD)',
    refused: true,
    intents: ({ honest }) => honest,
    mutate: (text) => {
      const key = `"signer_id":`;
      const at = text.lastIndexOf(key);
      if (at < 0) return text;
      return text.slice(0, at) + `${key}${JSON.stringify(STRANGER)},` + text.slice(at);
    },
  },
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS);
