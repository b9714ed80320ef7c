// The Intents Connect forms: the intermediary of the connected wallet, the
// supported tokens (both through the package's client, api.js), the token
// selects and the step recipes the page fills in. Used by
// flows/intents-connect.js and by main.js when the wallet or the API base
// changes.

import { intentsConnectCall } from "../api.js";
import { AAVE_POOL_BASE, USDC_BASE, USDC_BASE_ASSET } from "../constants.js";
import { $, FlowError, h } from "../ui.js";

/** GET /api/v1/executions/{wallet}/intermediary into `state.intermediary` (null when unknown). */
export async function loadIntermediary(state) {
  const wallet = state.wallet;
  if (!wallet) return;
  try {
    state.intermediary = (await intentsConnectCall((api) => api.intermediary(wallet.address))).value;
  } catch (e) {
    state.intermediary = null;
    $("quote-steps-note").textContent = `Could not read the intermediary address: ${e.message}`;
  }
}

/** GET /api/v1/supported_tokens for both flows into `state.tokens`, then fills the selects. */
export async function loadTokens(state) {
  for (const flow of ["inOperation", "outOperation"]) {
    try {
      state.tokens[flow] = (await intentsConnectCall((api) => api.supportedTokens(flow))).value;
    } catch (e) {
      state.tokens[flow] = { in: [], out: [], error: e.message };
    }
  }
  fillTokenSelects(state);
}

function tokenLabel(t) {
  return `${t.symbol ?? "?"} (${t.blockchain ?? "?"}) · ${t.assetId}`;
}

/** Fills a token select; keeps the user's own choice, else takes the first preferred asset listed. */
function fillSelect(select, list, preferred) {
  const previous = select.dataset.touched ? select.value : null;
  select.replaceChildren(...(list ?? []).map((t) => h("option", { value: t.assetId }, tokenLabel(t))));
  const pick = [previous, ...preferred].find((id) => id && (list ?? []).some((t) => t.assetId === id));
  if (pick) select.value = pick;
}

/** The asset a wallet of this kind naturally brings in (or receives on the way out). */
function homeAssets(state) {
  switch (state.wallet?.kind) {
    case "near":
      return ["nep141:wrap.near"];
    case "solana":
      return ["nep141:sol.omft.near"];
    default:
      return ["nep141:arb-0xaf88d065e77c8cc2239327c5edb3a432268e5831.omft.near", "nep141:eth.omft.near"];
  }
}

/** About 5 USD of the origin asset, in atomic units, unless the user typed an amount. */
export function autoAmount(state) {
  const input = $("quote-amount");
  if (input.dataset.touched) return;
  const t = findToken(state, $("quote-origin").value);
  if (!t || typeof t.price !== "number" || !(t.price > 0) || typeof t.decimals !== "number") return;
  const units = 5 / t.price;
  const digits = Math.max(0, t.decimals - 6);
  const scaled = BigInt(Math.max(1, Math.round(units * 10 ** Math.min(6, t.decimals)))) * 10n ** BigInt(digits);
  input.value = scaled.toString();
}

function findToken(state, assetId) {
  for (const f of Object.values(state.tokens)) {
    for (const t of [...(f?.in ?? []), ...(f?.out ?? [])]) if (t.assetId === assetId) return t;
  }
  return null;
}

export function fillTokenSelects(state) {
  const recipe = $("quote-recipe").value;
  const flow = recipe === "aave-withdraw" ? "outOperation" : "inOperation";
  const list = state.tokens[flow] ?? { in: [], out: [] };
  if (recipe === "aave-withdraw") {
    fillSelect($("quote-origin"), list.in, [USDC_BASE_ASSET]);
    fillSelect($("quote-destination"), list.out, [...homeAssets(state), "nep141:sol.omft.near"]);
  } else {
    fillSelect($("quote-origin"), list.in, [...homeAssets(state), "nep141:sol.omft.near"]);
    fillSelect($("quote-destination"), list.out, [USDC_BASE_ASSET]);
  }
  fillSelect($("steps-destination"), state.tokens.inOperation?.out ?? [], [USDC_BASE_ASSET]);
  autoAmount(state);
  const err = state.tokens[flow]?.error;
  $("quote-amount-human").textContent = err ? `Could not load the token list: ${err}` : amountHint(state);
}

