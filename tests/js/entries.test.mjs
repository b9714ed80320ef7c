// The package's entries (intent-signer, /near, /evm; /connect is the root's
// files under another name), loaded by
// package name or by their files in the installed copy: the browser loader
// (index.js) with initSync/ready, the Node ESM loader (node.js), the CommonJS
// file (index.cjs), NOT_INITIALIZED before the module is ready, and the same
// function names in every entry that has them.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { test } from "node:test";

import * as root from "intent-signer";

import { INSTALLED, hex, toHex, vectorFile } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const UP = Object.fromEntries(vectorFile("upstream.json").cases.map((c) => [c.id, c]));
const ERC = UP["V-ERC191-1-v28"];
const RAW = UP["V-RAW-2"];
const PKG = JSON.parse(readFileSync(join(INSTALLED, "package.json"), "utf8"));
const ENTRIES = [
  { specifier: "intent-signer", dir: "all" },
  { specifier: "intent-signer/near", dir: "near" },
  { specifier: "intent-signer/evm", dir: "evm" },
];
const wasmPath = (dir) => join(INSTALLED, dir, `intent_signer_${dir}_bg.wasm`);
const fns = (m) => Object.keys(m).filter((k) => typeof m[k] === "function").sort();
const LOADER = ["initSync", "ready"];

/**
 * Runs `body` (an async function body with `m`, the entry's browser loader
 * index.js, `bytes`, its .wasm, and `assert` in scope) in a new Node process,
 * so that each run starts from a module that was never initialized, as a page
 * load does. Fails with the child's stderr.
 */
