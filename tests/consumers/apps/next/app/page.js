// Server component rendered on every request (SSR): the Node entry of each
// package specifier, bundled into Next's server build. The harness fetches
// the HTML without running any script and reads #result.
import * as all from "intent-signer";
import * as near from "intent-signer/near";
import * as evm from "intent-signer/evm";
import * as connect from "intent-signer/connect";

import { probe } from "../check.js";

export const dynamic = "force-dynamic";

const entries = { all, near, evm, connect };

async function result() {
  try {
    await Promise.all(Object.values(entries).map((mod) => mod.ready()));
    return `RESULT ${Object.entries(entries).map(([name, mod]) => probe(name, mod)).join(" ")}`;
  } catch (error) {
    return `ERROR ${(error && error.stack) || error}`;
  }
}

export default async function Page() {
  return <p id="result">{await result()}</p>;
}
