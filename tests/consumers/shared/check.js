// The known-answer probe every consumer app runs on each entry it imports.
// The harness (run.mjs) copies this file into every app as ./check.js (and a
// CommonJS twin, check.cjs, for the require() apps) and compares what the app
// reports with EXPECTED below.
//
// An app reports one line, "RESULT <probe> <probe> ...", where a probe is
// `<entry>{pre=<...>,erc191Hash=<hex>,nep413Hash=<hex>}` built from the
// functions the entry exports: in document.title (browser), in the worker's or
// service worker's message, or on stdout (Node).

/** erc191Hash("Hello world!"): viem hashMessage("Hello world!") and near/intents crates/erc191. */
export const ERC191_MESSAGE = "Hello world!";
/** nep413Hash of the README's payload: vector nep413-001 (tests/vectors/generated/nep413.json, near-api-js). */
export const NEP413_PAYLOAD = {
  message: "Hello NEAR!",
  nonce: "KNV0cOpvJ50D5vfF9pqWom8wo2sliQ4W+Wa7uZ3Uk6Y=",
  recipient: "example.near",
  callbackUrl: "http://localhost:3000",
};

export function hex(bytes) {
  if (!(bytes instanceof Uint8Array)) return `not-a-Uint8Array:${Object.prototype.toString.call(bytes)}`;
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

function describe(error) {
  const code = error && error.code ? `${error.code} ` : "";
  const message = error && error.message ? error.message : String(error);
  return `threw ${code}${message}`.replace(/[{},\n]/g, " ").slice(0, 300);
}

/**
 * Calls the known-answer functions the entry module `mod` exports and returns
 * `<name>{erc191Hash=<hex>,nep413Hash=<hex>}`; `pre` (from probeBeforeReady)
 * goes first when given.
 */
export function probe(name, mod, pre) {
  const parts = [];
  if (pre !== undefined) parts.push(`pre=${pre}`);
  if (typeof mod.erc191Hash === "function") {
    try {
      parts.push(`erc191Hash=${hex(mod.erc191Hash(ERC191_MESSAGE))}`);
    } catch (error) {
      parts.push(`erc191Hash=${describe(error)}`);
    }
  }
  if (typeof mod.nep413Hash === "function") {
    try {
      parts.push(`nep413Hash=${hex(mod.nep413Hash(NEP413_PAYLOAD))}`);
    } catch (error) {
      parts.push(`nep413Hash=${describe(error)}`);
    }
  }
  if (typeof mod.ready !== "function") parts.push("ready=missing");
  if (typeof mod.initSync !== "function") parts.push("initSync=missing");
  return `${name}{${parts.join(",")}}`;
}

/**
 * Calls a known-answer function before the module is ready: the contract says
 * it throws an Error with code NOT_INITIALIZED. Returns that code, or what
 * happened instead.
 */
export function probeBeforeReady(mod) {
  const fn = typeof mod.erc191Hash === "function" ? () => mod.erc191Hash(ERC191_MESSAGE)
    : typeof mod.nep413Hash === "function" ? () => mod.nep413Hash(NEP413_PAYLOAD)
    : undefined;
  if (!fn) return "no-function";
  try {
    fn();
    return "did-not-throw";
  } catch (error) {
    if (error instanceof Error && error.code === "NOT_INITIALIZED") return "NOT_INITIALIZED";
    return describe(error);
  }
}
