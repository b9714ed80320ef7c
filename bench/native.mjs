// The native baseline of the benchmarks (issue 8, item 2); scripts/bench.sh runs it
// before bench/run.mjs, and bench/native/README.md says what it measures.
//
// 1. Builds bench/native (criterion, release profile of its own Cargo.toml) with
//    CARGO_TARGET_DIR=bench/native/target, timed on its own.
// 2. Runs `cargo bench`: the bench checks every output against the vectors, then
//    criterion times each operation under the ids of bench/lib/ops.mjs.
// 3. Reads criterion's estimates of this run (<target>/criterion/<id>/new/) and
//    writes bench/native/results.json: per id, ns_per_op (criterion's median
//    per-iteration time) and ops_per_s (1e9 / ns_per_op); prints a table.
//
// Environment: BENCH_ONLY (a regular expression over operation ids, handed to
// criterion as its filter), BENCH_NATIVE_ARGS (more criterion flags, e.g.
// "--measurement-time 3"), BENCH_NATIVE_COLLECT_ONLY=1 (build and run nothing:
// rewrite results.json from the estimates already on disk), CRITERION_HOME
// (where criterion writes; default bench/native/target/criterion).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { BENCH_DIR, REPO_DIR, fmtOps, readJson } from "./lib/util.mjs";

const NATIVE_DIR = path.join(BENCH_DIR, "native");
const TARGET_DIR = path.join(NATIVE_DIR, "target");
const CRITERION_DIR = process.env.CRITERION_HOME ? path.resolve(process.env.CRITERION_HOME) : path.join(TARGET_DIR, "criterion");
const RESULTS = path.join(NATIVE_DIR, "results.json");
// What benches/core.rs gives criterion (flags in BENCH_NATIVE_ARGS override them).
const CONFIG = { sampleSize: 20, warmUpMs: 300, measurementMs: 1000, nresamples: 10000, poolSize: 16, estimate: "median" };

const env = process.env;
const collectOnly = env.BENCH_NATIVE_COLLECT_ONLY === "1";
const extraArgs = (env.BENCH_NATIVE_ARGS ?? "").split(/\s+/).filter(Boolean);
const started = Date.now();
const log = (...a) => console.error(`[native ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);

function cargo(args) {
  const t = Date.now();
  const r = spawnSync("cargo", args, {
    cwd: NATIVE_DIR,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...env, CARGO_TARGET_DIR: TARGET_DIR, ...(env.CRITERION_HOME ? { CRITERION_HOME: CRITERION_DIR } : {}) },
  });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    console.error(`cargo ${args.join(" ")} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  return (Date.now() - t) / 1000;
}

function text(cmd, args, cwd = REPO_DIR) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Versions from bench/native/Cargo.lock. */
function locked(name) {
  try {
    const lock = fs.readFileSync(path.join(NATIVE_DIR, "Cargo.lock"), "utf8");
    return lock.match(new RegExp(`name = "${name}"\\nversion = "([^"]+)"`))?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Packages both Cargo.lock files pin, at different versions: the native build would not run the wasm build's code. */
function lockMismatches() {
  const read = (file) => {
    const out = new Map();
    try {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/name = "([^"]+)"\nversion = "([^"]+)"/g)) {
        out.set(m[1], [...(out.get(m[1]) ?? []), m[2]].sort().join(", "));
      }
    } catch {}
    return out;
  };
  const root = read(path.join(REPO_DIR, "Cargo.lock"));
  const native = read(path.join(NATIVE_DIR, "Cargo.lock"));
  return [...root].filter(([name, v]) => native.has(name) && native.get(name) !== v).map(([name, v]) => `${name}: root ${v}, native ${native.get(name)}`);
}

/** The release profile of bench/native/Cargo.toml (which `cargo bench` inherits), as written. */
function profile() {
  const toml = fs.readFileSync(path.join(NATIVE_DIR, "Cargo.toml"), "utf8");
  const section = toml.split(/^\[profile\.release\]\s*$/m)[1]?.split(/^\[/m)[0] ?? "";
  const out = {};
  for (const line of section.split("\n")) {
    const m = line.match(/^\s*([a-z-]+)\s*=\s*(.+?)\s*$/);
    if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, "$1");
  }
  // Cargo's own overrides (CARGO_PROFILE_BENCH_LTO=false …) win over the manifest.
  for (const [k, v] of Object.entries(env)) {
    const m = k.match(/^CARGO_PROFILE_(?:BENCH|RELEASE)_(.+)$/);
    if (m) out[m[1].toLowerCase().replace(/_/g, "-")] = `${v} (from ${k})`;
  }
  return out;
}

