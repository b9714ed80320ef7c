// Browser consumer of the packed tarball's web build: explicit async init(),
// which fetches intent_signer_bg.wasm relative to the module's URL.
import init, { erc191Hash, bytesToHex, buildInfo } from "intent-signer/web";

try {
  await init();
  const hex = bytesToHex(erc191Hash("Hello world!"));
  document.getElementById("result").textContent = hex;
  document.body.dataset.result = hex;
  document.body.dataset.version = buildInfo().version;
} catch (e) {
  document.body.dataset.error = String(e && e.stack ? e.stack : e);
  throw e;
} finally {
  document.body.dataset.ready = "1";
}
