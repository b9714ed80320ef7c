// The README's "## Install / Use from JavaScript" section: every ```js block
// runs as an ES module against the installed package and exits 0.

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
