// tests/vectors/execution-requests.json through validateExecutionRequest:
// each negative case asserts its code, class and path.

import assert from "node:assert/strict";
import { test } from "node:test";

import { errorCodes, validateExecutionRequest } from "intent-signer";

import { assertCodedError, vectorFile } from "./helpers.mjs";

const CODES = errorCodes();

test("tests/vectors/execution-requests.json", async (t) => {
  const doc = vectorFile("execution-requests.json");
  let ran = 0;
  for (const c of doc.cases) {
    await t.test(c.id, () => {
      const run = () => validateExecutionRequest(c.input.body, { kind: c.input.kind });
      if (c.error) {
        let e;
        try {
          run();
        } catch (err) {
          e = err;
        }
        assert.ok(e, `${c.id}: expected ${c.error}`);
        assertCodedError(e, c.id, CODES, c.error);
        assert.equal(e.path, c.path, `${c.id}: path`);
      } else {
        assert.equal(run(), undefined, c.id);
      }
      ran++;
    });
  }
  assert.equal(ran, doc.cases.length);
});
