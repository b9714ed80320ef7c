// @ENTRY@ for Node (ESM): reads @WASM@ next to this file, located through
// import.meta.url, and instantiates it synchronously at import, so
// `ready()` resolves at once. The path is joined from this file's directory,
// not a URL object made from the file name and import.meta.url: server bundlers
// (Next.js with webpack or Turbopack) rewrite that form into a public asset
// URL, which is no file path; they keep this file's own import.meta.url.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import initGlue, { initSync as initGlueSync } from "./@GLUE@";
import { setLoadError, syncInput } from "./state.js";

export * from "./@GLUE@";

let loaded = false;
let loadError;
try {
  initGlueSync({ module: readFileSync(join(dirname(fileURLToPath(import.meta.url)), "@WASM@")) });
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
