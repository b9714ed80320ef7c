// HTTP for the demo page.
//
// The Intents Connect API (/api/v1) goes through the package's own client,
// `intent-signer/intents-connect` (served at /pkg/intents-connect.js by
// server.mjs). The page shows every exchange as it was (status, raw body with
// its `{result}` envelope), so the client is given a recording `fetch` (its
// documented `fetch` option): it adds the timeout, records what came back and,
// for a create call only, appends `?scenario=`. That last part is the one
// thing the client cannot do itself: it has no way to add a query parameter
// to the create routes, and `scenario` is a switch of the embedded mock only
// (www/mock/README.md, "Scenarios"), never part of the API.
//
// The swap intents API (/v1) and the actions API (/actions) are not Intents
// Connect: `http()` below is the plain fetch for them.

import { IntentsConnectError, intentsConnect } from "/pkg/intents-connect.js";
import { jsonText } from "./wallets.js";

const HTTP_TIMEOUT_MS = 30_000;

/** A non-2xx answer (or none: status 0), with the server's error text. */
export class HttpError extends Error {
  constructor(method, url, status, body, text) {
    const serverText = serverErrorText(body, text);
    super(`${method} ${url} answered ${status || "nothing"}${serverText ? `: ${serverText}` : ""}`);
    this.method = method;
    this.url = url;
    this.status = status;
    this.body = body;
    this.serverText = serverText;
  }
}

function serverErrorText(body, text) {
  if (body && typeof body === "object") {
    if (typeof body.error === "string") return body.error;
    if (body.error && typeof body.error.message === "string") return body.error.message;
    if (typeof body.message === "string") return body.message;
  }
  return text ? String(text).slice(0, 500) : "";
}

function parseJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

const reachError = (e, url) => `${e?.name === "TimeoutError" ? "timed out" : "could not reach"} ${url}: ${e?.message ?? e}`;

/** The API base from the settings, or the page's own origin (the embedded mock). */
export function apiBase() {
  const v = document.querySelector('[data-testid="api-base"]').value.trim().replace(/\/+$/, "");
  return v || location.origin;
}

/** `?scenario=` reaches the embedded mock only: never an API on another origin. */
export function scenarioQuery(scenario) {
  return scenario && apiBase() === location.origin ? `scenario=${encodeURIComponent(scenario)}` : "";
}

/**
 * One call to the Intents Connect API through the package's client:
 * `await intentsConnectCall((client) => client.createExecution(wallet, body))`.
 * Resolves to `{value, status, body, method, path}`: `value` is the client's
 * answer (the unwrapped `result`), the rest is the exchange as shown on the
 * page. `query` (create calls only) is appended to the URL. A refusal or a
 * network error becomes an HttpError, as for the other APIs.
 */
export async function intentsConnectCall(call, { query = "" } = {}) {
  const base = apiBase();
  const exchange = { method: "GET", path: "", status: 0, body: null, text: "" };
  const client = intentsConnect({
    baseUrl: base,
    fetch: async (url, init) => {
      const target = query ? `${url}${url.includes("?") ? "&" : "?"}${query}` : url;
      exchange.method = init.method;
      exchange.path = target.startsWith(base) ? target.slice(base.length) : target;
      let res;
      try {
        res = await fetch(target, { ...init, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
      } catch (e) {
        exchange.text = reachError(e, target);
        throw e;
      }
      const text = await res.text();
      Object.assign(exchange, { status: res.status, body: parseJson(text), text });
      return { status: res.status, text: async () => text };
    },
  });
  try {
    const value = await call(client);
    return { value, status: exchange.status, body: exchange.body, method: exchange.method, path: exchange.path };
  } catch (e) {
    if (!(e instanceof IntentsConnectError)) throw e;
    throw new HttpError(exchange.method, exchange.path, e.status, e.status ? exchange.body : null, exchange.text || e.message);
  }
}

/** fetch with JSON in and out, for the swap intents and actions APIs; non-2xx → HttpError. */
export async function http(method, path, body) {
  const url = apiBase() + path;
  let res;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? { accept: "application/json" } : { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : jsonText(body),
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
  } catch (e) {
    throw new HttpError(method, path, 0, null, reachError(e, url));
  }
  const text = await res.text();
  const json = parseJson(text);
  if (!res.ok) throw new HttpError(method, path, res.status, json, text);
  return { status: res.status, body: json, method, path };
}
