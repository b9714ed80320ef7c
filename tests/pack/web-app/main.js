// Browser consumer of the packed tarball's browser entries: a call before
// ready() throws NOT_INITIALIZED; `await ready()` fetches the entry's .wasm
// relative to the module's URL.
import { ready, erc191Hash, bytesToHex, buildInfo } from "intent-signer";
import * as near from "intent-signer/near";

try {
  let early;
  try {
    erc191Hash("Hello world!");
  } catch (e) {
    early = e;
  }
  document.body.dataset.early = early ? `${early.code}: ${early.message}` : "no error";
  await ready();
  await ready(); // idempotent
  const hex = bytesToHex(erc191Hash("Hello world!"));
  document.getElementById("result").textContent = hex;
  document.body.dataset.result = hex;
  document.body.dataset.version = buildInfo().version;
  await near.ready();
  document.body.dataset.near = near.bytesToHex(near.hexToBytes("0xc0ffee"));
} catch (e) {
  document.body.dataset.error = String(e && e.stack ? e.stack : e);
  throw e;
} finally {
  document.body.dataset.ready = "1";
}
