// @ENTRY@ for browsers, bundlers and workers: `await ready()` fetches and
// instantiates @WASM@ from next to this file (a URL of the file name relative
// to import.meta.url, a form Vite, webpack, Rollup, Parcel and Next.js copy
// into the build); `initSync(bytes | WebAssembly.Module)` where top-level
// await is not allowed.
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
    // own copy sits in the same node_modules/. A plain string, not a URL object
    // made from a literal, so that no bundler takes it for an asset.
    const here = import.meta.url;
    const at = here.indexOf("/node_modules/.vite/");
    if (at < 0) throw error;
    return initGlue({ module_or_path: `${here.slice(0, at)}/node_modules/@PKGPATH@` });
  }
}

/** Instantiates the module synchronously from its bytes or a compiled WebAssembly.Module. */
export function initSync(wasm) {
  initGlueSync(syncInput(wasm));
}
