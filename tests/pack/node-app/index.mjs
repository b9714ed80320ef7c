// Node ESM consumer of the packed tarball: `import ... from "intent-signer"`
// resolves through the exports map ("." -> "node" condition), then
// check.cjs does the same through `require`. Prints one line per check:
// "ok <name>" or "FAIL <name>: <why>"; exits 1 if any failed.
import { erc191Hash, bytesToHex, verifyMultiPayload, buildInfo } from "intent-signer";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// Upstream vector: near/intents, crates/erc191 (keccak256 of the EIP-191 preimage of "Hello world!").
const EXPECTED = "aa05af77f274774b8bdc7b61d98bc40da523dc2821fdea555f4d6aa413199bcc";

let failed = 0;
function check(name, fn) {
  try {
    const why = fn();
    if (why === true) console.log(`ok ${name}`);
    else { failed++; console.log(`FAIL ${name}: ${why}`); }
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: threw ${e && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : e}`);
  }
}

check("node esm: import resolves to the node build", () => {
  const resolved = import.meta.resolve("intent-signer");
  return /\/node_modules\/intent-signer\/node\/intent_signer\.js$/.test(resolved) || `resolved to ${resolved}`;
});

check("node esm: erc191Hash('Hello world!')", () => {
  const hex = bytesToHex(erc191Hash("Hello world!"));
  return hex === EXPECTED || `got ${hex}, want ${EXPECTED}`;
});

check("node esm: verifyMultiPayload and buildInfo exported", () => {
  if (typeof verifyMultiPayload !== "function") return `verifyMultiPayload is ${typeof verifyMultiPayload}`;
  if (typeof buildInfo !== "function") return `buildInfo is ${typeof buildInfo}`;
  const info = buildInfo();
  if (!info || typeof info !== "object") return `buildInfo() returned ${JSON.stringify(info)}`;
  const pkgVersion = createRequire(import.meta.url)("intent-signer/package.json").version;
  return info.version === pkgVersion || `buildInfo() = ${JSON.stringify(info)}, package.json version ${pkgVersion}`;
});

check("node esm: verifyMultiPayload rejects garbage with an Error", () => {
  try {
    verifyMultiPayload("{}");
  } catch (e) {
    return e instanceof Error || `threw a non-Error: ${JSON.stringify(e)}`;
  }
  return "did not throw";
});

check("node cjs: require('intent-signer') from a .cjs file", () => {
  const out = execFileSync(process.execPath, [fileURLToPath(new URL("./check.cjs", import.meta.url))], {
    encoding: "utf8",
    timeout: 20000,
  }).trim();
  return out === EXPECTED || `check.cjs printed ${JSON.stringify(out)}`;
});

// The "./web" export is for browsers, but it must resolve (and run, given the
// wasm bytes explicitly) from Node too.
try {
  const url = import.meta.resolve("intent-signer/web");
  if (!/\/node_modules\/intent-signer\/web\/intent_signer\.js$/.test(url)) throw new Error(`resolved to ${url}`);
  const web = await import("intent-signer/web");
  const { readFileSync } = await import("node:fs");
  await web.default({ module_or_path: readFileSync(new URL("./intent_signer_bg.wasm", url)) });
  const hex = web.bytesToHex(web.erc191Hash("Hello world!"));
  if (hex !== EXPECTED) throw new Error(`got ${hex}, want ${EXPECTED}`);
  console.log("ok node esm: intent-signer/web resolves, init({ module_or_path: bytes }) and erc191Hash");
} catch (e) {
  failed++;
  console.log(`FAIL node esm: intent-signer/web: ${e && e.message ? e.message : e}`);
}

console.log(`node-app: ${failed === 0 ? "all ok" : failed + " failed"}`);
process.exit(failed === 0 ? 0 : 1);
