// The README's JavaScript: every ```js block runs as an ES module against the
// installed package and exits 0 (the "## Install / Use from JavaScript"
// section must have some), and every ```js/```ts block type-checks under
// `tsc --strict` against the installed package's .d.ts.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { readmeSection, repoRoot } from "./helpers.mjs";

const SECTION = "Install / Use from JavaScript";
const here = fileURLToPath(new URL(".", import.meta.url));

/** The ```js blocks of a Markdown text, with the line each starts on. */
function jsBlocks(markdown, firstLine) {
  const blocks = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(js|javascript|mjs)\s*$/.test(lines[i])) continue;
    const start = i;
    const body = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    assert.ok(i < lines.length, `README line ${firstLine + start}: unterminated code block`);
    blocks.push({ line: firstLine + start, code: body.join("\n") + "\n" });
  }
  return blocks;
}

/** Runs each block as an ES module inside tests/js (so "intent-signer" resolves). */
async function runBlocks(t, blocks) {
  const dir = mkdtempSync(join(here, ".readme-"));
  try {
    for (const [i, b] of blocks.entries()) {
      await t.test(`block ${i + 1} (README line ${b.line})`, () => {
        assert.match(b.code, /from\s+["']intent-signer(\/(near|evm|connect|intents-connect))?["']/, `README line ${b.line}: the block imports the package by name`);
        const file = join(dir, `block-${i + 1}.mjs`);
        writeFileSync(file, b.code);
        const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: "utf8", timeout: 30_000 });
        assert.equal(r.error, undefined, `README line ${b.line}: ${r.error}`);
        assert.equal(
          r.status,
          0,
          `README line ${b.line}: the block exited with ${r.status} (signal ${r.signal})\n--- stderr\n${r.stderr}\n--- stdout\n${r.stdout}`,
        );
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");

test(`README "## ${SECTION}": every js block runs`, async (t) => {
  const section = readmeSection(readme, SECTION);
  assert.ok(section !== undefined, `README.md has no "## ${SECTION}" section (it must show how to use the package from JavaScript in \`\`\`js blocks)`);
  const sectionLine = readme.split("\n").findIndex((l) => l.trim() === `## ${SECTION}`) + 2;
  const blocks = jsBlocks(section, sectionLine);
  assert.ok(blocks.length > 0, `README "## ${SECTION}" has no \`\`\`js code block`);
  await runBlocks(t, blocks);
  t.diagnostic(`${blocks.length} js block(s) run`);
});

test("README: the js blocks of every other section run too", async (t) => {
  const inSection = new Set(jsBlocks(readmeSection(readme, SECTION) ?? "", 0).map((b) => b.code));
  const others = jsBlocks(readme, 1).filter((b) => !inSection.has(b.code));
  await runBlocks(t, others);
  t.diagnostic(`${others.length} js block(s) outside "## ${SECTION}" run`);
});

// ------------------------------------------------------------ tsc --strict

/** The ```js/```ts blocks of a Markdown text (README line numbers, 1-based, of the fence). */
function codeBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^```(js|javascript|mjs|ts|typescript|mts)\s*$/.exec(lines[i]);
    if (!m) continue;
    const start = i;
    const body = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    assert.ok(i < lines.length, `README line ${start + 1}: unterminated code block`);
    blocks.push({ line: start + 1, ts: /^(ts|typescript|mts)$/.test(m[1]), code: body.join("\n") + "\n" });
  }
  return blocks;
}

/**
 * Runs `tsc --strict` over files written into a fresh folder inside tests/js
 * (so "intent-signer" resolves by package name to the installed tarball, and
 * @types/node is found). JS files are checked with `checkJs`: the README's
 * examples are JavaScript, typed by JSDoc where a literal would widen.
 * Returns the diagnostics as `{ file, line, col, message }`.
 */
function tscStrict(files) {
  const dir = mkdtempSync(join(here, ".readme-tsc-"));
  try {
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          allowJs: true,
          checkJs: true,
          noEmit: true,
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM"],
          types: ["node"],
          skipLibCheck: false,
        },
        files: Object.keys(files),
      }),
    );
    const tsc = join(here, "node_modules", "typescript", "bin", "tsc");
    const r = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json"), "--pretty", "false"], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    assert.equal(r.error, undefined, `tsc: ${r.error}`);
    const diagnostics = [];
    for (const l of r.stdout.split("\n")) {
      const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/.exec(l);
      if (m) diagnostics.push({ file: m[1].replace(/^.*[\\/]/, ""), line: Number(m[2]), col: Number(m[3]), message: m[4] });
      else if (/error TS/.test(l)) diagnostics.push({ file: "?", line: 0, col: 0, message: l });
    }
    assert.ok(r.status === 0 || diagnostics.length > 0, `tsc exited with ${r.status} without a diagnostic:\n${r.stdout}\n${r.stderr}`);
    return diagnostics;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("README: every js/ts block type-checks under tsc --strict against the installed package", (t) => {
  // Blocks that use the package (a bundler's config file, say, does not:
  // those are for the consumer matrix to prove).
  const blocks = codeBlocks(readme).filter((b) => /from\s+["']intent-signer(\/[a-z-]+)?["']/.test(b.code));
  assert.ok(blocks.length >= 6, `README js/ts blocks that import intent-signer: ${blocks.length}`);
  const files = {};
  const where = {};
  for (const [i, b] of blocks.entries()) {
    const name = `block-${i + 1}.${b.ts ? "mts" : "mjs"}`;
    files[name] = b.code;
    where[name] = b;
  }
  // A control file the check must reject: proves checkJs is on for .mjs and
  // that the package's declarations were found (an `any` would pass).
  files["control.mjs"] = 'import { erc191Hash } from "intent-signer";\n/** @type {number} */\nexport const n = erc191Hash("x");\n';
  const diagnostics = tscStrict(files);
  const control = diagnostics.filter((d) => d.file === "control.mjs");
  assert.equal(control.length, 1, `the control file must fail exactly once (a Uint8Array is not a number): ${JSON.stringify(diagnostics)}`);
  assert.match(control[0].message, /Uint8Array.*number|TS2322/);
  const errors = diagnostics
    .filter((d) => d.file !== "control.mjs")
    .map((d) => {
      const b = where[d.file];
      return b ? `README line ${b.line + d.line}:${d.col}: ${d.message}` : `${d.file}: ${d.message}`;
    });
  assert.deepEqual(errors, [], `README examples that do not compile under tsc --strict:\n${errors.join("\n")}`);
  t.diagnostic(`${blocks.length} README block(s) type-checked`);
});