/** Every benchmark criterion wrote in CRITERION_DIR (only those written since `since`, when given). */
function collect(since) {
  const ops = {};
  if (!fs.existsSync(CRITERION_DIR)) return ops;
  for (const dir of fs.readdirSync(CRITERION_DIR)) {
    const nw = path.join(CRITERION_DIR, dir, "new");
    const files = ["benchmark.json", "estimates.json", "sample.json"].map((f) => path.join(nw, f));
    if (!files.every((f) => fs.existsSync(f))) continue;
    if (since && fs.statSync(files[1]).mtimeMs < since) continue;
    const [bench, est, sample] = files.map(readJson);
    const perIter = sample.times.map((t, i) => t / sample.iters[i]);
    const ns = est.median.point_estimate;
    ops[bench.full_id] = {
      ns_per_op: +ns.toPrecision(6),
      ops_per_s: +(1e9 / ns).toPrecision(6),
      ci95_ns: [est.median.confidence_interval.lower_bound, est.median.confidence_interval.upper_bound].map((x) => +x.toPrecision(6)),
      mean_ns: +est.mean.point_estimate.toPrecision(6),
      slope_ns: est.slope ? +est.slope.point_estimate.toPrecision(6) : null,
      min_sample_ns: +Math.min(...perIter).toPrecision(6),
      max_sample_ns: +Math.max(...perIter).toPrecision(6),
      samples: perIter.length,
      iterations: sample.iters.reduce((a, b) => a + b, 0),
      written: new Date(fs.statSync(files[1]).mtimeMs).toISOString(),
    };
  }
  return Object.fromEntries(Object.entries(ops).sort(([a], [b]) => a.localeCompare(b)));
}

const report = {
  description:
    "Native baseline (bench/native, criterion): the Rust core on the inputs of bench/vectors/peers-vectors.json, under the operation ids of bench/lib/ops.mjs. ns_per_op is criterion's median per-iteration time; ops_per_s = 1e9 / ns_per_op. See bench/native/README.md.",
  machine: {
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)),
  },
  build: {
    rustc: text("rustc", ["--version"]),
    target: text("rustc", ["--print", "host-tuple"]) ?? text("rustc", ["-vV"])?.match(/host: (.*)/)?.[1] ?? null,
    profile: profile(),
    criterion: locked("criterion"),
    gitHead: text("git", ["rev-parse", "HEAD"]),
    workingTreeDirty: (text("git", ["status", "--porcelain", "--", "src", "Cargo.toml", "Cargo.lock", "bench/native"]) ?? "") !== "",
  },
  config: { ...CONFIG, filter: env.BENCH_ONLY ?? null, extraArgs },
  date: new Date().toISOString(),
};

if (collectOnly) {
  log(`collecting the estimates already in ${path.relative(REPO_DIR, CRITERION_DIR)}`);
  report.ops = collect(null);
} else {
  log("cargo bench --no-run (build)");
  report.build.seconds = +cargo(["bench", "--no-run"]).toFixed(1);
  const since = Date.now();
  log(`built in ${report.build.seconds} s; cargo bench (check every output, then measure)`);
  const args = ["bench", "--bench", "core", "--"];
  if (env.BENCH_ONLY) args.push(env.BENCH_ONLY);
  report.runSeconds = +cargo([...args, ...extraArgs]).toFixed(1);
  report.ops = collect(since);
}
report.build.lockMismatches = lockMismatches();
for (const m of report.build.lockMismatches) log(`warning: bench/native/Cargo.lock differs from Cargo.lock: ${m} (cargo update -p <name> --precise <root version> in bench/native)`);
report.machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
if (!Object.keys(report.ops).length) {
  console.error(`no criterion estimates found in ${CRITERION_DIR}`);
  process.exit(1);
}

fs.writeFileSync(RESULTS, JSON.stringify(report, null, 2) + "\n");

const rows = [["operation id", "native ops/s", "ns/op (median)", "95% CI (ns)", "fastest sample (ns)"]];
for (const [id, r] of Object.entries(report.ops)) {
  rows.push([id, fmtOps(r.ops_per_s), r.ns_per_op.toFixed(0), `${r.ci95_ns[0].toFixed(0)}–${r.ci95_ns[1].toFixed(0)}`, r.min_sample_ns.toFixed(0)]);
}
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const flags = extraArgs.length ? `; criterion flags: ${extraArgs.join(" ")}` : "";
console.log(`\nNative (criterion: ${CONFIG.sampleSize} samples in ${CONFIG.measurementMs} ms per operation after ${CONFIG.warmUpMs} ms warm-up${flags}; median ns per call)\n`);
console.log(rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ")).join("\n"));
const timing = collectOnly ? "" : ` (build ${report.build.seconds} s, run ${report.runSeconds} s)`;
log(`wrote ${path.relative(REPO_DIR, RESULTS)}: ${Object.keys(report.ops).length} operations${timing}`);
