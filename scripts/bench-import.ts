// CSV import under load (issue 15, finding 1): does the server keep answering while a million-row history
// file imports? Seeds a shop on a fresh SQLite database, generates a 1,000,000-row "sku,date,qty" file
// (under the 20 MB upload cap), starts the built server (on SQLite the job runs in the web process), and:
//   1. baseline: polls /healthz every 50 ms with no import running;
//   2. uploads the file to Settings › Import the way the embedded admin does (session token, multipart) and
//      keeps polling /healthz every 50 ms until the import job has written every row.
// Reports healthz p50/p99/max for both phases, the upload's answer time, the import's wall time, the
// server's peak RSS, and the load average. Polls are open-loop (one every 50 ms whatever the previous one
// is doing), so a stall shows up in every request it holds, not just one.
//
//   STOCKCAST_BUILD_DIR=/tmp/build-importbench npx remix vite:build     # once: the server under test
//   STOCKCAST_BUILD_DIR=/tmp/build-importbench npm run bench:import -- --runs 3
//
// Options: --rows 1000000 --skus 1000 --runs 1 --baseline-seconds 10 --keep (leave the last database)
// --stop-after SECONDS (watch only the first seconds of the import: with BENCH_PROFILE_DIR, profiles the upload).
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { parseArgs } from "node:util";
import type { PrismaClient } from "@prisma/client";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { createFreshDatabase, dropDatabase, migrateDeploy } from "../tests/setup/databases";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    skus: { type: "string", default: "1000" },
    runs: { type: "string", default: "1" },
    "baseline-seconds": { type: "string", default: "10" },
    keep: { type: "boolean", default: false },
    "stop-after": { type: "string" },
  },
});
const ROWS = Number(args.rows);
const SKUS = Number(args.skus);
const RUNS = Number(args.runs);
const BASELINE_MS = Number(args["baseline-seconds"]) * 1000;
/** Stop watching after this many seconds of import (a partial run, e.g. to profile the upload with BENCH_PROFILE_DIR). */
const STOP_AFTER_MS = args["stop-after"] ? Number(args["stop-after"]) * 1000 : Infinity;
const POLL_MS = 50;
const SHOP = "bench-import.myshopify.com";
const API_KEY = "bench-import";
const SECRET = "bench-import-secret";
const SCOPES = "read_products,read_inventory,write_inventory,read_orders,read_locations";
const BUILD_DIR = process.env.STOCKCAST_BUILD_DIR || "build";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `ROWS` rows of units sold: SKUS SKUs × consecutive days (each SKU, location and day once). */
function demandCsv(): Buffer {
  const days = Math.ceil(ROWS / SKUS);
  const start = Date.UTC(2020, 0, 1);
  const dates = Array.from({ length: days }, (_, d) => new Date(start + d * 86_400_000).toISOString().slice(0, 10));
  const parts: string[] = ["sku,date,qty\n"];
  for (let i = 0; i < ROWS; i++) parts.push(`S${String(i % SKUS).padStart(4, "0")},${dates[Math.floor(i / SKUS)]},${1 + (i % 7)}\n`);
  return Buffer.from(parts.join(""));
}

