// Rollup resolves node_modules only through @rollup/plugin-node-resolve, and
// copies files referenced by `new URL("./x", import.meta.url)` only through an
// asset plugin (@web/rollup-plugin-import-meta-assets): the usual setup.
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { importMetaAssets } from "@web/rollup-plugin-import-meta-assets";

export default {
  input: "src/main.js",
  output: { dir: "dist", format: "es" },
  plugins: [nodeResolve({ browser: true }), importMetaAssets()],
};
