#!/usr/bin/env node
// The intent-signer demo server: node:http only, 127.0.0.1 by default.
//
//   node www/server.mjs [--port N] [--host 127.0.0.1] [--api <url>] [--quiet]
//     env PORT                      the port (default 8080; --port wins)
//     env INTENTS_CONNECT_URL       like --api
//     env INTENTS_CONNECT_API_KEY   the x-api-key added to proxied /api/v1 calls
//
// Serves www/ (index.html, main.js, style.css, ...), the built package at
// /pkg/ (from <repo>/pkg/: the page imports the browser entry
// /pkg/all/index.js and its `intent-signer/intents-connect` client
// /pkg/intents-connect.js), and mounts the mock APIs (see
// www/mock/README.md): Intents Connect at /api/v1/*, the swap-intents API at
// /v1/*, the actions API at /actions*, and the test controls at /__mock/*.
// With --api, /api/v1/* goes to that server instead, with the API key added
// here: the key never reaches the page.
//
//   import { startServer } from "./www/server.mjs";
//   const s = await startServer({ port: 0 }); ... await s.close();
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createIntentsConnectMock } from "./mock/intents-connect.mjs";
import { createSwapMock } from "./mock/swap.mjs";
import { createActionsMock } from "./mock/actions.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..");
export const MAX_BODY_BYTES = 256 * 1024;
const MAX_LOG = 2000;

export const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** Files of www/ never served: the server itself, the mocks, npm's files, dotfiles. */
const PRIVATE_TOP = new Set(["node_modules", "mock", "server.mjs", "package.json", "package-lock.json"]);

export const DEFAULT_CONFIG = Object.freeze({
  statusDelayMs: 800,
  failNext: null,
  failNextOn: null,
  failExecution: false,
  tamperPayload: false,
  prettyPayload: false,
  requireApiKey: null,
  nearAccountKeys: {},
});

const CONFIG_CHECKS = {
  statusDelayMs: (v) => Number.isFinite(v) && v >= 0 && v <= 600000,
  failNext: (v) => v === null || ["400", "401", "409", "413", "500", "502", "503"].includes(String(v)),
  failNextOn: (v) => v === null || ["create", "steps", "submit", "delete", "deposit"].includes(v),
  failExecution: (v) => typeof v === "boolean",
  tamperPayload: (v) => typeof v === "boolean",
  prettyPayload: (v) => typeof v === "boolean",
  requireApiKey: (v) => v === null || typeof v === "boolean" || (typeof v === "string" && v !== ""),
  nearAccountKeys: (v) => v !== null && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((keys) => Array.isArray(keys) && keys.every((k) => typeof k === "string")),
};

/** The shared state of the three mocks and of the controls. */
export function createMock({ now = () => Date.now() } = {}) {
  const mock = {
    config: structuredClone({ ...DEFAULT_CONFIG }),
    log: [],
    now,
  };
  mock.intentsConnect = createIntentsConnectMock(mock);
  mock.swap = createSwapMock(mock);
  mock.actions = createActionsMock(mock);
  mock.reset = () => {
    mock.config = structuredClone({ ...DEFAULT_CONFIG });
    mock.log.length = 0;
    mock.intentsConnect.reset();
    mock.swap.reset();
    mock.actions.reset();
  };
  /** Merges a config patch; throws a message for an unknown key or a bad value. */
  mock.configure = (patch) => {
    if (patch === null || typeof patch !== "object" || Array.isArray(patch)) throw new Error("expected a JSON object");
    for (const [k, v] of Object.entries(patch)) {
      if (!(k in CONFIG_CHECKS)) throw new Error(`unknown config key "${k}" (known: ${Object.keys(CONFIG_CHECKS).join(", ")})`);
      if (!CONFIG_CHECKS[k](v)) throw new Error(`invalid value for ${k}: ${JSON.stringify(v)}`);
    }
    for (const [k, v] of Object.entries(patch)) mock.config[k] = k === "failNext" && v !== null ? String(v) : v;
    return mock.config;
  };
  return mock;
}

function sendJson(res, status, body, extraHeaders = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "content-length": Buffer.byteLength(text),
    ...extraHeaders,
  });
  res.end(text);
}

/** Reads the body up to MAX_BODY_BYTES; past that drains it and reports `tooLarge`. */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        if (size > 64 * MAX_BODY_BYTES) req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on("end", () => resolve({ tooLarge, size, text: tooLarge ? undefined : Buffer.concat(chunks).toString("utf8") }));
    req.on("error", reject);
  });
}

function logBody(text) {
  if (text === undefined || text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text.length > 4096 ? text.slice(0, 4096) + "…" : text;
  }
}

