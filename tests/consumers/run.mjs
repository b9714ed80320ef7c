// The consumer matrix (issue 14): builds every app in apps/ against the
// package installed from the packed tarball (node_modules/intent-signer,
// extracted by scripts/test-consumers.sh), runs it in Node or loads it in
// headless Chromium, and checks the known answers (shared/check.js).
//
// Prints one "ok <app>" / "FAIL <app>: <why>" line per app, a table with
// times, and "consumers: N passed, M failed"; exits 1 if any app failed.
//
//   node tests/consumers/run.mjs
//   env: NODE18, NODE22   the Node binaries (scripts/test-consumers.sh sets them)
//        CHROMIUM         browser binary (default /usr/bin/chromium)
//        CONSUMERS_ONLY   a regular expression: run only the apps it matches
//        CONSUMERS_JOBS   parallel builds (default 2)
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import { serve } from "../pack/serve.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(here, ".work");
const modules = path.join(here, "node_modules");
const pkgDir = path.join(modules, "intent-signer");
const logs = path.join(work, "logs");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const JOBS = Number(process.env.CONSUMERS_JOBS ?? 2);
const ONLY = process.env.CONSUMERS_ONLY ? new RegExp(process.env.CONSUMERS_ONLY) : undefined;
const started = Date.now();
const secs = (ms) => (ms / 1000).toFixed(1);
const version = (name) => JSON.parse(fs.readFileSync(path.join(modules, name, "package.json"), "utf8")).version;

// --- what every app must report ------------------------------------------
// Hex of the known answers (see shared/check.js for their sources).
const EXPECTED = {
  erc191Hash: "aa05af77f274774b8bdc7b61d98bc40da523dc2821fdea555f4d6aa413199bcc",
  nep413Hash: "ca89aebc4b822cb0618aa785dca563acee228e2631cff9adb7ce44989c5e8874",
};
// Functions each entry must export (contract-14.md); any other known-answer
// function an entry exports must give the right answer too. The connect
// entry must have at least one of them.
const REQUIRED = {
  all: ["erc191Hash", "nep413Hash"],
  near: ["nep413Hash"],
  evm: ["erc191Hash"],
  connect: [],
};
const ENTRIES = Object.keys(REQUIRED);

/** Problems with an app's "RESULT ..." line ([] when it is right). `pre`: a call before ready() was probed. */
function validate(line, { pre }) {
  if (typeof line !== "string" || !line.startsWith("RESULT ")) return [`reported ${JSON.stringify(line)}`];
  const probes = new Map();
  for (const m of line.matchAll(/(\w+)\{([^}]*)\}/g)) {
    probes.set(m[1], new Map(m[2].split(",").filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)])));
  }
  const problems = [];
  for (const entry of ENTRIES) {
    const got = probes.get(entry);
    if (!got) {
      problems.push(`${entry}: no probe`);
      continue;
    }
    for (const fn of REQUIRED[entry]) if (!got.has(fn)) problems.push(`${entry}: ${fn} not exported`);
    if (![...Object.keys(EXPECTED)].some((fn) => got.has(fn))) problems.push(`${entry}: no known-answer function exported`);
    for (const [fn, want] of Object.entries(EXPECTED)) {
      if (got.has(fn) && got.get(fn) !== want) problems.push(`${entry}: ${fn} = ${got.get(fn)}, want ${want}`);
    }
    for (const api of ["ready", "initSync"]) if (got.get(api) === "missing") problems.push(`${entry}: ${api} not exported`);
    if (pre && got.get("pre") !== "NOT_INITIALIZED") problems.push(`${entry}: a call before ready() gave ${got.get("pre")}, want NOT_INITIALIZED`);
  }
  return problems;
}