function amountHint(state) {
  const t = findToken(state, $("quote-origin").value);
  const raw = $("quote-amount").value.trim();
  if (!t || !/^\d+$/.test(raw) || typeof t.decimals !== "number") return "";
  const s = raw.padStart(t.decimals + 1, "0");
  const whole = s.slice(0, s.length - t.decimals);
  const frac = s.slice(s.length - t.decimals).replace(/0+$/, "");
  return `= ${whole}${frac ? "." + frac : ""} ${t.symbol}`;
}

function evmIntermediary(state) {
  return state.intermediary?.evm ?? "0x0000000000000000000000000000000000000000";
}

function quoteRecipeSteps(state) {
  const inter = evmIntermediary(state);
  if ($("quote-recipe").value === "aave-withdraw") {
    const amount = $("quote-amount").value.trim() || "0";
    return [
      {
        to: AAVE_POOL_BASE,
        functionSignature: "withdraw(address,uint256,address)",
        parameters: [USDC_BASE, amount, inter],
        value: "0",
        metadata: { name: "Withdraw from Aave", description: "Aave v3 Pool on Base: withdraw USDC to the intermediary" },
      },
      {
        to: USDC_BASE,
        functionSignature: "transfer(address,uint256)",
        parameters: ["{DEPOSIT_ADDRESS}", amount],
        value: "0",
        metadata: { name: "Bridge out", description: "send the USDC to the 1Click deposit address" },
      },
    ];
  }
  return [
    {
      to: USDC_BASE,
      functionSignature: "approve(address,uint256)",
      parameters: [AAVE_POOL_BASE, "{MIN_AMOUNT_OUT}"],
      value: "0",
      metadata: { name: "Approve Aave", description: "let the Aave v3 Pool take the bridged USDC" },
    },
    {
      to: AAVE_POOL_BASE,
      functionSignature: "supply(address,uint256,address,uint16)",
      parameters: [USDC_BASE, "{MIN_AMOUNT_OUT}", inter, "0"],
      value: "0",
      metadata: { name: "Supply to Aave", description: "supply the USDC on behalf of the intermediary" },
    },
  ];
}

function stepsRecipeSteps(state) {
  const inter = evmIntermediary(state);
  if ($("steps-recipe").value === "aave-supply") {
    return [
      { to: USDC_BASE, functionSignature: "approve(address,uint256)", parameters: [AAVE_POOL_BASE, "1000000"], value: "0" },
      { to: AAVE_POOL_BASE, functionSignature: "supply(address,uint256,address,uint16)", parameters: [USDC_BASE, "1000000", inter, "0"], value: "0" },
    ];
  }
  return [
    { to: "0x1111111111111111111111111111111111111111", value: "0", functionSignature: "approve(address,uint256)", parameters: ["0x2222222222222222222222222222222222222222", "1000000000000000000"] },
    { to: "0x2222222222222222222222222222222222222222", value: "0", functionSignature: "requestRedeem(address,uint256)", parameters: [USDC_BASE, "1000000000000000000"] },
    { to: USDC_BASE, value: "0", functionSignature: "transfer(address,uint256)", parameters: [inter, "0"] },
  ];
}

/** Refills a steps textarea from its recipe unless the user edited it. */
function refillSteps(area, steps, force) {
  const text = JSON.stringify(steps, null, 2);
  if (force || !area.dataset.generated || area.value === area.dataset.generated) {
    area.value = text;
    area.dataset.generated = text;
  }
}

export function refreshRecipes(state, force = false) {
  const { wallet, intermediary } = state;
  refillSteps($("quote-steps"), quoteRecipeSteps(state), force);
  refillSteps($("steps-json"), stepsRecipeSteps(state), force);
  const isOut = $("quote-recipe").value === "aave-withdraw";
  $("quote-recipient-field").hidden = !isOut;
  if (isOut && wallet && !$("quote-recipient").dataset.touched) $("quote-recipient").value = wallet.address;
  $("quote-steps-note").textContent = intermediary?.evm
    ? `Intermediary (runs the steps): ${intermediary.evm}`
    : wallet
      ? "The intermediary address is unknown; the recipes use the zero address."
      : "Connect a wallet: the recipes fill in its intermediary address.";
  if (!$("permit2-to-address").dataset.touched && wallet) $("permit2-to-address").value = wallet.address;
  $("quote-amount-human").textContent = amountHint(state);
}

export function parseSteps(area) {
  try {
    return JSON.parse(area.value);
  } catch (e) {
    throw new FlowError("INVALID_JSON", `The steps are not valid JSON: ${e.message}`);
  }
}