/** A file under `root` for a URL path, or null (traversal, private, missing). */
function resolveStatic(root, urlPath, { isWww }) {
  if (urlPath.includes("\0")) return null;
  const rel = path.posix.normalize(urlPath).replace(/^\/+/, "");
  const segments = rel.split("/").filter(Boolean);
  if (segments.some((s) => s.startsWith(".") || s.includes("\\"))) return null;
  if (isWww && segments.length && PRIVATE_TOP.has(segments[0])) return null;
  let file = path.join(root, ...segments);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    if (fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    const real = fs.realpathSync(file);
    const realRoot = fs.realpathSync(root);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
    if (!fs.statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

function serveStatic(req, res, root, urlPath, opts) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { "content-type": "text/plain; charset=utf-8", allow: "GET, HEAD" });
    res.end("method not allowed\n");
    return 405;
  }
  const file = resolveStatic(root, urlPath, opts);
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : "not found\n");
    return 404;
  }
  const data = fs.readFileSync(file);
  res.writeHead(200, {
    "content-type": MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": data.length,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(req.method === "HEAD" ? undefined : data);
  return 200;
}

/** Forwards /api/v1/* to the real Intents Connect server, adding x-api-key. */
async function proxy(req, res, bodyText, apiUrl, apiKey) {
  const base = new URL(apiUrl);
  const target = base.origin + base.pathname.replace(/\/+$/, "") + req.url;
  const headers = { accept: "application/json", "user-agent": "intent-signer-demo" };
  if (req.headers["content-type"]) headers["content-type"] = req.headers["content-type"];
  if (apiKey) headers["x-api-key"] = apiKey;
  let upstream;
  try {
    upstream = await fetch(target, {
      method: req.method,
      headers,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : bodyText ?? "",
      redirect: "manual",
      signal: AbortSignal.timeout(30000),
    });
  } catch (e) {
    sendJson(res, 502, { error: `upstream request failed: ${e.cause?.code ?? e.name}` });
    return 502;
  }
  let text = await upstream.text();
  // The key stays on this server, even if an upstream echoes it back.
  if (apiKey && text.includes(apiKey)) text = text.split(apiKey).join("[redacted]");
  res.writeHead(upstream.status, {
    "content-type": upstream.headers.get("content-type") ?? "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "content-length": Buffer.byteLength(text),
  });
  res.end(req.method === "HEAD" ? undefined : text);
  return upstream.status;
}

function control(req, res, pathname, bodyText, mock) {
  const parse = () => {
    if (!bodyText) return {};
    return JSON.parse(bodyText);
  };
  try {
    if (pathname === "/__mock/log" && req.method === "GET") return sendJson(res, 200, { requests: mock.log });
    if (pathname === "/__mock/reset" && req.method === "POST") {
      mock.reset();
      return sendJson(res, 200, { ok: true, config: mock.config });
    }
    if (pathname === "/__mock/config" && req.method === "GET") return sendJson(res, 200, { config: mock.config });
    if (pathname === "/__mock/config" && req.method === "POST") return sendJson(res, 200, { config: mock.configure(parse()) });
    if (pathname === "/__mock/status" && req.method === "POST") {
      const { id, status } = parse();
      const r = mock.intentsConnect.handleForce(id, status);
      return sendJson(res, r.status, r.body);
    }
  } catch (e) {
    return sendJson(res, 400, { error: e.message });
  }
  return sendJson(res, 404, { error: `not found: ${req.method} ${pathname}` });
}

/**
 * Starts the server. Options: `port` (0 = a free port), `host` (127.0.0.1),
 * `api` (a real Intents Connect URL to proxy /api/v1 to), `apiKey` (added
 * as x-api-key to proxied calls), `quiet`, `wwwDir`, `pkgDir`,
 * `intentsConnectFile` (the package's intents-connect.js), `now`.
 * Resolves to `{url, port, close(), mock, server}`.
 */
export async function startServer(options = {}) {
  const host = options.host ?? "127.0.0.1";
  const wwwDir = path.resolve(options.wwwDir ?? HERE);
  const pkgDir = path.resolve(options.pkgDir ?? path.join(REPO, "pkg"));
  const intentsConnectFile = path.resolve(options.intentsConnectFile ?? path.join(REPO, "pkg", "intents-connect.js"));
  const apiUrl = options.api ?? null;
  const apiKey = options.apiKey ?? null;
  const quiet = options.quiet ?? false;
  if (apiUrl) new URL(apiUrl); // throws on a malformed URL
  const mock = createMock({ now: options.now });
  async function onRequest(req, res) {
    let url;
    try {
      url = new URL(req.url, "http://localhost");
    } catch {
      return sendJson(res, 400, { error: "bad request URL" });
    }
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return sendJson(res, 400, { error: "bad URL encoding" });
    }
    const isControl = url.pathname.startsWith("/__mock/");
    const body = await readBody(req);
    const entry = isControl ? null : { time: new Date().toISOString(), method: req.method, path: url.pathname, query: url.search, body: body.tooLarge ? `<${body.size} bytes, not kept>` : logBody(body.text), status: 0 };
    if (entry) {
      mock.log.push(entry);
      if (mock.log.length > MAX_LOG) mock.log.splice(0, mock.log.length - MAX_LOG);
    }
    const done = (status) => {
      if (entry) entry.status = status;
      if (!quiet) console.log(`${status} ${req.method} ${req.url}`);
    };
    const isApi = url.pathname === "/api/v1" || url.pathname.startsWith("/api/v1/");
    const isSwap = url.pathname.startsWith("/v1/");
    const isActions = url.pathname === "/actions" || url.pathname.startsWith("/actions/");
    if (body.tooLarge && (isApi || isSwap || isActions || isControl)) {
      sendJson(res, 413, { error: `request body too large (at most ${MAX_BODY_BYTES} bytes)` });
      return done(413);
    }
    if (isControl) {
      control(req, res, url.pathname, body.text, mock);
      return done(res.statusCode);
    }
    if (isApi && apiUrl) {
      // ?scenario= is a switch of the embedded mock (mock/scenarios.mjs): never forwarded.
      if (url.searchParams.has("scenario")) {
        sendJson(res, 400, { error: "scenario is a switch of the embedded mock; it is never sent to the real API (--api)" });
        return done(400);
      }
      return done(await proxy(req, res, body.text, apiUrl, apiKey));
    }
    const ctx = { method: req.method, path: url.pathname, query: url.searchParams, headers: req.headers, rawBody: body.text };
    const handler = isApi ? mock.intentsConnect : isSwap ? mock.swap : isActions ? mock.actions : null;
    if (handler) {
      const r = handler.handle(ctx);
      sendJson(res, r.status, r.body);
      return done(r.status);
    }
    // The package's `intent-signer/intents-connect` entry (a file of its own with `intentsConnectFile`).
    if (pathname === "/pkg/intents-connect.js") {
      return done(serveStatic(req, res, path.dirname(intentsConnectFile), "/" + path.basename(intentsConnectFile), { isWww: false }));
    }
    if (pathname === "/pkg" || pathname.startsWith("/pkg/")) {
      return done(serveStatic(req, res, pkgDir, pathname.slice(4) || "/", { isWww: false }));
    }
    return done(serveStatic(req, res, wwwDir, pathname === "/" ? "/index.html" : pathname, { isWww: true }));
  }

  const server = http.createServer((req, res) => {
    onRequest(req, res).catch((e) => {
      if (!quiet) console.error(`500 ${req.method} ${req.url}: ${e.stack ?? e}`);
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 2000;
  server.requestTimeout = 30000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = server.address().port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    mock,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ------------------------------------------------------------------ CLI

const USAGE = `usage: node www/server.mjs [--port N] [--host 127.0.0.1] [--api <url>] [--quiet]
  env PORT, INTENTS_CONNECT_URL (like --api), INTENTS_CONNECT_API_KEY (x-api-key for --api)`;

export function parseArgs(argv, env = process.env) {
  const opts = { port: env.PORT !== undefined && env.PORT !== "" ? Number(env.PORT) : 8080, host: "127.0.0.1", api: env.INTENTS_CONNECT_URL || null, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === "--port") opts.port = Number(value());
    else if (flag === "--host") opts.host = value();
    else if (flag === "--api") opts.api = value();
    else if (flag === "--quiet") opts.quiet = true;
    else if (flag === "--help" || flag === "-h") opts.help = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error("--port must be 0..65535");
  if (opts.api) new URL(opts.api);
  opts.apiKey = env.INTENTS_CONNECT_API_KEY || null;
  return opts;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href;
if (isMain) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const s = await startServer(opts).catch((e) => {
    console.error(`cannot listen on ${opts.host}:${opts.port}: ${e.message}`);
    process.exit(1);
  });
  if (opts.api) console.log(`Intents Connect: /api/v1 proxied to ${opts.api} (x-api-key ${opts.apiKey ? "added from INTENTS_CONNECT_API_KEY" : "not set"})`);
  else console.log("Intents Connect: mock at /api/v1 (swap-intents mock at /v1, actions mock at /actions, controls at /__mock)");
  if (!fs.existsSync(path.join(REPO, "pkg", "all", "index.js")) || !fs.existsSync(path.join(REPO, "pkg", "intents-connect.js"))) console.log("note: pkg/ is not built yet (bash scripts/build-pkg.sh)");
  console.log(`intent-signer demo: ${s.url}`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