async function seed(db: PrismaClient) {
  await db.shop.create({ data: { shop: SHOP, name: "Import bench", ianaTimezone: "UTC" } });
  await db.location.create({ data: { shop: SHOP, shopifyId: "gid://shopify/Location/1", name: "Main" } });
  const product = await db.product.create({ data: { shop: SHOP, shopifyId: "gid://shopify/Product/1", title: "Widget" } });
  await db.variant.createMany({
    data: Array.from({ length: SKUS }, (_, v) => ({ shop: SHOP, shopifyId: `gid://shopify/ProductVariant/${v + 1}`, productId: product.id, title: `V${v}`, sku: `S${String(v).padStart(4, "0")}` })),
  });
  // Planned today already, so the nightly-plan sweep the server starts with does not plan it mid-run.
  await db.planRun.create({ data: { shop: SHOP, status: "complete", asOfDate: new Date().toISOString().slice(0, 10), finishedAt: new Date() } });
  // The offline session Shopify's auth loads for session-token requests (as after a real install).
  await db.session.create({
    data: { id: `offline_${SHOP}`, shop: SHOP, state: "bench", isOnline: false, scope: SCOPES, expires: new Date(Date.now() + 2 * 86_400_000), accessToken: "bench-token" },
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function request(port: number, method: string, urlPath: string, headers: Record<string, string | number>, body?: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: urlPath, method, agent, headers }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }): { body: Buffer; contentType: string } {
  const boundary = `----bench${randomBytes(8).toString("hex")}`;
  const head = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("");
  const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head + fileHead), file.content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Open-loop /healthz polling: one request every POLL_MS until stop() is called; resolves to the latencies (ms). */
function pollHealthz(port: number) {
  const latencies: number[] = [];
  const timeline: { at: number; ms: number }[] = [];
  let failures = 0;
  const inflight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const t0 = performance.now();
    const p = request(port, "GET", "/healthz", {})
      .then((res) => {
        latencies.push(performance.now() - t0);
        timeline.push({ at: t0, ms: performance.now() - t0 });
        if (res.status !== 200) failures++;
      })
      .catch(() => void failures++)
      .finally(() => inflight.delete(p));
    inflight.add(p);
  }, POLL_MS);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inflight);
      return { latencies: latencies.sort((a, b) => a - b), failures, slowest: timeline.sort((a, b) => b.ms - a.ms).slice(0, 8) };
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const stats = (sorted: number[]) => ({ n: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] });
const kb = (pid: number | undefined, field: "VmHWM" | "VmRSS") => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runOnce(run: number, csv: Buffer) {
  const url = await createFreshDatabase("file:./prisma/bench-import.db", "importbench");
  await migrateDeploy(url);
  Object.assign(process.env, { DATABASE_URL: url, SHOPIFY_API_KEY: API_KEY, SHOPIFY_API_SECRET: SECRET, SHOPIFY_APP_URL: "http://localhost", LOG_LEVEL: "warn" });
  const { createPrismaClient } = await import("../app/db.server");
  const db = createPrismaClient(url);
  let child: ChildProcess | undefined;
  try {
    await seed(db);
    const port = await freePort();
    // BENCH_PROFILE_DIR=/tmp/prof writes a V8 CPU profile of the server (open it in Chrome DevTools).
    const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    // BENCH_SERVER_FLAGS="--trace-gc" BENCH_SERVER_STDOUT=/tmp/server.log: more Node/V8 flags, and where the server's stdout goes.
    const flags = (process.env.BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
    const stdout = process.env.BENCH_SERVER_STDOUT ? openSync(process.env.BENCH_SERVER_STDOUT, "w") : "ignore";
    child = spawn(process.execPath, [...profile, ...flags, "--import", "tsx", "scripts/serve.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        PORT: String(port),
        LOG_LEVEL: "warn",
        SHOPIFY_API_KEY: API_KEY,
        SHOPIFY_API_SECRET: SECRET,
        SHOPIFY_APP_URL: `http://localhost:${port}`,
        SCOPES,
        STOCKCAST_DEMO: "0",
        STOCKCAST_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        STOCKCAST_BUILD_DIR: BUILD_DIR,
      },
      stdio: ["ignore", stdout, "inherit"],
    });
    for (let i = 0; ; i++) {
      if (await request(port, "GET", "/healthz", {}).then((r) => r.status === 200, () => false)) break;
      if (i > 120) throw new Error("server did not start");
      await sleep(500);
    }
    // Warm-up (JIT, first queries), then the baseline with no import.
    for (let i = 0; i < 20; i++) await request(port, "GET", "/healthz", {});
    const baselinePoll = pollHealthz(port);
    await sleep(BASELINE_MS);
    const baseline = await baselinePoll.stop();
    const rssBefore = kb(child.pid, "VmRSS");

    const { token } = await getJwt(SHOP.replace(/\.myshopify\.com$/, ""), API_KEY, SECRET, { sub: "42" });
    const form = multipart({ intent: "import", kind: "demand" }, { name: "history-1m.csv", content: csv });
    const loadBefore = os.loadavg()[0];
    // The bench's own event loop (it also reads the batch through SQLite): a stall here would show in every
    // poll in flight without the server being slow, so its worst lag is reported beside the polls.
    const ownLoop = monitorEventLoopDelay({ resolution: 10 });
    ownLoop.enable();
    const during = pollHealthz(port);
    const started = performance.now();
    const upload = await request(port, "POST", `/app/settings/import?_data=${encodeURIComponent("routes/app.settings.import")}`, {
      Authorization: `Bearer ${token}`,
      Accept: "application/json",
      "Content-Type": form.contentType,
      "Content-Length": form.body.length,
    }, form.body);
    const uploadMs = performance.now() - started;
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${upload.body.slice(0, 500)}`);
    const { batchId } = (JSON.parse(upload.body) as { result: { batchId: string } }).result;
    let batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    const statusAtAnswer = batch.status;
    // Where the import was at each moment, to name the phase of the slowest polls.
    const phases: { at: number; phase: string }[] = [{ at: started, phase: "upload" }, { at: started + uploadMs, phase: "queued" }];
    const phaseOf = (b: typeof batch) =>
      b.status !== "running" ? b.status : b.rowsToWrite > 0 ? `writing (${b.rowsWritten}/${b.rowsToWrite})` : b.rowCount > 0 && b.bytesRead >= csv.length ? "planning" : `reading (${b.rowCount} rows)`;
    while ((batch.status === "queued" || batch.status === "running") && performance.now() - started < STOP_AFTER_MS) {
      await sleep(250);
      batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
      phases.push({ at: performance.now(), phase: phaseOf(batch) });
    }
    const importSeconds = (performance.now() - started) / 1000;
    const polled = await during.stop();
    ownLoop.disable();
    const benchLoopMaxMs = ownLoop.max / 1e6;
    const phaseAt = (at: number) => phases.find((p) => p.at >= at)?.phase ?? "after";
    const peakRssMb = kb(child.pid, "VmHWM");
    const loadAfter = os.loadavg()[0];
    if (batch.status !== "completed" && STOP_AFTER_MS === Infinity) throw new Error(`import ${batch.status}: ${JSON.stringify(batch.errors).slice(0, 500)}`);
    const [orderLines, demandDays] = await Promise.all([db.orderLine.count({ where: { shop: SHOP } }), db.demandDay.count({ where: { shop: SHOP } })]);
    const result = {
      run,
      rows: batch.rowCount,
      orderLines,
      demandDays,
      uploadMs,
      statusAtAnswer,
      importSeconds,
      baseline: stats(baseline.latencies),
      baselineFailures: baseline.failures,
      during: stats(polled.latencies),
      duringFailures: polled.failures,
      rssBeforeMb: rssBefore,
      peakRssMb,
      benchLoopMaxMs,
      loadBefore,
      loadAfter,
    };
    console.log(
      `[run ${run}] ${result.rows.toLocaleString("en-US")} rows → ${orderLines.toLocaleString("en-US")} order lines, ${demandDays.toLocaleString("en-US")} demand days; upload answered ${uploadMs.toFixed(0)} ms (${statusAtAnswer}); import ${importSeconds.toFixed(1)} s; ` +
        `healthz baseline p50 ${result.baseline.p50.toFixed(1)} / p99 ${result.baseline.p99.toFixed(1)} ms (n ${result.baseline.n}); during import p50 ${result.during.p50.toFixed(1)} / p99 ${result.during.p99.toFixed(1)} / max ${result.during.max.toFixed(0)} ms (n ${result.during.n}, failed ${polled.failures}); ` +
        `RSS ${rssBefore.toFixed(0)} MB before, peak ${peakRssMb.toFixed(0)} MB; load ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}`,
    );
    console.log(`  the bench's own event loop: worst lag ${benchLoopMaxMs.toFixed(0)} ms (a stall of the bench, not the server, if close to the slowest polls)`);
    console.log(`  slowest polls: ${polled.slowest.map((s) => `${s.ms.toFixed(0)} ms at +${((s.at - started) / 1000).toFixed(1)} s (${phaseAt(s.at + s.ms)})`).join("; ")}`);
    return result;
  } finally {
    child?.kill("SIGTERM");
    await db.$disconnect();
    await sleep(1000);
    if (!(args.keep && run === RUNS)) await dropDatabase(url);
    else console.log(`kept ${url}`);
  }
}

if (!existsSync(path.join(BUILD_DIR, "server/index.js"))) {
  console.error(`No build in ${BUILD_DIR}: run  STOCKCAST_BUILD_DIR=${BUILD_DIR} npx remix vite:build  (or npm run build) first`);
  process.exit(1);
}
const csv = demandCsv();
console.log(`file: ${ROWS.toLocaleString("en-US")} rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB; ${SKUS} SKUs; machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
const results = [];
for (let run = 1; run <= RUNS; run++) results.push(await runOnce(run, csv));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
if (RUNS > 1) {
  console.log(
    `median of ${RUNS}: import ${median(results.map((r) => r.importSeconds)).toFixed(1)} s; healthz baseline p99 ${median(results.map((r) => r.baseline.p99)).toFixed(1)} ms; ` +
      `during import p50 ${median(results.map((r) => r.during.p50)).toFixed(1)} / p99 ${median(results.map((r) => r.during.p99)).toFixed(1)} ms; peak RSS ${median(results.map((r) => r.peakRssMb)).toFixed(0)} MB`,
  );
}
agent.destroy();
process.exit(0);
