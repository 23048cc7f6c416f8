// `npm run bench:webhooks [-- --count 3000 --concurrency 32 --warmup 300 --web-processes N --db sqlite|postgres|both]`
// Replays a burst of HMAC-signed orders/create webhooks (10% redeliveries of an earlier webhook id) against
// the built server, on SQLite and on PostgreSQL, then waits for the queue to apply them and checks that
// nothing was lost or counted twice. Prints acknowledgement throughput and p50/p99 latency, how long after the
// burst every event was applied ("drained"), and how long until the plan had followed them ("re-planned").
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createFreshDatabase, dropDatabase, migrateDeploy } from "../tests/setup/databases";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "3000" },
    concurrency: { type: "string", default: "32" },
    warmup: { type: "string", default: "300" },
    // Web server processes (WEB_CONCURRENCY); default: 2 on PostgreSQL (one per core), 1 on SQLite (one writer).
    "web-processes": { type: "string" },
    db: { type: "string", default: "both" },
    postgres: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
});
const COUNT = Number(args.count);
const CONCURRENCY = Number(args.concurrency);
const WARMUP = Number(args.warmup);
const webProcesses = (kind: "sqlite" | "postgres") => Number(args["web-processes"] ?? (kind === "postgres" ? 2 : 1));
const SECRET = "bench-secret";
const SHOP = "bench-shop.myshopify.com";
const VARIANTS = 50;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function orderPayload(i: number) {
  const id = 7_000_000_000_000 + i;
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#B${i}`,
    created_at: "2026-11-20T10:00:00Z",
    processed_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:00:01Z",
    cancelled_at: null,
    test: false,
    location_id: 1,
    line_items: [
      {
        id: 9_000_000_000_000 + i,
        admin_graphql_api_id: `gid://shopify/LineItem/${9_000_000_000_000 + i}`,
        variant_id: (i % VARIANTS) + 1,
        quantity: 1 + (i % 3),
        current_quantity: 1 + (i % 3),
        price: "10.00",
      },
    ],
    refunds: [],
  };
}

async function seed(url: string) {
  // app/db.server parses the app's environment when first imported.
  Object.assign(process.env, { DATABASE_URL: url, SHOPIFY_API_KEY: "bench", SHOPIFY_API_SECRET: SECRET, SHOPIFY_APP_URL: "http://localhost", LOG_LEVEL: "warn" });
  const { createPrismaClient } = await import("../app/db.server");
  const db = createPrismaClient(url);
  await db.shop.create({ data: { shop: SHOP, name: "Bench", ianaTimezone: "UTC" } });
  await db.location.create({ data: { shop: SHOP, shopifyId: "gid://shopify/Location/1", name: "Main" } });
  const product = await db.product.create({ data: { shop: SHOP, shopifyId: "gid://shopify/Product/1", title: "Widget" } });
  // Planned today already, so the nightly-plan sweep the server starts with does not plan it mid-burst.
  await db.planRun.create({ data: { shop: SHOP, status: "complete", asOfDate: new Date().toISOString().slice(0, 10), finishedAt: new Date() } });
  for (let v = 1; v <= VARIANTS; v++) {
    await db.variant.create({ data: { shop: SHOP, shopifyId: `gid://shopify/ProductVariant/${v}`, productId: product.id, title: `V${v}` } });
  }
  return db;
}

// BENCH_PROFILE_DIR=/tmp/prof writes a V8 CPU profile of each process (open it in Chrome DevTools).
function start(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  return spawn(process.execPath, [...profile, "--import", "tsx", script], { env, stdio: ["ignore", process.env.BENCH_VERBOSE ? "inherit" : "ignore", "inherit"] });
}

// CPU time a process has used so far (Linux /proc; clock ticks of 10 ms), to report CPU per webhook,
// which stays meaningful when other work shares the machine.
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const own = (Number(fields[11]) + Number(fields[12])) / 100;
    // Cluster workers (WEB_CONCURRENCY) are children of the server process.
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return own + children.reduce((sum, child) => sum + cpuSeconds(Number(child)), 0);
  } catch {
    return NaN;
  }
}

