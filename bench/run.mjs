// intent-signer benchmark harness (see BENCHMARKS.md; `make bench` runs it via scripts/bench.sh).
//
// 1. Speed: our package (pkg/all/index.cjs, the root entry, loaded with require) and the JavaScript
//    libraries users would pick instead, in this one Node process, on the
//    inputs of vectors/peers-vectors.json. Every output is checked equal to
//    ours (and ours to the vectors) before anything is timed. Rounds are
//    interleaved: in each round every contender of every operation runs for
//    the same time budget (tinybench, order rotated per round); the figure
//    reported is the median of the rounds' ops/s.
// 2. Size: the .wasm and JS (glue + loader) of pkg/all next to an esbuild bundle of the
//    JS stack doing the same job.
// 3. Compile-to-first-call in Node and in headless Chromium (20 fresh runs).
//
// Writes bench/results.json and bench/out/results.md; prints the tables.
// Environment: BENCH_ROUNDS (7), BENCH_TIME_MS (150), BENCH_MIN_ITERATIONS (5),
// BENCH_FIRST_CALL_RUNS (20), BENCH_ONLY (a regular expression over operation
// ids), BENCH_EXCLUDE (a regular expression over JS contender names),
// BENCH_SKIP (comma-separated: speed, size, node, chromium), BENCH_REPORT_ONLY=1
// (re-render the tables of the last bench/results.json, measuring nothing).

import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

import { Bench } from "tinybench";

import { firstCallChromium, firstCallNode } from "./lib/first-call.mjs";
import { LIBRARY_VERSIONS, N, buildOps, checkOps } from "./lib/ops.mjs";
import { measureSize } from "./lib/size.mjs";
import { BENCH_DIR, OUT_DIR, REPO_DIR, fmtInt, fmtOps, fmtRatio, median, readJson } from "./lib/util.mjs";

const require = createRequire(import.meta.url);
// BENCH_OURS: another CommonJS build (an experiment), default the root entry pkg/all/index.cjs.
const ours = require(process.env.BENCH_OURS ?? "../pkg/all/index.cjs");

const env = process.env;
const CONFIG = {
  rounds: Number(env.BENCH_ROUNDS ?? 7),
  timeMs: Number(env.BENCH_TIME_MS ?? 150),
  minIterations: Number(env.BENCH_MIN_ITERATIONS ?? 5),
  warmupMs: 100,
  poolSize: N,
  firstCallRuns: Number(env.BENCH_FIRST_CALL_RUNS ?? 20),
};
const ONLY = env.BENCH_ONLY ? new RegExp(env.BENCH_ONLY) : null;
const EXCLUDE = env.BENCH_EXCLUDE ? new RegExp(env.BENCH_EXCLUDE) : null;
const SKIP = new Set((env.BENCH_SKIP ?? "").split(",").filter(Boolean));
const started = Date.now();
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);

// ------------------------------------------------------------------ machine
function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)),
    package: ours.buildInfo(),
    libraries: LIBRARY_VERSIONS,
    date: new Date().toISOString(),
  };
}

// -------------------------------------------------------------------- speed
let sink;
async function measureOne(c, warmup) {
  const bench = new Bench({
    time: CONFIG.timeMs,
    iterations: CONFIG.minIterations,
    warmup,
    warmupTime: CONFIG.warmupMs,
    warmupIterations: CONFIG.minIterations,
    throws: true,
  });
  const run = c.run;
  let k = 0;
  const fn = c.async
    ? async () => {
        sink = await run(k++ & (N - 1));
      }
    : () => {
        sink = run(k++ & (N - 1));
      };
  bench.add(c.name, fn, { async: Boolean(c.async) });
  const task = bench.tasks[0];
  if (c.async) {
    if (warmup) await task.warmup();
    await task.run();
  } else {
    if (warmup) task.warmupSync();
    task.runSync();
  }
  const r = task.result;
  if (r.state !== "completed") throw new Error(`${c.name}: ${r.state} ${r.error?.stack ?? ""}`);
  return 1000 / r.period;
}

