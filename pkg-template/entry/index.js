// @ENTRY@ for browsers, bundlers and workers: `await ready()` fetches and
// instantiates @WASM@ from next to this file (`new URL(..., import.meta.url)`,
// which Vite, webpack, Rollup, Parcel and Next.js copy into the build);
// `initSync(bytes | WebAssembly.Module)` where top-level await is not allowed.
import initGlue, { initSync as initGlueSync } from "./@GLUE@";
import { syncInput } from "./state.js";

export * from "./@GLUE@";

let pending;

/**
 * Resolves once the module is instantiated; idempotent. `source` (a URL,
 * Response, bytes or WebAssembly.Module) replaces the default location.
 */
export function ready(source) {
  if (pending === undefined) {
    pending = load(source).then(() => undefined);
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}

async function load(source) {
  if (source !== undefined) return initGlue({ module_or_path: source });
  try {
    return await initGlue({ module_or_path: new URL("./@WASM@", import.meta.url) });
  } catch (error) {
    // The Vite dev server serves pre-bundled dependencies from
    // node_modules/.vite/deps/ without the files they reference; the package's
    // own copy is still served at /node_modules/@PKGPATH@.
    const here = import.meta.url;
    if (!/\/node_modules\/\.vite\//.test(here)) throw error;
    return initGlue({ module_or_path: new URL("/node_modules/@PKGPATH@", here) });
  }
}

/** Instantiates the module synchronously from its bytes or a compiled WebAssembly.Module. */
export function initSync(wasm) {
  initGlueSync(syncInput(wasm));
}
