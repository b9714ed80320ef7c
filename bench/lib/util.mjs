// Small helpers shared by the benchmark modules (no library code here is timed
// on behalf of a contender unless an operation says so).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_DIR = path.resolve(BENCH_DIR, "..");
export const OUT_DIR = path.join(BENCH_DIR, "out");

const enc = new TextEncoder();
export const utf8 = (s) => enc.encode(s);

export function concat(...parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const toHex = (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");
export const fromHex = (h) => new Uint8Array(Buffer.from(h.startsWith("0x") ? h.slice(2) : h, "hex"));

/** base64 → bytes the way a browser library would (atob), not with Node's Buffer. */
export function b64decode(s) {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
export const b64encode = (b) => Buffer.from(b).toString("base64");

/** Any library value (bigint, ethers BigNumber, Result, Uint8Array) → plain JSON-comparable data. */
export function norm(v) {
  if (v instanceof Uint8Array) return "0x" + toHex(v);
  if (Array.isArray(v)) return Array.from(v, norm);
  if (typeof v === "bigint" || typeof v === "number") return String(v);
  if (v && typeof v === "object" && v._isBigNumber) return v.toString();
  if (typeof v === "string" && /^0x[0-9a-fA-F]*$/.test(v) && v.length !== 42) return v.toLowerCase();
  return v;
}

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function fmtOps(x) {
  if (x == null || !Number.isFinite(x)) return "—";
  if (x >= 1e6) return (x / 1e6).toFixed(2) + "M";
  if (x >= 1e4) return (x / 1e3).toFixed(0) + "k";
  if (x >= 1e3) return (x / 1e3).toFixed(1) + "k";
  if (x >= 100) return x.toFixed(0);
  return x.toFixed(1);
}

export function fmtInt(n) {
  return n.toLocaleString("en-US");
}

export function fmtRatio(r) {
  if (r == null || !Number.isFinite(r)) return "—";
  return r >= 10 ? r.toFixed(1) + "×" : r.toFixed(2) + "×";
}
