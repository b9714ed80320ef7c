// Loads DIR/index.html (a copy of web-app/ with the tarball installed) over
// http://127.0.0.1 in headless Debian Chromium via playwright-core and checks
// the web build. Prints "ok <name>" / "FAIL <name>: <why>" lines; exits 1 if
// any check failed. Bounded: every wait has a timeout and a watchdog exits.
//   node browser-test.mjs DIR
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const EXPECTED = "aa05af77f274774b8bdc7b61d98bc40da523dc2821fdea555f4d6aa413199bcc";
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const dir = process.argv[2];
if (!dir) {
  console.error("usage: node browser-test.mjs DIR");
  process.exit(2);
}

let failed = 0;
const report = (name, why) => {
  if (why === true) console.log(`ok ${name}`);
  else { failed++; console.log(`FAIL ${name}: ${why}`); }
};

let browser;
let srv;
const cleanup = async () => {
  await Promise.race([
    Promise.allSettled([browser?.close(), srv?.close()]),
    new Promise((r) => setTimeout(r, 5000)),
  ]);
};
const watchdog = setTimeout(() => {
  console.log("FAIL browser: watchdog: the browser test took over 45 s");
  cleanup().finally(() => process.exit(1));
}, 45000);
watchdog.unref();

try {
  srv = await serve(dir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 20000,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(15000);
  const problems = [];
  const responses = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // wasm-bindgen warns (console.warn) when it has to fall back from
    // instantiateStreaming because of a wrong MIME type: count that too.
    if (m.type() === "error" || m.type() === "warning") problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("requestfailed", (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    responses.push({ url: r.url(), status: r.status(), type: r.headers()["content-type"] ?? "" });
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  // Anything outside the local server is a mistake (the machine has no internet).
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(srv.url)) return route.continue();
    problems.push(`request outside the test server: ${u}`);
    return route.abort();
  });

  await page.goto(srv.url + "index.html", { waitUntil: "load", timeout: 15000 });
  let ready = true;
  try {
    await page.waitForSelector('body[data-ready="1"]', { state: "attached", timeout: 15000 });
  } catch (e) {
    ready = false;
  }
  const data = await page.evaluate(() => ({ ...document.body.dataset }));

  report("browser entries: a call before ready() throws NOT_INITIALIZED naming what to await",
    /^NOT_INITIALIZED: intent-signer: .*await ready\(\)/.test(data.early ?? "") || `before ready(): ${data.early}`);

  report("browser entries: await ready() and erc191Hash('Hello world!')",
    !ready ? `page never set data-ready (dataset ${JSON.stringify(data)}; ${problems.join("; ")})`
      : data.error ? `page error: ${data.error}`
      : data.result === EXPECTED || `got ${data.result}, want ${EXPECTED}`);

  report("browser entries: intent-signer/near ready() and its own module", data.near === "c0ffee" || `near: ${data.near}`);

  for (const dir of ["all", "near"]) {
    const wasm = responses.find((r) => r.url.endsWith(`/node_modules/intent-signer/${dir}/intent_signer_${dir}_bg.wasm`));
    const js = responses.find((r) => r.url.endsWith(`/node_modules/intent-signer/${dir}/index.js`));
    report(`browser entries: ${dir}/index.js, its .wasm fetched relative to the JS as application/wasm`,
      !js ? `${dir}/index.js not requested (${responses.map((r) => r.url).join(", ")})`
        : !js.type.startsWith("text/javascript") ? `${dir}/index.js served as ${js.type}`
        : !wasm ? `${dir}/intent_signer_${dir}_bg.wasm not requested (${responses.map((r) => r.url).join(", ")})`
        : wasm.status !== 200 ? `${dir} .wasm: HTTP ${wasm.status}`
        : wasm.type === "application/wasm" || `${dir} .wasm served as ${wasm.type}`);
  }
  const others = responses.filter((r) => /intent_signer_(evm|connect)_bg\.wasm$/.test(r.url));
  report("browser entries: a page loads only the .wasm of the entries it imports", others.length === 0 || others.map((r) => r.url).join(", "));

  report("browser: no page errors, console errors/warnings or failed requests",
    problems.length === 0 || problems.join("; "));
} catch (e) {
  report("browser: run", `threw ${e && e.stack ? e.stack.split("\n").slice(0, 4).join(" | ") : e}`);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
console.log(`browser: ${failed === 0 ? "all ok" : failed + " failed"}`);
process.exit(failed === 0 ? 0 : 1);
