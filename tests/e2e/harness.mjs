// The demo server and one headless Chromium, shared by the end-to-end files
// (not a test file itself: `node --test tests/e2e/*.e2e.mjs` does not run it).

import fs from "node:fs";

import { chromium } from "playwright-core";

import { startServer } from "../../www/server.mjs";

/** Debian's Chromium, launched as this machine allows (no downloads, no network). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Starts the demo server (a free port, loopback) and Chromium; `output` is made for screenshots. */
export async function startDemo(output) {
  fs.mkdirSync(output, { recursive: true });
  const server = await startServer({ port: 0, host: "127.0.0.1", quiet: true });
  const base = server.url.replace(/\/$/, "");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, timeout: 30_000 });
  return { server, browser, base };
}

/** Stops what startDemo started (either may be missing after a failed start). */
export async function stopDemo({ server, browser } = {}) {
  await browser?.close();
  await server?.close();
}