function inFreshProcess(dir, body) {
  const src = `
    import assert from "node:assert/strict";
    import { readFileSync } from "node:fs";
    const m = await import(${JSON.stringify(pathToFileURL(join(INSTALLED, dir, "index.js")).href)});
    const bytes = readFileSync(${JSON.stringify(wasmPath(dir))});
    ${body}
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", src], { encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 0, `child exited ${r.status} (${r.signal})\n--- stderr\n${r.stderr}\n--- stdout\n${r.stdout}`);
  return r.stdout;
}

function declared(dir, ext) {
  const dts = readFileSync(join(INSTALLED, dir, `index.${ext}`), "utf8");
  return [...dts.matchAll(/^export (?:declare )?(?:function|class) (\w+)\b/gm)].map((m) => m[1]).sort();
}

for (const { specifier, dir } of ENTRIES) {
  test(`${specifier}: the browser loader throws NOT_INITIALIZED from every export before it is ready`, () => {
    const out = inFreshProcess(dir, `
      const LOADER = ${JSON.stringify(LOADER)};
      const calls = [];
      for (const name of Object.keys(m).filter((k) => typeof m[k] === "function" && !LOADER.includes(k))) {
        const f = m[name];
        if (!/^class\\b/.test(Function.prototype.toString.call(f))) {
          calls.push([name, () => f()]);
          continue;
        }
        calls.push(["new " + name, () => new f("transfer(address,uint256)")]);
        for (const s of Object.getOwnPropertyNames(f)) {
          if (typeof f[s] === "function") calls.push([name + "." + s, () => f[s]("transfer(address,uint256)")]);
        }
      }
      assert.ok(calls.length >= 5, calls.length + " exports");
      for (const [name, call] of calls) {
        assert.throws(call, (e) => {
          assert.ok(e instanceof Error, name + ": an Error");
          assert.equal(e.code, "NOT_INITIALIZED", name + ": code (" + e.message + ")");
          assert.ok(e.message.startsWith(${JSON.stringify(specifier)} + ": "), name + ": names the entry");
          assert.ok(e.message.includes('await ready()') && e.message.includes('import { ready } from "${specifier}"'), name + ": says what to await: " + e.message);
          return true;
        }, name);
      }
      // Instantiated, the same calls reach the module: a coded error or a result, never NOT_INITIALIZED.
      m.initSync(bytes);
      for (const [name, call] of calls) {
        try { call(); } catch (e) { assert.notEqual(e.code, "NOT_INITIALIZED", name); assert.equal(typeof e.code, "string", name + ": " + e); }
      }
      console.log(calls.length);
    `);
    assert.ok(Number(out) >= 5);
  });

  test(`${specifier}: initSync with the bytes or a WebAssembly.Module; ready() after that resolves; wrong types are coded`, () => {
    inFreshProcess(dir, `
      assert.throws(() => m.initSync("intent_signer.wasm"), (e) => e instanceof TypeError && e.code === "INVALID_TYPE" && e.path === "wasm");
      assert.throws(() => m.initSync(undefined), (e) => e instanceof TypeError && e.code === "INVALID_TYPE");
      assert.throws(() => m.bytesToHex(new Uint8Array([1])), { code: "NOT_INITIALIZED" });
      assert.equal(m.initSync(bytes), undefined);
      assert.equal(m.bytesToHex(m.hexToBytes("0x0102")), "0102");
      await m.ready();
      m.initSync(bytes); // idempotent
      const again = await import(${JSON.stringify(pathToFileURL(join(INSTALLED, dir, "index.js")).href)} + "?other-url");
      assert.equal(again.bytesToHex(new Uint8Array([9])), "09", "one module instance per page (the glue is shared)");
    `);
    inFreshProcess(dir, `
      m.initSync(new WebAssembly.Module(bytes));
      assert.equal(m.bytesToHex(new Uint8Array([255])), "ff");
      m.initSync(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    `);
  });

  test(`${specifier}: ready(bytes) and ready(module) instantiate; ready() is idempotent; a failed load can be retried`, () => {
    inFreshProcess(dir, `
      const p = m.ready(bytes);
      assert.equal(m.ready(), p, "the same promise while loading");
      assert.equal(await p, undefined);
      assert.equal(m.bytesToHex(new Uint8Array([1, 255])), "01ff");
    `);
    inFreshProcess(dir, `
      await m.ready(await WebAssembly.compile(bytes));
      assert.equal(m.bytesToHex(new Uint8Array([7])), "07");
    `);
    inFreshProcess(dir, `
      await assert.rejects(m.ready(new Uint8Array([0, 1, 2, 3])));
      assert.throws(() => m.bytesToHex(new Uint8Array([1])), { code: "NOT_INITIALIZED" });
      await m.ready(Promise.resolve(new Response(bytes, { headers: { "content-type": "application/wasm" } })));
      assert.equal(m.bytesToHex(new Uint8Array([1])), "01");
    `);
  });

  test(`${specifier}: Node ESM (by name) is ready at import; CommonJS require gives the same exports`, async () => {
    const esm = await import(specifier);
    assert.equal(await esm.ready(), undefined);
    assert.equal(esm.bytesToHex(esm.hexToBytes("0xabcd")), "abcd");
    const cjs = require(specifier);
    assert.equal(require.resolve(specifier), join(INSTALLED, dir, "index.cjs"));
    assert.deepEqual(fns(cjs), fns(esm), "same function names in ESM and CommonJS");
    assert.equal(await cjs.ready(), undefined);
    assert.deepEqual(cjs.errorCodes(), esm.errorCodes());
    assert.equal(cjs.bytesToHex(cjs.hexToBytes("0xabcd")), "abcd");
    let e;
    try {
      cjs.hexToBytes(1);
    } catch (err) {
      e = err;
    }
    assert.ok(e instanceof TypeError);
    assert.equal(e.code, "INVALID_TYPE");
  });

  test(`${specifier}: the .d.ts and .d.cts declare exactly the runtime exports, loader included`, async () => {
    const esm = await import(specifier);
    assert.deepEqual(declared(dir, "d.ts"), fns(esm));
    assert.deepEqual(declared(dir, "d.cts"), fns(esm));
    for (const ext of ["d.ts", "d.cts"]) {
      const dts = readFileSync(join(INSTALLED, dir, `index.${ext}`), "utf8");
      assert.match(dts, /export type LoaderErrorCode = "NOT_INITIALIZED";/, `${dir}/index.${ext}`);
      assert.doesNotMatch(dts, /InitOutput|__wbg_init/, `${dir}/index.${ext}: no wasm-bindgen init API`);
    }
  });
}

test("intent-signer/connect is the root entry under its own name: same files, same module instance", async () => {
  const c = PKG.exports["./connect"];
  assert.deepEqual(c, PKG.exports["."]);
  assert.equal(PKG.exports["./connect.wasm"], PKG.exports["./all.wasm"]);
  const connect = await import("intent-signer/connect");
  for (const name of fns(root)) assert.equal(connect[name], root[name], name);
  assert.equal(require("intent-signer/connect"), require("intent-signer"));
});

test("same function names everywhere: every entry's exports are the root's, with the same arity", async () => {
  for (const { specifier } of ENTRIES.slice(1)) {
    const m = await import(specifier);
    for (const name of fns(m)) {
      assert.equal(typeof root[name], "function", `${specifier} exports ${name}, the root does not`);
      assert.equal(m[name].length, root[name].length, `${specifier}.${name}: arity`);
    }
  }
  const near = await import("intent-signer/near");
  for (const name of ["verifyMultiPayload", "decodeIntent", "implicitAccountId"]) assert.ok(name in near, `near has ${name}`);
  const evm = await import("intent-signer/evm");
  for (const name of ["abiEncodeCall", "eip712Hash", "reviewPermit2"]) assert.ok(name in evm, `evm has ${name}`);
  const connect = await import("intent-signer/connect");
  for (const name of ["prepareSigning", "finishSigning"]) assert.ok(name in connect, `connect has ${name}`);
});

test("the root entry, each loader: results equal the vectors", () => {
  inFreshProcess("all", `
    await m.ready(bytes);
    const ERC = ${JSON.stringify(ERC)};
    assert.equal(m.bytesToHex(m.erc191Hash(ERC.input.message)), ERC.expected.hash);
  `);
  for (const m of [root, require("intent-signer")]) {
    assert.equal(toHex(m.erc191Hash(ERC.input.message)), ERC.expected.hash);
    assert.equal(m.erc191Recover(ERC.input.message, hex(ERC.input.signature)).toLowerCase(), ERC.expected.signerId);
    const v = m.verifyMultiPayload(RAW.input.multiPayload);
    assert.equal(v.valid, true);
    assert.equal(v.intentHashBase58, RAW.expected.intentHash);
  }
});

test("package.json: every wasm entry has node import/require, browser, import and default conditions, types first", () => {
  for (const { specifier, dir } of ENTRIES) {
    const key = specifier === "intent-signer" ? "." : `./${dir}`;
    const e = PKG.exports[key];
    assert.deepEqual(Object.keys(e), ["node", "browser", "import", "default"], key);
    assert.deepEqual(e.node.import, { types: `./${dir}/index.d.ts`, default: `./${dir}/node.js` });
    assert.deepEqual(e.node.require, { types: `./${dir}/index.d.cts`, default: `./${dir}/index.cjs` });
    for (const c of ["browser", "import", "default"]) assert.deepEqual(e[c], { types: `./${dir}/index.d.ts`, default: `./${dir}/index.js` });
    assert.equal(PKG.exports[`./${dir}.wasm`], `./${dir}/intent_signer_${dir}_bg.wasm`);
  }
  // The browser loaders never touch Node's file system nor __dirname; the Node ESM loader never uses __dirname.
  for (const { dir } of ENTRIES) {
    const browser = readFileSync(join(INSTALLED, dir, "index.js"), "utf8");
    assert.match(browser, new RegExp(`new URL\\("\\./intent_signer_${dir}_bg\\.wasm", import\\.meta\\.url\\)`));
    assert.doesNotMatch(browser, /node:|__dirname|require\(/);
    const node = readFileSync(join(INSTALLED, dir, "node.js"), "utf8");
    // Joined from import.meta.url's directory: a server bundler (Next.js) rewrites `new URL(literal, import.meta.url)`.
    assert.match(node, new RegExp(`readFileSync\\(join\\(dirname\\(fileURLToPath\\(import\\.meta\\.url\\)\\), "intent_signer_${dir}_bg\\.wasm"\\)\\)`));
    assert.doesNotMatch(node, /__dirname|new URL\(/);
    // The only URL literal a bundler sees in the browser loader is the entry's own .wasm.
    assert.equal(browser.match(/new URL\(/g).length, 1, `${dir}/index.js: one new URL(...)`);
  }
});

test("the declarations type-check in a Node-only TypeScript project (no DOM lib), from ESM and CommonJS", () => {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const dir = mkdtempSync(join(here, ".nodom-"));
  try {
    writeFileSync(
      join(dir, "esm.mts"),
      `import { ready, initSync, erc191Hash, type WasmModule, type NotInitializedError } from "intent-signer/evm";
import { nep413Hash } from "intent-signer/near";
import { prepareSigning } from "intent-signer/connect";
await ready();
await ready(new Uint8Array(8));
initSync(new Uint8Array(8));
declare const m: WasmModule;
initSync(m);
const e: NotInitializedError["code"] = "NOT_INITIALIZED";
export const out = [erc191Hash("x").length, typeof nep413Hash, typeof prepareSigning, e];
`,
    );
    writeFileSync(
      join(dir, "cjs.cts"),
      `import { ready, nep413Hash } from "intent-signer/near";
import { intentsConnect } from "intent-signer/intents-connect";
export const p = ready().then(() => [nep413Hash, intentsConnect]);
`,
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022"], types: ["node"], skipLibCheck: false },
        files: ["esm.mts", "cjs.cts"],
      }),
    );
    const r = spawnSync(process.execPath, [join(here, "node_modules", "typescript", "bin", "tsc"), "-p", join(dir, "tsconfig.json"), "--pretty", "false"], { encoding: "utf8", timeout: 120_000 });
    assert.equal(r.status, 0, `tsc (lib ES2022, types node, no DOM):\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
