// intent-signer/intents-connect: thin fetch helpers for the Aurora Intents
// Connect API (the 8 routes of its OpenAPI document). No dependencies, no
// WebAssembly: plain ESM over `fetch`. Everything signing-related stays in
// the main module (prepareSigning / finishSigning / deleteExecutionRequest /
// finishDeleteSigning); these helpers only move JSON.
//
//   GET    /api/v1/supported_tokens?flow=inOperation|outOperation
//   GET    /api/v1/executions/{wallet}/intermediary?publicKey=
//   POST   /api/v1/executions/{wallet}            (x-api-key)
//   POST   /api/v1/executions/{wallet}/steps      (x-api-key)
//   POST   /api/v1/executions/{wallet}/submit
//   POST   /api/v1/executions/deposit/submit
//   GET    /api/v1/executions/{wallet}?id=&status=   (always an array)
//   DELETE /api/v1/executions/{wallet}/{executionId} (JSON body)
//
// API key: `x-api-key` is sent only when `apiKey` is given, and only on the
// two create routes (the only ones priced per key; the official SDK scopes it
// the same way). With `apiKeyProxyUrl` the create routes go to that URL
// instead of `baseUrl` and no key is sent from here: the proxy (your server)
// adds it, so the key never ships to a browser.

/** Thrown for a non-2xx answer, an `{error}` body, a body that is not JSON, or a failed fetch. */
export class IntentsConnectError extends Error {
  /**
   * @param {string} message
   * @param {{ status: number, code: string, body?: unknown, url?: string, method?: string, cause?: unknown }} details
   */
  constructor(message, details) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "IntentsConnectError";
    /** The HTTP status; 0 when no response arrived. */
    this.status = details.status;
    /** `HTTP_<status>`, `INVALID_RESPONSE` (a 2xx body that is not JSON) or `NETWORK_ERROR`. */
    this.code = details.code;
    /** The parsed response body (or its text when it is not JSON); undefined without a response. */
    this.body = details.body;
    this.url = details.url;
    this.method = details.method;
  }
}

const SNIPPET = 200;

function joinUrl(base, path) {
  if (typeof base !== "string" || base === "") throw new TypeError("intentsConnect: baseUrl must be a non-empty string");
  return base.replace(/\/+$/, "") + "/" + path;
}

function segment(value, name) {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`intentsConnect: ${name} must be a non-empty string`);
  }
  return encodeURIComponent(value);
}

function listParam(value) {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(",") : String(value);
}

/**
 * @param {{ baseUrl: string, apiKey?: string, apiKeyProxyUrl?: string, fetch?: typeof globalThis.fetch }} options
 */
export function intentsConnect(options) {
  if (options === null || typeof options !== "object") throw new TypeError("intentsConnect: options must be an object");
  const { baseUrl, apiKey, apiKeyProxyUrl } = options;
  joinUrl(baseUrl, ""); // validates baseUrl now rather than on the first call
  if (apiKeyProxyUrl !== undefined) joinUrl(apiKeyProxyUrl, "");
  const fetchImpl = options.fetch;

  async function request({ method = "GET", path, query, body, create = false }) {
    const base = create && apiKeyProxyUrl !== undefined ? apiKeyProxyUrl : baseUrl;
    let url = joinUrl(base, path);
    if (query) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, v);
      const qs = params.toString();
      if (qs) url += "?" + qs;
    }
    const headers = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (create && apiKey !== undefined && apiKeyProxyUrl === undefined) headers["x-api-key"] = apiKey;
    const doFetch = fetchImpl ?? globalThis.fetch;
    if (typeof doFetch !== "function") {
      throw new IntentsConnectError("intentsConnect: no fetch available (pass options.fetch)", {
        status: 0,
        code: "NETWORK_ERROR",
        url,
        method,
      });
    }
    let response;
    let text;
    try {
      response = await doFetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      text = await response.text();
    } catch (cause) {
      throw new IntentsConnectError(`${method} ${url} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
        status: response ? response.status : 0,
        code: "NETWORK_ERROR",
        url,
        method,
        cause,
      });
    }
    const status = response.status;
    let payload;
    let isJson = true;
    if (text.trim() === "") {
      payload = undefined;
    } else {
      try {
        payload = JSON.parse(text);
      } catch {
        isJson = false;
        payload = text;
      }
    }
    const serverError =
      isJson && payload !== null && typeof payload === "object" && !Array.isArray(payload) && "error" in payload
        ? payload.error
        : undefined;
    const ok = status >= 200 && status < 300;
    if (!ok || serverError !== undefined) {
      let message;
      if (typeof serverError === "string" && serverError !== "") message = serverError;
      else if (serverError !== undefined && serverError !== null) message = JSON.stringify(serverError);
      else {
        const snippet = isJson ? "" : text.trim().slice(0, SNIPPET);
        message = `Intents Connect API responded ${status}${snippet ? ": " + snippet : ""}`;
      }
      throw new IntentsConnectError(message, { status, code: `HTTP_${status}`, body: payload, url, method });
    }
    if (!isJson) {
      throw new IntentsConnectError(
        `Intents Connect API returned a body that is not JSON for ${method} ${path}: ${text.trim().slice(0, SNIPPET)}`,
        { status, code: "INVALID_RESPONSE", body: text, url, method },
      );
    }
    // Successful answers are wrapped as {result: …}; a bare body is passed through.
    if (payload !== null && typeof payload === "object" && !Array.isArray(payload) && "result" in payload) {
      return payload.result;
    }
    return payload;
  }

  async function listExecutions(wallet, query = {}) {
    const result = await request({
      path: `api/v1/executions/${segment(wallet, "wallet")}`,
      query: { id: listParam(query.id), status: listParam(query.status) },
    });
    if (Array.isArray(result)) return result;
    return result === undefined || result === null ? [] : [result];
  }

  return {
    async createExecution(wallet, body) {
      return request({ method: "POST", path: `api/v1/executions/${segment(wallet, "wallet")}`, body, create: true });
    },
    async createStepsExecution(wallet, body) {
      return request({ method: "POST", path: `api/v1/executions/${segment(wallet, "wallet")}/steps`, body, create: true });
    },
    listExecutions,
    async getExecution(wallet, id) {
      segment(id, "id");
      const list = await listExecutions(wallet, { id });
      return list[0];
    },
    async submitSignature(wallet, submitBody) {
      return request({ method: "POST", path: `api/v1/executions/${segment(wallet, "wallet")}/submit`, body: submitBody });
    },
    async submitDeposit(deposit) {
      return request({ method: "POST", path: "api/v1/executions/deposit/submit", body: deposit });
    },
    async deleteExecution(wallet, executionId, deleteBody) {
      return request({
        method: "DELETE",
        path: `api/v1/executions/${segment(wallet, "wallet")}/${segment(executionId, "executionId")}`,
        body: deleteBody,
      });
    },
    async supportedTokens(flow) {
      return request({ path: "api/v1/supported_tokens", query: { flow } });
    },
    async intermediary(wallet, query = {}) {
      return request({
        path: `api/v1/executions/${segment(wallet, "wallet")}/intermediary`,
        query: { publicKey: query.publicKey },
      });
    },
  };
}
