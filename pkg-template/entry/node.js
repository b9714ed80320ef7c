// @ENTRY@ for Node (ESM): reads @WASM@ next to this file, located through
// import.meta.url, and instantiates it synchronously at import, so
// `ready()` resolves at once.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import initGlue, { initSync as initGlueSync } from "./@GLUE@";
import { setLoadError, syncInput } from "./state.js";

export * from "./@GLUE@";

let loaded = false;
let loadError;
try {
  initGlueSync({ module: readFileSync(fileURLToPath(new URL("./@WASM@", import.meta.url))) });
  loaded = true;
} catch (error) {
  loadError = error;
  setLoadError(error);
}

/** Resolves at once (the module is loaded at import); `source` loads it from elsewhere if that failed. */
export async function ready(source) {
  if (loaded) return;
  if (source === undefined) throw loadError;
  await initGlue({ module_or_path: source });
  loaded = true;
}

/** Instantiates the module synchronously from its bytes or a compiled WebAssembly.Module. */
export function initSync(wasm) {
  initGlueSync(syncInput(wasm));
  loaded = true;
}
