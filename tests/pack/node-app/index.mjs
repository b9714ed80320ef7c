// Node ESM consumer of the packed tarball: every entry by name through the
// exports map ("node" + "import" -> <dir>/node.js, loaded at import), then
// check.cjs does the same through `require` (-> <dir>/index.cjs). Prints one
// line per check: "ok <name>" or "FAIL <name>: <why>"; exits 1 if any failed.
import * as root from "intent-signer";
import * as near from "intent-signer/near";
import * as evm from "intent-signer/evm";
import * as connect from "intent-signer/connect";
import { intentsConnect } from "intent-signer/intents-connect";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// Upstream vector: near/intents, crates/erc191 (keccak256 of the EIP-191 preimage of "Hello world!").
const EXPECTED = "aa05af77f274774b8bdc7b61d98bc40da523dc2821fdea555f4d6aa413199bcc";
// Upstream vector V-NEP413-2 (near-api-js v7.3.0 signNep413Message with callbackUrl; tests/vectors/upstream.json), the README's payload.
const NEP413 = { message: "Hello NEAR!", nonce: "KNV0cOpvJ50D5vfF9pqWom8wo2sliQ4W+Wa7uZ3Uk6Y=", recipient: "example.near", callbackUrl: "http://localhost:3000" };
const NEP413_HASH = "ca89aebc4b822cb0618aa785dca563acee228e2631cff9adb7ce44989c5e8874";
const ENTRIES = { "intent-signer": [root, "all"], "intent-signer/near": [near, "near"], "intent-signer/evm": [evm, "evm"], "intent-signer/connect": [connect, "all"] };

let failed = 0;
async function check(name, fn) {
  try {
    const why = await fn();
    if (why === true) console.log(`ok ${name}`);
    else { failed++; console.log(`FAIL ${name}: ${why}`); }
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: threw ${e && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : e}`);
  }
}

for (const [specifier, [m, dir]] of Object.entries(ENTRIES)) {
  await check(`node esm: ${specifier} resolves to ${dir}/node.js, ready() resolves, the module answers`, async () => {
    const resolved = import.meta.resolve(specifier);
    if (!resolved.endsWith(`/node_modules/intent-signer/${dir}/node.js`)) return `resolved to ${resolved}`;
    if ((await m.ready()) !== undefined) return "ready() resolved to a value";
    const hex = m.bytesToHex(m.hexToBytes("0x00ff"));
    if (hex !== "00ff") return `bytesToHex(hexToBytes("0x00ff")) = ${hex}`;
    // The wing's standards under the same names: erc191 in evm, nep413 in near, both in the root and connect.
    if (dir !== "near") {
      const h = m.bytesToHex(m.erc191Hash("Hello world!"));
      if (h !== EXPECTED) return `erc191Hash: got ${h}, want ${EXPECTED}`;
    } else if ("erc191Hash" in m) return "near exports erc191Hash";
    if (dir !== "evm") {
      const h = m.bytesToHex(m.nep413Hash(NEP413));
      if (h !== NEP413_HASH) return `nep413Hash: got ${h}, want ${NEP413_HASH}`;
    } else if ("nep413Hash" in m) return "evm exports nep413Hash";
    return true;
  });
}

await check("node esm: buildInfo().version is the package.json version", () => {
  const info = root.buildInfo();
  const pkgVersion = createRequire(import.meta.url)("intent-signer/package.json").version;
  return info.version === pkgVersion || `buildInfo() = ${JSON.stringify(info)}, package.json version ${pkgVersion}`;
});

await check("node esm: verifyMultiPayload rejects garbage with a coded Error (root and near)", () => {
  for (const m of [root, near]) {
    try {
      m.verifyMultiPayload("{}");
      return "did not throw";
    } catch (e) {
      if (!(e instanceof Error) || typeof e.code !== "string") return `threw ${e}`;
    }
  }
  return true;
});

await check("node esm: intent-signer/intents-connect", () =>
  typeof intentsConnect({ baseUrl: "http://127.0.0.1:9" }).getExecution === "function" || "no getExecution");

await check("node esm: the .wasm files resolve by name (intent-signer/near.wasm, ...)", () => {
  for (const [name, dir] of [["all", "all"], ["near", "near"], ["evm", "evm"], ["connect", "all"]]) {
    const u = import.meta.resolve(`intent-signer/${name}.wasm`);
    if (!u.endsWith(`/intent-signer/${dir}/intent_signer_${dir}_bg.wasm`)) return `${name}.wasm -> ${u}`;
  }
  return true;
});

await check("node cjs: require() of every entry from a .cjs file (no require(esm))", () => {
  // Node 20.17+/22 have require(esm) (off by default on 20, on by default from 22.12): turn it off.
  const noRequireEsm = process.allowedNodeEnvironmentFlags.has("--no-experimental-require-module") ? ["--no-experimental-require-module"] : [];
  const out = execFileSync(process.execPath, [...noRequireEsm, fileURLToPath(new URL("./check.cjs", import.meta.url))], {
    encoding: "utf8",
    timeout: 20000,
  }).trim();
  return out === `cjs ok ${EXPECTED}` || `check.cjs printed ${JSON.stringify(out)}`;
});

console.log(`node-app: ${failed === 0 ? "all ok" : failed + " failed"}`);
process.exit(failed === 0 ? 0 : 1);