async function runRounds(plan, label) {
  // plan: [{ op, contenders }]; returns Map(op.id → Map(contender name → [ops/s per round])).
  const samples = new Map(plan.map(({ op, contenders }) => [op.id, new Map(contenders.map((c) => [c.name, []]))]));
  for (let round = 0; round < CONFIG.rounds; round++) {
    const t = Date.now();
    for (const { op, contenders } of plan) {
      const shift = round % contenders.length;
      for (const c of [...contenders.slice(shift), ...contenders.slice(0, shift)]) {
        samples.get(op.id).get(c.name).push(await measureOne(c, round === 0));
      }
    }
    log(`${label}round ${round + 1}/${CONFIG.rounds} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return samples;
}

async function measureSpeed(ops) {
  const main = await runRounds(ops.map((op) => ({ op, contenders: [op.ours, ...op.js.filter((c) => !c.isolate)] })), "");
  const isolatedPlan = ops.filter((op) => op.js.some((c) => c.isolate)).map((op) => ({ op, contenders: [op.ours, ...op.js.filter((c) => c.isolate)] }));
  const isolated = isolatedPlan.length ? await runRounds(isolatedPlan, "isolated phase (cache-churning references): ") : new Map();
  return ops.map((op) => {
    const row = (c, samples) => {
      const rounds = samples.get(op.id).get(c.name);
      return { name: c.name, opsPerSec: median(rounds), rounds: rounds.map((x) => +x.toPrecision(5)), ...(c.reference ? { reference: c.reference } : {}) };
    };
    const o = row(op.ours, main);
    const js = op.js.map((c) => {
      if (!c.isolate) return row(c, main);
      const r = row(c, isolated);
      const oursThere = median(isolated.get(op.id).get(op.ours.name));
      return { ...r, isolatedPhase: { oursOpsPerSec: oursThere, ratio: oursThere / r.opsPerSec } };
    });
    const candidates = js.filter((c) => !c.reference);
    const fastest = candidates.reduce((a, b) => (b.opsPerSec > a.opsPerSec ? b : a));
    const viem = js.find((c) => c.name === "viem");
    return {
      id: op.id,
      name: op.name,
      ours: o,
      js,
      fastestJs: { name: fastest.name, opsPerSec: fastest.opsPerSec },
      ratio: o.opsPerSec / fastest.opsPerSec,
      ...(viem ? { ratioVsViem: o.opsPerSec / viem.opsPerSec } : {}),
    };
  });
}

// ------------------------------------------------------------------ native
// bench/native (criterion, `cargo bench`) measures the same core functions
// natively on the same inputs; wasm/native = native ops/s ÷ ours in wasm.
function addNative(report) {
  const file = path.join(BENCH_DIR, "native", "results.json");
  if (!report.speed || !fs.existsSync(file)) return;
  const n = readJson(file);
  report.native = { file: "bench/native/results.json", date: n.date, gitHead: n.build?.gitHead, rustc: n.build?.rustc, profile: n.build?.profile, criterion: n.build?.criterion, estimate: n.config?.estimate };
  if (n.build?.gitHead !== report.machine.package.gitHead) log("note: the native results are from another commit");
  for (const r of report.speed) {
    const o = n.ops?.[r.id];
    if (!o) continue;
    r.native = { opsPerSec: o.ops_per_s, nsPerOp: o.ns_per_op };
    r.wasmOverNative = o.ops_per_s / r.ours.opsPerSec;
  }
}

// The operations the "wasm / native ≤ 1.5× for the crypto operations" target counts.
const CRYPTO_IDS = ["ed25519.verify", "ed25519.sign", "nep413.verify", "eip191.recover", "eip712.recover.PermitWitnessTransferFrom", "eip712.recover.PermitSingle", "secp256k1.sign", "eip191.hash.64k"];

// ------------------------------------------------------------------ targets
function targets(results, size, firstCall) {
  const byId = new Map((results ?? []).map((r) => [r.id, r]));
  const out = [];
  const speed = (name, ids, min, vs) => {
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) continue;
      const ratio = vs === "viem" ? r.ratioVsViem : r.ratio;
      const against = vs === "viem" ? `viem ${fmtOps(r.js.find((c) => c.name === "viem").opsPerSec)}` : `${r.fastestJs.name} ${fmtOps(r.fastestJs.opsPerSec)}`;
      out.push({
        target: name,
        operation: r.name,
        goal: `≥ ${min}× ${vs === "viem" ? "viem" : "fastest JS"}`,
        measured: `${fmtRatio(ratio)} (ours ${fmtOps(r.ours.opsPerSec)} vs ${against} ops/s)`,
        ratio,
        met: ratio >= min,
        shortfall: ratio >= min ? null : `needs ${fmtRatio(min / ratio)} more speed`,
      });
    }
  };
  speed("ed25519 verify ≥ 5×", ["ed25519.verify"], 5, "fastest");
  speed("NEP-413 hash + verify ≥ 5×", ["nep413.verify"], 5, "fastest");
  speed("secp256k1 recover ≥ 3×", ["eip191.recover", "eip712.recover.PermitWitnessTransferFrom", "eip712.recover.PermitSingle"], 3, "fastest");
  speed("hashing ≥ 4×", ["eip191.hash.600", "eip191.hash.64k", "nep413.hash"], 4, "fastest");
  speed("EIP-712 hash ≥ 3× viem", ["eip712.hash.PermitWitnessTransferFrom", "eip712.hash.PermitSingle"], 3, "viem");
  speed("ABI encode transfer ≥ 1× viem", ["abi.encode.transfer"], 1, "viem");
  speed("ABI encode execute ≥ 2× viem", ["abi.encode.execute"], 2, "viem");
  for (const id of CRYPTO_IDS) {
    const r = byId.get(id);
    if (!r?.wasmOverNative) continue;
    const x = r.wasmOverNative;
    out.push({
      target: "wasm / native ≤ 1.5× (crypto)",
      operation: r.name,
      goal: "≤ 1.5× native",
      measured: `${fmtRatio(x)} (native ${fmtOps(r.native.opsPerSec)} vs wasm ${fmtOps(r.ours.opsPerSec)} ops/s)`,
      ratio: x,
      met: x <= 1.5,
      shortfall: x <= 1.5 ? null : `wasm is ${fmtRatio(x)} slower than native`,
    });
  }
  if (size) {
    const limit = 120_000;
    out.push({
      target: ".wasm ≤ 120 KB gzip",
      operation: "pkg/all/intent_signer_all_bg.wasm, gzip -9",
      goal: "≤ 120,000 bytes",
      measured: `${fmtInt(size.wasm.gzip)} bytes`,
      met: size.wasm.gzip <= limit,
      shortfall: size.wasm.gzip <= limit ? null : `${fmtInt(size.wasm.gzip - limit)} bytes over (${fmtRatio(size.wasm.gzip / limit)} the limit)`,
    });
  }
  if (firstCall?.chromium) {
    const ms = firstCall.chromium.compileInitSync.total.median;
    out.push({
      target: "compile-to-first-call ≤ 15 ms in Chromium",
      operation: "WebAssembly.compile + initSync + erc191Hash, median of fresh pages",
      goal: "≤ 15 ms",
      measured: `${ms.toFixed(1)} ms`,
      met: ms <= 15,
      shortfall: ms <= 15 ? null : `${(ms - 15).toFixed(1)} ms over (${fmtRatio(ms / 15)} the limit)`,
    });
  }
  return out;
}

// ------------------------------------------------------------------ output
function pad(rows) {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join("  ")).join("\n");
}

function speedRows(results) {
  return results.map((r) => {
    const refs = r.js.filter((c) => c.reference).map((c) => `${c.name} ${fmtOps(c.opsPerSec)}${c.isolatedPhase ? ` (ours ${fmtOps(c.isolatedPhase.oursOpsPerSec)} in the same phase: ${fmtRatio(c.isolatedPhase.ratio)})` : ""}`);
    const others = r.js.filter((c) => !c.reference && c.name !== r.fastestJs.name).map((c) => `${c.name} ${fmtOps(c.opsPerSec)}`);
    return { r, refs, others };
  });
}

function markdown(report) {
  const lines = [];
  if (report.speed) {
    lines.push("| operation | ours (ops/s) | fastest JS (ops/s) | ours / fastest JS | same, round by round (min–max) | native Rust (ops/s) | wasm / native | other JS (ops/s) | reference, not counted (ops/s) |");
    lines.push("|---|---:|---|---:|---:|---:|---:|---|---|");
    for (const { r, refs, others } of speedRows(report.speed)) {
      const fast = r.js.find((c) => c.name === r.fastestJs.name);
      const perRound = r.ours.rounds.map((x, i) => x / fast.rounds[i]);
      lines.push(
        `| ${r.name} | ${fmtOps(r.ours.opsPerSec)} | ${r.fastestJs.name} ${fmtOps(r.fastestJs.opsPerSec)} | **${fmtRatio(r.ratio)}** | ${fmtRatio(Math.min(...perRound))}–${fmtRatio(Math.max(...perRound))} | ${r.native ? fmtOps(r.native.opsPerSec) : "—"} | ${r.wasmOverNative ? fmtRatio(r.wasmOverNative) : "—"} | ${others.join("; ") || "—"} | ${refs.join("; ") || "—"} |`,
      );
    }
    lines.push("");
  }
  if (report.size) {
    const s = report.size;
    lines.push("| what | raw bytes | gzip -9 bytes |");
    lines.push("|---|---:|---:|");
    lines.push(`| ours: \`${s.wasm.file}\` | ${fmtInt(s.wasm.raw)} | ${fmtInt(s.wasm.gzip)} |`);
    lines.push(`| ours: \`${s.glue.file}\` (JS glue as shipped) | ${fmtInt(s.glue.raw)} | ${fmtInt(s.glue.gzip)} |`);
    lines.push(`| ours: the same glue minified by esbuild | ${fmtInt(s.glueMinified.raw)} | ${fmtInt(s.glueMinified.gzip)} |`);
    lines.push(`| ours: .wasm + minified glue | ${fmtInt(s.wasm.raw + s.glueMinified.raw)} | ${fmtInt(s.oursTotalGzip)} |`);
    lines.push(`| JS stack: ${s.jsStack.contents} (esbuild ${s.jsStack.esbuild}, minified ESM, browser) | ${fmtInt(s.jsStack.raw)} | ${fmtInt(s.jsStack.gzip)} |`);
    lines.push("");
  }
  if (report.firstCall) {
    const f = report.firstCall;
    lines.push("| where | median total (ms) | min–max (ms) | of which |");
    lines.push("|---|---:|---:|---|");
    const ms = (x) => x.median.toFixed(1);
    if (f.node) {
      lines.push(
        `| Node ${f.node.node}: compile + initSync + first erc191Hash (${f.node.runs} fresh processes) | ${ms(f.node.total)} | ${f.node.total.min.toFixed(1)}–${f.node.total.max.toFixed(1)} | compile ${ms(f.node.compile)}, instantiate ${ms(f.node.instantiate)}, first call ${f.node.firstCall.median.toFixed(2)} (glue import before: ${ms(f.node.glueImport)}) |`,
      );
    }
    if (f.chromium) {
      const c = f.chromium.compileInitSync;
      const i = f.chromium.initStreaming;
      lines.push(
        `| ${f.chromium.chromium}: compile + initSync + first erc191Hash (${f.chromium.runs} fresh pages) | ${ms(c.total)} | ${c.total.min.toFixed(1)}–${c.total.max.toFixed(1)} | compile ${ms(c.compile)}, instantiate ${ms(c.instantiate)}, first call ${c.firstCall.median.toFixed(2)} |`,
      );
      lines.push(
        `| ${f.chromium.chromium}: \`await ready()\` (fetch from 127.0.0.1 + instantiateStreaming) + first erc191Hash | ${ms(i.total)} | ${i.total.min.toFixed(1)}–${i.total.max.toFixed(1)} | init ${ms(i.init)}, first call ${i.firstCall.median.toFixed(2)} |`,
      );
    }
    lines.push("");
  }
  if (report.targets?.length) {
    lines.push("| target | operation | goal | measured | met? |");
    lines.push("|---|---|---|---|---|");
    for (const t of report.targets) {
      lines.push(`| ${t.target} | ${t.operation} | ${t.goal} | ${t.measured} | ${t.met ? "met" : `**missed**: ${t.shortfall}`} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

function printText(report) {
  if (report.speed) {
    const rows = [["operation", "ours ops/s", "fastest JS", "ops/s", "ours/fastest", "native ops/s", "wasm/native"]];
    for (const r of report.speed) rows.push([r.name, fmtOps(r.ours.opsPerSec), r.fastestJs.name, fmtOps(r.fastestJs.opsPerSec), fmtRatio(r.ratio), r.native ? fmtOps(r.native.opsPerSec) : "—", r.wasmOverNative ? fmtRatio(r.wasmOverNative) : "—"]);
    console.log("\nSpeed (median of " + CONFIG.rounds + " interleaved rounds, " + CONFIG.timeMs + " ms per contender per round)\n");
    console.log(pad(rows));
    const refs = report.speed.flatMap((r) =>
      r.js
        .filter((c) => c.reference)
        .map((c) => `  ${r.name}: ${c.name} ${fmtOps(c.opsPerSec)} ops/s${c.isolatedPhase ? `, ours ${fmtOps(c.isolatedPhase.oursOpsPerSec)} in the same phase (${fmtRatio(c.isolatedPhase.ratio)})` : ""} — ${c.reference}`),
    );
    if (refs.length) console.log("\nReferences, not counted as JS:\n" + refs.join("\n"));
  }
  if (report.size || report.firstCall || report.targets) {
    console.log("\n" + markdown({ size: report.size, firstCall: report.firstCall, targets: report.targets }));
  }
}

// --------------------------------------------------------------------- main
if (env.BENCH_REPORT_ONLY === "1") {
  // Re-render the tables of the last run from bench/results.json, measuring nothing.
  const last = readJson(path.join(BENCH_DIR, "results.json"));
  Object.assign(CONFIG, last.config);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, "results.md"), markdown(last));
  printText(last);
  process.exit(0);
}
const report = { machine: machine(), config: CONFIG };
log(`${report.machine.cpuModel}, ${report.machine.cores} cores, Node ${report.machine.node}; intent-signer ${report.machine.package.version} (${report.machine.package.gitHead.slice(0, 12)})`);

if (!SKIP.has("speed")) {
  const vectors = readJson(path.join(BENCH_DIR, "vectors", "peers-vectors.json"));
  let ops = buildOps(ours, vectors);
  if (ONLY) ops = ops.filter((op) => ONLY.test(op.id));
  if (EXCLUDE) for (const op of ops) op.js = op.js.filter((c) => !EXCLUDE.test(c.name));
  log(`checking ${ops.length} operations, ${ops.reduce((n, op) => n + 1 + op.js.length, 0)} contenders, ${N} inputs each: every output equal to ours`);
  await checkOps(ops);
  log("all outputs equal; measuring");
  report.speed = await measureSpeed(ops);
  addNative(report);
}
if (!SKIP.has("size")) {
  log("size: esbuild bundle of the JS stack");
  report.size = await measureSize();
}
report.firstCall = {};
if (!SKIP.has("node")) {
  log(`compile-to-first-call: Node, ${CONFIG.firstCallRuns} fresh processes`);
  report.firstCall.node = firstCallNode(CONFIG.firstCallRuns);
}
if (!SKIP.has("chromium")) {
  log(`compile-to-first-call: Chromium, ${CONFIG.firstCallRuns} fresh pages per mode`);
  report.firstCall.chromium = await firstCallChromium(CONFIG.firstCallRuns);
}
if (!Object.keys(report.firstCall).length) delete report.firstCall;
report.targets = targets(report.speed, report.size, report.firstCall);
report.durationSeconds = Math.round((Date.now() - started) / 1000);
report.machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));

fs.mkdirSync(OUT_DIR, { recursive: true });
fs.writeFileSync(path.join(BENCH_DIR, "results.json"), JSON.stringify(report, null, 2) + "\n");
fs.writeFileSync(path.join(OUT_DIR, "results.md"), markdown(report));
printText(report);
log(`wrote ${path.relative(REPO_DIR, path.join(BENCH_DIR, "results.json"))} and ${path.relative(REPO_DIR, path.join(OUT_DIR, "results.md"))} in ${report.durationSeconds} s`);
void sink;