// The checker checks: a right line passes, a wrong hash, a missing function
// and a call that did not throw before ready() each fail.
{
  const e = EXPECTED;
  const good = `RESULT all{pre=NOT_INITIALIZED,erc191Hash=${e.erc191Hash},nep413Hash=${e.nep413Hash}} near{pre=NOT_INITIALIZED,nep413Hash=${e.nep413Hash}} evm{pre=NOT_INITIALIZED,erc191Hash=${e.erc191Hash}} connect{pre=NOT_INITIALIZED,erc191Hash=${e.erc191Hash}}`;
  const bad = [
    good.replace(`evm{pre=NOT_INITIALIZED,erc191Hash=${e.erc191Hash}}`, `evm{pre=NOT_INITIALIZED,erc191Hash=${e.erc191Hash.replace(/^./, "0")}}`),
    good.replace(`near{pre=NOT_INITIALIZED,nep413Hash=${e.nep413Hash}}`, "near{pre=NOT_INITIALIZED}"),
    good.replace("all{pre=NOT_INITIALIZED", "all{pre=did-not-throw"),
    good.replace(/ connect\{[^}]*\}/, ""),
    `ERROR ${good}`,
  ];
  if (validate(good, { pre: true }).length !== 0 || bad.some((line) => validate(line, { pre: true }).length === 0)) {
    throw new Error("run.mjs: validate() accepts a wrong line or rejects the right one");
  }
}

// --- the package: which files its exports map gives a browser --------------
const pkgJson = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));

/** The exports target for `subpath` under the conditions browser/import/default (first match in key order). */
function resolveBrowser(subpath) {
  const pick = (target) => {
    if (typeof target === "string") return target;
    if (target && typeof target === "object") {
      for (const [cond, value] of Object.entries(target)) {
        if (["browser", "import", "default"].includes(cond)) {
          const r = pick(value);
          if (r) return r;
        }
      }
    }
    return undefined;
  };
  const target = pick(pkgJson.exports?.[subpath]);
  if (!target) throw new Error(`package.json exports["${subpath}"] has no browser/import/default target`);
  return target.replace(/^\.\//, "");
}

/** @ALL@, @NEAR@, ... (browser entry files) and @ALL_WASM@, ... (the one .wasm beside each), package-relative. */
function templateVars() {
  const vars = {};
  for (const [entry, subpath] of [["all", "."], ["near", "./near"], ["evm", "./evm"], ["connect", "./connect"]]) {
    const file = resolveBrowser(subpath);
    const dir = path.posix.dirname(file);
    const wasm = fs.readdirSync(path.join(pkgDir, dir)).filter((f) => f.endsWith(".wasm"));
    if (wasm.length !== 1) throw new Error(`${dir}/ (browser entry of ${subpath}) holds ${wasm.length} .wasm files: ${wasm.join(", ")}`);
    vars[`@${entry.toUpperCase()}@`] = file;
    vars[`@${entry.toUpperCase()}_WASM@`] = `${dir}/${wasm[0]}`;
  }
  return vars;
}

// --- preparing the app copies in .work/ ------------------------------------
function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true, dereference: true });
}

function fillTemplates(dir, vars) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "vendor") fillTemplates(file, vars);
    } else if (/\.(html|js|mjs|json)$/.test(entry.name)) {
      let text = fs.readFileSync(file, "utf8");
      const before = text;
      for (const [k, v] of Object.entries(vars)) text = text.replaceAll(k, v);
      if (text !== before) fs.writeFileSync(file, text);
    }
  }
}

const checkJs = fs.readFileSync(path.join(here, "shared", "check.js"), "utf8");
const names = [...checkJs.matchAll(/^export (?:function|const) (\w+)/gm)].map((m) => m[1]);
const checkCjs = `"use strict";\n${checkJs.replace(/^export (function|const) /gm, "$1 ")}\nmodule.exports = { ${names.join(", ")} };\n`;

/** Copies apps/<src> to .work/<name>, adds check.js (and main) where `extra` says, fills @...@. */
function prepare(name, src, { main, mainAs, checkIn = ".", pkgAt, vars }) {
  const dir = path.join(work, name);
  copyDir(path.join(here, "apps", src), dir);
  fs.mkdirSync(path.join(dir, checkIn), { recursive: true });
  if (mainAs) fs.mkdirSync(path.dirname(path.join(dir, mainAs)), { recursive: true });
  fs.writeFileSync(path.join(dir, checkIn, "check.js"), checkJs);
  fs.writeFileSync(path.join(dir, checkIn, "check.cjs"), checkCjs);
  if (main) fs.copyFileSync(path.join(here, "shared", main), path.join(dir, mainAs));
  // Apps without a bundler get their own copy of the installed package.
  if (pkgAt) copyDir(pkgDir, path.join(dir, pkgAt));
  fillTemplates(dir, vars);
  return dir;
}

// --- processes -------------------------------------------------------------
const children = new Set();

