// A/B speed of nodejs-target builds of the module (wasm-bindgen --target nodejs
// + scripts/opt-wasm.sh), in one Node process: 7 interleaved rounds of 150 ms
// per call and build, best round, µs per call. Used for "Size per entry" in
// BENCHMARKS.md. Usage: node scripts/ab-speed.cjs <dir> <dir> ... (AB_ONLY=<regex>)
const path = require("path");
const builds = process.argv.slice(2).map((p) => [p, require(path.resolve(p, "intent_signer.js"))]);
const seed = new Uint8Array(32).map((_, i) => i + 1);
const msg = new Uint8Array(600).map((_, i) => i * 7);
const sk = new Uint8Array(32).map((_, i) => 200 - i);
const ops = {
  ed25519Sign: (m) => m.ed25519Sign(msg, seed),
  ed25519Verify: (m, s) => m.ed25519Verify(s.pk, msg, s.sig),
  ed25519PublicKey: (m) => m.ed25519PublicKey(seed),
  erc191Sign: (m) => m.erc191Sign(msg, sk),
  erc191Recover: (m, s) => m.erc191Recover(msg, s.esig),
  erc191Hash: (m) => m.erc191Hash(msg),
  abiEncodeCall: (m) => m.abiEncodeCall("transfer(address,uint256)", ["0x1111111111111111111111111111111111111111", "1000000000000000000"]),
  nep413Hash: (m) => m.nep413Hash(nep),
  eip712Hash: (m) => m.eip712Hash(td),
  decodeIntentMessage: (m) => m.decodeIntentMessage(intentMsg),
};
const nep = { message: "hello", nonce: Buffer.alloc(32, 7).toString("base64"), recipient: "intents.near" };
const td = { types: { EIP712Domain: [{ name: "name", type: "string" }, { name: "chainId", type: "uint256" }], Mail: [{ name: "to", type: "address" }, { name: "contents", type: "string" }, { name: "n", type: "uint256[]" }] }, primaryType: "Mail", domain: { name: "x", chainId: 1 }, message: { to: "0x1111111111111111111111111111111111111111", contents: "hi", n: ["1", "2", "3"] } };
const intentMsg = JSON.stringify({ signer_id: "alice.near", verifying_contract: "intents.near", deadline: "2030-01-01T00:00:00Z", nonce: Buffer.alloc(32, 1).toString("base64"), intents: [{ intent: "transfer", receiver_id: "bob.near", tokens: { "nep141:wrap.near": "1000" } }, { intent: "token_diff", diff: { "nep141:wrap.near": "-5", "nep141:usdc.near": "10" } }] });
const only = process.env.AB_ONLY ? new RegExp(process.env.AB_ONLY) : null;
const st = builds.map(([, m]) => ({ pk: m.ed25519PublicKey(seed), sig: m.ed25519Sign(msg, seed), esig: m.erc191Sign(msg, sk) }));
const best = {};
for (let round = 0; round < 7; round++) {
  for (const [name, f] of Object.entries(ops)) {
    if (only && !only.test(name)) continue;
    builds.forEach(([p, m], i) => {
      const t0 = performance.now(); let n = 0;
      while (performance.now() - t0 < 150) { f(m, st[i]); n++; }
      const us = ((performance.now() - t0) * 1000) / n;
      const k = name + " " + p.split("/").pop();
      best[k] = Math.min(best[k] ?? Infinity, us);
    });
  }
}
for (const [k, v] of Object.entries(best)) console.log(k.padEnd(40), v.toFixed(1), "µs");
