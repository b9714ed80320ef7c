// Vite 5-7 dev server in a monorepo whose node_modules/ sits above the Vite
// root (the README's one line for that case): pre-bundling would move the
// package's JS away from its .wasm. The harness adds this file to the
// vite5/6/7-dev-monorepo apps only; Vite 8 runs the same app without it.
export default { optimizeDeps: { exclude: ["intent-signer"] } };