// The load generator shares the 2 cores with the server: plain http.request on keep-alive sockets costs a
// fraction of fetch's CPU per request, and the HMACs are computed before the clock starts.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function post(port: number, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/webhooks/orders", method: "POST", agent, headers: { ...headers, "Content-Length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function benchOne(kind: "sqlite" | "postgres") {
  const url = await createFreshDatabase(kind === "sqlite" ? "file:./prisma/bench.db" : args.postgres!, "bench");
  await migrateDeploy(url);
  const db = await seed(url);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    PORT: String(port),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    SHOPIFY_API_KEY: "bench",
    SHOPIFY_API_SECRET: SECRET,
    SHOPIFY_APP_URL: `http://localhost:${port}`,
    STOCKCAST_DEMO: "0",
    // Production refuses to start without a key of its own (docs/security.md); a throw-away one per run.
    STOCKCAST_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    WEB_CONCURRENCY: String(webProcesses(kind)),
  };
  const children = [start("scripts/serve.ts", env)];
  // On PostgreSQL the web app only enqueues; a worker process applies the events (on SQLite the app does).
  if (kind === "postgres") children.push(start("scripts/worker.ts", env));
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) break;
      if (i > 120) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 500));
    }
    // The burst: every 10th delivery repeats an earlier webhook id with the same body, as Shopify's retries do.
    const deliveries: { body: string; id: string; hmac: string }[] = [];
    const unique: { body: string; id: string; hmac: string; quantity: number }[] = [];
    for (let i = 0; deliveries.length < WARMUP + COUNT; i++) {
      if (deliveries.length % 10 === 9 && unique.length) deliveries.push(unique[Math.floor(unique.length / 2)]);
      else {
        const payload = orderPayload(i);
        const body = JSON.stringify(payload);
        const hmac = crypto.createHmac("sha256", SECRET).update(body).digest("base64");
        const entry = { body, id: crypto.randomUUID(), hmac, quantity: payload.line_items[0].quantity };
        unique.push(entry);
        deliveries.push(entry);
      }
    }
    // Warm-up: the first deliveries of a fresh server pay for JIT compilation and opening database
    // connections (≈ 0.5 s for the first 32). They are applied and checked like the rest, but not timed.
    const warm = deliveries.splice(0, Math.min(WARMUP, deliveries.length - 1));
    const sendAll = async (list: typeof deliveries, record: (t0: number, status: number) => void) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < list.length) {
            const d = list[next++];
            const t0 = performance.now();
            const status = await post(port, d.body, {
              "Content-Type": "application/json",
              "X-Shopify-Hmac-Sha256": d.hmac,
              "X-Shopify-Topic": "orders/create",
              "X-Shopify-Shop-Domain": SHOP,
              "X-Shopify-Webhook-Id": d.id,
              "X-Shopify-API-Version": "2026-10",
            });
            record(t0, status);
          }
        }),
      );
    };
    let failures = 0;
    await sendAll(warm, (_t0, status) => void (status !== 200 && failures++));
    await new Promise((r) => setTimeout(r, 1000));
    const latencies: number[] = [];
    // BENCH_TRACE_FILE=path writes "start ms,latency ms" per timed delivery (where in the burst the slow ones are).
    const trace: string[] | null = process.env.BENCH_TRACE_FILE ? [] : null;
    const cpuBefore = cpuSeconds(children[0].pid);
    const started = performance.now();
    await sendAll(deliveries, (t0, status) => {
      const ms = performance.now() - t0;
      latencies.push(ms);
      trace?.push(`${(t0 - started).toFixed(1)},${ms.toFixed(1)}`);
      if (status !== 200) failures++;
    });
    const seconds = (performance.now() - started) / 1000;
    if (trace) writeFileSync(`${process.env.BENCH_TRACE_FILE}.${kind}`, trace.join("\n") + "\n");
    const serverCpuMs = ((cpuSeconds(children[0].pid) - cpuBefore) * 1000) / deliveries.length;
    const applyStart = performance.now();
    let processed = 0;
    while (performance.now() - applyStart < 300_000) {
      processed = await db.webhookEvent.count({ where: { shop: SHOP, status: "processed" } });
      if (processed >= unique.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const applySeconds = (performance.now() - applyStart) / 1000;
    // Re-planned: no plan job of the shop waiting or running, and the plan's rows written after the last event
    // was applied (issue "Live plan": every applied change reaches the plan within seconds).
    const { countPendingJobs } = await import("../app/models/jobs.server");
    const lastApplied = (await db.webhookEvent.aggregate({ where: { shop: SHOP }, _max: { processedAt: true } }))._max.processedAt ?? new Date(0);
    let replanSeconds = NaN;
    while (performance.now() - applyStart < 300_000) {
      const run = await db.planRun.findFirst({ where: { shop: SHOP, status: "complete" }, orderBy: { startedAt: "desc" }, select: { heartbeatAt: true, finishedAt: true } });
      const written = Math.max(run?.heartbeatAt?.getTime() ?? 0, run?.finishedAt?.getTime() ?? 0);
      if (written >= lastApplied.getTime() && (await countPendingJobs(SHOP, ["plan", "plan-touched"])) === 0) {
        replanSeconds = (performance.now() - applyStart) / 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const expectedUnits = unique.reduce((s, u) => s + u.quantity, 0);
    const units = (await db.demandDay.aggregate({ where: { shop: SHOP }, _sum: { units: true } }))._sum.units ?? 0;
    const lines = await db.orderLine.count({ where: { shop: SHOP } });
    const events = await db.webhookEvent.count({ where: { shop: SHOP } });
    latencies.sort((a, b) => a - b);
    await db.$disconnect();
    return {
      db: kind === "sqlite" ? "SQLite" : "PostgreSQL",
      sent: deliveries.length,
      warmup: warm.length,
      webProcesses: webProcesses(kind),
      unique: unique.length,
      non200: failures,
      perSecond: deliveries.length / seconds,
      serverCpuMs,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      applySeconds,
      replanSeconds,
      lost: unique.length - Math.min(events, lines),
      doubleCounted: units - expectedUnits,
      processed,
    };
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await dropDatabase(url);
  }
}

if (!existsSync(path.join(process.env.STOCKCAST_BUILD_DIR || "build", "server/index.js"))) {
  console.error("Build the app first: npm run build");
  process.exit(1);
}
const kinds = args.db === "both" ? (["sqlite", "postgres"] as const) : [args.db as "sqlite" | "postgres"];
const rows = [];
for (const kind of kinds) rows.push(await benchOne(kind));
console.log(`\norders/create burst: ${COUNT} timed deliveries after ${WARMUP} untimed warm-up ones (10% redeliveries), ${CONCURRENCY} in flight, ${new Date().toISOString()}`);
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min)`);
console.log("| database | web processes | warm-up (untimed) | sent (timed) | unique (all) | non-200 | webhooks/s | p50 ms | p99 ms | server CPU ms per webhook | queue drained in s | re-planned in s | lost | double-counted units |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.db} | ${r.webProcesses} | ${r.warmup} | ${r.sent} | ${r.unique} | ${r.non200} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.serverCpuMs.toFixed(2)} | ${r.applySeconds.toFixed(1)} | ${r.replanSeconds.toFixed(1)} | ${r.lost} | ${r.doubleCounted} |`,
  );
}
process.exit(rows.every((r) => r.lost === 0 && r.doubleCounted === 0 && r.non200 === 0 && r.processed === r.unique && Number.isFinite(r.replanSeconds)) ? 0 : 1);
