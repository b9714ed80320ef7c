// A tiny static file server for the packaging test: node:http only, no
// dependencies, 127.0.0.1 only, a free port chosen by the OS.
//   import { serve } from "./serve.mjs"; const s = await serve(dir); ... await s.close();
//   node serve.mjs DIR   (prints the URL, serves until killed)
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

export function serve(rootDir, { host = "127.0.0.1", port = 0, log = () => {} } = {}) {
  const root = fs.realpathSync(rootDir);
  const server = http.createServer((req, res) => {
    const send = (status, body, type = "text/plain; charset=utf-8") => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
      log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n");
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      return send(400, "bad request\n");
    }
    if (rel.includes("\0")) return send(400, "bad request\n");
    let file = path.join(root, path.normalize(rel));
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, "forbidden\n");
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        file = path.join(file, "index.html");
      }
      fs.readFile(file, (err2, data) => {
        if (err2) return send(404, "not found\n");
        // Symlinks (npm may link) must not lead outside the root either.
        let real;
        try { real = fs.realpathSync(file); } catch { return send(404, "not found\n"); }
        if (real !== root && !real.startsWith(root + path.sep)) return send(403, "forbidden\n");
        send(200, data, MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream");
      });
    });
  });
  server.keepAliveTimeout = 1000;
  server.requestTimeout = 10000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        server,
        port: actual,
        url: `http://${host}:${actual}/`,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? ".";
  const s = await serve(dir, { log: (l) => console.error(l) });
  console.log(s.url);
  const stop = () => s.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
