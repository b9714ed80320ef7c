"use client";
// Client component: the browser entries, bundled into Next's client build;
// the probes run in the browser after hydration and go into document.title.
import { useEffect, useState } from "react";

import * as all from "intent-signer";
import * as near from "intent-signer/near";
import * as evm from "intent-signer/evm";
import * as connect from "intent-signer/connect";

import { probe, probeBeforeReady } from "../../check.js";

const entries = { all, near, evm, connect };

export default function Client() {
  const [line, setLine] = useState("loading");
  useEffect(() => {
    const pre = {};
    for (const [name, mod] of Object.entries(entries)) pre[name] = probeBeforeReady(mod);
    Promise.all(Object.values(entries).map((mod) => mod.ready())).then(
      () => `RESULT ${Object.entries(entries).map(([name, mod]) => probe(name, mod, pre[name])).join(" ")}`,
      (error) => `ERROR ${(error && error.stack) || error}`,
    ).then((text) => {
      document.title = text;
      setLine(text);
    });
  }, []);
  return <p id="result">{line}</p>;
}
