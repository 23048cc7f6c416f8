// Production HTTP server: serves the Remix build with one JSON log line per request.
// `npm start` runs it; `npm run demo` runs it with demo mode on.
import cluster from "node:cluster";
import { existsSync, symlinkSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { limitRequestBody } from "../app/utils/body-limit.server";
import { trackHttpRequest } from "../app/utils/http-load.server";

export async function startServer(options: { port: number; buildDir?: string; host?: string }) {
  const buildDir = path.resolve(options.buildDir ?? (process.env.STOCKCAST_BUILD_DIR || "build"));
  // A build outside the checkout (STOCKCAST_BUILD_DIR=/tmp/…) still resolves the app's packages.
  if (path.relative(process.cwd(), buildDir).startsWith("..") && !existsSync(path.join(buildDir, "node_modules")))
    symlinkSync(path.resolve("node_modules"), path.join(buildDir, "node_modules"), "dir");
  const build = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild & {
    entry: {
      module: { withRequestContext?: <T>(fn: (ctx: { shop?: string }) => T) => T; logRequest?: (f: object) => void; getJobQueue?: () => unknown };
    };
  };
  // The logger lives inside the build (app/utils/logger.server.ts), re-exported by entry.server.
  const { withRequestContext, logRequest, getJobQueue } = build.entry.module;
  // SQLite: starts the in-process job poller and its sweeps now (PostgreSQL: `npm run worker` works them).
  getJobQueue?.();

  const app = express();
  app.disable("x-powered-by");
  // Counted from the first middleware: background work in this process yields while a request is in
  // flight, and the static lookups below each wait for the loop (a /healthz during an import waited a
  // whole import step per lookup when counting started after them).
  app.use((_req, res, next) => {
    res.on("close", trackHttpRequest());
    next();
  });
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  app.use(express.static("public", { maxAge: "1h" }));
  const handler = createRequestHandler({ build, mode: process.env.NODE_ENV });
  app.all("*", (req, res, next) => {
    const started = performance.now();
    const run = (ctx: { shop?: string } = {}) => {
      res.on("finish", () =>
        logRequest?.({ shop: ctx.shop, method: req.method, route: req.path, status: res.statusCode, durationMs: Math.round(performance.now() - started) }),
      );
      // Before the handler: nothing has read the body yet.
      return limitRequestBody(req, res, () => handler(req, res, next));
    };
    return withRequestContext ? withRequestContext(run) : run();
  });

  return new Promise<import("node:http").Server>((resolve) => {
    const server = app.listen(options.port, options.host ?? "0.0.0.0", () => resolve(server));
    // Longer than the idle timeouts of the proxies and clients in front, so a reused keep-alive
    // connection is never closed under a request in flight (ECONNRESET).
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  });
}

// WEB_CONCURRENCY=N runs N server processes sharing the port (node:cluster), one per core you give the
// web tier; each is stateless, and the database serialises what must be.
const processes = Math.max(1, Number(process.env.WEB_CONCURRENCY || 1));
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && processes > 1 && cluster.isPrimary) {
  let shuttingDown = false;
  for (let i = 0; i < processes; i++) cluster.fork();
  cluster.on("exit", (_worker, code) => {
    if (!shuttingDown && code !== 0) cluster.fork();
  });
  process.once("SIGTERM", () => {
    shuttingDown = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 6000).unref();
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
  });
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.PORT || 3000);
  startServer({ port }).then((server) => {
    console.log(JSON.stringify({ kind: "server", msg: `listening on http://localhost:${port}` }));
    // Graceful stop: finish in-flight requests, then exit normally (profilers and exit hooks run).
    process.once("SIGTERM", () => {
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 5000).unref();
    });
  });
}
