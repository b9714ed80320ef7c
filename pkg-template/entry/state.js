// @ENTRY@: what the wasm-bindgen glue holds until the WebAssembly module is
// ready. Every exported function reaches the module through this object, so
// a call before `ready()` / `initSync()` throws a coded Error instead of
// "Cannot read properties of undefined".

let loadError;

/** Records why a synchronous load (Node) failed, for the error message. */
export function setLoadError(error) {
  loadError = error;
}

function notInitialized() {
  const how = loadError === undefined
    ? "`await ready()` first (import { ready } from \"@ENTRY@\"), or call initSync(bytes) in a worker"
    : `loading @WASM@ failed (${loadError && loadError.message}); pass the module yourself: initSync(bytes) or \`await ready(urlOrBytes)\``;
  const error = new Error(`@ENTRY@: the WebAssembly module is not initialized: ${how}`);
  error.code = "NOT_INITIALIZED";
  if (loadError !== undefined) error.cause = loadError;
  return error;
}

/** What initSync accepts: the bytes or a compiled module (or wasm-bindgen's `{ module }`). */
export function syncInput(wasm) {
  const module = wasm !== null && typeof wasm === "object" && Object.getPrototypeOf(wasm) === Object.prototype ? wasm.module : wasm;
  if (module instanceof WebAssembly.Module || module instanceof ArrayBuffer || ArrayBuffer.isView(module)) return { module };
  const error = new TypeError(`@ENTRY@: initSync expects the .wasm bytes (ArrayBuffer, Uint8Array) or a WebAssembly.Module, got ${module === null ? "null" : typeof module}`);
  error.code = "INVALID_TYPE";
  error.path = "wasm";
  throw error;
}

export const NOT_READY = new Proxy({}, {
  get() {
    throw notInitialized();
  },
});
