// Compile-to-first-call: from WebAssembly.compile of the .wasm bytes, through
// instantiation by the browser entry (initSync of pkg/all/index.js), to the first
// erc191Hash returning. 20 fresh runs each: a new Node process per run, and a
// new browser context (own cache) and page per run in headless Chromium,
// timed with performance.now() inside the page. The bytes are fetched before
// the clock starts. A second Chromium figure times `await ready()` (fetch +
// instantiateStreaming, the entry's default path) to the first call.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

import { BENCH_DIR, REPO_DIR, median } from "./util.mjs";

const HELLO_HASH = "aa05af77f274774b8bdc7b61d98bc40da523dc2821fdea555f4d6aa413199bcc"; // erc191Hash("Hello world!")
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const summary = (runs, keys) =>
  Object.fromEntries(keys.map((k) => [k, { median: median(runs.map((r) => r[k])), min: Math.min(...runs.map((r) => r[k])), max: Math.max(...runs.map((r) => r[k])) }]));

function check(r, where) {
  if (r.hash !== HELLO_HASH) throw new Error(`${where}: erc191Hash("Hello world!") gave ${r.hash}`);
}

export function firstCallNode(runs) {
  const web = path.join(REPO_DIR, "pkg", "all");
  const child = path.join(BENCH_DIR, "lib", "first-call-child.mjs");
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [child, pathToFileURL(path.join(web, "index.js")).href, path.join(web, "intent_signer_all_bg.wasm")], {
      encoding: "utf8",
    });
    const r = JSON.parse(out);
    check(r, "node");
    samples.push(r);
  }
  return { runs, node: process.version, ...summary(samples, ["total", "compile", "instantiate", "firstCall", "glueImport"]), samples: samples.map((s) => +s.total.toFixed(3)) };
}

const PAGE = (mode) => `<!doctype html><meta charset="utf-8"><title>first call</title>
<script type="module">
import { ready, initSync, erc191Hash } from "/pkg/index.js";
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
try {
  if (${JSON.stringify(mode)} === "bytes") {
    const bytes = new Uint8Array(await (await fetch("/pkg/intent_signer_all_bg.wasm")).arrayBuffer());
    const t0 = performance.now();
    const module = await WebAssembly.compile(bytes);
    const t1 = performance.now();
    initSync(module);
    const t2 = performance.now();
    const h = erc191Hash("Hello world!");
    const t3 = performance.now();
    window.__result = { total: t3 - t0, compile: t1 - t0, instantiate: t2 - t1, firstCall: t3 - t2, hash: hex(h) };
  } else {
    const t0 = performance.now();
    await ready();
    const t1 = performance.now();
    const h = erc191Hash("Hello world!");
    const t2 = performance.now();
    window.__result = { total: t2 - t0, init: t1 - t0, firstCall: t2 - t1, hash: hex(h) };
  }
} catch (e) {
  window.__result = { error: String(e && e.stack || e) };
}
</script>`;

function serve() {
  const web = path.join(REPO_DIR, "pkg", "all");
  const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8" };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const headers = { "cache-control": "no-store" };
    if (url.pathname === "/bytes.html" || url.pathname === "/init.html") {
      res.writeHead(200, { ...headers, "content-type": types[".html"] });
      res.end(PAGE(url.pathname.slice(1, -5)));
      return;
    }
    const m = /^\/pkg\/(index\.js|state\.js|intent_signer_all\.js|intent_signer_all_bg\.wasm)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404, headers);
      res.end();
      return;
    }
    const file = path.join(web, m[1]);
    res.writeHead(200, { ...headers, "content-type": types[path.extname(file)] });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export async function firstCallChromium(runs) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash scripts/setup-browser.sh`);
  let version = "";
  try {
    version = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    version = /Chromium [\d.]+/.exec(version)?.[0] ?? version;
  } catch {}
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const out = { runs, chromium: version || browser.version() };
    for (const mode of ["bytes", "init"]) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.goto(`${base}/${mode}.html`);
          await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 30000 });
          const r = await page.evaluate(() => window.__result);
          if (r.error) throw new Error(`chromium ${mode}: ${r.error}`);
          check(r, `chromium ${mode}`);
          samples.push(r);
        } finally {
          await context.close();
        }
      }
      const keys = mode === "bytes" ? ["total", "compile", "instantiate", "firstCall"] : ["total", "init", "firstCall"];
      out[mode === "bytes" ? "compileInitSync" : "initStreaming"] = { ...summary(samples, keys), samples: samples.map((s) => +s.total.toFixed(3)) };
    }
    return out;
  } finally {
    await browser.close();
    server.close();
  }
}