/** Runs a command to completion (output to logs/<log>.log); resolves { code, out, ms }. */
function run(log, cmd, args, { cwd, env, timeout = 420_000 } = {}) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    const timer = setTimeout(() => {
      out += `\n[harness: killed after ${timeout / 1000} s]`;
      child.kill("SIGKILL");
    }, timeout);
    child.on("error", (e) => { out += `\n[harness: ${e.message}]`; });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      fs.writeFileSync(path.join(logs, `${log}.log`), `$ ${cmd} ${args.join(" ")}\n(cwd ${cwd})\n${out}`);
      resolve({ code: code ?? signal, out, ms: Date.now() - t0 });
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts a long-running server process and waits until `url` answers; returns { url, stop, output }. */
async function startServer(log, cmd, args, { cwd, env, port, pathname = "/", timeout = 60_000 }) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.add(child);
  let out = "";
  child.stdout.on("data", (d) => { out += d; });
  child.stderr.on("data", (d) => { out += d; });
  let exited = false;
  child.on("close", () => { exited = true; children.delete(child); });
  const url = `http://127.0.0.1:${port}${pathname}`;
  const stop = () => {
    fs.writeFileSync(path.join(logs, `${log}.log`), `$ ${cmd} ${args.join(" ")}\n(cwd ${cwd})\n${out}`);
    if (!exited) {
      try { process.kill(-child.pid, "SIGTERM"); } catch { /* gone */ }
    }
  };
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      return { url, stop, output: () => out };
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`${cmd} ${args.join(" ")} did not serve ${url} (${exited ? "exited" : "timed out"}): ${tail(out)}`);
}

function tail(text, n = 25) {
  return text.trim().split("\n").slice(-n).join("\n    ");
}

/** Runs async tasks with at most `n` at a time. */
async function pool(tasks, n) {
  const results = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, tasks.length) }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

// --- the browser -----------------------------------------------------------
let browser;

