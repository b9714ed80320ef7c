
// ---- @ENTRY@ for Node (CommonJS): reads @WASM@ next to this file.
// `__dirname` is CommonJS's own location of this file (ES modules have
// import-dot-meta instead); this file is selected only under the `node` + `require`
// conditions, never for a browser bundle.
let __loaded = false;
let __loadError;
try {
  initSync({ module: require("node:fs").readFileSync(require("node:path").join(__dirname, "@WASM@")) });
  __loaded = true;
} catch (error) {
  __loadError = error;
  setLoadError(error);
}

async function __ready(source) {
  if (__loaded) return;
  if (source === undefined) throw __loadError;
  await __wbg_init({ module_or_path: source });
  __loaded = true;
}

function __initSync(wasm) {
  initSync(syncInput(wasm));
  __loaded = true;
}
