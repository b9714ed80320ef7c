// Mock of the actions API with EIP-7702 delegation (shared/reference/apis.md
// §D: Spicenet Spice Flow). `POST /actions` takes the user's signed 7702
// authorizations (`chainAuthorizations`), each verified here: the authority
// recovered from keccak256(0x05 ‖ rlp([chainId, address, nonce])) must be the
// `user` (high-s refused). Steps then run in order with
// `POST /actions/:id/intents/:i/steps/:s`. The intent signature of 7702 mode is
// stored, not checked: its hashing is not public (§D.5).
import { randomBytes } from "node:crypto";
import { FormatError, bytesToHex, eip7702Recover, isAddress, keccak_256, utf8ToBytes } from "./verify.mjs";

const MODES = ["7702", "non-7702:on-demand", "non-7702:presign"];

class Reject extends Error {
  constructor(status, body) {
    super(body.error);
    this.status = status;
    this.body = body;
  }
}
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isHex = (v, bytes) => typeof v === "string" && (bytes === undefined ? /^0x([0-9a-fA-F]{2})*$/ : new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`)).test(v);
const isUint = (v) => (Number.isSafeInteger(v) && v >= 0) || (typeof v === "string" && /^(0|[1-9]\d*)$/.test(v));

/** Schema check of a create body; returns the issues keyed by path. */
function schemaIssues(body) {
  const issues = {};
  const need = (ok, path, msg) => {
    if (!ok) issues[path] = msg;
  };
  if (!isObject(body)) return { "": "expected an object" };
  need(isAddress(body.user), "user", "expected an address");
  if (body.chainAuthorizations !== undefined) {
    if (!Array.isArray(body.chainAuthorizations)) issues.chainAuthorizations = "expected an array";
    else
      body.chainAuthorizations.forEach((a, i) => {
        const p = `chainAuthorizations[${i}]`;
        if (!isObject(a)) return (issues[p] = "expected an object");
        need(isAddress(a.address), `${p}.address`, "expected an address");
        need(isUint(a.chainId), `${p}.chainId`, "expected a non-negative integer");
        need(isUint(a.nonce), `${p}.nonce`, "expected a non-negative integer");
        need(isHex(a.r) && a.r.length <= 66 && a.r.length > 2, `${p}.r`, "expected 0x hex of at most 32 bytes");
        need(isHex(a.s) && a.s.length <= 66 && a.s.length > 2, `${p}.s`, "expected 0x hex of at most 32 bytes");
        need(a.yParity === undefined || a.yParity === 0 || a.yParity === 1, `${p}.yParity`, "expected 0 or 1");
      });
  }
  if (!Array.isArray(body.intents) || body.intents.length === 0) {
    issues.intents = "expected a non-empty array";
    return issues;
  }
  body.intents.forEach((it, i) => {
    const p = `intents[${i}]`;
    if (!isObject(it)) return (issues[p] = "expected an object");
    if (!MODES.includes(it.mode)) return (issues[`${p}.mode`] = `expected one of ${MODES.join(", ")}`);
    if (it.mode === "7702") {
      need(typeof it.signatureType === "string" && it.signatureType !== "", `${p}.signatureType`, "expected a string");
      need(isHex(it.signature) && it.signature.length > 2, `${p}.signature`, "expected 0x hex");
      need(Number.isSafeInteger(it.nbf), `${p}.nbf`, "expected an integer");
      need(Number.isSafeInteger(it.exp), `${p}.exp`, "expected an integer");
    }
    if (!Array.isArray(it.chainBatches) || it.chainBatches.length === 0) return (issues[`${p}.chainBatches`] = "expected a non-empty array");
    it.chainBatches.forEach((b, j) => {
      const q = `${p}.chainBatches[${j}]`;
      if (!isObject(b)) return (issues[q] = "expected an object");
      need(Number.isSafeInteger(b.chainId) && b.chainId > 0, `${q}.chainId`, "expected a positive integer");
      need(Array.isArray(b.tokenTransfers), `${q}.tokenTransfers`, "expected an array");
      (Array.isArray(b.tokenTransfers) ? b.tokenTransfers : []).forEach((t, k) => {
        const r = `${q}.tokenTransfers[${k}]`;
        if (!isObject(t)) return (issues[r] = "expected an object");
        need(isAddress(t.from) || t.from === "solver", `${r}.from`, 'expected an address or "solver"');
        need(isAddress(t.to), `${r}.to`, "expected an address");
        need(isAddress(t.tokenAddress), `${r}.tokenAddress`, "expected an address");
        need(typeof t.amount === "string" && /^(0|[1-9]\d*)$/.test(t.amount), `${r}.amount`, "expected a wei amount as a decimal string");
      });
      const checkCall = (c, r) => {
        if (!isObject(c)) return (issues[r] = "expected an object");
        need(isAddress(c.to), `${r}.to`, "expected an address");
        need(isUint(c.value), `${r}.value`, "expected a non-negative integer");
        need(isHex(c.data), `${r}.data`, "expected 0x hex");
      };
      if (it.mode === "7702") {
        need(isHex(b.hash, 32), `${q}.hash`, "expected a 32-byte 0x hash");
        if (!Array.isArray(b.calls)) issues[`${q}.calls`] = "expected an array";
        else b.calls.forEach((c, k) => checkCall(c, `${q}.calls[${k}]`));
      } else {
        checkCall(b.call, `${q}.call`);
        if (it.mode === "non-7702:presign") need(isObject(b.call) && isHex(b.call.signature), `${q}.call.signature`, "expected 0x hex");
      }
    });
  });
  return issues;
}

export function createActionsMock(shared) {
  const actions = new Map();
  const processed = new Set();
  const now = () => shared.now();

  function reset() {
    actions.clear();
    processed.clear();
  }

  function create(body) {
    const issues = schemaIssues(body);
    if (Object.keys(issues).length) throw new Reject(400, { error: "schema validation failed", issues });
    const needs7702 = body.intents.filter((it) => it.mode === "7702");
    const auths = body.chainAuthorizations ?? [];
    if (needs7702.length && auths.length === 0) throw new Reject(400, { error: "chainAuthorizations required for 7702 intents" });
    const user = body.user.toLowerCase();
    const authIssues = {};
    auths.forEach((a, i) => {
      try {
        const authority = eip7702Recover({ chainId: a.chainId, address: a.address, nonce: a.nonce, r: a.r, s: a.s, yParity: a.yParity ?? 0 });
        if (authority !== user) authIssues[`chainAuthorizations[${i}]`] = `signed by ${authority ?? "nobody"}, not by user ${user}`;
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
        authIssues[`chainAuthorizations[${i}]`] = e.message;
      }
    });
    if (Object.keys(authIssues).length) throw new Reject(400, { error: "invalid chain authorization", issues: authIssues });
    const authorized = new Set(auths.map((a) => Number(a.chainId)));
    for (const it of needs7702) {
      for (const b of it.chainBatches) {
        if (!authorized.has(b.chainId) && !authorized.has(0)) {
          throw new Reject(400, { error: "chainAuthorizations required for 7702 intents", issues: { chainId: `no authorization for chain ${b.chainId}` } });
        }
      }
    }
    const actionId = "act_" + bytesToHex(randomBytes(12));
    const record = {
      actionId,
      user,
      createdAt: new Date(now()).toISOString(),
      authorizations: auths,
      intents: body.intents.map((it, i) => ({
        intentId: `${actionId}/${i}`,
        mode: it.mode,
        source: it,
        steps: it.chainBatches.map((b, s) => ({ stepIndex: s, chainId: b.chainId, status: "created", transactionHash: null, hash: null })),
      })),
    };
    actions.set(actionId, record);
    return { actionId, intentIds: record.intents.map((i) => i.intentId) };
  }

  const intentStatus = (it) =>
    it.steps.every((s) => s.status === "success") ? "success" : it.steps.some((s) => s.status !== "created") ? "executing" : "created";

  function actionView(a) {
    const intents = a.intents.map((it, i) => ({ intentId: it.intentId, intentIndex: i, mode: it.mode, status: intentStatus(it), steps: it.steps.map(stepView) }));
    const status = intents.every((i) => i.status === "success") ? "success" : intents.some((i) => i.status !== "created") ? "executing" : "created";
    return { actionId: a.actionId, user: a.user, createdAt: a.createdAt, status, intents };
  }
  const stepView = (s) => ({ stepIndex: s.stepIndex, chainId: s.chainId, status: s.status, transactionHash: s.transactionHash });

  function lookup(actionId, i, s) {
    const a = actions.get(actionId);
    const it = a?.intents[Number(i)];
    const step = s === undefined ? undefined : it?.steps[Number(s)];
    const bad = !a || !/^\d+$/.test(String(i)) || !it || (s !== undefined && (!/^\d+$/.test(String(s)) || !step));
    if (bad) {
      const body = { error: "could not find intent", actionId, intentIndex: Number(i) };
      if (s !== undefined) body.stepIndex = Number(s);
      throw new Reject(404, body);
    }
    return { a, it, step };
  }

  function executeStep(actionId, i, s, body) {
    const { it, step } = lookup(actionId, i, s);
    if (!isObject(body) || !["execute", "register"].includes(body.action)) {
      throw new Reject(400, { error: "schema validation failed", issues: { action: 'expected "execute" or "register"' } });
    }
    if (it.mode === "non-7702:presign") throw new Reject(400, { error: "non-7702:presign is not implemented" });
    if (step.status !== "created" && step.status !== "registered") return { status: 202, body: { status: "executing" } };
    const previous = it.steps[step.stepIndex - 1];
    if (previous && previous.status !== "success") throw new Reject(400, { error: `steps must run in order: step ${step.stepIndex - 1} has not succeeded` });
    if (it.mode === "7702") {
      if (body.action !== "execute") throw new Reject(400, { error: "schema validation failed", issues: { action: '7702 steps take "execute"' } });
    } else {
      if (!isHex(body.hash, 32)) throw new Reject(400, { error: "schema validation failed", issues: { hash: "expected a 32-byte 0x transaction hash" } });
      const h = body.hash.toLowerCase();
      if (body.action === "register") {
        if (processed.has(h)) throw new Reject(400, { error: "Transaction already processed" });
        step.status = "registered";
        step.hash = h;
        return { status: 200, body: { status: "registered" } };
      }
      if (processed.has(h)) throw new Reject(400, { error: "Transaction already processed" });
      if (step.hash && step.hash !== h) throw new Reject(400, { error: "Transaction failed or pending" });
      processed.add(h);
      step.hash = h;
    }
    step.status = "success";
    step.transactionHash = "0x" + bytesToHex(keccak_256(utf8ToBytes(`actions mock tx|${actionId}|${i}|${s}`)));
    return { status: 200, body: { status: "success", transactionHash: step.transactionHash } };
  }

  function parse(raw) {
    if (raw === undefined || raw.trim() === "") throw new Reject(400, { error: "schema validation failed", issues: { "": "empty body" } });
    try {
      return JSON.parse(raw);
    } catch (e) {
      throw new Reject(400, { error: `invalid JSON body: ${e.message}` });
    }
  }

  function route(ctx) {
    const parts = ctx.path.split("/").slice(1); // ["actions", id, "intents", i, "steps", s]
    const m = ctx.method;
    if (parts[0] !== "actions") throw new Reject(404, { error: `not found: ${m} ${ctx.path}` });
    if (parts.length === 1) {
      if (m === "POST") return { status: 201, body: create(parse(ctx.rawBody)) };
      throw new Reject(405, { error: `method ${m} not allowed` });
    }
    if (parts.length === 2 && m === "GET") {
      const a = actions.get(parts[1]);
      if (!a) throw new Reject(404, { error: "could not find action", actionId: parts[1] });
      return { status: 200, body: actionView(a) };
    }
    if (parts.length === 4 && parts[2] === "intents" && m === "GET") {
      const { it } = lookup(parts[1], parts[3]);
      return { status: 200, body: { intentId: it.intentId, mode: it.mode, status: intentStatus(it), steps: it.steps.map(stepView) } };
    }
    if (parts.length === 6 && parts[2] === "intents" && parts[4] === "steps") {
      if (m === "GET") return { status: 200, body: stepView(lookup(parts[1], parts[3], parts[5]).step) };
      if (m === "POST") return executeStep(parts[1], parts[3], parts[5], parse(ctx.rawBody));
    }
    throw new Reject(404, { error: `not found: ${m} ${ctx.path}` });
  }

  function handle(ctx) {
    try {
      return route(ctx);
    } catch (e) {
      if (e instanceof Reject) return { status: e.status, body: e.body };
      throw e;
    }
  }

  return { handle, reset, actions };
}