/** Opens `url`, waits until document.title says RESULT/ERROR; returns { line, notes }. */
async function loadPage(url, { timeout = 30_000 } = {}) {
  const page = await browser.newPage();
  const notes = [];
  page.on("pageerror", (e) => notes.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") notes.push(`console.error: ${m.text()}`); });
  page.on("requestfailed", (r) => notes.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => { if (r.status() >= 400) notes.push(`HTTP ${r.status()} ${r.url()}`); });
  // Requests still open when the page gives up (a hang shows here). Chromium's
  // own /favicon.ico request is not a page request: its 404 appears only as a
  // console.error without a URL, in passing runs too.
  const open = new Map();
  page.on("request", (r) => open.set(r, Date.now()));
  page.on("requestfinished", (r) => open.delete(r));
  page.on("requestfailed", (r) => open.delete(r));
  const t0 = Date.now();
  try {
    await page.goto(url, { timeout });
    await page.waitForFunction(() => /^(RESULT|ERROR) /.test(document.title), null, { timeout, polling: 100 });
  } catch (e) {
    notes.push(`harness: ${e.message.split("\n")[0]}`);
    for (const [r, at] of open) notes.push(`still open: ${r.url()} (since ${secs(at - t0)} s)`);
    const seen = await page.evaluate(() => ({
      result: document.getElementById("result")?.textContent ?? null,
      resources: performance.getEntriesByType("resource").map((e) => `${e.name.replace(location.origin, "")} ${Math.round(e.duration)} ms`),
    })).catch((err) => ({ error: err.message.split("\n")[0] }));
    notes.push(`page state: ${JSON.stringify(seen)}`);
  }
  const line = await page.title().catch(() => "(no title)");
  await page.close().catch(() => {});
  return { line, notes };
}

// --- the matrix --------------------------------------------------------------
const rows = [];

function record(app, versions, problems, ms, detail = "") {
  const ok = problems.length === 0;
  rows.push({ app, versions, ok, ms });
  if (ok) console.log(`ok ${app} (${secs(ms)} s)`);
  else console.log(`FAIL ${app}: ${problems.join("; ")}${detail ? `\n    ${detail}` : ""}`);
}

function wanted(app) {
  return !ONLY || ONLY.test(app);
}

/** Apps whose first page load did not finish and were loaded again. */
const retried = [];

/** A browser check: `load` returns { line, notes } or throws. */
async function browserCheck(app, versions, load, { pre = true } = {}) {
  if (!wanted(app)) return;
  const t0 = Date.now();
  try {
    let { line, notes } = await load();
    // A page that never finished (no RESULT/ERROR at all, e.g. starved of CPU
    // on a loaded 2-core CI machine) is loaded once more, and the first
    // attempt is printed. A wrong or missing answer is never retried.
    if (typeof line !== "string" || !/^(RESULT|ERROR) /.test(line)) {
      console.log(`retry ${app}: the first load did not finish (page said: ${line})\n    ${notes.join("\n    ")}`);
      retried.push(app);
      ({ line, notes } = await load());
    }
    const problems = validate(line, { pre });
    record(app, versions, problems, Date.now() - t0, problems.length ? `page said: ${line}\n    ${notes.join("\n    ")}` : "");
  } catch (e) {
    record(app, versions, [e.message.split("\n")[0]], Date.now() - t0, e.message.split("\n").slice(1).join("\n    "));
  }
}

async function main() {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(logs, { recursive: true });
  const vars = templateVars();
  const node20 = process.execPath;
  const nodes = { 18: process.env.NODE18, 20: node20, 22: process.env.NODE22 };
  const nodeVersion = {};
  for (const [major, bin] of Object.entries(nodes)) {
    if (!bin || !fs.existsSync(bin)) continue;
    const r = await run(`node${major}-version`, bin, ["--version"], { cwd: here });
    nodeVersion[major] = r.out.trim();
  }
  const v = (name) => `${name} ${version(name)}`;

  // Copies of the apps, each with the package in its own node_modules/ (as
  // `npm install <tarball>` puts it); the tools resolve from ../node_modules.
  const vites = [5, 6, 7, 8];
  const own = "node_modules/intent-signer";
  for (const n of vites) prepare(`vite${n}`, "vite", { main: "browser-main.js", mainAs: "src/main.js", checkIn: "src", pkgAt: own, vars });
  prepare("webpack", "webpack", { main: "browser-main.js", mainAs: "src/index.js", checkIn: "src", pkgAt: own, vars });
  prepare("esbuild-browser", "esbuild-browser", { main: "browser-main.js", mainAs: "src/main.js", checkIn: "src", pkgAt: own, vars });
  prepare("esbuild-node", "esbuild-node", { main: "node-main.mjs", mainAs: "src/main.mjs", checkIn: "src", pkgAt: own, vars });
  prepare("rollup", "rollup", { main: "browser-main.js", mainAs: "src/main.js", checkIn: "src", pkgAt: own, vars });
  prepare("next-webpack", "next", { pkgAt: own, vars });
  prepare("next-turbopack", "next", { pkgAt: own, vars });
  prepare("node", "node", { pkgAt: own, vars });
  prepare("plain", "plain", { pkgAt: own, vars });
  prepare("worker", "worker", { pkgAt: own, vars });
  prepare("mv3", "mv3", { pkgAt: "vendor/intent-signer", vars });
  // Vite dev in a workspace: the package in the monorepo's node_modules/,
  // above the Vite root (app/).
  for (const n of vites) {
    const root = path.join(work, `vite${n}-monorepo`);
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, "package.json"), `${JSON.stringify({ private: true, workspaces: ["app"] })}\n`);
    copyDir(pkgDir, path.join(root, own));
    prepare(`vite${n}-monorepo/app`, "vite", { main: "browser-main.js", mainAs: "src/main.js", checkIn: "src", vars });
    if (n < 8) fs.copyFileSync(path.join(here, "apps", "vite-monorepo", "vite.config.js"), path.join(root, "app", "vite.config.js"));
  }

  const bin = (p) => path.join(modules, p);
  const nextEnv = { NEXT_TELEMETRY_DISABLED: "1" };
  const builds = {};
  const buildJob = (name, cmd, args, after, env) => async () => {
    if (![name, `${name}-build`, `${name}-ssr`, `${name}-client`].some(wanted)) {
      builds[name] = { skipped: true };
      return;
    }
    const cwd = path.join(work, name.replace(/-build$/, ""));
    const r = await run(`${name}-build`, cmd, args, { cwd, env });
    if (r.code === 0 && after) after(cwd);
    builds[name] = r;
  };
  const copyHtml = (cwd) => fs.copyFileSync(path.join(cwd, "index.html"), path.join(cwd, "dist", "index.html"));
  // esbuild leaves `new URL("./x.wasm", import.meta.url)` as it is and copies
  // nothing (evanw/esbuild#795), so the .wasm files go next to the bundle by
  // hand: the one step an esbuild user adds.
  const copyWasm = (cwd) => {
    const from = path.join(cwd, own);
    for (const d of fs.readdirSync(from, { withFileTypes: true })) {
      if (!d.isDirectory()) continue;
      for (const f of fs.readdirSync(path.join(from, d.name))) {
        if (f.endsWith(".wasm")) fs.copyFileSync(path.join(from, d.name, f), path.join(cwd, "dist", f));
      }
    }
  };
  const jobs = [
    buildJob("next-turbopack", node20, [bin("next/dist/bin/next"), "build", "--turbopack"], undefined, nextEnv),
    buildJob("next-webpack", node20, [bin("next/dist/bin/next"), "build", "--webpack"], undefined, nextEnv),
    ...vites.map((n) => buildJob(`vite${n}`, node20, [bin(`vite${n}/bin/vite.js`), "build"])),
    buildJob("webpack", node20, [bin("webpack-cli/bin/cli.js"), "--mode", "production"], copyHtml),
    buildJob("esbuild-browser", bin(".bin/esbuild"), ["src/main.js", "--bundle", "--format=esm", "--outdir=dist"], (cwd) => { copyHtml(cwd); copyWasm(cwd); }),
    buildJob("esbuild-node", bin(".bin/esbuild"), ["src/main.mjs", "--bundle", "--platform=node", "--format=esm", "--outfile=dist/main.mjs"], copyWasm),
    buildJob("rollup", node20, [bin("rollup/dist/bin/rollup"), "-c"], copyHtml),
  ];

  // Node apps run beside the builds (they are short).
  const nodeChecks = async () => {
    for (const major of [18, 20, 22]) {
      for (const mode of ["esm", "cjs"]) {
        const app = `node${major}-${mode}`;
        if (!wanted(app)) continue;
        const binary = nodes[major];
        if (!binary || !fs.existsSync(binary)) {
          record(app, `node ${major}`, [`no Node ${major} binary (NODE${major}=${binary ?? ""})`], 0);
          continue;
        }
        // Node 20.19+/22.12+ load ESM through require() by default: switch it
        // off so that require() must find CommonJS (Node 18 has no such flag).
        const flags = mode === "cjs" && major >= 20 ? ["--no-experimental-require-module"] : [];
        const file = mode === "esm" ? "esm.mjs" : "cjs.cjs";
        const r = await run(app, binary, [...flags, file], { cwd: path.join(work, "node"), timeout: 60_000 });
        const line = r.out.split("\n").find((l) => /^(RESULT|ERROR) /.test(l)) ?? r.out.trim();
        const problems = r.code === 0 ? validate(line, { pre: false }) : [`exited ${r.code}`];
        if (mode === "cjs" && /require_module=true/.test(r.out)) problems.push("ran with require(esm) enabled");
        record(app, `node ${nodeVersion[major] ?? major}`, problems, r.ms, problems.length ? `printed: ${tail(r.out)}` : "");
      }
    }
  };

  console.log(`== building ${jobs.length} apps (${JOBS} at a time) and running the Node apps`);
  await Promise.all([pool(jobs, JOBS), nodeChecks()]);
  for (const [name, r] of Object.entries(builds)) {
    if (r.skipped) continue;
    console.log(`   build ${name}: ${r.code === 0 ? "ok" : `FAILED (exit ${r.code})`} in ${secs(r.ms)} s`);
  }
  const buildFailed = (name) => {
    const r = builds[name];
    return r && !r.skipped && r.code !== 0 ? `build failed (exit ${r.code}): ${tail(r.out)}` : undefined;
  };

  // esbuild for Node: run the bundle.
  if (wanted("esbuild-node")) {
    const failed = buildFailed("esbuild-node");
    if (failed) record("esbuild-node", v("esbuild"), [failed.split("\n")[0]], builds["esbuild-node"].ms, failed);
    else {
      const r = await run("esbuild-node-run", node20, ["dist/main.mjs"], { cwd: path.join(work, "esbuild-node"), timeout: 60_000 });
      const line = r.out.split("\n").find((l) => /^(RESULT|ERROR) /.test(l)) ?? r.out.trim();
      const problems = r.code === 0 ? validate(line, { pre: false }) : [`bundle exited ${r.code}`];
      record("esbuild-node", `${v("esbuild")}, node ${nodeVersion[20]}`, problems, r.ms, problems.length ? `printed: ${tail(r.out)}` : "");
    }
  }

  console.log("== loading the browser apps in Chromium");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });

  const staticApp = async (app, versions, dir, page = "index.html", opts) => {
    if (!wanted(app)) return;
    const failed = builds[app] ? buildFailed(app) : undefined;
    if (failed) return record(app, versions, [failed.split("\n")[0]], builds[app].ms, failed);
    await browserCheck(app, versions, async () => {
      const srv = await serve(dir);
      try {
        return await loadPage(srv.url + page);
      } finally {
        await srv.close();
      }
    }, opts);
  };

  const tasks = [];
  // Vite: the dev server and build + preview, per version.
  for (const n of vites) {
    const versions = `vite ${version(`vite${n}`)}`;
    const cwd = path.join(work, `vite${n}`);
    const viteBin = bin(`vite${n}/bin/vite.js`);
    const dev = (app, appDir, label) => () => browserCheck(app, label, async () => {
      const port = await freePort();
      const s = await startServer(app, node20, [viteBin, "--port", String(port), "--strictPort", "--host", "127.0.0.1"], { cwd: appDir, port });
      try {
        const r = await loadPage(s.url);
        if (!r.line.startsWith("RESULT")) r.notes.push(`server said: ${tail(s.output(), 10)}`);
        return r;
      } finally {
        s.stop();
      }
    });
    tasks.push(dev(`vite${n}-dev`, cwd, versions));
    tasks.push(dev(`vite${n}-dev-monorepo`, path.join(work, `vite${n}-monorepo`, "app"),
      `${versions}, node_modules above the root, ${n < 8 ? "optimizeDeps.exclude" : "no config"}`));
    tasks.push(async () => {
      const app = `vite${n}-build`;
      if (!wanted(app)) return;
      const failed = buildFailed(`vite${n}`);
      if (failed) return record(app, versions, [failed.split("\n")[0]], builds[`vite${n}`].ms, failed);
      await browserCheck(app, versions, async () => {
        const port = await freePort();
        const s = await startServer(`vite${n}-preview`, node20, [viteBin, "preview", "--port", String(port), "--strictPort", "--host", "127.0.0.1"], { cwd, port });
        try {
          return await loadPage(s.url);
        } finally {
          s.stop();
        }
      });
    });
  }
  tasks.push(() => staticApp("webpack", v("webpack"), path.join(work, "webpack", "dist")));
  tasks.push(() => staticApp("esbuild-browser", v("esbuild"), path.join(work, "esbuild-browser", "dist")));
  tasks.push(() => staticApp("rollup", `${v("rollup")}, ${v("@rollup/plugin-node-resolve")}, ${v("@web/rollup-plugin-import-meta-assets")}`, path.join(work, "rollup", "dist")));
  tasks.push(() => staticApp("plain", `chromium`, path.join(work, "plain")));
  tasks.push(() => staticApp("worker", `chromium`, path.join(work, "worker")));
  // Next.js: the SSR page (fetched as HTML, no script runs) and the client page (in Chromium).
  for (const flavour of ["turbopack", "webpack"]) {
    const name = `next-${flavour}`;
    const versions = `${v("next")} (${flavour}), react ${version("react")}`;
    tasks.push(async () => {
      if (!wanted(`${name}-ssr`) && !wanted(`${name}-client`)) return;
      const failed = buildFailed(name);
      if (failed) {
        for (const app of [`${name}-ssr`, `${name}-client`]) if (wanted(app)) record(app, versions, [failed.split("\n")[0]], builds[name].ms, failed);
        return;
      }
      const port = await freePort();
      let s;
      try {
        s = await startServer(`${name}-start`, node20, [bin("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: path.join(work, name), port, env: nextEnv });
      } catch (e) {
        for (const app of [`${name}-ssr`, `${name}-client`]) if (wanted(app)) record(app, versions, ["next start failed"], 0, e.message);
        return;
      }
      try {
        await browserCheck(`${name}-ssr`, versions, async () => {
          const html = await (await fetch(s.url, { signal: AbortSignal.timeout(30_000) })).text();
          const m = html.match(/<p id="result">([^<]*)<\/p>/);
          const line = m ? m[1].replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&#x27;", "'") : "(no #result in the HTML)";
          return { line, notes: [`server said: ${tail(s.output(), 15)}`] };
        }, { pre: false });
        await browserCheck(`${name}-client`, versions, async () => {
          const r = await loadPage(`${s.url}client`);
          if (!r.line.startsWith("RESULT")) r.notes.push(`server said: ${tail(s.output(), 10)}`);
          return r;
        });
      } finally {
        s.stop();
      }
    });
  }

  // The MV3 extension needs its own (persistent) browser context.
  const mv3 = async () => {
    if (!wanted("mv3-sw") && !wanted("mv3-popup")) return;
    const ext = path.join(work, "mv3");
    const userData = path.join(work, "mv3-profile");
    const versions = "chromium --load-extension";
    let ctx;
    let sw;
    const t0 = Date.now();
    try {
      ctx = await chromium.launchPersistentContext(userData, {
        executablePath: CHROMIUM,
        args: [...CHROMIUM_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
        ignoreDefaultArgs: ["--disable-extensions"],
        timeout: 30_000,
      });
      sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker", { timeout: 20_000 }));
    } catch (e) {
      for (const app of ["mv3-sw", "mv3-popup"]) record(app, versions, [`extension did not start: ${e.message.split("\n")[0]}`], Date.now() - t0);
      await ctx?.close().catch(() => {});
      return;
    }
    const id = new URL(sw.url()).host;
    await browserCheck("mv3-sw", versions, async () => ({
      line: await sw.evaluate(() => self.result),
      notes: [`service worker ${sw.url()}`],
    }));
    await browserCheck("mv3-popup", versions, async () => {
      const page = await ctx.newPage();
      const notes = [];
      page.on("pageerror", (e) => notes.push(`pageerror: ${e.message}`));
      page.on("console", (m) => { if (m.type() === "error") notes.push(`console.error: ${m.text()}`); });
      try {
        await page.goto(`chrome-extension://${id}/popup.html`, { timeout: 20_000 });
        await page.waitForFunction(() => /^(RESULT|ERROR) /.test(document.title), null, { timeout: 20_000 });
      } catch (e) {
        notes.push(`harness: ${e.message.split("\n")[0]}`);
      }
      return { line: await page.title().catch(() => "(no title)"), notes };
    });
    await ctx.close().catch(() => {});
  };

  await Promise.all([pool(tasks, 2), mv3()]);
  await browser.close();

  // --- summary -------------------------------------------------------------
  // The build an app row was made from (its time is shared by the rows of one build).
  const buildOf = (app) => {
    const name = app.replace(/-(build|ssr|client)$/, "");
    const r = builds[name];
    return r && !r.skipped && app !== `${name}-dev` ? secs(r.ms) : "-";
  };
  console.log("\n| app | versions | result | build (s) | run (s) |\n|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.app} | ${r.versions} | ${r.ok ? "ok" : "FAIL"} | ${buildOf(r.app)} | ${secs(r.ms)} |`);
  const failed = rows.filter((r) => !r.ok).length;
  console.log(`\n== matrix took ${secs(Date.now() - started)} s; logs in ${path.relative(process.cwd(), logs)}/`);
  if (retried.length) console.log(`loaded twice (the first load did not finish): ${retried.join(", ")}`);
  console.log(`consumers: ${rows.length - failed} passed, ${failed} failed`);
  return failed === 0 && rows.length > 0 ? 0 : 1;
}

const watchdog = setTimeout(() => {
  console.log("FAIL harness: watchdog: the matrix took over 15 minutes");
  for (const c of children) try { process.kill(-c.pid, "SIGKILL"); } catch { c.kill("SIGKILL"); }
  process.exit(1);
}, 15 * 60_000);
watchdog.unref();

main().then(
  (code) => { process.exitCode = code; },
  (error) => {
    console.log(`FAIL harness: ${(error && error.stack) || error}`);
    process.exitCode = 1;
  },
).finally(async () => {
  await browser?.close().catch(() => {});
  for (const c of children) try { process.kill(-c.pid, "SIGTERM"); } catch { c.kill("SIGTERM"); }
});
