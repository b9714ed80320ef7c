// The review through the JS API: hostile and honest executions side by side
// (tests/vectors/review-intents.json), and the verifier's parse rules
// (tests/vectors/verifier-parse.json, every input parsed by the verifier's
// own crate). Expected values come from the vector files only.

import assert from "node:assert/strict";
import { test } from "node:test";

import { decodeIntent, decodeIntentMessage, prepareSigning } from "intent-signer";

import { vectorFile } from "./helpers.mjs";

const review = vectorFile("review-intents.json");
const parse = vectorFile("verifier-parse.json");

const key = (w) => `${w.code}|${w.severity}|${w.path}`;
const RANK = { danger: 0, warning: 1, info: 2 };

for (const c of review.cases) {
  test(`review ${c.id}`, () => {
    const { execution, wallet, now, knownRecipients } = c.input;
    const options = { wallet, now, ...(knownRecipients ? { knownRecipients } : {}) };
    if (c.error) {
      assert.throws(
        () => prepareSigning(execution, options),
        (e) => e.code === c.error && e.path === c.errorPath,
        `${c.id}: ${c.error} at ${c.errorPath}`,
      );
      return;
    }
    const r = prepareSigning(execution, options);
    assert.deepEqual(r.warnings.map(key).sort(), c.expected.warnings.map(key).sort(), `${c.id}: warnings`);
    for (let i = 1; i < r.warnings.length; i++) {
      assert.ok(RANK[r.warnings[i - 1].severity] <= RANK[r.warnings[i].severity], `${c.id}: most severe first`);
    }
    assert.equal(r.quoteMatches, c.expected.quoteMatches, `${c.id}: quoteMatches`);
    (c.expected.entries ?? []).forEach((e, i) => {
      assert.equal(r.entries[i].kind, e.kind, `${c.id}: entry ${i}`);
      const names = r.entries[i].fields.map((f) => f.name);
      for (const f of e.fields) assert.ok(names.includes(f), `${c.id}: entry ${i} lacks ${f} (${names})`);
    });
    for (const line of r.review) assert.ok(!/[\n\r\u2028\u2029]/.test(line), `${c.id}: a line break in ${JSON.stringify(line)}`);
    for (const s of c.expected.reviewIncludes ?? []) {
      assert.ok(r.review.some((l) => l.includes(s)), `${c.id}: no line has ${JSON.stringify(s)}`);
    }
    const danger = r.warnings.some((w) => w.severity === "danger");
    assert.equal(danger, c.flags.includes("hostile"), `${c.id}: hostile iff a danger warning`);
  });
}

const normalise = (i) => {
  const o = { ...i };
  if (o.attached_deposit === "0") delete o.attached_deposit;
  if (typeof o.public_key === "string" && !o.public_key.includes(":")) o.public_key = `ed25519:${o.public_key}`;
  return o;
};

for (const c of parse.cases) {
  test(`verifier parse ${c.id}`, () => {
    const { mode, text } = c.input;
    const run = () =>
      mode === "nep413"
        ? decodeIntent({
            standard: "nep413",
            payload: { message: text, nonce: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", recipient: "intents.near" },
            public_key: "ed25519:11111111111111111111111111111111",
            signature: `ed25519:${"1".repeat(64)}`,
          })
        : decodeIntentMessage(text);
    if (c.expected.flagged) {
      const d = run();
      assert.ok(d.warnings.some((w) => w.code === c.expected.flagged && w.severity === "danger"), c.id);
      return;
    }
    if (c.expected.refused) {
      assert.throws(run, (e) => typeof e.code === "string", `${c.id}: refused`);
      return;
    }
    const d = run();
    const want = c.verifier.accepts;
    assert.equal(d.signerId, want.signer_id, `${c.id}: signer_id`);
    assert.equal(d.deadlineMs, Math.floor(Date.parse(want.deadline)), `${c.id}: deadline`);
    const ours = d.intents.map((i) => normalise(JSON.parse(JSON.stringify(i))));
    assert.deepEqual(ours, (want.intents ?? []).map(normalise), `${c.id}: intents`);
  });
}
